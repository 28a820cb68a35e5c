//! The contract of [`ExerciseStore`], written once against the trait and run on both engines.

use std::sync::{Arc, Mutex};

use crate::exercises::{ExerciseStore, NewExercise, RunStatus};
use crate::hub::contract::run_cases;
use crate::incidents::{CaseData, IncidentStore};
use crate::{Store, StoreError};

/// A backend with the hub (organisations), incident cases and exercise runs behind one handle.
trait ExerciseBackend: Store + IncidentStore + ExerciseStore {}

impl<T: Store + IncidentStore + ExerciseStore> ExerciseBackend for T {}

type Open<'a> = &'a dyn Fn() -> Arc<dyn ExerciseBackend>;

/// A named case of the contract.
type Case = (&'static str, for<'a> fn(Open<'a>));

const CASES: &[Case] = &[
    ("a_run_is_seen_by_its_participants_only", a_run_is_seen_by_its_participants_only),
    ("a_run_refuses_unknown_organisations_and_writes_nothing", a_run_refuses_unknown_organisations_and_writes_nothing),
    ("a_run_ends_once", a_run_ends_once),
    ("marks_are_kept_in_order", marks_are_kept_in_order),
    ("cases_played_in_a_run_are_marked_exercise", cases_played_in_a_run_are_marked_exercise),
];

const AT: &str = "2026-12-07T10:00:00.000Z";

fn org(s: &dyn ExerciseBackend, name: &str) -> i64 {
    s.create_org(name, &format!("identity--{name}"), Some("FR"), false).expect("org").id
}

fn new_run(owner: i64, csirt: i64, collection: &str) -> NewExercise {
    NewExercise {
        scenario: "smishing-payment".into(),
        language: "fr".into(),
        owner_org_id: owner,
        participants: vec![(owner, "post".into()), (csirt, "csirt".into())],
        started_at: AT.into(),
        speed: 4,
        collection: Some(collection.into()),
        created_by: "org:laposte/token:a".into(),
    }
}

fn a_run_is_seen_by_its_participants_only(open: Open<'_>) {
    let s = open();
    let (lp, cert, co) = (org(&*s, "laposte"), org(&*s, "cert-fr"), org(&*s, "correos"));
    let run = s.create_exercise(&new_run(lp, cert, "exercise-1")).expect("start");
    assert_eq!((run.scenario.as_str(), run.language.as_str(), run.speed, run.status), ("smishing-payment", "fr", 4, RunStatus::Running));
    let names: Vec<(&str, &str)> = run.participants.iter().map(|p| (p.org_name.as_str(), p.role.as_str())).collect();
    assert_eq!(names, [("laposte", "post"), ("cert-fr", "csirt")]);
    assert_eq!((run.role_of(cert), run.role_of(co)), (Some("csirt"), None));
    assert_eq!(open().exercise(run.id).expect("read"), Some(run.clone()));
    let second = s.create_exercise(&new_run(cert, lp, "exercise-2")).expect("start");
    let ids = |o: i64| -> Vec<i64> { s.exercises_of(o).expect("list").iter().map(|r| r.id).collect() };
    assert_eq!(ids(lp), [second.id, run.id], "newest first");
    assert_eq!(ids(cert), [second.id, run.id]);
    assert!(ids(co).is_empty(), "a third organisation sees no run");
    assert_eq!(s.exercise_collections().expect("collections"), ["exercise-1", "exercise-2"]);
    assert_eq!(s.exercise(9_999).expect("read"), None);
}

fn a_run_refuses_unknown_organisations_and_writes_nothing(open: Open<'_>) {
    let s = open();
    let (lp, cert) = (org(&*s, "laposte"), org(&*s, "cert-fr"));
    let ghost = s.create_exercise(&new_run(lp, 9_999, "exercise-1"));
    assert!(matches!(ghost, Err(StoreError::NotFound { what: "organisation", .. })), "{ghost:?}");
    assert!(s.exercises_of(lp).expect("list").is_empty(), "the refused run left nothing behind");
    let outsider = NewExercise { participants: vec![(cert, "csirt".into())], ..new_run(lp, cert, "exercise-1") };
    assert!(matches!(s.create_exercise(&outsider), Err(StoreError::Conflict(_))));
    s.create_exercise(&new_run(lp, cert, "exercise-1")).expect("start");
    let reused = s.create_exercise(&new_run(lp, cert, "exercise-1"));
    assert!(matches!(reused, Err(StoreError::Duplicate { what: "exercise collection", .. })), "{reused:?}");
    let twice = NewExercise { participants: vec![(lp, "post".into()), (lp, "csirt".into())], ..new_run(lp, cert, "exercise-2") };
    assert!(matches!(s.create_exercise(&twice), Err(StoreError::Duplicate { what: "exercise participant", .. })));
    assert_eq!(s.exercises_of(lp).expect("list").len(), 1);
}

fn a_run_ends_once(open: Open<'_>) {
    let s = open();
    let (lp, cert) = (org(&*s, "laposte"), org(&*s, "cert-fr"));
    let run = s.create_exercise(&new_run(lp, cert, "exercise-1")).expect("start");
    let end = "2026-12-07T11:00:00.000Z";
    let ended = s.end_exercise(run.id, end).expect("end");
    assert_eq!((ended.status, ended.ended_at.as_deref()), (RunStatus::Ended, Some(end)));
    assert!(matches!(s.end_exercise(run.id, AT), Err(StoreError::Conflict(_))));
    assert_eq!(open().exercise(run.id).expect("read").and_then(|r| r.ended_at), Some(end.to_string()), "the first end is kept");
    assert!(matches!(s.end_exercise(9_999, end), Err(StoreError::NotFound { what: "exercise", .. })));
}

fn marks_are_kept_in_order(open: Open<'_>) {
    let s = open();
    let (lp, cert) = (org(&*s, "laposte"), org(&*s, "cert-fr"));
    let run = s.create_exercise(&new_run(lp, cert, "exercise-1")).expect("start");
    let first = s.add_mark(run.id, "e7-press-line", false, "facilitator", AT, "<b>vague</b>").expect("mark");
    let second = s.add_mark(run.id, "e7-press-line", true, "facilitator", "2026-12-07T10:05:00.000Z", "").expect("mark");
    assert_eq!(open().marks(run.id).expect("marks"), [first.clone(), second]);
    assert_eq!(first.note, "<b>vague</b>", "text is kept as text");
    let missing = s.add_mark(9_999, "e1", true, "f", AT, "");
    assert!(matches!(missing, Err(StoreError::NotFound { what: "exercise", .. })), "{missing:?}");
}

fn case_data() -> CaseData {
    CaseData {
        title: "Exercise: smishing".into(),
        summary: "Played".into(),
        classification: "fraud:phishing".into(),
        severity: "high".into(),
        services: vec![],
        users_affected: None,
        cross_border: "unknown".into(),
        suspected_malicious: "yes".into(),
        detected: None,
        aware: None,
        contained: None,
        resolved: None,
        jurisdiction: "eu".into(),
        zone: "UTC".into(),
    }
}

fn cases_played_in_a_run_are_marked_exercise(open: Open<'_>) {
    let s = open();
    let (lp, cert) = (org(&*s, "laposte"), org(&*s, "cert-fr"));
    let run = s.create_exercise(&new_run(lp, cert, "exercise-1")).expect("start");
    let played = s.create_case(lp, &case_data(), "alice", AT).expect("case");
    let live = s.create_case(lp, &case_data(), "alice", AT).expect("case");
    assert!(!s.is_exercise_case(played.id).expect("flag"), "a case is live by default");
    s.add_case(run.id, played.id).expect("mark");
    assert!(open().is_exercise_case(played.id).expect("flag"));
    assert!(!s.is_exercise_case(live.id).expect("flag"));
    // Every reader of the case sees the mark, the reminders' list of clocked cases included.
    assert!(s.case(lp, played.id).expect("read").expect("stored").exercise);
    assert!(!s.case(lp, live.id).expect("read").expect("stored").exercise);
    assert!(!played.exercise, "created live");
    assert_eq!(s.exercise_cases(run.id).expect("cases"), [played.id]);
    let again = s.add_case(run.id, played.id);
    assert!(matches!(again, Err(StoreError::Duplicate { what: "exercise case", .. })), "{again:?}");
    assert!(matches!(s.add_case(run.id, 9_999), Err(StoreError::NotFound { what: "incident case", .. })));
    assert!(matches!(s.add_case(9_999, live.id), Err(StoreError::NotFound { what: "exercise", .. })));
    assert!(!s.is_exercise_case(live.id).expect("flag"), "refused writes change nothing");
    assert!(matches!(s.is_exercise_case(9_999), Err(StoreError::NotFound { .. })));
}

fn run(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn ExerciseBackend>>) -> crate::contract::Failures {
    run_cases(CASES.iter().copied(), new_database)
}

#[test]
fn exercise_contract_holds_on_sqlite() {
    let dirs = Mutex::new(Vec::new());
    let failures = run(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(crate::SqliteStore::open(&path).expect("open store")) as Arc<dyn ExerciseBackend>)
    });
    assert!(failures.is_empty(), "exercise contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn exercise_contract_holds_on_postgres() {
    let cluster = crate::contract::PgCluster::start().expect("starting a private PostgreSQL cluster");
    let failures = run(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(crate::PgStore::open(&url).expect("open store")) as Arc<dyn ExerciseBackend>)
    });
    assert!(failures.is_empty(), "exercise contract cases failed on PostgreSQL: {failures:#?}");
}
