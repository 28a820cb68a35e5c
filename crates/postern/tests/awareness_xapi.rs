//! Quiz results as xAPI statements to a real Learning Record Store: Ralph (France Université
//! Numérique's LRS, PyPI `ralph-malph`, in the test venv from `scripts/test-deps/awareness.pip`)
//! on 127.0.0.1 with its file-system backend and HTTP Basic credentials made by `ralph auth`.
//!
//! The hub starts while the LRS is still down: the learner's page answers at once, the
//! statements wait in the queue and the failures are counted on /metrics; once the LRS is up
//! they arrive, with the next quiz's. Read back through `GET /xAPI/statements`: every actor is
//! the pseudonymous account (the hub's URL and an `l-` pseudonym), the same for both quizzes,
//! and neither the user name nor any address appears anywhere.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Server;
use common::visitor::{Visitor, add_user};
use serde_json::Value;

const KEY: &str = "postern";
const SECRET: &str = "lrs-secret-for-tests";

/// Ralph's LRS, killed when dropped.
struct Lrs {
    child: Child,
    url: String,
}

impl Drop for Lrs {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn python() -> PathBuf {
    PathBuf::from(
        std::env::var("POSTERN_TEST_PYTHON")
            .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv"),
    )
}

/// A free port on 127.0.0.1 for the LRS.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port()
}

/// The environment Ralph reads its settings from.
fn ralph_env(cmd: &mut Command, dir: &Path) {
    cmd.env("RALPH_APP_DIR", dir.join("app"))
        .env("RALPH_AUTH_FILE", dir.join("auth.json"))
        .env("RALPH_RUNSERVER_BACKEND", "fs")
        .env("RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH", dir.join("statements"))
        .env("RALPH_SENTRY_DSN", "")
        .current_dir(dir);
}

/// Writes the LRS credentials with Ralph's own `ralph auth`.
fn ralph_credentials(dir: &Path) {
    let ralph = python().parent().expect("venv bin").join("ralph");
    let mut cmd = Command::new(ralph);
    cmd.args(["auth", "-u", KEY, "-p", SECRET, "-s", "all", "-A", "postern-hub", "https://hub.example", "-w"]);
    ralph_env(&mut cmd, dir);
    let out = cmd.output().expect("run ralph auth");
    assert!(out.status.success(), "ralph auth: {}", String::from_utf8_lossy(&out.stderr));
}

/// Runs Ralph's app under uvicorn (one process). Ralph 5.1's file-system backend, the one that
/// needs no database server, creates its statements file on the first write and refuses every
/// later write to it ("already exists and overwrite is not allowed"); its data backend supports
/// appending, so the launcher makes append its default write mode. Everything else (HTTP Basic
/// authentication, statement validation, the duplicate-id check, storage and queries) is Ralph's.
const LAUNCHER: &str = "import sys, uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend
FSDataBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run('ralph.api:app', host='127.0.0.1', port=int(sys.argv[1]), log_level='warning')
";

