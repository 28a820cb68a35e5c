//! Trains the shipped model the way `postern train-text` does (for use without the binary).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data = args.next().unwrap_or_else(|| "data/messages".into());
    let out = args.next().unwrap_or_else(|| "crates/scamtext/model/scamtext.bin".into());
    let t = std::time::Instant::now();
    let model = scamtext::train_dir(std::path::Path::new(&data), &scamtext::model::TrainConfig::default())?;
    std::fs::write(&out, model.to_bytes())?;
    eprintln!("trained in {:.1}s -> {out}", t.elapsed().as_secs_f64());
    Ok(())
}
