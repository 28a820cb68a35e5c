//! Prints the offline verdict of each argument (or each stdin line) as one JSON line; a
//! debugging aid for corpus work.
use std::io::BufRead;

fn main() {
    let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Box<dyn Iterator<Item = String>> =
        if args.is_empty() { Box::new(std::io::stdin().lock().lines().map_while(Result::ok)) } else { Box::new(args.into_iter()) };
    for line in lines {
        match analyzer.analyse(&line) {
            Ok(v) => {
                let codes: Vec<&str> = v.reasons.iter().map(|r| r.code).collect();
                println!("{}\t{}\t{}\t{:?}", v.verdict.name(), v.score, line, codes);
            }
            Err(e) => println!("error\t0\t{line}\t{e}"),
        }
    }
}
