//! The members' workspace over plain HTTP against the real `postern serve`: login backoff,
//! sessions and logout, CSRF on member forms, administration (tokens shown once), TLP:RED
//! recipient lists, and awareness pages fed only by TLP:CLEAR data.

mod common;

use common::visitor::{PASSWORD, Visitor, user_add};
use common::{Server, fixture};

fn setup() -> (common::Fixture, Server) {
    let f = fixture();
    for (name, org, role) in
        [("root", "hub", "admin"), ("alice", "La Poste", "analyst"), ("bob", "Correos", "analyst"), ("carol", "Posta Shqiptare", "analyst")]
    {
        let out = user_add(f.dir.path(), name, org, role, PASSWORD);
        assert!(out.status.success(), "user add {name}: {}", String::from_utf8_lossy(&out.stdout));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v["username"], name);
    }
    assert!(!user_add(f.dir.path(), "short", "La Poste", "reader", "too short").status.success(), "passwords of 12 characters at least");
    let listed = common::cli(f.dir.path(), &["user", "list"]);
    assert_eq!(listed["users"].as_array().map(Vec::len), Some(4));
    let server = Server::start(f.dir.path());
    (f, server)
}

#[test]
fn login_backs_off_and_logout_ends_the_session() {
    let (_f, server) = setup();
    let mut w = Visitor::new(&server.url);
    w.login("bob");
    let old = w.cookie_header();
    let (s, _) = w.get("/members");
    assert_eq!(s, 200);
    let (s, location, _) = w.post("/members", "/logout", &[]);
    assert_eq!((s, location.as_str()), (303, "/"));
    let resp = reqwest::blocking::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
        .get(format!("{}/members", server.url))
        .header("cookie", old)
        .send()
        .expect("GET");
    assert_eq!(resp.status(), 303, "the old session cookie no longer works");

    // Backoff (per address and per user name; every test client is 127.0.0.1).
    let mut v = Visitor::new(&server.url);
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let (s, _, _) = v.post("/login", "/login", &[("username", "alice"), ("password", "wrong password!")]);
        statuses.push(s);
    }
    assert_eq!(statuses, [401, 401, 401, 401]);
    let (s, _, body) = v.post("/login", "/login", &[("username", "alice"), ("password", PASSWORD)]);
    assert_eq!(s, 429, "the fifth attempt must wait, even with the right password");
    assert!(body.contains("Wait 2 seconds") || body.contains("Wait 1 seconds"), "says how long");
}

#[test]
fn member_forms_need_the_session_token() {
    let (_f, server) = setup();
    let mut v = Visitor::new(&server.url);
    v.login("alice");
    let (s, _, _) = v.post_with("/members/recipients", "forged", &[("name", "x"), ("orgs", "Correos")]);
    assert_eq!(s, 403);
    let (s, location, _) = v.post("/members/recipients", "/members/recipients", &[("name", "iberia"), ("orgs", "Correos")]);
    assert_eq!((s, location.as_str()), (303, "/members/recipients"));
}

#[test]
fn administration_shows_a_token_once_and_is_for_hub_admins_only() {
    let (_f, server) = setup();
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    assert_eq!(alice.get("/members/admin").0, 403);

    let mut root = Visitor::new(&server.url);
    root.login("root");
    let (s, _, page) = root.post("/members/admin", "/members/admin/tokens", &[("org", "Correos"), ("role", "reader")]);
    assert_eq!(s, 200);
    let at = page.find("value=\"pst_").expect("the new token is shown") + "value=\"".len();
    let token = page[at..].split('"').next().expect("token").to_string();
    let (_, again) = root.get("/members/admin");
    assert!(!again.contains(&token), "shown once");
    let resp =
        common::client().get(format!("{}/taxii2/", server.url)).bearer_auth(&token).header("accept", common::TAXII).send().expect("GET");
    assert_eq!(resp.status(), 200, "the issued token works on TAXII");
    let token_id = token.strip_prefix("pst_").and_then(|t| t.split('_').next()).expect("token id").to_string();
    let (s, _, _) = root.post("/members/admin", "/members/admin/tokens/revoke", &[("id", token_id.as_str())]);
    assert_eq!(s, 303, "revoked from the admin page");
    let resp = common::client()
        .get(format!("{}/isac/collections/", server.url))
        .bearer_auth(&token)
        .header("accept", common::TAXII)
        .send()
        .expect("GET");
    assert_eq!(resp.status(), 401, "a revoked token no longer works");
    assert!(root.get("/members/admin").1.contains("Federation peers"), "peers are shown to admins");

    let (s, _, _) = root.post(
        "/members/admin",
        "/members/admin/users",
        &[("org", "Correos"), ("username", "dora"), ("password", PASSWORD), ("role", "reader")],
    );
    assert_eq!(s, 303);
    Visitor::new(&server.url).login("dora");
    let (s, _, _) = root.post("/members/admin", "/members/admin/orgs", &[("name", "Posti"), ("country", "FI")]);
    assert_eq!(s, 303);
    assert!(root.get("/members/admin").1.contains("Posti"));
}

