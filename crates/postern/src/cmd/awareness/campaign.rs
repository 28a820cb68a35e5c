//! `postern awareness campaign ...`: create a simulation campaign from a target list on the
//! hub's database (the one `postern serve` answers its links from), record reports and opt-outs,
//! and print results. The rules live in the `awareness` crate; this reads files, draws tokens,
//! stores and prints.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use awareness::templates::Channel;
use awareness::{Language, campaign};
use chrono::Utc;
use portal::awareness_service::{self as service, CampaignInput, Reported, ServiceError};
use serde_json::json;
use store::MemberStore;
use store::awareness::AwarenessStore;

/// `postern awareness campaign ...`
#[derive(Debug, clap::Subcommand)]
pub enum CampaignCommand {
    /// Create a campaign from a CSV target list and print its tracking links.
    Create(Box<CreateArgs>),
    /// Send a running campaign's messages, each target once: e-mail through an SMTP relay
    /// (--smtp), SMS through an HTTP gateway (--sms-gateway); after a refusal, an error or a
    /// timeout, run it again to resume.
    Send(Box<super::send::SendArgs>),
    /// Start a draft (a dry run included): the legal basis and staff notice must be on record or
    /// given here; `postern serve` (with --campaign-smtp or --sms-gateway) sends it from --start
    /// on, inside --send-window, at most --rate messages a minute, until --end.
    Start(Box<StartArgs>),
    /// Finish a campaign: nothing more is sent, and its links land on the teaching page without
    /// counting a click.
    Finish { id: i64 },
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
    /// Print a campaign's information sheet and DPIA draft (what is collected, how long, who
    /// sees it), written from its settings, as Markdown or HTML.
    Sheet {
        id: i64,
        /// Language of the sheet: en or fr.
        #[arg(long, default_value = "en", value_parser = parse_language)]
        lang: Language,
        /// Print HTML instead of Markdown.
        #[arg(long)]
        html: bool,
        /// The retention period `postern serve` runs with (--awareness-retention-days).
        #[arg(long, default_value_t = service::DEFAULT_RETENTION_DAYS)]
        retention_days: u32,
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
    #[command(flatten)]
    pub governance: GovernanceArgs,
    /// The URL `postern serve` is reached at: the links are built on it.
    #[arg(long, env = "POSTERN_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,
    /// Send nothing: the campaign stays a draft, but its links work.
    #[arg(long)]
    pub dry_run: bool,
}

/// Arguments of `postern awareness campaign start`.
#[derive(Debug, clap::Args)]
pub struct StartArgs {
    pub id: i64,
    /// When sending begins (RFC 3339, e.g. 2026-12-08T08:00:00Z); default: now.
    #[arg(long, value_name = "TIME")]
    pub start: Option<String>,
    /// When the campaign ends: nothing is sent after it and its links stop counting.
    #[arg(long, value_name = "TIME")]
    pub end: Option<String>,
    /// Send only inside this daily window, UTC (HH:MM-HH:MM; 22:00-06:00 runs over midnight).
    #[arg(long, value_name = "HH:MM-HH:MM")]
    pub send_window: Option<String>,
    /// Send at most this many messages a minute.
    #[arg(long, value_name = "N")]
    pub rate: Option<u32>,
    /// The sender address of an e-mail campaign's messages.
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,
    /// The post's own name, for `{{brand}}`.
    #[arg(long)]
    pub brand: Option<String>,
    /// The post's own domain, for `{{domain}}`.
    #[arg(long)]
    pub domain: Option<String>,
    /// The governance, where not on record yet.
    #[command(flatten)]
    pub governance: GovernanceArgs,
}

/// The governance record of a campaign (`create`, and `start` of a draft).
#[derive(Debug, clap::Args)]
pub struct GovernanceArgs {
    /// The legal basis of the processing (e.g. "GDPR Art. 6(1)(f), LIA of 2026-11-02").
    #[arg(long)]
    pub legal_basis: Option<String>,
    /// The notice given to staff before the campaign (where and when).
    #[arg(long)]
    pub staff_notice: Option<String>,
    /// The works-council or staff-representative agreement, where one is needed.
    #[arg(long)]
    pub works_council: Option<String>,
}

fn parse_channel(s: &str) -> Result<Channel, String> {
    Channel::from_key(s).ok_or_else(|| format!("unknown channel {s:?}: email or sms"))
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::from_key(s).ok_or_else(|| format!("unknown language {s:?}: en or fr"))
}

/// Runs `f` on the store of `data` (a data directory or a PostgreSQL URL).
pub fn on_store(data: &Path, f: impl FnOnce(&dyn AwarenessStore) -> anyhow::Result<()>) -> anyhow::Result<()> {
    if super::super::is_database_url(data) {
        let url = data.to_str().context("the database URL is not UTF-8")?;
        let store = store::PgStore::open(url).context("opening the PostgreSQL database")?;
        return f(&store);
    }
    let store = store::SqliteStore::open(data).with_context(|| format!("opening the database in {}", data.display()))?;
    f(&store)
}

/// Runs `f` on the data directory's store (SQLite or PostgreSQL) with its organisations.
fn on_member_store(data: &Path, f: impl FnOnce(&dyn MemberAwareness) -> anyhow::Result<()>) -> anyhow::Result<()> {
    if super::super::is_database_url(data) {
        let url = data.to_str().context("the database URL is not UTF-8")?;
        let store = store::PgStore::open(url).context("opening the PostgreSQL database")?;
        return f(&store);
    }
    let store = store::SqliteStore::open(data).with_context(|| format!("opening the database in {}", data.display()))?;
    f(&store)
}

/// A store with organisations and awareness.
trait MemberAwareness: MemberStore + AwarenessStore {}

impl<T: MemberStore + AwarenessStore> MemberAwareness for T {}

/// `postern awareness learners import FILE --org ORG`.
pub fn learners(data: &Path, json: bool, org: &str, file: &Path) -> anyhow::Result<()> {
    let csv = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    on_member_store(data, |store| {
        let org_id = org_id_dyn(store, org)?;
        let n = service::import_learners(store, org_id, &csv).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
        if json {
            println!("{}", serde_json::json!({"org": org, "learners": n}));
        } else {
            println!("set the groups of {n} members of {org}");
        }
        Ok(())
    })
}

/// `postern awareness completion --org ORG`.
pub fn completion(data: &Path, json: bool, org: &str) -> anyhow::Result<()> {
    on_member_store(data, |store| {
        let org_id = org_id_dyn(store, org)?;
        let summary = service::completion(store, org_id)?;
        if json {
            println!("{}", serde_json::to_value(&summary)?);
            return Ok(());
        }
        for g in std::iter::once(&summary.overall).chain(&summary.groups) {
            let name = if g.group.is_empty() { "(whole organisation)" } else { g.group.as_str() };
            match (&g.tracks, g.people) {
                (Some(tracks), Some(people)) => {
                    let cells: Vec<String> = tracks.iter().map(|t| format!("{} {}/{people}", t.track, t.completed)).collect();
                    println!("{name:<24} {people:>4} people  {}", cells.join("  "));
                }
                _ => println!("{name:<24} fewer than {} people: not shown", awareness::results::MIN_GROUP),
            }
        }
        Ok(())
    })
}

fn org_id_dyn(store: &dyn MemberAwareness, name: &str) -> anyhow::Result<i64> {
    Ok(store.org_by_name(name)?.with_context(|| format!("--org: no organisation named '{name}' (postern org list)"))?.id)
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
        CampaignCommand::Start(a) => start(store, json, &a),
        CampaignCommand::Finish { id } => finish(store, json, id),
        CampaignCommand::List { org } => list(store, json, &org),
        CampaignCommand::Results { id, csv } => print_results(store, json, csv, id),
        CampaignCommand::Report { token } => report(store, json, &token),
        CampaignCommand::OptOut { org, address } => opt_out(store, json, &org, &address),
        CampaignCommand::Sheet { id, lang, html, retention_days } => sheet(store, json, id, lang, html, retention_days),
    }
}

