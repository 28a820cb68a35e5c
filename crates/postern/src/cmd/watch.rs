//! `postern watch`: judge a stream of newly seen names (a file, stdin, or the names a zone file
//! gained since yesterday's) with the brand monitor; print the look-alikes, one JSON object per
//! line with `--jsonl`, and a summary line on stderr. Needs no server and no database.
//!
//! Files are read in blocks of whole lines, each block judged by every core, the hits written in
//! input order: memory stays constant whatever the file's size.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use monitor::{Counters, Monitor, zone::ZoneReader};

pub mod ct;

/// Bytes read per block; each worker takes a share of whole lines.
const BLOCK: usize = 1 << 20;

/// `postern watch ...`
#[derive(Debug, clap::Args)]
pub struct WatchArgs {
    /// Names to judge, one per line (`-` or nothing: stdin). An NRD list is such a file.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["zone_old", "zone_new", "ct"])]
    pub file: Option<PathBuf>,
    /// Tail the Certificate Transparency logs of this TOML file (static-ct-api and RFC 6962).
    #[arg(long, value_name = "CONFIG", conflicts_with_all = ["zone_old", "zone_new"])]
    pub ct: Option<PathBuf>,
    /// With --ct: the file keeping one cursor per log (default: ct-state.json in --data).
    #[arg(long, value_name = "FILE", requires = "ct")]
    pub state: Option<PathBuf>,
    /// With --ct: stop once every log is read up to its latest tree head instead of polling.
    #[arg(long, requires = "ct")]
    pub once: bool,
    /// Yesterday's zone file: with --zone-new, judge only the names today's zone gained.
    #[arg(long, value_name = "FILE", requires = "zone_new")]
    pub zone_old: Option<PathBuf>,
    /// Today's zone file.
    #[arg(long, value_name = "FILE", requires = "zone_old")]
    pub zone_new: Option<PathBuf>,
    /// Print one JSON object per flagged name.
    #[arg(long)]
    pub jsonl: bool,
    /// Where the names come from, as hits record it (default: `file:<name>`, `stdin`, `zone:<name>`).
    #[arg(long)]
    pub source: Option<String>,
    /// Judge every name with the full analysis (the reference the pre-filter is measured against).
    #[arg(long)]
    pub no_prefilter: bool,
    /// No progress bar, even on a terminal.
    #[arg(long)]
    pub no_progress: bool,
    /// Record the hits in the hub's database (--data or --database) and add the malicious ones
    /// to this collection as STIX indicators (needs --org).
    #[arg(long, requires = "org")]
    pub collection: Option<String>,
    /// The member organisation the indicators are attributed to (it must be allowed to write).
    #[arg(long, requires = "collection")]
    pub org: Option<String>,
    /// TLP level of the indicators.
    #[arg(long, default_value = "green")]
    pub tlp: String,
    /// Days an indicator stays valid (`valid_until`); most look-alikes live less than a week.
    #[arg(long, default_value_t = 7)]
    pub valid_days: u32,
    /// Cluster recorded look-alikes that resolved to one address, from the operator's own
    /// passive DNS records: JSON lines in the Passive DNS Common Output Format (`rrname`,
    /// `rrtype`, `rdata`; A and AAAA used). Postern never resolves a suspect name itself.
    #[arg(long, value_name = "FILE")]
    pub passive_dns: Option<PathBuf>,
    /// With --passive-dns: an address seen for more distinct registrable domains than this is
    /// shared hosting or a CDN and clusters nothing.
    #[arg(long, value_name = "N", default_value_t = monitor::pdns::DEFAULT_MAX_DOMAINS)]
    pub shared_address_domains: usize,
}

