//! The report as a bilingual PDF (the rule set's language, then English), through the `pdf`
//! crate: the same facts and answers as the HTML export, in the same order.
//!
//! The `pdf` crate sets text in the standard Helvetica fonts with WinAnsiEncoding: English,
//! French and Albanian (ë, ç) print as written, a character outside WinAnsi prints as `?`
//! (e.g. Arabic, Chinese or Cyrillic text typed in an answer); the HTML and STIX exports keep
//! every character. The output is deterministic: the same report gives the same bytes.

use ::pdf::{Align, Document, Flow, Font, MARGIN, Rgb};

use super::{ReportDoc, UNKNOWN, label, stage, tlp_name};
use crate::case::CaseError;
use crate::rules::{FieldKind, RuleSet};

const INK: Rgb = Rgb(0.1, 0.1, 0.12);
const MUTED: Rgb = Rgb(0.38, 0.38, 0.42);
const RED: Rgb = Rgb(0.75, 0.1, 0.1);
const RULE: Rgb = Rgb(0.75, 0.78, 0.85);

/// `key` in the rule set's language and English (once when they are the same language).
fn both(lang: &str, key: &str) -> String {
    let en = label("en", key);
    if lang == "en" {
        return en.into_owned();
    }
    format!("{} / {en}", label(lang, key))
}

/// An answer as printed: fixed values by their labels in both languages, text as written.
fn answer_text(rules: &RuleSet, lang: &str, field: &str, value: Option<&str>) -> String {
    let kind = rules.field(field).map(|f| f.kind);
    match (kind, value) {
        (_, None) => both(lang, "not_answered"),
        (Some(FieldKind::Answer), Some(v)) | (Some(FieldKind::Text), Some(v @ UNKNOWN)) => both(lang, &format!("answer_{v}")),
        (Some(FieldKind::Severity), Some(v)) => both(lang, &format!("severity_{v}")),
        (_, Some(v)) => v.to_string(),
    }
}

/// One labelled row: the label in bold, the value below it, indented.
fn row(flow: &mut Flow, label: &str, value: &str) {
    flow.paragraph(label, Font::Bold, 9.5, INK, 0.0);
    flow.paragraph(value, Font::Regular, 10.0, INK, 12.0);
    flow.space(4.0);
}

fn rule(flow: &mut Flow) {
    flow.space(4.0);
    let top = flow.reserve(6.0);
    flow.page().line((MARGIN, top + 2.0), (MARGIN + Flow::WIDTH, top + 2.0), RULE, 0.6);
}

/// The report as a PDF; a stage the rule set does not have is refused naming `stage`.
pub fn render_pdf(doc: &ReportDoc<'_>) -> Result<Vec<u8>, CaseError> {
    let stage = stage(doc.rules, doc.stage)?;
    let lang = doc.rules.language.as_str();
    let stage_key = format!("stage_{}", stage.id);
    let case_title = super::shown_title(doc.case_title, doc.exercise);
    let title = format!("{} · #{} {case_title}", label(lang, &stage_key), doc.case_id);
    let marking = format!("TLP:{}", tlp_name(doc.tlp));
    let mut flow = Flow::new(Document::new(&title, &format!("{marking} · {}", both(lang, &stage_key))));
    let top = flow.reserve(14.0);
    flow.page().text(MARGIN + Flow::WIDTH, top + 10.0, Font::Bold, 10.0, RED, Align::Right, &marking);
    if doc.exercise {
        flow.paragraph(&both(lang, "exercise"), Font::Bold, 13.0, RED, 0.0);
    }
    flow.paragraph(&both(lang, "report"), Font::Bold, 18.0, INK, 0.0);
    flow.paragraph(&both(lang, &stage_key), Font::Bold, 13.0, MUTED, 0.0);
    rule(&mut flow);
    let status = match doc.submitted_at {
        Some(at) => format!("{} {at}", both(lang, "submitted")),
        None => both(lang, "draft"),
    };
    let facts: [(&str, String); 8] = [
        ("case", format!("#{} {case_title}", doc.case_id)),
        ("organisation", doc.organisation.to_string()),
        ("jurisdiction", format!("{} ({} v{})", doc.rules.name, doc.rules.id, doc.rules.version)),
        ("classification", doc.classification.to_string()),
        ("aware", doc.aware.unwrap_or("-").to_string()),
        ("due", doc.due.unwrap_or("-").to_string()),
        ("status", status),
        ("generated", doc.generated_at.to_string()),
    ];
    for (key, value) in facts {
        row(&mut flow, &both(lang, key), &value);
    }
    if !doc.rules.confirmed {
        flow.paragraph(&both(lang, "unconfirmed"), Font::Regular, 9.0, RED, 0.0);
    }
    rule(&mut flow);
    for field in &stage.required {
        let value = answer_text(doc.rules, lang, field, doc.answers.get(field).map(String::as_str));
        row(&mut flow, &both(lang, &format!("field_{field}")), &value);
    }
    Ok(flow.finish())
}
