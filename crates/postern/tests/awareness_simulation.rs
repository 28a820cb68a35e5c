//! Phishing simulation end to end with the real binary: `awareness campaign create --dry-run`
//! prints links that the `postern serve` of the same data directory answers; scanner-like hits
//! are not counted as people; results count clicks by evidence, submissions and reports; and a
//! password posted to the landing form reaches neither the database files, nor the logs, nor
//! /metrics.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

const BROWSER: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
const PUBLIC: &str = "https://sim.poste.example";

fn postern(data: &Path, args: &[&str]) -> Output {
    Command::new(common::exe()).arg("--data").arg(data).arg("--json").args(args).output().expect("run postern")
}

fn targets_csv(dir: &Path, rows: &[(&str, &str)]) -> String {
    let mut csv = String::from("name,email,group,badge\n");
    for (i, (email, group)) in rows.iter().enumerate() {
        csv += &format!("Person {i},{email},{group},{i}\n");
    }
    let path = dir.join("targets.csv");
    std::fs::write(&path, csv).expect("write csv");
    path.to_str().expect("utf-8 path").to_string()
}

/// Creates a dry-run campaign and returns its id and the paths of its links, by address.
fn dry_run(data: &Path, csv: &str) -> (i64, Vec<(String, String)>) {
    let out = common::cli(
        data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            "Winter parcels",
            "--targets",
            csv,
            "--channel",
            "email",
            "--template",
            "redelivery-email",
            "--dry-run",
            "--public-url",
            PUBLIC,
        ],
    );
    assert_eq!((out["state"].as_str(), out["started"].as_bool()), (Some("draft"), Some(false)), "{out}");
    let links = out["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| {
            let url = l["url"].as_str().expect("url");
            let path = url.strip_prefix(PUBLIC).expect("links are built on --public-url");
            (l["target"].as_str().expect("target").to_string(), path.to_string())
        })
        .collect();
    (out["id"].as_i64().expect("id"), links)
}

/// The beacon URL the landing page gives its script.
fn beacon_of(page: &str) -> String {
    let start = page.find("data-beacon=\"").expect("the landing page carries its beacon") + "data-beacon=\"".len();
    page[start..].split('"').next().expect("beacon url").replace("&amp;", "&")
}

