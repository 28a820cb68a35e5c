//! The report address's mailbox, read over IMAP: staff forward suspicious mail to the address,
//! and each unseen message goes through the one report path of every face
//! (`portal::awareness_report`): a simulation's report is recorded ("well spotted"), anything
//! else is analysed and queued for triage as the configured organisation's report.
//!
//! A handled message is marked `\Seen` (and moved when `--report-imap-move-to` says where). A
//! message whose MIME cannot be read is logged with the reason and marked `\Flagged`, left
//! unseen in the mailbox for a person to look at: never lost, never retried in a loop (the poll
//! asks for `UNSEEN UNFLAGGED` messages, so a message someone flags is left to people too). When
//! the hub cannot file a report (its database is down), the message stays unseen and unflagged
//! and the next poll tries again. `postern serve` polls every `--report-imap-interval-secs`;
//! `postern awareness mailbox poll` polls once. With `--report-imap-reply-smtp`, a simulation's
//! reporter also gets a "well spotted" answer by mail (to the report's Reply-To or From). The
//! servers' addresses go through the outbound guard (operator-approved policy) and the
//! connections are made to the addresses the guard checked.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use futures_util::TryStreamExt;
use portal::awareness_service::{Reported, ServiceError};
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncWrite};

/// Flags of the report mailbox, the same for `postern serve` and `postern awareness mailbox poll`
/// (config keys: the names with `_`).
#[derive(Debug, Clone, clap::Args)]
pub struct MailboxArgs {
    /// The report address's mailbox: imaps://HOST[:PORT]/FOLDER (TLS), or imap://... (plain, for
    /// a server on this machine); FOLDER defaults to INBOX.
    #[arg(long, value_name = "URL")]
    pub report_imap_url: Option<String>,
    /// The mailbox's user name.
    #[arg(long, value_name = "NAME")]
    pub report_imap_user: Option<String>,
    /// A file holding the mailbox password (one line); without it, the environment variable
    /// POSTERN_REPORT_IMAP_PASSWORD.
    #[arg(long, value_name = "FILE")]
    pub report_imap_password_file: Option<PathBuf>,
    /// The organisation whose staff write to this address: real reports are filed as its own.
    #[arg(long, value_name = "ORG")]
    pub report_imap_org: Option<String>,
    /// A folder handled messages are moved to (default: they stay, marked seen).
    #[arg(long, value_name = "FOLDER")]
    pub report_imap_move_to: Option<String>,
    /// A PEM file of extra trusted root certificates for imaps (a private CA).
    #[arg(long, value_name = "FILE")]
    pub report_imap_ca_file: Option<PathBuf>,
    /// An SMTP relay, HOST:PORT, through which the reporter of a simulation gets a "well
    /// spotted" answer (to the report's Reply-To or From); default: no answer by mail.
    #[arg(long, value_name = "HOST:PORT", requires = "report_imap_reply_from")]
    pub report_imap_reply_smtp: Option<String>,
    /// The sender address of those answers.
    #[arg(long, value_name = "ADDRESS", requires = "report_imap_reply_smtp")]
    pub report_imap_reply_from: Option<String>,
    /// Seconds between two polls of the mailbox while serving.
    #[arg(long, default_value_t = 60)]
    pub report_imap_interval_secs: u64,
}

/// The environment variable that may hold the mailbox password.
const PASSWORD_ENV: &str = "POSTERN_REPORT_IMAP_PASSWORD";

/// A poll gives up after this long (a server that stops answering mid-way); the next one resumes.
const POLL_TIMEOUT: Duration = Duration::from_secs(300);

/// The checked mailbox settings.
pub struct Mailbox {
    tls: Option<tokio_rustls::TlsConnector>,
    host: String,
    port: u16,
    folder: String,
    user: String,
    password: String,
    pub org: String,
    move_to: Option<String>,
    reply: Option<Reply>,
    pub interval: Duration,
}

/// The "well spotted" answer's relay and sender.
#[derive(Clone)]
struct Reply {
    host: String,
    port: u16,
    from: lettre::message::Mailbox,
}

/// What the answer to a simulation's reporter says.
const WELL_SPOTTED: &str = "Well spotted: the message you reported was a phishing exercise of your organisation's security team. \
Your report is counted for your team. Keep reporting suspicious messages to this address.\n";

