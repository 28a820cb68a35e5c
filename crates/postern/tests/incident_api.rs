//! `/api/v1/incidents` end to end against the real binary: cases with their clocks, notes,
//! tasks, links and evidence; problem details naming the field; the audit trail; and another
//! organisation seeing nothing of a case.

mod common;

use common::{Server, cli, client, fixture};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A time that is in the past whenever the test runs, with a fixed clock to check against.
const AWARE: &str = "2026-01-10T09:30:00+01:00";

struct Hub {
    f: common::Fixture,
    server: Server,
}

impl Hub {
    fn start() -> Hub {
        let f = fixture();
        let server = Server::start(f.dir.path());
        Hub { f, server }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url)
    }

    fn token(&self, org: &str) -> &str {
        &self.f.tokens[org]
    }

    fn post(&self, org: &str, path: &str, body: &Value) -> (StatusCode, Value) {
        let r = client().post(self.url(path)).bearer_auth(self.token(org)).json(body).send().expect("post");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn patch(&self, org: &str, path: &str, body: &Value) -> (StatusCode, Value) {
        let r = client().patch(self.url(path)).bearer_auth(self.token(org)).json(body).send().expect("patch");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn get(&self, org: &str, path: &str) -> (StatusCode, Value) {
        let r = client().get(self.url(path)).bearer_auth(self.token(org)).send().expect("get");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn audit(&self) -> Vec<Value> {
        cli(self.f.dir.path(), &["audit"])["entries"].as_array().expect("entries").clone()
    }
}

fn smishing() -> Value {
    json!({
        "title": "Smishing wave <script>alert(1)</script>",
        "summary": "SMS asking for a customs fee",
        "classification": "fraud:phishing",
        "severity": "high",
        "services": ["parcels-tracking", "e-commerce"],
        "users_affected": 1200,
        "cross_border": "yes",
        "suspected_malicious": "yes",
        "detected": "2026-01-10T08:00:00+01:00",
        "aware": AWARE,
        "zone": "Europe/Paris"
    })
}

/// Saves the draft report of `stage` of case `id` for La Poste.
fn save_report(hub: &Hub, id: i64, stage: &str, answers: Value) {
    let r = client()
        .put(hub.url(&format!("/api/v1/incidents/{id}/reports/{stage}")))
        .bearer_auth(hub.token("La Poste"))
        .json(&json!({"answers": answers}))
        .send()
        .expect("put");
    assert_eq!(r.status(), StatusCode::OK, "{stage}: {}", r.text().unwrap_or_default());
}

fn stage<'a>(case: &'a Value, name: &str) -> &'a Value {
    case["clock"]["stages"].as_array().expect("stages").iter().find(|s| s["stage"] == name).expect(name)
}

