package org.greffe.app;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.greffe.events.CaseId;
import org.greffe.events.CaseWithdrawn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store's own guarantees, checked on the real PostgreSQL tables. */
class EventStoreIntegrationTest extends IntegrationTest {

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSecondEventAtTheSameSequenceIsAConcurrencyConflict() {
        String caseId = fileCase("2019-02-02");
        post("/api/cases/" + caseId + "/withdrawal", "{\"on\":\"2019-03-03\"}");
        long before = eventCount();
        assertThatThrownBy(() -> append(caseId, 1L)).isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> append(caseId, 0L)).isInstanceOf(AggregateStreamCreationException.class)
                .hasMessageContaining("Cannot reuse aggregate identifier");
        assertThat(eventCount()).isEqualTo(before);
    }

    private void append(String caseId, long sequence) {
        var clash = new GenericDomainEventMessage<>("Case", caseId, sequence,
                new CaseWithdrawn(new CaseId(caseId), LocalDate.of(2019, 3, 3)));
        transaction.executeWithoutResult(status -> storageEngine.appendEvents(clash));
    }

    @Test
    void storedEventsCannotBeUpdatedOrDeletedThroughTheApplication() {
        String caseId = fileCase("2019-02-02");
        assertThatThrownBy(() -> jdbc.update(
                "UPDATE domain_event_entry SET payload = '\\x7b7d' WHERE aggregate_identifier = ?", caseId))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", caseId))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        // Nor through the database administrator's connection, unless the trigger is switched off on purpose.
        JdbcTemplate dba = dbaJdbc();
        assertThatThrownBy(() -> dba.update(
                "UPDATE domain_event_entry SET payload = '\\x7b7d' WHERE aggregate_identifier = ?", caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ?", caseId))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> dba.execute("TRUNCATE domain_event_entry"))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, caseId)).isEqualTo(1);
    }

    @Test
    void payloadsAndMetadataAreByteaNeverLargeObjects() {
        // As the administrator: information_schema shows only the columns a role may use, and Greffe's role may not
        // read the snapshot table.
        assertThat(dbaJdbc().queryForList("""
                SELECT data_type FROM information_schema.columns
                WHERE table_name IN ('domain_event_entry', 'snapshot_event_entry', 'token_entry')
                  AND column_name IN ('payload', 'meta_data', 'token')""", String.class))
                .hasSize(5).containsOnly("bytea");
    }
}
