//! Federation over HTTP: `GET /api/v1/peers` (peerings and their sync state, for hub
//! administrators) and the federation API root `/federation/`, a standard TAXII 2.1 API root
//! on which peer hubs read and push through the peering's TLP gate with provenance.
//!
//! A peer hub authenticates with a token of the organisation named like its peering on this
//! hub; the peering, not collection grants, decides what it may read and push, and the role
//! table (`crate::roles`) decides which of that organisation's tokens may push: not a reader's.

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hub::{HubError, Principal, format_us};
use serde_json::json;

use crate::error::ApiError;
use crate::media::{STIX, TAXII, accepts_taxii, is_taxii_content};
use crate::roles::{self, Action, Caller};
use crate::{AppState, blocking};

pub(crate) fn routes() -> Router<AppState> {
    let mut r = Router::new().route("/api/v1/peers", get(list_peers));
    for (path, route) in [("/federation", get(api_root)), ("/federation/collections/{id}/objects", get(get_objects).post(add_objects))] {
        r = r.route(&format!("{path}/"), route.clone()).route(path, route);
    }
    r.layer(axum::extract::DefaultBodyLimit::disable())
}

fn taxii_ok(status: StatusCode, body: String) -> Response {
    let mut resp = (status, body).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(TAXII));
    resp
}

/// Checks Accept, authenticates, and finds the peering of the caller.
async fn peer_request(state: &AppState, headers: &HeaderMap) -> Result<(store::Peer, Principal), ApiError> {
    let accept = headers.get(header::ACCEPT).map(|v| v.to_str().unwrap_or("\u{0}"));
    if !accepts_taxii(accept) {
        return Err(ApiError::taxii(StatusCode::NOT_ACCEPTABLE, "Not Acceptable", format!("Accept must allow {TAXII}")));
    }
    let who = crate::authenticate(state, headers, true).await?;
    if matches!(who, Principal::Anonymous) {
        return Err(ApiError::from_hub(HubError::Unauthenticated("the federation API root needs a peer hub's token".into()), true));
    }
    let hub = state.hub.clone();
    let caller = who.clone();
    let peer = blocking(move || hub.peer_of(&caller)).await.map_err(|e| ApiError::from_hub(e, true))?;
    Ok((peer, who))
}

/// `Ok` when the role table lets `who` do `action`; a refusal is audited and answered as a
/// TAXII error object.
async fn require(state: &AppState, who: &Principal, action: Action, target: &str) -> Result<(), ApiError> {
    let Err(denied) = roles::require(Caller::from(who), action) else { return Ok(()) };
    let entry = store::NewAudit {
        actor: who.actor(),
        action: action.as_str().into(),
        target: target.into(),
        outcome: "denied".into(),
        detail: denied.to_string(),
    };
    let hub = state.hub.clone();
    if let Err(e) = blocking(move || hub.append_audit(&entry)).await {
        tracing::error!(error = %e, "writing a federation audit line failed");
    }
    Err(ApiError::from_hub(denied.into(), true))
}

async fn api_root(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    peer_request(&state, &headers).await?;
    let body = json!({
        "title": "POST-ISAC federation",
        "description": "Federation between hubs: objects cross a peering only through its TLP gate.",
        "versions": [TAXII],
        "max_content_length": state.hub.config().max_content_length,
    });
    Ok(taxii_ok(StatusCode::OK, body.to_string()))
}

async fn get_objects(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> Result<Response, ApiError> {
    let (peer, _) = peer_request(&state, &headers).await?;
    if !peer.direction.pushes() {
        let e = HubError::Forbidden(format!(
            "the peering with '{}' does not send objects to it (direction {})",
            peer.name,
            peer.direction.as_str()
        ));
        return Err(ApiError::from_hub(e, true));
    }
    let pairs: Vec<(String, String)> = form_urlencoded::parse(q.as_deref().unwrap_or("").as_bytes()).into_owned().collect();
    let filters = hub::parse_filters(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).map_err(|e| ApiError::from_hub(e, true))?;
    let hub = state.hub.clone();
    let out = blocking(move || hub.peer_page(&peer, &id, &filters)).await.map_err(|e| ApiError::from_hub(e, true))?;
    let mut body = String::with_capacity(4096 + out.page.objects.iter().map(|o| o.body.len() + 1).sum::<usize>());
    body.push_str(&format!("{{\"more\":{}", out.page.more));
    if let Some(n) = &out.page.next {
        body.push_str(&format!(",\"next\":{}", json!(n)));
    }
    if !out.page.objects.is_empty() {
        body.push_str(",\"objects\":[");
        for (i, o) in out.page.objects.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(&o.body);
        }
        body.push(']');
    }
    body.push('}');
    let mut resp = taxii_ok(StatusCode::OK, body);
    let first = out.page.objects.first().map(|o| o.date_added_us).or(out.scanned_to_us);
    for (name, us) in [("x-taxii-date-added-first", first), ("x-taxii-date-added-last", out.scanned_to_us)] {
        if let Some(v) = us.and_then(|us| HeaderValue::from_str(&format_us(us)).ok()) {
            resp.headers_mut().insert(name, v);
        }
    }
    Ok(resp)
}

