//! links: placeholder until its crate lands.
