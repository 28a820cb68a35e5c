//! The hub's indicators as link-check blocklists: one index per TAXII collection (a member's
//! grant differs per collection), rebuilt in the background whenever the hub changes, swapped
//! in without blocking checks. Every lookup filters entries with `tlp::may_read` for the asker.

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, RwLock};

use std::time::Duration;

use hub::{Hub, Principal};
use links::{BlocklistIndex, LinkError, Verdict};
use store::Collection;
use tlp::{Audience, Tlp};

/// Each collection with the index of its indicators.
type CollectionIndexes = Vec<(Collection, Arc<BlocklistIndex>)>;

/// Per-collection blocklists built from the hub's indicators. Each entry is held once: at a
/// million indicators the index is the largest thing in the server's memory.
pub struct HubBlocklists {
    collections: RwLock<Arc<CollectionIndexes>>,
    /// Highest level an anonymous lookup may use (CLEAR by default; GREEN at most), as a rank.
    anonymous_ceiling: AtomicU8,
    /// What the last build saw, to rebuild only on change.
    signature: RwLock<Option<Vec<(String, u64, i64)>>>,
}

impl Default for HubBlocklists {
    fn default() -> Self {
        HubBlocklists::new(Tlp::Clear)
    }
}

impl HubBlocklists {
    pub fn new(anonymous_ceiling: Tlp) -> HubBlocklists {
        HubBlocklists {
            collections: RwLock::new(Arc::new(Vec::new())),
            anonymous_ceiling: AtomicU8::new(anonymous_ceiling.min(Tlp::Green).rank()),
            signature: RwLock::new(None),
        }
    }

    pub fn anonymous_ceiling(&self) -> Tlp {
        Tlp::from_rank(self.anonymous_ceiling.load(Ordering::Relaxed)).unwrap_or(Tlp::Clear)
    }

    /// Lets anonymous lookups use indicators up to `ceiling` (clamped to GREEN).
    pub fn set_anonymous_ceiling(&self, ceiling: Tlp) {
        self.anonymous_ceiling.store(ceiling.min(Tlp::Green).rank(), Ordering::Relaxed);
    }

    /// Checks a link for `who`: anonymous callers with the anonymous ceiling on the public
    /// collections only (TAXII shows them nothing else); members with their grant on each
    /// collection. A collection the asker may not use is not consulted at all, so no reason can
    /// name it or its indicators. The verdict with the highest score wins and carries the
    /// blocklist reasons of every consulted collection.
    pub fn check(&self, analyzer: &links::Analyzer, input: &str, who: &Principal) -> Result<Verdict, LinkError> {
        let collections = self.collections.read().map(|c| c.clone()).unwrap_or_default();
        let ceiling = self.anonymous_ceiling();
        let mut best: Option<Verdict> = None;
        let mut extra = Vec::new();
        for (c, index) in collections.iter() {
            let Some(audience) = lookup_audience(c, who, ceiling) else { continue };
            let v = links::check(input, &links::CheckContext { analyzer, index, audience })?;
            extra.extend(v.reasons.iter().filter(|r| r.indicator_id.is_some() || r.code.starts_with("blocklist")).cloned());
            if best.as_ref().is_none_or(|b| v.score > b.score) {
                best = Some(v);
            }
        }
        let Some(mut verdict) = best else {
            let empty = BlocklistIndex::new();
            return links::check(
                input,
                &links::CheckContext { analyzer, index: &empty, audience: Audience::AnonymousLookup { ceiling: Tlp::Clear } },
            );
        };
        for r in extra {
            if !verdict.reasons.contains(&r) {
                verdict.reasons.push(r);
            }
        }
        Ok(verdict)
    }

