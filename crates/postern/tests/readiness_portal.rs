//! The readiness questionnaire of the portal against the real `postern serve`: starting an
//! assessment with its channel profile, drafts saved area by area, two respondents editing the
//! same answer (detected and asked, never silently overwritten), the facilitator's validation,
//! the score view, finalisation, documents attached to answers as evidence, and golden pages in
//! English and French.

mod common;

use common::visitor::{Visitor, add_user};
use common::{Server, cli, client, fixture};
use sha2::{Digest, Sha256};

fn setup() -> (common::Fixture, Server) {
    let f = fixture();
    for (name, org, role) in [
        ("root", "hub", "admin"),
        ("fac", "hub", "analyst"),
        ("alice", "La Poste", "analyst"),
        ("dave", "La Poste", "admin"),
        ("rita", "La Poste", "reader"),
        ("bob", "Correos", "analyst"),
    ] {
        add_user(f.dir.path(), name, org, role);
    }
    let server = Server::start(f.dir.path());
    (f, server)
}

fn signed_in(server: &Server, user: &str) -> Visitor {
    let mut v = Visitor::new(&server.url);
    v.login(user);
    v
}

/// Starts an assessment with the given channels; returns its id.
fn start(v: &mut Visitor, channels: &[&str]) -> i64 {
    let fields: Vec<(&str, &str)> = channels.iter().map(|c| (*c, "on")).collect();
    let (status, location, body) = v.submit("/members/readiness", &fields);
    assert_eq!(status, 303, "{body}");
    location.rsplit('/').next().and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("an assessment URL: {location}"))
}

/// The hidden field `name` of a question on an area page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no field {name}")) + marker.len();
    html[at..].split('"').next().unwrap_or_default().to_string()
}

/// Answers one question of an area as the page `page` showed it (its revision and starting
/// values), so that a stale page produces a stale write.
fn answer(v: &mut Visitor, id: i64, area: &str, page: &str, q: &str, value: &str, evidence: &str) -> (u16, String, String) {
    let fields = [
        (format!("v_{q}"), value.to_string()),
        (format!("e_{q}"), evidence.to_string()),
        (format!("c_{q}"), format!("{evidence} says {value}")),
        (format!("r_{q}"), hidden(page, &format!("r_{q}"))),
        (format!("wv_{q}"), hidden(page, &format!("wv_{q}"))),
        (format!("we_{q}"), hidden(page, &format!("we_{q}"))),
        (format!("wc_{q}"), hidden(page, &format!("wc_{q}"))),
    ];
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    v.submit(&format!("/members/readiness/{id}/area/{area}"), &borrowed)
}

