//! Target lists: the CSV files a campaign's people come from, and the escaping of cells in any
//! CSV Postern writes back. Pure.
//!
//! A list has a header row; `email` (for e-mail campaigns) or `phone` (for SMS) is required,
//! `name` and `group` are optional and other columns are ignored. Every refusal names the line.

use std::collections::HashSet;

use crate::templates::Channel;

/// One person of a campaign, as the list gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The normalised address: a lower-case e-mail address or an E.164 phone number.
    pub address: String,
    pub name: Option<String>,
    pub group: Option<String>,
    /// The line of the file the target came from.
    pub line: u64,
}

/// Why a target list was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum TargetsError {
    /// The file is not UTF-8 (export it as "CSV UTF-8").
    #[error("line {line}: not UTF-8 text; save the list as CSV UTF-8")]
    Encoding { line: u64 },
    /// A required column is missing from the header.
    #[error("line 1: no '{column}' column in the header (columns: {found})")]
    MissingColumn { column: &'static str, found: String },
    /// A row cannot be read (unbalanced quotes, ...).
    #[error("line {line}: {reason}")]
    Malformed { line: u64, reason: String },
    /// An address that cannot be sent to.
    #[error("line {line}: {column} '{value}' {reason}")]
    InvalidAddress { line: u64, column: &'static str, value: String, reason: &'static str },
    /// The same person twice.
    #[error("line {line}: {column} '{value}' already appears on line {first}")]
    Duplicate { line: u64, column: &'static str, value: String, first: u64 },
    /// A list with nobody in it.
    #[error("the list has nobody in it")]
    Empty,
}

/// Reads a target list for `channel`.
pub fn parse(bytes: &[u8], channel: Channel) -> Result<Vec<Target>, TargetsError> {
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64;
        return Err(TargetsError::Encoding { line });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(bytes);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| TargetsError::Malformed { line: 1, reason: e.to_string() })?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    let column = match channel {
        Channel::Email => "email",
        Channel::Sms => "phone",
    };
    let find = |name: &str| header.iter().position(|h| h == name);
    let address_at = find(column).ok_or_else(|| TargetsError::MissingColumn { column, found: header.join(", ") })?;
    let (name_at, group_at) = (find("name"), find("group"));
    let mut seen: Vec<(String, u64)> = Vec::new();
    let mut index: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            TargetsError::Malformed { line, reason: e.to_string() }
        })?;
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(str::is_empty) {
            continue;
        }
        let raw = record.get(address_at).unwrap_or_default();
        let address =
            normalise(raw, channel).map_err(|reason| TargetsError::InvalidAddress { line, column, value: raw.to_string(), reason })?;
        if !index.insert(address.clone()) {
            let first = seen.iter().find(|(a, _)| *a == address).map_or(0, |(_, l)| *l);
            return Err(TargetsError::Duplicate { line, column, value: raw.to_string(), first });
        }
        seen.push((address.clone(), line));
        let optional = |at: Option<usize>| at.and_then(|i| record.get(i)).filter(|v| !v.is_empty()).map(str::to_string);
        out.push(Target { address, name: optional(name_at), group: optional(group_at), line });
    }
    if out.is_empty() {
        return Err(TargetsError::Empty);
    }
    Ok(out)
}

/// An address as a list would give it, normalised for `channel`, or why it cannot be sent to.
pub fn normalise(raw: &str, channel: Channel) -> Result<String, &'static str> {
    match channel {
        Channel::Email => email(raw),
        Channel::Sms => phone(raw),
    }
}

/// A lower-case address with one `@`, a dotted domain and no spaces or control characters.
fn email(raw: &str) -> Result<String, &'static str> {
    let a = raw.trim();
    if a.is_empty() {
        return Err("is empty");
    }
    if a.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | ',' | ';' | '"')) {
        return Err("contains spaces or characters an address cannot have");
    }
    let Some((local, domain)) = a.split_once('@') else { return Err("has no '@'") };
    if local.is_empty() || domain.contains('@') || !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err("is not an address of the form name@domain.tld");
    }
    if a.len() > 254 {
        return Err("is longer than 254 characters");
    }
    Ok(a.to_lowercase())
}

