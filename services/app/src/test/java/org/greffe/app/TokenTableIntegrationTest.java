package org.greffe.app;

import org.greffe.platform.eventlog.TokenTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token table's look at the events above a processor's tokens, on the real event store: what lets a segment whose
 * token Axon has not moved yet count as caught up when none of the events above it is its own.
 */
class TokenTableIntegrationTest extends IntegrationTest {

    @Autowired
    TokenTable tokens;

    @Test
    void theEventsAboveATokenComeWithTheAggregateAxonSequencesThemBy() {
        String first = fileCase("2021-02-01");
        String second = fileCase("2021-02-02");
        List<Long> indexes = jdbc.queryForList("SELECT global_index FROM domain_event_entry "
                + "WHERE aggregate_identifier IN (?, ?) ORDER BY global_index", Long.class, first, second);
        assertThat(indexes).hasSize(2);
        long head = tokens.head();

        TokenTable.Appended both = tokens.appended(Set.of(), indexes.get(0) - 1, head, 1_000);
        assertThat(both.sequences()).containsEntry(indexes.get(0), Optional.of(first))
                                    .containsEntry(indexes.get(1), Optional.of(second));
        assertThat(both.readTo()).as("everything up to the head was read").isEqualTo(head);

        TokenTable.Appended one = tokens.appended(Set.of(), indexes.get(0) - 1, head, 1);
        assertThat(one.sequences()).containsOnlyKeys(indexes.get(0));
        assertThat(one.readTo()).as("no further than the one event read").isEqualTo(indexes.get(0));

        TokenTable.Appended gap = tokens.appended(Set.of(indexes.get(0), head + 1_000), head, head, 1_000);
        assertThat(gap.sequences()).as("a gap holding a stored event; one holding none")
                                   .containsOnlyKeys(indexes.get(0));
        assertThat(gap.readTo()).isEqualTo(head);
    }
}
