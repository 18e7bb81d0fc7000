package dev.txsuite.coordinator.log;

import dev.txsuite.coordinator.config.CoordinatorProperties;
import dev.txsuite.coordinator.log.TransactionEvent.Decided;
import dev.txsuite.coordinator.log.TransactionEvent.TakenOver;
import dev.txsuite.events.SuiteEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who owns which unfinished transaction, and for how long. Every lease is computed with the database's clock, so
 * the instances never need to agree on theirs.
 */
@Component
public class TransactionLeases {

    /** At most this many transactions are taken over in one pass; the next pass takes the rest. */
    private static final int TAKEOVER_BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instanceId;
    private final Duration lease;

    public TransactionLeases(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            CoordinatorProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.instanceId = properties.instanceId();
        this.lease = properties.lease();
    }

    /** A transaction this instance has just taken over, and the epoch its messages carry from now on. */
    public record Takeover(String txId, String previousOwner, long epoch) {}

    /**
     * Extends the lease of every unfinished transaction this instance owns. Not forced: a renewal lost in a crash
     * only lets the others take over sooner, which they should anyway.
     *
     * @return how many leases were renewed
     */
    public int renew() {
        return jdbc.sql("""
                        UPDATE transactions SET lease_expires_at = now() + :leaseMillis * interval '1 millisecond'
                        WHERE owner = :owner
                          AND state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING')""")
                .param("leaseMillis", lease.toMillis())
                .param("owner", instanceId)
                .update();
    }

    /**
     * An operator's takeover: the transaction becomes this instance's at the next epoch with a fresh lease, whoever
     * owns it and however long its lease still runs, so that every later write and message of its former owner's run
     * is refused. Publishes {@link TakenOver}. Only inside the caller's local transaction, which has locked the row
     * and found it at {@code epoch}, and which must be forced (the participants may see the new epoch once it
     * commits).
     *
     * @return the new epoch
     */
    public long takeOver(String txId, String previousOwner, long epoch) {
        return takeOverLocked(txId, previousOwner, epoch, "", "", null);
    }

    /**
     * {@link #takeOver} of an undecided transaction that no PRE-COMMIT was logged for (PREPARING), and in the same
     * statement the decision ABORT with the reason; publishes {@link TakenOver} and {@link Decided}.
     *
     * @return the new epoch
     */
    public long takeOverToAbort(String txId, String previousOwner, long epoch, String reason) {
        var taken = takeOverLocked(
                txId,
                previousOwner,
                epoch,
                ", state = 'ABORTING', decision = 'ABORT', reason = :reason, decided_at = now()",
                "AND state = 'PREPARING'",
                reason);
        events.publishEvent(new Decided(SuiteEvent.newEventId(), clock.instant(), txId, "ABORT", reason));
        return taken;
    }

    /**
     * @param alsoSet further assignments, and {@code condition} a further condition: constant SQL of the two callers
     *     above, never outside input
     * @param reason the {@code :reason} of {@code alsoSet}, if it has one
     */
    private long takeOverLocked(
            String txId, String previousOwner, long epoch, String alsoSet, String condition, String reason) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a takeover of " + txId + " outside the transaction that locked it");
        }
        var taken = jdbc.sql("""
                        UPDATE transactions
                        SET owner = :owner, epoch = epoch + 1,
                            lease_expires_at = now() + :leaseMillis * interval '1 millisecond', updated_at = now() %s
                        WHERE tx_id = :txId AND epoch = :epoch %s
                        RETURNING epoch""".formatted(alsoSet, condition))
                .param("owner", instanceId)
                .param("leaseMillis", lease.toMillis())
                .param("txId", txId)
                .param("epoch", epoch)
                .param("reason", reason)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("transaction " + txId + " changed under its lock"));
        events.publishEvent(
                new TakenOver(SuiteEvent.newEventId(), clock.instant(), txId, previousOwner, instanceId, taken));
        return taken;
    }

    /**
     * Takes over the unfinished transactions of other instances whose lease expired, oldest first: owner = this
     * instance, epoch + 1 and a fresh lease, in one statement that touches only rows whose lease is still expired
     * and that no other taker has locked, so that two instances can never both take one. Forced, and in the same
     * local transaction a {@link TakenOver} event for each: once this returns, the participants may see the new
     * epoch, and a takeover lost in a crash would leave the log behind them.
     */
    public List<Takeover> takeOverExpired() {
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL synchronous_commit = on").update();
            var taken = jdbc.sql("""
                            WITH expired AS (
                                SELECT tx_id, owner FROM transactions
                                WHERE state IN ('PREPARING', 'PRE_COMMITTING', 'COMMITTING', 'ABORTING')
                                  AND lease_expires_at <= now()
                                  AND owner <> :owner
                                ORDER BY created_at
                                LIMIT :batch
                                FOR UPDATE SKIP LOCKED)
                            UPDATE transactions t
                            SET owner = :owner, epoch = t.epoch + 1,
                                lease_expires_at = now() + :leaseMillis * interval '1 millisecond', updated_at = now()
                            FROM expired
                            WHERE t.tx_id = expired.tx_id AND t.lease_expires_at <= now()
                            RETURNING t.tx_id, expired.owner AS previous_owner, t.epoch""")
                    .param("owner", instanceId)
                    .param("batch", TAKEOVER_BATCH)
                    .param("leaseMillis", lease.toMillis())
                    .query((row, rowNumber) ->
                            new Takeover(row.getString("tx_id"), row.getString("previous_owner"), row.getLong("epoch")))
                    .list();
            taken.forEach(takeover -> events.publishEvent(new TakenOver(
                    SuiteEvent.newEventId(),
                    clock.instant(),
                    takeover.txId(),
                    takeover.previousOwner(),
                    instanceId,
                    takeover.epoch())));
            return taken;
        });
    }
}
