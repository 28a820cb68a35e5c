//! The RPZ face: one collection's blocklist as a DNS Response Policy Zone that resolvers follow
//! as secondaries. SOA and NS over UDP and TCP, AXFR (RFC 5936) and IXFR (RFC 1995) over TCP,
//! and NOTIFY (RFC 1996) to the configured resolvers whenever the zone changes, so a new
//! indicator is blocked within seconds and a revoked one stops being blocked as fast.
//!
//! The zone holds exactly what `/feeds/{collection}/rpz` holds for the subscriber organisation
//! (`tlp::may_read` through the hub, official brand domains never included). DNS has no bearer
//! tokens: only addresses on the allow list get an answer, everyone else `REFUSED`.

use std::collections::{BTreeSet, VecDeque};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use hickory_proto::op::{Message, MessageType, OpCode, Query, ResponseCode};
use hickory_proto::rr::rdata::{CNAME, NS, SOA};
use hickory_proto::rr::{DNSClass, Name, RData, Record, RecordType};
use hub::{Hub, Principal};
use tlp::Tlp;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream, UdpSocket};

/// Versions of the zone kept to answer IXFR with only the change.
const HISTORY: usize = 32;
/// Records per message of a zone transfer.
const RECORDS_PER_MESSAGE: usize = 400;
/// TTL of every record (and the SOA minimum): resolvers follow changes by NOTIFY, not by TTL.
const TTL: u32 = 300;
/// An idle transfer connection is closed after this.
const TCP_IDLE: Duration = Duration::from_secs(10);

/// What to serve and to whom.
#[derive(Debug, Clone)]
pub struct RpzConfig {
    /// UDP and TCP address of the zone.
    pub listen: SocketAddr,
    /// The zone's name (`rpz.postern`).
    pub zone: String,
    /// The collection whose indicators are the zone.
    pub collection: String,
    /// The subscriber organisation: the zone holds what it may read.
    pub org: String,
    /// The most restrictive TLP level included.
    pub ceiling: Tlp,
    /// Who may query and transfer the zone.
    pub allow: Vec<ipnet::IpNet>,
    /// Resolvers told of every new serial (they must allow NOTIFY from this host).
    pub notify: Vec<SocketAddr>,
    /// How often the collection is read again.
    pub refresh: Duration,
    /// Walled-garden host blocked names are sent to instead of NXDOMAIN.
    pub garden: Option<String>,
}

/// Why the RPZ face cannot start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RpzError {
    /// The zone or walled-garden name is not a DNS name.
    #[error("RPZ name {name:?}: {reason}")]
    Name { name: String, reason: String },
    /// The subscriber organisation or the collection is unknown or unreadable.
    #[error("RPZ of collection {collection:?} for {org:?}: {reason}")]
    Hub { collection: String, org: String, reason: String },
    /// The address could not be bound.
    #[error("cannot serve the RPZ on {addr}: {source}")]
    Bind { addr: SocketAddr, source: std::io::Error },
}

/// One version of the zone: its serial and the blocked domains.
#[derive(Debug, Clone)]
struct Version {
    serial: u32,
    domains: Arc<BTreeSet<String>>,
}

/// The zone as served: the current version and the recent ones (oldest first).
struct Zone {
    apex: Name,
    target: Name,
    current: Version,
    history: VecDeque<Version>,
}

/// The running RPZ face: its bound address.
pub struct Rpz {
    pub addr: SocketAddr,
}

