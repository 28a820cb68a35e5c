//! `postern incident create|list|show` end to end: the real binary against a running hub,
//! mirroring `/api/v1/incidents` (same answers with `--json`, refusals naming the field, another
//! organisation's token seeing nothing).

mod common;

use std::process::{Command, Output};

use common::{Server, exe, fixture};
use serde_json::Value;

fn incident(server: &Server, token: &str, args: &[&str]) -> Output {
    Command::new(exe())
        .args(["--json", "incident"])
        .args(args)
        .env("POSTERN_HUB", &server.url)
        .env("POSTERN_TOKEN", token)
        .env_remove("POSTERN_CONFIG")
        .output()
        .expect("run postern")
}

/// What a failed run said: with `--json` the error is a JSON object on stdout.
fn said(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

fn json_of(out: &Output) -> Value {
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn create_list_and_show_mirror_the_api() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let (lp, co) = (&f.tokens["La Poste"], &f.tokens["Correos"]);
    let created = json_of(&incident(
        &server,
        lp,
        &[
            "create",
            "--title",
            "Ransomware on counter systems",
            "--classification",
            "malicious-code:infected-system",
            "--severity",
            "high",
            "--service",
            "counters",
            "--service",
            "postal-financial-services",
            "--aware",
            "2026-03-28T23:30:00+01:00",
            "--tz",
            "Europe/Paris",
        ],
    ));
    let id = created["id"].as_i64().expect("id");
    assert_eq!(created["impact"]["services"], serde_json::json!(["counters", "postal-financial-services"]));
    // 24 h of elapsed time across the spring DST change: 01:00 local is not 23:30 local.
    let ew = created["clock"]["stages"].as_array().expect("stages").iter().find(|s| s["stage"] == "early_warning").cloned();
    let ew = ew.expect("early warning");
    assert_eq!((ew["due"].as_str(), ew["due_local"].as_str()), (Some("2026-03-29T22:30:00Z"), Some("2026-03-30T00:30:00+02:00")));

    let listed = json_of(&incident(&server, lp, &["list"]));
    assert_eq!(listed["incidents"].as_array().map(|l| l.iter().map(|c| c["id"].clone()).collect::<Vec<_>>()), Some(vec![id.into()]));
    let shown = json_of(&incident(&server, lp, &["show", &id.to_string()]));
    assert_eq!((shown["title"].as_str(), shown["notes"].as_array().map(Vec::len)), (Some("Ransomware on counter systems"), Some(0)));
    let api: Value =
        common::client().get(format!("{}/api/v1/incidents/{id}", server.url)).bearer_auth(lp).send().expect("get").json().expect("json");
    assert_eq!(shown["clock"], api["clock"], "the CLI prints the API's answer");

    // Another organisation's token: nothing listed, the case not found, exit status non-zero.
    assert_eq!(json_of(&incident(&server, co, &["list"]))["incidents"], serde_json::json!([]));
    let theirs = incident(&server, co, &["show", &id.to_string()]);
    assert!(!theirs.status.success());
    let err = said(&theirs);
    assert!(err.contains("HTTP 404") && !err.contains("Ransomware"), "{err}");

    // Bad input: the hub's refusal, naming the field, and nothing created.
    let bad = incident(&server, lp, &["create", "--title", "x", "--aware", "2026-03-28 23:30"]);
    assert!(!bad.status.success());
    assert!(said(&bad).contains("[field: aware]"), "{}", said(&bad));
    assert_eq!(json_of(&incident(&server, lp, &["list"]))["incidents"].as_array().map(Vec::len), Some(1));
    // A wrong token is refused, not anonymous.
    let anon = incident(&server, "not-a-token", &["list"]);
    assert!(!anon.status.success() && said(&anon).contains("HTTP 401"), "{}", said(&anon));
}

#[test]
fn the_text_output_shows_the_clock_in_both_zones() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let token = &f.tokens["Posta Shqiptare"];
    let out = Command::new(exe())
        .args(["incident", "create", "--title", "BEC on postal financial services", "--aware", "2026-01-31T10:00:00+01:00"])
        .args(["--tz", "Europe/Tirane", "--jurisdiction", "al", "--hub", &server.url, "--token", token])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("early_warning      2026-02-01T09:00:00Z (2026-02-01T10:00:00+01:00)  OVERDUE"), "{text}");
    assert!(text.contains("jurisdiction         al"), "{text}");
}
