//! Federation peerings with other TAXII 2.1 servers and their sync state (checkpoints, counters,
//! the lease that lets one `serve` process sync a peer at a time). Types and trait here; each
//! engine's implementation beside them.

use tlp::Tlp;

use crate::Result;

pub(crate) mod contract;
mod postgres;
mod sqlite;

/// Which way a federation peering moves objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerDirection {
    Pull,
    Push,
    Both,
}

impl PeerDirection {
    pub fn as_str(self) -> &'static str {
        match self {
            PeerDirection::Pull => "pull",
            PeerDirection::Push => "push",
            PeerDirection::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<PeerDirection> {
        match s {
            "pull" => Some(PeerDirection::Pull),
            "push" => Some(PeerDirection::Push),
            "both" => Some(PeerDirection::Both),
            _ => None,
        }
    }

    pub fn pulls(self) -> bool {
        matches!(self, PeerDirection::Pull | PeerDirection::Both)
    }

    pub fn pushes(self) -> bool {
        matches!(self, PeerDirection::Push | PeerDirection::Both)
    }
}

/// How the hub authenticates to a peer's TAXII server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeerAuth {
    Bearer(String),
    Basic { user: String, password: String },
}

/// A federation peering with another TAXII 2.1 server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peer {
    pub name: String,
    /// Base URL of the peer, e.g. `https://regional.example/`.
    pub url: String,
    /// API root path on the peer, e.g. `/isac/`.
    pub api_root: String,
    /// Collection id on the peer.
    pub remote_collection: String,
    /// Local collection the peering reads from and writes to.
    pub local_collection: String,
    pub auth: PeerAuth,
    pub direction: PeerDirection,
    /// Highest TLP level exchanged with this peer (CLEAR, GREEN or AMBER).
    pub max_tlp: Tlp,
    pub created: String,
}

/// Sync progress of a peering, persisted after every page so a crash loses nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeerState {
    /// Last `X-TAXII-Date-Added-Last` stored from the peer (next `added_after`).
    pub pull_checkpoint: Option<String>,
    /// Local `date_added` (µs) up to which objects were pushed.
    pub push_checkpoint_us: Option<i64>,
    pub last_success: Option<String>,
    pub last_error: Option<String>,
    /// Consecutive failures (drives the backoff).
    pub failures: u32,
    pub pulled: u64,
    pub pushed: u64,
    pub refused: u64,
}

/// Federation peerings and their sync state.
pub trait PeerStore {
    fn add_peer(&self, peer: &Peer) -> Result<()>;
    fn peer(&self, name: &str) -> Result<Option<Peer>>;
    fn list_peers(&self) -> Result<Vec<Peer>>;
    /// Returns false when no such peer exists.
    fn remove_peer(&self, name: &str) -> Result<bool>;
    fn peer_state(&self, name: &str) -> Result<PeerState>;
    fn save_peer_state(&self, name: &str, state: &PeerState) -> Result<()>;
    /// Takes or renews the sync lease of a peer for `owner` until `until_us`; false when another
    /// live process holds it (several `serve` processes share one database).
    fn try_lease_peer(&self, name: &str, owner: &str, now_us: i64, until_us: i64) -> Result<bool>;
}
