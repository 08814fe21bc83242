package org.greffe.audit.web;

import org.springframework.http.HttpStatus;
import org.greffe.platform.web.WordedProblem;

import java.time.LocalDate;

/** RFC 7807 answers of the audit API. */
final class Problems {

    private Problems() {
    }

    static Worded of(HttpStatus status, String type, String title, String detail) {
        return new Worded(status, type, title, detail);
    }

    /** A refusal of the audit API, its detail worded by codes of {@code org/greffe/audit/messages}. */
    static final class Worded extends WordedProblem {

        private Worded(HttpStatus status, String type, String title, String detail) {
            super(status, type, title, detail, "audit.");
        }

        @Override
        public Worded worded(String code, Object... values) {
            super.worded(code, values);
            return this;
        }
    }

    /** A day as French readers write it, for a worded detail's arguments. */
    static String day(LocalDate day) {
        return WordedProblem.day(day);
    }

    /** At most a little of what the client sent, without control characters. */
    static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
