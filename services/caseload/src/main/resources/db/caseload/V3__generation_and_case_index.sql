-- The generation of the projection's tables: it moves on each time they are emptied to be filled again (a rebuild).
-- A bulk rebuild can end at the very position the processor stood at before, so positions alone cannot tell the
-- figures of the old tables from those of the new: cached figures are keyed by both.
CREATE TABLE caseload_generation (
    generation BIGINT NOT NULL
);
INSERT INTO caseload_generation (generation) VALUES (0);

-- Deleting a case record looks for its visits through the foreign key: without an index on case_id that is a scan
-- of the visits table per record, and emptying the projection for a rebuild took minutes at 100,000 cases.
CREATE INDEX caseload_case_tribunal_case ON caseload_case_tribunal (case_id);
