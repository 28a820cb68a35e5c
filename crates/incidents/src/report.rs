//! Stage reports: the forms the rule set asks for at each reporting stage (early warning,
//! notification, final or progress report), the check that keeps an incomplete report from being
//! marked submitted, and the report's exports: a standalone bilingual HTML page (the rule set's
//! language and English, labels from `data/report/labels.toml`) and a STIX 2.1 bundle with an
//! `incident` object using the OASIS Incident Core extension.
//!
//! A report's answers are text by field id. A field's answer is missing when it is empty; the
//! answer `unknown` counts as an answer only where the stage lists the field in
//! `unknown_allowed`. A draft may hold anything well-formed; only [`Mode::Submit`] asks for
//! completeness.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde_json::{Value, json};

use crate::case::{CaseError, CaseFields, MAX_TEXT, TRISTATE, check_text, severities};
use crate::rules::{FieldKind, RuleSet, Stage};

/// The answer that says "not known yet", accepted where the stage allows it.
pub const UNKNOWN: &str = "unknown";

/// A report's answers, by field id.
pub type Answers = BTreeMap<String, String>;

/// The OASIS STIX Incident Core extension this crate writes: property extension
/// `extension-definition--ef765651-680c-498d-9894-99799f2fa126`, version 2.0 (draft of
/// 10 October 2023), with the `determination` values of its prose (blocked, confirmed,
/// failed-attempt, false-positive, suspected), not those of its JSON schema.
pub const INCIDENT_CORE_EXTENSION: &str = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
/// The Incident Core version pinned, see [`INCIDENT_CORE_EXTENSION`].
pub const INCIDENT_CORE_VERSION: &str = "2.0";
/// Postern's property extension for the regulatory stage of a report (jurisdiction, stage, due
/// and submission times, the stage's answers), so that no bare `x_` property is written. Its
/// definition is documented in `data/README.md`.
pub const POSTERN_REPORT_EXTENSION: &str = "extension-definition--4f0c2d8e-6b1a-4c3e-9d57-2a8e1f6b7c90";

const LABELS: &str = include_str!("../data/report/labels.toml");

/// Whether a report is being saved as a draft or marked submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Draft,
    Submit,
}

fn err(field: &str, reason: impl Into<String>) -> CaseError {
    CaseError { field: field.to_string(), reason: reason.into() }
}

/// The stage `id` of the rule set, or an error naming the stages there are.
pub fn stage<'r>(rules: &'r RuleSet, id: &str) -> Result<&'r Stage, CaseError> {
    rules.stage(id).ok_or_else(|| {
        let known: Vec<&str> = rules.stages.iter().map(|s| s.id.as_str()).collect();
        let shown: String = id.chars().take(60).collect();
        err("stage", format!("`{shown}` is not a stage of `{}` (stages: {})", rules.id, known.join(", ")))
    })
}

/// Checks a report of `stage` and returns its answers normalised (trimmed, empty ones dropped).
/// Every answer must be a field of the stage and fit its kind; in [`Mode::Submit`] every
/// required field must be answered, `unknown` only where the stage allows it. The error names
/// the first field at fault, in form order.
pub fn check_report(rules: &RuleSet, stage_id: &str, answers: &Answers, mode: Mode) -> Result<Answers, CaseError> {
    let stage = stage(rules, stage_id)?;
    let mut clean = Answers::new();
    for (field, value) in answers {
        if !stage.required.contains(field) {
            let shown: String = field.chars().take(60).collect();
            return Err(err(&shown, format!("is not a field of the {} report (fields: {})", stage.id, stage.required.join(", "))));
        }
        let Some(spec) = rules.field(field) else { return Err(err(field, "is not a field of this rule set")) };
        let v = check_text(field, value, MAX_TEXT, false, spec.kind == FieldKind::Text)?;
        if v.is_empty() {
            continue;
        }
        let v = match spec.kind {
            FieldKind::Answer => one_of(field, &v, &TRISTATE)?,
            FieldKind::Severity => one_of(field, &v, severities())?,
            FieldKind::Text if v.eq_ignore_ascii_case(UNKNOWN) => UNKNOWN.to_string(),
            FieldKind::Text => v,
        };
        clean.insert(field.clone(), v);
    }
    if mode == Mode::Submit
        && let Some(first) = problems(stage, &clean).into_iter().next()
    {
        return Err(first);
    }
    Ok(clean)
}

