//! posture: placeholder until its crate lands.
