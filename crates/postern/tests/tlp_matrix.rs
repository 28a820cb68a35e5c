//! TLP on every TAXII path of the real binary: every read and write path × {producer,
//! recipient, other member, reader role, anonymous} × every TLP level. Each cell checks the data
//! and that nothing else tells a hidden object from one that never existed: status codes, error
//! texts, counts, `more`, cursors and `X-TAXII-Date-Added-*` headers.

mod common;

use common::{Server, TAXII, cli, client, fixture};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Producer,
    Recipient,
    Other,
    Reader,
    Anonymous,
}

const EVERYONE: [Who; 5] = [Who::Producer, Who::Recipient, Who::Other, Who::Reader, Who::Anonymous];

/// Every level an object can have, `None` standing for unmarked (the hub's default AMBER).
const LEVELS: [(&str, Option<&str>); 6] = [
    ("clear", Some(tlp::TLP2_CLEAR)),
    ("green", Some(tlp::TLP2_GREEN)),
    ("amber", Some(tlp::TLP2_AMBER)),
    ("amber+strict", Some(tlp::TLP2_AMBER_STRICT)),
    ("red", Some(tlp::TLP2_RED)),
    ("unmarked", None),
];

/// What the TLP 2.0 table says, written out independently of the hub's code.
fn may_see(who: Who, level: &str) -> bool {
    match who {
        Who::Producer | Who::Recipient => true,
        Who::Other | Who::Reader => !matches!(level, "amber+strict" | "red"),
        Who::Anonymous => level == "clear",
    }
}

struct World {
    server: Server,
    base: String,
    tokens: std::collections::HashMap<&'static str, String>,
    _f: common::Fixture,
}

impl World {
    fn token(&self, who: Who) -> Option<&str> {
        let key = match who {
            Who::Producer => "producer",
            Who::Recipient => "recipient",
            Who::Other => "other",
            Who::Reader => "reader",
            Who::Anonymous => return None,
        };
        Some(self.tokens[key].as_str())
    }

    fn get(&self, who: Who, path: &str) -> reqwest::blocking::Response {
        let mut r = client().get(format!("{}{path}", self.base)).header("Accept", TAXII);
        if let Some(t) = self.token(who) {
            r = r.bearer_auth(t);
        }
        r.send().expect("get")
    }

    fn post(&self, who: Who, objects: Vec<Value>) -> reqwest::blocking::Response {
        let mut r = client()
            .post(format!("{}/objects/", self.base))
            .header("Accept", TAXII)
            .header("Content-Type", TAXII)
            .body(json!({ "objects": objects }).to_string());
        if let Some(t) = self.token(who) {
            r = r.bearer_auth(t);
        }
        r.send().expect("post")
    }

    fn delete(&self, who: Who, id: &str) -> reqwest::blocking::Response {
        let mut r = client().delete(format!("{}/objects/{id}/", self.base)).header("Accept", TAXII);
        if let Some(t) = self.token(who) {
            r = r.bearer_auth(t);
        }
        r.send().expect("delete")
    }
}

/// Status, the headers a reader could learn from, and the body with `id` blanked, so that the
/// answer about a hidden object can be compared with the answer about an id nobody holds.
fn observe(resp: reqwest::blocking::Response, id: &str, blank: &str) -> (u16, Vec<(String, String)>, String) {
    let status = resp.status().as_u16();
    let mut headers: Vec<(String, String)> = resp
        .headers()
        .iter()
        .filter(|(k, _)| k.as_str().starts_with("x-taxii") || *k == "content-type" || *k == "cache-control")
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("?").to_string()))
        .collect();
    headers.sort();
    let body = resp.text().expect("body").replace(id, blank);
    (status, headers, body)
}

fn indicator(n: usize, level: Option<&str>, recipient: &str) -> Value {
    let mut o = json!({
        "type": "indicator", "spec_version": "2.1",
        "id": format!("indicator--3a6d2f1c-7b1e-4c55-9d2a-{n:012}"),
        "created": "2026-01-01T00:00:00.000Z", "modified": "2026-01-01T00:00:00.000Z",
        "name": format!("parcel fee site {n}"),
        "pattern": format!("[domain-name:value = 'colis-{n}.frais-poste.top']"), "pattern_type": "stix",
        "valid_from": "2026-01-01T00:00:00Z", "x_postern_recipients": [recipient],
    });
    if let Some(m) = level {
        o["object_marking_refs"] = json!([m]);
    }
    o
}

fn observable(n: usize, level: Option<&str>, recipients: &[&str]) -> Value {
    let mut o = json!({
        "type": "domain-name", "spec_version": "2.1",
        "id": format!("domain-name--5c1e8a4b-2f3d-5a6e-8b7c-{n:012}"),
        "value": format!("held-{n}.colis-frais.top"),
    });
    if !recipients.is_empty() {
        o["x_postern_recipients"] = json!(recipients);
    }
    if let Some(m) = level {
        o["object_marking_refs"] = json!([m]);
    }
    o
}

