//! The xAPI sender of `postern serve`: quiz results the portal queued as xAPI 1.0.3 statements
//! (`store::awareness`'s queue; built by `awareness::xapi`, actor = the learner's pseudonymous
//! account) go to the operator's Learning Record Store, one `POST <endpoint>/statements` each
//! with HTTP Basic authentication and `X-Experience-API-Version: 1.0.3`.
//!
//! The learner's page never waits: the portal only queues. Every round sends what is due; a
//! statement the LRS refuses or misses is logged, counted (`postern_xapi_statements_failed`) and
//! retried with back-off (30 s doubling to an hour) until the LRS takes it, so none is lost. A
//! statement's id is fixed when it is queued, so an LRS that already holds it (a reply lost on
//! the way) answers 409 and the statement counts as sent. The LRS address goes through the
//! outbound guard (operator-approved policy) and the connection is made to the address it
//! checked.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{DateTime, SecondsFormat, Utc};
use store::awareness::{AwarenessStore, QueuedStatement};

/// Flags of `postern serve` for xAPI (config keys: the names with `_`).
#[derive(Debug, Clone, clap::Args)]
pub struct XapiArgs {
    /// The xAPI endpoint of a Learning Record Store (https://lrs.example/xAPI/): quiz results are
    /// sent there as xAPI 1.0.3 statements under the learner's pseudonym (default: none sent).
    #[arg(long, value_name = "URL")]
    pub xapi_endpoint: Option<String>,
    /// The LRS key: the user name of HTTP Basic authentication.
    #[arg(long, value_name = "KEY", requires = "xapi_endpoint")]
    pub xapi_key: Option<String>,
    /// A file whose first line is the LRS secret: the password of HTTP Basic authentication.
    #[arg(long, value_name = "FILE", requires = "xapi_key")]
    pub xapi_secret_file: Option<PathBuf>,
    /// Seconds between two rounds of the xAPI sender.
    #[arg(long, default_value_t = 10)]
    pub xapi_interval_secs: u64,
}

/// Statements sent per round at most (the rest wait for the next round).
const BATCH: usize = 100;

/// The checked xAPI settings.
pub struct Sender {
    /// `<endpoint>/statements`.
    statements: url::Url,
    auth: Option<(String, String)>,
    interval: Duration,
}

impl Sender {
    /// The settings from the flags; `None` without `--xapi-endpoint`.
    pub fn from_args(a: &XapiArgs) -> anyhow::Result<Option<Sender>> {
        let Some(endpoint) = &a.xapi_endpoint else { return Ok(None) };
        let mut base = url::Url::parse(endpoint).with_context(|| format!("--xapi-endpoint '{endpoint}': not a URL"))?;
        if !matches!(base.scheme(), "http" | "https") || base.host_str().is_none() {
            bail!("--xapi-endpoint '{endpoint}': an http or https URL with a host is needed");
        }
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let statements = base.join("statements").with_context(|| format!("--xapi-endpoint '{endpoint}'"))?;
        let auth = match (&a.xapi_key, &a.xapi_secret_file) {
            (Some(key), Some(file)) => {
                let text = std::fs::read_to_string(file).with_context(|| format!("--xapi-secret-file {}", file.display()))?;
                let secret = text.lines().next().unwrap_or_default().trim().to_string();
                if secret.is_empty() {
                    bail!("--xapi-secret-file {}: the first line (the LRS secret) is empty", file.display());
                }
                Some((key.clone(), secret))
            }
            (Some(_), None) => bail!("--xapi-key needs --xapi-secret-file (the file holding the LRS secret)"),
            _ => None,
        };
        if a.xapi_interval_secs == 0 {
            bail!("--xapi-interval-secs must be at least 1");
        }
        Ok(Some(Sender { statements, auth, interval: Duration::from_secs(a.xapi_interval_secs) }))
    }

