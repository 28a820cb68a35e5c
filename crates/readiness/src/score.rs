//! The scoring contract (section 5 of the readiness design): effective scores, area percentages,
//! maturity levels, headline numbers, contradictions and the improvement plan.
//!
//! Every post must be scored the same way for benchmarks to be comparable, so each rule lives in
//! one small function named after it, and the crate README lists where the design had to be
//! interpreted.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Effort, Question};
use crate::frameworks::SourceRole;
use crate::profile::Profile;

/// A scan (or platform result) at most this old replaces the self-reported answer.
pub const FRESH_DAYS: i64 = 30;
/// A scan older than this falls back to the self-reported answer at low confidence.
pub const STALE_DAYS: i64 = 90;
/// A claim this many points above a fresh scan is a contradiction.
pub const CONTRADICTION_GAP: u8 = 2;
/// Scores at or above this count as "in place" for gates, the hygiene baseline and the plan.
pub const IN_PLACE: u8 = 3;
/// Below this area percentage the area is L0 whatever its gates.
pub const L0_BELOW_PERCENT: f64 = 20.0;
/// L4 needs at least this area percentage.
pub const L4_FROM_PERCENT: f64 = 85.0;

/// Who or what backs an answer, in the file spelling of the assessment format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Evidence {
    #[serde(rename = "self")]
    SelfReported,
    Document,
    Scan,
    Facilitator,
}

impl Evidence {
    /// Precedence between claims on one question: facilitator > scan > document > self.
    fn rank(self) -> u8 {
        match self {
            Evidence::SelfReported => 0,
            Evidence::Document => 1,
            Evidence::Scan => 2,
            Evidence::Facilitator => 3,
        }
    }

    /// Whether the answer counts towards the verified share.
    pub fn is_verified(self) -> bool {
        self != Evidence::SelfReported
    }
}

/// What a respondent answered: a score on the question's scale, or not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Claimed {
    Score(u8),
    NotApplicable,
}

/// One respondent's answer to one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub question: String,
    pub value: Claimed,
    pub evidence: Evidence,
    pub at: DateTime<Utc>,
}

/// The outcome of one scan check on one subject (a declared primary domain, or a platform run).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Score(u8),
    Failed,
}

/// One scan or platform result, already mapped to 0-4 by the bands of section 3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Observation {
    pub source: String,
    pub subject: String,
    pub at: DateTime<Utc>,
    pub outcome: Outcome,
}

/// Bad input to the scorer. Nothing is scored when any input is wrong.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ScoreError {
    #[error("unknown question id {0}")]
    UnknownQuestion(String),
    #[error("question {0} gives context only and takes no score")]
    NotScored(String),
    #[error("answer {value} is not on the scale of question {question}")]
    OutOfScale { question: String, value: u8 },
    #[error("scan source {source_id} on {subject} gave {value}, outside 0-4")]
    ObservationOutOfRange { source_id: String, subject: String, value: u8 },
    #[error("area weight for {area} must be a finite number >= 0, not {weight}")]
    BadAreaWeight { area: String, weight: f64 },
    #[error("area weight given for unknown area {0}")]
    UnknownArea(String),
}

/// Why a question is or is not scored for this post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Applicability {
    Applies,
    /// The channel profile removes it (`applies_if` is false).
    ProfileNa,
    /// A respondent declared it not applicable although the profile keeps it.
    DeclaredNa,
}

/// What the scan evidence of a question amounted to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanState {
    /// The question has no overriding source, or no result was given.
    None,
    /// Every subject's latest result is successful and at most 30 days old: the scan decides.
    Fresh,
    /// Results between 31 and 90 days old: shown, but the claim decides at normal confidence.
    Aging,
    /// Some subject's latest result is older than 90 days: the claim decides, low confidence.
    Stale,
    /// Some subject's latest result failed: the claim decides, low confidence.
    Failed,
}

/// The three stored values of one question (self, scan, effective) and how they were reached.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionResult {
    pub id: String,
    pub area: String,
    pub applicability: Applicability,
    pub self_value: Option<u8>,
    pub scan_value: Option<u8>,
    pub scan_state: ScanState,
    /// The score used; `None` only when the question is not applicable.
    pub effective: Option<u8>,
    /// What backs the effective score; `None` when nobody answered and no scan decided.
    pub evidence: Option<Evidence>,
    pub low_confidence: bool,
}

