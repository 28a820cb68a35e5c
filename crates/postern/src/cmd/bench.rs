//! `postern bench-hub`: loads a deterministic generated set of indicators into a TAXII 2.1
//! server over HTTP and measures ingestion and paged reads, for Postern (started here as a
//! child process with a fresh data directory) or any other TAXII server (`--url`), so that
//! figures for Postern and medallion come from the same client in the same run.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::{Value, json};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Number of indicators to generate (plus identities, a campaign and relationships).
    #[arg(long, default_value_t = 10_000)]
    pub n: usize,
    /// Objects per Add Objects request.
    #[arg(long, default_value_t = 1000)]
    pub bundle: usize,
    /// Concurrent Add Objects requests (several members posting at once).
    #[arg(long, default_value_t = 2)]
    pub concurrency: usize,
    /// Pages to time per read scenario.
    #[arg(long, default_value_t = 200)]
    pub pages: usize,
    /// Benchmark an external TAXII server: URL of its collection's objects endpoint's parent,
    /// e.g. http://127.0.0.1:5000/api1/collections/ID/ (default: start Postern here).
    #[arg(long)]
    pub url: Option<String>,
    /// HTTP Basic user for --url.
    #[arg(long, default_value = "admin")]
    pub user: String,
    /// HTTP Basic password (or Postern token) for --url.
    #[arg(long, default_value = "")]
    pub password: String,
    /// Process id of the external server, to report its RSS.
    #[arg(long)]
    pub pid: Option<u32>,
    /// Per-request timeout; a read scenario that exceeds it is reported as timed out.
    #[arg(long, default_value_t = 300)]
    pub timeout_secs: u64,
    /// Label for the report.
    #[arg(long, default_value = "postern")]
    pub label: String,
}

struct Target {
    collection_url: String,
    user: String,
    password: String,
    pid: Option<u32>,
    _child: Option<ChildGuard>,
    _dir: Option<tempfile::TempDir>,
}

struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub fn run(json_out: bool, args: BenchArgs) -> anyhow::Result<()> {
    let target = match &args.url {
        Some(url) => Target {
            collection_url: if url.ends_with('/') { url.clone() } else { format!("{url}/") },
            user: args.user.clone(),
            password: args.password.clone(),
            pid: args.pid,
            _child: None,
            _dir: None,
        },
        None => start_postern()?,
    };
    let client = reqwest::blocking::Client::builder().timeout(Duration::from_secs(args.timeout_secs)).build()?;
    let objects = generate(args.n);
    let total = objects.len();

    // Bodies are serialised before the clock starts: the figure is the server's, not the client's.
    let bodies: Vec<String> = objects.chunks(args.bundle.max(1)).map(|chunk| json!({ "objects": chunk }).to_string()).collect();
    let queue = std::sync::Mutex::new(bodies.into_iter());
    let start = Instant::now();
    std::thread::scope(|scope| -> anyhow::Result<()> {
        let workers: Vec<_> = (0..args.concurrency.max(1))
            .map(|_| {
                scope.spawn(|| -> anyhow::Result<()> {
                    loop {
                        let next = queue.lock().map_err(|_| anyhow::anyhow!("poisoned"))?.next();
                        let Some(body) = next else { return Ok(()) };
                        post_bundle(&client, &target, body)?;
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().map_err(|_| anyhow::anyhow!("a posting thread panicked"))??;
        }
        Ok(())
    })?;
    let ingest = start.elapsed();
    let ingest_rate = total as f64 / ingest.as_secs_f64();
    eprintln!("{}: ingested {total} objects in {:.1} s ({ingest_rate:.0}/s); timing reads", args.label, ingest.as_secs_f64());

    let mid = objects.len() / 2;
    let mut scenarios = Vec::new();
    let midpoint = added_at(&client, &target, mid);
    for (name, query) in [
        ("limit=100", Ok("limit=100".to_string())),
        ("limit=1000", Ok("limit=1000".to_string())),
        ("limit=100&match[type]=indicator", Ok("limit=100&match[type]=indicator".to_string())),
        ("limit=100&added_after=<midpoint>", midpoint.map(|m| format!("limit=100&added_after={m}"))),
    ] {
        let stats = query.and_then(|q| page_walk(&client, &target, &q, args.pages));
        if let Err(e) = &stats {
            eprintln!("{}: GET {name} failed: {e:#}", args.label);
        }
        scenarios.push((name, stats));
    }
    let rss_kb = target.pid.and_then(rss_kib);
    let report = json!({
        "label": args.label,
        "objects": total,
        "ingest_seconds": ingest.as_secs_f64(),
        "ingest_concurrency": args.concurrency,
        "ingest_objects_per_second": ingest_rate.round(),
        "reads": scenarios.iter().map(|(name, s)| match s {
            Ok(s) => json!({
                "query": name, "pages": s.pages, "objects": s.objects,
                "p50_ms": s.p50_ms, "p99_ms": s.p99_ms, "requests_per_second": s.rps.round(),
            }),
            Err(e) => json!({"query": name, "error": format!("{e:#}")}),
        }).collect::<Vec<_>>(),
        "server_rss_mib": rss_kb.map(|k| (k as f64 / 1024.0).round()),
    });
    if json_out {
        println!("{report}");
    } else {
        println!("{}: {} objects ingested in {:.1} s = {:.0} objects/s", args.label, total, ingest.as_secs_f64(), ingest_rate);
        for (name, s) in &scenarios {
            match s {
                Ok(s) => println!(
                    "  GET {:<36} {:>4} pages  p50 {:>7.2} ms  p99 {:>7.2} ms  {:>6.0} req/s",
                    name, s.pages, s.p50_ms, s.p99_ms, s.rps
                ),
                Err(e) => println!("  GET {name:<36} failed: {e:#}"),
            }
        }
        if let Some(k) = rss_kb {
            println!("  server RSS {:.0} MiB", k as f64 / 1024.0);
        }
    }
    Ok(())
}

/// Starts `postern serve` from this very executable on an ephemeral port with a fresh database.
fn start_postern() -> anyhow::Result<Target> {
    let exe = std::env::current_exe().context("locating the postern executable")?;
    let dir = tempfile::tempdir()?;
    let data = dir.path().to_path_buf();
    let cli = |args: &[&str]| -> anyhow::Result<Value> {
        let out = Command::new(&exe).arg("--data").arg(&data).arg("--json").args(args).output()?;
        if !out.status.success() {
            bail!("postern {args:?} failed: {}", String::from_utf8_lossy(&out.stdout));
        }
        Ok(serde_json::from_slice(&out.stdout)?)
    };
    cli(&["org", "add", "Bench Post", "--country", "FR"])?;
    let token = cli(&["token", "issue", "--org", "Bench Post", "--role", "analyst"])?["token"].as_str().unwrap_or_default().to_string();
    let collection =
        cli(&["collection", "add", "bench", "--read", "all", "--write", "Bench Post"])?["id"].as_str().unwrap_or_default().to_string();
    let mut child = Command::new(&exe)
        .arg("--data")
        .arg(&data)
        .args(["--json", "serve", "--listen", "127.0.0.1:0", "--max-content-length", "268435456"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .context("starting postern serve")?;
    let pid = child.id();
    let stdout = child.stdout.take().context("no stdout")?;
    let guard = ChildGuard(child);
    let mut url = None;
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Ok(v) = serde_json::from_str::<Value>(&line)
            && v["event"] == "listening"
        {
            url = v["url"].as_str().map(String::from);
            break;
        }
    }
    let url = url.context("postern serve did not report its address")?;
    Ok(Target {
        collection_url: format!("{url}/isac/collections/{collection}/"),
        user: "bench".into(),
        password: token,
        pid: Some(pid),
        _child: Some(guard),
        _dir: Some(dir),
    })
}

/// Deterministic data: identities, one campaign, indicators with a TLP mix, and one
/// `indicates` relationship per ten indicators.
fn generate(n: usize) -> Vec<Value> {
    const CREATED: &str = "2025-06-01T00:00:00.000Z";
    let tlps = [tlp::TLP2_CLEAR, tlp::TLP2_GREEN, tlp::TLP2_GREEN, tlp::TLP2_AMBER, tlp::TLP2_AMBER, tlp::TLP2_RED];
    let uuid = |kind: u32, i: usize| format!("{kind:08x}-0000-4000-8000-{i:012x}");
    let campaign = format!("campaign--{}", uuid(2, 0));
    let mut out = vec![json!({
        "type": "campaign", "spec_version": "2.1", "id": campaign, "created": CREATED, "modified": CREATED,
        "name": "Parcel fee smishing wave", "object_marking_refs": [tlp::TLP2_GREEN],
    })];
    for i in 0..5 {
        out.push(json!({
            "type": "identity", "spec_version": "2.1", "id": format!("identity--{}", uuid(1, i)),
            "created": CREATED, "modified": CREATED, "name": format!("Reporting post {i}"), "identity_class": "organization",
            "object_marking_refs": [tlp::TLP2_CLEAR],
        }));
    }
    for i in 0..n {
        let id = format!("indicator--{}", uuid(3, i));
        let marking = tlps[i % tlps.len()];
        out.push(json!({
            "type": "indicator", "spec_version": "2.1", "id": id, "created": CREATED, "modified": CREATED,
            "name": format!("Smishing domain {i}"), "indicator_types": ["malicious-activity"],
            "pattern": format!("[domain-name:value = 'colis-{i}.laposte-suivi.top']"), "pattern_type": "stix",
            "valid_from": CREATED, "object_marking_refs": [marking],
        }));
        if i % 10 == 0 {
            out.push(json!({
                "type": "relationship", "spec_version": "2.1", "id": format!("relationship--{}", uuid(4, i)),
                "created": CREATED, "modified": CREATED, "relationship_type": "indicates",
                "source_ref": id, "target_ref": campaign, "object_marking_refs": [marking],
            }));
        }
    }
    out
}

fn post_bundle(client: &reqwest::blocking::Client, target: &Target, body: String) -> anyhow::Result<()> {
    let resp = client
        .post(format!("{}objects/", target.collection_url))
        .basic_auth(&target.user, Some(&target.password))
        .header("Accept", "application/taxii+json;version=2.1")
        .header("Content-Type", "application/taxii+json;version=2.1")
        .body(body)
        .send()
        .context("posting a bundle")?;
    if !resp.status().is_success() {
        bail!("Add Objects answered {}: {}", resp.status(), resp.text().unwrap_or_default());
    }
    let status: Value = resp.json()?;
    if status["failure_count"].as_u64().unwrap_or(0) > 0 {
        bail!("the server refused objects: {}", status["failures"]);
    }
    Ok(())
}

struct WalkStats {
    pages: usize,
    objects: usize,
    p50_ms: f64,
    p99_ms: f64,
    rps: f64,
}

fn get(client: &reqwest::blocking::Client, t: &Target, query: &str) -> anyhow::Result<(Value, Option<String>)> {
    let resp = client
        .get(format!("{}objects/?{query}", t.collection_url))
        .basic_auth(&t.user, Some(&t.password))
        .header("Accept", "application/taxii+json;version=2.1")
        .send()?;
    if !resp.status().is_success() {
        bail!("GET objects answered {}", resp.status());
    }
    let last = resp.headers().get("x-taxii-date-added-last").and_then(|v| v.to_str().ok()).map(String::from);
    Ok((resp.json()?, last))
}

/// The `date_added` of roughly the `index`-th object, to start an `added_after` walk mid-way.
fn added_at(client: &reqwest::blocking::Client, t: &Target, index: usize) -> anyhow::Result<String> {
    let mut query = "limit=1000".to_string();
    let mut seen = 0;
    loop {
        let (page, last) = get(client, t, &query)?;
        seen += page["objects"].as_array().map_or(0, Vec::len);
        let last = last.context("server sent no X-TAXII-Date-Added-Last")?;
        if seen >= index || page["more"] != json!(true) {
            return Ok(last);
        }
        query = format!("limit=1000&added_after={last}");
    }
}

fn page_walk(client: &reqwest::blocking::Client, t: &Target, query: &str, pages: usize) -> anyhow::Result<WalkStats> {
    let mut times = Vec::with_capacity(pages);
    let mut objects = 0;
    let mut next: Option<String> = None;
    let start = Instant::now();
    while times.len() < pages {
        let q = match &next {
            Some(n) => format!("{query}&next={n}"),
            None => query.to_string(),
        };
        let t0 = Instant::now();
        let (page, _) = get(client, t, &q)?;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        objects += page["objects"].as_array().map_or(0, Vec::len);
        next = page["next"].as_str().map(String::from);
        if page["more"] != json!(true) || next.is_none() {
            break;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times.get(((times.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0.0);
    Ok(WalkStats { pages: times.len(), objects, p50_ms: pct(0.5), p99_ms: pct(0.99), rps: times.len() as f64 / elapsed })
}

fn rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}
