-- The version of the definitions the case records were folded under. Version 2 keeps every hearing held or adjourned
-- and each suspension's reason, which the stall figures count; a record folded under version 1 lacks them, and stall
-- figures computed from it would be wrong (no adjournment, every case idle since its last transfer). Emptying the
-- projection for a rebuild sets the current version; tables that hold no record yet are at it already. The caseload
-- answers no stall figure, and a release publishes none, while the tables are at an earlier version.
ALTER TABLE caseload_generation ADD COLUMN definitions INT NOT NULL DEFAULT 1;
UPDATE caseload_generation SET definitions = 2 WHERE NOT EXISTS (SELECT 1 FROM caseload_case);

-- The stall tables of a release's months ({YYYY-MM: {latestHearing, suspensionReason, inactivity, reportingDelay}}),
-- beside the months rather than in them: an instance of the previous release, running during a rolling upgrade, reads
-- the months with a reader that refuses any field it does not know, and must still read a release made by this one.
-- NULL for a release made by an earlier version, or while the records await a rebuild.
ALTER TABLE caseload_release_tribunal ADD COLUMN stalls JSON;
