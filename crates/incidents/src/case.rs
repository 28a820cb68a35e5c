//! Incident cases: the rules a case, its notes, tasks, evidence and links obey before anything
//! is stored, and the clock of a case. Every refusal is a [`CaseError`] naming the field.
//!
//! The vocabularies (classification, impact services, severities) are data files under
//! `data/case/`, embedded and parsed once. Times are RFC 3339 with an offset on input and are
//! kept in UTC; the four incident times are kept apart because the clocks run from `aware`
//! only, and they must come in order: detected <= aware <= contained <= resolved, none after
//! `now`.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use sha2::{Digest, Sha256};

use crate::clock::{Clock, ClockError, Facts, Requested, deadlines, parse_instant, parse_zone};

/// Largest evidence file accepted, in bytes (10 MiB): enough for logs, mails and screenshots,
/// small enough to keep in the database.
pub const MAX_EVIDENCE_BYTES: usize = 10 * 1024 * 1024;
/// Longest title, in characters.
pub const MAX_TITLE: usize = 200;
/// Longest summary, note or free text, in characters.
pub const MAX_TEXT: usize = 20_000;
/// Longest short text (task owner, file name), in characters.
pub const MAX_SHORT: usize = 200;

const TAXONOMY: &str = include_str!("../data/case/taxonomy.txt");
const SERVICES: &str = include_str!("../data/case/services.txt");
const SEVERITIES: &str = include_str!("../data/case/severities.txt");

/// Input refused, naming the field at fault and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct CaseError {
    pub field: String,
    pub reason: String,
}

fn err(field: &str, reason: impl Into<String>) -> CaseError {
    CaseError { field: field.to_string(), reason: reason.into() }
}

/// The entries of a list file: one per line, `#` comments and blank lines skipped.
fn entries(text: &str) -> Vec<&str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// The RSIT machine values (`class:type`), in the published order.
pub fn taxonomy() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(TAXONOMY))
}

/// The postal services an incident can affect.
pub fn services() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(SERVICES))
}

/// The severities, lowest first.
pub fn severities() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(SEVERITIES))
}

/// A yes/no question where the law allows "unknown" as an answer.
pub const TRISTATE: [&str; 3] = ["unknown", "yes", "no"];

/// A case as a face receives it: text, not yet checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseInput {
    pub title: String,
    pub summary: String,
    /// An RSIT machine value, e.g. `fraud:phishing`.
    pub classification: String,
    pub severity: String,
    pub services: Vec<String>,
    pub users_affected: Option<i64>,
    /// `unknown`, `yes` or `no`.
    pub cross_border: String,
    pub suspected_malicious: String,
    pub detected: Option<String>,
    pub aware: Option<String>,
    pub contained: Option<String>,
    pub resolved: Option<String>,
    /// Rule set id (`eu`, `al`).
    pub jurisdiction: String,
    /// IANA time zone of the reporting organisation.
    pub zone: String,
}

/// A checked case: the same fields, times normalised to RFC 3339 UTC (milliseconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFields {
    pub title: String,
    pub summary: String,
    pub classification: String,
    pub severity: String,
    pub services: Vec<String>,
    pub users_affected: Option<i64>,
    pub cross_border: String,
    pub suspected_malicious: String,
    pub detected: Option<String>,
    pub aware: Option<String>,
    pub contained: Option<String>,
    pub resolved: Option<String>,
    pub jurisdiction: String,
    pub zone: String,
}

/// RFC 3339 in UTC with millisecond precision, the form stored and answered.
pub fn utc_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Text that a person wrote: trimmed, within `max` characters, no control characters except
/// line breaks and tabs (when `multiline`). HTML is allowed as text: every face escapes it.
pub fn check_text(field: &str, text: &str, max: usize, required: bool, multiline: bool) -> Result<String, CaseError> {
    let t = text.trim();
    if required && t.is_empty() {
        return Err(err(field, "must not be empty"));
    }
    if t.chars().count() > max {
        return Err(err(field, format!("longer than {max} characters")));
    }
    let allowed = |c: char| !c.is_control() || (multiline && matches!(c, '\n' | '\r' | '\t'));
    if !t.chars().all(allowed) {
        return Err(err(field, "contains control characters"));
    }
    Ok(t.to_string())
}