#[test]
fn dry_run_links_are_served_and_results_count_people_by_evidence() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let mut rows: Vec<(String, &str)> = (0..6).map(|i| (format!("clerk{i}@poste.example"), "counter")).collect();
    rows.push(("driver@poste.example".into(), "depot"));
    let borrowed: Vec<(&str, &str)> = rows.iter().map(|(e, g)| (e.as_str(), *g)).collect();
    let (id, links) = dry_run(&data, &targets_csv(dir.path(), &borrowed));
    assert_eq!(links.len(), 7);
    assert_eq!(links[0].0, "clerk0@poste.example");

    let server = common::Server::start(&data);
    let http = common::client();
    let at = |path: &str| format!("{}{path}", server.url);

    // A person: opens the page, reads it, touches it; the script's beacon arrives after a while.
    let page = http.get(at(&links[0].1)).header("user-agent", BROWSER).send().expect("link");
    assert_eq!(page.status(), 200);
    assert!(page.headers()["content-security-policy"].to_str().expect("csp").contains("default-src 'none'"));
    let page = page.text().expect("page");
    let form = &page[page.find("<form").expect("form")..page.find("</form>").expect("form end")];
    assert!(!form.contains("name="), "the landing form has no named field: {form}");
    let beacon = beacon_of(&page);
    // A reader spends more than a second on the page; the classifier requires it.
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    let sent = http.post(at(&format!("{beacon}&i=1"))).header("user-agent", BROWSER).send().expect("beacon");
    assert_eq!(sent.status(), 204);
    // The same beacon again, and a forged one, are refused and recorded nowhere.
    let replay = http.post(at(&format!("{beacon}&i=1"))).header("user-agent", BROWSER).send().expect("replay");
    assert_eq!(replay.status(), 409);
    let forged = format!("{}/b?v=00000000000000000000000000000000&i=1", links[1].1);
    assert_eq!(http.post(at(&forged)).header("user-agent", BROWSER).send().expect("forged").status(), 404);

    // A mail scanner: two GETs with a browser user agent and no script.
    for _ in 0..2 {
        assert_eq!(http.get(at(&links[1].1)).header("user-agent", BROWSER).send().expect("scan").status(), 200);
    }
    // A gateway's HEAD probe.
    assert_eq!(http.head(at(&links[2].1)).header("user-agent", BROWSER).send().expect("head").status(), 200);
    // A crawler that follows the invisible link too.
    http.get(at(&links[3].1)).header("user-agent", BROWSER).send().expect("crawl");
    assert_eq!(http.get(at(&format!("{}/h", links[3].1))).header("user-agent", BROWSER).send().expect("honeypot").status(), 204);
    // Someone who fills the form without script: probable, and the teaching page comes back.
    http.get(at(&links[4].1)).header("user-agent", BROWSER).send().expect("link");
    let taught = http
        .post(at(&format!("{}/s", links[4].1)))
        .header("user-agent", BROWSER)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("a=1&b=2")
        .send()
        .expect("submit");
    assert_eq!(taught.status(), 200);
    let taught = taught.text().expect("teaching page");
    assert!(taught.contains("simulation") && taught.contains("Dear customer"), "{taught}");
    // Someone reports the message instead: the security team records it from any of its links.
    let reported = common::cli(&data, &["awareness", "campaign", "report", &format!("{PUBLIC}{}/h", links[5].1)]);
    assert_eq!(reported["reported"], true);
    // Unknown and malformed tokens are not found.
    assert_eq!(http.get(at("/a/0123456789abcdef0123456789abcdef")).send().expect("unknown").status(), 404);
    assert_eq!(http.get(at("/a/not-a-token")).send().expect("malformed").status(), 404);

    let r = common::cli(&data, &["awareness", "campaign", "results", &id.to_string()]);
    assert_eq!(r["clicks"], serde_json::json!({"machine": 3, "probable_human": 1, "confirmed_human": 1}), "{r}");
    assert_eq!((r["submissions"].as_u64(), r["reports"].as_u64(), r["targets"].as_u64()), (Some(1), Some(1), Some(7)), "{r}");
    assert!((r["report_rate"].as_f64().expect("rate") - 1.0 / 7.0).abs() < 1e-9, "{r}");
    assert!(r["median_seconds_to_first_report"].as_i64().is_some(), "{r}");
    assert_eq!(r["difficulty"], "hard");
    let groups = r["groups"].as_array().expect("groups");
    assert_eq!(groups[0]["group"], "counter");
    assert_eq!(groups[0]["clicks"]["confirmed_human"], 1);
    assert_eq!(groups[1], serde_json::json!({"group": "depot", "suppressed": true}));
}

