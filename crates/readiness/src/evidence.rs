//! Scan evidence from posture reports: one `postern posture --json` line per declared primary
//! domain becomes the observations of the section-3 checks that the report measures.
//!
//! The posture checker reports findings by stable code; this module reads those codes into the
//! measurements the bands of [`crate::scan`] expect, so that the bands stay the one place where
//! a measurement becomes a score. What the checker does not measure (STARTTLS on every MX,
//! security.txt, exposed services) yields no observation, never a guessed one.

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::scan::{self, Dmarc, Spf};
use crate::score::{Observation, Outcome};

/// The part of a posture report line that carries evidence. Unknown fields are ignored so that
/// the report may grow.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct PostureLine {
    pub domain: String,
    /// When the check ran; older reports do not carry it and the caller then supplies a time.
    #[serde(default)]
    pub checked_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub findings: Vec<PostureFinding>,
    #[serde(default)]
    pub sections: Vec<PostureSection>,
    /// Set when the domain could not be checked at all.
    #[serde(default)]
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PostureFinding {
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PostureSection {
    pub section: String,
}

/// DNSSEC findings that prove the zone is unsigned or its chain broken (a measured 0).
const DNSSEC_BROKEN: &[&str] = &[
    "dnssec-missing",
    "dnssec-bogus",
    "dnssec-signature-expired",
    "dnssec-ds-mismatch",
    "dnssec-bad-signature",
    "dnssec-missing-signature",
    "dnssec-unproven-denial",
];
/// SPF findings read as "+all/?all/errors" (band 1): receivers get no strict answer.
const SPF_PERMISSIVE: &[&str] = &[
    "spf-pass-all",
    "spf-neutral-all",
    "spf-no-all",
    "spf-multiple-records",
    "spf-syntax-error",
    "spf-too-many-lookups",
    "spf-too-many-void-lookups",
    "spf-include-no-record",
    "spf-include-loop",
];
/// DMARC findings after which receivers ignore DMARC altogether: read as no policy.
const DMARC_ABSENT: &[&str] = &["dmarc-missing", "dmarc-multiple-records", "dmarc-syntax-error"];
/// HTTPS findings that mean the host has no valid certificate over modern TLS.
const HTTPS_INVALID: &[&str] = &[
    "https-unreachable",
    "https-address-refused",
    "https-modern-tls-missing",
    "https-cert-expired",
    "https-cert-hostname-mismatch",
    "https-cert-untrusted",
    "https-cert-chain-incomplete",
];
/// Findings that make the whole report unusable as evidence.
const DOMAIN_FAILED: &[&str] = &["domain-invalid", "domain-nxdomain"];

impl PostureLine {
    fn has(&self, code: &str) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }

    fn has_any(&self, codes: &[&str]) -> bool {
        codes.iter().any(|c| self.has(c))
    }

    fn ran(&self, section: &str) -> bool {
        self.sections.iter().any(|s| s.section == section)
    }

    /// A section whose verdict rests on the absence of findings cannot be trusted when part of
    /// the check ran out of time.
    fn timed_out(&self) -> bool {
        self.has("check-timeout")
    }
}

/// The observations one report line gives; `fallback_at` dates a line without `checked_at`.
pub fn observations(line: &PostureLine, fallback_at: DateTime<Utc>) -> Vec<Observation> {
    let at = line.checked_at.unwrap_or(fallback_at);
    let observe = |source: &str, outcome: Outcome| Observation { source: source.to_owned(), subject: line.domain.clone(), at, outcome };
    if line.error.is_some() || line.has_any(DOMAIN_FAILED) {
        return ["SCAN-DNSSEC", "SCAN-SPF", "SCAN-DMARC"].iter().map(|s| observe(s, Outcome::Failed)).collect();
    }
    let mut out = vec![observe("SCAN-DNSSEC", dnssec(line)), observe("SCAN-SPF", spf(line)), observe("SCAN-DMARC", dmarc(line))];
    if line.ran("https") {
        let valid = !line.has_any(HTTPS_INVALID) && !line.timed_out();
        let tls_good = valid && !line.has("https-no-redirect");
        let hsts_good = valid && !line.has("https-hsts-missing") && !line.has("https-legacy-tls-enabled");
        // One host per report line: the bands see 1 of 1 or 0 of 1.
        out.extend(scan::tls(u32::from(tls_good), 1).map(|s| observe("SCAN-TLS", Outcome::Score(s))));
        out.extend(scan::hsts(u32::from(hsts_good), 1).map(|s| observe("SCAN-HSTS", Outcome::Score(s))));
    }
    out
}

fn dnssec(line: &PostureLine) -> Outcome {
    if line.has("dnssec-secure") {
        Outcome::Score(scan::yes_no(true))
    } else if line.has_any(DNSSEC_BROKEN) {
        Outcome::Score(scan::yes_no(false))
    } else {
        // Indeterminate, no trust anchor, or nothing reported: unknown is not unsigned.
        Outcome::Failed
    }
}

fn spf(line: &PostureLine) -> Outcome {
    let record = if line.has("spf-lookup-error") || !line.ran("spf") {
        return Outcome::Failed;
    } else if line.has("spf-missing") {
        Spf::Missing
    } else if line.has_any(SPF_PERMISSIVE) {
        Spf::Permissive
    } else if line.has("spf-softfail-all") {
        Spf::SoftFail
    } else if line.timed_out() {
        return Outcome::Failed;
    } else {
        // The checker reports nothing on a record ending in "-all".
        Spf::Fail
    };
    Outcome::Score(scan::spf(record))
}

