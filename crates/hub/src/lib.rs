//! The POST-ISAC hub: who may do what, ingestion of STIX bundles into TAXII collections, and
//! TLP-filtered reads. It knows nothing of HTTP; the server maps [`HubError`] to TAXII errors.

mod admin;
mod auth;
mod federation;
mod ingest;
mod query;
mod read;

use std::sync::Arc;

pub use admin::{CollectionSpec, IssuedToken, ReadGrant};
pub use auth::{Principal, parse_token};
pub use federation::{Outgoing, PeerPage, RECIPIENTS_PROPERTY, Received, may_cross, outgoing_body};
pub use ingest::StatusResource;
pub use query::{Cursor, Filters, parse_filters};
pub use read::{Grant, Page, VersionsPage, version_text};

use store::Store;
use tlp::Tlp;

/// Errors the hub reports to its callers; each maps to one HTTP status in the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HubError {
    /// No or bad credentials (401).
    #[error("{0}")]
    Unauthenticated(String),
    /// Authenticated but not permitted (403).
    #[error("{0}")]
    Forbidden(String),
    /// The resource does not exist or the caller may not know it exists (404).
    #[error("{0}")]
    NotFound(String),
    /// A request field is invalid (400); `field` names it.
    #[error("{field}: {reason}")]
    BadRequest { field: String, reason: String },
    /// A name or id is already taken (409).
    #[error("{0}")]
    Conflict(String),
    /// The storage layer failed (500).
    #[error("storage: {0}")]
    Store(#[from] store::StoreError),
}

impl HubError {
    /// The HTTP status every face answers this error with (TAXII, the JSON API and the portal
    /// agree: the decision is made here, once).
    pub fn http_status(&self) -> u16 {
        match self {
            HubError::Unauthenticated(_) => 401,
            HubError::Forbidden(_) => 403,
            HubError::NotFound(_) => 404,
            HubError::BadRequest { .. } => 400,
            HubError::Conflict(_) => 409,
            HubError::Store(_) => 500,
        }
    }
}

pub type Result<T, E = HubError> = std::result::Result<T, E>;

fn bad(field: impl Into<String>, reason: impl Into<String>) -> HubError {
    HubError::BadRequest { field: field.into(), reason: reason.into() }
}

/// Hub-wide settings.
#[derive(Debug, Clone)]
pub struct HubConfig {
    /// Level given to objects that carry no TLP marking.
    pub default_tlp: Tlp,
    /// Largest page a client gets, whatever `limit` it asks for.
    pub max_page_size: usize,
    /// Largest request body accepted (advertised as `max_content_length`).
    pub max_content_length: usize,
}

impl Default for HubConfig {
    fn default() -> Self {
        HubConfig { default_tlp: Tlp::Amber, max_page_size: 1000, max_content_length: 32 * 1024 * 1024 }
    }
}

/// The hub: a store plus the rules of the ISAC. Cheap to clone.
#[derive(Clone)]
pub struct Hub {
    store: Arc<dyn Store>,
    config: HubConfig,
    cursor_key: Arc<[u8]>,
    /// Keys the namespaces of ids the hub derives from values (see [`Hub::id_namespace`]).
    id_key: Arc<[u8]>,
    tokens: Arc<auth::TokenCache>,
}

impl Hub {
    /// Opens the hub on a store, creating the hub's own organisation and the cursor key on first
    /// use. The cursor key lives in the database so that cursors stay valid across restarts and
    /// across processes sharing the database.
    pub fn open(store: Arc<dyn Store>, config: HubConfig) -> Result<Hub> {
        let fresh_key = hex(&auth::random_bytes(32));
        let key_hex = store.meta_init("cursor_key", &fresh_key)?;
        let cursor_key = unhex(&key_hex).ok_or_else(|| store::StoreError::Corrupt("cursor_key is not hex".into()))?;
        let id_key_hex = store.meta_init("id_namespace_key", &hex(&auth::random_bytes(32)))?;
        let id_key = unhex(&id_key_hex).ok_or_else(|| store::StoreError::Corrupt("id_namespace_key is not hex".into()))?;
        let hub = Hub { store, config, cursor_key: cursor_key.into(), id_key: id_key.into(), tokens: Arc::default() };
        hub.ensure_hub_org()?;
        Ok(hub)
    }

    /// The store under the hub, for the hub's unit tests: everything outside goes through the
    /// hub's operations, so that access rules and audit lines cannot be bypassed.
    #[cfg(test)]
    pub(crate) fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn config(&self) -> &HubConfig {
        &self.config
    }

    /// The UUIDv5 namespace of the ids this hub derives from values for `producer` (feed
    /// indicators, anonymised sightings): stable for one producer on one hub, so a re-import
    /// finds the same objects, and keyed by a secret of the hub, so another organisation
    /// cannot compute an id from a guessed value and probe whether it is held.
    pub fn id_namespace(&self, producer: &str) -> uuid::Uuid {
        use hmac::Mac;
        let mut bytes = [0u8; 16];
        if let Ok(mut m) = <hmac::Hmac<sha2::Sha256> as Mac>::new_from_slice(&self.id_key) {
            m.update(b"postern derived ids v1\n");
            m.update(producer.as_bytes());
            bytes.copy_from_slice(&m.finalize().into_bytes()[..16]);
        }
        uuid::Uuid::from_bytes(bytes)
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// Formats microseconds since the epoch as a TAXII timestamp (`2024-05-01T10:00:00.123456Z`).
pub fn format_us(us: i64) -> String {
    chrono::DateTime::from_timestamp_micros(us).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

#[cfg(test)]
mod tests;
