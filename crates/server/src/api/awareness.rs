//! Awareness under `/api/v1/awareness`: the shipped simulation templates, an organisation's
//! campaigns (create with the CLI's rules, list, results, information sheet), and reports of
//! suspicious messages, pasted (`/reports`) or forwarded as raw RFC 5322 mail (`/reports/mail`);
//! a role track as a SCORM 1.2 course (`/courses/{track}/scorm?lang=`); lesson completion per
//! group (`/completion`).
//!
//! Campaigns are their organisation's and need the roles table's `RunCampaigns` (the
//! organisation's administrators); another organisation's campaign is the same 404 as one that
//! does not exist. Any member may report a message. Results are group figures only.

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hub::{HubError, Principal};
use portal::awareness_service::{self as service, CampaignInput, Reported, ServiceError};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiError;
use crate::roles::{Action, Caller};

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/awareness/templates", get(templates))
        .route("/api/v1/awareness/campaigns", get(list).post(create))
        .route("/api/v1/awareness/campaigns/{id}/results", get(results))
        .route("/api/v1/awareness/campaigns/{id}/start", post(start))
        .route("/api/v1/awareness/campaigns/{id}/finish", post(finish))
        .route("/api/v1/awareness/campaigns/{id}/sheet", get(sheet))
        .route("/api/v1/awareness/reports", post(report))
        .route("/api/v1/awareness/reports/mail", post(report_mail))
        .route("/api/v1/awareness/courses/{track}/scorm", get(scorm))
        .route("/api/v1/awareness/completion", get(completion))
        .route("/api/v1/awareness/policy", get(policy).put(set_policy))
        .route("/api/v1/awareness/benchmark", get(benchmark))
}

fn problem(e: ServiceError) -> ApiError {
    match e {
        ServiceError::Field { field, reason } => {
            ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("{field}: {reason}")).with_field(field)
        }
        ServiceError::NotFound(id) => ApiError::problem(StatusCode::NOT_FOUND, "Not Found", format!("campaign {id} not found")),
        ServiceError::Conflict(why) => ApiError::problem(StatusCode::CONFLICT, "Conflict", why),
        other => {
            tracing::error!(error = %other, "awareness request failed");
            ApiError::problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal Server Error",
                "the hub could not complete the request; it is logged",
            )
        }
    }
}

/// Runs service work off the async workers.
async fn run<T: Send + 'static>(f: impl FnOnce() -> Result<T, ServiceError> + Send + 'static) -> Result<T, ApiError> {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r.map_err(problem),
        Err(e) => Err(problem(ServiceError::Data(format!("worker failed: {e}")))),
    }
}

fn store(state: &AppState) -> Result<std::sync::Arc<dyn store::awareness::AwarenessStore>, ApiError> {
    state.awareness.clone().ok_or_else(|| {
        ApiError::problem(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable", "awareness campaigns are not enabled on this hub")
    })
}

/// The calling member and its organisation; anonymous callers must authenticate.
async fn member(state: &AppState, headers: &HeaderMap) -> Result<(Principal, store::Org), ApiError> {
    let who = crate::authenticate(state, headers, false).await?;
    match who.org().cloned() {
        Some(org) => Ok((who, org)),
        None => Err(ApiError::from_hub(HubError::Unauthenticated("awareness is for members: send an API token".into()), false)),
    }
}

/// A member allowed to run its organisation's campaigns.
async fn campaigner(state: &AppState, headers: &HeaderMap) -> Result<(Principal, store::Org), ApiError> {
    let (who, org) = member(state, headers).await?;
    crate::roles::require(Caller::from(&who), Action::RunCampaigns).map_err(|d| ApiError::from_hub(d.into(), false))?;
    Ok((who, org))
}

async fn templates() -> Result<Json<Value>, ApiError> {
    let all = run(service::templates).await?;
    Ok(Json(json!({"templates": all.iter().map(service::template_json).collect::<Vec<_>>()})))
}

async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let s = store(&state)?;
    let overview = run(move || service::overview(&*s, org.id, chrono::Utc::now())).await?;
    Ok(Json(serde_json::to_value(&overview).unwrap_or_default()))
}

