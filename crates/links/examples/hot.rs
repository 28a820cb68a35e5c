//! Runs the offline analyser (or only the parser) over the corpus in a loop, for profiling:
//! `perf stat -e task-clock target/release/examples/hot 300 full` gives verdicts per CPU second.
fn main() {
    let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
    let urls: Vec<&str> = include_str!("../tests/corpus/urls.tsv").lines().skip(1).filter_map(|l| l.split('\t').nth(1)).collect();
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(300);
    let parse_only = std::env::args().nth(2).as_deref() == Some("parse");
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for _ in 0..rounds {
        for u in &urls {
            let ok = if parse_only { links::parse::parse(u).is_ok() } else { analyzer.analyse(u).is_ok() };
            n += usize::from(ok);
        }
    }
    let dt = t.elapsed().as_secs_f64();
    println!("{n} inputs in {dt:.3} s wall: {:.0}/s", n as f64 / dt);
}
