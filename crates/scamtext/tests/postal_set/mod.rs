//! The measurement shared by the postal evaluation sets under data/messages/ (`independent`,
//! `unseen`): runs the builtin analyser, prints the figures and asserts only sanity floors (the set
//! loads, is big enough, figures are computed), never the issue-5 targets: these sets estimate
//! the unseen evaluation and must stay honest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scamtext::Analyzer;
use serde_json::Value;

fn set_path(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/messages").join(dir).join("eval.jsonl")
}

/// One labelled message of the set.
struct Gold {
    id: String,
    lang: String,
    target: bool,
    scam: bool,
    lure: Option<String>,
    /// The benign category (`delivery_notice`, `otp`, ...), when the set records one.
    category: Option<String>,
    brand: Option<String>,
    text: String,
    urls: Vec<String>,
    phones: Vec<String>,
    amounts: Vec<String>,
    tracking: Vec<String>,
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key].as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect()).unwrap_or_default()
}

fn load(dir: &str) -> Vec<Gold> {
    let path = set_path(dir);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("line {}: {e}", n + 1));
            let s = |k: &str| v[k].as_str().map(str::to_string);
            Gold {
                id: s("id").unwrap_or_else(|| panic!("line {}: no id", n + 1)),
                lang: s("lang").unwrap_or_default(),
                // A set may mark languages outside the seven as extras; otherwise the
                // language decides.
                target: v["target"]
                    .as_bool()
                    .unwrap_or_else(|| matches!(s("lang").as_deref(), Some("en" | "fr" | "es" | "it" | "pt" | "de" | "sq"))),
                scam: s("label").as_deref() == Some("scam"),
                lure: s("lure"),
                category: s("category"),
                brand: s("brand"),
                text: s("text").unwrap_or_default(),
                urls: strings(&v, "urls"),
                phones: strings(&v, "phones"),
                amounts: strings(&v, "amounts"),
                tracking: strings(&v, "tracking_numbers"),
            }
        })
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Confusion {
    tp: u32,
    fp: u32,
    tn: u32,
    fn_: u32,
}

impl Confusion {
    fn add(&mut self, truth: bool, pred: bool) {
        match (truth, pred) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (false, false) => self.tn += 1,
            (true, false) => self.fn_ += 1,
        }
    }
    fn ratio(a: u32, b: u32) -> f64 {
        f64::from(a) / f64::from(b.max(1))
    }
    fn precision(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        Self::ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn fpr(&self) -> f64 {
        Self::ratio(self.fp, self.fp + self.tn)
    }
    fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} ({}/{}) |",
            self.tp + self.fp + self.tn + self.fn_,
            self.tp + self.fn_,
            self.precision(),
            self.recall(),
            self.f1(),
            self.fpr(),
            self.fp,
            self.fp + self.tn
        )
    }
}

/// Counts of expected entities found, plus entities reported that the gold does not hold.
#[derive(Default)]
struct Extraction {
    want: u32,
    got: u32,
    spurious: u32,
}

impl Extraction {
    fn recall(&self) -> f64 {
        f64::from(self.got) / f64::from(self.want.max(1))
    }
}

/// Wilson 95% interval of k successes in n trials, printed as "[lo, hi]": the set is small, so
/// every rate is shown with its uncertainty.
fn wilson(k: u32, n: u32) -> String {
    if n == 0 {
        return "[-]".to_string();
    }
    let (k, n, z) = (f64::from(k), f64::from(n), 1.96f64);
    let p = k / n;
    let centre = (p + z * z / (2.0 * n)) / (1.0 + z * z / n);
    let half = z * (p * (1.0 - p) / n + z * z / (4.0 * n * n)).sqrt() / (1.0 + z * z / n);
    format!("[{:.3}, {:.3}]", (centre - half).max(0.0), (centre + half).min(1.0))
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

fn is_s10(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 13
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11..].iter().all(u8::is_ascii_uppercase)
}

/// Compares `want` against `got` under `norm`; records recall, spurious finds and the misses.
fn score<K: PartialEq>(
    e: &mut Extraction,
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
        e.want += 1;
        if got_n.contains(wn) {
            e.got += 1;
        } else {
            misses.push(format!("{id}\t{kind} missed\t{w}\tgot {got:?}"));
        }
    }
    for (g, gn) in got.iter().zip(&got_n) {
        if !want_n.contains(gn) {
            e.spurious += 1;
            misses.push(format!("{id}\t{kind} spurious\t{g}\twant {want:?}"));
        }
    }
}

