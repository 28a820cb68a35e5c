//! Add Objects: validate each object of a bundle on its own, stamp or check provenance, apply
//! the TLP marking, store the valid ones and describe every outcome in a status resource.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;
use store::{NewAudit, NewObject, PutOutcome, StatusRecord, Version};

use crate::{Hub, HubError, Principal, Result, bad};

/// A TAXII 2.1 status resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StatusResource {
    pub id: String,
    pub status: String,
    pub request_timestamp: String,
    pub total_count: u64,
    pub success_count: u64,
    pub failure_count: u64,
    pub pending_count: u64,
    pub successes: Vec<StatusDetail>,
    pub failures: Vec<StatusDetail>,
    pub pendings: Vec<StatusDetail>,
}

/// One object's outcome inside a status resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StatusDetail {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Where an object that passed validation sat in the bundle, and what to tell its poster.
struct Accepted {
    index: usize,
    note: Option<String>,
}

impl StatusResource {
    /// A finished request's status: every object's outcome, in the order of the bundle.
    pub(crate) fn complete(
        id: &str,
        request_timestamp: &str,
        total: usize,
        mut successes: Vec<(usize, StatusDetail)>,
        mut failures: Vec<(usize, StatusDetail)>,
    ) -> StatusResource {
        successes.sort_by_key(|(i, _)| *i);
        failures.sort_by_key(|(i, _)| *i);
        StatusResource {
            id: id.to_string(),
            status: "complete".into(),
            request_timestamp: request_timestamp.to_string(),
            total_count: total as u64,
            success_count: successes.len() as u64,
            failure_count: failures.len() as u64,
            pending_count: 0,
            successes: successes.into_iter().map(|(_, d)| d).collect(),
            failures: failures.into_iter().map(|(_, d)| d).collect(),
            pendings: Vec::new(),
        }
    }

    /// The audit log's word for the request: `ok`, `partial` or `failed`.
    pub(crate) fn outcome(&self) -> &'static str {
        match (self.success_count, self.failure_count) {
            (_, 0) => "ok",
            (0, _) => "failed",
            _ => "partial",
        }
    }
}

