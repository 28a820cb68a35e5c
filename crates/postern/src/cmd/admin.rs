//! `postern org|token|collection|audit`: hub administration from the command line.
//! With `--json` every command prints exactly one JSON object.

use std::path::Path;

use anyhow::Context;
use hub::{CollectionSpec, HubConfig, ReadGrant};
use serde_json::json;
use store::Role;

use super::open_hub;

const ACTOR: &str = "cli";

#[derive(Debug, clap::Subcommand)]
pub enum OrgCommand {
    /// Add a member organisation (it gets its own STIX identity).
    Add {
        name: String,
        /// ISO 3166-1 alpha-2 country code.
        #[arg(long)]
        country: Option<String>,
    },
    /// List organisations.
    List,
    /// STIX identities bound to an organisation besides its own (what its OpenCTI or MISP writes
    /// in `created_by_ref`). Unknown identities are bound on first use; bindings are audited.
    #[command(subcommand)]
    Identity(IdentityCommand),
}

#[derive(Debug, clap::Subcommand)]
pub enum IdentityCommand {
    /// Bind an identity to an organisation.
    Add { org: String, identity: String },
    /// List bindings (of one organisation when given).
    List { org: Option<String> },
    /// Remove a binding: the identity is free again (bound on its next first use).
    Remove { identity: String },
}

#[derive(Debug, clap::Subcommand)]
pub enum TokenCommand {
    /// Issue an API token (printed once; only its hash is stored).
    Issue {
        #[arg(long)]
        org: String,
        #[arg(long, value_parser = ["admin", "analyst", "reader"])]
        role: String,
    },
    /// Revoke a token by its id (or the whole token).
    Revoke { token_id: String },
    /// List tokens (ids, organisations, roles; never secrets).
    List,
}

#[derive(Debug, clap::Subcommand)]
pub enum CollectionCommand {
    /// Add a TAXII collection.
    Add {
        name: String,
        /// `all` or a comma-separated list of organisation names.
        #[arg(long, default_value = "all")]
        read: String,
        /// Comma-separated organisation names that may add objects.
        #[arg(long, default_value = "")]
        write: String,
        /// Anonymous readers may read its TLP:CLEAR objects.
        #[arg(long)]
        public: bool,
        #[arg(long)]
        description: Option<String>,
    },
    /// List collections.
    List,
}

#[derive(Debug, clap::Args)]
pub struct AuditArgs {
    /// Show entries after this sequence number.
    #[arg(long, default_value_t = 0)]
    pub after: i64,
    #[arg(long, default_value_t = 1000)]
    pub limit: usize,
}

fn names(list: &str) -> Vec<String> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

pub fn org(data: &Path, json: bool, cmd: OrgCommand) -> anyhow::Result<()> {
    let hub = open_hub(data, HubConfig::default())?;
    match cmd {
        OrgCommand::Add { name, country } => {
            let org = hub.add_org(&name, country.as_deref(), ACTOR).with_context(|| format!("adding organisation '{name}'"))?;
            if json {
                println!("{}", json!({"id": org.id, "name": org.name, "identity_id": org.identity_id, "country": org.country}));
            } else {
                println!("organisation {} '{}' added with STIX identity {}", org.id, org.name, org.identity_id);
            }
        }
        OrgCommand::List => {
            let orgs = hub.orgs()?;
            if json {
                let items: Vec<_> = orgs
                    .iter()
                    .map(|o| json!({"id": o.id, "name": o.name, "identity_id": o.identity_id, "country": o.country, "hub": o.is_hub}))
                    .collect();
                println!("{}", json!({ "orgs": items }));
            } else {
                for o in orgs {
                    println!(
                        "{:>4}  {:<30} {:<3} {}{}",
                        o.id,
                        o.name,
                        o.country.unwrap_or_default(),
                        o.identity_id,
                        if o.is_hub { "  (hub)" } else { "" }
                    );
                }
            }
        }
        OrgCommand::Identity(cmd) => identity(&hub, json, cmd)?,
    }
    Ok(())
}

