//! Federation peerings and their sync state in SQLite.

use rusqlite::{OptionalExtension, params};

use crate::common::{self, PEER_COLUMNS};
use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation};
use crate::{Peer, PeerAuth, PeerState, PeerStore, Result, StoreError};

fn peer_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Peer> {
    let kind: String = r.get(5)?;
    let user: Option<String> = r.get(6)?;
    let secret: String = r.get(7)?;
    let direction: String = r.get(8)?;
    let rank: i64 = r.get(9)?;
    Ok(Peer {
        name: r.get(0)?,
        url: r.get(1)?,
        api_root: r.get(2)?,
        remote_collection: r.get(3)?,
        local_collection: r.get(4)?,
        auth: common::peer_auth(&kind, user, secret)?,
        direction: common::peer_direction(&direction)?,
        max_tlp: common::tlp("peers", "max_tlp", rank)?,
        created: r.get(10)?,
    })
}

impl PeerStore for SqliteStore {
    fn add_peer(&self, p: &Peer) -> Result<()> {
        let (kind, user, secret) = match &p.auth {
            PeerAuth::Bearer(t) => ("bearer", None, t.clone()),
            PeerAuth::Basic { user, password } => ("basic", Some(user.clone()), password.clone()),
        };
        self.write(|c| {
            let tx = c.transaction()?;
            let res = tx.execute(
                &format!("INSERT INTO peers ({PEER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
                params![
                    p.name,
                    p.url,
                    p.api_root,
                    p.remote_collection,
                    p.local_collection,
                    kind,
                    user,
                    secret,
                    p.direction.as_str(),
                    p.max_tlp.rank(),
                    p.created
                ],
            );
            match res {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => return Err(StoreError::Duplicate { what: "peer", name: p.name.clone() }),
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "collection", name: p.local_collection.clone() });
                }
                Err(e) => return Err(e.into()),
            }
            tx.execute("INSERT INTO peer_state (name) VALUES (?1)", [&p.name])?;
            tx.commit()?;
            Ok(())
        })
    }

    fn peer(&self, name: &str) -> Result<Option<Peer>> {
        self.read(|c| Ok(c.query_row(&format!("SELECT {PEER_COLUMNS} FROM peers WHERE name = ?1"), [name], peer_from_row).optional()?))
    }

    fn list_peers(&self) -> Result<Vec<Peer>> {
        self.read(|c| {
            let mut st = c.prepare(&format!("SELECT {PEER_COLUMNS} FROM peers ORDER BY name"))?;
            let rows = st.query_map([], peer_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn remove_peer(&self, name: &str) -> Result<bool> {
        self.write(|c| {
            let tx = c.transaction()?;
            tx.execute("DELETE FROM peer_state WHERE name = ?1", [name])?;
            let n = tx.execute("DELETE FROM peers WHERE name = ?1", [name])?;
            tx.commit()?;
            Ok(n > 0)
        })
    }

    fn peer_state(&self, name: &str) -> Result<PeerState> {
        self.read(|c| {
            let st = c
                .query_row(
                    "SELECT pull_checkpoint, push_checkpoint_us, last_success, last_error, failures, pulled, pushed, refused \
                     FROM peer_state WHERE name = ?1",
                    [name],
                    |r| {
                        Ok(PeerState {
                            pull_checkpoint: r.get(0)?,
                            push_checkpoint_us: r.get(1)?,
                            last_success: r.get(2)?,
                            last_error: r.get(3)?,
                            failures: common::counter("peer_state", "failures", r.get(4)?)?,
                            pulled: common::counter("peer_state", "pulled", r.get(5)?)?,
                            pushed: common::counter("peer_state", "pushed", r.get(6)?)?,
                            refused: common::counter("peer_state", "refused", r.get(7)?)?,
                        })
                    },
                )
                .optional()?;
            st.ok_or_else(|| StoreError::NotFound { what: "peer", name: name.to_string() })
        })
    }

    fn save_peer_state(&self, name: &str, s: &PeerState) -> Result<()> {
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        self.write(|c| {
            let n = c.execute(
                "UPDATE peer_state SET pull_checkpoint = ?2, push_checkpoint_us = ?3, last_success = ?4, last_error = ?5, \
                 failures = ?6, pulled = ?7, pushed = ?8, refused = ?9 WHERE name = ?1",
                params![
                    name,
                    s.pull_checkpoint,
                    s.push_checkpoint_us,
                    s.last_success,
                    s.last_error,
                    s.failures,
                    count(s.pulled),
                    count(s.pushed),
                    count(s.refused)
                ],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "peer", name: name.to_string() });
            }
            Ok(())
        })
    }

    fn try_lease_peer(&self, name: &str, owner: &str, now_us: i64, until_us: i64) -> Result<bool> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE peer_state SET lease_owner = ?2, lease_until_us = ?4 \
                 WHERE name = ?1 AND (lease_owner IS NULL OR lease_owner = ?2 OR lease_until_us IS NULL OR lease_until_us < ?3)",
                params![name, owner, now_us, until_us],
            )?;
            Ok(n > 0)
        })
    }
}

// Tested by the storage contract (`crate::contract`), which runs on every backend.
