//! Readiness assessments: an organisation's drafts and finalised assessments, and the answers
//! its respondents share, one per question.
//!
//! Concurrent edits: every answer carries a revision. A write names the revision it read (0 for
//! a question not yet answered); if the answer changed meanwhile nothing is written and the
//! current answer comes back, so the face can show both and ask. A finalised assessment is
//! frozen: its answers no longer change, and its scored result (the `readiness` crate's JSON) is
//! what history and benchmarks read.

mod postgres;
mod sqlite;

#[cfg(test)]
mod contract;

use crate::Result;

/// One assessment of an organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssessmentRecord {
    pub id: i64,
    pub org_id: i64,
    pub bank_version: String,
    /// The channel profile (CH-01) as JSON.
    pub profile: String,
    pub created_at: String,
    /// `None` while the assessment is a draft.
    pub finalised_at: Option<String>,
    /// The scored assessment as JSON, stored at finalisation.
    pub result: Option<String>,
    pub benchmark_opt_in: bool,
}

/// An answer as a respondent submits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAnswer {
    pub assessment_id: i64,
    pub question: String,
    /// 0-4, or `None` for "not applicable".
    pub value: Option<u8>,
    /// `self`, `document`, `scan` or `facilitator` (checked by the `readiness` crate).
    pub evidence: String,
    pub comment: String,
    pub answered_by: String,
    pub answered_at: String,
}

/// A stored answer and the number of times it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRecord {
    pub answer: NewAnswer,
    pub revision: i64,
}

/// What became of an answer write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerOutcome {
    Saved {
        revision: i64,
    },
    /// The answer changed since the writer read it (`None`: the writer named a revision of an
    /// answer that does not exist): nothing written.
    Conflict {
        current: Option<AnswerRecord>,
    },
    /// The assessment is finalised: nothing written.
    Frozen,
}

/// What became of a finalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinaliseOutcome {
    Finalised,
    AlreadyFinalised,
}

/// What became of a profile change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileOutcome {
    Saved,
    /// The assessment is finalised: its profile stays as it was scored.
    Frozen,
}

/// A domain an organisation is proving (or has proven) it controls by a DNS TXT token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DomainRecord {
    pub org_id: i64,
    pub domain: String,
    pub token: String,
    pub requested_at: String,
    /// The last check and its outcome code (`proven`, `wrong-token`, `no-record`, ...).
    pub checked_at: Option<String>,
    pub outcome: Option<String>,
    /// Set while the latest conclusive check found the token.
    pub proven_at: Option<String>,
}

/// A finalised assessment offered to benchmarking, with its organisation's country (the peer
/// groups come from it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolEntry {
    pub org_id: i64,
    pub country: Option<String>,
    pub finalised_at: String,
    /// The stored scored result (JSON).
    pub result: String,
}

/// A published benchmark snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotRecord {
    pub as_of: String,
    pub body: String,
    pub created_at: String,
}

/// A finalised assessment shared with a regulator organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareRecord {
    pub assessment_id: i64,
    /// The organisation whose assessment it is.
    pub org_id: i64,
    pub regulator_org: i64,
    pub shared_at: String,
}

/// What [`ReadinessStore::share`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareOutcome {
    Shared,
    /// Already shared with that organisation: the first share's time stands.
    AlreadyShared,
    /// A draft is never shared.
    NotFinalised,
}

/// A document attached to an answer as evidence, as uploaded, with the digest computed at upload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub assessment_id: i64,
    pub question: String,
    /// The checked file name (a plain name, no path).
    pub filename: String,
    /// The media type the uploader declared, for the record only.
    pub media_type: String,
    pub sha256: String,
    pub content: Vec<u8>,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

/// What is listed of a stored document (its bytes are read one file at a time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRecord {
    pub id: i64,
    pub assessment_id: i64,
    pub question: String,
    pub filename: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

/// What [`ReadinessStore::attach_document`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttachOutcome {
    Attached(DocumentRecord),
    /// The assessment is finalised: nothing written.
    Frozen,
}

