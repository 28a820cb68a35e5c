//! Sharing a finalised readiness report with a named regulator organisation (section 5 of the
//! design: a national regulator sees a post's report only if the post shares it). The
//! organisation's administrators share and withdraw; members of the regulator then read the
//! HTML and PDF report of that assessment and nothing else of it (no answers, score page or
//! exports), and only while the share stands.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::{Value, context};
use store::readiness::{ReadinessStore, ShareOutcome};

use super::{day, now, parts};
use crate::pages::members::member_for;
use crate::roles::Action;
use crate::{Ctx, Member, PortalState, blocking, see_other};

/// The regulators an assessment is shared with, by name, for its overview page.
pub(super) async fn shares_of(state: &PortalState, id: i64) -> Vec<Value> {
    let (Some(store), hub) = (state.readiness.clone(), state.hub.clone()) else { return Vec::new() };
    let found = blocking(move || -> Result<Vec<Value>, hub::HubError> {
        let names: HashMap<i64, String> = hub.orgs()?.into_iter().map(|o| (o.id, o.name)).collect();
        Ok(store
            .shares(id)?
            .iter()
            .map(|s| context! { regulator => s.regulator_org, name => names.get(&s.regulator_org), since => day(&s.shared_at) })
            .collect())
    })
    .await;
    match found {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            tracing::error!(error = %e, "reading readiness shares failed");
            Vec::new()
        }
        None => Vec::new(),
    }
}

/// The reports shared with the member's organisation, for the readiness list.
pub(super) fn shared_with(store: &dyn ReadinessStore, hub: &hub::Hub, org_id: i64) -> Result<Vec<Value>, hub::HubError> {
    let names: HashMap<i64, String> = hub.orgs()?.into_iter().map(|o| (o.id, o.name)).collect();
    let mut out = Vec::new();
    for s in store.shared_with(org_id)? {
        let finalised = store.assessment(s.assessment_id)?.and_then(|a| a.finalised_at).map(|f| day(&f).to_owned());
        out.push(context! { id => s.assessment_id, org => names.get(&s.org_id), since => day(&s.shared_at), finalised => finalised });
    }
    Ok(out)
}

/// Whether the assessment is shared with `org_id` now.
pub(super) fn is_shared_with(store: &dyn ReadinessStore, id: i64, org_id: i64) -> store::Result<bool> {
    Ok(store.shares(id)?.iter().any(|s| s.regulator_org == org_id))
}

/// The administrator's own assessment, checked: anything else is "not found".
async fn own(state: &PortalState, ctx: &Ctx, member: &Member, store: Arc<dyn ReadinessStore>, id: i64) -> Result<(), Response> {
    match blocking(move || store.assessment(id)).await {
        Some(Ok(Some(a))) if a.org_id == member.org.id => Ok(()),
        Some(Ok(_)) => Err(state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None)),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e.into())),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

async fn checked<'a>(
    state: &PortalState,
    ctx: &'a Ctx,
    id: i64,
    form: &HashMap<String, String>,
) -> Result<(&'a Member, Arc<dyn ReadinessStore>), Response> {
    let member = member_for(state, ctx, Action::ShareReadiness).await?;
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return Err(state.portal.error(ctx, StatusCode::FORBIDDEN, "error-csrf", None));
    }
    let (_, store) = parts(state, ctx)?;
    own(state, ctx, member, store.clone(), id).await?;
    Ok((member, store))
}

/// Shares the finalised assessment with the organisation named in `regulator`.
pub(super) async fn share(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (member, store) = match checked(&state, &ctx, id, &form).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let name = form.get("regulator").map_or("", |s| s.trim()).to_owned();
    if name.is_empty() {
        return state.portal.error(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "readiness-share-error-name", None);
    }
    let hub = state.hub.clone();
    let wanted = name.clone();
    let regulator = match blocking(move || hub.orgs()).await {
        Some(Ok(orgs)) => orgs.into_iter().find(|o| o.name.eq_ignore_ascii_case(&wanted)),
        Some(Err(e)) => return state.portal.hub_error(&ctx, e),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let Some(regulator) = regulator else {
        return state.portal.error(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "readiness-share-error-unknown", Some(name));
    };
    if regulator.id == member.org.id {
        return state.portal.error(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "readiness-share-error-own", None);
    }
    let regulator_name = regulator.name.clone();
    match blocking(move || store.share(id, regulator.id, &now())).await {
        Some(Ok(ShareOutcome::Shared | ShareOutcome::AlreadyShared)) => {
            let detail = format!("with {regulator_name}");
            crate::pages::members::audit(&state, member, "readiness.share", &format!("readiness:{id}"), "ok", detail).await;
            see_other(&format!("/members/readiness/{id}"))
        }
        Some(Ok(ShareOutcome::NotFinalised)) => state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-share-error-draft", None),
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// Withdraws the share with the organisation whose id is in `regulator`.
pub(super) async fn withdraw(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (member, store) = match checked(&state, &ctx, id, &form).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(regulator) = form.get("regulator").and_then(|r| r.trim().parse::<i64>().ok()) else {
        return state.portal.error(&ctx, StatusCode::UNPROCESSABLE_ENTITY, "readiness-share-error-name", None);
    };
    match blocking(move || store.withdraw_share(id, regulator)).await {
        Some(Ok(_)) => {
            let detail = format!("from organisation {regulator}");
            crate::pages::members::audit(&state, member, "readiness.withdraw", &format!("readiness:{id}"), "ok", detail).await;
            see_other(&format!("/members/readiness/{id}"))
        }
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}
