//! Peer benchmarks that cannot identify a post (section 6 of the readiness design): scheduled
//! snapshots of aggregates over opted-in posts, with minimum group sizes and differencing guards.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Datelike, Months, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::bank::Bank;
use crate::score::{Assessment, IN_PLACE};

/// A statistic (mean, median, share at >= 3) needs at least this many distinct posts.
pub const K_MIN: usize = 5;
/// Percentiles need at least this many posts.
pub const PERCENTILES_MIN: usize = 10;
/// A group is suppressed when a published group containing it has fewer than this many others.
pub const COMPLEMENT_MIN: usize = 5;
/// Only assessments finalised within this many months before the snapshot count.
pub const RECENT_MONTHS: u32 = 24;

/// The peer-group attributes of a post (from the member-country data files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeerAttributes {
    pub region: String,
    pub income: String,
    pub sids: bool,
    pub ldc: bool,
}

/// One finalised assessment offered to benchmarking. `finalised_at` is the hub's own time of
/// finalisation, so it cannot be backdated into a published snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Submission {
    /// An opaque id of the post; never part of any output.
    pub post: String,
    pub opted_in: bool,
    pub finalised_at: DateTime<Utc>,
    pub peers: PeerAttributes,
    /// Percentages 0-100: `index` and `area:<ID>`.
    pub metrics: BTreeMap<String, f64>,
    /// Survey indicator -> whether the practice is in place (see [`practices`]).
    pub practices: BTreeMap<String, bool>,
}

/// A peer group: every attribute left `None` (or `false`) is not restricted.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct GroupKey {
    pub region: Option<String>,
    pub income: Option<String>,
    pub sids: bool,
    pub ldc: bool,
}

impl GroupKey {
    fn contains(&self, p: &PeerAttributes) -> bool {
        self.region.as_ref().is_none_or(|r| *r == p.region)
            && self.income.as_ref().is_none_or(|i| *i == p.income)
            && (!self.sids || p.sids)
            && (!self.ldc || p.ldc)
    }

    /// The groups obtained by lifting one restriction: the parents of section 6(a).
    fn parents(&self) -> Vec<GroupKey> {
        let mut out = Vec::new();
        if self.region.is_some() {
            out.push(GroupKey { region: None, ..self.clone() });
        }
        if self.income.is_some() {
            out.push(GroupKey { income: None, ..self.clone() });
        }
        if self.sids {
            out.push(GroupKey { sids: false, ..self.clone() });
        }
        if self.ldc {
            out.push(GroupKey { ldc: false, ..self.clone() });
        }
        out
    }
}

/// Why a figure is or is not shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Published,
    /// Fewer than [`K_MIN`] posts: "insufficient peers".
    InsufficientPeers,
    /// A containing group differs by fewer than [`COMPLEMENT_MIN`] posts.
    Differencing,
}

/// The published figures of one metric, rounded to whole numbers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MetricFigures {
    pub posts: usize,
    pub mean: i64,
    pub median: i64,
    /// Only with at least [`PERCENTILES_MIN`] posts.
    pub p25: Option<i64>,
    pub p75: Option<i64>,
}

/// What a snapshot says of one group; figures exist only when the verdict is `Published`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFigures {
    pub key: GroupKey,
    pub verdict: Verdict,
    pub posts: Option<usize>,
    pub metrics: BTreeMap<String, MetricFigures>,
    /// Survey indicator -> share of posts (percent, rounded) with the practice in place.
    pub practices: BTreeMap<String, i64>,
}

/// Aggregates as of a scheduled time. Computed only from submissions finalised by then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub as_of: DateTime<Utc>,
    pub groups: Vec<GroupFigures>,
}

/// The start of the calendar quarter containing `now`: snapshots are quarterly, never live.
pub fn quarter_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let month = (now.month0() / 3) * 3 + 1;
    Utc.with_ymd_and_hms(now.year(), month, 1, 0, 0, 0).single().unwrap_or(now)
}

/// The start of the quarter after the one containing `now`: when the next snapshot is due.
pub fn next_quarter_start(now: DateTime<Utc>) -> DateTime<Utc> {
    let start = quarter_start(now);
    start.checked_add_months(Months::new(3)).unwrap_or(start)
}

/// The start of a quarter written `YYYYQn` (e.g. `2026Q4`, any case).
pub fn parse_quarter(text: &str) -> Result<DateTime<Utc>, String> {
    let bad = || format!("'{text}' is not a quarter: write YYYYQn, e.g. 2026Q4");
    let (year, q) = text.trim().to_ascii_uppercase().split_once('Q').map(|(y, q)| (y.to_owned(), q.to_owned())).ok_or_else(bad)?;
    let (Ok(year), Ok(q)) = (year.parse::<i32>(), q.parse::<u32>()) else { return Err(bad()) };
    if !(1..=4).contains(&q) || !(2000..=9999).contains(&year) {
        return Err(bad());
    }
    Utc.with_ymd_and_hms(year, (q - 1) * 3 + 1, 1, 0, 0, 0).single().ok_or_else(bad)
}

