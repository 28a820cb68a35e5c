//! The board report as PDF: the same content as the HTML report (headline figures, the radar
//! chart of the areas from `readiness::chart`, the areas' levels, the peer comparison where a
//! published snapshot allows it, the contradictions and the plan as a timeline), in the
//! catalogue's language. The portal serves it beside the HTML report and `postern assess --pdf`
//! writes it offline; both call [`report_pdf`]. Drawing goes through the `pdf` crate only.

use std::collections::BTreeMap;

use pdf::{Align, Document, Flow, Font, MARGIN, Rgb};
use readiness::Bank;
use readiness::summary::{Summary, months, text};

use crate::{Catalogues, Lang};

/// What the report is about, beside the scored summary.
pub struct ReportInput<'a> {
    pub bank: &'a Bank,
    pub summary: &'a Summary,
    /// The organisation (the portal) or the assessment file's name (the CLI).
    pub org: &'a str,
    /// The portal's assessment number; `None` offline.
    pub id: Option<i64>,
    /// Day of finalisation, `None` for a draft.
    pub finalised: Option<&'a str>,
    /// Day the assessment started.
    pub created: &'a str,
    /// A SIDS or LDC post on the starter path: the plan keeps to phase 1.
    pub starter: bool,
    /// Peer medians per area (0-100) from a published snapshot, only where the benchmark rules
    /// allow a figure; `None` (or an empty map) prints that no snapshot allows a comparison.
    pub peers: Option<&'a BTreeMap<String, f64>>,
}

const INK: Rgb = Rgb(0.1, 0.1, 0.12);
const MUTED: Rgb = Rgb(0.38, 0.38, 0.42);
const RULE: Rgb = Rgb(0.73, 0.73, 0.73);
const BLUE: Rgb = Rgb(0.043, 0.31, 0.612);
const PALE_BLUE: Rgb = Rgb(0.71, 0.79, 0.89);
const RED: Rgb = Rgb(0.7, 0.12, 0.1);

/// The catalogue of one language, with shorthand for messages.
struct Words<'a> {
    catalogues: &'a Catalogues,
    lang: Lang,
}

impl Words<'_> {
    fn t(&self, key: &str) -> String {
        self.catalogues.text(self.lang, key, &[])
    }

    fn with(&self, key: &str, args: &[(&str, String)]) -> String {
        self.catalogues.text(self.lang, key, args)
    }
}

fn percent(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_owned(), |p| format!("{:.0}%", p.round()))
}

/// The PDF board report of `input` in `lang`.
pub fn report_pdf(catalogues: &Catalogues, lang: Lang, input: &ReportInput) -> Vec<u8> {
    let w = Words { catalogues, lang };
    let title = w.t("readiness-report-title");
    let mut flow = Flow::new(Document::new(&format!("{title} · {}", input.org), &format!("{title} · {}", input.org)));
    header(&mut flow, &w, input);
    headline(&mut flow, &w, input);
    heading(&mut flow, &w.t("readiness-areas"));
    radar(&mut flow, input);
    flow.paragraph(&w.t("readiness-report-radar"), Font::Regular, 8.0, MUTED, 0.0);
    flow.space(6.0);
    areas(&mut flow, &w, input);
    peers(&mut flow, &w, input);
    contradictions(&mut flow, &w, input.summary);
    timeline(&mut flow, &w, input);
    plan(&mut flow, &w, input);
    flow.finish()
}

fn heading(flow: &mut Flow, title: &str) {
    flow.space(10.0);
    let top = flow.reserve(24.0);
    flow.page().text(MARGIN, top + 15.0, Font::Bold, 14.0, BLUE, Align::Left, title);
    flow.page().line((MARGIN, top + 20.0), (MARGIN + Flow::WIDTH, top + 20.0), PALE_BLUE, 0.8);
}

fn header(flow: &mut Flow, w: &Words, input: &ReportInput) {
    let top = flow.reserve(30.0);
    flow.page().text(MARGIN, top + 22.0, Font::Bold, 22.0, INK, Align::Left, &w.t("readiness-report-title"));
    let status = match input.finalised {
        Some(day) => w.with("readiness-finalised-on", &[("date", day.to_owned())]),
        None => format!("{} ({})", w.t("readiness-draft"), w.with("readiness-started-on", &[("date", input.created.to_owned())])),
    };
    let mut line = input.org.to_owned();
    if let Some(id) = input.id {
        line += &format!(" · {}", w.with("readiness-assessment", &[("id", id.to_string())]));
    }
    line += &format!(" · {status}");
    flow.paragraph(&line, Font::Regular, 11.0, INK, 0.0);
    flow.paragraph(&w.with("readiness-report-method", &[("version", input.summary.bank_version.clone())]), Font::Regular, 8.5, MUTED, 0.0);
}

