package org.greffe.registry.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.greffe.platform.database.DatabaseOutage;
import org.greffe.registry.application.Problem;
import org.greffe.registry.application.Patterns;
import org.greffe.registry.application.Problem.FieldError;
import org.greffe.registry.application.Words;
import org.greffe.registry.model.Rejection;
import org.greffe.registry.model.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every rejection as RFC 7807 problem+json with a readable {@code detail}: 400 for malformed or invalid input
 * (each field listed under {@code errors}), 404 for an unknown case or hearing, 409 for a broken rule (named under
 * {@code rule}) or a concurrent change, 413 for a docket file over the limits, 422 for unknown reference data or a
 * reused idempotency key. Whatever the rejection, the command's transaction rolled back: nothing was appended.
 * Scoped to the registry's controllers; other services answer their own errors.
 */
@RestControllerAdvice(basePackages = "org.greffe.registry")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final Words words;

    ProblemHandler(Words words) {
        this.words = words;
    }

    /** Every refusal of the registry, as {@link Problem#of} words it, in the request's language. */
    @ExceptionHandler(Rejection.class)
    ResponseEntity<Object> rejected(Rejection e) {
        return answer(Problem.of(e, words));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e) {
        if (DatabaseOutage.causes(e)) {
            return outage(e);
        }
        log.error("database failure while handling a request", e);
        return answer(new Problem(503, "unavailable", Problem.title(words, "unavailable", "Storage unavailable"),
                words.say(Wording.of("problem.unavailable"),
                        "the event store could not be reached; nothing was recorded")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.causes(e)) {
            return outage(e);
        }
        log.error("unexpected failure while handling a request", e);
        return answer(new Problem(500, "internal", Problem.title(words, "internal", "Internal error"),
                words.say(Wording.of("problem.internal"), "the request failed unexpectedly; nothing was recorded")));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), words.say(
                        Patterns.wording(error.getDefaultMessage()), error.getDefaultMessage())))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return answer(Problem.invalid(errors, words));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return answer(Problem.invalid(List.of(new FieldError(path(unknown),
                    words.say(Wording.of("json.unknown-field", unknown.getKnownPropertyIds()),
                            "is not a field of this request; known fields: " + unknown.getKnownPropertyIds()))),
                    words));
        }
        if (cause instanceof InvalidFormatException format) {
            return answer(Problem.invalid(List.of(new FieldError(path(format),
                    expected(format.getTargetType(), format.getValue()))), words));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return answer(Problem.invalid(List.of(new FieldError(path(mismatch),
                    expected(mismatch.getTargetType(), null))), words));
        }
        String detail = cause instanceof JsonParseException parse
                ? words.say(Wording.of("json.not-json", parse.getLocation().getLineNr(),
                        parse.getLocation().getColumnNr()), "the body is not valid JSON: " + parse.getOriginalMessage()
                        + " at line " + parse.getLocation().getLineNr() + ", column "
                        + parse.getLocation().getColumnNr())
                : words.say(Wording.of("json.no-object"),
                        "the body is missing or is not a JSON object of the expected shape");
        return answer(new Problem(400, "malformed-request", Problem.title(words, "malformed-request",
                "Malformed request"), detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode status,
                                                             @NonNull WebRequest request) {
        // Spring's own rejections (405, 406, 415, unknown path...) keep their status, with a problem body.
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getDetail() == null) {
            problem.setDetail(e.getMessage());
        }
        return response;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private String expected(Class<?> type, Object value) {
        String echoed = value == null ? null : abbreviated(String.valueOf(value));
        String got = echoed == null ? "" : " (got '" + echoed + "')";
        String gotSaid = echoed == null ? "" : words.say(Wording.of("json.got", echoed), got);
        if (type == null) {
            return words.say(Wording.of("json.wrong-type"), "has the wrong type");
        }
        if (type.isEnum()) {
            String values = Arrays.toString(type.getEnumConstants());
            return words.say(Wording.of("json.one-of", values), "must be one of " + values) + gotSaid;
        }
        if (type == java.time.LocalDate.class) {
            return words.say(Wording.of("json.date"), "must be a date as YYYY-MM-DD") + gotSaid;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return words.say(Wording.of("json.whole-number"), "must be a whole number") + gotSaid;
        }
        if (type == String.class) {
            return words.say(Wording.of("json.string"), "must be a string");
        }
        return words.say(Wording.of("json.wrong-type"), "must be a " + type.getSimpleName()) + gotSaid;
    }

    /** Echoes at most a little of what was sent: enough to spot a typo, never a flood. */
    private static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    /** The problem as problem+json: type, title, status, detail, then the rule or the fields when it has them. */
    /**
     * The database is out of reach (stopped, restarting, unreachable): nothing was recorded, and the same request may
     * be sent again, with its idempotency key, once it is back.
     */
    private ResponseEntity<Object> outage(Exception e) {
        log.warn("database unreachable while handling a request: {}", e.toString());
        ResponseEntity<Object> answer = answer(new Problem(503, "database-unavailable", Problem.title(words,
                "database-unavailable", "Database unavailable"), words.say(Wording.of("problem.database-unavailable"),
                "the database cannot be reached just now; nothing was recorded. Send the same request again in a "
                        + "few seconds")));
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                             .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
                             .body(answer.getBody());
    }

    private static ResponseEntity<Object> answer(Problem problem) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(problem.status()),
                problem.detail());
        body.setType(URI.create("urn:greffe:problem:" + problem.type()));
        body.setTitle(problem.title());
        if (problem.rule() != null) {
            body.setProperty("rule", problem.rule());
        }
        if (problem.errors() != null) {
            body.setProperty("errors", problem.errors());
        }
        return ResponseEntity.status(problem.status()).body(body);
    }
}
