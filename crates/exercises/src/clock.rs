//! The compressed exercise clock: exercise minutes are real elapsed time from the exercise
//! start multiplied by a speed factor.

use chrono::{DateTime, Duration, Utc};

/// The fastest compression accepted: one real minute is two exercise hours.
pub const MAX_SPEED: u32 = 120;

/// An exercise's clock: its real start and its speed factor (1 = real time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub start: DateTime<Utc>,
    speed: u32,
}

impl Clock {
    /// A clock running `speed` exercise minutes per real minute; `None` outside 1..=`MAX_SPEED`.
    pub fn new(start: DateTime<Utc>, speed: u32) -> Option<Clock> {
        (1..=MAX_SPEED).contains(&speed).then_some(Clock { start, speed })
    }

    pub fn speed(&self) -> u32 {
        self.speed
    }

    /// The real instant at which exercise minute `minute` falls.
    pub fn instant_of(&self, minute: u32) -> DateTime<Utc> {
        // Milliseconds keep every speed exact to the millisecond (60 000 / 120 = 500).
        self.start + Duration::milliseconds(i64::from(minute) * 60_000 / i64::from(self.speed))
    }

    /// The whole exercise minutes elapsed at `now` (0 before the start).
    pub fn minute_at(&self, now: DateTime<Utc>) -> u32 {
        let real_ms = (now - self.start).num_milliseconds().max(0);
        let minutes = real_ms.saturating_mul(i64::from(self.speed)) / 60_000;
        u32::try_from(minutes).unwrap_or(u32::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn compression_maps_both_ways() {
        let clock = Clock::new(at("2026-03-02T09:00:00Z"), 4).unwrap();
        assert_eq!(clock.instant_of(20), at("2026-03-02T09:05:00Z"));
        assert_eq!(clock.minute_at(at("2026-03-02T09:05:00Z")), 20);
        assert_eq!(clock.minute_at(at("2026-03-02T09:04:59Z")), 19);
        assert_eq!(clock.minute_at(at("2026-03-02T08:00:00Z")), 0);
        let real = Clock::new(at("2026-03-02T09:00:00Z"), 1).unwrap();
        assert_eq!(real.instant_of(90), at("2026-03-02T10:30:00Z"));
    }

    #[test]
    fn speed_is_bounded() {
        let start = at("2026-03-02T09:00:00Z");
        assert!(Clock::new(start, 0).is_none());
        assert!(Clock::new(start, MAX_SPEED + 1).is_none());
        assert_eq!(Clock::new(start, MAX_SPEED).unwrap().instant_of(1), at("2026-03-02T09:00:00.500Z"));
    }
}
