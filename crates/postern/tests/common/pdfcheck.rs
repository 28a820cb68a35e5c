//! Checks a PDF the way a reader sees it, with poppler's tools (Debian `poppler-utils`, see
//! scripts/test-deps/readiness.apt): its page count, each page rendered to pixels, and its text.

use std::path::Path;
use std::process::Command;

fn run(tool: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(tool).args(args).output().unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(out.status.success(), "{tool} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// The number of pages `pdfinfo` reads.
pub fn pages(pdf: &Path) -> usize {
    let info = String::from_utf8_lossy(&run("pdfinfo", &[&pdf.to_string_lossy()])).into_owned();
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo gives no page count: {info}"))
}

/// The text `pdftotext` extracts (layout order).
pub fn text(pdf: &Path) -> String {
    String::from_utf8_lossy(&run("pdftotext", &["-layout", &pdf.to_string_lossy(), "-"])).into_owned()
}

/// The share of pixels that are not white on each page, rendered by `pdftoppm` at 30 dpi as
/// greyscale PGM files in `dir`.
pub fn ink_per_page(pdf: &Path, dir: &Path) -> Vec<f64> {
    let prefix = dir.join("page");
    run("pdftoppm", &["-gray", "-r", "30", &pdf.to_string_lossy(), &prefix.to_string_lossy()]);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("rendered pages")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
        .collect();
    files.sort();
    files.iter().map(|f| ink(&std::fs::read(f).expect("a page"))).collect()
}

/// Non-white share of a binary PGM (P5) image.
fn ink(pgm: &[u8]) -> f64 {
    // Header: "P5", width, height, maxval, each followed by whitespace, then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5", "a binary greyscale image");
    let (w, h): (usize, usize) = (fields[1].parse().expect("width"), fields[2].parse().expect("height"));
    let pixels = &pgm[at + 1..];
    assert_eq!(pixels.len(), w * h, "one byte per pixel");
    pixels.iter().filter(|&&p| p < 250).count() as f64 / pixels.len() as f64
}
