//! Parser tests: certificates and precertificates made by a throwaway rcgen CA, tiles and
//! checkpoints made and signed here, and the malformed answers a broken or lying log sends.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, Ed25519KeyPair, KeyPair};
use x509_parser::prelude::FromDer;

use super::*;

const ORIGIN: &str = "ct.example.test/log2026";
const P256_SPKI_PREFIX: &str = "3059301306072a8648ce3d020106082a8648ce3d030107034200";

struct Ca {
    issuer: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
}

impl Ca {
    fn new() -> Ca {
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name.push(rcgen::DnType::CommonName, "Throwaway CT Test CA");
        Ca { issuer: rcgen::CertifiedIssuer::self_signed(p, rcgen::KeyPair::generate().unwrap()).unwrap() }
    }

    /// A certificate for `names` with CN `cn`; returns its DER and its TBSCertificate DER.
    fn issue(&self, cn: &str, names: &[&str], serial: u64) -> (Vec<u8>, Vec<u8>) {
        let mut p = rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
        p.distinguished_name.push(rcgen::DnType::CommonName, cn);
        p.serial_number = Some(rcgen::SerialNumber::from(serial.to_be_bytes().to_vec()));
        let cert = p.signed_by(&rcgen::KeyPair::generate().unwrap(), &self.issuer).unwrap();
        let der = cert.der().to_vec();
        let (_, x) = x509_parser::certificate::X509Certificate::from_der(&der).unwrap();
        let tbs = x.tbs_certificate.as_ref().to_vec();
        (der, tbs)
    }
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

struct Signer {
    key: EcdsaKeyPair,
    rng: SystemRandom,
}

impl Signer {
    fn new() -> Signer {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        Signer { key: EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).unwrap(), rng }
    }

    fn spki_b64(&self) -> String {
        let mut der = hex(P256_SPKI_PREFIX);
        der.extend_from_slice(self.key.public_key().as_ref());
        B64.encode(der)
    }

    fn log_key(&self) -> LogKey {
        LogKey::parse(ORIGIN, &self.spki_b64()).unwrap()
    }

    fn digitally_signed(&self, ts: u64, size: u64, root: &[u8; 32]) -> Vec<u8> {
        let sig = self.key.sign(&self.rng, &tree_head_message(ts, size, root)).unwrap();
        let mut out = vec![4, 3];
        out.extend_from_slice(&(sig.as_ref().len() as u16).to_be_bytes());
        out.extend_from_slice(sig.as_ref());
        out
    }

    fn checkpoint(&self, size: u64, root: &[u8; 32]) -> String {
        let id = key_id_rfc6962(&self.spki_b64());
        let ts = 1_780_000_000_000u64;
        let mut sig = id.to_vec();
        sig.extend_from_slice(&ts.to_be_bytes());
        sig.extend_from_slice(&self.digitally_signed(ts, size, root));
        format!("{ORIGIN}\n{size}\n{}\n\n\u{2014} {ORIGIN} {}\n", B64.encode(root), B64.encode(sig))
    }
}

fn key_id_rfc6962(spki_b64: &str) -> [u8; 4] {
    use sha2::{Digest, Sha256};
    let log_id = Sha256::digest(B64.decode(spki_b64).unwrap());
    let d = Sha256::digest([ORIGIN.as_bytes(), b"\n\x05", log_id.as_slice()].concat());
    [d[0], d[1], d[2], d[3]]
}

fn names(e: &Entry) -> Vec<&str> {
    e.names.as_ref().map(|n| n.names.iter().map(String::as_str).collect()).unwrap_or_default()
}