/// Files one reported message's text; blocking (the hub's database).
pub type FileReport = Arc<dyn Fn(&str) -> Result<(Reported, Option<portal::Triaged>), ServiceError> + Send + Sync>;

/// What one poll did, message by message.
#[derive(Debug, Default, Serialize)]
pub struct Poll {
    pub simulations: usize,
    pub real: usize,
    pub malformed: usize,
    /// Messages the hub could not file this time; they are tried again.
    pub deferred: usize,
    pub messages: Vec<Handled>,
}

/// One message's outcome (by IMAP UID; never the sender).
#[derive(Debug, Serialize)]
pub struct Handled {
    pub uid: u32,
    pub outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub triage: Option<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

trait Connection: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Connection for T {}

type Session = async_imap::Session<Box<dyn Connection>>;

impl Mailbox {
    /// The mailbox of the flags; `None` when `--report-imap-url` is not given.
    pub fn from_args(a: &MailboxArgs) -> anyhow::Result<Option<Mailbox>> {
        let Some(raw) = a.report_imap_url.as_deref() else { return Ok(None) };
        let url = url::Url::parse(raw).with_context(|| format!("--report-imap-url '{raw}': not a URL"))?;
        let tls = match url.scheme() {
            "imaps" => true,
            "imap" => false,
            _ => bail!("--report-imap-url '{raw}': imaps://HOST[:PORT]/FOLDER or imap://HOST[:PORT]/FOLDER"),
        };
        let host = url.host_str().with_context(|| format!("--report-imap-url '{raw}': no host"))?.to_string();
        let port = url.port().unwrap_or(if tls { 993 } else { 143 });
        let folder = url.path().trim_start_matches('/');
        let folder = if folder.is_empty() { "INBOX".to_string() } else { percent_decoded(folder) };
        let user = a.report_imap_user.clone().context("--report-imap-url needs --report-imap-user")?;
        let password = match (&a.report_imap_password_file, std::env::var(PASSWORD_ENV)) {
            (Some(path), _) => std::fs::read_to_string(path)
                .with_context(|| format!("--report-imap-password-file: reading {}", path.display()))?
                .trim_end_matches(['\r', '\n'])
                .to_string(),
            (None, Ok(p)) if !p.is_empty() => p,
            (None, _) => bail!("--report-imap-url needs --report-imap-password-file (or {PASSWORD_ENV})"),
        };
        let org = a.report_imap_org.clone().context("--report-imap-url needs --report-imap-org (whose staff write to it)")?;
        if a.report_imap_interval_secs == 0 {
            bail!("--report-imap-interval-secs must be at least 1");
        }
        let tls = if tls { Some(connector(a.report_imap_ca_file.as_deref())?) } else { None };
        let reply = match (&a.report_imap_reply_smtp, &a.report_imap_reply_from) {
            (Some(smtp), Some(from)) => {
                let (host, port) = smtp.rsplit_once(':').with_context(|| format!("--report-imap-reply-smtp '{smtp}': HOST:PORT"))?;
                let port = port.parse().with_context(|| format!("--report-imap-reply-smtp '{smtp}': the port is not a number"))?;
                let from = from.parse().with_context(|| format!("--report-imap-reply-from: '{from}' is not an e-mail address"))?;
                Some(Reply { host: host.to_string(), port, from })
            }
            _ => None,
        };
        Ok(Some(Mailbox {
            tls,
            host,
            port,
            folder,
            user,
            password,
            org,
            move_to: a.report_imap_move_to.clone(),
            reply,
            interval: Duration::from_secs(a.report_imap_interval_secs),
        }))
    }

    /// One poll: every unseen, unflagged message through `file`.
    pub async fn poll(&self, file: &FileReport) -> anyhow::Result<Poll> {
        tokio::time::timeout(POLL_TIMEOUT, self.poll_once(file))
            .await
            .unwrap_or_else(|_| Err(anyhow::anyhow!("the mailbox server stopped answering; the next poll resumes")))
    }

