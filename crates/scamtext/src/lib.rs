//! scamtext: multilingual scam-message analysis — verdict, lure, impersonated brand, language and
//! entities (URLs, phones, amounts, tracking numbers, e-mails) from one SMS or e-mail text.
//!
//! ```
//! let analyzer = scamtext::Analyzer::builtin().unwrap();
//! let a = analyzer.analyze("Correos: su paquete está retenido, pague 1,99 EUR en https://correos-es.top/pago");
//! assert!(a.scam);
//! assert_eq!(a.amounts, ["1.99 EUR"]);
//! ```

mod analyze;
pub mod corpus;
pub mod eval;
pub mod extract;
mod fallback_brands;
pub mod features;
pub mod lexicon;
pub mod model;
mod registry;
pub mod text;
mod train;

use serde::Serialize;

pub use analyze::{Analyzer, LinkCheck, LinkVerdict, LinkWhy, SCAM_THRESHOLD, SUSPICIOUS_THRESHOLD};
pub use train::{train_dir, train_samples};

/// The model shipped in the repository, trained by `postern train-text` on `data/messages`.
pub const BUILTIN_MODEL: &[u8] = include_bytes!("../model/scamtext.bin");

/// Messages longer than this are cut (on a character boundary) before analysis, which keeps the
/// time per message bounded; [`check_input`] rejects them outright for callers that prefer that.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;

/// Errors of the scamtext library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The model file is not in the expected format.
    #[error("bad model file: {0}")]
    BadModel(String),
    /// The input holds no text (empty or only whitespace).
    #[error("empty message")]
    Empty,
    /// The input is larger than [`MAX_MESSAGE_BYTES`].
    #[error("message is {len} bytes, more than the {max}-byte limit")]
    TooLarge { len: usize, max: usize },
    /// The input is not valid UTF-8.
    #[error("message is not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 { offset: usize },
    /// The input looks binary (NUL bytes or mostly control characters).
    #[error("message looks like binary data, not text")]
    Binary,
    /// Training data could not be read or parsed.
    #[error("training data: {0}")]
    Data(String),
}

/// The lure a scam message uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lure {
    Prize,
    AccountLocked,
    Tax,
    CustomsFee,
    RedeliveryFee,
    AddressUpdate,
    FailedDelivery,
    PackageHeld,
    Refund,
    Other,
}

impl Lure {
    /// Number of lures.
    pub const COUNT: usize = 10;
    /// All lures, in tie-break order.
    pub const ALL: [Lure; Lure::COUNT] = [
        Lure::Prize,
        Lure::AccountLocked,
        Lure::Tax,
        Lure::CustomsFee,
        Lure::RedeliveryFee,
        Lure::AddressUpdate,
        Lure::FailedDelivery,
        // Before package_held: "a refund of 44 EUR is pending" is a refund, and "pending" is
        // also a held-parcel cue.
        Lure::Refund,
        Lure::PackageHeld,
        Lure::Other,
    ];

    /// The wire name ("customs_fee").
    pub fn as_str(self) -> &'static str {
        match self {
            Lure::Prize => "prize",
            Lure::AccountLocked => "account_locked",
            Lure::Tax => "tax",
            Lure::CustomsFee => "customs_fee",
            Lure::RedeliveryFee => "redelivery_fee",
            Lure::AddressUpdate => "address_update",
            Lure::FailedDelivery => "failed_delivery",
            Lure::PackageHeld => "package_held",
            Lure::Refund => "refund",
            Lure::Other => "other",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Lure> {
        Lure::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// The overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Scam,
    Suspicious,
    Benign,
}

/// One piece of evidence behind a verdict, with a stable code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    /// Stable machine code, e.g. `brand_link_mismatch` (one of [`REASON_CODES`]).
    pub code: &'static str,
    /// The sentence in the reader's language. The library leaves it empty: each face (CLI,
    /// API, portal) fills it from the message catalogues (`message-<code>`) with the arguments.
    pub detail: String,
    /// The values the sentence is made of, named as in [`REASON_CODES`].
    #[serde(skip_serializing_if = "links::Args::is_empty")]
    pub args: links::Args,
}

/// Every reason code of a message analysis, with the names of its sentence's arguments.
/// `link_reason` is a link reason code (`links::REASON_CODES`), which the catalogues turn into a
/// phrase (`link-phrase-<code>`, which may use `source`, the blocklist a blocklist reason names); `form` is `brand` when a brand is named (the sentence names it).
pub const REASON_CODES: &[(&str, &[&str])] = &[
    ("malicious_link", &["url", "link_reason", "brand", "form", "source"]),
    ("suspicious_link", &["url", "link_reason", "brand", "form", "source"]),
    ("brand_link_mismatch", &["brand", "form"]),
    ("brand_in_lookalike_host", &[]),
    ("url_shortener", &[]),
    ("risky_tld", &[]),
    ("ip_link", &[]),
    ("payment_request", &[]),
    ("payment_report", &[]),
    ("small_amount", &[]),
    ("urgency", &[]),
    ("callback_number", &[]),
    ("official_link", &[]),
    ("model_score", &["score"]),
];

/// The analysis of one message (a wire format: the CLI and API serialise it as is).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub scam: bool,
    /// Scam probability in [0, 1], rounded to 3 decimals.
    pub score: f32,
    pub verdict: Verdict,
    /// The lure, or null for benign messages.
    pub lure: Option<Lure>,
    /// Common name of the impersonated (or named) organisation.
    pub brand: Option<String>,
    /// ISO 639-1 code, or "und".
    pub language: String,
    pub urls: Vec<String>,
    /// E.164 where the country could be inferred.
    pub phones: Vec<String>,
    /// Normalised "1.99 EUR".
    pub amounts: Vec<String>,
    pub tracking_numbers: Vec<String>,
    pub emails: Vec<String>,
    pub reasons: Vec<Reason>,
}

/// Checks raw input bytes before analysis: UTF-8, not empty, not binary, not too large.
pub fn check_input(bytes: &[u8]) -> Result<&str, Error> {
    if bytes.len() > MAX_MESSAGE_BYTES {
        return Err(Error::TooLarge { len: bytes.len(), max: MAX_MESSAGE_BYTES });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 { offset: e.valid_up_to() })?;
    if text.trim().is_empty() {
        return Err(Error::Empty);
    }
    let controls = text.chars().filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if text.contains('\0') || controls * 10 > text.chars().count() {
        return Err(Error::Binary);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[u8], ok: bool) {
        assert_eq!(check_input(input).is_ok(), ok, "check_input({:?})", String::from_utf8_lossy(input));
    }

    #[test]
    fn input_checks() {
        check(b"hello", true);
        check(b"", false);
        check(b"   \n", false);
        check(b"\xff\xfe abc", false);
        check(b"a\0b", false);
        check(&vec![b'a'; MAX_MESSAGE_BYTES + 1], false);
        assert!(matches!(check_input(b"ab\xffcd"), Err(Error::NotUtf8 { offset: 2 })));
    }

    #[test]
    fn lure_names_round_trip() {
        for l in Lure::ALL {
            assert_eq!(Lure::parse(l.as_str()), Some(l));
        }
    }
}
