//! Worked examples pinning every rule of the scoring contract; each expected figure is computed
//! by hand in the comment beside it.

use chrono::TimeZone;

use super::*;
use crate::frameworks::Frameworks;

/// A small bank whose figures can be computed by hand:
/// area A: A-1 (w3, phase 1), A-2 (w1, phase 2), A-3 (w2, phase 3, scan SCAN-DMARC), I-1 (info);
/// area B (handhelds only): B-1 (w2, phase 1), B-2 (w1, phase 2, $$$);
/// area C: C-1 (w2, phase 1, binary, $$).
const TOY: &str = r#"
version = "toy-1"
languages = ["en", "fr"]
survey_indicators = ["MAIL"]
[[area]]
id = "A"
name = { en = "A", fr = "A" }
[[area]]
id = "B"
name = { en = "B", fr = "B" }
[[area]]
id = "C"
name = { en = "C", fr = "C" }
[[question]]
id = "A-1"
area = "A"
weight = 3
phase = 1
effort = "$"
csf = ["GV.RR"]
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
[[question]]
id = "A-2"
area = "A"
weight = 1
phase = 2
effort = "$$"
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
[[question]]
id = "A-3"
area = "A"
weight = 2
phase = 3
effort = "$"
scan = "SCAN-DMARC"
survey = "MAIL"
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
[[question]]
id = "I-1"
area = "A"
scale = "info"
weight = 1
phase = 1
effort = "$"
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
[[question]]
id = "B-1"
area = "B"
weight = 2
phase = 1
effort = "$"
applies_if = ["handhelds"]
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
[[question]]
id = "B-2"
area = "B"
weight = 1
phase = 2
effort = "$$$"
applies_if = ["handhelds"]
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
[[question]]
id = "C-1"
area = "C"
scale = "binary"
weight = 2
phase = 1
effort = "$$"
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
"#;

pub(crate) fn toy() -> Bank {
    Bank::parse(TOY, Frameworks::embedded().unwrap()).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap()
}

fn days_ago(days: i64) -> DateTime<Utc> {
    now() - Duration::days(days)
}

fn claim(id: &str, value: u8, evidence: Evidence) -> Claim {
    Claim { question: id.into(), value: Claimed::Score(value), evidence, at: days_ago(1) }
}

fn na(id: &str) -> Claim {
    Claim { question: id.into(), value: Claimed::NotApplicable, evidence: Evidence::SelfReported, at: days_ago(1) }
}

fn dmarc(subject: &str, at: DateTime<Utc>, outcome: Outcome) -> Observation {
    Observation { source: "SCAN-DMARC".into(), subject: subject.into(), at, outcome }
}

fn run(profile: Profile, claims: &[Claim], observations: &[Observation]) -> Assessment {
    assess(&toy(), &profile, claims, observations, &AreaWeights::default(), now()).unwrap()
}

fn self_claims(values: &[(&str, u8)]) -> Vec<Claim> {
    values.iter().map(|(id, v)| claim(id, *v, Evidence::SelfReported)).collect()
}

fn area<'a>(a: &'a Assessment, id: &str) -> &'a AreaResult {
    a.areas.iter().find(|r| r.id == id).unwrap()
}

fn question<'a>(a: &'a Assessment, id: &str) -> &'a QuestionResult {
    a.questions.iter().find(|r| r.id == id).unwrap()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap();
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn area_percentage_and_level_from_answers() {
    // Each row: answers to A-1 (w3), A-2 (w1), A-3 (w2); expected A% = sum(w*s) / (4 * 6) * 100.
    let rows: [([u8; 3], f64, Level); 8] = [
        // (12 + 4 + 8) / 24 = 100%; every gate met and >= 85.
        ([4, 4, 4], 100.0, Level::L4),
        // (12 + 4 + 6) / 24 = 91.67%; every gate met.
        ([4, 4, 3], 22.0 / 24.0 * 100.0, Level::L4),
        // (9 + 3 + 6) / 24 = 75%: gates met but below 85, so L3.
        ([3, 3, 3], 75.0, Level::L3),
        // (9 + 3 + 4) / 24 = 66.67%: phase-3 gate not met.
        ([3, 3, 2], 16.0 / 24.0 * 100.0, Level::L3),
        // (9 + 2 + 8) / 24 = 79.17%: phase-2 gate not met.
        ([3, 2, 4], 19.0 / 24.0 * 100.0, Level::L2),
        // (6 + 4 + 8) / 24 = 75%: phase-1 gate not met, so L1 whatever the rest.
        ([2, 4, 4], 75.0, Level::L1),
        // (3 + 0 + 0) / 24 = 12.5%: below 20.
        ([1, 0, 0], 12.5, Level::L0),
        // (0 + 4 + 0) / 24 = 16.67%: below 20.
        ([0, 4, 0], 4.0 / 24.0 * 100.0, Level::L0),
    ];
    for (values, percent, level) in rows {
        let claims = self_claims(&[("A-1", values[0]), ("A-2", values[1]), ("A-3", values[2])]);
        let a = run(Profile::all(), &claims, &[]);
        close(area(&a, "A").percent, percent);
        assert_eq!(area(&a, "A").level, Some(level), "answers {values:?}");
    }
}

