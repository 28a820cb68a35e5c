//! Runs of joint exercises: the scenario played, its participating organisations and their
//! roles, its clock (start and speed), its status, the facilitator's marks, the incident cases
//! played in it and its own collection. The scenarios themselves are data of the `exercises`
//! crate; only their id and language are stored.

mod postgres;
mod sqlite;

#[cfg(test)]
mod contract;

use crate::{Result, StoreError};

/// Whether a run is still being played.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    Running,
    Ended,
}

impl RunStatus {
    pub fn name(self) -> &'static str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Ended => "ended",
        }
    }

    fn decode(s: &str) -> Result<RunStatus> {
        match s {
            "running" => Ok(RunStatus::Running),
            "ended" => Ok(RunStatus::Ended),
            other => Err(StoreError::Corrupt(format!("exercise_runs.status has unknown value {other:?}"))),
        }
    }
}

/// An organisation taking part, and the scenario role it plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub org_id: i64,
    /// Filled on read from the organisation's record.
    pub org_name: String,
    pub role: String,
}

/// A run to start. The owner must be one of the participants.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewExercise {
    pub scenario: String,
    pub language: String,
    pub owner_org_id: i64,
    /// (organisation id, role).
    pub participants: Vec<(i64, String)>,
    pub started_at: String,
    pub speed: u32,
    /// The collection the run's indicators go to (created by the caller), if any.
    pub collection: Option<String>,
    pub created_by: String,
}

/// A stored run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExerciseRecord {
    pub id: i64,
    pub scenario: String,
    pub language: String,
    pub owner_org_id: i64,
    pub participants: Vec<Participant>,
    pub started_at: String,
    pub speed: u32,
    pub status: RunStatus,
    pub ended_at: Option<String>,
    pub collection: Option<String>,
    pub created_by: String,
}

impl ExerciseRecord {
    /// The role organisation `org_id` plays, if it takes part.
    pub fn role_of(&self, org_id: i64) -> Option<&str> {
        self.participants.iter().find(|p| p.org_id == org_id).map(|p| p.role.as_str())
    }
}

/// A facilitator's mark on one expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRecord {
    pub id: i64,
    pub expectation: String,
    pub met: bool,
    pub marked_by: String,
    pub marked_at: String,
    pub note: String,
}

/// Runs of exercises.
pub trait ExerciseStore: Send + Sync {
    /// Starts a run with its participants in one transaction. An unknown organisation is
    /// [`StoreError::NotFound`]; a collection already used by another run is
    /// [`StoreError::Duplicate`]; an owner who is not a participant is [`StoreError::Conflict`].
    fn create_exercise(&self, new: &NewExercise) -> Result<ExerciseRecord>;
    fn exercise(&self, id: i64) -> Result<Option<ExerciseRecord>>;
    /// The runs organisation `org_id` takes part in, newest first.
    fn exercises_of(&self, org_id: i64) -> Result<Vec<ExerciseRecord>>;
    /// Ends a running run; an unknown run is [`StoreError::NotFound`], an ended one
    /// [`StoreError::Conflict`].
    fn end_exercise(&self, id: i64, at: &str) -> Result<ExerciseRecord>;
    /// Records a facilitator's mark; an unknown run is [`StoreError::NotFound`].
    fn add_mark(&self, exercise_id: i64, expectation: &str, met: bool, by: &str, at: &str, note: &str) -> Result<MarkRecord>;
    /// Marks, oldest first.
    fn marks(&self, exercise_id: i64) -> Result<Vec<MarkRecord>>;
    /// Marks an incident case as played in the run (`incident_cases.exercise`); an unknown run
    /// or case is [`StoreError::NotFound`], a case already in a run [`StoreError::Duplicate`].
    fn add_case(&self, exercise_id: i64, case_id: i64) -> Result<()>;
    /// The cases played in the run, by id.
    fn exercise_cases(&self, exercise_id: i64) -> Result<Vec<i64>>;
    /// Whether an incident case was played in an exercise.
    fn is_exercise_case(&self, case_id: i64) -> Result<bool>;
    /// The collections of every run: what live feeds, link verdicts, federation and RPZ skip.
    fn exercise_collections(&self) -> Result<Vec<String>>;
}

const RUN_COLUMNS: &str = "id, scenario, language, owner_org_id, started_at, speed, status, ended_at, collection, created_by";
const MARK_COLUMNS: &str = "id, expectation, met, marked_by, marked_at, note";

fn not_found(what: &'static str, id: i64) -> StoreError {
    StoreError::NotFound { what, name: id.to_string() }
}

fn speed(v: i64) -> Result<u32> {
    u32::try_from(v)
        .ok()
        .filter(|s| (1..=120).contains(s))
        .ok_or_else(|| StoreError::Corrupt(format!("exercise_runs.speed out of range: {v}")))
}

fn owner_takes_part(new: &NewExercise) -> Result<()> {
    if new.participants.iter().any(|(org, _)| *org == new.owner_org_id) {
        Ok(())
    } else {
        Err(StoreError::Conflict("the organisation running an exercise must take part in it".into()))
    }
}

/// Opens the exercise runs in `target` (a data directory or a `postgres://` URL, as
/// [`crate::open`] reads it).
pub fn open_exercises(target: &str) -> Result<std::sync::Arc<dyn ExerciseStore>> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        return Ok(std::sync::Arc::new(crate::PgStore::open(target)?));
    }
    Ok(std::sync::Arc::new(crate::SqliteStore::open(std::path::Path::new(target))?))
}
