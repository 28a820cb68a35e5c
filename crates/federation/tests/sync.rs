//! Sync rounds between real hubs over loopback HTTP: pull and push move exactly what the
//! peering allows, and a round with nothing new costs one request.

mod common;

use common::{count, indicator, peer, post, start_hub};
use federation::{SyncConfig, TaxiiClient, sync_once};
use store::PeerDirection;
use tlp::Tlp;

fn config() -> SyncConfig {
    SyncConfig { page_limit: 7, push_batch: 7, ..SyncConfig::default() }
}

fn every_level(from: usize) -> Vec<serde_json::Value> {
    Tlp::ALL.iter().enumerate().map(|(i, t)| indicator(from + i, *t)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pull_moves_only_what_the_gate_allows_and_a_no_op_costs_one_request() {
    let national = start_hub().await;
    let regional = start_hub().await;
    let (_on_national, on_regional) =
        peer(&national, "national", &regional, "regional", PeerDirection::Push, PeerDirection::Pull, Tlp::Green);
    // 20 of each level, so the pull needs several pages of 7.
    post(&national, (0..20).flat_map(|i| every_level(i * 10)).collect());
    let http = TaxiiClient::http(std::time::Duration::from_secs(30)).expect("http");
    let client = TaxiiClient::new(http, &on_regional);

    let first = sync_once(&regional.hub, &client, &on_regional, &config(), "test").await.expect("sync");
    assert_eq!(first.pulled, 40, "CLEAR and GREEN only: {first:?}");
    assert_eq!(count(&regional), 40);
    assert!(first.requests >= 6, "40 objects in pages of 7: {first:?}");

    let again = sync_once(&regional.hub, &client, &on_regional, &config(), "test").await.expect("sync");
    assert_eq!(again, federation::Round { requests: 1, ..Default::default() }, "an incremental sync with nothing new is one request");

    post(&national, vec![indicator(999, Tlp::Clear), indicator(998, Tlp::Red)]);
    let delta = sync_once(&regional.hub, &client, &on_regional, &config(), "test").await.expect("sync");
    assert_eq!((delta.pulled, delta.requests), (1, 1), "{delta:?}");
    let state = regional.store.peer_state("national").expect("state");
    assert_eq!(state.pulled, 41);
    assert!(state.pull_checkpoint.is_some());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_is_gated_on_both_sides_and_never_returns_objects_home() {
    let national = start_hub().await;
    let regional = start_hub().await;
    // national pushes up to AMBER, but regional accepts only up to GREEN from national.
    let (on_national, mut on_regional) =
        peer(&national, "national", &regional, "regional", PeerDirection::Both, PeerDirection::Both, Tlp::Amber);
    regional.store.remove_peer("national").expect("remove");
    on_regional.max_tlp = Tlp::Green;
    let on_regional = regional.hub.add_peer(on_regional, "test").expect("re-add");
    let mut green = indicator(1, Tlp::Green);
    green["x_postern_recipients"] = serde_json::json!([national.member.org().expect("org").identity_id]);
    post(
        &national,
        vec![indicator(0, Tlp::Clear), green, indicator(2, Tlp::Amber), indicator(3, Tlp::AmberStrict), indicator(4, Tlp::Red)],
    );
    post(&regional, vec![indicator(10, Tlp::Clear)]);

    let http = TaxiiClient::http(std::time::Duration::from_secs(30)).expect("http");
    let to_regional = TaxiiClient::new(http.clone(), &on_national);
    let round = sync_once(&national.hub, &to_regional, &on_national, &config(), "test").await.expect("sync");
    assert_eq!(round.pulled, 1, "regional's CLEAR object: {round:?}");
    assert_eq!((round.pushed, round.push_failed), (2, 1), "CLEAR and GREEN accepted, AMBER refused by regional: {round:?}");
    assert_eq!(count(&regional), 3);
    let refusals: Vec<_> =
        regional.store.entries(0, 1000).expect("audit").into_iter().filter(|e| e.action == "federation.refused").collect();
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert!(refusals[0].target.ends_with("000000000002"));

    // regional's own pull from national: nothing new; its push: national's objects are not sent back.
    let to_national = TaxiiClient::new(http, &on_regional);
    let back = sync_once(&regional.hub, &to_national, &on_regional, &config(), "test").await.expect("sync");
    assert_eq!(back.pulled, 0, "{back:?}");
    assert_eq!(back.pushed, 1, "only regional's own object goes to national: {back:?}");
    assert_eq!(count(&national), 6);

    // x_postern_recipients never left.
    let q = store::ObjectQuery {
        collection_id: regional.collection.clone(),
        added_after_us: None,
        ids: vec![],
        types: vec![],
        versions: vec![store::VersionSel::All],
        spec_versions: vec![],
        batch: 100,
        candidates: None,
    };
    let rows = regional.store.scan(&q).expect("scan");
    assert!(rows.iter().all(|o| !o.body.contains("x_postern_recipients")));
    assert!(rows.iter().filter(|o| o.origin.as_deref() == Some("national")).count() == 2);

    let quiet = sync_once(&national.hub, &to_regional, &on_national, &config(), "test").await.expect("sync");
    assert_eq!(quiet.requests, 1, "nothing new both ways: one pull request, no push: {quiet:?}");
}