    async fn poll_once(&self, file: &FileReport) -> anyhow::Result<Poll> {
        let mut session = self.session().await?;
        session.select(&self.folder).await.with_context(|| format!("selecting the folder '{}'", self.folder))?;
        let mut uids: Vec<u32> =
            session.uid_search("UNSEEN UNFLAGGED").await.context("searching for unseen messages")?.into_iter().collect();
        uids.sort_unstable();
        let mut poll = Poll::default();
        for uid in uids {
            let raw = fetch(&mut session, uid).await?;
            let to = awareness::report::reply_address(&raw);
            let handled = handle(uid, raw, file).await;
            if let (Some(reply), Some(to), "simulation") = (&self.reply, to, handled.outcome) {
                // The report is recorded whatever happens to the answer.
                if let Err(e) = reply.send(&to).await {
                    tracing::warn!(uid, error = %format!("{e:#}"), "the \"well spotted\" answer was not sent");
                }
            }
            match handled.outcome {
                "simulation" | "real" => self.done(&mut session, uid).await?,
                "malformed" => store_flags(&mut session, uid, "+FLAGS.SILENT (\\Flagged)").await?,
                _ => {}
            }
            match handled.outcome {
                "simulation" => poll.simulations += 1,
                "real" => poll.real += 1,
                "malformed" => poll.malformed += 1,
                _ => poll.deferred += 1,
            }
            poll.messages.push(handled);
        }
        let _ = session.logout().await;
        Ok(poll)
    }

    /// A handled message: seen, and moved when a folder is configured.
    async fn done(&self, session: &mut Session, uid: u32) -> anyhow::Result<()> {
        store_flags(session, uid, "+FLAGS.SILENT (\\Seen)").await?;
        if let Some(folder) = &self.move_to {
            session.uid_mv(uid.to_string(), folder).await.with_context(|| format!("moving message {uid} to '{folder}'"))?;
        }
        Ok(())
    }

    async fn session(&self) -> anyhow::Result<Session> {
        let allowed = outbound::resolve(&self.host, self.port, outbound::GuardPolicy::OPERATOR_APPROVED)
            .await
            .with_context(|| format!("--report-imap-url: {}:{}", self.host, self.port))?;
        let tcp = outbound::connect(allowed, self.port).await.with_context(|| format!("connecting to {}:{}", self.host, self.port))?;
        let stream: Box<dyn Connection> = match &self.tls {
            Some(connector) => {
                let name = tokio_rustls::rustls::pki_types::ServerName::try_from(self.host.clone())
                    .with_context(|| format!("--report-imap-url: '{}' is not a TLS server name", self.host))?;
                Box::new(connector.connect(name, tcp).await.with_context(|| format!("TLS with {}", self.host))?)
            }
            None => Box::new(tcp),
        };
        let mut client = async_imap::Client::new(stream);
        client.read_response().await.context("reading the server's greeting")?.context("the server closed before its greeting")?;
        // The error names the server's answer only; the password is never in it.
        client.login(&self.user, &self.password).await.map_err(|(e, _)| anyhow::anyhow!("logging in as '{}': {e}", self.user))
    }

