//! Stage reports as bilingual PDF, end to end: the API's `/pdf` export of an Albanian report
//! (rule set `al`: Albanian and English) is read back with poppler (page count, text) and
//! rendered to pixels with `pdftoppm` (scripts/test-deps/readiness.apt); `postern incident
//! report ID STAGE --html|--pdf|--stix` writes the three exports; another organisation gets
//! nothing.

mod common;

use std::process::Command;

use common::{Server, client, fixture};
use reqwest::StatusCode;
use serde_json::{Value, json};

#[test]
fn a_stage_report_prints_in_both_languages_and_the_cli_exports_it() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let token = &f.tokens["Posta Shqiptare"];
    let r = client()
        .post(format!("{}/api/v1/incidents", server.url))
        .bearer_auth(token)
        .json(&json!({"title": "Mashtrim me SMS: pagesë doganore", "classification": "fraud:phishing",
                      "aware": "2026-01-10T09:30:00+01:00", "jurisdiction": "al", "zone": "Europe/Tirane"}))
        .send()
        .expect("create");
    assert_eq!(r.status(), StatusCode::CREATED);
    let id = r.json::<Value>().expect("json")["id"].as_i64().expect("id");
    let r = client()
        .put(format!("{}/api/v1/incidents/{id}/reports/early_warning", server.url))
        .bearer_auth(token)
        .json(&json!({"answers": {"suspected_malicious": "yes", "cross_border_impact": "unknown"}}))
        .send()
        .expect("save");
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().unwrap_or_default());

    let r = client().get(format!("{}/api/v1/incidents/{id}/reports/early_warning/pdf", server.url)).bearer_auth(token).send().expect("pdf");
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().expect("bytes");
    assert!(bytes.starts_with(b"%PDF-"));
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, &bytes).expect("write");
    assert_eq!(common::pdfcheck::pages(&file), 1);
    let text = common::pdfcheck::text(&file);
    for needle in [
        "Raport incidenti / Incident report",
        "Paralajmërim i hershëm / Early warning",
        "TLP:AMBER+STRICT",
        "pagesë doganore",
        "Posta Shqiptare",
    ] {
        assert!(text.contains(needle), "{needle:?} not in the PDF text:\n{text}");
    }
    let pixels = dir.path().join("pixels");
    std::fs::create_dir(&pixels).expect("dir");
    let ink = common::pdfcheck::ink_per_page(&file, &pixels);
    assert_eq!(ink.len(), 1);
    assert!(ink[0] > 0.01 && ink[0] < 0.5, "the page is rendered with text on it: {ink:?}");

    // Another organisation gets the 404 of a case that does not exist.
    let r = client()
        .get(format!("{}/api/v1/incidents/{id}/reports/early_warning/pdf", server.url))
        .bearer_auth(&f.tokens["Correos"])
        .send()
        .expect("pdf");
    assert_eq!(r.status(), StatusCode::NOT_FOUND);

    // The CLI writes each export.
    for (flag, check) in [("--pdf", b"%PDF-".as_slice()), ("--html", b"<!doctype html>".as_slice()), ("--stix", b"{".as_slice())] {
        let out = dir.path().join(format!("cli{flag}"));
        let run = Command::new(common::exe())
            .args(["incident", "report", &id.to_string(), "early_warning", flag, "--hub", &server.url, "--token", token, "--out"])
            .arg(&out)
            .output()
            .expect("run postern");
        assert!(run.status.success(), "{flag}: {}", String::from_utf8_lossy(&run.stderr));
        let got = std::fs::read(&out).expect("export written");
        assert!(got.starts_with(check), "{flag}: {}", String::from_utf8_lossy(&got[..got.len().min(80)]));
    }
    let bundle: Value = serde_json::from_slice(&std::fs::read(dir.path().join("cli--stix")).expect("stix")).expect("json");
    assert_eq!(bundle["type"], "bundle");
    // A refusal names what is wrong and exits non-zero.
    let run = Command::new(common::exe())
        .args(["incident", "report", &id.to_string(), "no_such_stage", "--pdf", "--hub", &server.url, "--token", token])
        .output()
        .expect("run postern");
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("refused"), "{}", String::from_utf8_lossy(&run.stderr));
}
