//! `postern assess FILE.toml --json`: the real binary scores a facilitator's file offline, takes
//! `postern posture --json` lines as scan evidence, and refuses bad input with an error that
//! names the field and the reason.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};

const ALL_CHANNELS: &str =
    "[profile]\ncounter = true\nwebsite = true\napp = true\nhandhelds = true\noutlets = true\necommerce = true\ndfs = true\negov = true\n";

fn assess(dir: &Path, toml: &str, posture: Option<&str>) -> Output {
    let file = dir.join("assessment.toml");
    std::fs::write(&file, toml).expect("write assessment");
    let mut cmd = Command::new(common::exe());
    cmd.arg("--json").arg("assess").arg(&file);
    if let Some(lines) = posture {
        let p = dir.join("posture.jsonl");
        std::fs::write(&p, lines).expect("write posture");
        cmd.arg("--posture").arg(p);
    }
    cmd.output().expect("run postern assess")
}

fn scored(dir: &Path, toml: &str, posture: Option<&str>) -> Value {
    let out = assess(dir, toml, posture);
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|got| (got - want).abs() < 1e-9)
}

/// A posture report line as `postern posture --json` prints it, `days` old.
fn posture_line(domain: &str, days: i64, codes: &[&str]) -> String {
    let at = (Utc::now() - Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let sections: Vec<Value> = ["dnssec", "spf", "dmarc", "dkim", "mail-transport", "caa", "https"]
        .iter()
        .map(|s| json!({"section": s, "score": 100, "errors": 0, "warnings": 0}))
        .collect();
    let findings: Vec<Value> =
        codes.iter().map(|c| json!({"code": c, "severity": "error", "message": "", "remediation": "", "evidence": ""})).collect();
    json!({"domain": domain, "checked_at": at, "findings": findings, "score": 80, "grade": "B", "dotpost_compliant": false,
        "dotpost_failures": [], "sections": sections, "dnssec": {"status": "secure"}})
    .to_string()
}

#[test]
fn assess_prints_the_issue_shape_with_figures_computed_by_hand() {
    let dir = tempfile::tempdir().expect("dir");
    // Governance: GOV-01 w3 p1 = 4, GOV-02 w2 p1 = 3, GOV-03 w2 p2 = 2, GOV-05 w1 p2 = 4,
    // GOV-06 w2 p2 = 4, GOV-07 w1 p3 = 0: (12 + 6 + 4 + 4 + 8 + 0) / (11 * 4) = 34 / 44.
    // Phase 1 is all >= 3 but GOV-03 (phase 2) is 2, so L2.
    let toml = format!(
        "{ALL_CHANNELS}[answers]\nGOV-01 = 4\nGOV-02 = 3\nGOV-03 = 2\nGOV-05 = 4\nGOV-06 = 4\nGOV-07 = 0\nEND-04 = \"na\"\n\
         [evidence]\nGOV-01 = \"facilitator\"\nGOV-02 = \"document\"\n"
    );
    let v = scored(dir.path(), &toml, None);
    let areas = v["areas"].as_object().expect("areas");
    assert_eq!(areas.len(), 12, "{areas:?}");
    assert!(close(&v["areas"]["GOV"]["percent"], 34.0 / 44.0 * 100.0), "{}", v["areas"]["GOV"]);
    assert_eq!(v["areas"]["GOV"]["level"], "L2");
    // Nothing answered in Risk: 0%, level L0.
    assert!(close(&v["areas"]["RISK"]["percent"], 0.0));
    assert_eq!(v["areas"]["RISK"]["level"], "L0");
    // Equal area weights: the index is the mean of the 12 area percentages.
    let mean = areas.values().filter_map(|a| a["percent"].as_f64()).sum::<f64>() / 12.0;
    assert!(close(&v["readiness_index"], mean), "{}", v["readiness_index"]);
    for key in ["hygiene_baseline", "verified_share"] {
        let x = v[key].as_f64().unwrap_or(f64::NAN);
        assert!((0.0..=100.0).contains(&x), "{key} = {x}");
    }
    assert_eq!(v["contradictions"], json!([]));
    assert_eq!(v["declared_na"], json!(["END-04"]));
    // The plan: every item below 3, ordered by phase, each with its phase and action.
    let plan = v["plan"].as_array().expect("plan");
    let ids: Vec<&str> = plan.iter().filter_map(|p| p["id"].as_str()).collect();
    assert!(ids.contains(&"GOV-03") && ids.contains(&"GOV-07") && !ids.contains(&"GOV-01"), "{ids:?}");
    let phases: Vec<u64> = plan.iter().filter_map(|p| p["phase"].as_u64()).collect();
    assert_eq!(phases.len(), plan.len());
    assert!(phases.windows(2).all(|w| w[0] <= w[1]), "{phases:?}");
    assert!(plan.iter().all(|p| p["action"].as_str().is_some_and(|a| !a.is_empty())));
}

#[test]
fn fresh_posture_reports_override_answers_both_ways_and_stale_ones_do_not() {
    let dir = tempfile::tempdir().expect("dir");
    // WEB-01 (w3) claimed 0, MAIL-03 (w3) claimed 4.
    let toml = format!("{ALL_CHANNELS}[answers]\nWEB-01 = 0\nMAIL-03 = 4\n");
    // A clean, DNSSEC-signed site with DMARC p=none, checked yesterday: TLS, HSTS and DNSSEC
    // score 4, so WEB = (3*4 + 2*4 + 1*4 + 0 + 0) / (10 * 4) = 60%; DMARC scores 2 against a
    // claim of 4: a contradiction, and the scan decides.
    let fresh = posture_line("laposte.example", 1, &["dnssec-secure", "dmarc-policy-none"]);
    let v = scored(dir.path(), &toml, Some(&format!("{fresh}\n")));
    assert!(close(&v["areas"]["WEB"]["percent"], 60.0), "{}", v["areas"]["WEB"]);
    assert_eq!(
        v["contradictions"],
        json!([{"question": "MAIL-03", "claimed": 4, "scanned": 2, "source": "SCAN-DMARC", "reason": "scan_below_claim"}])
    );
    // The weakest domain decides: a second domain without DMARC drops MAIL-03 to 0.
    let second = posture_line("post.example", 2, &["dnssec-secure", "dmarc-missing"]);
    let v = scored(dir.path(), &toml, Some(&format!("{fresh}\n{second}\n")));
    assert_eq!(v["contradictions"][0]["scanned"], 0);
    // Reports 100 days old are stale: the answers decide, no contradiction.
    let stale = posture_line("laposte.example", 100, &["dnssec-secure", "dmarc-policy-none"]);
    let v = scored(dir.path(), &toml, Some(&format!("{stale}\n")));
    assert!(close(&v["areas"]["WEB"]["percent"], 0.0), "{}", v["areas"]["WEB"]);
    assert_eq!(v["contradictions"], json!([]));
    // Without posture evidence, the same file scores WEB from the answers alone.
    let v = scored(dir.path(), &toml, None);
    assert!(close(&v["areas"]["WEB"]["percent"], 0.0));
}

#[test]
fn bad_input_gets_an_error_naming_the_field_and_the_reason() {
    let dir = tempfile::tempdir().expect("dir");
    let rows: Vec<(String, Option<&str>, &str)> = vec![
        (format!("{ALL_CHANNELS}[answers]\nGOV-99 = 2\n"), None, "[answers].GOV-99: unknown question id"),
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = 5\n"), None, "[answers].GOV-01 = 5: out of range"),
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = \"yes\"\n"), None, "[answers].GOV-01 = \"yes\": out of range"),
        (
            format!("{ALL_CHANNELS}[answers]\nGOV-01 = 3\n[evidence]\nGOV-01 = \"hearsay\"\n"),
            None,
            "[evidence].GOV-01 = \"hearsay\": unknown evidence kind",
        ),
        (ALL_CHANNELS.replace("dfs = true\n", "") + "[answers]\n", None, "[profile].dfs: missing"),
        (ALL_CHANNELS.replace("app = true", "app = 1") + "[answers]\n", None, "[profile].app: must be true or false, not 1"),
        ("[answers]\nGOV-01 = 3\n".to_owned(), None, "[profile]: missing"),
        (format!("{ALL_CHANNELS}[answers\n"), None, "the file is not valid TOML"),
        // Wrong TOML types, each named with what was found.
        (format!("answers = 3\n{ALL_CHANNELS}"), None, "[answers]: must be a table"),
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = 2.5\n"), None, "[answers].GOV-01 = 2.5 (a decimal number): out of range"),
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = true\n"), None, "[answers].GOV-01 = true (a boolean): out of range"),
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = [3]\n"), None, "[answers].GOV-01 = an array: out of range"),
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = 3\n[evidence]\nGOV-01 = 3\n"), None, "[evidence].GOV-01 = 3: unknown evidence kind"),
        (ALL_CHANNELS.replace("egov = true", "egov = \"yes\"") + "[answers]\n", None, "[profile].egov: must be true or false, not \"yes\""),
        (format!("{ALL_CHANNELS}[answers]\nGOV-04 = 3\n"), None, "[answers].GOV-04 = 3: a trend; answer \"up\", \"same\" or \"down\""),
        // A duplicate answer in one file: refused whole, not "last one wins".
        (format!("{ALL_CHANNELS}[answers]\nGOV-01 = 3\nGOV-01 = 1\n"), None, "the file is not valid TOML"),
        (format!("{ALL_CHANNELS}[answers]\n"), Some("{\"domain\": 3}\n"), "posture.jsonl line 1: not a `postern posture --json` report"),
    ];
    for (toml, posture, want) in rows {
        let out = assess(dir.path(), &toml, posture);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{want}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("a JSON error object");
        let error = v["error"].as_str().unwrap_or_default();
        assert!(error.contains(want), "got {error:?}, want {want:?}");
    }
}

