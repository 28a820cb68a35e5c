-- Simulation campaigns, PostgreSQL dialect. Same semantics as migrations/sqlite/011_awareness.sql:
-- pseudonymous targets (address kept for sending only), an opt-out list, and landing events
-- that never hold a request body.
CREATE TABLE IF NOT EXISTS awareness_campaigns (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id           BIGINT NOT NULL REFERENCES orgs (id),
    name             TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    template         TEXT NOT NULL,
    template_version BIGINT NOT NULL,
    language         TEXT NOT NULL,
    legal_basis      TEXT,
    staff_notice     TEXT,
    works_council    TEXT,
    state            TEXT NOT NULL CHECK (state IN ('draft', 'running', 'finished')),
    dry_run          BOOLEAN NOT NULL,
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    started_at       TEXT
);
CREATE INDEX IF NOT EXISTS awareness_campaigns_by_org ON awareness_campaigns (org_id, id);

CREATE TABLE IF NOT EXISTS awareness_targets (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id BIGINT NOT NULL REFERENCES awareness_campaigns (id),
    pseudonym   TEXT NOT NULL,
    grp         TEXT,
    address     TEXT,
    name        TEXT,
    token       TEXT NOT NULL UNIQUE CHECK (length(token) >= 32),
    sent_at     TEXT,
    UNIQUE (campaign_id, pseudonym)
);
CREATE INDEX IF NOT EXISTS awareness_targets_by_campaign ON awareness_targets (campaign_id, id);

-- Addresses that asked not to receive simulations; sending honours them.
CREATE TABLE IF NOT EXISTS awareness_optouts (
    org_id   BIGINT NOT NULL REFERENCES orgs (id),
    address  TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (org_id, address)
);

CREATE TABLE IF NOT EXISTS awareness_events (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_id   BIGINT NOT NULL REFERENCES awareness_targets (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'beacon', 'honeypot', 'submit', 'report')),
    method      TEXT NOT NULL,
    user_agent  TEXT NOT NULL,
    network     TEXT NOT NULL,
    interaction BOOLEAN,
    view        TEXT UNIQUE,
    fields      BIGINT CHECK (fields >= 0)
);
CREATE INDEX IF NOT EXISTS awareness_events_by_target ON awareness_events (target_id, id);
