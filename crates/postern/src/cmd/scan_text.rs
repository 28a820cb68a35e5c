//! `postern scan-text`: analyse one message (stdin or --file) or a JSONL batch for scams.

use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;

use anyhow::{Context, bail};
use serde::Serialize;

/// Analyse SMS or e-mail text for scams: verdict, lure, brand, language and entities.
#[derive(Debug, clap::Args)]
pub struct ScanTextArgs {
    /// Read the message (or JSONL batch) from this file instead of stdin.
    #[arg(long)]
    pub file: Option<PathBuf>,
    /// Input is JSON Lines: one {"id", "text"} object per line; output is one object per line.
    #[arg(long)]
    pub jsonl: bool,
    /// Print JSON (the default for --jsonl; single messages print a short summary otherwise).
    /// Set from the global `--json` flag.
    #[arg(skip)]
    pub json: bool,
    /// Hide the progress bar even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
    /// Language of the reasons' sentences (en, fr, ar, zh, ru, es, pt); the codes are the same in every language.
    #[arg(long, default_value = "en", value_parser = super::parse_lang)]
    pub lang: portal::Lang,
}

/// One line of `--jsonl` output: the batch format lists exactly the fields of the spec (e-mails
/// stay in single-message JSON). Written straight from the analysis, without an intermediate
/// JSON tree.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a serde_json::Value,
    scam: bool,
    score: f32,
    verdict: scamtext::Verdict,
    lure: Option<scamtext::Lure>,
    brand: &'a Option<String>,
    language: &'a str,
    urls: &'a [String],
    phones: &'a [String],
    amounts: &'a [String],
    tracking_numbers: &'a [String],
    reasons: &'a [scamtext::Reason],
}

impl<'a> Line<'a> {
    fn of(id: &'a serde_json::Value, a: &'a scamtext::Analysis) -> Line<'a> {
        Line {
            id,
            scam: a.scam,
            score: a.score,
            verdict: a.verdict,
            lure: a.lure,
            brand: &a.brand,
            language: &a.language,
            urls: &a.urls,
            phones: &a.phones,
            amounts: &a.amounts,
            tracking_numbers: &a.tracking_numbers,
            reasons: &a.reasons,
        }
    }
}

/// Largest JSONL batch input accepted (the per-message limit is scamtext::MAX_MESSAGE_BYTES).
const MAX_BATCH_BYTES: u64 = 1 << 30;

pub fn run(args: ScanTextArgs) -> anyhow::Result<()> {
    let analyzer = scamtext::Analyzer::builtin().context("loading the built-in scam model")?;
    let catalogues = portal::Catalogues::load();
    if args.jsonl {
        return run_jsonl(&analyzer, &catalogues, &args);
    }
    let bytes = read_input(&args, scamtext::MAX_MESSAGE_BYTES as u64 + 1)?;
    let text = scamtext::check_input(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", source_name(&args)))?;
    let mut a = analyzer.analyze(text);
    catalogues.explain_message(args.lang, &mut a);
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &a)?;
        writeln!(out)?;
    } else {
        writeln!(out, "verdict: {:?} (score {:.3})", a.verdict, a.score)?;
        if let Some(l) = a.lure {
            writeln!(out, "lure: {}", l.as_str())?;
        }
        if let Some(b) = &a.brand {
            writeln!(out, "brand: {b}")?;
        }
        writeln!(out, "language: {}", a.language)?;
        for (name, list) in
            [("urls", &a.urls), ("phones", &a.phones), ("amounts", &a.amounts), ("tracking", &a.tracking_numbers), ("emails", &a.emails)]
        {
            if !list.is_empty() {
                writeln!(out, "{name}: {}", list.join(", "))?;
            }
        }
        for r in &a.reasons {
            writeln!(out, "  - [{}] {}", r.code, r.detail)?;
        }
    }
    Ok(())
}

