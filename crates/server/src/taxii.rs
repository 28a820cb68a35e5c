//! TAXII 2.1 endpoints: discovery, API root, status, collections, manifest, objects, versions.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hub::{Filters, HubError, Principal, format_us, version_text};
use serde_json::json;
use store::StoredObject;

use crate::error::ApiError;
use crate::media::{STIX, TAXII, accepts_taxii, is_taxii_content};
use crate::{AppState, blocking};

/// Path of the hub's one API root.
pub(crate) const API_ROOT: &str = "/isac";

type TaxiiResult = Result<Response, ApiError>;

pub(crate) fn routes() -> Router<AppState> {
    let mut r = Router::new();
    // TAXII URLs end in '/'; clients that drop it are served too.
    for (path, route) in [
        ("/taxii2", get(discovery)),
        ("/isac", get(api_root)),
        ("/isac/status/{id}", get(status)),
        ("/isac/collections", get(collections)),
        ("/isac/collections/{id}", get(collection)),
        ("/isac/collections/{id}/manifest", get(manifest)),
        ("/isac/collections/{id}/objects", get(get_objects).post(add_objects)),
        ("/isac/collections/{id}/objects/{object_id}", get(get_object).delete(delete_object)),
        ("/isac/collections/{id}/objects/{object_id}/versions", get(versions)),
    ] {
        r = r.route(&format!("{path}/"), route.clone()).route(path, route);
    }
    r.layer(axum::extract::DefaultBodyLimit::disable())
}

fn taxii_response(status: StatusCode, body: String) -> Response {
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(TAXII));
    resp
}

fn check_accept(headers: &HeaderMap) -> Result<(), ApiError> {
    let accept = headers.get(header::ACCEPT).map(|v| v.to_str().unwrap_or("\u{0}"));
    if accepts_taxii(accept) {
        return Ok(());
    }
    Err(ApiError::taxii(
        StatusCode::NOT_ACCEPTABLE,
        "Not Acceptable",
        format!("Accept must allow {TAXII}; got '{}'", accept.unwrap_or_default().chars().take(100).collect::<String>()),
    ))
}

/// Checks Accept, then authenticates.
async fn begin(state: &AppState, headers: &HeaderMap) -> Result<Principal, ApiError> {
    check_accept(headers)?;
    crate::authenticate(state, headers, true).await
}

/// Maps a hub error; an anonymous caller that cannot see a resource is asked to authenticate
/// (401) — the same answer whether or not the resource exists.
fn fail(who: &Principal, e: HubError) -> ApiError {
    match (who, e) {
        (Principal::Anonymous, HubError::NotFound(_)) => ApiError::taxii(
            StatusCode::UNAUTHORIZED,
            "Unauthorized",
            "authentication is required for this resource (HTTP Basic or Bearer with a Postern API token)",
        ),
        (_, e) => ApiError::from_hub(e, true),
    }
}

fn filters(query: Option<&str>) -> Result<Filters, ApiError> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes()).into_owned().collect();
    hub::parse_filters(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(|e| ApiError::from_hub(e, true))
}

async fn discovery(State(state): State<AppState>, headers: HeaderMap) -> TaxiiResult {
    begin(&state, &headers).await?;
    // From the configured public URL, never from the Host header (which anyone may forge).
    let root = format!("{}{API_ROOT}/", state.public_url);
    let body = json!({
        "title": "Postern POST-ISAC hub",
        "description": "Threat intelligence on postal scams, shared under TLP 2.0 by postal operators, CSIRTs and the UPU.",
        "default": root,
        "api_roots": [root],
    });
    Ok(taxii_response(StatusCode::OK, body.to_string()))
}

async fn api_root(State(state): State<AppState>, headers: HeaderMap) -> TaxiiResult {
    begin(&state, &headers).await?;
    let body = json!({
        "title": "POST-ISAC",
        "description": "Collections of the POST-ISAC hub. TLP 2.0 markings are enforced by the server on every read.",
        "versions": [TAXII],
        "max_content_length": state.hub.config().max_content_length,
    });
    Ok(taxii_response(StatusCode::OK, body.to_string()))
}

async fn status(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let body = blocking(move || hub.status(&w, &id)).await.map_err(|e| fail(&who, e))?;
    Ok(taxii_response(StatusCode::OK, body))
}

fn collection_json(c: &store::Collection, g: hub::Grant, who: &Principal) -> serde_json::Value {
    let mut v = json!({
        "id": c.id,
        "title": c.title,
        "can_read": g.read || c.public,
        "can_write": g.write && matches!(who, Principal::Member { role, .. } if role.may_write()),
        "media_types": [STIX],
    });
    if let Some(d) = &c.description {
        v["description"] = json!(d);
    }
    v
}

async fn collections(State(state): State<AppState>, headers: HeaderMap) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let list = blocking(move || hub.collections(&w)).await.map_err(|e| fail(&who, e))?;
    let items: Vec<_> = list.iter().map(|(c, g)| collection_json(c, *g, &who)).collect();
    let body = if items.is_empty() { json!({}) } else { json!({ "collections": items }) };
    Ok(taxii_response(StatusCode::OK, body.to_string()))
}

