//! Stage reports under `/api/v1/incidents/{id}/reports` against the real binary: forms whose
//! required fields come from the rule set, drafts, a submission refused while a field is missing
//! (naming it) that records the stage on the clock once accepted, the bilingual HTML export, the
//! STIX 2.1 export checked by the OASIS `stix2-validator` (through `POSTERN_TEST_PYTHON`, set by
//! `scripts/test`) and imported into the hub over TAXII, the audit trail, and another
//! organisation seeing nothing of it.

mod common;

use std::process::Command;

use common::{Server, TAXII, cli, client, fixture};
use reqwest::StatusCode;
use serde_json::{Value, json};

const VALIDATE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/python/validate_stix.py");

struct Hub {
    f: common::Fixture,
    server: Server,
}

impl Hub {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url)
    }

    fn send(&self, org: &str, method: reqwest::Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut r = client().request(method, self.url(path)).bearer_auth(&self.f.tokens[org]);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().expect("request");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn raw(&self, org: &str, path: &str) -> reqwest::blocking::Response {
        client().get(self.url(path)).bearer_auth(&self.f.tokens[org]).send().expect("get")
    }
}

/// A hub with one case of `org` under the rule set `jurisdiction`.
fn start(org: &str, jurisdiction: &str) -> (Hub, i64) {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let hub = Hub { f, server };
    let case = json!({
        "title": "Mashtrim me SMS <script>alert(1)</script>",
        "summary": "SMS asking for a customs fee",
        "classification": "fraud:phishing",
        "severity": "high",
        "cross_border": "unknown",
        "suspected_malicious": "yes",
        "aware": "2026-01-10T09:30:00+01:00",
        "jurisdiction": jurisdiction,
        "zone": "Europe/Tirane"
    });
    let (status, c) = hub.send(org, reqwest::Method::POST, "/api/v1/incidents", Some(case));
    assert_eq!(status, StatusCode::CREATED, "{c}");
    (hub, c["id"].as_i64().expect("id"))
}

fn field_of(p: &Value) -> Option<&str> {
    p["details"]["field"].as_str()
}

