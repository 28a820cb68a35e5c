-- Postern hub schema, SQLite dialect. Timestamps are RFC 3339 text; date_added is microseconds.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The hub's date_added clock: strictly increasing across every process sharing the database.
CREATE TABLE clock (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    last_us INTEGER NOT NULL
);
INSERT INTO clock (id, last_us) VALUES (1, 0);

CREATE TABLE orgs (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    identity_id TEXT NOT NULL UNIQUE,
    country     TEXT,
    created     TEXT NOT NULL,
    is_hub      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tokens (
    id          TEXT PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs (id),
    role        TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'reader')),
    secret_hash BLOB NOT NULL,
    created     TEXT NOT NULL,
    revoked     TEXT
);

CREATE TABLE collections (
    id          TEXT PRIMARY KEY,
    title       TEXT NOT NULL UNIQUE,
    description TEXT,
    read_all    INTEGER NOT NULL,
    public      INTEGER NOT NULL,
    created     TEXT NOT NULL
);

CREATE TABLE collection_grants (
    collection_id TEXT NOT NULL REFERENCES collections (id),
    org_id        INTEGER NOT NULL REFERENCES orgs (id),
    can_read      INTEGER NOT NULL,
    can_write     INTEGER NOT NULL,
    PRIMARY KEY (collection_id, org_id)
);

CREATE TABLE objects (
    collection_id TEXT NOT NULL,
    object_id     TEXT NOT NULL,
    object_type   TEXT NOT NULL,
    spec_version  TEXT NOT NULL,
    version_text  TEXT,
    version_ns    INTEGER,
    date_added    INTEGER NOT NULL UNIQUE,
    tlp           INTEGER NOT NULL,
    producer      TEXT NOT NULL,
    recipients    TEXT,
    is_first      INTEGER NOT NULL,
    is_latest     INTEGER NOT NULL,
    body          TEXT NOT NULL
);
CREATE INDEX objects_by_collection ON objects (collection_id, date_added);
CREATE UNIQUE INDEX objects_by_id ON objects (collection_id, object_id, version_ns);

CREATE TABLE statuses (
    id      TEXT PRIMARY KEY,
    org_id  INTEGER NOT NULL,
    created TEXT NOT NULL,
    body    TEXT NOT NULL
);

CREATE TABLE audit (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    at      TEXT NOT NULL,
    actor   TEXT NOT NULL,
    action  TEXT NOT NULL,
    target  TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail  TEXT NOT NULL
);
-- Append-only: the engine itself refuses to rewrite history.
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
