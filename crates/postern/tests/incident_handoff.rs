//! The CSIRT hand-off end to end against the real binary: the post hands its case's CSIRT copy
//! to a CSIRT organisation, the CSIRT reads it, acknowledges, asks a question and gives
//! feedback; the post sees the acknowledgement time and the exchanges and answers; a third
//! organisation sees nothing of it anywhere. Takedown requests: created (audited as
//! `incident.takedown.add`), listed, their status moved, refused with the field named.

mod common;

use common::{Server, cli, client, fixture};
use reqwest::StatusCode;
use serde_json::{Value, json};

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

    fn call(&self, method: reqwest::Method, org: &str, path: &str, body: Option<&Value>) -> (StatusCode, Value) {
        let mut r = client().request(method, format!("{}{path}", self.server.url)).bearer_auth(&self.f.tokens[org]);
        if let Some(b) = body {
            r = r.json(b);
        }
        let r = r.send().expect("request");
        (r.status(), r.json().unwrap_or(Value::Null))
    }

    fn post(&self, org: &str, path: &str, body: &Value) -> (StatusCode, Value) {
        self.call(reqwest::Method::POST, org, path, Some(body))
    }

    fn get(&self, org: &str, path: &str) -> (StatusCode, Value) {
        self.call(reqwest::Method::GET, org, path, None)
    }

    fn actions(&self) -> Vec<String> {
        cli(self.f.dir.path(), &["audit"])["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["action"].as_str().unwrap_or_default().to_string())
            .collect()
    }
}

fn open_case(hub: &Hub) -> i64 {
    let (s, c) = hub.post(
        "La Poste",
        "/api/v1/incidents",
        &json!({"title": "Smishing wave: customs fee", "summary": "Customer Jane Roe (+33 6 12 34 56 78) reported it",
                "classification": "fraud:phishing", "aware": "2026-01-10T09:30:00+01:00", "zone": "Europe/Paris"}),
    );
    assert_eq!(s, StatusCode::CREATED, "{c}");
    c["id"].as_i64().expect("id")
}

