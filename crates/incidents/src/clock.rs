//! The clock engine: from a rule set, the incident's times and `now`, the due instant of every
//! stage, in UTC.
//!
//! Hour delays are elapsed time from the anchor instant. Month delays land on the same local
//! date and time, months later, in the organisation's time zone, or on the last day of the month
//! when it has no such date (31 January + 1 month = 28 or 29 February). A local time that occurs
//! twice (clocks go back) takes its first occurrence, the stricter deadline; a local time that
//! does not exist (clocks go forward) is read with the offset in force before the gap, so it
//! lands as far past the gap's start as written (02:30 in a 02:00 -> 03:00 gap is 03:30).
//!
//! An on-request stage (NIS2 Art. 23(4)(c), the intermediate report) is owed only once the
//! CSIRT or authority has asked for it: until then it has no deadline and is not owed; once
//! asked, it is due at the date the request names, else its delay from the request, else it is
//! owed without a deadline.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, LocalResult, Months, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use crate::rules::{Anchor, Applies, Delay, RuleSet};

/// Input that the engine refuses, naming the field and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct ClockError {
    pub field: String,
    pub reason: String,
}

fn err(field: &str, reason: String) -> ClockError {
    ClockError { field: field.to_string(), reason }
}

/// What is known of an incident: the clocks run from these times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub detected: Option<DateTime<FixedOffset>>,
    pub aware: DateTime<FixedOffset>,
    /// Submission times of stages already sent, by stage id.
    pub submitted: BTreeMap<String, DateTime<FixedOffset>>,
    /// Requests of on-request stages, by stage id.
    pub requested: BTreeMap<String, Requested>,
    pub ongoing: bool,
}

/// The CSIRT's or authority's request for an on-request stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requested {
    pub at: DateTime<FixedOffset>,
    /// The due date the request names, if any.
    pub due: Option<DateTime<FixedOffset>>,
}

/// One stage's deadline: `due` is None when its anchor is not known yet or it does not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub stage: String,
    pub anchor: Anchor,
    pub applies: bool,
    pub due: Option<DateTime<Utc>>,
    /// The stage is owed only on request ([`Anchor::Request`]).
    pub on_request: bool,
    /// When it was requested, for an on-request stage that was.
    pub requested: Option<DateTime<Utc>>,
}

/// Every stage's deadline, in the rule set's stage order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clock {
    pub jurisdiction: String,
    /// False when the rule set's delays are not confirmed from the law (see its file).
    pub confirmed: bool,
    pub zone: Tz,
    pub deadlines: Vec<Deadline>,
}

impl Clock {
    /// The deadline of one stage, when the rule set has it.
    pub fn due(&self, stage: &str) -> Option<DateTime<Utc>> {
        self.deadlines.iter().find(|d| d.stage == stage).and_then(|d| d.due)
    }
}

/// An IANA time zone name (`Europe/Tirane`), from the embedded database.
pub fn parse_zone(name: &str) -> Result<Tz, ClockError> {
    name.parse::<Tz>().map_err(|_| err("tz", format!("`{name}` is not an IANA time zone name (e.g. Europe/Tirane, UTC)")))
}

/// An instant in RFC 3339 with an explicit offset (`2026-03-29T01:30:00+01:00` or `...Z`).
pub fn parse_instant(field: &str, text: &str) -> Result<DateTime<FixedOffset>, ClockError> {
    DateTime::parse_from_rfc3339(text.trim())
        .map_err(|e| err(field, format!("`{text}` is not an RFC 3339 time with an offset ({e}), e.g. 2026-12-07T09:30:00+01:00")))
}

