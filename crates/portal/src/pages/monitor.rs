//! The brand monitor's triage queue: the look-alike names the organisation's watchers recorded
//! (`postern watch --org`, `serve --watch`), with their evidence (brand, technique, score,
//! source, sightings, indicator), and the analyst's decision: confirm, reject as a false
//! positive, or allowlist.
//!
//! A rejected or allowlisted hit is out of every feed at once: its indicator gets a revoked
//! version in the hub (feeds, link verdicts and the RPZ skip revoked indicators), and the
//! watcher never makes it an indicator again, from any source. A confirmed hit that is not an
//! indicator yet (a suspicious one: the watcher publishes only malicious names by itself)
//! becomes one, in the collection and at the TLP level the analyst picks.

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
    let (hub, who) = (state.hub.clone(), member.principal());
    let found = blocking(move || -> Result<_, hub::HubError> {
        let hits = store.org_hits(&org, LISTED)?;
        let writable: Vec<(String, String)> =
            hub.collections(&who)?.into_iter().filter(|(_, g)| g.write).map(|(c, _)| (c.id, c.title)).collect();
        Ok((hits, writable))
    })
    .await;
    let (hits, mut writable) = match found {
        Some(Ok(v)) => v,
        Some(Err(e)) => return state.portal.hub_error(&ctx, e),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    // The collection the organisation's indicators already go to comes first.
    if let Some(used) = hits.iter().find_map(|h| h.collection.as_deref())
        && let Some(at) = writable.iter().position(|(id, _)| id == used)
    {
        writable[..=at].rotate_right(1);
    }
    let collections: Vec<Value> = writable.iter().map(|(id, title)| context! { id => id, title => title }).collect();
    let (open, decided): (Vec<&HitRecord>, Vec<&HitRecord>) = hits.iter().partition(|h| h.status == HitStatus::New);
    let row = |h: &&HitRecord| {
        context! {
            domain => &h.domain, brand => &h.brand, technique => &h.technique, score => h.score, level => &h.level,
            source => &h.source, first_seen => &h.first_seen, last_seen => &h.last_seen, sightings => h.sightings,
            status => h.status.name(), indicator => &h.indicator_id, collection => &h.collection,
            issuer => &h.issuer, campaign => &h.campaign,
        }
    };
    let open: Vec<Value> = open.iter().map(row).collect();
    let decided: Vec<Value> = decided.iter().map(row).collect();
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "monitor.html",
        context! { open => open, decided => decided, may_decide => member.user.role.may_write(), collections => collections },
    )
}

#[derive(Deserialize, Default)]
struct DecideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
    /// Where a confirmed hit without an indicator is published.
    #[serde(default)]
    collection: String,
    /// Its TLP level (`green` when empty).
    #[serde(default)]
    tlp: String,
}

/// Where and how a confirmed hit becomes an indicator.
struct Publish {
    collection: String,
    tlp: tlp::Tlp,
    brand: Option<(String, String)>,
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
    /// A confirmed hit without an indicator needs a collection to go to (the field named).
    Missing(&'static str),
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
    let Some(tlp) = (if form.tlp.is_empty() { Some(tlp::Tlp::Green) } else { tlp::Tlp::parse(&form.tlp) }) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some("tlp".into()));
    };
    let store = try_page!(enabled(&state, &ctx));
    let (hub, who, org) = (state.hub.clone(), member.principal(), member.org.identity_id.clone());
    let name = domain.clone();
    let links = state.links.clone();
    let collection = form.collection.clone();
    let done = blocking(move || {
        let publish = |brand: &str| Publish { collection, tlp, brand: links.brand(brand).map(|(n, d)| (n.to_string(), d.to_string())) };
        apply(&*store, &hub, &who, &org, &name, status, publish)
    })
    .await;
    match done {
        Some(Ok(done)) => {
            let detail = match done {
                Done::Revoked => format!("{}, indicator revoked", status.name()),
                Done::Published(id) => format!("{}, indicator {id} added", status.name()),
                Done::Recorded => status.name().to_string(),
            };
            audit(&state, member, &domain, detail).await;
            see_other("/members/monitor")
        }
        Some(Err(Refused::NotFound)) => state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None),
        Some(Err(Refused::Missing(field))) => state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(field.into())),
        Some(Err(Refused::Store(e))) => state.portal.hub_error(&ctx, e.into()),
        Some(Err(Refused::Hub(e))) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// What applying a decision did besides recording it.
