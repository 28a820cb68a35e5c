//! `postern posture`: check the security posture of domains (DNSSEC, SPF, DMARC, DKIM, MTA-STS,
//! TLS-RPT, CAA, DANE, HTTPS) and print a report per domain, or JSON lines with `--json`.

use std::io::{IsTerminal, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use posture::{Checker, Config, Report, Severity};

/// Arguments of `postern posture`.
#[derive(Debug, clap::Args)]
pub struct PostureArgs {
    /// Domains to check (IDNs accepted).
    pub domains: Vec<String>,
    /// One JSON object per domain, one per line.
    /// Set from the global `--json` flag.
    #[arg(skip)]
    pub json: bool,
    /// Read domains from FILE, one per line (# comments allowed).
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Domains checked at once.
    #[arg(long, default_value_t = 32)]
    pub concurrency: usize,
    /// Recursive resolver to query (default: first nameserver in /etc/resolv.conf).
    #[arg(long, value_name = "IP:PORT")]
    pub resolver: Option<SocketAddr>,
    /// DNSSEC root trust anchor file (DS or DNSKEY lines) instead of the built-in IANA keys.
    #[arg(long, value_name = "FILE")]
    pub trust_anchor: Option<PathBuf>,
    /// PEM file of CA certificates to trust for HTTPS instead of the public web roots.
    #[arg(long, value_name = "FILE")]
    pub ca_file: Option<PathBuf>,
    /// DKIM selector to try (repeatable); common selectors are always tried too.
    #[arg(long = "dkim-selector", value_name = "SELECTOR")]
    pub dkim_selectors: Vec<String>,
    /// Skip the website checks and MTA-STS policy fetches.
    #[arg(long)]
    pub no_https: bool,
    /// Time budget per domain, in seconds.
    #[arg(long, default_value_t = 20)]
    pub budget: u64,
    /// HTTPS port to check (tests and labs).
    #[arg(long, default_value_t = 443, hide = true)]
    pub https_port: u16,
    /// HTTP port to check (tests and labs).
    #[arg(long, default_value_t = 80, hide = true)]
    pub http_port: u16,
    /// Let the HTTPS checks connect to 127.0.0.0/8 and ::1 (tests and labs; every other
    /// internal address stays refused by the outbound guard).
    #[arg(long, hide = true)]
    pub allow_loopback: bool,
    /// Never colour the output.
    #[arg(long)]
    pub no_color: bool,
    /// Language of the findings' sentences (en, fr, ar, zh, ru, es, pt); the codes are the same in every language.
    #[arg(long, default_value = "en", value_parser = super::parse_lang)]
    pub lang: portal::Lang,
}

/// Run `postern posture`.
pub async fn run(args: PostureArgs) -> anyhow::Result<()> {
    let mut domains = args.domains.clone();
    if let Some(f) = &args.file {
        let text = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
        domains.extend(text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).map(String::from));
    }
    if domains.is_empty() {
        bail!("no domains given (pass DOMAIN... or --file FILE)");
    }
    let config = checker_config(&args)?;
    let colour = !args.no_color && std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal();
    let progress = domains.len() > 1 && std::io::stderr().is_terminal();
    let checker = Checker::new(config);
    let sem = Arc::new(tokio::sync::Semaphore::new(args.concurrency.max(1)));
    let mut set = tokio::task::JoinSet::new();
    for (i, d) in domains.iter().enumerate() {
        let (checker, sem, d) = (checker.clone(), sem.clone(), d.clone());
        set.spawn(async move {
            let _permit = sem.acquire_owned().await;
            (i, d.clone(), checker.check(&d).await)
        });
    }
    let catalogues = portal::Catalogues::load();
    let started = Instant::now();
    let mut results: Vec<Option<Result<Report, String>>> = (0..domains.len()).map(|_| None).collect();
    let mut done = 0usize;
    let mut invalid = 0usize;
    let stdout = std::io::stdout();
    while let Some(joined) = set.join_next().await {
        let (i, input, res) = joined.context("a check task failed")?;
        done += 1;
        let mut out = stdout.lock();
        let res = res.map(|mut r| {
            explain(&catalogues, args.lang, &mut r);
            r
        });
        match &res {
            Ok(r) if args.json => writeln!(out, "{}", json_line(r))?,
            Ok(r) => write!(out, "{}", human(r, colour))?,
            Err(e) => {
                invalid += 1;
                if args.json {
                    writeln!(out, "{}", serde_json::json!({"domain": input, "error": e.to_string()}))?;
                } else {
                    writeln!(out, "{input}: {e}\n")?;
                }
            }
        }
        out.flush()?;
        if progress {
            let rate = done as f64 / started.elapsed().as_secs_f64().max(0.001);
            eprint!("\r{} {done}/{} domains, {rate:.0}/s ", bar(done, domains.len()), domains.len());
        }
        results[i] = Some(res.map_err(|e| e.to_string()));
    }
    if progress {
        eprintln!();
    }
    if domains.len() > 1 && !args.json {
        print!("{}", summary(&domains, &results, started.elapsed()));
    }
    if invalid > 0 {
        bail!("{invalid} domain(s) could not be checked");
    }
    Ok(())
}

