//! Simulation campaigns in SQLite.

use rusqlite::{OptionalExtension, params};

use crate::awareness::{
    AwarenessStore, BeaconOutcome, CAMPAIGN_COLUMNS, CampaignRecord, EVENT_COLUMNS, EventKind, EventRecord, Learner, LearnerGroup,
    NewCampaign, NewEvent, NewTarget, PROGRESS_COLUMNS, Policy, Progress, Purged, QueuedStatement, Schedule, StartCampaign, TARGET_COLUMNS,
    TargetRecord, not_found,
};
use crate::engine::sqlite::{SqliteStore, is_foreign_key_violation, is_unique_violation};
use crate::{Result, StoreError};

fn campaign(r: &rusqlite::Row<'_>) -> rusqlite::Result<CampaignRecord> {
    Ok(CampaignRecord {
        id: r.get(0)?,
        campaign: NewCampaign {
            org_id: r.get(1)?,
            name: r.get(2)?,
            channel: r.get(3)?,
            template: r.get(4)?,
            template_version: r.get(5)?,
            language: r.get(6)?,
            legal_basis: r.get(7)?,
            staff_notice: r.get(8)?,
            works_council: r.get(9)?,
            state: r.get(10)?,
            dry_run: r.get(11)?,
            created_at: r.get(12)?,
            created_by: r.get(13)?,
            started_at: r.get(14)?,
        },
        schedule: Schedule {
            starts_at: r.get(15)?,
            ends_at: r.get(16)?,
            send_window: r.get(17)?,
            rate_per_minute: r.get(18)?,
            sender: r.get(19)?,
            brand: r.get(20)?,
            domain: r.get(21)?,
            finished_at: r.get(22)?,
        },
    })
}

fn progress(r: &rusqlite::Row<'_>) -> rusqlite::Result<Progress> {
    Ok(Progress {
        user_id: r.get(0)?,
        lesson_id: r.get(1)?,
        version: r.get(2)?,
        language: r.get(3)?,
        correct: r.get(4)?,
        questions: r.get(5)?,
        passed: r.get(6)?,
        at: r.get(7)?,
        leitner_box: r.get(8)?,
        due: r.get(9)?,
    })
}

fn target(r: &rusqlite::Row<'_>) -> rusqlite::Result<TargetRecord> {
    Ok(TargetRecord {
        id: r.get(0)?,
        campaign_id: r.get(1)?,
        pseudonym: r.get(2)?,
        group: r.get(3)?,
        address: r.get(4)?,
        name: r.get(5)?,
        token: r.get(6)?,
        sent_at: r.get(7)?,
    })
}

/// An event row with its kind as stored, checked afterwards.
fn event(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, i64, String, NewEvent)> {
    let e = NewEvent {
        at: r.get(2)?,
        kind: EventKind::Link,
        method: r.get(4)?,
        user_agent: r.get(5)?,
        network: r.get(6)?,
        interaction: r.get(7)?,
        view: r.get(8)?,
        fields: r.get(9)?,
    };
    Ok((r.get(0)?, r.get(1)?, r.get(3)?, e))
}

fn insert_event(c: &rusqlite::Connection, target_id: i64, e: &NewEvent, view: Option<&str>) -> rusqlite::Result<i64> {
    c.execute(
        "INSERT INTO awareness_events (target_id, at, kind, method, user_agent, network, interaction, view, fields) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![target_id, e.at, e.kind.as_str(), e.method, e.user_agent, e.network, e.interaction, view, e.fields],
    )?;
    Ok(c.last_insert_rowid())
}

