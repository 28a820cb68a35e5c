//! Sync throughput between two real hubs over loopback HTTP: a full pull of N objects, the
//! incremental no-op round after it, and a full push of the same N objects to a third hub.
//! Prints a Markdown table. `POSTERN_BENCH_N` sets N (default 100,000).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use federation::{Round, SyncConfig, TaxiiClient, sync_once};
use store::PeerDirection;
use tlp::Tlp;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: usize = std::env::var("POSTERN_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    let source = common::start_hub().await;
    let puller = common::start_hub().await;
    let receiver = common::start_hub().await;
    let (_s_of_p, p_of_s) = common::peer(&source, "source", &puller, "puller", PeerDirection::Push, PeerDirection::Pull, Tlp::Green);
    let (s_of_r, _r_of_s) = common::peer(&source, "source", &receiver, "receiver", PeerDirection::Push, PeerDirection::Pull, Tlp::Green);
    let t = Instant::now();
    let objects: Vec<_> = (0..n).map(|i| common::indicator(i, if i % 2 == 0 { Tlp::Clear } else { Tlp::Green })).collect();
    let bytes: usize = objects.iter().map(|o| o.to_string().len()).sum();
    common::post(&source, objects);
    let ingest = t.elapsed();
    let http = TaxiiClient::http(Duration::from_secs(120)).expect("http");
    let config = SyncConfig::default();

    let (pull, pull_time) = timed(sync_once(&puller.hub, &TaxiiClient::new(http.clone(), &p_of_s), &p_of_s, &config, "bench")).await;
    assert_eq!(pull.pulled as usize, n, "{pull:?}");
    let (noop, noop_time) = timed(sync_once(&puller.hub, &TaxiiClient::new(http.clone(), &p_of_s), &p_of_s, &config, "bench")).await;
    let (push, push_time) = timed(sync_once(&source.hub, &TaxiiClient::new(http, &s_of_r), &s_of_r, &config, "bench")).await;
    assert_eq!(push.pushed as usize, n, "{push:?}");
    assert_eq!(common::count(&receiver) as usize, n);

    // Where the time goes: the same pages fetched without storing, and stored without HTTP.
    let fetcher = TaxiiClient::new(TaxiiClient::http(Duration::from_secs(120)).expect("http"), &p_of_s);
    let t = Instant::now();
    let (mut next, mut pages, mut fetched_objects) = (None::<String>, Vec::new(), 0usize);
    loop {
        let page =
            fetcher.get_objects(&federation::PageRequest { added_after: None, next: next.as_deref(), limit: 1000 }).await.expect("page");
        fetched_objects += page.objects.len();
        let more = page.more;
        next = page.next.clone();
        pages.push(page.objects);
        if !more {
            break;
        }
    }
    let fetch_time = t.elapsed();
    let sink = common::start_hub().await;
    let (_, sink_peer) = common::peer(&source, "source", &sink, "sink", PeerDirection::Push, PeerDirection::Pull, Tlp::Green);
    let t = Instant::now();
    for objects in pages {
        sink.hub.receive_from_peer(&sink_peer, objects, "bench").expect("store");
    }
    let store_time = t.elapsed();

    println!("N = {n} indicators ({:.0} bytes each on average); source ingest took {:.2} s", bytes as f64 / n as f64, ingest.as_secs_f64());
    println!();
    println!("| round | objects | requests | time | throughput |");
    println!("|---|---|---|---|---|");
    row("full pull (pages of 1000)", &pull, pull.pulled, pull_time);
    row("incremental pull+push, nothing new", &noop, 0, noop_time);
    row("full push (batches of 1000)", &push, push.pushed, push_time);
    let fetch_round = Round { requests: 101, ..Round::default() };
    row("breakdown: fetch all pages only (HTTP + JSON parse)", &fetch_round, fetched_objects as u64, fetch_time);
    row("breakdown: store all pages only (validate + gate + SQLite)", &Round::default(), n as u64, store_time);
}

async fn timed(f: impl std::future::Future<Output = Result<Round, federation::SyncError>>) -> (Round, Duration) {
    let t = Instant::now();
    let r = f.await.expect("sync round");
    (r, t.elapsed())
}

fn row(name: &str, r: &Round, objects: u64, d: Duration) {
    let rate = if objects > 0 { format!("{:.0} objects/s", objects as f64 / d.as_secs_f64()) } else { "-".into() };
    println!("| {name} | {objects} | {} | {:.3} s | {rate} |", r.requests, d.as_secs_f64());
}
