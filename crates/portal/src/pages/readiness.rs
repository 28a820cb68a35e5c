//! The readiness questionnaire for members: start an assessment with its channel profile,
//! answer area by area (each area's form saves as a draft), evidence and a comment per answer,
//! the score view (area levels, readiness index, improvement plan) and finalisation.
//!
//! Respondents are the analysts and administrators of the organisation; the hub operator's own
//! analysts are facilitators: they open any member's assessment and may mark answers validated
//! (evidence "facilitator"). Two respondents saving the same answer never overwrite each other
//! silently: the store's revisions detect it and the page shows both answers and asks.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, SecondsFormat, Utc};
use minijinja::{Value, context};
use readiness::profile::Declared;
use readiness::summary::{Summary, months, summary, text, with_workload};
use readiness::trend::Trend;
use readiness::{AreaWeights, Bank, Claim, Claimed, Evidence, Observation, Profile, Question, Scale};
use store::readiness::{AnswerOutcome, AnswerRecord, AssessmentRecord, FinaliseOutcome, NewAnswer, ProfileOutcome, ReadinessStore};

use super::members::member_for;
use crate::roles::{self, Action};
use crate::{Ctx, Member, PortalState, blocking, member_or_login, see_other};

mod bench;
mod domains;
pub mod report;
mod sharing;

pub use bench::publish as publish_snapshot;

/// Longest comment kept with an answer, in characters.
const MAX_COMMENT: usize = 2000;
/// Evidence kinds a respondent may claim; facilitators may also give `scan` and `facilitator`.
const MEMBER_EVIDENCE: [&str; 2] = ["self", "document"];
const FACILITATOR_EVIDENCE: [&str; 4] = ["self", "document", "scan", "facilitator"];

pub(crate) fn routes() -> Router<PortalState> {
    Router::new()
        .route("/members/readiness", get(list).post(start))
        .route("/members/readiness/import", post(import))
        .route("/members/readiness/domains", get(domains::list).post(domains::request))
        .route("/members/readiness/domains/check", post(domains::check))
        .route("/members/readiness/benchmarks", get(bench::page))
        .route("/members/readiness/benchmarks.csv", get(bench::csv))
        .route("/members/readiness/dashboard", get(bench::dashboard_page))
        .route("/members/readiness/dashboard.csv", get(bench::dashboard_csv))
        .route("/members/readiness/{id}", get(overview))
        .route("/members/readiness/{id}/score", get(score))
        .route("/members/readiness/{id}/finalise", post(finalise))
        .route("/members/readiness/{id}/domains", post(declare_domains))
        .route("/members/readiness/{id}/area/{area}", get(area_form).post(save_area))
        .route("/members/readiness/{id}/share", post(sharing::share))
        .route("/members/readiness/{id}/share/withdraw", post(sharing::withdraw))
        .route("/members/readiness/{id}/report", get(report))
        .route("/members/readiness/{id}/report.pdf", get(report_pdf))
        .route("/members/readiness/{id}/plan.csv", get(plan_export))
        .route("/members/readiness/{id}/assessment.json", get(json_export))
        .route("/members/readiness/{id}/stix.json", get(stix_export))
        .route("/members/readiness/{id}/stix", post(stix_publish))
        .merge(documents::routes())
}

macro_rules! try_page {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(resp) => return resp,
        }
    };
}

// After the macro, which it uses.
mod documents;

/// The shipped bank, parsed once; `None` only if the build shipped a broken bank (its tests
/// prevent that), in which case the pages say so instead of panicking.
fn bank() -> Option<&'static Bank> {
    static BANK: OnceLock<Option<Bank>> = OnceLock::new();
    BANK.get_or_init(|| Bank::embedded().map_err(|e| tracing::error!(error = %e, "the readiness bank does not load")).ok()).as_ref()
}

/// The starter-path lists, checked against the bank once.
fn starter() -> Option<&'static readiness::starter::Starter> {
    static STARTER: OnceLock<Option<readiness::starter::Starter>> = OnceLock::new();
    STARTER
        .get_or_init(|| {
            let bank = bank()?;
            readiness::starter::Starter::embedded(bank).map_err(|e| tracing::error!(error = %e, "the starter lists do not load")).ok()
        })
        .as_ref()
}

/// The peer-group lists (UPU region, income group, SIDS/LDC by country), checked once.
fn peers() -> Option<&'static readiness::peers::Peers> {
    static PEERS: OnceLock<Option<readiness::peers::Peers>> = OnceLock::new();
    PEERS
        .get_or_init(|| {
            readiness::peers::Peers::embedded().map_err(|e| tracing::error!(error = %e, "the peer-group lists do not load")).ok()
        })
        .as_ref()
}

/// The organisation of an assessment (for its name and its country's groups).
async fn org_of(state: &PortalState, ctx: &Ctx, org_id: i64) -> Result<store::Org, Response> {
    let hub = state.hub.clone();
    match blocking(move || hub.org_by_id(org_id)).await {
        Some(Ok(Some(o))) => Ok(o),
        Some(Ok(None)) => Err(state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None)),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e)),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

/// Whether the organisation takes the starter path (a SIDS or LDC post).
fn is_starter(org: &store::Org) -> bool {
    starter().is_some_and(|s| s.groups(org.country.as_deref()).starter())
}

fn is_facilitator(member: &Member) -> bool {
    roles::allows(super::members::caller(member), Action::FacilitateReadiness)
}

fn may_answer(member: &Member) -> bool {
    roles::allows(super::members::caller(member), Action::AnswerReadiness)
}

/// What a page needs before it starts: the bank and the readiness store.
fn parts(state: &PortalState, ctx: &Ctx) -> Result<(&'static Bank, Arc<dyn ReadinessStore>), Response> {
    let internal = || state.portal.error(ctx, StatusCode::SERVICE_UNAVAILABLE, "error-no-workspace", None);
    let bank = bank().ok_or_else(internal)?;
    let store = state.readiness.clone().ok_or_else(internal)?;
    Ok((bank, store))
}

/// An assessment, its answers and the scan evidence of its declared domains.
type Loaded = (AssessmentRecord, Vec<AnswerRecord>, Vec<Observation>);

