//! hub: placeholder until its crate lands.
