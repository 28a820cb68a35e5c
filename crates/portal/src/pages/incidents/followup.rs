//! The portal's side of what follows a case: on the case page, the hand-offs of its CSIRT copy
//! (acknowledgement time, the CSIRT's questions and feedback, the post's answers) and its
//! takedown requests; for a CSIRT, `/members/handoffs`, the copies it received, to acknowledge
//! and to ask about, and to ask the post for an intermediate report (NIS2 Art. 23(4)(c), an
//! on-request stage: `incidents::check_request`, shared with the API through
//! `incident_reports::request`). The hand-off form may also add the CSIRT copy to a collection
//! the CSIRT reads (`incident_reports::publish_copy`, the API's rules and refusals); it offers
//! only collections the post writes that another organisation reads, with their readers' names.
//! Only the case's organisation and the CSIRT it was handed to see a hand-off;
//! anyone else gets the 404 page. Every view and write is audited; creating a takedown request
//! is audited as `incident.takedown.add`, the name the API uses.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::Utc;
use incidents::followup::Side;
use minijinja::{Value, context};
use serde::Deserialize;
use store::incidents::{CaseRecord, HandoffRecord, IncidentStore, NewHandoffMessage, NewTakedown};

use super::{audit, bad_field, editable, enabled, run};
use crate::pages::members::{actor, member_for};
use crate::roles::Action;
use crate::{Ctx, Member, PortalState, blocking, member_or_login, see_other};

pub(super) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/incidents/{id}/handoffs", post(hand_off))
        .route("/members/incidents/{id}/handoffs/{handoff}/messages", post(answer))
        .route("/members/incidents/{id}/takedowns", post(add_takedown))
        .route("/members/incidents/{id}/takedowns/{takedown}", post(set_takedown))
        .route("/members/handoffs", get(inbox))
        .route("/members/handoffs/{handoff}/copy", get(copy))
        .route("/members/handoffs/{handoff}/ack", post(acknowledge))
        .route("/members/handoffs/{handoff}/messages", post(ask))
        .route("/members/handoffs/{handoff}/requests", post(request_report))
}

/// An audit line with the API's action name (the exercises score on it).
pub(super) async fn audit_as(state: &PortalState, member: &Member, action: &str, target: String, detail: String) {
    let entry = store::NewAudit { actor: actor(member), action: action.into(), target, outcome: "ok".into(), detail };
    let hub = state.hub.clone();
    if let Some(Err(e)) = blocking(move || hub.append_audit(&entry)).await {
        tracing::error!(error = %e, "writing an incident audit line failed");
    }
}

/// The organisations' names by id, for hand-off pages.
async fn org_name(state: &PortalState, id: i64) -> String {
    let hub = state.hub.clone();
    match blocking(move || hub.org_by_id(id)).await {
        Some(Ok(Some(o))) => o.name,
        _ => format!("#{id}"),
    }
}

/// A hand-off with its messages, as the pages show it.
async fn handoff_value(state: &PortalState, ctx: &Ctx, store: &Arc<dyn IncidentStore>, h: &HandoffRecord) -> Result<Value, Response> {
    let s = store.clone();
    let (hid, case_id, post_org) = (h.id, h.case_id, h.case_org_id);
    let (messages, requests, case) =
        run(state, ctx, move || Ok((s.handoff_messages(hid)?, s.stage_requests(case_id)?, s.case(post_org, case_id)?))).await?;
    let (post, csirt) = (org_name(state, h.case_org_id).await, org_name(state, h.csirt_org_id).await);
    let msgs: Vec<Value> = messages
        .iter()
        .map(|m| {
            let from = if m.message.from_org == h.csirt_org_id { &csirt } else { &post };
            context! { kind => &m.message.kind, from => from, author => &m.message.author, at => &m.message.at, body => &m.message.body }
        })
        .collect();
    let reqs: Vec<Value> = requests
        .iter()
        .filter(|r| r.handoff_id == h.id)
        .map(|r| context! { stage => &r.stage, at => &r.requested_at, by => &r.requested_by, due => &r.due, note => &r.note })
        .collect();
    // The on-request stages of the case's rule set the CSIRT may still ask for.
    let rules = case.as_ref().and_then(|c| incidents::jurisdiction(&c.data.jurisdiction).ok());
    let requestable: Vec<String> = rules
        .iter()
        .flat_map(|r| r.stages.iter())
        .filter(|s| s.on_request && !requests.iter().any(|q| q.stage == s.id))
        .map(|s| s.id.clone())
        .collect();
    Ok(context! {
        id => h.id, case => h.case_id, post => post, csirt => csirt, sent_at => &h.sent_at, sent_by => &h.sent_by,
        acknowledged_at => &h.acknowledged_at, acknowledged_by => &h.acknowledged_by, messages => msgs,
        requests => reqs, requestable => requestable,
    })
}

