//! Incident cases under `/api/v1/incidents`: create, list, show and update an organisation's
//! cases, their timeline notes, tasks, evidence files, links to hub objects and the reporting
//! stages submitted (which advance the chained deadlines), and each stage's report form with its
//! HTML and STIX exports (`reports`). Every case
//! answer carries its reporting clock, computed by the `incidents` engine from `aware`, in UTC
//! and in the organisation's time zone.
//!
//! A case is its organisation's: members of another organisation get the same 404 as for a case
//! that does not exist. Reading needs membership; writing needs the roles table's
//! `EditIncidents`. Every view, edit and download is written to the hub's audit log (actor with
//! organisation and token, UTC time assigned by the log). Evidence is served only as an
//! attachment of type `application/octet-stream` under a sandboxing CSP, never inline.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post};
use chrono::{DateTime, SecondsFormat, Utc};
use hub::{HubError, Principal};
use incidents::CaseInput;
use serde::Deserialize;
use serde_json::{Value, json};
use store::incidents::{CaseData, CaseRecord, IncidentStore, NewEvidence, NewTask, StageRequestRecord, SubmissionRecord};

use crate::error::ApiError;
use crate::{AppState, blocking};

mod handoffs;
mod reports;
mod takedowns;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/incidents", get(list).post(create))
        .route("/api/v1/incidents/{id}", get(show).patch(update))
        .route("/api/v1/incidents/{id}/notes", post(add_note))
        .route("/api/v1/incidents/{id}/tasks", post(add_task))
        .route("/api/v1/incidents/{id}/tasks/{task}", patch(set_task))
        .route("/api/v1/incidents/{id}/links", post(add_link))
        .route("/api/v1/incidents/{id}/submissions", post(submit))
        .route("/api/v1/incidents/{id}/reports", get(reports::list))
        .route("/api/v1/incidents/{id}/reports/{stage}", get(reports::show).put(reports::save))
        .route("/api/v1/incidents/{id}/reports/{stage}/submit", post(reports::submit))
        .route("/api/v1/incidents/{id}/reports/{stage}/html", get(reports::html))
        .route("/api/v1/incidents/{id}/reports/{stage}/pdf", get(reports::pdf))
        .route("/api/v1/incidents/{id}/reports/{stage}/stix", get(reports::stix))
        .route("/api/v1/incidents/{id}/derivatives/{audience}", get(reports::derivative))
        .route("/api/v1/incidents/{id}/handoffs", get(handoffs::list_for_case).post(handoffs::hand_off))
        .route("/api/v1/incidents/{id}/handoffs/{handoff}/messages", post(handoffs::answer))
        .route("/api/v1/incidents/{id}/takedowns", get(takedowns::list).post(takedowns::add))
        .route("/api/v1/incidents/{id}/takedowns/{takedown}", patch(takedowns::set_status))
        .route("/api/v1/handoffs", get(handoffs::inbox))
        .route("/api/v1/handoffs/{handoff}", get(handoffs::show_received))
        .route("/api/v1/handoffs/{handoff}/ack", post(handoffs::acknowledge))
        .route("/api/v1/handoffs/{handoff}/messages", post(handoffs::ask))
        .route("/api/v1/handoffs/{handoff}/requests", post(handoffs::request_report))
        .route(
            "/api/v1/incidents/{id}/evidence",
            // The upload limit is the crate's, plus room for the refusal to name the size.
            post(upload).layer(DefaultBodyLimit::max(incidents::case::MAX_EVIDENCE_BYTES + 1)),
        )
        .route("/api/v1/incidents/{id}/evidence/{file}", get(download))
}

fn service(state: &AppState) -> Result<Arc<dyn IncidentStore>, ApiError> {
    state.incidents.clone().ok_or_else(|| {
        ApiError::problem(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable", "incident cases are not enabled on this hub")
    })
}

fn bad(e: incidents::CaseError) -> ApiError {
    ApiError::from_hub(HubError::BadRequest { field: e.field, reason: e.reason }, false)
}

/// Parses a JSON body; a refusal names the field at fault (its path), or `body` for bad JSON.
fn parse_body<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path.is_empty() { "body".to_string() } else { path };
        ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("{field}: {}", e.inner())).with_field(&field)
    })
}

/// Reads a present JSON value, `null` included, as `Some`: on update, `"aware": null` clears a
/// time while leaving `aware` out keeps it.
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