impl Hub {
    /// The organisation of `who` if it may add objects to `collection_id`; otherwise the
    /// refusal, audited.
    fn writer<'a>(&self, who: &'a Principal, collection_id: &str) -> Result<&'a store::Org> {
        let (collection, grant) = self.collection_access(who, collection_id)?;
        let refuse = |e: HubError| Err(self.deny(who, "objects.add", collection_id, e));
        match who {
            Principal::Anonymous => refuse(HubError::Unauthenticated("adding objects needs credentials".into())),
            Principal::Member { role, .. } if !role.may_write() => {
                refuse(HubError::Forbidden(format!("a {} token may not add objects", role.as_str())))
            }
            Principal::Member { org, .. } if !grant.write => {
                refuse(HubError::Forbidden(format!("organisation '{}' may not write to collection '{}'", org.name, collection.title)))
            }
            Principal::Member { org, .. } => Ok(org),
        }
    }

    /// Handles a TAXII Add Objects request body for `collection_id`.
    pub fn add_objects(&self, who: &Principal, collection_id: &str, body: &[u8]) -> Result<StatusResource> {
        self.add_objects_deciding(who, collection_id, body, None)
    }

    /// Triage "accept": stores the indicator (and sighting) of a citizen report and decides the
    /// report in one transaction. Every object must be valid and stored, and the report still
    /// new, or nothing is written: a report accepted twice yields one indicator, never an
    /// indicator without a decision. A report decided meanwhile is a [`HubError::Conflict`].
    pub fn accept_report(
        &self,
        who: &Principal,
        collection_id: &str,
        body: &[u8],
        report_id: i64,
        decision: &store::portal::ReportDecision,
    ) -> Result<StatusResource> {
        self.add_objects_deciding(who, collection_id, body, Some(store::ReportClaim { report_id, decision }))
    }

    fn add_objects_deciding(
        &self,
        who: &Principal,
        collection_id: &str,
        body: &[u8],
        claim: Option<store::ReportClaim<'_>>,
    ) -> Result<StatusResource> {
        let org = self.writer(who, collection_id)?;
        if body.len() > self.config.max_content_length {
            return Err(bad("body", format!("larger than max_content_length ({} bytes)", self.config.max_content_length)));
        }
        let bundle = stix::parse_bundle(body).map_err(|e| bad(e.field(), e.to_string()))?;
        if let Some(dup) = stix::duplicate_versions(&bundle.objects).first() {
            return Err(bad(format!("objects[{}].id", dup.index), dup.to_string()));
        }
        let request_timestamp = store::now_rfc3339();
        let total = bundle.objects.len();
        let Prepared { accepted, objects, reserved, failures } = self.prepare_bundle(who, org, collection_id, bundle.objects)?;
        if claim.is_some()
            && let Some((index, detail)) = failures.first()
        {
            return Err(bad(format!("objects[{index}]"), detail.message.clone().unwrap_or_else(|| "not accepted".into())));
        }
        let status_id = uuid::Uuid::new_v4().to_string();
        let mut built: Option<StatusResource> = None;
        let actor = who.actor();
        let stored = self.store.add_objects_deciding(
            collection_id,
            &objects,
            &mut |outcomes: &[PutOutcome]| {
                let mut successes = reserved.clone();
                let mut all_failures: Vec<(usize, StatusDetail)> = failures.clone();
                let mut corrected = Vec::new();
                for ((a, object), outcome) in accepted.iter().zip(&objects).zip(outcomes) {
                    let version = object.version.as_ref().map(|v| v.text.clone());
                    let detail = |message: Option<String>| StatusDetail { id: object.object_id.clone(), version: version.clone(), message };
                    match outcome {
                        PutOutcome::Stored { over_other_producer, .. } => {
                            if *over_other_producer {
                                corrected.push(object.object_id.clone());
                            }
                            successes.push((a.index, detail(a.note.clone())))
                        }
                        PutOutcome::AlreadyStored => {
                            successes.push((a.index, detail(Some("already stored (identical version): nothing changed".into()))))
                        }
                        PutOutcome::Conflict => all_failures.push((a.index, detail(Some(conflict_message(object))))),
                        PutOutcome::OtherProducer => all_failures.push((a.index, detail(Some(OTHER_PRODUCER.into())))),
                    }
                }
                let status = StatusResource::complete(&status_id, &request_timestamp, total, successes, all_failures);
                let body = serde_json::to_string(&status).unwrap_or_default();
                let outcome = status.outcome();
                let audit = NewAudit {
                    actor: actor.clone(),
                    action: "objects.add".into(),
                    target: collection_id.into(),
                    outcome: outcome.into(),
                    detail: format!(
                        "status {status_id}: {} stored or unchanged, {} failed of {total}{}",
                        status.success_count,
                        status.failure_count,
                        if corrected.is_empty() {
                            String::new()
                        } else {
                            format!("; as hub administrator, versioned objects of other producers: {}", corrected.join(" "))
                        }
                    ),
                };
                built = Some(status);
                (StatusRecord { id: status_id.clone(), org_id: org.id, body }, audit)
            },
            claim,
        );
        match stored {
            Err(store::StoreError::Conflict(why)) => return Err(HubError::Conflict(why)),
            other => other?,
        };
        built.ok_or_else(|| HubError::Store(store::StoreError::Corrupt("status not built".into())))
    }

    /// Validates every object of a bundle, then resolves the identities they claim in
    /// `created_by_ref` (binding unknown ones to the poster), then prepares each: so an object
    /// is prepared the same way whatever its place in the bundle and whether it was posted before.
    fn prepare_bundle(&self, who: &Principal, org: &store::Org, collection_id: &str, bundle: Vec<Value>) -> Result<Prepared> {
        // Markings this bundle declares as TLP levels under ids of their own (a platform's
        // custom TLP markings): objects marked with them are never read as unmarked.
        let declared: HashMap<String, tlp::Tlp> = bundle.iter().filter_map(declared_tlp).collect();
        let validated: Vec<(Value, std::result::Result<stix::ObjectSummary, String>)> = bundle
            .into_iter()
            .map(|obj| {
                // The reserved TLP markings are the hub's own, whatever shape a platform gives them.
                let summary = match reserved_marking(&obj) {
                    true => Err(RESERVED_MARKING.to_string()),
                    false => stix::validate_object(&obj).map_err(|e| e.to_string()),
                };
                (obj, summary)
            })
            .collect();
        let claimed = validated.iter().filter_map(|(_, s)| s.as_ref().ok()?.created_by_ref.as_deref());
        let context = Context {
            identities: self.resolve_identities(who, org, collection_id, claimed)?,
            inherited: inherited_tlp(&validated, &declared),
            declared,
            may_version_others: org.is_hub && who.is_admin(),
        };
        let mut out = Prepared { accepted: Vec::new(), objects: Vec::new(), reserved: Vec::new(), failures: Vec::new() };
        for (index, (mut obj, summary)) in validated.into_iter().enumerate() {
            if reserved_marking(&obj) {
                out.reserved.push((index, detail_of(&obj, RESERVED_MARKING.into())));
                continue;
            }
            match summary.and_then(|summary| self.prepare(org, &context, summary, &mut obj)) {
                Ok((object, note)) => {
                    out.accepted.push(Accepted { index, note });
                    out.objects.push(*object);
                }
                Err(message) => out.failures.push((index, detail_of(&obj, message))),
            }
        }
        Ok(out)
    }

    /// The organisation each claimed `created_by_ref` identity speaks for. An identity no
    /// organisation holds is bound to the poster on first use (audited), so a member's own
    /// platform (OpenCTI, MISP) can share under the identity it already writes.
    fn resolve_identities<'a>(
        &self,
        who: &Principal,
        org: &store::Org,
        collection_id: &str,
        claimed: impl Iterator<Item = &'a str>,
    ) -> Result<HashMap<String, i64>> {
        let mut owners = HashMap::new();
        for identity in claimed {
            if owners.contains_key(identity) {
                continue;
            }
            let owner = match self.store.identity_owner(identity)? {
                Some(owner) => owner,
                None => {
                    let audit = NewAudit {
                        actor: who.actor(),
                        action: "identity.bind".into(),
                        target: identity.into(),
                        outcome: "ok".into(),
                        detail: format!("bound to organisation '{}' on first use (Add Objects to collection {collection_id})", org.name),
                    };
                    match self.store.bind_identity(identity, org.id, &audit) {
                        Ok(b) => b.org_id,
                        // Another request bound it first: whoever holds it now decides.
                        Err(store::StoreError::Duplicate { .. }) => self.store.identity_owner(identity)?.unwrap_or(-1),
                        Err(e) => return Err(e.into()),
                    }
                }
            };
            owners.insert(identity.to_string(), owner);
        }
        Ok(owners)
    }

    /// Turns one validated object into what the store keeps and what to tell its poster, or
    /// says why not.
    fn prepare(
        &self,
        org: &store::Org,
        context: &Context,
        summary: stix::ObjectSummary,
        obj: &mut Value,
    ) -> std::result::Result<(Box<NewObject>, Option<String>), String> {
        let identities = &context.identities;
        let speaks_for_poster = |identity: &str| identity == org.identity_id || identities.get(identity) == Some(&org.id);
        if summary.object_type == "identity"
            && summary.id != org.identity_id
            && self.store.identity_owner(&summary.id).map_err(|e| e.to_string())?.is_some_and(|owner| owner != org.id)
        {
            return Err(format!(
                "403 forbidden: {} is the identity of another organisation; only that organisation may share it",
                summary.id
            ));
        }
        let stamps = matches!(summary.kind, stix::ObjectKind::Sdo | stix::ObjectKind::Sro)
            && !(summary.object_type == "identity" && (summary.id == org.identity_id || identities.get(&summary.id) == Some(&org.id)));
        match &summary.created_by_ref {
            Some(claimed) if !speaks_for_poster(claimed) => {
                return Err(format!(
                    "403 forbidden: created_by_ref {claimed} is an identity of another organisation; share as your own ({}) or an identity bound to it",
                    org.identity_id
                ));
            }
            Some(_) => {}
            None if stamps => {
                if let Value::Object(map) = obj {
                    map.insert("created_by_ref".into(), Value::String(org.identity_id.clone()));
                }
            }
            None => {}
        }
        let marked = context.level(&summary.marking_refs);
        // An unmarked observable that a marked object of the same bundle refers to (MISP marks
        // only its SDOs) is at least as restricted as that object.
        let inherited =
            (marked.is_none() && summary.kind == stix::ObjectKind::Sco).then(|| context.inherited.get(&summary.id).copied()).flatten();
        let tlp = marked.unwrap_or(self.config.default_tlp).max(inherited.unwrap_or(tlp::Tlp::Clear));
        let note = if tlp.is_recipient_restricted() && summary.recipients.is_empty() {
            Some(format!("stored as {} with no x_postern_recipients: only your organisation can read it", tlp.label()))
        } else if tlp.is_recipient_restricted() {
            Some(format!("stored as {}: readable by your organisation and {} named recipient(s)", tlp.label(), summary.recipients.len()))
        } else if marked.is_none() && inherited.is_some_and(|i| i > self.config.default_tlp) {
            Some(format!("no TLP marking: {} from the marked objects of this bundle that refer to it", tlp.label()))
        } else if marked.is_none() {
            Some(format!("no TLP marking: the hub's default {} applies", tlp.label()))
        } else {
            None
        };
        let version = match summary.modified.as_ref().or(summary.created.as_ref()) {
            Some(text) => {
                let t = stix::canonical_timestamp(text).map_err(|e| format!("version timestamp: {e}"))?;
                Some(Version { text: text.clone(), nanos: t.timestamp_nanos_opt().ok_or("version timestamp out of range")? })
            }
            None => None,
        };
        let body = serde_json::to_string(obj).map_err(|e| e.to_string())?;
        let object = NewObject {
            object_id: summary.id,
            object_type: summary.object_type,
            spec_version: summary.spec_version,
            version,
            tlp,
            producer: org.identity_id.clone(),
            recipients: if tlp.is_recipient_restricted() { summary.recipients } else { Vec::new() },
            body,
            origin: None,
            may_version_others: context.may_version_others,
        };
        Ok((Box::new(object), note))
    }
}

