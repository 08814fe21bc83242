-- Monthly releases: the figures readers without exact figures (advocates) see. Made once a month, after the month
-- closed, from the projection as it then stood; published as they are and never changed afterwards, so that no
-- reader can compare two versions of a month to learn what one late event changed.
CREATE TABLE caseload_release (
    release_month      VARCHAR(7)  PRIMARY KEY,  -- YYYY-MM, the last month the release covers
    made_at            TIMESTAMPTZ NOT NULL,     -- as the log was known then
    log_position       BIGINT      NOT NULL,     -- the caseload projection's position then
    projection_version TEXT        NOT NULL,
    cases              JSON        NOT NULL      -- {caseId: last folded sequence}: what the next release compares to
);

-- One tribunal's part of a release: its published months (a JSON array, oldest month first), and for the past months
-- whose published stocks were kept, the cases that have changed them since they were drawn (never served).
CREATE TABLE caseload_release_tribunal (
    release_month VARCHAR(7)  NOT NULL REFERENCES caseload_release (release_month),
    tribunal_id   VARCHAR(64) NOT NULL,
    months        JSON        NOT NULL,  -- json, not jsonb: the cells keep their order
    unrevised     JSON        NOT NULL,  -- {YYYY-MM: [caseId, ...]}
    PRIMARY KEY (release_month, tribunal_id)
);

-- The deployment's cell-key secret: whoever holds it can take the noise off the published figures. Made once, by
-- the first instance that needs it; every instance reads the same one, so they publish the same noise.
CREATE TABLE caseload_cell_key_secret (
    id     INT   PRIMARY KEY CHECK (id = 1),
    secret BYTEA NOT NULL CHECK (length(secret) >= 32)
);

-- What was published stays published, and the secret never changes (new noise would let readers average).
CREATE FUNCTION caseload_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published caseload release (and the cell-key secret) is never changed or removed: %', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER caseload_release_final BEFORE UPDATE OR DELETE ON caseload_release
    FOR EACH ROW EXECUTE FUNCTION caseload_published_is_final();
CREATE TRIGGER caseload_release_final_truncate BEFORE TRUNCATE ON caseload_release
    FOR EACH STATEMENT EXECUTE FUNCTION caseload_published_is_final();
CREATE TRIGGER caseload_release_tribunal_final BEFORE UPDATE OR DELETE ON caseload_release_tribunal
    FOR EACH ROW EXECUTE FUNCTION caseload_published_is_final();
CREATE TRIGGER caseload_release_tribunal_final_truncate BEFORE TRUNCATE ON caseload_release_tribunal
    FOR EACH STATEMENT EXECUTE FUNCTION caseload_published_is_final();
CREATE TRIGGER caseload_cell_key_secret_final BEFORE UPDATE OR DELETE ON caseload_cell_key_secret
    FOR EACH ROW EXECUTE FUNCTION caseload_published_is_final();
CREATE TRIGGER caseload_cell_key_secret_final_truncate BEFORE TRUNCATE ON caseload_cell_key_secret
    FOR EACH STATEMENT EXECUTE FUNCTION caseload_published_is_final();
