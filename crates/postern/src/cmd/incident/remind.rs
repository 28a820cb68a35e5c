//! The reminder sender of `postern serve`: every round, for each case whose clock runs, the
//! alerts `incidents::remind::alerts` says are owed (T-12 h, T-4 h, T-1 h by default, then
//! overdue) go by e-mail through the operator's SMTP relay and/or as a JSON POST to a webhook,
//! to the recipients configured for the case's organisation, nobody else.
//!
//! Once: each (case, stage, kind, deadline, channel) is recorded before it is sent
//! (`FollowUpStore::claim_reminder`, a unique row, so neither a restart nor a second hub process
//! on the same database sends it again) and the record is removed when the relay or the webhook
//! refused it, so the next round tries again. A crash between the claim and the send loses that
//! one reminder rather than sending it twice; the overdue state stays on the case page.
//! Relay and webhook addresses go through the outbound guard (operator-approved policy) and the
//! connection is made to the address the guard checked.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{DateTime, SecondsFormat, Utc};
use incidents::remind::{Alert, Policy};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::extension::ClientId;
use lettre::{SmtpTransport, Transport};
use serde_json::json;
use store::incidents::{CaseRecord, IncidentStore, ReminderRecord};

/// Flags of `postern serve` for the reminders (config keys: the names with `_`).
#[derive(Debug, Clone, clap::Args)]
pub struct RemindArgs {
    /// SMTP relay for incident deadline reminders, HOST:PORT (plain SMTP to the operator's MTA).
    #[arg(long, value_name = "HOST:PORT")]
    pub incident_remind_smtp: Option<String>,
    /// Sender address of the reminder e-mails.
    #[arg(long, value_name = "ADDRESS", default_value = "postern@localhost")]
    pub incident_remind_from: String,
    /// Who receives an organisation's reminders by e-mail, ORG=ADDRESS; repeatable.
    #[arg(long = "incident-remind-to", value_name = "ORG=ADDRESS")]
    pub incident_remind_to: Vec<String>,
    /// Where an organisation's reminders are POSTed as JSON, ORG=URL; repeatable.
    #[arg(long = "incident-remind-webhook", value_name = "ORG=URL")]
    pub incident_remind_webhook: Vec<String>,
    /// Lead times of the reminders before each deadline, in hours, comma-separated (default:
    /// each case's rule set's `remind_hours`, 12,4,1 for NIS2).
    #[arg(long, value_name = "HOURS")]
    pub incident_remind_hours: Option<String>,
    /// Seconds between two reminder rounds.
    #[arg(long, default_value_t = 60)]
    pub incident_remind_interval_secs: u64,
}

/// One place an organisation's reminders go.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Channel {
    Email(Mailbox),
    Webhook(url::Url),
}

impl Channel {
    fn key(&self) -> String {
        match self {
            Channel::Email(m) => format!("email:{}", m.email),
            Channel::Webhook(u) => format!("webhook:{u}"),
        }
    }
}

/// The checked reminder settings.
pub struct Reminders {
    /// The hub-wide lead times, when configured; else each case's rule set's.
    policy: Option<Policy>,
    smtp: Option<String>,
    from: Mailbox,
    /// Channels by organisation name.
    channels: BTreeMap<String, Vec<Channel>>,
    interval: Duration,
    public_url: Option<String>,
}

/// `ORG=VALUE` split at the last `=`... of the first one: organisation names carry no `=`.
fn org_value<'a>(flag: &str, text: &'a str) -> anyhow::Result<(&'a str, &'a str)> {
    match text.split_once('=') {
        Some((org, value)) if !org.trim().is_empty() && !value.trim().is_empty() => Ok((org.trim(), value.trim())),
        _ => bail!("--{flag} '{text}': expected ORG=VALUE"),
    }
}

