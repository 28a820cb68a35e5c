//! Evaluation of the analyser on a labelled message set (`data/messages/<set>/eval.jsonl`):
//! the rows, the figures (verdict per language and benign category, lure, brand, language,
//! entity extraction) and the misses. Pure: the caller reads the file.

use std::collections::BTreeMap;

use links::eval::{Classification, Confusion, Rate};
use serde::{Deserialize, Serialize};

use crate::{Analysis, Analyzer};

/// A labelled set that cannot be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SetError {
    /// A line is not a JSON object of the set's format.
    #[error("line {line}: {source}")]
    Json { line: usize, source: serde_json::Error },
    /// A line has no `id`.
    #[error("line {line}: no id")]
    NoId { line: usize },
}

/// The languages the issue targets; a set marks others (nl, pl, ro) as extras.
pub const TARGET_LANGUAGES: [&str; 12] = ["en", "fr", "es", "it", "pt", "de", "sq", "ar", "zh", "ru", "sw", "tr"];

/// The three delivery lures shade into each other (a failed delivery with a fee, a held parcel
/// with a fee); the lenient lure figure forgives confusions inside this family, to show how much
/// of the lure error is label convention rather than a wrong reading.
const DELIVERY_FAMILY: [&str; 3] = ["failed_delivery", "redelivery_fee", "package_held"];

/// One labelled message of a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gold {
    pub id: String,
    pub lang: String,
    /// In one of the [`TARGET_LANGUAGES`] (or marked so by the set's `target` field).
    pub target: bool,
    pub scam: bool,
    pub lure: Option<String>,
    /// The benign category (`delivery_notice`, `otp`, ...), when the set records one.
    pub category: Option<String>,
    pub brand: Option<String>,
    pub text: String,
    pub urls: Vec<String>,
    pub phones: Vec<String>,
    pub amounts: Vec<String>,
    pub tracking: Vec<String>,
}

#[derive(Deserialize)]
struct Line {
    id: Option<String>,
    #[serde(default)]
    lang: String,
    target: Option<bool>,
    label: Option<String>,
    lure: Option<String>,
    category: Option<String>,
    brand: Option<String>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    urls: Vec<String>,
    #[serde(default)]
    phones: Vec<String>,
    #[serde(default)]
    amounts: Vec<String>,
    #[serde(default)]
    tracking_numbers: Vec<String>,
}

/// Parses a set's JSON Lines text (blank lines skipped).
pub fn parse_set(text: &str) -> Result<Vec<Gold>, SetError> {
    let mut set = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        let line: Line = serde_json::from_str(raw).map_err(|source| SetError::Json { line: i + 1, source })?;
        let id = line.id.ok_or(SetError::NoId { line: i + 1 })?;
        set.push(Gold {
            id,
            target: line.target.unwrap_or_else(|| TARGET_LANGUAGES.contains(&line.lang.as_str())),
            lang: line.lang,
            scam: line.label.as_deref() == Some("scam"),
            lure: line.lure,
            category: line.category,
            brand: line.brand,
            text: line.text,
            urls: line.urls,
            phones: line.phones,
            amounts: line.amounts,
            tracking: line.tracking_numbers,
        });
    }
    Ok(set)
}

/// What the analyser said about one message: the parts of an [`Analysis`] the figures use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Said {
    pub scam: bool,
    pub score: f32,
    pub lure: Option<String>,
    pub brand: Option<String>,
    pub language: String,
    pub urls: Vec<String>,
    pub phones: Vec<String>,
    pub amounts: Vec<String>,
    pub tracking: Vec<String>,
    pub reasons: Vec<&'static str>,
}

impl From<Analysis> for Said {
    fn from(a: Analysis) -> Said {
        Said {
            scam: a.scam,
            score: a.score,
            lure: a.lure.map(|l| l.as_str().to_string()),
            brand: a.brand,
            language: a.language,
            urls: a.urls,
            phones: a.phones,
            amounts: a.amounts,
            tracking: a.tracking_numbers,
            reasons: a.reasons.iter().map(|r| r.code).collect(),
        }
    }
}

