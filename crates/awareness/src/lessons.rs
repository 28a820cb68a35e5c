//! Micro-lessons as data: Markdown files under `data/<language>/` with a TOML front matter and a
//! GIFT quiz in a fenced block, embedded in the binary and validated at load (see `data/README.md`).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::gift::{self, GiftError, Question};

/// The longest a micro-lesson may take, in minutes.
pub const MAX_MINUTES: u8 = 5;

/// Reading speed used to check a lesson's declared minutes, in words per minute (a slow,
/// second-language reader).
const WORDS_PER_MINUTE: usize = 150;

/// The role tracks; every one must have lessons in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Track {
    CounterClerk,
    DeliveryStaff,
    CallCentre,
    ItAdmin,
    /// Management bodies, whose training NIS2 Art. 20(2) requires.
    Management,
    Citizen,
}

impl Track {
    pub const ALL: [Track; 6] =
        [Track::CounterClerk, Track::DeliveryStaff, Track::CallCentre, Track::ItAdmin, Track::Management, Track::Citizen];

    /// The name used in files, on the command line and in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Track::CounterClerk => "counter_clerk",
            Track::DeliveryStaff => "delivery_staff",
            Track::CallCentre => "call_centre",
            Track::ItAdmin => "it_admin",
            Track::Management => "management",
            Track::Citizen => "citizen",
        }
    }

    pub fn from_key(key: &str) -> Option<Track> {
        Track::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// The languages lessons ship in; each has the same lesson ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    En,
    Fr,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Fr];

    pub fn key(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Fr => "fr",
        }
    }

    pub fn from_key(key: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.key() == key)
    }
}

/// The front matter between the `+++` lines.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    tracks: Vec<Track>,
    minutes: u8,
    version: u32,
    language: Language,
}

/// One micro-lesson in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Lesson {
    pub id: String,
    pub title: String,
    pub tracks: Vec<Track>,
    pub minutes: u8,
    /// Raised when the content changes enough that learners should take it again.
    pub version: u32,
    pub language: Language,
    /// The Markdown body without front matter and quiz.
    pub body: String,
    pub quiz: Vec<Question>,
}

