//! `postern backup` and `postern restore`, and the scheduled backups of `serve`: one tar archive
//! per backup holding a consistent snapshot of the embedded database, the other files of the
//! data directory, and a manifest of their SHA-256 sums; beside it `FILE.sha256` for
//! `sha256sum -c`.
//!
//! The snapshot is taken while the server runs and writes (`store::sqlite_backup::snapshot`);
//! the archive is written under a temporary name and renamed, so a file named like a backup is a
//! whole backup. PostgreSQL hubs use `pg_dump`/`pg_restore` (docs/OPERATIONS.md).

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use store::sqlite_backup::{DATABASE_FILE, SCHEMA_VERSION};

/// The archive's format name; a restore refuses any other.
const FORMAT: &str = "postern-backup/1";
const MANIFEST: &str = "manifest.json";
/// Files of a data directory that are the live database, never copied as they are.
const LIVE_DATABASE: &[&str] = &["postern.sqlite3", "postern.sqlite3-wal", "postern.sqlite3-shm", "postern.sqlite3-journal"];
/// Scheduled backups are named `postern-<UTC time>.tar`.
const SCHEDULED_PREFIX: &str = "postern-";

#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// The archive to write (a tar file; FILE.sha256 is written beside it).
    #[arg(long, value_name = "FILE")]
    pub to: PathBuf,
}

#[derive(Debug, clap::Args)]
pub struct RestoreArgs {
    /// The archive `postern backup` wrote.
    #[arg(long, value_name = "FILE")]
    pub from: PathBuf,
    /// Restore into a data directory that is not empty: its database files, and the files the
    /// archive holds, are replaced (stop the server first).
    #[arg(long)]
    pub force: bool,
}