#[test]
fn the_csirt_acknowledges_and_asks_and_only_the_post_and_the_csirt_see_it() {
    let hub = Hub::start();
    let id = open_case(&hub);
    // Posta Shqiptare plays the national CSIRT; Correos is the third organisation.
    let (s, h) = hub.post("La Poste", &format!("/api/v1/incidents/{id}/handoffs"), &json!({"csirt": "Posta Shqiptare"}));
    assert_eq!(s, StatusCode::CREATED, "{h}");
    let hid = h["id"].as_i64().expect("id");
    assert_eq!(h["acknowledged_at"], Value::Null);
    // Handing it again to the same CSIRT is the same hand-off; to oneself or nobody, refused.
    let (_, again) = hub.post("La Poste", &format!("/api/v1/incidents/{id}/handoffs"), &json!({"csirt": "Posta Shqiptare"}));
    assert_eq!(again["id"], hid);
    for name in ["La Poste", "No Such CSIRT"] {
        let (s, e) = hub.post("La Poste", &format!("/api/v1/incidents/{id}/handoffs"), &json!({"csirt": name}));
        assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
        assert!(e["detail"].as_str().unwrap_or_default().contains("csirt"), "{e}");
    }

    // The CSIRT's inbox and the copy: TLP:AMBER+STRICT, no personal data from the summary.
    let (s, inbox) = hub.get("Posta Shqiptare", "/api/v1/handoffs");
    assert_eq!(s, StatusCode::OK);
    assert_eq!(inbox["handoffs"][0]["post"], "La Poste");
    let (s, got) = hub.get("Posta Shqiptare", &format!("/api/v1/handoffs/{hid}"));
    assert_eq!(s, StatusCode::OK, "{got}");
    let copy = got["csirt_copy"].to_string();
    assert!(copy.contains("\"type\":\"bundle\""), "{copy}");
    assert!(copy.contains("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"), "AMBER+STRICT: {copy}");

    let (s, acked) = hub.post("Posta Shqiptare", &format!("/api/v1/handoffs/{hid}/ack"), &json!({}));
    assert_eq!(s, StatusCode::OK, "{acked}");
    let ack_at = acked["acknowledged_at"].as_str().expect("ack time").to_string();
    let (_, twice) = hub.post("Posta Shqiptare", &format!("/api/v1/handoffs/{hid}/ack"), &json!({}));
    assert_eq!(twice["acknowledged_at"], ack_at.as_str(), "the first acknowledgement stands");
    let (s, _) =
        hub.post("Posta Shqiptare", &format!("/api/v1/handoffs/{hid}/messages"), &json!({"kind": "question", "body": "Which sender IDs?"}));
    assert_eq!(s, StatusCode::CREATED);
    let (s, _) = hub.post(
        "Posta Shqiptare",
        &format!("/api/v1/handoffs/{hid}/messages"),
        &json!({"kind": "feedback", "body": "Block the domains <b>now</b>"}),
    );
    assert_eq!(s, StatusCode::CREATED);
    let (s, e) = hub.post("Posta Shqiptare", &format!("/api/v1/handoffs/{hid}/messages"), &json!({"kind": "answer", "body": "x"}));
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    let (s, _) = hub.post(
        "La Poste",
        &format!("/api/v1/incidents/{id}/handoffs/{hid}/messages"),
        &json!({"kind": "answer", "body": "POSTE-INFO and 38000"}),
    );
    assert_eq!(s, StatusCode::CREATED);

    // The post sees the acknowledgement time and the exchanges, in order.
    let (s, list) = hub.get("La Poste", &format!("/api/v1/incidents/{id}/handoffs"));
    assert_eq!(s, StatusCode::OK);
    let h = &list["handoffs"][0];
    assert_eq!(h["csirt"], "Posta Shqiptare");
    assert_eq!(h["acknowledged_at"], ack_at.as_str());
    let kinds: Vec<&str> = h["messages"].as_array().expect("messages").iter().map(|m| m["kind"].as_str().unwrap_or("")).collect();
    assert_eq!(kinds, ["question", "feedback", "answer"]);
    assert_eq!(h["messages"][1]["body"], "Block the domains <b>now</b>");

    // A third organisation sees nothing of it: not in its inbox, not by id, cannot write.
    let (s, inbox) = hub.get("Correos", "/api/v1/handoffs");
    assert_eq!(s, StatusCode::OK);
    assert_eq!(inbox["handoffs"], json!([]));
    assert_eq!(hub.get("Correos", &format!("/api/v1/handoffs/{hid}")).0, StatusCode::NOT_FOUND);
    assert_eq!(hub.get("Correos", &format!("/api/v1/incidents/{id}/handoffs")).0, StatusCode::NOT_FOUND);
    assert_eq!(hub.post("Correos", &format!("/api/v1/handoffs/{hid}/ack"), &json!({})).0, StatusCode::NOT_FOUND);
    assert_eq!(
        hub.post("Correos", &format!("/api/v1/handoffs/{hid}/messages"), &json!({"kind": "question", "body": "?"})).0,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        hub.post("Correos", &format!("/api/v1/incidents/{id}/handoffs/{hid}/messages"), &json!({"kind": "answer", "body": "?"})).0,
        StatusCode::NOT_FOUND
    );
    // Nor can the CSIRT act on the post's side of the case.
    assert_eq!(hub.get("Posta Shqiptare", &format!("/api/v1/incidents/{id}/handoffs")).0, StatusCode::NOT_FOUND);

    let actions = hub.actions();
    for a in ["incident.handoff.send", "incident.handoff.view", "incident.handoff.ack", "incident.handoff.message"] {
        assert!(actions.iter().any(|x| x == a), "{a} not audited: {actions:?}");
    }
}