#[test]
fn level_boundaries() {
    let bank = toy();
    let q = |id| bank.question(id).unwrap();
    let met = [(q("A-1"), 3), (q("A-2"), 3), (q("A-3"), 3)];
    let unmet = [(q("A-1"), 2), (q("A-2"), 3), (q("A-3"), 3)];
    // L0 is "A% < 20": exactly 20 is not L0.
    assert_eq!(area_level(&unmet, 20.0), Level::L1);
    assert_eq!(area_level(&unmet, 19.99), Level::L0);
    // Below 20% the area is L0 even with every gate met.
    assert_eq!(area_level(&met, 15.0), Level::L0);
    // L4 is "A% >= 85".
    assert_eq!(area_level(&met, 85.0), Level::L4);
    assert_eq!(area_level(&met, 84.99), Level::L3);
}

#[test]
fn profile_removes_questions_and_whole_areas() {
    // No handhelds: B-1 and B-2 are N/A, so area B has no percentage and no level.
    let claims = self_claims(&[("A-1", 3), ("A-2", 2), ("A-3", 4), ("C-1", 4), ("B-1", 4)]);
    let a = run(Profile::default(), &claims, &[]);
    assert_eq!(question(&a, "B-1").applicability, Applicability::ProfileNa);
    assert_eq!(question(&a, "B-1").effective, None);
    assert_eq!(area(&a, "B"), &AreaResult { id: "B".into(), applicable: 0, percent: None, level: None });
    // Index = mean of A (19/24 = 79.17%) and C (4/4 = 100%) = 89.58%; B does not count.
    close(a.readiness_index, (19.0 / 24.0 * 100.0 + 100.0) / 2.0);
    // The same answers with handhelds: B-1 = 4 (w2), B-2 unanswered = 0 (w1): B = 8/12 = 66.67%.
    let a = run(Profile { handhelds: true, ..Profile::default() }, &claims, &[]);
    close(area(&a, "B").percent, 8.0 / 12.0 * 100.0);
}

#[test]
fn area_weights_tune_the_index() {
    let claims = self_claims(&[("A-1", 3), ("A-2", 2), ("A-3", 4), ("C-1", 4)]);
    let weights = AreaWeights([("A".to_owned(), 3.0)].into());
    let a = assess(&toy(), &Profile::default(), &claims, &[], &weights, now()).unwrap();
    // (3 * 79.17 + 1 * 100) / 4 = (237.5 + 100) / 4 = 84.375.
    close(a.readiness_index, 84.375);
}

#[test]
fn area_with_one_applicable_question() {
    // Handhelds on, B-2 declared N/A: B has only B-1 (phase 1); the phase-2 and phase-3 gates
    // are vacuously met, so the level depends on B-1 and the 85% rule alone.
    let profile = Profile { handhelds: true, ..Profile::default() };
    let rows = [(4, 100.0, Level::L4), (3, 75.0, Level::L3), (2, 50.0, Level::L1), (0, 0.0, Level::L0)];
    for (value, percent, level) in rows {
        let a = run(profile, &[claim("B-1", value, Evidence::SelfReported), na("B-2")], &[]);
        assert_eq!(question(&a, "B-2").applicability, Applicability::DeclaredNa);
        assert_eq!(area(&a, "B").applicable, 1);
        close(area(&a, "B").percent, percent);
        assert_eq!(area(&a, "B").level, Some(level));
    }
}

#[test]
fn everything_not_applicable_gives_no_figures() {
    // No handhelds, and A-1, A-2, A-3, C-1 declared N/A: nothing is scored.
    let claims = [na("A-1"), na("A-2"), na("A-3"), na("C-1")];
    let a = run(Profile::default(), &claims, &[]);
    assert!(a.areas.iter().all(|r| r.percent.is_none() && r.level.is_none()));
    assert_eq!((a.readiness_index, a.hygiene_baseline, a.verified_share), (None, None, None));
    assert!(a.plan.is_empty() && a.unanswered.is_empty() && a.contradictions.is_empty());
}

