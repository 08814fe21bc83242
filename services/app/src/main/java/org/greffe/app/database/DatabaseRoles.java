package org.greffe.app.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two roles of a Greffe database, set up by a superuser: {@link #OWNER} owns every table and runs the migrations;
 * {@link #APP}, the runtime role, owns nothing and gets, table by table, what each service's
 * {@code afterMigrate__grants.sql} lists. The embedded database runs this at every start; an operator runs the same
 * statements on an external server (docs/operations.md, "Operations: database roles and durability").
 */
public final class DatabaseRoles {

    /** The role that owns the tables and runs the migrations. */
    public static final String OWNER = "greffe_owner";
    /** The role Greffe connects as at run time. */
    public static final String APP = "greffe_app";

    /**
     * Creates the roles when missing (login without password: the embedded server trusts local connections), takes
     * from {@code PUBLIC} the temporary tables and the right to create in the database or the schema, lets the owner
     * create tables in the schema and the runtime role use it, and hands the owner whatever in the schema
     * the connecting superuser still owns: the tables of a data directory migrated before the roles existed.
     */
    private static final String SET_UP = """
            DO $$
            DECLARE
                object RECORD;
            BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                    CREATE ROLE %1$s LOGIN;
                END IF;
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%2$s') THEN
                    CREATE ROLE %2$s LOGIN;
                END IF;
                EXECUTE format('GRANT CONNECT ON DATABASE %%I TO %1$s, %2$s', current_database());
                -- A temporary table is searched before Greffe's own (pg_temp comes first in search_path): one named
                -- domain_event_entry would take the appends of its connection. Greffe creates none, nor schemas.
                EXECUTE format('REVOKE TEMPORARY, CREATE ON DATABASE %%I FROM PUBLIC', current_database());
                REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                GRANT USAGE, CREATE ON SCHEMA public TO %1$s;
                GRANT USAGE ON SCHEMA public TO %2$s;
                -- Sequences that belong to a column move with their table.
                FOR object IN
                    SELECT c.oid::regclass AS name FROM pg_class c
                    WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = current_user::regrole
                      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                      AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                LOOP
                    EXECUTE format('ALTER TABLE %%s OWNER TO %1$s', object.name);
                END LOOP;
                FOR object IN
                    SELECT p.oid::regprocedure AS name FROM pg_proc p
                    WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = current_user::regrole
                LOOP
                    EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', object.name);
                END LOOP;
            END
            $$""".formatted(OWNER, APP);

    private DatabaseRoles() {
    }

    /** Sets the roles up, or brings an older database up to them; to run as a superuser, at every start. */
    public static void setUp(Connection superuser) throws SQLException {
        try (Statement statement = superuser.createStatement()) {
            statement.execute(SET_UP);
        }
    }
}
