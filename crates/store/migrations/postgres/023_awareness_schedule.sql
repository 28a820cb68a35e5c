-- The schedule and lifecycle of a simulation campaign (`awareness::schedule`): when a started
-- draft begins and ends sending, an optional daily send window (UTC, "HH:MM-HH:MM") and rate
-- (messages per minute), the sending identity `serve` uses for it (sender address, the post's
-- own brand and domain), and when it finished. Campaigns from before these columns have none:
-- they are sent by `postern awareness campaign send` as before.
ALTER TABLE awareness_campaigns ADD COLUMN starts_at TEXT;
ALTER TABLE awareness_campaigns ADD COLUMN ends_at TEXT;
ALTER TABLE awareness_campaigns ADD COLUMN send_window TEXT;
ALTER TABLE awareness_campaigns ADD COLUMN rate_per_minute BIGINT CHECK (rate_per_minute IS NULL OR rate_per_minute >= 1);
ALTER TABLE awareness_campaigns ADD COLUMN sender TEXT;
ALTER TABLE awareness_campaigns ADD COLUMN brand TEXT;
ALTER TABLE awareness_campaigns ADD COLUMN domain TEXT;
ALTER TABLE awareness_campaigns ADD COLUMN finished_at TEXT;
