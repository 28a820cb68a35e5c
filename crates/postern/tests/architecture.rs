//! ARCHITECTURE.md stays true: its code map names exactly the crates of the workspace.

use std::collections::BTreeSet;

#[test]
fn code_map_lists_exactly_the_workspace_crates() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let doc = std::fs::read_to_string(format!("{root}/ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mapped: BTreeSet<String> =
        doc.lines().filter_map(|l| l.strip_prefix("### `crates/")).filter_map(|l| l.split('`').next()).map(String::from).collect();
    let actual: BTreeSet<String> = std::fs::read_dir(format!("{root}/crates"))
        .expect("crates dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("Cargo.toml").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(mapped, actual, "ARCHITECTURE.md code map vs crates/");
}

/// The workspace root.
fn root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

/// The `[dependencies]` (not dev- or build-dependencies) of each workspace crate.
fn dependencies() -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("crates")).expect("crates dir").filter_map(Result::ok) {
        let Ok(manifest) = std::fs::read_to_string(entry.path().join("Cargo.toml")) else { continue };
        let mut deps = BTreeSet::new();
        let mut section = String::new();
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                section = line.to_string();
            } else if section == "[dependencies]" && !line.starts_with('#') {
                if let Some(name) = line.split(['=', ' ', '.']).next().filter(|n| !n.is_empty()) {
                    deps.insert(name.to_string());
                }
            }
        }
        out.push((entry.file_name().to_string_lossy().into_owned(), deps));
    }
    out
}

/// Rust sources of a crate's library and binary (not its tests, benches, examples or the
/// `tests.rs` unit-test modules beside the code).
fn sources(krate: &str) -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                let text = std::fs::read_to_string(&path).expect("source");
                out.push((path.display().to_string(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("crates").join(krate).join("src"), &mut out);
    out
}

/// The part of a source file before its unit tests.
fn production(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn only_the_http_crates_know_axum_and_only_store_speaks_sql() {
    let rules: [(&str, &[&str], &[&str]); 2] = [
        ("HTTP framework", &["axum", "axum-server"], &["server", "portal"]),
        ("SQL driver", &["rusqlite", "postgres", "tokio-postgres"], &["store"]),
    ];
    for (what, crates_of_kind, allowed) in rules {
        for (krate, deps) in dependencies() {
            for dep in crates_of_kind {
                assert!(
                    !deps.contains(*dep) || allowed.contains(&krate.as_str()),
                    "{krate} depends on the {what} {dep}; only {allowed:?} may"
                );
            }
        }
    }
}

#[test]
fn pure_crates_do_no_io() {
    // Address types (std::net::Ipv4Addr) are data; sockets, files, processes and clocks are IO.
    let io = [
        "std::fs",
        "TcpStream",
        "TcpListener",
        "UdpSocket",
        "ToSocketAddrs",
        "std::process",
        "reqwest",
        "tokio",
        "Utc::now",
        "SystemTime::now",
    ];
    for krate in ["tlp", "stix", "brands", "readiness", "incidents", "exercises", "monitor", "awareness"] {
        for (path, text) in sources(krate) {
            for needle in io {
                assert!(!production(&text).contains(needle), "{path} uses {needle}: {krate} must stay pure (no IO, no clock)");
            }
        }
    }
}

#[test]
fn migrations_come_in_pairs_across_engines() {
    let names = |engine: &str| -> BTreeSet<String> {
        std::fs::read_dir(root().join("crates/store/migrations").join(engine))
            .expect("migrations")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    };
    let (sqlite, postgres) = (names("sqlite"), names("postgres"));
    assert_eq!(sqlite, postgres, "every migration exists for both engines, under the same name");
    for (i, name) in sqlite.iter().enumerate() {
        assert!(name.starts_with(&format!("{:03}_", i + 1)), "migrations are numbered 001, 002, ... without gaps: {name}");
    }
}

/// Production functions longer than this many lines are listed; a new one fails the test.
const LONG_FUNCTION: usize = 80;

/// `path:name` and length of every production function over [`LONG_FUNCTION`] lines.
fn long_functions() -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("crates")).expect("crates").filter_map(Result::ok) {
        let krate = entry.file_name().to_string_lossy().into_owned();
        for (path, text) in sources(&krate) {
            let relative = path.split("/crates/").nth(1).unwrap_or(&path).to_string();
            let lines: Vec<&str> = production(&text).lines().collect();
            let mut i = 0;
            while i < lines.len() {
                let line = lines[i].trim_start();
                let signature = ["fn ", "pub fn ", "pub(crate) fn ", "async fn ", "pub async fn ", "pub(crate) async fn "]
                    .iter()
                    .find_map(|p| line.strip_prefix(p));
                let Some(rest) = signature else {
                    i += 1;
                    continue;
                };
                let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                // The body runs from the first `{` to the matching `}`, outside strings, char
                // literals and comments.
                let (mut depth, mut opened, start, mut in_string) = (0i64, false, i, false);
                while i < lines.len() {
                    let chars: Vec<char> = lines[i].chars().collect();
                    let mut j = 0;
                    while j < chars.len() {
                        let c = chars[j];
                        if in_string {
                            match c {
                                '\\' => j += 1,
                                '"' => in_string = false,
                                _ => {}
                            }
                        } else {
                            match c {
                                '"' => in_string = true,
                                '/' if chars.get(j + 1) == Some(&'/') => break,
                                '\'' if chars.get(j + 2) == Some(&'\'') => j += 2,
                                '\'' if chars.get(j + 1) == Some(&'\\') && chars.get(j + 3) == Some(&'\'') => j += 3,
                                '{' => {
                                    depth += 1;
                                    opened = true;
                                }
                                '}' => depth -= 1,
                                _ => {}
                            }
                        }
                        j += 1;
                    }
                    if (opened && depth <= 0) || (!opened && lines[i].trim_end().ends_with(';')) {
                        break;
                    }
                    i += 1;
                }
                let length = i + 1 - start;
                if opened && length > LONG_FUNCTION {
                    out.push((format!("{relative}:{name}"), length));
                }
                i += 1;
            }
        }
    }
    out.sort();
    out
}

#[test]
fn no_new_function_grows_past_the_soft_limit() {
    let listed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/tidy/long_functions.txt")).expect("allow list");
    let allowed: BTreeSet<&str> = listed.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    let found = long_functions();
    for (name, length) in &found {
        println!("{length:>4} lines  {name}");
    }
    let new: Vec<&(String, usize)> = found.iter().filter(|(name, _)| !allowed.contains(name.as_str())).collect();
    assert!(new.is_empty(), "functions over {LONG_FUNCTION} lines that are not on tests/tidy/long_functions.txt: {new:?}");
    let gone: Vec<&&str> = allowed.iter().filter(|a| !found.iter().any(|(n, _)| n == *a)).collect();
    assert!(gone.is_empty(), "shortened or removed: take them off tests/tidy/long_functions.txt: {gone:?}");
}
