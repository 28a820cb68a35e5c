//! A minimal HTTP/1.1 client over rustls for the posture checks: resolves through the configured
//! resolver, records the certificate chain and TLS version, and judges the chain separately so a
//! bad certificate is a finding with a reason rather than a bare connection error.
//!
//! Every connection goes through the outbound guard of `links`: [`resolve_guarded`] checks every
//! address a name resolves to, and the fetches take only the [`Allowed`] address it returns and
//! connect with `outbound::connect`, so nothing resolves the name a second time.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hickory_proto::rr::{Name, RData, RecordType};
use outbound::{Allowed, GuardError, GuardPolicy};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, ProtocolVersion, RootCertStore, SignatureScheme};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::dns::Client;

/// Largest body we read (an MTA-STS policy is tiny; a home page can be cut).
const MAX_BODY: usize = 64 * 1024;

/// An HTTP response with the TLS facts of its connection.
#[derive(Debug, Clone)]
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Header (lower-cased name, value) pairs.
    pub headers: Vec<(String, String)>,
    /// Body (possibly truncated at 64 KiB).
    pub body: Vec<u8>,
    /// TLS version negotiated, for HTTPS.
    pub tls_version: Option<ProtocolVersion>,
    /// Certificates the server sent, leaf first.
    pub chain: Vec<CertificateDer<'static>>,
    /// Why the chain does not verify, if it does not.
    pub cert_error: Option<rustls::Error>,
}

impl Response {
    /// First header value named `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Trust settings for HTTPS.
#[derive(Debug, Clone)]
pub struct Trust {
    /// Roots: webpki roots or a private CA file.
    pub roots: Arc<RootCertStore>,
}

impl Trust {
    /// The Mozilla roots shipped by webpki-roots.
    pub fn webpki() -> Self {
        let mut roots = RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        Trust { roots: Arc::new(roots) }
    }

    /// Roots from PEM certificates.
    pub fn from_pem(pem: &[u8]) -> Result<Self, String> {
        let mut roots = RootCertStore::empty();
        let mut rd = pem;
        for c in rustls_pemfile::certs(&mut rd) {
            let c = c.map_err(|e| e.to_string())?;
            roots.add(c).map_err(|e| e.to_string())?;
        }
        if roots.is_empty() {
            return Err("no certificates in the CA file".into());
        }
        Ok(Trust { roots: Arc::new(roots) })
    }
}

/// Resolve `host` to addresses through the configured resolver (A, then AAAA).
pub async fn resolve(client: &Client, host: &Name) -> Result<Vec<IpAddr>, String> {
    let (a, aaaa) = tokio::join!(client.query(host, RecordType::A), client.query(host, RecordType::AAAA));
    let mut out = Vec::new();
    for d in a.rdata(RecordType::A).into_iter().chain(aaaa.rdata(RecordType::AAAA)) {
        match d {
            RData::A(v4) => out.push(IpAddr::V4(v4.0)),
            RData::AAAA(v6) => out.push(IpAddr::V6(v6.0)),
            _ => {}
        }
    }
    if out.is_empty() {
        return Err(match (a.error(), aaaa.error()) {
            (Some(e), _) | (_, Some(e)) => format!("address lookup for {host} failed: {e}"),
            _ => format!("{host} has no A or AAAA record"),
        });
    }
    Ok(out)
}

/// Why a host gives no address to connect to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreachable {
    /// The name does not resolve (the message says how).
    Resolve(String),
    /// The name resolves to an address the outbound guard refuses; nothing was connected.
    Refused(String),
}

impl std::fmt::Display for Unreachable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unreachable::Resolve(m) | Unreachable::Refused(m) => f.write_str(m),
        }
    }
}

/// Resolves `host` through the configured resolver and returns the address to connect to, once
/// the outbound guard has checked every address the name has.
pub async fn resolve_guarded(client: &Client, host: &Name, policy: GuardPolicy) -> Result<Allowed, Unreachable> {
    let addrs = resolve(client, host).await.map_err(Unreachable::Resolve)?;
    outbound::guard_all(&addrs, policy).map_err(|e| match e {
        GuardError::Refused(r) => Unreachable::Refused(format!(
            "{} resolves to an address the hub does not connect to: {r}",
            host.to_ascii().trim_end_matches('.')
        )),
        e => Unreachable::Resolve(format!("{host}: {e}")),
    })
}

/// Records the chain and accepts it; the real verification runs afterwards, on the record.
#[derive(Debug)]
struct Recorder {
    chain: Mutex<Vec<CertificateDer<'static>>>,
    provider: Arc<rustls::crypto::CryptoProvider>,
}

