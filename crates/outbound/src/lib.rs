//! The outbound guard: every connection Postern opens on someone's behalf (live link fetches,
//! posture scans, federation with peers, and the senders still to come) goes to an address that
//! passed [`guard_all`] under a [`GuardPolicy`], and is opened on that address: by [`connect`]
//! for raw sockets, or by an HTTP client whose resolver is [`GuardedResolver`]. The name is
//! resolved once and the checked address is the one connected to (pinned resolution).
//!
//! The refused ranges are data: [`SPECIAL_V4`] and [`SPECIAL_V6`] list the entries of the IANA
//! IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates) that are not
//! globally reachable, plus multicast and the deprecated site-local range. IPv6 forms that carry
//! an IPv4 address a router will reach (v4-mapped, the NAT64 well-known prefix, 6to4) are judged
//! by that IPv4 address; every other IPv6 address outside global unicast (2000::/3) is refused.
//!
//! Two policies exist. Targets chosen by users or found in content (a link, a domain to scan,
//! a redirect) get [`GuardPolicy::PUBLIC`]: only globally reachable addresses. Targets an
//! operator configured (a federation peer) get [`GuardPolicy::OPERATOR_APPROVED`]: private and
//! loopback networks too, since national hubs run on internal networks, but never link-local
//! (where cloud metadata services live), multicast, reserved or tunnelled space.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

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
    /// Documentation, benchmarking, IETF protocol, future-use and other special ranges.
    #[error("{0} is a reserved address")]
    Reserved(IpAddr),
    /// An IPv6 address that tunnels or translates an IPv4 one we cannot vouch for (Teredo,
    /// IPv4-translated, local-use NAT64, IPv4-compatible).
    #[error("{0} tunnels or translates another address")]
    Tunnelled(IpAddr),
}

/// What kind of refusal a registry entry gives (the address shown is filled in at check time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Refused unless loopback is allowed.
    Loopback,
    Private,
    LinkLocal,
    SharedAddressSpace,
    Multicast,
    Unspecified,
    UniqueLocal,
    Reserved,
    Tunnelled,
    /// The range carries an IPv4 address in its last 32 bits: judge that address.
    EmbedsIpv4Low32,
    /// 6to4: the IPv4 address is bits 16..48.
    Embeds6to4,
}

impl Kind {
    fn refusal(self, shown: IpAddr) -> Option<SsrfRefusal> {
        Some(match self {
            Kind::Loopback => SsrfRefusal::Loopback(shown),
            Kind::Private => SsrfRefusal::Private(shown),
            Kind::LinkLocal => SsrfRefusal::LinkLocal(shown),
            Kind::SharedAddressSpace => SsrfRefusal::SharedAddressSpace(shown),
            Kind::Multicast => SsrfRefusal::Multicast(shown),
            Kind::Unspecified => SsrfRefusal::Unspecified(shown),
            Kind::UniqueLocal => SsrfRefusal::UniqueLocal(shown),
            Kind::Reserved => SsrfRefusal::Reserved(shown),
            Kind::Tunnelled => SsrfRefusal::Tunnelled(shown),
            Kind::EmbedsIpv4Low32 | Kind::Embeds6to4 => return None,
        })
    }
}

/// One special-purpose range: its network, prefix length, the name the registry gives it, and
/// how the guard treats it.
#[derive(Debug, Clone, Copy)]
pub struct Range<A> {
    pub net: A,
    pub len: u8,
    pub name: &'static str,
    pub kind: Kind,
}

const fn v4(a: u8, b: u8, c: u8, d: u8, len: u8, name: &'static str, kind: Kind) -> Range<Ipv4Addr> {
    Range { net: Ipv4Addr::new(a, b, c, d), len, name, kind }
}

const fn v6(s: [u16; 8], len: u8, name: &'static str, kind: Kind) -> Range<Ipv6Addr> {
    Range { net: Ipv6Addr::new(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]), len, name, kind }
}