fn dmarc(line: &PostureLine) -> Outcome {
    let policy = if line.has("dmarc-lookup-error") || !line.ran("dmarc") {
        return Outcome::Failed;
    } else if line.has_any(DMARC_ABSENT) {
        Dmarc::Missing
    } else if line.has("dmarc-policy-none") {
        Dmarc::None
    } else if line.has("dmarc-policy-quarantine") {
        // The checker reports only that pct is below 100, not its value; any value below 100
        // falls in the same band.
        let pct = if line.has("dmarc-pct-partial") { 99 } else { 100 };
        Dmarc::Quarantine { pct, rua: !line.has("dmarc-no-rua") }
    } else if line.timed_out() {
        return Outcome::Failed;
    } else {
        // The checker reports nothing on p=reject.
        Dmarc::Reject
    };
    Outcome::Score(scan::dmarc(policy))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(codes: &[&str], sections: &[&str]) -> PostureLine {
        PostureLine {
            domain: "laposte.example".into(),
            checked_at: None,
            findings: codes.iter().map(|c| PostureFinding { code: (*c).into() }).collect(),
            sections: sections.iter().map(|s| PostureSection { section: (*s).into() }).collect(),
            error: None,
        }
    }

    fn scores(line: &PostureLine) -> Vec<(String, Outcome)> {
        observations(line, DateTime::UNIX_EPOCH).into_iter().map(|o| (o.source, o.outcome)).collect()
    }

    fn outcome(line: &PostureLine, source: &str) -> Option<Outcome> {
        scores(line).into_iter().find(|(s, _)| s == source).map(|(_, o)| o)
    }

    const ALL: &[&str] = &["dnssec", "spf", "dmarc", "dkim", "mail-transport", "caa", "https"];

    #[test]
    fn a_clean_report_scores_four_everywhere_it_measures() {
        let clean = line(&["dnssec-secure"], ALL);
        let got = scores(&clean);
        let want: Vec<(String, Outcome)> = ["SCAN-DNSSEC", "SCAN-SPF", "SCAN-DMARC", "SCAN-TLS", "SCAN-HSTS"]
            .iter()
            .map(|s| ((*s).to_owned(), Outcome::Score(4)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn findings_map_through_the_section_three_bands() {
        let rows: &[(&[&str], &str, Outcome)] = &[
            (&["dnssec-missing"], "SCAN-DNSSEC", Outcome::Score(0)),
            (&["dnssec-indeterminate"], "SCAN-DNSSEC", Outcome::Failed),
            (&[], "SCAN-DNSSEC", Outcome::Failed),
            (&["spf-missing"], "SCAN-SPF", Outcome::Score(0)),
            (&["spf-pass-all"], "SCAN-SPF", Outcome::Score(1)),
            (&["spf-syntax-error"], "SCAN-SPF", Outcome::Score(1)),
            (&["spf-softfail-all"], "SCAN-SPF", Outcome::Score(3)),
            (&["spf-lookup-error"], "SCAN-SPF", Outcome::Failed),
            (&["check-timeout"], "SCAN-SPF", Outcome::Failed),
            (&["dmarc-missing"], "SCAN-DMARC", Outcome::Score(0)),
            (&["dmarc-policy-none"], "SCAN-DMARC", Outcome::Score(2)),
            (&["dmarc-policy-quarantine", "dmarc-pct-partial"], "SCAN-DMARC", Outcome::Score(3)),
            (&["dmarc-policy-quarantine", "dmarc-no-rua"], "SCAN-DMARC", Outcome::Score(3)),
            (&["dmarc-policy-quarantine"], "SCAN-DMARC", Outcome::Score(4)),
            // Reject without reports is still 4: the band names reject alone.
            (&["dmarc-no-rua"], "SCAN-DMARC", Outcome::Score(4)),
            (&["https-no-redirect"], "SCAN-TLS", Outcome::Score(0)),
            (&["https-no-redirect"], "SCAN-HSTS", Outcome::Score(4)),
            (&["https-cert-expired"], "SCAN-HSTS", Outcome::Score(0)),
            (&["https-hsts-missing"], "SCAN-HSTS", Outcome::Score(0)),
            (&["https-legacy-tls-enabled"], "SCAN-TLS", Outcome::Score(4)),
        ];
        for (codes, source, want) in rows {
            assert_eq!(outcome(&line(codes, ALL), source), Some(*want), "{codes:?} -> {source}");
        }
    }

    #[test]
    fn what_the_checker_did_not_run_or_measure_gives_no_observation() {
        let no_https = line(&["dnssec-secure"], &["dnssec", "spf", "dmarc"]);
        assert_eq!(outcome(&no_https, "SCAN-TLS"), None);
        for unmeasured in ["SCAN-MX-TLS", "SCAN-SECTXT", "SCAN-EXPOSE"] {
            assert_eq!(outcome(&line(&[], ALL), unmeasured), None, "{unmeasured}");
        }
    }

    #[test]
    fn an_unchecked_domain_fails_rather_than_scores_zero() {
        let mut broken = line(&[], &[]);
        broken.error = Some("timeout".into());
        assert!(scores(&broken).iter().all(|(_, o)| *o == Outcome::Failed));
        assert!(scores(&line(&["domain-nxdomain"], ALL)).iter().all(|(_, o)| *o == Outcome::Failed));
    }

    #[test]
    fn the_report_time_wins_over_the_fallback() {
        let mut dated = line(&["dnssec-secure"], ALL);
        let at = DateTime::parse_from_rfc3339("2026-12-01T08:00:00Z").map(|t| t.to_utc()).ok();
        dated.checked_at = at;
        assert!(observations(&dated, DateTime::UNIX_EPOCH).iter().all(|o| Some(o.at) == at));
    }
}
