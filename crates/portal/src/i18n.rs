//! Message catalogues (Fluent) of the portal and the choice of language: a `lang` cookie set by
//! the switcher, else the browser's `Accept-Language`, else English.

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the portal speaks: the UPU's documentation languages (English, French, Arabic,
/// Chinese, Russian, Spanish, Portuguese).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Fr,
    Ar,
    Zh,
    Ru,
    Es,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 7] = [Lang::En, Lang::Fr, Lang::Ar, Lang::Zh, Lang::Ru, Lang::Es, Lang::Pt];

    /// The BCP 47 primary language subtag (`<html lang>`, `Content-Language`, `--lang`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::Ru => "ru",
            Lang::Es => "es",
            Lang::Pt => "pt",
        }
    }

    /// The writing direction of the language's pages (`<html dir>`).
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language of a tag such as `pt-BR`, `zh-Hans-CN` or `ar_EG` (its primary subtag).
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
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

/// Each language's catalogue files: the portal's own words, then the sentences of the link
/// check, message check and posture reasons (one file per analyser, the same keys in each
/// language).
macro_rules! catalogue {
    ($lang:ident, $dir:literal) => {
        (
            Lang::$lang,
            &[
                include_str!(concat!("../locales/", $dir, "/portal.ftl")),
                include_str!(concat!("../locales/", $dir, "/links.ftl")),
                include_str!(concat!("../locales/", $dir, "/messages.ftl")),
                include_str!(concat!("../locales/", $dir, "/posture.ftl")),
            ],
        )
    };
}

const SOURCES: [(Lang, &[&str]); 7] = [
    catalogue!(En, "en"),
    catalogue!(Fr, "fr"),
    catalogue!(Ar, "ar"),
    catalogue!(Zh, "zh"),
    catalogue!(Ru, "ru"),
    catalogue!(Es, "es"),
    catalogue!(Pt, "pt"),
];

