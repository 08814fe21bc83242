-- The two roles of a Greffe database (docs/operations.md, "Operations: database roles and durability"). Run as a superuser (or
-- the role that owns Greffe's tables so far), in Greffe's database, once, and again after an upgrade from a version
-- that ran as one role:
--   psql -v ON_ERROR_STOP=1 -v owner_password=... -v app_password=... -d greffe -f greffe-roles.sql
-- greffe_owner owns the tables and runs the migrations (GREFFE_DATABASE_OWNER_USERNAME/PASSWORD); greffe_app is the
-- role Greffe runs as (SPRING_DATASOURCE_USERNAME/PASSWORD). It owns nothing: at every start, each service's
-- migrations grant it, table by table, what its afterMigrate__grants.sql lists, and no more.
SELECT format('CREATE ROLE greffe_owner LOGIN PASSWORD %L', :'owner_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'greffe_owner') \gexec
SELECT format('CREATE ROLE greffe_app LOGIN PASSWORD %L', :'app_password')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'greffe_app') \gexec

GRANT CONNECT ON DATABASE :"DBNAME" TO greffe_owner, greffe_app;
-- Temporary tables are searched before Greffe's own: one named domain_event_entry would take the appends of its
-- connection. Greffe creates none, nor schemas; PUBLIC kept CREATE on schema public on PostgreSQL 14 and older.
REVOKE TEMPORARY, CREATE ON DATABASE :"DBNAME" FROM PUBLIC;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO greffe_owner;
GRANT USAGE ON SCHEMA public TO greffe_app;

-- Tables, sequences and functions created before the roles existed (by the role running this) move to greffe_owner;
-- sequences that belong to a column move with their table.
DO $$
DECLARE
    object RECORD;
BEGIN
    FOR object IN
        SELECT c.oid::regclass AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = current_user::regrole
          AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype IN ('a', 'i'))
    LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO greffe_owner', object.name);
    END LOOP;
    FOR object IN
        SELECT p.oid::regprocedure AS name FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = current_user::regrole
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO greffe_owner', object.name);
    END LOOP;
END
$$;
