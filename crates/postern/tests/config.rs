//! The configuration file of `postern serve`: `serve` reads it (flags and environment override
//! it), `postern config check` validates it and prints the effective settings with secrets
//! masked, an unknown key or a bad value is named with its line, and the example in the repo is
//! the one generated from the flags. `postern doctor` checks a deployment from the same file.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{TAXII, client};
use serde_json::Value;

/// `postern ARGS` with no POSTERN_* variables of the caller's environment, plus `env`.
fn postern(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(common::exe());
    for (key, _) in std::env::vars() {
        if key.starts_with("POSTERN_") {
            cmd.env_remove(key);
        }
    }
    cmd.args(args).envs(env.iter().copied()).output().expect("run postern")
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write config");
    path.display().to_string()
}

/// The effective settings `config check --json` prints, by key: (value, source).
fn settings(out: &Output) -> std::collections::BTreeMap<String, (Value, String)> {
    assert!(out.status.success(), "config check failed: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    v["settings"]
        .as_array()
        .expect("settings")
        .iter()
        .map(|s| (s["key"].as_str().expect("key").to_string(), (s["value"].clone(), s["source"].as_str().expect("source").to_string())))
        .collect()
}

#[test]
fn config_check_prints_effective_settings_in_precedence_order_with_secrets_masked() {
    let dir = tempfile::tempdir().expect("tmp");
    let file = write(
        dir.path(),
        "postern.toml",
        "data = \"/var/lib/postern\"\n\
         database = \"postgres://hub:pg-s3cret@db.example:5432/postern\"\n\
         listen = \"0.0.0.0:8443\"\n\
         live_checks = \"members\"\n\
         metrics_token = \"m3trics-s3cret\"\n\
         trusted_proxy = [\"10.0.0.0/8\", \"fd00::/8\"]\n\
         public_url = \"https://from-file.example.post\"\n\
         posture_no_https = true\n",
    );
    let out = postern(&["--json", "config", "check", "--config", &file], &[("POSTERN_PUBLIC_URL", "https://from-env.example.post")]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let s = settings(&out);
    assert_eq!(s["listen"], (Value::from("0.0.0.0:8443"), "config line 3".to_string()));
    assert_eq!(s["data"].0, "/var/lib/postern");
    assert_eq!(s["live_checks"].0, "members");
    assert_eq!(s["trusted_proxy"].0, serde_json::json!(["10.0.0.0/8", "fd00::/8"]));
    assert_eq!(s["posture_no_https"].0, "true");
    assert_eq!(s["public_url"], (Value::from("https://from-env.example.post"), "environment POSTERN_PUBLIC_URL".to_string()));
    assert_eq!(s["max_content_length"], (Value::from("33554432"), "default".to_string()));
    assert_eq!(s["metrics_token"].0, "********");
    assert_eq!(s["database"].0, "postgres://hub:********@db.example:5432/postern");
    assert!(!text.contains("s3cret"), "a secret leaked: {text}");

    // The text form is a TOML file itself, and says where each value came from.
    let out = postern(&["config", "check", "--config", &file], &[]);
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(text.contains("listen = \"0.0.0.0:8443\"  # config line 3"), "{text}");
    assert!(!text.contains("s3cret"), "a secret leaked: {text}");
}

#[test]
fn unknown_keys_and_bad_values_are_errors_naming_their_line() {
    let dir = tempfile::tempdir().expect("tmp");
    let cases = [
        ("unknown.toml", "listen = \"127.0.0.1:8080\"\n\n# a comment\nlive_check = \"all\"\n", ":4: unknown key `live_check`"),
        ("value.toml", "listen = \"127.0.0.1:8080\"\nlive_checks = \"sometimes\"\n", ":2: `live_checks`: invalid value 'sometimes'"),
        ("shape.toml", "trusted_proxy = \"10.0.0.0/8\"\nlisten = [\"127.0.0.1:1\"]\n", ":2: `listen` takes one value"),
        ("rule.toml", "anonymous_link_tlp = \"amber\"\n", "--anonymous-link-tlp may be clear or green"),
        ("syntax.toml", "listen = \n", "is not valid TOML"),
    ];
    for (name, text, want) in cases {
        let file = write(dir.path(), name, text);
        let out = postern(&["config", "check", "--config", &file], &[]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name} was accepted");
        assert!(err.contains(want), "{name}: {err}");
    }
    // `serve` refuses the same file before it opens anything.
    let file = dir.path().join("unknown.toml").display().to_string();
    let data = dir.path().join("data");
    let out = postern(&["--data", &data.display().to_string(), "serve", "--config", &file], &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains(":4: unknown key `live_check`"));
    assert!(!data.exists(), "serve opened a database despite a bad configuration");
}

#[test]
fn serve_runs_from_the_file_and_flags_override_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("hub-data");
    // The file's listen port is taken by nothing useful: the flag must win for the hub to start.
    let file = write(
        dir.path(),
        "postern.toml",
        &format!("data = {:?}\nlisten = \"127.0.0.1:1\"\nmax_content_length = 123456\n", data.display().to_string()),
    );
    let mut child = Command::new(common::exe())
        .args(["--json", "serve", "--config", &file, "--listen", "127.0.0.1:0"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let (mut token, mut url) = (None, None);
    while url.is_none() {
        let line = lines.next().expect("serve exited before listening").expect("line");
        let v: Value = serde_json::from_str(&line).expect("event");
        match v["event"].as_str() {
            Some("admin_token") => token = v["token"].as_str().map(String::from),
            Some("listening") => url = v["url"].as_str().map(String::from),
            _ => {}
        }
    }
    let (token, url) = (token.expect("first start prints the admin token"), url.expect("url"));
    let root: Value =
        client().get(format!("{url}/isac/")).bearer_auth(&token).header("Accept", TAXII).send().expect("api root").json().expect("json");
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(root["max_content_length"], 123456, "the file's setting reached the hub");
    assert!(data.join("postern.sqlite3").is_file(), "the database lives in the file's data directory");
}

#[test]
fn the_example_in_the_repo_is_generated_from_the_flags_and_checks() {
    let out = postern(&["config", "example"], &[]);
    assert!(out.status.success());
    let generated = String::from_utf8(out.stdout).expect("utf-8");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packaging/postern.example.toml");
    let committed = std::fs::read_to_string(path).expect("packaging/postern.example.toml");
    assert!(
        generated == committed,
        "packaging/postern.example.toml is stale: regenerate it with `postern config example > packaging/postern.example.toml`"
    );

    // Every key of the example, uncommented with its default, is a valid file; and the keys are
    // exactly the settings `config check` knows.
    let keys: Vec<(String, String)> = generated
        .lines()
        .filter_map(|l| l.strip_prefix('#'))
        .filter_map(|l| l.split_once(" = "))
        .filter(|(k, _)| !k.contains(' ') && !k.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let file: String = keys.iter().filter(|(_, v)| !v.contains('<')).map(|(k, v)| format!("{k} = {v}\n")).collect();
    let dir = tempfile::tempdir().expect("tmp");
    let path = write(dir.path(), "all.toml", &file);
    let known = settings(&postern(&["--json", "config", "check", "--config", &path], &[]));
    let example_keys: std::collections::BTreeSet<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
    let known_keys: std::collections::BTreeSet<&str> = known.keys().map(String::as_str).collect();
    assert_eq!(example_keys, known_keys);
    assert!(known_keys.len() > 30, "the settings come from serve's flags: {known_keys:?}");
}

#[test]
fn the_packaged_config_checks() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packaging/postern.toml");
    let s = settings(&postern(&["--json", "config", "check", "--config", path], &[]));
    assert_eq!(s["data"].0, "/var/lib/postern");
    assert_eq!(s["backup_dir"].0, "/var/lib/postern/backups");
}

/// A self-signed certificate valid for `days` days, in `dir`.
fn certificate(dir: &Path, days: u32) -> (String, String) {
    let (cert, key) = (dir.join(format!("cert-{days}.pem")), dir.join(format!("key-{days}.pem")));
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", &days.to_string()])
        .args(["-subj", "/CN=hub.example.post", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl (Debian package openssl)");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    (cert.display().to_string(), key.display().to_string())
}

/// `postern --json doctor --config FILE`: its overall status and finding codes.
fn doctor(file: &str) -> (bool, String, Vec<(String, String)>) {
    let out = postern(&["--json", "doctor", "--config", file], &[]);
    let first = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string();
    let v: Value = serde_json::from_str(&first).unwrap_or_else(|e| panic!("{e}: {first}"));
    let codes = v["findings"]
        .as_array()
        .map(|f| f.iter().map(|x| (x["code"].as_str().unwrap_or("").to_string(), x["status"].as_str().unwrap_or("").to_string())).collect())
        .unwrap_or_default();
    (out.status.success(), v["status"].as_str().unwrap_or_default().to_string(), codes)
}

#[test]
fn doctor_checks_config_database_clock_disk_and_certificate() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let data_line = format!("data = {:?}\n", data.display().to_string());

    let healthy = write(dir.path(), "healthy.toml", &data_line);
    let (ok, status, codes) = doctor(&healthy);
    // Only the disk (free space on the test machine) may warn here.
    let warned: Vec<&(String, String)> = codes.iter().filter(|(_, s)| s != "ok").collect();
    assert!(ok && status != "fail" && warned.iter().all(|(c, _)| c == "disk-space-low"), "{codes:?}");
    for code in ["config-valid", "database-migrated", "clock-sane"] {
        assert!(codes.contains(&(code.to_string(), "ok".to_string())), "{code} missing: {codes:?}");
    }

    let (cert, key) = certificate(dir.path(), 5);
    let expiring = write(dir.path(), "expiring.toml", &format!("{data_line}tls_cert = {cert:?}\ntls_key = {key:?}\n"));
    let (ok, status, codes) = doctor(&expiring);
    assert!(ok && status == "warn" && codes.contains(&("tls-cert-expiring".into(), "warn".into())), "{codes:?}");

    let (cert, key) = certificate(dir.path(), 400);
    let valid = write(dir.path(), "valid.toml", &format!("{data_line}tls_cert = {cert:?}\ntls_key = {key:?}\n"));
    assert!(doctor(&valid).2.contains(&("tls-cert-valid".into(), "ok".into())));

    let missing = write(dir.path(), "missing.toml", &format!("{data_line}tls_cert = \"/nonexistent.pem\"\ntls_key = {key:?}\n"));
    let (ok, status, codes) = doctor(&missing);
    assert!(!ok && status == "fail" && codes.contains(&("tls-cert-unreadable".into(), "fail".into())), "{codes:?}");

    let bad = write(dir.path(), "bad.toml", "listen = \"nowhere\"\n");
    let (ok, _, codes) = doctor(&bad);
    assert!(!ok && codes == [("config-invalid".to_string(), "fail".to_string())], "{codes:?}");
}

#[test]
fn doctor_checks_that_the_public_url_answers() {
    let dir = tempfile::tempdir().expect("tmp");
    let served = dir.path().join("served");
    let server = common::Server::start(&served);
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let data_line = format!("data = {:?}\n", data.display().to_string());

    let answering = write(dir.path(), "answering.toml", &format!("{data_line}public_url = {:?}\n", server.url));
    let (_, _, codes) = doctor(&answering);
    assert!(codes.contains(&("public-url-answers".into(), "ok".into())), "{codes:?}");

    // A port nobody listens on (the server's, once it is gone).
    let url = server.url.clone();
    drop(server);
    let silent = write(dir.path(), "silent.toml", &format!("{data_line}public_url = {url:?}\n"));
    let (ok, status, codes) = doctor(&silent);
    assert!(!ok && status == "fail" && codes.contains(&("public-url-unreachable".into(), "fail".into())), "{codes:?}");

    // Never a link-local address, even for the operator's own URL.
    let metadata = write(dir.path(), "metadata.toml", &format!("{data_line}public_url = \"http://169.254.169.254\"\n"));
    let (ok, _, codes) = doctor(&metadata);
    assert!(!ok && codes.contains(&("public-url-unreachable".into(), "fail".into())), "{codes:?}");
}
