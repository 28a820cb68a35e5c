//! DNSSEC: our own chain validation from a trust anchor down to the domain's zone.
//!
//! Every query goes to the configured recursive resolver with CD set, so we receive bogus data
//! instead of a bare SERVFAIL and can say *why* a domain is bogus. Outcomes are kept apart:
//! secure, insecure (provably unsigned delegation), bogus (with a reason) and indeterminate
//! (a lookup failed: we know nothing, which is not "unsigned").

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use hickory_proto::dnssec::rdata::{DNSKEY, DNSSECRData, DS, RRSIG};
use hickory_proto::dnssec::{Algorithm, DigestType, Nsec3HashAlgorithm, PublicKey, PublicKeyBuf, Verifier};
use hickory_proto::rr::{DNSClass, Name, RData, Record, RecordType};
use serde::{Deserialize, Serialize};

use crate::dns::{Client, Lookup};

/// Why a domain is bogus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "reason", content = "detail", rename_all = "kebab-case")]
pub enum Bogus {
    /// Signatures outside their validity period.
    SignatureExpired(String),
    /// No DNSKEY matches the parent's DS.
    DsMismatch(String),
    /// A signature does not verify.
    BadSignature(String),
    /// Signed data without a signature.
    MissingSignature(String),
    /// A negative answer without a valid NSEC/NSEC3 proof.
    UnprovenDenial(String),
    /// The root DNSKEY set matches no configured trust anchor.
    NoTrustAnchor(String),
}

impl Bogus {
    /// The stable finding code of this reason, reported beside `dnssec-bogus`.
    pub fn code(&self) -> &'static str {
        match self {
            Bogus::SignatureExpired(_) => "dnssec-signature-expired",
            Bogus::DsMismatch(_) => "dnssec-ds-mismatch",
            Bogus::BadSignature(_) => "dnssec-bad-signature",
            Bogus::MissingSignature(_) => "dnssec-missing-signature",
            Bogus::UnprovenDenial(_) => "dnssec-unproven-denial",
            Bogus::NoTrustAnchor(_) => "dnssec-no-trust-anchor",
        }
    }

    /// Human detail.
    pub fn detail(&self) -> &str {
        match self {
            Bogus::SignatureExpired(d)
            | Bogus::DsMismatch(d)
            | Bogus::BadSignature(d)
            | Bogus::MissingSignature(d)
            | Bogus::UnprovenDenial(d)
            | Bogus::NoTrustAnchor(d) => d,
        }
    }
}

/// The DNSSEC status of a domain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", content = "detail", rename_all = "kebab-case")]
pub enum Status {
    /// Validated from the anchor down.
    Secure,
    /// A provably unsigned delegation at the named zone cut.
    Insecure(String),
    /// Validation failed.
    Bogus(Bogus),
    /// A lookup failed; status unknown.
    Indeterminate(String),
}

/// A trust anchor for the root: a DS digest or a DNSKEY public key.
#[derive(Debug, Clone)]
pub enum Anchor {
    /// A DS record for the root key.
    Ds(DS),
    /// A DNSKEY public key.
    Key(PublicKeyBuf),
}

/// Root trust anchors.
#[derive(Debug, Clone)]
pub struct TrustAnchors(pub Vec<Anchor>);

impl TrustAnchors {
    /// The IANA root KSKs (2017 and 2024) as shipped by hickory-proto.
    pub fn iana() -> Self {
        let t = hickory_proto::dnssec::TrustAnchors::default();
        let mut v = Vec::new();
        let mut i = 0;
        while let Some(k) = t.get(i) {
            v.push(Anchor::Key(k.clone()));
            i += 1;
        }
        TrustAnchors(v)
    }

