//! Experiment: does a learned lure classifier (softmax regression over the message features and
//! the lure-cue hits) pick the lure better than the cue counts alone?
//!
//! `cargo run -p scamtext --release --example lure_experiment -- <eval.tsv or eval.jsonl>...`
//!
//! Trains on the scams of the authored training files named in TRAIN (default: train.tsv,
//! train_hard.tsv, train_negatives2.tsv), reports grouped 5-fold cross-validated lure accuracy,
//! then accuracy on each evaluation file's scams, for: cues alone, the model alone, and the
//! model with the cue hits as features.

use scamtext::corpus::{self, Sample};
use scamtext::{Analyzer, Lure};
use std::path::Path;

const BITS: u32 = 16;
const C: usize = Lure::COUNT;

struct Row {
    slots: Vec<(u32, f32)>,
    cue: Lure,
    lure: Lure,
    group: u32,
}

fn row(a: &Analyzer, text: &str, lure: Lure, group: u32, with_cues: bool) -> Row {
    let (f, counts, payment) = a.lure_inputs(text);
    let mask = (1u32 << BITS) - 1;
    let mut slots: Vec<(u32, f32)> = f.slots.iter().map(|&(j, v)| (j & mask, v)).collect();
    // The cue rules as the analyser applies them; a message it judges benign gets no lure and
    // counts as `other` here.
    let cue = a.analyze(text).lure.unwrap_or(Lure::Other);
    if with_cues {
        for (k, &n) in counts.iter().enumerate() {
            if n > 0 {
                slots.push((mask - k as u32, f32::from(n.min(4)) / 2.0));
            }
        }
        slots.push((mask - 20 - cue as u32, 1.5));
        if payment {
            slots.push((mask - 40, 1.0));
        }
    }
    Row { slots, cue, lure, group }
}

struct Softmax {
    w: Vec<f32>,
    b: [f32; C],
}

impl Softmax {
    fn probs(&self, slots: &[(u32, f32)]) -> [f32; C] {
        let d = 1usize << BITS;
        let mut z = self.b;
        for &(j, v) in slots {
            for (c, zc) in z.iter_mut().enumerate() {
                *zc += self.w[c * d + j as usize] * v;
            }
        }
        let m = z.iter().copied().fold(f32::MIN, f32::max);
        let mut s = 0.0;
        for zc in &mut z {
            *zc = (*zc - m).exp();
            s += *zc;
        }
        for zc in &mut z {
            *zc /= s;
        }
        z
    }

    fn predict(&self, slots: &[(u32, f32)]) -> Lure {
        let p = self.probs(slots);
        let mut best = 0;
        for c in 1..C {
            if p[c] > p[best] {
                best = c;
            }
        }
        Lure::ALL[best]
    }
}

fn train(rows: &[&Row], epochs: u32, lr: f32, l2: f32) -> Softmax {
    let d = 1usize << BITS;
    let mut m = Softmax { w: vec![0.0; C * d], b: [0.0; C] };
    let mut g2 = vec![1e-6f32; C * d];
    let mut gb = [1e-6f32; C];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = scamtext::model::Rng::new(0x1a7e);
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        for &i in &order {
            let r = rows[i];
            let p = m.probs(&r.slots);
            for c in 0..C {
                let g = p[c] - if Lure::ALL[c] == r.lure { 1.0 } else { 0.0 };
                gb[c] += g * g;
                m.b[c] -= lr * g / gb[c].sqrt();
                for &(j, v) in &r.slots {
                    let k = c * d + j as usize;
                    let gg = g * v + l2 * m.w[k];
                    g2[k] += gg * gg;
                    m.w[k] -= lr * gg / g2[k].sqrt();
                }
            }
        }
    }
    m
}

fn lure_index(l: Lure) -> usize {
    Lure::ALL.iter().position(|&x| x == l).unwrap_or(C - 1)
}

fn eval_rows(a: &Analyzer, path: &str, with_cues: bool) -> Result<Vec<Row>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    if path.ends_with(".jsonl") {
        for line in std::fs::read_to_string(path)?.lines() {
            let v: serde_json::Value = serde_json::from_str(line)?;
            if v["label"] != "scam" {
                continue;
            }
            let Some(l) = v["lure"].as_str().and_then(Lure::parse) else { continue };
            out.push(row(a, v["text"].as_str().unwrap_or(""), l, 0, with_cues));
        }
    } else {
        for s in corpus::authored(Path::new(path), 7, 0x7e57)? {
            if let Some(l) = s.lure {
                out.push(row(a, &s.text, l, 0, with_cues));
            }
        }
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = Analyzer::builtin()?;
    let train_files = std::env::var("TRAIN").unwrap_or_else(|_| "train.tsv,train_hard.tsv,train_negatives2.tsv".into());
    let epochs: u32 = std::env::var("EPOCHS").ok().and_then(|v| v.parse().ok()).unwrap_or(10);
    let lr: f32 = std::env::var("LR").ok().and_then(|v| v.parse().ok()).unwrap_or(0.3);
    let l2: f32 = std::env::var("L2").ok().and_then(|v| v.parse().ok()).unwrap_or(1e-4);
    let mut samples: Vec<Sample> = Vec::new();
    for f in train_files.split(',') {
        samples.extend(corpus::authored(&Path::new("data/messages/authored").join(f), 7, 0x7e57)?);
    }
    samples.retain(|s| s.scam && s.lure.is_some());
    let folds = corpus::cv_folds(&samples, 5);
    for with_cues in [false, true] {
        let rows: Vec<Row> = samples.iter().zip(&folds).filter_map(|(s, &g)| s.lure.map(|l| row(&a, &s.text, l, g, with_cues))).collect();
        let (mut ok_model, mut ok_cue) = (0, 0);
        for k in 0..5 {
            let tr: Vec<&Row> = rows.iter().filter(|r| r.group != k).collect();
            let m = train(&tr, epochs, lr, l2);
            for r in rows.iter().filter(|r| r.group == k) {
                ok_model += usize::from(m.predict(&r.slots) == r.lure);
                ok_cue += usize::from(r.cue == r.lure);
            }
        }
        let n = rows.len() as f64;
        println!(
            "training scams n={} cues-as-features={with_cues}: CV model {:.3}  cues {:.3} (cues were written on this data)",
            rows.len(),
            ok_model as f64 / n,
            ok_cue as f64 / n
        );
        let all: Vec<&Row> = rows.iter().collect();
        let m = train(&all, epochs, lr, l2);
        for path in std::env::args().skip(1) {
            let ev = eval_rows(&a, &path, with_cues)?;
            let n = ev.len().max(1) as f64;
            let okm = ev.iter().filter(|r| m.predict(&r.slots) == r.lure).count();
            let okc = ev.iter().filter(|r| r.cue == r.lure).count();
            let mut conf = vec![[0u32; C]; C];
            for r in &ev {
                conf[lure_index(r.lure)][lure_index(m.predict(&r.slots))] += 1;
            }
            println!("  {path}: n={} model {:.3} cues {:.3}", ev.len(), okm as f64 / n, okc as f64 / n);
            if std::env::var_os("CONF").is_some() {
                for (i, rowc) in conf.iter().enumerate() {
                    println!("    {:15} {:?}", Lure::ALL[i].as_str(), rowc);
                }
            }
        }
    }
    Ok(())
}
