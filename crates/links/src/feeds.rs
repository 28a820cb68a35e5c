//! Feed importers: plain domain lists (also hosts-file and adblock `||x^` lines), URL lists, CSV
//! with a chosen column, and STIX 2.1 bundles (indicators with equality patterns).

use std::path::Path;

use crate::FeedError;
use crate::blocklist::{BlockEntry, EntryKind, normalise_domain};

/// The layout of a feed file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    /// One domain per line; `#` and `!` comments; hosts-file and adblock lines accepted.
    Domains,
    /// One URL per line.
    Urls,
    /// CSV; `column` counts from 1. Each value is classified as URL, IPv4 or domain.
    Csv { column: usize },
    /// A STIX 2.1 bundle; `domain-name:value`, `url:value` and `ipv4-addr:value` equality terms
    /// of its indicators become entries, with the indicator's TLP and producer.
    Stix,
}

/// What an import applies to entries whose file says nothing about sharing.
#[derive(Debug, Clone)]
pub struct FeedDefaults {
    pub access: tlp::Access,
    pub source: String,
}

impl FeedDefaults {
    /// TLP:CLEAR, no producer, the file name as source: right for public feeds.
    pub fn public(source: &str) -> FeedDefaults {
        FeedDefaults {
            access: tlp::Access { tlp: tlp::Tlp::Clear, producer: String::new(), recipients: Vec::new() },
            source: source.to_string(),
        }
    }
}

/// The result of parsing a feed: usable entries and the lines that were refused.
#[derive(Debug, Clone, Default)]
pub struct FeedImport {
    pub entries: Vec<BlockEntry>,
    /// (1-based line or object number, reason)
    pub rejected: Vec<(usize, String)>,
}

impl FeedImport {
    pub fn count(&self, kind: EntryKind) -> usize {
        self.entries.iter().filter(|e| e.kind == kind).count()
    }
}

/// Reads and parses a feed file with public defaults (TLP:CLEAR, source = file name).
pub fn import_feed(path: &Path, format: FeedFormat) -> Result<Vec<BlockEntry>, FeedError> {
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    import_feed_with(path, format, &FeedDefaults::public(&source)).map(|i| i.entries)
}

/// Reads and parses a feed file; fails when no entry at all is usable.
pub fn import_feed_with(path: &Path, format: FeedFormat, defaults: &FeedDefaults) -> Result<FeedImport, FeedError> {
    let text = std::fs::read_to_string(path).map_err(|source| FeedError::Io { path: path.display().to_string(), source })?;
    let import = parse_feed(&text, format, defaults)?;
    if import.entries.is_empty() {
        return Err(FeedError::Empty { path: path.display().to_string(), rejected: import.rejected.len() });
    }
    Ok(import)
}

/// Parses feed text already in memory.
pub fn parse_feed(text: &str, format: FeedFormat, defaults: &FeedDefaults) -> Result<FeedImport, FeedError> {
    match format {
        FeedFormat::Domains => Ok(lines(text, defaults, domain_line)),
        FeedFormat::Urls => Ok(lines(text, defaults, url_line)),
        FeedFormat::Csv { column } => csv_feed(text, column, defaults),
        FeedFormat::Stix => stix_feed(text, defaults),
    }
}

/// Parses one line: an entry, nothing (comment, blank), or why the line is refused.
type LineParser = fn(&str) -> Result<Option<(EntryKind, String)>, String>;

fn lines(text: &str, defaults: &FeedDefaults, parse: LineParser) -> FeedImport {
    let mut out = FeedImport::default();
    for (i, line) in text.lines().enumerate() {
        match parse(line) {
            Ok(Some((kind, value))) => out.entries.push(entry(kind, value, defaults)),
            Ok(None) => {}
            Err(reason) => out.rejected.push((i + 1, reason)),
        }
    }
    out
}

fn entry(kind: EntryKind, value: String, d: &FeedDefaults) -> BlockEntry {
    BlockEntry { kind, value, indicator_id: None, access: d.access.clone(), source: d.source.clone() }
}

