//! Two `postern serve` processes on one PostgreSQL database (a private cluster started by the
//! test): writes through one, a paged read alternating between both, no loss, no duplicates.

mod common;

use std::process::Command;

use common::{Server, TAXII, client, indicator};
use serde_json::{Value, json};

fn cli_db(url: &str, args: &[&str]) -> Value {
    let out = Command::new(common::exe()).arg("--database").arg(url).arg("--json").args(args).output().expect("run postern");
    assert!(out.status.success(), "postern {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn two_servers_on_one_postgres_database_serve_one_paged_read() {
    let cluster = store::contract::PgCluster::start().expect("a private PostgreSQL cluster (Debian package postgresql)");
    let url = cluster.fresh_database().expect("database");
    cli_db(&url, &["org", "add", "La Poste", "--country", "FR"]);
    let token = cli_db(&url, &["token", "issue", "--org", "La Poste", "--role", "analyst"])["token"].as_str().expect("token").to_string();
    let col =
        cli_db(&url, &["collection", "add", "shared", "--read", "all", "--write", "La Poste"])["id"].as_str().expect("id").to_string();

    let dir_a = tempfile::tempdir().expect("tmp");
    let dir_b = tempfile::tempdir().expect("tmp");
    let a = Server::start_with(dir_a.path(), &["--database", &url]);
    let b = Server::start_with(dir_b.path(), &["--database", &url]);
    assert!(a.admin_token.is_some() ^ b.admin_token.is_some(), "exactly one process prints the first admin token");

    let post = |server: &Server, from: u32| {
        let objs: Vec<Value> = (from..from + 50).map(|i| indicator(i, tlp::TLP2_GREEN)).collect();
        let r = client()
            .post(format!("{}/isac/collections/{col}/objects/", server.url))
            .bearer_auth(&token)
            .header("Content-Type", TAXII)
            .body(json!({ "objects": objs }).to_string())
            .send()
            .expect("post");
        assert_eq!(r.status().as_u16(), 202);
    };
    post(&a, 0);
    post(&b, 50);
    let mut ids = Vec::new();
    let mut next: Option<String> = None;
    let mut turn = 0;
    loop {
        let server = if turn % 2 == 0 { &a } else { &b };
        turn += 1;
        let q = next.as_ref().map(|n| format!("limit=17&next={n}")).unwrap_or_else(|| "limit=17".into());
        let page: Value = client()
            .get(format!("{}/isac/collections/{col}/objects/?{q}", server.url))
            .bearer_auth(&token)
            .header("Accept", TAXII)
            .send()
            .expect("get")
            .json()
            .expect("json");
        ids.extend(page["objects"].as_array().expect("objects").iter().map(|o| o["id"].as_str().unwrap_or_default().to_string()));
        if turn == 2 {
            post(&b, 100); // a writer keeps adding while the reader pages
        }
        match page["next"].as_str() {
            Some(n) => next = Some(n.to_string()),
            None => break,
        }
    }
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((ids.len(), unique.len()), (150, 150), "no loss, no duplicates across two processes");
}
