//! `postern awareness campaign send`: delivers a running campaign's messages, each target once:
//! e-mail through the operator's SMTP relay, SMS through the operator's HTTP gateway
//! (`sms.rs`).
//!
//! A target is marked sent only after the relay or the gateway accepted its message; a refusal
//! or a timeout stops the run with the target named and nothing after it tried, so running the
//! command again resumes where it stopped and sends nobody twice. (A crash between the
//! acceptance and the mark would resend that one message on the next run: at most one, never a
//! batch.) The same loop serves both channels; only the delivery of one message differs. The
//! relay's and the gateway's addresses go through the outbound guard (operator-approved policy)
//! and the connection is made to the address the guard checked.

use std::time::Duration;

use anyhow::{Context, bail};
use awareness::Language;
use awareness::templates::{Channel, Values};
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::extension::ClientId;
use lettre::{SmtpTransport, Transport};
use serde_json::json;
use store::awareness::{AwarenessStore, CampaignRecord, TargetRecord};

use super::sms::{Gateway, GatewayArgs, Undelivered};

/// Arguments of `postern awareness campaign send`.
#[derive(Debug, clap::Args)]
pub struct SendArgs {
    pub id: i64,
    /// The SMTP relay of an e-mail campaign, HOST:PORT (plain SMTP to the post's own MTA; it
    /// relays onwards).
    #[arg(long, value_name = "HOST:PORT")]
    pub smtp: Option<String>,
    /// The sender address of an e-mail campaign's messages (on a domain the post's mail
    /// security allow-lists for simulations).
    #[arg(long, value_name = "ADDRESS")]
    pub from: Option<String>,
    #[command(flatten)]
    pub sms: GatewayArgs,
    /// The post's own name, for `{{brand}}`.
    #[arg(long)]
    pub brand: String,
    /// The post's own domain, for `{{domain}}`.
    #[arg(long)]
    pub domain: String,
    /// The URL `postern serve` is reached at: the links are built on it.
    #[arg(long, env = "POSTERN_PUBLIC_URL", value_name = "URL")]
    pub public_url: String,
    /// Seconds to wait for the relay or the gateway at each step before giving up (the run
    /// stops, resumable).
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
}

/// How one message leaves: the campaign's channel.
pub(super) enum Courier {
    Smtp { mailer: SmtpTransport, from: Mailbox },
    Sms(Gateway),
}

impl Courier {
    /// The courier of a channel: the relay `smtp` (HOST:PORT) with the sender `from`, or the
    /// gateway of `sms`; `timeout` bounds each step.
    pub(super) fn of(
        channel: Channel,
        smtp: Option<&str>,
        from: Option<&str>,
        sms: &GatewayArgs,
        domain: &str,
        timeout: Duration,
    ) -> anyhow::Result<Courier> {
        match channel {
            Channel::Email => {
                let smtp = smtp.context("an e-mail campaign is sent through --smtp HOST:PORT")?;
                let from = from.context("--from: the sender address of the e-mails is needed")?;
                let from: Mailbox = from.parse().with_context(|| format!("--from: '{from}' is not an e-mail address"))?;
                Ok(Courier::Smtp { mailer: relay(smtp, domain, timeout)?, from })
            }
            Channel::Sms => Ok(Courier::Sms(Gateway::from_args(sms, timeout)?)),
        }
    }

    /// Delivers one target's message; `Ok` once the relay or the gateway accepted it.
    fn deliver(&self, t: &TargetRecord, text: awareness::templates::Text) -> anyhow::Result<Result<(), Undelivered>> {
        let address = t.address.as_deref().unwrap_or_default();
        match self {
            Courier::Smtp { mailer, from } => {
                let to: Mailbox =
                    address.parse().with_context(|| format!("target {}: '{address}' is not an e-mail address", t.pseudonym))?;
                let message = Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(text.subject.unwrap_or_default())
                    .header(ContentType::TEXT_PLAIN)
                    .body(text.body)
                    .with_context(|| format!("building the message for {}", t.pseudonym))?;
                Ok(mailer.send(&message).map(|_| ()).map_err(|e| Undelivered { refused: e.is_permanent(), detail: e.to_string() }))
            }
            Courier::Sms(gateway) => Ok(gateway.send(address, &text.body)),
        }
    }
}

