//! One incident, several audiences: from the internal case (TLP:RED, never exported as is)
//! derive a CSIRT copy (TLP:AMBER+STRICT, PAP:AMBER: the case facts and every submitted report's
//! answers), an ISAC copy (TLP:AMBER, PAP:GREEN, sanitised: only the fixed-vocabulary facts,
//! never the title, summary, free-text answers, notes or anything that may carry personal data)
//! and a public warning (TLP:CLEAR, PAP:CLEAR: the warning text written for the public, nothing
//! of the case). Each derivative is its own STIX `incident` object (its id a UUIDv5 of the
//! organisation's identity, the case and the audience) with its own TLP and PAP markings.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::case::{CaseError, CaseFields, check_text};
use crate::report::{Answers, INCIDENT_CORE_EXTENSION, POSTERN_REPORT_EXTENSION};

/// Longest public warning, in characters.
pub const MAX_WARNING: usize = 2_000;

/// Who a derivative is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Csirt,
    Isac,
    Public,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Csirt, Audience::Isac, Audience::Public];

    pub fn parse(text: &str) -> Result<Audience, CaseError> {
        match text {
            "csirt" => Ok(Audience::Csirt),
            "isac" => Ok(Audience::Isac),
            "public" => Ok(Audience::Public),
            other => {
                let shown: String = other.chars().take(40).collect();
                Err(CaseError { field: "audience".into(), reason: format!("`{shown}` is not one of csirt, isac, public") })
            }
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Audience::Csirt => "csirt",
            Audience::Isac => "isac",
            Audience::Public => "public",
        }
    }

    /// The derivative's TLP level.
    pub fn tlp(self) -> tlp::Tlp {
        match self {
            Audience::Csirt => tlp::Tlp::AmberStrict,
            Audience::Isac => tlp::Tlp::Amber,
            Audience::Public => tlp::Tlp::Clear,
        }
    }

    /// The derivative's Permissible Actions Protocol level (MISP taxonomy `PAP`).
    pub fn pap(self) -> &'static str {
        match self {
            Audience::Csirt => "AMBER",
            Audience::Isac => "GREEN",
            Audience::Public => "CLEAR",
        }
    }
}

/// Namespace of derivative and PAP marking ids (UUIDv5).
const NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x3b7f_0c1e_9a44_4d2b_8e6f_1a2b_3c4d_5e6f);

/// The marking-definition of a PAP level: a statement marking with a fixed id, so that every
/// export names the same object.
pub fn pap_marking(level: &str) -> Value {
    let id = format!("marking-definition--{}", uuid::Uuid::new_v5(&NAMESPACE, format!("PAP:{level}").as_bytes()));
    json!({
        "type": "marking-definition", "spec_version": "2.1", "id": id, "created": "2026-01-01T00:00:00.000Z",
        "name": format!("PAP:{level}"), "definition_type": "statement",
        "definition": {"statement": format!("PAP:{level} (Permissible Actions Protocol, MISP taxonomy PAP)")},
    })
}

/// What a derivative is made from.
#[derive(Debug, Clone)]
pub struct Derivation<'a> {
    pub case_id: i64,
    pub case: &'a CaseFields,
    /// The answers of each submitted report, by stage.
    pub reports: &'a BTreeMap<String, Answers>,
    /// The organisation's bound STIX identity.
    pub identity: &'a str,
    /// STIX timestamp of the export.
    pub now: &'a str,
    /// The warning text for the public (required for [`Audience::Public`], unused otherwise).
    pub warning: Option<&'a str>,
    /// The case was played in a joint exercise: the derivative is labelled and named so.
    pub exercise: bool,
    /// STIX identities the CSIRT copy is for (the hub's `x_postern_recipients`, which decides who
    /// besides the producer reads an AMBER+STRICT object); unused for the other audiences.
    pub recipients: &'a [String],
}

