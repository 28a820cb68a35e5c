//! Benchmark rules proved on a synthetic population of 48 posts.

use chrono::Duration;

use super::*;

const REGIONS: [&str; 4] = ["AF", "AP", "EU", "LAC"];
const INCOMES: [&str; 4] = ["L", "LM", "UM", "H"];

fn as_of() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 10, 1, 0, 0, 0).unwrap()
}

/// Post `i`: region i % 4, income (i / 4) % 4, SIDS when i % 3 == 0, LDC when i % 5 == 0,
/// index (i % 10) * 10, area GOV 50 for everyone, practice ENC in place when i is even.
fn post(i: usize) -> Submission {
    Submission {
        post: format!("post-{i:02}"),
        opted_in: true,
        finalised_at: as_of() - Duration::days(10 + i as i64),
        peers: PeerAttributes {
            region: REGIONS[i % 4].into(),
            income: INCOMES[(i / 4) % 4].into(),
            sids: i.is_multiple_of(3),
            ldc: i.is_multiple_of(5),
        },
        metrics: [("index".to_owned(), ((i % 10) * 10) as f64), ("area:GOV".to_owned(), 50.0)].into(),
        practices: survey_practices(i),
    }
}

/// The survey practices of post `i`: ENC when i is even, and indicator number n (in
/// [`DASHBOARD_INDICATORS`] order, from MAIL to CSIRT) in place when i % (n + 2) == 0; the budget
/// keeps pace (WL/BUD) when i % 9 == 0; the workload went up, stayed the same or went down as
/// (i / 2) % 3 is 0, 1 or 2 (16 posts each), with the figures `trend::workload_figures` gives.
fn survey_practices(i: usize) -> BTreeMap<String, bool> {
    let mut out: BTreeMap<String, bool> = DASHBOARD_INDICATORS[..7]
        .iter()
        .enumerate()
        .map(|(n, ind)| ((*ind).to_owned(), if n == 0 { i.is_multiple_of(2) } else { i.is_multiple_of(n + 2) }))
        .collect();
    out.insert("WL/BUD".into(), i.is_multiple_of(9));
    let trend = [crate::trend::Trend::Up, crate::trend::Trend::Same, crate::trend::Trend::Down][(i / 2) % 3];
    out.extend(crate::trend::workload_figures(Some(trend), Some(i.is_multiple_of(9))));
    out
}

fn population() -> Vec<Submission> {
    (0..48).map(post).collect()
}

fn world() -> GroupKey {
    GroupKey { region: None, income: None, sids: false, ldc: false }
}

fn group<'a>(s: &'a Snapshot, key: &GroupKey) -> &'a GroupFigures {
    s.groups.iter().find(|g| &g.key == key).unwrap()
}

fn region(r: &str) -> GroupKey {
    GroupKey { region: Some(r.into()), ..world() }
}

#[test]
fn the_world_group_has_every_figure() {
    let s = snapshot(&population(), as_of());
    let w = group(&s, &world());
    assert_eq!((w.verdict, w.posts), (Verdict::Published, Some(48)));
    // Index values: 0..=70 five times each, 80 and 90 four times each.
    // Mean = (4 * 450 + 280) / 48 = 2080 / 48 = 43.33 -> 43. Sorted, the 24th and 25th values are
    // 40 -> median 40. Nearest rank: p25 is the 12th value (20), p75 the 36th (70).
    assert_eq!(w.metrics["index"], MetricFigures { posts: 48, mean: 43, median: 40, p25: Some(20), p75: Some(70) });
    // Half the posts have ENC in place.
    assert_eq!(w.practices["ENC"], 50);
}

#[test]
fn a_group_of_four_shows_nothing() {
    let mut posts = population();
    for i in 0..4 {
        let mut p = post(100 + i);
        p.peers.region = "XS".into();
        posts.push(p);
    }
    let s = snapshot(&posts, as_of());
    let xs = group(&s, &region("XS"));
    assert_eq!(xs.verdict, Verdict::InsufficientPeers);
    assert_eq!((xs.posts, xs.metrics.len(), xs.practices.len()), (None, 0, 0));
    // A fifth post makes the group publishable.
    let mut p = post(104);
    p.peers.region = "XS".into();
    posts.push(p);
    let s = snapshot(&posts, as_of());
    assert_eq!(group(&s, &region("XS")).verdict, Verdict::Published);
    // Five posts: statistics, but no percentiles below 10.
    let fig = &group(&s, &region("XS")).metrics["index"];
    assert_eq!((fig.posts, fig.p25, fig.p75), (5, None, None));
}