fn one_of(field: &str, value: &str, list: &[&str], what: &str) -> Result<String, CaseError> {
    let v = value.trim();
    if list.contains(&v) {
        return Ok(v.to_string());
    }
    let shown: String = v.chars().take(60).collect();
    Err(err(field, format!("`{shown}` is not {what} (one of: {})", list.join(", "))))
}

/// Parses the optional time of `field`; empty text is no time.
fn time(field: &str, text: Option<&str>, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>, CaseError> {
    let Some(text) = text.map(str::trim).filter(|t| !t.is_empty()) else { return Ok(None) };
    let t = parse_instant(field, text).map_err(|e| err(&e.field, e.reason))?.to_utc();
    if t > now {
        return Err(err(field, format!("{} is in the future", utc_text(t))));
    }
    Ok(Some(t))
}

/// Checks a case against the rules; `now` bounds the times.
pub fn check_case(input: &CaseInput, now: DateTime<Utc>) -> Result<CaseFields, CaseError> {
    let title = check_text("title", &input.title, MAX_TITLE, true, false)?;
    let summary = check_text("summary", &input.summary, MAX_TEXT, false, true)?;
    let classification = one_of("classification", &input.classification, taxonomy(), "an RSIT classification")?;
    let severity = one_of("severity", &input.severity, severities(), "a severity")?;
    let mut services = Vec::new();
    for s in &input.services {
        let s = one_of("services", s, self::services(), "a postal service")?;
        if !services.contains(&s) {
            services.push(s);
        }
    }
    if input.users_affected.is_some_and(|n| n < 0) {
        return Err(err("users_affected", "must not be negative"));
    }
    let cross_border = one_of("cross_border", &input.cross_border, &TRISTATE, "an answer")?;
    let suspected_malicious = one_of("suspected_malicious", &input.suspected_malicious, &TRISTATE, "an answer")?;
    let jurisdiction = input.jurisdiction.trim().to_string();
    crate::rules::jurisdiction(&jurisdiction).map_err(|e| err("jurisdiction", e.to_string()))?;
    let zone = parse_zone(input.zone.trim()).map_err(|e| err("zone", e.reason))?.name().to_string();
    let times = [
        ("detected", time("detected", input.detected.as_deref(), now)?),
        ("aware", time("aware", input.aware.as_deref(), now)?),
        ("contained", time("contained", input.contained.as_deref(), now)?),
        ("resolved", time("resolved", input.resolved.as_deref(), now)?),
    ];
    check_order(&times)?;
    let [detected, aware, contained, resolved] = times.map(|(_, t)| t.map(utc_text));
    Ok(CaseFields {
        title,
        summary,
        classification,
        severity,
        services,
        users_affected: input.users_affected,
        cross_border,
        suspected_malicious,
        detected,
        aware,
        contained,
        resolved,
        jurisdiction,
        zone,
    })
}

/// Each known time must not come before any earlier-named known time: a case resolved before it
/// was detected is a typing error, not a fact.
fn check_order(times: &[(&str, Option<DateTime<Utc>>)]) -> Result<(), CaseError> {
    for (i, (field, t)) in times.iter().enumerate() {
        let Some(t) = t else { continue };
        if let Some((before, bt)) = times[..i].iter().filter_map(|(f, b)| b.map(|b| (f, b))).find(|(_, b)| b > t) {
            return Err(err(field, format!("{} is before {before} ({})", utc_text(*t), utc_text(bt))));
        }
        if *field == "resolved" && times.iter().any(|(f, b)| *f == "aware" && b.is_none()) {
            return Err(err(field, "a resolved incident needs the time the organisation became aware of it"));
        }
    }
    Ok(())
}

/// A stored request of an on-request stage (the intermediate report): when the CSIRT or
/// authority asked, and the due date it named, RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageRequest {
    pub at: String,
    pub due: Option<String>,
}

/// The requests of a case's on-request stages, by stage id.
pub type Requests = BTreeMap<String, StageRequest>;

