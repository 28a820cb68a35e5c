//! Takedown requests of a case under `/api/v1/incidents/{id}/takedowns`: a task type of its own
//! for scam domains, with the registrar and host abuse contacts it went to, the evidence it
//! cites (`evidence:<file id>` of the case, hub STIX ids) and its status (requested,
//! acknowledged, taken-down, refused). Creating one is audited as `incident.takedown.add`, a
//! status change as `incident.takedown.status`. Same access rules as the case.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{Value, json};
use store::incidents::{NewTakedown, TakedownRecord};

use super::{audit, bad, load, may_edit, member, now_text, parse_body, run, service, target};
use crate::AppState;
use crate::error::ApiError;

pub(super) fn takedown_json(t: &TakedownRecord) -> Value {
    let n = &t.takedown;
    json!({"id": t.id, "domain": n.domain, "contacts": n.contacts, "evidence": n.evidence, "status": t.status,
           "created_by": n.created_by, "created_at": n.created_at, "updated_at": t.updated_at})
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TakedownBody {
    domain: String,
    #[serde(default)]
    contacts: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

pub(super) async fn add(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let b = parse_body::<TakedownBody>(&body)?;
    let input = incidents::followup::TakedownInput { domain: b.domain, contacts: b.contacts, evidence: b.evidence };
    let f = incidents::followup::check_takedown(&input).map_err(bad)?;
    let new = NewTakedown {
        case_id: id,
        domain: f.domain,
        contacts: f.contacts,
        evidence: f.evidence,
        created_by: who.actor(),
        created_at: now_text(Utc::now()),
    };
    let t = run(move || store.add_takedown(&new)).await?;
    audit(&state, &who, "incident.takedown.add", &target(id), "ok", &format!("takedown {} {}", t.id, t.takedown.domain)).await;
    Ok((StatusCode::CREATED, Json(takedown_json(&t))).into_response())
}

pub(super) async fn list(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    let ts = run(move || store.takedowns(id)).await?;
    audit(&state, &who, "incident.takedown.view", &target(id), "ok", &format!("{} takedowns", ts.len())).await;
    Ok(Json(json!({"takedowns": ts.iter().map(takedown_json).collect::<Vec<_>>()})).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusBody {
    status: String,
}

pub(super) async fn set_status(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, t)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let status = incidents::followup::check_takedown_status(&parse_body::<StatusBody>(&body)?.status).map_err(bad)?;
    let at = now_text(Utc::now());
    let rec = run(move || store.set_takedown_status(id, t, status, &at)).await?;
    audit(&state, &who, "incident.takedown.status", &target(id), "ok", &format!("takedown {t} {status}")).await;
    Ok(Json(takedown_json(&rec)).into_response())
}
