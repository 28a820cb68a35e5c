//! `--live` checks: fetch a link and follow its redirects by hand, so that every hop's address
//! passes the SSRF guard ([`crate::ssrf::guard_all`]) before a connection is made and every hop is analysed.
//!
//! Bounded: at most [`LiveOptions::max_hops`] redirects, one time budget for the whole chain
//! (resolution included), and no body is read (the status and `Location` header are all we
//! need). Proxies from the environment are ignored: a proxy would connect to targets the guard
//! never saw. Each hop's connection is pinned to the address the guard approved, so a DNS answer
//! that changes between check and connect (rebinding) cannot reach an internal address.

use std::net::{IpAddr, SocketAddr};
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::parse::HostKind;
use crate::{CheckContext, Level, LinkError, Reason, SsrfRefusal, Verdict};

/// Limits and trust of a live fetch.
#[derive(Debug, Clone)]
pub struct LiveOptions {
    /// Allow 127.0.0.0/8 and ::1 (tests only); every other internal range stays refused.
    pub allow_loopback: bool,
    /// Redirects followed at most (the first request is not a redirect).
    pub max_hops: usize,
    /// Time for the whole chain: resolution, connections, TLS handshakes and headers.
    pub budget: Duration,
    /// Extra trusted roots in PEM (added to the webpki roots), e.g. from `--ca-file`.
    pub extra_roots_pem: Vec<Vec<u8>>,
}

impl Default for LiveOptions {
    fn default() -> Self {
        LiveOptions { allow_loopback: false, max_hops: 5, budget: Duration::from_secs(15), extra_roots_pem: Vec::new() }
    }
}

/// One request of the chain.
#[derive(Debug, Clone, Serialize)]
pub struct LiveHop {
    /// The URL requested (normalised).
    pub url: String,
    /// The address connected to.
    pub address: String,
    /// HTTP status of the answer.
    pub status: u16,
    /// The offline verdict on this hop's URL (blocklists included).
    pub verdict: Verdict,
}

/// What a live fetch saw.
#[derive(Debug, Clone, Serialize)]
pub struct LiveReport {
    pub hops: Vec<LiveHop>,
    /// The last URL requested (the one that did not redirect).
    pub final_url: String,
    /// Issuer DN of the final hop's TLS certificate (HTTPS only).
    pub tls_issuer: Option<String>,
    /// Not-before date of that certificate, RFC 3339.
    pub tls_not_before: Option<String>,
}

/// Why a live fetch stopped. The offline verdict of the input is still valid.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LiveError {
    /// A hop's URL is not a link we check (bad scheme, not a URL ...).
    #[error("hop {hop}: {source}")]
    Link { hop: usize, source: LinkError },
    /// The SSRF guard refused a hop's address.
    #[error("hop {hop}: refused to connect to {host}: {refusal}")]
    Refused { hop: usize, host: String, refusal: SsrfRefusal },
    /// The host name does not resolve.
    #[error("hop {hop}: cannot resolve {host}: {message}")]
    Resolve { hop: usize, host: String, message: String },
    /// Connection, TLS or HTTP failure.
    #[error("hop {hop}: fetching {url} failed: {message}")]
    Fetch { hop: usize, url: String, message: String },
    /// A redirect without a usable `Location`.
    #[error("hop {hop}: redirect {status} with an unusable Location: {message}")]
    BadRedirect { hop: usize, status: u16, message: String },
    /// More redirects than allowed.
    #[error("more than {0} redirects")]
    TooManyRedirects(usize),
    /// The time budget ran out.
    #[error("the time budget of {0:?} ran out")]
    Timeout(Duration),
    /// An extra root certificate could not be loaded.
    #[error("bad CA certificate: {0}")]
    BadRoot(String),
}

impl LiveError {
    /// Stable machine code, used in JSON error objects.
    pub fn code(&self) -> &'static str {
        match self {
            LiveError::Link { .. } => "live_bad_url",
            LiveError::Refused { .. } => "ssrf_refused",
            LiveError::Resolve { .. } => "resolve_failed",
            LiveError::Fetch { .. } => "fetch_failed",
            LiveError::BadRedirect { .. } => "bad_redirect",
            LiveError::TooManyRedirects(_) => "too_many_redirects",
            LiveError::Timeout(_) => "timeout",
            LiveError::BadRoot(_) => "bad_ca",
        }
    }
}

/// A live fetch that stopped early: the hops answered before it stopped, and why it stopped.
#[derive(Debug)]
pub struct LiveFailure {
    /// Hops that answered (all of them redirects), in order.
    pub hops: Vec<LiveHop>,
    pub error: LiveError,
}

