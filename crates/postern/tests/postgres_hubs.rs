//! Two `postern serve` processes on one PostgreSQL database (a private cluster started by the
//! test): writes through one, a paged read alternating between both, no loss, no duplicates;
//! and the members' portal and the posture history kept in PostgreSQL.

mod common;

use std::process::Command;

use common::{Server, TAXII, client, indicator};
use serde_json::{Value, json};

#[test]
fn two_servers_on_one_postgres_database_serve_one_paged_read() {
    let common::PgHub { cluster: _cluster, url, token, collection: col } = common::pg_hub();

    let dir_a = tempfile::tempdir().expect("tmp");
    let dir_b = tempfile::tempdir().expect("tmp");
    let a = Server::start_with(dir_a.path(), &["--database", &url]);
    let b = Server::start_with(dir_b.path(), &["--database", &url]);
    assert!(a.admin_token.is_some() ^ b.admin_token.is_some(), "exactly one process prints the first admin token");

    let post = |server: &Server, from: u32| {
        let objs: Vec<Value> = (from..from + 50).map(|i| indicator(i, tlp::TLP2_GREEN)).collect();
        let r = client()
            .post(format!("{}/isac/collections/{col}/objects/", server.url))
            .bearer_auth(&token)
            .header("Content-Type", TAXII)
            .body(json!({ "objects": objs }).to_string())
            .send()
            .expect("post");
        assert_eq!(r.status().as_u16(), 202);
    };
    post(&a, 0);
    post(&b, 50);
    let mut ids = Vec::new();
    let mut next: Option<String> = None;
    let mut turn = 0;
    loop {
        let server = if turn % 2 == 0 { &a } else { &b };
        turn += 1;
        let q = next.as_ref().map(|n| format!("limit=17&next={n}")).unwrap_or_else(|| "limit=17".into());
        let page: Value = client()
            .get(format!("{}/isac/collections/{col}/objects/?{q}", server.url))
            .bearer_auth(&token)
            .header("Accept", TAXII)
            .send()
            .expect("get")
            .json()
            .expect("json");
        ids.extend(page["objects"].as_array().expect("objects").iter().map(|o| o["id"].as_str().unwrap_or_default().to_string()));
        if turn == 2 {
            post(&b, 100); // a writer keeps adding while the reader pages
        }
        match page["next"].as_str() {
            Some(n) => next = Some(n.to_string()),
            None => break,
        }
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((ids.len(), unique.len()), (150, 150), "no loss, no duplicates across two processes");
}

/// The cookies a response sets, as `name=value` pairs (an empty value clears the cookie).
fn set_cookies(resp: &reqwest::blocking::Response) -> Vec<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(String::from))
        .filter(|c| !c.ends_with('='))
        .collect()
}

#[test]
fn portal_members_and_posture_history_live_in_postgres() {
    let cluster = store::contract::PgCluster::start().expect("a private PostgreSQL cluster (Debian package postgresql)");
    let url = cluster.fresh_database().expect("database");
    common::cli_db(&url, &["org", "add", "La Poste", "--country", "FR"]);
    let token =
        common::cli_db(&url, &["token", "issue", "--org", "La Poste", "--role", "analyst"])["token"].as_str().expect("token").to_string();
    // The operator's way: `postern --database URL user add`, password on stdin.
    let password = "correct horse battery staple";
    let mut add = Command::new(common::exe())
        .arg("--database")
        .arg(&url)
        .args(["--json", "user", "add", "alice", "--org", "La Poste", "--role", "analyst"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run postern user add");
    {
        use std::io::Write;
        let mut stdin = add.stdin.take().expect("stdin");
        writeln!(stdin, "{password}").expect("write the password");
    }
    let out = add.wait_with_output().expect("postern user add");
    assert!(out.status.success(), "user add: {}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(common::cli_db(&url, &["user", "list"])["users"][0]["username"], "alice");
    let pg = store::PgStore::open(&url).expect("open the database");

    let dead_resolver = std::net::UdpSocket::bind("127.0.0.1:0").and_then(|s| s.local_addr()).expect("free port").to_string();
    let dir = tempfile::tempdir().expect("tmp");
    let server = Server::start_with(
        dir.path(),
        &["--database", &url, "--posture-resolver", &dead_resolver, "--posture-no-https", "--posture-rescan-secs", "0"],
    );

    // Sign in to the members' workspace: the session lives in PostgreSQL.
    let http = reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
    let form = http.get(format!("{}/login", server.url)).send().expect("GET /login");
    let mut cookies = set_cookies(&form);
    let html = form.text().expect("login page");
    let marker = "name=\"csrf\" value=\"";
    let at = html.find(marker).map(|a| a + marker.len()).expect("a csrf field on the login form");
    let csrf = html[at..].split('"').next().expect("csrf value").to_string();
    let login = http
        .post(format!("{}/login", server.url))
        .header("cookie", cookies.join("; "))
        .form(&[("username", "alice"), ("password", password), ("csrf", csrf.as_str())])
        .send()
        .expect("POST /login");
    let location = login.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("").to_string();
    assert_eq!((login.status().as_u16(), location.as_str()), (303, "/members"), "alice signs in");
    cookies.extend(set_cookies(&login));
    assert!(cookies.iter().any(|c| c.starts_with("postern_session=")), "a session cookie: {cookies:?}");
    let members = http.get(format!("{}/members", server.url)).header("cookie", cookies.join("; ")).send().expect("GET /members");
    assert_eq!(members.status().as_u16(), 200);
    assert!(members.text().expect("page").contains("alice"), "the workspace shows who is signed in");
    let sessions: i64 = pg.with_client(|c| Ok(c.query_one("SELECT count(*) FROM portal_sessions", &[])?.get(0))).expect("count");
    assert_eq!(sessions, 1);

    // A member scans a domain (the resolver answers nothing, which is itself a finding); the
    // report is stored in PostgreSQL and read back anonymously.
    let scan: Value = client()
        .post(format!("{}/api/v1/posture/scan", server.url))
        .bearer_auth(&token)
        .json(&json!({"domains": ["laposte.post"], "register": true}))
        .send()
        .expect("scan")
        .json()
        .expect("json");
    assert_eq!(scan["reports"][0]["domain"], "laposte.post", "{scan}");
    let history: Value = client().get(format!("{}/api/v1/posture/laposte.post", server.url)).send().expect("history").json().expect("json");
    assert_eq!(history["history"].as_array().map(Vec::len), Some(1), "{history}");
    assert_eq!(history["latest"]["score"], scan["reports"][0]["score"]);
    let board: Value = client().get(format!("{}/api/v1/posture", server.url)).send().expect("scoreboard").json().expect("json");
    assert_eq!(board["domains"][0]["domain"], "laposte.post");
    assert_eq!(store::PostureStore::registered_domains(&pg).expect("domains"), vec!["laposte.post"]);
}