/// The three headline figures as boxes, then the starter notice and the unanswered count.
fn headline(flow: &mut Flow, w: &Words, input: &ReportInput) {
    let s = input.summary;
    heading(flow, &w.t("readiness-report-headline"));
    let figures = [
        (w.t("readiness-index"), s.readiness_index),
        (w.t("readiness-hygiene"), s.hygiene_baseline),
        (w.t("readiness-verified"), s.verified_share),
    ];
    let gap = 12.0;
    let bw = (Flow::WIDTH - 2.0 * gap) / 3.0;
    let top = flow.reserve(62.0);
    for (i, (label, value)) in figures.iter().enumerate() {
        let x = MARGIN + i as f32 * (bw + gap);
        let page = flow.page();
        page.rect(x, top, bw, 56.0, Some(Rgb(0.94, 0.96, 0.99)), Some((PALE_BLUE, 0.8)));
        page.text(x + bw / 2.0, top + 30.0, Font::Bold, 22.0, BLUE, Align::Centre, &percent(*value));
        let label = pdf::wrap(label, Font::Regular, 9.0, bw - 8.0).into_iter().next().unwrap_or_default();
        page.text(x + bw / 2.0, top + 47.0, Font::Regular, 9.0, INK, Align::Centre, &label);
    }
    if input.starter {
        flow.space(4.0);
        flow.paragraph(&w.t("readiness-starter-title"), Font::Bold, 10.0, INK, 0.0);
        let hygiene = s.hygiene_baseline.map_or(0, |h| h.round() as i64).to_string();
        flow.paragraph(&w.with("readiness-starter-intro", &[("hygiene", hygiene)]), Font::Regular, 9.5, INK, 0.0);
    }
    if !s.unanswered.is_empty() {
        flow.paragraph(&w.with("readiness-unanswered", &[("count", s.unanswered.len().to_string())]), Font::Regular, 9.0, MUTED, 0.0);
    }
}

/// An SVG `points` list ("x,y x,y ...") as page coordinates, offset by (`dx`, `dy`).
fn points(svg: &str, dx: f32, dy: f32) -> Vec<(f32, f32)> {
    svg.split_whitespace()
        .filter_map(|p| p.split_once(','))
        .filter_map(|(x, y)| Some((x.parse::<f32>().ok()? + dx, y.parse::<f32>().ok()? + dy)))
        .collect()
}

/// The radar chart, drawn from the same layout as the HTML report's SVG.
fn radar(flow: &mut Flow, input: &ReportInput) {
    let axes: Vec<(String, Option<f64>)> =
        input.bank.areas.iter().map(|a| (a.id.clone(), input.summary.areas.get(&a.id).and_then(|f| f.percent))).collect();
    let chart = readiness::chart::radar(&axes, 120.0, 95.0);
    let size = chart.size as f32;
    let top = flow.reserve(size);
    let dx = MARGIN + (Flow::WIDTH - size) / 2.0;
    let centre = (dx + chart.centre as f32, top + chart.centre as f32);
    let page = flow.page();
    for ring in &chart.rings {
        page.polygon(&points(ring, dx, top), None, Some((RULE, 0.6)));
    }
    for s in &chart.spokes {
        let end = (dx + s.x as f32, top + s.y as f32);
        page.line(centre, end, RULE, 0.6);
        let align = match s.anchor {
            "start" => Align::Left,
            "end" => Align::Right,
            _ => Align::Centre,
        };
        page.text(dx + s.label_x as f32, top + s.label_y as f32 + 3.0, Font::Bold, 8.0, INK, align, &s.label);
    }
    page.polygon(&points(&chart.shape, dx, top), Some(PALE_BLUE), Some((BLUE, 1.6)));
}

/// The areas' table: name, percentage and maturity level.
fn areas(flow: &mut Flow, w: &Words, input: &ReportInput) {
    let cols = [MARGIN, MARGIN + 330.0, MARGIN + 385.0];
    let top = flow.reserve(16.0);
    for (x, key) in cols.iter().zip(["readiness-col-area", "readiness-col-percent", "readiness-col-level"]) {
        flow.page().text(*x, top + 11.0, Font::Bold, 9.0, INK, Align::Left, &w.t(key));
    }
    for area in &input.bank.areas {
        let figures = input.summary.areas.get(&area.id);
        let level = figures.and_then(|f| f.level).map_or_else(|| "—".to_owned(), |l| w.t(&format!("readiness-level-{l:?}")));
        let top = flow.reserve(15.0);
        let page = flow.page();
        page.line((MARGIN, top), (MARGIN + Flow::WIDTH, top), Rgb(0.88, 0.88, 0.88), 0.5);
        let name = format!("{} · {}", area.id, text(&area.name, w.lang.code()));
        let name = pdf::wrap(&name, Font::Regular, 9.0, 320.0).into_iter().next().unwrap_or_default();
        page.text(cols[0], top + 11.0, Font::Regular, 9.0, INK, Align::Left, &name);
        page.text(cols[1], top + 11.0, Font::Regular, 9.0, INK, Align::Left, &percent(figures.and_then(|f| f.percent)));
        page.text(cols[2], top + 11.0, Font::Regular, 9.0, INK, Align::Left, &level);
    }
}

