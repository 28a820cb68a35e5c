//! The configuration file of `postern serve` and `postern config`: every `serve` setting, under
//! its long flag's name with `_` for `-`, read from TOML and handed to clap as if it were typed.
//!
//! The keys are not a second list: they are read from clap's definition of `serve` (and the
//! global `--data` and `--database`), so a new flag is a new key without anyone editing this
//! file. Precedence, highest first: command-line flags, environment variables, the file, the
//! built-in defaults. That order falls out of clap itself: a key of the file becomes a flag only
//! when clap found neither a flag nor an environment variable for it.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::parser::ValueSource;
use clap::{ArgAction, CommandFactory, FromArgMatches};
use serde_spanned::Spanned;

use crate::Cli;

/// Where `serve` looks for its configuration when neither `--config` nor `POSTERN_CONFIG` says.
pub const DEFAULT_PATH: &str = "/etc/postern/postern.toml";
/// The global arguments that are `serve` settings too.
const GLOBAL_KEYS: &[&str] = &["data", "database"];
/// Arguments of `serve` that choose the file rather than being settings in it.
const NOT_SETTINGS: &[&str] = &["config", "no-config", "help"];
/// The configuration file `serve` read, for its start-up log (logging starts after parsing).
pub static READ: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
/// What a secret's value is shown as.
const MASK: &str = "********";

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Validate a configuration file and print the effective settings of `serve` (secrets masked).
    Check {
        /// The file to check (default: $POSTERN_CONFIG, else /etc/postern/postern.toml).
        #[arg(long, env = "POSTERN_CONFIG")]
        config: Option<PathBuf>,
    },
    /// Print the commented example configuration, generated from the flags of `serve`.
    Example,
}

/// One setting of `serve`: a flag of clap's definition.
#[derive(Debug, Clone)]
pub struct Setting {
    /// The file's key: the long flag with `_` for `-`.
    pub key: String,
    long: String,
    id: String,
    help: String,
    value_name: String,
    defaults: Vec<String>,
    env: Option<String>,
    /// A switch (`--posture-no-https`): `true` or `false` in the file.
    switch: bool,
    /// Repeatable (`--trusted-proxy`): an array in the file.
    repeated: bool,
    secret: bool,
    global: bool,
}

/// Every setting `serve` takes, in the order `postern serve --help` lists them.
pub fn settings() -> Vec<Setting> {
    let cli = Cli::command();
    let globals = cli.get_arguments().filter(|a| a.get_long().is_some_and(|l| GLOBAL_KEYS.contains(&l))).map(|a| (a, true));
    let serve = cli.find_subcommand("serve").map(|c| c.get_arguments().map(|a| (a, false)).collect::<Vec<_>>()).unwrap_or_default();
    globals
        .chain(serve)
        .filter_map(|(arg, global)| {
            let long = arg.get_long()?;
            if NOT_SETTINGS.contains(&long) {
                return None;
            }
            Some(Setting {
                key: long.replace('-', "_"),
                long: long.to_string(),
                id: arg.get_id().to_string(),
                help: sentence(arg.get_long_help().or(arg.get_help()).map(|h| h.to_string()).unwrap_or_default()),
                value_name: arg.get_value_names().and_then(|v| v.first()).map_or_else(|| long.to_uppercase(), |v| v.to_string()),
                defaults: arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect(),
                env: arg.get_env().map(|e| e.to_string_lossy().into_owned()),
                switch: matches!(arg.get_action(), ArgAction::SetTrue),
                repeated: matches!(arg.get_action(), ArgAction::Append),
                secret: arg.is_hide_env_values_set(),
                global,
            })
        })
        .collect()
}

/// Help text as a sentence: clap drops the full stop of a one-line help.
fn sentence(mut help: String) -> String {
    if !help.is_empty() && !help.ends_with('.') {
        help.push('.');
    }
    help
}

/// A configuration file read and checked against [`settings`]: per key, the flags it stands for.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug)]
struct Entry {
    line: usize,
    args: Vec<OsString>,
}

impl ConfigFile {
    /// Reads and checks `path`: TOML syntax, known keys, and the shape of each value. The values
    /// themselves are checked by clap's own parsers when the file is applied.
    pub fn load(path: &Path) -> anyhow::Result<ConfigFile> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading the configuration file {}", path.display()))?;
        ConfigFile::parse(path, &text)
    }

    fn parse(path: &Path, text: &str) -> anyhow::Result<ConfigFile> {
        let table: BTreeMap<Spanned<String>, Spanned<toml::Value>> =
            toml::from_str(text).with_context(|| format!("{} is not valid TOML", path.display()))?;
        let known = settings();
        let mut entries = BTreeMap::new();
        for (key, value) in table {
            let line = line_of(text, key.span().start);
            let Some(setting) = known.iter().find(|s| s.key == *key.get_ref()) else {
                bail!(
                    "{}:{line}: unknown key `{}` (keys are the long flags of `postern serve` with `_` for `-`; see `postern config example`)",
                    path.display(),
                    key.get_ref()
                );
            };
            let args =
                flags_for(setting, value.get_ref()).map_err(|why| anyhow::anyhow!("{}:{line}: `{}` {why}", path.display(), setting.key))?;
            entries.insert(setting.key.clone(), Entry { line, args });
        }
        Ok(ConfigFile { path: path.to_path_buf(), entries })
    }
}