#[test]
fn bad_target_lists_and_missing_governance_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let create_with = |csv: &str, template: &str, extra: &[&str]| {
        let mut args = vec![
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            "n",
            "--targets",
            csv,
            "--channel",
            "email",
            "--template",
            template,
            "--public-url",
            PUBLIC,
        ];
        args.extend_from_slice(extra);
        let out = postern(&data, &args);
        assert!(!out.status.success(), "{args:?} must fail");
        let v: Value = serde_json::from_slice(&out.stdout).expect("json error");
        v["error"].as_str().expect("error").to_string()
    };
    let create = |csv: &str, extra: &[&str]| create_with(csv, "redelivery-email", extra);
    let dup = targets_csv(dir.path(), &[("a@poste.example", "g"), ("b@poste.example", "g"), ("A@poste.example", "g")]);
    assert!(create(&dup, &["--dry-run"]).contains("line 4: email 'A@poste.example' already appears on line 2"));
    let bad = targets_csv(dir.path(), &[("a@poste.example", "g"), ("a.poste.example", "g")]);
    assert!(create(&bad, &["--dry-run"]).contains("line 3: email 'a.poste.example' has no '@'"));
    let ok = targets_csv(dir.path(), &[("a@poste.example", "g")]);
    let err = create(&ok, &["--legal-basis", "GDPR Art. 6(1)(f)"]);
    assert!(err.contains("cannot start") && err.contains("--staff-notice"), "{err}");
    assert!(create_with(&ok, "parcel-held-sms", &["--dry-run"]).contains("template 'parcel-held-sms' is an sms lure"));
    let listed = common::cli(&data, &["awareness", "campaign", "list", "--org", "La Poste"]);
    assert_eq!(listed["campaigns"], serde_json::json!([]), "a refused campaign leaves nothing behind");
    // An opted-out address is left out of the next campaign.
    common::cli(&data, &["awareness", "campaign", "opt-out", "--org", "La Poste", "B@poste.example"]);
    let two = targets_csv(dir.path(), &[("a@poste.example", "g"), ("b@poste.example", "g")]);
    let (_, links) = dry_run(&data, &two);
    assert_eq!(links.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["a@poste.example"]);
}

/// `postern serve` with its logs (at debug level) going to a file.
fn serve_logging(data: &Path, log: &Path) -> (Child, String) {
    let mut child = Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(["--json", "serve", "--no-config", "--listen", "127.0.0.1:0"])
        .env("RUST_LOG", "debug")
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(log).expect("log file"))
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
    (child, url)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn a_password_posted_to_the_landing_form_reaches_no_database_log_or_metric() {
    const SECRET: &str = "Zq7-Parcel-Secret-91fe4c";
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let (id, links) = dry_run(&data, &targets_csv(dir.path(), &[("ana@poste.example", "counter")]));
    let log = dir.path().join("serve.log");
    let (mut child, url) = serve_logging(&data, &log);
    let http = common::client();
    let link = &links[0].1;
    let page = http.get(format!("{url}{link}")).header("user-agent", BROWSER).send().expect("link").text().expect("page");
    // A form with named fields, as a phishing kit would post it, and the secret in every place a
    // careless server might keep it: the body of the form, the body of the beacon, a query string.
    let form = format!("login=ana&password={SECRET}");
    let posted = http
        .post(format!("{url}{link}/s"))
        .header("user-agent", BROWSER)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form)
        .send()
        .expect("submit");
    assert_eq!(posted.status(), 200);
    let beacon = http.post(format!("{url}{}&i=0", beacon_of(&page))).body(SECRET).send().expect("beacon");
    assert_eq!(beacon.status(), 204);
    // A kit that sends the form by GET puts the secret in the query string of the link itself.
    let by_get = http.get(format!("{url}{link}?password={SECRET}")).header("user-agent", BROWSER).send().expect("get form");
    assert_eq!(by_get.status(), 200);
    let metrics = http.get(format!("{url}/metrics")).send().expect("metrics").text().expect("metrics text");
    let _ = child.kill();
    let _ = child.wait();

    // The submission was recorded, with its field count only.
    let r = common::cli(&data, &["awareness", "campaign", "results", &id.to_string()]);
    assert_eq!(r["submissions"], 1, "{r}");
    let mut checked = 0;
    for entry in std::fs::read_dir(&data).expect("data dir") {
        let path = entry.expect("entry").path();
        if path.is_file() {
            let bytes = std::fs::read(&path).expect("read");
            assert!(!contains(&bytes, SECRET.as_bytes()), "the secret reached {}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 1, "the database files were checked");
    let logged = std::fs::read(&log).expect("log");
    assert!(contains(&logged, b"request"), "the server logged its requests at debug level");
    assert!(!contains(&logged, SECRET.as_bytes()), "the secret reached the logs");
    assert!(metrics.contains("/a/{token}/s"), "metrics name the route template: {metrics}");
    assert!(!metrics.contains(SECRET), "the secret reached /metrics");
}
