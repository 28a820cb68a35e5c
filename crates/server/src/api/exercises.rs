//! Joint exercises under `/api/v1/exercises`: the shipped scenarios, starting a run with its
//! participating organisations and their roles, its status (the injects fallen due for the
//! caller's role on the compressed clock), the score board from the audit trail and the
//! facilitator's marks, incident cases played in it, its end, and the after-action report
//! with its improvement plan (each action becomes a task of the owner's exercise case).
//!
//! Only participants see a run: any other organisation gets the same 404 as for a run that
//! does not exist. Writes need the roles table's `EditIncidents`; marking and ending are the
//! running organisation's (the facilitator's). A run gets its own collection, readable and
//! writable by the participants only, that the hub keeps out of live feeds, link verdicts and
//! federation (`Hub::exercise_collections`).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use chrono::{DateTime, SecondsFormat, Utc};
use exercises::{AuditEvent, Board, Clock, ImprovementAction, Mark, Run, Scenario};
use hub::{HubError, Principal};
use serde::Deserialize;
use serde_json::{Value, json};
use store::exercises::{ExerciseRecord, ExerciseStore, NewExercise, RunStatus};

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

fn not_found(id: i64) -> ApiError {
    ApiError::from_hub(HubError::NotFound(format!("exercise {id} not found")), false)
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

/// Runs a store call off the async threads, mapping its failure once.
async fn run<T: Send + 'static>(f: impl FnOnce() -> Result<T, store::StoreError> + Send + 'static) -> Result<T, ApiError> {
    blocking(move || {
        f().map_err(|e| match e {
            store::StoreError::NotFound { what, name } => HubError::NotFound(format!("{what} {name} not found")),
            store::StoreError::Duplicate { .. } | store::StoreError::Conflict(_) => HubError::Conflict(e.to_string()),
            e => HubError::Store(e),
        })
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))
}

/// The run `id` if the caller's organisation takes part, or 404 (another's run included).
async fn load(state: &AppState, org: i64, id: i64) -> Result<ExerciseRecord, ApiError> {
    let s = service(state)?;
    let rec = run(move || s.exercise(id)).await?;
    rec.filter(|r| r.role_of(org).is_some()).ok_or_else(|| not_found(id))
}

/// The run's scenario; a scenario no longer shipped is the server's fault, not the caller's.
fn scenario_of(rec: &ExerciseRecord) -> Result<Scenario, ApiError> {
    exercises::shipped_in(&rec.scenario, &rec.language).map_err(|e| {
        tracing::error!(error = %e, exercise = rec.id, "an exercise's scenario is not shipped");
        ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "the exercise's scenario is not available")
    })
}

fn clock_of(rec: &ExerciseRecord) -> Result<Clock, ApiError> {
    let start = DateTime::parse_from_rfc3339(&rec.started_at).map(|t| t.to_utc()).ok();
    start.and_then(|s| Clock::new(s, rec.speed)).ok_or_else(|| {
        ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", "the exercise's stored clock is unreadable")
    })
}

