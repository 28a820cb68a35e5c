//! `postern readiness snapshot [--quarter YYYYQn]`: publishes a quarter's readiness benchmark
//! snapshot for operators (the same one `serve` publishes when a quarter starts), or says it is
//! already published. A published snapshot is never recomputed: running this again, or after new
//! submissions, changes nothing.

use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, SecondsFormat, Utc};
use readiness::bench::{Verdict, parse_quarter, quarter_name, quarter_start};

/// Readiness assessments on the hub's database.
#[derive(Debug, clap::Subcommand)]
pub enum ReadinessCommand {
    /// Publish the benchmark snapshot of a quarter (default: the current one) unless it exists.
    Snapshot(SnapshotArgs),
}

#[derive(Debug, clap::Args)]
pub struct SnapshotArgs {
    /// The quarter, e.g. 2026Q4; it must have started.
    #[arg(long, value_name = "YYYYQn")]
    pub quarter: Option<String>,
}

/// The start of the quarter asked for, checked against `now`: a quarter that has not started
/// could still gain submissions before its start, so it is refused.
pub fn quarter_of(arg: Option<&str>, now: DateTime<Utc>) -> anyhow::Result<DateTime<Utc>> {
    let Some(text) = arg else { return Ok(quarter_start(now)) };
    let start = parse_quarter(text).map_err(|e| anyhow::anyhow!("--quarter: {e}"))?;
    if start > now {
        anyhow::bail!("--quarter: {} has not started yet (it starts on {})", quarter_name(start), start.format("%Y-%m-%d"));
    }
    Ok(start)
}

pub fn run(data: &Path, json: bool, command: ReadinessCommand) -> anyhow::Result<()> {
    let ReadinessCommand::Snapshot(args) = command;
    let as_of = quarter_of(args.quarter.as_deref(), Utc::now())?;
    let target = data.to_str().context("the data directory path is not UTF-8")?;
    let stores = store::open_serve(target).context("opening the database")?;
    let (snapshot, published) = portal::publish_readiness_snapshot(&*stores.readiness, as_of).context("publishing the snapshot")?;
    let shown = snapshot.groups.iter().filter(|g| g.verdict == Verdict::Published).count();
    let withheld = snapshot.groups.len() - shown;
    let as_of_text = snapshot.as_of.to_rfc3339_opts(SecondsFormat::Secs, true);
    if json {
        let out = serde_json::json!({
            "quarter": quarter_name(as_of), "as_of": as_of_text, "published_now": published,
            "groups_published": shown, "groups_withheld": withheld,
        });
        println!("{out}");
    } else {
        let verb = if published { "published now" } else { "already published (unchanged)" };
        println!("{} snapshot as of {as_of_text}: {verb}; {shown} groups published, {withheld} withheld", quarter_name(as_of));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_quarter_must_have_started() {
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 18, 0, 0).unwrap();
        assert_eq!(quarter_of(None, now).unwrap(), Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap());
        assert_eq!(quarter_of(Some("2026Q3"), now).unwrap(), Utc.with_ymd_and_hms(2026, 7, 1, 0, 0, 0).unwrap());
        let err = quarter_of(Some("2027Q1"), now).unwrap_err().to_string();
        assert!(err.contains("--quarter: 2027Q1 has not started yet"), "{err}");
        assert!(quarter_of(Some("2026-Q4"), now).unwrap_err().to_string().starts_with("--quarter: '2026-Q4' is not a quarter"));
    }
}
