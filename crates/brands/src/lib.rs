//! brands: placeholder until its crate lands.
