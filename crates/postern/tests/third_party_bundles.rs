//! Bundles made by the CTI tools members already run, not by us: the OASIS `stix2` library,
//! `misp-stix` converting a MISP event, and an OpenCTI export. Each is posted over TAXII 2.1 to
//! the real binary, paged back and validated by `stix2-validator`
//! (`tests/python/third_party_bundles.py` does the talking; the venv comes from `scripts/test`,
//! which sets `POSTERN_TEST_PYTHON`). Issue 13, section 4.

mod common;

use std::process::Command;

use common::{Fixture, Server, cli, fixture};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/third_party_bundles.py");
const OPENCTI_BUNDLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/opencti/report-bundle.json");

/// Runs the script in `mode` with La Poste as producer and Posta Shqiptare (which may only
/// read the collection) as the other member, and returns its standard output.
fn run(mode: &str, f: &Fixture, server: &Server) -> String {
    let python = std::env::var("POSTERN_TEST_PYTHON")
        .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv");
    let out = Command::new(&python)
        .arg(SCRIPT)
        .arg(mode)
        .args(["--base", &server.url, "--collection", &f.collection])
        .args(["--token", &f.tokens["La Poste"], "--reader-token", &f.tokens["Posta Shqiptare"]])
        .args(["--org-identity", &f.identities["La Poste"]])
        .args(["--other-token", &f.tokens["Correos"], "--fixture", OPENCTI_BUNDLE])
        .output()
        .expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{mode}: third-party bundle script failed:\n{stdout}\n{stderr}");
    assert!(stdout.contains("THIRD-PARTY OK"), "{stdout}");
    stdout
}

/// The identity the script printed after `label`, e.g. `PRODUCER_IDENTITY identity--...`.
fn printed(stdout: &str, label: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(label).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("no {label} line in:\n{stdout}"))
        .trim()
        .to_string()
}

/// What `postern org identity list ORG` says, as text: the tests only ask whether an id is there.
fn bound_identities(f: &Fixture, org: &str) -> String {
    cli(f.dir.path(), &["org", "identity", "list", org]).to_string()
}

/// Posts, pages back and validates a bundle, then checks that the platform identity it was
/// created by is now bound to the poster.
fn round_trip(mode: &str) {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let stdout = run(mode, &f, &server);
    let producer = printed(&stdout, "PRODUCER_IDENTITY");
    assert!(bound_identities(&f, "La Poste").contains(&producer), "{producer} not bound to La Poste after the post");
    assert!(!bound_identities(&f, "Correos").contains(&producer), "{producer} bound to Correos too");
}

#[test]
fn stix2_library_objects_are_accepted_and_served_back_unchanged() {
    round_trip("stix2");
}

#[test]
fn misp_event_converted_by_misp_stix_is_accepted_and_served_back_unchanged() {
    round_trip("misp");
}

#[test]
fn opencti_export_is_accepted_and_served_back_unchanged() {
    round_trip("opencti");
}

#[test]
fn another_organisation_cannot_claim_an_opencti_author_identity() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let stdout = run("foreign", &f, &server);
    let author = printed(&stdout, "PRODUCER_IDENTITY");
    let own = printed(&stdout, "OTHER_PRODUCER_IDENTITY");
    let la_poste = bound_identities(&f, "La Poste");
    let correos = bound_identities(&f, "Correos");
    assert!(la_poste.contains(&author), "{author} should stay bound to La Poste: {la_poste}");
    assert!(!correos.contains(&author), "{author} must not be bound to Correos: {correos}");
    assert!(correos.contains(&own), "Correos's own platform identity {own} should be bound to it: {correos}");
}

#[test]
fn opencti_amber_strict_marking_is_never_read_by_another_organisation() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    run("opencti-amber-strict", &f, &server);
}
