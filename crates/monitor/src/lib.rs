//! The brand-impersonation monitor's rules: normalise a newly seen name, judge it with the link
//! engine's brand matcher ([`links::Analyzer`], the one implementation), and read zone files.
//!
//! Pure: no IO and no clock. Callers read the names (files, stdin, CT logs) and pass the time a
//! name was first seen; this crate says whether it impersonates a postal brand and how.

pub mod campaign;
pub mod ct;
pub mod decay;
pub mod eval;
pub mod feeds;
pub mod indicator;
mod name;
pub mod pdns;
pub mod zone;

use links::{Analyzer, Level};
use serde::Serialize;

pub use name::{MAX_LABELS, MAX_NAME_LEN, Reject, normalise};

/// A suspicious brand look-alike at this score or above is malicious for the monitor. The link
/// engine judges a link someone was sent, where a bare one-edit typo may be an honest mistake;
/// a name that is *newly registered or certified* one edit from a brand (or with its name in
/// front of a random domain) rarely is anything else. Measured on the tuning part of
/// `data/monitor/generate.py` only; the matcher's own levels stay as they are.
pub const PROMOTE_AT: u8 = 60;

/// One flagged name, as `postern watch --jsonl` prints it (the field order is the output's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// The normalised name (lower-case ASCII, IDNs in punycode).
    pub domain: String,
    /// Id of the impersonated brand in the registry.
    pub brand: String,
    /// How it copies the brand (`omission`, `look-alike characters`, `combosquat`, ...).
    pub technique: String,
    /// 0-100.
    pub score: u8,
    pub level: HitLevel,
    /// Where the name was seen (`file:names.txt`, `stdin`, `zone:today.zone`, a log's URL).
    pub source: String,
    /// RFC 3339 time the caller first saw the name.
    pub first_seen: String,
    /// The certificate the name was read from (CT sources: hex of its de-duplication key), so
    /// that the names of one certificate are known to belong together.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    /// The CA that issued that certificate, as its distinguished name reads (CT sources, data
    /// tiles and RFC 6962 entries; a names tile does not carry it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

/// The two levels a hit can have; benign names are not hits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitLevel {
    Suspicious,
    Malicious,
}

/// What judging one name found, before it becomes a [`Hit`] with its source and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    pub brand: String,
    /// The impersonated brand's main official domain ("untwist"), empty when it has none.
    pub official: String,
    pub technique: &'static str,
    /// Stable reason code of the brand technique (`typosquat`, `combosquat`, ...).
    pub code: &'static str,
    pub score: u8,
    pub level: HitLevel,
}

/// Counters of one run, for the summary line and metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counters {
    /// Names read (valid or not).
    pub seen: u64,
    /// Names the pre-filter let through to the full analysis.
    pub analysed: u64,
    pub malicious: u64,
    pub suspicious: u64,
    /// Names refused by [`normalise`], by reason code.
    pub rejected: std::collections::BTreeMap<&'static str, u64>,
}

impl Counters {
    pub fn rejected_total(&self) -> u64 {
        self.rejected.values().sum()
    }

    /// Adds another run's counts (one per worker thread).
    pub fn merge(&mut self, other: &Counters) {
        self.seen += other.seen;
        self.analysed += other.analysed;
        self.malicious += other.malicious;
        self.suspicious += other.suspicious;
        for (k, v) in &other.rejected {
            *self.rejected.entry(k).or_default() += v;
        }
    }
}

/// The monitor: the link analyser over a brand registry, and whether to pre-filter.
#[derive(Debug)]
pub struct Monitor {
    analyzer: Analyzer,
    prefilter: bool,
}

impl Monitor {
    pub fn new(registry: &brands::BrandRegistry) -> Monitor {
        Monitor { analyzer: Analyzer::new(registry), prefilter: true }
    }

    /// Turns the pre-filter off (every valid name goes through the full analysis): the
    /// reference the pre-filter is measured against.
    pub fn without_prefilter(mut self) -> Monitor {
        self.prefilter = false;
        self
    }

    pub fn analyzer(&self) -> &Analyzer {
        &self.analyzer
    }

    /// [`Monitor::watch_line`] on raw bytes: a line that is not UTF-8 is refused and counted.
    pub fn watch_bytes(&self, raw: &[u8], counters: &mut Counters) -> Option<(String, Judgement)> {
        match std::str::from_utf8(raw) {
            Ok(line) => self.watch_line(line, counters),
            Err(_) => {
                counters.seen += 1;
                *counters.rejected.entry(Reject::InvalidUtf8.code()).or_default() += 1;
                None
            }
        }
    }

    /// Judges one raw line: normalises it, counts it, and returns the normalised name with its
    /// judgement when it impersonates a brand.
    pub fn watch_line(&self, raw: &str, counters: &mut Counters) -> Option<(String, Judgement)> {
        counters.seen += 1;
        let name = match normalise(raw) {
            Ok(n) => n,
            Err(Reject::Blank) => {
                counters.seen -= 1;
                return None;
            }
            Err(r) => {
                *counters.rejected.entry(r.code()).or_default() += 1;
                return None;
            }
        };
        let j = self.judge_normalised(&name, counters)?;
        Some((name.into_owned(), j))
    }

    /// Judges a name already normalised by [`normalise`].
    pub fn judge_normalised(&self, name: &str, counters: &mut Counters) -> Option<Judgement> {
        if self.prefilter && !self.analyzer.may_name_brand(name) {
            return None;
        }
        counters.analysed += 1;
        let j = self.judge_full(name)?;
        match j.level {
            HitLevel::Malicious => counters.malicious += 1,
            HitLevel::Suspicious => counters.suspicious += 1,
        }
        Some(j)
    }

    /// The full analysis of one normalised name, without the pre-filter. A hit is a verdict
    /// above benign that names the brand it copies: names that are only random-looking or only
    /// carry parcel words are the link checker's business, not a brand monitor's.
    pub fn judge_full(&self, name: &str) -> Option<Judgement> {
        let v = self.analyzer.analyse_domain(name).ok()?;
        let level = match v.verdict {
            Level::Benign => return None,
            Level::Suspicious if v.score < PROMOTE_AT => HitLevel::Suspicious,
            Level::Suspicious | Level::Malicious => HitLevel::Malicious,
        };
        let brand = v.brand?;
        let reason = v.reasons.iter().find(|r| r.brand.as_deref() == Some(brand.id.as_str()) && r.technique.is_some())?;
        Some(Judgement {
            brand: brand.id,
            official: brand.domain,
            technique: reason.technique.unwrap_or_default(),
            code: reason.code,
            score: v.score,
            level,
        })
    }
}

impl Judgement {
    /// The hit for `domain`, seen in `source` at `first_seen` (RFC 3339).
    pub fn into_hit(self, domain: String, source: &str, first_seen: &str) -> Hit {
        Hit {
            domain,
            brand: self.brand,
            technique: self.technique.to_string(),
            score: self.score,
            level: self.level,
            source: source.to_string(),
            first_seen: first_seen.to_string(),
            certificate: None,
            issuer: None,
        }
    }
}

#[cfg(test)]
mod tests;
