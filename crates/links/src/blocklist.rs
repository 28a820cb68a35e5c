//! The in-memory blocklist index: exact URL, host, registrable-domain and parent-suffix matches,
//! filtered per asker through `tlp::may_read`, swappable while checks run ([`LiveIndex`]).

use rustc_hash::FxHashMap as HashMap;
use std::net::Ipv4Addr;
use std::sync::Arc;

use arc_swap::ArcSwap;

use crate::parse::{HostKind, ParsedUrl};
use crate::{LinkError, Reason};

/// What an entry matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A domain: matches the domain and every subdomain of it.
    Domain,
    /// A URL: matches that exact URL (after WHATWG normalisation, fragment dropped).
    Url,
    /// An IPv4 address: matches links whose host is that address.
    Ipv4,
}

/// One blocklist entry as fed by the hub (indicators) or a feed import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockEntry {
    pub kind: EntryKind,
    pub value: String,
    /// STIX indicator id when the entry comes from an indicator.
    pub indicator_id: Option<String>,
    /// Who may learn about this entry; decided by `tlp::may_read` only.
    pub access: tlp::Access,
    /// Feed or collection name, shown with a visible hit.
    pub source: String,
}

const NONE: u32 = u32::MAX;

/// Compact id: STIX `indicator--<uuid>` ids are kept as 16 bytes, others as text.
#[derive(Debug, Clone)]
enum IndicatorId {
    None,
    Uuid(u128),
    Other(Box<str>),
}

impl IndicatorId {
    fn pack(id: Option<&str>) -> IndicatorId {
        let Some(id) = id else { return IndicatorId::None };
        if let Some(hex) = id.strip_prefix("indicator--")
            && hex.len() == 36
            && is_canonical_uuid(hex)
        {
            let digits: String = hex.chars().filter(|&c| c != '-').collect();
            if let Ok(v) = u128::from_str_radix(&digits, 16) {
                return IndicatorId::Uuid(v);
            }
        }
        IndicatorId::Other(id.into())
    }

    fn unpack(&self) -> Option<String> {
        match self {
            IndicatorId::None => None,
            IndicatorId::Other(s) => Some(s.to_string()),
            IndicatorId::Uuid(v) => {
                let h = format!("{v:032x}");
                Some(format!("indicator--{}-{}-{}-{}-{}", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..]))
            }
        }
    }
}

fn is_canonical_uuid(s: &str) -> bool {
    s.char_indices().all(|(i, c)| match i {
        8 | 13 | 18 | 23 => c == '-',
        _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
    })
}

#[derive(Debug, Clone)]
struct Record {
    indicator: IndicatorId,
    access: u32,
    source: u32,
    next: u32,
}

/// An immutable index; build a new one and swap it into a [`LiveIndex`] to refresh.
#[derive(Debug, Clone, Default)]
pub struct BlocklistIndex {
    domains: HashMap<Box<str>, u32>,
    urls: HashMap<Box<str>, u32>,
    ipv4: HashMap<u32, u32>,
    records: Vec<Record>,
    accesses: Vec<tlp::Access>,
    access_ids: HashMap<(tlp::Tlp, String, Vec<String>), u32>,
    sources: Vec<Box<str>>,
    source_ids: HashMap<Box<str>, u32>,
    rejected: usize,
}

/// A visible match, as returned by [`BlocklistIndex::lookup`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockHit {
    pub kind: EntryKind,
    /// `url`, `host` or `domain` (parent suffix) for how the link matched.
    pub matched_as: &'static str,
    pub key: String,
    pub indicator_id: Option<String>,
    pub source: String,
}

impl BlocklistIndex {
    pub fn new() -> BlocklistIndex {
        BlocklistIndex::default()
    }

    /// Builds an index, skipping (and counting) entries whose value does not normalise.
    pub fn from_entries(entries: impl IntoIterator<Item = BlockEntry>) -> BlocklistIndex {
        let entries = entries.into_iter();
        let mut index = BlocklistIndex::new();
        index.records.reserve(entries.size_hint().0);
        for e in entries {
            if index.insert(e).is_err() {
                index.rejected += 1;
            }
        }
        index
    }

