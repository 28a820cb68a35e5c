//! JSON APIs under `/api/v1/`: link verdicts and message analysis, with optional reporting of
//! what they find to the hub. Errors are RFC 9457 problem details.

use std::net::SocketAddr;

use axum::Json;
use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hub::{HubError, Principal};
use serde::Deserialize;
use serde_json::{Value, json};
use tlp::Tlp;

use crate::error::ApiError;
use crate::{AppState, blocking};

/// Most URLs in one batch request.
const MAX_BATCH: usize = 1000;

pub(crate) fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/links/check", post(check_links)).route("/api/v1/messages/analyze", post(analyze_message))
}

fn problem(status: StatusCode, title: &str, detail: impl Into<String>) -> ApiError {
    ApiError::problem(status, title, detail)
}

/// Authenticates a JSON API caller (anonymous allowed) and applies the anonymous rate limit.
async fn caller(state: &AppState, headers: &HeaderMap, peer: SocketAddr, cost: u32) -> Result<Principal, ApiError> {
    let auth = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(String::from);
    let hub = state.hub.clone();
    let who = blocking(move || hub.authenticate(auth.as_deref())).await.map_err(|e| ApiError::from_hub(e, false))?;
    if matches!(who, Principal::Anonymous) && !state.anonymous_limit.allow(peer.ip(), cost) {
        return Err(problem(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "anonymous checks are rate limited per address; wait a minute or use an API token",
        ));
    }
    Ok(who)
}

fn parse_json<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| problem(StatusCode::BAD_REQUEST, "Bad Request", format!("request body: {e}")))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkRequest {
    url: Option<String>,
    urls: Option<Vec<String>>,
    /// Members: turn a malicious verdict into an indicator and a sighting in the hub.
    #[serde(default)]
    report: bool,
    /// TLP of reported objects (default GREEN).
    tlp: Option<String>,
    /// Collection to report into (default: the first the member may write).
    collection: Option<String>,
}

fn verdict_json(v: &links::Verdict) -> Value {
    json!({
        "url": v.input,
        "normalized_url": v.url,
        "verdict": v.verdict.name(),
        "score": v.score,
        "brand": v.brand.as_ref().map(|b| b.name.clone()),
        "brand_domain": v.brand.as_ref().map(|b| b.domain.clone()),
        "reasons": v.reasons,
    })
}

fn link_error_json(input: &str, e: &links::LinkError) -> Value {
    json!({"url": input, "error": {"code": e.code(), "message": e.to_string()}})
}