fn not_found(id: i64) -> HubError {
    HubError::NotFound(format!("incident case {id} not found"))
}

/// The calling member and its organisation id; anonymous callers must authenticate.
async fn member(state: &AppState, headers: &HeaderMap) -> Result<(Principal, i64), ApiError> {
    super::members_only(state, headers, "incident cases").await
}

/// Refuses a write the roles table does not allow, and audits the refusal.
async fn may_edit(state: &AppState, who: &Principal, target: &str) -> Result<(), ApiError> {
    super::may_edit_as(state, who, "incident.edit", target).await
}

/// Appends one audit line; a failure to write it is logged, never shown to the caller.
async fn audit(state: &AppState, who: &Principal, action: &str, target: &str, outcome: &str, detail: &str) {
    super::audit_line(state, who, action, target, outcome, detail).await
}

fn target(id: i64) -> String {
    format!("incident:{id}")
}

/// Runs a store call off the async threads, mapping its failure once.
async fn run<T: Send + 'static>(f: impl FnOnce() -> Result<T, store::StoreError> + Send + 'static) -> Result<T, ApiError> {
    blocking(move || {
        f().map_err(|e| match e {
            store::StoreError::NotFound { what, name } => HubError::NotFound(format!("{what} {name} not found")),
            e => HubError::Store(e),
        })
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))
}

/// The case `id` of the caller's organisation, or 404 (another organisation's case included).
async fn load(store: &Arc<dyn IncidentStore>, org: i64, id: i64) -> Result<CaseRecord, ApiError> {
    let s = store.clone();
    run(move || s.case(org, id)).await?.ok_or_else(|| ApiError::from_hub(not_found(id), false))
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

use portal::{case_data as data, case_fields as fields};

/// The stages a case has submitted, by stage id, as the engine takes them.
pub fn submitted_map(subs: &[SubmissionRecord]) -> BTreeMap<String, String> {
    subs.iter().map(|s| (s.stage.clone(), s.submitted_at.clone())).collect()
}

/// The case's clock as the API answers it: each stage's deadline in UTC and in the
/// organisation's zone, its submission if any, and its state (`pending`, `overdue`,
/// `submitted`, `submitted-late`, `unknown`, `not-owed`); `null` until `aware` is known.
pub fn clock_json(d: &CaseData, subs: &[SubmissionRecord], reqs: &[StageRequestRecord], now: DateTime<Utc>) -> Value {
    let sent = submitted_map(subs);
    match incidents::case_clock(&fields(d), &sent, &portal::requested_map(reqs), now) {
        Ok(None) => Value::Null,
        Ok(Some(clock)) => {
            let stages: Vec<Value> = clock
                .deadlines
                .iter()
                .map(|s| {
                    let submitted = sent.get(&s.stage).and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.to_utc());
                    let state = incidents::stage_state(s, submitted, now);
                    json!({
                        "stage": s.stage,
                        "applies": s.applies,
                        "due": s.due.map(utc),
                        "due_local": s.due.map(|t| t.with_timezone(&clock.zone).to_rfc3339_opts(SecondsFormat::Secs, false)),
                        "submitted": submitted.map(utc),
                        "on_request": s.on_request,
                        "requested": s.requested.map(utc),
                        "state": state.code(),
                        "overdue": state == incidents::StageState::Overdue,
                    })
                })
                .collect();
            json!({"jurisdiction": clock.jurisdiction, "confirmed": clock.confirmed, "zone": clock.zone.name(), "stages": stages})
        }
        // Stored times were checked when written; a clock that cannot be computed now is shown
        // as such rather than failing the whole case.
        Err(e) => json!({"error": e.to_string()}),
    }
}

/// A request of an on-request stage as the API answers it (the requesting user is the CSIRT's,
/// shown to the post as the hand-off's CSIRT).
pub(crate) fn request_json(r: &StageRequestRecord) -> Value {
    json!({"stage": r.stage, "handoff": r.handoff_id, "requested_at": r.requested_at, "requested_by": r.requested_by, "due": r.due, "note": r.note})
}

