package dev.txsuite.testing;

import java.util.List;
import java.util.Map;

/**
 * One Kafka record as a test sees it: the key, the body as text and the headers decoded as UTF-8.
 *
 * @param headers the last value of each header name
 */
public record RecordedEvent(
        String topic, int partition, long offset, String key, String value, Map<String, String> headers) {

    /** The value of a header, null when the record has none of that name. */
    public String header(String name) {
        return headers.get(name);
    }

    /** The CloudEvents id ({@code ce_id}). */
    public String id() {
        return header("ce_id");
    }

    /** The CloudEvents type ({@code ce_type}). */
    public String type() {
        return header("ce_type");
    }

    /** The first of these events of this CloudEvents type; fails when there is none. */
    public static RecordedEvent firstOfType(List<RecordedEvent> events, String type) {
        return events.stream()
                .filter(event -> type.equals(event.type()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no event of type " + type + " among " + events));
    }
}