/// 60 posts shaped to tempt differencing: posts 0-19 are in LAC and the others spread over the
/// other regions; posts 0-17 are SIDS, so LAC minus SIDS is two posts.
fn skewed() -> Vec<Submission> {
    (0..60)
        .map(|i| {
            let mut p = post(i);
            p.peers.region = if i < 20 { "LAC".into() } else { REGIONS[i % 3].into() };
            p.peers.income = INCOMES[(i / 3) % 4].into();
            p.peers.sids = i < 18;
            p
        })
        .collect()
}

#[test]
fn differencing_two_published_groups_never_isolates_a_post() {
    for posts in [population(), skewed()] {
        let s = snapshot(&posts, as_of());
        let eligible = eligible(&posts, as_of());
        let members =
            |k: &GroupKey| -> BTreeSet<&str> { eligible.iter().filter(|p| k.contains(&p.peers)).map(|p| p.post.as_str()).collect() };
        let published: Vec<BTreeSet<&str>> = s.groups.iter().filter(|g| g.verdict == Verdict::Published).map(|g| members(&g.key)).collect();
        assert!(published.len() > 10, "the population publishes several groups");
        let mut pairs = 0;
        for a in &published {
            for b in &published {
                if a.is_subset(b) && a != b {
                    pairs += 1;
                    assert!(b.len() - a.len() >= COMPLEMENT_MIN, "{} vs {} posts", a.len(), b.len());
                }
            }
        }
        assert!(pairs > 0);
    }
    // In the skewed population SIDS (18 posts) lies inside LAC (20): one of them must go.
    let s = snapshot(&skewed(), as_of());
    assert_eq!(group(&s, &GroupKey { sids: true, ..world() }).verdict, Verdict::Differencing);
}

#[test]
fn a_subgroup_whose_complement_is_small_is_suppressed() {
    // Six SIDS posts, all in LAC, and one non-SIDS post in LAC: LAC minus SIDS would be one post.
    let mut posts: Vec<Submission> = population().into_iter().filter(|p| !p.peers.sids && p.peers.region != "LAC").collect();
    for i in 0..7 {
        let mut p = post(200 + i);
        p.peers.region = "LAC".into();
        p.peers.sids = i < 6;
        posts.push(p);
    }
    let s = snapshot(&posts, as_of());
    let sids = GroupKey { sids: true, ..world() };
    assert_eq!(group(&s, &region("LAC")).verdict, Verdict::Published);
    assert_eq!(group(&s, &sids).verdict, Verdict::Differencing);
    assert_eq!(group(&s, &GroupKey { sids: true, ..region("LAC") }).verdict, Verdict::Differencing);
    assert!(group(&s, &sids).metrics.is_empty());
}

#[test]
fn a_new_submission_does_not_change_a_published_snapshot() {
    let mut posts = population();
    let before = snapshot(&posts, as_of());
    // A new post and a newer assessment of an existing one, both finalised after the snapshot.
    let mut late = post(300);
    late.finalised_at = as_of() + Duration::hours(1);
    posts.push(late);
    let mut newer = post(1);
    newer.finalised_at = as_of() + Duration::days(3);
    newer.metrics.insert("index".into(), 100.0);
    posts.push(newer);
    assert_eq!(snapshot(&posts, as_of()), before);
    // The published schedule is quarterly: any time in the quarter gives the same snapshot.
    let later_in_quarter = as_of() + Duration::days(40);
    assert_eq!(quarter_start(later_in_quarter), as_of());
    assert_eq!(snapshot(&posts, quarter_start(later_in_quarter)), before);
}

#[test]
fn only_recent_opted_in_assessments_count_once_per_post() {
    let mut posts = population();
    posts[0].opted_in = false;
    posts[1].finalised_at = as_of() - Duration::days(800);
    // An older assessment of post 2 is ignored in favour of its latest one.
    let mut older = post(2);
    older.finalised_at = as_of() - Duration::days(300);
    older.metrics.insert("index".into(), 0.0);
    posts.push(older);
    let s = snapshot(&posts, as_of());
    assert_eq!(group(&s, &world()).posts, Some(46));
}

#[test]
fn quarters_start_on_the_first_of_january_april_july_october() {
    let at = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 13, 5, 0).unwrap();
    let start = |y, m| Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0).unwrap();
    assert_eq!(quarter_start(at(2026, 12, 7)), start(2026, 10));
    assert_eq!(quarter_start(at(2026, 1, 1)), start(2026, 1));
    assert_eq!(quarter_start(at(2026, 6, 30)), start(2026, 4));
    assert_eq!(quarter_start(at(2026, 7, 1)), start(2026, 7));
}