    /// Rebuilds the indexes if the hub changed since the last build; returns whether it did.
    /// A change is a new collection, a different number of stored versions (deletes), or an
    /// indicator version added after the newest one the last build saw.
    pub fn refresh(&self, hub: &Hub) -> Result<bool, hub::HubError> {
        // An exercise's indicators never judge a live link.
        let exercises = hub.exercise_collections()?;
        let cols: Vec<_> = hub.all_collections()?.into_iter().filter(|c| !exercises.contains(&c.id)).collect();
        let previous = self.signature.read().map(|s| s.clone()).unwrap_or_default();
        let mut counts = Vec::with_capacity(cols.len());
        let mut changed = previous.as_ref().is_none_or(|p| p.len() != cols.len());
        for c in &cols {
            let count = hub.stored_versions(&c.id)?;
            let seen = previous.as_ref().and_then(|p| p.iter().find(|(id, _, _)| id == &c.id)).cloned();
            match seen {
                Some((_, n, newest)) if n == count => {
                    if !hub.scan_for_index(&c.id, "indicator", Some(newest), 1)?.is_empty() {
                        changed = true;
                    }
                }
                _ => changed = true,
            }
            counts.push((c.id.clone(), count));
        }
        if !changed {
            return Ok(false);
        }
        let mut built = Vec::with_capacity(cols.len());
        let mut signature = Vec::with_capacity(cols.len());
        for (c, (_, count)) in cols.into_iter().zip(counts) {
            let (index, newest) = collection_index(hub, &c)?;
            signature.push((c.id.clone(), count, newest));
            built.push((c, Arc::new(index)));
        }
        if let Ok(mut slot) = self.collections.write() {
            *slot = Arc::new(built);
        }
        if let Ok(mut s) = self.signature.write() {
            *s = Some(signature);
        }
        Ok(true)
    }

    /// Refreshes every `period` until the process ends. After a rebuild it waits at least four
    /// times as long as the rebuild took, so a hub under heavy ingestion spends at most a fifth
    /// of a core on rebuilding its blocklists.
    pub fn spawn_refresher(self: Arc<Self>, hub: Hub, period: Duration) {
        tokio::spawn(async move {
            loop {
                let (me, h) = (self.clone(), hub.clone());
                let started = std::time::Instant::now();
                let pause = match tokio::task::spawn_blocking(move || me.refresh(&h)).await {
                    Ok(Ok(true)) => {
                        let took = started.elapsed();
                        tracing::debug!(?took, "link blocklists rebuilt");
                        period.max(took * 4)
                    }
                    Ok(Ok(false)) => period,
                    Ok(Err(e)) => {
                        tracing::warn!(error = %e, "link blocklists not rebuilt");
                        period
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "link blocklist refresher failed");
                        period
                    }
                };
                tokio::time::sleep(pause).await;
            }
        });
    }
}

/// How `who` looks entries of collection `c` up, or `None` when `c` is not theirs to consult:
/// an anonymous lookup uses public collections only, up to the anonymous ceiling; a member
/// uses its organisation's grant (and, without one, CLEAR entries of public collections, as
/// TAXII would show them). `tlp::may_read` then decides entry by entry.
fn lookup_audience<'a>(c: &Collection, who: &'a Principal, ceiling: Tlp) -> Option<Audience<'a>> {
    match who {
        Principal::Anonymous => c.public.then_some(Audience::AnonymousLookup { ceiling }),
        Principal::Member { org, .. } => {
            let collection_read = c.can_read(org.id);
            (collection_read || c.public).then_some(Audience::Member {
                identity: &org.identity_id,
                collection_read,
                public_collection: c.public,
            })
        }
    }
}

/// The blocklist of one collection's current, unrevoked, unexpired indicators, each entry with
/// the access the hub stored (its TLP, producer and recipients: the hub applied the default TLP
/// and knows the producing organisation, so the object's own claims do not count). Also returns
/// the newest `date_added` seen. Rows are read in pages so memory stays bounded by the index.
fn collection_index(hub: &Hub, c: &Collection) -> Result<(BlocklistIndex, i64), hub::HubError> {
    let now = chrono::Utc::now();
    let mut index = BlocklistIndex::new();
    let mut after = None;
    loop {
        let rows = hub.scan_for_index(&c.id, "indicator", after, 5000)?;
        let Some(last) = rows.last() else { break };
        after = Some(last.date_added_us);
        for o in &rows {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&o.body) else { continue };
            if !is_live(&v, now) || v.get("pattern_type").and_then(serde_json::Value::as_str).unwrap_or("stix") != "stix" {
                continue;
            }
            let Some(pattern) = v.get("pattern").and_then(serde_json::Value::as_str) else { continue };
            if let Ok((entries, _rejected)) = links::entries_from_pattern(pattern, Some(&o.object_id), &o.access(), &c.title) {
                for e in entries {
                    let _ = index.insert(e);
                }
            }
        }
        if rows.len() < 5000 {
            break;
        }
    }
    Ok((index, after.unwrap_or(0)))
}

fn is_live(v: &serde_json::Value, now: chrono::DateTime<chrono::Utc>) -> bool {
    if v.get("revoked").and_then(serde_json::Value::as_bool) == Some(true) {
        return false;
    }
    match v.get("valid_until").and_then(serde_json::Value::as_str).map(stix::canonical_timestamp) {
        Some(Ok(until)) => until > now,
        _ => true,
    }
}
