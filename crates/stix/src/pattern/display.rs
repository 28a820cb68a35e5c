//! Canonical text of a parsed pattern: what it prints parses back to the same AST.

use std::fmt::{self, Display, Formatter, Write as _};

use base64::Engine as _;

use super::{ComparisonExpr, Literal, ObjectPath, ObservationExpr, Op, PathStep, Pattern, PropTest, Qualifier};

impl Display for Pattern {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.root.fmt(f)
    }
}

impl Display for ObservationExpr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (items, sep) = match self {
            ObservationExpr::Observation(c) => return write!(f, "[{c}]"),
            ObservationExpr::Qualified(inner, q) => return write!(f, "{} {q}", Paren(inner)),
            ObservationExpr::And(v) => (v, " AND "),
            ObservationExpr::Or(v) => (v, " OR "),
            ObservationExpr::FollowedBy(v) => (v, " FOLLOWEDBY "),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(sep)?;
            }
            write!(f, "{}", Paren(item))?;
        }
        Ok(())
    }
}

/// Children that are chains print in parentheses, so the printed text keeps the tree shape.
struct Paren<'a>(&'a ObservationExpr);

impl Display for Paren<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0 {
            e @ (ObservationExpr::Observation(_) | ObservationExpr::Qualified(..)) => e.fmt(f),
            e => write!(f, "({e})"),
        }
    }
}

impl Display for Qualifier {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Qualifier::Within(n) => write!(f, "WITHIN {} SECONDS", Float(*n)),
            Qualifier::Repeats(n) => write!(f, "REPEATS {n} TIMES"),
            Qualifier::StartStop(a, b) => write!(f, "START {} STOP {}", Literal::Timestamp(*a), Literal::Timestamp(*b)),
        }
    }
}

impl Display for ComparisonExpr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let (items, sep) = match self {
            ComparisonExpr::Test(t) => return t.fmt(f),
            ComparisonExpr::And(v) => (v, " AND "),
            ComparisonExpr::Or(v) => (v, " OR "),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                f.write_str(sep)?;
            }
            match item {
                ComparisonExpr::Test(t) => t.fmt(f)?,
                chain => write!(f, "({chain})")?,
            }
        }
        Ok(())
    }
}

impl Display for PropTest {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.op == Op::Exists {
            return write!(f, "EXISTS {}", self.path);
        }
        write!(f, "{}", self.path)?;
        if self.negated {
            f.write_str(" NOT")?;
        }
        let op = match self.op {
            Op::Eq => "=",
            Op::Neq => "!=",
            Op::Gt => ">",
            Op::Lt => "<",
            Op::Ge => ">=",
            Op::Le => "<=",
            Op::In => "IN",
            Op::Like => "LIKE",
            Op::Matches => "MATCHES",
            Op::IsSubset => "ISSUBSET",
            Op::IsSuperset => "ISSUPERSET",
            Op::Exists => "EXISTS",
        };
        write!(f, " {op}")?;
        match &self.value {
            Some(v) => write!(f, " {v}"),
            None => Ok(()),
        }
    }
}

/// `domain-name:value`, `file:hashes.'SHA-256'`, `email-message:to_refs[*].value`.
impl Display for ObjectPath {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.object_type)?;
        for (i, step) in self.steps.iter().enumerate() {
            match step {
                PathStep::Property(name) => {
                    if i > 0 {
                        f.write_char('.')?;
                    }
                    if is_bare_name(name) {
                        f.write_str(name)?;
                    } else {
                        quoted(f, name)?;
                    }
                }
                PathStep::Index(n) => write!(f, "[{n}]")?,
                PathStep::AnyIndex => f.write_str("[*]")?,
            }
        }
        Ok(())
    }
}

/// A property name may print unquoted when it lexes back as a plain identifier.
fn is_bare_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    let first_ok = bytes.next().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_');
    first_ok && bytes.all(|c| c.is_ascii_alphanumeric() || c == b'_') && !super::parser::is_keyword(name)
}

fn quoted(f: &mut Formatter<'_>, s: &str) -> fmt::Result {
    f.write_char('\'')?;
    for c in s.chars() {
        if c == '\'' || c == '\\' {
            f.write_char('\\')?;
        }
        f.write_char(c)?;
    }
    f.write_char('\'')
}

struct Float(f64);

impl Display for Float {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        // Rust prints f64 without exponent; a '.' is needed so it lexes back as a float.
        let s = self.0.to_string();
        match s.contains('.') {
            true => f.write_str(&s),
            false => write!(f, "{s}.0"),
        }
    }
}

impl Display for Literal {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Int(n) => write!(f, "{n}"),
            Literal::Float(x) => Float(*x).fmt(f),
            Literal::Str(s) => quoted(f, s),
            Literal::Bool(b) => write!(f, "{b}"),
            Literal::Timestamp(t) => write!(f, "t'{}'", t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
            Literal::Hex(h) => {
                f.write_str("h'")?;
                for b in h {
                    write!(f, "{b:02x}")?;
                }
                f.write_char('\'')
            }
            Literal::Binary(b) => write!(f, "b'{}'", base64::engine::general_purpose::STANDARD.encode(b)),
            Literal::Set(items) => {
                f.write_char('(')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    item.fmt(f)?;
                }
                f.write_char(')')
            }
        }
    }
}
