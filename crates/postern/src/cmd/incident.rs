//! `postern incident clock`: the regulatory reporting deadlines of an incident (NIS2 early
//! warning, notification, final or progress report) from its times, in UTC and the zone; and
//! `postern incident create|list|show`: an organisation's cases on a hub, through
//! `/api/v1/incidents` with an API token (the API decides everything; this prints its answers).

mod followup;
pub mod remind;

use anyhow::Context;
use chrono::{DateTime, SecondsFormat, Utc};
use incidents::{Anchor, Clock, Request};

/// Incident handling.
#[derive(Debug, clap::Subcommand)]
pub enum IncidentCommand {
    /// Compute the reporting deadlines of an incident under a jurisdiction's rule set.
    Clock(ClockArgs),
    /// Open an incident case on a hub, for the token's organisation.
    Create(Box<CreateArgs>),
    /// List the organisation's incident cases on a hub, newest first.
    List(HubArgs),
    /// Show one incident case with its clock, notes, tasks, evidence and links.
    Show(ShowArgs),
    /// Export a stage report of a case: bilingual HTML, PDF or a STIX 2.1 bundle.
    Report(followup::ReportArgs),
    /// Takedown requests of a case's scam domains.
    #[command(subcommand)]
    Takedown(followup::TakedownCommand),
}

/// Where the hub is and who asks.
#[derive(Debug, clap::Args)]
pub struct HubArgs {
    /// Base URL of the hub (e.g. https://isac.example.org).
    #[arg(long, env = "POSTERN_HUB", value_name = "URL")]
    pub hub: String,
    /// API token of a member of the organisation.
    #[arg(long, env = "POSTERN_TOKEN", hide_env_values = true)]
    pub token: String,
}

/// Arguments of `postern incident create`; what is left out is "not known yet".
#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    #[arg(long)]
    pub title: String,
    #[arg(long)]
    pub summary: Option<String>,
    /// RSIT machine value, e.g. fraud:phishing.
    #[arg(long)]
    pub classification: Option<String>,
    /// unknown, low, medium or high.
    #[arg(long)]
    pub severity: Option<String>,
    /// Affected postal service (repeat): counters, parcels-tracking, postal-financial-services,
    /// e-government-counters, e-commerce.
    #[arg(long = "service", value_name = "SERVICE")]
    pub services: Vec<String>,
    #[arg(long)]
    pub users_affected: Option<i64>,
    /// unknown, yes or no.
    #[arg(long)]
    pub cross_border: Option<String>,
    /// unknown, yes or no.
    #[arg(long)]
    pub suspected_malicious: Option<String>,
    /// When the incident was detected (RFC 3339 with offset).
    #[arg(long, value_name = "T")]
    pub detected: Option<String>,
    /// When the organisation became aware of it: the clocks start here (RFC 3339 with offset).
    #[arg(long, value_name = "T")]
    pub aware: Option<String>,
    #[arg(long, value_name = "T")]
    pub contained: Option<String>,
    #[arg(long, value_name = "T")]
    pub resolved: Option<String>,
    /// Rule set of the clocks: eu (default) or a national variant such as al.
    #[arg(long)]
    pub jurisdiction: Option<String>,
    /// The organisation's IANA time zone (default UTC).
    #[arg(long, value_name = "ZONE")]
    pub tz: Option<String>,
}

/// Arguments of `postern incident show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    /// The case number.
    pub id: i64,
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
    let a = match command {
        IncidentCommand::Clock(a) => a,
        IncidentCommand::Create(a) => return create(json, *a),
        IncidentCommand::List(h) => return list(json, &h),
        IncidentCommand::Show(a) => return show(json, a),
        IncidentCommand::Report(a) => return followup::report(&a),
        IncidentCommand::Takedown(c) => return followup::takedown(json, c),
    };
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

