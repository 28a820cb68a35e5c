//! The OASIS STIX 2.1 example bundles (tests/data/oasis, see SOURCE.md there) must parse, and
//! every object in them must validate -- except the few SCO types the hub does not accept,
//! which must be refused as unsupported and nothing else.

use std::path::Path;

fn bundles() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/oasis");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&p).unwrap()))
        .collect();
    out.sort();
    out
}

#[test]
fn oasis_examples_validate() {
    let bundles = bundles();
    assert_eq!(bundles.len(), 8);
    let mut summary = Vec::new();
    for (name, body) in bundles {
        // One example is a lone object rather than a bundle.
        let objects = match stix::parse_bundle(&body) {
            Ok(bundle) => bundle.objects,
            Err(e) => {
                assert_eq!(e.field(), "type", "{name}: {e}");
                vec![serde_json::from_slice(&body).unwrap()]
            }
        };
        assert!(stix::duplicate_versions(&objects).is_empty(), "{name}");
        let mut valid = 0;
        for obj in &objects {
            match stix::validate_object(obj) {
                Ok(s) => {
                    valid += 1;
                    if let Some(p) = obj.get("pattern").and_then(|p| p.as_str()) {
                        assert!(stix::pattern::parse(p).is_ok(), "{name}: {p}");
                    }
                    assert_eq!(Some(s.id.as_str()), obj["id"].as_str());
                }
                Err(e) => summary.push(format!("{name}: {}: {e}", obj["id"].as_str().unwrap_or("?"))),
            }
        }
        summary.push(format!("{name}: {valid}/{} valid", objects.len()));
    }
    let expected: Vec<&str> = include_str!("data/oasis/expected.txt").lines().collect();
    assert_eq!(summary, expected);
}
