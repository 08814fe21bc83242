package org.greffe.caseload.infrastructure;

import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionFailuresTest {

    private final ProjectionFailures failures = new ProjectionFailures(
            Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));
    private final EventMessage<?> first = GenericEventMessage.asEventMessage("first");
    private final EventMessage<?> poison = GenericEventMessage.asEventMessage("poison");
    private final EventMessage<?> other = GenericEventMessage.asEventMessage("other");

    /** What the processor does when a handler throws: the listener handler, then the processor's handler. */
    private void handlerFails(EventMessage<?> event, List<EventMessage<?>> batch) {
        IllegalStateException error = new IllegalStateException("cannot fold " + event.getPayload());
        assertThatThrownBy(() -> failures.onError(error, event, null)).isSameAs(error);
        assertThatThrownBy(() -> failures.handleError(new ErrorContext("caseload", error, batch))).isSameAs(error);
    }

    @Test
    void aHandlerFailureNamesTheEventItCouldNotFoldAndIsPassedOn() {
        handlerFails(poison, List.of(first, poison));

        assertThat(failures.current()).singleElement().satisfies(failure -> {
            assertThat(failure.eventIdentifier()).isEqualTo(poison.getIdentifier());
            assertThat(failure.exact()).isTrue();
            assertThat(failure.error()).isEqualTo("IllegalStateException: cannot fold poison");
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.stuck()).isFalse();
        });
    }

    @Test
    void aBatchThatFailsAsAWholeNamesItsFirstEvent() {
        IllegalStateException commit = new IllegalStateException("commit failed");
        assertThatThrownBy(() -> failures.handleError(new ErrorContext("caseload", commit, List.of(first, poison))))
                .isSameAs(commit);

        assertThat(failures.current()).singleElement().satisfies(failure -> {
            assertThat(failure.eventIdentifier()).isEqualTo(first.getIdentifier());
            assertThat(failure.exact()).isFalse();
        });
    }

    @Test
    void twoEventsFailingInTurnAreEachCountedUntilStuck() {
        for (int round = 0; round < ProjectionFailures.STUCK_AFTER; round++) {
            handlerFails(poison, List.of(poison));
            handlerFails(other, List.of(other));
        }

        assertThat(failures.current()).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.attempts()).isEqualTo(ProjectionFailures.STUCK_AFTER);
            assertThat(failure.stuck()).isTrue();
        });
    }

    @Test
    void aResolvedFailureIsForgottenUnlessItFailedAgainSince() {
        handlerFails(poison, List.of(poison));
        ProjectionFailures.Failure seen = failures.current().get(0);
        handlerFails(poison, List.of(poison));

        failures.resolved(seen);
        assertThat(failures.current()).as("failed again after it was read").singleElement()
                                      .satisfies(failure -> assertThat(failure.attempts()).isEqualTo(2));

        failures.resolved(failures.current().get(0));
        assertThat(failures.current()).isEmpty();
    }

    @Test
    void theErrorIsItsChainOfCausesBounded() {
        String described = ProjectionFailures.describe(new IllegalStateException("outer",
                new IllegalArgumentException("inner\n  detail")));
        assertThat(described)
                .isEqualTo("IllegalStateException: outer; caused by IllegalArgumentException: inner detail");
        assertThat(ProjectionFailures.describe(new IllegalStateException("x".repeat(2000)))).hasSize(501).endsWith("…");
    }
}
