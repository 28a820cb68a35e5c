//! The HTTP face of Postern: the axum router (TAXII 2.1, the JSON APIs, health, metrics, with the
//! `portal` crate's pages merged in), TLS with rustls and clean shutdown. It owns the one mapping
//! from hub errors to status codes and protocol error bodies of the APIs.

pub mod api;
mod awareness;
pub mod blocklists;
mod error;
mod media;
pub mod metrics;
pub mod net;
pub mod ratelimit;
pub mod rpz;
mod taxii;

/// The HTML portal, re-exported for the binary's `user add`, which hashes passwords as it does.
pub use portal;
/// The one roles table, shared with the portal.
pub(crate) use portal::roles;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hub::Hub;

pub use error::ApiError;
pub use net::{ConnectionLimits, TrustedProxies};

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
    /// The public base URL is not an absolute http(s) URL without query or fragment.
    #[error("public URL '{0}': an http:// or https:// URL with a host and no query, fragment or user name")]
    PublicUrl(String),
}

/// How to listen.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    pub listen: SocketAddr,
    /// PEM certificate chain and private key; plain HTTP when absent.
    pub tls: Option<(PathBuf, PathBuf)>,
    /// Timeouts and the per-address cap of every connection.
    pub limits: ConnectionLimits,
    /// Reverse proxies whose `X-Forwarded-For` names the client.
    pub trusted_proxies: TrustedProxies,
    /// The URL clients reach the hub at (`https://hub.example.post`), the base of every
    /// absolute URL the server writes; the listen address (scheme from TLS) when absent.
    pub public_url: Option<String>,
    /// Who may read `/metrics`, and where.
    pub metrics: MetricsAccess,
}

impl ServerConfig {
    /// Plain HTTP on `listen` with the default limits, no proxy, open metrics.
    pub fn new(listen: SocketAddr) -> ServerConfig {
        ServerConfig {
            listen,
            tls: None,
            limits: ConnectionLimits::default(),
            trusted_proxies: TrustedProxies::default(),
            public_url: None,
            metrics: MetricsAccess::default(),
        }
    }
}

/// Who may read `/metrics`. With neither setting, anyone may, on the main listener (Prometheus
/// scrapes without configuration; the series hold route templates and counts only).
#[derive(Debug, Clone, Default)]
pub struct MetricsAccess {
    /// A bearer token `/metrics` requires.
    pub token: Option<String>,
    /// A separate plain-HTTP listener that alone serves `/metrics` (the main one then does not).
    pub listen: Option<SocketAddr>,
}

/// The addresses the server listens on, once bound.
#[derive(Debug, Clone, Copy)]
pub struct Listening {
    pub addr: SocketAddr,
    /// The metrics listener, when configured.
    pub metrics: Option<SocketAddr>,
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
    pub posture: Option<Arc<api::posture::PostureService>>,
    /// Readiness assessments (the portal's questionnaire); off when `None`.
    pub(crate) readiness: Option<Arc<dyn store::readiness::ReadinessStore>>,
    /// Incident cases of the members' organisations; off when `None`.
    pub incidents: Option<Arc<dyn store::incidents::IncidentStore>>,
    /// Runs of joint exercises (`/api/v1/exercises`); off when `None`.
    pub exercises: Option<Arc<dyn store::exercises::ExerciseStore>>,
    /// The indicator lifetime models of the blocklist feeds and the RPZ.
    pub decay: Arc<monitor::decay::Decay>,
    /// The brand monitor's hits (the portal's triage queue); off when `None`.
    pub monitor: Option<Arc<dyn store::monitor::MonitorStore>>,
    /// Simulation campaigns: the landing routes under `/a/`; off when `None`.
    pub(crate) awareness: Option<Arc<dyn store::awareness::AwarenessStore>>,
    /// How long person-level simulation events are kept (`serve` purges older ones).
    pub(crate) awareness_retention_days: u32,
    /// Quiz results are queued as xAPI statements (a sender in `serve` delivers them).
    pub(crate) awareness_xapi: bool,
    /// Anonymous callers of the JSON APIs, per address.
    pub(crate) anonymous_limit: Arc<ratelimit::RateLimiter>,
    /// Live link checks of the JSON API (off unless configured).
    pub(crate) live: Arc<LiveChecks>,
    /// The base of every absolute URL in answers (no trailing slash), never the `Host` header.
    pub(crate) public_url: Arc<str>,
    /// Who may read `/metrics`, and where.
    pub(crate) metrics_access: Arc<MetricsAccess>,
}

