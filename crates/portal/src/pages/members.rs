//! The members' workspace: login and logout, dashboard, indicators (list, detail, submit,
//! sightings), the triage queue of citizen reports and TLP:RED recipient lists.
//!
//! Every handler that changes something asks [`member_for`] first, which applies the one role
//! table of `crate::roles`: readers read, analysts and administrators write.

use std::time::Instant;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;
use store::portal::{ReportDecision, ReportKind, ReportStatus};
use tlp::Tlp;

use crate::PortalState;
use crate::intel::{self, IndicatorSpec};
use crate::roles::{self, Action, Caller};
use crate::session::{self, SESSION_COOKIE};
use crate::{Ctx, Member, blocking, member_or_login, see_other, store_or_error};

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/members", get(dashboard))
        .route("/members/indicators", get(indicators))
        .route("/members/indicators/new", get(submit_form).post(submit))
        .route("/members/objects/{collection}/{id}", get(detail))
        .route("/members/objects/{collection}/{id}/sighting", post(add_sighting))
        .route("/members/triage", get(triage))
        .route("/members/triage/{id}", post(decide))
        .route("/members/recipients", get(recipients).post(save_recipients))
}

macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

/// The signed-in member if the role table lets it do `action`. A visitor who is not signed in
/// goes to the login page; a member whose role does not allow it gets the 403 page, and the
/// refusal is audited like the hub's own refusals.
pub(super) async fn member_for<'a>(state: &PortalState, ctx: &'a Ctx, action: Action) -> Result<&'a Member, Response> {
    let member = member_or_login(ctx)?;
    let Err(denied) = roles::require(caller(member), action) else { return Ok(member) };
    // The refusal is shown whether or not its audit line could be written (a failure is logged).
    audit(state, member, action.as_str(), "", "denied", denied.to_string()).await;
    Err(state.portal.error(ctx, StatusCode::FORBIDDEN, "error-forbidden", None))
}

/// What the role table knows of a member.
pub(super) fn caller(member: &Member) -> Caller {
    Caller::Member { role: member.user.role, hub_org: member.org.is_hub }
}

/// How the audit log names a member acting through the portal.
pub(super) fn actor(member: &Member) -> String {
    format!("org:{}/portal-user:{}", member.org.name, member.user.username)
}

/// The audit line of `member` doing `action` (recorded as `portal.<action>`).
fn audit_entry(member: &Member, action: &str, target: &str, outcome: &str, detail: String) -> store::NewAudit {
    store::NewAudit {
        actor: actor(member),
        action: format!("portal.{action}"),
        target: target.to_string(),
        outcome: outcome.to_string(),
        detail,
    }
}

/// Appends an audit line to the hub's log (off the async workers); a failure is logged.
pub(crate) async fn audit(state: &PortalState, member: &Member, action: &str, target: &str, outcome: &str, detail: String) {
    let entry = audit_entry(member, action, target, outcome, detail);
    let hub = state.hub.clone();
    match blocking(move || hub.append_audit(&entry)).await {
        Some(Ok(())) => {}
        Some(Err(e)) => tracing::error!(error = %e, "writing a portal audit line failed"),
        None => tracing::error!("writing a portal audit line failed: the worker stopped"),
    }
}

#[derive(Deserialize, Default)]
struct LoginForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
}

async fn login_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    if ctx.member.is_some() {
        return see_other("/members");
    }
    state.portal.page(&ctx, StatusCode::OK, "login.html", context! {})
}

