package org.greffe.registry.application;

import org.greffe.events.CaseId;
import org.greffe.events.HearingId;
import org.greffe.registry.model.CaseRuleViolation;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.InvalidCommand;
import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Rule;
import org.greffe.registry.model.UnknownReferenceData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each rejection has one wording, which the API answers as problem+json and the import reports on the row. */
class ProblemTest {

    @Test
    void aBrokenRuleIs409NamingTheRule() {
        Problem problem = Problem.of(new CaseRuleViolation(Rule.CASE_DISPOSED, "the case was withdrawn"));
        assertThat(problem).isEqualTo(new Problem(409, "rule-violated", "A rule of the case lifecycle was broken",
                Rule.CASE_DISPOSED.statement() + ": the case was withdrawn", "CASE_DISPOSED", null));
        assertThat(problem.summary()).isEqualTo("CASE_DISPOSED: " + problem.detail());
    }

    @Test
    void anInvalidValueIs400ListingTheField() {
        Problem problem = Problem.of(new InvalidCommand("victims", "at least one victim"));
        assertThat(problem).isEqualTo(new Problem(400, "invalid-request", "Invalid request",
                "victims: at least one victim", null,
                List.of(new Problem.FieldError("victims", "at least one victim"))));
        assertThat(problem.summary()).isEqualTo("victims: at least one victim");
    }

    @Test
    void invalidFieldsAreListedInTheDetailInTheOrderGiven() {
        Problem problem = Problem.invalid(List.of(new Problem.FieldError("filedOn", "is required"),
                new Problem.FieldError("victims.girls", "must be 0 or more")));
        assertThat(problem.detail()).isEqualTo("filedOn: is required; victims.girls: must be 0 or more");
        assertThat(problem.summary()).isEqualTo(problem.detail());
    }

    @Test
    void unknownReferenceDataIs422ListingTheFieldWithTheMessageAsDetail() {
        Problem problem = Problem.of(new UnknownReferenceData("tribunalId", "unknown tribunal 'atlantis'"));
        assertThat(problem).isEqualTo(new Problem(422, "unknown-reference", "Unknown reference data",
                "unknown tribunal 'atlantis'", null, List.of(new Problem.FieldError("tribunalId",
                "unknown tribunal 'atlantis'"))));
        assertThat(problem.summary()).isEqualTo("tribunalId: unknown tribunal 'atlantis'");
    }

    @Test
    void anUnknownCaseOrHearingIs404() {
        assertThat(Problem.of(new CaseNotFound("c-1")))
                .isEqualTo(new Problem(404, "not-found", "Not found", "no case with id c-1"));
        assertThat(Problem.of(new HearingNotFound(new CaseId("c-1"), new HearingId("h-1"))))
                .isEqualTo(new Problem(404, "not-found", "Not found", "case c-1 has no hearing h-1"));
    }

    @Test
    void aChangedCaseIs409() {
        assertThat(Problem.of(CaseChanged.since("c-1", 4, 2))).isEqualTo(new Problem(409, "concurrent-modification",
                "The case changed meanwhile", "case c-1 is at version 4, not the version 2 given in If-Match; read it "
                + "again"));
        assertThat(Problem.of(CaseChanged.concurrently()).detail()).startsWith("another command changed the case");
    }

    @Test
    void aReusedKeyAndAFileThatIsNoDocketOrTooLargeHaveTheirOwnStatus() {
        assertThat(Problem.of(new IdempotencyKeyReused())).extracting(Problem::status, Problem::type)
                .containsExactly(422, "idempotency-key-reused");
        assertThat(Problem.of(new InvalidDocket("not CSV"))).extracting(Problem::status, Problem::type)
                .containsExactly(400, "invalid-docket");
        assertThat(Problem.of(new DocketTooLarge("too large"))).extracting(Problem::status, Problem::type)
                .containsExactly(413, "docket-too-large");
    }

    @Test
    void aRejectionWithoutAWordingIsABug() {
        Rejection unmapped = new Rejection("new kind of refusal") {
        };
        assertThatThrownBy(() -> Problem.of(unmapped)).isInstanceOf(IllegalArgumentException.class);
    }
}
