//! Cross-post benchmarks for the ISAC: difficulty-normalised aggregates of the simulation results
//! of the posts that opted in. Pure.
//!
//! Click rates move with the lure's difficulty far more than with training (the NIST Phish
//! Scale predicted 7 % on easy lures and 15 % on hard ones in one study), so a raw click rate
//! across posts compares lures, not people: each figure here is per Phish Scale difficulty.
//! Every post counts once in a figure (the mean of the posts' own rates, so a large post does
//! not make the figure its own), and only when it reached at least [`crate::results::MIN_GROUP`]
//! people at that difficulty. A figure is shown only when at least [`MIN_ORGS`] posts contribute
//! to it; there is no breakdown by post, country or staff group, so no figure can isolate a
//! post; rates are rounded to whole percent, which blunts comparing two snapshots around one
//! post's opt-in.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::phishscale::Difficulty;
use crate::results::MIN_GROUP;

/// The fewest posts a figure is shown for.
pub const MIN_ORGS: usize = 5;

/// One opted-in post's results at one difficulty (its own campaigns' exposures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostCell {
    /// An opaque key of the post; never part of any output.
    pub post: String,
    pub difficulty: Difficulty,
    /// Distinct people the post's lures of this difficulty reached.
    pub people: u64,
    pub exposures: u64,
    pub confirmed_human: u64,
    pub reports: u64,
    /// Campaigns at this difficulty, and those reported before their first confirmed click.
    pub campaigns: u64,
    pub reported_before_first_click: u64,
}

/// A benchmark figure across posts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// `easy`, `medium`, `hard`, or `all` for every difficulty together.
    pub difficulty: &'static str,
    /// Posts contributing (each with at least `MIN_GROUP` people at this difficulty).
    pub organisations: usize,
    /// Fewer than [`MIN_ORGS`] posts: no figure.
    pub suppressed: bool,
    /// The mean of the posts' confirmed click rates, whole percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmed_click_rate_percent: Option<i64>,
    /// The mean of the posts' report rates, whole percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_rate_percent: Option<i64>,
    /// Campaigns reported before their first confirmed click, over all campaigns, whole percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported_before_first_click_percent: Option<i64>,
}

/// The ISAC's view: how many posts opted in and the figures per difficulty.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub opted_in: usize,
    pub min_organisations: usize,
    pub cells: Vec<Cell>,
}

fn percent(x: f64) -> i64 {
    (x * 100.0).round() as i64
}

/// The figure over the posts' cells of one difficulty (`None`: all of them, per post summed).
fn cell(label: &'static str, posts: &[PostCell]) -> Cell {
    let n = posts.len();
    let suppressed = n < MIN_ORGS;
    let mean = |f: &dyn Fn(&PostCell) -> f64| posts.iter().map(f).sum::<f64>() / n.max(1) as f64;
    let rate = |num: u64, den: u64| if den == 0 { 0.0 } else { num as f64 / den as f64 };
    let campaigns: u64 = posts.iter().map(|p| p.campaigns).sum();
    let before: u64 = posts.iter().map(|p| p.reported_before_first_click).sum();
    let shown = |v: f64| (!suppressed).then(|| percent(v));
    Cell {
        difficulty: label,
        organisations: n,
        suppressed,
        confirmed_click_rate_percent: shown(mean(&|p| rate(p.confirmed_human, p.exposures))),
        report_rate_percent: shown(mean(&|p| rate(p.reports, p.exposures))),
        reported_before_first_click_percent: shown(rate(before, campaigns)),
    }
}

/// The benchmark of the opted-in posts' cells (`opted_in`: how many posts opted in, whether or
/// not they ran campaigns).
pub fn aggregate(cells: &[PostCell], opted_in: usize) -> Benchmark {
    let mut out = Vec::new();
    for d in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
        let posts: Vec<PostCell> = cells.iter().filter(|c| c.difficulty == d && c.people >= MIN_GROUP as u64).cloned().collect();
        out.push(cell(d.key(), &posts));
    }
    // Every difficulty together, per post: a post counts when it reached enough people overall.
    let keys: BTreeSet<&str> = cells.iter().map(|c| c.post.as_str()).collect();
    let whole: Vec<PostCell> = keys
        .into_iter()
        .filter_map(|k| {
            let mine: Vec<&PostCell> = cells.iter().filter(|c| c.post == k).collect();
            let sum = |f: fn(&PostCell) -> u64| mine.iter().map(|c| f(c)).sum::<u64>();
            let people = mine.iter().map(|c| c.people).max().unwrap_or(0);
            (people >= MIN_GROUP as u64).then(|| PostCell {
                post: k.to_string(),
                difficulty: Difficulty::Easy,
                people,
                exposures: sum(|c| c.exposures),
                confirmed_human: sum(|c| c.confirmed_human),
                reports: sum(|c| c.reports),
                campaigns: sum(|c| c.campaigns),
                reported_before_first_click: sum(|c| c.reported_before_first_click),
            })
        })
        .collect();
    out.push(cell("all", &whole));
    Benchmark { opted_in, min_organisations: MIN_ORGS, cells: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(i: usize, d: Difficulty, people: u64, clicked: u64, reported: u64) -> PostCell {
        PostCell {
            post: format!("post-{i}"),
            difficulty: d,
            people,
            exposures: people,
            confirmed_human: clicked,
            reports: reported,
            campaigns: 1,
            reported_before_first_click: u64::from(reported > 0),
        }
    }

    #[test]
    fn a_figure_needs_five_posts_each_with_five_people() {
        // Five posts ran hard lures on 20 people; four of them also ran easy lures, and a fifth
        // ran an easy lure on 3 people only, which does not count.
        let mut cells: Vec<PostCell> = (0..5).map(|i| post(i, Difficulty::Hard, 20, 2 + i as u64, 10)).collect();
        cells.extend((0..4).map(|i| post(i, Difficulty::Easy, 20, 1, 10)));
        cells.push(post(4, Difficulty::Easy, 3, 3, 0));
        let b = aggregate(&cells, 7);
        let by: Vec<(&str, usize, bool, Option<i64>)> =
            b.cells.iter().map(|c| (c.difficulty, c.organisations, c.suppressed, c.confirmed_click_rate_percent)).collect();
        // Hard: mean of 10 %, 15 %, 20 %, 25 %, 30 % = 20 %.
        assert_eq!(by, [("easy", 4, true, None), ("medium", 0, true, None), ("hard", 5, false, Some(20)), ("all", 5, false, Some(17))]);
        assert_eq!(b.cells[2].report_rate_percent, Some(50));
        assert_eq!(b.cells[2].reported_before_first_click_percent, Some(100));
        assert_eq!(b.opted_in, 7);
        let json = serde_json::to_string(&b).expect("json");
        assert!(!json.contains("post-"), "no post is named: {json}");
    }

    #[test]
    fn each_post_weighs_the_same_whatever_its_size() {
        // One big post clicking 50 % beside four small ones clicking 0 %: the mean of the posts'
        // rates is 10 %, where a pooled rate would be the big post's own figure, nearly.
        let mut cells = vec![post(0, Difficulty::Medium, 10_000, 5_000, 0)];
        cells.extend((1..5).map(|i| post(i, Difficulty::Medium, 5, 0, 0)));
        let b = aggregate(&cells, 5);
        assert_eq!(b.cells[1].confirmed_click_rate_percent, Some(10));
    }
}
