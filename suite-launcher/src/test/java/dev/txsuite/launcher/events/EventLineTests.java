package dev.txsuite.launcher.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class EventLineTests {

    @Test
    void shouldShowTimeTopicKeyTypeAndTheBodyOnOneLine() {
        var headers = new RecordHeaders()
                .add("ce_type", bytes("dev.txsuite.order.confirmed.v1"))
                .add("ce_time", bytes("2026-03-01T09:15:30.250Z"));
        var record =
                record("order.events", "order-42", "{\n  \"orderId\" : \"order-42\",\n  \"note\": \"a b\"\n}", headers);

        var line = EventLine.of(record).format(ZoneOffset.UTC);

        assertThat(line)
                .startsWith("09:15:30.250  order.events")
                .contains(" order-42 ")
                .contains(" dev.txsuite.order.confirmed.v1 ")
                .endsWith("{\"orderId\":\"order-42\",\"note\":\"a b\"}")
                .doesNotContain("\n");
    }

    @Test
    void shouldCutALongBodyAndFallBackToTheRecordTimestamp() {
        var body = "{\"items\":\"" + "x".repeat(500) + "\"}";
        var record = record("inventory.events", null, body, new RecordHeaders());

        var line = EventLine.of(record).format(ZoneOffset.UTC);

        assertThat(line).startsWith("00:00:01.000  inventory.events").endsWith("…");
        assertThat(line.substring(line.indexOf("{"))).hasSize(EventLine.BODY_WIDTH);
    }

    private static ConsumerRecord<String, String> record(String topic, String key, String value, Headers headers) {
        return new ConsumerRecord<>(
                topic, 0, 0L, 1000L, TimestampType.CREATE_TIME, 0, 0, key, value, headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
