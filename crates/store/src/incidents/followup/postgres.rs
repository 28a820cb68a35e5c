//! Reminders, hand-offs and takedowns in PostgreSQL.

use postgres::{GenericClient, Row};

use super::{
    FollowUpStore, HANDOFF_COLUMNS, HANDOFF_FROM, HandoffMessage, HandoffRecord, MESSAGE_COLUMNS, NewHandoffMessage, NewTakedown,
    REMINDER_COLUMNS, REQUEST_COLUMNS, ReminderRecord, StageRequestRecord, TAKEDOWN_COLUMNS, TakedownRecord, lines_from, lines_text,
};
use crate::engine::postgres::{PgStore, is_foreign_key_violation, is_unique_violation};
use crate::incidents::{CASE_COLUMNS, CaseRecord, not_found};
use crate::{Result, StoreError};

fn reminder(r: &Row) -> Result<ReminderRecord> {
    Ok(ReminderRecord {
        case_id: r.try_get(0)?,
        stage: r.try_get(1)?,
        kind: r.try_get(2)?,
        due: r.try_get(3)?,
        sent_at: r.try_get(4)?,
        channel: r.try_get(5)?,
    })
}

fn handoff(r: &Row) -> Result<HandoffRecord> {
    Ok(HandoffRecord {
        id: r.try_get(0)?,
        case_id: r.try_get(1)?,
        case_org_id: r.try_get(2)?,
        csirt_org_id: r.try_get(3)?,
        sent_by: r.try_get(4)?,
        sent_at: r.try_get(5)?,
        acknowledged_by: r.try_get(6)?,
        acknowledged_at: r.try_get(7)?,
    })
}

fn message(r: &Row) -> Result<HandoffMessage> {
    Ok(HandoffMessage {
        id: r.try_get(0)?,
        message: NewHandoffMessage {
            handoff_id: r.try_get(1)?,
            from_org: r.try_get(2)?,
            kind: r.try_get(3)?,
            author: r.try_get(4)?,
            at: r.try_get(5)?,
            body: r.try_get(6)?,
        },
    })
}

fn request(r: &Row) -> Result<StageRequestRecord> {
    Ok(StageRequestRecord {
        case_id: r.try_get(0)?,
        stage: r.try_get(1)?,
        handoff_id: r.try_get(2)?,
        requested_by: r.try_get(3)?,
        requested_at: r.try_get(4)?,
        due: r.try_get(5)?,
        note: r.try_get(6)?,
    })
}

fn takedown(r: &Row) -> Result<TakedownRecord> {
    Ok(TakedownRecord {
        id: r.try_get(0)?,
        takedown: NewTakedown {
            case_id: r.try_get(1)?,
            domain: r.try_get(2)?,
            contacts: lines_from(r.try_get::<_, &str>(3)?),
            evidence: lines_from(r.try_get::<_, &str>(4)?),
            created_by: r.try_get(6)?,
            created_at: r.try_get(7)?,
        },
        status: r.try_get(5)?,
        updated_at: r.try_get(8)?,
    })
}

fn fk(what: &'static str, id: i64) -> impl FnOnce(postgres::Error) -> StoreError {
    move |e| if is_foreign_key_violation(&e) { not_found(what, id) } else { e.into() }
}

fn get_handoff(c: &mut impl GenericClient, id: i64) -> Result<Option<HandoffRecord>> {
    let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.id = $1");
    c.query_opt(&sql, &[&id])?.as_ref().map(handoff).transpose()
}