/// The instant a run is scored at: now while it runs, its end once ended.
fn scoring_instant(rec: &ExerciseRecord, now: DateTime<Utc>) -> DateTime<Utc> {
    rec.ended_at.as_deref().and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map_or(now, |t| t.to_utc())
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
    let clock = clock_of(rec)?;
    Ok(json!({
        "id": rec.id,
        "scenario": rec.scenario,
        "title": s.title,
        "language": rec.language,
        "status": rec.status.name(),
        "started_at": rec.started_at,
        "ended_at": rec.ended_at,
        "speed": rec.speed,
        "minute": clock.minute_at(scoring_instant(rec, now)),
        "duration": s.duration,
        "collection": rec.collection,
        "owner": rec.participants.iter().find(|p| p.org_id == rec.owner_org_id).map(|p| p.org_name.clone()),
        "participants": rec.participants.iter().map(|p| json!({"org": p.org_name, "role": p.role})).collect::<Vec<_>>(),
    }))
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (_, org) = member(&state, &headers).await?;
    let s = service(&state)?;
    let runs = run(move || s.exercises_of(org)).await?;
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

/// Checks a start request against the scenario; returns the participants as (org id, name, role).
fn check_start(state: &AppState, who: &Principal, b: &StartBody, s: &Scenario) -> Result<Vec<(i64, String, String)>, ApiError> {
    if Clock::new(Utc::now(), b.speed).is_none() {
        return Err(bad("speed", format!("must be 1 to {}", exercises::clock::MAX_SPEED)));
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, p) in b.participants.iter().enumerate() {
        if !s.roles.contains(&p.role) {
            return Err(bad(&format!("participants[{i}].role"), format!("the scenario's roles are {}", s.roles.join(", "))));
        }
        let org = state.hub.org(p.org.trim()).map_err(|_| {
            bad(&format!("participants[{i}].org"), format!("no organisation `{}`", p.org.chars().take(80).collect::<String>()))
        })?;
        if !seen.insert(org.id) {
            return Err(bad(&format!("participants[{i}].org"), "an organisation takes part once"));
        }
        out.push((org.id, org.name, p.role.clone()));
    }
    let me = who.org().map(|o| o.id);
    if !out.iter().any(|(id, _, _)| Some(*id) == me) {
        return Err(bad("participants", "the organisation starting the exercise must take part in it"));
    }
    Ok(out)
}

async fn start(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<(StatusCode, Json<Value>), ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let store = service(&state)?;
    may_edit(&state, &who, "exercise:new").await?;
    let b: StartBody = parse_body(&body)?;
    let s = exercises::shipped_in(&b.scenario, &b.language).map_err(|e| bad("scenario", e.to_string()))?;
    let now = Utc::now();
    let started = match &b.start {
        None => now,
        Some(t) => DateTime::parse_from_rfc3339(t).map(|t| t.to_utc()).map_err(|e| bad("start", format!("not RFC 3339: {e}")))?,
    };
    let participants = check_start(&state, &who, &b, &s)?;
    let names: Vec<String> = participants.iter().map(|(_, n, _)| n.clone()).collect();
    // The run's own collection: participants only, never public, never a live feed.
    let spec = hub::CollectionSpec {
        title: format!("Exercise {} {}", s.id, uuid::Uuid::new_v4()),
        description: Some(format!("Exercise collection: {}", s.title)),
        read: hub::ReadGrant::Orgs(names.clone()),
        write: names,
        public: false,
    };
    let (hub, actor) = (state.hub.clone(), who.actor());
    let collection = blocking(move || hub.add_collection(&spec, &actor)).await.map_err(|e| ApiError::from_hub(e, false))?;
    let new = NewExercise {
        scenario: s.id.clone(),
        language: s.language.clone(),
        owner_org_id: org,
        participants: participants.iter().map(|(id, _, role)| (*id, role.clone())).collect(),
        started_at: started.to_rfc3339_opts(SecondsFormat::Millis, true),
        speed: b.speed,
        collection: Some(collection.id.clone()),
        created_by: who.actor(),
    };
    let rec = run(move || store.create_exercise(&new)).await?;
    audit(&state, &who, "exercise.start", &target(rec.id), "ok", &format!("{} {} collection {}", s.id, s.language, collection.id)).await;
    Ok((StatusCode::CREATED, Json(run_json(&rec, &s, now)?)))
}

async fn status(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    let s = scenario_of(&rec)?;
    let now = Utc::now();
    let clock = clock_of(&rec)?;
    let role = rec.role_of(org).unwrap_or_default().to_string();
    let injects: Vec<Value> = exercises::due_injects(&s, &clock, scoring_instant(&rec, now))
        .into_iter()
        .filter(|(i, _)| i.to.contains(&role))
        .map(|(i, at)| inject_json(i, at))
        .collect();
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

/// The audit lines that may score a run: written by a participant, about the run's own
/// incident cases (`incident.*` on `incident:<id>`) or its collection (`objects.add`). A
/// participant's live work never scores, and a live case never counts as played.
pub fn run_events(rec: &ExerciseRecord, cases: &[i64], entries: &[store::AuditEntry]) -> Vec<AuditEvent> {
    let orgs: BTreeSet<&str> = rec.participants.iter().map(|p| p.org_name.as_str()).collect();
    let case_targets: BTreeSet<String> = cases.iter().map(|c| format!("incident:{c}")).collect();
    entries
        .iter()
        .filter_map(|e| {
            let org = e.actor.strip_prefix("org:")?.split('/').next()?;
            if !orgs.contains(org) {
                return None;
            }
            let scoped = if e.action.starts_with("incident.") {
                case_targets.contains(&e.target)
            } else {
                e.action == "objects.add" && rec.collection.as_deref() == Some(e.target.as_str())
            };
            let at = DateTime::parse_from_rfc3339(&e.at).ok()?.to_utc();
            scoped.then(|| AuditEvent {
                seq: e.seq,
                at,
                org: org.to_string(),
                action: e.action.clone(),
                outcome: e.outcome.clone(),
                detail: e.detail.clone(),
            })
        })
        .collect()
}

/// Reads the audit trail and the marks, and scores the run at `now`.
pub fn board(hub: &hub::Hub, store: &dyn ExerciseStore, rec: &ExerciseRecord, now: DateTime<Utc>) -> Result<(Scenario, Board), ApiError> {
    let s = scenario_of(rec)?;
    let clock = clock_of(rec)?;
    let store_err = |e: store::StoreError| ApiError::from_hub(HubError::Store(e), false);
    let cases = store.exercise_cases(rec.id).map_err(store_err)?;
    let mut events = Vec::new();
    let mut after = 0;
    loop {
        let page = hub.audit_entries(after, 1000).map_err(|e| ApiError::from_hub(e, false))?;
        let Some(last) = page.last() else { break };
        after = last.seq;
        events.extend(run_events(rec, &cases, &page));
    }
    let marks = store
        .marks(rec.id)
        .map_err(store_err)?
        .into_iter()
        .filter_map(|m| {
            let at = DateTime::parse_from_rfc3339(&m.marked_at).ok()?.to_utc();
            Some(Mark { expectation: m.expectation, met: m.met, by: m.marked_by, at, note: m.note })
        })
        .collect::<Vec<_>>();
    let participants: BTreeMap<String, String> = rec.participants.iter().map(|p| (p.org_name.clone(), p.role.clone())).collect();
    let b = exercises::score(&s, &Run { clock, participants }, &events, &marks, scoring_instant(rec, now));
    Ok((s, b))
}

async fn score(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (_, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    let (hub, store) = (state.hub.clone(), service(&state)?);
    let (_, b) = blocking(move || Ok(board(&hub, &*store, &rec, Utc::now()))).await.map_err(|e| ApiError::from_hub(e, false))??;
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
    if rec.owner_org_id != org {
        audit(state, who, "exercise.facilitate", &target(id), "denied", "not the running organisation").await;
        return Err(ApiError::from_hub(HubError::Forbidden("only the organisation running the exercise facilitates it".into()), false));
    }
    Ok(rec)
}

async fn add_mark(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    let rec = facilitated(&state, &who, org, id).await?;
    let b: MarkBody = parse_body(&body)?;
    let s = scenario_of(&rec)?;
    if !s.expectations.iter().any(|e| e.id == b.expectation) {
        return Err(bad("expectation", format!("no expectation `{}` in the scenario", b.expectation.chars().take(80).collect::<String>())));
    }
    if b.note.len() > 2000 {
        return Err(bad("note", "at most 2000 bytes"));
    }
    let (store, actor, at) = (service(&state)?, who.actor(), store::now_rfc3339());
    let (exp, note) = (b.expectation.clone(), b.note.clone());
    let m = run(move || store.add_mark(id, &exp, b.met, &actor, &at, &note)).await?;
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
    if rec.status != RunStatus::Running {
        return Err(ApiError::from_hub(HubError::Conflict(format!("exercise {id} has ended")), false));
    }
    let b: CaseBody = parse_body(&body)?;
    let incidents = state.incidents.clone().ok_or_else(|| bad("case", "incident cases are not enabled on this hub"))?;
    let case = b.case;
    // Only a case of the caller's own organisation can be played.
    if run(move || incidents.case(org, case)).await?.is_none() {
        return Err(ApiError::from_hub(HubError::NotFound(format!("incident case {case} not found")), false));
    }
    let store = service(&state)?;
    run(move || store.add_case(id, case)).await?;
    audit(&state, &who, "exercise.case.add", &target(id), "ok", &format!("incident:{case}")).await;
    Ok(Json(json!({"exercise": id, "case": case, "exercise_case": true})))
}

async fn end(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (who, org) = member(&state, &headers).await?;
    facilitated(&state, &who, org, id).await?;
    let store = service(&state)?;
    let at = store::now_rfc3339();
    let rec = run(move || store.end_exercise(id, &at)).await?;
    let tasks = plan_tasks(&state, &rec).await?;
    audit(&state, &who, "exercise.end", &target(id), "ok", &format!("{tasks} improvement tasks")).await;
    report_json(&state, rec).await.map(Json)
}

/// Drafts the improvement plan and adds each action as a task of an exercise case of the
/// organisation playing its owner role (its first case); returns how many tasks were added.
async fn plan_tasks(state: &AppState, rec: &ExerciseRecord) -> Result<usize, ApiError> {
    let Some(incidents) = state.incidents.clone() else { return Ok(0) };
    let (hub, store, r) = (state.hub.clone(), service(state)?, rec.clone());
    let (_, plan) = plan(hub, store.clone(), r.clone()).await?;
    let cases = run(move || store.exercise_cases(r.id)).await?;
    let mut added = 0;
    for a in plan {
        for p in rec.participants.iter().filter(|p| p.role == a.owner) {
            let (inc, owner_org, pid) = (incidents.clone(), p.org_id, p.org_name.clone());
            let cs = cases.clone();
            let first = run(move || {
                for c in cs {
                    if inc.case(owner_org, c)?.is_some() {
                        return Ok(Some(c));
                    }
                }
                Ok(None)
            })
            .await?;
            let Some(case_id) = first else { continue };
            let task = store::incidents::NewTask {
                case_id,
                title: a.text.clone(),
                owner: pid,
                due: Some(a.due.to_string()),
                created_at: store::now_rfc3339(),
            };
            let inc = incidents.clone();
            run(move || inc.add_task(&task)).await?;
            added += 1;
        }
    }
    Ok(added)
}

async fn plan(hub: hub::Hub, store: Arc<dyn ExerciseStore>, rec: ExerciseRecord) -> Result<(Board, Vec<ImprovementAction>), ApiError> {
    blocking(move || {
        Ok(board(&hub, &*store, &rec, Utc::now()).map(|(s, b)| {
            let ended = scoring_instant(&rec, Utc::now()).date_naive();
            let actions = exercises::draft_actions(&s, &b, ended);
            (b, actions)
        }))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?
}

/// The after-action report: the run, its score board and the improvement plan, each action
/// with the organisations playing its owner role.
pub async fn report_json(state: &AppState, rec: ExerciseRecord) -> Result<Value, ApiError> {
    let s = scenario_of(&rec)?;
    let (b, actions) = plan(state.hub.clone(), service(state)?, rec.clone()).await?;
    let owners = |role: &str| -> Vec<String> { rec.participants.iter().filter(|p| p.role == role).map(|p| p.org_name.clone()).collect() };
    let plan: Vec<Value> = actions
        .iter()
        .map(|a| json!({"expectation": a.expectation, "action": a.text, "owner_role": a.owner, "owners": owners(&a.owner), "due": a.due.to_string()}))
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
    use axum::response::IntoResponse;
    let (who, org) = member(&state, &headers).await?;
    let rec = load(&state, org, id).await?;
    if format != "html" && format != "pdf" {
        return Err(bad("format", "html or pdf"));
    }
    let s = scenario_of(&rec)?;
    let (b, actions) = plan(state.hub.clone(), service(&state)?, rec.clone()).await?;
    let owners = |role: &str| -> Vec<String> { rec.participants.iter().filter(|p| p.role == role).map(|p| p.org_name.clone()).collect() };
    let doc = exercises::report::AfterAction {
        run: rec.id,
        language: &rec.language,
        title: &s.title,
        started_at: &rec.started_at,
        ended_at: rec.ended_at.as_deref(),
        participants: rec.participants.iter().map(|p| (p.org_name.clone(), p.role.clone())).collect(),
        board: &b,
        plan: actions.iter().map(|a| (a.text.clone(), owners(&a.owner), a.due.to_string())).collect(),
    };
    audit(&state, &who, "exercise.report.export", &target(id), "ok", &format).await;
    let name = format!("attachment; filename=\"exercise-{id}-after-action.{format}\"");
    Ok(match format.as_str() {
        "pdf" => (
            [(axum::http::header::CONTENT_TYPE, "application/pdf".to_string()), (axum::http::header::CONTENT_DISPOSITION, name)],
            exercises::report::render_pdf(&doc),
        )
            .into_response(),
        _ => (
            [
                (axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8".to_string()),
                (axum::http::header::CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'unsafe-inline'".to_string()),
            ],
            exercises::report::render_html(&doc),
        )
            .into_response(),
    })
}