#[test]
fn tile_leaves_give_every_name_of_certs_and_precerts() {
    let ca = Ca::new();
    let (cert, tbs) = ca.issue("laposte-colis-frais.top", &["*.LaPoste-Colis-Frais.top", "laposte-colis-frais.top", "www.example.org"], 7);
    let mut tile = encode_tile_leaf(1, &cert, None, &[[9; 32]]);
    tile.extend(encode_tile_leaf(2, &tbs, Some((&[1; 32], &cert)), &[]));
    let got = parse_data_tile(&tile, 3, 2).unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!((got[0].index, got[0].precert, got[1].index, got[1].precert), (768, false, 769, true));
    assert_eq!(names(&got[0]), ["laposte-colis-frais.top", "www.example.org"]);
    assert_eq!(names(&got[0]), names(&got[1]));
    // The precertificate and its final certificate are one certificate for de-duplication.
    let (a, b) = (got[0].names.as_ref().unwrap(), got[1].names.as_ref().unwrap());
    assert_eq!(a.key, b.key);
    let mut d = Dedup::new(10);
    assert!(d.first(&a.key));
    assert!(!d.first(&b.key));
    let (other, _) = ca.issue("x.example.org", &["x.example.org"], 8);
    assert_ne!(cert_names(&other).unwrap().key, a.key);
}

#[test]
fn gzip_tiles_are_accepted_and_truncated_gzip_is_an_error() {
    use std::io::Write;
    let ca = Ca::new();
    let (cert, _) = ca.issue("correos-aduana.xyz", &["correos-aduana.xyz"], 1);
    let tile = encode_tile_leaf(1, &cert, None, &[]);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&tile).unwrap();
    let gz = gz.finish().unwrap();
    assert_eq!(names(&parse_data_tile(&gz, 0, 1).unwrap()[0]), ["correos-aduana.xyz"]);
    assert!(matches!(parse_data_tile(&gz[..gz.len() - 9], 0, 1), Err(CtError::Gzip(_))));
}

#[test]
fn tiles_of_the_wrong_size_or_broken_framing_are_refused() {
    let ca = Ca::new();
    let (cert, _) = ca.issue("a.example.org", &["a.example.org"], 1);
    let one = encode_tile_leaf(1, &cert, None, &[]);
    let two = [one.clone(), one.clone()].concat();
    assert_eq!(parse_data_tile(&one, 0, 2), Err(CtError::WrongSize { expected: 2, found: 1 }));
    assert_eq!(parse_data_tile(&two, 0, 1), Err(CtError::WrongSize { expected: 1, found: 2 }));
    for cut in [1, 9, 12, one.len() - 1] {
        assert!(matches!(parse_data_tile(&one[..cut], 0, 1), Err(CtError::Entry { index: 0, .. })), "cut at {cut}");
    }
    assert_eq!(parse_data_tile(&[], 0, 0), Ok(vec![]));
}

#[test]
fn an_unparsable_certificate_is_an_entry_without_names() {
    let tile = encode_tile_leaf(5, b"not a certificate", None, &[]);
    let got = parse_data_tile(&tile, 0, 1).unwrap();
    assert_eq!((got[0].timestamp, got[0].names.is_none()), (5, true));
}

#[test]
fn tile_paths_follow_the_spec() {
    let check = |n, w, expected: &str| assert_eq!(data_tile_path(n, w), expected);
    check(0, 256, "tile/data/000");
    check(67, 256, "tile/data/067");
    check(1234067, 256, "tile/data/x001/x234/067");
    check(1000, 12, "tile/data/x001/000.p/12");
}