/// Starts the LRS on `port` and waits until it answers.
fn start_lrs(dir: &Path, port: u16) -> Lrs {
    let mut cmd = Command::new(python());
    cmd.args(["-c", LAUNCHER, &port.to_string()]);
    ralph_env(&mut cmd, dir);
    let child = cmd.stdout(Stdio::null()).stderr(Stdio::inherit()).spawn().expect("start Ralph");
    let lrs = Lrs { child, url: format!("http://127.0.0.1:{port}/xAPI/") };
    let deadline = Instant::now() + Duration::from_secs(120);
    while Instant::now() < deadline {
        if statements(&lrs).is_some() {
            return lrs;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    panic!("Ralph did not answer on {}", lrs.url);
}

/// Every statement the LRS holds, or `None` while it does not answer.
fn statements(lrs: &Lrs) -> Option<Vec<Value>> {
    let resp = common::client()
        .get(format!("{}statements", lrs.url))
        .basic_auth(KEY, Some(SECRET))
        .header("X-Experience-API-Version", "1.0.3")
        .send()
        .ok()?;
    if !resp.status().is_success() {
        return None;
    }
    let body: Value = resp.json().ok()?;
    body["statements"].as_array().cloned()
}

/// Polls `check` until it holds (the sender runs every second; a failed try backs off 30 s).
fn wait_for(what: &str, check: impl FnMut() -> bool) {
    common::smtp::wait_until(what, Duration::from_secs(180), Duration::from_millis(500), check);
}

/// A series' value on the hub's /metrics.
fn metric(server: &Server, name: &str) -> Option<f64> {
    let text = common::client().get(format!("{}/metrics", server.url)).send().ok()?.text().ok()?;
    text.lines().find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
}

#[test]
fn quiz_results_reach_a_real_lrs_under_a_pseudonymous_account_even_when_it_was_down() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, lrs_dir) = (dir.path().join("hub"), dir.path().join("lrs"));
    std::fs::create_dir_all(&lrs_dir).expect("lrs dir");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    add_user(&data, "bob", "La Poste", "reader");
    ralph_credentials(&lrs_dir);
    let secret_file = dir.path().join("lrs.secret");
    std::fs::write(&secret_file, format!("{SECRET}\n")).expect("secret file");
    let port = free_port();
    let endpoint = format!("http://127.0.0.1:{port}/xAPI/");
    let secret = secret_file.to_str().expect("utf-8 path");
    let server = Server::start_with(
        &data,
        &["--xapi-endpoint", &endpoint, "--xapi-key", KEY, "--xapi-secret-file", secret, "--xapi-interval-secs", "1"],
    );

    // The LRS is down: the page answers anyway, the statements wait and the failures are counted.
    let mut bob = Visitor::new(&server.url);
    bob.login("bob");
    let (status, _, page) = bob.post(
        "/members/awareness/lessons/citizen-parcel-sms",
        "/members/awareness/lessons/citizen-parcel-sms",
        &[("q1", "0"), ("q2", "true")],
    );
    assert_eq!(status, 200);
    assert!(page.contains("Well done: 2 of 2 correct."), "{page}");
    wait_for("two failed tries on /metrics", || metric(&server, "postern_xapi_statements_failed_total").is_some_and(|n| n >= 2.0));
    assert_eq!(metric(&server, "postern_xapi_statements_pending"), Some(2.0));

    // The LRS comes up: the queued statements arrive, then the next quiz's.
    let lrs = start_lrs(&lrs_dir, port);
    wait_for("the queued statements in the LRS", || statements(&lrs).is_some_and(|s| s.len() == 2));
    let (status, _, _) =
        bob.post("/members/awareness/lessons/counter-sim-swap", "/members/awareness/lessons/counter-sim-swap", &[("q1", "9")]);
    assert_eq!(status, 200);
    wait_for("four statements in the LRS", || statements(&lrs).is_some_and(|s| s.len() == 4));
    wait_for("nothing pending", || metric(&server, "postern_xapi_statements_pending") == Some(0.0));
    assert_eq!(metric(&server, "postern_xapi_statements_sent_total"), Some(4.0));

    let held = statements(&lrs).expect("statements");
    let raw = serde_json::to_string(&held).expect("json");
    assert!(!raw.contains("bob") && !raw.contains('@') && !raw.contains("mbox"), "a name or address reached the LRS: {raw}");
    let actor = &held[0]["actor"];
    let name = actor["account"]["name"].as_str().expect("account name");
    assert!(name.starts_with("l-") && name.len() == 18, "{actor}");
    assert_eq!(actor["account"]["homePage"], server.url.as_str(), "{actor}");
    let mut verbs: Vec<&str> = Vec::new();
    for s in &held {
        assert_eq!(&s["actor"], actor, "one pseudonymous account for every statement of the learner");
        assert!(s["context"]["registration"].as_str().is_some_and(|r| r.len() == 36), "{s}");
        verbs.push(s["verb"]["id"].as_str().expect("verb").rsplit('/').next().expect("word"));
    }
    verbs.sort_unstable();
    assert_eq!(verbs, ["completed", "completed", "failed", "passed"], "{raw}");
    let passed = held.iter().find(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed").expect("passed");
    assert_eq!(passed["object"]["id"], format!("{}/xapi/activities/awareness/lessons/citizen-parcel-sms/quiz", server.url));
    assert_eq!(passed["result"]["score"]["raw"], 2);
    assert_eq!(passed["result"]["success"], true);
    let failed = held.iter().find(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed").expect("failed");
    assert_eq!(failed["result"]["score"]["raw"], 0);
}
