//! Accessibility of the portal in a real browser: axe-core (the pinned npm package of
//! scripts/test-deps/portal.npm, installed by scripts/test) is injected into each page opened in
//! Debian's headless Chromium and runs the WCAG 2.0, 2.1 and 2.2 A and AA rules, at a desktop
//! width and at a phone's 412 px; any violation fails with its rule, impact, target and help.
//! At phone width every button, field and stand-alone link must also measure at least 24 x 24
//! CSS pixels (WCAG 2.2 SC 2.5.8, for handhelds).
//!
//! Pages: the citizens' home, link and message checks with their verdicts (English, French and
//! right-to-left Arabic), the citizens' quizzes, staff's "my lessons", a lesson and "report a
//! message", the trainers' campaign pages, a simulation landing page and its teaching page, and
//! the incident, readiness and joint-exercise pages of members (the list of runs, a running
//! run's page with its facilitator forms, and an ended run's hot wash).

mod common;

use common::browser::{Driver, Look, axe_audit, axe_source, click, fill, login, session, small_targets, start_driver, wait_for};
use common::visitor::{PASSWORD, Visitor, add_user};
use common::{Server, cli, fixture};
use fantoccini::Client;

/// What went wrong on every page, collected so that one run lists them all.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    /// Audits the page the browser shows, under the name `page`.
    async fn audit(&mut self, c: &Client, axe: &str, page: &str, phone: bool) {
        let audit = axe_audit(c, axe).await;
        // Even the smallest page (the teaching page: a heading, text, a list) has 9 rules that apply:
        // a language, a title, a landmark, contrast, a list, ...
        if audit.passed_rules < 5 {
            self.0.push(format!("{page}: axe checked only {} rules", audit.passed_rules));
        }
        for v in audit.violations {
            self.0.push(format!("{page}: {v}"));
        }
        if phone {
            for t in small_targets(c).await {
                self.0.push(format!("{page}: target-size (WCAG 2.5.8) {t}"));
            }
        }
    }

    async fn open(&mut self, c: &Client, axe: &str, base: &str, path: &str, phone: bool) {
        c.goto(&format!("{base}{path}")).await.unwrap_or_else(|e| panic!("{path}: {e}"));
        wait_for(c, "h1").await;
        self.audit(c, axe, path, phone).await;
    }
}

/// Two joint exercise runs of La Poste with Correos as the CSIRT, started through the list
/// page's form: the first ended (its hot wash), the second running (its run page).
fn exercise_runs(ana: &mut Visitor) {
    let start = [
        ("scenario", "smishing-payment:en"),
        ("speed", "120"),
        ("org_0", "La Poste"),
        ("role_0", "post"),
        ("org_1", "Correos"),
        ("role_1", "csirt"),
        ("org_2", ""),
        ("role_2", "csirt"),
    ];
    let (status, location, body) = ana.post("/members/exercises", "/members/exercises", &start);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1"), "{body}");
    let (status, location, _) = ana.post("/members/exercises/1", "/members/exercises/1/end", &[]);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/1/hotwash"));
    let (status, location, body) = ana.post("/members/exercises", "/members/exercises", &start);
    assert_eq!((status, location.as_str()), (303, "/members/exercises/2"), "{body}");
    // The pages audited are the real ones, with their forms, not an error page.
    assert!(ana.page("/members/exercises/2").contains("action=\"/members/exercises/2/end\""));
    assert!(ana.page("/members/exercises/1/hotwash").contains("/members/exercises/1/report/pdf"));
}

/// An incident, a readiness assessment and exercise runs of La Poste, made through the portal's
/// forms.
fn member_data(server: &Server) -> i64 {
    let mut ana = Visitor::new(&server.url);
    ana.login("ana");
    let case = [
        ("title", "Smishing wave"),
        ("summary", "SMS asking for a customs fee"),
        ("classification", "fraud:phishing"),
        ("severity", "high"),
        ("services", "parcels-tracking"),
        ("users_affected", "1200"),
        ("cross_border", "yes"),
        ("suspected_malicious", "yes"),
        ("zone", "Europe/Paris"),
        ("detected", "2026-01-10T08:00"),
        ("aware", "2026-01-10T09:30"),
        ("contained", ""),
        ("resolved", ""),
        ("jurisdiction", "eu"),
    ];
    let (status, location, body) = ana.post("/members/incidents/new", "/members/incidents/new", &case);
    assert_eq!((status, location.as_str()), (303, "/members/incidents/1"), "{body}");
    let (status, location, body) = ana.submit("/members/readiness", &[("counter", "on"), ("website", "on")]);
    assert_eq!(status, 303, "{body}");
    let id: i64 = location.rsplit('/').next().and_then(|id| id.parse().ok()).unwrap_or_else(|| panic!("an assessment URL: {location}"));
    // One answered question with a document, so the area page shows the list and the upload form.
    let area = format!("/members/readiness/{id}/area/GOV");
    let answer = [
        ("v_GOV-01", "3"),
        ("e_GOV-01", "self"),
        ("c_GOV-01", ""),
        ("r_GOV-01", "0"),
        ("wv_GOV-01", ""),
        ("we_GOV-01", "self"),
        ("wc_GOV-01", ""),
    ];
    assert_eq!(ana.post(&area, &area, &answer).0, 303);
    let upload = format!("/members/readiness/{id}/documents/GOV-01");
    assert_eq!(ana.post_file(&area, &upload, None, "policy.pdf", b"%PDF-1.7 policy").0, 303);
    exercise_runs(&mut ana);
    id
}