#[test]
fn a_report_is_submitted_complete_only_and_records_its_stage() {
    let (hub, id) = start("Posta Shqiptare", "al");
    let org = "Posta Shqiptare";
    let base = format!("/api/v1/incidents/{id}/reports");
    let (status, list) = hub.send(org, reqwest::Method::GET, &base, None);
    assert_eq!(status, StatusCode::OK, "{list}");
    let stages: Vec<&str> = list["reports"].as_array().expect("reports").iter().filter_map(|r| r["stage"].as_str()).collect();
    assert_eq!(stages, ["early_warning", "notification", "intermediate_report", "final_report", "progress_report"]);
    let ew = &list["reports"][0];
    assert_eq!((ew["language"].as_str(), ew["status"].as_str()), (Some("sq"), Some("not-started")));
    assert_eq!(ew["fields"][1], json!({"id": "cross_border_impact", "kind": "answer", "required": true, "unknown_allowed": true}));
    assert_eq!(ew["answers"], json!({"suspected_malicious": "yes", "cross_border_impact": "unknown"}), "prefilled from the case");

    // Bad drafts are refused naming the field; nothing is stored.
    let put = |answers: Value| hub.send(org, reqwest::Method::PUT, &format!("{base}/notification"), Some(json!({"answers": answers})));
    for (answers, field) in [
        (json!({"severity": "apocalyptic"}), "severity"),
        (json!({"root_cause": "x"}), "root_cause"),
        (json!({"suspected_malicious": "maybe"}), "suspected_malicious"),
    ] {
        let (status, p) = put(answers.clone());
        assert_eq!((status, field_of(&p)), (StatusCode::BAD_REQUEST, Some(field)), "{answers}: {p}");
    }
    let (status, p) = hub.send(org, reqwest::Method::PUT, &format!("{base}/notification"), Some(json!({"answer": {}})));
    assert_eq!(status, StatusCode::BAD_REQUEST, "{p}");
    let (status, draft) = put(json!({"severity": "unknown", "impact": "<img src=x onerror=alert(1)>", "indicators": "unknown"}));
    assert_eq!(status, StatusCode::OK, "{draft}");
    assert_eq!(draft["status"], "draft");
    let missing: Vec<&str> = draft["missing"].as_array().expect("missing").iter().filter_map(|m| m["field"].as_str()).collect();
    assert_eq!(missing, ["suspected_malicious", "cross_border_impact", "severity"], "unknown severity is not an answer here");

    // Submitting: the early warning first (its own answers given inline), then the notification.
    let submit = |stage: &str, body: Value| hub.send(org, reqwest::Method::POST, &format!("{base}/{stage}/submit"), Some(body));
    let (status, p) =
        submit("early_warning", json!({"answers": {"suspected_malicious": "yes"}, "submitted_at": "2026-01-10T12:00:00+01:00"}));
    assert_eq!((status, field_of(&p)), (StatusCode::BAD_REQUEST, Some("cross_border_impact")), "{p}");
    let (status, case) = submit(
        "early_warning",
        json!({"answers": {"suspected_malicious": "yes", "cross_border_impact": "unknown"}, "submitted_at": "2026-01-10T12:00:00+01:00"}),
    );
    assert_eq!(status, StatusCode::CREATED, "{case}");
    let (status, p) = submit("notification", json!({}));
    assert_eq!((status, field_of(&p)), (StatusCode::BAD_REQUEST, Some("suspected_malicious")), "the saved draft is incomplete: {p}");
    put(
        json!({"suspected_malicious": "yes", "cross_border_impact": "no", "severity": "high", "impact": "<img src=x onerror=alert(1)>", "indicators": "unknown"}),
    );
    let (status, case) = submit("notification", json!({"submitted_at": "2026-01-11T10:00:00+01:00"}));
    assert_eq!(status, StatusCode::CREATED, "{case}");
    let notif = case["clock"]["stages"].as_array().expect("stages").iter().find(|s| s["stage"] == "notification").expect("stage").clone();
    assert_eq!(notif["submitted"], "2026-01-11T09:00:00Z", "the clock has the submission");
    let (status, p) = put(json!({"impact": "changed afterwards"}));
    assert_eq!((status, field_of(&p)), (StatusCode::CONFLICT, Some("stage")), "a submitted report is kept as sent: {p}");
    let (_, sent) = hub.send(org, reqwest::Method::GET, &format!("{base}/notification"), None);
    assert_eq!((sent["status"].as_str(), sent["answers"]["impact"].as_str()), (Some("submitted"), Some("<img src=x onerror=alert(1)>")));
    let (status, p) = submit("notification", json!({}));
    assert_eq!((status, field_of(&p)), (StatusCode::BAD_REQUEST, Some("stage")), "once: {p}");
    let (status, _) = hub.send(org, reqwest::Method::GET, &format!("{base}/gossip"), None);
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // The HTML export: Albanian and English, every text escaped, a download.
    let resp = hub.raw(org, &format!("{base}/notification/html"));
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "text/html; charset=utf-8");
    assert_eq!(resp.headers()["content-disposition"], "attachment; filename=\"incident-1-notification.html\"");
    let html = resp.text().expect("html");
    assert!(html.contains("<html lang=\"sq\">") && html.contains("Njoftim për incidentin") && html.contains("/ Incident notification"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;") && html.contains("Mashtrim me SMS &lt;script&gt;"), "{html}");
    assert!(!html.contains("<img") && !html.contains("<script"), "{html}");
    assert!(html.contains("Posta Shqiptare") && html.contains("2026-01-11T09:00:00.000Z"), "{html}");

    // Another organisation sees nothing of the reports, in any view or export.
    for path in [base.clone(), format!("{base}/notification"), format!("{base}/notification/html"), format!("{base}/notification/stix")] {
        assert_eq!(hub.raw("La Poste", &path).status(), StatusCode::NOT_FOUND, "{path}");
    }
    let (status, _) = hub.send("La Poste", reqwest::Method::PUT, &format!("{base}/final_report"), Some(json!({"answers": {}})));
    assert_eq!(status, StatusCode::NOT_FOUND);
    let audit = cli(hub.f.dir.path(), &["audit"]);
    let lines = audit["entries"].as_array().expect("entries");
    for action in ["incident.report.list", "incident.report.view", "incident.report.save", "incident.submit", "incident.report.export"] {
        assert!(lines.iter().any(|e| e["action"] == action && e["target"] == format!("incident:{id}")), "{action} not audited");
    }
}

#[test]
fn the_stix_export_validates_and_imports_into_the_hub_over_taxii() {
    // La Poste writes the shared collection; its case follows the EU rules.
    let (hub, id) = start("La Poste", "eu");
    let org = "La Poste";
    let path = format!("/api/v1/incidents/{id}/reports/early_warning");
    let (status, _) = hub.send(org, reqwest::Method::PUT, &path, Some(json!({"answers": {"cross_border_impact": "no"}})));
    assert_eq!(status, StatusCode::OK);
    let resp = hub.raw(org, &format!("{path}/stix"));
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "application/stix+json;version=2.1");
    let bundle: Value = resp.json().expect("bundle");
    let incident = &bundle["objects"][0];
    assert_eq!(incident["type"], "incident");
    assert_eq!(incident["created_by_ref"], hub.f.identities[org].as_str());
    assert_eq!(incident["object_marking_refs"], json!(["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"]));
    let core = &incident["extensions"]["extension-definition--ef765651-680c-498d-9894-99799f2fa126"];
    assert_eq!((core["determination"].as_str(), core["investigation_status"].as_str()), (Some("suspected"), Some("open")));

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, serde_json::to_vec(&bundle).expect("json")).expect("write");
    let python = std::env::var("POSTERN_TEST_PYTHON")
        .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv");
    let out = Command::new(&python).arg(VALIDATE).arg(&file).output().expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("STIX VALID 1"), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));

    // Imported over TAXII 2.1 into the hub, and read back as it was sent.
    let objects = format!("/isac/collections/{}/objects/", hub.f.collection);
    let posted = client()
        .post(hub.url(&objects))
        .bearer_auth(&hub.f.tokens["Correos"])
        .header("content-type", TAXII)
        .header("accept", TAXII)
        .body(serde_json::to_vec(&bundle).expect("json"))
        .send()
        .expect("post");
    // Correos may not share as La Poste: the hub refuses another organisation's identity.
    let refused: Value = posted.json().expect("status");
    assert_eq!(refused["failure_count"], 1, "{refused}");
    let posted = client()
        .post(hub.url(&objects))
        .bearer_auth(&hub.f.tokens[org])
        .header("content-type", TAXII)
        .header("accept", TAXII)
        .body(serde_json::to_vec(&bundle).expect("json"))
        .send()
        .expect("post");
    assert_eq!(posted.status(), StatusCode::ACCEPTED);
    let status: Value = posted.json().expect("status");
    assert_eq!((status["status"].as_str(), status["success_count"].as_u64()), (Some("complete"), Some(1)), "{status}");
    let back: Value = client()
        .get(hub.url(&format!("{objects}{}/", incident["id"].as_str().expect("id"))))
        .bearer_auth(&hub.f.tokens[org])
        .header("accept", TAXII)
        .send()
        .expect("get")
        .json()
        .expect("envelope");
    assert_eq!(&back["objects"][0], incident, "{back}");
}

