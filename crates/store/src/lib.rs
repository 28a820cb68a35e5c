//! Storage of the POST-ISAC hub: `open()`, [`StoreError`] and the [`Store`] bundle; one folder
//! per aggregate (`hub`, `peers`, `portal`, `posture`, `readiness`, `incidents`, `exercises`, `awareness`) holding its traits and types, its SQLite
//! and PostgreSQL implementations side by side, and its contract cases.
//!
//! The traits speak the hub's language, never SQL. Engine plumbing (connections, pools,
//! migrations, constraint classification) lives in `engine/`; dialect-free code both engines
//! share (column lists, stored-value decoding, grant expansion, version decisions) in `common`
//! and `versions`.

pub mod awareness;
mod common;
pub mod contract;
mod engine;
pub mod exercises;
mod hub;
pub mod incidents;
pub mod monitor;
mod peers;
pub mod portal;
pub mod posture;
pub mod readiness;
mod versions;

pub use engine::postgres::PgStore;
pub use engine::sqlite::SqliteStore;
/// Online backup of the embedded database and the checks a restore makes (`postern backup`).
pub mod sqlite_backup {
    pub use crate::engine::sqlite::{DATABASE_FILE, SCHEMA_VERSION, inspect, snapshot};
}
pub use hub::{
    AuditEntry, AuditLog, Collection, CollectionStore, IdentityBinding, MemberStore, MetaStore, NewAudit, NewObject, ObjectQuery,
    ObjectStore, Org, PutOutcome, ReportClaim, Role, StatusRecord, StatusStore, StoredObject, TokenRecord, Version, VersionSel,
};
pub use peers::{Peer, PeerAuth, PeerDirection, PeerState, PeerStore};
pub use portal::PortalStore;
pub use posture::{PostureEvent, PostureReader, PostureRecord, PostureStore};

