//! The table of accepted STIX types: per type its family, required properties, typed
//! properties and an optional cross-property rule. Adding a type is adding a row.

use std::net::{Ipv4Addr, Ipv6Addr};

use serde_json::{Map, Value};

use crate::bundle::{json_kind, truncate};
use crate::validate::{InvalidObject, ObjectKind, R, check_props, check_ref, ordered, required};

/// A cross-property rule of one type.
pub(crate) type Extra = fn(&Map<String, Value>) -> R<()>;

/// One accepted type.
pub(crate) struct TypeSpec {
    pub name: &'static str,
    pub kind: ObjectKind,
    /// Has `created` and `modified` (SDOs, SROs, language-content, extension-definition).
    /// marking-definitions have `created` only; SCOs neither.
    pub versioned: bool,
    pub required: &'static [&'static str],
    pub props: &'static [(&'static str, P)],
    pub extra: Option<Extra>,
}

/// The JSON shape a property must have.
#[derive(Debug, Clone, Copy)]
pub(crate) enum P {
    Str,
    Bool,
    Timestamp,
    /// An integer in the inclusive range.
    Int(i64, i64),
    /// A number in the inclusive range.
    Num(f64, f64),
    /// An identifier of one of these types (any type when empty).
    Ref(&'static [&'static str]),
    /// A non-empty list of identifiers of these types (any type when empty).
    Refs(&'static [&'static str]),
    /// A non-empty list of strings.
    Strs,
    /// One of these strings.
    Enum(&'static [&'static str]),
    /// A non-empty list of strings, each one of these.
    Enums(&'static [&'static str]),
    /// A JSON object.
    Dict,
    Hashes,
    KillChainPhases,
    ExternalRefs,
    GranularMarkings,
    Extensions,
    Lang,
}

impl P {
    pub fn check(&self, v: &Value) -> R<()> {
        match (self, v) {
            (P::Str | P::Lang | P::Enum(_) | P::Timestamp, Value::String(s)) => self.check_str(s),
            (P::Bool, Value::Bool(_)) => Ok(()),
            (P::Int(lo, hi), Value::Number(n)) => match n.as_i64() {
                Some(i) if (*lo..=*hi).contains(&i) => Ok(()),
                Some(i) => Err(bad(format!("must be between {lo} and {hi}, got {i}"))),
                None => Err(bad(format!("must be an integer between {lo} and {hi}, got {n}"))),
            },
            (P::Num(lo, hi), Value::Number(n)) => match n.as_f64() {
                Some(x) if (*lo..=*hi).contains(&x) => Ok(()),
                _ => Err(bad(format!("must be between {lo} and {hi}, got {n}"))),
            },
            (P::Ref(types), Value::String(s)) => check_ref(s, types),
            (P::Refs(_) | P::Strs | P::Enums(_) | P::KillChainPhases | P::ExternalRefs | P::GranularMarkings, Value::Array(items)) => {
                if items.is_empty() {
                    return Err(bad("must not be an empty list (omit the property instead)"));
                }
                for (i, item) in items.iter().enumerate() {
                    self.check_item(item).map_err(|e| e.under(&format!("[{i}]")))?;
                }
                Ok(())
            }
            (P::Dict, Value::Object(_)) => Ok(()),
            (P::Hashes, Value::Object(h)) => check_hashes(h),
            (P::Extensions, Value::Object(x)) => check_extensions(x),
            _ => Err(bad(format!("expected {}, got {}", self.expected(), json_kind(v)))),
        }
    }