enum Done {
    Recorded,
    /// The hit's indicator got a revoked version.
    Revoked,
    /// The confirmed hit became this indicator.
    Published(String),
}

/// Records the decision. A rejected or allowlisted hit's indicator is revoked first, and a
/// confirmed hit without one is published first, so that a failure leaves the hit undecided
/// rather than decided and still in (or missing from) the feeds.
fn apply(
    store: &dyn MonitorStore,
    hub: &hub::Hub,
    who: &hub::Principal,
    org: &str,
    domain: &str,
    status: HitStatus,
    publish: impl FnOnce(&str) -> Publish,
) -> Result<Done, Refused> {
    let hit = store.hit(domain).map_err(Refused::Store)?.filter(|h| h.org.as_deref() == Some(org)).ok_or(Refused::NotFound)?;
    let mut done = Done::Recorded;
    if !status.publishable()
        && let (Some(id), Some(collection)) = (&hit.indicator_id, &hit.collection)
    {
        let page = hub.object_page(who, collection, id, &hub::Filters::default()).map_err(Refused::Hub)?;
        if let Some(latest) = page.objects.last()
            && let Ok(o) = serde_json::from_str::<serde_json::Value>(&latest.body)
            && o["revoked"] != true
        {
            add(hub, who, collection, monitor::indicator::revoked(&o, chrono::Utc::now()))?;
            done = Done::Revoked;
        }
    }
    if status == HitStatus::Confirmed && hit.indicator_id.is_none() {
        let p = publish(&hit.brand);
        if p.collection.is_empty() {
            return Err(Refused::Missing("collection"));
        }
        let id = publish_hit(hub, who, org, &hit, &p)?;
        store.set_hit_indicator(domain, &id, &p.collection).map_err(Refused::Store)?;
        done = Done::Published(id);
    }
    store.set_hit_status(domain, status).map_err(Refused::Store)?;
    Ok(done)
}

/// Days the indicator of a hit confirmed in triage stays valid, as `postern watch`'s default.
const CONFIRMED_VALID_DAYS: i64 = 7;

/// Adds the indicator of `hit` to `p.collection` as `org`; its id.
fn publish_hit(hub: &hub::Hub, who: &hub::Principal, org: &str, hit: &HitRecord, p: &Publish) -> Result<String, Refused> {
    let now = chrono::Utc::now();
    let (created, until) = (
        now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        (now + chrono::Duration::days(CONFIRMED_VALID_DAYS)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
    );
    let namespace = hub.id_namespace(org);
    let producer = monitor::indicator::Producer {
        namespace: &namespace,
        identity: Some(org),
        now: &created,
        valid_until: &until,
        marking: p.tlp.marking_id(),
    };
    let level = if hit.level == "malicious" { monitor::HitLevel::Malicious } else { monitor::HitLevel::Suspicious };
    let as_hit = monitor::Hit {
        domain: hit.domain.clone(),
        brand: hit.brand.clone(),
        technique: hit.technique.clone(),
        score: hit.score,
        level,
        source: hit.source.clone(),
        first_seen: hit.first_seen.clone(),
        certificate: None,
        issuer: hit.issuer.clone(),
    };
    let (name, official) = p.brand.clone().unwrap_or_else(|| (hit.brand.clone(), String::new()));
    let indicator = monitor::indicator::indicator(&as_hit, &name, &official, &producer);
    add(hub, who, &p.collection, indicator)?;
    Ok(monitor::indicator::indicator_id(&namespace, &hit.domain))
}

/// Adds one object to `collection` as `who`; a refused object is an error.
fn add(hub: &hub::Hub, who: &hub::Principal, collection: &str, object: serde_json::Value) -> Result<(), Refused> {
    let body = serde_json::json!({ "objects": [object] }).to_string();
    let status = hub.add_objects(who, collection, body.as_bytes()).map_err(Refused::Hub)?;
    if let Some(f) = status.failures.first() {
        return Err(Refused::Hub(hub::HubError::Forbidden(f.message.clone().unwrap_or_else(|| "refused".into()))));
    }
    Ok(())
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
