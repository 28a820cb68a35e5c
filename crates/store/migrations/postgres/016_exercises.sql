-- Joint exercises, PostgreSQL dialect. Same semantics as migrations/sqlite/016_exercises.sql:
-- runs of a scenario, their participants and roles, facilitator marks, the incident cases
-- played in them (marked `exercise` on incident_cases) and each run's own collection.
CREATE TABLE IF NOT EXISTS exercise_runs (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scenario     TEXT NOT NULL,
    language     TEXT NOT NULL,
    owner_org_id BIGINT NOT NULL REFERENCES orgs (id),
    started_at   TEXT NOT NULL,
    speed        INTEGER NOT NULL CHECK (speed BETWEEN 1 AND 120),
    status       TEXT NOT NULL CHECK (status IN ('running', 'ended')),
    ended_at     TEXT,
    collection   TEXT UNIQUE,
    created_by   TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS exercise_participants (
    exercise_id BIGINT NOT NULL REFERENCES exercise_runs (id),
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    role        TEXT NOT NULL,
    PRIMARY KEY (exercise_id, org_id)
);
CREATE INDEX IF NOT EXISTS exercise_participants_by_org ON exercise_participants (org_id, exercise_id);

CREATE TABLE IF NOT EXISTS exercise_marks (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    exercise_id BIGINT NOT NULL REFERENCES exercise_runs (id),
    expectation TEXT NOT NULL,
    met         BOOLEAN NOT NULL,
    marked_by   TEXT NOT NULL,
    marked_at   TEXT NOT NULL,
    note        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS exercise_marks_by_run ON exercise_marks (exercise_id, id);

CREATE TABLE IF NOT EXISTS exercise_cases (
    exercise_id BIGINT NOT NULL REFERENCES exercise_runs (id),
    case_id     BIGINT NOT NULL UNIQUE REFERENCES incident_cases (id),
    PRIMARY KEY (exercise_id, case_id)
);

ALTER TABLE incident_cases ADD COLUMN IF NOT EXISTS exercise BOOLEAN NOT NULL DEFAULT FALSE;
