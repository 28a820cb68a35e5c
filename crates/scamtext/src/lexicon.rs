//! Multilingual word lists, matched: the cue and brand automata over folded text, and language
//! detection from marker words. The lists themselves are data files (`files`, `data/README.md`).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::Lure;
use crate::text::{Script, fold, is_word_char, script_of};

/// A brand the analyser can name: common name, names and words to match, official domains.
#[derive(Debug, Clone)]
pub struct BrandRef {
    /// Common name reported in `Analysis::brand`.
    pub name: String,
    /// Names as they appear in messages (folded at build time).
    pub aliases: Vec<String>,
    /// Official registrable domains; a host equal to or under one of them is official.
    pub domains: Vec<String>,
    /// ISO 3166 alpha-2 country, or "" for international brands.
    pub country: String,
    /// What kind of organisation it is.
    pub kind: BrandKind,
    /// Generic local words the organisation is called by ("poste", "douane", "zoll"), shared
    /// by several organisations: they name this one only when other evidence points to its
    /// country (see `Cues::resolve_generic`).
    pub words: Vec<String>,
    /// Products the organisation's messages go out under: (folded, as written). Reported
    /// instead of `name` when a message names the product and not the organisation.
    pub products: Vec<(String, String)>,
}

/// Kinds of organisation the analyser distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrandKind {
    Postal,
    Tax,
    Customs,
    Bank,
    Other,
}

impl BrandRef {
    /// True when `host` is one of the brand's official domains or a subdomain of one.
    pub fn owns_host(&self, host: &str) -> bool {
        self.domains.iter().any(|d| host == d || host.strip_suffix(d.as_str()).is_some_and(|p| p.ends_with('.')))
    }
}

pub mod files;

pub use files::{DataError, Lexicon, lexicon};

/// Phone regions to try per language, most likely first, after the brand's country: the
/// language's home market, then the other countries that write it (a Brazilian number in
/// Portuguese, a Swiss one in German). Spanish and Portuguese also try each other's home
/// market, since short messages in one are often detected as the other. A number is given the
/// first region where it is valid, so the home market always wins when the number fits it.
/// The lists are the `@regions` lines of `data/languages/<code>.tsv`; a language the lexicon
/// does not know gets those of [`files::FALLBACK_LANGUAGE`].
pub fn language_regions(lang: &str) -> &'static [&'static str] {
    let languages = &lexicon().languages;
    languages
        .iter()
        .find(|l| l.code == lang)
        .or_else(|| languages.iter().find(|l| l.code == files::FALLBACK_LANGUAGE))
        .map_or(&[], |l| l.regions.as_slice())
}

/// Default phone region per language, used when neither a "+" prefix nor a brand says otherwise:
/// the first of [`language_regions`].
pub fn language_region(lang: &str) -> &'static str {
    language_regions(lang).first().copied().unwrap_or("")
}

/// What a keyword in the cue automaton stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    Lure(Lure, u8),
    Urgency,
    Payment,
    /// A verb asking to pay: a payment cue that a transaction report does not cancel.
    PayVerb,
    /// A delivery-fee noun: a payment cue and a weak redelivery-fee cue.
    DeliveryFee,
    /// A completed transaction being reported.
    PaymentReport,
}

