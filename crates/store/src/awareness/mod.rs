//! Simulation campaigns: an organisation's campaigns, their pseudonymous targets (the address
//! kept only for sending), its opt-out list, and the events the landing routes record.
//!
//! Privacy by construction: an event holds its time, kind, method, user agent, the source
//! network prefix (never the address), the beacon's interaction flag and, for a sent form, only
//! the number of fields. There is no column a request body could go to.

mod postgres;
mod sqlite;

#[cfg(test)]
mod contract;

use crate::{Result, StoreError};

/// A campaign as created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCampaign {
    pub org_id: i64,
    pub name: String,
    /// `email` or `sms`.
    pub channel: String,
    pub template: String,
    pub template_version: i64,
    /// `en` or `fr`.
    pub language: String,
    pub legal_basis: Option<String>,
    pub staff_notice: Option<String>,
    pub works_council: Option<String>,
    /// `draft` or `running` (checked by the `awareness` crate).
    pub state: String,
    pub dry_run: bool,
    pub created_at: String,
    pub created_by: String,
    pub started_at: Option<String>,
}

/// A stored campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignRecord {
    pub id: i64,
    pub campaign: NewCampaign,
    pub schedule: Schedule,
}

/// A campaign's schedule and sending identity, set when a draft is started (all `None` for a
/// draft and for campaigns started at creation). Times are RFC 3339; the window is
/// `HH:MM-HH:MM` in UTC (checked by `awareness::schedule`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schedule {
    pub starts_at: Option<String>,
    pub ends_at: Option<String>,
    pub send_window: Option<String>,
    pub rate_per_minute: Option<i64>,
    /// The sender address of an e-mail campaign's messages.
    pub sender: Option<String>,
    /// The post's own name and domain, for the template's placeholders.
    pub brand: Option<String>,
    pub domain: Option<String>,
    pub finished_at: Option<String>,
}

/// What starting a draft records: the governance given now (a `None` keeps what is on record),
/// when it started and its schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartCampaign {
    pub legal_basis: Option<String>,
    pub staff_notice: Option<String>,
    pub works_council: Option<String>,
    pub started_at: String,
    pub schedule: Schedule,
}

/// A target as created: `token` is the unguessable tracking token of their links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTarget {
    pub pseudonym: String,
    pub group: Option<String>,
    pub address: String,
    pub name: Option<String>,
    pub token: String,
}

/// A stored target; `address` and `name` are `None` once erased.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRecord {
    pub id: i64,
    pub campaign_id: i64,
    pub pseudonym: String,
    pub group: Option<String>,
    pub address: Option<String>,
    pub name: Option<String>,
    pub token: String,
    pub sent_at: Option<String>,
}

/// What a landing route saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Link,
    Beacon,
    Honeypot,
    Submit,
    Report,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Link => "link",
            EventKind::Beacon => "beacon",
            EventKind::Honeypot => "honeypot",
            EventKind::Submit => "submit",
            EventKind::Report => "report",
        }
    }

    fn parse(s: &str) -> Result<EventKind> {
        match s {
            "link" => Ok(EventKind::Link),
            "beacon" => Ok(EventKind::Beacon),
            "honeypot" => Ok(EventKind::Honeypot),
            "submit" => Ok(EventKind::Submit),
            "report" => Ok(EventKind::Report),
            other => Err(StoreError::Corrupt(format!("awareness event kind '{other}'"))),
        }
    }
}

/// An event as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEvent {
    pub at: String,
    pub kind: EventKind,
    pub method: String,
    pub user_agent: String,
    /// The source network prefix, e.g. `192.0.2.0/24`.
    pub network: String,
    /// Beacons only: a pointer or key event came first.
    pub interaction: Option<bool>,
    /// Link hits only: the page view's nonce, which its beacon must quote once.
    pub view: Option<String>,
    /// Submissions only: how many fields the form had filled, never what was in them.
    pub fields: Option<i64>,
}

/// A stored event of a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRecord {
    pub id: i64,
    pub target_id: i64,
    pub event: NewEvent,
}

