//! What follows a case once its clock runs: the reminders sent before each deadline, the
//! hand-off of the CSIRT copy to a CSIRT (its acknowledgement, questions and feedback) and the
//! takedown requests of scam domains.
//!
//! Access: a hand-off is read by the case's organisation and by the CSIRT it was handed to, and
//! by nobody else; callers check the reader against [`HandoffRecord::case_org_id`] and
//! [`HandoffRecord::csirt_org_id`] before answering. Takedowns and reminders belong to a case the
//! caller loaded through [`super::IncidentStore::case`].

mod postgres;
mod sqlite;

use crate::Result;

/// A reminder or overdue alert recorded as sent (or being sent) for a case's stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderRecord {
    pub case_id: i64,
    pub stage: String,
    /// `T-12h`, `T-4h`, `T-1h`, ... or `overdue`.
    pub kind: String,
    /// The deadline the alert is about (RFC 3339 UTC).
    pub due: String,
    pub sent_at: String,
    /// Where it went: `email:<address>` or `webhook:<url>`.
    pub channel: String,
}

/// The CSIRT copy of a case handed to a CSIRT organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffRecord {
    pub id: i64,
    pub case_id: i64,
    /// The organisation that owns the case.
    pub case_org_id: i64,
    pub csirt_org_id: i64,
    pub sent_by: String,
    pub sent_at: String,
    pub acknowledged_by: Option<String>,
    pub acknowledged_at: Option<String>,
}

/// A message of a hand-off as it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHandoffMessage {
    pub handoff_id: i64,
    pub from_org: i64,
    /// `question` or `feedback` (from the CSIRT), `answer` (from the post).
    pub kind: String,
    pub author: String,
    pub at: String,
    pub body: String,
}

/// A stored message of a hand-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandoffMessage {
    pub id: i64,
    pub message: NewHandoffMessage,
}

/// A takedown request as it is created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTakedown {
    pub case_id: i64,
    pub domain: String,
    /// Registrar and host abuse contacts (e-mail addresses or URLs).
    pub contacts: Vec<String>,
    /// Evidence references: `evidence:<id>` of the case's files, or hub STIX ids.
    pub evidence: Vec<String>,
    pub created_by: String,
    pub created_at: String,
}

/// A stored takedown request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakedownRecord {
    pub id: i64,
    pub takedown: NewTakedown,
    /// `requested` when created; the `incidents` crate lists the others.
    pub status: String,
    pub updated_at: String,
}

/// A request of an on-request reporting stage (the intermediate report), made by the CSIRT
/// through a hand-off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageRequestRecord {
    pub case_id: i64,
    pub stage: String,
    pub handoff_id: i64,
    pub requested_by: String,
    /// RFC 3339 UTC.
    pub requested_at: String,
    /// The due date the request names (RFC 3339 UTC), if any.
    pub due: Option<String>,
    pub note: String,
}

/// Reminders, hand-offs and takedowns of incident cases.
pub trait FollowUpStore: Send + Sync {
    /// Every case whose clock runs (`aware` known), of every organisation: for the reminder
    /// sender only, never for a member's view.
    fn clock_cases(&self) -> Result<Vec<super::CaseRecord>>;
    /// Records a reminder on one channel before it is sent there; `false` (nothing written) when
    /// it was recorded already, by this process or another.
    fn claim_reminder(&self, r: &ReminderRecord) -> Result<bool>;
    /// Forgets a claimed reminder whose sending failed, so that the next round tries again.
    fn release_reminder(&self, r: &ReminderRecord) -> Result<()>;
    /// The reminders recorded for a case, oldest first.
    fn reminders(&self, case_id: i64) -> Result<Vec<ReminderRecord>>;

    /// Hands the case's CSIRT copy to `csirt_org_id`; handing it again to the same CSIRT
    /// returns the first hand-off unchanged. An unknown case or organisation is not found.
    fn hand_off(&self, case_id: i64, csirt_org_id: i64, by: &str, at: &str) -> Result<HandoffRecord>;
    /// The hand-offs of a case, oldest first.
    fn handoffs(&self, case_id: i64) -> Result<Vec<HandoffRecord>>;
    /// The hand-offs a CSIRT received, newest first.
    fn handoffs_to(&self, csirt_org_id: i64) -> Result<Vec<HandoffRecord>>;
    fn handoff(&self, id: i64) -> Result<Option<HandoffRecord>>;
    /// Records the CSIRT's acknowledgement; the first one stands, a later one changes nothing.
    fn acknowledge(&self, id: i64, by: &str, at: &str) -> Result<HandoffRecord>;
    fn add_handoff_message(&self, m: &NewHandoffMessage) -> Result<HandoffMessage>;
    /// The messages of a hand-off, oldest first.
    fn handoff_messages(&self, handoff_id: i64) -> Result<Vec<HandoffMessage>>;

    /// Records a request of an on-request stage; `false` (nothing written) when the stage of
    /// that case was requested already: the first request stands. An unknown case or hand-off
    /// is not found.
    fn request_stage(&self, r: &StageRequestRecord) -> Result<bool>;
    /// The stage requests of a case, oldest first.
    fn stage_requests(&self, case_id: i64) -> Result<Vec<StageRequestRecord>>;

    fn add_takedown(&self, t: &NewTakedown) -> Result<TakedownRecord>;
    /// The case's takedown requests, oldest first.
    fn takedowns(&self, case_id: i64) -> Result<Vec<TakedownRecord>>;
    /// Sets a takedown's status; a takedown of another case is not found.
    fn set_takedown_status(&self, case_id: i64, id: i64, status: &str, at: &str) -> Result<TakedownRecord>;
}

const REMINDER_COLUMNS: &str = "case_id, stage, kind, due, sent_at, channel";
const HANDOFF_COLUMNS: &str = "h.id, h.case_id, c.org_id, h.csirt_org_id, h.sent_by, h.sent_at, h.acknowledged_by, h.acknowledged_at";
const HANDOFF_FROM: &str = "incident_handoffs h JOIN incident_cases c ON c.id = h.case_id";
const MESSAGE_COLUMNS: &str = "id, handoff_id, from_org, kind, author, at, body";
const REQUEST_COLUMNS: &str = "case_id, stage, handoff_id, requested_by, requested_at, due, note";
const TAKEDOWN_COLUMNS: &str = "id, case_id, domain, contacts, evidence, status, created_by, created_at, updated_at";

/// Lists are stored as one text, one item a line.
fn lines_text(items: &[String]) -> String {
    items.join("\n")
}

fn lines_from(text: &str) -> Vec<String> {
    text.lines().filter(|s| !s.is_empty()).map(String::from).collect()
}
