//! The SQLite engine: the database file in a data directory, WAL journal, one writer connection
//! and a small reader pool, migrations, and the classification of constraint failures.
//!
//! `date_added` is assigned inside the write transaction as `max(now, last + 1µs)`. SQLite
//! serialises writers (also across processes), so `date_added` is unique and increases in commit
//! order: a keyset cursor or an `added_after` poll can never skip a version committed later.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::common::{UnknownValue, Violation};
use crate::{Result, StoreError};

pub(crate) const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/sqlite/001_init.sql"),
    include_str!("../../migrations/sqlite/002_federation.sql"),
    include_str!("../../migrations/sqlite/003_portal.sql"),
    include_str!("../../migrations/sqlite/004_posture.sql"),
    include_str!("../../migrations/sqlite/005_identity_bindings.sql"),
    include_str!("../../migrations/sqlite/006_portal_triage_org.sql"),
    include_str!("../../migrations/sqlite/007_posture_owner.sql"),
    include_str!("../../migrations/sqlite/008_readiness.sql"),
    include_str!("../../migrations/sqlite/009_incidents.sql"),
    include_str!("../../migrations/sqlite/010_monitor.sql"),
    include_str!("../../migrations/sqlite/011_awareness.sql"),
    include_str!("../../migrations/sqlite/012_monitor_org.sql"),
    include_str!("../../migrations/sqlite/013_incidents_reports.sql"),
    include_str!("../../migrations/sqlite/014_readiness_domains.sql"),
    include_str!("../../migrations/sqlite/015_readiness_snapshots.sql"),
    include_str!("../../migrations/sqlite/016_exercises.sql"),
    include_str!("../../migrations/sqlite/017_awareness_progress.sql"),
    include_str!("../../migrations/sqlite/018_readiness_sharing.sql"),
    include_str!("../../migrations/sqlite/019_incidents_followup.sql"),
    include_str!("../../migrations/sqlite/020_monitor_evidence.sql"),
    include_str!("../../migrations/sqlite/021_awareness_xapi.sql"),
    include_str!("../../migrations/sqlite/022_awareness_boosters.sql"),
    include_str!("../../migrations/sqlite/023_awareness_schedule.sql"),
    include_str!("../../migrations/sqlite/024_incident_requests.sql"),
    include_str!("../../migrations/sqlite/025_awareness_policy.sql"),
    include_str!("../../migrations/sqlite/026_readiness_documents.sql"),
];
const READERS: usize = 4;
/// The schema version (`PRAGMA user_version`) this build's migrations bring a database to.
pub const SCHEMA_VERSION: usize = MIGRATIONS.len();
/// The database file in a data directory.
pub const DATABASE_FILE: &str = "postern.sqlite3";

/// The SQLite store in a data directory (`postern.sqlite3`).
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
}

impl SqliteStore {
    /// Opens (creating when needed) the database in `dir` and applies pending migrations.
    pub fn open(dir: &Path) -> Result<SqliteStore> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::DataDir { path: dir.display().to_string(), source })?;
        let path = dir.join(DATABASE_FILE);
        let mut writer = connect(&path)?;
        migrate(&mut writer)?;
        Ok(SqliteStore { path, writer: Mutex::new(writer), readers: Mutex::new(Vec::new()) })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn write<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        // A poisoned lock only means another request panicked mid-call; SQLite rolled its
        // transaction back, so the connection is still sound.
        let mut conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut conn)
    }

    pub(crate) fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None => connect(&self.path)?,
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < READERS {
            pool.push(conn);
        }
        out
    }
}

/// Copies the database of the data directory `dir` into the new file `dest` as one consistent
/// snapshot (`VACUUM INTO` reads in one transaction; under WAL, writers go on meanwhile), checks
/// the copy and returns its schema version. Neither creates nor migrates the live database.
pub fn snapshot(dir: &Path, dest: &Path) -> Result<i64> {
    let source = dir.join(DATABASE_FILE);
    let conn = Connection::open_with_flags(&source, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    let dest_text = dest.to_str().ok_or_else(|| StoreError::Corrupt(format!("{} is not a UTF-8 path", dest.display())))?;
    conn.execute("VACUUM INTO ?1", [dest_text])?;
    inspect(dest)
}

/// Opens a database file read-only, runs SQLite's `quick_check` on it and returns its schema
/// version; a damaged file is [`StoreError::Corrupt`].
pub fn inspect(file: &Path) -> Result<i64> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(StoreError::Corrupt(format!("{}: {verdict}", file.display())));
    }
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

fn connect(path: &Path) -> Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(30))?;
    // FULL: a version acknowledged to a client is on disk, whatever happens to the process.
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-16000; PRAGMA wal_autocheckpoint=4000;",
    )?;
    Ok(conn)
}

fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_with(conn, MIGRATIONS)
}

/// Applies `migrations` past the database's version in one transaction: all or none.
fn migrate_with(conn: &mut Connection, migrations: &[&str]) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    // A database a newer release migrated has tables this build does not know how to keep.
    if usize::try_from(current).is_ok_and(|c| c > SCHEMA_VERSION) {
        return Err(StoreError::Corrupt(format!("database schema version {current} is newer than this build knows ({SCHEMA_VERSION})")));
    }
    for (i, sql) in migrations.iter().enumerate().skip(usize::try_from(current).unwrap_or(usize::MAX)) {
        tx.execute_batch(sql)?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", i + 1))?;
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn now_us() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

/// Which constraint a failed write broke, by SQLite's extended result code: the primary code
/// alone (`SQLITE_CONSTRAINT`) does not tell a taken name from a missing referent.
pub(crate) fn violation(e: &rusqlite::Error) -> Option<Violation> {
    use rusqlite::ffi;
    match e {
        rusqlite::Error::SqliteFailure(f, _) => match f.extended_code {
            ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => Some(Violation::Unique),
            ffi::SQLITE_CONSTRAINT_FOREIGNKEY => Some(Violation::ForeignKey),
            _ => None,
        },
        _ => None,
    }
}

pub(crate) fn is_unique_violation(e: &rusqlite::Error) -> bool {
    violation(e) == Some(Violation::Unique)
}

pub(crate) fn is_foreign_key_violation(e: &rusqlite::Error) -> bool {
    violation(e) == Some(Violation::ForeignKey)
}

impl From<UnknownValue> for rusqlite::Error {
    /// Carries a decoder's unknown value out of a row closure; `StoreError::from` unwraps it.
    fn from(e: UnknownValue) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(usize::MAX, rusqlite::types::Type::Text, Box::new(e))
    }
}

#[cfg(test)]
mod tests;