fn domain_line(line: &str) -> Result<Option<(EntryKind, String)>, String> {
    let line = line.split('#').next().unwrap_or_default().trim();
    if line.is_empty() || line.starts_with('!') || line.starts_with('[') {
        return Ok(None);
    }
    let mut fields = line.split_whitespace();
    let first = fields.next().unwrap_or_default();
    // hosts-file lines: "0.0.0.0 example.com"
    let value = match fields.next() {
        Some(second) if first.parse::<std::net::IpAddr>().is_ok() => second,
        _ => first,
    };
    let value = value.trim_start_matches("||").trim_end_matches('^');
    normalise_domain(value).map(|d| Some((EntryKind::Domain, d))).map_err(|e| e.to_string())
}

fn url_line(line: &str) -> Result<Option<(EntryKind, String)>, String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    crate::parse::parse(line).map(|p| Some((EntryKind::Url, p.url.as_str().to_string()))).map_err(|e| e.to_string())
}

/// Classifies a free-form value: a URL when it has a scheme or a path, an IPv4 address, or a domain.
fn classify(value: &str) -> Result<(EntryKind, String), String> {
    let v = value.trim();
    if let Ok(ip) = v.trim_end_matches("/32").parse::<std::net::Ipv4Addr>() {
        return Ok((EntryKind::Ipv4, ip.to_string()));
    }
    if v.contains("://") || v.contains('/') {
        return url_line(v).and_then(|o| o.ok_or_else(|| "empty".to_string()));
    }
    normalise_domain(v).map(|d| (EntryKind::Domain, d)).map_err(|e| e.to_string())
}

fn csv_feed(text: &str, column: usize, defaults: &FeedDefaults) -> Result<FeedImport, FeedError> {
    let col = column.checked_sub(1).ok_or(FeedError::MissingColumn { line: 1, column })?;
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).comment(Some(b'#')).from_reader(text.as_bytes());
    let mut out = FeedImport::default();
    for (i, record) in reader.records().enumerate() {
        let record =
            record.map_err(|e| FeedError::Csv { line: e.position().map_or(i as u64 + 1, |p| p.line()), message: e.to_string() })?;
        let line = record.position().map_or(i as u64 + 1, |p| p.line()) as usize;
        let Some(value) = record.get(col) else {
            out.rejected.push((line, format!("no column {column}")));
            continue;
        };
        if value.trim().is_empty() {
            continue;
        }
        match classify(value) {
            Ok((kind, v)) => out.entries.push(entry(kind, v, defaults)),
            Err(reason) => out.rejected.push((line, reason)),
        }
    }
    Ok(out)
}

fn stix_feed(text: &str, defaults: &FeedDefaults) -> Result<FeedImport, FeedError> {
    let doc: serde_json::Value = serde_json::from_str(text).map_err(|e| FeedError::Stix(e.to_string()))?;
    let objects = match doc.get("type").and_then(|t| t.as_str()) {
        Some("bundle") => doc.get("objects").and_then(|o| o.as_array()).cloned().unwrap_or_default(),
        Some("indicator") => vec![doc.clone()],
        _ => return Err(FeedError::Stix("not a STIX bundle".into())),
    };
    let mut out = FeedImport::default();
    for (i, obj) in objects.iter().enumerate() {
        if obj.get("type").and_then(|t| t.as_str()) != Some("indicator") {
            continue;
        }
        if obj.get("revoked").and_then(|r| r.as_bool()) == Some(true) {
            continue;
        }
        let pattern_type = obj.get("pattern_type").and_then(|t| t.as_str()).unwrap_or("stix");
        let Some(pattern) = obj.get("pattern").and_then(|p| p.as_str()).filter(|_| pattern_type == "stix") else {
            out.rejected.push((i + 1, "indicator without a STIX pattern".into()));
            continue;
        };
        let access = access_of(obj, defaults);
        let id = obj.get("id").and_then(|v| v.as_str());
        match entries_from_pattern(pattern, id, &access, &defaults.source) {
            Ok((entries, refused)) => {
                out.entries.extend(entries);
                out.rejected.extend(refused.into_iter().map(|r| (i + 1, r)));
            }
            Err(reason) => out.rejected.push((i + 1, reason)),
        }
    }
    Ok(out)
}