impl ServerCertVerifier for Recorder {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        if let Ok(mut c) = self.chain.lock() {
            c.push(end_entity.clone().into_owned());
            c.extend(intermediates.iter().map(|i| i.clone().into_owned()));
        }
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.provider.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

/// Which TLS versions a connection may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versions {
    /// TLS 1.2 and 1.3.
    Modern,
    /// Only TLS 1.3.
    Tls13,
    /// Only TLS 1.2.
    Tls12,
}

/// Verify a recorded chain for `host` against `trust`.
pub fn verify_chain(trust: &Trust, host: &str, chain: &[CertificateDer<'static>]) -> Option<rustls::Error> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = match rustls::client::WebPkiServerVerifier::builder_with_provider(trust.roots.clone(), provider).build() {
        Ok(v) => v,
        Err(e) => return Some(rustls::Error::General(e.to_string())),
    };
    let Some((leaf, rest)) = chain.split_first() else {
        return Some(rustls::Error::NoCertificatesPresented);
    };
    let name = match ServerName::try_from(host.to_string()) {
        Ok(n) => n,
        Err(e) => return Some(rustls::Error::General(e.to_string())),
    };
    verifier.verify_server_cert(leaf, rest, &name, &[], UnixTime::now()).err()
}

/// GET `path` from `host` over HTTPS on `port`, connecting to `addr`.
pub async fn get_https(
    trust: &Trust,
    addr: Allowed,
    port: u16,
    host: &str,
    path: &str,
    versions: Versions,
    timeout: Duration,
) -> Result<Response, String> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let recorder = Arc::new(Recorder { chain: Mutex::new(Vec::new()), provider: provider.clone() });
    let vers: &[&rustls::SupportedProtocolVersion] = match versions {
        Versions::Modern => &[&rustls::version::TLS13, &rustls::version::TLS12],
        Versions::Tls13 => &[&rustls::version::TLS13],
        Versions::Tls12 => &[&rustls::version::TLS12],
    };
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(vers)
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(recorder.clone())
        .with_no_client_auth();
    let name = ServerName::try_from(host.to_string()).map_err(|e| e.to_string())?;
    let work = async {
        let tcp = outbound::connect(addr, port).await.map_err(|e| format!("connect {addr}:{port}: {e}"))?;
        let conn = tokio_rustls::TlsConnector::from(Arc::new(config));
        let mut tls = conn.connect(name, tcp).await.map_err(|e| format!("TLS handshake with {addr}:{port}: {e}"))?;
        let version = tls.get_ref().1.protocol_version();
        let (status, headers, body) = exchange(&mut tls, host, path).await?;
        Ok::<_, String>((version, status, headers, body))
    };
    let (tls_version, status, headers, body) =
        tokio::time::timeout(timeout, work).await.map_err(|_| format!("HTTPS to {addr}:{port} timed out"))??;
    let chain = recorder.chain.lock().map(|c| c.clone()).unwrap_or_default();
    let cert_error = verify_chain(trust, host, &chain);
    Ok(Response { status, headers, body, tls_version, chain, cert_error })
}

/// GET `path` from `host` over plain HTTP.
pub async fn get_http(addr: Allowed, port: u16, host: &str, path: &str, timeout: Duration) -> Result<Response, String> {
    let work = async {
        let mut tcp = outbound::connect(addr, port).await.map_err(|e| format!("connect {addr}:{port}: {e}"))?;
        exchange(&mut tcp, host, path).await
    };
    let (status, headers, body) = tokio::time::timeout(timeout, work).await.map_err(|_| format!("HTTP to {addr}:{port} timed out"))??;
    Ok(Response { status, headers, body, tls_version: None, chain: Vec::new(), cert_error: None })
}

type Exchange = (u16, Vec<(String, String)>, Vec<u8>);

