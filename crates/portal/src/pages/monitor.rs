//! The brand monitor's triage queue: the look-alike names the organisation's watchers recorded
//! (`postern watch --org`, `serve --watch`), with their evidence (brand, technique, score,
//! source, sightings, indicator), and the analyst's decision: confirm, reject as a false
//! positive, or allowlist.
//!
//! A rejected or allowlisted hit is out of every feed at once: its indicator gets a revoked
//! version in the hub (feeds, link verdicts and the RPZ skip revoked indicators), and the
//! watcher never makes it an indicator again, from any source.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;
use store::monitor::{HitRecord, HitStatus, MonitorStore};

use super::members::{actor, member_for};
use crate::roles::Action;
use crate::{Ctx, Member, PortalState, blocking, member_or_login, see_other};

pub(crate) fn routes() -> Router<PortalState> {
    Router::new().route("/members/monitor", get(queue)).route("/members/monitor/{domain}", post(decide))
}

/// Hits listed at most.
const LISTED: usize = 500;

macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

fn enabled(state: &PortalState, ctx: &Ctx) -> Result<Arc<dyn MonitorStore>, Response> {
    state.monitor.clone().ok_or_else(|| state.portal.error(ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None))
}

async fn queue(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let store = try_page!(enabled(&state, &ctx));
    let org = member.org.identity_id.clone();
    let hits = match blocking(move || store.org_hits(&org, LISTED)).await {
        Some(Ok(h)) => h,
        Some(Err(e)) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let (open, decided): (Vec<&HitRecord>, Vec<&HitRecord>) = hits.iter().partition(|h| h.status == HitStatus::New);
    let row = |h: &&HitRecord| {
        context! {
            domain => &h.domain, brand => &h.brand, technique => &h.technique, score => h.score, level => &h.level,
            source => &h.source, first_seen => &h.first_seen, last_seen => &h.last_seen, sightings => h.sightings,
            status => h.status.name(), indicator => &h.indicator_id, collection => &h.collection,
        }
    };
    let open: Vec<Value> = open.iter().map(row).collect();
    let decided: Vec<Value> = decided.iter().map(row).collect();
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "monitor.html",
        context! { open => open, decided => decided, may_decide => member.user.role.may_write() },
    )
}

#[derive(Deserialize, Default)]
struct DecideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
}

/// What a decision does to a hit.
fn decision(s: &str) -> Option<HitStatus> {
    match s {
        "confirm" => Some(HitStatus::Confirmed),
        "reject" => Some(HitStatus::Rejected),
        "allowlist" => Some(HitStatus::Allowlisted),
        _ => None,
    }
}

/// Why a decision could not be applied.
enum Refused {
    /// No such hit for this organisation (another organisation's hits included).
    NotFound,
    Store(store::StoreError),
    Hub(hub::HubError),
}

async fn decide(State(state): State<PortalState>, ctx: Ctx, Path(domain): Path<String>, Form(form): Form<DecideForm>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::TriageHits).await);
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let Some(status) = decision(&form.decision) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some("decision".into()));
    };
    let store = try_page!(enabled(&state, &ctx));
    let (hub, who, org) = (state.hub.clone(), member.principal(), member.org.identity_id.clone());
    let name = domain.clone();
    let done = blocking(move || apply(&*store, &hub, &who, &org, &name, status)).await;
    match done {
        Some(Ok(revoked)) => {
            let detail = format!("{}{}", status.name(), if revoked { ", indicator revoked" } else { "" });
            audit(&state, member, &domain, detail).await;
            see_other("/members/monitor")
        }
        Some(Err(Refused::NotFound)) => state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None),
        Some(Err(Refused::Store(e))) => state.portal.hub_error(&ctx, e.into()),
        Some(Err(Refused::Hub(e))) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// Records the decision; a rejected or allowlisted hit's indicator is revoked first, so that a
/// failure leaves the hit undecided rather than decided and still in the feeds. True when an
/// indicator was revoked.
fn apply(
    store: &dyn MonitorStore,
    hub: &hub::Hub,
    who: &hub::Principal,
    org: &str,
    domain: &str,
    status: HitStatus,
) -> Result<bool, Refused> {
    let hit = store.hit(domain).map_err(Refused::Store)?.filter(|h| h.org.as_deref() == Some(org)).ok_or(Refused::NotFound)?;
    let mut revoked = false;
    if !status.publishable()
        && let (Some(id), Some(collection)) = (&hit.indicator_id, &hit.collection)
    {
        let page = hub.object_page(who, collection, id, &hub::Filters::default()).map_err(Refused::Hub)?;
        if let Some(latest) = page.objects.last()
            && let Ok(o) = serde_json::from_str::<serde_json::Value>(&latest.body)
            && o["revoked"] != true
        {
            let body = serde_json::json!({ "objects": [monitor::indicator::revoked(&o, chrono::Utc::now())] }).to_string();
            let status = hub.add_objects(who, collection, body.as_bytes()).map_err(Refused::Hub)?;
            if let Some(f) = status.failures.first() {
                return Err(Refused::Hub(hub::HubError::Forbidden(f.message.clone().unwrap_or_else(|| "refused".into()))));
            }
            revoked = true;
        }
    }
    store.set_hit_status(domain, status).map_err(Refused::Store)?;
    Ok(revoked)
}

/// Appends `portal.monitor.decide` to the hub's audit log; a failure is logged.
async fn audit(state: &PortalState, member: &Member, domain: &str, detail: String) {
    let entry = store::NewAudit {
        actor: actor(member),
        action: "portal.monitor.decide".into(),
        target: format!("monitor-hit:{domain}"),
        outcome: "ok".into(),
        detail,
    };
    let hub = state.hub.clone();
    match blocking(move || hub.append_audit(&entry)).await {
        Some(Ok(())) => {}
        Some(Err(e)) => tracing::error!(error = %e, "writing a portal audit line failed"),
        None => tracing::error!("writing a portal audit line failed: the worker stopped"),
    }
}