/// The quarter of a quarter's start, written `YYYYQn`.
pub fn quarter_name(start: DateTime<Utc>) -> String {
    format!("{}Q{}", start.year(), start.month0() / 3 + 1)
}

/// The metrics a post contributes: its readiness index and area percentages.
pub fn metrics(assessment: &Assessment) -> BTreeMap<String, f64> {
    let mut out = BTreeMap::new();
    if let Some(index) = assessment.readiness_index {
        out.insert("index".to_owned(), index);
    }
    for area in &assessment.areas {
        if let Some(p) = area.percent {
            out.insert(format!("area:{}", area.id), p);
        }
    }
    out
}

/// Survey practices of a post: a practice is in place when every applicable scored question
/// tagged with its indicator has an effective score >= 3; with none applicable it is absent.
pub fn practices(bank: &Bank, assessment: &Assessment) -> BTreeMap<String, bool> {
    let mut out: BTreeMap<String, bool> = BTreeMap::new();
    for r in &assessment.questions {
        let (Some(q), Some(s)) = (bank.question(&r.id), r.effective) else { continue };
        if let Some(indicator) = &q.survey {
            let in_place = out.entry(indicator.clone()).or_insert(true);
            *in_place &= s >= IN_PLACE;
        }
    }
    out
}

/// The latest eligible submission of each post: opted in, finalised at or before `as_of` and
/// within [`RECENT_MONTHS`] of it.
fn eligible(submissions: &[Submission], as_of: DateTime<Utc>) -> Vec<&Submission> {
    let oldest = as_of.checked_sub_months(Months::new(RECENT_MONTHS)).unwrap_or(as_of);
    let mut latest: BTreeMap<&str, &Submission> = BTreeMap::new();
    for s in submissions.iter().filter(|s| s.opted_in && s.finalised_at <= as_of && s.finalised_at >= oldest) {
        match latest.get(s.post.as_str()) {
            Some(kept) if kept.finalised_at >= s.finalised_at => {}
            _ => {
                latest.insert(&s.post, s);
            }
        }
    }
    latest.into_values().collect()
}

/// Every group worth considering: each region, income group, SIDS and LDC flag and their
/// crossings. Posts of an unlisted country ([`UNASSIGNED`]) count in the groups that do not
/// restrict region or income, and never form a group of their own.
fn candidate_keys(posts: &[&Submission]) -> Vec<GroupKey> {
    let known = |v: &String| (v != UNASSIGNED).then(|| v.clone());
    let regions: BTreeSet<Option<String>> = posts.iter().map(|s| known(&s.peers.region)).chain([None]).collect();
    let incomes: BTreeSet<Option<String>> = posts.iter().map(|s| known(&s.peers.income)).chain([None]).collect();
    let mut keys = Vec::new();
    for region in &regions {
        for income in &incomes {
            for sids in [false, true] {
                for ldc in [false, true] {
                    keys.push(GroupKey { region: region.clone(), income: income.clone(), sids, ldc });
                }
            }
        }
    }
    keys
}

/// The verdict of each group given who is in it. Section 6: k >= 5, and (a) no group whose
/// complement in a parent is below 5. We also guard any two groups where one's posts are a strict
/// subset of the other's (e.g. every SIDS post happens to be in one region), since differencing
/// them isolates posts just the same.
pub fn verdicts(sets: &BTreeMap<GroupKey, BTreeSet<&str>>) -> BTreeMap<GroupKey, Verdict> {
    let mut out = BTreeMap::new();
    for (key, members) in sets {
        let verdict = if members.len() < K_MIN {
            Verdict::InsufficientPeers
        } else {
            let parents = key.parents();
            let exposed = sets.iter().any(|(other, others)| {
                let gap = others.len().saturating_sub(members.len());
                other != key && gap < COMPLEMENT_MIN && members.is_subset(others) && (gap > 0 || parents.contains(other))
            });
            if exposed { Verdict::Differencing } else { Verdict::Published }
        };
        out.insert(key.clone(), verdict);
    }
    out
}

fn round(x: f64) -> i64 {
    x.round() as i64
}

/// Nearest-rank percentile of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    sorted.get(rank - 1).copied().unwrap_or(f64::NAN)
}

fn metric_figures(mut values: Vec<f64>) -> MetricFigures {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let mean = values.iter().sum::<f64>() / n as f64;
    let median = if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 };
    let wide = n >= PERCENTILES_MIN;
    MetricFigures {
        posts: n,
        mean: round(mean),
        median: round(median),
        p25: wide.then(|| round(percentile(&values, 25.0))),
        p75: wide.then(|| round(percentile(&values, 75.0))),
    }
}

