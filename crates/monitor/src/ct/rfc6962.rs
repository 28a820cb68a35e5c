//! RFC 6962 read API answers: `get-sth` and `get-entries`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Deserialize;

use super::{CtError, Entry, LogKey, SignedTreeHead, parse_merkle_tree_leaf};

#[derive(Deserialize)]
struct Sth {
    tree_size: u64,
    timestamp: u64,
    sha256_root_hash: String,
    tree_head_signature: String,
}

#[derive(Deserialize)]
struct Entries {
    entries: Vec<RawEntry>,
}

#[derive(Deserialize)]
struct RawEntry {
    leaf_input: String,
    extra_data: String,
}

/// Parses and verifies a `get-sth` answer.
pub fn parse_sth(json: &[u8], key: &LogKey) -> Result<SignedTreeHead, CtError> {
    let sth: Sth = serde_json::from_slice(json).map_err(|e| CtError::Json(e.to_string()))?;
    let root = B64.decode(&sth.sha256_root_hash).map_err(|_| CtError::Base64("sha256_root_hash"))?;
    let root: [u8; 32] = root.try_into().map_err(|_| CtError::Json("sha256_root_hash is not 32 bytes".into()))?;
    let sig = B64.decode(&sth.tree_head_signature).map_err(|_| CtError::Base64("tree_head_signature"))?;
    key.verify_sth(sth.tree_size, sth.timestamp, &root, &sig)
}

/// Parses a `get-entries` answer for entries from `start` on. Logs may answer with fewer
/// entries than asked (never more than `asked`); an empty answer is an error, since the caller
/// only asks for entries below a tree size the log signed.
pub fn parse_entries(json: &[u8], start: u64, asked: u64) -> Result<Vec<Entry>, CtError> {
    let answer: Entries = serde_json::from_slice(json).map_err(|e| CtError::Json(e.to_string()))?;
    let found = answer.entries.len() as u64;
    if found == 0 || found > asked {
        return Err(CtError::WrongSize { expected: asked, found });
    }
    answer
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let leaf = B64.decode(&e.leaf_input).map_err(|_| CtError::Base64("leaf_input"))?;
            B64.decode(&e.extra_data).map_err(|_| CtError::Base64("extra_data"))?;
            parse_merkle_tree_leaf(&leaf, start + i as u64)
        })
        .collect()
}
