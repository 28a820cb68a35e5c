//! The hand-off and takedown pages of the portal against the real `postern serve`: a post hands
//! its case's CSIRT copy to a CSIRT, the CSIRT acknowledges and asks from `/members/handoffs`,
//! the post sees both on the case page and answers; a third organisation sees nothing of it and
//! cannot act on it; a takedown requested from the case page is audited as
//! `incident.takedown.add`.

mod common;

use common::visitor::{PASSWORD, Visitor, user_add};
use common::{Server, cli, fixture};

/// La Poste's smishing case as the new-case form sends it.
fn case_form() -> [(&'static str, &'static str); 8] {
    [
        ("title", "Smishing wave"),
        ("classification", "fraud:phishing"),
        ("severity", "high"),
        ("cross_border", "unknown"),
        ("suspected_malicious", "yes"),
        ("jurisdiction", "eu"),
        ("zone", "UTC"),
        ("aware", "2026-01-10T09:30"),
    ]
}

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
    let form = case_form();
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

struct Three {
    f: common::Fixture,
    server: Server,
}

/// A hub with La Poste (alice), the CSIRT Posta Shqiptare (arta) and Correos (bob), and La
/// Poste's smishing case; returns the case page's path.
fn three() -> (Three, String) {
    let f = fixture();
    for (name, org) in [("alice", "La Poste"), ("arta", "Posta Shqiptare"), ("bob", "Correos")] {
        let out = user_add(f.dir.path(), name, org, "analyst", PASSWORD);
        assert!(out.status.success(), "user add {name}: {}", String::from_utf8_lossy(&out.stdout));
    }
    let server = Server::start(f.dir.path());
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    let form = case_form();
    let (status, case, _) = alice.post("/members/incidents/new", "/members/incidents/new", &form);
    assert_eq!(status, 303, "{case}");
    (Three { f, server }, case)
}

impl Three {
    fn visitor(&self, user: &str) -> Visitor {
        let mut v = Visitor::new(&self.server.url);
        v.login(user);
        v
    }
}

#[test]
fn the_hand_off_form_offers_only_collections_another_organisation_reads_and_refuses_like_the_api() {
    let (hub, case) = three();
    let dir = hub.f.dir.path();
    // Read by La Poste alone: nobody to hand off to there. Read by the CSIRT, written by Correos
    // only: La Poste cannot write it. Read by Correos only: offered, but not for this CSIRT.
    let internal =
        cli(dir, &["collection", "add", "post-internal", "--read", "La Poste", "--write", "La Poste"])["id"].as_str().map(String::from);
    let csirt_only =
        cli(dir, &["collection", "add", "csirt-inbox", "--read", "Posta Shqiptare", "--write", "Correos"])["id"].as_str().map(String::from);
    let correos =
        cli(dir, &["collection", "add", "correos-inbox", "--read", "Correos", "--write", "La Poste"])["id"].as_str().map(String::from);
    let (internal, csirt_only, correos) = (internal.expect("id"), csirt_only.expect("id"), correos.expect("id"));
    let mut alice = hub.visitor("alice");
    let page = alice.page(&case);
    let options: Vec<&str> = page.split("<option value=\"").skip(1).filter_map(|o| o.split('"').next()).collect();
    assert!(options.contains(&hub.f.collection.as_str()) && options.contains(&correos.as_str()), "{options:?}");
    assert!(!options.contains(&internal.as_str()) && !options.contains(&csirt_only.as_str()), "{options:?}");
    assert!(page.contains("Correos, Posta Shqiptare)") && page.contains("correos-inbox (read by Correos)"), "{page}");

    // The API's refusals, naming the field; nothing handed off.
    let path = format!("{case}/handoffs");
    for (col, says) in [(correos.as_str(), "cannot read"), (internal.as_str(), "cannot read"), ("no-such <b>", "cannot read")] {
        let (status, _, body) = alice.post(&case, &path, &[("csirt", "Posta Shqiptare"), ("collection", col)]);
        assert_eq!(status, 400, "{col}: {body}");
        assert!(body.contains("collection") && body.contains(says) && !body.contains("<b>"), "{body}");
    }
    assert!(!alice.page(&case).contains("CSIRT copy handed to"), "a refused copy leaves no hand-off");

    // Into the shared collection: the CSIRT reads its copy there over TAXII, Correos does not.
    let (status, _, body) = alice.post(&case, &path, &[("csirt", "Posta Shqiptare"), ("collection", &hub.f.collection)]);
    assert_eq!(status, 303, "{body}");
    assert!(alice.page(&case).contains("CSIRT copy handed to Posta Shqiptare"));
    let incidents = |org: &str| -> usize {
        let url = format!("{}/isac/collections/{}/objects/", hub.server.url, hub.f.collection);
        let r = common::client()
            .get(url)
            .bearer_auth(&hub.f.tokens[org])
            .header("Accept", "application/taxii+json;version=2.1")
            .send()
            .expect("get");
        let v: serde_json::Value = r.json().expect("json");
        v["objects"].as_array().map_or(0, |a| a.iter().filter(|o| o["type"] == "incident").count())
    };
    assert_eq!((incidents("Posta Shqiptare"), incidents("Correos")), (1, 0));
    let audit = cli(dir, &["audit"]);
    let line = audit["entries"].as_array().expect("entries").iter().find(|e| e["action"] == "incident.handoff.send").cloned();
    assert!(line.is_some_and(|e| e["detail"].as_str().is_some_and(|d| d.contains("added to collection"))), "{audit}");
}

