package dev.txsuite.launcher.verify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code order.events}, {@code inventory.events} and {@code payment.events} say happened to each order,
 * counted by distinct event id (a record delivered twice with the same {@code ce_id} is one event). Every
 * committed change must have produced exactly one event and aborted work none: a confirmed order has one
 * {@code confirmed}, for each of its skus one {@code reserved} and one {@code taken}, one {@code held} and one
 * {@code captured}; a rejected order has one {@code rejected}, releases exactly what it reserved or held, and
 * nothing taken or captured. Read from the beginning of each topic up to its end at the time of reading. Used by
 * {@code ./suite verify} and the chaos run.
 */
public final class SettledOrderEvents {

    private static final List<String> TOPICS = List.of("order.events", "inventory.events", "payment.events");
    private static final String PREFIX = "dev.txsuite.";

    /** Order id, then what the event is about ("order", "payment" or "stock <sku>"), then type, then event ids. */
    private final Map<String, Map<String, Map<String, Set<String>>>> ids = new HashMap<>();

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Each settled order's events against its final status (order id to CONFIRMED or REJECTED), read again every
     * 2 s until they agree or {@code relayedWithin} has passed: an outbox relays what a killed service left unsent
     * when the service is back, and then every 10 s.
     */
    public static List<String> contradictionsOnceRelayed(
            String bootstrapServers, Map<String, String> statusByOrder, Duration relayedWithin) {
        var deadline = System.nanoTime() + relayedWithin.toNanos();
        while (true) {
            var contradictions = read(bootstrapServers).contradictions(statusByOrder);
            if (contradictions.isEmpty() || System.nanoTime() > deadline) {
                return contradictions;
            }
            try {
                Thread.sleep(Duration.ofSeconds(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return contradictions;
            }
        }
    }

    static SettledOrderEvents read(String bootstrapServers) {
        var events = new SettledOrderEvents();
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "txsuite-verify-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            var partitions = TOPICS.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                            .map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("could not read " + TOPICS + " to their end within 60 s");
                }
                consumer.poll(Duration.ofSeconds(1)).forEach(events::add);
            }
        }
        return events;
    }

    private void add(ConsumerRecord<String, String> record) {
        var id = header(record.headers().lastHeader("ce_id"));
        var type = header(record.headers().lastHeader("ce_type"));
        if (id == null || type == null || !type.startsWith(PREFIX)) {
            return;
        }
        // dev.txsuite.stock.taken.v1 -> stock, taken
        var parts = type.substring(PREFIX.length()).split("\\.");
        if (parts.length < 2) {
            return;
        }
        var body = json.readTree(record.value());
        var orderId = "order.events".equals(record.topic())
                ? record.key()
                : body.path("orderId").asString(null);
        if (orderId == null) {
            return;
        }
        var subject = "stock".equals(parts[0]) ? "stock " + body.path("sku").asString("?") : parts[0];
        ids.computeIfAbsent(orderId, order -> new HashMap<>())
                .computeIfAbsent(subject, about -> new HashMap<>())
                .computeIfAbsent(parts[1], kind -> new HashSet<>())
                .add(id);
    }

    /** Each settled order's events against its final status (order id to CONFIRMED or REJECTED). */
    List<String> contradictions(Map<String, String> statusByOrder) {
        var contradictions = new ArrayList<String>();
        statusByOrder.forEach((orderId, status) -> {
            var confirmed = "CONFIRMED".equals(status);
            if (!confirmed && !"REJECTED".equals(status)) {
                return;
            }
            var events = ids.getOrDefault(orderId, Map.of());
            var found = new ArrayList<String>();
            expect(found, events, "order", "confirmed", confirmed ? 1 : 0);
            expect(found, events, "order", "rejected", confirmed ? 0 : 1);
            var skus = events.keySet().stream()
                    .filter(subject -> subject.startsWith("stock "))
                    .toList();
            if (confirmed && skus.isEmpty()) {
                found.add("no stock event at all");
            }
            for (var sku : skus) {
                var reserved = count(events, sku, "reserved");
                expect(found, events, sku, "reserved", 1);
                expect(found, events, sku, "taken", confirmed ? 1 : 0);
                expect(found, events, sku, "released", confirmed ? 0 : reserved);
            }
            var held = count(events, "payment", "held");
            expect(found, events, "payment", "held", confirmed ? 1 : Math.min(held, 1));
            expect(found, events, "payment", "captured", confirmed ? 1 : 0);
            expect(found, events, "payment", "released", confirmed ? 0 : held);
            if (!found.isEmpty()) {
                contradictions.add("order " + orderId + " is " + status + " but its events show " + found);
            }
        });
        return contradictions;
    }

    private static void expect(
            List<String> found,
            Map<String, Map<String, Set<String>>> events,
            String subject,
            String kind,
            int expected) {
        var actual = count(events, subject, kind);
        if (actual != expected) {
            found.add(actual + " " + subject + " " + kind + " (expected " + expected + ")");
        }
    }

    private static int count(Map<String, Map<String, Set<String>>> events, String subject, String kind) {
        return events.getOrDefault(subject, Map.of())
                .getOrDefault(kind, Set.of())
                .size();
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