    /// Parse zone-file lines of root DS or DNSKEY records (`. IN DS 12345 13 2 ABCD...`).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut v = Vec::new();
        for (no, line) in text.lines().enumerate() {
            let line = line.split(';').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let t: Vec<&str> = line.split_whitespace().collect();
            let err = |m: &str| format!("line {}: {m}", no + 1);
            if t.first() != Some(&".") {
                return Err(err("only root (\".\") anchors are supported"));
            }
            let i = t
                .iter()
                .position(|x| x.eq_ignore_ascii_case("DS") || x.eq_ignore_ascii_case("DNSKEY"))
                .ok_or_else(|| err("no DS or DNSKEY"))?;
            let f = &t[i + 1..];
            let num = |s: Option<&&str>| s.and_then(|x| x.parse::<u16>().ok()).ok_or_else(|| err("bad number"));
            if t[i].eq_ignore_ascii_case("DS") {
                let tag = num(f.first())?;
                let alg = u8::try_from(num(f.get(1))?).map_err(|_| err("bad algorithm"))?;
                let dt = u8::try_from(num(f.get(2))?).map_err(|_| err("bad digest type"))?;
                let hex: String = f.get(3..).unwrap_or(&[]).concat();
                let digest = decode_hex(&hex).ok_or_else(|| err("bad hex digest"))?;
                v.push(Anchor::Ds(DS::new(tag, Algorithm::from_u8(alg), DigestType::from(dt), digest)));
            } else {
                let alg = u8::try_from(num(f.get(2))?).map_err(|_| err("bad algorithm"))?;
                let b64: String = f.get(3..).unwrap_or(&[]).concat();
                use base64::Engine;
                let key = base64::engine::general_purpose::STANDARD.decode(b64).map_err(|_| err("bad base64 key"))?;
                v.push(Anchor::Key(PublicKeyBuf::new(key, Algorithm::from_u8(alg))));
            }
        }
        if v.is_empty() {
            return Err("no trust anchors in file".into());
        }
        Ok(TrustAnchors(v))
    }

    fn matches(&self, key: &DNSKEY) -> bool {
        self.0.iter().any(|a| match a {
            Anchor::Ds(ds) => ds.covers(&Name::root(), key).unwrap_or(false),
            Anchor::Key(k) => k.public_bytes() == key.public_key().public_bytes() && k.algorithm() == key.public_key().algorithm(),
        })
    }
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
}

/// Validated keys of one zone.
#[derive(Debug, Clone)]
struct ZoneKeys {
    zone: Name,
    keys: Vec<DNSKEY>,
}

#[derive(Debug, Clone)]
enum Step {
    /// A secure zone cut at this name.
    Zone(ZoneKeys),
    /// Not a zone cut: stays in the parent zone.
    Same,
    /// The walk ends here with this status.
    End(Status),
}

/// Shared cache of validation steps for batches (the root and TLD steps repeat for every domain).
#[derive(Debug, Clone, Default)]
pub struct Cache(Arc<Mutex<HashMap<Name, Step>>>);

impl Cache {
    fn get(&self, n: &Name) -> Option<Step> {
        self.0.lock().ok()?.get(n).cloned()
    }
    fn put(&self, n: &Name, s: &Step) {
        // Failures may be transient; only cache what was proven.
        if matches!(s, Step::End(Status::Indeterminate(_))) {
            return;
        }
        if let Ok(mut m) = self.0.lock() {
            m.insert(n.clone(), s.clone());
        }
    }
}

/// Validate `domain` from the root down.
pub async fn check(client: &Client, anchors: &TrustAnchors, cache: &Cache, domain: &Name, now: u32) -> Status {
    let root = Name::root();
    let mut current = match cache.get(&root) {
        Some(Step::Zone(z)) => z,
        Some(Step::End(s)) => return s,
        _ => {
            let step = root_keys(client, anchors, now).await;
            cache.put(&root, &step);
            match step {
                Step::Zone(z) => z,
                Step::End(s) => return s,
                Step::Same => return Status::Indeterminate("root".into()),
            }
        }
    };
    let labels = domain.num_labels();
    for n in 1..=labels {
        let name = domain.trim_to(usize::from(n));
        // Only names above the domain itself are shared between domains of a batch.
        let step = match (n < labels).then(|| cache.get(&name)).flatten() {
            Some(s) => s,
            None => {
                let s = descend(client, &current, &name, now).await;
                if n < labels {
                    cache.put(&name, &s);
                }
                s
            }
        };
        match step {
            Step::Zone(z) => current = z,
            Step::Same => {}
            Step::End(s) => return s,
        }
    }
    // The chain is secure down to the zone; now the zone's own data must verify too.
    let soa = client.query(&current.zone, RecordType::SOA).await;
    match soa {
        Lookup::Answer(m) => match verify_rrset(&current.zone, RecordType::SOA, &m.answers, &current, now) {
            Ok(()) => Status::Secure,
            Err(b) => Status::Bogus(b),
        },
        Lookup::Failed(e) => Status::Indeterminate(format!("SOA {}: {e}", current.zone)),
        _ => Status::Indeterminate(format!("SOA {}: no answer", current.zone)),
    }
}

