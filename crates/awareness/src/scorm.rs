//! A role track as a **SCORM 1.2** package, the version Moodle imports: a zip holding
//! `imsmanifest.xml` (SCORM 1.2 CAM: IMS Content Packaging 1.1.2 with the ADL `adlcp`
//! extensions) and, for each lesson of the track, two SCOs: the lesson page and its quiz page.
//! Pure: takes the lessons, returns the bytes.
//!
//! Every page is self-contained (inline style and script, a Content-Security-Policy that forbids
//! anything else), every text of a lesson is escaped ([`crate::markdown`]), and the quiz's answer
//! key is JSON with `<`, `>` and `&` escaped, so no lesson text can close the script. The small
//! runtime adapter finds the LMS's `API` object in the parent windows (or the opener's), calls
//! `LMSInitialize`, sets `cmi.core.lesson_status` (`completed` for a lesson; `passed` or
//! `failed` and `cmi.core.score.raw` 0-100 for a quiz, pass mark [`MASTERY_SCORE`]), `LMSCommit`
//! and, when the page is left, `LMSFinish`. Without an LMS the pages still read and grade.

use std::io::Write;

use zip::write::SimpleFileOptions;

use crate::gift::{Question, QuestionKind};
use crate::lessons::{Language, Lesson, Library, Track};
use crate::markdown::{escape, to_html};
use crate::quiz::PASS_RATIO;

/// The quiz score (0-100) that passes, written as each quiz item's `adlcp:masteryscore`.
pub const MASTERY_SCORE: u32 = (PASS_RATIO * 100.0) as u32;

/// Why a package could not be built.
#[derive(Debug, thiserror::Error)]
pub enum ScormError {
    #[error("track {track} has no lesson in {language}")]
    Empty { track: &'static str, language: &'static str },
    #[error("writing the zip: {0}")]
    Zip(String),
}

/// One file of the package: its path in the zip and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub content: String,
}

/// The words of the pages and the manifest, per language.
struct Words {
    track: fn(Track) -> &'static str,
    quiz: &'static str,
    check: &'static str,
    yes: &'static str,
    no: &'static str,
    right: &'static str,
    wrong: &'static str,
    unanswered: &'static str,
    passed: &'static str,
    failed: &'static str,
    score: &'static str,
    minutes: &'static str,
    next: &'static str,
}

fn words(language: Language) -> Words {
    match language {
        Language::En => Words {
            track: |t| match t {
                Track::CounterClerk => "Counter clerks",
                Track::DeliveryStaff => "Delivery staff",
                Track::CallCentre => "Call centre",
                Track::ItAdmin => "IT and administrators",
                Track::Management => "Management (NIS2 Art. 20)",
                Track::Citizen => "Citizens",
            },
            quiz: "Quiz",
            check: "Check my answers",
            yes: "True",
            no: "False",
            right: "Right.",
            wrong: "Not quite.",
            unanswered: "Not answered.",
            passed: "Passed",
            failed: "Not passed yet: read the lesson again and retry.",
            score: "Score",
            minutes: "minutes",
            next: "When you have read the lesson, go on to its quiz.",
        },
        Language::Fr => Words {
            track: |t| match t {
                Track::CounterClerk => "Agents de guichet",
                Track::DeliveryStaff => "Facteurs et livreurs",
                Track::CallCentre => "Centre d'appels",
                Track::ItAdmin => "Informatique et administrateurs",
                Track::Management => "Direction (NIS2 art. 20)",
                Track::Citizen => "Citoyens",
            },
            quiz: "Quiz",
            check: "Vérifier mes réponses",
            yes: "Vrai",
            no: "Faux",
            right: "Exact.",
            wrong: "Pas tout à fait.",
            unanswered: "Sans réponse.",
            passed: "Réussi",
            failed: "Pas encore réussi : relisez la leçon et recommencez.",
            score: "Score",
            minutes: "minutes",
            next: "Une fois la leçon lue, passez à son quiz.",
        },
    }
}

/// The name a package of `track` in `language` is offered under.
pub fn file_name(track: Track, language: Language) -> String {
    format!("postern-awareness-{}-{}-scorm12.zip", track.key().replace('_', "-"), language.key())
}

fn lesson_path(l: &Lesson) -> String {
    format!("lessons/{}.html", l.id)
}