/// The citizens' pages in one language, the verdicts included.
async fn citizen_pages(f: &mut Findings, c: &Client, axe: &str, base: &str, lang: &str, phone: bool) {
    c.goto(&format!("{base}/lang/{lang}?back=/")).await.expect("choose the language");
    wait_for(c, &format!("html[lang='{lang}']")).await;
    f.audit(c, axe, &format!("/ ({lang})"), phone).await;
    f.open(c, axe, base, "/check/link", phone).await;
    fill(c, "#url", "http://laposte-colis-frais.top/paiement").await;
    click(c, "form[action='/check/link'] button").await;
    wait_for(c, ".verdict").await;
    f.audit(c, axe, &format!("/check/link verdict ({lang})"), phone).await;
    f.open(c, axe, base, "/check/message", phone).await;
    fill(c, "#message", "La Poste : votre colis est retenu. Payez 1,99 EUR sur https://laposte-frais.top/p").await;
    click(c, "form[action='/check/message'] button").await;
    wait_for(c, ".verdict").await;
    f.audit(c, axe, &format!("/check/message verdict ({lang})"), phone).await;
}

/// Every audited page in one browser session.
async fn audit_all(driver: &Driver, base: &str, look: &Look, campaign: i64, link: &str, assessment: i64) -> Vec<String> {
    let axe = axe_source();
    let phone = look.phone_width.is_some();
    let profile = tempfile::tempdir().expect("profile dir");
    let c = session(driver, profile.path(), look).await;
    let mut f = Findings::default();
    for lang in ["en", "fr", "ar"] {
        citizen_pages(&mut f, &c, &axe, base, lang, phone).await;
    }
    c.goto(&format!("{base}/lang/en?back=/")).await.expect("back to English");
    for path in ["/aware", "/aware/quiz", "/aware/quiz/citizen-parcel-sms", "/report"] {
        f.open(&c, &axe, base, path, phone).await;
    }
    // The simulation landing page (a person's page view), and its teaching page.
    c.goto(link).await.expect("landing page");
    wait_for(&c, "form#f").await;
    f.audit(&c, &axe, "landing page", phone).await;
    click(&c, "#f button[type=submit]").await;
    wait_for(&c, "ul").await;
    f.audit(&c, &axe, "teaching page", phone).await;

    login(&c, base, "ana", PASSWORD).await;
    let members = [
        "/members/awareness".to_string(),
        "/members/awareness/lessons/citizen-parcel-sms".into(),
        "/members/awareness/report".into(),
        "/members/awareness/campaigns".into(),
        format!("/members/awareness/campaigns/{campaign}"),
        format!("/members/awareness/campaigns/{campaign}/sheet"),
        "/members/incidents".into(),
        "/members/incidents/new".into(),
        "/members/incidents/1".into(),
        "/members/readiness".into(),
        format!("/members/readiness/{assessment}"),
        format!("/members/readiness/{assessment}/area/GOV"),
        format!("/members/readiness/{assessment}/score"),
        "/members/exercises".into(),
        "/members/exercises/2".into(),
        "/members/exercises/1/hotwash".into(),
    ];
    for path in &members {
        f.open(&c, &axe, base, path, phone).await;
    }
    // A graded lesson quiz and a filed report: the pages people see after the form.
    c.goto(&format!("{base}/members/awareness/lessons/citizen-parcel-sms")).await.expect("lesson");
    click(&c, "main form button[type=submit]").await;
    wait_for(&c, "h1").await;
    f.audit(&c, &axe, "lesson graded", phone).await;
    c.close().await.expect("close");
    f.0
}

#[test]
fn portal_pages_pass_axe_wcag_22_aa_at_desktop_and_phone_width() {
    // Before anything starts: without axe-core the test cannot judge, and says why.
    axe_source();
    let fx = fixture();
    let data = fx.dir.path();
    add_user(data, "ana", "La Poste", "admin");
    let server = Server::start(data);
    let csv = data.join("targets.csv");
    std::fs::write(&csv, "email,group\nclerk@poste.example,counter\n").expect("targets");
    let created = cli(
        data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            "Winter parcels",
            "--targets",
            csv.to_str().expect("utf-8 path"),
            "--channel",
            "email",
            "--template",
            "redelivery-email",
            "--dry-run",
            "--public-url",
            &server.url,
        ],
    );
    let campaign = created["id"].as_i64().expect("id");
    let link = created["links"][0]["url"].as_str().expect("link").to_string();
    let assessment = member_data(&server);

    let driver = start_driver();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let mut found = Vec::new();
    for look in [Look { window: Some((1280, 900)), ..Look::default() }, Look { phone_width: Some(412), ..Look::default() }] {
        let width = look.phone_width.or(look.window.map(|w| w.0)).unwrap_or_default();
        let on_page = runtime.block_on(audit_all(&driver, &server.url, &look, campaign, &link, assessment));
        found.extend(on_page.into_iter().map(|v| format!("{width}px {v}")));
    }
    assert!(found.is_empty(), "{} accessibility violations:\n{}", found.len(), found.join("\n"));
}