/// The reporting clock of a stored case: `None` until `aware` is known. The one-month stage is
/// a progress report while the case is not resolved, the final report once it is; an
/// on-request stage is owed once `requested` holds it.
pub fn case_clock(
    fields: &CaseFields,
    submitted: &BTreeMap<String, String>,
    requested: &Requests,
    now: DateTime<Utc>,
) -> Result<Option<Clock>, ClockError> {
    let Some(aware) = fields.aware.as_deref() else { return Ok(None) };
    let rules =
        crate::rules::jurisdiction(&fields.jurisdiction).map_err(|e| ClockError { field: "jurisdiction".into(), reason: e.to_string() })?;
    let zone = parse_zone(&fields.zone)?;
    let mut stages = BTreeMap::new();
    for (stage, at) in submitted {
        stages.insert(stage.clone(), parse_instant(&format!("submitted.{stage}"), at)?);
    }
    let mut asked = BTreeMap::new();
    for (stage, r) in requested {
        let at = parse_instant(&format!("requested.{stage}"), &r.at)?;
        let due = r.due.as_deref().map(|d| parse_instant(&format!("requested.{stage}.due"), d)).transpose()?;
        asked.insert(stage.clone(), Requested { at, due });
    }
    let facts = Facts {
        detected: fields.detected.as_deref().map(|d| parse_instant("detected", d)).transpose()?,
        aware: parse_instant("aware", aware)?,
        submitted: stages,
        requested: asked,
        ongoing: fields.resolved.is_none(),
    };
    deadlines(&rules, &facts, zone, now).map(Some)
}

/// Checks that `stage` may be marked submitted at `at` (RFC 3339 with an offset) given the case
/// and the stages already submitted (stage id -> RFC 3339 time), and returns `at` in UTC. The
/// stage must belong to the case's rule set, be owed in the case's state (a final report once
/// resolved, a progress report while ongoing, an on-request stage once requested), come after
/// the submission it is anchored on, and be submitted once; the engine then checks the times
/// themselves (not before `aware`, not before its anchor or request, not after `now`).
pub fn check_submission(
    fields: &CaseFields,
    submitted: &BTreeMap<String, String>,
    requested: &Requests,
    stage: &str,
    at: &str,
    now: DateTime<Utc>,
) -> Result<String, CaseError> {
    if fields.aware.is_none() {
        return Err(err("aware", "a stage can be submitted once the time the organisation became aware is known"));
    }
    let rules = crate::rules::jurisdiction(&fields.jurisdiction).map_err(|e| err("jurisdiction", e.to_string()))?;
    let shown: String = stage.chars().take(60).collect();
    let Some(rule) = rules.stages.iter().find(|s| s.id == stage) else {
        let known: Vec<&str> = rules.stages.iter().map(|s| s.id.as_str()).collect();
        return Err(err("stage", format!("`{shown}` is not a stage of `{}` (stages: {})", rules.id, known.join(", "))));
    };
    if let Some(when) = submitted.get(stage) {
        return Err(err("stage", format!("`{shown}` was already submitted at {when}")));
    }
    let resolved = fields.resolved.is_some();
    match rule.applies {
        crate::rules::Applies::Ongoing if resolved => {
            return Err(err("stage", format!("`{shown}` is owed only while the incident is ongoing")));
        }
        crate::rules::Applies::Resolved if !resolved => {
            return Err(err("stage", format!("`{shown}` is owed once the incident is resolved; while it is ongoing a progress report is")));
        }
        _ => {}
    }
    if rule.on_request && !requested.contains_key(stage) {
        return Err(err("stage", format!("`{shown}` is owed only on request of the CSIRT or authority, and none is recorded")));
    }
    if let crate::rules::Anchor::Submitted(before) = &rule.anchor
        && !submitted.contains_key(before)
    {
        return Err(err("stage", format!("`{shown}` follows `{before}`, which is not submitted yet")));
    }
    let t = parse_instant("submitted_at", at).map_err(|e| err(&e.field, e.reason))?.to_utc();
    let mut all = submitted.clone();
    all.insert(stage.to_string(), utc_text(t));
    case_clock(fields, &all, requested, now).map_err(|e| err("submitted_at", e.reason))?;
    Ok(utc_text(t))
}

