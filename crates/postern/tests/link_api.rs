//! `POST /api/v1/links/check` and `/api/v1/messages/analyze` on the real server: verdicts,
//! TLP-aware blocklists built from hub indicators, reporting, problem-details errors.

mod common;

use std::time::{Duration, Instant};

use common::{Server, TAXII, cli, client, fixture};
use serde_json::{Value, json};

fn check(url: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut r = client().post(format!("{url}/api/v1/links/check")).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let resp = r.send().expect("post");
    let status = resp.status().as_u16();
    (status, resp.json().unwrap_or(Value::Null))
}

fn indicator_for(domain: &str, n: u32, marking: &str) -> Value {
    json!({
        "type": "indicator", "spec_version": "2.1", "id": format!("indicator--11111111-2222-4333-8444-{n:012}"),
        "created": "2025-05-01T00:00:00.000Z", "modified": "2025-05-01T00:00:00.000Z",
        "pattern": format!("[domain-name:value = '{domain}']"), "pattern_type": "stix",
        "valid_from": "2025-05-01T00:00:00Z", "object_marking_refs": [marking]
    })
}

fn has_blocklist_hit(v: &Value, indicator: &str) -> bool {
    v["reasons"].as_array().is_some_and(|rs| rs.iter().any(|r| r["indicator_id"] == json!(indicator)))
}

/// Polls until `pred` holds (the blocklists refresh in the background), failing after 30 s.
fn eventually(what: &str, mut pred: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !pred() {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn link_verdicts_use_only_the_indicators_the_asker_may_see() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let base = format!("{}/isac/collections/{}", server.url, f.collection);
    let objects = json!({"objects": [
        indicator_for("plain-shop-clear.example", 1, tlp::TLP2_CLEAR),
        indicator_for("plain-shop-red.example", 2, tlp::TLP2_RED),
    ]});
    let resp = client()
        .post(format!("{base}/objects/"))
        .bearer_auth(&f.tokens["La Poste"])
        .header("Content-Type", TAXII)
        .body(objects.to_string())
        .send()
        .expect("post");
    assert_eq!(resp.status().as_u16(), 202);
    let clear_id = "indicator--11111111-2222-4333-8444-000000000001";
    let red_id = "indicator--11111111-2222-4333-8444-000000000002";

    // Anonymous: the CLEAR indicator is used once the blocklists refresh.
    eventually("anonymous sees the CLEAR indicator", || {
        let (s, v) = check(&server.url, None, json!({"url": "https://plain-shop-clear.example/pay"}));
        s == 200 && v["verdict"] == json!("malicious") && has_blocklist_hit(&v, clear_id)
    });
    // The producer sees its RED indicator; another member and anonymous callers never learn of it.
    let (_, v) = check(&server.url, Some(&f.tokens["La Poste"]), json!({"url": "https://plain-shop-red.example/"}));
    assert!(has_blocklist_hit(&v, red_id), "{v}");
    for token in [Some(f.tokens["Correos"].as_str()), None] {
        let (_, v) = check(&server.url, token, json!({"url": "https://plain-shop-red.example/"}));
        assert!(!v.to_string().contains(red_id), "RED indicator leaked: {v}");
        assert_ne!(v["verdict"], json!("malicious"), "{v}");
    }
    // Batch: one bad line yields an error object, the rest goes on.
    let (s, v) = check(
        &server.url,
        None,
        json!({"urls": ["https://www.laposte.fr/suivi", "not a url at all \u{0007}", "https://plain-shop-clear.example/"]}),
    );
    assert_eq!(s, 200, "{v}");
    let results = v["results"].as_array().expect("results");
    assert_eq!(results[0]["verdict"], json!("benign"), "{v}");
    assert!(results[1]["error"]["code"].is_string(), "{v}");
    assert_eq!(results[2]["verdict"], json!("malicious"), "{v}");
    // Problem details for bad requests; reporting needs a token.
    let (s, v) = check(&server.url, None, json!({"nope": 1}));
    assert_eq!(s, 400, "{v}");
    assert_eq!(v["status"], json!(400));
    let (s, _) = check(&server.url, None, json!({"url": "https://x.example/", "report": true}));
    assert_eq!(s, 401);
    // A member's report of a malicious link lands in the hub as indicator + sighting.
    let (s, v) = check(&server.url, Some(&f.tokens["Correos"]), json!({"url": "https://plain-shop-clear.example/x", "report": true}));
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["reported"][0]["stored"], json!(2), "{v}");
}

