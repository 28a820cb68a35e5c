//! `postern watch --ct CONFIG`: tail Certificate Transparency logs (static-ct-api tiles and
//! RFC 6962 `get-entries`), one persisted cursor per log, and judge every name of every new
//! certificate on the same path as `watch --file`.
//!
//! Order of a batch: parse, judge, write the hits, flush stdout, then save the cursors (and the
//! recent de-duplication keys) atomically. A crash can repeat at most the batch in flight, never
//! skip one.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use monitor::ct::merkle::{self, Hash, HashTiles, TileRef};
use monitor::ct::{self, CtError, Dedup, Entry, LogKey, SignedTreeHead};
use monitor::{Counters, Monitor};
use serde::{Deserialize, Serialize};
use server::metrics::{CtAlarm, MonitorMetrics};

/// Certificates remembered for cross-log and precert/final de-duplication.
const DEDUP_WINDOW: usize = 50_000;
/// The longest `Retry-After` obeyed; a log asking for more is retried at the next round.
const MAX_RETRY_AFTER: u64 = 120;
/// Batches (tiles or `get-entries` answers) read from one log per poll.
const BATCHES_PER_POLL: usize = 64;

/// The CT configuration file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Seconds between two polls of the logs.
    #[serde(default = "default_poll")]
    pub poll_secs: u64,
    /// Seconds a partial data tile is left waiting for its full tile before it is read.
    #[serde(default = "default_partial")]
    pub partial_tile_timeout_secs: u64,
    /// Alarm when the oldest unread entry is older than this.
    #[serde(default = "default_backlog")]
    pub backlog_alarm_secs: u64,
    /// The file keeping one cursor per log; a relative path is under the data directory
    /// (default `ct-state.json`). `watch --state` overrides it.
    pub state: Option<PathBuf>,
    /// Where hits are recorded: required by `serve --watch`; `watch --ct` uses it unless
    /// `--collection` is given.
    pub record: Option<RecordConfig>,
    /// The operator's passive DNS records (COF JSON lines, see `watch --passive-dns`), read
    /// once at start: look-alikes seen on one address that is not shared join one campaign.
    pub passive_dns: Option<PathBuf>,
    /// An address seen for more distinct registrable domains than this is shared (default 10).
    pub shared_address_domains: Option<usize>,
    #[serde(rename = "log")]
    pub logs: Vec<LogConfig>,
}

/// The `[record]` table: the collection the malicious hits become indicators in, and who they
/// are attributed to.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordConfig {
    pub collection: String,
    /// The member organisation the indicators are attributed to (it must be allowed to write).
    pub org: String,
    #[serde(default = "default_tlp")]
    pub tlp: String,
    /// Days an indicator stays valid.
    #[serde(default = "default_valid_days")]
    pub valid_days: u32,
}