impl AppState {
    /// The brand monitor's series of this server's `/metrics`, for the watchers `serve` runs.
    pub fn monitor_metrics(&self) -> metrics::MonitorMetrics {
        self.metrics.monitor.clone()
    }

    pub fn new(hub: Hub, tls: bool) -> AppState {
        let links = Arc::new(links::Analyzer::new(&brands::BrandRegistry::builtin()));
        let blocklists = Arc::new(blocklists::HubBlocklists::default());
        let text = Arc::new(message_analyzer(links.clone(), blocklists.clone()));
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
            readiness: None,
            incidents: None,
            exercises: None,
            decay: Arc::new(monitor::decay::Decay::embedded().expect("the shipped decay models load")),
            monitor: None,
            awareness: None,
            awareness_retention_days: portal::awareness_service::DEFAULT_RETENTION_DAYS,
            awareness_xapi: false,
            live: Arc::new(LiveChecks::new(LiveCheckConfig::default())),
            public_url: if tls { "https://localhost" } else { "http://localhost" }.into(),
            metrics_access: Arc::new(MetricsAccess::default()),
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

    /// Turns the readiness questionnaire on, with this store.
    pub fn with_readiness_store(mut self, store: Arc<dyn store::readiness::ReadinessStore>) -> AppState {
        self.readiness = Some(store);
        self
    }

    /// Turns the members' workspace and citizen reports on, with this store.
    pub fn with_portal_store(mut self, store: Arc<dyn store::PortalStore>) -> AppState {
        self.portal_store = Some(store);
        self
    }

    /// Turns incident cases on (`/api/v1/incidents` and the portal's incident pages), with this store.
    pub fn with_incidents(mut self, store: Arc<dyn store::incidents::IncidentStore>) -> AppState {
        self.incidents = Some(store);
        self
    }

    /// Turns joint exercises on (`/api/v1/exercises`), with this store.
    pub fn with_exercises(mut self, store: Arc<dyn store::exercises::ExerciseStore>) -> AppState {
        self.exercises = Some(store);
        self
    }

    /// Turns the brand monitor's triage queue on, with this store.
    pub fn with_monitor(mut self, store: Arc<dyn store::monitor::MonitorStore>) -> AppState {
        self.monitor = Some(store);
        self
    }

    /// Turns the simulation landing routes (`/a/...`) on, with this store.
    pub fn with_awareness(mut self, store: Arc<dyn store::awareness::AwarenessStore>) -> AppState {
        self.awareness = Some(store);
        self
    }

    /// Keeps person-level simulation events `days` days (shown on information sheets; `serve`
    /// purges with the same period).
    pub fn with_awareness_retention(mut self, days: u32) -> AppState {
        self.awareness_retention_days = days;
        self
    }

    /// Queues quiz results as xAPI statements for the LRS sender `serve` runs.
    pub fn with_awareness_xapi(mut self, on: bool) -> AppState {
        self.awareness_xapi = on;
        self
    }

    /// The xAPI sender's series of this server's `/metrics`.
    pub fn xapi_metrics(&self) -> metrics::XapiMetrics {
        self.metrics.xapi.clone()
    }

    /// Same, opening the SQLite database of the data directory `dir` (the hub's own).
    pub fn with_portal_data_dir(self, dir: &std::path::Path) -> Result<AppState, store::StoreError> {
        let store = store::SqliteStore::open(dir)?;
        Ok(self.with_portal_store(Arc::new(store)))
    }
}

/// The whole application router.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new().route("/healthz", get(healthz));
    if state.metrics_access.listen.is_none() {
        app = app.route("/metrics", get(metrics_text));
    }
    app.merge(taxii::routes())
        .merge(api::routes())
        .merge(awareness::routes())
        .merge(portal::router(portal_state(&state)))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(axum::middleware::from_fn_with_state(state.clone(), transport_headers))
        .with_state(state)
}