/// All cue lists compiled into automata over folded text: one for cues, one for brand names
/// (separate so that a brand alias never hides a cue at the same position).
pub struct Cues {
    ac: AhoCorasick,
    what: Vec<Cue>,
    /// Per cue pattern: a stem (listed with a trailing `*`), which may end inside a word.
    stem: Vec<bool>,
    brand_ac: AhoCorasick,
    brand_of: Vec<usize>,
    /// Generic words (folded) and, per word, the brands it may name: those listing it in the
    /// registry's `words`, then postal brands with it as a word of their name (the latter
    /// only when a link, currency or official domain points to their country).
    generic: Vec<(String, Vec<usize>, Vec<usize>)>,
    /// Index of the first generic word among the brand automaton's patterns.
    first_generic: usize,
    /// Folded alias with spaces and punctuation removed, for matching inside host names.
    pub host_aliases: Vec<(String, usize)>,
    host_ac: AhoCorasick,
    /// Official domain -> brand index, for suffix walks.
    official: rustc_hash::FxHashMap<String, usize>,
    /// Domains of well-known legitimate sites (`brands::KnownSites`: public portals, banks,
    /// shops): links there are not the look-alikes scams send. Copied into an Fx set because
    /// every link of every message walks its suffixes here.
    known_sites: rustc_hash::FxHashSet<String>,
    pub brands: Vec<BrandRef>,
}

/// Cue hits in one message.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    /// Weighted cue hits per lure, indexed by `Lure as usize`.
    pub lures: [u8; Lure::COUNT],
    pub urgency: u8,
    /// Payment cues of every kind (nouns, verbs, fees).
    pub payment: u8,
    /// Of those, verbs asking to pay.
    pub pay_verbs: u8,
    /// Reports of a completed transaction ("card ending 1234 was charged").
    pub payment_reports: u8,
    /// Delivery-fee nouns ("shipping fee"); each also adds one to the redelivery-fee lure's
    /// hits, which `choose_lure` takes back out: a fee noun is not a missed delivery.
    pub delivery_fees: u8,
    /// Brands named in the text, with the byte offset of their first mention.
    pub brands: Vec<(usize, usize)>,
    /// The first generic organisation word ("poste", "douane"), as an index into the generic
    /// table; resolved to a brand only with country evidence.
    pub generic: Option<usize>,
}

fn automaton(pats: &[String]) -> AhoCorasick {
    // Leftmost-longest so "agencia tributaria" beats "tributaria"; patterns are plain strings,
    // so the build cannot fail except on absurd sizes.
    // A contiguous NFA, not a DFA: with every script's cues the DFAs took 6.3 MB (cues) and
    // 12.5 MB (brand names), so each byte of a message was a cache miss; the NFA's fewer bytes
    // beat the DFA's fewer instructions in CPU time (BENCHMARKS.md, scan-text).
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
        .build(pats)
        .unwrap_or_else(|_| AhoCorasick::new(["\u{0}"]).expect("a one-byte pattern always builds"))
}

/// True when the text ends with "of" in a supported language ("frais de", "spese di",
/// "taxa da"): the generic word that follows is a common noun ("frais de douane"), not the
/// name of an organisation ("Douane : votre colis ...").
fn after_of(before: &str) -> bool {
    let w = before.trim_end().rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    matches!(
        w,
        "de" | "di"
            | "da"
            | "do"
            | "des"
            | "du"
            | "del"
            | "della"
            | "dei"
            | "dos"
            | "das"
            | "d"
            | "of"
            | "by"
            | "per"
            | "der"
            | "se"
            | "te"
            | "e"
            | "nga"
    )
}

/// True when `text[start..end]` is a whole word, or as whole as its script allows: a word
/// boundary is needed only between two word characters of one spaced script (Latin, Arabic,
/// Cyrillic), so Han cues match inside unspaced text and "12元" or "SMSкод" split where the
/// script changes. Inside an Arabic word, the joined clitics of the language files (`@prefixes`,
/// `@suffixes`) may stand before and after the cue ("والبريد", "طردك"); a stem (`stem`) may
/// end anywhere.
pub fn at_word_boundary(text: &str, start: usize, end: usize, stem: bool) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let (Some(first), Some(last)) = (text[start..end].chars().next(), text[start..end].chars().next_back()) else {
        return false;
    };
    let lex = files::lexicon();
    let front = match before.chars().next_back() {
        None => true,
        Some(p) => {
            joinable(p, first)
                || script_of(p) == Script::Arabic && {
                    let word_start =
                        before.rfind(|c: char| !is_word_char(c)).map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
                    lex.prefixes.contains(&&before[word_start..])
                }
        }
    };
    front
        && (stem
            || match after.chars().next() {
                None => true,
                Some(n) => {
                    joinable(last, n)
                        || script_of(n) == Script::Arabic && {
                            let word_end = after.find(|c: char| !is_word_char(c)).unwrap_or(after.len());
                            lex.suffixes.contains(&&after[..word_end])
                        }
                }
            })
}

