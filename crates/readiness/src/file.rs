//! The assessment file of facilitators in the field (issue 18, section 2): a `[profile]` table
//! of CH-01 flags, an `[answers]` table (question id to 0-4 or "na"; a trend question, GOV-04,
//! to "up", "same" or "down") and an optional `[evidence]` table (question id to self,
//! document, scan or facilitator).
//!
//! Each error names the table and key at fault and why, so that a facilitator can fix the file
//! on the spot; nothing is scored from a file with any error in it.

use chrono::{DateTime, Utc};
use toml::{Table, Value};

use crate::bank::{Bank, Scale};
use crate::profile::{Profile, emptied_areas};
use crate::score::{Claim, Claimed, Evidence};
use crate::trend::Trend;

/// The CH-01 flags, in the order of the issue; every one must be given.
pub const PROFILE_FLAGS: [&str; 8] = ["counter", "website", "app", "handhelds", "outlets", "ecommerce", "dfs", "egov"];
const TABLES: [&str; 3] = ["profile", "answers", "evidence"];
const EVIDENCE_KINDS: &str = "self, document, scan or facilitator";

/// A parsed and checked assessment file.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentFile {
    pub profile: Profile,
    pub claims: Vec<Claim>,
    /// Answers to trend questions (GOV-04), by question id: context, never scored.
    pub trends: std::collections::BTreeMap<String, Trend>,
}

impl AssessmentFile {
    /// The workload trend (the answer to the bank's workload question, GOV-04), if given.
    pub fn workload(&self, bank: &Bank) -> Option<Trend> {
        crate::trend::workload_question(bank).and_then(|q| self.trends.get(q).copied())
    }
}

