package org.greffe.caseload.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;

/** A refusal of the caseload API, answered as problem+json with a type under {@code urn:greffe:problem:}. */
final class CaseloadProblem extends ErrorResponseException {

    private CaseloadProblem(HttpStatus status, ProblemDetail problem) {
        super(status, problem, null);
    }

    static CaseloadProblem of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:greffe:problem:" + type));
        problem.setTitle(title);
        return new CaseloadProblem(status, problem);
    }

    /** A caller's value, safe to repeat in an answer: printable and at most 64 characters. */
    static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
