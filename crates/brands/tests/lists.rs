//! Checks the shipped host and TLD lists (`data/*.txt`): sorted without duplicates, lower case,
//! valid host or TLD syntax known to the Public Suffix List, and no entry that contradicts
//! another list or the registry of legitimate sites and brands.

use brands::lists::{self, ABUSE_TLDS_TXT, FREE_HOSTING_TXT, SHORTENERS_TXT, USER_CONTENT_TXT};
use brands::{BrandRegistry, KnownSites};

const HOST_LISTS: [(&str, &str); 3] =
    [("shorteners.txt", SHORTENERS_TXT), ("free_hosting.txt", FREE_HOSTING_TXT), ("user_content.txt", USER_CONTENT_TXT)];

/// Problems with the order and case of one list's entries.
fn order_problems(name: &str, text: &'static str) -> Vec<String> {
    let entries: Vec<&str> = lists::entries(text).collect();
    let mut out = Vec::new();
    if entries.len() < 10 {
        out.push(format!("{name}: only {} entries", entries.len()));
    }
    for pair in entries.windows(2) {
        if pair[0] >= pair[1] {
            out.push(format!("{name}: {:?} then {:?} (not sorted, or listed twice)", pair[0], pair[1]));
        }
    }
    for e in &entries {
        if e.chars().any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')) {
            out.push(format!("{name}: {e:?} is not a lower-case ASCII name"));
        }
    }
    out
}

/// Whether `label` is a valid DNS label (letters, digits, inner hyphens, 1 to 63 bytes).
fn valid_label(label: &str) -> bool {
    (1..=63).contains(&label.len())
        && !label.starts_with('-')
        && !label.ends_with('-')
        && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[test]
fn every_list_is_sorted_unique_and_lower_case() {
    let mut problems = Vec::new();
    for (name, text) in HOST_LISTS.into_iter().chain([("abuse_tlds.txt", ABUSE_TLDS_TXT)]) {
        problems.extend(order_problems(name, text));
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn host_entries_are_valid_host_names_under_a_known_suffix() {
    let mut problems = Vec::new();
    for (name, text) in HOST_LISTS {
        for e in lists::entries(text) {
            let ascii = idna::domain_to_ascii(e).ok();
            let known = psl::suffix(e.as_bytes()).is_some_and(|s| s.is_known());
            if !e.contains('.') || !e.split('.').all(valid_label) || ascii.as_deref() != Some(e) || !known {
                problems.push(format!("{name}: {e:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "not valid host names under a PSL suffix: {problems:#?}");
}

#[test]
fn abuse_tlds_are_top_level_domains_the_psl_knows() {
    let bad: Vec<&str> = lists::entries(ABUSE_TLDS_TXT)
        .filter(|t| {
            let probe = format!("example.{t}");
            let suffix = psl::suffix(probe.as_bytes());
            !valid_label(t) || !suffix.is_some_and(|s| s.is_known() && s.as_bytes() == t.as_bytes())
        })
        .collect();
    assert!(bad.is_empty(), "not ICANN TLDs: {bad:?}");
}

#[test]
fn host_lists_do_not_overlap() {
    let mut problems = Vec::new();
    for (i, (a_name, a)) in HOST_LISTS.iter().enumerate() {
        for (b_name, b) in &HOST_LISTS[i + 1..] {
            let b_set = brands::lists::NameSet::parse(b);
            for e in lists::entries(a).filter(|e| b_set.contains(e)) {
                problems.push(format!("{e} is in {a_name} and {b_name}"));
            }
        }
    }
    // A shortener under a free host (or the reverse) would be scored twice by `links`.
    for s in lists::shorteners().iter() {
        if lists::free_hosting().covers(s) {
            problems.push(format!("shortener {s} is under a free host"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn no_listed_host_is_a_legitimate_site_or_an_official_brand_domain() {
    let known = KnownSites::parse(brands::known_sites::BUILTIN_TSV, "builtin").expect("the known sites still parse");
    let registry = BrandRegistry::builtin();
    let mut problems = Vec::new();
    for s in lists::user_content().iter() {
        if let Some(site) = known.owner(s) {
            problems.push(format!("{s} is listed as user content but is under known site {}", site.domain));
        }
        if registry.is_official(s) {
            problems.push(format!("{s} is listed as user content but is an official brand domain"));
        }
    }
    for brand in registry.brands() {
        for d in &brand.domains {
            if lists::user_content().covers(d) {
                problems.push(format!("{}'s official domain {d} is under user content", brand.id));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
