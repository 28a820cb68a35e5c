//! `postern check URL...`: offline link verdicts, one per input; stdin one URL per line when no
//! URL is given; `--json` prints one JSON object per input line and a bad line yields an error
//! object while the batch goes on. `--live` also fetches each link, follows its redirects (every
//! hop through the SSRF guard) and adds a `live` object; the verdict becomes the worst hop's.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;

use super::feeds::FormatArgs;

/// Inputs above this count get a progress bar when stderr is a terminal.
const PROGRESS_FROM: u64 = 1000;

/// `postern check`
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Links to check; with none, one per line is read from standard input.
    pub urls: Vec<String>,
    /// One JSON object per input line.
    /// Set from the global `--json` flag.
    #[arg(skip)]
    pub json: bool,
    /// A blocklist feed file to check against as well.
    #[arg(long)]
    pub blocklist: Option<PathBuf>,
    #[command(flatten)]
    pub format: FormatArgs,
    /// A brand override file (same format as the built-in registry).
    #[arg(long)]
    pub brands: Option<PathBuf>,
    /// Fetch each link: follow up to 5 redirects, record the final URL and TLS certificate,
    /// analyse every hop. Refuses private, loopback and link-local targets.
    #[arg(long)]
    pub live: bool,
    /// With --live: allow 127.0.0.0/8 and ::1 targets (for tests; never on a server).
    #[arg(long, requires = "live")]
    pub allow_loopback: bool,
    /// With --live: a PEM file of extra trusted root certificates.
    #[arg(long, requires = "live")]
    pub ca_file: Option<PathBuf>,
    /// With --live: time budget per link, in seconds (resolution, connections, headers).
    #[arg(long, default_value_t = 15, requires = "live")]
    pub live_timeout: u64,
    /// Report every malicious link to the hub (in --data) as an indicator plus a sighting by
    /// the member organisation --org, into --collection.
    #[arg(long, requires_all = ["org", "collection"])]
    pub report: bool,
    /// With --report: the member organisation the report is attributed to.
    #[arg(long, requires = "report")]
    pub org: Option<String>,
    /// With --report: the TAXII collection id to report into.
    #[arg(long, requires = "report")]
    pub collection: Option<String>,
    /// With --report: TLP of the reported objects.
    #[arg(long, default_value = "green", requires = "report", value_parser = super::serve::parse_tlp)]
    pub tlp: tlp::Tlp,
    /// Language of the reasons' sentences (en, fr, ar, zh, ru, es, pt); the codes are the same in every language.
    #[arg(long, default_value = "en", value_parser = super::parse_lang)]
    pub lang: portal::Lang,
}

pub fn run(data: &std::path::Path, args: CheckArgs) -> anyhow::Result<()> {
    let registry = super::brands::registry(args.brands.as_deref())?;
    let analyzer = links::Analyzer::new(&registry);
    let index = match &args.blocklist {
        Some(path) => {
            let entries =
                links::import_feed(path, args.format.to_format()?).with_context(|| format!("loading blocklist {}", path.display()))?;
            links::BlocklistIndex::from_entries(entries)
        }
        None => links::BlocklistIndex::new(),
    };
    // A local operator checking with a local feed: the feed's own TLP applies, up to GREEN.
    let ctx =
        links::CheckContext { analyzer: &analyzer, index: &index, audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Green } };
    let live = if args.live {
        let mut opts = links::LiveOptions {
            allow_loopback: args.allow_loopback,
            budget: std::time::Duration::from_secs(args.live_timeout.max(1)),
            ..links::LiveOptions::default()
        };
        if let Some(path) = &args.ca_file {
            let pem = std::fs::read(path).with_context(|| format!("reading CA file {}", path.display()))?;
            reqwest::Certificate::from_pem(&pem).with_context(|| format!("{} is not a PEM certificate", path.display()))?;
            opts.extra_roots_pem.push(pem);
        }
        Some(opts)
    } else {
        None
    };
    let text = portal::Catalogues::load();
    let output = super::Output { json: args.json, text: &text, lang: args.lang };
    let mut malicious = Vec::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let terminal = std::io::stderr().is_terminal();
    if args.urls.is_empty() {
        let stdin = std::io::stdin();
        let bar = if terminal { spinner() } else { indicatif::ProgressBar::hidden() };
        let lines = stdin.lock().split(b'\n').map(|l| {
            l.map(|mut b| {
                if b.last() == Some(&b'\r') {
                    b.pop();
                }
                b
            })
        });
        check_lines(lines, &ctx, live.as_ref(), &output, &mut out, &bar, &mut malicious)?;
        bar.finish_and_clear();
    } else {
        let n = args.urls.len() as u64;
        let bar = if terminal && n >= PROGRESS_FROM { indicatif::ProgressBar::new(n) } else { indicatif::ProgressBar::hidden() };
        let lines = args.urls.iter().map(|u| Ok(u.as_bytes().to_vec()));
        check_lines(lines, &ctx, live.as_ref(), &output, &mut out, &bar, &mut malicious)?;
        bar.finish_and_clear();
    }
    out.flush()?;
    if let (true, Some(org), Some(collection)) = (args.report, &args.org, &args.collection) {
        // Shared intelligence is read by analysts of every member: its sentences are in English.
        malicious.iter_mut().for_each(|v| text.explain_link(portal::Lang::En, v));
        report(data, org, collection, args.tlp, &malicious, args.json)?;
    }
    Ok(())
}

