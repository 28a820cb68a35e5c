//! static-ct-api data tiles: their paths and their run of `TileLeaf` records.

use super::merkle::{self, Hash};
use super::{CtError, Entry, MAX_TILE_BYTES, gunzip_if_needed, leaf};

/// Entries in a full tile.
pub const TILE_WIDTH: u64 = 256;

/// The path of data tile `n` (`tile/data/x001/x234/067`), partial (`.p/<width>`) when `width`
/// is below [`TILE_WIDTH`].
pub fn data_tile_path(n: u64, width: u64) -> String {
    tile_path("tile/data", n, width)
}

/// The path of the names tile (`tile/names/...`, Sunlight's unauthenticated extension) that
/// lists the names of data tile `n`'s entries.
pub fn names_tile_path(n: u64, width: u64) -> String {
    tile_path("tile/names", n, width)
}

pub(super) fn tile_path(prefix: &str, n: u64, width: u64) -> String {
    let digits = n.to_string();
    let pad = (3 - digits.len() % 3) % 3;
    let padded = format!("{}{digits}", "0".repeat(pad));
    let groups: Vec<&str> = padded.as_bytes().chunks(3).filter_map(|c| std::str::from_utf8(c).ok()).collect();
    let last = groups.len() - 1;
    let mut path = String::from(prefix);
    for (i, g) in groups.iter().enumerate() {
        path.push('/');
        if i < last {
            path.push('x');
        }
        path.push_str(g);
    }
    if width < TILE_WIDTH {
        path.push_str(&format!(".p/{width}"));
    }
    path
}

/// Parses data tile `n` of `width` entries (gzip accepted). A tile with more or fewer whole
/// entries than `width` is refused: a log that serves it is broken or lying.
pub fn parse_data_tile(bytes: &[u8], n: u64, width: u64) -> Result<Vec<Entry>, CtError> {
    parse_data_tile_hashed(bytes, n, width).map(|(entries, _)| entries)
}

/// [`parse_data_tile`], with each entry's Merkle leaf hash (of the `MerkleTreeLeaf` around
/// its `TimestampedEntry`), for checking the tile against the checkpoint's root.
pub fn parse_data_tile_hashed(bytes: &[u8], n: u64, width: u64) -> Result<(Vec<Entry>, Vec<Hash>), CtError> {
    let bytes = gunzip_if_needed(bytes, MAX_TILE_BYTES)?;
    let mut r = leaf::Reader::new(&bytes);
    let first = n.saturating_mul(TILE_WIDTH);
    let mut entries = Vec::with_capacity(width.min(TILE_WIDTH) as usize);
    let mut hashes = Vec::with_capacity(entries.capacity());
    while !r.is_empty() {
        let index = first + entries.len() as u64;
        if entries.len() as u64 == width {
            return Err(CtError::WrongSize { expected: width, found: width + 1 });
        }
        let (entry, timestamped) = leaf::read_tile_leaf(&mut r, index)?;
        hashes.push(merkle::timestamped_entry_hash(timestamped));
        entries.push(entry);
    }
    if entries.len() as u64 != width {
        return Err(CtError::WrongSize { expected: width, found: entries.len() as u64 });
    }
    Ok((entries, hashes))
}

/// One line of a names tile: Sunlight's `TrimmedEntry` JSON.
#[derive(serde::Deserialize)]
struct TrimmedEntry {
    #[serde(rename = "Timestamp")]
    timestamp: u64,
    #[serde(rename = "Subject", default)]
    subject: TrimmedSubject,
    #[serde(rename = "DNS", default)]
    dns: Vec<String>,
}

#[derive(serde::Deserialize, Default)]
struct TrimmedSubject {
    #[serde(rename = "CommonName", default)]
    common_name: String,
}

/// Parses names tile `n` of `width` entries: one JSON object per line (gzip accepted), each the
/// timestamp, subject CN and DNS SANs of the data tile's entry at the same position. A line
/// that is not such an object is an entry without names (counted, skipped); another number of
/// lines than `width` refuses the tile.
pub fn parse_names_tile(bytes: &[u8], n: u64, width: u64) -> Result<Vec<Entry>, CtError> {
    let bytes = gunzip_if_needed(bytes, MAX_TILE_BYTES)?;
    let first = n.saturating_mul(TILE_WIDTH);
    let lines: Vec<&[u8]> = bytes.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).collect();
    if lines.len() as u64 != width {
        return Err(CtError::WrongSize { expected: width, found: lines.len() as u64 });
    }
    let entries = lines.iter().enumerate().map(|(i, line)| {
        let index = first + i as u64;
        match serde_json::from_slice::<TrimmedEntry>(line) {
            Ok(t) => {
                let cn = [t.subject.common_name.as_str()];
                let sans: Vec<&str> = t.dns.iter().map(String::as_str).collect();
                let names = super::names::names_of(&cn, &sans);
                let not_before = i64::try_from(t.timestamp / 1000).unwrap_or(i64::MAX);
                let key = super::names::names_key(&names);
                Entry {
                    index,
                    timestamp: t.timestamp,
                    precert: false,
                    names: Some(super::CertNames { key, names, not_before, issuer: None }),
                }
            }
            Err(_) => Entry { index, timestamp: 0, precert: false, names: None },
        }
    });
    Ok(entries.collect())
}
