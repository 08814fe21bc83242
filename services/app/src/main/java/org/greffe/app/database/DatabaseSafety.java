package org.greffe.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What Greffe found, at start, about its own database role and the server's durability, as the runtime role sees it.
 *
 * <p>An append-only table is one a migration gave a trigger that refuses {@code TRUNCATE}: every service marks its
 * own so, and this check needs no list of them. On such a table the runtime role must not be able to
 * {@code UPDATE}, {@code DELETE}, {@code TRUNCATE} or add triggers; it must own no table at all (an owner may
 * {@code ALTER TABLE … DISABLE TRIGGER}), set no sequence ({@code UPDATE} on a sequence is {@code setval}, which
 * would hand out indexes inside the log), and not be a superuser, nor may it create roles, be a member of a role
 * that is a superuser or creates roles, or of {@code pg_execute_server_program}, {@code pg_read_server_files},
 * {@code pg_write_server_files}, {@code pg_write_all_data}. It may create no temporary table (one would shadow
 * Greffe's), no schema, no table in the schema. The triggers must be enabled ({@code O} or {@code A}: one enabled
 * only on replicas does not fire).
 *
 * <p>Durable means that a commit PostgreSQL acknowledged survives a crash of the server or of the machine:
 * {@code fsync}, {@code full_page_writes} on, {@code synchronous_commit} anything but {@code off}, and no append-only
 * table {@code UNLOGGED} (emptied by a crash).
 *
 * @param role       the runtime role
 * @param privileges what the runtime role could do that it must not; empty when it has least privilege
 * @param durability the settings that make the server lose acknowledged commits; empty when it is durable
 */
