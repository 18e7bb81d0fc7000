package dev.txsuite.participant.counting;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The bodies a coordinator sends to a participant, for the messages the shared test clients do not build. */
final class Messages {

    private Messages() {}

    /** A participant of a 3PC transaction as CAN-COMMIT lists it. */
    static Map<String, Object> peer(String name, URI url) {
        return Map.of("name", name, "url", url.toString());
    }

    /** CAN-COMMIT in the first epoch, asking the participant to count {@code units}. */
    static Map<String, Object> canCommit(int units, List<Map<String, Object>> participants) {
        return Map.of("epoch", 1, "protocol", "3PC", "participants", participants, "payload", units(units));
    }

    static Map<String, Object> units(int units) {
        return Map.of("units", units);
    }

    static Map<String, Object> epoch(long epoch) {
        return Map.of("epoch", epoch);
    }
}
