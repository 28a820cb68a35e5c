//! Deterministic robustness test: 20k mangled bundles, objects and patterns (truncations,
//! byte flips, splices) must never panic, and every error must say where it is.

use serde_json::Value;

use crate::{parse_bundle, pattern, validate_object};

/// xorshift64*: deterministic, dependency-free, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const BUNDLE: &str = r#"{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[
 {"type":"indicator","spec_version":"2.1","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-02T00:00:00.123Z","created_by_ref":"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff","name":"x","pattern":"[domain-name:value = 'a.example' OR url:value = 'https://b.example/x'] FOLLOWEDBY [ipv4-addr:value = '192.0.2.1'] WITHIN 60 SECONDS","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z","object_marking_refs":["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"],"granular_markings":[{"selectors":["name"],"marking_ref":"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"}],"x_postern_recipients":["identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"],"confidence":50},
 {"type":"sighting","spec_version":"2.1","id":"sighting--6b5ac1a1-5a5f-4a34-8e60-2d7bbd2d2c64","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","count":3,"where_sighted_refs":["identity--f431f809-377b-45e0-aa1c-6a4751cae5ff"]},
 {"type":"location","spec_version":"2.1","id":"location--6b5ac1a1-5a5f-4a34-8e60-2d7bbd2d2c64","created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","latitude":48.8,"longitude":2.3},
 {"type":"file","id":"file--6b5ac1a1-5a5f-4a34-8e60-2d7bbd2d2c64","hashes":{"MD5":"d41d8cd98f00b204e9800998ecf8427e"},"name":"x.apk"},
 {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421","created":"2022-10-01T00:00:00.000Z","extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension","tlp_2_0":"amber"}}}
]}"#;

const PATTERNS: &[&str] = &[
    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:size > 10]",
    "([a:b[*].c IN ('x', 1, 2.5, true, t'2020-01-01T00:00:00Z', h'00ff', b'AA==')] OR [EXISTS a:d]) REPEATS 2 TIMES START t'2020-01-01T00:00:00Z' STOP t'2021-01-01T00:00:00Z'",
    "[network-traffic:extensions.'http-request-ext'.request_method NOT MATCHES '^g.t$' AND network-traffic:dst_port ISSUBSET '10.0.0.0/8'] /* c */",
];

const SPLICE: &[&[u8]] = &[
    b"[", b"]", b"(", b")", b"'", b"\\", b"\"", b"{", b"}", b",", b":", b" AND ", b" OR ", b"--", b"t'", b"-", b".", b"\xff", b"\xc3", b"0",
];

fn mangle(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..=rng.below(3) {
        if b.is_empty() {
            break;
        }
        let at = rng.below(b.len());
        match rng.below(4) {
            0 => b.truncate(at),
            1 => b[at] ^= 1 << rng.below(8),
            2 => {
                let piece = SPLICE[rng.below(SPLICE.len())];
                b.splice(at..at, piece.iter().copied());
            }
            _ => {
                let end = (at + rng.below(8)).min(b.len());
                b.drain(at..end);
            }
        }
    }
    b
}

#[test]
fn mangled_inputs_never_panic_and_errors_say_where() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let objects: Vec<String> = match serde_json::from_str::<Value>(BUNDLE) {
        Ok(Value::Object(mut m)) => match m.remove("objects") {
            Some(Value::Array(objs)) => objs.iter().map(Value::to_string).collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    assert_eq!(objects.len(), 5, "seed bundle must parse");
    for o in &objects {
        let v: Value = serde_json::from_str(o).unwrap();
        assert!(validate_object(&v).is_ok(), "seed object must be valid: {o}");
    }
    for p in PATTERNS {
        assert!(pattern::parse(p).is_ok(), "seed pattern must parse: {p}");
    }
    let (mut bundle_errors, mut object_errors, mut pattern_errors) = (0, 0, 0);
    for case in 0..20_000 {
        match case % 3 {
            0 => {
                let body = mangle(&mut rng, BUNDLE.as_bytes());
                match parse_bundle(&body) {
                    Ok(bundle) => {
                        for obj in &bundle.objects {
                            if let Err(e) = validate_object(obj) {
                                assert!(!e.reason.is_empty(), "empty reason for {obj}");
                            }
                        }
                    }
                    Err(e) => {
                        bundle_errors += 1;
                        assert!(!e.field().is_empty() && !e.to_string().is_empty());
                    }
                }
            }
            1 => {
                let seed = &objects[rng.below(objects.len())];
                let body = mangle(&mut rng, seed.as_bytes());
                let Ok(v) = serde_json::from_slice::<Value>(&body) else {
                    continue;
                };
                if let Err(e) = validate_object(&v) {
                    object_errors += 1;
                    // Every error on an object names the property, except "not an object".
                    assert!(!e.path.is_empty() || !v.is_object(), "no path in {e} for {v}");
                }
            }
            _ => {
                let seed = PATTERNS[rng.below(PATTERNS.len())];
                let body = mangle(&mut rng, seed.as_bytes());
                let Ok(text) = std::str::from_utf8(&body) else {
                    continue;
                };
                match pattern::parse(text) {
                    Ok(p) => {
                        let printed = p.to_string();
                        assert_eq!(pattern::parse(&printed).as_ref(), Ok(&p), "round trip of {text:?} via {printed:?}");
                    }
                    Err(e) => {
                        pattern_errors += 1;
                        assert!(e.position <= text.len() && text.is_char_boundary(e.position), "{e:?} for {text:?}");
                        assert!(e.column >= 1 && !e.reason.is_empty());
                    }
                }
            }
        }
    }
    // The mangler must actually produce failures of each kind, or the test proves nothing.
    assert!(bundle_errors > 1000 && object_errors > 1000 && pattern_errors > 1000, "{bundle_errors} {object_errors} {pattern_errors}");
}
