-- Follow-up of incident cases, PostgreSQL dialect. Same semantics as
-- migrations/sqlite/019_incidents_followup.sql: reminders sent, CSIRT hand-offs and takedowns.
--
-- A reminder row is written once per (case, stage, kind, deadline, channel) before the reminder
-- goes out on that channel and removed again only when sending failed, so a restart never sends
-- it twice and a failed channel is retried without resending on the others.
CREATE TABLE IF NOT EXISTS incident_reminders (
    case_id  BIGINT NOT NULL REFERENCES incident_cases (id),
    stage    TEXT NOT NULL,
    kind     TEXT NOT NULL,
    due      TEXT NOT NULL,
    sent_at  TEXT NOT NULL,
    channel  TEXT NOT NULL,
    PRIMARY KEY (case_id, stage, kind, due, channel)
);

-- The CSIRT copy handed to one CSIRT organisation; only the case's organisation and that CSIRT
-- read the row and its messages.
CREATE TABLE IF NOT EXISTS incident_handoffs (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id         BIGINT NOT NULL REFERENCES incident_cases (id),
    csirt_org_id    BIGINT NOT NULL REFERENCES orgs (id),
    sent_by         TEXT NOT NULL,
    sent_at         TEXT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TEXT,
    UNIQUE (case_id, csirt_org_id)
);
CREATE INDEX IF NOT EXISTS incident_handoffs_by_csirt ON incident_handoffs (csirt_org_id, id);

CREATE TABLE IF NOT EXISTS incident_handoff_messages (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handoff_id BIGINT NOT NULL REFERENCES incident_handoffs (id),
    from_org   BIGINT NOT NULL REFERENCES orgs (id),
    kind       TEXT NOT NULL CHECK (kind IN ('question', 'feedback', 'answer')),
    author     TEXT NOT NULL,
    at         TEXT NOT NULL,
    body       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_handoff_messages_by_handoff ON incident_handoff_messages (handoff_id, id);

-- Takedown requests of a case: one scam domain each, the abuse contacts it was sent to, the
-- evidence it cites (evidence file ids and hub STIX ids, space-separated) and its status.
CREATE TABLE IF NOT EXISTS incident_takedowns (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES incident_cases (id),
    domain     TEXT NOT NULL,
    contacts   TEXT NOT NULL,
    evidence   TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('requested', 'acknowledged', 'taken-down', 'refused')),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_takedowns_by_case ON incident_takedowns (case_id, id);
