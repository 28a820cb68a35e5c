//! The contract of the portal's store and the posture history ([`crate::PortalStore`],
//! [`crate::PostureStore`]), run like the hub's cases on every backend that offers them.

use std::sync::Arc;

use crate::hub::contract::{self as hub, Failures, run_cases};
use crate::portal::{NewReport, NewUser, ReportDecision, ReportKind, ReportStatus, SessionRecord};
use crate::{NewAudit, PortalStore, PostureReader, PostureRecord, PostureStore, Role, Store, StoreError};

/// A backend with the hub, the portal and the posture history behind one handle.
pub trait PortalBackend: Store + PortalStore + PostureStore {}

impl<T: Store + PortalStore + PostureStore> PortalBackend for T {}

/// Opens another handle on the database under test.
pub type OpenPortal<'a> = &'a dyn Fn() -> Arc<dyn PortalBackend>;

/// One behaviour of the portal and posture contract.
pub struct PortalCase {
    pub name: &'static str,
    pub run: fn(OpenPortal<'_>),
}

/// Every case of the portal and posture contract, in the order they run.
pub const PORTAL_CASES: &[PortalCase] = &[
    PortalCase { name: "users_are_unique_and_listed_by_name", run: users_are_unique_and_listed_by_name },
    PortalCase { name: "portal_references_to_missing_records_are_not_found", run: portal_references_to_missing_records_are_not_found },
    PortalCase { name: "disabling_a_user_ends_its_sessions", run: disabling_a_user_ends_its_sessions },
    PortalCase { name: "sessions_expire_at_their_instant_and_are_purged", run: sessions_expire_and_are_purged },
    PortalCase { name: "citizen_reports_newest_first_and_decided_once", run: citizen_reports_decided_once },
    PortalCase {
        name: "accepting_a_report_stores_its_indicator_and_decides_it_in_one_transaction",
        run: accepting_a_report_is_one_transaction,
    },
    PortalCase { name: "recipient_lists_replace_by_name_per_org", run: recipient_lists_replace_by_name },
    PortalCase { name: "posture_domains_register_once", run: posture_domains_register_once },
    PortalCase { name: "posture_history_scoreboard_and_events", run: posture_history_scoreboard_and_events },
    PortalCase { name: "posture_reports_are_their_owners_unless_registered", run: posture_reports_are_their_owners_unless_registered },
];

/// Runs every portal case, each on a database of its own, like [`crate::contract::run_all`].
pub fn run_portal_all(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn PortalBackend>>) -> Failures {
    run_cases(PORTAL_CASES.iter().map(|c| (c.name, c.run)), new_database)
}

fn new_user(org_id: i64, name: &str, role: Role) -> NewUser {
    NewUser { org_id, username: name.into(), password_hash: format!("$argon2id$v=19$m=19456,t=2,p=1${name}"), role }
}

fn session(id: &[u8], user_id: i64, expires_us: i64) -> SessionRecord {
    SessionRecord { id_hash: id.to_vec(), user_id, csrf: format!("csrf-{}", id.len()), created_us: 10, expires_us }
}

fn users_are_unique_and_listed_by_name(open: OpenPortal<'_>) {
    let s = open();
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let other = s.create_org("Correos", "identity--co", Some("ES"), false).expect("org");
    let bob = s.create_user(&new_user(org.id, "bob", Role::Analyst)).expect("bob");
    let alice = s.create_user(&new_user(other.id, "alice", Role::Admin)).expect("alice");
    let zed = s.create_user(&new_user(org.id, "Zed", Role::Reader)).expect("Zed");
    assert_ne!(bob.id, alice.id);
    assert!(!bob.disabled && !bob.created.is_empty());
    assert_eq!((alice.org_id, alice.role, alice.username.as_str()), (other.id, Role::Admin, "alice"));
    // The name is unique across organisations, and the failed insert leaves nothing behind.
    assert!(matches!(s.create_user(&new_user(other.id, "bob", Role::Reader)), Err(StoreError::Duplicate { what: "user", .. })));
    assert_eq!(s.user_by_name("bob").expect("by name"), Some(bob.clone()));
    assert_eq!(s.user_by_name("nobody").expect("by name"), None);
    assert_eq!(s.user_by_name("BOB").expect("by name"), None, "names are compared exactly (callers lower-case them)");
    assert_eq!(s.user_by_id(alice.id).expect("by id"), Some(alice.clone()));
    assert_eq!(s.user_by_id(alice.id + zed.id + bob.id).expect("by id"), None);
    // Byte order: upper case before lower case.
    assert_eq!(s.list_users().expect("list"), vec![zed, alice, bob.clone()]);
    // Another process sees the same accounts.
    assert_eq!(open().user_by_name("bob").expect("by name"), Some(bob));
}

/// A user of an unknown organisation, a session of an unknown user, a recipient list of an
/// unknown organisation: `NotFound` on every engine, with nothing written.
fn portal_references_to_missing_records_are_not_found(open: OpenPortal<'_>) {
    let s = open();
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let ghost = org.id + 1000;
    let e = s.create_user(&new_user(ghost, "bob", Role::Reader));
    assert!(matches!(e, Err(StoreError::NotFound { what: "organisation", .. })), "user: {e:?}");
    assert_eq!(s.list_users().expect("users"), vec![]);
    let e = s.create_session(&session(b"s1", ghost, 100));
    assert!(matches!(e, Err(StoreError::NotFound { what: "user", .. })), "session: {e:?}");
    assert_eq!(s.session(b"s1", 10).expect("session"), None);
    let before = s.entries(0, 1000).expect("audit").len();
    let audit = NewAudit { actor: "t".into(), action: "list.save".into(), target: "l".into(), outcome: "ok".into(), detail: "".into() };
    let e = s.save_recipient_list(ghost, "board", &["identity--x".to_string()], &audit);
    assert!(matches!(e, Err(StoreError::NotFound { what: "organisation", .. })), "list: {e:?}");
    assert_eq!(s.entries(0, 1000).expect("audit").len(), before, "no audit line for a list not saved");
}

/// Writes the SQL literal `value` into `column` of every row of `table`, past the schema's CHECK
/// constraints, the way a hand edit or a bug would: each engine's test supplies its raw SQL.
pub type Corrupt<'a> = &'a dyn Fn(&str, &str, &str);

fn assert_corrupt<T: std::fmt::Debug>(what: &str, res: crate::Result<T>, table_column: &str, value: &str) {
    match res {
        Err(StoreError::Corrupt(m)) => assert!(m.contains(table_column) && m.contains(value), "{what}: {m}"),
        other => panic!("{what}: an unknown {table_column} '{value}' was read as {other:?}"),
    }
}

/// A row holding a value this crate never writes reads back as [`StoreError::Corrupt`] naming the
/// table, column and value, never as a default (an unknown role is not a Reader, an unknown TLP
/// rank not RED, an unknown report status not `new`).
pub fn unknown_values_read_back_as_corrupt(s: &dyn PortalBackend, corrupt: Corrupt<'_>) {
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let token = crate::TokenRecord {
        id: "tok".into(),
        org_id: org.id,
        role: Role::Admin,
        secret_hash: vec![1],
        created: "2025-01-01T00:00:00.000Z".into(),
        revoked: None,
    };
    s.insert_token(&token).expect("token");
    corrupt("tokens", "role", "'root'");
    assert_corrupt("token", s.token("tok"), "tokens.role", "root");
    assert_corrupt("tokens", s.list_tokens(), "tokens.role", "root");

    s.create_collection(&hub::collection(hub::COL, "Phishing")).expect("collection");
    hub::add(s, &[hub::obj("indicator--1", Some(("2025-01-01T00:00:00Z", 1)), "{}")]);
    corrupt("objects", "tlp", "9");
    assert_corrupt("object", s.versions(hub::COL, "indicator--1"), "objects.tlp", "9");

    s.add_peer(&crate::peers::contract::peer("regional", crate::PeerAuth::Bearer("t".into()))).expect("peer");
    corrupt("peers", "direction", "'sideways'");
    assert_corrupt("peer", s.peer("regional"), "peers.direction", "sideways");

    s.create_user(&new_user(org.id, "bob", Role::Analyst)).expect("user");
    corrupt("portal_users", "role", "'root'");
    assert_corrupt("user", s.user_by_name("bob"), "portal_users.role", "root");

    let id = s
        .add_report(&NewReport { kind: ReportKind::Url, content: "https://x.example/".into(), country: "FR".into(), contact: None })
        .expect("report");
    corrupt("citizen_reports", "status", "'stale'");
    assert_corrupt("report", s.report(id), "citizen_reports.status", "stale");
}

fn disabling_a_user_ends_its_sessions(open: OpenPortal<'_>) {
    let s = open();
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let alice = s.create_user(&new_user(org.id, "alice", Role::Analyst)).expect("alice");
    let bob = s.create_user(&new_user(org.id, "bob", Role::Analyst)).expect("bob");
    s.create_session(&session(&[1], alice.id, 1_000)).expect("session");
    s.create_session(&session(&[1, 1], alice.id, 1_000)).expect("session");
    s.create_session(&session(&[2], bob.id, 1_000)).expect("session");
    assert!(s.set_user_disabled(alice.id, true).expect("disable"));
    assert_eq!(s.session(&[1], 50).expect("session"), None);
    assert_eq!(s.session(&[1, 1], 50).expect("session"), None);
    assert!(s.session(&[2], 50).expect("session").is_some(), "other users keep theirs");
    assert!(s.user_by_id(alice.id).expect("by id").is_some_and(|u| u.disabled));
    assert!(s.set_user_disabled(alice.id, false).expect("enable"));
    assert!(s.user_by_name("alice").expect("by name").is_some_and(|u| !u.disabled));
    assert!(!s.set_user_disabled(alice.id + bob.id, true).expect("disable"), "no such user");
}

fn sessions_expire_and_are_purged(open: OpenPortal<'_>) {
    let s = open();
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let u = s.create_user(&new_user(org.id, "alice", Role::Analyst)).expect("user");
    // Any bytes: the id is a SHA-256 digest.
    let hash: Vec<u8> = (0..32).map(|i| if i % 2 == 0 { 0 } else { 255 - i }).collect();
    let live = SessionRecord { id_hash: hash.clone(), user_id: u.id, csrf: "token".into(), created_us: 10, expires_us: 100 };
    s.create_session(&live).expect("session");
    s.create_session(&session(&[9], u.id, 60)).expect("session");
    assert!(s.create_session(&live).is_err(), "a session id is unique");
    assert_eq!(s.session(&hash, 99).expect("session"), Some(live.clone()));
    assert_eq!(open().session(&hash, 50).expect("session"), Some(live.clone()), "seen by another process");
    assert_eq!(s.session(&hash, 100).expect("session"), None, "expired at its expiry instant");
    assert_eq!(s.session(&hash[..31], 50).expect("session"), None);
    assert_eq!(s.purge_sessions(59).expect("purge"), 0);
    assert_eq!(s.purge_sessions(60).expect("purge"), 1, "expires_us <= now is expired");
    assert_eq!(s.session(&hash, 61).expect("session"), Some(live), "a live one stays");
    s.delete_session(&hash).expect("delete");
    s.delete_session(&hash).expect("deleting a missing session is not an error");
    assert_eq!(s.session(&hash, 61).expect("session"), None);
    assert_eq!(s.purge_sessions(i64::MAX).expect("purge"), 0);
}

fn citizen_reports_decided_once(open: OpenPortal<'_>) {
    let s = open();
    let url = NewReport { kind: ReportKind::Url, content: "http://x.top/track".into(), country: "FR".into(), contact: None };
    let sms = NewReport {
        kind: ReportKind::Message,
        content: "Your parcel is held: pay 1.99 EUR".into(),
        country: "ES".into(),
        contact: Some("someone@example.org".into()),
    };
    let first = s.add_report(&url).expect("add");
    let second = s.add_report(&sms).expect("add");
    let third = s.add_report(&url).expect("add");
    let ids = |status, n| -> Vec<i64> { PortalStore::reports(&*s, status, n).expect("reports").into_iter().map(|r| r.id).collect() };
    assert_eq!(ids(None, 10), vec![third, second, first], "newest first");
    assert_eq!(ids(None, 2), vec![third, second]);
    let r = s.report(second).expect("report").expect("exists");
    assert_eq!((r.kind, r.content.as_str(), r.country.as_str()), (ReportKind::Message, sms.content.as_str(), "ES"));
    assert_eq!((r.contact.as_deref(), r.status), (Some("someone@example.org"), ReportStatus::New));
    assert_eq!((r.decided_by, r.decided_org_id, r.decided_at, r.indicator_id), (None, None, None, None));
    assert!(!r.created.is_empty());
    assert_eq!(s.report(first + second + third).expect("report"), None);

    let lp = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let co = s.create_org("Correos", "identity--co", Some("ES"), false).expect("org");
    let accept = ReportDecision {
        status: ReportStatus::Accepted,
        decided_by: "user:a@b".into(),
        org_id: lp.id,
        indicator_id: Some("indicator--1".into()),
    };
    let reject = ReportDecision { status: ReportStatus::Rejected, decided_by: "user:c@d".into(), org_id: co.id, indicator_id: None };
    assert!(s.decide_report(first, &accept).expect("decide"));
    assert!(!open().decide_report(first, &reject).expect("decide again"), "decided once, whoever asks");
    assert!(s.decide_report(second, &reject).expect("decide"));
    assert!(!s.decide_report(first + second + third, &reject).expect("decide"), "unknown report");
    assert_eq!(ids(Some(ReportStatus::New), 10), vec![third]);
    assert_eq!(ids(Some(ReportStatus::Accepted), 10), vec![first]);
    assert_eq!(ids(Some(ReportStatus::Rejected), 10), vec![second]);
    let r = s.report(first).expect("report").expect("exists");
    assert_eq!(
        (r.status, r.decided_by.as_deref(), r.decided_org_id, r.indicator_id.as_deref()),
        (ReportStatus::Accepted, Some("user:a@b"), Some(lp.id), Some("indicator--1"))
    );
    let r = s.report(second).expect("report").expect("exists");
    assert_eq!((r.status, r.decided_org_id), (ReportStatus::Rejected, Some(co.id)), "the deciding organisation, not the first");
    assert!(r.decided_at.is_some_and(|at| !at.is_empty()));
}

/// Triage "accept": the indicator, its sighting and the decision are written together or not at
/// all: a report accepted twice keeps the first indicator only, and a write that cannot store its
/// objects leaves the report new.
fn accepting_a_report_is_one_transaction(open: OpenPortal<'_>) {
    use crate::hub::contract::{COL, collection, obj};
    use crate::{ObjectQuery, ReportClaim, StatusRecord};
    let s = open();
    s.create_collection(&collection(COL, "Reports")).expect("collection");
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let report = s
        .add_report(&NewReport { kind: ReportKind::Url, content: "http://x.top/pay".into(), country: "FR".into(), contact: None })
        .expect("add");
    let other = s
        .add_report(&NewReport { kind: ReportKind::Url, content: "http://y.top/pay".into(), country: "FR".into(), contact: None })
        .expect("add");
    let decision = |indicator: &str| ReportDecision {
        status: ReportStatus::Accepted,
        decided_by: "user:a@lp".into(),
        org_id: org.id,
        indicator_id: Some(indicator.into()),
    };
    let count = |s: &dyn PortalBackend| {
        let q = ObjectQuery {
            collection_id: COL.into(),
            added_after_us: None,
            ids: vec![],
            types: vec![],
            versions: vec![crate::VersionSel::All],
            spec_versions: vec![],
            batch: 100,
            candidates: None,
        };
        s.scan(&q).expect("scan").len()
    };
    let audits = |s: &dyn PortalBackend| s.entries(0, 1000).expect("audit").len();
    let mut status = 0;
    let mut finish = |_: &[crate::PutOutcome]| {
        status += 1;
        let audit =
            NewAudit { actor: "t".into(), action: "objects.add".into(), target: COL.into(), outcome: "ok".into(), detail: String::new() };
        (StatusRecord { id: format!("status-accept-{}-{status}", std::process::id()), org_id: org.id, body: "{}".into() }, audit)
    };
    let first = [
        obj("indicator--a1", Some(("2026-12-07T00:00:00.000Z", 0)), r#"{"n":1}"#),
        obj("sighting--a1", Some(("2026-12-07T00:00:00.000Z", 0)), r#"{"n":2}"#),
    ];
    let d1 = decision("indicator--a1");
    s.add_objects_deciding(COL, &first, &mut finish, Some(ReportClaim { report_id: report, decision: &d1 })).expect("accept");
    let r = s.report(report).expect("report").expect("exists");
    assert_eq!((r.status, r.indicator_id.as_deref()), (ReportStatus::Accepted, Some("indicator--a1")));
    let (objects, lines) = (count(&*s), audits(&*s));
    assert_eq!(objects, 2, "the indicator and its sighting");

    // Accepted again (a second analyst, another handle): refused, and its objects are not kept.
    let again = [obj("indicator--a2", Some(("2026-12-07T00:00:00.000Z", 0)), r#"{"n":3}"#)];
    let d2 = decision("indicator--a2");
    let refused = open().add_objects_deciding(COL, &again, &mut finish, Some(ReportClaim { report_id: report, decision: &d2 }));
    assert!(matches!(refused, Err(StoreError::Conflict(_))), "{refused:?}");
    assert_eq!((count(&*s), audits(&*s)), (objects, lines), "nothing of the refused accept is stored");
    assert_eq!(s.report(report).expect("report").expect("exists").indicator_id.as_deref(), Some("indicator--a1"));

    // An object that cannot be stored (same id and version, other content) rolls the decision
    // and the other objects back: the report stays new.
    let clash = [
        obj("indicator--b1", Some(("2026-12-07T00:00:00.000Z", 0)), r#"{"n":4}"#),
        obj("indicator--a1", Some(("2026-12-07T00:00:00.000Z", 0)), r#"{"n":5}"#),
    ];
    let d3 = decision("indicator--b1");
    let refused = s.add_objects_deciding(COL, &clash, &mut finish, Some(ReportClaim { report_id: other, decision: &d3 }));
    assert!(matches!(refused, Err(StoreError::Conflict(_))), "{refused:?}");
    assert_eq!((count(&*s), audits(&*s)), (objects, lines));
    assert_eq!(s.report(other).expect("report").expect("exists").status, ReportStatus::New);
    // An unknown report is refused the same way.
    let refused = s.add_objects_deciding(COL, &again, &mut finish, Some(ReportClaim { report_id: report + other + 1, decision: &d2 }));
    assert!(matches!(refused, Err(StoreError::Conflict(_))), "{refused:?}");
    assert_eq!(count(&*s), objects);
}

fn recipient_lists_replace_by_name(open: OpenPortal<'_>) {
    let s = open();
    let co = s.create_org("Correos", "identity--co", Some("ES"), false).expect("org").id;
    let lp = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org").id;
    let ids = |v: &[&str]| -> Vec<String> { v.iter().map(|s| s.to_string()).collect() };
    let audit = |action: &str, target: &str| NewAudit {
        actor: "org:Correos/portal-user:bob".into(),
        action: action.into(),
        target: target.into(),
        outcome: "ok".into(),
        detail: String::new(),
    };
    let save = audit("portal.recipients.save", "iberia");
    let first = s.save_recipient_list(co, "iberia", &ids(&["identity--a"]), &save).expect("save");
    let replaced = s.save_recipient_list(co, "iberia", &ids(&["identity--z", "identity--a"]), &save).expect("save");
    assert_eq!(replaced.id, first.id, "replacing keeps the list's id");
    assert_eq!((replaced.org_id, replaced.name.as_str()), (co, "iberia"));
    assert_eq!(replaced.identities, ids(&["identity--z", "identity--a"]), "order is kept");
    let empty = s.save_recipient_list(co, "Atlantic", &[], &audit("portal.recipients.save", "Atlantic")).expect("save");
    assert!(empty.identities.is_empty());
    // The same name in another organisation is another list.
    let theirs = s.save_recipient_list(lp, "iberia", &ids(&["identity--b"]), &save).expect("save");
    assert_ne!(theirs.id, replaced.id);
    assert_eq!(s.recipient_lists(co).expect("lists"), vec![empty.clone(), replaced.clone()], "by name, byte order");
    assert_eq!(open().recipient_lists(lp).expect("lists"), vec![theirs.clone()]);
    let delete = audit("portal.recipients.delete", "iberia");
    assert!(!s.delete_recipient_list(lp, replaced.id, &delete).expect("delete"), "only the owner deletes");
    assert!(s.delete_recipient_list(co, replaced.id, &delete).expect("delete"));
    assert!(!s.delete_recipient_list(co, replaced.id, &delete).expect("delete"));
    assert_eq!(s.recipient_lists(co).expect("lists"), vec![empty]);
    assert_eq!(s.recipient_lists(lp + co).expect("lists"), vec![]);
    // Every change is in the audit log, and a delete that removed nothing is not.
    let logged: Vec<(String, String)> = open().entries(0, 100).expect("audit").into_iter().map(|e| (e.action, e.target)).collect();
    let want = [
        ("portal.recipients.save", "iberia"),
        ("portal.recipients.save", "iberia"),
        ("portal.recipients.save", "Atlantic"),
        ("portal.recipients.save", "iberia"),
        ("portal.recipients.delete", "iberia"),
    ];
    assert_eq!(logged, want.map(|(a, t)| (a.to_string(), t.to_string())));
    // A list for an organisation that does not exist is refused, and leaves no audit line.
    assert!(s.save_recipient_list(lp + co + 1, "x", &[], &audit("portal.recipients.save", "x")).is_err());
    assert_eq!(open().entries(0, 100).expect("audit").len(), want.len());
}

fn posture_domains_register_once(open: OpenPortal<'_>) {
    let s = open();
    assert_eq!(s.registered_domains().expect("list"), Vec::<String>::new());
    s.register_domain("laposte.fr", "org:La Poste/token:t1").expect("register");
    s.register_domain("correos.es", "cli").expect("register");
    s.register_domain("laposte.fr", "cli").expect("registering twice is not an error");
    open().register_domain("correos.es", "cli").expect("nor from another process");
    assert_eq!(s.registered_domains().expect("list"), vec!["correos.es", "laposte.fr"]);
}

/// A domain's posture history as organisation 1 reads it (`reports` is also the portal's name
/// for citizen reports).
fn history(s: &dyn PortalBackend, domain: &str, n: usize) -> Vec<PostureRecord> {
    PostureStore::reports(s, domain, PostureReader::Org(1), n).expect("posture history")
}

/// A report organisation 1 asked for.
fn record(domain: &str, at: &str, score: i64, compliant: bool) -> PostureRecord {
    PostureRecord {
        domain: domain.into(),
        checked_at: at.into(),
        score,
        grade: if score >= 90 { "A".into() } else { "D".into() },
        dotpost_compliant: compliant,
        report: format!(r#"{{"domain":"{domain}","score":{score}}}"#),
        owner_org: Some(1),
    }
}

fn regression(code: &str) -> (String, String, String) {
    (code.into(), "error".into(), format!("{code} appeared"))
}

fn posture_history_scoreboard_and_events(open: OpenPortal<'_>) {
    let s = open();
    assert_eq!(s.latest_reports(PostureReader::Org(1)).expect("latest"), vec![]);
    assert_eq!(history(&*s, "good.post", 10), vec![]);
    let a1 = record("good.post", "2026-01-01T00:00:00Z", 100, true);
    let a2 = record("good.post", "2026-01-02T00:00:00Z", 60, false);
    // History is in the order reports were stored, not by their `checked_at` text.
    let a3 = record("good.post", "2025-12-31T00:00:00Z", 95, true);
    let b1 = record("another.post", "2026-01-01T00:00:00Z", 70, false);
    s.save_report(&a1, &[]).expect("save");
    s.save_report(&b1, &[regression("spf-missing")]).expect("save");
    s.save_report(&a2, &[regression("dmarc-missing"), regression("mta-sts-missing")]).expect("save");
    open().save_report(&a3, &[]).expect("save from another process");
    assert_eq!(history(&*s, "good.post", 10), vec![a3.clone(), a2.clone(), a1]);
    assert_eq!(history(&*s, "good.post", 1), vec![a3.clone()]);
    assert_eq!(history(&*s, "GOOD.post", 10), vec![], "domains are compared exactly (callers normalise them)");
    assert_eq!(s.latest_reports(PostureReader::Org(1)).expect("latest"), vec![b1, a3], "the newest of each domain, by domain");

    let events = s.posture_events(PostureReader::Org(1), 0, 10).expect("events");
    let codes: Vec<&str> = events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, vec!["spf-missing", "dmarc-missing", "mta-sts-missing"], "oldest first, in the order given");
    assert!(events.windows(2).all(|w| w[0].seq < w[1].seq));
    let e = &events[1];
    assert_eq!((e.domain.as_str(), e.at.as_str(), e.severity.as_str()), ("good.post", a2.checked_at.as_str(), "error"));
    assert_eq!(e.message, "dmarc-missing appeared");
    let page: Vec<String> =
        s.posture_events(PostureReader::Org(1), events[0].seq, 1).expect("events").into_iter().map(|e| e.code).collect();
    assert_eq!(page, vec!["dmarc-missing"]);
    assert_eq!(s.posture_events(PostureReader::Org(1), events[2].seq, 10).expect("events"), vec![]);
}

/// A scan belongs to the organisation that asked for it; once its domain is on the public
/// scoreboard (registered) every report of the domain is public, scheduled re-scans included.
fn posture_reports_are_their_owners_unless_registered(open: OpenPortal<'_>) {
    let s = open();
    let owned = |domain: &str, at: &str, owner: Option<i64>| PostureRecord { owner_org: owner, ..record(domain, at, 80, true) };
    let mine = owned("intranet.example", "2026-01-01T00:00:00Z", Some(1));
    let theirs = owned("intranet.example", "2026-01-02T00:00:00Z", Some(2));
    s.save_report(&mine, &[regression("spf-missing")]).expect("save");
    s.save_report(&theirs, &[regression("dmarc-missing")]).expect("save");
    let read = |r: PostureReader| {
        (
            PostureStore::reports(&*s, "intranet.example", r, 10).expect("history"),
            s.latest_reports(r).expect("latest"),
            s.posture_events(r, 0, 10).expect("events").into_iter().map(|e| e.code).collect::<Vec<_>>(),
        )
    };
    assert_eq!(read(PostureReader::Org(1)), (vec![mine.clone()], vec![mine.clone()], vec!["spf-missing".to_string()]));
    assert_eq!(read(PostureReader::Org(2)), (vec![theirs.clone()], vec![theirs.clone()], vec!["dmarc-missing".to_string()]));
    assert_eq!(read(PostureReader::Org(3)), (vec![], vec![], vec![]));
    assert_eq!(read(PostureReader::Public), (vec![], vec![], vec![]));

    s.register_domain("intranet.example", "org:1/token:t").expect("register");
    let rescan = owned("intranet.example", "2026-01-03T00:00:00Z", None);
    s.save_report(&rescan, &[]).expect("save");
    let all = vec![rescan.clone(), theirs, mine];
    for r in [PostureReader::Public, PostureReader::Org(1), PostureReader::Org(3)] {
        let (history, latest, events) = read(r);
        assert_eq!(history, all, "{r:?}");
        assert_eq!(latest, vec![rescan.clone()], "{r:?}");
        assert_eq!(events, vec!["spf-missing", "dmarc-missing"], "{r:?}");
    }
}
