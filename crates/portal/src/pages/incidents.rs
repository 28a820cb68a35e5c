//! The members' incident pages: the organisation's cases, a form to open one, and a case's page
//! with its reporting clock (each deadline in the viewer's chosen time zone and in UTC, overdue
//! ones marked), tasks, timeline notes, evidence files and linked hub objects. Plain forms, no
//! script: times typed in a `datetime-local` field are read in the case's time zone.
//!
//! A member sees its own organisation's cases only; any other case is the same 404 page as a case
//! that does not exist. Every view and edit is written to the hub's audit log.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, NaiveDateTime, SecondsFormat, Utc};
use incidents::{CaseError, CaseFields, CaseInput};
use minijinja::{Value, context};
use serde::Deserialize;
use store::incidents::{CaseData, CaseRecord, IncidentStore, NewTask, StageRequestRecord, SubmissionRecord};

use super::members::{actor, member_for};
use crate::roles::Action;
use crate::{Ctx, Member, PortalState, blocking, member_or_login, see_other};

/// The page's value, or the error page it became, returned at once (here and in the submodules).
macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

mod attach;
mod edit;
mod followup;
pub mod reports;

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/incidents", get(list))
        .route("/members/incidents/new", get(new_form).post(create))
        .route("/members/incidents/{id}", get(view))
        .route("/members/incidents/{id}/export", get(export))
        .route("/members/incidents/{id}/submissions", post(submit))
        .route("/members/incidents/{id}/notes", post(add_note))
        .route("/members/incidents/{id}/tasks", post(add_task))
        .route("/members/incidents/{id}/tasks/{task}", post(set_task))
        .route("/members/incidents/{id}/evidence/{file}", get(download))
        .merge(attach::routes())
        .merge(edit::routes())
        .merge(reports::routes())
        .merge(followup::routes())
}

/// A stored case as the `incidents` crate checks it.
pub fn case_fields(d: &CaseData) -> CaseFields {
    CaseFields {
        title: d.title.clone(),
        summary: d.summary.clone(),
        classification: d.classification.clone(),
        severity: d.severity.clone(),
        services: d.services.clone(),
        users_affected: d.users_affected,
        cross_border: d.cross_border.clone(),
        suspected_malicious: d.suspected_malicious.clone(),
        detected: d.detected.clone(),
        aware: d.aware.clone(),
        contained: d.contained.clone(),
        resolved: d.resolved.clone(),
        jurisdiction: d.jurisdiction.clone(),
        zone: d.zone.clone(),
    }
}

/// The requests of a case's on-request stages (the intermediate report), as the clock takes them.
pub fn requested_map(reqs: &[StageRequestRecord]) -> incidents::Requests {
    reqs.iter().map(|r| (r.stage.clone(), incidents::StageRequest { at: r.requested_at.clone(), due: r.due.clone() })).collect()
}

/// A checked case as it is stored.
pub fn case_data(f: CaseFields) -> CaseData {
    CaseData {
        title: f.title,
        summary: f.summary,
        classification: f.classification,
        severity: f.severity,
        services: f.services,
        users_affected: f.users_affected,
        cross_border: f.cross_border,
        suspected_malicious: f.suspected_malicious,
        detected: f.detected,
        aware: f.aware,
        contained: f.contained,
        resolved: f.resolved,
        jurisdiction: f.jurisdiction,
        zone: f.zone,
    }
}

fn enabled(state: &PortalState, ctx: &Ctx) -> Result<Arc<dyn IncidentStore>, Response> {
    state.incidents.clone().ok_or_else(|| state.portal.error(ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None))
}

/// Appends `portal.incident.<action>` to the hub's audit log; a failure is logged.
async fn audit(state: &PortalState, member: &Member, action: &str, id: i64, detail: String) {
    let entry = store::NewAudit {
        actor: actor(member),
        action: format!("portal.incident.{action}"),
        target: format!("incident:{id}"),
        outcome: "ok".into(),
        detail,
    };
    let hub = state.hub.clone();
    match blocking(move || hub.append_audit(&entry)).await {
        Some(Ok(())) => {}
        Some(Err(e)) => tracing::error!(error = %e, "writing an incident audit line failed"),
        None => tracing::error!("writing an incident audit line failed: the worker stopped"),
    }
}

