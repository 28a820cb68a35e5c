//! Posture history in SQLite.

use rusqlite::params;

use crate::engine::sqlite::SqliteStore;
use crate::posture::{PostureEvent, PostureReader, PostureRecord, PostureStore};
use crate::{Result, now_rfc3339};

fn record(r: &rusqlite::Row<'_>) -> rusqlite::Result<PostureRecord> {
    Ok(PostureRecord {
        domain: r.get(0)?,
        checked_at: r.get(1)?,
        score: r.get(2)?,
        grade: r.get(3)?,
        dotpost_compliant: r.get(4)?,
        report: r.get(5)?,
        owner_org: r.get(6)?,
    })
}

/// Rows `?1` (the reader's organisation, NULL for the public) may read: its own, and every row
/// of a domain on the public scoreboard.
const VISIBLE: &str = "(owner_org = ?1 OR domain IN (SELECT domain FROM posture_domains))";
const COLUMNS: &str = "domain, checked_at, score, grade, dotpost_compliant, report, owner_org";

impl PostureStore for SqliteStore {
    fn register_domain(&self, domain: &str, by: &str) -> Result<()> {
        self.write(|c| {
            c.execute(
                "INSERT OR IGNORE INTO posture_domains (domain, registered_by, registered_at) VALUES (?1, ?2, ?3)",
                params![domain, by, now_rfc3339()],
            )?;
            Ok(())
        })
    }

    fn registered_domains(&self) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c.prepare("SELECT domain FROM posture_domains ORDER BY domain")?;
            let rows = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(rows)
        })
    }

    fn save_report(&self, rec: &PostureRecord, regressions: &[(String, String, String)]) -> Result<()> {
        self.write(|c| {
            let tx = c.transaction()?;
            tx.execute(
                &format!("INSERT INTO posture_reports ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                params![rec.domain, rec.checked_at, rec.score, rec.grade, rec.dotpost_compliant, rec.report, rec.owner_org],
            )?;
            for (code, severity, message) in regressions {
                tx.execute(
                    "INSERT INTO posture_events (domain, at, code, severity, message, owner_org) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![rec.domain, rec.checked_at, code, severity, message, rec.owner_org],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn reports(&self, domain: &str, reader: PostureReader, limit: usize) -> Result<Vec<PostureRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM posture_reports WHERE domain = ?2 AND {VISIBLE} ORDER BY seq DESC LIMIT ?3"
            ))?;
            let rows = st
                .query_map(params![reader.org(), domain, i64::try_from(limit).unwrap_or(i64::MAX)], record)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn latest_reports(&self, reader: PostureReader) -> Result<Vec<PostureRecord>> {
        self.read(|c| {
            let mut st = c.prepare(&format!(
                "SELECT {COLUMNS} FROM posture_reports \
                 WHERE seq IN (SELECT max(seq) FROM posture_reports WHERE {VISIBLE} GROUP BY domain) ORDER BY domain"
            ))?;
            let rows = st.query_map(params![reader.org()], record)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn posture_events(&self, reader: PostureReader, after: i64, limit: usize) -> Result<Vec<PostureEvent>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT seq, domain, at, code, severity, message FROM posture_events WHERE seq > ?2 AND {VISIBLE} ORDER BY seq LIMIT ?3"
            ))?;
            let rows = st
                .query_map(params![reader.org(), after, i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
                    Ok(PostureEvent {
                        seq: r.get(0)?,
                        domain: r.get(1)?,
                        at: r.get(2)?,
                        code: r.get(3)?,
                        severity: r.get(4)?,
                        message: r.get(5)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}
