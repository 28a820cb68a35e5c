//! posture: DNS, mail and TLS security checks for one domain -> `Report { findings, score }`.
//!
//! `check(domain, &config)` queries one configured recursive resolver (with CD set, validating
//! DNSSEC itself from a trust anchor), judges SPF, DMARC, DKIM, MX/MTA-STS/TLS-RPT, CAA, DANE and
//! HTTPS, and returns findings as data with stable codes. `Checker` keeps a DNSSEC cache across
//! a batch. Reports are Serialize + Deserialize so a hub can store them and compute
//! `regressions(old, new)`.

pub mod caa;
pub mod dkim;
pub mod dmarc;
pub mod dns;
pub mod dnssec;
pub mod findings;
pub mod http;
pub mod https;
pub mod mail;
pub mod score;
pub mod spf;

use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

pub use findings::{Finding, Section, Severity};
pub use score::SectionScore;

/// Errors of this crate: bad input or configuration. Posture problems are findings, not errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The domain is not a valid name.
    #[error("invalid domain {input:?}: {reason}")]
    InvalidDomain {
        /// What was given.
        input: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The trust anchor file could not be read or parsed.
    #[error("trust anchor file: {0}")]
    TrustAnchor(String),
    /// The CA file could not be read or parsed.
    #[error("CA file: {0}")]
    CaFile(String),
}

/// Check settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// The recursive resolver to query.
    pub resolver: SocketAddr,
    /// DNSSEC root trust anchors (IANA by default).
    pub trust_anchors: dnssec::TrustAnchors,
    /// Roots for HTTPS (webpki roots by default).
    pub trust: http::Trust,
    /// DKIM selectors to try besides the common ones.
    pub dkim_selectors: Vec<String>,
    /// Run the website HTTPS checks and fetch MTA-STS policies.
    pub https: bool,
    /// HTTPS port (443; the lab uses others).
    pub https_port: u16,
    /// HTTP port (80; the lab uses others).
    pub http_port: u16,
    /// Time budget per domain.
    pub budget: Duration,
    /// Timeout per DNS attempt.
    pub query_timeout: Duration,
    /// Timeout per HTTPS connection.
    pub connect_timeout: Duration,
    /// What the outbound guard (the `outbound` crate) lets the HTTPS and MTA-STS fetches reach. The
    /// default refuses loopback too; only tests against servers on 127.0.0.1 allow it.
    pub outbound: outbound::GuardPolicy,
}

impl Config {
    /// Defaults for `resolver`.
    pub fn new(resolver: SocketAddr) -> Self {
        Config {
            resolver,
            trust_anchors: dnssec::TrustAnchors::iana(),
            trust: http::Trust::webpki(),
            dkim_selectors: Vec::new(),
            https: true,
            https_port: 443,
            http_port: 80,
            budget: Duration::from_secs(20),
            query_timeout: Duration::from_millis(1500),
            connect_timeout: Duration::from_secs(5),
            outbound: outbound::GuardPolicy::default(),
        }
    }

    /// Replace the trust anchors with a file of root DS or DNSKEY records.
    pub fn trust_anchor_file(mut self, path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::TrustAnchor(format!("{}: {e}", path.display())))?;
        self.trust_anchors = dnssec::TrustAnchors::parse(&text).map_err(Error::TrustAnchor)?;
        Ok(self)
    }

    /// Replace the HTTPS roots with the PEM certificates in `path`.
    pub fn ca_file(mut self, path: &Path) -> Result<Self, Error> {
        let pem = std::fs::read(path).map_err(|e| Error::CaFile(format!("{}: {e}", path.display())))?;
        self.trust = http::Trust::from_pem(&pem).map_err(Error::CaFile)?;
        Ok(self)
    }
}

/// The posture of one domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// The domain checked (A-label form, no trailing dot).
    pub domain: String,
    /// When the check ran (RFC 3339).
    pub checked_at: String,
    /// DNSSEC outcome.
    pub dnssec: dnssec::Status,
    /// Whether the domain declares it takes no mail (null MX).
    pub no_mail: bool,
    /// Findings, by section then severity.
    pub findings: Vec<Finding>,
    /// Per-section scores.
    pub sections: Vec<SectionScore>,
    /// Overall score 0-100.
    pub score: u8,
    /// Letter grade.
    pub grade: String,
    /// The .post verdict.
    pub dotpost_compliant: bool,
    /// The .post rules broken, if any.
    pub dotpost_failures: Vec<String>,
    /// Wall time of the check.
    pub elapsed_ms: u64,
}

/// Findings in `new` whose code did not occur in `old` (warnings and errors only): regressions.
pub fn regressions(old: &Report, new: &Report) -> Vec<Finding> {
    new.findings.iter().filter(|f| f.severity >= Severity::Warning && !old.findings.iter().any(|o| o.code == f.code)).cloned().collect()
}