/// Checks a CSIRT's or authority's request for the on-request `stage` of a case at `now`, with
/// an optional due date (RFC 3339 with an offset, after `now`), and returns it as stored: one
/// request per stage, the first standing; a stage already submitted is not requested again.
pub fn check_request(
    fields: &CaseFields,
    submitted: &BTreeMap<String, String>,
    requested: &Requests,
    stage: &str,
    due: Option<&str>,
    now: DateTime<Utc>,
) -> Result<StageRequest, CaseError> {
    if fields.aware.is_none() {
        return Err(err("stage", "the case's clock has not started: the post has not said when it became aware"));
    }
    let rules = crate::rules::jurisdiction(&fields.jurisdiction).map_err(|e| err("jurisdiction", e.to_string()))?;
    let shown: String = stage.chars().take(60).collect();
    if !rules.stages.iter().any(|s| s.id == stage && s.on_request) {
        let asked: Vec<&str> = rules.stages.iter().filter(|s| s.on_request).map(|s| s.id.as_str()).collect();
        return Err(err("stage", format!("`{shown}` is not an on-request stage of `{}` (on request: {})", rules.id, asked.join(", "))));
    }
    if let Some(r) = requested.get(stage) {
        return Err(err("stage", format!("`{shown}` was already requested at {}", r.at)));
    }
    if let Some(when) = submitted.get(stage) {
        return Err(err("stage", format!("`{shown}` was already submitted at {when}")));
    }
    let due = match due.map(str::trim).filter(|d| !d.is_empty()) {
        None => None,
        Some(d) => {
            let t = parse_instant("due", d).map_err(|e| err("due", e.reason))?.to_utc();
            if t <= now {
                return Err(err("due", format!("{} is not in the future", utc_text(t))));
            }
            if t > now + chrono::TimeDelta::days(366) {
                return Err(err("due", format!("{} is more than a year away", utc_text(t))));
            }
            Some(utc_text(t))
        }
    };
    let req = StageRequest { at: utc_text(now), due };
    let mut all = requested.clone();
    all.insert(stage.to_string(), req.clone());
    case_clock(fields, submitted, &all, now).map_err(|e| err("stage", e.reason))?;
    Ok(req)
}

/// Where a stage stands: what the case view marks and the API answers (`code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StageState {
    /// Not owed in the case's current state (a final report while ongoing).
    NotOwed,
    /// Owed only on request, and not requested (the intermediate report).
    OnRequest,
    /// Requested without a due date.
    Requested,
    /// Owed, but its anchor is not known yet (the submission it follows).
    Unknown,
    Pending,
    Overdue,
    Submitted,
    /// Submitted after its deadline.
    SubmittedLate,
}

impl StageState {
    pub fn code(self) -> &'static str {
        match self {
            StageState::NotOwed => "not-owed",
            StageState::OnRequest => "on-request",
            StageState::Requested => "requested",
            StageState::Unknown => "unknown",
            StageState::Pending => "pending",
            StageState::Overdue => "overdue",
            StageState::Submitted => "submitted",
            StageState::SubmittedLate => "submitted-late",
        }
    }
}

/// The state of one stage of a clock, given when (if ever) it was submitted.
pub fn stage_state(deadline: &crate::clock::Deadline, submitted: Option<DateTime<Utc>>, now: DateTime<Utc>) -> StageState {
    match (submitted, deadline.due) {
        (Some(at), Some(due)) if at > due => StageState::SubmittedLate,
        (Some(_), _) => StageState::Submitted,
        _ if deadline.on_request && deadline.requested.is_none() => StageState::OnRequest,
        _ if !deadline.applies => StageState::NotOwed,
        (None, None) if deadline.on_request => StageState::Requested,
        (None, None) => StageState::Unknown,
        (None, Some(due)) if due < now => StageState::Overdue,
        (None, Some(_)) => StageState::Pending,
    }
}

/// A task as a face receives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskInput {
    pub title: String,
    pub owner: String,
    /// A calendar date `YYYY-MM-DD`, or empty.
    pub due: String,
}

/// A checked task: title, owner and due date (`YYYY-MM-DD`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFields {
    pub title: String,
    pub owner: String,
    pub due: Option<String>,
}

