//! The posture lab for tests: real NSD (authoritative, private signed root and test zones) and
//! real Unbound (the recursive resolver the checker queries), plus a rustls HTTPS server and a
//! plain HTTP server with a test CA. Everything binds 127.0.0.1 on ephemeral ports; processes are
//! terminated when the `Lab` is dropped.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::{SocketAddr, TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use hickory_proto::rr::{Name, RecordType};
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::{ClientHello, ResolvesServerCert};
use rustls::sign::CertifiedKey;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Zones and certificates are built once per test binary and shared by every lab instance.
struct Built {
    dir: PathBuf,
    certs: Arc<Certs>,
}

static BUILT: OnceLock<Result<Built, String>> = OnceLock::new();

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn built() -> &'static Built {
    let r = BUILT.get_or_init(|| {
        remove_stale_labs();
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("posture-lab-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let certs = Certs::generate().map_err(|e| format!("certificates: {e}"))?;
        std::fs::write(dir.join("ca.pem"), &certs.ca_pem).map_err(|e| e.to_string())?;
        let out = Command::new("bash")
            .arg(repo_root().join("scripts/lab/build-zones.sh"))
            .arg(dir.join("lab"))
            .env("TLSA_GOOD", &certs.good_spki_sha256)
            .output()
            .map_err(|e| format!("build-zones.sh: {e} (install scripts/test-deps/posture.apt)"))?;
        if !out.status.success() {
            return Err(format!("build-zones.sh failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(Built { dir, certs: Arc::new(certs) })
    });
    match r {
        Ok(b) => b,
        Err(e) => panic!("lab build failed: {e}"),
    }
}

/// Lab directories of test processes that are gone (a static is never dropped, so each test
/// binary cleans up after its predecessors instead).
fn remove_stale_labs() {
    let Ok(entries) = std::fs::read_dir(env!("CARGO_TARGET_TMPDIR")) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        let Some(pid) = name.strip_prefix("posture-lab-") else {
            continue;
        };
        if !Path::new("/proc").join(pid).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

/// A running lab instance.
pub struct Lab {
    /// The resolver to point the checker at.
    pub resolver: SocketAddr,
    /// HTTPS port of the lab web server.
    pub https_port: u16,
    /// HTTP port of the lab web server.
    pub http_port: u16,
    /// The private root's DS (trust anchor file).
    pub anchor: PathBuf,
    /// The test CA (PEM).
    pub ca: PathBuf,
    children: Vec<Child>,
    web: Vec<tokio::task::JoinHandle<()>>,
}

fn free_port() -> u16 {
    // Both UDP and TCP must be free on the port: NSD and Unbound listen on both.
    for _ in 0..50 {
        let Ok(u) = UdpSocket::bind("127.0.0.1:0") else {
            continue;
        };
        let Ok(addr) = u.local_addr() else { continue };
        if TcpListener::bind(addr).is_ok() {
            return addr.port();
        }
    }
    panic!("no free port on 127.0.0.1");
}

/// Writes a configuration on new ports and starts NSD and Unbound: (Unbound's port, children).
fn start_dns(built_dir: &Path) -> (u16, Vec<std::process::Child>) {
    let run = built_dir.join(format!("run-{}", free_port()));
    let (np, up) = (free_port(), free_port());
    let st = Command::new("bash")
        .arg(repo_root().join("scripts/lab/write-conf.sh"))
        .args([built_dir.join("lab").as_os_str(), run.as_os_str()])
        .args(["127.0.0.1", &np.to_string(), &up.to_string()])
        .status()
        .expect("write-conf.sh runs");
    assert!(st.success(), "write-conf.sh failed");
    let spawn = |prog: &str, conf: &Path| {
        Command::new(prog)
            .arg("-d")
            .arg("-c")
            .arg(conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{prog}: {e} (install scripts/test-deps/posture.apt)"))
    };
    let nsd = spawn("nsd", &run.join("nsd.conf"));
    let unbound = spawn("unbound", &run.join("unbound.conf"));
    (up, vec![unbound, nsd])
}

impl Lab {
    /// Start NSD, Unbound and the web servers; returns once the resolver answers for the lab.
    /// A port free when picked can be taken by another test before NSD or Unbound binds it (the
    /// server then exits): the DNS servers start again on new ports, up to five times.
    pub async fn start() -> Lab {
        let b = built();
        let (https_port, http_port, web) = start_web(b.certs.clone()).await;
        let mut lab = Lab {
            resolver: SocketAddr::from(([127, 0, 0, 1], 0)),
            https_port,
            http_port,
            anchor: b.dir.join("lab/anchor.ds"),
            ca: b.dir.join("ca.pem"),
            children: vec![],
            web,
        };
        let mut last = String::new();
        for _ in 0..5 {
            let (up, children) = start_dns(&b.dir);
            lab.resolver = SocketAddr::from(([127, 0, 0, 1], up));
            lab.children = children;
            match lab.wait_ready().await {
                Ok(()) => return lab,
                Err(e) => last = e,
            }
            for ch in &mut lab.children {
                let _ = ch.kill();
                let _ = ch.wait();
            }
        }
        panic!("lab did not start after 5 tries: {last}");
    }

    /// Poll the resolver with a real query until the lab's root answers (not a blind sleep).
    async fn wait_ready(&mut self) -> Result<(), String> {
        let mut c = posture::dns::Client::new(self.resolver);
        c.timeout = Duration::from_millis(200);
        c.attempts = 1;
        let start = Instant::now();
        let post = Name::from_ascii("post.").expect("static name");
        while start.elapsed() < Duration::from_secs(15) {
            if let posture::dns::Lookup::Answer(_) = c.query(&post, RecordType::SOA).await {
                return Ok(());
            }
            for ch in &mut self.children {
                if let Ok(Some(st)) = ch.try_wait() {
                    return Err(format!("a lab server exited early: {st}"));
                }
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Err(format!("lab resolver {} did not answer within 15 s", self.resolver))
    }

    /// A checker config pointed at this lab.
    pub fn config(&self) -> posture::Config {
        let mut c = posture::Config::new(self.resolver)
            .trust_anchor_file(&self.anchor)
            .expect("lab anchor parses")
            .ca_file(&self.ca)
            .expect("lab CA parses");
        c.https_port = self.https_port;
        c.http_port = self.http_port;
        c.dkim_selectors = vec!["sel1".into()];
        c.budget = Duration::from_secs(10);
        c.query_timeout = Duration::from_millis(800);
        c.connect_timeout = Duration::from_secs(3);
        // Every lab name resolves to 127.0.0.1, where the lab's web servers listen.
        c.outbound = outbound::GuardPolicy::public_or_loopback(true);
        c
    }
}

impl Drop for Lab {
    fn drop(&mut self) {
        for w in &self.web {
            w.abort();
        }
        for ch in &mut self.children {
            // SIGTERM lets NSD stop its server children too; SIGKILL would orphan them.
            let pid = ch.id() as libc::pid_t;
            unsafe {
                libc::kill(pid, libc::SIGTERM);
            }
            let start = Instant::now();
            loop {
                match ch.try_wait() {
                    Ok(Some(_)) => break,
                    _ if start.elapsed() > Duration::from_secs(5) => {
                        let _ = ch.kill();
                        let _ = ch.wait();
                        break;
                    }
                    _ => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        }
    }
}

/// The lab's certificates: a root, an intermediate, and leaves for each HTTPS posture.
pub struct Certs {
    pub ca_pem: String,
    pub good_spki_sha256: String,
    by_host: HashMap<String, Arc<CertifiedKey>>,
    default: Arc<CertifiedKey>,
}

impl Certs {
    fn generate() -> Result<Certs, rcgen::Error> {
        use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, IsCa, KeyPair};
        let mut ca_p = CertificateParams::new(Vec::<String>::new())?;
        ca_p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca_p.distinguished_name.push(DnType::CommonName, "Posture Lab Root");
        let ca = CertifiedIssuer::self_signed(ca_p, KeyPair::generate()?)?;
        let mut int_p = CertificateParams::new(Vec::<String>::new())?;
        int_p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        int_p.distinguished_name.push(DnType::CommonName, "Posture Lab Intermediate");
        let int = CertifiedIssuer::signed_by(int_p, KeyPair::generate()?, &ca)?;

        let provider = rustls::crypto::ring::default_provider();
        let certified = |chain: Vec<CertificateDer<'static>>, key: &KeyPair| -> Arc<CertifiedKey> {
            let der = PrivateKeyDer::Pkcs8(key.serialize_der().into());
            Arc::new(CertifiedKey::from_der(chain, der, &provider).expect("lab key loads"))
        };
        let leaf = |names: Vec<String>, expired: bool| -> Result<(rcgen::Certificate, KeyPair), rcgen::Error> {
            let mut p = CertificateParams::new(names)?;
            p.distinguished_name.push(DnType::CommonName, "lab leaf");
            if expired {
                p.not_before = rcgen::date_time_ymd(2020, 1, 1);
                p.not_after = rcgen::date_time_ymd(2020, 2, 1);
            }
            let k = KeyPair::generate()?;
            Ok((p.signed_by(&k, &int)?, k))
        };
        let zones = std::fs::read_to_string(repo_root().join("scripts/lab/build-zones.sh")).unwrap_or_default();
        // Every "child NAME" in the zone script gets NAME.post and mta-sts.NAME.post on the good leaf.
        let mut names = Vec::new();
        for line in zones.lines() {
            if let Some(n) = line.split("child ").nth(1).and_then(|r| r.split_whitespace().next())
                && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                && !n.is_empty()
            {
                names.push(format!("{n}.post"));
                names.push(format!("mta-sts.{n}.post"));
            }
        }
        let (good, good_key) = leaf(names, false)?;
        let spki = x509_parser::parse_x509_certificate(good.der().as_ref())
            .map(|(_, x)| x.tbs_certificate.subject_pki.raw.to_vec())
            .unwrap_or_default();
        let good_spki_sha256 = ring::digest::digest(&ring::digest::SHA256, &spki).as_ref().iter().map(|b| format!("{b:02x}")).collect();
        let default = certified(vec![good.der().clone(), int.der().clone()], &good_key);

        let mut by_host = HashMap::new();
        let (exp, exp_k) = leaf(vec!["https-expired.post".into()], true)?;
        by_host.insert("https-expired.post".into(), certified(vec![exp.der().clone(), int.der().clone()], &exp_k));
        let (wrong, wrong_k) = leaf(vec!["other.example".into()], false)?;
        by_host.insert("https-wrongname.post".into(), certified(vec![wrong.der().clone(), int.der().clone()], &wrong_k));
        let self_k = KeyPair::generate()?;
        let mut self_p = CertificateParams::new(vec!["https-untrusted.post".to_string()])?;
        self_p.distinguished_name.push(DnType::CommonName, "https-untrusted.post");
        let selfc = self_p.self_signed(&self_k)?;
        by_host.insert("https-untrusted.post".into(), certified(vec![selfc.der().clone()], &self_k));
        let (inc, inc_k) = leaf(vec!["https-incomplete.post".into()], false)?;
        by_host.insert("https-incomplete.post".into(), certified(vec![inc.der().clone()], &inc_k));
        Ok(Certs { ca_pem: ca.pem(), good_spki_sha256, by_host, default })
    }
}

#[derive(Debug)]
struct BySni(Arc<Certs>);

impl std::fmt::Debug for Certs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Certs")
    }
}

impl ResolvesServerCert for BySni {
    fn resolve(&self, hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        let host = hello.server_name().unwrap_or_default();
        Some(self.0.by_host.get(host).cloned().unwrap_or_else(|| self.0.default.clone()))
    }
}

fn policy_for(host: &str) -> Option<String> {
    let domain = host.strip_prefix("mta-sts.")?;
    let (mode, mx) = match domain {
        "mta-sts-testing.post" => ("testing", format!("mail.{domain}")),
        "mta-sts-mismatch.post" => ("enforce", "mx.elsewhere.example".to_string()),
        _ => ("enforce", format!("mail.{domain}")),
    };
    Some(format!("version: STSv1\r\nmode: {mode}\r\nmx: {mx}\r\nmax_age: 604800\r\n"))
}

async fn read_request<S: tokio::io::AsyncRead + Unpin>(s: &mut S) -> Option<(String, String)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16384 {
        let n = s.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let text = String::from_utf8_lossy(&buf).to_string();
    let path = text.split(' ').nth(1)?.to_string();
    let host = text.lines().find_map(|l| l.strip_prefix("Host: ").or_else(|| l.strip_prefix("host: ")))?.trim().to_string();
    Some((host, path))
}

async fn start_web(certs: Arc<Certs>) -> (u16, u16, Vec<tokio::task::JoinHandle<()>>) {
    let tls_l = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind https");
    let http_l = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind http");
    let (hp, pp) = (tls_l.local_addr().map(|a| a.port()).unwrap_or(0), http_l.local_addr().map(|a| a.port()).unwrap_or(0));
    let cfg = rustls::ServerConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(BySni(certs)));
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(cfg));
    let tls_task = tokio::spawn(async move {
        loop {
            let Ok((sock, _)) = tls_l.accept().await else {
                return;
            };
            let acc = acceptor.clone();
            tokio::spawn(async move {
                let Ok(mut tls) = acc.accept(sock).await else {
                    return;
                };
                let Some((host, path)) = read_request(&mut tls).await else {
                    return;
                };
                let resp = match (policy_for(&host), path.as_str()) {
                    (Some(p), "/.well-known/mta-sts.txt") => {
                        format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{p}",
                            p.len()
                        )
                    }
                    _ => {
                        let hsts = if host == "https-nohsts.post" { "" } else { "Strict-Transport-Security: max-age=31536000\r\n" };
                        format!("HTTP/1.1 200 OK\r\n{hsts}Content-Length: 2\r\nConnection: close\r\n\r\nok")
                    }
                };
                let _ = tls.write_all(resp.as_bytes()).await;
                let _ = tls.shutdown().await;
            });
        }
    });
    let http_task = tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = http_l.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let Some((host, path)) = read_request(&mut sock).await else {
                    return;
                };
                let resp = if host == "https-noredirect.post" {
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok".to_string()
                } else {
                    format!(
                        "HTTP/1.1 301 Moved Permanently\r\nLocation: https://{host}{path}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                };
                let _ = sock.write_all(resp.as_bytes()).await;
            });
        }
    });
    (hp, pp, vec![tls_task, http_task])
}
