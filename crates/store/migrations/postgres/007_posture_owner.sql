-- Posture ownership, PostgreSQL dialect. Same semantics as migrations/sqlite/007_posture_owner.sql:
-- reports and events belong to the organisation that asked (NULL: scheduled re-scans); public
-- only for domains on the public scoreboard (posture_domains).
ALTER TABLE posture_reports ADD COLUMN IF NOT EXISTS owner_org BIGINT;
ALTER TABLE posture_events ADD COLUMN IF NOT EXISTS owner_org BIGINT;
CREATE INDEX IF NOT EXISTS posture_reports_by_owner ON posture_reports (owner_org, domain, seq);
