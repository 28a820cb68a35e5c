-- Domain posture, PostgreSQL dialect. Same semantics as migrations/sqlite/004_posture.sql:
-- registered domains, report history, regression events; seq orders both histories.
CREATE TABLE IF NOT EXISTS posture_domains (
    domain        TEXT PRIMARY KEY,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS posture_reports (
    seq               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain            TEXT NOT NULL,
    checked_at        TEXT NOT NULL,
    score             BIGINT NOT NULL,
    grade             TEXT NOT NULL,
    dotpost_compliant BOOLEAN NOT NULL,
    report            TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS posture_reports_by_domain ON posture_reports (domain, seq);

CREATE TABLE IF NOT EXISTS posture_events (
    seq      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    domain   TEXT NOT NULL,
    at       TEXT NOT NULL,
    code     TEXT NOT NULL,
    severity TEXT NOT NULL,
    message  TEXT NOT NULL
);