pub fn check_task(input: &TaskInput) -> Result<TaskFields, CaseError> {
    let title = check_text("title", &input.title, MAX_TITLE, true, false)?;
    let owner = check_text("owner", &input.owner, MAX_SHORT, false, false)?;
    let due = match input.due.trim() {
        "" => None,
        d => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map_err(|_| err("due", format!("`{}` is not a date YYYY-MM-DD", d.chars().take(40).collect::<String>())))?
                .to_string(),
        ),
    };
    Ok(TaskFields { title, owner, due })
}

/// A checked note body.
pub fn check_note(body: &str) -> Result<String, CaseError> {
    check_text("body", body, MAX_TEXT, true, true)
}

/// What is recorded of an uploaded evidence file, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceFacts {
    pub filename: String,
    pub size: usize,
    /// Lower-case hexadecimal SHA-256 of the bytes, computed at upload for the chain of custody.
    pub sha256: String,
}

/// Checks an upload (not empty, within [`MAX_EVIDENCE_BYTES`], a plain file name) and digests it.
pub fn check_evidence(filename: &str, bytes: &[u8]) -> Result<EvidenceFacts, CaseError> {
    let name = check_text("filename", filename, MAX_SHORT, true, false)?;
    if name.contains(['/', '\\']) || name == "." || name == ".." {
        return Err(err("filename", "must be a file name, not a path"));
    }
    if bytes.is_empty() {
        return Err(err("file", "is empty"));
    }
    if bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(err("file", format!("{} bytes is more than the limit of {MAX_EVIDENCE_BYTES} bytes", bytes.len())));
    }
    let sha256 = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    Ok(EvidenceFacts { filename: name, size: bytes.len(), sha256 })
}

/// The hub objects a case may involve: indicators and sightings, by STIX id.
pub const LINKABLE_TYPES: [&str; 2] = ["indicator", "sighting"];

