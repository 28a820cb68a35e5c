//! Monitor hits in SQLite.

use rusqlite::{OptionalExtension, params};

use super::{COLUMNS, HitOutcome, HitRecord, HitStatus, MonitorStore, NewHit, limit, score};
use crate::engine::sqlite::SqliteStore;
use crate::{Result, StoreError};

/// The row as stored; decoded after the query so that a bad value is [`StoreError::Corrupt`].
type Raw = (
    String,
    String,
    String,
    i64,
    String,
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn raw(r: &rusqlite::Row<'_>) -> rusqlite::Result<Raw> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
        r.get(12)?,
        r.get(13)?,
        r.get(14)?,
    ))
}

fn decode(r: Raw) -> Result<HitRecord> {
    Ok(HitRecord {
        domain: r.0,
        brand: r.1,
        technique: r.2,
        score: score(r.3)?,
        level: r.4,
        source: r.5,
        first_seen: r.6,
        last_seen: r.7,
        sightings: r.8,
        status: HitStatus::decode(&r.9)?,
        indicator_id: r.10,
        collection: r.11,
        org: r.12,
        issuer: r.13,
        campaign: r.14,
    })
}

fn get(c: &rusqlite::Connection, domain: &str) -> Result<Option<HitRecord>> {
    let row = c.query_row(&format!("SELECT {COLUMNS} FROM monitor_hits WHERE domain = ?1"), [domain], raw).optional()?;
    row.map(decode).transpose()
}

impl MonitorStore for SqliteStore {
    fn record_hit(&self, h: &NewHit) -> Result<HitOutcome> {
        self.write(|c| {
            let tx = c.transaction()?;
            let inserted = tx.execute(
                &format!(
                    "INSERT OR IGNORE INTO monitor_hits ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 1, 'new', NULL, NULL, ?8, ?9, NULL)"
                ),
                params![h.domain, h.brand, h.technique, h.score, h.level, h.source, h.seen_at, h.org, h.issuer],
            )?;
            if inserted == 1 {
                tx.commit()?;
                return Ok(HitOutcome::New);
            }
            tx.execute(
                "UPDATE monitor_hits SET sightings = sightings + 1, last_seen = max(last_seen, ?2),
                     brand = CASE WHEN ?4 > score THEN ?3 ELSE brand END,
                     technique = CASE WHEN ?4 > score THEN ?5 ELSE technique END,
                     level = CASE WHEN ?4 > score THEN ?6 ELSE level END,
                     score = max(score, ?4),
                     issuer = coalesce(issuer, ?7)
                 WHERE domain = ?1",
                params![h.domain, h.seen_at, h.brand, h.score, h.technique, h.level, h.issuer],
            )?;
            let rec = get(&tx, &h.domain)?.ok_or_else(|| StoreError::Corrupt("monitor hit vanished inside its transaction".into()))?;
            tx.commit()?;
            Ok(HitOutcome::Seen(Box::new(rec)))
        })
    }

    fn hit(&self, domain: &str) -> Result<Option<HitRecord>> {
        self.read(|c| get(c, domain))
    }

    fn hits(&self, n: usize) -> Result<Vec<HitRecord>> {
        self.read(|c| {
            let mut st = c.prepare(&format!("SELECT {COLUMNS} FROM monitor_hits ORDER BY first_seen DESC, domain LIMIT ?1"))?;
            let rows = st.query_map([limit(n)], raw)?.collect::<rusqlite::Result<Vec<Raw>>>()?;
            rows.into_iter().map(decode).collect()
        })
    }

    fn org_hits(&self, org: &str, n: usize) -> Result<Vec<HitRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {COLUMNS} FROM monitor_hits WHERE org = ?1 ORDER BY first_seen DESC, domain LIMIT ?2");
            let mut st = c.prepare(&sql)?;
            let rows = st.query_map(params![org, limit(n)], raw)?.collect::<rusqlite::Result<Vec<Raw>>>()?;
            rows.into_iter().map(decode).collect()
        })
    }

    fn set_hit_indicator(&self, domain: &str, indicator_id: &str, collection: &str) -> Result<()> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE monitor_hits SET indicator_id = ?2, collection = ?3 WHERE domain = ?1",
                params![domain, indicator_id, collection],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "monitor hit", name: domain.into() });
            }
            Ok(())
        })
    }

    fn set_hit_campaign(&self, domains: &[String], campaign: &str) -> Result<()> {
        self.write(|c| {
            let tx = c.transaction()?;
            for d in domains {
                tx.execute("UPDATE monitor_hits SET campaign = ?2 WHERE domain = ?1", params![d, campaign])?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn set_hit_status(&self, domain: &str, status: HitStatus) -> Result<()> {
        self.write(|c| {
            let n = c.execute("UPDATE monitor_hits SET status = ?2 WHERE domain = ?1", params![domain, status.name()])?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "monitor hit", name: domain.into() });
            }
            Ok(())
        })
    }

    fn suppressed_domains(&self) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c.prepare("SELECT domain FROM monitor_hits WHERE status IN ('rejected', 'allowlisted') ORDER BY domain")?;
            let rows = st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?;
            Ok(rows)
        })
    }
}