    /// Entries skipped by [`BlocklistIndex::from_entries`].
    pub fn rejected(&self) -> usize {
        self.rejected
    }

    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Adds one entry.
    pub fn insert(&mut self, e: BlockEntry) -> Result<(), LinkError> {
        let access = self.intern_access(&e.access);
        let source = self.intern_source(&e.source);
        let idx = u32::try_from(self.records.len()).map_err(|_| LinkError::TooLong { len: self.records.len() })?;
        let indicator = IndicatorId::pack(e.indicator_id.as_deref());
        let head = match e.kind {
            EntryKind::Domain => {
                let key = normalise_domain(&e.value)?;
                self.domains.insert(key.into_boxed_str(), idx)
            }
            EntryKind::Url => {
                let p = crate::parse::parse(&e.value)?;
                self.urls.insert(p.url.as_str().into(), idx)
            }
            EntryKind::Ipv4 => {
                let ip: Ipv4Addr = e
                    .value
                    .trim()
                    .trim_end_matches("/32")
                    .parse()
                    .map_err(|_| LinkError::NotAUrl { reason: format!("{:?} is not an IPv4 address", e.value) })?;
                self.ipv4.insert(u32::from(ip), idx)
            }
        };
        self.records.push(Record { indicator, access, source, next: head.unwrap_or(NONE) });
        Ok(())
    }

    fn intern_access(&mut self, a: &tlp::Access) -> u32 {
        let key = (a.tlp, a.producer.clone(), a.recipients.clone());
        if let Some(&i) = self.access_ids.get(&key) {
            return i;
        }
        let i = self.accesses.len() as u32;
        self.accesses.push(a.clone());
        self.access_ids.insert(key, i);
        i
    }

    fn intern_source(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.source_ids.get(s) {
            return i;
        }
        let i = self.sources.len() as u32;
        self.sources.push(s.into());
        self.source_ids.insert(s.into(), i);
        i
    }

    /// The first entry of the chain at `head` that `audience` may read.
    fn visible(&self, mut head: u32, audience: &tlp::Audience<'_>) -> Option<&Record> {
        while head != NONE {
            let r = self.records.get(head as usize)?;
            if tlp::may_read(audience, &self.accesses[r.access as usize]) {
                return Some(r);
            }
            head = r.next;
        }
        None
    }

    /// Visible matches for a parsed link, most specific first: exact URL, host, parent domains
    /// down to the registrable domain, IPv4 host. Entries the audience may not read are skipped
    /// as if absent.
    pub fn lookup(&self, p: &ParsedUrl, audience: &tlp::Audience<'_>) -> Vec<BlockHit> {
        let mut out = Vec::new();
        if self.records.is_empty() {
            return out;
        }
        let hit = |r: &Record, kind, matched_as, key: &str| BlockHit {
            kind,
            matched_as,
            key: key.to_string(),
            indicator_id: r.indicator.unpack(),
            source: self.sources[r.source as usize].to_string(),
        };
        if let Some(&h) = self.urls.get(p.url.as_str())
            && let Some(r) = self.visible(h, audience)
        {
            out.push(hit(r, EntryKind::Url, "url", p.url.as_str()));
        }
        match &p.host {
            HostKind::Domain(host) => {
                let mut rest = host.as_str();
                let mut first = true;
                loop {
                    if let Some(&h) = self.domains.get(rest)
                        && let Some(r) = self.visible(h, audience)
                    {
                        out.push(hit(r, EntryKind::Domain, if first { "host" } else { "domain" }, rest));
                        break;
                    }
                    if rest.len() <= p.registrable().len() {
                        break;
                    }
                    match rest.split_once('.') {
                        Some((_, tail)) => rest = tail,
                        None => break,
                    }
                    first = false;
                }
            }
            HostKind::Ipv4(ip) => {
                if let Some(&h) = self.ipv4.get(&u32::from(*ip))
                    && let Some(r) = self.visible(h, audience)
                {
                    out.push(hit(r, EntryKind::Ipv4, "ip", &ip.to_string()));
                }
            }
            HostKind::Ipv6(_) => {}
        }
        out
    }

