//! The report address's mailbox against a real IMAP server: a throwaway Dovecot
//! (scripts/test-deps/awareness.apt) on 127.0.0.1 with a Maildir in a temporary directory.
//! Staff forward a simulation and a real scam, plus one unreadable message: the poller records
//! the simulation's report ("well spotted"), files the real one in the triage queue, flags the
//! unreadable one and leaves it unseen; the messages' flags are read back from the Maildir file
//! names Dovecot writes. `postern serve --report-imap-url` polls the same mailbox on its own.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::Value;
use store::PortalStore;

const PUBLIC: &str = "https://sim.poste.example";
const PASSWORD: &str = "imap-s3cret-91";
const REAL_SCAM: &str = "La Poste: votre colis est bloque. Payez 1,99 EUR de frais de livraison avant ce soir sur https://laposte-suivi-colis.top/paiement sinon il sera retourne.";

/// A Dovecot of its own, stopped on drop.
struct Dovecot {
    child: Child,
    port: u16,
    maildir: PathBuf,
    owner: (u32, u32),
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM lets the master stop its login and mail processes.
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        let _ = self.child.wait();
    }
}

/// `(uid, gid)` of a system user, from `id`.
fn ids(user: Option<&str>) -> (u32, u32) {
    let id = |flag: &str| {
        let out = Command::new("id").arg(flag).args(user).output().expect("id");
        String::from_utf8_lossy(&out.stdout).trim().parse().expect("numeric id")
    };
    (id("-u"), id("-g"))
}

impl Dovecot {
    /// Starts Dovecot on a free port; another test may take the port first, then it starts
    /// again on a new one.
    fn start(dir: &Path) -> Dovecot {
        let mut last = String::new();
        for _ in 0..5 {
            match Self::try_start(dir) {
                Ok(d) => return d,
                Err(log) if log.contains("Address already in use") => last = log,
                Err(log) => panic!("dovecot did not start: {log}"),
            }
        }
        panic!("dovecot did not start after 5 tries, ports kept being taken: {last}");
    }

    fn try_start(dir: &Path) -> Result<Dovecot, String> {
        let port = common::lab::free_port();
        // Dovecot refuses to run its login and mail processes as root: as root, they run as the
        // package's own users and the Maildir is theirs.
        let root = ids(None).0 == 0;
        let (login, internal) = if root { ("dovenull".to_string(), "dovecot".to_string()) } else { (whoami(), whoami()) };
        let owner = if root { ids(Some("dovecot")) } else { ids(None) };
        let home = dir.join("home");
        let maildir = home.join("Maildir");
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).expect("maildir");
        }
        chown_all(&home, owner);
        std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
        let log = dir.join("dovecot.log");
        let _ = std::fs::remove_file(&log);
        let run = dir.join("run");
        let _ = std::fs::remove_dir_all(&run);
        std::fs::create_dir_all(&run).expect("run dir");
        std::fs::write(dir.join("passwd"), format!("reports:{{PLAIN}}{PASSWORD}\n")).expect("passwd");
        let d = dir.display();
        let (uid, gid) = owner;
        let config = format!(
            "base_dir = {d}/run\nstate_dir = {d}/run\nlog_path = {d}/dovecot.log\nprotocols = imap\nlisten = 127.0.0.1\n\
             ssl = no\ndisable_plaintext_auth = no\nauth_mechanisms = plain login\nmail_location = maildir:~/Maildir\n\
             default_login_user = {login}\ndefault_internal_user = {internal}\ndefault_internal_group = {internal}\n\
             first_valid_uid = 0\nfirst_valid_gid = 0\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {d}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid={uid} gid={gid} home={d}/home\n}}\n\
             service imap-login {{\n  inet_listener imap {{\n    address = 127.0.0.1\n    port = {port}\n  }}\n  \
             inet_listener imaps {{\n    port = 0\n  }}\n}}\n"
        );
        let conf = dir.join("dovecot.conf");
        std::fs::write(&conf, config).expect("config");
        let mut child = Command::new("/usr/sbin/dovecot")
            .arg("-F")
            .arg("-c")
            .arg(&conf)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dovecot (Debian package dovecot-imapd)");
        // Ready once it accepts connections; a start that failed has exited by then.
        loop {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(Dovecot { child, port, maildir, owner });
            }
            if let Ok(Some(_)) = child.try_wait() {
                return Err(std::fs::read_to_string(&log).unwrap_or_default());
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Delivers a message as a mail server would: written in `tmp/`, renamed into `new/`.
    fn deliver(&self, name: &str, raw: &str) {
        let tmp = self.maildir.join("tmp").join(name);
        std::fs::write(&tmp, raw).expect("write mail");
        std::os::unix::fs::chown(&tmp, Some(self.owner.0), Some(self.owner.1)).expect("chown mail");
        std::fs::rename(&tmp, self.maildir.join("new").join(name)).expect("deliver");
    }

    /// The IMAP flags of the message delivered as `name`, from its Maildir file name (`:2,FS`),
    /// `None` while it is still in `new/` (never looked at).
    fn flags(&self, name: &str) -> Option<String> {
        std::fs::read_dir(self.maildir.join("cur")).expect("cur").find_map(|e| {
            let file = e.expect("entry").file_name().to_string_lossy().into_owned();
            file.strip_prefix(&format!("{name}:2,")).map(str::to_string)
        })
    }
}

