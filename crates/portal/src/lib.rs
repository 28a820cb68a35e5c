//! The web portal: public checks for citizens (link, message, report a scam, awareness pages)
//! and the members' workspace (dashboard, indicators, triage, administration), server-rendered
//! with auto-escaping templates, Fluent catalogues in English and French, and no script at all.
//! Members sign in with a password and a session cookie, never a token. `server` builds a
//! [`PortalState`] and merges [`router`] into its own; the roles table lives here because both
//! faces ask it.

// Guards return the whole error page as `Err(Response)`; boxing it buys nothing on this path.
#![allow(clippy::result_large_err)]

pub mod i18n;
mod intel;
mod pages;
pub mod roles;
mod session;
mod upload;

pub use pages::awareness::service as awareness_service;
pub use pages::awareness::{MAX_REPORTED_BYTES as AWARENESS_MAX_REPORTED_BYTES, Triaged, report_message as awareness_report};
pub use pages::exercises::service as exercise_service;
pub use pages::incidents::{attachment_name, case_data, case_fields, reports as incident_reports, requested_map};
pub use pages::readiness::publish_snapshot as publish_readiness_snapshot;
pub use pages::readiness::report::{ReportInput, report_pdf};
pub use pages::readiness::report_html;
use pages::{admin, awareness, exercises, incidents, members, posture, public, readiness};
pub use upload::file_download;

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, State, context};
use store::Org;
use store::portal::{PortalStore, SessionRecord, User};

pub use i18n::Catalogues;
pub use i18n::Lang;
use session::{LoginThrottle, RateLimiter};
pub use session::{UserError, add_user, hash_password, verify_password};

/// The Content-Security-Policy of every portal page: nothing inline, nothing from elsewhere.
pub const CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Largest form body the portal reads (a reported message is limited further).
const MAX_FORM_BYTES: usize = 64 * 1024;

/// Decides a link for a caller: the hub's TLP-aware blocklists over the link analyser, the same
/// decision as the JSON API's (`server` supplies it, since the blocklists are shared).
/// The lookup behind domain proofs: the domain in, what the resolver said of its challenge name out.
pub type ProveTxt =
    Arc<dyn Fn(String) -> std::pin::Pin<Box<dyn std::future::Future<Output = ::readiness::proof::TxtAnswer> + Send>> + Send + Sync>;
pub type LinkCheck = Arc<dyn Fn(&str, &hub::Principal) -> Result<links::Verdict, links::LinkError> + Send + Sync>;

/// What the portal's handlers share: the hub and analysers `server` also serves the APIs with,
/// the portal's own stores, and the compiled templates.
#[derive(Clone)]
pub struct PortalState {
    pub hub: hub::Hub,
    /// The link analyser (indicator pages and submissions).
    pub links: Arc<links::Analyzer>,
    /// Message analysis (its URLs are judged by `links`).
    pub text: Arc<scamtext::Analyzer>,
    /// The link check of `/check/link`.
    pub link_check: LinkCheck,
    /// Accounts, sessions and citizen reports; the members' workspace is off without it.
    pub portal_store: Option<Arc<dyn PortalStore>>,
    /// Domain posture results; the posture pages say "not enabled" without it.
    pub posture: Option<Arc<dyn store::PostureStore>>,
    /// Readiness assessments; the readiness pages say "not enabled" without it.
    pub readiness: Option<Arc<dyn store::readiness::ReadinessStore>>,
    /// Reads the TXT records of `_postern-challenge.<domain>` through the posture checks'
    /// resolver, for domain proofs; domain checks are off without it.
    pub prove_txt: Option<ProveTxt>,
    /// Incident cases; the incident pages say "not enabled" without it.
    pub incidents: Option<Arc<dyn store::incidents::IncidentStore>>,
    /// Runs of joint exercises; the exercise pages say "not enabled" without it.
    pub exercises: Option<Arc<dyn store::exercises::ExerciseStore>>,
    /// The brand monitor's hits; the triage queue says "not enabled" without it.
    pub monitor: Option<Arc<dyn store::monitor::MonitorStore>>,
    /// Simulation campaigns and lesson progress; the awareness pages say "not enabled" without it.
    pub awareness: Option<Arc<dyn store::awareness::AwarenessStore>>,
    /// How long person-level simulation events are kept (shown on information sheets).
    pub awareness_retention_days: u32,
    /// Quiz results are queued as xAPI statements for the LRS (`serve --xapi-endpoint`).
    pub awareness_xapi: bool,
    /// Cookies get `Secure` when the hub speaks TLS.
    pub tls: bool,
    /// The base of every absolute URL in pages (no trailing slash), never the `Host` header.
    pub public_url: Arc<str>,
    /// Templates, catalogues and abuse limits.
    pub portal: Arc<Portal>,
}

