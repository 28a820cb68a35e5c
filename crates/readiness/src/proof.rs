//! Proof that an organisation controls a domain (section 3 of the readiness design): the hub
//! gives the organisation's administrator a token, the administrator publishes it as a DNS TXT
//! record `postern-proof=<token>` at `_postern-challenge.<domain>`, and the hub reads that name
//! through its own configured resolver. Pure: the caller does the lookup and hands over what the
//! resolver said.

/// The label under the domain where the token is published.
pub const CHALLENGE_LABEL: &str = "_postern-challenge";
/// The prefix of the TXT record's value.
pub const RECORD_PREFIX: &str = "postern-proof=";

/// The name to publish the record at.
pub fn challenge_name(domain: &str) -> String {
    format!("{CHALLENGE_LABEL}.{}", domain.trim_end_matches('.'))
}

/// The TXT record's value for `token`.
pub fn record_value(token: &str) -> String {
    format!("{RECORD_PREFIX}{token}")
}

/// What the resolver said about the challenge name's TXT records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxtAnswer {
    /// The TXT records (each record's strings joined).
    Records(Vec<String>),
    /// The name exists but has no TXT record.
    NoData,
    /// The name does not exist.
    NxDomain,
    /// The lookup failed (SERVFAIL, timeout, refused...): nothing is known.
    Failed(String),
}

/// Why a domain is not proven.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// TXT records exist at the challenge name but none carries the token.
    #[error("{found} TXT record(s) at the challenge name, none with this organisation's token")]
    WrongToken { found: usize },
    /// The challenge name has no TXT record.
    #[error("the challenge name has no TXT record")]
    NoRecord,
    /// The challenge name does not exist.
    #[error("the challenge name does not exist (NXDOMAIN)")]
    NoSuchName,
    /// The lookup failed: the proof is neither given nor withdrawn.
    #[error("the DNS lookup failed: {0}")]
    LookupFailed(String),
}

impl Refusal {
    /// A stable code for stores and catalogues.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::WrongToken { .. } => "wrong-token",
            Refusal::NoRecord => "no-record",
            Refusal::NoSuchName => "nxdomain",
            Refusal::LookupFailed(_) => "dns-failed",
        }
    }

    /// False when nothing was learned (the lookup failed), so an earlier proof stands.
    pub fn is_conclusive(&self) -> bool {
        !matches!(self, Refusal::LookupFailed(_))
    }
}

/// The outcome code of a proven domain.
pub const PROVEN: &str = "proven";

/// Whether `answer` proves the domain for `token`. The record must be exactly
/// `postern-proof=<token>` (surrounding spaces ignored): a token inside a longer string does not count.
pub fn verdict(token: &str, answer: &TxtAnswer) -> Result<(), Refusal> {
    match answer {
        TxtAnswer::Records(records) => {
            let want = record_value(token);
            if !token.is_empty() && records.iter().any(|r| r.trim() == want) {
                Ok(())
            } else if records.is_empty() {
                Err(Refusal::NoRecord)
            } else {
                Err(Refusal::WrongToken { found: records.len() })
            }
        }
        TxtAnswer::NoData => Err(Refusal::NoRecord),
        TxtAnswer::NxDomain => Err(Refusal::NoSuchName),
        TxtAnswer::Failed(e) => Err(Refusal::LookupFailed(e.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_exact_token_proves_and_each_refusal_says_why() {
        let records = |r: &[&str]| TxtAnswer::Records(r.iter().map(|s| (*s).to_owned()).collect());
        assert_eq!(challenge_name("laposte.example."), "_postern-challenge.laposte.example");
        assert_eq!(verdict("abc", &records(&["v=spf1 -all", " postern-proof=abc "])), Ok(()));
        assert_eq!(verdict("abc", &records(&["postern-proof=abcd"])), Err(Refusal::WrongToken { found: 1 }));
        assert_eq!(verdict("abc", &records(&["x postern-proof=abc"])), Err(Refusal::WrongToken { found: 1 }));
        assert_eq!(verdict("", &records(&["postern-proof="])), Err(Refusal::WrongToken { found: 1 }));
        assert_eq!(verdict("abc", &TxtAnswer::NoData), Err(Refusal::NoRecord));
        assert_eq!(verdict("abc", &TxtAnswer::NxDomain), Err(Refusal::NoSuchName));
        let failed = verdict("abc", &TxtAnswer::Failed("SERVFAIL".into())).unwrap_err();
        assert_eq!((failed.code(), failed.is_conclusive()), ("dns-failed", false));
        assert!(Refusal::NoSuchName.is_conclusive());
    }
}