/// The assessment and its answers, if the member may see it: its own organisation's, or any
/// for a facilitator. Anything else is "not found", so that ids reveal nothing.
async fn load(state: &PortalState, ctx: &Ctx, member: &Member, id: i64) -> Result<Loaded, Response> {
    load_for(state, ctx, member, id, false).await
}

/// As [`load`]; with `report` also for a member of an organisation the finalised assessment is
/// shared with (the report is all such a regulator may read of it).
async fn load_for(state: &PortalState, ctx: &Ctx, member: &Member, id: i64, report: bool) -> Result<Loaded, Response> {
    let (_, store) = parts(state, ctx)?;
    let (reader_org, facilitator) = (member.org.id, is_facilitator(member));
    let posture = state.posture.clone();
    let platform = (state.awareness.clone(), state.exercises.clone());
    let found = blocking(move || -> store::Result<Option<Loaded>> {
        let Some(a) = store.assessment(id)? else { return Ok(None) };
        let shared = report && a.finalised_at.is_some() && sharing::is_shared_with(&*store, id, reader_org)?;
        if a.org_id != reader_org && !facilitator && !shared {
            return Ok(None);
        }
        let answers = store.answers(id)?;
        let proven: Vec<String> = store.domains(a.org_id)?.into_iter().filter(|d| d.proven_at.is_some()).map(|d| d.domain).collect();
        let mut observations = evidence(posture.as_ref(), &a, &proven)?;
        if a.finalised_at.is_none() {
            observations.extend(platform_evidence(platform.0.as_deref(), platform.1.as_deref(), a.org_id, Utc::now())?);
        }
        Ok(Some((a, answers, observations)))
    })
    .await;
    match found {
        Some(Ok(Some(loaded))) => Ok(loaded),
        Some(Ok(_)) => Err(state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None)),
        Some(Err(e)) => Err(state.portal.hub_error(ctx, e.into())),
        None => Err(state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None)),
    }
}

fn declared_of(record: &AssessmentRecord) -> Declared {
    serde_json::from_str(&record.profile).unwrap_or_default()
}

fn profile_of(record: &AssessmentRecord) -> Profile {
    declared_of(record).profile
}

/// The scan evidence of a draft: the latest posture report the organisation may read of each
/// domain declared for the assessment or proven by the organisation (finalised assessments keep
/// their stored score).
fn evidence(
    posture: Option<&Arc<dyn store::PostureStore>>,
    record: &AssessmentRecord,
    proven: &[String],
) -> store::Result<Vec<Observation>> {
    let Some(posture) = posture.filter(|_| record.finalised_at.is_none()) else { return Ok(Vec::new()) };
    let mut domains = declared_of(record).domains;
    domains.extend(proven.iter().cloned());
    domains.sort();
    domains.dedup();
    let mut out = Vec::new();
    for domain in domains {
        for report in posture.reports(&domain, store::PostureReader::Org(record.org_id), 1)? {
            let Ok(line) = serde_json::from_str::<readiness::evidence::PostureLine>(&report.report) else { continue };
            let at = DateTime::parse_from_rfc3339(&report.checked_at).map(|t| t.to_utc()).unwrap_or(DateTime::UNIX_EPOCH);
            out.extend(readiness::evidence::observations(&line, at));
        }
    }
    Ok(out)
}

