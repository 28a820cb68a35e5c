//! The one report button: tells a reported message that carries a simulation's tracking link
//! from a real one. Works on pasted text and on raw RFC 5322 mail (quoted-printable soft line
//! breaks and `=3D` are undone first, since mail clients wrap long links). `mime_text` reads a
//! whole MIME message (the report address's mailbox): its text parts decoded from their
//! transfer encoding and charset, forwarded messages (`message/rfc822`) included. Pure.

use mailparse::MailHeaderMap;

/// A reported mail that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MimeError {
    /// The header block or the MIME structure does not parse.
    #[error("not a readable MIME message: {0}")]
    Structure(String),
    /// A text part's transfer encoding (base64, quoted-printable) does not decode.
    #[error("the {part} part does not decode: {reason}")]
    Encoding { part: String, reason: String },
    /// Nothing to analyse: no text/plain or text/html part.
    #[error("the message has no text part")]
    NoText,
}

/// How deep forwarded-inside-forwarded messages are read.
const MAX_NESTING: usize = 8;

/// The text of a raw MIME message to report: `Subject: ...`, a blank line, then every text part
/// decoded (HTML reduced to its text and its link targets), each forwarded message's own subject
/// before its parts. Control characters other than line breaks and tabs are dropped.
pub fn mime_text(raw: &[u8]) -> Result<String, MimeError> {
    let mail = mailparse::parse_mail(raw).map_err(|e| MimeError::Structure(e.to_string()))?;
    let mut parts = Vec::new();
    collect(&mail, &mut parts, 0)?;
    if parts.iter().all(|p| p.trim().is_empty()) {
        return Err(MimeError::NoText);
    }
    let subject = mail.headers.get_first_value("Subject").unwrap_or_default();
    let text = format!("Subject: {}\n\n{}", subject.trim(), parts.join("\n\n"));
    Ok(text.chars().filter(|c| !c.is_control() || matches!(c, '\n' | '\t')).collect())
}

/// Where an answer to a reported mail goes: its `Reply-To`, else its `From` (the first single
/// address); `None` when neither parses.
pub fn reply_address(raw: &[u8]) -> Option<String> {
    let (headers, _) = mailparse::parse_headers(raw).ok()?;
    ["Reply-To", "From"].iter().find_map(|name| {
        let header = headers.get_first_header(name)?;
        mailparse::addrparse_header(header).ok()?.iter().find_map(|a| match a {
            mailparse::MailAddr::Single(s) => Some(s.addr.clone()),
            mailparse::MailAddr::Group(g) => g.addrs.first().map(|s| s.addr.clone()),
        })
    })
}

fn collect(part: &mailparse::ParsedMail<'_>, out: &mut Vec<String>, depth: usize) -> Result<(), MimeError> {
    let mimetype = part.ctype.mimetype.to_ascii_lowercase();
    let decode = || part.get_body().map_err(|e| MimeError::Encoding { part: mimetype.clone(), reason: e.to_string() });
    match mimetype.as_str() {
        m if m.starts_with("multipart/") => {
            for sub in &part.subparts {
                collect(sub, out, depth)?;
            }
            if part.subparts.is_empty() {
                return Err(MimeError::Structure(format!("a {m} part without its boundary")));
            }
        }
        "message/rfc822" if depth < MAX_NESTING => {
            let inner = part.get_body_raw().map_err(|e| MimeError::Encoding { part: mimetype.clone(), reason: e.to_string() })?;
            let mail = mailparse::parse_mail(&inner).map_err(|e| MimeError::Structure(format!("the forwarded message: {e}")))?;
            if let Some(subject) = mail.headers.get_first_value("Subject") {
                out.push(subject.trim().to_string());
            }
            collect(&mail, out, depth + 1)?;
        }
        "text/plain" => out.push(decode()?),
        "text/html" => out.push(html_text(&decode()?)),
        _ => {}
    }
    Ok(())
}

/// HTML reduced to its text, each link target (`href`) kept in brackets after its text.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = &rest[open + 1..open + close];
        let lower = tag.to_ascii_lowercase();
        if let Some(at) = lower.find("href=") {
            let value = tag[at + 5..].trim_start_matches(['"', '\'']);
            let end = value.find(['"', '\'', ' ', '>']).unwrap_or(value.len());
            out.push_str(&format!(" [{}] ", &value[..end]));
        }
        if matches!(lower.split_whitespace().next(), Some("br" | "br/" | "p" | "/p" | "div" | "/div" | "tr" | "li")) {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&nbsp;", " ")
}

/// The length of a tracking token: 32 hexadecimal digits.
pub const TOKEN_LEN: usize = 32;

/// The tracking tokens of simulation links (`/a/TOKEN...`) in a message, first seen first,
/// without repeats.
pub fn tokens(message: &str) -> Vec<String> {
    let text = unwrap_quoted_printable(message);
    let mut found: Vec<String> = Vec::new();
    for (i, _) in text.match_indices("/a/") {
        let rest = &text[i + 3..];
        let token: String = rest.chars().take_while(char::is_ascii_hexdigit).collect();
        let ends = rest[token.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphanumeric());
        if token.len() == TOKEN_LEN && ends {
            let token = token.to_ascii_lowercase();
            if !found.contains(&token) {
                found.push(token);
            }
        }
    }
    found
}

