//! The storage contracts (`crate::contract`, hub and portal) on SQLite, and what only SQLite can show.

use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::{AuditLog, NewAudit, Store};

#[test]
fn storage_contract_holds_on_sqlite() {
    // Each case gets a database of its own; the directories live until the end of the test.
    let dirs = Mutex::new(Vec::new());
    let failures = crate::contract::run_all(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(SqliteStore::open(&path).expect("open store")) as Arc<dyn Store>)
    });
    assert!(failures.is_empty(), "contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn portal_and_posture_contract_holds_on_sqlite() {
    let dirs = Mutex::new(Vec::new());
    let failures = crate::contract::run_portal_all(&|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().to_path_buf();
        dirs.lock().expect("dirs").push(dir);
        Box::new(move || Arc::new(SqliteStore::open(&path).expect("open store")) as Arc<dyn crate::contract::PortalBackend>)
    });
    assert!(failures.is_empty(), "portal contract cases failed on SQLite: {failures:#?}");
}

#[test]
fn audit_log_is_append_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = SqliteStore::open(dir.path()).expect("open store");
    let e = NewAudit { actor: "cli".into(), action: "token.issue".into(), target: "tok".into(), outcome: "ok".into(), detail: "".into() };
    s.append(&e).expect("append");
    assert_eq!(s.entries(0, 10).expect("entries").len(), 1);
    let w = s.writer.lock().expect("lock");
    assert!(w.execute("UPDATE audit SET outcome = 'forged'", []).is_err());
    assert!(w.execute("DELETE FROM audit", []).is_err());
}

#[test]
fn an_exercise_reads_its_audit_lines_through_the_target_index_not_the_whole_log() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = SqliteStore::open(dir.path()).expect("open store");
    let w = s.writer.lock().expect("lock");
    let mut st = w.prepare(&format!("EXPLAIN QUERY PLAN {}", crate::hub::sqlite::ENTRIES_ABOUT)).expect("plan");
    let plan: Vec<String> = st
        .query_map(rusqlite::params!["[\"incident:1\"]", "2026-01-01T00:00:00.000Z", "2026-12-31T00:00:00.000Z"], |r| r.get::<_, String>(3))
        .expect("query")
        .collect::<rusqlite::Result<_>>()
        .expect("rows");
    assert!(plan.iter().any(|d| d.contains("audit USING INDEX audit_by_target")), "{plan:?}");
    assert!(!plan.iter().any(|d| d == "SCAN audit"), "no full scan of the log: {plan:?}");
}

#[test]
fn unknown_values_read_back_as_corrupt_on_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = SqliteStore::open(dir.path()).expect("open store");
    let corrupt = |table: &str, column: &str, value: &str| {
        let w = s.writer.lock().expect("lock");
        // The schema's CHECK constraints would refuse the value: a hand edit need not respect them.
        w.execute_batch(&format!(
            "PRAGMA ignore_check_constraints = ON; UPDATE {table} SET {column} = {value}; PRAGMA ignore_check_constraints = OFF;"
        ))
        .expect("raw update");
    };
    crate::contract::unknown_values_read_back_as_corrupt(&s, &corrupt);
}

/// A database at `version`, made by the migrations up to it, with one audit line.
fn database_at(dir: &Path, version: usize) -> Connection {
    let mut conn = connect(&dir.join(DATABASE_FILE)).expect("connect");
    migrate_with(&mut conn, &MIGRATIONS[..version]).expect("earlier migrations");
    conn.execute(
        "INSERT INTO audit (at, actor, action, target, outcome, detail) VALUES ('2026-01-01T00:00:00.000Z', 'cli', 'org.add', 'La Poste', 'ok', '')",
        [],
    )
    .expect("a row of that schema");
    conn
}

#[test]
fn migrations_run_forward_from_every_earlier_version_keeping_data() {
    for from in 1..SCHEMA_VERSION {
        let dir = tempfile::tempdir().expect("temp dir");
        drop(database_at(dir.path(), from));
        let s = SqliteStore::open(dir.path()).expect("migrates forward");
        let version: i64 = s.read(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?)).expect("version");
        assert_eq!(usize::try_from(version).ok(), Some(SCHEMA_VERSION), "from version {from}");
        let entries = s.entries(0, 10).expect("entries");
        assert_eq!(entries.iter().map(|e| e.target.as_str()).collect::<Vec<_>>(), ["La Poste"], "from version {from}");
    }
}

#[test]
fn a_failed_migration_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut conn = database_at(dir.path(), SCHEMA_VERSION);
    let mut broken: Vec<&str> = MIGRATIONS.to_vec();
    broken.push("CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);");
    assert!(migrate_with(&mut conn, &broken).is_err());
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(usize::try_from(version).ok(), Some(SCHEMA_VERSION));
    let half: i64 = conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'", [], |r| r.get(0)).expect("schema");
    assert_eq!(half, 0, "the failed migration's first statement was rolled back");
}

#[test]
fn a_database_from_a_newer_release_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = database_at(dir.path(), SCHEMA_VERSION);
    conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 1)).expect("bump");
    drop(conn);
    assert!(matches!(SqliteStore::open(dir.path()), Err(StoreError::Corrupt(_))));
}

#[test]
fn a_snapshot_is_a_sound_copy_taken_beside_a_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let s = SqliteStore::open(dir.path()).expect("open store");
    let e = NewAudit { actor: "cli".into(), action: "org.add".into(), target: "x".into(), outcome: "ok".into(), detail: "".into() };
    s.append(&e).expect("append");
    let dest = dir.path().join("copy.sqlite3");
    assert_eq!(usize::try_from(snapshot(dir.path(), &dest).expect("snapshot")).ok(), Some(SCHEMA_VERSION));
    s.append(&e).expect("the store still writes");
    let copy_dir = tempfile::tempdir().expect("temp dir");
    std::fs::rename(&dest, copy_dir.path().join(DATABASE_FILE)).expect("move");
    let copy = SqliteStore::open(copy_dir.path()).expect("open copy");
    assert_eq!(copy.entries(0, 10).expect("entries").len(), 1, "the copy is the database as it was");
    assert!(snapshot(&dir.path().join("nowhere"), &dir.path().join("x.sqlite3")).is_err(), "no database is made up");
}
