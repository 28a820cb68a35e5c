//! Certificate Transparency read APIs, parsed: static-ct-api checkpoints (signed notes) and data
//! tiles, RFC 6962 `get-sth` / `get-entries` answers, and the names a logged certificate or
//! precertificate carries.
//!
//! Pure: callers fetch the bytes and keep the cursors. Nothing here trusts a log: a tile of the
//! wrong size, a truncated gzip stream, a checkpoint that does not verify or that shrinks, entries
//! that do not hash to the signed root (`merkle`) is an error; a well-framed entry whose certificate does not parse is an [`Entry`] without names,
//! which callers count and skip.

mod leaf;
pub mod merkle;
mod names;
mod note;
pub mod rfc6962;
mod tile;

pub use leaf::{encode_merkle_tree_leaf, encode_tile_leaf, parse_merkle_tree_leaf};
pub use names::{CertNames, Dedup, cert_names, tbs_names};
pub use note::{Checkpoint, LogKey, SignedTreeHead, check_advance, tree_head_message};
pub use tile::{TILE_WIDTH, data_tile_path, names_tile_path, parse_data_tile, parse_data_tile_hashed, parse_names_tile};

/// Largest decompressed data tile accepted (a full tile of 256 entries with long chains is a
/// few MiB at most).
pub const MAX_TILE_BYTES: u64 = 64 << 20;

/// Why a log's answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CtError {
    /// The configured public key is not a P-256 or Ed25519 SubjectPublicKeyInfo.
    #[error("the log's public key: {0}")]
    Key(&'static str),
    /// The checkpoint is not a well-formed signed note.
    #[error("malformed checkpoint: {0}")]
    Checkpoint(&'static str),
    /// No signature line on the checkpoint has the log's name and key id.
    #[error("the checkpoint carries no signature by the log's key")]
    NoSignature,
    /// A signature by the log's key id that does not verify.
    #[error("the tree head signature does not verify with the log's key")]
    BadSignature,
    /// The tree is smaller than one the log signed before.
    #[error("the log's tree shrank from {old} to {new} entries")]
    Shrank { old: u64, new: u64 },
    /// Two signed heads of the same size with different root hashes.
    #[error("the log signed two different roots for size {size}")]
    Forked { size: u64 },
    /// A data tile or an answer with another number of entries than its path or request says.
    #[error("expected {expected} entries, found {found}")]
    WrongSize { expected: u64, found: u64 },
    /// An entry whose TLS framing is broken: the rest of its tile cannot be read.
    #[error("entry {index}: {what}")]
    Entry { index: u64, what: &'static str },
    /// A gzip stream that is truncated, corrupt or too large.
    #[error("gzip: {0}")]
    Gzip(&'static str),
    /// An RFC 6962 JSON answer that does not have the documented shape.
    #[error("JSON answer: {0}")]
    Json(String),
    /// Entries or a tree head the log's hashes do not commit to: a data tile that does not hash
    /// to the checkpoint's root, or a checkpoint that does not extend the last one accepted.
    #[error("Merkle proof failed: {0}")]
    Proof(&'static str),
    /// A base64 field that does not decode.
    #[error("bad base64 in {0}")]
    Base64(&'static str),
}

/// One log entry with the names of its certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Position in the log.
    pub index: u64,
    /// The entry's timestamp, milliseconds since the Unix epoch.
    pub timestamp: u64,
    /// A precertificate (its TBSCertificate) rather than a final certificate.
    pub precert: bool,
    /// `None` when the certificate does not parse: the entry is skipped and counted.
    pub names: Option<CertNames>,
}

/// Decompresses `bytes` when they start with the gzip magic, up to `limit` bytes.
pub fn gunzip_if_needed(bytes: &[u8], limit: u64) -> Result<std::borrow::Cow<'_, [u8]>, CtError> {
    use std::io::Read;
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    let mut dec = flate2::read::GzDecoder::new(bytes).take(limit + 1);
    dec.read_to_end(&mut out).map_err(|_| CtError::Gzip("truncated or corrupt stream"))?;
    if out.len() as u64 > limit {
        return Err(CtError::Gzip("larger than a data tile may be"));
    }
    Ok(std::borrow::Cow::Owned(out))
}

#[cfg(test)]
mod merkle_tests;
#[cfg(test)]
mod tests;
