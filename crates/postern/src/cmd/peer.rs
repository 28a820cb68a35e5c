//! `postern peer add|list|status|remove|sightings-upward`: federation peerings with other TAXII
//! 2.1 servers, and which member organisations let their sightings travel as anonymised counts.
//! With `--json` every command prints exactly one JSON object; secrets are never printed.
//!
//! For a Postern peer, use `--api-root /federation/` and a token of the organisation named like
//! this hub's peering on the other hub (`postern org add` + `postern token issue` there, and a
//! `postern peer add` there whose name is this hub's organisation name on it).

use std::path::Path;

use anyhow::{Context, bail};
use hub::HubConfig;
use serde_json::json;
use store::{Peer, PeerAuth, PeerDirection, PeerState};
use tlp::Tlp;

use super::open_hub;

const ACTOR: &str = "cli";

#[derive(Debug, clap::Subcommand)]
pub enum PeerCommand {
    /// Add a peering with a TAXII 2.1 server (another hub, medallion, OpenCTI, ...).
    Add(AddArgs),
    /// List peerings.
    List,
    /// Sync state of every peering (or of one).
    Status { name: Option<String> },
    /// Remove a peering (objects already exchanged stay).
    Remove { name: String },
    /// Let a member organisation's sightings travel to peers as anonymised counts made by this
    /// hub (--enable), or keep them home (--disable, the default); without a flag, show it.
    SightingsUpward(SightingsArgs),
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("switch").args(["enable", "disable"])))]
pub struct SightingsArgs {
    /// The member organisation's name.
    pub org: String,
    #[arg(long)]
    pub enable: bool,
    #[arg(long)]
    pub disable: bool,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("direction").required(true).args(["pull", "push", "both"])))]
#[command(group(clap::ArgGroup::new("credentials").required(true).args(["token", "user"])))]
pub struct AddArgs {
    pub name: String,
    /// Base URL of the peer's TAXII server.
    #[arg(long)]
    pub url: String,
    /// API root path on the peer (`/federation/` for a Postern hub).
    #[arg(long)]
    pub api_root: String,
    /// Collection id on the peer.
    #[arg(long)]
    pub collection: String,
    /// Local collection the peering reads and writes (default: the hub's only collection).
    #[arg(long, default_value = "")]
    pub local_collection: String,
    /// Bearer token for the peer.
    #[arg(long)]
    pub token: Option<String>,
    /// HTTP Basic user for the peer (with --password).
    #[arg(long, requires = "password")]
    pub user: Option<String>,
    #[arg(long, requires = "user")]
    pub password: Option<String>,
    /// Only receive objects from the peer.
    #[arg(long)]
    pub pull: bool,
    /// Only send objects to the peer.
    #[arg(long)]
    pub push: bool,
    /// Send and receive.
    #[arg(long)]
    pub both: bool,
    /// Highest TLP level exchanged: clear, green or amber.
    #[arg(long, value_parser = parse_max_tlp)]
    pub max_tlp: Tlp,
}

fn parse_max_tlp(s: &str) -> Result<Tlp, String> {
    match Tlp::parse(s) {
        Some(t) if t <= Tlp::Amber => Ok(t),
        Some(_) => Err("AMBER+STRICT and RED never leave a hub: use clear, green or amber".into()),
        None => Err(format!("'{s}' is not a TLP level (clear, green, amber)")),
    }
}

