//! Proven domains: an organisation's administrator asks for a token for a domain, publishes it
//! as a TXT record at `_postern-challenge.<domain>` and asks the hub to check; the hub reads the
//! record through its posture resolver only ([`crate::PortalState::prove_txt`]). The posture
//! results of a proven domain then feed the organisation's assessments as scan evidence, as
//! the domains a facilitator declares do.

use std::collections::HashMap;

use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use readiness::proof::{self, Refusal};
use store::readiness::DomainRecord;

use super::{day, now, parts};
use crate::pages::members::member_for;
use crate::roles::{self, Action};
use crate::{Ctx, PortalState, blocking, member_or_login};

/// What the page says after an action: a catalogue code (`readiness-proof-<code>`) with its domain.
struct Notice {
    code: &'static str,
    domain: String,
    detail: String,
}

fn rows(domains: &[DomainRecord]) -> Vec<Value> {
    domains
        .iter()
        .map(|d| {
            context! {
                domain => &d.domain, name => proof::challenge_name(&d.domain), value => proof::record_value(&d.token),
                proven => d.proven_at.as_deref().map(day),
            }
        })
        .collect()
}

/// The list page, with the outcome of the action just done.
async fn render(state: &PortalState, ctx: &Ctx, status: StatusCode, notice: Option<Notice>) -> Response {
    let member = match member_or_login(ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let store = match parts(state, ctx) {
        Ok((_, s)) => s,
        Err(r) => return r,
    };
    let org_id = member.org.id;
    let domains = match blocking(move || store.domains(org_id)).await {
        Some(Ok(d)) => d,
        Some(Err(e)) => return state.portal.hub_error(ctx, e.into()),
        None => return state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let may_prove = roles::allows(roles::Caller::from(&member.principal()), Action::ProveDomains);
    let notice = notice.map(|n| context! { code => n.code, domain => n.domain, detail => n.detail });
    let page = context! { rows => rows(&domains), may_prove => may_prove, notice => notice };
    state.portal.page(ctx, status, "readiness_domains.html", page)
}

pub(super) async fn list(State(state): State<PortalState>, ctx: Ctx) -> Response {
    render(&state, &ctx, StatusCode::OK, None).await
}

/// The domain of a form, checked; `Err` is the refusal page.
async fn form_domain(state: &PortalState, ctx: &Ctx, form: &HashMap<String, String>) -> Result<String, Response> {
    let raw = form.get("domain").map_or("", String::as_str);
    match readiness::profile::domain(raw) {
        Some(d) => Ok(d),
        None => {
            let notice = Notice { code: "invalid", domain: raw.chars().take(80).collect(), detail: String::new() };
            Err(render(state, ctx, StatusCode::UNPROCESSABLE_ENTITY, Some(notice)).await)
        }
    }
}

/// A new token for a domain (or the one already given, so a published record stays valid).
pub(super) async fn request(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<HashMap<String, String>>) -> Response {
    let member = match member_for(&state, &ctx, Action::ProveDomains).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (_, store) = match parts(&state, &ctx) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let domain = match form_domain(&state, &ctx, &form).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let token: String = rand::random::<[u8; 16]>().iter().map(|b| format!("{b:02x}")).collect();
    let (org_id, d) = (member.org.id, domain.clone());
    match blocking(move || store.domain_challenge(org_id, &d, &token, &now())).await {
        Some(Ok(_)) => render(&state, &ctx, StatusCode::OK, Some(Notice { code: "requested", domain, detail: String::new() })).await,
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// Reads the challenge record through the hub's resolver and records the outcome: 200 when
/// proven, 422 with the reason when not.
pub(super) async fn check(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<HashMap<String, String>>) -> Response {
    let member = match member_for(&state, &ctx, Action::ProveDomains).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (_, store) = match parts(&state, &ctx) {
        Ok(p) => p,
        Err(r) => return r,
    };
    let domain = match form_domain(&state, &ctx, &form).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let Some(lookup) = state.prove_txt.clone() else {
        return state.portal.error(&ctx, StatusCode::SERVICE_UNAVAILABLE, "readiness-proofs-no-dns", None);
    };
    let org_id = member.org.id;
    let (s, d) = (store.clone(), domain.clone());
    let challenge = match blocking(move || s.domains(org_id)).await {
        Some(Ok(all)) => all.into_iter().find(|c| c.domain == d),
        Some(Err(e)) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let Some(challenge) = challenge else {
        let notice = Notice { code: "unknown", domain, detail: String::new() };
        return render(&state, &ctx, StatusCode::UNPROCESSABLE_ENTITY, Some(notice)).await;
    };
    let answer = lookup(domain.clone()).await;
    let verdict = proof::verdict(&challenge.token, &answer);
    let (code, proven, detail) = match &verdict {
        Ok(()) => (proof::PROVEN, Some(true), String::new()),
        Err(r @ Refusal::LookupFailed(e)) => (r.code(), None, e.clone()),
        Err(r) => (r.code(), Some(false), String::new()),
    };
    let d = domain.clone();
    match blocking(move || store.record_domain_check(org_id, &d, &now(), code, proven)).await {
        Some(Ok(_)) => {}
        Some(Err(e)) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
    let status = if verdict.is_ok() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    render(&state, &ctx, status, Some(Notice { code, domain, detail })).await
}
