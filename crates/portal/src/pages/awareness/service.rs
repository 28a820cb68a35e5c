//! The awareness rules every face shares (portal pages, JSON API, CLI): creating a campaign
//! under the governance rule, reading a campaign's results from its stored events, recording a
//! reported message, and writing the information sheet. The rules themselves are the
//! `awareness` crate's; this joins them to `store::awareness`. Blocking: call it off the async
//! workers.

use std::collections::{BTreeMap, BTreeSet};

use awareness::clicks::{Class, Hit, HitKind, Scanners};
use awareness::results::{Exposure, MIN_GROUP, Outcome, Summary, summarise};
use awareness::templates::{Channel, Template};
use awareness::{Language, campaign};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use store::StoreError;
use store::awareness::{AwarenessStore, CampaignRecord, EventKind, NewCampaign, NewEvent, NewTarget, TargetRecord};

/// How long person-level events are kept unless configured otherwise.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// A repeat clicker clicked (confirmed) in two campaigns or more (`awareness::results::REPEAT_CLICKS`)
/// created within this many days.
const REPEAT_WINDOW_DAYS: i64 = 365;

/// Why an awareness request failed: bad input names its field; the rest is the store's.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServiceError {
    /// A field of the request is missing or wrong.
    #[error("{field}: {reason}")]
    Field { field: &'static str, reason: String },
    /// No such campaign (or not the caller's organisation's).
    #[error("campaign {0} not found")]
    NotFound(i64),
    /// The campaign is not in a state that allows the request (starting a running campaign,
    /// finishing a finished one).
    #[error("{0}")]
    Conflict(String),
    /// The shipped data does not load (a broken build).
    #[error("shipped awareness data: {0}")]
    Data(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn field(field: &'static str, reason: impl Into<String>) -> ServiceError {
    ServiceError::Field { field, reason: reason.into() }
}

/// The shipped simulation templates.
pub fn templates() -> Result<Vec<Template>, ServiceError> {
    awareness::templates::embedded().map_err(|e| ServiceError::Data(e.to_string()))
}

/// A shipped template by id; an unknown id names the ones there are.
pub fn template(id: &str) -> Result<Template, ServiceError> {
    let all = templates()?;
    let ids: Vec<String> = all.iter().map(|t| t.id.clone()).collect();
    all.into_iter().find(|t| t.id == id).ok_or_else(|| field("template", format!("no template '{id}' (one of {})", ids.join(", "))))
}

/// A template as the API and `postern awareness templates --json` show it: its cues and NIST
/// Phish Scale difficulty, overall and per track.
pub fn template_json(t: &Template) -> serde_json::Value {
    use serde_json::json;
    let cues: Vec<_> = t.cues.iter().map(|c| json!({"type": c.kind.key(), "cue": c.cue, "count": c.count})).collect();
    let by_type: serde_json::Map<String, serde_json::Value> =
        t.cue_counts().into_iter().map(|(k, n)| (k.key().to_string(), json!(n))).collect();
    let by_track: serde_json::Map<String, serde_json::Value> =
        t.difficulty_by_track().into_iter().map(|(k, d)| (k.key().to_string(), json!(d.key()))).collect();
    let premise: serde_json::Map<String, serde_json::Value> =
        t.premise.iter().map(|(k, p)| (k.key().to_string(), json!(p.alignment()))).collect();
    json!({
        "id": t.id, "channel": t.channel.key(), "audience": t.audience.key(), "version": t.version,
        "difficulty": t.difficulty().key(), "difficulty_by_track": by_track, "premise_alignment": premise,
        "cue_total": t.cue_total(), "cue_counts": by_type, "cues": cues,
        "languages": t.languages().iter().map(|l| l.key()).collect::<Vec<_>>(),
    })
}

/// A role track's SCORM 1.2 package, by the track and language keys a face was given: the file
/// name to offer and the zip.
pub fn scorm(track: &str, lang: &str) -> Result<(String, Vec<u8>), ServiceError> {
    let t = awareness::Track::from_key(track).ok_or_else(|| {
        let keys: Vec<&str> = awareness::Track::ALL.iter().map(|t| t.key()).collect();
        field("track", format!("unknown track {track:?}: one of {}", keys.join(", ")))
    })?;
    let l = Language::from_key(lang).ok_or_else(|| field("lang", format!("unknown language {lang:?}: en or fr")))?;
    let library = awareness::Library::embedded().map_err(|e| ServiceError::Data(e.to_string()))?;
    let bytes = awareness::scorm::package(&library, t, l).map_err(|e| ServiceError::Data(e.to_string()))?;
    Ok((awareness::scorm::file_name(t, l), bytes))
}

/// A learner's pseudonym for the LRS: `l-` and 16 random hex digits.
fn learner_pseudonym() -> String {
    format!("l-{}", &token()[..16])
}

/// Records a member's quiz result and, when the hub sends xAPI (`xapi_home`: its public URL),
/// queues the `completed` and `passed`/`failed` statements under the member's pseudonym for the
/// LRS sender. Never waits for the LRS.
pub fn record_quiz<S: AwarenessStore + ?Sized>(
    store: &S,
    user_id: i64,
    lesson: &awareness::Lesson,
    grade: &awareness::quiz::Grade,
    xapi_home: Option<&str>,
    now: DateTime<Utc>,
) -> Result<(), ServiceError> {
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    // The booster: from what the last result of this version of the lesson left.
    let version = i64::from(lesson.version);
    let last = store.progress(user_id)?.into_iter().find(|p| p.lesson_id == lesson.id && p.version == version).and_then(|p| {
        let due = DateTime::parse_from_rfc3339(p.due.as_deref()?).ok()?.to_utc();
        Some(awareness::booster::Last { leitner_box: u8::try_from(p.leitner_box).unwrap_or(1), due, passed: p.passed })
    });
    let outcome = if grade.passed { awareness::booster::Outcome::Passed } else { awareness::booster::Outcome::Failed };
    let next = awareness::booster::next(last, outcome, now);
    store.record_progress(&store::awareness::Progress {
        user_id,
        lesson_id: lesson.id.clone(),
        version,
        language: lesson.language.key().to_string(),
        correct: grade.correct as i64,
        questions: grade.questions as i64,
        passed: grade.passed,
        at: at.clone(),
        leitner_box: i64::from(next.leitner_box),
        due: Some(next.due.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
    })?;
    let Some(home) = xapi_home else { return Ok(()) };
    let learner = store.learner(user_id, &learner_pseudonym())?;
    let uuid = || uuid::Uuid::new_v4().hyphenated().to_string();
    let (registration, ids) = (uuid(), [uuid(), uuid()]);
    let statements = awareness::xapi::statements(&awareness::xapi::Completion {
        home_page: home,
        learner: &learner.pseudonym,
        lesson,
        grade,
        registration: &registration,
        ids: [&ids[0], &ids[1]],
        timestamp: now,
    })
    .map_err(|e| ServiceError::Data(format!("xAPI statement: {e}")))?;
    let queued: Vec<(String, String)> = ids.into_iter().zip(statements.iter().map(|s| s.to_string())).collect();
    store.enqueue_statements(&queued, &at)?;
    Ok(())
}

/// Lesson completion per group of an organisation's members (group figures only, groups under
/// [`MIN_GROUP`] suppressed).
pub fn completion<S: AwarenessStore + ?Sized>(store: &S, org_id: i64) -> Result<awareness::completion::Summary, ServiceError> {
    let library = awareness::Library::embedded().map_err(|e| ServiceError::Data(e.to_string()))?;
    let current: BTreeMap<String, i64> = library.lessons(Language::En, None).iter().map(|l| (l.id.clone(), i64::from(l.version))).collect();
    let mut passed: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for p in store.org_progress(org_id)? {
        if p.passed && current.get(&p.lesson_id) == Some(&p.version) {
            passed.entry(p.user_id).or_default().insert(p.lesson_id);
        }
    }
    let people: Vec<awareness::completion::Person> = store
        .org_learners(org_id)?
        .into_iter()
        .map(|(user, group)| awareness::completion::Person { group, passed: passed.remove(&user).unwrap_or_default() })
        .collect();
    Ok(awareness::completion::by_group(&people, &library))
}

/// Sets the groups of an organisation's members from a learner list (CSV: `username`, `group`);
/// all or nothing. Returns how many members it named.
pub fn import_learners<S: AwarenessStore + ?Sized>(store: &S, org_id: i64, csv: &[u8]) -> Result<usize, ServiceError> {
    let lines = awareness::completion::parse_learners(csv).map_err(|e| field("learners", e.to_string()))?;
    let groups: Vec<store::awareness::LearnerGroup> = lines
        .into_iter()
        .map(|l| store::awareness::LearnerGroup { username: l.username, group: l.group, pseudonym: learner_pseudonym() })
        .collect();
    match store.set_learner_groups(org_id, &groups) {
        Err(StoreError::NotFound { what: "user", name }) => {
            Err(field("learners", format!("'{name}' is not a member of the organisation (postern user list)")))
        }
        other => Ok(other?),
    }
}

/// A campaign as asked for by a face.
#[derive(Debug, Clone)]
pub struct CampaignInput {
    pub org_id: i64,
    pub name: String,
    pub channel: String,
    pub template: String,
    pub language: String,
    pub legal_basis: Option<String>,
    pub staff_notice: Option<String>,
    pub works_council: Option<String>,
    pub dry_run: bool,
    /// The target list: CSV with a header row (`email` or `phone`, optional `name`, `group`).
    pub targets_csv: Vec<u8>,
    pub created_by: String,
}

/// One tracking link of a created campaign.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub target: String,
    pub pseudonym: String,
    pub url: String,
}

/// A created campaign.
#[derive(Debug, Clone, Serialize)]
pub struct Created {
    pub id: i64,
    pub state: &'static str,
    pub dry_run: bool,
    pub started: bool,
    pub missing: Vec<&'static str>,
    pub template: String,
    pub difficulty: &'static str,
    pub targets: usize,
    pub opted_out: usize,
    pub links: Vec<Link>,
}

/// An unguessable token: 122 random bits from the operating system's generator.
fn token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// What [`create`] checks before it reads the targets: channel, language, template, name and
/// governance.
struct Checked<'a> {
    channel: Channel,
    language: Language,
    template: Template,
    name: &'a str,
    missing: Vec<campaign::Missing>,
}

fn check(input: &CampaignInput) -> Result<Checked<'_>, ServiceError> {
    let channel =
        Channel::from_key(&input.channel).ok_or_else(|| field("channel", format!("unknown channel {:?}: email or sms", input.channel)))?;
    let language =
        Language::from_key(&input.language).ok_or_else(|| field("language", format!("unknown language {:?}: en or fr", input.language)))?;
    let t = template(&input.template)?;
    if t.channel != channel {
        return Err(field("channel", format!("{}: template '{}' is an {} lure", channel.key(), t.id, t.channel.key())));
    }
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(field("name", "a campaign needs a name of 1 to 200 characters"));
    }
    let missing =
        campaign::missing(&campaign::Governance { legal_basis: input.legal_basis.as_deref(), staff_notice: input.staff_notice.as_deref() });
    if let (false, Some(first)) = (input.dry_run, missing.first()) {
        let keys: Vec<&str> = missing.iter().map(|m| m.key()).collect();
        let what = if first.key() == "legal_basis" { "legal_basis" } else { "staff_notice" };
        return Err(field(
            what,
            format!("the campaign cannot start before its governance is on record: give {} (or make it a dry run)", keys.join(" and ")),
        ));
    }
    Ok(Checked { channel, language, template: t, name, missing })
}