#[test]
fn names_tiles_give_the_names_and_count_a_precert_and_its_cert_once() {
    let line =
        |ts: u64, cn: &str, dns: &[&str]| serde_json::json!({"Timestamp": ts, "Subject": {"CommonName": cn}, "DNS": dns}).to_string();
    let tile = [
        line(1753375092043, "laposte-colis.top", &["laposte-colis.top", "*.LaPoste-Colis.top"]),
        line(1753375092044, "laposte-colis.top", &["*.laposte-colis.top", "laposte-colis.top"]),
        // A subject without a CN, and a line that is not a trimmed entry.
        r#"{"Timestamp": 5, "DNS": ["correos-aduana.xyz"], "IP": ["192.0.2.1"]}"#.to_string(),
        "not json".to_string(),
    ]
    .join("\n");
    let got = parse_names_tile(tile.as_bytes(), 2, 4).unwrap();
    assert_eq!(got.iter().map(|e| e.index).collect::<Vec<_>>(), [512, 513, 514, 515]);
    assert_eq!(names(&got[0]), ["laposte-colis.top"]);
    assert_eq!(got[0].timestamp, 1753375092043);
    assert_eq!(got[0].names.as_ref().unwrap().key, got[1].names.as_ref().unwrap().key, "same names: one certificate");
    assert_eq!(names(&got[2]), ["correos-aduana.xyz"]);
    assert!(got[3].names.is_none(), "a broken line is an entry without names");
    assert_eq!(parse_names_tile(tile.as_bytes(), 2, 5), Err(CtError::WrongSize { expected: 5, found: 4 }));
    assert_eq!(names_tile_path(1234067, 256), "tile/names/x001/x234/067");
    assert_eq!(names_tile_path(3, 10), "tile/names/003.p/10");
}

#[test]
fn checkpoints_verify_with_the_logs_key_only() {
    let s = Signer::new();
    let root = [7u8; 32];
    let text = s.checkpoint(300, &root);
    let cp = s.log_key().verify_checkpoint(text.as_bytes()).unwrap();
    assert_eq!((cp.origin.as_str(), cp.size, cp.root, cp.timestamp), (ORIGIN, 300, root, Some(1_780_000_000_000)));
    // Another key, a changed size, a foreign origin, a mangled signature.
    assert_eq!(Signer::new().log_key().verify_checkpoint(text.as_bytes()).unwrap_err(), CtError::NoSignature);
    let lied = text.replacen("\n300\n", "\n301\n", 1);
    assert_eq!(s.log_key().verify_checkpoint(lied.as_bytes()).unwrap_err(), CtError::BadSignature);
    let other = LogKey::parse("other.test/log", &s.spki_b64()).unwrap();
    assert!(matches!(other.verify_checkpoint(text.as_bytes()), Err(CtError::Checkpoint(_))));
    for bad in ["", "x\n1\n", "o\nten\nAAAA\n\n", &text[..text.len() / 2]] {
        assert!(s.log_key().verify_checkpoint(bad.as_bytes()).is_err(), "{bad:?}");
    }
}

#[test]
fn ed25519_checkpoints_verify() {
    use sha2::{Digest, Sha256};
    let pkcs8 = Ed25519KeyPair::generate_pkcs8(&SystemRandom::new()).unwrap();
    let kp = Ed25519KeyPair::from_pkcs8(pkcs8.as_ref()).unwrap();
    let mut spki = hex("302a300506032b6570032100");
    spki.extend_from_slice(kp.public_key().as_ref());
    let key = LogKey::parse(ORIGIN, &format!("-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n", B64.encode(&spki))).unwrap();
    let body = format!("{ORIGIN}\n5\n{}\n", B64.encode([3u8; 32]));
    let d = Sha256::digest([ORIGIN.as_bytes(), b"\n\x01", kp.public_key().as_ref()].concat());
    let sig = [&d[..4], kp.sign(body.as_bytes()).as_ref()].concat();
    let text = format!("{body}\n\u{2014} {ORIGIN} {}\n", B64.encode(sig));
    assert_eq!(key.verify_checkpoint(text.as_bytes()).unwrap().size, 5);
}

#[test]
fn keys_that_are_not_p256_or_ed25519_are_refused() {
    for bad in ["", "not base64!", "AAAA", &B64.encode(hex("302a300506032b6571032100"))] {
        assert!(matches!(LogKey::parse(ORIGIN, bad), Err(CtError::Key(_))), "{bad}");
    }
}

#[test]
fn a_log_never_shrinks_or_forks() {
    assert_eq!(check_advance(None, 5, &[1; 32]), Ok(()));
    assert_eq!(check_advance(Some((5, [1; 32])), 5, &[1; 32]), Ok(()));
    assert_eq!(check_advance(Some((5, [1; 32])), 9, &[2; 32]), Ok(()));
    assert_eq!(check_advance(Some((5, [1; 32])), 4, &[1; 32]), Err(CtError::Shrank { old: 5, new: 4 }));
    assert_eq!(check_advance(Some((5, [1; 32])), 5, &[2; 32]), Err(CtError::Forked { size: 5 }));
}

