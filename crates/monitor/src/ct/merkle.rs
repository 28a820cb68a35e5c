//! RFC 6962 §2.1 Merkle trees, as both CT read APIs commit to them: leaf hashes, subtree roots,
//! the tlog-tiles hash tiles (c2sp.org/tlog-tiles, `tile/<L>/<N>[.p/<W>]`) a static-ct-api log
//! serves, RFC 6962 audit paths and consistency proofs.
//!
//! One idea throughout: the root of a tree of `size` leaves is computed from the leaves the
//! caller read (hashed here) and, for every subtree that holds none of them, a hash the log
//! handed over (a hash tile entry or a proof node). The log's hashes are untrusted: if the
//! computed root equals the signed one, SHA-256's collision resistance says the leaves read
//! are the ones the log committed to.

use std::collections::HashMap;

use sha2::{Digest, Sha256};

use super::{CtError, TILE_WIDTH};

pub type Hash = [u8; 32];

/// Hash tiles kept at most (each at most 8 KiB): full tiles never change, partial ones are keyed
/// by their width, so the cache is only ever cleared for room.
const MAX_CACHED_TILES: usize = 1024;
/// Subtrees are at most 64 levels deep: a lookup that fails more often is a bug, not a log.
const MAX_ROUNDS: usize = 128;

/// `SHA-256(0x00 || leaf)`: the hash of a `MerkleTreeLeaf`.
pub fn leaf_hash(leaf: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(leaf);
    h.finalize().into()
}

/// The leaf hash of a `MerkleTreeLeaf` (v1, `timestamped_entry`) around a TLS-encoded
/// `TimestampedEntry`, without copying it.
pub fn timestamped_entry_hash(entry: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8, 0, 0]);
    h.update(entry);
    h.finalize().into()
}

/// `SHA-256(0x01 || left || right)`: an interior node.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The root of the subtree over `hashes` (already leaf or subtree hashes), split as RFC 6962's
/// MTH splits: at the largest power of two below the count. Empty: the hash of nothing.
pub fn root_of(hashes: &[Hash]) -> Hash {
    match hashes.len() {
        0 => Sha256::digest([]).into(),
        1 => hashes[0],
        n => {
            let k = split(n as u64) as usize;
            node_hash(&root_of(&hashes[..k]), &root_of(&hashes[k..]))
        }
    }
}

/// The largest power of two below `n` (n >= 2).
fn split(n: u64) -> u64 {
    1 << (63 - (n - 1).leading_zeros())
}

/// The root of leaves `[lo, hi)`, from the `known` leaf hashes (leaves `start..`) where a
/// subtree lies inside them and from `other(lo, hi)` where it holds none of them.
fn subtree<E>(lo: u64, hi: u64, start: u64, known: &[Hash], other: &mut impl FnMut(u64, u64) -> Result<Hash, E>) -> Result<Hash, E> {
    let end = start + known.len() as u64;
    if start <= lo && hi <= end && lo < hi {
        return Ok(root_of(&known[(lo - start) as usize..(hi - start) as usize]));
    }
    if hi <= start || lo >= end {
        return other(lo, hi);
    }
    let k = split(hi - lo);
    let left = subtree(lo, lo + k, start, known, other)?;
    let right = subtree(lo + k, hi, start, known, other)?;
    Ok(node_hash(&left, &right))
}

/// The root of a tree of `size` leaves whose leaves `start..start + known.len()` have the
/// `known` hashes, every other subtree's hash coming from `other(lo, hi)`.
pub fn root_with<E>(size: u64, start: u64, known: &[Hash], mut other: impl FnMut(u64, u64) -> Result<Hash, E>) -> Result<Hash, E> {
    if size == 0 {
        return Ok(root_of(&[]));
    }
    subtree(0, size, start, known, &mut other)
}

/// One hash tile: its level, its number and its width (entries as of the tree size it was
/// fetched for; [`TILE_WIDTH`] for a full tile).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TileRef {
    pub level: u8,
    pub index: u64,
    pub width: u64,
}

