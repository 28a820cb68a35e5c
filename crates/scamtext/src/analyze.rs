//! The analysis pipeline: extract entities, mask them, read cues, build features, score, explain.

use crate::extract::{self, Entities, urls::host_of};
use crate::features::{self, Features, Structural as S};
use crate::lexicon::{self, BrandRef, Cues, Hits};
use crate::model::Model;
use crate::text::{fold, words};
use crate::{Analysis, Error, Lure, MAX_MESSAGE_BYTES, Reason, Verdict};
use links::Args;

/// A link checker's opinion of one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkVerdict {
    Malicious(LinkWhy),
    Suspicious(LinkWhy),
    Benign,
}

/// Why the link checker judged a link as it did: its strongest reason code (one of
/// `links::REASON_CODES`), the brand the link imitates, and the blocklist that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LinkWhy {
    pub code: &'static str,
    pub brand: Option<String>,
    /// The blocklist (hub collection) a blocklist reason names.
    pub source: Option<String>,
}

/// A URL checker consulted for every extracted URL (no live fetching on this path).
pub type LinkCheck = Box<dyn Fn(&str) -> LinkVerdict + Send + Sync>;

/// Scam threshold for version-1 model files, which store none: the plain logistic 0.5. The
/// analyser uses the model's own threshold (`Model::threshold`), which training chooses by
/// cross-validation on the training data alone and stores in version-2 files.
pub const SCAM_THRESHOLD: f32 = 0.5;
/// Suspicious threshold for version-1 model files (half of [`SCAM_THRESHOLD`], as training
/// stores for version-2 files: `model::SUSPICIOUS_FRACTION` of the learnt threshold).
pub const SUSPICIOUS_THRESHOLD: f32 = 0.25;

/// Holds the loaded model, the compiled cue lists and the brand table.
pub struct Analyzer {
    model: Model,
    cues: Cues,
    link_check: Option<LinkCheck>,
}

/// What the pipeline computed besides the model score; kept for features and reasons.
pub(crate) struct Prepared {
    pub entities: Entities,
    pub features: Features,
    pub structural: Vec<S>,
    pub hits: Hits,
    pub brand: Option<usize>,
    /// Index into the brand's `products` when the message names a product and not the brand.
    pub product: Option<usize>,
    pub language: &'static str,
    pub link_verdicts: Vec<(String, LinkVerdict)>,
}

impl Analyzer {
    /// Loads the model shipped in the repository, with the shared brand registry and the
    /// offline link checker.
    pub fn builtin() -> Result<Analyzer, Error> {
        Analyzer::from_model_bytes(crate::BUILTIN_MODEL)
    }

    /// Loads a model file's bytes (as written by training), with the standard tables.
    pub fn from_model_bytes(bytes: &[u8]) -> Result<Analyzer, Error> {
        Ok(Analyzer::standard(Model::from_bytes(bytes)?))
    }

    /// A model with the standard tables: the brand registry (plus built-in additions) and the
    /// `links` offline checker. Training uses this too, so features match at inference.
    pub fn standard(model: Model) -> Analyzer {
        let reg = brands::BrandRegistry::builtin();
        Analyzer::new(model, crate::registry::brand_table(&reg)).with_link_check(crate::registry::link_check(&reg))
    }

    /// The common name of the brand a name or alias refers to, as `Analysis::brand` reports it.
    pub fn canonical_brand(&self, name: &str) -> Option<&str> {
        self.cues.brand_named(name).and_then(|i| self.cues.brands.get(i)).map(|b| b.name.as_str())
    }

    /// Builds an analyser from a model and a brand table.
    pub fn new(model: Model, brands: Vec<BrandRef>) -> Analyzer {
        Analyzer { model, cues: Cues::new(brands), link_check: None }
    }

    /// Replaces the brand table (e.g. with the shared brand registry).
    pub fn with_brands(mut self, brands: Vec<BrandRef>) -> Analyzer {
        self.cues = Cues::new(brands);
        self
    }

    /// Consults `check` for every URL; a malicious link makes the message a scam.
    pub fn with_link_check(mut self, check: LinkCheck) -> Analyzer {
        self.link_check = Some(check);
        self
    }

    /// Drops the link checker: text classification and extraction only (for callers that
    /// check links themselves, and for measuring this crate's own speed).
    pub fn without_link_check(mut self) -> Analyzer {
        self.link_check = None;
        self
    }

    /// The brand table in use.
    pub fn brands(&self) -> &[BrandRef] {
        &self.cues.brands
    }

    /// Analyses one message. Never fails: empty text is benign, over-long text is cut at
    /// [`MAX_MESSAGE_BYTES`] so the time per message stays bounded.
    pub fn analyze(&self, text: &str) -> Analysis {
        let text = cut(text, MAX_MESSAGE_BYTES);
        let p = self.prepare(text);
        let mut score = self.model.score(&p.features);
        let malicious = p.link_verdicts.iter().find(|(_, v)| matches!(v, LinkVerdict::Malicious(_)));
        if malicious.is_some() {
            score = score.max(0.99);
        }
        let scam = score >= self.model.threshold;
        let verdict = if scam {
            Verdict::Scam
        } else if score >= self.model.suspicious {
            Verdict::Suspicious
        } else {
            Verdict::Benign
        };
        let lure = (verdict != Verdict::Benign).then(|| choose_lure(&p.hits, !p.entities.amounts.is_empty()));
        let reasons = reasons(&p, score, &self.cues);
        let e = p.entities;
        Analysis {
            scam,
            score: (score * 1000.0).round() / 1000.0,
            verdict,
            lure,
            brand: p.brand.and_then(|i| self.cues.brands.get(i)).map(|b| match p.product.and_then(|k| b.products.get(k)) {
                Some((_, written)) => written.clone(),
                None => b.name.clone(),
            }),
            language: p.language.to_string(),
            urls: e.urls,
            phones: e.phones,
            amounts: e.amounts.into_iter().map(|a| a.normalised).collect(),
            tracking_numbers: e.tracking_numbers,
            emails: e.emails,
            reasons,
        }
    }

