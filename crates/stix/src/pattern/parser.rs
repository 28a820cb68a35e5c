//! Recursive descent over the token list; one function per grammar rule of STIX 2.1 Part 5.

use super::lexer::{Tok, Token, tokenize};
use super::{ComparisonExpr, Literal, MAX_DEPTH, ObjectPath, ObservationExpr, Op, PathStep, Pattern, PatternError, PropTest, Qualifier};

pub(super) fn parse(src: &str) -> Result<Pattern, PatternError> {
    let tokens = tokenize(src).map_err(|(pos, reason)| error(src, pos, reason))?;
    let mut p = Parser { tokens, at: 0, depth: 0 };
    let result = p.observation_expressions().and_then(|root| match p.peek() {
        Tok::Eof => Ok(Pattern { root }),
        other => Err((p.pos(), format!("unexpected {} after a complete pattern", other.describe()))),
    });
    result.map_err(|(pos, reason)| error(src, pos, reason))
}

fn error(src: &str, position: usize, reason: String) -> PatternError {
    let position = position.min(src.len());
    let line_start = src.as_bytes()[..position].iter().rposition(|&c| c == b'\n').map_or(0, |n| n + 1);
    // `position` is always a token or character start, so it is a char boundary; be safe anyway.
    let column = src.get(line_start..position).map_or(position - line_start, |s| s.chars().count()) + 1;
    PatternError { position, column, reason }
}

type PResult<T> = Result<T, (usize, String)>;

struct Parser<'a> {
    tokens: Vec<Token<'a>>,
    at: usize,
    depth: usize,
}

const KEYWORDS: &[&str] = &[
    "AND",
    "OR",
    "NOT",
    "FOLLOWEDBY",
    "LIKE",
    "MATCHES",
    "ISSUPERSET",
    "ISSUBSET",
    "EXISTS",
    "LAST",
    "IN",
    "START",
    "STOP",
    "SECONDS",
    "TRUE",
    "FALSE",
    "WITHIN",
    "REPEATS",
    "TIMES",
    "true",
    "false",
];

