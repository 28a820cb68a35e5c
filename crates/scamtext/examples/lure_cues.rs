//! Prints the lure-cue hits, the fee signal and the chosen lure for each line of stdin: a
//! debugging aid for the lexicon (`echo "text" | cargo run -p scamtext --example lure_cues`).

use scamtext::{Analyzer, Lure};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = Analyzer::builtin()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (_, counts, fee) = a.lure_inputs(&line);
        let hits: Vec<String> =
            Lure::ALL.iter().filter(|&&l| counts[l as usize] > 0).map(|&l| format!("{}={}", l.as_str(), counts[l as usize])).collect();
        let r = a.analyze(&line);
        println!("fee={fee} [{}] -> {:?} score {:.3}", hits.join(" "), r.lure.map(Lure::as_str), r.score);
    }
    Ok(())
}
