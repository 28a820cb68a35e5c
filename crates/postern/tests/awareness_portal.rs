//! Awareness end to end with the real binary: the JSON API under `/api/v1/awareness` (campaigns
//! with the CLI's governance rules, results, the information sheet, one report endpoint for
//! simulated and real messages, pasted or forwarded as raw mail), the portal's pages (lessons
//! with a quiz taken without script and progress kept per person, "report a message",
//! campaigns and their group results for the organisation's administrators, citizens' quizzes),
//! and a third organisation seeing nothing of another's campaigns.

mod common;

use common::visitor::{Visitor, add_user};
use common::{Server, cli, client};
use reqwest::StatusCode;
use serde_json::{Value, json};

const REAL_SCAM: &str = "La Poste: votre colis est bloque. Payez 1,99 EUR de frais de livraison avant ce soir sur https://laposte-suivi-colis.top/paiement sinon il sera retourne.";

struct Hub {
    _dir: tempfile::TempDir,
    server: Server,
    admin: String,
    staff: String,
    other: String,
}

impl Hub {
    fn start() -> Hub {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path();
        for (org, cc) in [("La Poste", "FR"), ("Correos", "ES")] {
            cli(data, &["org", "add", org, "--country", cc]);
        }
        let token = |org: &str, role: &str| {
            cli(data, &["token", "issue", "--org", org, "--role", role])["token"].as_str().expect("token").to_string()
        };
        let (admin, staff, other) = (token("La Poste", "admin"), token("La Poste", "reader"), token("Correos", "admin"));
        add_user(data, "ana", "La Poste", "admin");
        add_user(data, "bob", "La Poste", "reader");
        add_user(data, "eve", "Correos", "admin");
        add_user(data, "tom", "La Poste", "analyst");
        add_user(data, "cat", "La Poste", "reader");
        add_user(data, "dan", "La Poste", "reader");
        let server = Server::start(data);
        Hub { _dir: dir, server, admin, staff, other }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.url)
    }

    fn get(&self, token: &str, path: &str) -> (StatusCode, Value) {
        let r = client().get(self.url(path)).bearer_auth(token).send().expect("get");
        let status = r.status();
        (status, r.json().unwrap_or(Value::Null))
    }

    fn post(&self, token: &str, path: &str, body: &Value) -> (StatusCode, Value) {
        let r = client().post(self.url(path)).bearer_auth(token).json(body).send().expect("post");
        let status = r.status();
        (status, r.json().expect("json answer"))
    }

    /// A dry-run campaign of six counter clerks and one driver; its id and link paths.
    fn campaign(&self) -> (i64, Vec<String>) {
        let mut csv = String::from("name,email,group\n");
        for i in 0..6 {
            csv += &format!("Clerk {i},clerk{i}@poste.example,counter\n");
        }
        csv += "Driver,driver@poste.example,depot\n";
        let body = json!({"name": "Winter parcels", "channel": "email", "template": "redelivery-email", "language": "fr",
                          "dry_run": true, "targets_csv": csv});
        let (status, created) = self.post(&self.admin, "/api/v1/awareness/campaigns", &body);
        assert_eq!(status, StatusCode::CREATED, "{created}");
        assert_eq!((created["state"].as_str(), created["difficulty"].as_str()), (Some("draft"), Some("hard")), "{created}");
        let links = created["links"].as_array().expect("links");
        assert_eq!(links.len(), 7);
        let paths = links
            .iter()
            .map(|l| l["url"].as_str().and_then(|u| u.strip_prefix(&self.server.url)).expect("links on the public URL").to_string())
            .collect();
        (created["id"].as_i64().expect("id"), paths)
    }
}

