//! Stage reports of a case, shared by the portal's report pages and the API
//! (`/api/v1/incidents/{id}/reports/...`): what a report form shows, saving a draft, submitting
//! (which records the stage's submission that the clock runs on), and the HTML and STIX exports.
//! The rules are the `incidents` crate's (`report::check_report`, `check_submission`); these
//! functions only load and store around them. They make blocking store calls: run them off the
//! async workers.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use incidents::report::{self, Answers, Mode, ReportDoc};
use incidents::{CaseError, RuleSet};
use store::StoreError;
use store::incidents::{CaseRecord, HandoffRecord, IncidentStore, ReportRecord, StageRequestRecord, SubmissionRecord};

use super::{case_fields, requested_map};

/// Why a report action failed: the input (naming the field) or the store.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Input(#[from] CaseError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The TLP of a stage report's exports: it goes to the CSIRT and the authority named by the
/// rule set, and no further (TLP:AMBER+STRICT).
pub const REPORT_TLP: tlp::Tlp = tlp::Tlp::AmberStrict;

/// What a stage report form shows.
#[derive(Debug, Clone)]
pub struct ReportView {
    pub rules: RuleSet,
    pub stage: String,
    /// The saved answers, or for a report not started yet what the case already says.
    pub answers: Answers,
    pub stored: Option<ReportRecord>,
    /// When the stage was submitted (RFC 3339 UTC), if it was.
    pub submitted_at: Option<String>,
    /// The stage's deadline (RFC 3339 UTC), when known.
    pub due: Option<String>,
    /// What keeps the answers from being submitted, in form order.
    pub problems: Vec<CaseError>,
}

fn rules_of(case: &CaseRecord) -> Result<RuleSet, CaseError> {
    incidents::jurisdiction(&case.data.jurisdiction).map_err(|e| CaseError { field: "jurisdiction".into(), reason: e.to_string() })
}

pub(super) fn submitted_map(subs: &[SubmissionRecord]) -> BTreeMap<String, String> {
    subs.iter().map(|s| (s.stage.clone(), s.submitted_at.clone())).collect()
}

/// The deadline of `stage` on the case's clock, RFC 3339 UTC; none while unknown.
fn due(case: &CaseRecord, subs: &[SubmissionRecord], reqs: &incidents::Requests, stage: &str, now: DateTime<Utc>) -> Option<String> {
    let clock = incidents::case_clock(&case_fields(&case.data), &submitted_map(subs), reqs, now).ok()??;
    clock.due(stage).map(|t| t.to_rfc3339_opts(SecondsFormat::Millis, true))
}

/// The report of `stage` of a loaded case as its form shows it.
pub fn view(store: &dyn IncidentStore, case: &CaseRecord, stage: &str, now: DateTime<Utc>) -> Result<ReportView, ReportError> {
    let rules = rules_of(case)?;
    let spec = report::stage(&rules, stage)?.clone();
    let stored = store.report(case.id, &spec.id)?;
    let subs = store.submissions(case.id)?;
    let answers = match &stored {
        Some(r) => r.answers.clone(),
        None => report::prefill(&rules, &spec.id, &case_fields(&case.data)),
    };
    let problems = report::problems(&spec, &answers);
    let submitted_at = subs.iter().find(|s| s.stage == spec.id).map(|s| s.submitted_at.clone());
    let reqs = requested_map(&store.stage_requests(case.id)?);
    let due = due(case, &subs, &reqs, &spec.id, now);
    Ok(ReportView { rules, stage: spec.id, answers, stored, submitted_at, due, problems })
}

/// Every stage of the case's rule set with its report, in clock order.
pub fn list(store: &dyn IncidentStore, case: &CaseRecord, now: DateTime<Utc>) -> Result<Vec<ReportView>, ReportError> {
    let rules = rules_of(case)?;
    rules.stages.iter().map(|s| view(store, case, &s.id, now)).collect()
}

/// Saves answers as the stage's draft, checked as a draft (well-formed, not yet complete).
pub fn save(
    store: &dyn IncidentStore,
    case: &CaseRecord,
    stage: &str,
    answers: &Answers,
    by: &str,
    now: DateTime<Utc>,
) -> Result<ReportRecord, ReportError> {
    let rules = rules_of(case)?;
    let clean = report::check_report(&rules, stage, answers, Mode::Draft)?;
    Ok(store.save_report(case.id, stage, &clean, by, &incidents::case::utc_text(now))?)
}

