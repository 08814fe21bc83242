package org.greffe.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * A refusal answered as problem+json with a type under {@code urn:greffe:problem:}, worded in English where it is
 * raised and in the reader's language by the handler: its title by type ({@code problem.title.<type>}), its detail by
 * the code {@link #worded} names, both looked up in the application's message source for the request's locale
 * (Spring's {@code ErrorResponse} message codes). Without a message for the locale, the English given stands.
 */
public class WordedProblem extends ErrorResponseException {

    private final String type;
    private final String codePrefix;
    private String detailCode;
    private Object[] arguments;

    /**
     * @param codePrefix what the module's detail codes start with, e.g. {@code caseload.}
     */
    protected WordedProblem(HttpStatus status, String type, String title, String detail, String codePrefix) {
        super(status, problem(status, type, title, detail), null);
        this.type = type;
        this.codePrefix = codePrefix;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:greffe:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    /** The detail as a code of the module's messages and its arguments. */
    public WordedProblem worded(String code, Object... values) {
        this.detailCode = codePrefix + code;
        this.arguments = values;
        return this;
    }

    @Override
    public String getDetailMessageCode() {
        return detailCode == null ? super.getDetailMessageCode() : detailCode;
    }

    @Override
    public Object[] getDetailMessageArguments() {
        return arguments == null ? super.getDetailMessageArguments() : arguments;
    }

    /** One title a problem type, whichever module raises it. */
    @Override
    public String getTitleMessageCode() {
        return "problem.title." + type;
    }

    /** A day as French readers write it, for a worded detail's arguments. */
    public static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