/// `POST /api/v1/awareness/campaigns`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreateBody {
    name: String,
    channel: String,
    template: String,
    #[serde(default = "english")]
    language: String,
    #[serde(default)]
    legal_basis: Option<String>,
    #[serde(default)]
    staff_notice: Option<String>,
    #[serde(default)]
    works_council: Option<String>,
    #[serde(default)]
    dry_run: bool,
    /// The target list as CSV text, with the CLI's columns.
    targets_csv: String,
}

fn english() -> String {
    "en".into()
}

fn parse_body<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let field = if path == "." || path.is_empty() { "body".to_string() } else { path };
        ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("{field}: {}", e.inner())).with_field(&field)
    })
}

async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let (who, org) = campaigner(&state, &headers).await?;
    let b: CreateBody = parse_body(&body)?;
    let s = store(&state)?;
    let input = CampaignInput {
        org_id: org.id,
        name: b.name,
        channel: b.channel,
        template: b.template,
        language: b.language,
        legal_basis: b.legal_basis,
        staff_notice: b.staff_notice,
        works_council: b.works_council,
        dry_run: b.dry_run,
        targets_csv: b.targets_csv.into_bytes(),
        created_by: who.actor(),
    };
    let public = state.public_url.clone();
    let created = run(move || service::create(&*s, &input, &public, chrono::Utc::now())).await?;
    Ok((StatusCode::CREATED, Json(serde_json::to_value(&created).unwrap_or_default())).into_response())
}

async fn results(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let s = store(&state)?;
    let r = run(move || {
        let c = service::owned(&*s, Some(org.id), id)?;
        service::results(&*s, &c, chrono::Utc::now())
    })
    .await?;
    Ok(Json(serde_json::to_value(&r).unwrap_or_default()))
}

/// `POST /api/v1/awareness/campaigns/{id}/start`: every field optional but the governance rule
/// and the sending identity (`brand`, `domain`, `sender` for e-mail).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct StartBody {
    #[serde(default)]
    legal_basis: Option<String>,
    #[serde(default)]
    staff_notice: Option<String>,
    #[serde(default)]
    works_council: Option<String>,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    send_window: Option<String>,
    #[serde(default)]
    rate_per_minute: Option<u32>,
    #[serde(default)]
    sender: Option<String>,
    #[serde(default)]
    brand: Option<String>,
    #[serde(default)]
    domain: Option<String>,
}

async fn start(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>, body: Bytes) -> Result<Json<Value>, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let b: StartBody = if body.is_empty() { StartBody::default() } else { parse_body(&body)? };
    let input = service::StartInput {
        legal_basis: b.legal_basis,
        staff_notice: b.staff_notice,
        works_council: b.works_council,
        start: b.start,
        end: b.end,
        send_window: b.send_window,
        rate_per_minute: b.rate_per_minute,
        sender: b.sender,
        brand: b.brand,
        domain: b.domain,
    };
    let s = store(&state)?;
    let c = run(move || service::start(&*s, Some(org.id), id, &input, chrono::Utc::now())).await?;
    Ok(Json(service::lifecycle(&c, chrono::Utc::now())))
}

async fn finish(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<i64>) -> Result<Json<Value>, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let s = store(&state)?;
    let c = run(move || service::finish(&*s, Some(org.id), id, chrono::Utc::now())).await?;
    Ok(Json(service::lifecycle(&c, chrono::Utc::now())))
}

async fn policy(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let s = store(&state)?;
    let p = run(move || service::policy(&*s, org.id)).await?;
    Ok(Json(serde_json::to_value(&p).unwrap_or_default()))
}

/// `PUT /api/v1/awareness/policy`: `{"isac_opt_in": bool, "report_tlp": "amber"}`, each optional.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyBody {
    #[serde(default)]
    isac_opt_in: Option<bool>,
    #[serde(default)]
    report_tlp: Option<String>,
}

