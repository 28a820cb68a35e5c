//! Who may do what, against the real `postern serve`: every role-guarded portal page and form,
//! and every JSON and federation API write, tried by each role (anonymous, reader, analyst,
//! organisation admin, hub analyst, hub admin) through one `check` helper that also asserts
//! the side effect is absent after a refusal (probe 2026-12, attempt 29, D7). Also: a
//! citizen's contact details reach only the hub operator's analysts, and triage's "ours"
//! compares organisation ids, not names (the report's observations).
//!
//! Forms open to everyone change nothing a role guards and are not in the table: login and
//! logout, the public link and message checks, and citizens' reports (`/report`).

mod common;

use std::collections::HashMap;

use common::visitor::{PASSWORD, Visitor, add_user};
use common::{Server, TAXII, cli, client, fixture};
use serde_json::{Value, json};

/// TLP 2.0 marking definitions.
const CLEAR: &str = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
const GREEN: &str = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";

/// The roles of the table, in its column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Who {
    Anonymous,
    Reader,
    Analyst,
    OrgAdmin,
    HubAnalyst,
    HubAdmin,
}

const ROLES: [Who; 6] = [Who::Anonymous, Who::Reader, Who::Analyst, Who::OrgAdmin, Who::HubAnalyst, Who::HubAdmin];

impl Who {
    /// The portal user of the role (all of La Poste but the hub's two).
    fn user(self) -> Option<&'static str> {
        match self {
            Who::Anonymous => None,
            Who::Reader => Some("rita"),
            Who::Analyst => Some("alice"),
            Who::OrgAdmin => Some("olga"),
            Who::HubAnalyst => Some("hana"),
            Who::HubAdmin => Some("root"),
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Who::Anonymous => "anon",
            Who::Reader => "reader",
            Who::Analyst => "analyst",
            Who::OrgAdmin => "orgadmin",
            Who::HubAnalyst => "hubanalyst",
            Who::HubAdmin => "hubadmin",
        }
    }

    /// The user who may edit the recipient lists of this role's organisation.
    fn editor(self) -> Who {
        match self {
            Who::HubAnalyst | Who::HubAdmin => Who::HubAdmin,
            _ => Who::Analyst,
        }
    }
}

/// What a role should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The action is done: the action's success status, and its side effect is seen.
    Done,
    /// Not signed in: the portal sends to the login page, the APIs answer 401.
    SignIn,
    /// 403, and nothing changed.
    Refused,
}
use Outcome::{Done as D, Refused as R, SignIn as S};

/// A hub with a user and an API token per role, and a collection that La Poste and the hub
/// organisation may both write (so that refusals come from roles, not from grants).
struct Hub {
    f: common::Fixture,
    server: Server,
    /// Shared by La Poste and the hub organisation; readable by every member.
    collection: String,
    visitors: HashMap<Who, Visitor>,
    tokens: HashMap<Who, String>,
}

impl Hub {
    fn start() -> Hub {
        let f = fixture();
        let dir = f.dir.path();
        let c = cli(dir, &["collection", "add", "hub-and-la-poste", "--read", "all", "--write", "La Poste,hub"]);
        let collection = c["id"].as_str().expect("id").to_string();
        let mut tokens = HashMap::new();
        for (who, org, role) in [
            (Who::Reader, "La Poste", "reader"),
            (Who::Analyst, "La Poste", "analyst"),
            (Who::OrgAdmin, "La Poste", "admin"),
            (Who::HubAnalyst, "hub", "analyst"),
            (Who::HubAdmin, "hub", "admin"),
        ] {
            add_user(dir, who.user().expect("a user"), org, role);
            let t = cli(dir, &["token", "issue", "--org", org, "--role", role]);
            tokens.insert(who, t["token"].as_str().expect("token").to_string());
        }
        // Posture scans resolve only through a loopback address (none is started here).
        let server = Server::start_with(dir, &["--posture-resolver", "127.0.0.1:9"]);
        let mut visitors = HashMap::new();
        for who in ROLES {
            let mut v = Visitor::new(&server.url);
            if let Some(user) = who.user() {
                v.login(user);
            }
            visitors.insert(who, v);
        }
        Hub { f, server, collection, visitors, tokens }
    }

