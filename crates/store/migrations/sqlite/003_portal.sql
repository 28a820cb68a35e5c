-- The web portal: people's accounts, sessions, citizens' scam reports, TLP:RED recipient lists.
CREATE TABLE portal_users (
    id            INTEGER PRIMARY KEY,
    org_id        INTEGER NOT NULL REFERENCES orgs (id),
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('admin', 'analyst', 'reader')),
    created       TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE portal_sessions (
    id_hash    BLOB PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES portal_users (id),
    csrf       TEXT NOT NULL,
    created_us INTEGER NOT NULL,
    expires_us INTEGER NOT NULL
);
CREATE INDEX portal_sessions_expiry ON portal_sessions (expires_us);

CREATE TABLE citizen_reports (
    id           INTEGER PRIMARY KEY,
    created      TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('message', 'url')),
    content      TEXT NOT NULL,
    country      TEXT NOT NULL,
    contact      TEXT,
    status       TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'accepted', 'rejected')),
    decided_by   TEXT,
    decided_at   TEXT,
    indicator_id TEXT
);
CREATE INDEX citizen_reports_status ON citizen_reports (status, id);

CREATE TABLE recipient_lists (
    id         INTEGER PRIMARY KEY,
    org_id     INTEGER NOT NULL REFERENCES orgs (id),
    name       TEXT NOT NULL,
    identities TEXT NOT NULL,
    UNIQUE (org_id, name)
);
