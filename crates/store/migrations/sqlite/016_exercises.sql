-- Joint exercises: one row per run of a scenario (the scenario itself is data in the
-- `exercises` crate), its participating organisations with the role each plays, and the
-- facilitator's marks. An exercise's indicators go to its own collection, and the incident
-- cases created for it are marked, so that nothing of an exercise reaches live feeds.
CREATE TABLE exercise_runs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    scenario     TEXT NOT NULL,
    language     TEXT NOT NULL,
    owner_org_id INTEGER NOT NULL REFERENCES orgs (id),
    started_at   TEXT NOT NULL,
    speed        INTEGER NOT NULL CHECK (speed BETWEEN 1 AND 120),
    status       TEXT NOT NULL CHECK (status IN ('running', 'ended')),
    ended_at     TEXT,
    collection   TEXT UNIQUE,
    created_by   TEXT NOT NULL
);

CREATE TABLE exercise_participants (
    exercise_id INTEGER NOT NULL REFERENCES exercise_runs (id),
    org_id      INTEGER NOT NULL REFERENCES orgs (id),
    role        TEXT NOT NULL,
    PRIMARY KEY (exercise_id, org_id)
);
CREATE INDEX exercise_participants_by_org ON exercise_participants (org_id, exercise_id);

CREATE TABLE exercise_marks (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    exercise_id INTEGER NOT NULL REFERENCES exercise_runs (id),
    expectation TEXT NOT NULL,
    met         INTEGER NOT NULL CHECK (met IN (0, 1)),
    marked_by   TEXT NOT NULL,
    marked_at   TEXT NOT NULL,
    note        TEXT NOT NULL
);
CREATE INDEX exercise_marks_by_run ON exercise_marks (exercise_id, id);

-- The incident cases played in an exercise; `incident_cases.exercise` marks them for every
-- reader that does not join this table.
CREATE TABLE exercise_cases (
    exercise_id INTEGER NOT NULL REFERENCES exercise_runs (id),
    case_id     INTEGER NOT NULL UNIQUE REFERENCES incident_cases (id),
    PRIMARY KEY (exercise_id, case_id)
);

ALTER TABLE incident_cases ADD COLUMN exercise INTEGER NOT NULL DEFAULT 0 CHECK (exercise IN (0, 1));