/// Templates, catalogues and abuse limits of the portal.
pub struct Portal {
    env: Environment<'static>,
    pub(crate) text: Arc<Catalogues>,
    pub(crate) reports: RateLimiter,
    pub(crate) logins: LoginThrottle,
}

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("macros.html", include_str!("../templates/macros.html")),
    ("home.html", include_str!("../templates/home.html")),
    ("check_link.html", include_str!("../templates/check_link.html")),
    ("check_message.html", include_str!("../templates/check_message.html")),
    ("report.html", include_str!("../templates/report.html")),
    ("aware_index.html", include_str!("../templates/aware_index.html")),
    ("aware_lure.html", include_str!("../templates/aware_lure.html")),
    ("error.html", include_str!("../templates/error.html")),
    ("posture.html", include_str!("../templates/posture.html")),
    ("posture_domain.html", include_str!("../templates/posture_domain.html")),
    ("login.html", include_str!("../templates/login.html")),
    ("dashboard.html", include_str!("../templates/dashboard.html")),
    ("indicators.html", include_str!("../templates/indicators.html")),
    ("indicator.html", include_str!("../templates/indicator.html")),
    ("submit.html", include_str!("../templates/submit.html")),
    ("triage.html", include_str!("../templates/triage.html")),
    ("admin.html", include_str!("../templates/admin.html")),
    ("recipients.html", include_str!("../templates/recipients.html")),
    ("readiness_list.html", include_str!("../templates/readiness_list.html")),
    ("readiness_overview.html", include_str!("../templates/readiness_overview.html")),
    ("readiness_area.html", include_str!("../templates/readiness_area.html")),
    ("readiness_score.html", include_str!("../templates/readiness_score.html")),
    ("readiness_report.html", include_str!("../templates/readiness_report.html")),
    ("readiness_domains.html", include_str!("../templates/readiness_domains.html")),
    ("readiness_benchmarks.html", include_str!("../templates/readiness_benchmarks.html")),
    ("readiness_dashboard.html", include_str!("../templates/readiness_dashboard.html")),
    ("incidents.html", include_str!("../templates/incidents.html")),
    ("monitor.html", include_str!("../templates/monitor.html")),
    ("incident_new.html", include_str!("../templates/incident_new.html")),
    ("incident.html", include_str!("../templates/incident.html")),
    ("incident_export.html", include_str!("../templates/incident_export.html")),
    ("incident_report.html", include_str!("../templates/incident_report.html")),
    ("incident_handoffs.html", include_str!("../templates/incident_handoffs.html")),
    ("exercises.html", include_str!("../templates/exercises.html")),
    ("exercise.html", include_str!("../templates/exercise.html")),
    ("exercise_expectations.html", include_str!("../templates/exercise_expectations.html")),
    ("exercise_hotwash.html", include_str!("../templates/exercise_hotwash.html")),
    ("awareness_home.html", include_str!("../templates/awareness_home.html")),
    ("awareness_lesson.html", include_str!("../templates/awareness_lesson.html")),
    ("awareness_report.html", include_str!("../templates/awareness_report.html")),
    ("awareness_benchmark.html", include_str!("../templates/awareness_benchmark.html")),
    ("awareness_campaigns.html", include_str!("../templates/awareness_campaigns.html")),
    ("awareness_campaign.html", include_str!("../templates/awareness_campaign.html")),
    ("awareness_sheet.html", include_str!("../templates/awareness_sheet.html")),
    ("awareness_quizzes.html", include_str!("../templates/awareness_quizzes.html")),
];