pub fn run(data: &Path, args: WatchArgs) -> anyhow::Result<()> {
    let registry = brands::BrandRegistry::builtin();
    let monitor = if args.no_prefilter { Monitor::new(&registry).without_prefilter() } else { Monitor::new(&registry) };
    let ct_config = args.ct.as_deref().map(ct::Config::load).transpose()?;
    let record = match (&args.collection, &args.org) {
        (Some(collection), Some(org)) => {
            Some(ct::RecordConfig { collection: collection.clone(), org: org.clone(), tlp: args.tlp.clone(), valid_days: args.valid_days })
        }
        _ => ct_config.as_ref().and_then(|c| c.record.clone()),
    };
    let mut recorder = match &record {
        Some(r) => Some(Recorder::open(data, r, &registry)?),
        None => None,
    };
    let pdns_file = args.passive_dns.clone().or_else(|| ct_config.as_ref().and_then(|c| c.passive_dns.clone()));
    if let Some(path) = pdns_file {
        let r = recorder.as_mut().context("--passive-dns clusters recorded hits: it needs --collection and --org, or a [record] table")?;
        let limit = ct_config.as_ref().and_then(|c| c.shared_address_domains).unwrap_or(args.shared_address_domains);
        r.pdns = Some(load_passive_dns(&path, &registry, &monitor, limit)?);
    }
    let started = Instant::now();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let counters = match (&args.zone_old, &args.zone_new) {
        _ if ct_config.is_some() => {
            let config = ct_config.as_ref().context("the CT configuration")?;
            let state = config.state_path(args.state.as_deref(), data);
            create_parent(&state)?;
            let opts = ct::Options { state, once: args.once, jsonl: args.jsonl, stop: None, metrics: None };
            ct::run(&monitor, config, &opts, &mut out, recorder.as_mut())?
        }
        (Some(old), Some(new)) => {
            let source = args.source.clone().unwrap_or_else(|| format!("zone:{}", file_name(new)));
            watch_zone_diff(&monitor, old, new, &source, args.jsonl, &mut out, recorder.as_mut())?
        }
        _ => {
            let path = args.file.as_deref().filter(|p| *p != Path::new("-"));
            let (input, len): (Box<dyn Read>, Option<u64>) = match path {
                Some(p) => {
                    let f = std::fs::File::open(p).with_context(|| format!("opening {}", p.display()))?;
                    let len = f.metadata().ok().map(|m| m.len());
                    (Box::new(f), len)
                }
                None => (Box::new(std::io::stdin().lock()), None),
            };
            let source =
                args.source.clone().unwrap_or_else(|| path.map_or_else(|| "stdin".to_string(), |p| format!("file:{}", file_name(p))));
            let bar = progress(len.filter(|_| !args.no_progress && std::io::stderr().is_terminal()));
            let c = watch_stream(&monitor, input, &source, args.jsonl, &mut out, &bar, recorder.as_mut())?;
            bar.finish_and_clear();
            c
        }
    };
    out.flush().context("writing the hits")?;
    eprintln!("{}", summary(&counters, started.elapsed().as_secs_f64()));
    if let Some(r) = &recorder {
        eprintln!(
            "recorded: {} new hits, {} seen before, {} indicators added to collection {}, {} suppressed by triage, {} campaign updates",
            r.counts.new, r.counts.seen, r.counts.indicators, r.collection, r.counts.suppressed, r.counts.campaigns
        );
    }
    Ok(())
}

/// Reads a passive DNS file (see `monitor::pdns` for the format and the shared-address rule).
fn load_passive_dns(
    path: &Path,
    registry: &brands::BrandRegistry,
    monitor: &Monitor,
    max_domains: usize,
) -> anyhow::Result<monitor::pdns::PassiveDns> {
    let f = std::fs::File::open(path).with_context(|| format!("opening the passive DNS file {}", path.display()))?;
    let official = |n: &str| registry.is_official(n);
    let registrable = |n: &str| links::parse::registrable_of(n).0;
    let keep = |n: &str| monitor.analyzer().may_name_brand(n);
    let rules = monitor::pdns::Rules { official: &official, registrable: &registrable, keep: &keep, max_domains };
    let (pdns, c) = monitor::pdns::PassiveDns::read(BufReader::new(f), &rules).with_context(|| format!("{}", path.display()))?;
    eprintln!(
        "passive DNS {}: {} address records, {} malformed, {} of other types, {} shared addresses left out",
        path.display(),
        c.records,
        c.malformed,
        c.other_types,
        c.shared
    );
    Ok(pdns)
}

fn create_parent(path: &Path) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    Ok(())
}

/// The CT watch `serve --watch CONFIG` runs beside the server: stopped with the server.
pub struct ServeWatch {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: std::thread::JoinHandle<()>,
}