impl Config {
    /// Reads and checks the file: every log's URL and key, so that a bad log is an error at
    /// start-up, not in a background thread.
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let config: Config = toml::from_str(&text).with_context(|| format!("reading the CT configuration {}", path.display()))?;
        if config.logs.is_empty() {
            bail!("the CT configuration {} names no [[log]]", path.display());
        }
        for log in &config.logs {
            Log::new(log).with_context(|| format!("in {}", path.display()))?;
        }
        Ok(config)
    }

    /// The state file: `flag`, else the configured one (relative to `data`), else
    /// `data/ct-state.json`.
    pub fn state_path(&self, flag: Option<&Path>, data: &Path) -> PathBuf {
        match flag.or(self.state.as_deref()) {
            Some(p) if p.is_absolute() || flag.is_some() => p.to_path_buf(),
            Some(p) => data.join(p),
            None => data.join("ct-state.json"),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogConfig {
    /// Short name: hits say `"source": "ct:<name>"`; the cursor is kept under it.
    pub name: String,
    /// The monitoring prefix (static-ct) or the log URL (RFC 6962).
    pub url: String,
    pub kind: LogKind,
    /// The log's public key: PEM or base64 DER SubjectPublicKeyInfo.
    pub key: String,
    /// The checkpoint's origin line (default: the URL without its scheme and final slash).
    pub origin: Option<String>,
    /// Entries asked per `get-entries` request (RFC 6962 logs answer with fewer at will).
    #[serde(default = "default_batch")]
    pub batch: u64,
    /// static-ct: read the log's names tiles (`tile/names/...`) when it offers them, else its
    /// data tiles. Names tiles are not covered by the log's signature or its Merkle tree, so
    /// their names cannot be proven to be the log's; the default (`false`) reads the data tiles
    /// and checks each against the checkpoint's root.
    #[serde(default)]
    pub names_tiles: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum LogKind {
    #[serde(rename = "static-ct")]
    StaticCt,
    #[serde(rename = "rfc6962")]
    Rfc6962,
}

fn default_poll() -> u64 {
    10
}
fn default_partial() -> u64 {
    30
}
fn default_backlog() -> u64 {
    300
}
fn default_batch() -> u64 {
    256
}
fn default_tlp() -> String {
    "green".into()
}
fn default_valid_days() -> u32 {
    7
}

/// The state file: one cursor per log and the recent certificates' keys.
#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    logs: BTreeMap<String, Cursor>,
    /// The recent certificates' de-duplication keys, base64 of 16 bytes each.
    #[serde(default)]
    recent: String,
}

/// The next entry to read and the last tree head accepted.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct Cursor {
    next: u64,
    size: u64,
    root: String,
}

/// Alarm and skip counts of a run, for the summary line.
#[derive(Debug, Default)]
struct Alarms {
    entries: u64,
    duplicates: u64,
    unparsed: u64,
    gaps: u64,
    bad_checkpoints: u64,
    backlog: u64,
    throttled: u64,
    fetch_errors: u64,
    proofs_failed: u64,
}

/// How a watch runs: from the command line or inside `serve`.
pub struct Options<'a> {
    pub state: PathBuf,
    pub once: bool,
    pub jsonl: bool,
    /// Set by `serve` when it stops: the watch returns after the batch in flight.
    pub stop: Option<&'a AtomicBool>,
    /// The server's monitor series, when `serve` runs the watch.
    pub metrics: Option<&'a MonitorMetrics>,
}

pub(super) fn run(
    monitor: &Monitor,
    config: &Config,
    opts: &Options<'_>,
    out: &mut impl Write,
    recorder: Option<&mut super::Recorder>,
) -> anyhow::Result<Counters> {
    let logs = config.logs.iter().map(Log::new).collect::<anyhow::Result<Vec<_>>>()?;
    let mut state: State = match std::fs::read(&opts.state) {
        Ok(bytes) => serde_json::from_slice(&bytes).with_context(|| format!("reading the CT state {}", opts.state.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => State::default(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", opts.state.display())),
    };
    let mut dedup = Dedup::new(DEDUP_WINDOW);
    dedup.import(&B64.decode(&state.recent).context("the CT state's recent keys")?);
    let mut run = Run {
        monitor,
        config,
        opts,
        dedup,
        counters: Counters::default(),
        alarms: Alarms::default(),
        recorder,
        partial_since: BTreeMap::new(),
        no_names_tiles: std::collections::BTreeSet::new(),
        hash_tiles: BTreeMap::new(),
    };
    let stopped = || opts.stop.is_some_and(|s| s.load(Ordering::Relaxed));
    while !stopped() {
        let mut behind = false;
        for log in &logs {
            behind |= run.poll(log, &mut state, out)?;
        }
        if opts.once && !behind {
            break;
        }
        if !behind {
            eprintln!("ct: caught up");
            pause(Duration::from_secs(config.poll_secs), opts.stop);
        }
    }
    let a = &run.alarms;
    eprintln!(
        "ct: {} entries, {} duplicates, {} unparsable, {} gaps, {} bad checkpoints, {} backlog alarms, {} throttled, {} fetch errors, {} failed proofs",
        a.entries, a.duplicates, a.unparsed, a.gaps, a.bad_checkpoints, a.backlog, a.throttled, a.fetch_errors, a.proofs_failed
    );
    Ok(run.counters)
}

/// Sleeps `d`, or less when `stop` is set meanwhile.
pub(super) fn pause(d: Duration, stop: Option<&AtomicBool>) {
    let until = Instant::now() + d;
    while !stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(200)));
    }
}

/// One configured log, ready to poll.
struct Log {
    name: String,
    source: String,
    base: String,
    kind: LogKind,
    key: LogKey,
    batch: u64,
    names_tiles: bool,
    http: reqwest::blocking::Client,
}

