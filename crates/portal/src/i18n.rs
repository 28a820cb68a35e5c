//! Message catalogues (Fluent) of the portal and the choice of language: a `lang` cookie set by
//! the switcher, else the browser's `Accept-Language`, else English.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the portal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The best supported language of an `Accept-Language` header (highest `q`, then order).
    pub fn negotiate(accept: &str) -> Option<Lang> {
        let mut best: Option<(u32, usize, Lang)> = None;
        for (i, part) in accept.split(',').enumerate().take(32) {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=").map(|v| v.trim().parse::<f32>().unwrap_or(0.0))).unwrap_or(1.0);
            let q = (q.clamp(0.0, 1.0) * 1000.0) as u32;
            let Some(lang) = Lang::parse(tag) else { continue };
            if q == 0 {
                continue;
            }
            if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
                best = Some((q, i, lang));
            }
        }
        best.map(|(_, _, l)| l)
    }
}

const SOURCES: [(Lang, &str); 2] =
    [(Lang::En, include_str!("../locales/en/portal.ftl")), (Lang::Fr, include_str!("../locales/fr/portal.ftl"))];

/// The loaded catalogues.
pub struct Catalogues {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Catalogues {
    /// Parses the shipped catalogues; a syntax error in one is a bug caught by the unit tests,
    /// so the faulty entries are skipped rather than failing the server.
    pub fn load() -> Catalogues {
        let mut bundles = HashMap::new();
        for (lang, text) in SOURCES {
            let resource = match FluentResource::try_new(text.to_string()) {
                Ok(r) => r,
                Err((r, errors)) => {
                    tracing::error!(lang = lang.code(), ?errors, "portal catalogue has syntax errors");
                    r
                }
            };
            let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Unicode isolation marks would end up inside attribute values and tests.
            bundle.set_use_isolating(false);
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(lang = lang.code(), ?errors, "portal catalogue has duplicate messages");
            }
            bundles.insert(lang, bundle);
        }
        Catalogues { bundles }
    }

    /// The message `key` in `lang` with arguments; falls back to English, then to the key.
    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, String)]) -> String {
        for l in [lang, Lang::En] {
            let Some(bundle) = self.bundles.get(&l) else { continue };
            let Some(msg) = bundle.get_message(key) else { continue };
            let Some(pattern) = msg.value() else { continue };
            let mut fargs = FluentArgs::new();
            for (k, v) in args {
                match v.parse::<f64>() {
                    Ok(n) if !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-') => {
                        fargs.set(*k, FluentValue::from(n))
                    }
                    _ => fargs.set(*k, FluentValue::from(v.clone())),
                }
            }
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
        }
        key.to_string()
    }

    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.bundles.get(&lang).is_some_and(|b| b.has_message(key))
    }
}

/// Message ids defined in a catalogue source (for the completeness test).
#[cfg(test)]
fn ids(text: &str) -> std::collections::BTreeSet<String> {
    text.lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(accept: &str, expected: Option<Lang>) {
        assert_eq!(Lang::negotiate(accept), expected, "{accept}");
    }

    #[test]
    fn negotiation_follows_quality() {
        check("fr-FR,fr;q=0.9,en;q=0.8", Some(Lang::Fr));
        check("de-DE,en;q=0.5,fr;q=0.7", Some(Lang::Fr));
        check("en-GB", Some(Lang::En));
        check("de, es", None);
        check("fr;q=0", None);
        check("", None);
    }

    #[test]
    fn catalogues_parse_and_have_the_same_messages() {
        for (lang, text) in SOURCES {
            assert!(FluentResource::try_new(text.to_string()).is_ok(), "{} catalogue has syntax errors", lang.code());
        }
        let en = ids(SOURCES[0].1);
        let fr = ids(SOURCES[1].1);
        assert!(en.len() > 50);
        let missing_fr: Vec<_> = en.difference(&fr).collect();
        let missing_en: Vec<_> = fr.difference(&en).collect();
        assert!(missing_fr.is_empty() && missing_en.is_empty(), "fr lacks {missing_fr:?}; en lacks {missing_en:?}");
    }

    #[test]
    fn arguments_and_fallback() {
        let c = Catalogues::load();
        assert_eq!(c.text(Lang::En, "no-such-message", &[]), "no-such-message");
        assert!(c.text(Lang::Fr, "nav-check-link", &[]).contains("lien"));
    }
}
