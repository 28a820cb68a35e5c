//! Golden tests of the portal's rendered HTML, and its security headers, CSRF and rate limits,
//! against the real `postern serve`. Set `UPDATE_GOLDEN=1` to rewrite the golden files after a
//! deliberate change, then review the diff.

mod common;

use common::{Server, client, fixture};

/// The portal's languages: the UPU's documentation languages.
const LANGS: [&str; 7] = ["en", "fr", "ar", "zh", "ru", "es", "pt"];

fn check_golden(name: &str, html: &str) {
    common::golden::check(name, &common::golden::without_csrf(html));
}

fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a csrf field") + "name=\"csrf\" value=\"".len();
    html[at..].split('"').next().expect("value").to_string()
}

/// GETs a form page as a new visitor: the `Cookie` header to send back and the form's token.
fn visit(http: &reqwest::blocking::Client, url: &str) -> (String, String) {
    let resp = http.get(url).send().expect("GET");
    let cookie = resp.headers().get("set-cookie").and_then(|v| v.to_str().ok()).expect("a csrf cookie");
    let cookie = cookie.split(';').next().expect("name=value").to_string();
    let html = resp.text().expect("body");
    (cookie, csrf_of(&html))
}

#[test]
fn public_pages_match_golden_files_in_every_language() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = client();
    for (path, name) in [
        ("/", "home"),
        ("/check/link", "check_link"),
        ("/check/message", "check_message"),
        ("/report", "report"),
        ("/aware", "aware"),
        ("/aware/customs_fee", "aware_customs_fee"),
        ("/aware/quiz", "aware_quiz"),
        ("/aware/quiz/citizen-parcel-sms", "aware_quiz_lesson"),
        ("/login", "login"),
    ] {
        for lang in LANGS {
            let resp = http.get(format!("{}{path}", server.url)).header("accept-language", lang).send().expect("GET");
            assert_eq!(resp.status(), 200, "{path}");
            let h = resp.headers();
            let csp = h.get("content-security-policy").and_then(|v| v.to_str().ok()).unwrap_or("");
            assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"), "{path}: {csp}");
            assert_eq!(h.get("x-content-type-options").and_then(|v| v.to_str().ok()), Some("nosniff"));
            let cookie = h.get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or("");
            assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{path}: {cookie}");
            let html = resp.text().expect("body");
            let dir = if lang == "ar" { "rtl" } else { "ltr" };
            assert!(html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")), "{path} in {lang}");
            assert!(!html.contains("style=") && !html.contains("<script"), "{path}: inline style or script");
            check_golden(&format!("{name}.{lang}.html"), &html);
        }
    }
    let txt = http.get(format!("{}/.well-known/security.txt", server.url)).send().expect("GET").text().expect("body");
    assert!(txt.contains("Contact: http://127.0.0.1:") && txt.contains("Expires: "), "{txt}");
}

/// The home page carries the link check itself: paste and check in one step, as on
/// secure.post, with the home page's own anti-CSRF token.
#[test]
fn a_link_is_checked_straight_from_the_home_page() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = client();
    for (lang, official) in [("en", "official site"), ("fr", "site officiel")] {
        let (cookie, csrf) = visit(&http, &format!("{}/", server.url));
        let resp = http
            .post(format!("{}/check/link", server.url))
            .header("cookie", &cookie)
            .header("accept-language", lang)
            .form(&[("url", "https://laposte-fr.colis-suivi.top/pay"), ("csrf", csrf.as_str())])
            .send()
            .expect("POST");
        assert_eq!(resp.status(), 200);
        let html = resp.text().expect("body");
        assert!(html.contains("class=\"verdict verdict-malicious\""), "{lang}: {html}");
        assert!(html.contains(official), "{lang}: the official site is named: {html}");
    }
}

