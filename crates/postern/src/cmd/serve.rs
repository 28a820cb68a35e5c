//! `postern serve`: the hub and its HTTP interfaces on one address.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::Context;
use tlp::Tlp;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The configuration file (TOML; keys are these flags' long names with `_` for `-`).
    /// Default: /etc/postern/postern.toml when it exists. Flags and environment variables
    /// override it.
    #[arg(long, env = "POSTERN_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Read no configuration file, not even /etc/postern/postern.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
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
    /// Highest TLP of hub indicators an anonymous link check may use (clear or green).
    #[arg(long, default_value = "clear", value_parser = parse_tlp)]
    pub anonymous_link_tlp: Tlp,
    /// Recursive resolver for domain posture checks (default: the first nameserver of
    /// /etc/resolv.conf).
    #[arg(long)]
    pub posture_resolver: Option<SocketAddr>,
    /// DNSSEC trust anchor file (DS or DNSKEY lines) for posture checks of a private root.
    #[arg(long)]
    pub posture_trust_anchor: Option<PathBuf>,
    /// Extra CA certificates (PEM) for posture HTTPS checks.
    #[arg(long)]
    pub posture_ca_file: Option<PathBuf>,
    /// Skip the HTTPS and MTA-STS policy checks in posture scans.
    #[arg(long)]
    pub posture_no_https: bool,
    /// Posture scans may connect to 127.0.0.0/8 and ::1 (for tests; never on a real server: a
    /// member could scan a name that points at this machine's loopback services).
    #[arg(long)]
    pub posture_allow_loopback: bool,
    /// HTTPS port posture scans connect to (tests and labs).
    #[arg(long, default_value_t = 443, hide = true)]
    pub posture_https_port: u16,
    /// HTTP port posture scans connect to (tests and labs).
    #[arg(long, default_value_t = 80, hide = true)]
    pub posture_http_port: u16,
    /// Re-scan registered domains this often (seconds; 0 turns scheduled re-scans off).
    #[arg(long, default_value_t = 86_400)]
    pub posture_rescan_secs: u64,
    /// Largest request body accepted, in bytes (TAXII max_content_length).
    #[arg(long, default_value_t = 32 * 1024 * 1024)]
    pub max_content_length: usize,
    /// Pause between two federation sync rounds of a healthy peering, in milliseconds.
    #[arg(long, default_value_t = 60_000)]
    pub sync_interval_ms: u64,
    /// Ceiling of the federation retry backoff, in milliseconds.
    #[arg(long, default_value_t = 600_000)]
    pub sync_max_backoff_ms: u64,
    /// How long this process holds a peering's sync lease (renewed after every page), in ms.
    #[arg(long, default_value_t = 120_000)]
    pub sync_lease_ms: u64,
    /// Objects asked for per page when pulling from a peer (and pushed per request).
    #[arg(long, default_value_t = 1000)]
    pub sync_page_limit: usize,
    /// Who may ask POST /api/v1/links/check for live fetches ("live": true): off, members
    /// (callers with an API token) or all (anonymous too, rate limited).
    #[arg(long, default_value = "off", value_parser = parse_live_mode)]
    pub live_checks: server::LiveMode,
    /// Live checks may fetch 127.0.0.0/8 and ::1 (for tests; never on a real server: it lets
    /// callers reach services listening on this machine's loopback).
    #[arg(long)]
    pub live_allow_loopback: bool,
    /// A PEM file of extra trusted root certificates for live checks.
    #[arg(long)]
    pub live_ca_file: Option<PathBuf>,
    /// Time budget of one live check, in seconds (resolution, connections, headers).
    #[arg(long, default_value_t = 10)]
    pub live_timeout: u64,
    /// Live fetches in flight at most, server-wide.
    #[arg(long, default_value_t = 8)]
    pub live_concurrency: usize,
    /// Seconds a connection may take to send a whole request head, counted from when it opens
    /// or from its last response (so it also closes idle HTTP/1 keep-alive connections).
    #[arg(long, default_value_t = 10)]
    pub header_read_timeout: u64,
    /// Seconds a connection may stay open with no request in flight and no data moving.
    #[arg(long, default_value_t = 60)]
    pub idle_timeout: u64,
    /// Connections one client address may hold at once (trusted proxies are exempt).
    #[arg(long, default_value_t = 64)]
    pub max_connections_per_address: usize,
    /// A reverse proxy address range (CIDR) whose X-Forwarded-For is believed; repeatable.
    #[arg(long = "trusted-proxy", value_name = "CIDR")]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The URL clients reach the hub at (https://hub.example.post): the base of absolute URLs
    /// in answers (TAXII discovery, security.txt); default: the listen address.
    #[arg(long, env = "POSTERN_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
    /// Bearer token that /metrics requires (default: none).
    #[arg(long, env = "POSTERN_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    /// Serve /metrics only on this separate plain-HTTP address, not on the main listener.
    #[arg(long)]
    pub metrics_listen: Option<SocketAddr>,
    /// Directory of scheduled backups (embedded database only; default: no scheduled backups).
    #[arg(long, value_name = "DIR")]
    pub backup_dir: Option<PathBuf>,
    /// Seconds between two scheduled backups into --backup-dir.
    #[arg(long, default_value_t = 86_400)]
    pub backup_interval_secs: u64,
    /// Scheduled backups kept in --backup-dir; older ones are deleted.
    #[arg(long, default_value_t = 7)]
    pub backup_keep: usize,
    /// Days person-level simulation events are kept; older ones (and the addresses of older
    /// campaigns' targets) are purged every hour while serving.
    #[arg(long, default_value_t = portal::awareness_service::DEFAULT_RETENTION_DAYS, value_parser = clap::value_parser!(u32).range(1..))]
    pub awareness_retention_days: u32,
    /// Follow the Certificate Transparency logs of this file (the `watch --ct` format, with a
    /// `[record]` table naming the collection and organisation) in the background: look-alikes
    /// become indicators in the hub, counted on /metrics.
    #[arg(long, value_name = "CONFIG")]
    pub watch: Option<PathBuf>,
    /// Serve a collection's blocklist as a DNS Response Policy Zone on this address (UDP and
    /// TCP): SOA, AXFR and IXFR for resolvers that follow it as secondaries, NOTIFY on change.
    #[arg(long, value_name = "ADDR", requires_all = ["rpz_collection", "rpz_org"])]
    pub rpz_listen: Option<SocketAddr>,
    /// The collection the RPZ is made of.
    #[arg(long, value_name = "ID")]
    pub rpz_collection: Option<String>,
    /// The subscriber organisation: the zone holds what it may read.
    #[arg(long, value_name = "ORG")]
    pub rpz_org: Option<String>,
    /// The RPZ's zone name.
    #[arg(long, default_value = "rpz.postern")]
    pub rpz_zone: String,
    /// The most restrictive TLP level in the RPZ.
    #[arg(long, default_value = "green", value_parser = parse_tlp)]
    pub rpz_tlp: Tlp,
    /// Addresses (CIDR) that may query and transfer the RPZ; repeatable (default: loopback only).
    #[arg(long = "rpz-allow", value_name = "CIDR")]
    pub rpz_allow: Vec<ipnet::IpNet>,
    /// A resolver to send NOTIFY to when the RPZ changes (ADDR:PORT); repeatable.
    #[arg(long = "rpz-notify", value_name = "ADDR")]
    pub rpz_notify: Vec<SocketAddr>,
    /// How often the RPZ's collection is read again, in milliseconds.
    #[arg(long, default_value_t = 1000)]
    pub rpz_refresh_ms: u64,
    /// Send blocked names to this walled-garden host instead of NXDOMAIN.
    #[arg(long, value_name = "HOST")]
    pub rpz_garden: Option<String>,
    /// Indicator lifetime models of the feeds and the RPZ (TOML; default: the shipped
    /// models, MISP's polynomial decay per indicator class).
    #[arg(long, value_name = "FILE")]
    pub decay: Option<PathBuf>,
    #[command(flatten)]
    pub remind: super::incident::remind::RemindArgs,
    #[command(flatten)]
    pub report_mailbox: super::awareness::mailbox::MailboxArgs,
    #[command(flatten)]
    pub xapi: super::awareness::xapi::XapiArgs,
    #[command(flatten)]
    pub campaigns: super::awareness::scheduled::ScheduledArgs,
}

