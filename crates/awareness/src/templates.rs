//! Simulation templates as data: one TOML file per lure under `data/templates/`, with its text
//! in EN and FR, its Phish Scale cues and its premise alignment per role track, embedded in the
//! binary and validated at load (see `data/templates/README.md`).
//!
//! Templates name no brand: `{{brand}}` and `{{domain}}` are the post's own, filled in when a
//! campaign renders the message, so no simulation ever imitates another company.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::lessons::{Language, Track};
use crate::phishscale::{self, CueType, Difficulty, Premise};

/// The placeholders a template may use.
pub const PLACEHOLDERS: [&str; 5] = ["brand", "domain", "link", "name", "ref"];

/// The longest SMS body, before placeholders are filled: two concatenated segments.
pub const MAX_SMS_CHARS: usize = 306;

/// How a lure reaches its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    Sms,
}

impl Channel {
    pub fn key(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    pub fn from_key(key: &str) -> Option<Channel> {
        [Channel::Email, Channel::Sms].into_iter().find(|c| c.key() == key)
    }
}

/// One cue of a lure: its type, what it is, how many times it appears, and what the teaching
/// page says about it in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cue {
    #[serde(rename = "type")]
    pub kind: CueType,
    pub cue: String,
    pub count: u32,
    pub en: String,
    pub fr: String,
}

impl Cue {
    pub fn explanation(&self, lang: Language) -> &str {
        match lang {
            Language::En => &self.en,
            Language::Fr => &self.fr,
        }
    }
}

/// The text of a lure in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// E-mail only.
    #[serde(default)]
    pub subject: Option<String>,
    pub body: String,
}

/// A simulation template.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub channel: Channel,
    /// The track the lure is aimed at: its difficulty is the template's headline difficulty.
    pub audience: Track,
    pub version: u32,
    pub text: BTreeMap<Language, Text>,
    pub cues: Vec<Cue>,
    /// Premise alignment for each track the lure was scored for.
    pub premise: BTreeMap<Track, Premise>,
}

impl Template {
    /// Every cue instance counted, as the Phish Scale does.
    pub fn cue_total(&self) -> u32 {
        self.cues.iter().map(|c| c.count).sum()
    }

    /// Cue instances per type, every type present (0 when absent).
    pub fn cue_counts(&self) -> BTreeMap<CueType, u32> {
        let mut counts: BTreeMap<CueType, u32> = CueType::ALL.iter().map(|t| (*t, 0)).collect();
        for c in &self.cues {
            *counts.entry(c.kind).or_default() += c.count;
        }
        counts
    }

    /// The difficulty for each track the lure was scored for.
    pub fn difficulty_by_track(&self) -> BTreeMap<Track, Difficulty> {
        self.premise.iter().map(|(t, p)| (*t, phishscale::difficulty(self.cue_total(), p))).collect()
    }

    /// The difficulty for the audience (validated to have a premise score).
    pub fn difficulty(&self) -> Difficulty {
        let premise = self.premise.get(&self.audience).copied().unwrap_or(Premise {
            workplace_process: 0,
            workplace_relevance: 0,
            other_events: 0,
            fear: 0,
            trained_on: 0,
        });
        phishscale::difficulty(self.cue_total(), &premise)
    }

    /// The difficulty for `track`, or the headline difficulty if the lure was not scored for it.
    pub fn difficulty_for(&self, track: Track) -> Difficulty {
        self.premise.get(&track).map_or_else(|| self.difficulty(), |p| phishscale::difficulty(self.cue_total(), p))
    }

    /// The languages the template ships in.
    pub fn languages(&self) -> Vec<Language> {
        self.text.keys().copied().collect()
    }

    /// The message for one target, placeholders filled.
    pub fn render(&self, lang: Language, values: &Values<'_>) -> Option<Text> {
        let text = self.text.get(&lang)?;
        Some(Text { subject: text.subject.as_deref().map(|s| fill(s, values)), body: fill(&text.body, values) })
    }
}

/// What the placeholders stand for in one message.
#[derive(Debug, Clone, Copy)]
pub struct Values<'a> {
    /// The post's own name.
    pub brand: &'a str,
    /// The post's own domain.
    pub domain: &'a str,
    pub link: &'a str,
    /// The target's name, or a neutral word when the list has none.
    pub name: &'a str,
    /// A parcel reference shown in the lure.
    pub reference: &'a str,
}

fn fill(text: &str, v: &Values<'_>) -> String {
    text.replace("{{brand}}", v.brand)
        .replace("{{domain}}", v.domain)
        .replace("{{link}}", v.link)
        .replace("{{name}}", v.name)
        .replace("{{ref}}", v.reference)
}

