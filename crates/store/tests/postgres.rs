//! The storage contracts (hub and portal) on a private PostgreSQL cluster, and what only
//! PostgreSQL can show.
//!
//! The cluster is started by the tests themselves (`initdb` in a temporary directory, loopback
//! port); without PostgreSQL installed they fail, they never skip.

use std::sync::{Arc, Mutex, Weak};

use store::contract::{self, PgCluster};
use store::portal::NewUser;
use store::{AuditLog, NewAudit, PgStore, PostureStore, Role, Store, StoreError};

/// One cluster for the tests that run at the same time; the last one to finish stops it.
fn cluster() -> Arc<PgCluster> {
    static SHARED: Mutex<Weak<PgCluster>> = Mutex::new(Weak::new());
    let mut slot = SHARED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = slot.upgrade() {
        return c;
    }
    let c = Arc::new(PgCluster::start().expect("starting a private PostgreSQL cluster"));
    *slot = Arc::downgrade(&c);
    c
}

#[test]
fn storage_contract_holds_on_postgres() {
    let cluster = cluster();
    let failures = contract::run_all(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(PgStore::open(&url).expect("open store")) as Arc<dyn Store>)
    });
    assert!(failures.is_empty(), "contract cases failed on PostgreSQL: {failures:#?}");
}

#[test]
fn portal_and_posture_contract_holds_on_postgres() {
    let cluster = cluster();
    let failures = contract::run_portal_all(&|| {
        let url = cluster.fresh_database().expect("fresh database");
        Box::new(move || Arc::new(PgStore::open(&url).expect("open store")) as Arc<dyn contract::PortalBackend>)
    });
    assert!(failures.is_empty(), "portal contract cases failed on PostgreSQL: {failures:#?}");
}

#[test]
fn portal_store_opens_on_either_target() {
    let cluster = cluster();
    let url = cluster.fresh_database().expect("db");
    let hub = store::open(&url).expect("open hub");
    let org = hub.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let pg = store::open_portal(&url).expect("open portal on postgres");
    let user = pg.portal.create_user(&NewUser {
        org_id: org.id,
        username: "alice".into(),
        password_hash: "$argon2id$x".into(),
        role: Role::Analyst,
    });
    assert_eq!(user.expect("user").org_id, org.id);
    pg.posture.register_domain("laposte.fr", "cli").expect("register");
    // The hub's handle and the portal's see one database.
    assert_eq!(PgStore::open(&url).expect("open").registered_domains().expect("domains"), vec!["laposte.fr"]);
    assert!(matches!(
        pg.portal.create_user(&NewUser { org_id: org.id + 1, username: "bob".into(), password_hash: "x".into(), role: Role::Reader }),
        Err(StoreError::NotFound { .. })
    ));
    let dir = tempfile::tempdir().expect("tmp");
    let sqlite = store::open_portal(dir.path().to_str().expect("utf-8 path")).expect("open portal on sqlite");
    assert_eq!(sqlite.portal.user_by_name("alice").expect("user"), None);
    assert!(dir.path().join("postern.sqlite3").is_file());
}

#[test]
fn serve_opens_one_pool_for_the_hub_the_portal_and_posture() {
    let cluster = cluster();
    let url = cluster.fresh_database().expect("db");
    let s = store::open_serve(&url).expect("open for serve");
    let at = |p: *const u8| p as usize;
    assert_eq!(at(Arc::as_ptr(&s.hub).cast()), at(Arc::as_ptr(&s.portal).cast()), "the portal has a pool of its own");
    assert_eq!(at(Arc::as_ptr(&s.hub).cast()), at(Arc::as_ptr(&s.posture).cast()), "posture has a pool of its own");
    let org = s.hub.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    s.posture.register_domain("laposte.fr", "cli").expect("register");
    let user = NewUser { org_id: org.id, username: "alice".into(), password_hash: "$argon2id$x".into(), role: Role::Analyst };
    assert_eq!(s.portal.create_user(&user).expect("user").org_id, org.id);
}

#[test]
fn unknown_values_read_back_as_corrupt_on_postgres() {
    let cluster = cluster();
    let s = PgStore::open(&cluster.fresh_database().expect("db")).expect("open");
    let corrupt = |table: &str, column: &str, value: &str| {
        // The schema's CHECK constraints (PostgreSQL's default names) would refuse the value.
        let sql = format!("ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_{column}_check; UPDATE {table} SET {column} = {value};");
        s.with_client(|c| Ok(c.batch_execute(&sql)?)).expect("raw update");
    };
    contract::unknown_values_read_back_as_corrupt(&s, &corrupt);
}

#[test]
fn audit_log_is_append_only() {
    let cluster = cluster();
    let s = PgStore::open(&cluster.fresh_database().expect("db")).expect("open");
    let e = NewAudit { actor: "cli".into(), action: "token.issue".into(), target: "tok".into(), outcome: "ok".into(), detail: "".into() };
    s.append(&e).expect("append");
    for forgery in ["UPDATE audit SET outcome = 'forged'", "DELETE FROM audit", "TRUNCATE audit"] {
        let res = s.with_client(|c| Ok(c.batch_execute(forgery)?));
        match res {
            Err(StoreError::Postgres(err)) => assert!(format!("{err:?}").contains("append-only"), "{forgery}: {err:?}"),
            other => panic!("{forgery} was not refused: {other:?}"),
        }
    }
    assert_eq!(s.entries(0, 10).expect("entries").len(), 1);
}

#[test]
fn migrations_run_once_when_processes_start_together() {
    let cluster = cluster();
    let url = cluster.fresh_database().expect("db");
    let versions: Vec<i32> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            (0..4).map(|_| scope.spawn(|| PgStore::open(&url).expect("open").schema_version().expect("schema version"))).collect();
        handles.into_iter().map(|h| h.join().expect("opener thread")).collect()
    });
    let shipped = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations/postgres")).expect("migrations").count();
    let shipped = i32::try_from(shipped).expect("few migrations");
    assert_eq!(versions, vec![shipped; 4]);
    let s = PgStore::open(&url).expect("reopen");
    let rows: i64 = s.with_client(|c| Ok(c.query_one("SELECT count(*) FROM schema_version", &[])?.get(0))).expect("count");
    assert_eq!(rows, i64::from(shipped));
    // Reopening applies nothing twice.
    assert_eq!(PgStore::open(&url).expect("reopen").schema_version().expect("schema version"), shipped);
}

#[test]
fn open_dispatches_on_the_target() {
    let cluster = cluster();
    let url = cluster.fresh_database().expect("db");
    let pg = store::open(&url).expect("open postgres");
    pg.create_org("La Poste", "identity--lp", Some("FR"), false).expect("org");
    let alias = url.replacen("postgres://", "postgresql://", 1);
    assert!(store::open(&alias).expect("open postgresql").org_by_name("La Poste").expect("org").is_some());
    let dir = tempfile::tempdir().expect("tmp");
    let sqlite = store::open(dir.path().to_str().expect("utf-8 path")).expect("open sqlite");
    assert_eq!(sqlite.org_by_name("La Poste").expect("org"), None);
    assert!(dir.path().join("postern.sqlite3").is_file());
}

#[test]
fn unreachable_or_malformed_urls_are_errors() {
    assert!(matches!(PgStore::open("postgres://postgres@127.0.0.1:1/none"), Err(StoreError::Postgres(_))));
    assert!(matches!(PgStore::open("postgres://postgres@127.0.0.1:notaport/x"), Err(StoreError::Postgres(_))));
}