fn org_id<S: MemberStore>(store: &S, name: &str) -> anyhow::Result<i64> {
    Ok(store.org_by_name(name)?.with_context(|| format!("--org: no organisation named '{name}' (postern org list)"))?.id)
}

fn create<S: MemberStore + AwarenessStore>(store: &S, json: bool, a: &CreateArgs) -> anyhow::Result<()> {
    let org = org_id(store, &a.org)?;
    let Some(public) = &a.public_url else {
        bail!("--public-url (or POSTERN_PUBLIC_URL): the URL `postern serve` is reached at is needed to build the links")
    };
    let public = server::public_base(public).context("--public-url")?;
    let missing = campaign::missing(&campaign::Governance {
        legal_basis: a.governance.legal_basis.as_deref(),
        staff_notice: a.governance.staff_notice.as_deref(),
    });
    if !a.dry_run && !missing.is_empty() {
        let keys: Vec<String> = missing.iter().map(|m| format!("--{}", m.key().replace('_', "-"))).collect();
        bail!(
            "the campaign cannot start before its governance is on record: give {} (or use --dry-run to try the links)",
            keys.join(" and ")
        );
    }
    let bytes = std::fs::read(&a.targets).with_context(|| format!("reading {}", a.targets.display()))?;
    let input = CampaignInput {
        org_id: org,
        name: a.name.clone(),
        channel: a.channel.key().to_string(),
        template: a.template.clone(),
        language: a.lang.key().to_string(),
        legal_basis: a.governance.legal_basis.clone(),
        staff_notice: a.governance.staff_notice.clone(),
        works_council: a.governance.works_council.clone(),
        dry_run: a.dry_run,
        targets_csv: bytes,
        created_by: "cli".to_string(),
    };
    // The same rules as the API and the portal; a refusal names the flag (or the file) at fault.
    let created = service::create(store, &input, &public, Utc::now()).map_err(|e| match e {
        ServiceError::Field { field: "targets", reason } => anyhow::anyhow!("{}: {reason}", a.targets.display()),
        ServiceError::Field { field, reason } => anyhow::anyhow!("--{}: {reason}", field.replace('_', "-")),
        other => anyhow::Error::new(other),
    })?;
    if json {
        println!("{}", serde_json::to_value(&created)?);
    } else {
        println!("campaign {} created ({}), {} targets, {} opted out", created.id, created.state, created.targets, created.opted_out);
        for l in &created.links {
            println!("{}\t{}", l.target, l.url);
        }
    }
    Ok(())
}