#[test]
fn the_csirt_asks_for_an_intermediate_report_from_its_inbox_and_the_post_sees_it_owed() {
    let (hub, case) = three();
    let (mut alice, mut arta, mut bob) = (hub.visitor("alice"), hub.visitor("arta"), hub.visitor("bob"));
    let case_page = alice.page(&case);
    assert!(case_page.contains("owed only if the CSIRT or authority asks for it"), "{case_page}");
    assert_eq!(alice.post(&case, &format!("{case}/handoffs"), &[("csirt", "Posta Shqiptare")]).0, 303);
    let inbox = arta.page("/members/handoffs");
    let hid = inbox.split("id=\"handoff-").nth(1).and_then(|s| s.split('"').next()).expect("a hand-off id").to_string();
    assert!(inbox.contains("Ask the post for: Intermediate report"), "{inbox}");
    let path = format!("/members/handoffs/{hid}/requests");
    let due = (chrono::Utc::now() + chrono::TimeDelta::days(3)).format("%Y-%m-%dT%H:%M").to_string();
    let fields = [("stage", "intermediate_report"), ("due", due.as_str()), ("note", "Takedown <i>status</i>?")];
    // Nobody but the CSIRT may ask; bad input names the field.
    assert_eq!(bob.post("/members/handoffs", &path, &fields).0, 404);
    assert_eq!(alice.post("/members/handoffs", &path, &fields).0, 404);
    let (status, _, body) = arta.post("/members/handoffs", &path, &[("stage", "intermediate_report"), ("due", "2020-01-01T10:00")]);
    assert!(status == 400 && body.contains("due"), "{status} {body}");
    let (status, _, body) = arta.post("/members/handoffs", &path, &[("stage", "early_warning")]);
    assert!(status == 400 && body.contains("stage"), "{status} {body}");
    assert_eq!(arta.post_with(&path, "forged", &fields).0, 403);
    assert_eq!(arta.post("/members/handoffs", &path, &fields).0, 303);
    let inbox = arta.page("/members/handoffs");
    assert!(inbox.contains("Intermediate report requested 20") && !inbox.contains("Ask the post for"), "asked once: {inbox}");
    assert!(inbox.contains("Takedown &lt;i&gt;status&lt;&#x2f;i&gt;?"), "{inbox}");

    // The post's case page: the request on the hand-off, the stage owed by the CSIRT's date.
    let page = alice.page(&case);
    let due_utc = due.replace('T', " ") + " UTC";
    assert!(page.contains("Intermediate report requested 20") && page.contains(&format!("{due_utc}</td>")), "{page}");
    assert!(page.contains("<option value=\"intermediate_report\">"), "the stage may now be submitted: {page}");
    let audit = cli(hub.f.dir.path(), &["audit"]);
    assert!(audit["entries"].as_array().expect("entries").iter().any(|e| e["action"] == "incident.report.request"));
}