async fn add_objects(State(state): State<AppState>, headers: HeaderMap, Path(id): Path<String>, body: Body) -> Result<Response, ApiError> {
    let (peer, who) = peer_request(&state, &headers).await?;
    require(&state, &who, Action::PushFromPeer, &peer.name).await?;
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok());
    if !is_taxii_content(content_type) {
        return Err(ApiError::taxii(StatusCode::UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", format!("Content-Type must be {TAXII}")));
    }
    if id != peer.local_collection {
        return Err(ApiError::from_hub(
            HubError::NotFound(format!("collection '{}' not found", id.chars().take(80).collect::<String>())),
            true,
        ));
    }
    if !peer.direction.pulls() {
        let e = HubError::Forbidden(format!(
            "the peering with '{}' does not accept objects from it (direction {})",
            peer.name,
            peer.direction.as_str()
        ));
        return Err(ApiError::from_hub(e, true));
    }
    let max = state.hub.config().max_content_length;
    let bytes = axum::body::to_bytes(body, max)
        .await
        .map_err(|_| ApiError::taxii(StatusCode::PAYLOAD_TOO_LARGE, "Payload Too Large", format!("the body is larger than {max} bytes")))?;
    let hub = state.hub.clone();
    let actor = format!("peer:{}", peer.name);
    let got = blocking(move || hub.receive_bundle_from_peer(&peer, &bytes, &actor)).await.map_err(|e| ApiError::from_hub(e, true))?;
    state.metrics.objects_stored.inc_by(got.stored);
    let body = got.status.map(|s| serde_json::to_string(&s).unwrap_or_default()).unwrap_or_default();
    Ok(taxii_ok(StatusCode::ACCEPTED, body))
}

async fn list_peers(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let who = crate::authenticate(&state, &headers, false).await?;
    let hub = state.hub.clone();
    let peers = blocking(move || hub.peers_overview(&who)).await.map_err(|e| ApiError::from_hub(e, false))?;
    let items: Vec<PeerAnswer> = peers.iter().map(|(p, s)| PeerAnswer::of(p, Some(s))).collect();
    let mut resp = (StatusCode::OK, json!({ "peers": items }).to_string()).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Ok(resp)
}

/// A peering as the API and `postern peer list --json` show it: never its secret.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PeerAnswer {
    pub name: String,
    pub url: String,
    pub api_root: String,
    /// The peer's collection.
    pub collection: String,
    pub local_collection: String,
    /// `pull`, `push` or `both`.
    pub direction: &'static str,
    /// The most permissive TLP level that crosses this peering.
    pub max_tlp: &'static str,
    pub auth: PeerAuthAnswer,
    pub created: String,
    /// The media type of the objects exchanged.
    pub media_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<PeerStateAnswer>,
}

/// How this hub authenticates to the peer: the kind, and a Basic user name; never a secret.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PeerAuthAnswer {
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
}

/// Where the sync of a peering stands.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PeerStateAnswer {
    pub pull_checkpoint: Option<String>,
    pub push_checkpoint: Option<String>,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    pub failures: u32,
    pub pulled: u64,
    pub pushed: u64,
    pub refused: u64,
}

impl PeerAnswer {
    pub fn of(p: &store::Peer, s: Option<&store::PeerState>) -> PeerAnswer {
        let auth = match &p.auth {
            store::PeerAuth::Bearer(_) => PeerAuthAnswer { kind: "bearer", user: None },
            store::PeerAuth::Basic { user, .. } => PeerAuthAnswer { kind: "basic", user: Some(user.clone()) },
        };
        PeerAnswer {
            name: p.name.clone(),
            url: p.url.clone(),
            api_root: p.api_root.clone(),
            collection: p.remote_collection.clone(),
            local_collection: p.local_collection.clone(),
            direction: p.direction.as_str(),
            max_tlp: p.max_tlp.name(),
            auth,
            created: p.created.clone(),
            media_type: STIX,
            state: s.map(|s| PeerStateAnswer {
                pull_checkpoint: s.pull_checkpoint.clone(),
                push_checkpoint: s.push_checkpoint_us.map(format_us),
                last_success: s.last_success.clone(),
                last_error: s.last_error.clone(),
                failures: s.failures,
                pulled: s.pulled,
                pushed: s.pushed,
                refused: s.refused,
            }),
        }
    }
}