/// Creates a campaign with the CLI's rules: the template's channel, a name, the governance on
/// record unless it is a dry run, a valid target list, and the organisation's opt-outs left out.
/// Links are built on `public` (the server's public URL, no trailing slash).
pub fn create<S: AwarenessStore + ?Sized>(
    store: &S,
    input: &CampaignInput,
    public: &str,
    now: DateTime<Utc>,
) -> Result<Created, ServiceError> {
    let Checked { channel, language, template: t, name, missing } = check(input)?;
    let people = awareness::targets::parse(&input.targets_csv, channel).map_err(|e| field("targets", e.to_string()))?;
    let optouts = store.optouts(input.org_id)?;
    let (excluded, included): (Vec<_>, Vec<_>) = people.into_iter().partition(|p| optouts.contains(&p.address));
    if included.is_empty() {
        return Err(field("targets", "every target is on the organisation's opt-out list"));
    }
    let targets: Vec<NewTarget> = included
        .iter()
        .map(|p| NewTarget {
            pseudonym: format!("p-{}", &token()[..12]),
            group: p.group.clone(),
            address: p.address.clone(),
            name: p.name.clone(),
            token: token(),
        })
        .collect();
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let state = if input.dry_run { campaign::State::Draft } else { campaign::State::Running };
    let record = store.create_campaign(
        &NewCampaign {
            org_id: input.org_id,
            name: name.to_string(),
            channel: channel.key().to_string(),
            template: t.id.clone(),
            template_version: i64::from(t.version),
            language: language.key().to_string(),
            legal_basis: input.legal_basis.clone().filter(|s| !s.trim().is_empty()),
            staff_notice: input.staff_notice.clone().filter(|s| !s.trim().is_empty()),
            works_council: input.works_council.clone().filter(|s| !s.trim().is_empty()),
            state: state.key().to_string(),
            dry_run: input.dry_run,
            created_at: at.clone(),
            created_by: input.created_by.clone(),
            started_at: (!input.dry_run).then_some(at),
        },
        &targets,
    )?;
    let links = targets
        .iter()
        .map(|t| Link { target: t.address.clone(), pseudonym: t.pseudonym.clone(), url: format!("{public}/a/{}", t.token) })
        .collect();
    Ok(Created {
        id: record.id,
        state: state.key(),
        dry_run: input.dry_run,
        started: !input.dry_run,
        missing: missing.iter().map(|m| m.key()).collect(),
        template: t.id.clone(),
        difficulty: t.difficulty().key(),
        targets: targets.len(),
        opted_out: excluded.len(),
        links,
    })
}

