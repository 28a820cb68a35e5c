//! Fuzz the other record and protocol parsers (DKIM keys, DER, MTA-STS, TLS-RPT, HTTP, anchors).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let _ = posture::dkim::parse(&s);
    let _ = posture::dkim::rsa_modulus_bits(data);
    let _ = posture::mail::parse_sts_txt(&s);
    let _ = posture::mail::parse_sts_policy(&s);
    let _ = posture::mail::parse_tls_rpt(&s);
    let _ = posture::http::parse_response(data);
    let _ = posture::dnssec::TrustAnchors::parse(&s);
});
