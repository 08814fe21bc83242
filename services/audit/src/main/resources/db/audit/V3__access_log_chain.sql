-- The access log, chained like the event log: each entry's hash covers its fields and the hash of the entry before
-- it (32 zero bytes for the first), so that an entry altered, removed or slipped in afterwards breaks the chain, and
-- POST /api/audit/verify names it. PostgreSQL computes the link as the entry is inserted, under a transaction-level
-- advisory lock, so that concurrent writers line up and ids follow the chain's order. The byte layout is in
-- AccessChainHash (which recomputes it) and the README.
--
-- The outcome of an access (its HTTP status), known only once the answer is complete, moves to a table of its own:
-- access_log rows are never changed once written, and Greffe's role needs no UPDATE on them.

CREATE TABLE access_log_outcome (
    access_log_id BIGINT  PRIMARY KEY,   -- the entry of access_log whose answer this is
    status        INTEGER NOT NULL       -- its HTTP status; an entry without an outcome was never answered
);

INSERT INTO access_log_outcome (access_log_id, status) SELECT id, status FROM access_log WHERE status IS NOT NULL;

-- A field of the link's bytes: its length as 4 bytes, then the bytes; null is the length -1 and no bytes.
CREATE FUNCTION greffe_access_field(value BYTEA) RETURNS BYTEA LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN value IS NULL THEN '\xffffffff'::bytea ELSE int4send(length(value)) || value END
$$;

-- The link hash of an entry: SHA-256 of the tag, the id, the time in microseconds since 1970, the text fields in
-- UTF-8 and the previous hash.
CREATE FUNCTION greffe_access_link(entry_id BIGINT, entry_at TIMESTAMPTZ, entry_user VARCHAR, entry_roles VARCHAR,
                                   entry_method VARCHAR, entry_path VARCHAR, entry_operation VARCHAR,
                                   entry_case VARCHAR, entry_tribunal VARCHAR, entry_client VARCHAR,
                                   previous BYTEA) RETURNS BYTEA LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT sha256(greffe_access_field(convert_to('greffe-access-v1', 'UTF8'))
                  || int8send(entry_id)
                  || int8send((extract(epoch FROM entry_at) * 1000000)::bigint)
                  || greffe_access_field(convert_to(entry_user, 'UTF8'))
                  || greffe_access_field(convert_to(entry_roles, 'UTF8'))
                  || greffe_access_field(convert_to(entry_method, 'UTF8'))
                  || greffe_access_field(convert_to(entry_path, 'UTF8'))
                  || greffe_access_field(convert_to(entry_operation, 'UTF8'))
                  || greffe_access_field(convert_to(entry_case, 'UTF8'))
                  || greffe_access_field(convert_to(entry_tribunal, 'UTF8'))
                  || greffe_access_field(convert_to(entry_client, 'UTF8'))
                  || greffe_access_field(previous))
$$;

-- The entries recorded so far are chained in id order, as they would have been.
ALTER TABLE access_log ADD COLUMN previous_hash BYTEA, ADD COLUMN hash BYTEA;
ALTER TABLE access_log DISABLE TRIGGER access_log_append_only;
DO $$
DECLARE
    entry    RECORD;
    previous BYTEA := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
BEGIN
    FOR entry IN SELECT * FROM access_log ORDER BY id LOOP
        UPDATE access_log
           SET previous_hash = previous,
               hash = greffe_access_link(entry.id, entry.at, entry.user_name, entry.roles, entry.method, entry.path,
                                         entry.operation, entry.case_id, entry.tribunal_id, entry.client, previous)
         WHERE id = entry.id
        RETURNING hash INTO previous;
    END LOOP;
END
$$;
ALTER TABLE access_log ENABLE TRIGGER access_log_append_only;

ALTER TABLE access_log
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL,
    ALTER COLUMN id DROP DEFAULT,   -- the chaining trigger hands out ids, in the chain's order
    DROP COLUMN status;

-- Nothing may change a recorded entry any more, not even its status.
CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP;
END
$$;

-- Links each new entry to the newest one. The lock (the same two-key space as the sealer's) lines writers up; the
-- id is taken under it, so ids follow the chain. Read committed only: after waiting for the lock, the next statement
-- must see the entry the previous writer committed.
CREATE FUNCTION access_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    previous BYTEA;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'access_log entries are chained in read committed transactions only, not in %',
            current_setting('transaction_isolation');
    END IF;
    PERFORM pg_advisory_xact_lock(1735550310, 1633903461);
    NEW.id := nextval('access_log_id_seq');
    SELECT hash INTO previous FROM access_log ORDER BY id DESC LIMIT 1;
    NEW.previous_hash := coalesce(previous,
            '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    NEW.hash := greffe_access_link(NEW.id, NEW.at, NEW.user_name, NEW.roles, NEW.method, NEW.path, NEW.operation,
                                   NEW.case_id, NEW.tribunal_id, NEW.client, NEW.previous_hash);
    RETURN NEW;
END
$$;

CREATE TRIGGER access_log_chain
    BEFORE INSERT ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_chain();

CREATE FUNCTION access_log_outcome_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_log_outcome is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER access_log_outcome_append_only
    BEFORE UPDATE OR DELETE ON access_log_outcome
    FOR EACH ROW EXECUTE FUNCTION access_log_outcome_append_only();

CREATE TRIGGER access_log_outcome_no_truncate
    BEFORE TRUNCATE ON access_log_outcome
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_outcome_append_only();