/// Every file under `dir`, for failure messages.
fn listing(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(listing(&p));
        } else {
            out.push(p.display().to_string());
        }
    }
    out
}

fn whoami() -> String {
    String::from_utf8_lossy(&Command::new("id").arg("-un").output().expect("id").stdout).trim().to_string()
}

fn chown_all(path: &Path, (uid, gid): (u32, u32)) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).expect("chown");
    if path.is_dir() {
        for e in std::fs::read_dir(path).expect("dir") {
            chown_all(&e.expect("entry").path(), (uid, gid));
        }
    }
}

/// A real SMTP server (aiosmtpd, tests/python/smtp_sink.py) for the "well spotted" answers.
fn smtp_sink(out: &Path) -> common::smtp::Sink {
    common::smtp::sink(out)
}

fn poll(data: &Path, port: u16, password_file: &Path) -> (bool, Value, String) {
    poll_with(data, port, password_file, &[])
}

fn poll_with(data: &Path, port: u16, password_file: &Path, extra: &[&str]) -> (bool, Value, String) {
    let out = Command::new(common::exe())
        .arg("--data")
        .arg(data)
        .args(["--json", "awareness", "mailbox", "poll"])
        .args(mailbox_flags(port, password_file))
        .args(extra)
        .env_remove("POSTERN_REPORT_IMAP_PASSWORD")
        .env("RUST_LOG", "info")
        .output()
        .expect("run postern");
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), serde_json::from_slice(&out.stdout).unwrap_or_default(), all)
}

fn mailbox_flags(port: u16, password_file: &Path) -> Vec<String> {
    let password_file = password_file.to_str().expect("utf-8");
    ["--report-imap-url", &format!("imap://127.0.0.1:{port}/INBOX"), "--report-imap-user", "reports"]
        .into_iter()
        .chain(["--report-imap-password-file", password_file, "--report-imap-org", "La Poste"])
        .map(String::from)
        .collect()
}

/// A staff member's forward of `inner` as an attachment, its body base64 as clients send it.
fn forwarded(subject: &str, inner: &str) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(inner);
    format!(
        "From: ana@poste.example\r\nTo: signalement@poste.example\r\nSubject: Fwd: {subject}\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"fw1\"\r\n\r\n--fw1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
         Ce message est-il vrai ?\r\n--fw1\r\nContent-Type: message/rfc822\r\n\r\nFrom: colis@example.net\r\nSubject: {subject}\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n--fw1--\r\n"
    )
}

fn results(data: &Path, id: &str) -> Value {
    common::cli(data, &["awareness", "campaign", "results", id])
}

