//! The one report button: tells a reported message that carries a simulation's tracking link
//! from a real one. Works on pasted text and on raw RFC 5322 mail (quoted-printable soft line
//! breaks and `=3D` are undone first, since mail clients wrap long links). Pure.

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
    fn mail_text_keeps_subject_and_body() {
        let raw = "Received: from x\r\nSubject: Your parcel\r\n is held\r\nFrom: a@b.example\r\n\r\nPay at https://x.example/=\r\npay\r\n";
        assert_eq!(mail_text(raw), "Your parcel is held\n\nPay at https://x.example/pay\n");
        assert_eq!(mail_text("Just a pasted SMS: pay now"), "Just a pasted SMS: pay now");
        assert_eq!(mail_text("Hello there\n\nsecond paragraph"), "Hello there\n\nsecond paragraph");
    }
}
