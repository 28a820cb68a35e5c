//! A real SMTP server for the tests that send mail: aiosmtpd (PyPI, scripts/test-deps) running
//! `tests/python/smtp_sink.py` on 127.0.0.1, which stores every delivered message as a JSON file;
//! and the wait loop the tests of background senders poll with.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The Python of the test venv (`scripts/test` makes it and sets POSTERN_TEST_PYTHON).
pub fn python() -> PathBuf {
    std::env::var_os("POSTERN_TEST_PYTHON")
        .expect("POSTERN_TEST_PYTHON is not set: run the suite with scripts/test, which creates the Python venv")
        .into()
}

/// A running sink; stopped when dropped.
pub struct Sink {
    child: Child,
    pub port: u16,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A sink storing into `out` that accepts everyone.
pub fn sink(out: &Path) -> Sink {
    sink_with(out, &out.join("never-refuse"), &out.join("never-stall"))
}

/// A sink storing into `out`: while `refuse_flag` exists it refuses recipients starting with
/// `refuse` (550), while `stall_flag` exists it stops answering at the RCPT of recipients
/// starting with `stall` (a relay that hangs mid-campaign).
pub fn sink_with(out: &Path, refuse_flag: &Path, stall_flag: &Path) -> Sink {
    helper("smtp_sink.py", &[out, refuse_flag, stall_flag])
}

/// Starts one of the test helpers of `tests/python/` with `args`; it prints the port it listens
/// on (127.0.0.1) as its first line.
pub fn helper(script: &str, args: &[&Path]) -> Sink {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python").join(script);
    let mut child = Command::new(python()).arg(&script).args(args).stdout(Stdio::piped()).spawn().expect("start a Python test helper");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout")).read_line(&mut line).expect("port line");
    Sink { child, port: line.trim().parse().unwrap_or_else(|_| panic!("{} prints its port: {line:?}", script.display())) }
}

/// The messages delivered to `out`, in order: the JSON files a helper stored there
/// (`{"to": [...], "data": "..."}` for the SMTP sink).
pub fn delivered(out: &Path) -> Vec<Value> {
    let mut names: Vec<_> = std::fs::read_dir(out)
        .expect("out dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    names.iter().map(|p| serde_json::from_slice(&std::fs::read(p).expect("read")).expect("json")).collect()
}

/// Polls `done` every `every` until it holds; fails naming `what` after `within`.
pub fn wait_until(what: &str, within: Duration, every: Duration, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < within, "timed out waiting for {what}");
        std::thread::sleep(every);
    }
}

/// A test's mail room: a temporary directory with a hub data directory holding La Poste, the
/// folder the sink stores into, and the sink's refuse and stall flags (not set).
pub struct Mailroom {
    pub dir: tempfile::TempDir,
    pub data: PathBuf,
    pub out: PathBuf,
    pub refuse: PathBuf,
    pub stall: PathBuf,
}

impl Mailroom {
    pub fn new() -> Mailroom {
        let dir = tempfile::tempdir().expect("tempdir");
        let (data, out) = (dir.path().join("data"), dir.path().join("mail"));
        std::fs::create_dir(&out).expect("mail dir");
        super::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
        let (refuse, stall) = (dir.path().join("refuse"), dir.path().join("stall"));
        Mailroom { dir, data, out, refuse, stall }
    }

    /// Makes the sink hang at `stall...` recipients until [`Mailroom::answer`].
    pub fn hang(&self) {
        std::fs::write(&self.stall, "").expect("stall flag");
    }

    pub fn answer(&self) {
        std::fs::remove_file(&self.stall).expect("remove stall flag");
    }

    /// The sink of this mail room.
    pub fn sink(&self) -> Sink {
        sink_with(&self.out, &self.refuse, &self.stall)
    }
}