#[test]
fn reports_forwarded_to_the_mailbox_are_read_over_imap() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    common::cli(&data, &["org", "add", "La Poste", "--country", "FR"]);
    let csv = dir.path().join("t.csv");
    std::fs::write(&csv, "email,group\nana@poste.example,counter\nbo@poste.example,counter\n").expect("csv");
    let created = common::cli(
        &data,
        &[
            "awareness",
            "campaign",
            "create",
            "--org",
            "La Poste",
            "--name",
            "w",
            "--targets",
            csv.to_str().expect("utf-8"),
            "--channel",
            "email",
            "--template",
            "staff-account-email",
            "--public-url",
            PUBLIC,
            "--legal-basis",
            "GDPR Art. 6(1)(f)",
            "--staff-notice",
            "Intranet notice of 2026-11-02",
        ],
    );
    let id = created["id"].as_i64().expect("id").to_string();
    let link = |i: usize| created["links"][i]["url"].as_str().expect("url").to_string();
    // Dovecot's processes run as its own users when the tests run as root: they must reach
    // the Maildir inside this directory.
    std::fs::set_permissions(dir.path(), std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let imap_dir = dir.path().join("imap");
    std::fs::create_dir(&imap_dir).expect("imap dir");
    let dovecot = Dovecot::start(&imap_dir);
    let password_file = dir.path().join("imap.password");
    std::fs::write(&password_file, format!("{PASSWORD}\n")).expect("password");

    dovecot.deliver("1.sim", &forwarded("Your mailbox is full", &format!("Sign in again: {}\r\n", link(0))));
    dovecot.deliver("2.real", &forwarded("Colis bloque", REAL_SCAM));
    // A forward longer than the report path takes is reported on its beginning, not refused.
    dovecot
        .deliver("5.long", &forwarded("Colis bloque (suite)", &format!("{REAL_SCAM}\r\n{}", "Lorem ipsum dolor sit amet. ".repeat(2000))));
    dovecot.deliver(
        "3.bad",
        "Subject: Fwd: ?\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!! this is not base64 !!!\r\n",
    );

    let answers = dir.path().join("answers");
    std::fs::create_dir(&answers).expect("answers dir");
    let smtp = smtp_sink(&answers);
    let relay = format!("127.0.0.1:{}", smtp.port);
    let reply = ["--report-imap-reply-smtp", relay.as_str(), "--report-imap-reply-from", "security@poste.example"];
    let (ok, first, all) = poll_with(&data, dovecot.port, &password_file, &reply);
    assert!(ok, "{all}");
    // The simulation's reporter (the forward's From) got "well spotted"; nobody else got mail.
    let sent: Vec<Value> = std::fs::read_dir(&answers)
        .expect("answers")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| serde_json::from_slice(&std::fs::read(p).expect("read")).expect("json"))
        .collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["to"][0], "ana@poste.example");
    assert!(sent[0]["data"].as_str().is_some_and(|d| d.contains("Well spotted") && d.contains("security@poste.example")), "{sent:?}");
    assert_eq!(
        (first["simulations"].as_u64(), first["real"].as_u64(), first["malformed"].as_u64(), first["deferred"].as_u64()),
        (Some(1), Some(2), Some(1), Some(0)),
        "{first}"
    );
    // Messages by outcome (Dovecot numbers them in the order it finds them).
    let outcome =
        |kind: &str| first["messages"].as_array().and_then(|m| m.iter().find(|m| m["outcome"] == kind)).cloned().unwrap_or_default();
    assert_eq!(outcome("simulation")["campaign"].as_i64().map(|c| c.to_string()), Some(id.clone()), "{first}");
    let triage = &outcome("real")["triage"];
    assert_ne!(triage["verdict"], "benign", "{triage}");
    assert!(outcome("malformed")["error"].as_str().is_some_and(|e| e.contains("does not decode")), "{first}");
    assert!(all.contains("not readable mail") && !all.contains(PASSWORD), "logged, never the password: {all}");

    // The simulation counts as reported; the real scam is in the triage queue as the
    // organisation's staff report, analysed.
    assert_eq!(results(&data, &id)["reports"], 1);
    let store = store::SqliteStore::open(&data).expect("open store");
    let queued = store.reports(None, 10).expect("reports");
    assert_eq!(queued.len(), 2, "{queued:?}");
    for q in &queued {
        assert!(q.content.contains("laposte-suivi-colis.top"), "{:?}", q.content);
        assert_eq!(q.contact.as_deref(), Some("staff report from La Poste"));
    }
    assert!(queued.iter().any(|q| Some(q.id) == triage["report"].as_i64()), "{queued:?}");

    // Handled messages are seen; the unreadable one is flagged, unseen, still there.
    assert_eq!(dovecot.flags("1.sim").as_deref(), Some("S"));
    assert_eq!(dovecot.flags("2.real").as_deref(), Some("S"));
    assert_eq!(dovecot.flags("3.bad").as_deref(), Some("F"));
    assert_eq!(dovecot.flags("5.long").as_deref(), Some("S"));

    // Polling again handles nothing twice.
    let (ok, again, all) = poll(&data, dovecot.port, &password_file);
    assert!(ok, "{all}");
    assert_eq!(again["messages"].as_array().map(Vec::len), Some(0), "{again}");
    assert_eq!(results(&data, &id)["reports"], 1);

    // A wrong password is a clear error that does not quote it.
    let wrong = dir.path().join("wrong.password");
    std::fs::write(&wrong, "not-the-password").expect("wrong");
    let (ok, refused, all) = poll(&data, dovecot.port, &wrong);
    assert!(!ok && refused["error"].as_str().is_some_and(|e| e.contains("logging in as 'reports'")), "{all}");
    assert!(!all.contains("not-the-password"), "{all}");

    // `serve` polls the mailbox on its own: a report forwarded now is counted.
    // ... and moves what it handled to the folder it is given (Maildir++: `.Handled`).
    let handled = dovecot.maildir.join(".Handled");
    for sub in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(handled.join(sub)).expect("folder");
    }
    chown_all(&handled, dovecot.owner);
    let mut flags = mailbox_flags(dovecot.port, &password_file);
    flags.extend(["--report-imap-interval-secs", "1", "--report-imap-move-to", "Handled"].map(String::from));
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let server = common::Server::start_with(&data, &flags);
    dovecot.deliver("4.sim", &forwarded("Your mailbox is full", &format!("Sign in again: {}\r\n", link(1))));
    // Waits for the poller (a second apart), up to a minute.
    let mut seen = (Value::Null, None);
    for _ in 0..600 {
        // Dovecot names a moved message anew: its flags are what is left to check.
        let moved: Vec<String> = std::fs::read_dir(handled.join("cur"))
            .expect("cur")
            .filter_map(|e| e.ok()?.file_name().to_string_lossy().rsplit_once(":2,").map(|(_, f)| f.to_string()))
            .collect();
        seen = (results(&data, &id)["reports"].clone(), moved.first().cloned());
        if seen.1.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        (seen.0, seen.1.as_deref()),
        (Value::from(2), Some("S")),
        "serve's poller recorded the report, marked it seen and moved it: {:?}",
        listing(&dovecot.maildir)
    );
    assert_eq!(dovecot.flags("4.sim"), None, "no longer in INBOX");
    drop(server);
}
