//! Threat intelligence as the portal shows it: every object comes through the hub's
//! TLP-filtered reads (`Hub::collections`, `Hub::objects_page`), never from a store scan, so a
//! page, a count and a chart show exactly what the TAXII API would give the same organisation.

use std::collections::{BTreeMap, HashMap};

use hub::{Filters, Hub, HubError, Principal};
use minijinja::{Value, context};
use serde_json::json;
use store::{Collection, StoredObject, VersionSel};
use tlp::Tlp;

use super::defang;

/// One visible object version and the collection it was read from.
#[derive(Debug, Clone)]
pub(crate) struct Visible {
    pub collection: Collection,
    pub object: StoredObject,
    pub json: serde_json::Value,
}

/// Objects of `types` (all types when empty) that `who` may read, latest versions, over every
/// collection it can see; at most `cap` of them.
pub(crate) fn visible(hub: &Hub, who: &Principal, types: &[&str], cap: usize) -> Result<Vec<Visible>, HubError> {
    let mut out = Vec::new();
    for (col, _grant) in hub.collections(who)? {
        let mut next = None;
        loop {
            let filters = Filters {
                types: types.iter().map(|t| t.to_string()).collect(),
                limit: Some(1000),
                next: next.take(),
                ..Filters::default()
            };
            let page = hub.objects_page(who, &col.id, "portal", &filters)?;
            for object in page.objects {
                let json = serde_json::from_str(&object.body).unwrap_or(serde_json::Value::Null);
                out.push(Visible { collection: col.clone(), object, json });
                if out.len() >= cap {
                    return Ok(out);
                }
            }
            match page.next {
                Some(n) if page.more => next = Some(n),
                _ => break,
            }
        }
    }
    Ok(out)
}

/// Every visible version of one object in one collection, oldest first.
pub(crate) fn versions(hub: &Hub, who: &Principal, collection: &str, id: &str) -> Result<Vec<StoredObject>, HubError> {
    let filters = Filters { versions: vec![VersionSel::All], limit: Some(1000), ..Filters::default() };
    Ok(hub.object_page(who, collection, id, &filters)?.objects)
}

/// What an indicator's STIX pattern names: `(object type, value)` of each `X:value = '...'`.
pub(crate) fn pattern_values(pattern: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(at) = rest.find(":value") {
        let before = &rest[..at];
        let kind = before.rsplit(|c: char| c.is_whitespace() || c == '[' || c == '(').next().unwrap_or("").to_string();
        let after = rest[at + ":value".len()..].trim_start();
        rest = &rest[at + ":value".len()..];
        let Some(after) = after.strip_prefix('=') else { continue };
        let Some(quoted) = after.trim_start().strip_prefix('\'') else { continue };
        let mut value = String::new();
        let mut chars = quoted.chars();
        let mut closed = false;
        while let Some(c) = chars.next() {
            match c {
                '\\' => value.extend(chars.next()),
                '\'' => {
                    closed = true;
                    break;
                }
                c => value.push(c),
            }
        }
        if closed && !kind.is_empty() {
            out.push((kind, value));
        }
    }
    out
}

/// The CSS class of a TLP badge (colours are FIRST's official ones, in the style sheet).
pub(crate) fn tlp_class(t: Tlp) -> &'static str {
    match t {
        Tlp::Clear => "tlp-clear",
        Tlp::Green => "tlp-green",
        Tlp::Amber => "tlp-amber",
        Tlp::AmberStrict => "tlp-amber-strict",
        Tlp::Red => "tlp-red",
    }
}

pub(crate) fn tlp_value(t: Tlp) -> Value {
    context! { label => t.label(), class => tlp_class(t), name => t.name() }
}

/// Date and time of a `date_added`, as shown in lists.
pub(crate) fn when(us: i64) -> String {
    chrono::DateTime::from_timestamp_micros(us).map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_default()
}

/// A list row for one object.
pub(crate) fn row(v: &Visible, orgs: &HashMap<String, String>) -> Value {
    let o = &v.object;
    let pattern = v.json.get("pattern").and_then(|p| p.as_str()).unwrap_or("");
    let values: Vec<String> = pattern_values(pattern).into_iter().map(|(_, val)| defang(&val)).collect();
    let name = v.json.get("name").and_then(|n| n.as_str()).map(str::to_string).unwrap_or_else(|| o.object_id.clone());
    context! {
        id => &o.object_id,
        kind => &o.object_type,
        collection => &v.collection.id,
        collection_title => &v.collection.title,
        name => name,
        values => values,
        tlp => tlp_value(o.tlp),
        producer => orgs.get(&o.producer).cloned().unwrap_or_else(|| o.producer.clone()),
        added => when(o.date_added_us),
    }
}

/// Organisation names by STIX identity id (organisation records are not shared objects).
pub(crate) fn org_names(hub: &Hub) -> Result<HashMap<String, String>, HubError> {
    Ok(hub.orgs()?.into_iter().map(|o| (o.identity_id, o.name)).collect())
}

