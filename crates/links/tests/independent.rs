//! Measures the offline analyser on an independent labelled URL set (written without reading the rules); it prints the figures and misses, asserting only sanity floors because the targets are estimates, not gates.
//!
//! The set (`tests/independent/urls.tsv`, provenance in `tests/independent/README.md`) must never
//! be used for tuning: the moment a rule is shaped by it, its figures stop estimating the unseen
//! evaluation. So this test reports precision, recall, false-positive rates and brand accuracy,
//! and fails only if the file or the figures are broken (fewer than 300 labelled lines, a figure
//! outside [0, 1]). Run with `cargo test -p links --test independent -- --nocapture`.

use links::{Analyzer, Level};

const SET: &str = include_str!("independent/urls.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Label {
    Malicious,
    Benign,
    /// Bare shortener links: scored neither way (see the README's convention).
    Ambiguous,
}

struct Row<'a> {
    url: &'a str,
    label: Label,
    brand: &'a str,
    technique: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut out = Vec::new();
    for (i, line) in SET.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "line {} has {} fields", i + 1, f.len());
        let label = match f[1] {
            "malicious" => Label::Malicious,
            "benign" => Label::Benign,
            "ambiguous" => Label::Ambiguous,
            other => panic!("line {}: unknown label {other}", i + 1),
        };
        out.push(Row { url: f[0], label, brand: f[2], technique: f[3] });
    }
    out
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 { 0.0 } else { num as f64 / den as f64 }
}

/// Letters and digits only, lower-cased, with the common Latin diacritics folded (š -> s), so
/// "Hrvatska pošta" and "Hrvatska posta" compare equal. The harness's own fold, on purpose: it
/// must not borrow the analyser's.
fn norm(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ě' | 'ę' | 'ē' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ő' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
            'š' | 'ś' => 's',
            'č' | 'ć' | 'ç' => 'c',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ñ' | 'ń' => 'n',
            'ř' => 'r',
            other => other,
        })
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Loose brand match: the expected common name against the verdict's brand id, name and domain.
/// Accepted when the squeezed name is contained either way in one of them, or when every word
/// of the expected name occurs in them ("Correos Chile" matches "Correos de Chile"). A parenthesis
/// in the expected name gives an accepted alternative ("Hermes (Evri)").
fn brand_matches(expected: &str, got: &links::VerdictBrand) -> bool {
    let hay: Vec<String> = [&got.id, &got.name, &got.domain].iter().map(|s| norm(s)).collect();
    let all = hay.join(" ");
    expected.split(['(', ')']).map(str::trim).filter(|s| !s.is_empty()).any(|alt| {
        let want = norm(alt);
        if want.is_empty() {
            return false;
        }
        let squeezed = hay.iter().any(|n| !n.is_empty() && (n.contains(&want) || want.contains(n.as_str())));
        let words: Vec<String> = alt.split_whitespace().map(norm).filter(|w| w.len() >= 2).collect();
        squeezed || (!words.is_empty() && words.iter().all(|w| all.contains(w.as_str())))
    })
}