/// What Postern itself knows of a draft's organisation (issue 18, section 3): its live
/// phishing-simulation campaigns feed TRN-04, the joint exercises it took part in feed IR-04
/// (`readiness::platform`); nothing on record gives no observation.
fn platform_evidence(
    awareness: Option<&dyn store::awareness::AwarenessStore>,
    exercises: Option<&dyn store::exercises::ExerciseStore>,
    org_id: i64,
    now: DateTime<Utc>,
) -> store::Result<Vec<Observation>> {
    let parse = |at: &str| DateTime::parse_from_rfc3339(at).ok().map(|t| t.to_utc());
    let mut out = Vec::new();
    if let Some(awareness) = awareness {
        let starts: Vec<DateTime<Utc>> = awareness
            .campaigns(org_id)?
            .iter()
            .filter(|c| !c.campaign.dry_run)
            .filter_map(|c| c.campaign.started_at.as_deref().and_then(parse))
            .collect();
        out.extend(readiness::platform::phishing(&starts, now));
    }
    if let Some(exercises) = exercises {
        let mut runs = Vec::new();
        for run in exercises.exercises_of(org_id)? {
            let marked = run.ended_at.is_some() && !exercises.marks(run.id)?.is_empty();
            runs.push(readiness::platform::ExerciseRun { ended_at: run.ended_at.as_deref().and_then(parse), marked });
        }
        out.extend(readiness::platform::exercise(&runs, now));
    }
    Ok(out)
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn evidence_of(kind: &str) -> Evidence {
    match kind {
        "document" => Evidence::Document,
        "scan" => Evidence::Scan,
        "facilitator" => Evidence::Facilitator,
        _ => Evidence::SelfReported,
    }
}

/// The stored answers as the scorer's claims; answers to questions the bank no longer scores
/// are left out rather than failing the whole assessment.
fn claims(bank: &Bank, answers: &[AnswerRecord]) -> Vec<Claim> {
    answers
        .iter()
        .filter(|r| bank.question(&r.answer.question).is_some_and(Question::is_scored))
        .filter(|r| r.answer.value.is_none_or(|v| bank.question(&r.answer.question).is_some_and(|q| q.scale.allows(v))))
        .map(|r| Claim {
            question: r.answer.question.clone(),
            value: r.answer.value.map_or(Claimed::NotApplicable, Claimed::Score),
            evidence: evidence_of(&r.answer.evidence),
            at: DateTime::parse_from_rfc3339(&r.answer.answered_at).map(|t| t.to_utc()).unwrap_or(DateTime::UNIX_EPOCH),
        })
        .collect()
}

/// The stored answer to the workload trend question (GOV-04), if any.
fn workload(bank: &Bank, answers: &[AnswerRecord]) -> Option<Trend> {
    let question = readiness::trend::workload_question(bank)?;
    answers.iter().find(|r| r.answer.question == question)?.answer.value.and_then(Trend::from_stored)
}

/// The live score of a draft (or the stored one of a finalised assessment).
fn scored(bank: &Bank, (record, answers, observations): &Loaded) -> Option<Summary> {
    if let Some(stored) = record.result.as_deref().and_then(|r| serde_json::from_str(r).ok()) {
        return Some(stored);
    }
    let claims = claims(bank, answers);
    let assessment = readiness::assess(bank, &profile_of(record), &claims, observations, &AreaWeights::default(), Utc::now());
    let assessment = assessment.map_err(|e| tracing::error!(error = %e, "scoring a readiness draft failed")).ok()?;
    Some(with_workload(summary(bank, &assessment, "en"), workload(bank, answers)))
}

/// Whether the questionnaire asks the question: scored ones, and the workload trend (context,
/// never scored), when the profile keeps them.
fn asked(q: &Question, profile: &Profile) -> bool {
    (q.is_scored() || q.scale == Scale::Trend) && profile.applies(q)
}

fn rounded(v: Option<f64>) -> Option<i64> {
    v.map(|x| x.round() as i64)
}

fn area_rows(bank: &Bank, lang: &str, profile: &Profile, answers: &[AnswerRecord], s: Option<&Summary>) -> Vec<Value> {
    bank.areas
        .iter()
        .map(|a| {
            let applicable: Vec<&Question> =
                bank.questions.iter().filter(|q| q.area == a.id && q.is_scored() && profile.applies(q)).collect();
            let answered = applicable.iter().filter(|q| answers.iter().any(|r| r.answer.question == q.id)).count();
            let figures = s.and_then(|s| s.areas.get(&a.id));
            context! {
                id => &a.id, name => text(&a.name, lang), applicable => applicable.len(), answered => answered,
                percent => rounded(figures.and_then(|f| f.percent)),
                level => figures.and_then(|f| f.level).map(|l| format!("{l:?}")),
            }
        })
        .collect()
}

/// The organisation's assessments, and the other members' (with their names) for a facilitator.
type Listing = (Vec<AssessmentRecord>, Vec<(String, AssessmentRecord)>, Vec<Value>);

async fn list(State(state): State<PortalState>, ctx: Ctx) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (_, store) = try_page!(parts(&state, &ctx));
    let (org_id, facilitator, hub) = (member.org.id, is_facilitator(member), state.hub.clone());
    let found = blocking(move || -> Result<Listing, hub::HubError> {
        let own = store.assessments(org_id)?;
        let mut others = Vec::new();
        if facilitator {
            for org in hub.orgs()?.into_iter().filter(|o| o.id != org_id) {
                others.extend(store.assessments(org.id)?.into_iter().map(|a| (org.name.clone(), a)));
            }
        }
        let shared = sharing::shared_with(&*store, &hub, org_id)?;
        Ok((own, others, shared))
    })
    .await;
    let (own, others, shared) = match found {
        Some(Ok(v)) => v,
        Some(Err(e)) => return state.portal.hub_error(&ctx, e),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    let rows = history(&own);
    let others: Vec<Value> = others
        .iter()
        .map(|(org, a)| context! { org => org, id => a.id, created => day(&a.created_at), finalised => a.finalised_at.as_deref().map(day) })
        .collect();
    let page = context! {
        rows => rows, others => others, shared => shared, may_answer => may_answer(member), flags => readiness::file::PROFILE_FLAGS,
        facilitator => facilitator,
    };
    state.portal.page(&ctx, StatusCode::OK, "readiness_list.html", page)
}

/// The date part of a stored timestamp.
fn day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

/// The organisation's assessments, newest first, with the change of the readiness index since
/// the previous finalised one.
fn history(own: &[AssessmentRecord]) -> Vec<Value> {
    let index = |a: &AssessmentRecord| -> Option<f64> {
        a.result.as_deref().and_then(|r| serde_json::from_str::<Summary>(r).ok()).and_then(|s| s.readiness_index)
    };
    own.iter()
        .enumerate()
        .map(|(i, a)| {
            let this = index(a);
            let previous = own[i + 1..].iter().find(|p| p.finalised_at.is_some()).and_then(index);
            let change = this.zip(previous).map(|(t, p)| (t.round() - p.round()) as i64);
            context! {
                id => a.id, created => day(&a.created_at), finalised => a.finalised_at.as_deref().map(day),
                index => rounded(this), change => change,
            }
        })
        .collect()
}

async fn start(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<HashMap<String, String>>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::AnswerReadiness).await);
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (bank, store) = try_page!(parts(&state, &ctx));
    let on = |flag: &str| form.get(flag).is_some_and(|v| v == "on" || v == "true");
    let profile = Profile {
        counter: on("counter"),
        website: on("website"),
        app: on("app"),
        handhelds: on("handhelds"),
        outlets: on("outlets"),
        ecommerce: on("ecommerce"),
        dfs: on("dfs"),
        egov: on("egov"),
    };
    if let Some(area) = readiness::profile::emptied_areas(bank, &profile).into_iter().next() {
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-emptied-area", Some(area));
    }
    let Ok(profile) = serde_json::to_string(&profile) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let (org_id, version) = (member.org.id, bank.version.clone());
    let created = blocking(move || -> store::Result<Result<i64, i64>> {
        if let Some(open) = open_draft(&*store, org_id)? {
            return Ok(Err(open));
        }
        Ok(Ok(store.create_assessment(org_id, &version, &profile, &now())?.id))
    })
    .await;
    created_page(&state, &ctx, created)
}

/// The organisation's open draft, if any: one draft at a time, so that a form sent twice (or
/// two respondents starting at once) does not split the answers over two drafts.
fn open_draft(store: &dyn ReadinessStore, org_id: i64) -> store::Result<Option<i64>> {
    Ok(store.assessments(org_id)?.into_iter().find(|a| a.finalised_at.is_none()).map(|a| a.id))
}

