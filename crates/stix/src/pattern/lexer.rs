//! Tokens of the STIX patterning language (STIX 2.1 Part 5), lexed by hand with the same
//! longest-match rules as the OASIS ANTLR grammar.

use base64::Engine as _;
use chrono::{DateTime, Utc};

/// A token and the byte offset where it starts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token<'a> {
    pub kind: Tok<'a>,
    pub pos: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok<'a> {
    LBrack,
    RBrack,
    LParen,
    RParen,
    Colon,
    Dot,
    Comma,
    Star,
    Eq,
    Neq,
    Lt,
    Le,
    Gt,
    Ge,
    /// An identifier or keyword; may contain hyphens (only object types may, the parser checks).
    Ident(&'a str),
    Str(String),
    Int(i64),
    Float(f64),
    Hex(Vec<u8>),
    Binary(Vec<u8>),
    Timestamp(DateTime<Utc>),
    Eof,
}

impl Tok<'_> {
    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::LBrack => "'['".into(),
            Tok::RBrack => "']'".into(),
            Tok::LParen => "'('".into(),
            Tok::RParen => "')'".into(),
            Tok::Colon => "':'".into(),
            Tok::Dot => "'.'".into(),
            Tok::Comma => "','".into(),
            Tok::Star => "'*'".into(),
            Tok::Eq => "'='".into(),
            Tok::Neq => "'!='".into(),
            Tok::Lt => "'<'".into(),
            Tok::Le => "'<='".into(),
            Tok::Gt => "'>'".into(),
            Tok::Ge => "'>='".into(),
            Tok::Ident(s) => format!("'{}'", crate::bundle::truncate(s)),
            Tok::Str(_) => "a string literal".into(),
            Tok::Int(_) | Tok::Float(_) => "a number".into(),
            Tok::Hex(_) => "a hex literal".into(),
            Tok::Binary(_) => "a binary literal".into(),
            Tok::Timestamp(_) => "a timestamp literal".into(),
            Tok::Eof => "end of pattern".into(),
        }
    }
}

/// A lexing error: byte offset and reason.
pub(crate) type LexError = (usize, String);

pub(crate) fn tokenize(src: &str) -> Result<Vec<Token<'_>>, LexError> {
    let mut lx = Lexer { src, b: src.as_bytes(), i: 0, out: Vec::with_capacity(16) };
    lx.run()?;
    Ok(lx.out)
}

struct Lexer<'a> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    out: Vec<Token<'a>>,
}

