//! Awareness for postal staff and citizens: micro-lessons and quizzes shipped as data (EN and FR
//! with the same keys), Moodle GIFT import and export, Leitner booster spacing; and the rules of
//! phishing and smishing simulation: templates with their NIST Phish Scale difficulty, target
//! lists, campaign governance, evidence-graded clicks and results.
//! Pure: no IO and no clock; the binary reads files and passes `now`.

pub mod benchmark;
pub mod booster;
pub mod campaign;
pub mod clicks;
pub mod completion;
pub mod gift;
pub mod lessons;
pub mod markdown;
pub mod phishscale;
pub mod quiz;
pub mod report;
pub mod results;
pub mod schedule;
pub mod scorm;
pub mod sheet;
pub mod sms;
pub mod targets;
pub mod templates;
pub mod xapi;

pub use booster::{Outcome, Scheduled, schedule};
pub use gift::{Answer, GiftError, GiftErrorKind, Question, QuestionKind, TextFormat};
pub use lessons::{Language, Lesson, Library, LoadError, Track};
