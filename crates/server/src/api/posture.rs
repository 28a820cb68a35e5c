//! Domain posture in the hub: checks on request (members with write roles), a scoreboard and
//! per-domain history, scheduled re-scans of the registered domains, and regression events when a
//! finding newly appears.
//!
//! A scan belongs to the organisation that asked for it. Only domains on the public scoreboard
//! (registered with `register: true`) are public; other results are read by their owner only,
//! and an unknown domain and another organisation's domain answer the same 404. Every
//! connection of a scan goes through the outbound guard (`posture::Config::outbound`).

use std::sync::Arc;
use std::time::Duration;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hub::Principal;
use serde::Deserialize;
use serde_json::{Value, json};
use store::{PostureReader, PostureRecord, PostureStore};

use crate::AppState;
use crate::error::ApiError;

/// Most domains in one scan request.
const MAX_SCAN: usize = 100;
/// History entries returned with a domain.
const HISTORY: usize = 50;

/// Why a posture check on request produced no report.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The domain was refused (its text says why, for the caller).
    #[error(transparent)]
    Check(#[from] posture::Error),
    /// The report could not be saved; the storage text goes to the log, not to the caller.
    #[error("storage: {0}")]
    Store(#[from] store::StoreError),
    /// The report could not be serialised or the worker stopped.
    #[error("internal: {0}")]
    Internal(String),
}

impl ScanError {
    /// What the caller reads: the checker's refusal, or a neutral sentence when the hub failed.
    fn public_text(&self) -> String {
        match self {
            ScanError::Check(e) => e.to_string(),
            ScanError::Store(_) | ScanError::Internal(_) => {
                tracing::error!(error = %self, "posture check could not be stored");
                "the check ran but its report could not be stored; it is logged".into()
            }
        }
    }
}

/// The posture checker and where its results go.
pub struct PostureService {
    pub store: Arc<dyn PostureStore>,
    pub checker: posture::Checker,
}

impl PostureService {
    pub fn new(store: Arc<dyn PostureStore>, config: posture::Config) -> PostureService {
        PostureService { store, checker: posture::Checker::new(config) }
    }

    /// What the configured resolver says of the TXT records of `_postern-challenge.<domain>`
    /// (readiness domain proofs): the same resolver as the scans, never another.
    pub async fn challenge_txt(&self, domain: &str) -> readiness::proof::TxtAnswer {
        use posture::dns::Lookup;
        use readiness::proof::TxtAnswer;
        match self.checker.txt_under(readiness::proof::CHALLENGE_LABEL, domain).await {
            Err(e) => TxtAnswer::Failed(e),
            Ok(lookup @ Lookup::Answer(_)) => TxtAnswer::Records(lookup.txt()),
            Ok(Lookup::NoData(_)) => TxtAnswer::NoData,
            Ok(Lookup::NxDomain(_)) => TxtAnswer::NxDomain,
            Ok(Lookup::Failed(e)) => TxtAnswer::Failed(e.to_string()),
        }
    }

    /// Checks one domain and stores the report, owned by `owner` (the asking organisation; `None`
    /// for scheduled re-scans), with its regressions against the previous report that owner
    /// may read.
    pub async fn check_and_store(&self, domain: &str, owner: Option<i64>) -> Result<posture::Report, ScanError> {
        let report = self.checker.check(domain).await?;
        let store = self.store.clone();
        let report_json = serde_json::to_string(&report).map_err(|e| ScanError::Internal(e.to_string()))?;
        let rec = PostureRecord {
            domain: report.domain.clone(),
            checked_at: report.checked_at.clone(),
            score: i64::from(report.score),
            grade: report.grade.clone(),
            dotpost_compliant: report.dotpost_compliant,
            report: report_json,
            owner_org: owner,
        };
        let new = report.clone();
        tokio::task::spawn_blocking(move || -> Result<(), ScanError> {
            let reader = owner.map_or(PostureReader::Public, PostureReader::Org);
            let previous = store.reports(&rec.domain, reader, 1)?;
            let regressions: Vec<(String, String, String)> =
                match previous.first().and_then(|p| serde_json::from_str::<posture::Report>(&p.report).ok()) {
                    Some(old) => posture::regressions(&old, &new)
                        .into_iter()
                        .map(|f| {
                            (
                                f.code.to_string(),
                                serde_json::to_value(f.severity).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
                                f.message.clone(),
                            )
                        })
                        .collect(),
                    None => Vec::new(),
                };
            Ok(store.save_report(&rec, &regressions)?)
        })
        .await
        .map_err(|e| ScanError::Internal(e.to_string()))??;
        Ok(report)
    }

    /// Re-scans every registered domain each `period`, a few at a time.
    pub fn spawn_rescans(self: Arc<Self>, period: Duration) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(period);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tick.tick().await; // the first tick fires at once; start one period after start-up
            loop {
                tick.tick().await;
                let store = self.store.clone();
                let domains = match tokio::task::spawn_blocking(move || store.registered_domains()).await {
                    Ok(Ok(d)) => d,
                    _ => continue,
                };
                for chunk in domains.chunks(8) {
                    let mut runs = tokio::task::JoinSet::new();
                    for d in chunk {
                        let (svc, d) = (self.clone(), d.clone());
                        runs.spawn(async move { (svc.check_and_store(&d, None).await, d) });
                    }
                    while let Some(done) = runs.join_next().await {
                        if let Ok((Err(e), d)) = done {
                            tracing::warn!(domain = %d, error = %e, "scheduled posture check failed");
                        }
                    }
                }
            }
        });
    }
}

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/posture", get(scoreboard))
        .route("/api/v1/posture/scan", post(scan))
        .route("/api/v1/posture/events", get(events))
        .route("/api/v1/posture/{domain}", get(domain_history))
}