#[test]
fn rfc6962_answers_parse_and_verify() {
    let s = Signer::new();
    let ca = Ca::new();
    let root = [4u8; 32];
    let sig = s.digitally_signed(99, 2, &root);
    let sth =
        serde_json::json!({"tree_size": 2, "timestamp": 99, "sha256_root_hash": B64.encode(root), "tree_head_signature": B64.encode(&sig)});
    let got = rfc6962::parse_sth(sth.to_string().as_bytes(), &s.log_key()).unwrap();
    assert_eq!((got.size, got.timestamp, got.root), (2, 99, root));
    let lied =
        serde_json::json!({"tree_size": 3, "timestamp": 99, "sha256_root_hash": B64.encode(root), "tree_head_signature": B64.encode(&sig)});
    assert_eq!(rfc6962::parse_sth(lied.to_string().as_bytes(), &s.log_key()), Err(CtError::BadSignature));

    let (cert, tbs) = ca.issue("royalmail-redelivery.top", &["royalmail-redelivery.top"], 3);
    let entries = serde_json::json!({"entries": [
        {"leaf_input": B64.encode(encode_merkle_tree_leaf(1, &cert, None)), "extra_data": ""},
        {"leaf_input": B64.encode(encode_merkle_tree_leaf(2, &tbs, Some(&[0; 32]))), "extra_data": B64.encode(&cert)},
    ]})
    .to_string();
    let got = rfc6962::parse_entries(entries.as_bytes(), 10, 32).unwrap();
    assert_eq!((got[1].index, got[1].precert), (11, true));
    assert_eq!(names(&got[1]), ["royalmail-redelivery.top"]);
    // Fewer than asked is fine (a capped batch); more than asked, none, or junk is not.
    assert!(matches!(rfc6962::parse_entries(entries.as_bytes(), 10, 1), Err(CtError::WrongSize { .. })));
    assert!(matches!(rfc6962::parse_entries(br#"{"entries": []}"#, 0, 5), Err(CtError::WrongSize { .. })));
    assert!(matches!(rfc6962::parse_entries(b"{", 0, 5), Err(CtError::Json(_))));
    let bad = br#"{"entries": [{"leaf_input": "AAE=", "extra_data": ""}]}"#;
    assert!(matches!(rfc6962::parse_entries(bad, 0, 5), Err(CtError::Entry { .. })));
}

#[test]
fn dedup_forgets_the_oldest_and_round_trips_its_state() {
    let mut d = Dedup::new(2);
    let k = |b: u8| [b; 32];
    assert!(d.first(&k(1)) && d.first(&k(2)) && d.first(&k(3)));
    assert!(d.first(&k(1)), "the oldest key was forgotten");
    let mut e = Dedup::new(2);
    e.import(&[d.export(), vec![1, 2, 3]].concat());
    assert!(!e.first(&k(3)) && !e.first(&k(1)));
}

#[test]
fn random_bytes_never_panic() {
    // A cheap stand-in for the fuzz target: every prefix and bit flip of a valid tile.
    let ca = Ca::new();
    let (cert, tbs) = ca.issue("a.example.org", &["a.example.org"], 1);
    let tile = [encode_tile_leaf(1, &cert, None, &[]), encode_tile_leaf(2, &tbs, Some((&[1; 32], &cert)), &[[2; 32]])].concat();
    for i in 0..tile.len() {
        let _ = parse_data_tile(&tile[..i], 0, 2);
        let mut flipped = tile.clone();
        flipped[i] ^= 0x5a;
        let _ = parse_data_tile(&flipped, 0, 2);
        let _ = parse_merkle_tree_leaf(&flipped[..i], 0);
    }
}
