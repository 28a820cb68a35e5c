//! Log keys, static-ct-api checkpoints (c2sp.org/signed-note with an `RFC6962NoteSignature` or
//! an Ed25519 note signature) and RFC 6962 tree head signatures.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ring::signature::{ECDSA_P256_SHA256_ASN1, ED25519, UnparsedPublicKey};
use sha2::{Digest, Sha256};
use x509_parser::prelude::FromDer;
use x509_parser::x509::SubjectPublicKeyInfo;

use super::CtError;
use super::leaf::Reader;

const OID_EC_PUBLIC_KEY: &str = "1.2.840.10045.2.1";
const OID_P256: &str = "1.2.840.10045.3.1.7";
const OID_ED25519: &str = "1.3.101.112";
/// Note signature types (the byte hashed into a key id).
const NOTE_ED25519: u8 = 0x01;
const NOTE_RFC6962: u8 = 0x05;

/// A log's public key and the name its checkpoints are signed under (the origin line).
#[derive(Debug, Clone)]
pub struct LogKey {
    name: String,
    ed25519: bool,
    /// The raw public key: an uncompressed P-256 point or 32 Ed25519 bytes.
    raw: Vec<u8>,
    /// SHA-256 of the DER SubjectPublicKeyInfo: RFC 6962's LogID.
    log_id: [u8; 32],
}

/// A verified static-ct-api checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: [u8; 32],
    /// The signed timestamp (ms) of an `RFC6962NoteSignature`; `None` under Ed25519.
    pub timestamp: Option<u64>,
}

/// A verified RFC 6962 signed tree head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedTreeHead {
    pub size: u64,
    pub timestamp: u64,
    pub root: [u8; 32],
}

impl LogKey {
    /// A key from a PEM `PUBLIC KEY` block or base64 DER SubjectPublicKeyInfo; `name` is the
    /// log's origin (its submission prefix without the scheme).
    pub fn parse(name: &str, text: &str) -> Result<LogKey, CtError> {
        let b64: String = text.lines().map(str::trim).filter(|l| !l.starts_with("-----")).collect();
        let der = B64.decode(b64.as_bytes()).map_err(|_| CtError::Key("not base64 or PEM"))?;
        let (rest, spki) = SubjectPublicKeyInfo::from_der(&der).map_err(|_| CtError::Key("not a SubjectPublicKeyInfo"))?;
        if !rest.is_empty() {
            return Err(CtError::Key("trailing bytes after the SubjectPublicKeyInfo"));
        }
        let alg = spki.algorithm.algorithm.to_id_string();
        let ed25519 = match alg.as_str() {
            OID_ED25519 => true,
            OID_EC_PUBLIC_KEY => {
                let curve = spki.algorithm.parameters.as_ref().and_then(|p| p.as_oid().ok()).map(|o| o.to_id_string());
                if curve.as_deref() != Some(OID_P256) {
                    return Err(CtError::Key("an EC key on another curve than P-256"));
                }
                false
            }
            _ => return Err(CtError::Key("neither ECDSA P-256 nor Ed25519")),
        };
        let raw = spki.subject_public_key.data.to_vec();
        Ok(LogKey { name: name.to_string(), ed25519, raw, log_id: Sha256::digest(&der).into() })
    }

    /// The four-byte key id of this key's note signatures.
    fn key_id(&self) -> [u8; 4] {
        let mut h = Sha256::new();
        h.update(self.name.as_bytes());
        h.update([b'\n']);
        if self.ed25519 {
            h.update([NOTE_ED25519]);
            h.update(&self.raw);
        } else {
            h.update([NOTE_RFC6962]);
            h.update(self.log_id);
        }
        let d = h.finalize();
        [d[0], d[1], d[2], d[3]]
    }

