//! Input validation and WHATWG parsing of one link: scheme, host, IDNA forms and the registrable
//! domain from the public suffix list (ICANN and private sections).

use std::net::{Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

use crate::LinkError;

/// Inputs longer than this are refused (a link in a message is never that long).
pub const MAX_INPUT_BYTES: usize = 8 * 1024;

/// The host of a parsed link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostKind {
    /// A domain name: ASCII (punycode) form, lower case, no trailing dot.
    Domain(String),
    Ipv4(Ipv4Addr),
    Ipv6(Ipv6Addr),
}

/// A link parsed and normalised for analysis. The host's forms and parts are slices of one
/// another, so parsing allocates once for the URL and once for the host.
#[derive(Debug, Clone)]
pub struct ParsedUrl {
    /// The WHATWG-normalised URL, fragment removed.
    pub url: Url,
    pub host: HostKind,
    /// Unicode form of a domain host, when the host has punycode labels.
    unicode: Option<String>,
    /// Byte offsets into the ASCII host of the registrable domain and of the public suffix.
    registrable_at: usize,
    suffix_at: usize,
    /// The suffix comes from the private section of the PSL (free hosting, dynamic DNS).
    pub suffix_private: bool,
    /// The suffix is listed in the PSL (false for made-up TLDs).
    pub suffix_known: bool,
}

impl ParsedUrl {
    pub fn domain(&self) -> Option<&str> {
        match &self.host {
            HostKind::Domain(d) => Some(d),
            _ => None,
        }
    }

    /// The host as written in the URL: ASCII domain, or the IP literal.
    fn host_text(&self) -> &str {
        match &self.host {
            HostKind::Domain(d) => d,
            _ => self.url.host_str().unwrap_or_default(),
        }
    }

    /// Unicode form of a domain host (equal to the ASCII form when there is no punycode).
    pub fn host_unicode(&self) -> &str {
        self.unicode.as_deref().unwrap_or_else(|| self.host_text())
    }

    /// Registrable domain (ASCII), or the host itself for IP literals and bare suffixes.
    pub fn registrable(&self) -> &str {
        self.host_text().get(self.registrable_at..).unwrap_or_default()
    }

    /// Public suffix of the host ("co.uk", "github.io"); empty for IP literals.
    pub fn suffix(&self) -> &str {
        match &self.host {
            HostKind::Domain(d) => d.get(self.suffix_at..).unwrap_or_default(),
            _ => "",
        }
    }

    /// Labels left of the registrable domain, outermost first (`a.b.example.com` -> `a`, `b`).
    pub fn subdomain(&self) -> &str {
        match &self.host {
            HostKind::Domain(d) => d.get(..self.registrable_at).unwrap_or_default().trim_end_matches('.'),
            _ => "",
        }
    }

    /// The registrable domain without its suffix (`laposte` for `laposte.fr`).
    pub fn registrable_label(&self) -> &str {
        let (registrable, suffix) = (self.registrable(), self.suffix());
        if suffix.is_empty() || registrable.len() <= suffix.len() {
            return registrable;
        }
        registrable[..registrable.len() - suffix.len()].trim_end_matches('.')
    }
}

