//! `postern exercise`: the shipped exercise scenarios and the check of a scenario file
//! (offline), and starting, following and scoring a run on a hub through `/api/v1/exercises`
//! with an API token (the API decides everything; this prints its answers).

use anyhow::Context;

use super::incident::{HubArgs, call};

/// Joint exercises.
#[derive(Debug, clap::Subcommand)]
pub enum ExerciseCommand {
    /// List the shipped scenarios.
    Scenarios(ScenariosArgs),
    /// Check a scenario file (TOML, format in crates/exercises/data/README.md).
    Validate(ValidateArgs),
    /// Start a run of a shipped scenario on a hub, for the token's organisation and others.
    Start(StartArgs),
    /// Show a run: its clock and the injects fallen due for the token's organisation.
    Status(RunArgs),
    /// Show a run's score board.
    Score(RunArgs),
    /// Record a facilitator's judgement of an expectation (the running organisation only).
    Mark(MarkArgs),
    /// Play one of the organisation's incident cases in the run (marks it as exercise).
    AddCase(AddCaseArgs),
    /// End a run: prints the after-action report; improvement actions become incident tasks.
    End(RunArgs),
}

#[derive(Debug, clap::Args)]
pub struct ScenariosArgs {
    /// Language of the texts: en or fr.
    #[arg(long, default_value = "en")]
    pub lang: String,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// The scenario file.
    pub file: std::path::PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct StartArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    /// Scenario id (see `postern exercise scenarios`).
    #[arg(long)]
    pub scenario: String,
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Exercise minutes per real minute (1 to 120).
    #[arg(long, default_value_t = 1)]
    pub speed: u32,
    /// A participating organisation and its role, ORG=ROLE (repeat; include your own).
    #[arg(long = "participant", value_name = "ORG=ROLE", required = true)]
    pub participants: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    /// The run number.
    pub id: i64,
}

#[derive(Debug, clap::Args)]
pub struct MarkArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    pub id: i64,
    /// The expectation id.
    #[arg(long)]
    pub expectation: String,
    /// Met (default) or, with --missed, missed.
    #[arg(long)]
    pub missed: bool,
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Debug, clap::Args)]
pub struct AddCaseArgs {
    #[command(flatten)]
    pub hub: HubArgs,
    pub id: i64,
    /// The incident case number.
    #[arg(long)]
    pub case: i64,
}

pub fn run(json: bool, command: ExerciseCommand) -> anyhow::Result<()> {
    match command {
        ExerciseCommand::Scenarios(a) => scenarios(json, &a.lang),
        ExerciseCommand::Validate(a) => validate(json, &a.file),
        ExerciseCommand::Start(a) => start(json, a),
        ExerciseCommand::Status(a) => status(json, &a),
        ExerciseCommand::Score(a) => score(json, &a),
        ExerciseCommand::Mark(a) => {
            let body = serde_json::json!({"expectation": a.expectation, "met": !a.missed, "note": a.note});
            print_json(&call(&a.hub, reqwest::Method::POST, &format!("/api/v1/exercises/{}/marks", a.id), Some(&body))?)
        }
        ExerciseCommand::AddCase(a) => {
            let body = serde_json::json!({"case": a.case});
            print_json(&call(&a.hub, reqwest::Method::POST, &format!("/api/v1/exercises/{}/cases", a.id), Some(&body))?)
        }
        ExerciseCommand::End(a) => end(json, &a),
    }
}

fn print_json(v: &serde_json::Value) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string_pretty(v)?);
    Ok(())
}

fn scenarios(json: bool, lang: &str) -> anyhow::Result<()> {
    let all = exercises::shipped().context("loading the shipped scenarios")?;
    let list: Vec<_> = all.iter().filter(|s| s.language == lang).collect();
    if list.is_empty() {
        anyhow::bail!("--lang {lang}: no scenario in this language (en, fr)");
    }
    if json {
        let v: Vec<serde_json::Value> = list.iter().map(|s| server::api::exercises::scenario_json(s)).collect();
        return print_json(&serde_json::json!({ "scenarios": v }));
    }
    println!("{:<22} {:>7} {:>8} {:>6}  title", "id", "injects", "expects", "auto");
    for s in list {
        println!("{:<22} {:>7} {:>8} {:>5}%  {}", s.id, s.injects.len(), s.expectations.len(), s.automatic_percent(), s.title);
    }
    Ok(())
}