/// Submits an indicator as `v`, returning its id.
fn submit(v: &mut Visitor, collection: &str, value: &str, tlp: &str, recipients: &str) -> String {
    let (s, location, body) = v.post(
        "/members/indicators/new",
        "/members/indicators/new",
        &[("value", value), ("name", value), ("collection", collection), ("tlp", tlp), ("recipients", recipients)],
    );
    assert_eq!(s, 303, "{body}");
    location.rsplit('/').next().expect("id").to_string()
}

#[test]
fn red_indicators_reach_named_recipients_only_in_every_view() {
    let (f, server) = setup();
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    alice.post("/members/recipients", "/members/recipients", &[("name", "iberia"), ("orgs", "Correos")]);
    let (_, page) = alice.get("/members/indicators/new");
    let select = page.find("name=\"recipients\"").expect("the recipients select");
    // The first option is "only my organisation"; the second is the iberia list.
    let list_id =
        page[select..].split("<option value=\"").nth(2).and_then(|s| s.split('"').next()).expect("the iberia list id").to_string();
    let red = submit(&mut alice, &f.collection, "http://colis-rouge.top/x", "red", &list_id);
    let private = submit(&mut alice, &f.collection, "http://colis-prive.top/x", "red", "");

    let mut bob = Visitor::new(&server.url);
    bob.login("bob");
    let mut carol = Visitor::new(&server.url);
    carol.login("carol");
    for path in ["/members/indicators", "/members/indicators?tlp=red"] {
        let (_, b) = bob.get(path);
        assert!(b.contains(&red) && !b.contains(&private), "bob (a named recipient) sees only the shared one on {path}");
        let (_, c) = carol.get(path);
        assert!(!c.contains(&red) && !c.contains(&private), "carol sees neither on {path}");
    }
    assert!(bob.get("/members").1.contains("<span class=\"figure\" id=\"total\">1</span>"));
    assert!(carol.get("/members").1.contains("<span class=\"figure\" id=\"total\">0</span>"));
    assert_eq!(carol.get(&format!("/members/objects/{}/{red}", f.collection)).0, 404);
    assert_eq!(bob.get(&format!("/members/objects/{}/{private}", f.collection)).0, 404);
    let (s, detail) = bob.get(&format!("/members/objects/{}/{red}", f.collection));
    assert!(s == 200 && detail.contains("tlp tlp-red"));

    // The brand filter keeps what impersonates the brand.
    let lookalike = submit(&mut alice, &f.collection, "http://laposte-colis-frais.top/x", "green", "");
    let (_, b) = bob.get("/members/indicators?brand=la+poste");
    assert!(b.contains(&lookalike) && !b.contains(&red), "brand filter");
}

#[test]
fn triage_feeds_awareness_pages_with_clear_data_only() {
    let (f, server) = setup();
    let mut citizen = Visitor::new(&server.url);
    for (i, text) in [
        "La Poste : votre colis est retenu en douane. Payez 1,99 EUR sur https://douane-colis-clair.top/p",
        "La Poste : votre colis est retenu en douane. Payez 2,99 EUR sur https://douane-colis-vert.top/p",
        "Bonjour, on se voit demain ?",
    ]
    .iter()
    .enumerate()
    {
        let (s, _, body) =
            citizen.post("/report", "/report", &[("kind", "message"), ("content", text), ("country", "FR"), ("contact", "")]);
        assert_eq!(s, 200, "report {i}: {body}");
    }
    let mut alice = Visitor::new(&server.url);
    alice.login("alice");
    for (id, tlp) in [("1", "clear"), ("2", "green")] {
        let (s, location, body) = alice.post(
            "/members/triage",
            &format!("/members/triage/{id}"),
            &[("decision", "accept"), ("tlp", tlp), ("collection", &f.collection)],
        );
        assert_eq!(s, 303, "{body}");
        assert!(location.contains("/indicator--"));
    }
    let (s, _, _) = alice.post("/members/triage", "/members/triage/3", &[("decision", "reject")]);
    assert_eq!(s, 303);
    let (s, _, _) = alice.post("/members/triage", "/members/triage/3", &[("decision", "reject")]);
    assert_eq!(s, 409, "decided once");
    let (_, queue) = alice.get("/members/triage");
    assert!(queue.contains("No report is waiting"));

    let mut anyone = Visitor::new(&server.url);
    let (_, page) = anyone.get("/aware/customs_fee");
    assert!(page.contains("douane-colis-clair[.]top"), "the CLEAR example is shown, defanged");
    for lure in
        ["customs_fee", "package_held", "redelivery_fee", "failed_delivery", "tax", "refund", "prize", "address_update", "account_locked"]
    {
        let (_, page) = anyone.get(&format!("/aware/{lure}"));
        assert!(!page.contains("douane-colis-vert"), "the GREEN one never reaches a public page ({lure})");
    }
}
