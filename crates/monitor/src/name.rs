//! Name normalisation: what every source's names go through before they are judged, so that
//! `Example.COM.`, `*.example.com` and `exаmple.com` (Cyrillic a) reach the matcher in one form.

use std::borrow::Cow;

/// The longest name DNS carries, in its dotted text form without the final dot (RFC 1035).
pub const MAX_NAME_LEN: usize = 253;
/// The most labels a name of [`MAX_NAME_LEN`] bytes can have.
pub const MAX_LABELS: usize = 127;

/// Why a line is not a name. Each has a stable code, counted in the run's summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Reject {
    /// An empty line or a comment: skipped without counting.
    #[error("blank line or comment")]
    Blank,
    /// A NUL byte (a broken file, or an attempt to cut the name short downstream).
    #[error("the name contains a NUL byte")]
    Nul,
    /// More labels than any DNS name can have.
    #[error("the name has more than {MAX_LABELS} labels")]
    TooManyLabels,
    /// Longer than DNS allows.
    #[error("the name is longer than {MAX_NAME_LEN} bytes")]
    TooLong,
    /// An empty label (`a..b`) or one over 63 bytes.
    #[error("the name has an empty label or one over 63 bytes")]
    BadLabel,
    /// A character no host name has (space, slash, colon ...).
    #[error("the name contains a character host names do not have")]
    BadChar,
    /// Unicode that IDNA (UTS #46) refuses, or broken punycode.
    #[error("the name is not valid IDNA")]
    InvalidIdna,
    /// Bytes that are not UTF-8.
    #[error("the line is not UTF-8")]
    InvalidUtf8,
}

impl Reject {
    /// The stable code counted in summaries and metrics.
    pub fn code(self) -> &'static str {
        match self {
            Reject::Blank => "blank",
            Reject::Nul => "nul",
            Reject::TooManyLabels => "too_many_labels",
            Reject::TooLong => "too_long",
            Reject::BadLabel => "bad_label",
            Reject::BadChar => "bad_char",
            Reject::InvalidIdna => "invalid_idna",
            Reject::InvalidUtf8 => "invalid_utf8",
        }
    }
}

/// Normalises one line to the lower-case ASCII name the matcher judges: surrounding blanks and
/// one final dot removed, a wildcard's `*.` skipped, Unicode mapped through IDNA (UTS #46) to
/// punycode. Already-normal ASCII names are borrowed, not copied: most names of a feed are.
pub fn normalise(line: &str) -> Result<Cow<'_, str>, Reject> {
    let mut s = line.trim();
    if s.is_empty() || s.starts_with('#') {
        return Err(Reject::Blank);
    }
    if s.contains('\0') {
        return Err(Reject::Nul);
    }
    s = s.strip_suffix('.').unwrap_or(s);
    while let Some(rest) = s.strip_prefix("*.") {
        s = rest;
    }
    // Counted before the length so that a 300-label name is reported for what it is.
    if s.bytes().filter(|&c| c == b'.').count() >= MAX_LABELS {
        return Err(Reject::TooManyLabels);
    }
    let name: Cow<'_, str> = if s.is_ascii() && !s.contains("xn--") {
        if s.bytes().any(|c| c.is_ascii_uppercase()) { Cow::Owned(s.to_ascii_lowercase()) } else { Cow::Borrowed(s) }
    } else {
        if s.chars().any(|c| c.is_whitespace() || matches!(c, '/' | ':' | '@' | '\\' | '?' | '#')) {
            return Err(Reject::BadChar);
        }
        let ascii = idna::domain_to_ascii_cow(s.as_bytes(), idna::AsciiDenyList::URL).map_err(|_| Reject::InvalidIdna)?;
        Cow::Owned(ascii.into_owned())
    };
    check_ascii_name(&name)?;
    Ok(name)
}

/// Length, label and character rules on a lower-case ASCII name.
fn check_ascii_name(name: &str) -> Result<(), Reject> {
    if name.is_empty() {
        return Err(Reject::BadLabel);
    }
    if name.len() > MAX_NAME_LEN {
        return Err(Reject::TooLong);
    }
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err(Reject::BadLabel);
        }
        if !label.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-' || c == b'_') {
            return Err(Reject::BadChar);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Result<&str, Reject>) {
        assert_eq!(normalise(input).as_deref().map_err(|e| *e), expected, "{input:?}");
    }

    #[test]
    fn names_are_normalised() {
        check("Example.COM.", Ok("example.com"));
        check("  laposte-colis.top\r", Ok("laposte-colis.top"));
        check("*.usps-track.top", Ok("usps-track.top"));
        check("*.*.a.example", Ok("a.example"));
        check("exаmple.com", Ok("xn--exmple-4nf.com"));
        check("BÜCHER.de", Ok("xn--bcher-kva.de"));
        check("xn--bcher-kva.de", Ok("xn--bcher-kva.de"));
        check("_dmarc.example.org", Ok("_dmarc.example.org"));
    }

    #[test]
    fn bad_names_are_refused_with_a_code() {
        check("", Err(Reject::Blank));
        check("# comment", Err(Reject::Blank));
        check("exam\0ple.com", Err(Reject::Nul));
        check(&"a.".repeat(300), Err(Reject::TooManyLabels));
        check(&format!("{}.com", "a".repeat(64)), Err(Reject::BadLabel));
        check(&format!("{0}.{0}.{0}.{0}.com", "a".repeat(63)), Err(Reject::TooLong));
        check("a..b", Err(Reject::BadLabel));
        check("http://example.com/", Err(Reject::BadChar));
        check("exa mple.com", Err(Reject::BadChar));
        check("xn--zz-zzzzzzzz.com", Err(Reject::InvalidIdna));
        check("ex\u{200d}ample.com", Err(Reject::InvalidIdna));
    }
}