    fn as_(&mut self, who: Who) -> &mut Visitor {
        self.visitors.get_mut(&who).expect("a visitor per role")
    }

    /// Objects of `kind` in the shared collection, as La Poste's analyst token reads them.
    fn count(&self, kind: &str) -> usize {
        let url = format!("{}/isac/collections/{}/objects/?match[type]={kind}&limit=1000", self.server.url, self.collection);
        let resp = client().get(url).bearer_auth(&self.f.tokens["La Poste"]).header("accept", TAXII).send().expect("GET objects");
        assert_eq!(resp.status(), 200);
        let v: Value = resp.json().expect("envelope");
        v["objects"].as_array().map_or(0, Vec::len)
    }

    /// The recipient list `name` of `who`'s organisation as its editor's page shows it.
    fn list(&mut self, who: Who, name: &str) -> Option<String> {
        let page = self.as_(who.editor()).page("/members/recipients");
        let marker = format!("<strong>{name}</strong>: ");
        let at = page.find(&marker)? + marker.len();
        Some(page[at..].split(['\n', '<']).next().unwrap_or("").to_string())
    }

    /// The id of list `name` of `who`'s organisation.
    fn list_id(&mut self, who: Who, name: &str) -> String {
        let page = self.as_(who.editor()).page("/members/recipients");
        let at = page.find(&format!("<strong>{name}</strong>")).expect("the list");
        let field = "name=\"delete\" value=\"";
        let at = page[at..].find(field).map(|i| at + i + field.len()).expect("its delete form");
        page[at..].split('"').next().expect("id").to_string()
    }
}

/// One request of the table: where it goes and what it sends, for one role.
struct Request {
    method: &'static str,
    path: String,
    /// Form fields (portal) or the JSON body (APIs).
    form: Vec<(String, String)>,
    json: Option<Value>,
}

impl Request {
    fn get(path: impl Into<String>) -> Request {
        Request { method: "GET", path: path.into(), form: Vec::new(), json: None }
    }

    fn form(path: impl Into<String>, fields: &[(&str, &str)]) -> Request {
        let form = fields.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Request { method: "POST", path: path.into(), form, json: None }
    }

    fn json(path: impl Into<String>, body: Value) -> Request {
        Request { method: "POST", path: path.into(), form: Vec::new(), json: Some(body) }
    }
}

/// Builds the request of one role.
type MakeRequest = Box<dyn Fn(&mut Hub, Who) -> Request>;
/// Reads what an action changes, for one role.
type Observe = Box<dyn Fn(&mut Hub, Who) -> String>;

/// One action of the table.
struct Action {
    name: &'static str,
    /// The status of a `Done`.
    done: u16,
    request: MakeRequest,
    /// What the action changes, observed as a privileged user; `None` for pages that only show.
    observe: Option<Observe>,
    /// The expected outcome per role, in the order of `ROLES`.
    expect: [Outcome; 6],
}

