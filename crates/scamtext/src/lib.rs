//! scamtext: placeholder until its crate lands.