/// Runs a store call off the async workers; a failure becomes the matching error page.
async fn run<T: Send + 'static>(
    state: &PortalState,
    ctx: &Ctx,
    f: impl FnOnce() -> Result<T, store::StoreError> + Send + 'static,
) -> Result<T, Response> {
    match blocking(f).await {
        Some(Ok(v)) => Ok(v),
        Some(Err(store::StoreError::NotFound { .. })) => Err(state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None)),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e.into())),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

/// The member's case `id`, or the 404 page (another organisation's case included).
async fn load(state: &PortalState, ctx: &Ctx, store: &Arc<dyn IncidentStore>, org: i64, id: i64) -> Result<CaseRecord, Response> {
    let s = store.clone();
    run(state, ctx, move || s.case(org, id)).await?.ok_or_else(|| state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None))
}

async fn list(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let store = try_page!(enabled(&state, &ctx));
    let org = member.org.id;
    let cases = try_page!(
        run(&state, &ctx, move || {
            let cases = store.cases(org)?;
            cases
                .into_iter()
                .map(|c| Ok(((store.submissions(c.id)?, store.stage_requests(c.id)?), c)))
                .collect::<Result<Vec<_>, store::StoreError>>()
        })
        .await
    );
    audit(&state, member, "list", 0, format!("{} cases", cases.len())).await;
    let now = Utc::now();
    let rows: Vec<Value> = cases
        .iter()
        .map(|((subs, reqs), c)| {
            let overdue =
                clock_rows(&c.data, subs, reqs, now).is_some_and(|rs| rs.iter().any(|r| r.state == incidents::StageState::Overdue));
            context! { id => c.id, title => &c.data.title, severity => &c.data.severity,
            classification => &c.data.classification, aware => &c.data.aware, resolved => c.data.resolved.is_some(), overdue => overdue,
            exercise => c.exercise }
        })
        .collect();
    state.portal.page(&ctx, StatusCode::OK, "incidents.html", context! { rows => rows, may_edit => member.user.role.may_write() })
}

/// The vocabularies a case form offers.
fn choices() -> Value {
    context! {
        taxonomy => incidents::case::taxonomy(),
        severities => incidents::case::severities(),
        services => incidents::case::services(),
        answers => incidents::case::TRISTATE,
        jurisdictions => ["eu", "al"],
    }
}

async fn new_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let form = context! { zone => "UTC", jurisdiction => "eu", severity => "unknown", classification => "other:undetermined" };
    state.portal.page(&ctx, StatusCode::OK, "incident_new.html", context! { choices => choices(), form => form })
}

/// A form's fields by name; checkboxes of one name come as several values.
type Fields = Vec<(String, String)>;

fn field<'a>(form: &'a Fields, name: &str) -> &'a str {
    form.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// A time typed in a form: RFC 3339 with an offset as is, or a `datetime-local` value
/// (`2026-12-07T09:30`) read in `zone`; empty is no time.
fn form_time(text: &str, zone: &str) -> Option<String> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let local = NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M").or_else(|_| NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S"));
    match (local, incidents::parse_zone(zone)) {
        (Ok(l), Ok(z)) => Some(incidents::clock::resolve_local(z, l).to_rfc3339_opts(SecondsFormat::Secs, true)),
        // Not a local time (or no valid zone to read it in): the engine names what is wrong.
        _ => Some(t.to_string()),
    }
}

fn case_input(form: &Fields) -> CaseInput {
    let zone = field(form, "zone").trim().to_string();
    let users = field(form, "users_affected").trim();
    CaseInput {
        title: field(form, "title").into(),
        summary: field(form, "summary").into(),
        classification: field(form, "classification").into(),
        severity: field(form, "severity").into(),
        services: form.iter().filter(|(k, _)| k == "services").map(|(_, v)| v.clone()).collect(),
        // A count that is not a number is refused by naming the field, not read as "unknown".
        users_affected: if users.is_empty() { None } else { Some(users.parse().unwrap_or(-1)) },
        cross_border: field(form, "cross_border").into(),
        suspected_malicious: field(form, "suspected_malicious").into(),
        detected: form_time(field(form, "detected"), &zone),
        aware: form_time(field(form, "aware"), &zone),
        contained: form_time(field(form, "contained"), &zone),
        resolved: form_time(field(form, "resolved"), &zone),
        jurisdiction: field(form, "jurisdiction").into(),
        zone,
    }
}

