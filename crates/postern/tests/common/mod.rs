//! Launches the real `postern` binary for end-to-end tests: CLI calls and `serve` on an
//! ephemeral loopback port, with a fresh data directory per test.

#![allow(dead_code)]

pub mod browser;
pub mod golden;
pub mod lab;
pub mod pdfcheck;
pub mod smtp;
pub mod visitor;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;

pub const TAXII: &str = "application/taxii+json;version=2.1";

pub fn exe() -> &'static str {
    env!("CARGO_BIN_EXE_postern")
}

/// Runs `postern --data DIR --json ARGS` and returns its one JSON object.
pub fn cli(data: &Path, args: &[&str]) -> Value {
    let out = Command::new(exe()).arg("--data").arg(data).arg("--json").args(args).output().expect("run postern");
    assert!(
        out.status.success(),
        "postern {args:?} failed: {} {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object on stdout")
}

/// A hub on a fresh database of a private PostgreSQL cluster: La Poste (analyst token) and one
/// collection every member reads and La Poste writes. Keep the cluster alive while in use.
pub struct PgHub {
    pub cluster: store::contract::PgCluster,
    pub url: String,
    pub token: String,
    pub collection: String,
}

pub fn pg_hub() -> PgHub {
    let cluster = store::contract::PgCluster::start().expect("a private PostgreSQL cluster (Debian package postgresql)");
    let url = cluster.fresh_database().expect("database");
    cli_db(&url, &["org", "add", "La Poste", "--country", "FR"]);
    let token = cli_db(&url, &["token", "issue", "--org", "La Poste", "--role", "analyst"])["token"].as_str().expect("token").to_string();
    let collection =
        cli_db(&url, &["collection", "add", "shared", "--read", "all", "--write", "La Poste"])["id"].as_str().expect("id").to_string();
    PgHub { cluster, url, token, collection }
}

/// Runs `postern --database URL --json ARGS` (PostgreSQL) and returns its one JSON object.
pub fn cli_db(url: &str, args: &[&str]) -> Value {
    let out = Command::new(exe()).arg("--database").arg(url).arg("--json").args(args).output().expect("run postern");
    assert!(out.status.success(), "postern {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object on stdout")
}

/// A running `postern serve`; killed when dropped.
pub struct Server {
    pub child: Child,
    pub url: String,
    pub admin_token: Option<String>,
    pub data: PathBuf,
}

impl Server {
    pub fn start(data: &Path) -> Server {
        Self::start_with(data, &[])
    }

    pub fn start_with(data: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(exe())
            .arg("--data")
            .arg(data)
            // Never the machine's /etc/postern/postern.toml: a test's settings are its own.
            .args(["--json", "serve", "--no-config", "--listen", "127.0.0.1:0"])
            .args(extra)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start postern serve");
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut admin_token = None;
        let url = loop {
            let line = lines.next().expect("serve exited before listening").expect("read stdout");
            let v: Value = serde_json::from_str(&line).expect("JSON event line");
            match v["event"].as_str() {
                Some("admin_token") => admin_token = v["token"].as_str().map(String::from),
                Some("listening") => break v["url"].as_str().expect("url").to_string(),
                _ => {}
            }
        };
        Server { child, url, admin_token, data: data.to_path_buf() }
    }

    pub fn kill9(mut self) {
        let _ = self.child.kill(); // SIGKILL on Unix
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A data directory with three member posts, a shared public collection and tokens.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub collection: String,
    pub tokens: std::collections::HashMap<&'static str, String>,
    pub identities: std::collections::HashMap<&'static str, String>,
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut tokens = std::collections::HashMap::new();
    let mut identities = std::collections::HashMap::new();
    for (name, cc) in [("La Poste", "FR"), ("Correos", "ES"), ("Posta Shqiptare", "AL")] {
        let org = cli(dir.path(), &["org", "add", name, "--country", cc]);
        identities.insert(name, org["identity_id"].as_str().expect("identity").to_string());
        let t = cli(dir.path(), &["token", "issue", "--org", name, "--role", "analyst"]);
        tokens.insert(name, t["token"].as_str().expect("token").to_string());
    }
    let c = cli(dir.path(), &["collection", "add", "postal-smishing", "--read", "all", "--write", "La Poste,Correos", "--public"]);
    Fixture { collection: c["id"].as_str().expect("id").to_string(), dir, tokens, identities }
}

pub fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder().timeout(std::time::Duration::from_secs(60)).build().expect("client")
}

pub fn indicator(n: u32, marking: &str) -> Value {
    serde_json::json!({
        "type": "indicator", "spec_version": "2.1",
        "id": format!("indicator--7f9c1c5e-0000-4000-8000-{n:012}"),
        "created": "2025-03-01T10:00:00.000Z", "modified": "2025-03-01T10:00:00.000Z",
        "name": format!("Fake parcel fee site {n}"),
        "pattern": format!("[domain-name:value = 'colis-{n}.laposte-frais.top']"), "pattern_type": "stix",
        "valid_from": "2025-03-01T10:00:00Z", "indicator_types": ["malicious-activity"],
        "object_marking_refs": [marking]
    })
}
