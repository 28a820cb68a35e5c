//! Domain posture in the hub against the real DNS lab (NSD + Unbound from scripts/lab): scans by
//! members, history and scoreboard, problem details for bad requests.

mod common;

use std::process::Command;

use common::{Server, client, fixture};
use serde_json::{Value, json};

fn free_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0").and_then(|s| s.local_addr()).map(|a| a.port()).expect("free port")
}

/// The lab's NSD and Unbound, stopped on drop.
struct Lab {
    dir: tempfile::TempDir,
}

impl Drop for Lab {
    fn drop(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/lab/lab.sh");
        let _ = Command::new("bash").arg(script).arg("down").arg(self.dir.path()).status();
    }
}

#[test]
fn members_scan_domains_and_everyone_reads_the_history() {
    let lab = Lab { dir: tempfile::tempdir().expect("tmp") };
    let (nsd, unbound) = (free_port(), free_port());
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/lab/lab.sh");
    // The servers lab.sh starts outlive it: give them a log file, not our pipes, or waiting for
    // the script would wait for them too.
    let log_path = lab.dir.path().join("lab.log");
    let log = std::fs::File::create(&log_path).expect("log file");
    let up = Command::new("bash")
        .arg(script)
        .args(["up"])
        .arg(lab.dir.path())
        .args(["127.0.0.1", &nsd.to_string(), &unbound.to_string()])
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .status()
        .expect("run lab.sh (needs nsd, unbound, ldnsutils: scripts/test installs them)");
    assert!(up.success(), "lab did not start: {}", std::fs::read_to_string(&log_path).unwrap_or_default());

    let f = fixture();
    let anchor = lab.dir.path().join("lab/anchor.ds");
    let server = Server::start_with(
        f.dir.path(),
        &[
            "--posture-resolver",
            &format!("127.0.0.1:{unbound}"),
            "--posture-trust-anchor",
            anchor.to_str().expect("utf8"),
            "--posture-no-https",
        ],
    );
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
    let cookie = portal_login(&f, &server.url);
    let page =
        |path: &str| client().get(format!("{}{path}", server.url)).header("cookie", &cookie).send().expect("get").text().expect("html");
    let board = page("/members/posture");
    assert!(board.contains("good.post") && board.contains("dmarc-none.post"), "{board}");
    let detail = page("/members/posture/dmarc-none.post");
    assert!(detail.contains("dmarc-policy-none"), "{detail}");
}

/// Creates a portal user for La Poste and signs in through the login form; returns the cookies.
fn portal_login(f: &common::Fixture, base: &str) -> String {
    use std::io::Write;
    const PASSWORD: &str = "correct horse battery staple";
    let mut child = Command::new(common::exe())
        .arg("--data")
        .arg(f.dir.path())
        .args(["--json", "user", "add", "alice", "--org", "La Poste", "--role", "analyst"])
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
        .form(&[("username", "alice"), ("password", PASSWORD), ("csrf", csrf.as_str())])
        .send()
        .expect("login");
    assert_eq!(resp.status().as_u16(), 303, "signed in");
    cookies.extend(resp.headers().get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()?.split(';').next().map(String::from)));
    cookies.join("; ")
}