/// Maturity levels of section 5.4, cumulative like the CRR's indicator levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Level {
    L0,
    L1,
    L2,
    L3,
    L4,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaResult {
    pub id: String,
    /// Number of applicable scored questions; 0 means the whole area is not applicable.
    pub applicable: usize,
    pub percent: Option<f64>,
    pub level: Option<Level>,
}

/// A fresh scan 2 or more points below the claim (section 5.2). No extra penalty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    pub question: String,
    pub claimed: u8,
    pub scanned: u8,
    pub source: String,
    /// Stable code of the reason, for translation by the faces.
    pub reason: &'static str,
}

/// One step of the improvement plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    pub id: String,
    /// 1 = 0-6 months, 2 = 6-18 months, 3 = 18-36 months.
    pub phase: u8,
    pub score: u8,
    /// `(3 - s) * w`.
    pub gap_weight: u8,
    pub effort: Effort,
}

/// The whole result of scoring one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub bank_version: String,
    pub questions: Vec<QuestionResult>,
    pub areas: Vec<AreaResult>,
    pub readiness_index: Option<f64>,
    pub hygiene_baseline: Option<f64>,
    pub verified_share: Option<f64>,
    pub contradictions: Vec<Contradiction>,
    pub plan: Vec<PlanItem>,
    /// Applicable scored questions nobody answered and no fresh scan decided (scored 0).
    pub unanswered: Vec<String>,
}

/// Area weights for the readiness index; areas not named weigh 1 (the default of section 5.5).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AreaWeights(pub BTreeMap<String, f64>);

impl AreaWeights {
    fn get(&self, area: &str) -> f64 {
        self.0.get(area).copied().unwrap_or(1.0)
    }
}

/// Scores one assessment. `now` decides the age of scan results.
pub fn assess(
    bank: &Bank,
    profile: &Profile,
    claims: &[Claim],
    observations: &[Observation],
    weights: &AreaWeights,
    now: DateTime<Utc>,
) -> Result<Assessment, ScoreError> {
    validate(bank, claims, observations, weights)?;
    let mut questions = Vec::new();
    let mut contradictions = Vec::new();
    for q in bank.questions.iter().filter(|q| q.is_scored()) {
        let (result, contradiction) = score_question(bank, q, profile, claims, observations, now);
        questions.extend(Some(result));
        contradictions.extend(contradiction);
    }
    let areas: Vec<AreaResult> = bank.areas.iter().map(|a| area_result(bank, &a.id, &questions)).collect();
    Ok(Assessment {
        bank_version: bank.version.clone(),
        readiness_index: readiness_index(&areas, weights),
        hygiene_baseline: hygiene_baseline(bank, &questions),
        verified_share: verified_share(bank, &questions),
        plan: plan(bank, &questions),
        unanswered: questions
            .iter()
            .filter(|r| r.applicability == Applicability::Applies && r.evidence.is_none())
            .map(|r| r.id.clone())
            .collect(),
        questions,
        areas,
        contradictions,
    })
}

fn validate(bank: &Bank, claims: &[Claim], observations: &[Observation], weights: &AreaWeights) -> Result<(), ScoreError> {
    for claim in claims {
        let q = bank.question(&claim.question).ok_or_else(|| ScoreError::UnknownQuestion(claim.question.clone()))?;
        if !q.is_scored() {
            return Err(ScoreError::NotScored(q.id.clone()));
        }
        if let Claimed::Score(value) = claim.value
            && !q.scale.allows(value)
        {
            return Err(ScoreError::OutOfScale { question: q.id.clone(), value });
        }
    }
    for o in observations {
        if let Outcome::Score(value) = o.outcome
            && value > 4
        {
            return Err(ScoreError::ObservationOutOfRange { source_id: o.source.clone(), subject: o.subject.clone(), value });
        }
    }
    for (area, &weight) in &weights.0 {
        if !bank.areas.iter().any(|a| &a.id == area) {
            return Err(ScoreError::UnknownArea(area.clone()));
        }
        if !weight.is_finite() || weight < 0.0 {
            return Err(ScoreError::BadAreaWeight { area: area.clone(), weight });
        }
    }
    Ok(())
}

