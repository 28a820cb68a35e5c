-- An organisation's awareness policy: whether its simulation results feed the ISAC's
-- cross-post benchmarks (difficulty-normalised aggregates over at least 5 opted-in posts,
-- `awareness::benchmark`), since when and by whom; and the TLP its staff's reports of real
-- messages are shared under in the hub (NULL: the hub's default, amber).
CREATE TABLE awareness_policy (
    org_id       BIGINT PRIMARY KEY REFERENCES orgs (id),
    isac_opt_in  BOOLEAN NOT NULL DEFAULT FALSE,
    changed_at   TEXT NOT NULL,
    changed_by   TEXT NOT NULL,
    report_tlp   TEXT CHECK (report_tlp IS NULL OR report_tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red'))
);
