use super::*;

const BASE: &str = r#"
id = "t"
version = 1
language = "en"
title = "Test"
summary = "A test scenario."
duration = 60
roles = ["post", "csirt"]

[[module]]
id = "m1"
title = "Module"

[[inject]]
id = "a"
module = "m1"
kind = "text"
at = 0
to = ["post"]
title = "A"
body = "First."

[[inject]]
id = "b"
module = "m1"
kind = "text"
at = 5
after = "a"
to = ["post"]
title = "B"
body = "Second."

[[expectation]]
id = "e1"
module = "m1"
inject = "b"
title = "Case opened"
score = 10
expires = 20
scoring = "audit"
rule = { action = "incident.create", role = "post" }
owner = "post"
improvement = "Open cases."
"#;

/// Loads BASE with `from` replaced by `to` and checks the error names `expected`.
fn check(from: &str, to: &str, expected: &str) {
    assert!(BASE.contains(from), "test edit does not apply: {from}");
    let text = BASE.replacen(from, to, 1);
    match load("t.toml", &text) {
        Ok(_) => panic!("accepted, expected an error naming {expected}"),
        Err(e) => assert!(e.to_string().contains(expected), "error `{e}` does not name `{expected}`"),
    }
}

#[test]
fn base_loads_with_due_minutes_from_after_chains() {
    let s = load("t.toml", BASE).unwrap();
    assert_eq!(s.injects.iter().map(|i| (i.id.as_str(), i.due)).collect::<Vec<_>>(), [("a", 0), ("b", 5)]);
    assert_eq!(s.opens(&s.expectations[0]), 5);
    assert_eq!(s.automatic_percent(), 100);
}

#[test]
fn bad_scenarios_name_file_and_field() {
    check("duration = 60", "duration = 60\ncolour = \"red\"", "t.toml: line 8: unknown field `colour`");
    check("after = \"a\"", "after = \"b\"", "field `inject `b`.after`: injects wait on each other in a cycle: b -> b");
    check("id = \"b\"", "id = \"a\"", "field `inject.id`: `a` is used twice");
    check("inject = \"b\"", "inject = \"zz\"", "field `expectation `e1`.inject`: no inject `zz`");
    check("module = \"m1\"\ninject = \"b\"", "module = \"m9\"\ninject = \"b\"", "field `expectation `e1`.module`: no module `m9`");
    check("action = \"incident.create\"", "action = \"incident.creat\"", "`incident.creat` is not an audit action");
    check("role = \"post\" }", "role = \"regulator\" }", "field `expectation `e1`.rule.role`");
    check("scoring = \"audit\"", "scoring = \"facilitator\"", "a `facilitator` expectation has no rule");
    check("kind = \"text\"", "kind = \"call\"", "field `inject `a`.caller`: is required for a `call` inject");
    check("kind = \"text\"", "kind = \"sms\"", "`sms` is not one of text, message, indicator, posture, call");
    check("body = \"First.\"", "body = \"First.\"\nvalue = \"x.example\"", "field `inject `a`.value`: is not a field of a `text` inject");
    check("score = 10", "score = 0", "field `expectation `e1`.score`");
    check("to = [\"post\"]", "to = [\"isac\"]", "field `inject `a`.to`");
}

#[test]
fn a_longer_cycle_is_named_in_order() {
    let text = BASE.replacen("at = 0\n", "at = 0\nafter = \"b\"\n", 1);
    let e = load("t.toml", &text).unwrap_err().to_string();
    assert!(e.contains("cycle: a -> b -> a"), "{e}");
}

#[test]
fn file_name_and_id_must_agree() {
    let e = parse("en/other.toml", BASE).unwrap_err().to_string();
    assert!(e.contains("field `id`"), "{e}");
}

#[test]
fn every_shipped_scenario_loads_in_both_languages_with_the_same_ids() {
    let all = shipped().unwrap();
    let ids: BTreeSet<&str> = all.iter().map(|s| s.id.as_str()).collect();
    assert!(ids.len() >= 3, "at least three scenarios: {ids:?}");
    for id in ids {
        let en = shipped_in(id, "en").unwrap();
        let fr = shipped_in(id, "fr").unwrap();
        assert_eq!(structure(&en), structure(&fr), "{id}: en and fr differ in structure");
        assert_ne!(en.title, fr.title, "{id}: fr is translated");
    }
}

/// Everything but the words: ids, timings, scoring, roles.
fn structure(s: &Scenario) -> Vec<String> {
    let mut out = vec![format!("{} {} {} {:?}", s.id, s.version, s.duration, s.roles)];
    out.extend(s.modules.iter().map(|m| m.id.clone()));
    for i in &s.injects {
        let kind = match &i.kind {
            InjectKind::Indicator { indicator_type, value } => format!("indicator {indicator_type} {value}"),
            InjectKind::Posture { domain, finding } => format!("posture {domain} {finding}"),
            InjectKind::Call { script, .. } => format!("call {}", script.len()),
            InjectKind::Message { .. } => "message".to_string(),
            InjectKind::Text => "text".to_string(),
        };
        out.push(format!("{} {} {} {:?} {:?} {kind}", i.id, i.module, i.due, i.after, i.to));
    }
    for e in &s.expectations {
        out.push(format!("{} {} {:?} {} {} {:?} {}", e.id, e.module, e.inject, e.score, e.expires, e.scoring, e.owner));
    }
    out
}

#[test]
fn shipped_expectations_are_mostly_scored_from_the_audit_trail() {
    let en: Vec<Scenario> = shipped().unwrap().into_iter().filter(|s| s.language == "en").collect();
    let total: usize = en.iter().map(|s| s.expectations.len()).sum();
    let auto: usize = en.iter().flat_map(|s| &s.expectations).filter(|e| matches!(e.scoring, Scoring::Audit(_))).count();
    assert!(auto * 100 >= total * 80, "{auto} of {total} automatic");
    for s in &en {
        assert!(s.automatic_percent() >= 80, "{}: {}%", s.id, s.automatic_percent());
        let kinds: BTreeSet<&str> = s
            .injects
            .iter()
            .map(|i| match i.kind {
                InjectKind::Text => "text",
                InjectKind::Message { .. } => "message",
                InjectKind::Indicator { .. } => "indicator",
                InjectKind::Posture { .. } => "posture",
                InjectKind::Call { .. } => "call",
            })
            .collect();
        assert!(kinds.len() >= 4, "{}: varied injects {kinds:?}", s.id);
    }
}

#[test]
fn unknown_shipped_scenario_lists_the_known() {
    let e = shipped_in("nope", "en").unwrap_err().to_string();
    assert!(e.contains("smishing-payment"), "{e}");
}
