//! Entity extraction: URLs, e-mails, tracking numbers, amounts, codes and phones, claimed in that
//! order so that one stretch of text is never two entities (a tracking number is never a phone).

pub mod numbering;
pub mod numbers;
pub mod phones;
pub mod urls;

pub use numbers::{Amount, local_countries, local_currency};

/// At most this many entities of one kind are kept per message, which bounds the work on
/// pathological input (a megabyte of "€1,") and the size of the answer.
pub const MAX_PER_KIND: usize = 100;

/// What a span of the message was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Url,
    Email,
    Tracking,
    Amount,
    Code,
    Phone,
}

/// A recognised stretch of the message, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// Everything extracted from one message.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    pub urls: Vec<String>,
    pub emails: Vec<String>,
    pub tracking_numbers: Vec<String>,
    pub amounts: Vec<Amount>,
    pub phones: Vec<String>,
    pub codes: usize,
    /// Spans sorted by start offset.
    pub spans: Vec<Span>,
}

/// Extracts all entities except phones (phones need the countries, which need the brand and
/// language, which are read from text with these spans masked).
pub fn extract_without_phones(text: &str) -> Entities {
    let mut spans = Vec::new();
    let (urls, emails) = urls::extract(text, &mut spans);
    let tracking_numbers = numbers::tracking(text, &mut spans);
    let amounts = numbers::amounts(text, &mut spans);
    let codes = numbers::codes(text, &mut spans);
    spans.sort_by_key(|s| s.start);
    Entities { urls, emails, tracking_numbers, amounts, phones: Vec::new(), codes, spans }
}

/// Adds phones, trying `regions` for numbers without an international prefix.
pub fn add_phones(text: &str, regions: &[&str], e: &mut Entities) {
    e.phones = phones::extract(text, regions, &mut e.spans);
    e.spans.sort_by_key(|s| s.start);
}

/// True when `[start, end)` overlaps no span already claimed.
pub(crate) fn free(spans: &[Span], start: usize, end: usize) -> bool {
    spans.iter().all(|s| end <= s.start || start >= s.end)
}

/// The message with every span replaced by a placeholder word, so the model learns "a link"
/// rather than one template's link.
pub fn masked(text: &str, spans: &[Span]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for s in spans {
        if s.start < at || s.end > text.len() {
            continue;
        }
        out.push_str(&text[at..s.start]);
        out.push_str(match s.kind {
            Kind::Url => " xurlx ",
            Kind::Email => " xemailx ",
            Kind::Tracking => " xtrackx ",
            Kind::Amount => " xamountx ",
            Kind::Code => " xcodex ",
            Kind::Phone => " xphonex ",
        });
        at = s.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_do_not_overlap() {
        let text = "Royal Mail: parcel RR123456785GB held. Pay £1.99 at royalmail-fee.com or call 07912 123456. Code 482913";
        let mut e = extract_without_phones(text);
        add_phones(text, &["GB"], &mut e);
        assert_eq!(e.tracking_numbers, ["RR123456785GB"]);
        assert_eq!(e.amounts.iter().map(|a| a.normalised.as_str()).collect::<Vec<_>>(), ["1.99 GBP"]);
        assert_eq!(e.urls, ["royalmail-fee.com"]);
        assert_eq!(e.phones, ["+447912123456"]);
        assert_eq!(e.codes, 1);
        let m = masked(text, &e.spans);
        assert!(m.contains("xtrackx") && m.contains("xphonex") && m.contains("xurlx") && m.contains("xcodex"), "{m}");
    }
}
