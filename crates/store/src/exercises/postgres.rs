//! Exercise runs in PostgreSQL.

use postgres::{GenericClient, Row};

use super::{
    ExerciseRecord, ExerciseStore, MARK_COLUMNS, MarkRecord, NewExercise, Participant, RUN_COLUMNS, RunStatus, not_found, owner_takes_part,
    speed,
};
use crate::engine::postgres::{PgStore, is_foreign_key_violation, is_unique_violation};
use crate::{Result, StoreError};

fn run(c: &mut impl GenericClient, id: i64) -> Result<Option<ExerciseRecord>> {
    let row = c.query_opt(&format!("SELECT {RUN_COLUMNS} FROM exercise_runs WHERE id = $1"), &[&id])?;
    row.map(|r| decode(c, &r)).transpose()
}

fn decode(c: &mut impl GenericClient, r: &Row) -> Result<ExerciseRecord> {
    let id: i64 = r.try_get(0)?;
    let participants = c
        .query(
            "SELECT p.org_id, o.name, p.role FROM exercise_participants p JOIN orgs o ON o.id = p.org_id
             WHERE p.exercise_id = $1 ORDER BY p.org_id",
            &[&id],
        )?
        .iter()
        .map(|row| Ok(Participant { org_id: row.try_get(0)?, org_name: row.try_get(1)?, role: row.try_get(2)? }))
        .collect::<Result<Vec<_>>>()?;
    let status: String = r.try_get(6)?;
    let s: i32 = r.try_get(5)?;
    Ok(ExerciseRecord {
        id,
        scenario: r.try_get(1)?,
        language: r.try_get(2)?,
        owner_org_id: r.try_get(3)?,
        participants,
        started_at: r.try_get(4)?,
        speed: speed(i64::from(s))?,
        status: RunStatus::decode(&status)?,
        ended_at: r.try_get(7)?,
        collection: r.try_get(8)?,
        created_by: r.try_get(9)?,
    })
}

fn insert(c: &mut postgres::Client, new: &NewExercise) -> Result<ExerciseRecord> {
    let mut tx = c.transaction()?;
    let speed = i32::try_from(new.speed).unwrap_or(i32::MAX);
    let inserted = tx.query_one(
        "INSERT INTO exercise_runs (scenario, language, owner_org_id, started_at, speed, status, ended_at, collection, created_by)
         VALUES ($1, $2, $3, $4, $5, 'running', NULL, $6, $7) RETURNING id",
        &[&new.scenario, &new.language, &new.owner_org_id, &new.started_at, &speed, &new.collection, &new.created_by],
    );
    let id: i64 = match inserted {
        Err(e) if is_foreign_key_violation(&e) => return Err(not_found("organisation", new.owner_org_id)),
        Err(e) if is_unique_violation(&e) => {
            return Err(StoreError::Duplicate { what: "exercise collection", name: new.collection.clone().unwrap_or_default() });
        }
        Err(e) => return Err(e.into()),
        Ok(row) => row.try_get(0)?,
    };
    for (org, role) in &new.participants {
        let added = tx.execute("INSERT INTO exercise_participants (exercise_id, org_id, role) VALUES ($1, $2, $3)", &[&id, org, role]);
        match added {
            Err(e) if is_foreign_key_violation(&e) => return Err(not_found("organisation", *org)),
            Err(e) if is_unique_violation(&e) => return Err(StoreError::Duplicate { what: "exercise participant", name: org.to_string() }),
            Err(e) => return Err(e.into()),
            Ok(_) => {}
        }
    }
    let rec = run(&mut tx, id)?.ok_or_else(|| StoreError::Corrupt("exercise run vanished after its insert".into()))?;
    tx.commit()?;
    Ok(rec)
}

impl ExerciseStore for PgStore {
    fn create_exercise(&self, new: &NewExercise) -> Result<ExerciseRecord> {
        owner_takes_part(new)?;
        self.with(|c| insert(c, new))
    }

    fn exercise(&self, id: i64) -> Result<Option<ExerciseRecord>> {
        self.with(|c| run(c, id))
    }

