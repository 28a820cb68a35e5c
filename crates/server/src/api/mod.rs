//! JSON APIs under `/api/v1/`, one module per capability: `links` (link verdicts, optionally
//! live), `messages` (scam message analysis), `posture` (domain posture), `peers` (federation
//! peerings), `incidents` (incident cases and their clocks), `awareness` (simulation templates, campaigns, reported messages). Shared here: authentication with the anonymous rate limit, request body parsing,
//! and reporting what a check found into the hub. Errors are RFC 9457 problem details.

use std::net::SocketAddr;

use axum::Router;
use axum::http::{HeaderMap, StatusCode};
use hub::{HubError, Principal};
use serde::Deserialize;
use serde_json::{Value, json};
use tlp::Tlp;

use crate::error::ApiError;
use crate::{AppState, blocking};

pub mod awareness;
pub mod exercises;
pub mod feeds;
pub mod incidents;
pub mod links;
mod messages;
pub mod peers;
pub mod posture;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .merge(links::routes())
        .merge(feeds::routes())
        .merge(messages::routes())
        .merge(posture::routes())
        .merge(peers::routes())
        .merge(incidents::routes())
        .merge(exercises::routes())
        .merge(awareness::routes())
}

/// The calling member and its organisation id; anonymous callers must authenticate (`what`
/// names the capability in the refusal: "incident cases are for members").
async fn members_only(state: &AppState, headers: &HeaderMap, what: &str) -> Result<(Principal, i64), ApiError> {
    let who = crate::authenticate(state, headers, false).await?;
    match who.org().map(|o| o.id) {
        Some(org) => Ok((who, org)),
        None => Err(ApiError::from_hub(HubError::Unauthenticated(format!("{what} are for members: send an API token")), false)),
    }
}

/// Refuses an edit the roles table does not allow, and audits the refusal as `action`.
async fn may_edit_as(state: &AppState, who: &Principal, action: &str, target: &str) -> Result<(), ApiError> {
    let Err(denied) = crate::roles::require(crate::roles::Caller::from(who), crate::roles::Action::EditIncidents) else { return Ok(()) };
    audit_line(state, who, action, target, "denied", &denied.to_string()).await;
    Err(ApiError::from_hub(denied.into(), false))
}

/// Appends one audit line; a failure to write it is logged, never shown to the caller.
async fn audit_line(state: &AppState, who: &Principal, action: &str, target: &str, outcome: &str, detail: &str) {
    let entry = store::NewAudit {
        actor: who.actor(),
        action: action.into(),
        target: target.into(),
        outcome: outcome.into(),
        detail: detail.into(),
    };
    let hub = state.hub.clone();
    if let Err(e) = blocking(move || hub.append_audit(&entry)).await {
        tracing::error!(error = %e, action = %action, "writing an audit line failed");
    }
}

fn problem(status: StatusCode, title: &str, detail: impl Into<String>) -> ApiError {
    ApiError::problem(status, title, detail)
}

/// Authenticates a JSON API caller (anonymous allowed) and applies the anonymous rate limit.
async fn caller(state: &AppState, headers: &HeaderMap, peer: SocketAddr, cost: u32) -> Result<Principal, ApiError> {
    let who = crate::authenticate(state, headers, false).await?;
    charge(state, &who, peer, cost)?;
    Ok(who)
}

/// Takes `cost` tokens from an anonymous caller's bucket; members are not limited.
fn charge(state: &AppState, who: &Principal, peer: SocketAddr, cost: u32) -> Result<(), ApiError> {
    if matches!(who, Principal::Anonymous) && !state.anonymous_limit.allow(peer.ip(), cost) {
        return Err(problem(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "anonymous checks are rate limited per address; wait a minute or use an API token",
        ));
    }
    Ok(())
}

fn parse_json<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| problem(StatusCode::BAD_REQUEST, "Bad Request", format!("request body: {e}")))
}

fn parse_report_tlp(tlp: Option<&str>) -> Result<Tlp, ApiError> {
    match tlp {
        None => Ok(Tlp::Green),
        Some(s) => Tlp::parse(s).ok_or_else(|| problem(StatusCode::BAD_REQUEST, "Bad Request", format!("tlp: '{s}' is not a TLP level"))),
    }
}

/// Posts objects to the hub as the member, into `collection` or its first writable one.
async fn report(state: &AppState, who: &Principal, collection: Option<String>, objects: Vec<Value>) -> Result<Value, ApiError> {
    let (hub, w) = (state.hub.clone(), who.clone());
    let status = blocking(move || {
        let target = match collection {
            Some(c) => c,
            None => hub
                .collections(&w)?
                .into_iter()
                .find(|(_, g)| g.write)
                .map(|(c, _)| c.id)
                .ok_or_else(|| HubError::Forbidden("your organisation may not write to any collection".into()))?,
        };
        let body = serde_json::to_vec(&json!({ "objects": objects })).unwrap_or_default();
        hub.add_objects(&w, &target, &body).map(|s| (target, s))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?;
    Ok(json!({"collection": status.0, "status_id": status.1.id, "stored": status.1.success_count, "failed": status.1.failure_count}))
}

/// `"report": true` writes into the hub: the roles table decides who may (readers may not,
/// anonymous callers need a token), before any work is done.
fn may_report(who: &Principal, report: bool) -> Result<(), ApiError> {
    if !report {
        return Ok(());
    }
    crate::roles::require(crate::roles::Caller::from(who), crate::roles::Action::ReportToHub)
        .map_err(|d| ApiError::from_hub(d.into(), false).with_field("report"))
}

/// The language an answer's sentences are written in: the best of the request's
/// `Accept-Language` that the catalogues have, else English. Codes never change with it.
pub(crate) fn answer_language(headers: &axum::http::HeaderMap) -> portal::Lang {
    headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(portal::Lang::negotiate)
        .unwrap_or(portal::Lang::En)
}

/// Marks an answer with the language of its sentences (`Content-Language`), and as varying
/// with `Accept-Language` for caches.
pub(crate) fn in_language(mut response: axum::response::Response, lang: portal::Lang) -> axum::response::Response {
    let headers = response.headers_mut();
    headers.insert(axum::http::header::CONTENT_LANGUAGE, axum::http::HeaderValue::from_static(lang.code()));
    headers.append(axum::http::header::VARY, axum::http::HeaderValue::from_static("Accept-Language"));
    response
}
