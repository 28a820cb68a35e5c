-- Learners and xAPI. A member's learner record: the random pseudonym the LRS knows them by (never
-- their name or address) and their group from the learner list, which completion per group reads.
-- The xAPI queue: statements waiting for the configured LRS, kept after sending with the time,
-- retried with back-off while the LRS refuses or is away, so none is lost.
CREATE TABLE awareness_learners (
    user_id   INTEGER PRIMARY KEY REFERENCES portal_users (id),
    pseudonym TEXT NOT NULL UNIQUE,
    grp       TEXT
);

CREATE TABLE awareness_xapi_queue (
    id         TEXT PRIMARY KEY,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts   INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_at    TEXT NOT NULL,
    last_error TEXT,
    sent_at    TEXT
);

CREATE INDEX awareness_xapi_pending ON awareness_xapi_queue (next_at) WHERE sent_at IS NULL;
