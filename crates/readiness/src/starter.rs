//! The starter path for small island developing states and least developed countries (issue 18,
//! section 6): such a post sees its hygiene baseline first and a plan of phase-1 actions only,
//! each linked to what Postern itself offers. Both lists are data files under `data/`.

use std::collections::{BTreeMap, BTreeSet};

use crate::bank::{Bank, BankError};

const GROUPS: &str = include_str!("../data/country_groups.txt");
const LINKS: &str = include_str!("../data/starter_links.txt");

/// The development groups of a country.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Groups {
    pub sids: bool,
    pub ldc: bool,
}

impl Groups {
    /// A SIDS or LDC post takes the starter path.
    pub fn starter(self) -> bool {
        self.sids || self.ldc
    }
}

/// Where Postern helps with one phase-1 question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub path: String,
    /// The catalogue key suffix of the link's label.
    pub key: String,
}

/// The shipped lists, checked.
#[derive(Debug, Clone)]
pub struct Starter {
    groups: BTreeMap<String, Groups>,
    links: BTreeMap<String, Link>,
}

fn lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split_whitespace().collect()))
}

impl Starter {
    /// Parses both data files and checks them against `bank`.
    pub fn embedded(bank: &Bank) -> Result<Starter, BankError> {
        let bad = |file: &'static str, line: usize, reason: String| BankError::DataList { file, line, reason };
        let mut groups = BTreeMap::new();
        for (line, words) in lines(GROUPS) {
            let Some((code, flags)) = words.split_first() else { continue };
            if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(bad("country_groups.txt", line, format!("{code} is not an ISO 3166-1 alpha-2 code")));
            }
            let flags: BTreeSet<&str> = flags.iter().copied().collect();
            if flags.is_empty() || flags.iter().any(|f| !["sids", "ldc"].contains(f)) {
                return Err(bad("country_groups.txt", line, "groups are sids and ldc".into()));
            }
            let g = Groups { sids: flags.contains("sids"), ldc: flags.contains("ldc") };
            if groups.insert((*code).to_owned(), g).is_some() {
                return Err(bad("country_groups.txt", line, format!("{code} appears twice")));
            }
        }
        let mut links = BTreeMap::new();
        for (line, words) in lines(LINKS) {
            let [id, path, key] = words[..] else { return Err(bad("starter_links.txt", line, "id, path and key".into())) };
            let phase_one = bank.question(id).is_some_and(|q| q.is_scored() && q.phase == 1);
            if !phase_one || !path.starts_with('/') || links.insert(id.to_owned(), Link { path: path.into(), key: key.into() }).is_some() {
                return Err(bad("starter_links.txt", line, format!("{id} must be a scored phase-1 question, once, with a /path")));
            }
        }
        Ok(Starter { groups, links })
    }

    /// The groups of a country (ISO 3166-1 alpha-2, any case); none for an unknown country.
    pub fn groups(&self, country: Option<&str>) -> Groups {
        country.and_then(|c| self.groups.get(&c.to_ascii_uppercase())).copied().unwrap_or_default()
    }

    /// Where Postern helps with question `id`, if it does.
    pub fn link(&self, id: &str) -> Option<&Link> {
        self.links.get(id)
    }

    /// Counts of SIDS and LDC entries (for the data test's printout).
    pub fn counts(&self) -> (usize, usize) {
        (self.groups.values().filter(|g| g.sids).count(), self.groups.values().filter(|g| g.ldc).count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lists_load_and_classify_posts() {
        let bank = Bank::embedded().unwrap();
        let starter = Starter::embedded(&bank).unwrap();
        let (sids, ldc) = starter.counts();
        println!("{sids} SIDS, {ldc} LDC");
        assert_eq!((sids, ldc), (41, 41));
        assert_eq!(starter.groups(Some("jm")), Groups { sids: true, ldc: false });
        assert_eq!(starter.groups(Some("HT")), Groups { sids: true, ldc: true });
        assert!(starter.groups(Some("ET")).starter());
        assert!(!starter.groups(Some("FR")).starter() && !starter.groups(None).starter());
        assert_eq!(starter.link("MAIL-03").map(|l| l.path.as_str()), Some("/members/posture"));
        assert_eq!(starter.link("GOV-03"), None);
    }
}
