//! The exercise rules every face shares (portal pages, JSON API): who sees a run, starting one
//! with its own collection, the injects a role sees on the compressed clock, scoring from the
//! audit trail and the facilitator's marks, marking, playing a case, ending a run with its
//! improvement plan becoming incident tasks, and the after-action report. The rules themselves
//! are the `exercises` crate's; this joins them to `store::exercises`, the hub's audit trail and
//! the incident store. Blocking: call it off the async workers. Faces audit what they do.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, SecondsFormat, Utc};
use exercises::{AuditEvent, Board, Clock, ImprovementAction, Inject, Mark, Run, Scenario};
use hub::{Hub, HubError, Principal};
use store::StoreError;
use store::exercises::{ExerciseRecord, ExerciseStore, MarkRecord, NewExercise, RunStatus};
use store::incidents::{IncidentStore, NewTask, TaskRecord};

/// The longest facilitator's note on a mark, in bytes.
pub const MAX_NOTE_BYTES: usize = 2000;

/// A request to start a run, as a face read it.
#[derive(Debug, Clone)]
pub struct StartRequest {
    pub scenario: String,
    pub language: String,
    pub speed: u32,
    /// The exercise's real start; `None`: now.
    pub start: Option<DateTime<Utc>>,
    /// (organisation name, role).
    pub participants: Vec<(String, String)>,
}

/// A store failure as the hub's error (the one mapping every face applies).
pub fn store_error(e: StoreError) -> HubError {
    match e {
        StoreError::NotFound { what, name } => HubError::NotFound(format!("{what} {name} not found")),
        StoreError::Duplicate { .. } | StoreError::Conflict(_) => HubError::Conflict(e.to_string()),
        e => HubError::Store(e),
    }
}

fn bad(field: &str, reason: impl Into<String>) -> HubError {
    HubError::BadRequest { field: field.into(), reason: reason.into() }
}

/// Something stored that the code cannot read: the server's fault, never the caller's.
fn corrupt(what: String) -> HubError {
    HubError::Store(StoreError::Corrupt(what))
}

/// The run `id` if organisation `org` takes part, else the same not-found as no such run.
pub fn visible(store: &dyn ExerciseStore, org: i64, id: i64) -> Result<ExerciseRecord, HubError> {
    let rec = store.exercise(id).map_err(store_error)?;
    rec.filter(|r| r.role_of(org).is_some()).ok_or_else(|| HubError::NotFound(format!("exercise {id} not found")))
}

/// The run's scenario; one no longer shipped is the server's fault.
pub fn scenario_of(rec: &ExerciseRecord) -> Result<Scenario, HubError> {
    exercises::shipped_in(&rec.scenario, &rec.language).map_err(|e| corrupt(format!("exercise {}: {e}", rec.id)))
}

pub fn clock_of(rec: &ExerciseRecord) -> Result<Clock, HubError> {
    let start = DateTime::parse_from_rfc3339(&rec.started_at).map(|t| t.to_utc()).ok();
    start.and_then(|s| Clock::new(s, rec.speed)).ok_or_else(|| corrupt(format!("exercise {}: unreadable clock", rec.id)))
}

/// The instant a run is scored at: now while it runs, its end once ended.
pub fn scoring_instant(rec: &ExerciseRecord, now: DateTime<Utc>) -> DateTime<Utc> {
    rec.ended_at.as_deref().and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map_or(now, |t| t.to_utc())
}

/// The organisations playing `role`, by name.
pub fn owners(rec: &ExerciseRecord, role: &str) -> Vec<String> {
    rec.participants.iter().filter(|p| p.role == role).map(|p| p.org_name.clone()).collect()
}

