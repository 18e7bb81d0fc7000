package dev.txsuite.coordinator.live;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds {@code tx.events} into the {@link TransactionsLiveView}. The consumer group is this instance's own
 * ({@code tx-live-view-<instance-id>}), so every instance reads every event rather than a share of them; and
 * since the view starts empty, every partition assignment starts reading {@code replay} back in time instead
 * of at the group's committed offset (events read twice are refused by the view).
 */
@Component
public class FollowTransactionEvents implements ConsumerSeekAware {

    static final String LISTENER_ID = "tx-live-view";

    private static final Logger log = LoggerFactory.getLogger(FollowTransactionEvents.class);

    private final TransactionsLiveView view;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration replay;
    private final String groupId;

    FollowTransactionEvents(
            TransactionsLiveView view,
            JsonMapper json,
            Clock clock,
            LiveViewProperties liveView,
            CoordinatorProperties coordinator) {
        this.view = view;
        this.json = json;
        this.clock = clock;
        this.replay = liveView.replay();
        this.groupId = LISTENER_ID + "-" + coordinator.instanceId();
    }

    /** The consumer group, unique to this instance. */
    public String groupId() {
        return groupId;
    }

    @KafkaListener(
            id = LISTENER_ID,
            topics = Topics.TX_EVENTS,
            groupId = "#{__listener.groupId()}",
            properties = {
                "key.deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer=org.apache.kafka.common.serialization.StringDeserializer"
            })
    void on(ConsumerRecord<String, String> record) {
        try {
            view.apply(read(record));
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            // a record the view cannot read must not stop the ones after it
            log.warn(
                    "skipping unreadable {} record at partition {} offset {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        callback.seekToTimestamp(
                assignments.keySet(), clock.instant().minus(replay).toEpochMilli());
    }

    private ReceivedEvent read(ConsumerRecord<String, String> record) {
        var data = json.readTree(record.value());
        var eventId = header(record, "ce_id");
        var type = header(record, "ce_type");
        if (eventId == null || type == null || record.key() == null) {
            throw new IllegalArgumentException("no ce_id, ce_type or key");
        }
        var time = header(record, "ce_time");
        return new ReceivedEvent(
                eventId,
                type,
                record.key(),
                time == null
                        ? Instant.ofEpochMilli(record.timestamp())
                        : OffsetDateTime.parse(time).toInstant(),
                data);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