/// Verdicts for one figure (a metric or a practice), computed on the posts that have it, so that
/// a metric missing for some posts (an area not applicable) obeys the same rules.
fn figure_verdicts<'a>(
    keys: &[GroupKey],
    posts: &[&'a Submission],
    has: impl Fn(&Submission) -> bool,
) -> (BTreeMap<GroupKey, BTreeSet<&'a str>>, BTreeMap<GroupKey, Verdict>) {
    let sets: BTreeMap<GroupKey, BTreeSet<&str>> = keys
        .iter()
        .map(|k| (k.clone(), posts.iter().filter(|s| k.contains(&s.peers) && has(s)).map(|s| s.post.as_str()).collect()))
        .collect();
    let verdicts = verdicts(&sets);
    (sets, verdicts)
}

/// The snapshot as of `as_of` (use [`quarter_start`] for the published schedule).
pub fn snapshot(submissions: &[Submission], as_of: DateTime<Utc>) -> Snapshot {
    let posts = eligible(submissions, as_of);
    let by_post: BTreeMap<&str, &Submission> = posts.iter().map(|s| (s.post.as_str(), *s)).collect();
    let keys = candidate_keys(&posts);
    let (group_sets, group_verdicts) = figure_verdicts(&keys, &posts, |_| true);
    let mut groups: Vec<GroupFigures> = keys
        .iter()
        .map(|k| GroupFigures {
            key: k.clone(),
            verdict: group_verdicts.get(k).copied().unwrap_or(Verdict::InsufficientPeers),
            posts: None,
            metrics: BTreeMap::new(),
            practices: BTreeMap::new(),
        })
        .collect();
    for g in groups.iter_mut().filter(|g| g.verdict == Verdict::Published) {
        g.posts = group_sets.get(&g.key).map(BTreeSet::len);
    }
    let metric_names: BTreeSet<&String> = posts.iter().flat_map(|s| s.metrics.keys()).collect();
    for name in metric_names {
        let (sets, verdicts) = figure_verdicts(&keys, &posts, |s| s.metrics.contains_key(name));
        for g in groups.iter_mut().filter(|g| g.verdict == Verdict::Published && verdicts.get(&g.key) == Some(&Verdict::Published)) {
            let values = sets.get(&g.key).into_iter().flatten().filter_map(|p| by_post.get(p)?.metrics.get(name).copied()).collect();
            g.metrics.insert(name.clone(), metric_figures(values));
        }
    }
    let practice_names: BTreeSet<&String> = posts.iter().flat_map(|s| s.practices.keys()).collect();
    for name in practice_names {
        let (sets, verdicts) = figure_verdicts(&keys, &posts, |s| s.practices.contains_key(name));
        for g in groups.iter_mut().filter(|g| g.verdict == Verdict::Published && verdicts.get(&g.key) == Some(&Verdict::Published)) {
            let members: Vec<bool> =
                sets.get(&g.key).into_iter().flatten().filter_map(|p| by_post.get(p)?.practices.get(name).copied()).collect();
            let share = members.iter().filter(|&&b| b).count() as f64 / members.len() as f64 * 100.0;
            g.practices.insert(name.clone(), round(share));
        }
    }
    Snapshot { as_of, groups }
}

/// The region and income group of a post whose organisation has no country, or one the
/// peer-group lists do not name (`peers::Peers::attributes`): such posts count in the whole
/// population only, since a group of them alone is as small as it is meaningless.
pub const UNASSIGNED: &str = "unassigned";

/// What a stored, finalised assessment contributes: its readiness index and area percentages
/// (as [`metrics`]) and its survey practices, under an opaque post id, in the peer groups of its
/// organisation's country.
pub fn submission(post: String, finalised_at: DateTime<Utc>, peers: PeerAttributes, summary: &crate::summary::Summary) -> Submission {
    let mut metrics = BTreeMap::new();
    if let Some(index) = summary.readiness_index {
        metrics.insert("index".to_owned(), index);
    }
    for (id, area) in &summary.areas {
        if let Some(p) = area.percent {
            metrics.insert(format!("area:{id}"), p);
        }
    }
    Submission { post, opted_in: true, finalised_at, peers, metrics, practices: summary.practices.clone() }
}

/// The columns of [`dashboard_csv`].
pub const DASHBOARD_CSV_HEADER: [&str; 9] = ["as_of", "region", "income", "sids", "ldc", "posts", "figure", "statistic", "value"];

