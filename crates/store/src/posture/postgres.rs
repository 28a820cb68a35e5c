//! Posture history in PostgreSQL.

use postgres::Row;

use crate::engine::postgres::PgStore;
use crate::posture::{PostureEvent, PostureReader, PostureRecord, PostureStore};
use crate::{Result, now_rfc3339};

const RECORD_COLUMNS: &str = "domain, checked_at, score, grade, dotpost_compliant, report, owner_org";

/// Rows `$1` (the reader's organisation, NULL for the public) may read: its own, and every row
/// of a domain on the public scoreboard.
const VISIBLE: &str = "(owner_org = $1 OR domain IN (SELECT domain FROM posture_domains))";

fn record_from_row(r: &Row) -> Result<PostureRecord> {
    Ok(PostureRecord {
        domain: r.try_get(0)?,
        checked_at: r.try_get(1)?,
        score: r.try_get(2)?,
        grade: r.try_get(3)?,
        dotpost_compliant: r.try_get(4)?,
        report: r.try_get(5)?,
        owner_org: r.try_get(6)?,
    })
}

fn event_from_row(r: &Row) -> Result<PostureEvent> {
    Ok(PostureEvent {
        seq: r.try_get(0)?,
        domain: r.try_get(1)?,
        at: r.try_get(2)?,
        code: r.try_get(3)?,
        severity: r.try_get(4)?,
        message: r.try_get(5)?,
    })
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl PostureStore for PgStore {
    fn register_domain(&self, domain: &str, by: &str) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO posture_domains (domain, registered_by, registered_at) VALUES ($1, $2, $3) ON CONFLICT (domain) DO NOTHING",
                &[&domain, &by, &now_rfc3339()],
            )?;
            Ok(())
        })
    }

    fn registered_domains(&self) -> Result<Vec<String>> {
        // COLLATE "C": byte order, as SQLite sorts, whatever the database's locale.
        self.with(|c| {
            c.query("SELECT domain FROM posture_domains ORDER BY domain COLLATE \"C\"", &[])?.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }

    fn save_report(&self, rec: &PostureRecord, regressions: &[(String, String, String)]) -> Result<()> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute(
                &format!("INSERT INTO posture_reports ({RECORD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)"),
                &[&rec.domain, &rec.checked_at, &rec.score, &rec.grade, &rec.dotpost_compliant, &rec.report, &rec.owner_org],
            )?;
            // One by one, in order: an event's seq follows the order the regressions were given.
            let insert =
                tx.prepare("INSERT INTO posture_events (domain, at, code, severity, message, owner_org) VALUES ($1, $2, $3, $4, $5, $6)")?;
            for (code, severity, message) in regressions {
                tx.execute(&insert, &[&rec.domain, &rec.checked_at, code, severity, message, &rec.owner_org])?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn reports(&self, domain: &str, reader: PostureReader, n: usize) -> Result<Vec<PostureRecord>> {
        self.with(|c| {
            c.query(
                &format!("SELECT {RECORD_COLUMNS} FROM posture_reports WHERE domain = $2 AND {VISIBLE} ORDER BY seq DESC LIMIT $3"),
                &[&reader.org(), &domain, &limit(n)],
            )?
            .iter()
            .map(record_from_row)
            .collect()
        })
    }

    fn latest_reports(&self, reader: PostureReader) -> Result<Vec<PostureRecord>> {
        self.with(|c| {
            c.query(
                &format!(
                    "SELECT DISTINCT ON (domain COLLATE \"C\") {RECORD_COLUMNS} FROM posture_reports WHERE {VISIBLE} \
                     ORDER BY domain COLLATE \"C\", seq DESC"
                ),
                &[&reader.org()],
            )?
            .iter()
            .map(record_from_row)
            .collect()
        })
    }

    fn posture_events(&self, reader: PostureReader, after: i64, n: usize) -> Result<Vec<PostureEvent>> {
        self.with(|c| {
            c.query(
                &format!(
                    "SELECT seq, domain, at, code, severity, message FROM posture_events WHERE seq > $2 AND {VISIBLE} ORDER BY seq LIMIT $3"
                ),
                &[&reader.org(), &after, &limit(n)],
            )?
            .iter()
            .map(event_from_row)
            .collect()
        })
    }
}