/// The derivative for `audience` as a STIX 2.1 bundle: the `incident` object and its PAP
/// marking-definition.
pub fn derive(audience: Audience, d: &Derivation<'_>) -> Result<Value, CaseError> {
    let id =
        format!("incident--{}", uuid::Uuid::new_v5(&NAMESPACE, format!("{}/{}/{}", d.identity, d.case_id, audience.code()).as_bytes()));
    let pap = pap_marking(audience.pap());
    let determination = if d.reports.contains_key("notification") { "confirmed" } else { "suspected" };
    let status = if d.case.resolved.is_some() { "closed" } else { "open" };
    let core = json!({"extension_type": "property-extension", "determination": determination, "investigation_status": status});
    let (name, description, extra) = match audience {
        Audience::Csirt => {
            let ext = json!({"extension_type": "property-extension", "jurisdiction": d.case.jurisdiction, "reports": d.reports});
            (d.case.title.clone(), d.case.summary.clone(), Some(ext))
        }
        Audience::Isac => {
            let facts = [
                ("classification", d.case.classification.as_str()),
                ("severity", d.case.severity.as_str()),
                ("suspected malicious", d.case.suspected_malicious.as_str()),
                ("cross-border impact", d.case.cross_border.as_str()),
            ];
            let mut lines: Vec<String> = facts.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            if !d.case.services.is_empty() {
                lines.push(format!("services: {}", d.case.services.join(", ")));
            }
            (format!("Postal incident: {}", d.case.classification), lines.join("\n"), None)
        }
        Audience::Public => {
            let text = check_text("warning", d.warning.unwrap_or(""), MAX_WARNING, true, true)?;
            let name: String = text.lines().next().unwrap_or_default().chars().take(120).collect();
            (name, text, None)
        }
    };
    let mut extensions = serde_json::Map::new();
    extensions.insert(INCIDENT_CORE_EXTENSION.into(), core);
    if let Some(ext) = extra {
        extensions.insert(POSTERN_REPORT_EXTENSION.into(), ext);
    }
    let mut incident = json!({
        "type": "incident", "spec_version": "2.1", "id": id, "created": d.now, "modified": d.now,
        "name": &name, "created_by_ref": d.identity,
        "object_marking_refs": [audience.tlp().marking_id(), pap["id"]],
        "extensions": extensions,
    });
    if !description.is_empty() {
        incident["description"] = json!(description);
    }
    if d.exercise {
        incident["name"] = json!(crate::report::shown_title(&name, true));
        incident["labels"] = json!([crate::report::EXERCISE_LABEL]);
    }
    if audience == Audience::Csirt && !d.recipients.is_empty() {
        for r in d.recipients {
            if !r.starts_with("identity--") {
                return Err(CaseError {
                    field: "recipient".into(),
                    reason: format!("`{}` is not a STIX identity id", r.chars().take(80).collect::<String>()),
                });
            }
        }
        incident["x_postern_recipients"] = json!(d.recipients);
    }
    let bundle_id = format!("bundle--{}", uuid::Uuid::new_v5(&NAMESPACE, format!("{id}/{}", d.now).as_bytes()));
    Ok(json!({"type": "bundle", "id": bundle_id, "objects": [incident, pap]}))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case() -> CaseFields {
        CaseFields {
            title: "Smishing: Jean Dupont's phone +33 6 12 34 56 78".into(),
            summary: "Internal: customer jean.dupont@example.fr reported it".into(),
            classification: "fraud:phishing".into(),
            severity: "high".into(),
            services: vec!["parcels-tracking".into()],
            users_affected: Some(1200),
            cross_border: "unknown".into(),
            suspected_malicious: "yes".into(),
            detected: None,
            aware: Some("2026-12-07T08:30:00.000Z".into()),
            contained: None,
            resolved: None,
            jurisdiction: "eu".into(),
            zone: "UTC".into(),
        }
    }

    #[test]
    fn each_audience_gets_its_own_object_marking_and_content() {
        let c = case();
        let mut reports = BTreeMap::new();
        reports
            .insert("notification".to_string(), Answers::from([("impact".to_string(), "Tracking for jean.dupont@example.fr".to_string())]));
        let d = Derivation {
            case_id: 7,
            case: &c,
            reports: &reports,
            identity: "identity--0f4a6f3e-5b7c-4d2e-9a1b-3c5d7e9f1a2b",
            now: "2026-12-07T12:00:00.000Z",
            warning: Some("Scam SMS in our name: do not pay <any> fee"),
            exercise: false,
            recipients: &[],
        };
        let mut ids = Vec::new();
        for a in Audience::ALL {
            let b = derive(a, &d).expect("bundle");
            for obj in b["objects"].as_array().expect("objects") {
                stix::validate_object(obj).unwrap_or_else(|e| panic!("{a:?} {obj}: {e:?}"));
            }
            let inc = &b["objects"][0];
            assert_eq!(inc["object_marking_refs"][0], a.tlp().marking_id());
            assert_eq!(inc["object_marking_refs"][1], b["objects"][1]["id"]);
            assert_eq!(b["objects"][1]["name"], format!("PAP:{}", a.pap()));
            ids.push(inc["id"].clone());
            let text = inc.to_string();
            let personal = text.contains("dupont") || text.contains("+33");
            match a {
                Audience::Csirt => assert!(personal && text.contains("Tracking for"), "the CSIRT gets the case: {text}"),
                Audience::Isac | Audience::Public => assert!(!personal, "{a:?} must be sanitised: {text}"),
            }
        }
        ids.dedup();
        assert_eq!(ids.len(), 3, "three objects");
        // An exercise case's derivatives are labelled and named so, for every audience.
        for a in Audience::ALL {
            let b = derive(a, &Derivation { exercise: true, ..d.clone() }).expect("bundle");
            let inc = &b["objects"][0];
            assert_eq!(inc["labels"], json!(["exercise"]), "{a:?}");
            assert!(inc["name"].as_str().is_some_and(|n| n.starts_with("EXERCISE: ")), "{a:?}: {inc}");
            stix::validate_object(inc).unwrap_or_else(|e| panic!("{a:?} {inc}: {e:?}"));
            assert!(derive(a, &d).expect("bundle")["objects"][0].get("labels").is_none());
        }
        assert_eq!(derive(Audience::Public, &Derivation { warning: None, ..d.clone() }).expect_err("no text").field, "warning");
        assert_eq!(Audience::parse("press").expect_err("unknown").field, "audience");
    }
}