async fn exchange<S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin>(s: &mut S, host: &str, path: &str) -> Result<Exchange, String> {
    let req = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: postern-posture\r\nAccept: */*\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.map_err(|e| e.to_string())?;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    loop {
        match s.read(&mut chunk).await {
            Ok(0) => break,
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                if buf.len() > MAX_BODY + 16 * 1024 {
                    break;
                }
            }
            // Servers often close TLS without close_notify; what we have is what we use.
            Err(_) if !buf.is_empty() => break,
            Err(e) => return Err(e.to_string()),
        }
    }
    parse_response(&buf)
}

/// Parse an HTTP/1.1 response (status line, headers, body with chunked decoding).
pub fn parse_response(buf: &[u8]) -> Result<Exchange, String> {
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n").ok_or("no complete HTTP header")?;
    let head = String::from_utf8_lossy(&buf[..end]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .filter(|_| status_line.starts_with("HTTP/1."))
        .ok_or_else(|| format!("bad status line \"{status_line}\""))?;
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string())).collect();
    let mut body = buf[end + 4..].to_vec();
    if headers.iter().any(|(n, v)| n == "transfer-encoding" && v.eq_ignore_ascii_case("chunked")) {
        body = dechunk(&body);
    }
    body.truncate(MAX_BODY);
    Ok((status, headers, body))
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = b.windows(2).position(|w| w == b"\r\n") {
        let size_str = String::from_utf8_lossy(&b[..i]);
        let Ok(size) = usize::from_str_radix(size_str.split(';').next().unwrap_or("").trim(), 16) else {
            break;
        };
        if size == 0 {
            break;
        }
        let start = i + 2;
        let Some(data) = b.get(start..start.saturating_add(size)) else {
            out.extend_from_slice(&b[start.min(b.len())..]);
            break;
        };
        out.extend_from_slice(data);
        b = b.get(start + size + 2..).unwrap_or(&[]);
    }
    out
}

/// Probe whether the server accepts a legacy TLS version (0x0301 = 1.0, 0x0302 = 1.1) by sending a
/// ClientHello of that version and reading the answer: rustls cannot speak these, so raw bytes.
pub async fn accepts_legacy(addr: Allowed, port: u16, host: &str, version: u16, timeout: Duration) -> Result<bool, String> {
    let hello = legacy_client_hello(host, version);
    let work = async {
        let mut tcp = outbound::connect(addr, port).await.map_err(|e| e.to_string())?;
        tcp.write_all(&hello).await.map_err(|e| e.to_string())?;
        let mut hdr = [0u8; 5];
        if tcp.read_exact(&mut hdr).await.is_err() {
            return Ok(false);
        }
        if hdr[0] != 0x16 {
            return Ok(false); // an alert or garbage: refused
        }
        let mut hs = [0u8; 6];
        if tcp.read_exact(&mut hs).await.is_err() {
            return Ok(false);
        }
        // Handshake type 2 (ServerHello) whose server_version is the one we offered.
        Ok(hs[0] == 2 && u16::from_be_bytes([hs[4], hs[5]]) == version)
    };
    tokio::time::timeout(timeout, work).await.unwrap_or(Ok(false))
}

fn legacy_client_hello(host: &str, version: u16) -> Vec<u8> {
    let v = version.to_be_bytes();
    let mut body = Vec::new();
    body.extend_from_slice(&v);
    body.extend_from_slice(&[0x42; 32]); // random: no secrecy needed for a probe
    body.push(0); // session id
    let suites: &[u16] = &[0xc013, 0xc014, 0xc009, 0xc00a, 0x002f, 0x0035, 0x0033, 0x0039, 0x000a];
    body.extend_from_slice(&((suites.len() * 2) as u16).to_be_bytes());
    for s in suites {
        body.extend_from_slice(&s.to_be_bytes());
    }
    body.extend_from_slice(&[1, 0]); // null compression
    let mut ext = Vec::new();
    let h = host.as_bytes();
    if h.len() < 250 {
        let hl = h.len() as u16;
        ext.extend_from_slice(&[0, 0]);
        ext.extend_from_slice(&(hl + 5).to_be_bytes());
        ext.extend_from_slice(&(hl + 3).to_be_bytes());
        ext.push(0);
        ext.extend_from_slice(&hl.to_be_bytes());
        ext.extend_from_slice(h);
    }
    ext.extend_from_slice(&[0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x17, 0x00, 0x18]); // groups
    ext.extend_from_slice(&[0x00, 0x0b, 0x00, 0x02, 0x01, 0x00]); // point formats
    ext.extend_from_slice(&[0xff, 0x01, 0x00, 0x01, 0x00]); // renegotiation_info
    body.extend_from_slice(&(ext.len() as u16).to_be_bytes());
    body.extend_from_slice(&ext);
    let mut hs = vec![1u8];
    let bl = body.len() as u32;
    hs.extend_from_slice(&bl.to_be_bytes()[1..]);
    hs.extend_from_slice(&body);
    let mut rec = vec![0x16, 0x03, 0x01];
    rec.extend_from_slice(&(hs.len() as u16).to_be_bytes());
    rec.extend_from_slice(&hs);
    rec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn responses_parse() {
        let r = parse_response(b"HTTP/1.1 301 Moved\r\nLocation: https://x/\r\n\r\n");
        assert_eq!(r.map(|x| (x.0, x.1[0].1.clone())), Ok((301, "https://x/".to_string())));
        let r = parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        assert_eq!(r.map(|x| x.2), Ok(b"hello world".to_vec()));
        assert!(parse_response(b"garbage").is_err());
        assert!(parse_response(b"SSH-2.0\r\n\r\n").is_err());
        let r = parse_response(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffff\r\nab");
        assert_eq!(r.map(|x| x.2), Ok(b"ab".to_vec()));
    }

    #[test]
    fn legacy_hello_is_well_formed() {
        let h = legacy_client_hello("example.post", 0x0301);
        assert_eq!(&h[..3], &[0x16, 0x03, 0x01]);
        assert_eq!(usize::from(u16::from_be_bytes([h[3], h[4]])), h.len() - 5);
    }
}