/// What the portal's pages share with the APIs: the same hub, analysers, blocklists and stores.
/// The portal's view of the hub's state (the CLI's report mailbox files through it too).
pub fn portal_state(state: &AppState) -> portal::PortalState {
    let (blocklists, links) = (state.blocklists.clone(), state.links.clone());
    portal::PortalState {
        hub: state.hub.clone(),
        links: state.links.clone(),
        text: state.text.clone(),
        link_check: Arc::new(move |url: &str, who: &hub::Principal| blocklists.check(&links, url, who)),
        portal_store: state.portal_store.clone(),
        posture: state.posture.as_ref().map(|p| p.store.clone()),
        prove_txt: state.posture.clone().map(|service| -> portal::ProveTxt {
            Arc::new(move |domain: String| -> std::pin::Pin<Box<dyn std::future::Future<Output = readiness::proof::TxtAnswer> + Send>> {
                let service = service.clone();
                Box::pin(async move { service.challenge_txt(&domain).await })
            })
        }),
        readiness: state.readiness.clone(),
        incidents: state.incidents.clone(),
        exercises: state.exercises.clone(),
        monitor: state.monitor.clone(),
        awareness: state.awareness.clone(),
        awareness_retention_days: state.awareness_retention_days,
        awareness_xapi: state.awareness_xapi,
        tls: state.tls,
        public_url: state.public_url.clone(),
        portal: state.portal.clone(),
    }
}

/// The message analyser of the portal and the API: the shipped model, with every URL of a
/// message judged by the link analyser and the hub's blocklists at the anonymous lookup ceiling
/// (TLP:CLEAR unless configured to GREEN): the analysis is shown to anyone, so it may only use
/// what anyone may know.
pub fn message_analyzer(links: Arc<links::Analyzer>, blocklists: Arc<blocklists::HubBlocklists>) -> scamtext::Analyzer {
    // The model is compiled into the binary and its loading is tested in scamtext: a failure
    // here is a broken build, not bad input.
    let analyzer = scamtext::Analyzer::builtin().expect("the shipped scamtext model loads");
    analyzer.with_link_check(Box::new(move |url: &str| match blocklists.check(&links, url, &hub::Principal::Anonymous) {
        Ok(v) => {
            let why = || scamtext::LinkWhy {
                code: v.reasons.first().map_or("", |r| r.code),
                brand: v.brand.as_ref().map(|b| b.name.clone()),
                source: v.reasons.first().and_then(|r| r.args.get("source")).map(str::to_string),
            };
            match v.verdict {
                links::Level::Malicious => scamtext::LinkVerdict::Malicious(why()),
                links::Level::Suspicious => scamtext::LinkVerdict::Suspicious(why()),
                links::Level::Benign => scamtext::LinkVerdict::Benign,
            }
        }
        Err(_) => scamtext::LinkVerdict::Benign,
    }))
}

/// The router of the separate metrics listener.
fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics_text))
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), transport_headers))
        .with_state(state)
}

/// Serves until SIGINT or SIGTERM, then drains in-flight requests (at most 10 s).
/// `ready` is called with the bound addresses once the sockets listen.
pub async fn serve(mut state: AppState, config: ServerConfig, ready: impl FnOnce(Listening)) -> Result<(), ServerError> {
    let listener = bind(config.listen)?;
    let addr = listener.local_addr()?;
    let metrics_listener = config.metrics.listen.map(bind).transpose()?;
    let metrics_addr = metrics_listener.as_ref().map(std::net::TcpListener::local_addr).transpose()?;
    state.public_url = match &config.public_url {
        Some(url) => public_base(url)?,
        None => {
            if addr.ip().is_unspecified() {
                tracing::warn!(%addr, "no --public-url: absolute URLs name the unspecified listen address; set the URL clients use");
            }
            format!("{}://{addr}", if config.tls.is_some() { "https" } else { "http" })
        }
    }
    .into();
    state.metrics_access = Arc::new(config.metrics.clone());
    state.blocklists.clone().spawn_refresher(state.hub.clone(), Duration::from_secs(1));
    let proxies = Arc::new(config.trusted_proxies.clone());
    let gate = net::Gate::new(config.limits.clone(), proxies.clone());
    let handle = axum_server::Handle::new();
    let shutdown = handle.clone();
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutdown requested: draining requests");
        shutdown.graceful_shutdown(Some(Duration::from_secs(10)));
    });
    if let Some(l) = metrics_listener {
        let app = per_connection(metrics_router(state.clone()), &proxies);
        let server = tuned(axum_server::from_tcp(l).acceptor(gate.clone()), &config.limits).handle(handle.clone());
        tokio::spawn(async move {
            if let Err(e) = server.serve(app).await {
                tracing::error!(error = %e, "the metrics listener stopped");
            }
        });
    }
    let app = per_connection(router(state), &proxies);
    let served = match &config.tls {
        None => {
            ready(Listening { addr, metrics: metrics_addr });
            tuned(axum_server::from_tcp(listener).acceptor(gate), &config.limits).handle(handle).serve(app).await
        }
        Some((cert, key)) => {
            // ring is the one provider compiled in; installing it twice is harmless.
            let _ = rustls::crypto::ring::default_provider().install_default();
            let tls = axum_server::tls_rustls::RustlsConfig::from_pem_file(cert, key).await.map_err(ServerError::Tls)?;
            ready(Listening { addr, metrics: metrics_addr });
            let server = axum_server::from_tcp_rustls(listener, tls).map(|tls| tls.acceptor(gate));
            tuned(server, &config.limits).handle(handle).serve(app).await
        }
    };
    served.map_err(ServerError::Io)
}

