//! The bands of section 3 of the readiness design: what a scan measured, mapped to a 0-4 score.
//!
//! The scanner (the `posture` crate, later) measures; these functions only map, so that every
//! post's scan evidence is scored the same way. An [`crate::Observation`] carries the result.

use serde::{Deserialize, Serialize};

/// SCAN-TLS: share of declared web hosts with a valid certificate and an HTTP to HTTPS redirect.
/// `<50% -> 0, 50-79 -> 1, 80-94 -> 2, 95-99 -> 3, 100% -> 4`, each band up to but excluding the
/// next one's lower bound (79.5% is in 50-79). No host measured gives no score.
pub fn tls(good_hosts: u32, hosts: u32) -> Option<u8> {
    if hosts == 0 || good_hosts > hosts {
        return None;
    }
    // Integer comparisons: good / hosts < p / 100  <=>  good * 100 < p * hosts.
    let below = |percent: u64| u64::from(good_hosts) * 100 < percent * u64::from(hosts);
    Some(if below(50) {
        0
    } else if below(80) {
        1
    } else if below(95) {
        2
    } else if good_hosts < hosts {
        3
    } else {
        4
    })
}

/// SCAN-HSTS: HSTS and TLS 1.2 or later only. `none 0 · partial 2 · all hosts 4`.
pub fn hsts(good_hosts: u32, hosts: u32) -> Option<u8> {
    match (good_hosts, hosts) {
        (_, 0) => None,
        (g, h) if g > h => None,
        (0, _) => Some(0),
        (g, h) if g < h => Some(2),
        _ => Some(4),
    }
}

/// SCAN-DNSSEC (signed with a valid chain) and SCAN-SECTXT (security.txt present): `no 0 · yes 4`.
pub fn yes_no(present: bool) -> u8 {
    if present { 4 } else { 0 }
}

/// What an SPF record ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Spf {
    Missing,
    /// `+all`, `?all`, no `all` at all (neutral by default), or a record that does not evaluate.
    Permissive,
    SoftFail,
    Fail,
}

/// SCAN-SPF: `none 0 · +all/?all/errors 1 · ~all 3 · -all 4`.
pub fn spf(record: Spf) -> u8 {
    match record {
        Spf::Missing => 0,
        Spf::Permissive => 1,
        Spf::SoftFail => 3,
        Spf::Fail => 4,
    }
}

/// A DMARC policy as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dmarc {
    Missing,
    None,
    Quarantine { pct: u8, rua: bool },
    Reject,
}

/// SCAN-DMARC: `none 0 · p=none 2 · quarantine (pct<100) 3 · reject, or quarantine at 100% with
/// rua 4`. Quarantine at 100% without reports is read as 3: the band asks for both.
pub fn dmarc(policy: Dmarc) -> u8 {
    match policy {
        Dmarc::Missing => 0,
        Dmarc::None => 2,
        Dmarc::Quarantine { pct, rua } if pct >= 100 && rua => 4,
        Dmarc::Quarantine { .. } => 3,
        Dmarc::Reject => 4,
    }
}

/// SCAN-MX-TLS: `none 0 · some MX 2 · all MX 3 · plus MTA-STS 4`. MTA-STS counts only when every
/// MX offers STARTTLS. No MX gives no score.
pub fn mx_tls(starttls_mx: u32, mx: u32, mta_sts: bool) -> Option<u8> {
    match (starttls_mx, mx) {
        (_, 0) => None,
        (s, m) if s > m => None,
        (0, _) => Some(0),
        (s, m) if s < m => Some(2),
        _ if mta_sts => Some(4),
        _ => Some(3),
    }
}

/// The worst exposure a light passive check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exposure {
    /// Nothing, or only findings below high severity (the band names only critical and high).
    None,
    High,
    Critical,
}

/// SCAN-EXPOSE: `any critical 0 · any high 2 · none 4`.
pub fn expose(worst: Exposure) -> u8 {
    match worst {
        Exposure::Critical => 0,
        Exposure::High => 2,
        Exposure::None => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_bands() {
        // (good, hosts, score): each band's edges; 79/100 and 159/200 (79.5%) are still band 1.
        let rows = [
            (0, 1, Some(0)),
            (49, 100, Some(0)),
            (50, 100, Some(1)),
            (79, 100, Some(1)),
            (159, 200, Some(1)),
            (80, 100, Some(2)),
            (94, 100, Some(2)),
            (95, 100, Some(3)),
            (99, 100, Some(3)),
            (199, 200, Some(3)),
            (3, 3, Some(4)),
            (0, 0, None),
            (4, 3, None),
        ];
        for (good, hosts, score) in rows {
            assert_eq!(tls(good, hosts), score, "{good}/{hosts}");
        }
    }

    #[test]
    fn hsts_mx_and_yes_no_bands() {
        assert_eq!([hsts(0, 3), hsts(1, 3), hsts(3, 3), hsts(0, 0), hsts(4, 3)], [Some(0), Some(2), Some(4), None, None]);
        assert_eq!(
            [mx_tls(0, 2, true), mx_tls(1, 2, true), mx_tls(2, 2, false), mx_tls(2, 2, true), mx_tls(0, 0, true)],
            [Some(0), Some(2), Some(3), Some(4), None]
        );
        assert_eq!((yes_no(false), yes_no(true)), (0, 4));
    }

    #[test]
    fn mail_policy_and_exposure_bands() {
        assert_eq!([spf(Spf::Missing), spf(Spf::Permissive), spf(Spf::SoftFail), spf(Spf::Fail)], [0, 1, 3, 4]);
        let quarantine = |pct, rua| dmarc(Dmarc::Quarantine { pct, rua });
        assert_eq!([dmarc(Dmarc::Missing), dmarc(Dmarc::None), quarantine(50, true), quarantine(100, false)], [0, 2, 3, 3]);
        assert_eq!([quarantine(100, true), dmarc(Dmarc::Reject)], [4, 4]);
        assert_eq!([expose(Exposure::Critical), expose(Exposure::High), expose(Exposure::None)], [0, 2, 4]);
    }
}