/// Reads the collection once, binds `config.listen` (TCP and UDP on the same port) and starts
/// answering, re-reading the collection every `config.refresh` and sending NOTIFY on change.
/// Must be called inside the tokio runtime.
pub async fn start(
    hub: Hub,
    analyzer: Arc<links::Analyzer>,
    decay: Arc<monitor::decay::Decay>,
    config: RpzConfig,
) -> Result<Rpz, RpzError> {
    let apex = dns_name(&config.zone)?;
    let target = match &config.garden {
        Some(g) => dns_name(g)?,
        None => Name::root(),
    };
    let hub_error = |reason: String| RpzError::Hub { collection: config.collection.clone(), org: config.org.clone(), reason };
    let org = hub.org(&config.org).map_err(|e| hub_error(e.to_string()))?;
    let who = Principal::Member { org, token_id: "rpz".into(), role: store::Role::Reader };
    let read =
        Reader { hub, who, collection: config.collection.clone(), ceiling: config.ceiling, analyzer, decay, cache: Default::default() };
    let first = read.domains().await.map_err(hub_error)?.unwrap_or_default();
    let serial = u32::try_from(first.0).unwrap_or(u32::MAX).max(1);
    let zone = Zone { apex, target, current: Version { serial, domains: Arc::new(first.1) }, history: VecDeque::new() };
    let zone = Arc::new(RwLock::new(zone));
    let bind = |source| RpzError::Bind { addr: config.listen, source };
    let tcp = TcpListener::bind(config.listen).await.map_err(bind)?;
    let addr = tcp.local_addr().map_err(bind)?;
    let udp = Arc::new(UdpSocket::bind(addr).await.map_err(bind)?);
    let allow = Arc::new(config.allow.clone());
    tokio::spawn(serve_udp(udp, zone.clone(), allow.clone()));
    tokio::spawn(serve_tcp(tcp, zone.clone(), allow));
    tokio::spawn(follow(read, zone, config.refresh, config.notify.clone()));
    tracing::info!(%addr, zone = %config.zone, collection = %config.collection, "RPZ served");
    Ok(Rpz { addr })
}

fn dns_name(s: &str) -> Result<Name, RpzError> {
    let text = format!("{}.", s.trim_end_matches('.'));
    Name::from_ascii(&text).map_err(|e| RpzError::Name { name: s.to_string(), reason: e.to_string() })
}

/// The whole collection is read again this often; in between, only what was added since the
/// last read (a deleted object or a changed grant is seen at the next whole read).
const FULL_READ_EVERY: Duration = Duration::from_secs(300);
/// An incremental read starts this far before the newest `date_added` seen, so an object
/// stored in the same instant as the last read is not missed (reading one twice is harmless).
const OVERLAP_US: i64 = 2_000_000;
/// When nothing was added, the selection is still made again this often, so that indicators
/// leave the zone when they expire or decay.
const RESELECT_EVERY: Duration = Duration::from_secs(30);

/// Reads the collection as the subscriber.
#[derive(Clone)]
struct Reader {
    hub: Hub,
    who: Principal,
    collection: String,
    ceiling: Tlp,
    analyzer: Arc<links::Analyzer>,
    decay: Arc<monitor::decay::Decay>,
    /// The latest version of every object read, by id, and when the last whole read was.
    cache: Arc<std::sync::Mutex<Cache>>,
}

#[derive(Default)]
struct Cache {
    objects: std::collections::HashMap<String, (serde_json::Value, i64)>,
    newest_us: i64,
    full_at: Option<std::time::Instant>,
    /// When the selection was last made.
    selected_at: Option<std::time::Instant>,
}

impl Reader {
    /// The feed's serial and domains now: the objects added since the last read merged into
    /// those already read (the whole collection every [`FULL_READ_EVERY`]), then the same
    /// selection as `/feeds/{collection}/rpz` (revocation, expiry, decay, official domains).
    /// `None` when nothing was added and the last selection is recent: the zone stands.
    async fn domains(&self) -> Result<Option<(u64, BTreeSet<String>)>, String> {
        let me = self.clone();
        tokio::task::spawn_blocking(move || me.refresh()).await.map_err(|e| e.to_string())?
    }

