-- Published peer-benchmark snapshots of readiness assessments (section 6 of the design): the
-- aggregate figures as of a scheduled time, stored once and never rewritten, so that a later
-- submission cannot shift a published number. The body is the snapshot as JSON (aggregates only).
CREATE TABLE readiness_snapshots (
    as_of      TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL
);
