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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HitLevel;

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