async fn root_keys(client: &Client, anchors: &TrustAnchors, now: u32) -> Step {
    let root = Name::root();
    let l = client.query(&root, RecordType::DNSKEY).await;
    let m = match l {
        Lookup::Answer(m) => m,
        Lookup::Failed(e) => return Step::End(Status::Indeterminate(format!("DNSKEY .: {e}"))),
        _ => {
            return Step::End(Status::Bogus(Bogus::NoTrustAnchor("the root has no DNSKEY".into())));
        }
    };
    let keys = dnskeys(&m.answers);
    let trusted: Vec<DNSKEY> = keys.iter().filter(|k| anchors.matches(k)).cloned().collect();
    if trusted.is_empty() {
        return Step::End(Status::Bogus(Bogus::NoTrustAnchor("no root DNSKEY matches the trust anchor".into())));
    }
    match verify_rrset(&root, RecordType::DNSKEY, &m.answers, &ZoneKeys { zone: root.clone(), keys: trusted }, now) {
        Ok(()) => Step::Zone(ZoneKeys { zone: root, keys }),
        Err(b) => Step::End(Status::Bogus(b)),
    }
}

/// One step down: is `name` a secure cut, an insecure cut, or inside `parent`'s zone?
async fn descend(client: &Client, parent: &ZoneKeys, name: &Name, now: u32) -> Step {
    match client.query(name, RecordType::DS).await {
        Lookup::Failed(e) => Step::End(Status::Indeterminate(format!("DS {name}: {e}"))),
        Lookup::Answer(m) if m.answers.iter().any(|r| r.record_type() == RecordType::DS) => {
            if let Err(b) = verify_rrset(name, RecordType::DS, &m.answers, parent, now) {
                return Step::End(Status::Bogus(b));
            }
            let ds: Vec<DS> = m
                .answers
                .iter()
                .filter_map(|r| match &r.data {
                    RData::DNSSEC(DNSSECRData::DS(d)) => Some(d.clone()),
                    _ => None,
                })
                .collect();
            child_keys(client, name, &ds, now).await
        }
        Lookup::Answer(m) | Lookup::NoData(m) | Lookup::NxDomain(m) => denial(&m.authorities, name, parent, now),
    }
}

async fn child_keys(client: &Client, name: &Name, ds: &[DS], now: u32) -> Step {
    let m = match client.query(name, RecordType::DNSKEY).await {
        Lookup::Answer(m) => m,
        Lookup::Failed(e) => {
            return Step::End(Status::Indeterminate(format!("DNSKEY {name}: {e}")));
        }
        _ => {
            return Step::End(Status::Bogus(Bogus::DsMismatch(format!("{name} has a DS at the parent but no DNSKEY"))));
        }
    };
    let keys = dnskeys(&m.answers);
    let usable: Vec<&DS> = ds.iter().filter(|d| d.algorithm().is_supported() && d.digest_type().is_supported()).collect();
    if usable.is_empty() {
        // RFC 4035 5.2: DS with only unsupported algorithms means treat as insecure.
        return Step::End(Status::Insecure(format!("{name}: DS uses only unsupported algorithms")));
    }
    let matched: Vec<DNSKEY> = keys.iter().filter(|k| usable.iter().any(|d| d.covers(name, k).unwrap_or(false))).cloned().collect();
    if matched.is_empty() {
        let tags: Vec<String> = ds.iter().map(|d| d.key_tag().to_string()).collect();
        let have: Vec<String> = keys.iter().filter_map(|k| k.calculate_key_tag().ok()).map(|t| t.to_string()).collect();
        return Step::End(Status::Bogus(Bogus::DsMismatch(format!(
            "{name}: DS key tag(s) {} match none of the DNSKEYs ({})",
            tags.join(","),
            have.join(",")
        ))));
    }
    match verify_rrset(name, RecordType::DNSKEY, &m.answers, &ZoneKeys { zone: name.clone(), keys: matched }, now) {
        Ok(()) => Step::Zone(ZoneKeys { zone: name.clone(), keys }),
        Err(b) => Step::End(Status::Bogus(b)),
    }
}

