//! Stage reports under `/api/v1/incidents/{id}/reports`: each stage's form (the fields the rule
//! set requires, which accept "unknown", what is still missing), saving a draft, submitting it
//! (which records the stage's submission the clock runs on, and is refused naming the first
//! field missing), and the exports: a standalone bilingual HTML page and a STIX 2.1 bundle.
//! Same access rules as the case (another organisation's case is a 404); every view, edit and
//! export is audited.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use hub::HubError;
use incidents::report::Answers;
use portal::incident_reports::{self as reports, ReportError, ReportView};
use serde::Deserialize;
use serde_json::{Value, json};
use store::incidents::CaseRecord;

use super::{audit, bad, load, may_edit, member, parse_body, service, target};
use crate::error::ApiError;
use crate::{AppState, blocking};

/// Maps a report failure once: bad input names its field (400), a stage already submitted is a
/// conflict (409), a missing case a 404.
pub(super) fn report_error(e: ReportError) -> ApiError {
    match e {
        ReportError::Input(e) => bad(e),
        ReportError::Store(store::StoreError::Conflict(m)) => ApiError::from_hub(HubError::Conflict(m), false).with_field("stage"),
        ReportError::Store(store::StoreError::NotFound { what, name }) => {
            ApiError::from_hub(HubError::NotFound(format!("{what} {name} not found")), false)
        }
        ReportError::Store(e) => ApiError::from_hub(HubError::Store(e), false),
    }
}

/// Runs a report action off the async workers.
async fn run<T: Send + 'static>(f: impl FnOnce() -> Result<T, ReportError> + Send + 'static) -> Result<T, ApiError> {
    match blocking(move || Ok::<_, HubError>(f())).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(report_error(e)),
        Err(e) => Err(ApiError::from_hub(e, false)),
    }
}

/// A report as the API answers it.
pub(super) fn report_json(id: i64, v: &ReportView) -> Value {
    let stage = v.rules.stage(&v.stage);
    let fields: Vec<Value> = stage
        .map(|s| {
            s.required
                .iter()
                .map(|f| {
                    let kind = match v.rules.field(f).map(|f| f.kind) {
                        Some(incidents::FieldKind::Answer) => "answer",
                        Some(incidents::FieldKind::Severity) => "severity",
                        _ => "text",
                    };
                    json!({"id": f, "kind": kind, "required": true, "unknown_allowed": s.unknown_allowed.contains(f)})
                })
                .collect()
        })
        .unwrap_or_default();
    let status = match (&v.submitted_at, &v.stored) {
        (Some(_), _) => "submitted",
        (None, Some(_)) => "draft",
        (None, None) => "not-started",
    };
    let base = format!("/api/v1/incidents/{id}/reports/{}", v.stage);
    json!({
        "stage": v.stage, "jurisdiction": v.rules.id, "rules_version": v.rules.version, "language": v.rules.language,
        "status": status, "due": v.due, "submitted_at": v.submitted_at,
        "updated_by": v.stored.as_ref().map(|r| &r.updated_by), "updated_at": v.stored.as_ref().map(|r| &r.updated_at),
        "fields": fields, "answers": v.answers,
        "missing": v.problems.iter().map(|p| json!({"field": p.field, "reason": p.reason})).collect::<Vec<_>>(),
        "html": format!("{base}/html"), "stix": format!("{base}/stix"),
    })
}

/// The caller's case and the incident store, with the caller and its organisation.
async fn case_of(state: &AppState, headers: &HeaderMap, id: i64) -> Result<(hub::Principal, CaseRecord), ApiError> {
    let (who, org) = member(state, headers).await?;
    let store = service(state)?;
    let case = load(&store, org, id).await?;
    Ok((who, case))
}

pub(super) async fn list(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let (who, case) = case_of(&state, &headers, id).await?;
    let store = service(&state)?;
    let views = run(move || reports::list(&*store, &case, Utc::now())).await?;
    audit(&state, &who, "incident.report.list", &target(id), "ok", "").await;
    Ok(Json(json!({"reports": views.iter().map(|v| report_json(id, v)).collect::<Vec<_>>()})).into_response())
}

pub(super) async fn show(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, stage)): Path<(i64, String)>,
) -> Result<Response, ApiError> {
    let (who, case) = case_of(&state, &headers, id).await?;
    let store = service(&state)?;
    let v = run(move || reports::view(&*store, &case, &stage, Utc::now())).await?;
    audit(&state, &who, "incident.report.view", &target(id), "ok", &v.stage).await;
    Ok(Json(report_json(id, &v)).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftBody {
    answers: Answers,
}

/// Saves the stage's draft; refused (409) once the report is submitted.
pub(super) async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, stage)): Path<(i64, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, case) = case_of(&state, &headers, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let answers = parse_body::<DraftBody>(&body)?.answers;
    let (store, actor) = (service(&state)?, who.actor());
    let v = run(move || {
        let now = Utc::now();
        reports::save(&*store, &case, &stage, &answers, &actor, now)?;
        reports::view(&*store, &case, &stage, now)
    })
    .await?;
    audit(&state, &who, "incident.report.save", &target(id), "ok", &v.stage).await;
    Ok(Json(report_json(id, &v)).into_response())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmitBody {
    /// The answers to submit; the saved draft when absent.
    answers: Option<Answers>,
    /// When the report was sent (RFC 3339 with offset); now when absent.
    submitted_at: Option<String>,
}

/// Submits the stage's report: complete answers, then the stage's submission on the clock.
pub(super) async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, stage)): Path<(i64, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let b: SubmitBody = if body.iter().all(u8::is_ascii_whitespace) { SubmitBody::default() } else { parse_body(&body)? };
    submit_stage(&state, &headers, id, stage, b.answers, b.submitted_at).await
}

