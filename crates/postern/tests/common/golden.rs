//! Golden pages: a page as the test saw it, with the parts that change from run to run replaced,
//! compared with its file under `tests/golden/portal/`. Set `UPDATE_GOLDEN=1` to rewrite the
//! files after a deliberate change, then review the diff.

use std::path::PathBuf;

pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/portal")
}

/// `html` with every anti-CSRF token (per visitor) replaced by `CSRF`.
pub fn without_csrf(html: &str) -> String {
    const FIELD: &str = "name=\"csrf\" value=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(FIELD) {
        out.push_str(&rest[..at + FIELD.len()]);
        rest = &rest[at + FIELD.len()..];
        out.push_str("CSRF");
        rest = &rest[rest.find('"').unwrap_or(0)..];
    }
    out.push_str(rest);
    out
}

/// Compares `normalised` with the golden file `name` (or writes it under `UPDATE_GOLDEN`).
pub fn check(name: &str, normalised: &str) {
    let path = dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(dir()).expect("golden dir");
        std::fs::write(&path, normalised).expect("write golden");
        return;
    }
    let want =
        std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {}; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(normalised, want, "page differs from golden file {}", path.display());
}
