-- Federation: provenance of pulled objects, peerings and their persisted sync state.
ALTER TABLE objects ADD COLUMN origin TEXT;

CREATE TABLE peers (
    name              TEXT PRIMARY KEY,
    url               TEXT NOT NULL,
    api_root          TEXT NOT NULL,
    remote_collection TEXT NOT NULL,
    local_collection  TEXT NOT NULL REFERENCES collections (id),
    auth_kind         TEXT NOT NULL CHECK (auth_kind IN ('bearer', 'basic')),
    auth_user         TEXT,
    auth_secret       TEXT NOT NULL,
    direction         TEXT NOT NULL CHECK (direction IN ('pull', 'push', 'both')),
    max_tlp           SMALLINT NOT NULL,
    created           TEXT NOT NULL
);

CREATE TABLE peer_state (
    name               TEXT PRIMARY KEY REFERENCES peers (name) ON DELETE CASCADE,
    pull_checkpoint    TEXT,
    push_checkpoint_us BIGINT,
    last_success       TEXT,
    last_error         TEXT,
    failures           INTEGER NOT NULL DEFAULT 0,
    pulled             BIGINT NOT NULL DEFAULT 0,
    pushed             BIGINT NOT NULL DEFAULT 0,
    refused            BIGINT NOT NULL DEFAULT 0,
    lease_owner        TEXT,
    lease_until_us     BIGINT
);