/// Submits the stage's report: `answers` when given, else the saved draft, must be complete
/// (each required field answered, "unknown" only where allowed), and the stage must be owed
/// and follow its anchor; then the report and the stage's submission at `at` (RFC 3339 with an
/// offset; now when `None`) are stored together.
pub fn submit(
    store: &dyn IncidentStore,
    case: &CaseRecord,
    stage: &str,
    answers: Option<&Answers>,
    at: Option<&str>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<ReportRecord, ReportError> {
    let rules = rules_of(case)?;
    let spec = report::stage(&rules, stage)?;
    let answers = match answers {
        Some(a) => a.clone(),
        None => store.report(case.id, &spec.id)?.map(|r| r.answers).unwrap_or_default(),
    };
    // The stage and its time first (owed, in order, once), then the report's completeness.
    let subs = store.submissions(case.id)?;
    let at = at.map(str::to_string).unwrap_or_else(|| incidents::case::utc_text(now));
    let reqs = requested_map(&store.stage_requests(case.id)?);
    let at = incidents::check_submission(&case_fields(&case.data), &submitted_map(&subs), &reqs, &spec.id, &at, now)?;
    let clean = report::check_report(&rules, &spec.id, &answers, Mode::Submit)?;
    let sub = SubmissionRecord {
        stage: spec.id.clone(),
        submitted_at: at,
        recorded_by: by.to_string(),
        recorded_at: incidents::case::utc_text(now),
    };
    Ok(store.submit_report(case.id, &clean, &sub)?)
}

/// The CSIRT a case was handed to asks for an on-request stage (NIS2 Art. 23(4)(c): the
/// intermediate report), optionally by a due date (RFC 3339 with an offset) and with a note:
/// checked by `incidents::check_request` against the case's clock, recorded once (the first
/// request stands). The caller has checked that its organisation is the hand-off's CSIRT.
pub fn request(
    store: &dyn IncidentStore,
    handoff: &HandoffRecord,
    stage: &str,
    due: Option<&str>,
    note: &str,
    by: &str,
    now: DateTime<Utc>,
) -> Result<StageRequestRecord, ReportError> {
    let case =
        store.case(handoff.case_org_id, handoff.case_id)?.ok_or(StoreError::NotFound { what: "hand-off", name: handoff.id.to_string() })?;
    let note = incidents::case::check_text("note", note, incidents::case::MAX_TEXT, false, true)?;
    let subs = submitted_map(&store.submissions(case.id)?);
    let reqs = requested_map(&store.stage_requests(case.id)?);
    let r = incidents::check_request(&case_fields(&case.data), &subs, &reqs, stage.trim(), due, now)?;
    let rec = StageRequestRecord {
        case_id: case.id,
        stage: stage.trim().to_string(),
        handoff_id: handoff.id,
        requested_by: by.to_string(),
        requested_at: r.at,
        due: r.due,
        note,
    };
    if !store.request_stage(&rec)? {
        return Err(CaseError { field: "stage".into(), reason: format!("`{}` was already requested", rec.stage) }.into());
    }
    Ok(rec)
}

fn copy_refused(reason: String) -> hub::HubError {
    hub::HubError::BadRequest { field: "collection".into(), reason }
}

/// Adds the case's CSIRT copy (TLP:AMBER+STRICT, `x_postern_recipients` the CSIRT's identity)
/// to `collection` through the hub's Add Objects as `who` (the post's write grant), after
/// checking that the CSIRT reads the collection and that an exercise case's copy goes only to an
/// exercise's collection and a live one never does. Returns the copy's STIX id; nothing is added
/// when a check fails (each refusal names `collection`). The API's and the portal's hand-off
/// both call it. Blocking.
pub fn publish_copy(
    hub: &hub::Hub,
    store: &dyn IncidentStore,
    who: &hub::Principal,
    case: &CaseRecord,
    csirt: &store::Org,
    collection: &str,
    now: DateTime<Utc>,
) -> Result<String, hub::HubError> {
    let reader = hub::Principal::Member { org: csirt.clone(), token_id: "handoff".into(), role: store::Role::Reader };
    let readable = hub.collections(&reader)?.iter().any(|(c, g)| c.id == collection && (g.read || c.public));
    let shown: String = collection.chars().take(80).collect();
    if !readable {
        return Err(copy_refused(format!("{} cannot read collection `{shown}`", csirt.name)));
    }
    let exercise = hub.is_exercise_collection(collection)?;
    if case.exercise != exercise {
        return Err(copy_refused(if case.exercise {
            format!("an exercise case's copy goes only to its exercise's collection, not `{shown}`")
        } else {
            format!("`{shown}` is an exercise's collection: a live case's copy does not go there")
        }));
    }
    let post = who.org().map(|o| o.identity_id.clone()).unwrap_or_default();
    let copy = derivative(store, case, "csirt", &post, None, &[csirt.identity_id.clone()], now).map_err(|e| match e {
        ReportError::Input(e) => hub::HubError::BadRequest { field: e.field, reason: e.reason },
        ReportError::Store(e) => hub::HubError::Store(e),
    })?;
    let id = copy["objects"][0]["id"].as_str().unwrap_or_default().to_string();
    let body = serde_json::to_vec(&copy).map_err(|e| hub::HubError::Store(StoreError::Corrupt(format!("encoding the CSIRT copy: {e}"))))?;
    let status = hub.add_objects(who, collection, &body)?;
    if let Some(f) = status.failures.first() {
        return Err(copy_refused(format!("the hub refused the copy: {}", f.message.as_deref().unwrap_or("refused"))));
    }
    Ok(id)
}

/// The collections a hand-off form offers for the CSIRT copy: those `who` may write that another
/// organisation reads, with the names of those readers, and of the case's kind (an exercise's
/// collection for an exercise case, a live one otherwise). Blocking.
pub fn copy_collections(
    hub: &hub::Hub,
    who: &hub::Principal,
    exercise: bool,
) -> Result<Vec<(store::Collection, Vec<String>)>, hub::HubError> {
    let own = who.org().map(|o| o.id);
    let writable: Vec<store::Collection> = hub.collections(who)?.into_iter().filter(|(_, g)| g.write).map(|(c, _)| c).collect();
    let mut readers: Vec<(store::Org, Vec<String>)> = Vec::new();
    for org in hub.orgs()?.into_iter().filter(|o| Some(o.id) != own) {
        let reader = hub::Principal::Member { org: org.clone(), token_id: "handoff".into(), role: store::Role::Reader };
        let ids = hub.collections(&reader)?.into_iter().filter(|(c, g)| g.read || c.public).map(|(c, _)| c.id).collect();
        readers.push((org, ids));
    }
    let mut out = Vec::new();
    for c in writable {
        if hub.is_exercise_collection(&c.id)? != exercise {
            continue;
        }
        let names: Vec<String> = readers.iter().filter(|(_, ids)| ids.contains(&c.id)).map(|(o, _)| o.name.clone()).collect();
        if !names.is_empty() {
            out.push((c, names));
        }
    }
    Ok(out)
}

fn doc<'a>(v: &'a ReportView, case: &'a CaseRecord, organisation: &'a str, now: &'a str) -> ReportDoc<'a> {
    ReportDoc {
        rules: &v.rules,
        stage: &v.stage,
        answers: &v.answers,
        case_id: case.id,
        case_title: &case.data.title,
        classification: &case.data.classification,
        organisation,
        aware: case.data.aware.as_deref(),
        due: v.due.as_deref(),
        submitted_at: v.submitted_at.as_deref(),
        generated_at: now,
        tlp: REPORT_TLP,
        exercise: case.exercise,
    }
}

/// The report as a standalone bilingual HTML page (the rule set's language and English).
pub fn export_html(v: &ReportView, case: &CaseRecord, organisation: &str, now: DateTime<Utc>) -> Result<String, CaseError> {
    let now = incidents::case::utc_text(now);
    report::render_html(&doc(v, case, organisation, &now))
}

/// The report as a bilingual PDF (the rule set's language and English).
pub fn export_pdf(v: &ReportView, case: &CaseRecord, organisation: &str, now: DateTime<Utc>) -> Result<Vec<u8>, CaseError> {
    let now = incidents::case::utc_text(now);
    report::render_pdf(&doc(v, case, organisation, &now))
}

/// The report as a STIX 2.1 bundle created by the organisation's identity. The incident object
/// was created when the report was first saved and is modified at its last change (its
/// submission for a submitted report), so re-exporting an unchanged report gives the same object.
pub fn export_stix(
    v: &ReportView,
    case: &CaseRecord,
    organisation: &str,
    identity: &str,
    now: DateTime<Utc>,
) -> Result<serde_json::Value, CaseError> {
    let now_text = incidents::case::utc_text(now);
    let created = v.stored.as_ref().map_or(now_text.clone(), |r| r.created_at.clone());
    let modified = v.stored.as_ref().map_or(now_text.clone(), |r| r.updated_at.clone());
    report::stix_bundle(&doc(v, case, organisation, &now_text), identity, case.data.resolved.is_some(), &created, &modified)
}

/// A file name for an export of the report: `incident-7-early_warning.html`.
pub fn export_name(case_id: i64, stage: &str, ext: &str) -> String {
    super::attachment_name(&format!("incident-{case_id}-{stage}.{ext}"))
}

// The portal's report pages: `/members/incidents/{id}/reports/{stage}` (the form; saving a draft
// and submitting post back to it) and its two downloads. Plain forms, no script.

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use minijinja::{Value, context};

use super::super::members::{actor, member_for};
use super::{Fields, audit, enabled, field, form_time, load};
use crate::roles::Action;
use crate::{Ctx, Member, PortalState, blocking, member_or_login, see_other};

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/incidents/{id}/reports/{stage}", get(form_page).post(post_form))
        .route("/members/incidents/{id}/reports/{stage}/html", get(download_html))
        .route("/members/incidents/{id}/reports/{stage}/pdf", get(download_pdf))
        .route("/members/incidents/{id}/reports/{stage}/stix", get(download_stix))
        .route("/members/incidents/{id}/derivatives/{audience}", get(download_derivative))
}

