-- What Greffe's runtime role (${appRole}) may do on the event store's tables. Flyway runs this, as the owner role,
-- after every migration, so the grants always match the code: a new table gets its line here (docs/operations.md,
-- "Operations: database roles and durability"). Append-only tables (a TRUNCATE trigger marks them) get SELECT and
-- INSERT only, and their sequences USAGE only (UPDATE on a sequence is setval, which would hand out indexes inside the
-- log).

-- Instances starting together run this together: one at a time (the same lock for every service), or PostgreSQL
-- may refuse one's grants as concurrently updated. Flyway runs this script in one transaction.
SELECT pg_advisory_xact_lock(1735550310, 1735549294);

REVOKE ALL ON domain_event_entry, event_authentication, event_authentication_start, snapshot_event_entry,
    token_entry FROM ${appRole};
REVOKE ALL ON SEQUENCE domain_event_entry_global_index_seq FROM ${appRole};

-- Axon appends events without naming global_index: the sequence hands it out, so nobody inserts into a gap.
GRANT SELECT, INSERT (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
    payload_revision, payload_type, time_stamp) ON domain_event_entry TO ${appRole};
GRANT USAGE ON SEQUENCE domain_event_entry_global_index_seq TO ${appRole};
GRANT SELECT, INSERT ON event_authentication TO ${appRole};
GRANT SELECT ON event_authentication_start TO ${appRole};

-- Greffe takes no snapshot and its storage engine never reads one (one written by hand would be the state the next
-- command is decided on): the runtime role gets nothing on snapshot_event_entry, so not even a regression could.
-- Mutable: tokens are claimed, moved and reset by a rebuild.
GRANT SELECT, INSERT, UPDATE, DELETE ON token_entry TO ${appRole};