impl Default for Portal {
    fn default() -> Self {
        Portal::new()
    }
}

impl Portal {
    /// The message catalogues: the portal's words and the analysers' reason sentences, which
    /// the JSON API writes in the asker's language too.
    pub fn catalogues(&self) -> &Catalogues {
        &self.text
    }

    /// Compiles the templates and loads the catalogues (once per process: both are embedded).
    pub fn new() -> Portal {
        let catalogues = Arc::new(Catalogues::load());
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "portal template does not compile");
            }
        }
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Chainable);
        let text = catalogues.clone();
        env.add_function("t", move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
            let lang = state.lookup("lang").and_then(|v| v.as_str().and_then(Lang::parse)).unwrap_or(Lang::En);
            let mut args = Vec::new();
            for k in kwargs.args() {
                let v: Value = kwargs.get(k)?;
                args.push((k, v.to_string()));
            }
            Ok(text.text(lang, key, &args))
        });
        Portal { env, text: catalogues, reports: RateLimiter::new(5, Duration::from_secs(600)), logins: LoginThrottle::new() }
    }

    /// Renders a standalone template (no member, no CSRF) in `lang`: offline exports.
    pub(crate) fn render(&self, name: &str, lang: Lang, page: Value) -> Result<String, String> {
        let base = context! { lang => lang.code(), dir => lang.dir() };
        self.env.get_template(name).and_then(|t| t.render(context! { ..page, ..base })).map_err(|e| e.to_string())
    }

    /// Renders a page with the common context (language, CSRF token, signed-in member).
    pub(crate) fn page(&self, ctx: &Ctx, status: StatusCode, name: &str, page: Value) -> Response {
        let base = context! {
            lang => ctx.lang.code(),
            dir => ctx.lang.dir(),
            langs => Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>(),
            csrf => ctx.csrf(),
            path => &ctx.path,
            member => ctx.member.as_ref().map(|m| context! {
                username => &m.user.username,
                org => &m.org.name,
                role => m.user.role.as_str(),
                admin => m.is_hub_admin(),
                analyst => m.user.role.may_write(),
            }),
        };
        let html = self.env.get_template(name).and_then(|t| t.render(context! { ..page, ..base }));
        let html = match html {
            Ok(h) => h,
            Err(e) => {
                tracing::error!(template = name, error = %e, "portal template failed");
                return (StatusCode::INTERNAL_SERVER_ERROR, "the page could not be rendered; it is logged").into_response();
            }
        };
        let mut resp = (status, html).into_response();
        let h = resp.headers_mut();
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
        // Pages carry CSRF tokens and members' data: never cached. (HSTS and nosniff come
        // from the server's transport layer, for every answer.)
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if ctx.new_csrf_cookie
            && let Ok(v) = HeaderValue::from_str(&session::cookie(session::CSRF_COOKIE, &ctx.anon_csrf, None, ctx.secure))
        {
            h.append(header::SET_COOKIE, v);
        }
        resp
    }

    /// An error page whose message is the catalogue entry `key`.
    pub(crate) fn error(&self, ctx: &Ctx, status: StatusCode, key: &str, detail: Option<String>) -> Response {
        self.page(ctx, status, "error.html", context! { status => status.as_u16(), message_key => key, detail => detail })
    }

    /// Maps a hub error onto an error page (the portal's share of the one error mapping).
    pub(crate) fn hub_error(&self, ctx: &Ctx, e: hub::HubError) -> Response {
        let status = StatusCode::from_u16(e.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        match e {
            hub::HubError::NotFound(_) => self.error(ctx, status, "error-not-found", None),
            hub::HubError::Forbidden(m) => self.error(ctx, status, "error-forbidden", Some(m)),
            hub::HubError::Unauthenticated(_) => self.error(ctx, status, "error-forbidden", None),
            hub::HubError::BadRequest { .. } | hub::HubError::Conflict(_) => {
                self.error(ctx, status, "error-bad-request", Some(e.to_string()))
            }
            other => {
                tracing::error!(error = %other, "portal request failed");
                self.error(ctx, status, "error-internal", None)
            }
        }
    }
}

