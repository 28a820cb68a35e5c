//! Incident cases in PostgreSQL.

use std::collections::BTreeMap;

use postgres::{GenericClient, Row};

use crate::engine::postgres::{PgStore, is_foreign_key_violation, is_unique_violation};
use crate::incidents::{
    CASE_COLUMNS, CaseData, CaseRecord, EVIDENCE_COLUMNS, EvidenceRecord, IncidentStore, LinkRecord, NOTE_COLUMNS, NewEvidence, NewTask,
    NoteRecord, REPORT_COLUMNS, ReportRecord, SUBMISSION_COLUMNS, SubmissionRecord, TASK_COLUMNS, TaskRecord, already_submitted,
    answers_text, not_found, report_from, services_from, services_text,
};
use crate::{Result, StoreError};

pub(super) fn case(r: &Row) -> Result<CaseRecord> {
    Ok(CaseRecord {
        id: r.try_get(0)?,
        org_id: r.try_get(1)?,
        data: CaseData {
            title: r.try_get(2)?,
            summary: r.try_get(3)?,
            classification: r.try_get(4)?,
            severity: r.try_get(5)?,
            services: services_from(r.try_get::<_, &str>(6)?),
            users_affected: r.try_get(7)?,
            cross_border: r.try_get(8)?,
            suspected_malicious: r.try_get(9)?,
            detected: r.try_get(10)?,
            aware: r.try_get(11)?,
            contained: r.try_get(12)?,
            resolved: r.try_get(13)?,
            jurisdiction: r.try_get(14)?,
            zone: r.try_get(15)?,
        },
        created_at: r.try_get(16)?,
        created_by: r.try_get(17)?,
        updated_at: r.try_get(18)?,
        exercise: r.try_get(19)?,
    })
}

fn note(r: &Row) -> Result<NoteRecord> {
    Ok(NoteRecord { id: r.try_get(0)?, case_id: r.try_get(1)?, author: r.try_get(2)?, at: r.try_get(3)?, body: r.try_get(4)? })
}

fn task(r: &Row) -> Result<TaskRecord> {
    Ok(TaskRecord {
        id: r.try_get(0)?,
        task: NewTask { case_id: r.try_get(1)?, title: r.try_get(2)?, owner: r.try_get(3)?, due: r.try_get(4)?, created_at: r.try_get(5)? },
        done: r.try_get(6)?,
    })
}

fn evidence(r: &Row) -> Result<EvidenceRecord> {
    Ok(EvidenceRecord {
        id: r.try_get(0)?,
        case_id: r.try_get(1)?,
        filename: r.try_get(2)?,
        size: r.try_get(3)?,
        sha256: r.try_get(4)?,
        uploaded_by: r.try_get(5)?,
        uploaded_at: r.try_get(6)?,
    })
}

/// A write whose foreign key names no case is about a case that does not exist.
fn case_fk(case_id: i64) -> impl FnOnce(postgres::Error) -> StoreError {
    move |e| if is_foreign_key_violation(&e) { not_found("incident case", case_id) } else { e.into() }
}

fn report(r: &Row) -> Result<ReportRecord> {
    report_from(r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?, [r.try_get(4)?, r.try_get(5)?, r.try_get(6)?])
}

fn get_report(c: &mut impl GenericClient, case_id: i64, stage: &str) -> Result<Option<ReportRecord>> {
    let sql = format!("SELECT {REPORT_COLUMNS} FROM incident_reports WHERE case_id = $1 AND stage = $2");
    c.query_opt(&sql, &[&case_id, &stage])?.as_ref().map(report).transpose()
}

/// Writes a report row: a new one, or over a draft (the `WHERE` keeps a submitted report as
/// sent). Returns the number of rows written.
const UPSERT_REPORT: &str = "INSERT INTO incident_reports (case_id, stage, answers, status, created_at, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $5) ON CONFLICT (case_id, stage) DO UPDATE SET answers = excluded.answers, \
     status = excluded.status, updated_by = excluded.updated_by, updated_at = excluded.updated_at \
     WHERE incident_reports.status = 'draft'";

