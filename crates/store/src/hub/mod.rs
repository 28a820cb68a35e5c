//! The hub's aggregate: member organisations with their API tokens and identity bindings,
//! TAXII collections and their grants, STIX object versions, status resources, the append-only
//! audit log and meta settings. Types and traits here; each engine's implementation beside them.

use tlp::Tlp;

use crate::Result;

pub(crate) mod contract;
pub(crate) mod postgres;
pub(crate) mod sqlite;

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

/// A citizen report to decide in the transaction that stores its indicator.
#[derive(Debug, Clone, Copy)]
pub struct ReportClaim<'a> {
    pub report_id: i64,
    pub decision: &'a crate::portal::ReportDecision,
}

impl ReportClaim<'_> {
    /// The refusal when an object of the claimed write could not be stored.
    pub(crate) fn unstored(&self, outcomes: &[PutOutcome]) -> Option<crate::StoreError> {
        outcomes
            .iter()
            .any(|o| matches!(o, PutOutcome::Conflict | PutOutcome::OtherProducer))
            .then(|| crate::StoreError::Conflict(format!("report {}: an object of its indicator could not be stored", self.report_id)))
    }

    /// The refusal when the report was decided meanwhile (or does not exist).
    pub(crate) fn decided(&self) -> crate::StoreError {
        crate::StoreError::Conflict(format!("report {} is no longer new", self.report_id))
    }
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
    ) -> Result<Vec<PutOutcome>> {
        self.add_objects_deciding(collection_id, objects, finish, None)
    }
    /// [`ObjectStore::add_objects`], deciding a citizen report in the same transaction (triage
    /// "accept": the indicator, its sighting and the decision together). When the report is no
    /// longer new, or an object could not be stored, nothing at all is written and the answer is
    /// [`crate::StoreError::Conflict`].
    fn add_objects_deciding(
        &self,
        collection_id: &str,
        objects: &[NewObject],
        finish: &mut dyn FnMut(&[PutOutcome]) -> (StatusRecord, NewAudit),
        claim: Option<ReportClaim<'_>>,
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
    /// Entries about one of `targets` written from `from` to `to` inclusive (RFC 3339 UTC with
    /// milliseconds, `2026-12-07T10:00:00.000Z`, the form entries are written in), oldest
    /// first; read through the index on (target, seq), not the whole log.
    fn entries_about(&self, targets: &[String], from: &str, to: &str) -> Result<Vec<AuditEntry>>;
}

/// Small hub-wide settings (cursor key, bootstrap state).
pub trait MetaStore {
    fn meta(&self, key: &str) -> Result<Option<String>>;
    /// Sets `key` only if it has no value yet; returns the value in force afterwards.
    fn meta_init(&self, key: &str, value: &str) -> Result<String>;
    fn set_meta(&self, key: &str, value: &str) -> Result<()>;
}
