-- Owned by the registry service. Secrets of this deployment, one row each, created by the first instance that needs
-- one (INSERT ... ON CONFLICT DO NOTHING, then read back) so that every instance sharing the database uses the same.
--
-- 'client-references' keys the HMAC-SHA-256 that replaces client-chosen idempotency keys, correlation ids and user
-- names before they are stored (see ClientReferences): without it, nobody holding an export of the log can test a
-- guessed name against them. It is never exported; back it up with the database. Lost, it only means that retries
-- of requests sent before the loss are no longer recognised.
CREATE TABLE registry_secret (
    name       VARCHAR(64) PRIMARY KEY,
    secret     BYTEA       NOT NULL CHECK (octet_length(secret) = 32),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
