//! The HTTP face of Postern: the axum router (TAXII 2.1, health, metrics), TLS with rustls and
//! clean shutdown. The only crate that knows HTTP; it owns the one mapping from hub errors to
//! status codes and protocol error bodies.

mod api;
pub mod blocklists;
mod error;
mod media;
mod metrics;
mod peers;
pub mod portal;
pub mod posture_api;
pub mod ratelimit;
mod roles;
mod taxii;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hub::Hub;

pub use error::ApiError;

/// Errors starting or running the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServerError {
    /// The listen address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
    /// The TLS certificate or key could not be loaded.
    #[error("TLS certificate/key: {0}")]
    Tls(std::io::Error),
    /// The server stopped with an IO error.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// How to listen.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// PEM certificate chain and private key; plain HTTP when absent.
    pub tls: Option<(PathBuf, PathBuf)>,
}

/// Who may ask `POST /api/v1/links/check` to fetch links live (`"live": true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LiveMode {
    /// Nobody: the server never fetches a link (the default).
    #[default]
    Off,
    /// Members with an API token.
    Members,
    /// Anyone, anonymous callers included (rate limited, each live URL counting heavier).
    All,
}

impl LiveMode {
    /// `off`, `members` or `all`.
    pub fn parse(s: &str) -> Option<LiveMode> {
        match s {
            "off" => Some(LiveMode::Off),
            "members" => Some(LiveMode::Members),
            "all" => Some(LiveMode::All),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            LiveMode::Off => "off",
            LiveMode::Members => "members",
            LiveMode::All => "all",
        }
    }
}

/// Live link checks of the JSON API: who may ask, the fetch limits and trust, and how many
/// fetches run at once across all requests.
#[derive(Debug, Clone)]
pub struct LiveCheckConfig {
    pub mode: LiveMode,
    /// Hops, time budget, extra roots and whether loopback targets are allowed (tests only).
    pub options: links::LiveOptions,
    /// Live fetches in flight at most, server-wide; further ones wait for a slot.
    pub max_concurrent: usize,
}

impl Default for LiveCheckConfig {
    fn default() -> Self {
        LiveCheckConfig { mode: LiveMode::Off, options: links::LiveOptions::default(), max_concurrent: 8 }
    }
}

/// Live checks at run time: the config plus the slots that bound concurrent fetches.
pub(crate) struct LiveChecks {
    pub(crate) config: LiveCheckConfig,
    pub(crate) slots: Arc<tokio::sync::Semaphore>,
}

impl LiveChecks {
    fn new(config: LiveCheckConfig) -> LiveChecks {
        let slots = Arc::new(tokio::sync::Semaphore::new(config.max_concurrent.max(1)));
        LiveChecks { config, slots }
    }
}

/// Shared state of every request handler.
#[derive(Clone)]
pub struct AppState {
    pub hub: Hub,
    pub(crate) metrics: Arc<metrics::Metrics>,
    pub(crate) tls: bool,
    /// Link verdicts: the precomputed analyser over the brand registry.
    pub links: Arc<links::Analyzer>,
    /// Message analysis (its URLs are judged by `links`).
    pub text: Arc<scamtext::Analyzer>,
    pub(crate) portal: Arc<portal::Portal>,
    /// Accounts, sessions and citizen reports; the members' workspace is off without it.
    pub(crate) portal_store: Option<Arc<dyn store::PortalStore>>,
    /// The hub's indicators as per-collection, TLP-aware link blocklists.
    pub blocklists: Arc<blocklists::HubBlocklists>,
    /// Domain posture checks, history and scheduled re-scans; off when `None`.
    pub posture: Option<Arc<posture_api::PostureService>>,
    /// Anonymous callers of the JSON APIs, per address.
    pub(crate) anonymous_limit: Arc<ratelimit::RateLimiter>,
    /// Live link checks of the JSON API (off unless configured).
    pub(crate) live: Arc<LiveChecks>,
}

