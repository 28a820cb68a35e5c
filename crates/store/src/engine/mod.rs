//! Engine plumbing, one file per engine: connections and pools, migrations, and the
//! classification of constraint failures that every aggregate maps to `Duplicate` or `NotFound`.

pub(crate) mod postgres;
pub(crate) mod sqlite;
