//! The framework id lists (CSF 2.0, CIS v8.1 IG1, NIS2) and evidence sources, as embedded data.

use std::collections::{BTreeMap, BTreeSet};

use crate::bank::BankError;

const CSF: (&str, &str) = ("csf2_categories.txt", include_str!("../data/csf2_categories.txt"));
const CIS_IG1: (&str, &str) = ("cis_v81_ig1.txt", include_str!("../data/cis_v81_ig1.txt"));
const NIS2: (&str, &str) = ("nis2.txt", include_str!("../data/nis2.txt"));
const SOURCES: (&str, &str) = ("scan_checks.txt", include_str!("../data/scan_checks.txt"));

/// Whether an evidence source replaces a self-reported answer or only informs the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceRole {
    Overrides,
    Informs,
}

/// The known ids a question may cite, and the ids the bank must cover.
#[derive(Debug, Clone)]
pub struct Frameworks {
    pub csf: BTreeSet<String>,
    pub cis_ig1: BTreeSet<String>,
    /// Art. 21(2) letters (a)-(j): all must be covered.
    pub nis2_required: BTreeSet<String>,
    /// Every NIS2 id a question may cite (the letters plus Art. 20 and Art. 23).
    pub nis2_all: BTreeSet<String>,
    pub sources: BTreeMap<String, SourceRole>,
}

impl Frameworks {
    /// The lists shipped in `data/`.
    pub fn embedded() -> Result<Frameworks, BankError> {
        let csf = ids(CSF)?;
        let cis_ig1 = ids(CIS_IG1)?;
        let mut nis2_required = BTreeSet::new();
        let mut nis2_all = BTreeSet::new();
        for (line, id, rest) in rows(NIS2)? {
            match rest.split_whitespace().next() {
                Some("required") => {
                    nis2_required.insert(id.clone());
                }
                Some("extra") => {}
                _ => return Err(malformed(NIS2.0, line, "second column must be required or extra")),
            }
            nis2_all.insert(id);
        }
        let mut sources = BTreeMap::new();
        for (line, id, rest) in rows(SOURCES)? {
            let role = match rest.split_whitespace().next() {
                Some("overrides") => SourceRole::Overrides,
                Some("informs") => SourceRole::Informs,
                _ => return Err(malformed(SOURCES.0, line, "second column must be overrides or informs")),
            };
            sources.insert(id, role);
        }
        Ok(Frameworks { csf, cis_ig1, nis2_required, nis2_all, sources })
    }
}

fn malformed(file: &'static str, line: usize, reason: &str) -> BankError {
    BankError::FrameworkList { file, line, reason: reason.to_owned() }
}

/// The non-comment lines of a list as (line number, id, rest of the line); ids must be unique.
fn rows((file, text): (&'static str, &str)) -> Result<Vec<(usize, String, String)>, BankError> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (id, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        if !seen.insert(id.to_owned()) {
            return Err(malformed(file, i + 1, "duplicate id"));
        }
        out.push((i + 1, id.to_owned(), rest.trim().to_owned()));
    }
    Ok(out)
}

fn ids(list: (&'static str, &str)) -> Result<BTreeSet<String>, BankError> {
    Ok(rows(list)?.into_iter().map(|(_, id, _)| id).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_have_the_published_sizes() {
        let fw = Frameworks::embedded().unwrap();
        // CSF 2.0 has 22 categories, CIS v8.1 IG1 has 56 safeguards, Art. 21(2) has 10 letters.
        assert_eq!(fw.csf.len(), 22);
        assert_eq!(fw.cis_ig1.len(), 56);
        assert_eq!(fw.nis2_required.len(), 10);
        assert_eq!(fw.nis2_all.len(), 12);
        assert_eq!(fw.sources.get("SCAN-DMARC"), Some(&SourceRole::Overrides));
        assert_eq!(fw.sources.get("SCAN-CT"), Some(&SourceRole::Informs));
    }

    #[test]
    fn duplicate_ids_in_a_list_are_rejected() {
        let err = rows(("x.txt", "# c\nA one\nA two\n")).unwrap_err();
        assert_eq!(err, malformed("x.txt", 3, "duplicate id"));
    }
}
