//! `postern eval`: measure the analysers on the labelled sets under `data/`, print the figures
//! and, on request, rewrite their tables in BENCHMARKS.md. The figures are `scamtext::eval` and
//! `links::eval`; this file reads the sets and writes text.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use links::eval::{Classification, LinkReport, Rate};
use scamtext::eval::{Extraction, MessageReport};

/// Measure an analyser on a labelled set.
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub what: EvalCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// The scam-message analyser on a postal message set (data/messages/<set>/eval.jsonl).
    Messages(MessagesArgs),
    /// The offline link analyser on a labelled URL set (data/links/<set>/urls.tsv).
    Links(LinksArgs),
    /// The brand monitor on a labelled name stream (made by data/monitor/generate.py).
    Monitor(super::watch::EvalMonitorArgs),
}

#[derive(Debug, clap::Args)]
pub struct MessagesArgs {
    /// Which set; `all` measures the four in turn.
    #[arg(long, value_enum)]
    pub set: MessageSet,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct LinksArgs {
    /// Which set.
    #[arg(long, value_enum, default_value = "independent")]
    pub set: LinkSet,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, clap::Args)]
pub struct Common {
    /// The directory holding the sets (its messages/ and links/); default: the `data/` directory
    /// of the repository the current directory is in.
    #[arg(long, value_name = "DIR")]
    pub sets: Option<PathBuf>,
    /// Rewrite this set's table between `<!-- eval:NAME -->` and `<!-- /eval:NAME -->` in FILE.
    #[arg(long, value_name = "FILE")]
    pub update_benchmarks: Option<PathBuf>,
    /// List every miss (development sets only: held-out sets are read in aggregate).
    #[arg(long)]
    pub show_misses: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MessageSet {
    /// Written from the text alone; read in aggregate only.
    Holdout,
    /// Written against LURES.md only; read in aggregate only.
    Fresh,
    /// Written without reading the lexicons, then used for error analysis: a development set.
    Independent,
    /// Written by an engineer who read no lexicon, brand data or other set; aggregate only.
    Unseen,
    /// Arabic, Chinese, Russian, Swahili and Turkish messages from public smishing reports
    /// (issue 20): the tuning part.
    LanguagesTune,
    /// The held-out part of that set; read in aggregate only.
    LanguagesHoldout,
    /// 200 Arabic, Chinese, Russian and Swahili messages written without reading the lexicons
    /// (issue 20): a development set for error analysis.
    LanguagesDev,
    /// 200 more, written the same way and held out: read in aggregate only.
    LanguagesUnseen,
    /// 320 Arabic, Chinese, Russian and Swahili messages of a second writing from wider public
    /// reporting (issue 20): a development set for error analysis.
    LanguagesWideTrain,
    /// 280 more of that writing, committed first and held out: read in aggregate only.
    LanguagesWideUnseen,
    /// The four sets of the seven first languages.
    All,
}

impl MessageSet {
    fn name(self) -> &'static str {
        match self {
            MessageSet::Holdout => "holdout",
            MessageSet::Fresh => "fresh",
            MessageSet::Independent => "independent",
            MessageSet::Unseen => "unseen",
            MessageSet::LanguagesTune => "languages-tune",
            MessageSet::LanguagesHoldout => "languages-holdout",
            MessageSet::LanguagesDev => "languages-dev",
            MessageSet::LanguagesUnseen => "languages-unseen",
            MessageSet::LanguagesWideTrain => "languages-wide-train",
            MessageSet::LanguagesWideUnseen => "languages-wide-unseen",
            MessageSet::All => "all",
        }
    }

