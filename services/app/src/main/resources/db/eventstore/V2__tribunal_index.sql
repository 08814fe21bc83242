-- An index of the raw log by tribunal: for each filing, the tribunal it was filed at; for each transfer, the tribunal
-- the case went to. An auditor's replay of one tribunal's caseload reads only the cases that were ever there, found
-- here, instead of the whole log. PostgreSQL maintains it in the transaction of every append, from the stored bytes
-- themselves: it derives from the log and from nothing else, so a replay that uses it still checks the projection.
--
-- Stored payloads are JSON written by Greffe; a payload that is not JSON cannot be appended (the cast fails), which
-- Greffe could not read back anyway. convert_from is STABLE only because its result depends on the database's
-- encoding, which never changes for a database: for one database the function below is immutable, as an index
-- expression must be. Should an upcaster ever rename tribunalId or toTribunalId, this function must learn the old
-- and new names in the same release (GreffeEventTribunalIndexTest checks it against every event type).
CREATE FUNCTION greffe_event_tribunal(payload_type VARCHAR, payload BYTEA) RETURNS VARCHAR
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE payload_type
               WHEN 'org.greffe.events.CaseFiled' THEN convert_from(payload, 'UTF8')::jsonb ->> 'tribunalId'
               WHEN 'org.greffe.events.CaseTransferred' THEN convert_from(payload, 'UTF8')::jsonb ->> 'toTribunalId'
           END
$$;

CREATE INDEX domain_event_entry_tribunal
    ON domain_event_entry (greffe_event_tribunal(payload_type, payload), aggregate_identifier)
    WHERE payload_type IN ('org.greffe.events.CaseFiled', 'org.greffe.events.CaseTransferred');
