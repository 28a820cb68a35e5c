//! Evaluation of the offline analyser on a labelled URL set: the rows, the figures (precision,
//! recall, false-positive rates, brand accuracy) and the shared counting helpers that
//! `scamtext::eval` reuses. Pure: the caller reads the file and runs the analyser.

use serde::Serialize;

use crate::{Analyzer, Level, LinkError, Verdict, VerdictBrand};

/// A labelled set that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SetError {
    /// A line does not have the set's five tab-separated fields.
    #[error("line {line}: {found} fields, expected 5 (url, label, brand, technique, note)")]
    Fields { line: usize, found: usize },
    /// A line's label is not `malicious`, `benign` or `ambiguous`.
    #[error("line {line}: unknown label {label:?}")]
    Label { line: usize, label: String },
}

/// The gold label of a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Malicious,
    Benign,
    /// Bare shortener links: scored neither way (the set's README says why).
    Ambiguous,
}

/// One labelled URL of the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub url: String,
    pub label: Label,
    /// Common name of the impersonated organisation, empty when the lure names none.
    pub brand: String,
    /// Free text; negatives are `official domain`, `hard negative` or `ordinary negative`.
    pub technique: String,
}

/// Parses the set's TSV text (one header line, then `url label brand technique note`).
pub fn parse_set(text: &str) -> Result<Vec<Row>, SetError> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [url, label, brand, technique, _note] = f[..] else {
            return Err(SetError::Fields { line: i + 1, found: f.len() });
        };
        let label = match label {
            "malicious" => Label::Malicious,
            "benign" => Label::Benign,
            "ambiguous" => Label::Ambiguous,
            other => return Err(SetError::Label { line: i + 1, label: other.to_string() }),
        };
        rows.push(Row { url: url.to_string(), label, brand: brand.to_string(), technique: technique.to_string() });
    }
    Ok(rows)
}

/// Runs the analyser on every row and scores the set.
pub fn evaluate(analyzer: &Analyzer, rows: &[Row]) -> LinkReport {
    let verdicts: Vec<Result<Verdict, LinkError>> = rows.iter().map(|r| analyzer.analyse(&r.url)).collect();
    score(rows, &verdicts)
}

/// The figures of a URL set. Suspicious counts as positive; a parse error on a positive is a
/// miss, on a negative it is not a false positive (both are listed in the misses).
#[derive(Debug, Clone, Serialize)]
pub struct LinkReport {
    /// Labelled lines, ambiguous ones included.
    pub lines: usize,
    pub scored: usize,
    pub ambiguous: usize,
    pub hard_negatives: usize,
    pub classification: Classification,
    /// Positives given `malicious` (not only `suspicious`).
    pub recall_malicious_only: Rate,
    /// Negatives given `malicious`.
    pub fpr_malicious_only: Rate,
    pub fpr_hard_negatives: Rate,
    /// Positives naming a brand whose verdict names the same organisation.
    pub brand_accuracy: Rate,
    pub parse_errors_positive: usize,
    pub parse_errors_negative: usize,
    /// One line per miss; printed only on request, never serialised.
    #[serde(skip)]
    pub misses: Vec<String>,
}

