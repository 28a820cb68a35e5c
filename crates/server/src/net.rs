//! Connection hygiene: how long a client may take to send a request head, how long an idle
//! connection is kept, how many connections one address may hold, and which address a request
//! comes from when the hub sits behind reverse proxies.

use std::collections::HashMap;
use std::future::{Future, Ready, ready};
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::HeaderMap;
use axum::middleware::{AddExtension, Next};
use axum::response::Response;
use ipnet::IpNet;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tower_layer::Layer;

/// Limits every accepted connection lives under.
#[derive(Debug, Clone)]
pub struct ConnectionLimits {
    /// How long a connection may take to deliver a whole request head, counted from when it
    /// starts waiting for one: a new connection must have sent its first request by then
    /// (HTTP/1 and HTTP/2), and on HTTP/1 the clock restarts after each answer, so it also
    /// closes idle HTTP/1 keep-alive connections.
    pub header_read_timeout: Duration,
    /// A connection that has been answered and has no request in flight for this long is
    /// closed. Bytes alone (HTTP/2 pings, a trickle) do not count as activity, as in Go's
    /// `http2.Server.IdleTimeout`: only requests and their answers do.
    pub idle_timeout: Duration,
    /// Connections one client address may hold at once; further ones are closed as soon as
    /// they are accepted. Trusted proxies are exempt: they carry many clients.
    pub max_per_address: usize,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits { header_read_timeout: Duration::from_secs(10), idle_timeout: Duration::from_secs(60), max_per_address: 64 }
    }
}

/// The reverse proxies whose `X-Forwarded-For` the server believes.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    pub fn new(ranges: Vec<IpNet>) -> TrustedProxies {
        TrustedProxies(ranges)
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client address of a request whose TCP peer is `peer`: the peer itself unless it is a
    /// trusted proxy; then the right-most `X-Forwarded-For` hop that is not a trusted proxy (the
    /// hops left of it were written by whoever the client is, so they prove nothing).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<Option<IpAddr>> = headers
            .get_all("x-forwarded-for")
            .iter()
            .flat_map(|v| match v.to_str() {
                Ok(s) => s.split(',').map(parse_hop).collect::<Vec<_>>(),
                Err(_) => vec![None],
            })
            .collect();
        let mut client = peer;
        for hop in hops.iter().rev() {
            // A hop that does not read as an address ends the chain: the last trusted hop
            // before it is the best address known.
            let Some(ip) = hop else { break };
            client = *ip;
            if !self.trusts(client) {
                break;
            }
        }
        client
    }
}

/// One `X-Forwarded-For` entry: an address, possibly with a port or IPv6 brackets.
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    let ip = hop
        .parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .or_else(|| hop.strip_prefix('[').and_then(|h| h.strip_suffix(']')).and_then(|h| h.parse().ok()))?;
    Some(ip.to_canonical())
}

/// The accept step of every listener: counts connections per address, refuses those over the
/// cap, and watches each connection for idleness.
#[derive(Clone)]
pub(crate) struct Gate {
    limits: ConnectionLimits,
    proxies: Arc<TrustedProxies>,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl Gate {
    pub(crate) fn new(limits: ConnectionLimits, proxies: Arc<TrustedProxies>) -> Gate {
        Gate { limits, proxies, open: Arc::default() }
    }

    fn admit(&self, stream: TcpStream) -> io::Result<Watched> {
        let ip = stream.peer_addr()?.ip().to_canonical();
        let slot = if self.proxies.trusts(ip) {
            None
        } else {
            let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
            let n = open.entry(ip).or_insert(0);
            if *n >= self.limits.max_per_address {
                tracing::debug!(%ip, "connection refused: too many from this address");
                // Dropping the stream closes it at once, so refused sockets hold no descriptor.
                return Err(io::Error::other("too many connections from this address"));
            }
            *n += 1;
            Some(Slot { open: self.open.clone(), ip })
        };
        let activity = Arc::new(Activity {
            born: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
            answered: AtomicBool::new(false),
        });
        let idle = Box::pin(tokio::time::sleep(self.limits.header_read_timeout));
        Ok(Watched { inner: stream, activity, idle, limits: self.limits.clone(), _slot: slot })
    }
}

impl<S> axum_server::accept::Accept<TcpStream, S> for Gate {
    type Stream = Watched;
    type Service = AddExtension<S, Arc<Activity>>;
    type Future = Ready<io::Result<(Watched, Self::Service)>>;

    fn accept(&self, stream: TcpStream, service: S) -> Self::Future {
        ready(self.admit(stream).map(|watched| {
            let activity = watched.activity.clone();
            (watched, Extension(activity).layer(service))
        }))
    }
}

/// An address's place in the connection count, given back when the connection ends.
struct Slot {
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
    ip: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = open.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// What a connection is doing: how many requests are being answered, and when the last answer
/// was complete.
pub(crate) struct Activity {
    born: Instant,
    /// Milliseconds after `born` when the last answer was complete.
    last_ms: AtomicU64,
    in_flight: AtomicUsize,
    /// True once a request has reached the application.
    answered: AtomicBool,
}

impl Activity {
    fn begin(self: &Arc<Self>) -> InFlight {
        self.in_flight.fetch_add(1, Ordering::Relaxed);
        self.answered.store(true, Ordering::Relaxed);
        InFlight(self.clone())
    }

