//! Fuzzes the URL analyser: any byte string, as UTF-8 when it is, through parse, analysis and
//! a blocklist check. Must never panic; a verdict's score stays within 0-100.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn analyzer() -> &'static links::Analyzer {
    static A: OnceLock<links::Analyzer> = OnceLock::new();
    A.get_or_init(|| links::Analyzer::new(&brands::BrandRegistry::builtin()))
}

fn index() -> &'static links::BlocklistIndex {
    static I: OnceLock<links::BlocklistIndex> = OnceLock::new();
    I.get_or_init(|| {
        links::BlocklistIndex::from_entries(["evil.top", "a.b.example.com"].iter().map(|d| links::BlockEntry {
            kind: links::EntryKind::Domain,
            value: d.to_string(),
            indicator_id: Some("indicator--11111111-1111-4111-8111-111111111111".into()),
            access: tlp::Access { tlp: tlp::Tlp::Clear, producer: String::new(), recipients: vec![] },
            source: "fuzz".into(),
        }))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(v) = analyzer().analyse(text) {
        assert!(v.score <= 100);
    }
    let ctx = links::CheckContext {
        analyzer: analyzer(),
        index: index(),
        audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Clear },
    };
    let _ = links::check(text, &ctx);
});
