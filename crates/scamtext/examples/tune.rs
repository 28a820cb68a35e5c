//! Tuning aid that never looks at test data: k-fold cross-validation over the training portions
//! only (public train split + authored/train*.tsv), exactly as `train-text` does it, over a grid
//! of settings given as `name=v1,v2,...` arguments, e.g.
//!
//! `cargo run -p scamtext --release --example tune -- epochs=10,20 l2=0,1e-5 pos=2,3`
//!
//! Names: bits, epochs, lr, l2, pos (public positive weight), auth (authored weight), avg
//! (average the end-of-epoch weights of the last N epochs), bags (average N seeds), folds,
//! fpr (FPR cap for the threshold). For each combination it prints the chosen threshold and the
//! pooled out-of-fold precision, recall, F1 and FPR, and the same split by source (public,
//! authored). Test figures come only from `cargo test -p scamtext --test evaluation`.

use scamtext::corpus;
use scamtext::model::{self, TrainConfig};
use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut grid: Vec<(String, Vec<f64>)> = Vec::new();
    for a in std::env::args().skip(1) {
        let (k, v) = a.split_once('=').ok_or("arguments are name=v1,v2,...")?;
        let vals = v.split(',').map(str::parse).collect::<Result<Vec<f64>, _>>()?;
        grid.push((k.to_string(), vals));
    }
    let data = Path::new("data/messages");
    let samples = corpus::training_set(data)?;
    let labels: Vec<bool> = samples.iter().map(|s| s.scam).collect();
    let public: Vec<bool> = samples.iter().map(|s| s.category == "public").collect();
    let mut combos: Vec<Vec<(String, f64)>> = vec![Vec::new()];
    for (k, vals) in &grid {
        combos = combos.iter().flat_map(|c| vals.iter().map(move |v| [c.clone(), vec![(k.clone(), *v)]].concat())).collect();
    }
    let mut features_for: Option<(u32, Vec<model::Example>)> = None;
    for combo in combos {
        let mut cfg = TrainConfig::default();
        for (k, v) in &combo {
            match k.as_str() {
                "bits" => cfg.bits = *v as u32,
                "epochs" => cfg.epochs = *v as u32,
                "lr" => cfg.learning_rate = *v as f32,
                "l2" => cfg.l2 = *v as f32,
                "pos" => cfg.public_positive_weight = *v as f32,
                "auth" => cfg.authored_weight = *v as f32,
                "folds" => cfg.folds = *v as u32,
                "avg" => cfg.average_last = *v as u32,
                "bags" => cfg.bags = *v as u32,
                "fpr" => cfg.max_fpr = *v,
                other => return Err(format!("unknown setting {other}").into()),
            }
        }
        // Features depend only on the hash size; weights are re-applied per combination.
        if features_for.as_ref().is_none_or(|(b, _)| *b != cfg.bits) {
            features_for = Some((cfg.bits, corpus::training_examples(&samples, &cfg)));
        }
        let Some((_, base)) = &features_for else { continue };
        let mut examples = base.clone();
        for (e, s) in examples.iter_mut().zip(&samples) {
            e.weight = match (s.category == "public", s.scam) {
                (true, true) => cfg.public_positive_weight,
                (true, false) => 1.0,
                (false, _) => cfg.authored_weight,
            };
        }
        let folds = corpus::cv_folds(&samples, cfg.folds.max(2));
        let scores = model::out_of_fold_scores(&examples, &folds, cfg.folds.max(2), &cfg);
        let postal: Vec<bool> = public.iter().map(|p| !p).collect();
        let c = model::choose_threshold(&scores, &labels, &postal, cfg.max_fpr);
        let part = |want_public: bool| {
            let (mut tp, mut fp, mut tn, mut fn_) = (0u32, 0u32, 0u32, 0u32);
            for i in (0..samples.len()).filter(|&i| public[i] == want_public) {
                match (labels[i], scores[i] >= c.threshold) {
                    (true, true) => tp += 1,
                    (false, true) => fp += 1,
                    (false, false) => tn += 1,
                    (true, false) => fn_ += 1,
                }
            }
            let p = f64::from(tp) / f64::from((tp + fp).max(1));
            let r = f64::from(tp) / f64::from((tp + fn_).max(1));
            let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
            format!("F1 {f1:.4} FPR {:.4} (FN {fn_}, FP {fp})", f64::from(fp) / f64::from((fp + tn).max(1)))
        };
        if std::env::var_os("SHOW").is_some() {
            // Out-of-fold misses on the training data (never the test data).
            for (i, smp) in samples.iter().enumerate() {
                if labels[i] != (scores[i] >= c.threshold) {
                    println!(
                        "  OOF MISS want {} score {:.3} {} {}: {}",
                        labels[i],
                        scores[i],
                        smp.category,
                        smp.source,
                        smp.text.replace('\n', " / ")
                    );
                }
            }
        }
        let name: Vec<String> = combo.iter().map(|(k, v)| format!("{k}={v}")).collect();
        println!(
            "{:<40} thr {:.3} | OOF all P {:.4} R {:.4} F1 {:.4} postal-FPR {:.4} | public {} | authored {}",
            if name.is_empty() { "defaults".to_string() } else { name.join(" ") },
            c.threshold,
            c.precision,
            c.recall,
            c.f1,
            c.fpr,
            part(true),
            part(false)
        );
    }
    Ok(())
}