fn quiz_path(l: &Lesson) -> String {
    format!("quizzes/{}.html", l.id)
}

/// The files of the package of `track` in `language`: the manifest first, then the pages.
pub fn entries(library: &Library, track: Track, language: Language) -> Result<Vec<Entry>, ScormError> {
    let lessons = library.lessons(language, Some(track));
    if lessons.is_empty() {
        return Err(ScormError::Empty { track: track.key(), language: language.key() });
    }
    let w = words(language);
    let mut out = vec![Entry { path: "imsmanifest.xml".into(), content: manifest(&lessons, track, language, &w) }];
    for l in &lessons {
        out.push(Entry { path: lesson_path(l), content: lesson_page(l, &w) });
        out.push(Entry { path: quiz_path(l), content: quiz_page(l, &w) });
    }
    Ok(out)
}

/// The package as zip bytes (deflated entries, fixed timestamps: the same lessons give the same
/// bytes).
pub fn package(library: &Library, track: Track, language: Language) -> Result<Vec<u8>, ScormError> {
    let zip_error = |e: zip::result::ZipError| ScormError::Zip(e.to_string());
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for e in entries(library, track, language)? {
        zip.start_file(e.path.as_str(), options).map_err(zip_error)?;
        zip.write_all(e.content.as_bytes()).map_err(|e| ScormError::Zip(e.to_string()))?;
    }
    Ok(zip.finish().map_err(zip_error)?.into_inner())
}

/// Escapes text for XML content and attributes (the HTML escape is also valid XML).
fn xml(text: &str) -> String {
    escape(text).replace("&#39;", "&apos;")
}

/// `imsmanifest.xml`: one organisation (the track), two items per lesson, one SCO resource per
/// page listing its one file.
fn manifest(lessons: &[&Lesson], track: Track, language: Language, w: &Words) -> String {
    let version = lessons.iter().map(|l| l.version).max().unwrap_or(1);
    let title = xml(&format!("Postern: {}", (w.track)(track)));
    let mut items = String::new();
    let mut resources = String::new();
    for l in lessons {
        let (lesson, quiz) = (xml(&l.title), xml(&format!("{}: {}", w.quiz, l.title)));
        items += &format!(
            "      <item identifier=\"item-{id}\" identifierref=\"res-{id}\">\n        <title>{lesson}</title>\n      </item>\n      \
             <item identifier=\"item-{id}-quiz\" identifierref=\"res-{id}-quiz\">\n        <title>{quiz}</title>\n        \
             <adlcp:masteryscore>{MASTERY_SCORE}</adlcp:masteryscore>\n      </item>\n",
            id = l.id
        );
        for (suffix, href) in [("", lesson_path(l)), ("-quiz", quiz_path(l))] {
            resources += &format!(
                "    <resource identifier=\"res-{id}{suffix}\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"{href}\">\n      \
                 <file href=\"{href}\"/>\n    </resource>\n",
                id = l.id
            );
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <manifest identifier=\"postern-awareness-{track}-{lang}\" version=\"{version}\"\n  \
         xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n  \
         xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n  \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  \
         xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd \
         http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd \
         http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n  \
         <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n  \
         <organizations default=\"org-{track}\">\n    <organization identifier=\"org-{track}\">\n      <title>{title}</title>\n\
         {items}    </organization>\n  </organizations>\n  <resources>\n{resources}  </resources>\n</manifest>\n",
        track = track.key(),
        lang = language.key(),
    )
}

/// The SCORM 1.2 runtime adapter every page carries.
const RUNTIME: &str = r#"var postern = (function () {
  "use strict";
  function find(win) {
    for (var hops = 0; win && hops < 12; hops++) {
      try { if (win.API) { return win.API; } } catch (e) { return null; }
      if (!win.parent || win.parent === win) { return null; }
      win = win.parent;
    }
    return null;
  }
  var api = find(window) || (window.opener ? find(window.opener) : null);
  var live = false, done = false;
  function start() {
    if (api && !live && !done) { live = String(api.LMSInitialize("")) === "true"; }
    return live;
  }
  function set(key, value) { if (live) { api.LMSSetValue(key, value); } }
  function commit() { if (live) { api.LMSCommit(""); } }
  function finish() {
    if (live && !done) { commit(); api.LMSFinish(""); done = true; live = false; }
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
  return {
    lesson: function () {
      if (!start()) { return; }
      set("cmi.core.lesson_status", "completed");
      commit();
    },
    opened: function () {
      if (!start()) { return; }
      if (String(api.LMSGetValue("cmi.core.lesson_status")) === "not attempted") { set("cmi.core.lesson_status", "incomplete"); }
      commit();
    },
    quiz: function (score, passed) {
      if (!start()) { return; }
      set("cmi.core.score.min", "0");
      set("cmi.core.score.max", "100");
      set("cmi.core.score.raw", String(score));
      set("cmi.core.lesson_status", passed ? "passed" : "failed");
      commit();
    }
  };
}());
"#;