/// A campaign of `org_id`, or [`ServiceError::NotFound`] for any other organisation's: a
/// campaign's existence is not told to other organisations.
pub fn owned<S: AwarenessStore + ?Sized>(store: &S, org_id: Option<i64>, id: i64) -> Result<CampaignRecord, ServiceError> {
    match store.campaign(id)? {
        Some(c) if org_id.is_none_or(|o| o == c.campaign.org_id) => Ok(c),
        _ => Err(ServiceError::NotFound(id)),
    }
}

/// What a face gives to start a draft: governance given now (empty keeps what is on record),
/// the schedule (times RFC 3339, the start `None` for now) and the sending identity `serve`
/// uses for it.
#[derive(Debug, Clone, Default)]
pub struct StartInput {
    pub legal_basis: Option<String>,
    pub staff_notice: Option<String>,
    pub works_council: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub send_window: Option<String>,
    pub rate_per_minute: Option<u32>,
    pub sender: Option<String>,
    pub brand: Option<String>,
    pub domain: Option<String>,
}

fn given(v: &Option<String>) -> Option<String> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

fn instant(name: &'static str, v: &Option<String>) -> Result<Option<DateTime<Utc>>, ServiceError> {
    given(v).map(|s| time(&s).ok_or_else(|| field(name, format!("'{s}' is not an RFC 3339 time (2026-12-08T08:00:00Z)")))).transpose()
}

