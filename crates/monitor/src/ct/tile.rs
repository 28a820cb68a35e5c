//! static-ct-api data tiles: their paths and their run of `TileLeaf` records.

use super::{CtError, Entry, MAX_TILE_BYTES, gunzip_if_needed, leaf};

/// Entries in a full tile.
pub const TILE_WIDTH: u64 = 256;

/// The path of data tile `n` (`tile/data/x001/x234/067`), partial (`.p/<width>`) when `width`
/// is below [`TILE_WIDTH`].
pub fn data_tile_path(n: u64, width: u64) -> String {
    let digits = n.to_string();
    let pad = (3 - digits.len() % 3) % 3;
    let padded = format!("{}{digits}", "0".repeat(pad));
    let groups: Vec<&str> = padded.as_bytes().chunks(3).filter_map(|c| std::str::from_utf8(c).ok()).collect();
    let last = groups.len() - 1;
    let mut path = String::from("tile/data");
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
    let bytes = gunzip_if_needed(bytes, MAX_TILE_BYTES)?;
    let mut r = leaf::Reader::new(&bytes);
    let first = n.saturating_mul(TILE_WIDTH);
    let mut entries = Vec::with_capacity(width.min(TILE_WIDTH) as usize);
    while !r.is_empty() {
        let index = first + entries.len() as u64;
        if entries.len() as u64 == width {
            return Err(CtError::WrongSize { expected: width, found: width + 1 });
        }
        entries.push(leaf::read_tile_leaf(&mut r, index)?);
    }
    if entries.len() as u64 != width {
        return Err(CtError::WrongSize { expected: width, found: entries.len() as u64 });
    }
    Ok(entries)
}
