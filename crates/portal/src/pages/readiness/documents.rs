//! Documents attached to answers as evidence: per answer of a draft, one `multipart/form-data`
//! upload (the form the incident evidence uses, read by [`crate::upload`]), size-limited, its
//! SHA-256 recorded at upload; downloads are never rendered. Only the owning organisation's
//! members and a facilitator reach them (anyone else: not found); attaching makes a
//! self-declared answer a documented one; every upload and download is audited.

use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Router, routing::MethodRouter};
use minijinja::{Value, context};
use store::readiness::{AttachOutcome, DocumentRecord, NewDocument};

use super::{asked, bank, load, parts, profile_of};
use crate::pages::members::{actor, audit, member_for};
use crate::roles::Action;
use crate::upload::{UPLOAD_BODY_LIMIT, declared_media_type, file_download, read_upload};
use crate::{Ctx, PortalState, blocking, member_or_login, see_other};

pub(super) fn routes() -> Router<PortalState> {
    let upload_route: MethodRouter<PortalState> = post(upload).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT));
    Router::new()
        .route("/members/readiness/{id}/documents/{question}", upload_route)
        .route("/members/readiness/{id}/document/{doc}", get(download))
}

/// The assessment's documents (its access already checked by the caller).
pub(super) async fn of(state: &PortalState, ctx: &Ctx, id: i64) -> Result<Vec<DocumentRecord>, Response> {
    let (_, store) = parts(state, ctx)?;
    match blocking(move || store.documents(id)).await {
        Some(Ok(d)) => Ok(d),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e.into())),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

/// A question's documents as its row on the area page shows them.
pub(super) fn rows(documents: &[DocumentRecord], question: &str) -> Vec<Value> {
    documents
        .iter()
        .filter(|d| d.question == question)
        .map(|d| {
            context! { id => d.id, filename => &d.filename, media_type => &d.media_type, size => d.size, sha256 => &d.sha256,
            by => &d.uploaded_by, at => super::day(&d.uploaded_at) }
        })
        .collect()
}

async fn upload(State(state): State<PortalState>, ctx: Ctx, Path((id, question)): Path<(i64, String)>, form: Multipart) -> Response {
    let bad = |e: incidents::CaseError| state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(e.to_string()));
    let up = match read_upload(form).await {
        Ok(u) => u,
        Err(e) => return bad(e),
    };
    if !ctx.csrf_ok(&up.csrf) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = try_page!(member_for(&state, &ctx, Action::AnswerReadiness).await);
    let (record, answers, _) = try_page!(load(&state, &ctx, member, id).await);
    if record.finalised_at.is_some() {
        return state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-frozen", None);
    }
    // A document backs an answer: the question must be asked, answered, and not a trend.
    let profile = profile_of(&record);
    let q = bank().and_then(|b| b.question(&question)).filter(|q| asked(q, &profile));
    let answered = answers.iter().any(|a| a.answer.question == question);
    let Some(q) = q.filter(|q| answered && q.scale != readiness::Scale::Trend) else {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-document-question", Some(question));
    };
    let facts = match incidents::check_evidence(&up.filename, &up.bytes) {
        Ok(f) => f,
        Err(e) => return bad(e),
    };
    let new = NewDocument {
        assessment_id: id,
        question: q.id.clone(),
        filename: facts.filename,
        media_type: declared_media_type(&up.media_type),
        sha256: facts.sha256,
        content: up.bytes,
        uploaded_by: actor(member),
        uploaded_at: super::now(),
    };
    let (_, store) = try_page!(parts(&state, &ctx));
    let d = match blocking(move || store.attach_document(&new)).await {
        Some(Ok(AttachOutcome::Attached(d))) => d,
        Some(Ok(AttachOutcome::Frozen)) => return state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-frozen", None),
        Some(Err(e)) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let detail = format!("{} {} {} bytes sha256:{}", d.question, d.filename, d.size, d.sha256);
    audit(&state, member, "readiness.document.add", &format!("readiness:{id}"), "ok", detail).await;
    see_other(&format!("/members/readiness/{id}/area/{}#q-{}", q.area, q.id))
}

async fn download(State(state): State<PortalState>, ctx: Ctx, Path((id, doc)): Path<(i64, i64)>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    try_page!(load(&state, &ctx, member, id).await);
    let (_, store) = try_page!(parts(&state, &ctx));
    let (d, bytes) = match blocking(move || store.document_content(id, doc)).await {
        Some(Ok(Some(found))) => found,
        Some(Ok(None)) => return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None),
        Some(Err(e)) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let detail = format!("{} {} sha256:{}", d.question, d.filename, d.sha256);
    audit(&state, member, "readiness.document.download", &format!("readiness:{id}"), "ok", detail).await;
    file_download(&d.filename, bytes)
}
