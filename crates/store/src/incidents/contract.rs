//! The contract of [`IncidentStore`], written once against the trait and run on both engines.

use std::sync::{Arc, Mutex};

use crate::hub::contract::run_cases;
use crate::incidents::{
    CaseData, IncidentStore, NewEvidence, NewHandoffMessage, NewTakedown, NewTask, ReminderRecord, StageRequestRecord, SubmissionRecord,
};
use crate::{Store, StoreError};

/// A backend with the hub (for organisations) and the incident store behind one handle.
trait IncidentBackend: Store + IncidentStore {}

impl<T: Store + IncidentStore> IncidentBackend for T {}

type Open<'a> = &'a dyn Fn() -> Arc<dyn IncidentBackend>;

/// A named case of the contract.
type Case = (&'static str, for<'a> fn(Open<'a>));

const CASES: &[Case] = &[
    ("cases_belong_to_their_organisation", cases_belong_to_their_organisation),
    ("notes_tasks_and_links_stay_with_their_case", notes_tasks_and_links_stay_with_their_case),
    ("evidence_keeps_its_bytes_and_digest", evidence_keeps_its_bytes_and_digest),
    ("a_stage_is_submitted_once", a_stage_is_submitted_once),
    ("drafts_are_saved_until_the_report_is_submitted", drafts_are_saved_until_the_report_is_submitted),
    ("a_submitted_report_records_its_stage_once", a_submitted_report_records_its_stage_once),
    ("a_reminder_is_claimed_once_per_channel", a_reminder_is_claimed_once_per_channel),
    ("a_handoff_is_one_per_csirt_and_acknowledged_once", a_handoff_is_one_per_csirt_and_acknowledged_once),
    ("takedowns_stay_with_their_case", takedowns_stay_with_their_case),
    ("a_stage_is_requested_once_through_a_handoff", a_stage_is_requested_once_through_a_handoff),
];

const AT: &str = "2026-12-07T10:00:00.000Z";

fn org(s: &dyn IncidentBackend, name: &str) -> i64 {
    s.create_org(name, &format!("identity--{name}"), Some("FR"), false).expect("org").id
}

fn data(title: &str) -> CaseData {
    CaseData {
        title: title.into(),
        summary: "SMS <script>alert(1)</script> asking for a fee".into(),
        classification: "fraud:phishing".into(),
        severity: "high".into(),
        services: vec!["parcels-tracking".into(), "e-commerce".into()],
        users_affected: Some(1200),
        cross_border: "unknown".into(),
        suspected_malicious: "yes".into(),
        detected: Some("2026-12-07T07:00:00.000Z".into()),
        aware: Some("2026-12-07T08:30:00.000Z".into()),
        contained: None,
        resolved: None,
        jurisdiction: "eu".into(),
        zone: "Europe/Paris".into(),
    }
}

fn cases_belong_to_their_organisation(open: Open<'_>) {
    let s = open();
    let (lp, co) = (org(&*s, "laposte"), org(&*s, "correos"));
    let first = s.create_case(lp, &data("Smishing"), "org:laposte/token:a", AT).expect("case");
    let second = s.create_case(lp, &CaseData { services: Vec::new(), users_affected: None, ..data("Outage") }, "alice", AT).expect("case");
    let theirs = s.create_case(co, &data("BEC"), "bob", AT).expect("case");
    assert_eq!(first.data, data("Smishing"), "what was written reads back, HTML included as text");
    assert_eq!((first.created_at.as_str(), first.updated_at.as_str(), first.created_by.as_str()), (AT, AT, "org:laposte/token:a"));
    assert_eq!(open().case(lp, second.id).expect("read").map(|c| c.data.services), Some(Vec::new()));
    let ids: Vec<i64> = s.cases(lp).expect("list").iter().map(|c| c.id).collect();
    assert_eq!(ids, [second.id, first.id], "newest first, only the organisation's");
    // Another organisation's case is not there for it, to read or to change.
    assert_eq!(s.case(co, first.id).expect("read"), None);
    assert_eq!(s.case(lp, theirs.id).expect("read"), None);
    let stolen = s.update_case(co, first.id, &data("mine now"), AT);
    assert!(matches!(stolen, Err(StoreError::NotFound { what: "incident case", .. })), "{stolen:?}");
    let later = "2026-12-07T12:00:00.000Z";
    let resolved = CaseData { resolved: Some(later.into()), contained: Some(later.into()), ..data("Smishing, contained") };
    let updated = s.update_case(lp, first.id, &resolved, later).expect("update");
    assert_eq!((updated.data, updated.updated_at.as_str(), updated.created_at.as_str()), (resolved, later, AT));
    let missing = s.create_case(9_999, &data("x"), "a", AT);
    assert!(matches!(missing, Err(StoreError::NotFound { what: "organisation", .. })), "{missing:?}");
}

fn notes_tasks_and_links_stay_with_their_case(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let (a, b) = (s.create_case(lp, &data("A"), "x", AT).expect("a").id, s.create_case(lp, &data("B"), "x", AT).expect("b").id);
    s.add_note(a, "alice", AT, "first").expect("note");
    s.add_note(b, "bob", AT, "other case").expect("note");
    s.add_note(a, "bob", "2026-12-07T11:00:00.000Z", "second\nline").expect("note");
    let notes: Vec<(String, String)> = open().notes(a).expect("notes").into_iter().map(|n| (n.author, n.body)).collect();
    assert_eq!(notes, [("alice".to_string(), "first".to_string()), ("bob".into(), "second\nline".into())]);

    let task = |case_id, title: &str| NewTask {
        case_id,
        title: title.into(),
        owner: "soc".into(),
        due: Some("2026-12-09".into()),
        created_at: AT.into(),
    };
    let t1 = s.add_task(&task(a, "Takedown request")).expect("task");
    let t2 = s.add_task(&NewTask { due: None, ..task(a, "Warn customers") }).expect("task");
    assert!(!t1.done);
    assert!(s.set_task_done(a, t1.id, true).expect("done").done);
    let missing = s.set_task_done(b, t2.id, true);
    assert!(matches!(missing, Err(StoreError::NotFound { what: "incident task", .. })), "a task of another case: {missing:?}");
    let tasks: Vec<(String, Option<String>, bool)> =
        s.tasks(a).expect("tasks").into_iter().map(|t| (t.task.title, t.task.due, t.done)).collect();
    assert_eq!(tasks, [("Takedown request".into(), Some("2026-12-09".into()), true), ("Warn customers".into(), None, false)]);

    let ind = "indicator--7f9c1c5e-0000-4000-8000-000000000001";
    assert!(s.link(a, ind, "alice", AT).expect("link"));
    assert!(!s.link(a, ind, "bob", AT).expect("again"), "linking twice is no error and no second row");
    assert!(s.link(b, ind, "bob", AT).expect("other case"));
    let links = s.links(a).expect("links");
    assert_eq!(links.iter().map(|l| (l.stix_id.as_str(), l.added_by.as_str())).collect::<Vec<_>>(), [(ind, "alice")]);

    for result in
        [s.add_note(9_999, "a", AT, "x").map(|_| ()), s.add_task(&task(9_999, "x")).map(|_| ()), s.link(9_999, ind, "a", AT).map(|_| ())]
    {
        assert!(matches!(result, Err(StoreError::NotFound { what: "incident case", .. })), "{result:?}");
    }
}

fn evidence_keeps_its_bytes_and_digest(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let (a, b) = (s.create_case(lp, &data("A"), "x", AT).expect("a").id, s.create_case(lp, &data("B"), "x", AT).expect("b").id);
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let new = NewEvidence {
        case_id: a,
        filename: "sms <1>.png".into(),
        sha256: "ab".repeat(32),
        content: bytes.clone(),
        uploaded_by: "alice".into(),
        uploaded_at: AT.into(),
    };
    let stored = s.add_evidence(&new).expect("evidence");
    assert_eq!((stored.size, stored.sha256.as_str(), stored.filename.as_str()), (70_000, "ab".repeat(32).as_str(), "sms <1>.png"));
    assert_eq!(open().evidence(a).expect("list"), std::slice::from_ref(&stored));
    assert_eq!(s.evidence_content(a, stored.id).expect("read"), Some((stored.clone(), bytes)));
    assert_eq!(s.evidence_content(b, stored.id).expect("read"), None, "a file is read through its own case only");
    assert!(s.evidence(b).expect("list").is_empty());
    let missing = s.add_evidence(&NewEvidence { case_id: 9_999, ..new.clone() });
    assert!(matches!(missing, Err(StoreError::NotFound { what: "incident case", .. })), "{missing:?}");
    assert!(s.add_evidence(&NewEvidence { content: Vec::new(), ..new }).is_err(), "an empty file never reaches the table");
}

fn a_stage_is_submitted_once(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let (a, b) = (s.create_case(lp, &data("A"), "x", AT).expect("a").id, s.create_case(lp, &data("B"), "x", AT).expect("b").id);
    let sub = |stage: &str, at: &str| SubmissionRecord {
        stage: stage.into(),
        submitted_at: at.into(),
        recorded_by: "alice".into(),
        recorded_at: "2026-12-08T00:00:00.000Z".into(),
    };
    assert!(s.submit(a, &sub("notification", "2026-12-07T12:00:00.000Z")).expect("submit"));
    assert!(s.submit(a, &sub("early_warning", "2026-12-07T09:00:00.000Z")).expect("submit"));
    assert!(!s.submit(a, &sub("early_warning", "2026-12-07T10:00:00.000Z")).expect("again"), "the first submission stands");
    assert!(s.submit(b, &sub("early_warning", "2026-12-07T11:00:00.000Z")).expect("other case"));
    let stored = open().submissions(a).expect("submissions");
    assert_eq!(stored, [sub("early_warning", "2026-12-07T09:00:00.000Z"), sub("notification", "2026-12-07T12:00:00.000Z")]);
    let missing = s.submit(9_999, &sub("early_warning", AT));
    assert!(matches!(missing, Err(StoreError::NotFound { what: "incident case", .. })), "{missing:?}");
}

fn answers(pairs: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn drafts_are_saved_until_the_report_is_submitted(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let a = s.create_case(lp, &data("A"), "x", AT).expect("a").id;
    assert_eq!(s.report(a, "early_warning").expect("none"), None);
    let first = s.save_report(a, "early_warning", &answers(&[("suspected_malicious", "yes")]), "alice", AT).expect("draft");
    assert!(!first.submitted);
    let later = "2026-12-07T11:00:00.000Z";
    let html = answers(&[("suspected_malicious", "unknown"), ("cross_border_impact", "<b>\"no\"</b>\nline")]);
    let second = s.save_report(a, "early_warning", &html, "bob", later).expect("draft again");
    assert_eq!((second.answers.clone(), second.created_at.as_str(), second.updated_at.as_str()), (html.clone(), AT, later));
    assert_eq!(second.updated_by, "bob");
    assert_eq!(open().report(a, "early_warning").expect("read"), Some(second.clone()), "what was written reads back");
    s.save_report(a, "notification", &answers(&[]), "alice", AT).expect("empty draft");
    let stages: Vec<String> = s.reports(a).expect("reports").into_iter().map(|r| r.stage).collect();
    assert_eq!(stages, ["early_warning", "notification"]);
    let missing = s.save_report(9_999, "early_warning", &html, "alice", AT);
    assert!(matches!(missing, Err(StoreError::NotFound { what: "incident case", .. })), "{missing:?}");
}

fn a_submitted_report_records_its_stage_once(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let a = s.create_case(lp, &data("A"), "x", AT).expect("a").id;
    s.save_report(a, "early_warning", &answers(&[("suspected_malicious", "yes")]), "alice", AT).expect("draft");
    let sent = answers(&[("suspected_malicious", "yes"), ("cross_border_impact", "no")]);
    let sub = SubmissionRecord {
        stage: "early_warning".into(),
        submitted_at: "2026-12-07T09:00:00.000Z".into(),
        recorded_by: "bob".into(),
        recorded_at: "2026-12-07T10:30:00.000Z".into(),
    };
    let rec = s.submit_report(a, &sent, &sub).expect("submit");
    assert!(rec.submitted);
    assert_eq!((rec.answers.clone(), rec.created_at.as_str(), rec.updated_by.as_str()), (sent.clone(), AT, "bob"));
    assert_eq!(open().submissions(a).expect("subs"), std::slice::from_ref(&sub), "the clock sees the submission");
    let again = s.submit_report(a, &answers(&[]), &sub);
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    let edit = s.save_report(a, "early_warning", &answers(&[]), "eve", AT);
    assert!(matches!(edit, Err(StoreError::Conflict(_))), "{edit:?}");
    assert_eq!(open().report(a, "early_warning").expect("read"), Some(rec), "a submitted report is kept as sent");
    // A stage recorded without a report (before reports existed) cannot be submitted again either,
    // and the refused write leaves no report behind.
    let old = SubmissionRecord { stage: "notification".into(), ..sub.clone() };
    assert!(s.submit(a, &old).expect("bare submission"));
    let refused = s.submit_report(a, &sent, &old);
    assert!(matches!(refused, Err(StoreError::Conflict(_))), "{refused:?}");
    assert_eq!(s.report(a, "notification").expect("read"), None, "nothing written");
    let missing = s.submit_report(9_999, &sent, &sub);
    assert!(matches!(missing, Err(StoreError::NotFound { what: "incident case", .. })), "{missing:?}");
}

fn a_reminder_is_claimed_once_per_channel(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let case = s.create_case(lp, &data("Smishing"), "alice", AT).expect("case");
    let unstarted = s.create_case(lp, &CaseData { aware: None, detected: None, ..data("Not aware yet") }, "alice", AT).expect("case");
    let ids: Vec<i64> = s.clock_cases().expect("clock cases").iter().map(|c| c.id).collect();
    assert!(ids.contains(&case.id) && !ids.contains(&unstarted.id), "only cases whose clock runs: {ids:?}");
    let r = ReminderRecord {
        case_id: case.id,
        stage: "early_warning".into(),
        kind: "T-4h".into(),
        due: "2026-12-08T08:30:00Z".into(),
        sent_at: AT.into(),
        channel: "email:soc@laposte.example".into(),
    };
    assert!(s.claim_reminder(&r).expect("claim"));
    assert!(!s.claim_reminder(&r).expect("claim again"), "a second claim (a restart, another process) is refused");
    let hook = ReminderRecord { channel: "webhook:https://hooks.example/x".into(), ..r.clone() };
    assert!(s.claim_reminder(&hook).expect("other channel"));
    s.release_reminder(&hook).expect("release");
    assert!(s.claim_reminder(&hook).expect("claimed again after a failed send"));
    let moved = ReminderRecord { due: "2026-12-08T09:30:00Z".into(), ..r.clone() };
    assert!(s.claim_reminder(&moved).expect("a moved deadline owes its reminder again"));
    assert_eq!(s.reminders(case.id).expect("reminders").len(), 3);
    let ghost = ReminderRecord { case_id: 999_999, ..r };
    assert!(matches!(s.claim_reminder(&ghost), Err(StoreError::NotFound { .. })));
}

fn a_handoff_is_one_per_csirt_and_acknowledged_once(open: Open<'_>) {
    let s = open();
    let (lp, csirt, other) = (org(&*s, "laposte"), org(&*s, "cert-fr"), org(&*s, "correos"));
    let case = s.create_case(lp, &data("Smishing"), "alice", AT).expect("case");
    let h = s.hand_off(case.id, csirt, "alice", AT).expect("hand off");
    assert_eq!((h.case_org_id, h.csirt_org_id, h.acknowledged_at.as_deref()), (lp, csirt, None));
    let again = s.hand_off(case.id, csirt, "bob", "2026-12-07T11:00:00.000Z").expect("again");
    assert_eq!(again, h, "handing it again to the same CSIRT is the first hand-off");
    assert_eq!(s.handoffs(case.id).expect("list").len(), 1);
    assert_eq!(s.handoffs_to(csirt).expect("inbox").len(), 1);
    assert!(s.handoffs_to(other).expect("other inbox").is_empty());
    let acked = s.acknowledge(h.id, "csirt-analyst", "2026-12-07T10:05:00.000Z").expect("ack");
    assert_eq!(acked.acknowledged_at.as_deref(), Some("2026-12-07T10:05:00.000Z"));
    let later = s.acknowledge(h.id, "someone", "2026-12-07T12:00:00.000Z").expect("ack again");
    assert_eq!(later.acknowledged_at, acked.acknowledged_at, "the first acknowledgement stands");
    let m = NewHandoffMessage {
        handoff_id: h.id,
        from_org: csirt,
        kind: "question".into(),
        author: "csirt-analyst".into(),
        at: AT.into(),
        body: "Which <b>sender</b>?".into(),
    };
    s.add_handoff_message(&m).expect("question");
    s.add_handoff_message(&NewHandoffMessage { from_org: lp, kind: "answer".into(), ..m.clone() }).expect("answer");
    let kinds: Vec<String> = s.handoff_messages(h.id).expect("messages").into_iter().map(|m| m.message.kind).collect();
    assert_eq!(kinds, ["question", "answer"]);
    assert_eq!(s.handoff(h.id).expect("get").map(|x| x.id), Some(h.id));
    assert!(s.handoff(h.id + 1000).expect("none").is_none());
    assert!(matches!(s.acknowledge(h.id + 1000, "x", AT), Err(StoreError::NotFound { .. })));
    assert!(matches!(s.add_handoff_message(&NewHandoffMessage { handoff_id: h.id + 1000, ..m }), Err(StoreError::NotFound { .. })));
}

fn takedowns_stay_with_their_case(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let case = s.create_case(lp, &data("Smishing"), "alice", AT).expect("case");
    let other = s.create_case(lp, &data("Other"), "alice", AT).expect("case");
    let t = s
        .add_takedown(&NewTakedown {
            case_id: case.id,
            domain: "laposte-colis.example".into(),
            contacts: vec!["abuse@registrar.example".into(), "https://host.example/abuse".into()],
            evidence: vec!["evidence:1".into()],
            created_by: "alice".into(),
            created_at: AT.into(),
        })
        .expect("takedown");
    assert_eq!(t.status, "requested");
    assert_eq!(t.takedown.contacts.len(), 2);
    let done = s.set_takedown_status(case.id, t.id, "taken-down", "2026-12-08T10:00:00.000Z").expect("status");
    assert_eq!((done.status.as_str(), done.updated_at.as_str()), ("taken-down", "2026-12-08T10:00:00.000Z"));
    assert!(matches!(s.set_takedown_status(other.id, t.id, "refused", AT), Err(StoreError::NotFound { .. })));
    assert_eq!(s.takedowns(case.id).expect("list"), vec![done]);
    assert!(s.takedowns(other.id).expect("none").is_empty());
}

fn a_stage_is_requested_once_through_a_handoff(open: Open<'_>) {
    let s = open();
    let (lp, csirt) = (org(&*s, "laposte"), org(&*s, "cert-fr"));
    let case = s.create_case(lp, &data("Smishing"), "alice", AT).expect("case");
    let other = s.create_case(lp, &data("Other"), "alice", AT).expect("case");
    let h = s.hand_off(case.id, csirt, "alice", AT).expect("hand off");
    let r = StageRequestRecord {
        case_id: case.id,
        stage: "intermediate_report".into(),
        handoff_id: h.id,
        requested_by: "org:cert-fr/analyst".into(),
        requested_at: "2026-12-08T09:00:00.000Z".into(),
        due: Some("2026-12-10T17:00:00.000Z".into()),
        note: "Status of the <b>takedowns</b>?".into(),
    };
    assert!(s.request_stage(&r).expect("request"));
    let again = StageRequestRecord { due: None, requested_at: "2026-12-09T09:00:00.000Z".into(), ..r.clone() };
    assert!(!s.request_stage(&again).expect("again"), "the first request stands");
    assert_eq!(s.stage_requests(case.id).expect("list"), vec![r.clone()]);
    assert!(s.stage_requests(other.id).expect("none").is_empty());
    let undated = StageRequestRecord { stage: "other_stage".into(), due: None, ..r.clone() };
    assert!(s.request_stage(&undated).expect("no due date"));
    assert_eq!(s.stage_requests(case.id).expect("two").len(), 2);
    let dangling = StageRequestRecord { handoff_id: h.id + 1000, case_id: other.id, ..r };
    assert!(matches!(s.request_stage(&dangling), Err(StoreError::NotFound { .. })));
}

fn run(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn IncidentBackend>>) -> crate::contract::Failures {
    run_cases(CASES.iter().copied(), new_database)
}

#[test]
fn incident_contract_holds_on_sqlite() {
    let dirs = Mutex::new(Vec::new());
    let failures = run(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(crate::SqliteStore::open(&path).expect("open store")) as Arc<dyn IncidentBackend>)
    });
    assert!(failures.is_empty(), "incident contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn incident_contract_holds_on_postgres() {
    let cluster = crate::contract::PgCluster::start().expect("starting a private PostgreSQL cluster");
    let failures = run(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(crate::PgStore::open(&url).expect("open store")) as Arc<dyn IncidentBackend>)
    });
    assert!(failures.is_empty(), "incident contract cases failed on PostgreSQL: {failures:#?}");
}
