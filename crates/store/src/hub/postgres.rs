//! The hub's aggregate (members, identity bindings, collections, objects, statuses, audit log,
//! meta settings) in PostgreSQL.
//!
//! `date_added` is assigned inside the write transaction as `max(now, last + 1µs)` from the
//! `clock` row, which every object writer takes `FOR UPDATE` first: writers serialise on it,
//! across processes too, so `date_added` is unique and increases in commit order and a keyset
//! cursor or an `added_after` poll never skips a version committed later.

use std::collections::HashMap;

use postgres::types::ToSql;
use postgres::{Client, GenericClient, IsolationLevel, Row, Transaction};

use crate::common::{self, OBJECT_COLUMNS, ORG_COLUMNS, TOKEN_COLUMNS, Violation};
use crate::engine::postgres::{PgStore, is_foreign_key_violation, is_unique_violation, now_us, violation};
use crate::versions::{Decision, decide, same_json};
use crate::{
    AuditEntry, AuditLog, Collection, CollectionStore, IdentityBinding, MemberStore, MetaStore, NewAudit, NewObject, ObjectQuery,
    ObjectStore, Org, PutOutcome, ReportClaim, Result, StatusRecord, StatusStore, StoreError, StoredObject, TokenRecord, Version,
    VersionSel, now_rfc3339,
};

fn org_from_row(r: &Row) -> Result<Org> {
    Ok(Org {
        id: r.try_get(0)?,
        name: r.try_get(1)?,
        identity_id: r.try_get(2)?,
        country: r.try_get(3)?,
        created: r.try_get(4)?,
        is_hub: r.try_get(5)?,
    })
}

fn token_from_row(r: &Row) -> Result<TokenRecord> {
    let role: String = r.try_get(2)?;
    Ok(TokenRecord {
        id: r.try_get(0)?,
        org_id: r.try_get(1)?,
        role: common::role("tokens", &role)?,
        secret_hash: r.try_get(3)?,
        created: r.try_get(4)?,
        revoked: r.try_get(5)?,
    })
}