/// The lure of a campaign and what fills it: the post's own brand and domain, and the public URL
/// the links are built on.
pub(super) struct Lure<'a> {
    pub template: awareness::templates::Template,
    pub lang: Language,
    pub brand: &'a str,
    pub domain: &'a str,
    pub public: &'a str,
}

impl Lure<'_> {
    /// The lure of a stored campaign: its template (still shipped) and language.
    pub(super) fn of<'a>(c: &CampaignRecord, brand: &'a str, domain: &'a str, public: &'a str) -> anyhow::Result<Lure<'a>> {
        let template = awareness::templates::embedded()
            .context("loading the shipped templates")?
            .into_iter()
            .find(|t| t.id == c.campaign.template)
            .with_context(|| format!("campaign {}: template '{}' is no longer shipped", c.id, c.campaign.template))?;
        let lang = Language::from_key(&c.campaign.language).unwrap_or(Language::En);
        Ok(Lure { template, lang, brand, domain, public })
    }
}

/// What a run did.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Tally {
    pub sent: usize,
    pub already: usize,
    pub opted_out: usize,
    pub invalid: usize,
    pub parts: usize,
    /// Targets left to send after this run.
    pub unsent: usize,
}

/// The targets of a campaign still to be sent (an address, not sent, not opted out).
pub(super) fn unsent<S: AwarenessStore + ?Sized>(store: &S, c: &CampaignRecord) -> anyhow::Result<Vec<TargetRecord>> {
    let optouts = store.optouts(c.campaign.org_id)?;
    Ok(store
        .targets(c.id)?
        .into_iter()
        .filter(|t| t.sent_at.is_none() && t.address.as_deref().is_some_and(|a| !optouts.iter().any(|o| o == a)))
        .collect())
}

/// Sends at most `limit` of a campaign's unsent targets, each marked sent (at `stamp()`) only
/// once the relay or gateway accepted it. A refusal, an error or a timeout stops the run with an
/// error naming the target and what was sent: the next run resumes after the last accepted one.
pub(super) fn run<S: AwarenessStore + ?Sized>(
    store: &S,
    c: &CampaignRecord,
    courier: &Courier,
    lure: &Lure<'_>,
    limit: usize,
    stamp: &dyn Fn() -> String,
) -> anyhow::Result<Tally> {
    let channel =
        Channel::from_key(&c.campaign.channel).with_context(|| format!("campaign {}: unknown channel '{}'", c.id, c.campaign.channel))?;
    let optouts = store.optouts(c.campaign.org_id)?;
    let mut n = Tally::default();
    for t in store.targets(c.id)? {
        let Some(address) = t.address.as_deref() else { continue };
        if t.sent_at.is_some() {
            n.already += 1;
            continue;
        }
        if optouts.iter().any(|o| o == address) {
            n.opted_out += 1;
            continue;
        }
        // Numbers are checked at import; one stored before a stricter check is skipped, named.
        if channel == Channel::Sms
            && let Err(reason) = awareness::targets::normalise(address, Channel::Sms)
        {
            tracing::warn!(target = %t.pseudonym, "not sent: the number {reason}");
            n.invalid += 1;
            continue;
        }
        if n.sent >= limit {
            n.unsent += 1;
            continue;
        }
        let link = format!("{}/a/{}", lure.public, t.token);
        let text = text(lure, &t, &link)?;
        let size = awareness::sms::size(&text.body);
        if let Err(e) = courier.deliver(&t, text)? {
            bail!(
                "sent {} this run; the {} did not take the message for {} ({}): {}. Nothing was sent twice: run the command again \
                 to resume",
                n.sent,
                if channel == Channel::Sms { "gateway" } else { "relay" },
                t.pseudonym,
                if e.refused { "refused" } else { "failed" },
                e.detail
            );
        }
        store.mark_sent(t.id, &stamp())?;
        n.sent += 1;
        n.parts += size.parts;
    }
    Ok(n)
}