public record DatabaseSafety(String role, List<String> privileges, List<String> durability) {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSafety.class);

    private static final String TABLES = """
            SELECT c.relname, c.relkind,
                   pg_has_role(c.relowner, 'MEMBER') AS owns,
                   c.relkind IN ('r', 'p') AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid
                                                      AND t.tgtype & 32 <> 0) AS append_only,
                   c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'UPDATE') AS can_update,
                   c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'DELETE') AS can_delete,
                   c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'TRUNCATE') AS can_truncate,
                   c.relkind IN ('r', 'p') AND has_table_privilege(c.oid, 'TRIGGER') AS can_trigger,
                   c.relkind = 'S' AND has_sequence_privilege(c.oid, 'UPDATE') AS can_setval,
                   c.relpersistence <> 'p' AS unlogged,
                   EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal
                           AND t.tgenabled NOT IN ('O', 'A')) AS trigger_disabled
            FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'S')
            ORDER BY c.relname""";

    /**
     * The roles the runtime role is a member of, directly or through another, that could alter the append-only
     * tables: a superuser or {@code CREATEROLE} role (whose rights a {@code SET ROLE} takes), or a predefined role
     * that writes any table or runs programs and reads or writes files as the server.
     */
    private static final String ROLES = """
            SELECT r.rolname FROM pg_roles r
            WHERE r.rolname <> current_user AND pg_has_role(current_user, r.oid, 'MEMBER')
              AND (r.rolsuper OR r.rolcreaterole OR r.rolname IN ('pg_execute_server_program', 'pg_read_server_files',
                                                                  'pg_write_server_files', 'pg_write_all_data'))
            ORDER BY r.rolname""";

    /** Reads the runtime role's privileges and the server's settings through the runtime role's connection. */
    public static DatabaseSafety inspect(JdbcTemplate jdbc) {
        String role = jdbc.queryForObject("SELECT current_user", String.class);
        List<String> privileges = new ArrayList<>();
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
                Boolean.class))) {
            privileges.add("is a superuser");
        } else {
            // A superuser may do all this and is a member of every role: said once, above.
            if (Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user", Boolean.class))) {
                privileges.add("may create roles");
            }
            jdbc.queryForList(ROLES, String.class).forEach(member -> privileges.add("is a member of " + member));
        }
        List<String> unlogged = new ArrayList<>();
        jdbc.query(TABLES, rs -> {
            String table = rs.getString("relname");
            if (rs.getBoolean("owns")) {
                privileges.add("owns " + table);
            }
            if (rs.getBoolean("can_setval")) {
                privileges.add("may set sequence " + table);
            }
            if (rs.getBoolean("append_only")) {
                List<String> may = new ArrayList<>();
                for (String privilege : List.of("update", "delete", "truncate", "trigger")) {
                    if (rs.getBoolean("can_" + privilege)) {
                        may.add(privilege.toUpperCase(java.util.Locale.ROOT));
                    }
                }
                if (!may.isEmpty()) {
                    privileges.add("may " + String.join(", ", may) + " " + table);
                }
                if (rs.getBoolean("trigger_disabled")) {
                    privileges.add("finds a trigger of " + table + " disabled");
                }
                if (rs.getBoolean("unlogged")) {
                    unlogged.add(table + " unlogged");
                }
            }
        });
        // A temporary table is searched before Greffe's own: one named domain_event_entry takes the appends of its
        // connection. A table created in the schema, or a schema, could stand in for Greffe's in the same way.
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT has_database_privilege(current_database(), 'TEMPORARY')",
                Boolean.class))) {
            privileges.add("may create temporary tables");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT has_database_privilege(current_database(), 'CREATE')",
                Boolean.class))) {
            privileges.add("may create schemas");
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT has_schema_privilege(current_schema(), 'CREATE')",
                Boolean.class))) {
            privileges.add("may create tables in schema " + jdbc.queryForObject("SELECT current_schema()",
                    String.class));
        }
        List<String> durability = new ArrayList<>(unlogged);
        Map<String, String> settings = Map.of("fsync", "off", "full_page_writes", "off", "synchronous_commit", "off");
        settings.keySet().stream().sorted().forEach(setting -> {
            String value = jdbc.queryForObject("SELECT current_setting(?)", String.class, setting);
            if (settings.get(setting).equals(value)) {
                durability.add(setting + "=" + value);
            }
        });
        return new DatabaseSafety(role, List.copyOf(privileges), List.copyOf(durability));
    }

    /** Whether the runtime role has least privilege. */
    public boolean leastPrivilege() {
        return privileges.isEmpty();
    }

    /** Whether the server keeps every acknowledged commit across a crash. */
    public boolean durable() {
        return durability.isEmpty();
    }

    /**
     * Refuses real data on an unsafe database unless explicitly allowed; in demo mode, or when allowed, a warning.
     *
     * @throws DatabaseRefused when Greffe must not start
     */
    public DatabaseSafety enforce(DatabaseProperties properties, boolean demo) {
        if (!leastPrivilege()) {
            String what = "Greffe's database role " + role + " " + String.join("; ", privileges);
            if (properties.allowPrivilegedRole() || demo) {
                LOG.warn("{}, so it could alter the append-only tables ({})", what,
                        demo ? "demo mode" : "greffe.database.allow-privileged-role=true");
            } else {
                throw new DatabaseRefused(what + ", so it could alter the append-only tables: run the migrations as "
                        + "an owner role (GREFFE_DATABASE_OWNER_USERNAME) and connect as a role with only the grants "
                        + "docs/operations.md, \"Operations: database roles and durability\", gives, or set "
                        + "GREFFE_DATABASE_ALLOW_PRIVILEGED_ROLE=true to accept the risk.");
            }
        }
        if (!durable()) {
            String what = "The database runs with " + String.join(", ", durability);
            if (properties.allowNonDurable() || demo) {
                LOG.warn("{}, so a crash may lose acknowledged events ({})", what,
                        demo ? "demo mode" : "greffe.database.allow-non-durable=true");
            } else {
                throw new DatabaseRefused(what + ", so a crash may lose acknowledged events: turn fsync, "
                        + "full_page_writes and synchronous_commit on, or set GREFFE_DATABASE_ALLOW_NON_DURABLE=true "
                        + "to accept the risk.");
            }
        }
        return this;
    }
}