/// A service refusal as the CLI says it: the flag at fault.
fn flagged(e: ServiceError) -> anyhow::Error {
    match e {
        ServiceError::Field { field, reason } => {
            let flag = match field {
                "sender" => "from".to_string(),
                "rate" => "rate".to_string(),
                other => other.replace('_', "-"),
            };
            anyhow::anyhow!("--{flag}: {reason}")
        }
        other => anyhow::Error::new(other),
    }
}

fn start<S: AwarenessStore>(store: &S, json: bool, a: &StartArgs) -> anyhow::Result<()> {
    let input = service::StartInput {
        legal_basis: a.governance.legal_basis.clone(),
        staff_notice: a.governance.staff_notice.clone(),
        works_council: a.governance.works_council.clone(),
        start: a.start.clone(),
        end: a.end.clone(),
        send_window: a.send_window.clone(),
        rate_per_minute: a.rate,
        sender: a.from.clone(),
        brand: a.brand.clone(),
        domain: a.domain.clone(),
    };
    let c = service::start(store, None, a.id, &input, Utc::now()).map_err(flagged)?;
    if json {
        println!("{}", service::lifecycle(&c, Utc::now()));
    } else {
        let from = c.schedule.starts_at.as_deref().unwrap_or_default();
        println!("campaign {} started: `postern serve` sends it from {from}", c.id);
    }
    Ok(())
}

fn finish<S: AwarenessStore>(store: &S, json: bool, id: i64) -> anyhow::Result<()> {
    let c = service::finish(store, None, id, Utc::now()).map_err(flagged)?;
    if json {
        println!("{}", service::lifecycle(&c, Utc::now()));
    } else {
        println!("campaign {id} finished: nothing more is sent and its links no longer count");
    }
    Ok(())
}

fn list<S: MemberStore + AwarenessStore>(store: &S, json: bool, org: &str) -> anyhow::Result<()> {
    let org = org_id(store, org)?;
    let campaigns = store.campaigns(org)?;
    let rows: Vec<_> = campaigns
        .iter()
        .map(|c| {
            let n = &c.campaign;
            json!({"id": c.id, "name": n.name, "channel": n.channel, "template": n.template,
                   "state": service::shown_state(c, Utc::now()), "dry_run": n.dry_run, "created_at": n.created_at,
                   "start": c.schedule.starts_at, "end": c.schedule.ends_at})
        })
        .collect();
    if json {
        // The figures across campaigns: by difficulty, repeat clickers, and per group.
        let o = service::overview(store, org, Utc::now())?;
        println!(
            "{}",
            json!({"campaigns": rows, "by_difficulty": o.by_difficulty, "repeat_clickers": o.repeat_clickers, "groups": o.groups})
        );
    } else {
        for c in &campaigns {
            println!("{}\t{}\t{}\t{}\t{}", c.id, c.campaign.state, c.campaign.channel, c.campaign.template, c.campaign.name);
        }
    }
    Ok(())
}

fn print_results<S: AwarenessStore>(store: &S, json: bool, csv: bool, id: i64) -> anyhow::Result<()> {
    let c = store.campaign(id)?.with_context(|| format!("no campaign {id}"))?;
    let r = service::results(store, &c, Utc::now())?;
    let summary = &r.summary;
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
    let difficulty = r.difficulty;
    let value = serde_json::to_value(&r)?;
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
    // A bare token is read as the path of one of the message's links.
    let message = if given.contains("/a/") { given.to_string() } else { format!("/a/{}", given.trim()) };
    let Reported::Simulation { campaign_id } = service::report(store, None, &message, "cli", Utc::now())? else {
        bail!("no simulation target has this token (a real message? report it in the portal)");
    };
    if json {
        println!("{}", json!({"campaign": campaign_id, "reported": true}));
    } else {
        println!("well spotted: report recorded in campaign {campaign_id}");
    }
    Ok(())
}

fn sheet<S: MemberStore + AwarenessStore>(store: &S, json: bool, id: i64, lang: Language, html: bool, days: u32) -> anyhow::Result<()> {
    let c = store.campaign(id)?.with_context(|| format!("no campaign {id}"))?;
    let org = store.org_by_id(c.campaign.org_id)?.map(|o| o.name).unwrap_or_default();
    let markdown = service::sheet(store, &c, &org, days, lang)?;
    let text = if html { awareness::markdown::to_html(&markdown, 0) } else { markdown };
    if json {
        println!("{}", json!({"campaign": id, "format": if html { "html" } else { "markdown" }, "sheet": text}));
    } else {
        print!("{text}");
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