    fn refresh(&self) -> Result<Option<(u64, BTreeSet<String>)>, String> {
        let mut cache = self.cache.lock().map_err(|e| e.to_string())?;
        let full = cache.full_at.is_none_or(|t| t.elapsed() >= FULL_READ_EVERY);
        let after = (!full).then(|| cache.newest_us - OVERLAP_US);
        let (read, withheld) =
            crate::api::feeds::feed_objects(&self.hub, &self.who, &self.collection, self.ceiling, after).map_err(|e| e.to_string())?;
        if full {
            *cache = Cache { full_at: Some(std::time::Instant::now()), ..Cache::default() };
        }
        let mut changed = full;
        for id in withheld {
            changed |= cache.objects.remove(&id).is_some();
        }
        for (o, added) in read {
            cache.newest_us = cache.newest_us.max(added);
            if let Some(id) = o["id"].as_str() {
                // The overlap reads the newest objects again: only another version is a change.
                changed |= cache.objects.insert(id.to_string(), (o, added)).is_none_or(|(_, before)| before != added);
            }
        }
        if !changed && cache.selected_at.is_some_and(|t| t.elapsed() < RESELECT_EVERY) {
            return Ok(None);
        }
        cache.selected_at = Some(std::time::Instant::now());
        let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let lifetimes = monitor::feeds::Lifetimes { decay: &self.decay, collection: &self.collection };
        let objects = cache.objects.values().map(|(o, added)| (o.clone(), *added));
        let snap = monitor::feeds::select(objects, &now, |d| self.analyzer.official_brand(d).is_some(), lifetimes);
        Ok(Some((snap.serial, snap.items.into_iter().map(|i| i.domain).collect())))
    }
}

/// Re-reads the collection; a changed set of domains is a new version with a higher serial,
/// announced by NOTIFY.
async fn follow(read: Reader, zone: Arc<RwLock<Zone>>, every: Duration, notify: Vec<SocketAddr>) {
    loop {
        tokio::time::sleep(every).await;
        let (serial, domains) = match read.domains().await {
            Ok(Some(d)) => d,
            Ok(None) => continue,
            Err(e) => {
                tracing::warn!(error = %e, "RPZ: reading the collection failed; the zone stays as it was");
                continue;
            }
        };
        let (apex, new_serial) = {
            let Ok(mut z) = zone.write() else { return };
            if *z.current.domains == domains {
                continue;
            }
            // Serials only increase (RFC 1982): two changes in one second still get two.
            let next = u32::try_from(serial).unwrap_or(u32::MAX).max(z.current.serial.wrapping_add(1));
            let old = std::mem::replace(&mut z.current, Version { serial: next, domains: Arc::new(domains) });
            z.history.push_back(old);
            if z.history.len() > HISTORY {
                z.history.pop_front();
            }
            (z.apex.clone(), next)
        };
        tracing::info!(serial = new_serial, "RPZ changed");
        for to in &notify {
            tokio::spawn(send_notify(*to, apex.clone(), new_serial));
        }
    }
}

/// NOTIFY (RFC 1996) to one resolver, retried three times a second apart until it answers.
async fn send_notify(to: SocketAddr, apex: Name, serial: u32) {
    let local: SocketAddr = if to.is_ipv4() { ([0, 0, 0, 0], 0).into() } else { (std::net::Ipv6Addr::UNSPECIFIED, 0).into() };
    let Ok(socket) = UdpSocket::bind(local).await else { return };
    let mut msg = Message::new(rand::random(), MessageType::Query, OpCode::Notify);
    msg.metadata.authoritative = true;
    msg.add_query(query(apex.clone(), RecordType::SOA));
    msg.add_answer(soa(&apex, serial));
    let Ok(wire) = msg.to_vec() else { return };
    let mut buf = [0u8; 512];
    for _ in 0..3 {
        if socket.send_to(&wire, to).await.is_err() {
            break;
        }
        if let Ok(Ok((n, from))) = tokio::time::timeout(Duration::from_secs(1), socket.recv_from(&mut buf)).await
            && from == to
            && Message::from_vec(&buf[..n]).is_ok_and(|m| m.metadata.id == msg.metadata.id)
        {
            tracing::debug!(%to, serial, "RPZ NOTIFY acknowledged");
            return;
        }
    }
    tracing::warn!(%to, serial, "RPZ NOTIFY not acknowledged");
}

