package dev.txsuite.events;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writing side of the outbox: every {@link SuiteEvent} published with {@code ApplicationEventPublisher} inside a
 * local transaction becomes a row of {@code outbox_event} in that same transaction. The events of one transaction are
 * collected while it runs and inserted together, in one round trip, just before it commits; once it has committed the
 * {@link OutboxRelay} is woken. An event of a transaction that rolls back is never written, so never published. An
 * event published outside any transaction is written at once, on its own.
 */
final class EventOutbox {

    private static final String INSERT = "INSERT INTO outbox_event (topic, key, event_id, type, subject, time, body)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    EventOutbox(JdbcTemplate jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    @EventListener
    void publish(SuiteEvent event) {
        // serialised now, in the caller's thread: an event that cannot be written fails the change it describes
        var row = row(event);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(INSERT, row);
            relay.wakeUp();
            return;
        }
        var pending = (PendingEvents) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingEvents();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.rows.add(row);
    }

    private Object[] row(SuiteEvent event) {
        return new Object[] {
            event.topic(),
            event.key(),
            event.eventId(),
            event.type(),
            event.subject(),
            Timestamp.from(event.time()),
            json.writeValueAsString(event)
        };
    }

    /** The events of one local transaction, inserted just before it commits. */
    private final class PendingEvents implements TransactionSynchronization {

        private final List<Object[]> rows = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (rows.size() == 1) {
                jdbc.update(INSERT, rows.getFirst());
            } else {
                jdbc.batchUpdate(INSERT, rows);
            }
        }

        @Override
        public void afterCommit() {
            relay.wakeUp();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(EventOutbox.this);
        }
    }
}