/// Measures the set in `data/messages/{dir}`, printed under `title`.
pub fn measure(dir: &str, title: &str, min_messages: usize) {
    let set = load(dir);
    let analyzer = Analyzer::builtin().expect("builtin model loads");
    let canon = |s: &str| analyzer.canonical_brand(s).unwrap_or(s).to_lowercase();

    let mut overall = Confusion::default();
    let mut extras = Confusion::default();
    let mut per_lang: BTreeMap<String, Confusion> = BTreeMap::new();
    // False positives per benign category (issue 5 asks for them): counts only, never which.
    let mut per_category: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    // The three delivery lures shade into each other (a failed delivery with a fee, a held parcel
    // with a fee); a lenient figure forgives confusions inside that family, to show how much of
    // the lure error is label convention rather than a wrong reading.
    let family = ["failed_delivery", "redelivery_fee", "package_held"];
    let mut lure_lenient = 0u32;
    let (mut lure_ok, mut lure_n, mut lure_detected_ok, mut lure_detected_n) = (0u32, 0u32, 0u32, 0u32);
    let (mut brand_ok, mut brand_n, mut unbranded_named, mut unbranded_n) = (0u32, 0u32, 0u32, 0u32);
    let (mut benign_brand_ok, mut benign_brand_n) = (0u32, 0u32);
    let (mut lang_ok, mut lang_n) = (0u32, 0u32);
    let mut lure_confusion: BTreeMap<(String, String), u32> = BTreeMap::new();
    // Index 0: target languages; index 1: the nl/pl/ro extras, reported apart.
    let mut ext: [[Extraction; 5]; 2] = Default::default();
    let mut misses: Vec<String> = Vec::new();

    for g in &set {
        let a = analyzer.analyze(&g.text);
        let snippet: String = g.text.chars().take(90).collect::<String>().replace('\n', " ");
        if !g.target {
            extras.add(g.scam, a.scam);
            per_lang.entry(format!("{} (extra)", g.lang)).or_default().add(g.scam, a.scam);
        } else {
            overall.add(g.scam, a.scam);
            per_lang.entry(g.lang.clone()).or_default().add(g.scam, a.scam);
            lang_n += 1;
            if a.language == g.lang {
                lang_ok += 1;
            } else {
                misses.push(format!("{}\tlanguage\twant {} got {}", g.id, g.lang, a.language));
            }
        }
        if !g.scam
            && g.target
            && let Some(c) = &g.category
        {
            let e = per_category.entry(c.clone()).or_default();
            e.0 += u32::from(a.scam);
            e.1 += 1;
        }
        if g.scam != a.scam {
            let what = if g.scam { "FN (scam missed)" } else { "FP (benign flagged)" };
            let reasons: Vec<&str> = a.reasons.iter().map(|r| r.code).collect();
            misses.push(format!("{}\t{what}\tscore {:.3}\tbrand {:?}\t{reasons:?}\t{snippet}", g.id, a.score, a.brand));
        }
        if g.scam && g.target {
            let want = g.lure.clone().unwrap_or_default();
            let got = a.lure.map_or("none".to_string(), |l| l.as_str().to_string());
            lure_n += 1;
            if a.scam {
                lure_detected_n += 1;
            }
            if want == got {
                lure_ok += 1;
                if a.scam {
                    lure_detected_ok += 1;
                }
            } else if family.contains(&want.as_str()) && family.contains(&got.as_str()) {
                lure_lenient += 1;
            }
            if want != got {
                *lure_confusion.entry((want.clone(), got.clone())).or_default() += 1;
                misses.push(format!("{}\tlure\twant {want} got {got}\t{snippet}", g.id));
            }
            match &g.brand {
                Some(b) => {
                    brand_n += 1;
                    if a.brand.as_deref().is_some_and(|p| canon(p) == canon(b)) {
                        brand_ok += 1;
                    } else {
                        let known = analyzer.canonical_brand(b).map_or("NOT KNOWN to canonical_brand", |_| "known");
                        misses.push(format!("{}\tbrand\twant {b} ({known}) got {:?}\t{snippet}", g.id, a.brand));
                    }
                }
                None => {
                    unbranded_n += 1;
                    if let Some(p) = &a.brand {
                        unbranded_named += 1;
                        misses.push(format!("{}\tbrand\twant none got {p}\t{snippet}", g.id));
                    }
                }
            }
        }
        if !g.scam
            && g.target
            && let Some(b) = &g.brand
        {
            benign_brand_n += 1;
            if a.brand.as_deref().is_some_and(|p| canon(p) == canon(b)) {
                benign_brand_ok += 1;
            } else {
                let known = analyzer.canonical_brand(b).map_or("NOT KNOWN to canonical_brand", |_| "known");
                misses.push(format!("{}\tbenign brand (informative)\twant {b} ({known}) got {:?}", g.id, a.brand));
            }
        }
        let [urls, phones, amounts, s10, other_trk] = &mut ext[usize::from(!g.target)];
        score(urls, &g.urls, &a.urls, norm_url, "url", &g.id, &mut misses);
        score(phones, &g.phones, &a.phones, norm_phone, "phone", &g.id, &mut misses);
        score(amounts, &g.amounts, &a.amounts, norm_amount, "amount", &g.id, &mut misses);
        let (want_s10, want_other): (Vec<String>, Vec<String>) = g.tracking.iter().cloned().partition(|t| is_s10(t));
        let (got_s10, got_other): (Vec<String>, Vec<String>) = a.tracking_numbers.iter().cloned().partition(|t| is_s10(&norm_tracking(t)));
        score(s10, &want_s10, &got_s10, norm_tracking, "tracking(S10)", &g.id, &mut misses);
        score(other_trk, &want_other, &got_other, norm_tracking, "tracking(other)", &g.id, &mut misses);
    }

    let ratio = |a: u32, b: u32| f64::from(a) / f64::from(b.max(1));
    println!("\n## {title} ({} messages, {} in target languages)\n", set.len(), lang_n);
    println!("| set | messages | scams | precision | recall | F1 | FPR (fp/benign) |");
    println!("|---|---|---|---|---|---|---|");
    println!("{}", overall.row("all target languages"));
    for (l, c) in &per_lang {
        println!("{}", c.row(l));
    }
    println!("{}", extras.row("extras nl/pl/ro (not targets)"));
    println!();
    if !per_category.is_empty() {
        println!("| benign category (target languages) | benign | flagged as scam | FPR |");
        println!("|---|---|---|---|");
        for (c, (fp, n)) in &per_category {
            println!("| {c} | {n} | {fp} | {:.3} |", ratio(*fp, *n));
        }
        println!();
    }
    println!(
        "- 95% intervals (Wilson), target languages: precision {}, recall {}, FPR {}",
        wilson(overall.tp, overall.tp + overall.fp),
        wilson(overall.tp, overall.tp + overall.fn_),
        wilson(overall.fp, overall.fp + overall.tn)
    );
    println!(
        "- lure accuracy (all target scams, a missed scam counts wrong): {:.3} ({lure_ok}/{lure_n}) 95% {}",
        ratio(lure_ok, lure_n),
        wilson(lure_ok, lure_n)
    );
    println!(
        "- lure accuracy (target scams detected as scam): {:.3} ({lure_detected_ok}/{lure_detected_n})",
        ratio(lure_detected_ok, lure_detected_n)
    );
    println!(
        "- brand accuracy (target scams with a gold brand): {:.3} ({brand_ok}/{brand_n}) 95% {}",
        ratio(brand_ok, brand_n),
        wilson(brand_ok, brand_n)
    );
    println!("- unbranded target scams given a brand anyway: {unbranded_named}/{unbranded_n}");
    println!(
        "- brand named in benign target messages (informative): {:.3} ({benign_brand_ok}/{benign_brand_n})",
        ratio(benign_brand_ok, benign_brand_n)
    );
    println!(
        "- lure accuracy, lenient (confusions among failed_delivery/redelivery_fee/package_held forgiven): {:.3} ({}/{lure_n})",
        ratio(lure_ok + lure_lenient, lure_n),
        lure_ok + lure_lenient
    );
    println!("- language detection (target languages): {:.3} ({lang_ok}/{lang_n})", ratio(lang_ok, lang_n));
    let names = ["URL", "phone", "amount", "tracking S10", "tracking other"];
    for (set_name, row) in ["target languages", "extras nl/pl/ro"].iter().zip(&ext) {
        for (name, e) in names.iter().zip(row) {
            println!("- {name} extraction recall ({set_name}): {:.3} ({}/{}), spurious: {}", e.recall(), e.got, e.want, e.spurious);
        }
    }
    println!("\nlure confusion (want -> got: count):");
    for ((w, g), n) in &lure_confusion {
        println!("  {w} -> {g}: {n}");
    }
    // The unseen and fresh sets must not be read message by message (their READMEs): the
    // misses are listed only on request, for the development set.
    if std::env::var_os("SHOW_MISSES").is_some() {
        println!("\nmisses:");
        for m in &misses {
            println!("  {m}");
        }
    } else {
        println!("\n{} misses (SHOW_MISSES=1 lists them; never for the unseen or fresh sets)", misses.len());
    }

    // Sanity floors only (see the module doc): the set is there and the figures are numbers.
    assert!(set.len() >= min_messages, "{dir} set has {} messages, expected >= {min_messages}", set.len());
    for l in ["en", "fr", "es", "it", "pt", "de", "sq"] {
        let c = per_lang.get(l).copied().unwrap_or_default();
        assert!(c.tp + c.fn_ >= 10 && c.fp + c.tn >= 10, "language {l} lacks scams or benign messages");
    }
    assert!(set.iter().all(|g| !g.scam || g.lure.is_some()), "every scam carries a gold lure");
    let [urls, phones, amounts, s10, _] = &ext[0];
    for f in [overall.precision(), overall.recall(), overall.f1(), overall.fpr(), urls.recall(), phones.recall(), amounts.recall()] {
        assert!(f.is_finite() && (0.0..=1.0).contains(&f), "figure out of range: {f}");
    }
    assert!(urls.want > 100 && phones.want >= 20 && amounts.want > 60 && s10.want >= 20, "entity gold too thin");
}
