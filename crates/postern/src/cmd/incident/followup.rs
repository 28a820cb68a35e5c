//! `postern incident report ID STAGE --html|--pdf|--stix`: a stage report's export from the
//! hub; `postern incident takedown add|list|status`: takedown requests of a case's scam domains.
//! Both go through `/api/v1/incidents` with an API token; the hub decides and audits.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use super::{HubArgs, call, fetch_bytes};

/// Arguments of `postern incident report`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("format").required(true).args(["html", "pdf", "stix"])))]
pub struct ReportArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    /// The case number.
    pub id: i64,
    /// The stage (early_warning, notification, final_report, progress_report).
    pub stage: String,
    /// A standalone bilingual HTML page.
    #[arg(long)]
    pub html: bool,
    /// A bilingual PDF.
    #[arg(long)]
    pub pdf: bool,
    /// A STIX 2.1 bundle with the Incident Core extension.
    #[arg(long)]
    pub stix: bool,
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

pub fn report(a: &ReportArgs) -> anyhow::Result<()> {
    let format = if a.html {
        "html"
    } else if a.pdf {
        "pdf"
    } else {
        "stix"
    };
    let stage: String = a.stage.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    if stage != a.stage || stage.is_empty() {
        anyhow::bail!("STAGE '{}': a stage id such as early_warning", a.stage);
    }
    let bytes = fetch_bytes(&a.hub, &format!("/api/v1/incidents/{}/reports/{stage}/{format}", a.id))?;
    match &a.out {
        Some(path) => std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?,
        None => std::io::stdout().write_all(&bytes).context("writing to standard output")?,
    }
    Ok(())
}

/// Takedown requests.
#[derive(Debug, clap::Subcommand)]
pub enum TakedownCommand {
    /// Request the takedown of a scam domain (audited as incident.takedown.add).
    Add(TakedownAddArgs),
    /// List a case's takedown requests.
    List(TakedownCaseArgs),
    /// Set a takedown request's status: requested, acknowledged, taken-down or refused.
    Status(TakedownStatusArgs),
}

#[derive(Debug, clap::Args)]
pub struct TakedownCaseArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    /// The case number.
    pub id: i64,
}

#[derive(Debug, clap::Args)]
pub struct TakedownAddArgs {
    #[command(flatten)]
    pub case: TakedownCaseArgs,
    /// The scam domain.
    #[arg(long)]
    pub domain: String,
    /// A registrar or host abuse contact (e-mail or URL); repeatable.
    #[arg(long = "contact", value_name = "CONTACT")]
    pub contacts: Vec<String>,
    /// Evidence: evidence:<file id> of the case or a hub STIX id; repeatable.
    #[arg(long = "evidence", value_name = "REF")]
    pub evidence: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct TakedownStatusArgs {
    #[command(flatten)]
    pub case: TakedownCaseArgs,
    /// The takedown request's number.
    pub takedown: i64,
    /// requested, acknowledged, taken-down or refused.
    pub status: String,
}

fn print_takedown(t: &serde_json::Value) {
    let list = |k: &str| t[k].as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join(", ")).unwrap_or_default();
    println!(
        "{:>5}  {:<13} {:<40} contacts: {}{}",
        t["id"],
        t["status"].as_str().unwrap_or("-"),
        t["domain"].as_str().unwrap_or("-"),
        list("contacts"),
        if list("evidence").is_empty() { String::new() } else { format!("; evidence: {}", list("evidence")) }
    );
}

pub fn takedown(json: bool, c: TakedownCommand) -> anyhow::Result<()> {
    let answer = match &c {
        TakedownCommand::Add(a) => {
            let body = serde_json::json!({"domain": a.domain, "contacts": a.contacts, "evidence": a.evidence});
            call(&a.case.hub, reqwest::Method::POST, &format!("/api/v1/incidents/{}/takedowns", a.case.id), Some(&body))?
        }
        TakedownCommand::List(a) => call(&a.hub, reqwest::Method::GET, &format!("/api/v1/incidents/{}/takedowns", a.id), None)?,
        TakedownCommand::Status(a) => {
            let body = serde_json::json!({"status": a.status});
            let path = format!("/api/v1/incidents/{}/takedowns/{}", a.case.id, a.takedown);
            call(&a.case.hub, reqwest::Method::PATCH, &path, Some(&body))?
        }
    };
    if json {
        println!("{answer}");
    } else if let Some(items) = answer["takedowns"].as_array() {
        items.iter().for_each(print_takedown);
    } else {
        print_takedown(&answer);
    }
    Ok(())
}
