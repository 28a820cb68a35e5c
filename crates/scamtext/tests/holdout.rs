//! The holdout postal set (data/messages/holdout): written in the fourth session by an engineer
//! given only the text, never read and never used for tuning or error analysis; figures
//! printed only.

mod postal_set;

#[test]
fn holdout_postal_set() {
    postal_set::measure("holdout", "Holdout postal set", 200);
}
