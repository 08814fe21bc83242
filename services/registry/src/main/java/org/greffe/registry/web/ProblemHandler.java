package org.greffe.registry.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.IdempotencyKeyReused;
import org.greffe.registry.application.InvalidDocket;
import org.greffe.registry.model.CaseRuleViolation;
import org.greffe.registry.model.HearingNotFound;
import org.greffe.registry.model.InvalidCommand;
import org.greffe.registry.model.UnknownReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rejection as RFC 7807 problem+json with a readable {@code detail}: 400 for malformed or invalid input
 * (each field listed under {@code errors}), 404 for an unknown case or hearing, 409 for a broken rule (named under
 * {@code rule}) or a concurrent change, 413 for a docket file over the limits, 422 for unknown reference data or a
 * reused idempotency key. Whatever the rejection, the command's transaction rolled back: nothing was appended.
 * Scoped to the registry's controllers; other services answer their own errors.
 */
@RestControllerAdvice(basePackages = "org.greffe.registry")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(CaseRuleViolation.class)
    ProblemDetail ruleViolated(CaseRuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "rule-violated", "A rule of the case lifecycle was broken",
                e.getMessage());
        problem.setProperty("rule", e.rule().name());
        return problem;
    }

    @ExceptionHandler({AggregateNotFoundException.class, HearingNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        String detail = e instanceof AggregateNotFoundException notFound
                ? "no case with id " + notFound.getAggregateIdentifier() : e.getMessage();
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "The case changed meanwhile",
                "case " + e.getAggregateIdentifier() + " is at version " + e.getActualVersion()
                        + ", not the version " + e.getExpectedVersion() + " given in If-Match; read it again");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrent(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-modification", "The case changed meanwhile",
                "another command changed the case at the same time; nothing was recorded, retry the request");
    }

    @ExceptionHandler(UnknownReferenceData.class)
    ProblemDetail unknownReference(UnknownReferenceData e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-reference",
                "Unknown reference data", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency-Key reused",
                e.getMessage());
    }

    @ExceptionHandler(InvalidDocket.class)
    ProblemDetail invalidDocket(InvalidDocket e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-docket", "Not a docket file", e.getMessage());
    }

    @ExceptionHandler(DocketTooLarge.class)
    ProblemDetail docketTooLarge(DocketTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "docket-too-large", "Docket file too large", e.getMessage());
    }

    @ExceptionHandler(InvalidCommand.class)
    ProblemDetail invalid(InvalidCommand e) {
        return invalidFields(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> wrapped(CommandExecutionException e, WebRequest request) throws Exception {
        Throwable cause = e.getCause();
        if (cause instanceof Exception exception && cause != e) {
            return rethrowTo(exception, request);
        }
        return unexpected(e);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException e) {
        log.error("database failure while handling a request", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem(HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable", "Storage unavailable", "the event store could not be reached; nothing was recorded"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure while handling a request", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "the request failed unexpectedly; nothing was recorded"));
    }

    private ResponseEntity<Object> rethrowTo(Exception cause, WebRequest request) throws Exception {
        if (cause instanceof CaseRuleViolation e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ruleViolated(e));
        }
        if (cause instanceof UnknownReferenceData e) {
            return ResponseEntity.unprocessableEntity().body(unknownReference(e));
        }
        if (cause instanceof InvalidCommand e) {
            return ResponseEntity.badRequest().body(invalid(e));
        }
        if (cause instanceof HearingNotFound || cause instanceof AggregateNotFoundException) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound((RuntimeException) cause));
        }
        if (cause instanceof ConflictingAggregateVersionException e) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(staleVersion(e));
        }
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrent((RuntimeException) cause));
        }
        return unexpected(cause);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return ResponseEntity.badRequest().body(invalidFields(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(unknown),
                    "is not a field of this request; known fields: " + unknown.getKnownPropertyIds()))));
        }
        if (cause instanceof InvalidFormatException format) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(format),
                    expected(format.getTargetType(), format.getValue())))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalidFields(List.of(new FieldError(path(mismatch),
                    expected(mismatch.getTargetType(), null)))));
        }
        String detail = cause instanceof JsonParseException parse
                ? "the body is not valid JSON: " + parse.getOriginalMessage() + " at line "
                + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr()
                : "the body is missing or is not a JSON object of the expected shape";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-request",
                "Malformed request", detail));
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

    private static ProblemDetail invalidFields(List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type, Object value) {
        String got = value == null ? "" : " (got '" + abbreviated(String.valueOf(value)) + "')";
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants()) + got;
        }
        if (type == java.time.LocalDate.class) {
            return "must be a date as YYYY-MM-DD" + got;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number" + got;
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "must be a " + type.getSimpleName() + got;
    }

    /** Echoes at most a little of what was sent: enough to spot a typo, never a flood. */
    private static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:greffe:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /**
     * One invalid field.
     *
     * @param field   the field, dotted for nested ones ({@code victims.girls})
     * @param message what is wrong with it
     */
    record FieldError(String field, String message) {
    }
}
