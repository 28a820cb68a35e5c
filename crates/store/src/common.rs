//! Dialect-free code both engines share: decoding stored enumerations (an unknown value is
//! [`StoreError::Corrupt`], never a default), the classes of constraint violation, and grant
//! expansion.

use tlp::Tlp;

use crate::portal::{ReportKind, ReportStatus};
use crate::{Collection, PeerDirection, Role, StoreError};

/// A stored value this crate never writes: a bug, a hand edit or a newer schema.
#[derive(Debug, thiserror::Error)]
#[error("{table}.{column} holds unknown value '{value}'")]
pub(crate) struct UnknownValue {
    pub table: &'static str,
    pub column: &'static str,
    pub value: String,
}

impl From<UnknownValue> for StoreError {
    fn from(e: UnknownValue) -> StoreError {
        StoreError::Corrupt(e.to_string())
    }
}

fn unknown(table: &'static str, column: &'static str, value: impl ToString) -> UnknownValue {
    UnknownValue { table, column, value: value.to_string() }
}

/// The `role` column of `table`.
pub(crate) fn role(table: &'static str, value: &str) -> Result<Role, UnknownValue> {
    Role::parse(value).ok_or_else(|| unknown(table, "role", value))
}

/// A TLP rank column (`Tlp::rank` is the only writer).
pub(crate) fn tlp(table: &'static str, column: &'static str, rank: i64) -> Result<Tlp, UnknownValue> {
    u8::try_from(rank).ok().and_then(Tlp::from_rank).ok_or_else(|| unknown(table, column, rank))
}

pub(crate) fn peer_direction(value: &str) -> Result<PeerDirection, UnknownValue> {
    PeerDirection::parse(value).ok_or_else(|| unknown("peers", "direction", value))
}

/// The `auth_kind` column of `peers`: `basic` needs a user, `bearer` has none.
pub(crate) fn peer_auth(kind: &str, user: Option<String>, secret: String) -> Result<crate::PeerAuth, UnknownValue> {
    match (kind, user) {
        ("basic", Some(user)) => Ok(crate::PeerAuth::Basic { user, password: secret }),
        ("bearer", _) => Ok(crate::PeerAuth::Bearer(secret)),
        (kind, _) => Err(unknown("peers", "auth_kind", kind)),
    }
}

pub(crate) fn report_kind(value: &str) -> Result<ReportKind, UnknownValue> {
    ReportKind::parse(value).ok_or_else(|| unknown("citizen_reports", "kind", value))
}

pub(crate) fn report_status(value: &str) -> Result<ReportStatus, UnknownValue> {
    ReportStatus::parse(value).ok_or_else(|| unknown("citizen_reports", "status", value))
}

/// A counter column that must not be negative.
pub(crate) fn counter<T: TryFrom<i64>>(table: &'static str, column: &'static str, n: i64) -> Result<T, UnknownValue> {
    T::try_from(n).map_err(|_| unknown(table, column, n))
}

/// The kind of constraint a failed write broke, as each engine classifies it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Violation {
    /// A unique or primary key: the name is taken ([`StoreError::Duplicate`]).
    Unique,
    /// A foreign key: the record referred to does not exist ([`StoreError::NotFound`]).
    ForeignKey,
}

/// The `(org, can_read, can_write)` rows of `collection_grants` for a collection: writers read.
pub(crate) fn grants(col: &Collection) -> impl Iterator<Item = (i64, bool, bool)> + '_ {
    col.readers
        .iter()
        .map(|o| (*o, true, col.writers.contains(o)))
        .chain(col.writers.iter().filter(|o| !col.readers.contains(o)).map(|o| (*o, true, true)))
}

/// Column lists shared by both engines' queries.
pub(crate) const ORG_COLUMNS: &str = "id, name, identity_id, country, created, is_hub";
pub(crate) const TOKEN_COLUMNS: &str = "id, org_id, role, secret_hash, created, revoked";
pub(crate) const OBJECT_COLUMNS: &str =
    "object_id, object_type, spec_version, version_text, version_ns, date_added, tlp, producer, recipients, body, origin";
pub(crate) const PEER_COLUMNS: &str =
    "name, url, api_root, remote_collection, local_collection, auth_kind, auth_user, auth_secret, direction, max_tlp, created";
pub(crate) const USER_COLUMNS: &str = "id, org_id, username, password_hash, role, created, disabled";
pub(crate) const REPORT_COLUMNS: &str =
    "id, created, kind, content, country, contact, status, decided_by, decided_at, indicator_id, decided_org_id";

/// The space-separated `recipients` column as a list.
pub(crate) fn recipients(stored: Option<String>) -> Vec<String> {
    stored.map(|s| s.split(' ').filter(|x| !x.is_empty()).map(String::from).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_are_corrupt_and_named() {
        let e: StoreError = role("tokens", "root").expect_err("unknown role").into();
        assert!(matches!(&e, StoreError::Corrupt(m) if m == "tokens.role holds unknown value 'root'"), "{e}");
        let e: StoreError = tlp("objects", "tlp", 9).expect_err("unknown rank").into();
        assert!(matches!(&e, StoreError::Corrupt(m) if m.contains("objects.tlp") && m.contains("'9'")), "{e}");
        assert!(tlp("objects", "tlp", -1).is_err());
        assert!(report_status("stale").is_err());
        assert!(report_kind("fax").is_err());
        assert!(peer_direction("sideways").is_err());
        assert!(peer_auth("basic", None, "s".into()).is_err());
        assert!(counter::<u32>("peer_state", "failures", -1).is_err());
    }

    #[test]
    fn known_values_decode() {
        assert_eq!(role("tokens", "analyst").expect("role"), Role::Analyst);
        assert_eq!(tlp("objects", "tlp", i64::from(Tlp::Red.rank())).expect("tlp"), Tlp::Red);
        assert_eq!(peer_auth("bearer", None, "t".into()).expect("auth"), crate::PeerAuth::Bearer("t".into()));
        assert_eq!(counter::<u64>("peer_state", "pulled", 3).expect("count"), 3);
    }

    #[test]
    fn writers_are_granted_read() {
        let col = Collection {
            id: "c".into(),
            title: "t".into(),
            description: None,
            read_all: false,
            public: false,
            readers: vec![1, 2],
            writers: vec![2, 3],
        };
        assert_eq!(grants(&col).collect::<Vec<_>>(), vec![(1, true, false), (2, true, true), (3, true, true)]);
    }
}
