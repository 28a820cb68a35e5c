//! The after-action report of a run: its score board and improvement plan as a standalone
//! HTML page (no script, every value escaped) and as a PDF through the `pdf` crate, with
//! labels in the scenario's language (English or French).

use crate::{Board, Status};

/// What the report says: the caller fills the organisations from the run.
#[derive(Debug, Clone)]
pub struct AfterAction<'a> {
    pub run: i64,
    pub language: &'a str,
    pub title: &'a str,
    pub started_at: &'a str,
    pub ended_at: Option<&'a str>,
    /// (organisation, role).
    pub participants: Vec<(String, String)>,
    pub board: &'a Board,
    /// (action, owners, due date).
    pub plan: Vec<(String, Vec<String>, String)>,
}

/// The labels of the report, by language; English for any other language.
fn labels(language: &str) -> [&'static str; 12] {
    match language {
        "fr" => [
            "Rapport après action",
            "Exercice",
            "Début",
            "Fin",
            "Participants",
            "Attentes",
            "Statut",
            "Points",
            "Plan d'amélioration",
            "Action",
            "Responsable",
            "Échéance",
        ],
        _ => [
            "After-action report",
            "Exercise",
            "Start",
            "End",
            "Participants",
            "Expectations",
            "Status",
            "Points",
            "Improvement plan",
            "Action",
            "Owner",
            "Due",
        ],
    }
}

fn status_label(language: &str, s: Status) -> &'static str {
    match (language, s) {
        ("fr", Status::Met) => "atteinte",
        ("fr", Status::Missed) => "manquée",
        ("fr", Status::Pending) => "en attente",
        ("fr", Status::Expired) => "expirée",
        (_, Status::Met) => "met",
        (_, Status::Missed) => "missed",
        (_, Status::Pending) => "pending",
        (_, Status::Expired) => "expired",
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// A standalone page: no script, no external resource, every value escaped.
pub fn render_html(r: &AfterAction<'_>) -> String {
    let l = labels(r.language);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{} — {}</title>\
         <style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:4px 8px;text-align:start}}</style></head><body>\n",
        esc(r.language),
        esc(l[0]),
        esc(r.title)
    );
    out.push_str(&format!("<h1>{}</h1>\n<p>{} {} — {}</p>\n", esc(l[0]), esc(l[1]), r.run, esc(r.title)));
    out.push_str(&format!("<p>{}: {} · {}: {}</p>\n", esc(l[2]), esc(r.started_at), esc(l[3]), esc(r.ended_at.unwrap_or("-"))));
    let parts: Vec<String> = r.participants.iter().map(|(o, role)| format!("{} ({})", esc(o), esc(role))).collect();
    out.push_str(&format!("<p>{}: {}</p>\n", esc(l[4]), parts.join(", ")));
    out.push_str(&format!("<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n", esc(l[5]), esc(l[5]), esc(l[6]), esc(l[7])));
    for e in &r.board.expectations {
        out.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}/{}</td></tr>\n",
            esc(&e.title),
            status_label(r.language, e.status),
            e.earned,
            e.score
        ));
    }
    let t = &r.board.totals;
    out.push_str(&format!("</table>\n<p><strong>{}/{}</strong></p>\n", t.earned, t.possible));
    out.push_str(&format!(
        "<h2>{}</h2>\n<table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
        esc(l[8]),
        esc(l[9]),
        esc(l[10]),
        esc(l[11])
    ));
    for (action, owners, due) in &r.plan {
        out.push_str(&format!("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", esc(action), esc(&owners.join(", ")), esc(due)));
    }
    out.push_str("</table>\n</body></html>\n");
    out
}

/// The same report as a PDF (A4, Helvetica; characters outside WinAnsi become `?`).
pub fn render_pdf(r: &AfterAction<'_>) -> Vec<u8> {
    use pdf::{Flow, Font, Rgb};
    let l = labels(r.language);
    let (ink, grey) = (Rgb(0.1, 0.1, 0.1), Rgb(0.35, 0.35, 0.35));
    let mut flow = Flow::new(pdf::Document::new(&format!("{} — {}", l[0], r.title), l[0]));
    flow.paragraph(l[0], Font::Bold, 18.0, ink, 0.0);
    flow.paragraph(&format!("{} {} — {}", l[1], r.run, r.title), Font::Regular, 11.0, ink, 0.0);
    flow.paragraph(&format!("{}: {}   {}: {}", l[2], r.started_at, l[3], r.ended_at.unwrap_or("-")), Font::Regular, 9.0, grey, 0.0);
    let parts: Vec<String> = r.participants.iter().map(|(o, role)| format!("{o} ({role})")).collect();
    flow.paragraph(&format!("{}: {}", l[4], parts.join(", ")), Font::Regular, 9.0, grey, 0.0);
    flow.space(10.0);
    flow.paragraph(l[5], Font::Bold, 13.0, ink, 0.0);
    for e in &r.board.expectations {
        let line = format!("[{}] {}/{}  {}", status_label(r.language, e.status), e.earned, e.score, e.title);
        flow.paragraph(&line, Font::Regular, 10.0, ink, 8.0);
    }
    let t = &r.board.totals;
    flow.paragraph(&format!("{}: {}/{}", l[7], t.earned, t.possible), Font::Bold, 10.0, ink, 8.0);
    flow.space(10.0);
    flow.paragraph(l[8], Font::Bold, 13.0, ink, 0.0);
    for (action, owners, due) in &r.plan {
        flow.paragraph(&format!("{action} — {}: {} — {}: {due}", l[10], owners.join(", "), l[11]), Font::Regular, 10.0, ink, 8.0);
    }
    flow.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Clock, Run, score, shipped_in};

    fn board() -> Board {
        let s = shipped_in("smishing-payment", "fr").unwrap();
        let start = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z").unwrap().to_utc();
        let run = Run { clock: Clock::new(start, 4).unwrap(), participants: Default::default() };
        score(&s, &run, &[], &[], start + chrono::Duration::hours(2))
    }

    fn report(b: &Board) -> AfterAction<'_> {
        AfterAction {
            run: 7,
            language: "fr",
            title: "Vague de SMS <script>alert(1)</script>",
            started_at: "2026-03-02T09:00:00Z",
            ended_at: Some("2026-03-02T11:00:00Z"),
            participants: vec![("La Poste".into(), "post".into()), ("CERT <b>".into(), "csirt".into())],
            board: b,
            plan: vec![("Former l'équipe".into(), vec!["La Poste".into()], "2026-04-01".into())],
        }
    }

    #[test]
    fn html_escapes_every_value_and_speaks_the_scenario_language() {
        let b = board();
        let html = render_html(&report(&b));
        assert!(!html.contains("<script>") && !html.contains("<b>"), "{html}");
        assert!(html.contains("Rapport après action") && html.contains("expirée") && html.contains("Former l&#39;équipe"), "{html}");
        assert!(html.contains("<strong>0/100</strong>"));
    }

    #[test]
    fn pdf_is_a_deterministic_document() {
        let b = board();
        let pdf = render_pdf(&report(&b));
        assert!(pdf.starts_with(b"%PDF-"), "a PDF");
        assert_eq!(pdf, render_pdf(&report(&b)), "deterministic");
    }
}
