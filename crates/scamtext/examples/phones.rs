//! Prints the phone numbers the analyser extracts from each line of stdin (E.164), with the
//! language it detected: a check of phone formats across the seven markets.
use std::io::BufRead;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = scamtext::Analyzer::builtin()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let r = a.analyze(&line);
        println!("{:3} {:40} | {}", r.language, r.phones.join(" "), line);
    }
    Ok(())
}