/// The message split into plain and recognised stretches, for highlighting.
pub(crate) fn highlight(text: &str) -> Vec<Value> {
    let mut e = scamtext::extract::extract_without_phones(text);
    scamtext::extract::add_phones(text, &["FR", "GB", "ES", "IT", "DE", "PT", "AL", "US"], &mut e);
    let mut out = Vec::new();
    let mut at = 0;
    for s in &e.spans {
        if s.start < at {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(at..s.start), text.get(s.start..s.end)) else { continue };
        if !before.is_empty() {
            out.push(context! { text => before });
        }
        let kind = match s.kind {
            scamtext::extract::Kind::Url => "url",
            scamtext::extract::Kind::Email => "email",
            scamtext::extract::Kind::Tracking => "tracking",
            scamtext::extract::Kind::Amount => "amount",
            scamtext::extract::Kind::Code => "code",
            scamtext::extract::Kind::Phone => "phone",
        };
        let shown = if kind == "url" { defang(inside) } else { inside.to_string() };
        out.push(context! { text => shown, kind => kind });
        at = s.end;
    }
    if let Some(rest) = text.get(at..)
        && !rest.is_empty()
    {
        out.push(context! { text => rest });
    }
    out
}

/// Up to `n` examples of `lure` from what an anonymous reader may see.
pub(crate) fn lure_examples(hub: &Hub, text: &scamtext::Analyzer, lure: scamtext::Lure, n: usize) -> Result<Vec<Value>, HubError> {
    let mut out = Vec::new();
    for v in visible(hub, &Principal::Anonymous, &["indicator"], 2000)? {
        let declared = v.json.get("x_postern_lure").and_then(|l| l.as_str());
        let description = v.json.get("description").and_then(|d| d.as_str()).unwrap_or("");
        let matches = match declared {
            Some(l) => l == lure.as_str(),
            None => !description.is_empty() && text.analyze(description).lure == Some(lure),
        };
        if !matches {
            continue;
        }
        let pattern = v.json.get("pattern").and_then(|p| p.as_str()).unwrap_or("");
        out.push(context! {
            name => v.json.get("name").and_then(|n| n.as_str()).unwrap_or(""),
            description => description.chars().take(400).collect::<String>(),
            values => pattern_values(pattern).into_iter().map(|(_, val)| defang(&val)).collect::<Vec<_>>(),
            added => when(v.object.date_added_us),
        });
        if out.len() >= n {
            break;
        }
    }
    Ok(out)
}

/// Figures of the dashboard, from the objects `who` may read.
pub(crate) fn dashboard(hub: &Hub, who: &Principal, links: &links::Analyzer, now_us: i64) -> Result<Value, HubError> {
    const DAY_US: i64 = 86_400_000_000;
    let objects = visible(hub, who, &["indicator", "sighting"], 20_000)?;
    let mut new_24h = 0;
    let mut new_7d = 0;
    let mut total = 0;
    let mut brands: HashMap<String, u32> = HashMap::new();
    let mut tlds: HashMap<String, u32> = HashMap::new();
    let mut days: BTreeMap<i64, u32> = BTreeMap::new();
    let today = now_us.div_euclid(DAY_US);
    for d in (today - 13)..=today {
        days.insert(d, 0);
    }
    for v in &objects {
        let age = now_us - v.object.date_added_us;
        if v.object.object_type == "sighting" {
            if let Some(c) = days.get_mut(&v.object.date_added_us.div_euclid(DAY_US)) {
                *c += v.json.get("count").and_then(|c| c.as_u64()).map_or(1, |c| u32::try_from(c).unwrap_or(u32::MAX));
            }
            continue;
        }
        total += 1;
        if age <= DAY_US {
            new_24h += 1;
        }
        if age <= 7 * DAY_US {
            new_7d += 1;
        }
        let pattern = v.json.get("pattern").and_then(|p| p.as_str()).unwrap_or("");
        for (_, value) in pattern_values(pattern) {
            let probe = if value.contains("://") { value.clone() } else { format!("http://{value}/") };
            if let Ok(verdict) = links.analyse(&probe) {
                if let Some(b) = verdict.brand.filter(|_| verdict.verdict != links::Level::Benign) {
                    *brands.entry(b.name).or_default() += 1;
                }
                if let Some(tld) = host_of(&verdict.url).and_then(|h| h.rsplit('.').next().map(str::to_string)).filter(|t| !t.is_empty()) {
                    *tlds.entry(format!(".{tld}")).or_default() += 1;
                }
            }
        }
    }
    let chart = bar_chart(&days);
    Ok(context! {
        total => total,
        new_24h => new_24h,
        new_7d => new_7d,
        brands => top(brands, 8),
        tlds => top(tlds, 8),
        chart => chart,
    })
}

fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    Some(host.split(':').next().unwrap_or(host))
}

fn top(counts: HashMap<String, u32>, n: usize) -> Vec<Value> {
    let mut v: Vec<(String, u32)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let max = v.first().map_or(1, |x| x.1.max(1));
    v.into_iter().take(n).map(|(name, count)| context! { name => name, count => count, width => count * 100 / max }).collect()
}