/// True when the folded text asks the reader to call or message a number: a word of
/// `cues/call.txt` (a stem with `*` as a word's start, Han entries anywhere). Matched on words
/// rather than in the cue automaton because some call words ("whatsapp") are lure cues too.
pub fn asks_to_call(folded: &str) -> bool {
    let call = call_words();
    crate::text::words(folded).any(|w| {
        call.exact.contains(w)
            || call.stems.iter().any(|stem| w.starts_with(stem))
            || (!w.is_ascii() && call.unspaced.iter().any(|c| w.contains(c)))
    })
}

/// The call words (`cues/call.txt`) sorted by how they match: whole words, stems (`*`), and
/// words of scripts written without spaces, which match inside a run of text.
struct CallWords {
    /// Fx, not the standard SipHash: looked up for every word of every message, and only
    /// looked up (never iterated), so the hasher changes nothing but the time.
    exact: rustc_hash::FxHashSet<&'static str>,
    stems: Vec<&'static str>,
    unspaced: Vec<&'static str>,
}

fn call_words() -> &'static CallWords {
    static WORDS: std::sync::OnceLock<CallWords> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = CallWords { exact: Default::default(), stems: Vec::new(), unspaced: Vec::new() };
        for c in &files::lexicon().call {
            match c.strip_suffix('*') {
                Some(stem) => words.stems.push(stem),
                None if c.chars().next().is_some_and(|x| script_of(x) == Script::Unspaced) => words.unspaced.push(c),
                None => {
                    words.exact.insert(c);
                }
            }
        }
        words
    })
}

/// The leftmost-longest matches of `ac` in `text` that `whole` accepts. A match `whole` rejects
/// (a cue inside a longer word: "تم ايقاف" inside "سيتم ايقاف حسابك") does not hide the matches
/// that overlap it: the search resumes one character after its start.
fn whole_matches<'a>(
    ac: &'a AhoCorasick,
    text: &'a str,
    whole: impl Fn(&aho_corasick::Match) -> bool + 'a,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at <= text.len() {
            let m = ac.find(aho_corasick::Input::new(text).range(at..))?;
            if whole(&m) {
                at = m.end().max(m.start() + 1);
                return Some(m);
            }
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
        None
    })
}

/// True when a word may end between `a` and `b`: one is no word character, or they are of
/// different scripts, or both are of a script written without spaces.
fn joinable(a: char, b: char) -> bool {
    if !is_word_char(a) || !is_word_char(b) {
        return true;
    }
    let (x, y) = (script_of(a), script_of(b));
    x != y || x == Script::Unspaced
}