/// IPv4: the IANA IPv4 Special-Purpose Address Registry entries that are not globally
/// reachable (the registry's own names), multicast, and the limited broadcast address. The
/// whole of 192.0.0.0/24 is refused, its two anycast exceptions (PCP, TURN) included: no check
/// has a reason to fetch them. The first matching entry names the refusal.
pub const SPECIAL_V4: &[Range<Ipv4Addr>] = &[
    v4(0, 0, 0, 0, 8, "\"This network\" (RFC 791)", Kind::Unspecified),
    v4(10, 0, 0, 0, 8, "Private-Use (RFC 1918)", Kind::Private),
    v4(100, 64, 0, 0, 10, "Shared Address Space (RFC 6598)", Kind::SharedAddressSpace),
    v4(127, 0, 0, 0, 8, "Loopback (RFC 1122)", Kind::Loopback),
    v4(169, 254, 0, 0, 16, "Link Local (RFC 3927)", Kind::LinkLocal),
    v4(172, 16, 0, 0, 12, "Private-Use (RFC 1918)", Kind::Private),
    v4(192, 0, 0, 0, 24, "IETF Protocol Assignments (RFC 6890)", Kind::Reserved),
    v4(192, 0, 2, 0, 24, "Documentation (TEST-NET-1) (RFC 5737)", Kind::Reserved),
    v4(192, 88, 99, 0, 24, "Deprecated (6to4 Relay Anycast) (RFC 7526)", Kind::Reserved),
    v4(192, 168, 0, 0, 16, "Private-Use (RFC 1918)", Kind::Private),
    v4(198, 18, 0, 0, 15, "Benchmarking (RFC 2544)", Kind::Reserved),
    v4(198, 51, 100, 0, 24, "Documentation (TEST-NET-2) (RFC 5737)", Kind::Reserved),
    v4(203, 0, 113, 0, 24, "Documentation (TEST-NET-3) (RFC 5737)", Kind::Reserved),
    v4(224, 0, 0, 0, 4, "Multicast (RFC 5771)", Kind::Multicast),
    v4(255, 255, 255, 255, 32, "Limited Broadcast (RFC 8190, RFC 919)", Kind::Multicast),
    v4(240, 0, 0, 0, 4, "Reserved (RFC 1112)", Kind::Reserved),
];

/// IPv6: the IANA IPv6 Special-Purpose Address Registry entries, multicast and the deprecated
/// site-local range. Ranges that carry an IPv4 address are judged by it; the rest of
/// 2001::/23 (anycast services, ORCHID, AMT) is refused as a whole. Addresses outside every
/// entry must still be global unicast (2000::/3, the IANA IPv6 Address Space registry).
pub const SPECIAL_V6: &[Range<Ipv6Addr>] = &[
    v6([0, 0, 0, 0, 0, 0, 0, 1], 128, "Loopback Address (RFC 4291)", Kind::Loopback),
    v6([0, 0, 0, 0, 0, 0, 0, 0], 128, "Unspecified Address (RFC 4291)", Kind::Unspecified),
    v6([0, 0, 0, 0, 0, 0xffff, 0, 0], 96, "IPv4-mapped Address (RFC 4291)", Kind::EmbedsIpv4Low32),
    v6([0, 0, 0, 0, 0xffff, 0, 0, 0], 96, "IPv4-translated Address (RFC 2765, SIIT)", Kind::Tunnelled),
    v6([0, 0, 0, 0, 0, 0, 0, 0], 96, "IPv4-compatible Address (RFC 4291, deprecated)", Kind::Tunnelled),
    v6([0x64, 0xff9b, 0, 0, 0, 0, 0, 0], 96, "IPv4-IPv6 Translation (RFC 6052)", Kind::EmbedsIpv4Low32),
    v6([0x64, 0xff9b, 1, 0, 0, 0, 0, 0], 48, "Local-Use IPv4/IPv6 Translation (RFC 8215)", Kind::Tunnelled),
    v6([0x100, 0, 0, 0, 0, 0, 0, 0], 64, "Discard-Only Address Block (RFC 6666)", Kind::Reserved),
    v6([0x100, 0, 0, 1, 0, 0, 0, 0], 64, "Dummy IPv6 Prefix (RFC 9780)", Kind::Reserved),
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 32, "TEREDO (RFC 4380)", Kind::Tunnelled),
    v6([0x2001, 2, 0, 0, 0, 0, 0, 0], 48, "Benchmarking (RFC 5180)", Kind::Reserved),
    v6([0x2001, 0, 0, 0, 0, 0, 0, 0], 23, "IETF Protocol Assignments (RFC 2928)", Kind::Reserved),
    v6([0x2001, 0xdb8, 0, 0, 0, 0, 0, 0], 32, "Documentation (RFC 3849)", Kind::Reserved),
    v6([0x2002, 0, 0, 0, 0, 0, 0, 0], 16, "6to4 (RFC 3056)", Kind::Embeds6to4),
    v6([0x3fff, 0, 0, 0, 0, 0, 0, 0], 20, "Documentation (RFC 9637)", Kind::Reserved),
    v6([0x5f00, 0, 0, 0, 0, 0, 0, 0], 16, "Segment Routing (SRv6) SIDs (RFC 9602)", Kind::Reserved),
    v6([0xfc00, 0, 0, 0, 0, 0, 0, 0], 7, "Unique-Local (RFC 4193)", Kind::UniqueLocal),
    v6([0xfe80, 0, 0, 0, 0, 0, 0, 0], 10, "Link-Local Unicast (RFC 4291)", Kind::LinkLocal),
    v6([0xfec0, 0, 0, 0, 0, 0, 0, 0], 10, "Site-Local (RFC 3879, deprecated)", Kind::UniqueLocal),
    v6([0xff00, 0, 0, 0, 0, 0, 0, 0], 8, "Multicast (RFC 4291)", Kind::Multicast),
];