    /// Verifies a checkpoint and returns its tree head. The origin line must be this key's name.
    pub fn verify_checkpoint(&self, text: &[u8]) -> Result<Checkpoint, CtError> {
        let text = std::str::from_utf8(text).map_err(|_| CtError::Checkpoint("not UTF-8"))?;
        let split = text.find("\n\n").ok_or(CtError::Checkpoint("no blank line before the signatures"))?;
        let (body, sigs) = (&text[..split + 1], &text[split + 2..]);
        let mut lines = body.lines();
        let origin = lines.next().unwrap_or_default();
        let size = lines.next().and_then(|s| s.parse::<u64>().ok()).ok_or(CtError::Checkpoint("no tree size line"))?;
        let root = lines.next().and_then(|s| B64.decode(s).ok()).ok_or(CtError::Checkpoint("no root hash line"))?;
        let root: [u8; 32] = root.try_into().map_err(|_| CtError::Checkpoint("the root hash is not 32 bytes"))?;
        if origin != self.name {
            return Err(CtError::Checkpoint("the origin line is not the configured log's"));
        }
        let sig = self.find_signature(sigs)?;
        let timestamp = if self.ed25519 {
            verify(&ED25519, &self.raw, body.as_bytes(), &sig)?;
            None
        } else {
            let mut r = Reader::new(&sig);
            let ts = r.u64().ok_or(CtError::BadSignature)?;
            self.verify_tree_head(ts, size, &root, digitally_signed(&mut r)?)?;
            Some(ts)
        };
        Ok(Checkpoint { origin: origin.to_string(), size, root, timestamp })
    }

    /// The signature bytes (after the key id) of the line by this key, if any.
    fn find_signature(&self, sigs: &str) -> Result<Vec<u8>, CtError> {
        let id = self.key_id();
        for line in sigs.lines() {
            let Some(rest) = line.strip_prefix("\u{2014} ") else { continue };
            let Some((name, b64)) = rest.split_once(' ') else { continue };
            let Ok(bytes) = B64.decode(b64) else { continue };
            if name == self.name && bytes.len() > 4 && bytes[..4] == id {
                return Ok(bytes[4..].to_vec());
            }
        }
        Err(CtError::NoSignature)
    }

    /// Verifies an RFC 6962 `get-sth` answer's `tree_head_signature` (a `DigitallySigned`).
    pub fn verify_sth(&self, size: u64, timestamp: u64, root: &[u8; 32], signature: &[u8]) -> Result<SignedTreeHead, CtError> {
        let mut r = Reader::new(signature);
        self.verify_tree_head(timestamp, size, root, digitally_signed(&mut r)?)?;
        Ok(SignedTreeHead { size, timestamp, root: *root })
    }

    fn verify_tree_head(&self, timestamp: u64, size: u64, root: &[u8; 32], sig: &[u8]) -> Result<(), CtError> {
        if self.ed25519 {
            return Err(CtError::Key("RFC 6962 tree heads are signed with ECDSA, not Ed25519"));
        }
        verify(&ECDSA_P256_SHA256_ASN1, &self.raw, &tree_head_message(timestamp, size, root), sig)
    }
}

/// The RFC 6962 `TreeHeadSignature` input: what a log signs for a tree head.
pub fn tree_head_message(timestamp: u64, size: u64, root: &[u8; 32]) -> Vec<u8> {
    let mut m = vec![0u8, 1u8];
    m.extend_from_slice(&timestamp.to_be_bytes());
    m.extend_from_slice(&size.to_be_bytes());
    m.extend_from_slice(root);
    m
}

/// The signature of a `DigitallySigned` with SHA-256 and ECDSA, the rest of `r` being empty.
fn digitally_signed<'a>(r: &mut Reader<'a>) -> Result<&'a [u8], CtError> {
    let (hash, alg) = (r.u8(), r.u8());
    if hash != Some(4) || alg != Some(3) {
        return Err(CtError::BadSignature);
    }
    let sig = r.u16_bytes().ok_or(CtError::BadSignature)?;
    if !r.is_empty() {
        return Err(CtError::BadSignature);
    }
    Ok(sig)
}

fn verify(alg: &'static dyn ring::signature::VerificationAlgorithm, key: &[u8], msg: &[u8], sig: &[u8]) -> Result<(), CtError> {
    UnparsedPublicKey::new(alg, key).verify(msg, sig).map_err(|_| CtError::BadSignature)
}

/// Checks that a newly verified tree head (`size`, `root`) may follow the last one accepted:
/// a log never shrinks, and one size has one root.
pub fn check_advance(last: Option<(u64, [u8; 32])>, size: u64, root: &[u8; 32]) -> Result<(), CtError> {
    match last {
        Some((old, _)) if size < old => Err(CtError::Shrank { old, new: size }),
        Some((old, ref r)) if size == old && r != root => Err(CtError::Forked { size }),
        _ => Ok(()),
    }
}
