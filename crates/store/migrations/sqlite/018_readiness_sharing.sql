-- Finalised readiness assessments an organisation shares with a named regulator organisation
-- (section 5 of the design: a regulator sees a post's report only if the post shares it). A
-- withdrawal deletes the row; the share's time is kept while it stands.
CREATE TABLE readiness_shares (
    assessment_id INTEGER NOT NULL REFERENCES readiness_assessments (id),
    regulator_org INTEGER NOT NULL REFERENCES orgs (id),
    shared_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, regulator_org)
);
CREATE INDEX readiness_shares_by_regulator ON readiness_shares (regulator_org, assessment_id);