#[test]
fn practices_need_every_tagged_question_in_place() {
    use crate::score::{AreaWeights, Claim, Claimed, Evidence, assess};
    use crate::{Bank, Profile};
    let bank = Bank::embedded().unwrap();
    let now = as_of();
    let tagged: Vec<String> = bank.questions.iter().filter(|q| q.survey.as_deref() == Some("ENC")).map(|q| q.id.clone()).collect();
    assert_eq!(tagged, ["WEB-01", "WEB-02"]);
    let answer = |id: &str, v| Claim { question: id.into(), value: Claimed::Score(v), evidence: Evidence::SelfReported, at: now };
    let run =
        |claims: &[Claim], profile: Profile| practices(&bank, &assess(&bank, &profile, claims, &[], &AreaWeights::default(), now).unwrap());
    let web = Profile { website: true, ..Profile::default() };
    assert_eq!(run(&[answer("WEB-01", 4), answer("WEB-02", 3)], web).get("ENC"), Some(&true));
    assert_eq!(run(&[answer("WEB-01", 4), answer("WEB-02", 2)], web).get("ENC"), Some(&false));
    // Without a website, app or e-shop the practice does not apply and is left out.
    assert_eq!(run(&[], Profile::default()).get("ENC"), None);
}

#[test]
fn the_dashboard_csv_has_published_groups_only_and_names_no_post() {
    let snapshot = snapshot(&population(), as_of());
    let csv = dashboard_csv(&snapshot);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("as_of,region,income,sids,ldc,posts,figure,statistic,value"));
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    // The world: 48 posts, ENC in place for the even half, the index median 45.
    assert!(
        rows.contains(&vec!["2026-10-01T00:00:00Z", "all", "all", "false", "false", "48", "practice:ENC", "share_at_3", "50"]),
        "{csv}"
    );
    assert!(rows.iter().any(|r| r[..7] == ["2026-10-01T00:00:00Z", "all", "all", "false", "false", "48", "index"] && r[7] == "median"));
    // Every row is a published group of at least 5 posts; no row names a post.
    let published: Vec<&GroupFigures> = snapshot.groups.iter().filter(|g| g.verdict == Verdict::Published).collect();
    assert!(rows.iter().all(|r| r[5].parse::<usize>().is_ok_and(|n| n >= K_MIN)), "{csv}");
    assert!(!csv.contains("post-"));
    let withheld = snapshot.groups.iter().filter(|g| g.verdict != Verdict::Published).count();
    assert!(withheld > 0 && !published.is_empty());
    for g in snapshot.groups.iter().filter(|g| g.verdict != Verdict::Published) {
        let region = g.key.region.clone().unwrap_or_else(|| "all".to_owned());
        let income = g.key.income.clone().unwrap_or_else(|| "all".to_owned());
        let (sids, ldc) = (g.key.sids.to_string(), g.key.ldc.to_string());
        assert!(
            !rows.iter().any(|r| r[1] == region && r[2] == income && r[3] == sids && r[4] == ldc),
            "withheld group {:?} has rows",
            g.key
        );
    }
}

#[test]
fn unassigned_posts_count_in_the_whole_population_only() {
    let mut posts = population();
    for i in 0..6 {
        let mut p = post(400 + i);
        p.peers.region = UNASSIGNED.into();
        p.peers.income = UNASSIGNED.into();
        posts.push(p);
    }
    let s = snapshot(&posts, as_of());
    assert_eq!(group(&s, &world()).posts, Some(54));
    assert!(s.groups.iter().all(|g| g.key.region.as_deref() != Some(UNASSIGNED) && g.key.income.as_deref() != Some(UNASSIGNED)));
}

#[test]
fn quarters_are_named_and_parsed_and_the_next_one_is_due_on_its_first_day() {
    let start = |y, m| Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0).unwrap();
    assert_eq!(parse_quarter("2026Q4"), Ok(start(2026, 10)));
    assert_eq!(parse_quarter("2027q1"), Ok(start(2027, 1)));
    assert_eq!(quarter_name(start(2026, 7)), "2026Q3");
    for bad in ["2026Q5", "2026Q0", "2026-10", "Q4", "26Q4", "2026Q4x", ""] {
        assert!(parse_quarter(bad).unwrap_err().contains("write YYYYQn"), "{bad}");
    }
    assert_eq!(next_quarter_start(Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap()), start(2027, 1));
    assert_eq!(next_quarter_start(start(2026, 10)), start(2027, 1));
}

