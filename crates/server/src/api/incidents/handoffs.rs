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
//! `POST /api/v1/handoffs/{h}/messages` asks a question or gives feedback.
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
    Ok(json!({
        "id": h.id, "case": h.case_id, "post": orgs(h.case_org_id), "csirt": orgs(h.csirt_org_id),
        "sent_by": h.sent_by, "sent_at": h.sent_at,
        "acknowledged_by": h.acknowledged_by, "acknowledged_at": h.acknowledged_at,
        "messages": messages.iter().map(|m| message_json(m, &orgs)).collect::<Vec<_>>(),
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

/// Adds the case's CSIRT copy to `collection` as `who`, after checking that the CSIRT reads the
/// collection and that an exercise case's copy stays in its exercise's collection. Returns the
/// copy's STIX id. Nothing is added when a check fails.
async fn publish_copy(
    state: &AppState,
    who: &Principal,
    case: store::incidents::CaseRecord,
    csirt: store::Org,
    collection: String,
) -> Result<String, ApiError> {
    let refuse = |reason: String| bad(incidents::CaseError { field: "collection".into(), reason });
    let hub = state.hub.clone();
    let (col, reader) =
        (collection.clone(), Principal::Member { org: csirt.clone(), token_id: "handoff".into(), role: store::Role::Reader });
    let (readable, exercise) = blocking(move || {
        let readable = hub.collections(&reader)?.iter().any(|(c, g)| c.id == col && (g.read || c.public));
        Ok::<_, HubError>((readable, hub.is_exercise_collection(&col)?))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?;
    let shown: String = collection.chars().take(80).collect();
    if !readable {
        return Err(refuse(format!("{} cannot read collection `{shown}`", csirt.name)));
    }
    if case.exercise != exercise {
        return Err(refuse(if case.exercise {
            format!("an exercise case's copy goes only to its exercise's collection, not `{shown}`")
        } else {
            format!("`{shown}` is an exercise's collection: a live case's copy does not go there")
        }));
    }
    let store = service(state)?;
    let post = who.org().map(|o| o.identity_id.clone()).unwrap_or_default();
    let recipients = [csirt.identity_id.clone()];
    let copy = blocking(move || {
        Ok::<_, HubError>(portal::incident_reports::derivative(&*store, &case, "csirt", &post, None, &recipients, Utc::now()))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?
    .map_err(super::reports::report_error)?;
    let id = copy["objects"][0]["id"].as_str().unwrap_or_default().to_string();
    let body = serde_json::to_vec(&copy)
        .map_err(|e| ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal error", format!("encoding the CSIRT copy: {e}")))?;
    let (hub, who) = (state.hub.clone(), who.clone());
    let status = blocking(move || hub.add_objects(&who, &collection, &body)).await.map_err(|e| ApiError::from_hub(e, false))?;
    if let Some(f) = status.failures.first() {
        return Err(refuse(format!("the hub refused the copy: {}", f.message.as_deref().unwrap_or("refused"))));
    }
    Ok(id)
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
