//! End-to-end posture checks against the real lab (NSD + Unbound + rustls web server).
//! Needs the packages in scripts/test-deps/posture.apt.

mod common;

use std::path::Path;

use common::Lab;
use posture::{Config, Report};

/// A stable rendering for golden files: everything but timings, keys and hashes.
fn render(r: &Report) -> String {
    let mut s = format!(
        "domain: {}\nscore: {} grade: {} dotpost: {}\ndnssec: {}\n",
        r.domain,
        r.score,
        r.grade,
        if r.dotpost_compliant { "compliant" } else { "NOT compliant" },
        match &r.dnssec {
            posture::dnssec::Status::Secure => "secure".to_string(),
            posture::dnssec::Status::Insecure(_) => "insecure".to_string(),
            posture::dnssec::Status::Bogus(b) =>
                format!("bogus ({})", serde_json::to_value(b).ok().and_then(|v| v["reason"].as_str().map(String::from)).unwrap_or_default()),
            posture::dnssec::Status::Indeterminate(_) => "indeterminate".to_string(),
        }
    );
    for sec in &r.sections {
        s += &format!("section {:?}: {}\n", sec.section, sec.score);
    }
    for f in &r.findings {
        s += &format!("{:?} {:?} {}\n", f.section, f.severity, f.code);
    }
    for fail in &r.dotpost_failures {
        s += &format!("rule {}\n", fail.split(':').next().unwrap_or(""));
    }
    s
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(format!("{name}.txt"));
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(actual, expected, "golden file {} differs (UPDATE_GOLDEN=1 to accept)", path.display());
}

async fn run(cfg: &Config, domain: &str) -> Report {
    posture::check(domain, cfg).await.unwrap_or_else(|e| panic!("{domain}: {e}"))
}

fn codes(r: &Report) -> Vec<&str> {
    r.findings.iter().map(|f| f.code.as_str()).collect()
}