impl ServeWatch {
    /// Checks `config` (logs, keys, the `[record]` table, the organisation and collection) and
    /// starts following the logs in a thread of its own; its hits are recorded through `hub`
    /// and `hits`, logged as JSON lines, and counted in `metrics`.
    pub fn start(
        data: &Path,
        config: &Path,
        hub: hub::Hub,
        hits: std::sync::Arc<dyn store::monitor::MonitorStore>,
        metrics: server::metrics::MonitorMetrics,
    ) -> anyhow::Result<ServeWatch> {
        let config = ct::Config::load(config)?;
        let record = config.record.clone().context("serve --watch: the CT configuration needs a [record] table (collection, org)")?;
        let registry = brands::BrandRegistry::builtin();
        let mut recorder = Recorder::new(hub, hits, &record, &registry)?;
        if let Some(path) = &config.passive_dns {
            let limit = config.shared_address_domains.unwrap_or(monitor::pdns::DEFAULT_MAX_DOMAINS);
            recorder.pdns = Some(load_passive_dns(path, &registry, &Monitor::new(&registry), limit)?);
        }
        let state = config.state_path(None, data);
        create_parent(&state)?;
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::Builder::new().name("ct-watch".into()).spawn(move || {
            let monitor = Monitor::new(&registry);
            let opts = ct::Options { state, once: false, jsonl: true, stop: Some(&flag), metrics: Some(&metrics) };
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                let mut out = HitLog::default();
                match ct::run(&monitor, &config, &opts, &mut out, Some(&mut recorder)) {
                    Ok(_) => {}
                    // A database or log failure must not stop the server: retried next poll.
                    Err(e) => tracing::error!(error = format!("{e:#}"), "ct watch failed; retrying"),
                }
                ct::pause(std::time::Duration::from_secs(config.poll_secs), Some(&flag));
            }
        })?;
        tracing::info!(collection = %record.collection, org = %record.org, "ct watch started");
        Ok(ServeWatch { stop, thread })
    }

    /// Asks the watch to stop after the batch in flight and waits for it.
    pub fn stop(self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        if self.thread.join().is_err() {
            tracing::error!("the ct watch thread panicked");
        }
    }
}

/// Hit lines written as log events (target `postern::watch`), one per line.
#[derive(Default)]
struct HitLog {
    line: Vec<u8>,
}

impl Write for HitLog {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            if b == b'\n' {
                tracing::info!(target: "postern::watch", hit = %String::from_utf8_lossy(&self.line), "look-alike");
                self.line.clear();
            } else {
                self.line.push(b);
            }
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn file_name(p: &Path) -> String {
    p.file_name().map_or_else(|| p.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn progress(len: Option<u64>) -> indicatif::ProgressBar {
    let Some(len) = len else { return indicatif::ProgressBar::hidden() };
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}") {
        bar.set_style(style);
    }
    bar
}

/// The summary line: counts, speed, and refused lines by reason.
fn summary(c: &Counters, secs: f64) -> String {
    let rate = if secs > 0.0 { c.seen as f64 / secs } else { 0.0 };
    let mut line = format!(
        "watch: {} names in {secs:.2} s ({rate:.0} names/s): {} malicious, {} suspicious, {} analysed in full, {} refused",
        c.seen,
        c.malicious,
        c.suspicious,
        c.analysed,
        c.rejected_total()
    );
    if !c.rejected.is_empty() {
        let parts: Vec<String> = c.rejected.iter().map(|(k, v)| format!("{k} {v}")).collect();
        line.push_str(&format!(" ({})", parts.join(", ")));
    }
    line
}

/// The time a block of names was seen, formatted once per block.
fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Reads `input` in blocks of whole lines and judges each block on every core.
fn watch_stream(
    monitor: &Monitor,
    mut input: impl Read,
    source: &str,
    jsonl: bool,
    out: &mut impl Write,
    bar: &indicatif::ProgressBar,
    mut recorder: Option<&mut Recorder>,
) -> anyhow::Result<Counters> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let mut counters = Counters::default();
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK * 2);
    let mut eof = false;
    while !eof {
        let start = buf.len();
        buf.resize(start + BLOCK, 0);
        let n = read_full(&mut input, &mut buf[start..]).context("reading the names")?;
        buf.truncate(start + n);
        bar.inc(n as u64);
        eof = n == 0;
        // Whole lines only; the tail waits for the next block (or is the last line).
        let cut = if eof { buf.len() } else { buf.iter().rposition(|&c| c == b'\n').map_or(0, |i| i + 1) };
        if cut == 0 && !eof {
            if buf.len() > 64 * BLOCK {
                bail!("a line longer than {} MiB: this is not a list of names", (64 * BLOCK) >> 20);
            }
            continue;
        }
        let seen = now_rfc3339();
        let block = &buf[..cut];
        let shares = split_lines(block, workers);
        let keep = recorder.is_some();
        let results: Vec<Share> = std::thread::scope(|s| {
            let handles: Vec<_> = shares.iter().map(|share| s.spawn(|| judge_share(monitor, share, source, &seen, jsonl, keep))).collect();
            handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))).collect()
        });
        for share in results {
            out.write_all(&share.text).context("writing the hits")?;
            counters.merge(&share.counters);
            if let Some(r) = recorder.as_deref_mut() {
                r.record(share.hits)?;
            }
        }
        buf.drain(..cut);
    }
    Ok(counters)
}

