//! Campaign results: what the people of a campaign did, counted by target and never ranked by
//! person. Pure.
//!
//! Headline figures are the ones that move with practice: the report rate and the time to the
//! first report. Clicks are split by evidence ([`crate::clicks`]); only `confirmed_human` clicks
//! make a click rate. Group figures are suppressed below [`MIN_GROUP`] people, so a group's
//! result never points at one person.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::clicks::Class;

/// The fewest people a group's figures are shown for.
pub const MIN_GROUP: usize = 5;

/// What one target did in a campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub group: Option<String>,
    /// When the lure went out to them, or the campaign's start when it was not sent.
    pub exposed_at: DateTime<Utc>,
    /// The class of their clicks ([`crate::clicks::classify`]).
    pub click: Option<Class>,
    /// The first confirmed human click.
    pub first_click_at: Option<DateTime<Utc>>,
    pub submitted: bool,
    pub first_report_at: Option<DateTime<Utc>>,
}

/// Clicks counted by class: each target once, in the class of their strongest evidence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Clicks {
    pub machine: u64,
    pub probable_human: u64,
    pub confirmed_human: u64,
}

/// The figures of a set of targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub targets: u64,
    pub clicks: Clicks,
    /// Targets classed as people who sent the landing form (what they typed was never kept).
    pub submissions: u64,
    /// Targets who reported the lure.
    pub reports: u64,
    /// Reports over targets, 0 to 1.
    pub report_rate: f64,
    /// Confirmed human clicks over targets, 0 to 1.
    pub confirmed_click_rate: f64,
    /// Median seconds from exposure to a target's first report; `None` without reports.
    pub median_seconds_to_first_report: Option<i64>,
    /// The set's first report came before its first confirmed click (or there was no click).
    pub reported_before_first_click: bool,
}

/// A group's figures, or only its size when it is too small to show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigures {
    pub group: String,
    /// True when the group has fewer than [`MIN_GROUP`] people: no figure is shown.
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub figures: Option<Figures>,
}

/// The whole campaign and its groups (targets without a group are in the whole only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub overall: Figures,
    pub groups: Vec<GroupFigures>,
}

/// Counts a campaign's outcomes.
pub fn summarise(outcomes: &[Outcome]) -> Summary {
    let all: Vec<&Outcome> = outcomes.iter().collect();
    let mut by_group: BTreeMap<&str, Vec<&Outcome>> = BTreeMap::new();
    for o in outcomes {
        if let Some(g) = &o.group {
            by_group.entry(g.as_str()).or_default().push(o);
        }
    }
    let groups = by_group
        .into_iter()
        .map(|(g, members)| {
            let suppressed = members.len() < MIN_GROUP;
            GroupFigures { group: g.to_string(), suppressed, figures: (!suppressed).then(|| figures(&members)) }
        })
        .collect();
    Summary { overall: figures(&all), groups }
}

fn figures(set: &[&Outcome]) -> Figures {
    let mut clicks = Clicks::default();
    for o in set {
        match o.click {
            Some(Class::Machine) => clicks.machine += 1,
            Some(Class::ProbableHuman) => clicks.probable_human += 1,
            Some(Class::ConfirmedHuman) => clicks.confirmed_human += 1,
            None => {}
        }
    }
    let targets = set.len() as u64;
    let reports = set.iter().filter(|o| o.first_report_at.is_some()).count() as u64;
    let rate = |n: u64| if targets == 0 { 0.0 } else { n as f64 / targets as f64 };
    let mut delays: Vec<i64> = set.iter().filter_map(|o| o.first_report_at.map(|r| (r - o.exposed_at).num_seconds().max(0))).collect();
    delays.sort_unstable();
    let median = match delays.len() {
        0 => None,
        n if n % 2 == 1 => Some(delays[n / 2]),
        n => Some((delays[n / 2 - 1] + delays[n / 2]) / 2),
    };
    let first_report = set.iter().filter_map(|o| o.first_report_at).min();
    let first_click = set.iter().filter_map(|o| o.first_click_at).min();
    Figures {
        targets,
        clicks,
        submissions: set.iter().filter(|o| o.submitted).count() as u64,
        reports,
        report_rate: rate(reports),
        confirmed_click_rate: rate(clicks.confirmed_human),
        median_seconds_to_first_report: median,
        reported_before_first_click: match (first_report, first_click) {
            (Some(r), Some(c)) => r < c,
            (Some(_), None) => true,
            _ => false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).expect("time")
    }

    fn person(group: &str, click: Option<Class>, report_after: Option<i64>) -> Outcome {
        Outcome {
            group: Some(group.to_string()),
            exposed_at: at(0),
            click,
            first_click_at: (click == Some(Class::ConfirmedHuman)).then(|| at(300)),
            submitted: false,
            first_report_at: report_after.map(at),
        }
    }

    #[test]
    fn small_groups_are_suppressed_and_the_whole_still_counts_them() {
        let mut people: Vec<Outcome> = (0..5).map(|i| person("counter", None, (i < 2).then_some(60 * (i + 1)))).collect();
        people.push(person("depot", Some(Class::ConfirmedHuman), None));
        people.push(person("depot", Some(Class::Machine), Some(600)));
        let s = summarise(&people);
        assert_eq!(s.overall.targets, 7);
        assert_eq!(s.overall.clicks, Clicks { machine: 1, probable_human: 0, confirmed_human: 1 });
        assert_eq!(s.overall.reports, 3);
        assert_eq!(s.overall.median_seconds_to_first_report, Some(120));
        assert!(s.overall.reported_before_first_click);
        assert_eq!(s.groups.len(), 2);
        let counter = &s.groups[0];
        assert_eq!((counter.group.as_str(), counter.suppressed), ("counter", false));
        assert_eq!(counter.figures.as_ref().map(|f| (f.reports, f.report_rate)), Some((2, 0.4)));
        assert_eq!((s.groups[1].group.as_str(), s.groups[1].suppressed, &s.groups[1].figures), ("depot", true, &None));
        let json = serde_json::to_value(&s.groups[1]).expect("json");
        assert_eq!(json, serde_json::json!({"group": "depot", "suppressed": true}));
    }

    #[test]
    fn an_even_number_of_reports_takes_the_middle() {
        let people = [person("g", None, Some(10)), person("g", None, Some(30))];
        assert_eq!(summarise(&people).overall.median_seconds_to_first_report, Some(20));
        assert_eq!(summarise(&[]).overall.report_rate, 0.0);
    }
}
