//! Administration pages for the hub's administrators: organisations, portal users, API tokens
//! (the secret is shown once, on the page that issued it) and collections.

use axum::Router;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use minijinja::{Value, context};
use serde::Deserialize;
use store::Role;

use super::members::{actor, member_for};
use crate::PortalState;
use crate::roles::Action;
use crate::{Ctx, blocking, see_other, store_or_error};

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/admin", get(admin_page))
        .route("/members/admin/orgs", post(add_org))
        .route("/members/admin/users", post(add_user))
        .route("/members/admin/tokens", post(issue_token))
        .route("/members/admin/tokens/revoke", post(revoke_token))
        .route("/members/admin/collections", post(add_collection))
}

/// The admin page, optionally with a token just issued (shown once).
async fn render(state: &PortalState, ctx: &Ctx, issued: Option<Value>) -> Response {
    let store = match store_or_error(state, ctx) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let hub = state.hub.clone();
    let loaded = blocking(move || -> Result<Value, hub::HubError> {
        let orgs = hub.orgs()?;
        let org_name = |id: i64| orgs.iter().find(|o| o.id == id).map_or_else(String::new, |o| o.name.clone());
        let users: Vec<Value> = store
            .list_users()?
            .iter()
            .map(|u| context! { username => &u.username, org => org_name(u.org_id), role => u.role.as_str(), disabled => u.disabled })
            .collect();
        let tokens: Vec<Value> = hub
            .tokens()?
            .iter()
            .map(|t| context! { id => &t.id, org => org_name(t.org_id), role => t.role.as_str(), created => &t.created, revoked => &t.revoked })
            .collect();
        let collections: Vec<Value> = hub
            .all_collections()?
            .iter()
            .map(|c| {
                let names = |ids: &[i64]| ids.iter().map(|i| org_name(*i)).collect::<Vec<_>>().join(", ");
                context! { id => &c.id, title => &c.title, read_all => c.read_all, public => c.public, readers => names(&c.readers), writers => names(&c.writers) }
            })
            .collect();
        let org_rows: Vec<Value> = orgs
            .iter()
            .map(|o| context! { name => &o.name, country => &o.country, identity => &o.identity_id, hub => o.is_hub })
            .collect();
        let peers: Vec<Value> = hub
            .peers()?
            .iter()
            .map(|p| {
                let state = hub.peer_state(&p.name).unwrap_or_default();
                context! {
                    name => &p.name, url => &p.url, direction => p.direction.as_str(), max_tlp => p.max_tlp.label(),
                    pulled => state.pulled, pushed => state.pushed, refused => state.refused,
                    last_success => &state.last_success, last_error => &state.last_error,
                }
            })
            .collect();
        Ok(context! { orgs => org_rows, users => users, tokens => tokens, collections => collections, peers => peers })
    })
    .await;
    match loaded {
        Some(Ok(page)) => state.portal.page(ctx, StatusCode::OK, "admin.html", context! { issued => issued, ..page }),
        Some(Err(e)) => state.portal.hub_error(ctx, e),
        None => state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// Only administrators of the hub's organisation get past this (the role table's
/// `AdministerHub`); returns how the audit log names them.
async fn guard(state: &PortalState, ctx: &Ctx) -> Result<String, Response> {
    let member = member_for(state, ctx, Action::AdministerHub).await?;
    Ok(actor(member))
}

/// `guard` for a form post: also checks the form's CSRF token.
async fn guard_form(state: &PortalState, ctx: &Ctx, csrf: &str) -> Result<String, Response> {
    let actor = guard(state, ctx).await?;
    if !ctx.csrf_ok(csrf) {
        return Err(state.portal.error(ctx, StatusCode::FORBIDDEN, "error-csrf", None));
    }
    Ok(actor)
}

async fn admin_page(State(state): State<PortalState>, ctx: Ctx) -> Response {
    if let Err(r) = guard(&state, &ctx).await {
        return r;
    }
    render(&state, &ctx, None).await
}

#[derive(Deserialize, Default)]
struct OrgForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    country: String,
}

async fn add_org(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<OrgForm>) -> Response {
    let actor = match guard_form(&state, &ctx, &form.csrf).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let hub = state.hub.clone();
    let country = form.country.trim().to_ascii_uppercase();
    match blocking(move || hub.add_org(&form.name, Some(&country), &actor)).await {
        Some(Ok(_)) => see_other("/members/admin"),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct UserForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    org: String,
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    role: String,
}

async fn add_user(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<UserForm>) -> Response {
    let actor = match guard_form(&state, &ctx, &form.csrf).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let store = match store_or_error(&state, &ctx) {
        Ok(s) => s,
        Err(r) => return r,
    };
    let Some(role) = Role::parse(&form.role) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some("role".into()));
    };
    let hub = state.hub.clone();
    let done = blocking(move || -> Result<(), String> {
        let org = hub.org(&form.org).map_err(|e| e.to_string())?;
        let user = store.user_by_name(&form.username.trim().to_ascii_lowercase()).map_err(|e| e.to_string())?;
        if user.is_some() {
            return Err(format!("user '{}' already exists", form.username.trim()));
        }
        let hash = crate::hash_password(&form.password).map_err(|e| e.to_string())?;
        let username = form.username.trim().to_ascii_lowercase();
        if !crate::session::valid_username(&username) {
            return Err(crate::UserError::BadName.to_string());
        }
        if form.password.chars().count() < 12 || form.password.len() > 1024 {
            return Err(crate::UserError::BadPassword.to_string());
        }
        store
            .create_user(&store::portal::NewUser { org_id: org.id, username: username.clone(), password_hash: hash, role })
            .map_err(|e| e.to_string())?;
        let _ = hub.append_audit(&store::NewAudit {
            actor,
            action: "portal.user.add".into(),
            target: username,
            outcome: "ok".into(),
            detail: format!("org {} role {}", org.name, role.as_str()),
        });
        Ok(())
    })
    .await;
    match done {
        Some(Ok(())) => see_other("/members/admin"),
        Some(Err(why)) => state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(why)),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    org: String,
    #[serde(default)]
    role: String,
}

