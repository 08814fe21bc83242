-- What Greffe's runtime role (${appRole}) may do on the audit service's tables. Flyway runs this, as the owner role,
-- after every migration, so the grants always match the code: a new table gets its line here (docs/operations.md,
-- "Operations: database roles and durability"). Every table here is append-only (a TRUNCATE trigger marks it): SELECT
-- and INSERT, and USAGE on a sequence (never UPDATE, which is setval).

-- Instances starting together run this together: one at a time (the same lock for every service), or PostgreSQL
-- may refuse one's grants as concurrently updated. Flyway runs this script in one transaction.
SELECT pg_advisory_xact_lock(1735550310, 1735549294);

REVOKE ALL ON audit_chain, access_log, access_log_outcome, audit_tree_leaf, audit_tree_node, audit_tree_head
    FROM ${appRole};
REVOKE ALL ON SEQUENCE access_log_id_seq FROM ${appRole};

GRANT SELECT, INSERT ON audit_chain TO ${appRole};
GRANT SELECT, INSERT ON access_log TO ${appRole};
GRANT USAGE ON SEQUENCE access_log_id_seq TO ${appRole};
GRANT SELECT, INSERT ON access_log_outcome TO ${appRole};
GRANT SELECT, INSERT ON audit_tree_leaf TO ${appRole};
GRANT SELECT, INSERT ON audit_tree_node TO ${appRole};
GRANT SELECT, INSERT ON audit_tree_head TO ${appRole};
