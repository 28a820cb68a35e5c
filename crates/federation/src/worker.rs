//! The sync workers: a supervisor that starts one task per peering, and the round each task
//! runs (pull, then push), persisting the checkpoints after every page.

use std::collections::HashMap;
use std::time::Duration;

use hub::Hub;
use rand::Rng;
use store::{Peer, PeerState};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::client::{PageRequest, TaxiiClient};
use crate::{SyncConfig, SyncError};

/// What one round moved, and what it cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Round {
    /// HTTP requests made to the peer (pull pages plus push requests).
    pub requests: u32,
    pub pulled: u64,
    pub unchanged: u64,
    pub refused: u64,
    pub invalid: u64,
    pub pushed: u64,
    /// Objects the peer did not accept (its own gate or validation).
    pub push_failed: u64,
}

/// The running workers; [`SyncHandle::shutdown`] stops them between two pages.
pub struct SyncHandle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl SyncHandle {
    /// Asks every worker to stop and waits for them.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Starts the supervisor on the current tokio runtime: it finds the peerings in the database
/// (also those added while running) and keeps one worker per peering.
pub fn start(hub: Hub, config: SyncConfig) -> SyncHandle {
    let (stop, rx) = watch::channel(false);
    let task = tokio::spawn(supervise(hub, config, rx));
    SyncHandle { stop, task }
}

/// Exponential backoff with "equal jitter": half of `base * 2^(failures-1)` (capped at `max`)
/// plus `jitter` (0..1) times the other half, so that many hubs retrying do not synchronise.
pub fn backoff(base: Duration, failures: u32, max: Duration, jitter: f64) -> Duration {
    let exp = base.saturating_mul(1u32 << failures.saturating_sub(1).min(20)).min(max);
    let half = exp / 2;
    half + half.mul_f64(jitter.clamp(0.0, 1.0))
}

/// One round with a peer: pull every new page, then push every new local object the peer may
/// receive. Checkpoints are saved after each page, so an interrupted round resumes where it
/// stopped; a round with nothing new costs one request (the empty pull page).
pub async fn sync_once(hub: &Hub, client: &TaxiiClient, peer: &Peer, config: &SyncConfig, owner: &str) -> Result<Round, SyncError> {
    let mut round = Round::default();
    let mut state = load_state(hub, &peer.name).await?;
    if peer.direction.pulls() {
        pull(hub, client, peer, config, owner, &mut state, &mut round).await?;
    }
    if peer.direction.pushes() {
        push(hub, client, peer, config, owner, &mut state, &mut round).await?;
    }
    Ok(round)
}

/// Pulls every new page. The next page is fetched while the current one is being stored, and
/// the checkpoint moves only once a page is durable.
async fn pull(
    hub: &Hub,
    client: &TaxiiClient,
    peer: &Peer,
    config: &SyncConfig,
    owner: &str,
    state: &mut PeerState,
    round: &mut Round,
) -> Result<(), SyncError> {
    let actor = format!("peer:{}", peer.name);
    let mut request = Some((state.pull_checkpoint.clone(), None::<String>));
    let mut fetched = None;
    while let Some((added_after, next)) = request.take() {
        let page = match fetched.take() {
            Some(page) => page,
            None => {
                client
                    .get_objects(&PageRequest { added_after: added_after.as_deref(), next: next.as_deref(), limit: config.page_limit })
                    .await?
            }
        };
        round.requests += 1;
        // Several objects may share a date_added (medallion stamps a whole Add Objects request
        // with one instant), so mid-way through a listing the checkpoint stays just before the
        // page's last instant: a resume then re-reads a few stored objects instead of skipping any.
        let checkpoint = match &page.date_added_last {
            Some(last) if page.more => Some(just_before(last)),
            Some(last) => Some(last.clone()),
            None => None,
        };
        let advanced = checkpoint.is_some() && checkpoint != state.pull_checkpoint;
        // A page moved forward if it brought objects, a later date_added or a new cursor
        // (medallion repeats one session id as `next` on every page).
        let progressed = !page.objects.is_empty() || advanced || (page.next.is_some() && page.next != next);
        request = match (page.more, &page.next) {
            (false, _) => None,
            (true, _) if !progressed => {
                return Err(SyncError::Protocol("the peer says 'more' but its page moved nothing forward".into()));
            }
            (true, Some(n)) => Some((added_after.clone(), Some(n.clone()))),
            // No cursor: continue from the checkpoint, as TAXII servers without `next` expect.
            (true, None) if advanced => Some((checkpoint.clone(), None)),
            (true, None) => {
                return Err(SyncError::Protocol("the peer says 'more' without 'next' or a newer X-TAXII-Date-Added-Last".into()));
            }
        };
        let prefetch = async {
            match &request {
                Some((a, n)) => {
                    Some(client.get_objects(&PageRequest { added_after: a.as_deref(), next: n.as_deref(), limit: config.page_limit }).await)
                }
                None => None,
            }
        };
        let store = async {
            if page.objects.is_empty() {
                return Ok(None);
            }
            let (h, p, a, objects) = (hub.clone(), peer.clone(), actor.clone(), page.objects);
            blocking(move || Ok(h.receive_from_peer(&p, objects, &a)?)).await.map(Some)
        };
        let (stored, prefetched) = tokio::join!(store, prefetch);
        if let Some(got) = stored? {
            round.pulled += got.stored;
            round.unchanged += got.unchanged;
            round.refused += got.refused;
            round.invalid += got.invalid;
            state.pulled += got.stored;
            state.refused += got.refused;
        }
        // The page is durable; only now may the checkpoint move past it.
        if checkpoint.is_some() {
            state.pull_checkpoint = checkpoint;
        }
        save_state(hub, &peer.name, state).await?;
        renew(hub, &peer.name, owner, config.lease).await?;
        fetched = prefetched.transpose()?;
    }
    Ok(())
}

/// The TAXII timestamp one microsecond before `t` (unchanged when `t` does not parse).
fn just_before(t: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(t) {
        Ok(d) => (d.with_timezone(&chrono::Utc) - chrono::Duration::microseconds(1)).to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
        Err(_) => t.to_string(),
    }
}

/// Pushes every new local object the peer may receive; the next batch is read from the
/// database while the current one is on the wire.
async fn push(
    hub: &Hub,
    client: &TaxiiClient,
    peer: &Peer,
    config: &SyncConfig,
    owner: &str,
    state: &mut PeerState,
    round: &mut Round,
) -> Result<(), SyncError> {
    let read = |after: Option<i64>| {
        let (h, p, batch) = (hub.clone(), peer.clone(), config.push_batch);
        tokio::task::spawn_blocking(move || h.outgoing(&p, after, batch))
    };
    let mut pending = read(state.push_checkpoint_us);
    loop {
        let out = pending.await.map_err(|e| SyncError::Join(e.to_string()))??;
        let Some(to) = out.scanned_to_us else { return Ok(()) };
        let following = out.more.then(|| read(Some(to)));
        for chunk in chunks(&out.bodies, config.push_max_bytes) {
            let r = client.add_objects(chunk).await?;
            round.requests += 1;
            round.pushed += r.success_count;
            round.push_failed += r.failure_count;
            state.pushed += r.success_count;
            if r.failure_count > 0 {
                tracing::warn!(peer = %peer.name, failed = r.failure_count, "the peer did not accept some pushed objects");
            }
        }
        state.push_checkpoint_us = Some(to);
        save_state(hub, &peer.name, state).await?;
        renew(hub, &peer.name, owner, config.lease).await?;
        match following {
            Some(f) => pending = f,
            None => return Ok(()),
        }
    }
}

/// Splits bodies into requests of at most `max_bytes` (a single larger object goes alone).
fn chunks(bodies: &[String], max_bytes: usize) -> Vec<&[String]> {
    let mut out = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, b) in bodies.iter().enumerate() {
        if i > start && size + b.len() + 1 > max_bytes {
            out.push(&bodies[start..i]);
            (start, size) = (i, 0);
        }
        size += b.len() + 1;
    }
    if start < bodies.len() {
        out.push(&bodies[start..]);
    }
    out
}

