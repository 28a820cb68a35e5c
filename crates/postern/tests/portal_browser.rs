//! The portal in a real browser: Debian's Chromium, headless, driven through chromedriver (W3C
//! WebDriver, the fantoccini crate) against the real `postern serve` on loopback. Screenshots of
//! the main pages land in `target/portal-screenshots/`.

mod common;

use common::browser::{Driver, Look, click, fill, session, shot, start_driver, wait_for};
use common::{Server, fixture};
use fantoccini::{Client, Locator};

const PASSWORD: &str = "correct horse battery staple";

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    session(driver, profile, &Look::default()).await
}

/// A browser whose viewport is `phone_width` CSS pixels wide.
async fn browser_at(driver: &Driver, profile: &std::path::Path, phone_width: Option<u32>) -> Client {
    session(driver, profile, &Look { phone_width, ..Look::default() }).await
}

async fn body(c: &Client) -> String {
    c.source().await.expect("page source")
}

async fn login(c: &Client, base: &str, user: &str) {
    common::browser::login(c, base, user, PASSWORD).await;
}

async fn logout(c: &Client) {
    click(c, "form[action='/logout'] button").await;
    wait_for(c, "a[href='/login']").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn citizen_to_analyst_in_chromium() {
    let f = fixture();
    {
        let store = store::SqliteStore::open(f.dir.path()).expect("store");
        server::portal::add_user(&store, "La Poste", "alice", PASSWORD, store::Role::Analyst).expect("alice");
        server::portal::add_user(&store, "Correos", "bob", PASSWORD, store::Role::Analyst).expect("bob");
    }
    let server = Server::start(f.dir.path());
    let base = server.url.clone();
    let driver = start_driver();
    let profile = tempfile::tempdir().expect("profile dir");
    let c = browser(&driver, profile.path()).await;

    // Public: the home page, in English by default.
    c.goto(&base).await.expect("home");
    assert!(body(&c).await.contains("<html lang=\"en\" dir=\"ltr\">"));
    shot(&c, "01-home").await;

    // Check a malicious and a benign link.
    c.goto(&format!("{base}/check/link")).await.expect("check link");
    fill(&c, "#url", "http://laposte-colis-frais.top/paiement").await;
    click(&c, "form[action='/check/link'] button").await;
    let verdict = wait_for(&c, ".verdict").await;
    let class = verdict.attr("class").await.expect("class").unwrap_or_default();
    assert!(class.contains("verdict-malicious"), "look-alike judged malicious: {class}");
    assert!(verdict.text().await.expect("text").contains("Dangerous"), "words, not colour alone");
    shot(&c, "02-check-link-malicious").await;
    c.goto(&format!("{base}/check/link")).await.expect("check link");
    fill(&c, "#url", "https://www.laposte.fr/outils/suivre-vos-envois").await;
    click(&c, "form[action='/check/link'] button").await;
    let class = wait_for(&c, ".verdict").await.attr("class").await.expect("class").unwrap_or_default();
    assert!(class.contains("verdict-benign"), "the official site is benign: {class}");

    // Analyse a message: verdict and highlighted entities.
    c.goto(&format!("{base}/check/message")).await.expect("check message");
    fill(&c, "#message", "La Poste : votre colis est retenu en douane. Payez 1,99 EUR sur https://laposte-frais.top/p").await;
    click(&c, "form[action='/check/message'] button").await;
    let class = wait_for(&c, ".verdict").await.attr("class").await.expect("class").unwrap_or_default();
    assert!(class.contains("verdict-malicious"), "{class}");
    c.find(Locator::Css("mark.ent-url")).await.expect("the link is highlighted");
    c.find(Locator::Css("mark.ent-amount")).await.expect("the amount is highlighted");
    shot(&c, "03-check-message").await;

    // A citizen files a report.
    c.goto(&format!("{base}/report")).await.expect("report");
    click(&c, "input[name=kind][value=url]").await;
    fill(&c, "#content", "http://colis-laposte-livraison.top/suivi").await;
    fill(&c, "#country", "FR").await;
    shot(&c, "04-report-form").await;
    click(&c, "form[action='/report'] button[type=submit]").await;
    wait_for(&c, ".notice").await;
    assert!(body(&c).await.contains("Your report number 1 was received"));

    // An analyst of La Poste triages it into a TLP:RED indicator.
    login(&c, &base, "alice").await;
    c.goto(&format!("{base}/members/triage")).await.expect("triage");
    assert!(body(&c).await.contains("colis-laposte-livraison"));
    shot(&c, "05-triage").await;
    c.find(Locator::Css("#tlp-1")).await.expect("tlp select").select_by_value("red").await.expect("choose RED");
    click(&c, "#accept-1").await;
    wait_for(&c, "h1 .tlp").await;
    let url = c.current_url().await.expect("url");
    assert!(url.path().starts_with("/members/objects/"), "lands on the new indicator: {url}\n{}", body(&c).await);
    let indicator_id = url.path().rsplit('/').next().expect("id").to_string();
    assert!(indicator_id.starts_with("indicator--"));
    c.find(Locator::Css("h1 .tlp-red")).await.expect("the TLP:RED badge on the detail page");
    assert!(body(&c).await.contains("La Poste"), "sighting by the analyst's organisation");

    // It is in the list with its badge.
    c.goto(&format!("{base}/members/indicators")).await.expect("list");
    let row = c.find(Locator::XPath("//tr[.//a[contains(., 'Citizen report #1')]]")).await.expect("the indicator row");
    let badge = row.find(Locator::Css(".tlp")).await.expect("badge");
    assert_eq!(badge.text().await.expect("text"), "TLP:RED");
    assert!(badge.attr("class").await.expect("class").unwrap_or_default().contains("tlp-red"));
    shot(&c, "06-indicators").await;
    c.goto(&format!("{base}/members")).await.expect("dashboard");
    assert_eq!(c.find(Locator::Css("#total")).await.expect("total").text().await.expect("text"), "1");
    shot(&c, "07-dashboard").await;
    logout(&c).await;

    // Another organisation sees it nowhere: list, filtered list, dashboard, detail, triage, link check.
    login(&c, &base, "bob").await;
    assert_eq!(c.find(Locator::Css("#total")).await.expect("total").text().await.expect("text"), "0");
    for path in ["/members/indicators", "/members/indicators?tlp=red", "/members/triage", "/members"] {
        c.goto(&format!("{base}{path}")).await.expect("page");
        let html = body(&c).await;
        assert!(!html.contains(&indicator_id) && !html.contains("Citizen report #1"), "{path} leaks the RED indicator");
    }
    c.goto(&format!("{base}/members/objects/{}/{indicator_id}", f.collection)).await.expect("detail");
    let html = body(&c).await;
    assert!(!html.contains("colis-laposte-livraison") && html.contains("(404)"), "the detail page is a 404 for bob");
    c.goto(&format!("{base}/check/link")).await.expect("check link");
    fill(&c, "#url", "http://colis-laposte-livraison.top/suivi").await;
    click(&c, "form[action='/check/link'] button").await;
    wait_for(&c, ".verdict").await;
    assert!(!body(&c).await.contains(&indicator_id), "the link check does not reveal the RED indicator");

    // Switch language.
    c.goto(&format!("{base}/check/link")).await.expect("check link");
    click(&c, "a[hreflang=fr]").await;
    wait_for(&c, "html[lang=fr]").await;
    let html = body(&c).await;
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">") && html.contains("Vérifier un lien"), "the switcher keeps the page, in French");
    assert_eq!(c.current_url().await.expect("url").path(), "/check/link");
    c.goto(&base).await.expect("home");
    assert!(body(&c).await.contains("Est-ce vraiment la poste"), "the choice sticks");
    shot(&c, "08-home-fr").await;

    c.close().await.expect("close the browser");
}