/// Adds an indicator and a sighting per malicious link to the hub, as the member organisation.
fn report(
    data: &std::path::Path,
    org: &str,
    collection: &str,
    level: tlp::Tlp,
    malicious: &[links::Verdict],
    json: bool,
) -> anyhow::Result<()> {
    let hub = super::open_hub(data, hub::HubConfig::default())?;
    let org = hub.org(org).with_context(|| format!("organisation {org:?}"))?;
    let identity = org.identity_id.clone();
    // The operator at the console acts for the organisation, as its analysts would.
    let who = hub::Principal::Member { org, token_id: "cli-check-report".into(), role: store::Role::Analyst };
    let verdicts: Vec<&links::Verdict> = malicious.iter().collect();
    let objects = links::report_objects(&verdicts, &identity, level, &store::now_rfc3339());
    let (stored, failed) = if objects.is_empty() {
        (0, 0)
    } else {
        let body = serde_json::to_vec(&serde_json::json!({ "objects": objects }))?;
        let status = hub.add_objects(&who, collection, &body).with_context(|| format!("reporting to collection {collection:?}"))?;
        (status.success_count, status.failure_count)
    };
    if json {
        eprintln!("{}", serde_json::json!({"reported": {"links": malicious.len(), "stored": stored, "failed": failed}}));
    } else {
        eprintln!("reported {} malicious link(s): {stored} object(s) stored, {failed} failed", malicious.len());
    }
    Ok(())
}

fn spinner() -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_message("links checked");
    bar
}

/// Checks every line and writes one result per line; only an output error stops the batch.
pub fn check_lines(
    lines: impl Iterator<Item = std::io::Result<Vec<u8>>>,
    ctx: &links::CheckContext<'_>,
    live: Option<&links::LiveOptions>,
    output: &super::Output<'_>,
    out: &mut dyn Write,
    bar: &indicatif::ProgressBar,
    malicious: &mut Vec<links::Verdict>,
) -> anyhow::Result<Summary> {
    let mut summary = Summary::default();
    for line in lines {
        let bytes = line.context("reading input")?;
        let result = match String::from_utf8(bytes) {
            Ok(text) => {
                let r = links::check(&text, ctx).map_err(|e| (e.code(), e.to_string()));
                let r = match (r, live) {
                    (Ok(v), Some(opts)) => match links::live::fetch(&text, ctx, opts) {
                        Ok(report) => Ok((links::live::combine(v, &report), Some(report))),
                        Err(e) => Err((e.code(), format!("live check: {e}"))),
                    },
                    (r, _) => r.map(|v| (v, None)),
                };
                (text, r)
            }
            Err(e) => {
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                (text, Err(("not_utf8", "the line is not valid UTF-8".to_string())))
            }
        };
        match &result.1 {
            Ok((v, _)) => {
                summary.count(v.verdict);
                if v.verdict == links::Level::Malicious {
                    malicious.push(v.clone());
                }
            }
            Err(_) => summary.errors += 1,
        }
        write_result(&result.0, &result.1, output, out)?;
        bar.inc(1);
    }
    Ok(summary)
}

/// Counts per verdict of a batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub benign: u64,
    pub suspicious: u64,
    pub malicious: u64,
    pub errors: u64,
}

impl Summary {
    fn count(&mut self, level: links::Level) {
        match level {
            links::Level::Benign => self.benign += 1,
            links::Level::Suspicious => self.suspicious += 1,
            links::Level::Malicious => self.malicious += 1,
        }
    }
}

