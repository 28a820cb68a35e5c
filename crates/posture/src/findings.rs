//! The finding catalogue: every stable code with its section, severity, explanation and remedy.
//!
//! Texts live here, in one table, so that reports stay consistent and the codes stay stable.

use serde::{Deserialize, Serialize};

/// How bad a finding is. `Error` is a "must" in internet.nl terms, `Warning` a "should",
/// `Info` context that costs nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational.
    Info,
    /// A recommendation.
    Warning,
    /// A requirement that is not met.
    Error,
}

/// The report sections, each scored on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Section {
    /// DNSSEC chain of trust.
    Dnssec,
    /// SPF.
    Spf,
    /// DMARC.
    Dmarc,
    /// DKIM keys.
    Dkim,
    /// MX, MTA-STS, TLS-RPT and DANE for mail.
    MailTransport,
    /// CAA.
    Caa,
    /// The website over HTTPS, with DANE for it.
    Https,
    /// The check itself (budget, input).
    General,
}

impl Section {
    /// All scored sections, in report order.
    pub const ALL: [Section; 7] =
        [Section::Dnssec, Section::Spf, Section::Dmarc, Section::Dkim, Section::MailTransport, Section::Caa, Section::Https];

    /// Display name.
    pub fn title(self) -> &'static str {
        match self {
            Section::Dnssec => "DNSSEC",
            Section::Spf => "SPF",
            Section::Dmarc => "DMARC",
            Section::Dkim => "DKIM",
            Section::MailTransport => "Mail transport (MX, MTA-STS, TLS-RPT, DANE)",
            Section::Caa => "CAA",
            Section::Https => "HTTPS",
            Section::General => "General",
        }
    }
}

/// One result of a check: data, not an error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable code, e.g. `spf-pass-all`.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// Section it belongs to.
    pub section: Section,
    /// What the finding means, in the reader's language. The library leaves it empty: each face
    /// (CLI, API, portal) fills it from the catalogues (`posture-<code>`).
    #[serde(default)]
    pub message: String,
    /// What to do about it, from the catalogues as well (`posture-<code>-fix`).
    #[serde(default)]
    pub remediation: String,
    /// The raw record, certificate fact or lookup outcome that shows it.
    pub evidence: String,
}

struct Entry {
    code: &'static str,
    section: Section,
    severity: Severity,
}

/// Every finding code with its section and severity. The sentences (what it means, what to do)
/// are in the message catalogues, one pair per code in each language.
macro_rules! catalogue {
    ($( $code:literal, $sec:ident, $sev:ident; )*) => {
        const CATALOGUE: &[Entry] = &[ $( Entry {
            code: $code, section: Section::$sec, severity: Severity::$sev,
        }, )* ];
    };
}

catalogue! {
    "domain-invalid", General, Error;
    "domain-nxdomain", General, Error;
    "check-timeout", General, Error;
    "dnssec-missing", Dnssec, Error;
    "dnssec-bogus", Dnssec, Error;
    "dnssec-signature-expired", Dnssec, Error;
    "dnssec-ds-mismatch", Dnssec, Error;
    "dnssec-bad-signature", Dnssec, Error;
    "dnssec-missing-signature", Dnssec, Error;
    "dnssec-unproven-denial", Dnssec, Error;
    "dnssec-no-trust-anchor", Dnssec, Error;
    "dnssec-indeterminate", Dnssec, Error;
    "dnssec-secure", Dnssec, Info;
    "spf-missing", Spf, Error;
    "spf-multiple-records", Spf, Error;
    "spf-syntax-error", Spf, Error;
    "spf-pass-all", Spf, Error;
    "spf-neutral-all", Spf, Warning;
    "spf-softfail-all", Spf, Info;
    "spf-no-all", Spf, Warning;
    "spf-ptr-mechanism", Spf, Warning;
    "spf-too-many-lookups", Spf, Error;
    "spf-too-many-void-lookups", Spf, Error;
    "spf-include-no-record", Spf, Error;
    "spf-include-loop", Spf, Error;
    "spf-lookup-error", Spf, Error;
    "spf-redirect-ignored", Spf, Info;
    "dmarc-missing", Dmarc, Error;
    "dmarc-multiple-records", Dmarc, Error;
    "dmarc-syntax-error", Dmarc, Error;
    "dmarc-policy-none", Dmarc, Error;
    "dmarc-policy-quarantine", Dmarc, Info;
    "dmarc-subdomain-policy-none", Dmarc, Warning;
    "dmarc-pct-partial", Dmarc, Warning;
    "dmarc-no-rua", Dmarc, Warning;
    "dmarc-rua-external-unauthorized", Dmarc, Warning;
    "dmarc-inherited-from-org-domain", Dmarc, Info;
    "dmarc-lookup-error", Dmarc, Error;
    "dkim-missing", Dkim, Warning;
    "dkim-key-malformed", Dkim, Error;
    "dkim-key-revoked", Dkim, Info;
    "dkim-key-too-short", Dkim, Error;
    "dkim-key-weak", Dkim, Warning;
    "dkim-testing-mode", Dkim, Warning;
    "dkim-lookup-error", Dkim, Warning;
    "mx-null", MailTransport, Info;
    "mx-missing", MailTransport, Info;
    "mx-lookup-error", MailTransport, Error;
    "mx-host-unresolvable", MailTransport, Warning;
    "mta-sts-missing", MailTransport, Warning;
    "mta-sts-syntax-error", MailTransport, Error;
    "mta-sts-mode-testing", MailTransport, Warning;
    "mta-sts-mx-mismatch", MailTransport, Error;
    "mta-sts-policy-unreachable", MailTransport, Error;
    "mta-sts-lookup-error", MailTransport, Warning;
    "tls-rpt-missing", MailTransport, Info;
    "tls-rpt-syntax-error", MailTransport, Warning;
    "tlsa-missing", MailTransport, Info;
    "tlsa-mismatch", Https, Error;
    "tlsa-lookup-error", MailTransport, Warning;
    "caa-missing", Caa, Info;
    "caa-unknown-critical-tag", Caa, Error;
    "caa-lookup-error", Caa, Warning;
    "https-unreachable", Https, Error;
    "https-address-refused", Https, Error;
    "https-modern-tls-missing", Https, Error;
    "https-tls13-missing", Https, Warning;
    "https-legacy-tls-enabled", Https, Error;
    "https-cert-expired", Https, Error;
    "https-cert-expiring", Https, Warning;
    "https-cert-hostname-mismatch", Https, Error;
    "https-cert-untrusted", Https, Error;
    "https-cert-chain-incomplete", Https, Error;
    "https-hsts-missing", Https, Warning;
    "https-no-redirect", Https, Warning;
}