/// A checker for batches: shares the DNSSEC cache between domains.
#[derive(Debug, Clone)]
pub struct Checker {
    config: Config,
    client: dns::Client,
    cache: dnssec::Cache,
    rules: score::RuleSet,
}

/// Check one domain.
pub async fn check(domain: &str, config: &Config) -> Result<Report, Error> {
    Checker::new(config.clone()).check(domain).await
}

impl Checker {
    /// The TXT records at `label.domain` through the configured resolver (the readiness domain
    /// proofs use this, so that a proof is read by the same resolver as the scans).
    pub async fn txt_under(&self, label: &str, domain: &str) -> Result<dns::Lookup, String> {
        let name = dns::parse_domain(domain)?;
        let name = dns::prefixed(label, &name).ok_or_else(|| format!("{label}.{domain} is not a valid name"))?;
        Ok(self.client.query(&name, hickory_proto::rr::RecordType::TXT).await)
    }

    /// New checker.
    pub fn new(config: Config) -> Self {
        let mut client = dns::Client::new(config.resolver);
        client.timeout = config.query_timeout;
        Checker { config, client, cache: dnssec::Cache::default(), rules: score::RuleSet::dotpost() }
    }

    /// What the MTA-STS policy fetch needs: the trust roots only when HTTPS checks are on.
    fn mail_ctx(&self) -> mail::Ctx<'_> {
        mail::Ctx {
            client: &self.client,
            trust: self.config.https.then_some(&self.config.trust),
            https_port: self.config.https_port,
            timeout: self.config.connect_timeout,
            outbound: self.config.outbound,
        }
    }

    fn https_ctx(&self) -> https::Ctx<'_> {
        https::Ctx {
            client: &self.client,
            trust: &self.config.trust,
            https_port: self.config.https_port,
            http_port: self.config.http_port,
            timeout: self.config.connect_timeout,
            outbound: self.config.outbound,
        }
    }

    /// Check `domain` within the configured budget.
    pub async fn check(&self, domain: &str) -> Result<Report, Error> {
        let name = dns::parse_domain(domain).map_err(|reason| Error::InvalidDomain { input: domain.to_string(), reason })?;
        let started = Instant::now();
        let deadline = tokio::time::Instant::now() + self.config.budget;
        let c = &self.client;
        let mut findings = Vec::new();
        let now = chrono::Utc::now();
        let now32 = now.timestamp() as u32;

        let (mx_state, mx_findings) = match tokio::time::timeout_at(deadline, mail::mx(c, &name)).await {
            Ok(r) => r,
            Err(_) => (mail::MxState::Unknown, vec![timeout(Section::MailTransport, "MX")]),
        };
        findings.extend(mx_findings);
        let no_mail = mx_state == mail::MxState::Null;
        let (mctx, hctx) = (self.mail_ctx(), self.https_ctx());
        let within = |s, what, f| within(deadline, s, what, f);
        let dnssec_fut = async {
            tokio::time::timeout_at(deadline, dnssec::check(c, &self.config.trust_anchors, &self.cache, &name, now32))
                .await
                .unwrap_or_else(|_| dnssec::Status::Indeterminate("time budget exhausted".into()))
        };
        let (status, spf, dmarc, dkim, sts, rpt, tlsa, caa, web) = tokio::join!(
            dnssec_fut,
            within(Section::Spf, "SPF", Box::pin(async { spf::check(c, &name).await.findings })),
            within(Section::Dmarc, "DMARC", Box::pin(async { dmarc::check(c, &name).await.findings })),
            within(Section::Dkim, "DKIM", Box::pin(dkim::check(c, &name, &self.config.dkim_selectors, no_mail))),
            within(
                Section::MailTransport,
                "MTA-STS",
                Box::pin(async { if no_mail { Vec::new() } else { mail::mta_sts(&mctx, &name, &mx_state).await } })
            ),
            within(Section::MailTransport, "TLS-RPT", Box::pin(async { if no_mail { Vec::new() } else { mail::tls_rpt(c, &name).await } })),
            within(Section::MailTransport, "TLSA", Box::pin(mail::mx_tlsa(c, &mx_state))),
            within(Section::Caa, "CAA", Box::pin(caa::check(c, &name))),
            within(
                Section::Https,
                "HTTPS",
                Box::pin(async { if self.config.https { https::check(&hctx, &name).await } else { Vec::new() } })
            ),
        );
        findings.extend(dnssec_findings(&status));
        for part in [spf, dmarc, dkim, sts, rpt, tlsa, caa, web] {
            findings.extend(part);
        }
        findings
            .sort_by(|a, b| (a.section, std::cmp::Reverse(a.severity), &a.code).cmp(&(b.section, std::cmp::Reverse(b.severity), &b.code)));
        findings.dedup();
        let ran: Vec<Section> = Section::ALL
            .iter()
            .copied()
            .filter(|s| *s != Section::Https || self.config.https)
            .filter(|s| *s != Section::Dkim || !no_mail)
            .collect();
        let (sections, score) = score::score(&findings, &ran);
        let failures = self.rules.failures(&findings, !no_mail, self.config.https);
        Ok(Report {
            domain: name.to_ascii().trim_end_matches('.').to_string(),
            checked_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            dnssec: status,
            no_mail,
            findings,
            sections,
            score,
            grade: score::grade(score).to_string(),
            dotpost_compliant: failures.is_empty(),
            dotpost_failures: failures,
            elapsed_ms: started.elapsed().as_millis() as u64,
        })
    }
}

