//! Scoring (internet.nl style) and the data-driven `.post` compliance verdict.
//!
//! A section starts at 100. Each distinct error code ("must") costs 40 points, each distinct
//! warning code ("should") 5, info nothing; a reason reported beside the finding it explains
//! (`dnssec-bogus` with `dnssec-ds-mismatch`) costs nothing more. The overall score is the mean of the sections that
//! ran. The .post rules live in `rules/dotpost.json` so policy changes are data changes.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::findings::{self, Finding, Section, Severity};

/// Points a distinct error code costs its section.
pub const ERROR_COST: u32 = 40;
/// Points a distinct warning code costs its section.
pub const WARNING_COST: u32 = 5;

/// One section's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionScore {
    /// Section.
    pub section: Section,
    /// 0-100.
    pub score: u8,
    /// Error, warning and info counts.
    pub errors: u32,
    /// Warnings.
    pub warnings: u32,
}

/// Score each section that ran, and the overall mean.
pub fn score(findings: &[Finding], ran: &[Section]) -> (Vec<SectionScore>, u8) {
    let mut out = Vec::new();
    for s in ran {
        // A reason given beside the finding it explains ("dnssec-bogus" and why) is one problem.
        let explained = |f: &Finding| findings::refines(&f.code).is_some_and(|parent| findings.iter().any(|g| g.code == parent));
        let codes = |sev: Severity| {
            findings
                .iter()
                .filter(|f| f.section == *s && f.severity == sev && !explained(f))
                .map(|f| f.code.as_str())
                .collect::<BTreeSet<_>>()
                .len() as u32
        };
        let (errors, warnings) = (codes(Severity::Error), codes(Severity::Warning));
        let cost = errors * ERROR_COST + warnings * WARNING_COST;
        out.push(SectionScore { section: *s, score: 100u32.saturating_sub(cost) as u8, errors, warnings });
    }
    let overall =
        if out.is_empty() { 0 } else { (out.iter().map(|s| u32::from(s.score)).sum::<u32>() as f64 / out.len() as f64).round() as u8 };
    (out, overall)
}

/// Letter grade for an overall score.
pub fn grade(score: u8) -> &'static str {
    match score {
        95..=100 => "A+",
        85..=94 => "A",
        70..=84 => "B",
        55..=69 => "C",
        40..=54 => "D",
        _ => "F",
    }
}

/// One compliance rule.
#[derive(Debug, Clone, Deserialize)]
pub struct Rule {
    /// Stable id.
    pub id: String,
    /// What it requires.
    pub description: String,
    /// Finding codes that break it.
    pub forbid: Vec<String>,
    /// Skip for no-mail (null MX) domains.
    #[serde(default)]
    pub when_mail: bool,
    /// Skip when HTTPS was not checked.
    #[serde(default)]
    pub when_https: bool,
}

/// A rule set.
#[derive(Debug, Clone, Deserialize)]
pub struct RuleSet {
    /// Name.
    pub name: String,
    /// Version.
    pub version: String,
    /// Rules.
    pub rules: Vec<Rule>,
}

/// The built-in .post rule set.
pub const DOTPOST_RULES: &str = include_str!("../rules/dotpost.json");

impl RuleSet {
    /// The built-in .post rules.
    pub fn dotpost() -> Self {
        // The file ships in the crate and a unit test parses it, so failure here is a build bug;
        // still, degrade to "no rules" rather than panic.
        serde_json::from_str(DOTPOST_RULES).unwrap_or(RuleSet { name: "invalid".into(), version: String::new(), rules: Vec::new() })
    }

    /// Rules broken by `findings`: (rule id, description, offending codes).
    pub fn failures(&self, findings: &[Finding], mail: bool, https: bool) -> Vec<String> {
        let mut out = Vec::new();
        for r in &self.rules {
            if (r.when_mail && !mail) || (r.when_https && !https) {
                continue;
            }
            let hit: BTreeSet<&str> = findings.iter().filter(|f| r.forbid.contains(&f.code)).map(|f| f.code.as_str()).collect();
            if !hit.is_empty() {
                out.push(format!("{}: {} ({})", r.id, r.description, hit.into_iter().collect::<Vec<_>>().join(", ")));
            }
        }
        if self.rules.is_empty() {
            out.push("rules: the rule set could not be loaded".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::finding;

    #[test]
    fn rules_file_parses_and_names_known_codes() {
        let r: RuleSet = serde_json::from_str(DOTPOST_RULES).unwrap_or_else(|e| panic!("{e}"));
        assert!(r.rules.len() >= 6);
        for rule in &r.rules {
            for c in &rule.forbid {
                assert!(crate::findings::is_known(c), "{} forbids unknown code {c}", rule.id);
            }
        }
    }

    #[test]
    fn scores() {
        let f = vec![finding("spf-pass-all", ""), finding("dmarc-no-rua", ""), finding("caa-missing", "")];
        let (s, overall) = score(&f, &[Section::Spf, Section::Dmarc, Section::Caa]);
        assert_eq!(s.iter().map(|x| x.score).collect::<Vec<_>>(), vec![60, 95, 100]);
        assert_eq!(overall, 85);
        assert_eq!(grade(overall), "A");
        assert_eq!(grade(100), "A+");
        assert_eq!(grade(0), "F");
    }

    #[test]
    fn a_bogus_chain_and_its_reason_cost_one_error() {
        let bogus = vec![finding("dnssec-bogus", ""), finding("dnssec-ds-mismatch", "")];
        let (s, _) = score(&bogus, &[Section::Dnssec]);
        assert_eq!((s[0].score, s[0].errors), (60, 1));
        // Alone (as stored reports from before reasons were paired may hold it), a reason is an error.
        let (s, _) = score(&[finding("dnssec-signature-expired", "")], &[Section::Dnssec]);
        assert_eq!((s[0].score, s[0].errors), (60, 1));
    }

    #[test]
    fn compliance() {
        let rules = RuleSet::dotpost();
        assert!(rules.failures(&[finding("caa-missing", "")], true, true).is_empty());
        assert_eq!(rules.failures(&[finding("dnssec-bogus", "")], true, true).len(), 1);
        assert!(rules.failures(&[finding("dkim-missing", "")], false, true).is_empty());
        assert!(rules.failures(&[finding("https-unreachable", "")], true, false).is_empty());
    }
}
