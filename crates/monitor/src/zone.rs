//! Zone files (RFC 1035 master format) read one line at a time for their owner names, so that
//! yesterday's and today's zones of a registry give the names registered in between. The reader
//! holds one line's state, never the zone: callers stream files of any size through it.

/// Why a zone file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZoneError {
    /// `$INCLUDE` would make the reader open a file the zone names: refused, the operator
    /// concatenates the files instead.
    #[error("line {line}: $INCLUDE is not supported; concatenate the included file into the zone instead")]
    Include { line: u64 },
    /// A directive other than `$ORIGIN`, `$TTL` and `$INCLUDE` (`$GENERATE`, a typo).
    #[error("line {line}: unsupported directive {directive}")]
    Directive { line: u64, directive: String },
    /// `$ORIGIN` without a name.
    #[error("line {line}: $ORIGIN needs a name")]
    Origin { line: u64 },
}

/// Reads owner names out of zone-file lines.
#[derive(Debug, Default)]
pub struct ZoneReader {
    origin: Option<String>,
    /// The current owner, as written after `$ORIGIN` expansion (lower-case, no final dot).
    owner: Option<String>,
    /// Open parentheses carried over from earlier lines (multi-line records).
    depth: u32,
    line: u64,
}

impl ZoneReader {
    pub fn new() -> ZoneReader {
        ZoneReader::default()
    }

    /// Lines read so far.
    pub fn lines(&self) -> u64 {
        self.line
    }

    /// Feeds one line; returns the owner name it starts, when it starts a new one. Records of
    /// the same owner that follow each other give the name once.
    pub fn feed(&mut self, raw: &str) -> Result<Option<String>, ZoneError> {
        self.line += 1;
        let text = strip_comment(raw);
        let continuing = self.depth > 0;
        self.depth = self.depth.saturating_add(count(text, b'(')).saturating_sub(count(text, b')'));
        if continuing || text.trim().is_empty() {
            return Ok(None);
        }
        if let Some(directive) = text.strip_prefix('$') {
            return self.directive(directive).map(|()| None);
        }
        if text.starts_with([' ', '\t']) {
            // A record of the owner before.
            return Ok(None);
        }
        let token = text.split_ascii_whitespace().next().unwrap_or_default();
        let name = self.absolute(token);
        if self.owner.as_deref() == Some(name.as_str()) {
            return Ok(None);
        }
        self.owner = Some(name.clone());
        Ok(Some(name))
    }

    fn directive(&mut self, text: &str) -> Result<(), ZoneError> {
        let mut words = text.split_ascii_whitespace();
        let word = words.next().unwrap_or_default();
        match word.to_ascii_uppercase().as_str() {
            "ORIGIN" => {
                let name = words.next().ok_or(ZoneError::Origin { line: self.line })?;
                let name = self.absolute(name);
                self.origin = Some(name);
                Ok(())
            }
            "TTL" => Ok(()),
            "INCLUDE" => Err(ZoneError::Include { line: self.line }),
            _ => Err(ZoneError::Directive { line: self.line, directive: format!("${word}") }),
        }
    }

    /// `token` made absolute against the origin: `@` is the origin, a name with a final dot is
    /// absolute already, any other is relative.
    fn absolute(&self, token: &str) -> String {
        let lower = token.to_ascii_lowercase();
        if lower == "@" {
            return self.origin.clone().unwrap_or_default();
        }
        if let Some(abs) = lower.strip_suffix('.') {
            return abs.to_string();
        }
        match &self.origin {
            Some(o) if !o.is_empty() => format!("{lower}.{o}"),
            _ => lower,
        }
    }
}

/// The line without its `;` comment (a `;` inside a quoted string is text).
fn strip_comment(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.bytes().enumerate() {
        match c {
            b'"' => quoted = !quoted,
            b';' if !quoted => return &line[..i],
            _ => {}
        }
    }
    line
}

fn count(text: &str, c: u8) -> u32 {
    text.bytes().filter(|&b| b == c).count().min(u32::MAX as usize) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(zone: &str) -> Result<Vec<String>, ZoneError> {
        let mut r = ZoneReader::new();
        let mut out = Vec::new();
        for line in zone.lines() {
            out.extend(r.feed(line)?);
        }
        Ok(out)
    }

    #[test]
    fn owners_are_read_with_origin_and_continuations() {
        let zone = "$ORIGIN top.\n$TTL 3600\n@ IN SOA ns1.nic.top. hostmaster.nic.top. (\n 1 7200 900 1209600 ; serial ( odd\n 3600 )\n\
                    @ NS ns1.nic.top.\nlaposte-colis NS ns1.cheap.example.\n  NS ns2.cheap.example.\n\
                    usps-track 3600 IN NS ns1.cheap.example. ; a comment\nEXAMPLE.COM. NS x.\n; only a comment\n";
        assert_eq!(names(zone), Ok(vec!["top".into(), "laposte-colis.top".into(), "usps-track.top".into(), "example.com".into()]));
    }

    #[test]
    fn include_and_unknown_directives_are_refused() {
        assert_eq!(names("$ORIGIN top.\n$INCLUDE /etc/passwd\n"), Err(ZoneError::Include { line: 2 }));
        assert_eq!(names("$GENERATE 1-9 host$ A 10.0.0.$\n"), Err(ZoneError::Directive { line: 1, directive: "$GENERATE".into() }));
        assert_eq!(names("$ORIGIN\n"), Err(ZoneError::Origin { line: 1 }));
    }
}