fn world() -> World {
    let f = fixture();
    let data = f.dir.path();
    let col = cli(data, &["collection", "add", "every-writer", "--read", "all", "--write", "La Poste,Correos,Posta Shqiptare", "--public"]);
    let reader = cli(data, &["token", "issue", "--org", "Posta Shqiptare", "--role", "reader"]);
    let mut tokens = std::collections::HashMap::new();
    tokens.insert("producer", f.tokens["La Poste"].clone());
    tokens.insert("recipient", f.tokens["Correos"].clone());
    tokens.insert("other", f.tokens["Posta Shqiptare"].clone());
    tokens.insert("reader", reader["token"].as_str().expect("token").to_string());
    let server = Server::start(data);
    let base = format!("{}/isac/collections/{}", server.url, col["id"].as_str().expect("id"));
    World { server, base, tokens, _f: f }
}

#[test]
fn every_path_for_every_audience_at_every_level() {
    let w = world();
    let recipient = w._f.identities["Correos"].clone();
    let objects: Vec<Value> = LEVELS.iter().enumerate().map(|(n, (_, m))| indicator(n, *m, &recipient)).collect();
    let observables: Vec<Value> = LEVELS.iter().enumerate().map(|(n, (_, m))| observable(n, *m, &[recipient.as_str()])).collect();
    let resp = w.post(Who::Producer, objects.iter().chain(&observables).cloned().collect());
    assert_eq!(resp.status().as_u16(), 202);
    let status: Value = resp.json().expect("status");
    assert_eq!(status["success_count"], json!(12), "{status}");
    let status_id = status["id"].as_str().expect("status id").to_string();
    let never = "indicator--3a6d2f1c-7b1e-4c55-9d2a-999999999999";
    let blank = "indicator--00000000-0000-4000-8000-000000000000";
    let mut cells = 0;

    for who in EVERYONE {
        // Get Objects: exactly the visible set, and `more` false.
        let page: Value = w.get(who, "/objects/").json().expect("page");
        let listed: Vec<&str> = page["objects"].as_array().map(|a| a.iter().filter_map(|o| o["id"].as_str()).collect()).unwrap_or_default();
        assert_ne!(page["more"], json!(true), "{who:?}: {page}");
        for (n, (level, _)) in LEVELS.iter().enumerate() {
            let id = objects[n]["id"].as_str().expect("id");
            let sco = observables[n]["id"].as_str().expect("id");
            let seen = may_see(who, level);
            assert_eq!(listed.contains(&id), seen, "{who:?} {level}: Get Objects");
            assert_eq!(listed.contains(&sco), seen, "{who:?} {level}: Get Objects (observable)");
            // Object by id, its versions, and match[id] on objects and manifest: a hidden object
            // is answered exactly as an id that was never stored.
            for path in ["/objects/{id}/", "/objects/{id}/versions/", "/objects/?match[id]={id}", "/manifest/?match[id]={id}"] {
                let got = observe(w.get(who, &path.replace("{id}", id)), id, blank);
                let nothing = observe(w.get(who, &path.replace("{id}", never)), never, blank);
                if seen {
                    assert_eq!(got.0, 200, "{who:?} {level} {path}");
                    let shows = if path.contains("versions") { "2026-01-01T00:00:00.000Z" } else { blank };
                    assert!(got.2.contains(shows), "{who:?} {level} {path}: {}", got.2);
                } else {
                    assert_eq!(got, nothing, "{who:?} {level} {path}: hidden differs from never stored");
                }
                cells += 1;
            }
            // Delete: another member's visible object is 403, a hidden one reads as never stored.
            if who != Who::Producer {
                let got = observe(w.delete(who, id), id, blank);
                let nothing = observe(w.delete(who, never), never, blank);
                if seen && who != Who::Anonymous {
                    assert_eq!(got.0, 403, "{who:?} {level}: delete");
                } else {
                    assert_eq!(got, nothing, "{who:?} {level}: delete of a hidden object");
                }
            }
        }
        // The producer's status resource is the producer's alone.
        let got = observe(w.get(who, &format!("/../../status/{status_id}/")), &status_id, "S");
        if who == Who::Producer {
            assert_eq!(got.0, 200, "status");
        } else {
            let nothing =
                observe(w.get(who, "/../../status/7f0c2b9e-1d4a-4e6b-8c3f-5a9d0e1b2c3d/"), "7f0c2b9e-1d4a-4e6b-8c3f-5a9d0e1b2c3d", "S");
            assert_eq!(got, nothing, "{who:?}: status of another organisation's request");
        }
    }
    assert_eq!(cells, 5 * 6 * 4);

    // Add Objects by every other audience: the same answer whether the object is visible or
    // hidden, identical or changed, older or newer; and nothing changes for anyone.
    for who in [Who::Recipient, Who::Other, Who::Reader, Who::Anonymous] {
        let mut answers = std::collections::BTreeSet::new();
        for n in 0..LEVELS.len() {
            let mut newer = objects[n].clone();
            newer["modified"] = json!("2262-04-11T23:47:16.000Z");
            newer["revoked"] = json!(true);
            newer["name"] = json!("hijacked");
            for attempt in [objects[n].clone(), newer] {
                let id = objects[n]["id"].as_str().expect("id");
                let (code, _, body) = observe(w.post(who, vec![attempt]), id, blank);
                let answer: Value = serde_json::from_str(&body).unwrap_or(json!(body));
                // Per-object refusal (202) for writers, 401/403 for the others; the status id
                // and timestamp differ per request and are left out.
                let failures: Vec<&Value> =
                    answer["failures"].as_array().map(|a| a.iter().map(|f| &f["message"]).collect()).unwrap_or_default();
                let kept = json!([code, failures, answer["success_count"], answer["http_status"], answer["description"]]);
                answers.insert(kept.to_string());
                cells += 1;
            }
        }
        assert_eq!(answers.len(), 1, "{who:?}: Add Objects answers differ: {answers:#?}");
    }
    // Observables are each producer's own assertion: another member's copy is stored, answered
    // exactly as a value nobody holds, and the producer's copy keeps its level.
    for who in [Who::Recipient, Who::Other] {
        let mut answers = std::collections::BTreeSet::new();
        for n in [0, 3, 4, 100 + cells] {
            let mut copy = observable(n, Some(tlp::TLP2_GREEN), &[]);
            copy["value"] = json!(format!("copy-{n}.example"));
            let id = copy["id"].as_str().expect("id").to_string();
            let (code, _, body) = observe(w.post(who, vec![copy]), &id, blank);
            let answer: Value = serde_json::from_str(&body).expect("status");
            assert_eq!((code, &answer["success_count"]), (202, &json!(1)), "{who:?} copy of {n}: {answer}");
            answers.insert(json!([code, answer["successes"], answer["failure_count"]]).to_string());
        }
        assert_eq!(answers.len(), 1, "{who:?}: observable answers differ: {answers:#?}");
    }
    let page: Value = w.get(Who::Producer, "/objects/?match[type]=indicator").json().expect("page");
    for o in page["objects"].as_array().expect("objects") {
        assert_eq!(o["modified"], json!("2026-01-01T00:00:00.000Z"), "{o}");
        assert!(o.get("revoked").is_none(), "{o}");
    }
    let other_view: Value = w.get(Who::Other, "/objects/?match[type]=domain-name").json().expect("page");
    let red_sco = observables[4]["id"].as_str().expect("id");
    let copies: Vec<&Value> = other_view["objects"].as_array().expect("objects").iter().filter(|o| o["id"] == json!(red_sco)).collect();
    // Correos's copy and its own, both GREEN; never La Poste's RED one.
    assert_eq!(copies.len(), 2, "{other_view}");
    assert!(copies.iter().all(|o| o["object_marking_refs"] == json!([tlp::TLP2_GREEN])), "{other_view}");
    drop(w.server);
}