/// What the case page shows of the case's hand-offs and takedowns.
pub(super) async fn case_context(
    state: &PortalState,
    ctx: &Ctx,
    store: &Arc<dyn IncidentStore>,
    case: &CaseRecord,
) -> Result<Value, Response> {
    let id = case.id;
    let s = store.clone();
    let (handoffs, takedowns) = run(state, ctx, move || Ok((s.handoffs(id)?, s.takedowns(id)?))).await?;
    let mut hs = Vec::new();
    for h in &handoffs {
        hs.push(handoff_value(state, ctx, store, h).await?);
    }
    let ts: Vec<Value> = takedowns
        .iter()
        .map(|t| {
            context! { id => t.id, domain => &t.takedown.domain, contacts => &t.takedown.contacts, evidence => &t.takedown.evidence,
            status => &t.status, created_at => &t.takedown.created_at, updated_at => &t.updated_at }
        })
        .collect();
    let collections = match ctx.member.as_ref() {
        Some(member) => {
            let (hub, who, exercise) = (state.hub.clone(), member.principal(), case.exercise);
            match blocking(move || super::reports::copy_collections(&hub, &who, exercise)).await {
                Some(Ok(cs)) => cs,
                Some(Err(e)) => return Err(state.portal.hub_error(ctx, e)),
                None => Vec::new(),
            }
        }
        None => Vec::new(),
    };
    let cols: Vec<Value> =
        collections.iter().map(|(c, readers)| context! { id => &c.id, title => &c.title, readers => readers.join(", ") }).collect();
    Ok(context! { handoffs => hs, takedowns => ts, takedown_statuses => incidents::followup::TAKEDOWN_STATUSES, collections => cols })
}

#[derive(Deserialize, Default)]
struct HandOffForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    csirt: String,
    /// A collection the CSIRT reads, to add the CSIRT copy to; empty for none.
    #[serde(default)]
    collection: String,
}

async fn hand_off(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<HandOffForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let hub = state.hub.clone();
    let wanted = form.csirt.trim().to_string();
    let csirt = blocking(move || hub.org(&wanted).ok()).await.flatten().filter(|c| c.id != member.org.id);
    let Some(csirt) = csirt else {
        let reason = format!("`{}` is not another organisation of this hub", form.csirt.chars().take(80).collect::<String>());
        return bad_field(&state, &ctx, incidents::CaseError { field: "csirt".into(), reason });
    };
    // The copy goes into the collection first: a refused copy leaves no hand-off claiming it.
    let collection = form.collection.trim().to_string();
    let published = if collection.is_empty() {
        None
    } else {
        let (s, org) = (store.clone(), member.org.id);
        let case = try_page!(run(&state, &ctx, move || s.case(org, id)).await);
        let Some(case) = case else { return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None) };
        let (hub, who, c, col, st) = (state.hub.clone(), member.principal(), csirt.clone(), collection.clone(), store.clone());
        match blocking(move || super::reports::publish_copy(&hub, &*st, &who, &case, &c, &col, Utc::now())).await {
            Some(Ok(object)) => Some((object, collection)),
            Some(Err(hub::HubError::BadRequest { field, reason })) => {
                return bad_field(&state, &ctx, incidents::CaseError { field, reason });
            }
            Some(Err(e)) => return state.portal.hub_error(&ctx, e),
            None => return state.portal.error(&ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None),
        }
    };
    let (by, at) = (actor(member), incidents::case::utc_text(Utc::now()));
    let h = try_page!(run(&state, &ctx, move || store.hand_off(id, csirt.id, &by, &at)).await);
    let mut detail = format!("hand-off {} to {}", h.id, csirt.name);
    if let Some((object, c)) = &published {
        detail.push_str(&format!("; CSIRT copy {object} added to collection {c}"));
    }
    audit_as(&state, member, "incident.handoff.send", format!("incident:{id}"), detail).await;
    see_other(&format!("/members/incidents/{id}#handoffs"))
}