fn case_json(c: &CaseRecord, subs: &[SubmissionRecord], reqs: &[StageRequestRecord], now: DateTime<Utc>) -> Value {
    let d = &c.data;
    let clock = clock_json(d, subs, reqs, now);
    let overdue = clock["stages"].as_array().is_some_and(|st| st.iter().any(|s| s["overdue"] == true));
    json!({
        "id": c.id,
        "title": d.title, "summary": d.summary,
        "classification": d.classification, "severity": d.severity,
        "impact": {"services": d.services, "users_affected": d.users_affected, "cross_border": d.cross_border},
        "suspected_malicious": d.suspected_malicious,
        "detected": d.detected, "aware": d.aware, "contained": d.contained, "resolved": d.resolved,
        "jurisdiction": d.jurisdiction, "zone": d.zone,
        "created_at": c.created_at, "created_by": c.created_by, "updated_at": c.updated_at,
        "exercise": c.exercise,
        "submissions": subs.iter().map(|s| json!({"stage": s.stage, "submitted_at": s.submitted_at, "recorded_by": s.recorded_by, "recorded_at": s.recorded_at})).collect::<Vec<_>>(),
        "requests": reqs.iter().map(request_json).collect::<Vec<_>>(),
        "clock": clock,
        "overdue": overdue,
    })
}

/// A case as the API receives it; on update, absent fields keep their stored value.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseBody {
    title: Option<String>,
    summary: Option<String>,
    classification: Option<String>,
    severity: Option<String>,
    services: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    users_affected: Option<Option<i64>>,
    cross_border: Option<String>,
    suspected_malicious: Option<String>,
    #[serde(default, deserialize_with = "present")]
    detected: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    aware: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    contained: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    resolved: Option<Option<String>>,
    jurisdiction: Option<String>,
    zone: Option<String>,
}

impl CaseBody {
    /// The input this body makes over `base` (the stored case, or defaults for a new one).
    fn over(self, base: &CaseData) -> CaseInput {
        CaseInput {
            title: self.title.unwrap_or_else(|| base.title.clone()),
            summary: self.summary.unwrap_or_else(|| base.summary.clone()),
            classification: self.classification.unwrap_or_else(|| base.classification.clone()),
            severity: self.severity.unwrap_or_else(|| base.severity.clone()),
            services: self.services.unwrap_or_else(|| base.services.clone()),
            users_affected: self.users_affected.unwrap_or(base.users_affected),
            cross_border: self.cross_border.unwrap_or_else(|| base.cross_border.clone()),
            suspected_malicious: self.suspected_malicious.unwrap_or_else(|| base.suspected_malicious.clone()),
            detected: self.detected.unwrap_or_else(|| base.detected.clone()),
            aware: self.aware.unwrap_or_else(|| base.aware.clone()),
            contained: self.contained.unwrap_or_else(|| base.contained.clone()),
            resolved: self.resolved.unwrap_or_else(|| base.resolved.clone()),
            jurisdiction: self.jurisdiction.unwrap_or_else(|| base.jurisdiction.clone()),
            zone: self.zone.unwrap_or_else(|| base.zone.clone()),
        }
    }
}

/// What a new case starts from: fields the caller leaves out are "not known yet".
pub fn new_case_defaults() -> CaseData {
    CaseData {
        classification: "other:undetermined".into(),
        severity: "unknown".into(),
        cross_border: "unknown".into(),
        suspected_malicious: "unknown".into(),
        jurisdiction: "eu".into(),
        zone: "UTC".into(),
        ..CaseData::default()
    }
}

fn now_text(now: DateTime<Utc>) -> String {
    incidents::case::utc_text(now)
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    let rows = run(move || {
        store
            .cases(org)?
            .into_iter()
            .map(|c| Ok(((store.submissions(c.id)?, store.stage_requests(c.id)?), c)))
            .collect::<Result<Vec<_>, _>>()
    })
    .await?;
    audit(&state, &who, "incident.list", &format!("org:{org}"), "ok", &format!("{} cases", rows.len())).await;
    let now = Utc::now();
    Ok(Json(json!({"incidents": rows.iter().map(|((subs, reqs), c)| case_json(c, subs, reqs, now)).collect::<Vec<_>>()})).into_response())
}

async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    may_edit(&state, &who, "incident:new").await?;
    let store = service(&state)?;
    let now = Utc::now();
    let input = parse_body::<CaseBody>(&body)?.over(&new_case_defaults());
    let checked = incidents::check_case(&input, now).map_err(bad)?;
    let actor = who.actor();
    let at = now_text(now);
    let case = run(move || store.create_case(org, &data(checked), &actor, &at)).await?;
    audit(&state, &who, "incident.create", &target(case.id), "ok", &case.data.classification).await;
    Ok((StatusCode::CREATED, Json(case_json(&case, &[], &[], now))).into_response())
}

