//! The contract of [`AwarenessStore`], written once against the trait and run on both engines.

use std::sync::{Arc, Mutex};

use crate::awareness::{
    AwarenessStore, BeaconOutcome, EventKind, Learner, LearnerGroup, NewCampaign, NewEvent, NewTarget, Policy, Progress, Purged, Schedule,
    StartCampaign,
};
use crate::hub::contract::run_cases;
use crate::portal::{NewUser, PortalStore};
use crate::{Store, StoreError};

/// A backend with the hub (for organisations) and the awareness store behind one handle.
trait AwarenessBackend: Store + AwarenessStore + PortalStore {}

impl<T: Store + AwarenessStore + PortalStore> AwarenessBackend for T {}

type Open<'a> = &'a dyn Fn() -> Arc<dyn AwarenessBackend>;

/// A named case of the contract.
type Case = (&'static str, for<'a> fn(Open<'a>));

const CASES: &[Case] = &[
    ("campaigns_keep_their_targets_per_org", campaigns_keep_their_targets_per_org),
    ("tokens_are_unique_and_creation_is_all_or_nothing", tokens_are_unique_and_creation_is_all_or_nothing),
    ("events_are_recorded_and_beacons_count_once", events_are_recorded_and_beacons_count_once),
    ("sending_is_recorded_once_and_optouts_are_kept", sending_is_recorded_once_and_optouts_are_kept),
    ("progress_keeps_the_latest_result_per_lesson", progress_keeps_the_latest_result_per_lesson),
    ("the_purge_expires_person_level_data_only", the_purge_expires_person_level_data_only),
    ("learners_keep_their_pseudonym_and_groups_are_all_or_nothing", learners_keep_their_pseudonym_and_groups_are_all_or_nothing),
    ("statements_wait_until_the_lrs_takes_them", statements_wait_until_the_lrs_takes_them),
    ("a_draft_starts_once_with_its_schedule_and_finishes_once", a_draft_starts_once_with_its_schedule_and_finishes_once),
    ("the_policy_defaults_to_no_sharing_and_lists_opted_in_orgs", the_policy_defaults_to_no_sharing_and_lists_opted_in_orgs),
];

const AT: &str = "2026-12-07T10:00:00.000Z";

fn org(s: &dyn AwarenessBackend, name: &str) -> i64 {
    s.create_org(name, &format!("identity--{name}"), Some("FR"), false).expect("org").id
}

fn campaign(org_id: i64, name: &str) -> NewCampaign {
    NewCampaign {
        org_id,
        name: name.into(),
        channel: "email".into(),
        template: "redelivery-email".into(),
        template_version: 1,
        language: "fr".into(),
        legal_basis: Some("GDPR Art. 6(1)(f)".into()),
        staff_notice: None,
        works_council: None,
        state: "draft".into(),
        dry_run: true,
        created_at: AT.into(),
        created_by: "cli".into(),
        started_at: None,
    }
}

fn target(i: usize, prefix: &str) -> NewTarget {
    NewTarget {
        pseudonym: format!("t{i:04}"),
        group: i.is_multiple_of(2).then(|| "counter".to_string()),
        address: format!("p{i}@poste.example"),
        name: None,
        token: format!("{prefix}{i:0>32}"),
    }
}

fn event(kind: EventKind, view: Option<&str>) -> NewEvent {
    NewEvent {
        at: AT.into(),
        kind,
        method: if kind == EventKind::Link { "GET" } else { "POST" }.into(),
        user_agent: "Mozilla/5.0".into(),
        network: "192.0.2.0/24".into(),
        interaction: (kind == EventKind::Beacon).then_some(true),
        view: view.map(str::to_string),
        fields: (kind == EventKind::Submit).then_some(2),
    }
}

fn campaigns_keep_their_targets_per_org(open: Open<'_>) {
    let s = open();
    let (lp, co) = (org(&*s, "laposte"), org(&*s, "correos"));
    let first = s.create_campaign(&campaign(lp, "winter"), &[target(1, "a"), target(2, "a")]).expect("create");
    let second = s.create_campaign(&campaign(lp, "spring"), &[target(1, "b")]).expect("create");
    s.create_campaign(&campaign(co, "other"), &[target(1, "c")]).expect("create");
    assert_eq!(first.campaign, campaign(lp, "winter"));
    let ids: Vec<i64> = s.campaigns(lp).expect("list").iter().map(|c| c.id).collect();
    assert_eq!(ids, [second.id, first.id]);
    assert_eq!(open().campaign(first.id).expect("read"), Some(first.clone()));
    assert_eq!(s.campaign(9_999).expect("read"), None);
    let targets = s.targets(first.id).expect("targets");
    let summary: Vec<(&str, Option<&str>, Option<&str>)> =
        targets.iter().map(|t| (t.pseudonym.as_str(), t.group.as_deref(), t.address.as_deref())).collect();
    assert_eq!(summary, [("t0001", None, Some("p1@poste.example")), ("t0002", Some("counter"), Some("p2@poste.example"))]);
    let by_token = s.target_by_token(&targets[1].token).expect("lookup").expect("known token");
    assert_eq!(by_token, targets[1]);
    assert_eq!(s.target_by_token("nope").expect("lookup"), None);
    let missing = s.create_campaign(&campaign(9_999, "x"), &[]);
    assert!(matches!(missing, Err(StoreError::NotFound { what: "organisation", .. })), "{missing:?}");
}

fn tokens_are_unique_and_creation_is_all_or_nothing(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    s.create_campaign(&campaign(lp, "first"), &[target(1, "a")]).expect("create");
    let reused = s.create_campaign(&campaign(lp, "second"), &[target(2, "b"), target(1, "a")]);
    assert!(matches!(reused, Err(StoreError::Duplicate { .. })), "{reused:?}");
    let names: Vec<String> = s.campaigns(lp).expect("list").into_iter().map(|c| c.campaign.name).collect();
    assert_eq!(names, ["first"], "a refused campaign leaves nothing behind");
    assert_eq!(s.target_by_token(&target(2, "b").token).expect("lookup"), None);
}

fn events_are_recorded_and_beacons_count_once(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let c = s.create_campaign(&campaign(lp, "winter"), &[target(1, "a"), target(2, "a")]).expect("create");
    let ts = s.targets(c.id).expect("targets");
    let (me, other) = (ts[0].id, ts[1].id);
    s.record_event(me, &event(EventKind::Link, Some("view-1"))).expect("link");
    assert_eq!(s.record_beacon(me, "view-1", &event(EventKind::Beacon, None)).expect("beacon"), BeaconOutcome::Recorded);
    assert_eq!(s.record_beacon(me, "view-1", &event(EventKind::Beacon, None)).expect("beacon"), BeaconOutcome::Replayed);
    assert_eq!(s.record_beacon(other, "view-1", &event(EventKind::Beacon, None)).expect("beacon"), BeaconOutcome::UnknownView);
    assert_eq!(s.record_beacon(me, "forged", &event(EventKind::Beacon, None)).expect("beacon"), BeaconOutcome::UnknownView);
    s.record_event(other, &event(EventKind::Submit, None)).expect("submit");
    s.record_event(other, &event(EventKind::Report, None)).expect("report");
    let events = open().events(c.id).expect("events");
    let summary: Vec<(i64, EventKind, Option<bool>, Option<i64>)> =
        events.iter().map(|e| (e.target_id, e.event.kind, e.event.interaction, e.event.fields)).collect();
    assert_eq!(
        summary,
        [
            (me, EventKind::Link, None, None),
            (me, EventKind::Beacon, Some(true), None),
            (other, EventKind::Submit, None, Some(2)),
            (other, EventKind::Report, None, None)
        ]
    );
    assert_eq!(events[0].event, event(EventKind::Link, Some("view-1")));
    let missing = s.record_event(9_999, &event(EventKind::Link, None));
    assert!(matches!(missing, Err(StoreError::NotFound { what: "target", .. })), "{missing:?}");
}

fn sending_is_recorded_once_and_optouts_are_kept(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let c = s.create_campaign(&campaign(lp, "winter"), &[target(1, "a")]).expect("create");
    let t = s.targets(c.id).expect("targets")[0].id;
    assert!(s.mark_sent(t, AT).expect("sent"));
    assert!(!s.mark_sent(t, "2026-12-08T00:00:00.000Z").expect("again"));
    assert_eq!(s.targets(c.id).expect("targets")[0].sent_at.as_deref(), Some(AT));
    assert!(matches!(s.mark_sent(9_999, AT), Err(StoreError::NotFound { what: "target", .. })));
    s.add_optout(lp, "b@poste.example", AT).expect("optout");
    s.add_optout(lp, "a@poste.example", AT).expect("optout");
    s.add_optout(lp, "a@poste.example", AT).expect("idempotent");
    assert_eq!(open().optouts(lp).expect("optouts"), ["a@poste.example", "b@poste.example"]);
    assert!(matches!(s.add_optout(9_999, "x@y.example", AT), Err(StoreError::NotFound { what: "organisation", .. })));
}

fn progress_keeps_the_latest_result_per_lesson(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let user =
        s.create_user(&NewUser { org_id: lp, username: "ana".into(), password_hash: "x".into(), role: crate::Role::Reader }).expect("user");
    let result = |lesson: &str, correct: i64, at: &str| Progress {
        user_id: user.id,
        lesson_id: lesson.into(),
        version: 1,
        language: "fr".into(),
        correct,
        questions: 2,
        passed: correct == 2,
        at: at.into(),
        leitner_box: if correct == 2 { 2 } else { 1 },
        due: Some(format!("{}-due", &at[..10])),
    };
    s.record_progress(&result("sim-swap", 1, AT)).expect("first try");
    s.record_progress(&result("sim-swap", 2, "2026-12-07T11:00:00.000Z")).expect("second try");
    s.record_progress(&result("money-transfer", 0, AT)).expect("other lesson");
    assert_eq!(
        open().progress(user.id).expect("progress"),
        [result("money-transfer", 0, AT), result("sim-swap", 2, "2026-12-07T11:00:00.000Z")]
    );
    assert_eq!(s.progress(9_999).expect("nobody"), []);
    let unknown = s.record_progress(&Progress { user_id: 9_999, ..result("x", 0, AT) });
    assert!(matches!(unknown, Err(StoreError::NotFound { what: "user", .. })), "{unknown:?}");
}

fn the_purge_expires_person_level_data_only(open: Open<'_>) {
    let s = open();
    let lp = org(&*s, "laposte");
    let old = s.create_campaign(&campaign(lp, "old"), &[target(1, "a")]).expect("old");
    let young = s
        .create_campaign(&NewCampaign { created_at: "2027-03-01T00:00:00.000Z".into(), ..campaign(lp, "young") }, &[target(2, "b")])
        .expect("young");
    let (t_old, t_young) = (s.targets(old.id).expect("t")[0].id, s.targets(young.id).expect("t")[0].id);
    s.record_event(t_old, &event(EventKind::Report, None)).expect("old event");
    s.record_event(t_young, &NewEvent { at: "2027-03-02T00:00:00.000Z".into(), ..event(EventKind::Report, None) }).expect("young");
    let purged = s.purge_before("2027-01-01T00:00:00.000Z").expect("purge");
    assert_eq!(purged, Purged { events: 1, targets: 1, statements: 0 });
    assert_eq!(s.events(old.id).expect("events"), []);
    assert_eq!(s.events(young.id).expect("events").len(), 1);
    let erased = &s.targets(old.id).expect("targets")[0];
    assert_eq!((erased.address.as_deref(), erased.name.as_deref(), erased.pseudonym.as_str()), (None, None, "t0001"));
    assert_eq!(s.targets(young.id).expect("targets")[0].address.as_deref(), Some("p2@poste.example"));
    assert_eq!(open().purge_before("2027-01-01T00:00:00.000Z").expect("again"), Purged::default(), "a second run finds nothing");
    assert_eq!(s.campaigns(lp).expect("list").len(), 2, "campaigns stay");
}

fn run(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn AwarenessBackend>>) -> crate::contract::Failures {
    run_cases(CASES.iter().copied(), new_database)
}

#[test]
fn awareness_contract_holds_on_sqlite() {
    let dirs = Mutex::new(Vec::new());
    let failures = run(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(crate::SqliteStore::open(&path).expect("open store")) as Arc<dyn AwarenessBackend>)
    });
    assert!(failures.is_empty(), "awareness contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn awareness_contract_holds_on_postgres() {
    let cluster = crate::contract::PgCluster::start().expect("starting a private PostgreSQL cluster");
    let failures = run(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(crate::PgStore::open(&url).expect("open store")) as Arc<dyn AwarenessBackend>)
    });
    assert!(failures.is_empty(), "awareness contract cases failed on PostgreSQL: {failures:#?}");
}

