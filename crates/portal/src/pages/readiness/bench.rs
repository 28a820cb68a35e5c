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
use readiness::bench::{GroupKey, PeerAttributes, Snapshot, Verdict, quarter_start};
use readiness::summary::Summary;
use store::readiness::ReadinessStore;

use super::{download, now, parts, peers};
use crate::{Ctx, PortalState, blocking, member_or_login};

/// The groups a post belongs to, most specific first: each subset of its region, income group,
/// SIDS and LDC flags (an unassigned region or income is never a group of its own).
fn groups_of(peers: &PeerAttributes) -> Vec<GroupKey> {
    let known = |v: &str| (v != readiness::bench::UNASSIGNED).then(|| v.to_owned());
    let mut keys = Vec::new();
    for region in [known(&peers.region), None] {
        for income in [known(&peers.income), None] {
            for sids in [peers.sids, false] {
                for ldc in [peers.ldc, false] {
                    keys.push(GroupKey { region: region.clone(), income: income.clone(), sids, ldc });
                }
            }
        }
    }
    keys.sort_by_key(|k| {
        std::cmp::Reverse(usize::from(k.region.is_some()) + usize::from(k.income.is_some()) + usize::from(k.sids) + usize::from(k.ldc))
    });
    keys.dedup();
    keys
}

/// The peer medians per area (0-100) a post's report may show: those of the most specific
/// published group it belongs to (region, income group, SIDS and LDC and their crossings, down
/// to all posts), only the figures the rules publish; `None` when no such group has any.
pub(super) fn peer_medians(snapshot: &Snapshot, peers: &PeerAttributes) -> Option<BTreeMap<String, f64>> {
    groups_of(peers).iter().find_map(|key| {
        let group = snapshot.groups.iter().find(|g| &g.key == key && g.verdict == Verdict::Published)?;
        let medians: BTreeMap<String, f64> =
            group.metrics.iter().filter_map(|(m, f)| Some((m.strip_prefix("area:")?.to_owned(), f.median as f64))).collect();
        (!medians.is_empty()).then_some(medians)
    })
}

/// The peer attributes of an organisation's country (unassigned when the lists do not load).
fn attributes(country: Option<&str>) -> PeerAttributes {
    match peers() {
        Some(p) => p.attributes(country),
        None => PeerAttributes {
            region: readiness::bench::UNASSIGNED.into(),
            income: readiness::bench::UNASSIGNED.into(),
            sids: false,
            ldc: false,
        },
    }
}

/// The peer medians for an organisation's report from the current snapshot (published now if
/// it is not yet); `None` when nothing may be shown or the store fails (the report then says
/// no comparison is published, and the failure is logged).
pub(super) fn medians_for(store: &dyn ReadinessStore, country: Option<&str>) -> Option<BTreeMap<String, f64>> {
    let snapshot = current(store, Utc::now()).map_err(|e| tracing::error!(error = %e, "readiness snapshot failed")).ok()?;
    peer_medians(&snapshot, &attributes(country))
}

/// The snapshot of the quarter containing `at`, published now if it is not yet.
fn current(store: &dyn ReadinessStore, at: DateTime<Utc>) -> store::Result<Snapshot> {
    publish(store, quarter_start(at)).map(|(snapshot, _)| snapshot)
}

