//! `postern user`: portal accounts (people who sign in to the members' workspace).

use std::io::BufRead;
use std::path::Path;

use anyhow::Context;
use store::Role;

#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Create a portal user of an organisation; the password is read from stdin (one line).
    Add {
        /// Login name: 2 to 64 characters among a-z, 0-9, '.', '_' and '-'.
        username: String,
        /// Organisation the user acts for.
        #[arg(long)]
        org: String,
        /// admin, analyst or reader (hub administrators are admins of the hub organisation).
        #[arg(long, default_value = "analyst", value_parser = parse_role)]
        role: Role,
    },
    /// List portal users.
    List,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("'{s}' is not a role (admin, analyst, reader)"))
}

pub fn run(data: &Path, json: bool, cmd: UserCommand) -> anyhow::Result<()> {
    // Accounts live where the server keeps them: the embedded SQLite database or PostgreSQL.
    if super::is_database_url(data) {
        let url = data.to_str().context("the database URL is not UTF-8")?;
        let store = store::PgStore::open(url).context("opening the PostgreSQL database")?;
        return with_store(&store, json, cmd);
    }
    let store = store::SqliteStore::open(data).with_context(|| format!("opening the database in {}", data.display()))?;
    with_store(&store, json, cmd)
}

fn with_store<S: store::MemberStore + store::PortalStore>(store: &S, json: bool, cmd: UserCommand) -> anyhow::Result<()> {
    match cmd {
        UserCommand::Add { username, org, role } => {
            let mut password = String::new();
            std::io::stdin().lock().read_line(&mut password).context("reading the password from stdin")?;
            let password = password.trim_end_matches(['\n', '\r']);
            let user = server::portal::add_user(store, &org, &username, password, role).context("creating the user")?;
            if json {
                println!("{}", serde_json::json!({"username": user.username, "org": org, "role": user.role.as_str()}));
            } else {
                println!("user '{}' of '{}' created with role {}", user.username, org, user.role.as_str());
            }
        }
        UserCommand::List => {
            let orgs = store.list_orgs()?;
            let users = store.list_users()?;
            let rows: Vec<_> = users
                .iter()
                .map(|u| {
                    let org = orgs.iter().find(|o| o.id == u.org_id).map_or("", |o| o.name.as_str());
                    serde_json::json!({"username": u.username, "org": org, "role": u.role.as_str(), "disabled": u.disabled})
                })
                .collect();
            if json {
                println!("{}", serde_json::json!({"users": rows}));
            } else {
                for r in rows {
                    println!(
                        "{}\t{}\t{}",
                        r["username"].as_str().unwrap_or(""),
                        r["org"].as_str().unwrap_or(""),
                        r["role"].as_str().unwrap_or("")
                    );
                }
            }
        }
    }
    Ok(())
}
