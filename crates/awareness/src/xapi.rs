//! xAPI 1.0.3 statements of lesson completion, for a Learning Record Store. Pure: the caller
//! passes the ids, the time and the hub's public URL.
//!
//! A quiz taken on the portal makes two statements with the same registration: `completed` for
//! the lesson, and `passed` or `failed` for its quiz, with the score. The actor is an `account`
//! (the hub's public URL and the learner's pseudonym), never an e-mail address or a name: a
//! pseudonym that looks like an address is refused. Activity ids are stable IRIs under the hub's
//! public URL (`/xapi/activities/awareness/lessons/<id>` and `.../quiz`), the same across
//! languages and versions; the lesson version travels as a context extension.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};

use crate::lessons::Lesson;
use crate::quiz::Grade;

/// The version header every request to the LRS carries.
pub const VERSION: &str = "1.0.3";

const COMPLETED: &str = "http://adlnet.gov/expapi/verbs/completed";
const PASSED: &str = "http://adlnet.gov/expapi/verbs/passed";
const FAILED: &str = "http://adlnet.gov/expapi/verbs/failed";
const LESSON_TYPE: &str = "http://adlnet.gov/expapi/activities/lesson";
const ASSESSMENT_TYPE: &str = "http://adlnet.gov/expapi/activities/assessment";

/// Why statements were not built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XapiError {
    #[error("home_page: {0:?} is not an absolute http or https URL")]
    HomePage(String),
    #[error("learner: a pseudonym of letters, digits, '-' and '_' is needed, not {0:?}")]
    Learner(String),
    #[error("{field}: {value:?} is not a UUID")]
    Uuid { field: &'static str, value: String },
}

/// A learner's quiz result, as the statements describe it.
#[derive(Debug, Clone, Copy)]
pub struct Completion<'a> {
    /// The hub's public URL, no trailing slash: the account's home page and the IRIs' base.
    pub home_page: &'a str,
    /// The learner's pseudonym (never an address or a name).
    pub learner: &'a str,
    pub lesson: &'a Lesson,
    pub grade: &'a Grade,
    /// The attempt both statements belong to (a UUID).
    pub registration: &'a str,
    /// The ids of the `completed` and of the `passed`/`failed` statement (UUIDs), fixed before
    /// sending so that a retry is the same statement.
    pub ids: [&'a str; 2],
    pub timestamp: DateTime<Utc>,
}

/// The stable IRI of a lesson.
pub fn lesson_iri(home_page: &str, lesson_id: &str) -> String {
    format!("{home_page}/xapi/activities/awareness/lessons/{lesson_id}")
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12]) && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

fn check(c: &Completion<'_>) -> Result<(), XapiError> {
    let scheme_ok = ["https://", "http://"].iter().any(|s| c.home_page.strip_prefix(s).is_some_and(|rest| !rest.is_empty()));
    if !scheme_ok || c.home_page.ends_with('/') || c.home_page.chars().any(|ch| ch.is_whitespace()) {
        return Err(XapiError::HomePage(c.home_page.to_string()));
    }
    if c.learner.is_empty() || !c.learner.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_') {
        return Err(XapiError::Learner(c.learner.to_string()));
    }
    for (field, value) in [("registration", c.registration), ("id", c.ids[0]), ("id", c.ids[1])] {
        if !is_uuid(value) {
            return Err(XapiError::Uuid { field, value: value.to_string() });
        }
    }
    Ok(())
}

fn verb(iri: &str, word: &str) -> Value {
    json!({"id": iri, "display": {"en-US": word}})
}

/// The `completed` statement of the lesson and the `passed` or `failed` statement of its quiz.
pub fn statements(c: &Completion<'_>) -> Result<[Value; 2], XapiError> {
    check(c)?;
    let lang = c.lesson.language.key();
    let lesson = lesson_iri(c.home_page, &c.lesson.id);
    let actor = json!({"objectType": "Agent", "account": {"homePage": c.home_page, "name": c.learner}});
    let lesson_activity = json!({
        "objectType": "Activity", "id": lesson,
        "definition": {"type": LESSON_TYPE, "name": {lang: c.lesson.title}},
    });
    let quiz_activity = json!({
        "objectType": "Activity", "id": format!("{lesson}/quiz"),
        "definition": {"type": ASSESSMENT_TYPE, "name": {lang: format!("Quiz: {}", c.lesson.title)}},
    });
    let context = |parent: bool| {
        let mut ctx = json!({
            "registration": c.registration, "language": lang, "platform": "Postern",
            "extensions": {format!("{}/xapi/extensions/lesson-version", c.home_page): c.lesson.version},
        });
        if parent {
            ctx["contextActivities"] = json!({"parent": [{"objectType": "Activity", "id": lesson}]});
        }
        ctx
    };
    let timestamp = c.timestamp.to_rfc3339_opts(SecondsFormat::Millis, true);
    let questions = c.grade.questions.max(1);
    let scaled = c.grade.correct as f64 / questions as f64;
    let (word, iri) = if c.grade.passed { ("passed", PASSED) } else { ("failed", FAILED) };
    let completed = json!({
        "id": c.ids[0], "actor": actor, "verb": verb(COMPLETED, "completed"), "object": lesson_activity,
        "result": {"completion": true}, "context": context(false), "timestamp": timestamp,
    });
    let graded = json!({
        "id": c.ids[1], "actor": actor, "verb": verb(iri, word), "object": quiz_activity,
        "result": {"score": {"scaled": scaled, "raw": c.grade.correct, "min": 0, "max": c.grade.questions},
                   "success": c.grade.passed, "completion": true},
        "context": context(true), "timestamp": timestamp,
    });
    Ok([completed, graded])
}