#[test]
fn the_text_report_names_areas_levels_and_the_plan_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("a.toml");
    std::fs::write(&file, format!("{ALL_CHANNELS}[answers]\nGOV-01 = 4\n")).expect("write");
    let out = Command::new(common::exe()).arg("assess").arg(&file).args(["--lang", "fr"]).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("readiness index") && text.contains("GOV") && text.contains("[0-6 months]"), "{text}");
    // Area names and the plan's actions are in French.
    assert!(text.contains("Gouvernance et budget") && text.contains("Activez la MFA"), "{text}");
}

#[test]
fn the_plan_is_written_as_csv_beside_the_json() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("a.toml");
    std::fs::write(&file, format!("{ALL_CHANNELS}[answers]\nMAIL-03 = 1\n")).expect("write");
    let csv = dir.path().join("plan.csv");
    let out = Command::new(common::exe()).arg("--json").arg("assess").arg(&file).arg("--plan-csv").arg(&csv).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let text = std::fs::read_to_string(&csv).expect("the CSV file");
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.first(), Some(&"id,area,phase,months,score,gap_weight,effort,action"));
    assert_eq!(rows.len() - 1, v["plan"].as_array().map_or(0, Vec::len), "one row per plan step");
    // MAIL-03 (weight 3, phase 1) answered 1: gap x weight (3 - 1) * 3 = 6.
    assert!(rows.iter().any(|r| r.starts_with("MAIL-03,MAIL,1,0-6,1,6,$,")), "{text}");
}

