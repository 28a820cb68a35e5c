//! Rules of what follows a case: the messages of a CSIRT hand-off and takedown requests of scam
//! domains. Each refusal is a [`CaseError`] naming the field.

use crate::case::{CaseError, check_stix_id, check_text};

fn err(field: &str, reason: String) -> CaseError {
    CaseError { field: field.to_string(), reason }
}

/// Who writes a hand-off message: the CSIRT that received the copy, or the post that sent it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Csirt,
    Post,
}

/// Kinds of message each side may write: the CSIRT asks questions and gives feedback, the post
/// answers.
pub fn message_kinds(side: Side) -> &'static [&'static str] {
    match side {
        Side::Csirt => &["question", "feedback"],
        Side::Post => &["answer"],
    }
}

/// A hand-off message: its kind must be one `side` may write; the body is text of at most
/// 20 000 characters.
pub fn check_message(side: Side, kind: &str, body: &str) -> Result<(String, String), CaseError> {
    let kinds = message_kinds(side);
    let kind = kind.trim();
    if !kinds.contains(&kind) {
        return Err(err("kind", format!("`{}` is not one of {}", kind.chars().take(40).collect::<String>(), kinds.join(", "))));
    }
    Ok((kind.to_string(), check_text("body", body, 20_000, true, true)?))
}

/// The statuses of a takedown request.
pub const TAKEDOWN_STATUSES: [&str; 4] = ["requested", "acknowledged", "taken-down", "refused"];

/// A takedown request as a face receives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TakedownInput {
    pub domain: String,
    pub contacts: Vec<String>,
    pub evidence: Vec<String>,
}

/// A checked takedown request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TakedownFields {
    /// Lower case, without a final dot.
    pub domain: String,
    pub contacts: Vec<String>,
    pub evidence: Vec<String>,
}

/// A domain name as typed (`Scam-Poste.example.`): ASCII letters, digits and hyphens in
/// labels of 1 to 63 characters, at least two labels, at most 253 characters. A URL or an
/// address is refused, naming what was given.
pub fn check_domain(text: &str) -> Result<String, CaseError> {
    let d = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let shown: String = text.trim().chars().take(80).collect();
    if d.contains("://") || d.contains('/') || d.contains('@') {
        return Err(err("domain", format!("`{shown}` is not a domain name: give the name only (scam-poste.example)")));
    }
    let labels: Vec<&str> = d.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if d.len() > 253 || labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err(err("domain", format!("`{shown}` is not a domain name (letters, digits, hyphens; IDNs in their xn-- form)")));
    }
    Ok(d)
}

/// An abuse contact: an e-mail address (`abuse@registrar.example`) or an http(s) URL of a web
/// form.
fn check_contact(text: &str) -> Result<String, CaseError> {
    let c = text.trim();
    let shown: String = c.chars().take(80).collect();
    let email = c.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.') && !host.contains('@'));
    let url = (c.starts_with("https://") || c.starts_with("http://")) && c.len() > "https://".len();
    if c.len() > 320 || c.chars().any(|ch| ch.is_whitespace() || ch.is_control() || ch == '<' || ch == '>') || !(email || url) {
        return Err(err("contacts", format!("`{shown}` is not an e-mail address or an http(s) URL")));
    }
    Ok(c.to_string())
}

/// An evidence reference: `evidence:<id>` (a file of the case) or a hub object's STIX id.
fn check_reference(text: &str) -> Result<String, CaseError> {
    let r = text.trim();
    if let Some(n) = r.strip_prefix("evidence:") {
        return match n.parse::<u64>() {
            Ok(n) if n > 0 => Ok(format!("evidence:{n}")),
            _ => Err(err("evidence", format!("`{}` is not evidence:<file id>", r.chars().take(40).collect::<String>()))),
        };
    }
    check_stix_id(r).map_err(|e| err("evidence", e.reason))
}

/// Checks a takedown request: one domain, at least one abuse contact (at most 10), evidence
/// references (at most 50).
pub fn check_takedown(input: &TakedownInput) -> Result<TakedownFields, CaseError> {
    let domain = check_domain(&input.domain)?;
    let contacts: Vec<String> =
        input.contacts.iter().filter(|c| !c.trim().is_empty()).map(|c| check_contact(c)).collect::<Result<_, _>>()?;
    if contacts.is_empty() {
        return Err(err("contacts", "at least one registrar or host abuse contact is needed".into()));
    }
    if contacts.len() > 10 {
        return Err(err("contacts", format!("{} contacts given, at most 10", contacts.len())));
    }
    let evidence: Vec<String> =
        input.evidence.iter().filter(|e| !e.trim().is_empty()).map(|e| check_reference(e)).collect::<Result<_, _>>()?;
    if evidence.len() > 50 {
        return Err(err("evidence", format!("{} references given, at most 50", evidence.len())));
    }
    Ok(TakedownFields { domain, contacts, evidence })
}

/// A takedown status as typed.
pub fn check_takedown_status(text: &str) -> Result<&'static str, CaseError> {
    let t = text.trim();
    TAKEDOWN_STATUSES.iter().find(|s| **s == t).copied().ok_or_else(|| {
        err("status", format!("`{}` is not one of {}", t.chars().take(40).collect::<String>(), TAKEDOWN_STATUSES.join(", ")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_by_side() {
        assert_eq!(check_message(Side::Csirt, "question", " What is the sender ID? ").unwrap().0, "question");
        assert_eq!(check_message(Side::Post, "question", "x").unwrap_err().field, "kind");
        assert_eq!(check_message(Side::Csirt, "answer", "x").unwrap_err().field, "kind");
        assert_eq!(check_message(Side::Csirt, "feedback", "  ").unwrap_err().field, "body");
    }

    #[test]
    fn takedowns_are_checked_field_by_field() {
        let ok = TakedownInput {
            domain: "Poste-Colis.example.".into(),
            contacts: vec!["abuse@registrar.example".into(), "https://host.example/abuse".into(), " ".into()],
            evidence: vec!["evidence:3".into(), "indicator--a4d70b75-6f4a-4d6c-a3a4-1f2b7f3c5e60".into()],
        };
        let f = check_takedown(&ok).unwrap();
        assert_eq!(f.domain, "poste-colis.example");
        assert_eq!(f.contacts.len(), 2);
        for (domain, field) in
            [("https://scam.example/pay", "domain"), ("localhost", "domain"), ("a..b", "domain"), ("-a.example", "domain")]
        {
            let input = TakedownInput { domain: domain.into(), ..ok.clone() };
            assert_eq!(check_takedown(&input).unwrap_err().field, field, "{domain}");
        }
        let input = TakedownInput { contacts: vec!["<script>@x.example".into()], ..ok.clone() };
        assert_eq!(check_takedown(&input).unwrap_err().field, "contacts");
        let input = TakedownInput { contacts: vec![], ..ok.clone() };
        assert_eq!(check_takedown(&input).unwrap_err().field, "contacts");
        let input = TakedownInput { evidence: vec!["evidence:x".into()], ..ok.clone() };
        assert_eq!(check_takedown(&input).unwrap_err().field, "evidence");
        let input = TakedownInput { evidence: vec!["not-a-stix-id".into()], ..ok };
        assert_eq!(check_takedown(&input).unwrap_err().field, "evidence");
        assert_eq!(check_takedown_status("taken-down").unwrap(), "taken-down");
        assert_eq!(check_takedown_status("done").unwrap_err().field, "status");
    }
}