/// The command-line flags a key of the file stands for.
fn flags_for(setting: &Setting, value: &toml::Value) -> Result<Vec<OsString>, String> {
    let flag = |v: &str| OsString::from(format!("--{}={v}", setting.long));
    if setting.switch {
        return match value {
            toml::Value::Boolean(true) => Ok(vec![OsString::from(format!("--{}", setting.long))]),
            toml::Value::Boolean(false) => Ok(Vec::new()),
            _ => Err("takes true or false".into()),
        };
    }
    match value {
        toml::Value::Array(items) if setting.repeated => items.iter().map(|v| scalar(v).map(|s| flag(&s))).collect(),
        toml::Value::Array(_) => Err("takes one value, not a list".into()),
        v => scalar(v).map(|s| vec![flag(&s)]),
    }
}

fn scalar(value: &toml::Value) -> Result<String, String> {
    match value {
        toml::Value::String(s) => Ok(s.clone()),
        toml::Value::Integer(i) => Ok(i.to_string()),
        toml::Value::Float(f) => Ok(f.to_string()),
        toml::Value::Boolean(b) => Ok(b.to_string()),
        toml::Value::Datetime(d) => Ok(d.to_string()),
        toml::Value::Array(_) | toml::Value::Table(_) => Err("takes a string, a number or a boolean here".into()),
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |before| before.matches('\n').count()) + 1
}

/// Where an effective setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(String),
    File(usize),
    Default,
    Unset,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("command line"),
            Source::Env(name) => write!(f, "environment {name}"),
            Source::File(line) => write!(f, "config line {line}"),
            Source::Default => f.write_str("default"),
            Source::Unset => f.write_str("unset"),
        }
    }
}

/// The command line after the configuration file was applied.
pub struct Resolved {
    pub cli: Cli,
    /// Per setting: its values as clap received them and where they came from.
    pub effective: Vec<(Setting, Vec<String>, Source)>,
}

/// The command line's definition, its `--version` naming the schema version and git revision.
pub fn command() -> clap::Command {
    let version =
        format!("{} (schema {}, git {})", env!("CARGO_PKG_VERSION"), store::sqlite_backup::SCHEMA_VERSION, env!("POSTERN_GIT_REV"));
    // clap keeps a &'static str; this runs once or twice per process.
    Cli::command().version(&*Box::leak(version.into_boxed_str()))
}

/// Parses the process's command line; for `serve`, applies its configuration file. Exits with
/// clap's usage message on a bad command line and with the file's error on a bad file.
pub fn parse_cli() -> Cli {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let first = command().try_get_matches_from(&argv).unwrap_or_else(|e| e.exit());
    let Some(("serve", sub)) = first.subcommand() else {
        return Cli::from_arg_matches(&first).unwrap_or_else(|e| e.exit());
    };
    let explicit = sub.get_one::<PathBuf>("config").cloned();
    let path = match explicit {
        Some(p) => Some(p),
        None if sub.get_flag("no_config") => None,
        None => Some(PathBuf::from(DEFAULT_PATH)).filter(|p| p.exists()),
    };
    match resolve(argv, path.as_deref()) {
        Ok(resolved) => {
            if let Some(p) = path {
                let _ = READ.set(p);
            }
            resolved.cli
        }
        Err(e) => {
            eprintln!("postern: error: {e:#}");
            std::process::exit(2);
        }
    }
}