/// Facts about the current page's layout, measured by the browser.
async fn layout(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, vec![]).await.unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// The Arabic portal at phone width (412 px): right-to-left, mirrored by the CSS's logical
/// properties, nothing wider than the screen, and links, URLs and numbers kept left-to-right
/// inside it. Screenshots: `target/portal-screenshots/ar-*.png`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_arabic_portal_is_right_to_left_at_phone_width() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let base = server.url.clone();
    let driver = start_driver();
    let profile = tempfile::tempdir().expect("profile dir");
    let c = browser_at(&driver, profile.path(), Some(412)).await;

    // The switcher sets the language (a cookie), as a citizen would choose it.
    c.goto(&format!("{base}/lang/ar?back=/")).await.expect("switch to Arabic");
    wait_for(&c, "html[lang='ar'][dir='rtl']").await;
    const FACTS: &str = "const w = window.innerWidth; const r = (q) => document.querySelector(q).getBoundingClientRect(); \
        return { width: w, overflow: document.documentElement.scrollWidth - w, \
                 direction: getComputedStyle(document.body).direction, \
                 brand_right: r('.brand').right, brand_left: r('.brand').left, \
                 h1_right: r('main h1').right, \
                 url_direction: document.querySelector('#url') ? getComputedStyle(document.querySelector('#url')).direction : null };";
    let facts = layout(&c, FACTS).await;
    assert_eq!(facts["width"], serde_json::json!(412), "phone width: {facts}");
    assert_eq!(facts["direction"], "rtl", "{facts}");
    assert!(facts["overflow"].as_f64().is_some_and(|o| o <= 0.0), "no horizontal scrolling: {facts}");
    let width = facts["width"].as_f64().unwrap_or(0.0);
    assert!(facts["brand_left"].as_f64().unwrap_or(0.0) > width / 2.0, "the site name starts on the right: {facts}");
    assert!(facts["h1_right"].as_f64().unwrap_or(0.0) > width - 40.0, "headings hug the right edge: {facts}");
    assert_eq!(facts["url_direction"], "ltr", "a link is typed left-to-right: {facts}");
    let text = body(&c).await;
    assert!(text.chars().any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch)), "the page speaks Arabic");
    shot(&c, "ar-01-home").await;

    // A look-alike checked from the home page: Arabic verdict, the URL kept left-to-right.
    fill(&c, "#url", "https://laposte-fr.colis-suivi.top/pay").await;
    click(&c, "form[action='/check/link'] button").await;
    let verdict = wait_for(&c, ".verdict").await;
    assert!(verdict.attr("class").await.expect("class").unwrap_or_default().contains("verdict-malicious"));
    let facts = layout(
        &c,
        "return { overflow: document.documentElement.scrollWidth - window.innerWidth, \
                  codes: [...document.querySelectorAll('main code')].map(e => getComputedStyle(e).direction), \
                  reasons: [...document.querySelectorAll('.reasons li')].map(e => e.textContent) };",
    )
    .await;
    assert!(facts["overflow"].as_f64().is_some_and(|o| o <= 0.0), "no horizontal scrolling: {facts}");
    let codes = facts["codes"].as_array().cloned().unwrap_or_default();
    assert!(!codes.is_empty() && codes.iter().all(|d| d == "ltr"), "URLs and codes stay left-to-right: {facts}");
    let reasons = facts["reasons"].as_array().cloned().unwrap_or_default();
    assert!(
        !reasons.is_empty()
            && reasons.iter().all(|r| r.as_str().is_some_and(|r| r.chars().any(|ch| ('\u{0600}'..='\u{06FF}').contains(&ch)))),
        "every reason is an Arabic sentence: {facts}"
    );
    shot(&c, "ar-02-link-verdict").await;

    // An Arabic message: its text runs right-to-left, the link and amount inside it do not.
    c.goto(&format!("{base}/check/message")).await.expect("check message");
    fill(&c, "#message", "البريد المصري: طردك محتجز في الجمارك. ادفع 25 جنيه الآن عبر https://egyptpost-eg.top/pay").await;
    click(&c, "form[action='/check/message'] button").await;
    wait_for(&c, ".message-text").await;
    let facts = layout(
        &c,
        "return { overflow: document.documentElement.scrollWidth - window.innerWidth, \
                  text: getComputedStyle(document.querySelector('.message-text')).direction, \
                  url: getComputedStyle(document.querySelector('.message-text .ent-url')).direction };",
    )
    .await;
    assert!(facts["overflow"].as_f64().is_some_and(|o| o <= 0.0), "no horizontal scrolling: {facts}");
    assert_eq!(facts["text"], "rtl", "the Arabic message reads right-to-left: {facts}");
    assert_eq!(facts["url"], "ltr", "{facts}");
    shot(&c, "ar-03-message-verdict").await;
    c.close().await.expect("close");
}