/// Blocklist entries of one STIX indicator pattern: its `domain-name:value`, `url:value` and
/// `ipv4-addr:value` equality terms, with the indicator's id and access. Returns the entries and
/// the terms refused (with reasons); `Err` when the pattern does not parse. The hub uses this to
/// feed a [`crate::BlocklistIndex`] from its stored indicators.
pub fn entries_from_pattern(
    pattern: &str,
    indicator_id: Option<&str>,
    access: &tlp::Access,
    source: &str,
) -> Result<(Vec<BlockEntry>, Vec<String>), String> {
    let terms = stix::pattern::parse(pattern).map_err(|e| format!("pattern does not parse: {e:?}"))?.equality_terms();
    let mut entries = Vec::new();
    let mut refused = Vec::new();
    for (path, value) in terms {
        let parsed = match path.as_str() {
            "domain-name:value" => normalise_domain(&value).map(|d| (EntryKind::Domain, d)).map_err(|e| e.to_string()),
            "url:value" => url_line(&value).and_then(|o| o.ok_or_else(|| "empty".into())),
            "ipv4-addr:value" => classify(&value)
                .and_then(|(k, v)| if k == EntryKind::Ipv4 { Ok((k, v)) } else { Err(format!("{value:?} is not a single IPv4 address")) }),
            _ => continue,
        };
        match parsed {
            Ok((kind, v)) => entries.push(BlockEntry {
                kind,
                value: v,
                indicator_id: indicator_id.map(str::to_string),
                access: access.clone(),
                source: source.to_string(),
            }),
            Err(reason) => refused.push(reason),
        }
    }
    Ok((entries, refused))
}

/// TLP and producer of a STIX object; unmarked objects take the import default level.
fn access_of(obj: &serde_json::Value, d: &FeedDefaults) -> tlp::Access {
    let strs = |key: &str| -> Vec<String> {
        obj.get(key)
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
            .unwrap_or_default()
    };
    let markings = strs("object_marking_refs");
    let level = tlp::most_restrictive(markings.iter().map(String::as_str)).unwrap_or(d.access.tlp);
    let producer = obj.get("created_by_ref").and_then(|v| v.as_str()).map_or_else(|| d.access.producer.clone(), str::to_string);
    tlp::Access { tlp: level, producer, recipients: strs("x_postern_recipients") }
}

/// The deterministic STIX id of a plain feed entry: a UUIDv5 over `path=value` in `namespace`,
/// so that importing the same feed twice finds the same indicators instead of duplicating
/// them. The hub gives each producer a namespace keyed by a secret of its own
/// (`hub::Hub::id_namespace`), so nobody else can compute the id of a guessed value.
pub fn feed_indicator_id(namespace: &uuid::Uuid, kind: EntryKind, value: &str) -> String {
    let path = pattern_path(kind);
    format!("indicator--{}", uuid::Uuid::new_v5(namespace, format!("{path}={value}").as_bytes()))
}

fn pattern_path(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Domain => "domain-name:value",
        EntryKind::Url => "url:value",
        EntryKind::Ipv4 => "ipv4-addr:value",
    }
}

/// The STIX pattern comparison for one entry, quoted per STIX 2.1 (`\` and `'` escaped).
pub fn entry_pattern_term(e: &BlockEntry) -> String {
    stix::build::equality_pattern(pattern_path(e.kind), &e.value)
}