/// How far the guard trusts targets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GuardPolicy {
    /// Allow 127.0.0.0/8 and ::1 (tests, and operator-approved targets).
    pub allow_loopback: bool,
    /// Allow private networks: RFC 1918, unique-local IPv6 and the shared address space
    /// (operator-approved targets only).
    pub allow_private: bool,
}

impl GuardPolicy {
    /// Targets chosen by users or found in content: globally reachable addresses only.
    pub const PUBLIC: GuardPolicy = GuardPolicy { allow_loopback: false, allow_private: false };
    /// Targets an operator configured (federation peers): private and loopback networks too.
    pub const OPERATOR_APPROVED: GuardPolicy = GuardPolicy { allow_loopback: true, allow_private: true };

    /// The public policy, with loopback allowed when `allow_loopback` (test laboratories).
    pub const fn public_or_loopback(allow_loopback: bool) -> GuardPolicy {
        GuardPolicy { allow_loopback, allow_private: false }
    }
}

/// Refuses addresses a server must never fetch on a user's behalf. IPv6 forms that embed an
/// IPv4 address a router will reach (v4-mapped, NAT64 well-known prefix, 6to4) are judged by
/// the embedded address.
pub fn guard_target(addr: IpAddr, allow_loopback: bool) -> Result<(), SsrfRefusal> {
    guard_with(addr, GuardPolicy::public_or_loopback(allow_loopback))
}

/// [`guard_target`] under any policy.
pub fn guard_with(addr: IpAddr, policy: GuardPolicy) -> Result<(), SsrfRefusal> {
    match addr {
        IpAddr::V4(a) => guard_v4(a, addr, policy),
        IpAddr::V6(a) => guard_v6(a, addr, policy),
    }
}

/// An address the guard allowed. Only [`guard_all`] makes one, and [`connect`] connects only
/// to one: a connection of the analysers cannot reach an address the guard never saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allowed(IpAddr);

impl Allowed {
    pub fn ip(self) -> IpAddr {
        self.0
    }
}

