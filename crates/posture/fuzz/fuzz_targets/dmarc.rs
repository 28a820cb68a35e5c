//! Fuzz the DMARC record parser: must never panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let _ = posture::dmarc::parse(&s);
    let _ = posture::dmarc::is_dmarc(&s);
});
