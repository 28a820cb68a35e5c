//! The PostgreSQL engine, for hubs where several `postern serve` processes share one database:
//! the connection pool, migrations under an advisory lock, and the classification of
//! constraint failures by SQLSTATE.

use postgres::Client;
use postgres::error::SqlState;

use crate::common::Violation;
use crate::{Result, StoreError, now_rfc3339};

pub(crate) mod cluster;
mod pool;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/postgres/001_init.sql"),
    include_str!("../../migrations/postgres/002_federation.sql"),
    include_str!("../../migrations/postgres/003_portal.sql"),
    include_str!("../../migrations/postgres/004_posture.sql"),
    include_str!("../../migrations/postgres/005_identity_bindings.sql"),
    include_str!("../../migrations/postgres/006_portal_triage_org.sql"),
    include_str!("../../migrations/postgres/007_posture_owner.sql"),
    include_str!("../../migrations/postgres/008_readiness.sql"),
    include_str!("../../migrations/postgres/009_incidents.sql"),
    include_str!("../../migrations/postgres/010_monitor.sql"),
    include_str!("../../migrations/postgres/011_awareness.sql"),
    include_str!("../../migrations/postgres/012_monitor_org.sql"),
    include_str!("../../migrations/postgres/013_incidents_reports.sql"),
    include_str!("../../migrations/postgres/014_readiness_domains.sql"),
    include_str!("../../migrations/postgres/015_readiness_snapshots.sql"),
    include_str!("../../migrations/postgres/016_exercises.sql"),
    include_str!("../../migrations/postgres/017_awareness_progress.sql"),
    include_str!("../../migrations/postgres/018_readiness_sharing.sql"),
    include_str!("../../migrations/postgres/019_incidents_followup.sql"),
    include_str!("../../migrations/postgres/020_monitor_evidence.sql"),
    include_str!("../../migrations/postgres/021_awareness_xapi.sql"),
    include_str!("../../migrations/postgres/022_awareness_boosters.sql"),
    include_str!("../../migrations/postgres/023_awareness_schedule.sql"),
    include_str!("../../migrations/postgres/024_incident_requests.sql"),
    include_str!("../../migrations/postgres/025_awareness_policy.sql"),
    include_str!("../../migrations/postgres/026_readiness_documents.sql"),
];
/// Advisory lock key that serialises migrations of processes starting at once ("postern01").
const MIGRATION_LOCK: i64 = 0x706f_7374_6572_6e01;
/// Connections per process unless the caller says otherwise.
pub const DEFAULT_MAX_CONNECTIONS: usize = 16;

/// The PostgreSQL store behind a `postgres://` URL.
pub struct PgStore {
    pool: pool::Pool,
}

impl PgStore {
    /// Connects to `url` (`postgres://user:password@host:port/db` or a key=value string) and
    /// applies pending migrations.
    pub fn open(url: &str) -> Result<PgStore> {
        PgStore::open_with(url, DEFAULT_MAX_CONNECTIONS)
    }

    /// Like [`PgStore::open`] with at most `max_connections` connections from this process.
    pub fn open_with(url: &str, max_connections: usize) -> Result<PgStore> {
        let config: postgres::Config = url.parse()?;
        let store = PgStore { pool: pool::Pool::new(config, max_connections) };
        store.pool.with(migrate)?;
        Ok(store)
    }

    /// The schema version in force (number of migrations applied).
    pub fn schema_version(&self) -> Result<i32> {
        self.pool.with(|c| Ok(c.query_one("SELECT COALESCE(max(version), 0) FROM schema_version", &[])?.try_get(0)?))
    }

    /// Runs `f` on one of the store's connections (backend-specific tests and tools).
    pub fn with_client<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.pool.with(f)
    }

    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        self.pool.with(f)
    }
}

fn migrate(c: &mut Client) -> Result<()> {
    migrate_with(c, MIGRATIONS)
}

/// Applies `migrations` past the database's version in one transaction: all or none.
fn migrate_with(c: &mut Client, migrations: &[&str]) -> Result<()> {
    let mut tx = c.transaction()?;
    // Several processes may start at once on an empty database: one migrates, the others wait
    // and then find nothing left to do.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)")?;
    let current: i32 = tx.query_one("SELECT COALESCE(max(version), 0) FROM schema_version", &[])?.try_get(0)?;
    let known = migrations.len();
    let current = usize::try_from(current).unwrap_or(0);
    if current > known {
        return Err(StoreError::Corrupt(format!("database schema version {current} is newer than this build knows ({known})")));
    }
    for (i, sql) in migrations.iter().enumerate().skip(current) {
        tx.batch_execute(sql)?;
        let version = i32::try_from(i + 1).unwrap_or(i32::MAX);
        tx.execute("INSERT INTO schema_version (version, applied) VALUES ($1, $2)", &[&version, &now_rfc3339()])?;
    }
    tx.commit()?;
    Ok(())
}

pub(crate) fn now_us() -> i64 {
    chrono::Utc::now().timestamp_micros()
}

/// Which constraint a failed write broke, by SQLSTATE.
pub(crate) fn violation(e: &postgres::Error) -> Option<Violation> {
    match e.code() {
        Some(c) if *c == SqlState::UNIQUE_VIOLATION => Some(Violation::Unique),
        Some(c) if *c == SqlState::FOREIGN_KEY_VIOLATION => Some(Violation::ForeignKey),
        _ => None,
    }
}

pub(crate) fn is_unique_violation(e: &postgres::Error) -> bool {
    violation(e) == Some(Violation::Unique)
}

pub(crate) fn is_foreign_key_violation(e: &postgres::Error) -> bool {
    violation(e) == Some(Violation::ForeignKey)
}

pub(crate) fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_run_forward_and_a_failed_one_leaves_the_database_as_it_was() {
        let cluster = crate::contract::PgCluster::start().expect("a private PostgreSQL cluster (Debian package postgresql)");
        let url = cluster.fresh_database().expect("database");
        let mut c = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
        let version = |c: &mut Client| -> i32 {
            c.query_one("SELECT max(version) FROM schema_version", &[]).and_then(|r| r.try_get(0)).expect("version")
        };
        // The release before this one, with a row, then forward to this one.
        migrate_with(&mut c, &MIGRATIONS[..MIGRATIONS.len() - 1]).expect("earlier migrations");
        c.execute(
            "INSERT INTO audit (at, actor, action, target, outcome, detail) VALUES ('2026-01-01T00:00:00.000Z', 'cli', 'org.add', 'La Poste', 'ok', '')",
            &[],
        )
        .expect("a row of that schema");
        migrate_with(&mut c, MIGRATIONS).expect("forward");
        assert_eq!(usize::try_from(version(&mut c)).ok(), Some(MIGRATIONS.len()));
        let kept: i64 = c.query_one("SELECT count(*) FROM audit WHERE target = 'La Poste'", &[]).and_then(|r| r.try_get(0)).expect("count");
        assert_eq!(kept, 1);

        let mut broken: Vec<&str> = MIGRATIONS.to_vec();
        broken.push("CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);");
        assert!(migrate_with(&mut c, &broken).is_err());
        assert_eq!(usize::try_from(version(&mut c)).ok(), Some(MIGRATIONS.len()));
        let half: i64 = c
            .query_one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'", &[])
            .and_then(|r| r.try_get(0))
            .expect("schema");
        assert_eq!(half, 0, "the failed migration's first statement was rolled back");
    }
}