/// Runs the analyser on every message and scores the set; brands are compared as the
/// organisation they resolve to (the registry's common name), so "Parcelforce" and "Royal Mail"
/// or "AusPost" and "Australia Post" are judged the way the analyser names them.
pub fn evaluate(analyzer: &Analyzer, set: &[Gold]) -> MessageReport {
    let said: Vec<Said> = set.iter().map(|g| Said::from(analyzer.analyze(&g.text))).collect();
    score(set, &said, |b| analyzer.canonical_brand(b).map(str::to_string))
}

/// The figures of a message set. Verdict, lure, brand and language figures are over the target
/// languages; the extras are reported apart.
#[derive(Debug, Clone, Serialize)]
pub struct MessageReport {
    pub messages: usize,
    pub target_messages: usize,
    /// Scam or not, target languages.
    pub classification: Classification,
    /// Scam or not, the extra languages (not targets).
    pub extras: Classification,
    pub per_language: BTreeMap<String, Classification>,
    /// Lure and brand accuracy and extraction recall per target language.
    pub per_language_detail: BTreeMap<String, LanguageFigures>,
    pub per_extra_language: BTreeMap<String, Classification>,
    /// Benign messages flagged as scams, per benign category (target languages).
    pub fpr_per_category: BTreeMap<String, Rate>,
    /// Over all target scams: a missed scam counts wrong.
    pub lure_accuracy: Rate,
    /// Over the target scams detected as scams.
    pub lure_accuracy_detected: Rate,
    /// Confusions inside the delivery family forgiven.
    pub lure_accuracy_lenient: Rate,
    /// Target scams with a gold brand.
    pub brand_accuracy: Rate,
    /// Target scams without a gold brand that were given one anyway.
    pub unbranded_given_brand: Rate,
    /// Benign target messages naming a brand (informative).
    pub benign_brand_accuracy: Rate,
    pub language_detection: Rate,
    pub extraction: Extractions,
    /// Lure confusions, `want -> got: count`.
    pub lure_confusion: Vec<LureConfusion>,
    pub miss_count: usize,
    /// One line per miss; printed only on request and only for development sets.
    #[serde(skip)]
    pub misses: Vec<String>,
}

/// The figures of one target language besides its verdicts.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageFigures {
    /// Over the language's scams: a missed scam counts wrong.
    pub lure_accuracy: Rate,
    /// Over its scams with a gold brand.
    pub brand_accuracy: Rate,
    pub url_recall: Rate,
    pub phone_recall: Rate,
    pub amount_recall: Rate,
}

/// Entity extraction, target languages and extras apart.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extractions {
    pub target: Entities,
    pub extras: Entities,
}

/// Extraction figures per entity kind; tracking numbers split into UPU S10 and other formats.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Entities {
    pub url: Extraction,
    pub phone: Extraction,
    pub amount: Extraction,
    pub tracking_s10: Extraction,
    pub tracking_other: Extraction,
}

/// Expected entities found (recall) and entities reported that the gold does not hold.
#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    pub recall: Rate,
    pub spurious: usize,
}

impl Default for Extraction {
    fn default() -> Extraction {
        Extraction { recall: Rate::new(0, 0), spurious: 0 }
    }
}

/// How often a gold lure was read as another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LureConfusion {
    pub want: String,
    pub got: String,
    pub count: usize,
}

/// Scores the set from one [`Said`] per message (same order); `canonical` names the
/// organisation a brand name resolves to, when it knows it.
pub fn score(set: &[Gold], said: &[Said], canonical: impl Fn(&str) -> Option<String>) -> MessageReport {
    let mut t = Tally::default();
    for (g, s) in set.iter().zip(said) {
        t.verdict(g, s);
        if g.target {
            t.lure_and_brand(g, s, &canonical);
        }
        t.entities(g, s);
    }
    t.finish(set)
}

