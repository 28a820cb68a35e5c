//! Checks the analyser's word lists (`data/*.txt`): lower-case ASCII words, no entry listed
//! twice, no word both a lure and a filler, and brand-name lists that name registry brands.

use links::words;

const LISTS: [(&str, &str); 8] = [
    ("common_gtlds.txt", words::COMMON_GTLDS_TXT),
    ("article_sections.txt", words::ARTICLE_SECTIONS_TXT),
    ("lures.txt", words::LURES_TXT),
    ("fillers.txt", words::FILLERS_TXT),
    ("path_lures.txt", words::PATH_LURES_TXT),
    ("tld_words.txt", words::TLD_WORDS_TXT),
    ("ambiguous_brands.txt", words::AMBIGUOUS_BRANDS_TXT),
    ("generic_labels.txt", words::GENERIC_LABELS_TXT),
];

#[test]
fn every_list_is_lower_case_ascii_without_duplicates() {
    let mut problems = Vec::new();
    for (name, text) in LISTS {
        let entries: Vec<&str> = brands::lists::entries(text).collect();
        if entries.len() < 5 {
            problems.push(format!("{name}: only {} entries", entries.len()));
        }
        let mut seen = std::collections::HashSet::new();
        for e in entries {
            let word = e.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if !word || e.starts_with('-') || e.ends_with('-') {
                problems.push(format!("{name}: {e:?} is not a lower-case ASCII word"));
            }
            if !seen.insert(e) {
                problems.push(format!("{name}: {e:?} listed twice"));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn lures_and_fillers_do_not_overlap() {
    let lures: std::collections::HashSet<&str> = words::LURES.iter().copied().collect();
    let both: Vec<&&str> = words::FILLERS.iter().filter(|w| lures.contains(**w)).collect();
    assert!(both.is_empty(), "both lure and filler: {both:?}");
}

#[test]
fn ambiguous_brand_names_name_registry_brands() {
    let reg = brands::BrandRegistry::builtin();
    let names: Vec<String> = reg
        .brands()
        .iter()
        .flat_map(|b| {
            let own = [b.id.clone(), b.name.to_lowercase().replace(' ', "")];
            own.into_iter().chain(b.short_names.iter().chain(&b.words).chain(&b.domains).cloned())
        })
        .collect();
    let unknown: Vec<&&str> = words::AMBIGUOUS.iter().filter(|w| !names.iter().any(|n| n.contains(**w))).collect();
    assert!(unknown.is_empty(), "not part of any brand's names or domains: {unknown:?}");
}