pub fn run(data: &Path, json: bool, cmd: PeerCommand) -> anyhow::Result<()> {
    let hub = open_hub(data, HubConfig::default())?;
    match cmd {
        PeerCommand::Add(a) => {
            let auth = match (a.token, a.user, a.password) {
                (Some(t), None, None) => PeerAuth::Bearer(t),
                (None, Some(user), Some(password)) => PeerAuth::Basic { user, password },
                _ => bail!("give either --token or --user with --password"),
            };
            let direction = if a.both {
                PeerDirection::Both
            } else if a.push {
                PeerDirection::Push
            } else {
                PeerDirection::Pull
            };
            let peer = Peer {
                name: a.name.clone(),
                url: a.url,
                api_root: a.api_root,
                remote_collection: a.collection,
                local_collection: a.local_collection,
                auth,
                direction,
                max_tlp: a.max_tlp,
                created: String::new(),
            };
            let p = hub.add_peer(peer, ACTOR).with_context(|| format!("adding peer '{}'", a.name))?;
            if json {
                println!("{}", peer_json(&p, None));
            } else {
                println!(
                    "peer '{}' added: {} {} with {} (max {})",
                    p.name,
                    p.direction.as_str(),
                    p.local_collection,
                    p.url,
                    p.max_tlp.label()
                );
            }
        }
        PeerCommand::List => {
            let peers = hub.peers()?;
            if json {
                println!("{}", json!({"peers": peers.iter().map(|p| peer_json(p, None)).collect::<Vec<_>>()}));
            } else {
                for p in peers {
                    println!(
                        "{:<24} {:<5} max={:<6} {}{} collection {} <-> local {}",
                        p.name,
                        p.direction.as_str(),
                        p.max_tlp.name(),
                        p.url,
                        p.api_root,
                        p.remote_collection,
                        p.local_collection
                    );
                }
            }
        }
        PeerCommand::Status { name } => {
            let peers: Vec<Peer> = hub.peers()?.into_iter().filter(|p| name.as_ref().is_none_or(|n| *n == p.name)).collect();
            if let Some(n) = &name
                && peers.is_empty()
            {
                bail!("peer '{n}' not found");
            }
            let mut items = Vec::new();
            for p in &peers {
                let s = hub.peer_state(&p.name)?;
                if json {
                    items.push(peer_json(p, Some(&s)));
                } else {
                    println!(
                        "{:<24} pulled={} pushed={} refused={} failures={} last_success={} pull_checkpoint={} push_checkpoint={}{}",
                        p.name,
                        s.pulled,
                        s.pushed,
                        s.refused,
                        s.failures,
                        s.last_success.as_deref().unwrap_or("never"),
                        s.pull_checkpoint.as_deref().unwrap_or("-"),
                        s.push_checkpoint_us.map(hub::format_us).unwrap_or_else(|| "-".into()),
                        s.last_error.as_ref().map(|e| format!("\n    last error: {e}")).unwrap_or_default()
                    );
                }
            }
            if json {
                println!("{}", json!({ "peers": items }));
            }
        }
        PeerCommand::Remove { name } => {
            hub.remove_peer(&name, ACTOR).with_context(|| format!("removing peer '{name}'"))?;
            if json {
                println!("{}", json!({ "removed": name }));
            } else {
                println!("peer '{name}' removed");
            }
        }
        PeerCommand::SightingsUpward(a) => {
            let org = match (a.enable, a.disable) {
                (true, _) => hub.set_sightings_upward(&a.org, true, ACTOR),
                (_, true) => hub.set_sightings_upward(&a.org, false, ACTOR),
                _ => hub.org(&a.org),
            }
            .with_context(|| format!("sightings of organisation '{}'", a.org))?;
            let on = hub.sightings_upward(&org)?;
            if json {
                println!("{}", json!({"org": org.name, "identity_id": org.identity_id, "sightings_upward": on}));
            } else if on {
                println!("sightings of '{}' travel to peers as anonymised counts made by this hub", org.name);
            } else {
                println!("sightings of '{}' stay on this hub", org.name);
            }
        }
    }
    Ok(())
}

/// A peering as the CLI prints it: the JSON API's answer (never its secret).
fn peer_json(p: &Peer, s: Option<&PeerState>) -> serde_json::Value {
    serde_json::to_value(server::api::peers::PeerAnswer::of(p, s)).unwrap_or(serde_json::Value::Null)
}
