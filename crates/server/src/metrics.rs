//! Prometheus metrics: requests by route and status, latency histograms, objects ingested.
//! Labels are route templates and a fixed set of methods only, so the series stay few whatever
//! clients send, and no path a member looked up (a domain, an id) is shown to whoever scrapes.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
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

pub(crate) struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pub(crate) objects_stored: Counter,
    pub(crate) objects_failed: Counter,
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
        Metrics { registry, requests, latency, objects_stored, objects_failed }
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
