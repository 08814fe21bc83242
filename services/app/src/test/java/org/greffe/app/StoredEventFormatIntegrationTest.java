package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.greffe.events.CaseEvent;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's real event serializer writes exactly the JSON pinned by the golden files of shared-events,
 * and reads them back: what is stored today stays readable tomorrow.
 */
class StoredEventFormatIntegrationTest extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @TestFactory
    Stream<DynamicTest> theEventSerializerWritesAndReadsTheGoldenJson() {
        return Arrays.stream(CaseEvent.class.getPermittedSubclasses()).map(type -> DynamicTest.dynamicTest(
                type.getSimpleName(), () -> {
                    JsonNode golden;
                    try (InputStream in = getClass().getResourceAsStream("/golden/" + type.getSimpleName() + ".json")) {
                        assertThat(in).as("golden file of " + type.getSimpleName()).isNotNull();
                        golden = JSON.readTree(in);
                    }
                    byte[] goldenBytes = JSON.writeValueAsBytes(golden);
                    String revision = type.getAnnotation(Revision.class).value();
                    Object event = eventSerializer.deserialize(new SimpleSerializedObject<>(goldenBytes, byte[].class,
                            type.getName(), revision));
                    assertThat(event).isInstanceOf(type);
                    SerializedObject<byte[]> stored = eventSerializer.serialize(event, byte[].class);
                    assertThat(JSON.readTree(stored.getData())).isEqualTo(golden);
                    assertThat(stored.getType().getRevision()).isEqualTo(revision);
                }));
    }
}
