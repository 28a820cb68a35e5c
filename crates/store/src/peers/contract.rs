//! The contract cases of federation peerings ([`crate::PeerStore`]): round trip, sync state,
//! and the lease one process at a time holds. They run in the hub's list (`hub/contract.rs`),
//! on every engine.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};

use tlp::Tlp;

use crate::hub::contract::{COL, Open, with_collection};
use crate::{Peer, PeerAuth, PeerDirection, Store, StoreError};

pub(crate) fn peer(name: &str, auth: PeerAuth) -> Peer {
    Peer {
        name: name.into(),
        url: "http://127.0.0.1:1/".into(),
        api_root: "/isac/".into(),
        remote_collection: "r1".into(),
        local_collection: COL.into(),
        auth,
        direction: PeerDirection::Both,
        max_tlp: Tlp::Amber,
        created: "2025-01-01T00:00:00Z".into(),
    }
}

pub(crate) fn peers_round_trip_and_leases(open: Open<'_>) {
    let s = with_collection(open);
    let regional = peer("regional", PeerAuth::Basic { user: "u".into(), password: "p".into() });
    let global = Peer { direction: PeerDirection::Pull, max_tlp: Tlp::Clear, ..peer("global", PeerAuth::Bearer("secret".into())) };
    s.add_peer(&regional).expect("add");
    s.add_peer(&global).expect("add");
    assert!(matches!(s.add_peer(&regional), Err(StoreError::Duplicate { what: "peer", .. })));
    assert_eq!(s.peer("regional").expect("peer"), Some(regional.clone()));
    assert_eq!(s.peer("nobody").expect("peer"), None);
    assert_eq!(s.list_peers().expect("list"), vec![global.clone(), regional.clone()]);
    assert_eq!(s.peer_state("regional").expect("state"), crate::PeerState::default());
    let st = crate::PeerState {
        pull_checkpoint: Some("2025-01-01T00:00:00.000001Z".into()),
        push_checkpoint_us: Some(1_700_000_000_000_001),
        last_success: Some("2025-01-02T00:00:00Z".into()),
        last_error: Some("timeout".into()),
        failures: 3,
        pulled: 7,
        pushed: 5,
        refused: 1,
    };
    s.save_peer_state("regional", &st).expect("save");
    assert_eq!(s.peer_state("regional").expect("state"), st);
    assert!(matches!(s.peer_state("nobody"), Err(StoreError::NotFound { .. })));
    assert!(matches!(s.save_peer_state("nobody", &st), Err(StoreError::NotFound { .. })));
    assert!(s.try_lease_peer("regional", "a", 100, 200).expect("lease"));
    assert!(s.try_lease_peer("regional", "a", 150, 250).expect("lease"), "the owner renews");
    assert!(!s.try_lease_peer("regional", "b", 200, 300).expect("lease"), "a holds it until 250");
    assert!(s.try_lease_peer("regional", "b", 251, 300).expect("lease"), "expired leases are taken over");
    assert!(!s.try_lease_peer("nobody", "a", 100, 200).expect("lease"));
    assert!(s.remove_peer("regional").expect("remove"));
    assert!(!s.remove_peer("regional").expect("remove"));
    assert_eq!(s.list_peers().expect("list"), vec![global]);
}

pub(crate) fn one_lease_winner_among_processes(open: Open<'_>) {
    let s = with_collection(open);
    s.add_peer(&peer("regional", PeerAuth::Bearer("t".into()))).expect("add");
    let handles: Vec<Arc<dyn Store>> = (0..2).map(|_| open()).collect();
    const TAKERS: usize = 8;
    let start = Barrier::new(TAKERS);
    let winners = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for i in 0..TAKERS {
            let (store, start, winners) = (&handles[i % 2], &start, &winners);
            scope.spawn(move || {
                start.wait();
                if store.try_lease_peer("regional", &format!("process-{i}"), 1_000, 2_000).expect("lease") {
                    winners.fetch_add(1, Ordering::SeqCst);
                }
            });
        }
    });
    assert_eq!(winners.load(Ordering::SeqCst), 1);
}
