//! `postern doctor`: checks a deployment the way `serve` would run it (same configuration
//! file, environment and flags) and reports each finding with a stable code, without starting
//! anything or migrating the database.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use store::sqlite_backup::{DATABASE_FILE, SCHEMA_VERSION};

/// A certificate expiring sooner than this is a warning.
const CERT_WARN_DAYS: i64 = 14;
/// Less free space than this in the data directory is a warning.
const MIN_FREE_BYTES: u64 = 1 << 30;
/// A clock this far behind the newest audit entry is a failure: `date_added` would stall.
const CLOCK_SKEW_SECS: i64 = 300;

#[derive(Debug, clap::Args)]
pub struct DoctorArgs {
    /// The configuration file `serve` reads (default: $POSTERN_CONFIG, else
    /// /etc/postern/postern.toml when it exists).
    #[arg(long, env = "POSTERN_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Ok,
    Warn,
    Fail,
}

impl Status {
    fn name(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Warn => "warn",
            Status::Fail => "fail",
        }
    }
}

/// One finding: a stable code, its status and a sentence for the administrator.
struct Finding {
    code: &'static str,
    status: Status,
    detail: String,
}

fn finding(code: &'static str, status: Status, detail: impl Into<String>) -> Finding {
    Finding { code, status, detail: detail.into() }
}

pub fn run(json: bool, args: DoctorArgs) -> anyhow::Result<()> {
    let findings = diagnose(args.config);
    let worst = findings.iter().map(|f| f.status).max().unwrap_or(Status::Ok);
    if json {
        let items: Vec<_> =
            findings.iter().map(|f| serde_json::json!({"code": f.code, "status": f.status.name(), "detail": f.detail})).collect();
        println!("{}", serde_json::json!({"status": worst.name(), "findings": items}));
    } else {
        for f in &findings {
            println!("{:<5} {:<22} {}", f.status.name(), f.code, f.detail);
        }
    }
    if worst == Status::Fail {
        anyhow::bail!("the deployment has problems (fail lines above)");
    }
    Ok(())
}

fn diagnose(config: Option<PathBuf>) -> Vec<Finding> {
    let path = config.or_else(|| Some(PathBuf::from(super::config::DEFAULT_PATH)).filter(|p| p.exists()));
    let argv = vec![OsString::from("postern"), OsString::from("serve")];
    let resolved = match super::config::resolve(argv, path.as_deref()) {
        Ok(r) => r,
        Err(e) => return vec![finding("config-invalid", Status::Fail, format!("{e:#}"))],
    };
    let shown = path.map_or_else(|| "no configuration file; flags, environment and defaults".to_string(), |p| p.display().to_string());
    let mut out = vec![finding("config-valid", Status::Ok, shown)];
    let crate::Command::Serve(args) = &resolved.cli.command else { return out };
    if let Err(e) = super::serve::validate(args) {
        out.push(finding("config-invalid", Status::Fail, format!("{e:#}")));
    }
    let data = resolved.cli.database.as_ref().map_or_else(|| resolved.cli.data.clone(), PathBuf::from);
    if super::is_database_url(&data) {
        out.push(finding(
            "database-not-checked",
            Status::Warn,
            "PostgreSQL: doctor checks the embedded database only; `postern audit --database URL` proves the connection",
        ));
    } else {
        out.extend(database(&data));
        out.push(disk(&data));
    }
    if let Some(cert) = &args.tls_cert {
        out.push(certificate(cert, chrono::Utc::now().timestamp()));
    }
    if let Some(url) = &args.public_url {
        out.push(public_url(url));
    }
    out
}

/// The public base URL answers `/healthz` with 200. The URL is the operator's own setting, so
/// the fetch goes through the outbound guard under the operator-approved policy (a hub behind
/// an internal reverse proxy is normal), resolved once and pinned.
fn public_url(base: &str) -> Finding {
    let health = format!("{}/healthz", base.trim_end_matches('/'));
    let fail = |why: String| finding("public-url-unreachable", Status::Fail, format!("{health}: {why}"));
    let Ok(parsed) = url::Url::parse(&health) else { return fail("not a URL".into()) };
    let (Some(host), Some(port)) = (parsed.host_str().map(str::to_string), parsed.port_or_known_default()) else {
        return fail("no host".into());
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => return fail(format!("cannot start a resolver: {e}")),
    };
    let allowed = match runtime.block_on(outbound::resolve(&host, port, outbound::GuardPolicy::OPERATOR_APPROVED)) {
        Ok(a) => a,
        Err(e) => return fail(e.to_string()),
    };
    let client = reqwest::blocking::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .resolve(host.trim_start_matches('[').trim_end_matches(']'), std::net::SocketAddr::new(allowed.ip(), port))
        .build();
    let answer = client.map_err(|e| e.to_string()).and_then(|c| c.get(&health).send().map_err(|e| e.to_string()));
    match answer {
        Ok(r) if r.status().is_success() => finding("public-url-answers", Status::Ok, format!("{health} answered {}", r.status().as_u16())),
        Ok(r) => fail(format!("answered HTTP {}", r.status().as_u16())),
        Err(e) => fail(e),
    }
}