/// `--pdf` writes the board report: a real PDF whose pages a reader renders (the radar chart and
/// the timeline are drawn, not blank) and whose text holds the areas, the contradiction and the
/// plan, in English or in French.
#[test]
fn the_board_report_is_written_as_pdf_in_english_and_in_french() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("la-poste.toml");
    std::fs::write(&file, format!("{ALL_CHANNELS}[answers]\nGOV-01 = 4\nGOV-02 = 3\nIAM-01 = 1\nMAIL-03 = 4\nWEB-01 = 4\n"))
        .expect("write");
    // A fresh scan finds no DMARC: MAIL-03 answered 4 is contradicted.
    let posture = dir.path().join("posture.jsonl");
    std::fs::write(&posture, posture_line("laposte.example", 2, &["dmarc-missing"])).expect("write posture");
    for (lang, words) in [
        (
            "en",
            [
                "Cyber-readiness report",
                "Governance and budget",
                "Identity and access",
                "Improvement plan",
                "Phase 1 (0-6 months)",
                "MAIL-03",
            ],
        ),
        (
            "fr",
            [
                "Rapport de préparation cyber",
                "Gouvernance et budget",
                "Identités et accès",
                "Plan d'amélioration",
                "Phase 1 (0-6 mois)",
                "MAIL-03",
            ],
        ),
    ] {
        let pdf = dir.path().join(format!("report-{lang}.pdf"));
        let out = Command::new(common::exe())
            .args([
                "assess",
                &file.to_string_lossy(),
                "--lang",
                lang,
                "--posture",
                &posture.to_string_lossy(),
                "--pdf",
                &pdf.to_string_lossy(),
            ])
            .output()
            .expect("run postern assess");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let pages = common::pdfcheck::pages(&pdf);
        assert!((2..=8).contains(&pages), "{pages} pages");
        let rendered = dir.path().join(format!("png-{lang}"));
        std::fs::create_dir_all(&rendered).expect("dir");
        let ink = common::pdfcheck::ink_per_page(&pdf, &rendered);
        assert_eq!(ink.len(), pages, "every page renders");
        // The first page carries the figures, the radar chart and the areas' table.
        assert!(ink[0] > 0.03, "first page mostly blank: {ink:?}");
        assert!(ink.iter().all(|&i| i > 0.002), "a blank page: {ink:?}");
        let text = common::pdfcheck::text(&pdf);
        for w in words {
            assert!(text.contains(w), "{lang}: {w:?} missing from\n{text}");
        }
        let contradiction = text.lines().find(|l| l.contains("MAIL-03:") || l.contains("MAIL-03 :")).unwrap_or_default();
        assert!(contradiction.contains('4') && contradiction.contains('0'), "{lang}: contradiction line {contradiction:?}\n{text}");
        // `--html` writes the portal's report as a standalone page in the same language.
        let html = dir.path().join(format!("report-{lang}.html"));
        let out = Command::new(common::exe())
            .args(["assess", &file.to_string_lossy(), "--lang", lang, "--html", &html.to_string_lossy()])
            .output()
            .expect("run postern assess");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let page = std::fs::read_to_string(&html).expect("the HTML report");
        assert!(page.contains(&format!("<html lang=\"{lang}\"")) && page.contains("<svg id=\"radar\""), "{page}");
        assert!(page.contains(words[1]) && page.contains(words[2]), "{lang}: {page}");
    }
}

