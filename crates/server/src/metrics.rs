//! Prometheus metrics: requests by route and status, latency histograms, objects ingested.
//! Labels are route templates and a fixed set of methods only, so the series stay few whatever
//! clients send, and no path a member looked up (a domain, an id) is shown to whoever scrapes.
//! The brand monitor's series ([`MonitorMetrics`]) are labelled by the names of the CT logs the
//! operator configured and by hit level, never by a domain.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LogLabels {
    log: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct AlarmLabels {
    log: String,
    alarm: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct LevelLabels {
    level: &'static str,
}

pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pub(crate) objects_stored: Counter,
    pub(crate) objects_failed: Counter,
    pub(crate) monitor: MonitorMetrics,
    pub(crate) xapi: XapiMetrics,
}

/// The xAPI sender's series: statements the LRS took, tries it refused or missed, and how many
/// wait. Cloning shares the series.
#[derive(Clone, Debug, Default)]
pub struct XapiMetrics {
    sent: Counter,
    failed: Counter,
    pending: Gauge,
}

impl XapiMetrics {
    fn register(registry: &mut Registry) -> XapiMetrics {
        let m = XapiMetrics::default();
        registry.register("xapi_statements_sent", "xAPI statements the LRS took", m.sent.clone());
        registry.register("xapi_statements_failed", "Tries to send an xAPI statement that failed (retried later)", m.failed.clone());
        registry.register("xapi_statements_pending", "xAPI statements waiting for the LRS", m.pending.clone());
        m
    }

    pub fn sent(&self) {
        self.sent.inc();
    }

    pub fn failed(&self) {
        self.failed.inc();
    }

    pub fn pending(&self, n: u64) {
        self.pending.set(i64::try_from(n).unwrap_or(i64::MAX));
    }
}

/// What a CT alarm was about: the label of `postern_ct_alarms_total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtAlarm {
    /// An entry or tile missing from the log where the cursor expected it.
    Gap,
    /// A checkpoint or STH that failed to verify, shrank or forked.
    BadCheckpoint,
    /// Unread entries older than the configured backlog limit.
    Backlog,
    /// The log asked to slow down (429 or 503).
    Throttled,
    /// A request that failed (network, HTTP status, a tile that does not parse).
    FetchError,
    /// Entries that do not hash to the signed root, or a tree head that does not extend the
    /// last one accepted (a log that rewrote its history).
    ProofFailed,
}

impl CtAlarm {
    fn label(self) -> &'static str {
        match self {
            CtAlarm::Gap => "gap",
            CtAlarm::BadCheckpoint => "bad_checkpoint",
            CtAlarm::Backlog => "backlog",
            CtAlarm::Throttled => "throttled",
            CtAlarm::FetchError => "fetch_error",
            CtAlarm::ProofFailed => "proof_failed",
        }
    }
}

/// The brand monitor's series: CT entries read per log, duplicates, alarms, how far behind each
/// log the cursor is, hits by level, indicators made, and the time from a certificate's log
/// timestamp to its indicator in the hub. Cloning shares the series.
#[derive(Clone, Debug)]
pub struct MonitorMetrics {
    ct_entries: Family<LogLabels, Counter>,
    ct_duplicates: Family<LogLabels, Counter>,
    ct_unparsed: Family<LogLabels, Counter>,
    ct_alarms: Family<AlarmLabels, Counter>,
    ct_tree_size: Family<LogLabels, Gauge>,
    ct_next_entry: Family<LogLabels, Gauge>,
    ct_backlog_age: Family<LogLabels, Gauge>,
    hits: Family<LevelLabels, Counter>,
    indicators: Counter,
    ct_to_indicator: Histogram,
}

impl MonitorMetrics {
    fn register(registry: &mut Registry) -> MonitorMetrics {
        let m = MonitorMetrics {
            ct_entries: Family::default(),
            ct_duplicates: Family::default(),
            ct_unparsed: Family::default(),
            ct_alarms: Family::default(),
            ct_tree_size: Family::default(),
            ct_next_entry: Family::default(),
            ct_backlog_age: Family::default(),
            hits: Family::default(),
            indicators: Counter::default(),
            // 1 s to about 68 min: the target is p95 <= 60 s.
            ct_to_indicator: Histogram::new(exponential_buckets(1.0, 2.0, 13)),
        };
        registry.register("ct_entries", "CT log entries read", m.ct_entries.clone());
        registry.register("ct_duplicates", "CT entries skipped as copies of a certificate already read", m.ct_duplicates.clone());
        registry.register("ct_unparsed", "CT entries whose certificate did not parse (skipped)", m.ct_unparsed.clone());
        registry.register(
            "ct_alarms",
            "CT alarms: gaps, refused tree heads, backlog, throttling, failed fetches, failed Merkle proofs",
            m.ct_alarms.clone(),
        );
        registry.register("ct_tree_size", "Size of the last verified tree head per CT log", m.ct_tree_size.clone());
        registry.register("ct_next_entry", "Index of the next CT entry to read per log (the cursor)", m.ct_next_entry.clone());
        registry.register(
            "ct_backlog_age_seconds",
            "Age of the newest entry read while a log still has unread entries (0 when caught up)",
            m.ct_backlog_age.clone(),
        );
        registry.register("monitor_hits", "Look-alike names flagged by the monitor, by level", m.hits.clone());
        registry.register("monitor_indicators", "Hub indicators made from monitor hits", m.indicators.clone());
        registry.register(
            "monitor_ct_to_indicator_seconds",
            "Time from a certificate's CT log timestamp to its indicator in the hub",
            m.ct_to_indicator.clone(),
        );
        m
    }

