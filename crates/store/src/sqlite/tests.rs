//! Contract tests of the SQLite store: versions, idempotence, ordering, append-only audit.

use super::*;

fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = SqliteStore::open(dir.path()).expect("open store");
    (dir, s)
}

fn obj(id: &str, version: Option<(&str, i64)>, body: &str) -> NewObject {
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
    }
}

fn add(s: &SqliteStore, objs: &[NewObject]) -> Vec<PutOutcome> {
    let mut n = 0;
    s.add_objects("c1", objs, &mut |_| {
        n += 1;
        (
            StatusRecord { id: format!("status-{}", uuid_like(objs.len(), n)), org_id: 1, body: "{}".into() },
            NewAudit { actor: "t".into(), action: "objects.add".into(), target: "c1".into(), outcome: "ok".into(), detail: String::new() },
        )
    })
    .expect("add objects")
}

fn uuid_like(a: usize, b: usize) -> String {
    format!("{a}-{b}-{}", chrono::Utc::now().timestamp_nanos_opt().unwrap_or(0))
}

fn query(versions: Vec<VersionSel>) -> ObjectQuery {
    ObjectQuery { collection_id: "c1".into(), added_after_us: None, ids: vec![], types: vec![], versions, spec_versions: vec![], batch: 100 }
}

#[test]
fn versions_first_last_all_and_idempotence() {
    let (_d, s) = store();
    let out = add(&s, &[obj("indicator--a", Some(("2024-01-02T00:00:00Z", 2)), r#"{"v":2}"#), obj("indicator--a", Some(("2024-01-01T00:00:00Z", 1)), r#"{"v":1}"#)]);
    assert!(matches!(out[0], PutOutcome::Stored { .. }) && matches!(out[1], PutOutcome::Stored { .. }));
    // Same content with other spacing is the same version; other content is a conflict.
    let again = add(&s, &[obj("indicator--a", Some(("2024-01-02T00:00:00.000Z", 2)), r#"{ "v" : 2 }"#), obj("indicator--a", Some(("2024-01-01T00:00:00Z", 1)), r#"{"v":9}"#)]);
    assert_eq!(again[0], PutOutcome::AlreadyStored);
    assert!(matches!(&again[1], PutOutcome::Conflict(m) if m.contains("indicator--a")));
    let last = s.scan(&query(vec![VersionSel::Last])).expect("scan");
    assert_eq!(last.iter().map(|o| o.body.as_str()).collect::<Vec<_>>(), vec![r#"{"v":2}"#]);
    let first = s.scan(&query(vec![VersionSel::First])).expect("scan");
    assert_eq!(first.iter().map(|o| o.body.as_str()).collect::<Vec<_>>(), vec![r#"{"v":1}"#]);
    assert_eq!(s.scan(&query(vec![VersionSel::All])).expect("scan").len(), 2);
    assert_eq!(s.scan(&query(vec![VersionSel::At(1)])).expect("scan").len(), 1);
    assert_eq!(s.versions("c1", "indicator--a").expect("versions").len(), 2);
}

#[test]
fn date_added_is_strictly_increasing_and_keyset_pages_are_complete() {
    let (_d, s) = store();
    let objs: Vec<NewObject> = (0..50).map(|i| obj(&format!("indicator--{i}"), Some(("2024-01-01T00:00:00Z", 1)), "{}")).collect();
    add(&s, &objs[..25]);
    add(&s, &objs[25..]);
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
        after = page.last().map(|o| o.date_added_us);
        seen.extend(page);
    }
    assert_eq!(seen.len(), 50);
    assert!(seen.windows(2).all(|w| w[0].date_added_us < w[1].date_added_us));
}

#[test]
fn delete_recomputes_latest() {
    let (_d, s) = store();
    add(&s, &[obj("indicator--a", Some(("t1", 1)), "1"), obj("indicator--a", Some(("t2", 2)), "2")]);
    let latest = s.scan(&query(vec![VersionSel::Last])).expect("scan");
    let audit = NewAudit { actor: "t".into(), action: "object.delete".into(), target: "indicator--a".into(), outcome: "ok".into(), detail: String::new() };
    assert_eq!(s.delete_versions("c1", "indicator--a", &[latest[0].date_added_us], &audit).expect("delete"), 1);
    let now_latest = s.scan(&query(vec![VersionSel::Last])).expect("scan");
    assert_eq!(now_latest.len(), 1);
    assert_eq!(now_latest[0].body, "1");
}

#[test]
fn unversioned_objects_are_stored_once() {
    let (_d, s) = store();
    let out = add(&s, &[obj("domain-name--x", None, r#"{"value":"a"}"#)]);
    assert!(matches!(out[0], PutOutcome::Stored { .. }));
    assert_eq!(add(&s, &[obj("domain-name--x", None, r#"{"value":"a"}"#)])[0], PutOutcome::AlreadyStored);
    assert!(matches!(add(&s, &[obj("domain-name--x", None, r#"{"value":"b"}"#)])[0], PutOutcome::Conflict(_)));
}

#[test]
fn audit_log_is_append_only() {
    let (_d, s) = store();
    let e = NewAudit { actor: "cli".into(), action: "token.issue".into(), target: "tok".into(), outcome: "ok".into(), detail: "".into() };
    s.append(&e).expect("append");
    assert_eq!(s.entries(0, 10).expect("entries").len(), 1);
    let w = s.writer.lock().expect("lock");
    assert!(w.execute("UPDATE audit SET outcome = 'forged'", []).is_err());
    assert!(w.execute("DELETE FROM audit", []).is_err());
}

#[test]
fn duplicate_names_are_reported() {
    let (_d, s) = store();
    s.create_org("La Poste", "identity--1", Some("FR"), false).expect("org");
    assert!(matches!(s.create_org("La Poste", "identity--2", None, false), Err(StoreError::Duplicate { .. })));
    assert_eq!(s.meta_init("k", "v1").expect("meta"), "v1");
    assert_eq!(s.meta_init("k", "v2").expect("meta"), "v1");
}
