//! The SSRF guard: every outbound fetch of `--live` checks its resolved address here first.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// Why an address may not be fetched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SsrfRefusal {
    /// 127.0.0.0/8 or ::1, refused unless loopback is explicitly allowed (tests).
    #[error("{0} is a loopback address")]
    Loopback(IpAddr),
    /// RFC 1918 private ranges.
    #[error("{0} is a private address")]
    Private(IpAddr),
    /// 169.254.0.0/16 or fe80::/10 (cloud metadata services live here).
    #[error("{0} is a link-local address")]
    LinkLocal(IpAddr),
    /// 100.64.0.0/10, carrier-grade NAT shared space.
    #[error("{0} is in the carrier-grade NAT range")]
    SharedAddressSpace(IpAddr),
    /// Multicast and broadcast.
    #[error("{0} is a multicast or broadcast address")]
    Multicast(IpAddr),
    /// 0.0.0.0/8 or ::.
    #[error("{0} is an unspecified address")]
    Unspecified(IpAddr),
    /// fc00::/7 unique local and fec0::/10 site-local IPv6.
    #[error("{0} is a unique-local IPv6 address")]
    UniqueLocal(IpAddr),
    /// Documentation, benchmarking, IETF protocol and future-use ranges.
    #[error("{0} is a reserved address")]
    Reserved(IpAddr),
    /// An IPv6 address tunnelling an IPv4 one we cannot vouch for (Teredo).
    #[error("{0} tunnels another address")]
    Tunnelled(IpAddr),
}

/// Refuses addresses a server must never fetch on a user's behalf. IPv6 forms that embed an
/// IPv4 address (v4-mapped, v4-compatible, NAT64, 6to4) are judged by the embedded address.
pub fn guard_target(addr: IpAddr, allow_loopback: bool) -> Result<(), SsrfRefusal> {
    match addr {
        IpAddr::V4(v4) => guard_v4(v4, addr, allow_loopback),
        IpAddr::V6(v6) => guard_v6(v6, addr, allow_loopback),
    }
}

fn guard_v4(a: Ipv4Addr, shown: IpAddr, allow_loopback: bool) -> Result<(), SsrfRefusal> {
    let o = a.octets();
    if a.is_loopback() {
        return if allow_loopback { Ok(()) } else { Err(SsrfRefusal::Loopback(shown)) };
    }
    if o[0] == 0 {
        return Err(SsrfRefusal::Unspecified(shown));
    }
    if a.is_private() {
        return Err(SsrfRefusal::Private(shown));
    }
    if a.is_link_local() {
        return Err(SsrfRefusal::LinkLocal(shown));
    }
    if o[0] == 100 && (o[1] & 0xC0) == 64 {
        return Err(SsrfRefusal::SharedAddressSpace(shown));
    }
    if a.is_multicast() || a.is_broadcast() {
        return Err(SsrfRefusal::Multicast(shown));
    }
    let reserved = matches!((o[0], o[1], o[2]), (192, 0, 0 | 2) | (198, 51, 100) | (203, 0, 113) | (192, 88, 99))
        || (o[0] == 198 && (o[1] & 0xFE) == 18)
        || o[0] >= 240;
    if reserved {
        return Err(SsrfRefusal::Reserved(shown));
    }
    Ok(())
}

fn guard_v6(a: Ipv6Addr, shown: IpAddr, allow_loopback: bool) -> Result<(), SsrfRefusal> {
    let s = a.segments();
    if a.is_loopback() {
        return if allow_loopback { Ok(()) } else { Err(SsrfRefusal::Loopback(shown)) };
    }
    if a.is_unspecified() {
        return Err(SsrfRefusal::Unspecified(shown));
    }
    let embedded = |hi: u16, lo: u16| Ipv4Addr::new((hi >> 8) as u8, hi as u8, (lo >> 8) as u8, lo as u8);
    // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated).
    if s[0..5].iter().all(|&x| x == 0) && (s[5] == 0xFFFF || s[5] == 0) {
        return guard_v4(embedded(s[6], s[7]), shown, allow_loopback);
    }
    // NAT64 well-known prefix 64:ff9b::/96 and local-use 64:ff9b:1::/48.
    if s[0] == 0x0064 && s[1] == 0xFF9B {
        return guard_v4(embedded(s[6], s[7]), shown, allow_loopback);
    }
    // 6to4: 2002:AABB:CCDD::/48 carries AA.BB.CC.DD.
    if s[0] == 0x2002 {
        return guard_v4(embedded(s[1], s[2]), shown, allow_loopback);
    }
    if s[0] == 0x2001 && s[1] == 0 {
        return Err(SsrfRefusal::Tunnelled(shown));
    }
    if (s[0] & 0xFFC0) == 0xFE80 {
        return Err(SsrfRefusal::LinkLocal(shown));
    }
    if (s[0] & 0xFE00) == 0xFC00 || (s[0] & 0xFFC0) == 0xFEC0 {
        return Err(SsrfRefusal::UniqueLocal(shown));
    }
    if (s[0] & 0xFF00) == 0xFF00 {
        return Err(SsrfRefusal::Multicast(shown));
    }
    if (s[0] == 0x2001 && s[1] == 0x0DB8) || (s[0] == 0x0100 && s[1..4].iter().all(|&x| x == 0)) || s[0] == 0x3FFF {
        return Err(SsrfRefusal::Reserved(shown));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(addr: &str, allow_loopback: bool, ok: bool) {
        let ip: IpAddr = addr.parse().expect("test address parses");
        assert_eq!(guard_target(ip, allow_loopback).is_ok(), ok, "{addr} allow_loopback={allow_loopback}");
    }

    #[test]
    fn refuses_internal_targets() {
        for a in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "198.18.0.1",
            "240.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fc00::1",
            "fd12:3456::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2002:7f00:1::",
            "2002:a9fe:a9fe::",
            "2001:db8::1",
            "2001::1",
            "fec0::1",
        ] {
            check(a, false, false);
        }
    }

    #[test]
    fn allows_public_targets_and_loopback_when_told() {
        for a in ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "2002:808:808::"] {
            check(a, false, true);
        }
        check("127.0.0.1", true, true);
        check("::1", true, true);
        check("::ffff:127.0.0.1", true, true);
        check("10.0.0.1", true, false);
    }
}
