-- The version of the definitions the case records were folded under. Version 2 keeps every hearing held or adjourned
-- and each suspension's reason, which the stall figures count; a record folded under version 1 lacks them, and stall
-- figures computed from it would be wrong (no adjournment, every case idle since its last transfer). Emptying the
-- projection for a rebuild sets the current version; tables that hold no record yet are at it already. The caseload
-- answers no stall figure, and a release publishes none, while the tables are at an earlier version.
ALTER TABLE caseload_generation ADD COLUMN definitions INT NOT NULL DEFAULT 1;
UPDATE caseload_generation SET definitions = 2 WHERE NOT EXISTS (SELECT 1 FROM caseload_case);
