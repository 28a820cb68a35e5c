//! The linear model: hashed weights, a compact little-endian file format, deterministic
//! AdaGrad logistic-regression training (fixed seed, fixed order, fixed epochs), and the
//! cross-validation that picks the decision threshold from the training data alone.

use crate::Error;
use crate::features::Features;

/// Version 1: bits, bias, weights; no threshold (readers fall back to [`crate::SCAM_THRESHOLD`]).
const MAGIC_V1: &[u8; 8] = b"PSTXTM01";
/// Version 2: bits, bias, scam threshold, suspicious threshold, weights.
const MAGIC_V2: &[u8; 8] = b"PSTXTM02";
const HEADER_V1: usize = 16;
const HEADER_V2: usize = 24;

/// The suspicious band starts at this fraction of the scam threshold (0.25 / 0.45 before the
/// threshold was learnt; a round half keeps the band wide whatever cross-validation picks).
pub const SUSPICIOUS_FRACTION: f32 = 0.5;

/// A trained logistic-regression model over hashed features.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// log2 of the number of weight slots.
    pub bits: u32,
    pub bias: f32,
    /// Scores at or above this are scams. Chosen by [`cross_validate`] on the training data
    /// only (out-of-fold scores), never on a test set; stored in the model file.
    pub threshold: f32,
    /// Scores at or above this (and below `threshold`) are suspicious.
    pub suspicious: f32,
    pub weights: Vec<f32>,
}

/// Training settings; the defaults are what the shipped model was trained with.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub bits: u32,
    pub epochs: u32,
    pub learning_rate: f32,
    pub seed: u64,
    /// L2 shrink applied to touched weights at each step.
    pub l2: f32,
    /// Weight of a public positive (they are one in six of the public set).
    pub public_positive_weight: f32,
    /// Weight of an authored multilingual example (fewer, and they carry the postal lures).
    pub authored_weight: f32,
    /// The model is the mean of the weights at the end of each of the last `average_last`
    /// epochs (0 or 1: the final weights), which damps the last epochs' noise.
    pub average_last: u32,
    /// Number of training runs (different shuffle seeds) whose weights are averaged (>= 1).
    pub bags: u32,
    /// Number of cross-validation folds used to choose the threshold (>= 2).
    pub folds: u32,
    /// The threshold maximises out-of-fold F1 among thresholds whose out-of-fold false-positive
    /// rate on the authored (postal) training messages is at most this. (A cap on the pooled
    /// rate would bind nothing: most training negatives are public English messages, which the
    /// model rarely flags.) The ceiling is 3% on unseen postal messages; the cap is half
    /// of it because messages written independently of the training data have come out above
    /// the out-of-fold rate (BENCHMARKS.md). 1% was tried: it raised the threshold to 0.50 and
    /// cost the public split its 0.97 F1.
    pub max_fpr: f64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 20,
            epochs: 10,
            learning_rate: 0.3,
            seed: 0x5ca7_7e47,
            // l2 1e-4 and 3 bags: the best pooled out-of-fold F1 of the grid in BENCHMARKS.md
            // ("Fourth session"), chosen once the benign training files of 2026-11-23 joined.
            l2: 1e-4,
            public_positive_weight: 4.0,
            authored_weight: 2.0,
            average_last: 0,
            bags: 3,
            folds: 5,
            max_fpr: 0.015,
        }
    }
}

/// One labelled training example.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Features,
    pub scam: bool,
    pub weight: f32,
}

impl Model {
    /// Probability that the message is a scam.
    pub fn score(&self, f: &Features) -> f32 {
        sigmoid(self.margin(f))
    }

    fn margin(&self, f: &Features) -> f32 {
        let mut z = self.bias;
        for (s, v) in &f.slots {
            if let Some(w) = self.weights.get(*s as usize) {
                z += w * v;
            }
        }
        z
    }

    /// An all-zero model of `2^bits` slots with the version-1 fallback thresholds (training
    /// uses it to compute features, which need the analyser but not its weights).
    pub fn zero(bits: u32) -> Model {
        Model {
            bits,
            bias: 0.0,
            threshold: crate::SCAM_THRESHOLD,
            suspicious: crate::SUSPICIOUS_THRESHOLD,
            weights: vec![0.0; 1usize << bits],
        }
    }

