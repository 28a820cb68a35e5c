//! Joint exercises under `/api/v1/exercises`: the shipped scenarios, starting a run with its
//! participating organisations and their roles, its status (the injects fallen due for the
//! caller's role on the compressed clock), the score board from the audit trail and the
//! facilitator's marks, incident cases played in it, its end, and the after-action report
//! with its improvement plan (each action becomes a task of the owner's exercise case at the
//! end, and the facilitator can add one to another of its cases of the run).
//!
//! Only participants see a run: any other organisation gets the same 404 as for a run that
//! does not exist. Writes need the roles table's `EditIncidents`; marking and ending are the
//! running organisation's (the facilitator's). A run gets its own collection, readable and
//! writable by the participants only, that the hub keeps out of live feeds, link verdicts and
//! federation (`Hub::exercise_collections`). The rules are the portal's exercise service
//! (`portal::exercise_service`), shared with the members' exercise pages.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use chrono::{DateTime, SecondsFormat, Utc};
use exercises::Scenario;
use hub::{HubError, Principal};
use portal::exercise_service as rules;
use serde::Deserialize;
use serde_json::{Value, json};
use store::exercises::{ExerciseRecord, ExerciseStore};

use crate::error::ApiError;
use crate::{AppState, blocking};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/exercises/scenarios", get(scenarios))
        .route("/api/v1/exercises", get(list).post(start))
        .route("/api/v1/exercises/{id}", get(status))
        .route("/api/v1/exercises/{id}/score", get(score))
        .route("/api/v1/exercises/{id}/marks", post(add_mark))
        .route("/api/v1/exercises/{id}/cases", post(add_case))
        .route("/api/v1/exercises/{id}/end", post(end))
        .route("/api/v1/exercises/{id}/plan/tasks", post(plan_task))
        .route("/api/v1/exercises/{id}/report", get(report))
        .route("/api/v1/exercises/{id}/report/{format}", get(report_file))
}

