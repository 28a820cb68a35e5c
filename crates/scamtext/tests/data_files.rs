//! The lexicon's data files (`crates/scamtext/data/`): every file parses, is compiled in, and
//! holds folded, unique entries with weights in range; broken lines are reported by file and line.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use scamtext::Lure;
use scamtext::lexicon::files::{self, DataError, FALLBACK_BRANDS_FILE, FALLBACK_LANGUAGE, LANGUAGE_FILES, LURE_FILES, MAX_WEIGHT, Problem};
use scamtext::text::fold;

fn lexicon() -> files::Lexicon {
    files::load().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_file_parses() {
    let lex = lexicon();
    assert!(!lex.urgency.is_empty() && !lex.payment.is_empty() && !lex.pay_verbs.is_empty());
    assert!(!lex.delivery_fees.is_empty() && !lex.payment_report.is_empty());
    let (file, text) = FALLBACK_BRANDS_FILE;
    let brands = files::parse_brands(file, text).unwrap_or_else(|e| panic!("{e}"));
    let mut names = BTreeSet::new();
    for b in &brands {
        assert!(names.insert(b.name), "brand {} listed twice in {file}", b.name);
    }
}

#[test]
fn every_lure_has_its_file_and_cues() {
    let lex = lexicon();
    for lure in Lure::ALL {
        let files: Vec<&str> = LURE_FILES.iter().filter(|(l, _)| *l == lure).map(|(_, (f, _))| *f).collect();
        assert_eq!(files, [format!("lures/{}.txt", lure.as_str())], "the file of {lure:?}");
        assert!(lex.lure_cues.iter().any(|(l, _, _)| *l == lure), "{lure:?} has no cue");
    }
}

/// A data file that exists but is not compiled in would be silently ignored.
#[test]
fn every_file_in_data_is_compiled_in() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut compiled: BTreeSet<String> = LURE_FILES.iter().map(|(_, (f, _))| (*f).to_string()).collect();
    compiled.extend(LANGUAGE_FILES.iter().map(|(f, _)| (*f).to_string()));
    compiled.extend(
        [
            files::URGENCY_FILE,
            files::PAYMENT_FILE,
            files::PAY_VERBS_FILE,
            files::DELIVERY_FEES_FILE,
            files::PAYMENT_REPORT_FILE,
            files::CALL_FILE,
            files::COUNTRIES_FILE,
            files::DIALECTS_FILE,
            files::CURRENCY_MARKERS_FILE,
            files::LOCAL_CURRENCIES_FILE,
            files::ISO4217_FILE,
        ]
        .iter()
        .map(|(f, _)| (*f).to_string()),
    );
    compiled.insert(FALLBACK_BRANDS_FILE.0.to_string());
    let mut on_disk = BTreeSet::new();
    for dir in ["", "lures", "cues", "languages", "currencies"] {
        for entry in std::fs::read_dir(data.join(dir)).expect("data directory").filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.path().is_file() && name != "README.md" {
                on_disk.insert(if dir.is_empty() { name } else { format!("{dir}/{name}") });
            }
        }
    }
    assert_eq!(on_disk, compiled);
}

