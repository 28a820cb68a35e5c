//! Builders for the STIX objects Postern itself writes (indicators, sightings) and the quoting of
//! pattern string literals, so that every producer in the code base writes them one way.

use serde_json::{Value, json};

/// A STIX pattern string literal's content: `\` and `'` escaped (STIX 2.1 §9.2).
pub fn quote(value: &str) -> String {
    value.replace('\\', "\\\\").replace('\'', "\\'")
}

/// The one-comparison pattern `[path = 'value']`, e.g. `[domain-name:value = 'evil.top']`.
pub fn equality_pattern(path: &str, value: &str) -> String {
    format!("[{path} = '{}']", quote(value))
}

/// What an indicator Postern writes says; `now` is a STIX timestamp (millisecond precision).
#[derive(Debug, Clone)]
pub struct Indicator<'a> {
    pub id: &'a str,
    pub now: &'a str,
    pub name: String,
    pub pattern: String,
    pub description: Option<String>,
    pub labels: Vec<String>,
    /// The marking-definition id of its TLP level.
    pub marking: &'a str,
    pub created_by_ref: Option<&'a str>,
}

impl Indicator<'_> {
    /// The indicator as STIX 2.1 JSON (`malicious-activity`, valid from `now`).
    pub fn to_json(&self) -> Value {
        let mut o = json!({
            "type": "indicator", "spec_version": "2.1", "id": self.id, "created": self.now, "modified": self.now,
            "name": self.name, "indicator_types": ["malicious-activity"], "pattern": self.pattern, "pattern_type": "stix",
            "valid_from": self.now, "object_marking_refs": [self.marking],
        });
        if let Some(d) = &self.description {
            o["description"] = json!(d);
        }
        if !self.labels.is_empty() {
            o["labels"] = json!(self.labels);
        }
        if let Some(by) = self.created_by_ref {
            o["created_by_ref"] = json!(by);
        }
        o
    }
}

/// A sighting of `sighting_of` by `identity` (seen once, where `identity` is), marked `marking`.
pub fn sighting(id: &str, now: &str, sighting_of: &str, identity: &str, marking: &str) -> Value {
    json!({
        "type": "sighting", "spec_version": "2.1", "id": id, "created": now, "modified": now,
        "sighting_of_ref": sighting_of, "count": 1, "where_sighted_refs": [identity],
        "object_marking_refs": [marking], "created_by_ref": identity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(value: &str, expected: &str) {
        let pattern = equality_pattern("url:value", value);
        assert_eq!(pattern, expected);
        crate::pattern::parse(&pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
    }

    #[test]
    fn patterns_quote_their_literals_and_parse() {
        check("http://a.top/", "[url:value = 'http://a.top/']");
        check("http://a.top/it's", r"[url:value = 'http://a.top/it\'s']");
        check(r"http://a.top/\x", r"[url:value = 'http://a.top/\\x']");
    }

    #[test]
    fn built_objects_validate() {
        let ind = Indicator {
            id: "indicator--6b1f0e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
            now: "2026-12-06T10:00:00.000Z",
            name: "Reported link".into(),
            pattern: equality_pattern("url:value", "http://colis.top/'x"),
            description: Some("why".into()),
            labels: vec!["impersonates:La Poste".into()],
            marking: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            created_by_ref: Some("identity--0b1f0e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b"),
        }
        .to_json();
        crate::validate_object(&ind).expect("indicator");
        let s = sighting(
            "sighting--1b1f0e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
            "2026-12-06T10:00:00.000Z",
            "indicator--6b1f0e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
            "identity--0b1f0e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
        );
        crate::validate_object(&s).expect("sighting");
    }
}
