//! A small stub resolver client: one recursive resolver, UDP with TCP fallback, DO and CD bits.
//!
//! Why not hickory-resolver: the DNSSEC checks need the raw answer and authority sections with
//! their RRSIGs and NSEC/NSEC3 records exactly as the resolver sent them (CD set, so bogus data
//! still comes back), and the posture checks must tell NXDOMAIN, NODATA, SERVFAIL and timeouts
//! apart. hickory-proto does the wire format; this module only moves bytes.

use std::net::SocketAddr;
use std::time::Duration;

use hickory_proto::op::{Edns, Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::{Name, RData, Record, RecordType};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UdpSocket};

/// Why a lookup produced no usable answer. Distinct from "the name has no such record".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsError {
    /// No answer within the per-query timeout (after retries).
    Timeout,
    /// The resolver answered SERVFAIL (often: a broken or bogus zone upstream).
    ServFail,
    /// The resolver refused the query.
    Refused,
    /// Any other error rcode.
    Rcode(String),
    /// The answer could not be parsed.
    Malformed(String),
    /// A socket error.
    Io(String),
}

impl std::fmt::Display for DnsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DnsError::Timeout => write!(f, "timeout"),
            DnsError::ServFail => write!(f, "SERVFAIL"),
            DnsError::Refused => write!(f, "REFUSED"),
            DnsError::Rcode(r) => write!(f, "rcode {r}"),
            DnsError::Malformed(m) => write!(f, "malformed answer: {m}"),
            DnsError::Io(e) => write!(f, "network error: {e}"),
        }
    }
}

/// The outcome of one query, keeping "absent" and "failed" apart.
#[derive(Debug, Clone)]
pub enum Lookup {
    /// NOERROR with at least one answer record (of any type: CNAMEs and RRSIGs included).
    Answer(Message),
    /// NOERROR and no answer: the name exists, the type does not.
    NoData(Message),
    /// The name does not exist.
    NxDomain(Message),
    /// The lookup failed; nothing is known about the name.
    Failed(DnsError),
}

impl Lookup {
    /// Records of `rtype` in the answer section (following CNAMEs is the resolver's job).
    pub fn records(&self, rtype: RecordType) -> Vec<&Record> {
        match self {
            Lookup::Answer(m) => m.answers.iter().filter(|r| r.record_type() == rtype).collect(),
            _ => Vec::new(),
        }
    }

    /// RData of `rtype` in the answer section.
    pub fn rdata(&self, rtype: RecordType) -> Vec<&RData> {
        self.records(rtype).into_iter().map(|r| &r.data).collect()
    }

    /// True when the name or type is absent (NXDOMAIN, NODATA, or an answer holding only other types).
    pub fn is_absent(&self, rtype: RecordType) -> bool {
        match self {
            Lookup::Answer(_) => self.records(rtype).is_empty(),
            Lookup::NoData(_) | Lookup::NxDomain(_) => true,
            Lookup::Failed(_) => false,
        }
    }

    /// The failure, if the lookup failed.
    pub fn error(&self) -> Option<&DnsError> {
        match self {
            Lookup::Failed(e) => Some(e),
            _ => None,
        }
    }

    /// The whole message, when there is one.
    pub fn message(&self) -> Option<&Message> {
        match self {
            Lookup::Answer(m) | Lookup::NoData(m) | Lookup::NxDomain(m) => Some(m),
            Lookup::Failed(_) => None,
        }
    }

    /// TXT strings of each TXT record, each record's strings concatenated (RFC 7208 3.3).
    pub fn txt(&self) -> Vec<String> {
        self.rdata(RecordType::TXT)
            .into_iter()
            .filter_map(|d| match d {
                RData::TXT(t) => {
                    let mut bytes = Vec::new();
                    for s in t.txt_data.iter() {
                        bytes.extend_from_slice(s);
                    }
                    Some(String::from_utf8_lossy(&bytes).into_owned())
                }
                _ => None,
            })
            .collect()
    }
}

