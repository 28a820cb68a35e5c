//! A small blocking connection pool: at most `max` connections, idle ones are reused.
//!
//! The server calls the store from `spawn_blocking`, whose pool can grow to hundreds of threads;
//! the cap keeps a burst of requests from exhausting PostgreSQL's `max_connections`.

use std::sync::{Condvar, Mutex, MutexGuard};

use postgres::{Client, Config, NoTls};

use crate::Result;

pub(super) struct Pool {
    config: Config,
    max: usize,
    state: Mutex<State>,
    freed: Condvar,
}

struct State {
    idle: Vec<Client>,
    /// Connections that exist, idle or lent out.
    open: usize,
}

impl Pool {
    pub(super) fn new(config: Config, max: usize) -> Pool {
        Pool { config, max: max.max(1), state: Mutex::new(State { idle: Vec::new(), open: 0 }), freed: Condvar::new() }
    }

    /// Runs `f` on a pooled connection. A transaction opened by `f` is rolled back when it is
    /// dropped without commit, so the connection goes back to the pool clean.
    pub(super) fn with<T>(&self, f: impl FnOnce(&mut Client) -> Result<T>) -> Result<T> {
        let mut client = self.take()?;
        let out = f(&mut client);
        self.give_back(client);
        out
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A poisoned lock only means a caller panicked while holding it; the counters and the
        // idle list are updated in single statements and stay consistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn take(&self) -> Result<Client> {
        let mut state = self.lock();
        loop {
            while let Some(c) = state.idle.pop() {
                if !c.is_closed() {
                    return Ok(c);
                }
                state.open -= 1;
            }
            if state.open < self.max {
                state.open += 1;
                drop(state);
                return match self.config.connect(NoTls) {
                    Ok(c) => Ok(c),
                    Err(e) => {
                        self.lock().open -= 1;
                        self.freed.notify_one();
                        Err(e.into())
                    }
                };
            }
            state = self.freed.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn give_back(&self, client: Client) {
        let mut state = self.lock();
        if client.is_closed() {
            state.open -= 1;
        } else {
            state.idle.push(client);
        }
        drop(state);
        self.freed.notify_one();
    }
}
