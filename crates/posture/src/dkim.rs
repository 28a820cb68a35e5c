//! DKIM key records (RFC 6376 3.6.1): tag syntax, key type, RSA modulus length read from the
//! key itself, revocation and testing flags.

use base64::Engine;
use hickory_proto::rr::{Name, RecordType};

use crate::dns::Client;
use crate::findings::{Finding, finding};

/// Selectors tried besides the ones given, the common defaults of popular mail systems.
pub const COMMON_SELECTORS: &[&str] = &["default", "dkim", "mail", "selector1", "selector2", "google", "k1", "s1", "s2"];

/// A decoded DKIM key record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DkimKey {
    /// `k=` (default rsa).
    pub key_type: String,
    /// RSA modulus bits, for RSA keys.
    pub rsa_bits: Option<usize>,
    /// `p=` was empty.
    pub revoked: bool,
    /// `t=y`.
    pub testing: bool,
}

/// Parse a DKIM key record.
pub fn parse(record: &str) -> Result<DkimKey, String> {
    let mut tags = std::collections::HashMap::new();
    for (i, part) in record.split(';').enumerate() {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let (t, v) = part.split_once('=').ok_or_else(|| format!("\"{part}\" is not tag=value"))?;
        let t = t.trim().to_string();
        if t == "v" && i != 0 {
            return Err("v= must be the first tag".into());
        }
        // RFC 6376 3.2: whitespace inside a value (folded base64) is not significant.
        let v: String = v.chars().filter(|c| !c.is_whitespace()).collect();
        if tags.insert(t.clone(), v).is_some() {
            return Err(format!("tag \"{t}\" appears twice"));
        }
    }
    if let Some(v) = tags.get("v")
        && v != "DKIM1"
    {
        return Err(format!("v=\"{v}\" must be DKIM1"));
    }
    let p = tags.get("p").ok_or("the required p= tag is missing")?;
    let key_type = tags.get("k").map_or("rsa".to_string(), |k| k.to_ascii_lowercase());
    let testing = tags.get("t").is_some_and(|t| t.split(':').any(|f| f.trim() == "y"));
    if p.is_empty() {
        return Ok(DkimKey { key_type, rsa_bits: None, revoked: true, testing });
    }
    let der = base64::engine::general_purpose::STANDARD.decode(p).map_err(|e| format!("p= is not valid base64: {e}"))?;
    let rsa_bits = match key_type.as_str() {
        "rsa" => Some(rsa_modulus_bits(&der).ok_or("p= is not a DER RSA public key")?),
        "ed25519" if der.len() == 32 => None,
        "ed25519" => {
            return Err(format!("an Ed25519 key is 32 bytes, this one is {}", der.len()));
        }
        other => return Err(format!("unknown key type k={other}")),
    };
    Ok(DkimKey { key_type, rsa_bits, revoked: false, testing })
}

/// Minimal DER walk: SubjectPublicKeyInfo or bare PKCS#1 RSAPublicKey -> modulus bit length.
pub fn rsa_modulus_bits(der: &[u8]) -> Option<usize> {
    let (tag, body, _) = tlv(der)?;
    if tag != 0x30 {
        return None;
    }
    let (t1, b1, rest) = tlv(body)?;
    match t1 {
        // SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING { RSAPublicKey } }
        0x30 => {
            // rsaEncryption OID 1.2.840.113549.1.1.1
            let (_, oid, _) = tlv(b1)?;
            if oid != [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01] {
                return None;
            }
            let (t2, bits, _) = tlv(rest)?;
            if t2 != 0x03 || bits.first() != Some(&0) {
                return None;
            }
            rsa_modulus_bits(&bits[1..])
        }
        // PKCS#1: SEQUENCE { INTEGER n, INTEGER e }
        0x02 => {
            let n = b1.iter().skip_while(|b| **b == 0).copied().collect::<Vec<_>>();
            let first = *n.first()?;
            Some((n.len() - 1) * 8 + (8 - first.leading_zeros() as usize))
        }
        _ => None,
    }
}

/// One DER tag-length-value: (tag, value, rest).
fn tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let tag = *b.first()?;
    let l0 = *b.get(1)?;
    let (len, hdr) = if l0 < 0x80 {
        (usize::from(l0), 2)
    } else {
        let n = usize::from(l0 & 0x7f);
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | usize::from(*b.get(2 + i)?);
        }
        (len, 2 + n)
    };
    let end = hdr.checked_add(len)?;
    Some((tag, b.get(hdr..end)?, b.get(end..)?))
}

