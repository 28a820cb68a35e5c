//! Domain posture history: registered domains, every report kept, and regression events
//! (a finding that newly appears) for later notification features.

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

/// Posture history of domains.
pub trait PostureStore: Send + Sync {
    /// Adds a domain to the scheduled re-scan list (idempotent).
    fn register_domain(&self, domain: &str, registered_by: &str) -> Result<()>;
    fn registered_domains(&self) -> Result<Vec<String>>;
    /// Stores a report and its regression events in one transaction.
    fn save_report(&self, record: &PostureRecord, regressions: &[(String, String, String)]) -> Result<()>;
    /// Reports of a domain, newest first.
    fn reports(&self, domain: &str, limit: usize) -> Result<Vec<PostureRecord>>;
    /// The newest report of every domain ever checked (the scoreboard).
    fn latest_reports(&self) -> Result<Vec<PostureRecord>>;
    /// Regression events after `after`, oldest first.
    fn posture_events(&self, after: i64, limit: usize) -> Result<Vec<PostureEvent>>;
}
