package org.greffe.registry.application;

import org.greffe.registry.model.CaseRuleViolation;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.InvalidCommand;
import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.UnknownReferenceData;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rejection as the registry words it (RFC 7807): the HTTP API answers it as problem+json, the docket import
 * reports its {@link #summary()} on the row. {@link #of} is the one mapping from each {@link Rejection} to its
 * status, type, title, detail and fields.
 *
 * @param status HTTP status
 * @param type   last part of the problem type, {@code urn:greffe:problem:<type>}
 * @param title  the kind of problem, the same for every problem of the type
 * @param detail what went wrong this time
 * @param rule   the rule of the case lifecycle that was broken, or null
 * @param errors the invalid fields, or null when the problem is not about fields
 */
public record Problem(int status, String type, String title, String detail, String rule, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
    }

    /** A problem about no rule and no field. */
    public Problem(int status, String type, String title, String detail) {
        this(status, type, title, detail, null, null);
    }

    /** How the registry answers the rejection. */
    public static Problem of(Rejection rejection) {
        String detail = rejection.getMessage();
        if (rejection instanceof CaseRuleViolation violation) {
            return new Problem(409, "rule-violated", "A rule of the case lifecycle was broken", detail,
                    violation.rule().name(), null);
        }
        if (rejection instanceof InvalidCommand invalid) {
            return invalid(List.of(new FieldError(invalid.field(), detail)));
        }
        if (rejection instanceof UnknownReferenceData unknown) {
            return new Problem(422, "unknown-reference", "Unknown reference data", detail, null,
                    List.of(new FieldError(unknown.field(), detail)));
        }
        if (rejection instanceof HearingNotFound || rejection instanceof CaseNotFound
                || rejection instanceof ImportJobNotFound) {
            return new Problem(404, "not-found", "Not found", detail);
        }
        if (rejection instanceof CaseChanged) {
            return new Problem(409, "concurrent-modification", "The case changed meanwhile", detail);
        }
        if (rejection instanceof IdempotencyKeyReused) {
            return new Problem(422, "idempotency-key-reused", "Idempotency-Key reused", detail);
        }
        if (rejection instanceof InvalidDocket) {
            return new Problem(400, "invalid-docket", "Not a docket file", detail);
        }
        if (rejection instanceof DocketTooLarge) {
            return new Problem(413, "docket-too-large", "Docket file too large", detail);
        }
        throw new IllegalArgumentException("no problem is defined for " + rejection.getClass().getName());
    }

    /** A request with invalid fields, each listed; the detail lists them too. */
    public static Problem invalid(List<FieldError> errors) {
        return new Problem(400, "invalid-request", "Invalid request", fieldsInOneLine(errors), null, errors);
    }

    /** One line naming the broken rule or the invalid fields: how the docket import reports a rejected row. */
    public String summary() {
        if (rule != null) {
            return rule + ": " + detail;
        }
        return errors == null || errors.isEmpty() ? detail : fieldsInOneLine(errors);
    }

    private static String fieldsInOneLine(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    /**
     * One invalid field.
     *
     * @param field   the field, dotted for nested ones ({@code victims.girls}), or a docket column
     * @param message what is wrong with it
     */
    public record FieldError(String field, String message) {
    }
}