#[test]
fn missing_answers_score_zero_and_are_listed() {
    // "0 = not in place / don't know": an unanswered applicable question scores 0.
    let a = run(Profile::default(), &[], &[]);
    assert_eq!(a.unanswered, ["A-1", "A-2", "A-3", "C-1"]);
    close(area(&a, "A").percent, 0.0);
    assert_eq!(area(&a, "A").level, Some(Level::L0));
    close(a.readiness_index, 0.0);
    close(a.hygiene_baseline, 0.0);
    close(a.verified_share, 0.0);
    assert_eq!(question(&a, "A-1").evidence, None);
}

#[test]
fn hygiene_baseline_counts_phase_one_questions() {
    // Phase-1 applicable questions without handhelds: A-1 and C-1 (by count, not weight).
    let a = run(Profile::default(), &self_claims(&[("A-1", 3), ("C-1", 4)]), &[]);
    close(a.hygiene_baseline, 100.0);
    let a = run(Profile::default(), &self_claims(&[("A-1", 2), ("C-1", 4)]), &[]);
    close(a.hygiene_baseline, 50.0);
    // With handhelds B-1 joins: A-1 = 3, C-1 = 0, B-1 = 3, so 2 of 3 = 66.67%.
    let a = run(Profile { handhelds: true, ..Profile::default() }, &self_claims(&[("A-1", 3), ("B-1", 3)]), &[]);
    close(a.hygiene_baseline, 200.0 / 3.0);
}

#[test]
fn verified_share_is_weighted_by_question_weight() {
    // A-1 w3 document, A-2 w1 self, A-3 w2 self, C-1 w2 facilitator: (3 + 2) / 8 = 62.5%.
    let claims = [
        claim("A-1", 3, Evidence::Document),
        claim("A-2", 2, Evidence::SelfReported),
        claim("A-3", 4, Evidence::SelfReported),
        claim("C-1", 4, Evidence::Facilitator),
    ];
    close(run(Profile::default(), &claims, &[]).verified_share, 62.5);
    // A fresh scan on A-3 makes it verified too: (3 + 2 + 2) / 8 = 87.5%.
    let scans = [dmarc("post.example", days_ago(3), Outcome::Score(4))];
    close(run(Profile::default(), &claims, &scans).verified_share, 87.5);
}

#[test]
fn the_strongest_claim_speaks_for_a_question() {
    // Facilitator > scan > document > self, whatever the dates; then the latest.
    let mut claims = vec![
        Claim { at: days_ago(1), ..claim("A-1", 4, Evidence::SelfReported) },
        Claim { at: days_ago(5), ..claim("A-1", 2, Evidence::Document) },
        Claim { at: days_ago(9), ..claim("A-1", 1, Evidence::Facilitator) },
    ];
    let a = run(Profile::default(), &claims, &[]);
    assert_eq!((question(&a, "A-1").effective, question(&a, "A-1").evidence), (Some(1), Some(Evidence::Facilitator)));
    claims.push(Claim { at: days_ago(2), ..claim("A-1", 3, Evidence::Facilitator) });
    assert_eq!(question(&run(Profile::default(), &claims, &[]), "A-1").effective, Some(3));
}