/// Applies the file at `path` (if any) to `argv`, a `serve` command line.
pub fn resolve(mut argv: Vec<OsString>, path: Option<&Path>) -> anyhow::Result<Resolved> {
    let first = Cli::command().try_get_matches_from(&argv).context("parsing the command line")?;
    let file = path.map(ConfigFile::load).transpose()?;
    let known = settings();
    let mut sources = Vec::new();
    for setting in known {
        let matches = if setting.global { &first } else { first.subcommand_matches("serve").context("not a `serve` command line")? };
        let source = match matches.value_source(&setting.id) {
            Some(ValueSource::CommandLine) => Source::Flag,
            Some(ValueSource::EnvVariable) => Source::Env(setting.env.clone().unwrap_or_default()),
            _ => match file.as_ref().and_then(|f| f.entries.get(&setting.key)) {
                Some(entry) => {
                    argv.extend(entry.args.iter().cloned());
                    Source::File(entry.line)
                }
                None if setting.defaults.is_empty() && !setting.switch => Source::Unset,
                None => Source::Default,
            },
        };
        sources.push((setting, source));
    }
    let matches = Cli::command().try_get_matches_from(&argv).map_err(|e| value_error(&e, file.as_ref()))?;
    let cli = Cli::from_arg_matches(&matches).map_err(|e| value_error(&e, file.as_ref()))?;
    let serve = matches.subcommand_matches("serve").context("not a `serve` command line")?;
    let effective = sources
        .into_iter()
        .map(|(setting, source)| {
            let from = if setting.global { &matches } else { serve };
            let values = raw_values(from, &setting);
            (setting, values, source)
        })
        .collect();
    Ok(Resolved { cli, effective })
}

fn raw_values(matches: &clap::ArgMatches, setting: &Setting) -> Vec<String> {
    if setting.switch {
        return vec![matches.get_flag(&setting.id).to_string()];
    }
    matches.get_raw(&setting.id).map(|v| v.map(|s| s.to_string_lossy().into_owned()).collect()).unwrap_or_default()
}

/// A clap error about a value that came from the file, told with the file's name and line.
fn value_error(e: &clap::Error, file: Option<&ConfigFile>) -> anyhow::Error {
    let rendered = e.render().to_string();
    let first_line = rendered.lines().next().unwrap_or_default().trim_start_matches("error: ").to_string();
    let culprit = e.get(clap::error::ContextKind::InvalidArg).map(|v| v.to_string());
    let at = file.zip(culprit).and_then(|(f, arg)| {
        let long = arg.trim_start_matches("--").split([' ', '=']).next().unwrap_or_default().replace('-', "_");
        f.entries.get(&long).map(|entry| format!("{}:{}: `{long}`: ", f.path.display(), entry.line))
    });
    match at {
        Some(at) => anyhow::anyhow!("{at}{first_line}"),
        None => anyhow::anyhow!("{first_line}"),
    }
}

pub fn run(json: bool, command: ConfigCommand) -> anyhow::Result<()> {
    match command {
        ConfigCommand::Check { config } => check(json, config),
        ConfigCommand::Example => {
            print!("{}", example());
            Ok(())
        }
    }
}

fn check(json: bool, config: Option<PathBuf>) -> anyhow::Result<()> {
    let path = config.unwrap_or_else(|| PathBuf::from(DEFAULT_PATH));
    let argv = vec![OsString::from("postern"), OsString::from("serve")];
    let resolved = resolve(argv, Some(&path))?;
    if let crate::Command::Serve(args) = &resolved.cli.command {
        super::serve::validate(args)?;
    }
    if json {
        let settings: Vec<_> = resolved
            .effective
            .iter()
            .map(|(s, values, source)| {
                let shown = masked(s, values);
                let value = match (s.repeated, shown.as_slice()) {
                    (true, list) => serde_json::json!(list),
                    (false, []) => serde_json::Value::Null,
                    (false, [one, ..]) => serde_json::json!(one),
                };
                serde_json::json!({"key": s.key, "value": value, "source": source.to_string()})
            })
            .collect();
        println!("{}", serde_json::json!({"config": path.display().to_string(), "valid": true, "settings": settings}));
        return Ok(());
    }
    println!("# {} is valid. Effective settings of `postern serve` (flags > environment > file > defaults):", path.display());
    for (s, values, source) in &resolved.effective {
        let shown = masked(s, values);
        match (s.repeated, shown.as_slice()) {
            (true, list) => println!("{} = [{}]  # {source}", s.key, list.iter().map(|v| toml_literal(v)).collect::<Vec<_>>().join(", ")),
            (false, []) => println!("# {} (unset)", s.key),
            (false, [one, ..]) => println!("{} = {}  # {source}", s.key, toml_literal(one)),
        }
    }
    Ok(())
}

/// A setting's values with secrets masked.
fn masked(setting: &Setting, values: &[String]) -> Vec<String> {
    values
        .iter()
        .map(|v| match (setting.secret, setting.key.as_str()) {
            (true, _) => MASK.to_string(),
            (false, "database") => mask_url_password(v),
            _ => v.clone(),
        })
        .collect()
}

