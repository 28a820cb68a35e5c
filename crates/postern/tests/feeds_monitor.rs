//! Blocklist feeds end to end: look-alikes found by `postern watch` become indicators, and
//! `postern feeds export` and `/feeds/{collection}/{format}` publish them per subscriber's TLP,
//! with ETag/304, never an official brand domain; a real Unbound enforces the RPZ.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

const TLP_CLEAR: &str = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";

/// `postern --data DIR ARGS` with `stdin`; stdout on success.
fn run(data: &std::path::Path, args: &[&str], stdin: &[u8]) -> String {
    let mut child = Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run postern");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("stdin");
    drop(input);
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success(), "postern {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A hub whose public collection holds GREEN look-alikes found by watch, one CLEAR look-alike,
/// and an indicator a member posted for an official domain.
fn hub_with_hits() -> common::Fixture {
    let f = common::fixture();
    let c = f.collection.clone();
    run(f.dir.path(), &["watch", "--collection", &c, "--org", "La Poste"], b"laposte-colis.top\nusps.com-trackzr.top\nexample.com\n");
    run(f.dir.path(), &["watch", "--collection", &c, "--org", "Correos", "--tlp", "clear"], b"correos-aduana-pago.top\n");
    // A member's mistake: an indicator on an official domain must still stay out of every feed.
    let server = common::Server::start(f.dir.path());
    let mut official = common::indicator(1, TLP_CLEAR);
    official["pattern"] = json!("[domain-name:value = 'www.laposte.fr']");
    let r = common::client()
        .post(format!("{}/isac/collections/{}/objects/", server.url, c))
        .bearer_auth(&f.tokens["La Poste"])
        .header("Content-Type", common::TAXII)
        .header("Accept", common::TAXII)
        .body(json!({"objects": [official]}).to_string())
        .send()
        .expect("post");
    assert!(r.status().is_success(), "{:?}", r.text());
    f
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

#[test]
fn the_cli_exports_what_the_subscriber_may_read() {
    let f = hub_with_hits();
    let c = f.collection.as_str();
    let member = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "plain", "--org", "Posta Shqiptare"], b"");
    assert_eq!(lines(&member), ["correos-aduana-pago.top", "laposte-colis.top", "usps.com-trackzr.top"]);
    let public = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "plain"], b"");
    assert_eq!(lines(&public), ["correos-aduana-pago.top"], "anonymous readers of a public collection get CLEAR only");
    let clear = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "hosts", "--org", "Correos", "--tlp", "clear"], b"");
    assert_eq!(lines(&clear), ["0.0.0.0 correos-aduana-pago.top"]);
    let zeek = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "zeek", "--org", "Correos"], b"");
    assert_eq!(lines(&zeek)[0], "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc");
    assert!(zeek.contains("laposte-colis.top\tIntel::DOMAIN\tpostern\tfr-laposte\n"), "{zeek}");
    let bundle: Value =
        serde_json::from_str(&run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "stix", "--org", "Correos"], b""))
            .expect("a STIX bundle");
    assert_eq!(bundle["type"], "bundle");
    assert_eq!(bundle["objects"].as_array().map(Vec::len), Some(3));
    let abp = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "abp", "--org", "Correos"], b"");
    assert!(abp.contains("||laposte-colis.top^\n"));
    for format in ["rpz", "csv", "suricata"] {
        let text = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", format, "--org", "Correos"], b"");
        assert!(!text.contains("laposte.fr") && !text.contains("d3d3LmxhcG9zdGUuZnI"), "{format}: {text}");
    }
}

