//! What a case page adds besides notes and tasks: evidence files (a `multipart/form-data` upload,
//! the only form that needs it; size-limited, SHA-256 recorded, never rendered) and links to hub
//! objects the organisation may read (an indicator or sighting by its STIX id). The same checks
//! and audit names as the API (`incident.evidence.add`, `incident.link.add`), so a joint exercise
//! scores portal work and API work alike.

use axum::Router;
use axum::extract::{DefaultBodyLimit, Form, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::post;
use chrono::Utc;
use incidents::CaseError;
use serde::Deserialize;
use store::incidents::NewEvidence;

use super::followup::audit_as;
use super::{bad_field, editable};
use crate::pages::members::actor;
use crate::upload::{UPLOAD_BODY_LIMIT, read_upload};
use crate::{Ctx, PortalState, blocking, see_other};

pub(super) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/incidents/{id}/evidence", post(upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)))
        .route("/members/incidents/{id}/links", post(link))
}

async fn upload(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, parts: Multipart) -> Response {
    let up = match read_upload(parts).await {
        Ok(u) => u,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let store = try_page!(editable(&state, &ctx, &up.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let facts = match incidents::check_evidence(&up.filename, &up.bytes) {
        Ok(f) => f,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let new = NewEvidence {
        case_id: id,
        filename: facts.filename,
        sha256: facts.sha256,
        content: up.bytes,
        uploaded_by: actor(member),
        uploaded_at: incidents::case::utc_text(Utc::now()),
    };
    let e = try_page!(super::run(&state, &ctx, move || store.add_evidence(&new)).await);
    audit_as(&state, member, "incident.evidence.add", format!("incident:{id}"), format!("{} sha256:{}", e.filename, e.sha256)).await;
    see_other(&format!("/members/incidents/{id}#evidence"))
}

#[derive(Deserialize, Default)]
struct LinkForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    stix_id: String,
}

async fn link(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<LinkForm>) -> Response {
    let store = try_page!(editable(&state, &ctx, &form.csrf, id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let stix_id = match incidents::check_stix_id(&form.stix_id) {
        Ok(s) => s,
        Err(e) => return bad_field(&state, &ctx, e),
    };
    let (hub, who, key) = (state.hub.clone(), member.principal(), stix_id.clone());
    match blocking(move || hub.readable_object(&who, &key)).await {
        Some(Ok(true)) => {}
        Some(Ok(false)) => {
            // One answer whether the object does not exist or may not be read.
            let reason = format!("{stix_id}: no indicator or sighting your organisation may read has this id");
            return bad_field(&state, &ctx, CaseError { field: "stix_id".into(), reason });
        }
        Some(Err(e)) => return state.portal.hub_error(&ctx, e),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
    let (by, at, key) = (actor(member), incidents::case::utc_text(Utc::now()), stix_id.clone());
    try_page!(super::run(&state, &ctx, move || store.link(id, &key, &by, &at)).await);
    audit_as(&state, member, "incident.link.add", format!("incident:{id}"), stix_id).await;
    see_other(&format!("/members/incidents/{id}#links"))
}
