//! Federation rules of the hub: which objects may cross a peering (both ways), ingestion of
//! objects received from a peer with provenance, and the pages a peer reads or is pushed.
//!
//! A peering is symmetric in its gate: an object crosses it, in either direction, only when
//! `tlp::may_read` lets a member that is neither producer nor recipient read it (so AMBER+STRICT
//! and RED never cross) and its level is at most the peering's `max_tlp`. Objects never go back
//! to the peer they came from (`origin`), and `x_postern_recipients` is removed from what leaves.
//! A member's sighting never leaves as it is (it says who saw what): when the member opted in
//! (`Hub::set_sightings_upward`), it leaves as an anonymised count created by the hub.

use std::borrow::Cow;
use std::collections::HashMap;

use serde_json::Value;
use store::{NewAudit, NewObject, ObjectQuery, Org, Peer, PutOutcome, StatusRecord, StoredObject, Version, VersionSel};
use tlp::{Access, Audience, Tlp};

use crate::ingest::{StatusDetail, StatusResource};
use crate::query::{decode_cursor, encode_cursor, fingerprint};
use crate::{Filters, Hub, HubError, Page, Principal, Result, bad};

/// The hub-local property that names AMBER+STRICT/RED recipients; it never leaves the hub.
pub const RECIPIENTS_PROPERTY: &str = "x_postern_recipients";

/// What one batch received from a peer did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Received {
    /// New versions stored.
    pub stored: u64,
    /// Versions already held (idempotent re-delivery).
    pub unchanged: u64,
    /// Refused by the TLP gate of the peering (each one is in the audit log).
    pub refused: u64,
    /// Not valid STIX 2.1, or conflicting with a stored version.
    pub invalid: u64,
    /// The TAXII status resource describing every object.
    pub status: Option<StatusResource>,
}

/// A page served to a peer, and how far the scan behind it went: the federation API root
/// sends that position as `X-TAXII-Date-Added-Last`, so that a page whose objects were all
/// withheld still moves the peer's checkpoint (a no-op sync stays one request).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerPage {
    pub page: Page,
    pub scanned_to_us: Option<i64>,
}

/// Objects to push to a peer: their outgoing JSON texts, and how far the local scan went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub bodies: Vec<String>,
    /// `date_added` of the last row examined (the next push checkpoint); `None` when nothing
    /// new was found.
    pub scanned_to_us: Option<i64>,
    /// True when the scan stopped at `batch` rows and there may be more.
    pub more: bool,
}

/// May an object with this access cross a peering whose agreed ceiling is `max_tlp`?
///
/// The peer is a member audience with read on the collection that is never a producer or a
/// recipient, so `tlp::may_read` keeps AMBER+STRICT and RED home; the ceiling is the peering's
/// own agreement (AMBER needs `--max-tlp amber`).
pub fn may_cross(max_tlp: Tlp, access: &Access) -> bool {
    // No producer or recipient can carry this identity: stored producers and recipients are STIX
    // identity ids or peer names, which may not contain control characters.
    let peer = Audience::Member { identity: "\u{0}peer", collection_read: true, public_collection: false };
    tlp::may_read(&peer, access) && access.tlp <= max_tlp
}

/// The object text as it may leave the hub: without `x_postern_recipients`.
pub fn outgoing_body(body: &str) -> Cow<'_, str> {
    if !body.contains(RECIPIENTS_PROPERTY) {
        return Cow::Borrowed(body);
    }
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(mut map)) => {
            map.remove(RECIPIENTS_PROPERTY);
            Cow::Owned(Value::Object(map).to_string())
        }
        // Stored bodies are JSON objects; anything else is withheld rather than sent as is.
        _ => Cow::Owned("{}".to_string()),
    }
}

impl Hub {
    /// The peering behind a request made with a peer hub's token: the token's organisation name
    /// must be the name of a peering of this hub.
    pub fn peer_of(&self, who: &Principal) -> Result<Peer> {
        let Principal::Member { org, .. } = who else {
            return Err(HubError::Unauthenticated("federation needs a peer hub's credentials".into()));
        };
        match self.store.peer(&org.name)? {
            Some(p) => Ok(p),
            None => Err(self.deny(
                who,
                "federation.access",
                &org.name,
                HubError::Forbidden(format!("organisation '{}' is not a federation peer of this hub", org.name)),
            )),
        }
    }