/// The answer to a start or an import: the new draft, or the open draft it would duplicate.
fn created_page(state: &PortalState, ctx: &Ctx, created: Option<store::Result<Result<i64, i64>>>) -> Response {
    match created {
        Some(Ok(Ok(id))) => see_other(&format!("/members/readiness/{id}")),
        Some(Ok(Err(open))) => state.portal.error(ctx, StatusCode::CONFLICT, "readiness-error-open-draft", Some(format!("#{open}"))),
        Some(Err(e)) => state.portal.hub_error(ctx, e.into()),
        None => state.portal.error(ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

async fn overview(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let (record, answers, _) = &loaded;
    let shares = sharing::shares_of(&state, record.id).await;
    let may_share = record.org_id == member.org.id && roles::allows(super::members::caller(member), Action::ShareReadiness);
    let collections: Vec<Value> = match may_share && record.finalised_at.is_some() {
        true => super::members::writable(&state, member)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, title)| context! { id => id, title => title })
            .collect(),
        false => Vec::new(),
    };
    let profile = profile_of(record);
    let s = scored(bank, &loaded);
    let lang = ctx.lang.code();
    let flags: Vec<Value> = readiness::file::PROFILE_FLAGS
        .iter()
        .map(|f| context! { flag => f, on => serde_json::to_value(profile).ok().and_then(|p| p[f].as_bool()).unwrap_or(false) })
        .collect();
    let page = context! {
        id => record.id, created => day(&record.created_at), finalised => record.finalised_at.as_deref().map(day),
        areas => area_rows(bank, lang, &profile, answers, s.as_ref()), flags => flags,
        may_answer => may_answer(member) && (record.org_id == member.org.id || is_facilitator(member)),
        unanswered => s.as_ref().map_or(0, |s| s.unanswered.len()),
        domains => declared_of(record).domains, facilitator => is_facilitator(member),
        may_share => may_share, shares => shares,
        collections => collections,
    };
    state.portal.page(&ctx, StatusCode::OK, "readiness_overview.html", page)
}

/// One question's form state: what is stored (or, after a conflict, what the respondent sent).
struct Shown {
    value: Option<String>,
    evidence: String,
    comment: String,
    revision: i64,
    /// The stored answer the form started from: value, evidence, comment.
    was: (String, String, String),
    by: Option<(String, String)>,
    conflict: Option<Value>,
}

/// An answer as the form spells it: the score, "na", or a trend's name.
fn value_text(scale: Scale, v: Option<u8>) -> String {
    match (scale, v) {
        (Scale::Trend, Some(v)) => Trend::from_stored(v).map_or_else(|| v.to_string(), |t| t.name().to_owned()),
        (_, v) => v.map_or_else(|| "na".to_owned(), |v| v.to_string()),
    }
}

fn shown_from(scale: Scale, record: Option<&AnswerRecord>) -> Shown {
    match record {
        Some(r) => {
            let value = value_text(scale, r.answer.value);
            Shown {
                value: Some(value.clone()),
                evidence: r.answer.evidence.clone(),
                comment: r.answer.comment.clone(),
                revision: r.revision,
                was: (value, r.answer.evidence.clone(), r.answer.comment.clone()),
                by: Some((r.answer.answered_by.clone(), r.answer.answered_at.clone())),
                conflict: None,
            }
        }
        None => Shown {
            value: None,
            evidence: "self".into(),
            comment: String::new(),
            revision: 0,
            was: (String::new(), "self".into(), String::new()),
            by: None,
            conflict: None,
        },
    }
}

fn scale_values(scale: Scale) -> &'static [&'static str] {
    match scale {
        Scale::Trend => &["up", "same", "down"],
        Scale::Binary => &["0", "4", "na"],
        Scale::Tri => &["0", "2", "4", "na"],
        Scale::Impl5 | Scale::Info => &["0", "1", "2", "3", "4", "na"],
    }
}