#[derive(Deserialize, Default)]
struct MessageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    body: String,
}

async fn write(state: &PortalState, ctx: &Ctx, member: &Member, h: &HandoffRecord, side: Side, form: MessageForm) -> Result<(), Response> {
    let (kind, body) = incidents::followup::check_message(side, &form.kind, &form.body).map_err(|e| bad_field(state, ctx, e))?;
    let store = enabled(state, ctx)?;
    let m = NewHandoffMessage {
        handoff_id: h.id,
        from_org: member.org.id,
        kind,
        author: actor(member),
        at: incidents::case::utc_text(Utc::now()),
        body,
    };
    let saved = run(state, ctx, move || store.add_handoff_message(&m)).await?;
    audit_as(
        state,
        member,
        "incident.handoff.message",
        format!("incident-handoff:{}", h.id),
        format!("{} {}", saved.message.kind, saved.id),
    )
    .await;
    Ok(())
}

async fn answer(State(state): State<PortalState>, ctx: Ctx, Path((id, hid)): Path<(i64, i64)>, Form(form): Form<MessageForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let found = try_page!(run(&state, &ctx, move || store.handoff(hid)).await).filter(|h| h.case_id == id);
    let Some(h) = found else { return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None) };
    try_page!(write(&state, &ctx, member, &h, Side::Post, form).await);
    see_other(&format!("/members/incidents/{id}#handoffs"))
}

#[derive(Deserialize, Default)]
struct TakedownForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    domain: String,
    #[serde(default)]
    contacts: String,
    #[serde(default)]
    evidence: String,
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}

async fn add_takedown(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<TakedownForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let input =
        incidents::followup::TakedownInput { domain: form.domain, contacts: lines(&form.contacts), evidence: lines(&form.evidence) };
    let f = match incidents::followup::check_takedown(&input) {
        Ok(f) => f,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let new = NewTakedown {
        case_id: id,
        domain: f.domain,
        contacts: f.contacts,
        evidence: f.evidence,
        created_by: actor(member),
        created_at: incidents::case::utc_text(Utc::now()),
    };
    let t = try_page!(run(&state, &ctx, move || store.add_takedown(&new)).await);
    audit_as(&state, member, "incident.takedown.add", format!("incident:{id}"), format!("takedown {} {}", t.id, t.takedown.domain)).await;
    see_other(&format!("/members/incidents/{id}#takedowns"))
}

#[derive(Deserialize, Default)]
struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
}

async fn set_takedown(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path((id, t)): Path<(i64, i64)>,
    Form(form): Form<StatusForm>,
) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let status = match incidents::followup::check_takedown_status(&form.status) {
        Ok(s) => s,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let at = incidents::case::utc_text(Utc::now());
    try_page!(run(&state, &ctx, move || store.set_takedown_status(id, t, status, &at)).await);
    audit(&state, member, "takedown.status", id, format!("takedown {t} {status}")).await;
    see_other(&format!("/members/incidents/{id}#takedowns"))
}

/// Hand-off `hid` if the member's organisation is the CSIRT it went to; else the 404 page.
async fn received(state: &PortalState, ctx: &Ctx, member: &Member, hid: i64) -> Result<(Arc<dyn IncidentStore>, HandoffRecord), Response> {
    let store = enabled(state, ctx)?;
    let s = store.clone();
    let org = member.org.id;
    let h = run(state, ctx, move || s.handoff(hid)).await?.filter(|h| h.csirt_org_id == org);
    h.map(|h| (store, h)).ok_or_else(|| state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None))
}

async fn inbox(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let store = try_page!(enabled(&state, &ctx));
    let s = store.clone();
    let org = member.org.id;
    let hs = try_page!(run(&state, &ctx, move || s.handoffs_to(org)).await);
    let mut rows = Vec::new();
    for h in &hs {
        rows.push(try_page!(handoff_value(&state, &ctx, &store, h).await));
    }
    audit_as(&state, member, "incident.handoff.inbox", "incident-handoffs".into(), format!("{} hand-offs", hs.len())).await;
    let page =
        context! { handoffs => rows, may_edit => member.user.role.may_write(), kinds => incidents::followup::message_kinds(Side::Csirt) };
    state.portal.page(&ctx, StatusCode::OK, "incident_handoffs.html", page)
}

