-- The event store's published schema: what other modules may rely on beyond Axon's own tables. The event store owns
-- it, since it lives on the event table and is kept in the transaction of every append; a module that relies on it
-- names it as published schema where it does, and a change to it is a change of this contract.
--
-- greffe_event_tribunal(payload_type, payload) (V2, with its index domain_event_entry_tribunal): the tribunal a stored
-- CaseFiled was filed at or a stored CaseTransferred went to, NULL for any other event. The audit service calls it
-- (org.greffe.audit.infrastructure.JdbcCaseStreams) to find the cases that were ever at a tribunal. The test that
-- checks it against the events is TribunalIndexIntegrationTest (V2's comment gives it an older name).
COMMENT ON FUNCTION greffe_event_tribunal(VARCHAR, BYTEA) IS
    'Published schema of the event store: the tribunal a stored CaseFiled was filed at or a stored CaseTransferred '
    'went to, NULL for any other event. Called by the audit service (JdbcCaseStreams); indexed by '
    'domain_event_entry_tribunal.';
