//! Fuzz the CT parsers (data tiles, gzip, MerkleTreeLeaf, get-entries, checkpoints): errors or
//! entries without names, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use monitor::ct;

/// An Ed25519 SubjectPublicKeyInfo with an all-zero key: it parses, nothing verifies with it.
const KEY: &str = "MCowBQYDK2VwAyEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

fuzz_target!(|data: &[u8]| {
    let Some((&width, rest)) = data.split_first() else { return };
    let _ = ct::parse_data_tile(rest, 3, u64::from(width));
    let _ = ct::parse_merkle_tree_leaf(rest, 0);
    let _ = ct::rfc6962::parse_entries(rest, 0, u64::from(width));
    if let Ok(key) = ct::LogKey::parse("fuzz.test/log", KEY) {
        let _ = key.verify_checkpoint(rest);
        let _ = ct::rfc6962::parse_sth(rest, &key);
    }
    let _ = ct::gunzip_if_needed(rest, 1 << 20);
});