async fn set_policy(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Json<Value>, ApiError> {
    let (who, org) = campaigner(&state, &headers).await?;
    let b: PolicyBody = parse_body(&body)?;
    let s = store(&state)?;
    let by = who.actor();
    let p = run(move || service::set_policy(&*s, org.id, b.isac_opt_in, b.report_tlp.as_deref(), &by, chrono::Utc::now())).await?;
    Ok(Json(serde_json::to_value(&p).unwrap_or_default()))
}

/// The ISAC's benchmark across the posts that opted in (the hub operator's analysts only).
async fn benchmark(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (who, _) = member(&state, &headers).await?;
    crate::roles::require(Caller::from(&who), Action::SeeAwarenessBenchmarks).map_err(|d| ApiError::from_hub(d.into(), false))?;
    let s = store(&state)?;
    let b = run(move || service::benchmark(&*s, chrono::Utc::now())).await?;
    Ok(Json(serde_json::to_value(&b).unwrap_or_default()))
}

/// Lesson completion per group of the organisation's members: group figures only, groups under
/// 5 people suppressed.
async fn completion(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let s = store(&state)?;
    let summary = run(move || service::completion(&*s, org.id)).await?;
    Ok(Json(serde_json::to_value(&summary).unwrap_or_default()))
}

#[derive(Deserialize)]
struct CourseQuery {
    lang: Option<String>,
}

/// A role track as a SCORM 1.2 package (`lang=en`, the default, or `fr`), for the trainers who
/// run the organisation's awareness (`RunCampaigns`).
async fn scorm(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(track): Path<String>,
    Query(q): Query<CourseQuery>,
) -> Result<Response, ApiError> {
    campaigner(&state, &headers).await?;
    let lang = q.lang.unwrap_or_else(english);
    let (name, bytes) = run(move || service::scorm(&track, &lang)).await?;
    Ok(zip_download(&name, bytes))
}

/// A zip offered as a download under `name` (ASCII letters, digits, '-' and '.').
fn zip_download(name: &str, bytes: Vec<u8>) -> Response {
    let mut resp = bytes.into_response();
    let headers = resp.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/zip"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

#[derive(Deserialize)]
struct SheetQuery {
    lang: Option<String>,
    format: Option<String>,
}

/// The information sheet / DPIA draft as Markdown (`format=md`, the default) or HTML.
async fn sheet(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<i64>,
    Query(q): Query<SheetQuery>,
) -> Result<Response, ApiError> {
    let (_, org) = campaigner(&state, &headers).await?;
    let lang = match q.lang.as_deref() {
        None => awareness::Language::En,
        Some(l) => awareness::Language::from_key(l).ok_or_else(|| {
            ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("lang: '{l}' is not en or fr")).with_field("lang")
        })?,
    };
    let html = match q.format.as_deref() {
        None | Some("md") => false,
        Some("html") => true,
        Some(f) => {
            return Err(
                ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("format: '{f}' is not md or html")).with_field("format")
            );
        }
    };
    let (s, days) = (store(&state)?, state.awareness_retention_days);
    let markdown = run(move || {
        let c = service::owned(&*s, Some(org.id), id)?;
        service::sheet(&*s, &c, &org.name, days, lang)
    })
    .await?;
    let (body, kind) = if html {
        (awareness::markdown::to_html(&markdown, 0), "text/html; charset=utf-8")
    } else {
        (markdown, "text/markdown; charset=utf-8")
    };
    let mut resp = body.into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    Ok(resp)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportBody {
    message: String,
}

async fn report(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let (_, org) = member(&state, &headers).await?;
    let b: ReportBody = parse_body(&body)?;
    file(&state, org, b.message, "api").await
}

/// A forwarded mail: the raw RFC 5322 message as the body (`message/rfc822` or text).
async fn report_mail(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Result<Response, ApiError> {
    let (_, org) = member(&state, &headers).await?;
    let text = String::from_utf8(body.to_vec()).map_err(|_| {
        ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", "body: the mail is not UTF-8 text (send it as 8-bit or quoted-printable)")
            .with_field("body")
    })?;
    file(&state, org, text, "mail").await
}

async fn file(state: &AppState, org: store::Org, message: String, via: &'static str) -> Result<Response, ApiError> {
    let portal_state = crate::portal_state(state);
    let (reported, triaged) = run(move || portal::awareness_report(&portal_state, &org, &message, via)).await?;
    let body = match (reported, triaged) {
        (Reported::Simulation { .. }, _) => {
            json!({"simulation": true, "feedback": "Well spotted: this was a phishing exercise. Your report is counted for your team."})
        }
        (Reported::Real, t) => {
            let t = t.map(|t| json!({"report": t.report_id, "verdict": t.verdict, "lure": t.lure, "urls": t.urls, "reasons": t.reasons, "shared": t.shared}));
            json!({"simulation": false, "triage": t, "feedback": "Thank you: the message is with the security team. Delete it and do not answer it."})
        }
    };
    Ok((StatusCode::OK, Json(body)).into_response())
}
