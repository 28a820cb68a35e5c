//! The hand-off of a case's CSIRT copy to a CSIRT organisation on the hub, and what follows it.
//!
//! The post: `POST /api/v1/incidents/{id}/handoffs` `{"csirt": ORG}` hands the copy over (again
//! to the same CSIRT: the first hand-off, unchanged); with `"collection": ID` the copy is also
//! added, as a STIX `incident` TLP:AMBER+STRICT to the CSIRT's identity, to a collection the CSIRT
//! reads (its inbox over TAXII, federated or not), before the hand-off is recorded; an exercise
//! case's copy only to its exercise's collection. `GET .../handoffs` lists them with the
//! acknowledgement time and the messages; `POST .../handoffs/{h}/messages` answers.
//! The CSIRT: `GET /api/v1/handoffs` lists what it received; `GET /api/v1/handoffs/{h}` shows
//! one with its CSIRT copy (TLP:AMBER+STRICT to the CSIRT's identity, derived when read);
//! `POST /api/v1/handoffs/{h}/ack` acknowledges (the first acknowledgement stands);
//! `POST /api/v1/handoffs/{h}/messages` asks a question or gives feedback;
//! `POST /api/v1/handoffs/{h}/requests` `{"stage": "intermediate_report", "due": T?, "note": ...}`
//! asks the post for an on-request stage report (NIS2 Art. 23(4)(c)): the case's clock then owes
//! it, due at `due` when given (the first request stands).
//! Only the case's organisation and that CSIRT see a hand-off: anyone else gets the 404 of a
//! hand-off that does not exist. Every read and write is audited.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use hub::{HubError, Principal};
use incidents::followup::Side;
use portal::incident_reports::ReportError;
use serde::Deserialize;
use serde_json::{Value, json};
use store::incidents::{HandoffMessage, HandoffRecord, NewHandoffMessage};

use super::{audit, bad, load, may_edit, member, now_text, parse_body, run, service, target};
use crate::error::ApiError;
use crate::{AppState, blocking};

fn handoff_target(h: i64) -> String {
    format!("incident-handoff:{h}")
}

fn no_handoff(h: i64) -> ApiError {
    ApiError::from_hub(HubError::NotFound(format!("hand-off {h} not found")), false)
}

fn message_json(m: &HandoffMessage, orgs: &dyn Fn(i64) -> String) -> Value {
    let n = &m.message;
    json!({"id": m.id, "kind": n.kind, "from": orgs(n.from_org), "author": n.author, "at": n.at, "body": n.body})
}

