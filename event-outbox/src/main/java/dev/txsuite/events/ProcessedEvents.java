package dev.txsuite.events;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What makes a consumer idempotent: the ids of the events it has already handled, per consumer. Call
 * {@link #firstDelivery} in the transaction that applies the event; a redelivered event finds its id there and
 * is skipped, and if the transaction rolls back the id goes with it, so the event is handled again.
 *
 * <p>Every consuming service creates the table in one of its own Flyway migrations, exactly so:
 *
 * <pre>{@code
 * create table processed_event (
 *     consumer     text        not null,
 *     event_id     text        not null,
 *     processed_at timestamptz not null default now(),
 *     primary key (consumer, event_id)
 * );
 * }</pre>
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Remembers the event for this consumer.
     *
     * @return true the first time the consumer sees this event id, false for every redelivery
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return jdbc.sql("""
                        insert into processed_event (consumer, event_id, processed_at) values (:consumer, :eventId, now())
                        on conflict do nothing
                        """)
                        .param("consumer", consumer)
                        .param("eventId", eventId)
                        .update()
                == 1;
    }
}
