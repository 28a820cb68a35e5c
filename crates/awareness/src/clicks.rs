//! Evidence-graded clicks: which hits on a simulation link were people. Pure.
//!
//! Mail scanners (Microsoft Safe Links fetches every link twice within seconds with a genuine
//! browser user agent), messenger previews, ticket desks that fetch links pasted into them and
//! headless crawlers all "click". Counting them as people is the commonest complaint about
//! simulation tools, so a click counts as human only on positive evidence:
//!
//! - the hits of one target are grouped into *visits*, one per source network and user agent;
//! - a visit is `machine` if any of its requests was a `HEAD`, came from a known scanner network
//!   or user agent (`data/scanners.toml`), had no user agent, followed the invisible honeypot
//!   link, or if it has no beacon at all (a page was fetched but no script ran and no button was
//!   pressed: nothing says a person saw it);
//! - a visit is `confirmed_human` if the landing page's script sent its beacon after a pointer or
//!   key event, between [`MIN_DWELL_SECS`] and [`MAX_DWELL_SECS`] after the page was served
//!   (times are the server's own, never the client's);
//! - any other visit with a beacon, or with the landing form submitted, is `probable_human`.
//!
//! A target counts once, in the class of its strongest visit.

use chrono::{DateTime, Utc};
use ipnet::IpNet;
use serde::{Deserialize, Serialize};

/// The least time between serving the landing page and an interaction beacon for it to be a
/// person reading: scripted browsers fire at once.
pub const MIN_DWELL_SECS: i64 = 1;

/// The most: a beacon an hour after the page is not evidence about that page view.
pub const MAX_DWELL_SECS: i64 = 3_600;

/// The class of a click.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    Machine,
    ProbableHuman,
    ConfirmedHuman,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Machine, Class::ProbableHuman, Class::ConfirmedHuman];

    pub fn key(self) -> &'static str {
        match self {
            Class::Machine => "machine",
            Class::ProbableHuman => "probable_human",
            Class::ConfirmedHuman => "confirmed_human",
        }
    }

    pub fn from_key(key: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.key() == key)
    }
}

/// What a request on a landing route was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// The simulation link itself.
    Link,
    /// The landing page's script: `interaction` when a pointer or key event came first.
    Beacon { interaction: bool },
    /// The invisible link no person can see.
    Honeypot,
    /// The landing form was sent (what was typed never reaches the server's storage).
    Submit,
}

/// One request on a landing route, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    pub at: DateTime<Utc>,
    pub kind: HitKind,
    /// `GET`, `HEAD`, `POST`, ...
    pub method: String,
    pub user_agent: String,
    /// The source network prefix (a /24 or /48), never the full address.
    pub network: Option<IpNet>,
}

/// Known non-human visitors, from `data/scanners.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scanners {
    /// Lower-case substrings of user agents.
    pub user_agents: Vec<String>,
    pub networks: Vec<IpNet>,
}

/// `data/scanners.toml` is not valid.
#[derive(Debug, thiserror::Error)]
#[error("scanner list: {0}")]
pub struct ScannersError(String);

impl Scanners {
    /// The shipped list.
    pub fn embedded() -> Result<Scanners, ScannersError> {
        Scanners::parse(include_str!("../data/scanners.toml"))
    }

    pub fn parse(text: &str) -> Result<Scanners, ScannersError> {
        let s: Scanners = toml::from_str(text).map_err(|e| ScannersError(e.to_string()))?;
        if let Some(bad) = s.user_agents.iter().find(|u| u.is_empty() || u.to_lowercase() != **u) {
            return Err(ScannersError(format!("user agent pattern {bad:?} must be non-empty and lower case")));
        }
        Ok(s)
    }

    /// The user agent is a known scanner, preview, script or crawler (or missing).
    pub fn is_scanner_agent(&self, user_agent: &str) -> bool {
        let ua = user_agent.trim().to_lowercase();
        ua.is_empty() || self.user_agents.iter().any(|p| ua.contains(p.as_str()))
    }

    pub fn is_scanner_network(&self, network: &IpNet) -> bool {
        self.networks.iter().any(|n| n.contains(network) || n.contains(&network.network()))
    }
}

/// The class of one target's clicks, or `None` if the simulation link was never fetched.
pub fn classify(hits: &[Hit], scanners: &Scanners) -> Option<Class> {
    let mut visits: Vec<(&Option<IpNet>, &str)> = Vec::new();
    for h in hits {
        let key = (&h.network, h.user_agent.as_str());
        if !visits.contains(&key) {
            visits.push(key);
        }
    }
    visits
        .into_iter()
        .filter_map(|(network, ua)| {
            let visit: Vec<&Hit> = hits.iter().filter(|h| &h.network == network && h.user_agent == ua).collect();
            classify_visit(&visit, scanners)
        })
        .max()
}