/// Reads until `buf` is full or the input ends.
fn read_full(input: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buf.len() {
        match input.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

/// `block` cut at line ends into about `n` shares.
fn split_lines(block: &[u8], n: usize) -> Vec<&[u8]> {
    let mut shares = Vec::with_capacity(n);
    let mut rest = block;
    for i in (1..=n).rev() {
        if i == 1 || rest.is_empty() {
            shares.push(rest);
            break;
        }
        let target = rest.len() / i;
        let cut = rest[target..].iter().position(|&c| c == b'\n').map_or(rest.len(), |p| target + p + 1);
        let (head, tail) = rest.split_at(cut);
        shares.push(head);
        rest = tail;
    }
    shares
}

/// What one worker found in its share of a block.
struct Share {
    text: Vec<u8>,
    counters: Counters,
    /// The hits themselves, when they are recorded.
    hits: Vec<monitor::Hit>,
}

fn judge_share(monitor: &Monitor, share: &[u8], source: &str, seen: &str, jsonl: bool, keep: bool) -> Share {
    let mut out = Share { text: Vec::new(), counters: Counters::default(), hits: Vec::new() };
    for line in share.split(|&c| c == b'\n') {
        if let Some((name, j)) = monitor.watch_bytes(line, &mut out.counters) {
            let hit = j.into_hit(name, source, seen);
            write_hit(&mut out.text, &hit, jsonl);
            if keep {
                out.hits.push(hit);
            }
        }
    }
    out
}

fn write_hit(out: &mut Vec<u8>, hit: &monitor::Hit, jsonl: bool) {
    if jsonl {
        // Serialising plain strings and numbers into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, hit);
        out.push(b'\n');
    } else {
        let level = if hit.level == monitor::HitLevel::Malicious { "malicious" } else { "suspicious" };
        let _ = writeln!(out, "{level:<10} {:>3} {}  {} ({})", hit.score, hit.domain, hit.brand, hit.technique);
    }
}

/// The names `new` has and `old` has not, judged in the order of `new`. Memory grows with the
/// old zone's names (a set), not with the new zone.
fn watch_zone_diff(
    monitor: &Monitor,
    old: &Path,
    new: &Path,
    source: &str,
    jsonl: bool,
    out: &mut impl Write,
    recorder: Option<&mut Recorder>,
) -> anyhow::Result<Counters> {
    let mut known: HashSet<String> = HashSet::new();
    read_zone(old, |name| {
        known.insert(name);
    })?;
    let mut counters = Counters::default();
    let seen = now_rfc3339();
    let mut text = Vec::new();
    let mut hits = Vec::new();
    let mut result = Ok(());
    read_zone(new, |name| {
        if result.is_err() || known.contains(&name) {
            return;
        }
        // A name met again later in today's zone is new only once.
        let line = name.clone();
        known.insert(name);
        if let Some((n, j)) = monitor.watch_line(&line, &mut counters) {
            let hit = j.into_hit(n, source, &seen);
            write_hit(&mut text, &hit, jsonl);
            if recorder.is_some() {
                hits.push(hit);
            }
            if text.len() > 1 << 16 {
                result = out.write_all(&text);
                text.clear();
            }
        }
    })?;
    result.context("writing the hits")?;
    out.write_all(&text).context("writing the hits")?;
    if let Some(r) = recorder {
        r.record(hits)?;
    }
    Ok(counters)
}

/// Calls `f` with every owner name of the zone file at `path`.
fn read_zone(path: &Path, mut f: impl FnMut(String)) -> anyhow::Result<()> {
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut zone = ZoneReader::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line).with_context(|| format!("reading {}", path.display()))? == 0 {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&line);
        if let Some(name) = zone.feed(&text).with_context(|| format!("reading the zone file {}", path.display()))? {
            f(name);
        }
    }
}

