//! Criterion benches for the ingest hot path: validating indicators (each with a STIX
//! pattern to parse), parsing a 10k-object bundle, and parsing patterns alone.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde_json::{Value, json};

/// A deterministic indicator like the ones the hub bench loads: TLP-marked, one domain or URL.
fn indicator(i: u32) -> Value {
    let pattern = match i % 3 {
        0 => format!("[domain-name:value = 'colis-{i}.example']"),
        1 => format!("[url:value = 'https://suivi-{i}.example/track?id={i}']"),
        _ => format!("[ipv4-addr:value = '198.51.{}.{}'] OR [domain-name:value = 'poste-{i}.example']", i / 256 % 256, i % 256),
    };
    json!({
        "type": "indicator", "spec_version": "2.1",
        "id": format!("indicator--{:08x}-17d4-4cbf-938f-98ee46b3cd3f", i),
        "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-02T00:00:00.000Z",
        "created_by_ref": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
        "name": format!("Postal smishing {i}"), "indicator_types": ["malicious-activity"],
        "pattern": pattern, "pattern_type": "stix", "valid_from": "2024-01-01T00:00:00Z",
        "object_marking_refs": ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"],
        "labels": ["smishing"], "confidence": 75,
    })
}

fn benches(c: &mut Criterion) {
    let objects: Vec<Value> = (0..10_000).map(indicator).collect();
    let body = serde_json::to_vec(&json!({
        "type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": objects,
    }))
    .unwrap_or_default();

    let mut g = c.benchmark_group("validate");
    g.throughput(Throughput::Elements(objects.len() as u64));
    g.bench_function("validate_object x10k indicators", |b| b.iter(|| objects.iter().filter(|o| stix::validate_object(o).is_ok()).count()));
    // The same objects with a non-STIX pattern_type: the cost of validation without pattern parsing.
    let unparsed: Vec<Value> = objects
        .iter()
        .map(|o| {
            let mut o = o.clone();
            o["pattern_type"] = json!("snort");
            o
        })
        .collect();
    g.bench_function("validate_object x10k indicators, pattern not parsed", |b| {
        b.iter(|| unparsed.iter().filter(|o| stix::validate_object(o).is_ok()).count())
    });
    g.bench_function("parse_bundle 10k indicators", |b| b.iter(|| stix::parse_bundle(&body).map(|b| b.objects.len())));
    g.bench_function("parse_bundle + duplicate_versions + validate 10k", |b| {
        b.iter(|| {
            let bundle = stix::parse_bundle(&body).ok()?;
            let dups = stix::duplicate_versions(&bundle.objects).len();
            Some(dups + bundle.objects.iter().filter(|o| stix::validate_object(o).is_ok()).count())
        })
    });
    g.finish();

    let patterns = [
        "[domain-name:value = 'colis-1.example']",
        "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:size > 1024]",
        "([network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'x.example'] REPEATS 5 TIMES) FOLLOWEDBY [url:value IN ('https://a/', 'https://b/')] WITHIN 300 SECONDS",
    ];
    let mut g = c.benchmark_group("pattern");
    for (name, p) in ["simple", "hash", "complex"].iter().zip(patterns) {
        g.throughput(Throughput::Bytes(p.len() as u64));
        g.bench_function(*name, |b| b.iter(|| stix::pattern::parse(p).map(|p| p.equality_terms().len())));
    }
    g.finish();
}

criterion_group!(stix_benches, benches);
criterion_main!(stix_benches);