/// Runs a report action off the async workers; bad input comes back as `Err(Ok(error))` for the
/// form to show, a store failure as the matching error page.
async fn act<T: Send + 'static>(
    state: &PortalState,
    ctx: &Ctx,
    f: impl FnOnce() -> Result<T, ReportError> + Send + 'static,
) -> Result<Result<T, CaseError>, Response> {
    match blocking(f).await {
        Some(Ok(v)) => Ok(Ok(v)),
        Some(Err(ReportError::Input(e))) => Ok(Err(e)),
        Some(Err(ReportError::Store(StoreError::Conflict(m)))) => {
            Err(state.portal.error(ctx, StatusCode::CONFLICT, "error-bad-request", Some(m)))
        }
        Some(Err(ReportError::Store(StoreError::NotFound { .. }))) => {
            Err(state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None))
        }
        Some(Err(ReportError::Store(e))) => Err(state.portal.hub_error(ctx, e.into())),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

/// The member's case and its store, or the page that says why not.
async fn member_case(
    state: &PortalState,
    ctx: &Ctx,
    member: &Member,
    id: i64,
) -> Result<(std::sync::Arc<dyn IncidentStore>, CaseRecord), Response> {
    let store = enabled(state, ctx)?;
    let case = load(state, ctx, &store, member.org.id, id).await?;
    Ok((store, case))
}

/// The form's fields: kind, the answer given, and the choices a select offers.
fn form_fields(v: &ReportView) -> Vec<Value> {
    let Some(stage) = v.rules.stage(&v.stage) else { return Vec::new() };
    stage
        .required
        .iter()
        .map(|f| {
            let unknown_allowed = stage.unknown_allowed.contains(f);
            let kind = v.rules.field(f).map(|f| f.kind);
            let options: Vec<&str> = match kind {
                Some(incidents::FieldKind::Answer) => {
                    incidents::case::TRISTATE.iter().copied().filter(|a| *a != report::UNKNOWN || unknown_allowed).collect()
                }
                Some(incidents::FieldKind::Severity) => {
                    incidents::case::severities().iter().copied().filter(|a| *a != report::UNKNOWN || unknown_allowed).collect()
                }
                _ => Vec::new(),
            };
            let kind = match kind {
                Some(incidents::FieldKind::Answer) => "answer",
                Some(incidents::FieldKind::Severity) => "severity",
                _ => "text",
            };
            context! { id => f, kind => kind, options => options, unknown_allowed => unknown_allowed, value => v.answers.get(f) }
        })
        .collect()
}

fn page_value(id: i64, case: &CaseRecord, v: &ReportView, may_edit: bool, error: Option<&CaseError>) -> Value {
    let fields: Vec<&String> = v.rules.stage(&v.stage).map(|s| s.required.iter().collect()).unwrap_or_default();
    context! {
        id => id,
        case_title => &case.data.title,
        stage => &v.stage,
        due => &v.due,
        submitted_at => &v.submitted_at,
        saved => v.stored.is_some(),
        fields => form_fields(v),
        problems => v.problems.iter().map(|p| context! { field => &p.field, unknown => v.answers.contains_key(&p.field) }).collect::<Vec<_>>(),
        may_edit => may_edit,
        error_field => error.map(|e| &e.field),
        error_known => error.is_some_and(|e| fields.contains(&&e.field)),
        error_reason => error.map(|e| &e.reason),
    }
}

async fn form_page(State(state): State<PortalState>, ctx: Ctx, Path((id, stage)): Path<(i64, String)>) -> Response {
    let member = match member_or_login(&ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let (store, case) = match member_case(&state, &ctx, member, id).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let c = case.clone();
    let v = match act(&state, &ctx, move || view(&*store, &c, &stage, Utc::now())).await {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", Some(e.to_string())),
        Err(r) => return r,
    };
    audit(&state, member, "report.view", id, v.stage.clone()).await;
    let page = page_value(id, &case, &v, member.user.role.may_write(), None);
    state.portal.page(&ctx, StatusCode::OK, "incident_report.html", page)
}

/// Saves the draft (`action=save`) or submits the report (`action=submit`); a refusal shows the
/// form again with what was typed and the field at fault.
async fn post_form(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path((id, stage)): Path<(i64, String)>,
    Form(form): Form<Fields>,
) -> Response {
    if !ctx.csrf_ok(field(&form, "csrf")) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let member = match member_for(&state, &ctx, Action::EditIncidents).await {
        Ok(m) => m,
        Err(r) => return r,
    };
    let (store, case) = match member_case(&state, &ctx, member, id).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let answers: Answers = form
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("field-")?.to_string(), v.clone())))
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    let submitting = field(&form, "action") == "submit";
    let at = form_time(field(&form, "submitted_at"), &case.data.zone);
    let (by, c, s, st, typed) = (actor(member), case.clone(), store.clone(), stage.clone(), answers.clone());
    let done = act(&state, &ctx, move || {
        let now = Utc::now();
        if submitting { submit(&*s, &c, &st, Some(&typed), at.as_deref(), &by, now) } else { save(&*s, &c, &st, &typed, &by, now) }
    })
    .await;
    match done {
        Ok(Ok(rec)) => {
            audit(&state, member, if submitting { "submit" } else { "report.save" }, id, rec.stage.clone()).await;
            see_other(&format!("/members/incidents/{id}/reports/{}", rec.stage))
        }
        Ok(Err(e)) => {
            let c = case.clone();
            let v = match act(&state, &ctx, move || view(&*store, &c, &stage, Utc::now())).await {
                Ok(Ok(v)) => v,
                Ok(Err(e)) => return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(e.to_string())),
                Err(r) => return r,
            };
            // What was typed is shown again, nothing lost.
            let v =
                ReportView { problems: report::problems(v.rules.stage(&v.stage).unwrap_or(&v.rules.stages[0]), &answers), answers, ..v };
            state.portal.page(&ctx, StatusCode::BAD_REQUEST, "incident_report.html", page_value(id, &case, &v, true, Some(&e)))
        }
        Err(r) => r,
    }
}