impl<'a> Parser<'a> {
    fn peek(&self) -> &Tok<'a> {
        // The lexer always ends the list with Eof and `bump` never moves past it.
        &self.tokens[self.at].kind
    }

    fn pos(&self) -> usize {
        self.tokens[self.at].pos
    }

    /// Takes the current token (no clone: tokens are never looked at twice) and advances;
    /// at Eof it stays put, so callers always find an Eof to stop on.
    fn bump(&mut self) -> Tok<'a> {
        if self.at + 1 < self.tokens.len() {
            self.at += 1;
            return std::mem::replace(&mut self.tokens[self.at - 1].kind, Tok::Eof);
        }
        Tok::Eof
    }

    fn is_keyword(&self, kw: &str) -> bool {
        matches!(self.peek(), Tok::Ident(s) if *s == kw)
    }

    fn eat_keyword(&mut self, kw: &str) -> bool {
        let yes = self.is_keyword(kw);
        if yes {
            self.bump();
        }
        yes
    }

    fn expect(&mut self, tok: Tok<'static>, what: &str) -> PResult<()> {
        if *self.peek() == tok {
            self.bump();
            return Ok(());
        }
        Err((self.pos(), format!("expected {} {what}, found {}", tok.describe(), self.peek().describe())))
    }

    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err((self.pos(), format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        Ok(())
    }

    /// observationExpressions: obsOr (FOLLOWEDBY obsOr)*
    fn observation_expressions(&mut self) -> PResult<ObservationExpr> {
        let first = self.observation_or()?;
        let mut all = vec![first];
        while self.eat_keyword("FOLLOWEDBY") {
            all.push(self.observation_or()?);
        }
        Ok(n_ary(all, ObservationExpr::FollowedBy))
    }

    fn observation_or(&mut self) -> PResult<ObservationExpr> {
        let mut all = vec![self.observation_and()?];
        while self.eat_keyword("OR") {
            all.push(self.observation_and()?);
        }
        Ok(n_ary(all, ObservationExpr::Or))
    }

    fn observation_and(&mut self) -> PResult<ObservationExpr> {
        let mut all = vec![self.observation_qualified()?];
        while self.eat_keyword("AND") {
            all.push(self.observation_qualified()?);
        }
        Ok(n_ary(all, ObservationExpr::And))
    }

    fn observation_qualified(&mut self) -> PResult<ObservationExpr> {
        let mut expr = self.observation_primary()?;
        while let Some(q) = self.qualifier()? {
            expr = ObservationExpr::Qualified(Box::new(expr), q);
        }
        Ok(expr)
    }

    fn observation_primary(&mut self) -> PResult<ObservationExpr> {
        match self.peek() {
            Tok::LBrack => {
                self.enter()?;
                self.bump();
                let c = self.comparison_or()?;
                self.expect(Tok::RBrack, "after comparison")?;
                self.depth -= 1;
                Ok(ObservationExpr::Observation(c))
            }
            Tok::LParen => {
                self.enter()?;
                self.bump();
                let e = self.observation_expressions()?;
                self.expect(Tok::RParen, "after observation expression")?;
                self.depth -= 1;
                Ok(e)
            }
            other => Err((self.pos(), format!("expected '[' or '(' to start an observation expression, found {}", other.describe()))),
        }
    }

    fn qualifier(&mut self) -> PResult<Option<Qualifier>> {
        if self.eat_keyword("WITHIN") {
            let arg = self.pos();
            let n = match self.bump() {
                Tok::Int(n) if n > 0 => n as f64,
                Tok::Float(f) if f > 0.0 => f,
                _ => return Err((arg, "WITHIN needs a positive number of seconds".into())),
            };
            if !self.eat_keyword("SECONDS") {
                return Err((self.pos(), format!("expected 'SECONDS' after WITHIN {n}, found {}", self.peek().describe())));
            }
            return Ok(Some(Qualifier::Within(n)));
        }
        if self.eat_keyword("REPEATS") {
            let arg = self.pos();
            let n = match self.bump() {
                Tok::Int(n) if n > 0 => n,
                _ => return Err((arg, "REPEATS needs a positive integer".into())),
            };
            if !self.eat_keyword("TIMES") {
                return Err((self.pos(), format!("expected 'TIMES' after REPEATS {n}, found {}", self.peek().describe())));
            }
            return Ok(Some(Qualifier::Repeats(n)));
        }
        if self.eat_keyword("START") {
            let arg = self.pos();
            let Tok::Timestamp(start) = self.bump() else {
                return Err((arg, "START needs a timestamp literal t'...'".into()));
            };
            if !self.eat_keyword("STOP") {
                return Err((self.pos(), format!("expected 'STOP' after START timestamp, found {}", self.peek().describe())));
            }
            let stop_pos = self.pos();
            let Tok::Timestamp(stop) = self.bump() else {
                return Err((stop_pos, "STOP needs a timestamp literal t'...'".into()));
            };
            if stop <= start {
                return Err((stop_pos, "STOP must be later than START".into()));
            }
            return Ok(Some(Qualifier::StartStop(start, stop)));
        }
        Ok(None)
    }

    fn comparison_or(&mut self) -> PResult<ComparisonExpr> {
        let mut all = vec![self.comparison_and()?];
        while self.eat_keyword("OR") {
            all.push(self.comparison_and()?);
        }
        Ok(n_ary(all, ComparisonExpr::Or))
    }

    fn comparison_and(&mut self) -> PResult<ComparisonExpr> {
        let mut all = vec![self.prop_test()?];
        while self.eat_keyword("AND") {
            all.push(self.prop_test()?);
        }
        Ok(n_ary(all, ComparisonExpr::And))
    }

    fn prop_test(&mut self) -> PResult<ComparisonExpr> {
        if *self.peek() == Tok::LParen {
            self.enter()?;
            self.bump();
            let c = self.comparison_or()?;
            self.expect(Tok::RParen, "after comparison")?;
            self.depth -= 1;
            return Ok(c);
        }
        if self.eat_keyword("EXISTS") {
            let path = self.object_path()?;
            return Ok(ComparisonExpr::Test(PropTest { path, negated: false, op: Op::Exists, value: None }));
        }
        let path = self.object_path()?;
        let negated = self.eat_keyword("NOT");
        let op_pos = self.pos();
        let op = match self.bump() {
            Tok::Eq => Op::Eq,
            Tok::Neq => Op::Neq,
            Tok::Gt => Op::Gt,
            Tok::Lt => Op::Lt,
            Tok::Ge => Op::Ge,
            Tok::Le => Op::Le,
            Tok::Ident("IN") => Op::In,
            Tok::Ident("LIKE") => Op::Like,
            Tok::Ident("MATCHES") => Op::Matches,
            Tok::Ident("ISSUBSET") => Op::IsSubset,
            Tok::Ident("ISSUPERSET") => Op::IsSuperset,
            other => {
                return Err((op_pos, format!("expected a comparison operator after object path, found {}", other.describe())));
            }
        };
        let value_pos = self.pos();
        let value = self.literal_for(op)?;
        check_hash_literal(&path, &value).map_err(|reason| (value_pos, reason))?;
        Ok(ComparisonExpr::Test(PropTest { path, negated, op, value: Some(value) }))
    }

    /// The literal after `op`, with the grammar's restriction on which literals each takes.
    fn literal_for(&mut self, op: Op) -> PResult<Literal> {
        let pos = self.pos();
        let lit = match op {
            Op::In => match self.peek() {
                Tok::LParen => self.set_literal()?,
                other => {
                    return Err((pos, format!("IN needs a set literal like ('a', 'b'), found {}", other.describe())));
                }
            },
            _ => match self.primitive_literal() {
                Some(lit) => lit,
                None => {
                    return Err((pos, format!("expected a literal after {}, found {}", op_name(op), self.peek().describe())));
                }
            },
        };
        let ok = match op {
            Op::Eq | Op::Neq | Op::In | Op::Exists => true,
            Op::Gt | Op::Lt | Op::Ge | Op::Le => !matches!(lit, Literal::Bool(_)),
            Op::Like | Op::Matches | Op::IsSubset | Op::IsSuperset => {
                matches!(lit, Literal::Str(_))
            }
        };
        if !ok {
            return Err((
                pos,
                format!(
                    "{} needs {}",
                    op_name(op),
                    match op {
                        Op::Gt | Op::Lt | Op::Ge | Op::Le => "an orderable literal (not a boolean)",
                        _ => "a string literal",
                    }
                ),
            ));
        }
        Ok(lit)
    }

    fn primitive_literal(&mut self) -> Option<Literal> {
        let is_literal = matches!(
            self.peek(),
            Tok::Int(_) | Tok::Float(_) | Tok::Str(_) | Tok::Ident("true" | "false") | Tok::Timestamp(_) | Tok::Hex(_) | Tok::Binary(_)
        );
        if !is_literal {
            return None;
        }
        Some(match self.bump() {
            Tok::Int(n) => Literal::Int(n),
            Tok::Float(f) => Literal::Float(f),
            Tok::Str(s) => Literal::Str(s),
            Tok::Timestamp(t) => Literal::Timestamp(t),
            Tok::Hex(h) => Literal::Hex(h),
            Tok::Binary(b) => Literal::Binary(b),
            Tok::Ident(word) => Literal::Bool(word == "true"),
            _ => return None,
        })
    }

    fn set_literal(&mut self) -> PResult<Literal> {
        self.bump(); // '('
        let mut items = Vec::new();
        if *self.peek() == Tok::RParen {
            self.bump();
            return Ok(Literal::Set(items));
        }
        loop {
            let pos = self.pos();
            let item =
                self.primitive_literal().ok_or_else(|| (pos, format!("expected a literal in set, found {}", self.peek().describe())))?;
            items.push(item);
            let sep = self.pos();
            match self.bump() {
                Tok::Comma => {}
                Tok::RParen => return Ok(Literal::Set(items)),
                other => {
                    return Err((sep, format!("expected ',' or ')' in set literal, found {}", other.describe())));
                }
            }
        }
    }

    /// objectPath: objectType ':' firstPathComponent objectPathComponent*
    fn object_path(&mut self) -> PResult<ObjectPath> {
        let pos = self.pos();
        let object_type = match self.peek() {
            Tok::Ident(s) if !KEYWORDS.contains(s) => s.to_string(),
            other => {
                return Err((pos, format!("expected an object path like 'type:property', found {}", other.describe())));
            }
        };
        self.bump();
        self.expect(Tok::Colon, "after object type")?;
        let mut steps = vec![PathStep::Property(self.property_name()?)];
        loop {
            match self.peek() {
                Tok::Dot => {
                    self.bump();
                    steps.push(PathStep::Property(self.property_name()?));
                }
                Tok::LBrack => {
                    // `[` after a path is an index unless it opens nothing useful: the grammar
                    // never lets an observation `[` follow a path directly, so this is unambiguous.
                    self.bump();
                    let pos = self.pos();
                    let step = match self.bump() {
                        Tok::Int(n) => PathStep::Index(n),
                        Tok::Star => PathStep::AnyIndex,
                        other => {
                            return Err((
                                pos,
                                format!("expected an index or '*' inside '[...]' of an object path, found {}", other.describe()),
                            ));
                        }
                    };
                    self.expect(Tok::RBrack, "after list index")?;
                    steps.push(step);
                }
                _ => return Ok(ObjectPath { object_type, steps }),
            }
        }
    }

    fn property_name(&mut self) -> PResult<String> {
        let pos = self.pos();
        match self.bump() {
            Tok::Str(s) => Ok(s),
            Tok::Ident(s) if s.contains('-') => Err((pos, format!("property name '{s}' contains '-' and must be quoted: '{s}'"))),
            Tok::Ident(s) if !KEYWORDS.contains(&s) => Ok(s.to_string()),
            other => Err((pos, format!("expected a property name, found {}", other.describe()))),
        }
    }
}