#[test]
fn the_csirt_copy_goes_over_the_hub_into_a_collection_the_csirt_reads_and_only_the_csirt_sees_it() {
    let hub = Hub::start();
    let id = open_case(&hub);
    let dir = hub.f.dir.path();
    // The post's own internal collection: the CSIRT cannot read it, so nothing goes there.
    let internal = cli(dir, &["collection", "add", "post-internal", "--read", "La Poste", "--write", "La Poste"]);
    let internal = internal["id"].as_str().expect("id").to_string();
    let path = format!("/api/v1/incidents/{id}/handoffs");
    let (s, e) = hub.post("La Poste", &path, &json!({"csirt": "Posta Shqiptare", "collection": internal}));
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert!(e["detail"].as_str().is_some_and(|d| d.contains("collection") && d.contains("cannot read")), "{e}");
    let (s, e) = hub.post("La Poste", &path, &json!({"csirt": "Posta Shqiptare", "collection": "no-such-collection"}));
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert_eq!(hub.get("La Poste", &path).1["handoffs"], json!([]), "a refused copy leaves no hand-off");

    // The shared collection, which the CSIRT and Correos both read: the copy is added there.
    let (s, h) = hub.post("La Poste", &path, &json!({"csirt": "Posta Shqiptare", "collection": hub.f.collection}));
    assert_eq!(s, StatusCode::CREATED, "{h}");
    let object = h["published"]["object"].as_str().expect("object id").to_string();
    assert!(object.starts_with("incident--"), "{h}");
    let objects = |org: &str| -> Value {
        let url = format!("{}/isac/collections/{}/objects/", hub.server.url, hub.f.collection);
        let r =
            client().get(url).bearer_auth(&hub.f.tokens[org]).header("Accept", "application/taxii+json;version=2.1").send().expect("get");
        assert_eq!(r.status(), StatusCode::OK);
        r.json().expect("json")
    };
    let seen = |org: &str| objects(org)["objects"].as_array().is_some_and(|a| a.iter().any(|o| o["id"] == object.as_str()));
    assert!(seen("Posta Shqiptare"), "the CSIRT reads its copy over TAXII");
    assert!(seen("La Poste"), "the producer reads its own copy");
    assert!(!seen("Correos"), "TLP:AMBER+STRICT to the CSIRT: another reader of the collection does not see it");
    let got = objects("Posta Shqiptare");
    let copy = got["objects"].as_array().and_then(|a| a.iter().find(|o| o["id"] == object.as_str())).cloned().unwrap_or_default();
    assert_eq!(copy["object_marking_refs"][0], "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "{copy}");
    assert_eq!(copy["x_postern_recipients"], json!([hub.f.identities["Posta Shqiptare"]]), "{copy}");
    let audited = cli(dir, &["audit"])["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .any(|e| e["action"] == "incident.handoff.send" && e["detail"].as_str().is_some_and(|d| d.contains(&object)));
    assert!(audited, "the hand-off's audit line names the copy");
}

#[test]
fn takedown_requests_are_a_task_type_of_their_own() {
    let hub = Hub::start();
    let id = open_case(&hub);
    let (s, t) = hub.post(
        "La Poste",
        &format!("/api/v1/incidents/{id}/takedowns"),
        &json!({"domain": "LaPoste-Colis.example.", "contacts": ["abuse@registrar.example", "https://host.example/abuse"],
                "evidence": ["indicator--a4d70b75-6f4a-4d6c-a3a4-1f2b7f3c5e60"]}),
    );
    assert_eq!(s, StatusCode::CREATED, "{t}");
    assert_eq!(t["domain"], "laposte-colis.example");
    assert_eq!(t["status"], "requested");
    let tid = t["id"].as_i64().expect("id");
    assert!(hub.actions().iter().any(|a| a == "incident.takedown.add"));

    let (s, e) = hub.post(
        "La Poste",
        &format!("/api/v1/incidents/{id}/takedowns"),
        &json!({"domain": "https://x.example/pay", "contacts": ["abuse@r.example"]}),
    );
    assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("domain")), "{e}");
    let (s, e) = hub.post("La Poste", &format!("/api/v1/incidents/{id}/takedowns"), &json!({"domain": "x.example", "contacts": []}));
    assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("contacts")), "{e}");

    let (s, t) = hub.call(
        reqwest::Method::PATCH,
        "La Poste",
        &format!("/api/v1/incidents/{id}/takedowns/{tid}"),
        Some(&json!({"status": "taken-down"})),
    );
    assert_eq!(s, StatusCode::OK, "{t}");
    assert_eq!(t["status"], "taken-down");
    let (s, e) =
        hub.call(reqwest::Method::PATCH, "La Poste", &format!("/api/v1/incidents/{id}/takedowns/{tid}"), Some(&json!({"status": "gone"})));
    assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("status")), "{e}");

    let (_, list) = hub.get("La Poste", &format!("/api/v1/incidents/{id}/takedowns"));
    assert_eq!(list["takedowns"].as_array().map(Vec::len), Some(1));
    assert_eq!(hub.get("Correos", &format!("/api/v1/incidents/{id}/takedowns")).0, StatusCode::NOT_FOUND);
    let (_, list) = hub.get("La Poste", &format!("/api/v1/incidents/{id}/takedowns"));
    assert_eq!(list["takedowns"][0]["contacts"], json!(["abuse@registrar.example", "https://host.example/abuse"]));
}

/// The raw response of a GET, for the exports.
fn raw(hub: &Hub, org: &str, path: &str) -> reqwest::blocking::Response {
    client().get(format!("{}{path}", hub.server.url)).bearer_auth(&hub.f.tokens[org]).send().expect("get")
}

fn stage<'a>(case: &'a Value, id: &str) -> &'a Value {
    case["clock"]["stages"].as_array().and_then(|a| a.iter().find(|s| s["stage"] == id)).expect("stage in clock")
}