#[test]
fn message_analysis_answers_and_rejects_bad_input_with_problem_details() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let post = |body: Value| {
        let resp = client().post(format!("{}/api/v1/messages/analyze", server.url)).json(&body).send().expect("post");
        let status = resp.status().as_u16();
        (status, resp.json::<Value>().unwrap_or(Value::Null))
    };
    let (s, v) =
        post(json!({"text": "La Poste: votre colis est en attente. Payez 1,99 EUR de frais: https://laposte-colis-frais.top/pay"}));
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["scam"], json!(true), "{v}");
    assert!(v["urls"].as_array().is_some_and(|u| !u.is_empty()), "{v}");
    let (s, v) = post(json!({"text": "   "}));
    assert_eq!(s, 422, "{v}");
    assert_eq!(v["title"], json!("Unprocessable Entity"));
    let (s, _) = post(json!({"txt": "typo"}));
    assert_eq!(s, 400);
}

#[test]
fn a_reported_message_is_linked_to_the_campaign_its_infrastructure_matches() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let base = format!("{}/isac/collections/{}", server.url, f.collection);
    let campaign = "campaign--33333333-4444-4555-8666-000000000001";
    let known = indicator_for("colis-frais-relais.top", 7, tlp::TLP2_GREEN);
    let objects = json!({"objects": [
        {"type": "campaign", "spec_version": "2.1", "id": campaign, "created": "2025-05-01T00:00:00.000Z",
         "modified": "2025-05-01T00:00:00.000Z", "name": "Relais colis fee wave", "object_marking_refs": [tlp::TLP2_GREEN]},
        known,
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--33333333-4444-4555-8666-000000000002",
         "created": "2025-05-01T00:00:00.000Z", "modified": "2025-05-01T00:00:00.000Z", "relationship_type": "indicates",
         "source_ref": "indicator--11111111-2222-4333-8444-000000000007", "target_ref": campaign, "object_marking_refs": [tlp::TLP2_GREEN]},
    ]});
    let resp = client()
        .post(format!("{base}/objects/"))
        .bearer_auth(&f.tokens["La Poste"])
        .header("Content-Type", TAXII)
        .body(objects.to_string())
        .send()
        .expect("post");
    assert_eq!(resp.status().as_u16(), 202);
    // Correos (a member who may read the GREEN campaign) reports a message using that domain.
    eventually("Correos' link checks see the GREEN indicator", || {
        let (_, v) = check(&server.url, Some(&f.tokens["Correos"]), json!({"url": "https://colis-frais-relais.top/x"}));
        has_blocklist_hit(&v, "indicator--11111111-2222-4333-8444-000000000007")
    });
    let text = "Correos: su paquete está retenido. Pague 1,99 EUR en https://colis-frais-relais.top/pago antes de 24h";
    let resp = client()
        .post(format!("{}/api/v1/messages/analyze", server.url))
        .bearer_auth(&f.tokens["Correos"])
        .json(&json!({"text": text, "report": true}))
        .send()
        .expect("post");
    assert_eq!(resp.status().as_u16(), 200);
    let v: Value = resp.json().expect("json");
    assert_eq!(v["scam"], json!(true), "{v}");
    assert_eq!(v["reported"]["campaigns"], json!([campaign]), "{v}");
    assert_eq!(v["reported"]["failed"], json!(0), "{v}");
    // The hub now holds a relationship from Correos' new indicator to the campaign.
    let rels: Value = client()
        .get(format!("{base}/objects/?match[type]=relationship"))
        .bearer_auth(&f.tokens["Correos"])
        .header("Accept", TAXII)
        .send()
        .expect("get")
        .json()
        .expect("json");
    let linked = rels["objects"].as_array().expect("objects").iter().filter(|r| r["target_ref"] == json!(campaign)).count();
    assert!(linked >= 2, "the original and the new indicates relationships: {rels}");
}

