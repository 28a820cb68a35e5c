//! Peer benchmarks as published snapshots: the page of the latest snapshot's published groups
//! and the UPU/ISAC dashboard CSV (aggregate only). The snapshot of a quarter is computed from
//! the assessments finalised (by the hub's clock) before the quarter began, stored the first
//! time anyone asks, and never recomputed: a later submission cannot move a published number.
//! The rules (k >= 5, percentiles from 10, differencing guards, rounding) are `readiness::bench`'s.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, SecondsFormat, Utc};
use minijinja::{Value, context};
use readiness::bench::{GroupKey, Snapshot, Verdict, quarter_start};
use readiness::summary::Summary;
use store::readiness::ReadinessStore;

use super::{download, now, parts, starter};
use crate::{Ctx, PortalState, blocking, member_or_login};

/// The peer medians per area (0-100) a post's report may show: those of the most specific
/// published group it belongs to (SIDS and LDC together, either, then all posts), only the
/// figures the rules publish; `None` when no such group has any.
pub(super) fn peer_medians(snapshot: &Snapshot, sids: bool, ldc: bool) -> Option<BTreeMap<String, f64>> {
    let wanted = [(true, true), (true, false), (false, true), (false, false)];
    wanted.iter().filter(|(s, l)| (!s || sids) && (!l || ldc)).find_map(|&(s, l)| {
        let key = GroupKey { region: None, income: None, sids: s, ldc: l };
        let group = snapshot.groups.iter().find(|g| g.key == key && g.verdict == Verdict::Published)?;
        let medians: BTreeMap<String, f64> =
            group.metrics.iter().filter_map(|(m, f)| Some((m.strip_prefix("area:")?.to_owned(), f.median as f64))).collect();
        (!medians.is_empty()).then_some(medians)
    })
}

/// The peer medians for an organisation's report from the current snapshot (published now if
/// it is not yet); `None` when nothing may be shown or the store fails (the report then says
/// no comparison is published, and the failure is logged).
pub(super) fn medians_for(store: &dyn ReadinessStore, country: Option<&str>) -> Option<BTreeMap<String, f64>> {
    let snapshot = current(store, Utc::now()).map_err(|e| tracing::error!(error = %e, "readiness snapshot failed")).ok()?;
    let groups = starter().map(|s| s.groups(country)).unwrap_or_default();
    peer_medians(&snapshot, groups.sids, groups.ldc)
}

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

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use readiness::summary::{AreaSummary, Summary};

    use super::*;

    fn post(i: usize, sids: bool) -> readiness::bench::Submission {
        let summary = Summary {
            bank_version: "test".into(),
            areas: [("GOV".to_owned(), AreaSummary { percent: Some(10.0 * i as f64), level: None, applicable: 1 })].into(),
            readiness_index: Some(10.0 * i as f64),
            hygiene_baseline: None,
            verified_share: None,
            plan: Vec::new(),
            contradictions: Vec::new(),
            unanswered: Vec::new(),
            declared_na: Vec::new(),
            practices: BTreeMap::new(),
        };
        let at = Utc.with_ymd_and_hms(2026, 9, 1, 0, 0, 0).unwrap();
        readiness::bench::submission(format!("{i}"), at, sids, false, &summary)
    }

    /// A post's report gets the medians of the most specific published group it belongs to, and
    /// nothing while fewer than 5 posts would be behind a figure.
    #[test]
    fn the_report_shows_medians_of_a_published_group_only() {
        let as_of = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        let four: Vec<_> = (1..=4).map(|i| post(i, true)).collect();
        assert_eq!(peer_medians(&readiness::bench::snapshot(&four, as_of), true, false), None);
        // Five SIDS posts and five others: the SIDS group (5) and the world (10) both publish.
        let ten: Vec<_> = (1..=10).map(|i| post(i, i <= 5)).collect();
        let snapshot = readiness::bench::snapshot(&ten, as_of);
        assert_eq!(peer_medians(&snapshot, true, false), Some([("GOV".to_owned(), 30.0)].into()));
        assert_eq!(peer_medians(&snapshot, false, false), Some([("GOV".to_owned(), 55.0)].into()));
    }
}