/// A report export as a download, after the view it is made from.
/// The export formats of a stage report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Html,
    Pdf,
    Stix,
}

impl Format {
    /// (audit name, file extension, content type)
    fn parts(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Format::Html => ("html", "html", "text/html; charset=utf-8"),
            Format::Pdf => ("pdf", "pdf", "application/pdf"),
            Format::Stix => ("stix", "json", "application/stix+json;version=2.1"),
        }
    }
}

async fn export(state: &PortalState, ctx: &Ctx, id: i64, stage: String, format: Format) -> Response {
    let member = match member_or_login(ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let (store, case) = match member_case(state, ctx, member, id).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let (org, identity) = (member.org.name.clone(), member.org.identity_id.clone());
    let c = case.clone();
    let made = act(state, ctx, move || {
        let now = Utc::now();
        let v = view(&*store, &c, &stage, now)?;
        let body = match format {
            Format::Stix => serde_json::to_string_pretty(&export_stix(&v, &c, &org, &identity, now)?).unwrap_or_default().into_bytes(),
            Format::Html => export_html(&v, &c, &org, now)?.into_bytes(),
            Format::Pdf => export_pdf(&v, &c, &org, now)?,
        };
        Ok((v.stage, body))
    })
    .await;
    let (stage, body) = match made {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", Some(e.to_string())),
        Err(r) => return r,
    };
    let (kind, ext, ctype) = format.parts();
    audit(state, member, "report.export", id, format!("{stage} {kind}")).await;
    let mut resp = body.into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ctype));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", export_name(id, &stage, ext))) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

