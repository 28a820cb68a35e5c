//! `postern awareness`: the real binary lists the shipped micro-lessons per language and track,
//! exports their quizzes as GIFT, reads that file back, and refuses a bad GIFT file with the line;
//! exports a role track as a SCORM 1.2 zip holding every page its manifest names.

mod common;

use std::collections::BTreeSet;
use std::process::Command;

use serde_json::Value;

const TRACKS: [&str; 6] = ["counter_clerk", "delivery_staff", "call_centre", "it_admin", "management", "citizen"];

fn ids(listing: &Value) -> BTreeSet<String> {
    listing["lessons"].as_array().expect("lessons").iter().map(|l| l["id"].as_str().expect("id").to_string()).collect()
}

#[test]
fn lessons_exist_for_every_track_with_the_same_ids_in_english_and_french() {
    let dir = tempfile::tempdir().expect("tempdir");
    let en = common::cli(dir.path(), &["awareness", "lessons"]);
    let fr = common::cli(dir.path(), &["awareness", "lessons", "--lang", "fr"]);
    assert_eq!(en["language"], "en");
    assert_eq!(fr["language"], "fr");
    assert!(ids(&en).len() >= TRACKS.len(), "{en}");
    assert_eq!(ids(&en), ids(&fr));
    for lesson in en["lessons"].as_array().expect("lessons") {
        let minutes = lesson["minutes"].as_u64().expect("minutes");
        assert!((1..=5).contains(&minutes), "{lesson}");
        assert!(lesson["questions"].as_u64().expect("questions") >= 1, "{lesson}");
    }
    for track in TRACKS {
        let listing = common::cli(dir.path(), &["awareness", "lessons", "--lang", "fr", "--track", track]);
        let lessons = listing["lessons"].as_array().expect("lessons");
        assert!(!lessons.is_empty(), "no lesson for {track}");
        assert!(lessons.iter().all(|l| l["tracks"].as_array().expect("tracks").iter().any(|t| t == track)), "{listing}");
    }
    let titles: Vec<&str> = fr["lessons"].as_array().expect("lessons").iter().filter_map(|l| l["title"].as_str()).collect();
    assert!(titles.contains(&"Repérer le faux message de colis"), "{titles:?}");
}

#[test]
fn an_unknown_track_is_refused_with_the_valid_ones() {
    let out = Command::new(common::exe()).args(["awareness", "lessons", "--track", "pilot"]).output().expect("run postern");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown track \"pilot\"") && stderr.contains("counter_clerk"), "{stderr}");
}

#[test]
fn exported_gift_imports_back_with_every_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("quizzes.gift");
    let path = file.to_str().expect("utf-8 path");
    let exported = common::cli(dir.path(), &["awareness", "gift", "export", path, "--lang", "fr"]);
    let listing = common::cli(dir.path(), &["awareness", "lessons", "--lang", "fr"]);
    let expected: u64 = listing["lessons"].as_array().expect("lessons").iter().map(|l| l["questions"].as_u64().expect("n")).sum();
    assert_eq!(exported["questions"].as_u64(), Some(expected), "{exported}");
    let text = std::fs::read_to_string(&file).expect("exported file");
    assert!(text.contains("$CATEGORY: postern/fr/citizen-parcel-sms"), "{text}");

    let imported = common::cli(dir.path(), &["awareness", "gift", "import", path]);
    assert_eq!(imported["count"].as_u64(), Some(expected), "{imported}");
    let questions = imported["questions"].as_array().expect("questions");
    let first = &questions[0];
    assert!(first["category"].as_str().is_some_and(|c| c.starts_with("postern/fr/")), "{first}");
    assert!(questions.iter().any(|q| q["kind"]["type"] == "true_false"), "{imported}");
    assert!(questions.iter().any(|q| q["kind"]["type"] == "multiple_choice"), "{imported}");

    // Only one track: fewer questions, all from that track's lessons.
    let one = common::cli(dir.path(), &["awareness", "gift", "export", path, "--track", "management"]);
    assert!(one["questions"].as_u64().expect("n") < expected, "{one}");
    assert_eq!(common::cli(dir.path(), &["awareness", "gift", "import", path])["count"], one["questions"]);
}

