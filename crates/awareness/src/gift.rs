//! Moodle GIFT quizzes: a parser that never panics and names the line of every error, and an
//! exporter whose output the parser reads back unchanged.
//!
//! The subset is the one the lessons use and Moodle imports: single-answer multiple choice
//! (`{=right#feedback ~wrong#feedback}`) and true/false (`{TRUE#if wrong#if right}`), with an
//! optional `::name::`, a `[html]`-style format marker, `$CATEGORY:` lines and `//` comments.
//! Other GIFT question types (numeric, matching, essay, weighted answers, missing-word, general
//! feedback) are refused with a clear error rather than read wrongly.

use serde::Serialize;

/// One quiz question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The `$CATEGORY:` in force where the question stood, if any.
    pub category: Option<String>,
    /// The `::name::`: the stable key shared by the EN and FR versions.
    pub name: Option<String>,
    /// The `[html]`-style marker before the text, as Moodle writes it in its own exports.
    pub format: Option<TextFormat>,
    pub text: String,
    pub kind: QuestionKind,
}

/// A GIFT text format marker; the text is kept as written, whatever its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextFormat {
    Moodle,
    Html,
    Plain,
    Markdown,
}

impl TextFormat {
    const ALL: [TextFormat; 4] = [TextFormat::Moodle, TextFormat::Html, TextFormat::Plain, TextFormat::Markdown];

    /// The marker, brackets included.
    pub fn marker(self) -> &'static str {
        match self {
            TextFormat::Moodle => "[moodle]",
            TextFormat::Html => "[html]",
            TextFormat::Plain => "[plain]",
            TextFormat::Markdown => "[markdown]",
        }
    }
}

/// The answer part of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    /// Exactly one answer is correct.
    MultipleChoice { answers: Vec<Answer> },
    /// GIFT's order: the first feedback is shown after a wrong answer, the second after a right one.
    TrueFalse { correct: bool, feedback_wrong: Option<String>, feedback_right: Option<String> },
}

/// One choice of a multiple-choice question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Answer {
    pub text: String,
    pub correct: bool,
    pub feedback: Option<String>,
}

/// A GIFT parse error: the 1-based line where the faulty question or token starts, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct GiftError {
    pub line: usize,
    pub kind: GiftErrorKind,
}

/// Why a GIFT text was refused; each variant has a stable [`GiftErrorKind::code`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GiftErrorKind {
    #[error("the question name opened with '::' is not closed with '::'")]
    UnclosedName,
    #[error("the question has no answer block '{{...}}'")]
    NoAnswerBlock,
    #[error("the answer block opened with '{{' is not closed with '}}'")]
    UnclosedAnswer,
    #[error("text after the answer block (missing-word questions are not supported)")]
    TextAfterAnswer,
    #[error("the question text is empty")]
    EmptyText,
    #[error("unsupported question type: {0}")]
    Unsupported(&'static str),
    #[error("an answer is empty")]
    EmptyAnswer,
    #[error("a multiple-choice question needs at least two answers")]
    TooFewAnswers,
    #[error("a multiple-choice question needs exactly one answer marked '=' (found {0})")]
    CorrectCount(usize),
    #[error("a true/false answer must be TRUE, T, FALSE or F, not {0:?}")]
    BadTrueFalse(String),
}

impl GiftErrorKind {
    /// A stable code for scripts and translations.
    pub fn code(&self) -> &'static str {
        match self {
            GiftErrorKind::UnclosedName => "unclosed_name",
            GiftErrorKind::NoAnswerBlock => "no_answer_block",
            GiftErrorKind::UnclosedAnswer => "unclosed_answer",
            GiftErrorKind::TextAfterAnswer => "text_after_answer",
            GiftErrorKind::EmptyText => "empty_text",
            GiftErrorKind::Unsupported(_) => "unsupported",
            GiftErrorKind::EmptyAnswer => "empty_answer",
            GiftErrorKind::TooFewAnswers => "too_few_answers",
            GiftErrorKind::CorrectCount(_) => "correct_count",
            GiftErrorKind::BadTrueFalse(_) => "bad_true_false",
        }
    }
}

/// Characters GIFT gives a meaning to; a backslash makes them literal.
const SPECIAL: [char; 7] = ['~', '=', '#', '{', '}', ':', '\\'];

/// Parses a GIFT text. Any input gives `Ok` or an error naming a line; nothing panics.
pub fn parse(input: &str) -> Result<Vec<Question>, GiftError> {
    let mut questions = Vec::new();
    let mut category: Option<String> = None;
    for (line, block) in blocks(input) {
        // `blocks` gives every `$CATEGORY:` line a block of its own.
        if let Some(rest) = block.trim().strip_prefix("$CATEGORY:") {
            category = Some(rest.trim().to_string());
            continue;
        }
        questions.push(question(&block, line, category.clone())?);
    }
    Ok(questions)
}

