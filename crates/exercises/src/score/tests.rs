use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::shipped_in;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn run() -> Run {
    // Speed 4: exercise minute 20 is 5 real minutes after 09:00.
    let clock = Clock::new(at("2026-03-02T09:00:00Z"), 4).unwrap();
    let participants = [("laposte", "post"), ("cert-fr", "csirt")].into_iter().map(|(o, r)| (o.to_string(), r.to_string())).collect();
    Run { clock, participants }
}

fn event(seq: i64, when: &str, org: &str, action: &str, detail: &str) -> AuditEvent {
    AuditEvent { seq, at: at(when), org: org.into(), action: action.into(), outcome: "ok".into(), detail: detail.into() }
}

fn status_of(board: &Board, id: &str) -> Status {
    board.expectations.iter().find(|e| e.id == id).unwrap().status
}

#[test]
fn audit_entries_meet_expectations_inside_their_window_only() {
    let s = shipped_in("smishing-payment", "en").unwrap();
    // i1 at minute 0 (09:00), case expected by minute 20 (09:05).
    let events = [
        event(1, "2026-03-02T08:59:00Z", "laposte", "incident.create", "fraud:phishing"),
        event(2, "2026-03-02T09:04:00Z", "cert-fr", "incident.create", "fraud:phishing"),
        event(3, "2026-03-02T09:04:30Z", "laposte", "incident.create", "fraud:phishing"),
        event(4, "2026-03-02T09:04:40Z", "laposte", "incident.create", "fraud:phishing"),
    ];
    let board = score(&s, &run(), &events, &[], at("2026-03-02T09:06:00Z"));
    let e1 = board.expectations.iter().find(|e| e.id == "e1-case-opened").unwrap();
    assert_eq!(e1.status, Status::Met);
    assert_eq!(e1.evidence.as_ref().map(|e| e.seq), Some(3), "earliest entry by the post's role inside the window");
    assert_eq!(e1.earned, 10);
    assert_eq!(board.minute, 24);
}

#[test]
fn late_wrong_detail_and_refused_entries_do_not_count() {
    let s = shipped_in("smishing-payment", "en").unwrap();
    // i2 falls due at minute 15 (09:03:45); early warning expected by minute 35 (09:08:45).
    let mut refused = event(3, "2026-03-02T09:05:00Z", "laposte", "incident.report.save", "early_warning");
    refused.outcome = "denied".into();
    let events = [
        event(1, "2026-03-02T09:05:00Z", "laposte", "incident.report.save", "notification"),
        refused,
        event(4, "2026-03-02T09:09:00Z", "laposte", "incident.report.save", "early_warning"),
    ];
    let board = score(&s, &run(), &events, &[], at("2026-03-02T09:10:00Z"));
    assert_eq!(status_of(&board, "e2-early-warning"), Status::Expired);
    let before = score(&s, &run(), &[], &[], at("2026-03-02T09:08:00Z"));
    assert_eq!(status_of(&before, "e2-early-warning"), Status::Pending);
}

#[test]
fn facilitator_marks_decide_and_the_latest_wins() {
    let s = shipped_in("smishing-payment", "en").unwrap();
    let mark = |met, when| Mark { expectation: "e7-press-line".into(), met, by: "facilitator".into(), at: at(when), note: String::new() };
    let board =
        score(&s, &run(), &[], &[mark(false, "2026-03-02T09:20:00Z"), mark(true, "2026-03-02T09:21:00Z")], at("2026-03-02T09:22:00Z"));
    assert_eq!(status_of(&board, "e7-press-line"), Status::Met);
    let board = score(&s, &run(), &[], &[mark(false, "2026-03-02T09:20:00Z")], at("2026-03-02T09:22:00Z"));
    assert_eq!(status_of(&board, "e7-press-line"), Status::Missed);
}

#[test]
fn totals_and_the_improvement_plan() {
    let s = shipped_in("ransomware-counters", "fr").unwrap();
    let events = [event(1, "2026-03-02T09:01:00Z", "laposte", "incident.create", "malicious-code:infected-system")];
    let end = at("2026-03-02T12:00:00Z");
    let board = score(&s, &run(), &events, &[], end);
    let t = board.totals;
    assert_eq!((t.met, t.expired, t.pending, t.missed, t.expectations), (1, 6, 0, 0, 7));
    assert_eq!((t.earned, t.possible, t.automatic), (10, 100, 6));
    let plan = draft_actions(&s, &board, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    assert_eq!(plan.len(), 6);
    assert!(plan.iter().all(|a| a.due == NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()));
    assert!(plan.iter().any(|a| a.owner == "csirt" && a.expectation == "e5-csirt-relay"));
}

#[test]
fn injects_fall_due_on_the_compressed_clock() {
    let s = shipped_in("smishing-payment", "en").unwrap();
    let r = run();
    let due = |now| due_injects(&s, &r.clock, at(now)).into_iter().map(|(i, _)| i.id.clone()).collect::<Vec<_>>();
    assert_eq!(due("2026-03-02T09:00:00Z"), ["i1-customer-report"]);
    // Minute 25 (i3 falls due: 15 + 10) is 6 min 15 s real.
    assert_eq!(due("2026-03-02T09:06:15Z").len(), 3);
    assert_eq!(due("2026-03-02T09:30:00Z").len(), 6);
}
