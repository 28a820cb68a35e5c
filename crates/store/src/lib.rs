//! Storage of the POST-ISAC hub: one trait per aggregate (members, collections, objects,
//! statuses, audit log) and their SQLite and PostgreSQL implementations.
//!
//! The traits speak the hub's language, never SQL; dialect differences stay inside each backend
//! file so that PostgreSQL can follow behind the same traits.

mod common;
pub mod contract;
pub mod portal;
mod postgres;
pub mod posture;
mod sqlite;
mod versions;

pub use portal::PortalStore;
pub use postgres::PgStore;
pub use posture::{PostureEvent, PostureReader, PostureRecord, PostureStore};
pub use sqlite::SqliteStore;

use tlp::Tlp;

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

/// Connections per process for the portal and posture history: sign-ins, pages and scans are
/// far fewer than the hub's TAXII traffic.
pub const PORTAL_MAX_CONNECTIONS: usize = 4;

/// A member organisation (or the hub's own organisation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub id: i64,
    pub name: String,
    /// STIX identity id that represents this organisation in `created_by_ref`.
    pub identity_id: String,
    pub country: Option<String>,
    pub created: String,
    pub is_hub: bool,
}

/// A STIX identity bound to a member organisation besides its own (the identity its own
/// platform writes in `created_by_ref`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentityBinding {
    pub identity_id: String,
    pub org_id: i64,
    pub bound_at: String,
    /// Who bound it: `first use by <actor>` or the administrator's actor name.
    pub bound_by: String,
}

/// Role carried by an API token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Manages the hub: organisations, tokens, collections; reads and writes like an analyst.
    Admin,
    /// Reads and writes threat intelligence in the collections its organisation may use.
    Analyst,
    /// Reads only.
    Reader,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Reader => "reader",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "analyst" => Some(Role::Analyst),
            "reader" => Some(Role::Reader),
            _ => None,
        }
    }

    pub fn may_write(self) -> bool {
        matches!(self, Role::Admin | Role::Analyst)
    }
}

/// An API token as stored: only a hash of its secret is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRecord {
    pub id: String,
    pub org_id: i64,
    pub role: Role,
    pub secret_hash: Vec<u8>,
    pub created: String,
    pub revoked: Option<String>,
}

/// A TAXII collection and who may use it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collection {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// Every member organisation may read.
    pub read_all: bool,
    /// Anonymous readers may read its TLP:CLEAR objects.
    pub public: bool,
    pub readers: Vec<i64>,
    pub writers: Vec<i64>,
}

impl Collection {
    pub fn can_read(&self, org_id: i64) -> bool {
        self.read_all || self.readers.contains(&org_id) || self.writers.contains(&org_id)
    }

    pub fn can_write(&self, org_id: i64) -> bool {
        self.writers.contains(&org_id)
    }
}

/// One STIX object version to store.
#[derive(Debug, Clone)]
pub struct NewObject {
    pub object_id: String,
    pub object_type: String,
    pub spec_version: String,
    /// The version as written in the object (`modified`, else `created`); `None` for
    /// unversioned objects (SCOs), which are stored once per id.
    pub version: Option<Version>,
    pub tlp: Tlp,
    pub producer: String,
    pub recipients: Vec<String>,
    /// The object's JSON text, as it will be served.
    pub body: String,
    /// The federation peer it was pulled from (provenance; never pushed back there).
    pub origin: Option<String>,
    /// Whether this version may join an object another producer holds: a hub administrator's
    /// audited correction. Otherwise such a version is [`PutOutcome::OtherProducer`].
    pub may_version_others: bool,
}

/// A STIX version timestamp: the text as given and its instant in nanoseconds since the epoch
/// (two spellings of one instant are one version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub text: String,
    pub nanos: i64,
}

/// What happened to one object handed to [`ObjectStore::add_objects`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// Stored as a new version, with the hub's `date_added` in microseconds.
    Stored {
        date_added_us: i64,
        /// Another producer holds versions of this id: a hub administrator's correction.
        over_other_producer: bool,
    },
    /// The identical version was already stored by the same producer (idempotent re-post).
    AlreadyStored,
    /// The same producer already stored a different object with this id and version (or,
    /// unversioned, this id); nothing was written.
    Conflict,
    /// Another producer holds this id; nothing was written. Only the producer versions an
    /// object, and the answer is the same whatever the stored versions say.
    OtherProducer,
}