/// Validates a bundle with the OASIS stix2-validator.
fn validate(bundle: &Value) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bundle.json");
    std::fs::write(&file, serde_json::to_vec(bundle).expect("json")).expect("write");
    let python = std::env::var("POSTERN_TEST_PYTHON")
        .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv");
    let out = Command::new(&python).arg(VALIDATE).arg(&file).output().expect("run python");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && stdout.contains("STIX VALID"), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
}

/// Posts a bundle over TAXII as `org`; the status resource.
fn post_taxii(hub: &Hub, org: &str, bundle: &Value) -> Value {
    client()
        .post(hub.url(&format!("/isac/collections/{}/objects/", hub.f.collection)))
        .bearer_auth(&hub.f.tokens[org])
        .header("content-type", TAXII)
        .header("accept", TAXII)
        .body(serde_json::to_vec(bundle).expect("json"))
        .send()
        .expect("post")
        .json()
        .expect("status")
}

/// How many objects with this id `org` reads from the shared collection over TAXII.
fn taxii_sees(hub: &Hub, org: &str, id: &str) -> usize {
    let r = client()
        .get(hub.url(&format!("/isac/collections/{}/objects/{id}/", hub.f.collection)))
        .bearer_auth(&hub.f.tokens[org])
        .header("accept", TAXII)
        .send()
        .expect("get");
    if !r.status().is_success() {
        return 0;
    }
    r.json::<Value>().expect("envelope")["objects"].as_array().map_or(0, Vec::len)
}

