-- Owned by the registry service. Both tables are written in the same transaction as the events they guard.

-- One row per docket number claimed at a tribunal: the set-based check the Case aggregate cannot make alone.
CREATE TABLE registry_docket_number (
    tribunal_id    VARCHAR(64)  NOT NULL,
    docket_key     VARCHAR(64)  NOT NULL, -- upper-cased, trimmed docket number
    docket_number  VARCHAR(64)  NOT NULL, -- as the clerk wrote it
    case_id        VARCHAR(64)  NOT NULL,
    claimed_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tribunal_id, docket_key)
);

-- The first response given to each Idempotency-Key, replayed to retries with the same request. The row is reserved
-- (status NULL) and completed in the command's transaction, so it never outlives a command that did not commit.
CREATE TABLE registry_idempotency (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    fingerprint     CHAR(64)     NOT NULL, -- SHA-256 of method, path and canonical request body
    status          INTEGER,
    location        VARCHAR(512),
    version         BIGINT,
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