async fn create(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<Fields>) -> Response {
    if !ctx.csrf_ok(field(&form, "csrf")) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let store = try_page!(enabled(&state, &ctx));
    let now = Utc::now();
    let checked = match incidents::check_case(&case_input(&form), now) {
        Ok(c) => c,
        Err(CaseError { field: name, reason }) => {
            let values: BTreeMap<&str, &str> = form.iter().filter(|(k, _)| k != "csrf").map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let services: Vec<&str> = form.iter().filter(|(k, _)| k == "services").map(|(_, v)| v.as_str()).collect();
            let page = context! { choices => choices(), form => values, services => services, error_field => name, error_reason => reason };
            return state.portal.page(&ctx, StatusCode::BAD_REQUEST, "incident_new.html", page);
        }
    };
    let (org, by, at) = (member.org.id, actor(member), incidents::case::utc_text(now));
    let case = try_page!(run(&state, &ctx, move || store.create_case(org, &case_data(checked), &by, &at)).await);
    audit(&state, member, "create", case.id, case.data.classification.clone()).await;
    see_other(&format!("/members/incidents/{}", case.id))
}

#[derive(Deserialize, Default)]
struct ViewQuery {
    #[serde(default)]
    tz: String,
}

/// An instant shown in the viewer's zone with UTC beside it.
fn both(t: DateTime<Utc>, viewer: incidents::Zone) -> String {
    format!("{} ({})", t.with_timezone(&viewer).format("%Y-%m-%d %H:%M %Z"), t.format("%H:%M UTC"))
}

fn stored_time(text: Option<&str>) -> Option<DateTime<Utc>> {
    text.and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.to_utc())
}

/// One stage of a case's clock as the page shows it.
struct Row {
    stage: String,
    state: incidents::StageState,
    due: Option<DateTime<Utc>>,
    submitted: Option<DateTime<Utc>>,
    /// When the CSIRT or authority asked for an on-request stage.
    requested: Option<DateTime<Utc>>,
}

/// The clock of a case with its submissions; `None` until `aware` is known.
fn clock_rows(d: &CaseData, subs: &[SubmissionRecord], reqs: &[StageRequestRecord], now: DateTime<Utc>) -> Option<Vec<Row>> {
    let sent: BTreeMap<String, String> = subs.iter().map(|s| (s.stage.clone(), s.submitted_at.clone())).collect();
    let clock = incidents::case_clock(&case_fields(d), &sent, &requested_map(reqs), now).ok()??;
    let rows = clock
        .deadlines
        .iter()
        .map(|s| {
            let submitted = stored_time(sent.get(&s.stage).map(String::as_str));
            Row { stage: s.stage.clone(), state: incidents::stage_state(s, submitted, now), due: s.due, submitted, requested: s.requested }
        })
        .collect();
    Some(rows)
}

fn row_value(r: &Row, viewer: incidents::Zone) -> Value {
    context! {
        stage => &r.stage,
        state => r.state.code(),
        due_local => r.due.map(|t| t.with_timezone(&viewer).format("%Y-%m-%d %H:%M %Z").to_string()),
        due_utc => r.due.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string()),
        submitted => r.submitted.map(|t| both(t, viewer)),
        requested => r.requested.map(|t| both(t, viewer)),
    }
}

