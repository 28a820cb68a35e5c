//! Evaluation on the public split and the held-out multilingual authored set; asserts the
//! targets of issue 5 and prints the figures that go into BENCHMARKS.part.md.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use scamtext::corpus::{self, Sample};
use scamtext::{Analysis, Analyzer};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/messages")
}

#[derive(Default, Debug, Clone, Copy)]
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
    fn precision(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fp).max(1))
    }
    fn recall(&self) -> f64 {
        f64::from(self.tp) / f64::from((self.tp + self.fn_).max(1))
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn fpr(&self) -> f64 {
        f64::from(self.fp) / f64::from((self.fp + self.tn).max(1))
    }
    fn row(&self, name: &str) -> String {
        format!(
            "| {name} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            self.tp + self.fp + self.tn + self.fn_,
            self.precision(),
            self.recall(),
            self.f1(),
            self.fpr()
        )
    }
}

/// Fraction of expected entities found (case-insensitive, trailing '/' ignored).
#[derive(Default)]
struct Recall {
    want: u32,
    got: u32,
}

impl Recall {
    fn add(&mut self, expected: &[String], found: &[String]) {
        let norm = |s: &String| s.to_lowercase().trim_end_matches('/').to_string();
        let found: Vec<String> = found.iter().map(norm).collect();
        for e in expected {
            self.want += 1;
            if found.contains(&norm(e)) {
                self.got += 1;
            }
        }
    }
    fn value(&self) -> f64 {
        f64::from(self.got) / f64::from(self.want.max(1))
    }
}

fn header() -> &'static str {
    "| set | n | precision | recall | F1 | FPR |\n|---|---|---|---|---|---|"
}

#[test]
fn public_split_meets_target() {
    let analyzer = Analyzer::builtin().expect("shipped model loads");
    let (train, test) = corpus::public_split(&data_dir().join("public")).expect("public data present");
    assert_eq!((train.len(), train.iter().filter(|s| s.scam).count()), (4878, 834), "train split as in the README");
    assert_eq!((test.len(), test.iter().filter(|s| s.scam).count()), (1226, 229), "test split as in the README");
    let mut c = Confusion::default();
    for s in &test {
        c.add(s.scam, analyzer.analyze(&s.text).scam);
    }
    let model = scamtext::model::Model::from_bytes(scamtext::BUILTIN_MODEL).expect("shipped model parses");
    println!(
        "scam threshold {:.3} (chosen by {}-fold cross-validation on the training data, stored in the model)",
        model.threshold,
        scamtext::model::TrainConfig::default().folds
    );
    println!("{}\n{}", header(), c.row("public test split (1,226)"));
    // Issue 5 asks for F1 >= 0.97 here. Threshold and settings are chosen on training data
    // only (cross-validation); the figure is measured, not tuned on this split.
    assert!(c.f1() >= 0.97, "public split F1 {:.3} below the issue target 0.97", c.f1());
}

struct Report {
    overall: Confusion,
    by_lang: BTreeMap<String, Confusion>,
    by_category: BTreeMap<String, Confusion>,
    lure_ok: u32,
    lure_n: u32,
    brand_ok: u32,
    brand_n: u32,
    urls: Recall,
    phones: Recall,
    amounts: Recall,
    tracking: Recall,
    misses: Vec<String>,
}