fn service(state: &AppState) -> Result<Arc<PostureService>, ApiError> {
    state.posture.clone().ok_or_else(|| {
        ApiError::problem(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable", "domain posture is not enabled on this hub")
    })
}

fn summary(r: &PostureRecord) -> Value {
    json!({"domain": r.domain, "checked_at": r.checked_at, "score": r.score, "grade": r.grade, "dotpost_compliant": r.dotpost_compliant})
}

pub(crate) use portal::posture_reader as reader_of;

async fn scoreboard(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let reader = reader_of(&crate::authenticate(&state, &headers, false).await?);
    let svc = service(&state)?;
    let rows = tokio::task::spawn_blocking(move || svc.store.latest_reports(reader))
        .await
        .map_err(|e| ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?
        .map_err(|e| ApiError::from_hub(e.into(), false))?;
    Ok(Json(json!({ "domains": rows.iter().map(summary).collect::<Vec<_>>() })).into_response())
}

async fn domain_history(State(state): State<AppState>, headers: HeaderMap, Path(domain): Path<String>) -> Result<Response, ApiError> {
    let reader = reader_of(&crate::authenticate(&state, &headers, false).await?);
    let svc = service(&state)?;
    let name = domain.trim_end_matches('.').to_ascii_lowercase();
    let key = name.clone();
    let rows = tokio::task::spawn_blocking(move || svc.store.reports(&key, reader, HISTORY))
        .await
        .map_err(|e| ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?
        .map_err(|e| ApiError::from_hub(e.into(), false))?;
    let Some(latest) = rows.first() else {
        return Err(ApiError::problem(
            StatusCode::NOT_FOUND,
            "Not Found",
            format!("no posture report for '{}'", name.chars().take(100).collect::<String>()),
        ));
    };
    let mut report: Value = serde_json::from_str(&latest.report).unwrap_or(Value::Null);
    let lang = crate::api::answer_language(&headers);
    state.portal.catalogues().explain_posture_json(lang, &mut report);
    let answer = json!({"domain": name, "latest": report, "history": rows.iter().map(summary).collect::<Vec<_>>()});
    Ok(crate::api::in_language(Json(answer).into_response(), lang))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScanRequest {
    domains: Vec<String>,
    /// Also add the domains to the scheduled re-scan list.
    #[serde(default)]
    register: bool,
}

/// The caller, anonymous when no token is sent; a bad token is an error, not anonymity.
async fn member(state: &AppState, headers: &HeaderMap) -> Result<Principal, ApiError> {
    match crate::authenticate(state, headers, false).await? {
        Principal::Anonymous => {
            Err(ApiError::problem(StatusCode::UNAUTHORIZED, "Unauthorized", "this endpoint is for members: send an API token"))
        }
        m => Ok(m),
    }
}

async fn scan(State(state): State<AppState>, headers: HeaderMap, body: axum::body::Bytes) -> Result<Response, ApiError> {
    let who = member(&state, &headers).await?;
    // A scan makes the hub connect out and stores a report: a write, which readers may not do.
    crate::roles::require(crate::roles::Caller::from(&who), crate::roles::Action::ScanPosture)
        .map_err(|d| ApiError::from_hub(d.into(), false))?;
    let owner = who.org().map(|o| o.id);
    let svc = service(&state)?;
    let req: ScanRequest = serde_json::from_slice(&body)
        .map_err(|e| ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("request body: {e}")))?;
    if req.domains.is_empty() || req.domains.len() > MAX_SCAN {
        return Err(ApiError::problem(StatusCode::BAD_REQUEST, "Bad Request", format!("domains: give 1 to {MAX_SCAN} domain names")));
    }
    let lang = crate::api::answer_language(&headers);
    let mut results = Vec::with_capacity(req.domains.len());
    for d in &req.domains {
        match svc.check_and_store(d, owner).await {
            Ok(report) => {
                if req.register {
                    let (store, name, actor) = (svc.store.clone(), report.domain.clone(), who.actor());
                    let _ = tokio::task::spawn_blocking(move || store.register_domain(&name, &actor)).await;
                }
                let mut report = serde_json::to_value(&report).unwrap_or(Value::Null);
                state.portal.catalogues().explain_posture_json(lang, &mut report);
                results.push(report);
            }
            Err(e) => results.push(json!({"domain": d, "error": e.public_text()})),
        }
    }
    Ok(crate::api::in_language(Json(json!({ "reports": results })).into_response(), lang))
}

#[derive(Debug, Deserialize)]
struct EventsQuery {
    #[serde(default)]
    after: i64,
}

async fn events(State(state): State<AppState>, headers: HeaderMap, Query(q): Query<EventsQuery>) -> Result<Response, ApiError> {
    let reader = reader_of(&member(&state, &headers).await?);
    let svc = service(&state)?;
    let rows = tokio::task::spawn_blocking(move || svc.store.posture_events(reader, q.after, 1000))
        .await
        .map_err(|e| ApiError::problem(StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", e.to_string()))?
        .map_err(|e| ApiError::from_hub(e.into(), false))?;
    // Events keep the finding's code; its sentence is written in the asker's language (the text
    // stored by older versions when the catalogues do not know the code).
    let lang = crate::api::answer_language(&headers);
    let text = state.portal.catalogues();
    let items: Vec<Value> = rows
        .iter()
        .map(|e| {
            let message = text.posture_finding(lang, &e.code).map_or_else(|| e.message.clone(), |(m, _)| m);
            json!({"seq": e.seq, "domain": e.domain, "at": e.at, "code": e.code, "severity": e.severity, "message": message})
        })
        .collect();
    Ok(crate::api::in_language(Json(json!({ "events": items })).into_response(), lang))
}
