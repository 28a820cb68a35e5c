-- Posture reports and their regression events belong to the organisation that asked for the
-- scan (NULL: the hub's scheduled re-scans). A report is public only when its domain is on the
-- public scoreboard (posture_domains); otherwise only its owner reads it. Reports stored before
-- this migration have no known owner, so they stay visible only for registered domains.
ALTER TABLE posture_reports ADD COLUMN owner_org INTEGER;
ALTER TABLE posture_events ADD COLUMN owner_org INTEGER;
CREATE INDEX posture_reports_by_owner ON posture_reports (owner_org, domain, seq);