    /// Serialises to the shipped format (version 2): magic `PSTXTM02`, bits (u32 LE), bias,
    /// scam threshold, suspicious threshold (f32 LE each), weights (f32 LE).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_V2 + self.weights.len() * 4);
        out.extend_from_slice(MAGIC_V2);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        out.extend_from_slice(&self.threshold.to_le_bytes());
        out.extend_from_slice(&self.suspicious.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads the format written by [`Model::to_bytes`] (version 2), and version-1 files, which
    /// carry no threshold: they get [`crate::SCAM_THRESHOLD`] and [`crate::SUSPICIOUS_THRESHOLD`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, Error> {
        let f32_at = |i: usize| f32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let (header, threshold, suspicious) = match b.get(..8) {
            Some(m) if m == MAGIC_V2 && b.len() >= HEADER_V2 => (HEADER_V2, f32_at(16), f32_at(20)),
            Some(m) if m == MAGIC_V1 && b.len() >= HEADER_V1 => (HEADER_V1, crate::SCAM_THRESHOLD, crate::SUSPICIOUS_THRESHOLD),
            Some(m) if m.starts_with(b"PSTXTM") => {
                return Err(Error::BadModel(format!(
                    "unsupported or truncated model format {} (this build reads PSTXTM01 and PSTXTM02)",
                    String::from_utf8_lossy(m)
                )));
            }
            _ => return Err(Error::BadModel("missing PSTXTM01/PSTXTM02 header".into())),
        };
        let bits = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        if !(8..=24).contains(&bits) {
            return Err(Error::BadModel(format!("unsupported hash size 2^{bits}")));
        }
        let bias = f32_at(12);
        if !(threshold > 0.0 && threshold < 1.0 && suspicious >= 0.0 && suspicious <= threshold) {
            return Err(Error::BadModel(format!("thresholds out of range: scam {threshold}, suspicious {suspicious}")));
        }
        let n = 1usize << bits;
        let body = &b[header..];
        if body.len() != n * 4 {
            return Err(Error::BadModel(format!("expected {} weight bytes, found {}", n * 4, body.len())));
        }
        let weights = body.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Ok(Model { bits, bias, threshold, suspicious, weights })
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// A small deterministic generator (xorshift64*), so training never depends on a crate's RNG.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Trains with AdaGrad on logistic loss; same examples in the same order give the same bytes.
/// The model keeps the version-1 fallback thresholds; [`fit`] sets them by cross-validation.
pub fn train(examples: &[Example], cfg: &TrainConfig) -> Model {
    let all: Vec<usize> = (0..examples.len()).collect();
    train_on(examples, &all, cfg)
}

/// Trains on `examples[i]` for the `i` in `subset`, in that order before shuffling; with
/// `cfg.bags > 1`, the mean of that many runs with different shuffle seeds (still one linear
/// model, so scoring costs the same).
fn train_on(examples: &[Example], subset: &[usize], cfg: &TrainConfig) -> Model {
    let mut model = train_once(examples, subset, cfg, cfg.seed);
    let bags = cfg.bags.max(1);
    for b in 1..bags {
        let seed = cfg.seed ^ u64::from(b).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        let m = train_once(examples, subset, cfg, seed);
        for (a, x) in model.weights.iter_mut().zip(&m.weights) {
            *a += x;
        }
        model.bias += m.bias;
    }
    if bags > 1 {
        let k = bags as f32;
        model.weights.iter_mut().for_each(|a| *a /= k);
        model.bias /= k;
    }
    model
}

fn train_once(examples: &[Example], subset: &[usize], cfg: &TrainConfig, seed: u64) -> Model {
    let n = 1usize << cfg.bits;
    let mut w = vec![0f32; n];
    let mut g2 = vec![1e-6f32; n];
    let mut bias = 0f32;
    let mut bias_g2 = 1e-6f32;
    let mut order: Vec<usize> = subset.to_vec();
    let mut rng = Rng::new(seed);
    let average = cfg.average_last.min(cfg.epochs);
    let (mut sum_w, mut sum_bias) = (if average > 1 { vec![0f32; n] } else { Vec::new() }, 0f32);
    for epoch in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        for &k in &order {
            let ex = &examples[k];
            let mut z = bias;
            for (s, v) in &ex.features.slots {
                z += w[*s as usize & (n - 1)] * v;
            }
            let p = sigmoid(z);
            let y = if ex.scam { 1.0 } else { 0.0 };
            let g = (p - y) * ex.weight;
            for (s, v) in &ex.features.slots {
                let s = *s as usize & (n - 1);
                let gi = g * v + cfg.l2 * w[s];
                g2[s] += gi * gi;
                w[s] -= cfg.learning_rate * gi / g2[s].sqrt();
            }
            bias_g2 += g * g;
            bias -= cfg.learning_rate * g / bias_g2.sqrt();
        }
        if average > 1 && epoch + average >= cfg.epochs {
            for (a, x) in sum_w.iter_mut().zip(&w) {
                *a += x;
            }
            sum_bias += bias;
        }
    }
    if average > 1 {
        let k = average as f32;
        w = sum_w.into_iter().map(|a| a / k).collect();
        bias = sum_bias / k;
    }
    Model { bits: cfg.bits, bias, threshold: crate::SCAM_THRESHOLD, suspicious: crate::SUSPICIOUS_THRESHOLD, weights: w }
}

/// Out-of-fold scores: for each fold `f`, a model trained on the examples outside `f` scores
/// the examples in `f`. `folds[i]` is example `i`'s fold, below `k`.
pub fn out_of_fold_scores(examples: &[Example], folds: &[u32], k: u32, cfg: &TrainConfig) -> Vec<f32> {
    let mut scores = vec![0f32; examples.len()];
    for f in 0..k {
        let inside: Vec<usize> = (0..examples.len()).filter(|&i| folds.get(i) != Some(&f)).collect();
        if inside.len() == examples.len() {
            continue;
        }
        let m = train_on(examples, &inside, cfg);
        for (i, ex) in examples.iter().enumerate() {
            if folds.get(i) == Some(&f) {
                scores[i] = m.score(&ex.features);
            }
        }
    }
    scores
}

/// A decision threshold and the out-of-fold figures it gives.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThresholdChoice {
    pub threshold: f32,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub fpr: f64,
}

