//! Reminders, hand-offs and takedowns in SQLite.

use rusqlite::{OptionalExtension, Row, params};

use super::{
    FollowUpStore, HANDOFF_COLUMNS, HANDOFF_FROM, HandoffMessage, HandoffRecord, MESSAGE_COLUMNS, NewHandoffMessage, NewTakedown,
    REMINDER_COLUMNS, REQUEST_COLUMNS, ReminderRecord, StageRequestRecord, TAKEDOWN_COLUMNS, TakedownRecord, lines_from, lines_text,
};
use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation};
use crate::incidents::{CASE_COLUMNS, CaseRecord, not_found};
use crate::{Result, StoreError};

fn reminder(r: &Row<'_>) -> rusqlite::Result<ReminderRecord> {
    Ok(ReminderRecord { case_id: r.get(0)?, stage: r.get(1)?, kind: r.get(2)?, due: r.get(3)?, sent_at: r.get(4)?, channel: r.get(5)? })
}

fn handoff(r: &Row<'_>) -> rusqlite::Result<HandoffRecord> {
    Ok(HandoffRecord {
        id: r.get(0)?,
        case_id: r.get(1)?,
        case_org_id: r.get(2)?,
        csirt_org_id: r.get(3)?,
        sent_by: r.get(4)?,
        sent_at: r.get(5)?,
        acknowledged_by: r.get(6)?,
        acknowledged_at: r.get(7)?,
    })
}

fn message(r: &Row<'_>) -> rusqlite::Result<HandoffMessage> {
    Ok(HandoffMessage {
        id: r.get(0)?,
        message: NewHandoffMessage {
            handoff_id: r.get(1)?,
            from_org: r.get(2)?,
            kind: r.get(3)?,
            author: r.get(4)?,
            at: r.get(5)?,
            body: r.get(6)?,
        },
    })
}

fn request(r: &Row<'_>) -> rusqlite::Result<StageRequestRecord> {
    Ok(StageRequestRecord {
        case_id: r.get(0)?,
        stage: r.get(1)?,
        handoff_id: r.get(2)?,
        requested_by: r.get(3)?,
        requested_at: r.get(4)?,
        due: r.get(5)?,
        note: r.get(6)?,
    })
}

fn takedown(r: &Row<'_>) -> rusqlite::Result<TakedownRecord> {
    Ok(TakedownRecord {
        id: r.get(0)?,
        takedown: NewTakedown {
            case_id: r.get(1)?,
            domain: r.get(2)?,
            contacts: lines_from(&r.get::<_, String>(3)?),
            evidence: lines_from(&r.get::<_, String>(4)?),
            created_by: r.get(6)?,
            created_at: r.get(7)?,
        },
        status: r.get(5)?,
        updated_at: r.get(8)?,
    })
}

fn fk(what: &'static str, id: i64) -> impl FnOnce(rusqlite::Error) -> StoreError {
    move |e| if is_foreign_key_violation(&e) { not_found(what, id) } else { e.into() }
}

fn get_handoff(c: &rusqlite::Connection, id: i64) -> Result<Option<HandoffRecord>> {
    let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.id = ?1");
    Ok(c.query_row(&sql, params![id], handoff).optional()?)
}

