package org.greffe.caseload.infrastructure;

import org.greffe.caseload.application.ProjectionPosition;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the caseload projection is getting past the events it failed on: the failures its processor met, the
 * events they name, as stored in the log, and where the projection stands. A failure is over once the projection's
 * position (below which every stored event is folded) reaches the event, whoever folded it: this instance, another,
 * or a rebuild after the fix.
 *
 * <p>Cheap when nothing failed: no query at all. Each instance knows the failures of its own processor; the
 * segments move between instances as they fail and are claimed again, so with several instances each one meets the
 * failing event in turn.
 */
public class ProjectionHealth {

    private final ProjectionFailures failures;
    private final ProjectionPosition position;
    private final JdbcTemplate jdbc;
    private final Map<String, StoredEvent> located = new ConcurrentHashMap<>();

    public ProjectionHealth(ProjectionFailures failures, ProjectionPosition position, JdbcTemplate jdbc) {
        this.failures = failures;
        this.position = position;
        this.jdbc = jdbc;
    }

    /**
     * The failure the projection has not got past yet, if any: a stuck one before one that may still pass, then the
     * lowest in the log.
     */
    public Optional<Report> failing() {
        List<ProjectionFailures.Failure> current = failures.current();
        if (current.isEmpty()) {
            return Optional.empty();
        }
        ProjectionPosition.State state = position.state();
        List<Report> reports = new ArrayList<>();
        for (ProjectionFailures.Failure failure : current) {
            StoredEvent event = locate(failure.eventIdentifier());
            boolean past = event == null ? state.position() >= state.head()
                    : state.position() >= event.globalPosition();
            if (past) {
                failures.resolved(failure);
            } else {
                reports.add(new Report(failure, event, state));
            }
        }
        return reports.stream().min(Comparator.comparing((Report report) -> !report.stuck())
                                              .thenComparingLong(report -> report.event() == null ? Long.MAX_VALUE
                                                      : report.event().globalPosition()));
    }

    private StoredEvent locate(String eventIdentifier) {
        StoredEvent known = located.get(eventIdentifier);
        if (known != null) {
            return known;
        }
        StoredEvent found = jdbc.query("""
                SELECT global_index, payload_type, aggregate_identifier, sequence_number
                FROM domain_event_entry WHERE event_identifier = ?""", (rs, row) -> new StoredEvent(eventIdentifier,
                rs.getLong("global_index"), rs.getString("payload_type"), rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number")), eventIdentifier).stream().findFirst().orElse(null);
        if (found != null) {
            if (located.size() >= ProjectionFailures.KEPT) {
                located.clear();
            }
            located.put(eventIdentifier, found);
        }
        return found;
    }

    /**
     * An event of the log, as stored.
     *
     * @param eventIdentifier     its identifier
     * @param globalPosition      its global index
     * @param payloadType         its payload's type name
     * @param aggregateIdentifier its case
     * @param sequenceNumber      its sequence number within the case
     */
    public record StoredEvent(String eventIdentifier, long globalPosition, String payloadType,
                              String aggregateIdentifier, long sequenceNumber) {
    }

    /**
     * A failure the projection has not got past.
     *
     * @param failure what failed, how often, since when
     * @param event   the event it names, as stored; {@code null} when the log holds no such event
     * @param state   where the projection stands
     */
    public record Report(ProjectionFailures.Failure failure, StoredEvent event, ProjectionPosition.State state) {

        /** Failed often enough on one event that it will not pass by itself. */
        public boolean stuck() {
            return failure.stuck();
        }
    }
}
