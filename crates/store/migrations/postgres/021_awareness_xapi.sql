-- Learners and xAPI, PostgreSQL dialect. Same semantics as
-- migrations/sqlite/021_awareness_xapi.sql: a member's pseudonym and group, and the statements
-- waiting for the LRS.
CREATE TABLE IF NOT EXISTS awareness_learners (
    user_id   BIGINT PRIMARY KEY REFERENCES portal_users (id),
    pseudonym TEXT NOT NULL UNIQUE,
    grp       TEXT
);

CREATE TABLE IF NOT EXISTS awareness_xapi_queue (
    id         TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts   BIGINT NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_at    TEXT NOT NULL,
    last_error TEXT,
    sent_at    TEXT
);

CREATE INDEX IF NOT EXISTS awareness_xapi_pending ON awareness_xapi_queue (next_at) WHERE sent_at IS NULL;