/// (domain, codes that must be present, codes that must be absent)
type Case = (&'static str, &'static [&'static str], &'static [&'static str]);

async fn cases(cfg: &Config, table: &[Case]) {
    let mut failures = Vec::new();
    for (domain, present, absent) in table {
        let r = run(cfg, domain).await;
        let c = codes(&r);
        for p in *present {
            if !c.contains(p) {
                failures.push(format!("{domain}: expected {p}, got {c:?}"));
            }
        }
        for a in *absent {
            if c.contains(a) {
                let ev = r.findings.iter().find(|f| f.code == *a).map(|f| f.evidence.clone()).unwrap_or_default();
                failures.push(format!("{domain}: unexpected {a} ({ev})"));
            }
        }
        let name = if cfg.https { domain.to_string() } else { format!("{domain}.dns-only") };
        golden(&name, &render(&r));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn dns_only(lab: &Lab) -> Config {
    let mut c = lab.config();
    c.https = false;
    c
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn good_domain_is_compliant_with_everything() {
    let lab = Lab::start().await;
    let r = run(&lab.config(), "good.post").await;
    assert_eq!(r.dnssec, posture::dnssec::Status::Secure);
    let bad: Vec<_> = r.findings.iter().filter(|f| f.severity >= posture::Severity::Warning).collect();
    assert!(bad.is_empty(), "good.post has warnings/errors: {bad:#?}");
    assert!(r.dotpost_compliant, "{:?}", r.dotpost_failures);
    assert_eq!(r.score, 100);
    golden("good.post", &render(&r));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spf_postures() {
    let lab = Lab::start().await;
    let cfg = dns_only(&lab);
    cases(
        &cfg,
        &[
            ("spf-pass-all.post", &["spf-pass-all"], &["spf-missing"]),
            ("spf-neutral-all.post", &["spf-neutral-all"], &[]),
            ("spf-softfail-all.post", &["spf-softfail-all"], &["spf-pass-all"]),
            ("spf-no-all.post", &["spf-no-all"], &[]),
            ("spf-ptr.post", &["spf-ptr-mechanism"], &[]),
            ("spf-syntax.post", &["spf-syntax-error"], &["spf-no-all"]),
            ("spf-multi.post", &["spf-multiple-records"], &[]),
            // Exactly 10 DNS-querying terms is within the limit; 11 is not.
            ("spf-10.post", &[], &["spf-too-many-lookups", "spf-too-many-void-lookups"]),
            ("spf-11.post", &["spf-too-many-lookups"], &[]),
            // Two void lookups are allowed; three are not.
            ("spf-void-2.post", &[], &["spf-too-many-void-lookups"]),
            ("spf-void-3.post", &["spf-too-many-void-lookups"], &[]),
            ("spf-loop.post", &["spf-include-loop"], &[]),
            ("spf-include-none.post", &["spf-include-no-record"], &[]),
            // 120 ip4 terms: larger than a UDP answer, so this passes only with TCP fallback.
            ("spf-big.post", &[], &["spf-missing", "spf-lookup-error", "spf-syntax-error"]),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dmarc_postures() {
    let lab = Lab::start().await;
    let cfg = dns_only(&lab);
    cases(
        &cfg,
        &[
            ("dmarc-missing.post", &["dmarc-missing"], &["dmarc-lookup-error"]),
            ("dmarc-none.post", &["dmarc-policy-none"], &[]),
            ("dmarc-quarantine.post", &["dmarc-policy-quarantine"], &["dmarc-policy-none"]),
            ("dmarc-weak.post", &["dmarc-subdomain-policy-none", "dmarc-pct-partial", "dmarc-no-rua"], &[]),
            ("dmarc-syntax.post", &["dmarc-syntax-error"], &[]),
            // Tags without ";" between them: receivers ignore the record, but it is broken, not missing.
            ("dmarc-nosep.post", &["dmarc-syntax-error"], &["dmarc-missing", "dmarc-policy-none"]),
            ("dmarc-multi.post", &["dmarc-multiple-records"], &[]),
            ("sub.dmarc-inherit.post", &["dmarc-inherited-from-org-domain"], &["dmarc-missing"]),
            ("dmarc-external.post", &["dmarc-rua-external-unauthorized"], &[]),
            ("dmarc-external-ok.post", &[], &["dmarc-rua-external-unauthorized"]),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dkim_mx_caa_postures() {
    let lab = Lab::start().await;
    let cfg = dns_only(&lab);
    cases(
        &cfg,
        &[
            ("dkim-short.post", &["dkim-key-too-short"], &["dkim-missing"]),
            ("dkim-revoked.post", &["dkim-key-revoked"], &[]),
            ("dkim-testing.post", &["dkim-testing-mode"], &[]),
            ("dkim-malformed.post", &["dkim-key-malformed"], &[]),
            ("dkim-missing.post", &["dkim-missing"], &[]),
            // A no-mail domain is judged by no-mail rules: no DKIM, MTA-STS or TLS-RPT needed.
            ("nullmx.post", &["mx-null"], &["dkim-missing", "mta-sts-missing", "tls-rpt-missing", "spf-missing"]),
            ("mx-missing.post", &["mx-missing"], &[]),
            ("no-such-domain.post", &["domain-nxdomain"], &[]),
            ("caa-critical.post", &["caa-unknown-critical-tag"], &["caa-missing"]),
            ("caa-missing.post", &["caa-missing"], &[]),
            ("mta-sts-missing.post", &["mta-sts-missing", "tls-rpt-missing"], &[]),
            ("mta-sts-bad-txt.post", &["mta-sts-syntax-error", "tls-rpt-syntax-error"], &[]),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dnssec_postures() {
    let lab = Lab::start().await;
    let cfg = dns_only(&lab);
    cases(
        &cfg,
        &[
            ("good.post", &["dnssec-secure"], &["dnssec-missing", "dnssec-bogus"]),
            // Bogus, always with the reason beside it.
            ("dnssec-expired.post", &["dnssec-bogus", "dnssec-signature-expired"], &["dnssec-secure", "dnssec-missing"]),
            ("dnssec-dsmismatch.post", &["dnssec-bogus", "dnssec-ds-mismatch"], &["dnssec-secure", "dnssec-missing"]),
            ("dnssec-badsig.post", &["dnssec-bogus", "dnssec-bad-signature"], &["dnssec-secure", "dnssec-missing"]),
            // Proven unsigned through the NSEC3 of post.
            ("insecure.post", &["dnssec-missing"], &["dnssec-bogus", "dnssec-indeterminate"]),
            // A name inside a secure zone is secure too.
            ("sub.dmarc-inherit.post", &["dnssec-secure"], &[]),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idn_is_converted_and_checked() {
    let lab = Lab::start().await;
    let r = run(&dns_only(&lab), "BÜCHER.post.").await;
    assert_eq!(r.domain, "xn--bcher-kva.post");
    assert_eq!(r.dnssec, posture::dnssec::Status::Secure);
    assert!(r.dotpost_compliant, "{:?}", r.dotpost_failures);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_trust_anchor_makes_everything_bogus() {
    let lab = Lab::start().await;
    let mut cfg = dns_only(&lab);
    // The IANA anchors do not sign the lab root.
    cfg.trust_anchors = posture::dnssec::TrustAnchors::iana();
    let r = run(&cfg, "good.post").await;
    assert!(matches!(r.dnssec, posture::dnssec::Status::Bogus(posture::dnssec::Bogus::NoTrustAnchor(_))), "{:?}", r.dnssec);
    let c = codes(&r);
    assert!(c.contains(&"dnssec-bogus") && c.contains(&"dnssec-no-trust-anchor"), "{c:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_transport_and_https_postures() {
    let lab = Lab::start().await;
    let cfg = lab.config();
    cases(
        &cfg,
        &[
            ("mta-sts-testing.post", &["mta-sts-mode-testing"], &["mta-sts-policy-unreachable"]),
            ("mta-sts-mismatch.post", &["mta-sts-mx-mismatch"], &[]),
            ("https-expired.post", &["https-cert-expired"], &["https-unreachable"]),
            ("https-wrongname.post", &["https-cert-hostname-mismatch"], &[]),
            ("https-untrusted.post", &["https-cert-untrusted"], &[]),
            ("https-incomplete.post", &["https-cert-chain-incomplete"], &[]),
            ("https-nohsts.post", &["https-hsts-missing"], &[]),
            ("https-noredirect.post", &["https-no-redirect"], &[]),
            ("tlsa-mismatch.post", &["tlsa-mismatch"], &[]),
            ("good.post", &[], &["https-legacy-tls-enabled", "https-tls13-missing", "tlsa-mismatch", "mta-sts-policy-unreachable"]),
        ],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_are_errors_never_missing() {
    let lab = Lab::start().await;
    // lame.post is forwarded to a server that is down: Unbound answers SERVFAIL or times out.
    let mut cfg = dns_only(&lab);
    cfg.budget = std::time::Duration::from_secs(6);
    let r = run(&cfg, "lame.post").await;
    let c = codes(&r);
    for missing in ["spf-missing", "dmarc-missing", "dkim-missing", "caa-missing", "mta-sts-missing", "dnssec-missing"] {
        assert!(!c.contains(&missing), "lookup failure reported as {missing}: {c:?}");
    }
    assert!(c.contains(&"spf-lookup-error") && c.contains(&"dmarc-lookup-error"), "{c:?}");
    assert!(!r.dotpost_compliant);

    // A resolver that never answers: the budget holds and the result says "unknown".
    let dead = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    let mut cfg = dns_only(&lab);
    cfg.resolver = dead.local_addr().expect("addr");
    cfg.query_timeout = std::time::Duration::from_millis(100);
    cfg.budget = std::time::Duration::from_secs(2);
    let t = std::time::Instant::now();
    let r = run(&cfg, "good.post").await;
    assert!(t.elapsed() < std::time::Duration::from_secs(4), "budget not enforced: {:?}", t.elapsed());
    let c = codes(&r);
    assert!(c.contains(&"dnssec-indeterminate"), "{c:?}");
    assert!(!c.iter().any(|x| x.ends_with("-missing")), "{c:?}");
}

/// Every lab name resolves to 127.0.0.1. Without the test-only loopback allowance the outbound
/// guard refuses the address: the report says so, and neither the website nor the MTA-STS
/// policy host is connected to (listeners on the ports the checker would use see nothing).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_outbound_guard_refuses_loopback_before_connecting() {
    let lab = Lab::start().await;
    let https = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let http = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let mut cfg = lab.config();
    cfg.outbound = outbound::GuardPolicy::default();
    cfg.https_port = https.local_addr().expect("addr").port();
    cfg.http_port = http.local_addr().expect("addr").port();
    let r = run(&cfg, "good.post").await;
    let refused = r.findings.iter().find(|f| f.code == "https-address-refused").unwrap_or_else(|| panic!("{:#?}", r.findings));
    assert!(refused.evidence.contains("127.0.0.1 is a loopback address"), "{}", refused.evidence);
    let sts = r.findings.iter().find(|f| f.code == "mta-sts-policy-unreachable").unwrap_or_else(|| panic!("{:#?}", r.findings));
    assert!(sts.evidence.contains("does not connect to"), "{}", sts.evidence);
    assert!(!r.findings.iter().any(|f| f.evidence.contains("subject ")), "no certificate was seen: {:#?}", r.findings);
    // A connection the checker had opened would be waiting in the accept queue by now.
    for l in [&https, &http] {
        l.set_nonblocking(true).expect("nonblocking");
        match l.accept() {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            other => panic!("the checker connected to {:?}: {other:?}", l.local_addr()),
        }
    }
}