/// A bundle ready for the store: the objects to store, and the outcomes already known, each
/// with the object's place in the bundle.
struct Prepared {
    accepted: Vec<Accepted>,
    objects: Vec<NewObject>,
    reserved: Vec<(usize, StatusDetail)>,
    failures: Vec<(usize, StatusDetail)>,
}

/// What the objects of one bundle tell about each other.
struct Context {
    /// The organisation each claimed `created_by_ref` identity speaks for.
    identities: HashMap<String, i64>,
    /// Markings the bundle declares as TLP levels under ids of their own.
    declared: HashMap<String, tlp::Tlp>,
    /// The strictest level of the marked objects that refer to each id.
    inherited: HashMap<String, tlp::Tlp>,
    may_version_others: bool,
}

impl Context {
    /// The most restrictive TLP level among `marking_refs`, reserved or declared in the bundle.
    fn level(&self, marking_refs: &[String]) -> Option<tlp::Tlp> {
        level_of(marking_refs, &self.declared)
    }
}

fn level_of(marking_refs: &[String], declared: &HashMap<String, tlp::Tlp>) -> Option<tlp::Tlp> {
    marking_refs.iter().filter_map(|r| tlp::Tlp::from_marking_id(r).or_else(|| declared.get(r).copied())).max()
}

