//! Merkle checks against a reference tree computed the slow way (RFC 6962's MTH over the whole
//! list), with logs that tamper with a leaf, a hash tile or a proof.

use sha2::{Digest, Sha256};

use super::merkle::*;
use super::{CtError, SignedTreeHead, TILE_WIDTH};

fn leaves(n: usize) -> Vec<Hash> {
    (0..n).map(|i| leaf_hash(format!("leaf {i}").as_bytes())).collect()
}

/// MTH by the RFC's definition, independent of `root_of`'s splitting helper.
fn reference_root(d: &[Hash]) -> Hash {
    match d.len() {
        0 => Sha256::digest([]).into(),
        1 => d[0],
        n => {
            let mut k = 1;
            while k * 2 < n {
                k *= 2;
            }
            let mut h = Sha256::new();
            h.update([1u8]);
            h.update(reference_root(&d[..k]));
            h.update(reference_root(&d[k..]));
            h.finalize().into()
        }
    }
}

fn tiles_of(leaves: &[Hash]) -> HashTiles {
    let mut t = HashTiles::default();
    for (r, hashes) in hash_tiles(leaves) {
        t.insert(r, &hashes.concat()).unwrap();
    }
    t
}

#[test]
fn leaf_and_node_hashes_are_rfc_6962s() {
    let leaf = b"\x00\x00leaf";
    assert_eq!(leaf_hash(leaf), <[u8; 32]>::from(Sha256::digest(b"\x00\x00\x00leaf")));
    assert_eq!(timestamped_entry_hash(b"leaf"), leaf_hash(leaf));
    let (a, b) = ([1u8; 32], [2u8; 32]);
    assert_eq!(node_hash(&a, &b), <[u8; 32]>::from(Sha256::digest([&[1u8][..], &a, &b].concat())));
    for n in 0..70 {
        assert_eq!(root_of(&leaves(n)), reference_root(&leaves(n)), "{n} leaves");
    }
}

#[test]
fn every_data_tile_of_a_tree_reaches_its_root_through_the_hash_tiles() {
    // Two levels of full tiles and a partial tile at each level.
    for size in [1usize, 255, 256, 257, 3 * 256 + 17, 256 * 256 + 5 * 256 + 3] {
        let all = leaves(size);
        let root = reference_root(&all);
        let tiles = tiles_of(&all);
        for (n, chunk) in all.chunks(TILE_WIDTH as usize).enumerate() {
            let start = n as u64 * TILE_WIDTH;
            assert_eq!(tiles.root(size as u64, size as u64, start, chunk), Ok(root), "size {size}, tile {n}");
            let mut forged = chunk.to_vec();
            forged[chunk.len() / 2][0] ^= 1;
            assert_ne!(tiles.root(size as u64, size as u64, start, &forged), Ok(root), "size {size}, tile {n}");
        }
    }
}

#[test]
fn an_old_root_is_recomputed_from_the_new_trees_tiles_and_a_rewrite_is_caught() {
    let all = leaves(3 * 256 + 40);
    let new = all.len() as u64;
    let tiles = tiles_of(&all);
    for old in [1usize, 100, 256, 300, 512, 3 * 256 + 39] {
        assert_eq!(tiles.root(old as u64, new, 0, &[]), Ok(reference_root(&all[..old])), "old size {old}");
    }
    // The log rewrote entry 5 and re-published its tiles: the old root is not reached.
    let mut rewritten = all.clone();
    rewritten[5] = leaf_hash(b"another certificate");
    let tiles = tiles_of(&rewritten);
    assert_ne!(tiles.root(300, new, 0, &[]), Ok(reference_root(&all[..300])));
}

