//! The question bank: versioned data parsed from TOML and validated at load.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::frameworks::Frameworks;
use crate::profile::Channel;

/// The bank shipped with Postern, embedded at build time so that no build or run reads a file.
const EMBEDDED_BANK: &str = include_str!("../data/bank.toml");

/// A text in every language of the bank, keyed by language code.
pub type I18n = BTreeMap<String, String>;

/// Why a bank could not be loaded. Each variant names the offending id so that an editor of the
/// data files can find it.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BankError {
    #[error("the bank is not valid TOML for the bank format: {0}")]
    Syntax(String),
    #[error("a framework list is malformed at line {line} of {file}: {reason}")]
    FrameworkList { file: &'static str, line: usize, reason: String },
    #[error("question id {0} appears more than once")]
    DuplicateQuestion(String),
    #[error("area id {0} appears more than once")]
    DuplicateArea(String),
    #[error("question {question} is in unknown area {area}")]
    UnknownArea { question: String, area: String },
    #[error("question {question} cites unknown {framework} id {id}")]
    UnknownFrameworkId { question: String, framework: &'static str, id: String },
    #[error("question {question} names unknown evidence source {source_id}")]
    UnknownSource { question: String, source_id: String },
    #[error("question {question} names unknown survey indicator {indicator}")]
    UnknownIndicator { question: String, indicator: String },
    #[error("question {question}: {field} must be between 1 and 3, not {value}")]
    OutOfRange { question: String, field: &'static str, value: u8 },
    #[error("{owner}: field {field} has languages {found:?}, the bank declares {expected:?}")]
    Languages { owner: String, field: &'static str, found: Vec<String>, expected: Vec<String> },
    #[error("{owner}: field {field} is empty in language {language}")]
    EmptyText { owner: String, field: &'static str, language: String },
    #[error("the bank must declare at least English (\"en\") among its languages")]
    NoEnglish,
    #[error("area {0} has no scored question")]
    EmptyArea(String),
    #[error("{file} line {line}: {reason}")]
    DataList { file: &'static str, line: usize, reason: String },
    #[error("framework coverage has gaps: {0:?}")]
    Uncovered(Vec<String>),
}

/// How a question is answered (section 2 of the design): `impl5` takes 0-4, `binary` 0 or 4,
/// `tri` 0, 2 or 4; `info` questions give context and are never scored; `trend` questions
/// (GOV-04) give context too, answered up, same or down ([`crate::trend::Trend`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scale {
    Impl5,
    Binary,
    Tri,
    Info,
    Trend,
}

impl Scale {
    /// Whether `value` is an allowed answer on this scale.
    pub fn allows(self, value: u8) -> bool {
        match self {
            Scale::Impl5 => value <= 4,
            Scale::Binary => value == 0 || value == 4,
            Scale::Tri => matches!(value, 0 | 2 | 4),
            Scale::Info | Scale::Trend => false,
        }
    }
}

/// Rough cost and complexity, used last when ordering the improvement plan (cheapest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Effort {
    #[serde(rename = "$")]
    Low,
    #[serde(rename = "$$")]
    Medium,
    #[serde(rename = "$$$")]
    High,
}

/// One area of the bank; each gets its own percentage and maturity level.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: I18n,
}

fn default_scale() -> Scale {
    Scale::Impl5
}

/// One question record (section 1 of the design).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub area: String,
    #[serde(default = "default_scale")]
    pub scale: Scale,
    pub weight: u8,
    pub phase: u8,
    pub effort: Effort,
    /// The question applies when the profile has any of these channels; empty means always.
    #[serde(default)]
    pub applies_if: Vec<Channel>,
    /// The evidence source (scan check or platform result) that can override the answer.
    #[serde(default)]
    pub scan: Option<String>,
    #[serde(default)]
    pub survey: Option<String>,
    #[serde(default)]
    pub csf: Vec<String>,
    #[serde(default)]
    pub cis_ig1: Vec<String>,
    /// CIS IG2 safeguards noted where IG1 has none; informative, not part of the coverage rule.
    #[serde(default)]
    pub cis_ig2: Vec<String>,
    #[serde(default)]
    pub nis2: Vec<String>,
    pub text: I18n,
    pub help: I18n,
    pub action: I18n,
}

impl Question {
    /// Whether the question is scored at all (context questions are not).
    pub fn is_scored(&self) -> bool {
        !matches!(self.scale, Scale::Info | Scale::Trend)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBank {
    version: String,
    languages: Vec<String>,
    survey_indicators: Vec<String>,
    area: Vec<Area>,
    question: Vec<Question>,
}

/// A validated bank: every id unique, every reference known, every text in every language.
#[derive(Debug, Clone)]
pub struct Bank {
    pub version: String,
    pub languages: Vec<String>,
    pub areas: Vec<Area>,
    pub questions: Vec<Question>,
    pub frameworks: Frameworks,
    index: BTreeMap<String, usize>,
}

/// Which framework ids the bank cites, and which of the required ones it misses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    pub csf: BTreeMap<String, Vec<String>>,
    pub cis_ig1: BTreeMap<String, Vec<String>>,
    pub nis2: BTreeMap<String, Vec<String>>,
    pub gaps: Vec<String>,
}

impl Bank {
    /// The shipped bank, checked structurally and for full framework coverage.
    pub fn embedded() -> Result<Bank, BankError> {
        let bank = Bank::parse(EMBEDDED_BANK, Frameworks::embedded()?)?;
        let coverage = bank.coverage();
        if coverage.gaps.is_empty() { Ok(bank) } else { Err(BankError::Uncovered(coverage.gaps)) }
    }

    /// Parses and validates a bank without the coverage rule, so that tests can use small banks.
    pub fn parse(source: &str, frameworks: Frameworks) -> Result<Bank, BankError> {
        let raw: RawBank = toml::from_str(source).map_err(|e| BankError::Syntax(e.to_string()))?;
        if !raw.languages.iter().any(|l| l == "en") {
            return Err(BankError::NoEnglish);
        }
        let mut area_ids = BTreeSet::new();
        for area in &raw.area {
            if !area_ids.insert(area.id.clone()) {
                return Err(BankError::DuplicateArea(area.id.clone()));
            }
            check_i18n(&raw.languages, &area.id, "name", &area.name)?;
        }
        let mut index = BTreeMap::new();
        for (i, q) in raw.question.iter().enumerate() {
            if index.insert(q.id.clone(), i).is_some() {
                return Err(BankError::DuplicateQuestion(q.id.clone()));
            }
            check_question(q, &raw, &area_ids, &frameworks)?;
        }
        for area in &raw.area {
            if !raw.question.iter().any(|q| q.area == area.id && q.is_scored()) {
                return Err(BankError::EmptyArea(area.id.clone()));
            }
        }
        Ok(Bank { version: raw.version, languages: raw.languages, areas: raw.area, questions: raw.question, frameworks, index })
    }

    /// The question with this id, if the bank has it.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.index.get(id).and_then(|&i| self.questions.get(i))
    }

    /// Which questions cite each framework id, and every required id that no question cites.
    pub fn coverage(&self) -> Coverage {
        let mut coverage = Coverage::default();
        for id in &self.frameworks.csf {
            coverage.csf.insert(id.clone(), Vec::new());
        }
        for id in &self.frameworks.cis_ig1 {
            coverage.cis_ig1.insert(id.clone(), Vec::new());
        }
        for id in &self.frameworks.nis2_required {
            coverage.nis2.insert(id.clone(), Vec::new());
        }
        for q in &self.questions {
            let cite = |map: &mut BTreeMap<String, Vec<String>>, ids: &[String]| {
                for id in ids {
                    if let Some(list) = map.get_mut(id) {
                        list.push(q.id.clone());
                    }
                }
            };
            cite(&mut coverage.csf, &q.csf);
            cite(&mut coverage.cis_ig1, &q.cis_ig1);
            cite(&mut coverage.nis2, &q.nis2);
        }
        for (framework, map) in [("CSF", &coverage.csf), ("CIS-IG1", &coverage.cis_ig1), ("NIS2", &coverage.nis2)] {
            for (id, cited_by) in map {
                if cited_by.is_empty() {
                    coverage.gaps.push(format!("{framework} {id}"));
                }
            }
        }
        coverage
    }
}

fn check_question(q: &Question, raw: &RawBank, areas: &BTreeSet<String>, fw: &Frameworks) -> Result<(), BankError> {
    if !areas.contains(&q.area) {
        return Err(BankError::UnknownArea { question: q.id.clone(), area: q.area.clone() });
    }
    for (field, value) in [("weight", q.weight), ("phase", q.phase)] {
        if !(1..=3).contains(&value) {
            return Err(BankError::OutOfRange { question: q.id.clone(), field, value });
        }
    }
    let lists: [(&'static str, &[String], &BTreeSet<String>); 3] =
        [("CSF 2.0", &q.csf, &fw.csf), ("CIS v8.1 IG1", &q.cis_ig1, &fw.cis_ig1), ("NIS2", &q.nis2, &fw.nis2_all)];
    for (framework, ids, known) in lists {
        if let Some(id) = ids.iter().find(|id| !known.contains(*id)) {
            return Err(BankError::UnknownFrameworkId { question: q.id.clone(), framework, id: id.clone() });
        }
    }
    // IG2 notes must not be IG1 ids (those belong in cis_ig1) and must look like safeguard ids.
    if let Some(id) = q.cis_ig2.iter().find(|id| fw.cis_ig1.contains(*id) || !is_safeguard_id(id)) {
        return Err(BankError::UnknownFrameworkId { question: q.id.clone(), framework: "CIS v8.1 IG2", id: id.clone() });
    }
    if let Some(source) = &q.scan
        && !fw.sources.contains_key(source)
    {
        return Err(BankError::UnknownSource { question: q.id.clone(), source_id: source.clone() });
    }
    if let Some(indicator) = &q.survey
        && !raw.survey_indicators.contains(indicator)
    {
        return Err(BankError::UnknownIndicator { question: q.id.clone(), indicator: indicator.clone() });
    }
    check_i18n(&raw.languages, &q.id, "text", &q.text)?;
    check_i18n(&raw.languages, &q.id, "help", &q.help)?;
    check_i18n(&raw.languages, &q.id, "action", &q.action)
}

fn is_safeguard_id(id: &str) -> bool {
    match id.split_once('.') {
        Some((control, safeguard)) => {
            !control.is_empty()
                && !safeguard.is_empty()
                && control.chars().all(|c| c.is_ascii_digit())
                && safeguard.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

fn check_i18n(languages: &[String], owner: &str, field: &'static str, text: &I18n) -> Result<(), BankError> {
    let found: Vec<String> = text.keys().cloned().collect();
    let mut expected = languages.to_vec();
    expected.sort();
    if found != expected {
        return Err(BankError::Languages { owner: owner.to_owned(), field, found, expected });
    }
    if let Some((language, _)) = text.iter().find(|(_, t)| t.trim().is_empty()) {
        return Err(BankError::EmptyText { owner: owner.to_owned(), field, language: language.clone() });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
