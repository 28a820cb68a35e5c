//! Fuzzes the feed parsers (domain list, URL list, CSV column 2, STIX bundle): never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let defaults = links::FeedDefaults::public("fuzz");
    for format in [
        links::FeedFormat::Domains,
        links::FeedFormat::Urls,
        links::FeedFormat::Csv { column: 2 },
        links::FeedFormat::Stix,
    ] {
        if let Ok(import) = links::parse_feed(text, format, &defaults) {
            let _ = links::BlocklistIndex::from_entries(import.entries);
        }
    }
});
