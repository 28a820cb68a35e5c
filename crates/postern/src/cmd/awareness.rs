//! `postern awareness`: list the shipped micro-lessons and move their quizzes out of and into
//! Moodle GIFT files; export a role track as a SCORM 1.2 package; import learner groups and show
//! completion per group; the xAPI sender of `serve` (`awareness/xapi.rs`); list the simulation
//! templates; run campaigns (`awareness/campaign.rs`, sent by `send.rs` and `sms.rs`); poll the
//! report address's mailbox (`mailbox.rs`). The rules and the content live in the `awareness`
//! crate; this reads and writes files and prints.

use std::path::{Path, PathBuf};

use anyhow::Context;
use awareness::{Language, Library, QuestionKind, Track, gift};
use serde_json::json;

mod campaign;
pub mod mailbox;
pub mod scheduled;
mod send;
mod sms;
pub mod xapi;

/// `postern awareness ...`
#[derive(Debug, clap::Subcommand)]
pub enum AwarenessCommand {
    /// List the micro-lessons: id, title, tracks, minutes, version and quiz size.
    Lessons(LessonsArgs),
    /// Export the lessons' quizzes to a GIFT file, or check and read a GIFT file.
    #[command(subcommand)]
    Gift(GiftCommand),
    /// Export a role track as a course for a learning management system.
    #[command(subcommand)]
    Export(ExportCommand),
    /// List the shipped phishing and smishing simulation templates with their NIST Phish Scale
    /// cues and difficulty per role track.
    Templates,
    /// Simulation campaigns: create one from a target list, record reports and opt-outs, read
    /// its results.
    #[command(subcommand)]
    Campaign(campaign::CampaignCommand),
    /// The report address's mailbox over IMAP: each unseen message goes through the report
    /// button's path (simulation: "well spotted" recorded; real: analysed into the triage queue).
    #[command(subcommand)]
    Mailbox(MailboxCommand),
    /// Learner groups: set the groups of the organisation's members from a CSV list.
    #[command(subcommand)]
    Learners(LearnersCommand),
    /// Lesson completion per group of an organisation's members (groups under 5 people are
    /// suppressed).
    Completion {
        /// The organisation.
        #[arg(long)]
        org: String,
    },
    /// Delete person-level simulation events older than the retention period and erase the
    /// addresses of older campaigns' targets (`postern serve` does it every hour).
    Purge {
        /// Days kept.
        #[arg(long, default_value_t = portal::awareness_service::DEFAULT_RETENTION_DAYS, value_parser = clap::value_parser!(u32).range(1..))]
        days: u32,
    },
}

/// `postern awareness mailbox ...`
#[derive(Debug, clap::Subcommand)]
pub enum MailboxCommand {
    /// Poll the mailbox once (`postern serve --report-imap-url ...` polls it continuously):
    /// handled messages are marked seen, unreadable ones flagged and left unseen.
    Poll(Box<mailbox::MailboxArgs>),
}

/// Which lessons: a language and optionally one role track.
#[derive(Debug, clap::Args)]
pub struct LessonsArgs {
    /// Language of the lessons: en or fr.
    #[arg(long, default_value = "en", value_parser = parse_language)]
    pub lang: Language,
    /// Only the lessons of this track: counter_clerk, delivery_staff, call_centre, it_admin,
    /// management or citizen.
    #[arg(long, value_parser = parse_track)]
    pub track: Option<Track>,
}

#[derive(Debug, clap::Subcommand)]
pub enum GiftCommand {
    /// Write the quizzes of the selected lessons to FILE, one `$CATEGORY` per lesson (Moodle
    /// imports it under Question bank > Import > GIFT format).
    Export {
        file: PathBuf,
        #[command(flatten)]
        lessons: LessonsArgs,
    },
    /// Read a GIFT file and print its questions; a question outside the supported subset or a
    /// syntax error fails with its line number.
    Import { file: PathBuf },
}

