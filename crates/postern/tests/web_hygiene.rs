//! Web and transport hygiene of the real `postern serve` (issue 13, probe defects D5, D6, D8,
//! D9, D11, D13, D14, D15): slow and idle connections are closed and one address cannot hold
//! them all, metrics labels are route templates and can be restricted, `back=` redirects stay
//! on the site, security headers over HTTP and TLS, a login throttle that hits the guesser and
//! not the member, `X-Forwarded-For` believed only from trusted proxies, and absolute URLs from
//! the configured public URL, never from `Host`.

mod common;

use std::collections::BTreeSet;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::visitor::{PASSWORD, Visitor, add_user};
use common::{Server, TAXII, client, fixture};
use serde_json::Value;

/// The `host:port` of a server URL.
fn addr_of(url: &str) -> SocketAddr {
    url.rsplit("//").next().expect("authority").parse().expect("socket address")
}

/// A TCP connection to `to` from the local address `from` (any of 127.0.0.0/8 reaches lo).
fn connect_from(from: IpAddr, to: SocketAddr) -> TcpStream {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let stream = rt
        .block_on(async {
            let socket = tokio::net::TcpSocket::new_v4()?;
            socket.bind(SocketAddr::new(from, 0))?;
            socket.connect(to).await
        })
        .expect("connect");
    let std = stream.into_std().expect("std stream");
    std.set_nonblocking(false).expect("blocking");
    std
}

/// How a connection ended while we waited on it.
#[derive(Debug, PartialEq)]
enum End {
    /// The server closed it (EOF or reset), after sending these bytes.
    Closed(Vec<u8>),
    /// Still open when the deadline passed.
    StillOpen,
}

/// Reads from `s` until the server closes it or `deadline` passes; with `drip`, writes those
/// bytes before every read, as a slow client feeding its headers would.
fn wait_for_close(s: &mut TcpStream, deadline: Duration, drip: Option<&[u8]>) -> End {
    s.set_read_timeout(Some(Duration::from_millis(250))).expect("read timeout");
    let until = Instant::now() + deadline;
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while Instant::now() < until {
        if let Some(d) = drip
            && s.write_all(d).is_err()
        {
            return End::Closed(got);
        }
        match s.read(&mut buf) {
            Ok(0) => return End::Closed(got),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => return End::Closed(got),
        }
    }
    End::StillOpen
}

/// Sends `GET /healthz` on a keep-alive connection and reads the whole small answer.
fn healthz_on(s: &mut TcpStream) -> String {
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n").expect("write request");
    s.set_read_timeout(Some(Duration::from_secs(30))).expect("read timeout");
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while !got.ends_with(b"ok\n") {
        let n = s.read(&mut buf).expect("read answer");
        assert!(n > 0, "closed before answering: {}", String::from_utf8_lossy(&got));
        got.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&got).into_owned()
}

