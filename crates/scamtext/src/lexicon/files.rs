//! The lexicon's word lists, compiled in from the files under `crates/scamtext/data/` and parsed
//! once, at first use (`data/README.md` describes the formats).

use std::sync::LazyLock;

use crate::Lure;
use crate::lexicon::BrandKind;
use crate::text::fold;

/// The most languages the lexicon can hold: language scores live in fixed-size arrays on the
/// stack, since every message is scored.
pub const MAX_LANGUAGES: usize = 16;

/// The language whose regions serve messages in a language the lexicon does not know.
pub const FALLBACK_LANGUAGE: &str = "en";

/// Weights of lure cues and language markers run from 1 to this.
pub const MAX_WEIGHT: u8 = 3;

/// A file's path under `data/` and its text.
type File = (&'static str, &'static str);

macro_rules! data_file {
    ($path:literal) => {
        ($path, include_str!(concat!("../../data/", $path)))
    };
}

/// One file per lure, in `Lure::ALL` order.
pub const LURE_FILES: [(Lure, File); Lure::COUNT] = [
    (Lure::Prize, data_file!("lures/prize.txt")),
    (Lure::AccountLocked, data_file!("lures/account_locked.txt")),
    (Lure::Tax, data_file!("lures/tax.txt")),
    (Lure::CustomsFee, data_file!("lures/customs_fee.txt")),
    (Lure::RedeliveryFee, data_file!("lures/redelivery_fee.txt")),
    (Lure::AddressUpdate, data_file!("lures/address_update.txt")),
    (Lure::FailedDelivery, data_file!("lures/failed_delivery.txt")),
    (Lure::Refund, data_file!("lures/refund.txt")),
    (Lure::PackageHeld, data_file!("lures/package_held.txt")),
    (Lure::Other, data_file!("lures/other.txt")),
];

/// Urgency cues ("within 24", "dernier avis").
pub const URGENCY_FILE: File = data_file!("cues/urgency.txt");
/// Payment nouns ("fee", "paiement").
pub const PAYMENT_FILE: File = data_file!("cues/payment.txt");
/// Verbs asking the reader to pay.
pub const PAY_VERBS_FILE: File = data_file!("cues/pay_verbs.txt");
/// Delivery-fee nouns: payment cues that lean towards the redelivery-fee lure.
pub const DELIVERY_FEES_FILE: File = data_file!("cues/delivery_fees.txt");
/// Reports of a completed card or account transaction.
pub const PAYMENT_REPORT_FILE: File = data_file!("cues/payment_report.txt");
/// Words asking the reader to call or message a number.
pub const CALL_FILE: File = data_file!("cues/call.txt");
/// Country names, as evidence of the country a message is about (read by `analyze`).
pub const COUNTRIES_FILE: File = data_file!("countries.tsv");
/// Words only one country's everyday writing uses (Darija, Egyptian Arabic, Cantonese), read as
/// the country names are.
pub const DIALECTS_FILE: File = data_file!("dialects.tsv");
/// Currency markers, in the order they are tried (read by `extract::numbers`).
pub const CURRENCY_MARKERS_FILE: File = data_file!("currencies/markers.tsv");
/// What a shared currency marker means in each country.
pub const LOCAL_CURRENCIES_FILE: File = data_file!("currencies/local.tsv");
/// The active ISO 4217 codes.
pub const ISO4217_FILE: File = data_file!("currencies/iso4217.txt");

/// One file per language, named by its ISO 639-1 code. The order breaks ties in language
/// detection: with equal scores the earlier language wins.
pub const LANGUAGE_FILES: &[File] = &[
    data_file!("languages/en.tsv"),
    data_file!("languages/fr.tsv"),
    data_file!("languages/es.tsv"),
    data_file!("languages/it.tsv"),
    data_file!("languages/pt.tsv"),
    data_file!("languages/de.tsv"),
    data_file!("languages/sq.tsv"),
    data_file!("languages/ar.tsv"),
    data_file!("languages/zh.tsv"),
    data_file!("languages/ru.tsv"),
    data_file!("languages/sw.tsv"),
    data_file!("languages/tr.tsv"),
];

/// The built-in brand table (`fallback_brands.tsv`).
pub const FALLBACK_BRANDS_FILE: File = data_file!("fallback_brands.tsv");

/// A data file that does not parse: which file (under `data/`), which line (from 1), what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("crates/scamtext/data/{file}:{line}: {problem}")]
pub struct DataError {
    pub file: &'static str,
    pub line: usize,
    pub problem: Problem,
}