/// Checks the schedule and identity of a start request made at `now`.
fn start_schedule(c: &CampaignRecord, input: &StartInput, now: DateTime<Utc>) -> Result<store::awareness::Schedule, ServiceError> {
    use awareness::schedule::{self as sched, Window};
    let window = given(&input.send_window).map(|w| Window::parse(&w)).transpose().map_err(|e| field(e.field(), e.to_string()))?;
    let start = instant("start", &input.start)?.unwrap_or(now).max(now);
    let plan = sched::Schedule { start, end: instant("end", &input.end)?, window, rate_per_minute: input.rate_per_minute };
    sched::check(&plan, now).map_err(|e| field(e.field(), e.to_string()))?;
    let sender = given(&input.sender)
        .map(|s| awareness::targets::normalise(&s, Channel::Email).map_err(|e| field("sender", format!("'{s}' {e}"))))
        .transpose()?;
    let (brand, domain) = (given(&input.brand), given(&input.domain));
    if brand.is_none() || domain.is_none() {
        return Err(field(if brand.is_none() { "brand" } else { "domain" }, "the post's own brand and domain fill the lure"));
    }
    if c.campaign.channel == "email" && sender.is_none() {
        return Err(field("sender", "an e-mail campaign needs the sender address of its messages"));
    }
    let stamp = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    Ok(store::awareness::Schedule {
        starts_at: Some(stamp(plan.start)),
        ends_at: plan.end.map(stamp),
        send_window: plan.window.map(|w| w.key()),
        rate_per_minute: plan.rate_per_minute.map(i64::from),
        sender,
        brand,
        domain,
        finished_at: None,
    })
}

/// Starts a draft of `org_id` (any organisation's when `None`: the CLI on the hub's database):
/// the governance rule holds (a legal basis and a staff notice on record or given now), the
/// schedule is checked, and the campaign runs from then on, sent by `serve` when due.
pub fn start<S: AwarenessStore + ?Sized>(
    store: &S,
    org_id: Option<i64>,
    id: i64,
    input: &StartInput,
    now: DateTime<Utc>,
) -> Result<CampaignRecord, ServiceError> {
    let c = owned(store, org_id, id)?;
    if c.campaign.state != campaign::State::Draft.key() {
        return Err(ServiceError::Conflict(format!("campaign {id} is {}: only a draft can be started", c.campaign.state)));
    }
    let legal_basis = given(&input.legal_basis);
    let staff_notice = given(&input.staff_notice);
    let missing = campaign::missing(&campaign::Governance {
        legal_basis: legal_basis.as_deref().or(c.campaign.legal_basis.as_deref()),
        staff_notice: staff_notice.as_deref().or(c.campaign.staff_notice.as_deref()),
    });
    if let Some(first) = missing.first() {
        let keys: Vec<&str> = missing.iter().map(|m| m.key()).collect();
        let what = if *first == campaign::Missing::LegalBasis { "legal_basis" } else { "staff_notice" };
        return Err(field(what, format!("the campaign cannot start before its governance is on record: give {}", keys.join(" and "))));
    }
    let schedule = start_schedule(&c, input, now)?;
    let started = store.start_campaign(
        id,
        &store::awareness::StartCampaign {
            legal_basis,
            staff_notice,
            works_council: given(&input.works_council),
            started_at: schedule.starts_at.clone().unwrap_or_default(),
            schedule,
        },
    )?;
    if !started {
        return Err(ServiceError::Conflict(format!("campaign {id} was started or finished meanwhile")));
    }
    owned(store, org_id, id)
}

/// Finishes a draft or running campaign of `org_id` at `now`: nothing more is sent and its
/// links land on the teaching page without counting.
pub fn finish<S: AwarenessStore + ?Sized>(
    store: &S,
    org_id: Option<i64>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<CampaignRecord, ServiceError> {
    owned(store, org_id, id)?;
    if !store.finish_campaign(id, &now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))? {
        return Err(ServiceError::Conflict(format!("campaign {id} is finished already")));
    }
    owned(store, org_id, id)
}

/// A started campaign's schedule as the rules read it; `None` for drafts and campaigns started
/// at creation (sent by `postern awareness campaign send`, not by `serve`).
pub fn schedule_of(c: &CampaignRecord) -> Option<awareness::schedule::Schedule> {
    let s = &c.schedule;
    let start = time(s.starts_at.as_deref()?)?;
    Some(awareness::schedule::Schedule {
        start,
        end: s.ends_at.as_deref().and_then(time),
        window: s.send_window.as_deref().and_then(|w| awareness::schedule::Window::parse(w).ok()),
        rate_per_minute: s.rate_per_minute.and_then(|r| u32::try_from(r).ok()),
    })
}

