//! `postern watch` end to end: the real binary on files, stdin and zone-file diffs, with no
//! server and no database.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

/// Runs `postern watch ARGS` with `stdin`; returns (exit success, stdout, stderr).
fn watch(args: &[&str], stdin: &[u8]) -> (bool, String, String) {
    let mut child = Command::new(common::exe())
        .arg("watch")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run postern watch");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    let out = child.wait_with_output().expect("wait");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn hits(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("one JSON object per line")).collect()
}

const NAMES: &str = "laposte-colis.top\nexample.com\nWWW.Royalrnail-Redelivery.com.\n*.usps.com-trackzr.top\nwashingtonpost.com\n\
                     compost.org\npostgresql.org\nsignpost.com\nposte-restante-shop.fr\nwww.laposte.fr\ntools.usps.com\n";

#[test]
fn a_file_gives_one_json_object_per_look_alike_and_a_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("names.txt");
    let mut text = NAMES.as_bytes().to_vec();
    text.extend_from_slice(b"bad\0name.com\n");
    text.extend_from_slice("a.".repeat(300).as_bytes());
    text.extend_from_slice(b"\nxn--zz-zzzzzzzz.com\n\xff\xfe.com\n");
    std::fs::write(&path, &text).expect("write");
    let (ok, out, err) = watch(&["--file", path.to_str().expect("utf-8"), "--jsonl"], b"");
    assert!(ok, "{err}");
    let hits = hits(&out);
    let domains: Vec<&str> = hits.iter().map(|h| h["domain"].as_str().expect("domain")).collect();
    assert_eq!(domains, ["laposte-colis.top", "www.royalrnail-redelivery.com", "usps.com-trackzr.top"]);
    // The fields, in the issue's order.
    let first = out.lines().next().expect("a line");
    let at: Vec<usize> = ["domain", "brand", "technique", "score", "level", "source", "first_seen"]
        .iter()
        .map(|k| first.find(&format!("\"{k}\":")).expect("field"))
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{first}");
    assert_eq!(hits[0].as_object().expect("object").len(), 7);
    assert_eq!(hits[0]["brand"], "fr-laposte");
    assert_eq!(hits[0]["level"], "malicious");
    assert_eq!(hits[0]["source"], "file:names.txt");
    assert!(hits[0]["score"].as_u64().is_some_and(|s| (70..=100).contains(&s)));
    assert!(chrono::DateTime::parse_from_rfc3339(hits[0]["first_seen"].as_str().expect("time")).is_ok());
    assert_eq!(hits[2]["technique"], "brand.com-xxxx");
    let summary = err.lines().last().expect("a summary line");
    assert!(summary.starts_with("watch: 15 names"), "{summary}");
    for part in ["3 malicious", "4 refused", "nul 1", "too_many_labels 1", "invalid_idna 1", "invalid_utf8 1"] {
        assert!(summary.contains(part), "{part} in {summary}");
    }
}

#[test]
fn stdin_is_read_when_no_file_is_given() {
    let (ok, out, err) = watch(&["--jsonl", "--source", "nrd-2026-12-07"], NAMES.as_bytes());
    assert!(ok, "{err}");
    let hits = hits(&out);
    assert_eq!(hits.len(), 3);
    assert!(hits.iter().all(|h| h["source"] == "nrd-2026-12-07"));
    let (ok, out, _) = watch(&["--file", "-"], b"laposte-colis.top\n");
    assert!(ok);
    assert!(out.starts_with("malicious") && out.contains("laposte-colis.top"), "{out}");
}

#[test]
fn a_stream_larger_than_a_block_loses_no_line() {
    // Over two read blocks, with the look-alike on a block edge somewhere: every copy is found.
    let mut text = String::new();
    let mut planted = 0;
    for i in 0..120_000 {
        if i % 1000 == 7 {
            text.push_str("laposte-colis.top\n");
            planted += 1;
        } else {
            text.push_str(["www.example.com\n", "gardening-tools.example\n", "mail.example.org\n"][i % 3]);
        }
    }
    // No final newline: the last line still counts.
    text.push_str("usps.com-trackzr.top");
    let (ok, out, err) = watch(&["--jsonl"], text.as_bytes());
    assert!(ok, "{err}");
    assert_eq!(hits(&out).len(), planted + 1);
    assert!(err.contains(&format!("watch: {} names", 120_001)), "{err}");
}

