-- Readiness assessments, PostgreSQL dialect. Same semantics as migrations/sqlite/008_readiness.sql:
-- drafts frozen at finalisation with their scored result; one answer per question shared by the
-- organisation's respondents, with a revision so that concurrent edits are detected.
CREATE TABLE IF NOT EXISTS readiness_assessments (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id           BIGINT NOT NULL REFERENCES orgs (id),
    bank_version     TEXT NOT NULL,
    profile          TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    finalised_at     TEXT,
    result           TEXT,
    benchmark_opt_in BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX IF NOT EXISTS readiness_assessments_by_org ON readiness_assessments (org_id, id);

CREATE TABLE IF NOT EXISTS readiness_answers (
    assessment_id BIGINT NOT NULL REFERENCES readiness_assessments (id),
    question      TEXT NOT NULL,
    value         BIGINT CHECK (value BETWEEN 0 AND 4),
    evidence      TEXT NOT NULL,
    comment       TEXT NOT NULL,
    answered_by   TEXT NOT NULL,
    answered_at   TEXT NOT NULL,
    revision      BIGINT NOT NULL,
    PRIMARY KEY (assessment_id, question)
);