fn source_name(args: &ScanTextArgs) -> String {
    args.file.as_ref().map_or_else(|| "stdin".to_string(), |p| p.display().to_string())
}

/// Reads at most `limit` bytes, so a huge or endless input fails fast instead of filling memory.
fn read_input(args: &ScanTextArgs, limit: u64) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    match &args.file {
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?;
            f.take(limit).read_to_end(&mut buf).with_context(|| format!("reading {}", p.display()))?;
        }
        None => {
            std::io::stdin().lock().take(limit).read_to_end(&mut buf).context("reading stdin")?;
        }
    }
    if buf.len() as u64 >= limit {
        bail!("{}: input is larger than {} bytes", source_name(args), limit - 1);
    }
    Ok(buf)
}

fn run_jsonl(analyzer: &scamtext::Analyzer, catalogues: &portal::Catalogues, args: &ScanTextArgs) -> anyhow::Result<()> {
    let (reader, total): (Box<dyn BufRead>, Option<u64>) = match &args.file {
        Some(p) => {
            let f = std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?;
            let len = f.metadata().map(|m| m.len()).ok();
            (Box::new(BufReader::new(f.take(MAX_BATCH_BYTES))), len)
        }
        None => (Box::new(BufReader::new(std::io::stdin().take(MAX_BATCH_BYTES))), None),
    };
    let show = !args.no_progress && std::io::stderr().is_terminal();
    let bar = if show {
        let b = match total {
            Some(n) => indicatif::ProgressBar::new(n),
            None => indicatif::ProgressBar::new_spinner(),
        };
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    } else {
        indicatif::ProgressBar::hidden()
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let (mut n, mut errors) = (0u64, 0u64);
    for (i, line) in split_lines(reader).enumerate() {
        let line = line.context("reading input")?;
        bar.inc(line.len() as u64 + 1);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        n += 1;
        match analyze_line(analyzer, &line) {
            Ok((id, mut a)) => {
                catalogues.explain_message(args.lang, &mut a);
                serde_json::to_writer(&mut out, &Line::of(&id, &a))?
            }
            Err((id, msg)) => {
                errors += 1;
                serde_json::to_writer(&mut out, &serde_json::json!({"id": id, "line": i + 1, "error": msg}))?;
            }
        }
        out.write_all(b"\n")?;
        if n % 1024 == 0 {
            bar.set_message(format!("{n} messages, {errors} errors"));
        }
    }
    out.flush()?;
    bar.finish_and_clear();
    if args.json || show {
        eprintln!("scan-text: {n} messages, {errors} errors");
    }
    Ok(())
}

/// Splits on '\n' keeping raw bytes, so one invalid UTF-8 line is one error, not the end.
fn split_lines(r: Box<dyn BufRead>) -> impl Iterator<Item = std::io::Result<Vec<u8>>> {
    r.split(b'\n').map(|l| {
        l.map(|mut v| {
            if v.last() == Some(&b'\r') {
                v.pop();
            }
            v
        })
    })
}

/// The id and the analysis of one JSONL line, or the id (null when unreadable) and why not.
fn analyze_line(
    analyzer: &scamtext::Analyzer,
    line: &[u8],
) -> Result<(serde_json::Value, scamtext::Analysis), (serde_json::Value, String)> {
    let null = serde_json::Value::Null;
    let s = std::str::from_utf8(line).map_err(|e| (null.clone(), format!("line is not valid UTF-8 (byte {})", e.valid_up_to())))?;
    let v: serde_json::Value = serde_json::from_str(s).map_err(|e| (null.clone(), format!("invalid JSON: {e}")))?;
    let id = v.get("id").cloned().unwrap_or(serde_json::Value::Null);
    let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
        return Err((id, "missing string field \"text\"".to_string()));
    };
    let text = scamtext::check_input(text.as_bytes()).map_err(|e| (id.clone(), e.to_string()))?;
    let a = analyzer.analyze(text);
    Ok((id, a))
}
