//! The hub's storage contract: every behaviour the hub relies on, written once against
//! `dyn Store` and run on every engine (SQLite in `engine/sqlite/tests.rs`, PostgreSQL in
//! `tests/postgres.rs`), including every `Duplicate` and `NotFound` a backend returns.
//!
//! A case receives an opener: each call opens one more handle on the same fresh database, the
//! way another `postern serve` process would, so cases can check what holds across processes.
//! [`PgCluster`] starts the private PostgreSQL server these tests (and the benches) use.
//! The portal and posture cases ([`PORTAL_CASES`]) need a backend with those stores too.

use std::collections::HashSet;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};

use tlp::Tlp;

use crate::{
    AuditEntry, Collection, NewAudit, NewObject, ObjectQuery, Peer, PeerAuth, PutOutcome, Role, StatusRecord, Store, StoreError,
    TokenRecord, Version, VersionSel,
};

/// Opens another handle on the database under test.
pub type Open<'a> = &'a dyn Fn() -> Arc<dyn Store>;

/// One behaviour of the contract.
pub struct Case {
    pub name: &'static str,
    pub run: fn(Open<'_>),
}

/// Every case of the contract, in the order they run.
pub const CASES: &[Case] = &[
    Case { name: "members_and_tokens", run: members_and_tokens },
    Case { name: "duplicate_names_are_reported", run: duplicate_names_are_reported },
    Case { name: "references_to_missing_records_are_not_found", run: references_to_missing_records_are_not_found },
    Case { name: "collections_and_grants", run: collections_and_grants },
    Case { name: "versions_first_last_all_and_idempotence", run: versions_first_last_all_and_idempotence },
    Case { name: "date_added_is_strictly_increasing_and_keyset_pages_are_complete", run: keyset_pages_are_complete },
    Case { name: "scan_filters", run: scan_filters },
    Case { name: "object_fields_round_trip", run: object_fields_round_trip },
    Case { name: "delete_recomputes_latest", run: delete_recomputes_latest },
    Case { name: "unversioned_objects_are_stored_once", run: unversioned_objects_are_stored_once },
    Case { name: "only_the_producer_versions_an_object", run: only_the_producer_versions_an_object },
    Case { name: "observables_are_each_producers_own", run: observables_are_each_producers_own },
    Case { name: "identities_belong_to_one_organisation", run: identities_belong_to_one_organisation },
    Case { name: "scans_preselect_the_candidates_of_an_audience", run: scans_preselect_the_candidates_of_an_audience },
    Case { name: "add_objects_is_all_or_nothing", run: add_objects_is_all_or_nothing },
    Case { name: "audit_log_appends_in_order", run: audit_log_appends_in_order },
    Case { name: "audit_entries_about_targets_in_a_window", run: audit_entries_about_targets_in_a_window },
    Case { name: "meta_settings", run: meta_settings },
    Case { name: "peers_round_trip_and_leases_exclude_each_other", run: crate::peers::contract::peers_round_trip_and_leases },
    Case { name: "one_lease_winner_among_processes", run: crate::peers::contract::one_lease_winner_among_processes },
    Case { name: "concurrent_writers_and_alternating_keyset_reader", run: concurrent_writers_and_keyset_reader },
];

/// The names and panic messages of the cases that failed.
pub type Failures = Vec<(&'static str, String)>;

/// Runs every case, each on a database of its own from `new_database`, and returns the names
/// and panic messages of the cases that failed (so one failure does not hide the others).
pub fn run_all(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn Store>>) -> Failures {
    run_cases(CASES.iter().map(|c| (c.name, c.run)), new_database)
}

/// Runs `cases` of either contract, each with an opener on a fresh database.
pub(crate) fn run_cases<S: ?Sized>(
    cases: impl Iterator<Item = (&'static str, fn(&dyn Fn() -> Arc<S>))>,
    new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<S>>,
) -> Failures {
    let mut failures = Vec::new();
    for (name, run) in cases {
        let open = new_database();
        if let Err(panic) = std::panic::catch_unwind(AssertUnwindSafe(|| run(&*open))) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "panicked".into());
            failures.push((name, message));
        }
    }
    failures
}

pub(crate) const COL: &str = "c1";

pub(crate) fn collection(id: &str, title: &str) -> Collection {
    Collection { id: id.into(), title: title.into(), description: None, read_all: true, public: false, readers: vec![], writers: vec![] }
}

pub(crate) fn obj(id: &str, version: Option<(&str, i64)>, body: &str) -> NewObject {
    NewObject {
        object_id: id.into(),
        object_type: id.split("--").next().unwrap_or("x").into(),
        spec_version: "2.1".into(),
        version: version.map(|(t, n)| Version { text: t.into(), nanos: n }),
        tlp: Tlp::Green,
        producer: "identity--p".into(),
        recipients: vec![],
        body: body.into(),
        origin: None,
        may_version_others: false,
    }
}

fn audit(action: &str, target: &str) -> NewAudit {
    NewAudit { actor: "t".into(), action: action.into(), target: target.into(), outcome: "ok".into(), detail: String::new() }
}

/// A status id unique across the handles of one test process.
fn status_id() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!("status-{}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed))
}

pub(crate) fn add(s: &dyn Store, objs: &[NewObject]) -> Vec<PutOutcome> {
    s.add_objects(COL, objs, &mut |_| (StatusRecord { id: status_id(), org_id: 1, body: "{}".into() }, audit("objects.add", COL)))
        .expect("add objects")
}

fn query(versions: Vec<VersionSel>) -> ObjectQuery {
    ObjectQuery {
        collection_id: COL.into(),
        added_after_us: None,
        ids: vec![],
        types: vec![],
        versions,
        spec_versions: vec![],
        batch: 100,
        candidates: None,
    }
}

pub(crate) fn with_collection(open: Open<'_>) -> Arc<dyn Store> {
    let s = open();
    s.create_collection(&collection(COL, "Collection one")).expect("collection");
    s
}

fn bodies(objs: &[crate::StoredObject]) -> Vec<&str> {
    objs.iter().map(|o| o.body.as_str()).collect()
}

fn members_and_tokens(open: Open<'_>) {
    let s = open();
    assert_eq!(s.hub_org().expect("hub"), None);
    let hub = s.create_org("POST-ISAC", "identity--hub", None, true).expect("hub org");
    let member = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    assert_ne!(hub.id, member.id);
    assert_eq!(s.hub_org().expect("hub"), Some(hub.clone()));
    assert_eq!(s.org_by_name("La Poste").expect("by name"), Some(member.clone()));
    assert_eq!(s.org_by_id(member.id).expect("by id"), Some(member.clone()));
    assert_eq!(s.org_by_name("nobody").expect("by name"), None);
    assert_eq!(s.list_orgs().expect("list"), vec![hub.clone(), member.clone()]);
    let token = TokenRecord {
        id: "tok1".into(),
        org_id: member.id,
        role: Role::Analyst,
        secret_hash: vec![0, 1, 2, 255],
        created: "2025-01-01T00:00:00.000Z".into(),
        revoked: None,
    };
    s.insert_token(&token).expect("token");
    assert_eq!(s.token("tok1").expect("token"), Some(token.clone()));
    assert_eq!(s.token("tok2").expect("token"), None);
    assert!(s.revoke_token("tok1", "2025-02-01T00:00:00.000Z").expect("revoke"));
    // A second revocation keeps the first date.
    assert!(s.revoke_token("tok1", "2025-03-01T00:00:00.000Z").expect("revoke"));
    assert!(!s.revoke_token("tok2", "2025-02-01T00:00:00.000Z").expect("revoke"));
    let revoked = TokenRecord { revoked: Some("2025-02-01T00:00:00.000Z".into()), ..token };
    assert_eq!(s.list_tokens().expect("tokens"), vec![revoked]);
    // Another process sees the same members.
    assert_eq!(open().org_by_name("POST-ISAC").expect("by name"), Some(hub));
}

fn duplicate_names_are_reported(open: Open<'_>) {
    let s = open();
    s.create_org("La Poste", "identity--1", Some("FR"), false).expect("org");
    assert!(matches!(s.create_org("La Poste", "identity--2", None, false), Err(StoreError::Duplicate { .. })));
    s.create_collection(&collection("c1", "Phishing")).expect("collection");
    assert!(matches!(s.create_collection(&collection("c2", "Phishing")), Err(StoreError::Duplicate { .. })));
    assert_eq!(s.list_collections().expect("list").len(), 1, "the failed collection left nothing behind");
    assert_eq!(s.meta_init("k", "v1").expect("meta"), "v1");
    assert_eq!(s.meta_init("k", "v2").expect("meta"), "v1");
    let org = s.org_by_name("La Poste").expect("org").expect("exists");
    let token = TokenRecord {
        id: "tok".into(),
        org_id: org.id,
        role: Role::Reader,
        secret_hash: vec![1],
        created: "2025-01-01T00:00:00.000Z".into(),
        revoked: None,
    };
    s.insert_token(&token).expect("token");
    let again = s.insert_token(&TokenRecord { secret_hash: vec![2], ..token.clone() });
    assert!(matches!(again, Err(StoreError::Duplicate { what: "token", .. })), "{again:?}");
    assert_eq!(s.token("tok").expect("token"), Some(token));
}

/// A write naming an organisation, user or collection that does not exist is `NotFound` on every
/// engine (a foreign-key failure, never "already exists"), and leaves nothing behind.
fn references_to_missing_records_are_not_found(open: Open<'_>) {
    let s = open();
    let org = s.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let ghost = org.id + 1000;
    let token = TokenRecord {
        id: "tok".into(),
        org_id: ghost,
        role: Role::Reader,
        secret_hash: vec![1],
        created: "2025-01-01T00:00:00.000Z".into(),
        revoked: None,
    };
    let e = s.insert_token(&token);
    assert!(matches!(e, Err(StoreError::NotFound { what: "organisation", .. })), "token: {e:?}");
    assert_eq!(s.list_tokens().expect("tokens"), vec![]);
    let col = Collection { readers: vec![org.id], writers: vec![ghost], ..collection("c1", "Phishing") };
    let e = s.create_collection(&col);
    assert!(matches!(e, Err(StoreError::NotFound { what: "organisation", .. })), "grant: {e:?}");
    assert_eq!(s.list_collections().expect("list"), vec![], "the failed collection left nothing behind");
    let before = s.entries(0, 1000).expect("audit").len();
    let e = s.bind_identity("identity--x", ghost, &audit("identity.bind", "identity--x"));
    assert!(matches!(e, Err(StoreError::NotFound { what: "organisation", .. })), "binding: {e:?}");
    assert_eq!(s.entries(0, 1000).expect("audit").len(), before, "no audit line for a binding not made");
    assert_eq!(s.identity_owner("identity--x").expect("owner"), None);
    let e =
        s.add_peer(&Peer { local_collection: "missing".into(), ..crate::peers::contract::peer("regional", PeerAuth::Bearer("t".into())) });
    assert!(matches!(e, Err(StoreError::NotFound { what: "collection", .. })), "peer: {e:?}");
    assert_eq!(s.list_peers().expect("peers"), vec![]);
}

fn collections_and_grants(open: Open<'_>) {
    let s = open();
    let a = s.create_org("A", "identity--a", None, false).expect("org").id;
    let b = s.create_org("B", "identity--b", None, false).expect("org").id;
    let c = s.create_org("C", "identity--c", None, false).expect("org").id;
    let col = Collection {
        id: "c-grants".into(),
        title: "Granted".into(),
        description: Some("only some".into()),
        read_all: false,
        public: true,
        readers: vec![a, b],
        writers: vec![b, c],
    };
    s.create_collection(&col).expect("collection");
    let back = s.collection("c-grants").expect("collection").expect("exists");
    // A writer may read: it is listed among the readers too.
    assert_eq!(back.readers, vec![a, b, c]);
    assert_eq!(back.writers, vec![b, c]);
    assert_eq!((back.description.as_deref(), back.read_all, back.public), (Some("only some"), false, true));
    assert!(back.can_read(a) && !back.can_write(a) && back.can_write(c));
    s.create_collection(&collection("c-open", "Open")).expect("collection");
    let ids: Vec<String> = s.list_collections().expect("list").into_iter().map(|c| c.id).collect();
    assert_eq!(ids, vec!["c-grants".to_string(), "c-open".to_string()]);
    assert_eq!(s.collection("missing").expect("collection"), None);
}

fn versions_first_last_all_and_idempotence(open: Open<'_>) {
    let s = with_collection(open);
    let out = add(
        &*s,
        &[
            obj("indicator--a", Some(("2024-01-02T00:00:00Z", 2)), r#"{"v":2}"#),
            obj("indicator--a", Some(("2024-01-01T00:00:00Z", 1)), r#"{"v":1}"#),
        ],
    );
    assert!(matches!(out[0], PutOutcome::Stored { .. }) && matches!(out[1], PutOutcome::Stored { .. }), "{out:?}");
    // Same content with other spacing is the same version; other content is a conflict.
    let again = add(
        &*s,
        &[
            obj("indicator--a", Some(("2024-01-02T00:00:00.000Z", 2)), r#"{ "v" : 2 }"#),
            obj("indicator--a", Some(("2024-01-01T00:00:00Z", 1)), r#"{"v":9}"#),
        ],
    );
    assert_eq!(again[0], PutOutcome::AlreadyStored);
    assert!(matches!(&again[1], PutOutcome::Conflict), "{again:?}");
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::Last])).expect("scan")), vec![r#"{"v":2}"#]);
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::First])).expect("scan")), vec![r#"{"v":1}"#]);
    assert_eq!(s.scan(&query(vec![VersionSel::All])).expect("scan").len(), 2);
    assert_eq!(s.scan(&query(vec![VersionSel::First, VersionSel::Last])).expect("scan").len(), 2);
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::At(1)])).expect("scan")), vec![r#"{"v":1}"#]);
    assert_eq!(bodies(&s.versions(COL, "indicator--a").expect("versions")), vec![r#"{"v":1}"#, r#"{"v":2}"#]);
    // A newer version becomes the last; one between others is neither first nor last.
    add(&*s, &[obj("indicator--a", Some(("t10", 10)), r#"{"v":10}"#)]);
    add(&*s, &[obj("indicator--a", Some(("t5", 5)), r#"{"v":5}"#)]);
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::Last])).expect("scan")), vec![r#"{"v":10}"#]);
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::First])).expect("scan")), vec![r#"{"v":1}"#]);
    assert_eq!(s.count(COL).expect("count"), 4);
}

fn keyset_pages_are_complete(open: Open<'_>) {
    let s = with_collection(open);
    let objs: Vec<NewObject> = (0..50).map(|i| obj(&format!("indicator--{i}"), Some(("2024-01-01T00:00:00Z", 1)), "{}")).collect();
    let stored: Vec<PutOutcome> = add(&*s, &objs[..25]).into_iter().chain(add(&*s, &objs[25..])).collect();
    let dates: Vec<i64> = stored
        .iter()
        .map(|o| match o {
            PutOutcome::Stored { date_added_us, .. } => *date_added_us,
            other => panic!("expected Stored, got {other:?}"),
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "date_added increases within and across batches");
    let mut seen = Vec::new();
    let mut after = None;
    loop {
        let mut q = query(vec![VersionSel::Last]);
        q.added_after_us = after;
        q.batch = 7;
        let page = s.scan(&q).expect("scan");
        if page.is_empty() {
            break;
        }
        assert!(page.len() <= 7);
        after = page.last().map(|o| o.date_added_us);
        seen.extend(page);
    }
    assert_eq!(seen.len(), 50);
    assert_eq!(seen.iter().map(|o| o.date_added_us).collect::<Vec<_>>(), dates);
    assert_eq!(
        seen.iter().map(|o| o.object_id.as_str()).collect::<Vec<_>>(),
        objs.iter().map(|o| o.object_id.as_str()).collect::<Vec<_>>()
    );
}

fn scan_filters(open: Open<'_>) {
    let s = with_collection(open);
    s.create_collection(&collection("c2", "Other")).expect("collection");
    let mut old = obj("malware--m", Some(("t", 5)), "{}");
    old.spec_version = "2.0".into();
    add(&*s, &[obj("indicator--a", Some(("t", 1)), "{}"), obj("indicator--b", Some(("t", 1)), "{}"), old]);
    s.add_objects("c2", &[obj("indicator--z", Some(("t", 1)), "{}")], &mut |_| {
        (StatusRecord { id: status_id(), org_id: 1, body: "{}".into() }, audit("objects.add", "c2"))
    })
    .expect("add to c2");
    let ids = |q: &ObjectQuery| -> Vec<String> { s.scan(q).expect("scan").into_iter().map(|o| o.object_id).collect() };
    let mut q = query(vec![]);
    assert_eq!(ids(&q), vec!["indicator--a", "indicator--b", "malware--m"], "no filter, only this collection");
    q.ids = vec!["indicator--b".into(), "malware--m".into()];
    assert_eq!(ids(&q), vec!["indicator--b", "malware--m"]);
    q.ids = vec![];
    q.types = vec!["malware".into()];
    assert_eq!(ids(&q), vec!["malware--m"]);
    q.types = vec![];
    q.spec_versions = vec!["2.1".into()];
    assert_eq!(ids(&q), vec!["indicator--a", "indicator--b"]);
    q.spec_versions = vec![];
    q.versions = vec![VersionSel::At(5)];
    assert_eq!(ids(&q), vec!["malware--m"]);
    q.versions = vec![];
    q.batch = 2;
    assert_eq!(ids(&q), vec!["indicator--a", "indicator--b"]);
    assert_eq!(s.count(COL).expect("count"), 3);
    assert_eq!(s.count("c2").expect("count"), 1);
    assert_eq!(s.count("nothing").expect("count"), 0);
}

fn object_fields_round_trip(open: Open<'_>) {
    let s = with_collection(open);
    let mut o = obj("report--r", Some(("2024-05-06T07:08:09.123456789Z", 1_714_979_289_123_456_789)), r#"{"type":"report"}"#);
    o.tlp = Tlp::AmberStrict;
    o.producer = "identity--producer".into();
    o.recipients = vec!["identity--x".into(), "identity--y".into()];
    o.origin = Some("regional".into());
    let mut statuses = Vec::new();
    let out = s
        .add_objects(COL, &[o.clone()], &mut |outcomes| {
            let id = status_id();
            statuses.push((id.clone(), outcomes.len()));
            (StatusRecord { id, org_id: 7, body: r#"{"status":"complete"}"#.into() }, audit("objects.add", COL))
        })
        .expect("add");
    let PutOutcome::Stored { date_added_us, .. } = out[0] else { panic!("expected Stored, got {out:?}") };
    assert_eq!(statuses.len(), 1, "finish is called once, with every outcome");
    assert_eq!(statuses[0].1, 1);
    let back = s.versions(COL, "report--r").expect("versions");
    assert_eq!(back.len(), 1);
    let b = &back[0];
    assert_eq!((b.object_type.as_str(), b.spec_version.as_str()), ("report", "2.1"));
    assert_eq!(b.version, o.version);
    assert_eq!(b.date_added_us, date_added_us);
    assert_eq!((b.tlp, b.producer.as_str(), b.origin.as_deref()), (Tlp::AmberStrict, "identity--producer", Some("regional")));
    assert_eq!(b.recipients, o.recipients);
    assert_eq!(b.body, o.body);
    let status = s.status(&statuses[0].0).expect("status").expect("stored with the objects");
    assert_eq!((status.org_id, status.body.as_str()), (7, r#"{"status":"complete"}"#));
    assert_eq!(s.status("status-none").expect("status"), None);
    // An unversioned object reads back without a version.
    add(&*s, &[obj("ipv4-addr--i", None, r#"{"value":"192.0.2.1"}"#)]);
    assert_eq!(s.versions(COL, "ipv4-addr--i").expect("versions")[0].version, None);
}

fn delete_recomputes_latest(open: Open<'_>) {
    let s = with_collection(open);
    add(
        &*s,
        &[obj("indicator--a", Some(("t1", 1)), "1"), obj("indicator--a", Some(("t2", 2)), "2"), obj("indicator--b", Some(("t1", 1)), "b")],
    );
    let latest = s.scan(&query(vec![VersionSel::Last])).expect("scan");
    assert_eq!(bodies(&latest), vec!["2", "b"]);
    let before = s.entries(0, 100).expect("audit").len();
    assert_eq!(
        s.delete_versions(COL, "indicator--a", &[latest[0].date_added_us], &audit("object.delete", "indicator--a")).expect("delete"),
        1
    );
    assert_eq!(s.entries(0, 100).expect("audit").len(), before + 1, "the delete is audited");
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::Last])).expect("scan")), vec!["1", "b"]);
    // Deleting the first version promotes the next one.
    add(&*s, &[obj("indicator--a", Some(("t3", 3)), "3")]);
    let first = s.versions(COL, "indicator--a").expect("versions")[0].date_added_us;
    assert_eq!(s.delete_versions(COL, "indicator--a", &[first], &audit("object.delete", "indicator--a")).expect("delete"), 1);
    assert_eq!(bodies(&s.scan(&query(vec![VersionSel::First])).expect("scan")), vec!["b", "3"]);
    // Unknown versions delete nothing.
    assert_eq!(s.delete_versions(COL, "indicator--a", &[1], &audit("object.delete", "indicator--a")).expect("delete"), 0);
    assert_eq!(s.count(COL).expect("count"), 2);
}

fn unversioned_objects_are_stored_once(open: Open<'_>) {
    let s = with_collection(open);
    let out = add(&*s, &[obj("domain-name--x", None, r#"{"value":"a"}"#)]);
    assert!(matches!(out[0], PutOutcome::Stored { .. }));
    assert_eq!(add(&*s, &[obj("domain-name--x", None, r#"{"value":"a"}"#)])[0], PutOutcome::AlreadyStored);
    assert!(matches!(add(&*s, &[obj("domain-name--x", None, r#"{"value":"b"}"#)])[0], PutOutcome::Conflict));
    // Twice in one batch: the second sees the first.
    let twice = add(&*s, &[obj("domain-name--y", None, r#"{"value":"y"}"#), obj("domain-name--y", None, r#"{"value":"y"}"#)]);
    assert!(matches!(twice[0], PutOutcome::Stored { .. }));
    assert_eq!(twice[1], PutOutcome::AlreadyStored);
    assert_eq!(s.count(COL).expect("count"), 2);
}

fn by(producer: &str, mut o: NewObject) -> NewObject {
    o.producer = producer.into();
    o
}

fn only_the_producer_versions_an_object(open: Open<'_>) {
    let s = with_collection(open);
    assert!(matches!(add(&*s, &[by("identity--a", obj("indicator--a", Some(("t1", 10)), r#"{"n":1}"#))])[0], PutOutcome::Stored { .. }));
    // Another producer: refused whatever the version, and whether identical or not.
    for (v, body) in [(10, r#"{"n":1}"#), (10, r#"{"n":2}"#), (20, r#"{"n":3}"#), (i64::MAX, r#"{"revoked":true}"#), (5, "{}")] {
        let out = add(&*s, &[by("identity--b", obj("indicator--a", Some(("t", v)), body))]);
        assert_eq!(out[0], PutOutcome::OtherProducer, "version {v}");
    }
    let latest = s.scan(&query(vec![VersionSel::Last])).expect("scan");
    assert_eq!((latest.len(), latest[0].producer.as_str(), latest[0].body.as_str()), (1, "identity--a", r#"{"n":1}"#));
    // The producer versions it; an administrator's correction joins the chain as the latest.
    assert!(matches!(add(&*s, &[by("identity--a", obj("indicator--a", Some(("t2", 20)), r#"{"n":4}"#))])[0], PutOutcome::Stored { .. }));
    let mut correction = by("identity--hub", obj("indicator--a", Some(("t3", 30)), r#"{"n":5}"#));
    correction.may_version_others = true;
    assert!(matches!(add(&*s, &[correction])[0], PutOutcome::Stored { over_other_producer: true, .. }));
    let latest = s.scan(&query(vec![VersionSel::Last])).expect("scan");
    assert_eq!(latest.iter().map(|o| o.producer.as_str()).collect::<Vec<_>>(), ["identity--hub"]);
    assert_eq!(s.count(COL).expect("count"), 3);
}

fn observables_are_each_producers_own(open: Open<'_>) {
    let s = with_collection(open);
    let sco = |p: &str, body: &str| by(p, obj("domain-name--x", None, body));
    assert!(matches!(add(&*s, &[sco("identity--a", r#"{"value":"x.example"}"#)])[0], PutOutcome::Stored { .. }));
    // B's copy is B's own: stored as if A held nothing, and B's later answers depend only on B's.
    assert!(matches!(add(&*s, &[sco("identity--b", r#"{"value":"x.example"}"#)])[0], PutOutcome::Stored { .. }));
    assert_eq!(add(&*s, &[sco("identity--b", r#"{"value":"x.example"}"#)])[0], PutOutcome::AlreadyStored);
    assert_eq!(add(&*s, &[sco("identity--b", r#"{"value":"y.example"}"#)])[0], PutOutcome::Conflict);
    assert!(matches!(add(&*s, &[sco("identity--c", r#"{"value":"y.example"}"#)])[0], PutOutcome::Stored { .. }));
    let mut producers: Vec<String> = s.scan(&query(vec![VersionSel::Last])).expect("scan").into_iter().map(|o| o.producer).collect();
    producers.sort();
    assert_eq!(producers, ["identity--a", "identity--b", "identity--c"]);
}

fn identities_belong_to_one_organisation(open: Open<'_>) {
    let s = open();
    let a = s.create_org("A", "identity--a", None, false).expect("org a");
    let b = s.create_org("B", "identity--b", None, false).expect("org b");
    assert_eq!(s.identity_owner("identity--a").expect("owner"), Some(a.id));
    assert_eq!(s.identity_owner("identity--opencti-a").expect("owner"), None);
    let before = s.entries(0, 1000).expect("audit").len();
    let bound = s.bind_identity("identity--opencti-a", a.id, &audit("identity.bind", "identity--opencti-a")).expect("bind");
    assert_eq!((bound.org_id, bound.bound_by.as_str()), (a.id, "t"));
    assert_eq!(s.identity_owner("identity--opencti-a").expect("owner"), Some(a.id));
    // Taken identities, bound or an organisation's own, are refused and change nothing.
    for taken in ["identity--opencti-a", "identity--a"] {
        let e = s.bind_identity(taken, b.id, &audit("identity.bind", taken));
        assert!(matches!(e, Err(StoreError::Duplicate { what: "identity binding", .. })), "{taken}: {e:?}");
    }
    assert_eq!(s.entries(0, 1000).expect("audit").len(), before + 1);
    assert_eq!(s.identity_bindings().expect("list").len(), 1);
    assert!(s.unbind_identity("identity--opencti-a", &audit("identity.unbind", "identity--opencti-a")).expect("unbind"));
    assert!(!s.unbind_identity("identity--opencti-a", &audit("identity.unbind", "identity--opencti-a")).expect("unbind"));
    assert_eq!(s.entries(0, 1000).expect("audit").len(), before + 2);
    s.bind_identity("identity--opencti-a", b.id, &audit("identity.bind", "identity--opencti-a")).expect("rebind to b");
    assert_eq!(s.identity_owner("identity--opencti-a").expect("owner"), Some(b.id));
}

fn scans_preselect_the_candidates_of_an_audience(open: Open<'_>) {
    let s = with_collection(open);
    let mut rows = Vec::new();
    for (n, tlp) in Tlp::ALL.into_iter().enumerate() {
        for (m, (producer, recipients)) in [
            ("identity--me", vec![]),
            ("identity--x", vec!["identity--me"]),
            ("identity--x", vec!["identity--mee", "identity--y"]),
            ("identity--x", vec![]),
        ]
        .into_iter()
        .enumerate()
        {
            let mut o = by(producer, obj(&format!("indicator--{n}-{m}"), Some(("t", 1)), "{}"));
            o.tlp = tlp;
            o.recipients = recipients.into_iter().map(String::from).collect();
            rows.push(o);
        }
    }
    add(&*s, &rows);
    let audiences = [
        tlp::Audience::Anonymous { public_collection: true },
        tlp::Audience::Anonymous { public_collection: false },
        tlp::Audience::Member { identity: "identity--me", collection_read: true, public_collection: false },
        tlp::Audience::AnonymousLookup { ceiling: Tlp::Green },
    ];
    for audience in audiences {
        let candidates = tlp::candidates(&audience);
        let mut q = query(vec![VersionSel::Last]);
        q.candidates = Some(candidates.clone());
        let got: HashSet<String> = s.scan(&q).expect("scan").into_iter().map(|o| o.object_id).collect();
        let want: HashSet<String> = rows
            .iter()
            .filter(|o| candidates.admits(&tlp::Access { tlp: o.tlp, producer: o.producer.clone(), recipients: o.recipients.clone() }))
            .map(|o| o.object_id.clone())
            .collect();
        assert_eq!(got, want, "{audience:?}");
    }
}

fn add_objects_is_all_or_nothing(open: Open<'_>) {
    let s = with_collection(open);
    add(&*s, &[obj("indicator--a", Some(("t", 1)), "{}")]);
    let taken = status_id();
    s.add_objects(COL, &[obj("indicator--b", Some(("t", 1)), "{}")], &mut |_| {
        (StatusRecord { id: taken.clone(), org_id: 1, body: "{}".into() }, audit("objects.add", COL))
    })
    .expect("add");
    let audit_before = s.entries(0, 100).expect("audit").len();
    // The status id is taken, so the status insert fails and the objects must not stay.
    let res = s.add_objects(COL, &[obj("indicator--c", Some(("t", 1)), "{}"), obj("indicator--d", None, "{}")], &mut |_| {
        (StatusRecord { id: taken.clone(), org_id: 1, body: "{}".into() }, audit("objects.add", COL))
    });
    assert!(res.is_err(), "{res:?}");
    assert_eq!(s.count(COL).expect("count"), 2);
    assert_eq!(s.entries(0, 100).expect("audit").len(), audit_before);
    // The store is usable afterwards, from this handle and from another.
    assert!(matches!(add(&*s, &[obj("indicator--c", Some(("t", 1)), "{}")])[0], PutOutcome::Stored { .. }));
    assert_eq!(open().count(COL).expect("count"), 3);
}

fn audit_log_appends_in_order(open: Open<'_>) {
    let s = open();
    for i in 0..5 {
        s.append(&NewAudit {
            actor: "cli".into(),
            action: "token.issue".into(),
            target: format!("tok{i}"),
            outcome: "ok".into(),
            detail: format!("detail {i}"),
        })
        .expect("append");
    }
    let all = s.entries(0, 10).expect("entries");
    assert_eq!(all.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(), vec!["tok0", "tok1", "tok2", "tok3", "tok4"]);
    assert!(all.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(
        (all[4].actor.as_str(), all[4].action.as_str(), all[4].outcome.as_str(), all[4].detail.as_str()),
        ("cli", "token.issue", "ok", "detail 4")
    );
    assert!(!all[0].at.is_empty());
    let page = s.entries(all[1].seq, 2).expect("entries");
    assert_eq!(page.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(), vec!["tok2", "tok3"]);
    assert_eq!(s.entries(all[4].seq, 10).expect("entries"), vec![]);
}

fn audit_entries_about_targets_in_a_window(open: Open<'_>) {
    let s = open();
    for target in ["incident:1", "incident:2", "incident:10", "collection-x", "incident:1"] {
        let entry = NewAudit {
            actor: "org:a/u".into(),
            action: "incident.view".into(),
            target: target.into(),
            outcome: "ok".into(),
            detail: String::new(),
        };
        s.append(&entry).expect("append");
    }
    let all = s.entries(0, 10).expect("entries");
    let targets = |v: &[AuditEntry]| v.iter().map(|e| e.target.clone()).collect::<Vec<_>>();
    let wide = ("2000-01-01T00:00:00.000Z", "2999-01-01T00:00:00.000Z");
    let about = s.entries_about(&["incident:1".into(), "collection-x".into()], wide.0, wide.1).expect("about");
    assert_eq!(targets(&about), ["incident:1", "collection-x", "incident:1"], "exact targets, oldest first; incident:10 is not incident:1");
    assert!(about.windows(2).all(|w| w[0].seq < w[1].seq));
    assert_eq!(about[0], all[0]);
    // The window is inclusive at both ends and bounds by the entries' own time.
    let at = all[0].at.clone();
    assert_eq!(s.entries_about(&["incident:2".into()], &at, &at).expect("instant").len(), usize::from(all[1].at == at));
    assert!(s.entries_about(&["incident:2".into()], "2999-01-01T00:00:00.000Z", "2999-12-31T00:00:00.000Z").expect("later").is_empty());
    assert!(s.entries_about(&["incident:2".into()], "2000-01-01T00:00:00.000Z", "2000-12-31T00:00:00.000Z").expect("earlier").is_empty());
    assert!(s.entries_about(&[], wide.0, wide.1).expect("no targets").is_empty());
}

fn meta_settings(open: Open<'_>) {
    let s = open();
    assert_eq!(s.meta("cursor_key").expect("meta"), None);
    assert_eq!(s.meta_init("cursor_key", "aa").expect("init"), "aa");
    // Another process starting later keeps the first key.
    assert_eq!(open().meta_init("cursor_key", "bb").expect("init"), "aa");
    s.set_meta("cursor_key", "cc").expect("set");
    s.set_meta("bootstrapped", "yes").expect("set");
    assert_eq!(s.meta("cursor_key").expect("meta").as_deref(), Some("cc"));
    assert_eq!(s.meta("bootstrapped").expect("meta").as_deref(), Some("yes"));
}

struct Finished<'a>(&'a AtomicUsize);

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        self.0.fetch_add(1, Ordering::SeqCst);
    }
}

/// Two writer "processes" (store handles) commit batches while a reader pages through the
/// collection by keyset, alternating between two other handles: every object is read exactly
/// once, in strictly increasing `date_added`.
fn concurrent_writers_and_keyset_reader(open: Open<'_>) {
    const BATCHES: usize = 20;
    const PER_BATCH: usize = 25;
    let writers = [with_collection(open), open()];
    let readers = [open(), open()];
    let finished = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let mut seen: Vec<(String, i64)> = Vec::new();
    std::thread::scope(|scope| {
        for (w, store) in writers.iter().enumerate() {
            let (finished, stop) = (&finished, &stop);
            scope.spawn(move || {
                // Counted even when the writer panics, so the reader below always ends.
                let _finished = Finished(finished);
                for b in 0..BATCHES {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let objs: Vec<NewObject> =
                        (0..PER_BATCH).map(|i| obj(&format!("indicator--w{w}-b{b}-i{i}"), Some(("t", 1)), "{}")).collect();
                    add(&**store, &objs);
                }
            });
        }
        let mut after = None;
        let mut turn = 0;
        loop {
            // Read the flag before the scan: an empty page after both writers finished is the end.
            let done = finished.load(Ordering::SeqCst) == writers.len();
            let mut q = query(vec![]);
            q.added_after_us = after;
            q.batch = 10;
            turn += 1;
            let page = match readers[turn % 2].scan(&q) {
                Ok(p) => p,
                Err(e) => {
                    stop.store(true, Ordering::SeqCst);
                    panic!("scan: {e}");
                }
            };
            if page.is_empty() {
                if done {
                    break;
                }
                std::thread::yield_now();
                continue;
            }
            after = page.last().map(|o| o.date_added_us);
            seen.extend(page.into_iter().map(|o| (o.object_id, o.date_added_us)));
        }
    });
    let expected = writers.len() * BATCHES * PER_BATCH;
    let unique: HashSet<&str> = seen.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(unique.len(), seen.len(), "no object read twice");
    assert_eq!(seen.len(), expected, "no object lost");
    assert!(seen.windows(2).all(|w| w[0].1 < w[1].1), "date_added strictly increasing");
    assert_eq!(readers[0].count(COL).expect("count"), u64::try_from(expected).unwrap_or(0));
}
