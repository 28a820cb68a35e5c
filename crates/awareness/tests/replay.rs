//! Replays recorded non-human traffic on simulation links (mail scanners, previews, ticket desks,
//! crawlers) through the click classifier: not one case may count as a person.

use awareness::clicks::{Class, Hit, HitKind, Scanners, classify};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    hits: Vec<Recorded>,
}

#[derive(Deserialize)]
struct Recorded {
    at: i64,
    kind: String,
    #[serde(default)]
    interaction: bool,
    method: String,
    ua: String,
    network: String,
}

fn hit(r: &Recorded) -> Hit {
    let delivered = DateTime::parse_from_rfc3339("2026-12-07T04:00:00Z").expect("time").with_timezone(&Utc);
    let kind = match r.kind.as_str() {
        "link" => HitKind::Link,
        "beacon" => HitKind::Beacon { interaction: r.interaction },
        "honeypot" => HitKind::Honeypot,
        "submit" => HitKind::Submit,
        other => panic!("unknown hit kind {other}"),
    };
    Hit {
        at: delivered + Duration::seconds(r.at),
        kind,
        method: r.method.clone(),
        user_agent: r.ua.clone(),
        network: Some(r.network.parse().expect("network prefix")),
    }
}

#[test]
fn no_replayed_scanner_counts_as_a_person() {
    let corpus: Corpus = toml::from_str(include_str!("data/scanner_replay.toml")).expect("corpus parses");
    assert!(corpus.case.len() >= 10);
    let scanners = Scanners::embedded().expect("shipped scanner list");
    let mut human = Vec::new();
    for case in &corpus.case {
        let hits: Vec<Hit> = case.hits.iter().map(hit).collect();
        let class = classify(&hits, &scanners);
        if matches!(class, Some(Class::ProbableHuman | Class::ConfirmedHuman)) {
            human.push((case.name.as_str(), class));
        }
    }
    assert_eq!(human, [], "replayed machine traffic counted as people");
}