/// Scores the set from one analyser result per row (same order).
pub fn score(rows: &[Row], verdicts: &[Result<Verdict, LinkError>]) -> LinkReport {
    let mut c = Confusion::default();
    let (mut tp_mal, mut fp_mal, mut hard_fp, mut hard) = (0, 0, 0, 0);
    let (mut brand_ok, mut brand_n, mut ambiguous, mut err_pos, mut err_neg) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for (row, result) in rows.iter().zip(verdicts) {
        let positive = match row.label {
            Label::Ambiguous => {
                ambiguous += 1;
                misses.push(match result {
                    Ok(v) => format!("AMB {} -> {} {}", row.url, v.verdict.name(), v.score),
                    Err(e) => format!("AMB {} -> error {e}", row.url),
                });
                continue;
            }
            Label::Malicious => true,
            Label::Benign => false,
        };
        let is_hard = !positive && row.technique == "hard negative";
        hard += usize::from(is_hard);
        let v = match result {
            Ok(v) => v,
            Err(e) => {
                c.add(positive, false);
                if positive {
                    err_pos += 1
                } else {
                    err_neg += 1
                }
                misses.push(format!("ERR{} {} ({e})", if positive { '+' } else { '-' }, row.url));
                continue;
            }
        };
        let flagged = v.verdict >= Level::Suspicious;
        let malicious = v.verdict == Level::Malicious;
        c.add(positive, flagged);
        tp_mal += usize::from(positive && malicious);
        fp_mal += usize::from(!positive && malicious);
        hard_fp += usize::from(is_hard && flagged);
        let codes: Vec<&str> = v.reasons.iter().map(|r| r.code).collect();
        if positive != flagged {
            let what = if positive { "FN" } else { "FP" };
            misses.push(format!("{what} {} [{} {}, {}] {codes:?}", row.url, v.verdict.name(), v.score, row.technique));
        }
        if positive && !row.brand.is_empty() {
            brand_n += 1;
            match &v.brand {
                Some(b) if brand_matches(&row.brand, b) => brand_ok += 1,
                other => misses.push(format!("BRAND {} expected {:?} got {:?}", row.url, row.brand, other.as_ref().map(|b| &b.id))),
            }
        }
    }
    LinkReport {
        lines: rows.len(),
        scored: rows.len() - ambiguous,
        ambiguous,
        hard_negatives: hard,
        classification: c.figures(),
        recall_malicious_only: Rate::new(tp_mal, c.tp + c.fn_),
        fpr_malicious_only: Rate::new(fp_mal, c.fp + c.tn),
        fpr_hard_negatives: Rate::new(hard_fp, hard),
        brand_accuracy: Rate::new(brand_ok, brand_n),
        parse_errors_positive: err_pos,
        parse_errors_negative: err_neg,
        misses,
    }
}

/// Letters and digits only, lower-cased, with the common Latin diacritics folded (š -> s), so
/// "Hrvatska pošta" and "Hrvatska posta" compare equal. The evaluation's own fold, on purpose:
/// it must not borrow the analyser's.
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
pub fn brand_matches(expected: &str, got: &VerdictBrand) -> bool {
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

/// A confusion matrix being counted (truth against prediction).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Confusion {
    pub tp: usize,
    pub fp: usize,
    pub tn: usize,
    pub fn_: usize,
}

impl Confusion {
    /// Counts one item.
    pub fn add(&mut self, truth: bool, predicted: bool) {
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }

    /// The finished figures.
    pub fn figures(&self) -> Classification {
        let precision = Rate::new(self.tp, self.tp + self.fp);
        let recall = Rate::new(self.tp, self.tp + self.fn_);
        let (p, r) = (precision.value, recall.value);
        Classification {
            items: self.tp + self.fp + self.tn + self.fn_,
            positives: self.tp + self.fn_,
            negatives: self.fp + self.tn,
            tp: self.tp,
            fp: self.fp,
            tn: self.tn,
            fn_: self.fn_,
            precision,
            recall,
            f1: if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) },
            fpr: Rate::new(self.fp, self.fp + self.tn),
        }
    }
}

/// Precision, recall, F1 and false-positive rate of a binary decision, with the counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub items: usize,
    pub positives: usize,
    pub negatives: usize,
    pub tp: usize,
    pub fp: usize,
    pub tn: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: Rate,
    pub recall: Rate,
    pub f1: f64,
    pub fpr: Rate,
}

/// `hits` of `total`, the ratio (0 when `total` is 0) and its 95% Wilson interval: the sets are
/// a few hundred lines, so every rate is shown with its uncertainty.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Rate {
    pub value: f64,
    pub hits: usize,
    pub total: usize,
    /// Absent when `total` is 0.
    pub interval: Option<[f64; 2]>,
}

impl Rate {
    pub fn new(hits: usize, total: usize) -> Rate {
        let value = if total == 0 { 0.0 } else { hits as f64 / total as f64 };
        Rate { value, hits, total, interval: wilson(hits, total) }
    }
}

