//! `postern feeds import FILE --format domains|urls|csv --column N|stix`: parse and validate a
//! blocklist feed; with `--collection ID --org NAME` its entries become STIX indicators added to
//! the hub as that organisation (the server's blocklists pick them up on their next refresh).
//! `postern feeds export --collection ID --format rpz|hosts|plain|abp|csv|suricata|zeek|stix`:
//! the collection's live domain indicators as a blocklist, as `/feeds/{collection}/{format}`
//! serves them.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// `postern feeds ...`
#[derive(Debug, clap::Args)]
pub struct FeedsArgs {
    #[command(subcommand)]
    pub command: FeedsCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum FeedsCommand {
    /// Parse and validate a feed file; print entry counts and refused lines.
    Import(ImportArgs),
    /// Write a collection's live domain indicators as a blocklist feed on stdout.
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The collection.
    #[arg(long)]
    pub collection: String,
    /// rpz, hosts, plain, abp, csv, suricata, zeek or stix.
    #[arg(long)]
    pub format: String,
    /// The most restrictive TLP level to include (clear, green, amber).
    #[arg(long, default_value = "green")]
    pub tlp: String,
    /// Export what this member organisation may read; without it, what anyone may read (the
    /// TLP:CLEAR content of a public collection).
    #[arg(long)]
    pub org: Option<String>,
    /// RPZ: the zone's name (default `<collection>.rpz.postern`).
    #[arg(long)]
    pub zone: Option<String>,
    /// RPZ: send blocked names to this walled-garden host instead of NXDOMAIN.
    #[arg(long)]
    pub garden: Option<String>,
    /// Indicator lifetime models (TOML; default: the shipped models).
    #[arg(long, value_name = "FILE")]
    pub decay: Option<std::path::PathBuf>,
}

/// The lifetime models of `file`, or the shipped ones.
pub fn decay_models(file: Option<&Path>) -> anyhow::Result<monitor::decay::Decay> {
    match file {
        Some(f) => {
            let text = std::fs::read_to_string(f).with_context(|| format!("reading {}", f.display()))?;
            monitor::decay::Decay::parse(&text).with_context(|| format!("in {}", f.display()))
        }
        None => monitor::decay::Decay::embedded().context("the shipped decay models"),
    }
}

/// `postern feeds export`.
pub fn export(data: &Path, a: ExportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let format = monitor::feeds::Format::parse(&a.format).with_context(|| {
        let known: Vec<&str> = monitor::feeds::Format::ALL.iter().map(|f| f.name()).collect();
        format!("unknown format {:?}; known: {}", a.format, known.join(", "))
    })?;
    let ceiling = tlp::Tlp::parse(&a.tlp).with_context(|| format!("unknown TLP level {:?}", a.tlp))?;
    if ceiling > tlp::Tlp::Amber {
        anyhow::bail!("feeds carry at most TLP:AMBER: AMBER+STRICT and RED go to named recipients only");
    }
    let hub = crate::cmd::open_hub(data, hub::HubConfig::default())?;
    let who = match &a.org {
        Some(name) => {
            let org = hub.org(name).with_context(|| format!("organisation {name:?}"))?;
            hub::Principal::Member { org, token_id: "cli-feeds-export".into(), role: store::Role::Reader }
        }
        None => hub::Principal::Anonymous,
    };
    let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let decay = decay_models(a.decay.as_deref())?;
    let snap = server::api::feeds::snapshot(&hub, &who, &a.collection, ceiling, &analyzer, &decay, &now)
        .with_context(|| format!("reading collection {:?}", a.collection))?;
    let rpz = monitor::feeds::RpzOptions { zone: a.zone.unwrap_or_else(|| server::api::feeds::rpz_zone(&a.collection)), garden: a.garden };
    let bundle = server::api::feeds::bundle_id(&a.collection, snap.serial, snap.items.len());
    out.write_all(monitor::feeds::render(format, &snap, &rpz, &bundle).as_bytes())?;
    if format == monitor::feeds::Format::Suricata {
        eprintln!("# save as postern.lst beside this rule:\n{}", monitor::feeds::SURICATA_RULE);
    }
    Ok(())
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The feed file.
    pub file: PathBuf,
    #[command(flatten)]
    pub format: FormatArgs,
    /// TLP level for entries the file does not mark (clear, green, amber, amber+strict, red).
    #[arg(long, default_value = "clear")]
    pub tlp: String,
    /// Source name recorded with each entry (default: the file name).
    #[arg(long)]
    pub source: Option<String>,
    /// Add the entries to this hub collection as STIX indicators (needs --org).
    #[arg(long, requires = "org")]
    pub collection: Option<String>,
    /// The member organisation the indicators are attributed to (it must be allowed to write there).
    #[arg(long, requires = "collection")]
    pub org: Option<String>,
    /// Print one JSON object instead of text.
    /// Set from the global `--json` flag.
    #[arg(skip)]
    pub json: bool,
}

/// Feed layout options, shared with `postern check --blocklist`.
#[derive(Debug, Clone, clap::Args)]
pub struct FormatArgs {
    /// Layout of the file.
    #[arg(long, value_enum, default_value = "domains")]
    pub format: FormatArg,
    /// CSV column holding the value, counting from 1.
    #[arg(long)]
    pub column: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Domains,
    Urls,
    Csv,
    Stix,
}

impl FormatArgs {
    /// The library's format; CSV needs `--column`.
    pub fn to_format(&self) -> anyhow::Result<links::FeedFormat> {
        Ok(match self.format {
            FormatArg::Domains => links::FeedFormat::Domains,
            FormatArg::Urls => links::FeedFormat::Urls,
            FormatArg::Stix => links::FeedFormat::Stix,
            FormatArg::Csv => {
                let column = self.column.context("--format csv needs --column N (counting from 1)")?;
                anyhow::ensure!(column >= 1, "--column counts from 1");
                links::FeedFormat::Csv { column }
            }
        })
    }
}

/// Runs `postern feeds`; `data` is the global `--data` (or `--database`), used only with
/// `--collection`.
pub fn run(data: &Path, args: FeedsArgs) -> anyhow::Result<()> {
    match args.command {
        FeedsCommand::Import(a) => import(data, a, &mut std::io::stdout().lock()),
        FeedsCommand::Export(a) => export(data, a, &mut std::io::stdout().lock()),
    }
}

/// Objects per Add Objects call: keeps each request far below the hub's body limit.
const BATCH: usize = 500;

/// What adding a feed to the hub did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct HubCounts {
    pub indicators: usize,
    pub stored: u64,
    pub unchanged: u64,
    pub failed: u64,
}

