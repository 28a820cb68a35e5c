//! The shipped model is exactly what training on the repository's data produces.

use std::path::Path;

#[test]
fn shipped_model_is_reproducible_from_repo_data() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/messages");
    let model = scamtext::train_dir(&data, &scamtext::model::TrainConfig::default()).expect("training data present");
    let bytes = model.to_bytes();
    assert!(bytes.len() <= 20 << 20, "model must stay under 20 MB");
    assert!(
        bytes == scamtext::BUILTIN_MODEL,
        "crates/scamtext/model/scamtext.bin is stale: run `postern train-text --data data/messages --out crates/scamtext/model/scamtext.bin`"
    );
}