/// A snapshot as the aggregate-only CSV of the UPU/ISAC dashboard: one row per published
/// figure of a published group (a survey practice's share of posts at >= 3 in percent, a
/// metric's mean, median and, from 10 posts, quartiles). Groups and figures the rules withhold
/// have no row at all, and no column names a post.
pub fn dashboard_csv(snapshot: &Snapshot) -> String {
    let as_of = snapshot.as_of.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut rows: Vec<Vec<String>> = vec![DASHBOARD_CSV_HEADER.iter().map(|h| (*h).to_owned()).collect()];
    for g in snapshot.groups.iter().filter(|g| g.verdict == Verdict::Published) {
        let Some(posts) = g.posts else { continue };
        let head = [
            as_of.clone(),
            g.key.region.clone().unwrap_or_else(|| "all".to_owned()),
            g.key.income.clone().unwrap_or_else(|| "all".to_owned()),
            g.key.sids.to_string(),
            g.key.ldc.to_string(),
            posts.to_string(),
        ];
        let mut row = |figure: &str, statistic: &str, value: i64| {
            let mut r = head.to_vec();
            r.extend([figure.to_owned(), statistic.to_owned(), value.to_string()]);
            rows.push(r);
        };
        for (practice, share) in &g.practices {
            row(&format!("practice:{practice}"), "share_at_3", *share);
        }
        for (metric, f) in &g.metrics {
            row(metric, "mean", f.mean);
            row(metric, "median", f.median);
            if let (Some(p25), Some(p75)) = (f.p25, f.p75) {
                row(metric, "p25", p25);
                row(metric, "p75", p75);
            }
        }
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    for row in rows {
        if out.write_record(&row).is_err() {
            return String::new();
        }
    }
    out.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

/// The survey's indicators the UPU/ISAC dashboard shows, in order: encrypted website, secure
/// staff e-mail, training, risk plan, incident response plan, crisis plan, CSIRT affiliation,
/// then workload vs budget: the shares of posts whose cybersecurity workload went up, stayed
/// the same and went down over two years (GOV-04, of the posts that answered it), the share
/// whose budget and staffing kept pace (GOV-05 at >= 3), and the share whose workload went up
/// while the budget did not keep pace (of the posts that answered both).
pub const DASHBOARD_INDICATORS: [&str; 12] =
    ["ENC", "MAIL", "TRN", "RISK", "IRP", "CMP", "CSIRT", "WL-UP", "WL-SAME", "WL-DOWN", "WL/BUD", "WL-UP-LAG"];

/// One row of the UPU/ISAC dashboard: a published region, income group or crossing of the two
/// (no SIDS/LDC restriction), with the indicators the rules publish for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DashboardRow {
    pub region: Option<String>,
    pub income: Option<String>,
    pub posts: usize,
    /// Indicator -> share of posts (percent, rounded) with the practice at >= 3; an indicator
    /// the rules withhold for this group is absent.
    pub indicators: BTreeMap<String, i64>,
}

/// The dashboard of a published snapshot: only groups and figures the snapshot publishes, so
/// it inherits every rule (k >= 5, differencing guards, rounding); by region, by income group
/// and by their crossings, the whole population first.
pub fn dashboard(snapshot: &Snapshot) -> Vec<DashboardRow> {
    let mut rows: Vec<DashboardRow> = snapshot
        .groups
        .iter()
        .filter(|g| g.verdict == Verdict::Published && !g.key.sids && !g.key.ldc)
        .filter_map(|g| {
            let indicators = DASHBOARD_INDICATORS.iter().filter_map(|i| g.practices.get(*i).map(|v| ((*i).to_owned(), *v))).collect();
            Some(DashboardRow { region: g.key.region.clone(), income: g.key.income.clone(), posts: g.posts?, indicators })
        })
        .collect();
    rows.sort_by_key(|r| (r.region.is_some(), r.income.is_some(), r.region.clone(), r.income.clone()));
    rows
}

/// The dashboard as aggregate-only CSV: one row per published group and indicator.
pub fn dashboard_rows_csv(snapshot: &Snapshot) -> String {
    let as_of = snapshot.as_of.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut write = |r: &[&str]| out.write_record(r).is_ok();
    let mut ok = write(&["as_of", "region", "income", "posts", "indicator", "share_at_3"]);
    for row in dashboard(snapshot) {
        let (region, income) = (row.region.as_deref().unwrap_or("all"), row.income.as_deref().unwrap_or("all"));
        let posts = row.posts.to_string();
        for (indicator, share) in &row.indicators {
            ok &= write(&[&as_of, region, income, &posts, indicator, &share.to_string()]);
        }
    }
    if !ok {
        return String::new();
    }
    out.into_inner().ok().and_then(|bytes| String::from_utf8(bytes).ok()).unwrap_or_default()
}

#[cfg(test)]
mod tests;
