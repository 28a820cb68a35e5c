//! Incident cases in SQLite.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation};
use crate::incidents::{
    CASE_COLUMNS, CaseData, CaseRecord, EVIDENCE_COLUMNS, EvidenceRecord, IncidentStore, LinkRecord, NOTE_COLUMNS, NewEvidence, NewTask,
    NoteRecord, REPORT_COLUMNS, ReportRecord, SUBMISSION_COLUMNS, SubmissionRecord, TASK_COLUMNS, TaskRecord, already_submitted,
    answers_text, not_found, report_from, services_from, services_text,
};
use crate::{Result, StoreError};

pub(super) fn case(r: &Row<'_>) -> rusqlite::Result<CaseRecord> {
    Ok(CaseRecord {
        id: r.get(0)?,
        org_id: r.get(1)?,
        data: CaseData {
            title: r.get(2)?,
            summary: r.get(3)?,
            classification: r.get(4)?,
            severity: r.get(5)?,
            services: services_from(&r.get::<_, String>(6)?),
            users_affected: r.get(7)?,
            cross_border: r.get(8)?,
            suspected_malicious: r.get(9)?,
            detected: r.get(10)?,
            aware: r.get(11)?,
            contained: r.get(12)?,
            resolved: r.get(13)?,
            jurisdiction: r.get(14)?,
            zone: r.get(15)?,
        },
        created_at: r.get(16)?,
        created_by: r.get(17)?,
        updated_at: r.get(18)?,
        exercise: r.get(19)?,
    })
}

fn note(r: &Row<'_>) -> rusqlite::Result<NoteRecord> {
    Ok(NoteRecord { id: r.get(0)?, case_id: r.get(1)?, author: r.get(2)?, at: r.get(3)?, body: r.get(4)? })
}

fn task(r: &Row<'_>) -> rusqlite::Result<TaskRecord> {
    Ok(TaskRecord {
        id: r.get(0)?,
        task: NewTask { case_id: r.get(1)?, title: r.get(2)?, owner: r.get(3)?, due: r.get(4)?, created_at: r.get(5)? },
        done: r.get(6)?,
    })
}

fn evidence(r: &Row<'_>) -> rusqlite::Result<EvidenceRecord> {
    Ok(EvidenceRecord {
        id: r.get(0)?,
        case_id: r.get(1)?,
        filename: r.get(2)?,
        size: r.get(3)?,
        sha256: r.get(4)?,
        uploaded_by: r.get(5)?,
        uploaded_at: r.get(6)?,
    })
}

/// A write whose foreign key names no case is about a case that does not exist.
fn case_fk(case_id: i64) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |e| if is_foreign_key_violation(&e) { not_found("incident case", case_id) } else { e.into() }
}

