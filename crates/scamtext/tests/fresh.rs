//! The fresh postal set (data/messages/fresh): a third set, written after the unseen set by an
//! engineer who read only data/messages/LURES.md and the unseen set's conventions; never used for
//! tuning or error analysis; figures printed only.

mod postal_set;

#[test]
fn fresh_postal_set() {
    postal_set::measure("fresh", "Fresh postal set", 200);
}