/// Each area's bar beside the peer median, when a snapshot allows it.
fn peers(flow: &mut Flow, w: &Words, input: &ReportInput) {
    heading(flow, &w.t("readiness-report-peers"));
    let Some(medians) = input.peers.filter(|m| !m.is_empty()) else {
        flow.paragraph(&w.t("readiness-report-peers-none"), Font::Regular, 9.5, INK, 0.0);
        return;
    };
    let (label_w, bar_w) = (60.0, Flow::WIDTH - 100.0);
    let top = flow.reserve(14.0);
    let page = flow.page();
    page.rect(MARGIN, top + 3.0, 10.0, 7.0, Some(BLUE), None);
    page.text(MARGIN + 14.0, top + 10.0, Font::Regular, 8.0, INK, Align::Left, &w.t("readiness-report-this-post"));
    page.rect(MARGIN + 150.0, top + 1.0, 2.0, 11.0, Some(RED), None);
    page.text(MARGIN + 156.0, top + 10.0, Font::Regular, 8.0, INK, Align::Left, &w.t("readiness-report-peer-median"));
    for area in &input.bank.areas {
        let own = input.summary.areas.get(&area.id).and_then(|f| f.percent);
        let median = medians.get(&area.id);
        let top = flow.reserve(14.0);
        let page = flow.page();
        page.text(MARGIN, top + 10.0, Font::Bold, 8.0, INK, Align::Left, &area.id);
        let x = MARGIN + label_w;
        page.rect(x, top + 2.0, bar_w, 9.0, Some(Rgb(0.95, 0.95, 0.95)), None);
        if let Some(p) = own {
            page.rect(x, top + 2.0, bar_w * (p.clamp(0.0, 100.0) as f32) / 100.0, 9.0, Some(BLUE), None);
        }
        if let Some(m) = median {
            let mx = x + bar_w * (m.clamp(0.0, 100.0) as f32) / 100.0;
            page.rect(mx - 1.0, top, 2.0, 13.0, Some(RED), None);
        }
        let figures = format!("{} / {}", percent(own), percent(median.copied()));
        page.text(MARGIN + Flow::WIDTH, top + 10.0, Font::Regular, 8.0, INK, Align::Right, &figures);
    }
}

fn contradictions(flow: &mut Flow, w: &Words, s: &Summary) {
    heading(flow, &w.t("readiness-contradictions"));
    if s.contradictions.is_empty() {
        flow.paragraph(&w.t("readiness-report-no-contradiction"), Font::Regular, 9.5, INK, 0.0);
    }
    for c in &s.contradictions {
        let value = w.with(
            "readiness-contradiction",
            &[("claimed", c.claimed.to_string()), ("scanned", c.scanned.to_string()), ("source", c.source.clone())],
        );
        flow.paragraph(
            &format!("• {}", w.with("readiness-labelled", &[("label", c.question.clone()), ("value", value)])),
            Font::Regular,
            9.5,
            RED,
            0.0,
        );
    }
}

/// The plan's phases as bars on a 36-month axis, each with its number of actions.
fn timeline(flow: &mut Flow, w: &Words, input: &ReportInput) {
    heading(flow, &w.t("readiness-plan"));
    flow.paragraph(&w.t("readiness-report-timeline"), Font::Regular, 8.0, MUTED, 0.0);
    let last = if input.starter { 1 } else { 3 };
    let (label_w, axis_w) = (150.0, Flow::WIDTH - 150.0);
    let scale = |month: f32| MARGIN + label_w + axis_w * month / 36.0;
    let top = flow.reserve(3.0 * 18.0 + 22.0);
    let page = flow.page();
    for (phase, from, to, colour) in [(1u8, 0.0, 6.0, BLUE), (2, 6.0, 18.0, Rgb(0.3, 0.5, 0.75)), (3, 18.0, 36.0, PALE_BLUE)] {
        let y = top + f32::from(phase - 1) * 18.0;
        let count = input.summary.plan.iter().filter(|p| p.phase == phase).count();
        let label = w.with("readiness-phase", &[("phase", phase.to_string()), ("months", months(phase).to_owned())]);
        page.text(MARGIN, y + 11.0, Font::Bold, 8.5, INK, Align::Left, &label);
        let shown = if phase <= last { colour } else { Rgb(0.9, 0.9, 0.9) };
        page.rect(scale(from), y + 2.0, scale(to) - scale(from), 12.0, Some(shown), None);
        let actions = w.with("readiness-report-actions", &[("count", count.to_string())]);
        let ink = if phase == 1 { Rgb::WHITE } else { INK };
        page.text(scale(from) + 4.0, y + 11.0, Font::Regular, 8.0, ink, Align::Left, &actions);
    }
    let axis_y = top + 3.0 * 18.0 + 2.0;
    page.line((scale(0.0), axis_y), (scale(36.0), axis_y), INK, 0.6);
    for month in [0.0, 6.0, 18.0, 36.0] {
        page.line((scale(month), axis_y), (scale(month), axis_y + 3.0), INK, 0.6);
        page.text(scale(month), axis_y + 12.0, Font::Regular, 7.5, INK, Align::Centre, &format!("{month:.0}"));
    }
    page.text(MARGIN + label_w - 6.0, axis_y + 12.0, Font::Regular, 7.5, MUTED, Align::Right, &w.t("readiness-report-months"));
}