/// Publishes the snapshot as of `as_of` (a quarter's start) unless it is already stored, and
/// returns the stored one with whether this call published it. Computed from the opted-in
/// finalised assessments with each post in its organisation's country's peer groups; once
/// stored it is never recomputed, so a later submission cannot move a published number.
pub fn publish(store: &dyn ReadinessStore, as_of: DateTime<Utc>) -> store::Result<(Snapshot, bool)> {
    let key = as_of.to_rfc3339_opts(SecondsFormat::Secs, true);
    if let Some(stored) = store.snapshot(&key)? {
        return serde_json::from_str(&stored.body).map(|s| (s, false)).map_err(|e| store::StoreError::Corrupt(e.to_string()));
    }
    let submissions: Vec<_> = store
        .benchmark_pool()?
        .into_iter()
        .filter_map(|e| {
            let summary: Summary = serde_json::from_str(&e.result).ok()?;
            let finalised = DateTime::parse_from_rfc3339(&e.finalised_at).ok()?.to_utc();
            Some(readiness::bench::submission(e.org_id.to_string(), finalised, attributes(e.country.as_deref()), &summary))
        })
        .collect();
    let snapshot = readiness::bench::snapshot(&submissions, as_of);
    let body = serde_json::to_string(&snapshot).map_err(|e| store::StoreError::Corrupt(e.to_string()))?;
    if !store.put_snapshot(&key, &body, &now())? {
        // Published meanwhile by another request: serve that one.
        if let Some(stored) = store.snapshot(&key)? {
            return serde_json::from_str(&stored.body).map(|s| (s, false)).map_err(|e| store::StoreError::Corrupt(e.to_string()));
        }
    }
    Ok((snapshot, true))
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

/// The snapshot for the UPU/ISAC dashboard: the hub operator's analysts and administrators
/// (ISAC staff and UPU facilitators) only; anyone else is refused as the role table says.
async fn load_dashboard(state: &PortalState, ctx: &Ctx) -> Result<Snapshot, Response> {
    crate::pages::members::member_for(state, ctx, crate::roles::Action::FacilitateReadiness).await?;
    load(state, ctx).await
}

/// The UPU/ISAC dashboard: the survey's indicators by region, income group and their
/// crossings, from the published snapshot only (aggregates, never a post).
pub(super) async fn dashboard_page(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let snapshot = match load_dashboard(&state, &ctx).await {
        Ok(s) => s,
        Err(r) => return r,
    };
    state.portal.page(&ctx, StatusCode::OK, "readiness_dashboard.html", dashboard_context(&snapshot))
}

fn dashboard_context(snapshot: &Snapshot) -> Value {
    let rows: Vec<Value> = readiness::bench::dashboard(snapshot)
        .iter()
        .map(|r| context! { region => r.region, income => r.income, posts => r.posts, indicators => r.indicators })
        .collect();
    let as_of = snapshot.as_of.format("%Y-%m-%d").to_string();
    context! { as_of => as_of, rows => rows, indicators => readiness::bench::DASHBOARD_INDICATORS }
}

/// The UPU/ISAC dashboard as aggregate-only CSV.
pub(super) async fn dashboard_csv(State(state): State<PortalState>, ctx: Ctx) -> Response {
    match load_dashboard(&state, &ctx).await {
        Ok(s) => download(readiness::bench::dashboard_rows_csv(&s), "text/csv; charset=utf-8", "readiness-dashboard.csv".to_owned()),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use readiness::summary::{AreaSummary, Summary};
    use readiness::trend::Trend;

    use super::*;

    fn peers(region: &str, sids: bool) -> PeerAttributes {
        PeerAttributes { region: region.into(), income: "upper_middle".into(), sids, ldc: false }
    }

    fn post(i: usize, peers: PeerAttributes) -> readiness::bench::Submission {
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
            workload: None,
        };
        let at = Utc.with_ymd_and_hms(2026, 9, 1, 0, 0, 0).unwrap();
        readiness::bench::submission(format!("{i}"), at, peers, &summary)
    }

    /// A post's report gets the medians of the most specific published group it belongs to, and
    /// nothing while fewer than 5 posts would be behind a figure.
    #[test]
    fn the_report_shows_medians_of_a_published_group_only() {
        let as_of = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        let four: Vec<_> = (1..=4).map(|i| post(i, peers("lac", true))).collect();
        assert_eq!(peer_medians(&readiness::bench::snapshot(&four, as_of), &peers("lac", true)), None);
        // Five SIDS posts in LAC and five others in Africa: SIDS (= LAC) and the world both
        // publish; LAC x upper-middle equals LAC and is withheld, SIDS x LAC likewise.
        let ten: Vec<_> = (1..=10).map(|i| if i <= 5 { post(i, peers("lac", true)) } else { post(i, peers("africa", false)) }).collect();
        let snapshot = readiness::bench::snapshot(&ten, as_of);
        assert_eq!(peer_medians(&snapshot, &peers("lac", true)), Some([("GOV".to_owned(), 30.0)].into()));
        assert_eq!(peer_medians(&snapshot, &peers("africa", false)), Some([("GOV".to_owned(), 80.0)].into()));
        // A post of an unlisted country gets the whole population's medians.
        let unassigned = PeerAttributes { region: "unassigned".into(), income: "unassigned".into(), sids: false, ldc: false };
        assert_eq!(peer_medians(&snapshot, &unassigned), Some([("GOV".to_owned(), 55.0)].into()));
    }

    /// The dashboard page names regions, income groups and indicators in the reader's language
    /// and shows a published group's shares.
    #[test]
    fn the_dashboard_renders_published_groups_in_both_languages() {
        let as_of = Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap();
        let ten: Vec<_> = (1..=10)
            .map(|i| {
                let mut p = if i <= 5 { post(i, peers("lac", true)) } else { post(i, peers("africa", false)) };
                p.practices = [("ENC".to_owned(), i % 2 == 0), ("WL/BUD".to_owned(), i <= 3)].into();
                // Workload up for posts 1-6, the same for 7-9, down for 10; GOV-05 kept pace for 1-3.
                let trend = if i <= 6 {
                    Trend::Up
                } else if i <= 9 {
                    Trend::Same
                } else {
                    Trend::Down
                };
                p.practices.extend(readiness::trend::workload_figures(Some(trend), Some(i <= 3)));
                p
            })
            .collect();
        let page = dashboard_context(&readiness::bench::snapshot(&ten, as_of));
        let portal = crate::Portal::new();
        let en = portal.render("readiness_dashboard.html", crate::Lang::En, page.clone()).unwrap();
        assert!(
            en.contains("id=\"dashboard\"")
                && en.contains("Latin America and the Caribbean")
                && en.contains("Budget keeps pace with workload"),
            "{en}"
        );
        // All posts: ENC for 5 of 10; workload up 6, same 3, down 1 of 10 beside the budget
        // keeping pace for 3 of 10, and up while lagging for 3 (posts 4-6).
        assert!(en.contains("<td>All posts</td><td>10</td><td>50%</td>"), "{en}");
        assert!(en.contains("<td>60%</td><td>30%</td><td>10%</td><td>30%</td><td>30%</td></tr>"), "{en}");
        assert!(en.contains("Workload went up") && en.contains("Workload up, budget lagging"), "{en}");
        assert!(en.contains("class=\"table-wrap\" role=\"region\" tabindex=\"0\""), "{en}");
        let fr = portal.render("readiness_dashboard.html", crate::Lang::Fr, page).unwrap();
        assert!(fr.contains("Amérique latine et Caraïbes") && fr.contains("Budget au rythme de la charge"), "{fr}");
        assert!(fr.contains("Charge en hausse, budget en retard"), "{fr}");
    }

    #[test]
    fn a_post_s_groups_go_from_most_to_least_specific() {
        let keys = groups_of(&PeerAttributes { region: "lac".into(), income: "high".into(), sids: true, ldc: false });
        assert_eq!(keys.len(), 8);
        assert_eq!(keys[0], GroupKey { region: Some("lac".into()), income: Some("high".into()), sids: true, ldc: false });
        assert_eq!(keys[7], GroupKey { region: None, income: None, sids: false, ldc: false });
        let none = groups_of(&PeerAttributes { region: "unassigned".into(), income: "unassigned".into(), sids: false, ldc: false });
        assert_eq!(none, [GroupKey { region: None, income: None, sids: false, ldc: false }]);
    }
}
