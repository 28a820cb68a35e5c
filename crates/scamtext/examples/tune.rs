//! Tuning aid: trains in memory with a config from argv and prints held-out F1 figures.

use scamtext::{Analyzer, corpus, model::TrainConfig};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().skip(1).collect();
    let get = |i: usize, d: f64| a.get(i).and_then(|s| s.parse().ok()).unwrap_or(d);
    let cfg = TrainConfig {
        bits: get(0, 20.0) as u32,
        epochs: get(1, 20.0) as u32,
        learning_rate: get(2, 0.3) as f32,
        l2: get(3, 0.0) as f32,
        public_positive_weight: get(5, 3.0) as f32,
        authored_weight: get(6, 2.0) as f32,
        ..TrainConfig::default()
    };
    let thr = get(4, f64::from(scamtext::SCAM_THRESHOLD)) as f32;
    let data = Path::new("data/messages");
    let model = scamtext::train_dir(data, &cfg)?;
    let an = Analyzer::from_model_bytes(&model.to_bytes())?;
    let (_, test) = corpus::public_split(&data.join("public"))?;
    let auth = corpus::authored(&data.join("authored/test.tsv"), 7, 0x004e_1d07)?;
    for (name, set) in [("public", &test), ("authored", &auth)] {
        let (mut tp, mut fp, mut tn, mut fn_) = (0, 0, 0, 0);
        for s in set.iter() {
            let sc = an.analyze(&s.text).score;
            let p = sc >= thr;
            if p != s.scam && std::env::var_os("SHOW").is_some() {
                println!("  MISS want {} score {sc:.3} {}: {}", s.scam, s.category, s.text.replace('\n', " / "));
            }
            match (s.scam, p) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (false, false) => tn += 1,
                (true, false) => fn_ += 1,
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fn_).max(1) as f64;
        println!("{name}: P {p:.3} R {r:.3} F1 {:.3} FPR {:.3}", 2.0 * p * r / (p + r), fp as f64 / (fp + tn).max(1) as f64);
    }
    Ok(())
}
