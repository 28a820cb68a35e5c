//! The portal's accounts, sessions, citizen reports and recipient lists in PostgreSQL.

use postgres::Row;

use crate::common::{self, REPORT_COLUMNS, USER_COLUMNS};
use crate::engine::postgres::{PgStore, is_foreign_key_violation, is_unique_violation};
use crate::hub::postgres::append_audit;
use crate::portal::{CitizenReport, NewReport, NewUser, PortalStore, RecipientList, ReportDecision, ReportStatus, SessionRecord, User};
use crate::{NewAudit, Result, StoreError, now_rfc3339};

const SESSION_COLUMNS: &str = "id_hash, user_id, csrf, created_us, expires_us";
const LIST_COLUMNS: &str = "id, org_id, name, identities";

fn user_from_row(r: &Row) -> Result<User> {
    let role: String = r.try_get(4)?;
    Ok(User {
        id: r.try_get(0)?,
        org_id: r.try_get(1)?,
        username: r.try_get(2)?,
        password_hash: r.try_get(3)?,
        role: common::role("portal_users", &role)?,
        created: r.try_get(5)?,
        disabled: r.try_get(6)?,
    })
}

fn report_from_row(r: &Row) -> Result<CitizenReport> {
    let kind: String = r.try_get(2)?;
    let status: String = r.try_get(6)?;
    Ok(CitizenReport {
        id: r.try_get(0)?,
        created: r.try_get(1)?,
        kind: common::report_kind(&kind)?,
        content: r.try_get(3)?,
        country: r.try_get(4)?,
        contact: r.try_get(5)?,
        status: common::report_status(&status)?,
        decided_by: r.try_get(7)?,
        decided_at: r.try_get(8)?,
        indicator_id: r.try_get(9)?,
        decided_org_id: r.try_get(10)?,
    })
}

fn session_from_row(r: &Row) -> Result<SessionRecord> {
    Ok(SessionRecord {
        id_hash: r.try_get(0)?,
        user_id: r.try_get(1)?,
        csrf: r.try_get(2)?,
        created_us: r.try_get(3)?,
        expires_us: r.try_get(4)?,
    })
}

