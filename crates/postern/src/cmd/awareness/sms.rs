//! The SMS gateway adapter of `postern awareness campaign send`: one HTTP POST per message to the
//! operator's gateway, a JSON object or a form with the recipient, the sender and the text under
//! field names the operator sets (`to,from,text` by default), and an optional authentication
//! header whose value comes from a file or the environment, never from the command line and
//! never into a log or an error.
//!
//! Any 2xx answer is acceptance; a 4xx is a refusal, anything else (5xx, a timeout, a reset) a
//! failure: either stops the run, resumable. The gateway's address goes through the outbound
//! guard (operator-approved policy) and the request is pinned to the address the guard checked,
//! with no proxy and no redirects.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};

/// Flags of the SMS gateway (`campaign send` of an SMS campaign).
#[derive(Debug, Clone, clap::Args)]
pub struct GatewayArgs {
    /// The SMS gateway's HTTP(S) endpoint each message is POSTed to.
    #[arg(long, value_name = "URL")]
    pub sms_gateway: Option<String>,
    /// The sender shown on the phone: an alphanumeric sender id of at most 11 characters or an
    /// E.164 number.
    #[arg(long, value_name = "SENDER")]
    pub sms_from: Option<String>,
    /// How the message is POSTed: json (an object) or form (application/x-www-form-urlencoded).
    #[arg(long, default_value = "json", value_parser = ["json", "form"])]
    pub sms_format: String,
    /// The gateway's field names for the recipient, the sender and the text, comma-separated.
    #[arg(long, default_value = "to,from,text", value_name = "TO,FROM,TEXT")]
    pub sms_fields: String,
    /// The header that carries the gateway credential.
    #[arg(long, default_value = "Authorization", value_name = "NAME")]
    pub sms_auth_header: String,
    /// A file holding the credential header's value (e.g. `Bearer ...`), one line; without it,
    /// the value of the environment variable POSTERN_SMS_AUTH, if set (never a flag: command
    /// lines are visible to every user of the machine).
    #[arg(long, value_name = "FILE")]
    pub sms_auth_file: Option<PathBuf>,
}

/// The environment variable that may hold the gateway credential.
const AUTH_ENV: &str = "POSTERN_SMS_AUTH";

/// A checked gateway.
pub struct Gateway {
    url: url::Url,
    client: reqwest::blocking::Client,
    from: String,
    form: bool,
    fields: [String; 3],
    auth: Option<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>,
}

/// A message the gateway did not take.
pub struct Undelivered {
    /// The gateway answered with a 4xx: it will not take this message as it is.
    pub refused: bool,
    pub detail: String,
}

impl Gateway {
    /// The gateway of the flags; `timeout` bounds each request.
    pub fn from_args(a: &GatewayArgs, timeout: Duration) -> anyhow::Result<Gateway> {
        let raw = a.sms_gateway.as_deref().context("an SMS campaign is sent through --sms-gateway URL")?;
        let url = url::Url::parse(raw).with_context(|| format!("--sms-gateway '{raw}': not a URL"))?;
        let (Some(host), Some(port)) = (url.host_str().map(str::to_string), url.port_or_known_default()) else {
            bail!("--sms-gateway '{raw}': an http or https URL with a host is needed");
        };
        if !matches!(url.scheme(), "http" | "https") {
            bail!("--sms-gateway '{raw}': an http or https URL with a host is needed");
        }
        let from = a.sms_from.as_deref().context("--sms-from: the sender shown on the phone is needed")?;
        let from = sender(from)?;
        let fields: Vec<String> = a.sms_fields.split(',').map(|f| f.trim().to_string()).collect();
        let fields: [String; 3] = match <[String; 3]>::try_from(fields) {
            Ok(f) if f.iter().all(|n| !n.is_empty()) => f,
            _ => bail!("--sms-fields '{}': three non-empty names, TO,FROM,TEXT", a.sms_fields),
        };
        let auth = credential(a)?;
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the resolver")?;
        let allowed = runtime
            .block_on(outbound::resolve(&host, port, outbound::GuardPolicy::OPERATOR_APPROVED))
            .with_context(|| format!("--sms-gateway '{raw}'"))?;
        let client = reqwest::blocking::Client::builder()
            .timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .resolve(host.trim_start_matches('[').trim_end_matches(']'), SocketAddr::new(allowed.ip(), port))
            .build()
            .context("building the gateway client")?;
        Ok(Gateway { url, client, from, form: a.sms_format == "form", fields, auth })
    }

    /// POSTs one message; `Ok` once the gateway answered 2xx.
    pub fn send(&self, to: &str, text: &str) -> Result<(), Undelivered> {
        let [f_to, f_from, f_text] = &self.fields;
        let mut request = self.client.post(self.url.as_str());
        if self.form {
            request = request.form(&[(f_to.as_str(), to), (f_from.as_str(), self.from.as_str()), (f_text.as_str(), text)]);
        } else {
            let mut body = serde_json::Map::new();
            body.insert(f_to.clone(), to.into());
            body.insert(f_from.clone(), self.from.clone().into());
            body.insert(f_text.clone(), text.into());
            request = request.json(&body);
        }
        if let Some((name, value)) = &self.auth {
            request = request.header(name.clone(), value.clone());
        }
        let response = request.send().map_err(|e| Undelivered {
            refused: false,
            detail: if e.is_timeout() { "no answer before the timeout".to_string() } else { format!("{}", e.without_url()) },
        })?;
        let status = response.status();
        if status.is_success() {
            return Ok(());
        }
        let said: String = response.text().unwrap_or_default().chars().filter(|c| !c.is_control()).take(200).collect();
        Err(Undelivered { refused: status.is_client_error(), detail: format!("HTTP {status}: {said}") })
    }
}

/// An alphanumeric sender id (at most 11 letters, digits and spaces, GSM networks' limit) or an
/// E.164 number.
fn sender(from: &str) -> anyhow::Result<String> {
    let from = from.trim();
    if from.starts_with('+') {
        return awareness::targets::normalise(from, awareness::templates::Channel::Sms)
            .map_err(|reason| anyhow::anyhow!("--sms-from '{from}' {reason}"));
    }
    if from.is_empty() || from.chars().count() > 11 || !from.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ') {
        bail!("--sms-from '{from}': an alphanumeric sender id has 1 to 11 letters, digits or spaces (or give an E.164 number)");
    }
    Ok(from.to_string())
}

/// The credential header, from `--sms-auth-file` or `POSTERN_SMS_AUTH`; errors never quote it.
fn credential(a: &GatewayArgs) -> anyhow::Result<Option<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>> {
    let value = match (&a.sms_auth_file, std::env::var(AUTH_ENV)) {
        (Some(path), _) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("--sms-auth-file: reading {}", path.display()))?;
            text.trim_end_matches(['\r', '\n']).to_string()
        }
        (None, Ok(v)) if !v.is_empty() => v,
        (None, _) => return Ok(None),
    };
    let name = reqwest::header::HeaderName::from_bytes(a.sms_auth_header.as_bytes())
        .with_context(|| format!("--sms-auth-header '{}': not a header name", a.sms_auth_header))?;
    let mut value = reqwest::header::HeaderValue::from_str(&value)
        .map_err(|_| anyhow::anyhow!("the SMS gateway credential holds characters a header cannot carry (one line of text)"))?;
    value.set_sensitive(true);
    Ok(Some((name, value)))
}