fn question_row(q: &Question, lang: &str, s: &Shown, documents: &[store::readiness::DocumentRecord]) -> Value {
    context! {
        documents => documents::rows(documents, &q.id),
        id => &q.id, text => text(&q.text, lang), help => text(&q.help, lang), phase => q.phase, weight => q.weight,
        scan => q.scan.as_deref(), values => scale_values(q.scale), value => s.value.as_deref(), trend => q.scale == Scale::Trend,
        evidence => &s.evidence, comment => &s.comment, revision => s.revision,
        was_value => &s.was.0, was_evidence => &s.was.1, was_comment => &s.was.2,
        by => s.by.as_ref().map(|(who, at)| context! { who => who, at => day(at) }), conflict => s.conflict.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
fn render_area(
    state: &PortalState,
    ctx: &Ctx,
    member: &Member,
    bank: &Bank,
    record: &AssessmentRecord,
    area: &str,
    (shown, documents): (&HashMap<String, Shown>, &[store::readiness::DocumentRecord]),
    status: StatusCode,
) -> Response {
    let lang = ctx.lang.code();
    let profile = profile_of(record);
    let Some(a) = bank.areas.iter().find(|a| a.id == area) else {
        return state.portal.error(ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    };
    let questions: Vec<Value> = bank
        .questions
        .iter()
        .filter(|q| q.area == area && asked(q, &profile))
        .filter_map(|q| shown.get(&q.id).map(|s| question_row(q, lang, s, documents)))
        .collect();
    let position = bank.areas.iter().position(|x| x.id == area).unwrap_or(0);
    let next = bank.areas.get(position + 1).map(|n| n.id.as_str());
    let evidence: &[&str] = if is_facilitator(member) { &FACILITATOR_EVIDENCE } else { &MEMBER_EVIDENCE };
    let page = context! {
        id => record.id, area => area, area_name => text(&a.name, lang), questions => questions, next => next,
        evidence_kinds => evidence, frozen => record.finalised_at.is_some(),
        may_answer => may_answer(member), conflicts => shown.values().any(|s| s.conflict.is_some()),
    };
    state.portal.page(ctx, status, "readiness_area.html", page)
}

async fn area_form(State(state): State<PortalState>, ctx: Ctx, Path((id, area)): Path<(i64, String)>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let (record, answers, _) = &loaded;
    let shown: HashMap<String, Shown> = bank
        .questions
        .iter()
        .filter(|q| q.area == area)
        .map(|q| (q.id.clone(), shown_from(q.scale, answers.iter().find(|r| r.answer.question == q.id))))
        .collect();
    let documents = try_page!(documents::of(&state, &ctx, id).await);
    render_area(&state, &ctx, member, bank, record, &area, (&shown, &documents), StatusCode::OK)
}

/// What the respondent sent for one question, checked against its scale and their role.
fn submitted(
    q: &Question,
    form: &HashMap<String, String>,
    evidence_kinds: &[&str],
) -> Result<Option<(Option<u8>, String, String)>, String> {
    let field = |name: &str| form.get(&format!("{name}_{}", q.id)).map(String::as_str);
    let Some(raw) = field("v").filter(|v| !v.is_empty()) else { return Ok(None) };
    let value = match raw {
        t if q.scale == Scale::Trend => Some(Trend::parse(t).ok_or_else(|| q.id.clone())?.stored()),
        "na" => None,
        v => Some(v.parse::<u8>().ok().filter(|v| q.scale.allows(*v)).ok_or_else(|| q.id.clone())?),
    };
    // A trend is context: it takes no evidence.
    let evidence = if q.scale == Scale::Trend { "self" } else { field("e").unwrap_or("self") };
    if !evidence_kinds.contains(&evidence) {
        return Err(q.id.clone());
    }
    let comment = field("c").unwrap_or("").trim().to_owned();
    if comment.chars().count() > MAX_COMMENT {
        return Err(q.id.clone());
    }
    Ok(Some((value, evidence.to_owned(), comment)))
}

/// The form's answers that differ from what the respondent started from: (question, answer, read revision).
fn changes(
    bank: &Bank,
    profile: &Profile,
    area: &str,
    form: &HashMap<String, String>,
    member: &Member,
    evidence_kinds: &[&str],
) -> Result<Vec<(NewAnswer, i64)>, String> {
    let mut out = Vec::new();
    for q in bank.questions.iter().filter(|q| q.area == area && asked(q, profile)) {
        let field = |name: &str| form.get(&format!("{name}_{}", q.id)).cloned().unwrap_or_default();
        // A respondent may keep evidence they may not give themselves (a facilitator's
        // validation) only on the very answer it was given to.
        let was_evidence = field("we");
        let mut kinds = evidence_kinds.to_vec();
        kinds.push(was_evidence.as_str());
        let Some((value, mut evidence, comment)) = submitted(q, form, &kinds)? else { continue };
        if (value_text(q.scale, value), comment.as_str()) == (field("wv"), field("wc").as_str()) && evidence == was_evidence {
            continue;
        }
        if !evidence_kinds.contains(&evidence.as_str()) {
            evidence = "self".to_owned();
        }
        let revision = field("r").parse::<i64>().map_err(|_| q.id.clone())?;
        let answer = NewAnswer {
            assessment_id: 0,
            question: q.id.clone(),
            value,
            evidence,
            comment,
            answered_by: member.user.username.clone(),
            answered_at: now(),
        };
        out.push((answer, revision));
    }
    Ok(out)
}

async fn save_area(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path((id, area)): Path<(i64, String)>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::AnswerReadiness).await);
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (bank, store) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let (record, answers, _) = &loaded;
    let kinds: &[&str] = if is_facilitator(member) { &FACILITATOR_EVIDENCE } else { &MEMBER_EVIDENCE };
    let mut writes = match changes(bank, &profile_of(record), &area, &form, member, kinds) {
        Ok(w) => w,
        Err(question) => return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-answer", Some(question)),
    };
    writes.iter_mut().for_each(|(a, _)| a.assessment_id = id);
    let sent = writes.clone();
    let outcomes = match blocking(move || writes.iter().map(|(a, r)| store.put_answer(a, *r)).collect::<store::Result<Vec<_>>>()).await {
        Some(Ok(o)) => o,
        Some(Err(e)) => return state.portal.hub_error(&ctx, e.into()),
        None => return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    };
    if outcomes.contains(&AnswerOutcome::Frozen) {
        return state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-frozen", None);
    }
    // A conflict with an answer equal to the one sent loses nothing (the same form sent twice,
    // or two respondents giving the same answer): it counts as saved.
    let same =
        |a: &NewAnswer, t: &AnswerRecord| (a.value, &a.evidence, &a.comment) == (t.answer.value, &t.answer.evidence, &t.answer.comment);
    let conflicts: Vec<(&NewAnswer, Option<&AnswerRecord>)> = sent
        .iter()
        .zip(&outcomes)
        .filter_map(|((a, _), o)| match o {
            AnswerOutcome::Conflict { current } if !current.as_ref().is_some_and(|t| same(a, t)) => Some((a, current.as_ref())),
            _ => None,
        })
        .collect();
    if conflicts.is_empty() {
        let next = bank.areas.iter().position(|a| a.id == area).and_then(|i| bank.areas.get(i + 1));
        return see_other(&next.map_or_else(|| format!("/members/readiness/{id}"), |n| format!("/members/readiness/{id}/area/{}", n.id)));
    }
    let shown = asked_again(bank, &area, answers, &conflicts);
    let documents = try_page!(documents::of(&state, &ctx, id).await);
    render_area(&state, &ctx, member, bank, record, &area, (&shown, &documents), StatusCode::CONFLICT)
}

/// The area's form after a conflict: every question shows what is stored now, except the
/// conflicting ones, which keep what this respondent sent over the current revision, with the
/// other answer beside it.
fn asked_again(
    bank: &Bank,
    area: &str,
    answers: &[AnswerRecord],
    conflicts: &[(&NewAnswer, Option<&AnswerRecord>)],
) -> HashMap<String, Shown> {
    let mut shown: HashMap<String, Shown> = bank
        .questions
        .iter()
        .filter(|q| q.area == area)
        .map(|q| (q.id.clone(), shown_from(q.scale, answers.iter().find(|r| r.answer.question == q.id))))
        .collect();
    for &(mine, theirs) in conflicts {
        let scale = bank.question(&mine.question).map_or(Scale::Impl5, |q| q.scale);
        let mut s = shown_from(scale, theirs);
        s.conflict = Some(match theirs {
            Some(t) => {
                context! { value => value_text(scale, t.answer.value), evidence => &t.answer.evidence, comment => &t.answer.comment, by => &t.answer.answered_by }
            }
            None => context! { value => Value::UNDEFINED },
        });
        (s.value, s.evidence, s.comment) = (Some(value_text(scale, mine.value)), mine.evidence.clone(), mine.comment.clone());
        shown.insert(mine.question.clone(), s);
    }
    shown
}

/// The plan by phase; a starter post sees phase 1 only, each step linked to what Postern offers.
fn plan_rows(bank: &Bank, lang: &str, s: &Summary, starter_path: bool) -> Vec<Value> {
    let last = if starter_path { 1 } else { 3 };
    (1..=last)
        .map(|phase| {
            let steps: Vec<Value> = s
                .plan
                .iter()
                .filter(|p| p.phase == phase)
                .map(|p| {
                    let action = bank.question(&p.id).map_or(p.action.as_str(), |q| text(&q.action, lang));
                    let link = starter_path.then(|| starter().and_then(|st| st.link(&p.id))).flatten();
                    let link = link.map(|l| context! { path => &l.path, key => &l.key });
                    context! { id => &p.id, area => &p.area, score => p.score, effort => serde_json::to_value(p.effort).ok(), action => action, link => link }
                })
                .collect();
            context! { phase => phase, months => months(phase), steps => steps }
        })
        .collect()
}

async fn score(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let (record, answers, _) = &loaded;
    let Some(s) = scored(bank, &loaded) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let starter_path = is_starter(&try_page!(org_of(&state, &ctx, record.org_id).await));
    let lang = ctx.lang.code();
    let contradictions: Vec<Value> = s
        .contradictions
        .iter()
        .map(|c| context! { question => &c.question, claimed => c.claimed, scanned => c.scanned, source => &c.source, reason => &c.reason })
        .collect();
    let page = context! {
        id => record.id, finalised => record.finalised_at.as_deref().map(day),
        areas => area_rows(bank, lang, &profile_of(record), answers, Some(&s)),
        index => rounded(s.readiness_index), hygiene => rounded(s.hygiene_baseline), verified => rounded(s.verified_share),
        contradictions => contradictions, phases => plan_rows(bank, lang, &s, starter_path), starter => starter_path,
        unanswered => s.unanswered.len(), declared_na => &s.declared_na,
    };
    state.portal.page(&ctx, StatusCode::OK, "readiness_score.html", page)
}

async fn finalise(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>, Form(form): Form<HashMap<String, String>>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::AnswerReadiness).await);
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (bank, store) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let (record, _, _) = &loaded;
    if record.finalised_at.is_some() {
        return state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-frozen", None);
    }
    let Some(result) = scored(bank, &loaded).and_then(|s| serde_json::to_string(&s).ok()) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let opt_in = form.get("benchmark").is_some_and(|v| v == "on");
    match blocking(move || store.finalise(id, &result, &now(), opt_in)).await {
        Some(Ok(FinaliseOutcome::Finalised)) => see_other(&format!("/members/readiness/{id}/score")),
        Some(Ok(FinaliseOutcome::AlreadyFinalised)) => state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-frozen", None),
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// The board report: headline figures, the radar chart of the areas, the areas' levels, the
/// contradictions and the plan as a timeline, in one printable page.
async fn report(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load_for(&state, &ctx, member, id, true).await);
    let Some(s) = scored(bank, &loaded) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let record = &loaded.0;
    let org = try_page!(org_of(&state, &ctx, record.org_id).await);
    let peers = peers_of(&state, &org).await;
    let input = report::ReportInput {
        bank,
        summary: &s,
        org: &org.name,
        id: Some(record.id),
        finalised: record.finalised_at.as_deref().map(day),
        created: day(&record.created_at),
        starter: is_starter(&org),
        peers: peers.as_ref(),
    };
    state.portal.page(&ctx, StatusCode::OK, "readiness_report.html", report_context(ctx.lang.code(), &input))
}

