//! URL and e-mail extraction, including bare domains and defanged forms (hxxp, [.], "dot").

use super::{Kind, Span};

/// Top-level domains accepted for bare domains (with a scheme or `www.` any TLD is accepted).
/// A closed list keeps "e.g." and "1.99" out while covering what smishing uses.
const TLDS: &[&str] = &[
    "com",
    "net",
    "org",
    "info",
    "biz",
    "io",
    "co",
    "me",
    "app",
    "top",
    "xyz",
    "site",
    "online",
    "live",
    "club",
    "shop",
    "store",
    "vip",
    "icu",
    "cc",
    "ly",
    "gl",
    "gd",
    "at",
    "ch",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "br",
    "al",
    "uk",
    "ie",
    "us",
    "eu",
    "nl",
    "be",
    "pl",
    "cz",
    "ro",
    "gr",
    "ru",
    "cn",
    "tk",
    "ml",
    "ga",
    "cf",
    "gq",
    "pw",
    "ws",
    "link",
    "click",
    "work",
    "support",
    "help",
    "services",
    "delivery",
    "post",
    "express",
    "digital",
    "cloud",
    "one",
    "buzz",
    "fun",
    "rest",
    "mobi",
    "tel",
    "pro",
    "asia",
    "world",
    "today",
    "group",
    "space",
    "tech",
    "website",
    "page",
    "host",
    "cyou",
    "sbs",
    "bond",
    "cfd",
    "lat",
    "fyi",
    "ltd",
    "life",
    "fit",
    "lu",
    "li",
    "ca",
    "au",
    "in",
    "tv",
    "to",
    "su",
    "xin",
    "win",
    "bid",
    "loan",
    "men",
    "party",
    "review",
    "trade",
    "date",
    "kim",
    "wang",
    "mx",
    "ar",
    "cl",
    "pe",
    "ec",
    "uy",
    "ve",
    "bo",
    "py",
    "ao",
    "mz",
    "cv",
    "xk",
    "mk",
    "rs",
    "me",
    "hr",
    "si",
    "ba",
    "gov",
    "edu",
    "int",
    "ai",
    "gle",
    "ink",
    "run",
    "cam",
    "monster",
    "quest",
    "beauty",
    "hair",
    "makeup",
    "skin",
    "autos",
    "boats",
    "homes",
    "motorcycles",
    "yachts",
    "lol",
    "mom",
    "pics",
    "vn",
    "id",
    "tr",
    "se",
    "no",
    "dk",
    "fi",
    "hu",
    "sk",
    "bg",
    "lt",
    "lv",
    "ee",
    "is",
    "mt",
    "cy",
    "gs",
    "ms",
    "nu",
    "la",
    "st",
    "sh",
    "ac",
    "gy",
    "do",
    "im",
    "nz",
    "za",
    // The Arab region, Central Asia, East Africa and Taiwan (issue 20): official sites and
    // look-alikes alike are written bare there ("emiratespost.ae", "jumia.com.eg").
    "eg",
    "sa",
    "ae",
    "ma",
    "dz",
    "tn",
    "jo",
    "iq",
    "qa",
    "kw",
    "bh",
    "om",
    "lb",
    "ps",
    "sy",
    "ye",
    "sd",
    "tw",
    "kz",
    "by",
    "uz",
    "kg",
    "tj",
    "ua",
    "md",
    "ge",
    "am",
    "az",
    "ke",
    "tz",
    "ug",
    "rw",
    "ng",
    "gh",
    "et",
    "sn",
    "ci",
    "cm",
    "pk",
    "bd",
    "lk",
    "np",
    "jp",
    "kr",
    "hk",
    "sg",
    "my",
    "ph",
    "th",
];

/// Obfuscated dots, longest first so "[dot]" is not read as "[" + "dot" + "]".
const DOTS: &[&str] = &["[dot]", "(dot)", "{dot}", "[.]", "(.)", "{.}", "[,]"];

