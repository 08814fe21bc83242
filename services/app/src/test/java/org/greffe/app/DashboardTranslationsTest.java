package org.greffe.app;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's words ({@code static/i18n/fr.js} and {@code en.js}): both languages have the same keys, and every key
 * the page asks for by name has a text, so a missing translation fails the build rather than showing its key.
 */
class DashboardTranslationsTest {

    private static final List<String> LANGUAGES = List.of("i18n/fr.js", "i18n/en.js");
    /** One entry a line, {@code key: 'text'}: the format the files keep so that they can be read here. */
    private static final Pattern ENTRY = Pattern.compile("^ {2}([A-Za-z_][A-Za-z0-9_]*): '([^'\\\\]*)',?$");
    /** A key asked for by name; one completed at run time ({@code t('status' + code)}) is checked apart. */
    private static final Pattern ASKED_IN_CODE = Pattern.compile("\\bt\\('([A-Za-z_][A-Za-z0-9_]*)'(?!\\s*\\+)");
    private static final Pattern ASKED_IN_PAGE = Pattern.compile("data-i18n=\"([A-Za-z_][A-Za-z0-9_]*)\"");

    @Test
    void frenchAndEnglishHaveTheSameKeys() {
        Set<String> french = keys("i18n/fr.js");
        Set<String> english = keys("i18n/en.js");
        assertThat(french).as("keys in fr.js").isNotEmpty();
        assertThat(english).as("en.js's keys, against fr.js's").containsExactlyInAnyOrderElementsOf(french);
    }

    @Test
    void everyKeyThePageAsksForByNameHasATextInEachLanguage() {
        Set<String> asked = new TreeSet<>(matches(ASKED_IN_PAGE, DashboardFiles.read("index.html")));
        DashboardFiles.modules().stream().filter(name -> !LANGUAGES.contains(name))
                      .forEach(name -> asked.addAll(matches(ASKED_IN_CODE, DashboardFiles.read(name))));
        assertThat(asked).as("keys asked for").contains("title", "signOut", "overview", "unauthorized");
        for (String language : LANGUAGES) {
            assertThat(keys(language)).as(language).containsAll(asked);
        }
    }

    /** The keys the desks complete at run time from what the API answers: every value it can answer. */
    @Test
    void everyKeyTheDeskCompletesFromTheApisCodesHasATextInEachLanguage() {
        Set<String> completed = new TreeSet<>();
        List.of("hearings", "held", "adjournment", "judgment", "dismissal", "withdrawal", "transfer", "suspension",
                "resumption", "reopening").forEach(action -> completed.add("action_" + action));
        List.of("ACTIVE", "SUSPENDED", "DISPOSED").forEach(status -> completed.add("status" + status));
        List.of("SCHEDULED", "ADJOURNED", "HELD", "VACATED").forEach(state -> completed.add("hearing" + state));
        List.of("JUDGMENT", "DISMISSAL", "WITHDRAWAL").forEach(kind -> completed.add("disposal" + kind));
        List.of("RUNNING", "DONE", "FAILED", "STOPPED").forEach(state -> completed.add("deskJob" + state));
        List.of("kind", "verdict", "reason").forEach(field -> completed.add("deskField_" + field));
        List.of("IDLE", "RUNNING", "DONE", "FAILED", "SKIPPED").forEach(state -> completed.add("auditRebuild" + state));
        List.of("CaseFiled", "HearingScheduled", "HearingAdjourned", "HearingHeld", "JudgmentIssued", "CaseDismissed",
                "CaseWithdrawn", "CaseTransferred", "CaseSuspended", "CaseResumed", "CaseReopened")
            .forEach(event -> completed.add("event_" + event));
        for (String language : LANGUAGES) {
            assertThat(keys(language)).as(language).containsAll(completed);
        }
    }

    /** The keys of a language file, refusing a line out of format and a key given twice (the later would win). */
    private static Set<String> keys(String file) {
        String[] lines = DashboardFiles.read(file).split("\n");
        Set<String> keys = new LinkedHashSet<>();
        boolean inTable = false;
        for (String line : lines) {
            if (line.equals("export default {")) {
                inTable = true;
            } else if (line.equals("};")) {
                inTable = false;
            } else if (inTable) {
                Matcher entry = ENTRY.matcher(line);
                assertThat(entry.matches()).as(file + ": one \"key: 'text',\" a line, not " + line).isTrue();
                assertThat(keys.add(entry.group(1))).as(file + ": " + entry.group(1) + " given twice").isTrue();
            }
        }
        return keys;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
