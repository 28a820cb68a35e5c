//! A private PostgreSQL cluster for tests and benchmarks: `initdb` in a temporary directory, a
//! server on 127.0.0.1 and an ephemeral port with its socket in that directory, stopped on drop.
//!
//! As root (CI), the server programs run as the `postgres` system user of the Debian package,
//! because `initdb` refuses to run as root.

use std::io;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// How long a fresh cluster may take to accept connections.
const READY_WITHIN: Duration = Duration::from_secs(60);

/// A running private cluster; its superuser is `postgres`, authentication is `trust` on
/// loopback only.
pub struct PgCluster {
    dir: tempfile::TempDir,
    bin: PathBuf,
    port: u16,
    run_as: Option<String>,
    databases: AtomicUsize,
}

impl PgCluster {
    /// Creates and starts a cluster; fails (never skips) when PostgreSQL is not installed.
    pub fn start() -> io::Result<PgCluster> {
        let bin = server_bin_dir()?;
        let dir = tempfile::Builder::new().prefix("postern-pg-").tempdir()?;
        let run_as = if running_as_root() { Some("postgres".to_string()) } else { None };
        if let Some(user) = &run_as {
            let (uid, gid) = system_user(user)?;
            std::os::unix::fs::chown(dir.path(), Some(uid), Some(gid))?;
        }
        let mut cluster = PgCluster { dir, bin, port: free_port()?, run_as, databases: AtomicUsize::new(0) };
        let data = cluster.data_dir();
        cluster.run(
            "initdb",
            &["-D", &data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
        )?;
        // A port free when picked can be taken by another process before the postmaster binds
        // it; it then fails to start, and we try again on a new port.
        let mut tries = 0;
        loop {
            let options = format!("-p {} -k {} -c listen_addresses=127.0.0.1", cluster.port, cluster.dir.path().display());
            let log = cluster.log_path();
            match cluster.run("pg_ctl", &["-D", &data, "-l", &log, "-o", &options, "start"]) {
                Ok(_) => break,
                Err(_) if tries < 4 && std::fs::read_to_string(&log).is_ok_and(|l| l.contains("could not bind")) => {
                    tries += 1;
                    cluster.port = free_port()?;
                }
                Err(e) => return Err(e),
            }
        }
        cluster.wait_ready()?;
        Ok(cluster)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// URL of database `db` in this cluster.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates a new empty database and returns its URL.
    pub fn fresh_database(&self) -> io::Result<String> {
        let name = format!("t{}", self.databases.fetch_add(1, Ordering::Relaxed));
        let mut admin = self.connect("postgres")?;
        admin.batch_execute(&format!("CREATE DATABASE {name}")).map_err(io::Error::other)?;
        Ok(self.url(&name))
    }

    fn connect(&self, db: &str) -> io::Result<postgres::Client> {
        postgres::Client::connect(&self.url(db), postgres::NoTls).map_err(io::Error::other)
    }

    fn data_dir(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    fn log_path(&self) -> String {
        self.dir.path().join("server.log").display().to_string()
    }

    fn run(&self, program: &str, args: &[&str]) -> io::Result<()> {
        let path = self.bin.join(program);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&path);
                c
            }
            None => Command::new(&path),
        };
        let out = cmd.args(args).env("LC_ALL", "C").current_dir(self.dir.path()).output()?;
        if out.status.success() {
            return Ok(());
        }
        Err(io::Error::other(format!(
            "{} {} failed ({}): {}{}",
            path.display(),
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr),
            String::from_utf8_lossy(&out.stdout)
        )))
    }

    /// Polls a connection until the server accepts it (pg_ctl returns before it does).
    fn wait_ready(&self) -> io::Result<()> {
        let started = Instant::now();
        loop {
            let attempt = postgres::Config::new()
                .host("127.0.0.1")
                .port(self.port)
                .user("postgres")
                .dbname("postgres")
                .connect_timeout(Duration::from_secs(2))
                .connect(postgres::NoTls);
            match attempt {
                Ok(_) => return Ok(()),
                Err(e) if started.elapsed() > READY_WITHIN => {
                    let log = std::fs::read_to_string(self.log_path()).unwrap_or_default();
                    return Err(io::Error::other(format!("PostgreSQL did not accept connections within {READY_WITHIN:?}: {e}\n{log}")));
                }
                // A short pause between polls of a condition, not a guess at how long start-up takes.
                Err(_) => std::thread::sleep(Duration::from_millis(20)),
            }
        }
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.data_dir();
        // Errors cannot be reported from drop; the temporary directory goes away regardless.
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "fast", "-w", "stop"]);
    }
}

/// The directory of `initdb` and `pg_ctl`: `$POSTERN_PG_BIN`, else the newest
/// `/usr/lib/postgresql/<version>/bin` (Debian), else the `PATH`.
fn server_bin_dir() -> io::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("POSTERN_PG_BIN") {
        let dir = PathBuf::from(dir);
        if dir.join("initdb").is_file() {
            return Ok(dir);
        }
        return Err(io::Error::new(io::ErrorKind::NotFound, format!("POSTERN_PG_BIN={} holds no initdb", dir.display())));
    }
    let mut debian: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    debian.sort();
    if let Some((_, bin)) = debian.pop() {
        return Ok(bin);
    }
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .find(|d| d.join("initdb").is_file() && d.join("pg_ctl").is_file());
    on_path.ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::NotFound,
            "PostgreSQL server programs (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or PATH: \
             install the Debian package `postgresql` (listed in scripts/test-deps/store.apt) or set POSTERN_PG_BIN",
        )
    })
}

fn running_as_root() -> bool {
    // /proc/self belongs to the effective user of this process.
    std::fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// The uid and gid of a system user, from /etc/passwd.
fn system_user(name: &str) -> io::Result<(u32, u32)> {
    let passwd = std::fs::read_to_string(Path::new("/etc/passwd"))?;
    passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.len() > 3 && f[0] == name)
        .and_then(|f| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
        .ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::NotFound,
                format!("running as root, the server needs the `{name}` system user (created by the Debian package postgresql)"),
            )
        })
}

fn free_port() -> io::Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}