/// The threshold with the best F1 over all examples among those whose false-positive rate on
/// the examples marked in `fpr_scope` is at most `max_fpr` (ties go to the higher threshold,
/// which flags fewer messages). Candidates are midpoints between consecutive distinct scores,
/// kept within [0.05, 0.95] so that one odd score cannot push the decision to an extreme;
/// `0.5` if no candidate qualifies. `fpr` in the result is the rate over `fpr_scope`.
pub fn choose_threshold(scores: &[f32], labels: &[bool], fpr_scope: &[bool], max_fpr: f64) -> ThresholdChoice {
    let n = scores.len().min(labels.len()).min(fpr_scope.len());
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let pos = idx.iter().filter(|&&i| labels[i]).count() as f64;
    let scoped_neg = idx.iter().filter(|&&i| !labels[i] && fpr_scope[i]).count() as f64;
    let figures = |threshold: f32, tp: f64, fp: f64, scoped_fp: f64| {
        let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
        let recall = if pos > 0.0 { tp / pos } else { 0.0 };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        ThresholdChoice { threshold, precision, recall, f1, fpr: if scoped_neg > 0.0 { scoped_fp / scoped_neg } else { 0.0 } }
    };
    let mut best: Option<ThresholdChoice> = None;
    let (mut tp, mut fp, mut scoped_fp) = (0f64, 0f64, 0f64);
    let mut j = 0;
    while j < idx.len() {
        let s = scores[idx[j]];
        while j < idx.len() && scores[idx[j]] == s {
            let i = idx[j];
            match (labels[i], fpr_scope[i]) {
                (true, _) => tp += 1.0,
                (false, true) => (fp, scoped_fp) = (fp + 1.0, scoped_fp + 1.0),
                (false, false) => fp += 1.0,
            }
            j += 1;
        }
        let next = idx.get(j).map_or(0.0, |&i| scores[i]);
        let t = (s + next) / 2.0;
        if !(0.05..=0.95).contains(&t) {
            continue;
        }
        let c = figures(t, tp, fp, scoped_fp);
        if c.fpr <= max_fpr && best.is_none_or(|b| c.f1 > b.f1) {
            best = Some(c);
        }
    }
    best.unwrap_or_else(|| {
        let count = |f: &dyn Fn(usize) -> bool| idx.iter().filter(|&&i| scores[i] >= 0.5 && f(i)).count() as f64;
        figures(0.5, count(&|i| labels[i]), count(&|i| !labels[i]), count(&|i| !labels[i] && fpr_scope[i]))
    })
}

/// What [`fit`] measured by cross-validation on the training data.
#[derive(Debug, Clone)]
pub struct CvReport {
    /// Out-of-fold score of each example.
    pub scores: Vec<f32>,
    /// The chosen threshold and its pooled out-of-fold figures.
    pub choice: ThresholdChoice,
}