async fn within(
    deadline: tokio::time::Instant,
    section: Section,
    what: &'static str,
    f: std::pin::Pin<Box<dyn std::future::Future<Output = Vec<Finding>> + Send + '_>>,
) -> Vec<Finding> {
    tokio::time::timeout_at(deadline, f).await.unwrap_or_else(|_| vec![timeout(section, what)])
}

fn timeout(section: Section, what: &str) -> Finding {
    let mut f = findings::finding("check-timeout", format!("{what}: time budget exhausted"));
    f.section = section;
    f
}

fn dnssec_findings(s: &dnssec::Status) -> Vec<Finding> {
    use dnssec::Status;
    let f = |code: &str, ev: &str| findings::finding(code, ev);
    match s {
        Status::Secure => vec![f("dnssec-secure", "chain of trust validated from the root trust anchor")],
        Status::Insecure(d) => vec![f("dnssec-missing", d)],
        Status::Indeterminate(d) => vec![f("dnssec-indeterminate", d)],
        // The owner hears both that the domain is bogus and exactly why.
        Status::Bogus(b) => vec![f("dnssec-bogus", b.detail()), f(b.code(), b.detail())],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(codes: &[&str]) -> Report {
        Report {
            domain: "example.post".into(),
            checked_at: String::new(),
            dnssec: dnssec::Status::Secure,
            no_mail: false,
            findings: codes.iter().map(|c| findings::finding(c, "")).collect(),
            sections: Vec::new(),
            score: 0,
            grade: String::new(),
            dotpost_compliant: false,
            dotpost_failures: Vec::new(),
            elapsed_ms: 0,
        }
    }

    #[test]
    fn regressions_are_new_non_info_codes() {
        let old = report(&["dmarc-no-rua", "caa-missing"]);
        let new = report(&["dmarc-no-rua", "spf-pass-all", "tls-rpt-missing"]);
        let r = regressions(&old, &new);
        assert_eq!(r.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(), vec!["spf-pass-all"]);
        assert!(regressions(&new, &new).is_empty());
    }

    #[test]
    fn report_round_trips_through_json() {
        let r = report(&["spf-missing"]);
        let j = serde_json::to_string(&r).unwrap_or_default();
        let back: Result<Report, _> = serde_json::from_str(&j);
        assert_eq!(back.ok(), Some(r));
    }

    #[test]
    fn a_bogus_chain_is_reported_as_bogus_with_its_reason() {
        use dnssec::{Bogus, Status};
        let cases = [
            (Bogus::SignatureExpired("x".into()), "dnssec-signature-expired"),
            (Bogus::DsMismatch("x".into()), "dnssec-ds-mismatch"),
            (Bogus::BadSignature("x".into()), "dnssec-bad-signature"),
            (Bogus::MissingSignature("x".into()), "dnssec-missing-signature"),
            (Bogus::UnprovenDenial("x".into()), "dnssec-unproven-denial"),
            (Bogus::NoTrustAnchor("x".into()), "dnssec-no-trust-anchor"),
        ];
        for (b, reason) in cases {
            let f = dnssec_findings(&Status::Bogus(b));
            assert_eq!(f.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(), ["dnssec-bogus", reason]);
            assert!(f.iter().all(|f| findings::is_known(&f.code) && f.evidence == "x"), "{f:?}");
        }
        let secure = dnssec_findings(&Status::Secure);
        assert_eq!(secure.iter().map(|f| f.code.as_str()).collect::<Vec<_>>(), ["dnssec-secure"]);
    }

    #[tokio::test]
    async fn invalid_domain_is_an_error_not_a_panic() {
        let cfg = Config::new(SocketAddr::from(([127, 0, 0, 1], 9)));
        assert!(matches!(check("exa mple..post", &cfg).await, Err(Error::InvalidDomain { .. })));
    }
}
