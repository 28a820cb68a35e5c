//! The subcommands: each file parses its arguments and calls one library.

pub mod admin;
pub mod bench;
pub mod peer;
pub mod serve;

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;

/// Logs go to stderr (stdout carries command output); `RUST_LOG` overrides the level.
pub fn init_logging(serving: bool) {
    let default = if serving { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// Opens the hub on the embedded SQLite database in `data`.
pub fn open_hub(data: &Path, config: hub::HubConfig) -> anyhow::Result<hub::Hub> {
    let store = store::SqliteStore::open(data).with_context(|| format!("opening the database in {}", data.display()))?;
    hub::Hub::open(Arc::new(store), config).context("opening the hub")
}