/// A stored object version, as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredObject {
    pub object_id: String,
    pub object_type: String,
    pub spec_version: String,
    pub version: Option<Version>,
    pub date_added_us: i64,
    pub tlp: Tlp,
    pub producer: String,
    pub recipients: Vec<String>,
    pub body: String,
    /// The federation peer it was pulled from, if any.
    pub origin: Option<String>,
}

impl StoredObject {
    pub fn access(&self) -> tlp::Access {
        tlp::Access { tlp: self.tlp, producer: self.producer.clone(), recipients: self.recipients.clone() }
    }
}

/// Which versions of each object a query returns (TAXII `match[version]`; a list is an OR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionSel {
    First,
    Last,
    All,
    /// The version whose timestamp is this instant (nanoseconds).
    At(i64),
}

/// One keyset-paged scan of a collection, in `date_added` order.
#[derive(Debug, Clone)]
pub struct ObjectQuery {
    pub collection_id: String,
    /// Only versions added strictly after this instant (microseconds).
    pub added_after_us: Option<i64>,
    pub ids: Vec<String>,
    pub types: Vec<String>,
    pub versions: Vec<VersionSel>,
    pub spec_versions: Vec<String>,
    /// How many rows to read at most (before any TLP filtering by the caller).
    pub batch: usize,
    /// Pre-selects the rows this audience could read (the caller still asks `tlp::may_read`
    /// of each); `None` reads every row (index builders, deletes by their producer).
    pub candidates: Option<tlp::Candidates>,
}

/// A status resource, stored as the JSON the client will read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusRecord {
    pub id: String,
    pub org_id: i64,
    pub body: String,
}

/// One line of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    /// Who acted: `org:NAME/token:ID`, `cli`, `anonymous`, `system`.
    pub actor: String,
    /// What was attempted: `objects.add`, `object.delete`, `token.issue`, `access.denied` …
    pub action: String,
    pub target: String,
    /// `ok`, `denied`, `partial`, `failed`.
    pub outcome: String,
    pub detail: String,
}

/// Organisations and their API tokens.
pub trait MemberStore {
    fn create_org(&self, name: &str, identity_id: &str, country: Option<&str>, is_hub: bool) -> Result<Org>;
    fn org_by_name(&self, name: &str) -> Result<Option<Org>>;
    fn org_by_id(&self, id: i64) -> Result<Option<Org>>;
    fn hub_org(&self) -> Result<Option<Org>>;
    fn list_orgs(&self) -> Result<Vec<Org>>;
    fn insert_token(&self, token: &TokenRecord) -> Result<()>;
    fn token(&self, id: &str) -> Result<Option<TokenRecord>>;
    /// Marks a token revoked; returns false when it does not exist.
    fn revoke_token(&self, id: &str, at: &str) -> Result<bool>;
    fn list_tokens(&self) -> Result<Vec<TokenRecord>>;
    /// The organisation a STIX identity speaks for: the one whose own identity it is, or the
    /// one it is bound to.
    fn identity_owner(&self, identity_id: &str) -> Result<Option<i64>>;
    /// Binds an identity to an organisation, together with its audit line. `Duplicate` when the
    /// identity is already an organisation's own or bound to one.
    fn bind_identity(&self, identity_id: &str, org_id: i64, audit: &NewAudit) -> Result<IdentityBinding>;
    /// Removes a binding, together with its audit line; false when there was none.
    fn unbind_identity(&self, identity_id: &str, audit: &NewAudit) -> Result<bool>;
    /// Every binding, oldest first.
    fn identity_bindings(&self) -> Result<Vec<IdentityBinding>>;
}

/// TAXII collections and their grants.
pub trait CollectionStore {
    fn create_collection(&self, collection: &Collection) -> Result<()>;
    fn collection(&self, id: &str) -> Result<Option<Collection>>;
    fn list_collections(&self) -> Result<Vec<Collection>>;
}

/// STIX object versions inside collections.
pub trait ObjectStore {
    /// Stores objects in one transaction with the status and audit line that `finish` builds
    /// from the outcomes: either everything is durable when this returns, or nothing is.
    fn add_objects(
        &self,
        collection_id: &str,
        objects: &[NewObject],
        finish: &mut dyn FnMut(&[PutOutcome]) -> (StatusRecord, NewAudit),
    ) -> Result<Vec<PutOutcome>>;
    /// Reads up to `query.batch` versions in `date_added` order.
    fn scan(&self, query: &ObjectQuery) -> Result<Vec<StoredObject>>;
    /// All versions of one object, oldest version first.
    fn versions(&self, collection_id: &str, object_id: &str) -> Result<Vec<StoredObject>>;
    /// Deletes the given versions (by `date_added`) of one object in one transaction together
    /// with the audit line.
    fn delete_versions(&self, collection_id: &str, object_id: &str, date_added_us: &[i64], audit: &NewAudit) -> Result<usize>;
    /// Number of stored versions in a collection.
    fn count(&self, collection_id: &str) -> Result<u64>;
}

