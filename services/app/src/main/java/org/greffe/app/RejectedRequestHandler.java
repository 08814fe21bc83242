package org.greffe.app;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * Spring Security's firewall checks a header's value only when code reads it, inside a controller: a refused value
 * (an {@code Idempotency-Key} or {@code X-Correlation-Id} with control or undecodable characters) is the client's
 * mistake, answered 400 before any service's own handler could call it an internal failure.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectedRequestHandler {

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "a header of the request holds characters that are not accepted; send its value as printable ASCII "
                        + "(an Idempotency-Key, for instance, as a UUID)");
        problem.setType(URI.create("urn:greffe:problem:invalid-request"));
        problem.setTitle("Invalid request");
        return ResponseEntity.badRequest().body(problem);
    }
}
