//! The storage contracts (`crate::contract`, hub and portal) on SQLite, and what only SQLite can show.

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
