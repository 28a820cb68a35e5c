//! Simulation campaigns in PostgreSQL.

use postgres::Row;

use crate::awareness::{
    AwarenessStore, BeaconOutcome, CAMPAIGN_COLUMNS, CampaignRecord, EVENT_COLUMNS, EventKind, EventRecord, Learner, LearnerGroup,
    NewCampaign, NewEvent, NewTarget, PROGRESS_COLUMNS, Policy, Progress, Purged, QueuedStatement, Schedule, StartCampaign, TARGET_COLUMNS,
    TargetRecord, not_found,
};
use crate::engine::postgres::{PgStore, is_foreign_key_violation, is_unique_violation};
use crate::{Result, StoreError};

fn progress(r: &Row) -> Result<Progress> {
    Ok(Progress {
        user_id: r.try_get(0)?,
        lesson_id: r.try_get(1)?,
        version: r.try_get(2)?,
        language: r.try_get(3)?,
        correct: r.try_get(4)?,
        questions: r.try_get(5)?,
        passed: r.try_get(6)?,
        at: r.try_get(7)?,
        leitner_box: r.try_get(8)?,
        due: r.try_get(9)?,
    })
}

fn campaign(r: &Row) -> Result<CampaignRecord> {
    Ok(CampaignRecord {
        id: r.try_get(0)?,
        campaign: NewCampaign {
            org_id: r.try_get(1)?,
            name: r.try_get(2)?,
            channel: r.try_get(3)?,
            template: r.try_get(4)?,
            template_version: r.try_get(5)?,
            language: r.try_get(6)?,
            legal_basis: r.try_get(7)?,
            staff_notice: r.try_get(8)?,
            works_council: r.try_get(9)?,
            state: r.try_get(10)?,
            dry_run: r.try_get(11)?,
            created_at: r.try_get(12)?,
            created_by: r.try_get(13)?,
            started_at: r.try_get(14)?,
        },
        schedule: Schedule {
            starts_at: r.try_get(15)?,
            ends_at: r.try_get(16)?,
            send_window: r.try_get(17)?,
            rate_per_minute: r.try_get(18)?,
            sender: r.try_get(19)?,
            brand: r.try_get(20)?,
            domain: r.try_get(21)?,
            finished_at: r.try_get(22)?,
        },
    })
}

fn target(r: &Row) -> Result<TargetRecord> {
    Ok(TargetRecord {
        id: r.try_get(0)?,
        campaign_id: r.try_get(1)?,
        pseudonym: r.try_get(2)?,
        group: r.try_get(3)?,
        address: r.try_get(4)?,
        name: r.try_get(5)?,
        token: r.try_get(6)?,
        sent_at: r.try_get(7)?,
    })
}

fn event(r: &Row) -> Result<EventRecord> {
    let kind: String = r.try_get(3)?;
    Ok(EventRecord {
        id: r.try_get(0)?,
        target_id: r.try_get(1)?,
        event: NewEvent {
            at: r.try_get(2)?,
            kind: EventKind::parse(&kind)?,
            method: r.try_get(4)?,
            user_agent: r.try_get(5)?,
            network: r.try_get(6)?,
            interaction: r.try_get(7)?,
            view: r.try_get(8)?,
            fields: r.try_get(9)?,
        },
    })
}

const INSERT_EVENT: &str = "INSERT INTO awareness_events (target_id, at, kind, method, user_agent, network, interaction, view, fields) \
                            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";

