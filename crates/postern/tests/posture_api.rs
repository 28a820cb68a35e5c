//! Domain posture in the hub against the real DNS lab (NSD + Unbound from scripts/lab): scans by
//! members, history and scoreboard, problem details for bad requests, who may scan and read what,
//! and the outbound guard (every lab name resolves to 127.0.0.1).

mod common;

use std::process::Command;

use common::lab::Lab;
use common::{Server, client, fixture};
use serde_json::{Value, json};

#[test]
fn members_scan_domains_and_everyone_reads_the_history() {
    let (lab, unbound) = Lab::start();
    let f = fixture();
    let mut flags = lab.serve_flags(unbound);
    flags.push("--posture-no-https".into());
    let server = Server::start_with(f.dir.path(), &flags.iter().map(String::as_str).collect::<Vec<_>>());
    let scan = |token: Option<&str>, body: Value| {
        let mut r = client().post(format!("{}/api/v1/posture/scan", server.url)).json(&body);
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        let resp = r.send().expect("post");
        (resp.status().as_u16(), resp.json::<Value>().unwrap_or(Value::Null))
    };
    let (s, _) = scan(None, json!({"domains": ["good.post"]}));
    assert_eq!(s, 401, "scans are for members");
    let (s, v) = scan(Some(&f.tokens["La Poste"]), json!({"domains": ["good.post", "dmarc-none.post", "not a domain!"], "register": true}));
    assert_eq!(s, 200, "{v}");
    let reports = v["reports"].as_array().expect("reports");
    assert_eq!(reports[0]["domain"], json!("good.post"), "{v}");
    let codes = |r: &Value| {
        r["findings"]
            .as_array()
            .map(|f| f.iter().filter_map(|x| x["code"].as_str().map(String::from)).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    assert!(!codes(&reports[0]).iter().any(|c| c.starts_with("dmarc-")), "{}", reports[0]);
    assert!(codes(&reports[1]).contains(&"dmarc-policy-none".to_string()), "{}", reports[1]);
    assert!(reports[2]["error"].is_string(), "{}", reports[2]);

    scan(Some(&f.tokens["La Poste"]), json!({"domains": ["good.post"]}));
    let history: Value = client().get(format!("{}/api/v1/posture/good.post", server.url)).send().expect("get").json().expect("json");
    assert_eq!(history["history"].as_array().map(Vec::len), Some(2), "{history}");
    assert_eq!(history["latest"]["domain"], json!("good.post"));
    let board: Value = client().get(format!("{}/api/v1/posture", server.url)).send().expect("get").json().expect("json");
    assert_eq!(board["domains"].as_array().map(Vec::len), Some(2), "{board}");
    let missing = client().get(format!("{}/api/v1/posture/never-checked.post", server.url)).send().expect("get");
    assert_eq!(missing.status().as_u16(), 404);
    assert_eq!(missing.headers()["content-type"], "application/problem+json");

    // The members' portal shows the scoreboard and a domain's findings.
    let cookie = portal_login(&f, &server.url, "La Poste", "alice");
    let page =
        |path: &str| client().get(format!("{}{path}", server.url)).header("cookie", &cookie).send().expect("get").text().expect("html");
    let board = page("/members/posture");
    assert!(board.contains("good.post") && board.contains("dmarc-none.post"), "{board}");
    let detail = page("/members/posture/dmarc-none.post");
    assert!(detail.contains("dmarc-policy-none"), "{detail}");
}

/// Creates a portal user (analyst) of `org` and signs in through the login form; returns the
/// cookies.
fn portal_login(f: &common::Fixture, base: &str, org: &str, user: &str) -> String {
    use std::io::Write;
    const PASSWORD: &str = "correct horse battery staple";
    let mut child = Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path())
        .args(["--json", "user", "add", user, "--org", org, "--role", "analyst"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("user add");
    child.stdin.take().expect("stdin").write_all(format!("{PASSWORD}\n").as_bytes()).expect("password");
    assert!(child.wait_with_output().expect("wait").status.success());
    let http = reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let form = http.get(format!("{base}/login")).send().expect("login form");
    let mut cookies: Vec<String> =
        form.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()?.split(';').next().map(String::from)).collect();
    let html = form.text().expect("html");
    let at = html.find("name=\"csrf\" value=\"").map(|a| a + "name=\"csrf\" value=\"".len()).expect("csrf field");
    let csrf = html[at..].split('"').next().expect("csrf").to_string();
    let resp = http
        .post(format!("{base}/login"))
        .header("cookie", cookies.join("; "))
        .form(&[("username", user), ("password", PASSWORD), ("csrf", csrf.as_str())])
        .send()
        .expect("login");
    assert_eq!(resp.status().as_u16(), 303, "signed in");
    cookies.extend(resp.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()?.split(';').next().map(String::from)));
    cookies.join("; ")
}

fn get(base: &str, path: &str, token: Option<&str>) -> (u16, Value) {
    let mut r = client().get(format!("{base}{path}"));
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let resp = r.send().expect("get");
    (resp.status().as_u16(), resp.json::<Value>().unwrap_or(Value::Null))
}

fn post_scan(base: &str, token: Option<&str>, body: Value) -> (u16, Value) {
    let mut r = client().post(format!("{base}/api/v1/posture/scan")).json(&body);
    if let Some(t) = token {
        r = r.bearer_auth(t);
    }
    let resp = r.send().expect("post");
    (resp.status().as_u16(), resp.json::<Value>().unwrap_or(Value::Null))
}

fn board_domains(v: &Value) -> Vec<String> {
    v["domains"].as_array().map(|d| d.iter().filter_map(|x| x["domain"].as_str().map(String::from)).collect()).unwrap_or_default()
}

/// Probe D4 (attempt 59): who may scan and who reads what. A scan belongs to the organisation
/// that asked; only registered domains (the public scoreboard) are public; a reader token may
/// not scan. Another organisation's result answers exactly like a domain never checked.
#[test]
fn posture_results_belong_to_the_asking_organisation_and_readers_cannot_scan() {
    let (lab, unbound) = Lab::start();
    let f = fixture();
    let issue = |org: &str, role: &str| {
        common::cli(f.dir.path(), &["token", "issue", "--org", org, "--role", role])["token"].as_str().expect("token").to_string()
    };
    let (lp_reader, lp_admin) = (issue("La Poste", "reader"), issue("La Poste", "admin"));
    let (lp, correos) = (f.tokens["La Poste"].clone(), f.tokens["Correos"].clone());
    let mut flags = lab.serve_flags(unbound);
    flags.push("--posture-no-https".into());
    let server = Server::start_with(f.dir.path(), &flags.iter().map(String::as_str).collect::<Vec<_>>());
    let base = server.url.as_str();

    // Who may start a scan (not registered: the result stays La Poste's).
    let scan_table: &[(&str, Option<&str>, u16)] =
        &[("anonymous", None, 401), ("reader", Some(&lp_reader), 403), ("analyst", Some(&lp), 200), ("admin", Some(&lp_admin), 200)];
    for (who, token, want) in scan_table {
        let (s, v) = post_scan(base, *token, json!({"domains": ["dmarc-none.post"]}));
        assert_eq!(s, *want, "{who} scanning: {v}");
    }
    // One registered domain: public for everyone.
    let (s, v) = post_scan(base, Some(&correos), json!({"domains": ["good.post"], "register": true}));
    assert_eq!(s, 200, "{v}");

    // Who reads what: (who, token, reads La Poste's private result, sees the public one).
    let read_table: &[(&str, Option<&str>, bool)] = &[
        ("anonymous", None, false),
        ("La Poste reader", Some(&lp_reader), true),
        ("La Poste analyst", Some(&lp), true),
        ("Correos analyst", Some(&correos), false),
    ];
    let (_, never) = get(base, "/api/v1/posture/never-checked.post", Some(&correos));
    for (who, token, private) in read_table {
        let (s, v) = get(base, "/api/v1/posture/dmarc-none.post", *token);
        if *private {
            assert_eq!(s, 200, "{who}: {v}");
            assert_eq!(v["history"].as_array().map(Vec::len), Some(2), "{who}: the analyst's and the admin's scans: {v}");
        } else {
            assert_eq!(s, 404, "{who}: {v}");
            assert_eq!((v["title"].clone(), v["status"].clone()), (never["title"].clone(), never["status"].clone()), "{who}: {v}");
        }
        let (s, v) = get(base, "/api/v1/posture/good.post", *token);
        assert_eq!(s, 200, "{who}: the registered domain is public: {v}");
        let (s, board) = get(base, "/api/v1/posture", *token);
        assert_eq!(s, 200, "{board}");
        let want: Vec<&str> = if *private { vec!["dmarc-none.post", "good.post"] } else { vec!["good.post"] };
        assert_eq!(board_domains(&board), want, "{who}");
    }
    let (s, _) = get(base, "/api/v1/posture/events", None);
    assert_eq!(s, 401, "events are for members");

    // The portal shows a member the same as the API.
    for (org, user, private) in [("La Poste", "lp-analyst", true), ("Correos", "co-analyst", false)] {
        let cookie = portal_login(&f, base, org, user);
        let page = |path: &str| {
            let r = client().get(format!("{base}{path}")).header("cookie", &cookie).send().expect("get");
            (r.status().as_u16(), r.text().expect("html"))
        };
        let (s, html) = page("/members/posture/dmarc-none.post");
        assert_eq!(s, if private { 200 } else { 404 }, "{org}: {html}");
        assert_eq!(html.contains("dmarc-policy-none"), private, "{org}");
        let (_, board) = page("/members/posture");
        assert!(board.contains("good.post"), "{org}: {board}");
        assert_eq!(board.contains("dmarc-none.post"), private, "{org}: {board}");
    }
}

/// A listener on 127.0.0.1 that counts the connections it accepts (each closed at once).
struct Counting {
    port: u16,
    seen: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl Counting {
    fn start() -> Counting {
        let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = l.local_addr().expect("addr").port();
        let seen = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = seen.clone();
        std::thread::spawn(move || {
            for conn in l.incoming() {
                counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                drop(conn);
            }
        });
        Counting { port, seen }
    }
}

/// Probe D4 (attempt 59): a posture scan of a name that resolves to 127.0.0.1 goes through the
/// outbound guard. Without `--posture-allow-loopback` the report says the address is refused and
/// nothing connects to the HTTPS and HTTP listeners; with it (the control) the same scan does
/// connect, so the ports really are the ones the scan would use.
#[test]
fn a_posture_scan_never_connects_to_a_refused_address() {
    let (lab, unbound) = Lab::start();
    let f = fixture();
    let scan = |https: u16, http: u16, allow: bool| {
        let mut flags = lab.serve_flags(unbound);
        flags.extend(["--posture-https-port".into(), https.to_string(), "--posture-http-port".into(), http.to_string()]);
        if allow {
            flags.push("--posture-allow-loopback".into());
        }
        let server = Server::start_with(f.dir.path(), &flags.iter().map(String::as_str).collect::<Vec<_>>());
        let (s, v) = post_scan(&server.url, Some(&f.tokens["La Poste"]), json!({"domains": ["good.post"]}));
        assert_eq!(s, 200, "{v}");
        v["reports"][0].clone()
    };
    let finding = |r: &Value, code: &str| {
        r["findings"].as_array().and_then(|fs| fs.iter().find(|x| x["code"] == json!(code)).cloned()).unwrap_or(Value::Null)
    };

    // Nobody accepts on these: a connection the scan made would wait in the accept queue, where
    // a non-blocking accept finds it once the scan has answered.
    let https = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let http = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = |l: &std::net::TcpListener| l.local_addr().expect("addr").port();
    let report = scan(port(&https), port(&http), false);
    let refused = finding(&report, "https-address-refused");
    assert!(refused["evidence"].as_str().is_some_and(|e| e.contains("127.0.0.1 is a loopback address")), "{report}");
    let sts = finding(&report, "mta-sts-policy-unreachable");
    assert!(sts["evidence"].as_str().is_some_and(|e| e.contains("does not connect to")), "{report}");
    for l in [&https, &http] {
        l.set_nonblocking(true).expect("nonblocking");
        match l.accept() {
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            other => panic!("the scan connected to a refused address (port {}): {other:?}", port(l)),
        }
    }

    let (https, http) = (Counting::start(), Counting::start());
    let report = scan(https.port, http.port, true);
    assert!(finding(&report, "https-address-refused").is_null(), "{report}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while https.seen.load(std::sync::atomic::Ordering::SeqCst) == 0 {
        assert!(std::time::Instant::now() < deadline, "the control scan never connected: {report}");
        std::thread::yield_now();
    }
}
