-- What Greffe's runtime role (${appRole}) may do on the registry's tables. Flyway runs this, as the owner role, after
-- every migration, so the grants always match the code: a new table gets its line here (docs/operations.md,
-- "Operations: database roles and durability").

-- Instances starting together run this together: one at a time (the same lock for every service), or PostgreSQL
-- may refuse one's grants as concurrently updated. Flyway runs this script in one transaction.
SELECT pg_advisory_xact_lock(1735550310, 1735549294);

REVOKE ALL ON registry_docket_number, registry_idempotency, registry_secret, registry_import_job FROM ${appRole};

-- Append-only (a TRUNCATE trigger marks them).
GRANT SELECT, INSERT ON registry_docket_number, registry_secret TO ${appRole};
-- A reserved key is completed in the command's transaction.
GRANT SELECT, INSERT, UPDATE ON registry_idempotency TO ${appRole};
-- A job's counts and heartbeat are brought up to date as it runs.
GRANT SELECT, INSERT, UPDATE ON registry_import_job TO ${appRole};