    /// Adds a peering after checking it; audited. `local_collection` may be empty when the hub
    /// has exactly one collection.
    pub fn add_peer(&self, mut peer: Peer, actor: &str) -> Result<Peer> {
        let name = peer.name.trim();
        if name.is_empty() || name.len() > 200 || name.chars().any(char::is_control) || name.contains(',') {
            return Err(bad("name", "a peer name is 1 to 200 printable characters without ','"));
        }
        peer.name = name.to_string();
        if !(peer.url.starts_with("http://") || peer.url.starts_with("https://")) {
            return Err(bad("url", format!("'{}' is not an http(s) URL", peer.url.chars().take(100).collect::<String>())));
        }
        if peer.remote_collection.trim().is_empty() {
            return Err(bad("collection", "the peer's collection id is required"));
        }
        if peer.max_tlp > Tlp::Amber {
            return Err(bad("max_tlp", "AMBER+STRICT and RED never leave a hub: the highest level a peering may carry is amber"));
        }
        if peer.local_collection.trim().is_empty() {
            let all = self.store.list_collections()?;
            match all.as_slice() {
                [only] => peer.local_collection = only.id.clone(),
                _ => {
                    return Err(bad("local_collection", format!("this hub has {} collections: say which one the peering uses", all.len())));
                }
            }
        }
        if self.store.collection(&peer.local_collection)?.is_none() {
            return Err(HubError::NotFound(format!("collection '{}' not found", peer.local_collection)));
        }
        if self.is_exercise_collection(&peer.local_collection)? {
            return Err(bad("local_collection", "an exercise's collection never federates"));
        }
        if peer.created.is_empty() {
            peer.created = store::now_rfc3339();
        }
        self.store.add_peer(&peer).map_err(|e| match e {
            store::StoreError::Duplicate { .. } => HubError::Conflict(e.to_string()),
            other => HubError::Store(other),
        })?;
        self.audit(
            actor,
            "peer.add",
            &peer.name,
            &format!(
                "{} {} collection {} local {} {} max {}",
                peer.url,
                peer.api_root,
                peer.remote_collection,
                peer.local_collection,
                peer.direction.as_str(),
                peer.max_tlp.name()
            ),
        )?;
        Ok(peer)
    }

    /// Removes a peering; audited.
    pub fn remove_peer(&self, name: &str, actor: &str) -> Result<()> {
        if !self.store.remove_peer(name)? {
            return Err(HubError::NotFound(format!("peer '{name}' not found")));
        }
        self.audit(actor, "peer.remove", name, "")
    }

    /// The peerings and their sync state, for hub administrators (the API and the portal).
    pub fn peers_overview(&self, who: &Principal) -> Result<Vec<(Peer, store::PeerState)>> {
        match who {
            Principal::Member { org, .. } if org.is_hub && who.is_admin() => {}
            Principal::Anonymous => return Err(HubError::Unauthenticated("listing peers needs a hub administrator token".into())),
            _ => return Err(self.deny(who, "peers.list", "", HubError::Forbidden("only hub administrators may list peers".into()))),
        }
        let peers = self.store.list_peers()?;
        peers
            .into_iter()
            .map(|p| {
                let state = self.store.peer_state(&p.name)?;
                Ok((p, state))
            })
            .collect()
    }

    /// Parses a pushed bundle or TAXII envelope and stores it as [`Hub::receive_from_peer`] does.
    pub fn receive_bundle_from_peer(&self, peer: &Peer, body: &[u8], actor: &str) -> Result<Received> {
        if body.len() > self.config.max_content_length {
            return Err(bad("body", format!("larger than max_content_length ({} bytes)", self.config.max_content_length)));
        }
        let bundle = stix::parse_bundle(body).map_err(|e| bad(e.field(), e.to_string()))?;
        self.receive_from_peer(peer, bundle.objects, actor)
    }

