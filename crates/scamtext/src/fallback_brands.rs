//! A small built-in brand table (`data/fallback_brands.tsv`), used until (and wherever) the
//! shared `brands` registry is not available; the registry is the source of truth when present.

use crate::lexicon::BrandRef;
use crate::lexicon::files::{self, FALLBACK_BRANDS_FILE};

/// The built-in table as brand references.
pub fn brands() -> Vec<BrandRef> {
    let (file, text) = FALLBACK_BRANDS_FILE;
    // Like the word lists, the table is part of the build: tests/data_files.rs parses it, so an
    // error here is a broken build, never input.
    let rows = files::parse_brands(file, text).unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter()
        .map(|r| BrandRef {
            name: r.name.to_string(),
            aliases: r.aliases.iter().map(|s| (*s).to_string()).collect(),
            domains: r.domains.iter().map(|s| (*s).to_string()).collect(),
            country: r.country.to_string(),
            kind: r.kind,
            words: Vec::new(),
            products: Vec::new(),
        })
        .collect()
}