fn bind(addr: SocketAddr) -> Result<std::net::TcpListener, ServerError> {
    let listener = std::net::TcpListener::bind(addr).map_err(|source| ServerError::Bind { addr, source })?;
    listener.set_nonblocking(true)?;
    Ok(listener)
}

/// A public base URL, checked (absolute http or https with a host, no query, fragment or user
/// name) and without its trailing slash.
pub fn public_base(url: &str) -> Result<String, ServerError> {
    let bad = || ServerError::PublicUrl(url.to_string());
    let parsed = url::Url::parse(url).map_err(|_| bad())?;
    let plain = matches!(parsed.scheme(), "http" | "https")
        && parsed.host().is_some()
        && parsed.username().is_empty()
        && parsed.password().is_none()
        && parsed.query().is_none()
        && parsed.fragment().is_none();
    if !plain {
        return Err(bad());
    }
    Ok(parsed.as_str().trim_end_matches('/').to_string())
}

/// HTTP settings of every listener: hyper's header-read clock needs a timer to run.
fn tuned<A>(mut server: axum_server::Server<A>, limits: &ConnectionLimits) -> axum_server::Server<A> {
    let http = server.http_builder();
    http.http1().timer(hyper_util::rt::TokioTimer::new()).header_read_timeout(limits.header_read_timeout);
    http.http2().timer(hyper_util::rt::TokioTimer::new());
    server
}

/// The per-request connection bookkeeping, outermost, with the TCP peer in `ConnectInfo`.
fn per_connection(
    app: Router,
    proxies: &Arc<TrustedProxies>,
) -> axum::extract::connect_info::IntoMakeServiceWithConnectInfo<Router, SocketAddr> {
    app.layer(axum::middleware::from_fn_with_state(proxies.clone(), net::per_request)).into_make_service_with_connect_info::<SocketAddr>()
}

/// Headers every answer carries: `nosniff` everywhere, HSTS under TLS (redirects included), and
/// `Cache-Control: no-store` on TAXII, API and metrics answers and on anything answered to an
/// authenticated request (a TLP:RED object must not rest in a shared cache); other answers keep
/// the caching their handler chose, else `no-store` too.
async fn transport_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let api = ["/taxii2", taxii::API_ROOT, "/federation", "/api/", "/metrics"].iter().any(|p| path.starts_with(p));
    let authenticated = req.headers().contains_key(header::AUTHORIZATION) || portal::has_session_cookie(req.headers());
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    if state.tls {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    if api || authenticated || !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    resp
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

async fn metrics_text(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    if let Some(token) = &state.metrics_access.token {
        let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
        // Constant time, so the token cannot be guessed byte by byte from response times.
        let ok = given.is_some_and(|g| bool::from(subtle::ConstantTimeEq::ct_eq(g.as_bytes(), token.as_bytes())));
        if !ok {
            return ApiError::problem(StatusCode::UNAUTHORIZED, "Unauthorized", "/metrics needs the metrics bearer token").into_response();
        }
    }
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

/// The caller of an API request: the hub authenticates its `Authorization` header (anonymous
/// without one). The one copy for every face; `taxii` picks the error format. A header that is
/// not ASCII is refused like a bad credential, never read as no credential.
pub(crate) async fn authenticate(state: &AppState, headers: &header::HeaderMap, taxii: bool) -> Result<hub::Principal, ApiError> {
    let auth = match headers.get(header::AUTHORIZATION) {
        None => None,
        Some(v) => Some(
            v.to_str()
                .map_err(|_| ApiError::from_hub(hub::HubError::Unauthenticated("Authorization header is not ASCII".into()), taxii))?
                .to_string(),
        ),
    };
    let hub = state.hub.clone();
    blocking(move || hub.authenticate(auth.as_deref())).await.map_err(|e| ApiError::from_hub(e, taxii))
}

/// Runs a blocking hub call off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, hub::HubError> + Send + 'static) -> Result<T, hub::HubError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) => Err(hub::HubError::Store(store::StoreError::Corrupt(format!("worker failed: {e}")))),
    }
}
