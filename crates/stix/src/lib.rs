//! stix: placeholder until its crate lands.
