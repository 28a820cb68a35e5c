//! Blocklist feeds from a collection's indicators: which domains go in (live, unrevoked domain
//! indicators, never an official brand domain), and the formats resolvers, firewalls and SIEMs
//! read (RPZ, hosts, plain, ABP, CSV, Suricata dataset, Zeek intel, STIX bundle).
//!
//! The caller reads the objects its subscriber may read (`tlp::may_read` through the hub), and
//! passes `now`; this module decides and writes text.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;
use serde_json::{Value, json};

/// The feed formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// DNS response policy zone: `name CNAME .` and `*.name CNAME .` (NXDOMAIN).
    Rpz,
    /// `0.0.0.0 name` lines.
    Hosts,
    /// One name per line.
    Plain,
    /// Adblock Plus / AdGuard `||name^` rules.
    Abp,
    /// domain, brand, first_seen, valid_until, confidence, campaign.
    Csv,
    /// Suricata dataset: one base64 name per line (`dataset:isset,...,type string`).
    Suricata,
    /// Zeek intel framework TSV.
    Zeek,
    /// The indicators as a STIX 2.1 bundle.
    Stix,
}

impl Format {
    pub const ALL: [Format; 8] =
        [Format::Rpz, Format::Hosts, Format::Plain, Format::Abp, Format::Csv, Format::Suricata, Format::Zeek, Format::Stix];

    pub fn name(self) -> &'static str {
        match self {
            Format::Rpz => "rpz",
            Format::Hosts => "hosts",
            Format::Plain => "plain",
            Format::Abp => "abp",
            Format::Csv => "csv",
            Format::Suricata => "suricata",
            Format::Zeek => "zeek",
            Format::Stix => "stix",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Rpz => "text/dns; charset=utf-8",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Zeek => "text/tab-separated-values; charset=utf-8",
            Format::Stix => "application/stix+json;version=2.1",
            _ => "text/plain; charset=utf-8",
        }
    }
}

/// A Suricata rule that uses the dataset file this module writes.
pub const SURICATA_RULE: &str = "alert dns any any -> any any (msg:\"Postern: look-alike of a postal brand\"; dns.query; \
                                 dataset:isset,postern,type string,load postern.lst; sid:9160001; rev:1;)";

/// One domain of a feed.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub domain: String,
    pub brand: Option<String>,
    /// The indicator's `valid_from`.
    pub first_seen: String,
    pub valid_until: Option<String>,
    pub confidence: Option<u64>,
    pub campaign: Option<String>,
    /// The indicator, for the STIX bundle.
    pub object: Value,
}

/// What a feed is made of: its items (sorted by domain, one per domain) and the serial of this
/// content.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub items: Vec<Item>,
    /// Seconds since the epoch of the latest change: the newest indicator version read, or the
    /// newest expiry that has passed. Only increases as the collection changes or time passes.
    pub serial: u64,
}

/// Which lifetime models apply: the models and the collection the feed is of.
#[derive(Debug, Clone, Copy)]
pub struct Lifetimes<'a> {
    pub decay: &'a crate::decay::Decay,
    pub collection: &'a str,
}