impl Log {
    fn new(c: &LogConfig) -> anyhow::Result<Log> {
        let base = if c.url.ends_with('/') { c.url.clone() } else { format!("{}/", c.url) };
        let origin = c.origin.clone().unwrap_or_else(|| {
            let no_scheme = c.url.split_once("://").map_or(c.url.as_str(), |(_, r)| r);
            no_scheme.trim_end_matches('/').to_string()
        });
        let key = LogKey::parse(&origin, &c.key).with_context(|| format!("log {:?}", c.name))?;
        // Logs are targets an operator configured: the guard allows private and loopback
        // networks but never link-local or reserved space, and redirects are not followed.
        let policy = outbound::GuardPolicy::OPERATOR_APPROVED;
        outbound::guard_url_host(&base, policy).with_context(|| format!("log {:?}", c.name))?;
        let http = reqwest::blocking::Client::builder()
            .dns_resolver(std::sync::Arc::new(outbound::GuardedResolver { policy }))
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("postern-ct/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Log {
            name: c.name.clone(),
            source: format!("ct:{}", c.name),
            base,
            kind: c.kind,
            key,
            batch: c.batch.clamp(1, 1024),
            names_tiles: c.names_tiles,
            http,
        })
    }
}

/// What one GET brought back.
enum Fetched {
    Body(Vec<u8>),
    NotFound,
}

struct Run<'a, 'r> {
    monitor: &'a Monitor,
    config: &'a Config,
    opts: &'a Options<'a>,
    dedup: Dedup,
    counters: Counters,
    alarms: Alarms,
    recorder: Option<&'r mut super::Recorder>,
    /// Per log, when its current partial tile was first left waiting.
    partial_since: BTreeMap<String, (u64, Instant)>,
    /// Logs found to offer no names tiles: read by their data tiles from then on.
    no_names_tiles: std::collections::BTreeSet<String>,
    /// Per static-ct log, the hash tiles fetched for its Merkle checks.
    hash_tiles: BTreeMap<String, HashTiles>,
}

impl Run<'_, '_> {
    /// Reads what `log` added since its cursor. True when entries remain to read now.
    fn poll(&mut self, log: &Log, state: &mut State, out: &mut impl Write) -> anyhow::Result<bool> {
        let cursor = state.logs.get(&log.name).cloned().unwrap_or_default();
        let head = match self.tree_head(log, &cursor) {
            Ok(Some(h)) => h,
            Ok(None) => return Ok(false),
            Err(e) => {
                self.fetch_failed(log, &e);
                return Ok(false);
            }
        };
        let mut cursor = Cursor { size: head.0, root: hex(&head.1), ..cursor };
        if cursor.next >= cursor.size {
            state.logs.insert(log.name.clone(), cursor);
            return Ok(false);
        }
        // Batches against this one verified tree head; a bounded number so that one log far
        // behind does not starve the others.
        let mut last_read = None;
        for _ in 0..BATCHES_PER_POLL {
            let batch = match log.kind {
                LogKind::StaticCt => self.read_tile(log, &cursor),
                LogKind::Rfc6962 => self.read_entries(log, &cursor),
            };
            let entries = match batch {
                Ok(Some(e)) => e,
                Ok(None) => break,
                Err(e) => {
                    self.fetch_failed(log, &e);
                    break;
                }
            };
            cursor.next = self.judge(log, cursor.next, &entries, out)?;
            last_read = entries.last().cloned().or(last_read);
            state.logs.insert(log.name.clone(), cursor.clone());
            self.save(state)?;
            if cursor.next >= cursor.size {
                break;
            }
        }
        let behind = cursor.next < cursor.size;
        let mut age = 0;
        if behind && let Some(last) = &last_read {
            age = self.check_backlog(log, last, cursor.size - cursor.next);
        }
        if let Some(m) = self.opts.metrics {
            m.ct_position(&log.name, cursor.size, cursor.next, age);
        }
        Ok(behind && last_read.is_some())
    }