/// A template file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// The file is not valid TOML for a template.
    #[error("{file}: {reason}")]
    Malformed { file: String, reason: String },
    /// Two files have the same id.
    #[error("template id '{0}' is used twice")]
    Duplicate(String),
}

fn malformed(file: &str, reason: impl Into<String>) -> TemplateError {
    TemplateError::Malformed { file: file.to_string(), reason: reason.into() }
}

/// The shipped templates; a new file must be listed here.
const EMBEDDED: [(&str, &str); 6] = [
    ("parcel-held-sms.toml", include_str!("../data/templates/parcel-held-sms.toml")),
    ("customs-fee-sms.toml", include_str!("../data/templates/customs-fee-sms.toml")),
    ("handheld-update-sms.toml", include_str!("../data/templates/handheld-update-sms.toml")),
    ("redelivery-email.toml", include_str!("../data/templates/redelivery-email.toml")),
    ("staff-account-email.toml", include_str!("../data/templates/staff-account-email.toml")),
    ("refund-email.toml", include_str!("../data/templates/refund-email.toml")),
];

/// The shipped templates, sorted by id, each validated.
pub fn embedded() -> Result<Vec<Template>, TemplateError> {
    load(EMBEDDED.iter().copied())
}

/// Parses and validates `(file name, text)` pairs.
pub fn load<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Vec<Template>, TemplateError> {
    let mut out: Vec<Template> = Vec::new();
    for (file, text) in files {
        let t: Template = toml::from_str(text).map_err(|e| malformed(file, e.to_string()))?;
        validate(file, &t)?;
        if out.iter().any(|o| o.id == t.id) {
            return Err(TemplateError::Duplicate(t.id));
        }
        out.push(t);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}

fn validate(file: &str, t: &Template) -> Result<(), TemplateError> {
    let stem = file.strip_suffix(".toml").unwrap_or(file);
    if t.id != stem || t.id.is_empty() || !t.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        return Err(malformed(file, format!("id '{}' must be the file name and use a-z, 0-9 and '-'", t.id)));
    }
    for lang in Language::ALL {
        let Some(text) = t.text.get(&lang) else { return Err(malformed(file, format!("no text in language '{}'", lang.key()))) };
        validate_text(file, t.channel, lang, text)?;
    }
    if t.cues.is_empty() {
        return Err(malformed(file, "a lure with no cue cannot teach anything"));
    }
    for c in &t.cues {
        if c.count == 0 || c.cue.is_empty() || c.en.trim().is_empty() || c.fr.trim().is_empty() {
            return Err(malformed(file, format!("cue '{}': needs a name, a count of at least 1 and an EN and FR explanation", c.cue)));
        }
        // The Phish Scale drops the visual cues for SMS: a text message has no layout.
        if t.channel == Channel::Sms && c.kind == CueType::Visual {
            return Err(malformed(file, format!("cue '{}': an SMS has no visual presentation cues", c.cue)));
        }
    }
    if !t.premise.contains_key(&t.audience) {
        return Err(malformed(file, format!("no premise alignment for the audience '{}'", t.audience.key())));
    }
    for (track, p) in &t.premise {
        if let Some(bad) = p.elements().into_iter().find(|e| !Premise::SCORES.contains(e)) {
            return Err(malformed(file, format!("premise.{}: element score {bad} is not one of 0, 2, 4, 6, 8", track.key())));
        }
    }
    Ok(())
}

