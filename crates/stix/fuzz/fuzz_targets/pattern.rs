//! Fuzz target: any UTF-8 text through pattern::parse. Must never panic; an error must point
//! inside the input; a success must print to text that parses back to the same tree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match stix::pattern::parse(text) {
        Ok(p) => {
            let _ = p.equality_terms();
            assert_eq!(stix::pattern::parse(&p.to_string()).as_ref(), Ok(&p));
        }
        Err(e) => {
            assert!(e.position <= text.len() && text.is_char_boundary(e.position) && e.column >= 1)
        }
    }
});
