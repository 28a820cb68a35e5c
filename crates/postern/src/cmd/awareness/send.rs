//! `postern awareness campaign send`: delivers a running e-mail campaign's messages through the
//! operator's SMTP relay, each target once.
//!
//! A target is marked sent only after the relay accepted its message; a refusal or a timeout
//! stops the run with the target named and nothing after it tried, so running the command again
//! resumes where it stopped and sends nobody twice. (A crash between the relay's acceptance and
//! the mark would resend that one message on the next run: at most one, never a batch.)
//! The relay's address goes through the outbound guard (operator-approved policy) and the
//! connection is made to the address the guard checked.

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

/// Arguments of `postern awareness campaign send`.
#[derive(Debug, clap::Args)]
pub struct SendArgs {
    pub id: i64,
    /// The SMTP relay, HOST:PORT (plain SMTP to the post's own MTA; it relays onwards).
    #[arg(long, value_name = "HOST:PORT")]
    pub smtp: String,
    /// The sender address of the messages (on a domain the post's mail security allow-lists for
    /// simulations).
    #[arg(long, value_name = "ADDRESS")]
    pub from: String,
    /// The post's own name, for `{{brand}}`.
    #[arg(long)]
    pub brand: String,
    /// The post's own domain, for `{{domain}}`.
    #[arg(long)]
    pub domain: String,
    /// The URL `postern serve` is reached at: the links are built on it.
    #[arg(long, env = "POSTERN_PUBLIC_URL", value_name = "URL")]
    pub public_url: String,
    /// Seconds to wait for the relay at each step before giving up (the run stops, resumable).
    #[arg(long, default_value_t = 30)]
    pub timeout: u64,
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
    if c.campaign.channel != Channel::Email.key() {
        bail!("campaign {} is an {} campaign: only e-mail is sent so far", a.id, c.campaign.channel);
    }
    let template = awareness::templates::embedded()
        .context("loading the shipped templates")?
        .into_iter()
        .find(|t| t.id == c.campaign.template)
        .with_context(|| format!("campaign {}: template '{}' is no longer shipped", a.id, c.campaign.template))?;
    let lang = Language::from_key(&c.campaign.language).unwrap_or(Language::En);
    let public = server::public_base(&a.public_url).context("--public-url")?;
    let from: Mailbox = a.from.parse().with_context(|| format!("--from: '{}' is not an e-mail address", a.from))?;
    let mailer = relay(&a.smtp, &a.domain, Duration::from_secs(a.timeout))?;
    let optouts = store.optouts(c.campaign.org_id)?;
    let (mut sent, mut already, mut opted_out) = (0usize, 0usize, 0usize);
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
        let link = format!("{public}/a/{}", t.token);
        let message = message(&template, lang, &t, &from, a, &link)?;
        if let Err(e) = mailer.send(&message) {
            bail!(
                "sent {sent} this run; the relay did not take the message for {} ({}): {e}. Nothing was sent twice: run the \
                 command again to resume",
                t.pseudonym,
                if e.is_permanent() { "refused" } else { "failed" }
            );
        }
        store.mark_sent(t.id, &store::now_rfc3339())?;
        sent += 1;
    }
    if json {
        println!("{}", json!({"campaign": c.id, "sent": sent, "already_sent": already, "opted_out": opted_out}));
    } else {
        println!("campaign {}: {sent} sent, {already} already sent, {opted_out} opted out", c.id);
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

/// One target's message, placeholders filled with the post's own brand and the target's link.
fn message(
    template: &awareness::templates::Template,
    lang: Language,
    t: &TargetRecord,
    from: &Mailbox,
    a: &SendArgs,
    link: &str,
) -> anyhow::Result<Message> {
    let fallback = match lang {
        Language::En => "customer",
        Language::Fr => "client",
    };
    // A parcel reference that looks like one and tells nothing about the token.
    let reference = format!("RP{}", &t.pseudonym.trim_start_matches("p-").to_uppercase());
    let values = Values { brand: &a.brand, domain: &a.domain, link, name: t.name.as_deref().unwrap_or(fallback), reference: &reference };
    let text = template.render(lang, &values).with_context(|| format!("template '{}' has no {} text", template.id, lang.key()))?;
    let address = t.address.as_deref().unwrap_or_default();
    let to: Mailbox = address.parse().with_context(|| format!("target {}: '{address}' is not an e-mail address", t.pseudonym))?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(text.subject.unwrap_or_default())
        .header(ContentType::TEXT_PLAIN)
        .body(text.body)
        .with_context(|| format!("building the message for {}", t.pseudonym))
}
