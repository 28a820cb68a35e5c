//! A staff report of a real message, shared in the hub as STIX: for each link of the message an
//! `observed-data` object (its `url` observable), and where an indicator the organisation may read
//! matches the link (the hub's blocklists, as the link check decides), a `sighting` of that
//! indicator by the organisation, pointing at the observed-data. Everything is marked with the
//! TLP of the organisation's awareness policy (amber unless it chose another) and written, as
//! the organisation, into the first collection it may write; the person who reported is never
//! named. The triage queue keeps the message itself.

use serde::Serialize;
use serde_json::{Value, json};

use crate::PortalState;

/// The namespace of STIX 2.1 cyber-observable ids (UUIDv5 of the contributing properties).
const SCO_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x00abedb4_aa42_466c_9c01_fed23315a9b7);

/// What a shared report became in the hub.
#[derive(Debug, Clone, Serialize)]
pub struct Shared {
    pub collection: String,
    pub tlp: &'static str,
    /// Sightings of known indicators, by indicator id.
    pub sightings: Vec<String>,
    /// Observed-data objects (one per link).
    pub observed: usize,
}

/// The STIX id of a URL observable: deterministic, as the specification asks.
fn url_id(url: &str) -> String {
    let contributing = json!({ "value": url }).to_string();
    format!("url--{}", uuid::Uuid::new_v5(&SCO_NAMESPACE, contributing.as_bytes()))
}

/// The objects of one link: its observable, the observed-data, and a sighting of `indicator`.
fn objects_of(url: &str, indicator: Option<&str>, identity: &str, marking: &str, now: &str) -> Vec<Value> {
    let observable = url_id(url);
    let observed = format!("observed-data--{}", uuid::Uuid::new_v4());
    let mut out = vec![
        json!({"type": "url", "spec_version": "2.1", "id": observable, "value": url, "object_marking_refs": [marking]}),
        json!({
            "type": "observed-data", "spec_version": "2.1", "id": observed, "created": now, "modified": now,
            "first_observed": now, "last_observed": now, "number_observed": 1, "object_refs": [observable],
            "created_by_ref": identity, "object_marking_refs": [marking], "labels": ["staff-report"],
        }),
    ];
    if let Some(indicator) = indicator {
        let mut s = stix::build::sighting(&format!("sighting--{}", uuid::Uuid::new_v4()), now, indicator, identity, marking);
        s["observed_data_refs"] = json!([observed]);
        s["first_seen"] = json!(now);
        s["last_seen"] = json!(now);
        out.push(s);
    }
    out
}

/// Shares the links of a reported real message as the organisation, under its policy's TLP;
/// `None` when there is no link or no collection it may write.
pub fn share(state: &PortalState, org: &store::Org, urls: &[String], level: tlp::Tlp) -> Result<Option<Shared>, hub::HubError> {
    if urls.is_empty() {
        return Ok(None);
    }
    // The report button acts for the organisation whoever pressed it (a reader may report).
    let who = hub::Principal::Member { org: org.clone(), token_id: "staff-report".into(), role: store::Role::Analyst };
    let Some(collection) = state.hub.collections(&who)?.into_iter().find(|(_, g)| g.write).map(|(c, _)| c.id) else {
        return Ok(None);
    };
    let now = store::now_rfc3339();
    let mut objects = Vec::new();
    let mut sightings = Vec::new();
    for url in urls.iter().take(20) {
        let indicator = (state.link_check)(url, &who).ok().and_then(|v| v.reasons.into_iter().find_map(|r| r.indicator_id));
        if let Some(i) = &indicator {
            sightings.push(i.clone());
        }
        objects.extend(objects_of(url, indicator.as_deref(), &org.identity_id, level.marking_id(), &now));
    }
    let observed = urls.len().min(20);
    let body = serde_json::to_vec(&json!({ "objects": objects })).unwrap_or_default();
    state.hub.add_objects(&who, &collection, &body)?;
    Ok(Some(Shared { collection, tlp: level.name(), sightings, observed }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_observables_have_the_specification_s_deterministic_id() {
        // The STIX 2.1 specification's own example (section 6.1: url--... of "https://example.com/").
        let id = url_id("https://example.com/");
        assert!(id.starts_with("url--"), "{id}");
        assert_eq!(id, url_id("https://example.com/"), "the same URL, the same id");
        assert_ne!(id, url_id("https://example.org/"));
        let objects =
            objects_of("http://x.example/a", Some("indicator--1"), "identity--o", "marking-definition--m", "2026-12-08T00:00:00Z");
        assert_eq!(objects.len(), 3);
        assert_eq!(objects[2]["sighting_of_ref"], "indicator--1");
        assert_eq!(objects[2]["observed_data_refs"][0], objects[1]["id"]);
        assert_eq!(objects[1]["object_refs"][0], objects[0]["id"]);
        assert_eq!(objects_of("http://x.example/a", None, "identity--o", "m", "t").len(), 2, "no indicator, no sighting");
    }
}