    /// Stores objects received from `peer` (pulled from it, or pushed by it) into the peering's
    /// local collection: each object is validated and gated on its own, refusals are audited one
    /// by one, and the rest is stored with `origin` = the peer's name in one transaction.
    pub fn receive_from_peer(&self, peer: &Peer, objects: Vec<Value>, actor: &str) -> Result<Received> {
        let hub_org = self.hub_org()?;
        let request_timestamp = store::now_rfc3339();
        let total = objects.len();
        let mut failures: Vec<(usize, StatusDetail)> = Vec::new();
        let mut accepted: Vec<usize> = Vec::with_capacity(total);
        let mut prepared: Vec<NewObject> = Vec::with_capacity(total);
        let mut refused = 0u64;
        let mut invalid = 0u64;
        for (index, obj) in objects.into_iter().enumerate() {
            match self.prepare_received(peer, &obj) {
                Ok(o) if may_cross(peer.max_tlp, &access_of(&o)) => {
                    accepted.push(index);
                    prepared.push(o);
                }
                Ok(o) => {
                    refused += 1;
                    let reason =
                        format!("{} is above what the peering with '{}' allows ({})", o.tlp.label(), peer.name, peer.max_tlp.label());
                    self.store.append(&NewAudit {
                        actor: actor.into(),
                        action: "federation.refused".into(),
                        target: o.object_id.clone(),
                        outcome: "denied".into(),
                        detail: reason.clone(),
                    })?;
                    failures.push((index, StatusDetail { id: o.object_id, version: o.version.map(|v| v.text), message: Some(reason) }));
                }
                Err(message) => {
                    invalid += 1;
                    failures.push((index, detail_of(&obj, message)));
                }
            }
        }
        let mut counts = Received { refused, invalid, ..Received::default() };
        let status_id = uuid::Uuid::new_v4().to_string();
        let mut built = None;
        self.store.add_objects(&peer.local_collection, &prepared, &mut |outcomes: &[PutOutcome]| {
            let mut successes = Vec::new();
            let mut all_failures = failures.clone();
            let (mut stored, mut unchanged, mut conflicts) = (0u64, 0u64, 0u64);
            for ((index, object), outcome) in accepted.iter().zip(&prepared).zip(outcomes) {
                let version = object.version.as_ref().map(|v| v.text.clone());
                let id = object.object_id.clone();
                match outcome {
                    PutOutcome::Stored { .. } => {
                        stored += 1;
                        successes.push((*index, StatusDetail { id, version, message: None }));
                    }
                    PutOutcome::AlreadyStored => {
                        unchanged += 1;
                        successes.push((*index, StatusDetail { id, version, message: Some("already stored".into()) }));
                    }
                    PutOutcome::Conflict => {
                        conflicts += 1;
                        let message = format!("a different object with this id and version is already stored from {}", object.producer);
                        all_failures.push((*index, StatusDetail { id, version, message: Some(message) }));
                    }
                    PutOutcome::OtherProducer => {
                        conflicts += 1;
                        all_failures.push((*index, StatusDetail { id, version, message: Some(crate::ingest::OTHER_PRODUCER.into()) }));
                    }
                }
            }
            let status = StatusResource::complete(&status_id, &request_timestamp, total, successes, all_failures);
            let audit = NewAudit {
                actor: actor.into(),
                action: "federation.receive".into(),
                target: peer.local_collection.clone(),
                outcome: status.outcome().into(),
                detail: format!(
                    "from peer '{}': {stored} stored, {unchanged} unchanged, {refused} refused by TLP, {} invalid or conflicting, of {total}",
                    peer.name,
                    invalid + conflicts
                ),
            };
            let body = serde_json::to_string(&status).unwrap_or_default();
            built = Some((status, stored, unchanged, conflicts));
            (StatusRecord { id: status_id.clone(), org_id: hub_org.id, body }, audit)
        })?;
        if let Some((status, stored, unchanged, conflicts)) = built {
            counts.stored = stored;
            counts.unchanged = unchanged;
            counts.invalid += conflicts;
            counts.status = Some(status);
        }
        Ok(counts)
    }

    /// Every peering, for the operator's console and the sync workers.
    pub fn peers(&self) -> Result<Vec<Peer>> {
        Ok(self.store.list_peers()?)
    }

    /// One peering by name.
    pub fn peer(&self, name: &str) -> Result<Option<Peer>> {
        Ok(self.store.peer(name)?)
    }

    /// The sync checkpoints and health of a peering.
    pub fn peer_state(&self, name: &str) -> Result<store::PeerState> {
        Ok(self.store.peer_state(name)?)
    }

    /// Persists a peering's checkpoints (after each stored page).
    pub fn save_peer_state(&self, name: &str, state: &store::PeerState) -> Result<()> {
        Ok(self.store.save_peer_state(name, state)?)
    }

    /// Takes or renews the database lease that lets one process sync `name` (until `until_us`).
    pub fn try_lease_peer(&self, name: &str, owner: &str, now_us: i64, until_us: i64) -> Result<bool> {
        Ok(self.store.try_lease_peer(name, owner, now_us, until_us)?)
    }

    /// A page of the peering's local collection as `peer` may receive it (TAXII Get Objects on
    /// the federation API root): gated, never what came from that peer, recipients stripped.
    pub fn peer_page(&self, peer: &Peer, collection_id: &str, filters: &Filters) -> Result<PeerPage> {
        if collection_id != peer.local_collection || self.is_exercise_collection(collection_id)? {
            return Err(HubError::NotFound(format!("collection '{}' not found", collection_id.chars().take(80).collect::<String>())));
        }
        let fp = fingerprint("federation", collection_id, filters);
        let mut after = filters.added_after_us;
        if let Some(next) = &filters.next {
            let cursor = decode_cursor(&self.cursor_key, fp, next)?;
            after = Some(after.map_or(cursor.after_us, |a| a.max(cursor.after_us)));
        }
        let limit =
            usize::try_from(filters.limit.unwrap_or(self.config.max_page_size as u64)).unwrap_or(usize::MAX).min(self.config.max_page_size);
        if limit == 0 {
            return Err(bad("limit", "must be at least 1"));
        }
        let query = ObjectQuery {
            collection_id: collection_id.to_string(),
            added_after_us: after,
            ids: filters.ids.clone(),
            types: filters.types.clone(),
            versions: if filters.versions.is_empty() { vec![VersionSel::All] } else { filters.versions.clone() },
            spec_versions: filters.spec_versions.clone(),
            batch: limit,
            candidates: Some(peer_candidates(peer)),
        };
        let out = self.gated_scan(peer, query, limit)?;
        let next = match (out.more, out.scanned_to_us) {
            (true, Some(r)) => Some(encode_cursor(&self.cursor_key, fp, r)?),
            _ => None,
        };
        Ok(PeerPage { page: Page { objects: out.objects, more: next.is_some(), next }, scanned_to_us: out.scanned_to_us })
    }

