//! The outbound guard stays the one way out: no library or binary source opens a connection or
//! resolves a name except through the `outbound` crate (or a path listed here, with the reason
//! it is not a fetch on a user's behalf). A new fetch path that bypasses the guard fails this test.
//!
//! The end-to-end side is in `posture_api.rs` (a scan of a loopback name connects nowhere) and
//! `link_api_live.rs` / `links_live.rs` (live link checks refuse before connecting).

use std::path::{Path, PathBuf};

/// Source text that opens connections, resolves names or builds an HTTP client.
const PRIMITIVES: &[&str] = &[
    "TcpStream",
    "TcpSocket",
    "UdpSocket",
    "to_socket_addrs",
    "lookup_host",
    "reqwest::Client",
    "reqwest::blocking::Client",
    "hyper::client",
    "hyper_util::client",
    "ureq::",
    "isahc::",
    "attohttpc::",
    "curl::",
    "SmtpTransport",
    "async_imap::Client",
];

/// Crates that may depend on an HTTP client crate at all (dev-dependencies aside).
const HTTP_CLIENT_CRATES: &[&str] = &["reqwest", "hyper-util", "ureq", "isahc", "attohttpc", "curl", "surf"];

/// (file under `crates/`, primitive, why it is not a bypass).
const ALLOWED: &[(&str, &str, &str)] = &[
    ("outbound/src/lib.rs", "TcpStream", "the guard's own connect, to an Allowed address only"),
    ("outbound/src/lib.rs", "lookup_host", "the guard's own resolution; every address then goes through guard_all"),
    ("links/src/live.rs", "reqwest::blocking::Client", "pinned to the address guard_all approved (ClientBuilder::resolve), no proxy"),
    ("links/src/live.rs", "to_socket_addrs", "resolves a hop; every address then goes through guard_all"),
    ("posture/src/dns.rs", "TcpStream", "queries the operator's configured resolver, not a scanned host"),
    ("posture/src/dns.rs", "UdpSocket", "queries the operator's configured resolver, not a scanned host"),
    (
        "federation/src/client.rs",
        "reqwest::Client",
        "resolves through outbound::GuardedResolver (operator-approved policy), redirects guarded",
    ),
    ("federation/src/worker.rs", "reqwest::Client", "hands the peer client of client.rs to the sync workers"),
    (
        "postern/src/cmd/doctor.rs",
        "reqwest::blocking::Client",
        "the operator's own public URL, pinned to the address outbound::resolve approved (operator-approved policy)",
    ),
    ("postern/src/cmd/bench.rs", "reqwest::blocking::Client", "the load generator, against the hub its operator names"),
    (
        "postern/src/cmd/incident.rs",
        "reqwest::blocking::Client",
        "the hub the member names (--hub), pinned to the address outbound::resolve approved (operator-approved policy)",
    ),
    (
        "postern/src/cmd/watch/ct.rs",
        "reqwest::blocking::Client",
        "the CT logs the operator configured: resolves through outbound::GuardedResolver (operator-approved policy), no redirects",
    ),
    (
        "postern/src/cmd/awareness/send.rs",
        "SmtpTransport",
        "the operator's SMTP relay (--smtp) for simulation e-mails, connected on the address outbound::resolve approved (operator-approved policy)",
    ),
    (
        "postern/src/cmd/awareness/sms.rs",
        "reqwest::blocking::Client",
        "the operator's SMS gateway (--sms-gateway) for simulation SMS, pinned to the address outbound::resolve approved (operator-approved policy), no proxy, no redirects",
    ),
    (
        "postern/src/cmd/awareness/mailbox.rs",
        "async_imap::Client",
        "the operator's report mailbox (--report-imap-url), an IMAP session over outbound::connect to the address outbound::resolve approved (operator-approved policy)",
    ),
    (
        "postern/src/cmd/awareness/mailbox.rs",
        "SmtpTransport",
        "the operator's SMTP relay for \"well spotted\" answers (--report-imap-reply-smtp), connected on the address outbound::resolve approved (operator-approved policy)",
    ),
    (
        "postern/src/cmd/incident/remind.rs",
        "SmtpTransport",
        "the operator's SMTP relay for incident deadline reminders (--incident-remind-smtp), connected on the address outbound::resolve approved (operator-approved policy)",
    ),
    (
        "postern/src/cmd/incident/remind.rs",
        "reqwest::blocking::Client",
        "incident reminder webhooks the operator configured per organisation (--incident-remind-webhook), pinned to the address outbound::resolve approved (operator-approved policy), no proxy, no redirects",
    ),
    (
        "postern/src/cmd/awareness/xapi.rs",
        "reqwest::blocking::Client",
        "the Learning Record Store the operator configured (--xapi-endpoint), pinned to the address outbound::resolve approved (operator-approved policy), no proxy, no redirects",
    ),
    ("server/src/net.rs", "TcpStream", "connections the server's own listener accepted (timeouts, per-address cap); it never connects out"),
    ("server/src/rpz.rs", "TcpStream", "transfer connections the RPZ listener accepted; it never connects out over TCP"),
    (
        "server/src/rpz.rs",
        "UdpSocket",
        "the RPZ listener, and NOTIFY datagrams to the resolvers the operator listed (--rpz-notify), nobody else",
    ),
];

