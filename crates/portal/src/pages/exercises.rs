//! The members' exercise pages: the shipped scenarios and the organisation's runs with a form to
//! start one, a run's page (the compressed clock, the injects fallen due for the viewer's role,
//! the cases played in it, the expectations with their evidence, and the facilitator's forms to
//! mark an expectation and end the run), and the hot-wash page after the end (score totals, the
//! improvement plan with the tasks it became and the facilitator's form to add an action to
//! another of its cases, the after-action report as HTML and PDF).
//!
//! The rules are [`service`], shared with the JSON API. Only participants see a run: any other
//! organisation gets the same 404 page as a run that does not exist. Plain forms, no script;
//! every view and change is written to the hub's audit log as `portal.exercise.*`.

use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Utc};
use exercises::{Board, ImprovementAction, Inject, InjectKind, Scenario};
use hub::HubError;
use minijinja::{Value, context};
use serde::Deserialize;
use store::exercises::{ExerciseRecord, ExerciseStore, RunStatus};

use super::members::{actor, member_for};
use crate::roles::Action;
use crate::{Ctx, Member, PortalState, blocking, member_or_login, see_other};

pub mod service;

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/exercises", get(list).post(start))
        .route("/members/exercises/{id}", get(view))
        .route("/members/exercises/{id}/marks", post(add_mark))
        .route("/members/exercises/{id}/cases", post(add_case))
        .route("/members/exercises/{id}/end", post(end))
        .route("/members/exercises/{id}/plan/tasks", post(plan_task))
        .route("/members/exercises/{id}/hotwash", get(hotwash))
        .route("/members/exercises/{id}/report/{format}", get(report_file))
}

macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

fn enabled(state: &PortalState, ctx: &Ctx) -> Result<Arc<dyn ExerciseStore>, Response> {
    state.exercises.clone().ok_or_else(|| state.portal.error(ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None))
}

/// Runs exercise work off the async workers; a failure becomes the matching error page.
async fn run<T: Send + 'static>(
    state: &PortalState,
    ctx: &Ctx,
    f: impl FnOnce() -> Result<T, HubError> + Send + 'static,
) -> Result<T, Response> {
    match blocking(f).await {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e)),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

/// Appends `portal.exercise.<action>` on `exercise:<id>` to the hub's audit log.
async fn audit(state: &PortalState, member: &Member, action: &str, id: i64, outcome: &str, detail: String) {
    let entry = store::NewAudit {
        actor: actor(member),
        action: format!("portal.exercise.{action}"),
        target: if id == 0 { "exercise:new".into() } else { format!("exercise:{id}") },
        outcome: outcome.into(),
        detail,
    };
    let hub = state.hub.clone();
    match blocking(move || hub.append_audit(&entry)).await {
        Some(Ok(())) => {}
        Some(Err(e)) => tracing::error!(error = %e, "writing an exercise audit line failed"),
        None => tracing::error!("writing an exercise audit line failed: the worker stopped"),
    }
}

/// The run `id` if the member's organisation takes part, or the 404 page.
async fn load(state: &PortalState, ctx: &Ctx, member: &Member, id: i64) -> Result<(Arc<dyn ExerciseStore>, ExerciseRecord), Response> {
    let store = enabled(state, ctx)?;
    let (s, org) = (store.clone(), member.org.id);
    let rec = run(state, ctx, move || service::visible(&*s, org, id)).await?;
    Ok((store, rec))
}

/// A time as the pages show it: machine-readable in `datetime`, in UTC for the reader.
fn time(t: DateTime<Utc>) -> Value {
    context! { iso => t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true), text => t.format("%Y-%m-%d %H:%M UTC").to_string() }
}

fn stored_time(text: &str) -> Option<Value> {
    DateTime::parse_from_rfc3339(text).ok().map(|t| time(t.to_utc()))
}

fn scenario_value(s: &Scenario) -> Value {
    context! {
        key => format!("{}:{}", s.id, s.language), id => &s.id, language => &s.language, title => &s.title,
        summary => &s.summary, duration => s.duration, roles => &s.roles,
        modules => s.modules.iter().map(|m| m.title.clone()).collect::<Vec<_>>(),
        injects => s.injects.len(), expectations => s.expectations.len(), automatic => s.automatic_percent(),
    }
}

fn run_row(rec: &ExerciseRecord, s: &Scenario, b: &Board) -> Value {
    context! {
        id => rec.id, title => &s.title, language => &rec.language, status => rec.status.name(),
        started => stored_time(&rec.started_at), ended => rec.ended_at.as_deref().and_then(stored_time),
        earned => b.totals.earned, possible => b.totals.possible,
        participants => rec.participants.iter().map(|p| context! { org => &p.org_name, role => &p.role }).collect::<Vec<_>>(),
    }
}