    fn check_str(&self, s: &str) -> R<()> {
        match self {
            P::Lang if s.is_empty() || s.len() > 35 || !s.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-') => {
                Err(bad(format!("not an RFC 5646 language tag: '{}'", truncate(s))))
            }
            P::Enum(allowed) if !allowed.contains(&s) => {
                Err(bad(format!("must be one of {}, got '{}'", allowed.join(", "), truncate(s))))
            }
            P::Timestamp => crate::validate::timestamp("", s).map(|_| ()),
            _ => Ok(()),
        }
    }

    fn check_item(&self, item: &Value) -> R<()> {
        match (self, item) {
            (P::Refs(types), Value::String(s)) => check_ref(s, types),
            (P::Strs, Value::String(_)) => Ok(()),
            (P::Enums(allowed), _) => P::Enum(allowed).check(item),
            (P::KillChainPhases, Value::Object(o)) => {
                required(o, "kill_chain_name")?;
                required(o, "phase_name").map(|_| ())
            }
            (P::ExternalRefs, Value::Object(o)) => check_external_ref(o),
            (P::GranularMarkings, Value::Object(o)) => check_granular_marking(o),
            (P::Refs(_), _) => Err(bad(format!("expected an identifier string, got {}", json_kind(item)))),
            (P::Strs, _) => Err(bad(format!("expected a string, got {}", json_kind(item)))),
            _ => Err(bad(format!("expected an object, got {}", json_kind(item)))),
        }
    }

    fn expected(&self) -> &'static str {
        match self {
            P::Str | P::Lang | P::Enum(_) => "a string",
            P::Timestamp => "a timestamp string",
            P::Bool => "a boolean",
            P::Int(..) => "an integer",
            P::Num(..) => "a number",
            P::Ref(_) => "an identifier string",
            P::Refs(_) => "a list of identifiers",
            P::Strs | P::Enums(_) => "a list of strings",
            P::KillChainPhases | P::ExternalRefs | P::GranularMarkings => "a list of objects",
            P::Dict | P::Hashes | P::Extensions => "an object",
        }
    }
}

fn bad(reason: impl Into<String>) -> InvalidObject {
    InvalidObject::new("", reason)
}

fn check_external_ref(o: &Map<String, Value>) -> R<()> {
    check_props(o, &[("source_name", P::Str), ("description", P::Str), ("url", P::Str), ("external_id", P::Str), ("hashes", P::Hashes)])?;
    required(o, "source_name")?;
    if !["description", "url", "external_id"].iter().any(|k| o.contains_key(*k)) {
        return Err(bad("an external reference needs description, url or external_id besides source_name"));
    }
    Ok(())
}

fn check_granular_marking(o: &Map<String, Value>) -> R<()> {
    check_props(o, &[("selectors", P::Strs), ("marking_ref", P::Ref(&["marking-definition"])), ("lang", P::Lang)])?;
    if !o.contains_key("selectors") {
        return Err(InvalidObject::new("selectors", "required property is missing"));
    }
    match (o.contains_key("marking_ref"), o.contains_key("lang")) {
        (true, false) | (false, true) => Ok(()),
        (true, true) => Err(InvalidObject::new("lang", "a granular marking has marking_ref or lang, not both")),
        (false, false) => Err(InvalidObject::new("marking_ref", "required property is missing (or lang)")),
    }
}

/// Hash values must be non-empty strings; the common algorithms must have the right hex length.
fn check_hashes(h: &Map<String, Value>) -> R<()> {
    if h.is_empty() {
        return Err(bad("must not be empty"));
    }
    for (alg, v) in h {
        let at = |e: InvalidObject| e.under(&quote_key(alg));
        let Value::String(s) = v else {
            return Err(at(bad(format!("expected a string, got {}", json_kind(v)))));
        };
        if !(3..=250).contains(&alg.len()) {
            return Err(at(bad("hash algorithm names are 3 to 250 characters")));
        }
        let hex_len = match alg.as_str() {
            "MD5" => Some(32),
            "SHA-1" => Some(40),
            "SHA-256" | "SHA3-256" => Some(64),
            "SHA-512" | "SHA3-512" => Some(128),
            _ => None,
        };
        match hex_len {
            Some(n) if s.len() != n || !s.bytes().all(|c| c.is_ascii_hexdigit()) => {
                return Err(at(bad(format!("{alg} must be {n} hex digits, got '{}'", truncate(s)))));
            }
            None if s.is_empty() => return Err(at(bad("must not be empty"))),
            _ => {}
        }
    }
    Ok(())
}

fn quote_key(k: &str) -> String {
    format!("'{}'", truncate(k))
}

const EXTENSION_TYPES: &[&str] = &["new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension"];

fn check_extensions(x: &Map<String, Value>) -> R<()> {
    if x.is_empty() {
        return Err(bad("must not be empty"));
    }
    for (name, v) in x {
        let at = |e: InvalidObject| e.under(&quote_key(name));
        if name.starts_with("extension-definition--") {
            check_ref(name, &["extension-definition"]).map_err(at)?;
        }
        let Value::Object(ext) = v else {
            return Err(at(bad(format!("expected an object, got {}", json_kind(v)))));
        };
        check_props(ext, &[("extension_type", P::Enum(EXTENSION_TYPES))]).map_err(at)?;
    }
    Ok(())
}

