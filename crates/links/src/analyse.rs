//! The offline analyser: brand-impersonation techniques and the other signals of one parsed
//! link, combined into a score. Every table is precomputed in [`Analyzer::new`] so that one
//! verdict costs a few hash lookups and two Aho-Corasick scans, never a loop over brands.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use brands::BrandRegistry;
use brands::lists::NameSet;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::fold::{self, Edit};
use crate::parse::{HostKind, ParsedUrl};
use crate::words;
use std::fmt::Display;

use crate::{Args, Level, Reason, Verdict, VerdictBrand};

/// Points and thresholds. A verdict is malicious only at >= 70 with two independent signals
/// (or one strong one), suspicious at >= 40.
const MALICIOUS_AT: u32 = 70;
const SUSPICIOUS_AT: u32 = 40;

/// Signals that all say "this talks about parcels and payments"; together they count at most
/// [`LURE_CAP`] points, so a parcel-tracking service is not flagged for being one.
const LURE_FAMILY: &[&str] = &["lure_domain", "lure_path", "tracking_bait"];
const LURE_CAP: u32 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum TokenClass {
    /// Generic local word (poste, correos): only as a word of its own, weak evidence.
    Weak,
    /// Short or ambiguous brand name (dhl, ups, hermes): only as a word of its own.
    Short,
    /// Long distinctive brand name (laposte, royalmail): counts even inside another word.
    Distinct,
}

#[derive(Debug)]
struct Token {
    text: Box<str>,
    brands: Vec<u16>,
    class: TokenClass,
}

#[derive(Debug)]
struct BrandInfo {
    /// A post or courier (their short names are rarely anything else).
    carrier: bool,
    id: String,
    name: String,
    domain: String,
    /// "La Poste (laposte.fr)": how reasons name the brand, formatted once here.
    target: String,
    /// Lower-case ISO country code, empty for global brands.
    country: Box<str>,
    /// The registry is unsure of its domains (or lists none).
    unsure: bool,
}

/// What [`Analyzer::assess`] returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assessment {
    pub level: Level,
    pub score: u8,
    /// Code of the strongest reason (one of [`crate::REASON_CODES`]).
    pub top_code: Option<&'static str>,
    /// Name of the impersonated (or official) brand.
    pub brand: Option<String>,
}

/// Precomputed tables over a brand registry.
#[derive(Debug)]
pub struct Analyzer {
    brands: Vec<BrandInfo>,
    official: HashMap<Box<str>, u16>,
    tokens: Vec<Token>,
    /// Token text -> index in `tokens`.
    token_ids: HashMap<Box<str>, usize>,
    token_ac: AhoCorasick,
    /// Longest typo-squatting target, to skip labels that cannot be one edit from any.
    typo_max_len: usize,
    lure_ac: AhoCorasick,
    lure_words: Vec<&'static str>,
    path_ac: AhoCorasick,
    path_words: Vec<&'static str>,
    seg: HashSet<&'static str>,
    /// The same words as `seg`, for one-pass segmentation.
    seg_ac: AhoCorasick,
    /// Symmetric-deletion index: [`fold_hash`] of every target and of each of its one-letter
    /// deletions -> targets. Hash collisions are harmless: every candidate is confirmed by
    /// [`fold::classify_edit`].
    typo_index: HashMap<u64, Vec<u32>>,
    typo_targets: Vec<(Box<str>, u16)>,
    abuse_tlds: &'static NameSet,
    shorteners: &'static NameSet,
    free_hosting: &'static NameSet,
    tld_words: HashSet<&'static str>,
    english: HashSet<&'static str>,
    /// Well-known legitimate sites (`brands::KnownSites`): named in the answer.
    known: brands::KnownSites,
    /// Their domains -> index in `known.sites()`, in the analyser's fast hash map.
    known_index: HashMap<Box<str>, u32>,
    /// Generic TLDs ordinary sites use (`words::COMMON_GTLDS`).
    common_gtlds: HashSet<&'static str>,
    /// Path segments of news and blog sections (`words::ARTICLE_SECTIONS`).
    article_sections: HashSet<&'static str>,
    /// Lower-case ccTLD -> folded names (short names, words, official labels) of that country's
    /// designated postal operators: a postal name under its own operator's ccTLD is no TLD swap.
    post_names: HashMap<Box<str>, PostNames>,
}

/// The names a country's designated postal operators are known by: their own names (short names,
/// official labels) and the generic postal words of their language (`poste`, `correos`).
type PostNames = (Vec<Box<str>>, Vec<Box<str>>);

/// Lower-case English words (SCOWL via Debian wamerican, see data/README.md).
const ENGLISH_WORDS: &str = include_str!("../data/english-words.txt");

/// One signal found in a link, before it becomes a [`Reason`].
#[derive(Debug, Clone)]
struct Signal {
    code: &'static str,
    points: u32,
    args: Args,
    brand: Option<u16>,
    technique: Option<&'static str>,
    strong: bool,
}

impl Analyzer {
    /// The display name and main official domain (empty when the registry has none) of the
    /// brand with registry id `id`.
    pub fn brand(&self, id: &str) -> Option<(&str, &str)> {
        self.brands.iter().find(|b| b.id == id).map(|b| (b.name.as_str(), b.domain.as_str()))
    }