impl Reminders {
    /// The settings from the flags; `None` when no recipient is configured (nothing to send).
    pub fn from_args(a: &RemindArgs, public_url: Option<String>) -> anyhow::Result<Option<Reminders>> {
        let policy = a
            .incident_remind_hours
            .as_deref()
            .map(Policy::parse)
            .transpose()
            .map_err(|e| anyhow::anyhow!("--incident-remind-hours: {}", e.reason))?;
        let from: Mailbox = a
            .incident_remind_from
            .parse()
            .with_context(|| format!("--incident-remind-from: '{}' is not an e-mail address", a.incident_remind_from))?;
        let mut channels: BTreeMap<String, Vec<Channel>> = BTreeMap::new();
        for t in &a.incident_remind_to {
            let (org, address) = org_value("incident-remind-to", t)?;
            let m: Mailbox =
                address.parse().with_context(|| format!("--incident-remind-to '{t}': '{address}' is not an e-mail address"))?;
            channels.entry(org.to_string()).or_default().push(Channel::Email(m));
        }
        if !a.incident_remind_to.is_empty() && a.incident_remind_smtp.is_none() {
            bail!("--incident-remind-to needs --incident-remind-smtp (the relay the e-mails go through)");
        }
        for w in &a.incident_remind_webhook {
            let (org, url) = org_value("incident-remind-webhook", w)?;
            let u = url::Url::parse(url).with_context(|| format!("--incident-remind-webhook '{w}': not a URL"))?;
            if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
                bail!("--incident-remind-webhook '{w}': an http or https URL with a host is needed");
            }
            channels.entry(org.to_string()).or_default().push(Channel::Webhook(u));
        }
        if a.incident_remind_interval_secs == 0 {
            bail!("--incident-remind-interval-secs must be at least 1");
        }
        if channels.is_empty() {
            return Ok(None);
        }
        Ok(Some(Reminders {
            policy,
            smtp: a.incident_remind_smtp.clone(),
            from,
            channels,
            interval: Duration::from_secs(a.incident_remind_interval_secs),
            public_url,
        }))
    }

    /// Runs rounds on a thread of its own for as long as the process lives.
    pub fn spawn(self, store: Arc<dyn IncidentStore>, hub: hub::Hub) {
        std::thread::Builder::new()
            .name("incident-reminders".into())
            .spawn(move || {
                loop {
                    if let Err(e) = self.round(&*store, &hub, Utc::now()) {
                        tracing::warn!(error = %format!("{e:#}"), "incident reminder round failed");
                    }
                    std::thread::sleep(self.interval);
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!(error = %e, "starting the incident reminder sender failed"));
    }

    /// One round: what every case owes at `now`, each sent once per channel. Returns how many
    /// reminders were sent.
    pub fn round(&self, store: &dyn IncidentStore, hub: &hub::Hub, now: DateTime<Utc>) -> anyhow::Result<usize> {
        let mut sent = 0;
        // A case played in an exercise is no incident: its clock shows in the exercise, but no
        // reminder reaches a real mailbox or webhook.
        for case in store.clock_cases()?.into_iter().filter(|c| !c.exercise) {
            let Some(org) = hub.org_by_id(case.org_id)? else { continue };
            let Some(channels) = self.channels.get(&org.name) else { continue };
            let submitted: BTreeMap<String, String> = store.submissions(case.id)?.into_iter().map(|s| (s.stage, s.submitted_at)).collect();
            let requested = portal::requested_map(&store.stage_requests(case.id)?);
            let Ok(Some(clock)) = incidents::case_clock(&portal::case_fields(&case.data), &submitted, &requested, now) else { continue };
            let policy = match &self.policy {
                Some(p) => p.clone(),
                None => incidents::jurisdiction(&case.data.jurisdiction)
                    .ok()
                    .and_then(|r| Policy::new(&r.remind_hours).ok())
                    .unwrap_or_default(),
            };
            for alert in incidents::remind::alerts(&clock, &submitted, &policy, now) {
                let owed = Owed { case: &case, org: &org.name, alert: &alert, zone: clock.zone };
                for channel in channels {
                    sent += usize::from(self.once(store, hub, &owed, channel, now));
                }
            }
        }
        Ok(sent)
    }

    /// Claims, sends and audits one reminder on one channel; `true` when it was sent now.
    fn once(&self, store: &dyn IncidentStore, hub: &hub::Hub, due: &Owed<'_>, channel: &Channel, now: DateTime<Utc>) -> bool {
        let Owed { case, org, alert, zone } = *due;
        let record = ReminderRecord {
            case_id: case.id,
            stage: alert.stage.clone(),
            kind: alert.kind.code(),
            due: alert.due_text(),
            sent_at: now.to_rfc3339_opts(SecondsFormat::Secs, true),
            channel: channel.key(),
        };
        match store.claim_reminder(&record) {
            Ok(true) => {}
            Ok(false) => return false,
            Err(e) => {
                tracing::warn!(error = %e, case = case.id, "recording an incident reminder failed");
                return false;
            }
        }
        let text = Text::of(case, org, alert, zone, self.public_url.as_deref());
        let delivered = match channel {
            Channel::Email(to) => self.email(to, &text),
            Channel::Webhook(url) => webhook(url, &text.json),
        };
        let outcome = match &delivered {
            Ok(()) => "ok",
            Err(_) => "error",
        };
        let entry = store::NewAudit {
            actor: "system:incident-reminders".into(),
            action: "incident.reminder.send".into(),
            target: format!("incident:{}", case.id),
            outcome: outcome.into(),
            detail: format!("{} {} {}", record.stage, record.kind, record.channel),
        };
        if let Err(e) = hub.append_audit(&entry) {
            tracing::warn!(error = %e, "writing a reminder audit line failed");
        }
        match delivered {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!(error = %format!("{e:#}"), case = case.id, channel = %record.channel, "an incident reminder was not delivered; retried next round");
                if let Err(e) = store.release_reminder(&record) {
                    tracing::warn!(error = %e, "releasing an undelivered reminder failed: it will not be retried");
                }
                false
            }
        }
    }

    fn email(&self, to: &Mailbox, text: &Text) -> anyhow::Result<()> {
        let smtp = self.smtp.as_deref().context("no --incident-remind-smtp")?;
        let relay = relay(smtp)?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to.clone())
            .subject(&text.subject)
            .header(ContentType::TEXT_PLAIN)
            .body(text.body.clone())
            .context("building the reminder")?;
        relay.send(&message).map_err(|e| anyhow::anyhow!("the relay did not take the reminder: {e}"))?;
        Ok(())
    }
}