/// Chooses a feed's items among `objects` (each with its hub `date_added` in microseconds):
/// indicators of domain names that are not revoked, not expired at `now` (RFC 3339) by their
/// `valid_until` or by their decay model (the clock starts at `valid_from` or the latest
/// sighting among `objects`), not `excluded` (an official brand domain or under one).
pub fn select(
    objects: impl IntoIterator<Item = (Value, i64)>,
    now: &str,
    excluded: impl Fn(&str) -> bool,
    lifetimes: Lifetimes<'_>,
) -> Snapshot {
    let now_s = seconds(now).unwrap_or(0);
    let mut serial = 0u64;
    let mut items: BTreeMap<String, Item> = BTreeMap::new();
    let mut indicators = Vec::new();
    // The latest sighting of each indicator resets its decay clock.
    let mut sighted: BTreeMap<String, i64> = BTreeMap::new();
    for (o, added_us) in objects {
        serial = serial.max(u64::try_from(added_us / 1_000_000).unwrap_or(0));
        if o["type"] == "sighting"
            && let (Some(of), Some(at)) =
                (o["sighting_of_ref"].as_str(), o["last_seen"].as_str().or(o["created"].as_str()).and_then(seconds))
        {
            let e = sighted.entry(of.to_string()).or_insert(at);
            *e = (*e).max(at);
        } else if o["type"] == "indicator" && o["revoked"] != true {
            indicators.push(o);
        }
    }
    for o in indicators {
        let valid_until = o["valid_until"].as_str().map(str::to_string);
        if let Some(until) = valid_until.as_deref().and_then(seconds)
            && until <= now_s
        {
            serial = serial.max(u64::try_from(until).unwrap_or(0));
            continue;
        }
        let from = o["valid_from"].as_str().and_then(seconds).unwrap_or(now_s);
        let since = o["id"].as_str().and_then(|id| sighted.get(id)).map_or(from, |s| from.max(*s));
        let decayed = lifetimes.decay.expires_at(lifetimes.collection, &o, since);
        if decayed <= now_s {
            serial = serial.max(u64::try_from(decayed).unwrap_or(0));
            continue;
        }
        for domain in pattern_domains(o["pattern"].as_str().unwrap_or_default()) {
            if excluded(&domain) || items.contains_key(&domain) {
                continue;
            }
            let item = Item {
                brand: brand_of(&o),
                first_seen: o["valid_from"].as_str().unwrap_or_default().to_string(),
                valid_until: valid_until.clone(),
                confidence: o["confidence"].as_u64(),
                campaign: o["x_postern_campaign"].as_str().map(str::to_string),
                object: o.clone(),
                domain: domain.clone(),
            };
            items.insert(domain, item);
        }
    }
    Snapshot { items: items.into_values().collect(), serial }
}

fn seconds(t: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(t).ok().map(|d| d.timestamp())
}

/// The domain names of a STIX pattern's `domain-name:value = '...'` terms (joined with OR).
fn pattern_domains(pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    for term in pattern.split(" OR ") {
        let term = term.trim().trim_start_matches('[').trim_end_matches(']').trim();
        let Some(rest) = term.strip_prefix("domain-name:value") else { continue };
        let Some(quoted) = rest.trim_start().strip_prefix('=') else { continue };
        let quoted = quoted.trim();
        if let Some(v) = quoted.strip_prefix('\'').and_then(|q| q.strip_suffix('\''))
            && !v.contains(['\'', '\\', ' '])
            && crate::normalise(v).is_ok_and(|n| n == v.to_ascii_lowercase())
        {
            out.push(v.to_ascii_lowercase());
        }
    }
    out
}

fn brand_of(o: &Value) -> Option<String> {
    let refs = o["external_references"].as_array();
    refs.and_then(|r| r.iter().find(|x| x["source_name"] == "postern-brand"))
        .and_then(|x| x["external_id"].as_str())
        .or_else(|| o["labels"].as_array().and_then(|l| l.iter().filter_map(Value::as_str).find_map(|s| s.strip_prefix("brand:"))))
        .map(str::to_string)
}

/// Options of the RPZ format.
#[derive(Debug, Clone)]
pub struct RpzOptions {
    /// The zone's name (`rpz.postern.example`).
    pub zone: String,
    /// Walled-garden host to send blocked names to instead of NXDOMAIN.
    pub garden: Option<String>,
}

