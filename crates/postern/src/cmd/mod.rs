//! The subcommands: each file parses its arguments and calls one library.

pub mod admin;
pub mod assess;
pub mod awareness;
pub mod backup;
pub mod bench;
pub mod brands;
pub mod check;
pub mod config;
pub mod doctor;
pub mod eval;
pub mod exercise;
pub mod feeds;
pub mod incident;
pub mod peer;
pub mod posture;
pub mod readiness;
pub mod scan_text;
pub mod serve;
pub mod train_text;
pub mod user;
pub mod watch;

use std::path::Path;

use anyhow::Context;

/// Logs go to stderr (stdout carries command output); `RUST_LOG` overrides the level.
pub fn init_logging(serving: bool) {
    let default = if serving { "info" } else { "warn" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// True when `data` holds a PostgreSQL URL (`--database`) rather than a data directory.
pub fn is_database_url(data: &Path) -> bool {
    data.to_str().is_some_and(|s| s.starts_with("postgres://") || s.starts_with("postgresql://"))
}

/// Opens the hub on the embedded SQLite database in `data`, or on PostgreSQL when `data` is a
/// `postgres://` URL given with `--database`.
pub fn open_hub(data: &Path, config: hub::HubConfig) -> anyhow::Result<hub::Hub> {
    let target = data.to_str().context("the data directory path is not UTF-8")?;
    let shown = if is_database_url(data) { "the PostgreSQL database".to_string() } else { format!("the database in {}", data.display()) };
    let store = store::open(target).with_context(|| format!("opening {shown}"))?;
    hub::Hub::open(store, config).context("opening the hub")
}

/// `--lang`: the language of the sentences a command prints (reason codes never change).
pub fn parse_lang(s: &str) -> Result<portal::Lang, String> {
    portal::Lang::parse(s).ok_or_else(|| {
        let known: Vec<&str> = portal::Lang::ALL.iter().map(|l| l.code()).collect();
        format!("{s:?} is not a language of the catalogues ({})", known.join(", "))
    })
}

/// What a command writes its answers with: JSON or text, and the language of their sentences.
pub struct Output<'a> {
    pub json: bool,
    pub text: &'a portal::Catalogues,
    pub lang: portal::Lang,
}