    /// The log's verified tree head, checked against the last one accepted. `None` after an
    /// alarm (bad signature, shrink, fork): the cursor stays where it is.
    fn tree_head(&mut self, log: &Log, cursor: &Cursor) -> anyhow::Result<Option<(u64, [u8; 32])>> {
        let verified = match log.kind {
            LogKind::StaticCt => {
                let Fetched::Body(b) = self.get(log, "checkpoint")? else { bail!("no checkpoint") };
                log.key.verify_checkpoint(&b).map(|c| (c.size, c.root))
            }
            LogKind::Rfc6962 => {
                let Fetched::Body(b) = self.get(log, "ct/v1/get-sth")? else { bail!("no get-sth") };
                ct::rfc6962::parse_sth(&b, &log.key).map(|s| (s.size, s.root))
            }
        };
        let last = unhex(&cursor.root).map(|r| (cursor.size, r));
        let head = match verified.and_then(|(size, root)| ct::check_advance(last, size, &root).map(|()| (size, root))) {
            Ok(head) => head,
            Err(e) => {
                self.alarms.bad_checkpoints += 1;
                self.alarm(log, CtAlarm::BadCheckpoint);
                eprintln!("ct alarm: log {}: tree head refused: {e}", log.name);
                return Ok(None);
            }
        };
        if last == Some(head) {
            return Ok(Some(head));
        }
        match self.check_extends(log, last, head) {
            Ok(()) => Ok(Some(head)),
            Err(e) if e.downcast_ref::<CtError>().is_some() => {
                self.alarms.bad_checkpoints += 1;
                self.alarms.proofs_failed += 1;
                self.alarm(log, CtAlarm::ProofFailed);
                eprintln!("ct alarm: log {}: tree head refused: {e:#}", log.name);
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// Proves that the new tree head `(size, root)` extends the last one accepted: for a
    /// static-ct log, both roots computed from the new tree's hash tiles (the new one also
    /// when there is no last: the tiles must reach the root before any data tile is checked
    /// against them); for an RFC 6962 log, its `get-sth-consistency` proof.
    fn check_extends(&mut self, log: &Log, last: Option<(u64, Hash)>, (size, root): (u64, Hash)) -> anyhow::Result<()> {
        match log.kind {
            LogKind::StaticCt => {
                let mut heads = vec![(size, root)];
                heads.extend(last);
                for (old, old_root) in heads {
                    if self.tiles_root(log, old, size, 0, &[])? != old_root {
                        let what = if old == size {
                            "the hash tiles do not reach the checkpoint's root"
                        } else {
                            "the checkpoint does not extend the last one accepted"
                        };
                        return Err(CtError::Proof(what).into());
                    }
                }
                Ok(())
            }
            LogKind::Rfc6962 => {
                let Some((old, old_root)) = last.filter(|&(old, _)| old > 0 && old < size) else { return Ok(()) };
                let path = format!("ct/v1/get-sth-consistency?first={old}&second={size}");
                let Fetched::Body(b) = self.get(log, &path)? else { bail!("no get-sth-consistency") };
                let proof = ct::rfc6962::parse_consistency(&b)?;
                Ok(merkle::verify_consistency(old, &old_root, size, &root, &proof)?)
            }
        }
    }

    /// The root of the first `size` leaves of the log, leaves `start..` known by their hashes,
    /// the rest from the log's hash tiles as of tree size `view`.
    fn tiles_root(&mut self, log: &Log, size: u64, view: u64, start: u64, known: &[Hash]) -> anyhow::Result<Hash> {
        let mut tiles = self.hash_tiles.remove(&log.name).unwrap_or_default();
        let root = merkle::with_tiles(&mut tiles, |t| t.root(size, view, start, known), |t| self.hash_tile(log, t));
        self.hash_tiles.insert(log.name.clone(), tiles);
        root
    }

    /// One hash tile's body: the partial tile, else the full one that replaced it.
    fn hash_tile(&mut self, log: &Log, t: &TileRef) -> anyhow::Result<Vec<u8>> {
        for full in [false, true] {
            if let Fetched::Body(b) = self.get(log, &t.path(full))? {
                return Ok(b);
            }
            if t.width == ct::TILE_WIDTH {
                break;
            }
        }
        bail!("the log serves no hash tile {}", t.path(false))
    }

    /// The data tile holding `cursor.next`; `None` while its partial tile is left waiting.
    fn read_tile(&mut self, log: &Log, cursor: &Cursor) -> anyhow::Result<Option<Vec<Entry>>> {
        let n = cursor.next / ct::TILE_WIDTH;
        let width = (cursor.size - n * ct::TILE_WIDTH).min(ct::TILE_WIDTH);
        if width < ct::TILE_WIDTH {
            let since = self.partial_since.entry(log.name.clone()).or_insert((n, Instant::now()));
            if since.0 != n {
                *since = (n, Instant::now());
            }
            if since.1.elapsed() < Duration::from_secs(self.config.partial_tile_timeout_secs) {
                return Ok(None);
            }
        }
        if log.names_tiles && !self.no_names_tiles.contains(&log.name) {
            match self.get(log, &ct::names_tile_path(n, width))? {
                Fetched::Body(b) => return Ok(Some(ct::parse_names_tile(&b, n, width)?)),
                Fetched::NotFound => {
                    eprintln!("ct note: log {} offers no names tiles; reading its data tiles", log.name);
                    self.no_names_tiles.insert(log.name.clone());
                }
            }
        }
        let path = ct::data_tile_path(n, width);
        match self.get(log, &path)? {
            Fetched::Body(b) => {
                let (entries, hashes) = ct::parse_data_tile_hashed(&b, n, width)?;
                let root = unhex(&cursor.root).context("the cursor's root")?;
                if self.tiles_root(log, cursor.size, cursor.size, n * ct::TILE_WIDTH, &hashes)? != root {
                    return Err(CtError::Proof("the data tile does not hash to the checkpoint's root").into());
                }
                Ok(Some(entries))
            }
            Fetched::NotFound => {
                self.gap(log, cursor.next, &path);
                Ok(None)
            }
        }
    }

    /// One `get-entries` batch from `cursor.next`, however short the log makes it.
    fn read_entries(&mut self, log: &Log, cursor: &Cursor) -> anyhow::Result<Option<Vec<Entry>>> {
        let end = (cursor.next + log.batch).min(cursor.size) - 1;
        let path = format!("ct/v1/get-entries?start={}&end={end}", cursor.next);
        match self.get(log, &path)? {
            Fetched::Body(b) => {
                let (entries, hashes) = ct::rfc6962::parse_entries_hashed(&b, cursor.next, end - cursor.next + 1)?;
                let head = SignedTreeHead { size: cursor.size, timestamp: 0, root: unhex(&cursor.root).context("the cursor's root")? };
                let first = self.audit_path(log, &hashes[0], cursor.next, head.size)?;
                let last = match hashes.len() {
                    1 => first.clone(),
                    n => self.audit_path(log, &hashes[n - 1], cursor.next + n as u64 - 1, head.size)?,
                };
                ct::rfc6962::verify_batch(&head, cursor.next, &hashes, &first, &last)?;
                Ok(Some(entries))
            }
            Fetched::NotFound => {
                self.gap(log, cursor.next, &path);
                Ok(None)
            }
        }
    }

    /// The audit path of the leaf with hash `leaf`, which must be entry `index`, in the tree
    /// of `size` entries (`get-proof-by-hash`).
    fn audit_path(&mut self, log: &Log, leaf: &Hash, index: u64, size: u64) -> anyhow::Result<Vec<Hash>> {
        let hash: String = B64.encode(leaf).replace('+', "%2B").replace('/', "%2F").replace('=', "%3D");
        let path = format!("ct/v1/get-proof-by-hash?hash={hash}&tree_size={size}");
        let Fetched::Body(b) = self.get(log, &path)? else {
            return Err(CtError::Proof("the log has no proof for an entry it served").into());
        };
        let (at, path) = ct::rfc6962::parse_inclusion(&b)?;
        if at != index {
            return Err(CtError::Proof("the log places an entry at another index than it served it").into());
        }
        Ok(path)
    }

    /// Judges the entries from `next` on and writes their hits; returns the new cursor.
    fn judge(&mut self, log: &Log, mut next: u64, entries: &[Entry], out: &mut impl Write) -> anyhow::Result<u64> {
        let mut text = Vec::new();
        let mut hits = Vec::new();
        // Each hit's certificate log time, for the certificate-to-indicator latency.
        let mut logged_at = std::collections::HashMap::new();
        let from = next;
        let before = (self.alarms.entries, self.alarms.duplicates, self.alarms.unparsed);
        for e in entries.iter().filter(|e| e.index >= from) {
            if e.index != next {
                self.gap(log, next, "entry numbering");
            }
            next = e.index + 1;
            self.alarms.entries += 1;
            let Some(names) = &e.names else {
                self.alarms.unparsed += 1;
                continue;
            };
            if !self.dedup.first(&names.key) {
                self.alarms.duplicates += 1;
                continue;
            }
            let seen = rfc3339_ms(e.timestamp);
            for name in &names.names {
                if let Some((n, j)) = self.monitor.watch_line(name, &mut self.counters) {
                    let mut hit = j.into_hit(n, &log.source, &seen);
                    hit.certificate = Some(hex(&names.key[..16]));
                    hit.issuer.clone_from(&names.issuer);
                    super::write_hit(&mut text, &hit, self.opts.jsonl);
                    if let Some(m) = self.opts.metrics {
                        m.hit(hit.level == monitor::HitLevel::Malicious);
                    }
                    logged_at.insert(hit.domain.clone(), e.timestamp);
                    hits.push(hit);
                }
            }
        }
        out.write_all(&text).context("writing the hits")?;
        out.flush().context("writing the hits")?;
        if let Some(m) = self.opts.metrics {
            let a = &self.alarms;
            m.ct_read(&log.name, a.entries - before.0, a.duplicates - before.1, a.unparsed - before.2);
        }
        if let Some(r) = self.recorder.as_deref_mut() {
            let made = r.record(hits)?;
            if let Some(m) = self.opts.metrics {
                let now = chrono::Utc::now().timestamp_millis();
                for d in made {
                    let latency = logged_at.get(&d).map(|&ts| (now - ts as i64) as f64 / 1000.0);
                    m.indicator(latency);
                }
            }
        }
        Ok(next)
    }

    /// GET `path` under the log's prefix, waiting out 429s as `Retry-After` asks.
    fn get(&mut self, log: &Log, path: &str) -> anyhow::Result<Fetched> {
        let url = format!("{}{path}", log.base);
        for _ in 0..5 {
            let resp = log.http.get(&url).send().with_context(|| format!("GET {url}"))?;
            match resp.status().as_u16() {
                200 => return Ok(Fetched::Body(resp.bytes().with_context(|| format!("GET {url}"))?.to_vec())),
                404 => return Ok(Fetched::NotFound),
                429 | 503 => {
                    self.alarms.throttled += 1;
                    self.alarm(log, CtAlarm::Throttled);
                    let wait = resp
                        .headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .unwrap_or(1);
                    if wait > MAX_RETRY_AFTER {
                        bail!("GET {url}: the log asks to wait {wait} s");
                    }
                    std::thread::sleep(Duration::from_secs(wait));
                }
                s => bail!("GET {url}: HTTP {s}"),
            }
        }
        bail!("GET {url}: still throttled after 5 tries")
    }

    fn alarm(&self, log: &Log, alarm: CtAlarm) {
        if let Some(m) = self.opts.metrics {
            m.ct_alarm(&log.name, alarm);
        }
    }

    fn fetch_failed(&mut self, log: &Log, e: &anyhow::Error) {
        if let Some(CtError::Proof(_)) = e.downcast_ref::<CtError>() {
            self.alarms.proofs_failed += 1;
            self.alarm(log, CtAlarm::ProofFailed);
        } else {
            self.alarms.fetch_errors += 1;
            self.alarm(log, CtAlarm::FetchError);
        }
        let refused = e.downcast_ref::<CtError>().is_some();
        eprintln!("ct{}: log {}: {e:#}", if refused { " alarm" } else { "" }, log.name);
    }

    fn gap(&mut self, log: &Log, at: u64, what: &str) {
        self.alarms.gaps += 1;
        self.alarm(log, CtAlarm::Gap);
        eprintln!("ct alarm: log {}: index gap at entry {at} ({what}); the cursor stays", log.name);
    }

    /// Alarms when the newest entry read is older than the limit while entries remain; returns
    /// its age in seconds.
    fn check_backlog(&mut self, log: &Log, last: &Entry, left: u64) -> u64 {
        let now = chrono::Utc::now().timestamp_millis().max(0) as u64;
        let age = now.saturating_sub(last.timestamp) / 1000;
        if age > self.config.backlog_alarm_secs {
            self.alarms.backlog += 1;
            self.alarm(log, CtAlarm::Backlog);
            eprintln!("ct alarm: log {}: backlog of {left} entries, the last read is {age} s old", log.name);
        }
        age
    }

    /// Writes the state file atomically (a temporary file renamed over it).
    fn save(&self, state: &mut State) -> anyhow::Result<()> {
        state.recent = B64.encode(self.dedup.export());
        let tmp = self.opts.state.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_vec(state)?).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &self.opts.state).with_context(|| format!("writing {}", self.opts.state.display()))
    }
}

fn rfc3339_ms(ms: u64) -> String {
    chrono::DateTime::from_timestamp_millis(ms as i64).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    let mut out = [0u8; 32];
    if s.len() != 64 {
        return None;
    }
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}
