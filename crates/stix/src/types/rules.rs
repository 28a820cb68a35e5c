//! Cross-property rules of individual types (the `extra` column of the type table).

use std::net::{Ipv4Addr, Ipv6Addr};

use serde_json::{Map, Value};

use super::P;
use crate::bundle::truncate;
use crate::validate::{InvalidObject, R, check_props, ordered, required};

pub(super) fn seen(m: &Map<String, Value>) -> R<()> {
    ordered(m, "first_seen", "last_seen", false)
}

pub(super) fn indicator(m: &Map<String, Value>) -> R<()> {
    ordered(m, "valid_from", "valid_until", true)?;
    if required(m, "pattern_type")? == "stix" {
        let pattern = required(m, "pattern")?;
        crate::pattern::parse(pattern).map_err(|e| InvalidObject::new("pattern", e.to_string()))?;
    }
    Ok(())
}

pub(super) fn malware(m: &Map<String, Value>) -> R<()> {
    if m.get("is_family") == Some(&Value::Bool(true)) && !m.contains_key("name") {
        return Err(InvalidObject::new("name", "required when is_family is true"));
    }
    seen(m)
}

pub(super) fn malware_analysis(m: &Map<String, Value>) -> R<()> {
    if !m.contains_key("result") && !m.contains_key("analysis_sco_refs") {
        return Err(InvalidObject::new("result", "required property is missing (or analysis_sco_refs)"));
    }
    ordered(m, "analysis_started", "analysis_ended", false)
}

pub(super) fn location(m: &Map<String, Value>) -> R<()> {
    let (lat, long) = (m.contains_key("latitude"), m.contains_key("longitude"));
    match (lat, long) {
        (true, false) => {
            return Err(InvalidObject::new("longitude", "required when latitude is present"));
        }
        (false, true) => {
            return Err(InvalidObject::new("latitude", "required when longitude is present"));
        }
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

pub(super) fn observed_data(m: &Map<String, Value>) -> R<()> {
    ordered(m, "first_observed", "last_observed", false)?;
    match (m.contains_key("object_refs"), m.contains_key("objects")) {
        (true, false) | (false, true) => Ok(()),
        (true, true) => Err(InvalidObject::new("objects", "deprecated; not allowed together with object_refs")),
        (false, false) => Err(InvalidObject::new("object_refs", "required property is missing")),
    }
}

pub(super) fn relationship(m: &Map<String, Value>) -> R<()> {
    let rt = required(m, "relationship_type")?;
    if rt.is_empty() || !rt.bytes().all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9' | b'-')) {
        return Err(InvalidObject::new("relationship_type", format!("must be a-z, 0-9 and '-' only, got '{}'", truncate(rt))));
    }
    ordered(m, "start_time", "stop_time", true)
}

/// The TLP 2.0 extension-definition every TLP 2.0 marking-definition carries.
const TLP2_EXTENSION: &str = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

pub(super) fn marking_definition(m: &Map<String, Value>) -> R<()> {
    if let Some(tlp) = m.get("extensions").and_then(|x| x.get(TLP2_EXTENSION)) {
        let at = |e: InvalidObject| e.under(&format!("extensions.'{TLP2_EXTENSION}'"));
        let Value::Object(tlp) = tlp else {
            return Ok(());
        }; // type already checked
        check_props(
            tlp,
            &[
                ("extension_type", P::Enum(&["property-extension"])),
                ("tlp_2_0", P::Enum(&["clear", "green", "amber", "amber+strict", "red"])),
            ],
        )
        .map_err(at)?;
        required(tlp, "tlp_2_0").map_err(at)?;
        return Ok(());
    }
    match (m.get("definition_type").and_then(Value::as_str), m.get("definition")) {
        // STIX 2.1 lists white, green, amber and red; OpenCTI writes the TLP 2.0 levels here too.
        (Some("tlp"), Some(def)) => P::Enum(&["white", "clear", "green", "amber", "amber+strict", "red"])
            .check(def.get("tlp").unwrap_or(&Value::Null))
            .map_err(|e| e.under("definition.tlp")),
        (Some("statement"), Some(def)) => {
            required(def.as_object().unwrap_or(&Map::new()), "statement").map(|_| ()).map_err(|e| e.under("definition"))
        }
        (Some(_), Some(_)) => Ok(()),
        (Some(_), None) => Err(InvalidObject::new("definition", "required with definition_type")),
        (None, Some(_)) => Err(InvalidObject::new("definition_type", "required with definition")),
        (None, None) if m.contains_key("extensions") => Ok(()),
        (None, None) => {
            Err(InvalidObject::new("definition_type", "a marking-definition needs definition_type and definition, or extensions (TLP 2.0)"))
        }
    }
}

pub(super) fn value(m: &Map<String, Value>) -> &str {
    m.get("value").and_then(Value::as_str).unwrap_or("")
}

pub(super) fn domain_name(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    let ok = !v.is_empty() && v.len() <= 253 && !v.chars().any(|c| c.is_whitespace() || c.is_control() || "/:@".contains(c));
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not a domain name: '{}'", truncate(v)))),
    }
}

pub(super) fn url(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    // STIX only asks for an RFC 3986 URL; the links crate normalises. Refuse what cannot be one.
    let ok = !v.is_empty() && !v.chars().any(|c| c.is_whitespace() || c.is_control()) && v.contains(':');
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not a URL: '{}'", truncate(v)))),
    }
}

pub(super) fn ipv4(m: &Map<String, Value>) -> R<()> {
    address(value(m), 32, |a| a.parse::<Ipv4Addr>().is_ok(), "IPv4")
}

pub(super) fn ipv6(m: &Map<String, Value>) -> R<()> {
    address(value(m), 128, |a| a.parse::<Ipv6Addr>().is_ok(), "IPv6")
}

/// An address or a CIDR block `addr/len`.
pub(super) fn address(v: &str, max_len: u8, parses: fn(&str) -> bool, family: &str) -> R<()> {
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

pub(super) fn email(m: &Map<String, Value>) -> R<()> {
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

pub(super) fn file(m: &Map<String, Value>) -> R<()> {
    match m.contains_key("hashes") || m.contains_key("name") {
        true => Ok(()),
        false => Err(InvalidObject::new("hashes", "a file needs hashes or name")),
    }
}

/// E.164-ish: optional '+', 4 to 15 digits, with spaces, dots, hyphens and parentheses allowed.
pub(super) fn phone(m: &Map<String, Value>) -> R<()> {
    let v = value(m);
    let digits = v.bytes().filter(u8::is_ascii_digit).count();
    let body = v.strip_prefix('+').unwrap_or(v);
    let ok = (4..=15).contains(&digits) && body.bytes().all(|c| c.is_ascii_digit() || b" .-()".contains(&c));
    match ok {
        true => Ok(()),
        false => Err(InvalidObject::new("value", format!("not a phone number (optional '+', 4 to 15 digits): '{}'", truncate(v)))),
    }
}