/// (crate, why) for the crates allowed an HTTP client dependency.
const ALLOWED_CLIENT_DEPS: &[(&str, &str)] = &[
    ("links", "live link checks, through the guard"),
    ("federation", "peer hubs an administrator configured, through the guard's resolver"),
    ("outbound", "the guard's resolver for HTTP clients (reqwest::dns::Resolve)"),
    ("postern", "the bench-hub load generator, CA file checks, reminder webhooks and the SMS gateway, through the guard"),
    ("server", "hyper-util's server side only (serving accepted connections); its client is a primitive above"),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join("crates")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every (line number, primitive) in `text`, comment lines aside.
fn hits(text: &str) -> Vec<(usize, &'static str)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        for p in PRIMITIVES {
            if code.contains(p) {
                out.push((n + 1, *p));
            }
        }
    }
    out
}

#[test]
fn the_scanner_sees_connection_primitives() {
    assert_eq!(hits("let s = std::net::TcpStream::connect(addr)?;"), vec![(1, "TcpStream")]);
    assert_eq!(hits("x\nlet c = reqwest::blocking::Client::new();"), vec![(2, "reqwest::blocking::Client")]);
    assert_eq!(hits("let a = tokio::net::lookup_host(h).await?;"), vec![(1, "lookup_host")]);
    assert_eq!(hits("// TcpStream in a comment is fine"), vec![]);
}

#[test]
fn no_source_connects_outside_the_guard() {
    let root = root();
    let mut files = Vec::new();
    for krate in std::fs::read_dir(&root).expect("crates dir").flatten() {
        // Sources and examples; integration tests talk to servers they start on 127.0.0.1.
        for sub in ["src", "examples", "benches"] {
            rust_files(&krate.path().join(sub), &mut files);
        }
    }
    assert!(files.len() > 50, "found only {} source files under {}", files.len(), root.display());
    let mut used = vec![false; ALLOWED.len()];
    let mut bypasses = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&root).expect("under crates").to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(f).expect("read source");
        for (line, p) in hits(&text) {
            match ALLOWED.iter().position(|(file, prim, _)| *file == rel && *prim == p) {
                Some(i) => used[i] = true,
                None => bypasses.push(format!("crates/{rel}:{line}: {p}")),
            }
        }
    }
    assert!(
        bypasses.is_empty(),
        "connections outside the outbound guard (connect through links::ssrf::connect to an address from guard_all, \
         or add the file to ALLOWED with the reason it is not a fetch on a user's behalf):\n{}",
        bypasses.join("\n")
    );
    let stale: Vec<_> = ALLOWED.iter().zip(&used).filter(|(_, u)| !**u).map(|(a, _)| a).collect();
    assert!(stale.is_empty(), "ALLOWED entries that match nothing any more (remove them): {stale:?}");
}

/// The `[dependencies]` section of a Cargo.toml: dependency names.
fn dependencies(manifest: &str) -> Vec<String> {
    let mut section = "";
    let mut out = Vec::new();
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line;
            continue;
        }
        if section == "[dependencies]"
            && let Some((name, _)) = line.split_once('=')
        {
            out.push(name.trim().to_string());
        }
    }
    out
}

#[test]
fn only_listed_crates_depend_on_an_http_client() {
    let mut offenders = Vec::new();
    let mut seen = 0;
    for krate in std::fs::read_dir(root()).expect("crates dir").flatten() {
        let Ok(manifest) = std::fs::read_to_string(krate.path().join("Cargo.toml")) else { continue };
        seen += 1;
        let name = krate.file_name().to_string_lossy().into_owned();
        for dep in dependencies(&manifest) {
            if HTTP_CLIENT_CRATES.contains(&dep.as_str()) && !ALLOWED_CLIENT_DEPS.iter().any(|(c, _)| *c == name) {
                offenders.push(format!("crates/{name} depends on {dep}"));
            }
        }
    }
    assert!(seen > 5, "found only {seen} crates");
    assert!(offenders.is_empty(), "HTTP clients outside the guarded crates: {offenders:?}");
    assert_eq!(dependencies("[package]\nname = \"x\"\n[dependencies]\nreqwest = \"1\"\n[dev-dependencies]\nureq = \"1\""), vec!["reqwest"]);
}
