package org.greffe.registry.web;

import org.greffe.registry.model.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal the registry words has its French: each code written in the sources ({@code Wording.of("...")}),
 * each rule, each problem title, each word a date rule names; and each French message is a valid pattern.
 */
class FrenchWordsTest {

    private static final Pattern LITERAL = Pattern.compile("Wording\\.of\\(\\s*\"([a-z0-9.-]+)\"");

    @Test
    void everyCodeTheSourcesWordHasAFrenchMessage() throws IOException {
        Properties french = french();
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(source));
                while (literal.find()) {
                    codes.add(literal.group(1));
                }
            }
        }
        assertThat(codes).as("codes found in the sources").hasSizeGreaterThan(40);
        codes.removeIf(code -> code.endsWith("."));
        Arrays.stream(Rule.values()).forEach(rule -> codes.add("rule." + rule.name()));
        List.of("SCHEDULED", "ADJOURNED", "HELD", "VACATED").forEach(state -> codes.add("state." + state));
        List.of("filing", "incident", "hearing", "adjournment", "judgment", "dismissal", "withdrawal", "transfer",
                "suspension", "resumption", "reopening").forEach(what -> codes.add("what." + what));
        List.of("rule-violated", "unknown-reference", "not-found", "concurrent-modification", "idempotency-key-reused",
                "invalid-docket", "docket-too-large", "invalid-request", "malformed-request", "unavailable",
                "internal", "database-unavailable").forEach(type -> codes.add("title." + type));

        assertThat(codes.stream().filter(code -> !french.containsKey(code)).toList()).as("codes without French")
                                                                                   .isEmpty();
    }

    @Test
    void everyFrenchMessageIsAPatternWhoseApostrophesAreDoubled() throws IOException {
        french().forEach((code, message) -> {
            String pattern = (String) message;
            String formatted = new MessageFormat(pattern).format(new Object[]{"a", "b", "c"});
            // A single apostrophe quotes what follows it: the placeholders after it would come out as written.
            assertThat(formatted).as((String) code).doesNotContain("{");
            assertThat(pattern.replace("''", "")).as(code + ": a single apostrophe").doesNotContain("'");
        });
    }

    private static Properties french() throws IOException {
        Properties french = new Properties();
        try (InputStream in = FrenchWordsTest.class.getResourceAsStream(
                "/org/greffe/registry/messages_fr.properties")) {
            french.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return french;
    }
}