#[test]
fn cues_are_folded_unique_and_weighted_in_range() {
    let lex = lexicon();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    let lists: [(&str, &Vec<&str>); 5] = [
        ("urgency", &lex.urgency),
        ("payment", &lex.payment),
        ("pay_verbs", &lex.pay_verbs),
        ("delivery_fees", &lex.delivery_fees),
        ("payment_report", &lex.payment_report),
    ];
    let lures = lex.lure_cues.iter().map(|(l, _, c)| (l.as_str(), *c));
    for (list, cue) in lures.chain(lists.iter().flat_map(|(name, cues)| cues.iter().map(|c| (*name, *c)))) {
        assert_eq!(fold(cue), cue, "{cue:?} in {list} is not folded");
        assert_eq!(cue.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "), cue, "spacing of {cue:?}");
        if let Some(first) = seen.insert(cue.strip_suffix('*').unwrap_or(cue), list) {
            panic!("{cue:?} is listed in {first} and in {list}");
        }
    }
    assert!(lex.lure_cues.iter().all(|(_, w, _)| (1..=MAX_WEIGHT).contains(w)));
    for language in &lex.languages {
        let mut words = BTreeSet::new();
        for (w, weight) in &language.words {
            assert_eq!(fold(w), *w, "{w:?} in {} is not folded", language.code);
            assert!((1..=MAX_WEIGHT).contains(weight), "weight of {w:?} in {}", language.code);
            assert!(words.insert(*w), "{w:?} listed twice in {}", language.code);
        }
    }
}

#[test]
fn every_language_has_regions() {
    let lex = lexicon();
    let codes: Vec<&str> = lex.languages.iter().map(|l| l.code).collect();
    assert!(codes.contains(&FALLBACK_LANGUAGE), "the fallback language has a file");
    assert_eq!(codes.iter().collect::<BTreeSet<_>>().len(), codes.len(), "language codes are unique: {codes:?}");
    for language in &lex.languages {
        assert_eq!(language.code.len(), 2, "file name of {} is an ISO 639-1 code", language.code);
        assert!(!language.regions.is_empty(), "{} has regions", language.code);
        assert_eq!(scamtext::lexicon::language_regions(language.code), language.regions.as_slice());
    }
    assert_eq!(scamtext::lexicon::language_regions("und"), scamtext::lexicon::language_regions(FALLBACK_LANGUAGE));
}

fn problem(result: Result<impl std::fmt::Debug, DataError>) -> (usize, Problem) {
    let e = result.expect_err("a broken file is an error");
    assert!(e.to_string().starts_with(&format!("crates/scamtext/data/{}:{}: ", e.file, e.line)), "{e}");
    (e.line, e.problem)
}

#[test]
fn broken_lines_are_named_by_file_and_line() {
    let f = "lures/test.txt";
    assert_eq!(problem(files::parse_lure(f, "# why\nparcel\n")), (2, Problem::NoWeight));
    assert_eq!(problem(files::parse_lure(f, "@weight 4\nparcel\n")), (1, Problem::BadWeight("4".into())));
    assert_eq!(problem(files::parse_lure(f, "@weight 0\nparcel\n")), (1, Problem::BadWeight("0".into())));
    assert_eq!(problem(files::parse_lure(f, "@weigth 2\n")), (1, Problem::UnknownDirective("@weigth 2".into(), "`@weight N`")));
    assert_eq!(problem(files::parse_lure(f, "@weight 2\nRetenu\n")), (2, Problem::NotFolded("Retenu".into(), "retenu".into())));
    assert_eq!(problem(files::parse_lure(f, "@weight 2\n retenu\n")), (2, Problem::Spacing(" retenu".into())));
    assert_eq!(
        problem(files::parse_lure(f, "@weight 2\nretenu\n\n@weight 1\nretenu\n")),
        (5, Problem::Duplicate { cue: "retenu".into(), file: f, line: 2 })
    );
    assert_eq!(problem(files::parse_lure(f, "# nothing yet\n@weight 2\n")), (1, Problem::Empty));
    let f = "cues/test.txt";
    assert_eq!(problem(files::parse_list(f, "fee\n@weight 2\n")).0, 2);
    assert_eq!(problem(files::parse_list(f, "fee\nfrais\nfee\n")), (3, Problem::Duplicate { cue: "fee".into(), file: f, line: 1 }));
    let f = "languages/xx.tsv";
    assert_eq!(problem(files::parse_language(f, "colis\t3\n")), (1, Problem::NoRegions));
    assert_eq!(problem(files::parse_language(f, "# no words\n")), (1, Problem::NoRegions));
    assert_eq!(problem(files::parse_language(f, "@regions FR be\n")), (1, Problem::BadRegion("be".into())));
    assert_eq!(problem(files::parse_language(f, "@regions FR\ncolis 3\n")), (2, Problem::NotWordAndWeight));
    assert_eq!(problem(files::parse_language(f, "@regions FR\ncolis\t9\n")), (2, Problem::BadWeight("9".into())));
    assert_eq!(
        problem(files::parse_language(f, "@regions FR\ncolis\t3\nvotre\t3\ncolis\t1\n")),
        (4, Problem::Duplicate { cue: "colis".into(), file: f, line: 2 })
    );
    let f = "fallback_brands.tsv";
    assert_eq!(problem(files::parse_brands(f, "Evri\tpostal\tGB\tevri\n")), (1, Problem::NotABrand));
    assert_eq!(problem(files::parse_brands(f, "Evri\tcourier\tGB\tevri\tevri.com\n")), (1, Problem::BadKind("courier".into())));
    assert_eq!(problem(files::parse_brands(f, "Evri\tpostal\tUK?\tevri\tevri.com\n")), (1, Problem::BadRegion("UK?".into())));
    assert_eq!(
        problem(files::parse_brands(f, "Evri\tpostal\tGB\tEvri\tevri.com\n")),
        (1, Problem::NotFolded("Evri".into(), "evri".into()))
    );
}

/// The parsers accept what the README shows.
#[test]
fn readme_examples_parse() {
    let lure = files::parse_lure("lures/test.txt", "# A held parcel.\n@weight 2\non hold\nen attente\n").expect("lure example");
    assert_eq!(lure, [(3, 2, "on hold"), (4, 2, "en attente")]);
    let language = files::parse_language("languages/fr.tsv", "@regions FR BE CH LU CA\nvotre\t3\ncolis\t3\n").expect("language example");
    assert_eq!((language.code, language.regions.len(), language.words), ("fr", 5, vec![("votre", 3), ("colis", 3)]));
}

/// A message in each language of the lexicon's own scripts is read as that language, and each
/// language's call words are found: a new language file that is not wired in fails here.
#[test]
fn new_languages_have_markers_call_words_and_affixes() {
    let lex = lexicon();
    for code in ["ar", "zh", "ru", "sw", "tr"] {
        assert!(lex.languages.iter().any(|l| l.code == code), "{code} is not in LANGUAGE_FILES");
    }
    assert!(lex.prefixes.contains(&"وال") && lex.suffixes.contains(&"ك"), "Arabic clitics");
    for (text, call) in [("اتصل بنا", true), ("请致电", true), ("перезвоните нам", true), ("tupigie sasa", true), ("hemen arayin", true)]
    {
        assert_eq!(scamtext::lexicon::asks_to_call(&fold(text)), call, "{text}");
    }
}