#[test]
fn verdicts_escape_input_and_forms_need_their_token() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = client();
    let (cookie, csrf) = visit(&http, &format!("{}/check/link", server.url));

    // Without the token: refused.
    let resp = http
        .post(format!("{}/check/link", server.url))
        .header("cookie", &cookie)
        .form(&[("url", "http://x.top"), ("csrf", "forged")])
        .send()
        .expect("POST");
    assert_eq!(resp.status(), 403);

    let hostile = "http://laposte-colis-frais.top/<script>alert(1)</script>";
    let resp = http
        .post(format!("{}/check/link", server.url))
        .header("cookie", &cookie)
        .form(&[("url", hostile), ("csrf", csrf.as_str())])
        .send()
        .expect("POST");
    assert_eq!(resp.status(), 200);
    let html = resp.text().expect("body");
    assert!(!html.contains("<script>alert(1)"), "user input must be escaped");
    assert!(html.contains("&lt;script&gt;"), "the input is shown, escaped");
    assert!(html.contains("verdict-malicious") || html.contains("verdict-suspicious"), "a look-alike is flagged");
    check_golden("check_link_result.en.html", &html);

    let msg = "La Poste : votre colis est retenu, payez 1,99 EUR sur https://laposte-frais.top/p <b>vite</b>";
    let resp = http
        .post(format!("{}/check/message", server.url))
        .header("cookie", &cookie)
        .form(&[("message", msg), ("csrf", csrf.as_str())])
        .send()
        .expect("POST");
    let html = resp.text().expect("body");
    assert!(html.contains("verdict-malicious"), "a customs-fee smish is a scam");
    assert!(html.contains("mark class=\"ent ent-url\"") && html.contains("mark class=\"ent ent-amount\""), "entities highlighted");
    assert!(html.contains("&lt;b&gt;vite&lt;") && !html.contains("<b>vite"), "message text is escaped");
    check_golden("check_message_result.en.html", &html);
}

#[test]
fn citizen_reports_are_size_and_rate_limited() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = client();
    let (cookie, csrf) = visit(&http, &format!("{}/report", server.url));
    let post = |content: &str| {
        http.post(format!("{}/report", server.url))
            .header("cookie", &cookie)
            .form(&[("kind", "message"), ("content", content), ("country", "FR"), ("contact", ""), ("csrf", csrf.as_str())])
            .send()
            .expect("POST")
    };
    let big = "x".repeat(9000);
    assert_eq!(post(&big).status(), 422, "over 8 KiB is refused");
    let mut statuses = Vec::new();
    for i in 0..6 {
        statuses.push(post(&format!("Votre colis {i} est retenu: https://colis-{i}.top")).status().as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429], "five reports per address per ten minutes");
}

/// A link verdict and a message analysis in every language: the reason sentences come from
/// each language's catalogue (the codes do not change), and in Arabic the page is right-to-left
/// with the link, the amounts and the URL inside sentences isolated.
#[test]
fn verdict_pages_in_every_language() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let http = client();
    let (cookie, csrf) = visit(&http, &format!("{}/check/link", server.url));
    let english_reasons = |html: &str| html.contains("puts the name of La Poste");
    for lang in LANGS {
        let post = |path: &str, field: &str, value: &str| {
            let resp = http
                .post(format!("{}{path}", server.url))
                .header("cookie", &cookie)
                .header("accept-language", lang)
                .form(&[(field, value), ("csrf", csrf.as_str())])
                .send()
                .expect("POST");
            assert_eq!(resp.status(), 200, "{lang} {path}");
            resp.text().expect("body")
        };
        let html = post("/check/link", "url", "https://laposte-fr.colis-suivi.top/pay");
        assert!(html.contains("verdict-malicious"), "{lang}: {html}");
        assert_eq!(english_reasons(&html), lang == "en", "{lang}: the reasons are in the page's language");
        check_golden(&format!("link_verdict.{lang}.html"), &html);
        let html = post("/check/message", "message", "La Poste : votre colis est retenu, payez 1,99 EUR sur https://laposte-frais.top/p");
        assert!(html.contains("verdict-malicious"), "{lang}: {html}");
        check_golden(&format!("message_verdict.{lang}.html"), &html);
        if lang == "ar" {
            assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
            // Arguments inside Arabic sentences are isolated (FSI ... PDI) so URLs keep their order.
            assert!(html.contains('\u{2068}') && html.contains('\u{2069}'), "bidi isolation in Arabic sentences");
        }
    }
}