/// Whether a campaign's links stop counting at `now`: it is finished, or its end has come.
pub fn closed(c: &CampaignRecord, now: DateTime<Utc>) -> bool {
    c.campaign.state == campaign::State::Finished.key() || c.schedule.ends_at.as_deref().and_then(time).is_some_and(|end| now >= end)
}

/// The state a face shows: `scheduled` for a running campaign before its start.
pub fn shown_state(c: &CampaignRecord, now: DateTime<Utc>) -> &'static str {
    match campaign::State::from_key(&c.campaign.state) {
        Some(campaign::State::Running) if schedule_of(c).is_some_and(|s| now < s.start) => "scheduled",
        Some(s) => s.key(),
        None => "unknown",
    }
}

/// A campaign's lifecycle as the CLI prints it and the API answers it.
pub fn lifecycle(c: &CampaignRecord, now: DateTime<Utc>) -> serde_json::Value {
    let s = &c.schedule;
    serde_json::json!({"id": c.id, "state": shown_state(c, now), "dry_run": c.campaign.dry_run,
           "started_at": c.campaign.started_at, "start": s.starts_at, "end": s.ends_at, "send_window": s.send_window,
           "rate_per_minute": s.rate_per_minute, "finished_at": s.finished_at})
}

/// A stored landing event as the click classifier reads it (reports are no hits).
fn hit(e: &NewEvent) -> Option<Hit> {
    let kind = match e.kind {
        EventKind::Link => HitKind::Link,
        EventKind::Beacon => HitKind::Beacon { interaction: e.interaction.unwrap_or(false) },
        EventKind::Honeypot => HitKind::Honeypot,
        EventKind::Submit => HitKind::Submit,
        EventKind::Report => return None,
    };
    Some(Hit { at: time(&e.at)?, kind, method: e.method.clone(), user_agent: e.user_agent.clone(), network: e.network.parse().ok() })
}

fn time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).ok().map(|t| t.with_timezone(&Utc))
}

/// What each target did, from the stored events, beside the target; `repeat` holds the
/// addresses of the organisation's repeat clickers.
fn outcomes<S: AwarenessStore + ?Sized>(
    store: &S,
    c: &CampaignRecord,
    repeat: &BTreeSet<String>,
) -> Result<Vec<(TargetRecord, Outcome)>, ServiceError> {
    let scanners = Scanners::embedded().map_err(|e| ServiceError::Data(e.to_string()))?;
    let targets = store.targets(c.id)?;
    let events = store.events(c.id)?;
    let start = c.campaign.started_at.as_deref().unwrap_or(&c.campaign.created_at);
    let start = time(start).ok_or_else(|| StoreError::Corrupt(format!("campaign {}: start time '{start}' is not RFC 3339", c.id)))?;
    let out = targets
        .into_iter()
        .map(|t| {
            let mine: Vec<&NewEvent> = events.iter().filter(|e| e.target_id == t.id).map(|e| &e.event).collect();
            let hits: Vec<Hit> = mine.iter().filter_map(|e| hit(e)).collect();
            let click = awareness::clicks::classify(&hits, &scanners);
            let confirmed_at = (click == Some(Class::ConfirmedHuman))
                .then(|| hits.iter().filter(|h| h.kind == HitKind::Link).map(|h| h.at).min())
                .flatten();
            let outcome = Outcome {
                group: t.group.clone(),
                exposed_at: t.sent_at.as_deref().and_then(time).unwrap_or(start),
                click,
                first_click_at: confirmed_at,
                // A form posted by a visitor classed as a machine (a sandbox that fills forms) is
                // no submission by a person.
                submitted: matches!(click, Some(Class::ProbableHuman | Class::ConfirmedHuman))
                    && mine.iter().any(|e| e.kind == EventKind::Submit),
                first_report_at: mine.iter().filter(|e| e.kind == EventKind::Report).filter_map(|e| time(&e.at)).min(),
                repeat_clicker: t.address.as_ref().is_some_and(|a| repeat.contains(a)),
            };
            (t, outcome)
        })
        .collect();
    Ok(out)
}

/// The difficulty of a campaign's template (`None` for a template no longer shipped).
fn difficulty_of(c: &CampaignRecord) -> Option<awareness::phishscale::Difficulty> {
    template(&c.campaign.template).ok().map(|t| t.difficulty())
}

/// Every person's outcome in the organisation's campaigns created within a year of `now`, by
/// address (addresses are erased by the retention purge: a person counts while it is known).
fn year_exposures<S: AwarenessStore + ?Sized>(store: &S, org_id: i64, now: DateTime<Utc>) -> Result<Vec<Exposure>, ServiceError> {
    let since = now - Duration::days(REPEAT_WINDOW_DAYS);
    let mut out = Vec::new();
    for c in store.campaigns(org_id)? {
        let (Some(difficulty), true) = (difficulty_of(&c), time(&c.campaign.created_at).is_some_and(|t| t >= since)) else { continue };
        for (t, outcome) in outcomes(store, &c, &BTreeSet::new())? {
            let Some(person) = t.address else { continue };
            out.push(Exposure { person, campaign: c.id, difficulty, outcome });
        }
    }
    Ok(out)
}

/// The organisation's repeat clickers, by address (never shown: counted per group).
fn repeat_set(exposures: &[Exposure]) -> BTreeSet<String> {
    awareness::results::repeat_clickers(exposures).into_iter().map(str::to_string).collect()
}