    fn exercises_of(&self, org_id: i64) -> Result<Vec<ExerciseRecord>> {
        self.with(|c| {
            let sql = format!(
                "SELECT {RUN_COLUMNS} FROM exercise_runs WHERE id IN
                 (SELECT exercise_id FROM exercise_participants WHERE org_id = $1) ORDER BY id DESC"
            );
            let rows = c.query(&sql, &[&org_id])?;
            rows.iter().map(|r| decode(c, r)).collect()
        })
    }

    fn end_exercise(&self, id: i64, at: &str) -> Result<ExerciseRecord> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let status: Option<String> =
                tx.query_opt("SELECT status FROM exercise_runs WHERE id = $1 FOR UPDATE", &[&id])?.map(|r| r.try_get(0)).transpose()?;
            match status.as_deref() {
                None => return Err(not_found("exercise", id)),
                Some("running") => {}
                Some(_) => return Err(StoreError::Conflict(format!("exercise {id} has already ended"))),
            }
            tx.execute("UPDATE exercise_runs SET status = 'ended', ended_at = $2 WHERE id = $1", &[&id, &at])?;
            let rec = run(&mut tx, id)?.ok_or_else(|| StoreError::Corrupt("exercise run vanished inside its transaction".into()))?;
            tx.commit()?;
            Ok(rec)
        })
    }

    fn add_mark(&self, exercise_id: i64, expectation: &str, met: bool, by: &str, at: &str, note: &str) -> Result<MarkRecord> {
        self.with(|c| {
            let inserted = c.query_one(
                "INSERT INTO exercise_marks (exercise_id, expectation, met, marked_by, marked_at, note)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                &[&exercise_id, &expectation, &met, &by, &at, &note],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("exercise", exercise_id)),
                Err(e) => Err(e.into()),
                Ok(row) => Ok(MarkRecord {
                    id: row.try_get(0)?,
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
        self.with(|c| {
            let rows =
                c.query(&format!("SELECT {MARK_COLUMNS} FROM exercise_marks WHERE exercise_id = $1 ORDER BY id"), &[&exercise_id])?;
            rows.iter()
                .map(|r| {
                    Ok(MarkRecord {
                        id: r.try_get(0)?,
                        expectation: r.try_get(1)?,
                        met: r.try_get(2)?,
                        marked_by: r.try_get(3)?,
                        marked_at: r.try_get(4)?,
                        note: r.try_get(5)?,
                    })
                })
                .collect()
        })
    }

    fn add_case(&self, exercise_id: i64, case_id: i64) -> Result<()> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            if tx.query_opt("SELECT 1 FROM exercise_runs WHERE id = $1", &[&exercise_id])?.is_none() {
                return Err(not_found("exercise", exercise_id));
            }
            match tx.execute("INSERT INTO exercise_cases (exercise_id, case_id) VALUES ($1, $2)", &[&exercise_id, &case_id]) {
                Err(e) if is_foreign_key_violation(&e) => return Err(not_found("incident case", case_id)),
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "exercise case", name: case_id.to_string() });
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            tx.execute("UPDATE incident_cases SET exercise = TRUE WHERE id = $1", &[&case_id])?;
            tx.commit()?;
            Ok(())
        })
    }

    fn exercise_cases(&self, exercise_id: i64) -> Result<Vec<i64>> {
        self.with(|c| {
            let rows = c.query("SELECT case_id FROM exercise_cases WHERE exercise_id = $1 ORDER BY case_id", &[&exercise_id])?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }

    fn is_exercise_case(&self, case_id: i64) -> Result<bool> {
        self.with(|c| {
            let row = c.query_opt("SELECT exercise FROM incident_cases WHERE id = $1", &[&case_id])?;
            row.map(|r| r.try_get(0)).transpose()?.ok_or_else(|| not_found("incident case", case_id))
        })
    }

    fn exercise_collections(&self) -> Result<Vec<String>> {
        self.with(|c| {
            let rows = c.query("SELECT collection FROM exercise_runs WHERE collection IS NOT NULL ORDER BY collection", &[])?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }
}
