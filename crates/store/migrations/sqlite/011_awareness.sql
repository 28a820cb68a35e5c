-- Phishing and smishing simulation campaigns of an organisation. Targets are pseudonymous: the
-- address (and name) are kept only to send the message and can be erased; results read the
-- pseudonym and the group. Events hold what a landing route saw: never a request body, at most
-- that a form was sent and how many fields it had. Values are checked by the `awareness` crate
-- before they get here; the CHECKs keep a hand-edited row from holding what the code never writes.
CREATE TABLE awareness_campaigns (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES orgs (id),
    name             TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
    template         TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    language         TEXT NOT NULL,
    legal_basis      TEXT,
    staff_notice     TEXT,
    works_council    TEXT,
    state            TEXT NOT NULL CHECK (state IN ('draft', 'running', 'finished')),
    dry_run          INTEGER NOT NULL CHECK (dry_run IN (0, 1)),
    created_at       TEXT NOT NULL,
    created_by       TEXT NOT NULL,
    started_at       TEXT
);
CREATE INDEX awareness_campaigns_by_org ON awareness_campaigns (org_id, id);

CREATE TABLE awareness_targets (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_id INTEGER NOT NULL REFERENCES awareness_campaigns (id),
    pseudonym   TEXT NOT NULL,
    grp         TEXT,
    address     TEXT,
    name        TEXT,
    token       TEXT NOT NULL UNIQUE CHECK (length(token) >= 32),
    sent_at     TEXT,
    UNIQUE (campaign_id, pseudonym)
);
CREATE INDEX awareness_targets_by_campaign ON awareness_targets (campaign_id, id);

-- Addresses that asked not to receive simulations; sending honours them.
CREATE TABLE awareness_optouts (
    org_id   INTEGER NOT NULL REFERENCES orgs (id),
    address  TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (org_id, address)
);

CREATE TABLE awareness_events (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    target_id   INTEGER NOT NULL REFERENCES awareness_targets (id),
    at          TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('link', 'beacon', 'honeypot', 'submit', 'report')),
    method      TEXT NOT NULL,
    user_agent  TEXT NOT NULL,
    network     TEXT NOT NULL,
    interaction INTEGER CHECK (interaction IN (0, 1)),
    view        TEXT UNIQUE,
    fields      INTEGER CHECK (fields >= 0)
);
CREATE INDEX awareness_events_by_target ON awareness_events (target_id, id);