/// Wilson score interval at 95 %, so a reader sees how little a few hundred lines pin down.
fn wilson(num: usize, den: usize) -> (f64, f64) {
    if den == 0 {
        return (0.0, 1.0);
    }
    let (n, p, z) = (den as f64, num as f64 / den as f64, 1.96_f64);
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * ((p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt()) / (1.0 + z * z / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

#[test]
fn independent_set_figures() {
    let registry = brands::BrandRegistry::builtin();
    let analyzer = Analyzer::new(&registry);
    let rows = rows();

    let (mut tp, mut fn_, mut fp, mut tn, mut fp_mal) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (mut pos_err, mut neg_err) = (Vec::new(), Vec::new());
    let (mut brand_total, mut brand_ok) = (0usize, 0usize);
    let mut hard_total = 0usize;
    let mut hard_fp = 0usize;
    let mut false_pos = Vec::new();
    let mut false_neg = Vec::new();
    let mut brand_wrong = Vec::new();
    let mut ambiguous = Vec::new();
    let mut scored = 0usize;
    let mut tp_mal = 0usize;

    for row in &rows {
        let result = analyzer.analyse(row.url);
        match row.label {
            Label::Ambiguous => {
                ambiguous.push(match &result {
                    Ok(v) => format!("{} -> {} {}", row.url, v.verdict.name(), v.score),
                    Err(e) => format!("{} -> error {e}", row.url),
                });
            }
            Label::Malicious => {
                scored += 1;
                match result {
                    Err(e) => {
                        fn_ += 1;
                        pos_err.push(format!("{} ({e})", row.url));
                    }
                    Ok(v) => {
                        if v.verdict >= Level::Suspicious {
                            tp += 1;
                            if v.verdict == Level::Malicious {
                                tp_mal += 1;
                            }
                        } else {
                            fn_ += 1;
                            let codes: Vec<&str> = v.reasons.iter().map(|r| r.code).collect();
                            false_neg.push(format!("{} [score {}, {}] {:?}", row.url, v.score, row.technique, codes));
                        }
                        if !row.brand.is_empty() {
                            brand_total += 1;
                            match &v.brand {
                                Some(b) if brand_matches(row.brand, b) => brand_ok += 1,
                                other => brand_wrong.push(format!(
                                    "{} expected {:?} got {:?}",
                                    row.url,
                                    row.brand,
                                    other.as_ref().map(|b| b.id.as_str())
                                )),
                            }
                        }
                    }
                }
            }
            Label::Benign => {
                scored += 1;
                let hard = row.technique == "hard negative";
                if hard {
                    hard_total += 1;
                }
                match result {
                    Err(e) => {
                        tn += 1;
                        neg_err.push(format!("{} ({e})", row.url));
                    }
                    Ok(v) => {
                        if v.verdict >= Level::Suspicious {
                            fp += 1;
                            if hard {
                                hard_fp += 1;
                            }
                            if v.verdict == Level::Malicious {
                                fp_mal += 1;
                            }
                            let codes: Vec<&str> = v.reasons.iter().map(|r| r.code).collect();
                            false_pos.push(format!("{} [{} {}, {}] {:?}", row.url, v.verdict.name(), v.score, row.technique, codes));
                        } else {
                            tn += 1;
                        }
                    }
                }
            }
        }
    }

    let precision = ratio(tp, tp + fp);
    let recall = ratio(tp, tp + fn_);
    let fpr = ratio(fp, fp + tn);
    let fpr_mal = ratio(fp_mal, fp + tn);
    let hard_fpr = ratio(hard_fp, hard_total);
    let brand_acc = ratio(brand_ok, brand_total);

    println!(
        "independent set: {} lines, {} scored ({} positives, {} negatives, {} hard), {} ambiguous",
        rows.len(),
        scored,
        tp + fn_,
        fp + tn,
        hard_total,
        ambiguous.len()
    );
    println!("TP {tp} (malicious {tp_mal}, suspicious {})  FN {fn_}  FP {fp} (malicious {fp_mal})  TN {tn}", tp - tp_mal);
    println!("recall malicious-only {:.4}", ratio(tp_mal, tp + fn_));
    let ci = |(lo, hi): (f64, f64)| format!("95% CI {lo:.4}..{hi:.4}");
    println!("precision            {precision:.4}   (target >= 0.97)  {}", ci(wilson(tp, tp + fp)));
    println!("recall               {recall:.4}   (target >= 0.90, suspicious counted positive)  {}", ci(wilson(tp, tp + fn_)));
    println!("FPR                  {fpr:.4}   (target <= 0.01)  {}", ci(wilson(fp, fp + tn)));
    println!("FPR malicious-only   {fpr_mal:.4}   (target <= 0.005)  {}", ci(wilson(fp_mal, fp + tn)));
    println!("FPR hard negatives   {hard_fpr:.4}   ({hard_fp}/{hard_total})");
    println!("brand accuracy       {brand_acc:.4}   ({brand_ok}/{brand_total} positives naming a brand)");
    println!("\n-- false positives ({}) --", false_pos.len());
    false_pos.iter().for_each(|l| println!("FP {l}"));
    println!("\n-- false negatives ({}) --", false_neg.len());
    false_neg.iter().for_each(|l| println!("FN {l}"));
    println!("\n-- parse errors on positives (counted as misses): {} --", pos_err.len());
    pos_err.iter().for_each(|l| println!("ERR+ {l}"));
    println!("\n-- parse errors on negatives (not counted as false positives): {} --", neg_err.len());
    neg_err.iter().for_each(|l| println!("ERR- {l}"));
    println!("\n-- wrong or missing brand on detected-or-not positives ({}) --", brand_wrong.len());
    brand_wrong.iter().for_each(|l| println!("BRAND {l}"));
    println!("\n-- ambiguous (unscored) --");
    ambiguous.iter().for_each(|l| println!("AMB {l}"));

    assert!(scored >= 300, "only {scored} labelled lines parsed");
    for (name, x) in [("precision", precision), ("recall", recall), ("fpr", fpr), ("fpr_mal", fpr_mal), ("brand", brand_acc)] {
        assert!((0.0..=1.0).contains(&x), "{name} = {x} outside [0, 1]");
    }
}