/// Checks the settings clap cannot check alone (shared by `serve` and `postern config check`).
pub fn validate(args: &ServeArgs) -> anyhow::Result<()> {
    if args.anonymous_link_tlp > Tlp::Green {
        anyhow::bail!("--anonymous-link-tlp may be clear or green, not {}", args.anonymous_link_tlp.name());
    }
    if args.backup_dir.is_some() && (args.backup_interval_secs == 0 || args.backup_keep == 0) {
        anyhow::bail!("--backup-interval-secs and --backup-keep must be at least 1 with --backup-dir");
    }
    super::incident::remind::Reminders::from_args(&args.remind, args.public_url.clone())?;
    super::awareness::mailbox::Mailbox::from_args(&args.report_mailbox)?;
    super::awareness::xapi::Sender::from_args(&args.xapi)?;
    super::awareness::scheduled::Scheduler::from_args(&args.campaigns, args.public_url.as_deref())?;
    Ok(())
}

/// Listener settings from the serve flags.
fn server_config(args: &ServeArgs) -> server::ServerConfig {
    server::ServerConfig {
        listen: args.listen,
        tls: args.tls_cert.clone().zip(args.tls_key.clone()),
        limits: server::ConnectionLimits {
            header_read_timeout: std::time::Duration::from_secs(args.header_read_timeout.max(1)),
            idle_timeout: std::time::Duration::from_secs(args.idle_timeout.max(1)),
            max_per_address: args.max_connections_per_address.max(1),
        },
        trusted_proxies: server::TrustedProxies::new(args.trusted_proxies.clone()),
        public_url: args.public_url.clone(),
        metrics: server::MetricsAccess { token: args.metrics_token.clone().filter(|t| !t.is_empty()), listen: args.metrics_listen },
    }
}