#[test]
fn respondents_answer_conflicts_are_asked_a_facilitator_validates_and_finalising_freezes() {
    let (_f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let id = start(&mut alice, &["counter", "website"]);
    let area = |a: &str| format!("/members/readiness/{id}/area/{a}");

    // A draft saved as she goes: the form moves on to the next area.
    let page = alice.page(&area("GOV"));
    assert!(page.contains("GOV-01") && !page.contains("<script"), "the form needs no script");
    let (status, location, _) = answer(&mut alice, id, "GOV", &page, "GOV-01", "3", "document");
    assert_eq!((status, location.as_str()), (303, area("RISK").as_str()));

    // Dave opens the same area; Alice changes GOV-01 meanwhile; Dave's save is not silently
    // taken: the page answers 409 with Alice's answer beside his, and nothing of his is saved.
    let mut dave = signed_in(&server, "dave");
    let daves_page = dave.page(&area("GOV"));
    let alices_page = alice.page(&area("GOV"));
    assert_eq!(answer(&mut alice, id, "GOV", &alices_page, "GOV-01", "4", "document").0, 303);
    let (status, _, asked) = answer(&mut dave, id, "GOV", &daves_page, "GOV-01", "2", "self");
    assert_eq!(status, 409, "{asked}");
    assert!(asked.contains("id=\"conflict-GOV-01\"") && asked.contains("alice"), "{asked}");
    assert!(alice.page(&area("GOV")).contains("name=\"wv_GOV-01\" value=\"4\""), "Alice's answer stands");
    // Having seen both, Dave saves his over the current revision.
    assert_eq!(answer(&mut dave, id, "GOV", &asked, "GOV-01", "2", "self").0, 303);

    // Readers read; other members do not even see the assessment; members cannot validate.
    let mut rita = signed_in(&server, "rita");
    assert_eq!(rita.get(&area("GOV")).0, 200);
    assert_eq!(answer(&mut rita, id, "GOV", &alices_page, "GOV-02", "1", "self").0, 403);
    let mut bob = signed_in(&server, "bob");
    assert_eq!(bob.get(&format!("/members/readiness/{id}")).0, 404);
    let current = alice.page(&area("GOV"));
    assert_eq!(answer(&mut alice, id, "GOV", &current, "GOV-02", "3", "facilitator").0, 400);
    assert_eq!(answer(&mut alice, id, "GOV", &current, "GOV-02", "7", "self").0, 400);

    // The hub's analyst is a facilitator: sees the members' assessments and validates.
    let mut fac = signed_in(&server, "fac");
    assert!(fac.page("/members/readiness").contains(&format!("/members/readiness/{id}\"")));
    let facs_page = fac.page(&area("GOV"));
    assert_eq!(answer(&mut fac, id, "GOV", &facs_page, "GOV-01", "2", "facilitator").0, 303);
    let validated = alice.page(&area("GOV"));
    assert!(validated.contains("<option value=\"facilitator\" selected>"), "the validation shows to members");

    // Score: GOV-01 = 2 (weight 3) and nothing else in Governance: 6 / 44 = 14%, level L0.
    let score = alice.page(&format!("/members/readiness/{id}/score"));
    assert!(score.contains("<tr id=\"area-GOV\"><td>Governance and budget</td><td>14%</td><td>L0 Absent</td>"), "{score}");
    assert!(score.contains("id=\"plan-IAM-01\""), "the plan lists MFA");

    // One draft at a time: a second start (a form sent twice) points to the open draft.
    let (status, _, body) = alice.submit("/members/readiness", &[("counter", "on")]);
    assert_eq!(status, 409);
    assert!(body.contains(&format!("<code>#{id}</code>")), "the page names the open draft: {body}");

    // Finalise once; a second finalisation and later answers are refused, nothing lost.
    let (status, location, _) = alice.submit(&format!("/members/readiness/{id}/finalise"), &[("benchmark", "on")]);
    assert_eq!((status, location), (303, format!("/members/readiness/{id}/score")));
    assert_eq!(alice.submit(&format!("/members/readiness/{id}/finalise"), &[]).0, 409);
    let frozen = alice.page(&area("GOV"));
    assert_eq!(answer(&mut alice, id, "GOV", &frozen, "GOV-03", "4", "self").0, 409);
    let list = alice.page("/members/readiness");
    assert!(list.contains("finalised on"), "{list}");
    // With the draft finalised, the next assessment can start.
    assert_ne!(start(&mut alice, &["counter"]), id);
}

#[test]
fn a_profile_without_any_channel_still_leaves_every_area_questions() {
    let (_f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let id = start(&mut alice, &[]);
    let overview = alice.page(&format!("/members/readiness/{id}"));
    // Web and online keeps its channel-independent question (brand monitoring).
    assert!(overview.contains("Web and online services</a></td><td>0 / 1</td>"), "{overview}");
}

/// Replaces the per-visitor and per-day parts of a page: anti-CSRF tokens and dates.
fn normalise(html: &str) -> String {
    let tokenless = common::golden::without_csrf(html);
    // Dates are YYYY-MM-DD (ASCII), replaced whole.
    let bytes = tokenless.as_bytes();
    let mut out = String::with_capacity(tokenless.len());
    let mut i = 0;
    while i < bytes.len() {
        let is_date = bytes
            .get(i..i + 10)
            .is_some_and(|w| w.iter().enumerate().all(|(k, b)| if k == 4 || k == 7 { *b == b'-' } else { b.is_ascii_digit() }));
        if is_date {
            out.push_str("DATE");
            i += 10;
        } else {
            let ch = tokenless[i..].chars().next().unwrap_or(' ');
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

fn check_golden(name: &str, html: &str) {
    common::golden::check(name, &normalise(html));
}

#[test]
fn questionnaire_and_score_pages_match_golden_files_in_both_languages() {
    let (_f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let id = start(&mut alice, &["counter", "website", "handhelds"]);
    let page = alice.page(&format!("/members/readiness/{id}/area/IAM"));
    assert_eq!(answer(&mut alice, id, "IAM", &page, "IAM-01", "4", "document").0, 303);
    let area = format!("/members/readiness/{id}/area/IAM");
    let upload = format!("/members/readiness/{id}/documents/IAM-01");
    assert_eq!(alice.post_file_typed(&area, &upload, None, ("policy.pdf", "application/pdf"), b"%PDF-1.7 access policy").0, 303);
    for lang in ["en", "fr"] {
        let (status, _) = alice.get(&format!("/lang/{lang}?back=/"));
        assert!(status == 303 || status == 200, "switching language");
        for (path, name) in [
            (format!("/members/readiness/{id}/area/IAM"), "readiness_area"),
            // Governance holds the workload trend (GOV-04): up / same / down, no evidence.
            (format!("/members/readiness/{id}/area/GOV"), "readiness_area_gov"),
            (format!("/members/readiness/{id}/score"), "readiness_score"),
            (format!("/members/readiness/{id}"), "readiness_overview"),
            (format!("/members/readiness/{id}/report"), "readiness_report"),
        ] {
            let html = alice.page(&path);
            check_golden(&format!("{name}.{lang}.html"), &html);
        }
    }
}

#[test]
fn the_plan_exports_as_csv_and_the_assessment_as_json_to_its_organisation_only() {
    let (f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let id = start(&mut alice, &["counter", "website"]);
    let page = alice.page(&format!("/members/readiness/{id}/area/MAIL"));
    assert_eq!(answer(&mut alice, id, "MAIL", &page, "MAIL-03", "1", "self").0, 303);

    let csv = alice.page(&format!("/members/readiness/{id}/plan.csv"));
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("id,area,phase,months,score,gap_weight,effort,action"));
    let rows: Vec<&str> = lines.collect();
    // MAIL-03 (weight 3, phase 1) at 1: gap x weight (3 - 1) * 3 = 6.
    assert!(rows.iter().any(|r| r.starts_with("MAIL-03,MAIL,1,0-6,1,6,$,")), "{csv}");

    let json: serde_json::Value = serde_json::from_str(&alice.page(&format!("/members/readiness/{id}/assessment.json"))).expect("JSON");
    assert_eq!(json["id"], id);
    assert_eq!(json["profile"]["website"], true);
    assert_eq!(json["answers"][0]["question"], "MAIL-03");
    assert_eq!(json["answers"][0]["value"], 1);
    assert_eq!(json["summary"]["plan"].as_array().map(Vec::len), Some(rows.len()), "one CSV row per plan step");
    assert!(json["summary"]["readiness_index"].is_number());

    // The STIX note is about La Poste, marked TLP:AMBER+STRICT, and valid STIX 2.1.
    let bundle: serde_json::Value = serde_json::from_str(&alice.page(&format!("/members/readiness/{id}/stix.json"))).expect("JSON");
    let note = &bundle["objects"][0];
    assert_eq!(note["type"], "note");
    assert_eq!(note["object_refs"], serde_json::json!([f.identities["La Poste"]]));
    assert_eq!(note["object_marking_refs"], serde_json::json!([tlp::Tlp::AmberStrict.marking_id()]));
    assert!(stix::validate_object(note).is_ok(), "{note}");
    assert!(note["content"].as_str().is_some_and(|c| c.contains("MAIL: ")), "{note}");

    // The board report as PDF, in the member's language, beside the HTML one.
    let (status, content_type, pdf) = alice.get_bytes(&format!("/members/readiness/{id}/report.pdf"));
    assert_eq!((status, content_type.as_str()), (200, "application/pdf"));
    let file = f.dir.path().join("report.pdf");
    std::fs::write(&file, &pdf).expect("write PDF");
    assert!(common::pdfcheck::pages(&file) >= 2);
    let text = common::pdfcheck::text(&file);
    assert!(text.contains("La Poste") && text.contains("Staff e-mail") && text.contains("MAIL-03"), "{text}");

    let mut bob = signed_in(&server, "bob");
    for export in ["plan.csv", "assessment.json", "report", "report.pdf", "stix.json"] {
        assert_eq!(bob.get(&format!("/members/readiness/{id}/{export}")).0, 404, "{export}");
    }
}

const FIELD_FILE: &str = "[profile]\ncounter = true\nwebsite = true\napp = false\nhandhelds = true\noutlets = false\necommerce = false\ndfs = false\negov = false\n\
[answers]\nGOV-01 = 4\nGOV-02 = 3\nIAM-01 = 2\nMAIL-03 = 4\nEND-04 = \"na\"\nBCP-01 = 3\n[evidence]\nGOV-01 = \"document\"\n";

#[test]
fn the_field_file_imports_into_the_portal_and_scores_as_the_command_line_does() {
    let (f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let (status, location, body) = alice.submit("/members/readiness/import", &[("file", FIELD_FILE)]);
    assert_eq!(status, 303, "{body}");
    let score = alice.page(&format!("{location}/score"));

    let path = f.dir.path().join("field.toml");
    std::fs::write(&path, FIELD_FILE).expect("write");
    let out = std::process::Command::new(common::exe()).arg("--json").arg("assess").arg(&path).output().expect("run");
    let cli: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let index = cli["readiness_index"].as_f64().expect("an index").round();
    assert!(score.contains(&format!("<dd id=\"index\">{index}%</dd>")), "the portal shows {index}%: {score}");
    let gov = cli["areas"]["GOV"]["percent"].as_f64().expect("GOV").round();
    assert!(score.contains(&format!("<tr id=\"area-GOV\"><td>Governance and budget</td><td>{gov}%</td>")), "{score}");

    // Bad files are refused whole, with the field and the reason; members cannot claim a
    // facilitator's validation, the facilitator can.
    let before = alice.page("/members/readiness").matches("href=\"/members/readiness/").count();
    let bad = FIELD_FILE.replace("GOV-02 = 3", "GOV-99 = 3");
    let (status, _, body) = alice.submit("/members/readiness/import", &[("file", &bad)]);
    assert_eq!(status, 400);
    assert!(body.contains("[answers].GOV-99: unknown question id"), "{body}");
    let validated = FIELD_FILE.replace("GOV-01 = \"document\"", "GOV-01 = \"facilitator\"");
    assert_eq!(alice.submit("/members/readiness/import", &[("file", &validated)]).0, 400);
    assert_eq!(alice.page("/members/readiness").matches("href=\"/members/readiness/").count(), before, "refused files left nothing");
    let mut fac = signed_in(&server, "fac");
    assert_eq!(fac.submit("/members/readiness/import", &[("file", &validated)]).0, 303);
}

#[test]
fn a_sids_post_gets_the_starter_path_with_phase_one_actions_linked_to_postern() {
    let f = fixture();
    common::cli(f.dir.path(), &["org", "add", "Jamaica Post", "--country", "JM"]);
    add_user(f.dir.path(), "jo", "Jamaica Post", "analyst");
    add_user(f.dir.path(), "alice", "La Poste", "analyst");
    let server = Server::start(f.dir.path());
    let mut jo = signed_in(&server, "jo");
    let id = start(&mut jo, &["counter", "website"]);
    for path in [format!("/members/readiness/{id}/score"), format!("/members/readiness/{id}/report")] {
        let page = jo.page(&path);
        assert!(page.contains("id=\"starter\"") && page.contains("hygiene baseline is 0%"), "{page}");
        assert!(page.contains("Phase 1 (0-6 months)") && !page.contains("Phase 2 (6-18 months)</h3>"), "phase 1 only: {path}");
        let mail = page.split("id=\"plan-MAIL-03\"").nth(1).and_then(|r| r.split("</li>").next()).unwrap_or_default();
        // Auto-escaping writes the path's slashes as `&#x2f;`, which browsers read as `/`.
        assert!(mail.contains("<a href=\"&#x2f;members&#x2f;posture\">Check your domains in Postern</a>"), "{mail}");
    }
    // The full plan stays in the CSV export.
    assert!(jo.page(&format!("/members/readiness/{id}/plan.csv")).contains(",2,6-18,"));
    // A post of another group sees the whole plan and no starter notice.
    let mut alice = signed_in(&server, "alice");
    let other = start(&mut alice, &["counter"]);
    let page = alice.page(&format!("/members/readiness/{other}/score"));
    assert!(!page.contains("id=\"starter\"") && page.contains("Phase 3 (18-36 months)"));
}

/// Benchmarks are published snapshots, never live: posts that finalise and opt in this quarter
/// count from the next quarter's snapshot on, so the current one publishes nothing for them, and
/// its dashboard CSV is the header alone (aggregates only, never a post).
#[test]
fn benchmarks_are_quarterly_snapshots_that_new_submissions_do_not_change() {
    let (f, server) = setup();
    let posts = ["Poste A", "Poste B", "Poste C", "Poste D", "Poste E", "Poste F"];
    for (i, org) in posts.iter().enumerate() {
        common::cli(f.dir.path(), &["org", "add", org, "--country", ["FJ", "JM", "BB", "TT", "SN", "MG"][i]]);
        add_user(f.dir.path(), &format!("user{i}"), org, "analyst");
    }
    let mut first = signed_in(&server, "user0");
    let before = first.page("/members/readiness/benchmarks");
    assert!(before.contains("id=\"insufficient\""), "{before}");
    for i in 0..posts.len() {
        let mut v = signed_in(&server, &format!("user{i}"));
        let (status, location, body) = v.submit("/members/readiness/import", &[("file", FIELD_FILE)]);
        assert_eq!(status, 303, "{body}");
        let (status, _, body) = v.submit(&format!("{location}/finalise"), &[("benchmark", "on")]);
        assert_eq!(status, 303, "{body}");
    }
    let after = first.page("/members/readiness/benchmarks");
    assert_eq!(after, before, "six new opted-in posts do not move the published snapshot");
    let (status, content_type, csv) = first.get_bytes("/members/readiness/benchmarks.csv");
    assert_eq!((status, content_type.as_str()), (200, "text/csv; charset=utf-8"));
    assert_eq!(String::from_utf8_lossy(&csv), "as_of,region,income,sids,ldc,posts,figure,statistic,value\n");
    // Signed-out visitors see nothing.
    let mut anonymous = Visitor::new(&server.url);
    assert_ne!(anonymous.get("/members/readiness/benchmarks.csv").0, 200);
}

/// GOV-04 (workload over two years) is asked in the Governance form as up / same / down with no
/// evidence, never scored, and kept with the assessment beside GOV-05, whose finalised result
/// carries the workload figures the dashboard shows; the field file gives it the same way.
#[test]
fn the_workload_trend_is_asked_kept_unscored_and_carried_to_the_benchmark_figures() {
    let (_f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let id = start(&mut alice, &["counter", "website"]);
    let gov = format!("/members/readiness/{id}/area/GOV");
    let page = alice.page(&gov);
    for v in ["up", "same", "down"] {
        assert!(page.contains(&format!("name=\"v_GOV-04\" value=\"{v}\"")), "{v}: {page}");
    }
    assert!(!page.contains("name=\"e_GOV-04\"") && page.contains("Context for the workload vs budget indicator"), "{page}");
    let before = alice.page(&format!("/members/readiness/{id}/score"));
    assert_eq!(answer(&mut alice, id, "GOV", &page, "GOV-04", "3", "self").0, 400, "a score is not a trend");
    assert_eq!(answer(&mut alice, id, "GOV", &page, "GOV-04", "up", "self").0, 303);
    let page = alice.page(&gov);
    assert!(page.contains("name=\"v_GOV-04\" value=\"up\" checked") && page.contains("name=\"wv_GOV-04\" value=\"up\""), "{page}");
    // Never scored: the score page is what it was (Governance 0%, the same plan).
    assert_eq!(alice.page(&format!("/members/readiness/{id}/score")), before);
    assert_eq!(answer(&mut alice, id, "GOV", &page, "GOV-05", "1", "self").0, 303);

    let (status, _, _) = alice.submit(&format!("/members/readiness/{id}/finalise"), &[("benchmark", "on")]);
    assert_eq!(status, 303);
    let json: serde_json::Value = serde_json::from_str(&alice.page(&format!("/members/readiness/{id}/assessment.json"))).expect("JSON");
    let gov04 = json["answers"].as_array().and_then(|a| a.iter().find(|r| r["question"] == "GOV-04")).cloned();
    assert_eq!(gov04.map(|r| r["value"].clone()), Some(serde_json::json!("up")));
    let summary = &json["summary"];
    assert_eq!(summary["workload"], "up");
    // Workload up, and GOV-05 at 1: the budget does not keep pace.
    let practices = &summary["practices"];
    assert_eq!(
        [&practices["WL-UP"], &practices["WL-SAME"], &practices["WL-DOWN"], &practices["WL/BUD"], &practices["WL-UP-LAG"]],
        [
            &serde_json::json!(true),
            &serde_json::json!(false),
            &serde_json::json!(false),
            &serde_json::json!(false),
            &serde_json::json!(true)
        ]
    );

    // The field file: "down" imports as the same answer; a score is refused naming the key.
    let mut bob = signed_in(&server, "bob");
    let bad = FIELD_FILE.replace("[answers]\n", "[answers]\nGOV-04 = 2\n");
    let (status, _, body) = bob.submit("/members/readiness/import", &[("file", &bad)]);
    assert_eq!(status, 400);
    assert!(body.contains("[answers].GOV-04 = 2: a trend"), "{body}");
    let good = FIELD_FILE.replace("[answers]\n", "[answers]\nGOV-04 = \"down\"\n");
    let (status, location, body) = bob.submit("/members/readiness/import", &[("file", &good)]);
    assert_eq!(status, 303, "{body}");
    let json: serde_json::Value = serde_json::from_str(&bob.page(&format!("{location}/assessment.json"))).expect("JSON");
    assert_eq!(json["summary"]["workload"], "down");
    assert_eq!(json["summary"]["practices"]["WL-DOWN"], true);
}

/// Duplicate submissions lose nothing and ask nothing: the same answer form sent twice saves
/// once (no conflict with oneself), a second import while a draft is open is refused naming the
/// draft, and a second finalisation is refused (see the first test) with the answers intact.
#[test]
fn a_form_sent_twice_saves_once_and_a_second_import_names_the_open_draft() {
    let (_f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let (status, location, body) = alice.submit("/members/readiness/import", &[("file", FIELD_FILE)]);
    assert_eq!(status, 303, "{body}");
    let id: i64 = location.rsplit('/').next().and_then(|i| i.parse().ok()).expect("an id");
    let gov = format!("/members/readiness/{id}/area/GOV");
    let page = alice.page(&gov);
    assert_eq!(hidden(&page, "r_GOV-03"), "0");
    // The same form, sent twice (a double click, or the browser resending it).
    let first = answer(&mut alice, id, "GOV", &page, "GOV-03", "2", "self");
    let second = answer(&mut alice, id, "GOV", &page, "GOV-03", "2", "self");
    assert_eq!((first.0, second.0), (303, 303), "{}", second.2);
    assert_eq!(hidden(&alice.page(&gov), "r_GOV-03"), "1", "saved once");
    // A different answer from the same stale page is a real conflict and is asked.
    let third = answer(&mut alice, id, "GOV", &page, "GOV-03", "4", "self");
    assert_eq!(third.0, 409);

    let links = |v: &mut Visitor| v.page("/members/readiness").matches("href=\"/members/readiness/").count();
    let before = links(&mut alice);
    let (status, _, body) = alice.submit("/members/readiness/import", &[("file", FIELD_FILE)]);
    assert_eq!(status, 409);
    assert!(body.contains(&format!("<code>#{id}</code>")), "{body}");
    assert_eq!(links(&mut alice), before, "no second draft");
    let json: serde_json::Value = serde_json::from_str(&alice.page(&format!("/members/readiness/{id}/assessment.json"))).expect("JSON");
    assert_eq!(json["answers"].as_array().map(Vec::len), Some(7), "the six imported answers and GOV-03, nothing lost");
}

/// The STIX note "for its own hub collection if it wants one": an administrator of the post adds
/// the finalised assessment's note to a collection the organisation writes; it is marked
/// TLP:AMBER+STRICT, so La Poste reads it over TAXII and Correos, a reader of the same
/// collection, does not. Drafts, other organisations and unwritable collections are refused.
#[test]
fn a_finalised_assessment_s_note_goes_to_the_organisation_s_own_collection() {
    let (f, server) = setup();
    let mut dave = signed_in(&server, "dave");
    let id = start(&mut dave, &["counter"]);
    let publish = format!("/members/readiness/{id}/stix");
    let form = [("collection", f.collection.as_str())];
    assert_eq!(dave.submit(&publish, &form).0, 409, "a draft is not published");
    assert_eq!(dave.submit(&format!("/members/readiness/{id}/finalise"), &[]).0, 303);
    let overview = dave.page(&format!("/members/readiness/{id}"));
    assert!(overview.contains("id=\"stix-collection\"") && overview.contains(&format!("<option value=\"{}\"", f.collection)), "{overview}");
    assert!(!signed_in(&server, "alice").page(&format!("/members/readiness/{id}")).contains("id=\"stix-collection\""), "admins only");
    assert_eq!(signed_in(&server, "alice").submit(&publish, &form).0, 403);
    assert_eq!(signed_in(&server, "bob").submit(&publish, &form).0, 403);
    assert_eq!(dave.submit(&publish, &[("collection", "no-such-collection")]).0, 400);
    let (status, location, body) = dave.submit(&publish, &form);
    assert_eq!((status, location.as_str()), (303, format!("/members/readiness/{id}#stix").as_str()), "{body}");

    let objects = |org: &str| -> Vec<serde_json::Value> {
        let resp = common::client()
            .get(format!("{}/isac/collections/{}/objects/", server.url, f.collection))
            .bearer_auth(&f.tokens[org])
            .header("Accept", common::TAXII)
            .send()
            .expect("get objects");
        let env: serde_json::Value = resp.json().unwrap_or_default();
        env["objects"].as_array().cloned().unwrap_or_default()
    };
    let notes: Vec<serde_json::Value> = objects("La Poste").into_iter().filter(|o| o["type"] == "note").collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["object_marking_refs"], serde_json::json!([tlp::Tlp::AmberStrict.marking_id()]));
    assert!(notes[0]["content"].as_str().is_some_and(|c| c.starts_with("Readiness index")), "{}", notes[0]);
    assert!(objects("Correos").iter().all(|o| o["type"] != "note"), "Correos reads the collection, not La Poste's note");
}

/// The history of assessments: each finalised one with its readiness index, and the change
/// since the previous finalised one (whole points, signed).
#[test]
fn the_history_shows_each_assessment_s_index_and_the_change_since_the_last() {
    let (_f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let finalised = |v: &mut Visitor, file: &str| -> (i64, i64) {
        let (status, location, body) = v.submit("/members/readiness/import", &[("file", file)]);
        assert_eq!(status, 303, "{body}");
        assert_eq!(v.submit(&format!("{location}/finalise"), &[]).0, 303);
        let json: serde_json::Value = serde_json::from_str(&v.page(&format!("{location}/assessment.json"))).expect("JSON");
        let id = json["id"].as_i64().expect("id");
        (id, json["summary"]["readiness_index"].as_f64().expect("an index").round() as i64)
    };
    let (first, before) = finalised(&mut alice, FIELD_FILE);
    let better = FIELD_FILE.replace("IAM-01 = 2", "IAM-01 = 4\nBCP-02 = 4\nTRN-01 = 3\nIR-01 = 3\nSHR-01 = 3");
    let (second, after) = finalised(&mut alice, &better);
    assert!(after > before, "{before} -> {after}");
    let list = alice.page("/members/readiness");
    let row = |id: i64| {
        list.split(&format!("<a href=\"/members/readiness/{id}\">"))
            .nth(1)
            .and_then(|r| r.split("</tr>").next())
            .unwrap_or_default()
            .to_owned()
    };
    assert!(row(second).contains(&format!("<td>{after}%</td><td>+{}</td>", after - before)), "{list}");
    assert!(row(first).contains(&format!("<td>{before}%</td><td>—</td>")), "the first has no change: {list}");
    assert!(list.find(&format!("/members/readiness/{second}\"")) < list.find(&format!("/members/readiness/{first}\"")), "newest first");
}

/// The documents of an area page: the download paths of its links.
fn document_links(html: &str) -> Vec<String> {
    html.match_indices("href=\"/members/readiness/")
        .filter_map(|(at, _)| html[at + 6..].split('"').next().filter(|p| p.contains("/document/")).map(str::to_string))
        .collect()
}

#[test]
fn documents_attach_to_answers_download_as_files_and_stay_within_the_organisation() {
    let (f, server) = setup();
    let mut alice = signed_in(&server, "alice");
    let id = start(&mut alice, &["counter", "website", "handhelds"]);
    let area = format!("/members/readiness/{id}/area/IAM");
    let page = alice.page(&area);
    assert!(!page.contains("enctype=\"multipart/form-data\""), "no upload before an answer");
    assert_eq!(answer(&mut alice, id, "IAM", &page, "IAM-01", "3", "self").0, 303);
    let page = alice.page(&area);
    let upload = format!("/members/readiness/{id}/documents/IAM-01");
    assert!(page.contains(&format!("action=\"{upload}\" enctype=\"multipart/form-data\"")), "{page}");

    let bytes = b"%PDF-1.7 the access-control policy, signed";
    let (status, location, body) = alice.post_file_typed(&area, &upload, None, ("access policy.pdf", "application/pdf"), bytes);
    assert_eq!((status, location.as_str()), (303, format!("{area}#q-IAM-01").as_str()), "{body}");
    let page = alice.page(&area);
    let digest: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert!(page.contains(&digest), "the SHA-256 recorded at upload is shown: {page}");
    assert!(page.contains("access_policy.pdf") || page.contains("access policy.pdf"), "{page}");
    // The declared type is shown as text (HTML-escaped), never used to serve the file.
    assert!(page.contains("application&#x2f;pdf") && page.contains(&format!("{} bytes", bytes.len())), "{page}");
    assert_eq!((hidden(&page, "we_IAM-01"), hidden(&page, "r_IAM-01")), ("document".into(), "2".into()), "self became document");
    let links = document_links(&page);
    assert_eq!(links.len(), 1, "{page}");

    let download =
        |v: &Visitor| client().get(format!("{}{}", server.url, links[0])).header("cookie", v.cookie_header()).send().expect("download");
    let resp = download(&alice);
    assert_eq!(resp.status(), 200);
    let h = resp.headers();
    assert_eq!(h["content-type"], "application/octet-stream", "never the declared type");
    assert_eq!(h["content-disposition"], "attachment; filename=\"access_policy.pdf\"");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(resp.bytes().expect("body").as_ref(), bytes);

    // Too large, empty, a forged token, an unanswered question: refused, nothing stored.
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    let (status, _, body) = alice.post_file(&area, &upload, None, "big.pdf", &big);
    assert_eq!(status, 400);
    assert!(body.contains("file") && body.contains("more than the limit of 10485760 bytes"), "{body}");
    assert_eq!(alice.post_file(&area, &upload, None, "empty.pdf", b"").0, 400);
    assert_eq!(alice.post_file(&area, &upload, Some("forged"), "x.pdf", b"x").0, 403);
    assert_eq!(alice.post_file(&area, &format!("/members/readiness/{id}/documents/IAM-02"), None, "x.pdf", b"x").0, 400);
    assert_eq!(document_links(&alice.page(&area)).len(), 1, "one document stored");

    // Another organisation: not found, both ways; a reader of the organisation downloads only.
    let mut bob = signed_in(&server, "bob");
    assert_eq!(bob.post_file("/members/readiness", &upload, None, "x.pdf", b"x").0, 404);
    assert_eq!(download(&bob).status(), 404);
    let mut rita = signed_in(&server, "rita");
    assert_eq!(rita.post_file(&area, &upload, None, "x.pdf", b"x").0, 403);
    assert_eq!(download(&rita).status(), 200);
    // The facilitator sees the document while validating, and reads it.
    let mut fac = signed_in(&server, "fac");
    let validating = fac.page(&area);
    assert!(validating.contains(&digest) && document_links(&validating) == links, "{validating}");
    assert_eq!(download(&fac).status(), 200);

    let audit = cli(f.dir.path(), &["audit"]);
    let actions: Vec<&str> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "portal.readiness.document.add").count(), 1, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == "portal.readiness.document.download").count(), 3, "{actions:?}");
}