/// One visitor's requests: `None` without a link hit (a stray beacon is not a click).
fn classify_visit(visit: &[&Hit], scanners: &Scanners) -> Option<Class> {
    let first_link = visit.iter().filter(|h| h.kind == HitKind::Link).map(|h| h.at).min()?;
    let flagged = visit.iter().any(|h| {
        h.method.eq_ignore_ascii_case("HEAD")
            || h.kind == HitKind::Honeypot
            || scanners.is_scanner_agent(&h.user_agent)
            || h.network.as_ref().is_some_and(|n| scanners.is_scanner_network(n))
    });
    if flagged {
        return Some(Class::Machine);
    }
    let plausible = |h: &&&Hit| {
        let dwell = (h.at - first_link).num_seconds();
        matches!(h.kind, HitKind::Beacon { interaction: true }) && (MIN_DWELL_SECS..=MAX_DWELL_SECS).contains(&dwell)
    };
    if visit.iter().any(|h| plausible(&h)) {
        return Some(Class::ConfirmedHuman);
    }
    if visit.iter().any(|h| matches!(h.kind, HitKind::Beacon { .. } | HitKind::Submit)) {
        return Some(Class::ProbableHuman);
    }
    // Fetched, but no script ran and no button was pressed: nothing says a person saw it.
    Some(Class::Machine)
}

/// The network prefix kept of a source address: the /24 of IPv4, the /48 of IPv6.
pub fn network_of(ip: std::net::IpAddr) -> IpNet {
    let len = if ip.is_ipv4() { 24 } else { 48 };
    // The lengths are valid for their families, so this never falls back.
    IpNet::new(ip, len).map(|n| n.trunc()).unwrap_or_else(|_| IpNet::from(ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BROWSER: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";

    fn hit(secs: i64, kind: HitKind, method: &str, ua: &str, net: &str) -> Hit {
        let t0 = DateTime::parse_from_rfc3339("2026-12-07T09:00:00Z").expect("t0").with_timezone(&Utc);
        Hit { at: t0 + chrono::Duration::seconds(secs), kind, method: method.into(), user_agent: ua.into(), network: net.parse().ok() }
    }

    fn check(hits: &[Hit], expected: Option<Class>) {
        let scanners = Scanners::embedded().expect("shipped scanner list");
        assert_eq!(classify(hits, &scanners), expected, "{hits:#?}");
    }

    const ME: &str = "192.0.2.0/24";

    #[test]
    fn people_need_positive_evidence() {
        let beacon = HitKind::Beacon { interaction: true };
        check(&[], None);
        check(&[hit(0, HitKind::Link, "GET", BROWSER, ME), hit(4, beacon, "POST", BROWSER, ME)], Some(Class::ConfirmedHuman));
        // A beacon at once is a script, not a reader; without interaction it is only probable.
        check(&[hit(0, HitKind::Link, "GET", BROWSER, ME), hit(0, beacon, "POST", BROWSER, ME)], Some(Class::ProbableHuman));
        let idle = HitKind::Beacon { interaction: false };
        check(&[hit(0, HitKind::Link, "GET", BROWSER, ME), hit(5, idle, "POST", BROWSER, ME)], Some(Class::ProbableHuman));
        check(&[hit(0, HitKind::Link, "GET", BROWSER, ME), hit(9, HitKind::Submit, "POST", BROWSER, ME)], Some(Class::ProbableHuman));
        check(&[hit(0, HitKind::Link, "GET", BROWSER, ME)], Some(Class::Machine));
        // A beacon without the page view it belongs to is no click.
        check(&[hit(4, beacon, "POST", BROWSER, ME)], None);
    }

    #[test]
    fn scanners_are_machines_whatever_else_they_show() {
        let beacon = HitKind::Beacon { interaction: true };
        let safe_links = "40.107.22.0/24";
        check(
            &[hit(0, HitKind::Link, "GET", BROWSER, safe_links), hit(2, HitKind::Link, "GET", BROWSER, safe_links)],
            Some(Class::Machine),
        );
        check(&[hit(0, HitKind::Link, "HEAD", BROWSER, ME), hit(3, beacon, "POST", BROWSER, ME)], Some(Class::Machine));
        check(
            &[
                hit(0, HitKind::Link, "GET", BROWSER, ME),
                hit(1, HitKind::Honeypot, "GET", BROWSER, ME),
                hit(3, beacon, "POST", BROWSER, ME),
            ],
            Some(Class::Machine),
        );
        let headless = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36";
        check(&[hit(0, HitKind::Link, "GET", headless, ME), hit(3, beacon, "POST", headless, ME)], Some(Class::Machine));
        check(&[hit(0, HitKind::Link, "GET", "", ME)], Some(Class::Machine));
    }

    #[test]
    fn the_strongest_visit_counts() {
        let beacon = HitKind::Beacon { interaction: true };
        let hits = [
            hit(0, HitKind::Link, "GET", BROWSER, "40.107.22.0/24"),
            hit(1, HitKind::Link, "GET", BROWSER, "40.107.22.0/24"),
            hit(600, HitKind::Link, "GET", BROWSER, ME),
            hit(604, beacon, "POST", BROWSER, ME),
        ];
        check(&hits, Some(Class::ConfirmedHuman));
    }

    #[test]
    fn only_the_network_prefix_is_kept() {
        assert_eq!(network_of("192.0.2.77".parse().expect("ip")).to_string(), "192.0.2.0/24");
        assert_eq!(network_of("2001:db8:1:2::5".parse().expect("ip")).to_string(), "2001:db8:1::/48");
    }
}