fn validate_text(file: &str, channel: Channel, lang: Language, text: &Text) -> Result<(), TemplateError> {
    let at = |what: &str| format!("text.{}: {what}", lang.key());
    match (channel, &text.subject) {
        (Channel::Email, None) => return Err(malformed(file, at("an e-mail needs a subject"))),
        (Channel::Email, Some(s)) if s.trim().is_empty() => return Err(malformed(file, at("an e-mail needs a subject"))),
        (Channel::Sms, Some(_)) => return Err(malformed(file, at("an SMS has no subject"))),
        _ => {}
    }
    if channel == Channel::Sms && text.body.chars().count() > MAX_SMS_CHARS {
        return Err(malformed(file, at(&format!("an SMS body is at most {MAX_SMS_CHARS} characters"))));
    }
    if !text.body.contains("{{link}}") {
        return Err(malformed(file, at("the body must carry {{link}}")));
    }
    let all = format!("{}\n{}", text.subject.as_deref().unwrap_or_default(), text.body);
    for piece in all.split("{{").skip(1) {
        let name = piece.split("}}").next().unwrap_or_default();
        if !PLACEHOLDERS.contains(&name) {
            return Err(malformed(file, at(&format!("unknown placeholder {{{{{name}}}}} (known: {})", PLACEHOLDERS.join(", ")))));
        }
    }
    // Markup in a template would be rendered by mail clients: templates are plain text.
    if all.contains('<') {
        return Err(malformed(file, at("templates are plain text: '<' is not allowed")));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(file: &str, text: &str) -> String {
        match load([(file, text)]) {
            Ok(_) => "ok".into(),
            Err(e) => e.to_string(),
        }
    }

    const SMS: &str = r#"
id = "t"
channel = "sms"
audience = "citizen"
version = 1
[text.en]
body = "Pay {{link}}"
[text.fr]
body = "Payez {{link}}"
[[cues]]
type = "language"
cue = "urgency"
count = 1
en = "e"
fr = "f"
[premise.citizen]
workplace_process = 2
workplace_relevance = 2
other_events = 2
fear = 2
trained_on = 0
"#;

    #[test]
    fn the_shipped_templates_load_and_cover_both_channels_and_languages() {
        let all = embedded().expect("shipped templates are valid");
        assert!(all.len() >= 6);
        for channel in [Channel::Email, Channel::Sms] {
            assert!(all.iter().any(|t| t.channel == channel), "no {channel:?} template");
        }
        let levels: std::collections::BTreeSet<Difficulty> = all.iter().map(Template::difficulty).collect();
        assert!(levels.len() >= 2, "the shipped lures should not all be equally hard: {levels:?}");
        for t in &all {
            assert_eq!(t.languages(), Language::ALL.to_vec(), "{}", t.id);
        }
    }

    #[test]
    fn difficulty_comes_from_the_scale() {
        let all = embedded().expect("shipped");
        let get = |id: &str| all.iter().find(|t| t.id == id).expect(id);
        // 5 cues (few) and a premise of 20 for citizens (strong): very difficult.
        assert_eq!(get("parcel-held-sms").difficulty(), Difficulty::Hard);
        // 10 cues (some) and a premise of 4 (weak): least to moderately difficult, shown as easy.
        assert_eq!(get("refund-email").difficulty(), Difficulty::Easy);
        assert_eq!(get("handheld-update-sms").difficulty_for(Track::ItAdmin), Difficulty::Medium);
    }

    #[test]
    fn rendering_fills_every_placeholder() {
        let all = embedded().expect("shipped");
        let v = Values { brand: "Poste Demo", domain: "poste.example", link: "https://x.example/a/T", name: "Ana", reference: "RR1" };
        for t in &all {
            for lang in Language::ALL {
                let text = t.render(lang, &v).expect("language present");
                let whole = format!("{}{}", text.subject.unwrap_or_default(), text.body);
                assert!(!whole.contains("{{"), "{} {lang:?}: {whole}", t.id);
                assert!(whole.contains("https://x.example/a/T"));
            }
        }
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        assert_eq!(with("t.toml", SMS), "ok");
        assert!(with("u.toml", SMS).contains("must be the file name"));
        assert!(with("t.toml", &SMS.replace("Payez {{link}}", "Payez")).contains("text.fr: the body must carry {{link}}"));
        assert!(with("t.toml", &SMS.replace("Pay {{link}}", "Pay {{link}} {{iban}}")).contains("unknown placeholder {{iban}}"));
        assert!(with("t.toml", &SMS.replace("type = \"language\"", "type = \"visual\"")).contains("no visual presentation cues"));
        assert!(with("t.toml", &SMS.replace("fear = 2", "fear = 3")).contains("element score 3"));
        assert!(with("t.toml", &SMS.replace("[premise.citizen]", "[premise.management]")).contains("no premise alignment"));
        assert!(with("t.toml", &SMS.replace("channel = \"sms\"", "channel = \"email\"")).contains("needs a subject"));
        assert!(with("t.toml", &SMS.replace("Pay {{link}}", "<b>Pay</b> {{link}}")).contains("plain text"));
        assert!(with("t.toml", &SMS.replace("[text.fr]\nbody = \"Payez {{link}}\"", "")).contains("no text in language 'fr'"));
    }

    #[test]
    fn templates_name_no_postal_brand() {
        // The post's own name comes from `{{brand}}`; a shipped lure never imitates a company.
        let registry = brands_words();
        for t in embedded().expect("shipped") {
            for text in t.text.values() {
                let lower = format!("{} {}", text.subject.as_deref().unwrap_or_default(), text.body).to_lowercase();
                let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
                for w in &registry {
                    assert!(!words.contains(&w.as_str()), "{} names the brand '{w}'", t.id);
                }
            }
        }
    }

    /// Distinctive names of known brands (never generic words such as "post").
    fn brands_words() -> Vec<String> {
        let mut words: Vec<String> = Vec::new();
        for b in brands::BrandRegistry::builtin().brands() {
            words.extend(b.short_names.iter().filter(|s| s.len() >= 3).cloned());
        }
        words
    }
}
