//! Booster spacing, Leitner-style: each lesson sits in a box; a passed quiz moves it up a box and
//! further out, a failed one sends it back to box 1 with a prompt retake.
//!
//! Boosters fall 4, 5 and then 6 months after the last pass: studies found the effect of a
//! lesson held at 4 to 5 months and had faded by 6, so spacing stays inside that window rather
//! than growing without bound as in flash-card Leitner systems. Months are calendar months.

use chrono::{DateTime, Days, Months, Utc};
use serde::Serialize;

/// The highest box; its interval is the longest.
pub const TOP_BOX: u8 = 3;

/// Months until the next booster for a lesson in box 1, 2 and 3.
const BOOSTER_MONTHS: [u32; TOP_BOX as usize] = [4, 5, 6];

/// Days until a retake after a failed quiz: soon, while the lesson is fresh.
const RETAKE_DAYS: u64 = 7;

/// How a learner did on a lesson's quiz.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
}

/// Where the lesson goes next and when it is due again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scheduled {
    /// The Leitner box, 1..=[`TOP_BOX`].
    pub leitner_box: u8,
    pub due: DateTime<Utc>,
    /// True when `due` is a retake after a failure rather than a booster.
    pub retake: bool,
}

/// Schedules the next session of a lesson taken at `now`; `current_box` is `None` the first
/// time. A box outside 1..=[`TOP_BOX`] is clamped into it.
pub fn schedule(current_box: Option<u8>, outcome: Outcome, now: DateTime<Utc>) -> Scheduled {
    match outcome {
        Outcome::Failed => Scheduled { leitner_box: 1, due: now.checked_add_days(Days::new(RETAKE_DAYS)).unwrap_or(now), retake: true },
        Outcome::Passed => {
            let leitner_box = current_box.map_or(1, |b| b.saturating_add(1)).clamp(1, TOP_BOX);
            let months = BOOSTER_MONTHS.get(usize::from(leitner_box) - 1).copied().unwrap_or(6);
            Scheduled { leitner_box, due: now.checked_add_months(Months::new(months)).unwrap_or(now), retake: false }
        }
    }
}

/// What was recorded after a learner's last result for a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Last {
    pub leitner_box: u8,
    pub due: DateTime<Utc>,
    pub passed: bool,
}

/// The next session of a lesson a learner has just taken at `now`, given what was recorded
/// after the last result (`None` the first time, or when the lesson has a new version). A pass
/// before the booster falls due changes nothing (retaking early is no spaced review); a pass
/// when due moves the lesson up a box; a first pass, or a pass after a failure, starts in box 1;
/// a failure sends it back to box 1 with a retake.
pub fn next(last: Option<Last>, outcome: Outcome, now: DateTime<Utc>) -> Scheduled {
    match (last, outcome) {
        (Some(l), Outcome::Passed) if l.passed && !is_due(l.due, now) => {
            Scheduled { leitner_box: l.leitner_box.clamp(1, TOP_BOX), due: l.due, retake: false }
        }
        (Some(l), Outcome::Passed) if l.passed => schedule(Some(l.leitner_box), Outcome::Passed, now),
        (_, outcome) => schedule(None, outcome, now),
    }
}

/// True when a lesson scheduled for `due` should be offered at `now`.
pub fn is_due(due: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    due <= now
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).single().expect("valid date")
    }

    #[test]
    fn only_a_review_when_due_moves_a_lesson_up() {
        let t0 = at(2026, 1, 31);
        let first = next(None, Outcome::Passed, t0);
        assert_eq!((first.leitner_box, first.due, first.retake), (1, at(2026, 5, 31), false));
        let last = |s: Scheduled, passed| Some(Last { leitner_box: s.leitner_box, due: s.due, passed });
        // Retaken a week later: nothing moves.
        assert_eq!(next(last(first, true), Outcome::Passed, at(2026, 2, 7)), first);
        // Reviewed when due: box 2, five months on.
        let second = next(last(first, true), Outcome::Passed, at(2026, 6, 1));
        assert_eq!((second.leitner_box, second.due), (2, at(2026, 11, 1)));
        // A failure: back to box 1 with a retake in a week; passing the retake starts over at box 1.
        let failed = next(last(second, true), Outcome::Failed, at(2026, 11, 2));
        assert_eq!((failed.leitner_box, failed.due, failed.retake), (1, at(2026, 11, 9), true));
        let retaken = next(last(failed, false), Outcome::Passed, at(2026, 11, 3));
        assert_eq!((retaken.leitner_box, retaken.due, retaken.retake), (1, at(2027, 3, 3), false));
    }

    #[test]
    fn boosters_follow_the_leitner_table() {
        let now = at(2026, 1, 31);
        // (current box, outcome, expected box, expected due, retake)
        let table = [
            (None, Outcome::Passed, 1, at(2026, 5, 31), false),
            (Some(1), Outcome::Passed, 2, at(2026, 6, 30), false),
            (Some(2), Outcome::Passed, 3, at(2026, 7, 31), false),
            (Some(3), Outcome::Passed, 3, at(2026, 7, 31), false),
            (Some(9), Outcome::Passed, 3, at(2026, 7, 31), false),
            (Some(0), Outcome::Passed, 1, at(2026, 5, 31), false),
            (None, Outcome::Failed, 1, at(2026, 2, 7), true),
            (Some(3), Outcome::Failed, 1, at(2026, 2, 7), true),
        ];
        for (current, outcome, want_box, want_due, retake) in table {
            let got = schedule(current, outcome, now);
            assert_eq!(got, Scheduled { leitner_box: want_box, due: want_due, retake }, "{current:?} {outcome:?}");
        }
    }

    #[test]
    fn every_booster_falls_between_four_and_six_months() {
        let now = at(2026, 8, 31);
        for current in [None, Some(1), Some(2), Some(3)] {
            let due = schedule(current, Outcome::Passed, now).due;
            let days = (due - now).num_days();
            assert!((120..=184).contains(&days), "{current:?}: {days} days");
        }
    }

    #[test]
    fn a_lesson_is_due_on_its_date_and_after() {
        let due = at(2026, 5, 31);
        assert!(!is_due(due, at(2026, 5, 30)));
        assert!(is_due(due, due));
        assert!(is_due(due, at(2026, 6, 1)));
    }

    #[test]
    fn the_far_future_does_not_panic() {
        let got = schedule(Some(1), Outcome::Passed, DateTime::<Utc>::MAX_UTC);
        assert_eq!(got.due, DateTime::<Utc>::MAX_UTC);
    }
}
