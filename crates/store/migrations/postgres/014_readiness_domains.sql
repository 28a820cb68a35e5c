-- Domains an organisation proves it controls for readiness scan evidence: the admin asks for a
-- token, publishes it in a DNS TXT record, and the hub checks it through its own resolver.
-- `proven_at` is set by a check that found the token and cleared by one that found the record
-- missing or different (a failed lookup leaves it as it was).
CREATE TABLE IF NOT EXISTS readiness_domains (
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    domain       TEXT NOT NULL,
    token        TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    checked_at   TEXT,
    outcome      TEXT,
    proven_at    TEXT,
    PRIMARY KEY (org_id, domain)
);
