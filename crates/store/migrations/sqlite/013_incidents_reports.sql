-- Stage reports of incident cases (early warning, notification, final or progress report): the
-- answers to the fields the jurisdiction's rule set asks for, as one JSON object of text by field
-- id, checked by the `incidents` crate before they get here. One report per stage; a draft may be
-- saved again, a submitted report is kept as sent. Submitting writes the report and the stage's
-- row in incident_submissions in one transaction, so the clock and the report always agree.
CREATE TABLE incident_reports (
    case_id    INTEGER NOT NULL REFERENCES incident_cases (id),
    stage      TEXT NOT NULL,
    answers    TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (case_id, stage)
);
