//! A portal visitor for end-to-end tests: its own cookie jar, redirects not followed (so that
//! their cookies and `Location` are seen), forms posted with the page's anti-CSRF token, and
//! optionally an `X-Forwarded-For` address (behind a trusted proxy). Plus the one way tests
//! create portal users: `postern user add` with the password on stdin.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use reqwest::blocking::{RequestBuilder, Response};

/// The password every test user gets.
pub const PASSWORD: &str = "correct horse battery staple";

/// A browser of the portal.
pub struct Visitor {
    http: reqwest::blocking::Client,
    base: String,
    /// Sent as `X-Forwarded-For` when set.
    address: Option<String>,
    pub cookies: HashMap<String, String>,
}

impl Visitor {
    pub fn new(base: &str) -> Visitor {
        let http = reqwest::blocking::Client::builder().redirect(reqwest::redirect::Policy::none()).build().expect("client");
        Visitor { http, base: base.to_string(), address: None, cookies: HashMap::new() }
    }

    /// A visitor that a trusted proxy says comes from `address`.
    pub fn from_address(base: &str, address: &str) -> Visitor {
        Visitor { address: Some(address.to_string()), ..Visitor::new(base) }
    }

    /// The `Cookie` header this visitor sends.
    pub fn cookie_header(&self) -> String {
        self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; ")
    }

    /// Sends with this visitor's cookies (and address) and keeps the cookies it is given; an
    /// empty value removes the cookie, as a browser does with an expired one.
    fn send(&mut self, req: RequestBuilder) -> Response {
        let mut req = req.header("cookie", self.cookie_header());
        if let Some(a) = &self.address {
            req = req.header("x-forwarded-for", a);
        }
        let resp = req.send().expect("request");
        for v in resp.headers().get_all("set-cookie") {
            let Some((name, rest)) = v.to_str().ok().and_then(|s| s.split_once('=')) else { continue };
            let value = rest.split(';').next().unwrap_or("");
            if value.is_empty() {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        resp
    }

    fn answer(resp: Response) -> (u16, String, String) {
        let status = resp.status().as_u16();
        let location = resp.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or("").to_string();
        (status, location, resp.text().expect("body"))
    }

    /// Status and body.
    pub fn get(&mut self, path: &str) -> (u16, String) {
        let (status, _, body) = self.get_full(path);
        (status, body)
    }

    /// Status, `Content-Type` and the raw body (downloads such as PDF files).
    pub fn get_bytes(&mut self, path: &str) -> (u16, String, Vec<u8>) {
        let resp = self.send(self.http.get(format!("{}{path}", self.base)));
        let status = resp.status().as_u16();
        let content_type = resp.headers().get("content-type").and_then(|l| l.to_str().ok()).unwrap_or("").to_string();
        (status, content_type, resp.bytes().expect("body").to_vec())
    }

    /// Status, `Location` and body.
    pub fn get_full(&mut self, path: &str) -> (u16, String, String) {
        let resp = self.send(self.http.get(format!("{}{path}", self.base)));
        Self::answer(resp)
    }

    /// The body of a page that must answer 200.
    pub fn page(&mut self, path: &str) -> String {
        let (status, _, body) = self.get_full(path);
        assert_eq!(status, 200, "GET {path}");
        body
    }

    /// POSTs a form with the anti-CSRF token of the page `form_page`; status, `Location`, body.
    pub fn post(&mut self, form_page: &str, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let (_, html) = self.get(form_page);
        let csrf = csrf_of(&html);
        self.post_with(path, &csrf, fields)
    }

    /// POSTs a form with the token of `/members` when signed in, of `/login` otherwise.
    pub fn submit(&mut self, path: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let token_page = if self.cookies.contains_key("postern_session") { "/members" } else { "/login" };
        self.post(token_page, path, fields)
    }

    /// POSTs a form with a given anti-CSRF token (a forged one, in tests that expect refusal).
    pub fn post_with(&mut self, path: &str, csrf: &str, fields: &[(&str, &str)]) -> (u16, String, String) {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", csrf));
        let resp = self.send(self.http.post(format!("{}{path}", self.base)).form(&form));
        Self::answer(resp)
    }

    /// POSTs a `multipart/form-data` form, as a browser sends a file input: the anti-CSRF
    /// token of `form_page` (or `csrf` when given) and one file part named `file`.
    pub fn post_file(&mut self, form_page: &str, path: &str, csrf: Option<&str>, file_name: &str, bytes: &[u8]) -> (u16, String, String) {
        self.post_file_typed(form_page, path, csrf, (file_name, "application/octet-stream"), bytes)
    }

    /// As [`Visitor::post_file`], the file part declaring `media_type` as a browser would.
    pub fn post_file_typed(
        &mut self,
        form_page: &str,
        path: &str,
        csrf: Option<&str>,
        (file_name, media_type): (&str, &str),
        bytes: &[u8],
    ) -> (u16, String, String) {
        let token = match csrf {
            Some(t) => t.to_string(),
            None => csrf_of(&self.get(form_page).1),
        };
        let boundary = "----postern-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n").as_bytes());
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {media_type}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", format!("multipart/form-data; boundary={boundary}"))
            .body(body);
        let resp = self.send(req);
        Self::answer(resp)
    }

    /// The status of a login attempt.
    pub fn try_login(&mut self, user: &str, password: &str) -> u16 {
        self.post("/login", "/login", &[("username", user), ("password", password)]).0
    }

    /// Signs in with [`PASSWORD`], which must succeed.
    pub fn login(&mut self, user: &str) {
        let (status, location, _) = self.post("/login", "/login", &[("username", user), ("password", PASSWORD)]);
        assert_eq!((status, location.as_str()), (303, "/members"), "{user} signs in");
        let session = self.cookies.get("postern_session").expect("a session cookie");
        assert_eq!(session.len(), 43, "a session cookie is 32 random bytes, base64url");
    }
}

/// The anti-CSRF token of a page's form.
pub fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").map(|a| a + "name=\"csrf\" value=\"".len()).expect("a csrf field");
    html[at..].split('"').next().expect("value").to_string()
}

/// `postern user add NAME --org ORG --role ROLE` with `password` on stdin.
pub fn user_add(dir: &Path, name: &str, org: &str, role: &str, password: &str) -> Output {
    let mut child = Command::new(super::exe())
        .arg("--data")
        .arg(dir)
        .args(["--json", "user", "add", name, "--org", org, "--role", role])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run postern user add");
    child.stdin.take().expect("stdin").write_all(format!("{password}\n").as_bytes()).expect("password");
    child.wait_with_output().expect("wait")
}

/// [`user_add`] with [`PASSWORD`], which must succeed.
pub fn add_user(dir: &Path, name: &str, org: &str, role: &str) {
    let out = user_add(dir, name, org, role, PASSWORD);
    assert!(out.status.success(), "user add {name}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}
