//! stix: STIX 2.1 objects for Postern -- validation of objects as JSON values, bundle and
//! TAXII envelope parsing, timestamps, and the STIX patterning language. Pure: no IO.
//!
//! Ingest flow for the hub:
//! 1. [`parse_bundle`] checks the envelope (a STIX bundle or a TAXII `{"objects": [...]}`
//!    envelope, see [`BundleForm`]) and hands back the objects untouched.
//! 2. [`duplicate_versions`] names objects repeating an earlier `(id, modified)` of the same
//!    bundle; the caller fails those individually (decision: a duplicate is a per-object
//!    failure, never a bundle failure, so one bad object never sinks its bundle).
//! 3. [`validate_object`] checks each object and returns an [`ObjectSummary`] (id, version,
//!    markings, recipients, family) or an [`InvalidObject`] naming the property path.
//!    [`validate_objects`] does 2 and 3 in one call, one result per object.
//!
//! What validation covers: the STIX 2.1 common properties (type name rule, `type--UUID` ids
//! with RFC 4122 UUIDs whose prefix is the type, UTC `Z` timestamps, `modified >=
//! created`, `spec_version` "2.1", reference types, non-empty lists, property-name rule,
//! external references, granular markings, extensions), the required and typed properties
//! of every accepted type (a table in `types.rs`), and cross-property rules (e.g.
//! `valid_until > valid_from`, location coordinates, TLP 2.0 marking extension). Indicators
//! with `pattern_type` "stix" have their pattern parsed by [`pattern::parse`]. Unknown `x-`
//! types get the common checks only; any other unknown type is refused as unsupported.
//! Open vocabularies (e.g. `indicator_types`) are not enforced: STIX says SHOULD.

pub mod build;
mod bundle;
#[cfg(test)]
mod mangle_tests;
pub mod pattern;
mod timestamp;
mod types;
mod validate;

pub use bundle::{Bundle, BundleError, BundleForm, DuplicateVersion, duplicate_versions, parse_bundle, validate_objects};
pub use timestamp::{TimestampError, canonical_timestamp};
pub use validate::{InvalidObject, ObjectKind, ObjectSummary, validate_object};
