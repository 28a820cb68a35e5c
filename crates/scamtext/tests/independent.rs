//! The independent postal set (data/messages/independent): written without reading the lexicons,
//! then used for error analysis from 2026-11-23 07:45, so a development set; figures printed only.

mod postal_set;

#[test]
fn independent_postal_set() {
    postal_set::measure("independent", "Independent postal set (development use)", 200);
}