/// Starts the RPZ face when `--rpz-listen` asks for it, and says where it listens.
fn start_rpz(runtime: &tokio::runtime::Runtime, state: &server::AppState, args: &ServeArgs, json: bool) -> anyhow::Result<()> {
    let (Some(listen), Some(collection), Some(org)) = (args.rpz_listen, &args.rpz_collection, &args.rpz_org) else { return Ok(()) };
    let loopback = || ["127.0.0.0/8", "::1/128"].iter().filter_map(|n| n.parse().ok()).collect();
    let config = server::rpz::RpzConfig {
        listen,
        zone: args.rpz_zone.clone(),
        collection: collection.clone(),
        org: org.clone(),
        ceiling: args.rpz_tlp,
        allow: if args.rpz_allow.is_empty() { loopback() } else { args.rpz_allow.clone() },
        notify: args.rpz_notify.clone(),
        refresh: std::time::Duration::from_millis(args.rpz_refresh_ms.max(100)),
        garden: args.rpz_garden.clone(),
    };
    let rpz = runtime
        .block_on(server::rpz::start(state.hub.clone(), state.links.clone(), state.decay.clone(), config))
        .context("--rpz-listen")?;
    if json {
        println!("{}", serde_json::json!({"event": "rpz_listening", "addr": rpz.addr.to_string(), "zone": args.rpz_zone}));
    } else {
        println!("RPZ {} of collection {collection} on {} (SOA over UDP/TCP, AXFR/IXFR over TCP)", args.rpz_zone, rpz.addr);
    }
    Ok(())
}

