-- STIX identities bound to member organisations, beside each organisation's own identity: the
-- identity a member's own platform (OpenCTI, MISP) writes in created_by_ref. Bound on first use
-- or by an administrator; an identity belongs to one organisation at most.
CREATE TABLE identity_bindings (
    identity_id TEXT PRIMARY KEY,
    org_id      INTEGER NOT NULL REFERENCES orgs (id),
    bound_at    TEXT NOT NULL,
    bound_by    TEXT NOT NULL
);
CREATE INDEX identity_bindings_by_org ON identity_bindings (org_id);