impl std::fmt::Display for Allowed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Why [`guard_all`] gave no address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GuardError {
    /// One of the addresses is refused: a name that also points inside is refused outright,
    /// so that a client that picks another address than ours cannot be steered there.
    #[error(transparent)]
    Refused(#[from] SsrfRefusal),
    /// The name resolved to no address.
    #[error("no address to connect to")]
    NoAddress,
}

/// Checks every address a name resolved to and returns the one to connect to (the first).
/// The caller connects to that address and resolves nothing again (pinned resolution), so a
/// DNS answer that changes between check and connect cannot reach an internal address.
pub fn guard_all(addrs: &[IpAddr], policy: GuardPolicy) -> Result<Allowed, GuardError> {
    for a in addrs {
        guard_with(*a, policy)?;
    }
    addrs.first().copied().map(Allowed).ok_or(GuardError::NoAddress)
}

/// Opens a TCP connection to an allowed address: the one place the analysers connect.
pub async fn connect(addr: Allowed, port: u16) -> std::io::Result<tokio::net::TcpStream> {
    tokio::net::TcpStream::connect(SocketAddr::new(addr.0, port)).await
}

/// Resolves `host` (a name or an IP literal) and returns the address to connect to, if every
/// address it resolves to passes under `policy`.
pub async fn resolve(host: &str, port: u16, policy: GuardPolicy) -> Result<Allowed, ResolveError> {
    let literal = host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<IpAddr> = match literal.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => tokio::net::lookup_host((host, port))
            .await
            .map_err(|e| ResolveError::Lookup { host: host.to_string(), message: e.to_string() })?
            .map(|sa| sa.ip())
            .collect(),
    };
    Ok(guard_all(&addrs, policy)?)
}

/// Why [`resolve`] gave no address.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ResolveError {
    /// The name did not resolve.
    #[error("cannot resolve {host}: {message}")]
    Lookup { host: String, message: String },
    /// It resolved, and the guard refused it.
    #[error(transparent)]
    Guard(#[from] GuardError),
}

/// A resolver for HTTP clients (`reqwest::ClientBuilder::dns_resolver`) that hands the client
/// only the one address the guard allowed, so every connection the client opens to a name goes
/// where the guard looked. IP-literal URLs never reach a resolver: check them with
/// [`guard_url_host`] before sending.
#[derive(Debug, Clone, Copy)]
pub struct GuardedResolver {
    pub policy: GuardPolicy,
}

impl reqwest::dns::Resolve for GuardedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let policy = self.policy;
        Box::pin(async move {
            let allowed = resolve(name.as_str(), 0, policy).await.map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)?;
            let addrs: reqwest::dns::Addrs = Box::new(std::iter::once(SocketAddr::new(allowed.ip(), 0)));
            Ok(addrs)
        })
    }
}

/// Checks the host of a URL when it is an IP literal (a name is checked by [`GuardedResolver`]
/// when the client resolves it). An unparsable URL is refused by the HTTP client itself.
pub fn guard_url_host(url: &str, policy: GuardPolicy) -> Result<(), SsrfRefusal> {
    let Ok(parsed) = url::Url::parse(url) else { return Ok(()) };
    match parsed.host() {
        Some(url::Host::Ipv4(a)) => guard_with(IpAddr::V4(a), policy),
        Some(url::Host::Ipv6(a)) => guard_with(IpAddr::V6(a), policy),
        _ => Ok(()),
    }
}

fn mask4(len: u8) -> u32 {
    if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len.min(32))) }
}

fn mask6(len: u8) -> u128 {
    if len == 0 { 0 } else { u128::MAX << (128 - u32::from(len.min(128))) }
}

impl Range<Ipv4Addr> {
    pub fn contains(&self, a: Ipv4Addr) -> bool {
        u32::from(a) & mask4(self.len) == u32::from(self.net)
    }
}

impl Range<Ipv6Addr> {
    pub fn contains(&self, a: Ipv6Addr) -> bool {
        u128::from(a) & mask6(self.len) == u128::from(self.net)
    }
}

fn judge(kind: Kind, shown: IpAddr, policy: GuardPolicy) -> Result<(), SsrfRefusal> {
    match kind {
        Kind::Loopback if policy.allow_loopback => Ok(()),
        Kind::Private | Kind::UniqueLocal | Kind::SharedAddressSpace if policy.allow_private => Ok(()),
        k => k.refusal(shown).map_or(Ok(()), Err),
    }
}