/// Runs every role through `action` and checks status and side effect: the one helper of the
/// table.
fn check(hub: &mut Hub, action: &Action) {
    for (who, expect) in ROLES.into_iter().zip(action.expect) {
        let before = action.observe.as_ref().map(|o| o(hub, who));
        let req = (action.request)(hub, who);
        let (status, location, body) = match (&req.json, req.method) {
            (Some(body), _) => {
                let mut r = client().post(format!("{}{}", hub.server.url, req.path)).json(body);
                if who != Who::Anonymous {
                    r = r.bearer_auth(&hub.tokens[&who]);
                }
                let resp = r.send().expect("POST");
                (resp.status().as_u16(), String::new(), resp.text().unwrap_or_default())
            }
            (None, "GET") => hub.as_(who).get_full(&req.path),
            (None, _) => {
                let fields: Vec<(&str, &str)> = req.form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                hub.as_(who).submit(&req.path, &fields)
            }
        };
        let api = req.json.is_some();
        let what = format!("{} as {who:?}", action.name);
        match expect {
            Outcome::Done => assert_eq!(status, action.done, "{what}: {}", body.chars().take(600).collect::<String>()),
            Outcome::SignIn if api => assert_eq!(status, 401, "{what}: {body}"),
            Outcome::SignIn => assert_eq!((status, location.as_str()), (303, "/login"), "{what}"),
            Outcome::Refused => {
                assert_eq!(status, 403, "{what}: {}", body.chars().take(600).collect::<String>());
                if api {
                    assert!(body.contains("\"status\":403"), "{what}: problem details or a TAXII error: {body}");
                } else {
                    assert!(body.contains("You may not do this."), "{what}: the portal's 403 page");
                }
            }
        }
        if let (Some(observe), Some(before)) = (&action.observe, before) {
            let after = observe(hub, who);
            match expect {
                Outcome::Done => assert_ne!(before, after, "{what}: the change is made"),
                _ => assert_eq!(before, after, "{what}: nothing changed after the refusal"),
            }
        }
    }
}

fn reports_open(hub: &mut Hub) -> String {
    let page = hub.as_(Who::Analyst).page("/members/triage");
    page.match_indices("id=\"report-").map(|(i, _)| page[i..].split('"').nth(1).unwrap_or("").to_string()).collect::<Vec<_>>().join(",")
}