    fn log(log: &str) -> LogLabels {
        LogLabels { log: log.to_string() }
    }

    /// `n` entries read from `log`, of which `duplicates` were copies and `unparsed` unreadable.
    pub fn ct_read(&self, log: &str, n: u64, duplicates: u64, unparsed: u64) {
        let l = Self::log(log);
        self.ct_entries.get_or_create(&l).inc_by(n);
        self.ct_duplicates.get_or_create(&l).inc_by(duplicates);
        self.ct_unparsed.get_or_create(&l).inc_by(unparsed);
    }

    pub fn ct_alarm(&self, log: &str, alarm: CtAlarm) {
        self.ct_alarms.get_or_create(&AlarmLabels { log: log.to_string(), alarm: alarm.label() }).inc();
    }

    /// Where `log`'s cursor stands against its last verified tree head, and how old the newest
    /// entry read is while entries remain (0 when caught up).
    pub fn ct_position(&self, log: &str, tree_size: u64, next: u64, backlog_age_secs: u64) {
        let l = Self::log(log);
        self.ct_tree_size.get_or_create(&l).set(i64::try_from(tree_size).unwrap_or(i64::MAX));
        self.ct_next_entry.get_or_create(&l).set(i64::try_from(next).unwrap_or(i64::MAX));
        self.ct_backlog_age.get_or_create(&l).set(i64::try_from(backlog_age_secs).unwrap_or(i64::MAX));
    }

    /// A flagged name; `malicious` or suspicious.
    pub fn hit(&self, malicious: bool) {
        self.hits.get_or_create(&LevelLabels { level: if malicious { "malicious" } else { "suspicious" } }).inc();
    }

    /// An indicator made from a hit; `ct_latency_secs` when the name came from a CT entry.
    pub fn indicator(&self, ct_latency_secs: Option<f64>) {
        self.indicators.inc();
        if let Some(s) = ct_latency_secs {
            self.ct_to_indicator.observe(s.max(0.0));
        }
    }
}

fn latency_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
}

impl Metrics {
    pub(crate) fn new() -> Metrics {
        let mut registry = Registry::with_prefix("postern");
        let requests = Family::<RequestLabels, Counter>::default();
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(latency_histogram as fn() -> Histogram);
        let objects_stored = Counter::default();
        let objects_failed = Counter::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register("http_request_duration_seconds", "Time to answer an HTTP request", latency.clone());
        registry.register("taxii_objects_stored", "STIX objects accepted by Add Objects (new or unchanged)", objects_stored.clone());
        registry.register("taxii_objects_failed", "STIX objects refused by Add Objects", objects_failed.clone());
        let monitor = MonitorMetrics::register(&mut registry);
        let xapi = XapiMetrics::register(&mut registry);
        Metrics { registry, requests, latency, objects_stored, objects_failed, monitor, xapi }
    }

    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            out = "# metrics encoding failed\n".into();
        }
        out
    }
}

/// The label of a request that matched no route: one series for all of them.
const UNMATCHED: &str = "unmatched";

/// The route template a request matched (`/isac/collections/{id}/objects/`), or `unmatched`.
fn route_label(req: &Request) -> String {
    req.extensions().get::<MatchedPath>().map_or(UNMATCHED, MatchedPath::as_str).to_string()
}

/// The standard methods by name; any other (extension methods are free text) is `other`.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        Method::PATCH => "PATCH",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

pub(crate) async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = method_label(req.method()).to_string();
    let route = route_label(&req);
    let resp = next.run(req).await;
    let elapsed = start.elapsed();
    let status = resp.status().as_u16();
    state.metrics.requests.get_or_create(&RequestLabels { method: method.clone(), route: route.clone(), status }).inc();
    state.metrics.latency.get_or_create(&RouteLabels { route: route.clone() }).observe(elapsed.as_secs_f64());
    tracing::info!(target: "postern::http", %method, %route, status, micros = elapsed.as_micros() as u64, "request");
    resp
}

#[cfg(test)]
mod tests {
    use axum::http::Method;

    #[test]
    fn methods_outside_the_standard_set_are_one_label() {
        assert_eq!(super::method_label(&Method::GET), "GET");
        let custom = Method::from_bytes(b"PROPFIND-anything-at-all").expect("method");
        assert_eq!(super::method_label(&custom), "other");
    }
}
