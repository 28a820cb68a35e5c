//! The contract of [`MonitorStore`], written once against the trait and run on both engines.

use std::sync::{Arc, Mutex};

use crate::StoreError;
use crate::hub::contract::run_cases;
use crate::monitor::{HitOutcome, HitStatus, MonitorStore, NewHit};

type Open<'a> = &'a dyn Fn() -> Arc<dyn MonitorStore>;

/// A named case of the contract.
type Case = (&'static str, for<'a> fn(Open<'a>));

const CASES: &[Case] = &[
    ("a_hit_is_new_once_then_counted", a_hit_is_new_once_then_counted),
    ("triage_suppresses_and_unknown_names_are_not_found", triage_suppresses_and_unknown_names_are_not_found),
    ("hits_are_listed_newest_first", hits_are_listed_newest_first),
    ("a_hit_belongs_to_the_organisation_it_was_first_recorded_for", a_hit_belongs_to_the_organisation_it_was_first_recorded_for),
    ("a_hit_keeps_its_first_known_issuer_and_its_campaign", a_hit_keeps_its_first_known_issuer_and_its_campaign),
];

fn hit(domain: &str, score: u8, at: &str) -> NewHit {
    NewHit {
        domain: domain.into(),
        brand: "fr-laposte".into(),
        technique: if score >= 90 { "combosquat".into() } else { "omission".into() },
        score,
        level: if score >= 70 { "malicious".into() } else { "suspicious".into() },
        source: "file:names.txt".into(),
        seen_at: at.into(),
        org: Some("identity--cert-al".into()),
        issuer: None,
    }
}

fn a_hit_is_new_once_then_counted(open: Open<'_>) {
    let s = open();
    assert_eq!(s.record_hit(&hit("laposte-colis.top", 65, "2026-12-07T10:00:00Z")).expect("record"), HitOutcome::New);
    let HitOutcome::Seen(rec) = s.record_hit(&hit("laposte-colis.top", 95, "2026-12-07T11:00:00Z")).expect("record") else {
        panic!("the second sighting is not new")
    };
    assert_eq!((rec.sightings, rec.score, rec.level.as_str(), rec.technique.as_str()), (2, 95, "malicious", "combosquat"));
    assert_eq!((rec.first_seen.as_str(), rec.last_seen.as_str()), ("2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z"));
    // A weaker, older sighting keeps the strongest judgement and the latest time.
    s.record_hit(&hit("laposte-colis.top", 60, "2026-12-07T09:00:00Z")).expect("record");
    let rec = open().hit("laposte-colis.top").expect("read").expect("stored");
    assert_eq!((rec.sightings, rec.score, rec.last_seen.as_str(), rec.status), (3, 95, "2026-12-07T11:00:00Z", HitStatus::New));
    assert_eq!(rec.indicator_id, None);
    s.set_hit_indicator("laposte-colis.top", "indicator--x", "c1").expect("indicator");
    let rec = s.hit("laposte-colis.top").expect("read").expect("stored");
    assert_eq!((rec.indicator_id.as_deref(), rec.collection.as_deref()), (Some("indicator--x"), Some("c1")));
}

fn triage_suppresses_and_unknown_names_are_not_found(open: Open<'_>) {
    let s = open();
    for d in ["a.top", "b.top", "c.top"] {
        s.record_hit(&hit(d, 90, "2026-12-07T10:00:00Z")).expect("record");
    }
    s.set_hit_status("b.top", HitStatus::Rejected).expect("reject");
    s.set_hit_status("a.top", HitStatus::Allowlisted).expect("allow");
    s.set_hit_status("c.top", HitStatus::Confirmed).expect("confirm");
    assert_eq!(s.suppressed_domains().expect("list"), ["a.top", "b.top"]);
    // Seen again, a rejected name stays rejected.
    let HitOutcome::Seen(rec) = s.record_hit(&hit("b.top", 99, "2026-12-08T10:00:00Z")).expect("record") else { panic!("known") };
    assert_eq!(rec.status, HitStatus::Rejected);
    assert!(matches!(s.set_hit_status("nope.top", HitStatus::Rejected), Err(StoreError::NotFound { what: "monitor hit", .. })));
    assert!(matches!(s.set_hit_indicator("nope.top", "indicator--y", "c1"), Err(StoreError::NotFound { .. })));
}

fn hits_are_listed_newest_first(open: Open<'_>) {
    let s = open();
    s.record_hit(&hit("old.top", 90, "2026-12-06T10:00:00Z")).expect("record");
    s.record_hit(&hit("new.top", 90, "2026-12-07T10:00:00Z")).expect("record");
    s.record_hit(&hit("mid.top", 90, "2026-12-06T12:00:00Z")).expect("record");
    let names: Vec<String> = s.hits(2).expect("list").into_iter().map(|h| h.domain).collect();
    assert_eq!(names, ["new.top", "mid.top"]);
}

fn a_hit_belongs_to_the_organisation_it_was_first_recorded_for(open: Open<'_>) {
    let s = open();
    s.record_hit(&hit("a.top", 90, "2026-12-06T10:00:00Z")).expect("record");
    s.record_hit(&hit("b.top", 90, "2026-12-07T10:00:00Z")).expect("record");
    s.record_hit(&NewHit { org: Some("identity--la-poste".into()), ..hit("c.top", 90, "2026-12-07T11:00:00Z") }).expect("record");
    s.record_hit(&NewHit { org: None, ..hit("d.top", 90, "2026-12-07T12:00:00Z") }).expect("record");
    // Another organisation's watcher sees a.top again: it stays CERT-AL's.
    s.record_hit(&NewHit { org: Some("identity--la-poste".into()), ..hit("a.top", 95, "2026-12-08T10:00:00Z") }).expect("record");
    let names = |org: &str| -> Vec<String> { s.org_hits(org, 10).expect("list").into_iter().map(|h| h.domain).collect() };
    assert_eq!(names("identity--cert-al"), ["b.top", "a.top"]);
    assert_eq!(names("identity--la-poste"), ["c.top"]);
    assert!(names("identity--correos").is_empty());
    assert_eq!(s.hit("d.top").expect("read").expect("stored").org, None);
    assert_eq!(s.hit("a.top").expect("read").expect("stored").org.as_deref(), Some("identity--cert-al"));
}

fn a_hit_keeps_its_first_known_issuer_and_its_campaign(open: Open<'_>) {
    let s = open();
    let le = "C=US, O=Let's Encrypt, CN=R11";
    s.record_hit(&hit("a.top", 90, "2026-12-06T10:00:00Z")).expect("record");
    s.record_hit(&NewHit { issuer: Some(le.into()), ..hit("b.top", 90, "2026-12-06T10:00:00Z") }).expect("record");
    // A file source (no issuer) then a CT source: the CT source's issuer is kept, and then stays.
    s.record_hit(&NewHit { issuer: Some(le.into()), ..hit("a.top", 90, "2026-12-06T11:00:00Z") }).expect("record");
    s.record_hit(&NewHit { issuer: Some("C=US, O=Google Trust Services, CN=WR1".into()), ..hit("a.top", 90, "2026-12-06T12:00:00Z") })
        .expect("record");
    let rec = s.hit("a.top").expect("read").expect("stored");
    assert_eq!((rec.issuer.as_deref(), rec.campaign), (Some(le), None));
    let names = ["a.top".to_string(), "b.top".to_string(), "unknown.top".to_string()];
    s.set_hit_campaign(&names, "Look-alikes of La Poste: laposte-#.top").expect("campaign");
    for d in ["a.top", "b.top"] {
        let rec = open().hit(d).expect("read").expect("stored");
        assert_eq!(rec.campaign.as_deref(), Some("Look-alikes of La Poste: laposte-#.top"), "{d}");
    }
    assert_eq!(s.hit("unknown.top").expect("read"), None, "a campaign never records a name");
}

fn run(new_database: &dyn Fn() -> Box<dyn Fn() -> Arc<dyn MonitorStore>>) -> crate::contract::Failures {
    run_cases(CASES.iter().copied(), new_database)
}

#[test]
fn monitor_contract_holds_on_sqlite() {
    let dirs = Mutex::new(Vec::new());
    let failures = run(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(crate::SqliteStore::open(&path).expect("open store")) as Arc<dyn MonitorStore>)
    });
    assert!(failures.is_empty(), "monitor contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn monitor_contract_holds_on_postgres() {
    let cluster = crate::contract::PgCluster::start().expect("starting a private PostgreSQL cluster");
    let failures = run(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(crate::PgStore::open(&url).expect("open store")) as Arc<dyn MonitorStore>)
    });
    assert!(failures.is_empty(), "monitor contract cases failed on PostgreSQL: {failures:#?}");
}
