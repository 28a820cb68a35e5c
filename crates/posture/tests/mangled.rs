//! Deterministic mangled-input test: every parser sees thousands of mutated records and must
//! return (Ok or Err) without panicking. The fuzz targets in fuzz/ explore further; this runs in
//! every `cargo test`.

const SEEDS: &[&str] = &[
    "v=spf1 mx a:mail.example.post/24//64 include:_spf.example.post ip4:192.0.2.0/24 ip6:2001:db8::/32 -all",
    "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} redirect=_spf.example.post exp=explain.%{d}",
    "v=spf1 ptr:example.post ?all",
    "v=DMARC1; p=reject; sp=none; pct=50; rua=mailto:a@example.post!10m,mailto:b@example.net; ruf=mailto:f@example.post; fo=1:d; adkim=s; aspf=r; ri=86400",
    "v=DKIM1; k=rsa; t=y:s; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKT7Tn60cWXCOIUzgb6i/XE96M2PtxQGm7vSZgbsasYz7TncrtmpgEQSYCJosf2uZyQ/r0RarH7MhCsHlzIyDo0CAwEAAQ==",
    "v=STSv1; id=20260101T000000",
    "version: STSv1\r\nmode: enforce\r\nmx: mail.example.post\r\nmx: *.example.net\r\nmax_age: 604800\r\n",
    "v=TLSRPTv1; rua=mailto:tls@example.post,https://r.example.post/x",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nStrict-Transport-Security: max-age=31536000\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
    ". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D",
    ". IN DNSKEY 257 3 13 JU5Sfs+HTOWooEbOPkw5zr8Pu6fQwOC1Rg2fSklSNmUY3YZUGYdokVGFxzZt7hMBrPMrATjSO9mm1TFjLz2Ucw==",
];

/// Bytes that tend to break hand-written parsers.
const NASTY: &[&[u8]] = &[
    b"%",
    b"%{",
    b"}",
    b":",
    b"/",
    b"//",
    b"=",
    b";",
    b"!",
    b"@",
    b",",
    b" ",
    b"\t",
    b"\r\n",
    b"\0",
    b"\xff",
    b"\xc3\xa9",
    b"9999999999999999999999",
    b"-",
    b".",
    b"..",
    b"*.",
    b"p=",
    b"v=",
    b"0x",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, no dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn mangle(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut v = seed.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(6) {
            0 => {
                if !v.is_empty() {
                    let i = rng.below(v.len());
                    v[i] ^= 1 << rng.below(8);
                }
            }
            1 => v.splice(at..at, NASTY[rng.below(NASTY.len())].iter().copied()).for_each(drop),
            2 => v.truncate(at),
            3 => {
                let end = (at + rng.below(16)).min(v.len());
                v.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(32)).min(v.len());
                let piece = v[at..end].to_vec();
                v.splice(at..at, piece.iter().copied().cycle().take(piece.len() * rng.below(50)));
            }
            _ => {
                let other = SEEDS[rng.below(SEEDS.len())].as_bytes();
                let from = rng.below(other.len());
                v.splice(at..at, other[from..].iter().copied());
            }
        }
    }
    v
}

fn all_parsers(data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    let _ = posture::spf::parse(&s);
    let _ = posture::spf::domain_spec(&s);
    let _ = posture::dmarc::parse(&s);
    let _ = posture::dkim::parse(&s);
    let _ = posture::dkim::rsa_modulus_bits(data);
    let _ = posture::mail::parse_sts_txt(&s);
    let _ = posture::mail::parse_sts_policy(&s);
    let _ = posture::mail::parse_tls_rpt(&s);
    let _ = posture::http::parse_response(data);
    let _ = posture::dnssec::TrustAnchors::parse(&s);
    let _ = posture::dns::parse_domain(&s);
}

#[test]
fn seeds_parse() {
    assert!(posture::spf::parse(SEEDS[0]).is_ok());
    assert!(posture::spf::parse(SEEDS[1]).is_ok());
    assert!(posture::dmarc::parse(SEEDS[3]).is_ok());
    assert!(posture::dkim::parse(SEEDS[4]).is_ok());
    assert!(posture::mail::parse_sts_policy(SEEDS[6]).is_ok());
    assert!(posture::dnssec::TrustAnchors::parse(SEEDS[9]).is_ok());
}

#[test]
fn mangled_inputs_never_panic() {
    let mut rng = Rng(0x5eed_c0ff_ee15_900d);
    let mut errors = 0usize;
    let rounds = 4000;
    for _ in 0..rounds {
        for seed in SEEDS {
            let m = mangle(&mut rng, seed.as_bytes());
            all_parsers(&m);
            errors += usize::from(posture::spf::parse(&String::from_utf8_lossy(&m)).is_err());
        }
    }
    // The mutations must actually reach the error paths, or this test proves nothing.
    assert!(errors > rounds, "only {errors} SPF parse errors: mutations too weak");
}
