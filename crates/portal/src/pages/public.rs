//! The public pages: home, check a link, check a message, report a scam, awareness pages per
//! postal lure, the language switcher, the style sheet and `/.well-known/security.txt`.

use std::time::Instant;

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};
use serde::Deserialize;
use store::portal::{NewReport, ReportKind};

use crate::PortalState;
use crate::session::{self, LANG_COOKIE};
use crate::{Ctx, Lang, defang, intel, see_other, store_or_error};

/// Largest reported message or URL, in bytes.
pub(crate) const MAX_REPORT_BYTES: usize = 8 * 1024;
/// Largest message the check page analyses (the library's own limit is larger).
const MAX_CHECK_BYTES: usize = 16 * 1024;

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/", get(home))
        .route("/static/portal.css", get(css))
        .route("/lang/{code}", get(switch_language))
        .route("/check/link", get(link_form).post(link_check))
        .route("/check/message", get(message_form).post(message_check))
        .route("/report", get(report_form).post(report_submit))
        .route("/aware", get(aware_index))
        .route("/aware/{lure}", get(aware_lure))
        .route("/.well-known/security.txt", get(security_txt))
}

async fn home(State(state): State<PortalState>, ctx: Ctx) -> Response {
    state.portal.page(&ctx, StatusCode::OK, "home.html", context! {})
}

const CSS: &str = include_str!("../../static/portal.css");

async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], CSS).into_response()
}

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

async fn switch_language(State(state): State<PortalState>, Path(code): Path<String>, Query(q): Query<Back>) -> Response {
    let lang = Lang::parse(&code).unwrap_or(Lang::En);
    // Only same-site paths: never an open redirect; anything else goes home.
    let back = q.back.as_deref().and_then(crate::same_origin_path).unwrap_or_else(|| "/".into());
    let mut resp = see_other(&back);
    if let Ok(v) = HeaderValue::from_str(&session::cookie(LANG_COOKIE, lang.code(), Some(365 * 24 * 3600), state.tls)) {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    resp
}

#[derive(Deserialize, Default)]
struct LinkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    url: String,
}

async fn link_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    state.portal.page(&ctx, StatusCode::OK, "check_link.html", context! {})
}

async fn link_check(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<LinkForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let input = form.url.trim();
    if input.is_empty() {
        return state.portal.page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "check_link.html", context! { error => "check-link-empty" });
    }
    // The same decision as the JSON API: anonymous visitors up to the configured ceiling,
    // signed-in members per collection with their organisation's grants.
    let who = ctx.member.as_ref().map_or(hub::Principal::Anonymous, |m| m.principal());
    match (state.link_check)(input, &who) {
        Ok(v) => {
            let verdict = link_verdict_value(&state, ctx.lang, &v);
            state.portal.page(&ctx, StatusCode::OK, "check_link.html", context! { input => input, verdict => verdict })
        }
        Err(e) => state.portal.page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "check_link.html",
            context! { input => input, error => "check-link-invalid", error_detail => e.to_string() },
        ),
    }
}

pub(crate) fn link_verdict_value(state: &PortalState, lang: Lang, v: &links::Verdict) -> Value {
    let reasons: Vec<Value> = v
        .reasons
        .iter()
        .map(|r| {
            let key = format!("reason-{}", r.code.replace('_', "-"));
            let title = state.portal.text.has(lang, &key).then(|| state.portal.text.text(lang, &key, &[]));
            context! { code => &r.code, title => title, message => state.portal.text.link_reason(lang, r) }
        })
        .collect();
    context! {
        level => v.verdict.name(),
        score => v.score,
        url => defang(&v.url),
        brand => v.brand.as_ref().map(|b| context! { name => &b.name, domain => &b.domain }),
        reasons => reasons,
    }
}

#[derive(Deserialize, Default)]
struct MessageForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    message: String,
}

async fn message_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    state.portal.page(&ctx, StatusCode::OK, "check_message.html", context! {})
}