#[test]
fn scan_evidence_beats_claims() {
    struct Row {
        claim: Option<u8>,
        scans: Vec<Observation>,
        effective: u8,
        state: ScanState,
        low_confidence: bool,
        contradiction: bool,
    }
    let ok = |days, s| dmarc("post.example", days_ago(days), Outcome::Score(s));
    let exact = |d: Duration, s| dmarc("post.example", now() - d, Outcome::Score(s));
    let rows = [
        // Fresh scan lower by 3: the scan decides and it is a contradiction.
        Row { claim: Some(4), scans: vec![ok(10, 1)], effective: 1, state: ScanState::Fresh, low_confidence: false, contradiction: true },
        // Lower by exactly 2: still a contradiction.
        Row { claim: Some(3), scans: vec![ok(10, 1)], effective: 1, state: ScanState::Fresh, low_confidence: false, contradiction: true },
        // Lower by 1: the scan decides, no contradiction.
        Row { claim: Some(3), scans: vec![ok(10, 2)], effective: 2, state: ScanState::Fresh, low_confidence: false, contradiction: false },
        // Higher: the scan decides upwards too.
        Row { claim: Some(1), scans: vec![ok(10, 4)], effective: 4, state: ScanState::Fresh, low_confidence: false, contradiction: false },
        // Nobody answered: a fresh scan decides, nothing to contradict.
        Row { claim: None, scans: vec![ok(10, 2)], effective: 2, state: ScanState::Fresh, low_confidence: false, contradiction: false },
        // Exactly 30 days is fresh; one second more is not.
        Row {
            claim: Some(4),
            scans: vec![exact(Duration::days(30), 0)],
            effective: 0,
            state: ScanState::Fresh,
            low_confidence: false,
            contradiction: true,
        },
        Row {
            claim: Some(4),
            scans: vec![exact(Duration::days(30) + Duration::seconds(1), 0)],
            effective: 4,
            state: ScanState::Aging,
            low_confidence: false,
            contradiction: false,
        },
        // 31-90 days: the claim decides at normal confidence; exactly 90 days is not stale.
        Row {
            claim: Some(4),
            scans: vec![exact(Duration::days(90), 0)],
            effective: 4,
            state: ScanState::Aging,
            low_confidence: false,
            contradiction: false,
        },
        // Older than 90 days: the claim decides, marked low-confidence.
        Row {
            claim: Some(4),
            scans: vec![exact(Duration::days(90) + Duration::seconds(1), 0)],
            effective: 4,
            state: ScanState::Stale,
            low_confidence: true,
            contradiction: false,
        },
        // A failed scan: the claim decides, low-confidence.
        Row {
            claim: Some(2),
            scans: vec![dmarc("post.example", days_ago(1), Outcome::Failed)],
            effective: 2,
            state: ScanState::Failed,
            low_confidence: true,
            contradiction: false,
        },
        // An older failure followed by a fresh success: the latest result per domain counts.
        Row {
            claim: Some(2),
            scans: vec![dmarc("post.example", days_ago(5), Outcome::Failed), ok(1, 3)],
            effective: 3,
            state: ScanState::Fresh,
            low_confidence: false,
            contradiction: false,
        },
        // Several primary domains: the weakest fresh one decides.
        Row {
            claim: Some(4),
            scans: vec![ok(2, 4), dmarc("post2.example", days_ago(2), Outcome::Score(2))],
            effective: 2,
            state: ScanState::Fresh,
            low_confidence: false,
            contradiction: true,
        },
        // One domain fresh and one aging: the scan is not fresh as a whole, the claim decides.
        Row {
            claim: Some(4),
            scans: vec![ok(2, 4), dmarc("post2.example", days_ago(45), Outcome::Score(0))],
            effective: 4,
            state: ScanState::Aging,
            low_confidence: false,
            contradiction: false,
        },
        // A result dated in the future (clock skew) counts as fresh.
        Row {
            claim: Some(1),
            scans: vec![dmarc("post.example", now() + Duration::hours(2), Outcome::Score(3))],
            effective: 3,
            state: ScanState::Fresh,
            low_confidence: false,
            contradiction: false,
        },
    ];
    for (i, row) in rows.into_iter().enumerate() {
        let claims: Vec<Claim> = row.claim.map(|v| claim("A-3", v, Evidence::SelfReported)).into_iter().collect();
        let a = run(Profile::default(), &claims, &row.scans);
        let r = question(&a, "A-3");
        assert_eq!((r.effective, r.scan_state, r.low_confidence), (Some(row.effective), row.state, row.low_confidence), "row {i}");
        assert_eq!(r.self_value, row.claim, "row {i}");
        assert_eq!(a.contradictions.len(), usize::from(row.contradiction), "row {i}");
        if row.state == ScanState::Fresh {
            assert_eq!(r.evidence, Some(Evidence::Scan), "row {i}");
        }
    }
}

#[test]
fn a_contradiction_shows_both_values_and_why() {
    let a = run(Profile::default(), &[claim("A-3", 4, Evidence::Document)], &[dmarc("p.example", days_ago(1), Outcome::Score(1))]);
    assert_eq!(
        a.contradictions,
        [Contradiction { question: "A-3".into(), claimed: 4, scanned: 1, source: "SCAN-DMARC".into(), reason: "scan_below_claim" }]
    );
    // No extra penalty: the effective score is the scan, A = (0 + 0 + 2*1) / 24.
    close(area(&a, "A").percent, 2.0 / 24.0 * 100.0);
}