/// Finds URLs and e-mail addresses; pushes spans and returns (urls, emails) in text order.
pub fn extract(text: &str, spans: &mut Vec<Span>) -> (Vec<String>, Vec<String>) {
    let mut urls = Vec::new();
    let mut emails = Vec::new();
    for (start, end) in candidate_tokens(text) {
        if urls.len() + emails.len() >= super::MAX_PER_KIND {
            break;
        }
        let raw = &text[start..end];
        // The same test as below, on the untrimmed token (which holds the trimmed one): most
        // words of a message are rejected here, before trimming.
        if !could_be_link(raw.as_bytes()) {
            continue;
        }
        let (lead, core) = trim_token(raw);
        let (lead, core) = after_open_paren(lead, core);
        let start = start + lead;
        let end = start + core.len();
        // Every URL or address, defanged or not, holds a dot, an @, or a dot written as
        // "dot" or "[,]": most words of a message are rejected here without allocating.
        if !could_be_link(core.as_bytes()) {
            continue;
        }
        let refanged = refang(core);
        if let Some(email) = as_email(&refanged) {
            emails.push(email);
            spans.push(Span { start, end, kind: Kind::Email });
        } else if let Some(url) = as_url(&refanged) {
            urls.push(url);
            spans.push(Span { start, end, kind: Kind::Url });
        }
    }
    (urls, emails)
}

/// Whether a token holds a dot, an @, or a dot written as "dot" or "[,]", as every URL or
/// address does, defanged or not.
fn could_be_link(b: &[u8]) -> bool {
    b.iter().any(|c| matches!(c, b'.' | b'@' | b',')) || b.windows(3).any(|w| w.eq_ignore_ascii_case(b"dot"))
}

/// Host of a URL as extracted here: lower-case, no scheme, no port, no `www.`.
pub fn host_of(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    let rest = match lower.find("://") {
        Some(i) => &lower[i + 3..],
        None => &lower[..],
    };
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = &rest[..end];
    host.strip_prefix("www.").unwrap_or(host).trim_end_matches('.').to_string()
}

/// Whitespace-separated tokens, with "name dot tld" and "name [.] tld" joined into one token.
/// A character of a script written without spaces, or CJK or full-width punctuation: never part
/// of a link written in a message.
#[inline]
fn unspaced(c: char) -> bool {
    !c.is_ascii()
        && (crate::text::script_of(c) == crate::text::Script::Unspaced || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}'))
}

/// A letter of a spaced script other than Latin (Arabic, Cyrillic): a link's host is not glued
/// to one.
#[inline]
fn is_script_letter(c: char) -> bool {
    !c.is_ascii()
        && matches!(crate::text::script_of(c), crate::text::Script::Arabic | crate::text::Script::Cyrillic)
        && crate::text::is_alphabetic(c)
}