#[test]
fn http_feeds_answer_304_when_unchanged_and_follow_tlp() {
    let f = hub_with_hits();
    let server = common::Server::start(f.dir.path());
    let url = |format: &str| format!("{}/feeds/{}/{format}", server.url, f.collection);
    let http = common::client();
    let r = http.get(url("rpz")).bearer_auth(&f.tokens["Correos"]).send().expect("get");
    assert_eq!(r.status(), 200);
    let etag = r.headers().get("etag").and_then(|v| v.to_str().ok()).expect("an ETag").to_string();
    assert!(r.headers().get("last-modified").is_some());
    let zone = r.text().expect("body");
    assert!(zone.contains(" IN SOA ") && zone.contains("\nlaposte-colis.top IN CNAME .\n*.laposte-colis.top IN CNAME .\n"), "{zone}");
    assert!(!zone.contains("laposte.fr"), "{zone}");
    let again = http.get(url("rpz")).bearer_auth(&f.tokens["Correos"]).header("If-None-Match", &etag).send().expect("get");
    assert_eq!(again.status(), 304);
    assert!(again.text().expect("body").is_empty());
    let anonymous = http.get(url("plain")).send().expect("get");
    assert_eq!(anonymous.status(), 200);
    assert_eq!(anonymous.text().expect("body"), "correos-aduana-pago.top\n");
    let clear = http.get(format!("{}?tlp=clear", url("plain"))).bearer_auth(&f.tokens["Correos"]).send().expect("get");
    assert_eq!(clear.text().expect("body"), "correos-aduana-pago.top\n");
    // A new look-alike changes the feed: the old ETag no longer matches and the serial (seconds
    // of the newest change) never goes back.
    let serial = |zone: &str| zone.split("( ").nth(1).and_then(|s| s.split(' ').next()).and_then(|s| s.parse::<u64>().ok());
    let before = serial(&zone).expect("serial");
    run(f.dir.path(), &["watch", "--collection", &f.collection, "--org", "La Poste"], b"evri-redelivery-fee.top\n");
    let r = http.get(url("rpz")).bearer_auth(&f.tokens["Correos"]).header("If-None-Match", &etag).send().expect("get");
    assert_eq!(r.status(), 200);
    let zone = r.text().expect("body");
    assert!(zone.contains("evri-redelivery-fee.top IN CNAME ."));
    assert!(serial(&zone).expect("serial") >= before);
    let unknown = http.get(url("bind9")).bearer_auth(&f.tokens["Correos"]).send().expect("get");
    assert_eq!(unknown.status(), 404);
    let ctype = unknown.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    assert!(ctype.starts_with("application/problem+json"), "{ctype}");
}

/// A free UDP+TCP port on `ip`.
fn free_port(ip: &str) -> u16 {
    let s = std::net::TcpListener::bind((ip, 0)).expect("bind");
    s.local_addr().expect("addr").port()
}

#[test]
fn unbound_answers_nxdomain_for_names_of_the_exported_rpz() {
    let f = hub_with_hits();
    let dir = tempfile::tempdir().expect("tempdir");
    let zone = run(
        f.dir.path(),
        &["feeds", "export", "--collection", &f.collection, "--format", "rpz", "--org", "Correos", "--zone", "rpz.postern"],
        b"",
    );
    let zone_file = dir.path().join("rpz.zone");
    std::fs::write(&zone_file, zone).expect("write zone");
    let ip = "127.0.0.1";
    let port = free_port(ip);
    let conf = dir.path().join("unbound.conf");
    std::fs::write(
        &conf,
        format!(
            "server:\n  interface: {ip}@{port}\n  port: {port}\n  do-daemonize: no\n  username: \"\"\n  chroot: \"\"\n  directory: \"{d}\"\n  pidfile: \"\"\n\
             \x20 use-syslog: no\n  logfile: \"\"\n  do-not-query-localhost: no\n  module-config: \"respip iterator\"\n  access-control: 127.0.0.0/8 allow\n\
             \x20 local-zone: \"example.\" static\n\
             rpz:\n  name: rpz.postern\n  zonefile: \"{z}\"\n  rpz-log: yes\n",
            d = dir.path().display(),
            z = zone_file.display()
        ),
    )
    .expect("write conf");
    let check = Command::new("unbound-checkconf").arg(&conf).output().expect("unbound-checkconf (Debian package unbound)");
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
    let mut unbound = Command::new("unbound").arg("-d").arg("-c").arg(&conf).stderr(Stdio::null()).spawn().expect("start unbound");
    let dig = |name: &str| -> String {
        let out = Command::new("dig")
            .args([&format!("@{ip}"), "-p", &port.to_string(), "+tries=1", "+time=1", name, "A"])
            .output()
            .expect("dig (Debian package bind9-dnsutils)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let mut answer = dig("laposte-colis.top");
    while !answer.contains("status: NXDOMAIN") && std::time::Instant::now() < deadline {
        answer = dig("laposte-colis.top");
    }
    let sub = dig("suivi.laposte-colis.top");
    let _ = unbound.kill();
    let _ = unbound.wait();
    assert!(answer.contains("status: NXDOMAIN"), "{answer}");
    assert!(sub.contains("status: NXDOMAIN"), "the wildcard blocks subdomains: {sub}");
}