#[test]
fn the_dashboard_shows_published_regions_incomes_and_crossings_only() {
    let s = snapshot(&population(), as_of());
    let rows = dashboard(&s);
    // The world first: 48 posts; ENC for the even half, MAIL (i % 3 == 0) for 16 of 48 -> 33%,
    // WL/BUD (i % 9 == 0: 0, 9, ..., 45) for 6 of 48 -> 13%.
    assert_eq!((rows[0].region.as_deref(), rows[0].income.as_deref(), rows[0].posts), (None, None, 48));
    assert_eq!((rows[0].indicators["ENC"], rows[0].indicators["MAIL"], rows[0].indicators["WL/BUD"]), (50, 33, 13));
    assert_eq!(rows[0].indicators.len(), DASHBOARD_INDICATORS.len());
    // Workload vs budget: up, same, down for 16 of 48 each; up while the budget lags for 13
    // (the 16 "up" posts less 0, 18 and 36, whose budget keeps pace).
    let wl: Vec<i64> = ["WL-UP", "WL-SAME", "WL-DOWN", "WL-UP-LAG"].iter().map(|k| rows[0].indicators[*k]).collect();
    assert_eq!(wl, [33, 33, 33, 27]);
    // Each region has 12 posts, each income group 12, each crossing 3: regions and incomes
    // publish, crossings (3 posts) never do.
    let regions = rows.iter().filter(|r| r.region.is_some() && r.income.is_none()).count();
    let incomes = rows.iter().filter(|r| r.region.is_none() && r.income.is_some()).count();
    assert_eq!((regions, incomes), (4, 4));
    assert!(rows.iter().all(|r| !(r.region.is_some() && r.income.is_some())));
    let csv = dashboard_rows_csv(&s);
    assert!(csv.starts_with("as_of,region,income,posts,indicator,share_at_3\n"));
    assert!(csv.contains("2026-10-01T00:00:00Z,all,all,48,WL/BUD,13\n"), "{csv}");
    assert!(!csv.contains("post-"));
}

/// The workload figures are shares of the posts that answered GOV-04, under the same rules as
/// every figure: with 4 answers in a group of 48 the group publishes, its workload figures do not.
#[test]
fn workload_figures_count_the_posts_that_answered_and_need_five_of_them() {
    let workload = ["WL-UP", "WL-SAME", "WL-DOWN", "WL-UP-LAG"];
    let without = |mut p: Submission| {
        p.practices.retain(|k, _| !workload.contains(&k.as_str()));
        p
    };
    let four: Vec<Submission> = (0..48).map(|i| if i < 4 { post(i) } else { without(post(i)) }).collect();
    let rows = dashboard(&snapshot(&four, as_of()));
    assert_eq!(rows[0].posts, 48);
    assert!(workload.iter().all(|k| !rows[0].indicators.contains_key(*k)), "{:?}", rows[0].indicators);
    assert!(rows[0].indicators.contains_key("WL/BUD"));
    // Ten answers (posts 0-9: up 0, 1, 6, 7; same 2, 3, 8, 9; down 4, 5): shares of those ten.
    let ten: Vec<Submission> = (0..48).map(|i| if i < 10 { post(i) } else { without(post(i)) }).collect();
    let rows = dashboard(&snapshot(&ten, as_of()));
    let wl: Vec<i64> = workload.iter().map(|k| rows[0].indicators[*k]).collect();
    // Up while lagging: 1, 6, 7 (post 0 keeps pace) = 3 of 10.
    assert_eq!(wl, [40, 40, 20, 30]);
    assert!(!dashboard_rows_csv(&snapshot(&four, as_of())).contains(",WL-UP,"));
}

#[test]
fn on_the_dashboard_a_group_of_four_shows_nothing() {
    let mut posts = population();
    for i in 0..4 {
        let mut p = post(500 + i);
        (p.peers.region, p.peers.income) = ("XS".into(), "H".into());
        posts.push(p);
    }
    let s = snapshot(&posts, as_of());
    let rows = dashboard(&s);
    assert!(rows.iter().all(|r| r.region.as_deref() != Some("XS")), "{rows:?}");
    assert!(!dashboard_rows_csv(&s).contains(",XS,"));
    // The world still publishes, with the four counted.
    assert_eq!(rows[0].posts, 52);
}

#[test]
fn differencing_two_dashboard_rows_never_isolates_a_post() {
    for posts in [population(), skewed()] {
        let s = snapshot(&posts, as_of());
        let eligible = eligible(&posts, as_of());
        let members = |r: &DashboardRow| -> BTreeSet<&str> {
            let key = GroupKey { region: r.region.clone(), income: r.income.clone(), sids: false, ldc: false };
            eligible.iter().filter(|p| key.contains(&p.peers)).map(|p| p.post.as_str()).collect()
        };
        let rows = dashboard(&s);
        assert!(rows.len() >= 5);
        for a in &rows {
            assert!(a.posts >= K_MIN && members(a).len() == a.posts);
            for b in &rows {
                let (ma, mb) = (members(a), members(b));
                if ma.is_subset(&mb) && ma != mb {
                    assert!(mb.len() - ma.len() >= COMPLEMENT_MIN, "{a:?} vs {b:?}");
                }
            }
        }
    }
}
