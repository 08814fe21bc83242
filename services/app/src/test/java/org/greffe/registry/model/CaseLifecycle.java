package org.greffe.registry.model;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.greffe.events.CaseId;
import org.greffe.events.TribunalId;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's own {@link Case}, driven one command at a time for tests outside the registry, whose rules they must
 * not copy: each case is given the events its earlier commands applied, then the next command (Axon's
 * {@link AggregateTestFixture}, one per case, which also checks that event-sourcing handlers only assign state).
 * The aggregate is package-private, hence this helper in its package.
 */
public final class CaseLifecycle {

    private final ReferenceData referenceData;
    private final Clock clock;
    private final DocketNumbers docketNumbers;
    private final Map<CaseId, OneCase> cases = new HashMap<>();
    private final Set<String> claimed = new HashSet<>();

    /**
     * @param referenceData the tribunals, armed groups and docket-number formats the registry accepts
     * @param clock         "today" for the date rules
     */
    public CaseLifecycle(ReferenceData referenceData, Clock clock) {
        this.referenceData = referenceData;
        this.clock = clock;
        this.docketNumbers = new DocketNumbers() {
            @Override
            public boolean claim(TribunalId tribunalId, String docketNumber, CaseId caseId) {
                return claimed.add(tribunalId.value() + " " + DocketNumbers.normalized(docketNumber));
            }

            @Override
            public Optional<CaseId> find(TribunalId tribunalId, String docketNumber) {
                return Optional.empty();
            }
        };
    }

    /**
     * Hands the command to its case, as the registry would after every command this lifecycle accepted so far.
     *
     * @return the events the case applied
     * @throws Refused when the case refuses the command; nothing is applied then
     */
    public List<Object> handle(CaseCommand command) {
        OneCase one = cases.computeIfAbsent(command.caseId(), id -> new OneCase());
        List<Object> history = one.history;
        ResultValidator<Case> result = history.isEmpty() ? one.fixture.givenNoPriorActivity().when(command)
                : one.fixture.given(history).when(command);
        Object[] outcome = new Object[1];
        try {
            result.expectSuccessfulHandlerExecution();
        } catch (AssertionError refused) {
            result.expectException(recording(outcome));
            Throwable refusal = (Throwable) outcome[0];
            throw new Refused(refusal.getClass().getSimpleName() + ": " + refusal.getMessage(), refusal);
        }
        result.expectEventsMatching(recording(outcome));
        List<Object> events = ((List<?>) outcome[0]).stream()
                .map(message -> (Object) ((EventMessage<?>) message).getPayload()).toList();
        history.addAll(events);
        return events;
    }

    /** A fixture per case: Axon's fixture serves one aggregate, and holds the events its commands applied. */
    private final class OneCase {

        private final AggregateTestFixture<Case> fixture = new AggregateTestFixture<>(Case.class);
        private final List<Object> history = new ArrayList<>();

        OneCase() {
            fixture.registerInjectableResource(referenceData);
            fixture.registerInjectableResource(clock);
            fixture.registerInjectableResource(docketNumbers);
        }
    }

    private static <T> Matcher<T> recording(Object[] into) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                into[0] = actual;
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("anything");
            }
        };
    }

    /** A command the case refused: the rule it broke, in the aggregate's words. */
    public static final class Refused extends RuntimeException {

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