impl MemberStore for PgStore {
    fn create_org(&self, name: &str, identity_id: &str, country: Option<&str>, is_hub: bool) -> Result<Org> {
        self.with(|c| {
            let created = now_rfc3339();
            let res = c.query_one(
                "INSERT INTO orgs (name, identity_id, country, created, is_hub) VALUES ($1, $2, $3, $4, $5) RETURNING id",
                &[&name, &identity_id, &country, &created, &is_hub],
            );
            let id: i64 = match res {
                Ok(row) => row.try_get(0)?,
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "organisation", name: name.to_string() });
                }
                Err(e) => return Err(e.into()),
            };
            Ok(Org { id, name: name.into(), identity_id: identity_id.into(), country: country.map(Into::into), created, is_hub })
        })
    }

    fn org_by_name(&self, name: &str) -> Result<Option<Org>> {
        self.with(|c| {
            c.query_opt(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE name = $1"), &[&name])?.as_ref().map(org_from_row).transpose()
        })
    }

    fn org_by_id(&self, id: i64) -> Result<Option<Org>> {
        self.with(|c| c.query_opt(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE id = $1"), &[&id])?.as_ref().map(org_from_row).transpose())
    }

    fn hub_org(&self) -> Result<Option<Org>> {
        self.with(|c| {
            c.query_opt(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE is_hub ORDER BY id LIMIT 1"), &[])?
                .as_ref()
                .map(org_from_row)
                .transpose()
        })
    }

    fn list_orgs(&self) -> Result<Vec<Org>> {
        self.with(|c| c.query(&format!("SELECT {ORG_COLUMNS} FROM orgs ORDER BY id"), &[])?.iter().map(org_from_row).collect())
    }

    fn insert_token(&self, t: &TokenRecord) -> Result<()> {
        self.with(|c| {
            c.execute(
                &format!("INSERT INTO tokens ({TOKEN_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6)"),
                &[&t.id, &t.org_id, &t.role.as_str(), &t.secret_hash, &t.created, &t.revoked],
            )
            .map_err(|e| match violation(&e) {
                Some(Violation::Unique) => StoreError::Duplicate { what: "token", name: t.id.clone() },
                Some(Violation::ForeignKey) => StoreError::NotFound { what: "organisation", name: t.org_id.to_string() },
                None => e.into(),
            })?;
            Ok(())
        })
    }

    fn token(&self, id: &str) -> Result<Option<TokenRecord>> {
        self.with(|c| {
            c.query_opt(&format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = $1"), &[&id])?.as_ref().map(token_from_row).transpose()
        })
    }

    fn revoke_token(&self, id: &str, at: &str) -> Result<bool> {
        self.with(|c| Ok(c.execute("UPDATE tokens SET revoked = COALESCE(revoked, $2) WHERE id = $1", &[&id, &at])? > 0))
    }

    fn list_tokens(&self) -> Result<Vec<TokenRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY created, id"), &[])?.iter().map(token_from_row).collect()
        })
    }

    fn identity_owner(&self, identity_id: &str) -> Result<Option<i64>> {
        self.with(|c| {
            let row = c.query_opt(
                "SELECT id FROM orgs WHERE identity_id = $1 UNION ALL SELECT org_id FROM identity_bindings WHERE identity_id = $1 LIMIT 1",
                &[&identity_id],
            )?;
            Ok(row.map(|r| r.try_get(0)).transpose()?)
        })
    }

    fn bind_identity(&self, identity_id: &str, org_id: i64, audit: &NewAudit) -> Result<IdentityBinding> {
        self.with(|c| {
            let mut tx = begin_write(c)?;
            let taken = || StoreError::Duplicate { what: "identity binding", name: identity_id.to_string() };
            if tx.query_opt("SELECT id FROM orgs WHERE identity_id = $1", &[&identity_id])?.is_some() {
                return Err(taken());
            }
            let bound_at = now_rfc3339();
            match tx.execute(
                "INSERT INTO identity_bindings (identity_id, org_id, bound_at, bound_by) VALUES ($1, $2, $3, $4)",
                &[&identity_id, &org_id, &bound_at, &audit.actor],
            ) {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => return Err(taken()),
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
            }
            append_audit(&mut tx, audit)?;
            tx.commit()?;
            Ok(IdentityBinding { identity_id: identity_id.into(), org_id, bound_at, bound_by: audit.actor.clone() })
        })
    }

    fn unbind_identity(&self, identity_id: &str, audit: &NewAudit) -> Result<bool> {
        self.with(|c| {
            let mut tx = begin_write(c)?;
            let n = tx.execute("DELETE FROM identity_bindings WHERE identity_id = $1", &[&identity_id])?;
            if n > 0 {
                append_audit(&mut tx, audit)?;
            }
            tx.commit()?;
            Ok(n > 0)
        })
    }

    fn identity_bindings(&self) -> Result<Vec<IdentityBinding>> {
        self.with(|c| {
            c.query("SELECT identity_id, org_id, bound_at, bound_by FROM identity_bindings ORDER BY bound_at, identity_id", &[])?
                .iter()
                .map(|r| {
                    Ok(IdentityBinding {
                        identity_id: r.try_get(0)?,
                        org_id: r.try_get(1)?,
                        bound_at: r.try_get(2)?,
                        bound_by: r.try_get(3)?,
                    })
                })
                .collect()
        })
    }
}

impl CollectionStore for PgStore {
    fn create_collection(&self, col: &Collection) -> Result<()> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let res = tx.execute(
                "INSERT INTO collections (id, title, description, read_all, public, created) VALUES ($1, $2, $3, $4, $5, $6)",
                &[&col.id, &col.title, &col.description, &col.read_all, &col.public, &now_rfc3339()],
            );
            match res {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "collection", name: col.title.clone() });
                }
                Err(e) => return Err(e.into()),
            }
            for (org, read, write) in common::grants(col) {
                tx.execute(
                    "INSERT INTO collection_grants (collection_id, org_id, can_read, can_write) VALUES ($1, $2, $3, $4)",
                    &[&col.id, &org, &read, &write],
                )
                .map_err(|e| match violation(&e) {
                    Some(Violation::ForeignKey) => StoreError::NotFound { what: "organisation", name: org.to_string() },
                    _ => e.into(),
                })?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn collection(&self, id: &str) -> Result<Option<Collection>> {
        self.with(|c| load_collection(c, id))
    }

    fn list_collections(&self) -> Result<Vec<Collection>> {
        self.with(|c| {
            let ids: Vec<String> =
                c.query("SELECT id FROM collections ORDER BY created, id", &[])?.iter().map(|r| r.try_get(0)).collect::<Result<_, _>>()?;
            let mut out = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(col) = load_collection(c, &id)? {
                    out.push(col);
                }
            }
            Ok(out)
        })
    }
}

