-- Domain posture: registered domains, report history, regression events.
CREATE TABLE posture_domains (
    domain        TEXT PRIMARY KEY,
    registered_by TEXT NOT NULL,
    registered_at TEXT NOT NULL
);

CREATE TABLE posture_reports (
    seq               INTEGER PRIMARY KEY AUTOINCREMENT,
    domain            TEXT NOT NULL,
    checked_at        TEXT NOT NULL,
    score             INTEGER NOT NULL,
    grade             TEXT NOT NULL,
    dotpost_compliant INTEGER NOT NULL,
    report            TEXT NOT NULL
);
CREATE INDEX posture_reports_by_domain ON posture_reports (domain, seq);

CREATE TABLE posture_events (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    domain   TEXT NOT NULL,
    at       TEXT NOT NULL,
    code     TEXT NOT NULL,
    severity TEXT NOT NULL,
    message  TEXT NOT NULL
);
