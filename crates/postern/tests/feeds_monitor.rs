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

/// A real Unbound on 127.0.0.1 with one `rpz:` clause; killed when dropped. The names in `local`
/// answer 192.0.2.1 from an upstream-only `top.` zone (local data would win over the RPZ), so
/// "not blocked" is an answer, not the timeout of a resolver without internet.
struct Unbound {
    child: std::process::Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl Unbound {
    /// Starts Unbound and waits until it answers. A port free when picked can be taken by another
    /// test before Unbound binds it; Unbound then exits and we start again on a new port.
    fn start(rpz: &str, local: &[&str]) -> Unbound {
        for _ in 0..5 {
            let mut unbound = Self::spawn(rpz, local);
            let started = std::time::Instant::now();
            while started.elapsed() < std::time::Duration::from_secs(15) {
                if unbound.child.try_wait().ok().flatten().is_some() {
                    break;
                }
                if unbound.dig("example.").contains("status:") {
                    return unbound;
                }
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
        }
        panic!("unbound did not start after 5 tries");
    }

    fn spawn(rpz: &str, local: &[&str]) -> Unbound {
        let dir = tempfile::tempdir().expect("tempdir");
        let port = free_port("127.0.0.1");
        let conf = dir.path().join("unbound.conf");
        let records: String = local.iter().map(|n| format!("{n}. 60 IN A 192.0.2.1\n")).collect();
        let top = dir.path().join("top.zone");
        let soa = "top. 60 IN SOA localhost. hostmaster.localhost. 1 60 60 600 60\ntop. 60 IN NS localhost.\n";
        std::fs::write(&top, format!("{soa}{records}")).expect("write top.zone");
        std::fs::write(
            &conf,
            format!(
                "server:\n  interface: 127.0.0.1@{port}\n  port: {port}\n  do-daemonize: no\n  username: \"\"\n  chroot: \"\"\n  directory: \"{d}\"\n  pidfile: \"\"\n\
                 \x20 use-syslog: no\n  logfile: \"\"\n  do-not-query-localhost: no\n  module-config: \"respip iterator\"\n  access-control: 127.0.0.0/8 allow\n\
                 \x20 local-zone: \"example.\" static\n\
                 auth-zone:\n  name: \"top.\"\n  zonefile: \"{t}\"\n  for-downstream: no\n  for-upstream: yes\n\
                 rpz:\n  name: rpz.postern\n{rpz}  rpz-log: yes\n",
                d = dir.path().display(),
                t = top.display(),
            ),
        )
        .expect("write conf");
        let check = Command::new("unbound-checkconf").arg(&conf).output().expect("unbound-checkconf (Debian package unbound)");
        assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stderr));
        let child = Command::new("unbound").arg("-d").arg("-c").arg(&conf).stderr(Stdio::null()).spawn().expect("start unbound");
        Unbound { child, port, _dir: dir }
    }

