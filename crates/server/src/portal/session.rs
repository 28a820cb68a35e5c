//! Accounts and sessions of the members' workspace: argon2id password hashes, random session
//! cookies of which only a SHA-256 is stored, anti-CSRF tokens, per-IP rate limits and the login
//! backoff.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use store::portal::{NewUser, PortalStore, SessionRecord, User};
use store::{MemberStore, Role};
use subtle::ConstantTimeEq;

/// Cookie holding the session id.
pub const SESSION_COOKIE: &str = "postern_session";
/// Cookie holding the anti-CSRF token of visitors who are not signed in.
pub const CSRF_COOKIE: &str = "postern_csrf";
/// Cookie holding the language chosen with the switcher.
pub const LANG_COOKIE: &str = "postern_lang";
/// How long a session lives without a new login.
pub const SESSION_TTL: Duration = Duration::from_secs(8 * 3600);

/// Why a user could not be created.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum UserError {
    /// The user name is not 2 to 64 characters of `a-z 0-9 . _ -`.
    #[error("a user name is 2 to 64 characters among a-z, 0-9, '.', '_' and '-'")]
    BadName,
    /// The password is shorter than 12 characters or longer than 1024 bytes.
    #[error("a password is 12 to 1024 characters")]
    BadPassword,
    /// The organisation does not exist.
    #[error("organisation '{0}' not found")]
    NoOrg(String),
    /// The password could not be hashed.
    #[error("password hashing failed: {0}")]
    Hash(String),
    /// The store failed or the name is taken.
    #[error(transparent)]
    Store(#[from] store::StoreError),
}

/// Hashes a password with argon2id and a random salt (PHC string).
pub fn hash_password(password: &str) -> Result<String, UserError> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| UserError::Hash(e.to_string()))
}

/// Checks a password against a stored PHC string; any malformed hash is a mismatch.
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A verification against a fixed hash, so that an unknown user name costs as much time as a
/// wrong password and does not reveal which names exist.
pub fn burn_verification(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash_password("not-a-real-password-at-all").unwrap_or_default());
    let _ = verify_password(password, phc);
}

/// Creates a portal user of organisation `org_name` (the CLI and the admin page both call this).
pub fn add_user<S: MemberStore + PortalStore + ?Sized>(
    store: &S,
    org_name: &str,
    username: &str,
    password: &str,
    role: Role,
) -> Result<User, UserError> {
    let username = username.trim().to_ascii_lowercase();
    if !valid_username(&username) {
        return Err(UserError::BadName);
    }
    if password.chars().count() < 12 || password.len() > 1024 {
        return Err(UserError::BadPassword);
    }
    let org = store.org_by_name(org_name.trim())?.ok_or_else(|| UserError::NoOrg(org_name.to_string()))?;
    let password_hash = hash_password(password)?;
    Ok(store.create_user(&NewUser { org_id: org.id, username, password_hash, role })?)
}

pub(crate) fn valid_username(name: &str) -> bool {
    (2..=64).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// 256 random bits, URL-safe base64 (43 characters).
pub(crate) fn random_token() -> String {
    let mut b = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut b);
    URL_SAFE_NO_PAD.encode(b)
}