/// `...hashes.'SHA-256' = 'zz'` is refused like a bad hash in an object would be.
fn check_hash_literal(path: &ObjectPath, value: &Literal) -> Result<(), String> {
    let [.., PathStep::Property(hashes), PathStep::Property(alg)] = path.steps.as_slice() else {
        return Ok(());
    };
    if hashes != "hashes" {
        return Ok(());
    }
    match value {
        Literal::Str(s) => crate::types::check_hash_value(alg, s),
        Literal::Set(items) => items.iter().try_for_each(|item| check_hash_literal(path, item)),
        _ => Ok(()),
    }
}

pub(super) fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

fn n_ary<T>(mut all: Vec<T>, make: fn(Vec<T>) -> T) -> T {
    match all.len() {
        1 => all.remove(0),
        _ => make(all),
    }
}

fn op_name(op: Op) -> &'static str {
    match op {
        Op::Eq => "'='",
        Op::Neq => "'!='",
        Op::Gt => "'>'",
        Op::Lt => "'<'",
        Op::Ge => "'>='",
        Op::Le => "'<='",
        Op::In => "IN",
        Op::Like => "LIKE",
        Op::Matches => "MATCHES",
        Op::IsSubset => "ISSUBSET",
        Op::IsSuperset => "ISSUPERSET",
        Op::Exists => "EXISTS",
    }
}
