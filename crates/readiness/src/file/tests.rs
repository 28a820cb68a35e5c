//! The assessment file: what it accepts, and the error each kind of bad input gets.

use chrono::TimeZone;

use super::*;

const PROFILE: &str = "[profile]\ncounter = true\nwebsite = true\napp = false\nhandhelds = true\noutlets = false\necommerce = true\ndfs = false\negov = false\n";

fn bank() -> Bank {
    Bank::embedded().unwrap()
}

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap()
}

fn parse_body(body: &str) -> Result<AssessmentFile, FileError> {
    parse(&bank(), &format!("{PROFILE}{body}"), at())
}

fn error(body: &str) -> String {
    match parse_body(body) {
        Ok(file) => panic!("accepted {body:?}: {file:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn a_good_file_gives_the_profile_and_one_claim_per_answer() {
    let file =
        parse_body("[answers]\nGOV-01 = 3\nMAIL-03 = 4\nEND-04 = \"na\"\n[evidence]\nMAIL-03 = \"document\"\nGOV-01 = \"facilitator\"\n")
            .unwrap();
    assert!(file.profile.website && file.profile.handhelds && !file.profile.dfs);
    let claims: Vec<(&str, Claimed, Evidence)> = file.claims.iter().map(|c| (c.question.as_str(), c.value, c.evidence)).collect();
    assert_eq!(
        claims,
        [
            ("END-04", Claimed::NotApplicable, Evidence::SelfReported),
            ("GOV-01", Claimed::Score(3), Evidence::Facilitator),
            ("MAIL-03", Claimed::Score(4), Evidence::Document),
        ]
    );
    assert!(file.claims.iter().all(|c| c.at == at()));
    assert_eq!(file.workload(&bank()), None);
}

#[test]
fn the_workload_trend_is_context_kept_beside_the_claims() {
    let file = parse_body("[answers]\nGOV-04 = \"up\"\nGOV-05 = 1\n").unwrap();
    assert_eq!(file.workload(&bank()), Some(Trend::Up));
    assert_eq!(file.claims.iter().map(|c| c.question.as_str()).collect::<Vec<_>>(), ["GOV-05"], "GOV-04 is never scored");
}

#[test]
fn bad_answers_name_the_key_and_the_reason() {
    let rows = [
        ("[answers]\nGOV-99 = 2\n", "[answers].GOV-99: unknown question id"),
        ("[answers]\nGOV-01 = 5\n", "[answers].GOV-01 = 5: out of range"),
        ("[answers]\nGOV-01 = -1\n", "[answers].GOV-01 = -1: out of range"),
        ("[answers]\nGOV-01 = 2.5\n", "[answers].GOV-01 = 2.5 (a decimal number): out of range"),
        ("[answers]\nGOV-01 = \"three\"\n", "[answers].GOV-01 = \"three\": out of range"),
        ("[answers]\nCH-01 = 2\n", "[answers].CH-01: this question gives context only"),
        ("[answers]\nGOV-04 = 2\n", "[answers].GOV-04 = 2: a trend; answer \"up\", \"same\" or \"down\""),
        ("[answers]\nGOV-04 = \"sideways\"\n", "[answers].GOV-04 = \"sideways\": a trend"),
        ("[answers]\nGOV-04 = \"up\"\n[evidence]\nGOV-04 = \"document\"\n", "[evidence].GOV-04: a trend answer gives context"),
        ("[answers]\nGOV-01 = 3\n[evidence]\nGOV-01 = \"rumour\"\n", "[evidence].GOV-01 = \"rumour\": unknown evidence kind"),
        ("[answers]\nGOV-01 = 3\n[evidence]\nGOV-01 = 3\n", "[evidence].GOV-01 = 3: unknown evidence kind"),
        ("[answers]\nGOV-01 = 3\n[evidence]\nGOV-02 = \"self\"\n", "[evidence].GOV-02: no answer in [answers]"),
        ("[answers]\nGOV-01 = 3\n[evidence]\nNOPE-1 = \"self\"\n", "[evidence].NOPE-1: unknown question id"),
        ("[answers]\nGOV-01 = 3\n[extra]\nx = 1\n", "[extra]: unknown table"),
        ("", "[answers]: missing"),
        ("[answers]\nGOV-01 = 3\nGOV-01 = 2\n", "the file is not valid TOML: TOML parse error at line 12"),
    ];
    for (body, want) in rows {
        let got = error(body);
        assert!(got.starts_with(want), "{body:?}: got {got:?}, want {want:?}");
    }
}

#[test]
fn the_profile_must_give_every_flag_as_a_boolean() {
    let bank = bank();
    let missing = PROFILE.replace("dfs = false\n", "");
    assert_eq!(parse(&bank, &missing, at()), Err(FileError::MissingFlag("dfs")));
    let typed = PROFILE.replace("app = false", "app = \"no\"");
    assert_eq!(parse(&bank, &typed, at()), Err(FileError::FlagType { flag: "app".into(), found: "\"no\"".into() }));
    let unknown = format!("{PROFILE}kiosk = true\n");
    assert_eq!(parse(&bank, &unknown, at()), Err(FileError::UnknownFlag("kiosk".into())));
    assert_eq!(parse(&bank, "[answers]\n", at()), Err(FileError::MissingTable("profile")));
    assert_eq!(parse(&bank, &format!("answers = 3\n{PROFILE}"), at()), Err(FileError::NotATable("[answers]".into())));
    assert_eq!(parse_body("[answers]\n").map(|f| f.claims.len()), Ok(0));
}

#[test]
fn a_profile_that_empties_an_area_is_refused() {
    // The embedded bank never empties an area (every area has questions for every post); the
    // toy bank of the scorer's tests has one handhelds-only area.
    assert_eq!(emptied_areas(&bank(), &Profile::default()), Vec::<String>::new());
    let toy = crate::score::tests::toy();
    let file = "[profile]\ncounter = true\nwebsite = true\napp = true\nhandhelds = false\noutlets = true\necommerce = true\ndfs = true\negov = true\n[answers]\n";
    assert_eq!(parse(&toy, file, at()), Err(FileError::EmptiedArea("B".into())));
    assert_eq!(parse(&toy, &file.replace("handhelds = false", "handhelds = true"), at()).map(|f| f.claims.len()), Ok(0));
}
