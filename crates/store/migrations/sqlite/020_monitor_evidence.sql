-- Triage evidence of a monitor hit: the CA that issued the certificate it was read from (CT
-- sources; NULL otherwise and for hits recorded before this column), and the campaign it was
-- clustered into (the STIX campaign's name; NULL until it has one).
ALTER TABLE monitor_hits ADD COLUMN issuer TEXT;
ALTER TABLE monitor_hits ADD COLUMN campaign TEXT;
