//! Debian's Chromium, headless, driven through chromedriver (W3C WebDriver, the fantoccini
//! crate) against the real `postern serve` on loopback: the driver process, fresh browser
//! sessions with a chosen window, phone emulation and user agent, and axe-core's accessibility
//! audit injected into a page.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use fantoccini::{Client, ClientBuilder, Locator};

/// chromedriver on a free loopback port; killed when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start_driver() -> Driver {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("addr").port();
    let mut child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .arg("--allowed-ips=127.0.0.1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver (apt package chromium-driver, see scripts/test-deps/portal.apt)");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    // chromedriver prints this line once it accepts connections.
    loop {
        let line = lines.next().expect("chromedriver exited before starting").expect("read");
        if line.contains("started successfully") {
            break;
        }
    }
    std::thread::spawn(move || for _ in lines {});
    Driver { child, url: format!("http://127.0.0.1:{port}") }
}

/// How a browser session looks to the pages it opens.
#[derive(Debug, Clone, Default)]
pub struct Look {
    /// The window, in CSS pixels (default 412 x 915).
    pub window: Option<(u32, u32)>,
    /// A phone of this many CSS pixels wide, with touch (Chromium's device emulation: a
    /// headless window cannot be narrower than 500 px).
    pub phone_width: Option<u32>,
    /// The `User-Agent` header and `navigator.userAgent`; Chromium's own when `None`.
    pub user_agent: Option<String>,
}

/// A fresh browser session with its own profile directory (no cookies, no cache).
pub async fn session(driver: &Driver, profile: &Path, look: &Look) -> Client {
    let (w, h) = look.window.unwrap_or((412, 915));
    let mut args = vec![
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        format!("--window-size={w},{h}"),
        format!("--user-data-dir={}", profile.display()),
    ];
    if let Some(ua) = &look.user_agent {
        args.push(format!("--user-agent={ua}"));
    }
    let mut caps = serde_json::json!({
        "browserName": "chrome",
        "goog:chromeOptions": {"binary": "/usr/bin/chromium", "args": args},
    });
    if let Some(width) = look.phone_width {
        let mut emulation = serde_json::json!({"deviceMetrics": {"width": width, "height": 915, "pixelRatio": 2.0, "touch": true}});
        if let Some(ua) = &look.user_agent {
            emulation["userAgent"] = serde_json::json!(ua);
        }
        caps["goog:chromeOptions"]["mobileEmulation"] = emulation;
    }
    let serde_json::Value::Object(caps) = caps else { unreachable!("an object literal") };
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url)
        .await
        .expect("a Chromium session")
}

/// The user agent this Chromium sends when it runs with a window, as a person's does: its own
/// string with `HeadlessChrome/` read as `Chrome/` (the only difference headless mode makes).
pub async fn windowed_user_agent(driver: &Driver) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let c = session(driver, profile.path(), &Look::default()).await;
    let ua = c.execute("return navigator.userAgent", vec![]).await.expect("navigator.userAgent");
    c.close().await.expect("close");
    let ua = ua.as_str().expect("a string").to_string();
    assert!(ua.contains("HeadlessChrome/"), "a headless Chromium says so: {ua}");
    ua.replace("HeadlessChrome/", "Chrome/")
}

pub async fn fill(c: &Client, css: &str, text: &str) {
    c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).send_keys(text).await.expect("type");
}

pub async fn click(c: &Client, css: &str) {
    c.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("{css}: {e}")).click().await.expect("click");
}

/// Waits (WebDriver polling, bounded by fantoccini's default timeout) until `css` matches: a
/// click returns before the navigation it starts has finished.
pub async fn wait_for(c: &Client, css: &str) -> fantoccini::elements::Element {
    c.wait().for_element(Locator::Css(css)).await.unwrap_or_else(|e| panic!("waiting for {css}: {e}"))
}

/// Signs `user` in through the portal's login form.
pub async fn login(c: &Client, base: &str, user: &str, password: &str) {
    c.goto(&format!("{base}/login")).await.expect("goto login");
    fill(c, "#username", user).await;
    fill(c, "#password", password).await;
    click(c, "form[action='/login'] button[type=submit]").await;
    wait_for(c, ".memberbar").await;
    let url = c.current_url().await.expect("url");
    assert_eq!(url.path(), "/members", "{user} is signed in");
}