/// What the HTML board report shows, from the same input as the PDF one.
fn report_context(lang: &str, input: &report::ReportInput) -> Value {
    let (bank, s) = (input.bank, input.summary);
    let axes: Vec<(String, Option<f64>)> = bank.areas.iter().map(|a| (a.id.clone(), s.areas.get(&a.id).and_then(|f| f.percent))).collect();
    let radar = readiness::chart::radar(&axes, 160.0, 110.0);
    let contradictions: Vec<Value> = s
        .contradictions
        .iter()
        .map(|c| context! { question => &c.question, claimed => c.claimed, scanned => c.scanned, source => &c.source })
        .collect();
    let peers: Option<Vec<Value>> = input.peers.map(|m| {
        bank.areas
            .iter()
            .filter_map(|a| {
                let median = m.get(&a.id)?;
                let own = rounded(s.areas.get(&a.id).and_then(|f| f.percent));
                Some(context! { id => &a.id, name => text(&a.name, lang), own => own, median => median.round() as i64 })
            })
            .collect()
    });
    let areas: Vec<Value> = bank
        .areas
        .iter()
        .map(|a| {
            let figures = s.areas.get(&a.id);
            context! {
                id => &a.id, name => text(&a.name, lang), percent => rounded(figures.and_then(|f| f.percent)),
                level => figures.and_then(|f| f.level).map(|l| format!("{l:?}")),
            }
        })
        .collect();
    context! {
        peers => peers,
        id => input.id, org => input.org, finalised => input.finalised, created => input.created,
        bank_version => &s.bank_version,
        areas => areas, radar => Value::from_serialize(&radar),
        index => rounded(s.readiness_index), hygiene => rounded(s.hygiene_baseline), verified => rounded(s.verified_share),
        contradictions => contradictions, phases => plan_rows(bank, lang, s, input.starter), timeline => timeline(s),
        starter => input.starter,
        unanswered => s.unanswered.len(),
    }
}

/// The HTML board report as a standalone page (for `postern assess --html`): the portal's own
/// template in `lang`, without the portal around it.
pub fn report_html(portal: &crate::Portal, lang: crate::Lang, input: &report::ReportInput) -> Result<String, String> {
    portal.render("readiness_report.html", lang, report_context(lang.code(), input))
}

