-- A function resolves table names through the caller's search_path, where pg_temp comes first: pin it, so that no
-- temporary table (nor a table of another schema) may stand in for Greffe's. greffe_event_tribunal names no table and
-- functions are never looked up in pg_temp; it keeps no SET clause, which would stop its inlining in the index.
ALTER FUNCTION domain_event_entry_append_only() SET search_path = pg_catalog, public;
ALTER FUNCTION event_authentication_append_only() SET search_path = pg_catalog, public;