/// What is wrong with a line of a data file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    #[error("a cue before the first `@weight` line")]
    NoWeight,
    #[error("weight {0:?} is not a whole number from 1 to {MAX_WEIGHT}")]
    BadWeight(String),
    #[error("script {0:?} is not one of arabic, cyrillic, han")]
    UnknownScript(String),
    #[error("{0:?}: a `*` may only end a cue, after at least two letters")]
    BadStem(String),
    #[error("unknown directive {0:?} (this file takes {1})")]
    UnknownDirective(String, &'static str),
    #[error("{0:?} is not folded: write it as {1:?}")]
    NotFolded(String, String),
    #[error("{0:?} has leading, trailing or doubled spaces")]
    Spacing(String),
    #[error("{cue:?} is already listed in {file}, line {line}")]
    Duplicate { cue: String, file: &'static str, line: usize },
    #[error("expected `word<TAB>weight`")]
    NotWordAndWeight,
    #[error("no `@regions` line before the first word")]
    NoRegions,
    #[error("region {0:?} is not two capital letters (ISO 3166 alpha-2)")]
    BadRegion(String),
    #[error("the file lists nothing")]
    Empty,
    #[error("more than {MAX_LANGUAGES} languages")]
    TooManyLanguages,
    #[error("expected `name<TAB>kind<TAB>country<TAB>aliases<TAB>domains`")]
    NotABrand,
    #[error("kind {0:?} is not one of postal, tax, customs, bank, other")]
    BadKind(String),
}

/// A language: its code, the phone regions its messages come from (most likely first) and its
/// marker words with their weights.
#[derive(Debug, Clone)]
pub struct Language {
    pub code: &'static str,
    pub regions: Vec<&'static str>,
    pub words: Vec<(&'static str, u8)>,
    /// Clitics the language writes joined to the front of a word (Arabic "و", "ب", "ال"): a cue
    /// preceded by one of them, inside one word, still matches.
    pub prefixes: Vec<&'static str>,
    /// Clitics joined to the end of a word (Arabic possessive "ك", "كم").
    pub suffixes: Vec<&'static str>,
    /// The script the language has to itself among the lexicon's languages (`@script`): a
    /// message mostly in that script, with no marker word of any language, is in this one.
    pub script: Option<crate::text::Script>,
}

/// A row of the built-in brand table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrandRow<'a> {
    pub name: &'a str,
    pub kind: BrandKind,
    /// ISO 3166 alpha-2, or "" for international brands.
    pub country: &'a str,
    pub aliases: Vec<&'a str>,
    pub domains: Vec<&'a str>,
}

/// Every word list, as parsed from the data files.
#[derive(Debug)]
pub struct Lexicon {
    /// Lure cues with their lure and weight.
    pub lure_cues: Vec<(Lure, u8, &'static str)>,
    pub urgency: Vec<&'static str>,
    pub payment: Vec<&'static str>,
    pub pay_verbs: Vec<&'static str>,
    pub delivery_fees: Vec<&'static str>,
    pub payment_report: Vec<&'static str>,
    pub call: Vec<&'static str>,
    pub languages: Vec<Language>,
    /// Every language's joined prefixes and suffixes (see [`Language`]).
    pub prefixes: Vec<&'static str>,
    pub suffixes: Vec<&'static str>,
    /// Marker word -> weight per language (indexed as `languages`).
    pub markers: rustc_hash::FxHashMap<&'static str, [u8; MAX_LANGUAGES]>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| match load() {
    Ok(lexicon) => lexicon,
    // The files are part of the build, not input: tests/data_files.rs loads them, so a broken
    // file fails the tests and never reaches a running analyser.
    Err(e) => panic!("{e}"),
});

/// The lexicon, parsed at first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Parses every data file of the lexicon; [`lexicon`] is this, once.
pub fn load() -> Result<Lexicon, DataError> {
    let mut seen = Seen::default();
    let mut lure_cues = Vec::new();
    for (lure, (file, text)) in LURE_FILES {
        for (line, weight, cue) in parse_lure(file, text)? {
            seen.check(file, line, cue)?;
            lure_cues.push((lure, weight, cue));
        }
    }
    let mut list = |(file, text): File| -> Result<Vec<&'static str>, DataError> {
        let cues = parse_list(file, text)?;
        for (line, cue) in &cues {
            seen.check(file, *line, cue)?;
        }
        Ok(cues.into_iter().map(|(_, c)| c).collect())
    };
    let (urgency, payment, pay_verbs) = (list(URGENCY_FILE)?, list(PAYMENT_FILE)?, list(PAY_VERBS_FILE)?);
    let (delivery_fees, payment_report) = (list(DELIVERY_FEES_FILE)?, list(PAYMENT_REPORT_FILE)?);
    // Call words are matched on their own (`lexicon::asks_to_call`), so they may repeat a cue.
    let call = parse_list(CALL_FILE.0, CALL_FILE.1)?.into_iter().map(|(_, c)| c).collect();
    let mut languages = Vec::new();
    let mut markers: rustc_hash::FxHashMap<&'static str, [u8; MAX_LANGUAGES]> = rustc_hash::FxHashMap::default();
    for (i, (file, text)) in LANGUAGE_FILES.iter().enumerate() {
        if i >= MAX_LANGUAGES {
            return Err(DataError { file, line: 1, problem: Problem::TooManyLanguages });
        }
        let language = parse_language(file, text)?;
        for (w, weight) in &language.words {
            markers.entry(w).or_default()[i] = *weight;
        }
        languages.push(language);
    }
    let mut prefixes: Vec<&'static str> = languages.iter().flat_map(|l| l.prefixes.iter().copied()).collect();
    let mut suffixes: Vec<&'static str> = languages.iter().flat_map(|l| l.suffixes.iter().copied()).collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    suffixes.sort_unstable();
    suffixes.dedup();
    Ok(Lexicon { lure_cues, urgency, payment, pay_verbs, delivery_fees, payment_report, call, languages, markers, prefixes, suffixes })
}

