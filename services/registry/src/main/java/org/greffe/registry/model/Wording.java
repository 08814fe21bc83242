package org.greffe.registry.model;

import java.util.Arrays;
import java.util.List;

/**
 * What a refusal says, as a message code and its arguments, so that it can be said in the reader's language: the
 * registry words every refusal in English itself (logs, tests and the API's default), and the web layer looks the
 * code up for any other language. An argument that is itself a wording (a word such as "hearing") is translated too.
 *
 * @param code      the message's code, stable like the rule codes
 * @param arguments its arguments, in order: values, dates, or wordings
 */
public record Wording(String code, List<Object> arguments) {

    public Wording {
        arguments = List.copyOf(arguments);
    }

    public static Wording of(String code, Object... arguments) {
        return new Wording(code, Arrays.asList(arguments));
    }
}
