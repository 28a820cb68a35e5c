//! The campaign sender against a real SMTP server (aiosmtpd from PyPI, see
//! scripts/test-deps/awareness.pip) on 127.0.0.1: what was delivered is read back; a refused
//! recipient stops the run, and the next run resumes without sending anyone twice.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::Value;

const PUBLIC: &str = "https://sim.poste.example";

struct Sink {
    child: Child,
    port: u16,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sink(out: &Path, refuse_flag: &Path) -> Sink {
    let python = std::env::var("POSTERN_TEST_PYTHON")
        .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/smtp_sink.py");
    let mut child = Command::new(python).arg(script).arg(out).arg(refuse_flag).stdout(Stdio::piped()).spawn().expect("start aiosmtpd");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("port line");
    let port = line.trim().parse().expect("the sink prints its port");
    Sink { child, port }
}

fn delivered(out: &Path) -> Vec<Value> {
    let mut names: Vec<_> = std::fs::read_dir(out)
        .expect("out dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names.iter().map(|p| serde_json::from_slice(&std::fs::read(p).expect("read")).expect("json")).collect()
}

fn send(data: &Path, id: &str, port: u16) -> std::process::Output {
    Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(["--json", "awareness", "campaign", "send", id, "--smtp", &format!("127.0.0.1:{port}")])
        .args(["--from", "security@poste.example", "--brand", "Poste Demo", "--domain", "poste.example", "--public-url", PUBLIC])
        .args(["--timeout", "20"])
        .output()
        .expect("run postern")
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
    let created = common::cli(
        &data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            "w",
            "--targets",
            csv.to_str().expect("utf-8"),
            "--channel",
            "email",
            "--template",
            "staff-account-email",
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

/// Whether a base64 body part of `message` decodes to text containing `needle`.
fn base64_contains(message: &str, needle: &str) -> bool {
    use base64::Engine;
    let body = message.split("\r\n\r\n").nth(1).unwrap_or_default().replace("\r\n", "");
    base64::engine::general_purpose::STANDARD.decode(body.trim()).ok().is_some_and(|b| String::from_utf8_lossy(&b).contains(needle))
}