fn guard_v4(a: Ipv4Addr, shown: IpAddr, policy: GuardPolicy) -> Result<(), SsrfRefusal> {
    match SPECIAL_V4.iter().find(|r| r.contains(a)) {
        Some(r) => judge(r.kind, shown, policy),
        None => Ok(()),
    }
}

fn guard_v6(a: Ipv6Addr, shown: IpAddr, policy: GuardPolicy) -> Result<(), SsrfRefusal> {
    let bits = u128::from(a);
    let Some(r) = SPECIAL_V6.iter().find(|r| r.contains(a)) else {
        // Only 2000::/3 is allocated for global unicast; anything else is reserved space.
        return if bits >> 125 == 0b001 { Ok(()) } else { Err(SsrfRefusal::Reserved(shown)) };
    };
    match r.kind {
        Kind::EmbedsIpv4Low32 => guard_v4(Ipv4Addr::from(bits as u32), shown, policy),
        Kind::Embeds6to4 => guard_v4(Ipv4Addr::from((bits >> 80) as u32), shown, policy),
        k => judge(k, shown, policy),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected outcome of one address: allowed, or refused as this kind.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Want {
        Allowed,
        Refused(Kind),
    }
    use Kind::*;
    use Want::{Allowed as Ok_, Refused as No};

    fn outcome(r: Result<(), SsrfRefusal>) -> Want {
        match r {
            Ok(()) => Want::Allowed,
            Err(e) => No(match e {
                SsrfRefusal::Loopback(_) => Loopback,
                SsrfRefusal::Private(_) => Private,
                SsrfRefusal::LinkLocal(_) => LinkLocal,
                SsrfRefusal::SharedAddressSpace(_) => SharedAddressSpace,
                SsrfRefusal::Multicast(_) => Multicast,
                SsrfRefusal::Unspecified(_) => Unspecified,
                SsrfRefusal::UniqueLocal(_) => UniqueLocal,
                SsrfRefusal::Reserved(_) => Reserved,
                SsrfRefusal::Tunnelled(_) => Tunnelled,
            }),
        }
    }

    fn check(addr: &str, allow_loopback: bool, want: Want) {
        let ip: IpAddr = addr.parse().expect("test address parses");
        assert_eq!(outcome(guard_target(ip, allow_loopback)), want, "{addr} allow_loopback={allow_loopback}");
    }

    #[test]
    fn addresses_refused_and_allowed() {
        let table: &[(&str, Want)] = &[
            // IPv4 special-purpose registry.
            ("0.0.0.0", No(Unspecified)),
            ("0.1.2.3", No(Unspecified)),
            ("10.1.2.3", No(Private)),
            ("100.64.0.1", No(SharedAddressSpace)),
            ("100.127.255.255", No(SharedAddressSpace)),
            ("100.128.0.1", Ok_),
            ("127.0.0.1", No(Loopback)),
            ("127.255.0.9", No(Loopback)),
            ("169.254.169.254", No(LinkLocal)),
            ("172.16.0.1", No(Private)),
            ("172.31.255.254", No(Private)),
            ("172.32.0.1", Ok_),
            ("192.0.0.1", No(Reserved)),
            ("192.0.0.9", No(Reserved)),
            ("192.0.0.170", No(Reserved)),
            ("192.0.2.1", No(Reserved)),
            ("192.88.99.1", No(Reserved)),
            ("192.168.1.1", No(Private)),
            ("198.18.0.1", No(Reserved)),
            ("198.19.255.1", No(Reserved)),
            ("198.20.0.1", Ok_),
            ("198.51.100.7", No(Reserved)),
            ("203.0.113.7", No(Reserved)),
            ("224.0.0.1", No(Multicast)),
            ("239.255.255.250", No(Multicast)),
            ("240.0.0.1", No(Reserved)),
            ("255.255.255.254", No(Reserved)),
            ("255.255.255.255", No(Multicast)),
            ("93.184.216.34", Ok_),
            ("8.8.8.8", Ok_),
            ("192.31.196.1", Ok_),
            // IPv6 special-purpose registry.
            ("::1", No(Loopback)),
            ("::", No(Unspecified)),
            ("::ffff:127.0.0.1", No(Loopback)),
            ("::ffff:10.0.0.1", No(Private)),
            ("::ffff:169.254.169.254", No(LinkLocal)),
            ("::ffff:8.8.8.8", Ok_),
            ("::ffff:0:127.0.0.1", No(Tunnelled)),
            ("::ffff:0:8.8.8.8", No(Tunnelled)),
            ("::127.0.0.1", No(Tunnelled)),
            ("::8.8.8.8", No(Tunnelled)),
            ("64:ff9b::a00:1", No(Private)),
            ("64:ff9b::7f00:1", No(Loopback)),
            ("64:ff9b::808:808", Ok_),
            ("64:ff9b:1::808:808", No(Tunnelled)),
            ("64:ff9b:1:ffff::1", No(Tunnelled)),
            ("100::1", No(Reserved)),
            ("100::1:0:0:1", No(Reserved)),
            ("2001::1", No(Tunnelled)),
            ("2001:0:4136:e378:8000:63bf:3fff:fdd2", No(Tunnelled)),
            ("2001:2::1", No(Reserved)),
            ("2001:1::1", No(Reserved)),
            ("2001:20::1", No(Reserved)),
            ("2001:1ff::1", No(Reserved)),
            ("2001:200::1", Ok_),
            ("2001:db8::1", No(Reserved)),
            ("2002:7f00:1::", No(Loopback)),
            ("2002:a9fe:a9fe::", No(LinkLocal)),
            ("2002:808:808::", Ok_),
            ("3fff::1", No(Reserved)),
            ("5f00::1", No(Reserved)),
            ("fc00::1", No(UniqueLocal)),
            ("fd12:3456::1", No(UniqueLocal)),
            ("fe80::1", No(LinkLocal)),
            ("febf::1", No(LinkLocal)),
            ("fec0::1", No(UniqueLocal)),
            ("ff02::1", No(Multicast)),
            ("ff0e::1", No(Multicast)),
            ("4000::1", No(Reserved)),
            ("1::1", No(Reserved)),
            ("2606:4700::1111", Ok_),
            ("2a00:1450:4007::200e", Ok_),
        ];
        for (addr, want) in table {
            check(addr, false, *want);
        }
    }

    #[test]
    fn loopback_only_when_told() {
        for a in ["127.0.0.1", "::1", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::"] {
            check(a, true, Ok_);
        }
        check("10.0.0.1", true, No(Private));
        check("::ffff:0:127.0.0.1", true, No(Tunnelled));
        check("::127.0.0.1", true, No(Tunnelled));
    }

    #[test]
    fn ranges_are_networks_with_names() {
        for r in SPECIAL_V4 {
            assert!(r.len <= 32 && !r.name.is_empty(), "{r:?}");
            assert_eq!(u32::from(r.net) & !mask4(r.len), 0, "{r:?} has host bits set");
            assert!(r.contains(r.net));
            assert!(!matches!(r.kind, EmbedsIpv4Low32 | Embeds6to4), "{r:?}: IPv4 ranges embed nothing");
        }
        for r in SPECIAL_V6 {
            assert!(r.len <= 128 && !r.name.is_empty(), "{r:?}");
            assert_eq!(u128::from(r.net) & !mask6(r.len), 0, "{r:?} has host bits set");
            assert!(r.contains(r.net));
        }
        // A more specific entry listed after a broader one would never be reached.
        for (i, later) in SPECIAL_V6.iter().enumerate() {
            for earlier in &SPECIAL_V6[..i] {
                assert!(!(earlier.contains(later.net) && earlier.len < later.len), "{later:?} is shadowed by {earlier:?}");
            }
        }
        for (i, later) in SPECIAL_V4.iter().enumerate() {
            for earlier in &SPECIAL_V4[..i] {
                assert!(!(earlier.contains(later.net) && earlier.len < later.len), "{later:?} is shadowed by {earlier:?}");
            }
        }
    }

    #[test]
    fn guard_all_refuses_a_name_that_also_points_inside() {
        let public: IpAddr = "93.184.216.34".parse().expect("ip");
        let inside: IpAddr = "10.0.0.1".parse().expect("ip");
        let policy = GuardPolicy::default();
        assert_eq!(guard_all(&[public], policy).map(Allowed::ip), Ok(public));
        assert_eq!(guard_all(&[public, inside], policy), Err(GuardError::Refused(SsrfRefusal::Private(inside))));
        assert_eq!(guard_all(&[], policy), Err(GuardError::NoAddress));
    }

    #[test]
    fn operator_approved_targets_may_be_internal_but_never_link_local() {
        let approved = GuardPolicy::OPERATOR_APPROVED;
        for ok in ["10.1.2.3", "172.16.0.9", "192.168.1.1", "100.64.0.1", "127.0.0.1", "::1", "fd00::1", "::ffff:10.0.0.1", "93.184.216.34"]
        {
            let ip: IpAddr = ok.parse().expect("ip");
            assert_eq!(guard_with(ip, approved), Ok(()), "{ok}");
        }
        let refused: &[(&str, SsrfRefusal)] = &[
            ("169.254.169.254", SsrfRefusal::LinkLocal("169.254.169.254".parse().expect("ip"))),
            ("fe80::1", SsrfRefusal::LinkLocal("fe80::1".parse().expect("ip"))),
            ("::ffff:169.254.169.254", SsrfRefusal::LinkLocal("::ffff:169.254.169.254".parse().expect("ip"))),
            ("224.0.0.1", SsrfRefusal::Multicast("224.0.0.1".parse().expect("ip"))),
            ("0.0.0.0", SsrfRefusal::Unspecified("0.0.0.0".parse().expect("ip"))),
            ("192.0.2.1", SsrfRefusal::Reserved("192.0.2.1".parse().expect("ip"))),
            ("2001::1", SsrfRefusal::Tunnelled("2001::1".parse().expect("ip"))),
        ];
        for (addr, want) in refused {
            let ip: IpAddr = addr.parse().expect("ip");
            assert_eq!(guard_with(ip, approved), Err(*want), "{addr}");
        }
        // The public policy refuses what the operator-approved one allows.
        assert!(guard_with("10.1.2.3".parse().expect("ip"), GuardPolicy::PUBLIC).is_err());
        assert!(guard_with("127.0.0.1".parse().expect("ip"), GuardPolicy::PUBLIC).is_err());
    }

    #[test]
    fn url_hosts_that_are_ip_literals_are_judged() {
        let public = GuardPolicy::PUBLIC;
        assert!(guard_url_host("http://169.254.169.254/latest/meta-data/", GuardPolicy::OPERATOR_APPROVED).is_err());
        assert!(guard_url_host("http://[::1]:8080/taxii2/", public).is_err());
        assert!(guard_url_host("http://127.0.0.1:8080/taxii2/", public).is_err());
        assert_eq!(guard_url_host("http://127.0.0.1:8080/taxii2/", GuardPolicy::OPERATOR_APPROVED), Ok(()));
        // Names are left to the resolver.
        assert_eq!(guard_url_host("https://hub.example/taxii2/", public), Ok(()));
    }

    #[tokio::test]
    async fn resolution_is_judged_under_the_policy() {
        let refused = resolve("localhost", 80, GuardPolicy::PUBLIC).await;
        assert!(matches!(refused, Err(ResolveError::Guard(GuardError::Refused(SsrfRefusal::Loopback(_))))), "{refused:?}");
        let literal = resolve("[::1]", 80, GuardPolicy::OPERATOR_APPROVED).await.expect("loopback literal allowed");
        assert_eq!(literal.ip(), "::1".parse::<IpAddr>().expect("ip"));
        let metadata = resolve("169.254.169.254", 80, GuardPolicy::OPERATOR_APPROVED).await;
        assert!(matches!(metadata, Err(ResolveError::Guard(GuardError::Refused(SsrfRefusal::LinkLocal(_))))), "{metadata:?}");
    }
}