fn candidate_tokens(text: &str) -> Vec<(usize, usize)> {
    // Sized for the usual word length up front: pushing grows the vector step by step.
    let mut raw: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 4 + 1);
    let mut start = None;
    let mut prev = ' ';
    for (i, c) in text.char_indices() {
        // Chinese is written without spaces ("详情请点击x.top查看"), and Arabic or Russian words
        // may be glued to a link ("الرابطhttps://", "ссылкеx.ru"): a link ends where such text
        // starts, as a space would end it.
        // (The ASCII test first: it is cheap and false for most characters of those scripts.)
        // ("عبر:x.com" too: any ASCII after such a letter starts a new token.)
        let glued =
            c.is_ascii() && !c.is_ascii_whitespace() && is_script_letter(prev) || prev.is_ascii_alphanumeric() && is_script_letter(c);
        if c.is_whitespace() || unspaced(c) || glued {
            if let Some(s) = start.take() {
                raw.push((s, i));
            }
            if glued && !unspaced(c) && !c.is_whitespace() {
                start = Some(i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        prev = c;
    }
    if let Some(s) = start {
        raw.push((s, text.len()));
    }
    // Join spaced obfuscations: `correos-es dot com`, `correos-es [.] com`.
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        let (s, mut e) = raw[i];
        let mut j = i;
        while j + 2 < raw.len() {
            let mid = &text[raw[j + 1].0..raw[j + 1].1];
            let next = &text[raw[j + 2].0..raw[j + 2].1];
            // (No written dot is longer than five bytes: most words are rejected by length.)
            let is_dot = mid.len() <= 5 && (mid.eq_ignore_ascii_case("dot") || DOTS.contains(&mid) || mid == ".");
            if !is_dot {
                break;
            }
            let prev = &text[raw[j].0..raw[j].1];
            let prev_ok = prev.chars().last().is_some_and(|c| crate::text::is_alphanumeric(c) || c == '-');
            let label_end = next.bytes().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(next.len());
            let next_label = next[..label_end].to_ascii_lowercase();
            if prev_ok && TLDS.contains(&next_label.as_str()) {
                e = raw[j + 2].1;
                j += 2;
            } else {
                break;
            }
        }
        out.push((s, e));
        i = j + 1;
    }
    out
}

/// A link written in brackets right after a word ("NT$35(post-tw.top/fee)", from full-width
/// brackets read as ASCII): the token starts after the bracket. An obfuscated dot ("(.)",
/// "(dot)") is part of the link and stays.
fn after_open_paren(lead: usize, core: &str) -> (usize, &str) {
    match core.find('(') {
        Some(i) if i > 0 && !DOTS.iter().any(|d| core[i..].starts_with(d)) && could_be_link(&core.as_bytes()[i + 1..]) => {
            let rest = &core[i + 1..];
            (lead + i + 1, rest.strip_suffix(')').unwrap_or(rest))
        }
        _ => (lead, core),
    }
}

/// Splits leading and trailing punctuation off a token; returns (bytes cut at the front, core).
fn trim_token(raw: &str) -> (usize, &str) {
    let lead_chars: &[char] = &['(', '"', '\'', '<', '«', '“', '‘', '[', '{', '*', '>', ':'];
    let trimmed_front = raw.trim_start_matches(lead_chars);
    let lead = raw.len() - trimmed_front.len();
    let mut core = trimmed_front.trim_end_matches(['.', ',', ';', ':', '!', '?', '"', '\'', ')', '>', '»', '”', '’', ']', '}', '*', '…']);
    // Keep a closing obfuscation bracket that belongs to the host ("site[.]com" never ends in it,
    // but "x[.]" would be cut back to "x[" which is harmless).
    if core.ends_with('(') || core.ends_with('[') {
        core = &core[..core.len() - 1];
    }
    (lead, core)
}

/// Undoes defanging: hxxp -> http, [.] / (dot) / " dot " -> ".", [:] -> ":".
fn refang(s: &str) -> String {
    let defanged = s.bytes().any(|b| matches!(b, b'[' | b'(' | b'{' | b' ')) || s.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("hx"));
    if !defanged {
        return s.to_string();
    }
    let mut out = s.to_string();
    for d in DOTS {
        if out.contains(d) {
            out = out.replace(d, ".");
        }
    }
    if out.contains(' ') {
        // Spaced forms joined by `candidate_tokens`.
        let lower = out.to_ascii_lowercase();
        let mut fixed = String::with_capacity(out.len());
        for part in lower.split_whitespace() {
            if part == "dot" || part == "." {
                fixed.push('.');
            } else {
                fixed.push_str(part);
            }
        }
        out = fixed.replace("..", ".");
    }
    out = out.replace("[:]", ":").replace("[://]", "://");
    let lower = out.to_ascii_lowercase();
    for (bad, good) in [("hxxps", "https"), ("hxxp", "http"), ("hxtps", "https"), ("hxtp", "http")] {
        if lower.starts_with(bad) {
            out = format!("{good}{}", &out[bad.len()..]);
            break;
        }
    }
    out
}

fn as_email(s: &str) -> Option<String> {
    let s = s.strip_prefix("mailto:").unwrap_or(s);
    let (local, domain) = s.split_once('@')?;
    if local.is_empty() || local.len() > 64 || domain.contains('@') || domain.contains('/') {
        return None;
    }
    if !local.chars().all(|c| crate::text::is_alphanumeric(c) || "._%+-".contains(c)) {
        return None;
    }
    valid_host(domain, true)?;
    Some(format!("{local}@{}", domain.to_ascii_lowercase()))
}

fn as_url(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let (schemed, rest) = if let Some(i) = lower.find("://") {
        let scheme = &lower[..i];
        if scheme != "http" && scheme != "https" {
            return None;
        }
        (true, &s[i + 3..])
    } else {
        (false, s)
    };
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let end = rest.find(['/', '?', '#', ':']).unwrap_or(rest.len());
    let host = &rest[..end];
    let www = host.to_ascii_lowercase().starts_with("www.");
    if host.is_empty() {
        return None;
    }
    if is_ipv4(host) {
        return if schemed { Some(s.to_string()) } else { None };
    }
    valid_host(host, !(schemed || www))?;
    Some(s.to_string())
}

