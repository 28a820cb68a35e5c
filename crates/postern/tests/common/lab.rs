//! The DNS lab (NSD + Unbound from scripts/lab) for end-to-end tests of posture scans.

use std::process::Command;

pub fn free_port() -> u16 {
    std::net::UdpSocket::bind("127.0.0.1:0").and_then(|s| s.local_addr()).map(|a| a.port()).expect("free port")
}

/// The lab's NSD and Unbound, stopped on drop.
pub struct Lab {
    dir: tempfile::TempDir,
}

impl Drop for Lab {
    fn drop(&mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/lab/lab.sh");
        let _ = Command::new("bash").arg(script).arg("down").arg(self.dir.path()).status();
    }
}

impl Lab {
    /// Starts NSD and Unbound on free ports; the second value is Unbound's port on 127.0.0.1.
    pub fn start() -> (Lab, u16) {
        let lab = Lab { dir: tempfile::tempdir().expect("tmp") };
        let (nsd, unbound) = (free_port(), free_port());
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
        assert!(up.success(), "lab did not start: {}", std::fs::read_to_string(&log_path).unwrap_or_default());
        (lab, unbound)
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
