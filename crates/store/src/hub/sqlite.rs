//! The hub's aggregate (members, identity bindings, collections, objects, statuses, audit log,
//! meta settings) in SQLite.

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params, params_from_iter};

use crate::common::{self, OBJECT_COLUMNS, ORG_COLUMNS, TOKEN_COLUMNS, Violation};
use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation, now_us, violation};
use crate::versions::{Decision, decide, same_json};
use crate::{
    AuditEntry, AuditLog, Collection, CollectionStore, IdentityBinding, MemberStore, MetaStore, NewAudit, NewObject, ObjectQuery,
    ObjectStore, Org, PutOutcome, ReportClaim, Result, StatusRecord, StatusStore, StoreError, StoredObject, TokenRecord, Version,
    VersionSel, now_rfc3339,
};

fn org_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Org> {
    Ok(Org { id: r.get(0)?, name: r.get(1)?, identity_id: r.get(2)?, country: r.get(3)?, created: r.get(4)?, is_hub: r.get(5)? })
}

fn token_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TokenRecord> {
    let role: String = r.get(2)?;
    Ok(TokenRecord {
        id: r.get(0)?,
        org_id: r.get(1)?,
        role: common::role("tokens", &role)?,
        secret_hash: r.get(3)?,
        created: r.get(4)?,
        revoked: r.get(5)?,
    })
}