/// What both `/reports/{stage}/submit` and the older `/submissions` do: submit the stage's report
/// (the saved draft unless `answers` are given) and answer with the case and its clock.
pub(super) async fn submit_stage(
    state: &AppState,
    headers: &HeaderMap,
    id: i64,
    stage: String,
    answers: Option<Answers>,
    at: Option<String>,
) -> Result<Response, ApiError> {
    let (who, case) = case_of(state, headers, id).await?;
    may_edit(state, &who, &target(id)).await?;
    let (store, actor, c) = (service(state)?, who.actor(), case.clone());
    let stage = stage.trim().to_string();
    let now = Utc::now();
    let (rec, subs, reqs) = run(move || {
        let rec = reports::submit(&*store, &c, &stage, answers.as_ref(), at.as_deref(), &actor, now)?;
        Ok((rec, store.submissions(c.id)?, store.stage_requests(c.id)?))
    })
    .await?;
    let when = subs.iter().find(|s| s.stage == rec.stage).map(|s| s.submitted_at.clone()).unwrap_or_default();
    audit(state, &who, "incident.submit", &target(id), "ok", &format!("{} at {when}", rec.stage)).await;
    Ok((StatusCode::CREATED, Json(super::case_json(&case, &subs, &reqs, now))).into_response())
}

/// The report as a standalone bilingual HTML file (a download).
pub(super) async fn html(state: State<AppState>, headers: HeaderMap, path: Path<(i64, String)>) -> Result<Response, ApiError> {
    export(state, headers, path, Export::Html).await
}

/// The report as a bilingual PDF (the rule set's language and English), as an attachment.
pub(super) async fn pdf(state: State<AppState>, headers: HeaderMap, path: Path<(i64, String)>) -> Result<Response, ApiError> {
    export(state, headers, path, Export::Pdf).await
}

/// The two file exports of a stage report.
#[derive(Debug, Clone, Copy)]
enum Export {
    Html,
    Pdf,
}

/// Renders, audits (`incident.report.export`) and answers one export as an attachment.
async fn export(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, stage)): Path<(i64, String)>,
    kind: Export,
) -> Result<Response, ApiError> {
    let (who, case) = case_of(&state, &headers, id).await?;
    let store = service(&state)?;
    let organisation = who.org().map(|o| o.name.clone()).unwrap_or_default();
    let c = case.clone();
    let (v, bytes) = run(move || {
        let now = Utc::now();
        let v = reports::view(&*store, &c, &stage, now)?;
        let bytes = match kind {
            Export::Html => reports::export_html(&v, &c, &organisation, now)?.into_bytes(),
            Export::Pdf => reports::export_pdf(&v, &c, &organisation, now)?,
        };
        Ok((v, bytes))
    })
    .await?;
    let ext = match kind {
        Export::Html => "html",
        Export::Pdf => "pdf",
    };
    audit(&state, &who, "incident.report.export", &target(id), "ok", &format!("{} {ext}", v.stage)).await;
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    match kind {
        Export::Html => {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"));
        }
        Export::Pdf => {
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
        }
    }
    if let Ok(d) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", reports::export_name(id, &v.stage, ext))) {
        h.insert(header::CONTENT_DISPOSITION, d);
    }
    Ok(resp)
}

/// The report as a STIX 2.1 bundle with one Incident Core `incident`, marked TLP:AMBER+STRICT.
pub(super) async fn stix(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, stage)): Path<(i64, String)>,
) -> Result<Response, ApiError> {
    let (who, case) = case_of(&state, &headers, id).await?;
    let store = service(&state)?;
    let (organisation, identity) = who.org().map(|o| (o.name.clone(), o.identity_id.clone())).unwrap_or_default();
    let c = case.clone();
    let (v, bundle) = run(move || {
        let now = Utc::now();
        let v = reports::view(&*store, &c, &stage, now)?;
        let bundle = reports::export_stix(&v, &c, &organisation, &identity, now)?;
        Ok((v, bundle))
    })
    .await?;
    audit(&state, &who, "incident.report.export", &target(id), "ok", &format!("{} stix", v.stage)).await;
    let mut resp = Json(bundle).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/stix+json;version=2.1"));
    Ok(resp)
}

#[derive(Debug, Default, Deserialize)]
pub(super) struct DerivativeQuery {
    /// The text of a public warning.
    warning: Option<String>,
    /// The STIX identity the CSIRT copy is for (its recipient under TLP:AMBER+STRICT).
    recipient: Option<String>,
}

/// The case's derivative for one audience (`csirt`, `isac`, `public`) as a STIX 2.1 bundle, each
/// its own object with its own TLP and PAP marking.
pub(super) async fn derivative(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, audience)): Path<(i64, String)>,
    axum::extract::Query(q): axum::extract::Query<DerivativeQuery>,
) -> Result<Response, ApiError> {
    let (who, case) = case_of(&state, &headers, id).await?;
    let store = service(&state)?;
    let identity = who.org().map(|o| o.identity_id.clone()).unwrap_or_default();
    let a = audience.clone();
    let recipients: Vec<String> = q.recipient.into_iter().collect();
    let bundle = run(move || reports::derivative(&*store, &case, &a, &identity, q.warning.as_deref(), &recipients, Utc::now())).await?;
    audit(&state, &who, "incident.derivative.export", &target(id), "ok", &audience).await;
    let mut resp = Json(bundle).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/stix+json;version=2.1"));
    Ok(resp)
}
