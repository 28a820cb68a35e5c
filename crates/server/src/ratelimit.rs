//! Per-address token buckets for anonymous callers: abuse resistance without third-party
//! CAPTCHAs. Memory is bounded: idle buckets are dropped when the table grows.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// A per-IP token bucket limiter.
pub struct RateLimiter {
    per_minute: u32,
    burst: u32,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

const MAX_TRACKED: usize = 100_000;

impl RateLimiter {
    pub fn new(per_minute: u32, burst: u32) -> RateLimiter {
        RateLimiter { per_minute, burst: burst.max(1), buckets: Mutex::new(HashMap::new()) }
    }

    /// Takes `cost` tokens for `ip`; false when it has not enough.
    pub fn allow(&self, ip: IpAddr, cost: u32) -> bool {
        self.allow_at(ip, cost, Instant::now())
    }

    fn allow_at(&self, ip: IpAddr, cost: u32, now: Instant) -> bool {
        let Ok(mut buckets) = self.buckets.lock() else { return false };
        if buckets.len() >= MAX_TRACKED {
            let full = f64::from(self.burst);
            let rate = f64::from(self.per_minute) / 60.0;
            buckets.retain(|_, (tokens, at)| *tokens + now.duration_since(*at).as_secs_f64() * rate < full);
        }
        let rate = f64::from(self.per_minute) / 60.0;
        let (tokens, at) = buckets.entry(ip).or_insert((f64::from(self.burst), now));
        *tokens = (*tokens + now.duration_since(*at).as_secs_f64() * rate).min(f64::from(self.burst));
        *at = now;
        if *tokens >= f64::from(cost) {
            *tokens -= f64::from(cost);
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn bucket_empties_and_refills() {
        let l = RateLimiter::new(60, 3);
        let ip: IpAddr = "127.0.0.9".parse().expect("ip");
        let other: IpAddr = "127.0.0.10".parse().expect("ip");
        let t0 = Instant::now();
        assert!(l.allow_at(ip, 1, t0) && l.allow_at(ip, 1, t0) && l.allow_at(ip, 1, t0));
        assert!(!l.allow_at(ip, 1, t0), "burst spent");
        assert!(l.allow_at(other, 1, t0), "addresses are independent");
        assert!(l.allow_at(ip, 1, t0 + Duration::from_secs(1)), "one token per second at 60/min");
        assert!(!l.allow_at(ip, 5, t0 + Duration::from_secs(2)), "a batch costs its size");
    }
}