/// The checker's settings from the command line.
fn checker_config(args: &PostureArgs) -> anyhow::Result<Config> {
    let resolver = match args.resolver {
        Some(r) => r,
        None => system_resolver().context("no --resolver given and none found in /etc/resolv.conf")?,
    };
    let mut config = Config::new(resolver);
    if let Some(p) = &args.trust_anchor {
        config = config.trust_anchor_file(p)?;
    }
    if let Some(p) = &args.ca_file {
        config = config.ca_file(p)?;
    }
    config.dkim_selectors = args.dkim_selectors.clone();
    config.https = !args.no_https;
    config.budget = Duration::from_secs(args.budget.max(1));
    config.https_port = args.https_port;
    config.http_port = args.http_port;
    config.outbound = outbound::GuardPolicy::public_or_loopback(args.allow_loopback);
    Ok(config)
}

fn system_resolver() -> Option<SocketAddr> {
    let text = std::fs::read_to_string("/etc/resolv.conf").ok()?;
    text.lines().find_map(|l| {
        let ip = l.trim().strip_prefix("nameserver")?.trim();
        ip.parse::<std::net::IpAddr>().ok().map(|ip| SocketAddr::new(ip, 53))
    })
}

/// Fills each finding's sentences (what it means, what to do) in `lang` from the catalogues.
pub fn explain(text: &portal::Catalogues, lang: portal::Lang, r: &mut Report) {
    for f in &mut r.findings {
        if let Some((message, fix)) = text.posture_finding(lang, &f.code) {
            (f.message, f.remediation) = (message, fix);
        }
    }
}

/// The JSON shape promised by the CLI: domain, findings, score, grade, dotpost_compliant (plus
/// sections, dnssec and the broken .post rules for callers who want more).
pub fn json_line(r: &Report) -> serde_json::Value {
    serde_json::json!({
        "domain": r.domain,
        "checked_at": r.checked_at,
        "findings": r.findings.iter().map(|f| serde_json::json!({
            "code": f.code,
            "severity": f.severity,
            "message": f.message,
            "remediation": f.remediation,
            "evidence": f.evidence,
        })).collect::<Vec<_>>(),
        "score": r.score,
        "grade": r.grade,
        "dotpost_compliant": r.dotpost_compliant,
        "dotpost_failures": r.dotpost_failures,
        "sections": r.sections,
        "dnssec": r.dnssec,
    })
}

fn paint(s: &str, code: &str, colour: bool) -> String {
    if colour { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
}

/// The human report for one domain.
pub fn human(r: &Report, colour: bool) -> String {
    let verdict = if r.dotpost_compliant { paint(".post: compliant", "32", colour) } else { paint(".post: NOT compliant", "31;1", colour) };
    let mut s = format!("{}  score {} ({})  {verdict}  [{} ms]\n", paint(&r.domain, "1", colour), r.score, r.grade, r.elapsed_ms);
    let sections: Vec<String> =
        r.sections.iter().map(|x| format!("{} {}", x.section.title().split(' ').next().unwrap_or(""), x.score)).collect();
    s += &format!("  sections: {}\n", sections.join(" | "));
    for f in &r.findings {
        let (label, c) = match f.severity {
            Severity::Error => ("ERROR", "31;1"),
            Severity::Warning => ("WARN ", "33"),
            Severity::Info => ("info ", "36"),
        };
        s += &format!("  {} {}: {}\n", paint(label, c, colour), f.code, f.message);
        if !f.evidence.is_empty() {
            s += &format!("        evidence: {}\n", f.evidence);
        }
        if f.severity > Severity::Info {
            s += &format!("        fix: {}\n", f.remediation);
        }
    }
    for fail in &r.dotpost_failures {
        s += &format!("  .post rule broken: {fail}\n");
    }
    s.push('\n');
    s
}

fn bar(done: usize, total: usize) -> String {
    let width = 30;
    let filled = (done * width).checked_div(total).unwrap_or(width);
    format!("[{}{}]", "#".repeat(filled), ".".repeat(width - filled))
}

fn summary(domains: &[String], results: &[Option<Result<Report, String>>], took: Duration) -> String {
    let w = domains.iter().map(|d| d.len()).max().unwrap_or(6).clamp(6, 50);
    let mut s = format!("{:<w$}  {:>5}  {:<5}  {:<13}  {:>6}  {:>8}\n", "domain", "score", "grade", ".post", "errors", "warnings");
    let (mut ok, mut checked) = (0, 0);
    for (d, r) in domains.iter().zip(results) {
        match r {
            Some(Ok(r)) => {
                checked += 1;
                ok += usize::from(r.dotpost_compliant);
                let errors = r.findings.iter().filter(|f| f.severity == Severity::Error).count();
                let warnings = r.findings.iter().filter(|f| f.severity == Severity::Warning).count();
                let v = if r.dotpost_compliant { "compliant" } else { "NOT compliant" };
                s += &format!("{:<w$}  {:>5}  {:<5}  {:<13}  {:>6}  {:>8}\n", r.domain, r.score, r.grade, v, errors, warnings);
            }
            Some(Err(e)) => s += &format!("{d:<w$}  error: {e}\n"),
            None => s += &format!("{d:<w$}  not checked\n"),
        }
    }
    let rate = checked as f64 / took.as_secs_f64().max(0.001);
    s += &format!("{checked} checked, {ok} .post compliant, {:.1} s, {rate:.0} domains/s\n", took.as_secs_f64());
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bar_is_bounded() {
        assert_eq!(bar(0, 10).len(), 32);
        assert_eq!(bar(10, 10), format!("[{}]", "#".repeat(30)));
        assert_eq!(bar(0, 0).len(), 32);
    }
}