#[test]
fn every_portal_page_and_form_checks_the_role() {
    let mut hub = Hub::start();
    let col = hub.collection.clone();
    // Something to sight, recipient lists to overwrite and delete, reports to triage, a token
    // to revoke.
    let (s, location, _) = hub.as_(Who::Analyst).submit(
        "/members/indicators/new",
        &[("value", "http://colis-a-voir.top/x"), ("name", "seen"), ("collection", &col), ("tlp", "green"), ("recipients", "")],
    );
    assert_eq!(s, 303);
    let sighted = location.rsplit('/').next().expect("id").to_string();
    for who in ROLES {
        let editor = who.editor();
        let (s, _, _) = hub.as_(editor).submit("/members/recipients", &[("name", &format!("del-{}", who.tag())), ("orgs", "Correos")]);
        assert_eq!(s, 303);
    }
    for editor in [Who::Analyst, Who::HubAdmin] {
        let (s, _, _) = hub.as_(editor).submit("/members/recipients", &[("name", "trusted"), ("orgs", "Correos")]);
        assert_eq!(s, 303);
    }
    let mut citizen = Visitor::new(&hub.server.url);
    for i in 1..=4 {
        let text = format!("Votre colis {i} est retenu : payez 1,99 EUR sur https://douane-{i}.top/p");
        let (s, _, body) = citizen.submit("/report", &[("kind", "message"), ("content", &text), ("country", "FR"), ("contact", "")]);
        assert_eq!(s, 200, "{body}");
    }
    let revocable = cli(hub.f.dir.path(), &["token", "issue", "--org", "Correos", "--role", "reader"]);
    let revocable = revocable["id"].as_str().expect("token id").to_string();

    let admin_page = |hub: &mut Hub, _: Who| hub.as_(Who::HubAdmin).page("/members/admin");
    let actions = vec![
        Action {
            name: "GET the submit form",
            done: 200,
            request: Box::new(|_, _| Request::get("/members/indicators/new")),
            observe: None,
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "submit an indicator",
            done: 303,
            request: Box::new(move |_, who| {
                let value = format!("http://colis-{}.top/x", who.tag());
                Request::form("/members/indicators/new", &[("value", &value), ("collection", &col), ("tlp", "green"), ("recipients", "")])
            }),
            observe: Some(Box::new(|hub, _| hub.count("indicator").to_string())),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "add a sighting",
            done: 303,
            request: {
                let path = format!("/members/objects/{}/{sighted}/sighting", hub.collection);
                Box::new(move |_, _| Request::form(path.clone(), &[("count", "2")]))
            },
            observe: Some(Box::new(|hub, _| hub.count("sighting").to_string())),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "GET the triage queue",
            done: 200,
            request: Box::new(|_, _| Request::get("/members/triage")),
            observe: None,
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "GET the organisation's simulation campaigns",
            done: 200,
            request: Box::new(|_, _| Request::get("/members/awareness/campaigns")),
            observe: None,
            expect: [S, R, R, D, R, D],
        },
        Action {
            name: "create a simulation campaign (API)",
            done: 201,
            request: Box::new(|_, _| {
                let body = json!({"name": "n", "channel": "email", "template": "redelivery-email", "dry_run": true,
                                  "targets_csv": "email\na@poste.example\n"});
                Request::json("/api/v1/awareness/campaigns", body)
            }),
            observe: None,
            expect: [S, R, R, D, R, D],
        },
        Action {
            name: "decide a citizen report",
            done: 303,
            // The refused ones try the report the analyst then decides.
            request: Box::new(|_, who| {
                let id = match who {
                    Who::Anonymous | Who::Reader | Who::Analyst => 1,
                    Who::OrgAdmin => 2,
                    Who::HubAnalyst => 3,
                    Who::HubAdmin => 4,
                };
                Request::form(format!("/members/triage/{id}"), &[("decision", "reject")])
            }),
            observe: Some(Box::new(|hub, _| reports_open(hub))),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "create a recipient list",
            done: 303,
            request: Box::new(|_, who| {
                Request::form("/members/recipients", &[("name", &format!("new-{}", who.tag())), ("orgs", "Correos")])
            }),
            observe: Some(Box::new(|hub, who| format!("{:?}", hub.list(who, &format!("new-{}", who.tag()))))),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "overwrite a recipient list",
            done: 303,
            // Each role names other members, so that every change shows.
            request: Box::new(|_, who| {
                let orgs = match who {
                    Who::Anonymous | Who::OrgAdmin | Who::HubAnalyst => "Posta Shqiptare",
                    Who::Reader | Who::HubAdmin => "Correos,Posta Shqiptare",
                    Who::Analyst => "Posta Shqiptare,Correos",
                };
                Request::form("/members/recipients", &[("name", "trusted"), ("orgs", orgs)])
            }),
            observe: Some(Box::new(|hub, who| format!("{:?}", hub.list(who, "trusted")))),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "delete a recipient list",
            done: 303,
            request: Box::new(|hub, who| {
                let id = hub.list_id(who, &format!("del-{}", who.tag()));
                Request::form("/members/recipients", &[("delete", &id)])
            }),
            observe: Some(Box::new(|hub, who| format!("{:?}", hub.list(who, &format!("del-{}", who.tag()))))),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "GET the administration page",
            done: 200,
            request: Box::new(|_, _| Request::get("/members/admin")),
            observe: None,
            expect: [S, R, R, R, R, D],
        },
        Action {
            name: "add an organisation",
            done: 303,
            request: Box::new(|_, who| Request::form("/members/admin/orgs", &[("name", &format!("Org {}", who.tag())), ("country", "FI")])),
            observe: Some(Box::new(move |hub, who| admin_page(hub, who).contains(&format!("Org {}", who.tag())).to_string())),
            expect: [S, R, R, R, R, D],
        },
        Action {
            name: "add a portal user",
            done: 303,
            request: Box::new(|_, who| {
                let name = format!("u-{}", who.tag());
                Request::form("/members/admin/users", &[("org", "Correos"), ("username", &name), ("password", PASSWORD), ("role", "admin")])
            }),
            observe: Some(Box::new(move |hub, who| admin_page(hub, who).contains(&format!(">u-{}<", who.tag())).to_string())),
            expect: [S, R, R, R, R, D],
        },
        Action {
            name: "issue an API token",
            done: 200,
            request: Box::new(|_, _| Request::form("/members/admin/tokens", &[("org", "La Poste"), ("role", "admin")])),
            observe: Some(Box::new(move |hub, who| admin_page(hub, who).matches("/members/admin/tokens/revoke").count().to_string())),
            expect: [S, R, R, R, R, D],
        },
        Action {
            name: "revoke an API token",
            done: 303,
            request: {
                let id = revocable.clone();
                Box::new(move |_, _| Request::form("/members/admin/tokens/revoke", &[("id", &id)]))
            },
            observe: Some(Box::new(move |hub, who| admin_page(hub, who).contains(&format!("value=\"{revocable}\"")).to_string())),
            expect: [S, R, R, R, R, D],
        },
        Action {
            name: "add a collection",
            done: 303,
            request: Box::new(|_, who| {
                Request::form("/members/admin/collections", &[("title", &format!("col-{}", who.tag())), ("read", "all"), ("write", "")])
            }),
            observe: Some(Box::new(move |hub, who| admin_page(hub, who).contains(&format!("col-{}<", who.tag())).to_string())),
            expect: [S, R, R, R, R, D],
        },
    ];
    for action in &actions {
        check(&mut hub, action);
    }
}

