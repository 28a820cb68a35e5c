//! The contract of [`ReadinessStore`], written once against the trait and run on both engines.

use std::sync::{Arc, Mutex};

use crate::hub::contract::run_cases;
use crate::readiness::{
    AnswerOutcome, AssessmentRecord, AttachOutcome, FinaliseOutcome, NewAnswer, NewDocument, ProfileOutcome, ReadinessStore,
};
use crate::{Store, StoreError};

/// A backend with the hub (for organisations) and the readiness store behind one handle.
trait ReadinessBackend: Store + ReadinessStore {}

impl<T: Store + ReadinessStore> ReadinessBackend for T {}

type Open<'a> = &'a dyn Fn() -> Arc<dyn ReadinessBackend>;

/// A named case of the contract.
type Case = (&'static str, for<'a> fn(Open<'a>));

const CASES: &[Case] = &[
    ("drafts_are_listed_newest_first_per_org", drafts_are_listed_newest_first_per_org),
    ("answers_carry_revisions_and_conflicts_come_back", answers_carry_revisions_and_conflicts_come_back),
    ("finalising_freezes_an_assessment_once", finalising_freezes_an_assessment_once),
    ("a_draft_profile_changes_until_finalised", a_draft_profile_changes_until_finalised),
    ("domain_challenges_keep_their_token_and_record_checks", domain_challenges_keep_their_token_and_record_checks),
    (
        "the_pool_holds_opted_in_finalised_assessments_and_snapshots_never_change",
        the_pool_holds_opted_in_finalised_assessments_and_snapshots_never_change,
    ),
    (
        "finalised_assessments_are_shared_with_a_regulator_until_withdrawn",
        finalised_assessments_are_shared_with_a_regulator_until_withdrawn,
    ),
    (
        "documents_attach_to_answers_of_drafts_and_make_self_evidence_document",
        documents_attach_to_answers_of_drafts_and_make_self_evidence_document,
    ),
];

fn org(s: &dyn ReadinessBackend, name: &str) -> i64 {
    s.create_org(name, &format!("identity--{name}"), Some("FR"), false).expect("org").id
}

fn draft(s: &dyn ReadinessBackend, org_id: i64) -> AssessmentRecord {
    s.create_assessment(org_id, "2026.12-1", r#"{"counter":true}"#, "2026-12-07T10:00:00.000Z").expect("draft")
}

fn answer(assessment_id: i64, question: &str, value: Option<u8>, by: &str) -> NewAnswer {
    NewAnswer {
        assessment_id,
        question: question.into(),
        value,
        evidence: "self".into(),
        comment: String::new(),
        answered_by: by.into(),
        answered_at: "2026-12-07T10:05:00.000Z".into(),
    }
}

fn drafts_are_listed_newest_first_per_org(open: Open<'_>) {
    let s = open();
    let (lp, co) = (org(&*s, "laposte"), org(&*s, "correos"));
    let first = draft(&*s, lp);
    let second = draft(&*s, lp);
    draft(&*s, co);
    assert_eq!((first.finalised_at.as_deref(), first.result.as_deref(), first.benchmark_opt_in), (None, None, false));
    assert_eq!(first.profile, r#"{"counter":true}"#);
    let ids: Vec<i64> = s.assessments(lp).expect("list").iter().map(|a| a.id).collect();
    assert_eq!(ids, [second.id, first.id]);
    // Another handle on the same database reads the same record.
    assert_eq!(open().assessment(first.id).expect("read"), Some(first));
    assert_eq!(s.assessment(9_999).expect("read"), None);
    let missing = s.create_assessment(9_999, "v", "{}", "2026-12-07T10:00:00.000Z");
    assert!(matches!(missing, Err(StoreError::NotFound { what: "organisation", .. })), "{missing:?}");
}

fn answers_carry_revisions_and_conflicts_come_back(open: Open<'_>) {
    let s = open();
    let a = draft(&*s, org(&*s, "laposte")).id;
    // Alice answers first (read revision 0), Bob read the same empty answer and saves later.
    assert_eq!(s.put_answer(&answer(a, "MAIL-03", Some(4), "alice"), 0).expect("put"), AnswerOutcome::Saved { revision: 1 });
    let AnswerOutcome::Conflict { current: Some(current) } = s.put_answer(&answer(a, "MAIL-03", Some(1), "bob"), 0).expect("put") else {
        panic!("bob's stale write must conflict")
    };
    assert_eq!((current.answer.value, current.answer.answered_by.as_str(), current.revision), (Some(4), "alice", 1));
    // Having seen Alice's answer, Bob saves over revision 1.
    assert_eq!(s.put_answer(&answer(a, "MAIL-03", Some(1), "bob"), 1).expect("put"), AnswerOutcome::Saved { revision: 2 });
    // "Not applicable" is stored as no value; a revision for an unanswered question conflicts.
    assert_eq!(s.put_answer(&answer(a, "END-04", None, "alice"), 0).expect("put"), AnswerOutcome::Saved { revision: 1 });
    assert_eq!(s.put_answer(&answer(a, "GOV-01", Some(2), "alice"), 3).expect("put"), AnswerOutcome::Conflict { current: None });
    let stored = open().answers(a).expect("answers");
    let summary: Vec<(&str, Option<u8>, &str, i64)> =
        stored.iter().map(|r| (r.answer.question.as_str(), r.answer.value, r.answer.answered_by.as_str(), r.revision)).collect();
    assert_eq!(summary, [("END-04", None, "alice", 1), ("MAIL-03", Some(1), "bob", 2)]);
    // Values outside 0-4 never reach the table; unknown assessments are not found.
    assert!(s.put_answer(&answer(a, "GOV-02", Some(5), "alice"), 0).is_err());
    assert!(s.answers(a).expect("answers").iter().all(|r| r.answer.question != "GOV-02"));
    let missing = s.put_answer(&answer(9_999, "GOV-01", Some(1), "alice"), 0);
    assert!(matches!(missing, Err(StoreError::NotFound { what: "assessment", .. })), "{missing:?}");
}

fn finalising_freezes_an_assessment_once(open: Open<'_>) {
    let s = open();
    let a = draft(&*s, org(&*s, "laposte")).id;
    s.put_answer(&answer(a, "GOV-01", Some(3), "alice"), 0).expect("put");
    let at = "2026-12-07T11:00:00.000Z";
    assert_eq!(s.finalise(a, r#"{"readiness_index":75}"#, at, true).expect("finalise"), FinaliseOutcome::Finalised);
    assert_eq!(s.finalise(a, "{}", "2026-12-08T00:00:00.000Z", false).expect("again"), FinaliseOutcome::AlreadyFinalised);
    let stored = open().assessment(a).expect("read").expect("exists");
    assert_eq!(
        (stored.finalised_at.as_deref(), stored.result.as_deref(), stored.benchmark_opt_in),
        (Some(at), Some(r#"{"readiness_index":75}"#), true)
    );
    // A frozen assessment takes no more answers, whatever revision the writer names.
    assert_eq!(s.put_answer(&answer(a, "GOV-01", Some(4), "bob"), 1).expect("put"), AnswerOutcome::Frozen);
    assert_eq!(s.answers(a).expect("answers")[0].answer.value, Some(3));
    assert!(matches!(s.finalise(9_999, "{}", at, false), Err(StoreError::NotFound { what: "assessment", .. })));
}

fn a_draft_profile_changes_until_finalised(open: Open<'_>) {
    let s = open();
    let a = draft(&*s, org(&*s, "laposte")).id;
    let declared = r#"{"counter":true,"domains":["laposte.example"]}"#;
    assert_eq!(s.set_profile(a, declared).expect("set"), ProfileOutcome::Saved);
    assert_eq!(open().assessment(a).expect("read").expect("exists").profile, declared);
    s.finalise(a, "{}", "2026-12-07T11:00:00.000Z", false).expect("finalise");
    assert_eq!(s.set_profile(a, "{}").expect("set"), ProfileOutcome::Frozen);
    assert_eq!(s.assessment(a).expect("read").expect("exists").profile, declared, "a finalised profile stays as scored");
    assert!(matches!(s.set_profile(9_999, "{}"), Err(StoreError::NotFound { what: "assessment", .. })));
}

fn domain_challenges_keep_their_token_and_record_checks(open: Open<'_>) {
    let s = open();
    let (poste, correos) = (org(&*s, "laposte"), org(&*s, "correos"));
    let first = s.domain_challenge(poste, "laposte.example", "tok-1", "2026-12-07T10:00:00.000Z").expect("challenge");
    assert_eq!((first.token.as_str(), first.proven_at.as_deref(), first.checked_at.as_deref()), ("tok-1", None, None));
    // Asking again keeps the published token; another organisation gets its own challenge.
    assert_eq!(s.domain_challenge(poste, "laposte.example", "tok-2", "2026-12-07T10:01:00.000Z").expect("again").token, "tok-1");
    assert_eq!(s.domain_challenge(correos, "laposte.example", "tok-3", "2026-12-07T10:02:00.000Z").expect("other").token, "tok-3");
    let proven = s.record_domain_check(poste, "laposte.example", "2026-12-07T11:00:00.000Z", "proven", Some(true)).expect("check");
    assert_eq!((proven.outcome.as_deref(), proven.proven_at.as_deref()), (Some("proven"), Some("2026-12-07T11:00:00.000Z")));
    // A failed lookup leaves the proof; a conclusive refusal clears it.
    let failed = s.record_domain_check(poste, "laposte.example", "2026-12-08T11:00:00.000Z", "dns-failed", None).expect("check");
    assert_eq!((failed.outcome.as_deref(), failed.proven_at.as_deref()), (Some("dns-failed"), Some("2026-12-07T11:00:00.000Z")));
    let wrong = s.record_domain_check(poste, "laposte.example", "2026-12-09T11:00:00.000Z", "wrong-token", Some(false)).expect("check");
    assert_eq!((wrong.checked_at.as_deref(), wrong.proven_at), (Some("2026-12-09T11:00:00.000Z"), None));
    let listed: Vec<(i64, String)> = open().domains(poste).expect("list").into_iter().map(|d| (d.org_id, d.token)).collect();
    assert_eq!(listed, [(poste, "tok-1".to_owned())]);
    assert!(matches!(s.record_domain_check(poste, "other.example", "x", "proven", Some(true)), Err(StoreError::NotFound { .. })));
    assert!(matches!(s.domain_challenge(9_999, "x.example", "t", "x"), Err(StoreError::NotFound { what: "organisation", .. })));
}

fn the_pool_holds_opted_in_finalised_assessments_and_snapshots_never_change(open: Open<'_>) {
    let s = open();
    let (poste, correos) = (org(&*s, "laposte"), org(&*s, "correos"));
    let (a, b, draft_only) = (draft(&*s, poste).id, draft(&*s, correos).id, draft(&*s, correos).id);
    s.finalise(a, r#"{"index":1}"#, "2026-12-07T11:00:00.000Z", true).expect("finalise");
    s.finalise(b, r#"{"index":2}"#, "2026-12-07T10:00:00.000Z", false).expect("finalise, not opted in");
    let _ = draft_only;
    let pool = open().benchmark_pool().expect("pool");
    assert_eq!(pool.len(), 1, "{pool:?}");
    assert_eq!((pool[0].org_id, pool[0].country.as_deref(), pool[0].result.as_str()), (poste, Some("FR"), r#"{"index":1}"#));
    assert_eq!(s.latest_snapshot().expect("none yet"), None);
    assert!(s.put_snapshot("2026-10-01T00:00:00Z", "{\"v\":1}", "2026-12-07T12:00:00.000Z").expect("publish"));
    assert!(!s.put_snapshot("2026-10-01T00:00:00Z", "{\"v\":2}", "2026-12-07T13:00:00.000Z").expect("again"), "never rewritten");
    assert!(s.put_snapshot("2026-07-01T00:00:00Z", "{\"v\":0}", "2026-12-07T14:00:00.000Z").expect("older"));
    let latest = open().latest_snapshot().expect("read").expect("one");
    assert_eq!((latest.as_of.as_str(), latest.body.as_str()), ("2026-10-01T00:00:00Z", "{\"v\":1}"));
    let older = open().snapshot("2026-07-01T00:00:00Z").expect("read").expect("stored");
    assert_eq!(older.body, "{\"v\":0}");
    assert_eq!(open().snapshot("2026-04-01T00:00:00Z").expect("read"), None);
}

fn finalised_assessments_are_shared_with_a_regulator_until_withdrawn(open: Open<'_>) {
    let s = open();
    let (poste, arcep, other) = (org(&*s, "laposte"), org(&*s, "arcep"), org(&*s, "other"));
    let (done, open_draft) = (draft(&*s, poste).id, draft(&*s, poste).id);
    s.finalise(done, r#"{"index":1}"#, "2026-12-07T11:00:00.000Z", false).expect("finalise");
    assert_eq!(s.share(open_draft, arcep, "2026-12-07T12:00:00.000Z").expect("draft"), crate::readiness::ShareOutcome::NotFinalised);
    assert_eq!(s.share(done, arcep, "2026-12-07T12:00:00.000Z").expect("share"), crate::readiness::ShareOutcome::Shared);
    assert_eq!(s.share(done, arcep, "2026-12-07T13:00:00.000Z").expect("again"), crate::readiness::ShareOutcome::AlreadyShared);
    assert!(matches!(s.share(done, 9_999, "x"), Err(StoreError::NotFound { what: "organisation", .. })));
    assert!(matches!(s.share(9_999, arcep, "x"), Err(StoreError::NotFound { what: "assessment", .. })));
    let shared = open().shared_with(arcep).expect("list");
    assert_eq!(shared.len(), 1);
    assert_eq!((shared[0].assessment_id, shared[0].org_id, shared[0].shared_at.as_str()), (done, poste, "2026-12-07T12:00:00.000Z"));
    assert_eq!(open().shares(done).expect("shares").len(), 1);
    assert!(open().shared_with(other).expect("none").is_empty());
    assert!(s.withdraw_share(done, arcep).expect("withdraw"));
    assert!(!s.withdraw_share(done, arcep).expect("twice"));
    assert!(open().shared_with(arcep).expect("list").is_empty() && open().shares(done).expect("none").is_empty());
}

fn run(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn ReadinessBackend>>) -> crate::contract::Failures {
    run_cases(CASES.iter().copied(), new_database)
}

#[test]
fn readiness_contract_holds_on_sqlite() {
    let dirs = Mutex::new(Vec::new());
    let failures = run(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(crate::SqliteStore::open(&path).expect("open store")) as Arc<dyn ReadinessBackend>)
    });
    assert!(failures.is_empty(), "readiness contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn readiness_contract_holds_on_postgres() {
    let cluster = crate::contract::PgCluster::start().expect("starting a private PostgreSQL cluster");
    let failures = run(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(crate::PgStore::open(&url).expect("open store")) as Arc<dyn ReadinessBackend>)
    });
    assert!(failures.is_empty(), "readiness contract cases failed on PostgreSQL: {failures:#?}");
}

fn document(assessment_id: i64, question: &str, content: &[u8]) -> NewDocument {
    NewDocument {
        assessment_id,
        question: question.into(),
        filename: "policy.pdf".into(),
        media_type: "application/pdf".into(),
        sha256: "ab".repeat(32),
        content: content.to_vec(),
        uploaded_by: "alice".into(),
        uploaded_at: "2026-12-07T10:10:00.000Z".into(),
    }
}

fn documents_attach_to_answers_of_drafts_and_make_self_evidence_document(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let a = draft(&*s, lp);
    s.put_answer(&answer(a.id, "GOV-01", Some(3), "alice"), 0).expect("answer");
    let mut validated = answer(a.id, "GOV-02", Some(2), "fac");
    validated.evidence = "facilitator".into();
    s.put_answer(&validated, 0).expect("validated answer");

    let AttachOutcome::Attached(first) = s.attach_document(&document(a.id, "GOV-01", b"%PDF-1.7 policy")).expect("attach") else {
        panic!("a draft takes documents")
    };
    assert_eq!((first.size, first.media_type.as_str(), first.uploaded_by.as_str()), (15, "application/pdf", "alice"));
    s.attach_document(&document(a.id, "GOV-02", b"minutes")).expect("attach to a validated answer");
    let answers = s.answers(a.id).expect("answers");
    let gov = |q: &str| answers.iter().find(|r| r.answer.question == q).cloned().expect("answer");
    assert_eq!((gov("GOV-01").answer.evidence.as_str(), gov("GOV-01").revision), ("document", 2), "self becomes document");
    assert_eq!((gov("GOV-02").answer.evidence.as_str(), gov("GOV-02").revision), ("facilitator", 1), "a validation stays");

    let listed = s.documents(a.id).expect("documents");
    assert_eq!(listed.iter().map(|d| d.question.as_str()).collect::<Vec<_>>(), ["GOV-01", "GOV-02"]);
    let (record, bytes) = s.document_content(a.id, first.id).expect("read").expect("found");
    assert_eq!((record, bytes), (first.clone(), b"%PDF-1.7 policy".to_vec()));
    let other = draft(&*s, lp);
    assert_eq!(s.document_content(other.id, first.id).expect("read"), None, "a document is read through its own assessment only");
    assert!(s.documents(other.id).expect("documents").is_empty());

    assert!(matches!(s.attach_document(&document(9999, "GOV-01", b"x")), Err(StoreError::NotFound { .. })));
    s.finalise(a.id, "{}", "2026-12-07T11:00:00.000Z", false).expect("finalise");
    assert_eq!(s.attach_document(&document(a.id, "GOV-01", b"late")).expect("attach"), AttachOutcome::Frozen);
    assert_eq!(s.documents(a.id).expect("documents").len(), 2, "nothing written to a finalised assessment");
}