impl MemberStore for SqliteStore {
    fn create_org(&self, name: &str, identity_id: &str, country: Option<&str>, is_hub: bool) -> Result<Org> {
        self.write(|c| {
            let created = now_rfc3339();
            let res = c.execute(
                "INSERT INTO orgs (name, identity_id, country, created, is_hub) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![name, identity_id, country, created, is_hub],
            );
            match res {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "organisation", name: name.to_string() });
                }
                Err(e) => return Err(e.into()),
            }
            let id = c.last_insert_rowid();
            Ok(Org { id, name: name.into(), identity_id: identity_id.into(), country: country.map(Into::into), created, is_hub })
        })
    }

    fn org_by_name(&self, name: &str) -> Result<Option<Org>> {
        self.read(|c| Ok(c.query_row(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE name = ?1"), [name], org_from_row).optional()?))
    }

    fn org_by_id(&self, id: i64) -> Result<Option<Org>> {
        self.read(|c| Ok(c.query_row(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE id = ?1"), [id], org_from_row).optional()?))
    }

    fn hub_org(&self) -> Result<Option<Org>> {
        self.read(|c| {
            Ok(c.query_row(&format!("SELECT {ORG_COLUMNS} FROM orgs WHERE is_hub = 1 ORDER BY id LIMIT 1"), [], org_from_row).optional()?)
        })
    }

    fn list_orgs(&self) -> Result<Vec<Org>> {
        self.read(|c| {
            let mut st = c.prepare(&format!("SELECT {ORG_COLUMNS} FROM orgs ORDER BY id"))?;
            let rows = st.query_map([], org_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn insert_token(&self, t: &TokenRecord) -> Result<()> {
        self.write(|c| {
            c.execute(
                &format!("INSERT INTO tokens ({TOKEN_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                params![t.id, t.org_id, t.role.as_str(), t.secret_hash, t.created, t.revoked],
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
        self.read(|c| Ok(c.query_row(&format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = ?1"), [id], token_from_row).optional()?))
    }

    fn revoke_token(&self, id: &str, at: &str) -> Result<bool> {
        self.write(|c| {
            let n = c.execute("UPDATE tokens SET revoked = COALESCE(revoked, ?2) WHERE id = ?1", params![id, at])?;
            Ok(n > 0)
        })
    }

    fn list_tokens(&self) -> Result<Vec<TokenRecord>> {
        self.read(|c| {
            let mut st = c.prepare(&format!("SELECT {TOKEN_COLUMNS} FROM tokens ORDER BY created, id"))?;
            let rows = st.query_map([], token_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn identity_owner(&self, identity_id: &str) -> Result<Option<i64>> {
        self.read(|c| {
            Ok(c.query_row(
                "SELECT id FROM orgs WHERE identity_id = ?1 UNION ALL SELECT org_id FROM identity_bindings WHERE identity_id = ?1 LIMIT 1",
                [identity_id],
                |r| r.get(0),
            )
            .optional()?)
        })
    }

    fn bind_identity(&self, identity_id: &str, org_id: i64, audit: &NewAudit) -> Result<IdentityBinding> {
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let taken = || StoreError::Duplicate { what: "identity binding", name: identity_id.to_string() };
            let own: Option<i64> = tx.query_row("SELECT id FROM orgs WHERE identity_id = ?1", [identity_id], |r| r.get(0)).optional()?;
            if own.is_some() {
                return Err(taken());
            }
            let bound_at = now_rfc3339();
            match tx.execute(
                "INSERT INTO identity_bindings (identity_id, org_id, bound_at, bound_by) VALUES (?1, ?2, ?3, ?4)",
                params![identity_id, org_id, bound_at, audit.actor],
            ) {
                Ok(_) => {}
                Err(e) if is_unique_violation(&e) => return Err(taken()),
                Err(e) if is_foreign_key_violation(&e) => {
                    return Err(StoreError::NotFound { what: "organisation", name: org_id.to_string() });
                }
                Err(e) => return Err(e.into()),
            }
            append_audit(&tx, audit)?;
            tx.commit()?;
            Ok(IdentityBinding { identity_id: identity_id.into(), org_id, bound_at, bound_by: audit.actor.clone() })
        })
    }

    fn unbind_identity(&self, identity_id: &str, audit: &NewAudit) -> Result<bool> {
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let n = tx.execute("DELETE FROM identity_bindings WHERE identity_id = ?1", [identity_id])?;
            if n > 0 {
                append_audit(&tx, audit)?;
            }
            tx.commit()?;
            Ok(n > 0)
        })
    }

    fn identity_bindings(&self) -> Result<Vec<IdentityBinding>> {
        self.read(|c| {
            let mut st =
                c.prepare("SELECT identity_id, org_id, bound_at, bound_by FROM identity_bindings ORDER BY bound_at, identity_id")?;
            let rows = st
                .query_map([], |r| {
                    Ok(IdentityBinding { identity_id: r.get(0)?, org_id: r.get(1)?, bound_at: r.get(2)?, bound_by: r.get(3)? })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}

impl CollectionStore for SqliteStore {
    fn create_collection(&self, col: &Collection) -> Result<()> {
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let res = tx.execute(
                "INSERT INTO collections (id, title, description, read_all, public, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![col.id, col.title, col.description, col.read_all, col.public, now_rfc3339()],
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
                    "INSERT INTO collection_grants (collection_id, org_id, can_read, can_write) VALUES (?1, ?2, ?3, ?4)",
                    params![col.id, org, read, write],
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
        self.read(|c| load_collection(c, id))
    }

    fn list_collections(&self) -> Result<Vec<Collection>> {
        self.read(|c| {
            let mut st = c.prepare("SELECT id FROM collections ORDER BY created, id")?;
            let ids = st.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
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

fn load_collection(c: &Connection, id: &str) -> Result<Option<Collection>> {
    let head = c
        .query_row("SELECT id, title, description, read_all, public FROM collections WHERE id = ?1", [id], |r| {
            Ok(Collection {
                id: r.get(0)?,
                title: r.get(1)?,
                description: r.get(2)?,
                read_all: r.get(3)?,
                public: r.get(4)?,
                readers: Vec::new(),
                writers: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut col) = head else { return Ok(None) };
    let mut st = c.prepare_cached("SELECT org_id, can_read, can_write FROM collection_grants WHERE collection_id = ?1 ORDER BY org_id")?;
    let grants = st.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?, r.get::<_, bool>(2)?)))?;
    for g in grants {
        let (org, read, write) = g?;
        if read {
            col.readers.push(org);
        }
        if write {
            col.writers.push(org);
        }
    }
    Ok(Some(col))
}

fn object_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoredObject> {
    let version_text: Option<String> = r.get(3)?;
    let version_ns: Option<i64> = r.get(4)?;
    let rank: i64 = r.get(6)?;
    let recipients: Option<String> = r.get(8)?;
    Ok(StoredObject {
        object_id: r.get(0)?,
        object_type: r.get(1)?,
        spec_version: r.get(2)?,
        version: version_text.zip(version_ns).map(|(text, nanos)| Version { text, nanos }),
        date_added_us: r.get(5)?,
        tlp: common::tlp("objects", "tlp", rank)?,
        producer: r.get(7)?,
        recipients: common::recipients(recipients),
        body: r.get(9)?,
        origin: r.get(10)?,
    })
}

fn put_one(tx: &rusqlite::Transaction<'_>, collection_id: &str, o: &NewObject, clock: &mut i64) -> Result<PutOutcome> {
    // One index-only read tells whether the object is new (the common case at ingest) and,
    // if not, which versions exist and who produced them.
    let known: Vec<(Option<i64>, String)> = tx
        .prepare_cached("SELECT version_ns, producer FROM objects WHERE collection_id = ?1 AND object_id = ?2")?
        .query_map(params![collection_id, o.object_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let decision = decide(&known, o);
    let (is_first, is_latest, over_other) = match decision {
        Decision::Done(outcome) => return Ok(outcome),
        Decision::Compare { version_ns } => {
            let body: String = tx
                .prepare_cached(
                    "SELECT body FROM objects WHERE collection_id = ?1 AND object_id = ?2 AND version_ns IS ?3 AND producer = ?4 LIMIT 1",
                )?
                .query_row(params![collection_id, o.object_id, version_ns, o.producer], |r| r.get(0))?;
            return Ok(if same_json(&body, &o.body) { PutOutcome::AlreadyStored } else { PutOutcome::Conflict });
        }
        Decision::Insert { is_first, is_latest, demote_first, demote_latest, over_other } => {
            if demote_first {
                tx.prepare_cached("UPDATE objects SET is_first = 0 WHERE collection_id = ?1 AND object_id = ?2 AND is_first = 1")?
                    .execute(params![collection_id, o.object_id])?;
            }
            if demote_latest {
                tx.prepare_cached("UPDATE objects SET is_latest = 0 WHERE collection_id = ?1 AND object_id = ?2 AND is_latest = 1")?
                    .execute(params![collection_id, o.object_id])?;
            }
            (is_first, is_latest, over_other)
        }
    };
    let date_added = now_us().max(*clock + 1);
    *clock = date_added;
    let recipients = (!o.recipients.is_empty()).then(|| o.recipients.join(" "));
    tx.prepare_cached(
        "INSERT INTO objects (collection_id, object_id, object_type, spec_version, version_text, version_ns, date_added, \
         tlp, producer, recipients, is_first, is_latest, body, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        collection_id,
        o.object_id,
        o.object_type,
        o.spec_version,
        o.version.as_ref().map(|v| v.text.as_str()),
        o.version.as_ref().map(|v| v.nanos),
        date_added,
        o.tlp.rank(),
        o.producer,
        recipients,
        is_first,
        is_latest,
        o.body,
        o.origin,
    ])?;
    Ok(PutOutcome::Stored { date_added_us: date_added, over_other_producer: over_other })
}

/// The audit entries about a JSON list of targets in a time window (`AuditLog::entries_about`),
/// searched through the index `audit_by_target`.
pub(crate) const ENTRIES_ABOUT: &str = "SELECT seq, at, actor, action, target, outcome, detail FROM audit \
     WHERE target IN (SELECT value FROM json_each(?1)) AND at >= ?2 AND at <= ?3 ORDER BY seq";

fn audit_entry(r: &rusqlite::Row<'_>) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        seq: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        target: r.get(4)?,
        outcome: r.get(5)?,
        detail: r.get(6)?,
    })
}

pub(crate) fn append_audit(c: &Connection, e: &NewAudit) -> Result<()> {
    c.prepare_cached("INSERT INTO audit (at, actor, action, target, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?
        .execute(params![now_rfc3339(), e.actor, e.action, e.target, e.outcome, e.detail])?;
    Ok(())
}

impl ObjectStore for SqliteStore {
    fn add_objects_deciding(
        &self,
        collection_id: &str,
        objects: &[NewObject],
        finish: &mut dyn FnMut(&[PutOutcome]) -> (StatusRecord, NewAudit),
        claim: Option<ReportClaim<'_>>,
    ) -> Result<Vec<PutOutcome>> {
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut clock: i64 = tx.query_row("SELECT last_us FROM clock WHERE id = 1", [], |r| r.get(0))?;
            let mut outcomes = Vec::with_capacity(objects.len());
            for o in objects {
                outcomes.push(put_one(&tx, collection_id, o, &mut clock)?);
            }
            tx.execute("UPDATE clock SET last_us = ?1 WHERE id = 1", [clock])?;
            // Returning early drops `tx`, which rolls every write above back.
            if let Some(claim) = claim {
                if let Some(refusal) = claim.unstored(&outcomes) {
                    return Err(refusal);
                }
                if !crate::portal::sqlite::decide_in(&tx, claim.report_id, claim.decision)? {
                    return Err(claim.decided());
                }
            }
            let (status, audit) = finish(&outcomes);
            tx.execute(
                "INSERT INTO statuses (id, org_id, created, body) VALUES (?1, ?2, ?3, ?4)",
                params![status.id, status.org_id, now_rfc3339(), status.body],
            )?;
            append_audit(&tx, &audit)?;
            tx.commit()?;
            Ok(outcomes)
        })
    }

    fn scan(&self, q: &ObjectQuery) -> Result<Vec<StoredObject>> {
        let mut sql = format!("SELECT {OBJECT_COLUMNS} FROM objects WHERE collection_id = ? AND date_added > ?");
        let mut args: Vec<rusqlite::types::Value> = vec![q.collection_id.clone().into(), q.added_after_us.unwrap_or(i64::MIN).into()];
        let mut in_list = |sql: &mut String, column: &str, values: &[String]| {
            if values.is_empty() {
                return;
            }
            sql.push_str(&format!(" AND {column} IN ({})", vec!["?"; values.len()].join(",")));
            args.extend(values.iter().map(|v| rusqlite::types::Value::from(v.clone())));
        };
        in_list(&mut sql, "object_id", &q.ids);
        in_list(&mut sql, "object_type", &q.types);
        in_list(&mut sql, "spec_version", &q.spec_versions);
        if !q.versions.is_empty() && !q.versions.contains(&VersionSel::All) {
            let terms: Vec<String> = q
                .versions
                .iter()
                .map(|v| match v {
                    VersionSel::First => "is_first = 1".to_string(),
                    VersionSel::Last => "is_latest = 1".to_string(),
                    VersionSel::At(ns) => format!("version_ns = {ns}"),
                    VersionSel::All => "1".to_string(),
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
                terms.push("producer = ?".to_string());
                terms.push("instr(' ' || coalesce(recipients, '') || ' ', ?) > 0".to_string());
                args.push(me.clone().into());
                args.push(format!(" {me} ").into());
            }
            sql.push_str(&if terms.is_empty() { " AND 0".to_string() } else { format!(" AND ({})", terms.join(" OR ")) });
        }
        sql.push_str(" ORDER BY date_added LIMIT ?");
        args.push(i64::try_from(q.batch).unwrap_or(i64::MAX).into());
        self.read(|c| {
            let mut st = c.prepare_cached(&sql)?;
            let rows = st.query_map(params_from_iter(args.iter()), object_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn versions(&self, collection_id: &str, object_id: &str) -> Result<Vec<StoredObject>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {OBJECT_COLUMNS} FROM objects WHERE collection_id = ?1 AND object_id = ?2 ORDER BY version_ns, date_added"
            ))?;
            let rows = st.query_map(params![collection_id, object_id], object_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }

    fn delete_versions(&self, collection_id: &str, object_id: &str, date_added_us: &[i64], audit: &NewAudit) -> Result<usize> {
        self.write(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut n = 0;
            for d in date_added_us {
                n += tx
                    .prepare_cached("DELETE FROM objects WHERE collection_id = ?1 AND object_id = ?2 AND date_added = ?3")?
                    .execute(params![collection_id, object_id, d])?;
            }
            tx.execute(
                "UPDATE objects SET \
                 is_latest = (version_ns IS (SELECT max(version_ns) FROM objects o WHERE o.collection_id = ?1 AND o.object_id = ?2)), \
                 is_first = (version_ns IS (SELECT min(version_ns) FROM objects o WHERE o.collection_id = ?1 AND o.object_id = ?2)) \
                 WHERE collection_id = ?1 AND object_id = ?2",
                params![collection_id, object_id],
            )?;
            append_audit(&tx, audit)?;
            tx.commit()?;
            Ok(n)
        })
    }

    fn count(&self, collection_id: &str) -> Result<u64> {
        self.read(|c| {
            let n: i64 = c.query_row("SELECT count(*) FROM objects WHERE collection_id = ?1", [collection_id], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }
}

impl StatusStore for SqliteStore {
    fn status(&self, id: &str) -> Result<Option<StatusRecord>> {
        self.read(|c| {
            Ok(c.query_row("SELECT id, org_id, body FROM statuses WHERE id = ?1", [id], |r| {
                Ok(StatusRecord { id: r.get(0)?, org_id: r.get(1)?, body: r.get(2)? })
            })
            .optional()?)
        })
    }
}

impl AuditLog for SqliteStore {
    fn append(&self, entry: &NewAudit) -> Result<()> {
        self.write(|c| append_audit(c, entry))
    }

    fn entries_about(&self, targets: &[String], from: &str, to: &str) -> Result<Vec<AuditEntry>> {
        if targets.is_empty() {
            return Ok(Vec::new());
        }
        let list = serde_json::to_string(targets).map_err(|e| StoreError::Corrupt(format!("encoding audit targets: {e}")))?;
        self.read(|c| {
            let mut st = c.prepare_cached(ENTRIES_ABOUT)?;
            let rows = st.query_map(params![list, from, to], audit_entry)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn entries(&self, after: i64, limit: usize) -> Result<Vec<AuditEntry>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached("SELECT seq, at, actor, action, target, outcome, detail FROM audit WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
            let rows = st
                .query_map(params![after, i64::try_from(limit).unwrap_or(i64::MAX)], audit_entry)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(rows)
        })
    }
}

impl MetaStore for SqliteStore {
    fn meta(&self, key: &str) -> Result<Option<String>> {
        self.read(|c| Ok(c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?))
    }

    fn meta_init(&self, key: &str, value: &str) -> Result<String> {
        self.write(|c| {
            c.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?1, ?2)", params![key, value])?;
            Ok(c.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))?)
        })
    }

    fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.write(|c| {
            c.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
    }
}
