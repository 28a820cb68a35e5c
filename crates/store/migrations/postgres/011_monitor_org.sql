-- The STIX identity of the member organisation a hit was recorded for (the watcher's `--org` /
-- `[record] org`): its analysts triage it in the portal. NULL for hits recorded before this column.
ALTER TABLE monitor_hits ADD COLUMN org TEXT;
CREATE INDEX monitor_hits_by_org ON monitor_hits (org, first_seen);
