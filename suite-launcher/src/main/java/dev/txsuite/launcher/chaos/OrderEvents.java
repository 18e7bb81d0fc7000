package dev.txsuite.launcher.chaos;

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
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What {@code order.events} says happened to each order, counted by distinct event id (a record delivered twice
 * with the same {@code ce_id} is one event): every committed change must have produced exactly one event, and
 * aborted work none. Read from the beginning of the topic up to its end at the time of reading.
 */
final class OrderEvents {

    static final String TOPIC = "order.events";
    static final String CONFIRMED = "dev.txsuite.order.confirmed.v1";
    static final String REJECTED = "dev.txsuite.order.rejected.v1";

    private final Map<String, Set<String>> confirmedIds = new HashMap<>();
    private final Map<String, Set<String>> rejectedIds = new HashMap<>();

    static OrderEvents read(String bootstrapServers) {
        var events = new OrderEvents();
        var properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "chaos-check-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            var giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException("could not read " + TOPIC + " to its end within 60 s");
                }
                for (var record : consumer.poll(Duration.ofSeconds(1))) {
                    var id = header(record.headers().lastHeader("ce_id"));
                    var type = header(record.headers().lastHeader("ce_type"));
                    if (CONFIRMED.equals(type)) {
                        events.confirmedIds
                                .computeIfAbsent(record.key(), key -> new HashSet<>())
                                .add(id);
                    } else if (REJECTED.equals(type)) {
                        events.rejectedIds
                                .computeIfAbsent(record.key(), key -> new HashSet<>())
                                .add(id);
                    }
                }
            }
        }
        return events;
    }

    /** Each order's events against its final status (order id to CONFIRMED or REJECTED). */
    List<String> contradictions(Map<String, String> statusByOrder) {
        var contradictions = new ArrayList<String>();
        statusByOrder.forEach((orderId, status) -> {
            var confirmed = confirmedIds.getOrDefault(orderId, Set.of()).size();
            var rejected = rejectedIds.getOrDefault(orderId, Set.of()).size();
            var expectConfirmed = "CONFIRMED".equals(status) ? 1 : 0;
            var expectRejected = "REJECTED".equals(status) ? 1 : 0;
            if (confirmed != expectConfirmed || rejected != expectRejected) {
                contradictions.add("order " + orderId + " is " + status + " but order.events has " + confirmed
                        + " confirmed and " + rejected + " rejected event(s), expected " + expectConfirmed + " and "
                        + expectRejected);
            }
        });
        return contradictions;
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