async fn login(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<LoginForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let store = try_page!(store_or_error(&state, &ctx));
    let username = form.username.trim().to_ascii_lowercase();
    let now = Instant::now();
    match state.portal.logins.admit(ctx.ip, &username, now) {
        session::Admission::Now => {}
        session::Admission::After(pause) => tokio::time::sleep(pause).await,
        session::Admission::Refused(wait) => {
            return state.portal.page(
                &ctx,
                StatusCode::TOO_MANY_REQUESTS,
                "login.html",
                context! { error => "login-throttled", wait => wait.as_secs().max(1), username => &username },
            );
        }
    }
    let hub = state.hub.clone();
    let password = form.password;
    let name = username.clone();
    let checked = blocking(move || -> Result<Option<(store::portal::SessionRecord, String)>, hub::HubError> {
        let user = store.user_by_name(&name)?;
        let Some(user) = user.filter(|u| !u.disabled) else {
            session::burn_verification(&password);
            return Ok(None);
        };
        if !session::verify_password(&password, &user.password_hash) {
            return Ok(None);
        }
        let now_us = chrono::Utc::now().timestamp_micros();
        let _ = store.purge_sessions(now_us);
        let (record, cookie) = session::new_session(user.id, now_us);
        store.create_session(&record)?;
        let org = hub.org_by_id(user.org_id)?.map(|o| o.name).unwrap_or_default();
        let _ = hub.append_audit(&store::NewAudit {
            actor: format!("org:{org}/portal-user:{}", user.username),
            action: "portal.login".into(),
            target: user.username.clone(),
            outcome: "ok".into(),
            detail: String::new(),
        });
        Ok(Some((record, cookie)))
    })
    .await;
    match checked {
        Some(Ok(Some((_record, cookie)))) => {
            state.portal.logins.succeeded(ctx.ip, &username);
            let mut resp = see_other("/members");
            let max_age = session::SESSION_TTL.as_secs();
            if let Ok(v) = HeaderValue::from_str(&session::cookie(SESSION_COOKIE, &cookie, Some(max_age), state.tls)) {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            resp
        }
        Some(Ok(None)) => {
            state.portal.logins.failed(ctx.ip, &username, now);
            let _ = state.hub.append_audit(&store::NewAudit {
                actor: "anonymous".into(),
                action: "portal.login".into(),
                target: username.clone(),
                outcome: "denied".into(),
                detail: "wrong user name or password".into(),
            });
            state.portal.page(&ctx, StatusCode::UNAUTHORIZED, "login.html", context! { error => "login-failed", username => &username })
        }
        Some(Err(e)) => {
            tracing::error!(error = %e, "login failed");
            state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)
        }
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct CsrfOnly {
    #[serde(default)]
    csrf: String,
}

async fn logout(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<CsrfOnly>) -> Response {
    let Some(member) = &ctx.member else { return see_other("/") };
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    if let Some(store) = state.portal_store.clone() {
        let hash = member.session.id_hash.clone();
        let _ = blocking(move || store.delete_session(&hash)).await;
    }
    let mut resp = see_other("/");
    if let Ok(v) = HeaderValue::from_str(&session::cookie(SESSION_COOKIE, "", Some(0), state.tls)) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

async fn dashboard(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (hub, who, links) = (state.hub.clone(), member.principal(), state.links.clone());
    let figures = blocking(move || intel::dashboard(&hub, &who, &links, chrono::Utc::now().timestamp_micros())).await;
    match figures {
        Some(Ok(f)) => state.portal.page(&ctx, StatusCode::OK, "dashboard.html", context! { figures => f }),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// Object types the list can be filtered on.
const TYPES: &[&str] = &["indicator", "sighting", "campaign", "malware", "report", "relationship", "identity"];

#[derive(Deserialize, Default, Clone)]
struct ListQuery {
    #[serde(default)]
    r#type: String,
    #[serde(default)]
    tlp: String,
    #[serde(default)]
    since: String,
    #[serde(default)]
    producer: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    brand: String,
}

async fn indicators(State(state): State<PortalState>, ctx: Ctx, Query(q): Query<ListQuery>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let kind = if TYPES.contains(&q.r#type.as_str()) { q.r#type.clone() } else { "indicator".to_string() };
    let tlp = Tlp::parse(&q.tlp);
    let since_us = chrono::NaiveDate::parse_from_str(q.since.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp_micros());
    let (hub, who, analyzer) = (state.hub.clone(), member.principal(), state.links.clone());
    let query = q.clone();
    let kind_for_read = kind.clone();
    let listed = blocking(move || -> Result<(Vec<Value>, Vec<String>), hub::HubError> {
        let orgs = intel::org_names(&hub)?;
        let mut rows = Vec::new();
        let mut producers: Vec<String> = Vec::new();
        let needle = query.q.trim().to_lowercase();
        for v in intel::visible(&hub, &who, &[kind_for_read.as_str()], 20_000)? {
            let producer = orgs.get(&v.object.producer).cloned().unwrap_or_else(|| v.object.producer.clone());
            if !producers.contains(&producer) {
                producers.push(producer.clone());
            }
            if tlp.is_some_and(|t| t != v.object.tlp)
                || since_us.is_some_and(|s| v.object.date_added_us < s)
                || (!query.producer.is_empty() && producer != query.producer)
                || (!needle.is_empty() && !v.object.body.to_lowercase().contains(&needle))
                || (!query.brand.trim().is_empty() && !impersonates(&analyzer, &v, query.brand.trim()))
            {
                continue;
            }
            rows.push((v.object.date_added_us, intel::row(&v, &orgs)));
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.0));
        producers.sort();
        Ok((rows.into_iter().take(500).map(|(_, r)| r).collect(), producers))
    })
    .await;
    match listed {
        Some(Ok((rows, producers))) => state.portal.page(
            &ctx,
            StatusCode::OK,
            "indicators.html",
            context! {
                rows => rows,
                producers => producers,
                types => TYPES,
                tlps => Tlp::ALL.iter().map(|t| intel::tlp_value(*t)).collect::<Vec<_>>(),
                filter => context! { type => kind, tlp => tlp.map(|t| t.name()), since => q.since, producer => q.producer, q => q.q, brand => q.brand },
            },
        ),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// True when one of the object's pattern values is judged to impersonate a brand whose name
/// contains `brand` (case-insensitive): the same analysis as the dashboard's brand counts.
fn impersonates(analyzer: &links::Analyzer, v: &intel::Visible, brand: &str) -> bool {
    let brand = brand.to_lowercase();
    let pattern = v.json.get("pattern").and_then(|p| p.as_str()).unwrap_or("");
    intel::pattern_values(pattern).into_iter().any(|(_, value)| {
        let probe = if value.contains("://") { value } else { format!("http://{value}/") };
        analyzer.analyse(&probe).ok().and_then(|verdict| verdict.brand).is_some_and(|b| b.name.to_lowercase().contains(&brand))
    })
}

async fn detail(State(state): State<PortalState>, ctx: Ctx, Path((collection, id)): Path<(String, String)>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (hub, who) = (state.hub.clone(), member.principal());
    let may_sight = roles::allows(caller(member), Action::AddSighting);
    let found = blocking(move || -> Result<Value, hub::HubError> {
        let versions = intel::versions(&hub, &who, &collection, &id)?;
        let Some(latest) = versions.last().cloned() else { return Err(hub::HubError::NotFound(id)) };
        let (col, grant) = hub.collection_access(&who, &collection)?;
        let orgs = intel::org_names(&hub)?;
        let latest_json: serde_json::Value = serde_json::from_str(&latest.body).unwrap_or_default();
        // Relationships and sightings that point at this object, as the member may see them.
        let mut related = Vec::new();
        let mut sightings = Vec::new();
        for v in intel::visible(&hub, &who, &["relationship", "sighting"], 20_000)? {
            let j = &v.json;
            let refs = |k: &str| j.get(k).and_then(|r| r.as_str()) == Some(id.as_str());
            if v.object.object_type == "sighting" && refs("sighting_of_ref") {
                sightings.push(context! {
                    count => j.get("count").and_then(|c| c.as_u64()).unwrap_or(1),
                    by => j.get("where_sighted_refs").and_then(|w| w.as_array()).map(|w| w.iter().filter_map(|i| i.as_str()).map(|i| orgs.get(i).cloned().unwrap_or_else(|| i.to_string())).collect::<Vec<_>>()).unwrap_or_default(),
                    seen => j.get("last_seen").and_then(|s| s.as_str()).unwrap_or(""),
                    tlp => intel::tlp_value(v.object.tlp),
                });
            } else if v.object.object_type == "relationship" && (refs("source_ref") || refs("target_ref")) {
                related.push(context! {
                    kind => j.get("relationship_type").and_then(|s| s.as_str()).unwrap_or(""),
                    source => j.get("source_ref").and_then(|s| s.as_str()).unwrap_or(""),
                    target => j.get("target_ref").and_then(|s| s.as_str()).unwrap_or(""),
                    tlp => intel::tlp_value(v.object.tlp),
                });
            }
        }
        let visible = intel::Visible { collection: col.clone(), object: latest.clone(), json: latest_json.clone() };
        Ok(context! {
            object => intel::row(&visible, &orgs),
            description => latest_json.get("description").and_then(|d| d.as_str()),
            pattern => latest_json.get("pattern").and_then(|d| d.as_str()),
            json => serde_json::to_string_pretty(&latest_json).unwrap_or_default(),
            versions => versions.iter().map(|o| context! { version => hub::version_text(o), added => intel::when(o.date_added_us), tlp => intel::tlp_value(o.tlp) }).collect::<Vec<_>>(),
            sightings => sightings,
            related => related,
            can_sight => grant.write && may_sight,
        })
    })
    .await;
    match found {
        Some(Ok(page)) => state.portal.page(&ctx, StatusCode::OK, "indicator.html", page),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct SightingForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    count: String,
    #[serde(default)]
    tlp: String,
}

async fn add_sighting(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path((collection, id)): Path<(String, String)>,
    Form(form): Form<SightingForm>,
) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::AddSighting).await);
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let count = form.count.trim().parse::<u32>().unwrap_or(1).clamp(1, 999_999_999);
    let (hub, who, identity) = (state.hub.clone(), member.principal(), member.org.identity_id.clone());
    let back = format!("/members/objects/{collection}/{id}");
    let done = blocking(move || -> Result<hub::StatusResource, hub::HubError> {
        // The sighting may not be shared more widely than the object it sights.
        let latest = intel::versions(&hub, &who, &collection, &id)?.pop().ok_or_else(|| hub::HubError::NotFound(id.clone()))?;
        let tlp = Tlp::parse(&form.tlp).unwrap_or(latest.tlp).max(latest.tlp);
        let s = intel::sighting(&id, &identity, count, tlp, &latest.recipients);
        let bundle = serde_json::json!({"type": "bundle", "id": format!("bundle--{}", uuid::Uuid::new_v4()), "objects": [s]});
        hub.add_objects(&who, &collection, bundle.to_string().as_bytes())
    })
    .await;
    finish_add(&state, &ctx, done, &back)
}

pub(crate) fn finish_add(state: &PortalState, ctx: &Ctx, done: Option<Result<hub::StatusResource, hub::HubError>>, back: &str) -> Response {
    match done {
        Some(Ok(status)) if status.failure_count == 0 => see_other(back),
        Some(Ok(status)) => {
            let why = status.failures.iter().filter_map(|f| f.message.clone()).collect::<Vec<_>>().join("; ");
            state.portal.error(ctx, StatusCode::UNPROCESSABLE_ENTITY, "error-rejected", Some(why))
        }
        Some(Err(e)) => state.portal.hub_error(ctx, e),
        None => state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// The collections `member` may write to, as `(id, title)`.
pub(crate) fn writable(state: &PortalState, member: &Member) -> Result<Vec<(String, String)>, hub::HubError> {
    Ok(state.hub.collections(&member.principal())?.into_iter().filter(|(_, g)| g.write).map(|(c, _)| (c.id, c.title)).collect())
}

fn collections_value(cols: &[(String, String)]) -> Vec<Value> {
    cols.iter().map(|(id, title)| context! { id => id, title => title }).collect()
}

fn recipient_lists_value(state: &PortalState, member: &Member) -> Vec<Value> {
    let Some(store) = &state.portal_store else { return Vec::new() };
    store
        .recipient_lists(member.org.id)
        .unwrap_or_default()
        .into_iter()
        .map(|l| context! { id => l.id, name => l.name, count => l.identities.len() })
        .collect()
}

#[derive(Deserialize, Default)]
struct SubmitForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    tlp: String,
    #[serde(default)]
    collection: String,
    #[serde(default)]
    recipients: String,
}

async fn submit_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::SubmitIndicator).await);
    let cols = match writable(&state, member) {
        Ok(c) => c,
        Err(e) => return state.portal.hub_error(&ctx, e),
    };
    let page = context! {
        collections => collections_value(&cols),
        lists => recipient_lists_value(&state, member),
        tlps => Tlp::ALL.iter().map(|t| intel::tlp_value(*t)).collect::<Vec<_>>(),
    };
    state.portal.page(&ctx, StatusCode::OK, "submit.html", page)
}

/// Recipients of a restricted object: the identities of the member's chosen list.
fn recipients_of(state: &PortalState, member: &Member, list: &str) -> Vec<String> {
    let Ok(id) = list.trim().parse::<i64>() else { return Vec::new() };
    let Some(store) = &state.portal_store else { return Vec::new() };
    store.recipient_lists(member.org.id).unwrap_or_default().into_iter().find(|l| l.id == id).map(|l| l.identities).unwrap_or_default()
}

async fn submit(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<SubmitForm>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::SubmitIndicator).await);
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let value = form.value.trim().to_string();
    let Some(tlp) = Tlp::parse(&form.tlp) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some("tlp".into()));
    };
    if value.is_empty() || value.len() > 2048 || links::parse::parse(&value).is_err() {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(value.chars().take(200).collect()));
    }
    let name = Some(form.name.trim().to_string()).filter(|n| !n.is_empty()).unwrap_or_else(|| value.clone());
    let description = Some(form.description.trim().to_string()).filter(|d| !d.is_empty());
    let recipients = recipients_of(&state, member, &form.recipients);
    let (hub, who, collection) = (state.hub.clone(), member.principal(), form.collection.clone());
    let done = blocking(move || {
        let values = [value];
        let spec = IndicatorSpec {
            values: &values,
            name: &name,
            description: description.as_deref(),
            tlp,
            recipients: &recipients,
            lure: None,
            sighting_by: None,
        };
        let (id, bundle) = intel::indicator_bundle(&spec);
        hub.add_objects(&who, &collection, &bundle).map(|s| (id, s))
    })
    .await;
    match done {
        Some(Ok((id, status))) if status.failure_count == 0 => see_other(&format!("/members/objects/{}/{id}", form.collection)),
        Some(Ok((_, status))) => finish_add(&state, &ctx, Some(Ok(status)), "/members/indicators"),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

async fn triage(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::Triage).await);
    let store = try_page!(store_or_error(&state, &ctx));
    let cols = match writable(&state, member) {
        Ok(c) => c,
        Err(e) => return state.portal.hub_error(&ctx, e),
    };
    let text = state.text.clone();
    let org_id = member.org.id;
    // The citizen left a way to reach them with the hub, not with every member.
    let see_contact = roles::allows(caller(member), Action::SeeReporterContact);
    let listed = blocking(move || -> Result<(Vec<Value>, Vec<Value>), store::StoreError> {
        let open = store.reports(Some(ReportStatus::New), 100)?;
        let decided = store.reports(None, 200)?.into_iter().filter(|r| r.status != ReportStatus::New).take(20).collect::<Vec<_>>();
        let open = open
            .iter()
            .map(|r| {
                let a = (r.kind == ReportKind::Message).then(|| text.analyze(&r.content));
                context! {
                    id => r.id, created => &r.created, kind => r.kind.as_str(), country => &r.country,
                    contact => r.contact.as_ref().filter(|_| see_contact),
                    segments => intel::highlight(&r.content),
                    verdict => a.as_ref().map(|a| format!("{:?}", a.verdict).to_lowercase()),
                    lure => a.as_ref().and_then(|a| a.lure.map(|l| l.as_str())),
                    brand => a.as_ref().and_then(|a| a.brand.clone()),
                }
            })
            .collect();
        let decided = decided
            .iter()
            .map(|r| {
                // The indicator id is named only to the organisation that made it: a TLP:RED
                // indicator's existence is not for the other triagers.
                let ours = r.decided_org_id == Some(org_id);
                context! { id => r.id, status => r.status.as_str(), by => &r.decided_by, at => &r.decided_at, indicator => r.indicator_id.as_ref().filter(|_| ours) }
            })
            .collect();
        Ok((open, decided))
    })
    .await;
    match listed {
        Some(Ok((open, decided))) => state.portal.page(
            &ctx,
            StatusCode::OK,
            "triage.html",
            context! {
                reports => open, decided => decided,
                collections => collections_value(&cols),
                lists => recipient_lists_value(&state, member),
                tlps => Tlp::ALL.iter().map(|t| intel::tlp_value(*t)).collect::<Vec<_>>(),
            },
        ),
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct DecideForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    decision: String,
    #[serde(default)]
    tlp: String,
    #[serde(default)]
    collection: String,
    #[serde(default)]
    recipients: String,
}