/// Writes `snap` in `format`. `bundle_id` names the STIX bundle.
pub fn render(format: Format, snap: &Snapshot, rpz: &RpzOptions, bundle_id: &str) -> String {
    let mut out = String::new();
    match format {
        Format::Rpz => render_rpz(&mut out, snap, rpz),
        Format::Hosts => snap.items.iter().for_each(|i| {
            let _ = writeln!(out, "0.0.0.0 {}", i.domain);
        }),
        Format::Plain => snap.items.iter().for_each(|i| {
            let _ = writeln!(out, "{}", i.domain);
        }),
        Format::Abp => {
            out.push_str("! Title: Postern look-alikes of postal brands\n");
            snap.items.iter().for_each(|i| {
                let _ = writeln!(out, "||{}^", i.domain);
            })
        }
        Format::Csv => {
            out.push_str("domain,brand,first_seen,valid_until,confidence,campaign\n");
            for i in &snap.items {
                let conf = i.confidence.map(|c| c.to_string()).unwrap_or_default();
                let fields =
                    [i.domain.as_str(), i.brand.as_deref().unwrap_or(""), &i.first_seen, i.valid_until.as_deref().unwrap_or(""), &conf];
                let campaign = csv_field(i.campaign.as_deref().unwrap_or(""));
                let _ = writeln!(out, "{},{campaign}", fields.map(csv_field).join(","));
            }
        }
        Format::Suricata => snap.items.iter().for_each(|i| {
            let _ = writeln!(out, "{}", base64::engine::general_purpose::STANDARD.encode(&i.domain));
        }),
        Format::Zeek => {
            out.push_str("#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\n");
            for i in &snap.items {
                let _ = writeln!(out, "{}\tIntel::DOMAIN\tpostern\t{}", i.domain, zeek_field(i.brand.as_deref().unwrap_or("-")));
            }
        }
        Format::Stix => {
            let objects: Vec<&Value> = snap.items.iter().map(|i| &i.object).collect();
            out = json!({"type": "bundle", "id": bundle_id, "objects": objects}).to_string();
            out.push('\n');
        }
    }
    out
}

fn render_rpz(out: &mut String, snap: &Snapshot, o: &RpzOptions) {
    let zone = o.zone.trim_end_matches('.');
    // RFC 1982 serials are 32-bit: seconds since the epoch fit until 2106.
    let serial = u32::try_from(snap.serial).unwrap_or(u32::MAX);
    let target = o.garden.as_deref().map_or_else(|| ".".to_string(), |g| format!("{}.", g.trim_end_matches('.')));
    let _ = write!(
        out,
        "$TTL 300\n$ORIGIN {zone}.\n@ IN SOA localhost. hostmaster.localhost. ( {serial} 300 60 604800 60 )\n@ IN NS localhost.\n"
    );
    for i in &snap.items {
        let _ = write!(out, "{0} IN CNAME {target}\n*.{0} IN CNAME {target}\n", i.domain);
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) { format!("\"{}\"", s.replace('"', "\"\"")) } else { s.to_string() }
}

