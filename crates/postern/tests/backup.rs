//! Backups that restore: `postern backup` while the hub takes Add Objects without pause,
//! `postern restore` into an empty directory, and the restored hub holds every object
//! acknowledged before the backup began, its status resources, a cursor issued before the
//! backup, and a prefix of the live audit log. Damaged archives and occupied directories are
//! refused; `serve` takes scheduled backups and keeps the newest; a PostgreSQL hub round-trips
//! through pg_dump and pg_restore.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{Server, TAXII, cli, client, fixture, indicator};
use serde_json::{Value, json};

fn postern(data: &Path, args: &[&str]) -> Output {
    Command::new(common::exe()).arg("--data").arg(data).arg("--json").args(args).output().expect("run postern")
}

fn post(url: &str, token: &str, objects: Vec<Value>) -> reqwest::blocking::Response {
    client()
        .post(format!("{url}/objects/"))
        .bearer_auth(token)
        .header("Content-Type", TAXII)
        .body(json!({ "objects": objects }).to_string())
        .send()
        .expect("post")
}

fn get(url: &str, token: &str) -> Value {
    let r = client().get(url).bearer_auth(token).header("Accept", TAXII).send().expect("get");
    assert_eq!(r.status().as_u16(), 200, "{url}");
    r.json().expect("json")
}

/// Every object id of a collection, paged with `next`.
fn all_ids(base: &str, token: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut next: Option<String> = None;
    loop {
        let q = next.as_ref().map(|n| format!("limit=100&next={n}")).unwrap_or_else(|| "limit=100".into());
        let page = get(&format!("{base}/objects/?{q}"), token);
        ids.extend(page["objects"].as_array().into_iter().flatten().filter_map(|o| o["id"].as_str()).map(String::from));
        match page["next"].as_str() {
            Some(n) => next = Some(n.to_string()),
            None => return ids,
        }
    }
}

fn audit(data: &Path) -> Vec<Value> {
    cli(data, &["audit", "--limit", "100000"])["entries"].as_array().expect("entries").clone()
}

/// Polls `f` until it holds, failing after a generous deadline.
fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !f() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One acknowledged Add Objects request: its object ids and its status resource.
struct Acked {
    ids: Vec<String>,
    status: String,
}

