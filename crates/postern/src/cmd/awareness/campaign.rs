//! `postern awareness campaign ...`: create a simulation campaign from a target list on the
//! hub's database (the one `postern serve` answers its links from), record reports and opt-outs,
//! and print results. The rules live in the `awareness` crate; this reads files, draws tokens,
//! stores and prints.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use awareness::clicks::{Class, Hit, HitKind, Scanners};
use awareness::results::{self, Outcome};
use awareness::templates::{Channel, Template};
use awareness::{Language, campaign};
use chrono::{DateTime, Utc};
use serde_json::json;
use store::MemberStore;
use store::awareness::{AwarenessStore, CampaignRecord, EventKind, NewCampaign, NewEvent, NewTarget, TargetRecord};

/// `postern awareness campaign ...`
#[derive(Debug, clap::Subcommand)]
pub enum CampaignCommand {
    /// Create a campaign from a CSV target list and print its tracking links.
    Create(Box<CreateArgs>),
    /// Send a running e-mail campaign's messages through an SMTP relay, each target once; after
    /// a refusal or a timeout, run it again to resume.
    Send(Box<super::send::SendArgs>),
    /// List an organisation's campaigns, newest first.
    List {
        #[arg(long)]
        org: String,
    },
    /// Print a campaign's results: clicks by evidence, submissions, reports, per group (groups
    /// under 5 people are suppressed).
    Results {
        id: i64,
        /// Print the per-group table as CSV (cells that a spreadsheet would run are escaped).
        #[arg(long)]
        csv: bool,
    },
    /// Record that a target reported the simulated message (the security team received it):
    /// give the tracking token or any link of the message.
    Report {
        #[arg(value_name = "TOKEN_OR_URL")]
        token: String,
    },
    /// Add an address to an organisation's opt-out list: no campaign will include it.
    OptOut {
        #[arg(long)]
        org: String,
        address: String,
    },
}

