//! A TAXII 2.1 client reduced to what federation needs: Get Objects pages (with `added_after`,
//! `next`/`more` and the `X-TAXII-Date-Added-Last` header) and Add Objects, speaking only
//! standard TAXII 2.1 with HTTP Basic or Bearer credentials, so any TAXII server can be a peer.

use std::time::Duration;

use serde::Deserialize;
use serde_json::Value;
use store::{Peer, PeerAuth};

use crate::SyncError;

/// The TAXII 2.1 media type, sent as Accept and Content-Type.
pub const TAXII: &str = "application/taxii+json;version=2.1";

/// One page of Get Objects.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectsPage {
    pub objects: Vec<Value>,
    pub more: bool,
    pub next: Option<String>,
    /// The `X-TAXII-Date-Added-Last` header, as sent.
    pub date_added_last: Option<String>,
}

/// What a peer said about an Add Objects request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AddResult {
    pub success_count: u64,
    pub failure_count: u64,
    pub pending_count: u64,
}

/// How to read one page.
#[derive(Debug, Clone, Default)]
pub struct PageRequest<'a> {
    pub added_after: Option<&'a str>,
    pub next: Option<&'a str>,
    pub limit: usize,
}

#[derive(Deserialize)]
struct Envelope {
    #[serde(default)]
    more: bool,
    next: Option<String>,
    #[serde(default)]
    objects: Vec<Value>,
}

#[derive(Deserialize)]
struct StatusBody {
    #[serde(default)]
    success_count: u64,
    #[serde(default)]
    failure_count: u64,
    #[serde(default)]
    pending_count: u64,
}

/// A TAXII client bound to one peering's collection.
#[derive(Debug, Clone)]
pub struct TaxiiClient {
    http: reqwest::Client,
    objects_url: String,
    authorization: String,
}

impl TaxiiClient {
    pub fn new(http: reqwest::Client, peer: &Peer) -> TaxiiClient {
        TaxiiClient { http, objects_url: objects_url(peer), authorization: authorization(&peer.auth) }
    }

    /// A shared HTTP client (connection pool) for every peering. Every connection goes through
    /// the outbound guard under the operator-approved policy (peers are configured by an
    /// administrator and may sit on internal networks; link-local, multicast and reserved space
    /// stay refused), with the resolved address pinned; redirects are followed only to hosts
    /// the guard would allow, at most five times.
    pub fn http(timeout: Duration) -> Result<reqwest::Client, SyncError> {
        let policy = outbound::GuardPolicy::OPERATOR_APPROVED;
        let redirects = reqwest::redirect::Policy::custom(move |attempt| {
            if attempt.previous().len() >= 5 {
                return attempt.error("too many redirects");
            }
            match outbound::guard_url_host(attempt.url().as_str(), policy) {
                Ok(()) => attempt.follow(),
                Err(refusal) => attempt.error(refusal),
            }
        });
        reqwest::Client::builder()
            .timeout(timeout)
            .pool_idle_timeout(Duration::from_secs(60))
            .dns_resolver(std::sync::Arc::new(outbound::GuardedResolver { policy }))
            .redirect(redirects)
            .build()
            .map_err(SyncError::Http)
    }

    /// Refuses a peer URL whose host is an IP literal the guard refuses (names are checked when
    /// the client resolves them).
    fn guard(&self) -> Result<(), SyncError> {
        outbound::guard_url_host(&self.objects_url, outbound::GuardPolicy::OPERATOR_APPROVED).map_err(SyncError::Refused)
    }

    pub fn objects_url(&self) -> &str {
        &self.objects_url
    }

