use super::*;
use crate::rules::{jurisdiction, jurisdictions};

fn answers(pairs: &[(&str, &str)]) -> Answers {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// Checks answers of `stage` under the EU rules; `Err(field)` names the field refused.
fn check(stage: &str, pairs: &[(&str, &str)], mode: Mode, expected: Result<&[(&str, &str)], &str>) {
    let rules = jurisdiction("eu").expect("eu");
    let got = check_report(&rules, stage, &answers(pairs), mode);
    match (got, expected) {
        (Ok(a), Ok(want)) => assert_eq!(a, answers(want), "{stage} {pairs:?}"),
        (Err(e), Err(field)) => assert_eq!(e.field, field, "{stage} {pairs:?}: {e}"),
        (got, want) => panic!("{stage} {pairs:?} {mode:?}: got {got:?}, want {want:?}"),
    }
}

#[test]
fn stage_reports_require_the_nis2_fields() {
    use Mode::{Draft, Submit};
    let early_ok: &[(&str, &str)] = &[("cross_border_impact", "unknown"), ("suspected_malicious", "yes")];
    check("early_warning", &[("suspected_malicious", " Yes "), ("cross_border_impact", "unknown")], Submit, Ok(early_ok));
    check("early_warning", &[("suspected_malicious", "yes")], Submit, Err("cross_border_impact"));
    check("early_warning", &[("suspected_malicious", "yes"), ("cross_border_impact", "  ")], Submit, Err("cross_border_impact"));
    check("early_warning", &[("suspected_malicious", "yes")], Draft, Ok(&[("suspected_malicious", "yes")]));
    check("early_warning", &[("suspected_malicious", "perhaps")], Draft, Err("suspected_malicious"));
    check("early_warning", &[("severity", "high")], Draft, Err("severity"));
    check("early_warning", &[], Submit, Err("suspected_malicious"));
    check("gossip", &[], Draft, Err("stage"));

    let full = [
        ("suspected_malicious", "no"),
        ("cross_border_impact", "no"),
        ("severity", "high"),
        ("impact", "Tracking down 3 h"),
        ("indicators", "unknown"),
    ];
    check("notification", &full, Submit, Ok(&full));
    let mut sev_unknown = full;
    sev_unknown[2] = ("severity", "unknown");
    check("notification", &sev_unknown, Submit, Err("severity"));
    check("notification", &sev_unknown, Draft, Ok(&sev_unknown));
    check("notification", &[("severity", "apocalyptic")], Draft, Err("severity"));
    let mut impact_unknown = full;
    impact_unknown[3] = ("impact", "Unknown");
    check("notification", &impact_unknown, Submit, Err("impact"));

    let fin = [
        ("description", "Smishing wave <script>alert(1)</script>"),
        ("severity", "medium"),
        ("impact", "1 200 customers"),
        ("threat_type_or_root_cause", "fraud:phishing"),
        ("mitigation", "Domains taken down"),
        ("cross_border_impact", "yes"),
    ];
    check("final_report", &fin, Submit, Ok(&fin));
    let mut fin_unknown = fin;
    fin_unknown[5] = ("cross_border_impact", "unknown");
    check("final_report", &fin_unknown, Submit, Err("cross_border_impact"));
    check("final_report", &fin[1..], Submit, Err("description"));
    check("progress_report", &[("current_status", "Still blocking domains")], Submit, Err("severity"));
    check("progress_report", &[("description", "x")], Draft, Err("description"));
    check("progress_report", &[("current_status", "a\u{7}b")], Draft, Err("current_status"));
}

#[test]
fn problems_list_every_missing_field_in_form_order() {
    let rules = jurisdiction("eu").expect("eu");
    let stage = rules.stage("notification").expect("stage");
    let got: Vec<String> = problems(stage, &answers(&[("severity", "unknown"), ("impact", "x")])).into_iter().map(|e| e.field).collect();
    assert_eq!(got, ["suspected_malicious", "cross_border_impact", "severity", "indicators"]);
}

#[test]
fn a_new_report_starts_from_what_the_case_says() {
    let rules = jurisdiction("eu").expect("eu");
    let case = CaseFields {
        title: "t".into(),
        summary: "SMS asking for a fee".into(),
        classification: "fraud:phishing".into(),
        severity: "unknown".into(),
        services: vec![],
        users_affected: None,
        cross_border: "unknown".into(),
        suspected_malicious: "yes".into(),
        detected: None,
        aware: None,
        contained: None,
        resolved: None,
        jurisdiction: "eu".into(),
        zone: "UTC".into(),
    };
    assert_eq!(prefill(&rules, "early_warning", &case), answers(&[("suspected_malicious", "yes"), ("cross_border_impact", "unknown")]));
    assert_eq!(
        prefill(&rules, "final_report", &case),
        answers(&[("description", "SMS asking for a fee")]),
        "unknown is left out where the stage needs an answer"
    );
}

#[test]
fn labels_cover_every_stage_field_and_answer_in_every_rule_set_language() {
    let all = all_labels();
    let en = all.get("en").expect("an en table");
    for (lang, table) in all {
        let missing: Vec<&String> = en.keys().filter(|k| !table.contains_key(*k)).collect();
        assert!(missing.is_empty(), "labels [{lang}] lacks {missing:?}");
        let extra: Vec<&String> = table.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(extra.is_empty(), "labels [{lang}] has keys en has not: {extra:?}");
    }
    for (id, rules) in jurisdictions().expect("rules") {
        assert!(all.contains_key(&rules.language), "no labels for {id}'s language {}", rules.language);
        for s in &rules.stages {
            assert!(en.contains_key(&format!("stage_{}", s.id)), "{id}: stage {}", s.id);
        }
        for f in &rules.fields {
            assert!(en.contains_key(&format!("field_{}", f.id)), "{id}: field {}", f.id);
        }
    }
    for a in TRISTATE {
        assert!(en.contains_key(&format!("answer_{a}")));
    }
    for s in severities() {
        assert!(en.contains_key(&format!("severity_{s}")));
    }
}

#[test]
fn shipped_rule_sets_give_each_stage_its_fields() {
    let eu = jurisdiction("eu").expect("eu");
    let al = jurisdiction("al").expect("al");
    assert_eq!(al.fields, eu.fields, "Albania inherits the report fields");
    let ew = eu.stage("early_warning").expect("ew");
    assert_eq!(ew.required, ["suspected_malicious", "cross_border_impact"]);
    assert_eq!(ew.unknown_allowed, ew.required);
    assert!(eu.stage("final_report").expect("final").unknown_allowed.is_empty());
    assert_eq!(eu.stage("progress_report").expect("progress").required[0], "current_status");
}

#[test]
fn rule_files_with_bad_report_fields_are_refused() {
    let base = "id = \"b\"\nversion = 1\nname = \"n\"\nsource = \"s\"\nlanguage = \"en\"\n[[field]]\nid = \"x\"\nkind = \"answer\"\n";
    let stage = "[[stage]]\nid = \"a\"\ndelay_hours = 1\nanchor = \"aware\"\n";
    let cases = [
        (format!("{base}{stage}required = [\"y\"]\n"), "stage `a`.required"),
        (format!("{base}{stage}required = [\"x\", \"x\"]\n"), "stage `a`.required"),
        (format!("{base}{stage}required = [\"x\"]\nunknown_allowed = [\"z\"]\n"), "stage `a`.unknown_allowed"),
        (format!("{base}[[field]]\nid = \"x\"\nkind = \"text\"\n"), "field[1].id"),
        (format!("{base}[[field]]\nid = \"w\"\nkind = \"colour\"\n"), "field[1].kind"),
    ];
    for (text, field) in cases {
        match crate::rules::load(&[("b.toml", &text)]) {
            Err(crate::RuleError::Invalid { field: f, .. }) => assert_eq!(f, field, "{text}"),
            other => panic!("{text}: {other:?}"),
        }
    }
}

fn doc<'a>(rules: &'a RuleSet, stage: &'a str, a: &'a Answers, submitted: Option<&'a str>) -> ReportDoc<'a> {
    ReportDoc {
        rules,
        stage,
        answers: a,
        case_id: 7,
        case_title: "Smishing <b>wave</b> & \"fees\"",
        classification: "fraud:phishing",
        organisation: "Posta <Shqiptare>",
        aware: Some("2026-12-07T08:30:00.000Z"),
        due: Some("2026-12-08T08:30:00.000Z"),
        submitted_at: submitted,
        generated_at: "2026-12-07T12:00:00.000Z",
        tlp: tlp::Tlp::AmberStrict,
        exercise: false,
    }
}

fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1)", path.display()));
    assert_eq!(actual, expected, "golden file {} differs (UPDATE_GOLDEN=1 to accept)", path.display());
}

