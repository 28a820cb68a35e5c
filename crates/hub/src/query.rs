//! TAXII 2.1 filters (`added_after`, `limit`, `next`, `match[...]`) and stateless `next` cursors.
//!
//! A cursor is the `date_added` of the last object returned plus a fingerprint of the filters
//! it was made for, signed with HMAC-SHA256 under a key kept in the database. It needs no server
//! session, survives restarts, works on any process sharing the database, and cannot be forged
//! to skip TLP checks (they are applied on every page anyway) or reused with other filters.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use store::VersionSel;

use crate::{HubError, Result, bad};

/// Parsed TAXII filters of one request.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub added_after_us: Option<i64>,
    pub limit: Option<u64>,
    pub next: Option<String>,
    pub ids: Vec<String>,
    pub types: Vec<String>,
    pub versions: Vec<VersionSel>,
    pub spec_versions: Vec<String>,
}

/// A decoded `next` cursor: resume strictly after this `date_added`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub after_us: i64,
}

/// Parses URL query pairs into filters. Unknown parameters are ignored, as TAXII asks of
/// servers; known ones with bad values are a 400 naming the parameter.
pub fn parse_filters<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Filters> {
    let mut f = Filters::default();
    for (key, value) in pairs {
        match key {
            "added_after" => f.added_after_us = Some(parse_timestamp(key, value)?.timestamp_micros()),
            "limit" => f.limit = Some(parse_limit(value)?),
            "next" => {
                if value.is_empty() || value.len() > 200 {
                    return Err(bad("next", "not a cursor issued by this hub"));
                }
                f.next = Some(value.to_string());
            }
            "match[id]" => {
                for id in list(key, value)? {
                    if !looks_like_id(id) {
                        return Err(bad(key, format!("'{}' is not a STIX id (type--UUID)", shorten(id))));
                    }
                    f.ids.push(id.to_string());
                }
            }
            "match[type]" => {
                for t in list(key, value)? {
                    if !looks_like_type(t) {
                        return Err(bad(key, format!("'{}' is not a STIX object type", shorten(t))));
                    }
                    f.types.push(t.to_string());
                }
            }
            "match[version]" => {
                for v in list(key, value)? {
                    f.versions.push(match v {
                        "first" => VersionSel::First,
                        "last" => VersionSel::Last,
                        "all" => VersionSel::All,
                        ts => VersionSel::At(nanos(parse_timestamp(key, ts)?)),
                    });
                }
            }
            "match[spec_version]" => {
                for v in list(key, value)? {
                    if !matches!(v, "2.0" | "2.1") {
                        return Err(bad(key, format!("'{}' is not a STIX spec version (2.0 or 2.1)", shorten(v))));
                    }
                    f.spec_versions.push(v.to_string());
                }
            }
            _ => {}
        }
    }
    Ok(f)
}

fn list<'a>(key: &str, value: &'a str) -> Result<Vec<&'a str>> {
    let items: Vec<&str> = value.split(',').map(str::trim).collect();
    if items.iter().any(|i| i.is_empty()) {
        return Err(bad(key, "empty item in the comma-separated list"));
    }
    if items.len() > 100 {
        return Err(bad(key, "more than 100 values in one filter"));
    }
    Ok(items)
}

fn parse_timestamp(key: &str, value: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    stix::canonical_timestamp(value).map_err(|e| bad(key, format!("'{}' is not a timestamp: {e}", shorten(value))))
}

fn nanos(t: chrono::DateTime<chrono::Utc>) -> i64 {
    t.timestamp_nanos_opt().unwrap_or(i64::MAX)
}

fn parse_limit(value: &str) -> Result<u64> {
    if value.starts_with('-') {
        return Err(bad("limit", "must be a positive whole number, not negative"));
    }
    match value.parse::<u64>() {
        Ok(0) => Err(bad("limit", "must be at least 1")),
        Ok(n) => Ok(n),
        Err(_) if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) => {
            Err(bad("limit", "is too large (the hub serves at most its max page size per request)"))
        }
        Err(_) => Err(bad("limit", format!("'{}' is not a whole number", shorten(value)))),
    }
}

fn looks_like_type(t: &str) -> bool {
    (3..=250).contains(&t.len())
        && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !t.starts_with('-')
        && !t.ends_with('-')
}

fn looks_like_id(id: &str) -> bool {
    id.split_once("--").is_some_and(|(t, u)| looks_like_type(t) && uuid::Uuid::parse_str(u).is_ok())
}

fn shorten(s: &str) -> String {
    s.chars().take(80).collect()
}

type HmacSha256 = Hmac<Sha256>;