    /// Runs rounds on a thread of its own for as long as the process lives.
    pub fn spawn(self, store: Arc<dyn AwarenessStore>, metrics: server::metrics::XapiMetrics) {
        std::thread::Builder::new()
            .name("xapi-sender".into())
            .spawn(move || {
                loop {
                    if let Err(e) = self.round(&*store, &metrics, Utc::now()) {
                        tracing::warn!(error = %format!("{e:#}"), "xAPI round failed");
                    }
                    std::thread::sleep(self.interval);
                }
            })
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!(error = %e, "starting the xAPI sender failed"));
    }

    /// One round: every statement due at `now`, sent once. Returns how many the LRS took.
    pub fn round(&self, store: &dyn AwarenessStore, metrics: &server::metrics::XapiMetrics, now: DateTime<Utc>) -> anyhow::Result<usize> {
        let stamp = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Millis, true);
        let due = store.due_statements(&stamp(now), BATCH)?;
        let mut sent = 0;
        if !due.is_empty() {
            match self.client() {
                Ok(client) => {
                    for q in &due {
                        match self.post(&client, q) {
                            Ok(()) => {
                                store.statement_sent(&q.id, &stamp(Utc::now()))?;
                                metrics.sent();
                                sent += 1;
                            }
                            Err(e) => self.failed(store, metrics, q, &format!("{e:#}"), now)?,
                        }
                    }
                }
                Err(e) => {
                    for q in &due {
                        self.failed(store, metrics, q, &format!("{e:#}"), now)?;
                    }
                }
            }
        }
        metrics.pending(store.pending_statements()?);
        Ok(sent)
    }

    fn failed(
        &self,
        store: &dyn AwarenessStore,
        metrics: &server::metrics::XapiMetrics,
        q: &QueuedStatement,
        error: &str,
        now: DateTime<Utc>,
    ) -> anyhow::Result<()> {
        let attempts = u32::try_from(q.attempts).unwrap_or(u32::MAX);
        let next = now + chrono::Duration::seconds(awareness::xapi::retry_after_secs(attempts));
        tracing::warn!(statement = %q.id, attempts = q.attempts + 1, error, "the LRS did not take an xAPI statement; retried later");
        metrics.failed();
        store.statement_failed(&q.id, error, &next.to_rfc3339_opts(SecondsFormat::Millis, true))?;
        Ok(())
    }

    /// A client pinned to the LRS address the outbound guard approved; no proxy, no redirects.
    fn client(&self) -> anyhow::Result<reqwest::blocking::Client> {
        let url = &self.statements;
        let (Some(host), Some(port)) = (url.host_str().map(str::to_string), url.port_or_known_default()) else {
            bail!("{url}: no host");
        };
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the resolver")?;
        let allowed = runtime
            .block_on(outbound::resolve(&host, port, outbound::GuardPolicy::OPERATOR_APPROVED))
            .with_context(|| format!("the LRS {host}"))?
            .ip();
        Ok(reqwest::blocking::Client::builder()
            .timeout(Duration::from_secs(30))
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .resolve(host.trim_start_matches('[').trim_end_matches(']'), std::net::SocketAddr::new(allowed, port))
            .build()?)
    }

    /// POSTs one statement; 200 and 204 are taken, 409 means the LRS holds that id already.
    fn post(&self, client: &reqwest::blocking::Client, q: &QueuedStatement) -> anyhow::Result<()> {
        let mut req = client
            .post(self.statements.as_str())
            .header("X-Experience-API-Version", awareness::xapi::VERSION)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(q.body.clone());
        if let Some((key, secret)) = &self.auth {
            req = req.basic_auth(key, Some(secret));
        }
        let resp = req.send().with_context(|| format!("posting to {}", self.statements))?;
        let status = resp.status();
        if status.is_success() || status == reqwest::StatusCode::CONFLICT {
            return Ok(());
        }
        let body: String = resp.text().unwrap_or_default().chars().take(300).collect();
        bail!("the LRS answered HTTP {status}: {body}")
    }
}
