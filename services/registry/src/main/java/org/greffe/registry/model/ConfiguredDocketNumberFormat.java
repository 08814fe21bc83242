package org.greffe.registry.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A tribunal's own docket-number format: a regular expression the whole upper-cased number must match, and an
 * example for the clerk. Checked when it is configured, so that a typo or a pattern loose enough to let a name
 * through stops the start-up instead of the first filing.
 *
 * @param pattern the compiled expression
 * @param example a docket number it accepts, shown in the error
 */
public record ConfiguredDocketNumberFormat(Pattern pattern, String example) implements DocketNumberFormat {

    /**
     * Names, words and contacts no docket-number format may accept. A format that lets one of them through lets
     * any name through.
     */
    static final List<String> NAMES = List.of("AMINATA TRAORE", "AMINATA", "TRAORE", "FATOUMATA", "AMINATA.TRAORE",
            "AMINATA-TRAORE", "AMINATA_TRAORE", "AMINATA-2019-1", "FATOUMATA/2019/42", "TRAORE 2019 12",
            "A.TRAORE@EXAMPLE.ORG", "+223 76 00 00 00", "76 00 00 00", "76000000");

    public ConfiguredDocketNumberFormat {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(example, "example");
    }

    /**
     * Compiles and checks a configured format.
     *
     * @throws IllegalArgumentException when the expression does not compile, the example is missing or does not
     *                                  match, or the expression accepts a name
     */
    public static ConfiguredDocketNumberFormat of(String regex, String example) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("pattern is missing");
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + regex + "' is not a regular expression: "
                    + e.getDescription() + " at index " + e.getIndex(), e);
        }
        if (example == null || example.isBlank()) {
            throw new IllegalArgumentException("example is missing: give a docket number the pattern accepts");
        }
        ConfiguredDocketNumberFormat format = new ConfiguredDocketNumberFormat(pattern, example.strip());
        if (!format.accepts(example)) {
            throw new IllegalArgumentException("pattern '" + regex + "' does not accept its own example '"
                    + example.strip() + "' (upper-cased: the pattern is matched against the upper-cased number)");
        }
        for (String name : NAMES) {
            if (format.accepts(name)) {
                throw new IllegalArgumentException("pattern '" + regex + "' accepts '" + name + "', which is a name "
                        + "or a contact; narrow it so that only the tribunal's codes, a year and a number fit");
            }
        }
        return format;
    }

    @Override
    public boolean accepts(String docketNumber) {
        return pattern.matcher(DocketNumbers.normalized(docketNumber)).matches();
    }

    @Override
    public String expected() {
        return "a docket number in this tribunal's format, such as " + example;
    }

    @Override
    public Wording expectedWording() {
        return Wording.of("docket.format-configured", example);
    }
}
