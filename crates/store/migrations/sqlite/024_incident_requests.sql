-- Requests of on-request reporting stages (NIS2 Art. 23(4)(c): the intermediate report a CSIRT
-- or competent authority asks for), and an index that lets a joint exercise read only the audit
-- lines about its own cases and collection.
--
-- One request per (case, stage): the first stands. It is made through a hand-off, by the CSIRT
-- the case was handed to; `due` is the date it names (RFC 3339 UTC) or NULL when it names none.
CREATE TABLE incident_stage_requests (
    case_id      INTEGER NOT NULL REFERENCES incident_cases (id),
    stage        TEXT NOT NULL,
    handoff_id   INTEGER NOT NULL REFERENCES incident_handoffs (id),
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    due          TEXT,
    note         TEXT NOT NULL,
    PRIMARY KEY (case_id, stage)
);

-- Audit lines by target, in order: an exercise run's score reads the lines about its cases
-- (`incident:<id>`) and its collection within the run's time window, not the whole trail.
CREATE INDEX audit_by_target ON audit (target, seq);
