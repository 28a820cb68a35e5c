-- Lesson progress per person: the last quiz result of a portal member for a lesson, keyed by the
-- lesson id and version (a new version is a new lesson to take). Completion per group is read
-- from here; nothing else about the person is stored.
CREATE TABLE awareness_progress (
    user_id   INTEGER NOT NULL REFERENCES portal_users (id),
    lesson_id TEXT NOT NULL,
    version   INTEGER NOT NULL,
    language  TEXT NOT NULL,
    correct   INTEGER NOT NULL CHECK (correct >= 0),
    questions INTEGER NOT NULL CHECK (questions > 0 AND correct <= questions),
    passed    INTEGER NOT NULL CHECK (passed IN (0, 1)),
    at        TEXT NOT NULL,
    PRIMARY KEY (user_id, lesson_id)
);

-- Person-level events expire: the purge deletes events older than the retention period, so it
-- reads them by time.
CREATE INDEX awareness_events_by_time ON awareness_events (at);