    /// Rough heap footprint in bytes (keys, tables, records), for the benchmark report.
    pub fn approx_bytes(&self) -> usize {
        let key_bytes = |m: &HashMap<Box<str>, u32>| m.keys().map(|k| k.len().next_multiple_of(8) + 16).sum::<usize>() + m.capacity() * 25;
        let ids: usize = self
            .records
            .iter()
            .map(|r| match &r.indicator {
                IndicatorId::Other(s) => s.len(),
                _ => 0,
            })
            .sum();
        key_bytes(&self.domains)
            + key_bytes(&self.urls)
            + self.ipv4.capacity() * 9
            + self.records.capacity() * std::mem::size_of::<Record>()
            + ids
    }
}

/// Turns blocklist hits into verdict reasons; the indicator id appears only because the hit
/// is already visible to the asker.
pub(crate) fn reasons(hits: Vec<BlockHit>) -> Vec<Reason> {
    hits.into_iter()
        .map(|h| {
            let code = match h.matched_as {
                "url" => "blocklist_url",
                "host" => "blocklist_host",
                "ip" => "blocklist_ip",
                _ => "blocklist_domain",
            };
            let mut args = crate::Args::default();
            if h.matched_as != "url" {
                args.push("key", h.key);
            }
            args.push("source", h.source);
            Reason {
                code,
                message: String::new(),
                args,
                points: 95,
                brand: None,
                technique: Some("blocklist"),
                indicator_id: h.indicator_id,
            }
        })
        .collect()
}

