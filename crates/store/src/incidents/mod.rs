//! Incident cases: an organisation's cases with their timeline notes, tasks, evidence files and
//! the hub objects (indicators, sightings by STIX id) they involve.
//!
//! A case belongs to one organisation: [`IncidentStore::case`], [`IncidentStore::cases`] and
//! [`IncidentStore::update_case`] take the reader's organisation and never answer another's
//! case, so a caller that loaded a case through them may then use its id for the case's notes,
//! tasks, evidence and links. Values are checked by the `incidents` crate before they are
//! written; this store keeps them as text and knows nothing of their rules.

mod postgres;
mod sqlite;

#[cfg(test)]
mod contract;

use std::collections::BTreeMap;

use crate::Result;

/// What a case says, as written and read back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseData {
    pub title: String,
    pub summary: String,
    /// An RSIT machine value, e.g. `fraud:phishing`.
    pub classification: String,
    pub severity: String,
    /// Machine values of the affected postal services.
    pub services: Vec<String>,
    pub users_affected: Option<i64>,
    /// `unknown`, `yes` or `no`.
    pub cross_border: String,
    pub suspected_malicious: String,
    /// RFC 3339 UTC times, each absent until known.
    pub detected: Option<String>,
    pub aware: Option<String>,
    pub contained: Option<String>,
    pub resolved: Option<String>,
    /// The rule set id the clocks follow, and the organisation's IANA time zone.
    pub jurisdiction: String,
    pub zone: String,
}

/// A stored case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseRecord {
    pub id: i64,
    pub org_id: i64,
    pub data: CaseData,
    pub created_at: String,
    pub created_by: String,
    pub updated_at: String,
    /// Played in a joint exercise (`incident_cases.exercise`): never a real incident, so no
    /// reminder goes out for it and every view and export says so.
    pub exercise: bool,
}

/// One note of a case's timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub id: i64,
    pub case_id: i64,
    pub author: String,
    pub at: String,
    pub body: String,
}

/// A task as it is created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTask {
    pub case_id: i64,
    pub title: String,
    pub owner: String,
    /// A calendar date `YYYY-MM-DD`.
    pub due: Option<String>,
    pub created_at: String,
}

/// A stored task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRecord {
    pub id: i64,
    pub task: NewTask,
    pub done: bool,
}

/// An evidence file as uploaded, with the digest computed at upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvidence {
    pub case_id: i64,
    pub filename: String,
    pub sha256: String,
    pub content: Vec<u8>,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

/// What is listed of a stored evidence file (its bytes are read one file at a time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceRecord {
    pub id: i64,
    pub case_id: i64,
    pub filename: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

/// A hub object a case involves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRecord {
    pub stix_id: String,
    pub added_by: String,
    pub added_at: String,
}

/// A reporting stage sent to the authorities: its submission anchors the stages chained on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionRecord {
    pub stage: String,
    /// When the report was submitted (RFC 3339 UTC), as the member states it.
    pub submitted_at: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// A stage report: the answers to the fields its stage asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    pub case_id: i64,
    pub stage: String,
    /// Text by field id.
    pub answers: BTreeMap<String, String>,
    /// False while a draft; true once sent, after which the report is kept as sent.
    pub submitted: bool,
    pub created_at: String,
    pub updated_by: String,
    pub updated_at: String,
}

