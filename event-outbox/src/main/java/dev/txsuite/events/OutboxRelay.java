package dev.txsuite.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relaying side of the outbox: one thread that takes the oldest rows of {@code outbox_event} (at most
 * {@code relayBatch}), sends them to Kafka, waits until Kafka has acknowledged all of them, and deletes them, in one
 * local transaction whose row locks keep another instance of the service from sending the same rows meanwhile
 * ({@code FOR UPDATE SKIP LOCKED}). Whatever committed while a batch was on its way goes in the next one, so the
 * cost of the bookkeeping (one SELECT, one DELETE, one commit) is shared by all the events of a batch, and an idle
 * service waits for nothing: a commit wakes the relay at once.
 *
 * <p>The table is the queue: the relay holds at most one batch in memory, whatever the backlog. If Kafka or the
 * database fails, the batch's transaction rolls back and its rows stay for the next attempt, after a backoff that
 * grows to {@code relayBackoff}. The delete is not forced to disk: one lost in a crash only sends its events again,
 * with the same ids, which idempotent consumers ignore. Events leave in the order they were committed, per instance.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    private record Row(long id, ProducerRecord<Object, Object> record) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<Object, Object> kafka;
    private final EventOutboxProperties properties;
    private final String source;
    private volatile Thread thread;
    private volatile boolean running;

    /** @param source the service, as the events' {@code ce_source} names it */
    OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            KafkaOperations<Object, Object> kafka,
            EventOutboxProperties properties,
            String source) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.properties = properties;
        this.source = source;
    }

    /** Something was committed to the outbox: relay it now rather than at the next interval. */
    void wakeUp() {
        var relay = thread;
        if (relay != null) {
            LockSupport.unpark(relay);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::relayUntilStopped);
    }

    @Override
    public void stop() {
        running = false;
        var relay = thread;
        if (relay != null) {
            LockSupport.unpark(relay);
            try {
                relay.join(properties.sendTimeout().plusSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After everything that publishes has started, before it stops: the last commits still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void relayUntilStopped() {
        var backoff = FIRST_BACKOFF;
        var failing = false;
        while (running) {
            int relayed;
            try {
                relayed = relayOneBatch();
                if (failing) {
                    log.info("the outbox relays to Kafka again");
                    failing = false;
                }
                backoff = FIRST_BACKOFF;
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("cannot relay the outbox now, its events wait in {}: {}", OutboxTable.NAME, e.toString());
                    failing = true;
                }
                LockSupport.parkNanos(backoff.toNanos());
                backoff = min(backoff.multipliedBy(2), properties.relayBackoff());
                continue;
            }
            if (relayed < properties.relayBatch()) {
                LockSupport.parkNanos(properties.relayInterval().toNanos());
            }
        }
    }

    /** @return how many events went out */
    int relayOneBatch() {
        var relayed = transactions.execute(status -> {
            jdbc.execute("SET LOCAL synchronous_commit = off");
            var rows = jdbc.query(
                    "SELECT id, topic, key, event_id, type, subject, time, body FROM outbox_event"
                            + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
                    this::row,
                    properties.relayBatch());
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            jdbc.update("DELETE FROM outbox_event WHERE id = ANY (?)", (Object)
                    rows.stream().map(Row::id).toArray(Long[]::new));
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    /** Sends every row and waits until Kafka has acknowledged all of them, or throws. */
    private void send(List<Row> rows) {
        var sent = rows.stream().map(row -> kafka.send(row.record())).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an event: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka did not acknowledge " + rows.size() + " events within " + properties.sendTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending to Kafka", e);
        }
    }

    private Row row(ResultSet row, int number) throws SQLException {
        var time = row.getTimestamp("time").toInstant();
        var record = new ProducerRecord<Object, Object>(
                row.getString("topic"),
                null,
                time.toEpochMilli(),
                row.getString("key"),
                row.getString("body"),
                CloudEventHeaders.of(
                        row.getString("event_id"), source, row.getString("type"), time, row.getString("subject")));
        return new Row(row.getLong("id"), record);
    }

    private static Duration min(Duration left, Duration right) {
        return left.compareTo(right) <= 0 ? left : right;
    }
}
