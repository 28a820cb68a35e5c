//! Exercise runs in SQLite.

use rusqlite::{Connection, OptionalExtension, params};

use super::{
    ExerciseRecord, ExerciseStore, MARK_COLUMNS, MarkRecord, NewExercise, Participant, RUN_COLUMNS, RunStatus, not_found, owner_takes_part,
    speed,
};
use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation};
use crate::{Result, StoreError};

/// The row as stored; decoded after the query so that a bad value is [`StoreError::Corrupt`].
type Raw = (i64, String, String, i64, String, i64, String, Option<String>, Option<String>, String);

fn raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?))
}

fn run(c: &Connection, id: i64) -> Result<Option<ExerciseRecord>> {
    let row = c.query_row(&format!("SELECT {RUN_COLUMNS} FROM exercise_runs WHERE id = ?1"), [id], raw).optional()?;
    row.map(|r| decode(c, r)).transpose()
}

fn decode(c: &Connection, r: Raw) -> Result<ExerciseRecord> {
    let mut st = c.prepare_cached(
        "SELECT p.org_id, o.name, p.role FROM exercise_participants p JOIN orgs o ON o.id = p.org_id
         WHERE p.exercise_id = ?1 ORDER BY p.org_id",
    )?;
    let participants = st
        .query_map([r.0], |row| Ok(Participant { org_id: row.get(0)?, org_name: row.get(1)?, role: row.get(2)? }))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ExerciseRecord {
        id: r.0,
        scenario: r.1,
        language: r.2,
        owner_org_id: r.3,
        participants,
        started_at: r.4,
        speed: speed(r.5)?,
        status: RunStatus::decode(&r.6)?,
        ended_at: r.7,
        collection: r.8,
        created_by: r.9,
    })
}