/// The claim that speaks for a question: highest evidence rank, then the latest, then the last given.
fn chosen_claim<'a>(question: &str, claims: &'a [Claim]) -> Option<&'a Claim> {
    claims.iter().filter(|c| c.question == question).max_by(|a, b| (a.evidence.rank(), a.at).cmp(&(b.evidence.rank(), b.at)))
}

/// The scan evidence of one source: its state and, when results exist, the weakest latest score.
fn scan_evidence(source: &str, observations: &[Observation], now: DateTime<Utc>) -> (ScanState, Option<u8>) {
    let mut latest: BTreeMap<&str, &Observation> = BTreeMap::new();
    for o in observations.iter().filter(|o| o.source == source) {
        match latest.get(o.subject.as_str()) {
            Some(kept) if kept.at > o.at => {}
            _ => {
                latest.insert(&o.subject, o);
            }
        }
    }
    if latest.is_empty() {
        return (ScanState::None, None);
    }
    let weakest = latest
        .values()
        .filter_map(|o| match o.outcome {
            Outcome::Score(s) => Some(s),
            Outcome::Failed => None,
        })
        .min();
    // Results dated in the future (clock skew) count as age zero.
    let age = |o: &Observation| (now - o.at).max(Duration::zero());
    let state = if latest.values().any(|o| o.outcome == Outcome::Failed) {
        ScanState::Failed
    } else if latest.values().any(|o| age(o) > Duration::days(STALE_DAYS)) {
        ScanState::Stale
    } else if latest.values().all(|o| age(o) <= Duration::days(FRESH_DAYS)) {
        ScanState::Fresh
    } else {
        ScanState::Aging
    };
    (state, weakest)
}

fn score_question(
    bank: &Bank,
    q: &Question,
    profile: &Profile,
    claims: &[Claim],
    observations: &[Observation],
    now: DateTime<Utc>,
) -> (QuestionResult, Option<Contradiction>) {
    let claim = chosen_claim(&q.id, claims);
    let self_value = claim.and_then(|c| match c.value {
        Claimed::Score(s) => Some(s),
        Claimed::NotApplicable => None,
    });
    let overriding = q.scan.as_deref().filter(|s| bank.frameworks.sources.get(*s) == Some(&SourceRole::Overrides));
    let (scan_state, scan_value) = match overriding {
        Some(source) => scan_evidence(source, observations, now),
        None => (ScanState::None, None),
    };
    let mut result = QuestionResult {
        id: q.id.clone(),
        area: q.area.clone(),
        applicability: Applicability::Applies,
        self_value,
        scan_value,
        scan_state,
        effective: None,
        evidence: None,
        low_confidence: matches!(scan_state, ScanState::Stale | ScanState::Failed),
    };
    if !profile.applies(q) {
        result.applicability = Applicability::ProfileNa;
        return (result, None);
    }
    if let (ScanState::Fresh, Some(scanned)) = (scan_state, scan_value) {
        result.effective = Some(scanned);
        result.evidence = Some(Evidence::Scan);
        let contradiction = self_value.filter(|&claimed| claimed >= scanned + CONTRADICTION_GAP).map(|claimed| Contradiction {
            question: q.id.clone(),
            claimed,
            scanned,
            source: overriding.unwrap_or_default().to_owned(),
            reason: "scan_below_claim",
        });
        return (result, contradiction);
    }
    match claim {
        Some(c) if c.value == Claimed::NotApplicable => result.applicability = Applicability::DeclaredNa,
        Some(c) => {
            result.effective = self_value;
            result.evidence = Some(c.evidence);
        }
        // Nobody answered: "0 = not in place / don't know" on the impl5 scale.
        None => result.effective = Some(0),
    }
    (result, None)
}

fn applicable<'a>(bank: &'a Bank, results: &'a [QuestionResult]) -> impl Iterator<Item = (&'a Question, u8)> + 'a {
    results.iter().filter_map(move |r| Some((bank.question(&r.id)?, r.effective?)))
}