/// STIX 2.1 indicators for imported entries, ready for the hub's Add Objects: one per entry
/// with a deterministic id, except that entries of one STIX indicator become that indicator
/// again (same id, terms joined with OR). Each carries its entry's TLP marking, `valid_from` =
/// `now` (a STIX timestamp, millisecond precision) and a `feed:NAME` label.
pub fn indicators_for_entries(entries: &[BlockEntry], feed: &str, now: &str, namespace: &uuid::Uuid) -> Vec<serde_json::Value> {
    let mut order: Vec<String> = Vec::new();
    let mut groups: std::collections::HashMap<String, Vec<&BlockEntry>> = std::collections::HashMap::new();
    for e in entries {
        let id = e.indicator_id.clone().unwrap_or_else(|| feed_indicator_id(namespace, e.kind, &e.value));
        let g = groups.entry(id.clone()).or_default();
        if g.is_empty() {
            order.push(id);
        }
        if !g.iter().any(|x| x.kind == e.kind && x.value == e.value) {
            g.push(e);
        }
    }
    let mut out = Vec::with_capacity(order.len());
    for id in order {
        let Some(group) = groups.get(&id) else { continue };
        let Some(first) = group.first() else { continue };
        let pattern = group.iter().map(|e| entry_pattern_term(e)).collect::<Vec<_>>().join(" OR ");
        let name = if group.len() == 1 {
            format!("{feed}: {}", first.value)
        } else {
            format!("{feed}: {} and {} more", first.value, group.len() - 1)
        };
        let indicator = stix::build::Indicator {
            id: &id,
            now,
            name,
            pattern,
            description: None,
            labels: vec![format!("feed:{feed}")],
            marking: first.access.tlp.marking_id(),
            created_by_ref: None,
        };
        out.push(indicator.to_json());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: uuid::Uuid = uuid::Uuid::from_u128(0x8f0b_6c2e_53a1_4c4e_9d0e_7a51_c0de_f33d);

    #[test]
    fn feed_ids_depend_on_the_producers_namespace() {
        let other = uuid::Uuid::from_u128(1);
        assert_eq!(feed_indicator_id(&NS, EntryKind::Domain, "evil.top"), feed_indicator_id(&NS, EntryKind::Domain, "evil.top"));
        assert_ne!(feed_indicator_id(&NS, EntryKind::Domain, "evil.top"), feed_indicator_id(&other, EntryKind::Domain, "evil.top"));
    }

    fn defaults() -> FeedDefaults {
        FeedDefaults::public("test")
    }

    fn values(i: &FeedImport) -> Vec<(EntryKind, &str)> {
        i.entries.iter().map(|e| (e.kind, e.value.as_str())).collect()
    }

    #[test]
    fn domain_lists_accept_common_layouts() {
        let text =
            "# comment\nevil.top\n0.0.0.0 Hosts.Example.com\n||adblock.example.net^\n*.wild.example.org\n\nnot a domain\nhttps://x.com/a\n";
        let i = parse_feed(text, FeedFormat::Domains, &defaults()).expect("parses");
        assert_eq!(
            values(&i),
            vec![
                (EntryKind::Domain, "evil.top"),
                (EntryKind::Domain, "hosts.example.com"),
                (EntryKind::Domain, "adblock.example.net"),
                (EntryKind::Domain, "wild.example.org"),
            ]
        );
        assert_eq!(i.rejected.iter().map(|r| r.0).collect::<Vec<_>>(), vec![7, 8]);
    }

    #[test]
    fn url_and_csv_feeds() {
        let i = parse_feed("https://a.example/x#f\njavascript:alert(1)\n", FeedFormat::Urls, &defaults()).expect("parses");
        assert_eq!(values(&i), vec![(EntryKind::Url, "https://a.example/x")]);
        assert_eq!(i.rejected.len(), 1);
        let csv = "id,url,date\n1,https://b.example/pay,2025\n2,203.0.113.9,2025\n3,evil.example,2025\n4\n";
        let i = parse_feed(csv, FeedFormat::Csv { column: 2 }, &defaults()).expect("parses");
        assert_eq!(
            values(&i),
            vec![(EntryKind::Url, "https://b.example/pay"), (EntryKind::Ipv4, "203.0.113.9"), (EntryKind::Domain, "evil.example")]
        );
        assert_eq!(i.rejected.len(), 2, "{:?}", i.rejected);
        assert!(parse_feed(csv, FeedFormat::Csv { column: 0 }, &defaults()).is_err());
    }

    #[test]
    fn stix_bundles_keep_ids_and_tlp() {
        let bundle = serde_json::json!({
            "type": "bundle", "id": "bundle--1",
            "objects": [
                {"type": "indicator", "id": "indicator--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
                 "pattern": "[domain-name:value = 'evil.top'] OR [url:value = 'https://x.example/p']",
                 "pattern_type": "stix", "created_by_ref": "identity--p",
                 "object_marking_refs": [tlp::TLP2_AMBER]},
                {"type": "indicator", "id": "indicator--bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb",
                 "pattern": "[ipv4-addr:value = '198.51.100.5']", "pattern_type": "stix"},
                {"type": "indicator", "id": "indicator--c", "pattern": "[file:name = 'x.exe']", "pattern_type": "stix"},
                {"type": "indicator", "id": "indicator--d", "pattern": "this is not a pattern", "pattern_type": "stix"},
                {"type": "malware", "id": "malware--e"}
            ]
        });
        let i = parse_feed(&bundle.to_string(), FeedFormat::Stix, &defaults()).expect("parses");
        assert_eq!(
            values(&i),
            vec![(EntryKind::Domain, "evil.top"), (EntryKind::Url, "https://x.example/p"), (EntryKind::Ipv4, "198.51.100.5")]
        );
        assert_eq!(i.entries[0].access.tlp, tlp::Tlp::Amber);
        assert_eq!(i.entries[0].access.producer, "identity--p");
        assert_eq!(i.entries[2].access.tlp, tlp::Tlp::Clear);
        assert_eq!(i.entries[0].indicator_id.as_deref(), Some("indicator--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"));
        assert_eq!(i.rejected.len(), 1);
        assert!(parse_feed("{\"type\": \"x\"}", FeedFormat::Stix, &defaults()).is_err());
        assert!(parse_feed("not json", FeedFormat::Stix, &defaults()).is_err());
    }

    #[test]
    fn entries_become_indicators_with_stable_ids() {
        let mut d = defaults();
        d.access.tlp = tlp::Tlp::Green;
        let mut i = parse_feed("evil.top\n", FeedFormat::Domains, &d).expect("parses");
        i.entries.extend(parse_feed("https://x.example/it's\n", FeedFormat::Urls, &d).expect("parses").entries);
        let now = "2026-01-01T00:00:00.000Z";
        let objs = indicators_for_entries(&i.entries, "test", now, &NS);
        assert_eq!(objs.len(), 2);
        assert_eq!(objs[1]["pattern"], "[url:value = 'https://x.example/it\\'s']");
        assert_eq!(objs[0]["pattern"], "[domain-name:value = 'evil.top']");
        assert_eq!(objs[0]["id"], feed_indicator_id(&NS, EntryKind::Domain, "evil.top"));
        assert_eq!(objs[0]["labels"][0], "feed:test");
        assert_eq!(objs[0]["object_marking_refs"][0], tlp::Tlp::Green.marking_id());
        for o in &objs {
            stix::validate_object(o).expect("valid STIX indicator");
            let (entries, refused) =
                entries_from_pattern(o["pattern"].as_str().expect("pattern"), None, &d.access, "x").expect("round trip");
            assert!(refused.is_empty() && entries.len() == 1, "{o}");
        }
        // Same entry, same id: a re-import finds the indicator again.
        assert_eq!(indicators_for_entries(&i.entries, "other", now, &NS)[0]["id"], objs[0]["id"]);
        // A STIX indicator with two terms comes back as one indicator with its own id.
        let bundle = serde_json::json!({"type": "bundle", "id": "bundle--1", "objects": [
            {"type": "indicator", "id": "indicator--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa",
             "pattern": "[domain-name:value = 'evil.top'] OR [url:value = 'https://x.example/p']", "pattern_type": "stix"}]});
        let i = parse_feed(&bundle.to_string(), FeedFormat::Stix, &defaults()).expect("parses");
        let objs = indicators_for_entries(&i.entries, "b", now, &NS);
        assert_eq!(objs.len(), 1);
        assert_eq!(objs[0]["id"], "indicator--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
        assert_eq!(objs[0]["pattern"], "[domain-name:value = 'evil.top'] OR [url:value = 'https://x.example/p']");
        stix::validate_object(&objs[0]).expect("valid");
    }
}