fn validate(json: bool, file: &std::path::Path) -> anyhow::Result<()> {
    let text = std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
    let s = exercises::parse(&file.display().to_string(), &text)?;
    if json {
        return print_json(&server::api::exercises::scenario_json(&s));
    }
    println!(
        "{}: scenario `{}` ({}) is valid: {} modules, {} injects, {} expectations, {}% scored from the audit trail",
        file.display(),
        s.id,
        s.language,
        s.modules.len(),
        s.injects.len(),
        s.expectations.len(),
        s.automatic_percent()
    );
    Ok(())
}

fn start(json: bool, a: StartArgs) -> anyhow::Result<()> {
    let mut participants = Vec::new();
    for p in &a.participants {
        let Some((org, role)) = p.split_once('=') else { anyhow::bail!("--participant {p}: expected ORG=ROLE") };
        participants.push(serde_json::json!({"org": org, "role": role}));
    }
    let body = serde_json::json!({"scenario": a.scenario, "language": a.lang, "speed": a.speed, "participants": participants});
    let run = call(&a.hub, reqwest::Method::POST, "/api/v1/exercises", Some(&body))?;
    if json {
        return print_json(&run);
    }
    println!("Exercise {} started: {} (speed x{})", run["id"], run["title"].as_str().unwrap_or("-"), run["speed"]);
    Ok(())
}

fn status(json: bool, a: &RunArgs) -> anyhow::Result<()> {
    let run = call(&a.hub, reqwest::Method::GET, &format!("/api/v1/exercises/{}", a.id), None)?;
    if json {
        return print_json(&run);
    }
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    println!(
        "Exercise {}: {} [{}], minute {} of {}, role {}",
        run["id"],
        s(&run["title"]),
        s(&run["status"]),
        run["minute"],
        run["duration"],
        s(&run["role"])
    );
    for i in run["injects"].as_array().cloned().unwrap_or_default() {
        println!("  [{:>4}] {:<10} {}", i["minute"], s(&i["kind"]), s(&i["title"]));
    }
    Ok(())
}

fn print_board(board: &serde_json::Value) {
    let s = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    for e in board["expectations"].as_array().cloned().unwrap_or_default() {
        let how = if e["automatic"] == true { "audit" } else { "facilitator" };
        println!("  {:<8} {:>3}/{:<3} {:<12} {}", s(&e["status"]), e["earned"], e["score"], how, s(&e["title"]));
    }
    let t = &board["totals"];
    println!(
        "  total {}/{} points; met {}, missed {}, expired {}, pending {}",
        t["earned"], t["possible"], t["met"], t["missed"], t["expired"], t["pending"]
    );
}

fn score(json: bool, a: &RunArgs) -> anyhow::Result<()> {
    let board = call(&a.hub, reqwest::Method::GET, &format!("/api/v1/exercises/{}/score", a.id), None)?;
    if json {
        return print_json(&board);
    }
    print_board(&board);
    Ok(())
}

fn end(json: bool, a: &RunArgs) -> anyhow::Result<()> {
    let report = call(&a.hub, reqwest::Method::POST, &format!("/api/v1/exercises/{}/end", a.id), None)?;
    if json {
        return print_json(&report);
    }
    println!("Exercise {} ended. After-action report:", report["id"]);
    print_board(&report["board"]);
    println!("Improvement plan:");
    for p in report["improvement_plan"].as_array().cloned().unwrap_or_default() {
        println!("  due {} owner {}: {}", p["due"].as_str().unwrap_or("-"), p["owners"], p["action"].as_str().unwrap_or("-"));
    }
    Ok(())
}