#[test]
fn slow_and_idle_connections_are_closed() {
    let f = fixture();
    let server = Server::start_with(f.dir.path(), &["--header-read-timeout", "2", "--idle-timeout", "4"]);
    let addr = addr_of(&server.url);
    let deadline = Duration::from_secs(30);

    // Probe #60: a client drip-feeding header lines never finishes its request head.
    let mut slow = TcpStream::connect(addr).expect("connect");
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: hub\r\n").expect("start");
    let started = Instant::now();
    let end = wait_for_close(&mut slow, deadline, Some(b"X-Drip: 1\r\n"));
    assert!(matches!(end, End::Closed(_)), "a drip-feeding client is still connected after {deadline:?}");
    eprintln!("drip-fed headers: closed after {:?}", started.elapsed());

    // Probe #61: a socket that never sends anything.
    let mut silent = TcpStream::connect(addr).expect("connect");
    let started = Instant::now();
    assert_eq!(wait_for_close(&mut silent, deadline, None), End::Closed(Vec::new()), "a silent socket is closed, unanswered");
    eprintln!("silent socket: closed after {:?}", started.elapsed());

    // A keep-alive connection left idle after its answer.
    let mut kept = TcpStream::connect(addr).expect("connect");
    assert!(healthz_on(&mut kept).starts_with("HTTP/1.1 200"));
    assert!(matches!(wait_for_close(&mut kept, deadline, None), End::Closed(_)), "an idle keep-alive connection is closed");

    // HTTP/2 (prior knowledge): the preface and empty SETTINGS, then silence.
    const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00";
    let mut h2 = TcpStream::connect(addr).expect("connect");
    h2.write_all(PREFACE).expect("preface");
    assert!(matches!(wait_for_close(&mut h2, deadline, None), End::Closed(_)), "an HTTP/2 connection without a request is closed");
    // HTTP/2 with one request (HEADERS: GET http / with :authority "hub", end of stream), then
    // silence: only the idle clock can close it, as hyper's header clock is HTTP/1 only.
    let mut h2 = TcpStream::connect(addr).expect("connect");
    h2.write_all(PREFACE).expect("preface");
    h2.write_all(b"\x00\x00\x08\x01\x05\x00\x00\x00\x01\x82\x86\x84\x01\x03hub").expect("request");
    let started = Instant::now();
    match wait_for_close(&mut h2, deadline, None) {
        End::Closed(bytes) => assert!(bytes.len() > 1000, "the home page was answered before the close ({} bytes)", bytes.len()),
        End::StillOpen => panic!("an idle HTTP/2 connection is still open after {deadline:?}"),
    }
    eprintln!("idle HTTP/2 connection after an answer: closed after {:?}", started.elapsed());

    // The server still answers.
    let mut fresh = TcpStream::connect(addr).expect("connect");
    assert!(healthz_on(&mut fresh).starts_with("HTTP/1.1 200"));
}

#[test]
fn one_address_cannot_hold_every_connection() {
    let f = fixture();
    let server = Server::start_with(f.dir.path(), &["--max-connections-per-address", "8", "--header-read-timeout", "60"]);
    let addr = addr_of(&server.url);
    let crowd: IpAddr = [127, 0, 0, 2].into();
    // Each of the eight is answered once, so the server has surely counted it; then it idles.
    let mut held: Vec<TcpStream> = (0..8).map(|_| connect_from(crowd, addr)).collect();
    for s in &mut held {
        assert!(healthz_on(s).starts_with("HTTP/1.1 200"));
    }
    // The ninth from the same address is closed at once, unanswered: a clean refusal.
    let mut ninth = connect_from(crowd, addr);
    let _ = ninth.write_all(b"GET /healthz HTTP/1.1\r\nHost: hub\r\n\r\n");
    assert_eq!(wait_for_close(&mut ninth, Duration::from_secs(30), None), End::Closed(Vec::new()), "over the cap: refused");
    // Another address is served meanwhile.
    let health = client().get(format!("{}/healthz", server.url)).send().expect("healthz");
    assert_eq!(health.status(), 200);
    // Once one of the eight goes, the address may connect again (the server notices the close
    // on its own time, so poll).
    drop(held.pop());
    let until = Instant::now() + Duration::from_secs(30);
    let served = loop {
        let mut s = connect_from(crowd, addr);
        let _ = s.write_all(b"GET /healthz HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n");
        match wait_for_close(&mut s, Duration::from_secs(10), None) {
            End::Closed(bytes) if bytes.starts_with(b"HTTP/1.1 200") => break true,
            _ if Instant::now() > until => break false,
            _ => {}
        }
    };
    assert!(served, "a freed slot is usable again");
}

/// The series of a metrics page: every sample line without its value.
fn series(body: &str) -> BTreeSet<String> {
    body.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(|l| l.rsplit_once(' ').map(|(k, _)| k.to_string())).collect()
}

/// A path of 12 pseudo-random lower-case letters (no digits: the old labeller kept those).
fn random_segment(state: &mut u64) -> String {
    (0..12)
        .map(|_| {
            *state ^= *state << 13;
            *state ^= *state >> 7;
            *state ^= *state << 17;
            char::from(b'a' + u8::try_from(*state % 26).expect("letter"))
        })
        .collect()
}

