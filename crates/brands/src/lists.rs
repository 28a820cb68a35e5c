//! Host and TLD lists shared by every analyser: URL shorteners, abuse-heavy TLDs, free hosting
//! and user-content platforms, each one plain-text file under `data/` (one entry per line, `#`
//! comments) embedded at compile time and parsed once on first use.
//!
//! These used to be copied into `links` and `scamtext`, and the copies drifted apart; now there
//! is one list per concept and both crates read it from here.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The embedded URL-shortener list (`data/shorteners.txt`).
pub const SHORTENERS_TXT: &str = include_str!("../data/shorteners.txt");
/// The embedded abuse-heavy TLD list (`data/abuse_tlds.txt`).
pub const ABUSE_TLDS_TXT: &str = include_str!("../data/abuse_tlds.txt");
/// The embedded free-hosting suffix list (`data/free_hosting.txt`).
pub const FREE_HOSTING_TXT: &str = include_str!("../data/free_hosting.txt");
/// The embedded user-content platform list (`data/user_content.txt`).
pub const USER_CONTENT_TXT: &str = include_str!("../data/user_content.txt");

/// A set of lower-case host names or TLDs read from one embedded list.
#[derive(Debug, Clone, Default)]
pub struct NameSet {
    names: HashSet<&'static str>,
}

impl NameSet {
    /// Reads one entry per line; `#` starts a comment and blank lines are skipped. Syntax is
    /// checked by the tests over the shipped files, not here: the text is compiled in.
    pub fn parse(text: &'static str) -> NameSet {
        NameSet { names: entries(text).collect() }
    }

    /// Whether `name` is an entry (exact match).
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// The entry that `host` is equal to or under, if any (`a.b.github.io` is under `github.io`).
    pub fn covering(&self, host: &str) -> Option<&'static str> {
        let mut rest = host.trim_end_matches('.');
        loop {
            if let Some(found) = self.names.get(rest) {
                return Some(found);
            }
            rest = rest.split_once('.')?.1;
        }
    }

    /// Whether `host` is an entry or under one.
    pub fn covers(&self, host: &str) -> bool {
        self.covering(host).is_some()
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.names.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// The entries of a list file in file order, comments and blank lines removed.
pub fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(|l| l.split_once('#').map_or(l, |(before, _)| before).trim()).filter(|l| !l.is_empty())
}

static SHORTENERS: LazyLock<NameSet> = LazyLock::new(|| NameSet::parse(SHORTENERS_TXT));
static ABUSE_TLDS: LazyLock<NameSet> = LazyLock::new(|| NameSet::parse(ABUSE_TLDS_TXT));
static FREE_HOSTING: LazyLock<NameSet> = LazyLock::new(|| NameSet::parse(FREE_HOSTING_TXT));
static USER_CONTENT: LazyLock<NameSet> = LazyLock::new(|| {
    let names = [USER_CONTENT_TXT, SHORTENERS_TXT, FREE_HOSTING_TXT].into_iter().flat_map(entries).collect();
    NameSet { names }
});

/// URL shorteners: the destination is hidden until the link is followed.
pub fn shorteners() -> &'static NameSet {
    &SHORTENERS
}

/// TLDs (without the dot) where abuse far outnumbers ordinary registrations.
pub fn abuse_tlds() -> &'static NameSet {
    &ABUSE_TLDS
}

/// Free website, form and file hosting, tunnels and dynamic DNS, matched as a host suffix.
pub fn free_hosting() -> &'static NameSet {
    &FREE_HOSTING
}

/// Every domain under which the public can publish: the user-content platforms plus the
/// shorteners and free hosting. A link there is no evidence of who sent a message.
pub fn user_content() -> &'static NameSet {
    &USER_CONTENT
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_trailing_comments_are_skipped() {
        let set = NameSet::parse("# header\n\nbit.ly\n  t.co  # Twitter\n#x.y\n");
        assert_eq!(set.len(), 2);
        assert!(set.contains("bit.ly") && set.contains("t.co") && !set.contains("x.y"));
    }

    #[test]
    fn covering_walks_up_the_labels_but_not_into_look_alikes() {
        let set = NameSet::parse("github.io\n");
        assert_eq!(set.covering("a.b.github.io."), Some("github.io"));
        assert!(set.covers("github.io"));
        assert!(!set.covers("evilgithub.io") && !set.covers("github.io.evil.com"));
    }

    #[test]
    fn user_content_includes_shorteners_and_free_hosting() {
        assert!(user_content().covers("bit.ly") && user_content().covers("x.netlify.app") && user_content().covers("t.me"));
        assert_eq!(user_content().len(), USER_CONTENT.len());
        assert!(user_content().len() >= shorteners().len() + free_hosting().len());
    }
}
