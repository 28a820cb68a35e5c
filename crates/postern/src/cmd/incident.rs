//! `postern incident clock`: the regulatory reporting deadlines of an incident (NIS2 early
//! warning, notification, final or progress report) from its times, in UTC and the zone.

use anyhow::Context;
use chrono::{DateTime, SecondsFormat, Utc};
use incidents::{Anchor, Clock, Request};

/// Incident handling.
#[derive(Debug, clap::Subcommand)]
pub enum IncidentCommand {
    /// Compute the reporting deadlines of an incident under a jurisdiction's rule set.
    Clock(ClockArgs),
}

/// Arguments of `postern incident clock`.
#[derive(Debug, clap::Args)]
pub struct ClockArgs {
    /// Rule set: `eu` (NIS2 Art. 23) or a national variant such as `al`.
    #[arg(long, default_value = "eu")]
    pub jurisdiction: String,
    /// When the organisation became aware of the significant incident (RFC 3339 with offset).
    #[arg(long, value_name = "T")]
    pub aware: String,
    /// When the incident was detected (RFC 3339 with offset); never after --aware.
    #[arg(long, value_name = "T")]
    pub detected: Option<String>,
    /// When the incident notification was submitted (RFC 3339 with offset).
    #[arg(long, value_name = "T")]
    pub notified: Option<String>,
    /// The incident is still ongoing: the one-month stage is a progress report.
    #[arg(long)]
    pub ongoing: bool,
    /// The organisation's IANA time zone, in which month delays are counted and deadlines shown.
    #[arg(long, value_name = "ZONE", default_value = "UTC")]
    pub tz: String,
}

pub fn run(json: bool, command: IncidentCommand) -> anyhow::Result<()> {
    let IncidentCommand::Clock(a) = command;
    let req = Request {
        jurisdiction: &a.jurisdiction,
        zone: Some(&a.tz),
        aware: &a.aware,
        detected: a.detected.as_deref(),
        notified: a.notified.as_deref(),
        ongoing: a.ongoing,
    };
    // The one place the clock is read: the engine takes `now` as a parameter.
    let clock = incidents::evaluate(&req, Utc::now()).context("computing the incident clock")?;
    if json {
        println!("{}", serde_json::to_string_pretty(&to_json(&clock))?);
    } else {
        print!("{}", table(&clock));
    }
    Ok(())
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// `{"<stage>_due": RFC 3339 UTC or null, ...}` for every stage of the rule set.
fn to_json(clock: &Clock) -> serde_json::Value {
    let map = clock
        .deadlines
        .iter()
        .map(|d| (format!("{}_due", d.stage), d.due.map(utc).map_or(serde_json::Value::Null, serde_json::Value::String)));
    serde_json::Value::Object(map.collect())
}

/// One line per stage: the deadline in the organisation's zone and in UTC, or why there is none.
fn table(clock: &Clock) -> String {
    let zone = clock.zone.name();
    let mut out = format!("Incident clock, jurisdiction {}, time zone {zone}\n", clock.jurisdiction);
    out.push_str(&format!("{:<18} {:<26} {}\n", "stage", format!("due ({zone})"), "due (UTC)"));
    for d in &clock.deadlines {
        let line = match (d.due, d.applies, &d.anchor) {
            (Some(t), _, _) => format!("{:<26} {}", t.with_timezone(&clock.zone).format("%Y-%m-%d %H:%M:%S %Z"), utc(t)),
            (None, false, _) => "not owed in the incident's current state (see --ongoing)".to_string(),
            (None, true, Anchor::Submitted(s)) => format!("unknown until `{s}` is submitted"),
            (None, true, _) => "unknown until the anchor time is given".to_string(),
        };
        out.push_str(&format!("{:<18} {line}\n", d.stage));
    }
    if !clock.confirmed {
        out.push_str(&format!("note: the delays of `{}` are not confirmed from its law; see its rule set file.\n", clock.jurisdiction));
    }
    out
}