fn list_from_row(r: &Row) -> Result<RecipientList> {
    Ok(RecipientList { id: r.try_get(0)?, org_id: r.try_get(1)?, name: r.try_get(2)?, identities: r.try_get(3)? })
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Decides a report that is still new, on a client or inside a caller's transaction; false when
/// it was already decided or does not exist.
pub(crate) fn decide_in(c: &mut impl postgres::GenericClient, id: i64, d: &ReportDecision) -> Result<bool> {
    let n = c.execute(
        "UPDATE citizen_reports SET status = $2, decided_by = $3, decided_at = $4, indicator_id = $5, decided_org_id = $6 \
         WHERE id = $1 AND status = 'new'",
        &[&id, &d.status.as_str(), &d.decided_by, &now_rfc3339(), &d.indicator_id, &d.org_id],
    )?;
    Ok(n > 0)
}

impl PortalStore for PgStore {
    fn create_user(&self, u: &NewUser) -> Result<User> {
        self.with(|c| {
            let created = now_rfc3339();
            let res = c.query_one(
                "INSERT INTO portal_users (org_id, username, password_hash, role, created) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&u.org_id, &u.username, &u.password_hash, &u.role.as_str(), &created],
            );
            let id: i64 = match res {
                Ok(row) => row.try_get(0)?,
                Err(e) if is_unique_violation(&e) => return Err(StoreError::Duplicate { what: "user", name: u.username.clone() }),
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: u.org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
            };
            Ok(User {
                id,
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
        self.with(|c| {
            c.query_opt(&format!("SELECT {USER_COLUMNS} FROM portal_users WHERE username = $1"), &[&username])?
                .as_ref()
                .map(user_from_row)
                .transpose()
        })
    }

    fn user_by_id(&self, id: i64) -> Result<Option<User>> {
        self.with(|c| {
            c.query_opt(&format!("SELECT {USER_COLUMNS} FROM portal_users WHERE id = $1"), &[&id])?.as_ref().map(user_from_row).transpose()
        })
    }

    fn list_users(&self) -> Result<Vec<User>> {
        // COLLATE "C": byte order, the order SQLite's default BINARY collation gives.
        self.with(|c| {
            c.query(&format!("SELECT {USER_COLUMNS} FROM portal_users ORDER BY username COLLATE \"C\""), &[])?
                .iter()
                .map(user_from_row)
                .collect()
        })
    }

    fn set_user_disabled(&self, id: i64, disabled: bool) -> Result<bool> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let n = tx.execute("UPDATE portal_users SET disabled = $2 WHERE id = $1", &[&id, &disabled])?;
            if disabled {
                // A disabled account must not keep a live session; both in one transaction, so
                // no other process sees the account disabled with its sessions still valid.
                tx.execute("DELETE FROM portal_sessions WHERE user_id = $1", &[&id])?;
            }
            tx.commit()?;
            Ok(n > 0)
        })
    }

    fn create_session(&self, s: &SessionRecord) -> Result<()> {
        self.with(|c| {
            c.execute(
                &format!("INSERT INTO portal_sessions ({SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5)"),
                &[&s.id_hash, &s.user_id, &s.csrf, &s.created_us, &s.expires_us],
            )
            .map_err(|e| match is_foreign_key_violation(&e) {
                true => StoreError::NotFound { what: "user", name: s.user_id.to_string() },
                false => e.into(),
            })?;
            Ok(())
        })
    }

    fn session(&self, id_hash: &[u8], now_us: i64) -> Result<Option<SessionRecord>> {
        self.with(|c| {
            c.query_opt(
                &format!("SELECT {SESSION_COLUMNS} FROM portal_sessions WHERE id_hash = $1 AND expires_us > $2"),
                &[&id_hash, &now_us],
            )?
            .as_ref()
            .map(session_from_row)
            .transpose()
        })
    }

    fn delete_session(&self, id_hash: &[u8]) -> Result<()> {
        self.with(|c| {
            c.execute("DELETE FROM portal_sessions WHERE id_hash = $1", &[&id_hash])?;
            Ok(())
        })
    }

    fn purge_sessions(&self, now_us: i64) -> Result<usize> {
        self.with(|c| {
            let n = c.execute("DELETE FROM portal_sessions WHERE expires_us <= $1", &[&now_us])?;
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        })
    }

    fn add_report(&self, r: &NewReport) -> Result<i64> {
        self.with(|c| {
            let row = c.query_one(
                "INSERT INTO citizen_reports (created, kind, content, country, contact) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&now_rfc3339(), &r.kind.as_str(), &r.content, &r.country, &r.contact],
            )?;
            Ok(row.try_get(0)?)
        })
    }

    fn report(&self, id: i64) -> Result<Option<CitizenReport>> {
        self.with(|c| {
            c.query_opt(&format!("SELECT {REPORT_COLUMNS} FROM citizen_reports WHERE id = $1"), &[&id])?
                .as_ref()
                .map(report_from_row)
                .transpose()
        })
    }

    fn reports(&self, status: Option<ReportStatus>, n: usize) -> Result<Vec<CitizenReport>> {
        let status = status.map(ReportStatus::as_str);
        self.with(|c| {
            c.query(
                &format!("SELECT {REPORT_COLUMNS} FROM citizen_reports WHERE $1::TEXT IS NULL OR status = $1 ORDER BY id DESC LIMIT $2"),
                &[&status, &limit(n)],
            )?
            .iter()
            .map(report_from_row)
            .collect()
        })
    }

    fn decide_report(&self, id: i64, d: &ReportDecision) -> Result<bool> {
        // One UPDATE decides: under READ COMMITTED a concurrent decider waits for the row and
        // re-checks `status = 'new'` against the winner's write, so a report is decided once.
        self.with(|c| decide_in(c, id, d))
    }

    fn save_recipient_list(&self, org_id: i64, name: &str, identities: &[String], audit: &NewAudit) -> Result<RecipientList> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let res = tx.query_one(
                &format!(
                    "INSERT INTO recipient_lists (org_id, name, identities) VALUES ($1, $2, $3) \
                     ON CONFLICT (org_id, name) DO UPDATE SET identities = excluded.identities RETURNING {LIST_COLUMNS}"
                ),
                &[&org_id, &name, &identities],
            );
            let list = match res {
                Ok(row) => list_from_row(&row)?,
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
            };
            append_audit(&mut tx, audit)?;
            tx.commit()?;
            Ok(list)
        })
    }

    fn recipient_lists(&self, org_id: i64) -> Result<Vec<RecipientList>> {
        self.with(|c| {
            c.query(&format!("SELECT {LIST_COLUMNS} FROM recipient_lists WHERE org_id = $1 ORDER BY name COLLATE \"C\""), &[&org_id])?
                .iter()
                .map(list_from_row)
                .collect()
        })
    }

    fn delete_recipient_list(&self, org_id: i64, id: i64, audit: &NewAudit) -> Result<bool> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            if tx.execute("DELETE FROM recipient_lists WHERE org_id = $1 AND id = $2", &[&org_id, &id])? == 0 {
                return Ok(false);
            }
            append_audit(&mut tx, audit)?;
            tx.commit()?;
            Ok(true)
        })
    }
}