/// `A% = sum(w*s) / sum(w*4) * 100` over the applicable questions of the area (section 5.3).
fn area_percent(scored: &[(&Question, u8)]) -> Option<f64> {
    let num: u32 = scored.iter().map(|(q, s)| u32::from(q.weight) * u32::from(*s)).sum();
    let den: u32 = scored.iter().map(|(q, _)| u32::from(q.weight) * 4).sum();
    (den > 0).then(|| f64::from(num) / f64::from(den) * 100.0)
}

/// Section 5.4. L0 below 20% wins over the gates; a gate with no applicable question is met.
fn area_level(scored: &[(&Question, u8)], percent: f64) -> Level {
    let gate = |phase: u8| scored.iter().filter(|(q, _)| q.phase == phase).all(|(_, s)| *s >= IN_PLACE);
    if percent < L0_BELOW_PERCENT {
        Level::L0
    } else if !gate(1) {
        Level::L1
    } else if !gate(2) {
        Level::L2
    } else if !gate(3) || percent < L4_FROM_PERCENT {
        Level::L3
    } else {
        Level::L4
    }
}

fn area_result(bank: &Bank, area: &str, results: &[QuestionResult]) -> AreaResult {
    let scored: Vec<(&Question, u8)> = applicable(bank, results).filter(|(q, _)| q.area == area).collect();
    let percent = area_percent(&scored);
    AreaResult { id: area.to_owned(), applicable: scored.len(), percent, level: percent.map(|p| area_level(&scored, p)) }
}

/// Section 5.5(i): area percentages weighted by area weight, over areas that have a percentage.
fn readiness_index(areas: &[AreaResult], weights: &AreaWeights) -> Option<f64> {
    let mut num = 0.0;
    let mut den = 0.0;
    for area in areas {
        if let Some(p) = area.percent {
            num += weights.get(&area.id) * p;
            den += weights.get(&area.id);
        }
    }
    (den > 0.0).then(|| num / den)
}

/// Section 5.5(ii): share (by count, in percent) of applicable phase-1 questions scoring >= 3.
fn hygiene_baseline(bank: &Bank, results: &[QuestionResult]) -> Option<f64> {
    let phase1: Vec<u8> = applicable(bank, results).filter(|(q, _)| q.phase == 1).map(|(_, s)| s).collect();
    let met = phase1.iter().filter(|&&s| s >= IN_PLACE).count();
    (!phase1.is_empty()).then(|| met as f64 / phase1.len() as f64 * 100.0)
}

/// Section 5.5(iii): weight-weighted share (in percent) of applicable questions whose effective
/// score is backed by scan, facilitator or document evidence.
fn verified_share(bank: &Bank, results: &[QuestionResult]) -> Option<f64> {
    let mut num = 0u32;
    let mut den = 0u32;
    for r in results.iter().filter(|r| r.effective.is_some()) {
        let Some(q) = bank.question(&r.id) else { continue };
        den += u32::from(q.weight);
        if r.evidence.is_some_and(Evidence::is_verified) {
            num += u32::from(q.weight);
        }
    }
    (den > 0).then(|| f64::from(num) / f64::from(den) * 100.0)
}

/// Section 5.6: every applicable question below 3, by phase, then gap x weight (largest first),
/// then effort (cheapest first), then id so that the order never depends on input order.
fn plan(bank: &Bank, results: &[QuestionResult]) -> Vec<PlanItem> {
    let mut items: Vec<PlanItem> = applicable(bank, results)
        .filter(|(_, s)| *s < IN_PLACE)
        .map(|(q, s)| PlanItem { id: q.id.clone(), phase: q.phase, score: s, gap_weight: (IN_PLACE - s) * q.weight, effort: q.effort })
        .collect();
    items.sort_by(|a, b| a.phase.cmp(&b.phase).then(b.gap_weight.cmp(&a.gap_weight)).then(a.effort.cmp(&b.effort)).then(a.id.cmp(&b.id)));
    items
}

#[cfg(test)]
pub(crate) mod tests;