impl FollowUpStore for PgStore {
    fn clock_cases(&self) -> Result<Vec<CaseRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE aware IS NOT NULL ORDER BY id"), &[])?
                .iter()
                .map(crate::incidents::postgres::case)
                .collect()
        })
    }

    fn claim_reminder(&self, r: &ReminderRecord) -> Result<bool> {
        self.with(|c| {
            let inserted = c.execute(
                &format!("INSERT INTO incident_reminders ({REMINDER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)"),
                &[&r.case_id, &r.stage, &r.kind, &r.due, &r.sent_at, &r.channel],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(fk("incident case", r.case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn release_reminder(&self, r: &ReminderRecord) -> Result<()> {
        self.with(|c| {
            c.execute(
                "DELETE FROM incident_reminders WHERE case_id = $1 AND stage = $2 AND kind = $3 AND due = $4 AND channel = $5",
                &[&r.case_id, &r.stage, &r.kind, &r.due, &r.channel],
            )?;
            Ok(())
        })
    }

    fn reminders(&self, case_id: i64) -> Result<Vec<ReminderRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {REMINDER_COLUMNS} FROM incident_reminders WHERE case_id = $1 ORDER BY sent_at, due");
            c.query(&sql, &[&case_id])?.iter().map(reminder).collect()
        })
    }

    fn hand_off(&self, case_id: i64, csirt_org_id: i64, by: &str, at: &str) -> Result<HandoffRecord> {
        self.with(|c| {
            c.execute(
                "INSERT INTO incident_handoffs (case_id, csirt_org_id, sent_by, sent_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (case_id, csirt_org_id) DO NOTHING",
                &[&case_id, &csirt_org_id, &by, &at],
            )
            .map_err(fk("incident case or organisation", case_id))?;
            let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.case_id = $1 AND h.csirt_org_id = $2");
            handoff(&c.query_one(&sql, &[&case_id, &csirt_org_id])?)
        })
    }

    fn handoffs(&self, case_id: i64) -> Result<Vec<HandoffRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.case_id = $1 ORDER BY h.id");
            c.query(&sql, &[&case_id])?.iter().map(handoff).collect()
        })
    }

    fn handoffs_to(&self, csirt_org_id: i64) -> Result<Vec<HandoffRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.csirt_org_id = $1 ORDER BY h.id DESC");
            c.query(&sql, &[&csirt_org_id])?.iter().map(handoff).collect()
        })
    }

    fn handoff(&self, id: i64) -> Result<Option<HandoffRecord>> {
        self.with(|c| get_handoff(c, id))
    }

    fn acknowledge(&self, id: i64, by: &str, at: &str) -> Result<HandoffRecord> {
        self.with(|c| {
            c.execute(
                "UPDATE incident_handoffs SET acknowledged_by = $2, acknowledged_at = $3 WHERE id = $1 AND acknowledged_at IS NULL",
                &[&id, &by, &at],
            )?;
            get_handoff(c, id)?.ok_or_else(|| not_found("hand-off", id))
        })
    }

    fn add_handoff_message(&self, m: &NewHandoffMessage) -> Result<HandoffMessage> {
        self.with(|c| {
            let row = c
                .query_one(
                    &format!(
                        "INSERT INTO incident_handoff_messages (handoff_id, from_org, kind, author, at, body) \
                         VALUES ($1, $2, $3, $4, $5, $6) RETURNING {MESSAGE_COLUMNS}"
                    ),
                    &[&m.handoff_id, &m.from_org, &m.kind, &m.author, &m.at, &m.body],
                )
                .map_err(fk("hand-off", m.handoff_id))?;
            message(&row)
        })
    }

    fn handoff_messages(&self, handoff_id: i64) -> Result<Vec<HandoffMessage>> {
        self.with(|c| {
            let sql = format!("SELECT {MESSAGE_COLUMNS} FROM incident_handoff_messages WHERE handoff_id = $1 ORDER BY id");
            c.query(&sql, &[&handoff_id])?.iter().map(message).collect()
        })
    }

    fn request_stage(&self, r: &StageRequestRecord) -> Result<bool> {
        self.with(|c| {
            let n = c
                .execute(
                    &format!(
                        "INSERT INTO incident_stage_requests ({REQUEST_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                         ON CONFLICT (case_id, stage) DO NOTHING"
                    ),
                    &[&r.case_id, &r.stage, &r.handoff_id, &r.requested_by, &r.requested_at, &r.due, &r.note],
                )
                .map_err(fk("incident case or hand-off", r.case_id))?;
            Ok(n == 1)
        })
    }

    fn stage_requests(&self, case_id: i64) -> Result<Vec<StageRequestRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {REQUEST_COLUMNS} FROM incident_stage_requests WHERE case_id = $1 ORDER BY requested_at, stage");
            c.query(&sql, &[&case_id])?.iter().map(request).collect()
        })
    }

    fn add_takedown(&self, t: &NewTakedown) -> Result<TakedownRecord> {
        self.with(|c| {
            let row = c
                .query_one(
                    &format!(
                        "INSERT INTO incident_takedowns (case_id, domain, contacts, evidence, status, created_by, created_at, \
                         updated_at) VALUES ($1, $2, $3, $4, 'requested', $5, $6, $6) RETURNING {TAKEDOWN_COLUMNS}"
                    ),
                    &[&t.case_id, &t.domain, &lines_text(&t.contacts), &lines_text(&t.evidence), &t.created_by, &t.created_at],
                )
                .map_err(fk("incident case", t.case_id))?;
            takedown(&row)
        })
    }

    fn takedowns(&self, case_id: i64) -> Result<Vec<TakedownRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {TAKEDOWN_COLUMNS} FROM incident_takedowns WHERE case_id = $1 ORDER BY id");
            c.query(&sql, &[&case_id])?.iter().map(takedown).collect()
        })
    }

    fn set_takedown_status(&self, case_id: i64, id: i64, status: &str, at: &str) -> Result<TakedownRecord> {
        self.with(|c| {
            let row = c.query_opt(
                &format!(
                    "UPDATE incident_takedowns SET status = $3, updated_at = $4 WHERE id = $1 AND case_id = $2 RETURNING {TAKEDOWN_COLUMNS}"
                ),
                &[&id, &case_id, &status, &at],
            )?;
            row.as_ref().map(takedown).transpose()?.ok_or_else(|| not_found("takedown request", id))
        })
    }
}