/// What recording did, for the summary.
#[derive(Debug, Default)]
struct RecordCounts {
    new: u64,
    seen: u64,
    indicators: u64,
    suppressed: u64,
    campaigns: u64,
}

/// Earlier hits read at start-up to seed the campaigns.
const SEEDED_HITS: usize = 20_000;

/// Records hits in the hub's database and turns the malicious ones into STIX indicators of a
/// collection, attributed to a member organisation, as `feeds import` adds a feed's entries.
struct Recorder {
    hub: hub::Hub,
    hits: std::sync::Arc<dyn store::monitor::MonitorStore>,
    who: hub::Principal,
    collection: String,
    namespace: uuid::Uuid,
    identity: String,
    marking: &'static str,
    valid_days: u32,
    /// Brand id -> (name, main official domain), for the indicators' names and references.
    brands: std::collections::HashMap<String, (String, String)>,
    counts: RecordCounts,
    /// Look-alikes registered together, as campaigns.
    clusters: monitor::campaign::Clusters,
    /// The operator's passive DNS records, when given: addresses join campaigns.
    pdns: Option<monitor::pdns::PassiveDns>,
}

impl Recorder {
    fn open(data: &Path, record: &ct::RecordConfig, registry: &brands::BrandRegistry) -> anyhow::Result<Recorder> {
        let hub = crate::cmd::open_hub(data, hub::HubConfig::default())?;
        let target = data.to_str().context("the data directory path is not UTF-8")?;
        let hits = store::monitor::open_monitor(target).context("opening the monitor's hits")?;
        Recorder::new(hub, hits, record, registry)
    }

    fn new(
        hub: hub::Hub,
        hits: std::sync::Arc<dyn store::monitor::MonitorStore>,
        record: &ct::RecordConfig,
        registry: &brands::BrandRegistry,
    ) -> anyhow::Result<Recorder> {
        let tlp = tlp::Tlp::parse(&record.tlp).with_context(|| format!("unknown TLP level {:?}", record.tlp))?;
        let org = hub.org(&record.org).with_context(|| format!("organisation {:?}", record.org))?;
        let namespace = hub.id_namespace(&org.identity_id);
        let identity = org.identity_id.clone();
        // The published hits of earlier runs, so a template's next name finds its campaign.
        let mut clusters = monitor::campaign::Clusters::default();
        let earlier = hits.org_hits(&identity, SEEDED_HITS).context("reading earlier hits")?;
        let known: Vec<monitor::campaign::Member<'_>> = earlier
            .iter()
            .filter(|h| h.indicator_id.is_some() && h.status.publishable())
            .map(|h| monitor::campaign::Member {
                domain: &h.domain,
                brand: &h.brand,
                certificate: None,
                issuer: None,
                first_seen: &h.first_seen,
                addresses: &[],
            })
            .collect();
        clusters.seed(&known);
        // The operator at the console acts for the organisation, as `feeds import` does.
        let who = hub::Principal::Member { org, token_id: "cli-watch".into(), role: store::Role::Admin };
        let brands = registry
            .brands()
            .iter()
            .map(|b| (b.id.clone(), (b.name.clone(), b.primary_domain().unwrap_or_default().to_string())))
            .collect();
        Ok(Recorder {
            hub,
            hits,
            who,
            collection: record.collection.clone(),
            namespace,
            identity,
            marking: tlp.marking_id(),
            valid_days: record.valid_days,
            brands,
            counts: RecordCounts::default(),
            clusters,
            pdns: None,
        })
    }

