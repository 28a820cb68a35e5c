//! TAXII 2.1 filters (`added_after`, `limit`, `next`, `match[...]`) and stateless `next` cursors.
//!
//! A cursor is the `date_added` of the last row scanned plus a fingerprint of the filters it
//! was made for, encrypted and authenticated (ChaCha20-Poly1305, its nonce derived from the plaintext) under a key
//! derived from one kept in the database. It needs no server session, survives restarts, works
//! on any process sharing the database, cannot be forged to skip TLP checks (they are applied
//! on every page anyway) or reused with other filters, and tells its holder nothing: the
//! instant it carries may be that of a row the holder may not see.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use ring::aead::{Aad, CHACHA20_POLY1305, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
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
        let values = f.ids.len() + f.types.len() + f.versions.len() + f.spec_versions.len();
        if values > MAX_FILTER_VALUES {
            return Err(bad(key, format!("more than {MAX_FILTER_VALUES} match[...] values in one request")));
        }
    }
    Ok(f)
}

/// Filter values one request may carry across all its `match[...]` parameters (each parameter
/// may repeat): enough for any client's page of ids, far below what the SQL engines refuse.
pub const MAX_FILTER_VALUES: usize = 200;

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

/// Cursor format version: 2 is sealed (1, signed in clear, is no longer accepted).
const CURSOR_V2: u8 = 2;
const PLAIN_LEN: usize = 16;
const SEALED_LEN: usize = 1 + NONCE_LEN + PLAIN_LEN + 16;

/// The cursor cipher's key, derived from the database's cursor key for this one purpose.
fn cipher(key: &[u8]) -> Option<LessSafeKey> {
    let mut m = <HmacSha256 as Mac>::new_from_slice(key).ok()?;
    m.update(b"postern taxii cursor v2 chacha20-poly1305");
    let derived = m.finalize().into_bytes();
    Some(LessSafeKey::new(UnboundKey::new(&CHACHA20_POLY1305, &derived).ok()?))
}

/// Seals `after_us` and `fp` into an opaque cursor. The nonce is a keyed hash of the plaintext
/// (as in SIV): no random source can fail, and the same position under the same filters gives
/// the same cursor, which is all an equal nonce reveals.
pub(crate) fn encode_cursor(key: &[u8], fp: [u8; 8], after_us: i64) -> Result<String> {
    let unusable = || HubError::Store(store::StoreError::Corrupt("the cursor key cannot key the cursor cipher".into()));
    let sealing = cipher(key).ok_or_else(unusable)?;
    let mut data = Vec::with_capacity(SEALED_LEN);
    data.extend_from_slice(&after_us.to_be_bytes());
    data.extend_from_slice(&fp);
    let mut m = <HmacSha256 as Mac>::new_from_slice(key).map_err(|_| unusable())?;
    m.update(b"postern taxii cursor v2 nonce");
    m.update(&data);
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&m.finalize().into_bytes()[..NONCE_LEN]);
    sealing.seal_in_place_append_tag(Nonce::assume_unique_for_key(nonce), Aad::from([CURSOR_V2]), &mut data).map_err(|_| unusable())?;
    let mut out = Vec::with_capacity(SEALED_LEN);
    out.push(CURSOR_V2);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&data);
    Ok(URL_SAFE_NO_PAD.encode(out))
}

pub(crate) fn decode_cursor(key: &[u8], fp: [u8; 8], text: &str) -> Result<Cursor> {
    let invalid = || bad("next", "not a cursor issued by this hub for these filters");
    let raw = URL_SAFE_NO_PAD.decode(text).map_err(|_| invalid())?;
    if raw.len() != SEALED_LEN || raw[0] != CURSOR_V2 {
        return Err(invalid());
    }
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&raw[1..1 + NONCE_LEN]);
    let mut data = raw[1 + NONCE_LEN..].to_vec();
    let opening = cipher(key).ok_or_else(invalid)?;
    let plain = opening.open_in_place(Nonce::assume_unique_for_key(nonce), Aad::from([CURSOR_V2]), &mut data).map_err(|_| invalid())?;
    if plain.len() != PLAIN_LEN {
        return Err(invalid());
    }
    if plain[8..16] != fp {
        return Err(HubError::BadRequest {
            field: "next".into(),
            reason: "this cursor was issued for other filters or another collection".into(),
        });
    }
    let mut after = [0u8; 8];
    after.copy_from_slice(&plain[..8]);
    Ok(Cursor { after_us: i64::from_be_bytes(after) })
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
        // The cap counts every value of every match parameter of the request, repeats included.
        let hundred = vec!["first"; 100].join(",");
        check_err(&[("match[version]", &hundred), ("match[version]", &hundred), ("match[version]", "last")], "match[version]");
        let ok = parse_filters([("match[version]", hundred.as_str()), ("match[version]", hundred.as_str())]);
        assert_eq!(ok.map(|f| f.versions.len()).ok(), Some(200));
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
        let c = encode_cursor(&key, fp, 1234).expect("sealed");
        assert_eq!(decode_cursor(&key, fp, &c).expect("valid").after_us, 1234);
        // Sealed: no byte of the instant or of the fingerprint shows; neighbours look unrelated.
        let raw = URL_SAFE_NO_PAD.decode(&c).expect("b64");
        assert!(!raw.windows(8).any(|w| w == 1234i64.to_be_bytes() || w == fp), "{raw:?}");
        let neighbour = URL_SAFE_NO_PAD.decode(encode_cursor(&key, fp, 1235).expect("sealed")).expect("b64");
        assert!(raw.iter().zip(&neighbour).skip(1).filter(|(a, b)| a == b).count() < 8, "{raw:?} vs {neighbour:?}");
        let other = fingerprint("objects", "c", &Filters::default());
        assert!(decode_cursor(&key, other, &c).is_err());
        assert!(decode_cursor(b"other key", fp, &c).is_err());
        let bytes = URL_SAFE_NO_PAD.decode(&c).expect("b64");
        for i in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 1;
            assert!(decode_cursor(&key, fp, &URL_SAFE_NO_PAD.encode(flipped)).is_err(), "byte {i} flipped");
        }
        assert!(decode_cursor(&key, fp, "garbage").is_err());
    }
}
