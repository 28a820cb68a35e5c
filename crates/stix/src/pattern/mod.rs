//! The STIX patterning language (STIX 2.1 Part 5): a hand-written recursive-descent parser
//! producing a small AST, a canonical printer, and the equality terms blocklists are built from.
//!
//! Precedence follows the OASIS ANTLR grammar: for observation expressions FOLLOWEDBY binds
//! loosest, then OR, then AND, and qualifiers bind tightest; inside `[...]` OR binds looser
//! than AND. Chains are stored n-ary so that walking or dropping a long chain never recurses
//! deeply; parenthesis nesting is capped at [`MAX_DEPTH`].

mod display;
mod lexer;
mod parser;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Utc};

/// How deeply parentheses and brackets may nest before the parser refuses the pattern.
pub const MAX_DEPTH: usize = 64;

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub root: ObservationExpr,
}

/// An observation expression: `[...]` or a combination of them.
#[derive(Debug, Clone, PartialEq)]
pub enum ObservationExpr {
    /// `[ comparison ]`
    Observation(ComparisonExpr),
    /// Two or more expressions joined by AND.
    And(Vec<ObservationExpr>),
    /// Two or more expressions joined by OR.
    Or(Vec<ObservationExpr>),
    /// Two or more expressions joined by FOLLOWEDBY.
    FollowedBy(Vec<ObservationExpr>),
    /// An expression with a qualifier; stacked qualifiers nest.
    Qualified(Box<ObservationExpr>, Qualifier),
}

/// Observation expression qualifiers.
#[derive(Debug, Clone, PartialEq)]
pub enum Qualifier {
    /// `WITHIN n SECONDS` (n > 0).
    Within(f64),
    /// `REPEATS n TIMES` (n > 0).
    Repeats(i64),
    /// `START t'..' STOP t'..'` (start < stop).
    StartStop(DateTime<Utc>, DateTime<Utc>),
}

/// A comparison expression inside `[...]`.
#[derive(Debug, Clone, PartialEq)]
pub enum ComparisonExpr {
    /// Two or more comparisons joined by AND.
    And(Vec<ComparisonExpr>),
    /// Two or more comparisons joined by OR.
    Or(Vec<ComparisonExpr>),
    /// A single property test.
    Test(PropTest),
}

/// `path [NOT] op literal`, or `EXISTS path` (then `op` is [`Op::Exists`] and `value` is `None`).
#[derive(Debug, Clone, PartialEq)]
pub struct PropTest {
    pub path: ObjectPath,
    pub negated: bool,
    pub op: Op,
    pub value: Option<Literal>,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Neq,
    Gt,
    Lt,
    Ge,
    Le,
    In,
    Like,
    Matches,
    IsSubset,
    IsSuperset,
    Exists,
}

/// `type:property.sub[0].'quoted'[*]`
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectPath {
    pub object_type: String,
    /// The first step is always a [`PathStep::Property`].
    pub steps: Vec<PathStep>,
}

/// One step of an object path after the `:`.
#[derive(Debug, Clone, PartialEq)]
pub enum PathStep {
    Property(String),
    Index(i64),
    AnyIndex,
}

/// Literal values.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Int(i64),
    Float(f64),
    Str(String),
    Bool(bool),
    Timestamp(DateTime<Utc>),
    Hex(Vec<u8>),
    Binary(Vec<u8>),
    /// `(a, b, ...)`, only after IN; elements are never sets.
    Set(Vec<Literal>),
}

/// Why a pattern does not parse: where (byte offset and 1-based column) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at column {column}: {reason}")]
pub struct PatternError {
    /// Byte offset into the pattern (`<= pattern.len()`).
    pub position: usize,
    /// 1-based column in characters within its line (patterns are nearly always one line).
    pub column: usize,
    /// What was expected or what is wrong.
    pub reason: String,
}

/// Parses a STIX 2.1 pattern.
pub fn parse(pattern: &str) -> Result<Pattern, PatternError> {
    parser::parse(pattern)
}

impl Pattern {
    /// Every non-negated `path = 'string'` comparison in the pattern, as
    /// (canonical object path such as `domain-name:value` or `file:hashes.'SHA-256'`, string).
    /// `path IN ('a', 'b')` contributes one term per string element, since it means the same
    /// as ORed equalities. Terms come in pattern order and may repeat.
    pub fn equality_terms(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut stack = vec![&self.root];
        let mut comparisons = Vec::new();
        while let Some(e) = stack.pop() {
            match e {
                ObservationExpr::Observation(c) => comparisons.push(c),
                ObservationExpr::And(v) | ObservationExpr::Or(v) | ObservationExpr::FollowedBy(v) => stack.extend(v.iter().rev()),
                ObservationExpr::Qualified(inner, _) => stack.push(inner),
            }
        }
        for c in comparisons {
            let mut stack = vec![c];
            while let Some(c) = stack.pop() {
                match c {
                    ComparisonExpr::And(v) | ComparisonExpr::Or(v) => stack.extend(v.iter().rev()),
                    ComparisonExpr::Test(t) if !t.negated => push_terms(t, &mut out),
                    ComparisonExpr::Test(_) => {}
                }
            }
        }
        out
    }
}

fn push_terms(t: &PropTest, out: &mut Vec<(String, String)>) {
    match (t.op, &t.value) {
        (Op::Eq, Some(Literal::Str(s))) => out.push((t.path.to_string(), s.clone())),
        (Op::In, Some(Literal::Set(items))) => {
            let path = t.path.to_string();
            for item in items {
                if let Literal::Str(s) = item {
                    out.push((path.clone(), s.clone()));
                }
            }
        }
        _ => {}
    }
}
