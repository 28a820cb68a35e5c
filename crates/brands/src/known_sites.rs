//! Well-known legitimate sites: the registrable domains of organisations people really receive
//! messages from (public portals, health services, banks, telecoms, shops, airlines) and the
//! government-only suffixes (`gov.uk`, `gouv.fr`) under which every host is run by a government.
//!
//! This is reputation data, not the brand registry: nobody scores look-alikes of these domains
//! here. A link on one of them is evidence that a message is genuine, so the list deliberately
//! leaves out every domain under which the public can publish pages, forms or files
//! (`sites.google.com`, `github.io`, `wixsite.com`, shorteners): scammers host there.

use std::collections::HashMap;

use crate::BrandError;

/// The embedded list, as shipped (`data/known_sites.tsv`).
pub const BUILTIN_TSV: &str = include_str!("../data/known_sites.tsv");

/// What a known site's organisation does; the column is kept so the list stays reviewable.
const SECTORS: &[&str] = &[
    "government",
    "health",
    "bank",
    "payments",
    "telecom",
    "retail",
    "supermarket",
    "ecommerce",
    "travel",
    "transport",
    "utility",
    "media",
    "streaming",
    "booking",
    "charity",
    "insurance",
    "education",
    "delivery",
];

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownSite {
    /// Lower-case registrable domain or government-only suffix; hosts equal to it or under it
    /// belong to the site.
    pub domain: String,
    /// ISO 3166-1 alpha-2 country, or `INT`.
    pub country: String,
    /// One of the sector names above.
    pub sector: String,
    /// The organisation's name.
    pub organisation: String,
}

/// The loaded list with a domain index.
#[derive(Debug, Clone, Default)]
pub struct KnownSites {
    sites: Vec<KnownSite>,
    index: HashMap<String, usize>,
}

impl KnownSites {
    /// The list shipped with Postern. The embedded file is checked by this crate's tests; an
    /// error here is a build defect, so fall back to an empty list rather than panic in a server.
    pub fn builtin() -> KnownSites {
        KnownSites::parse(BUILTIN_TSV, "builtin").unwrap_or_default()
    }

    /// Parses `domain<TAB>country<TAB>sector<TAB>organisation` lines (`#` starts a comment).
    pub fn parse(text: &str, origin: &str) -> Result<KnownSites, BrandError> {
        let mut out = KnownSites::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: String| BrandError::Invalid { origin: origin.to_string(), id: format!("line {}", n + 1), message };
            let cols: Vec<&str> = line.split('\t').collect();
            let [domain, country, sector, organisation] = cols[..] else {
                return Err(bad(format!("expected 4 tab-separated columns (domain, country, sector, organisation), found {}", cols.len())));
            };
            let domain = domain.trim();
            if !valid_domain(domain) {
                return Err(bad(format!("domain {domain:?} is not a lower-case host name with a dot")));
            }
            // A user-content platform is never accepted, even from an operator's file: a link there says
            // nothing about who sent it.
            if crate::lists::user_content().covers(domain) {
                return Err(bad(format!("domain {domain:?} hosts user content and cannot be a known site")));
            }
            if !(country == "INT" || (country.len() == 2 && country.bytes().all(|b| b.is_ascii_uppercase()))) {
                return Err(bad(format!("country {country:?} is not an ISO 3166-1 alpha-2 code or INT")));
            }
            if !SECTORS.contains(&sector) {
                return Err(bad(format!("unknown sector {sector:?}")));
            }
            if out.index.contains_key(domain) {
                return Err(bad(format!("domain {domain:?} is listed twice")));
            }
            out.index.insert(domain.to_string(), out.sites.len());
            out.sites.push(KnownSite {
                domain: domain.to_string(),
                country: country.to_string(),
                sector: sector.to_string(),
                organisation: organisation.trim().to_string(),
            });
        }
        Ok(out)
    }

    /// The known site that `host` is equal to or under, if any.
    pub fn owner(&self, host: &str) -> Option<&KnownSite> {
        let host = host.trim_end_matches('.');
        let mut rest = host;
        loop {
            if let Some(&i) = self.index.get(rest) {
                return self.sites.get(i);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    pub fn sites(&self) -> &[KnownSite] {
        &self.sites
    }

    pub fn len(&self) -> usize {
        self.sites.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sites.is_empty()
    }
}

fn valid_domain(d: &str) -> bool {
    d.contains('.')
        && !d.starts_with('.')
        && !d.ends_with('.')
        && !d.contains("..")
        && d.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_list_parses_and_is_substantial() {
        let sites = KnownSites::parse(BUILTIN_TSV, "builtin").expect("builtin list parses");
        assert!(sites.len() >= 300, "{}", sites.len());
        assert_eq!(KnownSites::builtin().len(), sites.len());
    }

    #[test]
    fn hosts_under_a_known_domain_belong_to_it_and_look_alikes_do_not() {
        let sites = KnownSites::parse("gov.uk\tGB\tgovernment\tUK government\ntesco.com\tGB\tsupermarket\tTesco\n", "t").expect("parses");
        assert_eq!(sites.owner("www.tax.service.gov.uk").map(|s| s.organisation.as_str()), Some("UK government"));
        assert_eq!(sites.owner("tesco.com").map(|s| s.domain.as_str()), Some("tesco.com"));
        assert!(sites.owner("tesco.com.refund-claim.top").is_none());
        assert!(sites.owner("gov.uk-refund.com").is_none());
        assert!(sites.owner("mytesco.com").is_none());
    }

    #[test]
    fn user_content_hosts_and_malformed_rows_are_refused_with_the_line() {
        let e = KnownSites::parse("sites.google.com\tINT\tmedia\tGoogle Sites\n", "t").expect_err("user content");
        assert!(e.to_string().contains("user content") && e.to_string().contains("line 1"), "{e}");
        for (row, why) in [
            ("Tesco.com\tGB\tretail\tTesco", "lower-case"),
            ("tesco\tGB\tretail\tTesco", "with a dot"),
            ("tesco.com\tUK1\tretail\tTesco", "alpha-2"),
            ("tesco.com\tGB\tshop\tTesco", "sector"),
            ("tesco.com\tGB\tretail", "4 tab-separated"),
        ] {
            let e = KnownSites::parse(row, "t").expect_err(row);
            assert!(e.to_string().contains(why), "{row}: {e}");
        }
        let e = KnownSites::parse("a.com\tGB\tretail\tA\na.com\tGB\tretail\tA\n", "t").expect_err("dup");
        assert!(e.to_string().contains("line 2") && e.to_string().contains("twice"), "{e}");
    }
}
