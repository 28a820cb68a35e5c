//! Accounts and sessions of the members' workspace: argon2id password hashes, random session
//! cookies of which only a SHA-256 is stored, anti-CSRF tokens, per-IP rate limits and the login
//! throttle.

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

/// What the login throttle says about an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Admission {
    /// Check the password now.
    Now,
    /// Check it after this pause (many addresses are guessing this user's password).
    After(Duration),
    /// Refuse without checking: this address, or this address for this user, must wait so long.
    Refused(Duration),
}

/// Login throttling that slows guessing without letting a stranger lock a member out.
///
/// Failures are counted three ways. Per address: 10 are free, then each attempt from it waits
/// 2^(n-10) seconds (at most 15 minutes), so one address cannot spray many accounts. Per
/// (address, user): 3 are free, then 2^(n-3) seconds, so one address cannot keep guessing one
/// password. Refusals only ever hit the address that failed: the member signing in from
/// another address is not affected. Per user, from all addresses: past 100 failures in 15
/// minutes each attempt for that user is delayed by a second before the password is checked,
/// never refused, which slows a guessing botnet without locking anyone out. A success clears
/// the (address, user) count; counts are forgotten an hour after their last failure.
pub(crate) struct LoginThrottle {
    per_address: Backoff,
    per_pair: Backoff,
    per_user: Mutex<HashMap<String, (u32, Instant)>>,
}

const ADDRESS_FREE_FAILURES: u32 = 10;
const PAIR_FREE_FAILURES: u32 = 3;
const MAX_WAIT: Duration = Duration::from_secs(15 * 60);
const FORGET_AFTER: Duration = Duration::from_secs(3600);
const USER_WINDOW: Duration = Duration::from_secs(15 * 60);
const USER_CEILING: u32 = 100;
const USER_DELAY: Duration = Duration::from_secs(1);
const MAX_KEYS: usize = 100_000;

impl LoginThrottle {
    pub(crate) fn new() -> LoginThrottle {
        LoginThrottle {
            per_address: Backoff::new(ADDRESS_FREE_FAILURES),
            per_pair: Backoff::new(PAIR_FREE_FAILURES),
            per_user: Mutex::new(HashMap::new()),
        }
    }

    /// Whether an attempt from `ip` for `user` may be checked, and when.
    pub(crate) fn admit(&self, ip: Option<IpAddr>, user: &str, now: Instant) -> Admission {
        let (address, pair) = keys(ip, user);
        let wait = [self.per_address.wait(&address, now), self.per_pair.wait(&pair, now)].into_iter().flatten().max();
        if let Some(wait) = wait {
            return Admission::Refused(wait);
        }
        let users = self.per_user.lock().unwrap_or_else(|e| e.into_inner());
        match users.get(user) {
            Some((n, start)) if *n >= USER_CEILING && now.duration_since(*start) < USER_WINDOW => Admission::After(USER_DELAY),
            _ => Admission::Now,
        }
    }

    pub(crate) fn failed(&self, ip: Option<IpAddr>, user: &str, now: Instant) {
        let (address, pair) = keys(ip, user);
        self.per_address.failed(address, now);
        self.per_pair.failed(pair, now);
        let mut users = self.per_user.lock().unwrap_or_else(|e| e.into_inner());
        if users.len() > MAX_KEYS {
            users.retain(|_, (_, start)| now.duration_since(*start) < USER_WINDOW);
            // Still full: forgetting is the lesser evil than memory without bound.
            if users.len() > MAX_KEYS {
                users.clear();
            }
        }
        let e = users.entry(user.to_string()).or_insert((0, now));
        if now.duration_since(e.1) >= USER_WINDOW {
            *e = (0, now);
        }
        e.0 = e.0.saturating_add(1);
    }

    /// A right password: this address may try this user again freely. The address count stays,
    /// so a valid account of one's own does not reset a spray of others.
    pub(crate) fn succeeded(&self, ip: Option<IpAddr>, user: &str) {
        self.per_pair.clear(&keys(ip, user).1);
    }
}

fn keys(ip: Option<IpAddr>, user: &str) -> (String, String) {
    let ip = ip.map(|i| i.to_string()).unwrap_or_default();
    (format!("ip:{ip}"), format!("ip:{ip}/user:{user}"))
}

/// Exponential backoff per key after `free` failures.
struct Backoff {
    free: u32,
    failures: Mutex<HashMap<String, (u32, Instant)>>,
}

impl Backoff {
    fn new(free: u32) -> Backoff {
        Backoff { free, failures: Mutex::new(HashMap::new()) }
    }

    /// How long `key` must still wait before its next attempt.
    fn wait(&self, key: &str, now: Instant) -> Option<Duration> {
        let failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let (n, last) = failures.get(key)?;
        let wait = backoff(*n, self.free)?;
        let elapsed = now.duration_since(*last);
        (elapsed < wait).then(|| wait - elapsed)
    }

    fn failed(&self, key: String, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if failures.len() > MAX_KEYS {
            failures.retain(|_, (_, last)| now.duration_since(*last) < FORGET_AFTER);
            if failures.len() > MAX_KEYS {
                failures.clear();
            }
        }
        let e = failures.entry(key).or_insert((0, now));
        let n = if now.duration_since(e.1) >= FORGET_AFTER { 0 } else { e.0 };
        *e = (n.saturating_add(1), now);
    }

    fn clear(&self, key: &str) {
        self.failures.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

fn backoff(failures: u32, free: u32) -> Option<Duration> {
    let over = failures.checked_sub(free).filter(|o| *o > 0)?;
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
        let ip = Some(IpAddr::from([192, 0, 2, 1]));
        let now = Instant::now();
        for _ in 0..3 {
            t.failed(ip, "alice", now);
        }
        assert_eq!(t.admit(ip, "alice", now), Admission::Now, "three failures are free");
        t.failed(ip, "alice", now);
        assert_eq!(t.admit(ip, "alice", now), Admission::Refused(Duration::from_secs(2)));
        t.failed(ip, "alice", now);
        assert_eq!(t.admit(ip, "alice", now + Duration::from_secs(1)), Admission::Refused(Duration::from_secs(3)));
        t.succeeded(ip, "alice");
        assert_eq!(t.admit(ip, "alice", now), Admission::Now);
        assert_eq!(backoff(100, 3), Some(MAX_WAIT));
        let later = now + FORGET_AFTER;
        t.failed(ip, "bob", later);
        assert_eq!(t.admit(ip, "bob", later), Admission::Now, "old failures are forgotten");
    }

    #[test]
    fn a_stranger_cannot_lock_a_member_out() {
        let t = LoginThrottle::new();
        let (attacker, member) = (Some(IpAddr::from([203, 0, 113, 66])), Some(IpAddr::from([192, 0, 2, 10])));
        let now = Instant::now();
        for _ in 0..50 {
            t.failed(attacker, "alice", now);
        }
        assert!(matches!(t.admit(attacker, "alice", now), Admission::Refused(_)));
        assert!(matches!(t.admit(attacker, "bob", now), Admission::Refused(_)), "the address sprayed enough");
        assert_eq!(t.admit(member, "alice", now), Admission::Now, "the member's own address is free");
        // A botnet: past the per-user ceiling the member is slowed, never refused.
        for i in 0..200u32 {
            let bot = Some(IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000u32 + i)));
            t.failed(bot, "alice", now);
        }
        assert_eq!(t.admit(member, "alice", now), Admission::After(USER_DELAY));
        assert_eq!(t.admit(member, "alice", now + USER_WINDOW), Admission::Now);
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
