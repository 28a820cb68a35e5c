//! Editing a case in the portal: the creation form, filled with the case, posted back. The same
//! checks as the API's `PATCH /api/v1/incidents/{id}`: every field by `incidents::check_case`,
//! and the new times must still agree with the stages already submitted (none before `aware`).
//! Times are shown and read in the case's own time zone, to the second, so saving the form
//! unchanged changes nothing.

use std::collections::BTreeMap;

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};
use incidents::CaseError;
use minijinja::context;
use store::incidents::CaseRecord;

use super::reports::submitted_map;
use super::{Fields, audit, case_data, case_input, choices, editable, enabled, field, load, run};
use crate::pages::members::member_for;
use crate::roles::Action;
use crate::{Ctx, PortalState, see_other};

pub(super) fn routes() -> Router<PortalState> {
    Router::new().route("/members/incidents/{id}/edit", get(form).post(save))
}

/// A stored time as a `datetime-local` value in the case's zone; empty for no time.
fn local_value(t: Option<&str>, zone: &str) -> String {
    let (Some(t), Ok(z)) = (t.and_then(|t| DateTime::parse_from_rfc3339(t).ok()), incidents::parse_zone(zone)) else {
        return String::new();
    };
    t.with_timezone(&z).format("%Y-%m-%dT%H:%M:%S").to_string()
}

/// The form's values for a stored case.
fn filled(c: &CaseRecord) -> BTreeMap<&'static str, String> {
    let d = &c.data;
    let mut f = BTreeMap::from([
        ("title", d.title.clone()),
        ("summary", d.summary.clone()),
        ("classification", d.classification.clone()),
        ("severity", d.severity.clone()),
        ("users_affected", d.users_affected.map(|n| n.to_string()).unwrap_or_default()),
        ("cross_border", d.cross_border.clone()),
        ("suspected_malicious", d.suspected_malicious.clone()),
        ("zone", d.zone.clone()),
        ("jurisdiction", d.jurisdiction.clone()),
    ]);
    for (k, t) in [("detected", &d.detected), ("aware", &d.aware), ("contained", &d.contained), ("resolved", &d.resolved)] {
        f.insert(k, local_value(t.as_deref(), &d.zone));
    }
    f
}

async fn form(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::EditIncidents).await);
    let store = try_page!(enabled(&state, &ctx));
    let case = try_page!(load(&state, &ctx, &store, member.org.id, id).await);
    let page = context! { choices => choices(), form => filled(&case), services => &case.data.services, edit_id => id };
    state.portal.page(&ctx, StatusCode::OK, "incident_new.html", page)
}

async fn save(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<Fields>) -> Response {
    let store = try_page!(editable(&state, &ctx, field(&form, "csrf"), id).await);
    let Some(member) = ctx.member.as_ref() else { return see_other("/login") };
    let now = Utc::now();
    let s = store.clone();
    let (subs, reqs) = try_page!(run(&state, &ctx, move || Ok((s.submissions(id)?, s.stage_requests(id)?))).await);
    let checked = incidents::check_case(&case_input(&form), now).and_then(|c| {
        incidents::case_clock(&c, &submitted_map(&subs), &super::requested_map(&reqs), now)
            .map_err(|e| CaseError { field: e.field, reason: e.reason })?;
        Ok(c)
    });
    let checked = match checked {
        Ok(c) => c,
        Err(CaseError { field: name, reason }) => {
            let values: BTreeMap<&str, &str> = form.iter().filter(|(k, _)| k != "csrf").map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let services: Vec<&str> = form.iter().filter(|(k, _)| k == "services").map(|(_, v)| v.as_str()).collect();
            let page = context! { choices => choices(), form => values, services => services, edit_id => id,
            error_field => name, error_reason => reason };
            return state.portal.page(&ctx, StatusCode::BAD_REQUEST, "incident_new.html", page);
        }
    };
    let (org, at) = (member.org.id, incidents::case::utc_text(now));
    let detail = checked.classification.clone();
    try_page!(run(&state, &ctx, move || store.update_case(org, id, &case_data(checked), &at)).await);
    audit(&state, member, "update", id, detail).await;
    see_other(&format!("/members/incidents/{id}"))
}