/// Counts as the messages go by; `(hits, total)` pairs become [`Rate`]s at the end.
#[derive(Default)]
struct Tally {
    overall: Confusion,
    extras: Confusion,
    per_lang: BTreeMap<String, Confusion>,
    per_extra: BTreeMap<String, Confusion>,
    per_category: BTreeMap<String, (usize, usize)>,
    lure: (usize, usize),
    lure_detected: (usize, usize),
    lure_lenient: usize,
    brand: (usize, usize),
    unbranded: (usize, usize),
    benign_brand: (usize, usize),
    language: (usize, usize),
    /// Per target language: lure, brand, URL, phone and amount `(hits, total)`.
    per_lang_detail: BTreeMap<String, [(usize, usize); 5]>,
    confusion: BTreeMap<(String, String), usize>,
    /// Index 0: target languages; 1: extras. Each `(want, got, spurious)` per entity kind.
    entities: [[(usize, usize, usize); 5]; 2],
    misses: Vec<String>,
}

fn snippet(text: &str) -> String {
    text.chars().take(90).collect::<String>().replace('\n', " ")
}

impl Tally {
    fn verdict(&mut self, g: &Gold, s: &Said) {
        if g.target {
            self.overall.add(g.scam, s.scam);
            self.per_lang.entry(g.lang.clone()).or_default().add(g.scam, s.scam);
            self.language.1 += 1;
            if s.language == g.lang {
                self.language.0 += 1;
            } else {
                self.misses.push(format!("{}\tlanguage\twant {} got {}", g.id, g.lang, s.language));
            }
            if let (false, Some(c)) = (g.scam, &g.category) {
                let e = self.per_category.entry(c.clone()).or_default();
                e.0 += usize::from(s.scam);
                e.1 += 1;
            }
        } else {
            self.extras.add(g.scam, s.scam);
            self.per_extra.entry(g.lang.clone()).or_default().add(g.scam, s.scam);
        }
        if g.scam != s.scam {
            let what = if g.scam { "FN (scam missed)" } else { "FP (benign flagged)" };
            let (score, brand, reasons, text) = (s.score, &s.brand, &s.reasons, snippet(&g.text));
            self.misses.push(format!("{}\t{what}\tscore {score:.3}\tbrand {brand:?}\t{reasons:?}\t{text}", g.id));
        }
    }

    fn lure_and_brand(&mut self, g: &Gold, s: &Said, canonical: &impl Fn(&str) -> Option<String>) {
        let same = |gold: &str| s.brand.as_deref().is_some_and(|p| canon(canonical, p) == canon(canonical, gold));
        let known = |b: &str| if canonical(b).is_some() { "known" } else { "NOT KNOWN to canonical_brand" };
        if !g.scam {
            if let Some(b) = &g.brand {
                self.benign_brand.1 += 1;
                if same(b) {
                    self.benign_brand.0 += 1;
                } else {
                    self.misses.push(format!("{}\tbenign brand (informative)\twant {b} ({}) got {:?}", g.id, known(b), s.brand));
                }
            }
            return;
        }
        let want = g.lure.clone().unwrap_or_default();
        let got = s.lure.clone().unwrap_or_else(|| "none".to_string());
        let detail = self.per_lang_detail.entry(g.lang.clone()).or_default();
        detail[0].1 += 1;
        detail[0].0 += usize::from(want == got);
        if let Some(b) = &g.brand {
            detail[1].1 += 1;
            detail[1].0 += usize::from(same(b));
        }
        self.lure.1 += 1;
        self.lure_detected.1 += usize::from(s.scam);
        if want == got {
            self.lure.0 += 1;
            self.lure_detected.0 += usize::from(s.scam);
        } else {
            if DELIVERY_FAMILY.contains(&want.as_str()) && DELIVERY_FAMILY.contains(&got.as_str()) {
                self.lure_lenient += 1;
            }
            self.misses.push(format!("{}\tlure\twant {want} got {got}\t{}", g.id, snippet(&g.text)));
            *self.confusion.entry((want, got)).or_default() += 1;
        }
        match &g.brand {
            Some(b) => {
                self.brand.1 += 1;
                if same(b) {
                    self.brand.0 += 1;
                } else {
                    self.misses.push(format!("{}\tbrand\twant {b} ({}) got {:?}\t{}", g.id, known(b), s.brand, snippet(&g.text)));
                }
            }
            None => {
                self.unbranded.1 += 1;
                if let Some(p) = &s.brand {
                    self.unbranded.0 += 1;
                    self.misses.push(format!("{}\tbrand\twant none got {p}\t{}", g.id, snippet(&g.text)));
                }
            }
        }
    }