pub fn token(data: &Path, json: bool, cmd: TokenCommand) -> anyhow::Result<()> {
    let hub = open_hub(data, HubConfig::default())?;
    match cmd {
        TokenCommand::Issue { org, role } => {
            let role = Role::parse(&role).context("role must be admin, analyst or reader")?;
            let t = hub.issue_token(&org, role, ACTOR).with_context(|| format!("issuing a token for '{org}'"))?;
            if json {
                println!("{}", json!({"token": t.token, "id": t.id, "org": t.org, "role": t.role.as_str()}));
            } else {
                println!("token {} for '{}' ({}), shown once:\n  {}", t.id, t.org, t.role.as_str(), t.token);
            }
        }
        TokenCommand::Revoke { token_id } => {
            hub.revoke_token(&token_id, ACTOR).with_context(|| "revoking the token".to_string())?;
            if json {
                println!("{}", json!({"revoked": token_id}));
            } else {
                println!("token revoked");
            }
        }
        TokenCommand::List => {
            let orgs = hub.orgs()?;
            let org_name = |id: i64| orgs.iter().find(|o| o.id == id).map_or("?", |o| o.name.as_str()).to_string();
            let tokens = hub.tokens()?;
            if json {
                let items: Vec<_> = tokens
                    .iter()
                    .map(|t| json!({"id": t.id, "org": org_name(t.org_id), "role": t.role.as_str(), "created": t.created, "revoked": t.revoked}))
                    .collect();
                println!("{}", json!({ "tokens": items }));
            } else {
                for t in tokens {
                    println!(
                        "{}  {:<30} {:<8} {}{}",
                        t.id,
                        org_name(t.org_id),
                        t.role.as_str(),
                        t.created,
                        t.revoked.map(|r| format!("  revoked {r}")).unwrap_or_default()
                    );
                }
            }
        }
    }
    Ok(())
}

pub fn collection(data: &Path, json: bool, cmd: CollectionCommand) -> anyhow::Result<()> {
    let hub = open_hub(data, HubConfig::default())?;
    match cmd {
        CollectionCommand::Add { name, read, write, public, description } => {
            let read = if read.trim() == "all" { ReadGrant::AllMembers } else { ReadGrant::Orgs(names(&read)) };
            let spec = CollectionSpec { title: name.clone(), description, read, write: names(&write), public };
            let c = hub.add_collection(&spec, ACTOR).with_context(|| format!("adding collection '{name}'"))?;
            if json {
                println!("{}", json!({"id": c.id, "title": c.title}));
            } else {
                println!("collection '{}' added: {}", c.title, c.id);
            }
        }
        CollectionCommand::List => {
            let cols = hub.all_collections()?;
            if json {
                let items: Vec<_> = cols
                    .iter()
                    .map(|c| json!({"id": c.id, "title": c.title, "read_all": c.read_all, "public": c.public, "readers": c.readers, "writers": c.writers}))
                    .collect();
                println!("{}", json!({ "collections": items }));
            } else {
                for c in cols {
                    println!(
                        "{}  {:<30} read={} public={}",
                        c.id,
                        c.title,
                        if c.read_all { "all".into() } else { format!("{:?}", c.readers) },
                        c.public
                    );
                }
            }
        }
    }
    Ok(())
}

pub fn audit(data: &Path, json: bool, args: AuditArgs) -> anyhow::Result<()> {
    let hub = open_hub(data, HubConfig::default())?;
    let entries = hub.audit_entries(args.after, args.limit)?;
    if json {
        let items: Vec<_> = entries
            .iter()
            .map(|e| json!({"seq": e.seq, "at": e.at, "actor": e.actor, "action": e.action, "target": e.target, "outcome": e.outcome, "detail": e.detail}))
            .collect();
        println!("{}", json!({ "entries": items }));
    } else {
        for e in entries {
            println!("{:>6} {} {:<40} {:<16} {:<8} {} {}", e.seq, e.at, e.actor, e.action, e.outcome, e.target, e.detail);
        }
    }
    Ok(())
}

fn identity(hub: &hub::Hub, json: bool, cmd: IdentityCommand) -> anyhow::Result<()> {
    let show = |b: &store::IdentityBinding, org: &str| json!({"identity_id": b.identity_id, "org": org, "bound_at": b.bound_at, "bound_by": b.bound_by});
    match cmd {
        IdentityCommand::Add { org, identity } => {
            let b = hub.bind_identity(&org, &identity, ACTOR).with_context(|| format!("binding {identity} to '{org}'"))?;
            if json {
                println!("{}", show(&b, &org));
            } else {
                println!("{} now speaks for '{org}'", b.identity_id);
            }
        }
        IdentityCommand::List { org } => {
            let bindings = hub.identity_bindings(org.as_deref()).context("listing identity bindings")?;
            if json {
                let items: Vec<_> = bindings.iter().map(|(b, org)| show(b, org)).collect();
                println!("{}", json!({ "bindings": items }));
            } else {
                for (b, org) in &bindings {
                    println!("{:<48} {:<30} {} ({})", b.identity_id, org, b.bound_at, b.bound_by);
                }
            }
        }
        IdentityCommand::Remove { identity } => {
            hub.unbind_identity(&identity, ACTOR).with_context(|| format!("removing the binding of {identity}"))?;
            if json {
                println!("{}", json!({"identity_id": identity, "removed": true}));
            } else {
                println!("{identity} is no longer bound");
            }
        }
    }
    Ok(())
}
