//! The landing routes of simulation campaigns, under `/a/`: the link a target follows, the page's
//! script beacon, the invisible honeypot link, and the landing form, which ends on the "this was
//! a simulation" teaching page showing the lure's cues.
//!
//! Architecture Invariant: no landing route stores a request body. The form has no named fields;
//! whatever a client posts is read in chunks and dropped, and only "submitted" with a field count
//! is recorded. Events keep the source network prefix, never the address. Tokens are looked up,
//! never echoed into logs or metrics (metrics see the route template only).

use std::net::SocketAddr;
use std::sync::Arc;

use awareness::Language;
use awareness::clicks::network_of;
use awareness::templates::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http_body_util::BodyExt;
use serde::Deserialize;
use store::awareness::{AwarenessStore, BeaconOutcome, EventKind, NewEvent, TargetRecord};

use crate::AppState;

/// The most of a posted body read (and dropped) before the form is answered.
const MAX_DISCARDED_BODY: usize = 64 * 1024;

/// The longest user agent kept.
const MAX_USER_AGENT: usize = 512;

/// Pages of the landing routes: no script but the beacon, no outside resource, no framing. The
/// beacon is a `navigator.sendBeacon` to this server, which CSP governs by `connect-src`: without
/// it a browser blocks the beacon and no person's click could ever be confirmed.
const CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'self'; \
                   frame-ancestors 'none'; base-uri 'none'";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/a/-/beacon.js", get(beacon_script))
        .route("/a/{token}", get(link))
        .route("/a/{token}/h", get(honeypot))
        .route("/a/{token}/b", post(beacon))
        .route("/a/{token}/s", post(submit))
}

/// Why a landing route answers with something else than its page: the answer says nothing more.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    /// Simulations are off, or the token is unknown or malformed.
    NotFound,
    /// The store failed (logged); the visitor is asked to come back.
    Unavailable,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::NotFound => {
                page(StatusCode::NOT_FOUND, Language::En, "Link not valid", "<p>This link is not valid or has expired.</p>")
            }
            Refusal::Unavailable => page(StatusCode::SERVICE_UNAVAILABLE, Language::En, "Unavailable", "<p>Please try again later.</p>"),
        }
    }
}

/// The store, or a 404 when simulations are off.
fn store(state: &AppState) -> Result<Arc<dyn AwarenessStore>, Refusal> {
    state.awareness.clone().ok_or(Refusal::NotFound)
}

/// Runs a store call off the async workers; a failure is a 503 page, never the store's text.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> store::Result<T> + Send + 'static) -> Result<T, Refusal> {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "awareness storage failed");
            Err(Refusal::Unavailable)
        }
        Err(_) => Err(Refusal::Unavailable),
    }
}

/// The target of a token.
async fn target(store: &Arc<dyn AwarenessStore>, token: String) -> Result<TargetRecord, Refusal> {
    // Tokens are 32 hex digits: anything else is not looked up.
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Refusal::NotFound);
    }
    let s = store.clone();
    blocking(move || s.target_by_token(&token)).await?.ok_or(Refusal::NotFound)
}

fn event(kind: EventKind, method: &Method, headers: &HeaderMap, peer: SocketAddr) -> NewEvent {
    let ua = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default();
    NewEvent {
        at: store::now_rfc3339(),
        kind,
        method: method.as_str().chars().take(16).collect(),
        user_agent: ua.chars().take(MAX_USER_AGENT).collect(),
        network: network_of(peer.ip()).to_string(),
        interaction: None,
        view: None,
        fields: None,
    }
}

async fn record(store: &Arc<dyn AwarenessStore>, target_id: i64, e: NewEvent) -> Result<(), Refusal> {
    let s = store.clone();
    blocking(move || s.record_event(target_id, &e)).await.map(|_| ())
}

/// The campaign's template and language, for the pages, and whether its links stopped counting
/// (finished, or its end has come).
async fn lure(store: &Arc<dyn AwarenessStore>, t: &TargetRecord) -> Result<(Option<Template>, Language, bool), Refusal> {
    let (s, id) = (store.clone(), t.campaign_id);
    let campaign = blocking(move || s.campaign(id)).await?;
    let Some(c) = campaign else { return Ok((None, Language::En, true)) };
    let lang = Language::from_key(&c.campaign.language).unwrap_or(Language::En);
    let template = awareness::templates::embedded().ok().and_then(|all| all.into_iter().find(|t| t.id == c.campaign.template));
    Ok((template, lang, portal::awareness_service::closed(&c, chrono::Utc::now())))
}

