-- Incident cases, PostgreSQL dialect. Same semantics as migrations/sqlite/009_incidents.sql:
-- cases of an organisation with notes, tasks, evidence (bytes and their SHA-256, recorded at
-- upload) and the hub objects they involve; the clocks run from `aware` only.
CREATE TABLE IF NOT EXISTS incident_cases (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id              BIGINT NOT NULL REFERENCES orgs (id),
    title               TEXT NOT NULL,
    summary             TEXT NOT NULL,
    classification      TEXT NOT NULL,
    severity            TEXT NOT NULL,
    services            TEXT NOT NULL,
    users_affected      BIGINT CHECK (users_affected >= 0),
    cross_border        TEXT NOT NULL CHECK (cross_border IN ('unknown', 'yes', 'no')),
    suspected_malicious TEXT NOT NULL CHECK (suspected_malicious IN ('unknown', 'yes', 'no')),
    detected            TEXT,
    aware               TEXT,
    contained           TEXT,
    resolved            TEXT,
    jurisdiction        TEXT NOT NULL,
    zone                TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    created_by          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_cases_by_org ON incident_cases (org_id, id);

CREATE TABLE IF NOT EXISTS incident_notes (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id BIGINT NOT NULL REFERENCES incident_cases (id),
    author  TEXT NOT NULL,
    at      TEXT NOT NULL,
    body    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_notes_by_case ON incident_notes (case_id, id);

CREATE TABLE IF NOT EXISTS incident_tasks (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES incident_cases (id),
    title      TEXT NOT NULL,
    owner      TEXT NOT NULL,
    due        TEXT,
    done       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_tasks_by_case ON incident_tasks (case_id, id);

CREATE TABLE IF NOT EXISTS incident_evidence (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id     BIGINT NOT NULL REFERENCES incident_cases (id),
    filename    TEXT NOT NULL,
    size        BIGINT NOT NULL CHECK (size > 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    content     BYTEA NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_evidence_by_case ON incident_evidence (case_id, id);

CREATE TABLE IF NOT EXISTS incident_links (
    case_id  BIGINT NOT NULL REFERENCES incident_cases (id),
    stix_id  TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (case_id, stix_id)
);

-- Reporting stages sent (early warning, notification, ...): when the report was submitted,
-- which advances the chained clocks, and who recorded it. One submission per stage.
CREATE TABLE IF NOT EXISTS incident_submissions (
    case_id      BIGINT NOT NULL REFERENCES incident_cases (id),
    stage        TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, stage)
);