#[test]
fn a_case_carries_its_clock_and_only_its_organisation_sees_it() {
    let hub = Hub::start();
    let (status, case) = hub.post("La Poste", "/api/v1/incidents", &smishing());
    assert_eq!(status, StatusCode::CREATED, "{case}");
    let id = case["id"].as_i64().expect("id");
    assert_eq!(case["title"], "Smishing wave <script>alert(1)</script>", "text is kept as text");
    assert_eq!(case["aware"], "2026-01-10T08:30:00.000Z");
    assert_eq!(case["impact"]["services"], json!(["parcels-tracking", "e-commerce"]));
    // The clock comes from the engine: 24 h and 72 h from awareness, in UTC and in Paris time.
    let ew = stage(&case, "early_warning");
    assert_eq!((ew["due"].as_str(), ew["due_local"].as_str()), (Some("2026-01-11T08:30:00Z"), Some("2026-01-11T09:30:00+01:00")));
    assert_eq!(ew["overdue"], true, "the deadline is long past");
    assert_eq!(stage(&case, "notification")["due"], "2026-01-13T08:30:00Z");
    assert_eq!(stage(&case, "progress_report")["due"], Value::Null, "unknown until the notification is submitted");
    assert_eq!(stage(&case, "final_report")["applies"], false, "the incident is ongoing");

    let (status, list) = hub.get("La Poste", "/api/v1/incidents");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["incidents"].as_array().map(|l| l.len()), Some(1));
    let (status, shown) = hub.get("La Poste", &format!("/api/v1/incidents/{id}"));
    assert_eq!((status, &shown["title"]), (StatusCode::OK, &case["title"]));

    // Resolving switches the one-month stage to the final report.
    let (status, updated) = hub.patch("La Poste", &format!("/api/v1/incidents/{id}"), &json!({"resolved": "2026-01-12T10:00:00Z"}));
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!((updated["resolved"].as_str(), updated["severity"].as_str()), (Some("2026-01-12T10:00:00.000Z"), Some("high")));
    assert_eq!(stage(&updated, "final_report")["applies"], true);

    // Another organisation: the same 404 as a case that does not exist, everywhere; none listed.
    let path = format!("/api/v1/incidents/{id}");
    for (status, body) in [
        hub.get("Correos", &path),
        hub.get("Correos", "/api/v1/incidents/999999"),
        hub.patch("Correos", &path, &json!({"title": "mine"})),
        hub.post("Correos", &format!("{path}/notes"), &json!({"body": "hello"})),
        hub.get("Correos", &format!("{path}/evidence/1")),
    ] {
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        assert!(!body.to_string().contains("Smishing"), "{body}");
    }
    assert_eq!(hub.get("Correos", "/api/v1/incidents").1["incidents"], json!([]));
    assert_eq!(hub.get("La Poste", &path).1["title"], case["title"], "untouched by the attempts");

    // Anonymous callers authenticate first.
    let anon = client().get(hub.url("/api/v1/incidents")).send().expect("get");
    assert_eq!(anon.status(), StatusCode::UNAUTHORIZED);

    // Views, edits and refusals are in the audit trail with organisation and UTC time.
    let audit = hub.audit();
    let line = |action: &str| audit.iter().find(|e| e["action"] == action && e["target"] == format!("incident:{id}")).cloned();
    for action in ["incident.create", "incident.view", "incident.update"] {
        let e = line(action).unwrap_or_else(|| panic!("no {action} line in {audit:?}"));
        assert!(e["actor"].as_str().is_some_and(|a| a.starts_with("org:La Poste/token:")), "{e}");
        assert!(e["at"].as_str().is_some_and(|t| t.ends_with('Z')), "{e}");
    }
    assert!(audit.iter().any(|e| e["action"] == "incident.list"), "{audit:?}");
}

#[test]
fn bad_input_is_refused_with_problem_details_naming_the_field() {
    let hub = Hub::start();
    let cases = [
        (json!({"title": ""}), "title"),
        (json!({"title": "x", "classification": "phishing"}), "classification"),
        (json!({"title": "x", "services": ["trains"]}), "services"),
        (json!({"title": "x", "aware": "yesterday"}), "aware"),
        (json!({"title": "x", "aware": "2999-01-01T00:00:00Z"}), "aware"),
        (json!({"title": "x", "detected": "2026-01-10T10:00:00Z", "aware": "2026-01-10T09:00:00Z"}), "aware"),
        (json!({"title": "x", "jurisdiction": "mars"}), "jurisdiction"),
        (json!({"title": "x", "zone": "Mars/Olympus"}), "zone"),
        (json!({"title": "x", "users_affected": "many"}), "users_affected"),
        (json!({"title": "x", "colour": "red"}), "colour"),
        (json!(["not", "an", "object"]), "body"),
    ];
    for (body, field) in cases {
        let r = client().post(hub.url("/api/v1/incidents")).bearer_auth(hub.token("La Poste")).json(&body).send().expect("post");
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let p: Value = r.json().expect("problem");
        assert_eq!((p["status"].as_u64(), p["details"]["field"].as_str()), (Some(400), Some(field)), "{body}: {p}");
    }
    assert_eq!(hub.get("La Poste", "/api/v1/incidents").1["incidents"], json!([]), "nothing stored");
    // A minimal case is "not known yet" everywhere, and has no clock until `aware` is given.
    let (status, case) = hub.post("La Poste", "/api/v1/incidents", &json!({"title": "Odd login"}));
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        (case["classification"].as_str(), case["severity"].as_str(), &case["clock"]),
        (Some("other:undetermined"), Some("unknown"), &Value::Null)
    );
}

