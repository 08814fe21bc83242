package org.greffe.registry.application;

import org.greffe.registry.model.CaseRuleViolation;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.InvalidCommand;
import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Rule;
import org.greffe.registry.model.UnknownReferenceData;
import org.greffe.registry.model.Wording;

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

    /** How the registry answers the rejection, in English. */
    public static Problem of(Rejection rejection) {
        return of(rejection, Words.ENGLISH);
    }

    /** How the registry answers the rejection, said with the words given (the reader's language). */
    public static Problem of(Rejection rejection, Words words) {
        String detail = words.say(rejection.wording(), rejection.getMessage());
        if (rejection instanceof CaseRuleViolation violation) {
            Rule rule = violation.rule();
            // The rule, then how it was broken, joined as each language writes a colon.
            String said = words.say(Wording.of("rule." + rule.name()), rule.statement())
                    + words.say(Wording.of("rule.then"), ": ") + words.say(rejection.wording(), violation.detail());
            return new Problem(409, "rule-violated", title(words, "rule-violated",
                    "A rule of the case lifecycle was broken"), said, rule.name(), null);
        }
        if (rejection instanceof InvalidCommand invalid) {
            return invalid(List.of(new FieldError(invalid.field(), detail)), words);
        }
        if (rejection instanceof UnknownReferenceData unknown) {
            return new Problem(422, "unknown-reference", title(words, "unknown-reference", "Unknown reference data"),
                    detail, null, List.of(new FieldError(unknown.field(), detail)));
        }
        if (rejection instanceof HearingNotFound || rejection instanceof CaseNotFound
                || rejection instanceof ImportJobNotFound) {
            return new Problem(404, "not-found", title(words, "not-found", "Not found"), detail);
        }
        if (rejection instanceof CaseChanged) {
            return new Problem(409, "concurrent-modification", title(words, "concurrent-modification",
                    "The case changed meanwhile"), detail);
        }
        if (rejection instanceof IdempotencyKeyReused) {
            return new Problem(422, "idempotency-key-reused", title(words, "idempotency-key-reused",
                    "Idempotency-Key reused"), detail);
        }
        if (rejection instanceof InvalidDocket) {
            return new Problem(400, "invalid-docket", title(words, "invalid-docket", "Not a docket file"), detail);
        }
        if (rejection instanceof DocketTooLarge) {
            return new Problem(413, "docket-too-large", title(words, "docket-too-large", "Docket file too large"),
                    detail);
        }
        throw new IllegalArgumentException("no problem is defined for " + rejection.getClass().getName());
    }

    /** The title of a problem type, said with the words given. */
    public static String title(Words words, String type, String english) {
        return words.say(Wording.of("title." + type), english);
    }

    /** A request with invalid fields, each listed, in English. */
    public static Problem invalid(List<FieldError> errors) {
        return invalid(errors, Words.ENGLISH);
    }

    /** A request with invalid fields, each listed (their messages already said); the detail lists them too. */
    public static Problem invalid(List<FieldError> errors, Words words) {
        return new Problem(400, "invalid-request", title(words, "invalid-request", "Invalid request"),
                fieldsInOneLine(errors), null, errors);
    }

    /** One line naming the broken rule or the invalid fields: how the docket import reports a rejected row. */
    public String summary() {
        return summary(Words.ENGLISH);
    }

    /** The same line, its colons set as the words' language sets them (French puts a space before). */
    public String summary(Words words) {
        String then = words.say(Wording.of("rule.then"), ": ");
        if (rule != null) {
            return rule + then + detail;
        }
        return errors == null || errors.isEmpty() ? detail : errors.stream()
                .map(error -> error.field() + then + error.message()).collect(Collectors.joining("; "));
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
