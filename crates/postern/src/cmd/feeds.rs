//! `postern feeds import FILE --format domains|urls|csv --column N|stix`: parse and validate a
//! blocklist feed and print what it holds (persisting into the hub is the hub's job).

use std::io::Write;
use std::path::PathBuf;

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

pub fn run(args: FeedsArgs) -> anyhow::Result<()> {
    match args.command {
        FeedsCommand::Import(a) => import(a, &mut std::io::stdout().lock()),
    }
}

fn import(a: ImportArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let format = a.format.to_format()?;
    let tlp = tlp::Tlp::parse(&a.tlp).with_context(|| format!("unknown TLP level {:?}", a.tlp))?;
    let source = a
        .source
        .clone()
        .unwrap_or_else(|| a.file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let mut defaults = links::FeedDefaults::public(&source);
    defaults.access.tlp = tlp;
    let import = links::import_feed_with(&a.file, format, &defaults)
        .with_context(|| format!("importing {}", a.file.display()))?;
    let domains = import.count(links::EntryKind::Domain);
    let urls = import.count(links::EntryKind::Url);
    let ipv4 = import.count(links::EntryKind::Ipv4);
    if a.json {
        let rejected: Vec<serde_json::Value> = import
            .rejected
            .iter()
            .map(|(line, reason)| serde_json::json!({"line": line, "reason": reason}))
            .collect();
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
            json: true,
        };
        let mut out = Vec::new();
        import(args, &mut out).expect("imports");
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