#[test]
fn notes_tasks_links_and_evidence_stay_with_the_case() {
    let hub = Hub::start();
    let id = hub.post("La Poste", "/api/v1/incidents", &smishing()).1["id"].as_i64().expect("id");
    let base = format!("/api/v1/incidents/{id}");

    assert_eq!(hub.post("La Poste", &format!("{base}/notes"), &json!({"body": "<b>first</b> call"})).0, StatusCode::CREATED);
    let (status, task) =
        hub.post("La Poste", &format!("{base}/tasks"), &json!({"title": "Takedown request", "owner": "soc", "due": "2026-01-12"}));
    assert_eq!(status, StatusCode::CREATED, "{task}");
    let (status, done) = hub.patch("La Poste", &format!("{base}/tasks/{}", task["id"]), &json!({"done": true}));
    assert_eq!((status, &done["done"]), (StatusCode::OK, &json!(true)));
    let bad_due = hub.post("La Poste", &format!("{base}/tasks"), &json!({"title": "x", "due": "12/01"}));
    assert_eq!((bad_due.0, bad_due.1["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("due")));
    // Links name hub objects the organisation may read: a GREEN indicator yes, a RED one of
    // another organisation or an unknown id no (one answer for both).
    let ind = "indicator--7f9c1c5e-0000-4000-8000-000000000001";
    let red = "indicator--7f9c1c5e-0000-4000-8000-000000000002";
    let objects = json!({"objects": [common::indicator(1, tlp::TLP2_GREEN), common::indicator(2, tlp::TLP2_RED)]});
    let posted = client()
        .post(hub.url(&format!("/isac/collections/{}/objects/", hub.f.collection)))
        .bearer_auth(hub.token("Correos"))
        .header("content-type", common::TAXII)
        .body(objects.to_string())
        .send()
        .expect("post objects");
    assert_eq!(posted.status(), StatusCode::ACCEPTED);
    for unreadable in [red, "indicator--7f9c1c5e-0000-4000-8000-000000000099"] {
        let (status, p) = hub.post("La Poste", &format!("{base}/links"), &json!({"stix_id": unreadable}));
        assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("stix_id")), "{p}");
        assert!(p["detail"].as_str().is_some_and(|d| d.ends_with("no indicator or sighting your organisation may read has this id")));
    }
    assert_eq!(hub.post("La Poste", &format!("{base}/links"), &json!({"stix_id": ind})).0, StatusCode::CREATED);
    assert_eq!(hub.post("La Poste", &format!("{base}/links"), &json!({"stix_id": ind})).0, StatusCode::OK, "already linked");
    let bad_link = hub.post("La Poste", &format!("{base}/links"), &json!({"stix_id": "malware--x"}));
    assert_eq!(bad_link.1["details"]["field"], "stix_id");

    // Evidence: the digest is recorded at upload and the file only ever comes back as a download.
    let page = b"<html><script>alert(1)</script></html>".to_vec();
    let up = client()
        .post(hub.url(&format!("{base}/evidence?filename=scam%20page.html")))
        .bearer_auth(hub.token("La Poste"))
        .body(page.clone())
        .send()
        .expect("upload");
    assert_eq!(up.status(), StatusCode::CREATED);
    let up: Value = up.json().expect("json");
    // `printf '%s' '<html>...' | sha256sum`
    assert_eq!(up["sha256"], "1e88fe5a73e9700a27597a02ed7ec3c4cc1eb8e0d6ca580cd4473a5e7e6dc194");
    let down = client().get(hub.url(up["href"].as_str().expect("href"))).bearer_auth(hub.token("La Poste")).send().expect("download");
    assert_eq!(down.status(), StatusCode::OK);
    let h = down.headers().clone();
    assert_eq!(h["content-type"], "application/octet-stream");
    assert_eq!(h["content-disposition"], "attachment; filename=\"scam_page.html\"");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h["content-security-policy"].to_str().is_ok_and(|v| v.starts_with("sandbox")));
    assert_eq!(h["x-evidence-sha256"], up["sha256"].as_str().expect("digest"));
    assert_eq!(down.bytes().expect("bytes").to_vec(), page);

    // Oversized and empty files are refused, naming the field; nothing is stored.
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    let r = client()
        .post(hub.url(&format!("{base}/evidence?filename=big.bin")))
        .bearer_auth(hub.token("La Poste"))
        .body(big)
        .send()
        .expect("big");
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert_eq!(r.json::<Value>().expect("problem")["details"]["field"], "file");
    let r = client()
        .post(hub.url(&format!("{base}/evidence?filename=../x")))
        .bearer_auth(hub.token("La Poste"))
        .body("x")
        .send()
        .expect("path");
    assert_eq!(r.json::<Value>().expect("problem")["details"]["field"], "filename");
    let r = client().post(hub.url(&format!("{base}/evidence"))).bearer_auth(hub.token("La Poste")).body("x").send().expect("no name");
    assert_eq!(r.json::<Value>().expect("problem")["details"]["field"], "filename");

    let (_, shown) = hub.get("La Poste", &base);
    assert_eq!(shown["notes"][0]["body"], "<b>first</b> call");
    assert_eq!((shown["tasks"][0]["owner"].as_str(), &shown["tasks"][0]["done"]), (Some("soc"), &json!(true)));
    assert_eq!(shown["links"][0]["stix_id"], ind);
    assert_eq!(shown["evidence"].as_array().map(|e| e.len()), Some(1));
    assert_eq!(shown["evidence"][0]["sha256"], up["sha256"]);

    // Another organisation cannot add to the case nor fetch its files.
    assert_eq!(hub.post("Correos", &format!("{base}/tasks"), &json!({"title": "x"})).0, StatusCode::NOT_FOUND);
    let theirs = client().get(hub.url(up["href"].as_str().expect("href"))).bearer_auth(hub.token("Correos")).send().expect("get");
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
    assert!(hub.audit().iter().any(|e| e["action"] == "incident.evidence.download" && e["target"] == format!("incident:{id}")));
}

