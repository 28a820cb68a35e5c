//! Link verdicts ("check my link"): WHATWG parsing and IDNA normalisation, postal
//! brand-impersonation scoring against the `brands` registry, a TLP-aware blocklist index and
//! feed importers, and guarded live fetches (`live`, every hop through the SSRF guard).
//!
//! Offline-first: [`Analyzer::analyse`] needs nothing but the registry; [`check`] adds the
//! blocklist, filtered for the asker through `tlp::may_read`.

mod analyse;
pub mod blocklist;
mod error;
pub mod eval;
pub mod feeds;
pub mod fold;
pub mod live;
pub mod parse;
mod report;
/// The outbound guard, under the name this crate's modules have always used.
pub use outbound as ssrf;
pub mod words;

use serde::Serialize;

pub use analyse::{Analyzer, Assessment};
pub use blocklist::{BlockEntry, BlockHit, BlocklistIndex, EntryKind, LiveIndex};
pub use error::{FeedError, LinkError};
pub use feeds::{
    FeedDefaults, FeedFormat, FeedImport, entries_from_pattern, feed_indicator_id, import_feed, import_feed_with, indicators_for_entries,
    parse_feed,
};
pub use live::{LiveError, LiveHop, LiveOptions, LiveReport};
pub use parse::{MAX_INPUT_BYTES, ParsedUrl};
pub use report::report_objects;
pub use ssrf::{SsrfRefusal, guard_target};

/// The three verdict levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Benign,
    Suspicious,
    Malicious,
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Benign => "benign",
            Level::Suspicious => "suspicious",
            Level::Malicious => "malicious",
        }
    }
}

/// The brand a link impersonates (or officially belongs to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VerdictBrand {
    pub id: String,
    pub name: String,
    /// Main official domain, empty when the registry has none.
    pub domain: String,
}

/// One reason: a stable code, its arguments, the sentence a citizen reads and the evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable machine code (`typosquat`, `combosquat`, `blocklist_domain`, ...).
    pub code: &'static str,
    /// The sentence in the asker's language. The library leaves it empty: each face (CLI, API,
    /// portal) fills it from the message catalogues (`link-<code>`) with [`Reason::args`].
    pub message: String,
    /// The values the sentence is made of (brand, domain, ending, words ...), named as in
    /// [`REASON_CODES`]; empty when the analysis was asked not to explain itself.
    #[serde(skip_serializing_if = "Args::is_empty")]
    pub args: Args,
    /// Contribution to the score.
    pub points: u8,
    /// Brand id of the impersonated brand, when the reason is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// Technique name (`omission`, `homoglyph`, `brand as subdomain`, `blocklist` ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub technique: Option<&'static str>,
    /// The matched indicator, present only when the asker may see it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator_id: Option<String>,
}

/// The verdict on one link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The input as given.
    pub input: String,
    /// The normalised URL that was judged.
    pub url: String,
    pub verdict: Level,
    /// 0-100.
    pub score: u8,
    pub brand: Option<VerdictBrand>,
    /// Whose site this is, when the host is an official brand domain or a well-known
    /// legitimate site ("Tesco", "UK Government (all gov.uk services)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Strongest first.
    pub reasons: Vec<Reason>,
}

/// What a check runs with: the precomputed analyser, a blocklist snapshot and the asker.
#[derive(Debug, Clone, Copy)]
pub struct CheckContext<'a> {
    pub analyzer: &'a Analyzer,
    pub index: &'a BlocklistIndex,
    pub audience: tlp::Audience<'a>,
}

/// Checks one link: offline analysis plus the blocklist entries the audience may read.
pub fn check(input: &str, ctx: &CheckContext<'_>) -> Result<Verdict, LinkError> {
    let parsed = parse::parse(input)?;
    let hits = ctx.index.lookup(&parsed, &ctx.audience);
    Ok(ctx.analyzer.verdict_for(input, parsed, blocklist::reasons(hits), true))
}

/// The named values of a reason, in the order they were found. Serialised as a JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Args(pub Vec<(&'static str, String)>);

impl Args {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of `name`, if the reason has it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    pub fn push(&mut self, name: &'static str, value: impl Into<String>) {
        self.0.push((name, value.into()));
    }
}

impl Serialize for Args {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// Every reason code the link analysis gives, with the names of the arguments its sentence may
/// use. The catalogues hold one sentence per code (`link-<code>`) and one short phrase
/// (`link-phrase-<code>`) for summaries; a test holds the analysis to this table and another
/// the catalogues. A `form` argument chooses between wordings of one reason; `hop` and
/// `hop_url` mark a reason found on a later hop of a followed link.
pub const REASON_CODES: &[(&str, &[&str])] = &[
    ("official_domain", &["domain", "brand"]),
    ("known_site", &["domain", "organisation"]),
    ("destination_hidden", &["domain"]),
    ("shortener_expanded", &["final_url"]),
    ("local_post_name", &["tld"]),
    ("uncommon_tld", &["tld"]),
    ("lure_only_domain", &["label"]),
    ("anonymous_lure", &[]),
    ("ip_host", &[]),
    ("nonstandard_port", &["port"]),
    ("free_hosting", &["service"]),
    ("abuse_tld", &["tld"]),
    ("random_label", &["label"]),
    ("mixed_script", &["host"]),
    ("homoglyph", &["brand", "host", "form"]),
    ("non_ascii", &[]),
    ("tld_swap", &["brand", "domain", "form"]),
    ("typosquat", &["brand", "edit"]),
    ("combosquat", &["brand", "domain", "form"]),
    ("deep_subdomains", &[]),
    ("brand_com_hyphen", &["brand", "domain"]),
    ("com_hyphen", &["candidate"]),
    ("brand_subdomain", &["brand", "domain"]),
    ("lure_domain", &["words"]),
    ("lure_path", &["words"]),
    ("tracking_bait", &[]),
    ("brand_in_path", &["brand", "form"]),
    ("userinfo_trick", &["brand", "real", "user", "form"]),
    ("userinfo", &[]),
    ("blocklist_url", &["source"]),
    ("blocklist_host", &["key", "source"]),
    ("blocklist_domain", &["key", "source"]),
    ("blocklist_ip", &["key", "source"]),
];

/// The argument names every reason may carry besides its own (a later hop of a followed link).
pub const HOP_ARGS: &[&str] = &["hop", "hop_url"];

#[cfg(test)]
mod tests;
