package dev.txsuite.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every record of one topic of the test broker, from the beginning, for assertions. Each call to
 * {@link #records()} reads what arrived since the last one, so it fits inside an Awaitility condition:
 *
 * <pre>{@code
 * await().untilAsserted(() -> assertThat(orders.recordsWithKey(orderId)).extracting(RecordedEvent::type)
 *         .containsExactly("dev.txsuite.order.placed.v1", "dev.txsuite.order.confirmed.v1"));
 * }</pre>
 */
public final class TopicRecorder implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final List<RecordedEvent> recorded = new ArrayList<>();

    private TopicRecorder(String topic, String bootstrapServers) {
        this.topic = topic;
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "topic-recorder-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        assignNewPartitions();
    }

    /**
     * The topic may gain partitions after the recorder started (a service creates it with more than the broker's
     * default): those are read from their beginning too.
     */
    private void assignNewPartitions() {
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        var added = partitions.stream()
                .filter(partition -> !assigned.contains(partition))
                .toList();
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
        }
    }

    /** Records the topic (created with the broker's defaults if it does not exist yet). */
    public static TopicRecorder recording(String topic) {
        return new TopicRecorder(topic, TestKafka.bootstrapServers());
    }

    /** Records the topic of another broker, such as the one a suite of real processes runs on. */
    public static TopicRecorder recording(String topic, String bootstrapServers) {
        return new TopicRecorder(topic, bootstrapServers);
    }

    /** Every record of the topic read so far, after reading what has arrived since the last call. */
    public synchronized List<RecordedEvent> records() {
        assignNewPartitions();
        for (var batch = consumer.poll(Duration.ofMillis(200));
                !batch.isEmpty();
                batch = consumer.poll(Duration.ofMillis(50))) {
            batch.forEach(record -> recorded.add(toEvent(record)));
        }
        return List.copyOf(recorded);
    }

    public List<RecordedEvent> records(Predicate<RecordedEvent> filter) {
        return records().stream().filter(filter).toList();
    }

    public List<RecordedEvent> recordsWithKey(String key) {
        return records(event -> key.equals(event.key()));
    }

    /**
     * Waits until {@code count} records with this key have arrived (30 s at most), then that no more arrive for
     * {@code quiet}: for a test that must see every event of a change, and no other.
     */
    public List<RecordedEvent> awaitExactly(String key, int count, Duration quiet) {
        await().atMost(Duration.ofSeconds(30)).until(() -> recordsWithKey(key).size() >= count);
        await().during(quiet)
                .atMost(Duration.ofSeconds(5))
                .until(() -> recordsWithKey(key).size() == count);
        return recordsWithKey(key);
    }

    /** The records with this key and CloudEvents type, in the order they arrived. */
    public List<RecordedEvent> recordsWithKey(String key, String type) {
        return recordsWithKey(key).stream()
                .filter(record -> type.equals(record.type()))
                .toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }

    private static RecordedEvent toEvent(ConsumerRecord<String, byte[]> record) {
        var headers = new LinkedHashMap<String, String>();
        record.headers()
                .forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        var value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        return new RecordedEvent(record.topic(), record.partition(), record.offset(), record.key(), value, headers);
    }
}