/// Lower-case ASCII (punycode) form of a blocklist domain, without `*.` or trailing dot.
pub fn normalise_domain(value: &str) -> Result<String, LinkError> {
    let v = value.trim().trim_start_matches("*.").trim_start_matches('.').trim_end_matches('.');
    if v.is_empty() {
        return Err(LinkError::Empty);
    }
    if v.contains(['/', ':', '@', ' ', '?', '#']) {
        return Err(LinkError::NotAUrl { reason: format!("{v:?} is not a bare domain") });
    }
    // Fast path for the common case (plain ASCII names): no URL parser needed. Only letters,
    // digits, hyphens and underscores in non-empty labels, and not an IPv4 literal.
    let plain = v.len() <= 253
        && v.contains('.')
        && v.split('.').all(|l| !l.is_empty() && l.len() <= 63 && l.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'))
        && !v.split('.').next_back().is_some_and(|tld| tld.bytes().all(|c| c.is_ascii_digit()))
        && !v.contains("xn--");
    if plain {
        return Ok(v.to_ascii_lowercase());
    }
    let p = crate::parse::parse(v)?;
    match p.host {
        HostKind::Domain(d) if d.contains('.') => Ok(d),
        HostKind::Domain(d) => Err(LinkError::NotAUrl { reason: format!("{d:?} has no dot") }),
        _ => Err(LinkError::NotAUrl { reason: format!("{v:?} is an address, not a domain") }),
    }
}

/// The index in use, replaceable at any time without blocking checks in flight: readers take a
/// snapshot (`load`), a refresh builds a new index and swaps it in (`replace`).
#[derive(Debug)]
pub struct LiveIndex {
    inner: ArcSwap<BlocklistIndex>,
}

impl LiveIndex {
    pub fn new(index: BlocklistIndex) -> LiveIndex {
        LiveIndex { inner: ArcSwap::from_pointee(index) }
    }

    /// A snapshot for one check or one batch; the old snapshot stays valid after a replace.
    pub fn load(&self) -> Arc<BlocklistIndex> {
        self.inner.load_full()
    }

    /// Swaps in a freshly built index.
    pub fn replace(&self, index: BlocklistIndex) {
        self.inner.store(Arc::new(index));
    }
}

impl Default for LiveIndex {
    fn default() -> LiveIndex {
        LiveIndex::new(BlocklistIndex::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tlp::{Access, Audience, Tlp};

    const ORG: &str = "identity--00000000-0000-4000-8000-000000000001";
    const OTHER: &str = "identity--00000000-0000-4000-8000-000000000002";

    fn entry(kind: EntryKind, value: &str, tlp: Tlp, id: &str) -> BlockEntry {
        BlockEntry {
            kind,
            value: value.into(),
            indicator_id: Some(id.into()),
            access: Access { tlp, producer: ORG.into(), recipients: vec![] },
            source: "test-feed".into(),
        }
    }

    fn index() -> BlocklistIndex {
        BlocklistIndex::from_entries([
            entry(EntryKind::Domain, "evil-post.top", Tlp::Clear, "indicator--11111111-1111-4111-8111-111111111111"),
            entry(EntryKind::Url, "https://shared.example.net/pay?x=1#frag", Tlp::Green, "indicator--22222222-2222-4222-8222-222222222222"),
            entry(EntryKind::Domain, "secret.example.org", Tlp::Red, "indicator--33333333-3333-4333-8333-333333333333"),
            entry(EntryKind::Ipv4, "203.0.113.7", Tlp::Amber, "custom-id-4"),
            entry(EntryKind::Domain, "bad value with spaces", Tlp::Clear, "x"),
        ])
    }

    fn check(url: &str, audience: Audience<'_>, expected: &[(&str, &str)]) {
        let idx = index();
        let p = crate::parse::parse(url).expect("test url parses");
        let got: Vec<(String, String)> =
            idx.lookup(&p, &audience).into_iter().map(|h| (h.matched_as.to_string(), h.indicator_id.unwrap_or_default())).collect();
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, expected, "{url}");
    }

    #[test]
    fn matches_by_url_host_and_parent() {
        let member = Audience::Member { identity: ORG, collection_read: true, public_collection: false };
        check("evil-post.top", member, &[("host", "indicator--11111111-1111-4111-8111-111111111111")]);
        check("https://a.b.evil-post.top/x", member, &[("domain", "indicator--11111111-1111-4111-8111-111111111111")]);
        check("https://shared.example.net/pay?x=1", member, &[("url", "indicator--22222222-2222-4222-8222-222222222222")]);
        check("https://shared.example.net/pay?x=2", member, &[]);
        check("http://203.0.113.7/login", member, &[("ip", "custom-id-4")]);
        check("https://notevil-post.top/", member, &[]);
        check("https://secret.example.org/", member, &[("host", "indicator--33333333-3333-4333-8333-333333333333")]);
        assert_eq!(index().rejected(), 1);
    }

    #[test]
    fn never_reveals_what_the_asker_may_not_read() {
        let anon = Audience::AnonymousLookup { ceiling: Tlp::Clear };
        check("https://a.evil-post.top/", anon, &[("domain", "indicator--11111111-1111-4111-8111-111111111111")]);
        check("https://shared.example.net/pay?x=1", anon, &[]);
        check("https://secret.example.org/", anon, &[]);
        check("http://203.0.113.7/login", anon, &[]);
        let green = Audience::AnonymousLookup { ceiling: Tlp::Green };
        check("https://shared.example.net/pay?x=1", green, &[("url", "indicator--22222222-2222-4222-8222-222222222222")]);
        let other = Audience::Member { identity: OTHER, collection_read: true, public_collection: false };
        check("https://secret.example.org/", other, &[]);
        check("http://203.0.113.7/login", other, &[("ip", "custom-id-4")]);
    }

    #[test]
    fn domains_normalise_to_ascii_lower_case() {
        assert_eq!(normalise_domain("Example.COM.").as_deref(), Ok("example.com"));
        assert_eq!(normalise_domain("*.evil.top").as_deref(), Ok("evil.top"));
        assert_eq!(normalise_domain("bücher.de").as_deref(), Ok("xn--bcher-kva.de"));
        assert_eq!(normalise_domain("XN--BCHER-KVA.de").as_deref(), Ok("xn--bcher-kva.de"));
        assert!(normalise_domain("1.2.3.4").is_err());
        assert!(normalise_domain("a..b").is_err());
        assert!(normalise_domain("nodot").is_err());
        assert!(normalise_domain("https://x.com/").is_err());
    }

    #[test]
    fn live_index_swaps_without_invalidating_snapshots() {
        let live = LiveIndex::new(index());
        let before = live.load();
        live.replace(BlocklistIndex::new());
        assert_eq!(before.len(), 4);
        assert!(live.load().is_empty());
    }
}
