//! Scores the offline analyser on one labelled URL set file and prints its figures (and, with
//! `--misses`, every miss): the fast loop of rule work, same figures as `postern eval links`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().ok_or("usage: evalset FILE [--misses]")?;
    let rows = links::eval::parse_set(&std::fs::read_to_string(path)?)?;
    let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
    let r = links::eval::evaluate(&analyzer, &rows);
    if args.iter().any(|a| a == "--misses") {
        r.misses.iter().for_each(|m| println!("{m}"));
    }
    let c = &r.classification;
    println!(
        "{path}: P {:.4} R {:.4} FPR {:.4} ({}/{}) FPR-mal {:.4} ({}) hardFPR {:.4} brand {:.4} tp {} fp {} fn {}",
        c.precision.value,
        c.recall.value,
        c.fpr.value,
        c.fp,
        c.negatives,
        r.fpr_malicious_only.value,
        r.fpr_malicious_only.hits,
        r.fpr_hard_negatives.value,
        r.brand_accuracy.value,
        c.tp,
        c.fp,
        c.fn_
    );
    Ok(())
}
