//! What a member's report of malicious links adds to the hub: one STIX indicator per link and a
//! sighting of it by the reporting organisation.

use serde_json::Value;

use crate::Verdict;

/// An indicator (`[url:value = ...]`) plus a sighting by `identity` for each verdict, marked
/// with `level`. `now` is an RFC 3339 timestamp with millisecond precision.
pub fn report_objects(verdicts: &[&Verdict], identity: &str, level: tlp::Tlp, now: &str) -> Vec<Value> {
    let mut out = Vec::with_capacity(verdicts.len() * 2);
    for v in verdicts {
        let id = format!("indicator--{}", uuid::Uuid::new_v4());
        let indicator = stix::build::Indicator {
            id: &id,
            now,
            name: format!("Reported link: {}", v.url.chars().take(200).collect::<String>()),
            pattern: stix::build::equality_pattern("url:value", &v.url),
            description: Some(v.reasons.iter().map(|r| r.message.as_str()).collect::<Vec<_>>().join(" ")),
            labels: v.brand.iter().map(|b| format!("impersonates:{}", b.name)).collect(),
            marking: level.marking_id(),
            created_by_ref: Some(identity),
        };
        out.push(indicator.to_json());
        let sighting_id = format!("sighting--{}", uuid::Uuid::new_v4());
        out.push(stix::build::sighting(&sighting_id, now, &id, identity, level.marking_id()));
    }
    out
}
