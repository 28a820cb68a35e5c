//! Joint exercises end to end against the real binary: a post and its CSIRT play a shipped
//! scenario; the score comes from the audit trail of the run's own cases and collection (a
//! live case of the same organisation never scores); a third organisation sees nothing of the
//! run; the run's indicators never reach link verdicts, feeds or federation; ending the run
//! drafts the after-action report whose improvement actions become incident tasks.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use common::{Server, TAXII, cli, client, exe, fixture};
use reqwest::StatusCode;
use serde_json::{Value, json};

struct Hub {
    f: common::Fixture,
    server: Server,
}

impl Hub {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url)
    }

    fn post(&self, org: &str, path: &str, body: &Value) -> (StatusCode, Value) {
        let r = client().post(self.url(path)).bearer_auth(&self.f.tokens[org]).json(body).send().expect("post");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn get(&self, org: &str, path: &str) -> (StatusCode, Value) {
        let r = client().get(self.url(path)).bearer_auth(&self.f.tokens[org]).send().expect("get");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn put_report(&self, case: i64, stage: &str) {
        let r = client()
            .put(self.url(&format!("/api/v1/incidents/{case}/reports/{stage}")))
            .bearer_auth(&self.f.tokens["La Poste"])
            .json(&json!({"answers": {}}))
            .send()
            .expect("put");
        assert_eq!(r.status(), StatusCode::OK, "{}", r.text().unwrap_or_default());
    }

    fn taxii_post(&self, org: &str, collection: &str, objects: Value) {
        let r = client()
            .post(self.url(&format!("/isac/collections/{collection}/objects/")))
            .bearer_auth(&self.f.tokens[org])
            .header("content-type", TAXII)
            .body(json!({ "objects": objects }).to_string())
            .send()
            .expect("taxii post");
        assert_eq!(r.status(), StatusCode::ACCEPTED);
    }

    fn case(&self, title: &str) -> i64 {
        let body = json!({"title": title, "classification": "fraud:phishing", "severity": "high"});
        let (status, case) = self.post("La Poste", "/api/v1/incidents", &body);
        assert_eq!(status, StatusCode::CREATED, "{case}");
        case["id"].as_i64().expect("case id")
    }

    fn link_check(&self, org: &str, link: &str) -> Value {
        let r = client()
            .post(self.url("/api/v1/links/check"))
            .bearer_auth(&self.f.tokens[org])
            .json(&json!({"url": link}))
            .send()
            .expect("check");
        r.json().expect("verdict")
    }
}

/// A fresh indicator (an old one would have decayed out of the feeds).
fn indicator(domain: &str, n: u32) -> Value {
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    json!({
        "type": "indicator", "spec_version": "2.1", "id": format!("indicator--5e1f0c3a-2222-4333-8444-{n:012}"),
        "created": now, "modified": now,
        "pattern": format!("[domain-name:value = '{domain}']"), "pattern_type": "stix",
        "valid_from": now, "object_marking_refs": [tlp::TLP2_GREEN]
    })
}

fn status_of(board: &Value, id: &str) -> String {
    let e = board["expectations"].as_array().expect("expectations").iter().find(|e| e["id"] == id).expect("expectation");
    e["status"].as_str().expect("status").to_string()
}

fn blocklisted(v: &Value, indicator: &str) -> bool {
    v["reasons"].as_array().is_some_and(|rs| rs.iter().any(|r| r["indicator_id"] == json!(indicator)))
}

/// Starts the smishing scenario 30 exercise-minutes in, at real speed: the case-opening window
/// has expired, the early warning's and the indicator's windows are open for minutes more.
fn start(hub: &Hub) -> Value {
    let started = (Utc::now() - chrono::Duration::minutes(30)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let body = json!({
        "scenario": "smishing-payment", "language": "fr", "speed": 1, "start": started,
        "participants": [{"org": "La Poste", "role": "post"}, {"org": "Correos", "role": "csirt"}]
    });
    let (status, run) = hub.post("La Poste", "/api/v1/exercises", &body);
    assert_eq!(status, StatusCode::CREATED, "{run}");
    run
}

#[test]
fn an_exercise_lure_never_reaches_the_citizens_awareness_pages() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let hub = Hub { f, server };
    let run = start(&hub);
    let collection = run["collection"].as_str().expect("collection").to_string();
    // The same kind of public, TLP:CLEAR lure in the exercise's collection and in a live one.
    let lure = |domain: &str, n: u32| {
        let mut o = indicator(domain, n);
        o["object_marking_refs"] = json!([tlp::TLP2_CLEAR]);
        o["x_postern_lure"] = json!("customs_fee");
        o["description"] = json!(format!("SMS: your parcel is held at customs, pay the fee at {domain}"));
        o
    };
    hub.taxii_post("La Poste", &collection, json!([lure("drill-customs-fee.example", 90)]));
    hub.taxii_post("La Poste", &hub.f.collection, json!([lure("live-customs-fee.example", 91)]));
    let page = client().get(hub.url("/aware/customs_fee")).send().expect("aware page");
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().expect("text");
    assert!(page.contains("live-customs-fee"), "the live lure is shown: {page}");
    assert!(!page.contains("drill-customs-fee"), "the exercise's lure is not: {page}");
    let index = client().get(hub.url("/aware")).send().expect("aware index").text().expect("text");
    assert!(!index.contains("drill-customs-fee"), "{index}");
}

#[test]
fn a_joint_exercise_is_scored_from_its_own_audit_trail_and_stays_apart() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let hub = Hub { f, server };
    let run = start(&hub);
    let id = run["id"].as_i64().expect("id");
    let collection = run["collection"].as_str().expect("collection").to_string();

    // Each participant sees the injects of its own role; a third organisation sees nothing.
    let (_, post) = hub.get("La Poste", &format!("/api/v1/exercises/{id}"));
    let (_, csirt) = hub.get("Correos", &format!("/api/v1/exercises/{id}"));
    let ids = |v: &Value| -> Vec<String> {
        v["injects"].as_array().expect("injects").iter().map(|i| i["id"].as_str().unwrap_or("").to_string()).collect()
    };
    assert_eq!(ids(&post), ["i1-customer-report", "i2-wave", "i3-domain"], "{post}");
    assert_eq!(ids(&csirt), ["i3-domain"], "{csirt}");
    assert_eq!(post["injects"][0]["message"].as_str().map(|m| m.starts_with("POSTE")), Some(true), "French texts");
    for path in [format!("/api/v1/exercises/{id}"), format!("/api/v1/exercises/{id}/score"), format!("/api/v1/exercises/{id}/report")] {
        assert_eq!(hub.get("Posta Shqiptare", &path).0, StatusCode::NOT_FOUND, "{path}");
    }
    assert_eq!(hub.get("Posta Shqiptare", "/api/v1/exercises").1, json!({"exercises": []}));
    assert_eq!(hub.post("Posta Shqiptare", &format!("/api/v1/exercises/{id}/end"), &json!({})).0, StatusCode::NOT_FOUND);
    let r = client()
        .get(hub.url("/isac/collections/"))
        .bearer_auth(&hub.f.tokens["Posta Shqiptare"])
        .header("accept", TAXII)
        .send()
        .expect("get");
    assert!(!r.text().expect("body").contains(&collection), "the run's collection is not listed to a third organisation");

    // Live work of a participant never scores: an early warning on a live case counts for nothing.
    let live = hub.case("Live smishing");
    hub.put_report(live, "early_warning");
    let (_, board) = hub.get("La Poste", &format!("/api/v1/exercises/{id}/score"));
    assert_eq!(status_of(&board, "e2-early-warning"), "pending", "{board}");
    assert_eq!(status_of(&board, "e1-case-opened"), "expired");

    // The exercise case: its early warning and the run's indicator score.
    let played = hub.case("Exercise smishing");
    let (status, added) = hub.post("La Poste", &format!("/api/v1/exercises/{id}/cases"), &json!({"case": played}));
    assert_eq!(status, StatusCode::OK, "{added}");
    assert_eq!(
        hub.post("Correos", &format!("/api/v1/exercises/{id}/cases"), &json!({"case": played})).0,
        StatusCode::NOT_FOUND,
        "not Correos' case"
    );
    hub.put_report(played, "early_warning");
    // The played case says it is an exercise in every view and export; the live one does not.
    assert_eq!(hub.get("La Poste", &format!("/api/v1/incidents/{played}")).1["exercise"], true);
    assert_eq!(hub.get("La Poste", &format!("/api/v1/incidents/{live}")).1["exercise"], false);
    let (_, isac) = hub.get("La Poste", &format!("/api/v1/incidents/{played}/derivatives/isac"));
    assert_eq!(isac["objects"][0]["labels"], json!(["exercise"]), "{isac}");
    assert!(isac["objects"][0]["name"].as_str().is_some_and(|n| n.starts_with("EXERCISE: ")), "{isac}");
    hub.taxii_post("La Poste", &collection, json!([indicator("post-parcel-fee.example", 1)]));
    let (status, mark) =
        hub.post("La Poste", &format!("/api/v1/exercises/{id}/marks"), &json!({"expectation": "e7-press-line", "met": true}));
    assert_eq!(status, StatusCode::OK, "{mark}");
    assert_eq!(
        hub.post("Correos", &format!("/api/v1/exercises/{id}/marks"), &json!({"expectation": "e7-press-line", "met": false})).0,
        StatusCode::FORBIDDEN
    );
    let bad = hub.post("La Poste", &format!("/api/v1/exercises/{id}/marks"), &json!({"expectation": "e99", "met": true}));
    assert_eq!((bad.0, bad.1["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("expectation")));
    let (_, board) = hub.get("Correos", &format!("/api/v1/exercises/{id}/score"));
    for (e, want) in [
        ("e1-case-opened", "expired"),
        ("e2-early-warning", "met"),
        ("e3-indicator-shared", "met"),
        ("e7-press-line", "met"),
        ("e4-takedown", "pending"),
    ] {
        assert_eq!(status_of(&board, e), want, "{e}: {board}");
    }
    assert_eq!(board["totals"]["earned"], 45, "{board}");

    // Isolation: once a live indicator posted after the exercise's one judges links, the
    // exercise's one still does not, for a participant who can read it.
    hub.taxii_post("La Poste", &hub.f.collection, json!([indicator("live-parcel-fee.example", 2)]));
    let deadline = Instant::now() + Duration::from_secs(30);
    while !blocklisted(
        &hub.link_check("La Poste", "https://live-parcel-fee.example/pay"),
        "indicator--5e1f0c3a-2222-4333-8444-000000000002",
    ) {
        assert!(Instant::now() < deadline, "the live indicator never reached the blocklists");
        std::thread::sleep(Duration::from_millis(100));
    }
    let v = hub.link_check("La Poste", "https://post-parcel-fee.example/pay");
    assert!(!blocklisted(&v, "indicator--5e1f0c3a-2222-4333-8444-000000000001"), "an exercise indicator judged a live link: {v}");
    let feed = client().get(hub.url(&format!("/feeds/{collection}/plain"))).bearer_auth(&hub.f.tokens["La Poste"]).send().expect("feed");
    assert_eq!(feed.status(), StatusCode::NOT_FOUND, "an exercise collection has no feed");
    let live_feed =
        client().get(hub.url(&format!("/feeds/{}/plain", hub.f.collection))).bearer_auth(&hub.f.tokens["La Poste"]).send().expect("feed");
    let text = live_feed.text().expect("feed body");
    assert!(text.contains("live-parcel-fee.example") && !text.contains("post-parcel-fee.example"), "{text}");
    let export = Command::new(exe())
        .arg("--data")
        .arg(hub.f.dir.path())
        .args(["feeds", "export", "--collection", &collection, "--org", "La Poste", "--format", "plain"])
        .output()
        .expect("run");
    assert!(
        !export.status.success() && !String::from_utf8_lossy(&export.stdout).contains("post-parcel-fee"),
        "feeds export of an exercise"
    );
    let peer = Command::new(exe())
        .arg("--data")
        .arg(hub.f.dir.path())
        .args([
            "peer",
            "add",
            "upu",
            "--url",
            "http://127.0.0.1:9/",
            "--api-root",
            "isac",
            "--collection",
            "remote",
            "--local-collection",
            &collection,
            "--push",
            "--token",
            "secret",
            "--max-tlp",
            "green",
        ])
        .output()
        .expect("run");
    assert!(!peer.status.success(), "an exercise collection never federates: {}", String::from_utf8_lossy(&peer.stdout));
    assert!(String::from_utf8_lossy(&peer.stderr).contains("exercise"), "{}", String::from_utf8_lossy(&peer.stderr));

    // The end: only the facilitator ends it; the plan's actions become tasks of the played case.
    assert_eq!(hub.post("Correos", &format!("/api/v1/exercises/{id}/end"), &json!({})).0, StatusCode::FORBIDDEN);
    let (status, report) = hub.post("La Poste", &format!("/api/v1/exercises/{id}/end"), &json!({}));
    assert_eq!(status, StatusCode::OK, "{report}");
    let plan = report["improvement_plan"].as_array().expect("plan");
    assert_eq!(plan.len(), 4, "e1 expired, e4, e5, e6 not met: {report}");
    assert!(plan.iter().all(|a| a["owners"] == json!(["La Poste"]) && a["due"].as_str().is_some_and(|d| d.len() == 10)), "{report}");
    let (_, case) = hub.get("La Poste", &format!("/api/v1/incidents/{played}"));
    assert_eq!(case["tasks"].as_array().map(Vec::len), Some(4), "{case}");
    let (_, live_case) = hub.get("La Poste", &format!("/api/v1/incidents/{live}"));
    assert_eq!(live_case["tasks"].as_array().map(Vec::len), Some(0));
    assert_eq!(hub.post("La Poste", &format!("/api/v1/exercises/{id}/end"), &json!({})).0, StatusCode::CONFLICT);
    // The facilitator may add an action to another of its played cases; a live case never.
    let tasks = format!("/api/v1/exercises/{id}/plan/tasks");
    let action = plan[0]["expectation"].clone();
    let (status, refused) = hub.post("La Poste", &tasks, &json!({"expectation": action, "case": live}));
    assert_eq!(status, StatusCode::BAD_REQUEST, "{refused}");
    assert_eq!(hub.post("La Poste", &tasks, &json!({"expectation": action, "case": played})).0, StatusCode::CONFLICT, "already a task");
    assert_eq!(hub.post("Correos", &tasks, &json!({"expectation": action, "case": played})).0, StatusCode::FORBIDDEN);
    // The hot wash: the report in the scenario's language, as HTML and PDF, participants only.
    let html =
        client().get(hub.url(&format!("/api/v1/exercises/{id}/report/html"))).bearer_auth(&hub.f.tokens["Correos"]).send().expect("html");
    assert_eq!(html.status(), StatusCode::OK);
    let html = html.text().expect("html");
    assert!(html.contains("Rapport après action") && html.contains("Plan d&#39;amélioration") && !html.contains("<script"), "{html}");
    let pdf =
        client().get(hub.url(&format!("/api/v1/exercises/{id}/report/pdf"))).bearer_auth(&hub.f.tokens["La Poste"]).send().expect("pdf");
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().expect("pdf").starts_with(b"%PDF-"));
    assert_eq!(hub.get("Posta Shqiptare", &format!("/api/v1/exercises/{id}/report/pdf")).0, StatusCode::NOT_FOUND);
    let audit = cli(hub.f.dir.path(), &["audit"]);
    let actions: Vec<&str> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["action"].as_str()).collect();
    for a in ["exercise.start", "exercise.case.add", "exercise.mark", "exercise.end"] {
        assert!(actions.contains(&a), "{a} audited");
    }
}

#[test]
fn scenario_files_are_checked_by_the_cli() {
    let list = cli(std::path::Path::new("/nonexistent"), &["exercise", "scenarios", "--lang", "fr"]);
    let ids: Vec<&str> = list["scenarios"].as_array().expect("scenarios").iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(ids, ["smishing-payment", "ransomware-counters", "financial-fraud"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let text = include_str!("../../exercises/data/scenarios/en/smishing-payment.toml");
    let good = dir.path().join("smishing-payment.toml");
    std::fs::write(&good, text).expect("write");
    let ok = cli(dir.path(), &["exercise", "validate", good.to_str().expect("utf-8")]);
    assert_eq!(ok["automatic_percent"], 85);
    let cyclic = dir.path().join("cyclic").join("smishing-payment.toml");
    std::fs::create_dir_all(cyclic.parent().expect("parent")).expect("mkdir");
    std::fs::write(&cyclic, text.replacen("at = 0\n", "at = 0\nafter = \"i2-wave\"\n", 1)).expect("write");
    let out = Command::new(exe()).args(["exercise", "validate"]).arg(&cyclic).output().expect("run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "a cycle is refused");
    assert!(err.contains("cycle: i1-customer-report -> i2-wave -> i1-customer-report") && err.contains("smishing-payment.toml"), "{err}");
}
