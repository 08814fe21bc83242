-- Owned by the audit service: the tamper-evident seal of every stored event, in global order.
-- hash      = SHA-256 over the event's stored identity, type, payload, metadata, timestamp and previous_hash
--             (the global chain: one chain over the whole log);
-- case_hash = the same over the event and case_previous_hash (one chain per case, for per-case exports).
-- The first link's previous hash is 32 zero bytes.
CREATE TABLE audit_chain (
    global_index         BIGINT       PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 BYTEA        NOT NULL,
    previous_hash        BYTEA        NOT NULL,
    case_hash            BYTEA        NOT NULL,
    case_previous_hash   BYTEA        NOT NULL,
    sealed_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (aggregate_identifier, sequence_number)
);
