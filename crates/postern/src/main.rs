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
    /// PostgreSQL database URL (postgres://...) instead of the embedded SQLite in --data.
    #[arg(long, global = true, env = "POSTERN_DATABASE")]
    pub database: Option<String>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the POST-ISAC hub: TAXII 2.1, JSON APIs, health and metrics.
    Serve(Box<cmd::serve::ServeArgs>),
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
    /// Manage portal user accounts (members' workspace logins).
    #[command(subcommand)]
    User(cmd::user::UserCommand),
    /// Check links: verdict, score and reasons (postal brand impersonation, blocklists).
    Check(cmd::check::CheckArgs),
    /// List, show and match the postal brand registry.
    Brands(cmd::brands::BrandsArgs),
    /// Import blocklist feeds (domain or URL lists, CSV, STIX bundles).
    Feeds(cmd::feeds::FeedsArgs),
    /// Analyse SMS or e-mail text: scam or not, lure, brand, URLs, phones, amounts.
    ScanText(cmd::scan_text::ScanTextArgs),
    /// Train the scam message model from labelled data.
    TrainText(cmd::train_text::TrainTextArgs),
    /// Check domains against the .post security bar (DNSSEC, SPF, DMARC, DKIM, TLS, ...).
    Posture(cmd::posture::PostureArgs),
    /// Score a readiness assessment file offline (facilitators in the field).
    Assess(cmd::assess::AssessArgs),
    /// Readiness benchmarks on the hub's database: publish a quarter's snapshot.
    #[command(subcommand)]
    Readiness(cmd::readiness::ReadinessCommand),
    /// Incidents: the regulatory reporting clock (NIS2 early warning, notification, reports).
    #[command(subcommand)]
    Incident(cmd::incident::IncidentCommand),
    /// Joint exercises: scenarios, runs on a hub, score boards and after-action reports.
    #[command(subcommand)]
    Exercise(cmd::exercise::ExerciseCommand),
    /// Awareness: micro-lessons and their quizzes (Moodle GIFT), simulation templates and campaigns.
    #[command(subcommand)]
    Awareness(cmd::awareness::AwarenessCommand),
    /// Benchmark the hub: ingestion and paged TAXII reads on generated data.
    BenchHub(cmd::bench::BenchArgs),
    /// Measure the link and message analysers on the labelled sets under data/.
    Eval(cmd::eval::EvalArgs),
    /// Check a configuration file of `serve`, or print the commented example.
    #[command(subcommand)]
    Config(cmd::config::ConfigCommand),
    /// Back the embedded database and data directory up into one archive, while serving.
    Backup(cmd::backup::BackupArgs),
    /// Restore a backup archive into an empty data directory.
    Restore(cmd::backup::RestoreArgs),
    /// Check a deployment: configuration, database, clock, disk space, TLS certificate.
    Doctor(cmd::doctor::DoctorArgs),
    /// Watch newly seen names (a file, stdin, a zone-file diff) for look-alikes of postal brands.
    Watch(cmd::watch::WatchArgs),
}

fn main() {
    // `serve` reads its configuration file here, before anything else looks at the settings.
    let mut cli = cmd::config::parse_cli();
    // A database URL travels where a data directory would; `cmd::open_hub` tells them apart.
    if let Some(url) = cli.database.take() {
        cli.data = PathBuf::from(url);
    }
    cmd::init_logging(matches!(cli.command, Command::Serve(_)));
    let result = match cli.command {
        Command::Serve(args) => cmd::serve::run(&cli.data, cli.json, *args),
        Command::Org(c) => cmd::admin::org(&cli.data, cli.json, c),
        Command::Token(c) => cmd::admin::token(&cli.data, cli.json, c),
        Command::Collection(c) => cmd::admin::collection(&cli.data, cli.json, c),
        Command::Audit(a) => cmd::admin::audit(&cli.data, cli.json, a),
        Command::Peer(c) => cmd::peer::run(&cli.data, cli.json, c),
        Command::User(c) => cmd::user::run(&cli.data, cli.json, c),
        Command::Check(mut a) => {
            a.json |= cli.json;
            cmd::check::run(&cli.data, a)
        }
        Command::Brands(mut a) => {
            a.json |= cli.json;
            cmd::brands::run(a)
        }
        Command::Feeds(mut a) => {
            if let cmd::feeds::FeedsCommand::Import(i) = &mut a.command {
                i.json |= cli.json;
            }
            cmd::feeds::run(&cli.data, a)
        }
        Command::ScanText(mut a) => {
            a.json |= cli.json;
            cmd::scan_text::run(a)
        }
        Command::TrainText(a) => cmd::train_text::run(a),
        Command::Posture(mut a) => {
            a.json |= cli.json;
            tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .map_err(anyhow::Error::from)
                .and_then(|rt| rt.block_on(cmd::posture::run(a)))
        }
        Command::Assess(mut a) => {
            a.json |= cli.json;
            cmd::assess::run(a)
        }
        Command::Readiness(c) => cmd::readiness::run(&cli.data, cli.json, c),
        Command::Incident(c) => cmd::incident::run(cli.json, c),
        Command::Exercise(c) => cmd::exercise::run(cli.json, c),
        Command::Awareness(c) => cmd::awareness::run(&cli.data, cli.json, c),
        Command::BenchHub(a) => cmd::bench::run(cli.json, a),
        Command::Eval(a) => cmd::eval::run(cli.json, a),
        Command::Config(c) => cmd::config::run(cli.json, c),
        Command::Backup(a) => cmd::backup::backup(&cli.data, cli.json, a),
        Command::Restore(a) => cmd::backup::restore(&cli.data, cli.json, a),
        Command::Doctor(a) => cmd::doctor::run(cli.json, a),
        Command::Watch(a) => cmd::watch::run(&cli.data, a),
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
