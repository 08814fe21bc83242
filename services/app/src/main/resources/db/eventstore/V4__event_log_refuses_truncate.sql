-- The event log's rows could not be updated or deleted one by one, but TRUNCATE fires no row trigger: it emptied the
-- log (and, with audit_chain, left verify answering ok over nothing). Refused like the rest. Greffe's runtime role has
-- no TRUNCATE privilege anyway (afterMigrate__grants.sql); the trigger also stops the owner, until it is disabled on
-- purpose.
CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_append_only();
