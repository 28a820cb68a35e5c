//! Word lists of the analyser, one plain-text file per concept under `data/` (one entry per
//! line, `#` comments), embedded at compile time and parsed once on first use; the tests in
//! `tests/word_lists.rs` check them. The host lists (abuse-heavy TLDs, shorteners, free
//! hosting) are shared with `scamtext` and live in `brands::lists`.
//!
//! The lists are general (drawn from public smishing reporting of 2020-2025 across Europe, the
//! Americas and Asia-Pacific), not tuned to an evaluation set.

use std::sync::LazyLock;

/// `data/lures.txt`: words that make a parcel, payment or account lure (domains and paths).
pub const LURES_TXT: &str = include_str!("../data/lures.txt");
/// `data/fillers.txt`: words that may surround a brand name without being a lure.
pub const FILLERS_TXT: &str = include_str!("../data/fillers.txt");
/// `data/path_lures.txt`: lure words too short or too common for domain labels.
pub const PATH_LURES_TXT: &str = include_str!("../data/path_lures.txt");
/// `data/tld_words.txt`: endings scammers put after a brand in `brand.com-xxxx.tld` names.
pub const TLD_WORDS_TXT: &str = include_str!("../data/tld_words.txt");
/// `data/ambiguous_brands.txt`: brand names that are also ordinary words or common names.
pub const AMBIGUOUS_BRANDS_TXT: &str = include_str!("../data/ambiguous_brands.txt");
/// `data/generic_labels.txt`: official labels too generic to be brand tokens on their own.
pub const GENERIC_LABELS_TXT: &str = include_str!("../data/generic_labels.txt");

/// `data/common_gtlds.txt`: the legacy and widely used generic TLDs; a brand name under any
/// other generic TLD is a swap onto an uncommon ending.
pub const COMMON_GTLDS_TXT: &str = include_str!("../data/common_gtlds.txt");
/// `data/article_sections.txt`: path segments of news and blog sections.
pub const ARTICLE_SECTIONS_TXT: &str = include_str!("../data/article_sections.txt");

fn list(text: &'static str) -> Vec<&'static str> {
    brands::lists::entries(text).collect()
}

pub static LURES: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(LURES_TXT));
pub static FILLERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(FILLERS_TXT));
pub static PATH_LURES: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(PATH_LURES_TXT));
pub static TLD_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(TLD_WORDS_TXT));
pub static AMBIGUOUS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(AMBIGUOUS_BRANDS_TXT));
pub static GENERIC_LABELS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(GENERIC_LABELS_TXT));
pub static COMMON_GTLDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(COMMON_GTLDS_TXT));
pub static ARTICLE_SECTIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| list(ARTICLE_SECTIONS_TXT));