fn zeek_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ind(domain: &str, extra: Value) -> Value {
        let mut o = json!({
            "type": "indicator", "id": format!("indicator--{domain}"), "pattern": format!("[domain-name:value = '{domain}']"),
            "valid_from": "2026-12-07T10:00:00.000Z", "confidence": 90,
            "external_references": [{"source_name": "postern-brand", "external_id": "fr-laposte"}],
        });
        if let (Some(o), Some(e)) = (o.as_object_mut(), extra.as_object()) {
            o.extend(e.clone());
        }
        o
    }

    fn snapshot() -> Snapshot {
        let objects = vec![
            (ind("laposte-colis.top", json!({"valid_until": "2026-12-14T10:00:00.000Z"})), 1_796_610_000_000_000),
            (ind("old-laposte.top", json!({"valid_until": "2026-12-06T10:00:00.000Z"})), 1_796_500_000_000_000),
            (ind("revoked.top", json!({"revoked": true})), 1_796_610_000_000_001),
            (ind("laposte.fr", json!({})), 1_796_500_000_000_000),
            (json!({"type": "indicator", "pattern": "[url:value = 'https://x.top/']"}), 1),
            (ind("usps.com-track.top", json!({"campaign": "c"})), 1_796_500_000_000_000),
        ];
        let decay = crate::decay::Decay::embedded().expect("models");
        select(
            objects,
            "2026-12-07T12:00:00Z",
            |d| d == "laposte.fr" || d.ends_with(".laposte.fr"),
            Lifetimes { decay: &decay, collection: "c" },
        )
    }

    #[test]
    fn decayed_indicators_leave_the_feed_and_a_sighting_brings_them_back() {
        let decay = crate::decay::Decay::embedded().expect("models");
        let life = Lifetimes { decay: &decay, collection: "c" };
        // A monitor look-alike of confidence 70 lives 14 * (1 - 30/70)^0.5 = 10.6 days.
        let old = ind("laposte-colis.top", json!({"labels": ["monitor"], "confidence": 70, "valid_from": "2026-11-20T00:00:00.000Z"}));
        let shared = ind("shared.top", json!({"confidence": 70, "valid_from": "2026-11-20T00:00:00.000Z"}));
        let now = "2026-12-07T12:00:00Z";
        let s = select(vec![(old.clone(), 1), (shared.clone(), 1)], now, |_| false, life);
        assert_eq!(s.items.iter().map(|i| i.domain.as_str()).collect::<Vec<_>>(), ["shared.top"], "a shared indicator lives longer");
        assert!(s.serial > 1_796_000_000, "its decay is a change: the serial moved to it ({})", s.serial);
        let sighting =
            json!({"type": "sighting", "sighting_of_ref": "indicator--laposte-colis.top", "last_seen": "2026-12-06T00:00:00.000Z"});
        let s = select(vec![(old, 1), (sighting, 2)], now, |_| false, life);
        assert_eq!(s.items.len(), 1, "sighted yesterday: its clock restarted");
    }

    #[test]
    fn only_live_domain_indicators_outside_official_domains_are_kept() {
        let s = snapshot();
        let names: Vec<&str> = s.items.iter().map(|i| i.domain.as_str()).collect();
        assert_eq!(names, ["laposte-colis.top", "usps.com-track.top"]);
        assert_eq!(s.serial, 1_796_610_000, "the newest version read, revoked or not");
        assert_eq!(s.items[0].brand.as_deref(), Some("fr-laposte"));
    }

    #[test]
    fn every_format_is_written() {
        let s = snapshot();
        let rpz = RpzOptions { zone: "rpz.postern.test".into(), garden: None };
        let text = |f| render(f, &s, &rpz, "bundle--00000000-0000-4000-8000-000000000000");
        assert_eq!(text(Format::Plain), "laposte-colis.top\nusps.com-track.top\n");
        assert_eq!(text(Format::Hosts).lines().next(), Some("0.0.0.0 laposte-colis.top"));
        assert_eq!(text(Format::Abp).lines().nth(1), Some("||laposte-colis.top^"));
        assert_eq!(text(Format::Suricata).lines().next(), Some("bGFwb3N0ZS1jb2xpcy50b3A="));
        assert_eq!(text(Format::Zeek).lines().nth(1), Some("laposte-colis.top\tIntel::DOMAIN\tpostern\tfr-laposte"));
        let csv = text(Format::Csv);
        assert_eq!(csv.lines().nth(1), Some("laposte-colis.top,fr-laposte,2026-12-07T10:00:00.000Z,2026-12-14T10:00:00.000Z,90,"));
        let zone = text(Format::Rpz);
        assert!(zone.contains("( 1796610000 300 60 604800 60 )"), "{zone}");
        assert!(zone.contains("\nlaposte-colis.top IN CNAME .\n*.laposte-colis.top IN CNAME .\n"), "{zone}");
        let bundle: Value = serde_json::from_str(&text(Format::Stix)).expect("json");
        assert_eq!(bundle["objects"].as_array().map(Vec::len), Some(2));
        let garden = RpzOptions { zone: "rpz.test".into(), garden: Some("blocked.example".into()) };
        assert!(render(Format::Rpz, &s, &garden, "").contains("laposte-colis.top IN CNAME blocked.example.\n"));
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
    }

    #[test]
    fn patterns_give_only_clean_domain_names() {
        assert_eq!(pattern_domains("[domain-name:value = 'a.top'] OR [domain-name:value = 'b.top']"), ["a.top", "b.top"]);
        assert!(pattern_domains("[domain-name:value = 'a b.top']").is_empty());
        assert!(pattern_domains("[domain-name:value = 'x.top\\nevil CNAME rpz-passthru.']").is_empty());
        assert!(pattern_domains("[url:value = 'https://a.top/']").is_empty());
    }
}