/// The embedded database: present, sound, migrated; the clock not behind its newest entry.
fn database(data: &Path) -> Vec<Finding> {
    let file = data.join(DATABASE_FILE);
    if !file.is_file() {
        return vec![finding(
            "database-missing",
            Status::Warn,
            format!("{} does not exist yet: the first `serve` creates it", file.display()),
        )];
    }
    let version = match store::sqlite_backup::inspect(&file) {
        Ok(v) => v,
        Err(e) => return vec![finding("database-unreadable", Status::Fail, format!("{}: {e}", file.display()))],
    };
    let mut out = Vec::new();
    match usize::try_from(version).unwrap_or(usize::MAX) {
        v if v == SCHEMA_VERSION => out.push(finding("database-migrated", Status::Ok, format!("{} at schema {version}", file.display()))),
        v if v < SCHEMA_VERSION => out.push(finding(
            "database-migration-pending",
            Status::Warn,
            format!("schema {version}; `serve` migrates it to {SCHEMA_VERSION} at start (take a backup first)"),
        )),
        _ => out.push(finding(
            "database-too-new",
            Status::Fail,
            format!("schema {version} is newer than this binary knows ({SCHEMA_VERSION}): a newer release wrote it"),
        )),
    }
    if usize::try_from(version).ok() == Some(SCHEMA_VERSION) {
        out.push(clock(data));
    }
    out
}

/// The clock against the newest audit entry: a clock set back makes new entries look older
/// than committed ones.
fn clock(data: &Path) -> Finding {
    let newest = super::open_hub(data, hub::HubConfig::default()).and_then(|hub| {
        let mut after = 0;
        let mut last = None;
        loop {
            let page = hub.audit_entries(after, 1000)?;
            let Some(e) = page.last() else { break };
            after = e.seq;
            last = Some(e.at.clone());
        }
        Ok(last)
    });
    let now = chrono::Utc::now();
    match newest {
        Ok(Some(at)) => match chrono::DateTime::parse_from_rfc3339(&at) {
            Ok(t) if (t.timestamp() - now.timestamp()) > CLOCK_SKEW_SECS => {
                finding("clock-behind", Status::Fail, format!("the clock ({now}) is behind the newest audit entry ({at})"))
            }
            Ok(_) => finding("clock-sane", Status::Ok, format!("{now}, newest audit entry {at}")),
            Err(_) => finding("clock-unchecked", Status::Warn, format!("the newest audit entry's time '{at}' does not parse")),
        },
        Ok(None) => finding("clock-sane", Status::Ok, format!("{now}; the audit log is empty")),
        Err(e) => finding("database-unreadable", Status::Fail, format!("{e:#}")),
    }
}

/// Free space where the data directory lives.
fn disk(data: &Path) -> Finding {
    match rustix::fs::statvfs(data) {
        Ok(s) => {
            let free = s.f_bavail.saturating_mul(s.f_frsize);
            let status = if free < MIN_FREE_BYTES { Status::Warn } else { Status::Ok };
            finding(
                if status == Status::Ok { "disk-space" } else { "disk-space-low" },
                status,
                format!("{} MiB free in {}", free >> 20, data.display()),
            )
        }
        Err(e) => finding("disk-unchecked", Status::Warn, format!("{}: {e}", data.display())),
    }
}

/// The TLS certificate: readable, PEM, not expired, not expiring within [`CERT_WARN_DAYS`].
fn certificate(path: &Path, now: i64) -> Finding {
    let Ok(bytes) = std::fs::read(path) else {
        return finding("tls-cert-unreadable", Status::Fail, format!("{} cannot be read", path.display()));
    };
    let parsed = x509_parser::pem::parse_x509_pem(&bytes).ok().map(|(_, pem)| pem);
    let Some(not_after) = parsed.as_ref().and_then(|pem| pem.parse_x509().ok()).map(|c| c.validity().not_after.timestamp()) else {
        return finding("tls-cert-unreadable", Status::Fail, format!("{} is not a PEM certificate", path.display()));
    };
    let days = (not_after - now).div_euclid(86_400);
    match days {
        d if not_after <= now => finding("tls-cert-expired", Status::Fail, format!("{} expired {} days ago", path.display(), -d)),
        d if d < CERT_WARN_DAYS => finding("tls-cert-expiring", Status::Warn, format!("{} expires in {d} days", path.display())),
        d => finding("tls-cert-valid", Status::Ok, format!("{} valid for {d} more days", path.display())),
    }
}