/// Cues already read, with where: a cue has one meaning in the cue automaton, so it is listed
/// once across the lure files and the cue lists.
#[derive(Default)]
struct Seen(rustc_hash::FxHashMap<&'static str, (&'static str, usize)>);

impl Seen {
    fn check(&mut self, file: &'static str, line: usize, cue: &'static str) -> Result<(), DataError> {
        // "посылк*" and "посылк" are one pattern in the automaton.
        match self.0.insert(cue.strip_suffix('*').unwrap_or(cue), (file, line)) {
            None => Ok(()),
            Some((first, at)) => Err(DataError { file, line, problem: Problem::Duplicate { cue: cue.to_string(), file: first, line: at } }),
        }
    }
}

/// The meaningful lines of a file: numbered from 1, trimmed at the end, without blank lines and
/// `#` comments.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end())).filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// A cue or marker word as the lexicon needs it: folded, single-spaced, trimmed.
fn entry<'a>(file: &'static str, line: usize, s: &'a str) -> Result<&'a str, DataError> {
    let err = |problem| DataError { file, line, problem };
    if s.trim() != s || s.contains("  ") || s.contains('\t') {
        return Err(err(Problem::Spacing(s.to_string())));
    }
    let folded = fold(s);
    if folded != s {
        return Err(err(Problem::NotFolded(s.to_string(), folded)));
    }
    // A trailing `*` marks a stem: the cue matches at the start of a word whatever ending
    // follows ("посылк*": посылка, посылку, посылки), for languages that inflect.
    if let Some(i) = s.find('*')
        && (i + 1 != s.len() || s[..i].chars().filter(|c| c.is_alphabetic()).count() < 2)
    {
        return Err(err(Problem::BadStem(s.to_string())));
    }
    Ok(s)
}

fn weight(file: &'static str, line: usize, s: &str) -> Result<u8, DataError> {
    match s.trim().parse::<u8>() {
        Ok(w) if (1..=MAX_WEIGHT).contains(&w) => Ok(w),
        _ => Err(DataError { file, line, problem: Problem::BadWeight(s.to_string()) }),
    }
}

/// A lure file: `@weight N` lines, each followed by the cues of that weight.
pub fn parse_lure<'a>(file: &'static str, text: &'a str) -> Result<Vec<(usize, u8, &'a str)>, DataError> {
    let mut current = None;
    let mut out = Vec::new();
    let mut within: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (line, l) in lines(text) {
        if let Some(directive) = l.strip_prefix('@') {
            match directive.strip_prefix("weight ") {
                Some(w) => current = Some(weight(file, line, w)?),
                None => return Err(DataError { file, line, problem: Problem::UnknownDirective(l.to_string(), "`@weight N`") }),
            }
            continue;
        }
        let Some(w) = current else {
            return Err(DataError { file, line, problem: Problem::NoWeight });
        };
        let cue = entry(file, line, l)?;
        if let Some(&first) = within.get(cue) {
            return Err(DataError { file, line, problem: Problem::Duplicate { cue: cue.to_string(), file, line: first } });
        }
        within.insert(cue, line);
        out.push((line, w, cue));
    }
    if out.is_empty() {
        return Err(DataError { file, line: 1, problem: Problem::Empty });
    }
    Ok(out)
}

/// A plain cue list: one cue per line.
pub fn parse_list<'a>(file: &'static str, text: &'a str) -> Result<Vec<(usize, &'a str)>, DataError> {
    let mut out: Vec<(usize, &str)> = Vec::new();
    for (line, l) in lines(text) {
        if l.starts_with('@') {
            return Err(DataError { file, line, problem: Problem::UnknownDirective(l.to_string(), "no directive") });
        }
        let cue = entry(file, line, l)?;
        if let Some((first, _)) = out.iter().find(|(_, c)| *c == cue) {
            return Err(DataError { file, line, problem: Problem::Duplicate { cue: cue.to_string(), file, line: *first } });
        }
        out.push((line, cue));
    }
    if out.is_empty() {
        return Err(DataError { file, line: 1, problem: Problem::Empty });
    }
    Ok(out)
}

