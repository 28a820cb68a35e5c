//! `postern watch --ct` end to end: a throwaway CA issues certificates and precertificates for
//! planted look-alikes and benign names; the test writes them as a static-ct-api log (tiles and
//! a signed checkpoint, served by a real static file server on 127.0.0.1) and as an RFC 6962 log
//! (a small loopback JSON server: that API is not static files), and runs the real binary.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use monitor::ct;
use ring::rand::SystemRandom;
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
use sha2::{Digest, Sha256};

const P256_SPKI_PREFIX: [u8; 26] = [
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01,
    0x07, 0x03, 0x42, 0x00,
];

/// One logged certificate: its DER and its TBSCertificate (what a precert entry carries).
struct Cert {
    der: Vec<u8>,
    tbs: Vec<u8>,
}

struct Ca(rcgen::CertifiedIssuer<'static, rcgen::KeyPair>);

impl Ca {
    fn new() -> Ca {
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.distinguished_name.push(rcgen::DnType::CommonName, "Throwaway CT Test CA");
        Ca(rcgen::CertifiedIssuer::self_signed(p, rcgen::KeyPair::generate().expect("key")).expect("CA"))
    }

    fn issue(&self, names: &[&str]) -> Cert {
        use x509_parser::prelude::FromDer;
        let mut p = rcgen::CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).expect("params");
        p.distinguished_name.push(rcgen::DnType::CommonName, names[0]);
        let der = p.signed_by(&rcgen::KeyPair::generate().expect("key"), &self.0).expect("cert").der().to_vec();
        let (_, x) = x509_parser::certificate::X509Certificate::from_der(&der).expect("parse");
        let tbs = x.tbs_certificate.as_ref().to_vec();
        Cert { der, tbs }
    }
}

/// A log's entries (each certificate as its precertificate, then the final certificate) and
/// its key.
struct Fixture {
    entries: Vec<(u64, Vec<u8>, Option<Vec<u8>>)>,
    key: EcdsaKeyPair,
    rng: SystemRandom,
}

impl Fixture {
    fn new() -> Fixture {
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).expect("pkcs8");
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng).expect("key");
        Fixture { entries: Vec::new(), key, rng }
    }

    fn add(&mut self, c: &Cert) {
        let ts = chrono::Utc::now().timestamp_millis() as u64;
        self.entries.push((ts, c.tbs.clone(), Some(c.der.clone())));
        self.entries.push((ts, c.der.clone(), None));
    }

    fn spki_b64(&self) -> String {
        B64.encode([&P256_SPKI_PREFIX[..], self.key.public_key().as_ref()].concat())
    }

    fn merkle_leaves(&self) -> Vec<Vec<u8>> {
        self.entries.iter().map(|(ts, der, pre)| ct::encode_merkle_tree_leaf(*ts, der, pre.as_ref().map(|_| &[7u8; 32]))).collect()
    }

    fn sign(&self, ts: u64, size: u64, root: &[u8; 32]) -> Vec<u8> {
        let sig = self.key.sign(&self.rng, &ct::tree_head_message(ts, size, root)).expect("sign");
        [&[4u8, 3][..], &(sig.as_ref().len() as u16).to_be_bytes(), sig.as_ref()].concat()
    }

    fn tile_leaves(&self) -> Vec<Vec<u8>> {
        self.entries
            .iter()
            .map(|(ts, der, pre)| ct::encode_tile_leaf(*ts, der, pre.as_ref().map(|p| (&[7u8; 32], p.as_slice())), &[[1; 32]]))
            .collect()
    }

    /// Replaces the certificate logged at entries `at` and `at + 1` (precert and final): a log
    /// rewriting its history.
    fn rewrite(&mut self, at: usize, c: &Cert) {
        let ts = self.entries[at].0;
        self.entries[at] = (ts, c.tbs.clone(), Some(c.der.clone()));
        self.entries[at + 1] = (ts, c.der.clone(), None);
    }

    fn leaf_hashes(&self) -> Vec<ct::merkle::Hash> {
        self.merkle_leaves().iter().map(|l| ct::merkle::leaf_hash(l)).collect()
    }

    /// Writes the data tiles (full ones gzip-compressed, as logs may serve them), the hash
    /// tiles (tlog-tiles `tile/<L>/<N>`) and the checkpoint.
    fn write_static(&self, dir: &Path, origin: &str) {
        let leaves = self.tile_leaves();
        for (n, chunk) in leaves.chunks(ct::TILE_WIDTH as usize).enumerate() {
            let path = dir.join(ct::data_tile_path(n as u64, chunk.len() as u64));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            let raw = chunk.concat();
            let body = if chunk.len() as u64 == ct::TILE_WIDTH { gzip(&raw) } else { raw };
            std::fs::write(path, body).expect("tile");
        }
        for (t, hashes) in ct::merkle::hash_tiles(&self.leaf_hashes()) {
            let path = dir.join(t.path(false));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, hashes.concat()).expect("hash tile");
        }
        let root = merkle_root(&self.merkle_leaves());
        self.write_checkpoint(dir, origin, self.entries.len() as u64, &root);
    }

    /// Signs and publishes a checkpoint for `size` and `root`, whatever the tiles say.
    fn write_checkpoint(&self, dir: &Path, origin: &str, size: u64, root: &[u8; 32]) {
        let ts = chrono::Utc::now().timestamp_millis() as u64;
        let log_id = Sha256::digest(B64.decode(self.spki_b64()).expect("spki"));
        let id = Sha256::digest([origin.as_bytes(), b"\n\x05", log_id.as_slice()].concat());
        let sig = [&id[..4], &ts.to_be_bytes(), &self.sign(ts, size, root)].concat();
        let note = format!("{origin}\n{size}\n{}\n\n\u{2014} {origin} {}\n", B64.encode(root), B64.encode(sig));
        // Written aside and renamed, as a log publishes a checkpoint.
        std::fs::write(dir.join("checkpoint.tmp"), note).expect("checkpoint");
        std::fs::rename(dir.join("checkpoint.tmp"), dir.join("checkpoint")).expect("checkpoint");
    }

    /// Writes names tiles beside the data tiles: one `TrimmedEntry` JSON line per entry.
    fn write_names(&self, dir: &Path) {
        let lines: Vec<String> = self
            .entries
            .iter()
            .map(|(ts, der, pre)| {
                let names = if pre.is_some() { ct::tbs_names(der) } else { ct::cert_names(der) }.expect("names").names;
                serde_json::json!({"Timestamp": ts, "Subject": {"CommonName": names[0]}, "DNS": names}).to_string()
            })
            .collect();
        for (n, chunk) in lines.chunks(ct::TILE_WIDTH as usize).enumerate() {
            let path = dir.join(ct::names_tile_path(n as u64, chunk.len() as u64));
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, gzip(chunk.join("\n").as_bytes())).expect("names tile");
        }
    }

    fn sth(&self) -> String {
        self.sth_with(self.entries.len() as u64, &merkle_root(&self.merkle_leaves()))
    }

    /// A signed tree head for `size` and `root`, whatever the entries say.
    fn sth_with(&self, size: u64, root: &[u8; 32]) -> String {
        let ts = chrono::Utc::now().timestamp_millis() as u64;
        serde_json::json!({"tree_size": size, "timestamp": ts, "sha256_root_hash": B64.encode(root),
            "tree_head_signature": B64.encode(self.sign(ts, size, root))})
        .to_string()
    }
}

