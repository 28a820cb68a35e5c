//! stix: STIX 2.1 objects for Postern -- validation of objects as JSON values, bundle and
//! TAXII envelope parsing, timestamps, and the STIX patterning language. Pure: no IO.
//!
//! Entry points: [`parse_bundle`] splits a body into objects, [`duplicate_versions`] finds
//! repeated `(id, modified)` pairs, [`validate_object`] checks one object and returns its
//! [`ObjectSummary`], [`pattern::parse`] parses indicator patterns.

mod bundle;
pub mod pattern;
mod timestamp;
mod types;
mod validate;
#[cfg(test)]
mod mangle_tests;

pub use bundle::{Bundle, BundleError, BundleForm, DuplicateVersion, duplicate_versions, parse_bundle};
pub use timestamp::{TimestampError, canonical_timestamp};
pub use validate::{InvalidObject, ObjectKind, ObjectSummary, validate_object};
