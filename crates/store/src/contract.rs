//! The storage contracts, each written once beside its aggregate against the traits and run on
//! every engine: the hub's (`hub/contract.rs`) and the portal's and posture history's
//! (`portal/contract.rs`). [`PgCluster`] starts the private PostgreSQL server these tests (and
//! the benches) use.

pub use crate::engine::postgres::cluster::PgCluster;
pub use crate::hub::contract::{CASES, Case, Failures, Open, run_all};
pub use crate::portal::contract::{
    Corrupt, OpenPortal, PORTAL_CASES, PortalBackend, PortalCase, run_portal_all, unknown_values_read_back_as_corrupt,
};