/// Build a finding from the catalogue. Unknown codes are a programming error caught by tests;
/// at run time they degrade to a generic text rather than panic.
pub fn finding(code: &str, evidence: impl Into<String>) -> Finding {
    let e = CATALOGUE.iter().find(|e| e.code == code);
    Finding {
        code: code.to_string(),
        severity: e.map_or(Severity::Error, |e| e.severity),
        section: e.map_or(Section::General, |e| e.section),
        message: String::new(),
        remediation: String::new(),
        evidence: evidence.into(),
    }
}

/// Codes that say why another finding holds, with that finding: a bogus chain of trust is
/// reported as `dnssec-bogus` plus its reason. A reason is shown and checked like any finding but
/// is not a second failure: scores count the finding it refines once.
const REFINES: &[(&str, &str)] = &[
    ("dnssec-signature-expired", "dnssec-bogus"),
    ("dnssec-ds-mismatch", "dnssec-bogus"),
    ("dnssec-bad-signature", "dnssec-bogus"),
    ("dnssec-missing-signature", "dnssec-bogus"),
    ("dnssec-unproven-denial", "dnssec-bogus"),
    ("dnssec-no-trust-anchor", "dnssec-bogus"),
];

/// The finding `code` gives the reason for, if it is a reason.
pub fn refines(code: &str) -> Option<&'static str> {
    REFINES.iter().find(|(c, _)| *c == code).map(|(_, parent)| *parent)
}

/// Every code in the catalogue (for documentation and tests).
pub fn codes() -> impl Iterator<Item = &'static str> {
    CATALOGUE.iter().map(|e| e.code)
}

/// True when `code` is in the catalogue.
pub fn is_known(code: &str) -> bool {
    CATALOGUE.iter().any(|e| e.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in codes() {
            assert!(seen.insert(c), "duplicate {c}");
            assert!(c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'), "{c}");
        }
        assert!(seen.len() > 60);
    }

    #[test]
    fn issue_codes_are_all_present() {
        for c in "caa-missing caa-unknown-critical-tag dkim-key-malformed dkim-key-revoked dkim-key-too-short dkim-missing dkim-testing-mode dmarc-inherited-from-org-domain dmarc-missing dmarc-multiple-records dmarc-no-rua dmarc-pct-partial dmarc-policy-none dmarc-policy-quarantine dmarc-rua-external-unauthorized dmarc-subdomain-policy-none dmarc-syntax-error dnssec-bogus dnssec-ds-mismatch dnssec-missing dnssec-signature-expired https-cert-chain-incomplete https-cert-expired https-cert-hostname-mismatch https-cert-untrusted https-hsts-missing https-legacy-tls-enabled https-modern-tls-missing https-no-redirect https-unreachable mta-sts-missing mta-sts-mode-testing mta-sts-mx-mismatch mta-sts-policy-unreachable mta-sts-syntax-error spf-include-no-record spf-missing spf-multiple-records spf-neutral-all spf-no-all spf-pass-all spf-ptr-mechanism spf-softfail-all spf-syntax-error spf-too-many-lookups spf-too-many-void-lookups tls-rpt-missing tls-rpt-syntax-error tlsa-mismatch tlsa-missing".split(' ') {
            assert!(is_known(c), "{c} missing from catalogue");
        }
    }

    #[test]
    fn reasons_refine_known_codes_of_their_section() {
        for (reason, parent) in REFINES {
            let (r, p) = (finding(reason, ""), finding(parent, ""));
            assert!(is_known(reason) && is_known(parent), "{reason} -> {parent}");
            assert_eq!(r.section, p.section, "{reason}");
        }
        assert_eq!(refines("dnssec-ds-mismatch"), Some("dnssec-bogus"));
        assert_eq!(refines("dnssec-bogus"), None);
    }

    #[test]
    fn unknown_code_does_not_panic() {
        let f = finding("no-such-code", "x");
        assert_eq!(f.section, Section::General);
    }
}
