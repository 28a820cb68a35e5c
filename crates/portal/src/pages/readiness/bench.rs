//! Peer benchmarks as published snapshots: the page of the latest snapshot's published groups
//! and the UPU/ISAC dashboard CSV (aggregate only). The snapshot of a quarter is computed from
//! the assessments finalised (by the hub's clock) before the quarter began, stored the first
//! time anyone asks, and never recomputed: a later submission cannot move a published number.
//! The rules (k >= 5, percentiles from 10, differencing guards, rounding) are `readiness::bench`'s.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, SecondsFormat, Utc};
use minijinja::{Value, context};
use readiness::bench::{Snapshot, Verdict, quarter_start};
use readiness::summary::Summary;
use store::readiness::ReadinessStore;

use super::{download, now, parts, starter};
use crate::{Ctx, PortalState, blocking, member_or_login};

/// The snapshot of the quarter containing `at`, published now if it is not yet.
fn current(store: &dyn ReadinessStore, at: DateTime<Utc>) -> store::Result<Snapshot> {
    let as_of = quarter_start(at);
    let key = as_of.to_rfc3339_opts(SecondsFormat::Secs, true);
    if let Some(stored) = store.latest_snapshot()?.filter(|s| s.as_of == key)
        && let Ok(snapshot) = serde_json::from_str::<Snapshot>(&stored.body)
    {
        return Ok(snapshot);
    }
    let submissions: Vec<_> = store
        .benchmark_pool()?
        .into_iter()
        .filter_map(|e| {
            let summary: Summary = serde_json::from_str(&e.result).ok()?;
            let finalised = DateTime::parse_from_rfc3339(&e.finalised_at).ok()?.to_utc();
            let groups = starter().map(|s| s.groups(e.country.as_deref())).unwrap_or_default();
            Some(readiness::bench::submission(e.org_id.to_string(), finalised, groups.sids, groups.ldc, &summary))
        })
        .collect();
    let snapshot = readiness::bench::snapshot(&submissions, as_of);
    let body = serde_json::to_string(&snapshot).map_err(|e| store::StoreError::Corrupt(e.to_string()))?;
    if !store.put_snapshot(&key, &body, &now())? {
        // Published meanwhile by another request: serve that one.
        if let Some(stored) = store.latest_snapshot()?.filter(|s| s.as_of == key) {
            return serde_json::from_str(&stored.body).map_err(|e| store::StoreError::Corrupt(e.to_string()));
        }
    }
    Ok(snapshot)
}

async fn load(state: &PortalState, ctx: &Ctx) -> Result<Snapshot, Response> {
    member_or_login(ctx)?;
    let (_, store): (_, Arc<dyn ReadinessStore>) = parts(state, ctx)?;
    match blocking(move || current(&*store, Utc::now())).await {
        Some(Ok(s)) => Ok(s),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e.into())),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

/// The published groups of the current snapshot; groups the rules withhold are only counted.
pub(super) async fn page(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let snapshot = match load(&state, &ctx).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    let published: Vec<Value> = snapshot
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::Published)
        .map(|g| {
            let index = g.metrics.get("index");
            context! {
                region => g.key.region.as_deref(), income => g.key.income.as_deref(), sids => g.key.sids, ldc => g.key.ldc,
                posts => g.posts, median => index.map(|m| m.median), p25 => index.and_then(|m| m.p25), p75 => index.and_then(|m| m.p75),
                practices => &g.practices,
            }
        })
        .collect();
    let withheld = snapshot.groups.len() - published.len();
    let as_of = snapshot.as_of.format("%Y-%m-%d").to_string();
    let page = context! { as_of => as_of, groups => published, withheld => withheld };
    state.portal.page(&ctx, StatusCode::OK, "readiness_benchmarks.html", page)
}

/// The UPU/ISAC dashboard export: the current snapshot's published figures as CSV.
pub(super) async fn csv(State(state): State<PortalState>, ctx: Ctx) -> Response {
    match load(&state, &ctx).await {
        Ok(s) => download(readiness::bench::dashboard_csv(&s), "text/csv; charset=utf-8", "readiness-benchmarks.csv".to_owned()),
        Err(r) => r,
    }
}