/// A STIX id of a linkable type (`indicator--<UUID>`), lower-cased.
pub fn check_stix_id(id: &str) -> Result<String, CaseError> {
    let id = id.trim().to_ascii_lowercase();
    let shown: String = id.chars().take(80).collect();
    let Some((kind, uuid)) = id.split_once("--") else {
        return Err(err("stix_id", format!("`{shown}` is not a STIX id (type--UUID)")));
    };
    if !LINKABLE_TYPES.contains(&kind) {
        return Err(err("stix_id", format!("`{shown}`: a case links indicators and sightings only")));
    }
    let groups: Vec<&str> = uuid.split('-').collect();
    let shape = groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]);
    if !shape || !uuid.chars().all(|c| c == '-' || c.is_ascii_hexdigit()) {
        return Err(err("stix_id", format!("`{shown}` does not end in a UUID")));
    }
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-12-07T12:00:00Z".parse().expect("now")
    }

    fn input() -> CaseInput {
        CaseInput {
            title: "Smishing wave <b>in our name</b>".into(),
            summary: "SMS asking for a customs fee".into(),
            classification: "fraud:phishing".into(),
            severity: "high".into(),
            services: vec!["parcels-tracking".into(), "e-commerce".into(), "parcels-tracking".into()],
            users_affected: Some(1200),
            cross_border: "unknown".into(),
            suspected_malicious: "yes".into(),
            detected: Some("2026-12-07T08:00:00+01:00".into()),
            aware: Some("2026-12-07T09:30:00+01:00".into()),
            contained: None,
            resolved: None,
            jurisdiction: "eu".into(),
            zone: "Europe/Paris".into(),
        }
    }

    fn list_is_clean(name: &str, list: &[&str]) {
        assert!(!list.is_empty(), "{name} is empty");
        let mut seen = std::collections::BTreeSet::new();
        for v in list {
            assert!(seen.insert(*v), "{name}: `{v}` twice");
            assert!(
                v.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == ':'),
                "{name}: `{v}` is not a machine value"
            );
        }
    }

    #[test]
    fn the_vocabulary_files_are_clean() {
        list_is_clean("taxonomy", taxonomy());
        list_is_clean("services", services());
        list_is_clean("severities", severities());
        for v in taxonomy() {
            let (class, kind) = v.split_once(':').unwrap_or_else(|| panic!("`{v}` is not class:type"));
            assert!(!class.is_empty() && !kind.is_empty() && !kind.contains(':'), "`{v}`");
        }
        // The 11 RSIT classes, each once and grouped together as published.
        let mut classes: Vec<&str> = taxonomy().iter().filter_map(|v| v.split_once(':')).map(|(c, _)| c).collect();
        classes.dedup();
        assert_eq!(classes.len(), 11, "{classes:?}");
        assert_eq!(taxonomy().len(), 39);
        assert!(taxonomy().contains(&"intrusion-attempts:ids-alert"));
        assert_eq!(services(), ["counters", "parcels-tracking", "postal-financial-services", "e-government-counters", "e-commerce"]);
        assert_eq!(severities()[0], "unknown");
    }

    #[test]
    fn a_good_case_is_normalised() {
        let f = check_case(&input(), now()).expect("valid");
        assert_eq!(f.title, "Smishing wave <b>in our name</b>", "HTML is text, escaped by the faces");
        assert_eq!(f.services, ["parcels-tracking", "e-commerce"], "duplicates dropped, order kept");
        assert_eq!(f.detected.as_deref(), Some("2026-12-07T07:00:00.000Z"));
        assert_eq!(f.aware.as_deref(), Some("2026-12-07T08:30:00.000Z"));
        assert_eq!(f.zone, "Europe/Paris");
    }

    #[test]
    fn each_bad_field_is_named() {
        type Edit = fn(&mut CaseInput);
        let cases: &[(&str, Edit)] = &[
            ("title", |c| c.title = "  ".into()),
            ("title", |c| c.title = "x".repeat(MAX_TITLE + 1)),
            ("title", |c| c.title = "a\u{7}b".into()),
            ("classification", |c| c.classification = "Phishing".into()),
            ("classification", |c| c.classification = "fraud".into()),
            ("severity", |c| c.severity = "apocalyptic".into()),
            ("services", |c| c.services = vec!["counters".into(), "trains".into()]),
            ("users_affected", |c| c.users_affected = Some(-1)),
            ("cross_border", |c| c.cross_border = "maybe".into()),
            ("suspected_malicious", |c| c.suspected_malicious = String::new()),
            ("jurisdiction", |c| c.jurisdiction = "mars".into()),
            ("zone", |c| c.zone = "Europe/Atlantis".into()),
            ("detected", |c| c.detected = Some("yesterday".into())),
            ("aware", |c| c.aware = Some("2026-12-07T09:30:00".into())),
            ("aware", |c| c.aware = Some("2026-12-08T09:30:00Z".into())),
            ("aware", |c| c.aware = Some("2026-12-07T06:00:00Z".into())),
            ("contained", |c| c.contained = Some("2026-12-07T08:00:00Z".into())),
            ("resolved", |c| c.resolved = Some("2026-12-07T07:30:00Z".into())),
            ("resolved", |c| {
                c.aware = None;
                c.resolved = Some("2026-12-07T11:00:00Z".into());
            }),
        ];
        for (field, edit) in cases {
            let mut c = input();
            edit(&mut c);
            let e = check_case(&c, now()).expect_err(field);
            assert_eq!(e.field, *field, "{e}");
        }
    }

    #[test]
    fn the_clock_runs_from_aware_and_switches_to_the_final_report_when_resolved() {
        let mut f = check_case(&input(), now()).expect("valid");
        let clock = case_clock(&f, &BTreeMap::new(), &Requests::new(), now()).expect("clock").expect("aware is known");
        assert_eq!(clock.due("early_warning").map(utc_text).as_deref(), Some("2026-12-08T08:30:00.000Z"));
        assert_eq!(clock.due("notification").map(utc_text).as_deref(), Some("2026-12-10T08:30:00.000Z"));
        assert_eq!(clock.due("progress_report"), None, "unknown until the notification is submitted");
        let sent = BTreeMap::from([("notification".to_string(), "2026-12-07T10:00:00Z".to_string())]);
        let clock = case_clock(&f, &sent, &Requests::new(), now()).expect("clock").expect("aware");
        assert_eq!(clock.due("progress_report").map(utc_text).as_deref(), Some("2027-01-07T10:00:00.000Z"));
        assert_eq!(clock.due("final_report"), None);
        f.resolved = Some("2026-12-07T11:00:00.000Z".into());
        let clock = case_clock(&f, &sent, &Requests::new(), now()).expect("clock").expect("aware");
        assert_eq!(clock.due("final_report").map(utc_text).as_deref(), Some("2027-01-07T10:00:00.000Z"));
        f.aware = None;
        assert_eq!(case_clock(&f, &sent, &Requests::new(), now()).expect("no clock"), None);
    }

    #[test]
    fn submissions_follow_the_rule_set_and_advance_the_clock() {
        let mut f = check_case(&input(), now()).expect("valid");
        let none = BTreeMap::new();
        let at = "2026-12-07T11:00:00+01:00";
        assert_eq!(check_submission(&f, &none, &Requests::new(), "early_warning", at, now()).expect("ok"), "2026-12-07T10:00:00.000Z");
        let refusals = [
            ("gossip", at, "stage"),
            ("progress_report", at, "stage"),
            ("final_report", at, "stage"),
            ("notification", "2026-12-07T09:00:00+01:00", "submitted_at"),
            ("notification", "2026-12-07T13:00:00Z", "submitted_at"),
            ("notification", "soon", "submitted_at"),
        ];
        for (stage, at, field) in refusals {
            assert_eq!(check_submission(&f, &none, &Requests::new(), stage, at, now()).expect_err(stage).field, field, "{stage} at {at}");
        }
        let sent = BTreeMap::from([("notification".to_string(), "2026-12-07T10:30:00.000Z".to_string())]);
        assert_eq!(check_submission(&f, &sent, &Requests::new(), "notification", at, now()).expect_err("twice").field, "stage");
        assert!(check_submission(&f, &sent, &Requests::new(), "progress_report", at, now()).is_err(), "before the notification it follows");
        assert!(check_submission(&f, &sent, &Requests::new(), "progress_report", "2026-12-07T11:45:00Z", now()).is_ok());
        f.resolved = Some("2026-12-07T11:00:00.000Z".into());
        assert!(check_submission(&f, &sent, &Requests::new(), "final_report", "2026-12-07T11:45:00Z", now()).is_ok());
        assert_eq!(
            check_submission(&f, &sent, &Requests::new(), "progress_report", "2026-12-07T11:45:00Z", now()).expect_err("resolved").field,
            "stage"
        );
        f.aware = None;
        assert_eq!(check_submission(&f, &none, &Requests::new(), "early_warning", at, now()).expect_err("no aware").field, "aware");
    }

    #[test]
    fn the_intermediate_report_is_owed_once_requested_and_due_when_the_request_says() {
        let f = check_case(&input(), now()).expect("valid");
        let none = BTreeMap::new();
        let stage = "intermediate_report";
        let deadline = |clock: &Clock| clock.deadlines.iter().find(|d| d.stage == stage).cloned().expect("stage");
        let clock = case_clock(&f, &none, &Requests::new(), now()).expect("clock").expect("aware");
        let d = deadline(&clock);
        assert_eq!((d.applies, d.due, d.on_request), (false, None, true));
        assert_eq!(stage_state(&d, None, now()), StageState::OnRequest);
        let e = check_submission(&f, &none, &Requests::new(), stage, "2026-12-07T11:00:00Z", now()).expect_err("not requested");
        assert!(e.field == "stage" && e.reason.contains("only on request"), "{e}");

        // The request names a due date: the stage is owed then, pending, overdue after it.
        let req = check_request(&f, &none, &Requests::new(), stage, Some("2026-12-09T18:00:00+01:00"), now()).expect("request");
        assert_eq!(req, StageRequest { at: "2026-12-07T12:00:00.000Z".into(), due: Some("2026-12-09T17:00:00.000Z".into()) });
        let asked = Requests::from([(stage.to_string(), req)]);
        let clock = case_clock(&f, &none, &asked, now()).expect("clock").expect("aware");
        let d = deadline(&clock);
        assert_eq!(d.due.map(utc_text).as_deref(), Some("2026-12-09T17:00:00.000Z"));
        assert_eq!(stage_state(&d, None, now()), StageState::Pending);
        let later: DateTime<Utc> = "2026-12-10T00:00:00Z".parse().expect("later");
        let clock = case_clock(&f, &none, &asked, later).expect("clock").expect("aware");
        assert_eq!(stage_state(&deadline(&clock), None, later), StageState::Overdue);
        let alerts = crate::remind::alerts(&clock, &none, &crate::remind::Policy::default(), later);
        assert!(alerts.iter().any(|a| a.stage == stage && a.kind == crate::remind::Kind::Overdue), "{alerts:?}");
        // Submitted after the request, not before it; requested once.
        assert!(check_submission(&f, &none, &asked, stage, "2026-12-07T11:59:00Z", now()).is_err());
        assert!(check_submission(&f, &none, &asked, stage, "2026-12-07T12:00:00Z", now()).is_ok());
        assert_eq!(check_request(&f, &none, &asked, stage, None, now()).expect_err("twice").field, "stage");

        // Without a due date: owed, no deadline, state "requested", no reminder.
        let open = Requests::from([(stage.to_string(), StageRequest { at: "2026-12-07T11:00:00.000Z".into(), due: None })]);
        let clock = case_clock(&f, &none, &open, now()).expect("clock").expect("aware");
        let d = deadline(&clock);
        assert_eq!((d.applies, d.due), (true, None));
        assert_eq!(stage_state(&d, None, now()), StageState::Requested);
        assert!(crate::remind::alerts(&clock, &none, &crate::remind::Policy::default(), later).iter().all(|a| a.stage != stage));

        let refusals = [
            ("early_warning", Some("2026-12-09T00:00:00Z"), "stage"),
            ("gossip", None, "stage"),
            (stage, Some("2026-12-07T11:00:00Z"), "due"),
            (stage, Some("next week"), "due"),
            (stage, Some("2028-01-01T00:00:00Z"), "due"),
        ];
        for (s, due, field) in refusals {
            assert_eq!(check_request(&f, &none, &Requests::new(), s, due, now()).expect_err(s).field, field, "{s} {due:?}");
        }
        let sent = BTreeMap::from([(stage.to_string(), "2026-12-07T11:00:00.000Z".to_string())]);
        assert_eq!(check_request(&f, &sent, &Requests::new(), stage, None, now()).expect_err("submitted").field, "stage");
        let mut unaware = f.clone();
        unaware.aware = None;
        assert_eq!(check_request(&unaware, &none, &Requests::new(), stage, None, now()).expect_err("no clock").field, "stage");
    }

    #[test]
    fn tasks_notes_evidence_and_links_are_checked() {
        let t = check_task(&TaskInput { title: "Ask registrar for takedown".into(), owner: "soc".into(), due: "2026-12-09".into() });
        assert_eq!(t.expect("task").due.as_deref(), Some("2026-12-09"));
        assert_eq!(check_task(&TaskInput { title: "x".into(), owner: String::new(), due: "9/12".into() }).expect_err("due").field, "due");
        assert_eq!(check_task(&TaskInput::default()).expect_err("title").field, "title");
        assert_eq!(check_note("line one\nline two").expect("note"), "line one\nline two");
        assert_eq!(check_note(" ").expect_err("empty").field, "body");

        let e = check_evidence("sms.png", b"abc").expect("evidence");
        assert_eq!(e.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(e.size, 3);
        assert_eq!(check_evidence("../etc/passwd", b"x").expect_err("path").field, "filename");
        assert_eq!(check_evidence("a.txt", b"").expect_err("empty").field, "file");
        assert_eq!(check_evidence("a.bin", &vec![0; MAX_EVIDENCE_BYTES + 1]).expect_err("big").field, "file");
        assert!(check_evidence("a.bin", &vec![0; MAX_EVIDENCE_BYTES]).is_ok());

        let id = "indicator--7F9C1C5E-0000-4000-8000-000000000001";
        assert_eq!(check_stix_id(id).expect("id"), id.to_ascii_lowercase());
        assert!(check_stix_id("sighting--7f9c1c5e-0000-4000-8000-000000000001").is_ok());
        for bad in
            ["malware--7f9c1c5e-0000-4000-8000-000000000001", "indicator--xyz", "indicator", "indicator--7f9c1c5e00004000800000000000001"]
        {
            assert_eq!(check_stix_id(bad).expect_err(bad).field, "stix_id");
        }
    }
}