/// A campaign's results: the summary with the campaign's name, template and difficulty.
#[derive(Debug, Clone, Serialize)]
pub struct Results {
    pub id: i64,
    pub name: String,
    pub template: String,
    pub difficulty: &'static str,
    pub state: String,
    pub dry_run: bool,
    pub created_at: String,
    pub start: Option<String>,
    pub end: Option<String>,
    pub send_window: Option<String>,
    pub rate_per_minute: Option<i64>,
    pub finished_at: Option<String>,
    #[serde(flatten)]
    pub summary: Summary,
}

/// Counts a campaign's results as of `now` (repeat clickers: people of the campaign who clicked,
/// confirmed, in two of the organisation's campaigns or more within a year).
pub fn results<S: AwarenessStore + ?Sized>(store: &S, c: &CampaignRecord, now: DateTime<Utc>) -> Result<Results, ServiceError> {
    let repeat = repeat_set(&year_exposures(store, c.campaign.org_id, now)?);
    results_with(store, c, &repeat, now)
}

fn results_with<S: AwarenessStore + ?Sized>(
    store: &S,
    c: &CampaignRecord,
    repeat: &BTreeSet<String>,
    now: DateTime<Utc>,
) -> Result<Results, ServiceError> {
    let outcomes: Vec<Outcome> = outcomes(store, c, repeat)?.into_iter().map(|(_, o)| o).collect();
    let s = &c.schedule;
    Ok(Results {
        id: c.id,
        name: c.campaign.name.clone(),
        template: c.campaign.template.clone(),
        difficulty: difficulty_of(c).map(|d| d.key()).unwrap_or("unknown"),
        state: shown_state(c, now).to_string(),
        dry_run: c.campaign.dry_run,
        created_at: c.campaign.created_at.clone(),
        start: s.starts_at.clone(),
        end: s.ends_at.clone(),
        send_window: s.send_window.clone(),
        rate_per_minute: s.rate_per_minute,
        finished_at: s.finished_at.clone(),
        summary: summarise(&outcomes),
    })
}

/// Confirmed clicks over targets for one difficulty, across an organisation's campaigns.
#[derive(Debug, Clone, Serialize)]
pub struct ByDifficulty {
    pub difficulty: &'static str,
    pub campaigns: usize,
    pub targets: u64,
    pub confirmed_human: u64,
    pub confirmed_click_rate: f64,
}

/// An organisation's campaigns with the figures across them: confirmed click rate by
/// difficulty and how many people clicked (confirmed) in two campaigns or more within a year,
/// overall and per group (the year's campaigns; groups and difficulty cells under
/// [`MIN_GROUP`] people suppressed). Only counts: no person is named.
#[derive(Debug, Clone, Serialize)]
pub struct Overview {
    pub campaigns: Vec<Results>,
    pub by_difficulty: Vec<ByDifficulty>,
    /// `None` when the organisation's campaigns reached fewer than [`MIN_GROUP`] people.
    pub repeat_clickers: Option<usize>,
    pub groups: Vec<awareness::results::GroupAcross>,
}

/// The overview of an organisation's campaigns, as of `now`.
pub fn overview<S: AwarenessStore + ?Sized>(store: &S, org_id: i64, now: DateTime<Utc>) -> Result<Overview, ServiceError> {
    let year = year_exposures(store, org_id, now)?;
    let repeat = repeat_set(&year);
    let mut campaigns = Vec::new();
    let mut by_difficulty: BTreeMap<&'static str, ByDifficulty> = BTreeMap::new();
    let mut people: BTreeSet<String> = BTreeSet::new();
    for c in store.campaigns(org_id)? {
        people.extend(store.targets(c.id)?.into_iter().filter_map(|t| t.address));
        let r = results_with(store, &c, &repeat, now)?;
        let d = by_difficulty.entry(r.difficulty).or_insert(ByDifficulty {
            difficulty: r.difficulty,
            campaigns: 0,
            targets: 0,
            confirmed_human: 0,
            confirmed_click_rate: 0.0,
        });
        d.campaigns += 1;
        d.targets += r.summary.overall.targets;
        d.confirmed_human += r.summary.overall.clicks.confirmed_human;
        campaigns.push(r);
    }
    let mut by_difficulty: Vec<ByDifficulty> = by_difficulty.into_values().collect();
    for d in &mut by_difficulty {
        d.confirmed_click_rate = if d.targets == 0 { 0.0 } else { d.confirmed_human as f64 / d.targets as f64 };
    }
    let order = |d: &str| ["easy", "medium", "hard"].iter().position(|k| *k == d).unwrap_or(3);
    by_difficulty.sort_by_key(|d| order(d.difficulty));
    let repeat_clickers = (people.len() >= MIN_GROUP).then_some(repeat.len());
    Ok(Overview { campaigns, by_difficulty, repeat_clickers, groups: awareness::results::across_groups(&year) })
}

/// The organisation's awareness policy as faces show it.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyView {
    pub isac_opt_in: bool,
    /// The TLP its staff's reports of real messages are shared under in the hub.
    pub report_tlp: &'static str,
    pub changed_at: Option<String>,
}

