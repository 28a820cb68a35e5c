//! Training from the repository's data directory: the function `postern train-text` calls.

use std::path::Path;

use crate::corpus::{self, Sample};
use crate::model::{self, Example, Model, TrainConfig};
use crate::{Analyzer, Error};

/// Trains on `data` (the `data/messages` directory): public train split plus authored training
/// templates, in file order. Same data and config give byte-identical models.
pub fn train_dir(data: &Path, cfg: &TrainConfig) -> Result<Model, Error> {
    let samples = corpus::training_set(data)?;
    Ok(train_samples(&samples, cfg))
}

/// Trains on samples in the given order.
pub fn train_samples(samples: &[Sample], cfg: &TrainConfig) -> Model {
    // Features need the analyser's pipeline but not its weights: a zero model of the right size.
    let zero = Model { bits: cfg.bits, bias: 0.0, weights: vec![0.0; 1 << cfg.bits] };
    let analyzer = Analyzer::standard(zero);
    let examples: Vec<Example> = samples
        .iter()
        .map(|s| Example {
            features: analyzer.features(&s.text),
            scam: s.scam,
            weight: match (s.category == "public", s.scam) {
                (true, true) => cfg.public_positive_weight,
                (true, false) => 1.0,
                (false, _) => cfg.authored_weight,
            },
        })
        .collect();
    model::train(&examples, cfg)
}