#[test]
fn check_report_adds_an_indicator_and_a_sighting_per_malicious_link() {
    let f = fixture();
    let out = std::process::Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path())
        .args(["--json", "check", "--report", "--org", "Correos", "--collection", &f.collection])
        .args(["https://laposte-colis.top/pay", "https://www.laposte.fr/suivi"])
        .output()
        .expect("run postern check");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    assert_eq!(lines.iter().map(|l| l["verdict"].clone()).collect::<Vec<_>>(), vec![json!("malicious"), json!("benign")]);
    let report: Value = serde_json::from_str(String::from_utf8_lossy(&out.stderr).lines().last().unwrap_or("{}")).expect("report line");
    assert_eq!(report["reported"], json!({"links": 1, "stored": 2, "failed": 0}));
    let server = Server::start(f.dir.path());
    let page: Value = client()
        .get(format!("{}/isac/collections/{}/objects/", server.url, f.collection))
        .bearer_auth(&f.tokens["Correos"])
        .header("Accept", TAXII)
        .send()
        .expect("get")
        .json()
        .expect("json");
    let objects = page["objects"].as_array().expect("objects");
    let indicator = objects.iter().find(|o| o["type"] == "indicator").expect("an indicator");
    assert_eq!(indicator["pattern"], json!("[url:value = 'https://laposte-colis.top/pay']"));
    assert_eq!(indicator["created_by_ref"], json!(f.identities["Correos"]));
    assert_eq!(indicator["object_marking_refs"], json!([tlp::TLP2_GREEN]));
    let sighting = objects.iter().find(|o| o["type"] == "sighting").expect("a sighting");
    assert_eq!(sighting["sighting_of_ref"], indicator["id"]);
}

fn post_objects(server: &Server, collection: &str, token: &str, objects: Vec<Value>) {
    let resp = client()
        .post(format!("{}/isac/collections/{collection}/objects/", server.url))
        .bearer_auth(token)
        .header("Content-Type", TAXII)
        .body(json!({ "objects": objects }).to_string())
        .send()
        .expect("post");
    assert_eq!(resp.status().as_u16(), 202);
}

/// An anonymous portal form post (`/check/link` or `/check/message`): the page's HTML.
fn portal_check(server: &Server, path: &str, field: &str, value: &str) -> String {
    let http = client();
    let form = http.get(format!("{}{path}", server.url)).send().expect("form");
    let cookie = form.headers().get("set-cookie").and_then(|v| v.to_str().ok()).and_then(|c| c.split(';').next()).map(String::from);
    let html = form.text().expect("html");
    let at = html.find("name=\"csrf\" value=\"").map(|a| a + "name=\"csrf\" value=\"".len()).expect("csrf field");
    let csrf = html[at..].split('"').next().expect("csrf").to_string();
    let resp = http
        .post(format!("{}{path}", server.url))
        .header("cookie", cookie.expect("csrf cookie"))
        .form(&[("csrf", csrf.as_str()), (field, value)])
        .send()
        .expect("post");
    assert_eq!(resp.status().as_u16(), 200);
    resp.text().expect("html")
}

