//! `postern incident clock`: the real binary prints the NIS2 deadlines as one JSON object or a
//! table in the zone and UTC, and refuses bad input with a non-zero exit and a clear message.

mod common;

use std::process::{Command, Output};

use serde_json::{Value, json};

fn postern(args: &[&str]) -> Output {
    // No data directory is opened by this command; a temporary one keeps the test hermetic.
    let dir = tempfile::tempdir().expect("temporary directory");
    Command::new(common::exe()).arg("--data").arg(dir.path()).args(args).output().expect("run postern")
}

fn clock_json(args: &[&str]) -> Value {
    let mut all = vec!["--json", "incident", "clock"];
    all.extend_from_slice(args);
    let out = postern(&all);
    assert!(
        out.status.success(),
        "postern {all:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object on stdout")
}

/// Runs a command that must fail and returns its message (stderr, or the JSON error).
fn refused(args: &[&str]) -> String {
    let mut all = vec!["incident", "clock"];
    all.extend_from_slice(args);
    let out = postern(&all);
    assert!(!out.status.success(), "postern {all:?} succeeded: {}", String::from_utf8_lossy(&out.stdout));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn json_gives_the_four_nis2_deadlines_in_utc() {
    let v = clock_json(&["--jurisdiction", "eu", "--aware", "2026-01-30T10:00:00+01:00", "--notified", "2026-01-31T09:00:00+01:00"]);
    assert_eq!(
        v,
        json!({
            "early_warning_due": "2026-01-31T09:00:00Z",
            "notification_due": "2026-02-02T09:00:00Z",
            "final_report_due": "2026-02-28T08:00:00Z",
            "progress_report_due": null,
        })
    );
}

#[test]
fn the_month_is_counted_in_the_given_zone_and_ongoing_gives_a_progress_report() {
    // 30 January 23:30 in New York is the 31st in UTC: a month later is 28 February in UTC but
    // 28 February 23:30 EST (1 March 04:30Z) in New York.
    let args = ["--aware", "2026-01-29T00:00:00Z", "--notified", "2026-01-30T23:30:00-05:00", "--ongoing"];
    let utc = clock_json(&args);
    assert_eq!(utc["progress_report_due"], "2026-02-28T04:30:00Z");
    assert_eq!(utc["final_report_due"], Value::Null);
    let ny = clock_json(&[&args[..], &["--tz", "America/New_York"]].concat());
    assert_eq!(ny["progress_report_due"], "2026-03-01T04:30:00Z");
    assert_eq!(ny["early_warning_due"], "2026-01-30T00:00:00Z");
}

#[test]
fn without_the_notification_time_the_final_report_is_null() {
    let v = clock_json(&["--aware", "2026-03-28T12:00:00+01:00", "--tz", "Europe/Paris"]);
    // 24 real hours across the spring change.
    assert_eq!(v["early_warning_due"], "2026-03-29T11:00:00Z");
    assert_eq!(v["notification_due"], "2026-03-31T11:00:00Z");
    assert_eq!(v["final_report_due"], Value::Null);
    assert_eq!(v["progress_report_due"], Value::Null);
}

#[test]
fn albania_gives_the_nis2_delays_and_says_they_are_unconfirmed() {
    let v = clock_json(&["--jurisdiction", "al", "--aware", "2026-06-01T08:00:00+02:00", "--tz", "Europe/Tirane"]);
    assert_eq!(v["early_warning_due"], "2026-06-02T06:00:00Z");
    let out = postern(&["incident", "clock", "--jurisdiction", "al", "--aware", "2026-06-01T08:00:00+02:00", "--tz", "Europe/Tirane"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("not confirmed"));
}

#[test]
fn the_table_shows_each_deadline_in_the_zone_and_in_utc() {
    let out = postern(&[
        "incident",
        "clock",
        "--aware",
        "2026-10-24T12:00:00+02:00",
        "--notified",
        "2026-10-26T09:00:00+01:00",
        "--tz",
        "Europe/Paris",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let line =
        |stage: &str| text.lines().find(|l| l.starts_with(stage)).unwrap_or_else(|| panic!("no {stage} line in:\n{text}")).to_string();
    // Aware at 10:00Z; 24 h later is 11:00 CET (clocks went back in between).
    assert!(line("early_warning").contains("2026-10-25 11:00:00 CET"), "{text}");
    assert!(line("early_warning").contains("2026-10-25T10:00:00Z"), "{text}");
    assert!(line("final_report").contains("2026-11-26 09:00:00 CET"), "{text}");
    assert!(line("final_report").contains("2026-11-26T08:00:00Z"), "{text}");
    assert!(line("progress_report").contains("not owed"), "{text}");
}

#[test]
fn bad_input_exits_non_zero_with_a_message_naming_the_field() {
    let cases: [(&[&str], &str); 7] = [
        (&["--aware", "2099-01-01T00:00:00Z"], "aware: 2099-01-01T00:00:00+00:00 is in the future"),
        (&["--aware", "2026-06-01T00:00:00Z", "--notified", "2026-05-31T00:00:00Z"], "notified: 2026-05-31T00:00:00+00:00 is before aware"),
        (&["--aware", "2026-06-01T00:00:00Z", "--detected", "2026-06-02T00:00:00Z"], "detected: 2026-06-02T00:00:00+00:00 is after aware"),
        (&["--jurisdiction", "zz", "--aware", "2026-06-01T00:00:00Z"], "jurisdiction: unknown jurisdiction `zz` (known: al, eu)"),
        (&["--aware", "2026-06-01T00:00:00Z", "--tz", "Europe/Atlantis"], "tz: `Europe/Atlantis` is not an IANA time zone name"),
        (&["--aware", "2026-06-01 00:00"], "aware: `2026-06-01 00:00` is not an RFC 3339 time with an offset"),
        (&["--aware", "2026-06-01T00:00:00"], "is not an RFC 3339 time with an offset"),
    ];
    for (args, says) in cases {
        let message = refused(args);
        assert!(message.contains(says), "{args:?}: want `{says}` in:\n{message}");
    }
    // With --json the refusal is one JSON object with the same message.
    let out = postern(&["--json", "incident", "clock", "--aware", "2099-01-01T00:00:00Z"]);
    assert!(!out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON error object");
    assert!(v["error"].as_str().is_some_and(|e| e.contains("is in the future")), "{v}");
    // A missing --aware is clap's refusal.
    assert!(refused(&[]).contains("--aware"));
}