/// How long to wait before the next try of a statement the LRS did not take after `attempts`
/// tries: 30 s doubling to at most an hour.
pub fn retry_after_secs(attempts: u32) -> i64 {
    30_i64.saturating_mul(1_i64 << attempts.min(7)).min(3600)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Language, Library};

    fn grade(correct: usize, questions: usize) -> Grade {
        Grade { marked: Vec::new(), correct, questions, passed: correct as f64 >= crate::quiz::PASS_RATIO * questions as f64 }
    }

    const REG: &str = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    const IDS: [&str; 2] = ["0b9f3a52-1c1e-4c6a-9d55-0e6b8e1f2a30", "7a1e0f4c-2b3d-4e5f-8a9b-0c1d2e3f4a5b"];

    fn completion<'a>(lesson: &'a Lesson, g: &'a Grade, learner: &'a str) -> Completion<'a> {
        Completion {
            home_page: "https://hub.example",
            learner,
            lesson,
            grade: g,
            registration: REG,
            ids: IDS,
            timestamp: DateTime::from_timestamp(1_800_000_000, 0).expect("time"),
        }
    }

    #[test]
    fn a_quiz_makes_a_completed_and_a_scored_statement_with_an_account_actor() {
        let library = Library::embedded().expect("lessons");
        let lesson = library.lessons(Language::Fr, None)[0];
        let g = grade(1, 2);
        let [done, scored] = statements(&completion(lesson, &g, "l-0123456789abcdef")).expect("statements");
        let actor = json!({"objectType": "Agent", "account": {"homePage": "https://hub.example", "name": "l-0123456789abcdef"}});
        assert_eq!(done["actor"], actor);
        assert_eq!(done["verb"]["id"], COMPLETED);
        assert_eq!(done["object"]["id"], format!("https://hub.example/xapi/activities/awareness/lessons/{}", lesson.id));
        assert_eq!(scored["verb"]["id"], FAILED);
        assert_eq!(scored["result"]["score"], json!({"scaled": 0.5, "raw": 1, "min": 0, "max": 2}));
        assert_eq!(scored["result"]["success"], false);
        assert_eq!(scored["context"]["registration"], REG);
        assert_eq!(scored["context"]["contextActivities"]["parent"][0]["id"], done["object"]["id"]);
        assert_eq!((done["id"].as_str(), scored["id"].as_str()), (Some(IDS[0]), Some(IDS[1])));
        assert_eq!(done["timestamp"], "2027-01-15T08:00:00.000Z");
        let g = grade(2, 2);
        assert_eq!(statements(&completion(lesson, &g, "l-1")).expect("passed")[1]["verb"]["id"], PASSED);
    }

    #[test]
    fn an_address_as_learner_and_bad_ids_are_refused() {
        let library = Library::embedded().expect("lessons");
        let lesson = library.lessons(Language::En, None)[0];
        let g = grade(2, 2);
        for learner in ["ana@poste.example", "Ana Silva", ""] {
            assert_eq!(statements(&completion(lesson, &g, learner)).unwrap_err(), XapiError::Learner(learner.into()));
        }
        let mut c = completion(lesson, &g, "l-1");
        c.home_page = "hub.example";
        assert!(matches!(statements(&c), Err(XapiError::HomePage(_))));
        let mut c = completion(lesson, &g, "l-1");
        c.registration = "not-a-uuid";
        assert!(matches!(statements(&c), Err(XapiError::Uuid { field: "registration", .. })));
    }

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!([0, 1, 2, 6, 7, 40].map(retry_after_secs), [30, 60, 120, 1920, 3600, 3600]);
    }
}