/// Incident cases of organisations.
pub trait IncidentStore: FollowUpStore + Send + Sync {
    /// Opens a case of `org_id`; an unknown organisation is [`crate::StoreError::NotFound`].
    fn create_case(&self, org_id: i64, data: &CaseData, by: &str, at: &str) -> Result<CaseRecord>;
    /// The case `id` if it belongs to `org_id`; another organisation's case is `None`.
    fn case(&self, org_id: i64, id: i64) -> Result<Option<CaseRecord>>;
    /// The organisation's cases, newest first.
    fn cases(&self, org_id: i64) -> Result<Vec<CaseRecord>>;
    /// Replaces what case `id` of `org_id` says; not found (another organisation's included) is
    /// [`crate::StoreError::NotFound`].
    fn update_case(&self, org_id: i64, id: i64, data: &CaseData, at: &str) -> Result<CaseRecord>;
    fn add_note(&self, case_id: i64, author: &str, at: &str, body: &str) -> Result<NoteRecord>;
    /// The case's notes, oldest first.
    fn notes(&self, case_id: i64) -> Result<Vec<NoteRecord>>;
    fn add_task(&self, task: &NewTask) -> Result<TaskRecord>;
    /// The case's tasks, oldest first.
    fn tasks(&self, case_id: i64) -> Result<Vec<TaskRecord>>;
    /// Marks a task of the case done or not; a task of another case is not found.
    fn set_task_done(&self, case_id: i64, task_id: i64, done: bool) -> Result<TaskRecord>;
    fn add_evidence(&self, evidence: &NewEvidence) -> Result<EvidenceRecord>;
    /// The case's evidence files, oldest first, without their bytes.
    fn evidence(&self, case_id: i64) -> Result<Vec<EvidenceRecord>>;
    /// One evidence file of the case with its bytes.
    fn evidence_content(&self, case_id: i64, evidence_id: i64) -> Result<Option<(EvidenceRecord, Vec<u8>)>>;
    /// Links a hub object to the case; `false` when it was linked already.
    fn link(&self, case_id: i64, stix_id: &str, by: &str, at: &str) -> Result<bool>;
    /// The case's linked objects, by STIX id.
    fn links(&self, case_id: i64) -> Result<Vec<LinkRecord>>;
    /// Records that a stage was submitted; `false` (nothing written) when it already was.
    fn submit(&self, case_id: i64, submission: &SubmissionRecord) -> Result<bool>;
    /// The case's submitted stages, in submission order.
    fn submissions(&self, case_id: i64) -> Result<Vec<SubmissionRecord>>;
    /// Saves the draft report of `stage`; a report already submitted is
    /// [`crate::StoreError::Conflict`] and stays as it was.
    fn save_report(&self, case_id: i64, stage: &str, answers: &BTreeMap<String, String>, by: &str, at: &str) -> Result<ReportRecord>;
    /// Marks the report of `submission.stage` submitted with `answers` and records the stage's
    /// submission, in one transaction; a stage already submitted is
    /// [`crate::StoreError::Conflict`] and nothing is written.
    fn submit_report(&self, case_id: i64, answers: &BTreeMap<String, String>, submission: &SubmissionRecord) -> Result<ReportRecord>;
    /// The report of `stage`, if one was saved.
    fn report(&self, case_id: i64, stage: &str) -> Result<Option<ReportRecord>>;
    /// The case's reports, by stage id.
    fn reports(&self, case_id: i64) -> Result<Vec<ReportRecord>>;
}

const REPORT_COLUMNS: &str = "case_id, stage, answers, status, created_at, updated_by, updated_at";

/// Answers are stored as one JSON object of text by field id.
fn answers_text(answers: &BTreeMap<String, String>) -> String {
    serde_json::to_string(answers).unwrap_or_else(|_| "{}".into())
}

/// A report row's parts back as a record; text this crate never writes is `Corrupt`.
fn report_from(case_id: i64, stage: String, answers: &str, status: &str, times: [String; 3]) -> Result<ReportRecord> {
    let answers =
        serde_json::from_str(answers).map_err(|e| crate::StoreError::Corrupt(format!("report answers of case {case_id}: {e}")))?;
    let submitted = match status {
        "draft" => false,
        "submitted" => true,
        other => return Err(crate::StoreError::Corrupt(format!("report status `{other}` of case {case_id}"))),
    };
    let [created_at, updated_by, updated_at] = times;
    Ok(ReportRecord { case_id, stage, answers, submitted, created_at, updated_by, updated_at })
}

fn already_submitted(stage: &str) -> crate::StoreError {
    crate::StoreError::Conflict(format!("stage {stage} was already submitted"))
}

fn not_found(what: &'static str, id: i64) -> crate::StoreError {
    crate::StoreError::NotFound { what, name: id.to_string() }
}

/// Services are stored as one space-separated text of machine values.
fn services_text(services: &[String]) -> String {
    services.join(" ")
}

fn services_from(text: &str) -> Vec<String> {
    text.split(' ').filter(|s| !s.is_empty()).map(String::from).collect()
}

/// The columns of a case, in the order both engines read them.
const CASE_COLUMNS: &str = "id, org_id, title, summary, classification, severity, services, users_affected, cross_border, \
     suspected_malicious, detected, aware, contained, resolved, jurisdiction, zone, created_at, created_by, updated_at, exercise";
const NOTE_COLUMNS: &str = "id, case_id, author, at, body";
const TASK_COLUMNS: &str = "id, case_id, title, owner, due, created_at, done";
const SUBMISSION_COLUMNS: &str = "stage, submitted_at, recorded_by, recorded_at";
const EVIDENCE_COLUMNS: &str = "id, case_id, filename, size, sha256, uploaded_by, uploaded_at";

mod followup;
pub use followup::{
    FollowUpStore, HandoffMessage, HandoffRecord, NewHandoffMessage, NewTakedown, ReminderRecord, StageRequestRecord, TakedownRecord,
};