impl<'a> Lexer<'a> {
    fn run(&mut self) -> Result<(), LexError> {
        loop {
            self.skip_blank()?;
            let pos = self.i;
            let Some(&c) = self.b.get(pos) else {
                self.out.push(Token { kind: Tok::Eof, pos });
                return Ok(());
            };
            let next = self.b.get(pos + 1).copied();
            let (kind, len) = match c {
                b'[' => (Tok::LBrack, 1),
                b']' => (Tok::RBrack, 1),
                b'(' => (Tok::LParen, 1),
                b')' => (Tok::RParen, 1),
                b':' => (Tok::Colon, 1),
                b',' => (Tok::Comma, 1),
                b'*' => (Tok::Star, 1),
                // The OASIS grammar also accepts '==' for equality.
                b'=' if next == Some(b'=') => (Tok::Eq, 2),
                b'=' => (Tok::Eq, 1),
                b'!' if next == Some(b'=') => (Tok::Neq, 2),
                b'<' if next == Some(b'>') => (Tok::Neq, 2),
                b'<' if next == Some(b'=') => (Tok::Le, 2),
                b'<' => (Tok::Lt, 1),
                b'>' if next == Some(b'=') => (Tok::Ge, 2),
                b'>' => (Tok::Gt, 1),
                b'\'' => {
                    let (s, end) = self.string(pos)?;
                    (Tok::Str(s), end - pos)
                }
                b't' | b'h' | b'b' if next == Some(b'\'') => self.prefixed(c, pos)?,
                b'.' if next.is_some_and(|d| d.is_ascii_digit()) => self.number(pos)?,
                b'.' => (Tok::Dot, 1),
                b'+' | b'-' | b'0'..=b'9' => self.number(pos)?,
                b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                    let len = self.b[pos..]
                        .iter()
                        .position(|d| !(d.is_ascii_alphanumeric() || *d == b'_' || *d == b'-'))
                        .unwrap_or(self.b.len() - pos);
                    (Tok::Ident(&self.src[pos..pos + len]), len)
                }
                _ => {
                    let ch = self.src[pos..].chars().next().unwrap_or('?');
                    return Err((pos, format!("unexpected character {ch:?}")));
                }
            };
            self.out.push(Token { kind, pos });
            self.i = pos + len;
        }
    }

    /// Skips whitespace and the `//` and `/* */` comments the OASIS grammar allows.
    fn skip_blank(&mut self) -> Result<(), LexError> {
        loop {
            match (self.b.get(self.i), self.b.get(self.i + 1)) {
                (Some(c), _) if c.is_ascii_whitespace() => self.i += 1,
                (Some(b'/'), Some(b'/')) => {
                    self.i = self.b[self.i..].iter().position(|&c| c == b'\n').map_or(self.b.len(), |n| self.i + n);
                }
                (Some(b'/'), Some(b'*')) => {
                    let start = self.i;
                    match self.src[self.i + 2..].find("*/") {
                        Some(n) => self.i += n + 4,
                        None => return Err((start, "unterminated comment".into())),
                    }
                }
                _ => return Ok(()),
            }
        }
    }

    /// A quoted string starting at `quote`; only `\'` and `\\` are escapes in STIX patterns.
    fn string(&self, quote: usize) -> Result<(String, usize), LexError> {
        let mut out = String::new();
        let mut i = quote + 1;
        let mut run = i;
        loop {
            match self.b.get(i) {
                None => return Err((quote, "unterminated string literal".into())),
                Some(b'\'') => {
                    out.push_str(&self.src[run..i]);
                    return Ok((out, i + 1));
                }
                Some(b'\\') => {
                    out.push_str(&self.src[run..i]);
                    match self.b.get(i + 1) {
                        Some(&c @ (b'\'' | b'\\')) => out.push(c as char),
                        Some(_) => {
                            let ch = self.src[i + 1..].chars().next().unwrap_or('?');
                            return Err((i, format!("invalid escape '\\{ch}' in string literal (only \\' and \\\\ are allowed)")));
                        }
                        None => return Err((quote, "unterminated string literal".into())),
                    }
                    i += 2;
                    run = i;
                }
                Some(_) => i += 1,
            }
        }
    }

    /// `t'...'`, `h'...'` and `b'...'` literals.
    fn prefixed(&self, prefix: u8, pos: usize) -> Result<(Tok<'a>, usize), LexError> {
        let (body, end) = self.string(pos + 1)?;
        let kind = match prefix {
            b't' => crate::canonical_timestamp(&body).map(Tok::Timestamp).map_err(|e| (pos, format!("invalid timestamp literal: {e}")))?,
            b'h' => Tok::Hex(decode_hex(&body).ok_or_else(|| (pos, "invalid hex literal (expected pairs of hex digits)".to_string()))?),
            // The OASIS grammar needs at least one base64 group, so b'' is refused like there.
            _ if body.is_empty() => return Err((pos, "empty binary literal".into())),
            _ => Tok::Binary(
                base64::engine::general_purpose::STANDARD
                    .decode(body.as_bytes())
                    .map_err(|e| (pos, format!("invalid base64 in binary literal: {e}")))?,
            ),
        };
        Ok((kind, end - pos))
    }

    /// `IntPosLiteral`, `IntNegLiteral`, `FloatPosLiteral`, `FloatNegLiteral`.
    fn number(&self, pos: usize) -> Result<(Tok<'a>, usize), LexError> {
        let b = self.b;
        let mut i = pos;
        if matches!(b[i], b'+' | b'-') {
            i += 1;
        }
        let int_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let int_digits = i - int_start;
        let is_float = b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if is_float {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let value: f64 = self.src[pos..i].parse().map_err(|_| (pos, "invalid float literal".to_string()))?;
            return Ok((Tok::Float(value), i - pos));
        }
        if int_digits == 0 {
            return Err((pos, "expected digits after sign".into()));
        }
        if int_digits > 1 && b[int_start] == b'0' {
            return Err((pos, "integer literal with a leading zero".into()));
        }
        let value: i64 = self.src[pos..i].parse().map_err(|_| (pos, "integer literal out of range".to_string()))?;
        Ok((Tok::Int(value), i - pos))
    }
}

fn decode_hex(s: &str) -> Option<Vec<u8>> {
    if s.len() & 1 == 1 {
        return None;
    }
    let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    s.as_bytes().chunks(2).map(|p| Some(nibble(p[0])? << 4 | nibble(p[1])?)).collect()
}
