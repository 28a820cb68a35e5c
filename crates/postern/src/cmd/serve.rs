//! `postern serve`: the hub and its HTTP interfaces on one address.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use tlp::Tlp;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", env = "POSTERN_LISTEN")]
    pub listen: SocketAddr,
    /// PEM certificate chain for TLS (with --tls-key).
    #[arg(long, requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key for TLS (with --tls-cert).
    #[arg(long, requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// TLP level of objects that carry no TLP marking.
    #[arg(long, default_value = "amber", value_parser = parse_tlp)]
    pub default_tlp: Tlp,
    /// Largest request body accepted, in bytes (TAXII max_content_length).
    #[arg(long, default_value_t = 32 * 1024 * 1024)]
    pub max_content_length: usize,
}

pub fn parse_tlp(s: &str) -> Result<Tlp, String> {
    Tlp::parse(s).ok_or_else(|| format!("'{s}' is not a TLP level (clear, green, amber, amber+strict, red)"))
}

pub fn run(data: &Path, json: bool, args: ServeArgs) -> anyhow::Result<()> {
    let config = hub::HubConfig { default_tlp: args.default_tlp, max_content_length: args.max_content_length, ..hub::HubConfig::default() };
    let hub = super::open_hub(data, config)?;
    if let Some(t) = hub.bootstrap_admin_token().context("issuing the first admin token")? {
        if json {
            println!("{}", serde_json::json!({"event": "admin_token", "token": t.token, "token_id": t.id, "org": t.org}));
        } else {
            println!("First start: admin token for organisation '{}' (shown once, store it now):\n  {}", t.org, t.token);
        }
    }
    let tls = args.tls_cert.clone().zip(args.tls_key.clone());
    let scheme = if tls.is_some() { "https" } else { "http" };
    let state = server::AppState::new(hub, tls.is_some());
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the async runtime")?;
    runtime.block_on(server::serve(state, server::ServerConfig { listen: args.listen, tls }, |addr| {
        if json {
            println!("{}", serde_json::json!({"event": "listening", "url": format!("{scheme}://{addr}")}));
        } else {
            println!("Postern hub listening on {scheme}://{addr} (TAXII discovery at {scheme}://{addr}/taxii2/)");
        }
        let _ = std::io::stdout().flush();
        tracing::info!(%addr, "listening");
    }))?;
    tracing::info!("stopped cleanly");
    Ok(())
}