/// Why an assessment file was refused.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FileError {
    #[error("the file is not valid TOML: {0}")]
    Syntax(String),
    #[error("[{0}]: unknown table; an assessment file has [profile], [answers] and [evidence]")]
    UnknownTable(String),
    #[error("[{0}]: missing; it is required")]
    MissingTable(&'static str),
    #[error("{0}: must be a table")]
    NotATable(String),
    #[error("[profile].{0}: missing; give every CH-01 flag ({flags}) as true or false", flags = PROFILE_FLAGS.join(", "))]
    MissingFlag(&'static str),
    #[error("[profile].{0}: unknown flag; the CH-01 flags are {flags}", flags = PROFILE_FLAGS.join(", "))]
    UnknownFlag(String),
    #[error("[profile].{flag}: must be true or false, not {found}")]
    FlagType { flag: String, found: String },
    #[error("[{table}].{question}: unknown question id")]
    UnknownQuestion { table: &'static str, question: String },
    #[error("[answers].{0}: this question gives context only and takes no score (the profile answers CH-01)")]
    NotScored(String),
    #[error("[answers].{question} = {found}: out of range; an answer is an integer 0 to 4, or \"na\"")]
    OutOfRange { question: String, found: String },
    #[error("[answers].{question} = {found}: a trend; answer \"up\", \"same\" or \"down\"")]
    BadTrend { question: String, found: String },
    #[error("[evidence].{0}: a trend answer gives context and takes no evidence")]
    EvidenceOnTrend(String),
    #[error("[answers].{question} = {value}: not on this question's scale; allowed: {allowed}")]
    OffScale { question: String, value: u8, allowed: &'static str },
    #[error("[evidence].{question} = {found}: unknown evidence kind; one of {EVIDENCE_KINDS}")]
    BadEvidence { question: String, found: String },
    #[error("[evidence].{0}: no answer in [answers] for this evidence to back")]
    EvidenceWithoutAnswer(String),
    #[error("[profile]: it removes every question of area {0}; an area cannot be assessed without questions")]
    EmptiedArea(String),
}

/// Parses and checks an assessment file; `at` dates its answers.
pub fn parse(bank: &Bank, source: &str, at: DateTime<Utc>) -> Result<AssessmentFile, FileError> {
    let root: Table = source.parse().map_err(|e: toml::de::Error| FileError::Syntax(e.to_string().trim_end().to_owned()))?;
    if let Some(unknown) = root.keys().find(|k| !TABLES.contains(&k.as_str())) {
        return Err(FileError::UnknownTable(unknown.clone()));
    }
    let profile = profile(table(&root, "profile")?.ok_or(FileError::MissingTable("profile"))?)?;
    if let Some(area) = emptied_areas(bank, &profile).into_iter().next() {
        return Err(FileError::EmptiedArea(area));
    }
    let answers = table(&root, "answers")?.ok_or(FileError::MissingTable("answers"))?;
    let empty = Table::new();
    let evidence = table(&root, "evidence")?.unwrap_or(&empty);
    for question in evidence.keys() {
        if bank.question(question).is_none() {
            return Err(FileError::UnknownQuestion { table: "evidence", question: question.clone() });
        }
        if !answers.contains_key(question) {
            return Err(FileError::EvidenceWithoutAnswer(question.clone()));
        }
    }
    let mut claims = Vec::with_capacity(answers.len());
    let mut trends = std::collections::BTreeMap::new();
    for (question, value) in answers {
        if let Some(trend) = trend(bank, question, value)? {
            if evidence.contains_key(question) {
                return Err(FileError::EvidenceOnTrend(question.clone()));
            }
            trends.insert(question.clone(), trend);
            continue;
        }
        let value = answer(bank, question, value)?;
        let evidence = match evidence.get(question) {
            None => Evidence::SelfReported,
            Some(kind) => evidence_kind(question, kind)?,
        };
        claims.push(Claim { question: question.clone(), value, evidence, at });
    }
    Ok(AssessmentFile { profile, claims, trends })
}

/// The answer to a trend question; `None` for any other question.
fn trend(bank: &Bank, question: &str, value: &Value) -> Result<Option<Trend>, FileError> {
    if bank.question(question).is_none_or(|q| q.scale != Scale::Trend) {
        return Ok(None);
    }
    let bad = || FileError::BadTrend { question: question.to_owned(), found: shown(value) };
    let Value::String(s) = value else { return Err(bad()) };
    Trend::parse(s).map(Some).ok_or_else(bad)
}

fn table<'a>(root: &'a Table, name: &'static str) -> Result<Option<&'a Table>, FileError> {
    match root.get(name) {
        None => Ok(None),
        Some(Value::Table(t)) => Ok(Some(t)),
        Some(_) => Err(FileError::NotATable(format!("[{name}]"))),
    }
}

fn profile(table: &Table) -> Result<Profile, FileError> {
    if let Some(unknown) = table.keys().find(|k| !PROFILE_FLAGS.contains(&k.as_str())) {
        return Err(FileError::UnknownFlag(unknown.clone()));
    }
    let mut flags = [false; 8];
    for (slot, flag) in flags.iter_mut().zip(PROFILE_FLAGS) {
        *slot = match table.get(flag) {
            None => return Err(FileError::MissingFlag(flag)),
            Some(Value::Boolean(b)) => *b,
            Some(other) => return Err(FileError::FlagType { flag: flag.to_owned(), found: shown(other) }),
        };
    }
    let [counter, website, app, handhelds, outlets, ecommerce, dfs, egov] = flags;
    Ok(Profile { counter, website, app, handhelds, outlets, ecommerce, dfs, egov })
}

fn answer(bank: &Bank, question: &str, value: &Value) -> Result<Claimed, FileError> {
    let q = bank.question(question).ok_or_else(|| FileError::UnknownQuestion { table: "answers", question: question.to_owned() })?;
    if !q.is_scored() {
        return Err(FileError::NotScored(question.to_owned()));
    }
    let out_of_range = || FileError::OutOfRange { question: question.to_owned(), found: shown(value) };
    let score = match value {
        Value::String(s) if s == "na" => return Ok(Claimed::NotApplicable),
        Value::Integer(i) => u8::try_from(*i).ok().filter(|v| *v <= 4).ok_or_else(out_of_range)?,
        _ => return Err(out_of_range()),
    };
    if !q.scale.allows(score) {
        let allowed = match q.scale {
            Scale::Binary => "0 or 4, or \"na\"",
            Scale::Tri => "0, 2 or 4, or \"na\"",
            Scale::Impl5 | Scale::Info | Scale::Trend => "0 to 4, or \"na\"",
        };
        return Err(FileError::OffScale { question: question.to_owned(), value: score, allowed });
    }
    Ok(Claimed::Score(score))
}

fn evidence_kind(question: &str, kind: &Value) -> Result<Evidence, FileError> {
    let bad = || FileError::BadEvidence { question: question.to_owned(), found: shown(kind) };
    let Value::String(s) = kind else { return Err(bad()) };
    match s.as_str() {
        "self" => Ok(Evidence::SelfReported),
        "document" => Ok(Evidence::Document),
        "scan" => Ok(Evidence::Scan),
        "facilitator" => Ok(Evidence::Facilitator),
        _ => Err(bad()),
    }
}

/// A value as the file spells it, with its type when that is the problem.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{s:?}"),
        Value::Integer(i) => i.to_string(),
        Value::Float(f) => format!("{f} (a decimal number)"),
        Value::Boolean(b) => format!("{b} (a boolean)"),
        Value::Datetime(d) => format!("{d} (a date)"),
        Value::Array(_) => "an array".to_owned(),
        Value::Table(_) => "a table".to_owned(),
    }
}

#[cfg(test)]
mod tests;
