//! Scoring a run: each expectation met, missed, pending or expired, from the audit trail (the
//! earliest matching entry is the evidence) or a facilitator's mark; and the improvement
//! actions the after-action report drafts from what was not met.

use std::collections::BTreeMap;

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde::Serialize;

use crate::{Clock, Inject, Scenario, Scoring};

/// Days after the exercise's end an improvement action is due.
pub const ACTION_DUE_DAYS: u64 = 30;

/// One line of the audit trail, as the caller read it. The caller passes only lines about the
/// exercise's own objects (its cases, its collection), so a live incident never scores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEvent {
    pub seq: i64,
    pub at: DateTime<Utc>,
    /// The organisation that acted (its name).
    pub org: String,
    pub action: String,
    /// `ok`, `denied`, ...: only `ok` lines are evidence.
    pub outcome: String,
    pub detail: String,
}

/// A facilitator's judgement of one expectation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    pub expectation: String,
    pub met: bool,
    pub by: String,
    pub at: DateTime<Utc>,
    pub note: String,
}

/// One run of a scenario: its clock and who plays which role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub clock: Clock,
    /// Organisation name → role.
    pub participants: BTreeMap<String, String>,
}

/// Where an expectation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Met,
    Missed,
    Pending,
    Expired,
}

/// One expectation's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpectationScore {
    pub id: String,
    pub module: String,
    pub title: String,
    pub status: Status,
    pub score: u32,
    /// Points earned: `score` when met, else 0.
    pub earned: u32,
    pub automatic: bool,
    pub opens: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    /// The audit entry that met it.
    pub evidence: Option<AuditEvent>,
    /// The facilitator's mark that decided it.
    pub mark: Option<Mark>,
}

/// Totals of a score board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Totals {
    pub met: u32,
    pub missed: u32,
    pub pending: u32,
    pub expired: u32,
    pub earned: u32,
    pub possible: u32,
    pub automatic: u32,
    pub expectations: u32,
}

/// A run's score board at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Board {
    pub scenario: String,
    pub minute: u32,
    pub expectations: Vec<ExpectationScore>,
    pub totals: Totals,
}

/// An improvement action of the after-action report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImprovementAction {
    pub expectation: String,
    pub text: String,
    /// The role that owns it; the caller maps it to the organisation playing it.
    pub owner: String,
    pub due: NaiveDate,
}

/// Scores every expectation of `scenario` for `run` at `now`. A facilitator's mark decides
/// an expectation of either kind; otherwise an audit expectation is met by the earliest `ok`
/// entry with its action, from an organisation playing its role, whose detail starts with its
/// detail, between the window's opening and expiry (both included).
pub fn score(scenario: &Scenario, run: &Run, events: &[AuditEvent], marks: &[Mark], now: DateTime<Utc>) -> Board {
    let mut expectations = Vec::new();
    let mut totals = Totals::default();
    for e in &scenario.expectations {
        let opens_minute = scenario.opens(e);
        let opens = run.clock.instant_of(opens_minute);
        let expires = run.clock.instant_of(opens_minute.saturating_add(e.expires));
        let mark = marks.iter().filter(|m| m.expectation == e.id).max_by_key(|m| m.at).cloned();
        let evidence = match &e.scoring {
            Scoring::Audit(rule) => events
                .iter()
                .filter(|ev| ev.outcome == "ok" && ev.action == rule.action)
                .filter(|ev| run.participants.get(&ev.org) == Some(&rule.role))
                .filter(|ev| rule.detail.as_deref().is_none_or(|d| ev.detail.starts_with(d)))
                .filter(|ev| ev.at >= opens && ev.at <= expires)
                .min_by_key(|ev| (ev.at, ev.seq))
                .cloned(),
            Scoring::Facilitator => None,
        };
        let status = match (&mark, &evidence) {
            (Some(m), _) if m.met => Status::Met,
            (Some(_), _) => Status::Missed,
            (None, Some(_)) => Status::Met,
            (None, None) if now > expires => Status::Expired,
            (None, None) => Status::Pending,
        };
        let automatic = matches!(e.scoring, Scoring::Audit(_));
        let earned = if status == Status::Met { e.score } else { 0 };
        totals.expectations += 1;
        totals.automatic += u32::from(automatic);
        totals.possible += e.score;
        totals.earned += earned;
        match status {
            Status::Met => totals.met += 1,
            Status::Missed => totals.missed += 1,
            Status::Pending => totals.pending += 1,
            Status::Expired => totals.expired += 1,
        }
        expectations.push(ExpectationScore {
            id: e.id.clone(),
            module: e.module.clone(),
            title: e.title.clone(),
            status,
            score: e.score,
            earned,
            automatic,
            opens,
            expires,
            evidence,
            mark,
        });
    }
    Board { scenario: scenario.id.clone(), minute: run.clock.minute_at(now), expectations, totals }
}

/// The injects that have fallen due at `now`, in due order, with the real instant of each.
pub fn due_injects<'s>(scenario: &'s Scenario, clock: &Clock, now: DateTime<Utc>) -> Vec<(&'s Inject, DateTime<Utc>)> {
    scenario.injects.iter().map(|i| (i, clock.instant_of(i.due))).filter(|(_, at)| *at <= now).collect()
}

/// The improvement plan: one action for every expectation not met (missed, expired, or still
/// pending when the exercise ended), owned by its role, due `ACTION_DUE_DAYS` after `ended`.
pub fn draft_actions(scenario: &Scenario, board: &Board, ended: NaiveDate) -> Vec<ImprovementAction> {
    let due = ended.checked_add_days(Days::new(ACTION_DUE_DAYS)).unwrap_or(ended);
    board
        .expectations
        .iter()
        .filter(|s| s.status != Status::Met)
        .filter_map(|s| scenario.expectations.iter().find(|e| e.id == s.id))
        .map(|e| ImprovementAction { expectation: e.id.clone(), text: e.improvement.clone(), owner: e.owner.clone(), due })
        .collect()
}

#[cfg(test)]
mod tests;
