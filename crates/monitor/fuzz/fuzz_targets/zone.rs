//! Fuzz the zone-file reader and name normalising that `watch --zone-old/--zone-new` stream
//! lines through: an owner name, nothing, or an error naming the line; never a panic, and a name
//! that comes out normalises to lower-case ASCII or is refused with a code.
#![no_main]
use libfuzzer_sys::fuzz_target;
use monitor::zone::ZoneReader;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut zone = ZoneReader::new();
    for line in text.split('\n') {
        if let Ok(Some(owner)) = zone.feed(line) {
            match monitor::normalise(&owner) {
                Ok(name) => assert!(name.bytes().all(|b| !b.is_ascii_uppercase()), "{name}"),
                Err(reject) => {
                    let _ = reject.code();
                }
            }
        }
    }
    let _ = monitor::ct::parse_names_tile(data, 1, 2);
});
