//! The legacy-TLS probe against a real OpenSSL server that still speaks TLS 1.0 only.

use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

#[tokio::test]
async fn tls10_only_server_is_detected_and_tls11_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let key = rcgen::KeyPair::generate().expect("key");
    let cert = rcgen::CertificateParams::new(vec!["legacy.post".to_string()]).and_then(|p| p.self_signed(&key)).expect("cert");
    std::fs::write(dir.path().join("c.pem"), cert.pem()).expect("write cert");
    std::fs::write(dir.path().join("k.pem"), key.serialize_pem()).expect("write key");
    let port = free_port();
    let child = Command::new("openssl")
        .current_dir(dir.path())
        .args(["s_server", "-quiet", "-www", "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0", "-cert", "c.pem", "-key", "k.pem"])
        .args(["-accept", &format!("127.0.0.1:{port}")])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("openssl s_server (install scripts/test-deps/posture.apt)");
    let _server = Server(child);
    // Readiness: poll until the port accepts connections.
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < Duration::from_secs(10), "openssl s_server did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let ip = outbound::guard_all(&[IpAddr::V4(Ipv4Addr::LOCALHOST)], outbound::GuardPolicy::public_or_loopback(true))
        .expect("loopback is allowed in this test");
    let t = Duration::from_secs(3);
    assert_eq!(posture::http::accepts_legacy(ip, port, "legacy.post", 0x0301, t).await, Ok(true));
    assert_eq!(posture::http::accepts_legacy(ip, port, "legacy.post", 0x0302, t).await, Ok(false));
}
