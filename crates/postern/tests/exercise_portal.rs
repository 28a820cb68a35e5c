//! The members' exercise pages against the real `postern serve`: golden pages in English and
//! French (the list with the start form, a run's page, the hot-wash), and a run played through
//! the portal alone: started by form, an inject seen, a case played, an expectation marked, the
//! run ended, its improvement plan turned into tasks and its report downloaded as PDF, while a
//! third organisation sees nothing of it. Set `UPDATE_GOLDEN=1` to rewrite the golden files
//! after a deliberate change, then review the diff.

mod common;

use common::visitor::{Visitor, add_user};
use common::{Server, cli, client, fixture};
use serde_json::json;

/// The start of the golden run: long past, so every inject has fallen due and every
/// expectation not marked has expired, whatever the day the test runs.
const GOLDEN_START: &str = "2026-01-05T09:00:00Z";

/// Replaces the per-visitor anti-CSRF tokens with a fixed marker, and every time that depends
/// on when the test runs (not on the golden run's start day) with `TIME`.
fn normalise(html: &str) -> String {
    const TIME: &str = "<time datetime=\"";
    let (html, mut out) = (common::golden::without_csrf(html), String::new());
    let mut rest = html.as_str();
    while let Some(at) = rest.find(TIME) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find("</time>").map_or(rest.len(), |e| e + "</time>".len());
        if rest[TIME.len()..].starts_with(&GOLDEN_START[..10]) {
            out.push_str(&rest[..end]);
        } else {
            out.push_str("<time>TIME</time>");
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn check_golden(name: &str, html: &str) {
    common::golden::check(name, &normalise(html));
}

struct Portal {
    f: common::Fixture,
    server: Server,
}

fn setup() -> Portal {
    let f = fixture();
    for (name, org, role) in [
        ("alice", "La Poste", "analyst"),
        ("rita", "La Poste", "reader"),
        ("carla", "Correos", "analyst"),
        ("zora", "Posta Shqiptare", "analyst"),
    ] {
        add_user(f.dir.path(), name, org, role);
    }
    let server = Server::start(f.dir.path());
    Portal { f, server }
}

impl Portal {
    fn visitor(&self, user: &str) -> Visitor {
        let mut v = Visitor::new(&self.server.url);
        v.login(user);
        v
    }
}

#[test]
fn exercise_pages_match_golden_files_in_both_languages() {
    let p = setup();
    let body = json!({
        "scenario": "smishing-payment", "language": "en", "speed": 1, "start": GOLDEN_START,
        "participants": [{"org": "La Poste", "role": "post"}, {"org": "Correos", "role": "csirt"}]
    });
    let r =
        client().post(format!("{}/api/v1/exercises", p.server.url)).bearer_auth(&p.f.tokens["La Poste"]).json(&body).send().expect("start");
    assert_eq!(r.status(), 201);
    let mut alice = p.visitor("alice");
    let note = [("expectation", "e7-press-line"), ("met", "met"), ("note", "<b>Calm</b> and consistent line")];
    let (status, location, body) = alice.post("/members/exercises/1", "/members/exercises/1/marks", &note);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1#expectations"), "{body}");

    for lang in ["en", "fr"] {
        alice.cookies.insert("postern_lang".into(), lang.into());
        check_golden(&format!("exercises.{lang}.html"), &alice.page("/members/exercises"));
        check_golden(&format!("exercise.{lang}.html"), &alice.page("/members/exercises/1"));
    }
    alice.cookies.insert("postern_lang".into(), "en".into());
    let run = alice.page("/members/exercises/1");
    assert!(run.contains("&lt;b&gt;Calm&lt;&#x2f;b&gt; and consistent line") && !run.contains("<b>Calm"), "notes are text");
    assert!(run.contains("Exercise minute 120 of 120"), "the clock stops at the scenario's length");
    let (status, location, _) = alice.post("/members/exercises/1", "/members/exercises/1/end", &[]);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1/hotwash"));
    for lang in ["en", "fr"] {
        alice.cookies.insert("postern_lang".into(), lang.into());
        check_golden(&format!("exercise_hotwash.{lang}.html"), &alice.page("/members/exercises/1/hotwash"));
    }
}

/// The form of an incident case as a browser sends it.
fn case_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("title", "Exercise: parcel-fee smishing"),
        ("summary", "Played in the joint exercise"),
        ("classification", "fraud:phishing"),
        ("severity", "high"),
        ("services", "parcels-tracking"),
        ("users_affected", ""),
        ("cross_border", "unknown"),
        ("suspected_malicious", "yes"),
        ("zone", "UTC"),
        ("detected", ""),
        ("aware", ""),
        ("contained", ""),
        ("resolved", ""),
        ("jurisdiction", "eu"),
    ]
}