fn learners_keep_their_pseudonym_and_groups_are_all_or_nothing(open: Open<'_>) {
    let s = open();
    let (lp, other) = (org(&*s, "laposte"), org(&*s, "correos"));
    let user = |org_id, name: &str| {
        s.create_user(&NewUser { org_id, username: name.into(), password_hash: "x".into(), role: crate::Role::Reader }).expect("user").id
    };
    let (ana, bob, eve) = (user(lp, "ana"), user(lp, "bob"), user(other, "eve"));
    let first = s.learner(ana, "l-ana").expect("created");
    assert_eq!(first, Learner { user_id: ana, pseudonym: "l-ana".into(), group: None });
    assert_eq!(s.learner(ana, "l-other").expect("kept").pseudonym, "l-ana", "a pseudonym never changes");
    assert!(matches!(s.learner(bob, "l-ana"), Err(StoreError::Duplicate { .. })));
    assert!(matches!(s.learner(9_999, "l-x"), Err(StoreError::NotFound { what: "user", .. })));
    let line = |name: &str, group: Option<&str>| LearnerGroup {
        username: name.into(),
        group: group.map(str::to_string),
        pseudonym: format!("l-new-{name}"),
    };
    assert_eq!(s.set_learner_groups(lp, &[line("ana", Some("counter")), line("bob", Some("depot"))]).expect("groups"), 2);
    assert_eq!(open().org_learners(lp).expect("learners"), [(ana, Some("counter".to_string())), (bob, Some("depot".to_string()))]);
    assert_eq!(s.learner(ana, "l-x").expect("kept"), Learner { user_id: ana, pseudonym: "l-ana".into(), group: Some("counter".into()) });
    assert_eq!(s.learner(bob, "l-x").expect("made by the list").pseudonym, "l-new-bob");
    // Another organisation's member is unknown here, and nothing of the list is applied.
    let refused = s.set_learner_groups(lp, &[line("ana", None), line("eve", Some("x"))]);
    assert!(matches!(&refused, Err(StoreError::NotFound { what: "user", name }) if name == "eve"), "{refused:?}");
    assert_eq!(s.org_learners(lp).expect("learners")[0].1.as_deref(), Some("counter"));
    assert_eq!(s.org_learners(other).expect("learners"), [(eve, None)]);
    let result = Progress {
        user_id: bob,
        lesson_id: "sim-swap".into(),
        version: 1,
        language: "en".into(),
        correct: 2,
        questions: 2,
        passed: true,
        at: AT.into(),
        leitner_box: 1,
        due: None,
    };
    s.record_progress(&result).expect("progress");
    s.record_progress(&Progress { user_id: eve, ..result.clone() }).expect("other org's progress");
    assert_eq!(s.org_progress(lp).expect("org progress"), [result]);
}

