//! store: placeholder until its crate lands.
