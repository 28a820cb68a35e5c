//! Federation peerings and their sync state in PostgreSQL.

use postgres::Row;

use crate::common::{self, PEER_COLUMNS};
use crate::engine::postgres::{PgStore, count, is_foreign_key_violation, is_unique_violation};
use crate::{Peer, PeerAuth, PeerState, PeerStore, Result, StoreError};

fn peer_from_row(r: &Row) -> Result<Peer> {
    let kind: String = r.try_get(5)?;
    let user: Option<String> = r.try_get(6)?;
    let secret: String = r.try_get(7)?;
    let direction: String = r.try_get(8)?;
    let rank: i16 = r.try_get(9)?;
    Ok(Peer {
        name: r.try_get(0)?,
        url: r.try_get(1)?,
        api_root: r.try_get(2)?,
        remote_collection: r.try_get(3)?,
        local_collection: r.try_get(4)?,
        auth: common::peer_auth(&kind, user, secret)?,
        direction: common::peer_direction(&direction)?,
        max_tlp: common::tlp("peers", "max_tlp", i64::from(rank))?,
        created: r.try_get(10)?,
    })
}

impl PeerStore for PgStore {
    fn add_peer(&self, p: &Peer) -> Result<()> {
        let (kind, user, secret) = match &p.auth {
            PeerAuth::Bearer(t) => ("bearer", None, t.as_str()),
            PeerAuth::Basic { user, password } => ("basic", Some(user.as_str()), password.as_str()),
        };
        let rank = i16::from(p.max_tlp.rank());
        self.with(|c| {
            let mut tx = c.transaction()?;
            let res = tx.execute(
                &format!("INSERT INTO peers ({PEER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)"),
                &[
                    &p.name,
                    &p.url,
                    &p.api_root,
                    &p.remote_collection,
                    &p.local_collection,
                    &kind,
                    &user,
                    &secret,
                    &p.direction.as_str(),
                    &rank,
                    &p.created,
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
            tx.execute("INSERT INTO peer_state (name) VALUES ($1)", &[&p.name])?;
            tx.commit()?;
            Ok(())
        })
    }

    fn peer(&self, name: &str) -> Result<Option<Peer>> {
        self.with(|c| {
            c.query_opt(&format!("SELECT {PEER_COLUMNS} FROM peers WHERE name = $1"), &[&name])?.as_ref().map(peer_from_row).transpose()
        })
    }

    fn list_peers(&self) -> Result<Vec<Peer>> {
        self.with(|c| c.query(&format!("SELECT {PEER_COLUMNS} FROM peers ORDER BY name"), &[])?.iter().map(peer_from_row).collect())
    }

    fn remove_peer(&self, name: &str) -> Result<bool> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            tx.execute("DELETE FROM peer_state WHERE name = $1", &[&name])?;
            let n = tx.execute("DELETE FROM peers WHERE name = $1", &[&name])?;
            tx.commit()?;
            Ok(n > 0)
        })
    }

    fn peer_state(&self, name: &str) -> Result<PeerState> {
        self.with(|c| {
            let row = c.query_opt(
                "SELECT pull_checkpoint, push_checkpoint_us, last_success, last_error, failures, pulled, pushed, refused \
                 FROM peer_state WHERE name = $1",
                &[&name],
            )?;
            let Some(r) = row else { return Err(StoreError::NotFound { what: "peer", name: name.to_string() }) };
            Ok(PeerState {
                pull_checkpoint: r.try_get(0)?,
                push_checkpoint_us: r.try_get(1)?,
                last_success: r.try_get(2)?,
                last_error: r.try_get(3)?,
                failures: common::counter("peer_state", "failures", i64::from(r.try_get::<_, i32>(4)?))?,
                pulled: common::counter("peer_state", "pulled", r.try_get(5)?)?,
                pushed: common::counter("peer_state", "pushed", r.try_get(6)?)?,
                refused: common::counter("peer_state", "refused", r.try_get(7)?)?,
            })
        })
    }

    fn save_peer_state(&self, name: &str, s: &PeerState) -> Result<()> {
        let failures = i32::try_from(s.failures).unwrap_or(i32::MAX);
        self.with(|c| {
            let n = c.execute(
                "UPDATE peer_state SET pull_checkpoint = $2, push_checkpoint_us = $3, last_success = $4, last_error = $5, \
                 failures = $6, pulled = $7, pushed = $8, refused = $9 WHERE name = $1",
                &[
                    &name,
                    &s.pull_checkpoint,
                    &s.push_checkpoint_us,
                    &s.last_success,
                    &s.last_error,
                    &failures,
                    &count(s.pulled),
                    &count(s.pushed),
                    &count(s.refused),
                ],
            )?;
            if n == 0 {
                return Err(StoreError::NotFound { what: "peer", name: name.to_string() });
            }
            Ok(())
        })
    }

    fn try_lease_peer(&self, name: &str, owner: &str, now_us: i64, until_us: i64) -> Result<bool> {
        // One UPDATE decides: under READ COMMITTED a concurrent taker waits for the row and
        // re-checks the WHERE clause against the winner's lease, so only one process gets it.
        self.with(|c| {
            let n = c.execute(
                "UPDATE peer_state SET lease_owner = $2, lease_until_us = $4 \
                 WHERE name = $1 AND (lease_owner IS NULL OR lease_owner = $2 OR lease_until_us IS NULL OR lease_until_us < $3)",
                &[&name, &owner, &now_us, &until_us],
            )?;
            Ok(n > 0)
        })
    }
}
