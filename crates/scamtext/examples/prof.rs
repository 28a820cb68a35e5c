//! Timing aid: messages per second with and without the link checker, and extraction alone.
use std::time::Instant;
fn main() {
    // `prof [rounds]`: fewer rounds for valgrind.
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20);
    let msgs: Vec<String> = std::fs::read_to_string("data/messages/authored/test.tsv")
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
    let full = scamtext::Analyzer::builtin().unwrap();
    std::hint::black_box(full.analyze("warm up https://x.top 612 345 678"));
    let nolinks = scamtext::Analyzer::builtin().unwrap().without_link_check();
    // Unique URLs: every link is new to the cache (cold).
    let cold: Vec<String> = msgs
        .iter()
        .cycle()
        .take(msgs.len() * rounds)
        .enumerate()
        .map(|(i, m)| m.replace("correos-es.top", &format!("correos-es{i}.top")))
        .collect();
    let t = Instant::now();
    for m in &cold {
        std::hint::black_box(full.analyze(m));
    }
    println!("full, cold link cache: {:.0} msg/s", cold.len() as f64 / t.elapsed().as_secs_f64());
    for (name, a) in [("full (warm link cache)", &full), ("text only (no link checker)", &nolinks)] {
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            for m in &msgs {
                std::hint::black_box(a.analyze(m));
                n += 1;
            }
        }
        println!("{name}: {:.0} msg/s", n as f64 / t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for m in &msgs {
            let mut e = scamtext::extract::extract_without_phones(m);
            scamtext::extract::add_phones(m, &["ES"], &mut e);
            std::hint::black_box(e);
            n += 1;
        }
    }
    println!("extract: {:.0} msg/s", n as f64 / t.elapsed().as_secs_f64());
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for m in &msgs {
            let mut e = scamtext::extract::extract_without_phones(m);
            std::hint::black_box(&mut e);
            n += 1;
        }
    }
    println!("extract w/o phones: {:.0} msg/s", n as f64 / t.elapsed().as_secs_f64());
}