#[test]
fn a_zone_diff_judges_only_the_new_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = dir.path().join("old.zone");
    let new = dir.path().join("new.zone");
    std::fs::write(&old, "$ORIGIN top.\n$TTL 3600\n@ SOA ns.nic.top. h.nic.top. ( 1 2 3 4 5 )\nlaposte-colis NS ns1.x.example.\n")
        .expect("write");
    std::fs::write(
        &new,
        "$ORIGIN top.\n$TTL 3600\n@ SOA ns.nic.top. h.nic.top. ( 2 2 3 4 5 )\nlaposte-colis NS ns1.x.example.\n\
         evri-redelivery-fee NS ns1.x.example.\n NS ns2.x.example.\ngardening NS ns1.y.example.\n",
    )
    .expect("write");
    let (ok, out, err) = watch(&["--zone-old", old.to_str().expect("p"), "--zone-new", new.to_str().expect("p"), "--jsonl"], b"");
    assert!(ok, "{err}");
    let hits = hits(&out);
    assert_eq!(hits.len(), 1, "{out}");
    assert_eq!(hits[0]["domain"], "evri-redelivery-fee.top");
    assert_eq!(hits[0]["source"], "zone:new.zone");
    assert!(err.contains("watch: 2 names"), "only the two new names are judged: {err}");
}

#[test]
fn a_zone_with_include_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zone = dir.path().join("z.zone");
    std::fs::write(&zone, "$ORIGIN top.\n$INCLUDE /etc/passwd\n").expect("write");
    let (ok, out, err) = watch(&["--zone-old", zone.to_str().expect("p"), "--zone-new", zone.to_str().expect("p")], b"");
    assert!(!ok);
    assert!(out.is_empty());
    assert!(err.contains("$INCLUDE is not supported") && err.contains("line 2"), "{err}");
}

