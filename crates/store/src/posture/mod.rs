//! Domain posture history: registered domains (the public scoreboard), every report kept with
//! the organisation that asked for it, and regression events (a finding that newly appears)
//! for later notification features.
//!
//! Visibility: a report (and its events) is public when its domain is registered; otherwise only
//! the organisation that asked for the scan reads it. The scheduled re-scans of registered
//! domains have no owner.

mod postgres;
mod sqlite;

use crate::Result;

/// One stored posture report (the report itself is the `posture` crate's JSON).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostureRecord {
    pub domain: String,
    pub checked_at: String,
    pub score: i64,
    pub grade: String,
    pub dotpost_compliant: bool,
    pub report: String,
    /// The organisation that asked for the scan; `None` for the hub's scheduled re-scans.
    pub owner_org: Option<i64>,
}

/// A finding that appeared in a report and was absent from the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostureEvent {
    pub seq: i64,
    pub domain: String,
    pub at: String,
    pub code: String,
    pub severity: String,
    pub message: String,
}

/// Who reads posture history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostureReader {
    /// Anyone: only reports of registered domains.
    Public,
    /// A member organisation (by id): registered domains and its own scans.
    Org(i64),
}

impl PostureReader {
    /// The owner whose reports this reader sees besides the public ones.
    pub fn org(self) -> Option<i64> {
        match self {
            PostureReader::Public => None,
            PostureReader::Org(id) => Some(id),
        }
    }
}

/// Posture history of domains.
pub trait PostureStore: Send + Sync {
    /// Adds a domain to the public scoreboard and the scheduled re-scan list (idempotent).
    fn register_domain(&self, domain: &str, registered_by: &str) -> Result<()>;
    fn registered_domains(&self) -> Result<Vec<String>>;
    /// Stores a report and its regression events (owned like the report) in one transaction.
    fn save_report(&self, record: &PostureRecord, regressions: &[(String, String, String)]) -> Result<()>;
    /// Reports of a domain that `reader` may read, newest first.
    fn reports(&self, domain: &str, reader: PostureReader, limit: usize) -> Result<Vec<PostureRecord>>;
    /// The newest report `reader` may read of every domain (the scoreboard).
    fn latest_reports(&self, reader: PostureReader) -> Result<Vec<PostureRecord>>;
    /// Regression events `reader` may read after `after`, oldest first.
    fn posture_events(&self, reader: PostureReader, after: i64, limit: usize) -> Result<Vec<PostureEvent>>;
}
