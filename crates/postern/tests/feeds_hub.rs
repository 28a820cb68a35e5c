//! `postern feeds import --collection --org` feeds the hub: the entries become STIX indicators,
//! and a running server's link checks turn malicious with a blocklist reason once its
//! blocklists refresh. Re-importing changes nothing; STIX feeds keep their indicator ids.

mod common;

use std::time::{Duration, Instant};

use common::{Server, TAXII, cli, client};
use serde_json::{Value, json};

fn check(url: &str, link: &str) -> Value {
    let resp = client().post(format!("{url}/api/v1/links/check")).json(&json!({"url": link})).send().expect("post");
    assert_eq!(resp.status().as_u16(), 200);
    resp.json().expect("json")
}

fn blocklisted(v: &Value) -> bool {
    v["verdict"] == "malicious"
        && v["reasons"].as_array().is_some_and(|rs| rs.iter().any(|r| r["code"].as_str().is_some_and(|c| c.starts_with("blocklist"))))
}

#[test]
fn imported_domains_reach_the_server_blocklist() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    cli(data, &["org", "add", "La Poste", "--country", "FR"]);
    let token = cli(data, &["token", "issue", "--org", "La Poste", "--role", "analyst"])["token"].as_str().expect("token").to_string();
    let c = cli(data, &["collection", "add", "feeds", "--read", "all", "--write", "La Poste", "--public"]);
    let collection = c["id"].as_str().expect("collection id").to_string();
    let feed = data.join("domains.txt");
    std::fs::write(&feed, "# a small blocklist\nplain-parcel-shop.example\n0.0.0.0 quiet-garden-tools.example\nnot a domain\n")
        .expect("write feed");

    let server = Server::start(data);
    let link = "https://www.plain-parcel-shop.example/track";
    let before = check(&server.url, link);
    assert!(!blocklisted(&before), "not listed yet: {before}");

    let feed_s = feed.to_str().expect("utf8");
    let args = ["feeds", "import", feed_s, "--format", "domains", "--collection", &collection, "--org", "La Poste", "--tlp", "clear"];
    let out = cli(data, &args);
    assert_eq!(out["domains"], 2, "{out}");
    assert_eq!(out["rejected"].as_array().map(Vec::len), Some(1), "{out}");
    assert_eq!((out["stored"].as_u64(), out["unchanged"].as_u64(), out["failed"].as_u64()), (Some(2), Some(0), Some(0)), "{out}");

    // The server rebuilds its blocklists from the hub every second.
    let deadline = Instant::now() + Duration::from_secs(30);
    let after = loop {
        let v = check(&server.url, link);
        if blocklisted(&v) {
            break v;
        }
        assert!(Instant::now() < deadline, "the imported domain never became malicious: {v}");
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(after["score"].as_u64().is_some_and(|s| s >= 90), "{after}");
    let other = check(&server.url, "http://quiet-garden-tools.example/");
    assert!(blocklisted(&other), "{other}");

    // The same feed again: nothing new.
    let again = cli(data, &args);
    assert_eq!((again["stored"].as_u64(), again["unchanged"].as_u64(), again["failed"].as_u64()), (Some(0), Some(2), Some(0)), "{again}");

    // A STIX bundle keeps its indicator's id; the stored indicator carries the feed label and TLP.
    let id = "indicator--0b5d6a3e-1f1e-4c3b-9a55-5e0c0ffee001";
    let bundle = json!({"type": "bundle", "id": "bundle--0b5d6a3e-1f1e-4c3b-9a55-5e0c0ffee000", "objects": [
        {"type": "indicator", "spec_version": "2.1", "id": id, "created": "2025-01-01T00:00:00.000Z", "modified": "2025-01-01T00:00:00.000Z",
         "pattern": "[domain-name:value = 'stix-listed-parcel.example']", "pattern_type": "stix", "valid_from": "2025-01-01T00:00:00Z"}
    ]});
    let stix_file = data.join("bundle.json");
    std::fs::write(&stix_file, bundle.to_string()).expect("write bundle");
    let out = cli(
        data,
        &[
            "feeds",
            "import",
            stix_file.to_str().expect("utf8"),
            "--format",
            "stix",
            "--collection",
            &collection,
            "--org",
            "La Poste",
            "--source",
            "partner-cert",
        ],
    );
    assert_eq!(out["stored"], 1, "{out}");
    let resp = client()
        .get(format!("{}/isac/collections/{collection}/objects/{id}/", server.url))
        .bearer_auth(&token)
        .header("Accept", TAXII)
        .send()
        .expect("get object");
    assert_eq!(resp.status().as_u16(), 200);
    let env: Value = resp.json().expect("envelope");
    let obj = &env["objects"][0];
    assert_eq!(obj["id"], id);
    assert_eq!(obj["labels"], json!(["feed:partner-cert"]));
    assert_eq!(obj["object_marking_refs"], json!([tlp::Tlp::Clear.marking_id()]));
    assert_eq!(obj["pattern"], "[domain-name:value = 'stix-listed-parcel.example']");
}

#[test]
fn without_collection_the_import_only_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let feed = dir.path().join("urls.txt");
    std::fs::write(&feed, "https://a.example/pay\njavascript:alert(1)\n").expect("write feed");
    let out = cli(dir.path(), &["feeds", "import", feed.to_str().expect("utf8"), "--format", "urls"]);
    assert_eq!(out["urls"], 1, "{out}");
    assert!(out.get("stored").is_none(), "{out}");
    // No database is created when nothing is added to the hub.
    assert!(std::fs::read_dir(dir.path()).expect("dir").count() == 1);
}
