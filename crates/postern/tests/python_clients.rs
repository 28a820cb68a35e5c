//! The hub driven by third-party software: OASIS `taxii2-client` posts and reads, and
//! `stix2-validator` validates everything the hub serves. The Python venv comes from
//! `scripts/test`, which sets `POSTERN_TEST_PYTHON`.

mod common;

use std::process::Command;

use common::{Server, fixture};

#[test]
fn oasis_taxii2_client_and_stix2_validator_accept_the_hub() {
    let python = std::env::var("POSTERN_TEST_PYTHON")
        .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv");
    let f = fixture();
    let server = Server::start(f.dir.path());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/taxii_interop.py");
    let out = Command::new(&python)
        .arg(script)
        .arg(&server.url)
        .arg(&f.collection)
        .arg(&f.tokens["La Poste"])
        .arg(&f.tokens["Posta Shqiptare"])
        .arg(&f.identities["Correos"])
        .output()
        .expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "interop script failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("INTEROP OK"), "{stdout}");
}