/// Probe D3 (attempts 15, 16, 17): a CLEAR indicator in a collection that is not public is used
/// only for members whose organisation may read that collection. Anonymous link checks (API and
/// portal), the message analysis (API and portal) and a member without a grant neither hit it
/// nor learn its id or the collection's name; a member with a grant does, and a hit's reason
/// names only collections the asker may read.
#[test]
fn private_collections_never_leak_through_verdicts() {
    let f = fixture();
    let private = cli(f.dir.path(), &["collection", "add", "priva-vault", "--read", "La Poste,Posta Shqiptare", "--write", "La Poste"]);
    let private = private["id"].as_str().expect("id").to_string();
    let server = Server::start(f.dir.path());
    let lp = f.tokens["La Poste"].as_str();
    post_objects(
        &server,
        &private,
        lp,
        vec![indicator_for("priva-clear-evil.top", 21, tlp::TLP2_CLEAR), indicator_for("both-lists-evil.top", 22, tlp::TLP2_CLEAR)],
    );
    post_objects(
        &server,
        &f.collection,
        lp,
        vec![indicator_for("public-clear-evil.top", 23, tlp::TLP2_CLEAR), indicator_for("both-lists-evil.top", 24, tlp::TLP2_CLEAR)],
    );
    let (private_id, both_private_id) =
        ("indicator--11111111-2222-4333-8444-000000000021", "indicator--11111111-2222-4333-8444-000000000022");
    let both_public_id = "indicator--11111111-2222-4333-8444-000000000024";
    let url = "http://priva-clear-evil.top/";
    // Wait for both collections' indexes: the public indicator for anonymous callers, the
    // private one for a member with a grant.
    eventually("the blocklists include both collections", || {
        check(&server.url, None, json!({"url": "http://public-clear-evil.top/"})).1["verdict"] == json!("malicious")
            && has_blocklist_hit(&check(&server.url, Some(lp), json!({"url": url})).1, private_id)
    });
    let leaks = |text: &str| text.contains(private_id) || text.contains(both_private_id) || text.contains("priva-vault");

    // Members with a grant get the hit, named after the collection.
    for org in ["La Poste", "Posta Shqiptare"] {
        let (_, v) = check(&server.url, Some(&f.tokens[org]), json!({"url": url}));
        assert_eq!(v["verdict"], json!("malicious"), "{org}: {v}");
        assert!(v.to_string().contains("on the blocklist priva-vault"), "{org}: {v}");
    }
    // Anonymous callers and a member without a grant: no hit, nothing named.
    for token in [None, Some(f.tokens["Correos"].as_str())] {
        let (s, v) = check(&server.url, token, json!({"url": url}));
        assert_eq!(s, 200, "{v}");
        assert!(!has_blocklist_hit(&v, private_id) && !leaks(&v.to_string()), "{token:?}: {v}");
        assert!(
            !v["reasons"].as_array().is_some_and(|rs| rs.iter().any(|r| r["code"].as_str().is_some_and(|c| c.starts_with("blocklist")))),
            "{v}"
        );
    }
    // A link on both lists: the member without a grant hears only of the public collection.
    let (_, v) = check(&server.url, Some(&f.tokens["Correos"]), json!({"url": "http://both-lists-evil.top/"}));
    assert!(has_blocklist_hit(&v, both_public_id) && !leaks(&v.to_string()), "{v}");
    let (_, v) = check(&server.url, None, json!({"url": "http://both-lists-evil.top/"}));
    assert!(has_blocklist_hit(&v, both_public_id) && !leaks(&v.to_string()), "{v}");
    let (_, v) = check(&server.url, Some(lp), json!({"url": "http://both-lists-evil.top/"}));
    assert!(has_blocklist_hit(&v, both_public_id) && has_blocklist_hit(&v, both_private_id), "the producer reads both: {v}");

    // The portal's link check, anonymously: the public indicator is a hit, the private one is not.
    let page = portal_check(&server, "/check/link", "url", "http://public-clear-evil.top/");
    assert!(page.contains("on the blocklist postal-smishing"), "{page}");
    let page = portal_check(&server, "/check/link", "url", url);
    assert!(!leaks(&page) && !page.contains("on the blocklist"), "{page}");

    // Message analysis (API and portal) judges a message's links as an anonymous caller would.
    let message = |link: &str| format!("La Poste: votre colis est en attente, reglez les frais ici {link}");
    let analyze = |token: Option<&str>, text: &str| {
        let mut r = client().post(format!("{}/api/v1/messages/analyze", server.url)).json(&json!({ "text": text }));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send().expect("post").text().expect("body")
    };
    let control = analyze(None, &message("http://public-clear-evil.top/"));
    assert!(control.contains("on the blocklist postal-smishing"), "the analysis uses the public blocklist: {control}");
    for token in [None, Some(f.tokens["Correos"].as_str()), Some(lp)] {
        let body = analyze(token, &message(url));
        assert!(!leaks(&body) && !body.contains("on the blocklist"), "{token:?}: {body}");
    }
    let page = portal_check(&server, "/check/message", "message", &message("http://public-clear-evil.top/"));
    assert!(page.contains("on the blocklist postal-smishing"), "{page}");
    let page = portal_check(&server, "/check/message", "message", &message(url));
    assert!(!leaks(&page) && !page.contains("on the blocklist"), "{page}");
}

