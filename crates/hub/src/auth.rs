//! API tokens and the principal behind a request (HTTP Bearer or Basic credentials).
//!
//! A token reads `pst_<id>_<secret>`: the id finds the record, only SHA-256 of the secret is
//! stored (the secret has 256 bits of entropy, so a slow hash adds nothing), and the comparison
//! is constant-time.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use rand::RngCore;
use sha2::{Digest, Sha256};
use store::{NewAudit, Org, Role};
use subtle::ConstantTimeEq;

use crate::{Hub, HubError, Result};

/// Who is making a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    Anonymous,
    Member { org: Org, token_id: String, role: Role },
}

impl Principal {
    /// How the audit log names this principal.
    pub fn actor(&self) -> String {
        match self {
            Principal::Anonymous => "anonymous".into(),
            Principal::Member { org, token_id, .. } => format!("org:{}/token:{token_id}", org.name),
        }
    }

    pub fn org(&self) -> Option<&Org> {
        match self {
            Principal::Anonymous => None,
            Principal::Member { org, .. } => Some(org),
        }
    }

    pub fn is_admin(&self) -> bool {
        matches!(self, Principal::Member { role: Role::Admin, .. })
    }
}

pub(crate) fn random_bytes(n: usize) -> Vec<u8> {
    let mut b = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut b);
    b
}

pub(crate) fn new_token() -> (String, String, Vec<u8>) {
    let id = crate::hex(&random_bytes(8));
    let secret = URL_SAFE_NO_PAD.encode(random_bytes(32));
    let hash = Sha256::digest(secret.as_bytes()).to_vec();
    (format!("pst_{id}_{secret}"), id, hash)
}

/// How long a verified token is trusted without reading the database again. Revocation in this
/// process takes effect at once; a token revoked by another process sharing the database stops
/// working here within this time.
pub const TOKEN_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(10);

/// Most tokens kept; the cache is emptied when full (members hold few tokens each).
const TOKEN_CACHE_ENTRIES: usize = 10_000;

/// Recently verified tokens by id: the SHA-256 of the secret they were verified with and the
/// principal. Saves the token and organisation reads on every API request; the presented secret
/// is still hashed and compared in constant time on every request.
#[derive(Default)]
pub(crate) struct TokenCache {
    map: std::sync::Mutex<std::collections::HashMap<String, CachedToken>>,
}

/// The secret's SHA-256 a token was verified with, its principal, and when.
type CachedToken = (Vec<u8>, Principal, std::time::Instant);

impl TokenCache {
    fn get(&self, id: &str, hash: &[u8]) -> Option<Principal> {
        let map = self.map.lock().ok()?;
        let (stored, principal, at) = map.get(id)?;
        (at.elapsed() < TOKEN_CACHE_TTL && bool::from(hash.ct_eq(stored))).then(|| principal.clone())
    }

    fn put(&self, id: &str, hash: Vec<u8>, principal: &Principal) {
        if let Ok(mut map) = self.map.lock() {
            if map.len() >= TOKEN_CACHE_ENTRIES {
                map.clear();
            }
            map.insert(id.to_string(), (hash, principal.clone(), std::time::Instant::now()));
        }
    }

    pub(crate) fn forget(&self, id: &str) {
        if let Ok(mut map) = self.map.lock() {
            map.remove(id);
        }
    }
}

/// Splits a token into its id and secret; `None` when it does not have the token shape.
pub fn parse_token(token: &str) -> Option<(&str, &str)> {
    let rest = token.strip_prefix("pst_")?;
    let (id, secret) = rest.split_once('_')?;
    (id.len() == 16 && id.bytes().all(|b| b.is_ascii_hexdigit()) && !secret.is_empty()).then_some((id, secret))
}