/// A hand-off with its messages, organisations by name.
async fn handoff_json(state: &AppState, h: &HandoffRecord) -> Result<Value, ApiError> {
    let store = service(state)?;
    let id = h.id;
    let messages = run(move || store.handoff_messages(id)).await?;
    let hub = state.hub.clone();
    let ids = [h.case_org_id, h.csirt_org_id];
    let names = blocking(move || {
        ids.iter().map(|i| Ok((*i, hub.org_by_id(*i)?.map(|o| o.name).unwrap_or_default()))).collect::<Result<Vec<_>, HubError>>()
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?;
    let orgs = |i: i64| names.iter().find(|(k, _)| *k == i).map(|(_, n)| n.clone()).unwrap_or_default();
    let (store, case) = (service(state)?, h.case_id);
    let requests = run(move || store.stage_requests(case)).await?;
    Ok(json!({
        "id": h.id, "case": h.case_id, "post": orgs(h.case_org_id), "csirt": orgs(h.csirt_org_id),
        "sent_by": h.sent_by, "sent_at": h.sent_at,
        "acknowledged_by": h.acknowledged_by, "acknowledged_at": h.acknowledged_at,
        "messages": messages.iter().map(|m| message_json(m, &orgs)).collect::<Vec<_>>(),
        "requests": requests.iter().filter(|r| r.handoff_id == h.id).map(super::request_json).collect::<Vec<_>>(),
    }))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HandOffBody {
    /// The CSIRT organisation's name on the hub.
    csirt: String,
    /// A collection the CSIRT reads (its inbox, possibly federated): the CSIRT copy is also
    /// added there, TLP:AMBER+STRICT to the CSIRT's identity.
    #[serde(default)]
    collection: Option<String>,
}

/// Adds the case's CSIRT copy to `collection` as `who` (`portal::incident_reports::publish_copy`,
/// which the portal's hand-off form calls too): refused naming `collection`, nothing added, when
/// the CSIRT does not read it or an exercise/live case would cross into the other kind.
async fn publish_copy(
    state: &AppState,
    who: &Principal,
    case: store::incidents::CaseRecord,
    csirt: store::Org,
    collection: String,
) -> Result<String, ApiError> {
    let (hub, store, who) = (state.hub.clone(), service(state)?, who.clone());
    blocking(move || portal::incident_reports::publish_copy(&hub, &*store, &who, &case, &csirt, &collection, Utc::now()))
        .await
        .map_err(|e| ApiError::from_hub(e, false))
}

pub(super) async fn hand_off(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    let case = load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let HandOffBody { csirt: name, collection } = parse_body::<HandOffBody>(&body)?;
    let hub = state.hub.clone();
    let wanted = name.trim().to_string();
    let csirt = blocking(move || Ok::<_, HubError>(hub.org(&wanted).ok())).await.map_err(|e| ApiError::from_hub(e, false))?;
    let Some(csirt) = csirt.filter(|c| c.id != org) else {
        let reason = format!("`{}` is not another organisation of this hub", name.chars().take(80).collect::<String>());
        return Err(bad(incidents::CaseError { field: "csirt".into(), reason }));
    };
    // The copy goes into the collection first: a refused copy leaves no hand-off claiming it.
    let published = match collection {
        Some(c) => Some((publish_copy(&state, &who, case, csirt.clone(), c.clone()).await?, c)),
        None => None,
    };
    let (actor, at, csirt_id) = (who.actor(), now_text(Utc::now()), csirt.id);
    let h = run(move || store.hand_off(id, csirt_id, &actor, &at)).await?;
    let mut detail = format!("hand-off {} to {}", h.id, csirt.name);
    if let Some((object, c)) = &published {
        detail.push_str(&format!("; CSIRT copy {object} added to collection {c}"));
    }
    audit(&state, &who, "incident.handoff.send", &target(id), "ok", &detail).await;
    let mut out = handoff_json(&state, &h).await?;
    if let Some((object, c)) = published {
        out["published"] = json!({"collection": c, "object": object});
    }
    Ok((StatusCode::CREATED, Json(out)).into_response())
}

pub(super) async fn list_for_case(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    let hs = run(move || store.handoffs(id)).await?;
    audit(&state, &who, "incident.handoff.view", &target(id), "ok", &format!("{} hand-offs", hs.len())).await;
    let mut out = Vec::new();
    for h in &hs {
        out.push(handoff_json(&state, h).await?);
    }
    Ok(Json(json!({"handoffs": out})).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageBody {
    kind: String,
    body: String,
}

/// Writes a message of `side` on hand-off `h`, already checked to be the caller's.
async fn write_message(
    state: &AppState,
    who: &Principal,
    org: i64,
    h: &HandoffRecord,
    side: Side,
    body: &[u8],
) -> Result<Response, ApiError> {
    let b = parse_body::<MessageBody>(body)?;
    let (kind, text) = incidents::followup::check_message(side, &b.kind, &b.body).map_err(bad)?;
    let store = service(state)?;
    let m = NewHandoffMessage { handoff_id: h.id, from_org: org, kind, author: who.actor(), at: now_text(Utc::now()), body: text };
    let saved = run(move || store.add_handoff_message(&m)).await?;
    let detail = format!("{} {}", saved.message.kind, saved.id);
    audit(state, who, "incident.handoff.message", &handoff_target(h.id), "ok", &detail).await;
    Ok((StatusCode::CREATED, Json(handoff_json(state, h).await?)).into_response())
}

pub(super) async fn answer(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, h)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let rec = run(move || store.handoff(h)).await?.filter(|r| r.case_id == id).ok_or_else(|| no_handoff(h))?;
    write_message(&state, &who, org, &rec, Side::Post, &body).await
}

/// Hand-off `h` if the caller's organisation is the CSIRT it was handed to; else the 404.
async fn received(state: &AppState, org: i64, h: i64) -> Result<HandoffRecord, ApiError> {
    let store = service(state)?;
    run(move || store.handoff(h)).await?.filter(|r| r.csirt_org_id == org).ok_or_else(|| no_handoff(h))
}

pub(crate) async fn inbox(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    let hs = run(move || store.handoffs_to(org)).await?;
    audit(&state, &who, "incident.handoff.inbox", "incident-handoffs", "ok", &format!("{} hand-offs", hs.len())).await;
    let mut out = Vec::new();
    for h in &hs {
        out.push(handoff_json(&state, h).await?);
    }
    Ok(Json(json!({"handoffs": out})).into_response())
}

pub(crate) async fn show_received(State(state): State<AppState>, headers: HeaderMap, Path(h): Path<i64>) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = received(&state, org, h).await?;
    let store = service(&state)?;
    let hub = state.hub.clone();
    let (post, csirt) = (rec.case_org_id, rec.csirt_org_id);
    let identities = blocking(move || Ok::<_, HubError>((hub.org_by_id(post)?, hub.org_by_id(csirt)?)))
        .await
        .map_err(|e| ApiError::from_hub(e, false))?;
    let (Some(post_org), Some(csirt_org)) = identities else { return Err(no_handoff(h)) };
    let case_id = rec.case_id;
    let copy = blocking(move || {
        Ok::<_, HubError>(store.case(post, case_id).map_err(ReportError::from).and_then(|case| {
            let case = case.ok_or(ReportError::Store(store::StoreError::NotFound { what: "hand-off", name: h.to_string() }))?;
            let recipients = [csirt_org.identity_id.clone()];
            portal::incident_reports::derivative(&*store, &case, "csirt", &post_org.identity_id, None, &recipients, Utc::now())
        }))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?
    .map_err(super::reports::report_error)?;
    audit(&state, &who, "incident.handoff.view", &handoff_target(h), "ok", "").await;
    let mut body = handoff_json(&state, &rec).await?;
    body["csirt_copy"] = copy;
    Ok(Json(body).into_response())
}

pub(crate) async fn acknowledge(State(state): State<AppState>, headers: HeaderMap, Path(h): Path<i64>) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    received(&state, org, h).await?;
    may_edit(&state, &who, &handoff_target(h)).await?;
    let store = service(&state)?;
    let (actor, at) = (who.actor(), now_text(Utc::now()));
    let rec = run(move || store.acknowledge(h, &actor, &at)).await?;
    audit(&state, &who, "incident.handoff.ack", &handoff_target(h), "ok", rec.acknowledged_at.as_deref().unwrap_or("")).await;
    Ok(Json(handoff_json(&state, &rec).await?).into_response())
}

pub(crate) async fn ask(State(state): State<AppState>, headers: HeaderMap, Path(h): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = received(&state, org, h).await?;
    may_edit(&state, &who, &handoff_target(h)).await?;
    write_message(&state, &who, org, &rec, Side::Csirt, &body).await
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RequestBody {
    stage: String,
    #[serde(default)]
    due: Option<String>,
    #[serde(default)]
    note: String,
}

/// The CSIRT asks the post for an on-request stage report; audited as `incident.report.request`.
pub(crate) async fn request_report(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(h): Path<i64>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = received(&state, org, h).await?;
    may_edit(&state, &who, &handoff_target(h)).await?;
    let b = parse_body::<RequestBody>(&body)?;
    let (store, actor, handoff) = (service(&state)?, who.actor(), rec.clone());
    let made = blocking(move || {
        Ok::<_, HubError>(portal::incident_reports::request(&*store, &handoff, &b.stage, b.due.as_deref(), &b.note, &actor, Utc::now()))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?
    .map_err(super::reports::report_error)?;
    let detail = format!("{} due {}", made.stage, made.due.as_deref().unwrap_or("-"));
    audit(&state, &who, "incident.report.request", &handoff_target(h), "ok", &detail).await;
    Ok((StatusCode::CREATED, Json(handoff_json(&state, &rec).await?)).into_response())
}