/// The TLP staff reports of real messages are shared under when the organisation set none.
pub const DEFAULT_REPORT_TLP: tlp::Tlp = tlp::Tlp::Amber;

fn policy_view(p: &store::awareness::Policy) -> PolicyView {
    PolicyView { isac_opt_in: p.isac_opt_in, report_tlp: report_tlp(p).name(), changed_at: p.changed_at.clone() }
}

/// The TLP of an organisation's staff reports under its policy.
pub fn report_tlp(p: &store::awareness::Policy) -> tlp::Tlp {
    p.report_tlp.as_deref().and_then(tlp::Tlp::parse).unwrap_or(DEFAULT_REPORT_TLP)
}

/// The organisation's policy.
pub fn policy<S: AwarenessStore + ?Sized>(store: &S, org_id: i64) -> Result<PolicyView, ServiceError> {
    Ok(policy_view(&store.policy(org_id)?))
}

/// Sets the organisation's policy: the ISAC opt-in and (when given) the TLP of its staff's
/// reports; `by` is who changed it.
pub fn set_policy<S: AwarenessStore + ?Sized>(
    store: &S,
    org_id: i64,
    isac_opt_in: Option<bool>,
    report: Option<&str>,
    by: &str,
    now: DateTime<Utc>,
) -> Result<PolicyView, ServiceError> {
    let mut p = store.policy(org_id)?;
    if let Some(o) = isac_opt_in {
        p.isac_opt_in = o;
    }
    if let Some(t) = report {
        let level = tlp::Tlp::parse(t)
            .ok_or_else(|| field("report_tlp", format!("'{t}' is not a TLP level (clear, green, amber, amber+strict, red)")))?;
        p.report_tlp = Some(level.name().to_string());
    }
    p.changed_at = Some(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    p.changed_by = Some(by.chars().take(200).collect());
    store.set_policy(org_id, &p)?;
    Ok(policy_view(&p))
}

/// The ISAC's benchmark across the posts that opted in, from their campaigns of the year before
/// `now` (`awareness::benchmark`: per difficulty, shown from 5 posts on, no post named).
pub fn benchmark<S: AwarenessStore + ?Sized>(store: &S, now: DateTime<Utc>) -> Result<awareness::benchmark::Benchmark, ServiceError> {
    use awareness::benchmark::PostCell;
    let orgs = store.isac_orgs()?;
    let mut cells = Vec::new();
    for org in &orgs {
        let year = year_exposures(store, *org, now)?;
        for d in
            [awareness::phishscale::Difficulty::Easy, awareness::phishscale::Difficulty::Medium, awareness::phishscale::Difficulty::Hard]
        {
            let set: Vec<&Exposure> = year.iter().filter(|e| e.difficulty == d).collect();
            if set.is_empty() {
                continue;
            }
            let a = awareness::results::across(&set);
            cells.push(PostCell {
                post: org.to_string(),
                difficulty: d,
                people: a.people,
                exposures: a.exposures,
                confirmed_human: set.iter().filter(|e| e.outcome.click == Some(Class::ConfirmedHuman)).count() as u64,
                reports: a.reports,
                campaigns: a.campaigns,
                reported_before_first_click: a.campaigns_reported_before_first_click,
            });
        }
    }
    Ok(awareness::benchmark::aggregate(&cells, orgs.len()))
}

/// What a reported message turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reported {
    /// A simulation: the report is recorded for its target (counted once per target by results).
    Simulation { campaign_id: i64 },
    /// No simulation link: a real message to triage.
    Real,
}

/// Records a report if `message` carries a simulation's tracking link (the first known one) of
/// a campaign of `org_id` (any organisation's when `None`: the CLI on the hub's own database);
/// `via` says where it came from (`portal`, `api`, `mail`), kept as the event's method. Another
/// organisation's link is not recorded: its members did not receive that lure.
pub fn report<S: AwarenessStore + ?Sized>(
    store: &S,
    org_id: Option<i64>,
    message: &str,
    via: &str,
    now: DateTime<Utc>,
) -> Result<Reported, ServiceError> {
    for token in awareness::report::tokens(message) {
        let Some(target) = store.target_by_token(&token)? else { continue };
        if org_id.is_some() && owned(store, org_id, target.campaign_id).is_err() {
            continue;
        }
        let event = NewEvent {
            at: now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            kind: EventKind::Report,
            method: via.chars().take(16).collect(),
            user_agent: String::new(),
            network: String::new(),
            interaction: None,
            view: None,
            fields: None,
        };
        store.record_event(target.id, &event)?;
        return Ok(Reported::Simulation { campaign_id: target.campaign_id });
    }
    Ok(Reported::Real)
}