/// D7 as the probe ran it: a reader rewrites the organisation's "trusted" list, then an analyst
/// shares TLP:RED with that list. The list is unchanged, so the RED object reaches only the
/// organisations the analyst's colleagues chose; every change and refusal is in the audit log.
#[test]
fn a_reader_cannot_redirect_red_intelligence_through_a_recipient_list() {
    let mut hub = Hub::start();
    let (s, _, _) = hub.as_(Who::Analyst).submit("/members/recipients", &[("name", "trusted"), ("orgs", "Correos")]);
    assert_eq!(s, 303);
    let id = hub.list_id(Who::Analyst, "trusted");
    let (s, _, body) = hub.as_(Who::Reader).submit("/members/recipients", &[("name", "trusted"), ("orgs", "Correos,Posta Shqiptare")]);
    assert_eq!(s, 403, "{body}");
    let (s, _, _) = hub.as_(Who::Reader).submit("/members/recipients", &[("delete", &id)]);
    assert_eq!(s, 403);
    assert_eq!(hub.list(Who::Analyst, "trusted").as_deref(), Some("Correos"));
    let page = hub.as_(Who::Reader).page("/members/recipients");
    assert!(page.contains("<strong>trusted</strong>: Correos") && !page.contains("name=\"delete\""), "readers see lists, without forms");

    let col = hub.collection.clone();
    let (s, location, _) = hub.as_(Who::Analyst).submit(
        "/members/indicators/new",
        &[("value", "http://colis-rouge-trusted.top/x"), ("collection", &col), ("tlp", "red"), ("recipients", &id)],
    );
    assert_eq!(s, 303);
    let red = location.rsplit('/').next().expect("id").to_string();
    let read = |org: &str| {
        let url = format!("{}/isac/collections/{col}/objects/{red}/", hub.server.url);
        client().get(url).bearer_auth(&hub.f.tokens[org]).header("accept", TAXII).send().expect("GET").status().as_u16()
    };
    assert_eq!(read("Correos"), 200, "the list's member reads it");
    assert_eq!(read("Posta Shqiptare"), 404, "the organisation the reader tried to add does not");

    let audit = cli(hub.f.dir.path(), &["audit"]);
    let lines: Vec<(String, String, String)> = audit["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["action"].as_str().is_some_and(|a| a.starts_with("portal.recipients")))
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
            (s("actor"), s("action"), s("outcome"))
        })
        .collect();
    let line =
        |user: &str, action: &str, outcome: &str| (format!("org:La Poste/portal-user:{user}"), action.to_string(), outcome.to_string());
    assert_eq!(
        lines,
        vec![
            line("alice", "portal.recipients.save", "ok"),
            line("rita", "portal.recipients.edit", "denied"),
            line("rita", "portal.recipients.edit", "denied"),
        ]
    );
}

