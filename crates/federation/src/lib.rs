//! Federation between hubs over TAXII 2.1: one sync worker per peering pulls new objects from
//! the peer (`added_after` checkpoints, persisted after every stored page) and pushes the local
//! objects the peer may receive (a persisted local `date_added` checkpoint), with exponential
//! backoff and jitter, under a database lease so that one process syncs a peer at a time.
//!
//! The TLP gates and provenance are the hub's (`hub::Hub::receive_from_peer`,
//! `hub::Hub::outgoing`); this crate only moves pages and keeps the checkpoints.

mod client;
mod worker;

pub use client::{AddResult, ObjectsPage, PageRequest, TAXII, TaxiiClient, objects_url};
pub use worker::{Round, SyncHandle, backoff, start, sync_once};

use std::time::Duration;

/// Errors of one sync round; the worker records them and backs off.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// The peer could not be reached or the connection failed.
    #[error("HTTP: {0}")]
    Http(#[source] reqwest::Error),
    /// The outbound guard refused the peer's address (an IP literal in its URL or a redirect).
    #[error("the outbound guard refused the peer: {0}")]
    Refused(#[source] outbound::SsrfRefusal),
    /// The peer answered with an error status.
    #[error("peer answered HTTP {code}: {body}")]
    Status { code: u16, body: String },
    /// The peer's answer is not what TAXII 2.1 says it should be.
    #[error("protocol: {0}")]
    Protocol(String),
    /// The local hub failed (storage).
    #[error("hub: {0}")]
    Hub(#[from] hub::HubError),
    /// The local storage failed.
    #[error("storage: {0}")]
    Store(#[from] store::StoreError),
    /// Another process holds the sync lease of this peering.
    #[error("another process holds the sync lease of this peering")]
    LeaseLost,
    /// A blocking task could not be joined (the runtime is shutting down).
    #[error("worker: {0}")]
    Join(String),
}

/// How the workers sync.
#[derive(Debug, Clone)]
pub struct SyncConfig {
    /// Pause between two rounds of a healthy peering.
    pub interval: Duration,
    /// Objects asked for per Get Objects page.
    pub page_limit: usize,
    /// Local objects examined per push request.
    pub push_batch: usize,
    /// Largest body of one push request (split beyond it).
    pub push_max_bytes: usize,
    /// Ceiling of the exponential backoff after failures.
    pub max_backoff: Duration,
    /// How long a process holds a peering before another may take it over.
    pub lease: Duration,
    /// Timeout of one HTTP request.
    pub timeout: Duration,
}

impl Default for SyncConfig {
    fn default() -> Self {
        SyncConfig {
            interval: Duration::from_secs(60),
            page_limit: 1000,
            push_batch: 1000,
            push_max_bytes: 8 * 1024 * 1024,
            max_backoff: Duration::from_secs(600),
            lease: Duration::from_secs(120),
            timeout: Duration::from_secs(60),
        }
    }
}
