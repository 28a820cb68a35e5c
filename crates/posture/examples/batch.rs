//! Batch benchmark driver: check every domain in a file against a resolver, print the rate.
//! usage: batch RESOLVER ANCHOR_FILE DOMAINS_FILE [CONCURRENCY] [DKIM_SELECTOR]
//! (HTTPS checks off: the benchmark covers the DNS checks, as the issue asks.)

use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let a: Vec<String> = std::env::args().collect();
    if a.len() < 4 {
        return Err("usage: batch RESOLVER ANCHOR_FILE DOMAINS_FILE [CONCURRENCY] [DKIM_SELECTOR]".into());
    }
    let mut cfg = posture::Config::new(a[1].parse()?).trust_anchor_file(std::path::Path::new(&a[2]))?;
    cfg.https = false;
    cfg.budget = Duration::from_secs(20);
    if let Some(s) = a.get(5) {
        cfg.dkim_selectors = vec![s.clone()];
    }
    let domains: Vec<String> = std::fs::read_to_string(&a[3])?.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
    let conc: usize = a.get(4).map(|c| c.parse()).transpose()?.unwrap_or(256);
    let checker = posture::Checker::new(cfg);
    let sem = Arc::new(tokio::sync::Semaphore::new(conc));
    let start = Instant::now();
    let mut set = tokio::task::JoinSet::new();
    for d in domains.clone() {
        let (c, s) = (checker.clone(), sem.clone());
        set.spawn(async move {
            let _p = s.acquire_owned().await;
            c.check(&d).await
        });
    }
    let (mut ok, mut compliant, mut lookup_errors) = (0usize, 0usize, 0usize);
    while let Some(r) = set.join_next().await {
        if let Ok(Ok(r)) = r {
            ok += 1;
            compliant += usize::from(r.dotpost_compliant);
            lookup_errors += r
                .findings
                .iter()
                .filter(|f| f.code.ends_with("lookup-error") || f.code == "dnssec-indeterminate" || f.code == "check-timeout")
                .count();
        }
    }
    let t = start.elapsed().as_secs_f64();
    println!("{ok} domains in {t:.2} s = {:.0} domains/s; {compliant} compliant; {lookup_errors} lookup errors", ok as f64 / t);
    Ok(())
}
