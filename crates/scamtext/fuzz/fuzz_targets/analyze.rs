//! Fuzzes the analyser: any bytes that pass `check_input` must analyse without panicking.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

static ANALYZER: OnceLock<scamtext::Analyzer> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let analyzer = ANALYZER.get_or_init(|| scamtext::Analyzer::builtin().expect("shipped model loads"));
    if let Ok(text) = scamtext::check_input(data) {
        let a = analyzer.analyze(text);
        assert!((0.0..=1.0).contains(&a.score));
    }
    // Lossy text too, so invalid UTF-8 still reaches the extractors.
    let _ = analyzer.analyze(&String::from_utf8_lossy(data));
});
