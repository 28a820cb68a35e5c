//! STIX 2.1 object validation over `serde_json::Value`: common properties, the per-type
//! table of required and typed properties, and the cross-property rules of each type.
//!
//! The hub stores the original JSON, so nothing here builds typed structs; a successful
//! validation returns an [`ObjectSummary`] with just what storage and TLP decisions need.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::bundle::{json_kind, truncate};
use crate::canonical_timestamp;
use crate::types::{P, TypeSpec, lookup};

/// What the hub needs to know about a valid object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObjectSummary {
    /// `type--uuid`.
    pub id: String,
    pub object_type: String,
    /// Always "2.1" (SCOs may omit it, which means 2.1).
    pub spec_version: String,
    /// As given (RFC 3339 UTC); `None` for SCOs.
    pub created: Option<String>,
    /// As given; `None` for SCOs and marking-definitions, which are not versioned.
    pub modified: Option<String>,
    pub created_by_ref: Option<String>,
    /// `object_marking_refs` then every `granular_markings[].marking_ref`, without repeats.
    pub marking_refs: Vec<String>,
    /// The custom property `x_postern_recipients` (identity ids), validated.
    pub recipients: Vec<String>,
    pub kind: ObjectKind,
}

/// The four families of STIX objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ObjectKind {
    /// STIX Domain Object (indicator, campaign, ... and `x-` custom objects with `created`).
    Sdo,
    /// STIX Relationship Object (relationship, sighting).
    Sro,
    /// STIX Cyber-observable Object (domain-name, url, ... and `x-` custom objects without `created`).
    Sco,
    /// marking-definition, language-content, extension-definition.
    Meta,
}

impl ObjectKind {
    /// `"sdo"`, `"sro"`, `"sco"` or `"meta"`, e.g. for a storage column.
    pub fn as_str(self) -> &'static str {
        match self {
            ObjectKind::Sdo => "sdo",
            ObjectKind::Sro => "sro",
            ObjectKind::Sco => "sco",
            ObjectKind::Meta => "meta",
        }
    }
}

/// Why an object is invalid: the property path at fault and a precise reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.render())]
pub struct InvalidObject {
    /// E.g. `valid_from`, `granular_markings[0].marking_ref`; empty when about the whole value.
    pub path: String,
    pub reason: String,
}

impl InvalidObject {
    pub(crate) fn new(path: impl Into<String>, reason: impl Into<String>) -> Self {
        InvalidObject { path: path.into(), reason: reason.into() }
    }

    /// Re-roots an error found inside `prefix` (a property name or `name[3]`).
    pub(crate) fn under(mut self, prefix: &str) -> Self {
        self.path = match (self.path.is_empty(), self.path.starts_with('[')) {
            (true, _) => prefix.to_owned(),
            (false, true) => format!("{prefix}{}", self.path),
            (false, false) => format!("{prefix}.{}", self.path),
        };
        self
    }

    fn render(&self) -> String {
        match self.path.is_empty() {
            true => self.reason.clone(),
            false => format!("property '{}': {}", self.path, self.reason),
        }
    }
}

pub(crate) type R<T> = Result<T, InvalidObject>;

/// Validates one STIX 2.1 object (see the crate docs for the rules).
pub fn validate_object(obj: &Value) -> Result<ObjectSummary, InvalidObject> {
    let Value::Object(m) = obj else {
        return Err(InvalidObject::new("", format!("object is not a JSON object (found {})", json_kind(obj))));
    };
    let object_type = match m.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(other) => {
            return Err(InvalidObject::new("type", format!("expected a string, got {}", json_kind(other))));
        }
        None => return Err(InvalidObject::new("type", "required property is missing")),
    };
    let spec = lookup(object_type, m)?;
    let id = check_id(m, object_type)?;
    check_property_names(m)?;
    let spec_version = check_spec_version(m, spec)?;

    let (created, modified) = match spec.kind {
        ObjectKind::Sco => (None, None),
        _ => {
            let created = required(m, "created")?;
            let created_at = millis_timestamp("created", created)?;
            match spec.versioned {
                false => (Some(created), None),
                true => {
                    let modified = required(m, "modified")?;
                    let modified_at = millis_timestamp("modified", modified)?;
                    if modified_at < created_at {
                        return Err(InvalidObject::new(
                            "modified",
                            format!("must be >= created ({} < {})", truncate(modified), truncate(created)),
                        ));
                    }
                    (Some(created), Some(modified))
                }
            }
        }
    };

    check_props(m, COMMON)?;
    match spec.kind {
        ObjectKind::Sco => check_props(m, COMMON_SCO)?,
        _ => check_props(m, COMMON_SDO)?,
    }
    for name in spec.required {
        if !m.contains_key(*name) {
            return Err(InvalidObject::new(*name, "required property is missing"));
        }
    }
    check_props(m, spec.props)?;
    check_selectors(m)?;
    if let Some(extra) = spec.extra {
        extra(m)?;
    }

    Ok(ObjectSummary {
        id: id.to_owned(),
        object_type: object_type.to_owned(),
        spec_version,
        created: created.map(str::to_owned),
        modified: modified.map(str::to_owned),
        created_by_ref: m.get("created_by_ref").and_then(Value::as_str).map(str::to_owned),
        marking_refs: marking_refs(m),
        recipients: str_list(m.get("x_postern_recipients")),
        kind: spec.kind,
    })
}

