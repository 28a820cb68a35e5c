//! Glue to the shared `brands` registry and the `links` checker: the brand table the analyser
//! names brands from, and the link verdicts that feed the message verdict.

use crate::analyze::{LinkCheck, LinkVerdict, LinkWhy};
use crate::lexicon::{BrandKind, BrandRef};
use crate::text::fold;

/// The brand table: every registry brand (names and short names as aliases, derived aliases
/// such as the name without its parenthesis), enriched with the aliases of the built-in table,
/// plus the built-in brands the registry does not know yet.
pub fn brand_table(reg: &brands::BrandRegistry) -> Vec<BrandRef> {
    let mut out: Vec<BrandRef> = reg.brands().iter().map(from_registry).collect();
    for fb in crate::fallback_brands::brands() {
        let known = out.iter().position(|b| {
            fb.domains.iter().any(|d| b.domains.iter().any(|bd| bd == d))
                || b.aliases.iter().any(|a| fb.aliases.iter().any(|f| fold(f) == *a))
        });
        match known {
            Some(i) => {
                for a in fb.aliases.iter().chain(std::iter::once(&fb.name)) {
                    let f = fold(a);
                    if !out[i].aliases.contains(&f) {
                        out[i].aliases.push(f);
                    }
                }
            }
            None => out.push(fb),
        }
    }
    out
}

fn from_registry(b: &brands::Brand) -> BrandRef {
    let mut aliases: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let f = fold(s.trim());
        // A name that is also a common word ("POST Luxembourg" -> "post", "OPT
        // Nouvelle-Calédonie" -> "opt", as in "text STOP to opt out") names the brand only
        // with context: the full name, or a generic-word resolution with country evidence.
        if f.len() >= 2 && !aliases.contains(&f) && !COMMON_WORDS.contains(&f.as_str()) {
            aliases.push(f);
        }
    };
    add(&b.name);
    add(b.common_name());
    // "DGFiP (impots.gouv.fr)" is written "DGFiP"; "ANTAI / ANTS" is written either way.
    let bare = b.name.split(" (").next().unwrap_or(&b.name);
    add(bare);
    for part in bare.split(" / ") {
        add(part);
    }
    // "SDA Express Courier" is written "SDA": a leading acronym of three or more capitals.
    if let Some(first) = bare.split_whitespace().next()
        && first.len() >= 3
        && first.chars().all(|c| c.is_ascii_uppercase())
        && bare.contains(' ')
    {
        add(first);
    }
    for s in &b.short_names {
        add(s);
    }
    for p in &b.products {
        add(p);
    }
    // Names in the country's own language and script ("البريد المصري", "Почты России").
    for l in &b.local {
        add(l);
    }
    BrandRef {
        // The common name ("HMRC", "DGFiP", "CTT"), as the issue asks and as people write it.
        name: b.common_name().to_string(),
        aliases,
        domains: b.domains.clone(),
        country: b.country.clone().unwrap_or_default(),
        kind: match b.kind {
            brands::BrandKind::Tax => BrandKind::Tax,
            brands::BrandKind::Customs => BrandKind::Customs,
            brands::BrandKind::Bank => BrandKind::Bank,
            brands::BrandKind::Post | brands::BrandKind::Courier => BrandKind::Postal,
            brands::BrandKind::Toll | brands::BrandKind::Government | brands::BrandKind::Company => BrandKind::Other,
        },
        words: b.words.clone(),
        products: b.products.iter().map(|p| (fold(p), p.clone())).collect(),
    }
}

/// Everyday words (folded) in the supported languages that some brand's acronym or short
/// name spells; they are never matched on their own as that brand's name.
pub const COMMON_WORDS: &[&str] = &[
    "post", "poste", "posta", "posti", "opt", "out", "stop", "free", "mail", "info", "more", "sale", "shop", "ants", "mas", "per", "con",
    "por", "sur", "par", "des", "les", "und", "der", "die", "das", "ein", "une", "una", "uno", "por", "para", "pour", "via", "top", "tap",
    "bus", "car", "ora", "ore", "oggi", "hoy", "heute", "sot",
    // Found by listing the short aliases (`examples/brand_aliases.rs`): English "sat", "fan",
    // "bring", text-speak "ppl", Portuguese "ato", and a country ("uae") are not brand names;
    // Portuguese "caixa" is a box (Caixa is named by its full name, or with Brazilian context).
    "sat", "fan", "bring", "ppl", "ato", "uae", "caixa",
    // Italian "tra" (between) is how the Tanzania Revenue Authority signs its messages: TRA is
    // named as a generic word, with Tanzanian evidence (its registry `words`).
    "tra",
];

/// A link check backed by the `links` crate's offline analyser (no fetching, no blocklist).
pub fn link_check(reg: &brands::BrandRegistry) -> LinkCheck {
    let analyzer = links::Analyzer::new(reg);
    // Campaigns send the same link thousands of times; verdicts are pure functions of the URL,
    // so a small bounded cache saves the link analysis on repeats.
    let cache: std::sync::Mutex<rustc_hash::FxHashMap<String, LinkVerdict>> = std::sync::Mutex::new(rustc_hash::FxHashMap::default());
    Box::new(move |url: &str| {
        if let Ok(c) = cache.lock()
            && let Some(v) = c.get(url)
        {
            return v.clone();
        }
        let v = verdict(&analyzer, url);
        if let Ok(mut c) = cache.lock() {
            if c.len() >= LINK_CACHE_ENTRIES {
                c.clear();
            }
            c.insert(url.to_string(), v.clone());
        }
        v
    })
}

/// Entries kept in the link-verdict cache before it is cleared.
const LINK_CACHE_ENTRIES: usize = 4096;

/// The link's level, with a short why: the strongest reason's code and the brand (`assess`
/// skips writing out the analyser's reasons, which the message analysis never shows).
fn verdict(analyzer: &links::Analyzer, url: &str) -> LinkVerdict {
    match analyzer.assess(url) {
        Ok(a) => {
            let why = || LinkWhy { code: a.top_code.unwrap_or_default(), brand: a.brand.clone(), source: None };
            match a.level {
                links::Level::Malicious => LinkVerdict::Malicious(why()),
                links::Level::Suspicious => LinkVerdict::Suspicious(why()),
                links::Level::Benign => LinkVerdict::Benign,
            }
        }
        Err(_) => LinkVerdict::Benign,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_brands_get_usable_aliases() {
        let table = brand_table(&brands::BrandRegistry::builtin());
        let find = |alias: &str| table.iter().find(|b| b.aliases.iter().any(|a| a == alias)).map(|b| b.name.as_str());
        assert_eq!(find("royal mail"), Some("Royal Mail"));
        assert_eq!(find("parcelforce"), Some("Royal Mail"));
        assert_eq!(find("dgfip"), find("impots"));
        assert!(find("correos").is_some());
        assert!(find("posta shqiptare").is_some());
        assert!(find("drejtoria e tatimeve").is_some(), "built-in brands missing from the registry are kept");
        // Acronyms that are common words need context.
        assert_eq!(find("opt"), None);
        assert_eq!(find("post"), None);
        assert_eq!(find("post luxembourg"), Some("POST Luxembourg"));
    }
}