/// What became of a beacon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BeaconOutcome {
    Recorded,
    /// No page view of this target has that nonce (forged or for another target).
    UnknownView,
    /// The page view already has its beacon (a replay).
    Replayed,
}

/// A member's result of a lesson's quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    pub user_id: i64,
    pub lesson_id: String,
    pub version: i64,
    pub language: String,
    pub correct: i64,
    pub questions: i64,
    pub passed: bool,
    pub at: String,
    /// The Leitner box after this result, 1..=3.
    pub leitner_box: i64,
    /// When the lesson is due again (RFC 3339): a booster after a pass, a retake after a
    /// failure; `None` for results recorded before boosters were kept.
    pub due: Option<String>,
}

/// A member as a learner: the pseudonym the LRS knows them by and their group, if the learner
/// list gave one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Learner {
    pub user_id: i64,
    pub pseudonym: String,
    pub group: Option<String>,
}

/// A line of a learner list: a member of the organisation by user name, and their group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnerGroup {
    pub username: String,
    pub group: Option<String>,
    /// Used only when the member has no learner record yet.
    pub pseudonym: String,
}

/// An xAPI statement waiting for the LRS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedStatement {
    /// The statement's id (a UUID).
    pub id: String,
    /// The statement as JSON.
    pub body: String,
    /// Tries so far.
    pub attempts: i64,
}

/// What a retention purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    /// Landing and report events older than the cut-off, deleted.
    pub events: u64,
    /// Targets of campaigns created before the cut-off whose address and name were erased.
    pub targets: u64,
    /// xAPI statements the LRS took before the cut-off, deleted (unsent ones stay).
    pub statements: u64,
}

/// An organisation's awareness policy (defaults when it never set one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// Its simulation results feed the ISAC's cross-post benchmarks.
    pub isac_opt_in: bool,
    /// The TLP (lower-case name) its staff's reports of real messages are shared under.
    pub report_tlp: Option<String>,
    pub changed_at: Option<String>,
    pub changed_by: Option<String>,
}