/// Fetches `input`, following up to `opts.max_hops` redirects; every hop is guarded, then
/// analysed with `ctx`. Hop numbers in errors and reasons count from 1.
pub fn fetch(input: &str, ctx: &CheckContext<'_>, opts: &LiveOptions) -> Result<LiveReport, LiveError> {
    fetch_with(input, opts, |url| crate::check(url, ctx)).map_err(|f| f.error)
}

/// Like [`fetch`], with the verdict of each hop given by `judge` (a server judges with the
/// caller's blocklists, one per collection), and keeping the hops seen when the chain stops.
pub fn fetch_with(input: &str, opts: &LiveOptions, judge: impl Fn(&str) -> Result<Verdict, LinkError>) -> Result<LiveReport, LiveFailure> {
    let mut hops = Vec::new();
    match chain(input, opts, &judge, &mut hops) {
        Ok((final_url, tls_issuer, tls_not_before)) => Ok(LiveReport { hops, final_url, tls_issuer, tls_not_before }),
        Err(error) => Err(LiveFailure { hops, error }),
    }
}

/// Final URL, TLS issuer and not-before of a chain whose hops are pushed onto `hops`.
type ChainEnd = (String, Option<String>, Option<String>);

fn chain(
    input: &str,
    opts: &LiveOptions,
    judge: &dyn Fn(&str) -> Result<Verdict, LinkError>,
    hops: &mut Vec<LiveHop>,
) -> Result<ChainEnd, LiveError> {
    let deadline = Instant::now() + opts.budget;
    let mut roots = Vec::with_capacity(opts.extra_roots_pem.len());
    for pem in &opts.extra_roots_pem {
        roots.push(reqwest::Certificate::from_pem(pem).map_err(|e| LiveError::BadRoot(e.to_string()))?);
    }
    let mut parsed = crate::parse::parse(input).map_err(|source| LiveError::Link { hop: 1, source })?;
    loop {
        let hop = hops.len() + 1;
        let verdict = judge(parsed.url.as_str()).map_err(|source| LiveError::Link { hop, source })?;
        let host = parsed.url.host_str().unwrap_or_default().to_string();
        let port = parsed.url.port_or_known_default().unwrap_or(443);
        let addr = guarded_address(hop, &parsed.host, &host, port, opts, deadline)?;
        let remaining = remaining(deadline, opts.budget)?;
        let mut builder = reqwest::blocking::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .tls_info(true)
            .timeout(remaining)
            .connect_timeout(remaining)
            .user_agent(concat!("postern-link-check/", env!("CARGO_PKG_VERSION")));
        if let HostKind::Domain(d) = &parsed.host {
            builder = builder.resolve(d, SocketAddr::new(addr, port));
        }
        for r in &roots {
            builder = builder.add_root_certificate(r.clone());
        }
        let url = parsed.url.as_str().to_string();
        let fetch_err = |e: reqwest::Error| {
            if e.is_timeout() {
                LiveError::Timeout(opts.budget)
            } else {
                LiveError::Fetch { hop, url: url.clone(), message: error_chain(&e) }
            }
        };
        let client = builder.build().map_err(fetch_err)?;
        // The body is never read: dropping the response closes the connection.
        let resp = client.get(parsed.url.clone()).send().map_err(fetch_err)?;
        let status = resp.status();
        let (issuer, not_before) = if parsed.url.scheme() == "https" { certificate_facts(&resp) } else { (None, None) };
        let location = resp.headers().get(reqwest::header::LOCATION).map(|v| v.to_str().map(str::to_string));
        drop(resp);
        hops.push(LiveHop { url: url.clone(), address: addr.to_string(), status: status.as_u16(), verdict });
        if !status.is_redirection() || location.is_none() {
            return Ok((url, issuer, not_before));
        }
        if hops.len() > opts.max_hops {
            return Err(LiveError::TooManyRedirects(opts.max_hops));
        }
        let bad = |message: String| LiveError::BadRedirect { hop, status: status.as_u16(), message };
        let location = location.unwrap_or(Ok(String::new())).map_err(|e| bad(e.to_string()))?;
        let next = parsed.url.join(&location).map_err(|e| bad(e.to_string()))?;
        parsed = crate::parse::parse(next.as_str()).map_err(|source| LiveError::Link { hop: hop + 1, source })?;
    }
}

fn remaining(deadline: Instant, budget: Duration) -> Result<Duration, LiveError> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() { Err(LiveError::Timeout(budget)) } else { Ok(left) }
}

