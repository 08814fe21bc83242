-- The dashboard's first view starts in the year of the earliest filing (GET /api/dashboard/first-view): min(filed_on)
-- read from this index rather than a scan of every case record on each first page load. Only adds an index: a
-- release without it runs beside this one unchanged.
CREATE INDEX IF NOT EXISTS caseload_case_filed_on ON caseload_case (filed_on);