    fn dig(&self, name: &str) -> String {
        let out = Command::new("dig")
            .args(["@127.0.0.1", "-p", &self.port.to_string(), "+tries=1", "+time=1", name, "A"])
            .output()
            .expect("dig (Debian package bind9-dnsutils)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Asks for `name` until the answer has `status` (e.g. `NXDOMAIN`); the time it took.
    fn wait_for(&self, name: &str, status: &str) -> std::time::Duration {
        let started = std::time::Instant::now();
        let want = format!("status: {status}");
        loop {
            let answer = self.dig(name);
            if answer.contains(&want) {
                return started.elapsed();
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(30), "{name} never answered {status}: {answer}");
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }
}

impl Drop for Unbound {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
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
    let unbound = Unbound::start(&format!("  zonefile: \"{}\"\n", zone_file.display()), &[]);
    unbound.wait_for("laposte-colis.top", "NXDOMAIN");
    let sub = unbound.dig("suivi.laposte-colis.top");
    assert!(sub.contains("status: NXDOMAIN"), "the wildcard blocks subdomains: {sub}");
}

/// Posts `objects` to the collection as `token`'s organisation.
fn post(server: &common::Server, collection: &str, token: &str, objects: Value) {
    let r = common::client()
        .post(format!("{}/isac/collections/{collection}/objects/", server.url))
        .bearer_auth(token)
        .header("Content-Type", common::TAXII)
        .header("Accept", common::TAXII)
        .body(json!({ "objects": objects }).to_string())
        .send()
        .expect("post");
    assert!(r.status().is_success(), "{:?}", r.text());
    let status: Value = r.json().expect("status");
    assert_eq!(status["failure_count"], 0, "{status}");
}

/// `POSTERN_BENCH_RPZ_INDICATORS=N` (the RPZ benchmark of BENCHMARKS.md): N more GREEN
/// indicators in the collection before the zone is served, and the time `feeds export --format
/// rpz` takes to build the zone over them.
fn preload_for_benchmark(f: &common::Fixture) {
    let Some(n) = std::env::var("POSTERN_BENCH_RPZ_INDICATORS").ok().and_then(|v| v.parse::<usize>().ok()) else { return };
    let file = f.dir.path().join("bulk.txt");
    std::fs::write(&file, (0..n).map(|i| format!("bulk-look-alike-{i}.top\n")).collect::<String>()).expect("bulk");
    let c = f.collection.as_str();
    let started = std::time::Instant::now();
    run(f.dir.path(), &["feeds", "import", file.to_str().expect("utf-8"), "--collection", c, "--org", "La Poste", "--tlp", "green"], b"");
    eprintln!("rpz bench: {n} indicators imported in {:.1} s", started.elapsed().as_secs_f64());
    for _ in 0..3 {
        let started = std::time::Instant::now();
        let zone = run(f.dir.path(), &["feeds", "export", "--collection", c, "--format", "rpz", "--org", "Correos"], b"");
        eprintln!("rpz bench: zone of {} lines built in {:.2} s", zone.lines().count(), started.elapsed().as_secs_f64());
    }
}

#[test]
fn unbound_follows_the_served_rpz_and_blocks_a_new_indicator_within_seconds() {
    let f = hub_with_hits();
    preload_for_benchmark(&f);
    let new_name = "laposte-douane-frais.top";
    let local = ["laposte-colis.top", new_name, "example-unlisted.top"];
    let rpz_port = free_port("127.0.0.1");
    // Unbound first (it must be there to hear NOTIFY), following Postern's zone by AXFR/IXFR.
    let unbound = Unbound::start(&format!("  primary: 127.0.0.1@{rpz_port}\n  allow-notify: 127.0.0.1\n"), &local);
    let rpz_listen = format!("127.0.0.1:{rpz_port}");
    let notify = format!("127.0.0.1:{}", unbound.port);
    let args = ["--rpz-listen", &rpz_listen, "--rpz-collection", &f.collection, "--rpz-org", "Correos", "--rpz-notify", &notify];
    let server = common::Server::start_with(f.dir.path(), &[&args[..], &["--rpz-refresh-ms", "250"]].concat());
    unbound.wait_for("laposte-colis.top", "NXDOMAIN");
    assert!(unbound.dig("suivi.laposte-colis.top").contains("status: NXDOMAIN"), "subdomains too");
    assert!(unbound.dig(new_name).contains("192.0.2.1"), "not blocked yet");

    // A member shares a new look-alike: the time until the resolver blocks it.
    let mut ind = common::indicator(77, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb");
    ind["pattern"] = json!(format!("[domain-name:value = '{new_name}']"));
    ind["created_by_ref"] = json!(f.identities["La Poste"]);
    // Shared now: young enough for its lifetime model.
    ind["valid_from"] = json!(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
    let started = std::time::Instant::now();
    post(&server, &f.collection, &f.tokens["La Poste"], json!([ind.clone()]));
    unbound.wait_for(new_name, "NXDOMAIN");
    let blocked = started.elapsed();
    // The figure of BENCHMARKS.md (`-- --nocapture`).
    eprintln!("rpz: indicator shared -> NXDOMAIN at the resolver in {:.2} s", blocked.as_secs_f64());
    assert!(blocked < std::time::Duration::from_secs(10), "enforced within 10 s: {blocked:?}");

    // Revoked (a rejected false positive): the resolver answers again.
    ind["modified"] = json!("2026-06-01T00:00:00.000Z");
    ind["revoked"] = json!(true);
    let started = std::time::Instant::now();
    post(&server, &f.collection, &f.tokens["La Poste"], json!([ind]));
    unbound.wait_for(new_name, "NOERROR");
    eprintln!("rpz: indicator revoked -> answered again in {:.2} s", started.elapsed().as_secs_f64());
    assert!(unbound.dig(new_name).contains("192.0.2.1"));
    assert!(unbound.dig("laposte-colis.top").contains("status: NXDOMAIN"), "the others stay blocked");
    assert!(unbound.dig("example-unlisted.top").contains("192.0.2.1"));
}

#[test]
fn the_rpz_is_refused_to_addresses_off_the_allow_list() {
    let f = hub_with_hits();
    let rpz_port = free_port("127.0.0.1");
    let rpz_listen = format!("127.0.0.1:{rpz_port}");
    let args = ["--rpz-listen", &rpz_listen, "--rpz-collection", &f.collection, "--rpz-org", "Correos", "--rpz-allow", "192.0.2.0/24"];
    let _server = common::Server::start_with(f.dir.path(), &args);
    let axfr = |port: u16| {
        let out = Command::new("dig")
            .args(["@127.0.0.1", "-p", &port.to_string(), "+tries=1", "+time=2", "rpz.postern", "AXFR"])
            .output()
            .expect("dig");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let answer = axfr(rpz_port);
    assert!(answer.contains("Transfer failed") || answer.contains("REFUSED"), "{answer}");
    assert!(!answer.contains("laposte-colis"), "{answer}");
}

#[test]
fn an_allowed_transfer_holds_what_the_subscriber_may_read() {
    let f = hub_with_hits();
    let rpz_port = free_port("127.0.0.1");
    let rpz_listen = format!("127.0.0.1:{rpz_port}");
    // GREEN and above excluded: only the CLEAR look-alike is in the zone.
    let args = ["--rpz-listen", &rpz_listen, "--rpz-collection", &f.collection, "--rpz-org", "Correos", "--rpz-tlp", "clear"];
    let _server = common::Server::start_with(f.dir.path(), &args);
    let out = Command::new("dig")
        .args(["@127.0.0.1", "-p", &rpz_port.to_string(), "+tries=1", "+time=2", "rpz.postern", "AXFR"])
        .output()
        .expect("dig");
    let answer = String::from_utf8_lossy(&out.stdout);
    assert!(answer.contains("correos-aduana-pago.top.rpz.postern."), "{answer}");
    assert!(answer.contains("*.correos-aduana-pago.top.rpz.postern."), "{answer}");
    assert!(!answer.contains("laposte-colis"), "GREEN is above the zone's ceiling: {answer}");
    assert!(!answer.contains("www.laposte.fr"), "never an official domain: {answer}");
    assert_eq!(answer.matches("\tSOA\t").count(), 2, "{answer}");
}

#[test]
fn decayed_indicators_leave_the_feeds_as_the_lifetime_model_says() {
    let f = hub_with_hits();
    let dir = tempfile::tempdir().expect("tempdir");
    let export = |extra: &[&str]| {
        let mut args = vec!["feeds", "export", "--collection", &f.collection, "--format", "plain", "--org", "Correos"];
        args.extend_from_slice(extra);
        run(f.dir.path(), &args, b"")
    };
    assert!(export(&[]).contains("laposte-colis.top"), "fresh look-alikes live days under the shipped models");
    // An operator's model whose threshold no score stays above: every indicator is out at once.
    let short = dir.path().join("decay.toml");
    std::fs::write(&short, "default = \"strict\"\n[model.strict]\ntau_days = 7.0\ndelta = 1.0\nthreshold = 100.0\nbase = 70.0\n")
        .expect("write");
    let plain = export(&["--decay", short.to_str().expect("utf-8")]);
    assert_eq!(plain, "", "every indicator decayed: {plain}");
    // A broken model file is refused, naming the field.
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "default = \"m\"\n[model.m]\ntau_days = -1.0\ndelta = 1.0\nthreshold = 30.0\nbase = 70.0\n").expect("write");
    let out = Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path())
        .args(["feeds", "export", "--collection", &f.collection, "--format", "plain", "--decay", bad.to_str().expect("utf-8")])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("tau_days"), "{}", String::from_utf8_lossy(&out.stderr));
}