/// `GET /a/{token}` (and `HEAD`): the link hit, answered with the landing form.
async fn link(
    State(state): State<AppState>,
    Path(token): Path<String>,
    method: Method,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Response {
    let run = async {
        let store = store(&state)?;
        let t = target(&store, token).await?;
        let (template, lang, closed) = lure(&store, &t).await?;
        // A finished campaign's link counts nothing: it lands on the teaching page.
        if closed {
            return Ok(teaching(template.as_ref(), lang));
        }
        let view = uuid::Uuid::new_v4().simple().to_string();
        let mut e = event(EventKind::Link, &method, &headers, peer);
        e.view = Some(view.clone());
        record(&store, t.id, e).await?;
        Ok::<_, Refusal>(landing_form(&t.token, &view, lang))
    };
    run.await.unwrap_or_else(IntoResponse::into_response)
}

/// `GET /a/{token}/h`: the invisible link; only a program follows it.
async fn honeypot(
    State(state): State<AppState>,
    Path(token): Path<String>,
    method: Method,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
) -> Response {
    let run = async {
        let store = store(&state)?;
        let t = target(&store, token).await?;
        if !lure(&store, &t).await?.2 {
            record(&store, t.id, event(EventKind::Honeypot, &method, &headers, peer)).await?;
        }
        Ok::<_, Refusal>(StatusCode::NO_CONTENT.into_response())
    };
    run.await.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Deserialize)]
struct BeaconQuery {
    v: String,
    #[serde(default)]
    i: u8,
}

/// `POST /a/{token}/b?v=VIEW&i=0|1`: the page's script ran (`i=1`: after a pointer or key event).
/// A view is accepted once, for the target it was served to.
async fn beacon(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<BeaconQuery>,
    method: Method,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Body,
) -> Response {
    discard(body).await;
    let run = async {
        let store = store(&state)?;
        let t = target(&store, token).await?;
        if lure(&store, &t).await?.2 {
            return Ok(StatusCode::GONE.into_response());
        }
        let mut e = event(EventKind::Beacon, &method, &headers, peer);
        e.interaction = Some(q.i == 1);
        let (s, view) = (store.clone(), q.v);
        let outcome = blocking(move || s.record_beacon(t.id, &view, &e)).await?;
        Ok::<_, Refusal>(match outcome {
            BeaconOutcome::Recorded => StatusCode::NO_CONTENT.into_response(),
            BeaconOutcome::UnknownView => StatusCode::NOT_FOUND.into_response(),
            BeaconOutcome::Replayed => StatusCode::CONFLICT.into_response(),
        })
    };
    run.await.unwrap_or_else(IntoResponse::into_response)
}

#[derive(Deserialize)]
struct SubmitQuery {
    /// Set by the page's script: how many inputs were filled (never what).
    filled: Option<u8>,
}

/// `POST /a/{token}/s`: the landing form was sent. The body is read and dropped unseen but for
/// its number of fields; the answer is the teaching page.
async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<SubmitQuery>,
    method: Method,
    headers: HeaderMap,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Body,
) -> Response {
    let posted_fields = discard(body).await;
    let run = async {
        let store = store(&state)?;
        let t = target(&store, token).await?;
        let (template, lang, closed) = lure(&store, &t).await?;
        if !closed {
            let mut e = event(EventKind::Submit, &method, &headers, peer);
            e.fields = Some(i64::from(q.filled.unwrap_or(0).min(50)).max(posted_fields));
            record(&store, t.id, e).await?;
        }
        Ok::<_, Refusal>(teaching(template.as_ref(), lang))
    };
    run.await.unwrap_or_else(IntoResponse::into_response)
}

/// Reads a request body chunk by chunk, keeping nothing but the number of form fields seen (the
/// `&`-separated non-empty parts of a URL-encoded body), up to [`MAX_DISCARDED_BODY`] bytes.
async fn discard(mut body: Body) -> i64 {
    let (mut read, mut fields, mut in_field) = (0usize, 0i64, false);
    while let Some(Ok(frame)) = body.frame().await {
        let Ok(chunk) = frame.into_data() else { continue };
        for b in chunk.iter() {
            match *b {
                b'&' => in_field = false,
                _ if !in_field => {
                    in_field = true;
                    fields += 1;
                }
                _ => {}
            }
        }
        read += chunk.len();
        if read >= MAX_DISCARDED_BODY {
            break;
        }
    }
    fields.min(50)
}