/// The text of a raw mail to analyse: the `Subject` and the body, without the other headers
/// (they hold relay names and addresses, not the lure). A text without a header block is
/// returned whole.
pub fn mail_text(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let Some((head, body)) = raw.split_once("\n\n") else { return raw };
    let looks_like_headers = head.lines().next().is_some_and(|l| l.split_once(':').is_some_and(|(k, _)| is_field_name(k)));
    if !looks_like_headers {
        return raw;
    }
    let subject = unfolded(head).into_iter().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.eq_ignore_ascii_case("subject").then(|| v.trim().to_string())
    });
    let body = unwrap_quoted_printable(body);
    match subject {
        Some(s) if !s.is_empty() => format!("{s}\n\n{body}"),
        _ => body,
    }
}

fn is_field_name(k: &str) -> bool {
    !k.is_empty() && k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Header lines with their continuation lines joined.
fn unfolded(head: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in head.lines() {
        match out.last_mut() {
            Some(last) if line.starts_with([' ', '\t']) => {
                last.push(' ');
                last.push_str(line.trim());
            }
            _ => out.push(line.to_string()),
        }
    }
    out
}

/// Joins quoted-printable soft line breaks and decodes `=3D`, the two things that break links.
fn unwrap_quoted_printable(text: &str) -> String {
    text.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=").replace("=3d", "=")
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = "0123456789abcdef0123456789abcdef";

    fn check(message: &str, expected: &[&str]) {
        assert_eq!(tokens(message), expected, "{message:?}");
    }

    #[test]
    fn tokens_are_found_in_links_and_nothing_else() {
        check(&format!("Click https://sim.poste.example/a/{T} now"), &[T]);
        check(&format!("<a href=3D\"https://sim.poste.example/a/{}=\n{}/h\">", &T[..10], &T[10..]), &[T]);
        check(&format!("/a/{T}/h and /a/{} again /a/{T}", T.to_uppercase()), &[T]);
        check(&format!("/a/{T}0"), &[]);
        check(&format!("/a/{}", &T[..31]), &[]);
        check("https://poste.example/a/not-a-token", &[]);
        check("", &[]);
    }

    #[test]
    fn mime_text_decodes_parts_and_forwarded_mail() {
        let b64 = "Q29saXMgcmV0ZW51OiBodHRwczovL3NpbS5wb3N0ZS5leGFtcGxlL2EvMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
        let raw = format!(
            "Subject: =?utf-8?q?Fwd=3A_Colis?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b1\r\n\r\n--b1\r\n\
             Content-Type: text/plain; charset=utf-8\r\n\r\nEst-ce vrai ?\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n\
             Subject: Livraison\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--b1--\r\n"
        );
        let text = mime_text(raw.as_bytes()).expect("readable");
        assert!(text.starts_with("Subject: Fwd: Colis\n\nEst-ce vrai ?"), "{text}");
        assert!(text.contains("Livraison\n\nColis retenu: https://sim.poste.example/a/"), "{text}");
        assert_eq!(tokens(&text), [T]);
        let html = "Subject: x\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
                    <p>Pay =E0 <a href=3D\"https://pay.example/x?a=3D1&amp;b\">here</a></p>";
        assert_eq!(mime_text(html.as_bytes()).expect("html"), "Subject: x\n\n\nPay à  [https://pay.example/x?a=1&b] here\n");
    }

    #[test]
    fn replies_go_to_reply_to_then_from() {
        assert_eq!(reply_address(b"From: Ana <ana@poste.example>\r\n\r\nx").as_deref(), Some("ana@poste.example"));
        let both = b"From: ana@poste.example\r\nReply-To: \"Desk\" <desk@poste.example>\r\n\r\nx";
        assert_eq!(reply_address(both).as_deref(), Some("desk@poste.example"));
        assert_eq!(reply_address(b"Subject: no sender\r\n\r\nx"), None);
    }

    #[test]
    fn unreadable_mail_is_an_error_never_an_empty_report() {
        let bad_base64 = "Subject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n";
        assert!(matches!(mime_text(bad_base64.as_bytes()), Err(MimeError::Encoding { .. })), "{:?}", mime_text(bad_base64.as_bytes()));
        let only_image = "Subject: x\r\nContent-Type: image/png\r\n\r\nPNG";
        assert_eq!(mime_text(only_image.as_bytes()), Err(MimeError::NoText));
        let no_boundary = "Subject: x\r\nContent-Type: multipart/mixed; boundary=zz\r\n\r\nno parts here";
        assert!(matches!(mime_text(no_boundary.as_bytes()), Err(MimeError::Structure(_))));
    }

    #[test]
    fn mail_text_keeps_subject_and_body() {
        let raw = "Received: from x\r\nSubject: Your parcel\r\n is held\r\nFrom: a@b.example\r\n\r\nPay at https://x.example/=\r\npay\r\n";
        assert_eq!(mail_text(raw), "Your parcel is held\n\nPay at https://x.example/pay\n");
        assert_eq!(mail_text("Just a pasted SMS: pay now"), "Just a pasted SMS: pay now");
        assert_eq!(mail_text("Hello there\n\nsecond paragraph"), "Hello there\n\nsecond paragraph");
    }
}