fn statements_wait_until_the_lrs_takes_them(open: Open<'_>) {
    let s = open();
    let queued = |id: &str| (id.to_string(), format!("{{\"id\":\"{id}\"}}"));
    s.enqueue_statements(&[queued("a"), queued("b")], AT).expect("enqueue");
    s.enqueue_statements(&[queued("a")], "2026-12-07T12:00:00.000Z").expect("an id queued twice is kept once");
    assert_eq!(s.pending_statements().expect("pending"), 2);
    let due = open().due_statements(AT, 10).expect("due");
    assert_eq!(due.iter().map(|q| (q.id.as_str(), q.attempts)).collect::<Vec<_>>(), [("a", 0), ("b", 0)]);
    assert_eq!(due[0].body, "{\"id\":\"a\"}");
    assert_eq!(s.due_statements("2026-12-07T09:00:00.000Z", 10).expect("not yet"), []);
    assert_eq!(s.due_statements(AT, 1).expect("limit").len(), 1);
    s.statement_failed("a", "HTTP 503", "2026-12-07T10:05:00.000Z").expect("failed");
    s.statement_sent("b", "2026-12-07T10:00:01.000Z").expect("sent");
    assert!(matches!(s.statement_sent("b", AT), Err(StoreError::NotFound { .. })), "sent once");
    assert_eq!(s.pending_statements().expect("pending"), 1);
    assert_eq!(s.due_statements("2026-12-07T10:01:00.000Z", 10).expect("backing off"), []);
    let retry = s.due_statements("2026-12-07T10:05:00.000Z", 10).expect("due again");
    assert_eq!(retry.iter().map(|q| (q.id.as_str(), q.attempts)).collect::<Vec<_>>(), [("a", 1)]);
    s.statement_sent("a", "2026-12-07T10:05:01.000Z").expect("sent");
    assert_eq!(s.pending_statements().expect("pending"), 0);
    // Sent statements expire with the other person-level data; unsent ones wait for the LRS.
    s.enqueue_statements(&[queued("c")], AT).expect("enqueue");
    let purged = s.purge_before("2026-12-07T10:05:00.500Z").expect("purge");
    assert_eq!(purged, Purged { events: 0, targets: 0, statements: 1 });
    assert_eq!(s.pending_statements().expect("pending"), 1);
    assert_eq!(s.due_statements(AT, 10).expect("due").len(), 1);
}