/// One alert a case owes, with what its text needs.
#[derive(Clone, Copy)]
struct Owed<'a> {
    case: &'a CaseRecord,
    org: &'a str,
    alert: &'a Alert,
    zone: incidents::Zone,
}

/// What a reminder says, as mail text and as the webhook's JSON.
struct Text {
    subject: String,
    body: String,
    json: serde_json::Value,
}

impl Text {
    fn of(case: &CaseRecord, org: &str, alert: &Alert, zone: incidents::Zone, public_url: Option<&str>) -> Text {
        let stage = alert.stage.replace('_', " ");
        let due = alert.due_text();
        let local = alert.due.with_timezone(&zone).format("%Y-%m-%d %H:%M %Z").to_string();
        let link = public_url.map(|u| format!("{}/members/incidents/{}", u.trim_end_matches('/'), case.id));
        let (subject, lead) = match alert.kind {
            incidents::remind::Kind::Overdue => {
                (format!("OVERDUE: {stage} of incident #{} was due {due}", case.id), "is overdue".to_string())
            }
            incidents::remind::Kind::Before(h) => {
                (format!("T-{h}h: {stage} of incident #{} is due {due}", case.id), format!("is due in at most {h} h"))
            }
        };
        let body = format!(
            "Incident #{} of {org}: {}\n\nThe {stage} {lead}.\nDeadline: {due} ({local}).\n{}\nThis reminder is sent once; the case page shows the clock.\n",
            case.id,
            case.data.title,
            link.as_deref().map(|l| format!("Case: {l}\n")).unwrap_or_default(),
        );
        let json = json!({
            "event": "incident.reminder",
            "case": case.id,
            "org": org,
            "title": case.data.title,
            "stage": alert.stage,
            "kind": alert.kind.code(),
            "due": due,
            "due_local": alert.due.with_timezone(&zone).to_rfc3339_opts(SecondsFormat::Secs, false),
            "url": link,
        });
        Text { subject, body, json }
    }
}

fn resolved(host: &str, port: u16) -> anyhow::Result<std::net::IpAddr> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the resolver")?;
    Ok(runtime.block_on(outbound::resolve(host, port, outbound::GuardPolicy::OPERATOR_APPROVED))?.ip())
}

/// The relay, on the address the outbound guard approved for its name.
fn relay(smtp: &str) -> anyhow::Result<SmtpTransport> {
    let (host, port) = smtp.rsplit_once(':').with_context(|| format!("--incident-remind-smtp '{smtp}': HOST:PORT"))?;
    let port: u16 = port.parse().with_context(|| format!("--incident-remind-smtp '{smtp}': the port is not a number"))?;
    let allowed = resolved(host, port).with_context(|| format!("--incident-remind-smtp '{smtp}'"))?;
    Ok(SmtpTransport::builder_dangerous(allowed.to_string())
        .port(port)
        .hello_name(ClientId::Domain("postern.invalid".to_string()))
        .timeout(Some(Duration::from_secs(30)))
        .build())
}

/// POSTs the reminder's JSON to the webhook, pinned to the address the guard approved; any
/// answer but 2xx is a failure.
fn webhook(url: &url::Url, body: &serde_json::Value) -> anyhow::Result<()> {
    let (Some(host), Some(port)) = (url.host_str().map(str::to_string), url.port_or_known_default()) else {
        bail!("webhook {url}: no host");
    };
    let allowed = resolved(&host, port).with_context(|| format!("webhook {url}"))?;
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .resolve(host.trim_start_matches('[').trim_end_matches(']'), std::net::SocketAddr::new(allowed, port))
        .build()?;
    let resp = client.post(url.as_str()).json(body).send().with_context(|| format!("posting to {url}"))?;
    if !resp.status().is_success() {
        bail!("webhook {url} answered HTTP {}", resp.status());
    }
    Ok(())
}