/// The CLI's `--json` and the API answer a link with the same document (one typed answer,
/// `server::api::links::LinkAnswer`), including for a link that cannot be checked.
#[test]
fn the_cli_and_the_api_answer_a_link_with_the_same_document() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    for url in ["https://laposte-fr.colis-suivi.top/pay", "https://www.laposte.fr/outils/suivre-vos-envois", "not a url at all"] {
        // A batch of one: a batch answers a bad link in its item (a single link gets a 422).
        let (status, api) = check(&server.url, None, json!({"urls": [url]}));
        assert_eq!(status, 200, "{api}");
        let item = api["results"][0].clone();
        if url.contains("www.laposte.fr") {
            assert!(item["site"].as_str().is_some_and(|s| !s.is_empty()), "the official site is named: {item}");
        }
        let out = std::process::Command::new(common::exe())
            .arg("--data")
            .arg(f.dir.path().join("cli-data"))
            .args(["--json", "check", url])
            .output()
            .expect("run postern check");
        let line = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string();
        let cli: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_eq!(cli, item, "{url}");
    }
}

/// Reason sentences come from the portal's catalogues in the asker's language
/// (`Accept-Language` on the API, `--lang` on the CLI); the codes and arguments do not change.
#[test]
fn reasons_are_written_in_the_askers_language_with_the_same_codes() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let url = "https://laposte-fr.colis-suivi.top/pay";
    let ask = |lang: &str| {
        let resp = client()
            .post(format!("{}/api/v1/links/check", server.url))
            .header("Accept-Language", lang)
            .json(&json!({"url": url}))
            .send()
            .expect("post");
        assert_eq!(resp.status().as_u16(), 200);
        let content_language = resp.headers().get("content-language").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        (content_language, resp.json::<Value>().expect("json"))
    };
    let (en_lang, en) = ask("en-GB,en;q=0.9");
    let (fr_lang, fr) = ask("fr-FR,fr;q=0.9,en;q=0.5");
    assert_eq!(en_lang, "en");
    assert_eq!(fr_lang, "fr");
    let codes = |v: &Value| v["reasons"].as_array().map(|rs| rs.iter().map(|r| r["code"].clone()).collect::<Vec<_>>()).unwrap_or_default();
    assert!(!codes(&en).is_empty(), "{en}");
    assert_eq!(codes(&en), codes(&fr));
    for (e, f) in en["reasons"].as_array().into_iter().flatten().zip(fr["reasons"].as_array().into_iter().flatten()) {
        let (em, fm) = (e["message"].as_str().unwrap_or(""), f["message"].as_str().unwrap_or(""));
        assert!(!em.is_empty() && !fm.is_empty(), "every reason has a sentence: {e} / {f}");
        assert_ne!(em, fm, "the French sentence is not the English one");
        assert_eq!(e.get("args"), f.get("args"), "arguments do not depend on the language");
    }
    // A language the catalogues lack falls back to English.
    let (de_lang, de) = ask("de-DE");
    assert_eq!(de_lang, "en");
    assert_eq!(de["reasons"], en["reasons"]);

    // The CLI renders the same French document.
    let out = std::process::Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path().join("cli-data"))
        .args(["--json", "check", "--lang", "fr", url])
        .output()
        .expect("run postern check");
    let line = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string();
    let cli: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line}"));
    assert_eq!(cli["reasons"], fr["reasons"]);
    let bad = std::process::Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path().join("cli-data"))
        .args(["check", "--lang", "xx", url])
        .output()
        .expect("run postern check");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("lang"), "{}", String::from_utf8_lossy(&bad.stderr));

    // Message analysis: the same codes, French sentences.
    let analyze = |lang: &str| {
        let resp = client()
            .post(format!("{}/api/v1/messages/analyze", server.url))
            .header("Accept-Language", lang)
            .json(&json!({"text": "La Poste : votre colis est en attente. Payez 1,99 EUR de frais : https://laposte-colis-frais.top/pay"}))
            .send()
            .expect("post");
        assert_eq!(resp.status().as_u16(), 200);
        resp.json::<Value>().expect("json")
    };
    let (en, fr) = (analyze("en"), analyze("fr"));
    assert_eq!(codes(&en), codes(&fr));
    assert!(!codes(&fr).is_empty(), "{fr}");
    let details = |v: &Value| {
        v["reasons"]
            .as_array()
            .map(|rs| rs.iter().map(|r| r["detail"].as_str().unwrap_or("").to_string()).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert!(details(&fr).iter().all(|d| !d.is_empty()), "{fr}");
    assert_ne!(details(&en), details(&fr));
}