impl Cues {
    /// Builds the automata from the cue lists and a brand table.
    pub fn new(brands: Vec<BrandRef>) -> Cues {
        // The cues are folded and listed once across all lists (checked when the files load),
        // so each pattern has one meaning and their order does not matter.
        let lex = lexicon();
        let mut pats: Vec<String> = Vec::new();
        let mut what = Vec::new();
        let mut stem = Vec::new();
        let mut add = |c: &str, cue: Cue| {
            let s = c.strip_suffix('*');
            pats.push(s.unwrap_or(c).to_string());
            stem.push(s.is_some());
            what.push(cue);
        };
        for (lure, weight, c) in &lex.lure_cues {
            add(c, Cue::Lure(*lure, *weight));
        }
        for (list, cue) in [
            (&lex.urgency, Cue::Urgency),
            (&lex.payment, Cue::Payment),
            (&lex.pay_verbs, Cue::PayVerb),
            (&lex.delivery_fees, Cue::DeliveryFee),
            (&lex.payment_report, Cue::PaymentReport),
        ] {
            for c in list {
                add(c, cue);
            }
        }
        let mut host_aliases = Vec::new();
        let mut brand_pats = Vec::new();
        let mut brand_of = Vec::new();
        for (i, b) in brands.iter().enumerate() {
            // A common name that is also an everyday word and either short ("TRA", Italian
            // "between") or the generic word of several brands ("Posta" of the Faroe Islands)
            // is no pattern of its own, as the registry's aliases leave it out: the word names
            // a brand only as a generic word, with country evidence.
            let folded_name = fold(&b.name);
            let shared = brands.iter().filter(|o| o.words.iter().any(|w| fold(w) == folded_name)).count() > 1;
            let everyday = crate::registry::COMMON_WORDS.contains(&folded_name.as_str()) && (folded_name.chars().count() <= 3 || shared);
            let name = Some(&b.name).filter(|_| !everyday);
            for a in b.aliases.iter().chain(name) {
                let f = fold(a);
                let squashed: String = f.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                if squashed.len() >= 3 {
                    host_aliases.push((squashed, i));
                }
                if !f.trim().is_empty() {
                    brand_pats.push(f);
                    brand_of.push(i);
                }
            }
        }
        let mut generic: Vec<(String, Vec<usize>, Vec<usize>)> = Vec::new();
        for (i, b) in brands.iter().enumerate() {
            for w in &b.words {
                let w = fold(w);
                if w.len() < 3 || brand_pats.contains(&w) {
                    continue;
                }
                match generic.iter_mut().find(|(g, _, _)| *g == w) {
                    Some((_, listed, _)) => listed.push(i),
                    None => generic.push((w, vec![i], Vec::new())),
                }
            }
        }
        for (w, listed, named) in &mut generic {
            for (i, b) in brands.iter().enumerate() {
                if b.kind == BrandKind::Postal && !listed.contains(&i) && fold(&b.name).split(' ').any(|t| t == w.as_str()) {
                    named.push(i);
                }
            }
        }
        // Bare "post" is nobody's registry word but the word of many operators' names.
        if !generic.iter().any(|(g, _, _)| g == "post") {
            let named: Vec<usize> = brands
                .iter()
                .enumerate()
                .filter(|(_, b)| b.kind == BrandKind::Postal && fold(&b.name).split(' ').any(|t| t == "post"))
                .map(|(i, _)| i)
                .collect();
            generic.push(("post".to_string(), Vec::new(), named));
        }
        // Generic words share the brand automaton (one pass over the text): pattern indices
        // past the brand aliases are generic words.
        let first_generic = brand_pats.len();
        brand_pats.extend(generic.iter().map(|(g, _, _)| g.clone()));
        host_aliases.retain(|(a, _)| a.len() >= 4);
        host_aliases.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.1.cmp(&b.1)));
        let host_pats: Vec<String> = host_aliases.iter().map(|(a, _)| a.clone()).collect();
        let mut official = rustc_hash::FxHashMap::default();
        for (i, b) in brands.iter().enumerate() {
            for d in &b.domains {
                official.entry(d.clone()).or_insert(i);
            }
        }
        Cues {
            ac: automaton(&pats),
            what,
            stem,
            brand_ac: automaton(&brand_pats),
            brand_of,
            first_generic,
            generic,
            host_aliases,
            host_ac: automaton(&host_pats),
            official,
            known_sites: brands::KnownSites::builtin().sites().iter().map(|k| k.domain.clone()).collect(),
            brands,
        }
    }

    /// Counts cue hits in folded text, at word boundaries.
    pub fn scan(&self, folded: &str) -> Hits {
        let mut h = Hits::default();
        for m in whole_matches(&self.ac, folded, |m| {
            let stem = self.stem.get(m.pattern().as_usize()).copied().unwrap_or(false);
            at_word_boundary(folded, m.start(), m.end(), stem)
        }) {
            match self.what.get(m.pattern().as_usize()) {
                Some(Cue::Lure(l, w)) => h.lures[*l as usize] = h.lures[*l as usize].saturating_add(*w),
                Some(Cue::Urgency) => h.urgency = h.urgency.saturating_add(1),
                Some(Cue::Payment) => h.payment = h.payment.saturating_add(1),
                Some(Cue::PayVerb) => {
                    h.payment = h.payment.saturating_add(1);
                    h.pay_verbs = h.pay_verbs.saturating_add(1);
                }
                Some(Cue::DeliveryFee) => {
                    h.payment = h.payment.saturating_add(1);
                    h.delivery_fees = h.delivery_fees.saturating_add(1);
                    let r = &mut h.lures[Lure::RedeliveryFee as usize];
                    *r = r.saturating_add(1);
                }
                Some(Cue::PaymentReport) => h.payment_reports = h.payment_reports.saturating_add(1),
                None => {}
            }
        }
        let mut generic = None;
        for m in whole_matches(&self.brand_ac, folded, |m| at_word_boundary(folded, m.start(), m.end(), false)) {
            let p = m.pattern().as_usize();
            if p >= self.first_generic {
                if generic.is_none() && !after_of(&folded[..m.start()]) {
                    generic = Some(p - self.first_generic);
                }
                continue;
            }
            if let Some(&i) = self.brand_of.get(p) {
                if !h.brands.iter().any(|(bi, _)| *bi == i) {
                    h.brands.push((i, m.start()));
                }
                // A named tax or customs authority is itself a lure cue.
                match self.brands.get(i).map(|b| b.kind) {
                    Some(BrandKind::Tax) => h.lures[Lure::Tax as usize] = h.lures[Lure::Tax as usize].saturating_add(3),
                    Some(BrandKind::Customs) => h.lures[Lure::CustomsFee as usize] = h.lures[Lure::CustomsFee as usize].saturating_add(3),
                    _ => {}
                }
            }
        }
        if h.brands.is_empty() {
            h.generic = generic;
        }
        h
    }

    /// The brand a generic word names, given countries the message points to (`evidence`,
    /// strongest first: official domains, link country codes, currency) and the language's
    /// home market. A generic word with no such evidence names nobody: "Post" alone is no
    /// specific operator.
    pub fn resolve_generic(&self, word: usize, evidence: &[&str], home: Option<&str>) -> Option<usize> {
        let (_, listed, named) = self.generic.get(word)?;
        let country_of = |i: &usize| self.brands.get(*i).map(|b| b.country.as_str());
        for c in evidence {
            if let Some(&i) = listed.iter().chain(named.iter()).find(|i| country_of(i) == Some(*c)) {
                return Some(i);
            }
        }
        // Evidence for another country (a Brazilian amount with Portuguese "alfândega") rules
        // out the language's home market.
        let home = home?;
        if !evidence.is_empty() && !evidence.contains(&home) {
            return None;
        }
        listed.iter().find(|i| country_of(i) == Some(home)).copied()
    }

    /// The brand a name or alias refers to ("Parcelforce" -> the Royal Mail entry).
    pub fn brand_named(&self, name: &str) -> Option<usize> {
        let f = fold(name);
        self.brands.iter().position(|b| b.aliases.contains(&f)).or_else(|| self.brands.iter().position(|b| fold(&b.name) == f))
    }

    /// A brand whose name is squashed into a host ("correos-es.top" -> Correos).
    pub fn brand_in_host(&self, host: &str) -> Option<usize> {
        let squashed: String = host.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        // Longest alias wins, as people read the host.
        self.host_ac
            .find_iter(&squashed)
            .max_by_key(|m| (m.end() - m.start(), std::cmp::Reverse(m.start())))
            .and_then(|m| self.host_aliases.get(m.pattern().as_usize()))
            .map(|(_, i)| *i)
    }

    /// The brand owning `host` (equal to or under one of its official domains).
    pub fn official_owner(&self, host: &str) -> Option<usize> {
        let mut rest = host;
        loop {
            if let Some(&i) = self.official.get(rest) {
                return Some(i);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    /// True when `host` is on a registry brand's official domain or on a well-known legitimate
    /// site (equal to or under either), in one suffix walk.
    pub fn official_or_known(&self, host: &str) -> bool {
        let mut rest = host;
        loop {
            if self.official.contains_key(rest) || self.known_sites.contains(rest) {
                return true;
            }
            match rest.split_once('.') {
                Some((_, r)) => rest = r,
                None => return false,
            }
        }
    }

    /// Detects the language from marker words; "und" when nothing matches.
    pub fn language(&self, folded_words: &[&str]) -> &'static str {
        detect_language(folded_words)
    }
}

/// Detects the language from marker words (the weights of `data/languages/*.tsv`); "und" when
/// nothing matches. With equal scores the language listed first in `files::LANGUAGE_FILES` wins.
pub fn detect_language(folded_words: &[&str]) -> &'static str {
    let lex = lexicon();
    let mut score = [0u32; files::MAX_LANGUAGES];
    let mut add = |w: &str| {
        if let Some(ws) = lex.markers.get(w) {
            for (s, x) in score.iter_mut().zip(ws) {
                *s += u32::from(*x);
            }
        }
    };
    for w in folded_words {
        if w.is_ascii() || !w.chars().any(|c| script_of(c) == Script::Unspaced) {
            add(w);
            continue;
        }
        // Text written without spaces reaches here as long runs: its markers are single
        // characters (的, 您, 請), read one by one.
        for (i, c) in w.char_indices() {
            if script_of(c) == Script::Unspaced {
                add(&w[i..i + c.len_utf8()]);
            }
        }
    }
    let mut best = (None, 0u32);
    for (language, s) in lex.languages.iter().zip(score) {
        if s > best.1 {
            best = (Some(language), s);
        }
    }
    match best.0 {
        // A Latin-script marker ("du", "on") in a message written mostly in a script one
        // language has to itself ("du: مبروك! ربحت ...") does not decide: the script does.
        Some(l) if l.script.is_none() && !folded_words.iter().all(|w| w.is_ascii()) => own_script_language(folded_words).unwrap_or(l.code),
        Some(l) => l.code,
        // No marker word at all: a message mostly in a script one language has to itself is
        // in that language ("شحنة محتجزة", "包裹待领取").
        None => own_script_language(folded_words).unwrap_or("und"),
    }
}