/// What a cursor is bound to: the collection, the endpoint and the filters that select rows
/// (not `limit`, not `added_after`, which clients such as OpenCTI resend with `next`).
pub(crate) fn fingerprint(endpoint: &str, collection_id: &str, f: &Filters) -> [u8; 8] {
    let text = format!("{endpoint}\n{collection_id}\n{:?}\n{:?}\n{:?}\n{:?}", f.ids, f.types, f.versions, f.spec_versions);
    let digest = Sha256::digest(text.as_bytes());
    let mut out = [0u8; 8];
    out.copy_from_slice(&digest[..8]);
    out
}

pub(crate) fn encode_cursor(key: &[u8], fp: [u8; 8], after_us: i64) -> String {
    let mut payload = Vec::with_capacity(33);
    payload.push(1u8);
    payload.extend_from_slice(&after_us.to_be_bytes());
    payload.extend_from_slice(&fp);
    let tag = mac(key, &payload);
    payload.extend_from_slice(&tag[..16]);
    URL_SAFE_NO_PAD.encode(payload)
}

pub(crate) fn decode_cursor(key: &[u8], fp: [u8; 8], text: &str) -> Result<Cursor> {
    let invalid = || bad("next", "not a cursor issued by this hub for these filters");
    let raw = URL_SAFE_NO_PAD.decode(text).map_err(|_| invalid())?;
    if raw.len() != 33 || raw[0] != 1 {
        return Err(invalid());
    }
    let (payload, tag) = raw.split_at(17);
    let mut m = <HmacSha256 as Mac>::new_from_slice(key).map_err(|_| invalid())?;
    m.update(payload);
    m.verify_truncated_left(tag).map_err(|_| invalid())?;
    if payload[9..17] != fp {
        return Err(HubError::BadRequest {
            field: "next".into(),
            reason: "this cursor was issued for other filters or another collection".into(),
        });
    }
    let mut after = [0u8; 8];
    after.copy_from_slice(&payload[1..9]);
    Ok(Cursor { after_us: i64::from_be_bytes(after) })
}

fn mac(key: &[u8], payload: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so this cannot fail; an empty tag would fail verification.
    match <HmacSha256 as Mac>::new_from_slice(key) {
        Ok(mut m) => {
            m.update(payload);
            m.finalize().into_bytes().to_vec()
        }
        Err(_) => vec![0; 32],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_err(pairs: &[(&str, &str)], field: &str) {
        match parse_filters(pairs.iter().copied()) {
            Err(HubError::BadRequest { field: f, .. }) => assert_eq!(f, field, "{pairs:?}"),
            other => panic!("{pairs:?}: expected a bad {field}, got {other:?}"),
        }
    }

    #[test]
    fn bad_filter_values_name_their_field() {
        check_err(&[("limit", "0")], "limit");
        check_err(&[("limit", "-5")], "limit");
        check_err(&[("limit", "99999999999999999999999")], "limit");
        check_err(&[("limit", "ten")], "limit");
        check_err(&[("added_after", "yesterday")], "added_after");
        check_err(&[("added_after", "2024-01-01T00:00:00+02:00")], "added_after");
        check_err(&[("match[version]", "newest")], "match[version]");
        check_err(&[("match[type]", "Indicator")], "match[type]");
        check_err(&[("match[id]", "indicator--nope")], "match[id]");
        check_err(&[("match[spec_version]", "3.0")], "match[spec_version]");
        check_err(&[("match[type]", "indicator,,malware")], "match[type]");
    }

    #[test]
    fn comma_lists_and_versions_parse() {
        let f = parse_filters([
            ("match[type]", "indicator,malware"),
            ("match[version]", "first,2024-01-01T00:00:00.5Z"),
            ("limit", "10"),
            ("unknown", "ignored"),
        ])
        .expect("filters");
        assert_eq!(f.types, vec!["indicator", "malware"]);
        assert_eq!(f.versions, vec![VersionSel::First, VersionSel::At(1_704_067_200_500_000_000)]);
        assert_eq!(f.limit, Some(10));
    }

    #[test]
    fn cursors_are_tamper_evident_and_bound_to_filters() {
        let key = b"k".repeat(32);
        let f = Filters { types: vec!["indicator".into()], ..Filters::default() };
        let fp = fingerprint("objects", "c", &f);
        let c = encode_cursor(&key, fp, 1234);
        assert_eq!(decode_cursor(&key, fp, &c).expect("valid").after_us, 1234);
        let other = fingerprint("objects", "c", &Filters::default());
        assert!(decode_cursor(&key, other, &c).is_err());
        assert!(decode_cursor(b"other key", fp, &c).is_err());
        let mut bytes = URL_SAFE_NO_PAD.decode(&c).expect("b64");
        bytes[5] ^= 1;
        assert!(decode_cursor(&key, fp, &URL_SAFE_NO_PAD.encode(bytes)).is_err());
        assert!(decode_cursor(&key, fp, "garbage").is_err());
    }
}