/// Splits the text into question blocks (separated by blank lines, `//` comment lines dropped),
/// each with the line number it starts on. A `$CATEGORY:` line is a block of its own.
fn blocks(input: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, raw) in input.lines().enumerate() {
        let line = raw.trim_start_matches('\u{feff}');
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            continue;
        }
        if trimmed.is_empty() || trimmed.starts_with("$CATEGORY:") {
            out.extend(current.take());
            if !trimmed.is_empty() {
                out.push((i + 1, trimmed.to_string()));
            }
            continue;
        }
        match &mut current {
            Some((_, text)) => {
                text.push('\n');
                text.push_str(line);
            }
            None => current = Some((i + 1, line.to_string())),
        }
    }
    out.extend(current);
    out
}

/// Index of the first unescaped `target` in `chars` at or after `from`.
fn find_unescaped(chars: &[char], from: usize, target: char) -> Option<usize> {
    let mut i = from;
    while i < chars.len() {
        match chars.get(i) {
            Some('\\') => i += 2,
            Some(c) if *c == target => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The line of position `at` in a block starting on `first`.
fn line_of(chars: &[char], first: usize, at: usize) -> usize {
    first + chars.iter().take(at).filter(|c| **c == '\n').count()
}

/// Trims the raw text, then removes GIFT escapes: `\X` for a special X becomes X, `\n` becomes
/// a line break. Trimming first keeps escaped line breaks at either end, so export round-trips.
fn unescape(raw: &[char]) -> String {
    let start = raw.iter().position(|c| !c.is_whitespace()).unwrap_or(raw.len());
    let end = raw.iter().rposition(|c| !c.is_whitespace()).map_or(start, |i| i + 1);
    let chars = raw.get(start..end).unwrap_or_default();
    let mut out = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match (c, chars.get(i + 1)) {
            ('\\', Some('n')) => {
                out.push('\n');
                i += 2;
            }
            ('\\', Some(&next)) if SPECIAL.contains(&next) => {
                out.push(next);
                i += 2;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Index of the unescaped `::` closing a name opened at the start of `chars`.
fn name_end(chars: &[char]) -> Option<usize> {
    let mut i = 2;
    while let Some(&c) = chars.get(i) {
        match c {
            '\\' => i += 2,
            ':' if chars.get(i + 1) == Some(&':') => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// Parses one question block starting on line `first`.
fn question(block: &str, first: usize, category: Option<String>) -> Result<Question, GiftError> {
    let chars: Vec<char> = block.trim().chars().collect();
    let err = |at: usize, kind| GiftError { line: line_of(&chars, first, at), kind };
    let mut start = 0;
    let mut name = None;
    if chars.starts_with(&[':', ':']) {
        let close = name_end(&chars).ok_or_else(|| err(0, GiftErrorKind::UnclosedName))?;
        name = Some(unescape(chars.get(2..close).unwrap_or_default())).filter(|n| !n.is_empty());
        start = close + 2;
    }
    let open = find_unescaped(&chars, start, '{').ok_or_else(|| err(start, GiftErrorKind::NoAnswerBlock))?;
    let close = find_unescaped(&chars, open + 1, '}').ok_or_else(|| err(open, GiftErrorKind::UnclosedAnswer))?;
    if chars.get(close + 1..).is_some_and(|rest| rest.iter().any(|c| !c.is_whitespace())) {
        return Err(err(close, GiftErrorKind::TextAfterAnswer));
    }
    let mut head = chars.get(start..open).unwrap_or_default();
    let skip = head.iter().take_while(|c| c.is_whitespace()).count();
    let format = TextFormat::ALL.into_iter().find(|f| {
        let marker: Vec<char> = f.marker().chars().collect();
        head.get(skip..skip + marker.len()).is_some_and(|lead| lead.iter().zip(&marker).all(|(a, b)| a.eq_ignore_ascii_case(b)))
    });
    if let Some(f) = format {
        head = head.get(skip + f.marker().chars().count()..).unwrap_or_default();
    }
    let text = unescape(head);
    if text.trim().is_empty() {
        return Err(err(start, GiftErrorKind::EmptyText));
    }
    let body = chars.get(open + 1..close).unwrap_or_default();
    let kind = answers(body).map_err(|(at, kind)| err(open + 1 + at, kind))?;
    Ok(Question { category, name, format, text, kind })
}

/// Parses the inside of `{...}`; errors carry the offset within `body`.
fn answers(body: &[char]) -> Result<QuestionKind, (usize, GiftErrorKind)> {
    let first = body.iter().position(|c| !c.is_whitespace());
    match first.and_then(|i| body.get(i).map(|c| (i, *c))) {
        None => Err((0, GiftErrorKind::Unsupported("essay (empty answer block)"))),
        Some((i, '#')) => Err((i, GiftErrorKind::Unsupported("numeric"))),
        Some((i, '=' | '~')) => multiple_choice(body, i),
        Some((i, _)) => true_false(body, i),
    }
}

/// Splits `body` at unescaped occurrences of any of `marks`, keeping each part's mark and offset.
fn split_marks(body: &[char], from: usize, marks: &[char]) -> Vec<(char, usize, Vec<char>)> {
    let mut parts: Vec<(char, usize, Vec<char>)> = Vec::new();
    let mut i = from;
    while let Some(&c) = body.get(i) {
        if c == '\\' {
            if let Some(last) = parts.last_mut() {
                last.2.push(c);
                last.2.extend(body.get(i + 1).copied());
            }
            i += 2;
            continue;
        }
        if marks.contains(&c) {
            parts.push((c, i, Vec::new()));
        } else if let Some(last) = parts.last_mut() {
            last.2.push(c);
        }
        i += 1;
    }
    parts
}

fn multiple_choice(body: &[char], from: usize) -> Result<QuestionKind, (usize, GiftErrorKind)> {
    let mut answers: Vec<Answer> = Vec::new();
    for (mark, at, part) in split_marks(body, from, &['=', '~', '#']) {
        if mark == '#' {
            let Some(last) = answers.last_mut().filter(|a| a.feedback.is_none()) else {
                return Err((at, GiftErrorKind::Unsupported("general feedback (####) or a second feedback")));
            };
            last.feedback = Some(unescape(&part)).filter(|f| !f.is_empty());
            continue;
        }
        if part.iter().find(|c| !c.is_whitespace()) == Some(&'%') {
            return Err((at, GiftErrorKind::Unsupported("weighted answers (%n%)")));
        }
        if part.windows(2).any(|w| w == ['-', '>']) {
            return Err((at, GiftErrorKind::Unsupported("matching (->)")));
        }
        let text = unescape(&part);
        if text.trim().is_empty() {
            return Err((at, GiftErrorKind::EmptyAnswer));
        }
        answers.push(Answer { text, correct: mark == '=', feedback: None });
    }
    if answers.len() < 2 {
        return Err((from, GiftErrorKind::TooFewAnswers));
    }
    let correct = answers.iter().filter(|a| a.correct).count();
    if correct != 1 {
        return Err((from, GiftErrorKind::CorrectCount(correct)));
    }
    Ok(QuestionKind::MultipleChoice { answers })
}

fn true_false(body: &[char], from: usize) -> Result<QuestionKind, (usize, GiftErrorKind)> {
    let end = find_unescaped(body, from, '#').unwrap_or(body.len());
    let word: String = body.get(from..end).unwrap_or_default().iter().collect::<String>().trim().to_string();
    let correct = match word.to_ascii_uppercase().as_str() {
        "T" | "TRUE" => true,
        "F" | "FALSE" => false,
        _ => return Err((from, GiftErrorKind::BadTrueFalse(word))),
    };
    let feedbacks = split_marks(body, end, &['#']);
    if feedbacks.len() > 2 {
        return Err((end, GiftErrorKind::Unsupported("more than two true/false feedbacks")));
    }
    let feedback = |i: usize| feedbacks.get(i).map(|(_, _, part)| unescape(part)).filter(|f| !f.is_empty());
    Ok(QuestionKind::TrueFalse { correct, feedback_wrong: feedback(0), feedback_right: feedback(1) })
}

/// Escapes GIFT's special characters and line breaks so that [`parse`] reads `text` back.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c == '\n' {
            out.push_str("\\n");
        } else {
            if SPECIAL.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Writes questions as GIFT; `parse(&export(q)) == q` for questions `parse` can return.
pub fn export(questions: &[Question]) -> String {
    let mut out = String::new();
    let mut category: Option<&String> = None;
    for q in questions {
        if let Some(c) = q.category.as_ref().filter(|c| category != Some(*c)) {
            out.push_str(&format!("$CATEGORY: {}\n\n", c.replace('\n', " ")));
            category = Some(c);
        }
        if let Some(name) = &q.name {
            out.push_str(&format!("::{}::", escape(name)));
        }
        if let Some(f) = q.format {
            out.push_str(f.marker());
        }
        out.push_str(&escape(&q.text));
        out.push_str(" {");
        match &q.kind {
            QuestionKind::MultipleChoice { answers } => {
                for a in answers {
                    out.push_str(&format!("\n\t{}{}", if a.correct { '=' } else { '~' }, escape(&a.text)));
                    if let Some(f) = &a.feedback {
                        out.push_str(&format!("#{}", escape(f)));
                    }
                }
                out.push('\n');
            }
            QuestionKind::TrueFalse { correct, feedback_wrong, feedback_right } => {
                out.push_str(if *correct { "TRUE" } else { "FALSE" });
                if feedback_wrong.is_some() || feedback_right.is_some() {
                    out.push_str(&format!("#{}", escape(feedback_wrong.as_deref().unwrap_or(""))));
                }
                if let Some(f) = feedback_right {
                    out.push_str(&format!("#{}", escape(f)));
                }
            }
        }
        out.push_str("}\n\n");
    }
    out
}

#[cfg(test)]
mod tests;
