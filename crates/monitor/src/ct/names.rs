//! The names a logged certificate carries, and the key that makes its precertificate, its final
//! certificate and its copies in other logs one certificate.

use std::collections::{HashSet, VecDeque};

use sha2::{Digest, Sha256};
use x509_parser::prelude::{FromDer, GeneralName, TbsCertificate, X509Certificate};

/// What the monitor takes from one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertNames {
    /// SHA-256 of issuer DN and serial number: equal for a precertificate and its final
    /// certificate, and for copies of either in any log.
    pub key: [u8; 32],
    /// Every DNS SAN and a host-like CN, lower-case, `*.` stripped, without repeats.
    pub names: Vec<String>,
    /// notBefore, seconds since the Unix epoch.
    pub not_before: i64,
    /// The issuing CA as its distinguished name reads (`C=US, O=Let's Encrypt, CN=R11`), at most
    /// [`ISSUER_MAX`] bytes; `None` for a names-tile entry, which does not carry it.
    pub issuer: Option<String>,
}

/// The longest issuer name kept; a longer one is cut at a character boundary.
pub const ISSUER_MAX: usize = 200;

/// The names of a DER certificate, `None` when it does not parse.
pub fn cert_names(der: &[u8]) -> Option<CertNames> {
    let (_, cert) = X509Certificate::from_der(der).ok()?;
    Some(from_tbs(&cert.tbs_certificate))
}

/// The names of a precertificate's DER TBSCertificate, `None` when it does not parse.
pub fn tbs_names(der: &[u8]) -> Option<CertNames> {
    let (_, tbs) = TbsCertificate::from_der(der).ok()?;
    Some(from_tbs(&tbs))
}

fn from_tbs(tbs: &TbsCertificate<'_>) -> CertNames {
    let mut hash = Sha256::new();
    hash.update(tbs.issuer.as_raw());
    hash.update([0]);
    hash.update(tbs.raw_serial());
    let cns: Vec<&str> = tbs.subject.iter_common_name().filter_map(|a| a.as_str().ok()).collect();
    let mut sans = Vec::new();
    if let Ok(Some(san)) = tbs.subject_alternative_name() {
        for g in &san.value.general_names {
            if let GeneralName::DNSName(d) = g {
                sans.push(*d);
            }
        }
    }
    CertNames {
        key: hash.finalize().into(),
        names: names_of(&cns, &sans),
        not_before: tbs.validity.not_before.timestamp(),
        issuer: issuer_name(&tbs.issuer.to_string()),
    }
}

/// The issuer's name as kept: control characters dropped, cut to [`ISSUER_MAX`] bytes; `None`
/// when nothing printable is left.
fn issuer_name(dn: &str) -> Option<String> {
    let mut out = String::new();
    for c in dn.chars().filter(|c| !c.is_control()) {
        if out.len() + c.len_utf8() > ISSUER_MAX {
            break;
        }
        out.push(c);
    }
    let out = out.trim().to_string();
    (!out.is_empty()).then_some(out)
}

/// Every DNS SAN and host-like CN, lower-case, `*.` stripped, without repeats. A CN is a name
/// only when it looks like one ("Example Inc" is not).
pub(crate) fn names_of(cns: &[&str], sans: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let host_like = cns.iter().filter(|cn| cn.contains('.') && !cn.contains(char::is_whitespace));
    for raw in host_like.chain(sans.iter()) {
        let name = raw.trim().trim_start_matches("*.").to_ascii_lowercase();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The de-duplication key of a names-tile entry, which carries no issuer or serial: SHA-256 of
/// its sorted names, so a precertificate and its final certificate (same names) count once.
pub(crate) fn names_key(names: &[String]) -> [u8; 32] {
    let mut sorted: Vec<&str> = names.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let mut hash = Sha256::new();
    hash.update(b"names-tile\0");
    for n in sorted {
        hash.update(n.as_bytes());
        hash.update([0]);
    }
    hash.finalize().into()
}

/// The certificates seen recently, by [`CertNames::key`] truncated to 16 bytes; the oldest are
/// forgotten beyond `capacity` so memory stays bounded.
#[derive(Debug)]
pub struct Dedup {
    seen: HashSet<[u8; 16]>,
    order: VecDeque<[u8; 16]>,
    capacity: usize,
}

impl Dedup {
    pub fn new(capacity: usize) -> Dedup {
        Dedup { seen: HashSet::new(), order: VecDeque::new(), capacity: capacity.max(1) }
    }

    /// True the first time `key` is offered (within the window).
    pub fn first(&mut self, key: &[u8; 32]) -> bool {
        let mut short = [0u8; 16];
        short.copy_from_slice(&key[..16]);
        self.first_short(short)
    }

    fn first_short(&mut self, short: [u8; 16]) -> bool {
        if !self.seen.insert(short) {
            return false;
        }
        self.order.push_back(short);
        if self.order.len() > self.capacity
            && let Some(old) = self.order.pop_front()
        {
            self.seen.remove(&old);
        }
        true
    }

    /// The remembered keys, oldest first, concatenated (for a state file).
    pub fn export(&self) -> Vec<u8> {
        self.order.iter().flatten().copied().collect()
    }

    /// Remembers keys written by [`Dedup::export`]; a trailing partial key is ignored.
    pub fn import(&mut self, keys: &[u8]) {
        for chunk in keys.chunks_exact(16) {
            let mut short = [0u8; 16];
            short.copy_from_slice(chunk);
            self.first_short(short);
        }
    }
}
