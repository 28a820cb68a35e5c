//! The TLS-encoded leaves both APIs share: RFC 6962 `MerkleTreeLeaf` (in `leaf_input`) and
//! static-ct-api `TileLeaf` (in data tiles), both around a `TimestampedEntry`.

use super::{CtError, Entry, names};

const X509_ENTRY: u16 = 0;
const PRECERT_ENTRY: u16 = 1;

/// Parses an RFC 6962 `MerkleTreeLeaf` (v1, `timestamped_entry`) as entry `index`.
pub fn parse_merkle_tree_leaf(bytes: &[u8], index: u64) -> Result<Entry, CtError> {
    let mut r = Reader::new(bytes);
    let bad = |what| CtError::Entry { index, what };
    if r.u8().ok_or(bad("truncated"))? != 0 {
        return Err(bad("unknown MerkleTreeLeaf version"));
    }
    if r.u8().ok_or(bad("truncated"))? != 0 {
        return Err(bad("unknown MerkleTreeLeaf type"));
    }
    let entry = read_timestamped_entry(&mut r, index)?;
    if !r.is_empty() {
        return Err(bad("trailing bytes after the leaf"));
    }
    Ok(entry)
}

/// Encodes a `MerkleTreeLeaf` for a certificate (`issuer_key_hash` `None`) or a precertificate's
/// TBSCertificate: what a log puts in `leaf_input`. For fixtures and fuzzing.
pub fn encode_merkle_tree_leaf(timestamp: u64, der: &[u8], issuer_key_hash: Option<&[u8; 32]>) -> Vec<u8> {
    let mut out = vec![0, 0];
    encode_timestamped_entry(&mut out, timestamp, der, issuer_key_hash);
    out
}

/// Encodes a static-ct-api `TileLeaf`. For a precertificate, `der` is its TBSCertificate and
/// `pre_certificate` the whole precertificate; `chain` are the issuers' SHA-256 fingerprints.
pub fn encode_tile_leaf(timestamp: u64, der: &[u8], precert: Option<(&[u8; 32], &[u8])>, chain: &[[u8; 32]]) -> Vec<u8> {
    let mut out = Vec::new();
    encode_timestamped_entry(&mut out, timestamp, der, precert.map(|(h, _)| h));
    if let Some((_, pre)) = precert {
        put_u24_bytes(&mut out, pre);
    }
    let len = (chain.len() * 32) as u16;
    out.extend_from_slice(&len.to_be_bytes());
    for fp in chain {
        out.extend_from_slice(fp);
    }
    out
}

fn encode_timestamped_entry(out: &mut Vec<u8>, timestamp: u64, der: &[u8], issuer_key_hash: Option<&[u8; 32]>) {
    out.extend_from_slice(&timestamp.to_be_bytes());
    match issuer_key_hash {
        None => out.extend_from_slice(&X509_ENTRY.to_be_bytes()),
        Some(h) => {
            out.extend_from_slice(&PRECERT_ENTRY.to_be_bytes());
            out.extend_from_slice(h);
        }
    }
    put_u24_bytes(out, der);
    out.extend_from_slice(&[0, 0]); // no CtExtensions
}

fn put_u24_bytes(out: &mut Vec<u8>, b: &[u8]) {
    let len = b.len() as u32;
    out.extend_from_slice(&len.to_be_bytes()[1..]);
    out.extend_from_slice(b);
}

/// Reads one `TileLeaf`: its entry and the bytes of its `TimestampedEntry` (what the Merkle
/// leaf hashes).
pub(super) fn read_tile_leaf<'a>(r: &mut Reader<'a>, index: u64) -> Result<(Entry, &'a [u8]), CtError> {
    let start = r.rest;
    let entry = read_timestamped_entry(r, index)?;
    let timestamped = &start[..start.len() - r.rest.len()];
    let bad = |what| CtError::Entry { index, what };
    if entry.precert {
        r.u24_bytes().ok_or(bad("truncated pre_certificate"))?;
    }
    let chain = r.u16_bytes().ok_or(bad("truncated certificate_chain"))?;
    if chain.len() % 32 != 0 {
        return Err(bad("certificate_chain is not a run of SHA-256 fingerprints"));
    }
    Ok((entry, timestamped))
}

fn read_timestamped_entry(r: &mut Reader<'_>, index: u64) -> Result<Entry, CtError> {
    let bad = |what| CtError::Entry { index, what };
    let timestamp = r.u64().ok_or(bad("truncated timestamp"))?;
    let kind = r.u16().ok_or(bad("truncated entry type"))?;
    let (precert, names) = match kind {
        X509_ENTRY => (false, names::cert_names(r.u24_bytes().ok_or(bad("truncated certificate"))?)),
        PRECERT_ENTRY => {
            r.take(32).ok_or(bad("truncated issuer_key_hash"))?;
            (true, names::tbs_names(r.u24_bytes().ok_or(bad("truncated TBSCertificate"))?))
        }
        _ => return Err(bad("unknown entry type")),
    };
    r.u16_bytes().ok_or(bad("truncated extensions"))?;
    Ok(Entry { index, timestamp, precert, names })
}

/// A cursor over TLS presentation-language bytes; every read is bounds-checked.
pub(super) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.rest.len() < n {
            return None;
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Some(head)
    }

    fn uint(&mut self, n: usize) -> Option<u64> {
        Some(self.take(n)?.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b)))
    }

    pub(super) fn u8(&mut self) -> Option<u8> {
        self.uint(1).map(|v| v as u8)
    }

    pub(super) fn u16(&mut self) -> Option<u16> {
        self.uint(2).map(|v| v as u16)
    }

    pub(super) fn u64(&mut self) -> Option<u64> {
        self.uint(8)
    }

    pub(super) fn u16_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.uint(2)? as usize;
        self.take(n)
    }

    fn u24_bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.uint(3)? as usize;
        self.take(n)
    }
}
