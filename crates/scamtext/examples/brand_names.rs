//! Prints how the analyser resolves organisation names given one per line on stdin: the
//! canonical brand, or NOT KNOWN. A check of the brand table's coverage of a market.
use std::io::BufRead;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = scamtext::Analyzer::builtin()?;
    for line in std::io::stdin().lock().lines() {
        let name = line?;
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let got = a.canonical_brand(name).unwrap_or("NOT KNOWN");
        let named = a.analyze(&format!("{name}: your parcel is waiting")).brand;
        println!("{name:28} -> {got:28} in text: {}", named.as_deref().unwrap_or("-"));
    }
    Ok(())
}
