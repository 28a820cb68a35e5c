//! `postern eval`: the real binary measures the holdout message set found from the repository,
//! prints every figure as one JSON object and rewrites only its marked table in a BENCHMARKS file.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn postern(cwd: &Path, args: &[&str]) -> Output {
    Command::new(common::exe()).current_dir(cwd).args(args).output().expect("run postern")
}

/// Every number under `v` whose key says it is a rate (`value`, `f1`, `interval`) is in [0, 1].
fn rates_in_unit_interval(path: &str, v: &Value) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let here = format!("{path}/{k}");
                match (k.as_str(), x) {
                    ("value" | "f1", Value::Number(n)) => {
                        let f = n.as_f64().unwrap_or(f64::NAN);
                        assert!((0.0..=1.0).contains(&f), "{here} = {f}");
                    }
                    ("interval", Value::Array(a)) => a.iter().for_each(|b| rates_in_unit_interval(&here, &serde_json::json!({"value": b}))),
                    _ => rates_in_unit_interval(&here, x),
                }
            }
        }
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| rates_in_unit_interval(&format!("{path}/{i}"), x)),
        _ => {}
    }
}

#[test]
fn holdout_figures_as_json_and_the_marked_table_rewritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let bench = tmp.path().join("BENCHMARKS.md");
    let (before, after) =
        ("# Benchmarks\n\nkept above\n\n", "\n\nkept below\n<!-- eval:links-independent -->\nother\n<!-- /eval:links-independent -->\n");
    std::fs::write(&bench, format!("{before}<!-- eval:messages-holdout -->\nstale table\n<!-- /eval:messages-holdout -->{after}"))
        .expect("write");

    // Run from a subdirectory of the repository: the sets are found in its data/.
    let bench_arg = bench.to_str().expect("utf-8 temp path");
    let out =
        postern(&repo().join("crates/postern"), &["eval", "messages", "--set", "holdout", "--json", "--update-benchmarks", bench_arg]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).expect("one JSON object on stdout");
    let r = &json["holdout"];

    for key in [
        "messages",
        "target_messages",
        "classification",
        "extras",
        "per_language",
        "per_extra_language",
        "fpr_per_category",
        "lure_accuracy",
        "lure_accuracy_detected",
        "lure_accuracy_lenient",
        "brand_accuracy",
        "unbranded_given_brand",
        "benign_brand_accuracy",
        "language_detection",
        "extraction",
        "lure_confusion",
        "miss_count",
    ] {
        assert!(r.get(key).is_some(), "no {key} in {r:#}");
    }
    for key in ["precision", "recall", "fpr"] {
        assert!(r["classification"][key]["value"].is_number(), "classification.{key}");
    }
    for kind in ["url", "phone", "amount", "tracking_s10", "tracking_other"] {
        assert!(r["extraction"]["target"][kind]["recall"]["value"].is_number(), "extraction of {kind}");
    }
    for lang in ["en", "fr", "es", "it", "pt", "de", "sq"] {
        assert!(r["per_language"][lang]["items"].as_u64().is_some_and(|n| n > 0), "no {lang} messages");
    }
    rates_in_unit_interval("", r);

    let set = std::fs::read_to_string(repo().join("data/messages/holdout/eval.jsonl")).expect("holdout set");
    let lines = set.lines().filter(|l| !l.trim().is_empty()).count() as u64;
    assert_eq!(r["messages"].as_u64(), Some(lines));
    let (target, extras) = (r["target_messages"].as_u64().unwrap_or(0), r["extras"]["items"].as_u64().unwrap_or(0));
    assert_eq!(target + extras, lines);
    assert_eq!(r["classification"]["items"].as_u64(), Some(target));

    let text = std::fs::read_to_string(&bench).expect("read back");
    assert!(
        text.starts_with(&format!("{before}<!-- eval:messages-holdout -->\n`postern eval messages --set holdout`: {lines} messages")),
        "{text}"
    );
    assert!(text.ends_with(&format!("|\n<!-- /eval:messages-holdout -->{after}")), "{text}");
    assert!(!text.contains("stale table"));
    assert!(text.contains("| false-positive rate | "), "{text}");
}

#[test]
fn without_sets_outside_a_repository_the_command_says_where_it_looked() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = postern(tmp.path(), &["eval", "links"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no data/links in") && err.contains("--sets DIR"), "{err}");
}

#[test]
fn misses_of_held_out_sets_are_never_listed() {
    let data = repo().join("data");
    let out = postern(&repo(), &["eval", "messages", "--set", "unseen", "--show-misses", "--sets", data.to_str().expect("utf-8")]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("aggregate only"));
}