/// The list page's context: every shipped scenario, the organisation's runs with their score.
async fn list_page(state: &PortalState, ctx: &Ctx, member: &Member) -> Result<Value, Response> {
    let store = enabled(state, ctx)?;
    let (hub, org) = (state.hub.clone(), member.org.id);
    let (scenarios, runs) = run(state, ctx, move || {
        let scenarios = exercises::shipped().map_err(|e| HubError::Store(store::StoreError::Corrupt(e.to_string())))?;
        let runs = store.exercises_of(org).map_err(service::store_error)?;
        let now = Utc::now();
        // Each run reads only the audit lines about its own cases and collection.
        let scored =
            runs.iter().map(|r| service::board(&hub, &*store, r, now).map(|(s, b)| run_row(r, &s, &b))).collect::<Result<Vec<_>, _>>()?;
        Ok((scenarios, scored))
    })
    .await?;
    // In the scenarios' order (the post first), each once.
    let mut roles: Vec<String> = Vec::new();
    for r in scenarios.iter().flat_map(|s| s.roles.iter()) {
        if !roles.contains(r) {
            roles.push(r.clone());
        }
    }
    Ok(context! {
        scenarios => scenarios.iter().map(scenario_value).collect::<Vec<_>>(),
        runs => runs,
        roles => roles,
        max_speed => exercises::clock::MAX_SPEED,
        may_start => member.user.role.may_write(),
        own_org => &member.org.name,
    })
}

async fn list(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let page = try_page!(list_page(&state, &ctx, member).await);
    state.portal.page(&ctx, StatusCode::OK, "exercises.html", page)
}

/// A form's fields by name.
type Fields = Vec<(String, String)>;

fn field<'a>(form: &'a Fields, name: &str) -> &'a str {
    form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// The start form as the service reads it: `scenario` is `<id>:<language>`, participants are
/// the rows `org_N`/`role_N` whose organisation is filled in.
fn start_request(form: &Fields) -> Result<service::StartRequest, HubError> {
    let (scenario, language) = field(form, "scenario").split_once(':').unwrap_or((field(form, "scenario"), "en"));
    let speed = field(form, "speed").trim();
    let speed =
        speed.parse().map_err(|_| HubError::BadRequest { field: "speed".into(), reason: format!("`{speed}` is not a whole number") })?;
    let participants = (0..4)
        .map(|i| (field(form, &format!("org_{i}")).trim().to_string(), field(form, &format!("role_{i}")).to_string()))
        .filter(|(org, _)| !org.is_empty())
        .collect();
    Ok(service::StartRequest { scenario: scenario.into(), language: language.into(), speed, start: None, participants })
}

async fn start(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<Fields>) -> Response {
    if !ctx.csrf_ok(field(&form, "csrf")) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let store = try_page!(enabled(&state, &ctx));
    let req = match start_request(&form) {
        Ok(r) => r,
        Err(e) => return state.portal.hub_error(&ctx, e),
    };
    let (hub, who) = (state.hub.clone(), member.principal());
    let (rec, s) = try_page!(run(&state, &ctx, move || service::start(&hub, &*store, &who, &req, Utc::now())).await);
    let detail = format!("{} {} collection {}", s.id, s.language, rec.collection.as_deref().unwrap_or("-"));
    audit(&state, member, "start", rec.id, "ok", detail).await;
    see_other(&format!("/members/exercises/{}", rec.id))
}

fn inject_value(i: &Inject, at: DateTime<Utc>, s: &Scenario) -> Value {
    let module = s.modules.iter().find(|m| m.id == i.module).map_or(i.module.as_str(), |m| m.title.as_str());
    let base = context! { id => &i.id, module => module, minute => i.due, at => time(at), title => &i.title, body => &i.body };
    let kind = match &i.kind {
        InjectKind::Text => context! { kind => "text" },
        InjectKind::Message { sender, message } => context! { kind => "message", sender => sender, message => message },
        InjectKind::Indicator { indicator_type, value } => {
            context! { kind => "indicator", indicator_type => indicator_type, value => value }
        }
        InjectKind::Posture { domain, finding } => context! { kind => "posture", domain => domain, finding => finding },
        InjectKind::Call { caller, script } => context! { kind => "call", caller => caller, script => script },
    };
    context! { ..kind, ..base }
}