/// Runs `postern --data DIR watch ARGS` on `stdin`.
fn watch_data(data: &std::path::Path, args: &[&str], stdin: &[u8]) -> (bool, String, String) {
    let mut all = vec!["--data", data.to_str().expect("utf-8"), "watch"];
    all.extend_from_slice(args);
    let mut child = Command::new(common::exe())
        .args(&all)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run postern watch");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    let out = child.wait_with_output().expect("wait");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn hits_become_green_indicators_of_a_collection_once() {
    let f = common::fixture();
    let args = ["--collection", f.collection.as_str(), "--org", "La Poste", "--jsonl"];
    let (ok, _, err) = watch_data(f.dir.path(), &args, NAMES.as_bytes());
    assert!(ok, "{err}");
    assert!(err.contains("recorded: 3 new hits, 0 seen before, 3 indicators added"), "{err}");
    // Seen again: counted, not added twice.
    let (ok, _, err) = watch_data(f.dir.path(), &args, NAMES.as_bytes());
    assert!(ok, "{err}");
    assert!(err.contains("recorded: 0 new hits, 3 seen before, 0 indicators added"), "{err}");
    let server = common::Server::start(f.dir.path());
    let indicators = collection_objects(&server, &f, "indicator");
    assert_eq!(indicators.len(), 3);
    let lp = indicators.iter().find(|o| o["pattern"] == "[domain-name:value = 'laposte-colis.top']").expect("the La Poste look-alike");
    assert_eq!(lp["object_marking_refs"][0], "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "TLP:GREEN by default");
    assert_eq!(lp["created_by_ref"], f.identities["La Poste"].as_str());
    assert_eq!(lp["external_references"][0]["external_id"], "fr-laposte");
    assert!(lp["confidence"].as_u64().is_some_and(|c| c >= 70));
    assert!(lp["valid_until"].as_str().is_some_and(|u| u > lp["valid_from"].as_str().unwrap_or_default()));
}

/// The plain feed of the collection, as Correos reads it.
fn plain_feed(server: &common::Server, f: &common::Fixture) -> String {
    common::client()
        .get(format!("{}/feeds/{}/plain", server.url, f.collection))
        .bearer_auth(&f.tokens["Correos"])
        .send()
        .expect("feed")
        .text()
        .expect("text")
}

#[test]
fn triage_in_the_portal_takes_a_rejected_hit_out_of_every_feed_for_good() {
    use common::visitor::{PASSWORD, Visitor, user_add};
    let f = common::fixture();
    let args = ["--collection", f.collection.as_str(), "--org", "La Poste"];
    let (ok, _, err) = watch_data(f.dir.path(), &args, NAMES.as_bytes());
    assert!(ok, "{err}");
    let (ok, _, err) = watch_data(f.dir.path(), &args, b"laposte-shop.com\n");
    assert!(ok && err.contains("1 suspicious"), "{err}");
    for (name, org, role) in [("alice", "La Poste", "analyst"), ("rita", "La Poste", "reader"), ("bob", "Correos", "analyst")] {
        assert!(user_add(f.dir.path(), name, org, role, PASSWORD).status.success());
    }
    let server = common::Server::start(f.dir.path());
    assert!(plain_feed(&server, &f).contains("laposte-colis.top"));

    // Another organisation sees none of La Poste's hits and cannot decide on them.
    let mut bob = Visitor::new(&server.url);
    bob.login("bob");
    let queue = bob.page("/members/monitor");
    assert!(!queue.contains("laposte-colis.top"), "{queue}");
    let (status, _, _) = bob.post("/members/monitor", "/members/monitor/laposte-colis.top", &[("decision", "reject")]);
    assert_eq!(status, 404, "another organisation's hit is not found");
    // A reader of La Poste sees the queue but may not decide.
    let mut rita = Visitor::new(&server.url);
    rita.login("rita");
    assert!(rita.page("/members/monitor").contains("laposte-colis.top"));
    let (status, _, _) = rita.post("/members/monitor", "/members/monitor/laposte-colis.top", &[("decision", "reject")]);
    assert_eq!(status, 403);

    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    let queue = alice.page("/members/monitor");
    assert!(queue.contains("laposte-colis.top") && queue.contains("fr-laposte"), "{queue}");
    let (status, _, _) = alice.post_with("/members/monitor/laposte-colis.top", "forged", &[("decision", "reject")]);
    assert_eq!(status, 403, "the form needs the session's token");
    let (status, _, _) = alice.post("/members/monitor", "/members/monitor/laposte-colis.top", &[("decision", "maybe")]);
    assert_eq!(status, 400);
    let started = std::time::Instant::now();
    let (status, location, _) = alice.post("/members/monitor", "/members/monitor/laposte-colis.top", &[("decision", "reject")]);
    assert_eq!((status, location.as_str()), (303, "/members/monitor"));
    let feed = plain_feed(&server, &f);
    assert!(!feed.contains("laposte-colis.top"), "out of the feed at once ({:?}): {feed}", started.elapsed());
    assert!(feed.contains("usps.com-trackzr.top"), "the others stay: {feed}");
    let queue = alice.page("/members/monitor");
    assert!(queue.contains("rejected (false positive)"), "{queue}");
    let (status, _, _) = alice.post("/members/monitor", "/members/monitor/usps.com-trackzr.top", &[("decision", "confirm")]);
    assert_eq!(status, 303);
    assert!(plain_feed(&server, &f).contains("usps.com-trackzr.top"), "a confirmed hit stays in the feed");
    // A suspicious hit is no indicator until an analyst confirms it into a collection.
    assert!(!plain_feed(&server, &f).contains("laposte-shop.com"));
    let queue = alice.page("/members/monitor");
    assert!(queue.contains("name=\"collection\"") && queue.contains(&format!("value=\"{}\"", f.collection)), "{queue}");
    let (status, _, _) = alice.post("/members/monitor", "/members/monitor/laposte-shop.com", &[("decision", "confirm"), ("tlp", "purple")]);
    assert_eq!(status, 400, "an unknown TLP level");
    let (status, _, _) = alice.post("/members/monitor", "/members/monitor/laposte-shop.com", &[("decision", "confirm")]);
    assert_eq!(status, 400, "no collection named");
    assert!(!plain_feed(&server, &f).contains("laposte-shop.com"), "a refused decision publishes nothing");
    let (status, _, _) = alice.post(
        "/members/monitor",
        "/members/monitor/laposte-shop.com",
        &[("decision", "confirm"), ("collection", f.collection.as_str()), ("tlp", "amber")],
    );
    assert_eq!(status, 303);
    assert!(plain_feed(&server, &f).contains("laposte-shop.com"), "a confirmed suspicious hit becomes an indicator");
    let queue = alice.page("/members/monitor");
    assert!(queue.contains("confirmed") && queue.contains("laposte-shop.com"), "{queue}");
    drop(server);

    // Seen again by the watcher: counted, never an indicator again.
    let (ok, _, err) = watch_data(f.dir.path(), &args, b"laposte-colis.top\n");
    assert!(ok, "{err}");
    assert!(err.contains("0 indicators added") && err.contains("1 suppressed by triage"), "{err}");
    let server = common::Server::start(f.dir.path());
    assert!(!plain_feed(&server, &f).contains("laposte-colis.top"));
    let audit = common::cli(f.dir.path(), &["audit"]);
    assert!(audit.to_string().contains("portal.monitor.decide"), "{audit}");
}

/// The objects of type `t` in the fixture's collection, as Correos reads them over TAXII.
fn collection_objects(server: &common::Server, f: &common::Fixture, t: &str) -> Vec<Value> {
    let page: Value = common::client()
        .get(format!("{}/isac/collections/{}/objects/?match[type]={t}", server.url, f.collection))
        .bearer_auth(&f.tokens["Correos"])
        .header("Accept", common::TAXII)
        .send()
        .expect("get")
        .json()
        .expect("json");
    page["objects"].as_array().cloned().unwrap_or_default()
}

#[test]
fn names_minted_from_one_template_become_one_campaign() {
    let f = common::fixture();
    let args = ["--collection", f.collection.as_str(), "--org", "La Poste"];
    // The campaign appears at its second member, then grows.
    let (ok, _, err) = watch_data(f.dir.path(), &args, b"laposte-redelivery-12.top\nusps.com-trackzr.top\n");
    assert!(ok, "{err}");
    assert!(err.contains("0 campaign updates"), "{err}");
    let (ok, _, err) = watch_data(f.dir.path(), &args, b"laposte-redelivery-47.top\nlaposte-redelivery-9.top\n");
    assert!(ok, "{err}");
    assert!(!err.contains(" 0 campaign updates"), "{err}");
    let server = common::Server::start(f.dir.path());
    let read = |t: &str| collection_objects(&server, &f, t);
    let campaigns = read("campaign");
    assert_eq!(campaigns.len(), 1, "{campaigns:#?}");
    assert_eq!(campaigns[0]["name"], "Look-alikes of La Poste: laposte-redelivery-#.top");
    assert_eq!(campaigns[0]["created_by_ref"], f.identities["La Poste"].as_str());
    let indicators = read("indicator");
    let id_of = |d: &str| {
        let pattern = format!("[domain-name:value = '{d}']");
        indicators.iter().find(|o| o["pattern"] == pattern.as_str()).map(|o| o["id"].as_str().unwrap_or_default().to_string())
    };
    let relationships = read("relationship");
    let mut sources: Vec<String> = relationships
        .iter()
        .filter(|r| r["relationship_type"] == "indicates" && r["target_ref"] == campaigns[0]["id"])
        .filter_map(|r| r["source_ref"].as_str().map(String::from))
        .collect();
    sources.sort();
    let mut want: Vec<String> =
        ["laposte-redelivery-12.top", "laposte-redelivery-47.top", "laposte-redelivery-9.top"].iter().filter_map(|d| id_of(d)).collect();
    want.sort();
    assert_eq!(want.len(), 3);
    assert_eq!(sources, want, "every member indicates the campaign, the first one included");
    assert!(id_of("usps.com-trackzr.top").is_some_and(|u| !sources.contains(&u)), "another brand stays out");
    let csv = common::client()
        .get(format!("{}/feeds/{}/csv", server.url, f.collection))
        .bearer_auth(&f.tokens["Correos"])
        .send()
        .expect("feed")
        .text()
        .expect("text");
    let line = csv.lines().find(|l| l.starts_with("laposte-redelivery-47.top,")).expect("in the CSV feed");
    assert!(line.ends_with("Look-alikes of La Poste: laposte-redelivery-#.top"), "{line}");
    // The triage queue shows each member's campaign, the first member's included.
    use common::visitor::{PASSWORD, Visitor, user_add};
    assert!(user_add(f.dir.path(), "alice", "La Poste", "analyst", PASSWORD).status.success());
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    let queue = alice.page("/members/monitor");
    assert_eq!(queue.matches("<dd>Look-alikes of La Poste: laposte-redelivery-#.top</dd>").count(), 3, "{queue}");
}

#[test]
fn look_alikes_on_one_unshared_address_of_the_operators_passive_dns_become_one_campaign() {
    let f = common::fixture();
    // Passive DNS Common Output Format lines, as a resolver operator's collector exports them.
    // 45.67.89.10 serves two look-alikes of different brands and templates; 151.101.1.1 also
    // serves the official www.laposte.fr (a CDN): it clusters nothing.
    let pdns = f.dir.path().join("pdns.jsonl");
    let records = [
        r#"{"rrname":"laposte-colis-frais.top.","rrtype":"A","rdata":"45.67.89.10","time_first":1765100000,"time_last":1765103600,"count":4}"#,
        r#"{"rrname":"royalmail-redelivery-fee.top.","rrtype":"A","rdata":["45.67.89.10"],"time_first":1765100100,"time_last":1765103600}"#,
        r#"{"rrname":"correos-aduana.xyz.","rrtype":"A","rdata":"151.101.1.1"}"#,
        r#"{"rrname":"usps-package-reschedule.top.","rrtype":"A","rdata":"151.101.1.1"}"#,
        r#"{"rrname":"www.laposte.fr.","rrtype":"A","rdata":"151.101.1.1"}"#,
        r#"{"rrname":"laposte-colis-frais.top.","rrtype":"NS","rdata":"ns1.example-dns.top."}"#,
        "not a record",
    ];
    std::fs::write(&pdns, records.join("\n")).expect("pdns");
    let names = b"laposte-colis-frais.top\ncorreos-aduana.xyz\nroyalmail-redelivery-fee.top\nusps-package-reschedule.top\n";
    let pdns_arg = pdns.to_str().expect("utf-8");
    // Without a collection there is nothing to cluster: a clear refusal.
    let (ok, _, err) = watch(&["--passive-dns", pdns_arg], names);
    assert!(!ok && err.contains("--passive-dns clusters recorded hits"), "{err}");
    let args = ["--collection", f.collection.as_str(), "--org", "La Poste", "--passive-dns", pdns_arg];
    let (ok, _, err) = watch_data(f.dir.path(), &args, names);
    assert!(ok, "{err}");
    assert!(err.contains(": 5 address records, 1 malformed, 1 of other types, 1 shared addresses left out"), "{err}");
    assert!(err.contains("4 indicators added") && err.contains(", 1 campaign updates"), "{err}");
    let server = common::Server::start(f.dir.path());
    let read = |t: &str| collection_objects(&server, &f, t);
    let campaigns = read("campaign");
    assert_eq!(campaigns.len(), 1, "{campaigns:#?}");
    let description = campaigns[0]["description"].as_str().unwrap_or_default();
    assert!(description.contains("seen on the address 45.67.89.10 (passive DNS)"), "{description}");
    let indicators = read("indicator");
    let pattern_of =
        |id: &str| indicators.iter().find(|o| o["id"] == id).and_then(|o| o["pattern"].as_str()).unwrap_or_default().to_string();
    let mut members: Vec<String> = read("relationship")
        .iter()
        .filter(|r| r["relationship_type"] == "indicates" && r["target_ref"] == campaigns[0]["id"])
        .map(|r| pattern_of(r["source_ref"].as_str().unwrap_or_default()))
        .collect();
    members.sort();
    assert_eq!(
        members,
        ["[domain-name:value = 'laposte-colis-frais.top']", "[domain-name:value = 'royalmail-redelivery-fee.top']"],
        "the names on the CDN address stay out"
    );
}