async fn check_links(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let req: LinkRequest = parse_json(&body)?;
    let (inputs, single) = match (req.url, req.urls) {
        (Some(u), None) => (vec![u], true),
        (None, Some(us)) if !us.is_empty() && us.len() <= MAX_BATCH => (us, false),
        (None, Some(us)) if us.is_empty() => return Err(problem(StatusCode::BAD_REQUEST, "Bad Request", "urls: the list is empty")),
        (None, Some(_)) => return Err(problem(StatusCode::BAD_REQUEST, "Bad Request", format!("urls: at most {MAX_BATCH} per request"))),
        _ => return Err(problem(StatusCode::BAD_REQUEST, "Bad Request", "give exactly one of 'url' or 'urls'")),
    };
    let who = caller(&state, &headers, peer, u32::try_from(inputs.len()).unwrap_or(u32::MAX)).await?;
    if req.report && matches!(who, Principal::Anonymous) {
        return Err(problem(StatusCode::UNAUTHORIZED, "Unauthorized", "report: reporting to the hub needs a member's API token"));
    }
    let report_tlp = parse_report_tlp(req.tlp.as_deref())?;
    let (st, w) = (state.clone(), who.clone());
    let verdicts =
        tokio::task::spawn_blocking(move || inputs.iter().map(|i| (i.clone(), st.blocklists.check(&st.links, i, &w))).collect::<Vec<_>>())
            .await
            .map_err(|e| problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?;
    let mut reported = Vec::new();
    if req.report {
        let malicious: Vec<&links::Verdict> =
            verdicts.iter().filter_map(|(_, v)| v.as_ref().ok()).filter(|v| v.verdict == links::Level::Malicious).collect();
        if !malicious.is_empty() {
            let objects = report_objects(&who, &malicious, report_tlp);
            reported.push(report(&state, &who, req.collection, objects).await?);
        }
    }
    let results: Vec<Value> = verdicts
        .iter()
        .map(|(input, v)| match v {
            Ok(v) => verdict_json(v),
            Err(e) => link_error_json(input, e),
        })
        .collect();
    let mut out = if single {
        match &verdicts[0].1 {
            Ok(_) => results[0].clone(),
            Err(e) => return Err(problem(StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Entity", format!("url: {e}"))),
        }
    } else {
        json!({ "results": results })
    };
    if req.report {
        out["reported"] = json!(reported);
    }
    Ok(Json(out).into_response())
}

fn parse_report_tlp(tlp: Option<&str>) -> Result<Tlp, ApiError> {
    match tlp {
        None => Ok(Tlp::Green),
        Some(s) => Tlp::parse(s).ok_or_else(|| problem(StatusCode::BAD_REQUEST, "Bad Request", format!("tlp: '{s}' is not a TLP level"))),
    }
}

/// An indicator plus a sighting by the member's organisation for each malicious link.
fn report_objects(who: &Principal, verdicts: &[&links::Verdict], level: Tlp) -> Vec<Value> {
    match who.org() {
        Some(org) => links::report_objects(verdicts, &org.identity_id, level, &store::now_rfc3339()),
        None => Vec::new(),
    }
}

/// Posts objects to the hub as the member, into `collection` or its first writable one.
async fn report(state: &AppState, who: &Principal, collection: Option<String>, objects: Vec<Value>) -> Result<Value, ApiError> {
    let (hub, w) = (state.hub.clone(), who.clone());
    let status = blocking(move || {
        let target = match collection {
            Some(c) => c,
            None => hub
                .collections(&w)?
                .into_iter()
                .find(|(_, g)| g.write)
                .map(|(c, _)| c.id)
                .ok_or_else(|| HubError::Forbidden("your organisation may not write to any collection".into()))?,
        };
        let body = serde_json::to_vec(&json!({ "objects": objects })).unwrap_or_default();
        hub.add_objects(&w, &target, &body).map(|s| (target, s))
    })
    .await
    .map_err(|e| ApiError::from_hub(e, false))?;
    Ok(json!({"collection": status.0, "status_id": status.1.id, "stored": status.1.success_count, "failed": status.1.failure_count}))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageRequest {
    text: String,
    #[serde(default)]
    report: bool,
    tlp: Option<String>,
    collection: Option<String>,
}

async fn analyze_message(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, ApiError> {
    let req: MessageRequest = parse_json(&body)?;
    let who = caller(&state, &headers, peer, 1).await?;
    if req.report && matches!(who, Principal::Anonymous) {
        return Err(problem(StatusCode::UNAUTHORIZED, "Unauthorized", "report: reporting to the hub needs a member's API token"));
    }
    let text = scamtext::check_input(req.text.as_bytes())
        .map_err(|e| problem(StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Entity", format!("text: {e}")))?
        .to_string();
    let report_tlp = parse_report_tlp(req.tlp.as_deref())?;
    let st = state.clone();
    let analysis = tokio::task::spawn_blocking(move || st.text.analyze(&text))
        .await
        .map_err(|e| problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?;
    let mut out = serde_json::to_value(&analysis).unwrap_or_default();
    if req.report && analysis.scam {
        let mut objects = message_report_objects(&who, &analysis, report_tlp);
        let (st, w, urls) = (state.clone(), who.clone(), analysis.urls.clone());
        let campaigns = blocking(move || {
            let known: Vec<String> = urls
                .iter()
                .filter_map(|u| st.blocklists.check(&st.links, u, &w).ok())
                .flat_map(|v| v.reasons.into_iter().filter_map(|r| r.indicator_id))
                .collect();
            campaigns_indicated_by(&st.hub, &w, &known)
        })
        .await
        .map_err(|e| ApiError::from_hub(e, false))?;
        link_to_campaigns(&who, &mut objects, &campaigns, report_tlp);
        out["reported"] = report(&state, &who, req.collection, objects).await?;
        out["reported"]["campaigns"] = json!(campaigns);
    }
    Ok(Json(out).into_response())
}

/// Indicators for a scam message's URLs, domains and phone numbers, and one sighting.
fn message_report_objects(who: &Principal, a: &scamtext::Analysis, level: Tlp) -> Vec<Value> {
    let Some(org) = who.org() else { return Vec::new() };
    let now = store::now_rfc3339();
    let quote = |s: &str| s.replace('\\', "\\\\").replace('\'', "\\'");
    let mut patterns: Vec<(String, String)> = Vec::new();
    for u in &a.urls {
        patterns.push((format!("[url:value = '{}']", quote(u)), format!("Scam message link {u}")));
        if let Some(host) = url_host(u) {
            patterns.push((format!("[domain-name:value = '{}']", quote(&host)), format!("Scam message domain {host}")));
        }
    }
    for p in &a.phones {
        patterns.push((format!("[x-phone-number:value = '{}']", quote(p)), format!("Scam message phone number {p}")));
    }
    patterns.dedup();
    let mut out = Vec::new();
    let mut ids = Vec::new();
    for (pattern, name) in patterns {
        let id = format!("indicator--{}", uuid::Uuid::new_v4());
        ids.push(id.clone());
        let mut ind = json!({
            "type": "indicator", "spec_version": "2.1", "id": id, "created": now, "modified": now, "name": name,
            "indicator_types": ["malicious-activity"], "pattern": pattern, "pattern_type": "stix", "valid_from": now,
            "object_marking_refs": [level.marking_id()], "created_by_ref": org.identity_id,
        });
        let mut labels = Vec::new();
        if let Some(l) = &a.lure {
            labels.push(format!("lure:{}", serde_json::to_value(l).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()));
        }
        if let Some(b) = &a.brand {
            labels.push(format!("impersonates:{b}"));
        }
        if !labels.is_empty() {
            ind["labels"] = json!(labels);
        }
        out.push(ind);
    }
    if let Some(first) = ids.first() {
        out.push(json!({
            "type": "sighting", "spec_version": "2.1", "id": format!("sighting--{}", uuid::Uuid::new_v4()),
            "created": now, "modified": now, "sighting_of_ref": first, "count": 1,
            "where_sighted_refs": [org.identity_id], "object_marking_refs": [level.marking_id()], "created_by_ref": org.identity_id,
        }));
    }
    out
}

fn url_host(u: &str) -> Option<String> {
    let with_scheme = if u.contains("://") { u.to_string() } else { format!("http://{u}") };
    let rest = with_scheme.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    (!host.is_empty() && host.contains('.')).then_some(host)
}

/// Campaigns that known indicators (visible to `who`) are said to indicate: the
/// `indicates` relationships from any of `indicators` to a campaign, read through the hub's
/// TLP-filtered pages. A linear scan of relationships; fine for an ISAC's volumes.
fn campaigns_indicated_by(hub: &hub::Hub, who: &Principal, indicators: &[String]) -> Result<Vec<String>, HubError> {
    let mut found = Vec::new();
    if indicators.is_empty() {
        return Ok(found);
    }
    for (collection, grant) in hub.collections(who)? {
        if !grant.read && !collection.public {
            continue;
        }
        let mut filters = hub::Filters { types: vec!["relationship".into()], limit: Some(1000), ..hub::Filters::default() };
        loop {
            let page = hub.objects_page(who, &collection.id, "objects", &filters)?;
            for o in &page.objects {
                let Ok(rel) = serde_json::from_str::<Value>(&o.body) else { continue };
                let (Some(src), Some(dst)) = (rel["source_ref"].as_str(), rel["target_ref"].as_str()) else { continue };
                if rel["relationship_type"] == "indicates"
                    && dst.starts_with("campaign--")
                    && indicators.iter().any(|i| i == src)
                    && !found.iter().any(|c| c == dst)
                {
                    found.push(dst.to_string());
                }
            }
            match page.next {
                Some(n) => filters.next = Some(n),
                None => break,
            }
        }
    }
    Ok(found)
}

/// Adds an `indicates` relationship from every new indicator to every matched campaign.
fn link_to_campaigns(who: &Principal, objects: &mut Vec<Value>, campaigns: &[String], level: Tlp) {
    let Some(org) = who.org() else { return };
    let now = store::now_rfc3339();
    let indicators: Vec<String> =
        objects.iter().filter(|o| o["type"] == "indicator").filter_map(|o| o["id"].as_str().map(String::from)).collect();
    for campaign in campaigns {
        for indicator in &indicators {
            objects.push(json!({
                "type": "relationship", "spec_version": "2.1", "id": format!("relationship--{}", uuid::Uuid::new_v4()),
                "created": now, "modified": now, "relationship_type": "indicates", "source_ref": indicator, "target_ref": campaign,
                "object_marking_refs": [level.marking_id()], "created_by_ref": org.identity_id,
            }));
        }
    }
}