/// Everything a case page shows, for the member's organisation's case `id`, in `tz` (the case's
/// zone when empty).
async fn case_page(state: &PortalState, ctx: &Ctx, member: &Member, id: i64, tz: &str) -> Result<Value, Response> {
    let store = enabled(state, ctx)?;
    let case = load(state, ctx, &store, member.org.id, id).await?;
    let viewer_name = if tz.trim().is_empty() { case.data.zone.clone() } else { tz.trim().to_string() };
    let Ok(viewer) = incidents::parse_zone(&viewer_name) else {
        return Err(state.portal.error(ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(format!("tz: `{viewer_name}`"))));
    };
    let s = store.clone();
    let (notes, tasks, evidence, links, subs) =
        run(state, ctx, move || Ok((s.notes(id)?, s.tasks(id)?, s.evidence(id)?, s.links(id)?, s.submissions(id)?))).await?;
    let s = store.clone();
    let (reminders, reqs) = run(state, ctx, move || Ok((s.reminders(id)?, s.stage_requests(id)?))).await?;
    let follow = followup::case_context(state, ctx, &store, &case).await?;
    let d = &case.data;
    let time = |t: &Option<String>| stored_time(t.as_deref()).map(|t| both(t, viewer));
    let rows = clock_rows(d, &subs, &reqs, Utc::now());
    let open: Vec<&str> = rows
        .iter()
        .flatten()
        .filter(|r| matches!(r.state, incidents::StageState::Pending | incidents::StageState::Overdue | incidents::StageState::Requested))
        .map(|r| r.stage.as_str())
        .collect();
    Ok(context! {
        id => case.id,
        exercise => case.exercise,
        case => context! {
            title => &d.title, summary => &d.summary, classification => &d.classification, severity => &d.severity,
            services => &d.services, users_affected => d.users_affected, cross_border => &d.cross_border,
            suspected_malicious => &d.suspected_malicious, detected => time(&d.detected), aware => time(&d.aware),
            contained => time(&d.contained), resolved => time(&d.resolved), jurisdiction => &d.jurisdiction, zone => &d.zone,
        },
        clock => rows.as_ref().map(|rs| rs.iter().map(|r| row_value(r, viewer)).collect::<Vec<_>>()),
        open_stages => open,
        overdue => rows.iter().flatten().any(|r| r.state == incidents::StageState::Overdue),
        reminders => reminders.iter().map(|r| context! { stage => &r.stage, kind => &r.kind, channel => &r.channel,
            sent_at => stored_time(Some(&r.sent_at)).map(|t| both(t, viewer)) }).collect::<Vec<_>>(),
        viewer_zone => viewer.name(),
        notes => notes.iter().map(|n| context! { author => &n.author, at => stored_time(Some(&n.at)).map(|t| both(t, viewer)), body => &n.body }).collect::<Vec<_>>(),
        tasks => tasks.iter().map(|t| context! { id => t.id, title => &t.task.title, owner => &t.task.owner, due => &t.task.due, done => t.done }).collect::<Vec<_>>(),
        evidence => evidence.iter().map(|e| context! { id => e.id, filename => &e.filename, size => e.size, sha256 => &e.sha256 }).collect::<Vec<_>>(),
        links => links.iter().map(|l| l.stix_id.clone()).collect::<Vec<_>>(),
        may_edit => member.user.role.may_write(),
        follow => follow,
    })
}

async fn view(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Query(q): Query<ViewQuery>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let page = try_page!(case_page(&state, &ctx, member, id, &q.tz).await);
    audit(&state, member, "view", id, String::new()).await;
    state.portal.page(&ctx, StatusCode::OK, "incident.html", page)
}

/// The case as one standalone HTML file to keep or send: a download, never a page of the site.
async fn export(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Query(q): Query<ViewQuery>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let page = try_page!(case_page(&state, &ctx, member, id, &q.tz).await);
    audit(&state, member, "export", id, "html".into()).await;
    let exported_at = Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    let mut resp = state.portal.page(&ctx, StatusCode::OK, "incident_export.html", context! { exported_at => exported_at, ..page });
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"incident-{id}.html\"")) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

#[derive(Deserialize, Default)]
struct SubmitForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    stage: String,
    #[serde(default)]
    submitted_at: String,
}