/// Prints where the server listens (the metrics line first: whoever waits for "listening" has
/// both) and tells systemd it is ready.
fn announce(bound: &server::Listening, scheme: &str, json: bool) {
    let addr = bound.addr;
    if let Some(m) = bound.metrics {
        if json {
            println!("{}", serde_json::json!({"event": "metrics_listening", "url": format!("http://{m}")}));
        } else {
            println!("Metrics on http://{m}/metrics");
        }
    }
    if json {
        println!("{}", serde_json::json!({"event": "listening", "url": format!("{scheme}://{addr}")}));
    } else {
        println!("Postern hub listening on {scheme}://{addr} (TAXII discovery at {scheme}://{addr}/taxii2/)");
    }
    let _ = std::io::stdout().flush();
    tracing::info!(%addr, "listening");
    notify_ready();
}

fn sync_config(args: &ServeArgs) -> federation::SyncConfig {
    federation::SyncConfig {
        interval: std::time::Duration::from_millis(args.sync_interval_ms),
        max_backoff: std::time::Duration::from_millis(args.sync_max_backoff_ms),
        lease: std::time::Duration::from_millis(args.sync_lease_ms),
        page_limit: args.sync_page_limit.max(1),
        push_batch: args.sync_page_limit.max(1),
        ..federation::SyncConfig::default()
    }
}

fn parse_public_url(s: &str) -> Result<String, String> {
    server::public_base(s).map_err(|e| e.to_string())
}

fn parse_live_mode(s: &str) -> Result<server::LiveMode, String> {
    server::LiveMode::parse(s).ok_or_else(|| format!("'{s}' is not one of off, members, all"))
}

/// Live link check settings from the serve flags.
fn live_config(args: &ServeArgs) -> anyhow::Result<server::LiveCheckConfig> {
    let mut options = links::LiveOptions {
        allow_loopback: args.live_allow_loopback,
        budget: std::time::Duration::from_secs(args.live_timeout.max(1)),
        ..links::LiveOptions::default()
    };
    if let Some(path) = &args.live_ca_file {
        let pem = std::fs::read(path).with_context(|| format!("reading CA file {}", path.display()))?;
        reqwest::Certificate::from_pem(&pem).with_context(|| format!("{} is not a PEM certificate", path.display()))?;
        options.extra_roots_pem.push(pem);
    }
    if args.live_allow_loopback && args.live_checks != server::LiveMode::Off {
        tracing::warn!("--live-allow-loopback: live link checks may fetch this machine's loopback services (tests only)");
    }
    Ok(server::LiveCheckConfig { mode: args.live_checks, options, max_concurrent: args.live_concurrency.max(1) })
}

/// Posture checker settings from the serve flags.
fn posture_config(args: &ServeArgs) -> anyhow::Result<posture::Config> {
    let resolver = match args.posture_resolver {
        Some(r) => r,
        None => system_resolver(),
    };
    let mut config = posture::Config::new(resolver);
    if let Some(p) = &args.posture_trust_anchor {
        config = config.trust_anchor_file(p).with_context(|| format!("reading {}", p.display()))?;
    }
    if let Some(p) = &args.posture_ca_file {
        config = config.ca_file(p).with_context(|| format!("reading {}", p.display()))?;
    }
    config.https = !args.posture_no_https;
    config.https_port = args.posture_https_port;
    config.http_port = args.posture_http_port;
    config.outbound = outbound::GuardPolicy::public_or_loopback(args.posture_allow_loopback);
    if args.posture_allow_loopback {
        tracing::warn!("--posture-allow-loopback: posture scans may connect to this machine's loopback services (tests only)");
    }
    Ok(config)
}