#[test]
fn a_missing_or_malformed_hash_tile_is_named_or_refused() {
    let all = leaves(600);
    let mut tiles = HashTiles::default();
    assert!(matches!(tiles.root(600, 600, 0, &all[..256]), Err(Lookup::Missing(_))));
    let t = TileRef { level: 0, index: 2, width: 88 };
    assert_eq!(t.path(false), "tile/0/002.p/88");
    assert_eq!(t.path(true), "tile/0/002");
    assert_eq!(TileRef { level: 2, index: 1234, width: 256 }.path(false), "tile/2/x001/234");
    assert_eq!(tiles.insert(t, &[0u8; 31 * 32]), Err(CtError::WrongSize { expected: 88, found: 31 }));
    assert_eq!(tiles.insert(t, &[0u8; 33]), Err(CtError::WrongSize { expected: 88, found: 1 }));
    // The full tile stands for its partial prefix (a log may delete partial tiles).
    let full: Vec<u8> = leaves(768)[512..].concat();
    tiles.insert(t, &full).unwrap();
    let fetched = with_tiles(
        &mut tiles,
        |t| t.root(600, 600, 0, &all[..256]),
        |t| {
            let (_, h) = hash_tiles(&all).into_iter().find(|(r, _)| r == t).unwrap();
            Ok::<_, CtError>(h.concat())
        },
    );
    // The full tile's prefix equals the partial tile (same leaves): the root matches.
    assert_eq!(fetched, Ok(reference_root(&all)));
}

#[test]
fn a_batch_is_checked_whole_with_the_audit_paths_of_its_ends() {
    for size in [1usize, 2, 7, 64, 100, 255] {
        let all = leaves(size);
        let head = SignedTreeHead { size: size as u64, timestamp: 0, root: reference_root(&all) };
        for (start, len) in [(0, size), (0, 1), (size - 1, 1), (size / 3, size / 2 + 1), (size / 2, size - size / 2)] {
            let batch = &all[start..start + len];
            let (first, last) = (audit_path(&all, start), audit_path(&all, start + len - 1));
            assert_eq!(verify_batch_for(&head, start, batch, &first, &last), Ok(()), "size {size}, {start}+{len}");
            if len > 2 {
                // A leaf inside the batch, covered by neither path, is still checked.
                let mut forged = batch.to_vec();
                forged[len / 2][3] ^= 1;
                assert!(verify_batch_for(&head, start, &forged, &first, &last).is_err(), "size {size}, {start}+{len}");
            }
            if len < size {
                // Nodes covered by the batch are not needed; the others are, so a log that
                // lies in every node of both paths is caught.
                let flip = |p: &[Hash]| p.iter().map(|h| node_hash(h, h)).collect::<Vec<_>>();
                assert!(verify_batch_for(&head, start, batch, &flip(&first), &flip(&last)).is_err(), "size {size}, {start}+{len}");
                assert!(verify_batch_for(&head, start, batch, &first[1..], &last).is_err());
            }
        }
    }
}

fn verify_batch_for(head: &SignedTreeHead, start: usize, batch: &[Hash], first: &[Hash], last: &[Hash]) -> Result<(), CtError> {
    super::rfc6962::verify_batch(head, start as u64, batch, first, last)
}

#[test]
fn consistency_proofs_verify_and_forks_do_not() {
    let all = leaves(70);
    for new in 1..=all.len() {
        let new_root = reference_root(&all[..new]);
        for old in 1..=new {
            let old_root = reference_root(&all[..old]);
            let proof = consistency_proof(&all[..new], old);
            assert_eq!(verify_consistency(old as u64, &old_root, new as u64, &new_root, &proof), Ok(()), "{old} -> {new}");
            if old < new {
                let mut forked = all[..new].to_vec();
                forked[old - 1] = leaf_hash(b"rewritten");
                let lying = consistency_proof(&forked, old);
                let forked_root = reference_root(&forked);
                assert!(verify_consistency(old as u64, &old_root, new as u64, &forked_root, &lying).is_err(), "{old} -> {new}");
                assert!(verify_consistency(old as u64, &old_root, new as u64, &new_root, &proof[1..]).is_err(), "{old} -> {new}");
            }
        }
    }
    let r = reference_root(&all[..5]);
    assert_eq!(verify_consistency(6, &r, 5, &r, &[]), Err(CtError::Shrank { old: 6, new: 5 }));
    assert_eq!(verify_consistency(5, &r, 5, &[0; 32], &[]), Err(CtError::Forked { size: 5 }));
}