    /// Polls until the process ends; each poll's outcome is logged (senders never are).
    pub async fn run(self, file: FileReport) {
        loop {
            match self.poll(&file).await {
                Ok(p) if p.messages.is_empty() => {}
                Ok(p) => tracing::info!(
                    simulations = p.simulations,
                    real = p.real,
                    malformed = p.malformed,
                    deferred = p.deferred,
                    "report mailbox polled"
                ),
                Err(e) => tracing::warn!(error = %format!("{e:#}"), "polling the report mailbox failed; retried next time"),
            }
            tokio::time::sleep(self.interval).await;
        }
    }
}

impl Reply {
    /// Sends the answer through the relay, on the address the outbound guard approved.
    async fn send(&self, to: &str) -> anyhow::Result<()> {
        use lettre::Transport;
        let allowed = outbound::resolve(&self.host, self.port, outbound::GuardPolicy::OPERATOR_APPROVED)
            .await
            .with_context(|| format!("--report-imap-reply-smtp {}:{}", self.host, self.port))?;
        let to: lettre::message::Mailbox = to.parse().with_context(|| format!("the reporter's address '{to}'"))?;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject("Well spotted")
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(WELL_SPOTTED.to_string())
            .context("building the answer")?;
        let relay = lettre::SmtpTransport::builder_dangerous(allowed.ip().to_string())
            .port(self.port)
            .timeout(Some(Duration::from_secs(30)))
            .build();
        tokio::task::spawn_blocking(move || relay.send(&message).map(|_| ()))
            .await
            .context("the answer's worker")?
            .context("the relay did not take the answer")
    }
}

/// One message's raw bytes, read without setting `\Seen`.
async fn fetch(session: &mut Session, uid: u32) -> anyhow::Result<Vec<u8>> {
    let fetches: Vec<_> = session
        .uid_fetch(uid.to_string(), "BODY.PEEK[]")
        .await
        .with_context(|| format!("fetching message {uid}"))?
        .try_collect()
        .await
        .with_context(|| format!("fetching message {uid}"))?;
    Ok(fetches.iter().find_map(|f| f.body().map(<[u8]>::to_vec)).unwrap_or_default())
}

async fn store_flags(session: &mut Session, uid: u32, query: &str) -> anyhow::Result<()> {
    let _: Vec<_> = session
        .uid_store(uid.to_string(), query)
        .await
        .with_context(|| format!("flagging message {uid}"))?
        .try_collect()
        .await
        .with_context(|| format!("flagging message {uid}"))?;
    Ok(())
}

/// Reads and files one message.
async fn handle(uid: u32, raw: Vec<u8>, file: &FileReport) -> Handled {
    let outcome = |outcome, error: Option<String>| Handled { uid, outcome, campaign: None, triage: None, error };
    let text = match awareness::report::mime_text(&raw) {
        Ok(t) => truncated(t, portal::AWARENESS_MAX_REPORTED_BYTES),
        Err(e) => {
            tracing::error!(uid, error = %e, "a message of the report mailbox is not readable mail: left flagged and unseen");
            return outcome("malformed", Some(e.to_string()));
        }
    };
    let file = file.clone();
    match tokio::task::spawn_blocking(move || file(&text)).await {
        Ok(Ok((Reported::Simulation { campaign_id }, _))) => Handled { campaign: Some(campaign_id), ..outcome("simulation", None) },
        Ok(Ok((Reported::Real, t))) => Handled {
            triage: t.map(
                |t| serde_json::json!({"report": t.report_id, "verdict": t.verdict, "lure": t.lure, "urls": t.urls, "reasons": t.reasons}),
            ),
            ..outcome("real", None)
        },
        Ok(Err(ServiceError::Field { reason, .. })) => {
            tracing::error!(uid, reason = %reason, "a message of the report mailbox cannot be reported: left flagged and unseen");
            outcome("malformed", Some(reason))
        }
        Ok(Err(e)) => {
            tracing::warn!(uid, error = %e, "filing a report from the mailbox failed: left unseen, tried again next poll");
            outcome("deferred", Some(e.to_string()))
        }
        Err(e) => outcome("deferred", Some(format!("worker failed: {e}"))),
    }
}

/// `text` cut to at most `max` bytes on a character boundary: a long forward (a newsletter-sized
/// lure, a long thread) is still reported, on its beginning, where the lure is.
fn truncated(mut text: String, max: usize) -> String {
    if text.len() > max {
        let cut = (0..=max).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        text.truncate(cut);
    }
    text
}

/// A TLS connector trusting the web PKI roots and the operator's extra CA file.
fn connector(ca_file: Option<&std::path::Path>) -> anyhow::Result<tokio_rustls::TlsConnector> {
    use tokio_rustls::rustls;
    use tokio_rustls::rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(path) = ca_file {
        let certs = rustls::pki_types::CertificateDer::pem_file_iter(path)
            .with_context(|| format!("--report-imap-ca-file: reading {}", path.display()))?;
        for cert in certs {
            let cert = cert.with_context(|| format!("--report-imap-ca-file: {} is not a PEM certificate file", path.display()))?;
            roots.add(cert).with_context(|| format!("--report-imap-ca-file: a certificate of {} is not usable", path.display()))?;
        }
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .context("TLS settings")?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(tokio_rustls::TlsConnector::from(Arc::new(config)))
}

/// A folder name from the URL path (`%20` and the like decoded).
fn percent_decoded(path: &str) -> String {
    url::form_urlencoded::parse(format!("f={}", path.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| path.to_string())
}
