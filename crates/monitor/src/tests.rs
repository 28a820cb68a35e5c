//! Table tests of the monitor's judgements, and the pre-filter's recall against the full analysis.

use super::*;

fn monitor() -> &'static Monitor {
    static M: std::sync::OnceLock<Monitor> = std::sync::OnceLock::new();
    M.get_or_init(|| Monitor::new(&brands::BrandRegistry::builtin()))
}

/// `expected`: the brand id and level of the hit, `None` for a quiet name.
#[track_caller]
fn check(raw: &str, expected: Option<(&str, HitLevel)>) {
    let mut c = Counters::default();
    let got = monitor().watch_line(raw, &mut c).map(|(_, j)| (j.brand, j.level));
    assert_eq!(got.as_ref().map(|(b, l)| (b.as_str(), *l)), expected, "{raw}");
}

#[test]
fn look_alikes_are_flagged_with_their_brand() {
    use HitLevel::*;
    check("laposte-colis.top", Some(("fr-laposte", Malicious)));
    check("usps.com-trackzr.top", Some(("us-usps", Malicious)));
    check("WWW.Royalrnail-Redelivery.com.", Some(("gb-royalmail", Malicious)));
    check("*.evri-redelivery-fee.top", Some(("gb-evri", Malicious)));
    check("lapostte.fr", Some(("fr-laposte", Malicious)));
    check("correos.redelivery-btcta.com", Some(("es-correos", Suspicious)));
}

#[test]
fn official_domains_and_hard_negatives_stay_quiet() {
    for name in [
        "laposte.fr",
        "www.laposte.fr",
        "suivi.colissimo.fr",
        "usps.com",
        "tools.usps.com",
        "royalmail.com",
        "washingtonpost.com",
        "compost.org",
        "postgresql.org",
        "signpost.com",
        "example.com",
        "",
        "# a comment",
    ] {
        check(name, None);
    }
}

#[test]
fn rejected_names_are_counted_by_reason() {
    let mut c = Counters::default();
    for raw in ["a\0b.com", &"x.".repeat(300), "bad name.com", "", "laposte-colis.top"] {
        monitor().watch_line(raw, &mut c);
    }
    assert_eq!(c.seen, 4, "blank lines are not names");
    assert_eq!(c.rejected.get("nul"), Some(&1));
    assert_eq!(c.rejected.get("too_many_labels"), Some(&1));
    assert_eq!(c.rejected.get("bad_char"), Some(&1));
    assert_eq!(c.malicious, 1);
}

/// One-edit, look-alike and combination variants of every brand's official labels and short
/// names, under a few endings: what the matcher's techniques are built to catch.
fn variants() -> Vec<String> {
    let registry = brands::BrandRegistry::builtin();
    let mut names = Vec::new();
    let swaps = [('o', '0'), ('l', '1'), ('m', 'n'), ('a', 'e'), ('i', 'l'), ('e', '3'), ('s', '5'), ('t', 'r'), ('n', 'b')];
    for b in registry.brands() {
        let mut bases: Vec<String> = b.short_names.clone();
        bases.extend(b.domains.iter().filter_map(|d| d.split('.').next()).map(String::from));
        for base in bases.iter().filter(|s| s.is_ascii() && s.len() >= 3) {
            let mut forms = vec![base.clone(), base.replace('m', "rn"), base.replace('w', "vv")];
            for i in 0..base.len() {
                forms.push(format!("{}{}", &base[..i], &base[i + 1..]));
                forms.push(format!("{}{}", &base[..=i], &base[i..]));
                if i + 1 < base.len() {
                    let mut v: Vec<u8> = base.bytes().collect();
                    v.swap(i, i + 1);
                    forms.push(String::from_utf8_lossy(&v).into_owned());
                }
                for (from, to) in swaps {
                    if base.as_bytes()[i] == from as u8 {
                        forms.push(format!("{}{}{}", &base[..i], to, &base[i + 1..]));
                    }
                }
            }
            for f in forms {
                names.push(format!("{f}.top"));
                names.push(format!("{f}-delivery.com"));
                names.push(format!("track-{f}.info"));
                names.push(format!("{f}.com-verify.xyz"));
                names.push(format!("{f}.secure-pay.online"));
            }
        }
        for d in &b.domains {
            names.push(format!("{d}.parcel-fee.top"));
            names.push(format!("www.{d}-tracking.vip"));
        }
    }
    names
}

/// Hosts of the link analyser's labelled URL sets (data/links).
fn link_set_hosts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/links");
    let mut hosts = Vec::new();
    for set in ["independent", "fresh", "holdout"] {
        let text = std::fs::read_to_string(format!("{dir}/{set}/urls.tsv")).unwrap_or_default();
        for line in text.lines().skip(1) {
            let url = line.split('\t').next().unwrap_or_default();
            let rest = url.split_once("://").map_or(url, |(_, r)| r);
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or_default();
            hosts.push(host.rsplit('@').next().unwrap_or_default().to_string());
        }
    }
    assert!(hosts.len() > 5000, "the link sets are read");
    hosts
}

#[test]
fn the_prefilter_loses_no_hit_of_the_full_analysis() {
    let m = monitor();
    let mut hits = 0;
    for raw in variants().iter().chain(link_set_hosts().iter()) {
        let Ok(name) = normalise(raw) else { continue };
        if let Some(j) = m.judge_full(&name) {
            hits += 1;
            assert!(m.analyzer().may_name_brand(&name), "the pre-filter drops {name} ({j:?})");
        }
    }
    assert!(hits > 10_000, "the variants exercise the matcher ({hits} hits)");
}
