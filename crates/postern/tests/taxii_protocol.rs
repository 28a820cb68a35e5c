//! End-to-end TAXII 2.1 tests against the real `postern serve`: errors, TLP over HTTP,
//! durability across `kill -9`, cursors across restarts, health and metrics.

mod common;

use common::{Server, TAXII, cli, client, fixture, indicator};
use serde_json::{Value, json};

fn assert_taxii_error(resp: reqwest::blocking::Response, status: u16) -> Value {
    assert_eq!(resp.status().as_u16(), status);
    assert_eq!(resp.headers()["content-type"], TAXII, "error media type");
    let body: Value = resp.json().expect("error body is JSON");
    assert!(body["title"].is_string(), "{body}");
    assert_eq!(body["http_status"], json!(status.to_string()), "{body}");
    assert!(body["description"].as_str().is_some_and(|d| !d.is_empty()), "{body}");
    body
}

fn post(url: &str, token: &str, body: &Value) -> reqwest::blocking::Response {
    client().post(url).bearer_auth(token).header("Accept", TAXII).header("Content-Type", TAXII).body(body.to_string()).send().expect("post")
}

fn get(url: &str, token: Option<&str>) -> reqwest::blocking::Response {
    let mut r = client().get(url).header("Accept", TAXII);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    r.send().expect("get")
}

fn object_ids(resp: reqwest::blocking::Response) -> Vec<String> {
    assert_eq!(resp.status().as_u16(), 200);
    let v: Value = resp.json().expect("json");
    v["objects"].as_array().map(|a| a.iter().map(|o| o["id"].as_str().unwrap_or_default().to_string()).collect()).unwrap_or_default()
}

#[test]
fn every_error_is_a_taxii_error_object() {
    let f = fixture();
    let private = cli(f.dir.path(), &["collection", "add", "correos-only", "--read", "Correos", "--write", "Correos"]);
    let private = private["id"].as_str().expect("id").to_string();
    let server = Server::start_with(f.dir.path(), &["--max-content-length", "4000"]);
    let base = format!("{}/isac/collections/{}", server.url, f.collection);
    let poste = &f.tokens["La Poste"];

    // 406 and 415: media types.
    let r = client().get(format!("{}/taxii2/", server.url)).header("Accept", "application/xml").send().expect("get");
    assert_taxii_error(r, 406);
    let r = client()
        .post(format!("{base}/objects/"))
        .bearer_auth(poste)
        .header("Content-Type", "application/json")
        .body("{}")
        .send()
        .expect("post");
    assert_taxii_error(r, 415);
    // 413: above max_content_length, which the API root advertises.
    let root: Value = get(&format!("{}/isac/", server.url), None).json().expect("api root");
    assert_eq!(root["max_content_length"], json!(4000));
    let big = json!({"objects": (0..40).map(|i| indicator(i, tlp::TLP2_GREEN)).collect::<Vec<_>>()});
    assert_taxii_error(post(&format!("{base}/objects/"), poste, &big), 413);
    // 401: no or bad credentials on a private collection; 404 for a member without access.
    assert_taxii_error(get(&format!("{}/isac/collections/{private}/objects/", server.url), None), 401);
    assert_taxii_error(get(&format!("{base}/objects/"), Some("pst_0123456789abcdef_forged")), 401);
    assert_taxii_error(get(&format!("{}/isac/collections/{private}/", server.url), Some(poste)), 404);
    assert_taxii_error(get(&format!("{}/isac/collections/no-such-collection/", server.url), Some(poste)), 404);
    assert_taxii_error(get(&format!("{base}/objects/indicator--7f9c1c5e-0000-4000-8000-000000000999/"), Some(poste)), 404);
    // 403: a reader token may not write; an org without write grant may not either.
    let reader = cli(f.dir.path(), &["token", "issue", "--org", "La Poste", "--role", "reader"])["token"].as_str().expect("t").to_string();
    assert_taxii_error(post(&format!("{base}/objects/"), &reader, &json!({"objects": [indicator(1, tlp::TLP2_GREEN)]})), 403);
    assert_taxii_error(post(&format!("{base}/objects/"), &f.tokens["Posta Shqiptare"], &json!({"objects": []})), 403);
    // 400: bad filters name their field.
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=-1", "limit"),
        ("limit=1e9", "limit"),
        ("added_after=yesterday", "added_after"),
        ("match[version]=newest", "match[version]"),
        ("next=forged", "next"),
    ] {
        let body = assert_taxii_error(get(&format!("{base}/objects/?{query}"), Some(poste)), 400);
        assert_eq!(body["details"]["field"], json!(field), "{query}: {body}");
    }
    // 400: bodies that are not bundles, and duplicates, write nothing.
    for (body, field) in [("{not json", "body"), ("[1,2]", "body"), (r#"{"type":"indicator"}"#, "type")] {
        let r = client().post(format!("{base}/objects/")).bearer_auth(poste).header("Content-Type", TAXII).body(body).send().expect("post");
        let e = assert_taxii_error(r, 400);
        assert_eq!(e["details"]["field"], json!(field), "{body}: {e}");
    }
    let dup = json!({"objects": [indicator(1, tlp::TLP2_GREEN), indicator(1, tlp::TLP2_GREEN)]});
    let e = assert_taxii_error(post(&format!("{base}/objects/"), poste, &dup), 400);
    assert_eq!(e["details"]["field"], json!("objects[1].id"));
    assert!(object_ids(get(&format!("{base}/objects/"), Some(poste))).is_empty(), "nothing half-written");
    // Unknown routes under the TAXII prefix are TAXII errors too.
    assert_taxii_error(get(&format!("{}/taxii2/nope", server.url), None), 404);
}

