//! Awareness pages. For every member: lessons by role track, each lesson rendered from its
//! Markdown with its quiz taken as a plain form (no script), the result kept per person; and
//! "report a message", the one report button for real and simulated mail. For the
//! organisation's administrators: its campaigns and their results (group figures only, never a
//! person), each campaign's information sheet, lesson completion per group (groups under 5
//! suppressed), and each role track as a SCORM 1.2 course. A quiz result is also queued as xAPI
//! statements for the LRS when the hub has one (`serve --xapi-endpoint`). For citizens: "spot the fake" quizzes.
//!
//! A campaign is its organisation's: any other member gets the same 404 as for a campaign that
//! does not exist.

pub mod service;
pub mod sighting;

use std::collections::BTreeMap;
use std::sync::Arc;

use awareness::{Language, Library, Track};
use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;
use store::awareness::{AwarenessStore, Progress};
use store::portal::{NewReport, ReportKind};

use self::service::{Reported, ServiceError};
use super::members::member_for;
use crate::roles::Action;
use crate::{Ctx, Lang, Member, PortalState, blocking, defang, member_or_login};

/// Largest reported message (pasted text or a whole mail), in bytes.
/// The longest reported message text the report path takes.
pub const MAX_REPORTED_BYTES: usize = 32 * 1024;

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/awareness", get(home))
        .route("/members/awareness/lessons/{id}", get(lesson).post(answer))
        .route("/members/awareness/report", get(report_form).post(report_submit))
        .route("/members/awareness/campaigns", get(campaigns))
        .route("/members/awareness/campaigns/{id}", get(campaign))
        .route("/members/awareness/policy", axum::routing::post(set_policy))
        .route("/members/awareness/benchmark", get(benchmark))
        .route("/members/awareness/campaigns/{id}/start", axum::routing::post(start))
        .route("/members/awareness/campaigns/{id}/finish", axum::routing::post(finish))
        .route("/members/awareness/campaigns/{id}/sheet", get(sheet))
        .route("/members/awareness/courses/{track}/scorm", get(course))
        .route("/aware/quiz", get(quiz_index))
        .route("/aware/quiz/{id}", get(quiz).post(quiz_answer))
}

macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

/// The lesson language of a page language: French for French, English otherwise.
fn language(lang: Lang) -> Language {
    if lang.code() == "fr" { Language::Fr } else { Language::En }
}

fn library(state: &PortalState, ctx: &Ctx) -> Result<Library, Response> {
    Library::embedded().map_err(|e| {
        tracing::error!(error = %e, "the shipped lessons do not load");
        state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)
    })
}

fn awareness_store(state: &PortalState, ctx: &Ctx) -> Result<Arc<dyn AwarenessStore>, Response> {
    state.awareness.clone().ok_or_else(|| state.portal.error(ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None))
}

/// Maps a service error onto an error page.
fn service_error(state: &PortalState, ctx: &Ctx, e: ServiceError) -> Response {
    match e {
        ServiceError::NotFound(_) => state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None),
        ServiceError::Field { .. } => state.portal.error(ctx, StatusCode::UNPROCESSABLE_ENTITY, "error-bad-request", Some(e.to_string())),
        other => {
            tracing::error!(error = %other, "awareness request failed");
            state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)
        }
    }
}