#[test]
fn a_backup_taken_under_continuous_writes_restores_a_consistent_hub() {
    let f = fixture();
    let server = Server::start(f.dir.path());
    let poste = f.tokens["La Poste"].clone();
    let base = format!("{}/isac/collections/{}", server.url, f.collection);

    // A cursor issued before the backup, to be used on the restored hub.
    assert_eq!(post(&base, &poste, (0..6).map(|i| indicator(i, tlp::TLP2_GREEN)).collect()).status().as_u16(), 202);
    let first = get(&format!("{base}/objects/?limit=3"), &poste);
    let cursor = first["next"].as_str().expect("a next cursor").to_string();

    // The writer: Add Objects without pause, recording every acknowledgement in order.
    let acked: Arc<Mutex<Vec<Acked>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (acked, stop, base, poste) = (acked.clone(), stop.clone(), base.clone(), poste.clone());
        std::thread::spawn(move || {
            let mut n = 1000;
            while !stop.load(Ordering::Relaxed) {
                let objects: Vec<Value> = (n..n + 5).map(|i| indicator(i, tlp::TLP2_GREEN)).collect();
                let ids = objects.iter().map(|o| o["id"].as_str().unwrap_or_default().to_string()).collect();
                let r = post(&base, &poste, objects);
                assert_eq!(r.status().as_u16(), 202);
                let status: Value = r.json().expect("status");
                acked.lock().expect("lock").push(Acked { ids, status: status["id"].as_str().unwrap_or_default().to_string() });
                n += 5;
            }
        })
    };
    wait_until("writes before the backup", || acked.lock().expect("lock").len() >= 10);

    // Everything acknowledged before the backup starts must be in it.
    let before = acked.lock().expect("lock").len();
    let backups = tempfile::tempdir().expect("tmp");
    let archive = backups.path().join("hub.tar");
    let out = postern(f.dir.path(), &["backup", "--to", &archive.display().to_string()]);
    assert!(out.status.success(), "backup: {}", String::from_utf8_lossy(&out.stdout));
    let during = acked.lock().expect("lock").len();
    wait_until("writes after the backup", || acked.lock().expect("lock").len() >= during + 3);
    stop.store(true, Ordering::Relaxed);
    writer.join().expect("writer");
    let live_audit = audit(f.dir.path());
    drop(server);

    let restored_dir = tempfile::tempdir().expect("tmp");
    let data = restored_dir.path().join("data");
    let out = postern(&data, &["restore", "--from", &archive.display().to_string()]);
    assert!(out.status.success(), "restore: {}", String::from_utf8_lossy(&out.stderr));
    let restored = Server::start(&data);
    assert!(restored.admin_token.is_none(), "the restored hub is the same hub: no new first admin token");
    let rbase = format!("{}/isac/collections/{}", restored.url, f.collection);

    let ids: BTreeSet<String> = all_ids(&rbase, &poste).into_iter().collect();
    let acked = acked.lock().expect("lock");
    for (i, a) in acked.iter().enumerate().take(before) {
        for id in &a.ids {
            assert!(ids.contains(id), "acknowledged before the backup (request {i}) but not restored: {id}");
        }
        get(&format!("{}/isac/status/{}/", restored.url, a.status), &poste);
    }
    // Nothing restored that was never acknowledged (the writer stopped before the backup was
    // read), and no request restored in part.
    let sent: BTreeSet<String> = acked
        .iter()
        .flat_map(|a| a.ids.iter().cloned())
        .chain((0..6).filter_map(|i| indicator(i, "")["id"].as_str().map(String::from)))
        .collect();
    assert!(ids.is_subset(&sent), "restored objects nobody sent");
    for a in acked.iter() {
        let present = a.ids.iter().filter(|id| ids.contains(*id)).count();
        assert!(present == 0 || present == a.ids.len(), "an Add Objects request restored in part");
    }

    // The cursor issued before the backup still pages on the restored hub.
    let page = get(&format!("{rbase}/objects/?limit=3&next={cursor}"), &poste);
    assert_eq!(page["objects"].as_array().map(Vec::len), Some(3), "{page}");

    // The restored audit log is the live log's prefix: same entries, same numbers, no gap.
    let restored_audit = audit(&data);
    assert!(restored_audit.len() >= 10 && restored_audit.len() <= live_audit.len());
    assert_eq!(restored_audit[..], live_audit[..restored_audit.len()]);
    for (i, e) in restored_audit.iter().enumerate() {
        assert_eq!(e["seq"].as_i64(), Some(i as i64 + 1), "audit sequence has a gap");
    }
    drop(restored);

    // An occupied directory is refused without --force, replaced with it.
    let out = postern(&data, &["restore", "--from", &archive.display().to_string()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("not empty"), "{}", String::from_utf8_lossy(&out.stdout));
    let out = postern(&data, &["restore", "--force", "--from", &archive.display().to_string()]);
    assert!(out.status.success(), "restore --force: {}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn damaged_archives_are_refused() {
    let f = fixture();
    let backups = tempfile::tempdir().expect("tmp");
    let archive = backups.path().join("hub.tar");
    let out = postern(f.dir.path(), &["backup", "--to", &archive.display().to_string()]);
    assert!(out.status.success(), "backup: {}", String::from_utf8_lossy(&out.stdout));
    let sums = std::fs::read_to_string(format!("{}.sha256", archive.display())).expect("checksum file");
    assert!(sums.ends_with("  hub.tar\n") && sums.len() == 64 + 2 + 7 + 1, "sha256sum format: {sums:?}");

    let mut bytes = std::fs::read(&archive).expect("archive");
    // Inside the database file, the first member after its 512-byte tar header.
    bytes[512 + 3000] ^= 0xff;
    let damaged = backups.path().join("damaged.tar");
    std::fs::write(&damaged, &bytes).expect("write");
    let dir = tempfile::tempdir().expect("tmp");
    let out = postern(dir.path(), &["restore", "--from", &damaged.display().to_string()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("postern.sqlite3 is damaged"), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0, "a refused restore leaves nothing behind");

    // With its checksum file beside it, the archive itself is checked first.
    std::fs::write(format!("{}.sha256", damaged.display()), sums.replace("hub.tar", "damaged.tar")).expect("write");
    let out = postern(dir.path(), &["restore", "--from", &damaged.display().to_string()]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("does not match its checksum file"), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn serve_takes_scheduled_backups_and_keeps_the_newest() {
    let f = fixture();
    let backups = f.dir.path().join("backups");
    let b = backups.display().to_string();
    let server = Server::start_with(f.dir.path(), &["--backup-dir", &b, "--backup-interval-secs", "1", "--backup-keep", "2"]);
    let names = || -> BTreeSet<String> {
        std::fs::read_dir(&backups)
            .map(|d| {
                d.filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).filter(|n| n.ends_with(".tar")).collect()
            })
            .unwrap_or_default()
    };
    // Pruning shows while the hub runs: four backups were made, at most two are there. (A
    // count taken after the hub is killed could catch a backup written but not yet pruned.)
    let mut seen = BTreeSet::new();
    wait_until("a fourth scheduled backup and the older ones pruned", || {
        let now = names();
        seen.extend(now.iter().cloned());
        seen.len() >= 4 && !now.is_empty() && now.len() <= 2 && now.iter().next_back() == seen.iter().next_back()
    });
    drop(server);
    let left = names();
    let newest = left.iter().next_back().expect("a backup");
    // A scheduled backup restores, and holds no copy of the backups directory.
    let dir = tempfile::tempdir().expect("tmp");
    let out = postern(dir.path(), &["restore", "--from", &backups.join(newest).display().to_string()]);
    assert!(out.status.success(), "restore: {}", String::from_utf8_lossy(&out.stdout));
    let restored: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(restored["files"].as_array().map(Vec::len), Some(1), "{restored}");
    let orgs = cli(dir.path(), &["org", "list"]);
    assert!(orgs.to_string().contains("Posta Shqiptare"), "{orgs}");
}

fn pg_tool(program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e} (Debian package postgresql-client)"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_postgres_hub_round_trips_through_pg_dump_and_pg_restore() {
    let common::PgHub { cluster, url, token, collection: col } = common::pg_hub();
    let dir = tempfile::tempdir().expect("tmp");
    let server = Server::start_with(dir.path(), &["--database", &url]);
    let base = format!("{}/isac/collections/{col}", server.url);
    assert_eq!(post(&base, &token, (0..20).map(|i| indicator(i, tlp::TLP2_GREEN)).collect()).status().as_u16(), 202);
    let cursor = get(&format!("{base}/objects/?limit=5"), &token)["next"].as_str().expect("next").to_string();
    let before = all_ids(&base, &token);
    drop(server);

    // The commands docs/OPERATIONS.md gives.
    let dump = dir.path().join("postern.dump");
    pg_tool("pg_dump", &["--format=custom", "--file", &dump.display().to_string(), &url]);
    let copy = cluster.fresh_database().expect("database");
    pg_tool("pg_restore", &["--no-owner", "--exit-on-error", "--dbname", &copy, &dump.display().to_string()]);

    let server = Server::start_with(dir.path(), &["--database", &copy]);
    let base = format!("{}/isac/collections/{col}", server.url);
    assert_eq!(all_ids(&base, &token), before);
    let page = get(&format!("{base}/objects/?limit=5&next={cursor}"), &token);
    assert_eq!(page["objects"].as_array().map(Vec::len), Some(5));
    let audit = common::cli_db(&copy, &["audit"]);
    assert!(audit["entries"].as_array().is_some_and(|e| !e.is_empty()));
}

#[test]
fn the_data_directory_s_other_files_travel_with_the_database() {
    let f = fixture();
    let data = f.dir.path();
    std::fs::create_dir_all(data.join("evidence/2026")).expect("mkdir");
    std::fs::write(data.join("evidence/2026/report.eml"), b"Subject: colis en attente\r\n").expect("write");

    // Into the data directory itself: refused (the next backup would hold this one).
    let out = postern(data, &["backup", "--to", &data.join("hub.tar").display().to_string()]);
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stdout).contains("outside the data directory"));
    // Into a subdirectory of it: that directory is left out of the archive.
    let into = data.join("backups");
    std::fs::create_dir_all(&into).expect("mkdir");
    std::fs::write(into.join("older.tar"), b"an older backup").expect("write");
    let archive = into.join("hub.tar");
    let out = postern(data, &["backup", "--to", &archive.display().to_string()]);
    assert!(out.status.success(), "backup: {}", String::from_utf8_lossy(&out.stdout));
    let made: Value = serde_json::from_slice(&out.stdout).expect("json");
    let files: Vec<&str> = made["files"].as_array().expect("files").iter().filter_map(|f| f["path"].as_str()).collect();
    assert_eq!(files, ["postern.sqlite3", "evidence/2026/report.eml"]);

    let dir = tempfile::tempdir().expect("tmp");
    let out = postern(dir.path(), &["restore", "--from", &archive.display().to_string()]);
    assert!(out.status.success(), "restore: {}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(std::fs::read(dir.path().join("evidence/2026/report.eml")).expect("restored"), b"Subject: colis en attente\r\n");
    let mut left: Vec<String> =
        std::fs::read_dir(dir.path()).expect("dir").filter_map(Result::ok).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    left.sort();
    assert_eq!(left, ["evidence", "postern.sqlite3"], "no staging directory left behind");
}