#[test]
fn a_bad_gift_file_fails_with_its_line_and_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bad.gift");
    std::fs::write(&file, "// from a trainer\n::ok:: Fine? {TRUE}\n\n::bad:: Which? {\n=a\n=b\n}\n").expect("write");
    let out = Command::new(common::exe()).arg("--json").args(["awareness", "gift", "import"]).arg(&file).output().expect("run postern");
    assert!(!out.status.success());
    let error: Value = serde_json::from_slice(&out.stdout).expect("a JSON error");
    let message = error["error"].as_str().expect("error text");
    assert!(message.contains("bad.gift: line 5:") && message.contains("[correct_count]"), "{message}");

    std::fs::write(&file, b"::q:: caf\xe9 {T}").expect("write");
    let out = Command::new(common::exe()).args(["awareness", "gift", "import"]).arg(&file).output().expect("run postern");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("not UTF-8 text (invalid byte at offset 9)"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_track_exports_as_a_scorm_package_holding_every_page_its_manifest_names() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("clerks.zip");
    let path = file.to_str().expect("utf-8 path");
    let out = common::cli(dir.path(), &["awareness", "export", "scorm", "--track", "counter_clerk", "--lang", "fr", "--out", path]);
    let listing = common::cli(dir.path(), &["awareness", "lessons", "--lang", "fr", "--track", "counter_clerk"]);
    let lessons = ids(&listing);
    assert_eq!((out["format"].as_str(), out["lessons"].as_u64()), (Some("scorm-1.2"), Some(lessons.len() as u64)), "{out}");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).expect("zip file")).expect("a zip");
    let mut manifest = String::new();
    zip.by_name("imsmanifest.xml").expect("manifest at the root").read_to_string(&mut manifest).expect("UTF-8");
    assert!(manifest.contains("<schemaversion>1.2</schemaversion>") && manifest.contains("adlcp:scormtype=\"sco\""), "{manifest}");
    for id in &lessons {
        for page in [format!("lessons/{id}.html"), format!("quizzes/{id}.html")] {
            assert!(manifest.contains(&format!("href=\"{page}\"")), "{page} not in the manifest");
            let mut html = String::new();
            zip.by_name(&page).expect("page in the zip").read_to_string(&mut html).expect("UTF-8");
            assert!(html.contains("<html lang=\"fr\">") && html.contains("LMSInitialize"), "{page}");
        }
    }
    let out = Command::new(common::exe())
        .args(["awareness", "export", "scorm", "--track", "pilot", "--out", path])
        .output()
        .expect("run postern");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown track \"pilot\""), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn templates_list_every_shipped_lure_with_its_channel_and_phish_scale_difficulty() {
    let dir = tempfile::tempdir().expect("tempdir");
    let listing = common::cli(dir.path(), &["awareness", "templates"]);
    let templates = listing["templates"].as_array().expect("templates");
    let shipped: BTreeSet<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../awareness/data/templates"))
        .expect("templates dir")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".toml").map(String::from))
        .collect();
    let listed: BTreeSet<String> = templates.iter().map(|t| t["id"].as_str().expect("id").to_string()).collect();
    assert_eq!(listed, shipped, "one entry per shipped template file");
    for t in templates {
        let id = t["id"].as_str().unwrap_or_default();
        assert!(matches!(t["channel"].as_str(), Some("email" | "sms")), "{id}: {t}");
        assert!(matches!(t["difficulty"].as_str(), Some("easy" | "medium" | "hard")), "{id}: {t}");
        assert!(t["cue_total"].as_u64().is_some_and(|n| n > 0), "{id}: the difficulty comes from counted cues: {t}");
        assert!(t["languages"].as_array().is_some_and(|l| l.iter().any(|x| x == "en") && l.iter().any(|x| x == "fr")), "{id}: {t}");
        // SMS templates carry no visual cues: a text message has no layout.
        if t["channel"] == "sms" {
            assert!(t["cues"].as_array().expect("cues").iter().all(|c| c["type"] != "visual"), "{id}: {t}");
        }
    }
}