/// Resolves the hop's host (within the budget) and returns the address to connect to, checked
/// by [`crate::ssrf::guard_all`]: every resolved address must pass, so a name that also points
/// inside is refused outright. The client is then pinned to that address.
fn guarded_address(hop: usize, kind: &HostKind, host: &str, port: u16, opts: &LiveOptions, deadline: Instant) -> Result<IpAddr, LiveError> {
    let addrs: Vec<IpAddr> = match kind {
        HostKind::Ipv4(a) => vec![IpAddr::V4(*a)],
        HostKind::Ipv6(a) => vec![IpAddr::V6(*a)],
        HostKind::Domain(d) => resolve(hop, d, port, deadline, opts.budget)?,
    };
    let policy = crate::ssrf::GuardPolicy::public_or_loopback(opts.allow_loopback);
    match crate::ssrf::guard_all(&addrs, policy) {
        Ok(allowed) => Ok(allowed.ip()),
        Err(crate::ssrf::GuardError::Refused(refusal)) => Err(LiveError::Refused { hop, host: host.to_string(), refusal }),
        Err(e) => Err(LiveError::Resolve { hop, host: host.to_string(), message: e.to_string() }),
    }
}

/// The system resolver has no timeout of its own, so it runs on a thread we stop waiting for.
fn resolve(hop: usize, domain: &str, port: u16, deadline: Instant, budget: Duration) -> Result<Vec<IpAddr>, LiveError> {
    use std::net::ToSocketAddrs;
    let (tx, rx) = std::sync::mpsc::channel();
    let name = domain.to_string();
    std::thread::spawn(move || {
        let r = (name.as_str(), port).to_socket_addrs().map(|it| it.map(|s| s.ip()).collect::<Vec<_>>());
        let _ = tx.send(r);
    });
    let left = remaining(deadline, budget)?;
    match rx.recv_timeout(left) {
        Ok(Ok(addrs)) => Ok(addrs),
        Ok(Err(e)) => Err(LiveError::Resolve { hop, host: domain.to_string(), message: e.to_string() }),
        Err(_) => Err(LiveError::Timeout(budget)),
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(inner) = cur {
        s.push_str(": ");
        s.push_str(&inner.to_string());
        cur = inner.source();
    }
    s
}

/// Issuer and not-before of the peer's leaf certificate.
fn certificate_facts(resp: &reqwest::blocking::Response) -> (Option<String>, Option<String>) {
    let Some(der) = resp.extensions().get::<reqwest::tls::TlsInfo>().and_then(|i| i.peer_certificate()) else {
        return (None, None);
    };
    match x509_parser::parse_x509_certificate(der) {
        Ok((_, cert)) => {
            let nb = cert.validity().not_before.timestamp();
            let date = chrono::DateTime::from_timestamp(nb, 0).map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
            (Some(cert.issuer().to_string()), date)
        }
        Err(_) => (None, None),
    }
}

/// The input's verdict made the worst of every hop: the highest level and score, and each
/// later hop's reasons, with the hop they come from in their arguments (a reason the input
/// already gave, same code and arguments, is not repeated). Reasons stay strongest first.
pub fn combine(mut first: Verdict, report: &LiveReport) -> Verdict {
    // A shortened link's destination is no longer hidden once followed: say where it leads, and
    // let that destination's verdict (a later hop) decide.
    if report.hops.len() > 1
        && let Some(r) = first.reasons.iter_mut().find(|r| r.code == "destination_hidden")
    {
        r.code = "shortener_expanded";
        r.args = crate::Args(vec![("final_url", report.final_url.clone())]);
    }
    let own: Vec<(&'static str, crate::Args)> = first.reasons.iter().map(|r| (r.code, r.args.clone())).collect();
    for (i, hop) in report.hops.iter().enumerate().skip(1) {
        let v = &hop.verdict;
        if v.verdict > first.verdict || (v.verdict == first.verdict && v.score > first.score) {
            first.verdict = v.verdict;
            first.score = first.score.max(v.score);
            if v.brand.is_some() {
                first.brand = v.brand.clone();
            }
        }
        if v.verdict == Level::Benign {
            continue;
        }
        for r in v.reasons.iter().filter(|r| r.points > 0) {
            if own.iter().any(|(c, a)| c == &r.code && a == &r.args) {
                continue;
            }
            let mut args = r.args.clone();
            args.push("hop", (i + 1).to_string());
            args.push("hop_url", hop.url.clone());
            first.reasons.push(Reason { args, ..r.clone() });
        }
    }
    first.reasons.sort_by_key(|r| std::cmp::Reverse(r.points));
    first
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx_parts() -> (crate::Analyzer, crate::BlocklistIndex) {
        (crate::Analyzer::new(&brands::BrandRegistry::builtin()), crate::BlocklistIndex::new())
    }

    #[test]
    fn guard_refuses_loopback_before_connecting() {
        let (analyzer, index) = ctx_parts();
        let ctx =
            CheckContext { analyzer: &analyzer, index: &index, audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Clear } };
        // Port 9 (discard) on loopback: the guard must refuse before any connection attempt.
        let err = fetch("https://127.0.0.1:9/x", &ctx, &LiveOptions::default()).expect_err("refused");
        assert_eq!(err.code(), "ssrf_refused");
        assert!(err.to_string().contains("127.0.0.1 is a loopback address"), "{err}");
        let err = fetch("http://169.254.169.254/latest/meta-data", &ctx, &LiveOptions { allow_loopback: true, ..LiveOptions::default() })
            .expect_err("refused");
        assert!(matches!(err, LiveError::Refused { refusal: SsrfRefusal::LinkLocal(_), .. }), "{err}");
        let err = fetch("ftp://example.com/", &ctx, &LiveOptions::default()).expect_err("bad scheme");
        assert_eq!(err.code(), "live_bad_url");
    }

    /// A one-shot HTTP server on 127.0.0.1 that answers every request with `response`.
    fn canned(response: &'static str) -> u16 {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("addr").port();
        std::thread::spawn(move || {
            if let Ok((mut conn, _)) = listener.accept() {
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                let _ = conn.write_all(response.as_bytes());
            }
        });
        port
    }

    #[test]
    fn a_refused_redirect_keeps_the_hops_before_it() {
        let port = canned("HTTP/1.1 302 Found\r\nLocation: http://10.0.0.1/admin\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let (analyzer, index) = ctx_parts();
        let ctx =
            CheckContext { analyzer: &analyzer, index: &index, audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Clear } };
        let judged = std::cell::Cell::new(0);
        let opts = LiveOptions { allow_loopback: true, ..LiveOptions::default() };
        let failure = fetch_with(&format!("http://127.0.0.1:{port}/start"), &opts, |u| {
            judged.set(judged.get() + 1);
            crate::check(u, &ctx)
        })
        .expect_err("the redirect target is private");
        assert!(matches!(failure.error, LiveError::Refused { hop: 2, refusal: SsrfRefusal::Private(_), .. }), "{}", failure.error);
        assert_eq!(failure.hops.len(), 1);
        assert_eq!(failure.hops[0].status, 302);
        assert_eq!(failure.hops[0].url, format!("http://127.0.0.1:{port}/start"));
        assert_eq!(judged.get(), 2, "the refused hop is judged too, before the guard refuses it");
    }

    #[test]
    fn combine_takes_the_worst_hop_and_names_it() {
        let (analyzer, _) = ctx_parts();
        let first = analyzer.analyse("https://bit.ly/abc").expect("analyses");
        let bad = analyzer.analyse("https://laposte-fr.colis-suivi.top/pay").expect("analyses");
        assert_eq!(bad.verdict, Level::Malicious);
        let report = LiveReport {
            hops: vec![
                LiveHop { url: first.url.clone(), address: "192.0.2.1".into(), status: 301, verdict: first.clone() },
                LiveHop { url: bad.url.clone(), address: "192.0.2.2".into(), status: 200, verdict: bad.clone() },
            ],
            final_url: bad.url.clone(),
            tls_issuer: None,
            tls_not_before: None,
        };
        let v = combine(first.clone(), &report);
        assert_eq!(v.verdict, Level::Malicious);
        assert_eq!(v.score, bad.score.max(first.score));
        let second = |r: &Reason| r.args.get("hop") == Some("2") && r.args.get("hop_url") == Some("https://laposte-fr.colis-suivi.top/pay");
        assert!(v.reasons.iter().any(second), "{:?}", v.reasons);
        assert_eq!(v.input, "https://bit.ly/abc");
        let expanded =
            |r: &Reason| r.code == "shortener_expanded" && r.args.get("final_url").is_some_and(|u| u.ends_with("colis-suivi.top/pay"));
        assert!(v.reasons.iter().any(expanded), "{:?}", v.reasons);
    }

    #[test]
    fn a_shortened_link_to_a_benign_site_stays_benign_and_says_where_it_leads() {
        let (analyzer, _) = ctx_parts();
        let first = analyzer.analyse("https://bit.ly/abc").expect("analyses");
        assert_eq!((first.verdict, first.reasons[0].code), (Level::Benign, "destination_hidden"));
        let end = analyzer.analyse("https://www.tesco.com/groceries").expect("analyses");
        let report = LiveReport {
            hops: vec![
                LiveHop { url: first.url.clone(), address: "192.0.2.1".into(), status: 301, verdict: first.clone() },
                LiveHop { url: end.url.clone(), address: "192.0.2.2".into(), status: 200, verdict: end.clone() },
            ],
            final_url: end.url.clone(),
            tls_issuer: None,
            tls_not_before: None,
        };
        let v = combine(first, &report);
        assert_eq!(v.verdict, Level::Benign);
        assert_eq!(v.reasons[0].code, "shortener_expanded");
        assert!(v.reasons[0].args.get("final_url").is_some_and(|u| u.contains("tesco.com")), "{:?}", v.reasons);
    }
}
