//! Property shapes ([`P`]) and their checks, shared by the table of accepted types
//! (`types/table.rs`: per type its family, required and typed properties and an optional
//! cross-property rule from `types/rules.rs`). Adding a type is adding a row.

use serde_json::{Map, Value};

use crate::bundle::{json_kind, truncate};
use crate::validate::{InvalidObject, ObjectKind, R, check_props, check_ref, required};

mod rules;
mod table;

pub(crate) use table::lookup;

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
            P::Enum(allowed) if !allowed.contains(&s) => Err(bad(format!("must be one of {}, got '{}'", allowed.join(", "), truncate(s)))),
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
        if !(3..=250).contains(&alg.len()) || !alg.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-') {
            return Err(at(bad("hash algorithm names are 3 to 250 of A-Z a-z 0-9 _ -")));
        }
        if s.is_empty() {
            return Err(at(bad("must not be empty")));
        }
        check_hash_value(alg, s).map_err(|reason| at(bad(reason)))?;
    }
    Ok(())
}

/// Known hash algorithms must have the right number of hex digits (as stix2-validator checks,
/// in objects and in indicator patterns alike).
pub(crate) fn check_hash_value(alg: &str, value: &str) -> Result<(), String> {
    let hex_len = match alg {
        "MD5" => 32,
        "SHA-1" => 40,
        "SHA-256" | "SHA3-256" => 64,
        "SHA-512" | "SHA3-512" => 128,
        "TLSH" => match value.len() == 70 && value.bytes().all(|c| c.is_ascii_alphanumeric()) {
            true => return Ok(()),
            false => {
                return Err(format!("TLSH must be 70 letters or digits, got '{}'", truncate(value)));
            }
        },
        "SSDEEP" => {
            let ok = (1..=128).contains(&value.len()) && value.bytes().all(|c| c.is_ascii_alphanumeric() || b"/+:.".contains(&c));
            return match ok {
                true => Ok(()),
                false => Err(format!("SSDEEP must be 1 to 128 of A-Z a-z 0-9 / + : ., got '{}'", truncate(value))),
            };
        }
        _ => return Ok(()),
    };
    match value.len() == hex_len && value.bytes().all(|c| c.is_ascii_hexdigit()) {
        true => Ok(()),
        false => Err(format!("{alg} must be {hex_len} hex digits, got '{}'", truncate(value))),
    }
}

fn quote_key(k: &str) -> String {
    format!("'{}'", truncate(k))
}

pub(crate) const EXTENSION_TYPES: &[&str] = &["new-sdo", "new-sco", "new-sro", "property-extension", "toplevel-property-extension"];

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
