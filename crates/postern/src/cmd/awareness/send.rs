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
use store::awareness::{AwarenessStore, TargetRecord};

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
enum Courier {
    Smtp { mailer: SmtpTransport, from: Mailbox },
    Sms(Gateway),
}

impl Courier {
    fn of(channel: Channel, a: &SendArgs) -> anyhow::Result<Courier> {
        let timeout = Duration::from_secs(a.timeout);
        match channel {
            Channel::Email => {
                let smtp = a.smtp.as_deref().context("an e-mail campaign is sent through --smtp HOST:PORT")?;
                let from = a.from.as_deref().context("--from: the sender address of the e-mails is needed")?;
                let from: Mailbox = from.parse().with_context(|| format!("--from: '{from}' is not an e-mail address"))?;
                Ok(Courier::Smtp { mailer: relay(smtp, &a.domain, timeout)?, from })
            }
            Channel::Sms => Ok(Courier::Sms(Gateway::from_args(&a.sms, timeout)?)),
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
    let template = awareness::templates::embedded()
        .context("loading the shipped templates")?
        .into_iter()
        .find(|t| t.id == c.campaign.template)
        .with_context(|| format!("campaign {}: template '{}' is no longer shipped", a.id, c.campaign.template))?;
    let lang = Language::from_key(&c.campaign.language).unwrap_or(Language::En);
    let public = server::public_base(&a.public_url).context("--public-url")?;
    let courier = Courier::of(channel, a)?;
    let optouts = store.optouts(c.campaign.org_id)?;
    let (mut sent, mut already, mut opted_out, mut invalid, mut parts) = (0usize, 0usize, 0usize, 0usize, 0usize);
    for t in store.targets(c.id)? {
        let Some(address) = t.address.as_deref() else { continue };
        if t.sent_at.is_some() {
            already += 1;
            continue;
        }
        if optouts.iter().any(|o| o == address) {
            opted_out += 1;
            continue;
        }
        // Numbers are checked at import; one stored before a stricter check is skipped, named.
        if channel == Channel::Sms
            && let Err(reason) = awareness::targets::normalise(address, Channel::Sms)
        {
            tracing::warn!(target = %t.pseudonym, "not sent: the number {reason}");
            invalid += 1;
            continue;
        }
        let link = format!("{public}/a/{}", t.token);
        let text = text(&template, lang, &t, a, &link)?;
        let size = awareness::sms::size(&text.body);
        if let Err(e) = courier.deliver(&t, text)? {
            bail!(
                "sent {sent} this run; the {} did not take the message for {} ({}): {}. Nothing was sent twice: run the \
                 command again to resume",
                if channel == Channel::Sms { "gateway" } else { "relay" },
                t.pseudonym,
                if e.refused { "refused" } else { "failed" },
                e.detail
            );
        }
        store.mark_sent(t.id, &store::now_rfc3339())?;
        sent += 1;
        parts += size.parts;
    }
    let parts = (channel == Channel::Sms).then_some(parts);
    if json {
        println!(
            "{}",
            json!({"campaign": c.id, "channel": channel.key(), "sent": sent, "already_sent": already, "opted_out": opted_out,
                   "invalid": invalid, "sms_parts": parts})
        );
    } else {
        let parts = parts.map(|p| format!(" ({p} SMS parts)")).unwrap_or_default();
        println!("campaign {}: {sent} sent{parts}, {already} already sent, {opted_out} opted out, {invalid} invalid", c.id);
    }
    Ok(())
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
fn text(
    template: &awareness::templates::Template,
    lang: Language,
    t: &TargetRecord,
    a: &SendArgs,
    link: &str,
) -> anyhow::Result<awareness::templates::Text> {
    let fallback = match lang {
        Language::En => "customer",
        Language::Fr => "client",
    };
    // A parcel reference that looks like one and tells nothing about the token.
    let reference = format!("RP{}", &t.pseudonym.trim_start_matches("p-").to_uppercase());
    let values = Values { brand: &a.brand, domain: &a.domain, link, name: t.name.as_deref().unwrap_or(fallback), reference: &reference };
    template.render(lang, &values).with_context(|| format!("template '{}' has no {} text", template.id, lang.key()))
}