fn load_collection(c: &mut Client, id: &str) -> Result<Option<Collection>> {
    let Some(head) = c.query_opt("SELECT id, title, description, read_all, public FROM collections WHERE id = $1", &[&id])? else {
        return Ok(None);
    };
    let mut col = Collection {
        id: head.try_get(0)?,
        title: head.try_get(1)?,
        description: head.try_get(2)?,
        read_all: head.try_get(3)?,
        public: head.try_get(4)?,
        readers: Vec::new(),
        writers: Vec::new(),
    };
    for g in c.query("SELECT org_id, can_read, can_write FROM collection_grants WHERE collection_id = $1 ORDER BY org_id", &[&id])? {
        let org: i64 = g.try_get(0)?;
        if g.try_get::<_, bool>(1)? {
            col.readers.push(org);
        }
        if g.try_get::<_, bool>(2)? {
            col.writers.push(org);
        }
    }
    Ok(Some(col))
}

fn object_from_row(r: &Row) -> Result<StoredObject> {
    let version_text: Option<String> = r.try_get(3)?;
    let version_ns: Option<i64> = r.try_get(4)?;
    let rank: i16 = r.try_get(6)?;
    let recipients: Option<String> = r.try_get(8)?;
    Ok(StoredObject {
        object_id: r.try_get(0)?,
        object_type: r.try_get(1)?,
        spec_version: r.try_get(2)?,
        version: version_text.zip(version_ns).map(|(text, nanos)| Version { text, nanos }),
        date_added_us: r.try_get(5)?,
        tlp: common::tlp("objects", "tlp", i64::from(rank))?,
        producer: r.try_get(7)?,
        recipients: common::recipients(recipients),
        body: r.try_get(9)?,
        origin: r.try_get(10)?,
    })
}

/// A version of an object known while a batch is being stored: already in the table, or
/// decided in this batch and waiting for the bulk insert at its end.
struct Known {
    version_ns: Option<i64>,
    producer: String,
    /// Index into the batch's pending rows.
    pending: Option<usize>,
}

/// A row to insert at the end of the batch (one round trip for the whole batch).
struct Pending<'a> {
    object: &'a NewObject,
    date_added: i64,
    is_first: bool,
    is_latest: bool,
}

/// Decides the outcome of every object of a batch, in order, exactly as storing them one by
/// one would: later objects of the batch see the versions stored by earlier ones.
struct Batch<'a> {
    collection_id: &'a str,
    known: HashMap<&'a str, Vec<Known>>,
    pending: Vec<Pending<'a>>,
    clock: i64,
}