#[test]
fn metrics_labels_are_route_templates() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = client();
    let token = &f.tokens["La Poste"];
    let brew = reqwest::Method::from_bytes(b"BREW").expect("method");
    let touch_everything = |domain: &str, path: &str| {
        http.get(format!("{}/{path}", server.url)).send().expect("unknown path");
        http.request(brew.clone(), format!("{}/{path}", server.url)).send().expect("custom method");
        http.get(format!("{}/api/v1/posture/{domain}", server.url)).bearer_auth(token).send().expect("posture");
        http.get(format!("{}/metrics", server.url)).send().expect("metrics").text().expect("body")
    };
    touch_everything("warm-up.example", "warm-up");
    let before = touch_everything("warm-up.example", "warm-up");

    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let paths: Vec<String> = (0..300).map(|_| random_segment(&mut state)).collect();
    for p in &paths {
        http.get(format!("{}/{p}", server.url)).send().expect("unknown path");
    }
    let after = touch_everything("target-under-investigation.fr", &paths[0]);
    eprintln!("metrics body: {} bytes before, {} bytes after 300 random paths", before.len(), after.len());
    assert_eq!(series(&before), series(&after), "no new series");
    assert!(!after.contains("target-under-investigation"), "probe #21: a looked-up domain is not shown");
    assert!(!after.contains("BREW"));
    for p in &paths {
        assert!(!after.contains(p.as_str()), "probe #63: path {p} became a label");
    }
    assert!(after.contains("route=\"/api/v1/posture/{domain}\""), "the template is the label:\n{after}");
    assert!(after.contains("route=\"unmatched\""));
}

/// Starts `serve` with `extra` flags; returns the server and the metrics listener URL, if any.
fn start_with_metrics(data: &Path, extra: &[&str]) -> (Server, Option<String>) {
    let mut child = Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(["--json", "serve", "--listen", "127.0.0.1:0"])
        .args(extra)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start postern serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = std::io::BufRead::lines(std::io::BufReader::new(stdout));
    let (mut metrics, mut admin_token) = (None, None);
    let url = loop {
        let line = lines.next().expect("serve exited before listening").expect("read stdout");
        let v: Value = serde_json::from_str(&line).expect("JSON event line");
        match v["event"].as_str() {
            Some("admin_token") => admin_token = v["token"].as_str().map(String::from),
            Some("metrics_listening") => metrics = v["url"].as_str().map(String::from),
            Some("listening") => break v["url"].as_str().expect("url").to_string(),
            _ => {}
        }
    };
    (Server { child, url, admin_token, data: data.to_path_buf() }, metrics)
}

#[test]
fn metrics_can_need_a_token_or_their_own_listener() {
    let f = fixture();
    let http = client();
    let (server, none) = start_with_metrics(f.dir.path(), &["--metrics-token", "scrape-me-9f3b2c"]);
    assert!(none.is_none());
    let get = |auth: Option<&str>| {
        let mut r = http.get(format!("{}/metrics", server.url));
        if let Some(a) = auth {
            r = r.header("Authorization", a);
        }
        r.send().expect("metrics").status().as_u16()
    };
    assert_eq!(get(None), 401);
    assert_eq!(get(Some("Bearer wrong")), 401);
    assert_eq!(get(Some("Bearer scrape-me-9f3b2c")), 200);
    drop(server);

    let (server, metrics) = start_with_metrics(f.dir.path(), &["--metrics-listen", "127.0.0.1:0"]);
    let metrics = metrics.expect("a metrics_listening event");
    assert_eq!(http.get(format!("{}/metrics", server.url)).send().expect("main").status(), 404, "not on the main listener");
    let scraped = http.get(format!("{metrics}/metrics")).send().expect("metrics listener");
    assert_eq!(scraped.status(), 200);
    assert!(scraped.text().expect("body").contains("postern_http_requests"));
    assert_eq!(http.get(format!("{metrics}/isac/")).send().expect("other path").status(), 404, "metrics only");
}

