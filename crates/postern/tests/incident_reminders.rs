//! Deadline reminders of `postern serve` end to end: a real SMTP server (aiosmtpd, see
//! scripts/test-deps/awareness.pip) and a loopback webhook receiver get each reminder once; an
//! organisation with no recipient configured gets nothing; a restarted hub sends nothing again;
//! the case page and list show the overdue state.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{SecondsFormat, TimeDelta, Utc};
use common::{Server, client, fixture};
use serde_json::{Value, json};

use common::smtp::{delivered, sink};

/// A loopback HTTP receiver: every POST body it gets, answered 204.
fn receiver() -> (u16, Arc<Mutex<Vec<Value>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let got = Arc::new(Mutex::new(Vec::new()));
    let out = got.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut reader = BufReader::new(conn.try_clone().expect("clone"));
            let mut length = 0usize;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; length];
            if reader.read_exact(&mut body).is_ok() {
                out.lock().expect("lock").push(serde_json::from_slice(&body).unwrap_or(Value::Null));
            }
            let _ = conn.write_all(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }
    });
    (port, got)
}

/// Waits (up to a minute) until `done` holds, polling.
fn until(what: &str, done: impl FnMut() -> bool) {
    common::smtp::wait_until(what, Duration::from_secs(60), Duration::from_millis(50), done);
}

