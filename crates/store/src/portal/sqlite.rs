//! The portal's accounts, sessions, citizen reports and recipient lists in SQLite.

use rusqlite::{OptionalExtension, TransactionBehavior, params};

use crate::common::{self, REPORT_COLUMNS, USER_COLUMNS};
use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation};
use crate::hub::sqlite::append_audit;
use crate::portal::{CitizenReport, NewReport, NewUser, PortalStore, RecipientList, ReportDecision, ReportStatus, SessionRecord, User};
use crate::{NewAudit, Result, StoreError, now_rfc3339};

fn user_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    let role: String = r.get(4)?;
    Ok(User {
        id: r.get(0)?,
        org_id: r.get(1)?,
        username: r.get(2)?,
        password_hash: r.get(3)?,
        role: common::role("portal_users", &role)?,
        created: r.get(5)?,
        disabled: r.get(6)?,
    })
}

/// Decides a report that is still new, on a connection or inside a caller's transaction; false
/// when it was already decided or does not exist.
pub(crate) fn decide_in(c: &rusqlite::Connection, id: i64, d: &ReportDecision) -> Result<bool> {
    let n = c.execute(
        "UPDATE citizen_reports SET status = ?2, decided_by = ?3, decided_at = ?4, indicator_id = ?5, decided_org_id = ?6
         WHERE id = ?1 AND status = 'new'",
        params![id, d.status.as_str(), d.decided_by, now_rfc3339(), d.indicator_id, d.org_id],
    )?;
    Ok(n > 0)
}

fn report_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CitizenReport> {
    let kind: String = r.get(2)?;
    let status: String = r.get(6)?;
    Ok(CitizenReport {
        id: r.get(0)?,
        created: r.get(1)?,
        kind: common::report_kind(&kind)?,
        content: r.get(3)?,
        country: r.get(4)?,
        contact: r.get(5)?,
        status: common::report_status(&status)?,
        decided_by: r.get(7)?,
        decided_at: r.get(8)?,
        indicator_id: r.get(9)?,
        decided_org_id: r.get(10)?,
    })
}

fn list_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, i64, String, String)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn decode_list((id, org_id, name, identities): (i64, i64, String, String)) -> Result<RecipientList> {
    let identities: Vec<String> =
        serde_json::from_str(&identities).map_err(|e| StoreError::Corrupt(format!("recipient list {id}: {e}")))?;
    Ok(RecipientList { id, org_id, name, identities })
}

impl PortalStore for SqliteStore {
    fn create_user(&self, u: &NewUser) -> Result<User> {
        self.write(|c| {
            let created = now_rfc3339();
            let res = c.execute(
                "INSERT INTO portal_users (org_id, username, password_hash, role, created) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![u.org_id, u.username, u.password_hash, u.role.as_str(), created],
            );
            match res {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => return Err(StoreError::Duplicate { what: "user", name: u.username.clone() }),
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: u.org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
            }
            Ok(User {
                id: c.last_insert_rowid(),
                org_id: u.org_id,
                username: u.username.clone(),
                password_hash: u.password_hash.clone(),
                role: u.role,
                created,
                disabled: false,
            })
        })
    }

    fn user_by_name(&self, username: &str) -> Result<Option<User>> {
        self.read(|c| {
            Ok(c.query_row(&format!("SELECT {USER_COLUMNS} FROM portal_users WHERE username = ?1"), [username], user_from_row)
                .optional()?)
        })
    }

    fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        self.read(|c| Ok(c.query_row(&format!("SELECT {USER_COLUMNS} FROM portal_users WHERE id = ?1"), [id], user_from_row).optional()?))
    }

    fn list_users(&self) -> Result<Vec<User>> {
        self.read(|c| {
            let mut st = c.prepare(&format!("SELECT {USER_COLUMNS} FROM portal_users ORDER BY username"))?;
            let rows = st.query_map([], user_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn set_user_disabled(&self, id: i64, disabled: bool) -> Result<bool> {
        self.write(|c| {
            let n = c.execute("UPDATE portal_users SET disabled = ?2 WHERE id = ?1", params![id, disabled])?;
            if disabled {
                // A disabled account must not keep a live session.
                c.execute("DELETE FROM portal_sessions WHERE user_id = ?1", [id])?;
            }
            Ok(n > 0)
        })
    }

    fn create_session(&self, s: &SessionRecord) -> Result<()> {
        self.write(|c| {
            c.execute(
                "INSERT INTO portal_sessions (id_hash, user_id, csrf, created_us, expires_us) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![s.id_hash, s.user_id, s.csrf, s.created_us, s.expires_us],
            )
            .map_err(|e| match is_foreign_key_violation(&e) {
                true => StoreError::NotFound { what: "user", name: s.user_id.to_string() },
                false => e.into(),
            })?;
            Ok(())
        })
    }

    fn session(&self, id_hash: &[u8], now_us: i64) -> Result<Option<SessionRecord>> {
        self.read(|c| {
            Ok(c.query_row(
                "SELECT id_hash, user_id, csrf, created_us, expires_us FROM portal_sessions WHERE id_hash = ?1 AND expires_us > ?2",
                params![id_hash, now_us],
                |r| {
                    Ok(SessionRecord {
                        id_hash: r.get(0)?,
                        user_id: r.get(1)?,
                        csrf: r.get(2)?,
                        created_us: r.get(3)?,
                        expires_us: r.get(4)?,
                    })
                },
            )
            .optional()?)
        })
    }

    fn delete_session(&self, id_hash: &[u8]) -> Result<()> {
        self.write(|c| {
            c.execute("DELETE FROM portal_sessions WHERE id_hash = ?1", [id_hash])?;
            Ok(())
        })
    }

    fn purge_sessions(&self, now_us: i64) -> Result<usize> {
        self.write(|c| Ok(c.execute("DELETE FROM portal_sessions WHERE expires_us <= ?1", [now_us])?))
    }

    fn add_report(&self, r: &NewReport) -> Result<i64> {
        self.write(|c| {
            c.execute(
                "INSERT INTO citizen_reports (created, kind, content, country, contact) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![now_rfc3339(), r.kind.as_str(), r.content, r.country, r.contact],
            )?;
            Ok(c.last_insert_rowid())
        })
    }

    fn report(&self, id: i64) -> Result<Option<CitizenReport>> {
        self.read(|c| {
            Ok(c.query_row(&format!("SELECT {REPORT_COLUMNS} FROM citizen_reports WHERE id = ?1"), [id], report_from_row).optional()?)
        })
    }

    fn reports(&self, status: Option<ReportStatus>, limit: usize) -> Result<Vec<CitizenReport>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {REPORT_COLUMNS} FROM citizen_reports WHERE ?1 IS NULL OR status = ?1 ORDER BY id DESC LIMIT ?2"
            ))?;
            let rows =
                st.query_map(params![status.map(ReportStatus::as_str), limit], report_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn decide_report(&self, id: i64, d: &ReportDecision) -> Result<bool> {
        self.write(|c| decide_in(c, id, d))
    }

    fn save_recipient_list(&self, org_id: i64, name: &str, identities: &[String], audit: &NewAudit) -> Result<RecipientList> {
        let json = serde_json::to_string(identities).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute(
                "INSERT INTO recipient_lists (org_id, name, identities) VALUES (?1, ?2, ?3)
                 ON CONFLICT (org_id, name) DO UPDATE SET identities = excluded.identities",
                params![org_id, name, json],
            )
            .map_err(|e| match is_foreign_key_violation(&e) {
                true => StoreError::NotFound { what: "organisation", name: org_id.to_string() },
                false => e.into(),
            })?;
            let row = tx.query_row(
                "SELECT id, org_id, name, identities FROM recipient_lists WHERE org_id = ?1 AND name = ?2",
                params![org_id, name],
                list_from_row,
            )?;
            let list = decode_list(row)?;
            append_audit(&tx, audit)?;
            tx.commit()?;
            Ok(list)
        })
    }

    fn recipient_lists(&self, org_id: i64) -> Result<Vec<RecipientList>> {
        self.read(|c| {
            let mut st = c.prepare("SELECT id, org_id, name, identities FROM recipient_lists WHERE org_id = ?1 ORDER BY name")?;
            let rows = st.query_map([org_id], list_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter().map(decode_list).collect()
        })
    }

    fn delete_recipient_list(&self, org_id: i64, id: i64, audit: &NewAudit) -> Result<bool> {
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            if tx.execute("DELETE FROM recipient_lists WHERE org_id = ?1 AND id = ?2", params![org_id, id])? == 0 {
                return Ok(false);
            }
            append_audit(&tx, audit)?;
            tx.commit()?;
            Ok(true)
        })
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use crate::engine::sqlite::MIGRATIONS;

    /// Reports decided before the organisation id was stored get it from the deciding user,
    /// whatever the organisation's name says (an '@' in it included).
    #[test]
    fn the_triage_migration_backfills_the_deciding_organisation() {
        let triage = include_str!("../../migrations/sqlite/006_portal_triage_org.sql");
        let at = MIGRATIONS.iter().position(|m| *m == triage).expect("the triage migration is registered");
        let c = Connection::open_in_memory().expect("sqlite");
        for m in &MIGRATIONS[..at] {
            c.execute_batch(m).expect("earlier migration");
        }
        c.execute_batch(
            "INSERT INTO orgs (id, name, identity_id, created, is_hub) VALUES
                 (1, 'La Poste', 'identity--1', 'now', 0), (2, 'x@La Poste', 'identity--2', 'now', 0);
             INSERT INTO portal_users (id, org_id, username, password_hash, role, created) VALUES
                 (1, 1, 'alice', 'h', 'analyst', 'now'), (2, 2, 'mallory', 'h', 'analyst', 'now');
             INSERT INTO citizen_reports (id, created, kind, content, country, status, decided_by) VALUES
                 (1, 'now', 'url', 'http://a.top/', 'FR', 'accepted', 'user:alice@La Poste'),
                 (2, 'now', 'url', 'http://b.top/', 'FR', 'rejected', 'user:mallory@x@La Poste'),
                 (3, 'now', 'url', 'http://c.top/', 'FR', 'new', NULL),
                 (4, 'now', 'url', 'http://d.top/', 'FR', 'rejected', 'user:gone@La Poste');",
        )
        .expect("rows decided before the migration");
        c.execute_batch(triage).expect("the triage migration");
        let mut st = c.prepare("SELECT id, decided_org_id FROM citizen_reports ORDER BY id").expect("select");
        let got: Vec<(i64, Option<i64>)> =
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).expect("rows").collect::<rusqlite::Result<_>>().expect("rows");
        assert_eq!(got, vec![(1, Some(1)), (2, Some(2)), (3, None), (4, None)]);
    }
}
