package dev.txsuite.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents attributes of a {@link SuiteEvent} as Kafka headers (the CloudEvents Kafka protocol binding,
 * binary mode): the body stays the plain JSON of the event, so consumers that know nothing of CloudEvents read
 * it as it is.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {}

    /** @param source who publishes the event: the {@code spring.application.name} of the service */
    public static Map<String, Object> of(SuiteEvent event, String source) {
        var headers = new LinkedHashMap<String, Object>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, event.eventId());
        headers.put(SOURCE, source);
        headers.put(TYPE, event.type());
        headers.put(TIME, event.time().toString());
        headers.put(SUBJECT, event.subject());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