fn ago(hours: i64) -> String {
    (Utc::now() - TimeDelta::hours(hours)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn create(server: &Server, token: &str, title: &str, aware: &str) -> i64 {
    let r = client()
        .post(format!("{}/api/v1/incidents", server.url))
        .bearer_auth(token)
        .json(&json!({"title": title, "aware": aware, "classification": "fraud:phishing"}))
        .send()
        .expect("post");
    assert_eq!(r.status(), 201, "create {title}");
    r.json::<Value>().expect("json")["id"].as_i64().expect("id")
}

fn subject_of(message: &Value) -> String {
    let data = message["data"].as_str().unwrap_or_default();
    data.lines().find_map(|l| l.strip_prefix("Subject: ")).unwrap_or_default().to_string()
}

#[test]
fn reminders_go_once_by_mail_and_webhook_to_the_cases_organisation_only() {
    let f = fixture();
    let mail = tempfile::tempdir().expect("tempdir");
    let smtp = sink(mail.path());
    let (hook_port, hooks) = receiver();
    let flags = [
        "--incident-remind-smtp".to_string(),
        format!("127.0.0.1:{}", smtp.port),
        "--incident-remind-from".into(),
        "hub@postern.test".into(),
        "--incident-remind-to".into(),
        "La Poste=soc@laposte.test".into(),
        "--incident-remind-webhook".into(),
        format!("La Poste=http://127.0.0.1:{hook_port}/hooks/postern"),
        "--incident-remind-interval-secs".into(),
        "1".into(),
        "--public-url".into(),
        "https://hub.postern.test".into(),
    ];
    let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
    let server = Server::start_with(f.dir.path(), &flags);
    // Aware 20 h ago: the early warning is due in 4 h (the T-4h reminder); 30 h ago: overdue.
    let soon = create(&server, &f.tokens["La Poste"], "Parcel SMS wave", &ago(20));
    let late = create(&server, &f.tokens["La Poste"], "Counter outage", &ago(30));
    // Correos has no recipient configured: its overdue case sends nothing anywhere.
    let other = create(&server, &f.tokens["Correos"], "Correos internal case", &ago(30));
    until("two mails and two webhook calls", || delivered(mail.path()).len() >= 2 && hooks.lock().expect("lock").len() >= 2);

    let mails = delivered(mail.path());
    let mut subjects: Vec<String> = mails.iter().map(subject_of).collect();
    subjects.sort();
    assert_eq!(subjects.len(), 2, "{mails:?}");
    assert!(subjects[0].starts_with(&format!("OVERDUE: early warning of incident #{late} was due ")), "{subjects:?}");
    assert!(subjects[1].starts_with(&format!("T-4h: early warning of incident #{soon} is due ")), "{subjects:?}");
    for m in &mails {
        assert_eq!(m["to"], json!(["soc@laposte.test"]));
        let data = m["data"].as_str().unwrap_or_default();
        assert!(!data.contains("Correos"), "{data}");
    }
    let calls = hooks.lock().expect("lock").clone();
    let mut kinds: Vec<(i64, String)> =
        calls.iter().map(|c| (c["case"].as_i64().unwrap_or(0), c["kind"].as_str().unwrap_or("").to_string())).collect();
    kinds.sort();
    assert_eq!(kinds, vec![(soon, "T-4h".to_string()), (late, "overdue".to_string())]);
    for c in &calls {
        assert_eq!(c["org"], "La Poste");
        assert_eq!(c["stage"], "early_warning");
        assert_eq!(c["url"], format!("https://hub.postern.test/members/incidents/{}", c["case"]));
    }

    // The API shows what was sent and the overdue state.
    let show = |id: i64, org: &str| -> Value {
        client().get(format!("{}/api/v1/incidents/{id}", server.url)).bearer_auth(&f.tokens[org]).send().expect("get").json().expect("json")
    };
    let c = show(late, "La Poste");
    assert_eq!(c["overdue"], true, "{c}");
    assert_eq!(c["reminders"].as_array().map(Vec::len), Some(2), "{c}");
    assert_eq!(show(soon, "La Poste")["overdue"], false);
    assert_eq!(show(other, "Correos")["reminders"], json!([]));

    // A restart sends nothing again; a case opened after it gets its own reminder, which shows
    // that the new process has been through the older cases.
    server.kill9();
    let server = Server::start_with(f.dir.path(), &flags);
    // A case played in a joint exercise owes an overdue early warning too, and nothing is sent for
    // it: it is created without a clock, added to the run, and only then given its awareness time.
    let call = |method: reqwest::Method, path: &str, body: Value| -> Value {
        let r =
            client().request(method, format!("{}{path}", server.url)).bearer_auth(&f.tokens["La Poste"]).json(&body).send().expect("send");
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().expect("json")
    };
    let run = call(
        reqwest::Method::POST,
        "/api/v1/exercises",
        json!({"scenario": "smishing-payment", "language": "en", "speed": 1,
               "participants": [{"org": "La Poste", "role": "post"}, {"org": "Correos", "role": "csirt"}]}),
    );
    let drill =
        call(reqwest::Method::POST, "/api/v1/incidents", json!({"title": "Drill: parcel SMS wave", "classification": "fraud:phishing"}));
    let drill = drill["id"].as_i64().expect("id");
    call(reqwest::Method::POST, &format!("/api/v1/exercises/{}/cases", run["id"]), json!({"case": drill}));
    let patched = call(reqwest::Method::PATCH, &format!("/api/v1/incidents/{drill}"), json!({"aware": ago(30)}));
    assert_eq!((patched["exercise"].clone(), patched["overdue"].clone()), (json!(true), json!(true)), "{patched}");
    let fresh = create(&server, &f.tokens["La Poste"], "Fresh case", &ago(21));
    until("the fresh case's mail and webhook call", || delivered(mail.path()).len() >= 3 && hooks.lock().expect("lock").len() >= 3);
    let mails = delivered(mail.path());
    assert_eq!(mails.len(), 3, "{mails:?}");
    assert!(subject_of(&mails[2]).starts_with(&format!("T-4h: early warning of incident #{fresh} ")), "{mails:?}");
    let calls = hooks.lock().expect("lock").clone();
    assert_eq!(calls.len(), 3, "{calls:?}");
    assert_eq!(calls[2]["case"], fresh);
    assert!(mails.iter().all(|m| !m["data"].as_str().unwrap_or_default().contains("Drill")), "no reminder for an exercise case");
    assert!(calls.iter().all(|c| c["case"] != drill), "{calls:?}");
    drop(server);
}
