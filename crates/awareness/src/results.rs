//! Campaign results: what the people of a campaign did, counted by target and never ranked by
//! person. Pure.
//!
//! Headline figures are the ones that move with practice: the report rate and the time to the
//! first report. Clicks are split by evidence ([`crate::clicks`]); only `confirmed_human` clicks
//! make a click rate. Group figures are suppressed below [`MIN_GROUP`] people, so a group's
//! result never points at one person.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::clicks::Class;
use crate::phishscale::Difficulty;

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
    /// The person clicked (confirmed) in at least two campaigns of the period (computed across
    /// campaigns by the caller: [`repeat_clickers`]).
    pub repeat_clicker: bool,
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
    /// People of the set who clicked (confirmed) in two campaigns or more of the period: a
    /// count, never a list.
    pub repeat_clickers: u64,
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
        repeat_clickers: set.iter().filter(|o| o.repeat_clicker).count() as u64,
    }
}

/// A person clicked (confirmed) in at least this many campaigns to be a repeat clicker.
pub const REPEAT_CLICKS: usize = 2;

/// One person's outcome in one campaign, for figures across campaigns. `person` is any stable
/// key of the person (the caller's; never shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exposure {
    pub person: String,
    pub campaign: i64,
    pub difficulty: Difficulty,
    pub outcome: Outcome,
}

/// The people who clicked (confirmed) in [`REPEAT_CLICKS`] campaigns or more, by key.
pub fn repeat_clickers(exposures: &[Exposure]) -> BTreeSet<&str> {
    let mut clicked: BTreeMap<&str, BTreeSet<i64>> = BTreeMap::new();
    for e in exposures.iter().filter(|e| e.outcome.click == Some(Class::ConfirmedHuman)) {
        clicked.entry(e.person.as_str()).or_default().insert(e.campaign);
    }
    clicked.into_iter().filter(|(_, c)| c.len() >= REPEAT_CLICKS).map(|(p, _)| p).collect()
}

/// Confirmed clicks over exposures for one difficulty; `None` figures when fewer than
/// [`MIN_GROUP`] people were exposed at that difficulty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DifficultyCell {
    pub difficulty: &'static str,
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exposures: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmed_human: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmed_click_rate: Option<f64>,
}

/// A set's figures across campaigns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Across {
    pub people: u64,
    /// Lures received (a person in three campaigns counts three times).
    pub exposures: u64,
    pub campaigns: u64,
    pub by_difficulty: Vec<DifficultyCell>,
    pub repeat_clickers: u64,
    pub reports: u64,
    pub report_rate: f64,
    pub median_seconds_to_first_report: Option<i64>,
    /// Campaigns whose first report (in this set) came before their first confirmed click.
    pub campaigns_reported_before_first_click: u64,
}

/// A group's figures across campaigns, or only that it is too small.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupAcross {
    pub group: String,
    pub suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none", flatten)]
    pub figures: Option<Across>,
}

/// Figures across campaigns for every group (exposures without a group count in no group):
/// groups of fewer than [`MIN_GROUP`] people suppressed, and so is each difficulty cell reached
/// by fewer than [`MIN_GROUP`] people, so no figure points at one person.
pub fn across_groups(exposures: &[Exposure]) -> Vec<GroupAcross> {
    let mut by_group: BTreeMap<&str, Vec<&Exposure>> = BTreeMap::new();
    for e in exposures {
        if let Some(g) = &e.outcome.group {
            by_group.entry(g.as_str()).or_default().push(e);
        }
    }
    by_group
        .into_iter()
        .map(|(g, set)| {
            let people: BTreeSet<&str> = set.iter().map(|e| e.person.as_str()).collect();
            let suppressed = people.len() < MIN_GROUP;
            GroupAcross { group: g.to_string(), suppressed, figures: (!suppressed).then(|| across(&set)) }
        })
        .collect()
}