/// Records a stage as submitted (now, or at the local time given in the case's zone): the
/// stage's saved report must be complete, as on the report's own page.
async fn submit(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<SubmitForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let case = try_page!(load(&state, &ctx, &store, member.org.id, id).await);
    let at = form_time(&form.submitted_at, &case.data.zone);
    let (by, stage) = (actor(member), form.stage.trim().to_string());
    let done = blocking(move || reports::submit(&*store, &case, &stage, None, at.as_deref(), &by, Utc::now())).await;
    let rec = match done {
        Some(Ok(rec)) => rec,
        Some(Err(reports::ReportError::Input(e))) => return bad_field(&state, &ctx, e),
        Some(Err(reports::ReportError::Store(store::StoreError::Conflict(m)))) => {
            return state.portal.error(&ctx, StatusCode::CONFLICT, "error-bad-request", Some(m));
        }
        Some(Err(reports::ReportError::Store(e))) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    audit(&state, member, "submit", id, rec.stage.clone()).await;
    see_other(&format!("/members/incidents/{id}#clock"))
}

/// The member allowed to edit, with the case it names, after the CSRF check.
async fn editable(state: &PortalState, ctx: &Ctx, csrf: &str, id: i64) -> Result<Arc<dyn IncidentStore>, Response> {
    if !ctx.csrf_ok(csrf) {
        return Err(state.portal.error(ctx, StatusCode::FORBIDDEN, "error-csrf", None));
    }
    let member = member_for(state, ctx, Action::EditIncidents).await?;
    let store = enabled(state, ctx)?;
    load(state, ctx, &store, member.org.id, id).await?;
    Ok(store)
}

fn bad_field(state: &PortalState, ctx: &Ctx, e: CaseError) -> Response {
    state.portal.error(ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(e.to_string()))
}

#[derive(Deserialize, Default)]
struct NoteForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

async fn add_note(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<NoteForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let body = match incidents::check_note(&form.body) {
        Ok(b) => b,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let (by, at) = (actor(member), incidents::case::utc_text(Utc::now()));
    let note = try_page!(run(&state, &ctx, move || store.add_note(id, &by, &at, &body)).await);
    audit(&state, member, "note.add", id, format!("note {}", note.id)).await;
    see_other(&format!("/members/incidents/{id}#notes"))
}

#[derive(Deserialize, Default)]
struct TaskForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
}

async fn add_task(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<TaskForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let t = match incidents::check_task(&incidents::TaskInput { title: form.title, owner: form.owner, due: form.due }) {
        Ok(t) => t,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let new = NewTask { case_id: id, title: t.title, owner: t.owner, due: t.due, created_at: incidents::case::utc_text(Utc::now()) };
    let task = try_page!(run(&state, &ctx, move || store.add_task(&new)).await);
    audit(&state, member, "task.add", id, format!("task {}", task.id)).await;
    see_other(&format!("/members/incidents/{id}#tasks"))
}

#[derive(Deserialize, Default)]
struct DoneForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    done: String,
}

async fn set_task(State(state): State<PortalState>, ctx: Ctx, Path((id, task)): Path<(i64, i64)>, Form(form): Form<DoneForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let done = form.done == "true";
    try_page!(run(&state, &ctx, move || store.set_task_done(id, task, done)).await);
    audit(&state, member, "task.update", id, format!("task {task} done={done}")).await;
    see_other(&format!("/members/incidents/{id}#tasks"))
}

pub use crate::upload::attachment_name;

async fn download(State(state): State<PortalState>, ctx: Ctx, Path((id, file)): Path<(i64, i64)>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let store = try_page!(enabled(&state, &ctx));
    try_page!(load(&state, &ctx, &store, member.org.id, id).await);
    let Some((e, bytes)) = try_page!(run(&state, &ctx, move || store.evidence_content(id, file)).await) else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    audit(&state, member, "evidence.download", id, format!("{} sha256:{}", e.filename, e.sha256)).await;
    crate::upload::file_download(&e.filename, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_times_are_read_in_the_case_zone() {
        assert_eq!(form_time("2026-03-29T02:30", "Europe/Paris").as_deref(), Some("2026-03-29T01:30:00Z"), "in the gap: offset before it");
        assert_eq!(form_time("2026-12-07T09:30", "Europe/Paris").as_deref(), Some("2026-12-07T08:30:00Z"));
        assert_eq!(form_time("2026-12-07T09:30:00+02:00", "Europe/Paris").as_deref(), Some("2026-12-07T09:30:00+02:00"));
        assert_eq!(form_time("  ", "UTC"), None);
        assert_eq!(form_time("yesterday", "UTC").as_deref(), Some("yesterday"), "left to the engine to refuse, naming the field");
    }
}