fn evaluate(analyzer: &Analyzer, samples: &[Sample]) -> Report {
    let mut r = Report {
        overall: Confusion::default(),
        by_lang: BTreeMap::new(),
        by_category: BTreeMap::new(),
        lure_ok: 0,
        lure_n: 0,
        brand_ok: 0,
        brand_n: 0,
        urls: Recall::default(),
        phones: Recall::default(),
        amounts: Recall::default(),
        tracking: Recall::default(),
        misses: Vec::new(),
    };
    for s in samples {
        let a: Analysis = analyzer.analyze(&s.text);
        r.overall.add(s.scam, a.scam);
        r.by_lang.entry(s.language.clone()).or_default().add(s.scam, a.scam);
        r.by_category.entry(s.category.clone()).or_default().add(s.scam, a.scam);
        if s.scam {
            r.lure_n += 1;
            if a.lure == s.lure {
                r.lure_ok += 1;
            } else if r.misses.len() < 400 {
                r.misses.push(format!("LURE want {:?} got {:?}: {}", s.lure, a.lure, s.text));
            }
            if let Some(named) = &s.brand {
                // Templates name brands as people write them; the analysis reports the common
                // name, or the product when only the product is named ("Parcelforce"): both
                // sides are compared as the organisation they resolve to.
                let b = analyzer.canonical_brand(named).unwrap_or(named).to_string();
                let got = a.brand.as_deref().map(|g| analyzer.canonical_brand(g).unwrap_or(g));
                r.brand_n += 1;
                if got == Some(b.as_str()) {
                    r.brand_ok += 1;
                } else if r.misses.len() < 400 {
                    r.misses.push(format!("BRAND want {b} got {:?}: {}", a.brand, s.text));
                }
            }
        }
        if s.scam != a.scam && r.misses.len() < 400 {
            r.misses.push(format!("VERDICT want {} got {} ({}): {}", s.scam, a.scam, a.score, s.text));
        }
        r.urls.add(&s.urls, &a.urls);
        r.phones.add(&s.phones, &a.phones);
        r.amounts.add(&s.amounts, &a.amounts);
        r.tracking.add(&s.tracking_numbers, &a.tracking_numbers);
        for (what, want, got) in [
            ("URL", &s.urls, &a.urls),
            ("PHONE", &s.phones, &a.phones),
            ("AMOUNT", &s.amounts, &a.amounts),
            ("TRACK", &s.tracking_numbers, &a.tracking_numbers),
        ] {
            let lower: Vec<String> = got.iter().map(|g| g.to_lowercase().trim_end_matches('/').to_string()).collect();
            if want.iter().any(|w| !lower.contains(&w.to_lowercase().trim_end_matches('/').to_string())) && r.misses.len() < 400 {
                r.misses.push(format!("{what} want {want:?} got {got:?}: {}", s.text));
            }
        }
    }
    r
}

fn print_report(title: &str, r: &Report) {
    println!("\n### {title}\n{}", header());
    println!("{}", r.overall.row("all"));
    for (k, c) in &r.by_lang {
        println!("{}", c.row(&format!("language {k}")));
    }
    println!("\nPer category (lures are scams: recall matters; benign categories: FPR matters)\n{}", header());
    for (k, c) in &r.by_category {
        println!("{}", c.row(k));
    }
    println!(
        "\nlure accuracy {:.3} ({}/{}), brand accuracy {:.3} ({}/{})",
        f64::from(r.lure_ok) / f64::from(r.lure_n.max(1)),
        r.lure_ok,
        r.lure_n,
        f64::from(r.brand_ok) / f64::from(r.brand_n.max(1)),
        r.brand_ok,
        r.brand_n
    );
    println!(
        "extraction recall: urls {:.3} ({}), phones {:.3} ({}), amounts {:.3} ({}), tracking {:.3} ({})",
        r.urls.value(),
        r.urls.want,
        r.phones.value(),
        r.phones.want,
        r.amounts.value(),
        r.amounts.want,
        r.tracking.value(),
        r.tracking.want
    );
    if std::env::var_os("SCAMTEXT_SHOW_MISSES").is_some() {
        for m in &r.misses {
            println!("  {m}");
        }
    }
}

#[test]
fn multilingual_held_out_meets_targets() {
    let analyzer = Analyzer::builtin().expect("shipped model loads");
    let test = corpus::authored(&data_dir().join("authored/test.tsv"), 7, 0x004e_1d07).expect("authored test set present");
    let r = evaluate(&analyzer, &test);
    print_report("multilingual held-out set (authored/test.tsv, 7 variants per template)", &r);
    let lure = f64::from(r.lure_ok) / f64::from(r.lure_n.max(1));
    let brand = f64::from(r.brand_ok) / f64::from(r.brand_n.max(1));
    assert!(r.overall.f1() >= 0.93, "multilingual F1 {:.3}", r.overall.f1());
    assert!(r.overall.fpr() <= 0.03, "multilingual FPR {:.3}", r.overall.fpr());
    assert!(lure >= 0.85, "lure accuracy {lure:.3}");
    assert!(brand >= 0.85, "brand accuracy {brand:.3}");
    for (name, rec) in [("urls", &r.urls), ("phones", &r.phones), ("amounts", &r.amounts), ("tracking", &r.tracking)] {
        assert!(rec.value() >= 0.95, "{name} extraction recall {:.3}", rec.value());
    }
}

#[test]
fn training_templates_are_not_test_templates() {
    let read = |f: &str| std::fs::read_to_string(data_dir().join("authored").join(f)).expect("template file");
    let files = corpus::authored_training_files(&data_dir()).expect("authored directory");
    assert!(files.len() >= 2, "train.tsv plus the hard-negative file");
    let train: String = files.iter().map(|f| std::fs::read_to_string(f).expect("training template file")).collect();
    let train_templates: Vec<&str> = train.lines().filter_map(|l| l.rsplit('\t').next()).collect();
    for l in read("test.tsv").lines() {
        let t = l.rsplit('\t').next().unwrap_or("");
        assert!(!train_templates.contains(&t), "test template also in training: {t}");
    }
}