pub(crate) fn looks_like_token(s: &str) -> bool {
    s.len() == 43 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

pub(crate) fn session_hash(cookie: &str) -> Vec<u8> {
    Sha256::digest(cookie.as_bytes()).to_vec()
}

/// A new session for `user`: the record to store and the cookie value to send.
pub(crate) fn new_session(user_id: i64, now_us: i64) -> (SessionRecord, String) {
    let cookie = random_token();
    let ttl = i64::try_from(SESSION_TTL.as_micros()).unwrap_or(i64::MAX);
    let record = SessionRecord {
        id_hash: session_hash(&cookie),
        user_id,
        csrf: random_token(),
        created_us: now_us,
        expires_us: now_us.saturating_add(ttl),
    };
    (record, cookie)
}

/// Constant-time equality of two tokens.
pub(crate) fn same_token(a: &str, b: &str) -> bool {
    !a.is_empty() && bool::from(a.as_bytes().ct_eq(b.as_bytes()))
}

/// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Path=/, Secure under TLS.
pub(crate) fn cookie(name: &str, value: &str, max_age: Option<u64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict");
    if let Some(age) = max_age {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// The value of cookie `name` in a `Cookie` header.
pub(crate) fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').filter_map(|p| p.trim().split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// A fixed-window counter per client address: at most `max` events per `window`.
pub(crate) struct RateLimiter {
    max: u32,
    window: Duration,
    hits: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl RateLimiter {
    pub(crate) fn new(max: u32, window: Duration) -> RateLimiter {
        RateLimiter { max, window, hits: Mutex::new(HashMap::new()) }
    }

    /// Counts one event; false when the address is over its limit.
    pub(crate) fn allow(&self, ip: IpAddr, now: Instant) -> bool {
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        if hits.len() > 100_000 {
            // Bound the memory an address-spraying client can make us hold.
            let window = self.window;
            hits.retain(|_, (start, _)| now.duration_since(*start) < window);
        }
        let entry = hits.entry(ip).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        entry.1 += 1;
        entry.1 <= self.max
    }
}

/// Login backoff: 3 failures for one key (address, or user name) are free; after the n-th
/// failure beyond them the next attempt must wait 2^(n-3) seconds, at most 15 minutes; a
/// success clears the key.
pub(crate) struct LoginThrottle {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

const FREE_FAILURES: u32 = 3;
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);

impl LoginThrottle {
    pub(crate) fn new() -> LoginThrottle {
        LoginThrottle { failures: Mutex::new(HashMap::new()) }
    }

    /// How long `key` must still wait before its next attempt.
    pub(crate) fn wait(&self, key: &str, now: Instant) -> Option<Duration> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let (n, last) = failures.get(key)?;
        let wait = backoff(*n)?;
        let elapsed = now.duration_since(*last);
        (elapsed < wait).then(|| wait - elapsed)
    }

    pub(crate) fn failed(&self, key: &str, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() > 100_000 {
            failures.retain(|_, (_, last)| now.duration_since(*last) < MAX_WAIT);
        }
        let e = failures.entry(key.to_string()).or_insert((0, now));
        *e = (e.0.saturating_add(1), now);
    }

    pub(crate) fn succeeded(&self, key: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

fn backoff(failures: u32) -> Option<Duration> {
    let over = failures.checked_sub(FREE_FAILURES).filter(|o| *o > 0)?;
    Some(Duration::from_secs(1u64 << over.min(20)).min(MAX_WAIT))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_password("correct horse battery").expect("hash");
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &h));
        assert!(!verify_password("wrong horse battery", &h));
        assert!(!verify_password("x", "not a phc string"));
    }

    #[test]
    fn login_backoff_grows_and_clears() {
        let t = LoginThrottle::new();
        let now = Instant::now();
        for _ in 0..3 {
            t.failed("ip:1", now);
        }
        assert_eq!(t.wait("ip:1", now), None, "three failures are free");
        t.failed("ip:1", now);
        assert_eq!(t.wait("ip:1", now), Some(Duration::from_secs(2)));
        t.failed("ip:1", now);
        assert_eq!(t.wait("ip:1", now + Duration::from_secs(1)), Some(Duration::from_secs(3)));
        t.succeeded("ip:1");
        assert_eq!(t.wait("ip:1", now), None);
        assert_eq!(backoff(100), Some(MAX_WAIT));
    }

    #[test]
    fn rate_limiter_windows() {
        let r = RateLimiter::new(2, Duration::from_secs(60));
        let ip: IpAddr = [127, 0, 0, 1].into();
        let now = Instant::now();
        assert!(r.allow(ip, now) && r.allow(ip, now));
        assert!(!r.allow(ip, now));
        assert!(r.allow(ip, now + Duration::from_secs(61)));
    }

    #[test]
    fn cookies_and_tokens() {
        assert_eq!(cookie_value("a=1; postern_csrf=xyz; b=2", CSRF_COOKIE), Some("xyz"));
        assert_eq!(cookie_value("a=1", CSRF_COOKIE), None);
        assert!(cookie("s", "v", None, true).ends_with("; Secure"));
        assert!(looks_like_token(&random_token()));
        assert!(same_token("abc", "abc") && !same_token("abc", "abd") && !same_token("", ""));
        assert!(valid_username("alice.b") && !valid_username("A") && !valid_username("a b"));
    }
}
