//! Prometheus metrics: requests by route and status, latency histograms, objects ingested.

use std::time::Instant;

use axum::extract::{Request, State};
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

/// Route label with ids folded, so label cardinality stays bounded whatever clients request.
fn route_label(path: &str) -> String {
    let segments: Vec<&str> = path
        .split('/')
        .map(|s| if s.contains("--") || s.len() >= 32 || s.chars().any(|c| c.is_ascii_digit()) { "{id}" } else { s })
        .take(8)
        .collect();
    segments.join("/")
}

pub(crate) async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().to_string();
    let route = route_label(req.uri().path());
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
    #[test]
    fn route_labels_fold_ids() {
        assert_eq!(
            super::route_label("/isac/collections/0b1c9f3e-5a8a-4c4e-9d2b-1f6f2b1e8f00/objects/indicator--x/"),
            "/isac/collections/{id}/objects/{id}/"
        );
    }
}