fn gzip(raw: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(raw).expect("gzip");
    gz.finish().expect("gzip")
}

/// RFC 6962 Merkle tree hash.
fn merkle_root(leaves: &[Vec<u8>]) -> [u8; 32] {
    match leaves.len() {
        0 => Sha256::digest([]).into(),
        1 => Sha256::digest([&[0u8][..], &leaves[0]].concat()).into(),
        n => {
            let k = 1 << (usize::BITS - (n - 1).leading_zeros() - 1);
            let (l, r) = (merkle_root(&leaves[..k]), merkle_root(&leaves[k..]));
            Sha256::digest([&[1u8][..], &l, &r].concat()).into()
        }
    }
}

/// The RFC 6962 log: `get-sth`, and `get-entries` capped at 3 entries per answer, with a 429
/// (`Retry-After: 0`) before the first batch.
struct Rfc6962Log {
    sth: String,
    leaves: Vec<String>,
    throttle: bool,
}

fn serve_rfc6962(log: Arc<Mutex<Rfc6962Log>>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}/", listener.local_addr().expect("addr"));
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut s) = stream else { continue };
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            let line = String::from_utf8_lossy(&req).lines().next().unwrap_or_default().to_string();
            let path = line.split(' ').nth(1).unwrap_or_default().to_string();
            let (status, body) = answer(&mut log.lock().expect("lock"), &path);
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nRetry-After: 0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            // One write: a head and a body in two small writes wait out Nagle and delayed ACKs.
            let _ = s.write_all(format!("{head}{body}").as_bytes());
        }
    });
    url
}