#[test]
fn campaigns_results_and_reports_through_the_api() {
    let hub = Hub::start();
    let (status, t) = hub.get(&hub.staff, "/api/v1/awareness/templates");
    assert_eq!(status, StatusCode::OK);
    assert!(t["templates"].as_array().is_some_and(|a| a.iter().any(|t| t["id"] == "redelivery-email" && t["difficulty"] == "hard")), "{t}");

    // The CLI's rules: governance before a real start, the template's channel, a valid list.
    let base = json!({"name": "n", "channel": "email", "template": "redelivery-email", "targets_csv": "email\na@poste.example\n"});
    let (status, p) = hub.post(&hub.admin, "/api/v1/awareness/campaigns", &base);
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("legal_basis")), "{p}");
    assert!(p["detail"].as_str().is_some_and(|d| d.contains("staff_notice")), "{p}");
    let sms = json!({"channel": "sms", "dry_run": true});
    let (status, p) = hub.post(&hub.admin, "/api/v1/awareness/campaigns", &merge(&base, &sms));
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("channel")), "{p}");
    let bad = json!({"dry_run": true, "targets_csv": "email\na@poste.example\nA@poste.example\n"});
    let (status, p) = hub.post(&hub.admin, "/api/v1/awareness/campaigns", &merge(&base, &bad));
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("targets")), "{p}");
    assert!(p["detail"].as_str().is_some_and(|d| d.contains("already appears on line 2")), "{p}");
    let (status, p) = hub.post(&hub.admin, "/api/v1/awareness/campaigns", &json!({"name": "n"}));
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("body")), "{p}");
    let (status, _) = hub.post(&hub.staff, "/api/v1/awareness/campaigns", &merge(&base, &json!({"dry_run": true})));
    assert_eq!(status, StatusCode::FORBIDDEN, "staff do not run campaigns");
    let started = json!({"legal_basis": "GDPR Art. 6(1)(f)", "staff_notice": "Intranet notice of 2026-11-30"});
    let (status, p) = hub.post(&hub.admin, "/api/v1/awareness/campaigns", &merge(&base, &started));
    assert_eq!((status, p["state"].as_str()), (StatusCode::CREATED, Some("running")), "{p}");

    let (id, links) = hub.campaign();
    // Staff report: a pasted message with a link, and a forwarded raw mail whose link is wrapped
    // by quoted-printable.
    let pasted = format!("Bonjour, ce message est-il vrai ? {}{}", hub.server.url, links[0]);
    let (status, r) = hub.post(&hub.staff, "/api/v1/awareness/reports", &json!({"message": pasted}));
    assert_eq!((status, r["simulation"].as_bool()), (StatusCode::OK, Some(true)), "{r}");
    let (head, tail) = links[1].split_at(12);
    let raw = format!(
        "Received: from mx.poste.example\r\nSubject: Livraison manquee\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<a href=3D\"{}{head}=\r\n{tail}\">Reprogrammer</a>\r\n",
        hub.server.url
    );
    let r = client().post(hub.url("/api/v1/awareness/reports/mail")).bearer_auth(&hub.staff).body(raw).send().expect("mail");
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().expect("json")["simulation"], true);
    // Another organisation's member forwarding this lure is not one of its targets: not counted.
    let forwarded = format!("{}{}", hub.server.url, links[3]);
    let (status, r) = hub.post(&hub.other, "/api/v1/awareness/reports", &json!({"message": forwarded}));
    assert_eq!((status, r["simulation"].as_bool()), (StatusCode::OK, Some(false)), "{r}");
    // A real scam goes through the analysers into the triage queue.
    let (status, real) = hub.post(&hub.staff, "/api/v1/awareness/reports", &json!({"message": REAL_SCAM}));
    assert_eq!((status, real["simulation"].as_bool()), (StatusCode::OK, Some(false)), "{real}");
    assert!(real["triage"]["report"].as_i64().is_some(), "{real}");
    assert_ne!(real["triage"]["verdict"], "benign", "{real}");
    assert!(
        real["triage"]["urls"].as_array().is_some_and(|u| u.iter().any(|u| u.as_str().is_some_and(|u| u.contains("[.]top")))),
        "{real}"
    );
    let (status, p) = hub.post(&hub.staff, "/api/v1/awareness/reports", &json!({"message": "  "}));
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("message")), "{p}");
    let anonymous = client().post(hub.url("/api/v1/awareness/reports")).json(&json!({"message": REAL_SCAM})).send().expect("anon");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

    let (status, r) = hub.get(&hub.admin, &format!("/api/v1/awareness/campaigns/{id}/results"));
    assert_eq!(status, StatusCode::OK);
    assert_eq!((r["reports"].as_u64(), r["targets"].as_u64(), r["difficulty"].as_str()), (Some(2), Some(7), Some("hard")), "{r}");
    assert!(r["median_seconds_to_first_report"].as_i64().is_some() && r["reported_before_first_click"] == true, "{r}");
    assert_eq!(r["groups"][0]["group"], "counter");
    assert_eq!(r["groups"][0]["reports"], 2);
    assert_eq!(r["groups"][1], json!({"group": "depot", "suppressed": true}));
    assert!(!r.to_string().contains("poste.example") && !r.to_string().contains("\"p-"), "no person in results: {r}");
    let (status, list) = hub.get(&hub.admin, "/api/v1/awareness/campaigns");
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list["campaigns"].as_array().map(Vec::len), Some(2), "{list}");
    let sheet =
        client().get(hub.url(&format!("/api/v1/awareness/campaigns/{id}/sheet?lang=fr"))).bearer_auth(&hub.admin).send().expect("sheet");
    assert_eq!(sheet.status(), StatusCode::OK);
    let sheet = sheet.text().expect("text");
    assert!(sheet.contains("Fiche d'information") && sheet.contains("90 jours") && sheet.contains("**manquant"), "{sheet}");
    let (status, p) = hub.get(&hub.admin, &format!("/api/v1/awareness/campaigns/{id}/sheet?format=pdf"));
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("format")));

    // A role track as a SCORM 1.2 course, for the organisation's trainers.
    let course = client().get(hub.url("/api/v1/awareness/courses/citizen/scorm?lang=fr")).bearer_auth(&hub.admin).send().expect("scorm");
    assert_eq!(course.status(), StatusCode::OK);
    assert_eq!(course.headers()["content-type"], "application/zip");
    assert_eq!(course.headers()["content-disposition"], "attachment; filename=\"postern-awareness-citizen-fr-scorm12.zip\"");
    let manifest = zipped(&course.bytes().expect("zip"), "imsmanifest.xml");
    assert!(manifest.contains("quizzes/citizen-parcel-sms.html") && manifest.contains("<title>Postern: Citoyens</title>"), "{manifest}");
    assert_eq!(hub.get(&hub.staff, "/api/v1/awareness/courses/citizen/scorm").0, StatusCode::FORBIDDEN);
    let (status, p) = hub.get(&hub.admin, "/api/v1/awareness/courses/pilot/scorm");
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("track")), "{p}");
    let (status, p) = hub.get(&hub.admin, "/api/v1/awareness/courses/citizen/scorm?lang=de");
    assert_eq!((status, p["details"]["field"].as_str()), (StatusCode::BAD_REQUEST, Some("lang")), "{p}");

    // Another organisation sees nothing: not in its list, and the same 404 as a missing campaign.
    let (status, list) = hub.get(&hub.other, "/api/v1/awareness/campaigns");
    assert_eq!((status, list["campaigns"].as_array().map(Vec::len)), (StatusCode::OK, Some(0)), "{list}");
    for path in [
        format!("/api/v1/awareness/campaigns/{id}/results"),
        format!("/api/v1/awareness/campaigns/{id}/sheet"),
        "/api/v1/awareness/campaigns/9999/results".into(),
    ] {
        assert_eq!(hub.get(&hub.other, &path).0, StatusCode::NOT_FOUND, "{path}");
    }
}