/// GOV-04 is given as a trend; it is kept beside the score (never scored) with the workload
/// figures the benchmarks aggregate.
#[test]
fn the_workload_trend_is_kept_beside_the_score() {
    let dir = tempfile::tempdir().expect("dir");
    let without = scored(dir.path(), &format!("{ALL_CHANNELS}[answers]\nGOV-05 = 4\n"), None);
    let with = scored(dir.path(), &format!("{ALL_CHANNELS}[answers]\nGOV-04 = \"up\"\nGOV-05 = 4\n"), None);
    assert_eq!(with["workload"], "up");
    assert!(without.get("workload").is_none(), "{without}");
    assert_eq!(with["areas"], without["areas"], "never scored");
    assert_eq!(with["readiness_index"], without["readiness_index"]);
    // GOV-05 at 4: the budget kept pace, so the workload went up without a lag.
    assert_eq!((&with["practices"]["WL-UP"], &with["practices"]["WL-UP-LAG"]), (&json!(true), &json!(false)));
}

/// `--country` of a SIDS or LDC post gives the starter path offline: the hygiene baseline first
/// and a phase-1 plan linked to what Postern offers; the JSON keeps the whole plan; an unknown
/// code is refused naming the flag.
#[test]
fn a_sids_country_gives_the_starter_path_offline() {
    let dir = tempfile::tempdir().expect("dir");
    let file = dir.path().join("jamaica.toml");
    std::fs::write(&file, format!("{ALL_CHANNELS}[answers]\nGOV-01 = 4\n")).expect("write");
    let run = |args: &[&str]| Command::new(common::exe()).arg("assess").arg(&file).args(args).output().expect("run postern assess");
    let out = run(&["--country", "jm"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("starter path") && text.contains("hygiene baseline"), "{text}");
    assert!(text.contains("MAIL-03 (score 0): ") && text.contains("(Postern: /members/posture)"), "{text}");
    assert!(!text.contains("[6-18 months]") && !text.contains("[18-36 months]"), "phase 1 only: {text}");
    let france = String::from_utf8_lossy(&run(&["--country", "FR"]).stdout).into_owned();
    assert!(!france.contains("starter path") && france.contains("[18-36 months]"), "{france}");
    let json: Value = serde_json::from_slice(&run(&["--country", "JM"]).stdout).unwrap_or(Value::Null);
    assert!(json.is_null(), "text unless --json");
    let out = Command::new(common::exe()).arg("--json").arg("assess").arg(&file).args(["--country", "JM"]).output().expect("run");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["plan"].as_array().is_some_and(|p| p.iter().any(|s| s["phase"] == 3)), "the JSON keeps the whole plan");
    let bad = run(&["--country", "XX"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--country: XX is not"), "{}", String::from_utf8_lossy(&bad.stderr));
}
