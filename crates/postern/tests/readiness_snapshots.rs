//! Scheduled readiness benchmark snapshots against the real binary: `postern serve` publishes
//! the current quarter's snapshot itself when it starts in a quarter that has none (and at each
//! quarter's start while it runs), `postern readiness snapshot [--quarter]` publishes one for
//! operators, and neither a second run nor a new submission changes a published snapshot.

mod common;

use std::process::Command;

use common::visitor::{Visitor, add_user};
use common::{Server, cli, fixture};

const FIELD_FILE: &str = "[profile]\ncounter = true\nwebsite = true\napp = false\nhandhelds = false\noutlets = false\necommerce = false\ndfs = false\negov = false\n\
[answers]\nGOV-01 = 4\nWEB-01 = 3\nWEB-02 = 3\nTRN-01 = 1\n";

/// Runs `postern --json readiness snapshot ARGS`; expects a failure, returns stdout + stderr.
fn refused(data: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(common::exe()).arg("--data").arg(data).args(["readiness", "snapshot"]).args(args).output().expect("run");
    assert!(!out.status.success(), "{args:?} must fail");
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn serve_publishes_the_quarter_s_snapshot_when_it_starts_in_a_quarter_without_one() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    // `serve` published before it listened: the command finds it there and leaves it.
    let again = cli(f.dir.path(), &["readiness", "snapshot"]);
    assert_eq!(again["published_now"], false, "{again}");
    assert!(again["as_of"].as_str().is_some_and(|a| a.ends_with("-01T00:00:00Z")), "{again}");
    drop(server);
    // A restart in the same quarter publishes nothing new.
    let _server = Server::start(f.dir.path());
    assert_eq!(cli(f.dir.path(), &["readiness", "snapshot"])["published_now"], false);
}

#[test]
fn the_command_publishes_a_past_quarter_once_and_refuses_bad_or_future_quarters() {
    let f = fixture();
    let first = cli(f.dir.path(), &["readiness", "snapshot", "--quarter", "2026Q3"]);
    assert_eq!((first["quarter"].as_str(), first["as_of"].as_str()), (Some("2026Q3"), Some("2026-07-01T00:00:00Z")));
    assert_eq!(first["published_now"], true, "{first}");
    let second = cli(f.dir.path(), &["readiness", "snapshot", "--quarter", "2026q3"]);
    assert_eq!(second["published_now"], false, "{second}");
    assert!(refused(f.dir.path(), &["--quarter", "2026Q5"]).contains("--quarter: '2026Q5' is not a quarter"));
    assert!(refused(f.dir.path(), &["--quarter", "2999Q1"]).contains("--quarter: 2999Q1 has not started yet"));
}

#[test]
fn a_new_submission_never_changes_a_published_snapshot() {
    let f = fixture();
    add_user(f.dir.path(), "alice", "La Poste", "analyst");
    let published = cli(f.dir.path(), &["readiness", "snapshot"]);
    assert_eq!(published["published_now"], true, "{published}");
    let server = Server::start(f.dir.path());
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    let before = alice.page("/members/readiness/benchmarks");
    let (status, location, body) = alice.submit("/members/readiness/import", &[("file", FIELD_FILE)]);
    assert_eq!(status, 303, "{body}");
    let (status, _, body) = alice.submit(&format!("{location}/finalise"), &[("benchmark", "on")]);
    assert_eq!(status, 303, "{body}");
    // Published again on purpose: nothing is recomputed, the page is the same.
    let after = cli(f.dir.path(), &["readiness", "snapshot"]);
    assert_eq!(
        after,
        serde_json::json!({
            "quarter": published["quarter"], "as_of": published["as_of"], "published_now": false,
            "groups_published": published["groups_published"], "groups_withheld": published["groups_withheld"],
        })
    );
    assert_eq!(alice.page("/members/readiness/benchmarks"), before);
}

/// The UPU/ISAC dashboard is for the hub's own analysts and administrators, from the published
/// snapshot only: with no eligible post it publishes nothing and its CSV is the header alone.
#[test]
fn the_dashboard_is_for_the_hub_s_analysts_and_aggregate_only() {
    let f = fixture();
    add_user(f.dir.path(), "fac", "hub", "analyst");
    add_user(f.dir.path(), "alice", "La Poste", "admin");
    let server = Server::start(f.dir.path());
    let mut fac = Visitor::new(&server.url);
    fac.login("fac");
    assert!(fac.page("/members/readiness").contains("href=\"/members/readiness/dashboard\" id=\"dashboard\""));
    let page = fac.page("/members/readiness/dashboard");
    assert!(page.contains("Readiness dashboard (UPU") && page.contains("id=\"insufficient\""), "{page}");
    let (status, content_type, csv) = fac.get_bytes("/members/readiness/dashboard.csv");
    assert_eq!((status, content_type.as_str()), (200, "text/csv; charset=utf-8"));
    assert_eq!(String::from_utf8_lossy(&csv), "as_of,region,income,posts,indicator,share_at_3\n");
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    assert!(!alice.page("/members/readiness").contains("/members/readiness/dashboard"));
    assert_eq!(alice.get("/members/readiness/dashboard").0, 403);
    assert_eq!(alice.get_bytes("/members/readiness/dashboard.csv").0, 403);
    assert_ne!(Visitor::new(&server.url).get("/members/readiness/dashboard.csv").0, 200);
}