    fn entities(&mut self, g: &Gold, s: &Said) {
        let (want_s10, want_other): (Vec<String>, Vec<String>) = g.tracking.iter().cloned().partition(|t| is_s10(t));
        let (got_s10, got_other): (Vec<String>, Vec<String>) = s.tracking.iter().cloned().partition(|t| is_s10(&norm_tracking(t)));
        if g.target {
            let detail = self.per_lang_detail.entry(g.lang.clone()).or_default();
            for (k, (hits, total)) in
                [found(&g.urls, &s.urls, norm_url), found(&g.phones, &s.phones, norm_phone), found(&g.amounts, &s.amounts, norm_amount)]
                    .into_iter()
                    .enumerate()
            {
                detail[k + 2].0 += hits;
                detail[k + 2].1 += total;
            }
        }
        let [urls, phones, amounts, s10, other] = &mut self.entities[usize::from(!g.target)];
        let misses = &mut self.misses;
        compare(urls, &g.urls, &s.urls, norm_url, "url", &g.id, misses);
        compare(phones, &g.phones, &s.phones, norm_phone, "phone", &g.id, misses);
        compare(amounts, &g.amounts, &s.amounts, norm_amount, "amount", &g.id, misses);
        compare(s10, &want_s10, &got_s10, norm_tracking, "tracking(S10)", &g.id, misses);
        compare(other, &want_other, &got_other, norm_tracking, "tracking(other)", &g.id, misses);
    }

    fn finish(self, set: &[Gold]) -> MessageReport {
        let rate = |(hits, total): (usize, usize)| Rate::new(hits, total);
        let figures = |m: BTreeMap<String, Confusion>| m.into_iter().map(|(k, c)| (k, c.figures())).collect();
        let entities = |e: &[(usize, usize, usize); 5]| {
            let x = |(want, got, spurious): (usize, usize, usize)| Extraction { recall: Rate::new(got, want), spurious };
            Entities { url: x(e[0]), phone: x(e[1]), amount: x(e[2]), tracking_s10: x(e[3]), tracking_other: x(e[4]) }
        };
        MessageReport {
            messages: set.len(),
            target_messages: self.language.1,
            classification: self.overall.figures(),
            extras: self.extras.figures(),
            per_language: figures(self.per_lang),
            per_language_detail: self
                .per_lang_detail
                .into_iter()
                .map(|(k, d)| {
                    let f = LanguageFigures {
                        lure_accuracy: rate(d[0]),
                        brand_accuracy: rate(d[1]),
                        url_recall: rate(d[2]),
                        phone_recall: rate(d[3]),
                        amount_recall: rate(d[4]),
                    };
                    (k, f)
                })
                .collect(),
            per_extra_language: figures(self.per_extra),
            fpr_per_category: self.per_category.into_iter().map(|(k, v)| (k, rate(v))).collect(),
            lure_accuracy: rate(self.lure),
            lure_accuracy_detected: rate(self.lure_detected),
            lure_accuracy_lenient: Rate::new(self.lure.0 + self.lure_lenient, self.lure.1),
            brand_accuracy: rate(self.brand),
            unbranded_given_brand: rate(self.unbranded),
            benign_brand_accuracy: rate(self.benign_brand),
            language_detection: rate(self.language),
            extraction: Extractions { target: entities(&self.entities[0]), extras: entities(&self.entities[1]) },
            lure_confusion: self.confusion.into_iter().map(|((want, got), count)| LureConfusion { want, got, count }).collect(),
            miss_count: self.misses.len(),
            misses: self.misses,
        }
    }
}

/// How many of `want` are in `got` under `norm`, and how many were wanted.
fn found<K: PartialEq>(want: &[String], got: &[String], norm: impl Fn(&str) -> K) -> (usize, usize) {
    let got: Vec<K> = got.iter().map(|x| norm(x)).collect();
    (want.iter().filter(|w| got.contains(&norm(w))).count(), want.len())
}

fn canon(canonical: &impl Fn(&str) -> Option<String>, name: &str) -> String {
    canonical(name).unwrap_or_else(|| name.to_string()).to_lowercase()
}