#[derive(Debug, clap::Subcommand)]
pub enum LearnersCommand {
    /// Read FILE (CSV with a header row: `username` required, `group` optional, other columns
    /// ignored) and set the groups of those members of --org; all or nothing.
    Import {
        file: PathBuf,
        /// The organisation the members belong to.
        #[arg(long)]
        org: String,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// Write a role track's lessons and quizzes as a SCORM 1.2 package: a zip with
    /// imsmanifest.xml and one page per lesson and quiz (Moodle: Add an activity > SCORM
    /// package).
    Scorm {
        /// The role track: counter_clerk, delivery_staff, call_centre, it_admin, management or
        /// citizen.
        #[arg(long, value_parser = parse_track)]
        track: Track,
        /// Language of the course: en or fr.
        #[arg(long, default_value = "en", value_parser = parse_language)]
        lang: Language,
        /// The zip file to write.
        #[arg(long)]
        out: PathBuf,
    },
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::from_key(s).ok_or_else(|| format!("unknown language {s:?}: en or fr"))
}

fn parse_track(s: &str) -> Result<Track, String> {
    Track::from_key(s).ok_or_else(|| {
        let keys: Vec<&str> = Track::ALL.iter().map(|t| t.key()).collect();
        format!("unknown track {s:?}: one of {}", keys.join(", "))
    })
}

/// Run `postern awareness`.
pub fn run(data: &Path, json: bool, command: AwarenessCommand) -> anyhow::Result<()> {
    let library = || Library::embedded().context("loading the shipped lessons");
    match command {
        AwarenessCommand::Lessons(args) => lessons(&library()?, json, &args),
        AwarenessCommand::Gift(GiftCommand::Export { file, lessons }) => export(&library()?, json, &file, &lessons),
        AwarenessCommand::Gift(GiftCommand::Import { file }) => import(json, &file),
        AwarenessCommand::Export(ExportCommand::Scorm { track, lang, out }) => scorm(&library()?, json, track, lang, &out),
        AwarenessCommand::Templates => templates(json),
        AwarenessCommand::Campaign(c) => campaign::run(data, json, c),
        AwarenessCommand::Mailbox(MailboxCommand::Poll(a)) => poll_mailbox(data, json, &a),
        AwarenessCommand::Purge { days } => campaign::on_store(data, |store| purge(store, json, days)),
        AwarenessCommand::Learners(LearnersCommand::Import { file, org }) => campaign::learners(data, json, &org, &file),
        AwarenessCommand::Completion { org } => campaign::completion(data, json, &org),
    }
}

/// The report path of the hub's faces for the mailbox of `org` (an organisation's name).
pub fn mailbox_reporter(state: &server::AppState, org: &str) -> anyhow::Result<mailbox::FileReport> {
    let org = state
        .hub
        .orgs()
        .context("reading the organisations")?
        .into_iter()
        .find(|o| o.name == org)
        .with_context(|| format!("--report-imap-org: no organisation named '{org}' (postern org list)"))?;
    let portal = server::portal_state(state);
    Ok(std::sync::Arc::new(move |text: &str| portal::awareness_report(&portal, &org, text, "imap")))
}

/// The report mailbox `serve` polls, with its report path; `None` without `--report-imap-url`.
pub fn report_mailbox(
    state: &server::AppState,
    a: &mailbox::MailboxArgs,
) -> anyhow::Result<Option<(mailbox::Mailbox, mailbox::FileReport)>> {
    let Some(m) = mailbox::Mailbox::from_args(a)? else { return Ok(None) };
    let file = mailbox_reporter(state, &m.org)?;
    Ok(Some((m, file)))
}

fn poll_mailbox(data: &Path, json: bool, a: &mailbox::MailboxArgs) -> anyhow::Result<()> {
    let mailbox = mailbox::Mailbox::from_args(a)?.context("--report-imap-url: the mailbox to poll is needed")?;
    let target = data.to_str().context("the data directory path is not UTF-8")?;
    let stores = store::open_serve(target).context("opening the database")?;
    let hub = hub::Hub::open(stores.hub, hub::HubConfig::default()).context("opening the hub")?;
    let state = server::AppState::new(hub, false).with_portal_store(stores.portal).with_awareness(stores.awareness);
    let file = mailbox_reporter(&state, &mailbox.org)?;
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().context("starting the async runtime")?;
    let poll = runtime.block_on(mailbox.poll(&file))?;
    if json {
        println!("{}", serde_json::to_value(&poll)?);
    } else {
        println!(
            "report mailbox: {} simulation reports (well spotted), {} real messages filed for triage, {} unreadable (flagged), {} left for the next poll",
            poll.simulations, poll.real, poll.malformed, poll.deferred
        );
    }
    Ok(())
}

fn purge(store: &dyn store::awareness::AwarenessStore, json: bool, days: u32) -> anyhow::Result<()> {
    let before = portal::awareness_service::purge_cutoff(chrono::Utc::now(), days);
    let purged = store.purge_before(&before)?;
    if json {
        println!("{}", json!({"before": before, "events": purged.events, "targets": purged.targets, "statements": purged.statements}));
    } else {
        println!(
            "purged {} events and {} sent xAPI statements and erased {} target addresses older than {before}",
            purged.events, purged.statements, purged.targets
        );
    }
    Ok(())
}

/// The purge `postern serve` runs: at start, then every hour; a failure is logged and retried
/// at the next run.
pub async fn purge_every_hour(store: std::sync::Arc<dyn store::awareness::AwarenessStore>, days: u32) {
    let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        tick.tick().await;
        let (s, before) = (store.clone(), portal::awareness_service::purge_cutoff(chrono::Utc::now(), days));
        match tokio::task::spawn_blocking(move || s.purge_before(&before)).await {
            Ok(Ok(p)) if p.events + p.targets + p.statements > 0 => {
                tracing::info!(events = p.events, targets = p.targets, statements = p.statements, "awareness retention purge")
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::error!(error = %e, "awareness retention purge failed"),
            Err(e) => tracing::error!(error = %e, "awareness retention purge stopped"),
        }
    }
}

fn lessons(library: &Library, json: bool, args: &LessonsArgs) -> anyhow::Result<()> {
    let selected = library.lessons(args.lang, args.track);
    if json {
        let rows: Vec<_> = selected
            .iter()
            .map(|l| {
                json!({"id": l.id, "title": l.title, "tracks": l.tracks, "minutes": l.minutes, "version": l.version,
                       "language": l.language, "questions": l.quiz.len()})
            })
            .collect();
        println!("{}", json!({"language": args.lang, "lessons": rows}));
    } else {
        let mut out = String::new();
        for l in selected {
            let tracks: Vec<&str> = l.tracks.iter().map(|t| t.key()).collect();
            out += &format!("{:<28} {} min  v{}  {} q  {:<30} {}\n", l.id, l.minutes, l.version, l.quiz.len(), tracks.join(","), l.title);
        }
        print_text(&out)?;
    }
    Ok(())
}

/// Writes listing text to stdout; a reader that stops early (`| head`) is not an error.
fn print_text(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("writing to stdout"),
        _ => Ok(()),
    }
}

