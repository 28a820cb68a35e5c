//! Federation goes through the outbound guard: a peer configured at a link-local address (where
//! cloud metadata services answer) is refused before any connection, while a peer on loopback
//! (an operator-approved internal address) is reached.

use std::time::Duration;

use federation::SyncError;
use federation::{PageRequest, TaxiiClient};
use store::{Peer, PeerAuth, PeerDirection};

mod common;

fn peer(url: &str) -> Peer {
    Peer {
        name: "metadata".into(),
        url: url.into(),
        api_root: "/federation/".into(),
        remote_collection: "c".into(),
        local_collection: "c".into(),
        auth: PeerAuth::Bearer("t".into()),
        direction: PeerDirection::Pull,
        max_tlp: tlp::Tlp::Green,
        created: String::new(),
    }
}

#[tokio::test]
async fn a_peer_at_a_link_local_address_is_refused_before_connecting() {
    let http = TaxiiClient::http(Duration::from_secs(2)).expect("client");
    for url in ["http://169.254.169.254", "http://[fe80::1]:8080", "http://[::ffff:169.254.169.254]"] {
        let client = TaxiiClient::new(http.clone(), &peer(url));
        let got = client.get_objects(&PageRequest { added_after: None, next: None, limit: 10 }).await;
        assert!(matches!(got, Err(SyncError::Refused(_))), "{url}: {got:?}");
        let added = client.add_objects(&["{}".to_string()]).await;
        assert!(matches!(added, Err(SyncError::Refused(_))), "{url}: {added:?}");
    }
}

#[tokio::test]
async fn a_peer_on_an_internal_address_an_operator_configured_is_reached() {
    let hub = common::start_hub().await;
    let http = TaxiiClient::http(Duration::from_secs(5)).expect("client");
    // A name (through the guarded resolver), not only a literal.
    let url = hub.url.replace("127.0.0.1", "localhost");
    let client = TaxiiClient::new(http, &peer(&url));
    let got = client.get_objects(&PageRequest { added_after: None, next: None, limit: 10 }).await;
    // The peer answers (401 for the made-up token): the connection was made.
    assert!(matches!(got, Err(SyncError::Status { code: 401, .. })), "{got:?}");
}