/// Check the selectors under `domain`. `no_mail` domains need no DKIM.
pub async fn check(client: &Client, domain: &Name, selectors: &[String], no_mail: bool) -> Vec<Finding> {
    let mut all: Vec<String> = selectors.to_vec();
    for s in COMMON_SELECTORS {
        if !all.iter().any(|x| x == s) {
            all.push((*s).to_string());
        }
    }
    let lookups = all.iter().filter_map(|sel| {
        let q = Name::from_ascii(format!("{sel}._domainkey.")).ok()?.append_domain(domain).ok()?;
        Some(async move { (q.clone(), client.query(&q, RecordType::TXT).await) })
    });
    let results = futures_join(lookups.collect()).await;
    let mut out = Vec::new();
    let mut found = false;
    for (q, l) in results {
        if let Some(e) = l.error() {
            out.push(finding("dkim-lookup-error", format!("TXT {q}: {e}")));
            continue;
        }
        for txt in l.txt() {
            // Not every TXT at a selector is a key (wildcards); a key record has p=.
            if !txt.contains("p=") {
                continue;
            }
            found = true;
            match parse(&txt) {
                Err(e) => out.push(finding("dkim-key-malformed", format!("{q}: {e}"))),
                Ok(k) => {
                    let ev = format!("{q}: k={} {}", k.key_type, k.rsa_bits.map(|b| format!("{b}-bit")).unwrap_or_default());
                    if k.revoked {
                        out.push(finding("dkim-key-revoked", format!("{q}: p= is empty")));
                    }
                    match k.rsa_bits {
                        Some(b) if b < 1024 => out.push(finding("dkim-key-too-short", ev.clone())),
                        Some(b) if b < 2048 => out.push(finding("dkim-key-weak", ev.clone())),
                        _ => {}
                    }
                    if k.testing {
                        out.push(finding("dkim-testing-mode", ev));
                    }
                }
            }
        }
    }
    if !found && !no_mail && out.is_empty() {
        out.push(finding("dkim-missing", format!("no key at selectors: {}", all.join(", "))));
    }
    out
}

/// Run futures concurrently and keep their order (a tiny join_all, avoiding a futures dependency).
pub async fn futures_join<F: std::future::Future>(futs: Vec<F>) -> Vec<F::Output> {
    let mut set = Vec::with_capacity(futs.len());
    for f in futs {
        set.push(Box::pin(f));
    }
    let mut out = Vec::with_capacity(set.len());
    // Poll all by spawning onto a local join: simplest correct approach without extra crates.
    let mut pending: Vec<Option<std::pin::Pin<Box<F>>>> = set.into_iter().map(Some).collect();
    let mut results: Vec<Option<F::Output>> = (0..pending.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut all_done = true;
        for (i, slot) in pending.iter_mut().enumerate() {
            if let Some(f) = slot {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => {
                        results[i] = Some(v);
                        *slot = None;
                    }
                    std::task::Poll::Pending => all_done = false,
                }
            }
        }
        if all_done { std::task::Poll::Ready(()) } else { std::task::Poll::Pending }
    })
    .await;
    for r in results.into_iter().flatten() {
        out.push(r);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // A 512-bit RSA SPKI (test vector generated with openssl, public key only).
    const RSA512: &str =
        "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKT7Tn60cWXCOIUzgb6i/XE96M2PtxQGm7vSZgbsasYz7TncrtmpgEQSYCJosf2uZyQ/r0RarH7MhCsHlzIyDo0CAwEAAQ==";

    #[test]
    fn keys() {
        let k = parse(&format!("v=DKIM1; k=rsa; p={RSA512}"));
        assert_eq!(k.map(|k| k.rsa_bits), Ok(Some(512)));
        let k = parse("v=DKIM1; p=");
        assert_eq!(k.map(|k| k.revoked), Ok(true));
        let k = parse(&format!("v=DKIM1; t=y; p={RSA512}"));
        assert_eq!(k.map(|k| k.testing), Ok(true));
        assert!(parse("v=DKIM1; p=!!!").is_err());
        assert!(parse("v=DKIM1; k=rsa; p=AAAA").is_err());
        assert!(parse("k=rsa").is_err());
        assert!(parse("k=rsa; v=DKIM1; p=").is_err());
        assert!(parse("v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").is_ok());
        assert!(parse("v=DKIM1; k=dsa; p=AAAA").is_err());
    }

    #[test]
    fn der_walk_rejects_garbage() {
        assert_eq!(rsa_modulus_bits(&[]), None);
        assert_eq!(rsa_modulus_bits(&[0x30, 0x84, 0xff, 0xff, 0xff, 0xff]), None);
        assert_eq!(rsa_modulus_bits(&[0x30, 0x03, 0x02, 0x01, 0x00]), None);
    }
}
