//! Upgrades keep the data: every database an earlier release wrote (`tests/fixtures/upgrade/
//! <version>/`, made by `fixtures/upgrade/make.sh` with that release's binary: a SQLite file and
//! a PostgreSQL dump) opens with this binary on both engines, migrates forward, and serves what
//! it held: organisations, tokens, a collection and its objects, portal users, peerings and the
//! audit log; and it takes new writes. `postern --version` names the schema it migrates to.

mod common;

use std::path::{Path, PathBuf};

use common::{Server, TAXII, client, indicator};
use serde_json::{Value, json};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade");
    let mut dirs: Vec<PathBuf> =
        std::fs::read_dir(&root).expect("fixtures/upgrade").filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    dirs
}

fn names(list: &Value, key: &str, field: &str) -> Vec<String> {
    let mut out: Vec<String> = list[key].as_array().expect(key).iter().filter_map(|v| v[field].as_str()).map(String::from).collect();
    out.sort();
    out
}

/// Where a hub lives: `--data DIR` or `--database URL`.
#[derive(Clone, Copy)]
enum Target<'a> {
    Dir(&'a Path),
    Url(&'a str),
}

impl Target<'_> {
    fn cli(self, args: &[&str]) -> Value {
        let (flag, value) = match self {
            Target::Dir(d) => ("--data", d.display().to_string()),
            Target::Url(u) => ("--database", u.to_string()),
        };
        let out = std::process::Command::new(common::exe()).arg(flag).arg(value).arg("--json").args(args).output().expect("run postern");
        assert!(out.status.success(), "postern {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }

    fn serve(self, scratch: &Path) -> Server {
        match self {
            Target::Dir(d) => Server::start(d),
            Target::Url(u) => Server::start_with(scratch, &["--database", u]),
        }
    }
}

/// The hub in `target`, written by an earlier release, serves what `expected` lists.
fn check_upgraded(target: Target<'_>, expected: &Value, what: &str) {
    let scratch = tempfile::tempdir().expect("tmp");
    let server = target.serve(scratch.path());
    let base = format!("{}/isac/collections/{}", server.url, expected["collection"].as_str().expect("collection"));
    for org in ["La Poste", "Correos"] {
        let token = expected["tokens"][org].as_str().expect("token");
        let page: Value =
            client().get(format!("{base}/objects/")).bearer_auth(token).header("Accept", TAXII).send().expect("get").json().expect("json");
        assert_eq!(
            page["objects"].as_array().map(Vec::len),
            expected["objects"].as_u64().map(|n| n as usize),
            "{what}: {org} reads {page}"
        );
    }
    let r = client()
        .post(format!("{base}/objects/"))
        .bearer_auth(expected["tokens"]["La Poste"].as_str().expect("token"))
        .header("Content-Type", TAXII)
        .body(json!({"objects": [indicator(1, tlp::TLP2_GREEN)]}).to_string())
        .send()
        .expect("post");
    assert_eq!(r.status().as_u16(), 202, "{what}: the migrated database takes writes");
    drop(server);

    let orgs = names(&target.cli(&["org", "list"]), "orgs", "name");
    for org in expected["orgs"].as_array().expect("orgs") {
        assert!(orgs.iter().any(|o| Some(o.as_str()) == org.as_str()), "{what}: {org} lost: {orgs:?}");
    }
    assert_eq!(names(&target.cli(&["user", "list"]), "users", "username"), [expected["portal_user"].as_str().expect("user")], "{what}");
    assert_eq!(names(&target.cli(&["peer", "list"]), "peers", "name"), [expected["peer"].as_str().expect("peer")], "{what}");
    let audit = target.cli(&["audit"]);
    let seqs: Vec<i64> = audit["entries"].as_array().expect("entries").iter().filter_map(|e| e["seq"].as_i64()).collect();
    assert!(seqs.len() > 5 && seqs.iter().enumerate().all(|(i, s)| *s == i as i64 + 1), "{what}: audit log {seqs:?}");
}

fn expected(fixture: &Path, name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture.join(name)).expect("expected json")).expect("json")
}

#[test]
fn sqlite_databases_of_earlier_releases_open_and_keep_their_data() {
    let found = fixtures();
    assert!(!found.is_empty(), "no upgrade fixture");
    for fixture in found {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::copy(fixture.join("postern.sqlite3"), dir.path().join("postern.sqlite3")).expect("copy fixture");
        check_upgraded(Target::Dir(dir.path()), &expected(&fixture, "expected.json"), &format!("SQLite {}", fixture.display()));
    }
}

#[test]
fn postgres_databases_of_earlier_releases_open_and_keep_their_data() {
    let cluster = store::contract::PgCluster::start().expect("a private PostgreSQL cluster (Debian package postgresql)");
    for fixture in fixtures() {
        let url = cluster.fresh_database().expect("database");
        let loaded = std::process::Command::new("psql")
            .args(["--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "--file"])
            .arg(fixture.join("postgres.sql"))
            .arg(&url)
            .output()
            .expect("psql (Debian package postgresql-client)");
        assert!(loaded.status.success(), "loading {}: {}", fixture.display(), String::from_utf8_lossy(&loaded.stderr));
        check_upgraded(Target::Url(&url), &expected(&fixture, "expected-postgres.json"), &format!("PostgreSQL {}", fixture.display()));
    }
}

#[test]
fn version_names_the_release_the_schema_and_the_git_revision() {
    let out = std::process::Command::new(common::exe()).arg("--version").output().expect("postern --version");
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let migrations = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../store/migrations/sqlite")).expect("migrations").count();
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map_or_else(|| "unknown".to_string(), |o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    assert_eq!(line, format!("postern {} (schema {migrations}, git {head})", env!("CARGO_PKG_VERSION")));
}