/// The loaded catalogues.
pub struct Catalogues {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl Catalogues {
    /// Parses the shipped catalogues; a syntax error in one is a bug caught by the unit tests,
    /// so the faulty entries are skipped rather than failing the server.
    pub fn load() -> Catalogues {
        let mut bundles = HashMap::new();
        for (lang, texts) in SOURCES {
            let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Left-to-right languages need no isolation marks (they would only end up inside
            // attribute values); in a right-to-left language each argument (a URL, a domain,
            // a number) is isolated (FSI ... PDI) so that it keeps its own direction.
            bundle.set_use_isolating(lang.dir() == "rtl");
            for text in texts {
                let resource = match FluentResource::try_new(text.to_string()) {
                    Ok(r) => r,
                    Err((r, errors)) => {
                        tracing::error!(lang = lang.code(), ?errors, "portal catalogue has syntax errors");
                        r
                    }
                };
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(lang = lang.code(), ?errors, "portal catalogue has duplicate messages");
                }
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

    /// The message `key` with text arguments only (names, domains, codes: never formatted as
    /// numbers); `None` when no catalogue has it.
    fn sentence<'a>(&self, lang: Lang, key: &str, args: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
        let (bundle, pattern) = [lang, Lang::En].into_iter().find_map(|l| {
            let bundle = self.bundles.get(&l)?;
            Some((bundle, bundle.get_message(key)?.value()?))
        })?;
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(k, FluentValue::from(v));
        }
        let mut errors = Vec::new();
        Some(bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned())
    }

    /// The sentence of one link reason in `lang` (`link-<code>`, prefixed with its hop when it
    /// was found on a later hop of a followed link).
    pub fn link_reason(&self, lang: Lang, r: &links::Reason) -> String {
        let args = r.args.0.iter().map(|(k, v)| (*k, v.as_str()));
        let sentence = self.sentence(lang, &format!("link-{}", r.code), args).unwrap_or_else(|| r.code.to_string());
        match (r.args.get("hop"), r.args.get("hop_url")) {
            (Some(hop), Some(url)) => {
                let args = [("hop", hop), ("hop_url", url), ("sentence", sentence.as_str())];
                self.sentence(lang, "link-hop", args).unwrap_or(sentence)
            }
            _ => sentence,
        }
    }

    /// A short phrase for a link reason code (`link-phrase-<code>`), for summaries; a blocklist
    /// phrase names its `source` when the arguments carry one.
    pub fn link_phrase(&self, lang: Lang, code: &str, source: Option<&str>) -> String {
        self.sentence(lang, &format!("link-phrase-{code}"), source.map(|s| ("source", s))).unwrap_or_else(|| code.to_string())
    }

    /// Fills the sentence of every reason of a link verdict in `lang`.
    pub fn explain_link(&self, lang: Lang, v: &mut links::Verdict) {
        for r in &mut v.reasons {
            r.message = self.link_reason(lang, r);
        }
    }

    /// The sentence of one message-check reason in `lang` (`message-<code>`); a link reason
    /// code among its arguments becomes that reason's phrase.
    pub fn message_reason(&self, lang: Lang, r: &scamtext::Reason) -> String {
        let phrase = r.args.get("link_reason").map(|c| self.link_phrase(lang, c, r.args.get("source")));
        let args = r.args.0.iter().map(|(k, v)| match (*k, &phrase) {
            ("link_reason", Some(p)) => (*k, p.as_str()),
            _ => (*k, v.as_str()),
        });
        self.sentence(lang, &format!("message-{}", r.code), args).unwrap_or_else(|| r.code.to_string())
    }

    /// Fills the sentence of every reason of a message analysis in `lang`.
    pub fn explain_message(&self, lang: Lang, a: &mut scamtext::Analysis) {
        for r in &mut a.reasons {
            r.detail = self.message_reason(lang, r);
        }
    }

    /// What a posture finding means and what to do about it, in `lang`; `None` for a code no
    /// catalogue knows (a report stored by another version keeps its own sentences then).
    pub fn posture_finding(&self, lang: Lang, code: &str) -> Option<(String, String)> {
        let message = self.sentence(lang, &format!("posture-{code}"), [])?;
        let fix = self.sentence(lang, &format!("posture-{code}-fix"), []).unwrap_or_default();
        Some((message, fix))
    }

    /// Fills `message` and `remediation` of every finding of a posture report held as JSON (as
    /// stored and as the API sends it), wherever findings appear in it.
    pub fn explain_posture_json(&self, lang: Lang, report: &mut serde_json::Value) {
        match report {
            serde_json::Value::Object(map) => {
                let code = map.get("code").and_then(|c| c.as_str()).map(str::to_string);
                if let Some(code) = code
                    && map.contains_key("remediation")
                    && let Some((message, fix)) = self.posture_finding(lang, &code)
                {
                    map.insert("message".into(), message.into());
                    map.insert("remediation".into(), fix.into());
                    return;
                }
                map.values_mut().for_each(|v| self.explain_posture_json(lang, v));
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|v| self.explain_posture_json(lang, v)),
            _ => {}
        }
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
        check("de, it", None);
        check("fr;q=0", None);
        check("ar-EG,ar;q=0.9,en;q=0.5", Some(Lang::Ar));
        check("zh-Hans-CN", Some(Lang::Zh));
        check("de-DE,pt-BR;q=0.8,es;q=0.7", Some(Lang::Pt));
        check("ru_RU", Some(Lang::Ru));
        check("", None);
    }

    #[test]
    fn catalogues_parse_and_have_the_same_messages() {
        for (lang, texts) in SOURCES {
            for text in texts {
                assert!(FluentResource::try_new(text.to_string()).is_ok(), "{} catalogue has syntax errors", lang.code());
            }
        }
        let all = |texts: &[&str]| texts.iter().flat_map(|t| ids(t)).collect::<std::collections::BTreeSet<_>>();
        let en = all(SOURCES[0].1);
        assert!(en.len() > 50);
        for (lang, texts) in &SOURCES[1..] {
            let other = all(texts);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty() && extra.is_empty(), "{} lacks {missing:?}; en lacks {extra:?}", lang.code());
            println!("{}: {} messages, the same keys as en", lang.code(), other.len());
        }
        // Every language's name, in itself, for the switcher.
        for l in Lang::ALL {
            assert!(en.contains(format!("lang-{}", l.code()).as_str()), "lang-{} is missing", l.code());
        }
    }

    /// The stylesheet mirrors under `dir="rtl"`: no physical left/right property outside the
    /// rules written for one direction (`[dir="rtl"] ...`).
    #[test]
    fn the_stylesheet_uses_logical_properties() {
        let css = include_str!("../static/portal.css");
        let physical = [
            "margin-left",
            "margin-right",
            "padding-left",
            "padding-right",
            "border-left",
            "border-right",
            "text-align: left",
            "text-align: right",
            "float: left",
            "float: right",
        ];
        for rule in css.split('}') {
            let Some((selector, body)) = rule.split_once('{') else { continue };
            if selector.contains("[dir=") {
                continue;
            }
            let positional = body.split(';').any(|d| matches!(d.split(':').next().map(str::trim), Some("left" | "right")));
            assert!(!positional && !physical.iter().any(|p| body.contains(p)), "physical direction in `{}`", selector.trim());
        }
    }

    #[test]
    fn arguments_and_fallback() {
        let c = Catalogues::load();
        assert_eq!(c.text(Lang::En, "no-such-message", &[]), "no-such-message");
        assert!(c.text(Lang::Fr, "nav-check-link", &[]).contains("lien"));
    }

