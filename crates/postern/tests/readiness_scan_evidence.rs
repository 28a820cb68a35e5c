//! Scan evidence in the portal's readiness scores against the real DNS lab (NSD + Unbound from
//! scripts/lab): a facilitator declares a post's primary domains, and the hub's fresh posture
//! results for them replace the answers they check, with a contradiction where the scan is 2 or
//! more below the answer.

mod common;

use std::process::Command;

use common::visitor::{Visitor, add_user};
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

impl Lab {
    /// Starts NSD and Unbound on free ports; the resolver address is `self.resolver()`.
    fn start() -> (Lab, u16) {
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
        (lab, unbound)
    }

    /// The `serve` flags that point posture scans at this lab.
    fn serve_flags(&self, unbound: u16) -> Vec<String> {
        let anchor = self.dir.path().join("lab/anchor.ds");
        vec![
            "--posture-resolver".into(),
            format!("127.0.0.1:{unbound}"),
            "--posture-trust-anchor".into(),
            anchor.to_str().expect("utf8").into(),
        ]
    }
}

#[test]
fn declared_domains_bring_fresh_hub_scans_into_the_score() {
    let (lab, unbound) = Lab::start();
    let f = fixture();
    add_user(f.dir.path(), "alice", "La Poste", "analyst");
    add_user(f.dir.path(), "fac", "hub", "analyst");
    let mut flags = lab.serve_flags(unbound);
    flags.push("--posture-no-https".into());
    let server = Server::start_with(f.dir.path(), &flags.iter().map(String::as_str).collect::<Vec<_>>());
    let resp = client()
        .post(format!("{}/api/v1/posture/scan", server.url))
        .bearer_auth(&f.tokens["La Poste"])
        .json(&json!({"domains": ["dmarc-none.post"]}))
        .send()
        .expect("scan");
    assert_eq!(resp.status().as_u16(), 200);
    let scanned: Value = resp.json().expect("json");
    assert!(scanned.to_string().contains("dmarc-policy-none"), "{scanned}");

    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    let (status, location, _) = alice.submit("/members/readiness", &[("counter", "on"), ("website", "on")]);
    assert_eq!(status, 303);
    let area = format!("{location}/area/MAIL");
    let page = alice.page(&area);
    let (status, _, _) = alice.submit(&area, &[("v_MAIL-03", "4"), ("e_MAIL-03", "self"), ("r_MAIL-03", "0"), ("we_MAIL-03", "self")]);
    assert_eq!(status, 303, "{page}");
    let score = format!("{location}/score");
    assert!(!alice.page(&score).contains("SCAN-DMARC"), "no declared domain, no scan evidence");

    // Members cannot declare their own evidence base; the facilitator does.
    let domains = format!("{location}/domains");
    assert_eq!(alice.submit(&domains, &[("domains", "dmarc-none.post")]).0, 403);
    let mut fac = Visitor::new(&server.url);
    fac.login("fac");
    assert_eq!(fac.submit(&domains, &[("domains", "not a domain")]).0, 400);
    assert_eq!(fac.submit(&domains, &[("domains", "DMARC-none.post.\n")]).0, 303);
    assert!(alice.page(&location).contains("<code>dmarc-none.post</code>"));

    // DMARC p=none scores 2 against an answer of 4: the scan decides and the page says why.
    let shown = alice.page(&score);
    assert!(shown.contains("MAIL-03: answered 4, but the scan SCAN-DMARC found 2."), "{shown}");
}
