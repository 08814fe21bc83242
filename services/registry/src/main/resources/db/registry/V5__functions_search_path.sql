-- A function resolves table names through the caller's search_path, where pg_temp comes first: pin it, so that no
-- temporary table (nor a table of another schema) may stand in for Greffe's.
ALTER FUNCTION registry_append_only() SET search_path = pg_catalog, public;
