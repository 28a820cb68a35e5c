//! Criterion benches: classification plus extraction per message, and model load time.
//!
//! The representative workload is the bench mix (`data/messages/bench_mix`, 2,010 messages):
//! all seven languages, and phone numbers, amounts and links from every country of the brand
//! registry, so phone validation meets as many numbering plans as real traffic does.
//!
//! The workload is the 118 held-out multilingual templates (every one with its URL, phone,
//! amount and tracking-number slots filled, so extraction always has work), three ways:
//! text only (no link checker), full pipeline with links seen before (campaign repeats: the
//! link-verdict cache answers), and full pipeline where every URL is new (the `links`
//! analyser runs for each message).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};

const HELD_OUT: &str = include_str!("../../../data/messages/authored/test.tsv");
const MIX: &str = include_str!("../../../data/messages/bench_mix/messages.jsonl");

/// The texts of the bench mix.
fn mix() -> Vec<String> {
    MIX.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

fn messages() -> Vec<String> {
    const BRANDS: &[&str] = &["Correos", "La Poste", "Royal Mail", "DHL", "CTT", "Poste Italiane", "Posta Shqiptare"];
    HELD_OUT
        .lines()
        .filter_map(|l| l.rsplit('\t').next())
        .enumerate()
        .map(|(i, t)| {
            t.replace("{brand}", BRANDS[i % BRANDS.len()])
                .replace("{url}", "https://correos-es.top/pago")
                .replace("{phone}", "612 345 678")
                .replace("{amount}", "1,99 €")
                .replace("{tracking}", "RR123456785GB")
        })
        .collect()
}

fn analyze(c: &mut Criterion) {
    let msgs = messages();
    let full = scamtext::Analyzer::builtin().expect("shipped model loads");
    let text_only = scamtext::Analyzer::builtin().expect("shipped model loads").without_link_check();
    let mixed = mix();
    let mut g = c.benchmark_group("analyze");
    g.throughput(Throughput::Elements(mixed.len() as u64));
    g.bench_function("mix_text_only", |b| {
        b.iter(|| {
            for m in &mixed {
                black_box(text_only.analyze(black_box(m)));
            }
        })
    });
    g.bench_function("mix_full_repeated_links", |b| {
        b.iter(|| {
            for m in &mixed {
                black_box(full.analyze(black_box(m)));
            }
        })
    });
    g.throughput(Throughput::Elements(msgs.len() as u64));
    g.bench_function("held_out_text_only", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(text_only.analyze(black_box(m)));
            }
        })
    });
    g.bench_function("held_out_full_repeated_links", |b| {
        b.iter(|| {
            for m in &msgs {
                black_box(full.analyze(black_box(m)));
            }
        })
    });
    // A fresh host per message and per iteration: the verdict cache never answers.
    let round = AtomicUsize::new(0);
    g.bench_function("held_out_full_new_links", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let r = round.fetch_add(1, Ordering::Relaxed);
                let fresh: Vec<String> =
                    msgs.iter().enumerate().map(|(i, m)| m.replace("correos-es.top", &format!("correos-es{r}x{i}.top"))).collect();
                let t = Instant::now();
                for m in &fresh {
                    black_box(full.analyze(black_box(m)));
                }
                total += t.elapsed();
            }
            total
        })
    });
    g.finish();
    c.bench_function("model_load_builtin", |b| b.iter(|| black_box(scamtext::Analyzer::builtin().expect("loads"))));
}

criterion_group!(benches, analyze);
criterion_main!(benches);
