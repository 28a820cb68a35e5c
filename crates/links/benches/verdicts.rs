//! Offline verdict throughput with the full registry, `check` against a 1M-entry blocklist,
//! index size and start-up cost. Figures go to BENCHMARKS.md.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use links::{Analyzer, BlockEntry, BlocklistIndex, CheckContext, EntryKind};

/// Counts live heap bytes so the index footprint is measured, not estimated.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        LIVE.fetch_add(l.size(), Ordering::Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        LIVE.fetch_add(new, Ordering::Relaxed);
        LIVE.fetch_sub(l.size(), Ordering::Relaxed);
        unsafe { System.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn corpus_urls() -> Vec<String> {
    include_str!("../tests/corpus/urls.tsv").lines().skip(1).filter_map(|l| l.split('\t').nth(1).map(str::to_string)).collect()
}

/// 1M entries: 700k domains, 250k URLs, 50k IPv4, indicator ids, a TLP mix.
fn entries(n: usize) -> Vec<BlockEntry> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let tlds = ["com", "top", "xyz", "net", "info", "shop", "co.uk", "fr", "de", "online"];
    let levels = [tlp::Tlp::Clear, tlp::Tlp::Green, tlp::Tlp::Amber, tlp::Tlp::Red];
    let producers: Vec<String> = (0..50).map(|i| format!("identity--00000000-0000-4000-8000-{i:012}")).collect();
    (0..n)
        .map(|i| {
            let r = rnd();
            let label: String = (0..(8 + r % 10)).map(|k| (b'a' + ((r >> (k * 3)) % 26) as u8) as char).collect();
            let tld = tlds[(r >> 40) as usize % tlds.len()];
            let (kind, value) = match i % 20 {
                0 => (EntryKind::Ipv4, format!("{}.{}.{}.{}", 11 + r % 200, (r >> 8) % 256, (r >> 16) % 256, (r >> 24) % 256)),
                1..=5 => (EntryKind::Url, format!("https://{label}{i}.{tld}/pay/{}", r % 100_000)),
                _ => (EntryKind::Domain, format!("{label}{i}.{tld}")),
            };
            BlockEntry {
                kind,
                value,
                indicator_id: Some(format!("indicator--{:08x}-0000-4000-8000-{:012x}", i, r & 0xFFFF_FFFF_FFFF)),
                access: tlp::Access {
                    tlp: levels[(r >> 50) as usize % levels.len()],
                    producer: producers[(r >> 20) as usize % producers.len()].clone(),
                    recipients: Vec::new(),
                },
                source: "bench-feed".into(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let t = Instant::now();
    let registry = brands::BrandRegistry::builtin();
    let analyzer = Analyzer::new(&registry);
    let startup = t.elapsed();
    let urls = corpus_urls();

    let list = entries(1_000_000);
    let before = LIVE.load(Ordering::Relaxed);
    let list_bytes: usize = list
        .iter()
        .map(|e| {
            e.value.capacity()
                + e.indicator_id.as_ref().map_or(0, String::capacity)
                + e.access.producer.capacity()
                + e.source.capacity()
                + std::mem::size_of::<BlockEntry>()
        })
        .sum();
    let t = Instant::now();
    let index = BlocklistIndex::from_entries(list);
    let build = t.elapsed();
    // The entries were consumed (freed) during the build: add their size back.
    let index_bytes = (LIVE.load(Ordering::Relaxed) + list_bytes).saturating_sub(before);
    println!(
        "startup (registry + analyser): {:.1} ms; 1M-entry index: built in {:.2} s, {:.1} MB live heap (approx_bytes {:.1} MB), {} entries, {} rejected",
        startup.as_secs_f64() * 1e3,
        build.as_secs_f64(),
        index_bytes as f64 / 1e6,
        index.approx_bytes() as f64 / 1e6,
        index.len(),
        index.rejected()
    );

    let mut g = c.benchmark_group("links");
    g.throughput(Throughput::Elements(urls.len() as u64));
    g.bench_function("analyse_corpus_offline", |b| {
        b.iter(|| {
            for u in &urls {
                let _ = black_box(analyzer.analyse(black_box(u)));
            }
        })
    });
    let ctx = CheckContext { analyzer: &analyzer, index: &index, audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Green } };
    g.bench_function("check_corpus_1m_blocklist", |b| {
        b.iter(|| {
            for u in &urls {
                let _ = black_box(links::check(black_box(u), &ctx));
            }
        })
    });
    g.finish();
    c.bench_function("analyser_startup", |b| b.iter(|| black_box(Analyzer::new(&registry))));
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);
