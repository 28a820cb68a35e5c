//! Passive DNS as clustering evidence: which addresses look-alikes resolved to, read from the
//! operator's own records, never by resolving a suspect name (a lookup reaches the actor's
//! name servers and tells it it has been seen).
//!
//! Input: JSON lines in the Passive DNS Common Output Format (draft-dulaunoy-dnsop-passive-dns-cof,
//! what CIRCL's passive DNS and `dnsdbq -j` give): one object per line with `rrname`, `rrtype`
//! and `rdata` (a string or an array of strings); other fields (`time_first`, `time_last`,
//! `count`, `bailiwick`, ...) are ignored. Only `A` and `AAAA` records are used.
//!
//! The rule: an address clusters look-alikes only when it is **not shared**. An address is
//! shared, and never used, when
//! - it is not globally reachable (IANA special-purpose: `0.0.0.0` and `127.0.0.1` sinkholes,
//!   private networks, documentation ranges), or
//! - the file shows it for an official domain of any brand (or a subdomain of one): the brand's
//!   own CDN or hosting, or
//! - the file shows it for more than `max_domains` distinct registrable domains: shared
//!   hosting, a CDN, a parking service.
//!
//! The file is the window: its records count whatever their times.

use std::collections::{HashMap, HashSet};
use std::io::BufRead;
use std::net::IpAddr;

/// The default limit of distinct registrable domains an address may serve and still cluster.
pub const DEFAULT_MAX_DOMAINS: usize = 10;
/// The longest line read; longer lines are skipped and counted.
const MAX_LINE: usize = 64 * 1024;

/// Why a passive DNS file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PdnsError {
    #[error("reading the passive DNS records: {0}")]
    Io(#[from] std::io::Error),
}

/// What reading a file found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PdnsCounts {
    /// A and AAAA records read.
    pub records: u64,
    /// Lines that are not a COF object, or an `rdata` that is not an address: skipped.
    pub malformed: u64,
    /// Records of other types (CNAME, NS, ...): skipped.
    pub other_types: u64,
    /// Distinct addresses found shared (special-purpose, official, or too many domains).
    pub shared: u64,
}

#[derive(serde::Deserialize)]
struct Record {
    rrname: String,
    rrtype: String,
    rdata: Rdata,
}

#[derive(serde::Deserialize)]
#[serde(untagged)]
enum Rdata {
    One(String),
    Many(Vec<String>),
}

/// The addresses of the names kept, and the addresses that may not cluster.
#[derive(Debug, Default)]
pub struct PassiveDns {
    names: HashMap<String, Vec<IpAddr>>,
    shared: HashSet<IpAddr>,
}

/// How [`PassiveDns::read`] judges names.
pub struct Rules<'a> {
    /// An official domain of a brand, or under one.
    pub official: &'a dyn Fn(&str) -> bool,
    /// The registrable domain of a name (`a.b.example.co.uk` -> `example.co.uk`).
    pub registrable: &'a dyn Fn(&str) -> String,
    /// Names whose addresses are kept (the monitor's pre-filter: only a name that may imitate a
    /// brand can be a hit), so memory follows the look-alikes, not the file.
    pub keep: &'a dyn Fn(&str) -> bool,
    pub max_domains: usize,
}