#[test]
fn a_page_cut_short_by_the_scan_budget_reveals_nothing_of_hidden_rows() {
    let w = world();
    let recipient = w._f.identities["Correos"].clone();
    // More RED objects than one request scans, then one CLEAR object.
    for chunk in 0..5 {
        let objects: Vec<Value> = (0..4_100).map(|i| indicator(chunk * 10_000 + i, Some(tlp::TLP2_RED), &recipient)).collect();
        assert_eq!(w.post(Who::Producer, objects).status().as_u16(), 202);
    }
    let clear = indicator(99_999, Some(tlp::TLP2_CLEAR), &recipient);
    assert_eq!(w.post(Who::Producer, vec![clear.clone()]).status().as_u16(), 202);
    for who in [Who::Other, Who::Reader, Who::Anonymous] {
        let page: Value = w.get(who, "/objects/").json().expect("page");
        let ids: Vec<&Value> = page["objects"].as_array().expect("objects").iter().map(|o| &o["id"]).collect();
        assert_eq!(ids, [&clear["id"]], "{who:?}");
        assert_ne!(page["more"], json!(true), "{who:?}: {page}");
        assert!(page.get("next").is_none(), "{who:?}: {page}");
    }
    // The recipient pages through everything with opaque cursors.
    let mut seen = 0;
    let mut next: Option<String> = None;
    loop {
        let path = match &next {
            Some(n) => format!("/objects/?limit=1000&next={n}"),
            None => "/objects/?limit=1000".to_string(),
        };
        let page: Value = w.get(Who::Recipient, &path).json().expect("page");
        seen += page["objects"].as_array().map_or(0, Vec::len);
        match page["next"].as_str() {
            Some(n) => next = Some(n.to_string()),
            None => break,
        }
    }
    assert_eq!(seen, 5 * 4_100 + 1);
}