fn export(library: &Library, json: bool, file: &Path, args: &LessonsArgs) -> anyhow::Result<()> {
    let selected = library.lessons(args.lang, args.track);
    let mut questions = Vec::new();
    for lesson in &selected {
        let category = format!("postern/{}/{}", lesson.language.key(), lesson.id);
        questions.extend(lesson.quiz.iter().cloned().map(|q| gift::Question { category: Some(category.clone()), ..q }));
    }
    std::fs::write(file, gift::export(&questions)).with_context(|| format!("writing {}", file.display()))?;
    if json {
        println!("{}", json!({"file": file.display().to_string(), "lessons": selected.len(), "questions": questions.len()}));
    } else {
        println!("wrote {} questions from {} lessons to {}", questions.len(), selected.len(), file.display());
    }
    Ok(())
}

fn scorm(library: &Library, json: bool, track: Track, lang: Language, out: &Path) -> anyhow::Result<()> {
    let bytes = awareness::scorm::package(library, track, lang)?;
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let lessons = library.lessons(lang, Some(track)).len();
    if json {
        println!(
            "{}",
            json!({"file": out.display().to_string(), "format": "scorm-1.2", "track": track.key(), "language": lang.key(),
                   "lessons": lessons, "scos": 2 * lessons, "bytes": bytes.len()})
        );
    } else {
        println!(
            "wrote the SCORM 1.2 package of {} ({}, {lessons} lessons and their quizzes) to {}",
            track.key(),
            lang.key(),
            out.display()
        );
    }
    Ok(())
}

fn import(json: bool, file: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("{}: not UTF-8 text (invalid byte at offset {})", file.display(), e.utf8_error().valid_up_to()))?;
    let questions = gift::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e} [{}]", file.display(), e.kind.code()))?;
    if json {
        println!("{}", json!({"file": file.display().to_string(), "count": questions.len(), "questions": questions}));
    } else {
        let mut out = String::new();
        for q in &questions {
            let kind = match q.kind {
                QuestionKind::MultipleChoice { .. } => "multiple choice",
                QuestionKind::TrueFalse { .. } => "true/false",
            };
            out += &format!("{:<20} {:<16} {}\n", q.name.as_deref().unwrap_or("-"), kind, q.text.lines().next().unwrap_or_default());
        }
        out += &format!("{} questions\n", questions.len());
        print_text(&out)?;
    }
    Ok(())
}

/// One template as `templates --json` and `campaign results` show it.
fn templates(json: bool) -> anyhow::Result<()> {
    let all = awareness::templates::embedded().context("loading the shipped templates")?;
    if json {
        let rows: Vec<_> = all.iter().map(portal::awareness_service::template_json).collect();
        println!("{}", json!({"templates": rows}));
        return Ok(());
    }
    let mut out = String::new();
    for t in &all {
        let langs: Vec<&str> = t.languages().iter().map(|l| l.key()).collect();
        out += &format!(
            "{:<22} {:<5} {:<6} {:>2} cues  {:<15} {}\n",
            t.id,
            t.channel.key(),
            t.difficulty().key(),
            t.cue_total(),
            t.audience.key(),
            langs.join(",")
        );
    }
    print_text(&out)
}
