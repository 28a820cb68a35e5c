//! GIFT parser and exporter: the supported subset, errors with lines, round trips, garbage.

use super::*;

fn one(input: &str) -> Question {
    let mut all = parse(input).expect("parses");
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

#[test]
fn multiple_choice_with_names_feedback_and_escapes() {
    let q = one("// a comment\n::fee\\:1::Pay 1\\{.99\\} now? {\n  =No#Right\n  ~Yes#Scam \\# sign\n}\n");
    assert_eq!(q.name.as_deref(), Some("fee:1"));
    assert_eq!(q.text, "Pay 1{.99} now?");
    let QuestionKind::MultipleChoice { answers } = q.kind else { panic!("multiple choice") };
    assert_eq!(
        answers,
        vec![
            Answer { text: "No".into(), correct: true, feedback: Some("Right".into()) },
            Answer { text: "Yes".into(), correct: false, feedback: Some("Scam # sign".into()) },
        ]
    );
}

#[test]
fn true_false_feedback_order_is_wrong_then_right() {
    let q = one("Police may ask you to post cash. {F#Never.#Correct.}");
    assert_eq!(
        q.kind,
        QuestionKind::TrueFalse { correct: false, feedback_wrong: Some("Never.".into()), feedback_right: Some("Correct.".into()) }
    );
    assert_eq!(one("Sure? {TRUE}").kind, QuestionKind::TrueFalse { correct: true, feedback_wrong: None, feedback_right: None });
}

#[test]
fn a_moodle_export_with_format_markers_and_comments_reads() {
    let moodle = "// question: 12  name: fee\n::fee::[html]<p>Pay 1.99 to release your parcel?</p>{\n\t=<p>No</p>#<p>Scam</p>\n\t~<p>Yes</p>\n}\n\n::t::[MARKDOWN]**Sure?** {T}";
    let qs = parse(moodle).expect("parses");
    assert_eq!(qs[0].format, Some(TextFormat::Html));
    assert_eq!(qs[0].text, "<p>Pay 1.99 to release your parcel?</p>");
    assert_eq!((qs[1].format, qs[1].text.as_str()), (Some(TextFormat::Markdown), "**Sure?**"));
    assert_eq!(parse(&export(&qs)), Ok(qs));
}

#[test]
fn categories_apply_to_the_questions_that_follow() {
    let qs = parse("$CATEGORY: postern/en/a\n\nQ1 {T}\n\n$CATEGORY: b\nQ2 {F}\n").expect("parses");
    let cats: Vec<_> = qs.iter().map(|q| q.category.as_deref()).collect();
    assert_eq!(cats, vec![Some("postern/en/a"), Some("b")]);
}

#[test]
fn errors_name_the_line_and_a_stable_code() {
    let cases = [
        ("Q1 {T}\n\n\nQ2 {=a}\n", 4, "too_few_answers"),
        ("Q1 {T}\n\nQ2 {\n=a\n=b\n}", 4, "correct_count"),
        ("Q {T}\n\nQ2 no block", 3, "no_answer_block"),
        ("Q {\n=a\n~b\n", 2 - 1, "unclosed_answer"),
        ("::name without end {T}", 1, "unclosed_name"),
        ("Q {T} tail", 1, "text_after_answer"),
        ("Q {#42}", 1, "unsupported"),
        ("Q {=a->b =c->d}", 1, "unsupported"),
        ("Q {~%50%a =b}", 1, "unsupported"),
        ("Q {}", 1, "unsupported"),
        ("::n:: {T}", 1, "empty_text"),
        ("Q {\n=a\n~\n}", 3, "empty_answer"),
        ("Q {MAYBE}", 1, "bad_true_false"),
        ("Q {=a#x#y ~b}", 1, "unsupported"),
    ];
    for (input, line, code) in cases {
        let err = parse(input).expect_err(input);
        assert_eq!((err.line, err.kind.code()), (line, code), "{input:?}: {err}");
        assert!(err.to_string().starts_with(&format!("line {line}: ")), "{err}");
    }
}

#[test]
fn export_then_parse_gives_the_same_questions() {
    let questions = vec![
        Question {
            category: Some("postern/en/x".into()),
            name: Some("q:1 {odd}".into()),
            format: Some(TextFormat::Html),
            text: "Line one\nline two with = ~ # { } : \\ signs".into(),
            kind: QuestionKind::MultipleChoice {
                answers: vec![
                    Answer { text: "right -> ok".replace("->", "to"), correct: true, feedback: Some("yes # really".into()) },
                    Answer { text: "wrong".into(), correct: false, feedback: None },
                ],
            },
        },
        Question {
            category: Some("postern/en/x".into()),
            name: None,
            format: None,
            text: "True?".into(),
            kind: QuestionKind::TrueFalse { correct: true, feedback_wrong: None, feedback_right: Some("right".into()) },
        },
        Question {
            category: Some("other".into()),
            name: Some("f".into()),
            format: Some(TextFormat::Markdown),
            text: "False?".into(),
            kind: QuestionKind::TrueFalse { correct: false, feedback_wrong: Some("wrong".into()), feedback_right: None },
        },
    ];
    let text = export(&questions);
    assert_eq!(parse(&text), Ok(questions), "{text}");
}

/// A small deterministic generator, so the garbage test needs no dependency and always runs the
/// same inputs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn garbage_never_panics_and_whatever_parses_round_trips() {
    // Characters weighted towards GIFT's own syntax, and tokens that often form valid questions,
    // so that both the error paths and the accepting paths are exercised.
    let alphabet: Vec<char> = "{}=~#:\\/$%[]->\n \t\rTFaé\u{feff}CATEGORY".chars().collect();
    let tokens = [
        "::",
        "n",
        "Q ",
        "{",
        "}",
        "=a",
        "~b",
        "#f",
        "T",
        "FALSE",
        "\\",
        "\\n",
        "\n",
        "\n\n",
        "//",
        "$CATEGORY: c\n",
        " ",
        ":",
        "%",
        "->",
        "[html]",
        "é",
        "{T}",
        "{=a ~b}",
        "Q {F#w#r}\n\n",
    ];
    let mut rng = Lcg(19);
    let mut parsed = 0;
    for round in 0..20_000 {
        let len = (rng.next() % 40) as usize;
        let input: String = if round % 2 == 0 {
            (0..len).map(|_| alphabet[(rng.next() % alphabet.len() as u64) as usize]).collect()
        } else {
            (0..len / 3).map(|_| tokens[(rng.next() % tokens.len() as u64) as usize]).collect()
        };
        if let Ok(questions) = parse(&input) {
            parsed += usize::from(!questions.is_empty());
            let again = parse(&export(&questions));
            assert_eq!(again.as_ref(), Ok(&questions), "round {round}: {input:?} exported as {:?}", export(&questions));
        }
    }
    // The generator must reach the parser's accepting paths, or the round-trip check is empty.
    assert!(parsed > 300, "only {parsed} inputs parsed");
    for bytes in [&b"\xff\xfe{"[..], b"\x00{T}", b"::\xc3"] {
        let _ = parse(&String::from_utf8_lossy(bytes));
    }
}