    /// The feature vector of a message, as training sees it.
    pub fn features(&self, text: &str) -> Features {
        self.prepare(cut(text, MAX_MESSAGE_BYTES)).features
    }

    /// The feature vector, the weighted lure-cue hits (indexed by `Lure as usize`) and whether
    /// a fee is in play (a payment cue or an amount): what a lure decision sees.
    pub fn lure_inputs(&self, text: &str) -> (Features, [u8; Lure::COUNT], bool) {
        let p = self.prepare(cut(text, MAX_MESSAGE_BYTES));
        let fee = p.hits.payment > 0 || !p.entities.amounts.is_empty();
        (p.features, p.hits.lures, fee)
    }

    pub(crate) fn prepare(&self, text: &str) -> Prepared {
        // Arabic-Indic and full-width digits are read as the ASCII digits they are.
        let ascii = crate::text::ascii_numerals(text);
        let text = ascii.as_ref();
        let mut entities = extract::extract_without_phones(text);
        let first_fold = fold(&extract::masked(text, &entities.spans));
        // Sized for the usual word length up front: collecting grows the vector step by step.
        let mut first_toks: Vec<&str> = Vec::with_capacity(first_fold.len() / 4 + 1);
        first_toks.extend(words(&first_fold));
        let folded = first_fold.as_str();
        let language = self.cues.language(&first_toks);
        let hits = self.cues.scan(folded);
        let hosts: Vec<String> = entities.urls.iter().map(|u| host_of(u)).collect();
        // A generic word the text writes ("Posta", "Таможня") with evidence of a country (a
        // link's country code, a currency) names that country's organisation before a brand
        // name squashed into a host does ("posta-tz..." is not Österreichische Post's "postat");
        // without such evidence the language's home market is tried last.
        let generic = |home: Option<&str>| {
            let word = hits.generic?;
            let evidence = country_evidence(&hosts, &entities, &self.cues, folded);
            self.cues.resolve_generic(word, &evidence, home)
        };
        let brand = hits
            .brands
            .iter()
            .min_by_key(|(_, at)| *at)
            .map(|(i, _)| *i)
            .or_else(|| generic(None))
            .or_else(|| hosts.iter().find_map(|h| self.cues.brand_in_host(h)))
            .or_else(|| generic(lexicon::language_regions(language).first().copied()));
        let product = brand.and_then(|i| self.cues.brands.get(i)).and_then(|b| named_product(b, folded));
        self.add_phones(text, folded, &hosts, brand, language, &mut entities);
        self.localise_currencies(&hosts, brand, language, folded, &mut entities);
        // Phones found: masked again, so the model sees them as phones. Otherwise the first
        // folding and its words serve again (splitting into words is a pass per character).
        let refolded = (!entities.phones.is_empty()).then(|| fold(&extract::masked(text, &entities.spans)));
        let (folded, toks): (&str, Vec<&str>) = match &refolded {
            Some(f) => (f.as_str(), words(f).collect()),
            None => (folded, first_toks),
        };
        let link_verdicts: Vec<(String, LinkVerdict)> = match &self.link_check {
            Some(check) => entities.urls.iter().map(|u| (u.clone(), check(u))).collect(),
            None => Vec::new(),
        };
        let mut structural = structural(&entities, &hosts, &hits, brand, &self.cues, folded, &link_verdicts);
        shape_features(text, &toks, &mut structural);
        let features = features::build(folded, &structural, self.model.bits);
        Prepared { entities, features, structural, hits, brand, product, language, link_verdicts }
    }

    /// Currencies whose name several countries share (`data/currencies/local.tsv`), read as the
    /// message's country's: the dinar word (`DINAR` from the extractor), the dirham in Morocco,
    /// the rouble in Belarus, the shilling in Tanzania and Uganda, the dollar sign in Hong Kong
    /// or Mexico. The country is the brand's, the phones', the links', then (for the dinar) the
    /// language's first that has such a currency.
    fn localise_currencies(&self, hosts: &[String], brand: Option<usize>, language: &str, folded: &str, entities: &mut Entities) {
        if !entities.amounts.iter().any(|a| a.shared_marker) {
            return;
        }
        let mut countries: Vec<&str> = Vec::new();
        if let Some(b) = brand.and_then(|i| self.cues.brands.get(i)) {
            countries.push(b.country.as_str());
        }
        countries.extend(entities.phones.iter().filter_map(|p| extract::numbering::region_of(p)));
        let evidence = country_evidence(hosts, entities, &self.cues, folded);
        countries.extend(evidence.iter().copied());
        let spoken = lexicon::language_regions(language);
        for a in entities.amounts.iter_mut().filter(|a| a.shared_marker) {
            let family = a.currency;
            // A dinar is read in the language's countries too; a dirham or a dollar only where
            // the message itself points.
            let mut candidates = countries.iter().copied().chain(spoken.iter().copied().filter(|_| family == "DINAR"));
            // The first country that writes its currency this way decides, the default's too.
            let local = candidates.find_map(|c| if family.get(..2) == Some(c) { Some(family) } else { extract::local_currency(family, c) });
            let code = match (family, local) {
                (_, Some(code)) => code,
                ("DINAR", None) => "DZD",
                _ => continue,
            };
            if code != a.currency {
                a.currency = code;
                a.normalised = match a.normalised.rsplit_once(' ') {
                    Some((value, _)) => format!("{value} {code}"),
                    None => a.normalised.clone(),
                };
            }
        }
    }