/// Properties every object may carry.
const COMMON: &[(&str, P)] = &[
    ("object_marking_refs", P::Refs(&["marking-definition"])),
    ("granular_markings", P::GranularMarkings),
    ("extensions", P::Extensions),
    ("x_postern_recipients", P::Refs(&["identity"])),
];

/// Common properties of SDOs, SROs and meta objects (not SCOs).
const COMMON_SDO: &[(&str, P)] = &[
    ("created_by_ref", P::Ref(&["identity"])),
    ("revoked", P::Bool),
    ("labels", P::Strs),
    ("confidence", P::Int(0, 100)),
    ("lang", P::Lang),
    ("external_references", P::ExternalRefs),
];

/// Common properties of SCOs.
const COMMON_SCO: &[(&str, P)] = &[("defanged", P::Bool), ("created_by_ref", P::Ref(&["identity"]))];

fn check_id<'a>(m: &'a Map<String, Value>, object_type: &str) -> R<&'a str> {
    let id = required(m, "id")?;
    match id.strip_prefix(object_type).and_then(|rest| rest.strip_prefix("--")) {
        Some(uuid) if is_uuid(uuid) => Ok(id),
        Some(_) => Err(InvalidObject::new("id", format!("'{}' does not end in an RFC 4122 UUID", truncate(id)))),
        None => Err(InvalidObject::new("id", format!("expected '{object_type}--<uuid>', got '{}'", truncate(id)))),
    }
}

/// STIX 2.1 3.1: property names are 3 to 250 of `a-z 0-9 _` (`id` is the one shorter name).
fn check_property_names(m: &Map<String, Value>) -> R<()> {
    for name in m.keys() {
        let ok =
            (name.len() >= 3 && name.len() <= 250 && name.bytes().all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9' | b'_'))) || name == "id";
        if !ok {
            // An empty name still needs a visible path.
            let path = if name.is_empty() { "\"\"".to_owned() } else { truncate(name) };
            return Err(InvalidObject::new(path, "property names must be 3 to 250 characters of a-z, 0-9 and '_'"));
        }
    }
    Ok(())
}

fn check_spec_version(m: &Map<String, Value>, spec: &TypeSpec) -> R<String> {
    match (m.get("spec_version"), spec.kind) {
        (None, ObjectKind::Sco) => Ok("2.1".to_owned()),
        (None, _) => Err(InvalidObject::new("spec_version", "required property is missing")),
        (Some(Value::String(v)), _) if v == "2.1" => Ok("2.1".to_owned()),
        (Some(Value::String(v)), _) => {
            Err(InvalidObject::new("spec_version", format!("only STIX 2.1 objects are accepted, got '{}'", truncate(v))))
        }
        (Some(other), _) => Err(InvalidObject::new("spec_version", format!("expected the string \"2.1\", got {}", json_kind(other)))),
    }
}

pub(crate) fn check_props(m: &Map<String, Value>, props: &[(&str, P)]) -> R<()> {
    for (name, p) in props {
        if let Some(v) = m.get(*name) {
            p.check(v).map_err(|e| e.under(name))?;
        }
    }
    Ok(())
}

/// A present string property.
pub(crate) fn required<'a>(m: &'a Map<String, Value>, name: &str) -> R<&'a str> {
    match m.get(name) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(InvalidObject::new(name, format!("expected a string, got {}", json_kind(other)))),
        None => Err(InvalidObject::new(name, "required property is missing")),
    }
}