#[test]
fn html_exports_are_bilingual_escaped_and_match_their_golden_files() {
    let a = answers(&[
        ("suspected_malicious", "yes"),
        ("cross_border_impact", "unknown"),
        ("severity", "high"),
        ("impact", "<img src=x onerror=alert(1)>\nline two"),
    ]);
    let al = jurisdiction("al").expect("al");
    let html = render_html(&doc(&al, "notification", &a, None)).expect("html");
    assert!(html.contains("<html lang=\"sq\">"));
    assert!(html.contains("Njoftim për incidentin <span lang=\"en\" class=\"en\">/ Incident notification</span>"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "answers are escaped");
    assert!(html.contains("Smishing &lt;b&gt;wave&lt;/b&gt; &amp; &quot;fees&quot;"), "titles are escaped");
    assert!(html.contains("Posta &lt;Shqiptare&gt;"));
    assert!(!html.contains("<img") && !html.contains("<b>") && !html.contains("<script"));
    golden("al-notification.html", &html);

    let eu = jurisdiction("eu").expect("eu");
    let html = render_html(&doc(&eu, "early_warning", &a, Some("2026-12-07T10:00:00.000Z"))).expect("html");
    assert!(html.contains("<html lang=\"en\">") && !html.contains("class=\"en\""), "English once when the rules are English");
    golden("eu-early_warning.html", &html);
}

#[test]
fn stix_exports_use_the_pinned_incident_core_extension_and_tlp() {
    let eu = jurisdiction("eu").expect("eu");
    let a = answers(&[("suspected_malicious", "yes"), ("cross_border_impact", "no"), ("severity", "high")]);
    let identity = "identity--0f4a6f3e-5b7c-4d2e-9a1b-3c5d7e9f1a2b";
    let t = "2026-12-07T12:00:00.000Z";
    let b = stix_bundle(&doc(&eu, "notification", &a, None), identity, false, t, t).expect("bundle");
    let inc = &b["objects"][0];
    assert_eq!(inc["type"], "incident");
    assert_eq!(inc["id"], incident_stix_id(identity, 7, "notification"));
    assert_eq!(inc["object_marking_refs"][0], tlp::TLP2_AMBER_STRICT);
    let core = &inc["extensions"][INCIDENT_CORE_EXTENSION];
    assert_eq!((core["determination"].as_str(), core["investigation_status"].as_str()), (Some("confirmed"), Some("open")));
    assert_eq!(core["criticality"], 75);
    assert_eq!(inc["extensions"][POSTERN_REPORT_EXTENSION]["stage"], "notification");
    for obj in b["objects"].as_array().expect("objects") {
        stix::validate_object(obj).unwrap_or_else(|e| panic!("{obj}: {e:?}"));
    }
    let again = stix_bundle(&doc(&eu, "notification", &a, None), identity, true, t, "2026-12-08T12:00:00.000Z").expect("bundle");
    assert_eq!(again["objects"][0]["id"], inc["id"], "a re-export is a new version of the same object");
    assert_ne!(again["id"], b["id"]);
    assert_eq!(again["objects"][0]["extensions"][INCIDENT_CORE_EXTENSION]["investigation_status"], "closed");
}

#[test]
fn every_export_of_an_exercise_case_says_so_first() {
    let al = jurisdiction("al").expect("al");
    let a = answers(&[("severity", "high")]);
    let played = ReportDoc { exercise: true, ..doc(&al, "notification", &a, None) };
    let html = render_html(&played).expect("html");
    let banner = "USHTRIM: nuk është incident i vërtetë <span lang=\"en\" class=\"en\">/ EXERCISE: not a real incident</span>";
    assert!(html.contains(banner), "{html}");
    assert!(html.contains("<title>Njoftim për incidentin · EXERCISE: Smishing"), "{html}");
    assert!(!render_html(&doc(&al, "notification", &a, None)).expect("html").contains("EXERCISE"));
    let t = "2026-12-07T12:00:00.000Z";
    let b = stix_bundle(&played, "identity--0f4a6f3e-5b7c-4d2e-9a1b-3c5d7e9f1a2b", false, t, t).expect("bundle");
    let inc = &b["objects"][0];
    assert_eq!(inc["labels"], serde_json::json!([EXERCISE_LABEL]));
    assert!(inc["name"].as_str().is_some_and(|n| n.contains("EXERCISE: Smishing")), "{inc}");
    stix::validate_object(inc).unwrap_or_else(|e| panic!("{inc}: {e:?}"));
    let pdf = super::render_pdf(&played).expect("pdf");
    assert!(pdf.starts_with(b"%PDF"));
}

#[test]
fn the_intermediate_report_is_a_form_and_exports_like_the_other_stages() {
    use Mode::{Draft, Submit};
    // NIS2 Art. 23(4)(c): the status update a CSIRT asks for; "unknown" only for the indicators.
    let full = [
        ("current_status", "Contained; lure domains still up"),
        ("severity", "medium"),
        ("impact", "Tracking SMS"),
        ("mitigation", "Takedowns requested"),
    ];
    check("intermediate_report", &[("current_status", "x")], Submit, Err("severity"));
    check("intermediate_report", &full, Submit, Err("indicators"));
    let mut with_iocs = full.to_vec();
    with_iocs.push(("indicators", "unknown"));
    check("intermediate_report", &with_iocs, Submit, Ok(&with_iocs));
    check("intermediate_report", &[("root_cause", "x")], Draft, Err("root_cause"));
    check("intermediate_report", &[("current_status", "unknown")], Submit, Err("current_status"));

    let a = answers(&with_iocs);
    for id in ["eu", "al"] {
        let rules = jurisdiction(id).expect("rules");
        let html = render_html(&doc(&rules, "intermediate_report", &a, None)).expect("html");
        assert!(html.contains("Intermediate report"), "{id}: {html}");
        if id == "al" {
            assert!(html.contains("Raport i ndërmjetëm <span lang=\"en\" class=\"en\">/ Intermediate report</span>"), "{html}");
        }
        golden(&format!("{id}-intermediate_report.html"), &html);
        let pdf = super::render_pdf(&doc(&rules, "intermediate_report", &a, None)).expect("pdf");
        assert!(pdf.starts_with(b"%PDF"));
    }
    let eu = jurisdiction("eu").expect("eu");
    let identity = "identity--0f4a6f3e-5b7c-4d2e-9a1b-3c5d7e9f1a2b";
    let t = "2026-12-07T12:00:00.000Z";
    let b = stix_bundle(&doc(&eu, "intermediate_report", &a, None), identity, false, t, t).expect("bundle");
    let inc = &b["objects"][0];
    assert_eq!(inc["id"], incident_stix_id(identity, 7, "intermediate_report"));
    assert_eq!(inc["extensions"][POSTERN_REPORT_EXTENSION]["stage"], "intermediate_report");
    assert_eq!(inc["extensions"][POSTERN_REPORT_EXTENSION]["answers"]["current_status"], "Contained; lure domains still up");
    assert_eq!(inc["object_marking_refs"][0], tlp::TLP2_AMBER_STRICT);
    for obj in b["objects"].as_array().expect("objects") {
        stix::validate_object(obj).unwrap_or_else(|e| panic!("{obj}: {e:?}"));
    }
}