/// Every step of the plan by phase (phase 1 only on the starter path).
fn plan(flow: &mut Flow, w: &Words, input: &ReportInput) {
    let last = if input.starter { 1 } else { 3 };
    for phase in 1..=last {
        flow.space(6.0);
        let label = w.with("readiness-phase", &[("phase", phase.to_string()), ("months", months(phase).to_owned())]);
        flow.paragraph(&label, Font::Bold, 11.0, BLUE, 0.0);
        let steps: Vec<_> = input.summary.plan.iter().filter(|p| p.phase == phase).collect();
        if steps.is_empty() {
            flow.paragraph(&w.t("readiness-phase-empty"), Font::Regular, 9.5, INK, 0.0);
        }
        for step in steps {
            let action = input.bank.question(&step.id).map_or(step.action.as_str(), |q| text(&q.action, w.lang.code()));
            let effort = serde_json::to_value(step.effort).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
            let head = format!("{} ({}, {effort})", step.id, w.with("readiness-now", &[("score", step.score.to_string())]));
            flow.paragraph(&head, Font::Bold, 9.0, INK, 8.0);
            flow.paragraph(action, Font::Regular, 9.0, INK, 8.0);
        }
    }
    if input.starter {
        flow.space(4.0);
        flow.paragraph(&w.t("readiness-starter-later"), Font::Regular, 8.5, MUTED, 0.0);
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use readiness::{AreaWeights, Profile, assess};

    use super::*;

    /// True when `text` is shown in the file: as a literal string (ASCII runs) or as the hex
    /// string pdf-writer writes for runs with other bytes.
    fn contains(pdf: &[u8], text: &str) -> bool {
        let bytes = pdf::encode(text);
        let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
        let found = |needle: &[u8]| pdf.windows(needle.len()).any(|w| w == needle);
        found(&bytes) || found(hex.as_bytes()) || found(hex.to_lowercase().as_bytes())
    }

    /// With a published snapshot the report draws the peer bars and their legend; on the starter
    /// path it keeps to phase 1. Text streams are not compressed, so the words are in the file.
    #[test]
    fn peers_and_the_starter_path_are_laid_out_in_both_languages() {
        let bank = Bank::embedded().expect("bank");
        let assessment = assess(&bank, &Profile::default(), &[], &[], &AreaWeights::default(), Utc::now()).expect("scored");
        let summary = readiness::summary::summary(&bank, &assessment, "en");
        let medians: BTreeMap<String, f64> = bank.areas.iter().map(|a| (a.id.clone(), 55.0)).collect();
        let catalogues = Catalogues::load();
        for (lang, legend, phase3) in [(Lang::En, "Peer median", "Phase 3"), (Lang::Fr, "Médiane des pairs", "Phase 3")] {
            let input = ReportInput {
                bank: &bank,
                summary: &summary,
                org: "Poste de l'Île",
                id: Some(7),
                finalised: Some("2026-12-07"),
                created: "2026-12-01",
                starter: true,
                peers: Some(&medians),
            };
            let pdf = report_pdf(&catalogues, lang, &input);
            assert!(pdf.starts_with(b"%PDF-"));
            assert!(contains(&pdf, legend), "{lang:?}: the peer legend");
            assert!(contains(&pdf, "Poste de l'Île"));
            // The timeline still shows the three horizons; the plan lists phase 1 only.
            assert!(contains(&pdf, phase3));
            let starter_plan = summary.plan.iter().filter(|p| p.phase == 1).count();
            assert!(starter_plan > 0);
            let later = summary.plan.iter().find(|p| p.phase == 3).expect("a phase-3 step");
            assert!(!contains(&pdf, &format!("{} (", later.id)), "{lang:?}: {} is a phase-3 step", later.id);
        }
    }
}