/// The figures of a set of exposures (repeat clickers counted within the set).
pub fn across(set: &[&Exposure]) -> Across {
    let owned: Vec<Exposure> = set.iter().map(|e| (*e).clone()).collect();
    let repeat = repeat_clickers(&owned).len() as u64;
    let people: BTreeSet<&str> = set.iter().map(|e| e.person.as_str()).collect();
    let campaigns: BTreeSet<i64> = set.iter().map(|e| e.campaign).collect();
    let by_difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
        .into_iter()
        .filter_map(|d| {
            let cell: Vec<&&Exposure> = set.iter().filter(|e| e.difficulty == d).collect();
            if cell.is_empty() {
                return None;
            }
            let reached: BTreeSet<&str> = cell.iter().map(|e| e.person.as_str()).collect();
            let suppressed = reached.len() < MIN_GROUP;
            let confirmed = cell.iter().filter(|e| e.outcome.click == Some(Class::ConfirmedHuman)).count() as u64;
            let n = cell.len() as u64;
            Some(DifficultyCell {
                difficulty: d.key(),
                suppressed,
                exposures: (!suppressed).then_some(n),
                confirmed_human: (!suppressed).then_some(confirmed),
                confirmed_click_rate: (!suppressed).then(|| confirmed as f64 / n as f64),
            })
        })
        .collect();
    let outcomes: Vec<&Outcome> = set.iter().map(|e| &e.outcome).collect();
    let f = figures(&outcomes);
    let before = campaigns
        .iter()
        .filter(|c| {
            let mine: Vec<&Outcome> = set.iter().filter(|e| e.campaign == **c).map(|e| &e.outcome).collect();
            figures(&mine).reported_before_first_click
        })
        .count() as u64;
    Across {
        people: people.len() as u64,
        exposures: set.len() as u64,
        campaigns: campaigns.len() as u64,
        by_difficulty,
        repeat_clickers: repeat,
        reports: f.reports,
        report_rate: f.report_rate,
        median_seconds_to_first_report: f.median_seconds_to_first_report,
        campaigns_reported_before_first_click: before,
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
            repeat_clicker: false,
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

    fn exposure(person: usize, group: &str, campaign: i64, difficulty: Difficulty, clicked: bool) -> Exposure {
        let click = clicked.then_some(Class::ConfirmedHuman);
        Exposure { person: format!("p{person}"), campaign, difficulty, outcome: person_in(group, click) }
    }

    fn person_in(group: &str, click: Option<Class>) -> Outcome {
        person(group, click, None)
    }

    #[test]
    fn groups_across_campaigns_count_clicks_by_difficulty_and_repeat_clickers_without_small_cells() {
        let mut all = Vec::new();
        // Six counter clerks in an easy and a hard campaign; p0 and p1 clicked both, p2 the hard one.
        for p in 0..6 {
            all.push(exposure(p, "counter", 1, Difficulty::Easy, p < 2));
            all.push(exposure(p, "counter", 2, Difficulty::Hard, p < 3));
        }
        // Four of them also got a medium lure: a cell of four people is not shown.
        for p in 0..4 {
            all.push(exposure(p, "counter", 3, Difficulty::Medium, false));
        }
        // A depot of three: suppressed whole.
        for p in 10..13 {
            all.push(exposure(p, "depot", 2, Difficulty::Hard, true));
        }
        let groups = across_groups(&all);
        assert_eq!(groups.len(), 2);
        let counter = groups[0].figures.as_ref().expect("counter shown");
        assert_eq!((counter.people, counter.exposures, counter.campaigns, counter.repeat_clickers), (6, 16, 3, 2));
        let cells: Vec<(&str, bool, Option<u64>)> =
            counter.by_difficulty.iter().map(|c| (c.difficulty, c.suppressed, c.confirmed_human)).collect();
        assert_eq!(cells, [("easy", false, Some(2)), ("medium", true, None), ("hard", false, Some(3))]);
        assert_eq!(counter.by_difficulty[2].confirmed_click_rate, Some(0.5));
        assert_eq!((groups[1].group.as_str(), groups[1].suppressed, &groups[1].figures), ("depot", true, &None));
        let json = serde_json::to_string(&groups).expect("json");
        assert!(!json.contains("\"p1") && !json.contains("p10"), "no person key is shown: {json}");
        assert_eq!(repeat_clickers(&all).into_iter().collect::<Vec<_>>(), ["p0", "p1"]);
    }

    #[test]
    fn an_even_number_of_reports_takes_the_middle() {
        let people = [person("g", None, Some(10)), person("g", None, Some(30))];
        assert_eq!(summarise(&people).overall.median_seconds_to_first_report, Some(20));
        assert_eq!(summarise(&[]).overall.report_rate, 0.0);
    }
}
