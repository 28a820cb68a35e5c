//! Grading a lesson's quiz as a form sends it: one answer per question, named by the question's
//! key; a multiple-choice answer is the index of the choice, a true/false answer `true` or
//! `false`. Pure.

use std::collections::BTreeMap;

use crate::gift::{Question, QuestionKind};

/// The share of correct answers a learner needs to pass.
pub const PASS_RATIO: f64 = 0.8;

/// How one question was answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub name: String,
    /// `None` when the question was left unanswered (or the answer is not one of its choices).
    pub correct: Option<bool>,
    /// The feedback of the chosen answer, when the quiz has one.
    pub feedback: Option<String>,
}

/// A graded quiz.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    pub marked: Vec<Marked>,
    pub correct: usize,
    pub questions: usize,
    pub passed: bool,
}

/// Grades `answers` (question key to the value sent) against `quiz`.
pub fn grade(quiz: &[Question], answers: &BTreeMap<String, String>) -> Grade {
    let marked: Vec<Marked> = quiz
        .iter()
        .map(|q| {
            let name = q.name.clone().unwrap_or_default();
            let given = answers.get(&name).map(|s| s.trim());
            let (correct, feedback) = match (&q.kind, given) {
                (QuestionKind::MultipleChoice { answers }, Some(g)) => match g.parse::<usize>().ok().and_then(|i| answers.get(i)) {
                    Some(a) => (Some(a.correct), a.feedback.clone()),
                    None => (None, None),
                },
                (QuestionKind::TrueFalse { correct, feedback_wrong, feedback_right }, Some(g)) => match g {
                    "true" | "false" => {
                        let right = (g == "true") == *correct;
                        (Some(right), if right { feedback_right.clone() } else { feedback_wrong.clone() })
                    }
                    _ => (None, None),
                },
                _ => (None, None),
            };
            Marked { name, correct, feedback }
        })
        .collect();
    let correct = marked.iter().filter(|m| m.correct == Some(true)).count();
    let questions = marked.len();
    let passed = questions > 0 && correct as f64 >= PASS_RATIO * questions as f64;
    Grade { marked, correct, questions, passed }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(answers: &[(&str, &str)], expected: (&[Option<bool>], usize, bool)) {
        let quiz = crate::gift::parse("::q1:: Pick {=right#yes ~wrong#no}\n\n::q2:: True? {TRUE#bad#good}\n").expect("quiz");
        let answers = answers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        let g = grade(&quiz, &answers);
        let marks: Vec<Option<bool>> = g.marked.iter().map(|m| m.correct).collect();
        assert_eq!((marks.as_slice(), g.correct, g.passed), expected, "{answers:?}");
    }

    #[test]
    fn answers_are_marked_by_key_and_junk_counts_as_unanswered() {
        check(&[("q1", "0"), ("q2", "true")], (&[Some(true), Some(true)], 2, true));
        check(&[("q1", "1"), ("q2", "false")], (&[Some(false), Some(false)], 0, false));
        check(&[("q1", "0")], (&[Some(true), None], 1, false));
        check(&[("q1", "7"), ("q2", "maybe")], (&[None, None], 0, false));
        check(&[("q1", "-1"), ("q3", "true")], (&[None, None], 0, false));
    }

    #[test]
    fn feedback_is_the_chosen_answers() {
        let quiz = crate::gift::parse("::q1:: Pick {=right#yes ~wrong#no}\n").expect("quiz");
        let g = grade(&quiz, &[("q1".to_string(), "1".to_string())].into_iter().collect());
        assert_eq!(g.marked[0].feedback.as_deref(), Some("no"));
    }
}