    /// The next objects to push to `peer`, in `date_added` order after `after_us`.
    pub fn outgoing(&self, peer: &Peer, after_us: Option<i64>, batch: usize) -> Result<Outgoing> {
        // An exercise's objects never leave the hub.
        if self.is_exercise_collection(&peer.local_collection)? {
            return Ok(Outgoing { bodies: Vec::new(), scanned_to_us: None, more: false });
        }
        let query = ObjectQuery {
            collection_id: peer.local_collection.clone(),
            added_after_us: after_us,
            ids: Vec::new(),
            types: Vec::new(),
            versions: vec![VersionSel::All],
            spec_versions: Vec::new(),
            batch,
            candidates: Some(peer_candidates(peer)),
        };
        let out = self.gated_scan(peer, query, batch)?;
        Ok(Outgoing { bodies: out.objects.into_iter().map(|o| o.body).collect(), scanned_to_us: out.scanned_to_us, more: out.more })
    }

    /// Reads at most `want` rows after the query's start and keeps those that may cross to
    /// `peer`, with their outgoing bodies.
    fn gated_scan(&self, peer: &Peer, mut query: ObjectQuery, want: usize) -> Result<Gated> {
        query.batch = want.max(1);
        let rows = self.store.scan(&query)?;
        let more = rows.len() >= query.batch;
        let scanned_to_us = rows.last().map(|r| r.date_added_us);
        let mut sightings: Option<SightingPolicy> = None;
        let mut objects = Vec::with_capacity(rows.len());
        for mut o in rows {
            if o.origin.as_deref() == Some(peer.name.as_str()) || !may_cross(peer.max_tlp, &o.access()) {
                continue;
            }
            // A member's sighting says who saw what: it leaves only as the hub's anonymised
            // count, and only for organisations that opted in. Sightings received from a peer
            // were already cleared by the hub that sent them.
            if o.object_type == "sighting" && o.origin.is_none() {
                let policy = match &mut sightings {
                    Some(p) => p,
                    None => sightings.insert(self.sighting_policy()?),
                };
                if o.producer != policy.hub_identity {
                    if !policy.opted_in(self, &o.producer)? {
                        continue;
                    }
                    let Some(anonymous) =
                        anonymised_sighting(&o.body, o.tlp, &policy.hub_identity, &self.id_namespace(&policy.hub_identity))
                    else {
                        continue;
                    };
                    o.object_id = anonymous.id;
                    o.producer = policy.hub_identity.clone();
                    o.recipients = Vec::new();
                    o.body = anonymous.body;
                    objects.push(o);
                    continue;
                }
            }
            if let Cow::Owned(b) = outgoing_body(&o.body) {
                o.body = b;
            }
            objects.push(o);
        }
        Ok(Gated { objects, scanned_to_us, more })
    }

    /// Lets the sightings of organisation `org_name` travel to peers as anonymised counts made
    /// by the hub (`enabled`), or keeps them home (the default); audited.
    pub fn set_sightings_upward(&self, org_name: &str, enabled: bool, actor: &str) -> Result<Org> {
        let org = self.org(org_name)?;
        if org.is_hub {
            return Err(bad("org", "the hub's own sightings are the hub's to share: they need no opt-in"));
        }
        self.store.set_meta(&sightings_key(&org.identity_id), if enabled { "1" } else { "0" })?;
        self.audit(actor, "org.sightings_upward", &org.name, if enabled { "enabled" } else { "disabled" })?;
        Ok(org)
    }

    /// Whether `org` opted in to sending its sightings upward as anonymised counts.
    pub fn sightings_upward(&self, org: &Org) -> Result<bool> {
        Ok(self.store.meta(&sightings_key(&org.identity_id))?.as_deref() == Some("1"))
    }

    fn sighting_policy(&self) -> Result<SightingPolicy> {
        Ok(SightingPolicy { hub_identity: self.hub_org()?.identity_id, known: HashMap::new() })
    }

    /// Validates an object received from a peer, without touching its content.
    fn prepare_received(&self, peer: &Peer, obj: &Value) -> std::result::Result<NewObject, String> {
        let summary = stix::validate_object(obj).map_err(|e| e.to_string())?;
        // A peer speaks for its own producers, never for this hub's members: an object claiming
        // a local organisation's identity could otherwise version that member's objects here.
        if let Some(claimed) = &summary.created_by_ref
            && self.store.identity_owner(claimed).map_err(|e| e.to_string())?.is_some()
        {
            return Err(format!("created_by_ref {claimed} is an identity of a member of this hub; a peer cannot share as it"));
        }
        let tlp = tlp::most_restrictive(summary.marking_refs.iter().map(String::as_str)).unwrap_or(self.config.default_tlp);
        let version = match summary.modified.as_ref().or(summary.created.as_ref()) {
            Some(text) => {
                let t = stix::canonical_timestamp(text).map_err(|e| format!("version timestamp: {e}"))?;
                Some(Version { text: text.clone(), nanos: t.timestamp_nanos_opt().ok_or("version timestamp out of range")? })
            }
            None => None,
        };
        Ok(NewObject {
            object_id: summary.id,
            object_type: summary.object_type,
            spec_version: summary.spec_version,
            version,
            tlp,
            // The producer for TLP purposes is who made it upstream, or the peer when unsaid.
            producer: summary.created_by_ref.unwrap_or_else(|| peer.name.clone()),
            recipients: if tlp.is_recipient_restricted() { summary.recipients } else { Vec::new() },
            body: serde_json::to_string(obj).map_err(|e| e.to_string())?,
            origin: Some(peer.name.clone()),
            may_version_others: false,
        })
    }
}