/// Checks a host name: at least two labels of letters, digits and hyphens; with `strict`
/// the last label must be a known TLD and the first label must hold a letter.
fn valid_host(host: &str, strict: bool) -> Option<()> {
    let host = host.trim_end_matches('.');
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || host.len() > 253 {
        return None;
    }
    for l in &labels {
        if l.is_empty() || l.len() > 63 || l.starts_with('-') || l.ends_with('-') {
            return None;
        }
        if !l.chars().all(|c| crate::text::is_alphanumeric(c) || c == '-') {
            return None;
        }
    }
    let tld = labels[labels.len() - 1].to_ascii_lowercase();
    if !tld.chars().all(|c| c.is_ascii_alphabetic()) && !tld.starts_with("xn--") {
        return None;
    }
    if strict {
        if !TLDS.contains(&tld.as_str()) {
            return None;
        }
        // A first label of letters, or of three digits or more ("11185.cn", China Post's
        // service number as a domain): "1.99" and "e.g." stay out.
        if !labels[0].chars().any(crate::text::is_alphabetic) && labels[0].len() < 3 {
            return None;
        }
    }
    Some(())
}

fn is_ipv4(host: &str) -> bool {
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4 && parts.iter().all(|p| !p.is_empty() && p.len() <= 3 && p.parse::<u8>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected_urls: &[&str], expected_emails: &[&str]) {
        let mut spans = Vec::new();
        let (urls, emails) = extract(input, &mut spans);
        assert_eq!(urls, expected_urls, "urls of {input:?}");
        assert_eq!(emails, expected_emails, "emails of {input:?}");
    }

    #[test]
    fn finds_schemed_and_bare_urls() {
        check("Pay at https://correos-es.top/pago now.", &["https://correos-es.top/pago"], &[]);
        check("Visit royalmail-redelivery.com, today", &["royalmail-redelivery.com"], &[]);
        check("see bit.ly/3xYzAb", &["bit.ly/3xYzAb"], &[]);
        check("go to www.laposte.fr/suivi", &["www.laposte.fr/suivi"], &[]);
        check("(https://poste.it/x)", &["https://poste.it/x"], &[]);
    }

    #[test]
    fn links_after_a_colon_or_in_brackets_glued_to_words_and_cc_tlds_of_the_arab_region() {
        check("ادفع من هنا:egpost-tracking.com/fees", &["egpost-tracking.com/fees"], &[]);
        check("NT$35(post-tw.top/fee),逾期", &["post-tw.top/fee"], &[]);
        check("تتبع الشحنة عبر splonline.com.sa", &["splonline.com.sa"], &[]);
        check("رمز الاستلام 550381. emiratespost.ae", &["emiratespost.ae"], &[]);
        check("官方网站 11185.cn 缴纳", &["11185.cn"], &[]);
        check("costs 1.99 e.g. today", &[], &[]);
        check("site(.)com and laposte(dot)fr", &["site.com", "laposte.fr"], &[]);
    }

    #[test]
    fn links_glued_to_other_scripts() {
        check("请于24小时内点击https://chinapost-cn.top/a更新地址", &["https://chinapost-cn.top/a"], &[]);
        check("否则退回寄件人:hkpost.delivery-hk.top", &["hkpost.delivery-hk.top"], &[]);
        check("ادفع عبر الرابطhttps://egypost.top/p الآن", &["https://egypost.top/p"], &[]);
        check("перейдите на pochta-rf.top/oplata, срочно", &["pochta-rf.top/oplata"], &[]);
    }

    #[test]
    fn refangs_obfuscations() {
        check("hxxps://dhl-paket[.]info/z", &["https://dhl-paket.info/z"], &[]);
        check("open evri-help dot com now", &["evri-help.com"], &[]);
        check("open evri-help [.] com now", &["evri-help.com"], &[]);
        check("site usps(dot)com", &["usps.com"], &[]);
    }

    #[test]
    fn ignores_numbers_and_abbreviations() {
        check("Pay 1.99 EUR e.g. now, ok.Thanks i.e. fine", &[], &[]);
        check("Meeting at 10.30 tomorrow", &[], &[]);
        check("Mr.Smith", &[], &[]);
    }

    #[test]
    fn finds_emails() {
        check("write to help@royalmail-care.com.", &[], &["help@royalmail-care.com"]);
    }

    #[test]
    fn hosts() {
        assert_eq!(host_of("https://www.Correos.es/x?y"), "correos.es");
        assert_eq!(host_of("bit.ly/abc"), "bit.ly");
        assert_eq!(host_of("http://user@evil.top:8080/"), "evil.top");
    }
}