/// `axe.min.js` of the pinned axe-core (scripts/test-deps/portal.npm), which `scripts/test`
/// installs under `.npm-test/` (or where `POSTERN_TEST_NPM` points).
pub fn axe_source() -> String {
    let modules = std::env::var_os("POSTERN_TEST_NPM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../.npm-test/node_modules"));
    let path = modules.join("axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "axe-core is missing ({}: {e}): run ./scripts/test once, which installs the npm packages of \
             scripts/test-deps/*.npm into .npm-test/",
            path.display()
        )
    })
}

/// The WCAG 2.0/2.1/2.2 A and AA rules axe runs.
pub const WCAG_TAGS: [&str; 6] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/// What axe-core found on a page.
pub struct Audit {
    /// One line per violation and node: rule id, impact, target, help.
    pub violations: Vec<String>,
    /// How many rules applied and passed (so that an audit that checked nothing is seen).
    pub passed_rules: usize,
}

/// Runs axe-core on the current page with the WCAG A/AA rules.
pub async fn axe_audit(c: &Client, axe: &str) -> Audit {
    let script = format!(
        "{axe}\n;return window.axe.run(document, {{runOnly: {{type: 'tag', values: {tags}}}, resultTypes: ['violations']}})\
         .then(r => ({{passed: r.passes.length, violations: r.violations.flatMap(v => v.nodes.map(n => \
         `${{v.id}} (${{v.impact}}) at ${{n.target.join(' ')}}: ${{v.help}} [${{v.helpUrl}}] ${{(n.failureSummary || '').replace(/\\s+/g, ' ')}}`))}}));",
        tags = serde_json::json!(WCAG_TAGS)
    );
    let found = c.execute(&script, vec![]).await.unwrap_or_else(|e| panic!("axe.run: {e}"));
    let violations = found["violations"].as_array().expect("a list").iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect();
    Audit { violations, passed_rules: found["passed"].as_u64().unwrap_or(0) as usize }
}

/// Targets that fail WCAG 2.2 SC 2.5.8 (target size, minimum) as the browser lays the page out:
/// a visible link, button or field smaller than 24 x 24 CSS pixels whose 24 px circle (centred
/// on it) touches another target or another small target's circle. Links inside a sentence are
/// the criterion's inline exception.
pub async fn small_targets(c: &Client) -> Vec<String> {
    const SCRIPT: &str = "const sentence = (e) => e.tagName === 'A' && getComputedStyle(e).display === 'inline' && \
            e.parentElement.textContent.trim().length > e.textContent.trim().length; \
        const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')] \
            .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden') \
            .map(e => ({ e, r: e.getBoundingClientRect() })); \
        const small = (t) => t.r.width < 24 || t.r.height < 24; \
        const centre = (t) => [t.r.left + t.r.width / 2, t.r.top + t.r.height / 2]; \
        const toRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom)); \
        return all.filter(t => small(t) && !sentence(t.e)).flatMap(t => { \
            const c = centre(t); \
            const near = all.filter(o => o !== t && !t.e.contains(o.e) && !o.e.contains(t.e) && \
                (small(o) ? Math.hypot(c[0] - centre(o)[0], c[1] - centre(o)[1]) < 24 : toRect(c, o.r) < 12)); \
            return near.length === 0 ? [] : [`${t.e.outerHTML.slice(0, 100)} is ${Math.round(t.r.width)}x${Math.round(t.r.height)} px, \
                ${near.length} target(s) within its 24 px circle, e.g. ${near[0].e.outerHTML.slice(0, 60)}`]; \
        });";
    let found = c.execute(SCRIPT, vec![]).await.unwrap_or_else(|e| panic!("target sizes: {e}"));
    found.as_array().expect("a list").iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect()
}

fn shots_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/portal-screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot dir");
    dir
}

/// A screenshot in `target/portal-screenshots/NAME.png`.
pub async fn shot(c: &Client, name: &str) {
    let png = c.screenshot().await.expect("screenshot");
    std::fs::write(shots_dir().join(format!("{name}.png")), png).expect("write screenshot");
}
