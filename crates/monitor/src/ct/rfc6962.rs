//! RFC 6962 read API answers: `get-sth`, `get-entries`, `get-proof-by-hash` and
//! `get-sth-consistency`.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Deserialize;

use super::merkle::{self, Hash, leaf_hash};
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
    parse_entries_hashed(json, start, asked).map(|(entries, _)| entries)
}

/// [`parse_entries`], with each entry's Merkle leaf hash (of its `leaf_input`).
pub fn parse_entries_hashed(json: &[u8], start: u64, asked: u64) -> Result<(Vec<Entry>, Vec<Hash>), CtError> {
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
            Ok((parse_merkle_tree_leaf(&leaf, start + i as u64)?, leaf_hash(&leaf)))
        })
        .collect()
}

#[derive(Deserialize)]
struct Inclusion {
    leaf_index: u64,
    audit_path: Vec<String>,
}

#[derive(Deserialize)]
struct Consistency {
    consistency: Vec<String>,
}

fn hashes(list: &[String], field: &'static str) -> Result<Vec<Hash>, CtError> {
    list.iter()
        .map(|h| {
            let b = B64.decode(h).map_err(|_| CtError::Base64(field))?;
            b.try_into().map_err(|_| CtError::Json(format!("{field}: a node that is not 32 bytes")))
        })
        .collect()
}

/// Parses a `get-proof-by-hash` answer: the leaf's index and its audit path.
pub fn parse_inclusion(json: &[u8]) -> Result<(u64, Vec<Hash>), CtError> {
    let a: Inclusion = serde_json::from_slice(json).map_err(|e| CtError::Json(e.to_string()))?;
    Ok((a.leaf_index, hashes(&a.audit_path, "audit_path")?))
}

/// Parses a `get-sth-consistency` answer.
pub fn parse_consistency(json: &[u8]) -> Result<Vec<Hash>, CtError> {
    let a: Consistency = serde_json::from_slice(json).map_err(|e| CtError::Json(e.to_string()))?;
    hashes(&a.consistency, "consistency")
}

/// Checks a batch of consecutive leaves (`start..`, by their hashes) against a tree head, with
/// the audit paths of the batch's first and last leaves (`first`, `last`; one path for a batch
/// of one): every subtree outside the batch is a node of one of the two paths, so the root is
/// computed over the batch itself, not just two of its leaves.
pub fn verify_batch(head: &SignedTreeHead, start: u64, leaves: &[Hash], first: &[Hash], last: &[Hash]) -> Result<(), CtError> {
    let end = start + leaves.len() as u64;
    if leaves.is_empty() || end > head.size {
        return Err(CtError::Proof("a batch outside the tree head"));
    }
    let mut nodes = std::collections::HashMap::new();
    for (m, path) in [(start, first), (end - 1, last)] {
        let ranges = merkle::audit_path_ranges(m, head.size);
        if ranges.len() != path.len() {
            return Err(CtError::Proof("an audit path of the wrong length"));
        }
        for (r, h) in ranges.into_iter().zip(path) {
            if nodes.insert(r, *h).is_some_and(|old| old != *h) {
                return Err(CtError::Proof("two audit paths disagree"));
            }
        }
    }
    let root = merkle::root_with(head.size, start, leaves, |lo, hi| {
        nodes.get(&(lo, hi)).copied().ok_or(CtError::Proof("the audit paths miss a subtree"))
    })?;
    if root == head.root { Ok(()) } else { Err(CtError::Proof("the entries do not hash to the tree head's root")) }
}