/// Checks a start request against the scenario for the organisation `me` starting it; returns
/// the participants as (organisation id, name, role).
pub fn check_start(hub: &Hub, me: i64, req: &StartRequest, s: &Scenario) -> Result<Vec<(i64, String, String)>, HubError> {
    if Clock::new(Utc::now(), req.speed).is_none() {
        return Err(bad("speed", format!("must be 1 to {}", exercises::clock::MAX_SPEED)));
    }
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, (org, role)) in req.participants.iter().enumerate() {
        if !s.roles.contains(role) {
            return Err(bad(&format!("participants[{i}].role"), format!("the scenario's roles are {}", s.roles.join(", "))));
        }
        let found = hub.org(org.trim()).map_err(|_| {
            bad(&format!("participants[{i}].org"), format!("no organisation `{}`", org.chars().take(80).collect::<String>()))
        })?;
        if !seen.insert(found.id) {
            return Err(bad(&format!("participants[{i}].org"), "an organisation takes part once"));
        }
        out.push((found.id, found.name, role.clone()));
    }
    if !out.iter().any(|(id, _, _)| *id == me) {
        return Err(bad("participants", "the organisation starting the exercise must take part in it"));
    }
    Ok(out)
}

/// Starts a run for the caller's organisation: checks the request, creates the run's own
/// collection (participants only, never public, never a live feed) and stores the run.
pub fn start(
    hub: &Hub,
    store: &dyn ExerciseStore,
    who: &Principal,
    req: &StartRequest,
    now: DateTime<Utc>,
) -> Result<(ExerciseRecord, Scenario), HubError> {
    let me = who.org().map(|o| o.id).ok_or_else(|| HubError::Unauthenticated("exercises are for members".into()))?;
    let s = exercises::shipped_in(&req.scenario, &req.language).map_err(|e| bad("scenario", e.to_string()))?;
    let participants = check_start(hub, me, req, &s)?;
    let names: Vec<String> = participants.iter().map(|(_, n, _)| n.clone()).collect();
    let spec = hub::CollectionSpec {
        title: format!("Exercise {} {}", s.id, uuid::Uuid::new_v4()),
        description: Some(format!("Exercise collection: {}", s.title)),
        read: hub::ReadGrant::Orgs(names.clone()),
        write: names,
        public: false,
    };
    let collection = hub.add_collection(&spec, &who.actor())?;
    let new = NewExercise {
        scenario: s.id.clone(),
        language: s.language.clone(),
        owner_org_id: me,
        participants: participants.iter().map(|(id, _, role)| (*id, role.clone())).collect(),
        started_at: req.start.unwrap_or(now).to_rfc3339_opts(SecondsFormat::Millis, true),
        speed: req.speed,
        collection: Some(collection.id),
        created_by: who.actor(),
    };
    let rec = store.create_exercise(&new).map_err(store_error)?;
    Ok((rec, s))
}

/// The injects fallen due for organisation `org`'s role, with the real instant of each.
pub fn injects_for<'s>(
    rec: &ExerciseRecord,
    s: &'s Scenario,
    org: i64,
    now: DateTime<Utc>,
) -> Result<Vec<(&'s Inject, DateTime<Utc>)>, HubError> {
    let clock = clock_of(rec)?;
    let role = rec.role_of(org).unwrap_or_default();
    Ok(exercises::due_injects(s, &clock, scoring_instant(rec, now)).into_iter().filter(|(i, _)| i.to.iter().any(|r| r == role)).collect())
}

/// The audit lines that may score a run: written by a participant, about the run's own
/// incident cases (`incident.*` on `incident:<id>`) or its collection (`objects.add`). A
/// participant's live work never scores, and a live case never counts as played.
pub fn run_events(rec: &ExerciseRecord, cases: &[i64], entries: &[store::AuditEntry]) -> Vec<AuditEvent> {
    let orgs: BTreeSet<&str> = rec.participants.iter().map(|p| p.org_name.as_str()).collect();
    let case_targets: BTreeSet<String> = cases.iter().map(|c| format!("incident:{c}")).collect();
    entries
        .iter()
        .filter_map(|e| {
            let org = e.actor.strip_prefix("org:")?.split('/').next()?;
            if !orgs.contains(org) {
                return None;
            }
            // The portal's incident pages audit as `portal.incident.*`, the API and the CLI as
            // `incident.*`: the same work in the real workflow, scored the same.
            let action = e.action.strip_prefix("portal.").filter(|a| a.starts_with("incident.")).unwrap_or(&e.action);
            let scoped = if action.starts_with("incident.") {
                case_targets.contains(&e.target)
            } else {
                e.action == "objects.add" && rec.collection.as_deref() == Some(e.target.as_str())
            };
            let at = DateTime::parse_from_rfc3339(&e.at).ok()?.to_utc();
            scoped.then(|| AuditEvent {
                seq: e.seq,
                at,
                org: org.to_string(),
                action: action.to_string(),
                outcome: e.outcome.clone(),
                detail: e.detail.clone(),
            })
        })
        .collect()
}