#[test]
fn every_api_write_checks_the_role() {
    let mut hub = Hub::start();
    let col = hub.collection.clone();
    // A link the blocklists call malicious: a CLEAR indicator in the public collection.
    let mut ind = common::indicator(1, CLEAR);
    ind["pattern"] = json!("[domain-name:value = 'colis-bloque-roles.top']");
    let resp = client()
        .post(format!("{}/isac/collections/{}/objects/", hub.server.url, hub.f.collection))
        .bearer_auth(&hub.f.tokens["La Poste"])
        .header("accept", TAXII)
        .header("content-type", TAXII)
        .body(json!({"objects": [ind]}).to_string())
        .send()
        .expect("POST objects");
    assert_eq!(resp.status(), 202);
    let link = "http://colis-bloque-roles.top/payer";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let v: Value = client()
            .post(format!("{}/api/v1/links/check", hub.server.url))
            .bearer_auth(&hub.tokens[&Who::Analyst])
            .json(&json!({"url": link}))
            .send()
            .expect("check")
            .json()
            .expect("JSON");
        if v["verdict"] == json!("malicious") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "the blocklists never picked the indicator up: {v}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let objects = |hub: &mut Hub, _: Who| hub.count("indicator").to_string();
    let actions = vec![
        Action {
            name: "POST /api/v1/links/check with report",
            done: 200,
            request: {
                let col = col.clone();
                Box::new(move |_, _| Request::json("/api/v1/links/check", json!({"url": link, "report": true, "collection": col})))
            },
            observe: Some(Box::new(objects)),
            expect: [S, R, D, D, D, D],
        },
        Action {
            name: "POST /api/v1/messages/analyze with report",
            done: 200,
            request: Box::new(move |_, who| {
                let text =
                    format!("La Poste: votre colis est en attente. Payez 1,99 EUR de frais: https://laposte-colis-{}.top/pay", who.tag());
                Request::json("/api/v1/messages/analyze", json!({"text": text, "report": true, "collection": col}))
            }),
            observe: Some(Box::new(objects)),
            expect: [S, R, D, D, D, D],
        },
    ];
    for action in &actions {
        check(&mut hub, action);
    }
}

/// The posture scan is a JSON API handler (`server/src/api/posture.rs`); its row is kept apart
/// so that the portal's table does not wait on it. An empty list is refused as a bad request after the
/// role check, so nothing is scanned by any row.
#[test]
fn posture_scans_check_the_role() {
    let mut hub = Hub::start();
    let action = Action {
        name: "POST /api/v1/posture/scan",
        done: 400,
        request: Box::new(|_, _| Request::json("/api/v1/posture/scan", json!({"domains": []}))),
        observe: None,
        expect: [S, R, D, D, D, D],
    };
    check(&mut hub, &action);
}