fn one_of(field: &str, value: &str, list: &[&str]) -> Result<String, CaseError> {
    let v = value.to_ascii_lowercase();
    if list.contains(&v.as_str()) {
        return Ok(v);
    }
    let shown: String = value.chars().take(60).collect();
    Err(err(field, format!("`{shown}` is not one of: {}", list.join(", "))))
}

/// What keeps checked answers from being submitted, in form order: each required field that is
/// missing, or answered `unknown` where the stage does not allow it.
pub fn problems(stage: &Stage, answers: &Answers) -> Vec<CaseError> {
    let mut out = Vec::new();
    for field in &stage.required {
        match answers.get(field).map(String::as_str) {
            None | Some("") => out.push(err(field, format!("is required by the {} report", stage.id))),
            Some(UNKNOWN) if !stage.unknown_allowed.contains(field) => {
                out.push(err(field, format!("\"unknown\" is not accepted here: the {} report needs an answer", stage.id)))
            }
            Some(_) => {}
        }
    }
    out
}

/// The answers a new report of `stage` starts from: what the case already says (suspected
/// malicious, cross-border impact, severity, summary as description), `unknown` case values left
/// out where the stage does not accept them.
pub fn prefill(rules: &RuleSet, stage_id: &str, case: &CaseFields) -> Answers {
    let Some(stage) = rules.stage(stage_id) else { return Answers::new() };
    let from_case = |field: &str| match field {
        "suspected_malicious" => Some(case.suspected_malicious.clone()),
        "cross_border_impact" => Some(case.cross_border.clone()),
        "severity" => Some(case.severity.clone()),
        "description" => Some(case.summary.clone()),
        _ => None,
    };
    stage
        .required
        .iter()
        .filter_map(|f| Some((f.clone(), from_case(f)?)))
        .filter(|(f, v)| !v.is_empty() && (v != UNKNOWN || stage.unknown_allowed.contains(f)))
        .collect()
}

/// The export labels of every language, parsed once; see `data/report/labels.toml`.
pub fn all_labels() -> &'static BTreeMap<String, BTreeMap<String, String>> {
    static LABELS_BY_LANG: OnceLock<BTreeMap<String, BTreeMap<String, String>>> = OnceLock::new();
    // The file is part of the crate and checked by a test; an unreadable one exports no labels
    // (keys shown instead) rather than failing a request.
    LABELS_BY_LANG.get_or_init(|| toml::from_str(LABELS).unwrap_or_default())
}

/// What a report export says besides its answers.
#[derive(Debug, Clone)]
pub struct ReportDoc<'a> {
    pub rules: &'a RuleSet,
    pub stage: &'a str,
    pub answers: &'a Answers,
    pub case_id: i64,
    pub case_title: &'a str,
    pub classification: &'a str,
    pub organisation: &'a str,
    /// RFC 3339 UTC times.
    pub aware: Option<&'a str>,
    pub due: Option<&'a str>,
    pub submitted_at: Option<&'a str>,
    pub generated_at: &'a str,
    /// The report's TLP level.
    pub tlp: tlp::Tlp,
    /// The case was played in a joint exercise: every export says so first.
    pub exercise: bool,
}

/// The mark every export of an exercise case carries: the STIX label, and the prefix of the
/// names of the STIX objects made from it.
pub const EXERCISE_LABEL: &str = "exercise";

/// `title` as the exports of a case show it: `EXERCISE: ` first for an exercise case.
pub fn shown_title(title: &str, exercise: bool) -> std::borrow::Cow<'_, str> {
    if exercise { std::borrow::Cow::Owned(format!("EXERCISE: {title}")) } else { std::borrow::Cow::Borrowed(title) }
}