async fn download_html(State(state): State<PortalState>, ctx: Ctx, Path((id, stage)): Path<(i64, String)>) -> Response {
    export(&state, &ctx, id, stage, Format::Html).await
}

async fn download_pdf(State(state): State<PortalState>, ctx: Ctx, Path((id, stage)): Path<(i64, String)>) -> Response {
    export(&state, &ctx, id, stage, Format::Pdf).await
}

async fn download_stix(State(state): State<PortalState>, ctx: Ctx, Path((id, stage)): Path<(i64, String)>) -> Response {
    export(&state, &ctx, id, stage, Format::Stix).await
}

/// The case's derivative for `audience` (see `incidents::audience`) as a STIX 2.1 bundle, made
/// from the case and its submitted reports. Blocking store calls.
pub fn derivative(
    store: &dyn IncidentStore,
    case: &CaseRecord,
    audience: &str,
    identity: &str,
    warning: Option<&str>,
    recipients: &[String],
    now: DateTime<Utc>,
) -> Result<serde_json::Value, ReportError> {
    let audience = incidents::audience::Audience::parse(audience)?;
    let reports: BTreeMap<String, Answers> =
        store.reports(case.id)?.into_iter().filter(|r| r.submitted).map(|r| (r.stage, r.answers)).collect();
    let fields = case_fields(&case.data);
    let now = incidents::case::utc_text(now);
    let d = incidents::audience::Derivation {
        case_id: case.id,
        case: &fields,
        reports: &reports,
        identity,
        now: &now,
        warning,
        exercise: case.exercise,
        recipients,
    };
    Ok(incidents::audience::derive(audience, &d)?)
}