/// What a backup holds: a file format (the archive's `manifest.json`).
#[derive(Debug, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub created: String,
    pub postern_version: String,
    pub schema_version: i64,
    pub files: Vec<FileSum>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct FileSum {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

pub fn backup(data: &Path, json: bool, args: BackupArgs) -> anyhow::Result<()> {
    refuse_database_url(data)?;
    let manifest = create(data, &args.to, None)?;
    report(json, "backup", &args.to, &manifest);
    Ok(())
}

pub fn restore(data: &Path, json: bool, args: RestoreArgs) -> anyhow::Result<()> {
    refuse_database_url(data)?;
    let manifest = restore_into(&args.from, data, args.force)?;
    report(json, "restore", data, &manifest);
    Ok(())
}

fn report(json: bool, what: &str, path: &Path, m: &Manifest) {
    if json {
        let files: Vec<_> = m.files.iter().map(|f| serde_json::json!({"path": f.path, "bytes": f.bytes, "sha256": f.sha256})).collect();
        println!(
            "{}",
            serde_json::json!({"event": what, "path": path.display().to_string(), "created": m.created, "schema_version": m.schema_version, "files": files})
        );
    } else {
        let bytes: u64 = m.files.iter().map(|f| f.bytes).sum();
        println!("{what}: {} ({} files, {bytes} bytes, schema {}, taken {})", path.display(), m.files.len(), m.schema_version, m.created);
    }
}

fn refuse_database_url(data: &Path) -> anyhow::Result<()> {
    if super::is_database_url(data) {
        bail!("backup and restore are for the embedded database; back PostgreSQL up with pg_dump and pg_restore (docs/OPERATIONS.md)");
    }
    Ok(())
}

/// Writes a backup of the data directory `data` to `to`; `skip` is a directory inside `data`
/// to leave out (the scheduled backups themselves), as is the directory `to` is written in.
pub fn create(data: &Path, to: &Path, skip: Option<&Path>) -> anyhow::Result<Manifest> {
    if !data.join(DATABASE_FILE).is_file() {
        bail!("{} holds no Postern database ({DATABASE_FILE})", data.display());
    }
    let parent = to.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    // Archives written into the data directory itself would end up in the next backup.
    if parent.canonicalize().ok() == data.canonicalize().ok() {
        bail!("write the backup outside the data directory {} (a subdirectory of it is skipped)", data.display());
    }
    let work = tempfile::Builder::new()
        .prefix(".postern-backup-")
        .tempdir_in(parent)
        .with_context(|| format!("writing in {}", parent.display()))?;
    let snapshot = work.path().join(DATABASE_FILE);
    let schema_version = store::sqlite_backup::snapshot(data, &snapshot).context("taking a snapshot of the database")?;
    let mut files = vec![(DATABASE_FILE.to_string(), snapshot)];
    let skipped: Vec<PathBuf> = skip.into_iter().chain([parent]).map(Path::to_path_buf).collect();
    for (name, path) in data_files(data, &skipped, Walk::Backup)? {
        files.push((name, path));
    }
    let partial = work.path().join("archive.tar");
    let mut archive = tar::Builder::new(std::fs::File::create(&partial).context("creating the archive")?);
    let mut sums = Vec::new();
    for (name, path) in &files {
        let (bytes, sha256) = sum_file(path)?;
        archive.append_path_with_name(path, name).with_context(|| format!("adding {name}"))?;
        sums.push(FileSum { path: name.clone(), bytes, sha256 });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        created: store::now_rfc3339(),
        postern_version: env!("CARGO_PKG_VERSION").into(),
        schema_version,
        files: sums,
    };
    let body = serde_json::to_vec_pretty(&manifest)?;
    let mut header = tar::Header::new_gnu();
    header.set_size(body.len() as u64);
    header.set_mode(0o600);
    header.set_cksum();
    archive.append_data(&mut header, MANIFEST, body.as_slice())?;
    let file = archive.into_inner().context("finishing the archive")?;
    file.sync_all()?;
    let (_, archive_sum) = sum_file(&partial)?;
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    std::fs::write(sidecar(to), format!("{archive_sum}  {name}\n")).context("writing the checksum file")?;
    std::fs::rename(&partial, to).with_context(|| format!("moving the archive to {}", to.display()))?;
    Ok(manifest)
}

/// The files of the data directory other than the live database, by relative path, leaving
/// out the directories in `skip` and the work directories of other backups and restores. On
/// `Walk::Restore` anything but directories and regular files is refused: an archive of ours
/// holds no links.
fn data_files(data: &Path, skip: &[PathBuf], walk: Walk) -> anyhow::Result<Vec<(String, PathBuf)>> {
    let skip: Vec<PathBuf> = skip.iter().filter_map(|s| s.canonicalize().ok()).collect();
    let mut out = Vec::new();
    let mut pending = vec![data.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).with_context(|| format!("reading {}", dir.display()))? {
            let entry = entry?;
            let path = entry.path();
            let hidden_work = entry.file_name().to_string_lossy().starts_with(".postern-");
            if hidden_work || path.canonicalize().is_ok_and(|p| skip.contains(&p)) {
                continue;
            }
            let rel = path.strip_prefix(data).unwrap_or(&path).to_string_lossy().into_owned();
            let kind = entry.file_type()?;
            if kind.is_dir() {
                pending.push(path);
                continue;
            }
            let regular = match walk {
                Walk::Backup => path.is_file(),
                Walk::Restore => kind.is_file(),
            };
            match (regular, walk) {
                (false, Walk::Restore) => bail!("the archive holds {rel}, which is not a regular file"),
                (false, Walk::Backup) => {}
                (true, _) if LIVE_DATABASE.contains(&rel.as_str()) => {}
                (true, _) => out.push((rel, path)),
            }
        }
    }
    out.sort();
    Ok(out)
}

#[derive(Debug, Clone, Copy)]
enum Walk {
    /// Reading a live data directory: links to files are followed.
    Backup,
    /// Checking an unpacked archive.
    Restore,
}

fn sidecar(archive: &Path) -> PathBuf {
    let mut name = archive.as_os_str().to_owned();
    name.push(".sha256");
    PathBuf::from(name)
}

