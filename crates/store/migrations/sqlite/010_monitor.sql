-- Brand-impersonation monitor: one row per flagged name, first and last seen, the brand and
-- technique of its strongest judgement, and its triage status. `indicator_id` is the STIX
-- indicator the hit became (NULL while it has none). A rejected or allowlisted name keeps its
-- row, so that the same source cannot bring it back.
CREATE TABLE monitor_hits (
    domain       TEXT PRIMARY KEY,
    brand        TEXT NOT NULL,
    technique    TEXT NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
    level        TEXT NOT NULL CHECK (level IN ('suspicious', 'malicious')),
    source       TEXT NOT NULL,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    sightings    INTEGER NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('new', 'confirmed', 'rejected', 'allowlisted')),
    indicator_id TEXT,
    collection   TEXT
);
CREATE INDEX monitor_hits_by_first_seen ON monitor_hits (first_seen);
