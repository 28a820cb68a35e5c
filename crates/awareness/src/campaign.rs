//! Campaign governance: what must be on record before a simulation may start. Pure.
//!
//! Clicking data about named staff is monitoring in the EU: a campaign records its legal basis
//! (usually legitimate interest, GDPR Art. 6(1)(f), since employee consent is rarely free) and
//! the notice given to staff before anything is sent. Where staff representatives must agree
//! first (a works agreement in Germany, consultation of the CSE in France), the note of that
//! agreement is kept beside them; Postern cannot know the law of each post, so that note is
//! optional here and shown on the information sheet.

use serde::Serialize;

/// What a campaign still lacks before it may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Missing {
    LegalBasis,
    StaffNotice,
}

impl Missing {
    pub fn key(self) -> &'static str {
        match self {
            Missing::LegalBasis => "legal_basis",
            Missing::StaffNotice => "staff_notice",
        }
    }
}

/// The governance record of a campaign.
#[derive(Debug, Clone, Copy)]
pub struct Governance<'a> {
    pub legal_basis: Option<&'a str>,
    pub staff_notice: Option<&'a str>,
}

/// What is missing before the campaign may start (empty: it may).
pub fn missing(g: &Governance<'_>) -> Vec<Missing> {
    let blank = |v: Option<&str>| v.is_none_or(|s| s.trim().is_empty());
    let mut out = Vec::new();
    if blank(g.legal_basis) {
        out.push(Missing::LegalBasis);
    }
    if blank(g.staff_notice) {
        out.push(Missing::StaffNotice);
    }
    out
}

/// The state of a campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Created, nothing sent; a dry run stays here and its links still answer.
    Draft,
    /// Its governance is on record and messages go out.
    Running,
    Finished,
}

impl State {
    pub fn key(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Running => "running",
            State::Finished => "finished",
        }
    }

    pub fn from_key(key: &str) -> Option<State> {
        [State::Draft, State::Running, State::Finished].into_iter().find(|s| s.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(legal_basis: Option<&str>, staff_notice: Option<&str>, expected: &[Missing]) {
        assert_eq!(missing(&Governance { legal_basis, staff_notice }), expected);
    }

    #[test]
    fn both_records_are_needed() {
        check(None, None, &[Missing::LegalBasis, Missing::StaffNotice]);
        check(Some("GDPR Art. 6(1)(f)"), Some("  "), &[Missing::StaffNotice]);
        check(Some("GDPR Art. 6(1)(f)"), Some("Intranet notice of 2026-11-02"), &[]);
    }
}