/// Arguments of `postern awareness campaign create`.
#[derive(Debug, clap::Args)]
pub struct CreateArgs {
    /// Organisation running the campaign.
    #[arg(long)]
    pub org: String,
    #[arg(long)]
    pub name: String,
    /// CSV with a header row: `email` (or `phone` for SMS) required, `name` and `group`
    /// optional, other columns ignored.
    #[arg(long, value_name = "FILE.csv")]
    pub targets: PathBuf,
    /// email or sms; must be the template's channel.
    #[arg(long, value_parser = parse_channel)]
    pub channel: Channel,
    /// Template id (`postern awareness templates`).
    #[arg(long)]
    pub template: String,
    /// Language of the message: en or fr.
    #[arg(long, default_value = "en", value_parser = parse_language)]
    pub lang: Language,
    /// The legal basis of the processing (e.g. "GDPR Art. 6(1)(f), LIA of 2026-11-02").
    #[arg(long)]
    pub legal_basis: Option<String>,
    /// The notice given to staff before the campaign (where and when).
    #[arg(long)]
    pub staff_notice: Option<String>,
    /// The works-council or staff-representative agreement, where one is needed.
    #[arg(long)]
    pub works_council: Option<String>,
    /// The URL `postern serve` is reached at: the links are built on it.
    #[arg(long, env = "POSTERN_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// Send nothing: the campaign stays a draft, but its links work.
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_channel(s: &str) -> Result<Channel, String> {
    Channel::from_key(s).ok_or_else(|| format!("unknown channel {s:?}: email or sms"))
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::from_key(s).ok_or_else(|| format!("unknown language {s:?}: en or fr"))
}

pub fn run(data: &Path, json: bool, command: CampaignCommand) -> anyhow::Result<()> {
    if super::super::is_database_url(data) {
        let url = data.to_str().context("the database URL is not UTF-8")?;
        let store = store::PgStore::open(url).context("opening the PostgreSQL database")?;
        return with_store(&store, json, command);
    }
    let store = store::SqliteStore::open(data).with_context(|| format!("opening the database in {}", data.display()))?;
    with_store(&store, json, command)
}

fn with_store<S: MemberStore + AwarenessStore>(store: &S, json: bool, command: CampaignCommand) -> anyhow::Result<()> {
    match command {
        CampaignCommand::Create(a) => create(store, json, &a),
        CampaignCommand::Send(a) => super::send::send(store, json, &a),
        CampaignCommand::List { org } => list(store, json, &org),
        CampaignCommand::Results { id, csv } => print_results(store, json, csv, id),
        CampaignCommand::Report { token } => report(store, json, &token),
        CampaignCommand::OptOut { org, address } => opt_out(store, json, &org, &address),
    }
}

fn org_id<S: MemberStore>(store: &S, name: &str) -> anyhow::Result<i64> {
    Ok(store.org_by_name(name)?.with_context(|| format!("--org: no organisation named '{name}' (postern org list)"))?.id)
}

fn template(id: &str) -> anyhow::Result<Template> {
    let all = awareness::templates::embedded().context("loading the shipped templates")?;
    let ids: Vec<String> = all.iter().map(|t| t.id.clone()).collect();
    all.into_iter().find(|t| t.id == id).with_context(|| format!("--template: no template '{id}' (one of {})", ids.join(", ")))
}

/// An unguessable token: 122 random bits from the operating system's generator.
fn token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn create<S: MemberStore + AwarenessStore>(store: &S, json: bool, a: &CreateArgs) -> anyhow::Result<()> {
    let org = org_id(store, &a.org)?;
    let t = template(&a.template)?;
    if t.channel != a.channel {
        bail!("--channel {}: template '{}' is an {} lure", a.channel.key(), t.id, t.channel.key());
    }
    let Some(public) = &a.public_url else {
        bail!("--public-url (or POSTERN_PUBLIC_URL): the URL `postern serve` is reached at is needed to build the links")
    };
    let public = server::public_base(public).context("--public-url")?;
    if a.name.trim().is_empty() {
        bail!("--name: a campaign needs a name");
    }
    let missing =
        campaign::missing(&campaign::Governance { legal_basis: a.legal_basis.as_deref(), staff_notice: a.staff_notice.as_deref() });
    if !a.dry_run && !missing.is_empty() {
        let keys: Vec<String> = missing.iter().map(|m| format!("--{}", m.key().replace('_', "-"))).collect();
        bail!(
            "the campaign cannot start before its governance is on record: give {} (or use --dry-run to try the links)",
            keys.join(" and ")
        );
    }
    let bytes = std::fs::read(&a.targets).with_context(|| format!("reading {}", a.targets.display()))?;
    let people = awareness::targets::parse(&bytes, a.channel).map_err(|e| anyhow::anyhow!("{}: {e}", a.targets.display()))?;
    let optouts = store.optouts(org)?;
    let (excluded, included): (Vec<_>, Vec<_>) = people.into_iter().partition(|p| optouts.contains(&p.address));
    if included.is_empty() {
        bail!("{}: every target is on the organisation's opt-out list", a.targets.display());
    }
    let targets: Vec<NewTarget> = included
        .iter()
        .map(|p| NewTarget {
            pseudonym: format!("p-{}", &token()[..12]),
            group: p.group.clone(),
            address: p.address.clone(),
            name: p.name.clone(),
            token: token(),
        })
        .collect();
    let now = store::now_rfc3339();
    let state = if a.dry_run { campaign::State::Draft } else { campaign::State::Running };
    let record = store.create_campaign(
        &NewCampaign {
            org_id: org,
            name: a.name.trim().to_string(),
            channel: a.channel.key().to_string(),
            template: t.id.clone(),
            template_version: i64::from(t.version),
            language: a.lang.key().to_string(),
            legal_basis: a.legal_basis.clone(),
            staff_notice: a.staff_notice.clone(),
            works_council: a.works_council.clone(),
            state: state.key().to_string(),
            dry_run: a.dry_run,
            created_at: now.clone(),
            created_by: "cli".to_string(),
            started_at: (!a.dry_run).then_some(now),
        },
        &targets,
    )?;
    let links: Vec<_> =
        targets.iter().map(|t| json!({"target": t.address, "pseudonym": t.pseudonym, "url": format!("{public}/a/{}", t.token)})).collect();
    if json {
        let missing: Vec<&str> = missing.iter().map(|m| m.key()).collect();
        println!(
            "{}",
            json!({"id": record.id, "state": state.key(), "dry_run": a.dry_run, "started": !a.dry_run, "missing": missing,
                   "template": t.id, "difficulty": t.difficulty().key(), "targets": targets.len(), "opted_out": excluded.len(),
                   "links": links})
        );
    } else {
        println!("campaign {} created ({}), {} targets, {} opted out", record.id, state.key(), targets.len(), excluded.len());
        for l in &links {
            println!("{}\t{}", l["target"].as_str().unwrap_or_default(), l["url"].as_str().unwrap_or_default());
        }
    }
    Ok(())
}

fn list<S: MemberStore + AwarenessStore>(store: &S, json: bool, org: &str) -> anyhow::Result<()> {
    let campaigns = store.campaigns(org_id(store, org)?)?;
    let rows: Vec<_> = campaigns
        .iter()
        .map(|c| {
            let n = &c.campaign;
            json!({"id": c.id, "name": n.name, "channel": n.channel, "template": n.template, "state": n.state,
                   "dry_run": n.dry_run, "created_at": n.created_at})
        })
        .collect();
    if json {
        println!("{}", json!({"campaigns": rows}));
    } else {
        for c in &campaigns {
            println!("{}\t{}\t{}\t{}\t{}", c.id, c.campaign.state, c.campaign.channel, c.campaign.template, c.campaign.name);
        }
    }
    Ok(())
}

/// A stored landing event as the click classifier reads it (reports are no hits).
fn hit(e: &NewEvent) -> Option<Hit> {
    let kind = match e.kind {
        EventKind::Link => HitKind::Link,
        EventKind::Beacon => HitKind::Beacon { interaction: e.interaction.unwrap_or(false) },
        EventKind::Honeypot => HitKind::Honeypot,
        EventKind::Submit => HitKind::Submit,
        EventKind::Report => return None,
    };
    Some(Hit { at: time(&e.at)?, kind, method: e.method.clone(), user_agent: e.user_agent.clone(), network: e.network.parse().ok() })
}

fn time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// What each target did, from the stored events.
fn outcomes<S: AwarenessStore>(store: &S, c: &CampaignRecord) -> anyhow::Result<Vec<Outcome>> {
    let scanners = Scanners::embedded().context("loading the scanner list")?;
    let targets: Vec<TargetRecord> = store.targets(c.id)?;
    let events = store.events(c.id)?;
    let start = c.campaign.started_at.as_deref().unwrap_or(&c.campaign.created_at);
    let start = time(start).with_context(|| format!("campaign {}: stored start time '{start}' is not RFC 3339", c.id))?;
    let out = targets
        .iter()
        .map(|t| {
            let mine: Vec<&NewEvent> = events.iter().filter(|e| e.target_id == t.id).map(|e| &e.event).collect();
            let hits: Vec<Hit> = mine.iter().filter_map(|e| hit(e)).collect();
            let click = awareness::clicks::classify(&hits, &scanners);
            let confirmed_at = (click == Some(Class::ConfirmedHuman))
                .then(|| hits.iter().filter(|h| h.kind == HitKind::Link).map(|h| h.at).min())
                .flatten();
            Outcome {
                group: t.group.clone(),
                exposed_at: t.sent_at.as_deref().and_then(time).unwrap_or(start),
                click,
                first_click_at: confirmed_at,
                // A form posted by a visitor classed as a machine (a sandbox that fills forms) is
                // no submission by a person.
                submitted: matches!(click, Some(Class::ProbableHuman | Class::ConfirmedHuman))
                    && mine.iter().any(|e| e.kind == EventKind::Submit),
                first_report_at: mine.iter().filter(|e| e.kind == EventKind::Report).filter_map(|e| time(&e.at)).min(),
            }
        })
        .collect();
    Ok(out)
}

fn print_results<S: AwarenessStore>(store: &S, json: bool, csv: bool, id: i64) -> anyhow::Result<()> {
    let c = store.campaign(id)?.with_context(|| format!("no campaign {id}"))?;
    let summary = results::summarise(&outcomes(store, &c)?);
    if csv {
        let cell = awareness::targets::csv_cell;
        let mut out = String::from("group,targets,machine,probable_human,confirmed_human,submissions,reports,report_rate\n");
        for g in &summary.groups {
            let row = match &g.figures {
                None => format!("{},suppressed,,,,,,\n", cell(&g.group)),
                Some(f) => format!(
                    "{},{},{},{},{},{},{},{:.3}\n",
                    cell(&g.group),
                    f.targets,
                    f.clicks.machine,
                    f.clicks.probable_human,
                    f.clicks.confirmed_human,
                    f.submissions,
                    f.reports,
                    f.report_rate
                ),
            };
            out += &row;
        }
        print!("{out}");
        return Ok(());
    }
    let difficulty = template(&c.campaign.template).map(|t| t.difficulty().key()).unwrap_or("unknown");
    let mut value = serde_json::to_value(&summary)?;
    if let Some(o) = value.as_object_mut() {
        o.insert("id".into(), json!(c.id));
        o.insert("name".into(), json!(c.campaign.name));
        o.insert("template".into(), json!(c.campaign.template));
        o.insert("difficulty".into(), json!(difficulty));
        o.insert("state".into(), json!(c.campaign.state));
    }
    if json {
        println!("{value}");
    } else {
        let o = &summary.overall;
        println!(
            "campaign {} ({}, {difficulty}): {} targets, clicks machine {} / probable human {} / confirmed human {}, {} submissions, {} reports ({:.0}%)",
            c.id,
            c.campaign.template,
            o.targets,
            o.clicks.machine,
            o.clicks.probable_human,
            o.clicks.confirmed_human,
            o.submissions,
            o.reports,
            o.report_rate * 100.0
        );
    }
    Ok(())
}

fn report<S: AwarenessStore>(store: &S, json: bool, given: &str) -> anyhow::Result<()> {
    // A link of the message ends in the token (`/a/TOKEN`, `/a/TOKEN/h`): take the segment after `/a/`.
    let token = given.split("/a/").nth(1).map_or(given, |rest| rest.split(['/', '?', '#']).next().unwrap_or_default()).trim();
    let target = store.target_by_token(token)?.context("no simulation target has this token (a real message? report it in the portal)")?;
    let event = NewEvent {
        at: store::now_rfc3339(),
        kind: EventKind::Report,
        method: "CLI".into(),
        user_agent: String::new(),
        network: String::new(),
        interaction: None,
        view: None,
        fields: None,
    };
    store.record_event(target.id, &event)?;
    if json {
        println!("{}", json!({"campaign": target.campaign_id, "target": target.pseudonym, "reported": true}));
    } else {
        println!("well spotted: report recorded for {} in campaign {}", target.pseudonym, target.campaign_id);
    }
    Ok(())
}

fn opt_out<S: MemberStore + AwarenessStore>(store: &S, json: bool, org: &str, address: &str) -> anyhow::Result<()> {
    let org = org_id(store, org)?;
    let channel = if address.trim_start().starts_with('+') { Channel::Sms } else { Channel::Email };
    let normalised = awareness::targets::normalise(address, channel).map_err(|reason| anyhow::anyhow!("address '{address}' {reason}"))?;
    store.add_optout(org, &normalised, &store::now_rfc3339())?;
    if json {
        println!("{}", json!({"address": normalised, "opted_out": true}));
    } else {
        println!("{normalised} will not be included in this organisation's campaigns");
    }
    Ok(())
}