/// `postgres://user:secret@host/db` shown as `postgres://user:********@host/db`; a key=value
/// connection string's `password=...` likewise.
fn mask_url_password(url: &str) -> String {
    if let Some((scheme, rest)) = url.split_once("://") {
        return match rest.split_once('@').and_then(|(userinfo, host)| userinfo.split_once(':').map(|(user, _)| (user, host))) {
            Some((user, host)) => format!("{scheme}://{user}:{MASK}@{host}"),
            None => url.to_string(),
        };
    }
    url.split_whitespace()
        .map(|kv| if kv.starts_with("password=") { format!("password={MASK}") } else { kv.to_string() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value as TOML: numbers and booleans bare, everything else a string.
fn toml_literal(value: &str) -> String {
    if value.parse::<i64>().is_ok() || value == "true" || value == "false" {
        return value.to_string();
    }
    toml::Value::String(value.to_string()).to_string()
}

/// The commented example configuration, every key with its help, environment variable and
/// default; `packaging/postern.example.toml` is this text (a test keeps them equal).
pub fn example() -> String {
    let mut out = String::from(
        "# Postern: configuration of `postern serve` (generated by `postern config example`; do not edit\n\
         # by hand, regenerate it). `postern serve` reads /etc/postern/postern.toml when it exists, or\n\
         # the file given with --config or POSTERN_CONFIG; `postern config check --config FILE` validates\n\
         # a file and prints the effective settings.\n\
         #\n\
         # Every key is a long flag of `postern serve` with `_` for `-`. Precedence, highest first:\n\
         # command-line flags, environment variables, this file, the built-in defaults. An unknown key\n\
         # is an error. Uncomment a line to change a setting.\n",
    );
    for s in settings() {
        out.push('\n');
        for line in wrap(&s.help, 96) {
            out.push_str(format!("# {line}").trim_end());
            out.push('\n');
        }
        if let Some(env) = &s.env {
            out.push_str(&format!("# Environment variable: {env}.\n"));
        }
        let value = match (s.switch, s.repeated, s.defaults.as_slice()) {
            (true, _, _) => "false".to_string(),
            (false, true, d) => format!("[{}]", d.iter().map(|v| toml_literal(v)).collect::<Vec<_>>().join(", ")),
            (false, false, [one, ..]) => toml_literal(one),
            (false, false, []) => toml_literal(&format!("<{}>", s.value_name)),
        };
        out.push_str(&format!("#{} = {value}\n", s.key));
    }
    out
}

/// Words of `text` in lines of at most `width` characters (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + 1 + word.len() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> Result<Vec<(String, Vec<String>)>, String> {
        ConfigFile::parse(Path::new("t.toml"), text)
            .map(|f| {
                f.entries.into_iter().map(|(k, e)| (k, e.args.into_iter().map(|a| a.to_string_lossy().into_owned()).collect())).collect()
            })
            .map_err(|e| format!("{e:#}"))
    }

    #[test]
    fn keys_become_the_flags_they_name() {
        let got =
            check("listen = \"0.0.0.0:8443\"\nlive_timeout = 5\nposture_no_https = true\ntrusted_proxy = [\"10.0.0.0/8\", \"::1/128\"]\n")
                .expect("valid");
        let want: Vec<(String, Vec<String>)> = vec![
            ("listen".into(), vec!["--listen=0.0.0.0:8443".into()]),
            ("live_timeout".into(), vec!["--live-timeout=5".into()]),
            ("posture_no_https".into(), vec!["--posture-no-https".into()]),
            ("trusted_proxy".into(), vec!["--trusted-proxy=10.0.0.0/8".into(), "--trusted-proxy=::1/128".into()]),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let err = check("listen = \"127.0.0.1:1\"\n\n  listn = \"x\"\n").expect_err("unknown key");
        assert!(err.starts_with("t.toml:3: unknown key `listn`"), "{err}");
    }

    #[test]
    fn a_value_of_the_wrong_shape_is_named_with_its_line() {
        let err = check("data = \"/srv\"\nlisten = [\"a\", \"b\"]\n").expect_err("a list");
        assert!(err.starts_with("t.toml:2: `listen` takes one value"), "{err}");
        let err = check("posture_no_https = \"yes\"\n").expect_err("not a boolean");
        assert!(err.starts_with("t.toml:1: `posture_no_https` takes true or false"), "{err}");
    }

    #[test]
    fn secrets_in_database_urls_are_masked() {
        assert_eq!(mask_url_password("postgres://hub:s3cret@db:5432/postern"), "postgres://hub:********@db:5432/postern");
        assert_eq!(mask_url_password("postgres://hub@db/postern"), "postgres://hub@db/postern");
        assert_eq!(mask_url_password("host=db password=s3cret dbname=p"), "host=db password=******** dbname=p");
    }

    #[test]
    fn every_serve_flag_is_a_setting() {
        let keys: Vec<String> = settings().into_iter().map(|s| s.key).collect();
        for key in ["data", "database", "listen", "live_checks", "metrics_token", "trusted_proxy", "posture_https_port"] {
            assert!(keys.contains(&key.to_string()), "{key} missing from {keys:?}");
        }
        assert!(!keys.iter().any(|k| k == "config" || k == "help"));
    }
}
