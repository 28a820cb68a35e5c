//! The SCORM 1.2 packages of every track and language: the zip unpacks, its manifest is valid
//! against the ADL/IMS SCORM 1.2 schemas (`xmllint --schema`, libxml2-utils; the schemas and their
//! provenance are in `tests/data/scorm12/`), every file the manifest names is in the zip, and
//! every page is self-contained.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use awareness::{Language, Library, Track};

fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/scorm12")
}

/// A scratch directory removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("postern-scorm-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    Scratch(dir)
}

/// Runs xmllint on `manifest` with the SCORM 1.2 schemas: (valid, what it printed).
fn xmllint(dir: &Path, manifest: &str) -> (bool, String) {
    let file = dir.join("imsmanifest.xml");
    std::fs::write(&file, manifest).expect("write manifest");
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--nonet")
        .arg("--schema")
        .arg(schemas().join("scorm12.xsd"))
        .arg(&file)
        .output()
        .expect("xmllint runs (Debian package libxml2-utils, scripts/test-deps/awareness.apt)");
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

/// The zip's files by name.
fn unpack(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).expect("entry");
            let mut text = String::new();
            f.read_to_string(&mut text).expect("UTF-8 entry");
            (f.name().expect("entry name").to_string(), text)
        })
        .collect()
}

/// Every `href="..."` value in the manifest.
fn hrefs(manifest: &str) -> BTreeSet<String> {
    manifest.split("href=\"").skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_string).collect()
}

#[test]
fn every_package_unpacks_validates_against_the_scorm_12_schemas_and_holds_its_files() {
    let library = Library::embedded().expect("lessons");
    let dir = scratch("valid");
    for language in Language::ALL {
        for track in Track::ALL {
            let bytes = awareness::scorm::package(&library, track, language).expect("package");
            let files = unpack(&bytes);
            let names: BTreeSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
            let manifest = &files.iter().find(|(n, _)| n == "imsmanifest.xml").expect("imsmanifest.xml at the root").1;
            let (valid, said) = xmllint(&dir.0, manifest);
            assert!(valid, "{track:?} {language:?}: {said}\n{manifest}");
            let referenced = hrefs(manifest);
            assert_eq!(referenced.len(), 2 * library.lessons(language, Some(track)).len(), "{manifest}");
            for href in &referenced {
                assert!(names.contains(href), "{track:?} {language:?}: the manifest names {href}, which is not in the zip");
            }
            for (name, text) in &files {
                if name.ends_with(".html") {
                    assert!(text.contains("LMSInitialize") && text.contains("LMSFinish"), "{name}: no SCORM runtime");
                    assert!(text.contains(&format!("<html lang=\"{}\">", language.key())), "{name}");
                    for external in ["src=", "href=", "http://", "https://", "@import", "url("] {
                        assert!(!text.contains(external), "{name} refers to something outside the page: {external}");
                    }
                }
            }
            let quizzes = files.iter().filter(|(n, _)| n.starts_with("quizzes/"));
            for (name, text) in quizzes {
                assert!(text.contains("cmi.core.score.raw") && text.contains("\"passed\" : \"failed\""), "{name}");
            }
        }
    }
}

#[test]
fn the_schemas_refuse_a_manifest_that_breaks_them() {
    let library = Library::embedded().expect("lessons");
    let dir = scratch("invalid");
    let bytes = awareness::scorm::package(&library, Track::Citizen, Language::En).expect("package");
    let manifest = unpack(&bytes).into_iter().find(|(n, _)| n == "imsmanifest.xml").expect("manifest").1;
    let broken = [
        manifest.replace("adlcp:scormtype=\"sco\"", "adlcp:scormtype=\"lesson\""),
        manifest.replace(" type=\"webcontent\"", ""),
        manifest.replacen("<item identifier=\"item-", "<item identifier=\"1-", 1),
        manifest.replace("<resources>", "<resources><bogus/>"),
    ];
    for (i, m) in broken.iter().enumerate() {
        assert_ne!(m, &manifest, "case {i} changed nothing");
        let (valid, said) = xmllint(&dir.0, m);
        assert!(!valid, "case {i} passed the schemas: {said}");
    }
}
