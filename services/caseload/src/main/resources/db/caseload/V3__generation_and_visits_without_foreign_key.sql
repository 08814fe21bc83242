-- The generation of the projection's tables: it moves on each time they are emptied to be filled again (a rebuild).
-- A bulk rebuild can end at the very position the processor stood at before, so positions alone cannot tell the
-- figures of the old tables from those of the new: cached figures are keyed by both.
CREATE TABLE caseload_generation (
    generation BIGINT NOT NULL
);
INSERT INTO caseload_generation (generation) VALUES (0);

-- The visits lose their foreign key. It had no index on case_id behind it, so emptying the projection scanned the
-- visits once per record (the minutes-long stall of a replay's reset), and with one it still cost a lookup per row
-- on every write and delete. The projection writes a record and its visits in one batch of one transaction, and
-- empties both tables together; nothing else writes them.
ALTER TABLE caseload_case_tribunal DROP CONSTRAINT caseload_case_tribunal_case_id_fkey;