impl AwarenessStore for SqliteStore {
    fn create_campaign(&self, n: &NewCampaign, targets: &[NewTarget]) -> Result<CampaignRecord> {
        self.write(|c| {
            let tx = c.transaction()?;
            let inserted = tx.execute(
                "INSERT INTO awareness_campaigns (org_id, name, channel, template, template_version, language, legal_basis, \
                 staff_notice, works_council, state, dry_run, created_at, created_by, started_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                params![
                    n.org_id,
                    n.name,
                    n.channel,
                    n.template,
                    n.template_version,
                    n.language,
                    n.legal_basis,
                    n.staff_notice,
                    n.works_council,
                    n.state,
                    n.dry_run,
                    n.created_at,
                    n.created_by,
                    n.started_at
                ],
            );
            match inserted {
                Err(e) if is_foreign_key_violation(&e) => return Err(not_found("organisation", n.org_id)),
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            let id = tx.last_insert_rowid();
            for t in targets {
                let added = tx.execute(
                    "INSERT INTO awareness_targets (campaign_id, pseudonym, grp, address, name, token) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, t.pseudonym, t.group, t.address, t.name, t.token],
                );
                match added {
                    Err(e) if is_unique_violation(&e) => {
                        return Err(StoreError::Duplicate { what: "target token or pseudonym", name: t.pseudonym.clone() });
                    }
                    Err(e) => return Err(e.into()),
                    Ok(_) => {}
                }
            }
            let record =
                tx.query_row(&format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE id = ?1"), params![id], campaign)?;
            tx.commit()?;
            Ok(record)
        })
    }

    fn campaign(&self, id: i64) -> Result<Option<CampaignRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE id = ?1");
            Ok(c.query_row(&sql, params![id], campaign).optional()?)
        })
    }

    fn campaigns(&self, org_id: i64) -> Result<Vec<CampaignRecord>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE org_id = ?1 ORDER BY id DESC"))?;
            Ok(st.query_map(params![org_id], campaign)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn running_campaigns(&self) -> Result<Vec<CampaignRecord>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE state = 'running' ORDER BY id"))?;
            Ok(st.query_map([], campaign)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn start_campaign(&self, id: i64, s: &StartCampaign) -> Result<bool> {
        let p = &s.schedule;
        self.write(|c| {
            let changed = c.execute(
                "UPDATE awareness_campaigns SET state = 'running', dry_run = 0, legal_basis = COALESCE(?2, legal_basis), \
                 staff_notice = COALESCE(?3, staff_notice), works_council = COALESCE(?4, works_council), started_at = ?5, \
                 starts_at = ?6, ends_at = ?7, send_window = ?8, rate_per_minute = ?9, sender = ?10, brand = ?11, domain = ?12 \
                 WHERE id = ?1 AND state = 'draft'",
                params![
                    id,
                    s.legal_basis,
                    s.staff_notice,
                    s.works_council,
                    s.started_at,
                    p.starts_at,
                    p.ends_at,
                    p.send_window,
                    p.rate_per_minute,
                    p.sender,
                    p.brand,
                    p.domain
                ],
            )?;
            Ok(changed == 1)
        })
    }

    fn finish_campaign(&self, id: i64, at: &str) -> Result<bool> {
        self.write(|c| {
            let changed = c.execute(
                "UPDATE awareness_campaigns SET state = 'finished', finished_at = ?2 WHERE id = ?1 AND state IN ('draft', 'running')",
                params![id, at],
            )?;
            Ok(changed == 1)
        })
    }

    fn targets(&self, campaign_id: i64) -> Result<Vec<TargetRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!("SELECT {TARGET_COLUMNS} FROM awareness_targets WHERE campaign_id = ?1 ORDER BY id"))?;
            Ok(st.query_map(params![campaign_id], target)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn target_by_token(&self, token: &str) -> Result<Option<TargetRecord>> {
        self.read(|c| {
            let sql = format!("SELECT {TARGET_COLUMNS} FROM awareness_targets WHERE token = ?1");
            Ok(c.query_row(&sql, params![token], target).optional()?)
        })
    }

    fn mark_sent(&self, target_id: i64, at: &str) -> Result<bool> {
        self.write(|c| {
            let changed =
                c.execute("UPDATE awareness_targets SET sent_at = ?2 WHERE id = ?1 AND sent_at IS NULL", params![target_id, at])?;
            if changed == 1 {
                return Ok(true);
            }
            let exists = c.query_row("SELECT 1 FROM awareness_targets WHERE id = ?1", params![target_id], |_| Ok(())).optional()?;
            exists.map(|()| false).ok_or_else(|| not_found("target", target_id))
        })
    }

    fn record_event(&self, target_id: i64, e: &NewEvent) -> Result<i64> {
        self.write(|c| match insert_event(c, target_id, e, e.view.as_deref()) {
            Err(err) if is_foreign_key_violation(&err) => Err(not_found("target", target_id)),
            Err(err) if is_unique_violation(&err) => Err(StoreError::Duplicate { what: "page view", name: String::new() }),
            Err(err) => Err(err.into()),
            Ok(id) => Ok(id),
        })
    }

    fn record_beacon(&self, target_id: i64, view: &str, e: &NewEvent) -> Result<BeaconOutcome> {
        self.write(|c| {
            let tx = c.transaction()?;
            let known = tx
                .query_row(
                    "SELECT 1 FROM awareness_events WHERE target_id = ?1 AND kind = 'link' AND view = ?2",
                    params![target_id, view],
                    |_| Ok(()),
                )
                .optional()?;
            if known.is_none() {
                return Ok(BeaconOutcome::UnknownView);
            }
            // The beacon's row carries the view marked as used: the UNIQUE index refuses a second.
            match insert_event(&tx, target_id, e, Some(&format!("beacon:{view}"))) {
                Err(err) if is_unique_violation(&err) => return Ok(BeaconOutcome::Replayed),
                Err(err) => return Err(err.into()),
                Ok(_) => {}
            }
            tx.commit()?;
            Ok(BeaconOutcome::Recorded)
        })
    }

    fn events(&self, campaign_id: i64) -> Result<Vec<EventRecord>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {EVENT_COLUMNS} FROM awareness_events e JOIN awareness_targets t ON t.id = e.target_id \
                 WHERE t.campaign_id = ?1 ORDER BY e.id"
            ))?;
            let rows = st.query_map(params![campaign_id], event)?.collect::<rusqlite::Result<Vec<_>>>()?;
            rows.into_iter()
                .map(|(id, target_id, kind, mut event)| {
                    event.kind = EventKind::parse(&kind)?;
                    Ok(EventRecord { id, target_id, event })
                })
                .collect()
        })
    }

    fn add_optout(&self, org_id: i64, address: &str, at: &str) -> Result<()> {
        self.write(|c| {
            let added = c.execute(
                "INSERT INTO awareness_optouts (org_id, address, added_at) VALUES (?1, ?2, ?3) ON CONFLICT (org_id, address) DO NOTHING",
                params![org_id, address, at],
            );
            match added {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("organisation", org_id)),
                Err(e) => Err(e.into()),
                Ok(_) => Ok(()),
            }
        })
    }

    fn optouts(&self, org_id: i64) -> Result<Vec<String>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT address FROM awareness_optouts WHERE org_id = ?1 ORDER BY address")?;
            Ok(st.query_map(params![org_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<String>>>()?)
        })
    }

    fn record_progress(&self, p: &Progress) -> Result<()> {
        self.write(|c| {
            let done = c.execute(
                "INSERT INTO awareness_progress (user_id, lesson_id, version, language, correct, questions, passed, at, leitner_box, due) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT (user_id, lesson_id) DO UPDATE SET version = excluded.version, \
                 language = excluded.language, correct = excluded.correct, questions = excluded.questions, passed = excluded.passed, \
                 at = excluded.at, leitner_box = excluded.leitner_box, due = excluded.due",
                params![p.user_id, p.lesson_id, p.version, p.language, p.correct, p.questions, p.passed, p.at, p.leitner_box, p.due],
            );
            match done {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("user", p.user_id)),
                Err(e) => Err(e.into()),
                Ok(_) => Ok(()),
            }
        })
    }

    fn progress(&self, user_id: i64) -> Result<Vec<Progress>> {
        self.read(|c| {
            let mut st =
                c.prepare_cached(&format!("SELECT {PROGRESS_COLUMNS} FROM awareness_progress WHERE user_id = ?1 ORDER BY lesson_id"))?;
            let rows = st.query_map(params![user_id], progress)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn learner(&self, user_id: i64, pseudonym: &str) -> Result<Learner> {
        self.write(|c| {
            let added = c.execute(
                "INSERT INTO awareness_learners (user_id, pseudonym) VALUES (?1, ?2) ON CONFLICT (user_id) DO NOTHING",
                params![user_id, pseudonym],
            );
            match added {
                Err(e) if is_foreign_key_violation(&e) => return Err(not_found("user", user_id)),
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "learner pseudonym", name: pseudonym.to_string() });
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            Ok(c.query_row("SELECT user_id, pseudonym, grp FROM awareness_learners WHERE user_id = ?1", params![user_id], |r| {
                Ok(Learner { user_id: r.get(0)?, pseudonym: r.get(1)?, group: r.get(2)? })
            })?)
        })
    }

    fn set_learner_groups(&self, org_id: i64, groups: &[LearnerGroup]) -> Result<usize> {
        self.write(|c| {
            let tx = c.transaction()?;
            for g in groups {
                let user: Option<i64> = tx
                    .query_row("SELECT id FROM portal_users WHERE org_id = ?1 AND username = ?2", params![org_id, g.username], |r| r.get(0))
                    .optional()?;
                let Some(user) = user else { return Err(not_found("user", &g.username)) };
                let set = tx.execute(
                    "INSERT INTO awareness_learners (user_id, pseudonym, grp) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (user_id) DO UPDATE SET grp = excluded.grp",
                    params![user, g.pseudonym, g.group],
                );
                match set {
                    Err(e) if is_unique_violation(&e) => {
                        return Err(StoreError::Duplicate { what: "learner pseudonym", name: g.pseudonym.clone() });
                    }
                    Err(e) => return Err(e.into()),
                    Ok(_) => {}
                }
            }
            tx.commit()?;
            Ok(groups.len())
        })
    }

    fn org_learners(&self, org_id: i64) -> Result<Vec<(i64, Option<String>)>> {
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT u.id, l.grp FROM portal_users u LEFT JOIN awareness_learners l ON l.user_id = u.id \
                 WHERE u.org_id = ?1 AND u.disabled = 0 ORDER BY u.id",
            )?;
            Ok(st.query_map(params![org_id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn org_progress(&self, org_id: i64) -> Result<Vec<Progress>> {
        self.read(|c| {
            let mut st = c.prepare_cached(&format!(
                "SELECT {PROGRESS_COLUMNS} FROM awareness_progress WHERE user_id IN (SELECT id FROM portal_users WHERE org_id = ?1) \
                 ORDER BY user_id, lesson_id"
            ))?;
            Ok(st.query_map(params![org_id], progress)?.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn enqueue_statements(&self, statements: &[(String, String)], at: &str) -> Result<()> {
        self.write(|c| {
            let tx = c.transaction()?;
            for (id, body) in statements {
                tx.execute(
                    "INSERT INTO awareness_xapi_queue (id, body, created_at, next_at) VALUES (?1, ?2, ?3, ?3) ON CONFLICT (id) DO NOTHING",
                    params![id, body, at],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn due_statements(&self, now: &str, limit: usize) -> Result<Vec<QueuedStatement>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.read(|c| {
            let mut st = c.prepare_cached(
                "SELECT id, body, attempts FROM awareness_xapi_queue WHERE sent_at IS NULL AND next_at <= ?1 \
                 ORDER BY created_at, id LIMIT ?2",
            )?;
            let rows =
                st.query_map(params![now, limit], |r| Ok(QueuedStatement { id: r.get(0)?, body: r.get(1)?, attempts: r.get(2)? }))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    fn statement_sent(&self, id: &str, at: &str) -> Result<()> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE awareness_xapi_queue SET sent_at = ?2, attempts = attempts + 1, last_error = NULL WHERE id = ?1 AND sent_at IS NULL",
                params![id, at],
            )?;
            if n == 0 { Err(not_found("pending statement", id)) } else { Ok(()) }
        })
    }

    fn statement_failed(&self, id: &str, error: &str, next_at: &str) -> Result<()> {
        self.write(|c| {
            let n = c.execute(
                "UPDATE awareness_xapi_queue SET attempts = attempts + 1, last_error = ?2, next_at = ?3 WHERE id = ?1 AND sent_at IS NULL",
                params![id, error, next_at],
            )?;
            if n == 0 { Err(not_found("pending statement", id)) } else { Ok(()) }
        })
    }

    fn pending_statements(&self) -> Result<u64> {
        self.read(|c| {
            let n: i64 = c.query_row("SELECT COUNT(*) FROM awareness_xapi_queue WHERE sent_at IS NULL", [], |r| r.get(0))?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    fn purge_before(&self, before: &str) -> Result<Purged> {
        self.write(|c| {
            let tx = c.transaction()?;
            let events = tx.execute("DELETE FROM awareness_events WHERE at < ?1", params![before])?;
            let targets = tx.execute(
                "UPDATE awareness_targets SET address = NULL, name = NULL WHERE (address IS NOT NULL OR name IS NOT NULL) \
                 AND campaign_id IN (SELECT id FROM awareness_campaigns WHERE created_at < ?1)",
                params![before],
            )?;
            let statements = tx.execute("DELETE FROM awareness_xapi_queue WHERE sent_at IS NOT NULL AND sent_at < ?1", params![before])?;
            tx.commit()?;
            Ok(Purged { events: events as u64, targets: targets as u64, statements: statements as u64 })
        })
    }

    fn policy(&self, org_id: i64) -> Result<Policy> {
        self.read(|c| {
            let row = c
                .query_row(
                    "SELECT isac_opt_in, report_tlp, changed_at, changed_by FROM awareness_policy WHERE org_id = ?1",
                    params![org_id],
                    |r| Ok(Policy { isac_opt_in: r.get(0)?, report_tlp: r.get(1)?, changed_at: r.get(2)?, changed_by: r.get(3)? }),
                )
                .optional()?;
            Ok(row.unwrap_or_default())
        })
    }

    fn set_policy(&self, org_id: i64, p: &Policy) -> Result<()> {
        self.write(|c| {
            let done = c.execute(
                "INSERT INTO awareness_policy (org_id, isac_opt_in, report_tlp, changed_at, changed_by) VALUES (?1, ?2, ?3, ?4, ?5) \
                 ON CONFLICT (org_id) DO UPDATE SET isac_opt_in = excluded.isac_opt_in, report_tlp = excluded.report_tlp, \
                 changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                params![
                    org_id,
                    p.isac_opt_in,
                    p.report_tlp,
                    p.changed_at.as_deref().unwrap_or_default(),
                    p.changed_by.as_deref().unwrap_or_default()
                ],
            );
            match done {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("organisation", org_id)),
                other => Ok(other.map(|_| ())?),
            }
        })
    }

    fn isac_orgs(&self) -> Result<Vec<i64>> {
        self.read(|c| {
            let mut st = c.prepare_cached("SELECT org_id FROM awareness_policy WHERE isac_opt_in = 1 ORDER BY org_id")?;
            Ok(st.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?)
        })
    }
}