async fn serve_udp(socket: Arc<UdpSocket>, zone: Arc<RwLock<Zone>>, allow: Arc<Vec<ipnet::IpNet>>) {
    let mut buf = vec![0u8; 4096];
    loop {
        let Ok((n, peer)) = socket.recv_from(&mut buf).await else { continue };
        let Some(replies) = respond(&zone, &buf[..n], peer.ip(), &allow, false) else { continue };
        for r in replies {
            let _ = socket.send_to(&r, peer).await;
        }
    }
}

async fn serve_tcp(listener: TcpListener, zone: Arc<RwLock<Zone>>, allow: Arc<Vec<ipnet::IpNet>>) {
    loop {
        let Ok((stream, peer)) = listener.accept().await else { continue };
        tokio::spawn(serve_connection(stream, peer, zone.clone(), allow.clone()));
    }
}

/// Answers the length-prefixed messages of one connection until it closes or idles.
async fn serve_connection(mut stream: TcpStream, peer: SocketAddr, zone: Arc<RwLock<Zone>>, allow: Arc<Vec<ipnet::IpNet>>) {
    loop {
        let mut len = [0u8; 2];
        match tokio::time::timeout(TCP_IDLE, stream.read_exact(&mut len)).await {
            Ok(Ok(_)) => {}
            _ => return,
        }
        let mut msg = vec![0u8; usize::from(u16::from_be_bytes(len))];
        if !matches!(tokio::time::timeout(TCP_IDLE, stream.read_exact(&mut msg)).await, Ok(Ok(_))) {
            return;
        }
        let Some(replies) = respond(&zone, &msg, peer.ip(), &allow, true) else { return };
        for r in replies {
            let Ok(n) = u16::try_from(r.len()) else { return };
            if stream.write_all(&n.to_be_bytes()).await.is_err() || stream.write_all(&r).await.is_err() {
                return;
            }
        }
    }
}

/// The wire answers to one request; `None` for what deserves no answer (responses, garbage).
fn respond(zone: &RwLock<Zone>, wire: &[u8], peer: IpAddr, allow: &[ipnet::IpNet], tcp: bool) -> Option<Vec<Vec<u8>>> {
    let req = Message::from_vec(wire).ok()?;
    if req.metadata.message_type != MessageType::Query {
        return None;
    }
    let z = zone.read().ok()?;
    let messages = answer(&z, &req, allow.iter().any(|n| n.contains(&peer)), tcp);
    Some(messages.iter().filter_map(|m| m.to_vec().ok()).collect())
}

/// The messages answering `req`: refusals, SOA, NS, AXFR or IXFR.
fn answer(z: &Zone, req: &Message, allowed: bool, tcp: bool) -> Vec<Message> {
    let id = req.metadata.id;
    let fail = |code| {
        let mut m = Message::error_msg(id, req.metadata.op_code, code);
        m.add_queries(req.queries.iter().cloned());
        vec![m]
    };
    if req.metadata.op_code != OpCode::Query {
        return fail(ResponseCode::NotImp);
    }
    if !allowed {
        return fail(ResponseCode::Refused);
    }
    let [q] = req.queries.as_slice() else { return fail(ResponseCode::FormErr) };
    if q.query_class != DNSClass::IN || !q.name.eq_ignore_root(&z.apex) {
        return fail(ResponseCode::Refused);
    }
    let cur = &z.current;
    let reply = |answers: Vec<Record>| {
        let mut m = Message::response(id, OpCode::Query);
        m.metadata.authoritative = true;
        m.add_query(q.clone());
        m.add_answers(answers);
        m
    };
    match q.query_type {
        RecordType::SOA => vec![reply(vec![soa(&z.apex, cur.serial)])],
        RecordType::NS => vec![reply(vec![ns(&z.apex)])],
        RecordType::AXFR if tcp => transfer(full(z), reply),
        RecordType::IXFR if tcp => {
            let theirs = req.authorities.iter().find_map(|r| match &r.data {
                RData::SOA(s) => Some(s.serial),
                _ => None,
            });
            transfer(incremental(z, theirs), reply)
        }
        // Transfers over UDP: the current SOA tells the secondary to come over TCP.
        RecordType::AXFR | RecordType::IXFR => vec![reply(vec![soa(&z.apex, cur.serial)])],
        _ => fail(ResponseCode::Refused),
    }
}