    /// Phones, read in the countries the message points to: its brand's, its links' and its
    /// currency's first, then its language's (see `prepare`).
    fn add_phones(&self, text: &str, folded: &str, hosts: &[String], brand: Option<usize>, language: &str, entities: &mut Entities) {
        let mut regions: Vec<&str> = Vec::with_capacity(8);
        // Only worth computing when a phone number can still be in the text: six digits left
        // after links, amounts and tracking numbers were masked.
        let phone_possible = folded.bytes().filter(u8::is_ascii_digit).count() >= 6;
        // A country the text names ("Airtel Uganda") comes first and is tried alone: a brand's
        // country is a guess for a company present in several ("Airtel").
        if phone_possible {
            regions.extend(countries_named(folded));
        }
        let strong = regions.len();
        if let Some(b) = brand.and_then(|i| self.cues.brands.get(i))
            && !b.country.is_empty()
            && !regions.contains(&b.country.as_str())
        {
            regions.push(b.country.as_str());
        }
        // Then the countries the links and amounts point to ("CHF", "post.ch"): a Swiss "079"
        // mobile in a German message is not a German number.
        let evidence = if phone_possible { country_evidence(hosts, entities, &self.cues, folded) } else { Vec::new() };
        // Albanian is written in Albania and in Kosovo; Kosovo pays in euros, Albania in lek. An
        // Albanian message with a euro amount or a Kosovo place name is read as Kosovo's first:
        // "049 330 214" is a Kosovo mobile there, a Tirana landline in Albania.
        let kosovo = language == "sq"
            && (entities.amounts.iter().any(|a| a.currency == "EUR") || KOSOVO_PLACES.iter().any(|w| has_phrase(folded, w)));
        let kosovo: &[&str] = if kosovo { &["XK"] } else { &[] };
        // A country the text names ("Airtel Uganda") is as strong as the brand's: tried alone
        // before the links' and currencies' countries.
        for &c in &evidence {
            if !regions.contains(&c) {
                regions.push(c);
            }
        }
        // The countries the message names (its brand, links, currency) are tried alone first:
        // a number valid there is theirs, even when a neighbour writes its numbers the way this
        // one is grouped ("0712 345 678" with KSh is Kenyan, not Tanzanian). Only when none of
        // them reads a number is the language's list (and Kosovo) tried.
        let named = regions.len();
        for c in kosovo.iter().copied().chain(lexicon::language_regions(language).iter().copied()) {
            if !regions.contains(&c) {
                regions.push(c);
            }
        }
        let mut tried = 0;
        for k in [strong, named] {
            if !phone_possible || k == 0 || k == tried || k >= regions.len() {
                continue;
            }
            tried = k;
            let mut trial = entities.clone();
            extract::add_phones(text, &regions[..k], &mut trial);
            if !trial.phones.is_empty() && trial.phones.iter().all(|p| p.starts_with('+')) {
                *entities = trial;
                return;
            }
        }
        extract::add_phones(text, &regions, entities);
    }
}

/// Kosovo, its capital and largest towns, folded, as Albanian messages write them.
const KOSOVO_PLACES: &[&str] = &[
    "kosove",
    "kosova",
    "kosoves",
    "prishtine",
    "prishtina",
    "prishtines",
    "prizren",
    "peje",
    "gjakove",
    "ferizaj",
    "mitrovice",
    "gjilan",
];

/// The product a message names when it does not name the organisation itself: "Colissimo :
/// votre colis..." is reported as Colissimo, "La Poste - Colissimo" as La Poste.
fn named_product(b: &BrandRef, folded: &str) -> Option<usize> {
    if b.products.is_empty() || has_phrase(folded, &fold(&b.name)) {
        return None;
    }
    b.products.iter().position(|(p, _)| has_phrase(folded, p))
}

/// True when `needle` occurs in `hay` between word boundaries.
fn has_phrase(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !crate::text::is_word_char(c));
    hay.match_indices(needle).any(|(at, _)| boundary(hay[..at].chars().next_back()) && boundary(hay[at + needle.len()..].chars().next()))
}