/// Chooses the threshold by k-fold cross-validation over `examples` (out-of-fold scores,
/// [`choose_threshold`] with `cfg.max_fpr` on the examples marked in `fpr_scope`), then trains
/// on all of them and stores the threshold, and the suspicious threshold at
/// [`SUSPICIOUS_FRACTION`] of it, in the model.
pub fn fit(examples: &[Example], folds: &[u32], fpr_scope: &[bool], cfg: &TrainConfig) -> (Model, CvReport) {
    let k = cfg.folds.max(2);
    let scores = out_of_fold_scores(examples, folds, k, cfg);
    let labels: Vec<bool> = examples.iter().map(|e| e.scam).collect();
    let choice = choose_threshold(&scores, &labels, fpr_scope, cfg.max_fpr);
    let mut model = train(examples, cfg);
    model.threshold = choice.threshold;
    model.suspicious = choice.threshold * SUSPICIOUS_FRACTION;
    (model, CvReport { scores, choice })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(slots: &[u32], scam: bool) -> Example {
        Example { features: Features { slots: slots.iter().map(|s| (*s, 1.0)).collect() }, scam, weight: 1.0 }
    }

    #[test]
    fn learns_and_round_trips_deterministically() {
        let data = vec![ex(&[1, 2], true), ex(&[3, 4], false), ex(&[1, 5], true), ex(&[3, 6], false)];
        let cfg = TrainConfig { bits: 8, ..TrainConfig::default() };
        let a = train(&data, &cfg);
        let b = train(&data, &cfg);
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert!(a.score(&data[0].features) > 0.8);
        assert!(a.score(&data[1].features) < 0.2);
        assert_eq!(Model::from_bytes(&a.to_bytes()).ok(), Some(a));
    }

    #[test]
    fn rejects_bad_files() {
        assert!(Model::from_bytes(b"nope").is_err());
        assert!(Model::from_bytes(b"PSTXTM01\x12\0\0\0\0\0\0\0").is_err());
        assert!(Model::from_bytes(b"PSTXTM09\x08\0\0\0\0\0\0\0").is_err());
        let mut bad = Model { threshold: 1.5, ..Model::zero(8) }.to_bytes();
        assert!(Model::from_bytes(&bad).is_err());
        bad.truncate(20);
        assert!(Model::from_bytes(&bad).is_err());
    }

    #[test]
    fn version_one_files_still_load_with_the_fallback_thresholds() {
        let m = Model { bias: 0.25, threshold: 0.3, suspicious: 0.15, ..Model::zero(8) };
        let mut v1 = b"PSTXTM01".to_vec();
        v1.extend_from_slice(&8u32.to_le_bytes());
        v1.extend_from_slice(&0.25f32.to_le_bytes());
        v1.extend(m.weights.iter().flat_map(|w| w.to_le_bytes()));
        let old = Model::from_bytes(&v1).ok();
        assert_eq!(
            old.as_ref().map(|o| (o.threshold, o.suspicious, o.bias)),
            Some((crate::SCAM_THRESHOLD, crate::SUSPICIOUS_THRESHOLD, 0.25))
        );
        assert_eq!(Model::from_bytes(&m.to_bytes()).ok(), Some(m));
    }

    #[test]
    fn threshold_maximises_f1_under_the_fpr_cap() {
        let scores = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3, 0.2, 0.1];
        let labels = [true, true, false, true, true, false, false, false];
        // Best F1 is 0.889 at 0.35 (4 TP, 1 FP: FPR 0.25).
        let all = [true; 8];
        let c = choose_threshold(&scores, &labels, &all, 1.0);
        assert!((c.threshold - 0.35).abs() < 1e-6 && (c.f1 - 8.0 / 9.0).abs() < 1e-9, "{c:?}");
        // With no false positive allowed the cut goes above the 0.7 negative.
        let c = choose_threshold(&scores, &labels, &all, 0.0);
        assert!((c.threshold - 0.75).abs() < 1e-6 && c.fpr == 0.0, "{c:?}");
        // The cap counts only the scoped negatives: the 0.7 one is out of scope.
        let scope = [true, true, false, true, true, true, true, true];
        let c = choose_threshold(&scores, &labels, &scope, 0.0);
        assert!((c.threshold - 0.35).abs() < 1e-6 && c.fpr == 0.0, "{c:?}");
    }

    #[test]
    fn fit_is_deterministic_and_stores_a_threshold() {
        let data: Vec<Example> = (0..40).map(|i| ex(&[i % 4, 10 + i % 3], i % 4 < 2)).collect();
        let folds: Vec<u32> = (0..40).map(|i| i % 5).collect();
        let cfg = TrainConfig { bits: 8, ..TrainConfig::default() };
        let scope = vec![true; 40];
        let (a, ra) = fit(&data, &folds, &scope, &cfg);
        let (b, _) = fit(&data, &folds, &scope, &cfg);
        assert_eq!(a.to_bytes(), b.to_bytes());
        assert!(a.threshold > 0.0 && a.threshold < 1.0 && a.suspicious < a.threshold);
        assert_eq!(ra.scores.len(), 40);
        assert!(ra.choice.f1 > 0.99, "{:?}", ra.choice);
    }
}
