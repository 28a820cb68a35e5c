//! Storage of the web portal: people's accounts (argon2 PHC strings, never passwords), their
//! sessions, citizens' scam reports with their triage, and TLP:RED recipient lists.
//!
//! A separate trait from [`crate::Store`] so that a backend can offer the hub without the portal.

pub(crate) mod contract;
pub(crate) mod postgres;
pub(crate) mod sqlite;

use crate::{NewAudit, Result, Role};

/// A person who signs in to the members' workspace, on behalf of one organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: i64,
    pub org_id: i64,
    /// Unique, lower-case login name.
    pub username: String,
    /// Argon2id PHC string (`$argon2id$v=19$...`).
    pub password_hash: String,
    pub role: Role,
    pub created: String,
    pub disabled: bool,
}

/// What creating a user needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUser {
    pub org_id: i64,
    pub username: String,
    pub password_hash: String,
    pub role: Role,
}

/// A signed-in session; the store keeps only a hash of the cookie value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRecord {
    /// SHA-256 of the session cookie value.
    pub id_hash: Vec<u8>,
    pub user_id: i64,
    /// The anti-CSRF token of every form of this session.
    pub csrf: String,
    pub created_us: i64,
    pub expires_us: i64,
}

/// What a citizen reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportKind {
    Message,
    Url,
}

impl ReportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::Message => "message",
            ReportKind::Url => "url",
        }
    }

    pub fn parse(s: &str) -> Option<ReportKind> {
        match s {
            "message" => Some(ReportKind::Message),
            "url" => Some(ReportKind::Url),
            _ => None,
        }
    }
}

/// Where a report stands in the triage queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStatus {
    New,
    Accepted,
    Rejected,
}

impl ReportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReportStatus::New => "new",
            ReportStatus::Accepted => "accepted",
            ReportStatus::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<ReportStatus> {
        match s {
            "new" => Some(ReportStatus::New),
            "accepted" => Some(ReportStatus::Accepted),
            "rejected" => Some(ReportStatus::Rejected),
            _ => None,
        }
    }
}

/// A report as filed by a citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReport {
    pub kind: ReportKind,
    pub content: String,
    /// ISO 3166-1 alpha-2 code.
    pub country: String,
    pub contact: Option<String>,
}

/// A stored report with its triage outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitizenReport {
    pub id: i64,
    pub created: String,
    pub kind: ReportKind,
    pub content: String,
    pub country: String,
    pub contact: Option<String>,
    pub status: ReportStatus,
    /// `user:NAME@ORG` of the member who decided, for display.
    pub decided_by: Option<String>,
    /// The organisation of the member who decided: what "our decision" compares.
    pub decided_org_id: Option<i64>,
    pub decided_at: Option<String>,
    /// The indicator created when accepted.
    pub indicator_id: Option<String>,
}

/// A triage decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDecision {
    pub status: ReportStatus,
    /// `user:NAME@ORG`, for display.
    pub decided_by: String,
    /// The deciding member's organisation.
    pub org_id: i64,
    pub indicator_id: Option<String>,
}

/// A named list of organisations (STIX identity ids) an organisation shares TLP:RED and
/// TLP:AMBER+STRICT objects with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientList {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    pub identities: Vec<String>,
}

/// Accounts, sessions, citizen reports and recipient lists of the portal.
pub trait PortalStore: Send + Sync {
    /// Fails with `Duplicate` when the user name is taken.
    fn create_user(&self, user: &NewUser) -> Result<User>;
    fn user_by_name(&self, username: &str) -> Result<Option<User>>;
    fn user_by_id(&self, id: i64) -> Result<Option<User>>;
    fn list_users(&self) -> Result<Vec<User>>;
    /// Returns false when no such user exists.
    fn set_user_disabled(&self, id: i64, disabled: bool) -> Result<bool>;

    fn create_session(&self, session: &SessionRecord) -> Result<()>;
    /// The session if it exists and has not expired at `now_us`.
    fn session(&self, id_hash: &[u8], now_us: i64) -> Result<Option<SessionRecord>>;
    fn delete_session(&self, id_hash: &[u8]) -> Result<()>;
    /// Drops expired sessions; returns how many.
    fn purge_sessions(&self, now_us: i64) -> Result<usize>;

    fn add_report(&self, report: &NewReport) -> Result<i64>;
    fn report(&self, id: i64) -> Result<Option<CitizenReport>>;
    /// Newest first, optionally only those in one status.
    fn reports(&self, status: Option<ReportStatus>, limit: usize) -> Result<Vec<CitizenReport>>;
    /// Records a decision on a report still `new`; false when it is unknown or already decided.
    fn decide_report(&self, id: i64, decision: &ReportDecision) -> Result<bool>;

    /// Creates or replaces the list `name` of `org_id`, and appends `audit` to the audit log in
    /// the same transaction: a list that decides who reads TLP:RED never changes unrecorded.
    fn save_recipient_list(&self, org_id: i64, name: &str, identities: &[String], audit: &NewAudit) -> Result<RecipientList>;
    fn recipient_lists(&self, org_id: i64) -> Result<Vec<RecipientList>>;
    /// Deletes the list and appends `audit` in one transaction; returns false (and records
    /// nothing) when `org_id` has no such list.
    fn delete_recipient_list(&self, org_id: i64, id: i64, audit: &NewAudit) -> Result<bool>;
}