async fn run<T: Send + 'static>(
    state: &PortalState,
    ctx: &Ctx,
    f: impl FnOnce() -> Result<T, ServiceError> + Send + 'static,
) -> Result<T, Response> {
    match blocking(f).await {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => Err(service_error(state, ctx, e)),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

async fn home(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let library = try_page!(library(&state, &ctx));
    let done: BTreeMap<String, Progress> = match state.awareness.clone() {
        Some(store) => {
            let user = member.user.id;
            let got = try_page!(run(&state, &ctx, move || Ok(store.progress(user)?)).await);
            got.into_iter().map(|p| (p.lesson_id.clone(), p)).collect()
        }
        None => BTreeMap::new(),
    };
    let lang = language(ctx.lang);
    let now = chrono::Utc::now();
    let tracks: Vec<Value> = Track::ALL
        .iter()
        .map(|t| {
            let lessons: Vec<Value> = library
                .lessons(lang, Some(*t))
                .iter()
                .map(|l| {
                    let p = done.get(&l.id).filter(|p| p.version == i64::from(l.version));
                    let due = p.and_then(|p| chrono::DateTime::parse_from_rfc3339(p.due.as_deref()?).ok()).map(|d| d.to_utc());
                    context! { id => &l.id, title => &l.title, minutes => l.minutes,
                    passed => p.map(|p| p.passed), correct => p.map(|p| p.correct), questions => p.map(|p| p.questions),
                    due => due.map(|d| d.format("%Y-%m-%d").to_string()),
                    due_now => due.is_some_and(|d| awareness::booster::is_due(d, now)) }
                })
                .collect();
            context! { key => t.key(), lessons => lessons }
        })
        .collect();
    let admin = crate::roles::allows(super::members::caller(member), Action::RunCampaigns);
    state.portal.page(&ctx, StatusCode::OK, "awareness_home.html", context! { tracks => tracks, campaigns => admin })
}

/// The lesson page's values: the body as HTML (escaped by construction) and the quiz.
fn lesson_value(lesson: &awareness::Lesson, grade: Option<&awareness::quiz::Grade>, given: &BTreeMap<String, String>) -> Value {
    let questions: Vec<Value> = lesson
        .quiz
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let name = q.name.clone().unwrap_or_default();
            let mark = grade.and_then(|g| g.marked.get(i));
            let choices: Vec<Value> = match &q.kind {
                awareness::QuestionKind::MultipleChoice { answers } => {
                    answers.iter().enumerate().map(|(j, a)| context! { value => j.to_string(), text => &a.text }).collect()
                }
                awareness::QuestionKind::TrueFalse { .. } => {
                    vec![context! { value => "true", key => "awareness-true" }, context! { value => "false", key => "awareness-false" }]
                }
            };
            context! {
                name => &name, text => &q.text, choices => choices, given => given.get(&name),
                correct => mark.and_then(|m| m.correct), answered => mark.is_some_and(|m| m.correct.is_some()),
                feedback => mark.and_then(|m| m.feedback.clone()),
            }
        })
        .collect();
    context! {
        id => &lesson.id, title => &lesson.title, minutes => lesson.minutes, language => lesson.language.key(),
        body => Value::from_safe_string(awareness::markdown::to_html(&without_title(&lesson.body), 0)),
        questions => questions,
        grade => grade.map(|g| context! { correct => g.correct, questions => g.questions, passed => g.passed }),
    }
}

/// The lesson's Markdown without its `# ` title line (the page's `<h1>` shows the title).
fn without_title(body: &str) -> String {
    let mut seen = false;
    body.lines()
        .filter(|l| {
            let title = !seen && l.starts_with("# ");
            seen |= title;
            !title
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn find<'a>(library: &'a Library, lang: Language, id: &str, citizen: bool) -> Option<&'a awareness::Lesson> {
    library.lessons(lang, None).into_iter().find(|l| l.id == id && (!citizen || l.tracks.contains(&Track::Citizen)))
}

async fn lesson(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<String>) -> Response {
    try_page!(member_or_login(&ctx));
    let library = try_page!(library(&state, &ctx));
    let Some(l) = find(&library, language(ctx.lang), &id, false) else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    let page = lesson_value(l, None, &BTreeMap::new());
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "awareness_lesson.html",
        context! { lesson => page, action => format!("/members/awareness/lessons/{id}") },
    )
}

/// A quiz form: the CSRF token and one value per question key.
fn answers_of(form: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    form.iter().filter(|(k, _)| k.as_str() != "csrf").map(|(k, v)| (k.clone(), v.clone())).collect()
}

async fn answer(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<BTreeMap<String, String>>,
) -> Response {
    let member = try_page!(member_or_login(&ctx));
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let library = try_page!(library(&state, &ctx));
    let lang = language(ctx.lang);
    let Some(l) = find(&library, lang, &id, false) else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    let given = answers_of(&form);
    let grade = awareness::quiz::grade(&l.quiz, &given);
    if let Some(store) = state.awareness.clone() {
        let (user, lesson, g) = (member.user.id, l.clone(), grade.clone());
        let home = state.awareness_xapi.then(|| state.public_url.to_string());
        try_page!(run(&state, &ctx, move || service::record_quiz(&*store, user, &lesson, &g, home.as_deref(), chrono::Utc::now())).await);
    }
    let page = lesson_value(l, Some(&grade), &given);
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "awareness_lesson.html",
        context! { lesson => page, action => format!("/members/awareness/lessons/{id}") },
    )
}

async fn quiz_index(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let library = try_page!(library(&state, &ctx));
    let lessons: Vec<Value> = library
        .lessons(language(ctx.lang), Some(Track::Citizen))
        .iter()
        .map(|l| context! { id => &l.id, title => &l.title, minutes => l.minutes })
        .collect();
    state.portal.page(&ctx, StatusCode::OK, "awareness_quizzes.html", context! { lessons => lessons })
}

