//! Federation end to end: national, regional and global hubs as real `postern serve` processes
//! on loopback, peered with `postern peer add`, syncing over TAXII 2.1. Convergence is polled
//! with a deadline; what each hub stored is read from its database with the sqlite3 CLI, so that
//! objects no reader may see (RED, AMBER+STRICT) are checked too.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Server, TAXII, cli, client, exe};
use serde_json::{Value, json};

const DEADLINE: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(25);

const CLEAR: &str = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
const GREEN: &str = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
const AMBER: &str = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
const AMBER_STRICT: &str = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
const RED: &str = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

/// One hub's data directory, fixed port, collection and member.
struct Node {
    dir: tempfile::TempDir,
    port: u16,
    collection: String,
    token: String,
    identity: String,
}

impl Node {
    fn new() -> Node {
        Node::with_writers(&[])
    }

    /// A node whose collection the organisations `others` may write too (besides `member`).
    fn with_writers(others: &[&str]) -> Node {
        let dir = tempfile::tempdir().expect("tempdir");
        let org = cli(dir.path(), &["org", "add", "member", "--country", "FR"]);
        for o in others {
            cli(dir.path(), &["org", "add", o]);
        }
        let token = cli(dir.path(), &["token", "issue", "--org", "member", "--role", "analyst"]);
        let writers = std::iter::once("member").chain(others.iter().copied()).collect::<Vec<_>>().join(",");
        let c = cli(dir.path(), &["collection", "add", "intel", "--read", "all", "--write", &writers]);
        Node {
            port: free_port(),
            collection: c["id"].as_str().expect("id").to_string(),
            token: token["token"].as_str().expect("token").to_string(),
            identity: org["identity_id"].as_str().expect("identity").to_string(),
            dir,
        }
    }