/// A language file, `languages/<code>.tsv`: an `@regions` line, then `word<TAB>weight` lines.
pub fn parse_language(file: &'static str, text: &'static str) -> Result<Language, DataError> {
    let code = file.rsplit('/').next().unwrap_or(file).split('.').next().unwrap_or("");
    let mut regions: Option<Vec<&'static str>> = None;
    let mut words: Vec<(&'static str, u8)> = Vec::new();
    let (mut prefixes, mut suffixes) = (Vec::new(), Vec::new());
    let mut script = None;
    let mut at: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for (line, l) in lines(text) {
        let err = |problem| DataError { file, line, problem };
        if let Some(directive) = l.strip_prefix('@') {
            let affixes = directive.strip_prefix("prefixes ").map(|x| (x, &mut prefixes));
            if let Some((list, into)) = affixes.or_else(|| directive.strip_prefix("suffixes ").map(|x| (x, &mut suffixes))) {
                for a in list.split_whitespace() {
                    into.push(entry(file, line, a)?);
                }
                continue;
            }
            if let Some(name) = directive.strip_prefix("script ") {
                script = Some(match name.trim() {
                    "arabic" => crate::text::Script::Arabic,
                    "cyrillic" => crate::text::Script::Cyrillic,
                    "han" => crate::text::Script::Unspaced,
                    other => return Err(err(Problem::UnknownScript(other.to_string()))),
                });
                continue;
            }
            let Some(list) = directive.strip_prefix("regions ") else {
                return Err(err(Problem::UnknownDirective(
                    l.to_string(),
                    "`@regions XX YY ...`, `@prefixes ...`, `@suffixes ...`, `@script NAME`",
                )));
            };
            let list: Vec<&'static str> = list.split_whitespace().collect();
            if let Some(bad) = list.iter().find(|r| r.len() != 2 || !r.bytes().all(|b| b.is_ascii_uppercase())) {
                return Err(err(Problem::BadRegion((*bad).to_string())));
            }
            if list.is_empty() {
                return Err(err(Problem::Empty));
            }
            regions = Some(list);
            continue;
        }
        if regions.is_none() {
            return Err(err(Problem::NoRegions));
        }
        let Some((word, w)) = l.split_once('\t') else {
            return Err(err(Problem::NotWordAndWeight));
        };
        let word = entry(file, line, word)?;
        if let Some(&first) = at.get(word) {
            return Err(err(Problem::Duplicate { cue: word.to_string(), file, line: first }));
        }
        at.insert(word, line);
        words.push((word, weight(file, line, w)?));
    }
    match regions {
        Some(regions) if !words.is_empty() => Ok(Language { code, regions, words, prefixes, suffixes, script }),
        Some(_) => Err(DataError { file, line: 1, problem: Problem::Empty }),
        None => Err(DataError { file, line: 1, problem: Problem::NoRegions }),
    }
}

/// The built-in brand table: `name<TAB>kind<TAB>country<TAB>aliases<TAB>domains`, lists
/// separated by `|`, `-` for no country.
pub fn parse_brands<'a>(file: &'static str, text: &'a str) -> Result<Vec<BrandRow<'a>>, DataError> {
    let mut out = Vec::new();
    for (line, l) in lines(text) {
        let err = |problem| DataError { file, line, problem };
        let cols: Vec<&str> = l.split('\t').collect();
        let [name, kind, country, aliases, domains] = cols[..] else {
            return Err(err(Problem::NotABrand));
        };
        let kind = match kind {
            "postal" => BrandKind::Postal,
            "tax" => BrandKind::Tax,
            "customs" => BrandKind::Customs,
            "bank" => BrandKind::Bank,
            "other" => BrandKind::Other,
            _ => return Err(err(Problem::BadKind(kind.to_string()))),
        };
        let country = match country {
            "-" => "",
            c if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => c,
            c => return Err(err(Problem::BadRegion(c.to_string()))),
        };
        let list = |s: &'a str| -> Vec<&'a str> { s.split('|').map(str::trim).filter(|x| !x.is_empty()).collect() };
        let (aliases, domains) = (list(aliases), list(domains));
        if name.trim().is_empty() || aliases.is_empty() || domains.is_empty() {
            return Err(err(Problem::NotABrand));
        }
        for a in &aliases {
            entry(file, line, a)?;
        }
        out.push(BrandRow { name, kind, country, aliases, domains });
    }
    if out.is_empty() {
        return Err(DataError { file, line: 1, problem: Problem::Empty });
    }
    Ok(out)
}
