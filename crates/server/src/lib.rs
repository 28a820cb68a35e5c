//! server: placeholder until its crate lands.