#[test]
fn tlp_holds_over_http_for_three_organisations() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let base = format!("{}/isac/collections/{}", server.url, f.collection);
    let mut red = indicator(4, tlp::TLP2_RED);
    red["x_postern_recipients"] = json!([f.identities["Correos"]]);
    let objects = vec![
        indicator(1, tlp::TLP2_CLEAR),
        indicator(2, tlp::TLP2_GREEN),
        indicator(3, tlp::TLP2_AMBER),
        red,
        indicator(5, tlp::TLP2_AMBER_STRICT),
    ];
    let r = post(
        &format!("{base}/objects/"),
        &f.tokens["La Poste"],
        &json!({"type": "bundle", "id": "bundle--6f1d3c53-0c1a-4b8a-9f43-6d0f0e8c5a11", "objects": objects}),
    );
    assert_eq!(r.status().as_u16(), 202);
    let status: Value = r.json().expect("status");
    assert_eq!(status["success_count"], json!(5));
    let id = |n: u32| format!("indicator--7f9c1c5e-0000-4000-8000-{n:012}");
    let sees = |token: Option<&str>| object_ids(get(&format!("{base}/objects/"), token));
    assert_eq!(sees(Some(&f.tokens["La Poste"])), (1..=5).map(id).collect::<Vec<_>>());
    assert_eq!(sees(Some(&f.tokens["Correos"])), [1, 2, 3, 4].map(id).to_vec());
    assert_eq!(sees(Some(&f.tokens["Posta Shqiptare"])), [1, 2, 3].map(id).to_vec());
    assert_eq!(sees(None), vec![id(1)]);
    // Manifest, object, versions and status follow the same rule.
    let manifest = object_ids(get(&format!("{base}/manifest/"), Some(&f.tokens["Posta Shqiptare"])));
    assert_eq!(manifest, [1, 2, 3].map(id).to_vec());
    assert_taxii_error(get(&format!("{base}/objects/{}/", id(4)), Some(&f.tokens["Posta Shqiptare"])), 404);
    assert_taxii_error(get(&format!("{base}/objects/{}/versions/", id(5)), Some(&f.tokens["Correos"])), 404);
    assert_eq!(get(&format!("{base}/objects/{}/", id(4)), Some(&f.tokens["Correos"])).status().as_u16(), 200);
    let status_url = format!("{}/isac/status/{}/", server.url, status["id"].as_str().expect("id"));
    assert_eq!(get(&status_url, Some(&f.tokens["La Poste"])).status().as_u16(), 200);
    assert_taxii_error(get(&status_url, Some(&f.tokens["Correos"])), 404);
    // Deleting: only the producer.
    let del = client()
        .delete(format!("{base}/objects/{}/", id(2)))
        .bearer_auth(&f.tokens["Correos"])
        .header("Accept", TAXII)
        .send()
        .expect("delete");
    assert_taxii_error(del, 403);
    let del = client()
        .delete(format!("{base}/objects/{}/", id(2)))
        .bearer_auth(&f.tokens["La Poste"])
        .header("Accept", TAXII)
        .send()
        .expect("delete");
    assert_eq!(del.status().as_u16(), 200);
    assert_eq!(sees(Some(&f.tokens["Correos"])), [1, 3, 4].map(id).to_vec());
    // Every write and refusal is in the audit log.
    let audit = cli(f.dir.path(), &["audit"]);
    let actions: Vec<&str> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["action"].as_str()).collect();
    assert!(actions.contains(&"objects.add") && actions.contains(&"object.delete") && actions.contains(&"token.issue"), "{actions:?}");
}

