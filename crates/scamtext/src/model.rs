//! The linear model: hashed weights, a compact little-endian file format, and deterministic
//! AdaGrad logistic-regression training (fixed seed, fixed order, fixed epochs).

use crate::Error;
use crate::features::Features;

const MAGIC: &[u8; 8] = b"PSTXTM01";

/// A trained logistic-regression model over hashed features.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// log2 of the number of weight slots.
    pub bits: u32,
    pub bias: f32,
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
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            bits: 20,
            epochs: 20,
            learning_rate: 0.3,
            seed: 0x5ca7_7e47,
            l2: 0.0,
            public_positive_weight: 3.0,
            authored_weight: 2.0,
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

    /// Serialises to the shipped format: magic, bits (u32 LE), bias (f32 LE), weights (f32 LE).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 4);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.bias.to_le_bytes());
        for w in &self.weights {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads the format written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, Error> {
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err(Error::BadModel("missing PSTXTM01 header".into()));
        }
        let bits = u32::from_le_bytes([b[8], b[9], b[10], b[11]]);
        if !(8..=24).contains(&bits) {
            return Err(Error::BadModel(format!("unsupported hash size 2^{bits}")));
        }
        let bias = f32::from_le_bytes([b[12], b[13], b[14], b[15]]);
        let n = 1usize << bits;
        let body = &b[16..];
        if body.len() != n * 4 {
            return Err(Error::BadModel(format!("expected {} weight bytes, found {}", n * 4, body.len())));
        }
        let weights = body.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Ok(Model { bits, bias, weights })
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
pub fn train(examples: &[Example], cfg: &TrainConfig) -> Model {
    let n = 1usize << cfg.bits;
    let mut w = vec![0f32; n];
    let mut g2 = vec![1e-6f32; n];
    let mut bias = 0f32;
    let mut bias_g2 = 1e-6f32;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = Rng::new(cfg.seed);
    let mut model = Model { bits: cfg.bits, bias, weights: Vec::new() };
    for _ in 0..cfg.epochs {
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
    }
    model.bias = bias;
    model.weights = w;
    model
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
    }
}
