-- STIX identities bound to member organisations, PostgreSQL dialect. Same semantics as
-- migrations/sqlite/005_identity_bindings.sql.
CREATE TABLE IF NOT EXISTS identity_bindings (
    identity_id TEXT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    bound_at    TEXT NOT NULL,
    bound_by    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS identity_bindings_by_org ON identity_bindings (org_id);