    fn touch(&self) {
        let ms = u64::try_from(self.born.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.store(ms, Ordering::Relaxed);
    }

    fn last(&self) -> Instant {
        self.born + Duration::from_millis(self.last_ms.load(Ordering::Relaxed))
    }
}

/// Marks a request in flight on its connection until dropped (with the answer's body).
struct InFlight(Arc<Activity>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
        self.0.touch();
    }
}

/// A TCP stream whose reads fail with `TimedOut` once the connection has been idle too long,
/// which makes hyper drop it.
pub(crate) struct Watched {
    inner: TcpStream,
    activity: Arc<Activity>,
    idle: Pin<Box<tokio::time::Sleep>>,
    limits: ConnectionLimits,
    _slot: Option<Slot>,
}

impl Watched {
    /// Ready with an error when the idle deadline has passed with nothing in flight.
    fn poll_idle(&mut self, cx: &mut Context<'_>) -> Poll<io::Error> {
        loop {
            if self.idle.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let now = Instant::now();
            // A request being answered is not idleness, however long the handler takes.
            let next = if self.activity.in_flight.load(Ordering::Relaxed) > 0 {
                now + self.limits.idle_timeout
            } else {
                let deadline = if self.activity.answered.load(Ordering::Relaxed) {
                    self.activity.last() + self.limits.idle_timeout
                } else {
                    self.activity.born + self.limits.header_read_timeout
                };
                if deadline <= now {
                    return Poll::Ready(io::Error::new(io::ErrorKind::TimedOut, "idle connection closed"));
                }
                deadline
            };
            self.idle.as_mut().reset(next.into());
        }
    }
}

impl AsyncRead for Watched {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Pending => this.poll_idle(cx).map(Err),
            ready => ready,
        }
    }
}

impl AsyncWrite for Watched {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[io::IoSlice<'_>]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// Per request: marks it in flight on its connection until its answer's body is sent, and
/// replaces the TCP peer in `ConnectInfo` by the client address (as a reverse proxy's real-IP
/// module does), so that rate limits and login throttling key on the client, not the proxy.
pub(crate) async fn per_request(State(proxies): State<Arc<TrustedProxies>>, mut req: Request, next: Next) -> Response {
    let in_flight = req.extensions().get::<Arc<Activity>>().map(Activity::begin);
    if let Some(ConnectInfo(peer)) = req.extensions().get::<ConnectInfo<SocketAddr>>().copied() {
        let client = proxies.client(peer.ip(), req.headers());
        req.extensions_mut().insert(ConnectInfo(SocketAddr::new(client, peer.port())));
    }
    let resp = next.run(req).await;
    match in_flight {
        Some(guard) => resp.map(|inner| Body::new(Tracked { inner, _in_flight: guard })),
        None => resp,
    }
}

/// An answer's body that keeps its request in flight until hyper is done with it.
struct Tracked {
    inner: Body,
    _in_flight: InFlight,
}

impl http_body::Body for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.get_mut().inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(trusted: &[&str], peer: &str, xff: &[&str], expected: &str) {
        let proxies = TrustedProxies::new(trusted.iter().map(|t| t.parse().expect("cidr")).collect());
        let mut headers = HeaderMap::new();
        for v in xff {
            headers.append("x-forwarded-for", v.parse().expect("header"));
        }
        let got = proxies.client(peer.parse().expect("ip"), &headers);
        assert_eq!(got, expected.parse::<IpAddr>().expect("ip"), "trusted {trusted:?}, peer {peer}, xff {xff:?}");
    }

    #[test]
    fn forwarded_for_is_believed_only_from_trusted_proxies() {
        // No trusted proxy: the header is the client's own words.
        check(&[], "203.0.113.9", &["198.51.100.1"], "203.0.113.9");
        // An untrusted peer cannot pick its address.
        check(&["10.0.0.0/8"], "203.0.113.9", &["198.51.100.1"], "203.0.113.9");
        // Behind one proxy: the hop it wrote.
        check(&["10.0.0.0/8"], "10.0.0.2", &["198.51.100.1"], "198.51.100.1");
        // The client prepends a lie; the proxy appends the truth, right-most untrusted wins.
        check(&["10.0.0.0/8"], "10.0.0.2", &["1.1.1.1, 198.51.100.1"], "198.51.100.1");
        // Two proxies, two header lines.
        check(&["10.0.0.0/8"], "10.0.0.2", &["1.1.1.1, 198.51.100.1", "10.0.0.7"], "198.51.100.1");
        // Ports, brackets and IPv4-mapped IPv6 are read as plain addresses.
        check(&["10.0.0.0/8"], "10.0.0.2", &["198.51.100.1:4711"], "198.51.100.1");
        check(&["10.0.0.0/8"], "10.0.0.2", &["[2001:db8::1]"], "2001:db8::1");
        check(&["10.0.0.0/8"], "::ffff:10.0.0.2", &["::ffff:198.51.100.1"], "198.51.100.1");
        // Garbage stops the walk at the last trusted hop; a missing header leaves the proxy.
        check(&["10.0.0.0/8"], "10.0.0.2", &["198.51.100.1, garbage, 10.0.0.3"], "10.0.0.3");
        check(&["10.0.0.0/8"], "10.0.0.2", &[], "10.0.0.2");
        // Every hop trusted: the left-most is the best known.
        check(&["10.0.0.0/8"], "10.0.0.2", &["10.0.0.5, 10.0.0.6"], "10.0.0.5");
    }
}
