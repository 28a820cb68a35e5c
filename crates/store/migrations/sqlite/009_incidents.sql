-- Incident cases of an organisation, with their timeline notes, tasks, evidence files and the
-- hub objects (indicators, sightings) they involve. The four incident times are kept apart:
-- the regulatory clocks run from `aware` only. Values are checked by the `incidents` crate
-- before they get here; the CHECKs keep a hand-edited row from holding what the code never
-- writes. Evidence bytes are kept with their SHA-256, recorded at upload.
CREATE TABLE incident_cases (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id              INTEGER NOT NULL REFERENCES orgs (id),
    title               TEXT NOT NULL,
    summary             TEXT NOT NULL,
    classification      TEXT NOT NULL,
    severity            TEXT NOT NULL,
    services            TEXT NOT NULL,
    users_affected      INTEGER CHECK (users_affected >= 0),
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
CREATE INDEX incident_cases_by_org ON incident_cases (org_id, id);

CREATE TABLE incident_notes (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id INTEGER NOT NULL REFERENCES incident_cases (id),
    author  TEXT NOT NULL,
    at      TEXT NOT NULL,
    body    TEXT NOT NULL
);
CREATE INDEX incident_notes_by_case ON incident_notes (case_id, id);

CREATE TABLE incident_tasks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id    INTEGER NOT NULL REFERENCES incident_cases (id),
    title      TEXT NOT NULL,
    owner      TEXT NOT NULL,
    due        TEXT,
    done       INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX incident_tasks_by_case ON incident_tasks (case_id, id);

CREATE TABLE incident_evidence (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id     INTEGER NOT NULL REFERENCES incident_cases (id),
    filename    TEXT NOT NULL,
    size        INTEGER NOT NULL CHECK (size > 0),
    sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
    content     BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX incident_evidence_by_case ON incident_evidence (case_id, id);

CREATE TABLE incident_links (
    case_id  INTEGER NOT NULL REFERENCES incident_cases (id),
    stix_id  TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (case_id, stix_id)
);

-- Reporting stages sent (early warning, notification, ...): when the report was submitted,
-- which advances the chained clocks, and who recorded it. One submission per stage.
CREATE TABLE incident_submissions (
    case_id      INTEGER NOT NULL REFERENCES incident_cases (id),
    stage        TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    PRIMARY KEY (case_id, stage)
);