fn list<T>(c: &rusqlite::Connection, sql: &str, id: i64, f: fn(&Row<'_>) -> rusqlite::Result<T>) -> Result<Vec<T>> {
    let mut st = c.prepare_cached(sql)?;
    let rows = st.query_map(params![id], f)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

type ReportRow = (i64, String, String, String, [String; 3]);

fn report_row(r: &Row<'_>) -> rusqlite::Result<ReportRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, [r.get(4)?, r.get(5)?, r.get(6)?]))
}

fn report_record((case_id, stage, answers, status, times): ReportRow) -> Result<ReportRecord> {
    report_from(case_id, stage, &answers, &status, times)
}

fn get_report(c: &Connection, case_id: i64, stage: &str) -> Result<Option<ReportRecord>> {
    let sql = format!("SELECT {REPORT_COLUMNS} FROM incident_reports WHERE case_id = ?1 AND stage = ?2");
    c.query_row(&sql, params![case_id, stage], report_row).optional()?.map(report_record).transpose()
}

/// Writes a report row: a new one, or over a draft (over a submitted one only when `submitting`
/// is false and the row is a draft: the `WHERE` keeps a submitted report as sent). Returns
/// whether a row was written.
const UPSERT_REPORT: &str = "INSERT INTO incident_reports (case_id, stage, answers, status, created_at, updated_by, updated_at) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?5) ON CONFLICT (case_id, stage) DO UPDATE SET answers = excluded.answers, \
     status = excluded.status, updated_by = excluded.updated_by, updated_at = excluded.updated_at \
     WHERE incident_reports.status = 'draft'";

impl IncidentStore for SqliteStore {
    fn create_case(&self, org_id: i64, d: &CaseData, by: &str, at: &str) -> Result<CaseRecord> {
        self.write(|c| {
            let inserted = c.execute(
                "INSERT INTO incident_cases (org_id, title, summary, classification, severity, services, users_affected, \
                 cross_border, suspected_malicious, detected, aware, contained, resolved, jurisdiction, zone, created_at, \
                 created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?16)",
                params![
                    org_id,
                    d.title,
                    d.summary,
                    d.classification,
                    d.severity,
                    services_text(&d.services),
                    d.users_affected,
                    d.cross_border,
                    d.suspected_malicious,
                    d.detected,
                    d.aware,
                    d.contained,
                    d.resolved,
                    d.jurisdiction,
                    d.zone,
                    at,
                    by
                ],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("organisation", org_id)),
                Err(e) => Err(e.into()),
                Ok(_) => {
                    let id = c.last_insert_rowid();
                    Ok(c.query_row(&format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE id = ?1"), params![id], case)?)
                }
            }
        })
    }

    fn case(&self, org_id: i64, id: i64) -> Result<Option<CaseRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE id = ?1 AND org_id = ?2");
            Ok(c.query_row(&sql, params![id, org_id], case).optional()?)
        })
    }

    fn cases(&self, org_id: i64) -> Result<Vec<CaseRecord>> {
        self.read(|c| list(c, &format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE org_id = ?1 ORDER BY id DESC"), org_id, case))
    }

    fn update_case(&self, org_id: i64, id: i64, d: &CaseData, at: &str) -> Result<CaseRecord> {
        self.write(|c| {
            let changed = c.execute(
                "UPDATE incident_cases SET title = ?3, summary = ?4, classification = ?5, severity = ?6, services = ?7, \
                 users_affected = ?8, cross_border = ?9, suspected_malicious = ?10, detected = ?11, aware = ?12, contained = ?13, \
                 resolved = ?14, jurisdiction = ?15, zone = ?16, updated_at = ?17 WHERE id = ?1 AND org_id = ?2",
                params![
                    id,
                    org_id,
                    d.title,
                    d.summary,
                    d.classification,
                    d.severity,
                    services_text(&d.services),
                    d.users_affected,
                    d.cross_border,
                    d.suspected_malicious,
                    d.detected,
                    d.aware,
                    d.contained,
                    d.resolved,
                    d.jurisdiction,
                    d.zone,
                    at
                ],
            )?;
            if changed == 0 {
                return Err(not_found("incident case", id));
            }
            Ok(c.query_row(&format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE id = ?1"), params![id], case)?)
        })
    }

    fn add_note(&self, case_id: i64, author: &str, at: &str, body: &str) -> Result<NoteRecord> {
        self.write(|c| {
            c.execute("INSERT INTO incident_notes (case_id, author, at, body) VALUES (?1, ?2, ?3, ?4)", params![case_id, author, at, body])
                .map_err(case_fk(case_id))?;
            let id = c.last_insert_rowid();
            Ok(c.query_row(&format!("SELECT {NOTE_COLUMNS} FROM incident_notes WHERE id = ?1"), params![id], note)?)
        })
    }

    fn notes(&self, case_id: i64) -> Result<Vec<NoteRecord>> {
        self.read(|c| list(c, &format!("SELECT {NOTE_COLUMNS} FROM incident_notes WHERE case_id = ?1 ORDER BY id"), case_id, note))
    }

    fn add_task(&self, t: &NewTask) -> Result<TaskRecord> {
        self.write(|c| {
            c.execute(
                "INSERT INTO incident_tasks (case_id, title, owner, due, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![t.case_id, t.title, t.owner, t.due, t.created_at],
            )
            .map_err(case_fk(t.case_id))?;
            let id = c.last_insert_rowid();
            Ok(c.query_row(&format!("SELECT {TASK_COLUMNS} FROM incident_tasks WHERE id = ?1"), params![id], task)?)
        })
    }

    fn tasks(&self, case_id: i64) -> Result<Vec<TaskRecord>> {
        self.read(|c| list(c, &format!("SELECT {TASK_COLUMNS} FROM incident_tasks WHERE case_id = ?1 ORDER BY id"), case_id, task))
    }

    fn set_task_done(&self, case_id: i64, task_id: i64, done: bool) -> Result<TaskRecord> {
        self.write(|c| {
            let changed =
                c.execute("UPDATE incident_tasks SET done = ?3 WHERE id = ?1 AND case_id = ?2", params![task_id, case_id, done])?;
            if changed == 0 {
                return Err(not_found("incident task", task_id));
            }
            Ok(c.query_row(&format!("SELECT {TASK_COLUMNS} FROM incident_tasks WHERE id = ?1"), params![task_id], task)?)
        })
    }

    fn add_evidence(&self, e: &NewEvidence) -> Result<EvidenceRecord> {
        let size = i64::try_from(e.content.len()).map_err(|_| StoreError::Corrupt("evidence size".into()))?;
        self.write(|c| {
            c.execute(
                "INSERT INTO incident_evidence (case_id, filename, size, sha256, content, uploaded_by, uploaded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![e.case_id, e.filename, size, e.sha256, e.content, e.uploaded_by, e.uploaded_at],
            )
            .map_err(case_fk(e.case_id))?;
            let id = c.last_insert_rowid();
            Ok(c.query_row(&format!("SELECT {EVIDENCE_COLUMNS} FROM incident_evidence WHERE id = ?1"), params![id], evidence)?)
        })
    }

    fn evidence(&self, case_id: i64) -> Result<Vec<EvidenceRecord>> {
        self.read(|c| {
            list(c, &format!("SELECT {EVIDENCE_COLUMNS} FROM incident_evidence WHERE case_id = ?1 ORDER BY id"), case_id, evidence)
        })
    }

    fn evidence_content(&self, case_id: i64, evidence_id: i64) -> Result<Option<(EvidenceRecord, Vec<u8>)>> {
        self.read(|c| {
            let sql = format!("SELECT {EVIDENCE_COLUMNS}, content FROM incident_evidence WHERE id = ?1 AND case_id = ?2");
            Ok(c.query_row(&sql, params![evidence_id, case_id], |r| Ok((evidence(r)?, r.get(7)?))).optional()?)
        })
    }

    fn link(&self, case_id: i64, stix_id: &str, by: &str, at: &str) -> Result<bool> {
        self.write(|c| {
            let inserted = c.execute(
                "INSERT INTO incident_links (case_id, stix_id, added_by, added_at) VALUES (?1, ?2, ?3, ?4)",
                params![case_id, stix_id, by, at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(case_fk(case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn links(&self, case_id: i64) -> Result<Vec<LinkRecord>> {
        self.read(|c| {
            let sql = "SELECT stix_id, added_by, added_at FROM incident_links WHERE case_id = ?1 ORDER BY added_at, stix_id";
            list(c, sql, case_id, |r| Ok(LinkRecord { stix_id: r.get(0)?, added_by: r.get(1)?, added_at: r.get(2)? }))
        })
    }

    fn submit(&self, case_id: i64, sub: &SubmissionRecord) -> Result<bool> {
        self.write(|c| {
            let inserted = c.execute(
                &format!("INSERT INTO incident_submissions (case_id, {SUBMISSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"),
                params![case_id, sub.stage, sub.submitted_at, sub.recorded_by, sub.recorded_at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(case_fk(case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn submissions(&self, case_id: i64) -> Result<Vec<SubmissionRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {SUBMISSION_COLUMNS} FROM incident_submissions WHERE case_id = ?1 ORDER BY submitted_at, stage");
            list(c, &sql, case_id, |r| {
                Ok(SubmissionRecord { stage: r.get(0)?, submitted_at: r.get(1)?, recorded_by: r.get(2)?, recorded_at: r.get(3)? })
            })
        })
    }

    fn save_report(&self, case_id: i64, stage: &str, answers: &BTreeMap<String, String>, by: &str, at: &str) -> Result<ReportRecord> {
        self.write(|c| {
            let written =
                c.execute(UPSERT_REPORT, params![case_id, stage, answers_text(answers), "draft", at, by]).map_err(case_fk(case_id))?;
            if written == 0 {
                return Err(already_submitted(stage));
            }
            get_report(c, case_id, stage)?.ok_or_else(|| StoreError::Corrupt("a report vanished after its write".into()))
        })
    }

    fn submit_report(&self, case_id: i64, answers: &BTreeMap<String, String>, sub: &SubmissionRecord) -> Result<ReportRecord> {
        self.write(|c| {
            let tx = c.transaction()?;
            let written = tx
                .execute(UPSERT_REPORT, params![case_id, sub.stage, answers_text(answers), "submitted", sub.recorded_at, sub.recorded_by])
                .map_err(case_fk(case_id))?;
            if written == 0 {
                return Err(already_submitted(&sub.stage));
            }
            let inserted = tx.execute(
                &format!("INSERT INTO incident_submissions (case_id, {SUBMISSION_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)"),
                params![case_id, sub.stage, sub.submitted_at, sub.recorded_by, sub.recorded_at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => return Err(already_submitted(&sub.stage)),
                Err(e) => return Err(case_fk(case_id)(e)),
                Ok(_) => {}
            }
            let rec =
                get_report(&tx, case_id, &sub.stage)?.ok_or_else(|| StoreError::Corrupt("a report vanished after its write".into()))?;
            tx.commit()?;
            Ok(rec)
        })
    }

    fn report(&self, case_id: i64, stage: &str) -> Result<Option<ReportRecord>> {
        self.read(|c| get_report(c, case_id, stage))
    }

    fn reports(&self, case_id: i64) -> Result<Vec<ReportRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {REPORT_COLUMNS} FROM incident_reports WHERE case_id = ?1 ORDER BY stage");
            list(c, &sql, case_id, report_row)?.into_iter().map(report_record).collect()
        })
    }
}
