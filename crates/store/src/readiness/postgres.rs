//! Readiness assessments in PostgreSQL.

use postgres::Row;

use crate::engine::postgres::{PgStore, is_foreign_key_violation};
use crate::readiness::{
    AnswerOutcome, AnswerRecord, AssessmentRecord, DOMAIN_COLUMNS, DomainRecord, FinaliseOutcome, NewAnswer, ProfileOutcome,
    ReadinessStore, decide, domain_not_found, not_found, value_from,
};
use crate::readiness::{AttachOutcome, DOCUMENT_COLUMNS, DocumentRecord, NewDocument, document_size};
use crate::readiness::{PoolEntry, ShareOutcome, ShareRecord, SnapshotRecord};
use crate::{Result, StoreError};

const ASSESSMENT_COLUMNS: &str = "id, org_id, bank_version, profile, created_at, finalised_at, result, benchmark_opt_in";
const ANSWER_COLUMNS: &str = "assessment_id, question, value, evidence, comment, answered_by, answered_at, revision";

fn assessment(r: &Row) -> Result<AssessmentRecord> {
    Ok(AssessmentRecord {
        id: r.try_get(0)?,
        org_id: r.try_get(1)?,
        bank_version: r.try_get(2)?,
        profile: r.try_get(3)?,
        created_at: r.try_get(4)?,
        finalised_at: r.try_get(5)?,
        result: r.try_get(6)?,
        benchmark_opt_in: r.try_get(7)?,
    })
}

fn document_row(r: &Row) -> Result<DocumentRecord> {
    Ok(DocumentRecord {
        id: r.try_get(0)?,
        assessment_id: r.try_get(1)?,
        question: r.try_get(2)?,
        filename: r.try_get(3)?,
        media_type: r.try_get(4)?,
        size: r.try_get(5)?,
        sha256: r.try_get(6)?,
        uploaded_by: r.try_get(7)?,
        uploaded_at: r.try_get(8)?,
    })
}

fn answer(r: &Row) -> Result<AnswerRecord> {
    Ok(AnswerRecord {
        answer: NewAnswer {
            assessment_id: r.try_get(0)?,
            question: r.try_get(1)?,
            value: value_from(r.try_get(2)?)?,
            evidence: r.try_get(3)?,
            comment: r.try_get(4)?,
            answered_by: r.try_get(5)?,
            answered_at: r.try_get(6)?,
        },
        revision: r.try_get(7)?,
    })
}

fn domain_row(r: &Row) -> Result<DomainRecord> {
    Ok(DomainRecord {
        org_id: r.try_get(0)?,
        domain: r.try_get(1)?,
        token: r.try_get(2)?,
        requested_at: r.try_get(3)?,
        checked_at: r.try_get(4)?,
        outcome: r.try_get(5)?,
        proven_at: r.try_get(6)?,
    })
}

impl PgStore {
    fn shares_where(&self, filter: &str, id: i64) -> Result<Vec<ShareRecord>> {
        self.with(|c| {
            let sql = format!(
                "SELECT s.assessment_id, a.org_id, s.regulator_org, s.shared_at FROM readiness_shares s \
                 JOIN readiness_assessments a ON a.id = s.assessment_id WHERE {filter}"
            );
            c.query(&sql, &[&id])?
                .iter()
                .map(|r| {
                    Ok(ShareRecord {
                        assessment_id: r.try_get(0)?,
                        org_id: r.try_get(1)?,
                        regulator_org: r.try_get(2)?,
                        shared_at: r.try_get(3)?,
                    })
                })
                .collect()
        })
    }
}

