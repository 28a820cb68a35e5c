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

/// One reason: a stable code, a plain sentence and the evidence behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// Stable machine code (`typosquat`, `combosquat`, `blocklist_domain`, ...).
    pub code: &'static str,
    /// A sentence a citizen understands.
    pub message: String,
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

/// A short phrase for a reason code, for summaries that show one reason without its sentence
/// (the codes are stable; the full sentences come with [`Verdict::reasons`]).
pub fn describe_code(code: &str) -> &'static str {
    match code {
        "official_domain" => "an official domain",
        "known_site" => "a well-known legitimate site",
        "destination_hidden" => "a shortened link whose destination is hidden",
        "shortener_expanded" => "a shortened link, followed to its destination",
        "local_post_name" => "a postal name under that country's own ending",
        "uncommon_tld" => "a brand name under an uncommon ending",
        "lure_only_domain" => "a name made only of parcel or payment words",
        "anonymous_lure" => "parcel or payment words on a random-looking host",
        "ip_host" => "a bare IP address",
        "nonstandard_port" => "an unusual port",
        "shortener" => "a shortened link",
        "free_hosting" => "free hosting or dynamic DNS",
        "abuse_tld" => "a domain ending common in scams",
        "random_label" => "a random-looking name",
        "mixed_script" => "mixed alphabets in its name",
        "homoglyph" => "look-alike characters",
        "non_ascii" => "non-Latin characters",
        "tld_swap" => "a brand name under another ending",
        "typosquat" => "a misspelt brand name",
        "combosquat" => "a brand name with other words",
        "deep_subdomains" => "an unusually long chain of subdomains",
        "brand_com_hyphen" => "a brand domain running into another name",
        "com_hyphen" => "a domain ending followed by a hyphen",
        "brand_subdomain" => "a brand name in front of an unrelated domain",
        "lure_domain" => "parcel or payment words in its name",
        "lure_path" => "parcel or payment words in its path",
        "tracking_bait" => "a tracking-like number",
        "brand_in_path" => "a brand name on an unrelated site",
        "userinfo_trick" => "a misleading name before an @",
        "userinfo" => "a user name or password",
        "blocklist_url" | "blocklist_host" | "blocklist_domain" | "blocklist_ip" => "on a blocklist",
        _ => "other signals",
    }
}

#[cfg(test)]
mod tests;