/// Adds the feed's entries to `collection` as `org`. Indicators the collection already holds
/// (same deterministic or STIX id) count as unchanged and are not sent again.
pub fn add_to_hub(
    hub: &hub::Hub,
    org: &str,
    collection: &str,
    source: &str,
    entries: &[links::BlockEntry],
) -> anyhow::Result<(HubCounts, Vec<String>)> {
    let org = hub.org(org).with_context(|| format!("organisation {org:?}"))?;
    let namespace = hub.id_namespace(&org.identity_id);
    // The operator at the console acts for the organisation, as its admin would.
    let who = hub::Principal::Member { org, token_id: "cli-feeds-import".into(), role: store::Role::Admin };
    let now = store::now_rfc3339();
    let objects = links::indicators_for_entries(entries, source, &now, &namespace);
    let mut counts = HubCounts { indicators: objects.len(), ..HubCounts::default() };
    let mut failures = Vec::new();
    for chunk in objects.chunks(BATCH) {
        let ids: Vec<String> = chunk.iter().filter_map(|o| o["id"].as_str().map(str::to_string)).collect();
        let filters = hub::Filters { ids: ids.clone(), limit: Some(BATCH as u64), ..hub::Filters::default() };
        let existing: std::collections::HashSet<String> = hub
            .objects_page(&who, collection, "feeds import", &filters)
            .with_context(|| format!("reading collection {collection:?}"))?
            .objects
            .into_iter()
            .map(|o| o.object_id)
            .collect();
        let fresh: Vec<&serde_json::Value> = chunk.iter().filter(|o| o["id"].as_str().is_none_or(|id| !existing.contains(id))).collect();
        counts.unchanged += (chunk.len() - fresh.len()) as u64;
        if fresh.is_empty() {
            continue;
        }
        let body = serde_json::to_vec(&serde_json::json!({"objects": fresh}))?;
        let status = hub.add_objects(&who, collection, &body).with_context(|| format!("adding indicators to collection {collection:?}"))?;
        let already =
            status.successes.iter().filter(|d| d.message.as_deref().is_some_and(|m| m.starts_with("already stored"))).count() as u64;
        counts.unchanged += already;
        counts.stored += status.success_count - already;
        counts.failed += status.failure_count;
        failures.extend(status.failures.iter().map(|d| format!("{}: {}", d.id, d.message.as_deref().unwrap_or("refused"))));
    }
    Ok((counts, failures))
}