impl ReadinessStore for PgStore {
    fn benchmark_pool(&self) -> Result<Vec<PoolEntry>> {
        self.with(|c| {
            let rows = c.query(
                "SELECT a.org_id, o.country, a.finalised_at, a.result FROM readiness_assessments a JOIN orgs o ON o.id = a.org_id \
                 WHERE a.finalised_at IS NOT NULL AND a.result IS NOT NULL AND a.benchmark_opt_in ORDER BY a.finalised_at, a.id",
                &[],
            )?;
            rows.iter()
                .map(|r| {
                    Ok(PoolEntry { org_id: r.try_get(0)?, country: r.try_get(1)?, finalised_at: r.try_get(2)?, result: r.try_get(3)? })
                })
                .collect()
        })
    }

    fn put_snapshot(&self, as_of: &str, body: &str, at: &str) -> Result<bool> {
        self.with(|c| {
            let n = c.execute(
                "INSERT INTO readiness_snapshots (as_of, body, created_at) VALUES ($1, $2, $3) ON CONFLICT (as_of) DO NOTHING",
                &[&as_of, &body, &at],
            )?;
            Ok(n == 1)
        })
    }

    fn latest_snapshot(&self) -> Result<Option<SnapshotRecord>> {
        self.with(|c| {
            let row = c.query_opt("SELECT as_of, body, created_at FROM readiness_snapshots ORDER BY as_of DESC LIMIT 1", &[])?;
            row.map(|r| Ok(SnapshotRecord { as_of: r.try_get(0)?, body: r.try_get(1)?, created_at: r.try_get(2)? })).transpose()
        })
    }

    fn snapshot(&self, as_of: &str) -> Result<Option<SnapshotRecord>> {
        self.with(|c| {
            let row = c.query_opt("SELECT as_of, body, created_at FROM readiness_snapshots WHERE as_of = $1", &[&as_of])?;
            row.map(|r| Ok(SnapshotRecord { as_of: r.try_get(0)?, body: r.try_get(1)?, created_at: r.try_get(2)? })).transpose()
        })
    }

