//! The unseen postal set (data/messages/unseen): written by an engineer who read no lexicon, brand
//! data or other set, and never used for tuning or error analysis; figures printed only.

mod postal_set;

#[test]
fn unseen_postal_set() {
    postal_set::measure("unseen", "Unseen postal set", 150);
}