fn answer(log: &mut Rfc6962Log, path: &str) -> (&'static str, String) {
    if path == "/ct/v1/get-sth" {
        return ("200 OK", log.sth.clone());
    }
    if let Some(query) = path.strip_prefix("/ct/v1/get-proof-by-hash?").or(path.strip_prefix("/ct/v1/get-sth-consistency?")) {
        return proof(log, path.contains("consistency"), query);
    }
    let Some(query) = path.strip_prefix("/ct/v1/get-entries?") else { return ("404 Not Found", String::new()) };
    if std::mem::take(&mut log.throttle) {
        return ("429 Too Many Requests", String::new());
    }
    let arg = |k: &str| query.split('&').find_map(|kv| kv.strip_prefix(k)).and_then(|v| v.parse::<usize>().ok()).unwrap_or(0);
    let (start, end) = (arg("start="), arg("end=").min(log.leaves.len().saturating_sub(1)));
    let entries: Vec<_> = (start..=end).take(3).map(|i| serde_json::json!({"leaf_input": log.leaves[i], "extra_data": ""})).collect();
    ("200 OK", serde_json::json!({ "entries": entries }).to_string())
}

/// `get-proof-by-hash` (`hash` percent-encoded base64, `tree_size`) or `get-sth-consistency`
/// (`first`, `second`) over the log's leaves.
fn proof(log: &Rfc6962Log, consistency: bool, query: &str) -> (&'static str, String) {
    let arg = |k: &str| query.split('&').find_map(|kv| kv.strip_prefix(k)).unwrap_or_default().to_string();
    let num = |k: &str| arg(k).parse::<usize>().unwrap_or(0);
    let hashes: Vec<ct::merkle::Hash> = log.leaves.iter().map(|l| ct::merkle::leaf_hash(&B64.decode(l).expect("b64"))).collect();
    let b64 = |p: Vec<ct::merkle::Hash>| p.iter().map(|h| B64.encode(h)).collect::<Vec<_>>();
    if consistency {
        let proof = ct::merkle::consistency_proof(&hashes[..num("second=").min(hashes.len())], num("first="));
        return ("200 OK", serde_json::json!({ "consistency": b64(proof) }).to_string());
    }
    let wanted = arg("hash=").replace("%2B", "+").replace("%2F", "/").replace("%3D", "=");
    let size = num("tree_size=").min(hashes.len());
    match hashes[..size].iter().position(|h| B64.encode(h) == wanted) {
        Some(i) => {
            ("200 OK", serde_json::json!({"leaf_index": i, "audit_path": b64(ct::merkle::audit_path(&hashes[..size], i))}).to_string())
        }
        None => ("404 Not Found", String::new()),
    }
}

/// `python3 -m http.server` on 127.0.0.1, serving `dir`; killed on drop.
struct StaticServer {
    child: Child,
    url: String,
}

impl StaticServer {
    /// A static file server on `site`, whose `static/` folder is a log's monitoring prefix:
    /// the server, the prefix's URL and the log's origin line.
    fn log_at(site: &Path) -> (StaticServer, String, String) {
        std::fs::create_dir_all(site.join("static")).expect("mkdir");
        let server = StaticServer::start(site);
        let url = format!("{}static/", server.url);
        let origin = url.trim_start_matches("http://").trim_end_matches('/').to_string();
        (server, url, origin)
    }