/// Validates and parses one input line as a web link.
pub fn parse(input: &str) -> Result<ParsedUrl, LinkError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(LinkError::Empty);
    }
    if input.len() > MAX_INPUT_BYTES {
        return Err(LinkError::TooLong { len: input.len() });
    }
    // Printable ASCII (nearly every link) needs no per-character decoding.
    let printable = trimmed.bytes().all(|b| (0x20..0x7f).contains(&b));
    if !printable && let Some((position, c)) = trimmed.char_indices().find(|&(_, c)| is_forbidden(c)) {
        return Err(LinkError::ControlCharacter { code: u32::from(c), position });
    }
    let refanged = refang(trimmed);
    let text = refanged.as_deref().unwrap_or(trimmed);
    let with_scheme = with_scheme(text)?;
    let mut url = Url::parse(&with_scheme).map_err(|e| map_parse_error(e, text))?;
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(LinkError::UnsupportedScheme { scheme: other.to_string() }),
    }
    url.set_fragment(None);
    let host = match url.host() {
        Some(Host::Domain(d)) => HostKind::Domain(d.trim_end_matches('.').to_string()),
        Some(Host::Ipv4(a)) => HostKind::Ipv4(a),
        Some(Host::Ipv6(a)) => HostKind::Ipv6(a),
        None => return Err(LinkError::NoHost),
    };
    let HostKind::Domain(ascii) = &host else {
        return Ok(ParsedUrl { url, host, unicode: None, registrable_at: 0, suffix_at: 0, suffix_private: false, suffix_known: false });
    };
    if ascii.is_empty() || ascii.split('.').any(str::is_empty) {
        return Err(LinkError::NotAUrl { reason: format!("empty label in host {ascii:?}") });
    }
    let unicode = if ascii.contains("xn--") {
        let (unicode, result) = idna::domain_to_unicode(ascii);
        if result.is_err() {
            return Err(LinkError::InvalidPunycode { host: ascii.clone() });
        }
        Some(unicode)
    } else {
        None
    };
    let (registrable_at, suffix_at, suffix_private, suffix_known) = split_host(ascii);
    Ok(ParsedUrl { url, host, unicode, registrable_at, suffix_at, suffix_private, suffix_known })
}

/// Byte offsets of the registrable domain and of the public suffix in an ASCII domain, and
/// whether the suffix is private and known.
fn split_host(ascii: &str) -> (usize, usize, bool, bool) {
    use psl::Psl;
    let list = psl::List;
    let at = |part: &[u8]| ascii.len() - part.len();
    if let Some(d) = list.domain(ascii.as_bytes()) {
        let s = d.suffix();
        return (at(d.as_bytes()), at(s.as_bytes()), s.typ() == Some(psl::Type::Private), s.is_known());
    }
    match list.suffix(ascii.as_bytes()) {
        Some(s) => (0, at(s.as_bytes()), s.typ() == Some(psl::Type::Private), s.is_known()),
        None => (0, ascii.rfind('.').map_or(0, |i| i + 1), false, false),
    }
}

/// (registrable domain, suffix, suffix is private, suffix is known) of an ASCII domain.
pub fn registrable_of(ascii: &str) -> (String, String, bool, bool) {
    use psl::Psl;
    let list = psl::List;
    let lossy = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    if let Some(d) = list.domain(ascii.as_bytes()) {
        let s = d.suffix();
        return (lossy(d.as_bytes()), lossy(s.as_bytes()), s.typ() == Some(psl::Type::Private), s.is_known());
    }
    match list.suffix(ascii.as_bytes()) {
        Some(s) => (ascii.to_string(), lossy(s.as_bytes()), s.typ() == Some(psl::Type::Private), s.is_known()),
        None => (ascii.to_string(), ascii.rsplit('.').next().unwrap_or(ascii).to_string(), false, false),
    }
}

/// Control characters, bidi overrides and zero-width characters have no place in a pasted link
/// and are a known way of hiding its real target.
fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Undoes the usual defanging of reports (`hxxps://`, `example[.]com`), so analysts can paste them.
fn refang(s: &str) -> Option<String> {
    let lower_start = s.get(..5).map(str::to_ascii_lowercase);
    let defanged_scheme = matches!(lower_start.as_deref(), Some("hxxp:") | Some("hxxps"));
    let bracketed = s.bytes().any(|b| b == b'[' || b == b'(');
    if !defanged_scheme && !(bracketed && (s.contains("[.]") || s.contains("(.)") || s.contains("[:]"))) {
        return None;
    }
    let mut out = s.replace("[.]", ".").replace("(.)", ".").replace("[:]", ":");
    if defanged_scheme {
        out.replace_range(..4, "http");
    }
    Some(out)
}