/// A signed-in member.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    pub user: User,
    pub org: Org,
    pub session: SessionRecord,
}

impl Member {
    /// The hub principal the member acts as: its organisation, with the user's role.
    pub(crate) fn principal(&self) -> hub::Principal {
        hub::Principal::Member { org: self.org.clone(), token_id: format!("portal-user:{}", self.user.username), role: self.user.role }
    }

    /// Administrators of the hub's own organisation manage organisations, users and tokens.
    pub(crate) fn is_hub_admin(&self) -> bool {
        self.org.is_hub && self.user.role == store::Role::Admin
    }
}

/// What every portal handler knows about the request.
pub(crate) struct Ctx {
    pub lang: Lang,
    pub anon_csrf: String,
    pub new_csrf_cookie: bool,
    pub member: Option<Member>,
    pub path: String,
    pub ip: Option<IpAddr>,
    pub secure: bool,
}

impl Ctx {
    /// The anti-CSRF token forms of this request must carry.
    pub(crate) fn csrf(&self) -> &str {
        match &self.member {
            Some(m) => &m.session.csrf,
            None => &self.anon_csrf,
        }
    }

    /// True when a submitted form carries this visitor's token (and the visitor had one before).
    pub(crate) fn csrf_ok(&self, submitted: &str) -> bool {
        match &self.member {
            Some(m) => session::same_token(submitted, &m.session.csrf),
            None => !self.new_csrf_cookie && session::same_token(submitted, &self.anon_csrf),
        }
    }
}

impl FromRequestParts<PortalState> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &PortalState) -> Result<Ctx, Self::Rejection> {
        let headers = &parts.headers;
        let cookies = headers.get(header::COOKIE).and_then(|v| v.to_str().ok()).unwrap_or("");
        let lang = session::cookie_value(cookies, session::LANG_COOKIE)
            .and_then(Lang::parse)
            .or_else(|| headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(Lang::negotiate))
            .unwrap_or(Lang::En);
        let (anon_csrf, new_csrf_cookie) = match session::cookie_value(cookies, session::CSRF_COOKIE) {
            Some(t) if session::looks_like_token(t) => (t.to_string(), false),
            _ => (session::random_token(), true),
        };
        let member = match (session::cookie_value(cookies, session::SESSION_COOKIE), &state.portal_store) {
            (Some(cookie), Some(store)) if session::looks_like_token(cookie) => {
                load_member(state.hub.clone(), store.clone(), session::session_hash(cookie)).await
            }
            _ => None,
        };
        let ip = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        Ok(Ctx { lang, anon_csrf, new_csrf_cookie, member, path: parts.uri.path().to_string(), ip, secure: state.tls })
    }
}

async fn load_member(hub: hub::Hub, store: Arc<dyn PortalStore>, hash: Vec<u8>) -> Option<Member> {
    let found = tokio::task::spawn_blocking(move || -> Result<Option<Member>, hub::HubError> {
        let now = chrono::Utc::now().timestamp_micros();
        let Some(session) = store.session(&hash, now)? else { return Ok(None) };
        let Some(user) = store.user_by_id(session.user_id)? else { return Ok(None) };
        if user.disabled {
            return Ok(None);
        }
        let Some(org) = hub.org_by_id(user.org_id)? else { return Ok(None) };
        Ok(Some(Member { user, org, session }))
    })
    .await;
    match found {
        Ok(Ok(m)) => m,
        Ok(Err(e)) => {
            tracing::error!(error = %e, "reading a portal session failed");
            None
        }
        Err(_) => None,
    }
}