impl AwarenessStore for PgStore {
    fn create_campaign(&self, n: &NewCampaign, targets: &[NewTarget]) -> Result<CampaignRecord> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let inserted = tx.query_one(
                &format!(
                    "INSERT INTO awareness_campaigns (org_id, name, channel, template, template_version, language, legal_basis, \
                     staff_notice, works_council, state, dry_run, created_at, created_by, started_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING {CAMPAIGN_COLUMNS}"
                ),
                &[
                    &n.org_id,
                    &n.name,
                    &n.channel,
                    &n.template,
                    &n.template_version,
                    &n.language,
                    &n.legal_basis,
                    &n.staff_notice,
                    &n.works_council,
                    &n.state,
                    &n.dry_run,
                    &n.created_at,
                    &n.created_by,
                    &n.started_at,
                ],
            );
            let record = match inserted {
                Err(e) if is_foreign_key_violation(&e) => return Err(not_found("organisation", n.org_id)),
                Err(e) => return Err(e.into()),
                Ok(row) => campaign(&row)?,
            };
            for t in targets {
                let added = tx.execute(
                    "INSERT INTO awareness_targets (campaign_id, pseudonym, grp, address, name, token) VALUES ($1, $2, $3, $4, $5, $6)",
                    &[&record.id, &t.pseudonym, &t.group, &t.address, &t.name, &t.token],
                );
                match added {
                    Err(e) if is_unique_violation(&e) => {
                        return Err(StoreError::Duplicate { what: "target token or pseudonym", name: t.pseudonym.clone() });
                    }
                    Err(e) => return Err(e.into()),
                    Ok(_) => {}
                }
            }
            tx.commit()?;
            Ok(record)
        })
    }

    fn campaign(&self, id: i64) -> Result<Option<CampaignRecord>> {
        self.with(|c| {
            let row = c.query_opt(&format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE id = $1"), &[&id])?;
            row.as_ref().map(campaign).transpose()
        })
    }

    fn campaigns(&self, org_id: i64) -> Result<Vec<CampaignRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE org_id = $1 ORDER BY id DESC"), &[&org_id])?
                .iter()
                .map(campaign)
                .collect()
        })
    }

    fn running_campaigns(&self) -> Result<Vec<CampaignRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {CAMPAIGN_COLUMNS} FROM awareness_campaigns WHERE state = 'running' ORDER BY id"), &[])?
                .iter()
                .map(campaign)
                .collect()
        })
    }

    fn start_campaign(&self, id: i64, s: &StartCampaign) -> Result<bool> {
        let p = &s.schedule;
        self.with(|c| {
            let changed = c.execute(
                "UPDATE awareness_campaigns SET state = 'running', dry_run = FALSE, legal_basis = COALESCE($2, legal_basis), \
                 staff_notice = COALESCE($3, staff_notice), works_council = COALESCE($4, works_council), started_at = $5, \
                 starts_at = $6, ends_at = $7, send_window = $8, rate_per_minute = $9, sender = $10, brand = $11, domain = $12 \
                 WHERE id = $1 AND state = 'draft'",
                &[
                    &id,
                    &s.legal_basis,
                    &s.staff_notice,
                    &s.works_council,
                    &s.started_at,
                    &p.starts_at,
                    &p.ends_at,
                    &p.send_window,
                    &p.rate_per_minute,
                    &p.sender,
                    &p.brand,
                    &p.domain,
                ],
            )?;
            Ok(changed == 1)
        })
    }

    fn finish_campaign(&self, id: i64, at: &str) -> Result<bool> {
        let changed = self.with(|c| {
            Ok(c.execute(
                "UPDATE awareness_campaigns SET state = 'finished', finished_at = $2 WHERE id = $1 AND state IN ('draft', 'running')",
                &[&id, &at],
            )?)
        })?;
        Ok(changed == 1)
    }

    fn targets(&self, campaign_id: i64) -> Result<Vec<TargetRecord>> {
        self.with(|c| {
            c.query(&format!("SELECT {TARGET_COLUMNS} FROM awareness_targets WHERE campaign_id = $1 ORDER BY id"), &[&campaign_id])?
                .iter()
                .map(target)
                .collect()
        })
    }

    fn target_by_token(&self, token: &str) -> Result<Option<TargetRecord>> {
        self.with(|c| {
            let row = c.query_opt(&format!("SELECT {TARGET_COLUMNS} FROM awareness_targets WHERE token = $1"), &[&token])?;
            row.as_ref().map(target).transpose()
        })
    }

    fn mark_sent(&self, target_id: i64, at: &str) -> Result<bool> {
        self.with(|c| {
            let changed = c.execute("UPDATE awareness_targets SET sent_at = $2 WHERE id = $1 AND sent_at IS NULL", &[&target_id, &at])?;
            if changed == 1 {
                return Ok(true);
            }
            match c.query_opt("SELECT 1 FROM awareness_targets WHERE id = $1", &[&target_id])? {
                Some(_) => Ok(false),
                None => Err(not_found("target", target_id)),
            }
        })
    }

    fn record_event(&self, target_id: i64, e: &NewEvent) -> Result<i64> {
        self.with(|c| {
            let inserted = c.query_one(
                INSERT_EVENT,
                &[&target_id, &e.at, &e.kind.as_str(), &e.method, &e.user_agent, &e.network, &e.interaction, &e.view, &e.fields],
            );
            match inserted {
                Err(err) if is_foreign_key_violation(&err) => Err(not_found("target", target_id)),
                Err(err) if is_unique_violation(&err) => Err(StoreError::Duplicate { what: "page view", name: String::new() }),
                Err(err) => Err(err.into()),
                Ok(row) => Ok(row.try_get(0)?),
            }
        })
    }

    fn record_beacon(&self, target_id: i64, view: &str, e: &NewEvent) -> Result<BeaconOutcome> {
        self.with(|c| {
            let known =
                c.query_opt("SELECT 1 FROM awareness_events WHERE target_id = $1 AND kind = 'link' AND view = $2", &[&target_id, &view])?;
            if known.is_none() {
                return Ok(BeaconOutcome::UnknownView);
            }
            // The beacon's row carries the view marked as used: the UNIQUE index refuses a second,
            // also when two arrive at once.
            let used = format!("beacon:{view}");
            let inserted = c.query_one(
                INSERT_EVENT,
                &[&target_id, &e.at, &e.kind.as_str(), &e.method, &e.user_agent, &e.network, &e.interaction, &Some(used), &e.fields],
            );
            match inserted {
                Err(err) if is_unique_violation(&err) => Ok(BeaconOutcome::Replayed),
                Err(err) => Err(err.into()),
                Ok(_) => Ok(BeaconOutcome::Recorded),
            }
        })
    }

    fn events(&self, campaign_id: i64) -> Result<Vec<EventRecord>> {
        self.with(|c| {
            c.query(
                &format!(
                    "SELECT {EVENT_COLUMNS} FROM awareness_events e JOIN awareness_targets t ON t.id = e.target_id \
                     WHERE t.campaign_id = $1 ORDER BY e.id"
                ),
                &[&campaign_id],
            )?
            .iter()
            .map(event)
            .collect()
        })
    }

    fn add_optout(&self, org_id: i64, address: &str, at: &str) -> Result<()> {
        self.with(|c| {
            let added = c.execute(
                "INSERT INTO awareness_optouts (org_id, address, added_at) VALUES ($1, $2, $3) ON CONFLICT (org_id, address) DO NOTHING",
                &[&org_id, &address, &at],
            );
            match added {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("organisation", org_id)),
                Err(e) => Err(e.into()),
                Ok(_) => Ok(()),
            }
        })
    }

    fn optouts(&self, org_id: i64) -> Result<Vec<String>> {
        self.with(|c| {
            let rows = c.query("SELECT address FROM awareness_optouts WHERE org_id = $1 ORDER BY address COLLATE \"C\"", &[&org_id])?;
            rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
        })
    }

    fn record_progress(&self, p: &Progress) -> Result<()> {
        self.with(|c| {
            let done = c.execute(
                "INSERT INTO awareness_progress (user_id, lesson_id, version, language, correct, questions, passed, at, leitner_box, due) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (user_id, lesson_id) DO UPDATE SET version = excluded.version, \
                 language = excluded.language, correct = excluded.correct, questions = excluded.questions, passed = excluded.passed, \
                 at = excluded.at, leitner_box = excluded.leitner_box, due = excluded.due",
                &[&p.user_id, &p.lesson_id, &p.version, &p.language, &p.correct, &p.questions, &p.passed, &p.at, &p.leitner_box, &p.due],
            );
            match done {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("user", p.user_id)),
                Err(e) => Err(e.into()),
                Ok(_) => Ok(()),
            }
        })
    }

    fn progress(&self, user_id: i64) -> Result<Vec<Progress>> {
        self.with(|c| {
            let sql = format!("SELECT {PROGRESS_COLUMNS} FROM awareness_progress WHERE user_id = $1 ORDER BY lesson_id COLLATE \"C\"");
            c.query(&sql, &[&user_id])?.iter().map(progress).collect()
        })
    }

    fn learner(&self, user_id: i64, pseudonym: &str) -> Result<Learner> {
        self.with(|c| {
            let added = c.execute(
                "INSERT INTO awareness_learners (user_id, pseudonym) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING",
                &[&user_id, &pseudonym],
            );
            match added {
                Err(e) if is_foreign_key_violation(&e) => return Err(not_found("user", user_id)),
                Err(e) if is_unique_violation(&e) => {
                    return Err(StoreError::Duplicate { what: "learner pseudonym", name: pseudonym.to_string() });
                }
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            let r = c.query_one("SELECT user_id, pseudonym, grp FROM awareness_learners WHERE user_id = $1", &[&user_id])?;
            Ok(Learner { user_id: r.try_get(0)?, pseudonym: r.try_get(1)?, group: r.try_get(2)? })
        })
    }

    fn set_learner_groups(&self, org_id: i64, groups: &[LearnerGroup]) -> Result<usize> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            for g in groups {
                let row = tx.query_opt("SELECT id FROM portal_users WHERE org_id = $1 AND username = $2", &[&org_id, &g.username])?;
                let Some(row) = row else { return Err(not_found("user", &g.username)) };
                let user: i64 = row.try_get(0)?;
                let set = tx.execute(
                    "INSERT INTO awareness_learners (user_id, pseudonym, grp) VALUES ($1, $2, $3) \
                     ON CONFLICT (user_id) DO UPDATE SET grp = excluded.grp",
                    &[&user, &g.pseudonym, &g.group],
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
        self.with(|c| {
            c.query(
                "SELECT u.id, l.grp FROM portal_users u LEFT JOIN awareness_learners l ON l.user_id = u.id \
                 WHERE u.org_id = $1 AND NOT u.disabled ORDER BY u.id",
                &[&org_id],
            )?
            .iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
        })
    }

    fn org_progress(&self, org_id: i64) -> Result<Vec<Progress>> {
        self.with(|c| {
            let sql = format!(
                "SELECT {PROGRESS_COLUMNS} FROM awareness_progress WHERE user_id IN (SELECT id FROM portal_users WHERE org_id = $1) \
                 ORDER BY user_id, lesson_id COLLATE \"C\""
            );
            c.query(&sql, &[&org_id])?.iter().map(progress).collect()
        })
    }

    fn enqueue_statements(&self, statements: &[(String, String)], at: &str) -> Result<()> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            for (id, body) in statements {
                tx.execute(
                    "INSERT INTO awareness_xapi_queue (id, body, created_at, next_at) VALUES ($1, $2, $3, $3) ON CONFLICT (id) DO NOTHING",
                    &[id, body, &at],
                )?;
            }
            tx.commit()?;
            Ok(())
        })
    }

    fn due_statements(&self, now: &str, limit: usize) -> Result<Vec<QueuedStatement>> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        self.with(|c| {
            c.query(
                "SELECT id, body, attempts FROM awareness_xapi_queue WHERE sent_at IS NULL AND next_at <= $1 \
                 ORDER BY created_at COLLATE \"C\", id COLLATE \"C\" LIMIT $2",
                &[&now, &limit],
            )?
            .iter()
            .map(|r| Ok(QueuedStatement { id: r.try_get(0)?, body: r.try_get(1)?, attempts: r.try_get(2)? }))
            .collect()
        })
    }

    fn statement_sent(&self, id: &str, at: &str) -> Result<()> {
        self.with(|c| {
            let n = c.execute(
                "UPDATE awareness_xapi_queue SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1 AND sent_at IS NULL",
                &[&id, &at],
            )?;
            if n == 0 { Err(not_found("pending statement", id)) } else { Ok(()) }
        })
    }

    fn statement_failed(&self, id: &str, error: &str, next_at: &str) -> Result<()> {
        self.with(|c| {
            let n = c.execute(
                "UPDATE awareness_xapi_queue SET attempts = attempts + 1, last_error = $2, next_at = $3 WHERE id = $1 AND sent_at IS NULL",
                &[&id, &error, &next_at],
            )?;
            if n == 0 { Err(not_found("pending statement", id)) } else { Ok(()) }
        })
    }

    fn pending_statements(&self) -> Result<u64> {
        self.with(|c| {
            let n: i64 = c.query_one("SELECT COUNT(*) FROM awareness_xapi_queue WHERE sent_at IS NULL", &[])?.try_get(0)?;
            Ok(u64::try_from(n).unwrap_or(0))
        })
    }

    fn purge_before(&self, before: &str) -> Result<Purged> {
        self.with(|c| {
            let mut tx = c.transaction()?;
            let events = tx.execute("DELETE FROM awareness_events WHERE at < $1", &[&before])?;
            let targets = tx.execute(
                "UPDATE awareness_targets SET address = NULL, name = NULL WHERE (address IS NOT NULL OR name IS NOT NULL) \
                 AND campaign_id IN (SELECT id FROM awareness_campaigns WHERE created_at < $1)",
                &[&before],
            )?;
            let statements = tx.execute("DELETE FROM awareness_xapi_queue WHERE sent_at IS NOT NULL AND sent_at < $1", &[&before])?;
            tx.commit()?;
            Ok(Purged { events, targets, statements })
        })
    }

    fn policy(&self, org_id: i64) -> Result<Policy> {
        self.with(|c| {
            let row =
                c.query_opt("SELECT isac_opt_in, report_tlp, changed_at, changed_by FROM awareness_policy WHERE org_id = $1", &[&org_id])?;
            match row {
                Some(r) => Ok(Policy {
                    isac_opt_in: r.try_get(0)?,
                    report_tlp: r.try_get(1)?,
                    changed_at: r.try_get(2)?,
                    changed_by: r.try_get(3)?,
                }),
                None => Ok(Policy::default()),
            }
        })
    }

    fn set_policy(&self, org_id: i64, p: &Policy) -> Result<()> {
        let (at, by) = (p.changed_at.clone().unwrap_or_default(), p.changed_by.clone().unwrap_or_default());
        self.with(|c| {
            let done = c.execute(
                "INSERT INTO awareness_policy (org_id, isac_opt_in, report_tlp, changed_at, changed_by) VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (org_id) DO UPDATE SET isac_opt_in = excluded.isac_opt_in, report_tlp = excluded.report_tlp, \
                 changed_at = excluded.changed_at, changed_by = excluded.changed_by",
                &[&org_id, &p.isac_opt_in, &p.report_tlp, &at, &by],
            );
            match done {
                Err(e) if is_foreign_key_violation(&e) => Err(not_found("organisation", org_id)),
                other => Ok(other.map(|_| ())?),
            }
        })
    }

    fn isac_orgs(&self) -> Result<Vec<i64>> {
        self.with(|c| {
            c.query("SELECT org_id FROM awareness_policy WHERE isac_opt_in ORDER BY org_id", &[])?
                .iter()
                .map(|r| Ok(r.try_get(0)?))
                .collect()
        })
    }
}