/// One file of a zip, as text.
fn zipped(bytes: &[u8], name: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    zip.by_name(name).expect("file in the zip").read_to_string(&mut text).expect("UTF-8");
    text
}

fn merge(a: &Value, b: &Value) -> Value {
    let mut out = a.clone();
    for (k, v) in b.as_object().expect("object") {
        out[k] = v.clone();
    }
    out
}

#[test]
fn portal_pages_for_staff_administrators_and_citizens() {
    let hub = Hub::start();
    let (id, links) = hub.campaign();

    // Staff: lessons by track, a quiz without script, progress kept for the person.
    let mut bob = Visitor::new(&hub.server.url);
    bob.login("bob");
    let home = bob.page("/members/awareness");
    assert!(home.contains("/members/awareness/lessons/counter-sim-swap") && home.contains("Not taken yet"), "{home}");
    assert!(!home.contains("/members/awareness/campaigns"), "staff get no campaigns link");
    let lesson = bob.page("/members/awareness/lessons/citizen-parcel-sms");
    assert!(lesson.contains(">Spot the fake parcel message</h1>") && lesson.contains("<h2>Warning signs</h2>"), "{lesson}");
    assert!(!lesson.contains("<script"), "no script on lesson pages");
    let (status, _, graded) = bob.post(
        "/members/awareness/lessons/citizen-parcel-sms",
        "/members/awareness/lessons/citizen-parcel-sms",
        &[("q1", "0"), ("q2", "true")],
    );
    assert_eq!(status, 200);
    assert!(graded.contains("Well done: 2 of 2 correct."), "{graded}");
    let home = bob.page("/members/awareness");
    assert!(home.contains("Passed (2&#x2f;2)"), "{home}");
    let (status, _, half) =
        bob.post("/members/awareness/lessons/counter-sim-swap", "/members/awareness/lessons/counter-sim-swap", &[("q1", "9")]);
    assert_eq!(status, 200);
    assert!(half.contains("No answer given."), "{half}");
    // Boosters (Leitner-style): a pass is due again in four months, a failure in a week.
    let in_days = |d: u64| (chrono::Utc::now() + chrono::Days::new(d)).format("%Y-%m-%d").to_string();
    let booster = chrono::Utc::now().checked_add_months(chrono::Months::new(4)).map(|d| d.format("%Y-%m-%d").to_string());
    let home = bob.page("/members/awareness");
    assert!(home.contains(&format!("Next booster on {}", booster.unwrap_or_default())), "{home}");
    assert!(home.contains(&format!("Take it again by {}", in_days(7))), "{home}");
    assert_eq!(bob.get("/members/awareness/campaigns").0, 403);

    // Completion per group, from the learner list: group figures only, never a person.
    let list = hub.server.data.join("learners.csv");
    std::fs::write(&list, "Username,Group\nana,counter\nBOB,counter\ncat,counter\ndan,counter\ntom,counter\n").expect("list");
    let imported = cli(&hub.server.data, &["awareness", "learners", "import", list.to_str().expect("path"), "--org", "La Poste"]);
    assert_eq!(imported["learners"], 5, "{imported}");
    let (status, c) = hub.get(&hub.admin, "/api/v1/awareness/completion");
    assert_eq!(status, StatusCode::OK);
    assert_eq!((c["overall"]["people"].as_u64(), c["groups"][0]["group"].as_str()), (Some(5), Some("counter")), "{c}");
    let citizen = c["groups"][0]["tracks"].as_array().expect("tracks").iter().find(|t| t["track"] == "citizen").expect("row").clone();
    assert_eq!((citizen["completed"].as_u64(), citizen["rate"].as_f64()), (Some(1), Some(0.2)), "{c}");
    assert!(!c.to_string().contains("bob") && !c.to_string().contains("l-"), "{c}");
    assert_eq!(hub.get(&hub.staff, "/api/v1/awareness/completion").0, StatusCode::FORBIDDEN);
    std::fs::write(&list, "username,group\neve,counter\n").expect("list");
    let refused = std::process::Command::new(common::exe())
        .arg("--data")
        .arg(&hub.server.data)
        .args(["awareness", "learners", "import", list.to_str().expect("path"), "--org", "La Poste"])
        .output()
        .expect("run postern");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("'eve' is not a member of the organisation"), "{refused:?}");

    // One report button: a simulation is "well spotted", a real message is filed for triage.
    let message = format!("Is this real? {}{}", hub.server.url, links[2]);
    let (status, _, spotted) = bob.post("/members/awareness/report", "/members/awareness/report", &[("message", &message)]);
    assert_eq!(status, 200);
    assert!(spotted.contains("Well spotted!"), "{spotted}");
    let (status, _, filed) = bob.post("/members/awareness/report", "/members/awareness/report", &[("message", REAL_SCAM)]);
    assert_eq!(status, 200);
    assert!(filed.contains("is with the security team") && filed.contains("laposte-suivi-colis[.]top"), "{filed}");
    let mut tom = Visitor::new(&hub.server.url);
    tom.login("tom");
    assert!(tom.page("/members/triage").contains("laposte-suivi-colis"), "the real message reached the triage queue");

    // The organisation's administrator: campaigns, group results, the information sheet.
    let mut ana = Visitor::new(&hub.server.url);
    ana.login("ana");
    let list = ana.page("/members/awareness/campaigns");
    assert!(list.contains("Winter parcels") && list.contains("Confirmed clicks by difficulty"), "{list}");
    let page = ana.page(&format!("/members/awareness/campaigns/{id}"));
    assert!(page.contains("fewer than 5 people: not shown") && page.contains("counter"), "{page}");
    assert!(!page.contains("poste.example") && !page.contains("p-"), "no person on the results page");
    assert!(list.contains("/members/awareness/courses/delivery_staff/scorm?lang=fr"), "{list}");
    assert!(list.contains("Lesson completion by group") && list.contains("<td>1 (20 %)</td>"), "{list}");
    let (status, _, zip) = ana.get_bytes("/members/awareness/courses/delivery_staff/scorm?lang=fr");
    assert_eq!(status, 200);
    assert!(zipped(&zip, "imsmanifest.xml").contains("lessons/delivery-handheld.html"));
    assert_eq!(bob.get("/members/awareness/courses/delivery_staff/scorm").0, 403);
    let sheet = ana.page(&format!("/members/awareness/campaigns/{id}/sheet"));
    assert!(sheet.contains("Information sheet and DPIA draft") && sheet.contains("deleted 90 days"), "{sheet}");

    // Another organisation's administrator sees none of it.
    let mut eve = Visitor::new(&hub.server.url);
    eve.login("eve");
    let theirs = eve.page("/members/awareness/campaigns");
    assert!(!theirs.contains("Winter parcels") && theirs.contains("No campaign yet"), "{theirs}");
    assert_eq!(eve.get(&format!("/members/awareness/campaigns/{id}")).0, 404);
    assert_eq!(eve.get(&format!("/members/awareness/campaigns/{id}/sheet")).0, 404);

    // Citizens: "spot the fake" quizzes, answered and never stored; staff-only lessons are not public.
    let mut citizen = Visitor::new(&hub.server.url);
    assert!(citizen.page("/aware/quiz").contains("/aware/quiz/citizen-parcel-sms"));
    let (status, _, answered) =
        citizen.post("/aware/quiz/citizen-parcel-sms", "/aware/quiz/citizen-parcel-sms", &[("q1", "1"), ("q2", "true")]);
    assert_eq!(status, 200);
    assert!(answered.contains("1 of 2 correct") && answered.contains("Your answers are not stored."), "{answered}");
    assert_eq!(citizen.get("/aware/quiz/counter-sim-swap").0, 404);
    assert_eq!(citizen.get("/members/awareness").0, 303, "members only");

    // The retention purge runs from the CLI too; recent events stay.
    let purged = cli(&hub.server.data, &["awareness", "purge", "--days", "1"]);
    assert_eq!(purged["events"], 0, "{purged}");
    let r = cli(&hub.server.data, &["awareness", "campaign", "results", &id.to_string()]);
    assert_eq!(r["reports"], 1, "{r}");
}