/// `{"<stage>_due": RFC 3339 UTC or null, ...}` for every stage of the rule set that runs on a
/// clock: an on-request stage (the intermediate report) has no deadline before a request, which
/// this command does not take, so it is left out.
fn to_json(clock: &Clock) -> serde_json::Value {
    let map = clock
        .deadlines
        .iter()
        .filter(|d| !d.on_request)
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
            (None, _, Anchor::Request) => "owed only if the CSIRT or authority asks for it (NIS2 Art. 23(4)(c))".to_string(),
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

/// One request to the hub's incident API: the hub's address is the operator's own setting, so
/// it goes through the outbound guard under the operator-approved policy, resolved once and
/// pinned, without proxies or redirects. Returns the JSON answer, or the problem's detail.
pub(crate) fn call(
    h: &HubArgs,
    method: reqwest::Method,
    path: &str,
    body: Option<&serde_json::Value>,
) -> anyhow::Result<serde_json::Value> {
    let (url, resp) = send(h, method, path, body)?;
    let status = resp.status();
    let answer: serde_json::Value = resp.json().with_context(|| format!("{url} answered HTTP {status} without JSON"))?;
    refused(status, &answer)?;
    Ok(answer)
}

/// A refusal of the hub as an error naming its detail and field.
fn refused(status: reqwest::StatusCode, answer: &serde_json::Value) -> anyhow::Result<()> {
    if !status.is_success() {
        let detail = answer["detail"].as_str().unwrap_or("no detail");
        match answer["details"]["field"].as_str() {
            Some(field) => anyhow::bail!("the hub refused (HTTP {}): {detail} [field: {field}]", status.as_u16()),
            None => anyhow::bail!("the hub refused (HTTP {}): {detail}", status.as_u16()),
        }
    }
    Ok(())
}

/// One GET whose answer is a file (HTML, PDF, STIX): its bytes, or the problem's detail.
fn fetch_bytes(h: &HubArgs, path: &str) -> anyhow::Result<Vec<u8>> {
    let (url, resp) = send(h, reqwest::Method::GET, path, None)?;
    let status = resp.status();
    let bytes = resp.bytes().with_context(|| format!("reading the answer of {url}"))?.to_vec();
    if !status.is_success() {
        refused(status, &serde_json::from_slice(&bytes).unwrap_or_default())?;
    }
    Ok(bytes)
}

/// Sends one request through the guard (see [`call`]).
fn send(
    h: &HubArgs,
    method: reqwest::Method,
    path: &str,
    body: Option<&serde_json::Value>,
) -> anyhow::Result<(String, reqwest::blocking::Response)> {
    let url = format!("{}{path}", h.hub.trim_end_matches('/'));
    let parsed = url::Url::parse(&url).with_context(|| format!("--hub {}: not a URL", h.hub))?;
    let (Some(host), Some(port)) = (parsed.host_str().map(str::to_string), parsed.port_or_known_default()) else {
        anyhow::bail!("--hub {}: no host", h.hub);
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting a resolver")?;
    let allowed = runtime.block_on(outbound::resolve(&host, port, outbound::GuardPolicy::OPERATOR_APPROVED))?;
    let client = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .resolve(host.trim_start_matches('[').trim_end_matches(']'), std::net::SocketAddr::new(allowed.ip(), port))
        .build()?;
    let mut req = client.request(method, &url).bearer_auth(&h.token);
    if let Some(b) = body {
        req = req.json(b);
    }
    let resp = req.send().with_context(|| format!("calling {url}"))?;
    Ok((url, resp))
}

fn create(json: bool, a: CreateArgs) -> anyhow::Result<()> {
    let mut body = serde_json::json!({ "title": a.title });
    let text = [
        ("summary", a.summary),
        ("classification", a.classification),
        ("severity", a.severity),
        ("cross_border", a.cross_border),
        ("suspected_malicious", a.suspected_malicious),
        ("detected", a.detected),
        ("aware", a.aware),
        ("contained", a.contained),
        ("resolved", a.resolved),
        ("jurisdiction", a.jurisdiction),
        ("zone", a.tz),
    ];
    for (key, value) in text {
        if let Some(v) = value {
            body[key] = v.into();
        }
    }
    if !a.services.is_empty() {
        body["services"] = a.services.into();
    }
    if let Some(n) = a.users_affected {
        body["users_affected"] = n.into();
    }
    let case = call(&a.hub, reqwest::Method::POST, "/api/v1/incidents", Some(&body))?;
    print_case(json, &case)
}

fn list(json: bool, h: &HubArgs) -> anyhow::Result<()> {
    let answer = call(h, reqwest::Method::GET, "/api/v1/incidents", None)?;
    if json {
        println!("{answer}");
        return Ok(());
    }
    let cases = answer["incidents"].as_array().cloned().unwrap_or_default();
    println!("{:>6}  {:<8} {:<34} {:<24} title", "id", "severity", "classification", "aware (UTC)");
    for c in cases {
        let s = |k: &str| c[k].as_str().unwrap_or("-").to_string();
        println!("{:>6}  {:<8} {:<34} {:<24} {}", c["id"], s("severity"), s("classification"), s("aware"), s("title"));
    }
    Ok(())
}

fn show(json: bool, a: ShowArgs) -> anyhow::Result<()> {
    let case = call(&a.hub, reqwest::Method::GET, &format!("/api/v1/incidents/{}", a.id), None)?;
    print_case(json, &case)
}

/// A case: its JSON as the API answered it, or its fields and clock as text.
fn print_case(json: bool, case: &serde_json::Value) -> anyhow::Result<()> {
    if json {
        println!("{case}");
        return Ok(());
    }
    let s = |k: &str| case[k].as_str().unwrap_or("-").to_string();
    println!("Incident {}: {}", case["id"], s("title"));
    for k in ["classification", "severity", "suspected_malicious", "detected", "aware", "contained", "resolved", "jurisdiction", "zone"] {
        println!("  {k:<20} {}", s(k));
    }
    let stages = case["clock"]["stages"].as_array().cloned().unwrap_or_default();
    if stages.is_empty() {
        println!("  clock: not started (no `aware` time yet)");
    }
    for st in stages {
        let due = st["due"].as_str().map_or("-".to_string(), |d| format!("{d} ({})", st["due_local"].as_str().unwrap_or("-")));
        let flag = if st["overdue"] == true { "  OVERDUE" } else { "" };
        println!("  {:<18} {due}{flag}", st["stage"].as_str().unwrap_or("-"));
    }
    for (k, label) in [("notes", "notes"), ("tasks", "tasks"), ("evidence", "evidence files"), ("links", "linked objects")] {
        if let Some(items) = case[k].as_array() {
            println!("  {label}: {}", items.len());
        }
    }
    Ok(())
}
