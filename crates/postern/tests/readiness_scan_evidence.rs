//! Scan evidence in the portal's readiness scores against the real DNS lab (NSD + Unbound from
//! scripts/lab): a facilitator declares a post's primary domains, and the hub's fresh posture
//! results for them replace the answers they check, with a contradiction where the scan is 2 or
//! more below the answer.

mod common;

use common::lab::Lab;
use common::visitor::{Visitor, add_user};
use common::{Server, client, fixture};
use serde_json::{Value, json};

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
