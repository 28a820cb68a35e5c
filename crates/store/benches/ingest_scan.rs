//! Ingestion and keyset paged reads on SQLite next to PostgreSQL (issue 7, section 5).
//!
//! `cargo bench -p postern-store --bench ingest_scan` ingests `POSTERN_BENCH_OBJECTS` (default
//! 100,000) generated indicator versions through `add_objects` in batches of 1,000 on each
//! backend, then times keyset scans of 100 rows: one full pass and 1,000 scans from random
//! positions. Both engines run durable (SQLite `synchronous=FULL`, PostgreSQL `fsync=on`); the
//! PostgreSQL server is a private cluster on loopback started by the bench.

use std::time::{Duration, Instant};

use rand::Rng;
use store::contract::PgCluster;
use store::{Collection, NewAudit, NewObject, ObjectQuery, PgStore, PutOutcome, SqliteStore, StatusRecord, Store, Version};

const BATCH: usize = 1_000;
const PAGE: usize = 100;
const RANDOM_SCANS: usize = 1_000;

fn main() {
    let n: usize = std::env::var("POSTERN_BENCH_OBJECTS").ok().and_then(|v| v.parse().ok()).unwrap_or(100_000);
    println!(
        "| backend | objects | ingest total | ingest objects/s | batch p50 | batch p99 | full keyset pass | page p50 | page p99 | random page p50 | random page p99 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = SqliteStore::open(dir.path()).expect("open SQLite");
    run("SQLite", &sqlite, n);
    let cluster = PgCluster::start().expect("starting a private PostgreSQL cluster");
    let pg = PgStore::open(&cluster.fresh_database().expect("database")).expect("open PostgreSQL");
    run("PostgreSQL", &pg, n);
}

fn object(i: usize) -> NewObject {
    let id = format!("indicator--{:08x}-0000-4000-8000-{:012x}", i, i);
    let created = "2025-03-01T12:00:00.000Z";
    let body = format!(
        r#"{{"type":"indicator","spec_version":"2.1","id":"{id}","created":"{created}","modified":"{created}","name":"Parcel scam domain {i}","pattern":"[domain-name:value = 'parcel-{i}.example']","pattern_type":"stix","valid_from":"{created}","indicator_types":["malicious-activity"],"object_marking_refs":["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"]}}"#
    );
    NewObject {
        object_id: id,
        object_type: "indicator".into(),
        spec_version: "2.1".into(),
        version: Some(Version { text: created.into(), nanos: 1_740_830_400_000_000_000 }),
        tlp: tlp::Tlp::Green,
        producer: "identity--bench".into(),
        recipients: vec![],
        body,
        origin: None,
        may_version_others: false,
    }
}

fn run(name: &str, s: &dyn Store, n: usize) {
    let col = Collection {
        id: "bench".into(),
        title: "Bench".into(),
        description: None,
        read_all: true,
        public: false,
        readers: vec![],
        writers: vec![],
    };
    s.create_collection(&col).expect("collection");
    let objects: Vec<NewObject> = (0..n).map(object).collect();
    let mut batch_times = Vec::new();
    let started = Instant::now();
    for (b, chunk) in objects.chunks(BATCH).enumerate() {
        let t = Instant::now();
        let out = s
            .add_objects("bench", chunk, &mut |_| {
                (
                    StatusRecord { id: format!("status-{b}"), org_id: 1, body: "{}".into() },
                    NewAudit {
                        actor: "bench".into(),
                        action: "objects.add".into(),
                        target: "bench".into(),
                        outcome: "ok".into(),
                        detail: String::new(),
                    },
                )
            })
            .expect("add objects");
        batch_times.push(t.elapsed());
        assert!(out.iter().all(|o| matches!(o, PutOutcome::Stored { .. })));
    }
    let ingest = started.elapsed();
    let query = |after: Option<i64>| ObjectQuery {
        collection_id: "bench".into(),
        added_after_us: after,
        ids: vec![],
        types: vec![],
        versions: vec![],
        spec_versions: vec![],
        batch: PAGE,
        candidates: None,
    };
    let mut page_times = Vec::new();
    let mut dates = Vec::with_capacity(n);
    let started = Instant::now();
    let mut after = None;
    loop {
        let t = Instant::now();
        let page = s.scan(&query(after)).expect("scan");
        page_times.push(t.elapsed());
        let Some(last) = page.last() else { break };
        after = Some(last.date_added_us);
        dates.extend(page.iter().map(|o| o.date_added_us));
    }
    let pass = started.elapsed();
    assert_eq!(dates.len(), n, "the keyset pass reads every object once");
    let mut rng = rand::thread_rng();
    let mut random_times = Vec::new();
    for _ in 0..RANDOM_SCANS {
        let after = dates[rng.gen_range(0..dates.len())];
        let t = Instant::now();
        let page = s.scan(&query(Some(after))).expect("scan");
        random_times.push(t.elapsed());
        assert!(page.first().is_none_or(|o| o.date_added_us > after));
    }
    let rate = n as f64 / ingest.as_secs_f64();
    println!(
        "| {name} | {n} | {:.2} s | {rate:.0} | {} | {} | {:.2} s ({} pages) | {} | {} | {} | {} |",
        ingest.as_secs_f64(),
        ms(pct(&mut batch_times, 50)),
        ms(pct(&mut batch_times, 99)),
        pass.as_secs_f64(),
        page_times.len(),
        ms(pct(&mut page_times, 50)),
        ms(pct(&mut page_times, 99)),
        ms(pct(&mut random_times, 50)),
        ms(pct(&mut random_times, 99)),
    );
}

fn pct(times: &mut [Duration], p: usize) -> Duration {
    times.sort();
    times[(times.len() * p / 100).min(times.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}
