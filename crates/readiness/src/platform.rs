//! The hook of issue 18, section 3, for Postern's own capabilities: phishing-simulation campaigns
//! (awareness) feed TRN-04 and joint exercises feed IR-04, as observations of the sources
//! `platform-phishing` and `platform-exercise` (`data/scan_checks.txt`, both `overrides`), scored
//! like any scan: fresh, they replace the answer both ways, and a claim 2 or more above them is
//! a contradiction.
//!
//! Postern's records say what happened on Postern only: a post may run its simulations or
//! exercises elsewhere. So no record gives no observation (the answer stands), never a 0.
//! The records are read live when a draft is scored, so an observation is dated `now`.

use chrono::{DateTime, Duration, Utc};

use crate::score::{Observation, Outcome};

/// The source ids of `data/scan_checks.txt`.
pub const PHISHING_SOURCE: &str = "platform-phishing";
pub const EXERCISE_SOURCE: &str = "platform-exercise";
/// The one subject of platform observations (they are about the organisation, not a domain).
pub const SUBJECT: &str = "postern";
/// The look-back of both questions: "at least twice a year", "in the last 12 months".
pub const WINDOW_DAYS: i64 = 365;

fn within(at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    at <= now && now - at <= Duration::days(WINDOW_DAYS)
}

fn observation(source: &str, now: DateTime<Utc>, score: u8) -> Observation {
    Observation { source: source.to_owned(), subject: SUBJECT.to_owned(), at: now, outcome: Outcome::Score(score) }
}

/// TRN-04 ("phishing simulations at least twice a year, with click and report rates tracked")
/// from the start times of the organisation's simulation campaigns on Postern (live ones only,
/// no dry runs): none in the last 12 months, no observation; one, 2 (in place, not yet twice a
/// year); two or more, 4 (twice a year, and Postern's per-campaign click and report rates are
/// the evidence the 4 band asks for).
pub fn phishing(campaign_starts: &[DateTime<Utc>], now: DateTime<Utc>) -> Option<Observation> {
    match campaign_starts.iter().filter(|&&at| within(at, now)).count() {
        0 => None,
        1 => Some(observation(PHISHING_SOURCE, now, 2)),
        _ => Some(observation(PHISHING_SOURCE, now, 4)),
    }
}

/// One joint exercise the organisation took part in: when it ended (`None` while it runs) and
/// whether its hot wash recorded the facilitator's marks on the expectations (lessons tracked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExerciseRun {
    pub ended_at: Option<DateTime<Utc>>,
    pub marked: bool,
}

/// IR-04 ("a tabletop or simulation exercise in the last 12 months, ... root causes and lessons
/// tracked") from the organisation's exercise runs on Postern: none ended in the last 12
/// months, no observation; one, 3 (held and documented by the run); one whose hot wash has the
/// facilitator's marks, 4 (held, evaluated and its lessons tracked).
pub fn exercise(runs: &[ExerciseRun], now: DateTime<Utc>) -> Option<Observation> {
    let ended: Vec<&ExerciseRun> = runs.iter().filter(|r| r.ended_at.is_some_and(|at| within(at, now))).collect();
    if ended.is_empty() {
        return None;
    }
    Some(observation(EXERCISE_SOURCE, now, if ended.iter().any(|r| r.marked) { 4 } else { 3 }))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;
    use crate::score::{AreaWeights, Claim, Claimed, Evidence, assess};
    use crate::{Bank, Profile};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 12, 0, 0).unwrap()
    }

    fn ago(days: i64) -> DateTime<Utc> {
        now() - Duration::days(days)
    }

    fn score(o: Option<Observation>) -> Option<u8> {
        o.map(|o| match o.outcome {
            Outcome::Score(s) => s,
            Outcome::Failed => 99,
        })
    }

    #[test]
    fn campaigns_of_the_last_twelve_months_score_trn_04() {
        assert_eq!(score(phishing(&[], now())), None);
        assert_eq!(score(phishing(&[ago(400)], now())), None, "older than a year");
        assert_eq!(score(phishing(&[ago(10)], now())), Some(2));
        assert_eq!(score(phishing(&[ago(10), ago(200)], now())), Some(4));
        assert_eq!(score(phishing(&[ago(10), ago(-3)], now())), Some(2), "a campaign not yet started does not count");
        let o = phishing(&[ago(1), ago(2)], now()).unwrap();
        assert_eq!((o.source.as_str(), o.subject.as_str(), o.at), (PHISHING_SOURCE, SUBJECT, now()));
    }

    #[test]
    fn ended_runs_of_the_last_twelve_months_score_ir_04() {
        let run = |days: Option<i64>, marked| ExerciseRun { ended_at: days.map(ago), marked };
        assert_eq!(score(exercise(&[], now())), None);
        assert_eq!(score(exercise(&[run(None, true)], now())), None, "still running");
        assert_eq!(score(exercise(&[run(Some(400), true)], now())), None);
        assert_eq!(score(exercise(&[run(Some(30), false)], now())), Some(3));
        assert_eq!(score(exercise(&[run(Some(30), false), run(Some(90), true)], now())), Some(4));
    }

    /// On the shipped bank the observations decide TRN-04 and IR-04 both ways, and a claim 2 or
    /// more above them is a contradiction; without a record the claim stands.
    #[test]
    fn platform_results_override_claims_on_the_real_bank() {
        let bank = Bank::embedded().unwrap();
        let claim = |id: &str, v| Claim { question: id.into(), value: Claimed::Score(v), evidence: Evidence::SelfReported, at: now() };
        let claims = [claim("TRN-04", 4), claim("IR-04", 0)];
        let run = |obs: &[Observation]| assess(&bank, &Profile::all(), &claims, obs, &AreaWeights::default(), now()).unwrap();
        let effective = |a: &crate::Assessment, id: &str| a.questions.iter().find(|q| q.id == id).and_then(|q| q.effective);
        let none = run(&[]);
        assert_eq!((effective(&none, "TRN-04"), effective(&none, "IR-04")), (Some(4), Some(0)));
        let obs: Vec<Observation> =
            [phishing(&[ago(20)], now()), exercise(&[ExerciseRun { ended_at: Some(ago(60)), marked: true }], now())]
                .into_iter()
                .flatten()
                .collect();
        let with = run(&obs);
        assert_eq!((effective(&with, "TRN-04"), effective(&with, "IR-04")), (Some(2), Some(4)));
        let c: Vec<(&str, u8, u8)> = with.contradictions.iter().map(|c| (c.question.as_str(), c.claimed, c.scanned)).collect();
        assert_eq!(c, [("TRN-04", 4, 2)]);
    }
}
