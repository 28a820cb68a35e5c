//! A campaign's schedule and lifecycle end to end with the real binary and a real SMTP server
//! (aiosmtpd on 127.0.0.1): a draft cannot start without its governance; started with a future
//! start and a rate, `postern serve` sends nothing before the start and no more than the rate in
//! a minute; a hung relay stops a round and the next round resumes without sending anyone twice;
//! finishing it stops sending and its links land on the teaching page without counting; a
//! campaign whose end comes is finished by `serve`. The same start and finish through the API.

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use common::smtp::{Mailroom, delivered, wait_until};
use common::{Server, client};
use serde_json::{Value, json};

const PUBLIC: &str = "https://sim.poste.example";

fn postern(data: &Path, args: &[&str]) -> Output {
    Command::new(common::exe()).arg("--data").arg(data).arg("--json").args(args).output().expect("run postern")
}

fn in_secs(s: i64) -> String {
    (Utc::now() + chrono::Duration::seconds(s)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// A dry-run draft of `people` and its link paths.
fn draft(data: &Path, dir: &Path, name: &str, people: &[&str]) -> (String, Vec<String>) {
    let csv = dir.join(format!("{name}.csv"));
    std::fs::write(&csv, format!("email,group\n{}\n", people.iter().map(|p| format!("{p},counter")).collect::<Vec<_>>().join("\n")))
        .expect("csv");
    let out = common::cli(
        data,
        &["awareness", "campaign", "create", "--org", "La Poste", "--name", name, "--targets", csv.to_str().expect("utf-8")]
            .into_iter()
            .chain(["--channel", "email", "--template", "redelivery-email", "--dry-run", "--public-url", PUBLIC])
            .collect::<Vec<_>>(),
    );
    let links = out["links"].as_array().expect("links").iter().map(|l| l["url"].as_str().expect("url").replace(PUBLIC, "")).collect();
    (out["id"].as_i64().expect("id").to_string(), links)
}

fn recipients(out: &Path) -> Vec<String> {
    let mut r: Vec<String> = delivered(out).iter().map(|m| m["to"][0].as_str().expect("to").to_string()).collect();
    r.sort();
    r
}

fn results(data: &Path, id: &str) -> Value {
    common::cli(data, &["awareness", "campaign", "results", id])
}

#[test]
fn serve_sends_a_started_draft_on_its_schedule_and_a_finished_campaign_counts_no_more() {
    let room = Mailroom::new();
    let (data, out) = (&room.data, &room.out);
    room.hang();
    let people = ["ana@poste.example", "stall-bo@poste.example", "cy@poste.example", "dee@poste.example", "eve@poste.example"];
    let (id, links) = draft(data, room.dir.path(), "spring", &people);
    let smtp = room.sink();

    // The governance gate: a draft without a legal basis and a staff notice does not start.
    let identity = ["--from", "security@poste.example", "--brand", "Poste Demo", "--domain", "poste.example"];
    let refused = postern(&data, &[&["awareness", "campaign", "start", &id][..], &identity].concat());
    assert!(!refused.status.success());
    let why = String::from_utf8_lossy(&refused.stdout);
    assert!(why.contains("--legal-basis") && why.contains("staff_notice"), "{why}");
    let governance = ["--legal-basis", "GDPR Art. 6(1)(f)", "--staff-notice", "Intranet notice of 2026-11-02"];
    let bad_window =
        postern(&data, &[&["awareness", "campaign", "start", &id, "--send-window", "9-17"][..], &identity, &governance].concat());
    let why = String::from_utf8_lossy(&bad_window.stdout);
    assert!(why.contains("--send-window"), "a bad window names its flag: {why}");

    // Started to begin in 4 s, at most 3 messages a minute.
    let start = in_secs(4);
    let started = common::cli(
        &data,
        &[&["awareness", "campaign", "start", &id, "--start", &start, "--rate", "3"][..], &identity, &governance].concat(),
    );
    assert_eq!((started["state"].as_str(), started["dry_run"].as_bool()), (Some("scheduled"), Some(false)), "{started}");
    assert_eq!(started["rate_per_minute"], 3);
    let again = postern(&data, &["awareness", "campaign", "start", &id]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("only a draft can be started"));

    let smtp_flag = format!("127.0.0.1:{}", smtp.port);
    let server = Server::start_with(
        &data,
        &["--public-url", PUBLIC, "--campaign-smtp", &smtp_flag, "--campaign-interval-secs", "1", "--campaign-timeout-secs", "2"],
    );
    std::thread::sleep(Duration::from_secs(2));
    assert!(delivered(&out).is_empty(), "nothing goes out before the start");

    // From the start: ana, then the relay hangs at stall-bo; each round gives up after 2 s and
    // the next one resumes, sending ana nothing again.
    wait_until("the first message", Duration::from_secs(30), Duration::from_millis(200), || !delivered(&out).is_empty());
    std::thread::sleep(Duration::from_secs(5));
    assert_eq!(recipients(&out), ["ana@poste.example"], "a hung relay stops the round; no one is sent twice");
    room.answer();
    wait_until("the rate's three", Duration::from_secs(30), Duration::from_millis(200), || delivered(&out).len() == 3);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(delivered(&out).len(), 3, "at most 3 in a minute");
    assert_eq!(recipients(&out), ["ana@poste.example", "cy@poste.example", "stall-bo@poste.example"]);

    // A click while it runs counts; after `finish` nothing more is sent and a click lands on
    // the teaching page without counting.
    let http = client();
    let hit = |path: &str| {
        http.get(format!("{}{path}", server.url)).header("user-agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0").send().expect("get")
    };
    let page = hit(&links[0]).text().expect("page");
    assert!(page.contains("data-beacon"), "a running campaign's link shows the landing form");
    let before = results(&data, &id);
    let clicks =
        |r: &Value| ["machine", "probable_human", "confirmed_human"].iter().map(|k| r["clicks"][k].as_u64().expect("n")).sum::<u64>();
    assert_eq!(clicks(&before), 1);
    let finished = common::cli(&data, &["awareness", "campaign", "finish", &id]);
    assert_eq!(finished["state"], "finished");
    let teaching = hit(&links[3]);
    assert_eq!(teaching.status(), 200);
    let teaching = teaching.text().expect("page");
    assert!(!teaching.contains("data-beacon"), "a finished campaign's link is the teaching page: {teaching}");
    assert_eq!(clicks(&results(&data, &id)), 1, "the click after the end is not counted");
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(delivered(&out).len(), 3, "a finished campaign sends nothing more");
    let twice = postern(&data, &["awareness", "campaign", "finish", &id]);
    assert!(String::from_utf8_lossy(&twice.stdout).contains("finished already"));

    // A campaign with an end: everyone at once (no rate), then `serve` finishes it at its end.
    let (short, _) = draft(data, room.dir.path(), "short", &["fay@poste.example", "gus@poste.example"]);
    let end = in_secs(4);
    common::cli(&data, &[&["awareness", "campaign", "start", &short, "--end", &end][..], &identity, &governance].concat());
    wait_until("the short campaign's end", Duration::from_secs(30), Duration::from_millis(300), || {
        let list = common::cli(&data, &["awareness", "campaign", "list", "--org", "La Poste"]);
        list["campaigns"].as_array().expect("list").iter().any(|c| c["id"].to_string() == short && c["state"] == "finished")
    });
    assert_eq!(delivered(&out).len(), 5, "the two of the short campaign, once each");
    // The figures across campaigns, per group: five counter clerks reached, one click (a
    // machine's: no beacon), no repeat clicker.
    let list = common::cli(data, &["awareness", "campaign", "list", "--org", "La Poste"]);
    let counter = &list["groups"][0];
    assert_eq!(
        (counter["group"].as_str(), counter["people"].as_u64(), counter["repeat_clickers"].as_u64()),
        (Some("counter"), Some(7), Some(0)),
        "{list}"
    );
    assert_eq!(counter["by_difficulty"][0]["difficulty"], "hard");
    assert_eq!(counter["by_difficulty"][0]["confirmed_human"], 0);
    let r = results(&data, &short);
    assert_eq!((r["state"].as_str(), r["finished_at"].as_str()), (Some("finished"), Some(end.as_str())));
}

#[test]
fn the_api_starts_and_finishes_a_draft_of_its_own_organisation_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    common::cli(&data, &["org", "add", "Correos", "--country", "ES"]);
    let token =
        |org: &str| common::cli(&data, &["token", "issue", "--org", org, "--role", "admin"])["token"].as_str().expect("t").to_string();
    let (admin, other) = (token("La Poste"), token("Correos"));
    let (id, _) = draft(&data, dir.path(), "api", &["ana@poste.example"]);
    let server = Server::start(&data);
    let http = client();
    let post = |token: &str, path: &str, body: Value| {
        let r = http
            .post(format!("{}/api/v1/awareness/campaigns/{id}/{path}", server.url))
            .bearer_auth(token)
            .json(&body)
            .send()
            .expect("post");
        (r.status().as_u16(), r.json::<Value>().unwrap_or(Value::Null))
    };
    let body = json!({"brand": "Poste Demo", "domain": "poste.example", "sender": "security@poste.example", "send_window": "08:00-17:00"});
    let (status, problem) = post(&admin, "start", body.clone());
    assert_eq!(status, 400, "{problem}");
    assert!(problem["detail"].as_str().expect("detail").starts_with("legal_basis"), "{problem}");
    let mut full = body.clone();
    full["legal_basis"] = json!("GDPR Art. 6(1)(f)");
    full["staff_notice"] = json!("Intranet notice");
    full["end"] = json!("2020-01-01T00:00:00Z");
    let (status, problem) = post(&admin, "start", full.clone());
    assert_eq!(status, 400, "{problem}");
    assert!(problem["detail"].as_str().expect("detail").starts_with("end"), "{problem}");
    full["end"] = json!(in_secs(3600));
    assert_eq!(post(&other, "start", full.clone()).0, 404, "another organisation's campaign does not exist for it");
    let (status, started) = post(&admin, "start", full.clone());
    assert_eq!(
        (status, started["state"].as_str(), started["send_window"].as_str()),
        (200, Some("running"), Some("08:00-17:00")),
        "{started}"
    );
    assert_eq!(post(&admin, "start", full).0, 409);
    assert_eq!(post(&other, "finish", json!({})).0, 404);
    let (status, finished) = post(&admin, "finish", json!({}));
    assert_eq!((status, finished["state"].as_str()), (200, Some("finished")), "{finished}");
    assert_eq!(post(&admin, "finish", json!({})).0, 409);
}
