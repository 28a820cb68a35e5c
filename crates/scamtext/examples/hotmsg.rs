//! Profiling aid: one warm-up pass, then `rounds` passes of `analyze` over the held-out
//! templates inside [`measured`], so `valgrind --tool=callgrind --toggle-collect=hotmsg::measured`
//! counts steady-state instructions only (phonenumber compiles its regexes on first use).
//! `hotmsg ROUNDS [text|full|cold|mix|mix12]`: `mix` reads the benchmark mix
//! (`data/messages/bench_mix`, seven languages, every registry country) with link verdicts on;
//! `mix12` adds the five newer languages (the `languages-tune` messages, repeated 45 times so each
//! language weighs about as much as one of the seven).
//! `hotmsg 0 dump-mix` / `hotmsg 0 dump-mix12` print the JSON of every analysis of that mix, one a
//! line, so an optimisation can be checked to leave every output byte-identical.
fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(10);
    let mode = std::env::args().nth(2).unwrap_or_else(|| "text".into());
    let dump = mode.starts_with("dump-");
    let mode = mode.trim_start_matches("dump-").to_string();
    let texts = |path: &str| -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap_or_default()
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?["text"].as_str().map(str::to_string))
            .collect()
    };
    let mut mix = texts("data/messages/bench_mix/messages.jsonl");
    if mode == "mix12" {
        let newer = texts("data/messages/languages-tune/eval.jsonl");
        mix.extend((0..45).flat_map(|_| newer.iter().cloned()));
    }
    let templates: Vec<String> = std::fs::read_to_string("data/messages/authored/test.tsv")
        .unwrap_or_default()
        .lines()
        .map(|l| {
            l.rsplit('\t')
                .next()
                .unwrap_or("")
                .replace("{url}", "https://correos-es.top/pago")
                .replace("{phone}", "612 345 678")
                .replace("{amount}", "1,99 €")
                .replace("{tracking}", "RR123456785GB")
        })
        .collect();
    let msgs = if mode.starts_with("mix") { mix } else { templates };
    let Ok(full) = scamtext::Analyzer::builtin() else { return };
    let analyzer = if mode == "text" { full.without_link_check() } else { full };
    if dump {
        for m in &msgs {
            println!("{}", serde_json::to_string(&analyzer.analyze(m)).unwrap_or_default());
        }
        return;
    }
    // Every URL new to the link cache in `cold` mode.
    let cold = mode == "cold";
    let set: Vec<String> = (0..rounds + 1)
        .flat_map(|r| {
            msgs.iter()
                .enumerate()
                .map(move |(i, m)| if cold { m.replace("correos-es.top", &format!("correos-es{r}x{i}.top")) } else { m.clone() })
        })
        .collect();
    let (warm, rest) = set.split_at(msgs.len());
    for m in warm {
        std::hint::black_box(analyzer.analyze(m));
    }
    let t = std::time::Instant::now();
    measured(&analyzer, rest);
    let dt = t.elapsed().as_secs_f64();
    println!("{} messages in {dt:.3} s: {:.0}/s", rest.len(), rest.len() as f64 / dt);
}

#[inline(never)]
fn measured(analyzer: &scamtext::Analyzer, msgs: &[String]) {
    for m in msgs {
        std::hint::black_box(analyzer.analyze(m));
    }
}