/// The page around a body: inline style and script only.
fn page(language: Language, title: &str, body: &str, script: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n\
         <style>body{{font-family:system-ui,sans-serif;line-height:1.5;max-width:42rem;margin:1rem auto;padding:0 1rem;color:#111}}\
         fieldset{{margin:1rem 0;border:1px solid #666;padding:.5rem 1rem}}label{{display:block;min-height:24px;padding:.25rem 0}}\
         input{{min-width:24px;min-height:24px}}button{{min-height:44px;padding:0 1rem;font-size:1rem}}\
         .right{{color:#0a5c2b}}.wrong{{color:#9b1c1c}}</style>\n</head>\n<body>\n<main>\n{body}</main>\n\
         <script>\n{RUNTIME}{script}</script>\n</body>\n</html>\n",
        lang = language.key(),
        title = escape(title),
    )
}

fn lesson_page(l: &Lesson, w: &Words) -> String {
    let body = format!("{}<p>{} {}. {}</p>\n", to_html(&l.body, 0), l.minutes, w.minutes, escape(w.next));
    page(l.language, &l.title, &body, "window.addEventListener(\"load\", postern.lesson);\n")
}

/// JSON for inside a `<script>`: nothing in it can end the element or open markup.
fn script_json(value: &serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// One question's fieldset: radio buttons named by the question key.
fn question_html(i: usize, q: &Question, w: &Words) -> String {
    let name = escape(q.name.as_deref().unwrap_or_default());
    let choices: Vec<(String, &str)> = match &q.kind {
        QuestionKind::MultipleChoice { answers } => answers.iter().enumerate().map(|(j, a)| (j.to_string(), a.text.as_str())).collect(),
        QuestionKind::TrueFalse { .. } => vec![("true".into(), w.yes), ("false".into(), w.no)],
    };
    let mut out = format!("<fieldset>\n<legend>{}. {}</legend>\n", i + 1, escape(&q.text));
    for (value, text) in choices {
        out += &format!("<label><input type=\"radio\" name=\"{name}\" value=\"{value}\"> {}</label>\n", escape(text));
    }
    out += &format!("<p class=\"mark\" id=\"mark-{i}\" aria-live=\"polite\"></p>\n</fieldset>\n");
    out
}

/// The answer key: per question, its key and, per choice value, whether it is right and its
/// feedback.
fn answer_key(quiz: &[Question]) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = quiz
        .iter()
        .map(|q| {
            let choices: serde_json::Map<String, serde_json::Value> = match &q.kind {
                QuestionKind::MultipleChoice { answers } => answers
                    .iter()
                    .enumerate()
                    .map(|(j, a)| (j.to_string(), serde_json::json!({"right": a.correct, "feedback": a.feedback})))
                    .collect(),
                QuestionKind::TrueFalse { correct, feedback_wrong, feedback_right } => [true, false]
                    .into_iter()
                    .map(|v| {
                        let right = v == *correct;
                        let feedback = if right { feedback_right } else { feedback_wrong };
                        (v.to_string(), serde_json::json!({"right": right, "feedback": feedback}))
                    })
                    .collect(),
            };
            serde_json::json!({"name": q.name, "choices": choices})
        })
        .collect();
    serde_json::Value::Array(rows)
}

/// The grading script of a quiz page: marks each question, shows its feedback, reports the
/// score to the LMS.
const GRADER: &str = r#"window.addEventListener("load", postern.opened);
document.getElementById("quiz").addEventListener("submit", function (event) {
  event.preventDefault();
  var right = 0;
  KEY.forEach(function (q, i) {
    var chosen = document.querySelector("input[name=\"" + q.name + "\"]:checked");
    var mark = document.getElementById("mark-" + i);
    var c = chosen ? q.choices[chosen.value] : null;
    if (c && c.right) { right++; }
    mark.className = "mark " + (c && c.right ? "right" : "wrong");
    mark.textContent = (c ? (c.right ? WORDS.right : WORDS.wrong) : WORDS.unanswered) + (c && c.feedback ? " " + c.feedback : "");
  });
  var score = Math.round(100 * right / KEY.length);
  var passed = score >= MASTERY;
  document.getElementById("result").textContent = WORDS.score + ": " + score + "/100. " + (passed ? WORDS.passed : WORDS.failed);
  postern.quiz(score, passed);
});
"#;

fn quiz_page(l: &Lesson, w: &Words) -> String {
    let title = format!("{}: {}", w.quiz, l.title);
    let mut body = format!("<h1>{}</h1>\n<form id=\"quiz\">\n", escape(&title));
    for (i, q) in l.quiz.iter().enumerate() {
        body += &question_html(i, q, w);
    }
    body += &format!("<button type=\"submit\">{}</button>\n</form>\n<p id=\"result\" aria-live=\"polite\"></p>\n", escape(w.check));
    let words = serde_json::json!({"right": w.right, "wrong": w.wrong, "unanswered": w.unanswered, "passed": w.passed,
                                   "failed": w.failed, "score": w.score});
    let script = format!(
        "var KEY = {};\nvar WORDS = {};\nvar MASTERY = {MASTERY_SCORE};\n{GRADER}",
        script_json(&answer_key(&l.quiz)),
        script_json(&words)
    );
    page(l.language, &title, &body, &script)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_track_has_a_manifest_item_and_a_page_per_lesson_and_quiz() {
        let library = Library::embedded().expect("lessons");
        for language in Language::ALL {
            for track in Track::ALL {
                let files = entries(&library, track, language).expect("entries");
                let lessons = library.lessons(language, Some(track));
                assert_eq!(files.len(), 1 + 2 * lessons.len());
                let manifest = &files[0].content;
                for l in &lessons {
                    assert!(manifest.contains(&format!("href=\"lessons/{}.html\"", l.id)), "{}", l.id);
                    assert!(manifest.contains(&format!("<adlcp:masteryscore>{MASTERY_SCORE}</adlcp:masteryscore>")));
                }
                assert_eq!(manifest.matches("adlcp:scormtype=\"sco\"").count(), 2 * lessons.len());
            }
        }
    }

    #[test]
    fn lesson_text_cannot_become_markup_or_end_the_script() {
        let file = "+++\nid = \"x\"\ntracks = [\"citizen\"]\nminutes = 1\nversion = 1\nlanguage = \"en\"\n+++\n# A <b>title</b> & more\n\n\
                    Text </script><img src=x>.\n\n```gift\n::q1:: Is </script><script>alert(1)</script> it? {TRUE#</script>#ok}\n```\n";
        let w = words(Language::En);
        let lesson = crate::lessons::parse_lesson("en/x.md", file).expect("lesson");
        let page = lesson_page(&lesson, &w);
        assert!(page.contains("A &lt;b&gt;title&lt;/b&gt; &amp; more") && !page.contains("<img"), "{page}");
        let quiz = quiz_page(&lesson, &w);
        assert_eq!(quiz.matches("</script>").count(), 1, "{quiz}");
        assert!(quiz.contains("\\u003c/script\\u003e") && !quiz.contains("<script>alert"), "{quiz}");
        let m = manifest(&[&lesson], Track::Citizen, Language::En, &w);
        assert!(m.contains("<title>A &lt;b&gt;title&lt;/b&gt; &amp; more</title>"), "{m}");
    }

    #[test]
    fn the_package_is_deterministic() {
        let library = Library::embedded().expect("lessons");
        let a = package(&library, Track::CounterClerk, Language::Fr).expect("zip");
        assert_eq!(a, package(&library, Track::CounterClerk, Language::Fr).expect("zip"));
        assert!(a.starts_with(b"PK\x03\x04"));
        assert_eq!(file_name(Track::CounterClerk, Language::Fr), "postern-awareness-counter-clerk-fr-scorm12.zip");
    }
}
