//! Add Objects: validate each object of a bundle on its own, stamp or check provenance, apply
//! the TLP marking, store the valid ones and describe every outcome in a status resource.

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

impl Hub {
    /// Handles a TAXII Add Objects request body for `collection_id`.
    pub fn add_objects(&self, who: &Principal, collection_id: &str, body: &[u8]) -> Result<StatusResource> {
        let (collection, grant) = self.collection_access(who, collection_id)?;
        let org = match who {
            Principal::Anonymous => {
                return Err(self.deny(
                    who,
                    "objects.add",
                    collection_id,
                    HubError::Unauthenticated("adding objects needs credentials".into()),
                ));
            }
            Principal::Member { org, role, .. } => {
                if !role.may_write() {
                    let e = HubError::Forbidden(format!("a {} token may not add objects", role.as_str()));
                    return Err(self.deny(who, "objects.add", collection_id, e));
                }
                if !grant.write {
                    let e = HubError::Forbidden(format!("organisation '{}' may not write to collection '{}'", org.name, collection.title));
                    return Err(self.deny(who, "objects.add", collection_id, e));
                }
                org
            }
        };
        if body.len() > self.config.max_content_length {
            return Err(bad("body", format!("larger than max_content_length ({} bytes)", self.config.max_content_length)));
        }
        let bundle = stix::parse_bundle(body).map_err(|e| bad(e.field(), e.to_string()))?;
        if let Some(dup) = stix::duplicate_versions(&bundle.objects).first() {
            return Err(bad(format!("objects[{}].id", dup.index), dup.to_string()));
        }
        let request_timestamp = store::now_rfc3339();
        let mut failures = Vec::new();
        let mut accepted = Vec::with_capacity(bundle.objects.len());
        let mut objects = Vec::with_capacity(bundle.objects.len());
        let total = bundle.objects.len();
        for (index, mut obj) in bundle.objects.into_iter().enumerate() {
            match self.prepare(&org.identity_id, &mut obj) {
                Ok((object, note)) => {
                    accepted.push(Accepted { index, note });
                    objects.push(object);
                }
                Err(message) => failures.push((index, detail_of(&obj, message))),
            }
        }
        let status_id = uuid::Uuid::new_v4().to_string();
        let mut built: Option<StatusResource> = None;
        let actor = who.actor();
        self.store.add_objects(collection_id, &objects, &mut |outcomes: &[PutOutcome]| {
            let mut successes = Vec::new();
            let mut all_failures: Vec<(usize, StatusDetail)> = failures.clone();
            for ((a, object), outcome) in accepted.iter().zip(&objects).zip(outcomes) {
                let version = object.version.as_ref().map(|v| v.text.clone());
                match outcome {
                    PutOutcome::Stored { .. } => {
                        successes.push((a.index, StatusDetail { id: object.object_id.clone(), version, message: a.note.clone() }))
                    }
                    PutOutcome::AlreadyStored => successes.push((
                        a.index,
                        StatusDetail {
                            id: object.object_id.clone(),
                            version,
                            message: Some("already stored (identical version): nothing changed".into()),
                        },
                    )),
                    PutOutcome::Conflict(m) => {
                        all_failures.push((a.index, StatusDetail { id: object.object_id.clone(), version, message: Some(m.clone()) }))
                    }
                }
            }
            successes.sort_by_key(|(i, _)| *i);
            all_failures.sort_by_key(|(i, _)| *i);
            let status = StatusResource {
                id: status_id.clone(),
                status: "complete".into(),
                request_timestamp: request_timestamp.clone(),
                total_count: total as u64,
                success_count: successes.len() as u64,
                failure_count: all_failures.len() as u64,
                pending_count: 0,
                successes: successes.into_iter().map(|(_, d)| d).collect(),
                failures: all_failures.into_iter().map(|(_, d)| d).collect(),
                pendings: Vec::new(),
            };
            let body = serde_json::to_string(&status).unwrap_or_default();
            let outcome = match (status.success_count, status.failure_count) {
                (_, 0) => "ok",
                (0, _) => "failed",
                _ => "partial",
            };
            let audit = NewAudit {
                actor: actor.clone(),
                action: "objects.add".into(),
                target: collection_id.into(),
                outcome: outcome.into(),
                detail: format!(
                    "status {status_id}: {} stored or unchanged, {} failed of {total}",
                    status.success_count, status.failure_count
                ),
            };
            built = Some(status);
            (StatusRecord { id: status_id.clone(), org_id: org.id, body }, audit)
        })?;
        built.ok_or_else(|| HubError::Store(store::StoreError::Corrupt("status not built".into())))
    }

    /// Validates one object and turns it into what the store keeps, or says why not.
    fn prepare(&self, org_identity: &str, obj: &mut Value) -> std::result::Result<(NewObject, Option<String>), String> {
        let summary = stix::validate_object(obj).map_err(|e| e.to_string())?;
        let stamps = matches!(summary.kind, stix::ObjectKind::Sdo | stix::ObjectKind::Sro)
            && !(summary.object_type == "identity" && summary.id == org_identity);
        match &summary.created_by_ref {
            Some(claimed) if claimed != org_identity => {
                return Err(format!(
                    "403 forbidden: created_by_ref claims {claimed}, which is not your organisation's identity ({org_identity})"
                ));
            }
            Some(_) => {}
            None if stamps => {
                if let Value::Object(map) = obj {
                    map.insert("created_by_ref".into(), Value::String(org_identity.to_string()));
                }
            }
            None => {}
        }
        let marked = tlp::most_restrictive(summary.marking_refs.iter().map(String::as_str));
        let tlp = marked.unwrap_or(self.config.default_tlp);
        let note = if tlp.is_recipient_restricted() && summary.recipients.is_empty() {
            Some(format!("stored as {} with no x_postern_recipients: only your organisation can read it", tlp.label()))
        } else if tlp.is_recipient_restricted() {
            Some(format!("stored as {}: readable by your organisation and {} named recipient(s)", tlp.label(), summary.recipients.len()))
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
            producer: org_identity.to_string(),
            recipients: if tlp.is_recipient_restricted() { summary.recipients } else { Vec::new() },
            body,
            origin: None,
        };
        Ok((object, note))
    }
}

/// A failure line for an object that may not even have a usable id.
fn detail_of(obj: &Value, message: String) -> StatusDetail {
    let id = obj.get("id").and_then(Value::as_str).map(|s| s.chars().take(300).collect()).unwrap_or_else(|| "(no id)".to_string());
    let version = obj.get("modified").or_else(|| obj.get("created")).and_then(Value::as_str).map(|s| s.chars().take(64).collect());
    StatusDetail { id, version, message: Some(message) }
}