    /// The variables each message of a catalogue uses (`$name`), selectors included.
    fn variables(text: &str) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn inline(e: &InlineExpression<&str>, out: &mut std::collections::BTreeSet<String>) {
            match e {
                InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                InlineExpression::Placeable { expression } => expr(expression, out),
                _ => {}
            }
        }
        fn expr(e: &Expression<&str>, out: &mut std::collections::BTreeSet<String>) {
            match e {
                Expression::Inline(i) => inline(i, out),
                Expression::Select { selector, variants } => {
                    inline(selector, out);
                    variants.iter().for_each(|v| pattern(&v.value, out));
                }
            }
        }
        fn pattern(p: &Pattern<&str>, out: &mut std::collections::BTreeSet<String>) {
            for el in &p.elements {
                if let PatternElement::Placeable { expression } = el {
                    expr(expression, out);
                }
            }
        }
        let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
        let mut map = std::collections::BTreeMap::new();
        for entry in &resource.body {
            if let Entry::Message(m) = entry {
                let mut used = std::collections::BTreeSet::new();
                if let Some(v) = &m.value {
                    pattern(v, &mut used);
                }
                map.insert(m.id.name.to_string(), used);
            }
        }
        map
    }

    /// Every reason code of the three analysers has its sentence in every language, using only
    /// the arguments the analyser gives it; posture codes have both sentences.
    #[test]
    fn every_reason_code_has_its_sentences_with_known_arguments() {
        for (lang, texts) in SOURCES {
            let mut vars = std::collections::BTreeMap::new();
            texts.iter().for_each(|t| vars.extend(variables(t)));
            let check = |key: String, allowed: &[&str]| {
                let Some(used) = vars.get(&key) else { panic!("{}: {key} is missing", lang.code()) };
                for v in used {
                    assert!(allowed.contains(&v.as_str()), "{}: {key} uses ${v}, which the analyser does not give", lang.code());
                }
            };
            for (code, args) in links::REASON_CODES {
                check(format!("link-{code}"), args);
                check(format!("link-phrase-{code}"), if code.starts_with("blocklist_") { &["source"] } else { &[] });
            }
            check("link-hop".into(), &["hop", "hop_url", "sentence"]);
            for (code, args) in scamtext::REASON_CODES {
                check(format!("message-{code}"), args);
            }
            for code in posture::findings::codes() {
                check(format!("posture-{code}"), &[]);
                check(format!("posture-{code}-fix"), &[]);
            }
        }
    }

    #[test]
    fn link_sentences_read_in_each_language() {
        let c = Catalogues::load();
        let registry = brands::BrandRegistry::builtin();
        let analyzer = links::Analyzer::new(&registry);
        let v = analyzer.analyse("https://laposte-colis.top/suivi").expect("analyses");
        let mut en = v.clone();
        c.explain_link(Lang::En, &mut en);
        let mut fr = v;
        c.explain_link(Lang::Fr, &mut fr);
        let combo = |v: &links::Verdict| v.reasons.iter().find(|r| r.code == "combosquat").map(|r| r.message.clone());
        assert_eq!(
            combo(&en).as_deref(),
            Some("impersonates La Poste (laposte.fr) by combining its name with other words (laposte-colis.top)")
        );
        assert_eq!(combo(&fr).as_deref(), Some("usurpe La Poste (laposte.fr) en combinant son nom avec d'autres mots (laposte-colis.top)"));
        assert!(en.reasons.iter().chain(&fr.reasons).all(|r| !r.message.is_empty() && !r.message.contains('{')), "{en:?} {fr:?}");
        let typo = analyzer.analyse("https://laposet.fr/").expect("analyses");
        let mut fr = typo;
        c.explain_link(Lang::Fr, &mut fr);
        assert!(fr.reasons.iter().any(|r| r.message.starts_with("ressemble à La Poste")), "{:?}", fr.reasons);
    }

    #[test]
    fn message_sentences_name_the_link_reason_in_the_same_language() {
        let c = Catalogues::load();
        let r = scamtext::Reason {
            code: "malicious_link",
            detail: String::new(),
            args: links::Args(vec![
                ("url", "https://laposte-colis.top".into()),
                ("link_reason", "combosquat".into()),
                ("brand", "La Poste".into()),
                ("form", "brand".into()),
            ]),
        };
        assert_eq!(
            c.message_reason(Lang::Fr, &r),
            "analyse du lien : https://laposte-colis.top est malveillant (un nom de marque accolé à d'autres mots, imitant La Poste)"
        );
        let plain = scamtext::Reason { args: links::Args(r.args.0[..2].to_vec()), ..r };
        assert_eq!(
            c.message_reason(Lang::En, &plain),
            "link checker: https://laposte-colis.top is malicious (a brand name with other words)"
        );
    }

    #[test]
    fn posture_findings_come_from_the_catalogue_and_unknown_codes_keep_their_text() {
        let c = Catalogues::load();
        let mut report = serde_json::json!({"findings": [
            {"code": "dmarc-syntax-error", "message": "", "remediation": "", "evidence": "v=DMARC1 p=reject"},
            {"code": "from-a-newer-version", "message": "kept", "remediation": "kept too", "evidence": ""}
        ]});
        c.explain_posture_json(Lang::Fr, &mut report);
        assert_eq!(report["findings"][0]["message"], "L'enregistrement DMARC ne respecte pas la syntaxe de la RFC 7489.");
        assert_eq!(report["findings"][0]["remediation"], "Corrigez la balise indiquée dans la preuve.");
        assert_eq!(report["findings"][1]["message"], "kept");
    }
}
