package org.greffe.audit.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** RFC 7807 answers of the audit API. */
final class Problems {

    private Problems() {
    }

    static Worded of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:greffe:problem:" + type));
        problem.setTitle(title);
        return new Worded(status, type, problem);
    }

    /**
     * A refusal whose title (by its type, {@code problem.title.<type>}) and detail (a code of
     * {@code org/greffe/audit/messages}, once {@link #worded} names it) the handler words in the request's language;
     * English is what was given.
     */
    static final class Worded extends ErrorResponseException {

        private final String type;
        private String detailCode;
        private Object[] arguments;

        private Worded(HttpStatus status, String type, ProblemDetail problem) {
            super(status, problem, null);
            this.type = type;
        }

        Worded worded(String code, Object... values) {
            this.detailCode = "audit." + code;
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

        @Override
        public String getTitleMessageCode() {
            return "problem.title." + type;
        }
    }

    /** A day as French readers write it, for a worded detail's arguments. */
    static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    /** At most a little of what the client sent, without control characters. */
    static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