/// Why the lesson files do not load; the file is named in every case.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: {reason}")]
    Malformed { file: String, reason: String },
    #[error("{file}: quiz {source}")]
    Quiz { file: String, source: GiftError },
    #[error("lesson {id:?} appears twice in {language:?}")]
    Duplicate { id: String, language: Language },
    #[error("lesson {id:?} exists in {present:?} but not in {missing:?}")]
    Unpaired { id: String, present: Language, missing: Language },
    #[error("lesson {id:?} differs between languages in its {what}")]
    Mismatch { id: String, what: &'static str },
    #[error("track {0:?} has no lesson")]
    EmptyTrack(&'static str),
}

fn malformed(file: &str, reason: impl Into<String>) -> LoadError {
    LoadError::Malformed { file: file.to_string(), reason: reason.into() }
}

/// The lesson files shipped in the crate, as (path under `data/`, text).
const EMBEDDED: [(&str, &str); 16] = [
    ("en/counter-money-transfer.md", include_str!("../data/en/counter-money-transfer.md")),
    ("en/counter-fake-parcel-notice.md", include_str!("../data/en/counter-fake-parcel-notice.md")),
    ("en/counter-sim-swap.md", include_str!("../data/en/counter-sim-swap.md")),
    ("en/delivery-handheld.md", include_str!("../data/en/delivery-handheld.md")),
    ("en/call-centre-redirection.md", include_str!("../data/en/call-centre-redirection.md")),
    ("en/it-admin-phishing-report.md", include_str!("../data/en/it-admin-phishing-report.md")),
    ("en/management-nis2.md", include_str!("../data/en/management-nis2.md")),
    ("en/citizen-parcel-sms.md", include_str!("../data/en/citizen-parcel-sms.md")),
    ("fr/counter-money-transfer.md", include_str!("../data/fr/counter-money-transfer.md")),
    ("fr/counter-fake-parcel-notice.md", include_str!("../data/fr/counter-fake-parcel-notice.md")),
    ("fr/counter-sim-swap.md", include_str!("../data/fr/counter-sim-swap.md")),
    ("fr/delivery-handheld.md", include_str!("../data/fr/delivery-handheld.md")),
    ("fr/call-centre-redirection.md", include_str!("../data/fr/call-centre-redirection.md")),
    ("fr/it-admin-phishing-report.md", include_str!("../data/fr/it-admin-phishing-report.md")),
    ("fr/management-nis2.md", include_str!("../data/fr/management-nis2.md")),
    ("fr/citizen-parcel-sms.md", include_str!("../data/fr/citizen-parcel-sms.md")),
];

/// All lessons, validated: unique ids, the same ids, versions, tracks, minutes and quiz keys in
/// every language, and lessons for every track.
#[derive(Debug, Clone)]
pub struct Library {
    lessons: Vec<Lesson>,
}

impl Library {
    /// The lessons shipped with Postern.
    pub fn embedded() -> Result<Library, LoadError> {
        Library::from_files(&EMBEDDED)
    }

    /// Loads lessons from (path, text) pairs; the path's folder must be the lesson's language.
    pub fn from_files(files: &[(&str, &str)]) -> Result<Library, LoadError> {
        let lessons = files.iter().map(|(path, text)| parse_lesson(path, text)).collect::<Result<Vec<_>, _>>()?;
        let mut by_language: BTreeMap<Language, BTreeMap<&str, &Lesson>> = BTreeMap::new();
        for lesson in &lessons {
            let ids = by_language.entry(lesson.language).or_default();
            if ids.insert(&lesson.id, lesson).is_some() {
                return Err(LoadError::Duplicate { id: lesson.id.clone(), language: lesson.language });
            }
        }
        for (&language, ids) in &by_language {
            for (&other, other_ids) in &by_language {
                for (id, lesson) in ids {
                    let Some(twin) = other_ids.get(id) else {
                        return Err(LoadError::Unpaired { id: id.to_string(), present: language, missing: other });
                    };
                    compare(lesson, twin)?;
                }
            }
        }
        for track in Track::ALL {
            if !lessons.iter().any(|l| l.tracks.contains(&track)) {
                return Err(LoadError::EmptyTrack(track.key()));
            }
        }
        Ok(Library { lessons })
    }

    /// Lessons in `language`, optionally only those of `track`, sorted by id.
    pub fn lessons(&self, language: Language, track: Option<Track>) -> Vec<&Lesson> {
        let mut out: Vec<&Lesson> =
            self.lessons.iter().filter(|l| l.language == language && track.is_none_or(|t| l.tracks.contains(&t))).collect();
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }
}

/// Twins must agree on everything but their words.
fn compare(a: &Lesson, b: &Lesson) -> Result<(), LoadError> {
    let mismatch = |what| Err(LoadError::Mismatch { id: a.id.clone(), what });
    if a.version != b.version {
        return mismatch("version");
    }
    if a.tracks != b.tracks {
        return mismatch("tracks");
    }
    if a.minutes != b.minutes {
        return mismatch("minutes");
    }
    let keys = |l: &Lesson| l.quiz.iter().map(|q| (q.name.clone(), std::mem::discriminant(&q.kind))).collect::<Vec<_>>();
    if keys(a) != keys(b) {
        return mismatch("quiz question names or types");
    }
    Ok(())
}

/// Parses one lesson file: `+++` front matter, Markdown with a `# ` title, and one fenced
/// ```` ```gift ```` block holding the quiz.
pub(crate) fn parse_lesson(path: &str, text: &str) -> Result<Lesson, LoadError> {
    let rest = text.strip_prefix("+++\n").ok_or_else(|| malformed(path, "does not start with a +++ front matter line"))?;
    let (front, body) = rest.split_once("\n+++\n").ok_or_else(|| malformed(path, "the front matter is not closed by a +++ line"))?;
    let front: FrontMatter = toml::from_str(front).map_err(|e| malformed(path, format!("front matter: {}", e.message())))?;
    let folder = path.split('/').next().unwrap_or_default();
    if folder != front.language.key() {
        return Err(malformed(path, format!("language {:?} but the file is under {folder}/", front.language.key())));
    }
    if front.id.is_empty() || !front.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
        return Err(malformed(path, "the id must be lowercase ASCII letters, digits and '-'"));
    }
    if !(1..=MAX_MINUTES).contains(&front.minutes) {
        return Err(malformed(path, format!("minutes must be 1 to {MAX_MINUTES}, not {}", front.minutes)));
    }
    if front.tracks.is_empty() || front.tracks.iter().collect::<BTreeSet<_>>().len() != front.tracks.len() {
        return Err(malformed(path, "tracks must be a non-empty list without repeats"));
    }
    let (markdown, quiz) = split_quiz(path, body)?;
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| malformed(path, "no '# ' title line"))?
        .to_string();
    let quiz_line = 2 + front_lines(text) + markdown.lines().count();
    let quiz =
        gift::parse(quiz).map_err(|e| LoadError::Quiz { file: path.to_string(), source: GiftError { line: e.line + quiz_line, ..e } })?;
    check_quiz(path, &quiz)?;
    let words = markdown.split_whitespace().count() + quiz.iter().map(|q| q.text.split_whitespace().count()).sum::<usize>();
    if words.div_ceil(WORDS_PER_MINUTE) > usize::from(front.minutes) {
        return Err(malformed(path, format!("{words} words do not fit in {} minutes", front.minutes)));
    }
    Ok(Lesson {
        id: front.id,
        title,
        tracks: front.tracks,
        minutes: front.minutes,
        version: front.version,
        language: front.language,
        body: markdown.trim().to_string(),
        quiz,
    })
}

/// Lines taken by the front matter and its closing `+++`.
fn front_lines(text: &str) -> usize {
    text.lines().skip(1).take_while(|l| *l != "+++").count() + 1
}