/// The first `nameserver` of /etc/resolv.conf, else the loopback resolver.
fn system_resolver() -> SocketAddr {
    std::fs::read_to_string("/etc/resolv.conf")
        .ok()
        .and_then(|text| {
            text.lines().filter_map(|l| l.trim().strip_prefix("nameserver")).find_map(|ip| ip.trim().parse::<std::net::IpAddr>().ok())
        })
        .map_or_else(|| SocketAddr::from(([127, 0, 0, 1], 53)), |ip| SocketAddr::new(ip, 53))
}

/// Tells systemd (`Type=notify`) that the hub is listening: `READY=1` on `$NOTIFY_SOCKET`. Does
/// nothing outside systemd; a failure is logged, never fatal (systemd then times the start out).
fn notify_ready() {
    let Some(path) = std::env::var_os("NOTIFY_SOCKET") else { return };
    let sent = (|| -> std::io::Result<()> {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_bytes();
        let addr = match bytes.strip_prefix(b"@") {
            Some(name) => {
                use std::os::linux::net::SocketAddrExt;
                std::os::unix::net::SocketAddr::from_abstract_name(name)?
            }
            None => std::os::unix::net::SocketAddr::from_pathname(Path::new(&path))?,
        };
        std::os::unix::net::UnixDatagram::unbound()?.send_to_addr(b"READY=1", &addr)?;
        Ok(())
    })();
    if let Err(e) = sent {
        tracing::warn!("telling systemd the hub is ready: {e}");
    }
}

pub fn parse_tlp(s: &str) -> Result<Tlp, String> {
    Tlp::parse(s).ok_or_else(|| format!("'{s}' is not a TLP level (clear, green, amber, amber+strict, red)"))
}

/// The hub, the portal, the posture history and the capabilities' stores share one handle on the
/// database: one PostgreSQL connection pool per process, one SQLite writer.
fn open_stores(data: &Path) -> anyhow::Result<store::ServeStores> {
    let target = data.to_str().context("the data directory path is not UTF-8")?;
    store::open_serve(target).with_context(|| {
        if super::is_database_url(data) {
            "opening the PostgreSQL database".to_string()
        } else {
            format!("opening the database in {}", data.display())
        }
    })
}

/// Publishes the readiness benchmark snapshot of the current quarter unless it exists (a failure
/// is logged: the portal publishes it on first view too).
fn publish_readiness_snapshot(store: &dyn store::readiness::ReadinessStore) {
    let as_of = readiness::bench::quarter_start(chrono::Utc::now());
    match portal::publish_readiness_snapshot(store, as_of) {
        Ok((_, true)) => tracing::info!(quarter = %readiness::bench::quarter_name(as_of), "readiness benchmark snapshot published"),
        Ok((_, false)) => {}
        Err(e) => tracing::error!(error = %e, "publishing the readiness benchmark snapshot failed"),
    }
}

/// Publishes each quarter's snapshot when the quarter starts. Wakes at the next quarter's start
/// or within the hour, whichever is first, so a clock change or a suspended host is caught up.
async fn readiness_snapshots(store: std::sync::Arc<dyn store::readiness::ReadinessStore>) {
    loop {
        let now = chrono::Utc::now();
        let due = readiness::bench::next_quarter_start(now) - now;
        let wait = due.to_std().unwrap_or_default().min(std::time::Duration::from_secs(3600));
        tokio::time::sleep(wait).await;
        let store = store.clone();
        let _ = tokio::task::spawn_blocking(move || publish_readiness_snapshot(&*store)).await;
    }
}

/// On the first start, the hub's first admin token, printed once.
fn print_first_admin_token(hub: &hub::Hub, json: bool) -> anyhow::Result<()> {
    if let Some(t) = hub.bootstrap_admin_token().context("issuing the first admin token")? {
        if json {
            println!("{}", serde_json::json!({"event": "admin_token", "token": t.token, "token_id": t.id, "org": t.org}));
        } else {
            println!("First start: admin token for organisation '{}' (shown once, store it now):\n  {}", t.org, t.token);
        }
    }
    Ok(())
}

