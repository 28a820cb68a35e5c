//! Monitor hits in PostgreSQL.

use postgres::Row;

use super::{COLUMNS, HitOutcome, HitRecord, HitStatus, MonitorStore, NewHit, limit, score};
use crate::engine::postgres::PgStore;
use crate::{Result, StoreError};

fn decode(r: &Row) -> Result<HitRecord> {
    let status: String = r.try_get(9)?;
    let s: i16 = r.try_get(3)?;
    Ok(HitRecord {
        domain: r.try_get(0)?,
        brand: r.try_get(1)?,
        technique: r.try_get(2)?,
        score: score(i64::from(s))?,
        level: r.try_get(4)?,
        source: r.try_get(5)?,
        first_seen: r.try_get(6)?,
        last_seen: r.try_get(7)?,
        sightings: r.try_get(8)?,
        status: HitStatus::decode(&status)?,
        indicator_id: r.try_get(10)?,
        collection: r.try_get(11)?,
        org: r.try_get(12)?,
        issuer: r.try_get(13)?,
        campaign: r.try_get(14)?,
    })
}

fn get(c: &mut impl postgres::GenericClient, domain: &str) -> Result<Option<HitRecord>> {
    c.query_opt(&format!("SELECT {COLUMNS} FROM monitor_hits WHERE domain = $1"), &[&domain])?.as_ref().map(decode).transpose()
}

impl MonitorStore for PgStore {
    fn record_hit(&self, h: &NewHit) -> Result<HitOutcome> {
        let score = i16::from(h.score);
        self.with(|c| {
            let mut tx = c.transaction()?;
            let inserted = tx.execute(
                &format!(
                    "INSERT INTO monitor_hits ({COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 1, 'new', NULL, NULL, $8, $9, NULL)
                     ON CONFLICT (domain) DO NOTHING"
                ),
                &[&h.domain, &h.brand, &h.technique, &score, &h.level, &h.source, &h.seen_at, &h.org, &h.issuer],
            )?;
            if inserted == 1 {
                tx.commit()?;
                return Ok(HitOutcome::New);
            }
            tx.execute(
                "UPDATE monitor_hits SET sightings = sightings + 1, last_seen = GREATEST(last_seen, $2),
                     brand = CASE WHEN $4 > score THEN $3 ELSE brand END,
                     technique = CASE WHEN $4 > score THEN $5 ELSE technique END,
                     level = CASE WHEN $4 > score THEN $6 ELSE level END,
                     score = GREATEST(score, $4),
                     issuer = COALESCE(issuer, $7)
                 WHERE domain = $1",
                &[&h.domain, &h.seen_at, &h.brand, &score, &h.technique, &h.level, &h.issuer],
            )?;
            let rec = get(&mut tx, &h.domain)?.ok_or_else(|| StoreError::Corrupt("monitor hit vanished inside its transaction".into()))?;
            tx.commit()?;
            Ok(HitOutcome::Seen(Box::new(rec)))
        })
    }

    fn hit(&self, domain: &str) -> Result<Option<HitRecord>> {
        self.with(|c| get(c, domain))
    }

    fn hits(&self, n: usize) -> Result<Vec<HitRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {COLUMNS} FROM monitor_hits ORDER BY first_seen DESC, domain COLLATE \"C\" LIMIT $1"), &[&limit(n)])?
                .iter()
                .map(decode)
                .collect()
        })
    }

    fn org_hits(&self, org: &str, n: usize) -> Result<Vec<HitRecord>> {
        self.with(|c| {
            let sql = format!("SELECT {COLUMNS} FROM monitor_hits WHERE org = $1 ORDER BY first_seen DESC, domain COLLATE \"C\" LIMIT $2");
            c.query(&sql, &[&org, &limit(n)])?.iter().map(decode).collect()
        })
    }

    fn set_hit_indicator(&self, domain: &str, indicator_id: &str, collection: &str) -> Result<()> {
        self.with(|c| {
            let n = c.execute(
                "UPDATE monitor_hits SET indicator_id = $2, collection = $3 WHERE domain = $1",
                &[&domain, &indicator_id, &collection],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "monitor hit", name: domain.into() });
            }
            Ok(())
        })
    }

    fn set_hit_campaign(&self, domains: &[String], campaign: &str) -> Result<()> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            for d in domains {
                tx.execute("UPDATE monitor_hits SET campaign = $2 WHERE domain = $1", &[d, &campaign])?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn set_hit_status(&self, domain: &str, status: HitStatus) -> Result<()> {
        self.with(|c| {
            let n = c.execute("UPDATE monitor_hits SET status = $2 WHERE domain = $1", &[&domain, &status.name()])?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "monitor hit", name: domain.into() });
            }
            Ok(())
        })
    }

    fn suppressed_domains(&self) -> Result<Vec<String>> {
        self.with(|c| {
            c.query("SELECT domain FROM monitor_hits WHERE status IN ('rejected', 'allowlisted') ORDER BY domain COLLATE \"C\"", &[])?
                .iter()
                .map(|r| Ok(r.try_get(0)?))
                .collect()
        })
    }
}
