-- Case records now keep the victims and the accused's affiliation, for the breakdowns of the pending caseload.
-- Records stored before lack them and cannot be read, and the log is the only place to get them from: forget every
-- record and the processor's token, so the projection folds the whole event log again at its next start (answering
-- 503 "rebuilding" meanwhile, as after a rebuild).

DELETE FROM caseload_case_tribunal;
DELETE FROM caseload_case;

-- The token table belongs to the event store's own Flyway history, which may not have run yet on a new database.
DO $$
BEGIN
    IF to_regclass('token_entry') IS NOT NULL THEN
        DELETE FROM token_entry WHERE processor_name = 'caseload';
    END IF;
END
$$;
