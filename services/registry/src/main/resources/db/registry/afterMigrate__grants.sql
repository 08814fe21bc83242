-- What Greffe's runtime role (${appRole}) may do on the registry's tables. Flyway runs this, as the owner role, after
-- every migration, so the grants always match the code: a new table gets its line here (README, "Operations: database
-- roles and durability").
REVOKE ALL ON registry_docket_number, registry_idempotency, registry_secret FROM ${appRole};

-- Append-only (a TRUNCATE trigger marks them).
GRANT SELECT, INSERT ON registry_docket_number, registry_secret TO ${appRole};
-- A reserved key is completed in the command's transaction.
GRANT SELECT, INSERT, UPDATE ON registry_idempotency TO ${appRole};