fn insert(c: &mut Connection, new: &NewExercise) -> Result<i64> {
    let tx = c.transaction()?;
    let inserted = tx.execute(
        "INSERT INTO exercise_runs (scenario, language, owner_org_id, started_at, speed, status, ended_at, collection, created_by)
         VALUES (?1, ?2, ?3, ?4, ?5, 'running', NULL, ?6, ?7)",
        params![new.scenario, new.language, new.owner_org_id, new.started_at, new.speed, new.collection, new.created_by],
    );
    match inserted {
        Err(e) if is_foreign_key_violation(&e) => return Err(not_found("organisation", new.owner_org_id)),
        Err(e) if is_unique_violation(&e) => {
            return Err(StoreError::Duplicate { what: "exercise collection", name: new.collection.clone().unwrap_or_default() });
        }
        Err(e) => return Err(e.into()),
        Ok(_) => {}
    }
    let id = tx.last_insert_rowid();
    for (org, role) in &new.participants {
        let added = tx.execute("INSERT INTO exercise_participants (exercise_id, org_id, role) VALUES (?1, ?2, ?3)", params![id, org, role]);
        match added {
            Err(e) if is_foreign_key_violation(&e) => return Err(not_found("organisation", *org)),
            Err(e) if is_unique_violation(&e) => return Err(StoreError::Duplicate { what: "exercise participant", name: org.to_string() }),
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
    }
    tx.commit()?;
    Ok(id)
}

impl ExerciseStore for SqliteStore {
    fn create_exercise(&self, new: &NewExercise) -> Result<ExerciseRecord> {
        owner_takes_part(new)?;
        self.write(|c| {
            let id = insert(c, new)?;
            run(c, id)?.ok_or_else(|| StoreError::Corrupt("exercise run vanished after its insert".into()))
        })
    }

    fn exercise(&self, id: i64) -> Result<Option<ExerciseRecord>> {
        self.read(|c| run(c, id))
    }

    fn exercises_of(&self, org_id: i64) -> Result<Vec<ExerciseRecord>> {
        self.read(|c| {
            let sql = format!(
                "SELECT {RUN_COLUMNS} FROM exercise_runs WHERE id IN
                 (SELECT exercise_id FROM exercise_participants WHERE org_id = ?1) ORDER BY id DESC"
            );
            let mut st = c.prepare(&sql)?;
            let rows = st.query_map([org_id], raw)?.collect::<rusqlite::Result<Vec<Raw>>>()?;
            rows.into_iter().map(|r| decode(c, r)).collect()
        })
    }

    fn end_exercise(&self, id: i64, at: &str) -> Result<ExerciseRecord> {
        self.write(|c| {
            let tx = c.transaction()?;
            let status: Option<String> = tx.query_row("SELECT status FROM exercise_runs WHERE id = ?1", [id], |r| r.get(0)).optional()?;
            match status.as_deref() {
                None => return Err(not_found("exercise", id)),
                Some("running") => {}
                Some(_) => return Err(StoreError::Conflict(format!("exercise {id} has already ended"))),
            }
            tx.execute("UPDATE exercise_runs SET status = 'ended', ended_at = ?2 WHERE id = ?1", params![id, at])?;
            let rec = run(&tx, id)?.ok_or_else(|| StoreError::Corrupt("exercise run vanished inside its transaction".into()))?;
            tx.commit()?;
            Ok(rec)
        })
    }

    fn add_mark(&self, exercise_id: i64, expectation: &str, met: bool, by: &str, at: &str, note: &str) -> Result<MarkRecord> {
        self.write(|c| {
            let inserted = c.execute(
                "INSERT INTO exercise_marks (exercise_id, expectation, met, marked_by, marked_at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![exercise_id, expectation, met, by, at, note],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("exercise", exercise_id)),
                Err(e) => Err(e.into()),
                Ok(_) => Ok(MarkRecord {
                    id: c.last_insert_rowid(),
                    expectation: expectation.into(),
                    met,
                    marked_by: by.into(),
                    marked_at: at.into(),
                    note: note.into(),
                }),
            }
        })
    }

    fn marks(&self, exercise_id: i64) -> Result<Vec<MarkRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!("SELECT {MARK_COLUMNS} FROM exercise_marks WHERE exercise_id = ?1 ORDER BY id"))?;
            let rows = st.query_map([exercise_id], |r| {
                Ok(MarkRecord {
                    id: r.get(0)?,
                    expectation: r.get(1)?,
                    met: r.get(2)?,
                    marked_by: r.get(3)?,
                    marked_at: r.get(4)?,
                    note: r.get(5)?,
                })
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn add_case(&self, exercise_id: i64, case_id: i64) -> Result<()> {
        self.write(|c| {
            let tx = c.transaction()?;
            if run(&tx, exercise_id)?.is_none() {
                return Err(not_found("exercise", exercise_id));
            }
            match tx.execute("INSERT INTO exercise_cases (exercise_id, case_id) VALUES (?1, ?2)", params![exercise_id, case_id]) {
                Err(e) if is_foreign_key_violation(&e) => return Err(not_found("incident case", case_id)),
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "exercise case", name: case_id.to_string() });
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            tx.execute("UPDATE incident_cases SET exercise = 1 WHERE id = ?1", [case_id])?;
            tx.commit()?;
            Ok(())
        })
    }

    fn exercise_cases(&self, exercise_id: i64) -> Result<Vec<i64>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT case_id FROM exercise_cases WHERE exercise_id = ?1 ORDER BY case_id")?;
            Ok(st.query_map([exercise_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?)
        })
    }

    fn is_exercise_case(&self, case_id: i64) -> Result<bool> {
        self.read(|c| {
            let flag: Option<bool> =
                c.query_row("SELECT exercise FROM incident_cases WHERE id = ?1", [case_id], |r| r.get(0)).optional()?;
            flag.ok_or_else(|| not_found("incident case", case_id))
        })
    }

    fn exercise_collections(&self) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT collection FROM exercise_runs WHERE collection IS NOT NULL ORDER BY collection")?;
            Ok(st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?)
        })
    }
}