impl<'a> Batch<'a> {
    fn load(tx: &mut Transaction<'_>, collection_id: &'a str, objects: &'a [NewObject], clock: i64) -> Result<Batch<'a>> {
        // One index-only read for the whole batch tells which objects are new (the common case
        // at ingest) and which versions the others have.
        let mut ids: Vec<&str> = objects.iter().map(|o| o.object_id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let rows = tx.query(
            "SELECT object_id, version_ns, producer FROM objects WHERE collection_id = $1 AND object_id = ANY($2)",
            &[&collection_id, &ids],
        )?;
        let mut known: HashMap<&'a str, Vec<Known>> = ids.iter().map(|id| (*id, Vec::new())).collect();
        for r in rows {
            let id: &str = r.try_get(0)?;
            if let Some(versions) = known.get_mut(id) {
                versions.push(Known { version_ns: r.try_get(1)?, producer: r.try_get(2)?, pending: None });
            }
        }
        Ok(Batch { collection_id, known, pending: Vec::new(), clock })
    }

    fn put(&mut self, tx: &mut Transaction<'_>, o: &'a NewObject) -> Result<PutOutcome> {
        let known = self.known.entry(o.object_id.as_str()).or_default();
        let rows: Vec<(Option<i64>, &str)> = known.iter().map(|k| (k.version_ns, k.producer.as_str())).collect();
        let (is_first, is_latest, over_other) = match decide(&rows, o) {
            Decision::Done(outcome) => return Ok(outcome),
            Decision::Compare { version_ns } => {
                let held = known.iter().find(|k| k.version_ns == version_ns && k.producer == o.producer);
                let body = match held.and_then(|k| k.pending) {
                    Some(i) => self.pending[i].object.body.clone(),
                    None => tx
                        .query_one(
                            "SELECT body FROM objects WHERE collection_id = $1 AND object_id = $2 \
                             AND version_ns IS NOT DISTINCT FROM $3 AND producer = $4 LIMIT 1",
                            &[&self.collection_id, &o.object_id, &version_ns, &o.producer],
                        )?
                        .try_get(0)?,
                };
                return Ok(if same_json(&body, &o.body) { PutOutcome::AlreadyStored } else { PutOutcome::Conflict });
            }
            Decision::Insert { is_first, is_latest, demote_first, demote_latest, over_other } => {
                if demote_first {
                    tx.execute(
                        "UPDATE objects SET is_first = FALSE WHERE collection_id = $1 AND object_id = $2 AND is_first",
                        &[&self.collection_id, &o.object_id],
                    )?;
                }
                if demote_latest {
                    tx.execute(
                        "UPDATE objects SET is_latest = FALSE WHERE collection_id = $1 AND object_id = $2 AND is_latest",
                        &[&self.collection_id, &o.object_id],
                    )?;
                }
                for i in known.iter().filter_map(|k| k.pending) {
                    let p = &mut self.pending[i];
                    p.is_first &= !demote_first;
                    p.is_latest &= !demote_latest;
                }
                (is_first, is_latest, over_other)
            }
        };
        let date_added = now_us().max(self.clock + 1);
        self.clock = date_added;
        known.push(Known {
            version_ns: o.version.as_ref().map(|v| v.nanos),
            producer: o.producer.clone(),
            pending: Some(self.pending.len()),
        });
        self.pending.push(Pending { object: o, date_added, is_first, is_latest });
        Ok(PutOutcome::Stored { date_added_us: date_added, over_other_producer: over_other })
    }

    fn insert(self, tx: &mut Transaction<'_>) -> Result<i64> {
        if self.pending.is_empty() {
            return Ok(self.clock);
        }
        let p = &self.pending;
        let object_ids: Vec<&str> = p.iter().map(|r| r.object.object_id.as_str()).collect();
        let types: Vec<&str> = p.iter().map(|r| r.object.object_type.as_str()).collect();
        let specs: Vec<&str> = p.iter().map(|r| r.object.spec_version.as_str()).collect();
        let version_texts: Vec<Option<&str>> = p.iter().map(|r| r.object.version.as_ref().map(|v| v.text.as_str())).collect();
        let version_ns: Vec<Option<i64>> = p.iter().map(|r| r.object.version.as_ref().map(|v| v.nanos)).collect();
        let dates: Vec<i64> = p.iter().map(|r| r.date_added).collect();
        let tlps: Vec<i16> = p.iter().map(|r| i16::from(r.object.tlp.rank())).collect();
        let producers: Vec<&str> = p.iter().map(|r| r.object.producer.as_str()).collect();
        let recipients: Vec<Option<String>> =
            p.iter().map(|r| (!r.object.recipients.is_empty()).then(|| r.object.recipients.join(" "))).collect();
        let firsts: Vec<bool> = p.iter().map(|r| r.is_first).collect();
        let latests: Vec<bool> = p.iter().map(|r| r.is_latest).collect();
        let bodies: Vec<&str> = p.iter().map(|r| r.object.body.as_str()).collect();
        let origins: Vec<Option<&str>> = p.iter().map(|r| r.object.origin.as_deref()).collect();
        tx.execute(
            "INSERT INTO objects (collection_id, object_id, object_type, spec_version, version_text, version_ns, date_added, \
             tlp, producer, recipients, is_first, is_latest, body, origin) \
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], \
             $8::smallint[], $9::text[], $10::text[], $11::boolean[], $12::boolean[], $13::text[], $14::text[])",
            &[
                &self.collection_id,
                &object_ids,
                &types,
                &specs,
                &version_texts,
                &version_ns,
                &dates,
                &tlps,
                &producers,
                &recipients,
                &firsts,
                &latests,
                &bodies,
                &origins,
            ],
        )?;
        Ok(self.clock)
    }
}

pub(crate) fn append_audit(c: &mut impl GenericClient, e: &NewAudit) -> Result<()> {
    c.execute(
        "INSERT INTO audit (at, actor, action, target, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6)",
        &[&now_rfc3339(), &e.actor, &e.action, &e.target, &e.outcome, &e.detail],
    )?;
    Ok(())
}

/// Begins an object write. READ COMMITTED whatever the server's default: each statement after
/// the clock lock must see what the previous holder of the lock committed.
pub(crate) fn begin_write(c: &mut Client) -> Result<Transaction<'_>> {
    Ok(c.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start()?)
}

/// Takes the clock row for the rest of the transaction: from here on no other writer of
/// objects, in any process, runs until this transaction ends.
fn lock_clock(tx: &mut Transaction<'_>) -> Result<i64> {
    Ok(tx.query_one("SELECT last_us FROM clock WHERE id = 1 FOR UPDATE", &[])?.try_get(0)?)
}

impl ObjectStore for PgStore {
    fn add_objects_deciding(
        &self,
        collection_id: &str,
        objects: &[NewObject],
        finish: &mut dyn FnMut(&[PutOutcome]) -> (StatusRecord, NewAudit),
        claim: Option<ReportClaim<'_>>,
    ) -> Result<Vec<PutOutcome>> {
        self.with(|c| {
            let mut tx = begin_write(c)?;
            let clock = lock_clock(&mut tx)?;
            let mut batch = Batch::load(&mut tx, collection_id, objects, clock)?;
            let mut outcomes = Vec::with_capacity(objects.len());
            for o in objects {
                outcomes.push(batch.put(&mut tx, o)?);
            }
            let clock = batch.insert(&mut tx)?;
            tx.execute("UPDATE clock SET last_us = $1 WHERE id = 1", &[&clock])?;
            // Returning early drops `tx`, which rolls every write above back.
            if let Some(claim) = claim {
                if let Some(refusal) = claim.unstored(&outcomes) {
                    return Err(refusal);
                }
                if !crate::portal::postgres::decide_in(&mut tx, claim.report_id, claim.decision)? {
                    return Err(claim.decided());
                }
            }
            let (status, audit) = finish(&outcomes);
            tx.execute(
                "INSERT INTO statuses (id, org_id, created, body) VALUES ($1, $2, $3, $4)",
                &[&status.id, &status.org_id, &now_rfc3339(), &status.body],
            )?;
            append_audit(&mut tx, &audit)?;
            tx.commit()?;
            Ok(outcomes)
        })
    }