/// Splits the body at its one ```` ```gift ```` fence.
fn split_quiz<'a>(path: &str, body: &'a str) -> Result<(&'a str, &'a str), LoadError> {
    let (markdown, fenced) = body.split_once("```gift\n").ok_or_else(|| malformed(path, "no ```gift quiz block"))?;
    let (quiz, after) = fenced.split_once("```").ok_or_else(|| malformed(path, "the ```gift block is not closed"))?;
    if !after.trim().is_empty() {
        return Err(malformed(path, "text after the quiz block"));
    }
    Ok((markdown, quiz))
}

/// Every question needs a unique name (the key shared across languages); a quiz is not empty.
fn check_quiz(path: &str, quiz: &[Question]) -> Result<(), LoadError> {
    if quiz.is_empty() {
        return Err(malformed(path, "the quiz has no question"));
    }
    let mut names = BTreeSet::new();
    for q in quiz {
        let Some(name) = &q.name else { return Err(malformed(path, format!("quiz question {:?} has no ::name::", q.text))) };
        if !names.insert(name) {
            return Err(malformed(path, format!("quiz question name {name:?} is used twice")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_lessons_load_and_cover_every_track_in_both_languages() {
        let library = Library::embedded().expect("the shipped lessons are valid");
        for language in Language::ALL {
            for track in Track::ALL {
                assert!(!library.lessons(language, Some(track)).is_empty(), "{track:?} in {language:?}");
            }
            for lesson in library.lessons(language, None) {
                assert!(lesson.minutes <= MAX_MINUTES, "{}", lesson.id);
                assert!(!lesson.quiz.is_empty(), "{}", lesson.id);
            }
        }
        let ids = |l| library.lessons(l, None).iter().map(|l| l.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(Language::En), ids(Language::Fr));
    }

    #[test]
    fn every_shipped_quiz_round_trips_through_gift() {
        let library = Library::embedded().expect("valid");
        for language in Language::ALL {
            for lesson in library.lessons(language, None) {
                assert_eq!(gift::parse(&gift::export(&lesson.quiz)).as_ref(), Ok(&lesson.quiz), "{}", lesson.id);
            }
        }
    }

    const GOOD: &str = "+++\nid = \"x\"\ntracks = [\"citizen\"]\nminutes = 1\nversion = 1\nlanguage = \"en\"\n+++\n# Title\n\nText.\n\n```gift\n::q1:: Is it? {TRUE}\n```\n";

    fn all_tracks(extra: &[(&'static str, String)]) -> Vec<(&'static str, String)> {
        let mut files: Vec<(&'static str, String)> = EMBEDDED.iter().map(|(p, t)| (*p, t.to_string())).collect();
        files.extend(extra.iter().cloned());
        files
    }

    fn load(files: &[(&'static str, String)]) -> Result<Library, LoadError> {
        let borrowed: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        Library::from_files(&borrowed)
    }

    #[test]
    fn bad_lesson_files_are_refused_with_the_reason() {
        let cases: [(&str, String, &str); 8] = [
            ("en/x.md", GOOD.replace("minutes = 1", "minutes = 6"), "minutes must be 1 to 5"),
            ("en/x.md", GOOD.replace("+++\nid", "id"), "front matter"),
            ("fr/x.md", GOOD.to_string(), "under fr/"),
            ("en/x.md", GOOD.replace("::q1:: ", ""), "has no ::name::"),
            ("en/x.md", GOOD.replace("{TRUE}", "{MAYBE}"), "line 13: a true/false answer"),
            ("en/x.md", GOOD.replace("\"citizen\"", "\"pilot\""), "front matter"),
            ("en/x.md", GOOD.replace("# Title", "Title"), "title"),
            ("en/x.md", GOOD.replace("Text.", &"word ".repeat(200)), "do not fit in 1 minutes"),
        ];
        for (path, text, want) in cases {
            let err = load(&all_tracks(&[(path, text)])).expect_err(want).to_string();
            assert!(err.contains(want), "{err} should contain {want}");
        }
    }

    #[test]
    fn lessons_must_pair_across_languages_and_tracks_must_not_be_empty() {
        let err = load(&all_tracks(&[("en/x.md", GOOD.to_string())])).expect_err("unpaired").to_string();
        assert!(err.contains("exists in En but not in Fr"), "{err}");
        let fr = GOOD.replace("\"en\"", "\"fr\"").replace("version = 1", "version = 2");
        let err = load(&all_tracks(&[("en/x.md", GOOD.to_string()), ("fr/x.md", fr)])).expect_err("version").to_string();
        assert!(err.contains("in its version"), "{err}");
        let err = load(&all_tracks(&[("en/x.md", GOOD.to_string()), ("en/x.md", GOOD.to_string())])).expect_err("dup").to_string();
        assert!(err.contains("appears twice"), "{err}");
        let err = load(&[("en/x.md", GOOD.to_string()), ("fr/x.md", GOOD.replace("\"en\"", "\"fr\""))]).expect_err("tracks").to_string();
        assert!(err.contains("track \"counter_clerk\" has no lesson"), "{err}");
    }
}