fn service(state: &AppState) -> Result<Arc<dyn ExerciseStore>, ApiError> {
    state
        .exercises
        .clone()
        .ok_or_else(|| ApiError::problem(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable", "exercises are not enabled on this hub"))
}

fn bad(field: &str, reason: impl Into<String>) -> ApiError {
    ApiError::from_hub(HubError::BadRequest { field: field.into(), reason: reason.into() }, false)
}

fn utc(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
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

/// The calling member and its organisation id; anonymous callers must authenticate.
async fn member(state: &AppState, headers: &HeaderMap) -> Result<(Principal, i64), ApiError> {
    super::members_only(state, headers, "exercises").await
}

/// Refuses a write the roles table does not allow, and audits the refusal.
async fn may_edit(state: &AppState, who: &Principal, target: &str) -> Result<(), ApiError> {
    super::may_edit_as(state, who, "exercise.edit", target).await
}

/// Appends one audit line; a failure to write it is logged, never shown to the caller.
async fn audit(state: &AppState, who: &Principal, action: &str, target: &str, outcome: &str, detail: &str) {
    super::audit_line(state, who, action, target, outcome, detail).await
}

fn target(id: i64) -> String {
    format!("exercise:{id}")
}

/// Runs blocking exercise work off the async threads, mapping its failure once.
async fn run<T: Send + 'static>(f: impl FnOnce() -> Result<T, HubError> + Send + 'static) -> Result<T, ApiError> {
    blocking(f).await.map_err(|e| ApiError::from_hub(e, false))
}

/// The run `id` if the caller's organisation takes part, or 404 (another's run included).
async fn load(state: &AppState, org: i64, id: i64) -> Result<ExerciseRecord, ApiError> {
    let s = service(state)?;
    run(move || rules::visible(&*s, org, id)).await
}

fn scenario_of(rec: &ExerciseRecord) -> Result<Scenario, ApiError> {
    rules::scenario_of(rec).map_err(|e| ApiError::from_hub(e, false))
}

#[derive(Debug, Deserialize)]
struct LangQuery {
    lang: Option<String>,
}

async fn scenarios(Query(q): Query<LangQuery>) -> Result<Json<Value>, ApiError> {
    let lang = q.lang.unwrap_or_else(|| "en".into());
    let all = exercises::shipped().map_err(|e| {
        tracing::error!(error = %e, "the shipped scenarios do not load");
        ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "the shipped scenarios do not load")
    })?;
    let list: Vec<Value> = all.iter().filter(|s| s.language == lang).map(scenario_json).collect();
    if list.is_empty() {
        return Err(bad("lang", format!("no scenario in language `{}`", lang.chars().take(10).collect::<String>())));
    }
    Ok(Json(json!({ "scenarios": list })))
}

pub fn scenario_json(s: &Scenario) -> Value {
    json!({
        "id": s.id,
        "version": s.version,
        "language": s.language,
        "title": s.title,
        "summary": s.summary,
        "duration": s.duration,
        "roles": s.roles,
        "modules": s.modules.iter().map(|m| json!({"id": m.id, "title": m.title})).collect::<Vec<_>>(),
        "injects": s.injects.len(),
        "expectations": s.expectations.len(),
        "automatic_percent": s.automatic_percent(),
    })
}

fn run_json(rec: &ExerciseRecord, s: &Scenario, now: DateTime<Utc>) -> Result<Value, ApiError> {
    let clock = rules::clock_of(rec).map_err(|e| ApiError::from_hub(e, false))?;
    Ok(json!({
        "id": rec.id,
        "scenario": rec.scenario,
        "title": s.title,
        "language": rec.language,
        "status": rec.status.name(),
        "started_at": rec.started_at,
        "ended_at": rec.ended_at,
        "speed": rec.speed,
        "minute": clock.minute_at(rules::scoring_instant(rec, now)),
        "duration": s.duration,
        "collection": rec.collection,
        "owner": rec.participants.iter().find(|p| p.org_id == rec.owner_org_id).map(|p| p.org_name.clone()),
        "participants": rec.participants.iter().map(|p| json!({"org": p.org_name, "role": p.role})).collect::<Vec<_>>(),
    }))
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (_, org) = member(&state, &headers).await?;
    let s = service(&state)?;
    let runs = run(move || s.exercises_of(org).map_err(rules::store_error)).await?;
    let now = Utc::now();
    let mut out = Vec::new();
    for r in &runs {
        out.push(run_json(r, &scenario_of(r)?, now)?);
    }
    Ok(Json(json!({ "exercises": out })))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StartBody {
    scenario: String,
    #[serde(default = "english")]
    language: String,
    #[serde(default = "real_time")]
    speed: u32,
    /// RFC 3339; default now.
    start: Option<String>,
    participants: Vec<ParticipantBody>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ParticipantBody {
    org: String,
    role: String,
}

fn english() -> String {
    "en".into()
}

fn real_time() -> u32 {
    1
}

async fn start(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<(StatusCode, Json<Value>), ApiError> {
    let (who, _) = member(&state, &headers).await?;
    let store = service(&state)?;
    may_edit(&state, &who, "exercise:new").await?;
    let b: StartBody = parse_body(&body)?;
    let start = match &b.start {
        None => None,
        Some(t) => Some(DateTime::parse_from_rfc3339(t).map(|t| t.to_utc()).map_err(|e| bad("start", format!("not RFC 3339: {e}")))?),
    };
    let req = rules::StartRequest {
        scenario: b.scenario,
        language: b.language,
        speed: b.speed,
        start,
        participants: b.participants.into_iter().map(|p| (p.org, p.role)).collect(),
    };
    let now = Utc::now();
    let (hub, actor) = (state.hub.clone(), who.clone());
    let (rec, s) = run(move || rules::start(&hub, &*store, &actor, &req, now)).await?;
    let detail = format!("{} {} collection {}", s.id, s.language, rec.collection.as_deref().unwrap_or("-"));
    audit(&state, &who, "exercise.start", &target(rec.id), "ok", &detail).await;
    Ok((StatusCode::CREATED, Json(run_json(&rec, &s, now)?)))
}

async fn status(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    let s = scenario_of(&rec)?;
    let now = Utc::now();
    let role = rec.role_of(org).unwrap_or_default().to_string();
    let due = rules::injects_for(&rec, &s, org, now).map_err(|e| ApiError::from_hub(e, false))?;
    let injects: Vec<Value> = due.into_iter().map(|(i, at)| inject_json(i, at)).collect();
    let mut out = run_json(&rec, &s, now)?;
    out["role"] = role.into();
    out["injects"] = injects.into();
    audit(&state, &who, "exercise.view", &target(id), "ok", "").await;
    Ok(Json(out))
}

pub fn inject_json(i: &exercises::Inject, at: DateTime<Utc>) -> Value {
    let mut v = json!({
        "id": i.id, "module": i.module, "minute": i.due, "at": utc(at), "title": i.title, "body": i.body,
    });
    match &i.kind {
        exercises::InjectKind::Text => v["kind"] = "text".into(),
        exercises::InjectKind::Message { sender, message } => {
            v["kind"] = "message".into();
            v["sender"] = sender.clone().into();
            v["message"] = message.clone().into();
        }
        exercises::InjectKind::Indicator { indicator_type, value } => {
            v["kind"] = "indicator".into();
            v["indicator_type"] = indicator_type.clone().into();
            v["value"] = value.clone().into();
        }
        exercises::InjectKind::Posture { domain, finding } => {
            v["kind"] = "posture".into();
            v["domain"] = domain.clone().into();
            v["finding"] = finding.clone().into();
        }
        exercises::InjectKind::Call { caller, script } => {
            v["kind"] = "call".into();
            v["caller"] = caller.clone().into();
            v["script"] = script.clone().into();
        }
    }
    v
}

async fn score(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (_, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    let (hub, store) = (state.hub.clone(), service(&state)?);
    let (_, b) = run(move || rules::board(&hub, &*store, &rec, Utc::now())).await?;
    Ok(Json(json!(b)))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MarkBody {
    expectation: String,
    met: bool,
    #[serde(default)]
    note: String,
}

/// The run, if the caller's organisation runs it (is the facilitator) and may edit.
async fn facilitated(state: &AppState, who: &Principal, org: i64, id: i64) -> Result<ExerciseRecord, ApiError> {
    let rec = load(state, org, id).await?;
    may_edit(state, who, &target(id)).await?;
    if let Err(e) = rules::facilitator_only(&rec, org) {
        audit(state, who, "exercise.facilitate", &target(id), "denied", "not the running organisation").await;
        return Err(ApiError::from_hub(e, false));
    }
    Ok(rec)
}

async fn add_mark(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = facilitated(&state, &who, org, id).await?;
    let b: MarkBody = parse_body(&body)?;
    let (store, actor, at) = (service(&state)?, who.actor(), store::now_rfc3339());
    let m = run(move || rules::mark(&*store, &rec, &b.expectation, b.met, &b.note, &actor, &at)).await?;
    audit(&state, &who, "exercise.mark", &target(id), "ok", &format!("{} {}", m.expectation, if m.met { "met" } else { "missed" })).await;
    Ok(Json(json!({"expectation": m.expectation, "met": m.met, "by": m.marked_by, "at": m.marked_at, "note": m.note})))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CaseBody {
    case: i64,
}

async fn add_case(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    may_edit(&state, &who, &target(id)).await?;
    let b: CaseBody = parse_body(&body)?;
    let (store, incidents, case) = (service(&state)?, state.incidents.clone(), b.case);
    run(move || rules::add_case(&*store, incidents.as_deref(), &rec, org, case)).await?;
    audit(&state, &who, "exercise.case.add", &target(id), "ok", &format!("incident:{case}")).await;
    Ok(Json(json!({"exercise": id, "case": case, "exercise_case": true})))
}

async fn end(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    facilitated(&state, &who, org, id).await?;
    let (hub, store, incidents) = (state.hub.clone(), service(&state)?, state.incidents.clone());
    let (rec, tasks) = run(move || rules::end(&hub, &*store, incidents.as_deref(), id, Utc::now())).await?;
    audit(&state, &who, "exercise.end", &target(id), "ok", &format!("{tasks} improvement tasks")).await;
    report_json(&state, rec).await.map(Json)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PlanTaskBody {
    expectation: String,
    case: i64,
}

/// The facilitator turns an improvement action of the ended run into a task of one of its
/// organisation's cases played in the run (the end already added each action to the first case
/// of the organisation owning it).
async fn plan_task(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: Bytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = facilitated(&state, &who, org, id).await?;
    let b: PlanTaskBody = parse_body(&body)?;
    let (hub, store, incidents, case) = (state.hub.clone(), service(&state)?, state.incidents.clone(), b.case);
    let exp = b.expectation.clone();
    let t = run(move || rules::action_task(&hub, &*store, incidents.as_deref(), &rec, org, &exp, case, Utc::now())).await?;
    audit(&state, &who, "exercise.plan.task", &target(id), "ok", &format!("{} incident:{case} task {}", b.expectation, t.id)).await;
    let task = json!({"id": t.id, "case": case, "title": t.task.title, "owner": t.task.owner, "due": t.task.due});
    Ok((StatusCode::CREATED, Json(task)))
}

/// The after-action report: the run, its score board and the improvement plan, each action
/// with the organisations playing its owner role.
pub async fn report_json(state: &AppState, rec: ExerciseRecord) -> Result<Value, ApiError> {
    let (hub, store, r) = (state.hub.clone(), service(state)?, rec.clone());
    let (s, b, actions) = run(move || rules::plan(&hub, &*store, &r, Utc::now())).await?;
    let plan: Vec<Value> = actions
        .iter()
        .map(|a| {
            json!({"expectation": a.expectation, "action": a.text, "owner_role": a.owner, "owners": rules::owners(&rec, &a.owner), "due": a.due.to_string()})
        })
        .collect();
    let mut out = run_json(&rec, &s, Utc::now())?;
    out["board"] = json!(b);
    out["improvement_plan"] = plan.into();
    Ok(out)
}

async fn report(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    audit(&state, &who, "exercise.report", &target(id), "ok", "").await;
    report_json(&state, rec).await.map(Json)
}

/// The after-action report as a standalone HTML page or a PDF, in the scenario's language.
async fn report_file(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, format)): Path<(i64, String)>,
) -> Result<axum::response::Response, ApiError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let (who, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    let (hub, store, f) = (state.hub.clone(), service(&state)?, format.clone());
    let file = run(move || rules::report_file(&hub, &*store, &rec, &f, Utc::now())).await?;
    audit(&state, &who, "exercise.report.export", &target(id), "ok", &format).await;
    let mut headers = vec![(header::CONTENT_TYPE, file.content_type.to_string())];
    if format == "pdf" {
        headers.push((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", file.file_name)));
    } else {
        headers.push((header::CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'".to_string()));
    }
    let mut resp = file.bytes.into_response();
    for (k, v) in headers {
        if let Ok(v) = axum::http::HeaderValue::from_str(&v) {
            resp.headers_mut().insert(k, v);
        }
    }
    Ok(resp)
}