/// Errors of the storage layer.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database engine failed (IO, corruption, lock timeout).
    #[error("database error: {0}")]
    Database(rusqlite::Error),
    /// The PostgreSQL server failed or could not be reached (or its URL is malformed).
    #[error("PostgreSQL error: {0}")]
    Postgres(#[from] ::postgres::Error),
    /// The data directory could not be created or opened.
    #[error("data directory {path}: {source}")]
    DataDir { path: String, source: std::io::Error },
    /// A name that must be unique is taken (organisation, collection title).
    #[error("{what} '{name}' already exists")]
    Duplicate { what: &'static str, name: String },
    /// A referenced record does not exist.
    #[error("{what} '{name}' not found")]
    NotFound { what: &'static str, name: String },
    /// A write that depends on a state that changed meanwhile (a report decided by someone
    /// else); nothing was written.
    #[error("{0}")]
    Conflict(String),
    /// Stored data that cannot be read back (a bug or a hand-edited database).
    #[error("corrupt stored data: {0}")]
    Corrupt(String),
}

impl From<rusqlite::Error> for StoreError {
    /// A row decoder's unknown value travels through rusqlite as a conversion failure; it comes
    /// out as [`StoreError::Corrupt`], like PostgreSQL's.
    fn from(e: rusqlite::Error) -> StoreError {
        match e {
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) if inner.is::<common::UnknownValue>() => {
                StoreError::Corrupt(inner.to_string())
            }
            e => StoreError::Database(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// Opens the hub's database: a `postgres://` or `postgresql://` URL opens [`PgStore`], anything
/// else is the data directory of a [`SqliteStore`]. Pending migrations are applied either way.
pub fn open(target: &str) -> Result<std::sync::Arc<dyn Store>> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        return Ok(std::sync::Arc::new(PgStore::open(target)?));
    }
    Ok(std::sync::Arc::new(SqliteStore::open(std::path::Path::new(target))?))
}

/// The portal's store and the posture history of a target (as [`open`] reads it), sharing one
/// handle: one connection pool on PostgreSQL, one writer connection on SQLite.
pub struct PortalStores {
    pub portal: std::sync::Arc<dyn PortalStore>,
    pub posture: std::sync::Arc<dyn PostureStore>,
}

/// Opens the portal's store and the posture history of `target`, like [`open`] does the hub's.
/// On PostgreSQL the pool holds at most [`PORTAL_MAX_CONNECTIONS`], beside the hub's own.
pub fn open_portal(target: &str) -> Result<PortalStores> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        let pg = std::sync::Arc::new(PgStore::open_with(target, PORTAL_MAX_CONNECTIONS)?);
        return Ok(PortalStores { portal: pg.clone(), posture: pg });
    }
    let sqlite = std::sync::Arc::new(SqliteStore::open(std::path::Path::new(target))?);
    Ok(PortalStores { portal: sqlite.clone(), posture: sqlite })
}

/// Everything `serve` keeps in the hub's database, on one handle: the hub's store, the portal's
/// and the posture history share one connection pool per process on PostgreSQL (sized for the
/// hub's traffic plus the portal's) and one writer connection on SQLite.
pub struct ServeStores {
    pub hub: std::sync::Arc<dyn Store>,
    pub portal: std::sync::Arc<dyn PortalStore>,
    pub posture: std::sync::Arc<dyn PostureStore>,
    pub readiness: std::sync::Arc<dyn readiness::ReadinessStore>,
    pub incidents: std::sync::Arc<dyn incidents::IncidentStore>,
    /// The brand monitor's hits, for the watchers `serve --watch` runs.
    pub monitor: std::sync::Arc<dyn monitor::MonitorStore>,
    pub awareness: std::sync::Arc<dyn awareness::AwarenessStore>,
    pub exercises: std::sync::Arc<dyn exercises::ExerciseStore>,
}

/// Opens `target` (as [`open`] reads it) once for `serve`: see [`ServeStores`].
pub fn open_serve(target: &str) -> Result<ServeStores> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        let size = engine::postgres::DEFAULT_MAX_CONNECTIONS + PORTAL_MAX_CONNECTIONS;
        let pg = std::sync::Arc::new(PgStore::open_with(target, size)?);
        return Ok(ServeStores {
            hub: pg.clone(),
            portal: pg.clone(),
            posture: pg.clone(),
            readiness: pg.clone(),
            incidents: pg.clone(),
            monitor: pg.clone(),
            awareness: pg.clone(),
            exercises: pg,
        });
    }
    let sqlite = std::sync::Arc::new(SqliteStore::open(std::path::Path::new(target))?);
    Ok(ServeStores {
        hub: sqlite.clone(),
        portal: sqlite.clone(),
        posture: sqlite.clone(),
        readiness: sqlite.clone(),
        incidents: sqlite.clone(),
        monitor: sqlite.clone(),
        awareness: sqlite.clone(),
        exercises: sqlite,
    })
}

/// Connections per process for the portal and posture history: sign-ins, pages and scans are
/// far fewer than the hub's TAXII traffic.
pub const PORTAL_MAX_CONNECTIONS: usize = 4;

/// Everything the hub needs from a storage backend; the exercise runs are part of it so that
/// the hub knows which collections belong to exercises (they never reach live feeds, link
/// verdicts or federation).
pub trait Store:
    MemberStore + CollectionStore + ObjectStore + StatusStore + AuditLog + MetaStore + PeerStore + exercises::ExerciseStore + Send + Sync
{
}

impl<
    T: MemberStore + CollectionStore + ObjectStore + StatusStore + AuditLog + MetaStore + PeerStore + exercises::ExerciseStore + Send + Sync,
> Store for T
{
}

/// The current time as an RFC 3339 UTC timestamp with millisecond precision.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The address of the value behind a handle, whatever trait it is seen through.
    fn at<T: ?Sized>(a: &std::sync::Arc<T>) -> *const u8 {
        std::sync::Arc::as_ptr(a).cast::<u8>()
    }

    #[test]
    fn serve_opens_one_store_for_the_hub_the_portal_and_posture() {
        let dir = tempfile::tempdir().expect("temp dir");
        let s = open_serve(dir.path().to_str().expect("utf-8 temp path")).expect("open");
        assert_eq!(at(&s.hub), at(&s.portal));
        assert_eq!(at(&s.hub), at(&s.posture));
        assert_eq!(at(&s.hub), at(&s.incidents));
        assert_eq!(at(&s.hub), at(&s.monitor));
    }
}