#[test]
fn the_csirt_requests_an_intermediate_report_which_the_clock_then_owes() {
    let hub = Hub::start();
    let id = open_case(&hub);
    let (_, h) = hub.post("La Poste", &format!("/api/v1/incidents/{id}/handoffs"), &json!({"csirt": "Posta Shqiptare"}));
    let hid = h["id"].as_i64().expect("id");
    // NIS2 Art. 23(4)(c): no deadline, not owed, until the CSIRT asks.
    let (_, case) = hub.get("La Poste", &format!("/api/v1/incidents/{id}"));
    let ir = stage(&case, "intermediate_report");
    assert_eq!((ir["state"].as_str(), &ir["due"], &ir["on_request"]), (Some("on-request"), &Value::Null, &json!(true)), "{case}");
    assert_eq!(ir["overdue"], false, "never overdue before it is asked for");
    let answers = json!({"current_status": "Lure domains still up", "severity": "medium", "impact": "SMS to customers",
                         "indicators": "unknown", "mitigation": "Takedowns requested"});
    let submit = format!("/api/v1/incidents/{id}/reports/intermediate_report/submit");
    let (s, e) = hub.post("La Poste", &submit, &json!({"answers": answers}));
    assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("stage")), "{e}");

    // Only the CSIRT the case went to may ask; anyone else gets the 404 of no hand-off.
    let req = format!("/api/v1/handoffs/{hid}/requests");
    let due = (chrono::Utc::now() + chrono::TimeDelta::days(2)).format("%Y-%m-%dT%H:%M:%S+01:00").to_string();
    let body = json!({"stage": "intermediate_report", "due": due, "note": "Status of the <b>takedowns</b>?"});
    for org in ["Correos", "La Poste"] {
        assert_eq!(hub.post(org, &req, &body).0, StatusCode::NOT_FOUND, "{org}");
    }
    let refusals = [
        (json!({"stage": "final_report"}), "stage"),
        (json!({"stage": "intermediate_report", "due": "2020-01-01T00:00:00Z"}), "due"),
        (json!({"stage": "intermediate_report", "due": "friday"}), "due"),
    ];
    for (bad, field) in refusals {
        let (s, e) = hub.post("Posta Shqiptare", &req, &bad);
        assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some(field)), "{bad}: {e}");
    }
    assert_eq!(hub.post("Posta Shqiptare", &req, &json!({"stage": "intermediate_report", "colour": "red"})).0, StatusCode::BAD_REQUEST);
    let (s, asked) = hub.post("Posta Shqiptare", &req, &body);
    assert_eq!(s, StatusCode::CREATED, "{asked}");
    assert_eq!(asked["requests"][0]["stage"], "intermediate_report");
    assert_eq!(asked["requests"][0]["note"], "Status of the <b>takedowns</b>?");
    let (s, e) = hub.post("Posta Shqiptare", &req, &json!({"stage": "intermediate_report"}));
    assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("stage")), "the first request stands: {e}");

    // Now the clock owes it by the date the CSIRT named, in UTC.
    let (_, case) = hub.get("La Poste", &format!("/api/v1/incidents/{id}"));
    let ir = stage(&case, "intermediate_report");
    let want = chrono::DateTime::parse_from_rfc3339(&due).expect("due").to_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    assert_eq!((ir["state"].as_str(), ir["due"].as_str()), (Some("pending"), Some(want.as_str())), "{case}");
    assert!(ir["requested"].is_string());
    assert_eq!(case["requests"][0]["handoff"], hid);
    let (_, list) = hub.get("La Poste", &format!("/api/v1/incidents/{id}/handoffs"));
    assert_eq!(list["handoffs"][0]["requests"][0]["stage"], "intermediate_report", "the post sees the request on the hand-off");

    // The post answers with the report form's fields; it exports like every stage report.
    let (s, e) = hub.post("La Poste", &submit, &json!({"answers": {"current_status": "x"}}));
    assert_eq!((s, e["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("severity")), "{e}");
    let (s, done) = hub.post("La Poste", &submit, &json!({"answers": answers}));
    assert_eq!(s, StatusCode::CREATED, "{done}");
    assert_eq!(stage(&done, "intermediate_report")["state"], "submitted");
    let base = format!("/api/v1/incidents/{id}/reports/intermediate_report");
    let html = raw(&hub, "La Poste", &format!("{base}/html")).text().expect("html");
    assert!(html.contains("Intermediate report") && html.contains("Lure domains still up"), "{html}");
    let pdf = raw(&hub, "La Poste", &format!("{base}/pdf")).bytes().expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
    let stix: Value = raw(&hub, "La Poste", &format!("{base}/stix")).json().expect("stix");
    let ext = stix["objects"][0]["extensions"].as_object().expect("extensions").values().find(|v| v.get("stage").is_some()).cloned();
    assert_eq!(ext.expect("report extension")["stage"], "intermediate_report", "{stix}");
    assert!(hub.actions().iter().any(|a| a == "incident.report.request"));
}
