//! Reminders before each reporting deadline and the overdue state, as a pure function of a
//! case's clock, its submissions and `now`.
//!
//! A stage that is owed, has a deadline and is not submitted owes at most one alert at a time:
//! `overdue` once its deadline has passed, otherwise the reminder of the smallest lead time
//! (default T-12 h, T-4 h, T-1 h) whose window it is in. A reminder whose window was missed (the
//! hub was down) is superseded by the more urgent one, never sent late. Each alert has a key
//! (stage, deadline, kind): the sender records the keys it sent so that each goes out once, and a
//! deadline that moves (a corrected `aware` time) owes its reminders again.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, TimeDelta, Utc};

use crate::clock::{Clock, ClockError};

/// Lead times of the reminders when the configuration names none, in hours before the deadline.
pub const DEFAULT_LEAD_HOURS: [u32; 3] = [12, 4, 1];

/// The lead times reminders are sent at: distinct, at least one hour, at most 30 days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// Hours before the deadline, largest first.
    leads: Vec<u32>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy { leads: DEFAULT_LEAD_HOURS.to_vec() }
    }
}

impl Policy {
    /// A policy from lead times in hours; refuses an empty list, zero, more than 720 h and
    /// duplicates, naming the field `remind_hours`.
    pub fn new(hours: &[u32]) -> Result<Policy, ClockError> {
        let bad = |reason: String| ClockError { field: "remind_hours".into(), reason };
        if hours.is_empty() {
            return Err(bad("at least one lead time is needed (e.g. 12,4,1)".into()));
        }
        let mut leads = hours.to_vec();
        leads.sort_unstable_by(|a, b| b.cmp(a));
        if let Some(h) = leads.iter().find(|h| **h == 0 || **h > 720) {
            return Err(bad(format!("{h} is not a lead time between 1 and 720 hours")));
        }
        if let Some(w) = leads.windows(2).find(|w| w[0] == w[1]) {
            return Err(bad(format!("{} is listed twice", w[0])));
        }
        Ok(Policy { leads })
    }

    /// A policy from a comma-separated list of hours (`12,4,1`).
    pub fn parse(text: &str) -> Result<Policy, ClockError> {
        let hours = text
            .split(',')
            .map(|h| {
                h.trim().parse::<u32>().map_err(|_| ClockError {
                    field: "remind_hours".into(),
                    reason: format!("`{}` is not a number of hours", h.trim().chars().take(20).collect::<String>()),
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Policy::new(&hours)
    }

    /// The lead times, largest first.
    pub fn leads(&self) -> &[u32] {
        &self.leads
    }
}

/// What an alert says of its stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// The deadline is at most this many hours away.
    Before(u32),
    /// The deadline has passed and the stage is not submitted.
    Overdue,
}

impl Kind {
    /// The stored and displayed code: `T-12h`, `overdue`.
    pub fn code(self) -> String {
        match self {
            Kind::Before(h) => format!("T-{h}h"),
            Kind::Overdue => "overdue".into(),
        }
    }
}

/// One alert a stage owes at `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alert {
    pub stage: String,
    pub due: DateTime<Utc>,
    pub kind: Kind,
}

impl Alert {
    /// The deadline as stored with the alert's record (RFC 3339 UTC, seconds).
    pub fn due_text(&self) -> String {
        self.due.to_rfc3339_opts(SecondsFormat::Secs, true)
    }
}

/// The alert each open stage of `clock` owes at `now`, in the clock's stage order. `submitted`
/// holds the stages already submitted (by stage id; the value is not read).
pub fn alerts<V>(clock: &Clock, submitted: &BTreeMap<String, V>, policy: &Policy, now: DateTime<Utc>) -> Vec<Alert> {
    let mut out = Vec::new();
    for d in &clock.deadlines {
        let Some(due) = d.due else { continue };
        if !d.applies || submitted.contains_key(&d.stage) {
            continue;
        }
        let kind = if now >= due {
            Some(Kind::Overdue)
        } else {
            let left = due - now;
            policy.leads.iter().rev().find(|h| left <= TimeDelta::hours(i64::from(**h))).map(|h| Kind::Before(*h))
        };
        if let Some(kind) = kind {
            out.push(Alert { stage: d.stage.clone(), due, kind });
        }
    }
    out
}

/// Whether any stage of `clock` is past its deadline without a submission at `now`.
pub fn overdue<V>(clock: &Clock, submitted: &BTreeMap<String, V>, now: DateTime<Utc>) -> bool {
    alerts(clock, submitted, &Policy::default(), now).iter().any(|a| a.kind == Kind::Overdue)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Request, evaluate};

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn clock(notified: Option<&str>, now: DateTime<Utc>) -> Clock {
        evaluate(&Request { jurisdiction: "eu", aware: "2026-01-10T09:00:00Z", notified, ..Request::default() }, now).unwrap()
    }

    fn kinds(now: &str) -> Vec<(String, String)> {
        let now = t(now);
        let none: BTreeMap<String, ()> = BTreeMap::new();
        alerts(&clock(None, now), &none, &Policy::default(), now).into_iter().map(|a| (a.stage, a.kind.code())).collect()
    }

    #[test]
    fn each_window_owes_its_most_urgent_reminder() {
        // Early warning due 2026-01-11T09:00Z, notification 2026-01-13T09:00Z.
        assert_eq!(kinds("2026-01-10T20:59:59Z"), vec![]);
        assert_eq!(kinds("2026-01-10T21:00:00Z"), vec![("early_warning".into(), "T-12h".into())]);
        assert_eq!(kinds("2026-01-11T05:00:00Z"), vec![("early_warning".into(), "T-4h".into())]);
        assert_eq!(kinds("2026-01-11T08:30:00Z"), vec![("early_warning".into(), "T-1h".into())]);
        assert_eq!(kinds("2026-01-11T09:00:00Z"), vec![("early_warning".into(), "overdue".into())]);
        assert_eq!(
            kinds("2026-01-12T22:00:00Z"),
            vec![("early_warning".into(), "overdue".into()), ("notification".into(), "T-12h".into())]
        );
    }

    #[test]
    fn a_submitted_stage_and_a_stage_without_deadline_owe_nothing() {
        let now = t("2026-01-14T00:00:00Z");
        let mut sent = BTreeMap::new();
        sent.insert("early_warning".to_string(), ());
        let c = clock(None, now);
        let got = alerts(&c, &sent, &Policy::default(), now);
        // The notification is overdue; the final report has no deadline until notified.
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].stage.as_str(), got[0].kind), ("notification", Kind::Overdue));
        assert!(overdue(&c, &sent, now));
        sent.insert("notification".to_string(), ());
        let c = clock(Some("2026-01-12T09:00:00Z"), now);
        assert!(!overdue(&c, &sent, now));
        assert!(alerts(&c, &sent, &Policy::default(), now).is_empty());
    }

    #[test]
    fn a_custom_policy_and_its_refusals() {
        let p = Policy::parse("2, 48").unwrap();
        assert_eq!(p.leads(), &[48, 2]);
        let now = t("2026-01-10T10:00:00Z");
        let none: BTreeMap<String, ()> = BTreeMap::new();
        let got = alerts(&clock(None, now), &none, &p, now);
        assert_eq!(got.iter().map(|a| a.kind).collect::<Vec<_>>(), vec![Kind::Before(48)]);
        for bad in ["", "0", "4,4", "x", "721"] {
            let e = Policy::parse(bad).unwrap_err();
            assert_eq!(e.field, "remind_hours", "{bad}");
        }
    }
}
