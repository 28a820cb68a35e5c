//! Domains proven by a DNS TXT token, against the real DNS lab (NSD + Unbound from scripts/lab):
//! an organisation's administrator asks for a token, publishes it at
//! `_postern-challenge.<domain>`, and the hub checks it through its posture resolver. A proven
//! domain's fresh posture results become scan evidence without a facilitator declaring it; a
//! wrong token, a missing record, a name that does not exist and a failing lookup are refused,
//! each with its reason.

mod common;

use common::lab::Lab;
use common::visitor::{Visitor, add_user};
use common::{Server, client, fixture};
use serde_json::json;

/// The token the page gives for `domain` (the value of its `postern-proof=` record).
fn token_of(html: &str, domain: &str) -> String {
    let row = html.split(&format!("<tr id=\"domain-{domain}\">")).nth(1).unwrap_or_else(|| panic!("no row for {domain}: {html}"));
    let value = row.split("postern-proof=").nth(1).expect("a record value");
    value.chars().take_while(char::is_ascii_hexdigit).collect()
}

fn outcome(html: &str) -> &str {
    html.split("data-outcome=\"").nth(1).and_then(|s| s.split('"').next()).unwrap_or("")
}

#[test]
fn a_txt_token_proves_a_domain_and_every_other_answer_is_refused_with_its_reason() {
    let (lab, unbound) = Lab::start();
    let f = fixture();
    add_user(f.dir.path(), "dave", "La Poste", "admin");
    add_user(f.dir.path(), "alice", "La Poste", "analyst");
    let mut flags = lab.serve_flags(unbound);
    flags.push("--posture-no-https".into());
    let server = Server::start_with(f.dir.path(), &flags.iter().map(String::as_str).collect::<Vec<_>>());
    let mut dave = Visitor::new(&server.url);
    dave.login("dave");
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");

    // Only the organisation's administrators ask for tokens.
    assert_eq!(alice.submit("/members/readiness/domains", &[("domain", "dmarc-none.post")]).0, 403);
    let (status, _, page) = dave.submit("/members/readiness/domains", &[("domain", "not a domain")]);
    assert_eq!((status, outcome(&page)), (422, "invalid"), "{page}");
    for domain in ["dmarc-none.post", "wrong.insecure.post", "nodata.insecure.post", "gone.insecure.post", "lame.post"] {
        let (status, _, page) = dave.submit("/members/readiness/domains", &[("domain", domain)]);
        assert_eq!((status, outcome(&page)), (200, "requested"), "{page}");
    }
    let page = dave.page("/members/readiness/domains");
    let token = token_of(&page, "dmarc-none.post");
    assert_eq!(token.len(), 32, "{page}");
    assert!(page.contains("_postern-challenge.dmarc-none.post. TXT"), "{page}");
    // Asking again keeps the token already published.
    dave.submit("/members/readiness/domains", &[("domain", "DMARC-none.post.")]);
    assert_eq!(token_of(&dave.page("/members/readiness/domains"), "dmarc-none.post"), token);

    lab.add_records("dmarc-none.post", &[format!("_postern-challenge.dmarc-none.post. 60 IN TXT \"postern-proof={token}\"")]);
    lab.add_records(
        "insecure.post",
        &[
            "_postern-challenge.wrong.insecure.post. 60 IN TXT \"postern-proof=0123456789abcdef0123456789abcdef\"".to_owned(),
            "_postern-challenge.nodata.insecure.post. 60 IN A 192.0.2.1".to_owned(),
        ],
    );

    let check = |v: &mut Visitor, domain: &str| {
        let (status, _, page) = v.submit("/members/readiness/domains/check", &[("domain", domain)]);
        (status, outcome(&page).to_owned(), page)
    };
    for (domain, want) in [
        ("wrong.insecure.post", "wrong-token"),
        ("nodata.insecure.post", "no-record"),
        ("gone.insecure.post", "nxdomain"),
        ("lame.post", "dns-failed"),
        ("never-asked.post", "unknown"),
    ] {
        let (status, got, page) = check(&mut dave, domain);
        assert_eq!((status, got.as_str()), (422, want), "{domain}: {page}");
    }
    assert_eq!(check(&mut alice, "dmarc-none.post").0, 403, "an analyst may not check");
    let (status, got, page) = check(&mut dave, "dmarc-none.post");
    assert_eq!((status, got.as_str()), (200, "proven"), "{page}");
    assert!(page.contains("dmarc-none.post is proven"), "{page}");

    // The proven domain's fresh scan is scan evidence with no facilitator declaring it.
    let resp = client()
        .post(format!("{}/api/v1/posture/scan", server.url))
        .bearer_auth(&f.tokens["La Poste"])
        .json(&json!({"domains": ["dmarc-none.post"]}))
        .send()
        .expect("scan");
    assert_eq!(resp.status().as_u16(), 200);
    let (status, location, _) = alice.submit("/members/readiness", &[("counter", "on"), ("website", "on")]);
    assert_eq!(status, 303);
    let area = format!("{location}/area/MAIL");
    alice.page(&area);
    let (status, _, _) = alice.submit(&area, &[("v_MAIL-03", "4"), ("e_MAIL-03", "self"), ("r_MAIL-03", "0"), ("we_MAIL-03", "self")]);
    assert_eq!(status, 303);
    let shown = alice.page(&format!("{location}/score"));
    assert!(shown.contains("MAIL-03: answered 4, but the scan SCAN-DMARC found 2."), "{shown}");
}
