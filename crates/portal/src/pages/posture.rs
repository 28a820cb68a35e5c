//! The members' domain posture pages: the scoreboard of checked domains with grade and
//! compliance, and one domain's latest findings with its history. A member sees the public
//! scoreboard and its own organisation's scans, as the API shows them.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use minijinja::{Value, context};

use crate::PortalState;
use crate::{Ctx, blocking, member_or_login};

pub(crate) fn routes() -> Router<PortalState> {
    Router::new().route("/members/posture", get(scoreboard)).route("/members/posture/{domain}", get(domain_page))
}

fn summary(r: &store::PostureRecord) -> Value {
    context! { domain => &r.domain, checked_at => &r.checked_at, score => r.score, grade => &r.grade, compliant => r.dotpost_compliant }
}

async fn scoreboard(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let reader = match member_or_login(&ctx) {
        Ok(m) => crate::posture_reader(&m.principal()),
        Err(resp) => return resp,
    };
    let Some(service) = state.posture.clone() else {
        return state.portal.page(&ctx, StatusCode::OK, "posture.html", context! { enabled => false, rows => Vec::<Value>::new() });
    };
    match blocking(move || service.latest_reports(reader)).await {
        Some(Ok(rows)) => {
            let rows: Vec<Value> = rows.iter().map(summary).collect();
            state.portal.page(&ctx, StatusCode::OK, "posture.html", context! { enabled => true, rows => rows })
        }
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

async fn domain_page(State(state): State<PortalState>, ctx: Ctx, Path(domain): Path<String>) -> Response {
    let reader = match member_or_login(&ctx) {
        Ok(m) => crate::posture_reader(&m.principal()),
        Err(resp) => return resp,
    };
    let Some(service) = state.posture.clone() else {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    let name = domain.trim_end_matches('.').to_ascii_lowercase();
    let key = name.clone();
    match blocking(move || service.reports(&key, reader, 50)).await {
        Some(Ok(rows)) if !rows.is_empty() => {
            let mut latest: serde_json::Value = serde_json::from_str(&rows[0].report).unwrap_or(serde_json::Value::Null);
            state.portal.text.explain_posture_json(ctx.lang, &mut latest);
            let findings: Vec<Value> = latest["findings"]
                .as_array()
                .map(|fs| {
                    fs.iter()
                        .map(|f| {
                            context! {
                                code => f["code"].as_str().unwrap_or_default(),
                                severity => f["severity"].as_str().unwrap_or_default(),
                                message => f["message"].as_str().unwrap_or_default(),
                                remediation => f["remediation"].as_str().unwrap_or_default(),
                                evidence => f["evidence"].as_str().map(String::from).unwrap_or_else(|| f["evidence"].to_string()),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            let history: Vec<Value> = rows.iter().map(summary).collect();
            state.portal.page(
                &ctx,
                StatusCode::OK,
                "posture_domain.html",
                context! { domain => name, latest => summary(&rows[0]), findings => findings, history => history },
            )
        }
        Some(Ok(_)) => state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None),
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}