/// The CSIRT copy of hand-off `hid`, derived when read (TLP:AMBER+STRICT to the CSIRT's
/// identity), as a STIX file to download; only for the CSIRT it was handed to.
async fn copy(State(state): State<PortalState>, ctx: Ctx, Path(hid): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (store, h) = try_page!(received(&state, &ctx, member, hid).await);
    let hub = state.hub.clone();
    let (post, case_id, csirt_identity) = (h.case_org_id, h.case_id, member.org.identity_id.clone());
    let made = blocking(move || -> Result<serde_json::Value, String> {
        let post_org = hub.org_by_id(post).map_err(|e| e.to_string())?.ok_or("no organisation")?;
        let case = store.case(post, case_id).map_err(|e| e.to_string())?.ok_or("no case")?;
        let recipients = [csirt_identity];
        super::reports::derivative(&*store, &case, "csirt", &post_org.identity_id, None, &recipients, Utc::now()).map_err(|e| e.to_string())
    })
    .await;
    let Some(Ok(bundle)) = made else { return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None) };
    audit_as(&state, member, "incident.handoff.view", format!("incident-handoff:{hid}"), "csirt copy".into()).await;
    let mut resp = axum::response::IntoResponse::into_response(serde_json::to_string_pretty(&bundle).unwrap_or_default());
    let headers = resp.headers_mut();
    headers.insert(axum::http::header::CONTENT_TYPE, axum::http::HeaderValue::from_static("application/stix+json;version=2.1"));
    if let Ok(v) = axum::http::HeaderValue::from_str(&format!("attachment; filename=\"incident-handoff-{hid}.json\"")) {
        headers.insert(axum::http::header::CONTENT_DISPOSITION, v);
    }
    resp
}

#[derive(Deserialize, Default)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn acknowledge(State(state): State<PortalState>, ctx: Ctx, Path(hid): Path<i64>, Form(form): Form<CsrfForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let (store, _) = try_page!(received(&state, &ctx, member, hid).await);
    let (by, at) = (actor(member), incidents::case::utc_text(Utc::now()));
    let h = try_page!(run(&state, &ctx, move || store.acknowledge(hid, &by, &at)).await);
    audit_as(&state, member, "incident.handoff.ack", format!("incident-handoff:{hid}"), h.acknowledged_at.unwrap_or_default()).await;
    see_other(&format!("/members/handoffs#handoff-{hid}"))
}

async fn ask(State(state): State<PortalState>, ctx: Ctx, Path(hid): Path<i64>, Form(form): Form<MessageForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let (_, h) = try_page!(received(&state, &ctx, member, hid).await);
    try_page!(write(&state, &ctx, member, &h, Side::Csirt, form).await);
    see_other(&format!("/members/handoffs#handoff-{hid}"))
}

#[derive(Deserialize, Default)]
struct RequestForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    stage: String,
    /// A `datetime-local` value read in UTC, or RFC 3339; empty for no due date.
    #[serde(default)]
    due: String,
    #[serde(default)]
    note: String,
}

/// The CSIRT asks the post for an on-request stage report (the intermediate report), audited
/// as `incident.report.request` like the API's.
async fn request_report(State(state): State<PortalState>, ctx: Ctx, Path(hid): Path<i64>, Form(form): Form<RequestForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let (store, h) = try_page!(received(&state, &ctx, member, hid).await);
    let due = super::form_time(&form.due, "UTC");
    let by = actor(member);
    let made = blocking(move || super::reports::request(&*store, &h, &form.stage, due.as_deref(), &form.note, &by, Utc::now())).await;
    let r = match made {
        Some(Ok(r)) => r,
        Some(Err(super::reports::ReportError::Input(e))) => return bad_field(&state, &ctx, e),
        Some(Err(super::reports::ReportError::Store(e))) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None),
    };
    let detail = format!("{} due {}", r.stage, r.due.as_deref().unwrap_or("-"));
    audit_as(&state, member, "incident.report.request", format!("incident-handoff:{hid}"), detail).await;
    see_other(&format!("/members/handoffs#handoff-{hid}"))
}
