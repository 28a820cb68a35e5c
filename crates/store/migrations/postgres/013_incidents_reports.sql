-- Stage reports of incident cases, PostgreSQL dialect. Same semantics as
-- migrations/sqlite/012_incidents_reports.sql: one report per stage with its answers as a JSON
-- object of text by field id; a submitted report is kept as sent, and submitting writes the
-- report and the stage's submission in one transaction.
CREATE TABLE IF NOT EXISTS incident_reports (
    case_id    BIGINT NOT NULL REFERENCES incident_cases (id),
    stage      TEXT NOT NULL,
    answers    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, stage)
);