#[test]
fn trainers_start_and_finish_a_draft_set_sharing_and_only_the_isac_reads_the_benchmark() {
    let hub = Hub::start();
    let (id, links) = hub.campaign();
    let page = format!("/members/awareness/campaigns/{id}");
    let mut ana = Visitor::new(&hub.server.url);
    ana.login("ana");
    let draft = ana.page(&page);
    assert!(draft.contains(&format!("action=\"/members/awareness/campaigns/{id}/start\"")), "a draft offers the start form");
    assert!(draft.contains("Repeat clickers"), "{draft}");
    // No governance on record: refused, the form kept, nothing started.
    let identity =
        [("brand", "Poste Demo"), ("domain", "poste.example"), ("sender", "security@poste.example"), ("start", "2030-01-02T08:00")];
    let (status, _, body) = ana.post(&page, &format!("{page}/start"), &identity);
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("legal_basis") && body.contains("value=\"Poste Demo\""), "{body}");
    // A forged token and another organisation change nothing.
    assert_eq!(ana.post_with(&format!("{page}/start"), "forged", &identity).0, 403);
    let mut eve = Visitor::new(&hub.server.url);
    eve.login("eve");
    assert_eq!(eve.post("/members/awareness/campaigns", &format!("{page}/finish"), &[]).0, 404);
    let governed = [&identity[..], &[("legal_basis", "GDPR Art. 6(1)(f)"), ("staff_notice", "Intranet notice")]].concat();
    let (status, location, _) = ana.post(&page, &format!("{page}/start"), &governed);
    assert_eq!((status, location.as_str()), (303, page.as_str()));
    let scheduled = ana.page(&page);
    assert!(scheduled.contains("scheduled") && scheduled.contains("2030-01-02T08:00:00Z"), "a start in 2030 is scheduled, UTC");
    assert!(!scheduled.contains("/start\""), "no start form once started");
    let (status, location, _) = ana.post(&page, &format!("{page}/finish"), &[]);
    assert_eq!((status, location.as_str()), (303, page.as_str()));
    assert!(ana.page(&page).contains("finished"));
    // The finished campaign's link is the teaching page, counting nothing.
    let (status, teaching) = Visitor::new(&hub.server.url).get(&links[0]);
    assert_eq!(status, 200);
    assert!(!teaching.contains("data-beacon"), "{teaching}");
    let (_, results) = hub.get(&hub.admin, &format!("/api/v1/awareness/campaigns/{id}/results"));
    assert_eq!(results["clicks"], json!({"machine": 0, "probable_human": 0, "confirmed_human": 0}), "{results}");

    // Sharing: opt in and choose the TLP of staff reports.
    let (status, _, _) =
        ana.post("/members/awareness/campaigns", "/members/awareness/policy", &[("isac_opt_in", "on"), ("report_tlp", "green")]);
    assert_eq!(status, 303);
    let (_, policy) = hub.get(&hub.admin, "/api/v1/awareness/policy");
    assert_eq!(policy, json!({"isac_opt_in": true, "report_tlp": "green", "changed_at": policy["changed_at"]}));
    // The benchmark is the ISAC's: a post's administrator may not read it; the hub's analyst
    // sees one opted-in post, too few for any figure.
    assert_eq!(ana.get("/members/awareness/benchmark").0, 403);
    add_user(&hub.server.data, "isa", "hub", "analyst");
    let mut isa = Visitor::new(&hub.server.url);
    isa.login("isa");
    let bench = isa.page("/members/awareness/benchmark");
    assert!(bench.contains("Posts that opted in: 1.") && bench.contains("fewer than 5 posts: not shown"), "{bench}");
    assert!(!bench.contains("La Poste") && !bench.contains(" %</td>"), "no post and no figure: {bench}");
}