    /// Get Objects, all versions, oldest `date_added` first.
    pub async fn get_objects(&self, req: &PageRequest<'_>) -> Result<ObjectsPage, SyncError> {
        let mut query: Vec<(&str, String)> = vec![("match[version]", "all".into()), ("limit", req.limit.to_string())];
        if let Some(a) = req.added_after {
            query.push(("added_after", a.to_string()));
        }
        if let Some(n) = req.next {
            query.push(("next", n.to_string()));
        }
        self.guard()?;
        let resp = self
            .http
            .get(&self.objects_url)
            .query(&query)
            .header(reqwest::header::ACCEPT, TAXII)
            .header(reqwest::header::AUTHORIZATION, &self.authorization)
            .send()
            .await
            .map_err(SyncError::Http)?;
        let status = resp.status();
        let date_added_last = resp.headers().get("x-taxii-date-added-last").and_then(|v| v.to_str().ok()).map(str::to_string);
        let bytes = resp.bytes().await.map_err(SyncError::Http)?;
        if !status.is_success() {
            return Err(SyncError::Status { code: status.as_u16(), body: snippet(&bytes) });
        }
        // An empty body is how some servers say "no objects".
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(ObjectsPage { objects: Vec::new(), more: false, next: None, date_added_last });
        }
        let env: Envelope =
            serde_json::from_slice(&bytes).map_err(|e| SyncError::Protocol(format!("Get Objects answer is not a TAXII envelope: {e}")))?;
        Ok(ObjectsPage { objects: env.objects, more: env.more, next: env.next.filter(|n| !n.is_empty()), date_added_last })
    }

    /// Add Objects with an envelope built from already-serialised object texts.
    pub async fn add_objects(&self, bodies: &[String]) -> Result<AddResult, SyncError> {
        let mut envelope = String::with_capacity(bodies.iter().map(|b| b.len() + 1).sum::<usize>() + 16);
        envelope.push_str("{\"objects\":[");
        for (i, b) in bodies.iter().enumerate() {
            if i > 0 {
                envelope.push(',');
            }
            envelope.push_str(b);
        }
        envelope.push_str("]}");
        self.guard()?;
        let resp = self
            .http
            .post(&self.objects_url)
            .header(reqwest::header::ACCEPT, TAXII)
            .header(reqwest::header::CONTENT_TYPE, TAXII)
            .header(reqwest::header::AUTHORIZATION, &self.authorization)
            .body(envelope)
            .send()
            .await
            .map_err(SyncError::Http)?;
        let status = resp.status();
        let bytes = resp.bytes().await.map_err(SyncError::Http)?;
        if !status.is_success() {
            return Err(SyncError::Status { code: status.as_u16(), body: snippet(&bytes) });
        }
        let s: StatusBody =
            serde_json::from_slice(&bytes).map_err(|e| SyncError::Protocol(format!("Add Objects answer is not a status resource: {e}")))?;
        Ok(AddResult { success_count: s.success_count, failure_count: s.failure_count, pending_count: s.pending_count })
    }
}

/// `{url}{api_root}collections/{id}/objects/`, tolerant of missing or doubled slashes; an
/// `api_root` that is a whole URL is used as is.
pub fn objects_url(peer: &Peer) -> String {
    let root = if peer.api_root.starts_with("http://") || peer.api_root.starts_with("https://") {
        peer.api_root.trim_end_matches('/').to_string()
    } else {
        format!("{}/{}", peer.url.trim_end_matches('/'), peer.api_root.trim_matches('/'))
    };
    let root = root.trim_end_matches('/');
    format!("{root}/collections/{}/objects/", peer.remote_collection.trim_matches('/'))
}

fn authorization(auth: &PeerAuth) -> String {
    use base64::Engine;
    match auth {
        PeerAuth::Bearer(t) => format!("Bearer {t}"),
        PeerAuth::Basic { user, password } => {
            format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}")))
        }
    }
}

fn snippet(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(300)]).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::PeerDirection;
    use tlp::Tlp;

    fn check(url: &str, api_root: &str, expected: &str) {
        let peer = Peer {
            name: "p".into(),
            url: url.into(),
            api_root: api_root.into(),
            remote_collection: "c1".into(),
            local_collection: "l".into(),
            auth: PeerAuth::Bearer("t".into()),
            direction: PeerDirection::Pull,
            max_tlp: Tlp::Green,
            created: String::new(),
        };
        assert_eq!(objects_url(&peer), expected);
    }

    #[test]
    fn urls_join_whatever_the_slashes() {
        check("http://127.0.0.1:5000", "/api1/", "http://127.0.0.1:5000/api1/collections/c1/objects/");
        check("http://127.0.0.1:5000/", "api1", "http://127.0.0.1:5000/api1/collections/c1/objects/");
        check("http://h/", "/federation", "http://h/federation/collections/c1/objects/");
        check("http://ignored", "https://h/root/", "https://h/root/collections/c1/objects/");
    }

    #[test]
    fn basic_and_bearer_headers() {
        assert_eq!(authorization(&PeerAuth::Bearer("abc".into())), "Bearer abc");
        assert_eq!(authorization(&PeerAuth::Basic { user: "u".into(), password: "p".into() }), "Basic dTpw");
    }
}
