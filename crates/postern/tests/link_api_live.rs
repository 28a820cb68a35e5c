//! `POST /api/v1/links/check` with `"live": true` on the real server: an API server
//! (`postern serve --live-checks ...`) fetches links served by a second `postern serve` over
//! HTTPS on 127.0.0.1 (leaf signed by a test CA made with openssl), where `/members` redirects
//! to `/login`. Checks hops, final URL and certificate facts, per-hop blocklist lookups with the
//! caller's TLP audience, the operator's switch (off, members, all), the SSRF guard and the
//! heavier rate-limit cost of live URLs.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::{Server, TAXII, client, fixture};
use serde_json::{Value, json};

/// Makes a CA and a leaf for 127.0.0.1 signed by it; returns (ca.crt, leaf.crt, leaf.key).
fn certificates(dir: &Path) -> (String, String, String) {
    let p = |name: &str| dir.join(name).to_str().expect("utf8").to_string();
    let run = |args: &[&str]| {
        let out = Command::new("openssl").args(args).output().expect("openssl (Debian package openssl)");
        assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
    let (ca_key, ca_crt) = (p("ca.key"), p("ca.crt"));
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend(["-days", "2", "-subj", "/CN=Postern Live API Test CA/O=Postern Tests"]);
    ca.extend(["-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
    ca.extend(["-keyout", &ca_key, "-out", &ca_crt]);
    run(&ca);
    let (leaf_key, leaf_csr, leaf_crt, ext) = (p("leaf.key"), p("leaf.csr"), p("leaf.crt"), p("leaf.ext"));
    let mut csr = vec!["req", "-new"];
    csr.extend(ec);
    csr.extend(["-subj", "/CN=127.0.0.1", "-keyout", &leaf_key, "-out", &leaf_csr]);
    run(&csr);
    std::fs::write(
        &ext,
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=critical,CA:FALSE\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n",
    )
    .expect("write ext");
    let mut sign = vec!["x509", "-req", "-in", &leaf_csr, "-CA", &ca_crt, "-CAkey", &ca_key];
    sign.extend(["-set_serial", "2", "-days", "2", "-extfile", &ext, "-out", &leaf_crt]);
    run(&sign);
    (ca_crt, leaf_crt, leaf_key)
}

/// Posts a link check; returns the status, the Content-Type and the JSON body.
fn check(url: &str, token: Option<&str>, body: Value) -> (u16, String, Value) {
    let mut r = client().post(format!("{url}/api/v1/links/check")).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let resp = r.send().expect("post");
    let status = resp.status().as_u16();
    let ctype = resp.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    (status, ctype, resp.json().unwrap_or(Value::Null))
}

/// Polls until `pred` holds (the blocklists refresh in the background), failing after 30 s.
fn eventually(what: &str, mut pred: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !pred() {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn rank(level: &Value) -> usize {
    ["benign", "suspicious", "malicious"].iter().position(|l| level == *l).unwrap_or_else(|| panic!("not a level: {level}"))
}

#[test]
fn a_live_check_follows_redirects_over_tls_and_judges_every_hop_for_the_caller() {
    let target_dir = tempfile::tempdir().expect("tempdir");
    let (ca, cert, key) = certificates(target_dir.path());
    let target = Server::start_with(target_dir.path(), &["--tls-cert", &cert, "--tls-key", &key]);
    assert!(target.url.starts_with("https://127.0.0.1:"), "{}", target.url);
    let f = fixture();
    let api = Server::start_with(f.dir.path(), &["--live-checks", "all", "--live-allow-loopback", "--live-ca-file", &ca]);
    let start = format!("{}/members", target.url);
    let login = format!("{}/login", target.url);

    // One URL, anonymous: the item is the verdict plus `offline` and `live`.
    let (s, _, v) = check(&api.url, None, json!({"url": start, "live": true}));
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["url"], start.as_str(), "{v}");
    let live = &v["live"];
    assert_eq!(live["error"], Value::Null, "{v}");
    let hops = live["hops"].as_array().expect("hops");
    assert_eq!(hops.len(), 2, "{v}");
    assert_eq!(hops[0]["url"], start.as_str());
    assert_eq!(hops[0]["status"], 303, "{v}");
    assert_eq!(hops[0]["address"], "127.0.0.1", "{v}");
    assert_eq!(hops[1]["url"], login.as_str(), "{v}");
    assert!(!(300..400).contains(&hops[1]["status"].as_u64().expect("status")), "{v}");
    assert_eq!(live["final_url"], login.as_str(), "{v}");
    let issuer = live["tls_issuer"].as_str().expect("issuer");
    assert!(issuer.contains("CN=Postern Live API Test CA"), "{issuer}");
    let not_before = chrono::DateTime::parse_from_rfc3339(live["tls_not_before"].as_str().expect("not before")).expect("RFC 3339");
    let age = chrono::Utc::now().signed_duration_since(not_before);
    assert!(age >= chrono::Duration::seconds(-5) && age < chrono::Duration::hours(1), "certificate made just now: {not_before}");
    assert!(rank(&v["offline"]["verdict"]) <= rank(&v["verdict"]), "{v}");
    assert!(hops.iter().all(|h| rank(&h["verdict"]) <= rank(&v["verdict"]) && h["score"].is_u64()), "{v}");

    // A batch: a bad line is an error object without a fetch; the rest is fetched.
    let (s, _, v) = check(&api.url, None, json!({"urls": [start, "not a url at all \u{0007}"], "live": true}));
    assert_eq!(s, 200, "{v}");
    let results = v["results"].as_array().expect("results");
    assert_eq!(results[0]["live"]["final_url"], login.as_str(), "{v}");
    assert!(results[1]["error"]["code"].is_string() && results[1]["live"].is_null(), "{v}");
    // At most 10 URLs per live request.
    let eleven: Vec<String> = (0..11).map(|i| format!("{}/x{i}", target.url)).collect();
    let (s, ctype, v) = check(&api.url, None, json!({"urls": eleven, "live": true}));
    assert_eq!((s, ctype.as_str()), (400, "application/problem+json"), "{v}");
    assert!(v["detail"].as_str().is_some_and(|d| d.contains("at most 10")), "{v}");

    // A RED indicator for the second hop: its producer's live check names it; another member's
    // and an anonymous caller's never reveal it (hops use the caller's audience).
    let red_id = "indicator--55555555-6666-4777-8888-000000000001";
    let indicator = json!({
        "type": "indicator", "spec_version": "2.1", "id": red_id,
        "created": "2025-05-01T00:00:00.000Z", "modified": "2025-05-01T00:00:00.000Z",
        "pattern": format!("[url:value = '{login}']"), "pattern_type": "stix",
        "valid_from": "2025-05-01T00:00:00Z", "object_marking_refs": [tlp::TLP2_RED]
    });
    let resp = client()
        .post(format!("{}/isac/collections/{}/objects/", api.url, f.collection))
        .bearer_auth(&f.tokens["La Poste"])
        .header("Content-Type", TAXII)
        .body(json!({"objects": [indicator]}).to_string())
        .send()
        .expect("post");
    assert_eq!(resp.status().as_u16(), 202);
    let mut seen = Value::Null;
    eventually("the producer's live check matches its RED indicator on hop 2", || {
        let (_, _, v) = check(&api.url, Some(&f.tokens["La Poste"]), json!({"url": start, "live": true}));
        seen = v.clone();
        v["live"]["hops"][1]["reasons"].as_array().is_some_and(|rs| rs.iter().any(|r| r["indicator_id"] == red_id))
    });
    assert_eq!(seen["verdict"], "malicious", "the worst hop decides: {seen}");
    assert_ne!(seen["offline"]["verdict"], "malicious", "the input itself is not listed: {seen}");
    for token in [Some(f.tokens["Correos"].as_str()), None] {
        let (s, _, v) = check(&api.url, token, json!({"url": start, "live": true}));
        assert_eq!(s, 200, "{v}");
        assert_eq!(v["live"]["hops"].as_array().map(Vec::len), Some(2), "{v}");
        assert!(!v.to_string().contains(red_id), "RED indicator leaked to {token:?}: {v}");
        assert_ne!(v["verdict"], "malicious", "{v}");
    }
    drop(api);
    drop(target);
}

#[test]
fn live_checks_are_refused_when_the_operator_has_not_turned_them_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let api = Server::start(dir.path());
    let (s, ctype, v) = check(&api.url, None, json!({"url": "https://example.com/", "live": true}));
    assert_eq!((s, ctype.as_str()), (403, "application/problem+json"), "{v}");
    assert_eq!(v["status"], 403);
    assert_eq!(v["details"]["field"], "live", "{v}");
    assert!(v["detail"].as_str().is_some_and(|d| d.starts_with("live:") && d.contains("turned off")), "{v}");
    let token = api.admin_token.clone().expect("admin token");
    let (s, _, v) = check(&api.url, Some(&token), json!({"url": "https://example.com/", "live": true}));
    assert_eq!(s, 403, "members too: {v}");
    // Without `live` the same server answers offline.
    let (s, _, v) = check(&api.url, None, json!({"url": "https://example.com/"}));
    assert_eq!(s, 200, "{v}");
    assert!(v["live"].is_null(), "{v}");
}

#[test]
fn members_mode_refuses_anonymous_callers_and_the_guard_refuses_loopback() {
    let dir = tempfile::tempdir().expect("tempdir");
    let api = Server::start_with(dir.path(), &["--live-checks", "members"]);
    let own = format!("{}/members", api.url);
    let (s, ctype, v) = check(&api.url, None, json!({"url": own, "live": true}));
    assert_eq!((s, ctype.as_str()), (401, "application/problem+json"), "{v}");
    assert_eq!(v["details"]["field"], "live", "{v}");
    assert!(v["detail"].as_str().is_some_and(|d| d.starts_with("live:") && d.contains("member")), "{v}");

    // A member may ask, but without --live-allow-loopback the guard refuses before connecting:
    // the refusal is data in the item and the offline verdict is still given.
    let token = api.admin_token.clone().expect("admin token");
    let (s, _, v) = check(&api.url, Some(&token), json!({"urls": [own, "https://localhost:1/x"], "live": true}));
    assert_eq!(s, 200, "{v}");
    for item in v["results"].as_array().expect("results") {
        assert_eq!(item["live"]["error"]["code"], "ssrf_refused", "{item}");
        assert_eq!(item["live"]["error"]["hop"], 1, "{item}");
        assert!(item["live"]["error"]["message"].as_str().is_some_and(|m| m.contains("a loopback address")), "{item}");
        assert_eq!(item["live"]["hops"], json!([]), "{item}");
        assert_eq!(item["live"]["final_url"], Value::Null, "{item}");
        assert_eq!(item["verdict"], item["offline"]["verdict"], "{item}");
        assert!(item["score"].is_u64() && item["reasons"].is_array(), "{item}");
    }
    let localhost = &v["results"][1]["live"]["error"]["message"];
    assert!(!localhost.to_string().contains("127.0.0.1") && !localhost.to_string().contains("::1"), "names resolve privately: {localhost}");
}

#[test]
fn anonymous_live_urls_cost_more_of_the_rate_limit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let api = Server::start_with(dir.path(), &["--live-checks", "all"]);
    // Private targets: the guard refuses each without connecting, so the batch is quick.
    let ten: Vec<String> = (1..=10).map(|i| format!("http://10.0.0.{i}/pay")).collect();
    let (s, _, v) = check(&api.url, None, json!({"urls": ten, "live": true}));
    assert_eq!(s, 200, "{v}");
    assert!(v["results"].as_array().expect("results").iter().all(|r| r["live"]["error"]["code"] == "ssrf_refused"), "{v}");
    let (s, ctype, v) = check(&api.url, None, json!({"urls": ten, "live": true}));
    assert_eq!((s, ctype.as_str()), (429, "application/problem+json"), "ten live URLs twice exceed the anonymous burst: {v}");
    // The same ten offline cost one token each and still pass.
    let (s, _, v) = check(&api.url, None, json!({"urls": ten}));
    assert_eq!(s, 200, "{v}");
}

/// Probe D17 (attempt 57): IPv6 forms that translate or tunnel another address, and the other
/// special-purpose ranges, are refused before any connection, even with loopback allowed.
#[test]
fn translated_and_special_purpose_addresses_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let api = Server::start_with(dir.path(), &["--live-checks", "members", "--live-allow-loopback"]);
    let token = api.admin_token.clone().expect("admin token");
    let urls = [
        "http://[::ffff:0:127.0.0.1]/",
        "http://[64:ff9b:1::7f00:1]/",
        "http://[64:ff9b::a00:1]/",
        "http://[2001::7f00:1]/",
        "http://[2001:db8::1]/",
        "http://[100::1]/",
        "http://[5f00::1]/",
        "http://198.18.0.1/",
        "http://192.0.0.170/",
        "http://100.64.0.1/",
    ];
    let (s, _, v) = check(&api.url, Some(&token), json!({"urls": urls, "live": true}));
    assert_eq!(s, 200, "{v}");
    let results = v["results"].as_array().expect("results");
    assert_eq!(results.len(), urls.len(), "{v}");
    for (url, item) in urls.iter().zip(results) {
        assert_eq!(item["live"]["error"]["code"], "ssrf_refused", "{url}: {item}");
        assert_eq!(item["live"]["hops"], json!([]), "{url}: {item}");
    }
    // The control: loopback itself is allowed on this server, so the refusals above are the
    // ranges', not a blanket refusal (nothing listens on port 9: the fetch fails instead).
    let (_, _, v) = check(&api.url, Some(&token), json!({"url": "http://127.0.0.1:9/", "live": true}));
    assert_eq!(v["live"]["error"]["code"], "fetch_failed", "{v}");
}