/// Computes every stage's deadline. Refuses times after `now`, `detected` after `aware`, and a
/// submission before `aware` or before the submission it is anchored on.
pub fn deadlines(rules: &RuleSet, facts: &Facts, zone: Tz, now: DateTime<Utc>) -> Result<Clock, ClockError> {
    check_facts(rules, facts, now)?;
    let mut out = Vec::new();
    for stage in &rules.stages {
        let request = facts.requested.get(&stage.id);
        let anchor = match &stage.anchor {
            Anchor::Aware => Some(facts.aware.to_utc()),
            Anchor::Detected => facts.detected.map(|d| d.to_utc()),
            Anchor::Submitted(id) => facts.submitted.get(id).map(|d| d.to_utc()),
            Anchor::Request => request.map(|r| r.at.to_utc()),
        };
        let applies = match stage.applies {
            Applies::Always => true,
            Applies::Ongoing => facts.ongoing,
            Applies::Resolved => !facts.ongoing,
        } && (!stage.on_request || request.is_some());
        let named = request.and_then(|r| r.due).map(|d| d.to_utc());
        let at = match (applies, anchor, named, stage.delay) {
            (true, _, Some(due), _) => Some(due),
            (true, Some(a), None, Some(delay)) => Some(add_delay(a, delay, zone).map_err(|reason| err(&stage.id, reason))?),
            _ => None,
        };
        out.push(Deadline {
            stage: stage.id.clone(),
            anchor: stage.anchor.clone(),
            applies,
            due: at,
            on_request: stage.on_request,
            requested: request.map(|r| r.at.to_utc()),
        });
    }
    Ok(Clock { jurisdiction: rules.id.clone(), confirmed: rules.confirmed, zone, deadlines: out })
}

fn check_facts(rules: &RuleSet, facts: &Facts, now: DateTime<Utc>) -> Result<(), ClockError> {
    let future = |field: &str, t: &DateTime<FixedOffset>| -> Result<(), ClockError> {
        if t.to_utc() > now {
            return Err(err(field, format!("{} is in the future (now is {})", t.to_rfc3339(), now.to_rfc3339())));
        }
        Ok(())
    };
    future("aware", &facts.aware)?;
    if let Some(d) = &facts.detected {
        future("detected", d)?;
        if d > &facts.aware {
            return Err(err(
                "detected",
                format!(
                    "{} is after aware ({}): one becomes aware of an incident when or after detecting it",
                    d.to_rfc3339(),
                    facts.aware.to_rfc3339()
                ),
            ));
        }
    }
    check_requests(rules, facts, now)?;
    for (id, at) in &facts.submitted {
        let field = format!("submitted.{id}");
        let Some(stage) = rules.stages.iter().find(|s| &s.id == id) else {
            let known: Vec<&str> = rules.stages.iter().map(|s| s.id.as_str()).collect();
            return Err(err(&field, format!("rule set `{}` has no stage `{id}` (stages: {})", rules.id, known.join(", "))));
        };
        future(&field, at)?;
        if at < &facts.aware {
            return Err(err(
                &field,
                format!(
                    "{} is before aware ({}): a stage is submitted after the organisation becomes aware",
                    at.to_rfc3339(),
                    facts.aware.to_rfc3339()
                ),
            ));
        }
        if let Anchor::Submitted(prev) = &stage.anchor
            && let Some(p) = facts.submitted.get(prev)
            && at < p
        {
            return Err(err(&field, format!("{} is before the submission of `{prev}` ({}) it follows", at.to_rfc3339(), p.to_rfc3339())));
        }
        if stage.on_request {
            match facts.requested.get(id) {
                None => return Err(err(&field, format!("`{id}` is owed only on request, and none was recorded"))),
                Some(r) if at < &r.at => {
                    return Err(err(&field, format!("{} is before the request ({}) it answers", at.to_rfc3339(), r.at.to_rfc3339())));
                }
                Some(_) => {}
            }
        }
    }
    Ok(())
}

