-- Triage ownership by organisation id: which organisation decided a citizen report, so that
-- "ours" never depends on reading a name out of `decided_by`.
ALTER TABLE citizen_reports ADD COLUMN decided_org_id INTEGER REFERENCES orgs (id);

-- Reports decided before: `decided_by` reads `user:NAME@ORG` and user names hold no '@', so the
-- text between 'user:' and the first '@' names the deciding user exactly.
UPDATE citizen_reports
SET decided_org_id = (
    SELECT u.org_id FROM portal_users u
    WHERE u.username = substr(citizen_reports.decided_by, 6, instr(citizen_reports.decided_by, '@') - 6)
)
WHERE decided_org_id IS NULL AND decided_by LIKE 'user:%@%';