#[test]
fn language_switch_redirects_only_within_the_site() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let location = |back: &str| {
        let resp = http.get(format!("{}/lang/fr?back={back}", server.url)).send().expect("GET /lang");
        assert_eq!(resp.status(), 303, "back={back}: a redirect, never a 500");
        resp.headers().get("location").and_then(|l| l.to_str().ok()).expect("location").to_string()
    };
    assert_eq!(location("/check/link"), "/check/link");
    assert_eq!(location("/aware%3Fx%3D1"), "/aware?x=1");
    // Probes #40 (safe before too), #41 (D8) and #42 (D11).
    for bad in
        ["/%09/evil.example", "/%0d%0a", "/%0d%0aSet-Cookie:%20x=1", "/%00", "//evil", "%5Cevil", "/%5Cevil", "https://evil", "/%2f%2fevil"]
    {
        assert_eq!(location(bad), "/", "back={bad}");
    }
}

#[test]
fn security_headers_over_http_and_tls() {
    let f = fixture();
    let token = &f.tokens["La Poste"];
    let objects = format!("isac/collections/{}/objects/", f.collection);
    let check = |http: &reqwest::blocking::Client, base: &str, tls: bool| {
        let resp = http.get(format!("{base}/{objects}")).bearer_auth(token).header("Accept", TAXII).send().expect("objects");
        assert_eq!(resp.status(), 200);
        let h = resp.headers();
        assert_eq!(h.get("cache-control").map(|v| v.to_str().expect("ascii")), Some("no-store"), "authenticated TAXII answer");
        assert_eq!(h.get("x-content-type-options").map(|v| v.to_str().expect("ascii")), Some("nosniff"));
        assert_eq!(h.contains_key("strict-transport-security"), tls, "HSTS exactly under TLS");
        for path in ["healthz", "metrics", "taxii2/", "no-such-page", "api/v1/posture"] {
            let resp = http.get(format!("{base}/{path}")).header("Accept", TAXII).send().expect(path);
            let h = resp.headers();
            assert_eq!(h.get("x-content-type-options").map(|v| v.to_str().expect("ascii")), Some("nosniff"), "{path}");
            assert_eq!(h.contains_key("strict-transport-security"), tls, "{path}");
        }
        let api = http.post(format!("{base}/api/v1/links/check")).json(&serde_json::json!({"url": "http://example.org/"})).send();
        let api = api.expect("link check");
        assert_eq!(api.headers().get("cache-control").map(|v| v.to_str().expect("ascii")), Some("no-store"), "JSON API answer");
        let redirect = http.get(format!("{base}/lang/fr?back=/check/link")).send().expect("lang");
        assert_eq!(redirect.status(), 303);
        assert_eq!(redirect.headers().contains_key("strict-transport-security"), tls, "portal 303 (probe #75)");
        assert_eq!(redirect.headers().get("x-content-type-options").map(|v| v.to_str().expect("ascii")), Some("nosniff"));
    };
    let no_redirects = || reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none());
    {
        let server = Server::start(f.dir.path());
        check(&no_redirects().build().expect("client"), &server.url, false);
    }
    let (cert, key) = (f.dir.path().join("cert.pem"), f.dir.path().join("key.pem"));
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2"])
        .args(["-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        .args(["-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl (Debian package openssl)");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    let server = Server::start_with(f.dir.path(), &["--tls-cert", cert.to_str().expect("utf8"), "--tls-key", key.to_str().expect("utf8")]);
    let pem = std::fs::read(&cert).expect("cert");
    let tls = no_redirects().add_root_certificate(reqwest::Certificate::from_pem(&pem).expect("pem")).build().expect("client");
    check(&tls, &server.url, true);
}

#[test]
fn login_throttle_hits_the_guesser_not_the_member() {
    let f = fixture();
    add_user(f.dir.path(), "alice", "La Poste", "analyst");
    // Behind a trusted proxy (every test client is on 127.0.0.0/8), X-Forwarded-For names two
    // different clients.
    let server = Server::start_with(f.dir.path(), &["--trusted-proxy", "127.0.0.0/8"]);
    let mut attacker = Visitor::from_address(&server.url, "203.0.113.66");
    let statuses: Vec<u16> = (0..6).map(|_| attacker.try_login("alice", "wrong password!")).collect();
    assert_eq!(statuses[..4], [401, 401, 401, 401]);
    assert_eq!(statuses[4..], [429, 429], "the guesser waits");
    assert_eq!(attacker.try_login("alice", PASSWORD), 429, "even with the right password, from the guessing address");
    let mut member = Visitor::from_address(&server.url, "198.51.100.10");
    assert_eq!(member.try_login("alice", PASSWORD), 303, "probe #33: the member signs in from another address");

    // The anonymous API budget follows the same client address.
    let http = client();
    let check = |from: &str, n: usize| {
        let urls: Vec<String> = (0..n).map(|i| format!("http://example{i}.org/")).collect();
        let body = serde_json::json!({ "urls": urls });
        http.post(format!("{}/api/v1/links/check", server.url)).header("x-forwarded-for", from).json(&body).send().expect("check").status()
    };
    assert_eq!(check("203.0.113.66", 240), 200, "the burst");
    assert_eq!(check("203.0.113.66", 1), 429, "spent");
    assert_eq!(check("198.51.100.10", 1), 200, "another client has its own budget");
    drop(server);

    // Without a trusted proxy the header is the client's own claim and changes nothing.
    let server = Server::start(f.dir.path());
    let mut attacker = Visitor::from_address(&server.url, "203.0.113.66");
    for _ in 0..4 {
        assert_eq!(attacker.try_login("alice", "wrong password!"), 401);
    }
    let mut spoofer = Visitor::from_address(&server.url, "198.51.100.10");
    assert_eq!(spoofer.try_login("alice", PASSWORD), 429, "a forged X-Forwarded-For is ignored: same address, same wait");
}

#[test]
fn absolute_urls_come_from_the_public_url() {
    let f = fixture();
    let forged_host = |base: &str, path: &str| {
        // A raw request, so that the Host header is exactly the forged one.
        let mut s = TcpStream::connect(addr_of(base)).expect("connect");
        let req = format!("GET {path} HTTP/1.1\r\nHost: evil.example\r\nAccept: {TAXII}\r\nConnection: close\r\n\r\n");
        s.write_all(req.as_bytes()).expect("write");
        let mut out = String::new();
        s.read_to_string(&mut out).expect("read");
        out
    };
    {
        let server = Server::start_with(f.dir.path(), &["--public-url", "https://hub.example.post/"]);
        let discovery = forged_host(&server.url, "/taxii2/");
        assert!(discovery.starts_with("HTTP/1.1 200"), "{discovery}");
        assert!(discovery.contains("\"default\":\"https://hub.example.post/isac/\""), "{discovery}");
        assert!(!discovery.contains("evil"), "probe #43: Host is not reflected");
        let security = forged_host(&server.url, "/.well-known/security.txt");
        assert!(security.contains("Canonical: https://hub.example.post/.well-known/security.txt"), "{security}");
        assert!(!security.contains("evil"));
    }
    let server = Server::start(f.dir.path());
    let discovery = forged_host(&server.url, "/taxii2/");
    assert!(discovery.contains(&format!("\"default\":\"{}/isac/\"", server.url)), "the listen address without --public-url: {discovery}");
    assert!(!discovery.contains("evil"));
    let bad = Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path())
        .args(["serve", "--listen", "127.0.0.1:0", "--public-url", "hub.example.post/?x=1"])
        .output()
        .expect("serve");
    assert!(!bad.status.success(), "a public URL that is not absolute http(s) is refused at start");
}
