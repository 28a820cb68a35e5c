//! `postern`: parse the command line and dispatch to the libraries. Nothing else lives here.

mod cmd;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Postern: cyber-resilience for postal operators.
#[derive(Debug, Parser)]
#[command(name = "postern", version, about, long_about = None)]
pub struct Cli {
    /// Data directory of the embedded database.
    #[arg(long, global = true, env = "POSTERN_DATA", default_value = "./postern-data")]
    pub data: PathBuf,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the POST-ISAC hub: TAXII 2.1, JSON APIs, health and metrics.
    Serve(cmd::serve::ServeArgs),
    /// Manage member organisations.
    #[command(subcommand)]
    Org(cmd::admin::OrgCommand),
    /// Issue and revoke API tokens.
    #[command(subcommand)]
    Token(cmd::admin::TokenCommand),
    /// Manage TAXII collections and who may read and write them.
    #[command(subcommand)]
    Collection(cmd::admin::CollectionCommand),
    /// Print the append-only audit log.
    Audit(cmd::admin::AuditArgs),
    /// Manage federation peerings with other TAXII 2.1 servers.
    #[command(subcommand)]
    Peer(cmd::peer::PeerCommand),
    /// Benchmark the hub: ingestion and paged TAXII reads on generated data.
    BenchHub(cmd::bench::BenchArgs),
}

fn main() {
    let cli = Cli::parse();
    cmd::init_logging(matches!(cli.command, Command::Serve(_)));
    let result = match cli.command {
        Command::Serve(args) => cmd::serve::run(&cli.data, cli.json, args),
        Command::Org(c) => cmd::admin::org(&cli.data, cli.json, c),
        Command::Token(c) => cmd::admin::token(&cli.data, cli.json, c),
        Command::Collection(c) => cmd::admin::collection(&cli.data, cli.json, c),
        Command::Audit(a) => cmd::admin::audit(&cli.data, cli.json, a),
        Command::Peer(c) => cmd::peer::run(&cli.data, cli.json, c),
        Command::BenchHub(a) => cmd::bench::run(cli.json, a),
    };
    if let Err(e) = result {
        if cli.json {
            println!("{}", serde_json::json!({"error": format!("{e:#}")}));
        } else {
            eprintln!("postern: error: {e:#}");
        }
        std::process::exit(1);
    }
}