/// What a peering could ever let cross: [`may_cross`] never lets AMBER+STRICT or RED leave.
fn peer_candidates(peer: &Peer) -> tlp::Candidates {
    tlp::Candidates { open_up_to: Some(peer.max_tlp.min(Tlp::Amber)), identity: None }
}

/// The MetaStore key holding an organisation's opt-in (`"1"`), by STIX identity id.
fn sightings_key(identity_id: &str) -> String {
    format!("sightings_upward:{identity_id}")
}

/// Opt-ins looked up during one scan, so a page of sightings costs one read per producer.
struct SightingPolicy {
    hub_identity: String,
    known: HashMap<String, bool>,
}

impl SightingPolicy {
    fn opted_in(&mut self, hub: &Hub, producer: &str) -> Result<bool> {
        if let Some(v) = self.known.get(producer) {
            return Ok(*v);
        }
        let v = hub.store.meta(&sightings_key(producer))?.as_deref() == Some("1");
        self.known.insert(producer.to_string(), v);
        Ok(v)
    }
}

/// A sighting rebuilt as the hub's own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AnonymisedSighting {
    pub id: String,
    pub body: String,
}

/// The anonymised form of a member's sighting: a new sighting created by `hub_identity`, with
/// an id derived from the original id under the hub's keyed namespace (so re-sending it is
/// idempotent, and nobody else can link the two ids), the same `created` and
/// `modified` (so its versions follow the original's), `sighting_of_ref`, `count`, `first_seen`,
/// `last_seen` and `summary`, sighted where the hub is, and marked with the original's effective
/// TLP level. Everything else (where_sighted_refs, observed_data_refs, description, external
/// references, labels, extensions, other markings...) may name the member and is left out.
/// `None` when the stored body is not a sighting with a `sighting_of_ref`.
pub(crate) fn anonymised_sighting(body: &str, tlp: Tlp, hub_identity: &str, namespace: &uuid::Uuid) -> Option<AnonymisedSighting> {
    let Ok(Value::Object(original)) = serde_json::from_str::<Value>(body) else {
        return None;
    };
    if original.get("type").and_then(Value::as_str) != Some("sighting") {
        return None;
    }
    let original_id = original.get("id").and_then(Value::as_str)?;
    original.get("sighting_of_ref").and_then(Value::as_str)?;
    let name = format!("{hub_identity}\n{original_id}");
    let id = format!("sighting--{}", uuid::Uuid::new_v5(namespace, name.as_bytes()));
    let mut out = serde_json::Map::new();
    out.insert("type".into(), Value::from("sighting"));
    out.insert("spec_version".into(), Value::from("2.1"));
    out.insert("id".into(), Value::from(id.clone()));
    for key in ["created", "modified", "sighting_of_ref", "count", "first_seen", "last_seen", "summary"] {
        if let Some(v) = original.get(key) {
            out.insert(key.into(), v.clone());
        }
    }
    out.insert("created_by_ref".into(), Value::from(hub_identity));
    out.insert("where_sighted_refs".into(), Value::from(vec![hub_identity]));
    out.insert("object_marking_refs".into(), Value::from(vec![tlp.marking_id()]));
    Some(AnonymisedSighting { id, body: Value::Object(out).to_string() })
}

struct Gated {
    objects: Vec<StoredObject>,
    scanned_to_us: Option<i64>,
    more: bool,
}

fn access_of(o: &NewObject) -> Access {
    Access { tlp: o.tlp, producer: o.producer.clone(), recipients: o.recipients.clone() }
}

