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
    /// Plain explanation.
    pub message: String,
    /// What to do about it.
    pub remediation: String,
    /// The raw record, certificate fact or lookup outcome that shows it.
    pub evidence: String,
}

struct Entry {
    code: &'static str,
    section: Section,
    severity: Severity,
    message: &'static str,
    remediation: &'static str,
}

macro_rules! catalogue {
    ($( $code:literal, $sec:ident, $sev:ident, $msg:literal, $fix:literal; )*) => {
        const CATALOGUE: &[Entry] = &[ $( Entry {
            code: $code, section: Section::$sec, severity: Severity::$sev,
            message: $msg, remediation: $fix,
        }, )* ];
    };
}

catalogue! {
    "domain-invalid", General, Error, "The name given is not a valid domain name.", "Check the spelling; internationalised names are accepted and converted.";
    "domain-nxdomain", General, Error, "The domain does not exist in the DNS (NXDOMAIN); every other result follows from that.", "Check the spelling, or register and delegate the domain.";
    "check-timeout", General, Error, "This part of the check did not finish within the time budget, so its result is unknown.", "Retry; if it keeps happening the domain's name servers are slow or unreachable.";
    "dnssec-missing", Dnssec, Error, "The domain is not signed with DNSSEC (the delegation is provably insecure), so resolvers cannot detect forged answers.", "Sign the zone at your DNS operator and publish the DS record at your registrar.";
    "dnssec-bogus", Dnssec, Error, "DNSSEC validation fails: validating resolvers will refuse to answer for this domain, so mail and web break for most users.", "Re-sign the zone, or fix the DS record at the registrar; check the evidence for the exact failure.";
    "dnssec-signature-expired", Dnssec, Error, "The DNSSEC signatures have expired (or are not yet valid); validating resolvers treat the domain as bogus.", "Re-sign the zone and make sure automatic re-signing runs well before signatures expire.";
    "dnssec-ds-mismatch", Dnssec, Error, "The DS record at the parent matches no DNSKEY of the zone: the chain of trust is broken and the domain is bogus.", "Publish a DS that matches the current key-signing key (or roll the key back) at the registrar.";
    "dnssec-bad-signature", Dnssec, Error, "A DNSSEC signature does not verify with the zone's keys: the data was altered or signed with another key, and the domain is bogus.", "Re-sign the zone with the keys it publishes; check that every name server serves the same signed zone.";
    "dnssec-missing-signature", Dnssec, Error, "Signed data comes without its DNSSEC signature: validating resolvers treat the domain as bogus.", "Re-sign the zone and check that every name server serves the signed version.";
    "dnssec-unproven-denial", Dnssec, Error, "A negative answer (no DS, no such name) comes without a valid NSEC/NSEC3 proof, so the chain of trust cannot be followed and the domain is bogus.", "Re-sign the zone so that NSEC or NSEC3 records are published and signed; check the parent zone if the DS proof is missing.";
    "dnssec-no-trust-anchor", Dnssec, Error, "The root keys match no configured trust anchor, so nothing can be validated (a problem of the checker's configuration or of the resolver's answers, not of this domain).", "Check the trust anchor given to the checker and the resolver it uses.";
    "dnssec-indeterminate", Dnssec, Error, "The DNSSEC status could not be determined because a lookup failed; this is not the same as unsigned.", "Retry; check that the name servers answer DS and DNSKEY queries over UDP and TCP.";
    "dnssec-secure", Dnssec, Info, "The domain validates with DNSSEC from the trust anchor down.", "Nothing to do; keep automatic signing in place.";
    "spf-missing", Spf, Error, "No SPF record: anyone can send mail claiming to come from this domain and receivers cannot tell.", "Publish a TXT record such as \"v=spf1 mx -all\" listing the servers that send your mail.";
    "spf-multiple-records", Spf, Error, "More than one SPF record: receivers must treat this as a permanent error and ignore SPF altogether.", "Merge them into a single \"v=spf1 ...\" TXT record.";
    "spf-syntax-error", Spf, Error, "The SPF record does not follow RFC 7208 syntax; receivers treat it as a permanent error.", "Fix the term shown in the evidence.";
    "spf-pass-all", Spf, Error, "The SPF record ends in \"+all\": every server on the internet is authorised to send as this domain.", "End the record with \"-all\" (or \"~all\" while testing).";
    "spf-neutral-all", Spf, Warning, "The SPF record ends in \"?all\", which says nothing about unlisted senders.", "End the record with \"-all\".";
    "spf-softfail-all", Spf, Info, "The SPF record ends in \"~all\" (soft fail); with DMARC enforcement this is acceptable, \"-all\" is stricter.", "Consider \"-all\" once all senders are listed.";
    "spf-no-all", Spf, Warning, "The SPF record has no \"all\" mechanism and no redirect, so unlisted senders get a neutral result.", "End the record with \"-all\".";
    "spf-ptr-mechanism", Spf, Warning, "The SPF record uses \"ptr\", which RFC 7208 says not to use: it is slow, unreliable and may be ignored.", "Replace ptr with ip4/ip6/a/mx mechanisms.";
    "spf-too-many-lookups", Spf, Error, "Evaluating the SPF record takes more than 10 DNS-querying terms (include, a, mx, ptr, exists, redirect); receivers return a permanent error.", "Flatten includes or remove unused ones so at most 10 lookups remain.";
    "spf-too-many-void-lookups", Spf, Error, "More than 2 lookups in the SPF evaluation return no data or NXDOMAIN; receivers return a permanent error.", "Remove mechanisms that point at names without records.";
    "spf-include-no-record", Spf, Error, "An include points at a domain without an SPF record, which is a permanent error.", "Remove the include or fix the target domain's SPF record.";
    "spf-include-loop", Spf, Error, "The SPF includes or redirects form a loop.", "Remove the include or redirect that points back.";
    "spf-lookup-error", Spf, Error, "The SPF record (or a record it refers to) could not be looked up; the result is unknown, not missing.", "Check that the name servers answer TXT queries; retry.";
    "spf-redirect-ignored", Spf, Info, "The record has both \"all\" and \"redirect=\"; the redirect is never used.", "Remove one of them.";
    "dmarc-missing", Dmarc, Error, "No DMARC record: receivers have no policy for mail that fails SPF and DKIM, and you get no reports.", "Publish \"v=DMARC1; p=reject; rua=mailto:...\" at _dmarc.<domain> (start with p=none only while collecting reports).";
    "dmarc-multiple-records", Dmarc, Error, "More than one DMARC record: receivers must ignore DMARC altogether.", "Keep exactly one \"v=DMARC1\" TXT record at _dmarc.";
    "dmarc-syntax-error", Dmarc, Error, "The DMARC record does not follow RFC 7489 syntax.", "Fix the tag shown in the evidence.";
    "dmarc-policy-none", Dmarc, Error, "The DMARC policy is p=none: failing mail is delivered as usual, so spoofing is not stopped.", "Move to p=quarantine and then p=reject once reports show legitimate mail passes.";
    "dmarc-policy-quarantine", Dmarc, Info, "The DMARC policy is p=quarantine; p=reject is the strongest protection.", "Move to p=reject when reports allow.";
    "dmarc-subdomain-policy-none", Dmarc, Warning, "The subdomain policy is sp=none: spoofed mail from invented subdomains is delivered.", "Set sp=reject (or remove sp to inherit p).";
    "dmarc-pct-partial", Dmarc, Warning, "pct is below 100: the policy applies to only part of the failing mail.", "Set pct=100 (or remove pct).";
    "dmarc-no-rua", Dmarc, Warning, "No rua= aggregate report address: you will not see who sends mail as your domain.", "Add rua=mailto:dmarc-reports@<your domain>.";
    "dmarc-rua-external-unauthorized", Dmarc, Warning, "A report address is in another organisation's domain that has not authorised it (RFC 7489 7.1); receivers will not send those reports.", "Ask the destination to publish \"v=DMARC1\" at <your domain>._report._dmarc.<their domain>.";
    "dmarc-inherited-from-org-domain", Dmarc, Info, "This domain has no DMARC record of its own; the organisational domain's record applies.", "Nothing is required; publish one here to set a different policy.";
    "dmarc-lookup-error", Dmarc, Error, "The DMARC record could not be looked up; the result is unknown, not missing.", "Check that the name servers answer TXT queries for _dmarc; retry.";
    "dkim-missing", Dkim, Warning, "No DKIM key was found under the selectors tried; without DKIM, DMARC relies on SPF alone, which breaks on forwarding.", "Sign outgoing mail with DKIM and publish the key; pass your selector with --dkim-selector.";
    "dkim-key-malformed", Dkim, Error, "A DKIM key record does not follow RFC 6376 or its key cannot be decoded; signatures made with it fail.", "Republish the record from your mail system's DKIM setup.";
    "dkim-key-revoked", Dkim, Info, "A DKIM selector has an empty key (p=): the key is revoked.", "Nothing, if the selector is retired; otherwise publish the current key.";
    "dkim-key-too-short", Dkim, Error, "A DKIM RSA key is shorter than 1024 bits and can be factored; receivers ignore such signatures.", "Generate a 2048-bit RSA (or Ed25519 alongside RSA) key and rotate.";
    "dkim-key-weak", Dkim, Warning, "A DKIM RSA key is shorter than 2048 bits.", "Rotate to a 2048-bit RSA key.";
    "dkim-testing-mode", Dkim, Warning, "A DKIM key is in testing mode (t=y): receivers may treat its signatures as unsigned.", "Remove t=y once signing works.";
    "dkim-lookup-error", Dkim, Warning, "A DKIM selector could not be looked up; the result is unknown.", "Retry; check the name servers.";
    "mx-null", MailTransport, Info, "The domain publishes a null MX (RFC 7505): it declares it receives no mail; no-mail rules apply.", "Nothing; also publish \"v=spf1 -all\" and DMARC p=reject.";
    "mx-missing", MailTransport, Info, "No MX record: mail falls back to the domain's address records.", "Publish MX records, or a null MX (\"MX 0 .\") if the domain takes no mail.";
    "mx-lookup-error", MailTransport, Error, "The MX records could not be looked up; the result is unknown.", "Check that the name servers answer MX queries.";
    "mx-host-unresolvable", MailTransport, Warning, "An MX host has no address records; mail to it fails.", "Fix the MX target or its A/AAAA records.";
    "mta-sts-missing", MailTransport, Warning, "No MTA-STS record: senders cannot insist on authenticated TLS to your MX hosts.", "Publish _mta-sts TXT \"v=STSv1; id=...\" and a policy at https://mta-sts.<domain>/.well-known/mta-sts.txt.";
    "mta-sts-syntax-error", MailTransport, Error, "The MTA-STS TXT record or policy file does not follow RFC 8461.", "Fix the field shown in the evidence.";
    "mta-sts-mode-testing", MailTransport, Warning, "The MTA-STS policy is in testing mode: failures are reported but not enforced.", "Switch to mode: enforce once TLS reports are clean.";
    "mta-sts-mx-mismatch", MailTransport, Error, "An MX host is not covered by the MTA-STS policy's mx: patterns; enforcing senders will refuse to deliver to it.", "Add the MX host (or a matching *.pattern) to the policy.";
    "mta-sts-policy-unreachable", MailTransport, Error, "The MTA-STS policy could not be fetched over validated HTTPS, so the policy is not in force.", "Serve the policy at https://mta-sts.<domain>/.well-known/mta-sts.txt with a valid certificate.";
    "mta-sts-lookup-error", MailTransport, Warning, "The MTA-STS record could not be looked up; the result is unknown.", "Retry; check the name servers.";
    "tls-rpt-missing", MailTransport, Info, "No TLS-RPT record: you will not hear about failed TLS deliveries.", "Publish _smtp._tls TXT \"v=TLSRPTv1; rua=mailto:...\".";
    "tls-rpt-syntax-error", MailTransport, Warning, "The TLS-RPT record does not follow RFC 8460.", "Fix the record shown in the evidence.";
    "tlsa-missing", MailTransport, Info, "No TLSA (DANE) record for this host; with DNSSEC in place DANE lets senders authenticate it.", "Publish a TLSA \"3 1 1\" record for the service.";
    "tlsa-mismatch", Https, Error, "The TLSA record matches none of the certificates the server presents: DANE clients will refuse the connection.", "Update the TLSA record to the current certificate or key (publish the new one before a rollover).";
    "tlsa-lookup-error", MailTransport, Warning, "A TLSA record could not be looked up; the result is unknown.", "Retry; check the name servers.";
    "caa-missing", Caa, Info, "No CAA record: any certificate authority may issue certificates for this domain.", "Publish CAA \"0 issue \\\"your-ca.example\\\"\" for the CAs you use.";
    "caa-unknown-critical-tag", Caa, Error, "A CAA record carries the critical flag with a tag CAs do not know; every CA must refuse to issue.", "Remove the critical flag or the unknown tag.";
    "caa-lookup-error", Caa, Warning, "The CAA records could not be looked up; CAs also refuse to issue when this fails.", "Check that the name servers answer CAA queries.";
    "https-unreachable", Https, Error, "The website does not answer HTTPS on port 443.", "Serve the site over HTTPS.";
    "https-address-refused", Https, Error, "The website's name resolves to a loopback, private or otherwise special-purpose address: it is not reachable from the internet, and the hub does not connect there.", "Publish only public addresses (A and AAAA) for the name.";
    "https-modern-tls-missing", Https, Error, "The server offers neither TLS 1.3 nor TLS 1.2.", "Enable TLS 1.2 and TLS 1.3.";
    "https-tls13-missing", Https, Warning, "The server does not offer TLS 1.3.", "Enable TLS 1.3.";
    "https-legacy-tls-enabled", Https, Error, "The server still accepts TLS 1.0 or 1.1, which are deprecated (RFC 8996).", "Disable TLS 1.0 and 1.1.";
    "https-cert-expired", Https, Error, "The certificate has expired or is not yet valid.", "Renew the certificate and automate renewal.";
    "https-cert-expiring", Https, Warning, "The certificate expires within 14 days.", "Renew the certificate now and automate renewal.";
    "https-cert-hostname-mismatch", Https, Error, "The certificate is not valid for this host name.", "Issue a certificate that names this host.";
    "https-cert-untrusted", Https, Error, "The certificate does not chain to a trusted root.", "Use a certificate from a publicly trusted CA.";
    "https-cert-chain-incomplete", Https, Error, "The server does not send the intermediate certificate(s), so many clients cannot build the chain.", "Configure the full chain (leaf plus intermediates).";
    "https-hsts-missing", Https, Warning, "No Strict-Transport-Security header (or max-age under one year): browsers may be downgraded to HTTP.", "Send Strict-Transport-Security: max-age=31536000.";
    "https-no-redirect", Https, Warning, "Plain HTTP does not redirect to HTTPS.", "Redirect every http:// request to https:// with 301.";
}

/// Build a finding from the catalogue. Unknown codes are a programming error caught by tests;
/// at run time they degrade to a generic text rather than panic.
pub fn finding(code: &str, evidence: impl Into<String>) -> Finding {
    let e = CATALOGUE.iter().find(|e| e.code == code);
    Finding {
        code: code.to_string(),
        severity: e.map_or(Severity::Error, |e| e.severity),
        section: e.map_or(Section::General, |e| e.section),
        message: e.map_or("Unknown finding.", |e| e.message).to_string(),
        remediation: e.map_or("", |e| e.remediation).to_string(),
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
