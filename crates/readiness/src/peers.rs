//! Peer-group attributes of a post from its organisation's country (issue 18, section 5): the
//! UPU region, the World Bank income group and the SIDS/LDC flags. The lists are data files under
//! `data/` (sources in each file), embedded and checked at load against the ISO 3166-1 list.

use std::collections::{BTreeMap, BTreeSet};

use crate::bank::BankError;
use crate::bench::{PeerAttributes, UNASSIGNED};

const ISO: &str = include_str!("../data/iso3166_alpha2.txt");
const REGIONS: &str = include_str!("../data/upu_regions.txt");
const INCOMES: &str = include_str!("../data/income_groups.txt");
const GROUPS: &str = include_str!("../data/country_groups.txt");

/// The UPU regions, in the order the dashboard shows them.
pub const REGION_IDS: [&str; 6] = ["africa", "arab", "asia_pacific", "europe_cis", "lac", "industrialised"];
/// The World Bank income groups, low to high, then the countries it does not classify.
pub const INCOME_IDS: [&str; 5] = ["low", "lower_middle", "upper_middle", "high", "unclassified"];
/// How a listed code stands with the UPU (see `data/upu_regions.txt`).
pub const STATUS_IDS: [&str; 4] = ["member", "part", "observer", "nonmember"];

/// One listed country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub region: String,
    pub status: String,
    pub income: String,
    pub sids: bool,
    pub ldc: bool,
}

/// The shipped peer-group lists, checked.
#[derive(Debug, Clone)]
pub struct Peers {
    countries: BTreeMap<String, Country>,
}

/// Data lines as (line number, words), with `#` comments removed.
fn records(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(i, l)| {
        let words: Vec<&str> = l.split('#').next().unwrap_or("").split_whitespace().collect();
        (!words.is_empty()).then_some((i + 1, words))
    })
}

fn bad(file: &'static str, line: usize, reason: String) -> BankError {
    BankError::DataList { file, line, reason }
}

/// `CODE value...` lines of `file` keyed by a known, unique code.
fn keyed<'a>(file: &'static str, text: &'a str, known: &BTreeSet<&str>, arity: usize) -> Result<BTreeMap<String, Vec<&'a str>>, BankError> {
    let mut out = BTreeMap::new();
    for (line, words) in records(text) {
        let Some((code, rest)) = words.split_first() else { continue };
        if !known.contains(code) {
            return Err(bad(file, line, format!("{code} is not an ISO 3166-1 alpha-2 code")));
        }
        if arity > 0 && rest.len() != arity {
            return Err(bad(file, line, format!("{code}: expected {arity} value(s) after the code")));
        }
        if out.insert((*code).to_owned(), rest.to_vec()).is_some() {
            return Err(bad(file, line, format!("{code} appears twice")));
        }
    }
    Ok(out)
}

impl Peers {
    /// Parses the embedded lists and checks them: real and unique codes, known group ids, the
    /// same countries in the region and income files, and every SIDS/LDC country among them.
    pub fn embedded() -> Result<Peers, BankError> {
        let iso: BTreeSet<&str> = records(ISO).filter_map(|(_, w)| w.first().copied()).collect();
        if iso.len() < 249 {
            return Err(bad("iso3166_alpha2.txt", 0, format!("{} codes, expected 249", iso.len())));
        }
        let regions = keyed("upu_regions.txt", REGIONS, &iso, 2)?;
        let incomes = keyed("income_groups.txt", INCOMES, &iso, 1)?;
        let groups = keyed("country_groups.txt", GROUPS, &iso, 0)?;
        let mut countries = BTreeMap::new();
        for (code, words) in &regions {
            let (region, status) = (words[0], words[1]);
            if !REGION_IDS.contains(&region) || !STATUS_IDS.contains(&status) {
                return Err(bad("upu_regions.txt", 0, format!("{code}: unknown region {region} or status {status}")));
            }
            let Some(income) = incomes.get(code).and_then(|w| w.first()) else {
                return Err(bad("income_groups.txt", 0, format!("{code} has a region but no income group")));
            };
            if !INCOME_IDS.contains(income) {
                return Err(bad("income_groups.txt", 0, format!("{code}: unknown income group {income}")));
            }
            let flags = groups.get(code).cloned().unwrap_or_default();
            let (sids, ldc) = (flags.contains(&"sids"), flags.contains(&"ldc"));
            countries.insert(code.clone(), Country { region: region.into(), status: status.into(), income: (*income).into(), sids, ldc });
        }
        if let Some(code) = incomes.keys().find(|c| !regions.contains_key(*c)) {
            return Err(bad("upu_regions.txt", 0, format!("{code} has an income group but no region")));
        }
        if let Some(code) = groups.keys().find(|c| !regions.contains_key(*c)) {
            return Err(bad("upu_regions.txt", 0, format!("{code} is SIDS or LDC but has no region")));
        }
        Ok(Peers { countries })
    }

    /// A listed country (ISO 3166-1 alpha-2, any case).
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.get(&code.to_ascii_uppercase())
    }

    /// Every listed country by code.
    pub fn countries(&self) -> &BTreeMap<String, Country> {
        &self.countries
    }

    /// The peer attributes of a post from its organisation's country; region and income
    /// [`UNASSIGNED`] (and no flag) for a country that is not listed or not given.
    pub fn attributes(&self, country: Option<&str>) -> PeerAttributes {
        match country.and_then(|c| self.country(c)) {
            Some(c) => PeerAttributes { region: c.region.clone(), income: c.income.clone(), sids: c.sids, ldc: c.ldc },
            None => PeerAttributes { region: UNASSIGNED.into(), income: UNASSIGNED.into(), sids: false, ldc: false },
        }
    }
}

#[cfg(test)]
mod tests;