/// Cuts a transfer's records into messages.
fn transfer(records: Vec<Record>, reply: impl Fn(Vec<Record>) -> Message) -> Vec<Message> {
    records.chunks(RECORDS_PER_MESSAGE).map(|c| reply(c.to_vec())).collect()
}

/// AXFR: SOA, NS, two CNAMEs per blocked domain, SOA.
fn full(z: &Zone) -> Vec<Record> {
    let mut out = vec![soa(&z.apex, z.current.serial), ns(&z.apex)];
    for d in z.current.domains.iter() {
        out.extend(triggers(z, d));
    }
    out.push(soa(&z.apex, z.current.serial));
    out
}

/// IXFR from the secondary's serial: only the change when that version is still known, its
/// SOA alone when it is current, the whole zone otherwise (RFC 1995 section 4).
fn incremental(z: &Zone, theirs: Option<u32>) -> Vec<Record> {
    let cur = &z.current;
    if theirs == Some(cur.serial) {
        return vec![soa(&z.apex, cur.serial)];
    }
    let Some(old) = z.history.iter().find(|v| Some(v.serial) == theirs) else { return full(z) };
    let mut out = vec![soa(&z.apex, cur.serial), soa(&z.apex, old.serial)];
    for d in old.domains.difference(&cur.domains) {
        out.extend(triggers(z, d));
    }
    out.push(soa(&z.apex, cur.serial));
    for d in cur.domains.difference(&old.domains) {
        out.extend(triggers(z, d));
    }
    out.push(soa(&z.apex, cur.serial));
    out
}

/// The RPZ triggers of one domain: the name and its subdomains, rewritten to NXDOMAIN
/// (`CNAME .`) or to the walled garden. A domain that makes no valid name under the zone (too
/// long) has none.
fn triggers(z: &Zone, domain: &str) -> Vec<Record> {
    let Ok(name) = Name::from_ascii(domain).and_then(|n| n.append_domain(&z.apex)) else { return Vec::new() };
    let Ok(wild) = Name::from_ascii("*").and_then(|w| w.append_domain(&name)) else { return Vec::new() };
    [name, wild].into_iter().map(|n| Record::from_rdata(n, TTL, RData::CNAME(CNAME(z.target.clone())))).collect()
}

fn soa(apex: &Name, serial: u32) -> Record {
    let host = Name::from_ascii("localhost.").unwrap_or_else(|_| Name::root());
    let mail = Name::from_ascii("hostmaster.localhost.").unwrap_or_else(|_| Name::root());
    Record::from_rdata(apex.clone(), TTL, RData::SOA(SOA::new(host, mail, serial, 300, 60, 604_800, TTL)))
}

fn ns(apex: &Name) -> Record {
    Record::from_rdata(apex.clone(), TTL, RData::NS(NS(Name::from_ascii("localhost.").unwrap_or_else(|_| Name::root()))))
}

