//! Indicator lifetimes for the feeds: MISP's polynomial decay model as data
//! (`data/decay.toml`, or an operator's file), one model per indicator class or collection.
//! Pure: the caller passes the indicator, its latest sighting and `now`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// Why a decay file was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum DecayError {
    /// Not TOML of the documented shape.
    #[error("decay models: {0}")]
    Syntax(String),
    /// A model whose numbers cannot describe a decay.
    #[error("decay model {model:?}: {field} {reason}")]
    Model { model: String, field: &'static str, reason: &'static str },
    /// A label, collection or the default names a model the file does not define.
    #[error("decay models: {what} names the unknown model {model:?}")]
    UnknownModel { what: String, model: String },
}

/// One lifetime model.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    #[serde(default)]
    pub description: String,
    /// Days after which the score is 0 whatever the base.
    pub tau_days: f64,
    /// Decay speed: below 1 the score holds then falls; above 1 it falls at once.
    pub delta: f64,
    /// Below this score (0-100) the indicator leaves the feeds.
    pub threshold: f64,
    /// The base score of indicators without a `confidence`.
    pub base: f64,
}

impl Model {
    /// The score after `age_days` from a base score `base`.
    pub fn score(&self, base: f64, age_days: f64) -> f64 {
        if age_days <= 0.0 {
            return base;
        }
        if age_days >= self.tau_days {
            return 0.0;
        }
        base * (1.0 - (age_days / self.tau_days).powf(1.0 / self.delta))
    }

    /// Days from the clock's start until the score falls below the threshold.
    pub fn lifetime_days(&self, base: f64) -> f64 {
        if base < self.threshold {
            return 0.0;
        }
        self.tau_days * (1.0 - self.threshold / base).powf(self.delta)
    }
}

/// The models and which applies where.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decay {
    default: String,
    #[serde(rename = "model")]
    models: BTreeMap<String, Model>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    collections: BTreeMap<String, String>,
}

const EMBEDDED: &str = include_str!("../data/decay.toml");

impl Decay {
    /// The shipped models (`data/decay.toml`, checked by a test).
    pub fn embedded() -> Result<Decay, DecayError> {
        Decay::parse(EMBEDDED)
    }

    /// Reads and checks a decay file.
    pub fn parse(text: &str) -> Result<Decay, DecayError> {
        let d: Decay = toml::from_str(text).map_err(|e| DecayError::Syntax(e.message().to_string()))?;
        for (name, m) in &d.models {
            let bad = |field, reason| Err(DecayError::Model { model: name.clone(), field, reason });
            if !(m.tau_days.is_finite() && m.tau_days > 0.0) {
                return bad("tau_days", "must be a positive number of days");
            }
            if !(m.delta.is_finite() && m.delta > 0.0) {
                return bad("delta", "must be positive");
            }
            if !(0.0..=100.0).contains(&m.threshold) {
                return bad("threshold", "must be between 0 and 100");
            }
            if !(0.0..=100.0).contains(&m.base) {
                return bad("base", "must be between 0 and 100");
            }
        }
        let refs = std::iter::once(("default".to_string(), &d.default))
            .chain(d.labels.iter().map(|(l, m)| (format!("label {l:?}"), m)))
            .chain(d.collections.iter().map(|(c, m)| (format!("collection {c:?}"), m)));
        for (what, model) in refs {
            if !d.models.contains_key(model) {
                return Err(DecayError::UnknownModel { what, model: model.clone() });
            }
        }
        Ok(d)
    }

    /// The model of an indicator with `labels` in `collection`.
    pub fn model_for(&self, collection: &str, labels: &[&str]) -> &Model {
        let name = self.collections.get(collection).or_else(|| labels.iter().find_map(|l| self.labels.get(*l))).unwrap_or(&self.default);
        // Every name was checked against the models when the file was read.
        self.models.get(name).unwrap_or(&NEVER)
    }

    /// When `indicator` (STIX JSON) leaves the feeds of `collection`, in seconds since the
    /// epoch, its clock started at `since` (its `valid_from` or latest sighting).
    pub fn expires_at(&self, collection: &str, indicator: &Value, since: i64) -> i64 {
        let labels: Vec<&str> = indicator["labels"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        let model = self.model_for(collection, &labels);
        let base = indicator["confidence"].as_f64().unwrap_or(model.base);
        since.saturating_add((model.lifetime_days(base) * 86_400.0) as i64)
    }
}

/// What an unknown model name would get (none reaches here: names are checked at parse).
static NEVER: Model = Model { description: String::new(), tau_days: 1e9, delta: 1.0, threshold: 0.0, base: 100.0 };

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_models_load() {
        let d = Decay::parse(EMBEDDED).expect("data/decay.toml");
        assert_eq!(d.model_for("any", &["monitor", "brand:fr-laposte"]).tau_days, 14.0);
        assert_eq!(d.model_for("any", &[]).tau_days, 90.0);
    }

    #[test]
    fn the_polynomial_falls_to_zero_at_tau() {
        let m = Model { description: String::new(), tau_days: 10.0, delta: 1.0, threshold: 30.0, base: 80.0 };
        let check = |age: f64, want: f64| assert!((m.score(80.0, age) - want).abs() < 1e-9, "age {age}: {}", m.score(80.0, age));
        check(0.0, 80.0);
        check(5.0, 40.0);
        check(10.0, 0.0);
        check(20.0, 0.0);
        // 80 * (1 - t/10) = 30 at t = 6.25.
        assert!((m.lifetime_days(80.0) - 6.25).abs() < 1e-9);
        assert_eq!(m.lifetime_days(20.0), 0.0, "a base under the threshold is never in a feed");
        let slow = Model { delta: 0.5, ..m.clone() };
        assert!(slow.score(80.0, 5.0) > m.score(80.0, 5.0), "delta < 1 holds the score longer");
    }

    #[test]
    fn collections_override_labels_and_labels_override_the_default() {
        let text = format!("{EMBEDDED}\n\"c-1\" = \"shared-indicator\"\n");
        let d = Decay::parse(&text).expect("parse");
        assert_eq!(d.model_for("c-1", &["monitor"]).tau_days, 90.0);
        let ind = serde_json::json!({"labels": ["monitor"], "confidence": 70});
        // 14 * (1 - 30/70)^0.5 days.
        let want = (14.0 * (1.0f64 - 30.0 / 70.0).powf(0.5) * 86_400.0) as i64;
        assert_eq!(d.expires_at("c-2", &ind, 1_000), 1_000 + want);
    }

    #[test]
    fn bad_files_are_refused_naming_the_field() {
        let bad = |text: &str| Decay::parse(text).expect_err(text).to_string();
        let model = |body: &str| format!("default = \"m\"\n[model.m]\n{body}\n");
        assert!(bad(&model("tau_days = 0.0\ndelta = 1.0\nthreshold = 30.0\nbase = 70.0")).contains("tau_days"));
        assert!(bad(&model("tau_days = 5.0\ndelta = -1.0\nthreshold = 30.0\nbase = 70.0")).contains("delta"));
        assert!(bad(&model("tau_days = 5.0\ndelta = 1.0\nthreshold = 130.0\nbase = 70.0")).contains("threshold"));
        assert!(
            bad("default = \"nope\"\n[model.m]\ntau_days = 5.0\ndelta = 1.0\nthreshold = 3.0\nbase = 7.0\n")
                .contains("unknown model \"nope\"")
        );
        assert!(bad("default = \"m\"\n[model.m]\ntau = 5\n").starts_with("decay models:"));
    }
}