impl Hub {
    /// Resolves an `Authorization` header value (or its absence) to a principal. Failures are
    /// audited, since repeated bad tokens are what an intrusion looks like.
    pub fn authenticate(&self, authorization: Option<&str>) -> Result<Principal> {
        let Some(header) = authorization else { return Ok(Principal::Anonymous) };
        let token = match credentials(header) {
            Ok(t) => t,
            Err(reason) => return Err(self.deny_auth(reason)),
        };
        let Some((id, secret)) = parse_token(&token) else {
            return Err(self.deny_auth("the token is not a Postern API token".into()));
        };
        let hash = Sha256::digest(secret.as_bytes());
        if let Some(principal) = self.tokens.get(id, hash.as_slice()) {
            return Ok(principal);
        }
        let Some(record) = self.store.token(id)? else {
            return Err(self.deny_auth(format!("unknown token {id}")));
        };
        if !bool::from(hash.as_slice().ct_eq(&record.secret_hash)) {
            return Err(self.deny_auth(format!("wrong secret for token {id}")));
        }
        if record.revoked.is_some() {
            return Err(self.deny_auth(format!("token {id} was revoked")));
        }
        let org = self.store.org_by_id(record.org_id)?.ok_or_else(|| HubError::Unauthenticated("token has no organisation".into()))?;
        let principal = Principal::Member { org, token_id: record.id, role: record.role };
        self.tokens.put(id, record.secret_hash, &principal);
        Ok(principal)
    }

    fn deny_auth(&self, reason: String) -> HubError {
        let audit = NewAudit {
            actor: "anonymous".into(),
            action: "auth.failed".into(),
            target: String::new(),
            outcome: "denied".into(),
            detail: reason.clone(),
        };
        if let Err(e) = self.store.append(&audit) {
            return HubError::Store(e);
        }
        HubError::Unauthenticated(reason)
    }

    /// Records a refused access in the audit log and returns the error to send.
    pub(crate) fn deny(&self, who: &Principal, action: &str, target: &str, err: HubError) -> HubError {
        let audit = NewAudit {
            actor: who.actor(),
            action: action.into(),
            target: target.into(),
            outcome: "denied".into(),
            detail: err.to_string(),
        };
        match self.store.append(&audit) {
            Ok(()) => err,
            Err(e) => HubError::Store(e),
        }
    }
}

/// Extracts the token from `Bearer T` or `Basic base64(user:T)` (the user name is ignored:
/// TAXII clients such as taxii2-client only speak Basic, and the token alone identifies).
fn credentials(header: &str) -> std::result::Result<String, String> {
    let (scheme, value) = header.trim().split_once(' ').ok_or("Authorization header must be 'Bearer <token>' or 'Basic <credentials>'")?;
    let value = value.trim();
    match scheme.to_ascii_lowercase().as_str() {
        "bearer" => Ok(value.to_string()),
        "basic" => {
            let raw = STANDARD.decode(value).map_err(|_| "Basic credentials are not valid base64".to_string())?;
            let text = String::from_utf8(raw).map_err(|_| "Basic credentials are not UTF-8".to_string())?;
            let (_user, password) = text.split_once(':').ok_or("Basic credentials must be user:password")?;
            Ok(password.to_string())
        }
        other => Err(format!("unsupported authorization scheme '{other}' (use Bearer or Basic)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_reject_garbage() {
        let (token, id, _) = new_token();
        assert_eq!(parse_token(&token).map(|(i, _)| i.to_string()), Some(id));
        for bad in ["", "pst_", "pst_zz_secret", "abc", "pst_0123456789abcdef_"] {
            assert_eq!(parse_token(bad), None, "{bad}");
        }
    }

    #[test]
    fn credentials_from_bearer_and_basic() {
        assert_eq!(credentials("Bearer abc"), Ok("abc".into()));
        let basic = format!("Basic {}", STANDARD.encode("anyone:pst_x"));
        assert_eq!(credentials(&basic), Ok("pst_x".into()));
        assert!(credentials("Basic !!!").is_err());
        assert!(credentials("Digest x").is_err());
        assert!(credentials("nonsense").is_err());
    }
}
