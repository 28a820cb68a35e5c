//! Measures the shipped model on one authored template file before it joins training: new
//! templates written without reading the lexicons are, until then, unseen data.
//!
//! `cargo run -p scamtext --release --example evaluate_tsv -- data/messages/authored/train_pairs_a.tsv`
//!
//! Prints F1, FPR, lure and brand accuracy per language over the 7 augmented variants of each
//! template, then the lure confusions and the false positives by category (`SHOW=1` lists the
//! texts of the misses).

use scamtext::Analyzer;
use scamtext::corpus;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Default)]
struct Tally {
    tp: u32,
    fp: u32,
    fn_: u32,
    tn: u32,
    lure_ok: u32,
    lure_n: u32,
    brand_ok: u32,
    brand_n: u32,
}

impl Tally {
    fn line(&self, name: &str) -> String {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1));
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let fpr = f64::from(self.fp) / f64::from((self.fp + self.tn).max(1));
        format!(
            "{name:4} n={:4} P {p:.3} R {r:.3} F1 {f1:.3} FPR {fpr:.3} ({}/{}) lure {:.3} ({}/{}) brand {:.3} ({}/{})",
            self.tp + self.fp + self.fn_ + self.tn,
            self.fp,
            self.fp + self.tn,
            f64::from(self.lure_ok) / f64::from(self.lure_n.max(1)),
            self.lure_ok,
            self.lure_n,
            f64::from(self.brand_ok) / f64::from(self.brand_n.max(1)),
            self.brand_ok,
            self.brand_n,
        )
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: evaluate_tsv <file.tsv>")?;
    let show = std::env::var_os("SHOW").is_some();
    let samples = corpus::authored(Path::new(&path), 7, 0x7e57)?;
    let analyzer = Analyzer::builtin()?;
    let mut by_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut confusions: BTreeMap<(String, String), u32> = BTreeMap::new();
    let mut fp_by_cat: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let (mut phones_found, mut phones_want) = (0u32, 0u32);
    for s in &samples {
        let a = analyzer.analyze(&s.text);
        for p in &s.phones {
            phones_want += 1;
            if a.phones.contains(p) {
                phones_found += 1;
            } else if show {
                println!("PHONE want {p} got {:?}: {}", a.phones, s.text);
            }
        }
        let t = by_lang.entry(s.language.clone()).or_default();
        for t in [t, &mut all] {
            match (s.scam, a.scam) {
                (true, true) => t.tp += 1,
                (true, false) => t.fn_ += 1,
                (false, true) => t.fp += 1,
                (false, false) => t.tn += 1,
            }
            if s.scam {
                t.lure_n += 1;
                t.lure_ok += u32::from(a.lure == s.lure);
                if let Some(b) = &s.brand {
                    t.brand_n += 1;
                    let got = a.brand.as_deref().and_then(|g| analyzer.canonical_brand(g));
                    t.brand_ok += u32::from(got.is_some() && got == analyzer.canonical_brand(b));
                }
            }
        }
        if s.scam && a.lure != s.lure {
            let want = s.lure.map_or("none", |l| l.as_str()).to_string();
            let got = a.lure.map_or("none", |l| l.as_str()).to_string();
            *confusions.entry((want.clone(), got.clone())).or_default() += 1;
            if show {
                println!("LURE want {want} got {got} [{}]: {}", s.source, s.text);
            }
        }
        if !s.scam {
            let e = fp_by_cat.entry(s.category.clone()).or_default();
            e.1 += 1;
            if a.scam {
                e.0 += 1;
                if show {
                    println!("FP {} score {:.3} [{}]: {}", s.category, a.score, s.source, s.text);
                }
            }
        }
        if show && s.scam && !a.scam {
            println!("FN {} score {:.3} [{}]: {}", s.category, a.score, s.source, s.text);
        }
    }
    for (l, t) in &by_lang {
        println!("{}", t.line(l));
    }
    println!("{}", all.line("all"));
    println!("phone extraction recall {:.3} ({phones_found}/{phones_want})", f64::from(phones_found) / f64::from(phones_want.max(1)));
    println!("lure confusions (want -> got):");
    for ((w, g), n) in &confusions {
        println!("  {w:15} -> {g:15} {n}");
    }
    println!("false positives by benign category:");
    for (c, (fp, n)) in &fp_by_cat {
        println!("  {c:17} {fp}/{n}");
    }
    Ok(())
}