fn expectation_values(b: &Board) -> Vec<Value> {
    b.expectations
        .iter()
        .map(|e| {
            context! {
                id => &e.id, title => &e.title, status => e.status, score => e.score, earned => e.earned,
                automatic => e.automatic, opens => time(e.opens), expires => time(e.expires),
                evidence => e.evidence.as_ref().map(|ev| context! { at => time(ev.at), org => &ev.org, action => &ev.action, detail => &ev.detail }),
                mark => e.mark.as_ref().map(|m| context! { met => m.met, by => &m.by, at => time(m.at), note => &m.note }),
            }
        })
        .collect()
}

/// The run's cases: the viewer's own ones by title (linked), the others by number only; and
/// the viewer's cases that may still be played in it.
fn cases_values(
    state: &PortalState,
    store: &dyn ExerciseStore,
    rec: &ExerciseRecord,
    org: i64,
) -> Result<(Vec<Value>, Vec<Value>), HubError> {
    let Some(incidents) = state.incidents.clone() else { return Ok((Vec::new(), Vec::new())) };
    let mut played = Vec::new();
    for c in store.exercise_cases(rec.id).map_err(service::store_error)? {
        let own = incidents.case(org, c).map_err(service::store_error)?;
        let tasks = match &own {
            Some(_) => incidents.tasks(c).map_err(service::store_error)?,
            None => Vec::new(),
        };
        let tasks: Vec<Value> =
            tasks.iter().map(|t| context! { title => &t.task.title, owner => &t.task.owner, due => &t.task.due, done => t.done }).collect();
        played.push(context! { id => c, title => own.map(|o| o.data.title), tasks => tasks });
    }
    let mut playable = Vec::new();
    for c in incidents.cases(org).map_err(service::store_error)? {
        if !store.is_exercise_case(c.id).map_err(service::store_error)? {
            playable.push(context! { id => c.id, title => c.data.title });
        }
    }
    Ok((played, playable))
}

/// Everything the run page and the hot-wash page show.
async fn run_page(state: &PortalState, ctx: &Ctx, member: &Member, id: i64) -> Result<Value, Response> {
    let (store, rec) = load(state, ctx, member, id).await?;
    let (hub, org, st, r) = (state.hub.clone(), member.org.id, state.clone(), rec.clone());
    let now = Utc::now();
    let (s, b, actions, (played, playable), injects, minute) = run(state, ctx, move || {
        let (s, b, actions) = service::plan(&hub, &*store, &r, now)?;
        let cases = cases_values(&st, &*store, &r, org)?;
        let injects: Vec<Value> = service::injects_for(&r, &s, org, now)?.into_iter().map(|(i, at)| inject_value(i, at, &s)).collect();
        let minute = service::clock_of(&r)?.minute_at(service::scoring_instant(&r, now));
        Ok((s, b, actions, cases, injects, minute))
    })
    .await?;
    let facilitator = rec.owner_org_id == org && member.user.role.may_write();
    Ok(context! {
        id => rec.id,
        run => run_row(&rec, &s, &b),
        summary => &s.summary,
        speed => rec.speed,
        minute => minute.min(s.duration),
        duration => s.duration,
        over => minute >= s.duration,
        running => rec.status == RunStatus::Running,
        role => rec.role_of(org),
        facilitator => facilitator,
        may_edit => member.user.role.may_write(),
        injects => injects,
        expectations => expectation_values(&b),
        totals => b.totals,
        cases => played,
        playable => playable,
        plan => plan_values(&rec, &actions),
    })
}

fn plan_values(rec: &ExerciseRecord, actions: &[ImprovementAction]) -> Vec<Value> {
    actions
        .iter()
        .map(|a| {
            context! { expectation => &a.expectation, text => &a.text, role => &a.owner, owners => service::owners(rec, &a.owner),
            due => a.due.to_string() }
        })
        .collect()
}

async fn view(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let page = try_page!(run_page(&state, &ctx, member, id).await);
    audit(&state, member, "view", id, "ok", String::new()).await;
    state.portal.page(&ctx, StatusCode::OK, "exercise.html", page)
}

async fn hotwash(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let page = try_page!(run_page(&state, &ctx, member, id).await);
    if page.get_attr("running").is_ok_and(|r| r.is_true()) {
        return see_other(&format!("/members/exercises/{id}"));
    }
    audit(&state, member, "report", id, "ok", "hot-wash".into()).await;
    state.portal.page(&ctx, StatusCode::OK, "exercise_hotwash.html", page)
}