/// The peer medians the organisation's report may show (see `bench::peer_medians`).
async fn peers_of(state: &PortalState, org: &store::Org) -> Option<std::collections::BTreeMap<String, f64>> {
    let store = state.readiness.clone()?;
    let country = org.country.clone();
    blocking(move || bench::medians_for(&*store, country.as_deref())).await.flatten()
}

/// The board report as PDF, for the same readers as the HTML report (members of the
/// organisation and facilitators).
async fn report_pdf(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load_for(&state, &ctx, member, id, true).await);
    let Some(s) = scored(bank, &loaded) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let record = &loaded.0;
    let org = try_page!(org_of(&state, &ctx, record.org_id).await);
    let peers = peers_of(&state, &org).await;
    let input = report::ReportInput {
        bank,
        summary: &s,
        org: &org.name,
        id: Some(record.id),
        finalised: record.finalised_at.as_deref().map(day),
        created: day(&record.created_at),
        starter: is_starter(&org),
        peers: peers.as_ref(),
    };
    let pdf = report::report_pdf(state.portal.catalogues(), ctx.lang, &input);
    download(pdf, "application/pdf", format!("readiness-{id}-report.pdf"))
}

/// The plan's three horizons as bars on a 36-month axis (x and width in percent of the axis).
fn timeline(s: &Summary) -> Vec<Value> {
    [(1u8, 0u32, 6u32, "1"), (2, 6, 18, "0.7"), (3, 18, 36, "0.4")]
        .iter()
        .map(|&(phase, from, to, opacity)| {
            let count = s.plan.iter().filter(|p| p.phase == phase).count();
            let (x, width, y) = (from * 100 / 36, (to - from) * 100 / 36, (u32::from(phase) - 1) * 8);
            context! { phase => phase, months => months(phase), x => x, y => y, width => width, opacity => opacity, count => count }
        })
        .collect()
}

/// A download: the body with its type, never cached, saved under `filename`.
fn download(body: impl Into<axum::body::Body>, content_type: &'static str, filename: String) -> Response {
    use axum::http::{HeaderValue, header};
    use axum::response::IntoResponse;
    let mut resp = (StatusCode::OK, body.into()).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

/// The improvement plan as CSV, with the actions in the page's language.
async fn plan_export(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let Some(mut s) = scored(bank, &loaded) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let lang = ctx.lang.code();
    for step in &mut s.plan {
        if let Some(q) = bank.question(&step.id) {
            step.action = text(&q.action, lang).to_owned();
        }
    }
    download(readiness::summary::plan_csv(&s.plan), "text/csv; charset=utf-8", format!("readiness-{id}-plan.csv"))
}

/// The whole assessment as JSON: profile, every answer with its evidence and history fields,
/// and the scored summary.
async fn json_export(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let (record, answers, _) = &loaded;
    let s = scored(bank, &loaded);
    let answers: Vec<serde_json::Value> = answers
        .iter()
        .map(|r| {
            serde_json::json!({
                "question": r.answer.question, "value": json_value(bank, r),
                "evidence": r.answer.evidence, "comment": r.answer.comment, "answered_by": r.answer.answered_by,
                "answered_at": r.answer.answered_at, "revision": r.revision,
            })
        })
        .collect();
    let body = serde_json::json!({
        "id": record.id, "bank_version": record.bank_version, "created_at": record.created_at,
        "finalised_at": record.finalised_at, "benchmark_opt_in": record.benchmark_opt_in,
        "profile": serde_json::to_value(profile_of(record)).unwrap_or_default(), "answers": answers, "summary": s,
    });
    download(body.to_string(), "application/json", format!("readiness-{id}.json"))
}

/// A stored answer's value in the JSON export: the score, "na", or a trend's name.
fn json_value(bank: &Bank, r: &AnswerRecord) -> serde_json::Value {
    match (bank.question(&r.answer.question).map(|q| q.scale), r.answer.value) {
        (Some(Scale::Trend), Some(v)) => serde_json::json!(Trend::from_stored(v).map_or("?", Trend::name)),
        (_, Some(v)) => serde_json::json!(v),
        (_, None) => serde_json::json!("na"),
    }
}

/// Imports an assessment file (the `postern assess` format) as a new draft of the member's
/// organisation: the same checks as the command line, then one answer per entry. Only a
/// facilitator's file may claim scan or facilitator evidence.
async fn import(State(state): State<PortalState>, ctx: Ctx, Form(form): Form<HashMap<String, String>>) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::AnswerReadiness).await);
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (bank, store) = try_page!(parts(&state, &ctx));
    let file = match readiness::file::parse(bank, form.get("file").map_or("", String::as_str), Utc::now()) {
        Ok(f) => f,
        Err(e) => return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-import", Some(e.to_string())),
    };
    let kinds: &[&str] = if is_facilitator(member) { &FACILITATOR_EVIDENCE } else { &MEMBER_EVIDENCE };
    let evidence_name = |e: Evidence| match e {
        Evidence::SelfReported => "self",
        Evidence::Document => "document",
        Evidence::Scan => "scan",
        Evidence::Facilitator => "facilitator",
    };
    if let Some(c) = file.claims.iter().find(|c| !kinds.contains(&evidence_name(c.evidence))) {
        let detail = format!("[evidence].{} = \"{}\"", c.question, evidence_name(c.evidence));
        return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-import-evidence", Some(detail));
    }
    let Ok(profile) = serde_json::to_string(&file.profile) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let (org_id, version, by, at) = (member.org.id, bank.version.clone(), member.user.username.clone(), now());
    let answers: Vec<(String, Option<u8>, &'static str)> = file
        .claims
        .iter()
        .map(|c| {
            let value = match c.value {
                Claimed::Score(v) => Some(v),
                Claimed::NotApplicable => None,
            };
            (c.question.clone(), value, evidence_name(c.evidence))
        })
        .chain(file.trends.iter().map(|(q, t)| (q.clone(), Some(t.stored()), "self")))
        .collect();
    let created = blocking(move || -> store::Result<Result<i64, i64>> {
        if let Some(open) = open_draft(&*store, org_id)? {
            return Ok(Err(open));
        }
        let a = store.create_assessment(org_id, &version, &profile, &at)?;
        for (question, value, evidence) in answers {
            let answer = NewAnswer {
                assessment_id: a.id,
                question,
                value,
                evidence: evidence.to_owned(),
                comment: String::new(),
                answered_by: by.clone(),
                answered_at: at.clone(),
            };
            store.put_answer(&answer, 0)?;
        }
        Ok(Ok(a.id))
    })
    .await;
    created_page(&state, &ctx, created)
}

