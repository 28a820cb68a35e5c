//! What a member's report of malicious links adds to the hub: one STIX indicator per link and a
//! sighting of it by the reporting organisation.

use serde_json::{Value, json};

use crate::Verdict;

/// An indicator (`[url:value = ...]`) plus a sighting by `identity` for each verdict, marked
/// with `level`. `now` is an RFC 3339 timestamp with millisecond precision.
pub fn report_objects(verdicts: &[&Verdict], identity: &str, level: tlp::Tlp, now: &str) -> Vec<Value> {
    let mut out = Vec::with_capacity(verdicts.len() * 2);
    for v in verdicts {
        let id = format!("indicator--{}", uuid::Uuid::new_v4());
        let pattern = format!("[url:value = '{}']", v.url.replace('\\', "\\\\").replace('\'', "\\'"));
        let mut indicator = json!({
            "type": "indicator", "spec_version": "2.1", "id": id, "created": now, "modified": now,
            "name": format!("Reported link: {}", v.url.chars().take(200).collect::<String>()),
            "indicator_types": ["malicious-activity"], "pattern": pattern, "pattern_type": "stix", "valid_from": now,
            "description": v.reasons.iter().map(|r| r.message.as_str()).collect::<Vec<_>>().join(" "),
            "object_marking_refs": [level.marking_id()], "created_by_ref": identity,
        });
        if let Some(b) = &v.brand {
            indicator["labels"] = json!([format!("impersonates:{}", b.name)]);
        }
        out.push(indicator);
        out.push(json!({
            "type": "sighting", "spec_version": "2.1", "id": format!("sighting--{}", uuid::Uuid::new_v4()),
            "created": now, "modified": now, "sighting_of_ref": id, "count": 1,
            "where_sighted_refs": [identity], "object_marking_refs": [level.marking_id()], "created_by_ref": identity,
        }));
    }
    out
}