// ---- the table -------------------------------------------------------------------------------

const NAMED: &[&str] = &["name"];

macro_rules! props {
    ($($name:literal : $p:expr),* $(,)?) => { &[$(($name, $p)),*] };
}

const fn sdo(name: &'static str, required: &'static [&'static str], props: &'static [(&'static str, P)], extra: Option<Extra>) -> TypeSpec {
    TypeSpec { name, kind: ObjectKind::Sdo, versioned: true, required, props, extra }
}

const fn sco(name: &'static str, required: &'static [&'static str], props: &'static [(&'static str, P)], extra: Option<Extra>) -> TypeSpec {
    TypeSpec { name, kind: ObjectKind::Sco, versioned: false, required, props, extra }
}

static TYPES: &[TypeSpec] = &[
    sdo("indicator", &["pattern", "pattern_type", "valid_from"], props! {
        "name": P::Str, "description": P::Str, "indicator_types": P::Strs, "pattern": P::Str,
        "pattern_type": P::Str, "pattern_version": P::Str, "valid_from": P::Timestamp,
        "valid_until": P::Timestamp, "kill_chain_phases": P::KillChainPhases,
    }, Some(indicator)),
    sdo("attack-pattern", NAMED, props! { "name": P::Str, "description": P::Str, "aliases": P::Strs, "kill_chain_phases": P::KillChainPhases }, None),
    sdo("campaign", NAMED, props! { "name": P::Str, "description": P::Str, "aliases": P::Strs, "first_seen": P::Timestamp, "last_seen": P::Timestamp, "objective": P::Str }, Some(seen)),
    sdo("course-of-action", NAMED, props! { "name": P::Str, "description": P::Str }, None),
    sdo("grouping", &["context", "object_refs"], props! { "name": P::Str, "description": P::Str, "context": P::Str, "object_refs": P::Refs(&[]) }, None),
    sdo("identity", NAMED, props! { "name": P::Str, "description": P::Str, "roles": P::Strs, "identity_class": P::Str, "sectors": P::Strs, "contact_information": P::Str }, None),
    sdo("incident", NAMED, props! { "name": P::Str, "description": P::Str, "kill_chain_phases": P::KillChainPhases }, None),
    sdo("infrastructure", NAMED, props! {
        "name": P::Str, "description": P::Str, "infrastructure_types": P::Strs, "aliases": P::Strs,
        "kill_chain_phases": P::KillChainPhases, "first_seen": P::Timestamp, "last_seen": P::Timestamp,
    }, Some(seen)),
    sdo("intrusion-set", NAMED, props! {
        "name": P::Str, "description": P::Str, "aliases": P::Strs, "first_seen": P::Timestamp, "last_seen": P::Timestamp,
        "goals": P::Strs, "resource_level": P::Str, "primary_motivation": P::Str, "secondary_motivations": P::Strs,
    }, Some(seen)),
    sdo("location", &[], props! {
        "name": P::Str, "description": P::Str, "latitude": P::Num(-90.0, 90.0), "longitude": P::Num(-180.0, 180.0),
        "precision": P::Num(0.0, f64::MAX), "region": P::Str, "country": P::Str, "administrative_area": P::Str,
        "city": P::Str, "street_address": P::Str, "postal_code": P::Str,
    }, Some(location)),
    sdo("malware", &["is_family"], props! {
        "name": P::Str, "description": P::Str, "malware_types": P::Strs, "is_family": P::Bool, "aliases": P::Strs,
        "kill_chain_phases": P::KillChainPhases, "first_seen": P::Timestamp, "last_seen": P::Timestamp,
        "operating_system_refs": P::Refs(&["software"]), "architecture_execution_envs": P::Strs,
        "implementation_languages": P::Strs, "capabilities": P::Strs, "sample_refs": P::Refs(&["file", "artifact"]),
    }, Some(malware)),
    sdo("malware-analysis", &["product"], props! {
        "product": P::Str, "version": P::Str, "result": P::Str, "analysis_sco_refs": P::Refs(&[]),
        "sample_ref": P::Ref(&[]), "submitted": P::Timestamp, "analysis_started": P::Timestamp, "analysis_ended": P::Timestamp,
    }, Some(malware_analysis)),
    sdo("note", &["content", "object_refs"], props! { "abstract": P::Str, "content": P::Str, "authors": P::Strs, "object_refs": P::Refs(&[]) }, None),
    sdo("observed-data", &["first_observed", "last_observed", "number_observed"], props! {
        "first_observed": P::Timestamp, "last_observed": P::Timestamp, "number_observed": P::Int(1, 999_999_999),
        "objects": P::Dict, "object_refs": P::Refs(&[]),
    }, Some(observed_data)),
    sdo("opinion", &["opinion", "object_refs"], props! {
        "explanation": P::Str, "authors": P::Strs, "object_refs": P::Refs(&[]),
        "opinion": P::Enum(&["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]),
    }, None),
    sdo("report", &["name", "published", "object_refs"], props! {
        "name": P::Str, "description": P::Str, "report_types": P::Strs, "published": P::Timestamp, "object_refs": P::Refs(&[]),
    }, None),
    sdo("threat-actor", NAMED, props! {
        "name": P::Str, "description": P::Str, "threat_actor_types": P::Strs, "aliases": P::Strs,
        "first_seen": P::Timestamp, "last_seen": P::Timestamp, "roles": P::Strs, "goals": P::Strs,
        "sophistication": P::Str, "resource_level": P::Str, "primary_motivation": P::Str,
        "secondary_motivations": P::Strs, "personal_motivations": P::Strs,
    }, Some(seen)),
    sdo("tool", NAMED, props! { "name": P::Str, "description": P::Str, "tool_types": P::Strs, "aliases": P::Strs, "kill_chain_phases": P::KillChainPhases, "tool_version": P::Str }, None),
    sdo("vulnerability", NAMED, props! { "name": P::Str, "description": P::Str }, None),
    TypeSpec { name: "relationship", kind: ObjectKind::Sro, versioned: true, required: &["relationship_type", "source_ref", "target_ref"], props: props! {
        "relationship_type": P::Str, "description": P::Str, "source_ref": P::Ref(&[]), "target_ref": P::Ref(&[]),
        "start_time": P::Timestamp, "stop_time": P::Timestamp,
    }, extra: Some(relationship) },
    TypeSpec { name: "sighting", kind: ObjectKind::Sro, versioned: true, required: &["sighting_of_ref"], props: props! {
        "description": P::Str, "first_seen": P::Timestamp, "last_seen": P::Timestamp, "count": P::Int(0, 999_999_999),
        "sighting_of_ref": P::Ref(&[]), "observed_data_refs": P::Refs(&["observed-data"]),
        "where_sighted_refs": P::Refs(&["identity", "location"]), "summary": P::Bool,
    }, extra: Some(seen) },
    TypeSpec { name: "marking-definition", kind: ObjectKind::Meta, versioned: false, required: &[], props: props! {
        "name": P::Str, "definition_type": P::Str, "definition": P::Dict,
    }, extra: Some(marking_definition) },
    TypeSpec { name: "language-content", kind: ObjectKind::Meta, versioned: true, required: &["object_ref", "contents"], props: props! {
        "object_ref": P::Ref(&[]), "object_modified": P::Timestamp, "contents": P::Dict,
    }, extra: None },
    TypeSpec { name: "extension-definition", kind: ObjectKind::Meta, versioned: true,
        required: &["created_by_ref", "name", "schema", "version", "extension_types"], props: props! {
        "name": P::Str, "description": P::Str, "schema": P::Str, "version": P::Str,
        "extension_types": P::Enums(EXTENSION_TYPES), "extension_properties": P::Strs,
    }, extra: None },
    sco("domain-name", &["value"], props! { "value": P::Str, "resolves_to_refs": P::Refs(&["ipv4-addr", "ipv6-addr", "domain-name"]) }, Some(domain_name)),
    sco("url", &["value"], props! { "value": P::Str }, Some(url)),
    sco("ipv4-addr", &["value"], props! { "value": P::Str, "resolves_to_refs": P::Refs(&["mac-addr"]), "belongs_to_refs": P::Refs(&["autonomous-system"]) }, Some(ipv4)),
    sco("ipv6-addr", &["value"], props! { "value": P::Str, "resolves_to_refs": P::Refs(&["mac-addr"]), "belongs_to_refs": P::Refs(&["autonomous-system"]) }, Some(ipv6)),
    sco("email-addr", &["value"], props! { "value": P::Str, "display_name": P::Str, "belongs_to_ref": P::Ref(&["user-account"]) }, Some(email)),
    sco("file", &[], props! {
        "hashes": P::Hashes, "size": P::Int(0, i64::MAX), "name": P::Str, "name_enc": P::Str, "magic_number_hex": P::Str,
        "mime_type": P::Str, "ctime": P::Timestamp, "mtime": P::Timestamp, "atime": P::Timestamp,
        "parent_directory_ref": P::Ref(&["directory"]), "contains_refs": P::Refs(&[]), "content_ref": P::Ref(&["artifact"]),
    }, Some(file)),
    sco("x-phone-number", &["value"], props! { "value": P::Str }, Some(phone)),
    // OpenCTI's phone-number observable: a custom SCO defined by an extension-definition.
    sco("phone-number", &["value"], props! { "value": P::Str }, Some(phone)),
];

static CUSTOM_SDO: TypeSpec = sdo("x-", &[], &[], None);
static CUSTOM_SCO: TypeSpec = sco("x-", &[], &[], None);

/// The spec for `object_type`; unknown `x-` types get the common checks only (an SDO when
/// they carry `created`, else an SCO).
pub(crate) fn lookup(object_type: &str, m: &Map<String, Value>) -> R<&'static TypeSpec> {
    if let Some(spec) = TYPES.iter().find(|s| s.name == object_type) {
        return Ok(spec);
    }
    if !crate::validate::is_type_name(object_type) {
        return Err(InvalidObject::new(
            "type",
            format!("'{}' is not a valid type name (3-250 characters of a-z, 0-9, '-')", truncate(object_type)),
        ));
    }
    if object_type.starts_with("x-") {
        return Ok(if m.contains_key("created") { &CUSTOM_SDO } else { &CUSTOM_SCO });
    }
    Err(InvalidObject::new("type", format!("unsupported type '{}'", truncate(object_type))))
}

// ---- cross-property rules ---------------------------------------------------------------------

fn seen(m: &Map<String, Value>) -> R<()> {
    ordered(m, "first_seen", "last_seen", false)
}

fn indicator(m: &Map<String, Value>) -> R<()> {
    ordered(m, "valid_from", "valid_until", true)?;
    if required(m, "pattern_type")? == "stix" {
        let pattern = required(m, "pattern")?;
        crate::pattern::parse(pattern).map_err(|e| InvalidObject::new("pattern", e.to_string()))?;
    }
    Ok(())
}

fn malware(m: &Map<String, Value>) -> R<()> {
    if m.get("is_family") == Some(&Value::Bool(true)) && !m.contains_key("name") {
        return Err(InvalidObject::new("name", "required when is_family is true"));
    }
    seen(m)
}

fn malware_analysis(m: &Map<String, Value>) -> R<()> {
    if !m.contains_key("result") && !m.contains_key("analysis_sco_refs") {
        return Err(InvalidObject::new("result", "required property is missing (or analysis_sco_refs)"));
    }
    ordered(m, "analysis_started", "analysis_ended", false)
}

fn location(m: &Map<String, Value>) -> R<()> {
    let (lat, long) = (m.contains_key("latitude"), m.contains_key("longitude"));
    match (lat, long) {
        (true, false) => return Err(InvalidObject::new("longitude", "required when latitude is present")),
        (false, true) => return Err(InvalidObject::new("latitude", "required when longitude is present")),
        _ => {}
    }
    if m.contains_key("precision") && !lat {
        return Err(InvalidObject::new("precision", "needs latitude and longitude"));
    }
    if !lat && !m.contains_key("region") && !m.contains_key("country") {
        return Err(InvalidObject::new("region", "a location needs region, country, or latitude and longitude"));
    }
    Ok(())
}

fn observed_data(m: &Map<String, Value>) -> R<()> {
    ordered(m, "first_observed", "last_observed", false)?;
    match (m.contains_key("object_refs"), m.contains_key("objects")) {
        (true, false) | (false, true) => Ok(()),
        (true, true) => Err(InvalidObject::new("objects", "deprecated; not allowed together with object_refs")),
        (false, false) => Err(InvalidObject::new("object_refs", "required property is missing")),
    }
}

fn relationship(m: &Map<String, Value>) -> R<()> {
    let rt = required(m, "relationship_type")?;
    if rt.is_empty() || !rt.bytes().all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9' | b'-')) {
        return Err(InvalidObject::new("relationship_type", format!("must be a-z, 0-9 and '-' only, got '{}'", truncate(rt))));
    }
    ordered(m, "start_time", "stop_time", true)
}

/// The TLP 2.0 extension-definition every TLP 2.0 marking-definition carries.
const TLP2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

fn marking_definition(m: &Map<String, Value>) -> R<()> {
    if let Some(tlp) = m.get("extensions").and_then(|x| x.get(TLP2_EXTENSION)) {
        let at = |e: InvalidObject| e.under(&format!("extensions.'{TLP2_EXTENSION}'"));
        let Value::Object(tlp) = tlp else { return Ok(()) }; // type already checked
        check_props(tlp, &[("extension_type", P::Enum(&["property-extension"])), ("tlp_2_0", P::Enum(&["clear", "green", "amber", "amber+strict", "red"]))]).map_err(at)?;
        required(tlp, "tlp_2_0").map_err(at)?;
        return Ok(());
    }
    match (m.get("definition_type").and_then(Value::as_str), m.get("definition")) {
        (Some("tlp"), Some(def)) => {
            P::Enum(&["white", "green", "amber", "red"]).check(def.get("tlp").unwrap_or(&Value::Null)).map_err(|e| e.under("definition.tlp"))
        }
        (Some("statement"), Some(def)) => required(def.as_object().unwrap_or(&Map::new()), "statement").map(|_| ()).map_err(|e| e.under("definition")),
        (Some(_), Some(_)) => Ok(()),
        (Some(_), None) => Err(InvalidObject::new("definition", "required with definition_type")),
        (None, Some(_)) => Err(InvalidObject::new("definition_type", "required with definition")),
        (None, None) if m.contains_key("extensions") => Ok(()),
        (None, None) => Err(InvalidObject::new("definition_type", "a marking-definition needs definition_type and definition, or extensions (TLP 2.0)")),
    }
}

fn value(m: &Map<String, Value>) -> &str {
    m.get("value").and_then(Value::as_str).unwrap_or("")
}

fn domain_name(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    let ok = !v.is_empty() && v.len() <= 253 && !v.chars().any(|c| c.is_whitespace() || c.is_control() || "/:@".contains(c));
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not a domain name: '{}'", truncate(v)))),
    }
}

fn url(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    // STIX only asks for an RFC 3986 URL; the links crate normalises. Refuse what cannot be one.
    let ok = !v.is_empty() && !v.chars().any(|c| c.is_whitespace() || c.is_control()) && v.contains(':');
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not a URL: '{}'", truncate(v)))),
    }
}

fn ipv4(m: &Map<String, Value>) -> R<()> {
    address(value(m), 32, |a| a.parse::<Ipv4Addr>().is_ok(), "IPv4")
}

fn ipv6(m: &Map<String, Value>) -> R<()> {
    address(value(m), 128, |a| a.parse::<Ipv6Addr>().is_ok(), "IPv6")
}

/// An address or a CIDR block `addr/len`.
fn address(v: &str, max_len: u8, parses: fn(&str) -> bool, family: &str) -> R<()> {
    let (addr, len) = match v.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (v, None),
    };
    let len_ok = len.is_none_or(|l| !l.starts_with('+') && l.parse::<u8>().is_ok_and(|n| n <= max_len));
    match parses(addr) && len_ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not an {family} address or CIDR block: '{}'", truncate(v)))),
    }
}

fn email(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    let ok = match v.rsplit_once('@') {
        Some((local, domain)) => !local.is_empty() && !domain.is_empty() && !v.chars().any(|c| c.is_whitespace() || c.is_control()),
        None => false,
    };
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not an email address: '{}'", truncate(v)))),
    }
}

fn file(m: &Map<String, Value>) -> R<()> {
    match m.contains_key("hashes") || m.contains_key("name") {
        true => Ok(()),
        false => Err(InvalidObject::new("hashes", "a file needs hashes or name")),
    }
}

/// E.164-ish: optional '+', 4 to 15 digits, with spaces, dots, hyphens and parentheses allowed.
fn phone(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    let body = v.strip_prefix('+').unwrap_or(v);
    let ok = (4..=15).contains(&digits) && body.bytes().all(|c| c.is_ascii_digit() || b" .-()".contains(&c));
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not a phone number (optional '+', 4 to 15 digits): '{}'", truncate(v)))),
    }
}