    fn each(self) -> Vec<MessageSet> {
        match self {
            MessageSet::All => vec![MessageSet::Holdout, MessageSet::Fresh, MessageSet::Unseen, MessageSet::Independent],
            one => vec![one],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LinkSet {
    /// Written without reading the analyser's rules; never used for tuning.
    Independent,
    /// The tuning part of the set written from public reporting for issue 15.
    Fresh,
    /// The held-out part of that set; read in aggregate only.
    Holdout,
}

pub fn run(json: bool, args: EvalArgs) -> anyhow::Result<()> {
    match args.what {
        EvalCommand::Messages(a) => messages(json, a),
        EvalCommand::Links(a) => links(json, a),
        EvalCommand::Monitor(a) => super::watch::eval(json, a),
    }
}

fn messages(json: bool, args: MessagesArgs) -> anyhow::Result<()> {
    let sets = sets_dir(args.common.sets.as_deref(), "messages")?;
    if args.common.show_misses
        && !matches!(
            args.set,
            MessageSet::Independent | MessageSet::LanguagesTune | MessageSet::LanguagesDev | MessageSet::LanguagesWideTrain
        )
    {
        bail!(
            "--show-misses is for the development sets (--set independent, languages-tune, languages-dev, languages-wide-train): the others are read in aggregate only (their READMEs)"
        );
    }
    let analyzer = scamtext::Analyzer::builtin().context("loading the shipped scam-message model")?;
    let mut reports = serde_json::Map::new();
    for set in args.set.each() {
        let path = sets.join(set.name()).join("eval.jsonl");
        let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let gold = scamtext::eval::parse_set(&text).with_context(|| format!("parsing {}", path.display()))?;
        let report = scamtext::eval::evaluate(&analyzer, &gold);
        let command = format!("postern eval messages --set {}", set.name());
        let table = message_table(&command, &report);
        if let Some(file) = &args.common.update_benchmarks {
            update_benchmarks(file, &format!("messages-{}", set.name()), &table)?;
        }
        if json {
            reports.insert(set.name().to_string(), serde_json::to_value(&report)?);
        } else {
            println!("## Message set `{}`\n\n{table}\n{}", set.name(), message_details(&report, args.common.show_misses));
        }
    }
    if json {
        println!("{}", serde_json::Value::Object(reports));
    }
    Ok(())
}

fn links(json: bool, args: LinksArgs) -> anyhow::Result<()> {
    let name = match args.set {
        LinkSet::Independent => "independent",
        LinkSet::Fresh => "fresh",
        LinkSet::Holdout => "holdout",
    };
    if args.common.show_misses && args.set == LinkSet::Holdout {
        bail!("--show-misses is not for the held-out set: it is read in aggregate only (data/links/holdout/README.md)");
    }
    let path = sets_dir(args.common.sets.as_deref(), "links")?.join(name).join("urls.tsv");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let rows = links::eval::parse_set(&text).with_context(|| format!("parsing {}", path.display()))?;
    let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
    let report = links::eval::evaluate(&analyzer, &rows);
    let table = link_table(&format!("postern eval links --set {name}"), &report);
    if let Some(file) = &args.common.update_benchmarks {
        update_benchmarks(file, &format!("links-{name}"), &table)?;
    }
    if json {
        println!("{}", serde_json::json!({ name: report }));
    } else {
        println!("## Link set `{name}`\n\n{table}");
        if args.common.show_misses {
            report.misses.iter().for_each(|m| println!("{m}"));
        } else {
            println!("{} misses and unscored lines (--show-misses lists them)", report.misses.len());
        }
    }
    Ok(())
}

/// `<dir>/<capability>`: `dir` as given, or the first `data/` holding `<capability>` in the
/// current directory or one of its parents.
fn sets_dir(explicit: Option<&Path>, capability: &str) -> anyhow::Result<PathBuf> {
    if let Some(dir) = explicit {
        let sets = dir.join(capability);
        if !sets.is_dir() {
            bail!(
                "{} is not a directory: --sets names the directory holding messages/ and links/ (the repository's data/)",
                sets.display()
            );
        }
        return Ok(sets);
    }
    let cwd = std::env::current_dir().context("reading the current directory")?;
    cwd.ancestors()
        .map(|d| d.join("data").join(capability))
        .find(|d| d.is_dir())
        .with_context(|| format!("no data/{capability} in {} or its parents: run from the repository or pass --sets DIR", cwd.display()))
}

/// Replaces what lies between `<!-- eval:NAME -->` and `<!-- /eval:NAME -->` in `file` with
/// `table`, leaving every other byte as it was.
fn update_benchmarks(file: &Path, name: &str, table: &str) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let (open, close) = (format!("<!-- eval:{name} -->"), format!("<!-- /eval:{name} -->"));
    let start = text.find(&open).with_context(|| format!("{} has no {open} marker", file.display()))? + open.len();
    let end = text[start..].find(&close).with_context(|| format!("{} has no {close} after {open}", file.display()))? + start;
    let updated = format!("{}\n{table}{}", &text[..start], &text[end..]);
    std::fs::write(file, updated).with_context(|| format!("writing {}", file.display()))
}

/// `0.920 (92/100)`, with `digits` decimals.
fn rate(r: &Rate, digits: usize) -> String {
    format!("{:.digits$} ({}/{})", r.value, r.hits, r.total)
}

fn interval(r: &Rate, digits: usize) -> String {
    r.interval.map_or(String::new(), |[lo, hi]| format!("{lo:.digits$} - {hi:.digits$}"))
}

/// An issue target and whether the figure meets it.
fn at_least(value: f64, target: f64) -> String {
    format!(">= {target} ({})", if value >= target { "met" } else { "**not met**" })
}

fn at_most(value: f64, target: f64) -> String {
    format!("<= {target} ({})", if value <= target { "met" } else { "**not met**" })
}

fn extraction(e: &Extraction) -> String {
    format!("{}, {} spurious", rate(&e.recall, 3), e.spurious)
}

/// The headline figures of a message set, as BENCHMARKS.md shows them: the command on the line
/// above the table.
fn message_table(command: &str, r: &MessageReport) -> String {
    let c = &r.classification;
    let mut out = format!(
        "`{command}`: {} messages, {} in the target languages ({} scams, {} benign).\n\n\
         | figure (target languages) | value | 95% interval | issue 5 target |\n|---|---|---|---|\n",
        r.messages, r.target_messages, c.positives, c.negatives
    );
    let e = &r.extraction.target;
    let per_lang = r.per_language.iter().map(|(l, c)| format!("{l} {}/{}", c.fpr.hits, c.fpr.total)).collect::<Vec<_>>().join(", ");
    let mut per_category = r.fpr_per_category.iter().map(|(k, v)| format!("{k} {}/{}", v.hits, v.total)).collect::<Vec<_>>().join(", ");
    if per_category.is_empty() {
        per_category = "(the set records no benign categories)".to_string();
    }
    let rows: [(&str, String, String, String); 16] = [
        ("precision", rate(&c.precision, 3), interval(&c.precision, 3), String::new()),
        ("recall", rate(&c.recall, 3), interval(&c.recall, 3), String::new()),
        ("F1", format!("{:.3}", c.f1), String::new(), at_least(c.f1, 0.93)),
        ("false-positive rate", rate(&c.fpr, 3), interval(&c.fpr, 3), at_most(c.fpr.value, 0.03)),
        (
            "lure accuracy (a missed scam counts wrong)",
            rate(&r.lure_accuracy, 3),
            interval(&r.lure_accuracy, 3),
            at_least(r.lure_accuracy.value, 0.85),
        ),
        ("lure accuracy, delivery-family confusions forgiven", rate(&r.lure_accuracy_lenient, 3), String::new(), String::new()),
        (
            "brand accuracy (scams naming a brand)",
            rate(&r.brand_accuracy, 3),
            interval(&r.brand_accuracy, 3),
            at_least(r.brand_accuracy.value, 0.85),
        ),
        (
            "unbranded scams given a brand",
            format!("{}/{}", r.unbranded_given_brand.hits, r.unbranded_given_brand.total),
            String::new(),
            String::new(),
        ),
        ("language detection", rate(&r.language_detection, 3), String::new(), String::new()),
        ("URL extraction recall", extraction(&e.url), String::new(), at_least(e.url.recall.value, 0.95)),
        ("phone extraction recall", extraction(&e.phone), String::new(), at_least(e.phone.recall.value, 0.95)),
        ("amount extraction recall", extraction(&e.amount), String::new(), at_least(e.amount.recall.value, 0.95)),
        ("tracking recall, UPU S10", extraction(&e.tracking_s10), String::new(), String::new()),
        ("tracking recall, other formats", extraction(&e.tracking_other), String::new(), String::new()),
        ("benign flagged, per language", per_lang, String::new(), String::new()),
        ("benign flagged, per category", per_category, String::new(), String::new()),
    ];
    for (figure, value, ci, target) in rows {
        let _ = writeln!(out, "| {figure} | {value} | {ci} | {target} |");
    }
    out
}

fn classification_row(name: &str, c: &Classification) -> String {
    format!(
        "| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} ({}/{}) |\n",
        c.items, c.positives, c.precision.value, c.recall.value, c.f1, c.fpr.value, c.fpr.hits, c.fpr.total
    )
}

/// What the text output adds to the table: per language, extras, lure confusions, misses.
fn message_details(r: &MessageReport, show_misses: bool) -> String {
    let mut out =
        String::from("| language | messages | scams | precision | recall | F1 | FPR (fp/benign) |\n|---|---|---|---|---|---|---|\n");
    for (l, c) in &r.per_language {
        out += &classification_row(l, c);
    }
    for (l, c) in &r.per_extra_language {
        out += &classification_row(&format!("{l} (extra)"), c);
    }
    if r.extras.items > 0 {
        out += &classification_row("extras (not targets)", &r.extras);
    }
    out += "\n| language | lure accuracy | brand accuracy | URL recall | phone recall | amount recall |\n|---|---|---|---|---|---|\n";
    for (l, f) in &r.per_language_detail {
        let _ = writeln!(
            out,
            "| {l} | {} | {} | {} | {} | {} |",
            rate(&f.lure_accuracy, 3),
            rate(&f.brand_accuracy, 3),
            rate(&f.url_recall, 3),
            rate(&f.phone_recall, 3),
            rate(&f.amount_recall, 3)
        );
    }
    let _ = writeln!(out, "\n- lure accuracy, scams detected: {}", rate(&r.lure_accuracy_detected, 3));
    let _ = writeln!(out, "- brand named in benign messages (informative): {}", rate(&r.benign_brand_accuracy, 3));
    let x = &r.extraction.extras;
    if r.extras.items > 0 {
        let _ = writeln!(
            out,
            "- extras: URL {}; phone {}; amount {}; S10 {}; other tracking {}",
            extraction(&x.url),
            extraction(&x.phone),
            extraction(&x.amount),
            extraction(&x.tracking_s10),
            extraction(&x.tracking_other)
        );
    }
    out += "\nlure confusion (want -> got: count):\n";
    for c in &r.lure_confusion {
        let _ = writeln!(out, "  {} -> {}: {}", c.want, c.got, c.count);
    }
    if show_misses {
        out += "\nmisses:\n";
        r.misses.iter().for_each(|m| out += &format!("  {m}\n"));
    } else {
        let _ = writeln!(out, "\n{} misses (--show-misses lists them, for the development set only)", r.miss_count);
    }
    out
}

/// The figures of a URL set, as BENCHMARKS.md shows them: the command on the line above.
fn link_table(command: &str, r: &LinkReport) -> String {
    let c = &r.classification;
    let mut out = format!(
        "`{command}`: {} lines, {} scored ({} malicious, {} benign of which {} hard negatives), {} bare shorteners unscored; \
         parse errors: {} on positives, {} on negatives.\n\n\
         | figure | value | 95% interval | target |\n|---|---|---|---|\n",
        r.lines, r.scored, c.positives, c.negatives, r.hard_negatives, r.ambiguous, r.parse_errors_positive, r.parse_errors_negative
    );
    let rows: [(&str, &Rate, String); 7] = [
        ("precision (suspicious = positive)", &c.precision, at_least(c.precision.value, 0.97)),
        ("recall (suspicious = positive)", &c.recall, at_least(c.recall.value, 0.90)),
        ("false-positive rate", &c.fpr, at_most(c.fpr.value, 0.01)),
        ("false-positive rate, malicious verdicts only", &r.fpr_malicious_only, at_most(r.fpr_malicious_only.value, 0.005)),
        ("false-positive rate on hard negatives", &r.fpr_hard_negatives, String::new()),
        ("recall, malicious verdicts only", &r.recall_malicious_only, String::new()),
        ("brand accuracy (positives naming a brand)", &r.brand_accuracy, String::new()),
    ];
    for (figure, value, target) in rows {
        let _ = writeln!(out, "| {figure} | {} | {} | {target} |", rate(value, 4), interval(value, 3));
    }
    out
}