/// The script of the landing page: one beacon after the first pointer or key event, or one
/// without interaction when the page is left; on submit, the number of filled inputs.
async fn beacon_script() -> Response {
    let js = r#"(function () {
  var s = document.currentScript, url = s && s.getAttribute('data-beacon'), sent = false;
  function send(i) { if (sent || !url) return; sent = true; navigator.sendBeacon(url + '&i=' + i); }
  ['pointerdown', 'keydown', 'touchstart'].forEach(function (t) { addEventListener(t, function () { send(1); }, { once: true }); });
  addEventListener('pagehide', function () { send(0); });
  var f = document.getElementById('f');
  if (f) f.addEventListener('submit', function () {
    var n = 0; f.querySelectorAll('input').forEach(function (x) { if (x.value) n++; });
    f.action = f.getAttribute('action') + '?filled=' + n;
  });
})();
"#;
    ([(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], js).into_response()
}

fn landing_form(token: &str, view: &str, lang: Language) -> Response {
    let (title, prompt, id_label, secret_label, button) = match lang {
        Language::En => {
            ("Confirm your details", "To continue, confirm your details.", "Reference or login", "Password or code", "Continue")
        }
        Language::Fr => (
            "Confirmez vos informations",
            "Pour continuer, confirmez vos informations.",
            "Référence ou identifiant",
            "Mot de passe ou code",
            "Continuer",
        ),
    };
    // The inputs have no `name`: a browser sends none of them. The honeypot link is invisible
    // and out of the tab order; only a program follows it.
    let body = format!(
        r#"<p>{prompt}</p>
<form id="f" method="post" action="/a/{token}/s">
<p><label>{id_label}<br><input type="text" autocomplete="off"></label></p>
<p><label>{secret_label}<br><input type="password" autocomplete="off"></label></p>
<p><button type="submit" style="min-height:44px;min-width:44px">{button}</button></p>
</form>
<a href="/a/{token}/h" style="display:none" tabindex="-1" aria-hidden="true">.</a>
<script src="/a/-/beacon.js" data-beacon="/a/{token}/b?v={view}"></script>"#
    );
    page(StatusCode::OK, lang, title, &body)
}

fn teaching(template: Option<&Template>, lang: Language) -> Response {
    let (title, intro, outro) = match lang {
        Language::En => (
            "This was a simulation",
            "This message was a phishing exercise run by your organisation. Nothing you typed was sent or kept: the form had no fields the server could read. Here are the signs that gave it away:",
            "Next time, report such a message with your organisation's report button instead of opening its link. Reporting quickly is what protects everyone.",
        ),
        Language::Fr => (
            "C'était une simulation",
            "Ce message était un exercice d'hameçonnage organisé par votre organisation. Rien de ce que vous avez saisi n'a été envoyé ni conservé : le formulaire n'avait aucun champ lisible par le serveur. Voici les indices qui le trahissaient :",
            "La prochaine fois, signalez ce type de message avec le bouton de signalement de votre organisation au lieu d'ouvrir le lien. Signaler vite, c'est ce qui protège tout le monde.",
        ),
    };
    let cues: String =
        template.map(|t| t.cues.iter().map(|c| format!("<li>{}</li>\n", escape(c.explanation(lang)))).collect()).unwrap_or_default();
    let body = format!("<p>{}</p>\n<ul>\n{cues}</ul>\n<p>{}</p>", escape(intro), escape(outro));
    page(StatusCode::OK, lang, title, &body)
}

fn page(status: StatusCode, lang: Language, title: &str, body: &str) -> Response {
    let html = format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex, nofollow\"><title>{t}</title></head>\n<body style=\"font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em;line-height:1.5\">\n<main>\n<h1>{t}</h1>\n{body}\n</main>\n</body></html>\n",
        lang.key(),
        t = escape(title)
    );
    let mut resp = (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert("x-robots-tag", HeaderValue::from_static("noindex, nofollow"));
    resp
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn check(body: &'static [u8], fields: i64) {
        assert_eq!(discard(Body::from(body)).await, fields, "{}", String::from_utf8_lossy(body));
    }

    #[tokio::test]
    async fn a_posted_body_leaves_only_its_field_count() {
        check(b"", 0).await;
        check(b"login=ana&password=secret", 2).await;
        check(b"&&x=1&", 1).await;
        check(b"just text", 1).await;
        let many: &'static [u8] = Box::leak("a=1&".repeat(100).into_boxed_str()).as_bytes();
        check(many, 50).await;
    }

    #[test]
    fn page_text_is_escaped() {
        assert_eq!(escape("<b a=\"x\">&'"), "&lt;b a=&quot;x&quot;&gt;&amp;&#39;");
    }
}