#[test]
fn a_run_is_played_through_the_portal_and_a_third_organisation_sees_nothing() {
    let p = setup();
    let mut alice = p.visitor("alice");
    let start = [
        ("scenario", "smishing-payment:fr"),
        ("speed", "120"),
        ("org_0", "La Poste"),
        ("role_0", "post"),
        ("org_1", "Correos"),
        ("role_1", "csirt"),
        ("org_2", ""),
        ("role_2", "csirt"),
    ];
    // Bad input names the field; nothing is started.
    let mut slow = start.to_vec();
    slow[1] = ("speed", "0");
    let (status, _, body) = alice.post("/members/exercises", "/members/exercises", &slow);
    assert!(status == 400 && body.contains("speed"), "{status} {body}");
    let (status, location, body) = alice.post("/members/exercises", "/members/exercises", &start);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1"), "{body}");

    // The post sees its first inject (a message to triage, in French); the CSIRT does not.
    let run = alice.page("/members/exercises/1");
    let message = "POSTE : votre colis est bloqué au dépôt.";
    assert!(run.contains("Message to triage") && run.contains(message), "{run}");
    let mut carla = p.visitor("carla");
    let seen = carla.page("/members/exercises/1");
    assert!(!seen.contains(message) && !seen.contains("action=\"/members/exercises/1/end\""), "{seen}");

    // A case of the post is played in the run.
    let (status, location, _) = alice.post("/members/incidents/new", "/members/incidents/new", &case_form());
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1"));
    let (status, location, _) = alice.post("/members/exercises/1", "/members/exercises/1/cases", &[("case", "1")]);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1#cases"));
    assert!(alice.page("/members/exercises/1").contains("<a href=\"/members/incidents/1\">#1 Exercise: parcel-fee smishing</a>"));
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form()).0, 303);
    assert_eq!(alice.post("/members/exercises/1", "/members/exercises/1/cases", &[("case", "2")]).0, 303);

    // The facilitator marks an expectation; nobody else may.
    let mark = [("expectation", "e7-press-line"), ("met", "missed"), ("note", "No line agreed")];
    let (status, location, _) = alice.post("/members/exercises/1", "/members/exercises/1/marks", &mark);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1#expectations"));
    assert!(alice.page("/members/exercises/1").contains("No line agreed"));
    assert_eq!(carla.post("/members/exercises/1", "/members/exercises/1/marks", &mark).0, 403, "the CSIRT does not facilitate");
    let mut rita = p.visitor("rita");
    assert_eq!(rita.post("/members/exercises/1", "/members/exercises/1/marks", &mark).0, 403, "a reader may not mark");
    assert_eq!(alice.post_with("/members/exercises/1/marks", "forged", &mark).0, 403, "a forged token is refused");
    let unknown = [("expectation", "e99"), ("met", "met"), ("note", "")];
    assert_eq!(alice.post("/members/exercises/1", "/members/exercises/1/marks", &unknown).0, 400);

    // A third organisation sees nothing of the run, in any page or form.
    let mut zora = p.visitor("zora");
    let list = zora.page("/members/exercises");
    assert!(!list.contains("/members/exercises/1\"") && !list.contains("Correos"), "{list}");
    for path in
        ["/members/exercises/1", "/members/exercises/1/hotwash", "/members/exercises/1/report/pdf", "/members/exercises/1/report/html"]
    {
        let (status, body) = zora.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("POSTE"), "{path}");
    }
    assert_eq!(zora.post("/members/exercises", "/members/exercises/1/end", &[]).0, 404);
    assert_eq!(zora.post("/members/exercises", "/members/exercises/1/marks", &mark).0, 404);

    // The end: the hot-wash with the plan, its actions tasks of the played case, the report.
    let (status, location, _) = alice.post("/members/exercises/1", "/members/exercises/1/end", &[]);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1/hotwash"));
    let hotwash = alice.page("/members/exercises/1/hotwash");
    assert!(hotwash.contains("/members/exercises/1/report/pdf") && hotwash.contains("/members/incidents/1#tasks"), "{hotwash}");
    let case = alice.page("/members/incidents/1");
    assert!(case.contains("éléments de langage sur la fraude"), "the missed expectation's action is a task of the case: {case}");
    assert!(hotwash.contains("éléments de langage sur la fraude"), "and is listed under the case on the hot-wash");
    assert!(!alice.page("/members/exercises/1").contains("action=\"/members/exercises/1/marks\""), "an ended run takes no mark");
    // The facilitator adds an action to its other case too, once.
    let task = [("expectation", "e7-press-line"), ("case", "2")];
    let (status, location, _) = alice.post("/members/exercises/1/hotwash", "/members/exercises/1/plan/tasks", &task);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1/hotwash#plan"));
    assert!(alice.page("/members/incidents/2").contains("éléments de langage sur la fraude"));
    assert_eq!(alice.post("/members/exercises/1/hotwash", "/members/exercises/1/plan/tasks", &task).0, 409, "not twice");
    let met = [("expectation", "e99-none"), ("case", "2")];
    assert_eq!(alice.post("/members/exercises/1/hotwash", "/members/exercises/1/plan/tasks", &met).0, 400);
    assert_eq!(carla.post("/members/exercises/1/hotwash", "/members/exercises/1/plan/tasks", &task).0, 403);
    assert_eq!(zora.post("/members/exercises", "/members/exercises/1/plan/tasks", &task).0, 404);
    let (status, content_type, pdf) = alice.get_bytes("/members/exercises/1/report/pdf");
    assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    let (status, content_type, html) = alice.get_bytes("/members/exercises/1/report/html");
    assert_eq!((status, content_type.as_str()), (200, "text/html; charset=utf-8"));
    assert!(String::from_utf8_lossy(&html).contains("Rapport après action"), "in the scenario's language");
    assert!(!zora.page("/members/exercises").contains("/members/exercises/1/hotwash"));

    let audit = cli(p.f.dir.path(), &["audit"]);
    let lines = audit["entries"].as_array().expect("entries");
    let has =
        |action: &str, outcome: &str| lines.iter().any(|e| e["action"] == action && e["outcome"] == outcome && e["target"] == "exercise:1");
    for action in [
        "portal.exercise.start",
        "portal.exercise.view",
        "portal.exercise.case.add",
        "portal.exercise.mark",
        "portal.exercise.end",
        "portal.exercise.report.export",
    ] {
        assert!(has(action, "ok"), "{action} is audited");
    }
    assert!(has("portal.exercise.facilitate", "denied"), "the CSIRT's refused mark is audited");
}