async fn issue_token(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<TokenForm>) -> Response {
    let actor = match guard_form(&state, &ctx, &form.csrf).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let Some(role) = Role::parse(&form.role) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some("role".into()));
    };
    let hub = state.hub.clone();
    match blocking(move || hub.issue_token(&form.org, role, &actor)).await {
        Some(Ok(t)) => {
            let issued = context! { token => t.token, id => t.id, org => t.org, role => t.role.as_str() };
            render(&state, &ctx, Some(issued)).await
        }
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct CollectionForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    /// `all`, or organisation names, comma-separated.
    #[serde(default)]
    read: String,
    #[serde(default)]
    write: String,
    #[serde(default)]
    public: String,
}

fn names(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|n| !n.is_empty()).map(str::to_string).collect()
}

async fn add_collection(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<CollectionForm>) -> Response {
    let actor = match guard_form(&state, &ctx, &form.csrf).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let read =
        if form.read.trim().eq_ignore_ascii_case("all") { hub::ReadGrant::AllMembers } else { hub::ReadGrant::Orgs(names(&form.read)) };
    let spec = hub::CollectionSpec {
        title: form.title.clone(),
        description: Some(form.description.trim().to_string()).filter(|d| !d.is_empty()),
        read,
        write: names(&form.write),
        public: form.public == "on",
    };
    let hub = state.hub.clone();
    match blocking(move || hub.add_collection(&spec, &actor)).await {
        Some(Ok(_)) => see_other("/members/admin"),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

#[derive(Deserialize, Default)]
struct RevokeForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    id: String,
}

async fn revoke_token(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<RevokeForm>) -> Response {
    let actor = match guard_form(&state, &ctx, &form.csrf).await {
        Ok(a) => a,
        Err(r) => return r,
    };
    let hub = state.hub.clone();
    match blocking(move || hub.revoke_token(&form.id, &actor)).await {
        Some(Ok(())) => see_other("/members/admin"),
        Some(Err(e)) => state.portal.hub_error(&ctx, e),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}