impl TileRef {
    /// The tile's path under the log's monitoring prefix; `full` names the full tile even when
    /// this one is partial (a log may delete a partial tile once the full one exists).
    pub fn path(&self, full: bool) -> String {
        let width = if full { TILE_WIDTH } else { self.width };
        super::tile::tile_path(&format!("tile/{}", self.level), self.index, width)
    }
}

/// The hash tiles fetched so far, and what the Merkle checks of a static-ct-api log compute
/// from them. A check answers [`Lookup::Missing`] with the tile it needs; the caller fetches
/// it, [`HashTiles::insert`]s it and asks again.
#[derive(Debug, Default)]
pub struct HashTiles {
    tiles: HashMap<TileRef, Vec<Hash>>,
}

/// Why a root could not be computed yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Fetch this tile and insert it, then ask again.
    Missing(TileRef),
}

impl HashTiles {
    /// Stores tile `t` from its body: `t.width` hashes, or a full tile of which the first
    /// `t.width` are kept. Anything else is refused.
    pub fn insert(&mut self, t: TileRef, bytes: &[u8]) -> Result<(), CtError> {
        let n = bytes.len() as u64;
        if n % 32 != 0 || (n / 32 != t.width && n / 32 != TILE_WIDTH) {
            return Err(CtError::WrongSize { expected: t.width, found: n / 32 });
        }
        if self.tiles.len() >= MAX_CACHED_TILES {
            self.tiles.clear();
        }
        let hashes = bytes.chunks_exact(32).take(t.width as usize).filter_map(|c| c.try_into().ok()).collect();
        self.tiles.insert(t, hashes);
        Ok(())
    }

    /// The root of the first `size` leaves, with leaves `start..` known by their hashes and
    /// every other subtree read from hash tiles as of tree size `view` (>= `size`).
    pub fn root(&self, size: u64, view: u64, start: u64, known: &[Hash]) -> Result<Hash, Lookup> {
        root_with(size, start, known, |lo, hi| self.range(lo, hi, view))
    }

    /// The hash of leaves `[lo, hi)` from the tiles: a whole aligned subtree from its tile,
    /// anything else split as MTH splits.
    fn range(&self, lo: u64, hi: u64, view: u64) -> Result<Hash, Lookup> {
        let n = hi - lo;
        if !n.is_power_of_two() || lo % n != 0 {
            let k = split(n);
            return Ok(node_hash(&self.range(lo, lo + k, view)?, &self.range(lo + k, hi, view)?));
        }
        // A subtree of height h = 8L + r is 2^r consecutive hashes of level L's tiles.
        let height = n.trailing_zeros();
        let (level, r) = (height / 8, height % 8);
        let first = (lo >> height) << r;
        let index = first / TILE_WIDTH;
        let complete = view >> (8 * level);
        let t = TileRef { level: level as u8, index, width: complete.saturating_sub(index * TILE_WIDTH).min(TILE_WIDTH) };
        let hashes = self.tiles.get(&t).ok_or(Lookup::Missing(t))?;
        let at = (first % TILE_WIDTH) as usize;
        let part = hashes.get(at..at + (1usize << r)).ok_or(Lookup::Missing(t))?;
        Ok(root_of(part))
    }
}

/// Runs `check` against `tiles`, fetching each tile it misses with `fetch` (its path, and the
/// full tile's path to fall back on when a partial one is gone), at most [`MAX_ROUNDS`] times.
pub fn with_tiles<T, E: From<CtError>>(
    tiles: &mut HashTiles,
    mut check: impl FnMut(&HashTiles) -> Result<T, Lookup>,
    mut fetch: impl FnMut(&TileRef) -> Result<Vec<u8>, E>,
) -> Result<T, E> {
    for _ in 0..MAX_ROUNDS {
        match check(tiles) {
            Ok(v) => return Ok(v),
            Err(Lookup::Missing(t)) => {
                let body = fetch(&t)?;
                tiles.insert(t, &body)?;
            }
        }
    }
    Err(CtError::Proof("hash tiles do not cover the tree").into())
}