/// Text made safe for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The label `key` in `lang`, else in English, else the key itself.
fn label<'a>(lang: &str, key: &'a str) -> std::borrow::Cow<'a, str> {
    let all = all_labels();
    match all.get(lang).and_then(|l| l.get(key)).or_else(|| all.get("en").and_then(|l| l.get(key))) {
        Some(v) => std::borrow::Cow::Owned(v.clone()),
        None => std::borrow::Cow::Borrowed(key),
    }
}

/// `key` in the rule set's language and English (once when they are the same language), escaped.
fn both(lang: &str, key: &str) -> String {
    let en = escape(&label("en", key));
    if lang == "en" {
        return en;
    }
    format!("{} <span lang=\"en\" class=\"en\">/ {en}</span>", escape(&label(lang, key)))
}

/// The report as a standalone HTML page: no script, no external resource, every value escaped.
pub fn render_html(doc: &ReportDoc<'_>) -> Result<String, CaseError> {
    let stage = stage(doc.rules, doc.stage)?;
    let lang = doc.rules.language.as_str();
    let tlp_label = format!("TLP:{}", tlp_name(doc.tlp));
    let mut h = String::new();
    h.push_str(&format!("<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n", escape(lang)));
    h.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    let stage_key = format!("stage_{}", stage.id);
    let title = shown_title(doc.case_title, doc.exercise);
    h.push_str(&format!("<title>{} · {}</title>\n", escape(&label(lang, &stage_key)), escape(&title)));
    h.push_str("<style>body{font-family:sans-serif;max-width:50em;margin:2em auto}th{text-align:left;vertical-align:top;padding-right:1em}.en{color:#555}.answer{white-space:pre-wrap}.marking{font-weight:bold}</style>\n");
    h.push_str("</head>\n<body>\n");
    h.push_str(&format!("<p class=\"marking\">{}</p>\n", escape(&tlp_label)));
    if doc.exercise {
        h.push_str(&format!("<p class=\"marking\">{}</p>\n", both(lang, "exercise")));
    }
    h.push_str(&format!("<h1>{}</h1>\n<h2>{}</h2>\n", both(lang, "report"), both(lang, &stage_key)));
    h.push_str("<table>\n");
    let status = match doc.submitted_at {
        Some(at) => format!("{} {}", both(lang, "submitted"), escape(at)),
        None => both(lang, "draft"),
    };
    let rows: [(&str, String); 8] = [
        ("case", format!("#{} {}", doc.case_id, escape(&title))),
        ("organisation", escape(doc.organisation)),
        ("jurisdiction", format!("{} ({} v{})", escape(&doc.rules.name), escape(&doc.rules.id), doc.rules.version)),
        ("classification", escape(doc.classification)),
        ("aware", escape(doc.aware.unwrap_or("–"))),
        ("due", escape(doc.due.unwrap_or("–"))),
        ("status", status),
        ("generated", escape(doc.generated_at)),
    ];
    for (key, value) in rows {
        h.push_str(&format!("<tr><th scope=\"row\">{}</th><td>{value}</td></tr>\n", both(lang, key)));
    }
    h.push_str("</table>\n");
    if !doc.rules.confirmed {
        h.push_str(&format!("<p>{}</p>\n", both(lang, "unconfirmed")));
    }
    h.push_str("<table>\n");
    for field in &stage.required {
        let value = answer_html(doc.rules, lang, field, doc.answers.get(field).map(String::as_str));
        h.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td class=\"answer\">{value}</td></tr>\n",
            both(lang, &format!("field_{field}"))
        ));
    }
    h.push_str("</table>\n</body>\n</html>\n");
    Ok(h)
}

/// An answer as shown: fixed values by their labels in both languages, text as written.
fn answer_html(rules: &RuleSet, lang: &str, field: &str, value: Option<&str>) -> String {
    let kind = rules.field(field).map(|f| f.kind);
    match (kind, value) {
        (_, None) => both(lang, "not_answered"),
        (Some(FieldKind::Answer), Some(v)) | (Some(FieldKind::Text), Some(v @ UNKNOWN)) => both(lang, &format!("answer_{v}")),
        (Some(FieldKind::Severity), Some(v)) => both(lang, &format!("severity_{v}")),
        (_, Some(v)) => escape(v),
    }
}

