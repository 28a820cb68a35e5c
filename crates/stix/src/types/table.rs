//! The table of accepted STIX types and the lookup that picks a row (or the `x-` fallback).

use serde_json::{Map, Value};

use super::rules::*;
use super::{EXTENSION_TYPES, Extra, P, TypeSpec};
use crate::bundle::truncate;
use crate::validate::{InvalidObject, ObjectKind, R};

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
    sdo(
        "indicator",
        &["pattern", "pattern_type", "valid_from"],
        props! {
            "name": P::Str, "description": P::Str, "indicator_types": P::Strs, "pattern": P::Str,
            "pattern_type": P::Str, "pattern_version": P::Str, "valid_from": P::Timestamp,
            "valid_until": P::Timestamp, "kill_chain_phases": P::KillChainPhases,
        },
        Some(indicator),
    ),
    sdo(
        "attack-pattern",
        NAMED,
        props! { "name": P::Str, "description": P::Str, "aliases": P::Strs, "kill_chain_phases": P::KillChainPhases },
        None,
    ),
    sdo(
        "campaign",
        NAMED,
        props! { "name": P::Str, "description": P::Str, "aliases": P::Strs, "first_seen": P::Timestamp, "last_seen": P::Timestamp, "objective": P::Str },
        Some(seen),
    ),
    sdo("course-of-action", NAMED, props! { "name": P::Str, "description": P::Str }, None),
    sdo(
        "grouping",
        &["context", "object_refs"],
        props! { "name": P::Str, "description": P::Str, "context": P::Str, "object_refs": P::Refs(&[]) },
        None,
    ),
    sdo(
        "identity",
        NAMED,
        props! { "name": P::Str, "description": P::Str, "roles": P::Strs, "identity_class": P::Str, "sectors": P::Strs, "contact_information": P::Str },
        None,
    ),
    sdo("incident", NAMED, props! { "name": P::Str, "description": P::Str, "kill_chain_phases": P::KillChainPhases }, None),
    sdo(
        "infrastructure",
        NAMED,
        props! {
            "name": P::Str, "description": P::Str, "infrastructure_types": P::Strs, "aliases": P::Strs,
            "kill_chain_phases": P::KillChainPhases, "first_seen": P::Timestamp, "last_seen": P::Timestamp,
        },
        Some(seen),
    ),
    sdo(
        "intrusion-set",
        NAMED,
        props! {
            "name": P::Str, "description": P::Str, "aliases": P::Strs, "first_seen": P::Timestamp, "last_seen": P::Timestamp,
            "goals": P::Strs, "resource_level": P::Str, "primary_motivation": P::Str, "secondary_motivations": P::Strs,
        },
        Some(seen),
    ),
    sdo(
        "location",
        &[],
        props! {
            "name": P::Str, "description": P::Str, "latitude": P::Num(-90.0, 90.0), "longitude": P::Num(-180.0, 180.0),
            "precision": P::Num(0.0, f64::MAX), "region": P::Str, "country": P::Str, "administrative_area": P::Str,
            "city": P::Str, "street_address": P::Str, "postal_code": P::Str,
        },
        Some(location),
    ),
    sdo(
        "malware",
        &["is_family"],
        props! {
            "name": P::Str, "description": P::Str, "malware_types": P::Strs, "is_family": P::Bool, "aliases": P::Strs,
            "kill_chain_phases": P::KillChainPhases, "first_seen": P::Timestamp, "last_seen": P::Timestamp,
            "operating_system_refs": P::Refs(&["software"]), "architecture_execution_envs": P::Strs,
            "implementation_languages": P::Strs, "capabilities": P::Strs, "sample_refs": P::Refs(&["file", "artifact"]),
        },
        Some(malware),
    ),
    sdo(
        "malware-analysis",
        &["product"],
        props! {
            "product": P::Str, "version": P::Str, "result": P::Str, "analysis_sco_refs": P::Refs(&[]),
            "sample_ref": P::Ref(&[]), "submitted": P::Timestamp, "analysis_started": P::Timestamp, "analysis_ended": P::Timestamp,
        },
        Some(malware_analysis),
    ),
    sdo(
        "note",
        &["content", "object_refs"],
        props! { "abstract": P::Str, "content": P::Str, "authors": P::Strs, "object_refs": P::Refs(&[]) },
        None,
    ),
    sdo(
        "observed-data",
        &["first_observed", "last_observed", "number_observed"],
        props! {
            "first_observed": P::Timestamp, "last_observed": P::Timestamp, "number_observed": P::Int(1, 999_999_999),
            "objects": P::Dict, "object_refs": P::Refs(&[]),
        },
        Some(observed_data),
    ),
    sdo(
        "opinion",
        &["opinion", "object_refs"],
        props! {
            "explanation": P::Str, "authors": P::Strs, "object_refs": P::Refs(&[]),
            "opinion": P::Enum(&["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]),
        },
        None,
    ),
    sdo(
        "report",
        &["name", "published", "object_refs"],
        props! {
            "name": P::Str, "description": P::Str, "report_types": P::Strs, "published": P::Timestamp, "object_refs": P::Refs(&[]),
        },
        None,
    ),
    sdo(
        "threat-actor",
        NAMED,
        props! {
            "name": P::Str, "description": P::Str, "threat_actor_types": P::Strs, "aliases": P::Strs,
            "first_seen": P::Timestamp, "last_seen": P::Timestamp, "roles": P::Strs, "goals": P::Strs,
            "sophistication": P::Str, "resource_level": P::Str, "primary_motivation": P::Str,
            "secondary_motivations": P::Strs, "personal_motivations": P::Strs,
        },
        Some(seen),
    ),
    sdo(
        "tool",
        NAMED,
        props! { "name": P::Str, "description": P::Str, "tool_types": P::Strs, "aliases": P::Strs, "kill_chain_phases": P::KillChainPhases, "tool_version": P::Str },
        None,
    ),
    sdo("vulnerability", NAMED, props! { "name": P::Str, "description": P::Str }, None),
    TypeSpec {
        name: "relationship",
        kind: ObjectKind::Sro,
        versioned: true,
        required: &["relationship_type", "source_ref", "target_ref"],
        props: props! {
            "relationship_type": P::Str, "description": P::Str, "source_ref": P::Ref(&[]), "target_ref": P::Ref(&[]),
            "start_time": P::Timestamp, "stop_time": P::Timestamp,
        },
        extra: Some(relationship),
    },
    TypeSpec {
        name: "sighting",
        kind: ObjectKind::Sro,
        versioned: true,
        required: &["sighting_of_ref"],
        props: props! {
            "description": P::Str, "first_seen": P::Timestamp, "last_seen": P::Timestamp, "count": P::Int(0, 999_999_999),
            "sighting_of_ref": P::Ref(&[]), "observed_data_refs": P::Refs(&["observed-data"]),
            "where_sighted_refs": P::Refs(&["identity", "location"]), "summary": P::Bool,
        },
        extra: Some(seen),
    },
    TypeSpec {
        name: "marking-definition",
        kind: ObjectKind::Meta,
        versioned: false,
        required: &[],
        props: props! {
            "name": P::Str, "definition_type": P::Str, "definition": P::Dict,
        },
        extra: Some(marking_definition),
    },
    TypeSpec {
        name: "language-content",
        kind: ObjectKind::Meta,
        versioned: true,
        required: &["object_ref", "contents"],
        props: props! {
            "object_ref": P::Ref(&[]), "object_modified": P::Timestamp, "contents": P::Dict,
        },
        extra: None,
    },
    TypeSpec {
        name: "extension-definition",
        kind: ObjectKind::Meta,
        versioned: true,
        required: &["created_by_ref", "name", "schema", "version", "extension_types"],
        props: props! {
            "name": P::Str, "description": P::Str, "schema": P::Str, "version": P::Str,
            "extension_types": P::Enums(EXTENSION_TYPES), "extension_properties": P::Strs,
        },
        extra: None,
    },
    sco(
        "domain-name",
        &["value"],
        props! { "value": P::Str, "resolves_to_refs": P::Refs(&["ipv4-addr", "ipv6-addr", "domain-name"]) },
        Some(domain_name),
    ),
    sco("url", &["value"], props! { "value": P::Str }, Some(url)),
    sco(
        "ipv4-addr",
        &["value"],
        props! { "value": P::Str, "resolves_to_refs": P::Refs(&["mac-addr"]), "belongs_to_refs": P::Refs(&["autonomous-system"]) },
        Some(ipv4),
    ),
    sco(
        "ipv6-addr",
        &["value"],
        props! { "value": P::Str, "resolves_to_refs": P::Refs(&["mac-addr"]), "belongs_to_refs": P::Refs(&["autonomous-system"]) },
        Some(ipv6),
    ),
    sco(
        "email-addr",
        &["value"],
        props! { "value": P::Str, "display_name": P::Str, "belongs_to_ref": P::Ref(&["user-account"]) },
        Some(email),
    ),
    sco(
        "file",
        &[],
        props! {
            "hashes": P::Hashes, "size": P::Int(0, i64::MAX), "name": P::Str, "name_enc": P::Str, "magic_number_hex": P::Str,
            "mime_type": P::Str, "ctime": P::Timestamp, "mtime": P::Timestamp, "atime": P::Timestamp,
            "parent_directory_ref": P::Ref(&["directory"]), "contains_refs": P::Refs(&[]), "content_ref": P::Ref(&["artifact"]),
        },
        Some(file),
    ),
    // The other cyber-observables of STIX 2.1 §6, as MISP (misp-stix) and OpenCTI emit them.
    sco(
        "artifact",
        &[],
        props! {
            "mime_type": P::Str, "payload_bin": P::Str, "url": P::Str, "hashes": P::Hashes,
            "encryption_algorithm": P::Str, "decryption_key": P::Str,
        },
        None,
    ),
    sco("autonomous-system", &["number"], props! { "number": P::Int(0, 4_294_967_295), "name": P::Str, "rir": P::Str }, None),
    sco(
        "directory",
        &["path"],
        props! {
            "path": P::Str, "path_enc": P::Str, "ctime": P::Timestamp, "mtime": P::Timestamp, "atime": P::Timestamp,
            "contains_refs": P::Refs(&["file", "directory"]),
        },
        None,
    ),
    sco(
        "email-message",
        &["is_multipart"],
        props! {
            "is_multipart": P::Bool, "date": P::Timestamp, "content_type": P::Str,
            "from_ref": P::Ref(&["email-addr"]), "sender_ref": P::Ref(&["email-addr"]), "to_refs": P::Refs(&["email-addr"]),
            "cc_refs": P::Refs(&["email-addr"]), "bcc_refs": P::Refs(&["email-addr"]), "message_id": P::Str, "subject": P::Str,
            "received_lines": P::Strs, "additional_header_fields": P::Dict, "body": P::Str, "raw_email_ref": P::Ref(&["artifact"]),
        },
        None,
    ),
    sco("mac-addr", &["value"], props! { "value": P::Str }, None),
    sco("mutex", &["name"], props! { "name": P::Str }, None),
    sco(
        "network-traffic",
        &["protocols"],
        props! {
            "start": P::Timestamp, "end": P::Timestamp, "is_active": P::Bool,
            "src_ref": P::Ref(&["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
            "dst_ref": P::Ref(&["ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"]),
            "src_port": P::Int(0, 65_535), "dst_port": P::Int(0, 65_535), "protocols": P::Strs,
            "src_byte_count": P::Int(0, i64::MAX), "dst_byte_count": P::Int(0, i64::MAX),
            "src_packets": P::Int(0, i64::MAX), "dst_packets": P::Int(0, i64::MAX), "ipfix": P::Dict,
            "src_payload_ref": P::Ref(&["artifact"]), "dst_payload_ref": P::Ref(&["artifact"]),
            "encapsulates_refs": P::Refs(&["network-traffic"]), "encapsulated_by_ref": P::Ref(&["network-traffic"]),
        },
        None,
    ),
    sco(
        "process",
        &[],
        props! {
            "is_hidden": P::Bool, "pid": P::Int(0, i64::MAX), "created_time": P::Timestamp, "cwd": P::Str, "command_line": P::Str,
            "environment_variables": P::Dict, "opened_connection_refs": P::Refs(&["network-traffic"]),
            "creator_user_ref": P::Ref(&["user-account"]), "image_ref": P::Ref(&["file"]), "parent_ref": P::Ref(&["process"]),
            "child_refs": P::Refs(&["process"]),
        },
        None,
    ),
    sco(
        "software",
        &["name"],
        props! { "name": P::Str, "cpe": P::Str, "swid": P::Str, "languages": P::Strs, "vendor": P::Str, "version": P::Str },
        None,
    ),
    sco(
        "user-account",
        &[],
        props! {
            "user_id": P::Str, "credential": P::Str, "account_login": P::Str, "account_type": P::Str, "display_name": P::Str,
            "is_service_account": P::Bool, "is_privileged": P::Bool, "can_escalate_privs": P::Bool, "is_disabled": P::Bool,
            "account_created": P::Timestamp, "account_expires": P::Timestamp, "credential_last_changed": P::Timestamp,
            "account_first_login": P::Timestamp, "account_last_login": P::Timestamp,
        },
        None,
    ),
    sco(
        "windows-registry-key",
        &[],
        props! { "key": P::Str, "modified_time": P::Timestamp, "creator_user_ref": P::Ref(&["user-account"]), "number_of_subkeys": P::Int(0, i64::MAX) },
        None,
    ),
    sco(
        "x509-certificate",
        &[],
        props! {
            "is_self_signed": P::Bool, "hashes": P::Hashes, "version": P::Str, "serial_number": P::Str,
            "signature_algorithm": P::Str, "issuer": P::Str, "validity_not_before": P::Timestamp,
            "validity_not_after": P::Timestamp, "subject": P::Str, "subject_public_key_algorithm": P::Str,
            "subject_public_key_modulus": P::Str, "subject_public_key_exponent": P::Int(0, i64::MAX), "x509_v3_extensions": P::Dict,
        },
        None,
    ),
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