/// Countries a message points to, strongest first: the owners of official links, the
/// country codes in its links ("post.ch", "poste-it.info"), the currency of its amounts.
/// Used only to resolve a generic organisation word ("Poste", "Douane").
fn country_evidence<'a>(hosts: &'a [String], e: &Entities, cues: &'a Cues, folded: &str) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    out.extend(countries_named(folded));
    for h in hosts {
        if let Some(b) = cues.official_owner(h).and_then(|i| cues.brands.get(i))
            && !b.country.is_empty()
        {
            out.push(b.country.as_str());
        }
    }
    for h in hosts {
        let labels = h.split('.');
        for (k, t) in labels.rev().enumerate().flat_map(|(k, l)| l.split('-').map(move |t| (k, t))) {
            // The TLD, or a two-letter token of a label ("post-ch-verify").
            if (t.len() == 2 || k == 0 && t.starts_with("xn--"))
                && (k == 0 || h.contains('-'))
                && let Some(c) = country_code(t)
            {
                out.push(c);
            }
        }
    }
    // A national currency's ISO code starts with its country's code ("UGX" -> UG, "BYN" -> BY);
    // the euro and the X codes (CFA francs, East Caribbean dollar) name no one country. A
    // marker several countries share names them all ("درهم": the UAE and Morocco, "shilingi":
    // Kenya, Tanzania, Uganda), the default's first; one shared by many ("$") only its default.
    for a in &e.amounts {
        if a.currency == "EUR" || a.currency == "ANG" || a.currency.starts_with('X') || a.currency.len() != 3 {
            continue;
        }
        let Some(c) = a.currency.get(..2) else { continue };
        out.push(c);
        if a.shared_marker {
            let others = extract::local_countries(a.currency);
            if others.len() <= SHARED_COUNTRIES_AT_MOST {
                out.extend(others);
            }
        }
    }
    out
}

/// A shared currency marker names its other countries as evidence only when they are this few
/// (the dirham's one, the shilling's two, the riyal's three; not the dollar sign's twenty).
const SHARED_COUNTRIES_AT_MOST: usize = 3;

const COUNTRIES_TSV: &str = crate::lexicon::files::COUNTRIES_FILE.1;

/// The (country, folded name) lines of `data/countries.tsv`.
fn country_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    COUNTRIES_TSV
        .lines()
        .chain(crate::lexicon::files::DIALECTS_FILE.1.lines())
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// The countries whose names `folded` writes (`data/countries.tsv`), in the order they appear:
/// Han names anywhere (unspaced text), others as whole words.
fn countries_named(folded: &str) -> Vec<&'static str> {
    type Names = Option<(aho_corasick::AhoCorasick, Vec<(&'static str, &'static str)>)>;
    static NAMES: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
    let Some((ac, names)) = NAMES
        .get_or_init(|| {
            let names: Vec<(&str, &str)> = country_names().collect();
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(names.iter().map(|(_, n)| n))
                .ok()
                .map(|ac| (ac, names))
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let boundary = |c: Option<char>| c.is_none_or(|c| !crate::text::is_word_char(c));
    let mut out = Vec::new();
    for m in ac.find_iter(folded) {
        let Some(&(country, name)) = names.get(m.pattern().as_usize()) else { continue };
        let han = name.chars().next().is_some_and(|c| crate::text::script_of(c) == crate::text::Script::Unspaced);
        let whole = han || boundary(folded[..m.start()].chars().next_back()) && boundary(folded[m.end()..].chars().next());
        if whole && !out.contains(&country) {
            out.push(country);
        }
    }
    out
}

/// The upper-case ISO country for a two-letter host token the brand table knows as a
/// country ("uk" -> "GB").
fn country_code(t: &str) -> Option<&'static str> {
    const CODES: &[(&str, &str)] = &[
        ("uk", "GB"),
        ("gb", "GB"),
        ("fr", "FR"),
        ("es", "ES"),
        ("it", "IT"),
        ("pt", "PT"),
        ("br", "BR"),
        ("de", "DE"),
        ("at", "AT"),
        ("ch", "CH"),
        ("lu", "LU"),
        ("be", "BE"),
        ("al", "AL"),
        ("xk", "XK"),
        ("mk", "MK"),
        ("ie", "IE"),
        ("us", "US"),
        ("mx", "MX"),
        ("ar", "AR"),
        ("nl", "NL"),
        ("mc", "MC"),
        ("sm", "SM"),
        ("va", "VA"),
        ("ca", "CA"),
        ("hr", "HR"),
        ("si", "SI"),
        ("sk", "SK"),
        ("cz", "CZ"),
        ("hu", "HU"),
        ("ro", "RO"),
        ("rs", "RS"),
        ("ba", "BA"),
        ("md", "MD"),
        ("cl", "CL"),
        ("pe", "PE"),
        ("fi", "FI"),
        ("se", "SE"),
        ("dk", "DK"),
        ("eg", "EG"),
        ("sa", "SA"),
        ("ae", "AE"),
        ("ma", "MA"),
        ("jo", "JO"),
        ("kw", "KW"),
        ("qa", "QA"),
        ("om", "OM"),
        ("ru", "RU"),
        ("kz", "KZ"),
        ("by", "BY"),
        ("cn", "CN"),
        ("hk", "HK"),
        ("tw", "TW"),
        ("mo", "MO"),
        ("ke", "KE"),
        ("tz", "TZ"),
        ("ug", "UG"),
        ("tr", "TR"),
        // Internationalised country-code TLDs, as hosts are kept (Punycode): .рф, .中国, .مصر,
        // .السعودية, .امارات, .香港, .台灣, .қаз.
        ("xn--p1ai", "RU"),
        ("xn--fiqs8s", "CN"),
        ("xn--fiqz9s", "CN"),
        ("xn--wgbh1c", "EG"),
        ("xn--mgberp4a5d4ar", "SA"),
        ("xn--mgbaam7a8h", "AE"),
        ("xn--j6w193g", "HK"),
        ("xn--kprw13d", "TW"),
        ("xn--kpry57d", "TW"),
        ("xn--80ao21a", "KZ"),
    ];
    CODES.iter().find(|(k, _)| *k == t).map(|(_, c)| *c)
}

fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn small_amount(value: f64, currency: &str) -> bool {
    match currency {
        "ALL" => value <= 1500.0,
        "BRL" => value <= 60.0,
        // The sums parcel scams ask for: a few euros' worth in each currency.
        "EGP" | "TRY" => value <= 300.0,
        "SAR" | "AED" | "MAD" | "CNY" | "HKD" => value <= 60.0,
        "RUB" | "KES" => value <= 1000.0,
        "TWD" => value <= 300.0,
        "KZT" => value <= 5000.0,
        "TZS" => value <= 20000.0,
        _ => value <= 10.0,
    }
}

fn structural(
    e: &Entities,
    hosts: &[String],
    hits: &Hits,
    brand: Option<usize>,
    cues: &Cues,
    folded: &str,
    lv: &[(String, LinkVerdict)],
) -> Vec<S> {
    let mut s = Vec::with_capacity(16);
    let has_url = !hosts.is_empty();
    s.push(if has_url { S::HasUrl } else { S::NoUrl });
    let is_short = |h: &String| brands::lists::shorteners().contains(h);
    if hosts.iter().any(is_short) {
        s.push(S::Shortener);
    }
    if hosts.iter().any(|h| h.rsplit('.').next().is_some_and(|t| brands::lists::abuse_tlds().contains(t))) {
        s.push(S::RiskyTld);
    }
    if hosts.iter().any(|h| h.split('.').all(|p| p.parse::<u8>().is_ok())) {
        s.push(S::IpHost);
    }
    if hosts.iter().any(|h| h.split('.').next().is_some_and(|l| l.contains('-'))) {
        s.push(S::HyphenHost);
    }
    // A link on a registry brand's official domain or on a well-known legitimate site (a
    // government portal, a bank, a shop) is not the look-alike a scam needs.
    let owned_by_any = |h: &String| cues.official_or_known(h);
    if hosts.iter().any(|h| !owned_by_any(h) && cues.brand_in_host(h).is_some()) {
        s.push(S::BrandInHostNotOfficial);
    }
    if has_url && hosts.iter().all(owned_by_any) {
        s.push(S::OfficialLinkOnly);
    }
    if let Some(b) = brand.and_then(|i| cues.brands.get(i)) {
        s.push(S::BrandNamed);
        if has_url {
            if hosts.iter().all(|h| b.owns_host(h) || owned_by_any(h)) {
                s.push(S::BrandLinkOfficial);
            } else {
                s.push(S::BrandLinkMismatch);
            }
        }
    }
    // Payment nouns in a message that reports a completed transaction ("payment of 45.90 EUR
    // with your card ending 1234") describe money spent; only a verb asking to pay keeps the
    // request reading there.
    let report = hits.payment_reports > 0;
    let payment = hits.payment > 0 && (!report || hits.pay_verbs > 0);
    if report {
        s.push(S::PaymentReport);
    }
    if payment {
        s.push(S::PaymentRequest);
        if has_url {
            s.push(S::PaymentAndLink);
        }
    }
    if !e.amounts.is_empty() {
        s.push(S::Amount);
        if e.amounts.iter().any(|a| small_amount(a.value, a.currency)) {
            s.push(S::SmallAmount);
        }
    }
    if hits.urgency > 0 {
        s.push(S::Urgency);
        if has_url {
            s.push(S::UrgencyAndLink);
        }
    }
    if !e.phones.is_empty() {
        s.push(S::Phone);
        if lexicon::asks_to_call(folded) {
            s.push(S::CallbackNumber);
            // Couriers give their number too; asking for money on the phone is the scam.
            if payment || (!report && !e.amounts.is_empty()) {
                s.push(S::CallbackAndPayment);
            }
        }
    }
    if !e.tracking_numbers.is_empty() {
        s.push(S::Tracking);
    }
    if e.codes > 0 {
        s.push(S::Code);
    }
    if !e.emails.is_empty() {
        s.push(S::Email);
    }
    if hits.lures.iter().any(|&n| n > 0) {
        s.push(S::LureCue);
        if has_url {
            s.push(S::LureAndLink);
        }
    }
    if lv.iter().any(|(_, v)| matches!(v, LinkVerdict::Malicious(_))) {
        s.push(S::LinkMalicious);
    }
    if lv.iter().any(|(_, v)| matches!(v, LinkVerdict::Suspicious(_))) {
        s.push(S::LinkSuspicious);
    }
    s
}