    fn start(dir: &Path) -> StaticServer {
        let mut child = Command::new("python3")
            .args(["-u", "-m", "http.server", "--bind", "127.0.0.1", "0"])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m http.server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("its first line");
        // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
        let port = line.split(" port ").nth(1).and_then(|r| r.split(' ').next()).expect("a port").to_string();
        StaticServer { child, url: format!("http://127.0.0.1:{port}/") }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The planted look-alikes, and benign names (official domains and ordinary ones).
const PLANTED_1: [&str; 2] = ["laposte-colis-frais.top", "royalmail-redelivery-fee.top"];
const PLANTED_2: [&str; 2] = ["correos-aduana.xyz", "usps-package-reschedule.top"];
const BENIGN: [&str; 5] = ["www.laposte.fr", "example.org", "compost.org", "washingtonpost.com", "tools.usps.com"];

fn config(dir: &Path, logs: &[(&str, &str, &str, &str)]) -> std::path::PathBuf {
    let mut text = String::from("poll_secs = 1\npartial_tile_timeout_secs = 0\n");
    for (name, url, kind, key) in logs {
        text.push_str(&format!("\n[[log]]\nname = \"{name}\"\nurl = \"{url}\"\nkind = \"{kind}\"\nkey = \"{key}\"\nbatch = 5\n"));
    }
    let path = dir.join("ct.toml");
    std::fs::write(&path, text).expect("config");
    path
}

fn domains(stdout: &str) -> Vec<String> {
    let mut d: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["domain"].as_str().expect("domain").to_string())
        .collect();
    d.sort();
    d
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

/// `postern watch --ct`: the child, its stderr lines as they come, and its whole stdout.
fn spawn_watch(cfg: &Path, dir: &Path, once: bool) -> (Child, mpsc::Receiver<String>, std::thread::JoinHandle<String>) {
    let mut args = vec!["watch", "--ct", cfg.to_str().expect("utf-8"), "--jsonl", "--state"];
    let state = dir.join("state").join("ct.json");
    args.push(state.to_str().expect("utf-8"));
    if once {
        args.push("--once");
    }
    // The CT benchmark of BENCHMARKS.md runs an older binary through this for its "before" row.
    let exe = std::env::var("POSTERN_BENCH_WATCH_EXE").unwrap_or_else(|_| common::exe().to_string());
    let mut child = Command::new(exe)
        .args(["--data", dir.join("data").to_str().expect("utf-8")])
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run postern watch --ct");
    let (tx, rx) = mpsc::channel();
    let err = child.stderr.take().expect("stderr");
    std::thread::spawn(move || {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let mut out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    (child, rx, reader)
}

/// Waits for a stderr line containing `what`; returns every line read.
fn wait_for(rx: &mpsc::Receiver<String>, what: &str) -> Vec<String> {
    let mut lines = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(l) if l.contains(what) => {
                lines.push(l);
                return lines;
            }
            Ok(l) => lines.push(l),
            Err(_) => panic!("no {what:?} on stderr; got {lines:#?}"),
        }
    }
}

/// A static-ct log served on 127.0.0.1 with the planted look-alikes of round 1 and the benign
/// names: its directory, site folder, server, monitoring prefix, origin, CA and entries.
struct Planted {
    dir: tempfile::TempDir,
    site: std::path::PathBuf,
    _server: StaticServer,
    static_url: String,
    origin: String,
    ca: Ca,
    log: Fixture,
}

fn planted() -> Planted {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let (_server, static_url, origin) = StaticServer::log_at(&site);
    let ca = Ca::new();
    let mut log = Fixture::new();
    issue_round(&ca, &mut log, &PLANTED_1, &BENIGN);
    log.write_static(&site.join("static"), &origin);
    Planted { dir, site, _server, static_url, origin, ca, log }
}

fn issue_round(ca: &Ca, log: &mut Fixture, planted: &[&str], benign: &[&str]) {
    for p in planted {
        log.add(&ca.issue(&[p, &format!("*.{p}")]));
    }
    for b in benign {
        log.add(&ca.issue(&[b]));
    }
}

#[test]
fn both_logs_flag_exactly_the_planted_names_and_resume_after_kill_9() {
    let Planted { dir, site, _server, static_url, origin, ca, mut log } = planted();
    let leaves = |l: &Fixture| l.merkle_leaves().iter().map(|b| B64.encode(b)).collect();
    let rfc = Arc::new(Mutex::new(Rfc6962Log { sth: log.sth(), leaves: leaves(&log), throttle: true }));
    let rfc_url = serve_rfc6962(rfc.clone());
    let key = log.spki_b64();
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &key), ("rfc", &rfc_url, "rfc6962", &key)]);

    // First run: follows the logs until killed.
    let (mut child, rx, stdout) = spawn_watch(&cfg, dir.path(), false);
    wait_for(&rx, "ct: caught up");
    child.kill().expect("kill -9");
    child.wait().expect("wait");
    let first = stdout.join().expect("stdout");
    assert_eq!(domains(&first), sorted(&PLANTED_1), "{first}");
    // The static log is read first; the RFC 6962 copies of the same certificates are duplicates.
    assert!(first.lines().all(|l| l.contains(r#""source":"ct:static""#)), "{first}");
    // Each hit names the CA that issued its certificate, for triage and issuance bursts.
    assert!(first.lines().all(|l| l.contains(r#""issuer":"CN=Throwaway CT Test CA""#)), "{first}");

    // The logs grow past a full (gzip) tile; the second run resumes from the saved cursors.
    let fillers: Vec<String> = (0..130).map(|i| format!("host-{i}.example.net")).collect();
    let fillers: Vec<&str> = fillers.iter().map(String::as_str).collect();
    issue_round(&ca, &mut log, &PLANTED_2, &fillers);
    log.write_static(&site.join("static"), &origin);
    {
        let mut r = rfc.lock().expect("lock");
        r.sth = log.sth();
        r.leaves = leaves(&log);
    }
    let (child, rx, stdout) = spawn_watch(&cfg, dir.path(), true);
    let out = child.wait_with_output().expect("wait");
    let second = stdout.join().expect("stdout");
    // Until the reader thread has sent every line (the child has exited: its stderr ends).
    let err: Vec<String> = rx.iter().collect();
    assert!(out.status.success(), "{err:#?}");
    assert_eq!(domains(&second), sorted(&PLANTED_2), "{second}\n{err:#?}");
    let summary = err.iter().find(|l| l.starts_with("ct: ")).expect("a CT summary line");
    // The speed figure of BENCHMARKS.md (`-- --nocapture`): the watch line times the run.
    eprintln!("{summary}\n{}", err.iter().find(|l| l.starts_with("watch: ")).map_or("", String::as_str));
    // 132 new certificates, each as precert and final in both logs: 528 entries, 396 copies.
    assert!(summary.starts_with("ct: 528 entries, 396 duplicates, 0 unparsable, 0 gaps, 0 bad checkpoints"), "{summary}");
    assert!(!err.iter().any(|l| l.starts_with("ct alarm")), "{err:#?}");
}

#[test]
fn the_rfc6962_log_alone_flags_the_planted_names_and_a_bad_checkpoint_alarms() {
    let Planted { dir, _server, static_url, log, .. } = planted();
    let leaves = log.merkle_leaves().iter().map(|b| B64.encode(b)).collect();
    let rfc_url = serve_rfc6962(Arc::new(Mutex::new(Rfc6962Log { sth: log.sth(), leaves, throttle: true })));
    // The static log's checkpoint is checked against another key: it must not be read.
    let wrong = Fixture::new().spki_b64();
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &wrong), ("rfc", &rfc_url, "rfc6962", &log.spki_b64())]);
    let (child, rx, stdout) = spawn_watch(&cfg, dir.path(), true);
    let out = child.wait_with_output().expect("wait");
    let text = stdout.join().expect("stdout");
    // Until the reader thread has sent every line (the child has exited: its stderr ends).
    let err: Vec<String> = rx.iter().collect();
    assert!(out.status.success(), "{err:#?}");
    assert_eq!(domains(&text), sorted(&PLANTED_1), "{text}");
    assert!(text.lines().all(|l| l.contains(r#""source":"ct:rfc""#)), "{text}");
    assert!(err.iter().any(|l| l.starts_with("ct alarm: log static: tree head refused")), "{err:#?}");
    let summary = err.iter().find(|l| l.starts_with("ct: ")).expect("a CT summary line");
    // 7 certificates as precert and final, 3 per answer, one 429 waited out; the static log's
    // checkpoint is refused at every round while the RFC 6962 log is still behind.
    assert!(summary.starts_with("ct: 14 entries, 7 duplicates, 0 unparsable, 0 gaps, "), "{summary}");
    assert!(!summary.contains(" 0 bad checkpoints") && summary.contains(", 1 throttled"), "{summary}");
}

#[test]
fn a_tile_of_the_wrong_size_alarms_keeps_the_cursor_and_loses_no_name() {
    let Planted { dir, site, _server, static_url, log, .. } = planted();
    // The log serves its partial tile with one entry too many, then as a truncated gzip stream.
    let tile = site.join("static").join(ct::data_tile_path(0, 14));
    let good = std::fs::read(&tile).expect("tile");
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &log.spki_b64())]);
    let extra = ct::encode_tile_leaf(1, &log.entries[0].1, None, &[]);
    let gz = gzip(&good);
    for (bad, alarm) in [([good.clone(), extra].concat(), "expected 14 entries, found 15"), (gz[..gz.len() / 2].to_vec(), "gzip")] {
        std::fs::write(&tile, bad).expect("bad tile");
        let (child, rx, stdout) = spawn_watch(&cfg, dir.path(), true);
        let out = child.wait_with_output().expect("wait");
        // Until the reader thread has sent every line (the child has exited: its stderr ends).
        let err: Vec<String> = rx.iter().collect();
        assert!(out.status.success(), "{err:#?}");
        assert_eq!(stdout.join().expect("stdout"), "");
        assert!(err.iter().any(|l| l.starts_with("ct alarm: log static:") && l.contains(alarm)), "{err:#?}");
    }
    // Once the log serves the right tile, every name is there.
    std::fs::write(&tile, good).expect("tile");
    let (child, _rx, stdout) = spawn_watch(&cfg, dir.path(), true);
    assert!(child.wait_with_output().expect("wait").status.success());
    assert_eq!(domains(&stdout.join().expect("stdout")), sorted(&PLANTED_1));
}

/// The indicator patterns of `collection`, as a member reads them over TAXII.
fn indicator_patterns(server: &common::Server, collection: &str, token: &str) -> Vec<String> {
    let page: serde_json::Value = common::client()
        .get(format!("{}/isac/collections/{collection}/objects/?match[type]=indicator", server.url))
        .bearer_auth(token)
        .header("Accept", common::TAXII)
        .send()
        .expect("get objects")
        .json()
        .expect("a TAXII envelope");
    let mut p: Vec<String> =
        page["objects"].as_array().into_iter().flatten().filter_map(|o| o["pattern"].as_str().map(String::from)).collect();
    p.sort();
    p
}

fn patterns(names: &[&[&str]]) -> Vec<String> {
    let mut p: Vec<String> = names.iter().flat_map(|n| n.iter()).map(|d| format!("[domain-name:value = '{d}']")).collect();
    p.sort();
    p
}

/// Polls until the collection holds `want`; returns how long it took.
fn wait_for_indicators(server: &common::Server, collection: &str, token: &str, want: &[String]) -> Duration {
    let started = std::time::Instant::now();
    loop {
        let got = indicator_patterns(server, collection, token);
        if got == want {
            return started.elapsed();
        }
        assert!(started.elapsed() < Duration::from_secs(120), "still {got:?}, want {want:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The value of the series `name` (with its labels, as exposed) on /metrics.
fn metric(text: &str, series: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(series).and_then(|rest| rest.strip_prefix(' ')))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {series} in\n{text}"))
}

#[test]
fn serve_watch_turns_new_certificates_into_hub_indicators_and_counts_them_on_metrics() {
    let f = common::fixture();
    let site = tempfile::tempdir().expect("tempdir");
    let (_files, static_url, origin) = StaticServer::log_at(site.path());
    let ca = Ca::new();
    let mut log = Fixture::new();
    issue_round(&ca, &mut log, &PLANTED_1, &BENIGN);
    log.write_static(&site.path().join("static"), &origin);
    let cfg = f.dir.path().join("watch.toml");
    let text = format!(
        "poll_secs = 1\npartial_tile_timeout_secs = 0\nstate = \"ct/state.json\"\n\n[record]\ncollection = \"{}\"\norg = \"La Poste\"\n\n\
         [[log]]\nname = \"static\"\nurl = \"{static_url}\"\nkind = \"static-ct\"\nkey = \"{}\"\n",
        f.collection,
        log.spki_b64()
    );
    std::fs::write(&cfg, text).expect("config");
    let server = common::Server::start_with(f.dir.path(), &["--watch", cfg.to_str().expect("utf-8")]);
    let token = &f.tokens["Correos"];
    wait_for_indicators(&server, &f.collection, token, &patterns(&[&PLANTED_1]));

    // New certificates appear in the log: the time until their indicators are in the hub.
    issue_round(&ca, &mut log, &PLANTED_2, &["news.example.org"]);
    log.write_static(&site.path().join("static"), &origin);
    let took = wait_for_indicators(&server, &f.collection, token, &patterns(&[&PLANTED_1, &PLANTED_2]));
    // The figure of BENCHMARKS.md (`-- --nocapture`), with a one-second poll.
    eprintln!("serve --watch: new certificates to hub indicators in {:.2} s", took.as_secs_f64());
    assert!(f.dir.path().join("ct/state.json").is_file(), "the cursor is kept where the configuration says");

    let text = common::client().get(format!("{}/metrics", server.url)).send().expect("metrics").text().expect("text");
    // 10 certificates, each as precertificate and final certificate.
    assert_eq!(metric(&text, r#"postern_ct_entries_total{log="static"}"#), 20.0);
    assert_eq!(metric(&text, r#"postern_ct_duplicates_total{log="static"}"#), 10.0);
    assert_eq!(metric(&text, r#"postern_ct_next_entry{log="static"}"#), 20.0);
    assert_eq!(metric(&text, r#"postern_ct_backlog_age_seconds{log="static"}"#), 0.0);
    assert_eq!(metric(&text, r#"postern_monitor_hits_total{level="malicious"}"#), 4.0);
    assert_eq!(metric(&text, "postern_monitor_indicators_total"), 4.0);
    assert_eq!(metric(&text, "postern_monitor_ct_to_indicator_seconds_count"), 4.0);
    assert!(!text.contains("postern_ct_alarms_total{"), "no alarm: {text}");
    assert!(!text.contains("laposte-colis"), "no domain is a label");
}

#[test]
fn serve_watch_refuses_a_configuration_without_a_record_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("watch.toml");
    let key = Fixture::new().spki_b64();
    std::fs::write(&cfg, format!("[[log]]\nname = \"a\"\nurl = \"http://127.0.0.1:9/\"\nkind = \"static-ct\"\nkey = \"{key}\"\n"))
        .expect("config");
    let out = Command::new(common::exe())
        .args(["--data", dir.path().join("data").to_str().expect("utf-8")])
        .args(["serve", "--no-config", "--listen", "127.0.0.1:0", "--watch", cfg.to_str().expect("utf-8")])
        .output()
        .expect("run serve");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a [record] table"), "{err}");
}

#[test]
fn a_log_that_offers_names_tiles_is_read_through_them() {
    let Planted { dir, site, _server, static_url, log, .. } = planted();
    log.write_names(&site.join("static"));
    // Without its data tiles: the watcher must not need them.
    std::fs::remove_dir_all(site.join("static").join("tile").join("data")).expect("rm data tiles");
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &log.spki_b64())]);
    let opted_in = std::fs::read_to_string(&cfg).expect("config") + "names_tiles = true\n";
    std::fs::write(&cfg, opted_in).expect("config");
    let (child, rx, stdout) = spawn_watch(&cfg, dir.path(), true);
    let out = child.wait_with_output().expect("wait");
    let got = stdout.join().expect("stdout");
    // Until the reader thread has sent every line (the child has exited: its stderr ends).
    let err: Vec<String> = rx.iter().collect();
    assert!(out.status.success(), "{err:#?}");
    assert_eq!(domains(&got), sorted(&PLANTED_1), "{got}\n{err:#?}");
    let summary = err.iter().find(|l| l.starts_with("ct: ")).expect("a CT summary line");
    // 7 certificates, each as precertificate and final certificate: one count each.
    assert!(summary.starts_with("ct: 14 entries, 7 duplicates, 0 unparsable, 0 gaps"), "{summary}");
    assert!(!err.iter().any(|l| l.contains("offers no names tiles") || l.starts_with("ct alarm")), "{err:#?}");
}

/// `postern watch --ct --once`: its stdout and stderr lines, after checking it succeeded.
fn watch_once(cfg: &Path, dir: &Path) -> (String, Vec<String>) {
    let (child, rx, stdout) = spawn_watch(cfg, dir, true);
    let out = child.wait_with_output().expect("wait");
    let text = stdout.join().expect("stdout");
    // Until the reader thread has sent every line (the child has exited: its stderr ends).
    let err: Vec<String> = rx.iter().collect();
    assert!(out.status.success(), "{err:#?}");
    (text, err)
}

fn has_alarm(err: &[String], log: &str, what: &str) -> bool {
    err.iter().any(|l| l.starts_with(&format!("ct alarm: log {log}:")) && l.contains(what))
}

/// The saved cursor of `log` (next entry, tree size and root); null before any is saved.
fn cursor(dir: &Path, log: &str) -> serde_json::Value {
    let Ok(bytes) = std::fs::read(dir.join("state/ct.json")) else { return serde_json::Value::Null };
    let state: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    state["logs"][log].clone()
}

/// The next entry `log`'s saved cursor points at (0 before any is saved).
fn next_entry(dir: &Path, log: &str) -> u64 {
    cursor(dir, log)["next"].as_u64().unwrap_or(0)
}

#[test]
fn a_data_tile_the_checkpoint_does_not_commit_to_is_refused_and_nothing_from_it_is_recorded() {
    let Planted { dir, site, _server, static_url, ca, log, .. } = planted();
    // The log serves a data tile with one certificate swapped for another look-alike's: well
    // framed, the right number of entries, an intact signed checkpoint and hash tiles.
    let tile = site.join("static").join(ct::data_tile_path(0, 14));
    let good = std::fs::read(&tile).expect("tile");
    let mut leaves = log.tile_leaves();
    let forged = ca.issue(&["laposte-forged-tile.top"]);
    leaves[5] = ct::encode_tile_leaf(log.entries[5].0, &forged.der, None, &[[1; 32]]);
    std::fs::write(&tile, leaves.concat()).expect("forged tile");
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &log.spki_b64())]);
    let (text, err) = watch_once(&cfg, dir.path());
    assert_eq!(text, "", "nothing from the lying tile is printed or recorded");
    assert!(has_alarm(&err, "static", "Merkle proof failed: the data tile does not hash to the checkpoint's root"), "{err:#?}");
    let summary = err.iter().find(|l| l.starts_with("ct: ")).expect("a CT summary line");
    assert!(summary.starts_with("ct: 0 entries,") && summary.ends_with(", 0 fetch errors, 1 failed proofs"), "{summary}");
    assert_eq!(next_entry(dir.path(), "static"), 0, "the cursor stays");
    // Once the log serves its real tile, every name is read from where the cursor stayed.
    std::fs::write(&tile, good).expect("tile");
    let (text, err) = watch_once(&cfg, dir.path());
    assert_eq!(domains(&text), sorted(&PLANTED_1), "{err:#?}");
    assert!(!err.iter().any(|l| l.starts_with("ct alarm")), "{err:#?}");
}

#[test]
fn a_signed_root_the_entries_do_not_reach_is_refused_by_both_apis() {
    let Planted { dir, site, _server, static_url, origin, log, .. } = planted();
    // Validly signed tree heads over a root that no tree of these entries has.
    let size = log.entries.len() as u64;
    log.write_checkpoint(&site.join("static"), &origin, size, &[9; 32]);
    let leaves = log.merkle_leaves().iter().map(|b| B64.encode(b)).collect();
    let rfc = Rfc6962Log { sth: log.sth_with(size, &[9; 32]), leaves, throttle: false };
    let rfc_url = serve_rfc6962(Arc::new(Mutex::new(rfc)));
    let key = log.spki_b64();
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &key), ("rfc", &rfc_url, "rfc6962", &key)]);
    let (text, err) = watch_once(&cfg, dir.path());
    assert_eq!(text, "", "{err:#?}");
    assert!(
        has_alarm(&err, "static", "tree head refused: Merkle proof failed: the hash tiles do not reach the checkpoint's root"),
        "{err:#?}"
    );
    assert!(has_alarm(&err, "rfc", "Merkle proof failed: the entries do not hash to the tree head's root"), "{err:#?}");
    assert_eq!(next_entry(dir.path(), "rfc"), 0, "the cursor stays");
}

#[test]
fn a_log_that_rewrites_its_history_or_shrinks_is_caught_and_the_cursor_stays() {
    let Planted { dir, site, _server, static_url, origin, ca, mut log } = planted();
    let leaves = |l: &Fixture| l.merkle_leaves().iter().map(|b| B64.encode(b)).collect();
    let rfc = Arc::new(Mutex::new(Rfc6962Log { sth: log.sth(), leaves: leaves(&log), throttle: false }));
    let rfc_url = serve_rfc6962(rfc.clone());
    let key = log.spki_b64();
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &key), ("rfc", &rfc_url, "rfc6962", &key)]);
    let (text, _) = watch_once(&cfg, dir.path());
    assert_eq!(domains(&text), sorted(&PLANTED_1));
    let before = (cursor(dir.path(), "static"), cursor(dir.path(), "rfc"));

    // Both logs grow, but over a rewritten past: a certificate already read is replaced. Every
    // tile, hash and tree head of the new tree is well formed and validly signed.
    log.rewrite(4, &ca.issue(&["history-rewritten.example.org"]));
    issue_round(&ca, &mut log, &PLANTED_2, &["news.example.org"]);
    log.write_static(&site.join("static"), &origin);
    {
        let mut r = rfc.lock().expect("lock");
        r.sth = log.sth();
        r.leaves = leaves(&log);
    }
    let (text, err) = watch_once(&cfg, dir.path());
    assert_eq!(text, "", "nothing from the rewritten log: {err:#?}");
    assert!(has_alarm(&err, "static", "Merkle proof failed: the checkpoint does not extend the last one accepted"), "{err:#?}");
    assert!(has_alarm(&err, "rfc", "Merkle proof failed: the consistency proof does not join the two tree heads"), "{err:#?}");
    assert_eq!((cursor(dir.path(), "static"), cursor(dir.path(), "rfc")), before, "the cursors stay");

    // A checkpoint that shrinks, validly signed over the first 10 entries' root.
    log.write_checkpoint(&site.join("static"), &origin, 10, &merkle_root(&log.merkle_leaves()[..10]));
    let (text, err) = watch_once(&cfg, dir.path());
    assert_eq!(text, "");
    assert!(has_alarm(&err, "static", "the log's tree shrank from 14 to 10 entries"), "{err:#?}");
    assert_eq!(cursor(dir.path(), "static"), before.0, "the cursor stays");
}

/// The CT ingest benchmark of BENCHMARKS.md (`--ignored --nocapture`): a static-ct log of
/// `POSTERN_BENCH_CT_CERTS` (default 3,000) filler certificates and the planted ones, each as
/// precertificate and final certificate, read in one `watch --once`.
#[test]
#[ignore = "a benchmark: run with --ignored --nocapture"]
fn benchmark_static_ct_ingest() {
    let n: usize = std::env::var("POSTERN_BENCH_CT_CERTS").ok().and_then(|v| v.parse().ok()).unwrap_or(3000);
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("site");
    let (_server, static_url, origin) = StaticServer::log_at(&site);
    let ca = Ca::new();
    let mut log = Fixture::new();
    let fillers: Vec<String> = (0..n).map(|i| format!("host-{i}.example.net")).collect();
    let fillers: Vec<&str> = fillers.iter().map(String::as_str).collect();
    issue_round(&ca, &mut log, &PLANTED_1, &fillers);
    log.write_static(&site.join("static"), &origin);
    let cfg = config(dir.path(), &[("static", &static_url, "static-ct", &log.spki_b64())]);
    let started = std::time::Instant::now();
    let (text, err) = watch_once(&cfg, dir.path());
    let secs = started.elapsed().as_secs_f64();
    assert_eq!(domains(&text), sorted(&PLANTED_1), "{err:#?}");
    let entries = log.entries.len() as f64;
    eprintln!(
        "ct bench: {} entries ({} certificates) in {secs:.2} s: {:.0} entries/s, {:.0} de-duplicated certificates/s",
        entries,
        entries / 2.0,
        entries / secs,
        entries / 2.0 / secs
    );
    eprintln!("{}", err.iter().find(|l| l.starts_with("ct: ")).map_or("", String::as_str));
}
