//! Two or more real hubs in this process (SQLite in temporary directories, the real axum server
//! on 127.0.0.1:0) for the sync tests and the benchmark.

#![allow(dead_code)]

use std::sync::Arc;

use hub::{CollectionSpec, Hub, HubConfig, Principal, ReadGrant};
use serde_json::{Value, json};
use store::{Peer, PeerAuth, PeerDirection, Role, SqliteStore};
use tlp::Tlp;

/// One hub: its database, its collection, a member that posts, and its HTTP address.
pub struct TestHub {
    pub dir: tempfile::TempDir,
    pub hub: Hub,
    /// The store under the hub, for assertions on what was stored (the hub itself keeps it
    /// private so that nothing writes around it).
    pub store: Arc<dyn store::Store>,
    pub collection: String,
    pub member: Principal,
    pub url: String,
}

/// Starts a hub named `name` with one member organisation ("member") and one collection.
pub async fn start_hub() -> TestHub {
    let dir = tempfile::tempdir().expect("tempdir");
    let store: Arc<dyn store::Store> = Arc::new(SqliteStore::open(dir.path()).expect("store"));
    let hub = Hub::open(store.clone(), HubConfig::default()).expect("hub");
    hub.add_org("member", Some("FR"), "test").expect("org");
    let spec = CollectionSpec {
        title: "intel".into(),
        description: None,
        read: ReadGrant::AllMembers,
        write: vec!["member".into()],
        public: false,
    };
    let collection = hub.add_collection(&spec, "test").expect("collection").id;
    let t = hub.issue_token("member", Role::Analyst, "test").expect("token");
    let member = hub.authenticate(Some(&format!("Bearer {}", t.token))).expect("auth");
    let state = server::AppState::new(hub.clone(), false);
    let (tx, rx) = tokio::sync::oneshot::channel();
    let config = server::ServerConfig::new("127.0.0.1:0".parse().expect("addr"));
    tokio::spawn(async move {
        let _ = server::serve(state, config, move |bound| {
            let _ = tx.send(bound.addr);
        })
        .await;
    });
    let addr = rx.await.expect("server started");
    TestHub { dir, hub, store, collection, member, url: format!("http://{addr}") }
}

/// Makes `a` and `b` peers: on each side an organisation named after the other hub with a
/// token, and a peering record. Returns (a's peering of b, b's peering of a).
pub fn peer(a: &TestHub, a_name: &str, b: &TestHub, b_name: &str, a_dir: PeerDirection, b_dir: PeerDirection, max: Tlp) -> (Peer, Peer) {
    let token_on = |h: &TestHub, org: &str| {
        h.hub.add_org(org, None, "test").expect("peer org");
        h.hub.issue_token(org, Role::Analyst, "test").expect("peer token").token
    };
    // a's token on b is issued to the org named a_name on b, and so on.
    let a_on_b = token_on(b, a_name);
    let b_on_a = token_on(a, b_name);
    let record = |name: &str, remote: &TestHub, local: &TestHub, token: String, direction| Peer {
        name: name.into(),
        url: remote.url.clone(),
        api_root: "/federation/".into(),
        remote_collection: remote.collection.clone(),
        local_collection: local.collection.clone(),
        auth: PeerAuth::Bearer(token),
        direction,
        max_tlp: max,
        created: String::new(),
    };
    let pa = a.hub.add_peer(record(b_name, b, a, a_on_b, a_dir), "test").expect("peer on a");
    let pb = b.hub.add_peer(record(a_name, a, b, b_on_a, b_dir), "test").expect("peer on b");
    (pa, pb)
}

pub fn indicator(n: usize, tlp: Tlp) -> Value {
    json!({
        "type": "indicator", "spec_version": "2.1",
        "id": format!("indicator--7f9c1c5e-0000-4000-8000-{n:012}"),
        "created": "2025-03-01T10:00:00.000Z", "modified": "2025-03-01T10:00:00.000Z",
        "name": format!("Fake parcel fee site {n}"),
        "pattern": format!("[domain-name:value = 'colis-{n}.laposte-frais.top']"), "pattern_type": "stix",
        "valid_from": "2025-03-01T10:00:00Z", "indicator_types": ["malicious-activity"],
        "object_marking_refs": [tlp.marking_id()]
    })
}

/// Posts objects as the hub's member, in bundles of 1000.
pub fn post(h: &TestHub, objects: Vec<Value>) {
    for chunk in objects.chunks(1000) {
        let body = serde_json::to_vec(&json!({"objects": chunk})).expect("json");
        let status = h.hub.add_objects(&h.member, &h.collection, &body).expect("add");
        assert_eq!(status.failure_count, 0, "{:?}", status.failures);
    }
}

pub fn count(h: &TestHub) -> u64 {
    h.store.count(&h.collection).expect("count")
}