/// Geometry of a 14-day bar chart, drawn by the template as SVG.
fn bar_chart(days: &BTreeMap<i64, u32>) -> Value {
    const HEIGHT: u32 = 120;
    const BAR: u32 = 20;
    const GAP: u32 = 6;
    let max = days.values().copied().max().unwrap_or(0).max(1);
    let bars: Vec<Value> = days
        .iter()
        .enumerate()
        .map(|(i, (day, count))| {
            let h = count * HEIGHT / max;
            let date = chrono::DateTime::from_timestamp(day * 86_400, 0).map(|d| d.format("%m-%d").to_string()).unwrap_or_default();
            context! { x => i as u32 * (BAR + GAP), y => HEIGHT - h, w => BAR, h => h, count => count, date => date }
        })
        .collect();
    context! { bars => bars, width => days.len() as u32 * (BAR + GAP), height => HEIGHT, max => max }
}

/// A STIX timestamp for now, in milliseconds.
pub(crate) fn stix_now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// The comparison of a pattern for one URL (with a scheme) or domain.
pub(crate) fn comparison(value: &str) -> String {
    let kind = if value.contains("://") { "url" } else { "domain-name" };
    format!("{kind}:value = '{}'", stix::build::quote(value))
}

/// What a new indicator says.
pub(crate) struct IndicatorSpec<'a> {
    pub values: &'a [String],
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub tlp: Tlp,
    pub recipients: &'a [String],
    pub lure: Option<&'a str>,
    /// Also record one sighting by the author's organisation.
    pub sighting_by: Option<&'a str>,
}

/// A bundle with one indicator (and its sighting); returns the indicator id too.
pub(crate) fn indicator_bundle(spec: &IndicatorSpec<'_>) -> (String, Vec<u8>) {
    let now = stix_now();
    let id = format!("indicator--{}", uuid::Uuid::new_v4());
    let pattern = format!("[{}]", spec.values.iter().map(|v| comparison(v)).collect::<Vec<_>>().join(" OR "));
    let mut indicator = stix::build::Indicator {
        id: &id,
        now: &now,
        name: spec.name.to_string(),
        pattern,
        description: spec.description.map(String::from),
        labels: Vec::new(),
        marking: spec.tlp.marking_id(),
        created_by_ref: None,
    }
    .to_json();
    if let Some(l) = spec.lure {
        indicator["x_postern_lure"] = json!(l);
    }
    if spec.tlp.is_recipient_restricted() && !spec.recipients.is_empty() {
        indicator["x_postern_recipients"] = json!(spec.recipients);
    }
    let mut objects = vec![indicator];
    if let Some(by) = spec.sighting_by {
        objects.push(sighting(&id, by, 1, spec.tlp, spec.recipients));
    }
    let bundle = json!({"type": "bundle", "id": format!("bundle--{}", uuid::Uuid::new_v4()), "objects": objects});
    (id, bundle.to_string().into_bytes())
}

/// A sighting of `indicator` by the organisation `identity`.
pub(crate) fn sighting(indicator: &str, identity: &str, count: u32, tlp: Tlp, recipients: &[String]) -> serde_json::Value {
    let now = stix_now();
    let mut s = json!({
        "type": "sighting", "spec_version": "2.1", "id": format!("sighting--{}", uuid::Uuid::new_v4()),
        "created": now, "modified": now, "sighting_of_ref": indicator, "count": count,
        "first_seen": now, "last_seen": now, "where_sighted_refs": [identity],
        "object_marking_refs": [tlp.marking_id()],
    });
    if tlp.is_recipient_restricted() && !recipients.is_empty() {
        s["x_postern_recipients"] = json!(recipients);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(pattern: &str, expected: &[(&str, &str)]) {
        let got = pattern_values(pattern);
        let want: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, want, "{pattern}");
    }

    #[test]
    fn values_of_patterns() {
        check("[domain-name:value = 'colis.top']", &[("domain-name", "colis.top")]);
        check("[url:value = 'http://a.top/x' OR domain-name:value='b.top']", &[("url", "http://a.top/x"), ("domain-name", "b.top")]);
        check(r"[url:value = 'http://a.top/it\'s']", &[("url", "http://a.top/it's")]);
        check("[file:hashes.MD5 = 'abc']", &[]);
        check("[url:value = 'unterminated", &[]);
    }

    #[test]
    fn comparisons_escape_quotes() {
        assert_eq!(comparison("http://x.top/a'b"), r"url:value = 'http://x.top/a\'b'");
        let (_, bundle) = indicator_bundle(&IndicatorSpec {
            values: &["http://x.top/a'b".to_string()],
            name: "n",
            description: None,
            tlp: Tlp::Red,
            recipients: &[],
            lure: Some("tax"),
            sighting_by: Some("identity--00000000-0000-4000-8000-000000000001"),
        });
        let parsed = stix::parse_bundle(&bundle).expect("bundle parses");
        for o in &parsed.objects {
            stix::validate_object(o).expect("valid STIX");
        }
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("http://u@a.b.top:8080/x"), Some("a.b.top"));
        assert_eq!(host_of("nonsense"), None);
    }
}