/// Judge the NSEC/NSEC3 proof in a negative DS answer.
fn denial(auth: &[Record], name: &Name, parent: &ZoneKeys, now: u32) -> Step {
    let nsecs: Vec<&Record> = auth.iter().filter(|r| r.record_type() == RecordType::NSEC).collect();
    let nsec3s: Vec<&Record> = auth.iter().filter(|r| r.record_type() == RecordType::NSEC3).collect();
    if nsecs.is_empty() && nsec3s.is_empty() {
        return Step::End(Status::Bogus(Bogus::UnprovenDenial(format!("no NSEC/NSEC3 proof that {name} has no DS"))));
    }
    for r in nsecs.iter().chain(nsec3s.iter()) {
        if let Err(b) = verify_rrset(&r.name, r.record_type(), auth, parent, now) {
            return Step::End(Status::Bogus(b));
        }
    }
    for r in &nsecs {
        let RData::DNSSEC(DNSSECRData::NSEC(n)) = &r.data else {
            continue;
        };
        if &r.name == name {
            return by_bitmap(n.type_bit_maps().collect(), name);
        }
        // A covering NSEC: the name does not exist or is an empty non-terminal; not a cut.
        if covers(&r.name, n.next_domain_name(), name) {
            return Step::Same;
        }
    }
    for r in &nsec3s {
        let RData::DNSSEC(DNSSECRData::NSEC3(n)) = &r.data else {
            continue;
        };
        let Ok(h) = Nsec3HashAlgorithm::SHA1.hash(n.salt(), name, n.iterations()) else {
            continue;
        };
        let owner_hash = r.name.iter().next().and_then(base32hex_decode);
        let Some(owner_hash) = owner_hash else {
            continue;
        };
        if owner_hash.as_slice() == h.as_ref() {
            return by_bitmap(n.type_bit_maps().collect(), name);
        }
        let next = n.next_hashed_owner_name();
        let inside = if owner_hash.as_slice() < next {
            owner_hash.as_slice() < h.as_ref() && h.as_ref() < next
        } else {
            h.as_ref() > owner_hash.as_slice() || h.as_ref() < next
        };
        if inside && n.opt_out() {
            // Opt-out may hide an unsigned delegation: insecure either way (RFC 5155 6).
            return Step::End(Status::Insecure(format!("{name}: covered by an opt-out NSEC3 in {}", parent.zone)));
        }
        if inside {
            return Step::Same;
        }
    }
    Step::End(Status::Bogus(Bogus::UnprovenDenial(format!("the NSEC/NSEC3 records do not cover {name}"))))
}

fn by_bitmap(types: Vec<RecordType>, name: &Name) -> Step {
    let has = |t| types.contains(&t);
    if has(RecordType::NS) && !has(RecordType::SOA) && !has(RecordType::DS) {
        Step::End(Status::Insecure(format!("{name} is delegated without DS")))
    } else {
        Step::Same
    }
}

/// Canonical-order covering: owner < name < next, with wrap-around at the zone end.
fn covers(owner: &Name, next: &Name, name: &Name) -> bool {
    if owner < next { owner < name && name < next } else { name > owner || name < next }
}