/// The audit lines that may score the run at `now`: those about its cases (`incident:<id>`) and
/// its collection, written from its start to its scoring instant (its end once ended, so a
/// run's score no longer moves after it), read by target through the store's index rather than
/// the whole trail.
pub fn run_audit(
    hub: &Hub,
    store: &dyn ExerciseStore,
    rec: &ExerciseRecord,
    now: DateTime<Utc>,
) -> Result<Vec<store::AuditEntry>, HubError> {
    let cases = store.exercise_cases(rec.id).map_err(store_error)?;
    let mut targets: Vec<String> = cases.iter().map(|c| format!("incident:{c}")).collect();
    targets.extend(rec.collection.clone());
    let from = clock_of(rec)?.start.to_rfc3339_opts(SecondsFormat::Millis, true);
    let to = scoring_instant(rec, now).to_rfc3339_opts(SecondsFormat::Millis, true);
    hub.audit_about(&targets, &from, &to)
}

/// Scores the run at `now` from an audit trail already read and the stored marks.
pub fn score_with(
    store: &dyn ExerciseStore,
    rec: &ExerciseRecord,
    trail: &[store::AuditEntry],
    now: DateTime<Utc>,
) -> Result<(Scenario, Board), HubError> {
    let s = scenario_of(rec)?;
    let clock = clock_of(rec)?;
    let cases = store.exercise_cases(rec.id).map_err(store_error)?;
    let events = run_events(rec, &cases, trail);
    let marks: Vec<Mark> = store
        .marks(rec.id)
        .map_err(store_error)?
        .into_iter()
        .filter_map(|m| {
            let at = DateTime::parse_from_rfc3339(&m.marked_at).ok()?.to_utc();
            Some(Mark { expectation: m.expectation, met: m.met, by: m.marked_by, at, note: m.note })
        })
        .collect();
    let participants: BTreeMap<String, String> = rec.participants.iter().map(|p| (p.org_name.clone(), p.role.clone())).collect();
    let b = exercises::score(&s, &Run { clock, participants }, &events, &marks, scoring_instant(rec, now));
    Ok((s, b))
}

/// Reads the audit trail and the marks, and scores the run at `now`.
pub fn board(hub: &Hub, store: &dyn ExerciseStore, rec: &ExerciseRecord, now: DateTime<Utc>) -> Result<(Scenario, Board), HubError> {
    score_with(store, rec, &run_audit(hub, store, rec, now)?, now)
}

/// The score board and the drafted improvement plan (due from the run's end, or `now`).
pub fn plan(
    hub: &Hub,
    store: &dyn ExerciseStore,
    rec: &ExerciseRecord,
    now: DateTime<Utc>,
) -> Result<(Scenario, Board, Vec<ImprovementAction>), HubError> {
    let (s, b) = board(hub, store, rec, now)?;
    let actions = exercises::draft_actions(&s, &b, scoring_instant(rec, now).date_naive());
    Ok((s, b, actions))
}

/// Refuses anyone but the organisation running the run (its facilitator).
pub fn facilitator_only(rec: &ExerciseRecord, org: i64) -> Result<(), HubError> {
    if rec.owner_org_id == org {
        Ok(())
    } else {
        Err(HubError::Forbidden("only the organisation running the exercise facilitates it".into()))
    }
}

/// Records the facilitator's mark on an expectation of the run's scenario.
pub fn mark(
    store: &dyn ExerciseStore,
    rec: &ExerciseRecord,
    expectation: &str,
    met: bool,
    note: &str,
    by: &str,
    at: &str,
) -> Result<MarkRecord, HubError> {
    let s = scenario_of(rec)?;
    if !s.expectations.iter().any(|e| e.id == expectation) {
        return Err(bad("expectation", format!("no expectation `{}` in the scenario", expectation.chars().take(80).collect::<String>())));
    }
    if note.len() > MAX_NOTE_BYTES {
        return Err(bad("note", format!("at most {MAX_NOTE_BYTES} bytes")));
    }
    store.add_mark(rec.id, expectation, met, by, at, note).map_err(store_error)
}

