//! Fuzz the SPF record parser and domain-spec/macro validation: must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(r) = posture::spf::parse(&s) {
        let _ = (r.all(), r.redirect());
    }
    let _ = posture::spf::domain_spec(&s);
    let _ = posture::spf::is_spf(&s);
});
