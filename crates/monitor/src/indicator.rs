//! A hit as a STIX 2.1 indicator, built by the hub's own builder (`stix::build`) with the same
//! deterministic ids as imported feeds (`links::feed_indicator_id`): a name seen again by the
//! same producer is the same indicator.

use serde_json::{Value, json};

use crate::Hit;

/// Who produces the indicator, when, for how long and under which TLP marking.
#[derive(Debug, Clone, Copy)]
pub struct Producer<'a> {
    /// The producer's id namespace (`hub::Hub::id_namespace`).
    pub namespace: &'a uuid::Uuid,
    pub identity: Option<&'a str>,
    /// STIX timestamp of creation and `valid_from`.
    pub now: &'a str,
    /// STIX timestamp after which the indicator no longer holds.
    pub valid_until: &'a str,
    /// Marking-definition id of the TLP level.
    pub marking: &'a str,
}

/// The id the indicator of `domain` gets from `namespace`.
pub fn indicator_id(namespace: &uuid::Uuid, domain: &str) -> String {
    links::feed_indicator_id(namespace, links::EntryKind::Domain, domain)
}

/// The indicator of `hit`, naming the brand it copies (`brand_name`, `official`) and how.
pub fn indicator(hit: &Hit, brand_name: &str, official: &str, p: &Producer<'_>) -> Value {
    let id = indicator_id(p.namespace, &hit.domain);
    let copies = if official.is_empty() { brand_name.to_string() } else { format!("{brand_name} ({official})") };
    let built = stix::build::Indicator {
        id: &id,
        now: p.now,
        name: format!("Look-alike of {copies}: {}", hit.domain),
        pattern: stix::build::equality_pattern("domain-name:value", &hit.domain),
        description: Some(format!(
            "{} imitates {copies} by {}; first seen {} in {}.",
            hit.domain, hit.technique, hit.first_seen, hit.source
        )),
        labels: vec!["monitor".into(), format!("brand:{}", hit.brand), format!("technique:{}", hit.technique)],
        marking: p.marking,
        created_by_ref: p.identity,
    };
    let mut o = built.to_json();
    o["confidence"] = json!(hit.score);
    o["valid_until"] = json!(p.valid_until);
    let mut reference = json!({"source_name": "postern-brand", "external_id": hit.brand});
    if !official.is_empty() {
        reference["url"] = json!(format!("https://{official}/"));
    }
    o["external_references"] = json!([reference]);
    o
}

/// The revoked version of a hub indicator (a rejected or allowlisted hit): the same object with
/// `revoked: true` and a `modified` after both `now` and its last version's (STIX timestamps
/// with milliseconds), so that the hub takes it as the newest version and every feed drops it.
pub fn revoked(indicator: &Value, now: chrono::DateTime<chrono::Utc>) -> Value {
    let last = indicator["modified"]
        .as_str()
        .and_then(|m| chrono::DateTime::parse_from_rfc3339(m).ok())
        .map(|m| m.with_timezone(&chrono::Utc) + chrono::Duration::milliseconds(1));
    let at = last.map_or(now, |l| l.max(now));
    let mut o = indicator.clone();
    o["revoked"] = json!(true);
    o["modified"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true));
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HitLevel;

    #[test]
    fn a_revoked_version_is_newer_than_the_last_even_with_a_clock_behind() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-07T10:00:00Z").expect("time").with_timezone(&chrono::Utc);
        let o = json!({"id": "indicator--1", "modified": "2026-12-07T09:00:00.000Z", "revoked": false});
        let r = revoked(&o, now);
        assert_eq!(
            (r["revoked"].clone(), r["modified"].clone(), r["id"].clone()),
            (json!(true), json!("2026-12-07T10:00:00.000Z"), json!("indicator--1"))
        );
        let ahead = json!({"modified": "2026-12-07T11:00:00.000Z"});
        assert_eq!(revoked(&ahead, now)["modified"], "2026-12-07T11:00:00.001Z");
    }

    #[test]
    fn a_hit_becomes_a_domain_indicator_naming_its_brand() {
        let ns = uuid::Uuid::from_u128(7);
        let hit = Hit {
            domain: "laposte-colis.top".into(),
            brand: "fr-laposte".into(),
            technique: "combosquat".into(),
            score: 90,
            level: HitLevel::Malicious,
            source: "stdin".into(),
            first_seen: "2026-12-07T10:00:00Z".into(),
            certificate: None,
            issuer: None,
        };
        let p = Producer {
            namespace: &ns,
            identity: Some("identity--x"),
            now: "2026-12-07T10:00:01.000Z",
            valid_until: "2026-12-14T10:00:01.000Z",
            marking: tlp_green(),
        };
        let o = indicator(&hit, "La Poste", "laposte.fr", &p);
        assert_eq!(o["pattern"], "[domain-name:value = 'laposte-colis.top']");
        assert_eq!(o["id"], indicator_id(&ns, "laposte-colis.top"));
        assert_eq!(o["confidence"], 90);
        assert_eq!(o["valid_until"], "2026-12-14T10:00:01.000Z");
        assert_eq!(o["external_references"][0]["external_id"], "fr-laposte");
        assert_eq!(o["external_references"][0]["url"], "https://laposte.fr/");
        assert_eq!(o["created_by_ref"], "identity--x");
        assert_eq!(o["object_marking_refs"][0], tlp_green());
        assert!(o["name"].as_str().is_some_and(|n| n.contains("La Poste (laposte.fr)")));
    }

    fn tlp_green() -> &'static str {
        "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"
    }
}