/// A facilitator declares the primary domains whose hub posture results are the assessment's
/// scan evidence (one per line; the list replaces the previous one).
async fn declare_domains(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::FacilitateReadiness).await);
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (_, store) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let mut declared = declared_of(&loaded.0);
    let mut domains = Vec::new();
    for line in form.get("domains").map_or("", String::as_str).lines().filter(|l| !l.trim().is_empty()) {
        match readiness::profile::domain(line) {
            Some(d) if !domains.contains(&d) => domains.push(d),
            Some(_) => {}
            None => return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-domain", Some(line.trim().to_owned())),
        }
    }
    declared.domains = domains;
    let Ok(json) = serde_json::to_string(&declared) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    match blocking(move || store.set_profile(id, &json)).await {
        Some(Ok(ProfileOutcome::Saved)) => see_other(&format!("/members/readiness/{id}")),
        Some(Ok(ProfileOutcome::Frozen)) => state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-frozen", None),
        Some(Err(e)) => state.portal.hub_error(&ctx, e.into()),
        None => state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None),
    }
}

/// The assessment as a STIX 2.1 bundle holding one `note` about the organisation's identity,
/// marked TLP:AMBER+STRICT, for the organisation's own hub collection: the headline figures
/// and each area's level, never the answers.
async fn stix_export(State(state): State<PortalState>, ctx: Ctx, Path(id): Path<i64>) -> Response {
    let member = try_page!(member_or_login(&ctx));
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let record = &loaded.0;
    let Some(s) = scored(bank, &loaded) else {
        return state.portal.error(&ctx, StatusCode::INTERNAL_SERVER_ERROR, "error-internal", None);
    };
    let org = try_page!(org_of(&state, &ctx, record.org_id).await);
    let body = stix_note(bank, record, &org, &s, &now()).to_string();
    download(body, "application/stix+json;version=2.1", format!("readiness-{id}.stix.json"))
}

/// An administrator of the post adds the finalised assessment's STIX note (as [`stix_export`],
/// TLP:AMBER+STRICT, so only the organisation reads it) to a collection the organisation
/// writes: its own record of readiness on its hub, if it wants one.
async fn stix_publish(
    State(state): State<PortalState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let member = try_page!(member_for(&state, &ctx, Action::ShareReadiness).await);
    if !ctx.csrf_ok(form.get("csrf").map_or("", String::as_str)) {
        return state.portal.error(&ctx, StatusCode::FORBIDDEN, "error-csrf", None);
    }
    let (bank, _) = try_page!(parts(&state, &ctx));
    let loaded = try_page!(load(&state, &ctx, member, id).await);
    let record = &loaded.0;
    if record.org_id != member.org.id {
        return state.portal.error(&ctx, StatusCode::NOT_FOUND, "error-not-found", None);
    }
    let Some(s) = scored(bank, &loaded).filter(|_| record.finalised_at.is_some()) else {
        return state.portal.error(&ctx, StatusCode::CONFLICT, "readiness-error-not-finalised", None);
    };
    let collection = form.get("collection").cloned().unwrap_or_default();
    let allowed = super::members::writable(&state, member).map(|w| w.iter().any(|(c, _)| *c == collection));
    match allowed {
        Ok(true) => {}
        Ok(false) => return state.portal.error(&ctx, StatusCode::BAD_REQUEST, "readiness-error-collection", Some(collection)),
        Err(e) => return state.portal.hub_error(&ctx, e),
    }
    let org = try_page!(org_of(&state, &ctx, record.org_id).await);
    let body = stix_note(bank, record, &org, &s, &now()).to_string();
    let (hub, who) = (state.hub.clone(), member.principal());
    let done = blocking(move || hub.add_objects(&who, &collection, body.as_bytes())).await;
    super::members::finish_add(&state, &ctx, done, &format!("/members/readiness/{id}#stix"))
}

/// The note of [`stix_export`]; its id is stable for one version of the assessment.
fn stix_note(bank: &Bank, record: &AssessmentRecord, org: &store::Org, s: &Summary, now: &str) -> serde_json::Value {
    let percent = |v: Option<f64>| v.map_or_else(|| "n/a".to_owned(), |v| format!("{:.0}%", v.round()));
    let mut content = format!(
        "Readiness index {}, hygiene baseline {}, verified share {} (question bank {}).",
        percent(s.readiness_index),
        percent(s.hygiene_baseline),
        percent(s.verified_share),
        s.bank_version
    );
    for area in &bank.areas {
        if let Some(a) = s.areas.get(&area.id) {
            let level = a.level.map_or_else(|| "n/a".to_owned(), |l| format!("{l:?}"));
            content.push_str(&format!("\n{}: {} ({level})", area.id, percent(a.percent)));
        }
    }
    content.push_str(&format!("\nImprovement plan: {} actions; contradictions: {}.", s.plan.len(), s.contradictions.len()));
    let version = record.finalised_at.clone().unwrap_or_else(|| now.to_owned());
    let name = format!("{}/{}/{version}", org.identity_id, record.id);
    let note_id = format!("note--{}", uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes()));
    let bundle_id = format!("bundle--{}", uuid::Uuid::new_v4());
    serde_json::json!({
        "type": "bundle", "id": bundle_id,
        "objects": [{
            "type": "note", "spec_version": "2.1", "id": note_id, "created": record.created_at, "modified": version,
            "abstract": format!("Cyber-readiness assessment {} of {}", record.id, org.name),
            "content": content, "object_refs": [org.identity_id], "created_by_ref": org.identity_id,
            "labels": ["readiness-assessment"], "object_marking_refs": [tlp::Tlp::AmberStrict.marking_id()],
        }],
    })
}