/// The information sheet / DPIA draft of a campaign, as Markdown.
pub fn sheet<S: AwarenessStore + ?Sized>(
    store: &S,
    c: &CampaignRecord,
    org_name: &str,
    retention_days: u32,
    lang: Language,
) -> Result<String, ServiceError> {
    let targets = store.targets(c.id)?.len();
    let difficulty = difficulty_of(c).map(|d| d.key()).unwrap_or("unknown");
    let n = &c.campaign;
    Ok(awareness::sheet::markdown(
        &awareness::sheet::Settings {
            org: org_name,
            campaign: &n.name,
            channel: &n.channel,
            template: &n.template,
            difficulty,
            targets,
            legal_basis: n.legal_basis.as_deref(),
            staff_notice: n.staff_notice.as_deref(),
            works_council: n.works_council.as_deref(),
            retention_days,
            min_group: MIN_GROUP,
        },
        lang,
    ))
}

/// The cut-off of a purge run at `now` keeping `days` of person-level events.
pub fn purge_cutoff(now: DateTime<Utc>, days: u32) -> String {
    (now - Duration::days(i64::from(days))).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROWSER: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

    struct Db {
        dir: std::path::PathBuf,
        store: store::SqliteStore,
        org: i64,
    }

    impl Drop for Db {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }

    fn db() -> Db {
        use store::MemberStore;
        let dir = std::env::temp_dir().join(format!("postern-awareness-{}", uuid::Uuid::new_v4().simple()));
        let store = store::SqliteStore::open(&dir).expect("store");
        let org = store.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org").id;
        Db { dir, store, org }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).expect("time")
    }

    fn input(org_id: i64, people: &[&str]) -> CampaignInput {
        let mut csv = String::from("email,group\n");
        for p in people {
            csv += &format!("{p},counter\n");
        }
        CampaignInput {
            org_id,
            name: "Winter".into(),
            channel: "email".into(),
            template: "redelivery-email".into(),
            language: "en".into(),
            legal_basis: None,
            staff_notice: None,
            works_council: None,
            dry_run: true,
            targets_csv: csv.into_bytes(),
            created_by: "test".into(),
        }
    }

    /// A person's click: the page view, then an interaction beacon 5 s later.
    fn click(db: &Db, link: &Link) {
        let token = link.url.rsplit('/').next().expect("token");
        let t = db.store.target_by_token(token).expect("lookup").expect("target");
        let at = |s: i64| (now() + Duration::seconds(s)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let event = |kind, s, view: Option<String>, interaction| NewEvent {
            at: at(s),
            kind,
            method: "GET".into(),
            user_agent: BROWSER.into(),
            network: "198.51.100.0/24".into(),
            interaction,
            view,
            fields: None,
        };
        let view = uuid::Uuid::new_v4().simple().to_string();
        db.store.record_event(t.id, &event(EventKind::Link, 60, Some(view.clone()), None)).expect("link");
        db.store.record_beacon(t.id, &view, &event(EventKind::Beacon, 65, None, Some(true))).expect("beacon");
    }

    #[test]
    fn the_overview_counts_repeat_clickers_and_clicks_by_difficulty_without_naming_anyone() {
        let db = db();
        let people = ["a@poste.example", "b@poste.example", "c@poste.example", "d@poste.example", "e@poste.example"];
        let first = create(&db.store, &input(db.org, &people), "https://sim.example", now()).expect("first");
        let second = create(&db.store, &input(db.org, &people), "https://sim.example", now()).expect("second");
        for l in first.links.iter().take(2).chain(second.links.iter().take(3)) {
            click(&db, l);
        }
        let o = overview(&db.store, db.org, now()).expect("overview");
        assert_eq!(o.repeat_clickers, Some(2), "a and b clicked in both campaigns");
        assert_eq!(o.by_difficulty.len(), 1);
        let hard = &o.by_difficulty[0];
        assert_eq!((hard.difficulty, hard.campaigns, hard.targets, hard.confirmed_human), ("hard", 2, 10, 5));
        let json = serde_json::to_string(&o).expect("json");
        assert!(!json.contains("poste.example") && !json.contains("\"p-"), "{json}");
        // Too few people: no repeat clicker figure at all.
        let small = db_with(&["x@poste.example"]);
        assert_eq!(overview(&small.store, small.org, now()).expect("overview").repeat_clickers, None);
    }

    fn db_with(people: &[&str]) -> Db {
        let db = db();
        create(&db.store, &input(db.org, people), "https://sim.example", now()).expect("campaign");
        db
    }

    #[test]
    fn reports_count_once_per_organisation_and_real_messages_are_told_apart() {
        let db = db();
        let c = create(&db.store, &input(db.org, &["a@poste.example"]), "https://sim.example", now()).expect("campaign");
        let message = format!("Is this real? {}", c.links[0].url);
        assert_eq!(report(&db.store, Some(db.org + 1), &message, "api", now()).expect("other org"), Reported::Real);
        assert_eq!(report(&db.store, Some(db.org), &message, "api", now()).expect("ours"), Reported::Simulation { campaign_id: c.id });
        assert_eq!(report(&db.store, Some(db.org), "Pay 1.99 at https://x.example/", "api", now()).expect("real"), Reported::Real);
        let r = results(&db.store, &owned(&db.store, Some(db.org), c.id).expect("owned"), now()).expect("results");
        assert_eq!(r.summary.overall.reports, 1);
        assert!(matches!(owned(&db.store, Some(db.org + 1), c.id), Err(ServiceError::NotFound(_))));
    }
}