    /// Records `hits`; the malicious ones not yet an indicator, and not rejected or
    /// allowlisted, are added to the collection in one batch. Returns their domains.
    fn record(&mut self, hits: Vec<monitor::Hit>) -> anyhow::Result<Vec<String>> {
        let mut fresh = Vec::new();
        for hit in hits {
            if self.note(&hit)? && hit.level == monitor::HitLevel::Malicious {
                fresh.push(hit);
            }
        }
        if fresh.is_empty() {
            return Ok(Vec::new());
        }
        let now = store::now_rfc3339();
        let until =
            (chrono::Utc::now() + chrono::Duration::days(i64::from(self.valid_days))).to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let producer = monitor::indicator::Producer {
            namespace: &self.namespace,
            identity: Some(&self.identity),
            now: &now,
            valid_until: &until,
            marking: self.marking,
        };
        let addresses: Vec<Vec<String>> =
            fresh.iter().map(|h| self.pdns.as_ref().map(|p| p.addresses(&h.domain)).unwrap_or_default()).collect();
        let members: Vec<monitor::campaign::Member<'_>> = fresh
            .iter()
            .zip(&addresses)
            .map(|(h, a)| monitor::campaign::Member {
                domain: &h.domain,
                brand: &h.brand,
                certificate: h.certificate.as_deref(),
                issuer: h.issuer.as_deref(),
                first_seen: &h.first_seen,
                addresses: a,
            })
            .collect();
        let grown = self.clusters.add(&members);
        // Each new indicator names its campaign; the campaign and its relationships follow.
        let mut campaign_of = std::collections::HashMap::new();
        for g in &grown {
            let name = self.brands.get(&g.brand).map_or(g.brand.as_str(), |b| b.0.as_str());
            let campaign = format!("Look-alikes of {name}: {}", g.template);
            self.hits.set_hit_campaign(&g.members, &campaign).context("noting a hit's campaign")?;
            for d in &g.members {
                campaign_of.insert(d.clone(), campaign.clone());
            }
        }
        let mut objects = Vec::new();
        for hit in &fresh {
            let (name, official) = self.brands.get(&hit.brand).cloned().unwrap_or_default();
            let mut o = monitor::indicator::indicator(hit, &name, &official, &producer);
            if let Some(c) = campaign_of.get(&hit.domain) {
                o["x_postern_campaign"] = serde_json::json!(c);
            }
            objects.push(o);
        }
        for g in &grown {
            let name = self.brands.get(&g.brand).map_or(g.brand.as_str(), |b| b.0.as_str());
            let ns = self.namespace;
            objects.extend(monitor::campaign::objects(g, name, &ns, &producer, |d| monitor::indicator::indicator_id(&ns, d)));
            self.counts.campaigns += 1;
        }
        self.add(&objects)?;
        let domains: Vec<String> = fresh.into_iter().map(|h| h.domain).collect();
        for d in &domains {
            let id = monitor::indicator::indicator_id(&self.namespace, d);
            self.hits.set_hit_indicator(d, &id, &self.collection).context("noting a hit's indicator")?;
            self.counts.indicators += 1;
        }
        Ok(domains)
    }

    /// Records one sighting; true when the hit should become an indicator (new, or known and
    /// neither decided against nor already one).
    fn note(&mut self, hit: &monitor::Hit) -> anyhow::Result<bool> {
        let new = store::monitor::NewHit {
            domain: hit.domain.clone(),
            brand: hit.brand.clone(),
            technique: hit.technique.clone(),
            score: hit.score,
            level: if hit.level == monitor::HitLevel::Malicious { "malicious".into() } else { "suspicious".into() },
            source: hit.source.clone(),
            seen_at: hit.first_seen.clone(),
            org: Some(self.identity.clone()),
            issuer: hit.issuer.clone(),
        };
        Ok(match self.hits.record_hit(&new).context("recording a hit")? {
            store::monitor::HitOutcome::New => {
                self.counts.new += 1;
                true
            }
            store::monitor::HitOutcome::Seen(rec) => {
                self.counts.seen += 1;
                if !rec.status.publishable() {
                    self.counts.suppressed += 1;
                }
                rec.status.publishable() && rec.indicator_id.is_none()
            }
        })
    }

