//! Blocklist feeds of a collection at `/feeds/{collection}/{format}`: the live domain
//! indicators its caller may read (`tlp::may_read` through the hub's paged reads, so counts and
//! content follow the subscriber), official brand domains never included, written by
//! `monitor::feeds` as RPZ, hosts, plain, ABP, CSV, Suricata dataset, Zeek intel or a STIX
//! bundle. `ETag`/`If-None-Match` answer 304 when unchanged; `Last-Modified` is the serial.
//! `postern feeds export` reads the same [`snapshot`].

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hub::{Filters, Hub, HubError, Principal};
use monitor::feeds::{Format, RpzOptions, Snapshot};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use tlp::Tlp;

use crate::AppState;
use crate::error::ApiError;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/feeds/{collection}/{format}", get(feed))
}

/// Query parameters of a feed.
#[derive(Debug, Deserialize)]
struct FeedQuery {
    /// The most restrictive TLP level to include (default: whatever the caller may read).
    tlp: Option<String>,
}

/// The feed's items: every live domain indicator of `collection` that `who` may read, at
/// `ceiling` or below, outside the official domains `analyzer` knows, as of `now` (RFC 3339).
pub fn snapshot(
    hub: &Hub,
    who: &Principal,
    collection: &str,
    ceiling: Tlp,
    analyzer: &links::Analyzer,
    decay: &monitor::decay::Decay,
    now: &str,
) -> Result<Snapshot, HubError> {
    let (objects, _) = feed_objects(hub, who, collection, ceiling, None)?;
    let lifetimes = monitor::feeds::Lifetimes { decay, collection };
    Ok(monitor::feeds::select(objects, now, |d| analyzer.official_brand(d).is_some(), lifetimes))
}

/// The indicators and sightings of `collection` a feed is made of (latest versions, up to
/// `ceiling`, none restricted to named recipients), with their `date_added` in microseconds;
/// only those added after `added_after_us` when given (the RPZ face's incremental refresh), with
/// the ids of objects whose latest version is above the ceiling or restricted (so that an
/// incremental reader drops an earlier version it holds).
pub fn feed_objects(
    hub: &Hub,
    who: &Principal,
    collection: &str,
    ceiling: Tlp,
    added_after_us: Option<i64>,
) -> Result<(Vec<(serde_json::Value, i64)>, Vec<String>), HubError> {
    // An exercise's indicators are never a live feed (nor, through this snapshot, an RPZ).
    if hub.is_exercise_collection(collection)? {
        return Err(HubError::NotFound(format!(
            "collection '{}' is an exercise's: it has no feed",
            collection.chars().take(80).collect::<String>()
        )));
    }
    let (mut objects, mut withheld) = (Vec::new(), Vec::new());
    // Sightings too: the latest one restarts an indicator's decay clock.
    let mut filters = Filters { types: vec!["indicator".into(), "sighting".into()], added_after_us, ..Filters::default() };
    loop {
        let page = hub.objects_page(who, collection, "feed", &filters)?;
        for o in page.objects {
            if o.tlp > ceiling || o.tlp.is_recipient_restricted() {
                withheld.push(o.object_id);
                continue;
            }
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&o.body) {
                objects.push((v, o.date_added_us));
            }
        }
        match page.next {
            Some(next) if page.more => filters.next = Some(next),
            _ => break,
        }
    }
    Ok((objects, withheld))
}

/// The zone name of a collection's RPZ.
pub fn rpz_zone(collection: &str) -> String {
    let label: String = collection.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).take(63).collect();
    format!("{}.rpz.postern", label.trim_matches('-'))
}

/// A STIX bundle id that names this content: the same snapshot gives the same id.
pub fn bundle_id(collection: &str, serial: u64, count: usize) -> String {
    let ns = uuid::Uuid::from_u128(0x7f3c_16d0_4e5b_4b8a_9c21_5e7a_0b1d_f16e);
    format!("bundle--{}", uuid::Uuid::new_v5(&ns, format!("{collection}/{serial}/{count}").as_bytes()))
}

async fn feed(
    State(state): State<AppState>,
    Path((collection, format)): Path<(String, String)>,
    Query(q): Query<FeedQuery>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let format = Format::parse(&format).ok_or_else(|| {
        let known: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        ApiError::problem(StatusCode::NOT_FOUND, "Not Found", format!("unknown feed format; known: {}", known.join(", ")))
    })?;
    let ceiling = match q.tlp.as_deref() {
        None => Tlp::Amber,
        Some(s) => Tlp::parse(s)
            .ok_or_else(|| ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("tlp: '{s}' is not a TLP level")))?,
    };
    let who = crate::authenticate(&state, &headers, false).await?;
    let (hub, analyzer, decay, c) = (state.hub.clone(), state.links.clone(), state.decay.clone(), collection.clone());
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let snap = crate::blocking(move || snapshot(&hub, &who, &c, ceiling, &analyzer, &decay, &now))
        .await
        .map_err(|e| ApiError::from_hub(e, false))?;
    let rpz = RpzOptions { zone: rpz_zone(&collection), garden: None };
    let body = monitor::feeds::render(format, &snap, &rpz, &bundle_id(&collection, snap.serial, snap.items.len()));
    let etag = format!("\"{}\"", hex(&Sha256::digest(body.as_bytes())[..16]));
    let modified = chrono::DateTime::from_timestamp(i64::try_from(snap.serial).unwrap_or(0), 0)
        .map(|t| t.format("%a, %d %b %Y %H:%M:%S GMT").to_string())
        .unwrap_or_default();
    let mut h = HeaderMap::new();
    if let Ok(v) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, v);
    }
    if let Ok(v) = HeaderValue::from_str(&modified) {
        h.insert(header::LAST_MODIFIED, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let unchanged = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if unchanged {
        return Ok((StatusCode::NOT_MODIFIED, h).into_response());
    }
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(format.content_type()));
    Ok((StatusCode::OK, h, body).into_response())
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
