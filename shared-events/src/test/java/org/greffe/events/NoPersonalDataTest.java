package org.greffe.events;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event may carry a person's name or contact. Walks every field of every event type (into nested records) and
 * fails on any field that could hold free text: only identifiers, dates, codes and counts are allowed, plus the two
 * text fields listed below, each constrained at the registry's door. Event metadata has its own test in the
 * registry, which builds it ({@code NoPersonalDataInMetaDataTest}).
 */
class NoPersonalDataTest {

    /** Text fields allowed in events, and why they cannot hold personal data. */
    private static final Map<String, String> ALLOWED_TEXT = Map.of(
            "CaseFiled.docketNumber", "the court's reference in its tribunal's configured format, checked on "
                    + "filing (by default a short code, a year and a number: no run of more than 6 letters)",
            "CaseFiled.accusedGroup", "a code from the configured list of armed groups, e.g. CMA");

    private static final Set<Class<?>> ALLOWED_TYPES = Set.of(CaseId.class, HearingId.class, TribunalId.class,
            LocalDate.class, int.class, long.class, Integer.class, Long.class);

    private static final Pattern PERSONAL = Pattern.compile(
            "(?i).*(name|phone|mail|address|contact|witness|survivor|victimid|birth|age|gender|ethnic|photo).*");

    @Test
    void everyEventFieldIsAnIdentifierADateACodeOrACount() {
        List<String> offending = new ArrayList<>();
        for (Class<?> type : CaseEvent.class.getPermittedSubclasses()) {
            walk(type, type.getSimpleName(), offending);
        }
        assertThat(offending).as("fields that could hold personal data").isEmpty();
    }

    @Test
    void theWalkerCatchesAFieldThatCouldHoldAName() {
        record Leaky(CaseId caseId, String survivorName, Contact contact) {
        }
        List<String> offending = new ArrayList<>();
        walk(Leaky.class, "Leaky", offending);
        assertThat(offending).containsExactlyInAnyOrder("Leaky.survivorName: free text",
                "Leaky.survivorName: named like personal data", "Leaky.contact: named like personal data",
                "Leaky.contact.phone: free text", "Leaky.contact.phone: named like personal data");
    }

    record Contact(String phone) {
    }

    private static void walk(Class<?> type, String path, List<String> offending) {
        for (RecordComponent component : type.getRecordComponents()) {
            String field = path + "." + component.getName();
            Class<?> fieldType = component.getType();
            if (PERSONAL.matcher(component.getName()).matches()) {
                offending.add(field + ": named like personal data");
            }
            if (ALLOWED_TYPES.contains(fieldType) || fieldType.isEnum()) {
                continue; // identifiers (checked to a narrow pattern), dates, codes and counts
            }
            if (fieldType == String.class) {
                if (!ALLOWED_TEXT.containsKey(field)) {
                    offending.add(field + ": free text");
                }
            } else if (fieldType.isRecord()) {
                walk(fieldType, field, offending);
            } else {
                offending.add(field + ": type " + fieldType.getName() + " is not known to be free of personal data");
            }
        }
    }
}
