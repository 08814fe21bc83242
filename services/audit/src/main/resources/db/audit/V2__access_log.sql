-- Owned by the audit service: who read case-level data or ran an audit operation, when, what and from where.
-- A row is written before the read is served (no row, no read); its outcome (the HTTP status) is filled in once,
-- when the answer is complete. Rows are never changed otherwise, nor deleted.

CREATE TABLE access_log (
    id          BIGSERIAL    PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL,
    user_name   VARCHAR(200) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    method      VARCHAR(10)  NOT NULL,
    path        VARCHAR(600) NOT NULL,   -- path and query string, as requested (truncated, control characters replaced)
    operation   VARCHAR(40)  NOT NULL,   -- what was read or done: case-history, export, caseload-replay, verify, ...
    case_id     VARCHAR(64),             -- the case read, when the request names one
    tribunal_id VARCHAR(64),             -- the tribunal read, when the request names one
    client      VARCHAR(300) NOT NULL,   -- remote address, and X-Forwarded-For as the client sent it
    status      INTEGER                  -- HTTP status of the answer; NULL while it is being served
);

CREATE INDEX access_log_user ON access_log (user_name, id);
CREATE INDEX access_log_case ON access_log (case_id, id) WHERE case_id IS NOT NULL;
CREATE INDEX access_log_at ON access_log (at);

CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NULL
       AND (NEW.id, NEW.at, NEW.user_name, NEW.roles, NEW.method, NEW.path, NEW.operation, NEW.case_id,
            NEW.tribunal_id, NEW.client)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.user_name, OLD.roles, OLD.method, OLD.path, OLD.operation, OLD.case_id,
            OLD.tribunal_id, OLD.client) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'access_log is append-only: % refused', TG_OP;
END
$$;

CREATE TRIGGER access_log_append_only
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();

CREATE TRIGGER access_log_no_truncate
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
