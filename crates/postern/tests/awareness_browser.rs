//! Simulation clicks by real browsers: a dry-run campaign of 24 targets whose links are opened
//! in Debian's Chromium, one fresh session (own profile, no cookies) per target, with the
//! windows and user agents people have, as a person does: the page is read for a moment, then
//! touched (a click in the form, a key, the form sent). `postern awareness campaign results`
//! must count at least 95% of them `confirmed_human`, on the evidence of the landing page's
//! script and honeypot, with nothing special-cased for the test.
//!
//! The same Chromium announcing itself as headless (`HeadlessChrome/` in its user agent, as
//! headless crawlers and scanner sandboxes do) is a machine however it behaves. The replayed
//! machine traffic of `crates/awareness/tests/replay.rs` (Safe Links' double GET, previews,
//! ticket desks, crawlers) counts no person.

mod common;

use std::path::Path;

use common::browser::{Driver, Look, click, fill, session, start_driver, wait_for, windowed_user_agent};
use common::{Server, cli};
use fantoccini::{Client, Locator};
use serde_json::Value;

/// How a person deals with the landing page once it is read.
#[derive(Debug, Clone, Copy)]
enum Gesture {
    /// Clicks into the first field, types, and sends the form.
    FillAndSend,
    /// Presses the button without typing.
    PressButton,
    /// Taps into a field, thinks better of it and leaves for another page.
    TouchAndLeave,
    /// Presses a key (Tab into the form) and leaves.
    KeyAndLeave,
}

const GESTURES: [Gesture; 4] = [Gesture::FillAndSend, Gesture::PressButton, Gesture::TouchAndLeave, Gesture::KeyAndLeave];

/// The screens people read their mail on: desktop windows and phones (emulated, with touch).
fn looks(windowed_ua: &str) -> Vec<Look> {
    // Chromium's reduced user agent strings: the same version, the platforms people use. A
    // person's Chromium is never headless, so none says `HeadlessChrome`.
    let version = windowed_ua.split("Chrome/").nth(1).and_then(|v| v.split(' ').next()).unwrap_or("120.0.0.0");
    let desktop =
        |platform: &str| format!("Mozilla/5.0 ({platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{version} Safari/537.36");
    let phone = format!("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{version} Mobile Safari/537.36");
    vec![
        Look { window: Some((1280, 800)), phone_width: None, user_agent: Some(windowed_ua.to_string()) },
        Look { window: Some((1366, 768)), phone_width: None, user_agent: Some(desktop("Windows NT 10.0; Win64; x64")) },
        Look { window: None, phone_width: Some(412), user_agent: Some(phone.clone()) },
        Look { window: Some((1440, 900)), phone_width: None, user_agent: Some(desktop("Macintosh; Intel Mac OS X 10_15_7")) },
        Look { window: None, phone_width: Some(360), user_agent: Some(phone) },
        Look { window: Some((1024, 768)), phone_width: None, user_agent: Some(desktop("X11; Linux x86_64")) },
    ]
}

/// Creates a dry-run campaign of `n` targets on the server's URL; its id and links.
fn campaign(data: &Path, dir: &Path, base: &str, name: &str, n: usize) -> (i64, Vec<String>) {
    let mut csv = String::from("name,email,group\n");
    for i in 0..n {
        csv += &format!("Person {i},{name}{i}@poste.example,counter\n");
    }
    let path = dir.join(format!("{name}.csv"));
    std::fs::write(&path, csv).expect("write targets");
    let out = cli(
        data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            name,
            "--targets",
            path.to_str().expect("utf-8 path"),
            "--channel",
            "email",
            "--template",
            "redelivery-email",
            "--dry-run",
            "--public-url",
            base,
        ],
    );
    let links: Vec<String> = out["links"].as_array().expect("links").iter().map(|l| l["url"].as_str().expect("url").to_string()).collect();
    assert_eq!(links.len(), n, "{out}");
    assert!(links.iter().all(|l| l.starts_with(base)), "links on the server: {out}");
    (out["id"].as_i64().expect("id"), links)
}

/// One person: a fresh browser opens the link, the page is read, then `gesture`.
async fn person(driver: &Driver, link: &str, look: &Look, gesture: Gesture) {
    let profile = tempfile::tempdir().expect("profile dir");
    let c = session(driver, profile.path(), look).await;
    c.goto(link).await.expect("open the link");
    wait_for(&c, "form#f").await;
    // Reading the page: people take more than a second; the classifier asks for it.
    tokio::time::sleep(std::time::Duration::from_millis(1_300)).await;
    match gesture {
        Gesture::FillAndSend => {
            click(&c, "#f input[type=text]").await;
            fill(&c, "#f input[type=text]", "j.martin").await;
            fill(&c, "#f input[type=password]", "not my real password").await;
            click(&c, "#f button[type=submit]").await;
            wait_for(&c, "ul").await;
            assert!(c.source().await.expect("page").contains("simulation"), "the teaching page follows the form");
        }
        Gesture::PressButton => {
            click(&c, "#f button[type=submit]").await;
            wait_for(&c, "ul").await;
        }
        Gesture::TouchAndLeave => {
            click(&c, "#f input[type=password]").await;
            leave(&c).await;
        }
        Gesture::KeyAndLeave => {
            c.find(Locator::Css("body")).await.expect("body").send_keys("\u{e004}").await.expect("Tab");
            leave(&c).await;
        }
    }
    c.close().await.expect("close the browser");
}

/// Leaves the page for another (its `pagehide` runs, as when a tab is closed).
async fn leave(c: &Client) {
    c.goto("about:blank").await.expect("leave");
}

fn results(data: &Path, id: i64) -> Value {
    cli(data, &["awareness", "campaign", "results", &id.to_string()])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn real_browser_clicks_are_confirmed_and_headless_chromium_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let server = Server::start(&data);
    let driver = start_driver();
    let windowed_ua = windowed_user_agent(&driver).await;
    let looks = looks(&windowed_ua);

    const PEOPLE: usize = 24;
    let (id, links) = campaign(&data, dir.path(), &server.url, "people", PEOPLE);
    for (i, link) in links.iter().enumerate() {
        person(&driver, link, &looks[i % looks.len()], GESTURES[i % GESTURES.len()]).await;
    }
    let r = results(&data, id);
    println!("{PEOPLE} real-browser clicks: {}", r["clicks"]);
    let confirmed = r["clicks"]["confirmed_human"].as_u64().expect("confirmed count");
    // At least 95% of the people, counted as people on positive evidence.
    assert!(confirmed * 100 >= 95 * PEOPLE as u64, "{confirmed} of {PEOPLE} real-browser clicks confirmed: {r}");
    let clicked: u64 = ["machine", "probable_human", "confirmed_human"].iter().map(|k| r["clicks"][k].as_u64().unwrap_or(0)).sum();
    assert_eq!(clicked, PEOPLE as u64, "every person is counted once: {r}");
    let submitted = (0..PEOPLE).filter(|i| matches!(GESTURES[i % GESTURES.len()], Gesture::FillAndSend | Gesture::PressButton)).count();
    assert_eq!(r["submissions"].as_u64(), Some(submitted as u64), "{r}");

    // The same browser saying it is headless, doing the same things: a crawler, not a person.
    let (id, links) = campaign(&data, dir.path(), &server.url, "crawler", GESTURES.len());
    for (link, gesture) in links.iter().zip(GESTURES) {
        person(&driver, link, &Look::default(), gesture).await;
    }
    let r = results(&data, id);
    assert_eq!(r["clicks"], serde_json::json!({"machine": 4, "probable_human": 0, "confirmed_human": 0}), "{r}");
}
