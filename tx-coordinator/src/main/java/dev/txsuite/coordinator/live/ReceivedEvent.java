package dev.txsuite.coordinator.live;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A {@code tx.events} record as the live view reads it: its CloudEvents id, type and time, and its JSON body. */
record ReceivedEvent(String eventId, String type, String txId, Instant time, JsonNode data) {

    /** A text field of the body; null when missing or null. */
    String text(String field) {
        var value = data.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