/// Resolver client settings.
#[derive(Debug, Clone)]
pub struct Client {
    /// The recursive resolver.
    pub server: SocketAddr,
    /// Per-attempt timeout.
    pub timeout: Duration,
    /// UDP attempts before giving up.
    pub attempts: u32,
}

/// EDNS buffer size from the DNS flag day 2020 advice: avoids fragmentation, forces TCP for big answers.
const EDNS_PAYLOAD: u16 = 1232;
/// Upper bound on a TCP answer we accept; a DNS message cannot exceed 65535 anyway.
const MAX_TCP: usize = 65535;

impl Client {
    /// New client for `server`.
    pub fn new(server: SocketAddr) -> Self {
        Client { server, timeout: Duration::from_millis(1500), attempts: 2 }
    }

    /// Query `name`/`rtype` with RD, DO and CD set (CD so that bogus data still comes back to us).
    pub async fn query(&self, name: &Name, rtype: RecordType) -> Lookup {
        let mut msg = Message::new(rand_id(), MessageType::Query, OpCode::Query);
        msg.metadata.recursion_desired = true;
        msg.metadata.checking_disabled = true;
        let mut q = Query::query(name.clone(), rtype);
        q.query_class = hickory_proto::rr::DNSClass::IN;
        msg.add_query(q);
        let mut edns = Edns::new();
        edns.set_max_payload(EDNS_PAYLOAD);
        edns.set_dnssec_ok(true);
        msg.set_edns(edns);
        let wire = match msg.to_vec() {
            Ok(w) => w,
            Err(e) => return Lookup::Failed(DnsError::Malformed(e.to_string())),
        };
        let id = msg.metadata.id;
        let mut last = DnsError::Timeout;
        for _ in 0..self.attempts.max(1) {
            match self.udp(&wire, id, name, rtype).await {
                Ok(resp) if resp.metadata.truncation => {
                    return match self.tcp(&wire, id, name, rtype).await {
                        Ok(m) => classify(m),
                        Err(e) => Lookup::Failed(e),
                    };
                }
                Ok(resp) => return classify(resp),
                Err(DnsError::Timeout) => last = DnsError::Timeout,
                Err(e) => return Lookup::Failed(e),
            }
        }
        // A resolver that drops UDP may still speak TCP.
        match self.tcp(&wire, id, name, rtype).await {
            Ok(m) => classify(m),
            Err(_) => Lookup::Failed(last),
        }
    }

    async fn udp(&self, wire: &[u8], id: u16, name: &Name, rtype: RecordType) -> Result<Message, DnsError> {
        let bind: SocketAddr =
            if self.server.is_ipv4() { "0.0.0.0:0" } else { "[::]:0" }.parse().map_err(|_| DnsError::Io("bind address".into()))?;
        let sock = UdpSocket::bind(bind).await.map_err(|e| DnsError::Io(e.to_string()))?;
        sock.connect(self.server).await.map_err(|e| DnsError::Io(e.to_string()))?;
        sock.send(wire).await.map_err(|e| DnsError::Io(e.to_string()))?;
        let mut buf = vec![0u8; 4096];
        let deadline = tokio::time::Instant::now() + self.timeout;
        loop {
            let n = match tokio::time::timeout_at(deadline, sock.recv(&mut buf)).await {
                Err(_) => return Err(DnsError::Timeout),
                Ok(Err(e)) => return Err(DnsError::Io(e.to_string())),
                Ok(Ok(n)) => n,
            };
            // Ignore stray datagrams that do not answer our question (spoofing hygiene).
            if let Ok(m) = Message::from_vec(&buf[..n]) {
                if matches_query(&m, id, name, rtype) {
                    return Ok(m);
                }
            } else if n >= 2 && u16::from_be_bytes([buf[0], buf[1]]) == id {
                return Err(DnsError::Malformed("undecodable UDP answer".into()));
            }
        }
    }