    /// Adds `objects` to the collection in one Add Objects request.
    fn add(&self, objects: &[serde_json::Value]) -> anyhow::Result<()> {
        let body = serde_json::to_vec(&serde_json::json!({ "objects": objects }))?;
        let status = self
            .hub
            .add_objects(&self.who, &self.collection, &body)
            .with_context(|| format!("adding indicators to collection {:?}", self.collection))?;
        if let Some(f) = status.failures.first() {
            anyhow::bail!("the hub refused {}: {}", f.id, f.message.as_deref().unwrap_or("refused"));
        }
        Ok(())
    }
}

/// `postern eval monitor`: the monitor on a labelled stream made by `data/monitor/generate.py`.
#[derive(Debug, clap::Args)]
pub struct EvalMonitorArgs {
    /// The stream: TSV `name<TAB>squat|benign<TAB>brand<TAB>technique`.
    #[arg(long, value_name = "FILE")]
    pub stream: PathBuf,
    /// Judge every name with the full analysis, and count the names where the pre-filter would
    /// have changed the answer (it must be none).
    #[arg(long)]
    pub check_prefilter: bool,
    /// List the misses and false alarms (the tuning part only: the held-out part is read in
    /// aggregate).
    #[arg(long)]
    pub show_misses: bool,
}

pub fn eval(json: bool, args: EvalMonitorArgs) -> anyhow::Result<()> {
    let registry = brands::BrandRegistry::builtin();
    let monitor = Monitor::new(&registry);
    let file = std::fs::File::open(&args.stream).with_context(|| format!("opening {}", args.stream.display()))?;
    let mut tally = monitor::eval::Tally::default();
    let mut counters = Counters::default();
    let mut prefilter_losses = 0u64;
    let started = Instant::now();
    for (i, line) in BufReader::with_capacity(1 << 20, file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}", args.stream.display()))?;
        let mut cols = line.split('\t');
        let (name, label, brand, technique) = (cols.next().unwrap_or_default(), cols.next(), cols.next(), cols.next());
        let squat = match label {
            Some("squat") => Some(brand.unwrap_or_default()),
            Some("benign") => None,
            _ => bail!("{} line {}: the second column must be squat or benign", args.stream.display(), i + 1),
        };
        let judged = monitor.watch_line(name, &mut counters).map(|(_, j)| j);
        if args.check_prefilter
            && let Ok(n) = monitor::normalise(name)
        {
            let full = monitor.judge_full(&n);
            if full.is_some() != judged.is_some() {
                prefilter_losses += 1;
            }
        }
        let malicious = judged.as_ref().is_some_and(|j| j.level == monitor::HitLevel::Malicious);
        if args.show_misses && (squat.is_some() != malicious) {
            let what = if malicious { "false alarm" } else { "miss" };
            let got = judged.as_ref().map_or_else(|| "quiet".to_string(), |j| format!("{:?} {} {} {}", j.level, j.score, j.brand, j.code));
            eprintln!("{what}\t{name}\t{}\t{}\t{got}", squat.unwrap_or_default(), technique.unwrap_or_default());
        }
        tally.add(squat, judged.as_ref());
    }
    let f = tally.figures();
    let secs = started.elapsed().as_secs_f64();
    if json {
        let v = serde_json::json!({ "tally": tally, "figures": f, "prefilter_losses": args.check_prefilter.then_some(prefilter_losses), "counters": counters });
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        println!(
            "{}: {} names, {} planted; malicious only: precision {:.4}, recall {:.4}, false-alarm rate {:.2e} ({} false alarms); \
             with suspicious: recall {:.4}; brand named right {:.4}; {} refused; {secs:.1} s",
            args.stream.display(),
            tally.squats + tally.benign,
            tally.squats,
            f.precision,
            f.recall,
            f.false_alarm_rate,
            tally.false_alarms,
            f.recall_any_level,
            f.brand_agreement,
            counters.rejected_total(),
        );
        if args.check_prefilter {
            println!("pre-filter: {prefilter_losses} names judged differently from the full analysis");
        }
    }
    Ok(())
}
