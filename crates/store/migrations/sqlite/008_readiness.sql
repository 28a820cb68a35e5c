-- Readiness assessments: one row per assessment of an organisation (a draft until finalised,
-- then frozen with its scored result), and one answer per question, shared by the
-- organisation's respondents. `revision` counts the writes of an answer so that a respondent
-- saving over an answer changed since they read it is told, not silently overwritten.
CREATE TABLE readiness_assessments (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id           INTEGER NOT NULL REFERENCES orgs (id),
    bank_version     TEXT NOT NULL,
    profile          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    finalised_at     TEXT,
    result           TEXT,
    benchmark_opt_in INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX readiness_assessments_by_org ON readiness_assessments (org_id, id);

CREATE TABLE readiness_answers (
    assessment_id INTEGER NOT NULL REFERENCES readiness_assessments (id),
    question      TEXT NOT NULL,
    value         INTEGER CHECK (value BETWEEN 0 AND 4),
    evidence      TEXT NOT NULL,
    comment       TEXT NOT NULL,
    answered_by   TEXT NOT NULL,
    answered_at   TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    PRIMARY KEY (assessment_id, question)
);