    async fn tcp(&self, wire: &[u8], id: u16, name: &Name, rtype: RecordType) -> Result<Message, DnsError> {
        let work = async {
            let mut s = TcpStream::connect(self.server).await.map_err(|e| DnsError::Io(e.to_string()))?;
            let len = u16::try_from(wire.len()).map_err(|_| DnsError::Malformed("query too long".into()))?;
            let mut out = len.to_be_bytes().to_vec();
            out.extend_from_slice(wire);
            s.write_all(&out).await.map_err(|e| DnsError::Io(e.to_string()))?;
            let mut lb = [0u8; 2];
            s.read_exact(&mut lb).await.map_err(|e| DnsError::Io(e.to_string()))?;
            let n = usize::from(u16::from_be_bytes(lb)).min(MAX_TCP);
            let mut buf = vec![0u8; n];
            s.read_exact(&mut buf).await.map_err(|e| DnsError::Io(e.to_string()))?;
            let m = Message::from_vec(&buf).map_err(|e| DnsError::Malformed(e.to_string()))?;
            if matches_query(&m, id, name, rtype) {
                Ok(m)
            } else {
                Err(DnsError::Malformed("TCP answer does not match the question".into()))
            }
        };
        match tokio::time::timeout(self.timeout, work).await {
            Ok(r) => r,
            Err(_) => Err(DnsError::Timeout),
        }
    }
}

fn matches_query(m: &Message, id: u16, name: &Name, rtype: RecordType) -> bool {
    m.metadata.id == id
        && m.metadata.message_type == MessageType::Response
        && m.queries.first().is_some_and(|q| q.query_type == rtype && &q.name == name)
}

fn classify(m: Message) -> Lookup {
    match m.metadata.response_code {
        ResponseCode::NoError if m.answers.is_empty() => Lookup::NoData(m),
        ResponseCode::NoError => Lookup::Answer(m),
        ResponseCode::NXDomain => Lookup::NxDomain(m),
        ResponseCode::ServFail => Lookup::Failed(DnsError::ServFail),
        ResponseCode::Refused => Lookup::Failed(DnsError::Refused),
        other => Lookup::Failed(DnsError::Rcode(format!("{other:?}"))),
    }
}

fn rand_id() -> u16 {
    use std::sync::atomic::{AtomicU32, Ordering};
    // Not a security boundary against off-path spoofing here (the resolver is configured and
    // local); a counter mixed with the clock is enough to keep concurrent queries apart.
    static N: AtomicU32 = AtomicU32::new(0);
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let c = N.fetch_add(1, Ordering::Relaxed);
    ((t ^ c.wrapping_mul(0x9E37_79B9)) & 0xFFFF) as u16
}

/// Parse a user-supplied domain: IDNs converted to A-labels, trailing dot optional.
pub fn parse_domain(input: &str) -> Result<Name, String> {
    let trimmed = input.trim().trim_end_matches('.');
    if trimmed.is_empty() {
        return Err("empty domain".into());
    }
    let ascii = idna::domain_to_ascii(trimmed).map_err(|e| format!("invalid IDN: {e:?}"))?;
    if ascii.len() > 253 || ascii.split('.').any(|l| l.is_empty() || l.len() > 63) {
        return Err("not a valid domain name".into());
    }
    if !ascii.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_') {
        return Err("not a valid host name".into());
    }
    let mut n = Name::from_ascii(&ascii).map_err(|e| e.to_string())?;
    n.set_fqdn(true);
    Ok(n.to_lowercase())
}

/// Append `suffix` labels to a prefix like "_dmarc".
pub fn prefixed(prefix: &str, name: &Name) -> Option<Name> {
    Name::from_ascii(prefix).ok()?.append_domain(name).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Result<&str, ()>) {
        let got = parse_domain(input).map(|n| n.to_ascii());
        match expected {
            Ok(e) => assert_eq!(got.as_deref(), Ok(e), "{input}"),
            Err(()) => assert!(got.is_err(), "{input} should be rejected, got {got:?}"),
        }
    }

    #[test]
    fn domains_are_normalised_or_rejected() {
        check("Example.POST", Ok("example.post."));
        check("example.post.", Ok("example.post."));
        check("bücher.post", Ok("xn--bcher-kva.post."));
        check("", Err(()));
        check("a..b", Err(()));
        check("exa mple.post", Err(()));
        check(&format!("{}.post", "a".repeat(64)), Err(()));
    }
}