/// The language owning the script more than half the message's letters are written in (the
/// `@script` lines of the language files), if any.
fn own_script_language(folded_words: &[&str]) -> Option<&'static str> {
    let lex = lexicon();
    let (mut letters, mut by_script) = (0usize, [0usize; 3]);
    for c in folded_words.iter().flat_map(|w| w.chars()).filter(|&c| crate::text::is_alphabetic(c)) {
        letters += 1;
        match script_of(c) {
            Script::Arabic => by_script[0] += 1,
            Script::Cyrillic => by_script[1] += 1,
            Script::Unspaced => by_script[2] += 1,
            Script::Other => {}
        }
    }
    let scripts = [Script::Arabic, Script::Cyrillic, Script::Unspaced];
    scripts
        .iter()
        .zip(by_script)
        .find(|(_, n)| *n * 2 > letters)
        .and_then(|(script, _)| lex.languages.iter().find(|l| l.script == Some(*script)))
        .map(|l| l.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_lang(input: &str, expected: &str) {
        let f = fold(input);
        let w: Vec<&str> = crate::text::words(&f).collect();
        assert_eq!(detect_language(&w), expected, "language of {input:?}");
    }

    #[test]
    fn languages() {
        check_lang("Your parcel has been held, please pay the fee", "en");
        check_lang("Votre colis est en attente, merci de régler les frais", "fr");
        check_lang("Su paquete ha sido retenido, pague la tasa hoy", "es");
        check_lang("Il tuo pacco è in giacenza, paga le spese di spedizione", "it");
        check_lang("A sua encomenda está retida, efetue o pagamento hoje", "pt");
        check_lang("Ihr Paket wurde zurückgehalten, bitte zahlen Sie die Gebühr", "de");
        check_lang("Paketa juaj është mbajtur, ju lutem paguani tarifën sot", "sq");
        check_lang("البريد المصري: شحنتك محتجزة لدى الجمارك، يرجى دفع الرسوم", "ar");
        check_lang("【中国邮政】您的包裹因地址不详无法派送，请点击链接更新地址", "zh");
        check_lang("【香港郵政】您的郵件因地址不完整未能派遞，請於24小時內更新", "zh");
        check_lang("Почта России: ваша посылка задержана на таможне, оплатите пошлину", "ru");
        check_lang("Posta Kenya: kifurushi chako kimezuiliwa, tafadhali lipa ada ya forodha leo", "sw");
        check_lang("PTT Kargo: gonderiniz teslim edilemedi, lutfen adresinizi guncelleyin", "tr");
        check_lang("شحنة محتجزة", "ar");
        check_lang("包裹待领取", "zh");
        check_lang("Посылка задержана", "ru");
        // A Latin marker word ("du") does not outweigh the script of the rest.
        check_lang("du: مبروك! ربحت 50,000 نقطة مكافآت تنتهي اليوم", "ar");
        check_lang("Halyk: поступление 250 000,00 KZT зарплата. Баланс 312 540,12 KZT", "ru");
        check_lang("Merci du colis, c'est gentil", "fr");
    }

    fn check_boundary(text: &str, cue: &str, stem: bool, expected: bool) {
        let f = fold(text);
        let at = f.find(cue).unwrap_or_else(|| panic!("{cue:?} not in {f:?}"));
        assert_eq!(at_word_boundary(&f, at, at + cue.len(), stem), expected, "{cue:?} in {text:?}");
    }

    #[test]
    fn word_boundaries_follow_the_script() {
        // Latin and Cyrillic: whole words only, unless the cue is a stem.
        check_boundary("pay the fee now", "fee", false, true);
        check_boundary("coffee", "fee", false, false);
        check_boundary("ваша посылка задержана", "посылка", false, true);
        check_boundary("ваша посылка задержана", "сылка", false, false);
        check_boundary("оплатите посылку", "посылк", true, true);
        check_boundary("оплатите посылку", "посылк", false, false);
        // Han is written without spaces: a cue matches anywhere in a run.
        check_boundary("您的包裹已到达", "包裹", false, true);
        // A change of script is a boundary ("12元", "SMS код").
        check_boundary("运费12元", "元", false, true);
        // Arabic: joined clitics may stand before and after the cue, other letters may not.
        check_boundary("والجمارك تطلب", "جمارك", false, true);
        check_boundary("شحنتك محتجزة", "شحنت", false, true);
        check_boundary("طردك", "طرد", false, true);
        check_boundary("مطرد", "طرد", false, false);
        check_boundary("الطردية", "طرد", false, false);
    }

    #[test]
    fn a_cue_inside_a_word_does_not_hide_an_overlapping_one() {
        let cues = Cues::new(Vec::new());
        let h = cues.scan(&fold("سيتم إيقاف حسابك خلال 24 ساعة"));
        assert!(h.lures[Lure::AccountLocked as usize] > 0, "{:?}", h.lures);
    }

    #[test]
    fn call_words_in_every_script() {
        assert!(asks_to_call("please call 0"));
        assert!(asks_to_call("اتصل بنا علي xphonex"));
        assert!(asks_to_call("请致电xphonex"));
        assert!(asks_to_call("позвоните по номеру"));
        assert!(!asks_to_call("recall the product"));
    }
}