async fn show(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    let case = load(&store, org, id).await?;
    let s = store.clone();
    let (notes, tasks, evidence, links, subs) =
        run(move || Ok((s.notes(id)?, s.tasks(id)?, s.evidence(id)?, s.links(id)?, s.submissions(id)?))).await?;
    let s = store.clone();
    let (reminders, reqs) = run(move || Ok((s.reminders(id)?, s.stage_requests(id)?))).await?;
    audit(&state, &who, "incident.view", &target(id), "ok", "").await;
    let mut body = case_json(&case, &subs, &reqs, Utc::now());
    body["reminders"] = reminders
        .iter()
        .map(|r| json!({"stage": r.stage, "kind": r.kind, "due": r.due, "sent_at": r.sent_at, "channel": r.channel}))
        .collect();
    body["notes"] = notes.iter().map(|n| json!({"id": n.id, "author": n.author, "at": n.at, "body": n.body})).collect();
    body["tasks"] = tasks
        .iter()
        .map(|t| json!({"id": t.id, "title": t.task.title, "owner": t.task.owner, "due": t.task.due, "done": t.done}))
        .collect();
    body["evidence"] = evidence
        .iter()
        .map(|e| {
            json!({"id": e.id, "filename": e.filename, "size": e.size, "sha256": e.sha256,
                   "uploaded_by": e.uploaded_by, "uploaded_at": e.uploaded_at,
                   "href": format!("/api/v1/incidents/{id}/evidence/{}", e.id)})
        })
        .collect();
    body["links"] = links.iter().map(|l| json!({"stix_id": l.stix_id, "added_by": l.added_by, "added_at": l.added_at})).collect();
    Ok(Json(body).into_response())
}

