//! `postern check --live` against a real local HTTPS server: `postern serve` on 127.0.0.1 with a
//! leaf certificate signed by a test CA made with openssl, where `/members` redirects once to
//! `/login`. Checks the hops, the final URL, the certificate's issuer and not-before date, and
//! that the SSRF guard refuses loopback unless `--allow-loopback` is given.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Server, exe};
use serde_json::Value;

/// Makes a CA and a leaf for 127.0.0.1 signed by it; returns (ca.crt, leaf.crt, leaf.key).
fn certificates(dir: &Path) -> (String, String, String) {
    let p = |name: &str| dir.join(name).to_str().expect("utf8").to_string();
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().expect("openssl (Debian package openssl)");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    let (ca_key, ca_crt) = (p("ca.key"), p("ca.crt"));
    ca.extend([
        "-days",
        "2",
        "-subj",
        "/CN=Postern Test Root CA/O=Postern Tests",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign",
        "-keyout",
        &ca_key,
        "-out",
        &ca_crt,
    ]);
    run(&ca);
    let (leaf_key, leaf_csr, leaf_crt, ext) = (p("leaf.key"), p("leaf.csr"), p("leaf.crt"), p("leaf.ext"));
    let mut csr = vec!["req", "-new"];
    csr.extend(ec);
    csr.extend(["-subj", "/CN=127.0.0.1", "-keyout", &leaf_key, "-out", &leaf_csr]);
    run(&csr);
    std::fs::write(&ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n").expect("write ext");
    run(&[
        "x509",
        "-req",
        "-in",
        &leaf_csr,
        "-CA",
        &ca_crt,
        "-CAkey",
        &ca_key,
        "-set_serial",
        "2",
        "-days",
        "2",
        "-extfile",
        &ext,
        "-out",
        &leaf_crt,
    ]);
    (ca_crt, leaf_crt, leaf_key)
}

/// Runs `postern --json check ARGS` and returns its JSON lines; the command must succeed
/// (per-line errors are data, not a failed run).
fn check(args: &[&str]) -> Vec<Value> {
    let out = Command::new(exe()).args(["--json", "check"]).args(args).output().expect("run postern");
    assert!(
        out.status.success(),
        "postern check {args:?}: {} {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("one JSON object per line"))
        .collect()
}

#[test]
fn live_check_follows_a_redirect_over_tls_and_guards_every_hop() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ca, cert, key) = certificates(dir.path());
    let server = Server::start_with(dir.path(), &["--tls-cert", &cert, "--tls-key", &key]);
    assert!(server.url.starts_with("https://127.0.0.1:"), "{}", server.url);
    let start = format!("{}/members", server.url);

    let docs = check(&["--live", "--allow-loopback", "--ca-file", &ca, &start]);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["url"], start.as_str(), "{doc}");
    let live = &doc["live"];
    let hops = live["hops"].as_array().expect("hops");
    assert_eq!(hops.len(), 2, "{doc}");
    assert_eq!(hops[0]["url"], start.as_str());
    assert_eq!(hops[0]["status"], 303, "{doc}");
    let login = format!("{}/login", server.url);
    assert_eq!(hops[1]["url"], login.as_str(), "{doc}");
    let last = hops[1]["status"].as_u64().expect("status");
    assert!(!(300..400).contains(&last), "{doc}");
    for h in hops {
        assert!(["benign", "suspicious", "malicious"].contains(&h["verdict"].as_str().unwrap_or_default()), "{h}");
    }
    assert_eq!(live["final_url"], login.as_str());
    let issuer = live["tls_issuer"].as_str().expect("issuer");
    assert!(issuer.contains("CN=Postern Test Root CA"), "{issuer}");
    let not_before = live["tls_not_before"].as_str().expect("not before");
    let nb = chrono::DateTime::parse_from_rfc3339(not_before).expect("RFC 3339 date");
    let age = chrono::Utc::now().signed_duration_since(nb);
    assert!(age >= chrono::Duration::seconds(-5) && age < chrono::Duration::hours(1), "certificate made just now, not before {not_before}");
    // The combined verdict is at least as bad as every hop's.
    let rank = |v: &Value| ["benign", "suspicious", "malicious"].iter().position(|l| v == *l).expect("level");
    assert!(hops.iter().all(|h| rank(&h["verdict"]) <= rank(&doc["verdict"])), "{doc}");

    // Without the CA the TLS handshake fails: a per-line error, not a verdict.
    let docs = check(&["--live", "--allow-loopback", &start]);
    assert_eq!(docs[0]["error"]["code"], "fetch_failed", "{}", docs[0]);

    // Without --allow-loopback the SSRF guard refuses before connecting; the batch goes on.
    let docs = check(&["--live", "--ca-file", &ca, &start, "https://localhost:1/x", "ftp://example.com/"]);
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert_eq!(docs[0]["url"], start.as_str());
    assert_eq!(docs[0]["error"]["code"], "ssrf_refused", "{}", docs[0]);
    let message = docs[0]["error"]["message"].as_str().expect("message");
    assert!(message.contains("hop 1") && message.contains("127.0.0.1 is a loopback address"), "{message}");
    assert_eq!(docs[1]["error"]["code"], "ssrf_refused", "a name resolving to loopback is refused too: {}", docs[1]);
    assert_eq!(docs[2]["error"]["code"], "unsupported_scheme", "{}", docs[2]);
    drop(server);
}
