//! The SMS campaign sender against a real HTTP gateway on 127.0.0.1 (Python's http.server,
//! tests/python/sms_gateway.py) that records what it received: the texts with each target's
//! link, E.164 numbers, the credential header, opt-outs honoured; a gateway error and a
//! timeout mid-campaign stop the run, and the next run resumes without sending anyone twice.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const PUBLIC: &str = "https://sim.poste.example";
const SECRET: &str = "Bearer sms-key-7f3a";

fn gateway(out: &Path, fail: &Path, slow: &Path) -> common::smtp::Sink {
    common::smtp::helper("sms_gateway.py", &[out, fail, slow])
}

fn received(out: &Path) -> Vec<Value> {
    common::smtp::delivered(out)
}

fn send(data: &Path, id: &str, port: u16, extra: &[&str]) -> (bool, Value, String) {
    let out = Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(["--json", "awareness", "campaign", "send", id, "--sms-gateway", &format!("http://127.0.0.1:{port}/v1/sms")])
        .args(["--sms-from", "PosteDemo", "--brand", "Poste Demo", "--domain", "poste.example", "--public-url", PUBLIC])
        .args(["--timeout", "2"])
        .args(extra)
        .env_remove("POSTERN_SMS_AUTH")
        .output()
        .expect("run postern");
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), serde_json::from_slice(&out.stdout).expect("json on stdout"), all)
}

fn create(data: &Path, csv: &Path, template: &str) -> (String, Vec<(String, String)>) {
    let created = common::cli(
        data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            template,
            "--targets",
            csv.to_str().expect("utf-8"),
            "--channel",
            "sms",
            "--template",
            template,
            "--lang",
            "fr",
            "--public-url",
            PUBLIC,
            "--legal-basis",
            "RGPD art. 6(1)(f)",
            "--staff-notice",
            "Note intranet du 2026-11-02",
        ],
    );
    let links = created["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| (l["target"].as_str().expect("target").into(), l["url"].as_str().expect("url").into()))
        .collect();
    (created["id"].as_i64().expect("id").to_string(), links)
}

