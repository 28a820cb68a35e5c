//! Context answered as a trend: GOV-04, "over the last two years, has your cybersecurity workload
//! gone up, stayed the same, or gone down?". It is never scored; it is what the UPU/ISAC
//! dashboard shows beside GOV-05 (budget kept pace with the workload), as the survey's "workload
//! vs budget" indicator.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bank::{Bank, Scale};

/// A trend answer. Stored answers hold it as a number: 0 down, 1 same, 2 up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Down,
    Same,
    Up,
}

/// The survey indicator of workload vs budget; the trend question and GOV-05 carry it.
pub const WORKLOAD_INDICATOR: &str = "WL/BUD";
/// The figures a post's workload answer adds to its survey practices (each true or false, so
/// that snapshots publish them as shares of the posts that answered, under the same rules):
/// workload went up, stayed the same, went down; and went up while the budget did not keep pace
/// (GOV-05 below 3), only for posts that answered both.
pub const WORKLOAD_FIGURES: [&str; 4] = ["WL-UP", "WL-SAME", "WL-DOWN", "WL-UP-LAG"];

impl Trend {
    pub const ALL: [Trend; 3] = [Trend::Up, Trend::Same, Trend::Down];

    /// The spelling of the assessment file and the portal form.
    pub fn name(self) -> &'static str {
        match self {
            Trend::Up => "up",
            Trend::Same => "same",
            Trend::Down => "down",
        }
    }

    pub fn parse(text: &str) -> Option<Trend> {
        Trend::ALL.into_iter().find(|t| t.name() == text)
    }

    /// The stored number of the answer.
    pub fn stored(self) -> u8 {
        match self {
            Trend::Down => 0,
            Trend::Same => 1,
            Trend::Up => 2,
        }
    }

    pub fn from_stored(value: u8) -> Option<Trend> {
        Trend::ALL.into_iter().find(|t| t.stored() == value)
    }
}

/// The trend question that carries the workload vs budget indicator (GOV-04), if the bank has one.
pub fn workload_question(bank: &Bank) -> Option<&str> {
    bank.questions.iter().find(|q| q.scale == Scale::Trend && q.survey.as_deref() == Some(WORKLOAD_INDICATOR)).map(|q| q.id.as_str())
}

/// The workload figures of one post (see [`WORKLOAD_FIGURES`]): none without a workload answer;
/// `budget_keeps_pace` is the post's WL/BUD practice (GOV-05 at >= 3), if it has one.
pub fn workload_figures(workload: Option<Trend>, budget_keeps_pace: Option<bool>) -> BTreeMap<String, bool> {
    let Some(trend) = workload else { return BTreeMap::new() };
    let [up, same, down, lag] = WORKLOAD_FIGURES;
    let mut out: BTreeMap<String, bool> =
        [(up, trend == Trend::Up), (same, trend == Trend::Same), (down, trend == Trend::Down)].map(|(k, v)| (k.to_owned(), v)).into();
    if let Some(pace) = budget_keeps_pace {
        out.insert(lag.to_owned(), trend == Trend::Up && !pace);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trends_round_trip_through_their_names_and_stored_numbers() {
        for t in Trend::ALL {
            assert_eq!(Trend::parse(t.name()), Some(t));
            assert_eq!(Trend::from_stored(t.stored()), Some(t));
        }
        assert_eq!((Trend::parse("Up"), Trend::parse("3"), Trend::from_stored(3)), (None, None, None));
        assert_eq!(workload_question(&Bank::embedded().unwrap()), Some("GOV-04"));
    }

    #[test]
    fn a_post_s_workload_figures() {
        assert!(workload_figures(None, Some(false)).is_empty());
        let up_lagging = workload_figures(Some(Trend::Up), Some(false));
        let want: BTreeMap<String, bool> =
            [("WL-UP", true), ("WL-SAME", false), ("WL-DOWN", false), ("WL-UP-LAG", true)].map(|(k, v)| (k.to_owned(), v)).into();
        assert_eq!(up_lagging, want);
        assert_eq!(workload_figures(Some(Trend::Up), Some(true))["WL-UP-LAG"], false);
        assert_eq!(workload_figures(Some(Trend::Down), Some(false))["WL-UP-LAG"], false);
        // Without a GOV-05 answer in scope there is nothing to say about the lag.
        assert!(!workload_figures(Some(Trend::Same), None).contains_key("WL-UP-LAG"));
    }
}