    fn share(&self, assessment_id: i64, regulator_org: i64, at: &str) -> Result<ShareOutcome> {
        self.with(|c| {
            let row = c.query_opt("SELECT finalised_at FROM readiness_assessments WHERE id = $1", &[&assessment_id])?;
            let finalised: Option<String> = row.ok_or_else(|| not_found(assessment_id))?.try_get(0)?;
            if finalised.is_none() {
                return Ok(ShareOutcome::NotFinalised);
            }
            let inserted = c.execute(
                "INSERT INTO readiness_shares (assessment_id, regulator_org, shared_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (assessment_id, regulator_org) DO NOTHING",
                &[&assessment_id, &regulator_org, &at],
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
        self.with(|c| {
            let n = c.execute(
                "DELETE FROM readiness_shares WHERE assessment_id = $1 AND regulator_org = $2",
                &[&assessment_id, &regulator_org],
            )?;
            Ok(n > 0)
        })
    }

    fn shares(&self, assessment_id: i64) -> Result<Vec<ShareRecord>> {
        self.shares_where("s.assessment_id = $1 ORDER BY s.regulator_org", assessment_id)
    }

    fn shared_with(&self, regulator_org: i64) -> Result<Vec<ShareRecord>> {
        self.shares_where("s.regulator_org = $1 ORDER BY s.shared_at DESC, s.assessment_id DESC", regulator_org)
    }

    fn domain_challenge(&self, org_id: i64, domain: &str, token: &str, at: &str) -> Result<DomainRecord> {
        self.with(|c| {
            let inserted = c.execute(
                "INSERT INTO readiness_domains (org_id, domain, token, requested_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (org_id, domain) DO NOTHING",
                &[&org_id, &domain, &token, &at],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            let sql = format!("SELECT {DOMAIN_COLUMNS} FROM readiness_domains WHERE org_id = $1 AND domain = $2");
            let row = c.query_opt(&sql, &[&org_id, &domain])?.ok_or_else(|| domain_not_found(domain))?;
            domain_row(&row)
        })
    }

    fn domains(&self, org_id: i64) -> Result<Vec<DomainRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {DOMAIN_COLUMNS} FROM readiness_domains WHERE org_id = $1 ORDER BY domain");
            c.query(&sql, &[&org_id])?.iter().map(domain_row).collect()
        })
    }

    fn record_domain_check(&self, org_id: i64, domain: &str, at: &str, outcome: &str, proven: Option<bool>) -> Result<DomainRecord> {
        self.with(|c| {
            let sql = format!(
                "UPDATE readiness_domains SET checked_at = $3, outcome = $4, \
                 proven_at = CASE WHEN $5::BOOLEAN IS NULL THEN proven_at WHEN $5::BOOLEAN THEN $3 ELSE NULL END \
                 WHERE org_id = $1 AND domain = $2 RETURNING {DOMAIN_COLUMNS}"
            );
            let row = c.query_opt(&sql, &[&org_id, &domain, &at, &outcome, &proven])?.ok_or_else(|| domain_not_found(domain))?;
            domain_row(&row)
        })
    }

    fn create_assessment(&self, org_id: i64, bank_version: &str, profile: &str, at: &str) -> Result<AssessmentRecord> {
        self.with(|c| {
            let inserted = c.query_one(
                &format!(
                    "INSERT INTO readiness_assessments (org_id, bank_version, profile, created_at) VALUES ($1, $2, $3, $4) \
                     RETURNING {ASSESSMENT_COLUMNS}"
                ),
                &[&org_id, &bank_version, &profile, &at],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() }),
                Err(e) => Err(e.into()),
                Ok(row) => assessment(&row),
            }
        })
    }

    fn assessment(&self, id: i64) -> Result<Option<AssessmentRecord>> {
        self.with(|c| {
            let row = c.query_opt(&format!("SELECT {ASSESSMENT_COLUMNS} FROM readiness_assessments WHERE id = $1"), &[&id])?;
            row.as_ref().map(assessment).transpose()
        })
    }

    fn assessments(&self, org_id: i64) -> Result<Vec<AssessmentRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {ASSESSMENT_COLUMNS} FROM readiness_assessments WHERE org_id = $1 ORDER BY id DESC"), &[&org_id])?
                .iter()
                .map(assessment)
                .collect()
        })
    }

    fn put_answer(&self, a: &NewAnswer, read_revision: i64) -> Result<AnswerOutcome> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            // Locking the assessment row serialises the writers of one assessment, so two
            // respondents cannot both pass the revision check.
            let Some(row) = tx.query_opt("SELECT finalised_at FROM readiness_assessments WHERE id = $1 FOR UPDATE", &[&a.assessment_id])?
            else {
                return Err(not_found(a.assessment_id));
            };
            let finalised: Option<String> = row.try_get(0)?;
            let current = tx
                .query_opt(
                    &format!("SELECT {ANSWER_COLUMNS} FROM readiness_answers WHERE assessment_id = $1 AND question = $2"),
                    &[&a.assessment_id, &a.question],
                )?
                .as_ref()
                .map(answer)
                .transpose()?;
            let revision = match decide(finalised.is_some(), current, read_revision) {
                AnswerOutcome::Saved { revision } => revision,
                outcome => return Ok(outcome),
            };
            let value: Option<i64> = a.value.map(i64::from);
            tx.execute(
                &format!(
                    "INSERT INTO readiness_answers ({ANSWER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
                     ON CONFLICT (assessment_id, question) DO UPDATE SET value = excluded.value, evidence = excluded.evidence, \
                     comment = excluded.comment, answered_by = excluded.answered_by, answered_at = excluded.answered_at, \
                     revision = excluded.revision"
                ),
                &[&a.assessment_id, &a.question, &value, &a.evidence, &a.comment, &a.answered_by, &a.answered_at, &revision],
            )?;
            tx.commit()?;
            Ok(AnswerOutcome::Saved { revision })
        })
    }

    fn answers(&self, assessment_id: i64) -> Result<Vec<AnswerRecord>> {
        // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
        self.with(|c| {
            c.query(
                &format!("SELECT {ANSWER_COLUMNS} FROM readiness_answers WHERE assessment_id = $1 ORDER BY question COLLATE \"C\""),
                &[&assessment_id],
            )?
            .iter()
            .map(answer)
            .collect()
        })
    }

    fn set_profile(&self, id: i64, profile: &str) -> Result<ProfileOutcome> {
        self.with(|c| {
            let changed =
                c.execute("UPDATE readiness_assessments SET profile = $2 WHERE id = $1 AND finalised_at IS NULL", &[&id, &profile])?;
            if changed == 1 {
                return Ok(ProfileOutcome::Saved);
            }
            match c.query_opt("SELECT 1 FROM readiness_assessments WHERE id = $1", &[&id])? {
                Some(_) => Ok(ProfileOutcome::Frozen),
                None => Err(not_found(id)),
            }
        })
    }

    fn finalise(&self, id: i64, result: &str, at: &str, opt_in: bool) -> Result<FinaliseOutcome> {
        self.with(|c| {
            let changed = c.execute(
                "UPDATE readiness_assessments SET finalised_at = $2, result = $3, benchmark_opt_in = $4 \
                 WHERE id = $1 AND finalised_at IS NULL",
                &[&id, &at, &result, &opt_in],
            )?;
            if changed == 1 {
                return Ok(FinaliseOutcome::Finalised);
            }
            match c.query_opt("SELECT 1 FROM readiness_assessments WHERE id = $1", &[&id])? {
                Some(_) => Ok(FinaliseOutcome::AlreadyFinalised),
                None => Err(not_found(id)),
            }
        })
    }

    fn attach_document(&self, d: &NewDocument) -> Result<AttachOutcome> {
        let size = document_size(d)?;
        self.with(|c| {
            let mut tx = c.transaction()?;
            // Locks the assessment row so that a finalisation cannot pass between check and write.
            let row = tx.query_opt("SELECT finalised_at FROM readiness_assessments WHERE id = $1 FOR UPDATE", &[&d.assessment_id])?;
            let finalised: Option<String> = row.ok_or_else(|| not_found(d.assessment_id))?.try_get(0)?;
            if finalised.is_some() {
                return Ok(AttachOutcome::Frozen);
            }
            let sql = format!(
                "INSERT INTO readiness_documents (assessment_id, question, filename, media_type, size, sha256, content, uploaded_by, uploaded_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING {DOCUMENT_COLUMNS}"
            );
            let row = tx.query_one(
                &sql,
                &[&d.assessment_id, &d.question, &d.filename, &d.media_type, &size, &d.sha256, &d.content, &d.uploaded_by, &d.uploaded_at],
            )?;
            let record = document_row(&row)?;
            tx.execute(
                "UPDATE readiness_answers SET evidence = 'document', revision = revision + 1 \
                 WHERE assessment_id = $1 AND question = $2 AND evidence = 'self'",
                &[&d.assessment_id, &d.question],
            )?;
            tx.commit()?;
            Ok(AttachOutcome::Attached(record))
        })
    }

    fn documents(&self, assessment_id: i64) -> Result<Vec<DocumentRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {DOCUMENT_COLUMNS} FROM readiness_documents WHERE assessment_id = $1 ORDER BY question, id");
            c.query(&sql, &[&assessment_id])?.iter().map(document_row).collect()
        })
    }

    fn document_content(&self, assessment_id: i64, document_id: i64) -> Result<Option<(DocumentRecord, Vec<u8>)>> {
        self.with(|c| {
            let sql = format!("SELECT {DOCUMENT_COLUMNS}, content FROM readiness_documents WHERE id = $1 AND assessment_id = $2");
            let row = c.query_opt(&sql, &[&document_id, &assessment_id])?;
            row.map(|r| Ok((document_row(&r)?, r.try_get::<_, Vec<u8>>(9)?))).transpose()
        })
    }
}
