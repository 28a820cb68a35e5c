//! The published shape of a scored assessment: what `postern assess --json` prints, what the
//! portal shows and what the JSON export carries. One shape for every face, so that a post sees
//! the same figures wherever it looks.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Effort, I18n};
use crate::score::{Applicability, Assessment, Contradiction, Level};
use crate::trend::{Trend, WORKLOAD_INDICATOR, workload_figures};

/// One area's figures; both are `None` when no question of the area applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaSummary {
    /// 0-100, unrounded.
    pub percent: Option<f64>,
    pub level: Option<Level>,
    pub applicable: usize,
}

/// One step of the improvement plan, with the recommended action in the chosen language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanStep {
    pub id: String,
    pub area: String,
    /// 1, 2 or 3.
    pub phase: u8,
    /// The horizon of the phase: "0-6", "6-18" or "18-36" (months).
    pub months: String,
    pub score: u8,
    pub gap_weight: u8,
    pub effort: Effort,
    pub action: String,
}

/// Everything a face shows of an assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub bank_version: String,
    pub areas: BTreeMap<String, AreaSummary>,
    pub readiness_index: Option<f64>,
    pub hygiene_baseline: Option<f64>,
    pub verified_share: Option<f64>,
    pub plan: Vec<PlanStep>,
    pub contradictions: Vec<ContradictionView>,
    /// Applicable questions nobody answered (scored 0).
    pub unanswered: Vec<String>,
    /// Questions a respondent declared not applicable although the profile keeps them.
    pub declared_na: Vec<String>,
    /// Survey indicator -> practice in place (every applicable tagged question at >= 3): what a
    /// finalised assessment contributes to the survey figures of peer snapshots. Absent from
    /// results stored before it existed.
    #[serde(default)]
    pub practices: BTreeMap<String, bool>,
    /// The answer to the workload trend question (GOV-04), never scored; see [`with_workload`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workload: Option<Trend>,
}

/// A contradiction as published: both values and the stable reason code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContradictionView {
    pub question: String,
    pub claimed: u8,
    pub scanned: u8,
    pub source: String,
    pub reason: String,
}

impl From<&Contradiction> for ContradictionView {
    fn from(c: &Contradiction) -> Self {
        ContradictionView {
            question: c.question.clone(),
            claimed: c.claimed,
            scanned: c.scanned,
            source: c.source.clone(),
            reason: c.reason.to_owned(),
        }
    }
}

/// The horizon of a plan phase, in months (section 5.6).
pub fn months(phase: u8) -> &'static str {
    match phase {
        1 => "0-6",
        2 => "6-18",
        _ => "18-36",
    }
}

/// The text in `lang`, falling back to English (every bank text has English).
pub fn text<'a>(texts: &'a I18n, lang: &str) -> &'a str {
    texts.get(lang).or_else(|| texts.get("en")).map_or("", String::as_str)
}

/// The summary of `assessment`, with plan actions in `lang`.
pub fn summary(bank: &Bank, assessment: &Assessment, lang: &str) -> Summary {
    let areas = assessment
        .areas
        .iter()
        .map(|a| (a.id.clone(), AreaSummary { percent: a.percent, level: a.level, applicable: a.applicable }))
        .collect();
    let plan = assessment
        .plan
        .iter()
        .map(|p| {
            let q = bank.question(&p.id);
            PlanStep {
                id: p.id.clone(),
                area: q.map(|q| q.area.clone()).unwrap_or_default(),
                phase: p.phase,
                months: months(p.phase).to_owned(),
                score: p.score,
                gap_weight: p.gap_weight,
                effort: p.effort,
                action: q.map(|q| text(&q.action, lang).to_owned()).unwrap_or_default(),
            }
        })
        .collect();
    Summary {
        bank_version: assessment.bank_version.clone(),
        areas,
        readiness_index: assessment.readiness_index,
        hygiene_baseline: assessment.hygiene_baseline,
        verified_share: assessment.verified_share,
        plan,
        contradictions: assessment.contradictions.iter().map(ContradictionView::from).collect(),
        unanswered: assessment.unanswered.clone(),
        declared_na: assessment.questions.iter().filter(|q| q.applicability == Applicability::DeclaredNa).map(|q| q.id.clone()).collect(),
        practices: crate::bench::practices(bank, assessment),
        workload: None,
    }
}

/// The summary with the post's workload trend (GOV-04) and the workload figures it adds to the
/// survey practices, beside the budget's (WL/BUD, GOV-05), for the dashboard's "workload vs
/// budget" (`trend::WORKLOAD_FIGURES`).
pub fn with_workload(mut summary: Summary, workload: Option<Trend>) -> Summary {
    let budget = summary.practices.get(WORKLOAD_INDICATOR).copied();
    summary.practices.retain(|k, _| !crate::trend::WORKLOAD_FIGURES.contains(&k.as_str()));
    summary.practices.extend(workload_figures(workload, budget));
    summary.workload = workload;
    summary
}

/// The CSV columns of the plan export.
pub const PLAN_CSV_HEADER: [&str; 8] = ["id", "area", "phase", "months", "score", "gap_weight", "effort", "action"];

/// The improvement plan as CSV (RFC 4180, with a header row). A cell that a spreadsheet would
/// read as a formula gets a leading apostrophe.
pub fn plan_csv(steps: &[PlanStep]) -> String {
    let cell = |s: &str| if s.starts_with(['=', '+', '-', '@']) { format!("'{s}") } else { s.to_owned() };
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![PLAN_CSV_HEADER.iter().map(|h| (*h).to_owned()).collect()];
    for p in steps {
        let effort = match p.effort {
            Effort::Low => "$",
            Effort::Medium => "$$",
            Effort::High => "$$$",
        };
        rows.push(vec![
            cell(&p.id),
            cell(&p.area),
            p.phase.to_string(),
            p.months.clone(),
            p.score.to_string(),
            p.gap_weight.to_string(),
            effort.to_owned(),
            cell(&p.action),
        ]);
    }
    // Writing to memory cannot fail but for a bug in the writer; an empty export says so.
    for row in rows {
        if out.write_record(&row).is_err() {
            return String::new();
        }
    }
    out.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_csv_quotes_and_defuses_cells() {
        let step = |id: &str, action: &str| PlanStep {
            id: id.into(),
            area: "MAIL".into(),
            phase: 1,
            months: months(1).into(),
            score: 0,
            gap_weight: 9,
            effort: Effort::Medium,
            action: action.into(),
        };
        let csv = plan_csv(&[step("MAIL-03", "Publish DMARC, then \"reject\"."), step("X-1", "=HYPERLINK(\"x\")")]);
        assert_eq!(
            csv,
            "id,area,phase,months,score,gap_weight,effort,action\n\
             MAIL-03,MAIL,1,0-6,0,9,$$,\"Publish DMARC, then \"\"reject\"\".\"\n\
             X-1,MAIL,1,0-6,0,9,$$,\"'=HYPERLINK(\"\"x\"\")\"\n"
        );
    }
}