#[test]
fn acknowledged_objects_survive_kill9_and_cursors_survive_restart() {
    let f = fixture();
    let poste = f.tokens["La Poste"].clone();
    let server = Server::start(f.dir.path());
    let base = format!("{}/isac/collections/{}", server.url, f.collection);
    for chunk in 0..3u32 {
        let objs: Vec<Value> = (0..100).map(|i| indicator(chunk * 100 + i, tlp::TLP2_GREEN)).collect();
        assert_eq!(post(&format!("{base}/objects/"), &poste, &json!({"objects": objs})).status().as_u16(), 202);
    }
    let first: Value = get(&format!("{base}/objects/?limit=100"), Some(&poste)).json().expect("page");
    let next = first["next"].as_str().expect("next cursor").to_string();
    server.kill9();

    let server = Server::start(f.dir.path());
    assert!(server.admin_token.is_none(), "the first admin token is printed only once");
    let base = format!("{}/isac/collections/{}", server.url, f.collection);
    let mut ids: Vec<String> =
        first["objects"].as_array().expect("objects").iter().map(|o| o["id"].as_str().unwrap_or_default().to_string()).collect();
    let mut cursor = Some(next);
    while let Some(c) = cursor {
        let page: Value = get(&format!("{base}/objects/?limit=100&next={c}"), Some(&poste)).json().expect("page");
        ids.extend(page["objects"].as_array().expect("objects").iter().map(|o| o["id"].as_str().unwrap_or_default().to_string()));
        cursor = page["next"].as_str().map(String::from);
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((ids.len(), unique.len()), (300, 300), "no loss, no duplicate across kill -9 and restart");
}

#[test]
fn first_start_prints_an_admin_token_that_works_and_health_and_metrics_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let server = Server::start(dir.path());
    let token = server.admin_token.clone().expect("admin token printed on first start");
    let r = get(&format!("{}/isac/collections/", server.url), Some(&token));
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(client().get(format!("{}/healthz", server.url)).send().expect("healthz").text().expect("text"), "ok\n");
    let discovery: Value = get(&format!("{}/taxii2/", server.url), None).json().expect("discovery");
    assert_eq!(discovery["default"], json!(format!("{}/isac/", server.url)));
    let metrics = client().get(format!("{}/metrics", server.url)).send().expect("metrics").text().expect("text");
    assert!(metrics.contains("postern_http_requests_total"), "{metrics}");

    // SIGTERM drains and exits cleanly.
    let mut server = server;
    let pid = server.child.id().to_string();
    assert!(std::process::Command::new("kill").args(["-TERM", &pid]).status().expect("kill").success());
    let status = server.child.wait().expect("wait");
    assert!(status.success(), "serve exited with {status:?} after SIGTERM");
}

#[test]
fn serves_taxii_over_tls_with_the_given_certificate() {
    let f = fixture();
    let dir = f.dir.path();
    let (cert, key) = (dir.join("hub.crt"), dir.join("hub.key"));
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost,IP:127.0.0.1",
            "-addext",
            "basicConstraints=critical,CA:FALSE",
            "-addext",
            "extendedKeyUsage=serverAuth",
            "-keyout",
        ])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl (Debian package openssl)");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let server = Server::start_with(dir, &["--tls-cert", cert.to_str().expect("utf8"), "--tls-key", key.to_str().expect("utf8")]);
    assert!(server.url.starts_with("https://"), "{}", server.url);
    let pem = std::fs::read(&cert).expect("cert");
    let tls_client = reqwest::blocking::Client::builder()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).expect("pem"))
        .build()
        .expect("client");
    let discovery: Value =
        tls_client.get(format!("{}/taxii2/", server.url)).header("Accept", TAXII).send().expect("https get").json().expect("json");
    assert!(discovery["default"].as_str().is_some_and(|d| d.starts_with("https://")), "{discovery}");
    let objects = tls_client
        .get(format!("{}/isac/collections/{}/objects/", server.url, f.collection))
        .bearer_auth(&f.tokens["La Poste"])
        .header("Accept", TAXII)
        .send()
        .expect("https get");
    assert_eq!(objects.status().as_u16(), 200);
    // A client that does not trust the certificate is refused.
    assert!(client().get(format!("{}/healthz", server.url)).send().is_err());
}
