package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.greffe.events.CaseFiled;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads {@code CaseFiled} revision 1 (before the incident date existed) as revision 2 with an unknown incident
 * date. The stored event is never rewritten; the log stays exactly as it was recorded.
 */
@Component
@Order(0)
public class CaseFiledUpcaster extends SingleEventUpcaster {

    private static final String TYPE = CaseFiled.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName())
                && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            ((ObjectNode) payload).putNull("incidentOn");
            return payload;
        });
    }
}