impl AppState {
    pub fn new(hub: Hub, tls: bool) -> AppState {
        let links = Arc::new(links::Analyzer::new(&brands::BrandRegistry::builtin()));
        let blocklists = Arc::new(blocklists::HubBlocklists::default());
        let text = Arc::new(portal::message_analyzer(links.clone(), blocklists.clone()));
        AppState {
            hub,
            metrics: Arc::new(metrics::Metrics::new()),
            tls,
            links,
            text,
            portal: Arc::new(portal::Portal::new()),
            portal_store: None,
            blocklists,
            anonymous_limit: Arc::new(ratelimit::RateLimiter::new(120, 240)),
            posture: None,
            live: Arc::new(LiveChecks::new(LiveCheckConfig::default())),
        }
    }

    /// Lets callers of `POST /api/v1/links/check` ask for live fetches, as `config` says.
    pub fn with_live_checks(mut self, config: LiveCheckConfig) -> AppState {
        self.live = Arc::new(LiveChecks::new(config));
        self
    }

    /// Lets anonymous link checks use indicators up to `ceiling` (clamped to GREEN).
    pub fn with_anonymous_lookup_ceiling(self, ceiling: tlp::Tlp) -> AppState {
        self.blocklists.set_anonymous_ceiling(ceiling);
        self
    }

    /// Turns the members' workspace and citizen reports on, with this store.
    pub fn with_portal_store(mut self, store: Arc<dyn store::PortalStore>) -> AppState {
        self.portal_store = Some(store);
        self
    }

    /// Same, opening the SQLite database of the data directory `dir` (the hub's own).
    pub fn with_portal_data_dir(self, dir: &std::path::Path) -> Result<AppState, store::StoreError> {
        let store = store::SqliteStore::open(dir)?;
        Ok(self.with_portal_store(Arc::new(store)))
    }
}

/// The whole application router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics_text))
        .merge(taxii::routes())
        .merge(api::routes())
        .merge(posture_api::routes())
        .merge(portal::routes())
        .merge(peers::routes())
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .with_state(state)
}

/// Serves until SIGINT or SIGTERM, then drains in-flight requests (at most 10 s).
/// `ready` is called with the bound address once the socket listens.
pub async fn serve(state: AppState, config: ServerConfig, ready: impl FnOnce(SocketAddr)) -> Result<(), ServerError> {
    state.blocklists.clone().spawn_refresher(state.hub.clone(), Duration::from_secs(1));
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let handle = axum_server::Handle::new();
    let shutdown = handle.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutdown requested: draining requests");
        shutdown.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    let listener = std::net::TcpListener::bind(config.listen).map_err(|source| ServerError::Bind { addr: config.listen, source })?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let served = match &config.tls {
        None => {
            ready(addr);
            axum_server::from_tcp(listener).handle(handle).serve(app).await
        }
        Some((cert, key)) => {
            // ring is the one provider compiled in; installing it twice is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let tls = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await.map_err(ServerError::Tls)?;
            ready(addr);
            axum_server::from_tcp_rustls(listener, tls).handle(handle).serve(app).await
        }
    };
    served.map_err(ServerError::Io)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

async fn healthz(State(state): State<AppState>) -> Response {
    let hub = state.hub.clone();
    match tokio::task::spawn_blocking(move || hub.hub_org()).await {
        Ok(Ok(_)) => (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "ok\n").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], "storage unavailable\n")
            .into_response(),
    }
}

async fn metrics_text(State(state): State<AppState>) -> Response {
    (StatusCode::OK, [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], state.metrics.render())
        .into_response()
}

async fn not_found(uri: axum::http::Uri) -> ApiError {
    let path = uri.path();
    if path.starts_with("/taxii2") || path.starts_with(taxii::API_ROOT) || path.starts_with("/federation") {
        ApiError::taxii(StatusCode::NOT_FOUND, "Not Found", format!("no TAXII resource at {path}"))
    } else {
        ApiError::problem(StatusCode::NOT_FOUND, "Not Found", format!("nothing at {path}"))
    }
}

/// Runs a blocking hub call off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, hub::HubError> + Send + 'static) -> Result<T, hub::HubError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) => Err(hub::HubError::Store(store::StoreError::Corrupt(format!("worker failed: {e}")))),
    }
}