fn a_draft_starts_once_with_its_schedule_and_finishes_once(open: Open<'_>) {
    let s = open();
    let o = org(&*s, "Posta");
    let draft = s.create_campaign(&campaign(o, "spring"), &[target(1, "s")]).expect("draft");
    assert_eq!(draft.schedule, Schedule::default());
    assert!(s.running_campaigns().expect("running").is_empty());
    let schedule = Schedule {
        starts_at: Some("2026-12-08T08:00:00Z".into()),
        ends_at: Some("2026-12-09T17:00:00Z".into()),
        send_window: Some("08:00-17:00".into()),
        rate_per_minute: Some(30),
        sender: Some("security@posta.example".into()),
        brand: Some("Posta".into()),
        domain: Some("posta.example".into()),
        finished_at: None,
    };
    let start = StartCampaign {
        legal_basis: None,
        staff_notice: Some("Intranet notice".into()),
        works_council: None,
        started_at: AT.into(),
        schedule: schedule.clone(),
    };
    assert!(s.start_campaign(draft.id, &start).expect("start"));
    assert!(!s.start_campaign(draft.id, &start).expect("again"), "only a draft starts");
    let running = s.campaign(draft.id).expect("read").expect("campaign");
    assert_eq!((running.campaign.state.as_str(), running.campaign.dry_run), ("running", false));
    assert_eq!(running.campaign.legal_basis.as_deref(), Some("GDPR Art. 6(1)(f)"), "a None keeps what is on record");
    assert_eq!(running.campaign.staff_notice.as_deref(), Some("Intranet notice"));
    assert_eq!(running.campaign.started_at.as_deref(), Some(AT));
    assert_eq!(running.schedule, schedule);
    assert_eq!(s.running_campaigns().expect("running").iter().map(|c| c.id).collect::<Vec<_>>(), [draft.id]);
    assert!(s.finish_campaign(draft.id, "2026-12-09T17:00:00Z").expect("finish"));
    assert!(!s.finish_campaign(draft.id, "2026-12-09T18:00:00Z").expect("again"), "finished once");
    let done = s.campaign(draft.id).expect("read").expect("campaign");
    assert_eq!((done.campaign.state.as_str(), done.schedule.finished_at.as_deref()), ("finished", Some("2026-12-09T17:00:00Z")));
    assert!(s.running_campaigns().expect("running").is_empty());
}

fn the_policy_defaults_to_no_sharing_and_lists_opted_in_orgs(open: Open<'_>) {
    let s = open();
    let (a, b) = (org(&*s, "Posta"), org(&*s, "Pošta"));
    assert_eq!(s.policy(a).expect("policy"), Policy::default());
    assert!(s.isac_orgs().expect("orgs").is_empty());
    let opted =
        Policy { isac_opt_in: true, report_tlp: Some("green".into()), changed_at: Some(AT.into()), changed_by: Some("admin".into()) };
    s.set_policy(a, &opted).expect("set");
    s.set_policy(b, &Policy { isac_opt_in: false, ..opted.clone() }).expect("set b");
    assert_eq!(s.policy(a).expect("policy"), opted);
    assert_eq!(s.isac_orgs().expect("orgs"), [a]);
    s.set_policy(a, &Policy { isac_opt_in: false, ..opted.clone() }).expect("withdraw");
    assert!(s.isac_orgs().expect("orgs").is_empty(), "an opt-in is withdrawn by setting it again");
    assert!(matches!(s.set_policy(a + b + 100, &opted), Err(StoreError::NotFound { .. })));
}