#[test]
fn the_run_page_shows_the_audit_entry_that_met_an_expectation() {
    let p = setup();
    // Started a minute ago in real time: the case-opening window is open for 19 minutes more.
    let started = (chrono::Utc::now() - chrono::Duration::minutes(1)).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let api = |path: &str, body: serde_json::Value| {
        let r = client().post(format!("{}{path}", p.server.url)).bearer_auth(&p.f.tokens["La Poste"]).json(&body).send().expect("post");
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json::<serde_json::Value>().expect("json")
    };
    api(
        "/api/v1/exercises",
        json!({"scenario": "smishing-payment", "language": "en", "speed": 1, "start": started,
            "participants": [{"org": "La Poste", "role": "post"}, {"org": "Correos", "role": "csirt"}]}),
    );
    let case = api("/api/v1/incidents", json!({"title": "Exercise case", "classification": "fraud:phishing", "severity": "high"}));
    api("/api/v1/exercises/1/cases", json!({"case": case["id"]}));
    let mut alice = p.visitor("alice");
    let run = alice.page("/members/exercises/1");
    let section = run.split("id=\"expectation-e1-case-opened\"").nth(1).and_then(|s| s.split("</section>").next()).expect("e1");
    assert!(section.contains("<strong>Met</strong> · 10/10 points"), "{section}");
    assert!(section.contains("Evidence: <time") && section.contains("· La Poste · <code>incident.create</code>"), "{section}");
    // The CSIRT sees the same score, not the post's case.
    let mut carla = p.visitor("carla");
    let seen = carla.page("/members/exercises/1");
    assert!(seen.contains("a case of another participant") && !seen.contains("Exercise case"), "{seen}");
}
