//! The hand-off and takedown pages of the portal against the real `postern serve`: a post hands
//! its case's CSIRT copy to a CSIRT, the CSIRT acknowledges and asks from `/members/handoffs`,
//! the post sees both on the case page and answers; a third organisation sees nothing of it and
//! cannot act on it; a takedown requested from the case page is audited as
//! `incident.takedown.add`.

mod common;

use common::visitor::{PASSWORD, Visitor, user_add};
use common::{Server, cli, fixture};

#[test]
fn a_post_and_its_csirt_exchange_on_the_hand_off_and_nobody_else_sees_it() {
    let f = fixture();
    for (name, org) in [("alice", "La Poste"), ("arta", "Posta Shqiptare"), ("bob", "Correos")] {
        let out = user_add(f.dir.path(), name, org, "analyst", PASSWORD);
        assert!(out.status.success(), "user add {name}: {}", String::from_utf8_lossy(&out.stdout));
    }
    let server = Server::start(f.dir.path());
    let login = |user: &str| {
        let mut v = Visitor::new(&server.url);
        v.login(user);
        v
    };
    let (mut alice, mut arta, mut bob) = (login("alice"), login("arta"), login("bob"));
    let form = [
        ("title", "Smishing wave"),
        ("classification", "fraud:phishing"),
        ("severity", "high"),
        ("cross_border", "unknown"),
        ("suspected_malicious", "yes"),
        ("jurisdiction", "eu"),
        ("zone", "UTC"),
        ("aware", "2026-01-10T09:30"),
    ];
    let (status, location, _) = alice.post("/members/incidents/new", "/members/incidents/new", &form);
    assert_eq!(status, 303, "{location}");
    let case = location.clone();

    // An unknown organisation is refused naming the field; a real one gets the copy.
    let (status, _, body) = alice.post(&case, &format!("{case}/handoffs"), &[("csirt", "Nobody <b>")]);
    assert_eq!(status, 400);
    assert!(body.contains("csirt") && !body.contains("<b>"), "{body}");
    let (status, _, _) = alice.post(&case, &format!("{case}/handoffs"), &[("csirt", "Posta Shqiptare")]);
    assert_eq!(status, 303);
    assert!(alice.page(&case).contains("not acknowledged yet"));

    // The CSIRT's inbox lists it; the third organisation's is empty.
    let inbox = arta.page("/members/handoffs");
    assert!(inbox.contains("La Poste: incident #"), "{inbox}");
    let hid = inbox.split("id=\"handoff-").nth(1).and_then(|s| s.split('"').next()).expect("a hand-off id").to_string();
    let other = bob.page("/members/handoffs");
    assert!(!other.contains("La Poste") && other.contains("No incident has been handed"), "{other}");
    // Bob cannot acknowledge or ask on it, nor read the case.
    assert_eq!(bob.post("/members/handoffs", &format!("/members/handoffs/{hid}/ack"), &[]).0, 404);
    assert_eq!(bob.post("/members/handoffs", &format!("/members/handoffs/{hid}/messages"), &[("kind", "question"), ("body", "?")]).0, 404);
    assert_eq!(bob.get(&case).0, 404);
    assert_eq!(bob.get(&format!("/members/handoffs/{hid}/copy")).0, 404);
    // The CSIRT downloads its copy, marked TLP:AMBER+STRICT.
    let (status, _, copy) = arta.get_bytes(&format!("/members/handoffs/{hid}/copy"));
    assert_eq!(status, 200);
    let copy = String::from_utf8(copy).expect("utf-8");
    assert!(copy.contains("marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"), "{copy}");

    assert_eq!(arta.post("/members/handoffs", &format!("/members/handoffs/{hid}/ack"), &[]).0, 303);
    let (status, _, _) = arta.post(
        "/members/handoffs",
        &format!("/members/handoffs/{hid}/messages"),
        &[("kind", "question"), ("body", "Which sender <i>IDs</i>?")],
    );
    assert_eq!(status, 303);
    let page = alice.page(&case);
    assert!(page.contains("acknowledged 20"), "the post sees the acknowledgement time: {page}");
    assert!(page.contains("Which sender &lt;i&gt;IDs&lt;&#x2f;i&gt;?"), "the question, escaped: {page}");
    let (status, _, _) = alice.post(&case, &format!("{case}/handoffs/{hid}/messages"), &[("kind", "answer"), ("body", "POSTE-INFO")]);
    assert_eq!(status, 303);
    assert!(arta.page("/members/handoffs").contains("POSTE-INFO"));

    // A takedown request from the case page.
    let fields =
        [("domain", "laposte-colis.example"), ("contacts", "abuse@registrar.example\nhttps://host.example/abuse"), ("evidence", "")];
    assert_eq!(alice.post(&case, &format!("{case}/takedowns"), &fields).0, 303);
    let page = alice.page(&case);
    assert!(page.contains("<code>laposte-colis.example</code>") && page.contains("requested"), "{page}");
    let bad = [("domain", "https://x.example/pay"), ("contacts", "abuse@r.example")];
    assert_eq!(alice.post(&case, &format!("{case}/takedowns"), &bad).0, 400);

    let audit = cli(f.dir.path(), &["audit"]);
    let actions: Vec<&str> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["action"].as_str()).collect();
    for a in ["incident.handoff.send", "incident.handoff.ack", "incident.handoff.message", "incident.takedown.add"] {
        assert!(actions.contains(&a), "{a} not audited: {actions:?}");
    }
}
