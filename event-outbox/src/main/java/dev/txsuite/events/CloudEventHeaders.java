package dev.txsuite.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The CloudEvents attributes of a {@link SuiteEvent} as Kafka headers (the CloudEvents Kafka protocol binding,
 * binary mode): the body stays the plain JSON of the event, so consumers that know nothing of CloudEvents read
 * it as it is. These and no others: no Java class names that mean nothing outside this code base.
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
    static Headers of(String eventId, String source, String type, Instant time, String subject) {
        var headers = new RecordHeaders();
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, eventId);
        add(headers, SOURCE, source);
        add(headers, TYPE, type);
        add(headers, TIME, time.toString());
        if (subject != null) {
            add(headers, SUBJECT, subject);
        }
        add(headers, CONTENT_TYPE, "application/json");
        return headers;
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
