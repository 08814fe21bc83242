-- The keyed authentication code of every event appended through Greffe: HMAC-SHA-256, with a key kept outside the
-- database (greffe.keys.dir), over the event's identity, case, sequence, types, revision, recorded time, payload
-- and metadata exactly as stored. Written in the transaction that appends the event. The sealer seals only events
-- whose code verifies, so a row written into domain_event_entry by SQL, whatever its metadata claims, is never
-- sealed as genuine. The byte layout is in EventAuthenticationCode and the README.
CREATE TABLE event_authentication (
    event_identifier VARCHAR(255) PRIMARY KEY,  -- the event_identifier of the event in domain_event_entry
    key_id           VARCHAR(64)  NOT NULL,     -- which key made the code: keys are rotated, old ones kept
    mac              BYTEA        NOT NULL      -- the 32 bytes of the code
);

-- Events stored before Greffe authenticated appends have no code. They are the ones at or below this global index
-- (every index the sequence had handed out when this migration ran); only the hash chain vouches for them. One row,
-- written here and never again: the check allows no other id, and the triggers below no change.
CREATE TABLE event_authentication_start (
    id                      INTEGER     PRIMARY KEY CHECK (id = 1),
    unauthenticated_through BIGINT      NOT NULL,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO event_authentication_start (id, unauthenticated_through)
SELECT 1, CASE WHEN is_called THEN last_value ELSE 0 END FROM domain_event_entry_global_index_seq;

CREATE FUNCTION event_authentication_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER event_authentication_append_only
    BEFORE UPDATE OR DELETE ON event_authentication
    FOR EACH ROW EXECUTE FUNCTION event_authentication_append_only();

CREATE TRIGGER event_authentication_no_truncate
    BEFORE TRUNCATE ON event_authentication
    FOR EACH STATEMENT EXECUTE FUNCTION event_authentication_append_only();

CREATE TRIGGER event_authentication_start_append_only
    BEFORE UPDATE OR DELETE ON event_authentication_start
    FOR EACH ROW EXECUTE FUNCTION event_authentication_append_only();

CREATE TRIGGER event_authentication_start_no_truncate
    BEFORE TRUNCATE ON event_authentication_start
    FOR EACH STATEMENT EXECUTE FUNCTION event_authentication_append_only();