pub fn run(data: &Path, json: bool, args: ServeArgs) -> anyhow::Result<()> {
    validate(&args)?;
    match super::config::READ.get() {
        Some(path) => tracing::info!(config = %path.display(), "configuration file read"),
        None => tracing::info!("no configuration file: flags, environment and defaults"),
    }
    let schedule = super::backup::schedule(data, &args)?;
    let config = hub::HubConfig { default_tlp: args.default_tlp, max_content_length: args.max_content_length, ..hub::HubConfig::default() };
    let stores = open_stores(data)?;
    let hub = hub::Hub::open(stores.hub, config).context("opening the hub")?;
    let readiness_store = stores.readiness.clone();
    publish_readiness_snapshot(&*readiness_store);
    print_first_admin_token(&hub, json)?;
    let config = server_config(&args);
    let scheme = if config.tls.is_some() { "https" } else { "http" };
    let decay = super::feeds::decay_models(args.decay.as_deref())?;
    let reminders = super::incident::remind::Reminders::from_args(&args.remind, args.public_url.clone())?;
    if let Some(r) = reminders {
        r.spawn(stores.incidents.clone(), hub.clone());
    }
    let xapi = super::awareness::xapi::Sender::from_args(&args.xapi)?;
    let mut state = server::AppState::new(hub, config.tls.is_some())
        .with_anonymous_lookup_ceiling(args.anonymous_link_tlp)
        .with_live_checks(live_config(&args)?)
        .with_portal_store(stores.portal)
        .with_readiness_store(stores.readiness)
        .with_incidents(stores.incidents)
        .with_exercises(stores.exercises)
        .with_awareness(stores.awareness.clone())
        .with_awareness_retention(args.awareness_retention_days)
        .with_awareness_xapi(xapi.is_some())
        .with_monitor(stores.monitor.clone());
    if let Some(sender) = xapi {
        sender.spawn(stores.awareness.clone(), state.xapi_metrics());
    }
    if let Some(campaigns) = super::awareness::scheduled::Scheduler::from_args(&args.campaigns, args.public_url.as_deref())? {
        campaigns.spawn(stores.awareness.clone());
    }
    let purge = (stores.awareness, args.awareness_retention_days);
    let service = server::api::posture::PostureService::new(stores.posture, posture_config(&args)?);
    state.posture = Some(std::sync::Arc::new(service));
    state.decay = std::sync::Arc::new(decay);
    let mailbox = super::awareness::report_mailbox(&state, &args.report_mailbox)?;
    let watch = match &args.watch {
        Some(cfg) => Some(
            super::watch::ServeWatch::start(data, cfg, state.hub.clone(), stores.monitor, state.monitor_metrics())
                .with_context(|| format!("--watch {}", cfg.display()))?,
        ),
        None => None,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().context("starting the async runtime")?;
    let sync_config = sync_config(&args);
    start_rpz(&runtime, &state, &args, json)?;
    let sync_hub = state.hub.clone();
    let rescan = std::time::Duration::from_secs(args.posture_rescan_secs);
    let posture_service = state.posture.clone();
    let served = runtime.block_on(async move {
        if let (Some(p), false) = (posture_service, rescan.is_zero()) {
            p.spawn_rescans(rescan);
        }
        if let Some(schedule) = schedule {
            tokio::spawn(schedule.run());
        }
        tokio::spawn(super::awareness::purge_every_hour(purge.0, purge.1));
        if let Some((m, file)) = mailbox {
            tokio::spawn(m.run(file));
        }
        tokio::spawn(readiness_snapshots(readiness_store));
        let sync = federation::start(sync_hub, sync_config);
        let served = server::serve(state, config, |bound| announce(&bound, scheme, json)).await;
        sync.shutdown().await;
        served
    });
    if let Some(w) = watch {
        w.stop();
    }
    served?;
    tracing::info!("stopped cleanly");
    Ok(())
}