async fn collection(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let (c, g) = blocking(move || hub.collection_access(&w, &id)).await.map_err(|e| fail(&who, e))?;
    Ok(taxii_response(StatusCode::OK, collection_json(&c, g, &who).to_string()))
}

/// The envelope `{more, next, objects}` built from stored JSON texts without re-parsing them.
fn envelope(more: bool, next: Option<&str>, items: impl Iterator<Item = String>, key: &str) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(&format!("{{\"more\":{more}"));
    if let Some(n) = next {
        out.push_str(&format!(",\"next\":{}", json!(n)));
    }
    let mut first = true;
    for item in items {
        if first {
            out.push_str(&format!(",\"{key}\":["));
            first = false;
        } else {
            out.push(',');
        }
        out.push_str(&item);
    }
    if !first {
        out.push(']');
    }
    out.push('}');
    out
}

fn with_date_headers(mut resp: Response, objects: &[StoredObject]) -> Response {
    if let (Some(first), Some(last)) = (objects.first(), objects.last()) {
        for (name, us) in [("x-taxii-date-added-first", first.date_added_us), ("x-taxii-date-added-last", last.date_added_us)] {
            if let Ok(v) = HeaderValue::from_str(&format_us(us)) {
                resp.headers_mut().insert(name, v);
            }
        }
    }
    resp
}

async fn get_objects(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>, RawQuery(q): RawQuery) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let f = filters(q.as_deref())?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let page = blocking(move || hub.objects_page(&w, &id, "objects", &f)).await.map_err(|e| fail(&who, e))?;
    let body = envelope(page.more, page.next.as_deref(), page.objects.iter().map(|o| o.body.clone()), "objects");
    Ok(with_date_headers(taxii_response(StatusCode::OK, body), &page.objects))
}

async fn manifest(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>, RawQuery(q): RawQuery) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let f = filters(q.as_deref())?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let page = blocking(move || hub.objects_page(&w, &id, "manifest", &f)).await.map_err(|e| fail(&who, e))?;
    let records = page.objects.iter().map(|o| {
        json!({"id": o.object_id, "date_added": format_us(o.date_added_us), "version": version_text(o), "media_type": STIX}).to_string()
    });
    let body = envelope(page.more, page.next.as_deref(), records, "objects");
    Ok(with_date_headers(taxii_response(StatusCode::OK, body), &page.objects))
}

async fn get_object(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, object_id)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let f = filters(q.as_deref())?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let page = blocking(move || hub.object_page(&w, &id, &object_id, &f)).await.map_err(|e| fail(&who, e))?;
    let body = envelope(page.more, page.next.as_deref(), page.objects.iter().map(|o| o.body.clone()), "objects");
    Ok(with_date_headers(taxii_response(StatusCode::OK, body), &page.objects))
}

async fn versions(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, object_id)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let f = filters(q.as_deref())?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let page = blocking(move || hub.versions_page(&w, &id, &object_id, &f)).await.map_err(|e| fail(&who, e))?;
    let mut body = json!({"more": page.more, "versions": page.versions});
    if let Some(n) = &page.next {
        body["next"] = json!(n);
    }
    let mut resp = taxii_response(StatusCode::OK, body.to_string());
    for (name, us) in [("x-taxii-date-added-first", page.first_added_us), ("x-taxii-date-added-last", page.last_added_us)] {
        if let Some(v) = us.and_then(|us| HeaderValue::from_str(&format_us(us)).ok()) {
            resp.headers_mut().insert(name, v);
        }
    }
    Ok(resp)
}

async fn delete_object(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((id, object_id)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let f = filters(q.as_deref())?;
    let (hub, w) = (state.hub.clone(), who.clone());
    blocking(move || hub.delete_object(&w, &id, &object_id, &f)).await.map_err(|e| fail(&who, e))?;
    Ok(taxii_response(StatusCode::OK, String::new()))
}

async fn add_objects(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>, body: Body) -> TaxiiResult {
    let who = begin(&state, &headers).await?;
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    if !is_taxii_content(content_type) {
        return Err(ApiError::taxii(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Unsupported Media Type",
            format!("Content-Type must be {TAXII}; got '{}'", content_type.unwrap_or("(none)").chars().take(100).collect::<String>()),
        ));
    }
    let max = state.hub.config().max_content_length;
    let too_large = || {
        ApiError::taxii(
            StatusCode::PAYLOAD_TOO_LARGE,
            "Payload Too Large",
            format!("the body is larger than this API root's max_content_length of {max} bytes"),
        )
    };
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, max).await.map_err(|_| too_large())?;
    let (hub, w) = (state.hub.clone(), who.clone());
    let status = blocking(move || hub.add_objects(&w, &id, &bytes)).await.map_err(|e| fail(&who, e))?;
    state.metrics.objects_stored.inc_by(status.success_count);
    state.metrics.objects_failed.inc_by(status.failure_count);
    let body = serde_json::to_string(&status).unwrap_or_default();
    Ok(taxii_response(StatusCode::ACCEPTED, body))
}