    fn data(&self) -> &Path {
        self.dir.path()
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `postern serve` on this node's port, syncing fast.
    fn serve(&self) -> Server {
        let mut child = Command::new(exe())
            .arg("--data")
            .arg(self.data())
            .args(["--json", "serve", "--listen", &format!("127.0.0.1:{}", self.port)])
            .args(["--sync-interval-ms", "100", "--sync-max-backoff-ms", "800", "--sync-lease-ms", "2000", "--sync-page-limit", "50"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start postern serve");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let url = loop {
            let line = lines.next().expect("serve exited before listening").expect("read stdout");
            let v: Value = serde_json::from_str(&line).expect("JSON event line");
            if v["event"] == "listening" {
                break v["url"].as_str().expect("url").to_string();
            }
        };
        Server { child, url, admin_token: None, data: self.data().to_path_buf() }
    }

    fn post(&self, objects: Vec<Value>) {
        self.post_as(&self.token, objects);
    }

    fn post_as(&self, token: &str, objects: Vec<Value>) {
        let resp = client()
            .post(format!("{}/isac/collections/{}/objects/", self.url(), self.collection))
            .header("Accept", TAXII)
            .header("Content-Type", TAXII)
            .bearer_auth(token)
            .body(json!({ "objects": objects }).to_string())
            .send()
            .expect("post");
        assert_eq!(resp.status().as_u16(), 202);
        let status: Value = resp.json().expect("status");
        assert_eq!(status["failure_count"], 0, "{status}");
    }

    /// What the database holds: object id → origin ("-" for local objects).
    fn stored(&self) -> BTreeMap<String, String> {
        self.sql("SELECT object_id || ' ' || ifnull(origin, '-') FROM objects")
            .lines()
            .filter_map(|l| l.split_once(' ').map(|(a, b)| (a.to_string(), b.to_string())))
            .collect()
    }

    /// Every stored body and (id, version) count, to check for duplicates and leaked fields.
    fn rows(&self) -> (usize, usize) {
        let out = self.sql("SELECT count(*) || ' ' || count(DISTINCT object_id || '/' || ifnull(version_ns, '')) FROM objects");
        let (a, b) = out.trim().split_once(' ').expect("two counts");
        (a.parse().expect("n"), b.parse().expect("n"))
    }

    fn sql(&self, query: &str) -> String {
        let out = Command::new("sqlite3")
            .args(["-cmd", ".timeout 10000"])
            .arg(self.data().join("postern.sqlite3"))
            .arg(query)
            .output()
            .expect("sqlite3 (install the Debian package sqlite3)");
        assert!(out.status.success(), "sqlite3: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    }

    fn peers(&self) -> Vec<Value> {
        cli(self.data(), &["peer", "status"])["peers"].as_array().expect("peers").clone()
    }

    fn audit(&self, action: &str) -> Vec<Value> {
        let all = cli(self.data(), &["audit", "--limit", "100000"]);
        all["entries"].as_array().expect("entries").iter().filter(|e| e["action"] == action).cloned().collect()
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// On `from`, a peering named `to_name` with `to`'s federation API root; on `to`, the
/// organisation `from_name` whose token `from` uses (created once).
fn link(from: &Node, from_name: &str, to: &Node, to_name: &str, direction: &str, max: &str) {
    link_at(from, from_name, to, to_name, "/federation/", direction, max);
}

/// Like [`link`], on any API root: `/isac/` makes `to` a plain TAXII 2.1 server to `from`, read
/// with an ordinary member token, with no peering of its own.
fn link_at(from: &Node, from_name: &str, to: &Node, to_name: &str, api_root: &str, direction: &str, max: &str) {
    let orgs = cli(to.data(), &["org", "list"]);
    if !orgs["orgs"].as_array().expect("orgs").iter().any(|o| o["name"] == from_name) {
        cli(to.data(), &["org", "add", from_name]);
    }
    let token = cli(to.data(), &["token", "issue", "--org", from_name, "--role", "analyst"]);
    let p = cli(
        from.data(),
        &[
            "peer",
            "add",
            to_name,
            "--url",
            &to.url(),
            "--api-root",
            api_root,
            "--collection",
            &to.collection,
            "--local-collection",
            &from.collection,
            "--token",
            token["token"].as_str().expect("token"),
            direction,
            "--max-tlp",
            max,
        ],
    );
    assert_eq!(p["name"], to_name);
}

fn id(n: u32) -> String {
    format!("indicator--7f9c1c5e-0000-4000-8000-{n:012}")
}

fn indicator(n: u32, marking: Option<&str>, recipients: &[&str]) -> Value {
    let mut o = json!({
        "type": "indicator", "spec_version": "2.1", "id": id(n),
        "created": "2025-03-01T10:00:00.000Z", "modified": "2025-03-01T10:00:00.000Z",
        "name": format!("Fake parcel fee site {n}"),
        "pattern": format!("[domain-name:value = 'colis-{n}.laposte-frais.top']"), "pattern_type": "stix",
        "valid_from": "2025-03-01T10:00:00Z", "indicator_types": ["malicious-activity"],
    });
    if let Some(m) = marking {
        o["object_marking_refs"] = json!([m]);
    }
    if !recipients.is_empty() {
        o["x_postern_recipients"] = json!(recipients);
    }
    o
}

/// Polls `check` until it returns true, failing with `what()` after the deadline.
fn converge(what: impl Fn() -> String, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(start.elapsed() < DEADLINE, "no convergence within {DEADLINE:?}: {}", what());
        std::thread::sleep(POLL);
    }
}

/// Waits until every peering of every node has completed a successful round that started after
/// this call, so that nothing still in flight can change what is checked next.
fn quiesce(nodes: &[&Node]) {
    let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    converge(
        || format!("peers did not all complete a round after {since}"),
        || nodes.iter().all(|n| n.peers().iter().all(|p| p["state"]["last_success"].as_str().is_some_and(|t| t > since.as_str()))),
    );
}

fn ids(ns: &[u32]) -> BTreeSet<String> {
    ns.iter().map(|n| id(*n)).collect()
}

fn keys(m: &BTreeMap<String, String>) -> BTreeSet<String> {
    m.keys().cloned().collect()
}

#[test]
fn three_hubs_exchange_exactly_what_each_peering_allows() {
    let (national, regional, global) = (Node::new(), Node::new(), Node::new());
    // national -> regional up to AMBER: national pushes, regional pulls (both sides act).
    link(&national, "national", &regional, "regional", "--push", "amber");
    link(&regional, "regional", &national, "national", "--pull", "amber");
    // regional <-> global: regional agreed GREEN, but global accepts only CLEAR from regional.
    link(&regional, "regional", &global, "global", "--both", "green");
    link(&global, "global", &regional, "regional", "--both", "clear");

    let servers = [national.serve(), regional.serve(), global.serve()];
    let member = national.identity.clone();
    national.post(vec![
        indicator(1, Some(CLEAR), &[]),
        indicator(2, Some(GREEN), &[&member]),
        indicator(3, Some(AMBER), &[]),
        indicator(4, Some(AMBER_STRICT), &[&member]),
        indicator(5, Some(RED), &[&member]),
        indicator(6, None, &[]),
    ]);
    regional.post(vec![indicator(21, Some(CLEAR), &[]), indicator(22, Some(GREEN), &[]), indicator(23, Some(AMBER), &[])]);
    global.post(vec![indicator(11, Some(CLEAR), &[]), indicator(12, Some(GREEN), &[])]);

    let expect_national = ids(&[1, 2, 3, 4, 5, 6]);
    let expect_regional = ids(&[1, 2, 3, 6, 11, 21, 22, 23]);
    let expect_global = ids(&[1, 11, 12, 21]);
    let state = || format!("national {:?}\nregional {:?}\nglobal {:?}", national.stored(), regional.stored(), global.stored());
    converge(state, || keys(&regional.stored()) == expect_regional && keys(&global.stored()) == expect_global);
    quiesce(&[&national, &regional, &global]);

    assert_eq!(keys(&national.stored()), expect_national, "nothing flows down to national (its peering is push-only)");
    let r = regional.stored();
    assert_eq!(keys(&r), expect_regional, "AMBER+STRICT and RED never left national");
    for n in [1, 2, 3, 6] {
        assert_eq!(r[&id(n)], "national", "provenance of {n}");
    }
    assert_eq!(r[&id(11)], "global");
    let g = global.stored();
    assert_eq!(keys(&g), expect_global, "GREEN refused by global's CLEAR-only peering; AMBER never offered");
    assert_eq!((g[&id(1)].as_str(), g[&id(21)].as_str(), g[&id(11)].as_str()), ("regional", "regional", "-"));
    for node in [&regional, &global] {
        assert_eq!(node.sql("SELECT count(*) FROM objects WHERE body LIKE '%x_postern_recipients%'").trim(), "0");
        let (rows, distinct) = node.rows();
        assert_eq!(rows, distinct, "no duplicate versions");
    }

    // Refusals are audited on the receiving side, for exactly the GREEN objects.
    let refused: BTreeSet<String> =
        global.audit("federation.refused").iter().map(|e| e["target"].as_str().expect("target").to_string()).collect();
    assert_eq!(refused, ids(&[2, 22]));
    assert!(regional.audit("federation.refused").is_empty());
    // Loop-free: regional pushed global only its two CLEAR objects, never global's own back.
    let to_global = regional.peers().into_iter().find(|p| p["name"] == "global").expect("peer");
    assert_eq!(to_global["state"]["pushed"], 2, "{to_global}");
    assert!(to_global.get("token").is_none() && !to_global.to_string().contains("pst_"), "secrets never printed");

    // The peers API for hub administrators.
    let admin = cli(regional.data(), &["token", "issue", "--org", "hub", "--role", "admin"]);
    let api: Value = client()
        .get(format!("{}/api/v1/peers", regional.url()))
        .bearer_auth(admin["token"].as_str().expect("token"))
        .send()
        .expect("peers api")
        .json()
        .expect("json");
    let names: BTreeSet<&str> = api["peers"].as_array().expect("peers").iter().filter_map(|p| p["name"].as_str()).collect();
    assert_eq!(names, BTreeSet::from(["global", "national"]));
    let denied = client().get(format!("{}/api/v1/peers", regional.url())).bearer_auth(&regional.token).send().expect("peers api");
    assert_eq!(denied.status().as_u16(), 403, "members may not list peers");
    drop(servers);
}

#[test]
fn sigkill_of_the_regional_hub_mid_sync_loses_and_duplicates_nothing() {
    let (national, regional, global) = (Node::new(), Node::new(), Node::new());
    // regional reads national as a plain TAXII server; regional pushes to global while global
    // also pulls from regional, so the kill interrupts both directions.
    link_at(&regional, "regional", &national, "national", "/isac/", "--pull", "green");
    link(&regional, "regional", &global, "global", "--push", "green");
    link(&global, "global", &regional, "regional", "--pull", "green");
    let n = national.serve();
    let total = 4000u32;
    for chunk in (0..total).collect::<Vec<_>>().chunks(1000) {
        national.post(chunk.iter().map(|i| indicator(100_000 + i, Some(if i % 2 == 0 { CLEAR } else { GREEN }), &[])).collect());
    }
    national.post(vec![indicator(99, Some(AMBER), &[])]);
    let g = global.serve();
    let r = regional.serve();
    converge(|| "regional never started pulling".into(), || !regional.stored().is_empty());
    r.kill9();
    let at_kill = regional.stored().len();
    assert!(at_kill < total as usize, "the kill came mid-sync ({at_kill} of {total} stored)");

    let r = regional.serve();
    let want: BTreeSet<String> = (0..total).map(|i| id(100_000 + i)).collect();
    converge(
        || format!("regional {} global {}", regional.stored().len(), global.stored().len()),
        || keys(&regional.stored()) == want && keys(&global.stored()) == want,
    );
    quiesce(&[&regional, &global]);
    for node in [&regional, &global] {
        assert_eq!(keys(&node.stored()), want, "no loss, and AMBER stayed home");
        assert_eq!(node.rows(), (total as usize, total as usize), "no duplicates");
    }
    drop((n, r, g));
}

#[test]
fn a_peer_unreachable_for_a_while_is_caught_up_when_it_returns() {
    let (national, regional) = (Node::new(), Node::new());
    link_at(&regional, "regional", &national, "national", "/isac/", "--pull", "green");
    let n = national.serve();
    let _r = regional.serve();
    national.post(vec![indicator(1, Some(GREEN), &[])]);
    converge(|| format!("{:?}", regional.stored()), || regional.stored().contains_key(&id(1)));
    n.kill9();
    let failures = || regional.peers()[0]["state"]["failures"].as_u64().unwrap_or(0);
    converge(|| format!("{:?}", regional.peers()), || failures() >= 3);
    assert!(regional.peers()[0]["state"]["last_error"].as_str().is_some_and(|e| !e.is_empty()));

    let _n = national.serve();
    national.post(vec![indicator(2, Some(CLEAR), &[])]);
    converge(|| format!("{:?} {:?}", regional.stored(), regional.peers()), || regional.stored().contains_key(&id(2)) && failures() == 0);
    assert_eq!(keys(&regional.stored()), ids(&[1, 2]));
}

#[test]
fn an_invalid_object_from_a_peer_does_not_block_the_valid_ones_after_it() {
    let (national, regional) = (Node::new(), Node::new());
    link_at(&regional, "regional", &national, "national", "/isac/", "--pull", "green");
    let _n = national.serve();
    national.post(vec![indicator(1, Some(GREEN), &[])]);
    // A row the hub would never accept (no created/pattern...), as a broken or hostile peer
    // would serve it, slipped in between two valid objects in date_added order.
    national.sql(&format!(
        "BEGIN IMMEDIATE; UPDATE clock SET last_us = last_us + 1; \
         INSERT INTO objects (collection_id, object_id, object_type, spec_version, version_text, version_ns, date_added, tlp, \
         producer, recipients, is_first, is_latest, body, origin) SELECT '{c}', '{bad}', 'indicator', '2.1', NULL, NULL, last_us, 0, \
         'identity--x', NULL, 1, 1, '{{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"{bad}\"}}', NULL FROM clock; COMMIT;",
        c = national.collection,
        bad = id(2)
    ));
    national.post(vec![indicator(3, Some(CLEAR), &[])]);
    let _r = regional.serve();
    converge(|| format!("{:?}", regional.stored()), || regional.stored().contains_key(&id(3)));
    quiesce(&[&regional]);
    assert_eq!(keys(&regional.stored()), ids(&[1, 3]));
    let receipts = regional.audit("federation.receive");
    assert!(receipts.iter().any(|e| e["detail"].as_str().is_some_and(|d| d.contains("1 invalid"))), "{receipts:?}");
}

/// medallion (the OASIS TAXII 2.1 reference server) on a loopback port, killed when dropped.
struct Medallion {
    child: std::process::Child,
    url: String,
    collection: &'static str,
    _dir: tempfile::TempDir,
}

impl Drop for Medallion {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Medallion {
    fn start() -> Medallion {
        let python = std::env::var("POSTERN_TEST_PYTHON")
            .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv");
        let dir = tempfile::tempdir().expect("tempdir");
        let collection = "91a7b528-80eb-42ed-a74d-c6fbd5a26116";
        let port = free_port();
        let url = format!("http://127.0.0.1:{port}");
        let data = json!({
            "/discovery": {"title": "medallion", "default": format!("{url}/api1/"), "api_roots": [format!("{url}/api1/")]},
            "api1": {
                "information": {"title": "api1", "versions": [TAXII], "max_content_length": 10_000_000},
                "status": [],
                "collections": [{"id": collection, "title": "intel", "can_read": true, "can_write": true,
                                 "media_types": ["application/stix+json;version=2.1"], "objects": [], "manifest": []}]
            }
        });
        let data_path = dir.path().join("data.json");
        std::fs::write(&data_path, data.to_string()).expect("write data");
        let conf = json!({
            "backend": {"module": "medallion.backends.memory_backend", "module_class": "MemoryBackend", "filename": data_path, "session_timeout": 3600},
            "users": {"admin": "Password0"},
            // Pages of 2 make the pull follow `next` through objects that share one date_added.
            "taxii": {"max_page_size": 2}
        });
        let conf_path = dir.path().join("conf.json");
        std::fs::write(&conf_path, conf.to_string()).expect("write conf");
        let child = Command::new(Path::new(&python).with_file_name("medallion"))
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .arg(&conf_path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start medallion from the test venv (scripts/test-deps/federation.pip)");
        let mut m = Medallion { child, url, collection, _dir: dir };
        converge(
            || "medallion did not start".into(),
            || {
                assert!(m.child.try_wait().expect("wait").is_none(), "medallion exited");
                client()
                    .get(format!("{}/taxii2/", m.url))
                    .basic_auth("admin", Some("Password0"))
                    .header("Accept", TAXII)
                    .send()
                    .is_ok_and(|r| r.status().is_success())
            },
        );
        m
    }

    fn post(&self, objects: Vec<Value>) {
        let resp = client()
            .post(format!("{}/api1/collections/{}/objects/", self.url, self.collection))
            .basic_auth("admin", Some("Password0"))
            .header("Accept", TAXII)
            .header("Content-Type", TAXII)
            .body(json!({ "objects": objects }).to_string())
            .send()
            .expect("post to medallion");
        assert!(resp.status().is_success(), "{:?}", resp.text());
    }
}

#[test]
fn pulls_from_medallion_with_basic_auth_past_invalid_and_refused_objects() {
    let medallion = Medallion::start();
    // medallion stores what it is given: the second object is not valid STIX (no pattern...).
    medallion.post(vec![
        indicator(1, Some(GREEN), &[]),
        json!({"type": "indicator", "spec_version": "2.1", "id": id(2), "created": "2025-03-01T10:00:00.000Z", "modified": "2025-03-01T10:00:00.000Z"}),
        indicator(3, Some(CLEAR), &[]),
        indicator(4, Some(AMBER), &[]),
        indicator(5, Some(CLEAR), &[]),
    ]);
    let regional = Node::new();
    let p = cli(
        regional.data(),
        &[
            "peer",
            "add",
            "medallion",
            "--url",
            &medallion.url,
            "--api-root",
            "/api1/",
            "--collection",
            medallion.collection,
            "--user",
            "admin",
            "--password",
            "Password0",
            "--pull",
            "--max-tlp",
            "green",
        ],
    );
    assert_eq!(p["auth"], json!({"kind": "basic", "user": "admin"}));
    let _r = regional.serve();
    converge(|| format!("{:?} {:?}", regional.stored(), regional.peers()), || keys(&regional.stored()) == ids(&[1, 3, 5]));
    medallion.post(vec![indicator(6, Some(CLEAR), &[])]);
    converge(|| format!("{:?} {:?}", regional.stored(), regional.peers()), || keys(&regional.stored()) == ids(&[1, 3, 5, 6]));
    quiesce(&[&regional]);
    assert_eq!(keys(&regional.stored()), ids(&[1, 3, 5, 6]));
    assert!(regional.stored().values().all(|o| o == "medallion"));
    let refused: BTreeSet<String> =
        regional.audit("federation.refused").iter().map(|e| e["target"].as_str().expect("target").to_string()).collect();
    assert_eq!(refused, ids(&[4]), "AMBER is above the peering's GREEN");
    let state = &regional.peers()[0]["state"];
    assert_eq!(state["failures"], 0, "{state}");
}

fn sighting(n: u32, of: u32, where_sighted: &str, marking: &str) -> Value {
    json!({
        "type": "sighting", "spec_version": "2.1", "id": format!("sighting--7f9c1c5e-0000-4000-8000-{n:012}"),
        "created": "2025-03-02T10:00:00.000Z", "modified": "2025-03-02T10:00:00.000Z",
        "sighting_of_ref": id(of), "count": 40 + n, "first_seen": "2025-03-02T06:00:00Z", "last_seen": "2025-03-02T09:30:00Z",
        "where_sighted_refs": [where_sighted], "description": format!("SMS campaign seen by {where_sighted}"),
        "object_marking_refs": [marking],
    })
}

#[test]
fn sightings_travel_upward_only_anonymised_and_only_for_orgs_that_opted_in() {
    let (national, regional) = (Node::with_writers(&["quiet"]), Node::new());
    // Pushed by national and pulled by regional: both ways out of national are exercised.
    link(&national, "national", &regional, "regional", "--push", "green");
    link(&regional, "regional", &national, "national", "--pull", "green");
    let on = cli(national.data(), &["peer", "sightings-upward", "member", "--enable"]);
    assert_eq!((on["org"].as_str(), on["sightings_upward"].as_bool()), (Some("member"), Some(true)), "{on}");
    let off = cli(national.data(), &["peer", "sightings-upward", "quiet"]);
    assert_eq!(off["sightings_upward"], false, "opting in is explicit: {off}");
    let orgs = cli(national.data(), &["org", "list"]);
    let identity_of = |name: &str| -> String {
        let all = orgs["orgs"].as_array().expect("orgs");
        all.iter().find(|o| o["name"] == name).and_then(|o| o["identity_id"].as_str()).expect("identity").to_string()
    };
    let (hub_identity, member, quiet) = (identity_of("hub"), identity_of("member"), identity_of("quiet"));
    assert_eq!(member, national.identity);
    let quiet_token = cli(national.data(), &["token", "issue", "--org", "quiet", "--role", "analyst"]);
    let quiet_token = quiet_token["token"].as_str().expect("token").to_string();

    let servers = [national.serve(), regional.serve()];
    national.post(vec![indicator(1, Some(GREEN), &[]), sighting(1, 1, &member, GREEN), sighting(2, 1, &member, AMBER)]);
    national.post_as(&quiet_token, vec![indicator(2, Some(GREEN), &[]), sighting(3, 2, &quiet, GREEN)]);

    let sightings =
        || regional.sql("SELECT body FROM objects WHERE object_type = 'sighting'").lines().map(str::to_string).collect::<Vec<_>>();
    let indicators = || keys(&regional.stored()).into_iter().filter(|k| k.starts_with("indicator--")).collect::<BTreeSet<_>>();
    let state = || format!("regional {:?}\nsightings {:?}", regional.stored(), sightings());
    converge(state, || indicators() == ids(&[1, 2]) && !sightings().is_empty());
    quiesce(&[&national, &regional]);

    assert_eq!(indicators(), ids(&[1, 2]), "the indicators the sightings refer to do travel");
    let got = sightings();
    assert_eq!(got.len(), 1, "only member's GREEN sighting, anonymised (AMBER is above the peering; quiet did not opt in): {got:?}");
    for body in &got {
        assert!(!body.contains(&member) && !body.contains(&quiet), "no member identity leaves national: {body}");
        assert!(!body.contains("sighting--7f9c1c5e") && !body.contains("SMS campaign"), "{body}");
    }
    let s: Value = serde_json::from_str(&got[0]).expect("json");
    assert_eq!(s["created_by_ref"], hub_identity.as_str(), "made by national's hub identity");
    assert_eq!(s["where_sighted_refs"], json!([hub_identity]));
    assert_eq!((s["sighting_of_ref"].as_str(), s["count"].as_u64()), (Some(id(1).as_str()), Some(41)));
    assert_eq!((&s["first_seen"], &s["last_seen"]), (&json!("2025-03-02T06:00:00Z"), &json!("2025-03-02T09:30:00Z")));
    assert_eq!(s["object_marking_refs"], json!([GREEN]));
    assert_eq!(regional.stored()[s["id"].as_str().expect("id")], "national", "provenance");
    let (rows, distinct) = regional.rows();
    assert_eq!(rows, distinct, "pushed and pulled, stored once");

    // Opting out again: member's next sighting stays home too.
    let off = cli(national.data(), &["peer", "sightings-upward", "member", "--disable"]);
    assert_eq!(off["sightings_upward"], false);
    national.post(vec![sighting(4, 1, &member, GREEN), indicator(3, Some(GREEN), &[])]);
    converge(|| format!("{:?}", regional.stored()), || indicators() == ids(&[1, 2, 3]));
    quiesce(&[&national, &regional]);
    assert_eq!(sightings(), got, "nothing more arrived");
    assert_eq!(national.audit("org.sightings_upward").len(), 2);
    drop(servers);
}