    /// Builds the tables. Cost is a few milliseconds for the full registry.
    pub fn new(registry: &BrandRegistry) -> Analyzer {
        let mut brands = Vec::new();
        let mut official = HashMap::default();
        let mut token_map: HashMap<String, (Vec<u16>, TokenClass)> = HashMap::default();
        let ambiguous: HashSet<&str> = words::AMBIGUOUS.iter().copied().collect();
        let generic: HashSet<&str> = words::GENERIC_LABELS.iter().copied().collect();
        let mut typo_src: Vec<(String, u16)> = Vec::new();
        let mut post_names: HashMap<Box<str>, PostNames> = HashMap::default();
        for b in registry.brands().iter().take(usize::from(u16::MAX)) {
            let idx = brands.len() as u16;
            let domain = b.primary_domain().unwrap_or_default().to_string();
            brands.push(BrandInfo {
                carrier: matches!(b.kind, brands::BrandKind::Post | brands::BrandKind::Courier),
                id: b.id.clone(),
                name: b.name.clone(),
                target: if domain.is_empty() { b.name.clone() } else { format!("{} ({domain})", b.name) },
                domain,
                country: b.country.as_deref().unwrap_or_default().to_ascii_lowercase().into_boxed_str(),
                unsure: b.uncertain || b.domains.is_empty(),
            });
            if b.kind == brands::BrandKind::Post
                && let Some(cc) = &b.country
            {
                let names = post_names.entry(cc.to_ascii_lowercase().into_boxed_str()).or_default();
                let labels = b.domains.iter().map(|d| d.split('.').next().unwrap_or_default().replace('-', ""));
                for n in b.short_names.iter().map(|s| ascii_fold(s)).chain(labels) {
                    if n.len() >= 5 && !generic.contains(n.as_str()) && !names.0.iter().any(|x| **x == *n) {
                        names.0.push(n.into_boxed_str());
                    }
                }
                for w in b.words.iter().map(|s| ascii_fold(s)) {
                    if w.len() >= 5 && !names.1.iter().any(|x| **x == *w) {
                        names.1.push(w.into_boxed_str());
                    }
                }
            }
            for d in &b.domains {
                official.entry(d.clone().into_boxed_str()).or_insert(idx);
            }
            let mut add = |text: String, class: TokenClass| {
                if text.len() < 3 || !text.is_ascii() && text.chars().count() < 3 {
                    return;
                }
                let e = token_map.entry(text).or_insert((Vec::new(), class));
                if !e.0.contains(&idx) {
                    e.0.push(idx);
                }
                e.1 = e.1.max(class);
            };
            for s in &b.short_names {
                let s = ascii_fold(s);
                let class = if s.len() >= 7 && !ambiguous.contains(s.as_str()) { TokenClass::Distinct } else { TokenClass::Short };
                let carrier = matches!(b.kind, brands::BrandKind::Post | brands::BrandKind::Courier);
                if (s.len() >= 4 || carrier && s.len() == 3 && s.bytes().all(|c| c.is_ascii_lowercase())) && !ambiguous.contains(s.as_str())
                {
                    typo_src.push((s.clone(), idx));
                }
                add(s, class);
            }
            for w in &b.words {
                let w = ascii_fold(w);
                if w.len() >= 4 {
                    add(w, TokenClass::Weak);
                }
            }
            for d in &b.domains {
                let (reg, suffix, _, _) = crate::parse::registrable_of(d);
                if reg != *d {
                    continue;
                }
                let label: String = d[..d.len().saturating_sub(suffix.len() + 1)].chars().filter(|&c| c != '-').collect();
                // Short official labels and the brand's own generic words (zoll.de) stay weak.
                if label.len() < 5 || generic.contains(label.as_str()) || b.words.contains(&label) {
                    continue;
                }
                if label.len() >= 6 && !ambiguous.contains(label.as_str()) && !b.uncertain {
                    typo_src.push((label.clone(), idx));
                }
                // An unconfirmed domain's name (elcorreo.gob.gt) is no strong brand token.
                add(label, if b.uncertain { TokenClass::Weak } else { TokenClass::Short });
            }
        }
        // A weak word that is also some brand's name stays weak only if no brand claims it.
        let mut tokens: Vec<Token> =
            token_map.into_iter().map(|(text, (brands, class))| Token { text: text.into_boxed_str(), brands, class }).collect();
        tokens.sort_by(|a, b| a.text.cmp(&b.text));
        let token_ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(tokens.iter().map(|t| t.text.as_bytes()))
            .unwrap_or_else(|_| empty_ac());

        let mut typo_targets: Vec<(Box<str>, u16)> = Vec::new();
        let mut seen = HashSet::default();
        for (t, b) in typo_src {
            if seen.insert(t.clone()) {
                typo_targets.push((t.into_boxed_str(), b));
            }
        }
        let typo_max_len = typo_targets.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
        let mut typo_index: HashMap<u64, Vec<u32>> = HashMap::default();
        for (i, (t, _)) in typo_targets.iter().enumerate() {
            let i = i as u32;
            let mut push = |k: String| {
                let e = typo_index.entry(fold_hash(k.as_bytes())).or_default();
                if !e.contains(&i) {
                    e.push(i);
                }
            };
            push(t.to_string());
            for del in deletions(t) {
                push(del);
            }
        }

        let lure_words: Vec<&'static str> = words::LURES.to_vec();
        let lure_ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&lure_words)
            .unwrap_or_else(|_| empty_ac());
        let mut path_words: Vec<&'static str> = words::PATH_LURES.to_vec();
        path_words.extend(words::LURES.iter().filter(|w| w.len() >= 5));
        path_words.sort_unstable();
        path_words.dedup();
        let path_ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&path_words)
            .unwrap_or_else(|_| empty_ac());
        let seg: HashSet<&'static str> = words::LURES.iter().chain(words::FILLERS.iter()).copied().collect();
        let seg_ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(seg.iter().copied())
            .unwrap_or_else(|_| empty_ac());
        let token_ids = tokens.iter().enumerate().map(|(i, t)| (t.text.clone(), i)).collect();
        let known = brands::KnownSites::builtin();
        Analyzer {
            brands,
            official,
            token_ids,
            tokens,
            token_ac,
            typo_max_len,
            lure_ac,
            lure_words,
            path_ac,
            path_words,
            seg,
            seg_ac,
            typo_index,
            typo_targets,
            abuse_tlds: brands::lists::abuse_tlds(),
            shorteners: brands::lists::shorteners(),
            free_hosting: brands::lists::free_hosting(),
            tld_words: words::TLD_WORDS.iter().copied().collect(),
            english: ENGLISH_WORDS.lines().collect(),
            article_sections: words::ARTICLE_SECTIONS.iter().copied().collect(),
            common_gtlds: words::COMMON_GTLDS.iter().copied().collect(),
            known_index: known.sites().iter().enumerate().map(|(i, k)| (k.domain.clone().into_boxed_str(), i as u32)).collect(),
            known,
            post_names,
        }
    }

    /// The brand whose official domain `host` is or is under, if any.
    pub fn official_brand(&self, host: &str) -> Option<u16> {
        let mut rest = host;
        loop {
            if let Some(&b) = self.official.get(rest) {
                return Some(b);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    /// Analyses one input offline (no blocklist): parse, then score.
    pub fn analyse(&self, input: &str) -> Result<Verdict, crate::LinkError> {
        let parsed = crate::parse::parse(input)?;
        Ok(self.verdict_for(input, parsed, Vec::new(), true))
    }

    /// Judges a bare domain name (`laposte-colis.top`), as the brand monitor sees names in a
    /// feed of registrations: the same rules as a link to the name's root, without a path.
    pub fn analyse_domain(&self, name: &str) -> Result<Verdict, crate::LinkError> {
        let name = name.trim().trim_end_matches('.');
        let parsed = crate::parse::parse(&format!("https://{name}/"))?;
        Ok(self.verdict_for(name, parsed, Vec::new(), true))
    }

    /// Whether [`Analyzer::analyse_domain`] could name a brand for `host` (a lower-case ASCII
    /// name, as IDNA gives it): the brand monitor's pre-filter, so that the millions of names
    /// without anything brand-like cost one automaton scan and a few hash lookups per label.
    /// It runs the same tables as the brand techniques, on every label, and only answers `false`
    /// when none of them can fire; an IDN goes to the full analysis.
    pub fn may_name_brand(&self, host: &str) -> bool {
        if !host.is_ascii() || host.contains("xn--") || self.official_brand_in(host).is_some() {
            return true;
        }
        // The last label is always part of the public suffix, which no brand technique reads.
        let body = host.rsplit_once('.').map_or(host, |(b, _)| b);
        let mut start = 0;
        for label in body.split('.') {
            let end = start + label.len();
            if self.label_may_name_brand(label) {
                return true;
            }
            // brand.com-xxxx.tld: an official domain that runs into a label across a hyphen.
            if start > 0
                && let Some(dash) = label.find('-')
                && self.official_brand_in(&host[..start + dash]).is_some()
            {
                return true;
            }
            start = end + 1;
        }
        false
    }

    /// One label of [`Analyzer::may_name_brand`]: a brand token anywhere in it (hyphens removed),
    /// a typo of a brand name in it or one of its hyphenated words, or a token once look-alike
    /// characters are read back.
    fn label_may_name_brand(&self, label: &str) -> bool {
        if label.len() < 3 {
            return false;
        }
        let mut buf = [0u8; 64];
        let mut n = 0;
        for &c in label.as_bytes().iter().filter(|&&c| c != b'-') {
            if n == buf.len() {
                // Longer than any DNS label: the full analysis decides.
                return true;
            }
            buf[n] = c;
            n += 1;
        }
        let Ok(joined) = std::str::from_utf8(&buf[..n]) else { return true };
        if self.token_ac.is_match(joined) || self.typo_brand(joined, &[]).is_some() {
            return true;
        }
        if label.contains('-') && label.split('-').any(|piece| piece.len() >= 3 && self.typo_brand(piece, &[]).is_some()) {
            return true;
        }
        fold::homoglyph_variants(joined).iter().any(|v| self.token_ac.is_match(v.as_str()))
    }

    /// The decision only: level, score, the strongest reason's code and the brand, without
    /// writing a sentence per signal. For callers that judge many links and show at most a
    /// summary (the message classifier checks every URL it extracts); same verdict as
    /// [`Analyzer::analyse`].
    pub fn assess(&self, input: &str) -> Result<Assessment, crate::LinkError> {
        let parsed = crate::parse::parse(input)?;
        let v = self.verdict_for(input, parsed, Vec::new(), false);
        Ok(Assessment { level: v.verdict, score: v.score, top_code: v.reasons.first().map(|r| r.code), brand: v.brand.map(|b| b.name) })
    }

    /// Scores a parsed link; `extra` carries blocklist reasons found by the caller.
    /// `explain: false` leaves the reasons' sentences empty (see [`Analyzer::assess`]).
    pub(crate) fn verdict_for(&self, input: &str, p: ParsedUrl, extra: Vec<Reason>, explain: bool) -> Verdict {
        if let Some(host) = p.domain() {
            let official = self.official_match(host);
            // Blocklist hits are reported even on a known site (a compromised page).
            let known = if extra.is_empty() { self.known_site(host) } else { None };
            // The more specific entry names the site; a government-only suffix (gov.uk) that an
            // agency also lists names the government, not that agency.
            let known_wins = match (official, known) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some((len, _)), Some(k)) => k.domain.len() > len || (k.domain.len() == len && is_public_suffix(&k.domain)),
            };
            if known_wins && let Some(k) = known {
                return self.known_site_verdict(input, p, k);
            }
            if let Some((_, b)) = official {
                return self.official_verdict(input, p, b);
            }
        }
        let signals = self.signals(&p, explain);
        self.combine(input, p.url.into(), signals, extra)
    }

    fn official_verdict(&self, input: &str, p: ParsedUrl, b: u16) -> Verdict {
        let info = &self.brands[usize::from(b)];
        let reason = Reason {
            code: "official_domain",
            message: String::new(),
            args: Args(vec![("domain", p.registrable().to_string()), ("brand", info.name.clone())]),
            points: 0,
            brand: Some(info.id.clone()),
            technique: None,
            indicator_id: None,
        };
        Verdict {
            input: input.to_string(),
            url: p.url.into(),
            verdict: Level::Benign,
            score: 0,
            brand: Some(self.brand_ref(b)),
            site: Some(info.name.clone()),
            reasons: vec![reason],
        }
    }

    /// A well-known legitimate site: benign, and the answer says whose site it is.
    fn known_site_verdict(&self, input: &str, p: ParsedUrl, k: &brands::KnownSite) -> Verdict {
        let reason = Reason {
            code: "known_site",
            message: String::new(),
            args: Args(vec![("domain", k.domain.clone()), ("organisation", k.organisation.clone())]),
            points: 0,
            brand: None,
            technique: None,
            indicator_id: None,
        };
        Verdict {
            input: input.to_string(),
            url: p.url.into(),
            verdict: Level::Benign,
            score: 0,
            brand: None,
            site: Some(k.organisation.clone()),
            reasons: vec![reason],
        }
    }

    /// The well-known site `host` is or is under.
    fn known_site(&self, host: &str) -> Option<&brands::KnownSite> {
        let mut rest = host;
        loop {
            if let Some(&i) = self.known_index.get(rest) {
                return self.known.sites().get(i as usize);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    /// The official domain `host` is or is under: its length and its brand.
    fn official_match(&self, host: &str) -> Option<(usize, u16)> {
        let mut rest = host;
        loop {
            if let Some(&b) = self.official.get(rest) {
                return Some((rest.len(), b));
            }
            rest = rest.split_once('.')?.1;
        }
    }

    fn brand_ref(&self, b: u16) -> VerdictBrand {
        let info = &self.brands[usize::from(b)];
        VerdictBrand { id: info.id.clone(), name: info.name.clone(), domain: info.domain.clone() }
    }

    fn combine(&self, input: &str, url: String, signals: Vec<Signal>, extra: Vec<Reason>) -> Verdict {
        let brand_best = signals.iter().filter(|s| s.brand.is_some()).max_by_key(|s| s.points).map(|s| s.code);
        let mut score = 0u32;
        let mut count = 0u32;
        let mut strong = false;
        let mut brand = None;
        let mut reasons = Vec::with_capacity(signals.len() + extra.len());
        let mut lure_points = 0u32;
        for s in signals {
            let s = if LURE_FAMILY.contains(&s.code) {
                // Parcel-ish words and numbers are one kind of evidence however many there are.
                let room = LURE_CAP.saturating_sub(lure_points);
                lure_points += s.points.min(room);
                Signal { points: s.points.min(room), ..s }
            } else {
                s
            };
            let is_best_brand = s.brand.is_some() && Some(s.code) == brand_best && brand.is_none();
            if s.brand.is_none() || is_best_brand {
                score += s.points;
                if s.points >= 10 {
                    count += 1;
                }
                strong |= s.strong;
            }
            if is_best_brand {
                brand = s.brand;
            }
            reasons.push(Reason {
                code: s.code,
                message: String::new(),
                args: s.args,
                points: s.points.min(100) as u8,
                brand: s.brand.map(|b| self.brands[usize::from(b)].id.clone()),
                technique: s.technique,
                indicator_id: None,
            });
        }
        let blocked = !extra.is_empty();
        reasons.extend(extra);
        let mut level = if blocked {
            score = score.max(95);
            Level::Malicious
        } else if score >= MALICIOUS_AT && (count >= 2 || strong) {
            Level::Malicious
        } else if score >= SUSPICIOUS_AT {
            Level::Suspicious
        } else {
            Level::Benign
        };
        if level == Level::Suspicious {
            score = score.min(MALICIOUS_AT - 1);
        }
        if level == Level::Benign && score >= SUSPICIOUS_AT {
            level = Level::Suspicious;
        }
        reasons.sort_by_key(|r| std::cmp::Reverse(r.points));
        Verdict {
            input: input.to_string(),
            url,
            verdict: level,
            score: score.min(100) as u8,
            brand: brand.map(|b| self.brand_ref(b)),
            site: None,
            reasons,
        }
    }

    fn signals(&self, p: &ParsedUrl, explain: bool) -> Vec<Signal> {
        let mut out = Signals { list: Vec::new(), explain, local_post: false, random_host: false };
        self.userinfo_signals(p, &mut out);
        let mut shortener = false;
        match &p.host {
            HostKind::Ipv4(_) | HostKind::Ipv6(_) => out.plain("ip_host", 40, &[]),
            HostKind::Domain(host) => {
                shortener = self.is_shortener(p, host);
                self.domain_signals(p, host, shortener, &mut out)
            }
        }
        if let Some(port) = p.url.port() {
            out.plain("nonstandard_port", 15, &[("port", &port)]);
        }
        self.path_signals(p, shortener, &mut out);
        out.list
    }

    fn is_shortener(&self, p: &ParsedUrl, host: &str) -> bool {
        self.shorteners.contains(p.registrable()) || self.shorteners.contains(host)
    }

    fn domain_signals(&self, p: &ParsedUrl, host: &str, shortener: bool, out: &mut Signals) {
        let reg_label = p.registrable_label();
        let sub = p.subdomain();
        if shortener {
            // Offline, a bare shortened link says nothing either way: say so, score nothing, and
            // let the path speak (`bit.ly/usps-redelivery`). Live checks follow it.
            if p.url.path().len() > 1 {
                out.plain("destination_hidden", 0, &[("domain", &p.registrable())]);
            }
            return;
        }
        let free = p.suffix_private || self.free_hosting.covers(host);
        if free {
            let service = if p.suffix_private { p.suffix() } else { p.registrable() };
            out.plain("free_hosting", 20, &[("service", &service)]);
        }
        let tld = p.suffix().rsplit('.').next().unwrap_or_default();
        if self.abuse_tlds.contains(tld) {
            out.plain("abuse_tld", 20, &[("tld", &tld)]);
        }
        // Unicode forms of the registrable label and of the subdomain labels (only computed
        // when the host has punycode).
        let unicode_host = p.host_unicode() != host;
        let uni_labels: Vec<&str> = if unicode_host { p.host_unicode().split('.').collect() } else { Vec::new() };
        let n_sub = if sub.is_empty() { 0 } else { sub.split('.').count() };
        let uni_reg_label = uni_labels.get(n_sub).copied().unwrap_or(reg_label);
        // Names under edu., gov., ac. ... are handed out to institutions only: no squatting there.
        // (A look-alike IDN there is still reported: it has no business being there.)
        let used = if institutional(p.suffix()) && uni_reg_label.is_ascii() {
            None
        } else {
            self.label_brand_signals(reg_label, uni_reg_label, p, out)
        };
        if out.local_post {
            // The country's own ending, however it is abused elsewhere, is no evidence here.
            out.list.retain(|s| s.code != "abuse_tld");
            return;
        }
        let abuse = out.iter().any(|s| s.code == "abuse_tld");
        if !abuse && out.iter().any(|s| s.brand.is_some()) && !tld.is_empty() && tld.len() > 2 && !self.common_gtlds.contains(tld) {
            out.plain("uncommon_tld", 15, &[("tld", &tld)]);
        }
        let scope = host.strip_suffix(p.suffix()).map_or(host, |h| h.trim_end_matches('.'));
        self.lure_domain_signal(scope, used, out);
        // Only names with two lure words or more can be made of nothing else.
        let lures = out.list.last().is_some_and(|s| s.code == "lure_domain" && s.points >= 25);
        if lures && used.is_none() && out.iter().all(|s| s.brand.is_none()) {
            self.lure_only_domain_signal(reg_label, out);
        }
        // Brand names such as dhl or gls are consonant clusters: randomness only speaks for
        // names without a brand in them.
        if used.is_none() && out.iter().all(|s| s.brand.is_none()) {
            if looks_random(reg_label) {
                out.random_host = true;
                out.plain("random_label", 20, &[("label", &reg_label)]);
            } else if abuse && digit_inside(reg_label) {
                // A digit in the middle of a name under a cheap ending (rac0wdkye.rest): as
                // anonymous as a random name when it carries a lure.
                out.random_host = true;
            }
        }
        if !sub.is_empty() && sub != "www" {
            self.subdomain_signals(p, sub, &uni_labels[..n_sub.min(uni_labels.len())], out);
        }
    }

    /// Brand techniques on the registrable label: homoglyph, typo, TLD swap, combosquat.
    /// Returns the brand word used, so that it is not counted again as a lure word (`zoll`).
    fn label_brand_signals(&self, ascii: &str, unicode: &str, p: &ParsedUrl, out: &mut Signals) -> Option<&str> {
        if !unicode.is_ascii() {
            let folded = fold::fold_label(unicode);
            if folded.mixed_script {
                out.plain("mixed_script", 35, &[("host", &p.host_unicode())]);
            }
            let joined: String = folded.text.chars().filter(|&c| c != '-').collect();
            let typo = || self.typo_brand(&joined, &[]).filter(|&(_, _, points)| points >= 50).map(|(b, _, _)| b);
            if let Some(b) = self.exact_brand(&joined).or_else(typo) {
                self.brand_signal(
                    out,
                    "homoglyph",
                    75,
                    b,
                    "look-alike characters",
                    &[("host", &p.host_unicode()), ("form", &"whole")],
                    true,
                );
                return None;
            }
            if let Some(hit) = self.best_token(&joined) {
                self.brand_signal(
                    out,
                    "homoglyph",
                    70,
                    hit.brand,
                    "look-alike characters",
                    &[("host", &p.host_unicode()), ("form", &"words")],
                    true,
                );
                return None;
            }
            let tld = p.host_unicode().rsplit('.').next().unwrap_or("");
            if !folded.mixed_script && !fold::script_of_its_tld(unicode, tld) {
                out.plain("non_ascii", 10, &[]);
            }
            return None;
        }
        let label = ascii;
        let joined: std::borrow::Cow<'_, str> = if label.contains('-') { label.replace('-', "").into() } else { label.into() };
        // Exact brand name on a foreign domain (TLD swap).
        if let Some(t) = self.token_index(&joined) {
            let token = &self.tokens[t];
            let b = token.brands[0];
            let (points, strong_name) = match token.class {
                TokenClass::Distinct => (55, true),
                TokenClass::Short if token.text.len() >= 5 && !words::AMBIGUOUS.contains(&&*token.text) => (50, true),
                TokenClass::Short if token.text.len() == 4 && !words::AMBIGUOUS.contains(&&*token.text) => (40, true),
                TokenClass::Short if self.brands[usize::from(b)].carrier && !words::AMBIGUOUS.contains(&&*token.text) => (40, true),
                TokenClass::Short => (25, false),
                TokenClass::Weak => (15, false),
            };
            if let Some(post) = self.local_post_name(p, b, &token.text) {
                out.local_post = true;
                out.plain("local_post_name", 0, &[("tld", &post)]);
                return Some(&*token.text);
            }
            let form = if strong_name { "ending" } else { "whole" };
            self.brand_signal(out, "tld_swap", points, b, "tld swap", &[("domain", &p.registrable()), ("form", &form)], false);
            return Some(&*token.text);
        }
        // Multi-character and digit homoglyphs (rn -> m, 0 -> o): the whole label, or a brand
        // name among other words that only appears once the look-alikes are read back.
        let variants = fold::homoglyph_variants(&joined);
        for v in &variants {
            if let Some(t) = self.token_index(v) {
                // A digit or a letter pair standing for a letter is deliberate, even in a name
                // that is also a word (p0sten); generic words weigh less.
                let points = if self.tokens[t].class == TokenClass::Weak { 45 } else { 60 };
                let b = self.tokens[t].brands[0];
                let args: &[(&'static str, &dyn Display)] = &[("host", &p.registrable()), ("form", &"whole")];
                self.brand_signal(out, "homoglyph", points, b, "look-alike characters", args, false);
                return None;
            }
        }
        for v in &variants {
            if let Some(hit) = self.best_token(v)
                && hit.clean
                && hit.class != TokenClass::Weak
                && !joined.contains(&*self.tokens[hit.token].text)
            {
                let args: &[(&'static str, &dyn Display)] = &[("host", &p.registrable()), ("form", &"words")];
                self.brand_signal(out, "homoglyph", 55, hit.brand, "look-alike characters", args, false);
                return None;
            }
        }
        // One edit away from a brand name: the whole label, or one of its hyphenated words.
        let mut candidates: Vec<&str> = vec![&joined];
        if label.contains('-') {
            candidates.extend(label.split('-').filter(|s| s.len() >= 3 && !self.seg.contains(s) && self.token_index(s).is_none()));
        }
        for c in candidates {
            // A real English word next to a brand name (poster, signpost, compost) is not a
            // typo-squat: real words are what most one-edit neighbours of short names are.
            if self.english.contains(c) {
                continue;
            }
            let words: Vec<&str> = if c.len() == joined.len() && label.contains('-') { label.split('-').collect() } else { Vec::new() };
            if let Some((b, edit, points)) = self.typo_brand(c, &words) {
                if self.local_post_name(p, b, c).is_some() {
                    out.local_post = true;
                    return None;
                }
                self.brand_signal(out, "typosquat", points, b, edit_name(edit), &[("edit", &edit.code())], false);
                return None;
            }
        }
        // Brand name with other words (combosquat).
        let best = match self.best_token(&joined) {
            Some(h) if h.clean || !label.contains('-') => Some(h),
            first => first
                .into_iter()
                .chain(label.split('-').filter_map(|piece| self.best_token(piece)))
                .max_by_key(|h| (h.clean, h.class, h.len)),
        };
        if let Some(hit) = best {
            let (points, form) = match (hit.clean, hit.class) {
                (true, TokenClass::Weak) => (25, "words"),
                (true, _) if words::AMBIGUOUS.contains(&&*self.tokens[hit.token].text) => (25, "words"),
                (true, _) => (55, "words"),
                (false, _) => (40, "inside"),
            };
            self.brand_signal(out, "combosquat", points, hit.brand, "combosquat", &[("domain", &p.registrable()), ("form", &form)], false);
            return Some(&*self.tokens[hit.token].text);
        }
        None
    }

    fn subdomain_signals(&self, p: &ParsedUrl, sub: &str, uni: &[&str], out: &mut Signals) {
        let labels: Vec<&str> = sub.split('.').collect();
        let meaningful = labels.iter().filter(|l| **l != "www").count();
        if meaningful >= 4 {
            out.plain("deep_subdomains", 15, &[]);
        }
        // brand.com-xxxx.tld: an official domain runs into the registrable label across a dot.
        let reg_label = p.registrable_label();
        if let Some((first, _)) = reg_label.split_once('-')
            && self.tld_words.contains(first)
        {
            let candidate = format!("{sub}.{first}");
            let brand = self.official_brand_in(&candidate).or_else(|| labels.iter().find_map(|l| self.exact_brand(&l.replace('-', ""))));
            match brand {
                Some(b) => {
                    self.brand_signal(out, "brand_com_hyphen", 75, b, "brand.com-xxxx", &[("domain", &p.registrable())], true);
                    return;
                }
                None => out.plain("com_hyphen", 30, &[("candidate", &candidate)]),
            }
        }
        // A whole official domain used as subdomain labels (usps.com.track-xyz.top).
        if let Some(b) = self.official_brand_in(sub) {
            self.brand_signal(out, "brand_subdomain", 55, b, "official domain as subdomain", &[("domain", &p.registrable())], false);
            return;
        }
        for (i, l) in labels.iter().enumerate() {
            if *l == "www" || l.len() < 3 {
                continue;
            }
            let folded = match uni.get(i) {
                Some(u) if !u.is_ascii() => fold::fold_label(u).text,
                _ => (*l).to_string(),
            };
            let joined = folded.replace('-', "");
            let hit = self
                .token_index(&joined)
                .map(|t| TokenHit {
                    token: t,
                    brand: self.tokens[t].brands[0],
                    clean: true,
                    class: self.tokens[t].class,
                    len: joined.len(),
                })
                .or_else(|| self.best_token(&joined).filter(|h| h.clean || !folded.contains('-')))
                .or_else(|| folded.split('-').filter_map(|piece| self.best_token(piece)).max_by_key(|h| (h.clean, h.class, h.len)));
            if let Some(hit) = hit
                && hit.class != TokenClass::Weak
            {
                // Alone this is also what SaaS tenants look like (dhl.service-now.com): it needs
                // one more signal.
                self.brand_signal(out, "brand_subdomain", 30, hit.brand, "brand as subdomain", &[("domain", &p.registrable())], false);
                return;
            }
        }
    }

    /// The ccTLD under which `name` (a brand token or a look-alike of brand `b`) is most likely
    /// a postal operator's own site that the registry does not list: the brand's own country
    /// when the registry is unsure of its domains, or another country whose post is known by a
    /// name that contains it (`laposte.ga`, a small post named like a bigger one).
    fn local_post_name<'p>(&self, p: &'p ParsedUrl, b: u16, name: &str) -> Option<&'p str> {
        let cc = p.suffix().rsplit('.').next().filter(|t| t.len() == 2)?;
        let info = &self.brands[usize::from(b)];
        if *info.country == *cc {
            return (info.carrier && info.unsure).then_some(cc);
        }
        let (own, generic) = self.post_names.get(cc)?;
        // `laposte` under Gabon's ending is La Poste du Gabon's name, `posteitaliane` is not.
        let named = own.iter().any(|n| n.contains(name) || name.contains(&**n))
            || generic.iter().any(|w| name.contains(&**w) && name.len() <= w.len() + 3);
        named.then_some(cc)
    }

    /// An official domain made of consecutive labels of `labels` (`a.usps.com.b` -> usps.com).
    fn official_brand_in(&self, dotted: &str) -> Option<u16> {
        // Label boundaries as byte offsets, so candidates are slices of `dotted`, not joins.
        let mut starts = [0usize; 33];
        let mut n = 1;
        for (i, c) in dotted.bytes().enumerate() {
            if c == b'.' && n < starts.len() {
                starts[n] = i + 1;
                n += 1;
            }
        }
        let end_of = |j: usize| if j < n { starts[j] - 1 } else { dotted.len() };
        for (i, &start) in starts[..n].iter().enumerate() {
            for j in (i + 2..=n.min(i + 4)).rev() {
                if let Some(&b) = dotted.get(start..end_of(j)).and_then(|cand| self.official.get(cand)) {
                    return Some(b);
                }
            }
        }
        None
    }

    /// A registrable name made only of parcel, payment and filler words (and digits), with at
    /// least two different lure words: the throwaway domains of brand-less campaigns
    /// (`parcel-redelivery-fee`, `customsdutyfee`). A company named with one such word
    /// (parcel2go, paymentsense) is not one.
    fn lure_only_domain_signal(&self, label: &str, out: &mut Signals) {
        let joined: std::borrow::Cow<'_, str> = if label.contains('-') { label.replace('-', "").into() } else { label.into() };
        if joined.len() < 8 || !self.segmentable(&joined) {
            return;
        }
        let mut found: [&str; 2] = [""; 2];
        let mut n = 0;
        for m in self.lure_ac.find_iter(&*joined) {
            let w = self.lure_words[m.pattern().as_usize()];
            if n < 2 && !found[..n].contains(&w) {
                found[n] = w;
                n += 1;
            }
        }
        if n >= 2 {
            out.plain("lure_only_domain", 25, &[("label", &label)]);
        }
    }

    fn lure_domain_signal(&self, scope: &str, brand_word: Option<&str>, out: &mut Signals) {
        let mut found: Vec<&'static str> = Vec::new();
        let b = scope.as_bytes();
        for m in self.lure_ac.find_iter(scope) {
            let w = self.lure_words[m.pattern().as_usize()];
            if found.contains(&w) || brand_word == Some(w) {
                continue;
            }
            let ok = w.len() >= 5 || {
                let start = b[..m.start()].iter().rposition(|&c| c == b'.' || c == b'-').map_or(0, |i| i + 1);
                let end = b[m.end()..].iter().position(|&c| c == b'.' || c == b'-').map_or(b.len(), |i| m.end() + i);
                (start == m.start() && end == m.end()) || self.segmentable(&scope[start..end])
            };
            if ok {
                found.push(w);
            }
        }
        if found.is_empty() {
            return;
        }
        let points = (15 + 10 * (found.len() as u32 - 1)).min(35);
        out.plain("lure_domain", points, &[("words", &Joined(&found))]);
    }

    /// Lure words, tracking numbers and brand names in the path and query. On a shortener the
    /// path is a name the link's creator chose, so a brand there weighs more.
    fn path_signals(&self, p: &ParsedUrl, shortener: bool, out: &mut Signals) {
        let path = p.url.path();
        let query = p.url.query().unwrap_or_default();
        if path.len() <= 1 && query.is_empty() || out.local_post {
            return;
        }
        // An article's address (a news section, a dated path, a long title slug) names brands
        // and scams to warn about them: on a host without a brand of its own it is no lure.
        if out.iter().all(|s| s.brand.is_none()) && self.article_path(path) {
            return;
        }
        let mut found: Vec<&'static str> = Vec::new();
        let mut bait = false;
        for part in [path, query] {
            let b = part.as_bytes();
            for m in self.path_ac.find_iter(part) {
                let w = self.path_words[m.pattern().as_usize()];
                let before_ok = m.start() == 0 || !b[m.start() - 1].is_ascii_alphabetic();
                let after_ok = m.end() == b.len() || !b[m.end()].is_ascii_alphabetic();
                if (w.len() >= 6 || (before_ok && after_ok)) && !found.contains(&w) {
                    found.push(w);
                }
            }
            bait |= has_tracking_number(part);
        }
        if !found.is_empty() {
            let points = (10 + 5 * (found.len() as u32 - 1)).min(20);
            out.plain("lure_path", points, &[("words", &Joined(&found))]);
        }
        if bait {
            out.plain("tracking_bait", 15, &[]);
        }
        if out.random_host && (bait || !found.is_empty()) {
            out.plain("anonymous_lure", 15, &[]);
        }
        // Brand named in the path of a foreign host.
        if out.iter().all(|s| s.brand.is_none()) {
            let mut lower = String::new();
            for piece in path.split(|c: char| !c.is_ascii_alphanumeric()).filter(|s| s.len() >= 3) {
                let piece = if piece.bytes().any(|c| c.is_ascii_uppercase()) {
                    lower.clear();
                    lower.push_str(piece);
                    lower.make_ascii_lowercase();
                    lower.as_str()
                } else {
                    piece
                };
                if let Some(t) = self.token_index(piece)
                    && self.tokens[t].class != TokenClass::Weak
                {
                    let b = self.tokens[t].brands[0];
                    let (points, form) = if shortener { (40, "shortener") } else { (20, "path") };
                    self.brand_signal(out, "brand_in_path", points, b, "brand in path", &[("form", &form)], false);
                    break;
                }
            }
        }
    }

    /// Whether `path` is shaped like an article's address: a section word of news and blog
    /// sites (`/news/`, `/blog/`, `/actualites/`), a year segment (`/2024/`), or a title slug of
    /// five words or more.
    fn article_path(&self, path: &str) -> bool {
        path.split('/').any(|seg| {
            let b = seg.as_bytes();
            let year = b.len() == 4 && b.starts_with(b"20") && b.iter().all(u8::is_ascii_digit);
            // Words of a slug: hyphen or underscore separators between letters.
            let words = 1 + b.windows(2).filter(|w| matches!(w[0], b'-' | b'_') && w[1].is_ascii_alphabetic()).count();
            year || words >= 5 || (b.len() >= 4 && self.article_sections.contains(seg))
        })
    }

    fn userinfo_signals(&self, p: &ParsedUrl, out: &mut Signals) {
        let user = p.url.username();
        if user.is_empty() && p.url.password().is_none() {
            return;
        }
        let decoded = user.to_ascii_lowercase();
        let real = p.url.host_str().unwrap_or_default();
        let brand = if decoded.contains('.') {
            self.official_brand_in(decoded.trim_start_matches("www."))
                .or_else(|| decoded.split(['.', '-']).find_map(|l| self.exact_brand(l)))
        } else {
            None
        };
        match brand {
            Some(b) => self.brand_signal(out, "userinfo_trick", 75, b, "userinfo", &[("real", &real), ("form", &"brand")], true),
            None if decoded.contains('.') => out.plain("userinfo_trick", 50, &[("real", &real), ("user", &decoded), ("form", &"name")]),
            None => out.plain("userinfo", 10, &[]),
        }
    }

    /// A signal about brand `b`: its sentence's arguments are the brand (name and official
    /// domain) and `args`, written out only when `out` explains. One call shape serves every
    /// brand technique.
    #[allow(clippy::too_many_arguments)]
    fn brand_signal(
        &self,
        out: &mut Signals,
        code: &'static str,
        points: u32,
        b: u16,
        technique: &'static str,
        args: &[(&'static str, &dyn Display)],
        strong: bool,
    ) {
        let args = if out.explain {
            let mut list = Vec::with_capacity(args.len() + 1);
            list.push(("brand", self.brands[usize::from(b)].target.clone()));
            list.extend(args.iter().map(|(k, v)| (*k, v.to_string())));
            Args(list)
        } else {
            Args::default()
        };
        out.list.push(Signal { code, points, args, brand: Some(b), technique: Some(technique), strong });
    }

    fn token_index(&self, s: &str) -> Option<usize> {
        if s.len() < 3 || s.len() > self.token_max_len() {
            return None;
        }
        self.token_ids.get(s).copied()
    }

    fn token_max_len(&self) -> usize {
        self.typo_max_len.max(32)
    }

    /// A brand whose token or official label is exactly `s`.
    fn exact_brand(&self, s: &str) -> Option<u16> {
        let t = self.token_index(s)?;
        let token = &self.tokens[t];
        (token.class != TokenClass::Weak && (token.text.len() >= 4 || token.class == TokenClass::Distinct)).then(|| token.brands[0])
    }

    /// A brand name one typo-shaped edit away from `s`. `words` are the hyphenated words `s`
    /// was joined from (empty for a single word): an edit that turns a brand's coined word into
    /// a common English word (keds-energy -> kids-energy) is how ordinary names look, not a typo.
    fn typo_brand(&self, s: &str, words: &[&str]) -> Option<(u16, Edit, u32)> {
        if s.len() < 3 || s.len() > self.typo_max_len + 1 || s.len() > 64 || !s.is_ascii() {
            return None;
        }
        let mut best: Option<(u16, Edit, u32)> = None;
        let mut consider = |key: u64| {
            if let Some(ids) = self.typo_index.get(&key) {
                for &i in ids {
                    let (t, b) = &self.typo_targets[i as usize];
                    if let Some(edit) = fold::classify_edit(t, s)
                        && let Some(points) = edit_points(t.len(), s.len(), edit)
                        && best.is_none_or(|(_, _, p)| points > p)
                        && !self.edit_makes_a_word(t, s, words)
                    {
                        best = Some((*b, edit, points));
                    }
                }
            }
        };
        consider(fold_hash(s.as_bytes()));
        deletion_hashes(s.as_bytes(), consider);
        best
    }

    /// Whether the one edit between the brand name `target` and `s` (joined from `words`) falls
    /// in a word of `s` that is a common English word while the brand's word there is not.
    fn edit_makes_a_word(&self, target: &str, s: &str, words: &[&str]) -> bool {
        if words.len() < 2 {
            return false;
        }
        let (t, c) = (target.as_bytes(), s.as_bytes());
        let at = t.iter().zip(c).take_while(|(a, b)| a == b).count();
        let mut start = 0;
        for w in words {
            let end = start + w.len();
            if at < end || (at == end && end == c.len()) {
                // The brand's word at the same place, stretched or shrunk by the edit.
                let t_end = (end + t.len()).saturating_sub(c.len()).min(t.len());
                let brand_word = target.get(start..t_end).unwrap_or("");
                return self.english.contains(w) && !brand_word.is_empty() && !self.english.contains(brand_word);
            }
            start = end;
        }
        false
    }

    /// Whether `s` splits entirely into known lure or filler words and digit runs.
    fn segmentable(&self, s: &str) -> bool {
        if s.is_empty() {
            return true;
        }
        let b = s.as_bytes();
        let n = b.len();
        if n > 64 {
            return false;
        }
        // reach[j]: some word or digit run ends at j; ends[i] bit set for each end of a word
        // starting at i.
        let mut starts = [0u64; 65];
        for m in self.seg_ac.find_overlapping_iter(s) {
            starts[m.start()] |= 1u64 << (m.end() - 1);
        }
        let mut ok = [false; 65];
        ok[0] = true;
        for i in 0..n {
            if !ok[i] {
                continue;
            }
            if b[i].is_ascii_digit() {
                let mut j = i;
                while j < n && b[j].is_ascii_digit() {
                    j += 1;
                }
                ok[j] = true;
            }
            let mut ends = starts[i];
            while ends != 0 {
                let e = ends.trailing_zeros() as usize;
                ok[e + 1] = true;
                ends &= ends - 1;
            }
        }
        ok[n]
    }

    /// The best brand token in `s`: a clean one (the rest is lure or filler words) beats one
    /// embedded in a longer word; longer tokens win ties.
    fn best_token(&self, s: &str) -> Option<TokenHit> {
        let mut best: Option<TokenHit> = None;
        for m in self.token_ac.find_overlapping_iter(s) {
            let token = &self.tokens[m.pattern().as_usize()];
            let left = &s[..m.start()];
            let right = &s[m.end()..];
            let clean = self.segmentable(left) && self.segmentable(right);
            if !clean && (token.class != TokenClass::Distinct || self.english.contains(s)) {
                continue;
            }
            // A real word that happens to split into a lure and a short name (account+ants).
            if token.class != TokenClass::Distinct && s.len() > token.text.len() && self.english.contains(s) {
                continue;
            }
            let hit = TokenHit { token: m.pattern().as_usize(), brand: token.brands[0], clean, class: token.class, len: token.text.len() };
            if best.is_none_or(|b| (hit.clean, hit.class, hit.len) > (b.clean, b.class, b.len)) {
                best = Some(hit);
            }
        }
        best
    }
}

#[derive(Debug, Clone, Copy)]
struct TokenHit {
    token: usize,
    brand: u16,
    clean: bool,
    class: TokenClass,
    len: usize,
}

/// The signals found so far, and whether their sentences' arguments are wanted: callers that
/// need only the level and score (the message classifier, the monitor) skip writing them out.
struct Signals {
    list: Vec<Signal>,
    explain: bool,
    /// The host is most likely a postal operator's own site under its country's ending
    /// (`local_post_name`): its ending and its parcel words are what such a site has.
    local_post: bool,
    /// The host name looks machine-generated (`random_label`).
    random_host: bool,
}

impl Signals {
    fn plain(&mut self, code: &'static str, points: u32, args: &[(&'static str, &dyn Display)]) {
        let args = if self.explain { Args(args.iter().map(|(k, v)| (*k, v.to_string())).collect()) } else { Args::default() };
        self.list.push(Signal { code, points, args, brand: None, technique: None, strong: false });
    }

    fn iter(&self) -> std::slice::Iter<'_, Signal> {
        self.list.iter()
    }
}

fn empty_ac() -> AhoCorasick {
    // Building from no pattern cannot fail; this keeps construction panic-free regardless.
    match AhoCorasick::new(Vec::<&str>::new()) {
        Ok(ac) => ac,
        Err(_) => unreachable!("an empty automaton always builds"),
    }
}

/// Lower-case ASCII form of a registry word (`pošta` -> `posta`), spaces and dots removed.
fn ascii_fold(s: &str) -> String {
    let f = fold::fold_label(&s.to_lowercase());
    f.text.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '\'' | '&')).collect()
}

const HASH_P: u64 = 0x0000_0100_0000_01B3;

/// Keeps strings of different lengths apart in [`fold_hash`] space.
fn len_tag(n: usize) -> u64 {
    (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Polynomial hash of a byte string tagged with its length, the key of the typo index; the
/// same function [`Analyzer::typo_brand`] evaluates incrementally for every deletion.
fn fold_hash(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |h, &c| h.wrapping_mul(HASH_P).wrapping_add(u64::from(c))) ^ len_tag(b.len())
}

/// Calls `f` with the [`fold_hash`] of `b` minus each one of its bytes (`b.len() <= 64`), from
/// prefix hashes, without building the strings: h(b) = h(b[..i+1]) * P^(n-i-1) + h(b[i+1..]),
/// so deleting byte i replaces the first term by h(b[..i]) * P^(n-i-1).
fn deletion_hashes(b: &[u8], mut f: impl FnMut(u64)) {
    let n = b.len().min(64);
    let mut prefix = [0u64; 65];
    for i in 0..n {
        prefix[i + 1] = prefix[i].wrapping_mul(HASH_P).wrapping_add(u64::from(b[i]));
    }
    let full = prefix[n];
    let tag = len_tag(n.saturating_sub(1));
    let mut pow = 1u64;
    for i in (0..n).rev() {
        f(full.wrapping_add(prefix[i].wrapping_sub(prefix[i + 1]).wrapping_mul(pow)) ^ tag);
        pow = pow.wrapping_mul(HASH_P);
    }
}

fn deletions(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    for i in 0..b.len() {
        if !s.is_char_boundary(i) || !s.is_char_boundary(i + 1) {
            continue;
        }
        let mut d = String::with_capacity(b.len() - 1);
        d.push_str(&s[..i]);
        d.push_str(&s[i + 1..]);
        out.push(d);
    }
    out
}

/// What a single edit of a target of `len` characters weighs, `None` when it does not count.
/// Long names tolerate any edit. On short names (3 to 6 letters) most one-edit neighbours are
/// unrelated names, so look-alikes, doubled letters and swaps count fully and the other
/// typist's edits only as a hint ([`WEAK_TYPO`] points) that needs a lure, a cheap ending or a
/// path to become suspicious. Real English words among the neighbours are handled by the caller.
fn edit_points(len: usize, candidate_len: usize, edit: Edit) -> Option<u32> {
    use Edit::*;
    match (len, edit) {
        (_, HomoglyphSubstitution) => Some(60),
        (0..=2, _) => None,
        (3, Repetition) => Some(WEAK_TYPO),
        (3, _) => None,
        (4..=5, Repetition | Transposition) => Some(50),
        (4, Omission) => None,
        (4..=5, Omission | AdjacentSubstitution | AdjacentInsertion | Insertion | Bitsquat | VowelSwap) => Some(WEAK_TYPO),
        (4..=5, _) => None,
        (6, VowelSwap | Substitution) => Some(WEAK_TYPO),
        (6, _) => Some(50),
        _ if candidate_len >= 8 => Some(60),
        _ => Some(50),
    }
}

/// A one-edit neighbour of a short brand name: a hint, not evidence on its own.
const WEAK_TYPO: u32 = 30;

fn edit_name(edit: Edit) -> &'static str {
    match edit {
        Edit::Omission => "omission",
        Edit::Repetition => "repetition",
        Edit::AdjacentInsertion | Edit::Insertion => "insertion",
        Edit::Transposition => "transposition",
        Edit::AdjacentSubstitution => "keyboard adjacency",
        Edit::HomoglyphSubstitution => "homoglyph",
        Edit::VowelSwap => "vowel swap",
        Edit::Bitsquat => "bitsquat",
        Edit::Substitution => "substitution",
    }
}

/// Whether `domain` is itself a public suffix (`gov.uk`, `gouv.fr`): an entry for all its sites.
fn is_public_suffix(domain: &str) -> bool {
    psl::suffix(domain.as_bytes()).is_some_and(|s| s.is_known() && s.as_bytes().len() == domain.len())
}

/// Public suffixes whose registrations are restricted to institutions (`edu.ec`, `gov.uk`,
/// `ac.jp`, `gouv.fr`).
fn institutional(suffix: &str) -> bool {
    const RESTRICTED: &[&str] = &["edu", "gov", "gob", "ac", "mil", "govt", "gouv", "go", "gv", "police", "int", "nhs"];
    let first = suffix.split('.').next().unwrap_or_default();
    suffix.contains('.') && RESTRICTED.contains(&first) || matches!(suffix, "gov" | "edu" | "mil" | "int")
}

/// A label that looks machine-generated: long with few vowels, a long consonant run, letters
/// and digits interleaved, or consonant pairs that words of the Latin-script languages rarely
/// have (`wdk`, `vq`). Punycode labels are judged by the IDN checks instead.
fn looks_random(label: &str) -> bool {
    let b = label.as_bytes();
    if b.len() < 6 || !label.is_ascii() || label.starts_with("xn--") {
        return false;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    let vowels = b.iter().filter(|&&c| vowel(c)).count();
    let mut run = 0;
    let mut max_run = 0;
    for &c in b {
        if c.is_ascii_alphabetic() && !vowel(c) {
            run += 1;
            max_run = max_run.max(run);
        } else {
            run = 0;
        }
    }
    let switches = b.windows(2).filter(|w| w[0].is_ascii_digit() != w[1].is_ascii_digit()).count();
    let rare = b.windows(2).filter(|w| rare_pair(w[0], w[1])).count();
    let long = b.len() >= 7;
    (long && letters >= 6 && vowels * 5 < letters)
        || (long && max_run >= 5)
        || (digits >= 2 && letters >= 3 && switches >= 3)
        || (digits >= 2 && letters >= 4 && switches >= 2)
        || rare >= 2
}

/// A digit with letters on both sides (`zeusr8vq`).
fn digit_inside(label: &str) -> bool {
    label.as_bytes().windows(3).any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_digit() && w[2].is_ascii_alphabetic())
}

/// Two consonants side by side, one of them a letter that rarely meets another consonant in
/// words (j q v w x z), outside the clusters that European languages do use.
fn rare_pair(a: u8, b: u8) -> bool {
    const LOOSE: &[u8] = b"jqvwxz";
    const COMMON: &[&[u8; 2]] = &[
        b"ck", b"kl", b"kr", b"kn", b"ks", b"sk", b"nk", b"lk", b"rk", b"wh", b"wr", b"wn", b"wl", b"ws", b"tz", b"zk", b"nz", b"rz",
        b"sz", b"cz", b"dz", b"lv", b"rv", b"nv", b"kh", b"dj", b"nj", b"ww", b"zz", b"kk", b"xt", b"xp", b"xc", b"kt", b"kv", b"sw",
        b"tw", b"dw", b"zw", b"wt", b"lz", b"vr",
    ];
    let consonant = |c: u8| c.is_ascii_lowercase() && !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    consonant(a) && consonant(b) && (LOOSE.contains(&a) || LOOSE.contains(&b)) && !COMMON.iter().any(|p| p[0] == a && p[1] == b)
}

/// A parcel-tracking-like number: UPU S10 (`RR123456789FR`), UPS `1Z...`, or 10-22 digits.
fn has_tracking_number(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let len = i - start;
            let bounded = (start == 0 || !b[start - 1].is_ascii_alphanumeric() || s10_at(b, start.saturating_sub(2)))
                && (i == b.len() || !b[i].is_ascii_digit());
            if (10..=22).contains(&len) && bounded {
                return true;
            }
            if len == 9 && start >= 2 && s10_at(b, start - 2) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    (0..b.len().saturating_sub(1)).filter(|&i| b[i] == b'1' && (b[i + 1] | 0x20) == b'z').any(|i| {
        b.len() >= i + 18 && b[i + 2..i + 18].iter().all(u8::is_ascii_alphanumeric) && b[i + 2..i + 18].iter().any(u8::is_ascii_digit)
    })
}

fn s10_at(b: &[u8], i: usize) -> bool {
    b.len() >= i + 13
        && b[i..i + 2].iter().all(u8::is_ascii_alphabetic)
        && b[i + 2..i + 11].iter().all(u8::is_ascii_digit)
        && b[i + 11..i + 13].iter().all(u8::is_ascii_alphabetic)
        && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
}

/// Words listed with ", " between them, written out only when a sentence is wanted.
struct Joined<'a>(&'a [&'a str]);

impl Display for Joined<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, w) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(w)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_hashes_match_hashes_of_deleted_strings() {
        for s in ["laposte", "usps", "a", "correosexpress", "royal-mail1"] {
            let mut got = Vec::new();
            deletion_hashes(s.as_bytes(), |h| got.push(h));
            got.reverse();
            let want: Vec<u64> = deletions(s).iter().map(|d| fold_hash(d.as_bytes())).collect();
            assert_eq!(got, want, "{s}");
        }
        assert_ne!(fold_hash(b"ab"), fold_hash(b"\0ab"), "lengths are kept apart");
    }
}