impl IncidentStore for PgStore {
    fn create_case(&self, org_id: i64, d: &CaseData, by: &str, at: &str) -> Result<CaseRecord> {
        self.with(|c| {
            let inserted = c.query_one(
                &format!(
                    "INSERT INTO incident_cases (org_id, title, summary, classification, severity, services, users_affected, \
                     cross_border, suspected_malicious, detected, aware, contained, resolved, jurisdiction, zone, created_at, \
                     created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $16) \
                     RETURNING {CASE_COLUMNS}"
                ),
                &[
                    &org_id,
                    &d.title,
                    &d.summary,
                    &d.classification,
                    &d.severity,
                    &services_text(&d.services),
                    &d.users_affected,
                    &d.cross_border,
                    &d.suspected_malicious,
                    &d.detected,
                    &d.aware,
                    &d.contained,
                    &d.resolved,
                    &d.jurisdiction,
                    &d.zone,
                    &at,
                    &by,
                ],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("organisation", org_id)),
                Err(e) => Err(e.into()),
                Ok(row) => case(&row),
            }
        })
    }

    fn case(&self, org_id: i64, id: i64) -> Result<Option<CaseRecord>> {
        self.with(|c| {
            let row = c.query_opt(&format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE id = $1 AND org_id = $2"), &[&id, &org_id])?;
            row.as_ref().map(case).transpose()
        })
    }

    fn cases(&self, org_id: i64) -> Result<Vec<CaseRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE org_id = $1 ORDER BY id DESC"), &[&org_id])?
                .iter()
                .map(case)
                .collect()
        })
    }

    fn update_case(&self, org_id: i64, id: i64, d: &CaseData, at: &str) -> Result<CaseRecord> {
        self.with(|c| {
            let row = c.query_opt(
                &format!(
                    "UPDATE incident_cases SET title = $3, summary = $4, classification = $5, severity = $6, services = $7, \
                     users_affected = $8, cross_border = $9, suspected_malicious = $10, detected = $11, aware = $12, \
                     contained = $13, resolved = $14, jurisdiction = $15, zone = $16, updated_at = $17 \
                     WHERE id = $1 AND org_id = $2 RETURNING {CASE_COLUMNS}"
                ),
                &[
                    &id,
                    &org_id,
                    &d.title,
                    &d.summary,
                    &d.classification,
                    &d.severity,
                    &services_text(&d.services),
                    &d.users_affected,
                    &d.cross_border,
                    &d.suspected_malicious,
                    &d.detected,
                    &d.aware,
                    &d.contained,
                    &d.resolved,
                    &d.jurisdiction,
                    &d.zone,
                    &at,
                ],
            )?;
            row.as_ref().map(case).transpose()?.ok_or_else(|| not_found("incident case", id))
        })
    }

    fn add_note(&self, case_id: i64, author: &str, at: &str, body: &str) -> Result<NoteRecord> {
        self.with(|c| {
            let row = c
                .query_one(
                    &format!("INSERT INTO incident_notes (case_id, author, at, body) VALUES ($1, $2, $3, $4) RETURNING {NOTE_COLUMNS}"),
                    &[&case_id, &author, &at, &body],
                )
                .map_err(case_fk(case_id))?;
            note(&row)
        })
    }

    fn notes(&self, case_id: i64) -> Result<Vec<NoteRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {NOTE_COLUMNS} FROM incident_notes WHERE case_id = $1 ORDER BY id"), &[&case_id])?
                .iter()
                .map(note)
                .collect()
        })
    }

    fn add_task(&self, t: &NewTask) -> Result<TaskRecord> {
        self.with(|c| {
            let row = c
                .query_one(
                    &format!(
                        "INSERT INTO incident_tasks (case_id, title, owner, due, created_at) VALUES ($1, $2, $3, $4, $5) \
                         RETURNING {TASK_COLUMNS}"
                    ),
                    &[&t.case_id, &t.title, &t.owner, &t.due, &t.created_at],
                )
                .map_err(case_fk(t.case_id))?;
            task(&row)
        })
    }

    fn tasks(&self, case_id: i64) -> Result<Vec<TaskRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {TASK_COLUMNS} FROM incident_tasks WHERE case_id = $1 ORDER BY id"), &[&case_id])?
                .iter()
                .map(task)
                .collect()
        })
    }

    fn set_task_done(&self, case_id: i64, task_id: i64, done: bool) -> Result<TaskRecord> {
        self.with(|c| {
            let row = c.query_opt(
                &format!("UPDATE incident_tasks SET done = $3 WHERE id = $1 AND case_id = $2 RETURNING {TASK_COLUMNS}"),
                &[&task_id, &case_id, &done],
            )?;
            row.as_ref().map(task).transpose()?.ok_or_else(|| not_found("incident task", task_id))
        })
    }

    fn add_evidence(&self, e: &NewEvidence) -> Result<EvidenceRecord> {
        let size = i64::try_from(e.content.len()).map_err(|_| StoreError::Corrupt("evidence size".into()))?;
        self.with(|c| {
            let row = c
                .query_one(
                    &format!(
                        "INSERT INTO incident_evidence (case_id, filename, size, sha256, content, uploaded_by, uploaded_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {EVIDENCE_COLUMNS}"
                    ),
                    &[&e.case_id, &e.filename, &size, &e.sha256, &e.content, &e.uploaded_by, &e.uploaded_at],
                )
                .map_err(case_fk(e.case_id))?;
            evidence(&row)
        })
    }

    fn evidence(&self, case_id: i64) -> Result<Vec<EvidenceRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {EVIDENCE_COLUMNS} FROM incident_evidence WHERE case_id = $1 ORDER BY id"), &[&case_id])?
                .iter()
                .map(evidence)
                .collect()
        })
    }

    fn evidence_content(&self, case_id: i64, evidence_id: i64) -> Result<Option<(EvidenceRecord, Vec<u8>)>> {
        self.with(|c| {
            let sql = format!("SELECT {EVIDENCE_COLUMNS}, content FROM incident_evidence WHERE id = $1 AND case_id = $2");
            let row = c.query_opt(&sql, &[&evidence_id, &case_id])?;
            row.map(|r| Ok((evidence(&r)?, r.try_get::<_, Vec<u8>>(7)?))).transpose()
        })
    }

    fn link(&self, case_id: i64, stix_id: &str, by: &str, at: &str) -> Result<bool> {
        self.with(|c| {
            let inserted = c.execute(
                "INSERT INTO incident_links (case_id, stix_id, added_by, added_at) VALUES ($1, $2, $3, $4)",
                &[&case_id, &stix_id, &by, &at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(case_fk(case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn links(&self, case_id: i64) -> Result<Vec<LinkRecord>> {
        self.with(|c| {
            let sql = "SELECT stix_id, added_by, added_at FROM incident_links WHERE case_id = $1 ORDER BY added_at, stix_id";
            c.query(sql, &[&case_id])?
                .iter()
                .map(|r| Ok(LinkRecord { stix_id: r.try_get(0)?, added_by: r.try_get(1)?, added_at: r.try_get(2)? }))
                .collect()
        })
    }

    fn submit(&self, case_id: i64, sub: &SubmissionRecord) -> Result<bool> {
        self.with(|c| {
            let inserted = c.execute(
                &format!("INSERT INTO incident_submissions (case_id, {SUBMISSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)"),
                &[&case_id, &sub.stage, &sub.submitted_at, &sub.recorded_by, &sub.recorded_at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(case_fk(case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn submissions(&self, case_id: i64) -> Result<Vec<SubmissionRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM incident_submissions WHERE case_id = $1 ORDER BY submitted_at, stage");
            c.query(&sql, &[&case_id])?
                .iter()
                .map(|r| {
                    Ok(SubmissionRecord {
                        stage: r.try_get(0)?,
                        submitted_at: r.try_get(1)?,
                        recorded_by: r.try_get(2)?,
                        recorded_at: r.try_get(3)?,
                    })
                })
                .collect()
        })
    }

    fn save_report(&self, case_id: i64, stage: &str, answers: &BTreeMap<String, String>, by: &str, at: &str) -> Result<ReportRecord> {
        self.with(|c| {
            let written =
                c.execute(UPSERT_REPORT, &[&case_id, &stage, &answers_text(answers), &"draft", &at, &by]).map_err(case_fk(case_id))?;
            if written == 0 {
                return Err(already_submitted(stage));
            }
            get_report(c, case_id, stage)?.ok_or_else(|| StoreError::Corrupt("a report vanished after its write".into()))
        })
    }

    fn submit_report(&self, case_id: i64, answers: &BTreeMap<String, String>, sub: &SubmissionRecord) -> Result<ReportRecord> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let written = tx
                .execute(UPSERT_REPORT, &[&case_id, &sub.stage, &answers_text(answers), &"submitted", &sub.recorded_at, &sub.recorded_by])
                .map_err(case_fk(case_id))?;
            if written == 0 {
                return Err(already_submitted(&sub.stage));
            }
            let inserted = tx.execute(
                &format!("INSERT INTO incident_submissions (case_id, {SUBMISSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)"),
                &[&case_id, &sub.stage, &sub.submitted_at, &sub.recorded_by, &sub.recorded_at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => return Err(already_submitted(&sub.stage)),
                Err(e) => return Err(case_fk(case_id)(e)),
                Ok(_) => {}
            }
            let rec =
                get_report(&mut tx, case_id, &sub.stage)?.ok_or_else(|| StoreError::Corrupt("a report vanished after its write".into()))?;
            tx.commit()?;
            Ok(rec)
        })
    }

    fn report(&self, case_id: i64, stage: &str) -> Result<Option<ReportRecord>> {
        self.with(|c| get_report(c, case_id, stage))
    }

    fn reports(&self, case_id: i64) -> Result<Vec<ReportRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {REPORT_COLUMNS} FROM incident_reports WHERE case_id = $1 ORDER BY stage");
            c.query(&sql, &[&case_id])?.iter().map(report).collect()
        })
    }
}