fn write_result(
    input: &str,
    result: &Result<(links::Verdict, Option<links::LiveReport>), (&'static str, String)>,
    output: &super::Output<'_>,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let (text, lang) = (output.text, output.lang);
    match (result, output.json) {
        (Ok((v, live)), true) => {
            // The same answer the JSON API gives (`server::api::links`), one object per line.
            let mut answer = server::api::links::LinkAnswer::of(v);
            answer.url = input.to_string();
            answer.live = live.as_ref().map(|r| server::api::links::LiveAnswer::of(&r.hops, Some(r), None));
            answer.explain(text, lang);
            writeln!(out, "{}", serde_json::to_string(&answer)?)?;
        }
        (Err((code, message)), true) => {
            let error = server::api::links::ErrorBody { code, message: message.clone() };
            writeln!(out, "{}", serde_json::to_string(&server::api::links::LinkErrorAnswer { url: input.to_string(), error })?)?;
        }
        (Ok((v, live)), false) => {
            let first = v.reasons.first().map_or_else(|| text.text(lang, "link-none", &[]), |r| text.link_reason(lang, r));
            writeln!(out, "{:<10} {:>3}  {input}  ({first})", v.verdict.name().to_uppercase(), v.score)?;
            for r in v.reasons.iter().skip(1).filter(|r| r.points > 0) {
                writeln!(out, "{:15}- {}", "", text.link_reason(lang, r))?;
            }
            if let Some(report) = live {
                for (i, hop) in report.hops.iter().enumerate() {
                    writeln!(out, "{:15}hop {}: {} {} ({})", "", i + 1, hop.status, hop.url, hop.verdict.verdict.name())?;
                }
                if let Some(issuer) = &report.tls_issuer {
                    let since = report.tls_not_before.as_deref().unwrap_or("?");
                    writeln!(out, "{:15}TLS certificate issued by {issuer}, valid from {since}", "")?;
                }
            }
        }
        (Err((_, message)), false) => writeln!(out, "{:<10} {:>3}  {input}  ({message})", "ERROR", "-")?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_lines(lines: &[&[u8]], index: &links::BlocklistIndex) -> (Vec<serde_json::Value>, Summary) {
        let analyzer = links::Analyzer::new(&::brands::BrandRegistry::builtin());
        let ctx = links::CheckContext { analyzer: &analyzer, index, audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Green } };
        let mut out = Vec::new();
        let iter = lines.iter().map(|l| Ok(l.to_vec()));
        let text = portal::Catalogues::load();
        let output = crate::cmd::Output { json: true, text: &text, lang: portal::Lang::En };
        let summary =
            check_lines(iter, &ctx, None, &output, &mut out, &indicatif::ProgressBar::hidden(), &mut Vec::new()).expect("batch runs");
        let docs =
            out.split(|&b| b == b'\n').filter(|l| !l.is_empty()).map(|l| serde_json::from_slice(l).expect("each line is JSON")).collect();
        (docs, summary)
    }

    #[test]
    fn batch_goes_on_after_bad_lines() {
        let lines: [&[u8]; 5] =
            [b"https://laposte-fr.colis-suivi.top/pay", b"", b"javascript:alert(1)", b"\xff\xfe", b"https://www.laposte.fr/"];
        let (docs, summary) = run_lines(&lines, &links::BlocklistIndex::new());
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0]["url"], "https://laposte-fr.colis-suivi.top/pay");
        assert_eq!(docs[0]["verdict"], "malicious");
        assert_eq!(docs[0]["brand"], "La Poste");
        assert!(docs[0]["reasons"][0]["code"].is_string() && docs[0]["reasons"][0]["message"].is_string());
        assert_eq!(docs[1]["error"]["code"], "empty");
        assert_eq!(docs[2]["error"]["code"], "unsupported_scheme");
        assert_eq!(docs[3]["error"]["code"], "not_utf8");
        assert_eq!(docs[4]["verdict"], "benign");
        assert_eq!(summary, Summary { benign: 1, suspicious: 0, malicious: 1, errors: 3 });
    }

    #[test]
    fn blocklist_hits_show_in_json() {
        let index = links::BlocklistIndex::from_entries([links::BlockEntry {
            kind: links::EntryKind::Domain,
            value: "plain-shop.example".into(),
            indicator_id: None,
            access: tlp::Access { tlp: tlp::Tlp::Clear, producer: String::new(), recipients: vec![] },
            source: "feed.txt".into(),
        }]);
        let (docs, _) = run_lines(&[b"https://plain-shop.example/x"], &index);
        assert_eq!(docs[0]["verdict"], "malicious");
        assert_eq!(docs[0]["reasons"][0]["code"], "blocklist_host");
    }
}
