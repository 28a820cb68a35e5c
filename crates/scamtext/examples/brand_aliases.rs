//! Lists the brand aliases the analyser matches, shortest first: common words among them name
//! brands by accident and belong in `registry::COMMON_WORDS`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a = scamtext::Analyzer::builtin()?;
    let mut all: Vec<(usize, String, String)> = Vec::new();
    for b in a.brands() {
        for al in &b.aliases {
            all.push((al.chars().count(), al.clone(), b.name.clone()));
        }
    }
    all.sort();
    let max: usize = std::env::args().nth(1).and_then(|v| v.parse().ok()).unwrap_or(5);
    for (n, al, name) in all.iter().filter(|x| x.0 <= max) {
        println!("{n} {al:12} {name}");
    }
    Ok(())
}