/// Readiness assessments of organisations.
pub trait ReadinessStore: Send + Sync {
    /// Starts a draft; an unknown organisation is [`crate::StoreError::NotFound`].
    fn create_assessment(&self, org_id: i64, bank_version: &str, profile: &str, at: &str) -> Result<AssessmentRecord>;
    fn assessment(&self, id: i64) -> Result<Option<AssessmentRecord>>;
    /// The organisation's assessments, newest first.
    fn assessments(&self, org_id: i64) -> Result<Vec<AssessmentRecord>>;
    /// Writes an answer if its stored revision is still `read_revision` (0: not yet answered).
    /// An unknown assessment is [`crate::StoreError::NotFound`].
    fn put_answer(&self, answer: &NewAnswer, read_revision: i64) -> Result<AnswerOutcome>;
    /// The answers of an assessment, by question id.
    fn answers(&self, assessment_id: i64) -> Result<Vec<AnswerRecord>>;
    /// Replaces a draft's profile (the CH-01 flags and the domains its scan evidence comes
    /// from, as JSON). An unknown assessment is [`crate::StoreError::NotFound`].
    fn set_profile(&self, id: i64, profile: &str) -> Result<ProfileOutcome>;
    /// Freezes a draft with its scored result and the organisation's benchmarking choice.
    fn finalise(&self, id: i64, result: &str, at: &str, benchmark_opt_in: bool) -> Result<FinaliseOutcome>;
    /// The organisation's challenge for `domain`: the stored one if it exists (its token is
    /// kept, so a published record stays valid), else a new one with `token`. An unknown
    /// organisation is [`crate::StoreError::NotFound`].
    fn domain_challenge(&self, org_id: i64, domain: &str, token: &str, at: &str) -> Result<DomainRecord>;
    /// The organisation's domains, by name.
    fn domains(&self, org_id: i64) -> Result<Vec<DomainRecord>>;
    /// Records a check of a challenge: `proven` Some(true) sets `proven_at`, Some(false) clears
    /// it, `None` (the lookup failed) leaves it. An unknown challenge is NotFound.
    fn record_domain_check(&self, org_id: i64, domain: &str, at: &str, outcome: &str, proven: Option<bool>) -> Result<DomainRecord>;
    /// Every finalised assessment whose organisation opted in to benchmarking, oldest first.
    fn benchmark_pool(&self) -> Result<Vec<PoolEntry>>;
    /// Publishes the snapshot as of `as_of` unless one is already published for that time:
    /// `false` (and nothing written) when it exists, so a published snapshot never changes.
    fn put_snapshot(&self, as_of: &str, body: &str, at: &str) -> Result<bool>;
    /// The latest published snapshot.
    fn latest_snapshot(&self) -> Result<Option<SnapshotRecord>>;
    /// The snapshot published as of `as_of`, if any.
    fn snapshot(&self, as_of: &str) -> Result<Option<SnapshotRecord>>;
    /// Shares a finalised assessment with a regulator organisation. An unknown assessment or
    /// organisation is [`crate::StoreError::NotFound`].
    fn share(&self, assessment_id: i64, regulator_org: i64, at: &str) -> Result<ShareOutcome>;
    /// Withdraws a share: `false` when there was none.
    fn withdraw_share(&self, assessment_id: i64, regulator_org: i64) -> Result<bool>;
    /// Who an assessment is shared with, by regulator organisation id.
    fn shares(&self, assessment_id: i64) -> Result<Vec<ShareRecord>>;
    /// The assessments shared with a regulator organisation, newest share first.
    fn shared_with(&self, regulator_org: i64) -> Result<Vec<ShareRecord>>;
    /// Attaches a document to an answer of a draft, in one transaction: the answer's evidence
    /// becomes `document` if it was `self` (a new revision); stronger evidence (a facilitator's
    /// validation, a scan) is kept. An unknown assessment is [`crate::StoreError::NotFound`].
    fn attach_document(&self, document: &NewDocument) -> Result<AttachOutcome>;
    /// The assessment's documents, by question then upload order, without their bytes.
    fn documents(&self, assessment_id: i64) -> Result<Vec<DocumentRecord>>;
    /// One document of the assessment with its bytes.
    fn document_content(&self, assessment_id: i64, document_id: i64) -> Result<Option<(DocumentRecord, Vec<u8>)>>;
}

const DOCUMENT_COLUMNS: &str = "id, assessment_id, question, filename, media_type, size, sha256, uploaded_by, uploaded_at";

fn document_size(d: &NewDocument) -> Result<i64> {
    i64::try_from(d.content.len()).map_err(|_| crate::StoreError::Corrupt("document size".into()))
}

const DOMAIN_COLUMNS: &str = "org_id, domain, token, requested_at, checked_at, outcome, proven_at";

fn domain_not_found(domain: &str) -> crate::StoreError {
    crate::StoreError::NotFound { what: "domain challenge", name: domain.to_owned() }
}

fn not_found(id: i64) -> crate::StoreError {
    crate::StoreError::NotFound { what: "assessment", name: id.to_string() }
}

/// A stored answer value outside 0-4 is corrupt data, not a panic.
fn value_from(stored: Option<i64>) -> Result<Option<u8>> {
    stored
        .map(|v| u8::try_from(v).ok().filter(|v| *v <= 4).ok_or_else(|| crate::StoreError::Corrupt(format!("readiness answer value {v}"))))
        .transpose()
}

/// What the write decides given the assessment's state and the stored answer, if any:
/// `Saved` carries the revision to write; any other outcome writes nothing.
fn decide(finalised: bool, current: Option<AnswerRecord>, read_revision: i64) -> AnswerOutcome {
    if finalised {
        return AnswerOutcome::Frozen;
    }
    let stored = current.as_ref().map_or(0, |c| c.revision);
    if stored != read_revision {
        return AnswerOutcome::Conflict { current };
    }
    AnswerOutcome::Saved { revision: stored + 1 }
}