/// A peer hub pushes with a token of the organisation named like its peering; a reader's token
/// of that organisation may read but not push.
#[test]
fn federation_pushes_need_a_peer_token_that_may_write() {
    let f = fixture();
    let dir = f.dir.path();
    let local = cli(dir, &["collection", "add", "from-peer", "--read", "all", "--write", "Correos"]);
    let local = local["id"].as_str().expect("id").to_string();
    cli(dir, &["org", "add", "Regional hub", "--country", "FR"]);
    cli(
        dir,
        &[
            "peer",
            "add",
            "Regional hub",
            "--url",
            "http://127.0.0.1:9/",
            "--api-root",
            "federation",
            "--collection",
            "any",
            "--local-collection",
            &local,
            "--pull",
            "--max-tlp",
            "green",
            "--token",
            "unused",
        ],
    );
    let token =
        |role: &str| cli(dir, &["token", "issue", "--org", "Regional hub", "--role", role])["token"].as_str().expect("token").to_string();
    let (reader, analyst) = (token("reader"), token("analyst"));
    let server = Server::start(dir);
    let push = |token: Option<&str>, n: u32| {
        let mut r = client()
            .post(format!("{}/federation/collections/{local}/objects/", server.url))
            .header("accept", TAXII)
            .header("content-type", TAXII)
            .body(json!({"objects": [common::indicator(n, GREEN)]}).to_string());
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send().expect("push").status().as_u16()
    };
    let stored = || {
        let url = format!("{}/isac/collections/{local}/objects/", server.url);
        let v: Value =
            client().get(url).bearer_auth(&f.tokens["La Poste"]).header("accept", TAXII).send().expect("GET").json().expect("envelope");
        v["objects"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(push(None, 1), 401);
    assert_eq!(push(Some(&reader), 2), 403, "a reader's token may not push");
    assert_eq!(stored(), 0, "nothing was stored");
    assert_eq!(push(Some(&analyst), 3), 202);
    assert_eq!(stored(), 1);
}

/// A citizen's contact details are for the hub operator's analysts; other members triage the
/// same report without them.
#[test]
fn a_citizens_contact_reaches_only_the_hub_operators_analysts() {
    let mut hub = Hub::start();
    let mut citizen = Visitor::new(&hub.server.url);
    let text = "Votre colis est retenu : payez 1,99 EUR sur https://douane-contact.top/p";
    let (s, _, _) =
        citizen.submit("/report", &[("kind", "message"), ("content", text), ("country", "FR"), ("contact", "jeanne@example.org")]);
    assert_eq!(s, 200);
    for (who, sees) in [(Who::Analyst, false), (Who::OrgAdmin, false), (Who::HubAnalyst, true), (Who::HubAdmin, true)] {
        let page = hub.as_(who).page("/members/triage");
        assert!(page.contains("douane-contact[.]top"), "{who:?} triages the report");
        assert_eq!(page.contains("jeanne@example.org"), sees, "{who:?} and the contact");
    }
    let (s, _, page) = hub.as_(Who::Reader).get_full("/members/triage");
    assert!(s == 403 && !page.contains("jeanne@example.org"));
}

/// "Ours" in the list of decided reports (which names the indicator made) compares the
/// organisation that decided, not a suffix of `user:NAME@ORG`: an organisation whose name is
/// the tail of another's after an '@' sees nothing of the other's decisions.
#[test]
fn triage_ownership_compares_organisations_not_names() {
    let f = fixture();
    let dir = f.dir.path();
    cli(dir, &["org", "add", "CERT@Posta", "--country", "AL"]);
    cli(dir, &["org", "add", "Posta", "--country", "AL"]);
    let col = cli(dir, &["collection", "add", "cert", "--read", "all", "--write", "CERT@Posta"]);
    let col = col["id"].as_str().expect("id").to_string();
    add_user(dir, "vera", "CERT@Posta", "analyst");
    add_user(dir, "pavel", "Posta", "analyst");
    let server = Server::start(dir);
    let mut citizen = Visitor::new(&server.url);
    let (s, _, _) = citizen.submit(
        "/report",
        &[("kind", "message"), ("content", "Paguani 2 EUR per pakon tuaj: https://posta-pako.top/p"), ("country", "AL"), ("contact", "")],
    );
    assert_eq!(s, 200);
    let mut vera = Visitor::new(&server.url);
    vera.login("vera");
    let (s, location, body) =
        vera.submit("/members/triage/1", &[("decision", "accept"), ("tlp", "red"), ("collection", &col), ("recipients", "")]);
    assert_eq!(s, 303, "{body}");
    let indicator = location.rsplit('/').next().expect("id").to_string();
    assert!(indicator.starts_with("indicator--"));
    assert!(vera.page("/members/triage").contains(&indicator), "the deciding organisation sees its indicator named");
    let mut pavel = Visitor::new(&server.url);
    pavel.login("pavel");
    let page = pavel.page("/members/triage");
    assert!(page.contains("#1 "), "the decision is listed");
    assert!(!page.contains(&indicator), "but its RED indicator is not named to 'Posta'");
}