    fn scan(&self, q: &ObjectQuery) -> Result<Vec<StoredObject>> {
        let mut sql = format!("SELECT {OBJECT_COLUMNS} FROM objects WHERE collection_id = $1 AND date_added > $2");
        let mut args: Vec<Box<dyn ToSql + Sync>> = vec![Box::new(q.collection_id.clone()), Box::new(q.added_after_us.unwrap_or(i64::MIN))];
        for (column, values) in [("object_id", &q.ids), ("object_type", &q.types), ("spec_version", &q.spec_versions)] {
            if !values.is_empty() {
                args.push(Box::new(values.clone()));
                sql.push_str(&format!(" AND {column} = ANY(${})", args.len()));
            }
        }
        if !q.versions.is_empty() && !q.versions.contains(&VersionSel::All) {
            let terms: Vec<String> = q
                .versions
                .iter()
                .map(|v| match v {
                    VersionSel::First => "is_first".to_string(),
                    VersionSel::Last => "is_latest".to_string(),
                    VersionSel::At(ns) => format!("version_ns = {ns}"),
                    VersionSel::All => "TRUE".to_string(),
                })
                .collect();
            sql.push_str(&format!(" AND ({})", terms.join(" OR ")));
        }
        if let Some(c) = &q.candidates {
            let mut terms = Vec::new();
            if let Some(t) = c.open_up_to {
                terms.push(format!("tlp <= {}", t.rank()));
            }
            if let Some(me) = &c.identity {
                args.push(Box::new(me.clone()));
                terms.push(format!("producer = ${}", args.len()));
                args.push(Box::new(format!(" {me} ")));
                terms.push(format!("position(${} in ' ' || coalesce(recipients, '') || ' ') > 0", args.len()));
            }
            sql.push_str(&if terms.is_empty() { " AND FALSE".to_string() } else { format!(" AND ({})", terms.join(" OR ")) });
        }
        args.push(Box::new(i64::try_from(q.batch).unwrap_or(i64::MAX)));
        sql.push_str(&format!(" ORDER BY date_added LIMIT ${}", args.len()));
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
        self.with(|c| c.query(&sql, &params)?.iter().map(object_from_row).collect())
    }

