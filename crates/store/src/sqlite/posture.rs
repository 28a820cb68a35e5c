//! Posture history in SQLite.

use rusqlite::params;

use super::SqliteStore;
use crate::posture::{PostureEvent, PostureRecord, PostureStore};
use crate::{Result, now_rfc3339};

fn record(r: &rusqlite::Row<'_>) -> rusqlite::Result<PostureRecord> {
    Ok(PostureRecord {
        domain: r.get(0)?,
        checked_at: r.get(1)?,
        score: r.get(2)?,
        grade: r.get(3)?,
        dotpost_compliant: r.get(4)?,
        report: r.get(5)?,
    })
}

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
                "INSERT INTO posture_reports (domain, checked_at, score, grade, dotpost_compliant, report) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![rec.domain, rec.checked_at, rec.score, rec.grade, rec.dotpost_compliant, rec.report],
            )?;
            for (code, severity, message) in regressions {
                tx.execute(
                    "INSERT INTO posture_events (domain, at, code, severity, message) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![rec.domain, rec.checked_at, code, severity, message],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn reports(&self, domain: &str, limit: usize) -> Result<Vec<PostureRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT domain, checked_at, score, grade, dotpost_compliant, report FROM posture_reports WHERE domain = ?1 ORDER BY seq DESC LIMIT ?2",
            )?;
            let rows = st.query_map(params![domain, i64::try_from(limit).unwrap_or(i64::MAX)], record)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn latest_reports(&self) -> Result<Vec<PostureRecord>> {
        self.read(|c| {
            let mut st = c.prepare(
                "SELECT domain, checked_at, score, grade, dotpost_compliant, report FROM posture_reports \
                 WHERE seq IN (SELECT max(seq) FROM posture_reports GROUP BY domain) ORDER BY domain",
            )?;
            let rows = st.query_map([], record)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn posture_events(&self, after: i64, limit: usize) -> Result<Vec<PostureEvent>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT seq, domain, at, code, severity, message FROM posture_events WHERE seq > ?1 ORDER BY seq LIMIT ?2",
            )?;
            let rows = st
                .query_map(params![after, i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
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
