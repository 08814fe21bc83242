package org.greffe.app.demo;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether the event log holds real data: any event whose metadata {@code user} is not one of the demo's own (the demo
 * docket's {@link DemoMode#DOCKET_USER} and the demo sign-ins), such as a {@code --greffe.import} ({@code cli:...}),
 * a case recorded with a bearer token by an instance sharing the database, or a row with no user at all. Demo users,
 * whose passwords are published, may read a log only while the demo wrote all of it.
 *
 * <p>Asked before every demo sign-in, so it is cheap: one statement that counts the events and checks only those
 * above the head it saw last. An append that took a lower global index but committed after that look (a gap, see
 * Axon's gap handling) shows as more events at or below the old head than were counted then, and is caught by
 * checking the whole log again. Once real, a log stays real: it is append-only, so the answer is kept.
 */
public final class DemoLog {

    private final JdbcTemplate jdbc;
    private final String scan;
    private boolean tableSeen;
    private Look last = new Look(0, -1, 0, false);

    /** @param signInUsers the demo users' names, which their writes record as {@code user} */
    public DemoLog(JdbcTemplate jdbc, List<String> signInUsers) {
        this.jdbc = jdbc;
        Set<String> demo = new LinkedHashSet<>(signInUsers);
        demo.add(DemoMode.DOCKET_USER);
        for (String user : demo) {
            if (!user.matches("[a-z]+")) {
                throw new IllegalArgumentException("not a demo user name: " + user);
            }
        }
        String names = demo.stream().map(user -> "'" + user + "'").collect(Collectors.joining(", "));
        this.scan = """
                SELECT count(*) AS events, coalesce(max(global_index), 0) AS head,
                       count(*) FILTER (WHERE global_index > ?) AS above,
                       coalesce(bool_or(CASE WHEN global_index > ? THEN
                           coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'user', '') NOT IN (%s) END), false)
                           AS has_real
                FROM domain_event_entry""".formatted(names);
    }

    /** True once the log holds any event the demo did not write; false on a store not created yet. */
    public synchronized boolean holdsRealData() {
        if (last.real()) {
            return true;
        }
        if (!tableSeen) {
            tableSeen = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT to_regclass('domain_event_entry') IS NOT NULL", Boolean.class));
            if (!tableSeen) {
                return false;
            }
        }
        Look look = look(last.head());
        if (look.events() - look.above() != last.events()) {
            look = look(-1);
        }
        last = new Look(look.events(), look.head(), 0, last.real() || look.real());
        return last.real();
    }

    private Look look(long head) {
        return jdbc.queryForObject(scan, (rs, row) -> new Look(rs.getLong("events"), rs.getLong("head"),
                rs.getLong("above"), rs.getBoolean("has_real")), head, head);
    }

    /** What one statement saw: all events, the head, the events above the head asked about, and whether any is real. */
    private record Look(long events, long head, long above, boolean real) {
    }
}