/// A request names an on-request stage, is not in the future nor before `aware`, and its due
/// date comes after it.
fn check_requests(rules: &RuleSet, facts: &Facts, now: DateTime<Utc>) -> Result<(), ClockError> {
    for (id, r) in &facts.requested {
        let field = format!("requested.{id}");
        if !rules.stages.iter().any(|s| &s.id == id && s.on_request) {
            let asked: Vec<&str> = rules.stages.iter().filter(|s| s.on_request).map(|s| s.id.as_str()).collect();
            return Err(err(&field, format!("rule set `{}` has no on-request stage `{id}` (on request: {})", rules.id, asked.join(", "))));
        }
        if r.at.to_utc() > now {
            return Err(err(&field, format!("{} is in the future (now is {})", r.at.to_rfc3339(), now.to_rfc3339())));
        }
        if r.at < facts.aware {
            return Err(err(&field, format!("{} is before aware ({})", r.at.to_rfc3339(), facts.aware.to_rfc3339())));
        }
        if let Some(due) = r.due
            && due <= r.at
        {
            return Err(err(&format!("{field}.due"), format!("{} is not after the request ({})", due.to_rfc3339(), r.at.to_rfc3339())));
        }
    }
    Ok(())
}

/// The anchor plus a delay, per the semantics in the module comment.
pub(crate) fn add_delay(anchor: DateTime<Utc>, delay: Delay, zone: Tz) -> Result<DateTime<Utc>, String> {
    match delay {
        Delay::Hours(h) => {
            anchor.checked_add_signed(TimeDelta::hours(i64::from(h))).ok_or_else(|| "the deadline is out of range".to_string())
        }
        Delay::Months(m) => {
            let local = anchor.with_timezone(&zone).naive_local();
            // NaiveDate::checked_add_months clamps to the last day of a shorter month.
            let date = local.date().checked_add_months(Months::new(m)).ok_or_else(|| "the deadline is out of range".to_string())?;
            Ok(resolve_local(zone, date.and_time(local.time())))
        }
    }
}

/// The instant a local wall-clock time names in `zone`: the first occurrence when it occurs
/// twice; read with the offset in force before the gap when it does not exist.
pub fn resolve_local(zone: Tz, local: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => t.to_utc(),
        LocalResult::Ambiguous(first, second) => first.to_utc().min(second.to_utc()),
        LocalResult::None => {
            // Time zone transitions are far more than a day apart, so the offset a day earlier
            // is the one in force just before the gap.
            let day_before = local - TimeDelta::days(1);
            let offset = zone.offset_from_utc_datetime(&day_before).fix();
            Utc.from_utc_datetime(&(local - TimeDelta::seconds(i64::from(offset.local_minus_utc()))))
        }
    }
}

/// One clock question as text, as the CLI and the API receive it.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    pub jurisdiction: &'a str,
    /// IANA zone of the organisation; UTC when absent.
    pub zone: Option<&'a str>,
    pub aware: &'a str,
    pub detected: Option<&'a str>,
    /// Submission time of the `notification` stage.
    pub notified: Option<&'a str>,
    pub ongoing: bool,
}

/// Parses a request and computes its clock; every refusal names the field at fault.
pub fn evaluate(req: &Request, now: DateTime<Utc>) -> Result<Clock, ClockError> {
    let rules = crate::rules::jurisdiction(req.jurisdiction).map_err(|e| err("jurisdiction", e.to_string()))?;
    let zone = parse_zone(req.zone.unwrap_or("UTC"))?;
    let mut submitted = BTreeMap::new();
    if let Some(n) = req.notified {
        submitted.insert("notification".to_string(), parse_instant("notified", n)?);
    }
    let facts = Facts {
        detected: req.detected.map(|d| parse_instant("detected", d)).transpose()?,
        aware: parse_instant("aware", req.aware)?,
        submitted,
        requested: BTreeMap::new(),
        ongoing: req.ongoing,
    };
    deadlines(&rules, &facts, zone, now).map_err(|e| if e.field == "submitted.notification" { err("notified", e.reason) } else { e })
}