async fn quiz(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<String>) -> Response {
    let library = try_page!(library(&state, &ctx));
    let Some(l) = find(&library, language(ctx.lang), &id, true) else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    let page = lesson_value(l, None, &BTreeMap::new());
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "awareness_lesson.html",
        context! { lesson => page, action => format!("/aware/quiz/{id}"), public => true },
    )
}

/// A citizen's answers are graded and shown, never stored.
async fn quiz_answer(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<BTreeMap<String, String>>,
) -> Response {
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let library = try_page!(library(&state, &ctx));
    let Some(l) = find(&library, language(ctx.lang), &id, true) else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    let given = answers_of(&form);
    let grade = awareness::quiz::grade(&l.quiz, &given);
    let page = lesson_value(l, Some(&grade), &given);
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "awareness_lesson.html",
        context! { lesson => page, action => format!("/aware/quiz/{id}"), public => true },
    )
}

#[derive(Deserialize, Default)]
struct ReportForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    message: String,
}

async fn report_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    try_page!(member_or_login(&ctx));
    state.portal.page(&ctx, StatusCode::OK, "awareness_report.html", context! {})
}

/// What became of a real report: analysed, and queued for triage as a citizen report is.
pub struct Triaged {
    pub report_id: i64,
    pub verdict: &'static str,
    pub lure: Option<&'static str>,
    pub urls: Vec<String>,
    pub reasons: Vec<&'static str>,
    /// The STIX the report became in the hub (`None`: no link, or no collection to write).
    pub shared: Option<sighting::Shared>,
}

/// Files a real suspicious message: analysed by `scamtext` (its links by `links` and the hub's
/// blocklists), then put into the hub's triage queue like a citizen's report, under the
/// reporting organisation's country and name (never the person's).
pub fn file_real(state: &PortalState, org: &store::Org, text: &str) -> Result<Triaged, ServiceError> {
    let portal_store = state.portal_store.clone().ok_or_else(|| ServiceError::Data("the triage queue is not enabled".into()))?;
    let a = state.text.analyze(text);
    let verdict = match a.verdict {
        scamtext::Verdict::Scam => "malicious",
        scamtext::Verdict::Suspicious => "suspicious",
        scamtext::Verdict::Benign => "benign",
    };
    let country = org.country.clone().filter(|c| c.len() == 2).unwrap_or_else(|| "ZZ".into()).to_ascii_uppercase();
    let content: String = text.chars().take(crate::pages::public::MAX_REPORT_BYTES / 4).collect();
    let report_id = portal_store.add_report(&NewReport {
        kind: ReportKind::Message,
        content,
        country,
        contact: Some(format!("staff report from {}", org.name)),
    })?;
    let level = match &state.awareness {
        Some(store) => service::report_tlp(&store.policy(org.id)?),
        None => service::DEFAULT_REPORT_TLP,
    };
    // The triage queue has the report; sharing its links is best effort and never loses it.
    let shared = sighting::share(state, org, &a.urls, level).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "a staff report's links could not be shared in the hub");
        None
    });
    Ok(Triaged {
        shared,
        report_id,
        verdict,
        lure: a.lure.map(|l| l.as_str()),
        urls: a.urls.iter().map(|u| defang(u)).collect(),
        reasons: a.reasons.iter().map(|r| r.code).collect(),
    })
}

/// Checks a reported message's text: not empty, not too long, no binary.
pub fn check_reported(text: &str) -> Result<(), ServiceError> {
    if text.trim().is_empty() {
        return Err(ServiceError::Field { field: "message", reason: "paste or forward the suspicious message".into() });
    }
    if text.len() > MAX_REPORTED_BYTES {
        return Err(ServiceError::Field { field: "message", reason: format!("longer than {MAX_REPORTED_BYTES} bytes") });
    }
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err(ServiceError::Field { field: "message", reason: "holds binary characters: paste the text".into() });
    }
    Ok(())
}

/// The one report path of every face: a simulation's report is recorded and answered "well
/// spotted"; anything else is analysed and queued for triage.
pub fn report_message(state: &PortalState, org: &store::Org, raw: &str, via: &str) -> Result<(Reported, Option<Triaged>), ServiceError> {
    check_reported(raw)?;
    if let Some(store) = state.awareness.clone()
        && let Reported::Simulation { campaign_id } = service::report(&*store, Some(org.id), raw, via, chrono::Utc::now())?
    {
        return Ok((Reported::Simulation { campaign_id }, None));
    }
    let text = awareness::report::mail_text(raw);
    Ok((Reported::Real, Some(file_real(state, org, &text)?)))
}

