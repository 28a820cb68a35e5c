//! Precision, recall and false-positive rates of the offline analyser on the labelled corpus
//! (tests/corpus/urls.tsv, built by tests/corpus/make_corpus.py). Prints the figures.

use links::{Analyzer, Level};

#[derive(Default, Debug)]
struct Counts {
    tp: u32,
    fp: u32,
    tn: u32,
    fn_: u32,
    fp_malicious: u32,
    errors: u32,
}

#[test]
fn corpus_meets_quality_targets() {
    let analyzer = Analyzer::new(&brands::BrandRegistry::builtin());
    let text = include_str!("corpus/urls.tsv");
    let mut c = Counts::default();
    let mut misses = Vec::new();
    for line in text.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(label), Some(url)) = (cols.next(), cols.next()) else { continue };
        let positive = label == "malicious";
        let v = match analyzer.analyse(url) {
            Ok(v) => v,
            Err(e) => {
                c.errors += 1;
                misses.push(format!("ERROR {label} {url}: {e}"));
                continue;
            }
        };
        let flagged = v.verdict != Level::Benign;
        let codes: Vec<&str> = v.reasons.iter().map(|r| r.code).collect();
        match (positive, flagged) {
            (true, true) => c.tp += 1,
            (true, false) => {
                c.fn_ += 1;
                misses.push(format!("FN {url} score={} {codes:?}", v.score));
            }
            (false, true) => {
                c.fp += 1;
                if v.verdict == Level::Malicious {
                    c.fp_malicious += 1;
                }
                misses.push(format!("FP {url} {} score={} {codes:?}", v.verdict.name(), v.score));
            }
            (false, false) => c.tn += 1,
        }
    }
    for m in &misses {
        eprintln!("{m}");
    }
    let precision = f64::from(c.tp) / f64::from((c.tp + c.fp).max(1));
    let recall = f64::from(c.tp) / f64::from((c.tp + c.fn_).max(1));
    let negatives = f64::from((c.fp + c.tn).max(1));
    let fpr = f64::from(c.fp) / negatives;
    let fpr_malicious = f64::from(c.fp_malicious) / negatives;
    println!(
        "corpus: {} positives, {} negatives; precision {precision:.4}, recall {recall:.4}, FPR {fpr:.4}, malicious-only FPR {fpr_malicious:.4}",
        c.tp + c.fn_,
        c.fp + c.tn
    );
    assert_eq!(c.errors, 0, "corpus lines that did not parse");
    assert!(c.tp + c.fn_ >= 300 && c.fp + c.tn >= 300, "corpus too small: {c:?}");
    assert!(precision >= 0.97, "precision {precision:.4}");
    assert!(recall >= 0.90, "recall {recall:.4}");
    assert!(fpr <= 0.01, "FPR {fpr:.4}");
    assert!(fpr_malicious <= 0.005, "malicious-only FPR {fpr_malicious:.4}");
}
