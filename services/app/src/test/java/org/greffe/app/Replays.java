package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Helpers to compare a replayed caseload with the live one. */
final class Replays {

    private Replays() {
    }

    /** The replay's answer less what only a replay says (where and when it read the log). */
    static JsonNode withoutReplayFields(JsonNode replayed) {
        ObjectNode figures = replayed.deepCopy();
        figures.remove("asOf");
        figures.remove("knownAt");
        figures.remove("position");
        figures.remove("eventsRead");
        return figures;
    }
}
