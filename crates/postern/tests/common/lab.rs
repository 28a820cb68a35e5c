//! The DNS lab (NSD + Unbound from scripts/lab) for end-to-end tests of posture scans.

use std::process::Command;

pub fn free_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0").and_then(|s| s.local_addr()).map(|a| a.port()).expect("free port")
}

/// The lab's NSD and Unbound, stopped on drop.
pub struct Lab {
    dir: tempfile::TempDir,
    nsd: u16,
}

impl Drop for Lab {
    fn drop(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/lab/lab.sh");
        let _ = Command::new("bash").arg(script).arg("down").arg(self.dir.path()).status();
    }
}

impl Lab {
    /// Starts NSD and Unbound on free ports; the second value is Unbound's port on 127.0.0.1.
    /// A port is free when we pick it but another test may bind it before NSD or Unbound does
    /// (seen in CI: "can't bind socket: Address already in use"); then the lab starts again on
    /// new ports.
    pub fn start() -> (Lab, u16) {
        let mut last_log = String::new();
        for _ in 0..5 {
            match Self::try_start() {
                Ok(started) => return started,
                Err(log) if log.contains("Address already in use") => last_log = log,
                Err(log) => panic!("lab did not start: {log}"),
            }
        }
        panic!("lab did not start after 5 tries, ports kept being taken: {last_log}");
    }

    fn try_start() -> Result<(Lab, u16), String> {
        let (nsd, unbound) = (free_port(), free_port());
        let lab = Lab { dir: tempfile::tempdir().expect("tmp"), nsd };
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/lab/lab.sh");
        // The servers lab.sh starts outlive it: give them a log file, not our pipes, or waiting for
        // the script would wait for them too.
        let log_path = lab.dir.path().join("lab.log");
        let log = std::fs::File::create(&log_path).expect("log file");
        let up = Command::new("bash")
            .arg(script)
            .args(["up"])
            .arg(lab.dir.path())
            .args(["127.0.0.1", &nsd.to_string(), &unbound.to_string()])
            .stdout(log.try_clone().expect("log"))
            .stderr(log)
            .status()
            .expect("run lab.sh (needs nsd, unbound, ldnsutils: scripts/test installs them)");
        if up.success() {
            Ok((lab, unbound))
        } else {
            // Dropping `lab` stops whichever server did start.
            Err(std::fs::read_to_string(&log_path).unwrap_or_default())
        }
    }

    /// Appends `records` (zone-file lines with absolute owner names) to the lab's zone `zone`
    /// and has NSD reload it (SIGHUP re-reads changed zone files); returns once NSD serves the
    /// first record's name, asked directly (Unbound has not seen it, so caches nothing stale).
    pub fn add_records(&self, zone: &str, records: &[String]) {
        use std::io::Write;
        let path = self.dir.path().join(format!("lab/zones/{zone}.zone"));
        let mut file = std::fs::OpenOptions::new().append(true).open(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for r in records {
            writeln!(file, "{r}").expect("append record");
        }
        drop(file);
        let pid = std::fs::read_to_string(self.dir.path().join("run/nsd.fg.pid")).expect("nsd pid");
        assert!(Command::new("kill").args(["-HUP", pid.trim()]).status().expect("kill").success(), "NSD reload");
        let (name, rtype) = records
            .first()
            .and_then(|r| {
                let f: Vec<&str> = r.split_whitespace().collect();
                Some((f.first()?.to_string(), f.iter().position(|x| *x == "IN").and_then(|i| f.get(i + 1)).map(|t| t.to_string())?))
            })
            .expect("a record line: NAME [TTL] IN TYPE DATA");
        for _ in 0..200 {
            let out = Command::new("dig")
                .args(["+short", "+time=1", "+tries=1", "-p", &self.nsd.to_string(), "@127.0.0.1", &rtype, &name])
                .output()
                .expect("dig");
            if !out.stdout.iter().all(u8::is_ascii_whitespace) {
                return;
            }
            // NSD reloads in a forked process: ask again shortly.
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        panic!("NSD never served {name} {rtype} after the reload");
    }

    /// The `serve` flags that point posture scans at this lab.
    pub fn serve_flags(&self, unbound: u16) -> Vec<String> {
        let anchor = self.dir.path().join("lab/anchor.ds");
        vec![
            "--posture-resolver".into(),
            format!("127.0.0.1:{unbound}"),
            "--posture-trust-anchor".into(),
            anchor.to_str().expect("utf8").into(),
        ]
    }
}
