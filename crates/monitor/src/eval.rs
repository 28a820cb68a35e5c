//! Quality figures of the monitor on a labelled stream (`data/monitor/generate.py`): precision,
//! recall and false-alarm rate counting only `malicious`, as the issue sets its targets.

use serde::Serialize;

use crate::{HitLevel, Judgement};

/// Running counts over a labelled stream.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub squats: u64,
    pub benign: u64,
    /// Squats flagged malicious.
    pub true_alarms: u64,
    /// Benign names flagged malicious.
    pub false_alarms: u64,
    /// Squats flagged only suspicious.
    pub squats_suspicious: u64,
    /// Benign names flagged suspicious.
    pub benign_suspicious: u64,
    /// Malicious squats whose brand is the planted one.
    pub right_brand: u64,
}

/// The figures a [`Tally`] gives.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Figures {
    pub precision: f64,
    pub recall: f64,
    pub false_alarm_rate: f64,
    /// Recall counting suspicious hits too.
    pub recall_any_level: f64,
    /// Share of true alarms that name the planted brand.
    pub brand_agreement: f64,
}

impl Tally {
    /// Counts one name: whether it is a planted squat (and of which brand), and the monitor's
    /// judgement of it.
    pub fn add(&mut self, squat_brand: Option<&str>, judgement: Option<&Judgement>) {
        let level = judgement.map(|j| j.level);
        match squat_brand {
            Some(brand) => {
                self.squats += 1;
                match level {
                    Some(HitLevel::Malicious) => {
                        self.true_alarms += 1;
                        if judgement.is_some_and(|j| j.brand == brand) {
                            self.right_brand += 1;
                        }
                    }
                    Some(HitLevel::Suspicious) => self.squats_suspicious += 1,
                    None => {}
                }
            }
            None => {
                self.benign += 1;
                match level {
                    Some(HitLevel::Malicious) => self.false_alarms += 1,
                    Some(HitLevel::Suspicious) => self.benign_suspicious += 1,
                    None => {}
                }
            }
        }
    }

    pub fn figures(&self) -> Figures {
        let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        Figures {
            precision: ratio(self.true_alarms, self.true_alarms + self.false_alarms),
            recall: ratio(self.true_alarms, self.squats),
            false_alarm_rate: ratio(self.false_alarms, self.benign),
            recall_any_level: ratio(self.true_alarms + self.squats_suspicious, self.squats),
            brand_agreement: ratio(self.right_brand, self.true_alarms),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(level: HitLevel, brand: &str) -> Judgement {
        Judgement { brand: brand.into(), official: String::new(), technique: "combosquat", code: "combosquat", score: 90, level }
    }

    #[test]
    fn only_malicious_counts_for_precision_and_recall() {
        let mut t = Tally::default();
        t.add(Some("us-usps"), Some(&j(HitLevel::Malicious, "us-usps")));
        t.add(Some("us-usps"), Some(&j(HitLevel::Suspicious, "us-usps")));
        t.add(Some("gb-evri"), Some(&j(HitLevel::Malicious, "de-hermes")));
        t.add(None, Some(&j(HitLevel::Malicious, "us-usps")));
        t.add(None, Some(&j(HitLevel::Suspicious, "us-usps")));
        t.add(None, None);
        let f = t.figures();
        assert_eq!((t.true_alarms, t.false_alarms, t.squats, t.benign), (2, 1, 3, 3));
        assert!((f.precision - 2.0 / 3.0).abs() < 1e-9);
        assert!((f.recall - 2.0 / 3.0).abs() < 1e-9);
        assert!((f.false_alarm_rate - 1.0 / 3.0).abs() < 1e-9);
        assert!((f.recall_any_level - 1.0).abs() < 1e-9);
        assert!((f.brand_agreement - 0.5).abs() < 1e-9);
    }
}