/// For each id that a marked object of the bundle refers to (`object_refs`,
/// `observed_data_refs`, a relationship's ends), the strictest level among those objects.
fn inherited_tlp(
    validated: &[(Value, std::result::Result<stix::ObjectSummary, String>)],
    declared: &HashMap<String, tlp::Tlp>,
) -> HashMap<String, tlp::Tlp> {
    let mut out: HashMap<String, tlp::Tlp> = HashMap::new();
    for (obj, summary) in validated {
        let Ok(summary) = summary else { continue };
        let Some(level) =
            summary.marking_refs.iter().filter_map(|r| tlp::Tlp::from_marking_id(r).or_else(|| declared.get(r).copied())).max()
        else {
            continue;
        };
        let lists = ["object_refs", "observed_data_refs"].into_iter().filter_map(|k| obj.get(k)?.as_array()).flatten();
        let ends = ["source_ref", "target_ref"].into_iter().filter_map(|k| obj.get(k));
        for target in lists.chain(ends).filter_map(Value::as_str) {
            let slot = out.entry(target.to_string()).or_insert(level);
            *slot = (*slot).max(level);
        }
    }
    out
}

/// The answer to a reserved TLP marking definition: a success that stores nothing.
const RESERVED_MARKING: &str = "a reserved TLP marking definition: the standard definition applies and cannot be replaced; nothing stored";