/// Size and SHA-256 (hex) of a file.
fn sum_file(path: &Path) -> anyhow::Result<(u64, String)> {
    let mut file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
    Ok((bytes, hex(&hasher.finalize())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Restores the archive `from` into the data directory `data`, checking every sum first.
pub fn restore_into(from: &Path, data: &Path, force: bool) -> anyhow::Result<Manifest> {
    check_sidecar(from)?;
    let occupied = std::fs::read_dir(data).map(|mut d| d.next().is_some()).unwrap_or(false);
    if occupied && !force {
        bail!("{} is not empty; restore into an empty directory, or pass --force to replace its database", data.display());
    }
    std::fs::create_dir_all(data).with_context(|| format!("creating {}", data.display()))?;
    let staging = tempfile::Builder::new().prefix(".postern-restore-").tempdir_in(data).context("creating a staging directory")?;
    let file = std::fs::File::open(from).with_context(|| format!("opening {}", from.display()))?;
    tar::Archive::new(file).unpack(staging.path()).with_context(|| format!("{} is not a readable backup archive", from.display()))?;
    let manifest = verify(staging.path())?;
    if force {
        for name in LIVE_DATABASE.iter().copied().chain(manifest.files.iter().map(|f| f.path.as_str())) {
            match std::fs::remove_file(data.join(name)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e).with_context(|| format!("removing {name}")),
                _ => {}
            }
        }
    }
    // The database goes last: a directory with a database in it is a whole restore.
    for f in manifest.files.iter().filter(|f| f.path != DATABASE_FILE).chain(manifest.files.iter().filter(|f| f.path == DATABASE_FILE)) {
        let dest = data.join(&f.path);
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::rename(staging.path().join(&f.path), &dest).with_context(|| format!("placing {}", f.path))?;
    }
    std::fs::File::open(data)?.sync_all()?;
    Ok(manifest)
}

/// Checks `FILE.sha256` when it is there (a copied archive may travel without it).
fn check_sidecar(archive: &Path) -> anyhow::Result<()> {
    let Ok(text) = std::fs::read_to_string(sidecar(archive)) else { return Ok(()) };
    let expected = text.split_whitespace().next().unwrap_or_default();
    let (_, actual) = sum_file(archive)?;
    if expected != actual {
        bail!("{} does not match its checksum file (SHA-256 {actual}, expected {expected})", archive.display());
    }
    Ok(())
}

/// Checks an unpacked archive against its manifest: the format, every file's size and SHA-256,
/// no file the manifest does not list, a schema this build can open, and a sound database.
fn verify(dir: &Path) -> anyhow::Result<Manifest> {
    let body = std::fs::read(dir.join(MANIFEST)).context("the archive has no manifest.json: not a Postern backup")?;
    let manifest: Manifest = serde_json::from_slice(&body).context("the archive's manifest.json is not a Postern manifest")?;
    if manifest.format != FORMAT {
        bail!("backup format {} is not {FORMAT}", manifest.format);
    }
    let mut listed: Vec<String> = manifest.files.iter().map(|f| f.path.clone()).collect();
    for f in &manifest.files {
        let (bytes, sha256) = sum_file(&dir.join(&f.path)).with_context(|| format!("the archive lacks {}", f.path))?;
        if (bytes, sha256.as_str()) != (f.bytes, f.sha256.as_str()) {
            bail!("{} is damaged: SHA-256 {sha256} ({bytes} bytes), manifest says {} ({} bytes)", f.path, f.sha256, f.bytes);
        }
    }
    let mut present: Vec<String> =
        data_files(dir, &[], Walk::Restore)?.into_iter().map(|(name, _)| name).filter(|n| n != MANIFEST).collect();
    present.push(DATABASE_FILE.into());
    present.sort();
    listed.sort();
    if present != listed {
        bail!("the archive holds files its manifest does not list: {present:?} vs {listed:?}");
    }
    if usize::try_from(manifest.schema_version).map_or(true, |v| v > SCHEMA_VERSION) {
        bail!(
            "the backup's schema version {} is newer than this Postern knows ({SCHEMA_VERSION}): restore it with a newer release",
            manifest.schema_version
        );
    }
    let found = store::sqlite_backup::inspect(&dir.join(DATABASE_FILE)).context("checking the restored database")?;
    if found != manifest.schema_version {
        bail!("the database's schema version {found} is not the manifest's {}", manifest.schema_version);
    }
    Ok(manifest)
}

/// Scheduled backups of a running `serve`: one at start, then one per interval, the newest
/// `keep` kept.
pub struct Schedule {
    data: PathBuf,
    dir: PathBuf,
    interval: std::time::Duration,
    keep: usize,
}

/// The schedule the serve flags ask for, if any.
pub fn schedule(data: &Path, args: &super::serve::ServeArgs) -> anyhow::Result<Option<Schedule>> {
    let Some(dir) = &args.backup_dir else { return Ok(None) };
    if super::is_database_url(data) {
        bail!("--backup-dir backs up the embedded database; back PostgreSQL up with pg_dump (docs/OPERATIONS.md)");
    }
    std::fs::create_dir_all(dir).with_context(|| format!("creating the backup directory {}", dir.display()))?;
    Ok(Some(Schedule {
        data: data.to_path_buf(),
        dir: dir.clone(),
        interval: std::time::Duration::from_secs(args.backup_interval_secs.max(1)),
        keep: args.backup_keep.max(1),
    }))
}

impl Schedule {
    pub async fn run(self) {
        let mut ticks = tokio::time::interval(self.interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            let (data, dir, keep) = (self.data.clone(), self.dir.clone(), self.keep);
            let done = tokio::task::spawn_blocking(move || scheduled_backup(&data, &dir, keep)).await;
            match done {
                Ok(Ok(path)) => tracing::info!(path = %path.display(), "scheduled backup written"),
                Ok(Err(e)) => tracing::error!("scheduled backup failed: {e:#}"),
                Err(e) => tracing::error!("scheduled backup task failed: {e}"),
            }
        }
    }
}

fn scheduled_backup(data: &Path, dir: &Path, keep: usize) -> anyhow::Result<PathBuf> {
    let name = format!("{SCHEDULED_PREFIX}{}.tar", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ"));
    let path = dir.join(name);
    create(data, &path, Some(dir))?;
    prune(dir, keep)?;
    Ok(path)
}

/// Deletes all but the newest `keep` scheduled backups of `dir` (names sort by time).
fn prune(dir: &Path, keep: usize) -> anyhow::Result<()> {
    let mut names: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(SCHEDULED_PREFIX) && n.ends_with(".tar"))
        .collect();
    names.sort();
    let excess = names.len().saturating_sub(keep);
    for name in names.into_iter().take(excess) {
        let path = dir.join(&name);
        std::fs::remove_file(&path).with_context(|| format!("removing the old backup {}", path.display()))?;
        let _ = std::fs::remove_file(sidecar(&path));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_keeps_the_newest() {
        let dir = tempfile::tempdir().expect("tmp");
        for n in ["postern-20261201T000000.000Z.tar", "postern-20261202T000000.000Z.tar", "postern-20261203T000000.000Z.tar", "other.tar"] {
            std::fs::write(dir.path().join(n), b"x").expect("write");
            std::fs::write(sidecar(&dir.path().join(n)), b"x").expect("write");
        }
        prune(dir.path(), 2).expect("prune");
        let mut left: Vec<String> =
            std::fs::read_dir(dir.path()).expect("dir").map(|e| e.expect("entry").file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(
            left,
            [
                "other.tar",
                "other.tar.sha256",
                "postern-20261202T000000.000Z.tar",
                "postern-20261202T000000.000Z.tar.sha256",
                "postern-20261203T000000.000Z.tar",
                "postern-20261203T000000.000Z.tar.sha256"
            ]
        );
    }
}
