//! Readiness assessments in SQLite.

use rusqlite::{OptionalExtension, params};

use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation};
use crate::readiness::{
    AnswerOutcome, AnswerRecord, AssessmentRecord, DOMAIN_COLUMNS, DomainRecord, FinaliseOutcome, NewAnswer, ProfileOutcome,
    ReadinessStore, decide, domain_not_found, not_found, value_from,
};
use crate::readiness::{AttachOutcome, DOCUMENT_COLUMNS, DocumentRecord, NewDocument, document_size};
use crate::readiness::{PoolEntry, ShareOutcome, ShareRecord, SnapshotRecord};
use crate::{Result, StoreError};

const ASSESSMENT_COLUMNS: &str = "id, org_id, bank_version, profile, created_at, finalised_at, result, benchmark_opt_in";
const ANSWER_COLUMNS: &str = "assessment_id, question, value, evidence, comment, answered_by, answered_at, revision";

fn assessment(r: &rusqlite::Row<'_>) -> rusqlite::Result<AssessmentRecord> {
    Ok(AssessmentRecord {
        id: r.get(0)?,
        org_id: r.get(1)?,
        bank_version: r.get(2)?,
        profile: r.get(3)?,
        created_at: r.get(4)?,
        finalised_at: r.get(5)?,
        result: r.get(6)?,
        benchmark_opt_in: r.get(7)?,
    })
}

/// An answer row with its raw value, checked by [`value_from`] afterwards.
fn answer(r: &rusqlite::Row<'_>) -> rusqlite::Result<(AnswerRecord, Option<i64>)> {
    let record = AnswerRecord {
        answer: NewAnswer {
            assessment_id: r.get(0)?,
            question: r.get(1)?,
            value: None,
            evidence: r.get(3)?,
            comment: r.get(4)?,
            answered_by: r.get(5)?,
            answered_at: r.get(6)?,
        },
        revision: r.get(7)?,
    };
    Ok((record, r.get(2)?))
}

fn checked((mut record, raw): (AnswerRecord, Option<i64>)) -> Result<AnswerRecord> {
    record.answer.value = value_from(raw)?;
    Ok(record)
}

fn domain_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DomainRecord> {
    Ok(DomainRecord {
        org_id: r.get(0)?,
        domain: r.get(1)?,
        token: r.get(2)?,
        requested_at: r.get(3)?,
        checked_at: r.get(4)?,
        outcome: r.get(5)?,
        proven_at: r.get(6)?,
    })
}

fn document_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DocumentRecord> {
    Ok(DocumentRecord {
        id: r.get(0)?,
        assessment_id: r.get(1)?,
        question: r.get(2)?,
        filename: r.get(3)?,
        media_type: r.get(4)?,
        size: r.get(5)?,
        sha256: r.get(6)?,
        uploaded_by: r.get(7)?,
        uploaded_at: r.get(8)?,
    })
}

fn one_domain(c: &rusqlite::Connection, org_id: i64, domain: &str) -> Result<Option<DomainRecord>> {
    let sql = format!("SELECT {DOMAIN_COLUMNS} FROM readiness_domains WHERE org_id = ?1 AND domain = ?2");
    Ok(c.query_row(&sql, params![org_id, domain], domain_row).optional()?)
}