/// A marking definition under one of the ids that stand for a TLP level (TLP 2.0, 1.0, and the
/// ids platforms export): the hub's own, never stored or replaced by a member.
fn reserved_marking(obj: &Value) -> bool {
    obj.get("type").and_then(Value::as_str) == Some("marking-definition")
        && obj.get("id").and_then(Value::as_str).is_some_and(|id| tlp::Tlp::from_marking_id(id).is_some())
}

/// The TLP level a marking definition declares under an id of its own: TLP 1.0 style
/// (`definition_type: tlp`, any case), the TLP 2.0 extension, or a `TLP:` name.
fn declared_tlp(obj: &Value) -> Option<(String, tlp::Tlp)> {
    if obj.get("type").and_then(Value::as_str) != Some("marking-definition") {
        return None;
    }
    let id = obj.get("id").and_then(Value::as_str)?;
    let is_tlp = obj.get("definition_type").and_then(Value::as_str).is_some_and(|t| t.eq_ignore_ascii_case("tlp"));
    let level = obj
        .pointer("/definition/tlp")
        .filter(|_| is_tlp)
        .and_then(Value::as_str)
        .and_then(tlp::Tlp::parse)
        .or_else(|| {
            let extensions = obj.get("extensions")?.as_object()?;
            extensions.values().find_map(|e| e.get("tlp_2_0")?.as_str().and_then(tlp::Tlp::parse))
        })
        .or_else(|| {
            obj.get("name").and_then(Value::as_str).filter(|n| n.to_ascii_uppercase().starts_with("TLP:")).and_then(tlp::Tlp::parse)
        })?;
    Some((id.to_string(), level))
}

/// The refusal of a version of an id another organisation produced. It reads the same whether or
/// not the caller may see that object, so Add Objects tells nothing of hidden objects.
pub const OTHER_PRODUCER: &str = "403 forbidden: this id belongs to another producer; only the producer may add versions of an \
     object (STIX 2.1: create your own object with a new id, e.g. a new indicator or a sighting)";

fn conflict_message(object: &NewObject) -> String {
    match &object.version {
        Some(v) => format!("you already stored a different object with id {} and version {}", object.object_id, v.text),
        None => format!("you already stored a different object with id {} (unversioned objects are immutable)", object.object_id),
    }
}

/// A failure line for an object that may not even have a usable id.
fn detail_of(obj: &Value, message: String) -> StatusDetail {
    let id = obj.get("id").and_then(Value::as_str).map(|s| s.chars().take(300).collect()).unwrap_or_else(|| "(no id)".to_string());
    let version = obj.get("modified").or_else(|| obj.get("created")).and_then(Value::as_str).map(|s| s.chars().take(64).collect());
    StatusDetail { id, version, message: Some(message) }
}