/// Status resources of Add Objects requests.
pub trait StatusStore {
    fn status(&self, id: &str) -> Result<Option<StatusRecord>>;
}

/// A line to append to the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAudit {
    pub actor: String,
    pub action: String,
    pub target: String,
    pub outcome: String,
    pub detail: String,
}

/// The append-only audit log.
pub trait AuditLog {
    fn append(&self, entry: &NewAudit) -> Result<()>;
    /// Entries with `seq > after`, oldest first.
    fn entries(&self, after: i64, limit: usize) -> Result<Vec<AuditEntry>>;
}

/// Small hub-wide settings (cursor key, bootstrap state).
pub trait MetaStore {
    fn meta(&self, key: &str) -> Result<Option<String>>;
    /// Sets `key` only if it has no value yet; returns the value in force afterwards.
    fn meta_init(&self, key: &str, value: &str) -> Result<String>;
    fn set_meta(&self, key: &str, value: &str) -> Result<()>;
}

/// Which way a federation peering moves objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerDirection {
    Pull,
    Push,
    Both,
}

impl PeerDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            PeerDirection::Pull => "pull",
            PeerDirection::Push => "push",
            PeerDirection::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<PeerDirection> {
        match s {
            "pull" => Some(PeerDirection::Pull),
            "push" => Some(PeerDirection::Push),
            "both" => Some(PeerDirection::Both),
            _ => None,
        }
    }

    pub fn pulls(self) -> bool {
        matches!(self, PeerDirection::Pull | PeerDirection::Both)
    }

    pub fn pushes(self) -> bool {
        matches!(self, PeerDirection::Push | PeerDirection::Both)
    }
}

/// How the hub authenticates to a peer's TAXII server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerAuth {
    Bearer(String),
    Basic { user: String, password: String },
}

/// A federation peering with another TAXII 2.1 server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub name: String,
    /// Base URL of the peer, e.g. `https://regional.example/`.
    pub url: String,
    /// API root path on the peer, e.g. `/isac/`.
    pub api_root: String,
    /// Collection id on the peer.
    pub remote_collection: String,
    /// Local collection the peering reads from and writes to.
    pub local_collection: String,
    pub auth: PeerAuth,
    pub direction: PeerDirection,
    /// Highest TLP level exchanged with this peer (CLEAR, GREEN or AMBER).
    pub max_tlp: Tlp,
    pub created: String,
}

/// Sync progress of a peering, persisted after every page so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerState {
    /// Last `X-TAXII-Date-Added-Last` stored from the peer (next `added_after`).
    pub pull_checkpoint: Option<String>,
    /// Local `date_added` (µs) up to which objects were pushed.
    pub push_checkpoint_us: Option<i64>,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    /// Consecutive failures (drives the backoff).
    pub failures: u32,
    pub pulled: u64,
    pub pushed: u64,
    pub refused: u64,
}

/// Federation peerings and their sync state.
pub trait PeerStore {
    fn add_peer(&self, peer: &Peer) -> Result<()>;
    fn peer(&self, name: &str) -> Result<Option<Peer>>;
    fn list_peers(&self) -> Result<Vec<Peer>>;
    /// Returns false when no such peer exists.
    fn remove_peer(&self, name: &str) -> Result<bool>;
    fn peer_state(&self, name: &str) -> Result<PeerState>;
    fn save_peer_state(&self, name: &str, state: &PeerState) -> Result<()>;
    /// Takes or renews the sync lease of a peer for `owner` until `until_us`; false when another
    /// live process holds it (several `serve` processes share one database).
    fn try_lease_peer(&self, name: &str, owner: &str, now_us: i64, until_us: i64) -> Result<bool>;
}

/// Everything the hub needs from a storage backend.
pub trait Store: MemberStore + CollectionStore + ObjectStore + StatusStore + AuditLog + MetaStore + PeerStore + Send + Sync {}

impl<T: MemberStore + CollectionStore + ObjectStore + StatusStore + AuditLog + MetaStore + PeerStore + Send + Sync> Store for T {}

/// The current time as an RFC 3339 UTC timestamp with millisecond precision.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