fn detail_of(obj: &Value, message: String) -> StatusDetail {
    let id = obj.get("id").and_then(Value::as_str).map(|s| s.chars().take(300).collect()).unwrap_or_else(|| "(no id)".to_string());
    let version = obj.get("modified").or_else(|| obj.get("created")).and_then(Value::as_str).map(|s| s.chars().take(64).collect());
    StatusDetail { id, version, message: Some(message) }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::json;
    use store::{PeerAuth, PeerDirection, Role, SqliteStore};

    use super::*;
    use crate::{CollectionSpec, HubConfig, ReadGrant};

    struct World {
        _dir: tempfile::TempDir,
        hub: Hub,
        member: Principal,
        peer: Peer,
    }

    fn world(max_tlp: Tlp) -> World {
        let dir = tempfile::tempdir().expect("temp dir");
        let hub = Hub::open(Arc::new(SqliteStore::open(dir.path()).expect("store")), HubConfig::default()).expect("hub");
        hub.add_org("La Poste", Some("FR"), "test").expect("org");
        let spec = CollectionSpec {
            title: "intel".into(),
            description: None,
            read: ReadGrant::AllMembers,
            // The hub's own administrators write too (hub-made objects).
            write: vec!["La Poste".into(), "hub".into()],
            public: false,
        };
        hub.add_collection(&spec, "test").expect("collection");
        let token = hub.issue_token("La Poste", Role::Analyst, "test").expect("token");
        let member = hub.authenticate(Some(&format!("Bearer {}", token.token))).expect("auth");
        let peer = Peer {
            name: "regional".into(),
            url: "http://127.0.0.1:9".into(),
            api_root: "/federation/".into(),
            remote_collection: "remote".into(),
            local_collection: String::new(),
            auth: PeerAuth::Bearer("t".into()),
            direction: PeerDirection::Both,
            max_tlp,
            created: String::new(),
        };
        let peer = hub.add_peer(peer, "test").expect("peer");
        World { _dir: dir, hub, member, peer }
    }

    fn indicator(n: u32, tlp: Option<Tlp>) -> Value {
        let mut o = json!({
            "type": "indicator", "spec_version": "2.1",
            "id": format!("indicator--00000000-0000-4000-8000-{n:012}"),
            "created": "2024-01-01T00:00:00.000Z", "modified": "2024-01-01T00:00:00.000Z",
            "pattern": format!("[domain-name:value = 'laposte-{n}.top']"), "pattern_type": "stix",
            "valid_from": "2024-01-01T00:00:00Z"
        });
        if let Some(t) = tlp {
            o["object_marking_refs"] = json!([t.marking_id()]);
        }
        o
    }

    #[test]
    fn received_objects_are_gated_audited_and_keep_their_provenance() {
        let w = world(Tlp::Green);
        let objects = vec![
            indicator(1, Some(Tlp::Clear)),
            indicator(2, Some(Tlp::Amber)),
            json!({"type": "indicator", "id": "indicator--nonsense"}),
            indicator(3, Some(Tlp::Red)),
            indicator(4, Some(Tlp::Green)),
        ];
        let got = w.hub.receive_from_peer(&w.peer, objects, "peer:regional").expect("receive");
        assert_eq!((got.stored, got.unchanged, got.refused, got.invalid), (2, 0, 2, 1));
        let status = got.status.expect("status");
        assert_eq!((status.success_count, status.failure_count), (2, 3));
        let audit = w.hub.store().entries(0, 100).expect("audit");
        let refused: Vec<&str> = audit.iter().filter(|e| e.action == "federation.refused").map(|e| e.target.as_str()).collect();
        assert_eq!(refused, ["indicator--00000000-0000-4000-8000-000000000002", "indicator--00000000-0000-4000-8000-000000000003"]);
        // Idempotent on (id, modified).
        let again = w.hub.receive_from_peer(&w.peer, vec![indicator(1, Some(Tlp::Clear))], "peer:regional").expect("receive");
        assert_eq!((again.stored, again.unchanged), (0, 1));
        // Stored with the peer as origin and as producer (no created_by_ref), never sent back.
        let out = w.hub.outgoing(&w.peer, None, 100).expect("outgoing");
        assert!(out.bodies.is_empty() && out.scanned_to_us.is_some() && !out.more);
        let page = w.hub.peer_page(&w.peer, &w.peer.local_collection, &Filters::default()).expect("page");
        assert!(page.page.objects.is_empty() && page.scanned_to_us.is_some());
    }

    #[test]
    fn what_leaves_is_gated_stripped_and_paged() {
        let w = world(Tlp::Green);
        let me = w.member.org().expect("org").identity_id.clone();
        let mut green = indicator(1, Some(Tlp::Green));
        green[RECIPIENTS_PROPERTY] = json!([me]);
        let mut red = indicator(2, Some(Tlp::Red));
        red[RECIPIENTS_PROPERTY] = json!([me]);
        let objects = vec![green, red, indicator(3, Some(Tlp::Amber)), indicator(4, None), indicator(5, Some(Tlp::Clear))];
        let body = serde_json::to_vec(&json!({ "objects": objects })).expect("json");
        w.hub.add_objects(&w.member, &w.peer.local_collection, &body).expect("add");
        // Pushed in batches of one: GREEN (stripped) and CLEAR leave; RED, AMBER and unmarked
        // (default AMBER) stay, and are not even scanned.
        let (mut bodies, mut after, mut batches) = (Vec::new(), None, 0);
        loop {
            let out = w.hub.outgoing(&w.peer, after, 1).expect("outgoing");
            bodies.extend(out.bodies);
            after = out.scanned_to_us;
            batches += 1;
            if !out.more {
                break;
            }
        }
        assert_eq!(bodies.len(), 2, "{bodies:?}");
        assert!(bodies.iter().all(|b| !b.contains(RECIPIENTS_PROPERTY)));
        assert!(bodies[0].contains(tlp::TLP2_GREEN) && bodies[1].contains(tlp::TLP2_CLEAR));
        assert!(batches <= 3, "{batches} batches for 2 candidate rows");
        let mut filters = Filters { limit: Some(1), ..Filters::default() };
        let mut served = 0;
        for _ in 0..5 {
            let page = w.hub.peer_page(&w.peer, &w.peer.local_collection, &filters).expect("page");
            served += page.page.objects.len();
            match page.page.next {
                Some(next) => filters.next = Some(next),
                None => break,
            }
        }
        assert_eq!(served, 2);
        assert!(w.hub.peer_page(&w.peer, "other", &Filters::default()).is_err());
    }

    #[test]
    fn peerings_are_checked_and_only_admins_list_them() {
        let w = world(Tlp::Amber);
        let mut red = w.peer.clone();
        red.name = "x".into();
        red.max_tlp = Tlp::Red;
        assert!(matches!(w.hub.add_peer(red, "test"), Err(HubError::BadRequest { .. })));
        assert!(matches!(w.hub.add_peer(w.peer.clone(), "test"), Err(HubError::Conflict(_))));
        assert!(matches!(w.hub.peers_overview(&w.member), Err(HubError::Forbidden(_))));
        let admin = w.hub.issue_token("hub", Role::Admin, "test").expect("token");
        let admin = w.hub.authenticate(Some(&format!("Bearer {}", admin.token))).expect("auth");
        assert_eq!(w.hub.peers_overview(&admin).expect("list").len(), 1);
        assert!(matches!(w.hub.peer_of(&w.member), Err(HubError::Forbidden(_))));
        w.hub.remove_peer("regional", "test").expect("remove");
        assert!(matches!(w.hub.remove_peer("regional", "test"), Err(HubError::NotFound(_))));
    }

    fn check(tlp: Tlp, max: Tlp, expected: bool) {
        let access = Access { tlp, producer: "identity--x".into(), recipients: vec![String::new()] };
        assert_eq!(may_cross(max, &access), expected, "{tlp:?} over a peering with max {max:?}");
    }

    #[test]
    fn the_gate_follows_the_federation_table() {
        for max in [Tlp::Clear, Tlp::Green, Tlp::Amber] {
            check(Tlp::Clear, max, true);
            check(Tlp::Green, max, max >= Tlp::Green);
            check(Tlp::Amber, max, max == Tlp::Amber);
            check(Tlp::AmberStrict, max, false);
            check(Tlp::Red, max, false);
        }
        // Even a misconfigured ceiling never lets AMBER+STRICT or RED out.
        check(Tlp::Red, Tlp::Red, false);
        check(Tlp::AmberStrict, Tlp::Red, false);
    }

    fn sighting(n: u32, member: &str, tlp: Option<Tlp>) -> Value {
        let mut o = json!({
            "type": "sighting", "spec_version": "2.1",
            "id": format!("sighting--00000000-0000-4000-8000-{n:012}"),
            "created": "2024-01-02T00:00:00.000Z", "modified": "2024-01-02T00:00:00.000Z",
            "sighting_of_ref": "indicator--00000000-0000-4000-8000-000000000001",
            "count": 7, "first_seen": "2024-01-01T08:00:00Z", "last_seen": "2024-01-01T18:00:00Z",
            "where_sighted_refs": [member], "observed_data_refs": ["observed-data--00000000-0000-4000-8000-000000000009"],
            "description": "seen by the La Poste SOC in Lyon", "labels": ["la-poste"]
        });
        if let Some(t) = tlp {
            o["object_marking_refs"] = json!([t.marking_id()]);
        }
        o
    }

    fn sightings_out(w: &World) -> Vec<Value> {
        let out = w.hub.outgoing(&w.peer, None, 100).expect("outgoing");
        let page = w.hub.peer_page(&w.peer, &w.peer.local_collection, &Filters::default()).expect("page");
        let served: Vec<&str> = page.page.objects.iter().map(|o| o.body.as_str()).collect();
        assert_eq!(served, out.bodies.iter().map(String::as_str).collect::<Vec<_>>(), "pulled and pushed alike");
        out.bodies.iter().map(|b| serde_json::from_str::<Value>(b).expect("json")).filter(|v| v["type"] == "sighting").collect()
    }

    #[test]
    fn member_sightings_leave_only_anonymised_and_only_when_opted_in() {
        let w = world(Tlp::Green);
        let me = w.member.org().expect("org").identity_id.clone();
        let objects = vec![indicator(1, Some(Tlp::Green)), sighting(1, &me, Some(Tlp::Green)), sighting(2, &me, Some(Tlp::Amber))];
        let body = serde_json::to_vec(&json!({ "objects": objects })).expect("json");
        let status = w.hub.add_objects(&w.member, &w.peer.local_collection, &body).expect("add");
        assert_eq!(status.failure_count, 0, "{status:?}");

        // Not opted in (the default): the indicator leaves, the sightings do not.
        let out = w.hub.outgoing(&w.peer, None, 100).expect("outgoing");
        assert_eq!(out.bodies.len(), 1);
        assert!(out.bodies[0].contains("\"indicator\"") && sightings_out(&w).is_empty());

        let org = w.hub.set_sightings_upward("La Poste", true, "test").expect("opt in");
        assert!(w.hub.sightings_upward(&org).expect("flag"));
        let hub_identity = w.hub.hub_org().expect("hub").identity_id;
        let got = sightings_out(&w);
        assert_eq!(got.len(), 1, "the AMBER sighting stays behind the GREEN peering");
        let s = &got[0];
        let text = s.to_string();
        assert!(!text.contains(&me), "the member's identity never leaves: {text}");
        assert!(!text.contains("La Poste") && !text.contains("observed-data") && !text.contains("labels"), "{text}");
        assert_eq!(s["created_by_ref"], hub_identity.as_str());
        assert_eq!(s["where_sighted_refs"], json!([hub_identity]));
        assert_eq!(s["object_marking_refs"], json!([Tlp::Green.marking_id()]));
        for key in ["sighting_of_ref", "count", "first_seen", "last_seen", "created", "modified"] {
            assert_eq!(s[key], sighting(1, &me, None)[key], "{key}");
        }
        assert_ne!(s["id"], sighting(1, &me, None)["id"]);
        stix::validate_object(s).expect("valid STIX");
        // Deterministic: the same id on every scan, so re-pushes are idempotent.
        assert_eq!(sightings_out(&w)[0]["id"], s["id"]);

        w.hub.set_sightings_upward("La Poste", false, "test").expect("opt out");
        assert!(sightings_out(&w).is_empty());
        assert!(matches!(w.hub.set_sightings_upward("hub", true, "test"), Err(HubError::BadRequest { .. })));
        assert!(matches!(w.hub.set_sightings_upward("nobody", true, "test"), Err(HubError::NotFound(_))));
        let audit = w.hub.store().entries(0, 100).expect("audit");
        assert_eq!(audit.iter().filter(|e| e.action == "org.sightings_upward").count(), 2);
    }

    #[test]
    fn sightings_from_peers_and_from_the_hub_itself_leave_as_they_are() {
        let w = world(Tlp::Green);
        let hub_identity = w.hub.hub_org().expect("hub").identity_id;
        let mut other = w.peer.clone();
        other.name = "other".into();
        let other = w.hub.add_peer(other, "test").expect("peer");
        // From another hub, already anonymised there: forwarded unchanged.
        let upstream = sighting(5, "identity--00000000-0000-4000-8000-00000000000a", Some(Tlp::Green));
        w.hub.receive_from_peer(&other, vec![upstream.clone()], "peer:other").expect("receive");
        // Made by the hub's own administrators.
        let admin = w.hub.issue_token("hub", Role::Admin, "test").expect("token");
        let admin = w.hub.authenticate(Some(&format!("Bearer {}", admin.token))).expect("auth");
        let own = sighting(6, &hub_identity, Some(Tlp::Clear));
        let body = serde_json::to_vec(&json!({ "objects": [own] })).expect("json");
        w.hub.add_objects(&admin, &w.peer.local_collection, &body).expect("add");
        let ids: Vec<Value> = sightings_out(&w).into_iter().map(|s| s["id"].clone()).collect();
        assert_eq!(ids, [upstream["id"].clone(), sighting(6, "", None)["id"].clone()]);
    }

    #[test]
    fn anonymised_sightings_refuse_what_is_not_a_sighting() {
        assert!(anonymised_sighting("not json", Tlp::Clear, "identity--h", &uuid::Uuid::nil()).is_none());
        assert!(
            anonymised_sighting(r#"{"type":"indicator","id":"indicator--1"}"#, Tlp::Clear, "identity--h", &uuid::Uuid::nil()).is_none()
        );
        assert!(anonymised_sighting(r#"{"type":"sighting","id":"sighting--1"}"#, Tlp::Clear, "identity--h", &uuid::Uuid::nil()).is_none());
        let a = anonymised_sighting(
            r#"{"type":"sighting","id":"sighting--1","sighting_of_ref":"x"}"#,
            Tlp::Clear,
            "identity--h",
            &uuid::Uuid::nil(),
        );
        let b = anonymised_sighting(
            r#"{"type":"sighting","id":"sighting--1","sighting_of_ref":"x"}"#,
            Tlp::Clear,
            "identity--g",
            &uuid::Uuid::nil(),
        );
        assert_ne!(a.expect("a").id, b.expect("b").id, "the id depends on the hub");
    }

    #[test]
    fn recipients_are_stripped_from_what_leaves() {
        let body = r#"{"type":"indicator","id":"indicator--1","x_postern_recipients":["identity--a"]}"#;
        let out = outgoing_body(body);
        assert!(!out.contains(RECIPIENTS_PROPERTY), "{out}");
        assert!(out.contains("indicator--1"));
        assert!(matches!(outgoing_body(r#"{"type":"indicator"}"#), Cow::Borrowed(_)));
    }
}