/// The member allowed to edit, the run (one it takes part in) and, when `facilitate`, the
/// check that its organisation runs it; refusals are audited.
async fn editable(
    state: &PortalState,
    ctx: &Ctx,
    csrf: &str,
    id: i64,
    facilitate: bool,
) -> Result<(Arc<dyn ExerciseStore>, ExerciseRecord), Response> {
    if !ctx.csrf_ok(csrf) {
        return Err(state.portal.error(ctx, StatusCode::FORBIDDEN, "error-csrf", None));
    }
    let member = member_or_login(ctx)?;
    let (store, rec) = load(state, ctx, member, id).await?;
    member_for(state, ctx, Action::EditIncidents).await?;
    if facilitate && let Err(e) = service::facilitator_only(&rec, member.org.id) {
        audit(state, member, "facilitate", id, "denied", "not the running organisation".into()).await;
        return Err(state.portal.hub_error(ctx, e));
    }
    Ok((store, rec))
}

#[derive(Deserialize, Default)]
struct MarkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    expectation: String,
    #[serde(default)]
    met: String,
    #[serde(default)]
    note: String,
}

async fn add_mark(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<MarkForm>) -> Response {
    let (store, rec) = try_page!(editable(&state, &ctx, &form.csrf, id, true).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let met = match form.met.as_str() {
        "met" => true,
        "missed" => false,
        _ => return state.portal.hub_error(&ctx, HubError::BadRequest { field: "met".into(), reason: "met or missed".into() }),
    };
    let (by, at) = (actor(member), store::now_rfc3339());
    let m = try_page!(run(&state, &ctx, move || service::mark(&*store, &rec, &form.expectation, met, &form.note, &by, &at)).await);
    audit(&state, member, "mark", id, "ok", format!("{} {}", m.expectation, if m.met { "met" } else { "missed" })).await;
    see_other(&format!("/members/exercises/{id}#expectations"))
}

#[derive(Deserialize, Default)]
struct CaseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    case: String,
}

async fn add_case(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<CaseForm>) -> Response {
    let (store, rec) = try_page!(editable(&state, &ctx, &form.csrf, id, false).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let Ok(case) = form.case.trim().parse::<i64>() else {
        return state.portal.hub_error(&ctx, HubError::BadRequest { field: "case".into(), reason: "pick one of your cases".into() });
    };
    let (incidents, org) = (state.incidents.clone(), member.org.id);
    try_page!(run(&state, &ctx, move || service::add_case(&*store, incidents.as_deref(), &rec, org, case)).await);
    audit(&state, member, "case.add", id, "ok", format!("incident:{case}")).await;
    see_other(&format!("/members/exercises/{id}#cases"))
}

#[derive(Deserialize, Default)]
struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

async fn end(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<CsrfForm>) -> Response {
    let (store, _) = try_page!(editable(&state, &ctx, &form.csrf, id, true).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let (hub, incidents) = (state.hub.clone(), state.incidents.clone());
    let (_, tasks) = try_page!(run(&state, &ctx, move || service::end(&hub, &*store, incidents.as_deref(), id, Utc::now())).await);
    audit(&state, member, "end", id, "ok", format!("{tasks} improvement tasks")).await;
    see_other(&format!("/members/exercises/{id}/hotwash"))
}

#[derive(Deserialize, Default)]
struct PlanTaskForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    expectation: String,
    #[serde(default)]
    case: String,
}

/// The facilitator adds an improvement action as a task of one of its cases of the run.
async fn plan_task(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<PlanTaskForm>) -> Response {
    let (store, rec) = try_page!(editable(&state, &ctx, &form.csrf, id, true).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let Ok(case) = form.case.trim().parse::<i64>() else {
        return state.portal.hub_error(&ctx, HubError::BadRequest { field: "case".into(), reason: "pick one of your cases".into() });
    };
    let (hub, incidents, org, exp) = (state.hub.clone(), state.incidents.clone(), member.org.id, form.expectation.clone());
    let t = try_page!(
        run(&state, &ctx, move || service::action_task(&hub, &*store, incidents.as_deref(), &rec, org, &exp, case, Utc::now())).await
    );
    audit(&state, member, "plan.task", id, "ok", format!("{} incident:{case} task {}", form.expectation, t.id)).await;
    see_other(&format!("/members/exercises/{id}/hotwash#plan"))
}

/// The after-action report as a download (HTML or PDF), never a page of the site.
async fn report_file(State(state): State<PortalState>, ctx: Ctx, Path((id, format)): Path<(i64, String)>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (store, rec) = try_page!(load(&state, &ctx, member, id).await);
    let (hub, f) = (state.hub.clone(), format.clone());
    let file = try_page!(run(&state, &ctx, move || service::report_file(&hub, &*store, &rec, &f, Utc::now())).await);
    audit(&state, member, "report.export", id, "ok", format).await;
    let mut resp = file.bytes.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(file.content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    resp
}