impl SqliteStore {
    fn shares_where(&self, filter: &str, id: i64) -> Result<Vec<ShareRecord>> {
        self.read(|c| {
            let sql = format!(
                "SELECT s.assessment_id, a.org_id, s.regulator_org, s.shared_at FROM readiness_shares s \
                 JOIN readiness_assessments a ON a.id = s.assessment_id WHERE {filter}"
            );
            let mut stmt = c.prepare(&sql)?;
            let rows = stmt
                .query_map(params![id], |r| {
                    Ok(ShareRecord { assessment_id: r.get(0)?, org_id: r.get(1)?, regulator_org: r.get(2)?, shared_at: r.get(3)? })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}

impl ReadinessStore for SqliteStore {
    fn benchmark_pool(&self) -> Result<Vec<PoolEntry>> {
        self.read(|c| {
            let mut stmt = c.prepare(
                "SELECT a.org_id, o.country, a.finalised_at, a.result FROM readiness_assessments a JOIN orgs o ON o.id = a.org_id \
                 WHERE a.finalised_at IS NOT NULL AND a.result IS NOT NULL AND a.benchmark_opt_in = 1 ORDER BY a.finalised_at, a.id",
            )?;
            let rows = stmt
                .query_map([], |r| Ok(PoolEntry { org_id: r.get(0)?, country: r.get(1)?, finalised_at: r.get(2)?, result: r.get(3)? }))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn put_snapshot(&self, as_of: &str, body: &str, at: &str) -> Result<bool> {
        self.write(|c| {
            let n = c.execute(
                "INSERT INTO readiness_snapshots (as_of, body, created_at) VALUES (?1, ?2, ?3) ON CONFLICT (as_of) DO NOTHING",
                params![as_of, body, at],
            )?;
            Ok(n == 1)
        })
    }

    fn latest_snapshot(&self) -> Result<Option<SnapshotRecord>> {
        self.read(|c| {
            Ok(c.query_row("SELECT as_of, body, created_at FROM readiness_snapshots ORDER BY as_of DESC LIMIT 1", [], |r| {
                Ok(SnapshotRecord { as_of: r.get(0)?, body: r.get(1)?, created_at: r.get(2)? })
            })
            .optional()?)
        })
    }

    fn snapshot(&self, as_of: &str) -> Result<Option<SnapshotRecord>> {
        self.read(|c| {
            Ok(c.query_row("SELECT as_of, body, created_at FROM readiness_snapshots WHERE as_of = ?1", params![as_of], |r| {
                Ok(SnapshotRecord { as_of: r.get(0)?, body: r.get(1)?, created_at: r.get(2)? })
            })
            .optional()?)
        })
    }

    fn share(&self, assessment_id: i64, regulator_org: i64, at: &str) -> Result<ShareOutcome> {
        self.write(|c| {
            let finalised: Option<Option<String>> = c
                .query_row("SELECT finalised_at FROM readiness_assessments WHERE id = ?1", params![assessment_id], |r| r.get(0))
                .optional()?;
            match finalised {
                None => return Err(not_found(assessment_id)),
                Some(None) => return Ok(ShareOutcome::NotFinalised),
                Some(Some(_)) => {}
            }
            let inserted = c.execute(
                "INSERT INTO readiness_shares (assessment_id, regulator_org, shared_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (assessment_id, regulator_org) DO NOTHING",
                params![assessment_id, regulator_org, at],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => {
                    Err(StoreError::NotFound { what: "organisation", name: regulator_org.to_string() })
                }
                Err(e) => Err(e.into()),
                Ok(1) => Ok(ShareOutcome::Shared),
                Ok(_) => Ok(ShareOutcome::AlreadyShared),
            }
        })
    }

    fn withdraw_share(&self, assessment_id: i64, regulator_org: i64) -> Result<bool> {
        self.write(|c| {
            let n = c.execute(
                "DELETE FROM readiness_shares WHERE assessment_id = ?1 AND regulator_org = ?2",
                params![assessment_id, regulator_org],
            )?;
            Ok(n > 0)
        })
    }

    fn shares(&self, assessment_id: i64) -> Result<Vec<ShareRecord>> {
        self.shares_where("s.assessment_id = ?1 ORDER BY s.regulator_org", assessment_id)
    }

    fn shared_with(&self, regulator_org: i64) -> Result<Vec<ShareRecord>> {
        self.shares_where("s.regulator_org = ?1 ORDER BY s.shared_at DESC, s.assessment_id DESC", regulator_org)
    }

    fn domain_challenge(&self, org_id: i64, domain: &str, token: &str, at: &str) -> Result<DomainRecord> {
        self.write(|c| {
            let inserted = c.execute(
                "INSERT INTO readiness_domains (org_id, domain, token, requested_at) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (org_id, domain) DO NOTHING",
                params![org_id, domain, token, at],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            one_domain(c, org_id, domain)?.ok_or_else(|| domain_not_found(domain))
        })
    }

    fn domains(&self, org_id: i64) -> Result<Vec<DomainRecord>> {
        self.read(|c| {
            let mut stmt = c.prepare(&format!("SELECT {DOMAIN_COLUMNS} FROM readiness_domains WHERE org_id = ?1 ORDER BY domain"))?;
            let rows = stmt.query_map(params![org_id], domain_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn record_domain_check(&self, org_id: i64, domain: &str, at: &str, outcome: &str, proven: Option<bool>) -> Result<DomainRecord> {
        self.write(|c| {
            let changed = c.execute(
                "UPDATE readiness_domains SET checked_at = ?3, outcome = ?4, \
                 proven_at = CASE ?5 WHEN 1 THEN ?3 WHEN 0 THEN NULL ELSE proven_at END \
                 WHERE org_id = ?1 AND domain = ?2",
                params![org_id, domain, at, outcome, proven.map(i64::from)],
            )?;
            if changed == 0 {
                return Err(domain_not_found(domain));
            }
            one_domain(c, org_id, domain)?.ok_or_else(|| domain_not_found(domain))
        })
    }

    fn create_assessment(&self, org_id: i64, bank_version: &str, profile: &str, at: &str) -> Result<AssessmentRecord> {
        self.write(|c| {
            let inserted = c.execute(
                "INSERT INTO readiness_assessments (org_id, bank_version, profile, created_at) VALUES (?1, ?2, ?3, ?4)",
                params![org_id, bank_version, profile, at],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() }),
                Err(e) => Err(e.into()),
                Ok(_) => {
                    let id = c.last_insert_rowid();
                    let sql = format!("SELECT {ASSESSMENT_COLUMNS} FROM readiness_assessments WHERE id = ?1");
                    Ok(c.query_row(&sql, params![id], assessment)?)
                }
            }
        })
    }

    fn assessment(&self, id: i64) -> Result<Option<AssessmentRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {ASSESSMENT_COLUMNS} FROM readiness_assessments WHERE id = ?1");
            Ok(c.query_row(&sql, params![id], assessment).optional()?)
        })
    }

    fn assessments(&self, org_id: i64) -> Result<Vec<AssessmentRecord>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {ASSESSMENT_COLUMNS} FROM readiness_assessments WHERE org_id = ?1 ORDER BY id DESC"))?;
            let rows = st.query_map(params![org_id], assessment)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn put_answer(&self, a: &NewAnswer, read_revision: i64) -> Result<AnswerOutcome> {
        self.write(|c| {
            let tx = c.transaction()?;
            let finalised: Option<Option<String>> = tx
                .query_row("SELECT finalised_at FROM readiness_assessments WHERE id = ?1", params![a.assessment_id], |r| r.get(0))
                .optional()?;
            let Some(finalised) = finalised else { return Err(not_found(a.assessment_id)) };
            let sql = format!("SELECT {ANSWER_COLUMNS} FROM readiness_answers WHERE assessment_id = ?1 AND question = ?2");
            let current = tx.query_row(&sql, params![a.assessment_id, a.question], answer).optional()?.map(checked).transpose()?;
            let revision = match decide(finalised.is_some(), current, read_revision) {
                AnswerOutcome::Saved { revision } => revision,
                outcome => return Ok(outcome),
            };
            tx.execute(
                &format!(
                    "INSERT INTO readiness_answers ({ANSWER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) \
                     ON CONFLICT (assessment_id, question) DO UPDATE SET value = excluded.value, evidence = excluded.evidence, \
                     comment = excluded.comment, answered_by = excluded.answered_by, answered_at = excluded.answered_at, \
                     revision = excluded.revision"
                ),
                params![a.assessment_id, a.question, a.value, a.evidence, a.comment, a.answered_by, a.answered_at, revision],
            )?;
            tx.commit()?;
            Ok(AnswerOutcome::Saved { revision })
        })
    }

    fn answers(&self, assessment_id: i64) -> Result<Vec<AnswerRecord>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {ANSWER_COLUMNS} FROM readiness_answers WHERE assessment_id = ?1 ORDER BY question"))?;
            let rows = st.query_map(params![assessment_id], answer)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(checked).collect()
        })
    }

    fn set_profile(&self, id: i64, profile: &str) -> Result<ProfileOutcome> {
        self.write(|c| {
            let changed =
                c.execute("UPDATE readiness_assessments SET profile = ?2 WHERE id = ?1 AND finalised_at IS NULL", params![id, profile])?;
            if changed == 1 {
                return Ok(ProfileOutcome::Saved);
            }
            let exists = c.query_row("SELECT 1 FROM readiness_assessments WHERE id = ?1", params![id], |_| Ok(())).optional()?;
            exists.map(|()| ProfileOutcome::Frozen).ok_or_else(|| not_found(id))
        })
    }

    fn finalise(&self, id: i64, result: &str, at: &str, opt_in: bool) -> Result<FinaliseOutcome> {
        self.write(|c| {
            let changed = c.execute(
                "UPDATE readiness_assessments SET finalised_at = ?2, result = ?3, benchmark_opt_in = ?4 \
                 WHERE id = ?1 AND finalised_at IS NULL",
                params![id, at, result, opt_in],
            )?;
            if changed == 1 {
                return Ok(FinaliseOutcome::Finalised);
            }
            let exists = c.query_row("SELECT 1 FROM readiness_assessments WHERE id = ?1", params![id], |_| Ok(())).optional()?;
            exists.map(|()| FinaliseOutcome::AlreadyFinalised).ok_or_else(|| not_found(id))
        })
    }

    fn attach_document(&self, d: &NewDocument) -> Result<AttachOutcome> {
        let size = document_size(d)?;
        self.write(|c| {
            let tx = c.transaction()?;
            let finalised: Option<Option<String>> = tx
                .query_row("SELECT finalised_at FROM readiness_assessments WHERE id = ?1", params![d.assessment_id], |r| r.get(0))
                .optional()?;
            match finalised {
                None => return Err(not_found(d.assessment_id)),
                Some(Some(_)) => return Ok(AttachOutcome::Frozen),
                Some(None) => {}
            }
            tx.execute(
                "INSERT INTO readiness_documents (assessment_id, question, filename, media_type, size, sha256, content, uploaded_by, uploaded_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![d.assessment_id, d.question, d.filename, d.media_type, size, d.sha256, d.content, d.uploaded_by, d.uploaded_at],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "UPDATE readiness_answers SET evidence = 'document', revision = revision + 1 \
                 WHERE assessment_id = ?1 AND question = ?2 AND evidence = 'self'",
                params![d.assessment_id, d.question],
            )?;
            let record = tx.query_row(&format!("SELECT {DOCUMENT_COLUMNS} FROM readiness_documents WHERE id = ?1"), params![id], document_row)?;
            tx.commit()?;
            Ok(AttachOutcome::Attached(record))
        })
    }

    fn documents(&self, assessment_id: i64) -> Result<Vec<DocumentRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM readiness_documents WHERE assessment_id = ?1 ORDER BY question, id");
            let mut stmt = c.prepare(&sql)?;
            Ok(stmt.query_map(params![assessment_id], document_row)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn document_content(&self, assessment_id: i64, document_id: i64) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
        self.read(|c| {
            let sql = format!("SELECT {DOCUMENT_COLUMNS}, content FROM readiness_documents WHERE id = ?1 AND assessment_id = ?2");
            Ok(c.query_row(&sql, params![document_id, assessment_id], |r| Ok((document_row(r)?, r.get(9)?))).optional()?)
        })
    }
}