/// The portal's routes, with its security headers and body limit, ready to merge into any
/// router.
pub fn router<S: Clone + Send + Sync + 'static>(state: PortalState) -> Router<S> {
    Router::new()
        .merge(public::routes())
        .merge(members::routes())
        .merge(admin::routes())
        .merge(posture::routes())
        .merge(readiness::routes())
        .merge(incidents::routes())
        .merge(exercises::routes())
        .merge(pages::monitor::routes())
        .merge(awareness::routes())
        .layer(DefaultBodyLimit::max(MAX_FORM_BYTES))
        .layer(axum::middleware::map_response(security_headers))
        .with_state(state)
}

async fn security_headers(mut resp: Response) -> Response {
    let h: &mut HeaderMap = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    resp
}

/// True when a request carries a session cookie (signed in, or trying to be).
pub fn has_session_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| session::cookie_value(c, session::SESSION_COOKIE).is_some())
}

/// The same-origin path (with its query) a `back=` value names, normalised and percent-encoded,
/// or `None` for anything that could leave the site: another scheme or host, `//` or `\`
/// (browsers read `\` as `/`), or control characters (browsers drop tabs and newlines, so
/// `/\t/evil.example` is `//evil.example` to them), also once more percent-decoded.
pub(crate) fn same_origin_path(back: &str) -> Option<String> {
    let decoded = percent_encoding::percent_decode_str(back).decode_utf8().ok()?;
    for form in [back, decoded.as_ref()] {
        let unsafe_char = form.chars().any(|c| c.is_control() || c == '\\');
        if unsafe_char || !form.starts_with('/') || form.starts_with("//") {
            return None;
        }
    }
    // Resolved against a fixed origin: whatever survives must still be on it.
    let origin = url::Url::parse("http://portal.invalid/").ok()?;
    let url = origin.join(back).ok()?;
    if url.origin() != origin.origin() {
        return None;
    }
    let mut path = url.path().to_string();
    if let Some(q) = url.query() {
        path.push('?');
        path.push_str(q);
    }
    Some(path)
}

/// A 303 to `to` (after a successful POST).
pub(crate) fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// Runs blocking work (store, argon2, hub) off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    tokio::task::spawn_blocking(f).await.ok()
}

/// The portal store, or the error page saying the workspace is not configured.
pub(crate) fn store_or_error(state: &PortalState, ctx: &Ctx) -> Result<Arc<dyn PortalStore>, Response> {
    state.portal_store.clone().ok_or_else(|| state.portal.error(ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None))
}

/// The signed-in member, or a redirect to the login page.
pub(crate) fn member_or_login(ctx: &Ctx) -> Result<&Member, Response> {
    ctx.member.as_ref().ok_or_else(|| see_other("/login"))
}

/// Defangs a URL or domain for display (`hxxps://evil[.]top`), so that it is never a live link.
pub(crate) fn defang(s: &str) -> String {
    s.replacen("http", "hxxp", 1).replace('.', "[.]")
}

/// Whose posture results a caller reads: its organisation's and the public scoreboard, or the
/// public scoreboard alone.
pub fn posture_reader(who: &hub::Principal) -> store::PostureReader {
    who.org().map_or(store::PostureReader::Public, |o| store::PostureReader::Org(o.id))
}

#[cfg(test)]
mod tests {
    fn check(back: &str, expected: Option<&str>) {
        assert_eq!(super::same_origin_path(back).as_deref(), expected, "back={back:?}");
    }

    #[test]
    fn back_is_a_same_origin_path_or_nothing() {
        check("/", Some("/"));
        check("/check/link", Some("/check/link"));
        check("/members/indicators?q=colis&page=2", Some("/members/indicators?q=colis&page=2"));
        check("/aware/parcel fee", Some("/aware/parcel%20fee"));
        check("/a/../b", Some("/b"));
        for bad in [
            "/\t/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/\0",
            "//evil",
            "\\evil",
            "/\\evil",
            "https://evil",
            "javascript:alert(1)",
            "evil",
            "",
            "/%2f%2fevil",
            "/%09/evil.example",
            "/%5cevil",
            "/%0d%0a",
            "/%00",
            "/%ff",
        ] {
            check(bad, None);
        }
    }
}
