//! The hub's indicators as link-check blocklists: one index per TAXII collection (a member's
//! grant differs per collection), rebuilt in the background whenever the hub changes, swapped
//! in without blocking checks. Every lookup filters entries with `tlp::may_read` for the asker.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use std::time::Duration;

use hub::{Hub, Principal};
use links::{BlocklistIndex, FeedDefaults, FeedFormat, LinkError, LiveIndex, Verdict};
use store::{Collection, StoredObject};
use tlp::{Audience, Tlp};

/// Per-collection blocklists built from the hub's indicators.
pub struct HubBlocklists {
    collections: RwLock<Arc<Vec<(Collection, Arc<BlocklistIndex>)>>>,
    /// Every collection's entries in one index, for anonymous lookups (which ignore collection
    /// grants and see only what `Audience::AnonymousLookup` allows).
    anonymous: Arc<LiveIndex>,
    /// Highest level an anonymous lookup may use (CLEAR by default; GREEN at most).
    anonymous_ceiling: Tlp,
    /// What the last build saw, to rebuild only on change.
    signature: RwLock<Option<Vec<(String, u64, i64)>>>,
}

impl HubBlocklists {
    pub fn new(anonymous: Arc<LiveIndex>, anonymous_ceiling: Tlp) -> HubBlocklists {
        HubBlocklists {
            collections: RwLock::new(Arc::new(Vec::new())),
            anonymous,
            anonymous_ceiling: anonymous_ceiling.min(Tlp::Green),
            signature: RwLock::new(None),
        }
    }

    pub fn anonymous_ceiling(&self) -> Tlp {
        self.anonymous_ceiling
    }

    /// Checks a link for `who`: anonymous callers against the merged index with the anonymous
    /// ceiling; members against each collection with their grant there. The verdict with the
    /// highest score wins and carries the blocklist reasons of every collection.
    pub fn check(&self, analyzer: &links::Analyzer, input: &str, who: &Principal) -> Result<Verdict, LinkError> {
        let Principal::Member { org, .. } = who else {
            let index = self.anonymous.load();
            let ctx = links::CheckContext { analyzer, index: &index, audience: Audience::AnonymousLookup { ceiling: self.anonymous_ceiling } };
            return links::check(input, &ctx);
        };
        let collections = self.collections.read().map(|c| c.clone()).unwrap_or_default();
        let empty = BlocklistIndex::new();
        let mut best: Option<Verdict> = None;
        let mut extra = Vec::new();
        let lookups: Vec<(&BlocklistIndex, Audience<'_>)> = if collections.is_empty() {
            vec![(&empty, Audience::Member { identity: &org.identity_id, collection_read: false, public_collection: false })]
        } else {
            collections
                .iter()
                .map(|(c, idx)| {
                    (&**idx, Audience::Member { identity: &org.identity_id, collection_read: c.can_read(org.id), public_collection: c.public })
                })
                .collect()
        };
        for (index, audience) in lookups {
            let v = links::check(input, &links::CheckContext { analyzer, index, audience })?;
            extra.extend(v.reasons.iter().filter(|r| r.indicator_id.is_some() || r.code.starts_with("blocklist")).cloned());
            if best.as_ref().is_none_or(|b| v.score > b.score) {
                best = Some(v);
            }
        }
        let Some(mut verdict) = best else { return links::check(input, &links::CheckContext { analyzer, index: &empty, audience: Audience::AnonymousLookup { ceiling: Tlp::Clear } }) };
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
        let cols = hub.store().list_collections()?;
        let previous = self.signature.read().map(|s| s.clone()).unwrap_or_default();
        let mut counts = Vec::with_capacity(cols.len());
        let mut changed = previous.as_ref().is_none_or(|p| p.len() != cols.len());
        for c in &cols {
            let count = hub.store().count(&c.id)?;
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
        let mut everything = BlocklistIndex::new();
        for (c, (_, count)) in cols.into_iter().zip(counts) {
            let (entries, newest) = collection_entries(hub, &c)?;
            let mut index = BlocklistIndex::new();
            for e in entries {
                let _ = everything.insert(e.clone());
                let _ = index.insert(e);
            }
            signature.push((c.id.clone(), count, newest));
            built.push((c, Arc::new(index)));
        }
        if let Ok(mut slot) = self.collections.write() {
            *slot = Arc::new(built);
        }
        self.anonymous.replace(everything);
        if let Ok(mut s) = self.signature.write() {
            *s = Some(signature);
        }
        Ok(true)
    }

    /// Refreshes every `period` until the process ends.
    pub fn spawn_refresher(self: Arc<Self>, hub: Hub, period: Duration) {
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(period);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                tick.tick().await;
                let (me, h) = (self.clone(), hub.clone());
                match tokio::task::spawn_blocking(move || me.refresh(&h)).await {
                    Ok(Ok(true)) => tracing::debug!("link blocklists rebuilt"),
                    Ok(Ok(false)) => {}
                    Ok(Err(e)) => tracing::warn!(error = %e, "link blocklists not rebuilt"),
                    Err(e) => tracing::warn!(error = %e, "link blocklist refresher failed"),
                }
            }
        });
    }
}

/// Blocklist entries of one collection's current, unrevoked, unexpired indicators, each with
/// the access the hub stored (its TLP, producer and recipients).
/// Also returns the newest `date_added` seen.
fn collection_entries(hub: &Hub, c: &Collection) -> Result<(Vec<links::BlockEntry>, i64), hub::HubError> {
    let now = chrono::Utc::now();
    let mut out = Vec::new();
    let mut after = None;
    loop {
        let rows = hub.scan_for_index(&c.id, "indicator", after, 5000)?;
        let Some(last) = rows.last() else { break };
        after = Some(last.date_added_us);
        let live: Vec<&StoredObject> = rows.iter().filter(|o| is_live(o, now)).collect();
        let access: HashMap<&str, tlp::Access> = live.iter().map(|o| (o.object_id.as_str(), o.access())).collect();
        let bundle = format!(
            "{{\"type\":\"bundle\",\"id\":\"bundle--00000000-0000-4000-8000-000000000000\",\"objects\":[{}]}}",
            live.iter().map(|o| o.body.as_str()).collect::<Vec<_>>().join(",")
        );
        let defaults = FeedDefaults::public(&c.title);
        if let Ok(import) = links::parse_feed(&bundle, FeedFormat::Stix, &defaults) {
            for mut e in import.entries {
                // The hub's stored access is authoritative (it applied the default TLP and
                // knows the producing organisation), not the object's own claims.
                match e.indicator_id.as_deref().and_then(|id| access.get(id)) {
                    Some(a) => e.access = a.clone(),
                    None => continue,
                }
                out.push(e);
            }
        }
        if rows.len() < 5000 {
            break;
        }
    }
    Ok((out, after.unwrap_or(0)))
}

fn is_live(o: &StoredObject, now: chrono::DateTime<chrono::Utc>) -> bool {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&o.body) else { return false };
    if v.get("revoked").and_then(serde_json::Value::as_bool) == Some(true) {
        return false;
    }
    match v.get("valid_until").and_then(serde_json::Value::as_str).map(stix::canonical_timestamp) {
        Some(Ok(until)) => until > now,
        _ => true,
    }
}
