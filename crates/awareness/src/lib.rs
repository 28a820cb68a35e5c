//! Awareness learning for postal staff and citizens: micro-lessons and quizzes shipped as data
//! (EN and FR with the same keys), Moodle GIFT import and export, and Leitner booster spacing.
//! Pure: no IO and no clock; the binary reads files and passes `now`.

pub mod booster;
pub mod gift;
pub mod lessons;

pub use booster::{Outcome, Scheduled, schedule};
pub use gift::{Answer, GiftError, GiftErrorKind, Question, QuestionKind, TextFormat};
pub use lessons::{Language, Lesson, Library, LoadError, Track};
