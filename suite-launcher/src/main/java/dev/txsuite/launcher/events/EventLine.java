package dev.txsuite.launcher.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One event as one terminal line: time, topic, key, CloudEvents type and the body on one line, cut to fit.
 * The time is the event's {@code ce_time} (when it happened), else the record's timestamp.
 */
record EventLine(Instant time, String topic, String key, String type, String body) {

    static final int BODY_WIDTH = 160;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    static EventLine of(ConsumerRecord<String, String> record) {
        var headers = record.headers();
        return new EventLine(
                timeOf(headers, record.timestamp()),
                record.topic(),
                record.key() == null ? "-" : record.key(),
                header(headers, "ce_type", "-"),
                record.value() == null ? "(no body)" : record.value());
    }

    String format(ZoneId zone) {
        return "%s  %-16s %-36s %-36s %s"
                .formatted(TIME.format(time.atZone(zone)), topic, key, type, shortened(CompactJson.of(body)));
    }

    private static String shortened(String body) {
        return body.length() <= BODY_WIDTH ? body : body.substring(0, BODY_WIDTH - 1) + "…";
    }

    private static Instant timeOf(Headers headers, long timestamp) {
        var ceTime = header(headers, "ce_time", null);
        if (ceTime != null) {
            try {
                return Instant.parse(ceTime);
            } catch (DateTimeParseException notIso) {
                // fall back to the broker's timestamp
            }
        }
        return Instant.ofEpochMilli(timestamp);
    }

    private static String header(Headers headers, String name, String fallback) {
        var header = headers.lastHeader(name);
        return header == null || header.value() == null ? fallback : new String(header.value(), StandardCharsets.UTF_8);
    }
}
