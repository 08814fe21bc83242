package org.greffe.audit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** RFC 7807 answers of the audit API. */
final class Problems {

    private Problems() {
    }

    static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:greffe:problem:" + type));
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** At most a little of what the client sent, without control characters. */
    static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
