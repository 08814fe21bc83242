-- Owned by the audit service: the tamper-evident seal of every stored event, in global order.
-- hash      = SHA-256 of the event's canonical bytes ending with previous_hash (the global chain: one chain over
--             the whole log, proving nothing was inserted, deleted or reordered anywhere);
-- case_hash = SHA-256 of the same bytes ending with case_previous_hash (one chain per case, in global order, so
--             that a single case can be exported and verified on its own).
-- The first link's previous hash is 32 zero bytes. The byte layout is in ChainHash and the README.
-- payload_hash and meta_data_hash (SHA-256 of the raw stored bytes) are not part of the chain: they only let the
-- verification say which field changed and whether a payload now sits under another event (a swap).
CREATE TABLE audit_chain (
    global_index         BIGINT       PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 BYTEA        NOT NULL,
    previous_hash        BYTEA        NOT NULL,
    case_hash            BYTEA        NOT NULL,
    case_previous_hash   BYTEA        NOT NULL,
    payload_hash         BYTEA        NOT NULL,
    meta_data_hash       BYTEA,
    sealed_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (aggregate_identifier, sequence_number)
);

-- A case's export and the last link of each case's chain when sealing.
CREATE INDEX audit_chain_case ON audit_chain (aggregate_identifier, global_index);
-- Naming the other side of a swapped payload.
CREATE INDEX audit_chain_payload_hash ON audit_chain (payload_hash);