async fn decide(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<DecideForm>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::Triage).await);
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let store = try_page!(store_or_error(&state, &ctx));
    let decided_by = format!("user:{}@{}", member.user.username, member.org.name);
    let org_id = member.org.id;
    if form.decision == "reject" {
        let d = ReportDecision { status: ReportStatus::Rejected, decided_by, org_id, indicator_id: None };
        return match blocking(move || store.decide_report(id, &d)).await {
            Some(Ok(true)) => see_other("/members/triage"),
            Some(Ok(false)) => state.portal.error(&ctx, StatusCode::CONFLICT, "error-already-decided", None),
            _ => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
        };
    }
    let Some(tlp) = Tlp::parse(&form.tlp) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some("tlp".into()));
    };
    let recipients = recipients_of(&state, member, &form.recipients);
    let (hub, who, identity, text) = (state.hub.clone(), member.principal(), member.org.identity_id.clone(), state.text.clone());
    let collection = form.collection.clone();
    let done = blocking(move || -> Result<Result<String, &'static str>, hub::HubError> {
        let Some(report) = store.report(id)? else { return Err(hub::HubError::NotFound(format!("report {id}"))) };
        if report.status != ReportStatus::New {
            return Ok(Err("error-already-decided"));
        }
        let (values, lure, description) = match report.kind {
            ReportKind::Url => (vec![report.content.clone()], None, None),
            ReportKind::Message => {
                let a = text.analyze(&report.content);
                (a.urls.clone(), a.lure.map(|l| l.as_str()), Some(report.content.clone()))
            }
        };
        if values.is_empty() {
            return Ok(Err("triage-no-link"));
        }
        let name = format!("Citizen report #{} ({})", report.id, report.country);
        let spec = IndicatorSpec {
            values: &values,
            name: &name,
            description: description.as_deref(),
            tlp,
            recipients: &recipients,
            lure,
            sighting_by: Some(&identity),
        };
        let (indicator_id, bundle) = intel::indicator_bundle(&spec);
        // The indicator, its sighting and the decision are one transaction: a report accepted
        // twice at once yields one indicator, and a failed write leaves the report new.
        let d = ReportDecision { status: ReportStatus::Accepted, decided_by, org_id, indicator_id: Some(indicator_id.clone()) };
        match hub.accept_report(&who, &collection, &bundle, id, &d) {
            Ok(_) => Ok(Ok(indicator_id)),
            Err(hub::HubError::Conflict(_)) => Ok(Err("error-already-decided")),
            Err(e) => Err(e),
        }
    })
    .await;
    match done {
        Some(Ok(Ok(indicator))) => see_other(&format!("/members/objects/{}/{indicator}", form.collection)),
        Some(Ok(Err(key))) => state.portal.error(&ctx, StatusCode::CONFLICT, key, None),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

async fn recipients(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let store = try_page!(store_or_error(&state, &ctx));
    let org_id = member.org.id;
    // Readers see the lists their organisation shares with, without the forms that change them.
    let may_edit = roles::allows(caller(member), Action::EditRecipientLists);
    let hub = state.hub.clone();
    let loaded = blocking(move || -> Result<(Vec<Value>, Vec<String>), hub::HubError> {
        let orgs = hub.orgs()?;
        let name_of = |id: &str| orgs.iter().find(|o| o.identity_id == id).map_or_else(|| id.to_string(), |o| o.name.clone());
        let lists = store
            .recipient_lists(org_id)?
            .into_iter()
            .map(|l| context! { id => l.id, name => &l.name, members => l.identities.iter().map(|i| name_of(i)).collect::<Vec<_>>() })
            .collect();
        Ok((lists, orgs.iter().filter(|o| !o.is_hub).map(|o| o.name.clone()).collect()))
    })
    .await;
    match loaded {
        Some(Ok((lists, orgs))) => {
            state.portal.page(&ctx, StatusCode::OK, "recipients.html", context! { lists => lists, orgs => orgs, may_edit => may_edit })
        }
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct RecipientsForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    /// Organisation names, comma-separated.
    #[serde(default)]
    orgs: String,
    #[serde(default)]
    delete: String,
}

/// Creates, overwrites or deletes one of the member's organisation's recipient lists: analysts
/// and administrators of that organisation only, each change audited with the list it wrote.
async fn save_recipients(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<RecipientsForm>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::EditRecipientLists).await);
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let store = try_page!(store_or_error(&state, &ctx));
    let (org_id, hub, who) = (member.org.id, state.hub.clone(), member.clone());
    let done = blocking(move || -> Result<(), hub::HubError> {
        if !form.delete.trim().is_empty() {
            let id = form.delete.trim().parse::<i64>().ok();
            // Only this organisation's lists are found, so another's id reads as unknown.
            let list = store.recipient_lists(org_id)?.into_iter().find(|l| Some(l.id) == id);
            let Some(list) = list else { return Err(hub::HubError::NotFound("recipient list".into())) };
            let entry = audit_entry(&who, "recipients.delete", &list.name, "ok", format!("list {}", list.id));
            if !store.delete_recipient_list(org_id, list.id, &entry)? {
                return Err(hub::HubError::NotFound("recipient list".into()));
            }
            return Ok(());
        }
        let name = form.name.trim();
        if name.is_empty() || name.len() > 100 {
            return Err(hub::HubError::BadRequest { field: "name".into(), reason: "1 to 100 characters".into() });
        }
        let orgs = form.orgs.split(',').map(str::trim).filter(|n| !n.is_empty()).map(|n| hub.org(n)).collect::<Result<Vec<_>, _>>()?;
        let identities: Vec<String> = orgs.iter().map(|o| o.identity_id.clone()).collect();
        let names: Vec<&str> = orgs.iter().map(|o| o.name.as_str()).collect();
        let entry = audit_entry(&who, "recipients.save", name, "ok", format!("members: {}", names.join(", ")));
        store.save_recipient_list(org_id, name, &identities, &entry)?;
        Ok(())
    })
    .await;
    match done {
        Some(Ok(())) => see_other("/members/recipients"),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}
