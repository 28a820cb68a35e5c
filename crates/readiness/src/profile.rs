//! The channel profile (question CH-01): which channels a post offers decides which questions apply.

use serde::{Deserialize, Serialize};

use crate::bank::Question;

/// A channel or service a post may offer; the names are the CH-01 flags of the assessment file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Counter,
    Website,
    App,
    Handhelds,
    Outlets,
    Ecommerce,
    /// Postal (digital) financial services.
    Dfs,
    Egov,
}

/// The answer to CH-01. The assessment file must give every flag (see [`crate::file`]); in stored
/// profiles a flag left out means the channel is not offered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    pub counter: bool,
    pub website: bool,
    pub app: bool,
    pub handhelds: bool,
    pub outlets: bool,
    pub ecommerce: bool,
    pub dfs: bool,
    pub egov: bool,
}

impl Profile {
    /// A profile offering every channel.
    pub fn all() -> Profile {
        Profile { counter: true, website: true, app: true, handhelds: true, outlets: true, ecommerce: true, dfs: true, egov: true }
    }

    pub fn offers(&self, channel: Channel) -> bool {
        match channel {
            Channel::Counter => self.counter,
            Channel::Website => self.website,
            Channel::App => self.app,
            Channel::Handhelds => self.handhelds,
            Channel::Outlets => self.outlets,
            Channel::Ecommerce => self.ecommerce,
            Channel::Dfs => self.dfs,
            Channel::Egov => self.egov,
        }
    }

    /// A question applies when it names no channel or the post offers any channel it names.
    pub fn applies(&self, question: &Question) -> bool {
        question.applies_if.is_empty() || question.applies_if.iter().any(|&c| self.offers(c))
    }
}

/// The areas in which the profile removes every scored question. The scorer leaves such an area
/// out of the index; the faces refuse the profile instead (issue 18, section 7), since a post
/// cannot be benchmarked on an area it was never asked about.
pub fn emptied_areas(bank: &crate::Bank, profile: &Profile) -> Vec<String> {
    bank.areas
        .iter()
        .filter(|a| !bank.questions.iter().any(|q| q.area == a.id && q.is_scored() && profile.applies(q)))
        .map(|a| a.id.clone())
        .collect()
}

/// What a draft stores as its profile: the CH-01 flags and the primary domains whose scan
/// results are its evidence (declared by a facilitator, section 3 of the issue), so that the
/// assessment keeps the evidence base it was scored on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Declared {
    #[serde(flatten)]
    pub profile: Profile,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
}

/// A domain name as declared: lower case, no trailing dot, at least two labels of letters,
/// digits and inner hyphens (A-labels; internationalised names are declared in their `xn--`
/// form). `None` for anything else.
pub fn domain(input: &str) -> Option<String> {
    let name = input.trim().trim_end_matches('.').to_ascii_lowercase();
    let label_ok = |l: &str| {
        (1..=63).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') && !l.starts_with('-') && !l.ends_with('-')
    };
    (name.len() <= 253 && name.split('.').count() >= 2 && name.split('.').all(label_ok)).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_profile_keeps_flags_and_domains_and_reads_bare_profiles() {
        let declared = Declared { profile: Profile { website: true, ..Profile::default() }, domains: vec!["laposte.example".into()] };
        let json = serde_json::to_string(&declared).unwrap();
        assert_eq!(serde_json::from_str::<Declared>(&json).unwrap(), declared);
        let bare: Declared = serde_json::from_str(r#"{"counter":true}"#).unwrap();
        assert!(bare.profile.counter && bare.domains.is_empty());
    }

    #[test]
    fn domains_are_checked_and_normalised() {
        assert_eq!(domain(" LaPoste.Example. ").as_deref(), Some("laposte.example"));
        assert_eq!(domain("xn--bcher-kva.example").as_deref(), Some("xn--bcher-kva.example"));
        for bad in ["", "localhost", "-a.example", "a-.example", "a..example", "a b.example", "http://a.example", &"a".repeat(64)] {
            assert_eq!(domain(bad), None, "{bad:?}");
        }
    }
}