/// Surface cues of bulk premium-rate spam: short codes, per-message prices, shouting, length.
/// `toks` are the words of the folded, masked text.
fn shape_features(text: &str, toks: &[&str], s: &mut Vec<S>) {
    let send = ["text", "txt", "send", "reply", "call", "sms", "to"];
    if toks.windows(2).any(|w| send.contains(&w[0]) && w[1].len() == 5 && w[1].bytes().all(|b| b.is_ascii_digit())) {
        s.push(S::ShortCode);
    }
    if toks.iter().any(|t| {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        (digits > 0 && matches!(&t[digits..], "p" | "ppm" | "pmin" | "ppmsg" | "pmsg" | "ptxt")) || matches!(*t, "ppm" | "pmsg")
    }) {
        s.push(S::PremiumRate);
    }
    let (mut upper, mut letters, mut chars) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if crate::text::is_alphabetic(c) {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    // Length is a classic spam signal in SMS: bulk offers fill the 160-character message,
    // chat is short. One-hot buckets; chosen by cross-validation on the training data.
    s.push(match chars {
        0..30 => S::Len0,
        30..60 => S::Len1,
        60..100 => S::Len2,
        100..140 => S::Len3,
        140..170 => S::Len4,
        _ => S::Len5,
    });
    if letters >= 20 && upper * 10 >= letters * 4 {
        s.push(S::ManyCaps);
    }
    if text.matches('!').count() >= 2 {
        s.push(S::Exclaim);
    }
}

/// The lure, following data/messages/LURES.md. The four parcel lures are one family: their
/// evidence is pooled and the member is chosen by the taxonomy's rules (customs named ->
/// `customs_fee`; a missed delivery with a fee -> `redelivery_fee`, without -> `failed_delivery`;
/// otherwise `package_held`). The family then competes with the other lures on cue hits; ties go
/// to the earlier lure in [`Lure::ALL`]; no cue at all -> `other`. `amount` says the message names
/// a sum of money: "new delivery for 1,99 EUR" asks for a fee even without a payment verb.
fn choose_lure(h: &Hits, amount: bool) -> Lure {
    let c = &h.lures;
    let fee = h.payment > 0 || amount;
    let at = |l: Lure| c[l as usize];
    let (cf, rf, fd, ph) = (at(Lure::CustomsFee), at(Lure::RedeliveryFee), at(Lure::FailedDelivery), at(Lure::PackageHeld));
    // Reschedule words and missed-delivery phrases; the fee nouns counted in `rf` are not.
    let missed = rf.saturating_sub(h.delivery_fees).saturating_add(fd);
    let member = if cf > 0 {
        Some(Lure::CustomsFee)
    } else if missed > 0 && fee {
        Some(Lure::RedeliveryFee)
    } else if missed > 0 {
        // Rescheduling without any fee is a failed delivery: a fee lure needs a fee.
        Some(Lure::FailedDelivery)
    } else if ph > 0 || h.delivery_fees > 0 {
        // Unpaid postage or a storage balance, no missed delivery named.
        Some(Lure::PackageHeld)
    } else {
        None
    };
    let family_strength = cf.max(missed).max(ph).max(rf);
    let mut best = (Lure::Other, 0u8);
    for l in Lure::ALL {
        let n = match l {
            Lure::CustomsFee | Lure::RedeliveryFee | Lure::FailedDelivery | Lure::PackageHeld => {
                if member == Some(l) {
                    family_strength
                } else {
                    0
                }
            }
            _ => c[l as usize],
        };
        if n > best.1 {
            best = (l, n);
        }
    }
    // A tax authority promising money back is a refund lure (LURES.md rule 3): the named
    // authority weighs toward `tax`, the promise decides.
    if best.0 == Lure::Tax && at(Lure::Refund) > 0 {
        return Lure::Refund;
    }
    best.0
}

fn reasons(p: &Prepared, score: f32, cues: &Cues) -> Vec<Reason> {
    let mut r = Vec::new();
    let brand = p.brand.and_then(|i| cues.brands.get(i));
    for (url, v) in &p.link_verdicts {
        let (code, why) = match v {
            LinkVerdict::Malicious(why) => ("malicious_link", why),
            LinkVerdict::Suspicious(why) => ("suspicious_link", why),
            LinkVerdict::Benign => continue,
        };
        let mut args = Args(vec![("url", url.clone()), ("link_reason", why.code.to_string())]);
        if let Some(b) = &why.brand {
            args.push("brand", b.clone());
            args.push("form", "brand");
        }
        if let Some(s) = &why.source {
            args.push("source", s.clone());
        }
        r.push(Reason { code, detail: String::new(), args });
    }
    for f in &p.structural {
        let code = match f {
            S::BrandLinkMismatch => "brand_link_mismatch",
            S::BrandInHostNotOfficial => "brand_in_lookalike_host",
            S::Shortener => "url_shortener",
            S::RiskyTld => "risky_tld",
            S::IpHost => "ip_link",
            S::PaymentRequest => "payment_request",
            S::PaymentReport => "payment_report",
            S::SmallAmount => "small_amount",
            S::Urgency => "urgency",
            S::CallbackNumber => "callback_number",
            S::BrandLinkOfficial => "official_link",
            _ => continue,
        };
        let mut args = Args::default();
        if let (S::BrandLinkMismatch, Some(b)) = (f, brand) {
            args.push("brand", b.name.clone());
            args.push("form", "brand");
        }
        r.push(Reason { code, detail: String::new(), args });
    }
    r.push(Reason { code: "model_score", detail: String::new(), args: Args(vec![("score", format!("{score:.3}"))]) });
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_length_bucket_per_message() {
        let bucket = |text: &str| {
            let mut s = Vec::new();
            shape_features(text, &words(&fold(text)).collect::<Vec<_>>(), &mut s);
            let lens: Vec<S> = s.into_iter().filter(|f| matches!(f, S::Len0 | S::Len1 | S::Len2 | S::Len3 | S::Len4 | S::Len5)).collect();
            assert_eq!(lens.len(), 1, "{text:?}");
            lens[0]
        };
        assert_eq!(bucket(""), S::Len0);
        assert_eq!(bucket("ok see you at 8"), S::Len0);
        // Characters, not bytes: 40 accented letters are bucket 1 although they are 80 bytes.
        assert_eq!(bucket(&"é".repeat(40)), S::Len1);
        assert_eq!(bucket(&"a".repeat(99)), S::Len2);
        assert_eq!(bucket(&"a".repeat(100)), S::Len3);
        assert_eq!(bucket(&"a".repeat(160)), S::Len4);
        assert_eq!(bucket(&"a".repeat(170)), S::Len5);
    }

    #[test]
    fn lure_tie_break_and_default() {
        let mut h = Hits::default();
        assert_eq!(choose_lure(&h, false), Lure::Other);
        h.lures[Lure::FailedDelivery as usize] = 1;
        h.lures[Lure::RedeliveryFee as usize] = 1;
        // Without a payment cue, rescheduling is a failed delivery.
        assert_eq!(choose_lure(&h, false), Lure::FailedDelivery);
        h.payment = 1;
        assert_eq!(choose_lure(&h, false), Lure::RedeliveryFee);
        h.lures[Lure::FailedDelivery as usize] = 4;
        assert_eq!(choose_lure(&h, false), Lure::RedeliveryFee, "a failed delivery with a fee");
        h.lures[Lure::PackageHeld as usize] = 9;
        assert_eq!(choose_lure(&h, false), Lure::RedeliveryFee, "a held parcel after a missed delivery, with a fee");
        h.lures[Lure::Prize as usize] = 10;
        assert_eq!(choose_lure(&h, false), Lure::Prize, "another lure with more evidence than the parcel family");
    }

    #[test]
    fn customs_named_makes_the_parcel_family_a_customs_fee() {
        let mut h = Hits::default();
        h.lures[Lure::CustomsFee as usize] = 2;
        h.lures[Lure::FailedDelivery as usize] = 2;
        h.lures[Lure::RedeliveryFee as usize] = 2;
        h.lures[Lure::PackageHeld as usize] = 2;
        assert_eq!(choose_lure(&h, true), Lure::CustomsFee);
        h.lures[Lure::CustomsFee as usize] = 0;
        assert_eq!(choose_lure(&h, true), Lure::RedeliveryFee);
        assert_eq!(choose_lure(&h, false), Lure::FailedDelivery);
        h.lures[Lure::FailedDelivery as usize] = 0;
        h.lures[Lure::RedeliveryFee as usize] = 0;
        assert_eq!(choose_lure(&h, true), Lure::PackageHeld, "storage fee, no missed delivery");
    }

    #[test]
    fn an_amount_makes_a_missed_delivery_a_fee_lure() {
        let mut h = Hits::default();
        h.lures[Lure::FailedDelivery as usize] = 2;
        assert_eq!(choose_lure(&h, false), Lure::FailedDelivery);
        assert_eq!(choose_lure(&h, true), Lure::RedeliveryFee, "new delivery for 1,99 EUR");
    }

    #[test]
    fn a_product_is_reported_when_the_operator_is_not_named() {
        let b = BrandRef {
            name: "La Poste".into(),
            aliases: vec!["la poste".into(), "colissimo".into()],
            domains: vec!["laposte.fr".into()],
            country: "FR".into(),
            kind: lexicon::BrandKind::Postal,
            words: Vec::new(),
            products: vec![("colissimo".into(), "Colissimo".into()), ("chronopost".into(), "Chronopost".into())],
        };
        assert_eq!(named_product(&b, "colissimo : votre colis est en attente"), Some(0));
        assert_eq!(named_product(&b, "la poste - colissimo : votre colis"), None);
        assert_eq!(named_product(&b, "suivi chronopost.fr"), Some(1));
        assert_eq!(named_product(&b, "xcolissimox"), None, "word boundaries");
        assert!(has_phrase("a b", "b") && !has_phrase("ab", "b") && !has_phrase("", "b") && !has_phrase("b", ""));
    }

    #[test]
    fn a_pending_refund_is_a_refund() {
        let mut h = Hits::default();
        h.lures[Lure::Refund as usize] = 2;
        h.lures[Lure::PackageHeld as usize] = 2;
        assert_eq!(choose_lure(&h, true), Lure::Refund);
    }

    #[test]
    fn a_tax_authority_promising_money_back_is_a_refund_and_one_claiming_tax_owed_is_tax() {
        let mut h = Hits::default();
        h.lures[Lure::Tax as usize] = 5;
        assert_eq!(choose_lure(&h, true), Lure::Tax, "unpaid tax");
        h.lures[Lure::Refund as usize] = 3;
        assert_eq!(choose_lure(&h, true), Lure::Refund, "a tax refund");
        let a = Analyzer::builtin().expect("model");
        let lure = |t: &str| a.analyze(t).lure;
        assert_eq!(lure("HMRC: You are due a tax refund of £264.50. Claim it at hmrc-refund-claim.co.uk"), Some(Lure::Refund));
        assert_eq!(
            lure("Finanzamt: Sie haben Anspruch auf eine Steuererstattung von 428,10 €. Antrag: elster-erstattung.de"),
            Some(Lure::Refund)
        );
        assert_eq!(lure("HMRC: You have an outstanding tax bill of £120. Pay now to avoid a penalty: hmrc-payments.uk"), Some(Lure::Tax));
    }

    #[test]
    fn albanian_messages_pointing_to_kosovo_read_numbers_as_kosovo_numbers() {
        let a = Analyzer::builtin().expect("model");
        let phones = |t: &str| a.analyze(t).phones;
        assert_eq!(phones("Pakoja juaj ka nje detyrim prej 1,50 EUR. Na telefononi ne 049 330 214 per informata."), ["+38349330214"]);
        assert_eq!(phones("Jam Arta nga klinika dentare ne Peje. Na telefononi ne 049 330 214."), ["+38349330214"]);
        assert_eq!(phones("Pakoja juaj ka nje detyrim prej 150 Leke. Na telefononi ne 069 123 4567."), ["+355691234567"]);
    }

    #[test]
    fn numbers_belong_to_the_country_the_message_names() {
        let a = Analyzer::builtin().expect("model");
        let phones = |t: &str| a.analyze(t).phones;
        // The issue's case: an Egyptian mobile in an Arabic Egypt Post scam, not an Irish one.
        assert_eq!(phones("البريد المصري: طردك محتجز لدى الجمارك. ادفع ٣٥ جنيه أو اتصل على 01012345678"), ["+201012345678"]);
        assert_eq!(phones("Posta Kenya: kifurushi chako kimezuiliwa. Lipa KSh 150 au tupigie 0712 345 678"), ["+254712345678"]);
        assert_eq!(phones("Posta Tanzania: mzigo wako umezuiliwa. Lipa TSh 3,000 au tupigie 0754 321 987"), ["+255754321987"]);
        assert_eq!(phones("مصرف الراجحي: تم تجميد بطاقتك. اتصل بنا على 0551234567"), ["+966551234567"]);
        assert_eq!(phones("بريد الإمارات: ادفع 12 درهم أو اتصل على 0551234567"), ["+971551234567"]);
        assert_eq!(phones("Почта России: оплатите 299 руб. Позвоните 8 (916) 123-45-67"), ["+79161234567"]);
        assert_eq!(phones("【顺丰速运】理赔请联系专员13812345678"), ["+8613812345678"]);
        assert_eq!(phones("香港郵政：請即致電 5123 4567 或繳付HK$18"), ["+85251234567"]);
        // Any national currency's code names its country ("UGX" and "USh": Uganda)...
        assert_eq!(phones("Kifurushi chako kiko ghalani. Lipa USh 15,000 au piga 0772 604 318"), ["+256772604318"]);
        // ...but a currency word several countries share names none: "shilingi" is said in
        // Kenya, Tanzania and Uganda, and "0657 310 482" is grouped as Tanzania prints it.
        assert_eq!(phones("Nimekosea nimetuma shilingi 50,000 kwenye namba yako, nirudishie kwa 0657 310 482"), ["+255657310482"]);
    }

    #[test]
    fn dialects_localise_currencies_and_common_words_name_brands_only_with_evidence() {
        let a = Analyzer::builtin().expect("model");
        // Darija pays in Moroccan dirhams, Cantonese in Hong Kong dollars; 元 in Taiwan is TWD.
        assert_eq!(a.analyze("صيفطت ليك 300 درهم فكاش بلوس، شوف واش وصلاتك").amounts, ["300 MAD"]);
        assert_eq!(a.analyze("頭先食飯我俾咗$300，你轉返$150俾我").amounts, ["300 HKD", "150 HKD"]);
        assert_eq!(a.analyze("我在超商取貨，貨到付款280元").amounts, ["280 TWD"]);
        assert_eq!(a.analyze("您的快递费用15元已支付").amounts, ["15 CNY"]);
        // A brand whose common name is an everyday word ("Posta", "TRA") is named through its
        // country, never by the word alone.
        let posta = a.analyze("POSTA: Kifurushi chako kimezuiliwa. Lipa TSh 9,000 leo");
        assert_eq!(posta.brand.as_deref(), Some("Tanzania Posts Corporation"));
        assert_eq!(a.analyze("TRA: Una deni la kodi la TSh 120,000. Lipa leo").brand.as_deref(), Some("TRA"));
        assert_eq!(a.analyze("Il pacco arriva tra 2 giorni, paga 1,99 EUR").brand, None);
    }

    #[test]
    fn country_names_are_folded_two_letter_codes_and_found_as_words() {
        for (country, name) in country_names() {
            assert!(country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()), "countries.tsv: {country}");
            assert_eq!(fold(name), name, "countries.tsv: {name} is not folded");
        }
        assert_eq!(countries_named(&fold("Airtel Uganda: Hongera! Piga 0752 813 460")), ["UG"]);
        assert_eq!(countries_named(&fold("بريد مصر: ادفع الآن")), ["EG"]);
        assert!(countries_named(&fold("مصرف الراجحي: تم تجميد بطاقتك")).is_empty(), "a bank is not Egypt");
        assert_eq!(countries_named("您的新加坡包裹"), ["SG"]);
        // Words of one country's dialect count as its name (data/dialects.tsv).
        assert_eq!(countries_named(&fold("صيفطت ليك 300 درهم")), ["MA"]);
        assert_eq!(countries_named("琴晚食飯我俾咗$400"), ["HK"]);
        assert!(countries_named(&fold("واشنطن")).is_empty(), "a word inside another is not a dialect word");
        let a = Analyzer::builtin().expect("model");
        assert_eq!(a.analyze("Airtel Uganda: Hongera umeshinda shilingi 1,000,000. Piga 0752 813 460").phones, ["+256752813460"]);
    }

    #[test]
    fn cut_respects_char_boundaries() {
        assert_eq!(cut("ééé", 3), "é");
        assert_eq!(cut("abc", 10), "abc");
    }
}