    fn versions(&self, collection_id: &str, object_id: &str) -> Result<Vec<StoredObject>> {
        self.with(|c| {
            c.query(
                &format!(
                    "SELECT {OBJECT_COLUMNS} FROM objects WHERE collection_id = $1 AND object_id = $2 ORDER BY version_ns NULLS FIRST, date_added"
                ),
                &[&collection_id, &object_id],
            )?
            .iter()
            .map(object_from_row)
            .collect()
        })
    }

    fn delete_versions(&self, collection_id: &str, object_id: &str, date_added_us: &[i64], audit: &NewAudit) -> Result<usize> {
        self.with(|c| {
            let mut tx = begin_write(c)?;
            // Deletes rewrite the first/latest flags: they serialise with the object writers.
            lock_clock(&mut tx)?;
            let n = tx.execute(
                "DELETE FROM objects WHERE collection_id = $1 AND object_id = $2 AND date_added = ANY($3)",
                &[&collection_id, &object_id, &date_added_us],
            )?;
            tx.execute(
                "UPDATE objects SET \
                 is_latest = (version_ns IS NOT DISTINCT FROM (SELECT max(version_ns) FROM objects o WHERE o.collection_id = $1 AND o.object_id = $2)), \
                 is_first = (version_ns IS NOT DISTINCT FROM (SELECT min(version_ns) FROM objects o WHERE o.collection_id = $1 AND o.object_id = $2)) \
                 WHERE collection_id = $1 AND object_id = $2",
                &[&collection_id, &object_id],
            )?;
            append_audit(&mut tx, audit)?;
            tx.commit()?;
            Ok(usize::try_from(n).unwrap_or(usize::MAX))
        })
    }

    fn count(&self, collection_id: &str) -> Result<u64> {
        self.with(|c| {
            let n: i64 = c.query_one("SELECT count(*) FROM objects WHERE collection_id = $1", &[&collection_id])?.try_get(0)?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }
}

impl StatusStore for PgStore {
    fn status(&self, id: &str) -> Result<Option<StatusRecord>> {
        self.with(|c| {
            c.query_opt("SELECT id, org_id, body FROM statuses WHERE id = $1", &[&id])?
                .map(|r| Ok(StatusRecord { id: r.try_get(0)?, org_id: r.try_get(1)?, body: r.try_get(2)? }))
                .transpose()
        })
    }
}

fn audit_entry(r: &postgres::Row) -> Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.try_get(0)?,
        at: r.try_get(1)?,
        actor: r.try_get(2)?,
        action: r.try_get(3)?,
        target: r.try_get(4)?,
        outcome: r.try_get(5)?,
        detail: r.try_get(6)?,
    })
}

impl AuditLog for PgStore {
    fn append(&self, entry: &NewAudit) -> Result<()> {
        self.with(|c| append_audit(c, entry))
    }

    fn entries_about(&self, targets: &[String], from: &str, to: &str) -> Result<Vec<AuditEntry>> {
        if targets.is_empty() {
            return Ok(Vec::new());
        }
        let list: Vec<&str> = targets.iter().map(String::as_str).collect();
        self.with(|c| {
            c.query(
                "SELECT seq, at, actor, action, target, outcome, detail FROM audit \
                 WHERE target = ANY($1) AND at >= $2 AND at <= $3 ORDER BY seq",
                &[&list, &from, &to],
            )?
            .iter()
            .map(audit_entry)
            .collect()
        })
    }

    fn entries(&self, after: i64, limit: usize) -> Result<Vec<AuditEntry>> {
        self.with(|c| {
            c.query(
                "SELECT seq, at, actor, action, target, outcome, detail FROM audit WHERE seq > $1 ORDER BY seq LIMIT $2",
                &[&after, &i64::try_from(limit).unwrap_or(i64::MAX)],
            )?
            .iter()
            .map(audit_entry)
            .collect()
        })
    }
}

impl MetaStore for PgStore {
    fn meta(&self, key: &str) -> Result<Option<String>> {
        self.with(|c| c.query_opt("SELECT value FROM meta WHERE key = $1", &[&key])?.map(|r| Ok(r.try_get(0)?)).transpose())
    }

    fn meta_init(&self, key: &str, value: &str) -> Result<String> {
        self.with(|c| {
            c.execute("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", &[&key, &value])?;
            Ok(c.query_one("SELECT value FROM meta WHERE key = $1", &[&key])?.try_get(0)?)
        })
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.with(|c| {
            c.execute(
                "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&key, &value],
            )?;
            Ok(())
        })
    }
}
