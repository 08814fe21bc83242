-- What Greffe's runtime role (${appRole}) may do on the caseload's tables. Flyway runs this, as the owner role, after
-- every migration, so the grants always match the code: a new table gets its line here (docs/operations.md,
-- "Operations: database roles and durability").

-- Instances starting together run this together: one at a time (the same lock for every service), or PostgreSQL
-- may refuse one's grants as concurrently updated. Flyway runs this script in one transaction.
SELECT pg_advisory_xact_lock(1735550310, 1735549294);

REVOKE ALL ON caseload_case, caseload_case_tribunal, caseload_generation, caseload_catch_up, caseload_release,
    caseload_release_tribunal, caseload_cell_key_secret FROM ${appRole};

-- The projection: folded again and again, emptied by a rebuild (DELETE, then COPY, which needs INSERT).
GRANT SELECT, INSERT, UPDATE, DELETE ON caseload_case, caseload_case_tribunal TO ${appRole};
GRANT SELECT, UPDATE ON caseload_generation TO ${appRole};
-- The start-up bulk build's progress: one row, rewritten by each report.
GRANT SELECT, UPDATE ON caseload_catch_up TO ${appRole};

-- Append-only (a TRUNCATE trigger marks them): what was published stays published.
GRANT SELECT, INSERT ON caseload_release, caseload_release_tribunal, caseload_cell_key_secret TO ${appRole};
