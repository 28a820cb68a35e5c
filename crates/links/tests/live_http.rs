//! `links::live::fetch` against a plain-HTTP server on 127.0.0.1 (std only): relative redirects,
//! the redirect bound, a redirect into a guarded range, the time budget, per-hop analysis.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::{Duration, Instant};

use links::{LiveError, LiveOptions};

/// Serves: `/loop/N` -> 302 `/loop/N+1` forever; `/metadata` -> 302 to the cloud metadata
/// address; `/hang` never answers; `/pay` -> 301 to a lure path; anything else 200.
fn server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        let mut held: Vec<TcpStream> = Vec::new();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).map_or(true, |n| n == 0) || h == "\r\n" {
                    break;
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, location) = if let Some(n) = path.strip_prefix("/loop/") {
                ("302 Found", Some(format!("/loop/{}", n.parse::<u32>().unwrap_or(0) + 1)))
            } else if path == "/metadata" {
                ("302 Found", Some("http://169.254.169.254/latest/meta-data/".to_string()))
            } else if path == "/hang" {
                held.push(stream);
                continue;
            } else if path == "/pay" {
                ("301 Moved Permanently", Some("/laposte/colis/paiement-frais-de-douane".to_string()))
            } else {
                ("200 OK", None)
            };
            let location = location.map(|l| format!("Location: {l}\r\n")).unwrap_or_default();
            let _ = write!(stream, "HTTP/1.1 {status}\r\n{location}Content-Length: 2\r\nConnection: close\r\n\r\nok");
        }
    });
    port
}

fn fetch(url: &str, opts: &LiveOptions) -> Result<links::LiveReport, LiveError> {
    let analyzer = links::Analyzer::new(&brands::BrandRegistry::builtin());
    let index = links::BlocklistIndex::new();
    let ctx =
        links::CheckContext { analyzer: &analyzer, index: &index, audience: tlp::Audience::AnonymousLookup { ceiling: tlp::Tlp::Clear } };
    links::live::fetch(url, &ctx, opts)
}

fn loopback() -> LiveOptions {
    LiveOptions { allow_loopback: true, ..LiveOptions::default() }
}

#[test]
fn relative_redirects_are_followed_and_every_hop_analysed() {
    let port = server();
    let r = fetch(&format!("http://127.0.0.1:{port}/pay"), &loopback()).expect("fetches");
    assert_eq!(r.hops.len(), 2);
    assert_eq!(r.hops[0].status, 301);
    assert_eq!(r.hops[1].status, 200);
    assert_eq!(r.final_url, format!("http://127.0.0.1:{port}/laposte/colis/paiement-frais-de-douane"));
    assert_eq!(r.tls_issuer, None, "plain HTTP has no certificate");
    assert!(r.hops[1].verdict.score >= r.hops[0].verdict.score, "the lure path scores: {:?}", r.hops[1].verdict);
}

#[test]
fn redirects_are_bounded() {
    let port = server();
    let err = fetch(&format!("http://127.0.0.1:{port}/loop/0"), &loopback()).expect_err("too many");
    assert!(matches!(err, LiveError::TooManyRedirects(5)), "{err}");
    let r = fetch(&format!("http://127.0.0.1:{port}/loop/0"), &LiveOptions { max_hops: 10, ..loopback() });
    assert!(matches!(r, Err(LiveError::TooManyRedirects(10))));
}

#[test]
fn a_redirect_into_a_guarded_range_is_refused() {
    let port = server();
    let err = fetch(&format!("http://127.0.0.1:{port}/metadata"), &loopback()).expect_err("refused");
    assert_eq!(err.code(), "ssrf_refused");
    assert!(err.to_string().starts_with("hop 2: refused to connect to 169.254.169.254"), "{err}");
}

#[test]
fn the_time_budget_holds() {
    let port = server();
    let started = Instant::now();
    let err = fetch(&format!("http://127.0.0.1:{port}/hang"), &LiveOptions { budget: Duration::from_millis(500), ..loopback() })
        .expect_err("times out");
    assert_eq!(err.code(), "timeout", "{err}");
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}