fn base32hex_decode(label: &[u8]) -> Option<Vec<u8>> {
    let mut bits: u64 = 0;
    let mut n = 0;
    let mut out = Vec::new();
    for &c in label {
        let v = match c.to_ascii_uppercase() {
            b'0'..=b'9' => c - b'0',
            c @ b'A'..=b'V' => c - b'A' + 10,
            _ => return None,
        };
        bits = (bits << 5) | u64::from(v);
        n += 5;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    Some(out)
}

fn dnskeys(records: &[Record]) -> Vec<DNSKEY> {
    records
        .iter()
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::DNSKEY(k)) => Some(k.clone()),
            _ => None,
        })
        .collect()
}

/// RFC 1982 serial comparison: a <= b.
fn serial_le(a: u32, b: u32) -> bool {
    b.wrapping_sub(a) < 0x8000_0000
}

/// Verify the RRset `name`/`rtype` found in `records` against `keys`.
fn verify_rrset(name: &Name, rtype: RecordType, records: &[Record], keys: &ZoneKeys, now: u32) -> Result<(), Bogus> {
    let sigs: Vec<&RRSIG> = records
        .iter()
        .filter(|r| &r.name == name)
        .filter_map(|r| match &r.data {
            RData::DNSSEC(DNSSECRData::RRSIG(s)) if s.input().type_covered == rtype => Some(s),
            _ => None,
        })
        .collect();
    if sigs.is_empty() {
        return Err(Bogus::MissingSignature(format!("{name} {rtype} has no RRSIG")));
    }
    let mut last = Bogus::BadSignature(format!("{name} {rtype}: no RRSIG by a key of {}", keys.zone));
    for sig in sigs {
        let input = sig.input();
        if input.signer_name != keys.zone {
            continue;
        }
        let (inc, exp) = (input.sig_inception.get(), input.sig_expiration.get());
        if !serial_le(inc, now) || !serial_le(now, exp) {
            let when = |t: u32| chrono::DateTime::from_timestamp(i64::from(t), 0).map(|d| d.to_rfc3339()).unwrap_or_default();
            last = Bogus::SignatureExpired(format!(
                "{name} {rtype}: RRSIG (key {}) valid {} to {}, now {}",
                input.key_tag,
                when(inc),
                when(exp),
                when(now)
            ));
            continue;
        }
        for key in keys.keys.iter().filter(|k| k.zone_key() && !k.revoke()) {
            if key.public_key().algorithm() != input.algorithm || key.calculate_key_tag().ok() != Some(input.key_tag) {
                continue;
            }
            match key.verify_rrsig(name, DNSClass::IN, sig, records.iter()) {
                Ok(()) => return Ok(()),
                Err(e) => last = Bogus::BadSignature(format!("{name} {rtype}: RRSIG by key {} does not verify: {e}", input.key_tag)),
            }
        }
    }
    Err(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_arithmetic_wraps() {
        assert!(serial_le(1, 2));
        assert!(serial_le(0xffff_fff0, 5));
        assert!(!serial_le(5, 0xffff_fff0));
    }

    #[test]
    fn base32hex() {
        // "f" -> "CO" in base32hex (RFC 4648 test vector, "CO======").
        assert_eq!(base32hex_decode(b"CO"), Some(b"f".to_vec()));
        assert_eq!(base32hex_decode(b"CPNMU"), Some(b"foo".to_vec()));
        assert_eq!(base32hex_decode(b"!!"), None);
    }

    #[test]
    fn anchors_parse() {
        let t = TrustAnchors::parse(". IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D\n");
        assert_eq!(t.map(|t| t.0.len()), Ok(1));
        assert!(TrustAnchors::parse("example. IN DS 1 8 2 AA").is_err());
        assert!(TrustAnchors::parse(". IN DS 1 8 2 XYZ").is_err());
        assert!(TrustAnchors::parse("").is_err());
        assert_eq!(TrustAnchors::iana().0.len(), 2);
    }
}