/// Compares `want` against `got` under `norm`; counts `(want, found, spurious)` and records the
/// misses.
fn compare<K: PartialEq>(
    counts: &mut (usize, usize, usize),
    want: &[String],
    got: &[String],
    norm: impl Fn(&str) -> K,
    kind: &str,
    id: &str,
    misses: &mut Vec<String>,
) {
    let got_n: Vec<K> = got.iter().map(|g| norm(g)).collect();
    let want_n: Vec<K> = want.iter().map(|w| norm(w)).collect();
    for (w, wn) in want.iter().zip(&want_n) {
        counts.0 += 1;
        if got_n.contains(wn) {
            counts.1 += 1;
        } else {
            misses.push(format!("{id}\t{kind} missed\t{w}\tgot {got:?}"));
        }
    }
    for (g, gn) in got.iter().zip(&got_n) {
        if !want_n.contains(gn) {
            counts.2 += 1;
            misses.push(format!("{id}\t{kind} spurious\t{g}\twant {want:?}"));
        }
    }
}

fn norm_url(u: &str) -> String {
    let l = u.trim().to_lowercase();
    let l = l.strip_prefix("https://").or_else(|| l.strip_prefix("http://")).unwrap_or(&l).to_string();
    l.trim_end_matches(['/', '.', ',', ')']).to_string()
}

