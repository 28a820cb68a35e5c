-- Lesson progress per person, PostgreSQL dialect. Same semantics as
-- migrations/sqlite/017_awareness_progress.sql: the last quiz result of a member per lesson, and
-- an index so that the retention purge finds old events by time.
CREATE TABLE IF NOT EXISTS awareness_progress (
    user_id   BIGINT NOT NULL REFERENCES portal_users (id),
    lesson_id TEXT NOT NULL,
    version   BIGINT NOT NULL,
    language  TEXT NOT NULL,
    correct   BIGINT NOT NULL CHECK (correct >= 0),
    questions BIGINT NOT NULL CHECK (questions > 0 AND correct <= questions),
    passed    BOOLEAN NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);

CREATE INDEX IF NOT EXISTS awareness_events_by_time ON awareness_events (at);