#[test]
fn one_incident_reaches_each_audience_with_its_own_marking_and_a_third_organisation_sees_nothing_of_the_case() {
    let (hub, id) = start("La Poste", "eu");
    let org = "La Poste";
    let reports = format!("/api/v1/incidents/{id}/reports");
    let early =
        json!({"answers": {"suspected_malicious": "yes", "cross_border_impact": "unknown"}, "submitted_at": "2026-01-10T12:00:00+01:00"});
    assert_eq!(hub.send(org, reqwest::Method::POST, &format!("{reports}/early_warning/submit"), Some(early)).0, StatusCode::CREATED);
    let (status, _) = hub.send(
        org,
        reqwest::Method::POST,
        &format!("/api/v1/incidents/{id}/notes"),
        Some(json!({"body": "Internal: called jean.dupont@example.fr"})),
    );
    assert_eq!(status, StatusCode::CREATED);

    let csirt_identity = hub.f.identities["Posta Shqiptare"].clone();
    let base = format!("/api/v1/incidents/{id}/derivatives");
    let get = |path: String| {
        let r = hub.raw(org, &path);
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        r.json::<Value>().expect("bundle")
    };
    let csirt = get(format!("{base}/csirt?recipient={csirt_identity}"));
    let isac = get(format!("{base}/isac"));
    let public = get(format!("{base}/public?warning=Scam%20SMS%20in%20our%20name%3A%20do%20not%20pay"));
    let (status, p) = hub.send(org, reqwest::Method::GET, &format!("{base}/public"), None);
    assert_eq!((status, field_of(&p)), (StatusCode::BAD_REQUEST, Some("warning")), "a public warning needs its text: {p}");
    let mut ids = Vec::new();
    for (bundle, tlp) in [
        (&csirt, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"),
        (&isac, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"),
        (&public, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"),
    ] {
        validate(bundle);
        let inc = &bundle["objects"][0];
        assert_eq!(inc["object_marking_refs"][0], tlp);
        assert_eq!(inc["object_marking_refs"][1], bundle["objects"][1]["id"], "its PAP marking travels with it");
        ids.push(inc["id"].as_str().expect("id").to_string());
        let text = inc.to_string();
        assert!(!text.contains("jean.dupont"), "no internal note in any derivative: {text}");
    }
    assert!(csirt["objects"][0]["name"].as_str().is_some_and(|n| n.starts_with("Mashtrim me SMS")));
    assert!(!isac.to_string().contains("Mashtrim") && !isac.to_string().contains("customs fee"), "the ISAC copy is sanitised: {isac}");
    assert_eq!(public["objects"][0]["description"], "Scam SMS in our name: do not pay");

    // Shared over TAXII, the hub enforces the markings: the CSIRT reads its copy, a third
    // organisation reads the ISAC copy and the public warning only.
    for bundle in [&csirt, &isac, &public] {
        let status = post_taxii(&hub, org, bundle);
        assert_eq!(status["failure_count"], 0, "{status}");
    }
    assert_eq!(taxii_sees(&hub, "Posta Shqiptare", &ids[0]), 1, "the CSIRT named as recipient");
    assert_eq!(taxii_sees(&hub, "Correos", &ids[0]), 0, "AMBER+STRICT is not for a third organisation");
    assert_eq!((taxii_sees(&hub, "Correos", &ids[1]), taxii_sees(&hub, "Correos", &ids[2])), (1, 1));

    // A third organisation sees nothing of the case itself in any API view or export.
    let (_, list) = hub.send("Correos", reqwest::Method::GET, "/api/v1/incidents", None);
    assert_eq!(list["incidents"], json!([]), "{list}");
    let paths = [
        format!("/api/v1/incidents/{id}"),
        reports.clone(),
        format!("{reports}/early_warning"),
        format!("{reports}/early_warning/html"),
        format!("{reports}/early_warning/stix"),
        format!("{base}/csirt"),
        format!("{base}/isac"),
        format!("{base}/public?warning=x"),
        format!("/api/v1/incidents/{id}/evidence/1"),
    ];
    for path in &paths {
        let r = hub.raw("Correos", path);
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
        let body = r.text().expect("body");
        assert!(!body.contains("Mashtrim") && !body.contains("jean.dupont"), "{path}: {body}");
    }
    let audit = cli(hub.f.dir.path(), &["audit"]);
    let exported: Vec<&str> = audit["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"] == "incident.derivative.export")
        .filter_map(|e| e["detail"].as_str())
        .collect();
    assert_eq!(exported, ["csirt", "isac", "public"], "each derivative export audited once (the refused one is not an export)");
}
