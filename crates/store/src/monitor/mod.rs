//! The brand monitor's hits: one record per flagged name, with first and last sighting, the
//! strongest judgement seen, its triage status and the STIX indicator it became.
//!
//! A rejected or allowlisted name keeps its record, so that seeing it again from any source
//! never brings it back into a feed.

mod postgres;
mod sqlite;

#[cfg(test)]
mod contract;

use crate::{Result, StoreError};

/// A hit as the monitor reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewHit {
    pub domain: String,
    pub brand: String,
    pub technique: String,
    pub score: u8,
    /// `suspicious` or `malicious`.
    pub level: String,
    pub source: String,
    /// RFC 3339.
    pub seen_at: String,
    /// The member organisation the hit is recorded for; kept from the first sighting.
    pub org: Option<String>,
    /// The CA of the certificate the name was read from (CT sources); the first one known is kept.
    pub issuer: Option<String>,
}

/// Triage status of a hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HitStatus {
    /// Not yet looked at.
    New,
    Confirmed,
    /// A false positive: out of every feed, for good.
    Rejected,
    /// A legitimate name: out of every feed, for good.
    Allowlisted,
}

impl HitStatus {
    pub fn name(self) -> &'static str {
        match self {
            HitStatus::New => "new",
            HitStatus::Confirmed => "confirmed",
            HitStatus::Rejected => "rejected",
            HitStatus::Allowlisted => "allowlisted",
        }
    }

    pub fn parse(s: &str) -> Option<HitStatus> {
        [HitStatus::New, HitStatus::Confirmed, HitStatus::Rejected, HitStatus::Allowlisted].into_iter().find(|h| h.name() == s)
    }

    /// Whether hits of this status may be in a feed.
    pub fn publishable(self) -> bool {
        matches!(self, HitStatus::New | HitStatus::Confirmed)
    }

    fn decode(s: &str) -> Result<HitStatus> {
        HitStatus::parse(s).ok_or_else(|| StoreError::Corrupt(format!("monitor_hits.status has unknown value {s:?}")))
    }
}

/// A stored hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HitRecord {
    pub domain: String,
    pub brand: String,
    pub technique: String,
    pub score: u8,
    pub level: String,
    /// The source of the first sighting.
    pub source: String,
    pub first_seen: String,
    pub last_seen: String,
    pub sightings: i64,
    pub status: HitStatus,
    pub indicator_id: Option<String>,
    pub collection: Option<String>,
    /// The organisation whose analysts triage it (`None`: recorded before triage existed).
    pub org: Option<String>,
    /// The CA of the certificate it was first read from with one (CT sources).
    pub issuer: Option<String>,
    /// The name of the campaign it was clustered into, once it is in one.
    pub campaign: Option<String>,
}

/// What [`MonitorStore::record_hit`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitOutcome {
    /// A name never flagged before.
    New,
    /// A name already recorded: its sighting was counted (and a stronger judgement kept).
    Seen(Box<HitRecord>),
}

/// Hits of the brand monitor.
pub trait MonitorStore: Send + Sync {
    /// Records one sighting of a flagged name.
    fn record_hit(&self, hit: &NewHit) -> Result<HitOutcome>;
    fn hit(&self, domain: &str) -> Result<Option<HitRecord>>;
    /// Hits, newest first sighting first.
    fn hits(&self, limit: usize) -> Result<Vec<HitRecord>>;
    /// The hits recorded for organisation `org`, newest first sighting first.
    fn org_hits(&self, org: &str, limit: usize) -> Result<Vec<HitRecord>>;
    /// Notes the STIX indicator a hit became, in which collection.
    fn set_hit_indicator(&self, domain: &str, indicator_id: &str, collection: &str) -> Result<()>;
    /// Notes the campaign `domains` were clustered into (names not recorded are skipped).
    fn set_hit_campaign(&self, domains: &[String], campaign: &str) -> Result<()>;
    /// Triage; an unknown name is [`StoreError::NotFound`].
    fn set_hit_status(&self, domain: &str, status: HitStatus) -> Result<()>;
    /// Names that must never be in a feed (rejected or allowlisted).
    fn suppressed_domains(&self) -> Result<Vec<String>>;
}

fn score(v: i64) -> Result<u8> {
    u8::try_from(v).ok().filter(|s| *s <= 100).ok_or_else(|| StoreError::Corrupt(format!("monitor_hits.score out of range: {v}")))
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

const COLUMNS: &str = "domain, brand, technique, score, level, source, first_seen, last_seen, sightings, status, indicator_id, collection, org, issuer, campaign";

/// Opens the monitor's hits in `target` (a data directory or a `postgres://` URL, as
/// [`crate::open`] reads it).
pub fn open_monitor(target: &str) -> Result<std::sync::Arc<dyn MonitorStore>> {
    if target.starts_with("postgres://") || target.starts_with("postgresql://") {
        return Ok(std::sync::Arc::new(crate::PgStore::open(target)?));
    }
    Ok(std::sync::Arc::new(crate::SqliteStore::open(std::path::Path::new(target))?))
}