/// An E.164 number: `+` and 8 to 15 digits (spaces, dots, dashes and brackets are dropped) that
/// is a valid number of its country's numbering plan (libphonenumber's metadata), so an SMS
/// gateway is never handed a number that cannot exist.
fn phone(raw: &str) -> Result<String, &'static str> {
    let kept: String = raw.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')')).collect();
    let Some(digits) = kept.strip_prefix('+') else { return Err("is not in international form (+ and country code)") };
    if !(8..=15).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("is not a phone number of 8 to 15 digits after '+'");
    }
    match phonenumber::parse(None, &kept) {
        Ok(n) if n.is_valid() => Ok(n.format().mode(phonenumber::Mode::E164).to_string()),
        Err(phonenumber::ParseError::InvalidCountryCode) => Err("has no known country code"),
        _ => Err("is not a valid number in its country's numbering plan"),
    }
}

/// One CSV cell as Postern writes it: a cell a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'` so it stays text (OWASP's
/// advice on CSV injection), then the cell is quoted if it needs to be.
pub fn csv_cell(value: &str) -> String {
    let safe = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if safe.contains([',', '"', '\n', '\r']) { format!("\"{}\"", safe.replace('"', "\"\"")) } else { safe }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Address, name and group of each target.
    type Rows<'a> = Vec<(&'a str, Option<&'a str>, Option<&'a str>)>;

    fn check(csv: &str, channel: Channel, expected: Result<Rows<'_>, &str>) {
        let got = parse(csv.as_bytes(), channel)
            .map(|ts| ts.into_iter().map(|t| (t.address, t.name, t.group)).collect::<Vec<_>>())
            .map_err(|e| e.to_string());
        let want = expected
            .map(|v| v.into_iter().map(|(a, n, g)| (a.to_string(), n.map(str::to_string), g.map(str::to_string))).collect::<Vec<_>>())
            .map_err(str::to_string);
        assert_eq!(got, want, "{csv}");
    }

    #[test]
    fn lists_with_and_without_optional_columns() {
        check(
            "Name,Email,Group,Badge\nAna,Ana@Poste.example,counter,7\nBo,bo@poste.example,,8\n\n",
            Channel::Email,
            Ok(vec![("ana@poste.example", Some("Ana"), Some("counter")), ("bo@poste.example", Some("Bo"), None)]),
        );
        check("\u{feff}email\nx@poste.example\n", Channel::Email, Ok(vec![("x@poste.example", None, None)]));
        check("phone,name\n+33 6 12 34 56 78,Ana\n", Channel::Sms, Ok(vec![("+33612345678", Some("Ana"), None)]));
    }

    #[test]
    fn bad_lists_name_the_line() {
        check("name\nAna\n", Channel::Email, Err("line 1: no 'email' column in the header (columns: name)"));
        check(
            "email\na@poste.example\nb@poste.example\nA@poste.example\n",
            Channel::Email,
            Err("line 4: email 'A@poste.example' already appears on line 2"),
        );
        check("email\na@poste.example\nnot-an-address\n", Channel::Email, Err("line 3: email 'not-an-address' has no '@'"));
        check("phone\n0612345678\n", Channel::Sms, Err("line 2: phone '0612345678' is not in international form (+ and country code)"));
        check(
            "phone\n+33 0 12 34 56 78\n",
            Channel::Sms,
            Err("line 2: phone '+33 0 12 34 56 78' is not a valid number in its country's numbering plan"),
        );
        check("phone\n+999 123 456 789\n", Channel::Sms, Err("line 2: phone '+999 123 456 789' has no known country code"));
        check("email\n", Channel::Email, Err("the list has nobody in it"));
        assert_eq!(parse(b"email\na@poste.example\n\xff\n", Channel::Email), Err(TargetsError::Encoding { line: 3 }));
    }

    #[test]
    fn exported_cells_never_run_as_formulas() {
        assert_eq!(csv_cell("=cmd|' /C calc'!A0"), "'=cmd|' /C calc'!A0");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-2,3"), "\"'-2,3\"");
        assert_eq!(csv_cell("counter \"A\""), "\"counter \"\"A\"\"\"");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("plain"), "plain");
    }
}