/// The ranges of leaves whose subtree hashes make the RFC 6962 audit path of leaf `m` in a tree
/// of `size` leaves, in the path's order (the leaf's sibling first).
pub fn audit_path_ranges(m: u64, size: u64) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    let (mut lo, mut hi) = (0, size);
    while hi - lo > 1 {
        let k = split(hi - lo);
        if m < lo + k {
            out.push((lo + k, hi));
            hi = lo + k;
        } else {
            out.push((lo, lo + k));
            lo += k;
        }
    }
    out.reverse();
    out
}

/// Checks an RFC 6962 consistency proof (`get-sth-consistency`) from tree `(old, old_root)` to
/// `(new, new_root)`: RFC 9162 §2.1.4.2's verification, for the v1 hashes they share.
pub fn verify_consistency(old: u64, old_root: &Hash, new: u64, new_root: &Hash, proof: &[Hash]) -> Result<(), CtError> {
    let bad = || CtError::Proof("the consistency proof does not join the two tree heads");
    if old > new {
        return Err(CtError::Shrank { old, new });
    }
    if old == new {
        return if old_root == new_root && proof.is_empty() { Ok(()) } else { Err(CtError::Forked { size: new }) };
    }
    if old == 0 {
        return if proof.is_empty() { Ok(()) } else { Err(bad()) };
    }
    if proof.is_empty() {
        return Err(bad());
    }
    let mut path: Vec<Hash> = proof.to_vec();
    if old.is_power_of_two() {
        path.insert(0, *old_root);
    }
    let (mut fn_, mut sn) = (old - 1, new - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let mut it = path.iter();
    let first = it.next().ok_or_else(bad)?;
    let (mut fr, mut sr) = (*first, *first);
    for c in it {
        if sn == 0 {
            return Err(bad());
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            if fn_ & 1 == 0 {
                while fn_ & 1 == 0 && fn_ != 0 {
                    fn_ >>= 1;
                    sn >>= 1;
                }
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn == 0 && &fr == old_root && &sr == new_root { Ok(()) } else { Err(bad()) }
}

/// Every hash tile of a tree over `leaves` (leaf hashes), as a log would publish them for its
/// current size: full tiles and the partial tile of each level. For fixtures and fuzzing.
pub fn hash_tiles(leaves: &[Hash]) -> Vec<(TileRef, Vec<Hash>)> {
    let mut out = Vec::new();
    let mut level: Vec<Hash> = leaves.to_vec();
    let mut l = 0u8;
    while !level.is_empty() {
        for (i, chunk) in level.chunks(TILE_WIDTH as usize).enumerate() {
            out.push((TileRef { level: l, index: i as u64, width: chunk.len() as u64 }, chunk.to_vec()));
        }
        level = level.chunks_exact(TILE_WIDTH as usize).map(root_of).collect();
        l += 1;
    }
    out
}

/// RFC 6962 §2.1.1's audit path of leaf `m` among `leaves` (leaf hashes), by its recursive
/// definition. For fixtures (what a log answers to `get-proof-by-hash`).
pub fn audit_path(leaves: &[Hash], m: usize) -> Vec<Hash> {
    if leaves.len() <= 1 {
        return Vec::new();
    }
    let k = split(leaves.len() as u64) as usize;
    let (mut path, sibling) =
        if m < k { (audit_path(&leaves[..k], m), root_of(&leaves[k..])) } else { (audit_path(&leaves[k..], m - k), root_of(&leaves[..k])) };
    path.push(sibling);
    path
}

/// RFC 6962 §2.1.2's consistency proof from the first `m` of `leaves` to all of them, by its
/// recursive definition (SUBPROOF). For fixtures (what a log answers to `get-sth-consistency`).
pub fn consistency_proof(leaves: &[Hash], m: usize) -> Vec<Hash> {
    fn subproof(m: usize, d: &[Hash], complete: bool) -> Vec<Hash> {
        let n = d.len();
        if m == n {
            return if complete { Vec::new() } else { vec![root_of(d)] };
        }
        let k = split(n as u64) as usize;
        let mut p;
        if m <= k {
            p = subproof(m, &d[..k], complete);
            p.push(root_of(&d[k..]));
        } else {
            p = subproof(m - k, &d[k..], false);
            p.push(root_of(&d[..k]));
        }
        p
    }
    if m == 0 || m >= leaves.len() { Vec::new() } else { subproof(m, leaves, true) }
}