async fn report_submit(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<ReportForm>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    if let Err(ServiceError::Field { reason, .. }) = check_reported(&form.message) {
        return state.portal.page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "awareness_report.html",
            context! { error => reason, message => &form.message },
        );
    }
    let (s, org, text) = (state.clone(), member.org.clone(), form.message);
    match try_page!(run(&state, &ctx, move || report_message(&s, &org, &text, "portal")).await) {
        (Reported::Simulation { .. }, _) => {
            state.portal.page(&ctx, StatusCode::OK, "awareness_report.html", context! { simulation => true })
        }
        (Reported::Real, triaged) => {
            let t =
                triaged.map(|t| context! { id => t.report_id, verdict => t.verdict, lure => t.lure, urls => t.urls, reasons => t.reasons });
            state.portal.page(&ctx, StatusCode::OK, "awareness_report.html", context! { filed => t })
        }
    }
}

/// The signed-in administrator allowed to see the organisation's campaigns, with the store.
async fn admin<'a>(state: &PortalState, ctx: &'a Ctx) -> Result<(&'a Member, Arc<dyn AwarenessStore>), Response> {
    let member = member_for(state, ctx, Action::RunCampaigns).await?;
    Ok((member, awareness_store(state, ctx)?))
}

async fn campaigns(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let (member, store) = try_page!(admin(&state, &ctx).await);
    let org = member.org.id;
    let (overview, completion, policy) = try_page!(
        run(&state, &ctx, move || {
            Ok((service::overview(&*store, org, chrono::Utc::now())?, service::completion(&*store, org)?, service::policy(&*store, org)?))
        })
        .await
    );
    let value = serde_json::to_value(&overview).unwrap_or_default();
    let completion = serde_json::to_value(&completion).unwrap_or_default();
    let tracks: Vec<&str> = Track::ALL.iter().map(|t| t.key()).collect();
    state.portal.page(
        &ctx,
        StatusCode::OK,
        "awareness_campaigns.html",
        context! { overview => Value::from_serialize(&value), tracks => tracks, completion => Value::from_serialize(&completion),
        min_group => awareness::results::MIN_GROUP, policy => Value::from_serialize(&policy),
        levels => ["clear", "green", "amber", "amber+strict", "red"] },
    )
}

async fn campaign(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    campaign_page(state, ctx, id, None, BTreeMap::new()).await
}

/// The campaign page; `error` and `form` after a refused start (the form as it was sent).
async fn campaign_page(state: PortalState, ctx: Ctx, id: i64, error: Option<String>, form: BTreeMap<String, String>) -> Response {
    let (member, store) = try_page!(admin(&state, &ctx).await);
    let org = member.org.id;
    let (results, record) = try_page!(
        run(&state, &ctx, move || {
            let c = service::owned(&*store, Some(org), id)?;
            Ok((service::results(&*store, &c, chrono::Utc::now())?, c))
        })
        .await
    );
    let value = serde_json::to_value(&results).unwrap_or_default();
    let mut form = form;
    if error.is_none() {
        let n = &record.campaign;
        for (k, v) in [("legal_basis", &n.legal_basis), ("staff_notice", &n.staff_notice), ("works_council", &n.works_council)] {
            form.insert(k.to_string(), v.clone().unwrap_or_default());
        }
    }
    let status = if error.is_some() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    state.portal.page(
        &ctx,
        status,
        "awareness_campaign.html",
        context! { c => Value::from_serialize(&value), min_group => awareness::results::MIN_GROUP, form => form, start_error => error },
    )
}

/// `POST /members/awareness/policy`: the ISAC opt-in checkbox and the TLP of staff reports.
async fn set_policy(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<BTreeMap<String, String>>) -> Response {
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (member, store) = try_page!(admin(&state, &ctx).await);
    let (org, by) = (member.org.id, format!("portal:{}", member.user.username));
    let opt_in = form.get("isac_opt_in").is_some_and(|v| v == "on");
    let tlp = form.get("report_tlp").cloned();
    try_page!(run(&state, &ctx, move || service::set_policy(&*store, org, Some(opt_in), tlp.as_deref(), &by, chrono::Utc::now())).await);
    crate::see_other("/members/awareness/campaigns#policy")
}

