//! Issue 18, section 3: Postern's own phishing simulations and joint exercises feed TRN-04 and
//! IR-04 of a draft like scan evidence, against the real `postern serve`: a live campaign of the
//! organisation replaces its TRN-04 claim (a claim 2 or more above it is a contradiction shown
//! with both values), an exercise it took part in, ended and marked, makes IR-04 4; dry runs,
//! other organisations' campaigns and running exercises count for nothing.

mod common;

use common::visitor::{Visitor, add_user};
use common::{Server, cli, client, fixture};
use serde_json::{Value, json};

fn signed_in(server: &Server, user: &str) -> Visitor {
    let mut v = Visitor::new(&server.url);
    v.login(user);
    v
}

/// Creates a campaign for the organisation of `token` through the API.
fn campaign(server: &Server, token: &str, dry_run: bool) {
    let mut body = json!({"name": "Winter parcels", "channel": "email", "template": "redelivery-email", "language": "fr",
        "targets_csv": "email\nclerk@poste.example\n", "dry_run": dry_run});
    if !dry_run {
        body["legal_basis"] = json!("GDPR Art. 6(1)(f)");
        body["staff_notice"] = json!("Intranet notice of 2026-11-30");
    }
    let r = client().post(format!("{}/api/v1/awareness/campaigns", server.url)).bearer_auth(token).json(&body).send().expect("post");
    assert_eq!(r.status().as_u16(), 201, "{:?}", r.text());
}

/// The plan step of `id` in the draft's JSON export, if the question is in the plan.
fn plan_score(v: &mut Visitor, assessment: i64, id: &str) -> Option<u64> {
    let json: Value = serde_json::from_str(&v.page(&format!("/members/readiness/{assessment}/assessment.json"))).expect("JSON");
    json["summary"]["plan"].as_array()?.iter().find(|s| s["id"] == id).and_then(|s| s["score"].as_u64())
}

#[test]
fn simulations_and_exercises_on_postern_are_evidence_for_trn_04_and_ir_04() {
    let f = fixture();
    let data = f.dir.path();
    let admin = |org: &str| cli(data, &["token", "issue", "--org", org, "--role", "admin"])["token"].as_str().expect("token").to_string();
    let (poste, correos) = (admin("La Poste"), admin("Correos"));
    add_user(data, "alice", "La Poste", "analyst");
    add_user(data, "carla", "Correos", "analyst");
    let server = Server::start(data);
    let mut alice = signed_in(&server, "alice");

    // A draft claiming TRN-04 = 4 and IR-04 = 0, with nothing on Postern yet: the claims stand.
    let toml = "[profile]\ncounter = true\nwebsite = true\napp = false\nhandhelds = false\noutlets = false\necommerce = false\ndfs = false\negov = false\n\
                [answers]\nTRN-04 = 4\nIR-04 = 0\n";
    let (status, location, body) = alice.submit("/members/readiness/import", &[("file", toml)]);
    assert_eq!(status, 303, "{body}");
    let id: i64 = location.rsplit('/').next().and_then(|i| i.parse().ok()).expect("id");
    assert_eq!((plan_score(&mut alice, id, "TRN-04"), plan_score(&mut alice, id, "IR-04")), (None, Some(0)));

    // A dry run of La Poste and a live campaign of Correos say nothing of La Poste.
    campaign(&server, &poste, true);
    campaign(&server, &correos, false);
    assert_eq!(plan_score(&mut alice, id, "TRN-04"), None);

    // One live campaign of La Poste: TRN-04 is 2 (not yet twice a year), and the claim of 4 is a
    // contradiction shown with both values.
    campaign(&server, &poste, false);
    assert_eq!(plan_score(&mut alice, id, "TRN-04"), Some(2));
    let score = alice.page(&format!("/members/readiness/{id}/score"));
    let item = score.split("<li>TRN-04: ").nth(1).and_then(|r| r.split("</li>").next()).unwrap_or_default();
    assert!(item.contains("answered 4") && item.contains("platform-phishing found 2"), "{score}");
    // A second one: twice a year, with Postern's rates as evidence: 4, no longer in the plan.
    campaign(&server, &poste, false);
    assert_eq!(plan_score(&mut alice, id, "TRN-04"), None);

    // A joint exercise with Correos: while it runs, nothing; ended and marked, IR-04 is 4.
    let start = [
        ("scenario", "smishing-payment:fr"),
        ("speed", "120"),
        ("org_0", "La Poste"),
        ("role_0", "post"),
        ("org_1", "Correos"),
        ("role_1", "csirt"),
    ];
    let (status, run, body) = alice.post("/members/exercises", "/members/exercises", &start);
    assert_eq!(status, 303, "{body}");
    assert_eq!(plan_score(&mut alice, id, "IR-04"), Some(0), "a running exercise is no evidence yet");
    let mark = [("expectation", "e7-press-line"), ("met", "missed"), ("note", "No line agreed")];
    assert_eq!(alice.post(&run, &format!("{run}/marks"), &mark).0, 303);
    assert_eq!(alice.post(&run, &format!("{run}/end"), &[]).0, 303);
    assert_eq!(plan_score(&mut alice, id, "IR-04"), None, "IR-04 at 4 leaves the plan");

    // Finalised, the score is frozen with that evidence; Correos took part too, and its own
    // draft gets the exercise (3 before marks would have been; here 4), not La Poste's campaigns.
    let mut carla = signed_in(&server, "carla");
    let toml_c = toml.replace("TRN-04 = 4", "TRN-04 = 1");
    let (status, location, body) = carla.submit("/members/readiness/import", &[("file", &toml_c)]);
    assert_eq!(status, 303, "{body}");
    let theirs: i64 = location.rsplit('/').next().and_then(|i| i.parse().ok()).expect("id");
    // Correos ran one live campaign: TRN-04 is 2 whatever it claimed.
    assert_eq!((plan_score(&mut carla, theirs, "TRN-04"), plan_score(&mut carla, theirs, "IR-04")), (Some(2), None));
}