fn tlp_name(t: tlp::Tlp) -> &'static str {
    match t {
        tlp::Tlp::Clear => "CLEAR",
        tlp::Tlp::Green => "GREEN",
        tlp::Tlp::Amber => "AMBER",
        tlp::Tlp::AmberStrict => "AMBER+STRICT",
        tlp::Tlp::Red => "RED",
    }
}

/// Namespace of the deterministic ids of exported report objects (UUIDv5), so that exporting a
/// report twice gives two versions of one object rather than two objects.
const ID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x8d1e_53a4_2c6f_4b7a_9e01_5f3c_7a2b_6d48);

/// The STIX id of the `incident` object of a report: one per (organisation identity, case,
/// stage).
pub fn incident_stix_id(identity: &str, case_id: i64, stage: &str) -> String {
    format!("incident--{}", uuid::Uuid::new_v5(&ID_NAMESPACE, format!("{identity}/{case_id}/{stage}").as_bytes()))
}

/// Criticality (0-100) of the Incident Core extension for a severity; none while unknown.
fn criticality(severity: Option<&str>) -> Option<u8> {
    match severity? {
        "low" => Some(25),
        "medium" => Some(50),
        "high" => Some(75),
        _ => None,
    }
}

/// The report as a STIX 2.1 bundle: one `incident` object created by `identity` (the
/// organisation's bound STIX identity), marked with the report's TLP 2.0 marking, with the
/// Incident Core extension (`determination` suspected for an early warning, confirmed after;
/// `investigation_status` closed once resolved) and Postern's report extension carrying the
/// stage, its times and answers. `modified` is a STIX timestamp (RFC 3339 UTC, milliseconds).
pub fn stix_bundle(doc: &ReportDoc<'_>, identity: &str, resolved: bool, created: &str, modified: &str) -> Result<Value, CaseError> {
    let stage = stage(doc.rules, doc.stage)?;
    let id = incident_stix_id(identity, doc.case_id, &stage.id);
    let mut core = json!({
        "extension_type": "property-extension",
        "determination": if stage.id == "early_warning" { "suspected" } else { "confirmed" },
        "investigation_status": if resolved { "closed" } else { "open" },
    });
    if let Some(c) = criticality(doc.answers.get("severity").map(String::as_str)) {
        core["criticality"] = json!(c);
    }
    let mut report = json!({
        "extension_type": "property-extension",
        "jurisdiction": doc.rules.id, "rules_version": doc.rules.version, "stage": stage.id,
        "answers": doc.answers,
    });
    for (key, value) in [("aware", doc.aware), ("due", doc.due), ("submitted", doc.submitted_at)] {
        if let Some(v) = value {
            report[key] = json!(v);
        }
    }
    let description: Vec<String> = stage
        .required
        .iter()
        .map(|f| format!("{}: {}", label("en", &format!("field_{f}")), doc.answers.get(f).map(String::as_str).unwrap_or("-")))
        .collect();
    let mut incident = json!({
        "type": "incident", "spec_version": "2.1", "id": id, "created": created, "modified": modified,
        "name": format!("{}: {}", label("en", &format!("stage_{}", stage.id)), shown_title(doc.case_title, doc.exercise)),
        "description": description.join("\n"),
        "created_by_ref": identity,
        "object_marking_refs": [doc.tlp.marking_id()],
        "extensions": { INCIDENT_CORE_EXTENSION: core, POSTERN_REPORT_EXTENSION: report },
    });
    if doc.exercise {
        incident["labels"] = json!([EXERCISE_LABEL]);
    }
    let bundle_id = format!("bundle--{}", uuid::Uuid::new_v5(&ID_NAMESPACE, format!("{id}/{modified}").as_bytes()));
    Ok(json!({"type": "bundle", "id": bundle_id, "objects": [incident]}))
}

mod print;
pub use print::render_pdf;

#[cfg(test)]
mod tests;
