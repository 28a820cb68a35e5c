//! The campaign sender against a real SMTP server (aiosmtpd from PyPI, see
//! scripts/test-deps/awareness.pip) on 127.0.0.1: what was delivered is read back; a refused
//! recipient stops the run, and the next run resumes without sending anyone twice.

mod common;

use std::path::Path;
use std::process::Command;

use serde_json::Value;

const PUBLIC: &str = "https://sim.poste.example";

use common::smtp::{delivered, sink_with};

fn sink(out: &Path, refuse_flag: &Path) -> common::smtp::Sink {
    sink_with(out, refuse_flag, &refuse_flag.with_extension("stall"))
}

fn send(data: &Path, id: &str, port: u16) -> std::process::Output {
    send_within(data, id, port, 20)
}

fn send_within(data: &Path, id: &str, port: u16, timeout: u64) -> std::process::Output {
    Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(["--json", "awareness", "campaign", "send", id, "--smtp", &format!("127.0.0.1:{port}")])
        .args(["--from", "security@poste.example", "--brand", "Poste Demo", "--domain", "poste.example", "--public-url", PUBLIC])
        .args(["--timeout", &timeout.to_string()])
        .output()
        .expect("run postern")
}

/// Creates a running campaign (its governance on record) of the targets in `csv`.
fn running(data: &Path, csv: &Path, template: &str, lang: &str) -> Value {
    let csv = csv.to_str().expect("utf-8");
    let args = ["awareness", "campaign", "create", "--org", "La Poste", "--name", "w", "--targets", csv, "--channel", "email"];
    let governance = ["--legal-basis", "RGPD art. 6(1)(f)", "--staff-notice", "Note intranet du 2026-11-02"];
    common::cli(data, &[&args[..], &["--template", template, "--lang", lang, "--public-url", PUBLIC], &governance].concat())
}

#[test]
fn messages_reach_a_real_smtp_server_once_each_and_a_refusal_resumes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let out = dir.path().join("mail");
    std::fs::create_dir(&out).expect("mail dir");
    let flag = dir.path().join("refuse");
    std::fs::write(&flag, "").expect("flag");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "email,name,group\nana@poste.example,Ana,counter\nrefuse-bo@poste.example,Bo,counter\ncy@poste.example,,depot\n")
        .expect("csv");
    let created = running(&data, &csv, "staff-account-email", "fr");
    let id = created["id"].as_i64().expect("id").to_string();
    let links: Vec<(String, String)> = created["links"]
        .as_array()
        .expect("links")
        .iter()
        .map(|l| (l["target"].as_str().expect("target").into(), l["url"].as_str().expect("url").into()))
        .collect();
    let smtp = sink(&out, &flag);

    // The relay refuses the second recipient: the run stops there, naming what happened.
    let first = send(&data, &id, smtp.port);
    assert!(!first.status.success());
    let err: Value = serde_json::from_slice(&first.stdout).expect("json error");
    let err = err["error"].as_str().expect("error");
    assert!(err.contains("refused") && err.contains("run the command again to resume"), "{err}");
    assert_eq!(delivered(&out).len(), 1);

    // The relay takes everyone now: the second run sends the two left, and Ana not again.
    std::fs::remove_file(&flag).expect("remove flag");
    let second = send(&data, &id, smtp.port);
    assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stdout));
    let summary: Value = serde_json::from_slice(&second.stdout).expect("json");
    assert_eq!((summary["sent"].as_u64(), summary["already_sent"].as_u64()), (Some(2), Some(1)), "{summary}");
    let third: Value = serde_json::from_slice(&send(&data, &id, smtp.port).stdout).expect("json");
    assert_eq!(third["sent"], 0, "a finished campaign sends nothing more");

    let mail = delivered(&out);
    let recipients: Vec<&str> = mail.iter().map(|m| m["to"][0].as_str().expect("to")).collect();
    assert_eq!(recipients, ["ana@poste.example", "refuse-bo@poste.example", "cy@poste.example"]);
    for ((address, url), m) in links.iter().zip(&mail) {
        let text = m["data"].as_str().expect("data");
        assert_eq!(m["to"][0], address.as_str());
        assert!(text.contains("security@poste.example"), "{text}");
        assert!(!text.contains("{{"), "every placeholder is filled: {text}");
        // The body is quoted-printable or base64 when it carries accents: decode loosely by
        // looking for the token, which is plain hex either way in quoted-printable.
        let token = url.rsplit('/').next().expect("token");
        assert!(text.contains(token) || text.replace("=\r\n", "").contains(token) || base64_contains(text, token), "{text}");
    }
    // A dry run sends nothing.
    let dry = common::cli(
        &data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            "d",
            "--targets",
            csv.to_str().expect("utf-8"),
            "--channel",
            "email",
            "--template",
            "redelivery-email",
            "--dry-run",
            "--public-url",
            PUBLIC,
        ],
    );
    let refused = send(&data, &dry["id"].as_i64().expect("id").to_string(), smtp.port);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stdout).contains("dry run"));
    assert_eq!(delivered(&out).len(), 3);
}

#[test]
fn a_relay_that_hangs_mid_campaign_times_out_and_the_next_run_resumes_without_sending_twice() {
    let room = common::smtp::Mailroom::new();
    let (data, out) = (&room.data, &room.out);
    room.hang();
    let csv = room.dir.path().join("t.csv");
    std::fs::write(&csv, "email\nana@poste.example\nstall-bo@poste.example\ncy@poste.example\ndee@poste.example\n").expect("csv");
    let created = running(&data, &csv, "redelivery-email", "en");
    let id = created["id"].as_i64().expect("id").to_string();
    let smtp = room.sink();

    // The relay stops answering at the second recipient: the run gives up after its timeout,
    // having delivered the first one only.
    for _ in 0..2 {
        let began = std::time::Instant::now();
        let hung = send_within(&data, &id, smtp.port, 2);
        assert!(!hung.status.success());
        let err: Value = serde_json::from_slice(&hung.stdout).expect("json error");
        let err = err["error"].as_str().expect("error");
        assert!(err.contains("failed") && err.contains("run the command again to resume"), "{err}");
        assert!(began.elapsed() < std::time::Duration::from_secs(15), "the timeout bounds the run: {:?}", began.elapsed());
        assert_eq!(delivered(&out).len(), 1, "a second run while the relay still hangs sends nobody again");
    }

    // The relay answers again: the rest goes out, the first recipient not a second time.
    room.answer();
    let resumed = send_within(&data, &id, smtp.port, 2);
    assert!(resumed.status.success(), "{}", String::from_utf8_lossy(&resumed.stdout));
    let summary: Value = serde_json::from_slice(&resumed.stdout).expect("json");
    assert_eq!((summary["sent"].as_u64(), summary["already_sent"].as_u64()), (Some(3), Some(1)), "{summary}");
    let mut recipients: Vec<String> = delivered(&out).iter().map(|m| m["to"][0].as_str().expect("to").to_string()).collect();
    recipients.sort();
    assert_eq!(recipients, ["ana@poste.example", "cy@poste.example", "dee@poste.example", "stall-bo@poste.example"]);
}

/// Whether a base64 body part of `message` decodes to text containing `needle`.
fn base64_contains(message: &str, needle: &str) -> bool {
    use base64::Engine;
    let body = message.split("\r\n\r\n").nth(1).unwrap_or_default().replace("\r\n", "");
    base64::engine::general_purpose::STANDARD.decode(body.trim()).ok().is_some_and(|b| String::from_utf8_lossy(&b).contains(needle))
}
