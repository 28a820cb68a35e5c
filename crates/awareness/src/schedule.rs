//! A campaign's schedule: when it starts and ends, an optional daily send window and an optional
//! rate. Pure: `now` is always a parameter.
//!
//! A started draft sends nothing before its start, sends only inside its window (UTC; a window
//! whose end is before its start runs over midnight), at most `rate_per_minute` messages in any
//! minute, and nothing from its end on: then it is over and `serve` finishes it. A window and a
//! rate slow sending down, so some targets may still be unsent when the end comes: they are
//! never sent, and the results count the targets exposed.

use chrono::{DateTime, NaiveTime, Utc};
use serde::Serialize;

/// A daily send window in UTC, `from` included, `to` excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: NaiveTime,
    pub to: NaiveTime,
}

impl Window {
    /// Reads `HH:MM-HH:MM`.
    pub fn parse(text: &str) -> Result<Window, ScheduleError> {
        let bad = || ScheduleError::Window(text.to_string());
        let (from, to) = text.trim().split_once('-').ok_or_else(bad)?;
        let time = |s: &str| NaiveTime::parse_from_str(s.trim(), "%H:%M").map_err(|_| bad());
        let w = Window { from: time(from)?, to: time(to)? };
        if w.from == w.to {
            return Err(bad());
        }
        Ok(w)
    }

    /// `HH:MM-HH:MM`, as [`Window::parse`] reads it.
    pub fn key(&self) -> String {
        format!("{}-{}", self.from.format("%H:%M"), self.to.format("%H:%M"))
    }

    /// Whether `now` falls inside the window.
    pub fn contains(&self, now: DateTime<Utc>) -> bool {
        let t = now.time();
        if self.from < self.to { self.from <= t && t < self.to } else { t >= self.from || t < self.to }
    }
}

/// When and how fast a campaign sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    pub window: Option<Window>,
    pub rate_per_minute: Option<u32>,
}

/// Why a schedule is refused; each names its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("send_window: '{0}' is not HH:MM-HH:MM (UTC, two different times)")]
    Window(String),
    #[error("end: the end must come after the start")]
    EndBeforeStart,
    #[error("end: the end has passed already")]
    EndPassed,
    #[error("rate: at least 1 message per minute")]
    Rate,
}

impl ScheduleError {
    /// The field the error names.
    pub fn field(&self) -> &'static str {
        match self {
            ScheduleError::Window(_) => "send_window",
            ScheduleError::EndBeforeStart | ScheduleError::EndPassed => "end",
            ScheduleError::Rate => "rate",
        }
    }
}

/// Checks a schedule given at `now`: the end after the start and still to come, a rate of at
/// least one.
pub fn check(s: &Schedule, now: DateTime<Utc>) -> Result<(), ScheduleError> {
    if s.rate_per_minute == Some(0) {
        return Err(ScheduleError::Rate);
    }
    match s.end {
        Some(end) if end <= s.start => Err(ScheduleError::EndBeforeStart),
        Some(end) if end <= now => Err(ScheduleError::EndPassed),
        _ => Ok(()),
    }
}

/// Where a campaign's schedule stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Before the start.
    Scheduled,
    /// Sending may happen now.
    Sending,
    /// Between the start and the end, outside the send window.
    OutsideWindow,
    /// The end has come: the campaign is to be finished.
    Over,
}

impl Phase {
    pub fn key(self) -> &'static str {
        match self {
            Phase::Scheduled => "scheduled",
            Phase::Sending => "sending",
            Phase::OutsideWindow => "outside_window",
            Phase::Over => "over",
        }
    }
}

/// The phase of `s` at `now`.
pub fn phase(s: &Schedule, now: DateTime<Utc>) -> Phase {
    if s.end.is_some_and(|end| now >= end) {
        Phase::Over
    } else if now < s.start {
        Phase::Scheduled
    } else if s.window.is_some_and(|w| !w.contains(now)) {
        Phase::OutsideWindow
    } else {
        Phase::Sending
    }
}

/// How many messages may go out at `now`, given how many went out in the minute before it:
/// 0 unless sending, everything left without a rate.
pub fn quota(s: &Schedule, now: DateTime<Utc>, sent_last_minute: usize, unsent: usize) -> usize {
    if phase(s, now) != Phase::Sending {
        return 0;
    }
    match s.rate_per_minute {
        Some(rate) => unsent.min((rate as usize).saturating_sub(sent_last_minute)),
        None => unsent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hms: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(&format!("2026-12-08T{hms}Z")).expect("time").to_utc()
    }

    fn schedule(window: Option<&str>, rate: Option<u32>) -> Schedule {
        Schedule {
            start: at("08:00:00"),
            end: Some(at("20:00:00")),
            window: window.map(|w| Window::parse(w).expect("window")),
            rate_per_minute: rate,
        }
    }

    #[test]
    fn phases_follow_the_start_the_window_and_the_end() {
        let s = schedule(Some("09:00-17:00"), None);
        let cases = [
            ("07:59:59", Phase::Scheduled),
            ("08:30:00", Phase::OutsideWindow),
            ("09:00:00", Phase::Sending),
            ("16:59:59", Phase::Sending),
            ("17:00:00", Phase::OutsideWindow),
            ("20:00:00", Phase::Over),
        ];
        for (t, expected) in cases {
            assert_eq!(phase(&s, at(t)), expected, "{t}");
        }
        let night = Window::parse("22:00-06:00").expect("window");
        assert!(night.contains(at("23:00:00")) && night.contains(at("05:59:00")) && !night.contains(at("12:00:00")));
        assert_eq!(night.key(), "22:00-06:00");
    }

    #[test]
    fn the_rate_caps_each_minute_and_nothing_goes_out_unless_sending() {
        let s = schedule(None, Some(10));
        assert_eq!(quota(&s, at("09:00:00"), 0, 25), 10);
        assert_eq!(quota(&s, at("09:00:00"), 7, 25), 3);
        assert_eq!(quota(&s, at("09:00:00"), 12, 25), 0);
        assert_eq!(quota(&s, at("09:00:00"), 0, 4), 4);
        assert_eq!(quota(&schedule(None, None), at("09:00:00"), 50, 25), 25);
        assert_eq!(quota(&s, at("07:00:00"), 0, 25), 0);
        assert_eq!(quota(&s, at("21:00:00"), 0, 25), 0);
    }

    #[test]
    fn bad_schedules_name_their_field() {
        for w in ["9-17", "09:00", "09:00-09:00", "25:00-26:00", ""] {
            assert_eq!(Window::parse(w).map_err(|e| e.field()), Err("send_window"), "{w:?}");
        }
        let mut s = schedule(None, Some(0));
        assert_eq!(check(&s, at("07:00:00")), Err(ScheduleError::Rate));
        s.rate_per_minute = None;
        s.end = Some(at("07:00:00"));
        assert_eq!(check(&s, at("06:00:00")).map_err(|e| e.field()), Err("end"));
        s.end = Some(at("09:00:00"));
        assert_eq!(check(&s, at("10:00:00")), Err(ScheduleError::EndPassed));
        assert_eq!(check(&s, at("07:00:00")), Ok(()));
    }
}