#[test]
fn sms_reach_a_real_http_gateway_once_each_and_errors_resume() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = dir.path().join("sms");
    std::fs::create_dir(&out).expect("out dir");
    let (fail, slow) = (dir.path().join("fail"), dir.path().join("slow"));
    std::fs::write(&fail, "+33612345679").expect("fail flag");
    std::fs::write(&slow, "+33612345680").expect("slow flag");
    let key = dir.path().join("sms.key");
    std::fs::write(&key, format!("{SECRET}\n")).expect("key");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);

    // Numbers that cannot exist are refused at import, naming the line.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "phone,name\n+33 6 12 34 56 78,Ana\n+33 0 00 00 00 00,Bo\n").expect("csv");
    let refused = Command::new(common::exe())
        .arg("--data")
        .arg(&data)
        .args(["awareness", "campaign", "create", "--org", "La Poste", "--name", "x", "--targets"])
        .arg(&bad)
        .args(["--channel", "sms", "--template", "parcel-held-sms", "--dry-run", "--public-url", PUBLIC])
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success() && said.contains("line 3") && said.contains("numbering plan"), "{said}");

    let csv = dir.path().join("t.csv");
    std::fs::write(
        &csv,
        "phone,name,group\n+33 6 12 34 56 78,Ana,counter\n+33 6-12-34-56-79,Bo,counter\n+33.6.12.34.56.80,Cy,depot\n+33 (6) 12 34 56 81,Di,depot\n",
    )
    .expect("csv");
    let (id, links) = create(&data, &csv, "parcel-held-sms");
    let numbers: Vec<&str> = links.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(numbers, ["+33612345678", "+33612345679", "+33612345680", "+33612345681"], "E.164 targets");
    // Di opts out after the campaign was created: sending honours it.
    common::cli(&data, &["awareness", "campaign", "opt-out", "--org", "La Poste", "+33 6 12 34 56 81"]);
    let gw = gateway(&out, &fail, &slow);
    let auth = ["--sms-auth-file", key.to_str().expect("utf-8")];

    // The gateway answers 503 for Bo: the run stops there, naming what happened.
    let (ok, first, all) = send(&data, &id, gw.port, &auth);
    assert!(!ok);
    let err = first["error"].as_str().expect("error");
    assert!(err.contains("failed") && err.contains("HTTP 503") && err.contains("run the command again to resume"), "{err}");
    assert_eq!(received(&out).len(), 1);
    assert!(!all.contains("sms-key-7f3a"), "the credential never reaches the output: {all}");

    // Bo goes through now; the gateway keeps Cy's request past the timeout: stopped again.
    std::fs::remove_file(&fail).expect("remove fail flag");
    let (ok, second, _) = send(&data, &id, gw.port, &auth);
    assert!(!ok);
    assert!(second["error"].as_str().is_some_and(|e| e.contains("no answer before the timeout")), "{second}");
    assert_eq!(received(&out).len(), 2);

    // Everyone left is sent, nobody twice, the opted-out never.
    std::fs::remove_file(&slow).expect("remove slow flag");
    let (ok, third, all) = send(&data, &id, gw.port, &auth);
    assert!(ok, "{all}");
    assert_eq!(
        (third["sent"].as_u64(), third["already_sent"].as_u64(), third["opted_out"].as_u64()),
        (Some(1), Some(2), Some(1)),
        "{third}"
    );
    let (_, fourth, _) = send(&data, &id, gw.port, &auth);
    assert_eq!(fourth["sent"], 0, "a finished campaign sends nothing more");

    let sms = received(&out);
    assert_eq!(sms.len(), 3);
    for ((number, url), m) in links.iter().zip(&sms) {
        assert_eq!(m["path"], "/v1/sms");
        assert_eq!(m["content_type"], "application/json");
        assert_eq!(m["auth"], SECRET);
        let body: Value = serde_json::from_str(m["body"].as_str().expect("body")).expect("json body");
        assert_eq!((body["to"].as_str(), body["from"].as_str()), (Some(number.as_str()), Some("PosteDemo")), "{body}");
        let text = body["text"].as_str().expect("text");
        assert!(text.contains(url.as_str()), "each target gets its own link: {text}");
        assert!(!text.contains("{{") && text.contains("Poste Demo"), "{text}");
    }
    assert!(!sms.iter().any(|m| m["body"].as_str().is_some_and(|b| b.contains("+33612345681"))), "the opted-out number is never sent");
    // The French lure has letters outside GSM 7-bit ("dépôt"): UCS-2, split in parts of 67.
    let cy: Value = serde_json::from_str(sms[2]["body"].as_str().expect("body")).expect("json");
    let size = awareness::sms::size(cy["text"].as_str().expect("text"));
    assert_eq!((size.coding, third["sms_parts"].as_u64()), (awareness::sms::Coding::Ucs2, Some(size.parts as u64)), "{third}");
    assert!(size.parts > 1, "{size:?}");

    // A form-encoded gateway with its own field names and the credential from the environment.
    let one = dir.path().join("one.csv");
    std::fs::write(&one, "phone\n+33 7 81 23 45 67\n").expect("csv");
    let (id2, links2) = create(&data, &one, "customs-fee-sms");
    let out2 = Command::new(common::exe())
        .arg("--data")
        .arg(&data)
        .args(["--json", "awareness", "campaign", "send", &id2, "--sms-gateway", &format!("http://127.0.0.1:{}/form", gw.port)])
        .args(["--sms-from", "+33612345600", "--sms-format", "form", "--sms-fields", "To,From,Body", "--sms-auth-header", "X-Api-Key"])
        .args(["--brand", "Poste Demo", "--domain", "poste.example", "--public-url", PUBLIC])
        .env("POSTERN_SMS_AUTH", "k-42")
        .output()
        .expect("run");
    assert!(out2.status.success(), "{}", String::from_utf8_lossy(&out2.stdout));
    let m = received(&out).pop().expect("the form message");
    assert_eq!(
        (m["path"].as_str(), m["content_type"].as_str(), m["auth"].as_str()),
        (Some("/form"), Some("application/x-www-form-urlencoded"), Some("k-42"))
    );
    let form: Vec<(String, String)> = url::form_urlencoded::parse(m["body"].as_str().expect("body").as_bytes()).into_owned().collect();
    let field = |k: &str| form.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    assert_eq!((field("To"), field("From")), ("+33781234567".to_string(), "+33612345600".to_string()));
    assert!(field("Body").contains(&links2[0].1), "{form:?}");

    // An unknown campaign is a clear error.
    let (ok, refused, _) = send(&data, "999", gw.port, &auth);
    assert!(!ok && refused["error"].as_str().is_some_and(|e| e.contains("no campaign 999")), "{refused}");
}
