//! The members' incident pages against the real `postern serve`: golden pages in English and
//! French, forms without script (case, task, note), the clock in the viewer's zone and UTC, and
//! another organisation seeing nothing of a case. Set `UPDATE_GOLDEN=1` to rewrite the golden
//! files after a deliberate change, then review the diff.

mod common;

use common::visitor::{PASSWORD, Visitor, user_add};
use common::{Server, cli, client, fixture};

/// Compares a page with its golden file; the fixture's collection id (random) reads `COLLECTION`.
fn check_golden(name: &str, html: &str, collection: &str) {
    common::golden::check(name, &common::golden::without_csrf(&html.replace(collection, "COLLECTION")));
}

struct Portal {
    f: common::Fixture,
    server: Server,
}

fn setup() -> Portal {
    let f = fixture();
    for (name, org, role) in [("alice", "La Poste", "analyst"), ("rita", "La Poste", "reader"), ("bob", "Correos", "analyst")] {
        let out = user_add(f.dir.path(), name, org, role, PASSWORD);
        assert!(out.status.success(), "user add {name}: {}", String::from_utf8_lossy(&out.stdout));
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

/// The form of a smishing case, as a browser sends it: local times, two service checkboxes.
fn case_form(aware: &str) -> Vec<(&str, &str)> {
    vec![
        ("title", "Smishing wave <script>alert(1)</script>"),
        ("summary", "SMS asking for a customs fee"),
        ("classification", "fraud:phishing"),
        ("severity", "high"),
        ("services", "parcels-tracking"),
        ("services", "e-commerce"),
        ("users_affected", "1200"),
        ("cross_border", "yes"),
        ("suspected_malicious", "yes"),
        ("zone", "Europe/Paris"),
        ("detected", "2026-01-10T08:00"),
        ("aware", aware),
        ("contained", ""),
        ("resolved", ""),
        ("jurisdiction", "eu"),
    ]
}

#[test]
fn incident_pages_match_golden_files_in_both_languages() {
    let p = setup();
    let mut alice = p.visitor("alice");
    let (status, location, body) = alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30"));
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1"), "{body}");
    let (status, location, _) = alice.post(
        "/members/incidents/1",
        "/members/incidents/1/tasks",
        &[("title", "Takedown request for colis-frais.top"), ("owner", "SOC"), ("due", "2026-01-12")],
    );
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1#tasks"));

    for lang in ["en", "fr"] {
        alice.cookies.insert("postern_lang".into(), lang.into());
        for (path, name) in
            [("/members/incidents", "incidents"), ("/members/incidents/new", "incident_new"), ("/members/incidents/1", "incident")]
        {
            check_golden(&format!("{name}.{lang}.html"), &alice.page(path), &p.f.collection);
        }
    }
    alice.cookies.insert("postern_lang".into(), "en".into());
    let case = alice.page("/members/incidents/1");
    // Awareness at 09:30 Paris time is 08:30 UTC; the early warning is due 24 h later, long past.
    assert!(case.contains("<td>2026-01-11 09:30 CET</td><td>2026-01-11 08:30 UTC</td>"), "{case}");
    assert!(case.contains("class=\"overdue\""), "past deadlines are marked");
    assert!(case.contains("Smishing wave &lt;script&gt;alert(1)&lt;&#x2f;script&gt;") && !case.contains("<script>"), "text is escaped");
    // The viewer may pick another zone; UTC stays beside it.
    let ny = alice.page("/members/incidents/1?tz=America/New_York");
    assert!(ny.contains("<td>2026-01-11 03:30 EST</td><td>2026-01-11 08:30 UTC</td>"), "{ny}");
    assert_eq!(alice.get("/members/incidents/1?tz=Mars/Olympus").0, 400);
}

#[test]
fn another_organisation_sees_nothing_and_every_form_is_checked() {
    let p = setup();
    let mut alice = p.visitor("alice");
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30")).0, 303);

    // Bad input: the form comes back naming the field, with what was typed; nothing is stored.
    let (status, _, body) = alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T07:00"));
    assert_eq!(status, 400);
    assert!(body.contains("Check the field “Became aware (the clocks start here)”"), "{body}");
    assert!(body.contains("value=\"2026-01-10T07:00\""), "what was typed is kept");
    let (status, location, _) = alice.post("/members/incidents/1", "/members/incidents/1/notes", &[("body", "<b>Registrar</b> contacted")]);
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1#notes"));
    let case = alice.page("/members/incidents/1");
    assert!(case.contains("&lt;b&gt;Registrar&lt;&#x2f;b&gt; contacted"), "notes are text");
    assert!(!alice.page("/members/incidents").contains("/members/incidents/2"), "the refused case was not stored");

    // A forged token is refused.
    assert_eq!(alice.post_with("/members/incidents/1/notes", "forged", &[("body", "x")]).0, 403);

    // Bob, of another organisation: the same 404 as no case, in every view and form.
    let mut bob = p.visitor("bob");
    assert!(!bob.page("/members/incidents").contains("Smishing"));
    for path in ["/members/incidents/1", "/members/incidents/1/evidence/1", "/members/incidents/99"] {
        let (status, body) = bob.get(path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("Smishing"), "{path}");
    }
    assert_eq!(bob.post("/members/incidents", "/members/incidents/1/notes", &[("body", "hello")]).0, 404);

    // A reader of the organisation sees the case but has no forms and may not post one.
    let mut rita = p.visitor("rita");
    let seen = rita.page("/members/incidents/1");
    assert!(seen.contains("Smishing") && !seen.contains("action=\"/members/incidents/1/notes\""));
    assert_eq!(rita.post("/members/incidents/1", "/members/incidents/1/notes", &[("body", "x")]).0, 403);

    let audit = cli(p.f.dir.path(), &["audit"]);
    let lines = audit["entries"].as_array().expect("entries");
    let has = |action: &str, actor: &str| {
        lines.iter().any(|e| e["action"] == action && e["actor"].as_str().is_some_and(|a| a.starts_with(actor)))
    };
    assert!(has("portal.incident.create", "org:La Poste/portal-user:alice"));
    assert!(has("portal.incident.view", "org:La Poste/portal-user:rita"));
    assert!(has("portal.incident.note.add", "org:La Poste/portal-user:alice"));
    assert!(has("portal.incident.edit", "org:La Poste/portal-user:rita"), "the reader's refusal is audited");
}

#[test]
fn a_case_is_edited_with_the_same_checks_as_the_api() {
    let p = setup();
    let mut alice = p.visitor("alice");
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30")).0, 303);
    // The form comes back filled with the case, times in the case's zone to the second.
    let form = alice.page("/members/incidents/1/edit");
    assert!(form.contains("action=\"/members/incidents/1/edit\""), "{form}");
    assert!(form.contains("id=\"aware\" name=\"aware\" type=\"datetime-local\" value=\"2026-01-10T09:30:00\""), "{form}");
    assert!(form.contains("value=\"Smishing wave &lt;script&gt;"), "values are escaped");
    assert!(alice.page("/members/incidents/1").contains("href=\"/members/incidents/1/edit\""));

    // Contained and resolved: the case moves on, and the one-month stage is now owed.
    let mut edited = case_form("2026-01-10T09:30:00");
    edited.retain(|(k, _)| *k != "contained" && *k != "resolved");
    edited.extend([("contained", "2026-01-11T10:00"), ("resolved", "2026-01-12T18:00")]);
    let (status, location, body) = alice.post("/members/incidents/1/edit", "/members/incidents/1/edit", &edited);
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1"), "{body}");
    let api = client()
        .get(format!("{}/api/v1/incidents/1", p.server.url))
        .bearer_auth(&p.f.tokens["La Poste"])
        .send()
        .expect("get")
        .json::<serde_json::Value>()
        .expect("json");
    let at = |k: &str| api[k].as_str().unwrap_or_default().to_string();
    assert!(at("contained").starts_with("2026-01-11T09:00:00") && at("resolved").starts_with("2026-01-12T17:00:00"), "{api}");
    assert!(at("aware").starts_with("2026-01-10T08:30:00"), "an unchanged time stays as it was: {api}");

    // Bad input names the field and keeps what was typed; nothing changes.
    let mut bad = edited.clone();
    bad.retain(|(k, _)| *k != "resolved");
    bad.push(("resolved", "2026-01-09T10:00"));
    let (status, _, body) = alice.post("/members/incidents/1/edit", "/members/incidents/1/edit", &bad);
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("value=\"2026-01-09T10:00\"") && body.contains("aria-invalid"), "{body}");
    assert!(alice.page("/members/incidents/1/edit").contains("value=\"2026-01-12T18:00:00\""), "the refused edit was not stored");
    assert_eq!(alice.post_with("/members/incidents/1/edit", "forged", &edited).0, 403);

    // Another organisation: 404 for the form and the post; a reader: no form, 403.
    let mut bob = p.visitor("bob");
    assert_eq!(bob.get("/members/incidents/1/edit").0, 404);
    assert_eq!(bob.post("/members/incidents", "/members/incidents/1/edit", &edited).0, 404);
    let mut rita = p.visitor("rita");
    assert!(!rita.page("/members/incidents/1").contains("/members/incidents/1/edit"));
    assert_eq!(rita.get("/members/incidents/1/edit").0, 403);
    let audit = cli(p.f.dir.path(), &["audit"]);
    let updates = audit["entries"].as_array().expect("entries").iter().filter(|e| e["action"] == "portal.incident.update").count();
    assert_eq!(updates, 1, "one audited edit");
}

#[test]
fn evidence_is_uploaded_and_objects_linked_from_the_case_page() {
    let p = setup();
    let mut alice = p.visitor("alice");
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30")).0, 303);
    let page = "/members/incidents/1";
    assert!(alice.page(page).contains("enctype=\"multipart/form-data\""));
    // A file: stored with its SHA-256, listed, audited with the API's action name.
    let (status, location, body) = alice.post_file(page, "/members/incidents/1/evidence", None, "sms <1>.png", b"\x89PNG fake screenshot");
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1#evidence"), "{body}");
    let case = alice.page(page);
    assert!(case.contains("sms &lt;1&gt;.png"), "the name is text: {case}");
    let sha = {
        use sha2::Digest;
        let d = sha2::Sha256::digest(b"\x89PNG fake screenshot");
        d.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    assert!(case.contains(&format!("sha256:{sha}")), "{case}");
    // Empty, too large, a path for a name, a forged token: refused, nothing stored.
    assert_eq!(alice.post_file(page, "/members/incidents/1/evidence", None, "empty.txt", b"").0, 400);
    let big = vec![b'x'; 10 * 1024 * 1024 + 1];
    assert_eq!(alice.post_file(page, "/members/incidents/1/evidence", None, "big.bin", &big).0, 400);
    assert_eq!(alice.post_file(page, "/members/incidents/1/evidence", None, "../etc/passwd", b"x").0, 400);
    assert_eq!(alice.post_file(page, "/members/incidents/1/evidence", Some("forged"), "x.txt", b"x").0, 403);
    assert_eq!(alice.page(page).matches("/members/incidents/1/evidence/").count(), 1, "one file stored");

    // A link to a hub object the organisation reads; an unknown id gets one answer.
    let ind = common::indicator(7, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487");
    let posted = client()
        .post(format!("{}/isac/collections/{}/objects/", p.server.url, p.f.collection))
        .bearer_auth(&p.f.tokens["La Poste"])
        .header("Content-Type", common::TAXII)
        .header("Accept", common::TAXII)
        .json(&serde_json::json!({"objects": [ind]}))
        .send()
        .expect("post");
    assert_eq!(posted.status(), 202);
    let id = ind["id"].as_str().expect("id");
    let (status, location, body) = alice.post(page, "/members/incidents/1/links", &[("stix_id", id)]);
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1#links"), "{body}");
    assert!(alice.page(page).contains(&format!("<code>{id}</code>")));
    let (status, _, body) =
        alice.post(page, "/members/incidents/1/links", &[("stix_id", "indicator--00000000-0000-4000-8000-000000000000")]);
    assert_eq!(status, 400);
    assert!(body.contains("no indicator or sighting your organisation may read"), "{body}");
    assert_eq!(alice.post(page, "/members/incidents/1/links", &[("stix_id", "<script>")]).0, 400);

    // Another organisation and a reader: nothing.
    let mut bob = p.visitor("bob");
    assert_eq!(bob.post_file("/members/incidents", "/members/incidents/1/evidence", None, "x.txt", b"x").0, 404);
    assert_eq!(bob.post("/members/incidents", "/members/incidents/1/links", &[("stix_id", id)]).0, 404);
    let mut rita = p.visitor("rita");
    assert!(!rita.page(page).contains("enctype=\"multipart/form-data\""));
    assert_eq!(rita.post_file(page, "/members/incidents/1/evidence", None, "x.txt", b"x").0, 403);
    let audit = cli(p.f.dir.path(), &["audit"]);
    let actions: Vec<&str> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(actions.iter().filter(|a| **a == "incident.evidence.add").count(), 1, "{actions:?}");
    assert_eq!(actions.iter().filter(|a| **a == "incident.link.add").count(), 1, "{actions:?}");
}

#[test]
fn html_in_every_text_field_is_shown_as_text() {
    let p = setup();
    let mut alice = p.visitor("alice");
    let mut form = case_form("2026-01-10T09:30");
    form.retain(|(k, _)| *k != "summary");
    form.push(("summary", "<img src=x onerror=alert(1)> summary"));
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &form).0, 303);
    let task = [("title", "<svg onload=alert(2)> task"), ("owner", "<iframe src=//x> owner"), ("due", "2026-01-12")];
    assert_eq!(alice.post("/members/incidents/1", "/members/incidents/1/tasks", &task).0, 303);
    let (status, _, body) = alice.post(
        "/members/incidents/1",
        "/members/incidents/1/takedowns",
        &[("domain", "<b>x</b>.top"), ("contacts", "abuse@registrar.test")],
    );
    assert_eq!(status, 400, "a takedown's domain is a domain name: {body}");
    let case = alice.page("/members/incidents/1");
    for raw in ["<img", "<svg", "<iframe", "<b>x"] {
        assert!(!case.contains(raw), "{raw} must be escaped: {case}");
    }
    for shown in
        ["&lt;img src=x onerror=alert(1)&gt; summary", "&lt;svg onload=alert(2)&gt; task", "&lt;iframe src=&#x2f;&#x2f;x&gt; owner"]
    {
        assert!(case.contains(shown), "{shown}: {case}");
    }
    let edit = alice.page("/members/incidents/1/edit");
    assert!(!edit.contains("<img") && edit.contains("&lt;img src=x onerror=alert(1)&gt; summary"), "{edit}");
}

#[test]
fn evidence_is_downloaded_never_shown() {
    let p = setup();
    let mut alice = p.visitor("alice");
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30")).0, 303);
    let up = client()
        .post(format!("{}/api/v1/incidents/1/evidence?filename=scam.html", p.server.url))
        .bearer_auth(&p.f.tokens["La Poste"])
        .body("<html><script>alert(1)</script></html>")
        .send()
        .expect("upload");
    assert_eq!(up.status(), 201);
    let case = alice.page("/members/incidents/1");
    assert!(case.contains("sha256:1e88fe5a73e9700a27597a02ed7ec3c4cc1eb8e0d6ca580cd4473a5e7e6dc194"), "{case}");
    let resp = client()
        .get(format!("{}/members/incidents/1/evidence/1", p.server.url))
        .header("cookie", alice.cookie_header())
        .send()
        .expect("download");
    assert_eq!(resp.status(), 200);
    let h = resp.headers();
    assert_eq!(h["content-type"], "application/octet-stream");
    assert_eq!(h["content-disposition"], "attachment; filename=\"scam.html\"");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(resp.text().expect("body"), "<html><script>alert(1)</script></html>");
}

#[test]
fn a_submission_advances_the_clock_and_the_case_exports_as_a_file() {
    let p = setup();
    let mut alice = p.visitor("alice");
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30")).0, 303);
    // The stage's report is filled in first: a submission without one names the missing field.
    let notification = [("stage", "notification"), ("submitted_at", "2026-01-12T11:00")];
    let (status, _, page) = alice.post("/members/incidents/1", "/members/incidents/1/submissions", &notification);
    assert_eq!(status, 400);
    assert!(page.contains("suspected_malicious"), "{page}");
    let report = "/members/incidents/1/reports/notification";
    let answers = [
        ("action", "save"),
        ("field-suspected_malicious", "yes"),
        ("field-cross_border_impact", "no"),
        ("field-severity", "high"),
        ("field-impact", "Tracking down"),
        ("field-indicators", "unknown"),
    ];
    assert_eq!(alice.post(report, report, &answers).0, 303);
    let (status, location, _) = alice.post("/members/incidents/1", "/members/incidents/1/submissions", &notification);
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1#clock"));
    let case = alice.page("/members/incidents/1");
    // One month after the notification, local date and time kept, with UTC beside it.
    assert!(case.contains("<td>2026-02-12 11:00 CET</td><td>2026-02-12 10:00 UTC</td>"), "{case}");
    assert!(case.contains("2026-01-12 11:00 CET (10:00 UTC)"), "the submission time is shown");
    // A stage already submitted, or not owed yet, is refused.
    let (status, _, _) =
        alice.post("/members/incidents/1", "/members/incidents/1/submissions", &[("stage", "notification"), ("submitted_at", "")]);
    assert_eq!(status, 400);
    let (status, _, _) =
        alice.post("/members/incidents/1", "/members/incidents/1/submissions", &[("stage", "final_report"), ("submitted_at", "")]);
    assert_eq!(status, 400);

    let resp = client()
        .get(format!("{}/members/incidents/1/export", p.server.url))
        .header("cookie", alice.cookie_header())
        .send()
        .expect("export");
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-disposition"], "attachment; filename=\"incident-1.html\"");
    let html = resp.text().expect("body");
    assert!(html.contains("Smishing wave &lt;script&gt;") && !html.contains("<script>"), "{html}");
    assert!(html.contains("2026-02-12 10:00 UTC") && !html.contains("csrf"), "the clock, and no form");
    // Bob's organisation exports nothing of it.
    let mut bob = p.visitor("bob");
    assert_eq!(bob.get("/members/incidents/1/export").0, 404);
    let audit = cli(p.f.dir.path(), &["audit"]);
    let lines = audit["entries"].as_array().expect("entries");
    assert!(lines.iter().any(|e| e["action"] == "portal.incident.export" && e["target"] == "incident:1"));
    assert!(lines.iter().any(|e| e["action"] == "portal.incident.submit" && e["target"] == "incident:1"));
}