async fn supervise(hub: Hub, config: SyncConfig, mut stop: watch::Receiver<bool>) {
    let owner = format!("pid{}-{}", std::process::id(), uuid::Uuid::new_v4());
    let http = match TaxiiClient::http(config.timeout) {
        Ok(h) => h,
        Err(e) => {
            tracing::error!(error = %e, "federation disabled: cannot build the HTTP client");
            return;
        }
    };
    let discovery = config.interval.min(Duration::from_secs(5));
    let mut workers: HashMap<String, JoinHandle<()>> = HashMap::new();
    loop {
        let h = hub.clone();
        match blocking(move || Ok(h.peers()?)).await {
            Ok(peers) => {
                workers.retain(|_, w| !w.is_finished());
                for p in peers {
                    if let std::collections::hash_map::Entry::Vacant(slot) = workers.entry(p.name.clone()) {
                        let task = worker(hub.clone(), http.clone(), config.clone(), owner.clone(), p.name, stop.clone());
                        slot.insert(tokio::spawn(task));
                    }
                }
            }
            Err(e) => tracing::warn!(error = %e, "cannot list federation peers"),
        }
        if pause(&mut stop, discovery).await {
            break;
        }
    }
    for (_, w) in workers {
        let _ = w.await;
    }
}

async fn worker(hub: Hub, http: reqwest::Client, config: SyncConfig, owner: String, name: String, mut stop: watch::Receiver<bool>) {
    loop {
        let (h, n) = (hub.clone(), name.clone());
        let peer = match blocking(move || Ok(h.peer(&n)?)).await {
            Ok(Some(p)) => p,
            Ok(None) => return, // removed
            Err(e) => {
                tracing::warn!(peer = %name, error = %e, "cannot read the peering");
                if pause(&mut stop, config.interval).await {
                    return;
                }
                continue;
            }
        };
        match renew(&hub, &name, &owner, config.lease).await {
            Ok(()) => {}
            Err(SyncError::LeaseLost) => {
                // Another process syncs this peer; try again later in case it dies.
                if pause(&mut stop, config.interval).await {
                    return;
                }
                continue;
            }
            Err(e) => tracing::warn!(peer = %name, error = %e, "cannot take the sync lease"),
        }
        let client = TaxiiClient::new(http.clone(), &peer);
        let result = tokio::select! {
            r = sync_once(&hub, &client, &peer, &config, &owner) => r,
            _ = stop.changed() => return,
        };
        let delay = match record(&hub, &peer, result).await {
            Ok(0) => config.interval,
            Ok(failures) => {
                backoff(config.interval.max(Duration::from_millis(100)), failures, config.max_backoff, rand::thread_rng().r#gen())
            }
            Err(e) => {
                tracing::warn!(peer = %name, error = %e, "cannot record the sync state");
                config.interval
            }
        };
        if pause(&mut stop, delay).await {
            return;
        }
    }
}

/// Records the outcome of a round in the peer's state; returns the consecutive failures.
async fn record(hub: &Hub, peer: &Peer, result: Result<Round, SyncError>) -> Result<u32, SyncError> {
    let mut state = load_state(hub, &peer.name).await?;
    match result {
        Ok(round) => {
            if round.pulled + round.pushed + round.refused + round.invalid > 0 {
                tracing::info!(peer = %peer.name, pulled = round.pulled, pushed = round.pushed, refused = round.refused, invalid = round.invalid, "federation sync");
            }
            state.failures = 0;
            state.last_error = None;
            state.last_success = Some(store::now_rfc3339());
        }
        Err(e) => {
            tracing::warn!(peer = %peer.name, error = %e, failures = state.failures + 1, "federation sync failed; backing off");
            state.failures = state.failures.saturating_add(1);
            state.last_error = Some(format!("{} {e}", store::now_rfc3339()));
        }
    }
    let failures = state.failures;
    save_state(hub, &peer.name, &state).await?;
    Ok(failures)
}

/// Waits `d` or until asked to stop; true when stopping.
async fn pause(stop: &mut watch::Receiver<bool>, d: Duration) -> bool {
    if *stop.borrow() {
        return true;
    }
    tokio::select! {
        () = tokio::time::sleep(d) => *stop.borrow(),
        r = stop.changed() => r.is_err() || *stop.borrow(),
    }
}

async fn renew(hub: &Hub, name: &str, owner: &str, lease: Duration) -> Result<(), SyncError> {
    let (h, n, o) = (hub.clone(), name.to_string(), owner.to_string());
    let now = chrono::Utc::now().timestamp_micros();
    let until = now.saturating_add(i64::try_from(lease.as_micros()).unwrap_or(i64::MAX));
    let held = blocking(move || Ok(h.try_lease_peer(&n, &o, now, until)?)).await?;
    if held { Ok(()) } else { Err(SyncError::LeaseLost) }
}

async fn load_state(hub: &Hub, name: &str) -> Result<PeerState, SyncError> {
    let (h, n) = (hub.clone(), name.to_string());
    blocking(move || Ok(h.peer_state(&n)?)).await
}

async fn save_state(hub: &Hub, name: &str, state: &PeerState) -> Result<(), SyncError> {
    let (h, n, s) = (hub.clone(), name.to_string(), state.clone());
    blocking(move || Ok(h.save_peer_state(&n, &s)?)).await
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T, SyncError> + Send + 'static) -> Result<T, SyncError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| SyncError::Join(e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_up_to_the_ceiling() {
        let base = Duration::from_millis(100);
        let max = Duration::from_secs(10);
        assert_eq!(backoff(base, 1, max, 0.0), Duration::from_millis(50));
        assert_eq!(backoff(base, 1, max, 1.0), Duration::from_millis(100));
        assert_eq!(backoff(base, 4, max, 1.0), Duration::from_millis(800));
        assert_eq!(backoff(base, 40, max, 1.0), max);
        assert!(backoff(base, 40, max, 0.5) >= max / 2);
    }

    #[test]
    fn resume_points_sit_just_before_the_last_instant() {
        assert_eq!(just_before("2026-11-23T05:41:49.194427Z"), "2026-11-23T05:41:49.194426Z");
        assert_eq!(just_before("2026-11-23T05:41:49Z"), "2026-11-23T05:41:48.999999Z");
        assert_eq!(just_before("2026-11-23T05:41:49.5+01:00"), "2026-11-23T04:41:49.499999Z");
        assert_eq!(just_before("garbage"), "garbage");
    }

    #[test]
    fn pushes_are_split_by_size() {
        let bodies: Vec<String> = (0..5).map(|i| "x".repeat(10 + i)).collect();
        let sizes: Vec<usize> = chunks(&bodies, 30).iter().map(|c| c.len()).collect();
        assert_eq!(sizes, vec![2, 2, 1], "sizes 11..=15 bytes with separators, at most 30 per request");
        assert_eq!(chunks(&bodies, 1).len(), 5);
        assert_eq!(chunks(&bodies, 1_000).len(), 1);
        assert!(chunks(&[], 10).is_empty());
    }
}