async fn update(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    let current = load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let now = Utc::now();
    let input = parse_body::<CaseBody>(&body)?.over(&current.data);
    let checked = incidents::check_case(&input, now).map_err(bad)?;
    let s = store.clone();
    let (subs, reqs) = run(move || Ok((s.submissions(id)?, s.stage_requests(id)?))).await?;
    // The new times must still agree with the stages already submitted (none before `aware`)
    // and the stages requested (no request before `aware`).
    incidents::case_clock(&checked, &submitted_map(&subs), &portal::requested_map(&reqs), now)
        .map_err(|e| bad(incidents::CaseError { field: e.field, reason: e.reason }))?;
    let at = now_text(now);
    let case = run(move || store.update_case(org, id, &data(checked), &at)).await?;
    audit(&state, &who, "incident.update", &target(id), "ok", "").await;
    Ok(Json(case_json(&case, &subs, &reqs, now)).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteBody {
    body: String,
}

async fn add_note(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let text = incidents::check_note(&parse_body::<NoteBody>(&body)?.body).map_err(bad)?;
    let (actor, at) = (who.actor(), now_text(Utc::now()));
    let n = run(move || store.add_note(id, &actor, &at, &text)).await?;
    audit(&state, &who, "incident.note.add", &target(id), "ok", &format!("note {}", n.id)).await;
    Ok((StatusCode::CREATED, Json(json!({"id": n.id, "author": n.author, "at": n.at, "body": n.body}))).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskBody {
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
}

async fn add_task(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let b: TaskBody = parse_body(&body)?;
    let t = incidents::check_task(&incidents::TaskInput { title: b.title, owner: b.owner, due: b.due }).map_err(bad)?;
    let new = NewTask { case_id: id, title: t.title, owner: t.owner, due: t.due, created_at: now_text(Utc::now()) };
    let t = run(move || store.add_task(&new)).await?;
    audit(&state, &who, "incident.task.add", &target(id), "ok", &format!("task {}", t.id)).await;
    let answer = json!({"id": t.id, "title": t.task.title, "owner": t.task.owner, "due": t.task.due, "done": t.done});
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TaskPatch {
    done: bool,
}

async fn set_task(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, task)): Path<(i64, i64)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let done = parse_body::<TaskPatch>(&body)?.done;
    let t = run(move || store.set_task_done(id, task, done)).await?;
    audit(&state, &who, "incident.task.update", &target(id), "ok", &format!("task {task} done={done}")).await;
    Ok(Json(json!({"id": t.id, "title": t.task.title, "owner": t.task.owner, "due": t.task.due, "done": t.done})).into_response())
}

/// True when `who` may read the object `id` in one of the collections it reads: a case never
/// names an object its organisation could not see (TLP is decided by the hub's reads).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkBody {
    stix_id: String,
}

async fn add_link(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let stix_id = incidents::check_stix_id(&parse_body::<LinkBody>(&body)?.stix_id).map_err(bad)?;
    let (hub, w, key) = (state.hub.clone(), who.clone(), stix_id.clone());
    if !blocking(move || hub.readable_object(&w, &key)).await.map_err(|e| ApiError::from_hub(e, false))? {
        // One answer whether the object does not exist or the caller may not read it.
        let reason = format!("{stix_id}: no indicator or sighting your organisation may read has this id");
        return Err(ApiError::from_hub(HubError::BadRequest { field: "stix_id".into(), reason }, false));
    }
    let (actor, at, key) = (who.actor(), now_text(Utc::now()), stix_id.clone());
    let added = run(move || store.link(id, &key, &actor, &at)).await?;
    audit(&state, &who, "incident.link.add", &target(id), "ok", &stix_id).await;
    let status = if added { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(json!({"stix_id": stix_id, "added": added}))).into_response())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SubmitBody {
    stage: String,
    /// When the report was submitted (RFC 3339 with offset); now when absent.
    submitted_at: Option<String>,
}

/// Records that a reporting stage was submitted: the stage's saved report must be complete (the
/// same rules as `/reports/{stage}/submit`); the stages chained on it get their deadlines.
async fn submit(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Response, ApiError> {
    let b: SubmitBody = parse_body(&body)?;
    reports::submit_stage(&state, &headers, id, b.stage, None, b.submitted_at).await
}

#[derive(Debug, Deserialize)]
struct UploadQuery {
    #[serde(default)]
    filename: String,
}

async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let facts = incidents::check_evidence(&q.filename, &body).map_err(bad)?;
    let new = NewEvidence {
        case_id: id,
        filename: facts.filename,
        sha256: facts.sha256,
        content: body.to_vec(),
        uploaded_by: who.actor(),
        uploaded_at: now_text(Utc::now()),
    };
    let e = run(move || store.add_evidence(&new)).await?;
    audit(&state, &who, "incident.evidence.add", &target(id), "ok", &format!("{} sha256:{}", e.filename, e.sha256)).await;
    let answer = json!({"id": e.id, "filename": e.filename, "size": e.size, "sha256": e.sha256,
                        "href": format!("/api/v1/incidents/{id}/evidence/{}", e.id)});
    Ok((StatusCode::CREATED, Json(answer)).into_response())
}

async fn download(State(state): State<AppState>, headers: HeaderMap, Path((id, file)): Path<(i64, i64)>) -> Result<Response, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    load(&store, org, id).await?;
    let found = run(move || store.evidence_content(id, file)).await?;
    let Some((e, bytes)) = found else {
        return Err(ApiError::from_hub(HubError::NotFound(format!("evidence {file} not found")), false));
    };
    audit(&state, &who, "incident.evidence.download", &target(id), "ok", &format!("{} sha256:{}", e.filename, e.sha256)).await;
    evidence_response(&e.filename, &e.sha256, bytes)
}

/// An evidence file as a download: never rendered (octet-stream, attachment, nosniff, and a CSP
/// that sandboxes it should a browser try anyway), with its recorded digest.
pub fn evidence_response(filename: &str, sha256: &str, bytes: Vec<u8>) -> Result<Response, ApiError> {
    let mut resp = portal::file_download(filename, bytes);
    let digest = HeaderValue::from_str(sha256).unwrap_or(HeaderValue::from_static(""));
    resp.headers_mut().insert("x-evidence-sha256", digest);
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_keeps_what_it_does_not_name() {
        let base = CaseData { title: "Old".into(), aware: Some("2026-12-07T08:00:00.000Z".into()), ..new_case_defaults() };
        let body: CaseBody = serde_json::from_str(r#"{"title": "New", "detected": null}"#).expect("body");
        let input = body.over(&CaseData { detected: Some("2026-12-07T07:00:00.000Z".into()), ..base });
        assert_eq!((input.title.as_str(), input.detected, input.aware.as_deref()), ("New", None, Some("2026-12-07T08:00:00.000Z")));
        assert!(serde_json::from_str::<CaseBody>(r#"{"titel": "typo"}"#).is_err(), "unknown fields are refused");
    }
}