pub fn send<S: AwarenessStore>(store: &S, json: bool, a: &SendArgs) -> anyhow::Result<()> {
    let c = store.campaign(a.id)?.with_context(|| format!("no campaign {}", a.id))?;
    if c.campaign.dry_run || c.campaign.state != "running" {
        bail!(
            "campaign {} is a {} ({}): nothing is sent",
            a.id,
            c.campaign.state,
            if c.campaign.dry_run { "dry run" } else { "not running" }
        );
    }
    let channel =
        Channel::from_key(&c.campaign.channel).with_context(|| format!("campaign {}: unknown channel '{}'", a.id, c.campaign.channel))?;
    // A scheduled campaign keeps to its schedule here too: its start, window and rate.
    let limit = match portal::awareness_service::schedule_of(&c) {
        Some(plan) => {
            let now = chrono::Utc::now();
            let pending = unsent(store, &c)?;
            let recent = store.targets(c.id)?.iter().filter(|t| sent_since(t, now - chrono::Duration::minutes(1))).count();
            awareness::schedule::quota(&plan, now, recent, pending.len())
        }
        None => usize::MAX,
    };
    let public = server::public_base(&a.public_url).context("--public-url")?;
    let lure = Lure::of(&c, &a.brand, &a.domain, &public)?;
    let courier = Courier::of(channel, a.smtp.as_deref(), a.from.as_deref(), &a.sms, &a.domain, Duration::from_secs(a.timeout))?;
    let n = run(store, &c, &courier, &lure, limit, &store::now_rfc3339)?;
    let parts = (channel == Channel::Sms).then_some(n.parts);
    if json {
        println!(
            "{}",
            json!({"campaign": c.id, "channel": channel.key(), "sent": n.sent, "already_sent": n.already, "opted_out": n.opted_out,
                   "invalid": n.invalid, "sms_parts": parts, "unsent": n.unsent})
        );
    } else {
        let parts = parts.map(|p| format!(" ({p} SMS parts)")).unwrap_or_default();
        println!(
            "campaign {}: {} sent{parts}, {} already sent, {} opted out, {} invalid, {} left for later (its schedule)",
            c.id, n.sent, n.already, n.opted_out, n.invalid, n.unsent
        );
    }
    Ok(())
}

/// Whether a target was sent at or after `since`.
pub(super) fn sent_since(t: &TargetRecord, since: chrono::DateTime<chrono::Utc>) -> bool {
    t.sent_at.as_deref().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok()).is_some_and(|at| at.to_utc() >= since)
}

/// The relay, on the address the outbound guard approved for its name.
fn relay(smtp: &str, domain: &str, timeout: Duration) -> anyhow::Result<SmtpTransport> {
    let (host, port) = smtp.rsplit_once(':').with_context(|| format!("--smtp '{smtp}': HOST:PORT"))?;
    let port: u16 = port.parse().with_context(|| format!("--smtp '{smtp}': the port is not a number"))?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the resolver")?;
    let allowed = runtime
        .block_on(outbound::resolve(host, port, outbound::GuardPolicy::OPERATOR_APPROVED))
        .with_context(|| format!("--smtp '{smtp}'"))?;
    Ok(SmtpTransport::builder_dangerous(allowed.ip().to_string())
        .port(port)
        .hello_name(ClientId::Domain(domain.to_string()))
        .timeout(Some(timeout))
        .build())
}

/// One target's text, placeholders filled with the post's own brand and the target's link.
fn text(lure: &Lure<'_>, t: &TargetRecord, link: &str) -> anyhow::Result<awareness::templates::Text> {
    let fallback = match lure.lang {
        Language::En => "customer",
        Language::Fr => "client",
    };
    // A parcel reference that looks like one and tells nothing about the token.
    let reference = format!("RP{}", &t.pseudonym.trim_start_matches("p-").to_uppercase());
    let values =
        Values { brand: lure.brand, domain: lure.domain, link, name: t.name.as_deref().unwrap_or(fallback), reference: &reference };
    lure.template.render(lure.lang, &values).with_context(|| format!("template '{}' has no {} text", lure.template.id, lure.lang.key()))
}