#[test]
fn readers_see_cases_but_do_not_change_them() {
    let hub = Hub::start();
    let id = hub.post("La Poste", "/api/v1/incidents", &smishing()).1["id"].as_i64().expect("id");
    let reader =
        cli(hub.f.dir.path(), &["token", "issue", "--org", "La Poste", "--role", "reader"])["token"].as_str().expect("token").to_string();
    let get = client().get(hub.url(&format!("/api/v1/incidents/{id}"))).bearer_auth(&reader).send().expect("get");
    assert_eq!(get.status(), StatusCode::OK);
    for (path, body) in
        [("/api/v1/incidents".to_string(), json!({"title": "x"})), (format!("/api/v1/incidents/{id}/notes"), json!({"body": "x"}))]
    {
        let r = client().post(hub.url(&path)).bearer_auth(&reader).json(&body).send().expect("post");
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "{path}");
    }
    let r = client()
        .patch(hub.url(&format!("/api/v1/incidents/{id}")))
        .bearer_auth(&reader)
        .json(&json!({"title": "x"}))
        .send()
        .expect("patch");
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert!(hub.audit().iter().any(|e| e["action"] == "incident.edit" && e["outcome"] == "denied"));
}

#[test]
fn submissions_advance_the_clock_in_order() {
    let hub = Hub::start();
    let id = hub.post("La Poste", "/api/v1/incidents", &smishing()).1["id"].as_i64().expect("id");
    let path = format!("/api/v1/incidents/{id}/submissions");
    // Out of order or not owed: refused, naming the field.
    for (body, field) in [
        (json!({"stage": "progress_report", "submitted_at": "2026-01-12T10:00:00Z"}), "stage"),
        (json!({"stage": "final_report", "submitted_at": "2026-01-12T10:00:00Z"}), "stage"),
        (json!({"stage": "gossip"}), "stage"),
        (json!({"stage": "notification", "submitted_at": "2026-01-10T07:00:00Z"}), "submitted_at"),
        (json!({"stage": "notification", "submitted_at": "2999-01-01T00:00:00Z"}), "submitted_at"),
        (json!({"stage": "notification", "submitted_at": "tomorrow"}), "submitted_at"),
    ] {
        let (status, p) = hub.post("La Poste", &path, &body);
        assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some(field)), "{body}: {p}");
    }
    // A stage is submitted with its report: a report that lacks a required field is refused.
    let notified = json!({"stage": "notification", "submitted_at": "2026-01-12T11:00:00+01:00"});
    let (status, p) = hub.post("La Poste", &path, &notified);
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("suspected_malicious")), "{p}");
    save_report(
        &hub,
        id,
        "notification",
        json!({"suspected_malicious": "yes", "cross_border_impact": "no", "severity": "high", "impact": "Tracking down", "indicators": "unknown"}),
    );
    save_report(&hub, id, "early_warning", json!({"suspected_malicious": "yes", "cross_border_impact": "unknown"}));
    let (status, case) = hub.post("La Poste", &path, &notified);
    assert_eq!(status, StatusCode::CREATED, "{case}");
    assert_eq!(
        (stage(&case, "notification")["state"].as_str(), stage(&case, "notification")["submitted"].as_str()),
        (Some("submitted"), Some("2026-01-12T10:00:00Z"))
    );
    // The progress report is now due one month after the notification, in Paris time.
    let progress = stage(&case, "progress_report");
    assert_eq!(
        (progress["due"].as_str(), progress["due_local"].as_str()),
        (Some("2026-02-12T10:00:00Z"), Some("2026-02-12T11:00:00+01:00"))
    );
    let (_, case) = hub.post("La Poste", &path, &json!({"stage": "early_warning", "submitted_at": "2026-01-11T09:00:00Z"}));
    assert_eq!(stage(&case, "early_warning")["state"], "submitted-late", "due 08:30 UTC");
    let again = hub.post("La Poste", &path, &json!({"stage": "notification", "submitted_at": "2026-01-12T12:00:00Z"}));
    assert_eq!((again.0, again.1["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("stage")));
    assert_eq!(hub.get("La Poste", &format!("/api/v1/incidents/{id}")).1["submissions"].as_array().map(Vec::len), Some(2));
    // Times may not be edited into disagreement with what was submitted.
    let moved = hub.patch("La Poste", &format!("/api/v1/incidents/{id}"), &json!({"aware": "2026-01-13T00:00:00Z"}));
    assert_eq!(moved.0, StatusCode::BAD_REQUEST, "{}", moved.1);
    // Another organisation cannot submit for the case.
    assert_eq!(hub.post("Correos", &path, &json!({"stage": "early_warning"})).0, StatusCode::NOT_FOUND);
    assert!(hub.audit().iter().any(|e| e["action"] == "incident.submit" && e["detail"] == "notification at 2026-01-12T10:00:00.000Z"));
}

#[test]
fn cases_live_in_postgresql_too() {
    let pg = common::pg_hub();
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::start_with(dir.path(), &["--database", &pg.url]);
    let url = |p: &str| format!("{}{p}", server.url);
    let created = client().post(url("/api/v1/incidents")).bearer_auth(&pg.token).json(&smishing()).send().expect("post");
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().expect("json")["id"].as_i64().expect("id");
    let up = client()
        .post(url(&format!("/api/v1/incidents/{id}/evidence?filename=sms.txt")))
        .bearer_auth(&pg.token)
        .body("Your parcel is held: pay 1.99 EUR")
        .send()
        .expect("upload");
    assert_eq!(up.status(), StatusCode::CREATED);
    let shown: Value =
        client().get(url(&format!("/api/v1/incidents/{id}"))).bearer_auth(&pg.token).send().expect("get").json().expect("json");
    assert_eq!((shown["evidence"][0]["size"].as_i64(), &stage(&shown, "notification")["due"]), (Some(33), &json!("2026-01-13T08:30:00Z")));
    common::cli_db(&pg.url, &["org", "add", "Correos", "--country", "ES"]);
    let other =
        common::cli_db(&pg.url, &["token", "issue", "--org", "Correos", "--role", "analyst"])["token"].as_str().expect("token").to_string();
    let theirs = client().get(url(&format!("/api/v1/incidents/{id}"))).bearer_auth(&other).send().expect("get");
    assert_eq!(theirs.status(), StatusCode::NOT_FOUND);
}