/// The exercise pages at phone width (412 px), in French: the run is started with the form in
/// the browser, the run page and the hot-wash page are no wider than the screen (tables scroll
/// inside their own box). Screenshots: `target/portal-screenshots/exercise-*.png`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exercise_pages_fit_a_phone() {
    let f = fixture();
    {
        let store = store::SqliteStore::open(f.dir.path()).expect("store");
        server::portal::add_user(&store, "La Poste", "alice", PASSWORD, store::Role::Analyst).expect("alice");
    }
    let server = Server::start(f.dir.path());
    let base = server.url.clone();
    let driver = start_driver();
    let profile = tempfile::tempdir().expect("profile dir");
    let c = browser_at(&driver, profile.path(), Some(412)).await;
    c.goto(&format!("{base}/lang/fr?back=/")).await.expect("switch to French");
    wait_for(&c, "html[lang='fr']").await;
    login(&c, &base, "alice").await;
    c.goto(&format!("{base}/members/exercises")).await.expect("exercises");
    fill(&c, "#org_1", "Correos").await;
    click(&c, "form[action='/members/exercises'] button[type=submit]").await;
    wait_for(&c, "#injects").await;
    const OVERFLOW: &str = "return { width: window.innerWidth, overflow: document.documentElement.scrollWidth - window.innerWidth };";
    let facts = layout(&c, OVERFLOW).await;
    assert_eq!(facts["width"], serde_json::json!(412), "phone width: {facts}");
    assert!(facts["overflow"].as_f64().is_some_and(|o| o <= 0.0), "the run page fits: {facts}");
    assert!(body(&c).await.contains("Message à trier"), "the first inject is shown");
    shot(&c, "exercise-01-run").await;
    click(&c, "form[action$='/end'] button").await;
    wait_for(&c, "#plan").await;
    let facts = layout(&c, OVERFLOW).await;
    assert!(facts["overflow"].as_f64().is_some_and(|o| o <= 0.0), "the hot-wash page fits: {facts}");
    shot(&c, "exercise-02-hotwash").await;
    c.goto(&format!("{base}/members/exercises")).await.expect("exercises");
    let facts = layout(&c, OVERFLOW).await;
    assert!(facts["overflow"].as_f64().is_some_and(|o| o <= 0.0), "the list fits: {facts}");
    shot(&c, "exercise-03-list").await;
    c.close().await.expect("close");
}
