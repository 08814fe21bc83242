package org.greffe.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Pins the stored JSON of every event. A failure here means a change would alter what is already in the event log:
 * add a {@code @Revision} and an upcaster instead of editing the golden file.
 */
class EventJsonApprovalTest {

    /** Same settings as the event serializer of the application: ISO dates, nulls written out. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyEventTypeHasASample() {
        var sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(CaseEvent.class.getPermittedSubclasses());
    }

    @TestFactory
    Stream<DynamicTest> jsonOfEachEventMatchesItsGoldenFile() {
        return EventSamples.all().stream().map(event -> DynamicTest.dynamicTest(
                event.getClass().getSimpleName(), () -> approve(event)));
    }

    @Test
    void eachOlderRevisionKeepsItsGoldenFile() throws IOException {
        // Older stored forms stay pinned: the upcasters of the application are tested against them.
        try (InputStream v1 = EventJsonApprovalTest.class.getResourceAsStream("/golden/CaseFiled.v1.json")) {
            assertThat(v1).as("CaseFiled revision 1").isNotNull();
            assertThat(MAPPER.readTree(v1).has("incidentOn")).isFalse();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEventHasARevision() {
        return Arrays.stream(CaseEvent.class.getPermittedSubclasses()).map(type -> DynamicTest.dynamicTest(
                type.getSimpleName(),
                () -> assertThat(type.getAnnotation(org.axonframework.serialization.Revision.class)).isNotNull()));
    }

    private static void approve(CaseEvent event) throws IOException {
        String name = event.getClass().getSimpleName();
        String received = MAPPER.writeValueAsString(event);
        try (InputStream golden = EventJsonApprovalTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            if (golden == null) {
                Path out = Path.of("target", "golden-received", name + ".json");
                Files.createDirectories(out.getParent());
                Files.writeString(out, received + "\n");
                fail("No golden file for " + name + "; the received JSON is in " + out.toAbsolutePath()
                        + ": review it and copy it to src/test/resources/golden/");
                return;
            }
            JsonNode expected = MAPPER.readTree(golden);
            assertThat(MAPPER.readTree(received)).as("JSON of %s", name).isEqualTo(expected);
            assertThat(MAPPER.treeToValue(expected, event.getClass()))
                    .as("%s read back from its golden file", name).isEqualTo(event);
        }
    }
}
