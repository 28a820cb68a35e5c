//! Per-input errors of the URL analyser and of feed imports.

/// Why one input could not be analysed. Each batch item gets its own; a batch goes on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LinkError {
    /// The input is empty or only whitespace.
    #[error("empty input")]
    Empty,
    /// The input is longer than [`crate::MAX_INPUT_BYTES`].
    #[error("input is {len} bytes, more than the 8 KB limit")]
    TooLong { len: usize },
    /// The input holds a control character (a line break, NUL, a bidi override).
    #[error("control character U+{code:04X} at byte {position}")]
    ControlCharacter { code: u32, position: usize },
    /// The scheme is not one a link in a message can use (http, https).
    #[error("unsupported scheme {scheme:?}: only http and https links are checked")]
    UnsupportedScheme { scheme: String },
    /// A host label starts with `xn--` but is not valid punycode / IDNA.
    #[error("invalid punycode in host {host:?}")]
    InvalidPunycode { host: String },
    /// The input does not parse as a URL.
    #[error("not a URL: {reason}")]
    NotAUrl { reason: String },
    /// The URL has no host to judge (e.g. `http:///path`).
    #[error("the URL has no host")]
    NoHost,
}

impl LinkError {
    /// Stable machine code, used in JSON error objects.
    pub fn code(&self) -> &'static str {
        match self {
            LinkError::Empty => "empty",
            LinkError::TooLong { .. } => "too_long",
            LinkError::ControlCharacter { .. } => "control_character",
            LinkError::UnsupportedScheme { .. } => "unsupported_scheme",
            LinkError::InvalidPunycode { .. } => "invalid_punycode",
            LinkError::NotAUrl { .. } => "not_a_url",
            LinkError::NoHost => "no_host",
        }
    }
}

/// Why a feed file could not be imported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FeedError {
    /// The file could not be read.
    #[error("cannot read feed {path}: {source}")]
    Io { path: String, source: std::io::Error },
    /// A CSV file is malformed.
    #[error("CSV error at line {line}: {message}")]
    Csv { line: u64, message: String },
    /// The chosen CSV column does not exist in a record.
    #[error("line {line} has no column {column}")]
    MissingColumn { line: u64, column: usize },
    /// A STIX bundle is not valid JSON or not a bundle.
    #[error("invalid STIX bundle: {0}")]
    Stix(String),
    /// No usable entry was found in the file.
    #[error("no usable entry in {path} ({rejected} rejected lines)")]
    Empty { path: String, rejected: usize },
}
