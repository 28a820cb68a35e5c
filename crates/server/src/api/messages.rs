//! `POST /api/v1/messages/analyze`: scam message analysis, with optional reporting of the
//! message's links, domains and phone numbers to the hub (linked to known campaigns).

use std::net::SocketAddr;

use axum::Json;
use axum::Router;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use hub::{HubError, Principal};
use serde::Deserialize;
use serde_json::{Value, json};
use tlp::Tlp;

use crate::error::ApiError;
use crate::{AppState, blocking};

use super::{caller, may_report, parse_json, parse_report_tlp, problem, report};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/messages/analyze", post(analyze_message))
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
    may_report(&who, req.report)?;
    let text = scamtext::check_input(req.text.as_bytes())
        .map_err(|e| problem(StatusCode::UNPROCESSABLE_ENTITY, "Unprocessable Entity", format!("text: {e}")))?
        .to_string();
    let report_tlp = parse_report_tlp(req.tlp.as_deref())?;
    let st = state.clone();
    let mut analysis = tokio::task::spawn_blocking(move || st.text.analyze(&text))
        .await
        .map_err(|e| problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?;
    let lang = crate::api::answer_language(&headers);
    state.portal.catalogues().explain_message(lang, &mut analysis);
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
    Ok(crate::api::in_language(Json(out).into_response(), lang))
}

/// Indicators for a scam message's URLs, domains and phone numbers, and one sighting.
fn message_report_objects(who: &Principal, a: &scamtext::Analysis, level: Tlp) -> Vec<Value> {
    let Some(org) = who.org() else { return Vec::new() };
    let now = store::now_rfc3339();
    let mut patterns: Vec<(String, String)> = Vec::new();
    for u in &a.urls {
        patterns.push((stix::build::equality_pattern("url:value", u), format!("Scam message link {u}")));
        if let Some(host) = url_host(u) {
            patterns.push((stix::build::equality_pattern("domain-name:value", &host), format!("Scam message domain {host}")));
        }
    }
    for p in &a.phones {
        patterns.push((stix::build::equality_pattern("x-phone-number:value", p), format!("Scam message phone number {p}")));
    }
    patterns.dedup();
    let mut labels = Vec::new();
    if let Some(l) = &a.lure {
        labels.push(format!("lure:{}", serde_json::to_value(l).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default()));
    }
    if let Some(b) = &a.brand {
        labels.push(format!("impersonates:{b}"));
    }
    let mut out = Vec::new();
    let mut first = None;
    for (pattern, name) in patterns {
        let id = format!("indicator--{}", uuid::Uuid::new_v4());
        let indicator = stix::build::Indicator {
            id: &id,
            now: &now,
            name,
            pattern,
            description: None,
            labels: labels.clone(),
            marking: level.marking_id(),
            created_by_ref: Some(&org.identity_id),
        };
        out.push(indicator.to_json());
        first.get_or_insert(id);
    }
    if let Some(first) = first {
        let sighting_id = format!("sighting--{}", uuid::Uuid::new_v4());
        out.push(stix::build::sighting(&sighting_id, &now, &first, &org.identity_id, level.marking_id()));
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