fn query(name: Name, rtype: RecordType) -> Query {
    let mut q = Query::query(name, rtype);
    q.query_class = DNSClass::IN;
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(versions: &[(u32, &[&str])]) -> Zone {
        let mut vs: Vec<Version> =
            versions.iter().map(|(s, d)| Version { serial: *s, domains: Arc::new(d.iter().map(|x| x.to_string()).collect()) }).collect();
        let current = vs.pop().expect("a version");
        Zone { apex: dns_name("rpz.postern").expect("name"), target: Name::root(), current, history: vs.into() }
    }

    fn ask(z: &Zone, qtype: RecordType, their_serial: Option<u32>, tcp: bool) -> Vec<Message> {
        let mut m = Message::new(7, MessageType::Query, OpCode::Query);
        m.add_query(query(z.apex.clone(), qtype));
        if let Some(s) = their_serial {
            m.add_authority(soa(&z.apex, s));
        }
        // Through the wire format, as a secondary sends it.
        let wire = m.to_vec().expect("encode");
        answer(z, &Message::from_vec(&wire).expect("decode"), true, tcp)
    }

    /// The answer records as `owner type target-or-serial` lines.
    fn lines(ms: &[Message]) -> Vec<String> {
        ms.iter()
            .flat_map(|m| m.answers.iter())
            .map(|r| match &r.data {
                RData::SOA(s) => format!("{} SOA {}", r.name, s.serial),
                RData::CNAME(c) => format!("{} CNAME {}", r.name, c.0),
                RData::NS(n) => format!("{} NS {}", r.name, n.0),
                other => format!("{} {other:?}", r.name),
            })
            .collect()
    }

    #[test]
    fn axfr_is_the_whole_zone_between_two_soas() {
        let z = zone(&[(10, &["laposte-colis.top"])]);
        assert_eq!(
            lines(&ask(&z, RecordType::AXFR, None, true)),
            [
                "rpz.postern. SOA 10",
                "rpz.postern. NS localhost.",
                "laposte-colis.top.rpz.postern. CNAME .",
                "*.laposte-colis.top.rpz.postern. CNAME .",
                "rpz.postern. SOA 10"
            ]
        );
    }

    #[test]
    fn ixfr_carries_only_the_change_from_a_known_serial() {
        let z = zone(&[(10, &["a.top", "b.top"]), (11, &["b.top", "c.top"])]);
        assert_eq!(
            lines(&ask(&z, RecordType::IXFR, Some(10), true)),
            [
                "rpz.postern. SOA 11",
                "rpz.postern. SOA 10",
                "a.top.rpz.postern. CNAME .",
                "*.a.top.rpz.postern. CNAME .",
                "rpz.postern. SOA 11",
                "c.top.rpz.postern. CNAME .",
                "*.c.top.rpz.postern. CNAME .",
                "rpz.postern. SOA 11"
            ]
        );
        assert_eq!(lines(&ask(&z, RecordType::IXFR, Some(11), true)), ["rpz.postern. SOA 11"], "up to date");
        let unknown = lines(&ask(&z, RecordType::IXFR, Some(3), true));
        assert_eq!(unknown.len(), 7, "an unknown serial gets the whole zone: {unknown:?}");
        assert_eq!(lines(&ask(&z, RecordType::IXFR, Some(10), false)), ["rpz.postern. SOA 11"], "over UDP: come over TCP");
    }

    #[test]
    fn strangers_other_zones_and_other_opcodes_are_refused() {
        let z = zone(&[(1, &["a.top"])]);
        let mut m = Message::new(9, MessageType::Query, OpCode::Query);
        m.add_query(query(z.apex.clone(), RecordType::AXFR));
        assert_eq!(answer(&z, &m, false, true)[0].metadata.response_code, ResponseCode::Refused);
        let mut other = Message::new(9, MessageType::Query, OpCode::Query);
        other.add_query(query(Name::from_ascii("example.org.").expect("name"), RecordType::SOA));
        assert_eq!(answer(&z, &other, true, true)[0].metadata.response_code, ResponseCode::Refused);
        let mut update = Message::new(9, MessageType::Query, OpCode::Update);
        update.add_query(query(z.apex.clone(), RecordType::SOA));
        assert_eq!(answer(&z, &update, true, true)[0].metadata.response_code, ResponseCode::NotImp);
        let none = Message::new(9, MessageType::Query, OpCode::Query);
        assert_eq!(answer(&z, &none, true, true)[0].metadata.response_code, ResponseCode::FormErr);
        assert!(respond(&RwLock::new(z), b"\x00\x01garbage", IpAddr::from([127, 0, 0, 1]), &[], true).is_none());
    }

    #[test]
    fn a_long_transfer_is_cut_into_messages() {
        let names: Vec<String> = (0..1000).map(|i| format!("n{i}.top")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let z = zone(&[(5, &refs)]);
        let ms = ask(&z, RecordType::AXFR, None, true);
        assert_eq!(ms.len(), 6);
        assert_eq!(lines(&ms).len(), 2003);
        assert!(ms.iter().all(|m| m.to_vec().expect("encode").len() < 65_535));
    }
}