/// `GET /members/awareness/benchmark`: the ISAC's cross-post benchmark.
async fn benchmark(State(state): State<PortalState>, ctx: Ctx) -> Response {
    try_page!(member_for(&state, &ctx, Action::SeeAwarenessBenchmarks).await);
    let store = try_page!(awareness_store(&state, &ctx));
    let b = try_page!(run(&state, &ctx, move || service::benchmark(&*store, chrono::Utc::now())).await);
    state.portal.page(&ctx, StatusCode::OK, "awareness_benchmark.html", context! { b => Value::from_serialize(&b) })
}

/// A `datetime-local` value (no zone) read as UTC; anything else is passed on as typed.
fn utc(v: Option<&String>) -> Option<String> {
    let v = v?.trim();
    if v.is_empty() {
        return None;
    }
    let zoned = v.ends_with('Z') || v.rfind(['+', '-']).is_some_and(|i| i > 10);
    Some(if zoned {
        v.to_string()
    } else if v.len() == 16 {
        format!("{v}:00Z")
    } else {
        format!("{v}Z")
    })
}

/// `POST /members/awareness/campaigns/{id}/start`: the trainers' start form.
async fn start(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<BTreeMap<String, String>>) -> Response {
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (member, store) = try_page!(admin(&state, &ctx).await);
    let text = |k: &str| form.get(k).filter(|v| !v.trim().is_empty()).cloned();
    let rate = match text("rate").map(|r| r.trim().parse::<u32>()) {
        Some(Err(_)) => {
            return campaign_page(state, ctx, id, Some("rate: a whole number of messages per minute".into()), answers_of(&form)).await;
        }
        other => other.and_then(Result::ok),
    };
    let input = service::StartInput {
        legal_basis: text("legal_basis"),
        staff_notice: text("staff_notice"),
        works_council: text("works_council"),
        start: utc(form.get("start")),
        end: utc(form.get("end")),
        send_window: text("send_window"),
        rate_per_minute: rate,
        sender: text("sender"),
        brand: text("brand"),
        domain: text("domain"),
    };
    let org = member.org.id;
    match blocking(move || service::start(&*store, Some(org), id, &input, chrono::Utc::now())).await {
        Some(Ok(_)) => crate::see_other(&format!("/members/awareness/campaigns/{id}")),
        Some(Err(e @ (ServiceError::Field { .. } | ServiceError::Conflict(_)))) => {
            campaign_page(state, ctx, id, Some(e.to_string()), answers_of(&form)).await
        }
        Some(Err(e)) => service_error(&state, &ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// `POST /members/awareness/campaigns/{id}/finish`.
async fn finish(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<BTreeMap<String, String>>) -> Response {
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (member, store) = try_page!(admin(&state, &ctx).await);
    let org = member.org.id;
    match blocking(move || service::finish(&*store, Some(org), id, chrono::Utc::now())).await {
        Some(Ok(_)) => crate::see_other(&format!("/members/awareness/campaigns/{id}")),
        Some(Err(e @ ServiceError::Conflict(_))) => campaign_page(state, ctx, id, Some(e.to_string()), BTreeMap::new()).await,
        Some(Err(e)) => service_error(&state, &ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct CourseQuery {
    lang: Option<String>,
}

/// A role track as a SCORM 1.2 package, for the organisation's trainers (`RunCampaigns`).
async fn course(State(state): State<PortalState>, ctx: Ctx, Path(track): Path<String>, Query(q): Query<CourseQuery>) -> Response {
    try_page!(admin(&state, &ctx).await);
    let lang = q.lang.unwrap_or_else(|| language(ctx.lang).key().to_string());
    let (name, bytes) = try_page!(run(&state, &ctx, move || service::scorm(&track, &lang)).await);
    let mut resp = bytes.into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

#[derive(Deserialize, Default)]
struct SheetQuery {
    format: Option<String>,
}

async fn sheet(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Query(q): Query<SheetQuery>) -> Response {
    let (member, store) = try_page!(admin(&state, &ctx).await);
    let (org, org_name, days, lang) = (member.org.id, member.org.name.clone(), state.awareness_retention_days, language(ctx.lang));
    let markdown = try_page!(
        run(&state, &ctx, move || {
            let c = service::owned(&*store, Some(org), id)?;
            service::sheet(&*store, &c, &org_name, days, lang)
        })
        .await
    );
    if q.format.as_deref() == Some("md") {
        let mut resp = markdown.into_response();
        resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/markdown; charset=utf-8"));
        return resp;
    }
    let html = Value::from_safe_string(awareness::markdown::to_html(&markdown, 0));
    state.portal.page(&ctx, StatusCode::OK, "awareness_sheet.html", context! { id => id, sheet => html })
}