impl FollowUpStore for SqliteStore {
    fn clock_cases(&self) -> Result<Vec<CaseRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!("SELECT {CASE_COLUMNS} FROM incident_cases WHERE aware IS NOT NULL ORDER BY id"))?;
            Ok(st.query_map([], crate::incidents::sqlite::case)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn claim_reminder(&self, r: &ReminderRecord) -> Result<bool> {
        self.write(|c| {
            let inserted = c.execute(
                &format!("INSERT INTO incident_reminders ({REMINDER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                params![r.case_id, r.stage, r.kind, r.due, r.sent_at, r.channel],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(fk("incident case", r.case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn release_reminder(&self, r: &ReminderRecord) -> Result<()> {
        self.write(|c| {
            c.execute(
                "DELETE FROM incident_reminders WHERE case_id = ?1 AND stage = ?2 AND kind = ?3 AND due = ?4 AND channel = ?5",
                params![r.case_id, r.stage, r.kind, r.due, r.channel],
            )?;
            Ok(())
        })
    }

    fn reminders(&self, case_id: i64) -> Result<Vec<ReminderRecord>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {REMINDER_COLUMNS} FROM incident_reminders WHERE case_id = ?1 ORDER BY sent_at, due"))?;
            Ok(st.query_map(params![case_id], reminder)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn hand_off(&self, case_id: i64, csirt_org_id: i64, by: &str, at: &str) -> Result<HandoffRecord> {
        self.write(|c| {
            let inserted = c.execute(
                "INSERT INTO incident_handoffs (case_id, csirt_org_id, sent_by, sent_at) VALUES (?1, ?2, ?3, ?4)",
                params![case_id, csirt_org_id, by, at],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => {}
                Err(e) => return Err(fk("incident case or organisation", case_id)(e)),
                Ok(_) => {}
            }
            let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.case_id = ?1 AND h.csirt_org_id = ?2");
            Ok(c.query_row(&sql, params![case_id, csirt_org_id], handoff)?)
        })
    }

    fn handoffs(&self, case_id: i64) -> Result<Vec<HandoffRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.case_id = ?1 ORDER BY h.id"))?;
            Ok(st.query_map(params![case_id], handoff)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn handoffs_to(&self, csirt_org_id: i64) -> Result<Vec<HandoffRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {HANDOFF_COLUMNS} FROM {HANDOFF_FROM} WHERE h.csirt_org_id = ?1 ORDER BY h.id DESC");
            let mut st = c.prepare_cached(&sql)?;
            Ok(st.query_map(params![csirt_org_id], handoff)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn handoff(&self, id: i64) -> Result<Option<HandoffRecord>> {
        self.read(|c| get_handoff(c, id))
    }

    fn acknowledge(&self, id: i64, by: &str, at: &str) -> Result<HandoffRecord> {
        self.write(|c| {
            c.execute(
                "UPDATE incident_handoffs SET acknowledged_by = ?2, acknowledged_at = ?3 WHERE id = ?1 AND acknowledged_at IS NULL",
                params![id, by, at],
            )?;
            get_handoff(c, id)?.ok_or_else(|| not_found("hand-off", id))
        })
    }

    fn add_handoff_message(&self, m: &NewHandoffMessage) -> Result<HandoffMessage> {
        self.write(|c| {
            c.execute(
                "INSERT INTO incident_handoff_messages (handoff_id, from_org, kind, author, at, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![m.handoff_id, m.from_org, m.kind, m.author, m.at, m.body],
            )
            .map_err(fk("hand-off", m.handoff_id))?;
            let id = c.last_insert_rowid();
            Ok(c.query_row(&format!("SELECT {MESSAGE_COLUMNS} FROM incident_handoff_messages WHERE id = ?1"), params![id], message)?)
        })
    }

    fn handoff_messages(&self, handoff_id: i64) -> Result<Vec<HandoffMessage>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {MESSAGE_COLUMNS} FROM incident_handoff_messages WHERE handoff_id = ?1 ORDER BY id"))?;
            Ok(st.query_map(params![handoff_id], message)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn request_stage(&self, r: &StageRequestRecord) -> Result<bool> {
        self.write(|c| {
            let inserted = c.execute(
                &format!("INSERT INTO incident_stage_requests ({REQUEST_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                params![r.case_id, r.stage, r.handoff_id, r.requested_by, r.requested_at, r.due, r.note],
            );
            match inserted {
                Err(e) if is_unique_violation(&e) => Ok(false),
                Err(e) => Err(fk("incident case or hand-off", r.case_id)(e)),
                Ok(_) => Ok(true),
            }
        })
    }

    fn stage_requests(&self, case_id: i64) -> Result<Vec<StageRequestRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {REQUEST_COLUMNS} FROM incident_stage_requests WHERE case_id = ?1 ORDER BY requested_at, stage");
            let mut st = c.prepare_cached(&sql)?;
            Ok(st.query_map(params![case_id], request)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn add_takedown(&self, t: &NewTakedown) -> Result<TakedownRecord> {
        self.write(|c| {
            c.execute(
                "INSERT INTO incident_takedowns (case_id, domain, contacts, evidence, status, created_by, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, 'requested', ?5, ?6, ?6)",
                params![t.case_id, t.domain, lines_text(&t.contacts), lines_text(&t.evidence), t.created_by, t.created_at],
            )
            .map_err(fk("incident case", t.case_id))?;
            let id = c.last_insert_rowid();
            Ok(c.query_row(&format!("SELECT {TAKEDOWN_COLUMNS} FROM incident_takedowns WHERE id = ?1"), params![id], takedown)?)
        })
    }

    fn takedowns(&self, case_id: i64) -> Result<Vec<TakedownRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!("SELECT {TAKEDOWN_COLUMNS} FROM incident_takedowns WHERE case_id = ?1 ORDER BY id"))?;
            Ok(st.query_map(params![case_id], takedown)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn set_takedown_status(&self, case_id: i64, id: i64, status: &str, at: &str) -> Result<TakedownRecord> {
        self.write(|c| {
            let changed = c.execute(
                "UPDATE incident_takedowns SET status = ?3, updated_at = ?4 WHERE id = ?1 AND case_id = ?2",
                params![id, case_id, status, at],
            )?;
            if changed == 0 {
                return Err(not_found("takedown request", id));
            }
            Ok(c.query_row(&format!("SELECT {TAKEDOWN_COLUMNS} FROM incident_takedowns WHERE id = ?1"), params![id], takedown)?)
        })
    }
}