/// Plays organisation `org`'s own incident case `case` in the running run.
pub fn add_case(
    store: &dyn ExerciseStore,
    incidents: Option<&dyn IncidentStore>,
    rec: &ExerciseRecord,
    org: i64,
    case: i64,
) -> Result<(), HubError> {
    if rec.status != RunStatus::Running {
        return Err(HubError::Conflict(format!("exercise {} has ended", rec.id)));
    }
    let incidents = incidents.ok_or_else(|| bad("case", "incident cases are not enabled on this hub"))?;
    // Only a case of the caller's own organisation can be played.
    if incidents.case(org, case).map_err(store_error)?.is_none() {
        return Err(HubError::NotFound(format!("incident case {case} not found")));
    }
    store.add_case(rec.id, case).map_err(store_error)
}

/// Ends the run and turns its improvement plan into tasks; returns the ended run and how many
/// tasks were added.
pub fn end(
    hub: &Hub,
    store: &dyn ExerciseStore,
    incidents: Option<&dyn IncidentStore>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(ExerciseRecord, usize), HubError> {
    let rec = store.end_exercise(id, &store::now_rfc3339()).map_err(store_error)?;
    let tasks = match incidents {
        Some(inc) => plan_tasks(hub, store, inc, &rec, now)?,
        None => 0,
    };
    Ok((rec, tasks))
}

/// Adds each improvement action as a task of an exercise case of the organisation playing its
/// owner role (its first case of the run); returns how many tasks were added.
pub fn plan_tasks(
    hub: &Hub,
    store: &dyn ExerciseStore,
    incidents: &dyn IncidentStore,
    rec: &ExerciseRecord,
    now: DateTime<Utc>,
) -> Result<usize, HubError> {
    let (_, _, actions) = plan(hub, store, rec, now)?;
    let cases = store.exercise_cases(rec.id).map_err(store_error)?;
    let mut added = 0;
    for a in actions {
        for p in rec.participants.iter().filter(|p| p.role == a.owner) {
            let mut first = None;
            for c in &cases {
                if incidents.case(p.org_id, *c).map_err(store_error)?.is_some() {
                    first = Some(*c);
                    break;
                }
            }
            let Some(case_id) = first else { continue };
            let task = NewTask {
                case_id,
                title: a.text.clone(),
                owner: p.org_name.clone(),
                due: Some(a.due.to_string()),
                created_at: store::now_rfc3339(),
            };
            incidents.add_task(&task).map_err(store_error)?;
            added += 1;
        }
    }
    Ok(added)
}

/// Adds the improvement action of expectation `expectation` (of the ended run) as a task of
/// `case`, one of organisation `org`'s cases played in the run, owned by the organisations
/// playing the action's role; a case that has the action already is refused.
#[allow(clippy::too_many_arguments)]
pub fn action_task(
    hub: &Hub,
    store: &dyn ExerciseStore,
    incidents: Option<&dyn IncidentStore>,
    rec: &ExerciseRecord,
    org: i64,
    expectation: &str,
    case: i64,
    now: DateTime<Utc>,
) -> Result<TaskRecord, HubError> {
    if rec.status != RunStatus::Ended {
        return Err(HubError::Conflict(format!("exercise {} is still running: the plan is drafted at its end", rec.id)));
    }
    let incidents = incidents.ok_or_else(|| bad("case", "incident cases are not enabled on this hub"))?;
    let played = store.exercise_cases(rec.id).map_err(store_error)?.contains(&case);
    if !played || incidents.case(org, case).map_err(store_error)?.is_none() {
        return Err(bad("case", format!("case {case} is not one of your cases played in the exercise")));
    }
    let (_, _, actions) = plan(hub, store, rec, now)?;
    let Some(a) = actions.iter().find(|a| a.expectation == expectation) else {
        let shown: String = expectation.chars().take(80).collect();
        return Err(bad("expectation", format!("no improvement action for `{shown}` (it was met, or is not in the scenario)")));
    };
    if incidents.tasks(case).map_err(store_error)?.iter().any(|t| t.task.title == a.text) {
        return Err(HubError::Conflict(format!("case {case} has this action as a task already")));
    }
    let task = NewTask {
        case_id: case,
        title: a.text.clone(),
        owner: owners(rec, &a.owner).join(", "),
        due: Some(a.due.to_string()),
        created_at: store::now_rfc3339(),
    };
    incidents.add_task(&task).map_err(store_error)
}

/// A rendered after-action report.
pub struct ReportFile {
    pub content_type: &'static str,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The after-action report as a standalone HTML page or a PDF, in the scenario's language;
/// `format` is `html` or `pdf`.
pub fn report_file(
    hub: &Hub,
    store: &dyn ExerciseStore,
    rec: &ExerciseRecord,
    format: &str,
    now: DateTime<Utc>,
) -> Result<ReportFile, HubError> {
    if format != "html" && format != "pdf" {
        return Err(bad("format", "html or pdf"));
    }
    let (s, b, actions) = plan(hub, store, rec, now)?;
    let doc = exercises::report::AfterAction {
        run: rec.id,
        language: &rec.language,
        title: &s.title,
        started_at: &rec.started_at,
        ended_at: rec.ended_at.as_deref(),
        participants: rec.participants.iter().map(|p| (p.org_name.clone(), p.role.clone())).collect(),
        board: &b,
        plan: actions.iter().map(|a| (a.text.clone(), owners(rec, &a.owner), a.due.to_string())).collect(),
    };
    let file_name = format!("exercise-{}-after-action.{format}", rec.id);
    Ok(match format {
        "pdf" => ReportFile { content_type: "application/pdf", file_name, bytes: exercises::report::render_pdf(&doc) },
        _ => ReportFile { content_type: "text/html; charset=utf-8", file_name, bytes: exercises::report::render_html(&doc).into_bytes() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: i64, actor: &str, action: &str, target: &str) -> store::AuditEntry {
        store::AuditEntry {
            seq,
            at: "2026-12-07T10:00:00Z".into(),
            actor: actor.into(),
            action: action.into(),
            target: target.into(),
            outcome: "ok".into(),
            detail: String::new(),
        }
    }

    #[test]
    fn portal_and_api_work_on_a_played_case_score_alike_and_nothing_else_does() {
        let participant =
            |org_id, name: &str, role: &str| store::exercises::Participant { org_id, org_name: name.into(), role: role.into() };
        let rec = ExerciseRecord {
            id: 1,
            scenario: "smishing-payment".into(),
            language: "en".into(),
            owner_org_id: 1,
            participants: vec![participant(1, "La Poste", "post"), participant(2, "CERT-FR", "csirt")],
            started_at: "2026-12-07T09:00:00Z".into(),
            speed: 1,
            status: store::exercises::RunStatus::Running,
            ended_at: None,
            collection: Some("exercise-1".into()),
            created_by: "alice".into(),
        };
        let entries = [
            entry(1, "org:La Poste/portal-user:alice", "portal.incident.submit", "incident:7"),
            entry(2, "org:La Poste/token:t1", "incident.submit", "incident:7"),
            entry(3, "org:La Poste/portal-user:alice", "portal.incident.submit", "incident:8"),
            entry(4, "org:Correos/portal-user:bob", "portal.incident.note.add", "incident:7"),
            entry(5, "org:CERT-FR/token:t2", "objects.add", "exercise-1"),
            entry(6, "org:CERT-FR/token:t2", "objects.add", "postal-smishing"),
            entry(7, "org:La Poste/portal-user:alice", "portal.monitor.decide", "incident:7"),
        ];
        let events = run_events(&rec, &[7], &entries);
        let got: Vec<(i64, &str)> = events.iter().map(|e| (e.seq, e.action.as_str())).collect();
        // The played case through the portal and the API, and the run's collection; not a live
        // case, not a non-participant, not another collection.
        assert_eq!(got, [(1, "incident.submit"), (2, "incident.submit"), (5, "objects.add")]);
    }
}