async fn message_check(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<MessageForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let text = form.message;
    if text.trim().is_empty() {
        return state.portal.page(
            &ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            "check_message.html",
            context! { error => "check-message-empty" },
        );
    }
    if text.len() > MAX_CHECK_BYTES {
        return state.portal.page(
            &ctx,
            StatusCode::PAYLOAD_TOO_LARGE,
            "check_message.html",
            context! { error => "check-message-too-long", max => MAX_CHECK_BYTES },
        );
    }
    let analyzer = state.text.clone();
    let echoed = text.clone();
    let Some((analysis, segments)) = crate::blocking(move || {
        let a = analyzer.analyze(&text);
        let segments = intel::highlight(&text);
        (a, segments)
    })
    .await
    else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let level = match analysis.verdict {
        scamtext::Verdict::Scam => "malicious",
        scamtext::Verdict::Suspicious => "suspicious",
        scamtext::Verdict::Benign => "benign",
    };
    let reasons: Vec<Value> =
        analysis.reasons.iter().map(|r| context! { code => r.code, message => state.portal.text.message_reason(ctx.lang, r) }).collect();
    let result = context! {
        level => level,
        score => format!("{:.0}", analysis.score * 100.0),
        lure => analysis.lure.map(|l| l.as_str()),
        brand => analysis.brand,
        language => analysis.language,
        urls => analysis.urls.iter().map(|u| defang(u)).collect::<Vec<_>>(),
        phones => analysis.phones,
        amounts => analysis.amounts,
        tracking => analysis.tracking_numbers,
        emails => analysis.emails,
        reasons => reasons,
        segments => segments,
    };
    state.portal.page(&ctx, StatusCode::OK, "check_message.html", context! { result => result, message => echoed })
}

#[derive(Deserialize, Default)]
struct ReportForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    contact: String,
}

async fn report_form(State(state): State<PortalState>, ctx: Ctx) -> Response {
    state.portal.page(&ctx, StatusCode::OK, "report.html", context! { form => context! { kind => "message" } })
}

async fn report_submit(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<ReportForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let store = match store_or_error(&state, &ctx) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let echo = context! { kind => &form.kind, content => &form.content, country => &form.country, contact => &form.contact };
    let invalid = |key: &str| {
        state.portal.page(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "report.html", context! { form => echo.clone(), error => key })
    };
    let Some(kind) = ReportKind::parse(&form.kind) else { return invalid("report-error-kind") };
    let content = form.content.trim();
    if content.is_empty() {
        return invalid("report-error-empty");
    }
    if content.len() > MAX_REPORT_BYTES || form.contact.len() > 200 {
        return invalid("report-error-too-long");
    }
    if content.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return invalid("report-error-binary");
    }
    let country = form.country.trim().to_ascii_uppercase();
    if !(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase())) {
        return invalid("report-error-country");
    }
    if kind == ReportKind::Url && links::parse::parse(content).is_err() {
        return invalid("report-error-url");
    }
    // Addresses are unknown only when the router runs without connection info (unit tests).
    let ip = ctx.ip.unwrap_or(std::net::IpAddr::from([127, 0, 0, 1]));
    if !state.portal.reports.allow(ip, Instant::now()) {
        return state.portal.page(
            &ctx,
            StatusCode::TOO_MANY_REQUESTS,
            "report.html",
            context! { form => echo, error => "report-error-rate" },
        );
    }
    let contact = Some(form.contact.trim().to_string()).filter(|c| !c.is_empty());
    let report = NewReport { kind, content: content.to_string(), country, contact };
    let saved = crate::blocking(move || store.add_report(&report)).await;
    match saved {
        Some(Ok(id)) => state.portal.page(&ctx, StatusCode::OK, "report.html", context! { filed => id }),
        Some(Err(e)) => {
            tracing::error!(error = %e, "storing a citizen report failed");
            state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)
        }
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// The lures with an awareness page.
pub(crate) fn lures() -> impl Iterator<Item = scamtext::Lure> {
    scamtext::Lure::ALL.into_iter().filter(|l| *l != scamtext::Lure::Other)
}

async fn aware_index(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let lures: Vec<&str> = lures().map(|l| l.as_str()).collect();
    state.portal.page(&ctx, StatusCode::OK, "aware_index.html", context! { lures => lures })
}

async fn aware_lure(State(state): State<PortalState>, ctx: Ctx, Path(name): Path<String>) -> Response {
    let Some(lure) = scamtext::Lure::parse(&name).filter(|l| *l != scamtext::Lure::Other) else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    // Examples are what an anonymous reader may see: TLP:CLEAR objects of public collections.
    let hub = state.hub.clone();
    let text = state.text.clone();
    let examples = crate::blocking(move || intel::lure_examples(&hub, &text, lure, 6)).await;
    let examples = match examples {
        Some(Ok(e)) => e,
        Some(Err(e)) => return state.portal.hub_error(&ctx, e),
        None => Vec::new(),
    };
    state.portal.page(&ctx, StatusCode::OK, "aware_lure.html", context! { lure => lure.as_str(), examples => examples })
}

async fn security_txt(State(state): State<PortalState>) -> Response {
    // The configured public URL, never the Host header: a cache must not keep a forged one.
    let base = &state.public_url;
    let expires = (chrono::Utc::now() + chrono::Duration::days(365)).format("%Y-%m-%dT00:00:00Z");
    let body = format!(
        "Contact: {base}/report\nExpires: {expires}\nPreferred-Languages: en, fr\nCanonical: {base}/.well-known/security.txt\nPolicy: {base}/aware\n"
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}