#[test]
fn a_stage_report_is_a_form_that_cannot_be_submitted_incomplete_and_exports_as_files() {
    let p = setup();
    let mut alice = p.visitor("alice");
    assert_eq!(alice.post("/members/incidents/new", "/members/incidents/new", &case_form("2026-01-10T09:30")).0, 303);
    let form = "/members/incidents/1/reports/early_warning";
    let page = alice.page(form);
    // What the case says is already filled in; the answers the law allows include "unknown".
    assert!(page.contains("name=\"field-suspected_malicious\"") && page.contains("name=\"field-cross_border_impact\""), "{page}");
    assert!(page.contains("<option value=\"unknown\""), "{page}");
    // Submitting without an answer is refused, naming the field, and keeps what was typed.
    let typed = [("action", "submit"), ("field-suspected_malicious", "yes"), ("submitted_at", "")];
    let (status, _, page) = alice.post(form, form, &typed);
    assert_eq!(status, 400, "{page}");
    assert!(page.contains("Could have a cross-border impact: is required by the early_warning report"), "{page}");
    assert!(page.contains("<option value=\"yes\" selected>"), "what was typed is shown again: {page}");
    // HTML typed into a text answer stays text.
    let notif = "/members/incidents/1/reports/notification";
    let scripted = [("action", "save"), ("field-impact", "<script>alert(1)</script>")];
    assert_eq!(alice.post(notif, notif, &scripted).0, 303);
    let page = alice.page(notif);
    assert!(page.contains("&lt;script&gt;alert(1)") && !page.contains("<script>alert(1)"), "{page}");

    let complete = [
        ("action", "submit"),
        ("field-suspected_malicious", "yes"),
        ("field-cross_border_impact", "unknown"),
        ("submitted_at", "2026-01-10T12:00"),
    ];
    let (status, location, _) = alice.post(form, form, &complete);
    assert_eq!((status, location.as_str()), (303, form));
    let page = alice.page(form);
    assert!(page.contains("2026-01-10T11:00:00.000Z") && !page.contains("name=\"field-"), "submitted: read-only, {page}");
    let case = alice.page("/members/incidents/1");
    assert!(case.contains("2026-01-10 12:00 CET (11:00 UTC)"), "the clock has the submission: {case}");

    for (kind, ctype) in [("html", "text/html; charset=utf-8"), ("stix", "application/stix+json;version=2.1")] {
        let resp = client().get(format!("{}{form}/{kind}", p.server.url)).header("cookie", alice.cookie_header()).send().expect("export");
        assert_eq!(resp.status(), 200, "{kind}");
        assert_eq!(resp.headers()["content-type"], ctype);
        let ext = if kind == "stix" { "json" } else { "html" };
        assert_eq!(resp.headers()["content-disposition"], format!("attachment; filename=\"incident-1-early_warning.{ext}\"").as_str());
        let body = resp.text().expect("body");
        assert!(body.contains("Smishing wave"), "{body}");
        if kind == "html" {
            assert!(body.contains("Smishing wave &lt;script&gt;") && !body.contains("<script>"), "{body}");
        }
    }
    // The case's derivatives download as STIX files; a public warning needs its text.
    let public = alice.get("/members/incidents/1/derivatives/public?warning=Do+not+pay");
    assert_eq!(public.0, 200);
    assert!(public.1.contains("\"Do not pay\"") && !public.1.contains("Smishing"), "{}", public.1);
    assert_eq!(alice.get("/members/incidents/1/derivatives/public?warning=").0, 400);
    assert_eq!(alice.get("/members/incidents/1/derivatives/isac").0, 200);
    // Another organisation sees none of it, and a reader cannot edit it.
    let mut bob = p.visitor("bob");
    for path in [form.to_string(), format!("{form}/html"), format!("{form}/stix"), "/members/incidents/1/derivatives/isac".into()] {
        assert_eq!(bob.get(&path).0, 404, "{path}");
    }
    let mut rita = p.visitor("rita");
    assert_eq!(rita.post(notif, notif, &[("action", "save"), ("field-impact", "x")]).0, 403);
    let audit = cli(p.f.dir.path(), &["audit"]);
    let actions: Vec<&str> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["action"].as_str()).collect();
    for action in ["portal.incident.report.view", "portal.incident.report.save", "portal.incident.submit", "portal.incident.report.export"]
    {
        assert!(actions.contains(&action), "{action} not audited: {actions:?}");
    }
}
