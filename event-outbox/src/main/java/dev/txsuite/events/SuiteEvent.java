package dev.txsuite.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event of the suite, published to Kafka through the transactional outbox. Implemented by records: the
 * record's components are the JSON body, the methods below also give the CloudEvents attributes of the Kafka
 * headers (see {@link CloudEventHeaders}).
 *
 * <p>Publish it with {@code ApplicationEventPublisher.publishEvent(event)} inside the {@code @Transactional}
 * method that makes the change it describes: the outbox row commits (or rolls back) with the change, and is
 * relayed to {@link #topic()} after the commit.
 */
public interface SuiteEvent {

    /** Unique per event, made when the event is created (see {@link #newEventId()}); a redelivery carries the same id. */
    String eventId();

    /** The Kafka topic, one of {@link Topics}. */
    String topic();

    /** The Kafka record key: the entity whose events must stay in order (a transaction, order, sku, customer). */
    String key();

    /** The versioned event type, for example {@code dev.txsuite.order.confirmed.v1}. */
    String type();

    /** What the event is about: by default the entity of the key, which every event of the suite so far is. */
    default String subject() {
        return key();
    }

    /** When the change happened. */
    Instant time();

    /** A fresh {@link #eventId()}: a random UUID, which is also the CloudEvents {@code ce_id}. */
    static String newEventId() {
        return UUID.randomUUID().toString();
    }
}
