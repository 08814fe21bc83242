-- A docket number, once claimed by a case that committed, stays claimed (an event names it for ever), and a
-- deployment secret never changes (see V2). Neither is ever updated or removed; now the database says so too.
CREATE FUNCTION registry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER registry_docket_number_append_only
    BEFORE UPDATE OR DELETE ON registry_docket_number
    FOR EACH ROW EXECUTE FUNCTION registry_append_only();
CREATE TRIGGER registry_docket_number_no_truncate
    BEFORE TRUNCATE ON registry_docket_number
    FOR EACH STATEMENT EXECUTE FUNCTION registry_append_only();
CREATE TRIGGER registry_secret_append_only
    BEFORE UPDATE OR DELETE ON registry_secret
    FOR EACH ROW EXECUTE FUNCTION registry_append_only();
CREATE TRIGGER registry_secret_no_truncate
    BEFORE TRUNCATE ON registry_secret
    FOR EACH STATEMENT EXECUTE FUNCTION registry_append_only();