/// Schemes that are never web links: refused with a clear error rather than guessed at.
const OTHER_SCHEMES: &[&str] =
    &["javascript", "data", "mailto", "tel", "sms", "file", "ftp", "ws", "wss", "blob", "about", "intent", "vbscript"];

fn with_scheme(text: &str) -> Result<std::borrow::Cow<'_, str>, LinkError> {
    if let Some(i) = text.find("://") {
        let scheme = &text[..i];
        let valid = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if valid {
            return Ok(std::borrow::Cow::Borrowed(text));
        }
    }
    if let Some((scheme, _)) = text.split_once(':') {
        let lower = scheme.to_ascii_lowercase();
        if OTHER_SCHEMES.contains(&lower.as_str()) {
            return Err(LinkError::UnsupportedScheme { scheme: lower });
        }
    }
    if text.starts_with("//") {
        return Ok(std::borrow::Cow::Owned(format!("http:{text}")));
    }
    Ok(std::borrow::Cow::Owned(format!("http://{text}")))
}

fn map_parse_error(e: url::ParseError, text: &str) -> LinkError {
    match e {
        url::ParseError::EmptyHost => LinkError::NoHost,
        url::ParseError::IdnaError if text.to_ascii_lowercase().contains("xn--") => LinkError::InvalidPunycode { host: host_guess(text) },
        other => LinkError::NotAUrl { reason: other.to_string() },
    }
}

fn host_guess(text: &str) -> String {
    let rest = text.split_once("://").map_or(text, |(_, r)| r);
    rest.split(['/', '?', '#']).next().unwrap_or_default().chars().take(255).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<(&str, &str, &str), LinkError>) {
        let got = parse(input).map(|p| (p.host_unicode().to_string(), p.registrable().to_string(), p.suffix().to_string()));
        let got = got.as_ref().map(|(a, b, c)| (a.as_str(), b.as_str(), c.as_str())).map_err(Clone::clone);
        assert_eq!(got, expected, "{input}");
    }

    #[test]
    fn parses_and_splits_hosts() {
        check("https://laposte-fr.colis-suivi.top/pay", Ok(("laposte-fr.colis-suivi.top", "colis-suivi.top", "top")));
        check("www.royalmail.co.uk", Ok(("www.royalmail.co.uk", "royalmail.co.uk", "co.uk")));
        check("HTTPS://WWW.LaPoste.FR./x", Ok(("www.laposte.fr", "laposte.fr", "fr")));
        check("hxxps://evil[.]example[.]com/a", Ok(("evil.example.com", "example.com", "com")));
        check("https://usps-track.github.io/", Ok(("usps-track.github.io", "usps-track.github.io", "github.io")));
        check("https://xn--80ak6aa92e.com/", Ok(("аррӏе.com", "xn--80ak6aa92e.com", "com")));
        check("http://0x7f.1/", Ok(("127.0.0.1", "127.0.0.1", "")));
    }

    #[test]
    fn refuses_bad_input() {
        check("", Err(LinkError::Empty));
        check("   ", Err(LinkError::Empty));
        check("javascript:alert(1)", Err(LinkError::UnsupportedScheme { scheme: "javascript".into() }));
        check("ftp://example.com/x", Err(LinkError::UnsupportedScheme { scheme: "ftp".into() }));
        check("http://exa\u{0}mple.com", Err(LinkError::ControlCharacter { code: 0, position: 10 }));
        check("http://a\u{202E}b.com", Err(LinkError::ControlCharacter { code: 0x202E, position: 8 }));
        assert!(matches!(parse("https://xn--zz.com/"), Err(LinkError::InvalidPunycode { .. })));
        assert!(matches!(parse("http:// /"), Err(LinkError::NotAUrl { .. }) | Err(LinkError::NoHost)));
        let long = format!("https://example.com/{}", "a".repeat(9000));
        assert!(matches!(parse(&long), Err(LinkError::TooLong { .. })));
    }
}