/// Wilson score interval at 95% of `k` successes in `n` trials.
pub fn wilson(k: usize, n: usize) -> Option<[f64; 2]> {
    if n == 0 {
        return None;
    }
    let (n, p, z) = (n as f64, k as f64 / n as f64, 1.96_f64);
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / (1.0 + z * z / n);
    Some([(centre - half).max(0.0), (centre + half).min(1.0)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(level: Level, brand: Option<&str>) -> Result<Verdict, LinkError> {
        Ok(Verdict {
            input: String::new(),
            url: String::new(),
            verdict: level,
            score: 0,
            brand: brand.map(|b| VerdictBrand { id: b.to_lowercase(), name: b.to_string(), domain: String::new() }),
            site: None,
            reasons: Vec::new(),
        })
    }

    /// Scores `set` (TSV without its header) against one verdict per row and compares the
    /// serialised report at each JSON pointer of `want`.
    fn check(set: &str, verdicts: Vec<Result<Verdict, LinkError>>, want: &[(&str, f64)]) {
        let rows = parse_set(&format!("url\tlabel\tbrand\ttechnique\tnote\n{set}")).expect("test set parses");
        let report = serde_json::to_value(score(&rows, &verdicts)).expect("report serialises");
        for (pointer, expected) in want {
            let got = report.pointer(pointer).and_then(serde_json::Value::as_f64);
            assert!(got.is_some_and(|g| (g - expected).abs() < 1e-9), "{pointer}: got {got:?}, want {expected}\n{report:#}");
        }
    }

    #[test]
    fn suspicious_counts_positive_and_shorteners_are_not_scored() {
        check(
            "a.top\tmalicious\tLa Poste\tcombosquat\t\n\
             b.top\tmalicious\t\ttyposquat\t\n\
             c.top\tmalicious\t\ttyposquat\t\n\
             laposte.fr\tbenign\t\tofficial domain\t\n\
             d.com\tbenign\t\thard negative\t\n\
             bit.ly/x\tambiguous\t\tshortener\t",
            vec![
                verdict(Level::Malicious, Some("La Poste")),
                verdict(Level::Suspicious, None),
                verdict(Level::Benign, None),
                verdict(Level::Benign, None),
                verdict(Level::Suspicious, None),
                verdict(Level::Suspicious, None),
            ],
            &[
                ("/lines", 6.0),
                ("/scored", 5.0),
                ("/ambiguous", 1.0),
                ("/classification/precision/value", 2.0 / 3.0),
                ("/classification/recall/value", 2.0 / 3.0),
                ("/classification/fpr/value", 0.5),
                ("/recall_malicious_only/value", 1.0 / 3.0),
                ("/fpr_malicious_only/value", 0.0),
                ("/fpr_hard_negatives/value", 1.0),
                ("/brand_accuracy/value", 1.0),
            ],
        );
    }

    #[test]
    fn a_parse_error_is_a_miss_on_a_positive_and_nothing_on_a_negative() {
        let error = || Err(LinkError::Empty);
        check(
            "x\tmalicious\t\tt\t\ny\tbenign\t\tordinary negative\t",
            vec![error(), error()],
            &[("/classification/fn", 1.0), ("/classification/tn", 1.0), ("/parse_errors_positive", 1.0), ("/parse_errors_negative", 1.0)],
        );
    }

    #[test]
    fn brands_match_by_words_alternatives_and_folded_letters() {
        let brand = |id: &str, name: &str| VerdictBrand { id: id.into(), name: name.into(), domain: String::new() };
        assert!(brand_matches("Correos Chile", &brand("cl-correos", "Correos de Chile")));
        assert!(brand_matches("Hermes (Evri)", &brand("gb-evri", "Evri")));
        assert!(brand_matches("Hrvatska pošta", &brand("hr-posta", "Hrvatska posta")));
        assert!(!brand_matches("Correios", &brand("es-correos", "Correos")));
    }

    #[test]
    fn a_bad_line_is_refused_with_its_number() {
        assert!(matches!(parse_set("h\nu\tmalicious\tb\tt"), Err(SetError::Fields { line: 2, found: 4 })));
        assert!(matches!(parse_set("h\nu\tbad\tb\tt\tn"), Err(SetError::Label { line: 2, .. })));
    }

    #[test]
    fn rates_carry_their_interval() {
        assert_eq!(Rate::new(0, 0).interval, None);
        let r = Rate::new(247, 249);
        let [lo, hi] = r.interval.expect("interval");
        assert!((lo - 0.971).abs() < 1e-3 && (hi - 0.998).abs() < 1e-3, "{lo} {hi}");
    }
}
