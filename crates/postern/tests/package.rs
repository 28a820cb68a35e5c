//! The Debian package and its systemd unit, tested without a running systemd: the package
//! builds from `packaging/build-deb.sh` with this build's binary, holds what it should with the
//! right owners and modes, its unit passes `systemd-analyze verify` and scores as hardened in
//! `systemd-analyze security`, the configuration it installs checks, and `serve` tells a
//! `Type=notify` supervisor it is ready.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn run(program: &str, args: &[&str]) -> Output {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    out
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Builds the package into `dir` and returns its path.
fn build_package(dir: &Path) -> PathBuf {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../packaging/build-deb.sh");
    let out = Command::new("sh")
        .args([script, common::exe(), &dir.display().to_string()])
        .env("POSTERN_DEB_COMPRESSION", "none")
        .output()
        .expect("build-deb.sh");
    assert!(out.status.success(), "build-deb.sh: {}", String::from_utf8_lossy(&out.stderr));
    PathBuf::from(text(&out).trim())
}

#[test]
fn the_debian_package_installs_a_hardened_service() {
    let dir = tempfile::tempdir().expect("tmp");
    let deb = build_package(dir.path());
    let deb_s = deb.display().to_string();

    let info = text(&run("dpkg-deb", &["--field", &deb_s, "Package", "Version", "Depends"]));
    assert!(info.contains(&format!("Version: {}", env!("CARGO_PKG_VERSION"))), "{info}");
    assert!(info.contains("Package: postern") && info.contains("adduser"), "{info}");
    let conffiles = text(&run("dpkg-deb", &["--info", &deb_s, "conffiles"]));
    assert_eq!(conffiles.trim(), "/etc/postern/postern.toml");

    // Contents: every file root-owned, the configuration not world-readable.
    let listing = text(&run("dpkg-deb", &["--contents", &deb_s]));
    let want = [
        ("-rwxr-xr-x", "./usr/bin/postern"),
        ("-rw-r--r--", "./usr/lib/systemd/system/postern.service"),
        ("-rw-r-----", "./etc/postern/postern.toml"),
        ("-rw-r--r--", "./usr/share/doc/postern/postern.example.toml"),
        ("-rw-r--r--", "./usr/share/doc/postern/OPERATIONS.md"),
        ("-rw-r--r--", "./usr/share/doc/postern/copyright"),
    ];
    for (mode, path) in want {
        let line = listing.lines().find(|l| l.ends_with(path)).unwrap_or_else(|| panic!("{path} missing from the package:\n{listing}"));
        assert!(line.starts_with(mode) && line.contains(" root/root "), "{line}");
    }
    assert!(listing.lines().all(|l| l.contains(" root/root ")), "{listing}");

    // The maintainer scripts are valid shell.
    let control = dir.path().join("control");
    run("dpkg-deb", &["--control", &deb_s, &control.display().to_string()]);
    for script in ["postinst", "prerm", "postrm"] {
        run("sh", &["-n", &control.join(script).display().to_string()]);
    }

    // Unpacked into a throwaway root: the unit verifies against it, is hardened, and the
    // installed configuration checks with the installed binary.
    let root = dir.path().join("root");
    let root_s = root.display().to_string();
    run("dpkg-deb", &["--extract", &deb_s, &root_s]);
    let unit = "/usr/lib/systemd/system/postern.service";
    let verify = Command::new("systemd-analyze")
        .args(["verify", "--man=no", "--recursive-errors=no", &format!("--root={root_s}"), unit])
        .output()
        .expect("systemd-analyze (Debian package systemd)");
    assert!(
        verify.status.success() && verify.stderr.is_empty(),
        "systemd-analyze verify: {}{}",
        String::from_utf8_lossy(&verify.stdout),
        String::from_utf8_lossy(&verify.stderr)
    );
    // Exposure at most 2.0 of 10 ("OK"); the unit scores 1.4 when written (systemd 252).
    let security = Command::new("systemd-analyze")
        .args(["security", "--offline=yes", "--threshold=20", "--no-pager", &format!("--root={root_s}"), unit])
        .output()
        .expect("systemd-analyze security");
    assert!(security.status.success(), "systemd-analyze security: {}", String::from_utf8_lossy(&security.stdout));
    let unit_text = std::fs::read_to_string(root.join(unit.trim_start_matches('/'))).expect("unit");
    for line in ["User=postern", "Type=notify", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes", "StateDirectory=postern"] {
        assert!(unit_text.lines().any(|l| l == line), "the unit lacks {line}");
    }

    let installed = root.join("usr/bin/postern").display().to_string();
    let config = root.join("etc/postern/postern.toml").display().to_string();
    let checked = text(&run(&installed, &["--json", "config", "check", "--config", &config]));
    assert!(checked.contains("\"/var/lib/postern\""), "{checked}");
}

#[test]
fn serve_tells_systemd_it_is_ready_once_listening() {
    let dir = tempfile::tempdir().expect("tmp");
    let socket_path = dir.path().join("notify.sock");
    let socket = std::os::unix::net::UnixDatagram::bind(&socket_path).expect("bind notify socket");
    // A deadline, not a pause: recv returns as soon as the datagram arrives.
    socket.set_read_timeout(Some(Duration::from_secs(120))).expect("timeout");
    let mut child = Command::new(common::exe())
        .arg("--data")
        .arg(dir.path().join("data"))
        .args(["--json", "serve", "--no-config", "--listen", "127.0.0.1:0"])
        .env("NOTIFY_SOCKET", &socket_path)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("serve");
    let mut buf = [0u8; 64];
    let got = socket.recv(&mut buf);
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let listening = lines.by_ref().map_while(Result::ok).any(|l| l.contains("\"listening\""));
    let _ = child.kill();
    let _ = child.wait();
    let n = got.expect("READY=1 on NOTIFY_SOCKET");
    assert_eq!(&buf[..n], b"READY=1");
    assert!(listening, "ready is sent after the listening line");
}
