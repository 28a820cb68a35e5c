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
