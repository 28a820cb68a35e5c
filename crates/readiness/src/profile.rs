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