#[derive(serde::Deserialize, Default)]
struct DerivativeQuery {
    #[serde(default)]
    warning: String,
    #[serde(default)]
    recipient: String,
}

/// A derivative of the case for one audience, as a STIX file to share (see
/// `incidents::audience`); a refusal (no warning text, a recipient that is not an identity) is
/// the error page naming the field.
async fn download_derivative(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path((id, audience)): Path<(i64, String)>,
    axum::extract::Query(q): axum::extract::Query<DerivativeQuery>,
) -> Response {
    let member = match member_or_login(&ctx) {
        Ok(m) => m,
        Err(r) => return r,
    };
    let (store, case) = match member_case(&state, &ctx, member, id).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let identity = member.org.identity_id.clone();
    let recipients: Vec<String> = Some(q.recipient.trim().to_string()).filter(|r| !r.is_empty()).into_iter().collect();
    let warning = Some(q.warning).filter(|w| !w.trim().is_empty());
    let a = audience.clone();
    let made = act(&state, &ctx, move || derivative(&*store, &case, &a, &identity, warning.as_deref(), &recipients, Utc::now())).await;
    let bundle = match made {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "error-bad-request", Some(e.to_string())),
        Err(r) => return r,
    };
    audit(&state, member, "derivative.export", id, audience.clone()).await;
    let mut resp = serde_json::to_string_pretty(&bundle).unwrap_or_default().into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/stix+json;version=2.1"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", export_name(id, &audience, "json"))) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}
