//! `postern assess FILE.toml`: score a readiness assessment offline, for facilitators in the
//! field, optionally with `postern posture --json` output as scan evidence.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use readiness::evidence::PostureLine;
use readiness::starter::Starter;
use readiness::summary::{Summary, summary, text, with_workload};
use readiness::{AreaWeights, Bank, Observation};

/// Arguments of `postern assess`.
#[derive(Debug, clap::Args)]
pub struct AssessArgs {
    /// The assessment file: [profile] (CH-01 flags), [answers] (id = 0..4 or "na"; GOV-04, the
    /// workload trend, = "up" | "same" | "down") and an optional [evidence] (id = "self" |
    /// "document" | "scan" | "facilitator").
    pub file: PathBuf,
    /// `postern posture --json` output (JSON lines) for the post's declared primary domains,
    /// used as scan evidence: fresh results (at most 30 days old) replace the answers they check.
    #[arg(long, value_name = "FILE.jsonl")]
    pub posture: Option<PathBuf>,
    /// Also write the improvement plan as CSV to FILE (for the board or a spreadsheet).
    #[arg(long, value_name = "FILE.csv")]
    pub plan_csv: Option<PathBuf>,
    /// Also write the board report as PDF to FILE (radar chart, contradictions, plan timeline),
    /// in the language of `--lang`.
    #[arg(long, value_name = "FILE.pdf")]
    pub pdf: Option<PathBuf>,
    /// Also write the board report as a standalone HTML page to FILE (the portal's report).
    #[arg(long, value_name = "FILE.html")]
    pub html: Option<PathBuf>,
    /// The post's country (ISO 3166-1 alpha-2): a small island developing state or least
    /// developed country takes the starter path in the text and board reports (hygiene baseline
    /// first, phase-1 actions only, each linked to what Postern offers); the JSON and the CSV
    /// keep the whole plan.
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Language of the plan's recommended actions (and of the reports).
    #[arg(long, default_value = "en", value_parser = ["en", "fr"])]
    pub lang: String,
    /// Set from the global `--json` flag.
    #[arg(skip)]
    pub json: bool,
}