#[test]
fn a_fresh_scan_overrides_a_declared_not_applicable() {
    let a = run(Profile::default(), &[na("A-3")], &[dmarc("p.example", days_ago(1), Outcome::Score(2))]);
    let r = question(&a, "A-3");
    assert_eq!((r.applicability, r.effective, r.evidence), (Applicability::Applies, Some(2), Some(Evidence::Scan)));
}

#[test]
fn observations_of_other_sources_are_ignored() {
    let other = Observation { source: "SCAN-SPF".into(), subject: "p.example".into(), at: days_ago(1), outcome: Outcome::Score(0) };
    let a = run(Profile::default(), &[claim("A-3", 4, Evidence::SelfReported)], &[other]);
    assert_eq!((question(&a, "A-3").effective, question(&a, "A-3").scan_state), (Some(4), ScanState::None));
}

#[test]
fn plan_orders_by_phase_then_gap_weight_then_effort() {
    // Nothing answered, every channel: all scores 0.
    // Phase 1: A-1 (3-0)*3 = 9 $, B-1 3*2 = 6 $, C-1 3*2 = 6 $$  -> A-1, B-1, C-1.
    // Phase 2: A-2 3*1 = 3 $$, B-2 3*1 = 3 $$$                   -> A-2, B-2.
    // Phase 3: A-3 3*2 = 6.
    let a = run(Profile::all(), &[], &[]);
    let ids: Vec<&str> = a.plan.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["A-1", "B-1", "C-1", "A-2", "B-2", "A-3"]);
    assert_eq!(a.plan[0].gap_weight, 9);
    // Scores of 3 or more leave the plan; a 2 on A-1 has gap weight (3-2)*3 = 3 and stays first.
    let a = run(Profile::all(), &self_claims(&[("A-1", 2), ("B-1", 3), ("C-1", 4), ("A-2", 4)]), &[]);
    let ids: Vec<(&str, u8)> = a.plan.iter().map(|p| (p.id.as_str(), p.gap_weight)).collect();
    assert_eq!(ids, [("A-1", 3), ("B-2", 3), ("A-3", 6)]);
}

#[test]
fn bad_input_is_rejected_with_a_clear_error() {
    let bank = toy();
    let check = |claims: &[Claim], obs: &[Observation], weights: &AreaWeights| {
        assess(&bank, &Profile::default(), claims, obs, weights, now()).unwrap_err()
    };
    let none = AreaWeights::default();
    assert_eq!(check(&[claim("Z-9", 1, Evidence::SelfReported)], &[], &none), ScoreError::UnknownQuestion("Z-9".into()));
    assert_eq!(check(&[claim("I-1", 1, Evidence::SelfReported)], &[], &none), ScoreError::NotScored("I-1".into()));
    assert_eq!(check(&[claim("A-1", 5, Evidence::SelfReported)], &[], &none), ScoreError::OutOfScale { question: "A-1".into(), value: 5 });
    // C-1 is binary: only 0 or 4.
    assert_eq!(check(&[claim("C-1", 2, Evidence::SelfReported)], &[], &none), ScoreError::OutOfScale { question: "C-1".into(), value: 2 });
    let bad_scan = dmarc("p.example", days_ago(1), Outcome::Score(7));
    assert_eq!(
        check(&[], &[bad_scan], &none),
        ScoreError::ObservationOutOfRange { source_id: "SCAN-DMARC".into(), subject: "p.example".into(), value: 7 }
    );
    assert_eq!(check(&[], &[], &AreaWeights([("Q".to_owned(), 1.0)].into())), ScoreError::UnknownArea("Q".into()));
    assert!(matches!(check(&[], &[], &AreaWeights([("A".to_owned(), -1.0)].into())), ScoreError::BadAreaWeight { .. }));
    assert!(matches!(check(&[], &[], &AreaWeights([("A".to_owned(), f64::NAN)].into())), ScoreError::BadAreaWeight { .. }));
}

#[test]
fn informing_sources_never_override_on_the_real_bank() {
    // ASSET-03 names SCAN-CT, which only informs: a fresh CT result does not change the answer.
    let bank = Bank::embedded().unwrap();
    let ct = Observation { source: "SCAN-CT".into(), subject: "p.example".into(), at: days_ago(1), outcome: Outcome::Score(0) };
    let claims = [claim("ASSET-03", 4, Evidence::SelfReported)];
    let a = assess(&bank, &Profile::all(), &claims, &[ct], &AreaWeights::default(), now()).unwrap();
    assert_eq!((question(&a, "ASSET-03").effective, question(&a, "ASSET-03").scan_state), (Some(4), ScanState::None));
}
