//! `postern train-text`: train the scam-message model from labelled data in the repository.

use std::path::PathBuf;

use anyhow::Context;

/// Train the scam-message model (deterministic: same data, same bytes).
#[derive(Debug, clap::Args)]
pub struct TrainTextArgs {
    /// The data directory (holds public/ and authored/), normally data/messages.
    #[arg(long, default_value = "data/messages")]
    pub data: PathBuf,
    /// Where to write the model, normally crates/scamtext/model/scamtext.bin.
    #[arg(long)]
    pub out: PathBuf,
    /// Print a JSON summary.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: TrainTextArgs) -> anyhow::Result<()> {
    let cfg = scamtext::model::TrainConfig::default();
    let start = std::time::Instant::now();
    let model = scamtext::train_dir(&args.data, &cfg).with_context(|| format!("training from {}", args.data.display()))?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    let secs = start.elapsed().as_secs_f64();
    if args.json {
        println!("{}", serde_json::json!({"out": args.out, "bytes": bytes.len(), "bits": cfg.bits, "epochs": cfg.epochs, "seconds": secs}));
    } else {
        println!("wrote {} ({} bytes, 2^{} slots, {} epochs) in {secs:.1}s", args.out.display(), bytes.len(), cfg.bits, cfg.epochs);
    }
    Ok(())
}
