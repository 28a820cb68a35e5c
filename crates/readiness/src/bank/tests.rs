//! Tests of the shipped bank (coverage, counts, languages) and of every load-time check.

use super::*;

#[test]
fn the_shipped_bank_loads_and_covers_every_framework_id() {
    let bank = Bank::embedded().unwrap();
    let coverage = bank.coverage();
    // Printed so that `cargo test -- --nocapture` shows the coverage table.
    for (name, map) in [("CSF 2.0", &coverage.csf), ("CIS v8.1 IG1", &coverage.cis_ig1), ("NIS2 21(2)", &coverage.nis2)] {
        println!("{name}: {} ids", map.len());
        for (id, cited_by) in map {
            println!("  {id:<6} {}", cited_by.join(" "));
        }
    }
    assert_eq!(coverage.gaps, Vec::<String>::new());
    assert_eq!((coverage.csf.len(), coverage.cis_ig1.len(), coverage.nis2.len()), (22, 56, 10));
}

#[test]
fn the_shipped_bank_has_the_designed_shape() {
    let bank = Bank::embedded().unwrap();
    // 62 items: 60 scored and 2 context questions (CH-01, GOV-04), in 12 areas.
    assert_eq!(bank.questions.len(), 62);
    let info: Vec<&str> = bank.questions.iter().filter(|q| !q.is_scored()).map(|q| q.id.as_str()).collect();
    assert_eq!(info, ["CH-01", "GOV-04"]);
    assert_eq!(bank.areas.len(), 12);
    // Phase counts of the design: 28 in phase 1, 25 in phase 2, 7 in phase 3.
    let phase = |p| bank.questions.iter().filter(|q| q.is_scored() && q.phase == p).count();
    assert_eq!((phase(1), phase(2), phase(3)), (28, 25, 7));
    // Every question id starts with its area id, except the channel profile.
    for q in bank.questions.iter().filter(|q| q.id != "CH-01") {
        assert!(q.id.starts_with(&format!("{}-", q.area)), "{} is filed under {}", q.id, q.area);
    }
    assert_eq!(bank.languages, ["en", "fr"]);
}

#[test]
fn every_channel_of_the_profile_is_used_or_knowingly_unused() {
    let bank = Bank::embedded().unwrap();
    let used: BTreeSet<Channel> = bank.questions.iter().flat_map(|q| q.applies_if.iter().copied()).collect();
    // Counter and e-government services are offered in every postal setting the bank covers, so
    // no question depends on them alone; the others each remove at least one question.
    let expected = [Channel::Website, Channel::App, Channel::Handhelds, Channel::Outlets, Channel::Ecommerce, Channel::Dfs];
    assert_eq!(used, expected.into_iter().collect());
}

const ONE: &str = r#"
version = "t"
languages = ["en", "fr"]
survey_indicators = ["MAIL"]
[[area]]
id = "A"
name = { en = "A", fr = "A" }
[[question]]
id = "A-1"
area = "A"
weight = 1
phase = 1
effort = "$"
csf = ["GV.RR"]
cis_ig1 = ["1.1"]
nis2 = ["a", "A20"]
text = { en = "t", fr = "t" }
help = { en = "h", fr = "h" }
action = { en = "a", fr = "a" }
"#;

fn parse(source: &str) -> Result<Bank, BankError> {
    Bank::parse(source, Frameworks::embedded().unwrap())
}

#[test]
fn a_minimal_bank_parses() {
    let bank = parse(ONE).unwrap();
    assert_eq!(bank.question("A-1").map(|q| q.scale), Some(Scale::Impl5));
    assert!(!bank.coverage().gaps.is_empty());
}

#[test]
fn load_time_checks_reject_bad_banks() {
    let duplicate = format!("{ONE}{}", &ONE[ONE.find("[[question]]").unwrap()..]);
    let rows: Vec<(String, BankError)> = vec![
        (duplicate, BankError::DuplicateQuestion("A-1".into())),
        (ONE.replace("area = \"A\"", "area = \"Z\""), BankError::UnknownArea { question: "A-1".into(), area: "Z".into() }),
        (ONE.replace("GV.RR", "GV.XX"), BankError::UnknownFrameworkId { question: "A-1".into(), framework: "CSF 2.0", id: "GV.XX".into() }),
        (
            ONE.replace("\"1.1\"", "\"3.10\""),
            BankError::UnknownFrameworkId { question: "A-1".into(), framework: "CIS v8.1 IG1", id: "3.10".into() },
        ),
        (ONE.replace("\"A20\"", "\"k\""), BankError::UnknownFrameworkId { question: "A-1".into(), framework: "NIS2", id: "k".into() }),
        (ONE.replace("weight = 1", "weight = 4"), BankError::OutOfRange { question: "A-1".into(), field: "weight", value: 4 }),
        (ONE.replace("phase = 1", "phase = 0"), BankError::OutOfRange { question: "A-1".into(), field: "phase", value: 0 }),
        (
            ONE.replace("help = { en = \"h\", fr = \"h\" }", "help = { en = \"h\" }"),
            BankError::Languages { owner: "A-1".into(), field: "help", found: vec!["en".into()], expected: vec!["en".into(), "fr".into()] },
        ),
        (
            ONE.replace("action = { en = \"a\", fr = \"a\" }", "action = { en = \"a\", fr = \" \" }"),
            BankError::EmptyText { owner: "A-1".into(), field: "action", language: "fr".into() },
        ),
        (
            ONE.replace("effort = \"$\"", "effort = \"$\"\nscan = \"SCAN-NOPE\""),
            BankError::UnknownSource { question: "A-1".into(), source_id: "SCAN-NOPE".into() },
        ),
        (
            ONE.replace("effort = \"$\"", "effort = \"$\"\nsurvey = \"XYZ\""),
            BankError::UnknownIndicator { question: "A-1".into(), indicator: "XYZ".into() },
        ),
        (ONE.replace("[\"en\", \"fr\"]", "[\"fr\"]"), BankError::NoEnglish),
        (format!("{ONE}[[area]]\nid = \"E\"\nname = {{ en = \"E\", fr = \"E\" }}\n"), BankError::EmptyArea("E".into())),
    ];
    for (source, expected) in rows {
        assert_eq!(parse(&source).unwrap_err(), expected);
    }
    // IG1 ids do not belong among the IG2 notes.
    let ig2 = ONE.replace("effort = \"$\"", "effort = \"$\"\ncis_ig2 = [\"1.1\"]");
    assert!(matches!(parse(&ig2), Err(BankError::UnknownFrameworkId { framework: "CIS v8.1 IG2", .. })));
    // Unknown fields and wrong types are syntax errors naming the problem.
    assert!(matches!(parse(&ONE.replace("weight = 1", "weight = \"heavy\"")), Err(BankError::Syntax(_))));
    assert!(matches!(parse(&ONE.replace("weight = 1", "weight = 1\ncolour = 2")), Err(BankError::Syntax(_))));
    assert!(matches!(parse(&ONE.replace("phase = 1", "phase = 1\napplies_if = [\"drones\"]")), Err(BankError::Syntax(_))));
}
