//! Training from the repository's data directory: the function `postern train-text` calls.

use std::path::Path;

use crate::Error;
use crate::corpus::{self, Sample};
use crate::model::{self, Model, TrainConfig};

/// Trains on `data` (the `data/messages` directory): public train split plus authored training
/// templates, in file order. The scam threshold is chosen by cross-validation on that same
/// training data ([`model::fit`]); no test data is read. Same data and config give
/// byte-identical models.
pub fn train_dir(data: &Path, cfg: &TrainConfig) -> Result<Model, Error> {
    let samples = corpus::training_set(data)?;
    Ok(train_samples(&samples, cfg))
}

/// Trains on samples in the given order, with the threshold chosen by `cfg.folds`-fold
/// cross-validation over them (folds from [`corpus::cv_folds`]).
pub fn train_samples(samples: &[Sample], cfg: &TrainConfig) -> Model {
    let examples = corpus::training_examples(samples, cfg);
    let folds = corpus::cv_folds(samples, cfg.folds.max(2));
    let postal: Vec<bool> = samples.iter().map(|s| s.category != "public").collect();
    model::fit(&examples, &folds, &postal, cfg).0
}