impl PassiveDns {
    /// Reads COF JSON lines. A malformed line is skipped and counted, never an error.
    pub fn read(input: impl BufRead, rules: &Rules<'_>) -> Result<(PassiveDns, PdnsCounts), PdnsError> {
        let mut pdns = PassiveDns::default();
        let mut counts = PdnsCounts::default();
        let mut domains: HashMap<IpAddr, HashSet<String>> = HashMap::new();
        for line in input.split(b'\n') {
            let line = line?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let Some(rec) = (line.len() <= MAX_LINE).then(|| serde_json::from_slice::<Record>(&line).ok()).flatten() else {
                counts.malformed += 1;
                continue;
            };
            if !rec.rrtype.eq_ignore_ascii_case("A") && !rec.rrtype.eq_ignore_ascii_case("AAAA") {
                counts.other_types += 1;
                continue;
            }
            let name = rec.rrname.trim_end_matches('.').to_ascii_lowercase();
            let rdata = match rec.rdata {
                Rdata::One(s) => vec![s],
                Rdata::Many(v) => v,
            };
            for r in rdata {
                let Ok(ip) = r.trim().parse::<IpAddr>() else {
                    counts.malformed += 1;
                    continue;
                };
                counts.records += 1;
                if (rules.official)(&name) || !links::ssrf::guard_with(ip, links::ssrf::GuardPolicy::PUBLIC).is_ok() {
                    pdns.shared.insert(ip);
                }
                let seen = domains.entry(ip).or_default();
                if seen.len() <= rules.max_domains {
                    seen.insert((rules.registrable)(&name));
                }
                if (rules.keep)(&name) {
                    let list = pdns.names.entry(name.clone()).or_default();
                    if !list.contains(&ip) {
                        list.push(ip);
                    }
                }
            }
        }
        pdns.shared.extend(domains.into_iter().filter(|(_, d)| d.len() > rules.max_domains).map(|(ip, _)| ip));
        counts.shared = pdns.shared.len() as u64;
        Ok((pdns, counts))
    }

    /// The addresses `domain` resolved to that may cluster it with other look-alikes, sorted.
    pub fn addresses(&self, domain: &str) -> Vec<String> {
        let name = domain.trim_end_matches('.').to_ascii_lowercase();
        let mut out: Vec<String> =
            self.names.get(&name).into_iter().flatten().filter(|ip| !self.shared.contains(ip)).map(IpAddr::to_string).collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, max_domains: usize) -> (PassiveDns, PdnsCounts) {
        let official = |n: &str| n == "laposte.fr" || n.ends_with(".laposte.fr");
        let registrable = |n: &str| n.rsplitn(3, '.').take(2).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join(".");
        let keep = |n: &str| n.contains("laposte") || n.contains("usps");
        let rules = Rules { official: &official, registrable: &registrable, keep: &keep, max_domains };
        PassiveDns::read(text.as_bytes(), &rules).unwrap()
    }

    #[test]
    fn look_alikes_keep_their_own_addresses_and_lose_shared_ones() {
        let mut text = String::from(
            r#"{"rrname":"laposte-colis.top.","rrtype":"A","rdata":"45.67.89.10","time_first":1,"time_last":2,"count":3}
{"rrname":"USPS-Redelivery.top","rrtype":"A","rdata":["45.67.89.10","2a05:d014::1"]}
{"rrname":"laposte-suivi.top","rrtype":"A","rdata":"151.101.1.1"}
{"rrname":"www.laposte.fr","rrtype":"A","rdata":"151.101.1.1"}
{"rrname":"laposte-aide.top","rrtype":"A","rdata":"0.0.0.0"}
{"rrname":"laposte-cdn.top","rrtype":"A","rdata":"104.16.0.1"}
{"rrname":"laposte-cdn.top","rrtype":"CNAME","rdata":"x.example.net."}
not json
{"rrname":"laposte-x.top","rrtype":"A","rdata":"not an address"}
"#,
        );
        // 104.16.0.1 serves 4 other registrable domains: over a limit of 3.
        for i in 0..4 {
            text.push_str(&format!("{{\"rrname\":\"shop{i}.example\",\"rrtype\":\"A\",\"rdata\":\"104.16.0.1\"}}\n"));
        }
        let (p, counts) = read(&text, 3);
        assert_eq!(p.addresses("laposte-colis.top"), ["45.67.89.10"]);
        assert_eq!(p.addresses("usps-redelivery.top."), ["2a05:d014::1", "45.67.89.10"]);
        assert!(p.addresses("laposte-suivi.top").is_empty(), "an official domain's address is shared");
        assert!(p.addresses("laposte-aide.top").is_empty(), "a sinkhole is not evidence");
        assert!(p.addresses("laposte-cdn.top").is_empty(), "an address of many domains is shared");
        assert!(p.addresses("unknown.top").is_empty());
        assert!(p.names.get("shop0.example").is_none(), "names that cannot be hits are not kept");
        assert_eq!(counts, PdnsCounts { records: 11, malformed: 2, other_types: 1, shared: 3 });
        // With a higher limit the busy address clusters again.
        assert_eq!(read(&text, 5).0.addresses("laposte-cdn.top"), ["104.16.0.1"]);
    }
}