fn norm_phone(p: &str) -> String {
    p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

fn norm_tracking(t: &str) -> String {
    t.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect()
}

/// "1.99 EUR" -> (199, "EUR"); values compared in hundredths so "150 ALL" matches "150.00 ALL".
fn norm_amount(a: &str) -> Option<(i64, String)> {
    let (v, c) = a.trim().rsplit_once(' ')?;
    let v: f64 = v.replace(',', "").parse().ok()?;
    Some(((v * 100.0).round() as i64, c.to_uppercase()))
}

/// A UPU S10 tracking number: two letters, nine digits, two letters.
fn is_s10(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 13
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11..].iter().all(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A message line of a set, in the set's own JSON format.
    fn gold(lang: &str, label: &str, lure: Option<&str>, brand: Option<&str>) -> String {
        serde_json::json!({"id": "x", "lang": lang, "label": label, "lure": lure, "brand": brand, "category": "otp", "text": "t"})
            .to_string()
    }

    fn said(scam: bool, lure: Option<&str>, brand: Option<&str>, language: &str) -> Said {
        Said { scam, lure: lure.map(str::to_string), brand: brand.map(str::to_string), language: language.to_string(), ..Said::default() }
    }

    /// Scores `lines` against one [`Said`] each (brands resolved by `aliases`) and compares the
    /// serialised report at each JSON pointer of `want`.
    fn check(lines: &[String], said: &[Said], want: &[(&str, f64)]) {
        let set = parse_set(&lines.join("\n")).expect("test set parses");
        let aliases = |b: &str| (b == "Parcelforce").then(|| "Royal Mail".to_string());
        let report = serde_json::to_value(score(&set, said, aliases)).expect("report serialises");
        for (pointer, expected) in want {
            let got = report.pointer(pointer).and_then(serde_json::Value::as_f64);
            assert!(got.is_some_and(|g| (g - expected).abs() < 1e-9), "{pointer}: got {got:?}, want {expected}\n{report:#}");
        }
    }

    #[test]
    fn verdict_figures_over_target_languages_with_extras_apart() {
        let g = [
            gold("en", "scam", Some("tax"), None),
            gold("en", "scam", Some("tax"), None),
            gold("fr", "scam", Some("tax"), None),
            gold("fr", "benign", None, None),
            gold("en", "benign", None, None),
            gold("nl", "scam", Some("tax"), None),
        ];
        let s = [
            said(true, Some("tax"), None, "en"),
            said(true, Some("tax"), None, "en"),
            said(false, None, None, "fr"),
            said(true, None, None, "es"),
            said(false, None, None, "en"),
            said(false, None, None, "nl"),
        ];
        check(
            &g,
            &s,
            &[
                ("/messages", 6.0),
                ("/target_messages", 5.0),
                ("/classification/precision/value", 2.0 / 3.0),
                ("/classification/recall/value", 2.0 / 3.0),
                ("/classification/f1", 2.0 / 3.0),
                ("/classification/fpr/value", 0.5),
                ("/per_language/fr/fpr/value", 1.0),
                ("/per_language/en/recall/value", 1.0),
                ("/per_extra_language/nl/recall/value", 0.0),
                ("/extras/items", 1.0),
                ("/fpr_per_category/otp/hits", 1.0),
                ("/fpr_per_category/otp/total", 2.0),
                ("/language_detection/value", 0.8),
                ("/lure_accuracy/value", 2.0 / 3.0),
                ("/lure_accuracy_detected/value", 1.0),
            ],
        );
    }

    #[test]
    fn lures_in_the_delivery_family_are_forgiven_only_by_the_lenient_figure() {
        let g = [gold("de", "scam", Some("package_held"), None), gold("de", "scam", Some("prize"), None)];
        let s = [said(true, Some("redelivery_fee"), None, "de"), said(true, Some("refund"), None, "de")];
        check(&g, &s, &[("/lure_accuracy/value", 0.0), ("/lure_accuracy_lenient/value", 0.5), ("/lure_confusion/0/count", 1.0)]);
    }

    #[test]
    fn brands_compare_as_the_organisation_they_resolve_to() {
        let g = [
            gold("en", "scam", Some("tax"), Some("Royal Mail")),
            gold("en", "scam", Some("tax"), Some("evri")),
            gold("en", "scam", Some("tax"), None),
            gold("en", "benign", None, Some("DHL")),
        ];
        let s = [
            said(true, Some("tax"), Some("Parcelforce"), "en"),
            said(true, Some("tax"), Some("DPD"), "en"),
            said(true, Some("tax"), Some("DHL"), "en"),
            said(false, None, Some("dhl"), "en"),
        ];
        check(&g, &s, &[("/brand_accuracy/value", 0.5), ("/unbranded_given_brand/hits", 1.0), ("/benign_brand_accuracy/value", 1.0)]);
    }

    #[test]
    fn entities_are_compared_normalised_and_tracking_split_by_format() {
        let line = serde_json::json!({
            "id": "e", "lang": "it", "label": "scam", "lure": "tax", "text": "t",
            "urls": ["https://poste-it.info/pay/"], "phones": ["+39 06 1234 5678"], "amounts": ["150 ALL"],
            "tracking_numbers": ["RR123456789IT", "6A12345678901"]
        });
        let s = Said {
            scam: true,
            lure: Some("tax".into()),
            urls: vec!["poste-it.info/pay".into(), "extra.example".into()],
            phones: vec!["+390612345678".into()],
            amounts: vec!["150.00 ALL".into()],
            tracking: vec!["rr 123456789 it".into()],
            ..Said::default()
        };
        check(
            &[line.to_string()],
            &[s],
            &[
                ("/extraction/target/url/recall/value", 1.0),
                ("/extraction/target/url/spurious", 1.0),
                ("/extraction/target/phone/recall/value", 1.0),
                ("/extraction/target/amount/recall/value", 1.0),
                ("/extraction/target/tracking_s10/recall/value", 1.0),
                ("/extraction/target/tracking_other/recall/value", 0.0),
                ("/extraction/extras/url/recall/total", 0.0),
            ],
        );
    }

    #[test]
    fn a_line_without_an_id_or_not_json_is_refused_with_its_number() {
        assert!(matches!(parse_set("\n{\"lang\": \"en\"}"), Err(SetError::NoId { line: 2 })));
        assert!(matches!(parse_set("{}\nnot json"), Err(SetError::NoId { line: 1 })));
        assert!(matches!(parse_set("{\"id\": \"a\"}\nnot json"), Err(SetError::Json { line: 2, .. })));
    }

    #[test]
    fn the_set_may_mark_a_language_as_target_or_not() {
        let set = parse_set(r#"{"id": "a", "lang": "nl", "target": true}"#).expect("parses");
        assert!(set[0].target);
        let set = parse_set(r#"{"id": "b", "lang": "sq"}"#).expect("parses");
        assert!(set[0].target);
    }
}