/// Simulation campaigns of organisations.
pub trait AwarenessStore: Send + Sync {
    /// Creates a campaign and its targets at once; an unknown organisation is
    /// [`StoreError::NotFound`], a token already in use [`StoreError::Duplicate`].
    fn create_campaign(&self, campaign: &NewCampaign, targets: &[NewTarget]) -> Result<CampaignRecord>;
    fn campaign(&self, id: i64) -> Result<Option<CampaignRecord>>;
    /// The organisation's campaigns, newest first.
    fn campaigns(&self, org_id: i64) -> Result<Vec<CampaignRecord>>;
    /// Every organisation's running campaigns, oldest first (what `serve`'s sender looks at).
    fn running_campaigns(&self) -> Result<Vec<CampaignRecord>>;
    /// Starts a draft: it becomes a running campaign (no longer a dry run) with the governance
    /// and schedule given. False when the campaign is not a draft (nothing changed).
    fn start_campaign(&self, id: i64, start: &StartCampaign) -> Result<bool>;
    /// Finishes a draft or running campaign at `at`. False when it was finished already.
    fn finish_campaign(&self, id: i64, at: &str) -> Result<bool>;
    fn targets(&self, campaign_id: i64) -> Result<Vec<TargetRecord>>;
    /// The target a tracking token belongs to.
    fn target_by_token(&self, token: &str) -> Result<Option<TargetRecord>>;
    /// Records that a target's message went out (once: a second call keeps the first time and
    /// returns false).
    fn mark_sent(&self, target_id: i64, at: &str) -> Result<bool>;
    /// Records an event of a target; beacons go through [`AwarenessStore::record_beacon`].
    fn record_event(&self, target_id: i64, event: &NewEvent) -> Result<i64>;
    /// Records a beacon if it quotes a page view of this target that has none yet.
    fn record_beacon(&self, target_id: i64, view: &str, event: &NewEvent) -> Result<BeaconOutcome>;
    /// Every event of a campaign's targets, in order.
    fn events(&self, campaign_id: i64) -> Result<Vec<EventRecord>>;
    /// Adds an address to the organisation's opt-out list (idempotent).
    fn add_optout(&self, org_id: i64, address: &str, at: &str) -> Result<()>;
    fn optouts(&self, org_id: i64) -> Result<Vec<String>>;
    /// Records a member's latest result of a lesson (replacing an earlier one); an unknown
    /// user is [`StoreError::NotFound`].
    fn record_progress(&self, progress: &Progress) -> Result<()>;
    /// A member's results, by lesson id.
    fn progress(&self, user_id: i64) -> Result<Vec<Progress>>;
    /// The member's learner record, created with `pseudonym` when there is none (the pseudonym
    /// of an existing record never changes); an unknown user is [`StoreError::NotFound`].
    fn learner(&self, user_id: i64, pseudonym: &str) -> Result<Learner>;
    /// Sets the groups of members of `org_id`, all or nothing: a user name that is not a member
    /// of the organisation is [`StoreError::NotFound`] and changes nothing.
    fn set_learner_groups(&self, org_id: i64, groups: &[LearnerGroup]) -> Result<usize>;
    /// Every enabled member of the organisation with their group (`None` without one), by id.
    fn org_learners(&self, org_id: i64) -> Result<Vec<(i64, Option<String>)>>;
    /// The lesson results of every member of the organisation.
    fn org_progress(&self, org_id: i64) -> Result<Vec<Progress>>;
    /// Queues xAPI statements (id, JSON) at `at`, due at once; an id already queued is kept as
    /// it was.
    fn enqueue_statements(&self, statements: &[(String, String)], at: &str) -> Result<()>;
    /// Up to `limit` unsent statements due at `now`, oldest first.
    fn due_statements(&self, now: &str, limit: usize) -> Result<Vec<QueuedStatement>>;
    /// The LRS took the statement.
    fn statement_sent(&self, id: &str, at: &str) -> Result<()>;
    /// The LRS did not take it: one more attempt, the reason, and when to try again.
    fn statement_failed(&self, id: &str, error: &str, next_at: &str) -> Result<()>;
    /// How many statements are not sent yet.
    fn pending_statements(&self) -> Result<u64>;
    /// Person-level data older than `before` (RFC 3339, the store's own format) expires: events
    /// and sent xAPI statements are deleted and the addresses and names of targets of older
    /// campaigns are erased.
    /// Campaigns, pseudonyms and groups stay, so the campaign list still reads.
    fn purge_before(&self, before: &str) -> Result<Purged>;
    /// The organisation's awareness policy.
    fn policy(&self, org_id: i64) -> Result<Policy>;
    /// Sets the organisation's policy (opt-in and report TLP together); an unknown organisation
    /// is [`StoreError::NotFound`].
    fn set_policy(&self, org_id: i64, policy: &Policy) -> Result<()>;
    /// The organisations that opted in to the ISAC's benchmarks, by id.
    fn isac_orgs(&self) -> Result<Vec<i64>>;
}

fn not_found(what: &'static str, id: impl ToString) -> StoreError {
    StoreError::NotFound { what, name: id.to_string() }
}

/// The column lists both engines read, in the order the row decoders expect.
const CAMPAIGN_COLUMNS: &str = "id, org_id, name, channel, template, template_version, language, legal_basis, staff_notice, \
                                works_council, state, dry_run, created_at, created_by, started_at, starts_at, ends_at, \
                                send_window, rate_per_minute, sender, brand, domain, finished_at";
const TARGET_COLUMNS: &str = "id, campaign_id, pseudonym, grp, address, name, token, sent_at";
const PROGRESS_COLUMNS: &str = "user_id, lesson_id, version, language, correct, questions, passed, at, leitner_box, due";
const EVENT_COLUMNS: &str = "e.id, e.target_id, e.at, e.kind, e.method, e.user_agent, e.network, e.interaction, e.view, e.fields";