/// `created` and `modified` "MUST be precise to the nearest millisecond" (STIX 2.1 3.2).
fn millis_timestamp(path: &str, s: &str) -> R<DateTime<Utc>> {
    let t = timestamp(path, s)?;
    let b = s.as_bytes();
    let fraction = b.iter().rposition(|&c| c == b'.').map_or(0, |dot| b.len() - dot - 2);
    if fraction < 3 {
        return Err(InvalidObject::new(
            path,
            format!("must be precise to the millisecond (YYYY-MM-DDTHH:MM:SS.sssZ), got '{}'", truncate(s)),
        ));
    }
    Ok(t)
}

pub(crate) fn timestamp(path: &str, s: &str) -> R<DateTime<Utc>> {
    canonical_timestamp(s).map_err(|e| InvalidObject::new(path, format!("{e} (got '{}')", truncate(s))))
}

/// A present timestamp property, already type-checked by the table.
pub(crate) fn opt_time(m: &Map<String, Value>, name: &str) -> Option<DateTime<Utc>> {
    m.get(name).and_then(Value::as_str).and_then(|s| canonical_timestamp(s).ok())
}

/// `later` must not be before `earlier` (or strictly after, when `strict`).
pub(crate) fn ordered(m: &Map<String, Value>, earlier: &str, later: &str, strict: bool) -> R<()> {
    let (Some(a), Some(b)) = (opt_time(m, earlier), opt_time(m, later)) else {
        return Ok(());
    };
    let bad = if strict { b <= a } else { b < a };
    if bad {
        let (sa, sb) = (m[earlier].as_str().unwrap_or(""), m[later].as_str().unwrap_or(""));
        let (op, rel) = if strict { (">", "<=") } else { (">=", "<") };
        return Err(InvalidObject::new(later, format!("must be {op} {earlier} ({sb} {rel} {sa})")));
    }
    Ok(())
}

/// 8-4-4-4-12 hex with the RFC 4122 variant bits, as STIX 2.1 requires. Upper-case hex is
/// accepted because the OASIS examples and stix2-validator accept it; ids are compared as given.
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
        && matches!(b[19], b'8' | b'9' | b'a' | b'b' | b'A' | b'B')
}

/// The STIX type name rule `^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$`, without `--` (which would
/// make identifiers ambiguous; stix2-validator refuses it too).
pub(crate) fn is_type_name(t: &str) -> bool {
    let b = t.as_bytes();
    (3..=250).contains(&b.len())
        && b.iter().all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9' | b'-'))
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
        && !t.contains("--")
}

/// `type--uuid` whose type is one of `types` (any valid type when `types` is empty).
pub(crate) fn check_ref(s: &str, types: &[&str]) -> R<()> {
    let Some((t, uuid)) = s.rsplit_once("--") else {
        return Err(InvalidObject::new("", format!("expected an identifier 'type--<uuid>', got '{}'", truncate(s))));
    };
    if !is_type_name(t) || !is_uuid(uuid) {
        return Err(InvalidObject::new("", format!("expected an identifier 'type--<uuid>', got '{}'", truncate(s))));
    }
    if !types.is_empty() && !types.contains(&t) {
        return Err(InvalidObject::new("", format!("must reference {}, got '{}'", types.join(" or "), truncate(s))));
    }
    Ok(())
}

/// Each granular-marking selector must start at a property the object has.
fn check_selectors(m: &Map<String, Value>) -> R<()> {
    let Some(Value::Array(gms)) = m.get("granular_markings") else {
        return Ok(());
    };
    for (i, gm) in gms.iter().enumerate() {
        let Some(Value::Array(selectors)) = gm.get("selectors") else {
            continue;
        };
        for (j, sel) in selectors.iter().enumerate() {
            let sel = sel.as_str().unwrap_or("");
            let head = sel.split(['.', '[']).next().unwrap_or("");
            if !m.contains_key(head) {
                return Err(InvalidObject::new(
                    format!("granular_markings[{i}].selectors[{j}]"),
                    format!("'{}' selects no property of this object", truncate(sel)),
                ));
            }
        }
    }
    Ok(())
}

fn marking_refs(m: &Map<String, Value>) -> Vec<String> {
    let object = m.get("object_marking_refs").and_then(Value::as_array).into_iter().flatten();
    let granular = m.get("granular_markings").and_then(Value::as_array).into_iter().flatten();
    let mut out: Vec<String> = Vec::new();
    let refs = object.filter_map(Value::as_str).chain(granular.filter_map(|g| g.get("marking_ref")?.as_str()));
    for r in refs {
        if !out.iter().any(|o| o == r) {
            out.push(r.to_owned());
        }
    }
    out
}

fn str_list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