fn import(data: &Path, a: ImportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let format = a.format.to_format()?;
    let tlp = tlp::Tlp::parse(&a.tlp).with_context(|| format!("unknown TLP level {:?}", a.tlp))?;
    let source = a.source.clone().unwrap_or_else(|| a.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let mut defaults = links::FeedDefaults::public(&source);
    defaults.access.tlp = tlp;
    let import = links::import_feed_with(&a.file, format, &defaults).with_context(|| format!("importing {}", a.file.display()))?;
    let domains = import.count(links::EntryKind::Domain);
    let urls = import.count(links::EntryKind::Url);
    let ipv4 = import.count(links::EntryKind::Ipv4);
    let hub_result = match (&a.collection, &a.org) {
        (Some(collection), Some(org)) => {
            let hub = crate::cmd::open_hub(data, hub::HubConfig::default())?;
            Some(add_to_hub(&hub, org, collection, &source, &import.entries)?)
        }
        _ => None,
    };
    if a.json {
        let rejected: Vec<serde_json::Value> =
            import.rejected.iter().map(|(line, reason)| serde_json::json!({"line": line, "reason": reason})).collect();
        let doc = serde_json::json!({
            "file": a.file.display().to_string(),
            "source": source,
            "tlp": tlp.name(),
            "entries": import.entries.len(),
            "domains": domains,
            "urls": urls,
            "ipv4": ipv4,
            "rejected": rejected,
        });
        let mut doc = doc;
        if let (Some((c, failures)), Some(collection)) = (&hub_result, &a.collection) {
            doc["collection"] = serde_json::json!(collection);
            doc["indicators"] = serde_json::json!(c.indicators);
            doc["stored"] = serde_json::json!(c.stored);
            doc["unchanged"] = serde_json::json!(c.unchanged);
            doc["failed"] = serde_json::json!(c.failed);
            doc["failures"] = serde_json::json!(failures.iter().take(100).collect::<Vec<_>>());
        }
        writeln!(out, "{doc}")?;
        return Ok(());
    }
    writeln!(
        out,
        "{}: {} entries ({domains} domains, {urls} URLs, {ipv4} IPv4), {} rejected, {}",
        a.file.display(),
        import.entries.len(),
        import.rejected.len(),
        tlp.label()
    )?;
    for (line, reason) in import.rejected.iter().take(20) {
        writeln!(out, "  rejected line {line}: {reason}")?;
    }
    if import.rejected.len() > 20 {
        writeln!(out, "  ... and {} more", import.rejected.len() - 20)?;
    }
    if let (Some((c, failures)), Some(collection)) = (&hub_result, &a.collection) {
        writeln!(
            out,
            "collection {collection}: {} indicators, {} stored, {} unchanged, {} failed",
            c.indicators, c.stored, c.unchanged, c.failed
        )?;
        for f in failures.iter().take(20) {
            writeln!(out, "  failed {f}")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn import_prints_counts_in_json() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("feed.txt");
        std::fs::write(&path, "evil.top\n0.0.0.0 bad.example\nnot a domain\n").expect("write");
        let args = ImportArgs {
            file: path,
            format: FormatArgs { format: FormatArg::Domains, column: None },
            tlp: "green".into(),
            source: None,
            collection: None,
            org: None,
            json: true,
        };
        let mut out = Vec::new();
        import(dir.path(), args, &mut out).expect("imports");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(v["domains"], 2);
        assert_eq!(v["tlp"], "green");
        assert_eq!(v["rejected"][0]["line"], 3);
    }

    #[test]
    fn csv_without_column_is_refused() {
        let f = FormatArgs { format: FormatArg::Csv, column: None };
        assert!(f.to_format().is_err());
        let f = FormatArgs { format: FormatArg::Csv, column: Some(2) };
        assert!(matches!(f.to_format(), Ok(links::FeedFormat::Csv { column: 2 })));
    }
}
