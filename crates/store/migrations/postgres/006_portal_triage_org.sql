-- Triage ownership by organisation id: which organisation decided a citizen report, so that
-- "ours" never depends on reading a name out of `decided_by`.
ALTER TABLE citizen_reports ADD COLUMN IF NOT EXISTS decided_org_id BIGINT REFERENCES orgs (id);

-- Reports decided before: `decided_by` reads `user:NAME@ORG` and user names hold no '@', so the
-- text between 'user:' and the first '@' names the deciding user exactly.
UPDATE citizen_reports r
SET decided_org_id = u.org_id
FROM portal_users u
WHERE r.decided_org_id IS NULL
  AND r.decided_by LIKE 'user:%@%'
  AND u.username = split_part(substr(r.decided_by, 6), '@', 1);