/// Run `postern assess`.
pub fn run(args: AssessArgs) -> anyhow::Result<()> {
    // The one place the clock is read: the scorer takes `now` as a parameter.
    let now = Utc::now();
    let bank = Bank::embedded().context("loading the question bank")?;
    let source = std::fs::read_to_string(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let file = readiness::file::parse(&bank, &source, now).with_context(|| format!("{}", args.file.display()))?;
    let observations = match &args.posture {
        Some(path) => posture_observations(path, now)?,
        None => Vec::new(),
    };
    let assessment = readiness::assess(&bank, &file.profile, &file.claims, &observations, &AreaWeights::default(), now)
        .with_context(|| format!("scoring {}", args.file.display()))?;
    let summary = with_workload(summary(&bank, &assessment, &args.lang), file.workload(&bank));
    let starter = starter_path(&bank, args.country.as_deref())?;
    if let Some(path) = &args.plan_csv {
        std::fs::write(path, readiness::summary::plan_csv(&summary.plan)).with_context(|| format!("writing {}", path.display()))?;
    }
    if args.pdf.is_some() || args.html.is_some() {
        write_reports(&args, &bank, &summary, starter.is_some(), now)?;
    }
    if args.json {
        println!("{}", serde_json::to_string(&summary)?);
    } else {
        print!("{}", human(&bank, &summary, &args.lang, starter.as_ref()));
    }
    Ok(())
}

/// The starter-path links when `--country` names a SIDS or LDC country; an unknown code is an error.
fn starter_path(bank: &Bank, country: Option<&str>) -> anyhow::Result<Option<Starter>> {
    let Some(code) = country else { return Ok(None) };
    let peers = readiness::peers::Peers::embedded().context("loading the peer-group lists")?;
    if peers.country(&code.to_ascii_uppercase()).is_none() {
        bail!("--country: {code} is not an ISO 3166-1 alpha-2 code of the peer-group lists (e.g. JM, FR)");
    }
    let starter = Starter::embedded(bank).context("loading the starter-path lists")?;
    Ok(starter.groups(Some(code)).starter().then_some(starter))
}

/// The board reports of an offline assessment (`--pdf`, `--html`): named after its file, dated today.
fn write_reports(args: &AssessArgs, bank: &Bank, summary: &Summary, starter: bool, now: DateTime<Utc>) -> anyhow::Result<()> {
    let file = &args.file;
    let name = file.file_stem().map_or_else(|| file.display().to_string(), |s| s.to_string_lossy().into_owned());
    let today = now.format("%Y-%m-%d").to_string();
    let input = portal::ReportInput { bank, summary, org: &name, id: None, finalised: None, created: &today, starter, peers: None };
    let lang = portal::Lang::parse(&args.lang).unwrap_or(portal::Lang::En);
    if let Some(path) = &args.pdf {
        let pdf = portal::report_pdf(&portal::Catalogues::load(), lang, &input);
        std::fs::write(path, pdf).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(path) = &args.html {
        let html =
            portal::report_html(&portal::Portal::new(), lang, &input).map_err(|e| anyhow::anyhow!("rendering the HTML report: {e}"))?;
        std::fs::write(path, html).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Reads posture report lines; a line that is not a report is an error naming its number.
fn posture_observations(path: &Path, now: DateTime<Utc>) -> anyhow::Result<Vec<Observation>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    // Reports without `checked_at` are dated by the file: the scan cannot be newer than it.
    let file_time = std::fs::metadata(path).and_then(|m| m.modified()).map(DateTime::<Utc>::from).unwrap_or(now);
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let report: PostureLine = serde_json::from_str(line)
            .with_context(|| format!("{} line {}: not a `postern posture --json` report", path.display(), i + 1))?;
        if report.domain.is_empty() {
            bail!("{} line {}: the report names no domain", path.display(), i + 1);
        }
        out.extend(readiness::evidence::observations(&report, file_time));
    }
    Ok(out)
}

fn shown(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.0}%"))
}

/// The text report: area table, headline numbers, contradictions and the plan (phase 1 only,
/// after the hygiene baseline, on the starter path).
fn human(bank: &Bank, s: &Summary, lang: &str, starter: Option<&Starter>) -> String {
    let mut out = String::new();
    if starter.is_some() {
        out += &format!(
            "starter path (small island developing state or least developed country): hygiene baseline {} first; \
             the plan below keeps to phase 1 (0-6 months), the CSV and JSON have all of it\n\n",
            shown(s.hygiene_baseline)
        );
    }
    out += &format!(
        "readiness index {}  hygiene baseline {}  verified share {}\n\n",
        shown(s.readiness_index),
        shown(s.hygiene_baseline),
        shown(s.verified_share)
    );
    for area in &bank.areas {
        let Some(a) = s.areas.get(&area.id) else { continue };
        let level = a.level.map_or_else(|| "n/a".to_owned(), |l| format!("{l:?}"));
        out += &format!("  {:<6} {:>5}  {level:<3}  {}\n", area.id, shown(a.percent), text(&area.name, lang));
    }
    if !s.contradictions.is_empty() {
        out += "\ncontradictions (a fresh scan 2 or more below the answer):\n";
        for c in &s.contradictions {
            out += &format!("  {}: answered {}, {} found {}\n", c.question, c.claimed, c.source, c.scanned);
        }
    }
    if !s.unanswered.is_empty() {
        out += &format!("\nunanswered (scored 0): {}\n", s.unanswered.join(", "));
    }
    out += "\nimprovement plan:\n";
    for p in s.plan.iter().filter(|p| starter.is_none() || p.phase == 1) {
        out += &format!("  [{} months] {} (score {}): {}", p.months, p.id, p.score, p.action);
        if let Some(link) = starter.and_then(|st| st.link(&p.id)) {
            out += &format!(" (Postern: {})", link.path);
        }
        out += "\n";
    }
    out
}

#[cfg(test)]
mod tests {
    use posture::{Report, Section};

    use super::*;

    /// What `postern posture --json` prints is what `--posture` reads, `checked_at` included.
    #[test]
    fn posture_json_lines_are_read_as_scan_evidence() {
        let findings = vec![posture::findings::finding("dnssec-secure", ""), posture::findings::finding("dmarc-policy-none", "p=none")];
        let ran = [Section::Dnssec, Section::Spf, Section::Dmarc, Section::Https];
        let (sections, score) = posture::score::score(&findings, &ran);
        let report = Report {
            domain: "laposte.example".into(),
            checked_at: "2026-12-01T08:00:00Z".into(),
            dnssec: posture::dnssec::Status::Secure,
            no_mail: false,
            findings,
            sections,
            score,
            grade: "B".into(),
            dotpost_compliant: false,
            dotpost_failures: Vec::new(),
            elapsed_ms: 1,
        };
        let line: PostureLine = serde_json::from_value(super::super::posture::json_line(&report)).expect("a posture line");
        let observed: Vec<(String, readiness::Outcome)> =
            readiness::evidence::observations(&line, DateTime::UNIX_EPOCH).into_iter().map(|o| (o.source, o.outcome)).collect();
        let want: Vec<(String, readiness::Outcome)> =
            [("SCAN-DNSSEC", 4), ("SCAN-SPF", 4), ("SCAN-DMARC", 2), ("SCAN-TLS", 4), ("SCAN-HSTS", 4)]
                .into_iter()
                .map(|(s, v)| (s.to_owned(), readiness::Outcome::Score(v)))
                .collect();
        assert_eq!(observed, want);
        assert_eq!(line.checked_at.map(|t| t.to_rfc3339()), Some("2026-12-01T08:00:00+00:00".to_owned()));
    }
}
